/*
 * test_relations.c — verb relations and their direction, one German
 * sentence per rule (see the top of src/relations.c), and co-occurrence
 * windows.  Runs the pipeline on a buffer with the shipped dictionary and
 * reads the relation rows of the evidence table.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "gazetteer.h"
#include "mentions.h"
#include "relations.h"
#include "sentences.h"
#include "tokens.h"
#include "relgraph.h"
#include "support.h"
#include "util.h"
#include "verbs.h"

static rg_dict *D;

static void setup(void)
{
    D = rgt_default_dict();
    cr_assert_not_null(D, "the shipped dictionary must load");
}

static void teardown(void)
{
    rg_dict_free(D);
}

TestSuite(relations, .init = setup, .fini = teardown);

/* The evidence table of text under the given options. */
static char *S_evidence(const char *text, rg_relations which, rg_window w,
                        size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    rg_options o;
    rg_options_init(&o);
    o.evidence = f;
    o.relations = which;
    o.window = w;
    o.window_tokens = n;
    rg_pipeline *p = rg_pipeline_new(D, &o);
    cr_assert_eq(rg_pipeline_add_buffer(p, "t.txt", text, strlen(text)), RG_OK);
    rg_pipeline_free(p);
    fclose(f);
    return buf;
}

/* "source>target:class:verb" for every relation row, one per line. */
static char *S_rel(const char *text)
{
    char *ev = S_evidence(text, RG_REL_VERBS, RG_WINDOW_SENTENCE, 0);
    size_t cap = strlen(ev) + 2;
    char *out = calloc(1, cap);
    cr_assert_not_null(out);
    char *save = NULL;
    int header = 1;
    for (char *line = strtok_r(ev, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (header) {
            header = 0;
            continue;
        }
        char *f[10] = {0};
        size_t nf = 0;
        for (char *p = line; nf < 10; nf++) {
            f[nf] = p;
            char *tab = strchr(p, '\t');
            if (!tab) {
                nf++;
                break;
            }
            *tab = '\0';
            p = tab + 1;
        }
        cr_assert_eq(nf, 10, "evidence rows have 10 columns");
        cr_assert_str_eq(f[6], "relation");
        size_t k = strlen(out);
        snprintf(out + k, cap - k, "%s>%s:%s:%s\n", f[4], f[5], f[7], f[8]);
    }
    free(ev);
    return out;
}

#define HAS(text, want)                                                      \
    do {                                                                     \
        char *got_ = S_rel(text);                                            \
        cr_expect(strstr(got_, want "\n") != NULL,                           \
                  "%s\n  expected %s\n  got:\n%s", text, want, got_);        \
        free(got_);                                                          \
    } while (0)

#define HAS_NOT(text, unwanted)                                              \
    do {                                                                     \
        char *got_ = S_rel(text);                                            \
        cr_expect(strstr(got_, unwanted) == NULL,                            \
                  "%s\n  did not expect %s\n  got:\n%s", text, unwanted,     \
                  got_);                                                     \
        free(got_);                                                          \
    } while (0)

#define NONE(text)                                                           \
    do {                                                                     \
        char *got_ = S_rel(text);                                            \
        cr_expect_str_eq(got_, "", "%s\n  expected no relation, got:\n%s",   \
                         text, got_);                                        \
        free(got_);                                                          \
    } while (0)

Test(relations, subject_before_the_finite_verb)
{
    HAS("Die NATO warnt Nordkorea vor einer Eskalation.",
        "nato>north_korea:warn:warnen");
    HAS_NOT("Die NATO warnt Nordkorea vor einer Eskalation.", "north_korea>");
}

Test(relations, subject_after_the_verb_when_a_phrase_comes_first)
{
    HAS("Am Mittwoch kritisierte die Nato Russland scharf.",
        "nato>russia:criticize:kritisieren");
    HAS_NOT("Am Mittwoch kritisierte die Nato Russland scharf.", "russia>");
}

Test(relations, verb_final_subordinate_clause)
{
    HAS("Experten fürchten, dass Nordkorea Russland Munition liefert.",
        "north_korea>russia:supply:liefern");
}

Test(relations, passive_with_von_and_durch)
{
    HAS("Russland wurde von der EU verurteilt.", "eu>russia:condemn:verurteilen");
    HAS_NOT("Russland wurde von der EU verurteilt.", "russia>eu");
    HAS("Nordkorea wird durch die USA sanktioniert.",
        "usa>north_korea:sanction:sanktionieren");
    NONE("Nordkorea wurde verurteilt, Russland schwieg.");
}

Test(relations, coordinated_subjects_are_two_sources)
{
    const char *t = "Deutschland und Frankreich unterstützen die Ukraine.";
    HAS(t, "germany>ukraine:support:unterstützen");
    HAS(t, "france>ukraine:support:unterstützen");
    HAS_NOT(t, "germany>france");
}

Test(relations, list_of_objects)
{
    const char *t = "Die EU kritisiert Russland, Nordkorea und Iran.";
    HAS(t, "eu>russia:criticize:kritisieren");
    HAS(t, "eu>north_korea:criticize:kritisieren");
    HAS(t, "eu>iran:criticize:kritisieren");
}

Test(relations, reported_speech_keeps_the_assertion)
{
    const char *t = "„Russland greift die Ukraine an“, sagte Selenskyj.";
    HAS(t, "russia>ukraine:attack:angreifen");
    HAS_NOT(t, "selenskyj>");
    HAS("Die Ukraine greift Ziele in Russland an, sagt Selenskyj dem stern.",
        "selenskyj>stern:inform:sagen");
}

Test(relations, separable_particle_at_the_clause_end)
{
    HAS("Seoul bestellte den russischen Botschafter ein.",
        "south_korea>russia:summon:einbestellen");
    /* an apposition between verb and particle */
    HAS("Seoul bestellte den Botschafter Russlands, Georgi Sinowjew, ein.",
        "south_korea>russia:summon:einbestellen");
    /* "teilte ... mit" is mitteilen, and "mit dem ..." names no addressee */
    NONE("Rutte teilte nach einem Gespräch mit Selenskyj mit, er sei besorgt.");
}

Test(relations, destination_of_troops_sent)
{
    HAS("Nordkorea schickt Soldaten nach Russland.",
        "north_korea>russia:deploy:schicken");
    HAS("Nordkorea hat Tausende Soldaten nach Russland entsandt.",
        "north_korea>russia:deploy:entsenden");
    /* the nach-phrase before the verb is no destination */
    HAS_NOT("Nach Angaben Südkoreas schickt Nordkorea Soldaten nach Russland.",
            "south_korea");
}

Test(relations, modifiers_only_on_organs_forces_envoys)
{
    HAS("Die russische Regierung kritisiert Deutschland.",
        "russia>germany:criticize:kritisieren");
    NONE("Der SPD-Politiker kritisiert Russland.");
    HAS("NATO-Generalsekretär Mark Rutte warnt Russland.",
        "mark_rutte>russia:warn:warnen");
    HAS_NOT("NATO-Generalsekretär Mark Rutte warnt Russland.", "nato>");
}

Test(relations, no_direction_no_relation)
{
    NONE("Russland und die Ukraine.");
    NONE("Die Ukraine, Russland.");
    /* an unknown verb */
    NONE("Russland bewundert die Ukraine.");
}

Test(relations, multi_word_patterns)
{
    HAS("Die EU verhängt neue Sanktionen gegen Russland.",
        "eu>russia:sanction:verhängen");
    HAS("Xi Jinping trifft sich mit Wladimir Putin.",
        "xi_jinping>putin:meet:treffen");
    HAS("Deutschland stellt sich an die Seite der Ukraine.",
        "germany>ukraine:support:stellen");
    HAS("Putin führt einen Krieg gegen die Ukraine.",
        "putin>ukraine:fight:führen");
}

Test(relations, reciprocal_verbs_relate_the_coordinated_subject)
{
    const char *t = "Nordkorea und Russland haben ihre Beziehungen ausgebaut.";
    HAS(t, "north_korea>russia:cooperate:ausbauen");
    HAS_NOT(t, "russia>north_korea");
}

Test(relations, zu_infinitive_takes_the_subject_before)
{
    HAS("Nordkorea schickt Truppen, um an der Seite von Russland zu kämpfen.",
        "north_korea>russia:cooperate:kämpfen");
}

Test(relations, genitive_after_a_noun_is_an_object)
{
    const char *t =
        "Selenskyj verurteilt die Zusammenarbeit Russlands und Nordkoreas.";
    HAS(t, "selenskyj>russia:condemn:verurteilen");
    HAS(t, "selenskyj>north_korea:condemn:verurteilen");
}

Test(relations, title_before_a_name_takes_the_role_of_the_phrase)
{
    HAS("Rutte sprach mit dem südkoreanischen Präsidenten Yoon Suk Yeol.",
        "mark_rutte>yoon_suk_yeol:meet:sprechen");
    NONE("Chinas Staats- und Parteichef Xi Jinping hat es gesagt.");
}

Test(relations, a_clause_after_und_with_a_verb_is_its_own)
{
    const char *t = "Die Nato warnt Russland und droht mit Konsequenzen.";
    HAS(t, "nato>russia:warn:warnen");
    HAS_NOT(t, "threaten");
}

Test(relations, dative_object_after_the_subject)
{
    HAS("Die Bundesregierung liefert der Ukraine Waffen.",
        "bundesregierung>ukraine:supply:liefern");
}

/* ------------------------------------------------------------------ */
/* Co-occurrence windows                                               */
/* ------------------------------------------------------------------ */

static size_t S_rows(const char *text, rg_window w, size_t n)
{
    char *ev = S_evidence(text, RG_REL_COOCCURRENCE, w, n);
    size_t rows = 0;
    for (const char *p = ev; (p = strchr(p, '\n')); p++)
        rows++;
    free(ev);
    return rows - 1;   /* the header */
}

Test(relations, cooccurrence_windows)
{
    const char *t = "Russland und China.\nDie Ukraine.\n\nDie USA.\n";
    cr_expect_eq(S_rows(t, RG_WINDOW_SENTENCE, 0), 1);
    cr_expect_eq(S_rows(t, RG_WINDOW_PARAGRAPH, 0), 3);
    cr_expect_eq(S_rows(t, RG_WINDOW_DOCUMENT, 0), 6);
    /* Russland .. China are 2 tokens apart; China .. Ukraine 3 */
    cr_expect_eq(S_rows(t, RG_WINDOW_TOKENS, 2), 1);
    cr_expect_eq(S_rows(t, RG_WINDOW_TOKENS, 4), 3);
}

Test(relations, wider_windows_cite_both_sentences)
{
    const char *t = "Russland schweigt.\nDie Ukraine wartet.\n";
    char *ev = S_evidence(t, RG_REL_COOCCURRENCE, RG_WINDOW_DOCUMENT, 0);
    cr_expect(strstr(ev, "\t0\t0\t") != NULL, "%s", ev);
    cr_expect(strstr(ev, "Russland schweigt.\nDie") == NULL,
              "line breaks in text stay out of the row: %s", ev);
    cr_expect(strstr(ev, "Russland schweigt. Die Ukraine wartet.") != NULL,
              "%s", ev);
    free(ev);
}

Test(relations, verbs_only_and_cooccurrence_only)
{
    const char *t = "Die NATO warnt Nordkorea.";
    char *ev = S_evidence(t, RG_REL_COOCCURRENCE, RG_WINDOW_SENTENCE, 0);
    cr_expect_null(strstr(ev, "\trelation\twarn"), "%s", ev);
    free(ev);
    ev = S_evidence(t, RG_REL_VERBS, RG_WINDOW_SENTENCE, 0);
    cr_expect_null(strstr(ev, "\tcooccurrence\t"), "%s", ev);
    cr_expect(strstr(ev, "\tnato\tnorth_korea\trelation\twarn\twarnen\t") != NULL,
              "%s", ev);
    free(ev);
}

/* "X verb1 ... und verb2 Y": a clause after und that begins with its
 * finite verb shares the subject of the clause before. */
Test(relations, coordinated_verb_first_clause_shares_the_subject)
{
    HAS("Die Türkei empfing die Delegation und kritisierte Israel scharf.",
        "turkey>israel:criticize:kritisieren");
    HAS("Polen schloss die Grenze und warf Belarus eine Provokation vor.",
        "poland>belarus:accuse:vorwerfen");
    HAS("Japan bestellte den Gesandten ein und verurteilte Nordkorea.",
        "japan>north_korea:condemn:verurteilen");
    HAS_NOT("Japan bestellte den Gesandten ein und verurteilte Nordkorea.",
            "north_korea>");
}

Test(relations, coordinated_clause_with_its_own_subject_keeps_it)
{
    const char *t = "Ungarn zögerte lange und dann unterstützte Kanada die Ukraine.";
    HAS(t, "canada>ukraine:support:unterstützen");
    HAS_NOT(t, "hungary>");
}

/* "X kündigt an/erklärt/droht, ... zu VERB": the main subject is the
 * subject of the zu-infinitive; a group before "zu VERB" is its object. */
Test(relations, zu_infinitive_takes_the_subject_of_the_main_clause)
{
    HAS("Kanada kündigte an, Polen weitere Panzer zu liefern.",
        "canada>poland:supply:liefern");
    HAS_NOT("Kanada kündigte an, Polen weitere Panzer zu liefern.", "poland>");
    HAS("Norwegen erklärte, Estland beim Aufbau der Luftabwehr zu unterstützen.",
        "norway>estonia:support:unterstützen");
    HAS("Der Iran drohte, Israel anzugreifen.", "iran>israel:attack:angreifen");
    HAS("Litauen versprach Polen, Belarus weiter zu beobachten.",
        "lithuania>belarus:other:beobachten");
    HAS_NOT("Litauen versprach Polen, Belarus weiter zu beobachten.",
            "poland>belarus");
}

Test(relations, zu_infinitive_after_an_object_or_a_refusal_is_undecided)
{
    const char *t = "Die EU warnte Serbien davor, Russland zu unterstützen.";
    HAS(t, "eu>serbia:warn:warnen");
    HAS_NOT(t, ">russia");
    HAS_NOT("Ungarn weigerte sich, der Ukraine Waffen zu liefern.",
            "hungary>ukraine");
}

/* "Sanktionen gegen X" with ankündigen, beschließen, verlängern ...: the
 * noun and gegen make the verb sanction. */
Test(relations, sanction_noun_with_gegen)
{
    HAS("Kanada kündigte neue Sanktionen gegen den Iran an.",
        "canada>iran:sanction:ankündigen");
    HAS("Die Europäische Union hat ein Embargo gegen Belarus beschlossen.",
        "eu>belarus:sanction:beschließen");
    HAS("Norwegen verlängerte die Strafmaßnahmen gegen Syrien.",
        "norway>syria:sanction:verlängern");
    HAS("Japan weitet die Sanktionen gegen Nordkorea aus.",
        "japan>north_korea:sanction:ausweiten");
}

Test(relations, ankuendigen_without_sanction_noun_is_no_relation)
{
    NONE("Japan kündigte Gespräche mit China an.");
    NONE("Die EU beschloss neue Hilfen für Serbien.");
}

/*
 * The fast paths of the verb rules (one word-table lookup per token, class
 * bits instead of string compares, lists of verb and mark tokens, the form
 * filter, lazily computed control verbs) against the relations the rules
 * made before them: each row below is what the tree before these paths
 * wrote for the sentence (asides in parentheses, dash pairs and brackets,
 * quotes of several kinds, list commas, hard boundaries, zu-infinitives
 * after control and refusal verbs, separable particles, a capitalised
 * verb at the start, reciprocal "sich").
 */
Test(relations, fast_paths_keep_the_relations)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"Die NATO (das westliche Militärbündnis) warnt Nordkorea – und "
         "China – vor einer Eskalation.",
         "nato>north_korea:warn:warnen\n"},
        {"Russland, China und Iran verurteilten die USA – so der Sprecher – "
         "scharf.",
         "russia>usa:condemn:verurteilen\nchina>usa:condemn:verurteilen\n"
         "iran>usa:condemn:verurteilen\n"},
        {"„Die EU sanktioniert Russland“, sagte Scholz, der die Ukraine "
         "unterstützt.",
         "eu>russia:sanction:sanktionieren\n"},
        {"Der Kreml wies die Vorwürfe zurück und beschuldigte die Ukraine, "
         "Russland anzugreifen.",
         "russia>ukraine:accuse:beschuldigen\n"},
        {"Nordkorea weigerte sich, Russland Munition zu liefern, während "
         "China die USA kritisierte.",
         ""},
        {"Die Regierung in Pjöngjang bestellte den russischen Botschafter "
         "ein; die USA warnten China.",
         "usa>china:warn:warnen\n"},
        {"Die USA forderten die Ukraine auf, Russland nicht anzugreifen, und "
         "kündigten an, Kiew zu unterstützen.",
         "usa>ukraine:demand:auffordern\nukraine>russia:attack:angreifen\n"},
        {"NATO-Generalsekretär Mark Rutte traf sich mit Selenskyj - ein "
         "Treffen, das Russland verurteilte.",
         "mark_rutte>selenskyj:meet:treffen\n"},
        {"Frankreich und Deutschland haben sich Unterstützung zugesichert "
         "[so Macron], sagte die EU.",
         "france>germany:support:zusichern\n"},
        {"Laut der UNO schickt Nordkorea Soldaten nach Russland, obwohl China "
         "davor warnte.",
         "north_korea>russia:deploy:schicken\n"},
        {"Die Ukraine ‚verurteilte‘ Russland » scharf « und die NATO "
         "bestellte den Botschafter Chinas ein.",
         "ukraine>russia:condemn:verurteilen\nnato>china:summon:einbestellen\n"},
        {"WARNT die NATO Russland? Die EU kritisiert China: Peking unterstützt "
         "Russland!",
         "nato>russia:warn:warnen\neu>china:criticize:kritisieren\n"
         "china>russia:support:unterstützen\n"},
        /* No form of the lexicon: the filter's way out. */
        {"Russland und China, die USA und die Ukraine am Montag in Berlin.",
         ""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = S_rel(cases[i].text);
        cr_expect_str_eq(got, cases[i].want, "%s", cases[i].text);
        free(got);
    }
}

