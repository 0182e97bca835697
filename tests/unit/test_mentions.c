/*
 * test_mentions.c — mentions from matches: forms, compounds, byte offsets,
 * sentence indices.  Sentences are cut by hand after . ! ? so that these
 * tests depend on the tokenizer and the gazetteer only.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "mentions.h"
#include "sentences.h"
#include "support.h"
#include "tokens.h"
#include "util.h"

static rg_dict *D;
static rg_tokens T;
static rg_sentences S;
static rg_mentions M;
static const char *text;

static void setup(void)
{
    D = rgt_default_dict();
    cr_assert_not_null(D, "the shipped dictionary must load");
    rg_i_tokens_init(&T);
    memset(&S, 0, sizeof(S));
    rg_i_mentions_init(&M);
}

static void teardown(void)
{
    rg_dict_free(D);
    rg_i_tokens_destroy(&T);
    free(S.v);
    rg_i_mentions_destroy(&M);
}

TestSuite(mentions, .init = setup, .fini = teardown);

/* Tokenizes t, cuts a sentence after every . ! ? token, finds mentions. */
static size_t find(const char *t)
{
    text = t;
    rg_i_tokenize(&T, t, strlen(t));
    S.n = 0;
    size_t begin = 0;
    for (size_t i = 0; i < T.n; i++) {
        const char *f = rg_i_token_fold(&T, i);
        if (i + 1 == T.n || (T.v[i].kind == RG_TOK_PUNCT &&
                             (!strcmp(f, ".") || !strcmp(f, "!") ||
                              !strcmp(f, "?")))) {
            RG_GROW(S.v, S.cap, S.n + 1);
            S.v[S.n++] = (rg_sentence){(uint32_t)begin, (uint32_t)i + 1,
                                       T.v[begin].start, T.v[i].end, 0};
            begin = i + 1;
        }
    }
    rg_i_find_mentions(&M, D, &T, &S);
    return M.n;
}

/* Checks mention i: its surface (found from its byte span), actor, form. */
static void expect(size_t i, const char *surf, const char *id, int form)
{
    cr_assert_lt(i, M.n);
    const rg_mention *m = &M.v[i];
    cr_expect_eq(m->end - m->start, strlen(surf), "mention %zu", i);
    cr_expect(strncmp(text + m->start, surf, strlen(surf)) == 0,
              "mention %zu is \"%.*s\", expected \"%s\"", i,
              (int)(m->end - m->start), text + m->start, surf);
    cr_expect_str_eq(D->actors[m->actor].id, id, "mention %zu (%s)", i, surf);
    cr_expect_eq(m->form, form, "mention %zu (%s): form %s, expected %s", i,
                 surf, rg_i_form_name(m->form), rg_i_form_name(form));
}

Test(mentions, forms_come_from_the_aliases)
{
    /* "in Moskau" would be a place: see venue_rule_for_capitals */
    cr_assert_eq(find("Putins Berater trafen die russischen Diplomaten; "
                      "Moskau, Nordkoreaner und Wladimir Putin."), 5);
    expect(0, "Putins", "putin", RG_FORM_GENITIVE);
    expect(1, "russischen", "russia", RG_FORM_ADJECTIVE);
    expect(2, "Moskau", "russia", RG_FORM_METONYM);
    expect(3, "Nordkoreaner", "north_korea", RG_FORM_DEMONYM);
    expect(4, "Wladimir Putin", "putin", RG_FORM_NAME);
}

Test(mentions, hyphen_compounds)
{
    cr_assert_eq(find("NATO-Generalsekretär Mark Rutte kam."), 2);
    expect(0, "NATO", "nato", RG_FORM_COMPOUND);
    expect(1, "Mark Rutte", "mark_rutte", RG_FORM_NAME);

    cr_assert_eq(find("Der Nato-Russland-Rat tagte."), 2);
    expect(0, "Nato", "nato", RG_FORM_COMPOUND);
    expect(1, "Russland", "russia", RG_FORM_COMPOUND);

    cr_assert_eq(find("Im Ukraine-Krieg und in der Ost-Ukraine."), 2);
    expect(0, "Ukraine", "ukraine", RG_FORM_COMPOUND);
    expect(1, "Ukraine", "ukraine", RG_FORM_COMPOUND);
}

Test(mentions, a_hyphen_inside_the_alias_is_not_a_compound)
{
    cr_assert_eq(find("Kim Jong-un und Yoon Suk-yeol."), 2);
    expect(0, "Kim Jong-un", "kim_jong_un", RG_FORM_NAME);
    expect(1, "Yoon Suk-yeol", "yoon_suk_yeol", RG_FORM_NAME);
    /* ... but one glued to a word outside it is. */
    cr_assert_eq(find("Das Kim Jong-un-Regime und US-Präsident Biden."), 3);
    expect(0, "Kim Jong-un", "kim_jong_un", RG_FORM_COMPOUND);
    expect(1, "US", "usa", RG_FORM_COMPOUND);
    expect(2, "Biden", "joe_biden", RG_FORM_SHORT);
}