/*
 * The clause shortcuts (no verbs looked at in a clause without a subject
 * or without a target besides it; nothing taken over from a clause before
 * that has neither subject nor controller; noun-phrase test only for a
 * segment a join depends on) against the relations the tree before them
 * (aa09399) wrote: subjects carried over und, aber and zu-infinitives,
 * reciprocal verbs in a clause of their own, appositions and leading
 * phrases cut off by commas.
 */
Test(relations, clause_shortcuts_keep_the_relations)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"China und Russland verhandelten am Montag in Moskau und trafen "
         "sich.",
         "china>russia:meet:treffen\n"},
        {"Russland und China kündigten an, sich zu treffen.",
         "russia>china:meet:treffen\n"},
        {"Am Montag in Berlin, sagte der Sprecher, warnte die NATO Russland.",
         "nato>russia:warn:warnen\n"},
        {"Die USA, so heißt es, kritisierten China und Russland, und Iran "
         "verurteilte Israel.",
         "iran>israel:condemn:verurteilen\n"},
        {"Russland, ein enger Partner, unterstützt Nordkorea, das China "
         "warnte.",
         ""},
        {"In Berlin, in Paris und in Rom, die EU kritisiert Russland.", ""},
        {"Frankreich und Deutschland trafen sich, aber verhandelten nicht, "
         "und sicherten sich Unterstützung zu.",
         "france>germany:meet:treffen\nfrance>germany:support:zusichern\n"},
        /* Clauses without a form between the subject and the verb that
         * takes it over (worked out only when asked). */
        {"Frankreich und Deutschland diskutierten lange und sicherten sich "
         "Unterstützung zu.",
         ""},
        {"Frankreich und Deutschland trafen sich, diskutierten lange und "
         "sicherten sich Unterstützung zu.",
         "france>germany:meet:treffen\nfrance>germany:support:zusichern\n"},
        {"Die USA forderten die Ukraine am Montag auf, in Kiew zu bleiben, "
         "und Russland nicht anzugreifen.",
         "usa>ukraine:demand:fordern\nukraine>russia:attack:angreifen\n"},
        {"Am Montag in Berlin, so hieß es, und am Dienstag in Paris warnte "
         "die NATO Russland.",
         "nato>russia:warn:warnen\n"},
        {"China und Russland diskutierten, und Frankreich schwieg, und "
         "trafen sich.",
         ""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = S_rel(cases[i].text);
        cr_expect_str_eq(got, cases[i].want, "%s", cases[i].text);
        free(got);
    }
}

/* A sentence of two mentions (the shortcut of the sentence window) gives
 * the pair in actor order whichever comes first, none for one actor
 * twice or a single mention. */
Test(relations, two_mentions_make_one_pair_in_actor_order)
{
    char *ev = S_evidence("China und Russland.\nRussland und China.\n"
                          "Russland und Russland.\nRussland.\n",
                          RG_REL_COOCCURRENCE, RG_WINDOW_SENTENCE, 0);
    size_t rows = 0;
    for (const char *p = ev; (p = strchr(p, '\n')); p++)
        rows++;
    cr_expect_eq(rows, 3, "a header and two pairs: %s", ev);
    const char *a = strstr(ev, "\t0\t"), *b = strstr(ev, "\t1\t");
    cr_assert(a && b, "%s", ev);
    cr_expect(strstr(a, "\tchina\trussia\tcooccurrence") != NULL, "%s", ev);
    cr_expect(strstr(b, "\tchina\trussia\tcooccurrence") != NULL, "%s", ev);
    free(ev);
}

/* Sentences of one, two and three mentions mixed, ending on a single
 * mention and on a pair (the runs of the sentence window, S_runs): each
 * sentence gives the pairs of its own distinct actors only. */
Test(relations, sentence_window_pairs_per_sentence)
{
    cr_expect_eq(S_rows("Russland.\nChina und Iran.\n"
                        "Die USA, Russland und China.\nIran.\n",
                        RG_WINDOW_SENTENCE, 0),
                 4);
    cr_expect_eq(S_rows("Russland, China und Iran.\nDie USA.\n"
                        "Iran und Iran.\nRussland und China.\n",
                        RG_WINDOW_SENTENCE, 0),
                 4);
    cr_expect_eq(S_rows("Russland und China.\nIran.\n", RG_WINDOW_SENTENCE, 0),
                 1);
}