Test(mentions, closed_compounds_and_dashes_with_spaces_are_not_split)
{
    cr_assert_eq(find("Der Kremlchef sprach - Russland schwieg."), 1);
    expect(0, "Russland", "russia", RG_FORM_NAME);
}

Test(mentions, offsets_are_bytes_after_umlauts)
{
    const char *t = "Über Südkoreas Grenze: Pjöngjang drohte Seoul.";
    cr_assert_eq(find(t), 3);
    expect(0, "Südkoreas", "south_korea", RG_FORM_GENITIVE);
    expect(1, "Pjöngjang", "north_korea", RG_FORM_METONYM);
    expect(2, "Seoul", "south_korea", RG_FORM_METONYM);
    /* Ü, ü, ö are two bytes each in UTF-8. */
    cr_expect_eq(M.v[0].start, 6);
    cr_expect_eq(M.v[0].end, 16);
    cr_expect_eq(M.v[1].start, (uint32_t)(strstr(t, "Pjö") - t));
    cr_expect_eq(M.v[1].start, 25);
    cr_expect_eq(M.v[1].end, 35);
}

Test(mentions, official_names_whole_and_sentence_indices)
{
    cr_assert_eq(find("Der Deutsche Bundestag tagte. Die Demokratische "
                      "Volksrepublik Korea schwieg! Die Bundesregierung "
                      "auch."), 3);
    expect(0, "Deutsche Bundestag", "bundestag", RG_FORM_NAME);
    expect(1, "Demokratische Volksrepublik Korea", "north_korea",
           RG_FORM_NAME);
    expect(2, "Bundesregierung", "bundesregierung", RG_FORM_NAME);
    cr_expect_eq(M.v[0].sentence, 0);
    cr_expect_eq(M.v[1].sentence, 1);
    cr_expect_eq(M.v[2].sentence, 2);
}

Test(mentions, matches_do_not_cross_sentences)
{
    /* "Kim." ends a sentence; "Jong-un" alone starts the next. */
    cr_assert_eq(find("Wir sahen Kim. Jong-un kam nicht."), 0);
}

Test(mentions, each_call_replaces_the_previous_mentions)
{
    cr_assert_eq(find("Russland und die Ukraine."), 2);
    cr_assert_eq(find("Keine Akteure hier."), 0);
    cr_assert_eq(find("Die EU."), 1);
    expect(0, "EU", "eu", RG_FORM_NAME);
}

Test(mentions, unfinished_dictionary_finds_nothing)
{
    rg_dict *d = rg_dict_new();
    rg_i_tokenize(&T, "Russland", 8);
    rg_sentence s = {0, (uint32_t)T.n, 0, 8, 0};
    rg_sentences one = {&s, 1, 1};
    rg_i_find_mentions(&M, d, &T, &one);
    cr_assert_eq(M.n, 0);
    rg_dict_free(d);
}

Test(mentions, west_and_stern)
{
    cr_assert_eq(find("Der Westen und westliche Staaten; der stern berichtet, "
                      "Stern-Reporter auch."), 4);
    expect(0, "Westen", "west", RG_FORM_NAME);
    expect(1, "westliche", "west", RG_FORM_ADJECTIVE);
    expect(2, "stern", "stern", RG_FORM_NAME);
    expect(3, "Stern", "stern", RG_FORM_COMPOUND);
}

/* ---- rules over a small dictionary of their own ---------------------- */

static const char *SMALL_ACTORS =
    "id\ttype\tlabel\tqid\n"
    "russia\tcountry\tRussland\t\n"
    "germany\tcountry\tDeutschland\t\n"
    "jamaica\tcountry\tJamaika\t\n"
    "moscow\tlocation\tMoskau\t\n"
    "berlin\tlocation\tBerlin\t\n"
    "bundestag\torganization\tDeutscher Bundestag\t\n"
    "cdu_csu\torganization\tUnion\t\n"
    "eu\torganization\tEU\t\n"
    "nato\torganization\tNATO\t\n"
    "michael_roth\tperson\tMichael Roth\t\n"
    "claudia_roth\tperson\tClaudia Roth\t\n"
    "olaf_scholz\tperson\tOlaf Scholz\t\n";