/* Folded words to ask the verb lexicon's word table about: forms of
 * every kind, function words and punctuation of the rules, words that
 * are neither, non-ASCII, and lengths around 3, 4, 8 and 16 bytes. */
static const char *const S_words[] = {
    "warnt", "warnte", "warnten", "gewarnt", "warnen", "warne", "warnst",
    "bestellte", "einbestellte", "einbestellt", "einzubestellen",
    "bestellen", "einbestellen", "unterstützt", "unterstützte",
    "unterstützen", "zugesichert", "zusichern", "sicherte", "liefern",
    "lieferte", "anzugreifen", "griff", "verurteilt", "verurteilten",
    "kritisiert", "trafen", "treffen", "schickt", "schickten",
    "der", "die", "das", "dem", "den", "des", "ein", "einer", "seinem",
    "ihren", "und", "oder", "sowie", "aber", "sondern", "denn", "zu", "in",
    "von", "vom", "durch", "um", "ohne", "statt", "zufolge", "dass", "ob",
    "welche", "denen", "sich", "einander", "hat", "wurde", "worden",
    "würde", "müssen", "muss", "für", "über", "gegenüber", ",", ";", ":",
    "?", "!", "(", ")", "[", "]", "-", "–", "—", "\"", "„", "“", "»", "'",
    "‚", "‘", "’", "‹", "›", ".", "russland", "nordkorea",
    "verteidigungsministerium", "bundesverteidigungsministerin",
    "a", "zz", "zzz", "zzzz", "zzzzzzzz", "zzzzzzzzzzzzzzzz", "warnu",
    "warntx", "xwarnt", "ß", "straße", "strasse", ""};

/* The word table's one-byte answers (S_classify reads them off a table
 * instead of searching) are those of the search, for every byte. */
Test(relations, one_byte_words_agree_with_the_search)
{
    const rg_verb_wtab *t = rg_i_verbs_wtab(D->verbs);
    cr_assert_not_null(t, "the lexicon is finished");
    size_t found = 0;
    for (unsigned b = 0; b < 256; b++) {
        char w[2] = {(char)b, 0};
        int32_t id = rg_i_verbs_wtab_id(t, w, 1, rg_i_hash(w, 1));
        cr_expect_eq(t->one[b], id, "byte %u", b);
        cr_expect_eq(id < 0 ? NULL : &t->word[id],
                     rg_i_verbs_word(D->verbs, w, 1, rg_i_hash(w, 1)),
                     "byte %u", b);
        found += id >= 0;
    }
    /* , ; : ? ! ( ) [ ] - ' and the like are listed. */
    cr_expect_geq(found, 11, "the one-byte marks are in the table");
}

Test(relations, word_table_agrees_with_the_form_lookup)
{
    const rg_verbs *v = D->verbs;
    cr_assert_not_null(rg_i_verbs_wtab(v), "the lexicon is finished");
    size_t forms = 0;
    for (size_t i = 0; i < sizeof(S_words) / sizeof(S_words[0]); i++) {
        const char *w = S_words[i];
        size_t n = strlen(w), nh;
        uint64_t h = rg_i_hash(w, n);
        const rg_verb_hit *hits = rg_i_verbs_lookup(v, w, n, &nh);
        const rg_verb_word *x = rg_i_verbs_word(v, w, n, h);
        cr_expect_eq(x, rg_i_verbs_wtab_find(rg_i_verbs_wtab(v), w, n, h),
                     "%s", w);
        if (nh) {
            forms++;
            cr_assert_not_null(x, "%s is a form", w);
            cr_expect_eq(x->n_hits, nh, "%s", w);
            cr_expect_eq(x->hits, hits, "%s", w);
            uint8_t flags = 0;
            for (size_t k = 0; k < nh; k++)
                flags |= hits[k].flags;
            cr_expect_eq(x->flags, flags, "%s", w);
            cr_expect(rg_i_verbs_maybe_form(rg_i_verbs_wtab(v), h),
                      "the form filter must let %s through", w);
        } else {
            cr_expect(!x || x->n_hits == 0, "%s is no form", w);
        }
    }
    cr_expect_geq(forms, 20, "the list holds forms");
    /* The words of the rules are in the table, with their classes. */
    const char *listed[] = {"der", "und", "zu", ",", "(", "–", "„", "dass",
                            "welche", "sich", "hat", "seinem"};
    for (size_t i = 0; i < sizeof(listed) / sizeof(listed[0]); i++) {
        const rg_verb_word *x = rg_i_verbs_word(
            v, listed[i], strlen(listed[i]),
            rg_i_hash(listed[i], strlen(listed[i])));
        cr_expect(x && (x->cls || x->det), "%s is a listed word", listed[i]);
    }
}