static const char *SMALL_ALIASES =
    "actor\tform\talias\n"
    "russia\tname\tRussland\n"
    "russia\tadjective\trussisch\n"
    "russia\tdemonym\tRusse\n"
    "russia\tmetonym\tMoskau\n"
    "russia\tmetonym\tKreml\n"
    "moscow\tname\tMoskau\n"
    "germany\tmetonym\tBerlin\n"
    "berlin\tname\tBerlin\n"
    "germany\tadjective\tdeutsch\n"
    "jamaica\tname\tJamaika\n"
    "bundestag\tname\tDeutscher Bundestag\n"
    "cdu_csu\tshort\tUnion\n"
    "eu\tname\tEU\n"
    "eu\tshort\tUnion\n"
    "nato\tname\tNATO\n"
    "michael_roth\tname\tMichael Roth\n"
    "michael_roth\tshort\tRoth\n"
    "claudia_roth\tname\tClaudia Roth\n"
    "claudia_roth\tshort\tRoth\n"
    "olaf_scholz\tname\tOlaf Scholz\n"
    "olaf_scholz\tshort\tScholz\n";

static void use_small(void)
{
    rg_dict_free(D);
    D = rgt_dict(SMALL_ACTORS, SMALL_ALIASES, NULL);
    cr_assert_not_null(D);
}

Test(mentions, rule_forms_are_generated)
{
    use_small();
    cr_assert_eq(find("Russlands Russen, die Russin, des Kremls, Scholz' und "
                      "Scholz’ Plan, dem Deutschen Bundestag, russischem Gas."),
                  8);
    expect(0, "Russlands", "russia", RG_FORM_GENITIVE);
    expect(1, "Russen", "russia", RG_FORM_DEMONYM);
    expect(2, "Russin", "russia", RG_FORM_DEMONYM);
    expect(3, "Kremls", "russia", RG_FORM_METONYM);
    expect(4, "Scholz'", "olaf_scholz", RG_FORM_GENITIVE);
    expect(5, "Scholz’", "olaf_scholz", RG_FORM_GENITIVE);
    expect(6, "Deutschen Bundestag", "bundestag", RG_FORM_NAME);
    expect(7, "russischem", "russia", RG_FORM_ADJECTIVE);
}

Test(mentions, both_parts_of_an_adjective_compound)
{
    use_small();
    cr_assert_eq(find("Die deutsch-russische Zusammenarbeit."), 2);
    expect(0, "deutsch", "germany", RG_FORM_COMPOUND);
    expect(1, "russische", "russia", RG_FORM_COMPOUND);
}

Test(mentions, headline_capitals_and_case)
{
    use_small();
    cr_assert_eq(find("RUSSLAND DROHT DER NATO UND DEM KREML-KRITIKER."), 3);
    expect(0, "RUSSLAND", "russia", RG_FORM_NAME);
    expect(1, "NATO", "nato", RG_FORM_NAME);
    expect(2, "KREML", "russia", RG_FORM_COMPOUND);
    cr_assert_eq(find("Die Nato und die nato."), 1);
    expect(0, "Nato", "nato", RG_FORM_NAME);
    /* a capitalised alias does not match a lowercase word */
    cr_assert_eq(find("wir sprachen von russland."), 0);
}

Test(mentions, venue_rule_for_capitals)
{
    use_small();
    cr_assert_eq(find("Moskau droht. Die Gespräche in Moskau dauern. Das Regime "
                      "in Moskau schweigt. Er reiste nach Berlin."), 4);
    expect(0, "Moskau", "russia", RG_FORM_METONYM);
    expect(1, "Moskau", "moscow", RG_FORM_NAME);
    expect(2, "Moskau", "russia", RG_FORM_METONYM);
    expect(3, "Berlin", "berlin", RG_FORM_NAME);
    /* a dateline and a compound are places too */
    cr_assert_eq(find("MOSKAU (dpa) - Berlin-Besuch geplant."), 2);
    expect(0, "MOSKAU", "moscow", RG_FORM_NAME);
    expect(1, "Berlin", "berlin", RG_FORM_COMPOUND);
    /* a metonym with no place reading is left out as a venue */
    cr_assert_eq(find("Treffen im Kreml."), 0);
}

/* The venue rule's words are classes of the vocabulary read by the token's
 * id: every preposition and every government word, capitalised too, and
 * words that are neither. */