/* rg_i_verbs_same's overlapping loads against memcmp, for every length up
 * to 40 and a difference at every position. */
Test(relations, word_compare_agrees_with_memcmp)
{
    char a[48], b[48];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t k = 0; k < n; k++)
            a[k] = b[k] = (char)('a' + (k * 7) % 26);
        cr_expect(rg_i_verbs_same(a, b, n), "equal, length %zu", n);
        for (size_t d = 0; d < n; d++) {
            b[d] ^= 0x20;
            cr_expect_eq(rg_i_verbs_same(a, b, n), memcmp(a, b, n) == 0,
                         "length %zu, difference at %zu", n, d);
            b[d] ^= 0x20;
        }
    }
}

/* The sentences of the tests above, and some with tricky bytes. */
static const char *const S_texts[] = {
    "Am Mittwoch kritisierte die Nato Russland scharf.",
    "Chinas Staats- und Parteichef Xi Jinping hat es gesagt.",
    "Der Iran drohte, Israel anzugreifen.",
    "Der SPD-Politiker kritisiert Russland.",
    "Deutschland stellt sich an die Seite der Ukraine.",
    "Die Bundesregierung liefert der Ukraine Waffen.",
    "Die EU beschloss neue Hilfen für Serbien.",
    "Die EU verhängt neue Sanktionen gegen Russland.",
    "Die Europäische Union hat ein Embargo gegen Belarus beschlossen.",
    "Die NATO warnt Nordkorea vor einer Eskalation.",
    "Die Türkei empfing die Delegation und kritisierte Israel scharf.",
    "Die Ukraine greift Ziele in Russland an, sagt Selenskyj dem stern.",
    "Die Ukraine, Russland.",
    "Die russische Regierung kritisiert Deutschland.",
    "Experten fürchten, dass Nordkorea Russland Munition liefert.",
    "Japan bestellte den Gesandten ein und verurteilte Nordkorea.",
    "Japan kündigte Gespräche mit China an.",
    "Japan weitet die Sanktionen gegen Nordkorea aus.",
    "Kanada kündigte an, Polen weitere Panzer zu liefern.",
    "Kanada kündigte neue Sanktionen gegen den Iran an.",
    "Litauen versprach Polen, Belarus weiter zu beobachten.",
    "NATO-Generalsekretär Mark Rutte warnt Russland.",
    "Nach Angaben Südkoreas schickt Nordkorea Soldaten nach Russland.",
    "Nordkorea hat Tausende Soldaten nach Russland entsandt.",
    "Nordkorea schickt Soldaten nach Russland.",
    "Nordkorea schickt Truppen, um an der Seite von Russland zu kämpfen.",
    "Nordkorea wird durch die USA sanktioniert.",
    "Nordkorea wurde verurteilt, Russland schwieg.",
    "Norwegen erklärte, Estland beim Aufbau der Luftabwehr zu unterstützen.",
    "Norwegen verlängerte die Strafmaßnahmen gegen Syrien.",
    "Polen schloss die Grenze und warf Belarus eine Provokation vor.",
    "Putin führt einen Krieg gegen die Ukraine.",
    "Russland bewundert die Ukraine.",
    "Russland und die Ukraine.",
    "Russland wurde von der EU verurteilt.",
    "Rutte sprach mit dem südkoreanischen Präsidenten Yoon Suk Yeol.",
    "Rutte teilte nach einem Gespräch mit Selenskyj mit, er sei besorgt.",
    "Seoul bestellte den Botschafter Russlands, Georgi Sinowjew, ein.",
    "Seoul bestellte den russischen Botschafter ein.",
    "Ungarn weigerte sich, der Ukraine Waffen zu liefern.",
    "Xi Jinping trifft sich mit Wladimir Putin.",
    "Die NATO warnt Nordkorea vor einer Eskalation.\r\nRussland kritisiert "
    "die Ukraine.\r\n",
    "Der Au\xc3\x9f" "enminister Lawrow drohte der Ukraine.\xc2\xa0" "Die EU "
    "verurteilte Russland.",
    "Die Bundesregierung ver\xc2\xad" "urteilte Russland; die NATO warn\xe2\x80\x8d" "te "
    "China.",
    "Stra\xc3\x9f" "e: Die USA unterst\xc3\xbc" "tzen die Ukraine, sagte Biden, und "
    "Russland greift Kiew an.",
    "China und Russland vereinbarten eine Zusammenarbeit. Nordkorea dro",
    "Putin warnt",
    "BND-Pr\xc3\xa4sident Bruno Kahl kritisierte Russland. Kahl warnte China.",
    "Der Experte Lee Sung-yoon sagte, Nordkorea drohe S\xc3\xbc" "dkorea. Lee "
    "kritisierte Russland.",
    "Die Nachrichtenagentur Yonhap berichtete, Nordkorea drohe Japan.",
    "Der CDU-Au\xc3\x9f" "enpolitiker J\xc3\xbc" "rgen Hardtke kritisierte "
    "Russland. Hardtke warnte China.",
    "\xe2\x80\x9e" "Russland greift die Ukraine an\xe2\x80\x9c" ", sagte Selenskyj "
    "(in Kiew) \xe2\x80\x93 und die EU reagiert mit Sanktionen gegen Moskau.",
};

/* The tokens and mentions of text (the pipeline's stages but boilerplate
 * and NFC), and its relations: with the mention stage's token ids (the
 * way the pipeline runs) when ids, else with each token looked up in the
 * verb word table. */
static void S_relations_of(const char *text, int ids, rg_tokens *t,
                           rg_sentences *s, rg_mentions *m,
                           rg_relation_list *r)
{
    rg_options o;
    rg_options_init(&o);
    o.relations = RG_REL_COOCCURRENCE | RG_REL_VERBS;
    rg_i_tokenize(t, text, strlen(text));
    rg_i_split_sentences(s, text, t, &D->abbrevs);
    m->discover = 1;
    m->text = text;
    rg_i_find_mentions(m, D, t, s);
    m->text = NULL;
    cr_assert_eq(m->tok_n, t->n, "the mention stage's ids are for the tokens");
    /* Every mention's tokens (dictionary and discovered ones) are those
     * that cover its bytes, within its sentence. */
    for (size_t k = 0; k < m->n; k++) {
        const rg_mention *x = &m->v[k];
        cr_assert_lt(x->tok_begin, x->tok_end, "%s: mention %zu", text, k);
        cr_assert_leq(x->tok_end, t->n);
        cr_expect_eq(t->v[x->tok_begin].start, x->start, "%s: mention %zu",
                     text, k);
        cr_expect_eq(t->v[x->tok_end - 1].end, x->end, "%s: mention %zu",
                     text, k);
        cr_expect(x->tok_begin >= s->v[x->sentence].tok_begin &&
                      x->tok_end <= s->v[x->sentence].tok_end,
                  "%s: mention %zu within its sentence", text, k);
    }
    if (!ids)
        m->tok_n = 0;   /* rg_i_find_relations then looks tokens up */
    rg_i_find_relations(r, m, s, t, D, &o);
}