Test(mentions, venue_rule_every_word)
{
    use_small();
    static const char *const preps[] = {"in", "im", "nach", "aus",
                                        "bei", "ab", "bis"};
    static const char *const govs[] = {
        "Regierung",  "Regierungen",   "Regime",       "Regimes",
        "Führung",    "Führungen",     "Staatsführung", "Machthaber",
        "Machthabern", "Administration", "Machtzentrale", "Staatsspitze",
        "Staatsmacht"};
    char t[128];
    for (size_t p = 0; p < sizeof(preps) / sizeof(preps[0]); p++) {
        snprintf(t, sizeof(t), "Wir waren %s Moskau.", preps[p]);
        cr_assert_eq(find(t), 1, "%s", t);
        expect(0, "Moskau", "moscow", RG_FORM_NAME);
        snprintf(t, sizeof(t), "%c%s Moskau.", preps[p][0] - 'a' + 'A',
                 preps[p] + 1);
        cr_assert_eq(find(t), 1, "%s", t);
        expect(0, "Moskau", "moscow", RG_FORM_NAME);
        for (size_t g = 0; g < sizeof(govs) / sizeof(govs[0]); g++) {
            snprintf(t, sizeof(t), "Die %s %s Moskau.", govs[g], preps[p]);
            cr_assert_eq(find(t), 1, "%s", t);
            expect(0, "Moskau", "russia", RG_FORM_METONYM);
        }
        snprintf(t, sizeof(t), "Die Leute %s Moskau.", preps[p]);
        cr_assert_eq(find(t), 1, "%s", t);
        expect(0, "Moskau", "moscow", RG_FORM_NAME);
    }
    static const char *const others[] = {"von", "gegen", "mit", "inn",
                                         "nachher", "i", "regierungs"};
    for (size_t o = 0; o < sizeof(others) / sizeof(others[0]); o++) {
        snprintf(t, sizeof(t), "Wir waren %s Moskau.", others[o]);
        cr_assert_eq(find(t), 1, "%s", t);
        expect(0, "Moskau", "russia", RG_FORM_METONYM);
    }
}

Test(mentions, surname_resolves_to_the_person_named_before)
{
    use_small();
    cr_assert_eq(find("Michael Roth sprach. Roth warnte."), 2);
    expect(1, "Roth", "michael_roth", RG_FORM_SHORT);
    cr_expect_eq(M.unresolved, 0);
    cr_assert_eq(find("Claudia Roth und Michael Roth. Dann Claudia Roth. Roth "
                      "schwieg."), 4);
    expect(3, "Roth", "claudia_roth", RG_FORM_SHORT);
}

Test(mentions, ambiguous_surname_is_left_out_and_counted)
{
    use_small();
    cr_assert_eq(find("Roth warnte. Dann sprach Michael Roth."), 1);
    expect(0, "Michael Roth", "michael_roth", RG_FORM_NAME);
    cr_expect_eq(M.unresolved, 1);
    /* the next document starts afresh */
    cr_assert_eq(find("Roth und Roth."), 0);
    cr_expect_eq(M.unresolved, 2);
    /* a unique surname needs no full name before it */
    cr_assert_eq(find("Scholz sprach."), 1);
    cr_expect_eq(M.unresolved, 0);
}

Test(mentions, ambiguous_organisation_name_defaults_to_the_first_listed)
{
    use_small();
    cr_assert_eq(find("Die Union stimmt zu."), 1);
    expect(0, "Union", "cdu_csu", RG_FORM_SHORT);
    cr_assert_eq(find("Die EU tagt. Die Union stimmt zu."), 2);
    expect(1, "Union", "eu", RG_FORM_SHORT);
    cr_expect_eq(M.unresolved, 0);
}

Test(mentions, colour_coalitions_are_no_states)
{
    use_small();
    cr_assert_eq(find("Eine Jamaika-Koalition in Jamaika."), 1);
    expect(0, "Jamaika", "jamaica", RG_FORM_NAME);
}

Test(mentions, forms_selection_keeps_resolution)
{
    use_small();
    M.forms = 1u << RG_FORM_SHORT;
    cr_assert_eq(find("Michael Roth sprach. Roth warnte, Russlands Plan."), 1);
    expect(0, "Roth", "michael_roth", RG_FORM_SHORT);
    M.forms = (1u << RG_FORM_GENITIVE) | (1u << RG_FORM_NAME);
    cr_assert_eq(find("Michael Roth sprach. Roth warnte, Russlands Plan."), 2);
    expect(1, "Russlands", "russia", RG_FORM_GENITIVE);
    unsigned f = 0;
    cr_assert_eq(rg_forms_parse("short,genitive", &f), RG_OK);
    cr_expect_eq(f, (1u << RG_FORM_SHORT) | (1u << RG_FORM_GENITIVE));
    cr_assert_eq(rg_forms_parse("all", &f), RG_OK);
    cr_expect_eq(f, RG_FORMS_ALL);
    cr_expect_eq(rg_forms_parse("short,adj", &f), RG_EINVAL);
    cr_expect_eq(rg_forms_parse("", &f), RG_EINVAL);
    cr_expect_eq(rg_forms_parse("name,", &f), RG_EINVAL);
    cr_expect_eq(f, RG_FORMS_ALL, "unchanged on error");
}