/* The verb rules read a token's entry in the word table off its id in the
 * gazetteer's vocabulary (rg_i_gazetteer_verb_words); each token looked up
 * in the table itself gives the same relations. */
Test(relations, token_ids_agree_with_word_table_lookups)
{
    const struct rg_verb_wtab *w = NULL;
    cr_assert_not_null(rg_i_gazetteer_verb_words(D->gaz, &w));
    cr_assert_eq(w, rg_i_verbs_wtab(D->verbs));
    rg_tokens t;
    rg_sentences s;
    rg_mentions m;
    rg_relation_list a, b;
    rg_i_tokens_init(&t);
    memset(&s, 0, sizeof(s));
    rg_i_mentions_init(&m);
    rg_i_relations_init(&a);
    rg_i_relations_init(&b);
    size_t verbs = 0, found = 0;
    for (size_t i = 0; i < sizeof(S_texts) / sizeof(S_texts[0]); i++) {
        S_relations_of(S_texts[i], 1, &t, &s, &m, &a);
        found += m.n_found;
        S_relations_of(S_texts[i], 0, &t, &s, &m, &b);
        cr_expect_eq(a.n, b.n, "%s", S_texts[i]);
        for (size_t k = 0; k < a.n && k < b.n; k++) {
            const rg_relation *x = &a.v[k], *y = &b.v[k];
            cr_expect(x->source == y->source && x->target == y->target &&
                          x->kind == y->kind && x->relation == y->relation &&
                          x->sentence == y->sentence && x->verb == y->verb,
                      "%s: relation %zu", S_texts[i], k);
            verbs += x->kind == RG_KIND_RELATION;
        }
    }
    cr_expect_geq(verbs, 20, "the texts make verb relations");
    cr_expect_geq(found, 2, "and discovered actors");
    rg_i_relations_destroy(&a);
    rg_i_relations_destroy(&b);
    rg_i_mentions_destroy(&m);
    free(s.v);
    rg_i_tokens_destroy(&t);
}

/* Every word of the verb word table is in the gazetteer's vocabulary, its
 * id mapped back to it, marked when it is a form (a token without an id is
 * no word of the table). */
Test(relations, word_table_in_the_vocabulary)
{
    const struct rg_verb_wtab *w = NULL;
    const uint32_t *vverb = rg_i_gazetteer_verb_words(D->gaz, &w);
    cr_assert_not_null(vverb);
    rg_tokens t;
    rg_i_tokens_init(&t);
    size_t checked = 0;
    for (size_t k = 0; k < w->n; k++) {
        rg_i_tokenize(&t, w->str[k], w->len[k]);
        if (t.n != 1 || t.v[0].fold_len != w->len[k] ||
            memcmp(rg_i_token_fold(&t, 0), w->str[k], w->len[k]) != 0)
            continue;   /* a word no token has as its fold */
        int32_t id;
        uint8_t cls[9] = {0};
        rg_i_gazetteer_ids(D->gaz, &t, &id, cls);
        cr_expect_geq(id, 0, "%s", w->str[k]);
        if (id >= 0) {
            cr_expect_eq(vverb[id], k + 1, "%s", w->str[k]);
            cr_expect_eq((cls[0] & RG_WC_VERB_FORM) != 0,
                         w->word[k].n_hits != 0, "%s: a form", w->str[k]);
        }
        checked++;
    }
    cr_expect_geq(checked, w->n * 9 / 10, "most words are a token's fold");
    rg_i_tokens_destroy(&t);
}
