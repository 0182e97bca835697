/*
 * test_discover.c — actors found by rule (discover.c): each pattern, each
 * thing that must not become an actor, surname resolution, stable ids.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "mentions.h"
#include "sentences.h"
#include "support.h"
#include "tokens.h"

static rg_dict *D;
static rg_tokens T;
static rg_sentences S;
static rg_mentions M;
static char OUT[4096];

static void setup(void)
{
    D = rgt_default_dict();
    cr_assert_not_null(D);
    rg_i_tokens_init(&T);
    rg_i_sentences_init(&S);
    rg_i_mentions_init(&M);
    M.discover = 1;
}

static void teardown(void)
{
    rg_i_tokens_destroy(&T);
    rg_i_sentences_destroy(&S);
    rg_i_mentions_destroy(&M);
    rg_dict_free(D);
}

TestSuite(discover, .init = setup, .fini = teardown);

/* The discovered mentions of text as "surface=id/type" joined by "; ". */
static const char *disc(const char *text)
{
    size_t n = strlen(text);
    rg_i_tokenize(&T, text, n);
    rg_i_split_sentences(&S, text, &T, &D->abbrevs);
    M.text = text;
    rg_i_find_mentions(&M, D, &T, &S);
    OUT[0] = '\0';
    for (size_t i = 0; i < M.n; i++) {
        const rg_mention *m = &M.v[i];
        if (m->form != RG_FORM_DISCOVERED)
            continue;
        cr_assert_geq(m->actor, D->n_actors);
        const rg_found *f = &M.found[m->actor - D->n_actors];
        char row[512];
        snprintf(row, sizeof(row), "%s%.*s=%s/%s", OUT[0] ? "; " : "",
                 (int)(m->end - m->start), text + m->start,
                 M.found_text.data + f->id, rg_i_type_name(f->type));
        strncat(OUT, row, sizeof(OUT) - strlen(OUT) - 1);
    }
    return OUT;
}

#define EXPECT(text, want) cr_expect_str_eq(disc(text), want, "%s", text)

Test(discover, role_before_name)
{
    EXPECT("Der Experte Lee Sung-yoon hält es für realistisch.",
           "Lee Sung-yoon=disc:lee_sung_yoon/person");
    EXPECT("Das sagte BND-Vizepräsident Hans Gerdes am Montag.",
           "Hans Gerdes=disc:hans_gerdes/person");
    EXPECT("Der CDU-Außenpolitiker Jürgen Hardtke widersprach.",
           "Jürgen Hardtke=disc:juergen_hardtke/person");
    EXPECT("Der Präsident Ndongo reiste ab.", "Ndongo=disc:ndongo/person");
    EXPECT("Das sagte Sprecherin Maja Ødegård gestern.",
           "Maja Ødegård=disc:maja_odegard/person");
}

Test(discover, apposition)
{
    EXPECT("Moskau schickte den russischen Botschafter in Südkorea, Georgi "
           "Petrow, nach Seoul.",
           "Georgi Petrow=disc:georgi_petrow/person");
    /* one word after the comma is no apposition */
    EXPECT("Der Botschafter in Berlin, Petrow, schwieg.", "");
}

/* The role walk is skipped where no rule can fire; these can. */
Test(discover, what_may_follow_a_role)
{
    /* an adjective in -isch right after the role, before an apposition */
    EXPECT("Der Botschafter russischer Herkunft, Georgi Petrow, kam.",
           "Georgi Petrow=disc:georgi_petrow/person");
    /* a gap word */
    EXPECT("Der Botschafter in Kiel, Georgi Petrow, kam.",
           "Georgi Petrow=disc:georgi_petrow/person");
    /* a comma right after the role */
    EXPECT("Der Botschafter, Georgi Petrow, kam.",
           "Georgi Petrow=disc:georgi_petrow/person");
    /* nothing that could go on: no walk, no actor */
    EXPECT("Der Botschafter kam, Lee Sung-yoon auch.", "");
}

/* More than the first few questions about nouns go to the set built for
 * them (S_noun): the same answers as the scan. */
Test(discover, many_questions_about_nouns)
{
    static char text[4096];
    text[0] = '\0';
    strcat(text, "Die Zweifel wuchsen. ");
    for (int k = 0; k < 12; k++)
        strcat(text, "Der Sprecher Zweifel kam. ");
    strcat(text, "Der Sprecher Tom Hardtke kam. Der Sprecher Zweifel kam.");
    EXPECT(text, "Tom Hardtke=disc:tom_hardtke/person");
}

/* The nouns of a document, found 64 tokens at a time (S_collect_nouns):
 * a word after an article, up to three lowercase words between, is a
 * noun ("Zweifel" then no name after a role); anything else before it is
 * not; the same at every position of the article around the blocks of 64
 * tokens and at the end of the text. */
Test(discover, nouns_after_articles_at_every_position)
{
    static const struct {
        const char *before;
        int noun;
    } cases[] = {
        {"die Zweifel", 1},
        {"die großen Zweifel", 1},
        {"die ganz großen alten Zweifel", 1},
        {"die sehr ganz großen alten Zweifel", 0},
        {"die 3 Zweifel", 0},
        {"die ZWEIFEL", 0},
        {"die, Zweifel", 0},
        {"die der Zweifel", 1},
        {"die – Zweifel", 0},
        {"die\u00ADZweifel", 0},
        {"die", 0},
    };
    static char text[4096];
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
        for (int pad = 0; pad < 70; pad++) {
            text[0] = '\0';
            for (int k = 0; k < pad; k++)
                strcat(text, "und ");
            strcat(text, cases[c].before);
            strcat(text, ". Der Sprecher Zweifel kam.");
            cr_expect_str_eq(disc(text),
                             cases[c].noun ? "" : "Zweifel=disc:zweifel/person",
                             "%s", text);
            /* the article as the last token */
            text[0] = '\0';
            strcat(text, "Der Sprecher Zweifel kam. ");
            for (int k = 0; k < pad; k++)
                strcat(text, "und ");
            strcat(text, "die");
            cr_expect_str_eq(disc(text), "Zweifel=disc:zweifel/person", "%s",
                             text);
        }
}

/* The discovered mentions go between the dictionary's in text order
 * (S_merge_mentions): before, between and after them, several at once. */
Test(discover, mentions_in_text_order)
{
    static char text[4096];
    for (int pad = 0; pad < 6; pad++) {
        text[0] = '\0';
        for (int k = 0; k < pad; k++)
            strcat(text, "Die NATO kam. ");
        strcat(text, "Der Sprecher Tom Hardtke kam. Die NATO und Hardtke und "
                     "die NATO. Hardtke, Hardtke, NATO, Hardtke. NATO.");
        for (int k = 0; k < pad; k++)
            strcat(text, " Hardtke und die NATO.");
        disc(text);
        size_t n_disc = 0, n_dict = 0;
        for (size_t i = 0; i < M.n; i++) {
            if (i > 0)
                cr_expect_lt(M.v[i - 1].start, M.v[i].start, "%s", text);
            if (M.v[i].form == RG_FORM_DISCOVERED)
                n_disc++;
            else
                n_dict++;
        }
        cr_expect_eq(n_disc, 5 + (size_t)pad, "%s", text);
        cr_expect_eq(n_dict, 4 + 2 * (size_t)pad, "%s", text);
    }
}

Test(discover, title_and_first_name)
{
    EXPECT("Das Gutachten schrieb Dr. Anna Schmidtke aus Kiel.",
           "Anna Schmidtke=disc:anna_schmidtke/person");
    EXPECT("Peter Hansen widersprach.", "Peter Hansen=disc:peter_hansen/person");
}

Test(discover, organisations)
{
    EXPECT("Das meldete die Nachrichtenagentur Tanjug am Morgen.",
           "Tanjug=disc:tanjug/organization");
    EXPECT("Das Institut für Sicherheitspolitik warnte.",
           "Institut für Sicherheitspolitik="
           "disc:institut_fuer_sicherheitspolitik/organization");
    EXPECT("Die Meldung der Koreanischen Zentralen Nachrichtenagentur kam spät.",
           "Koreanischen Zentralen Nachrichtenagentur="
           "disc:koreanischen_zentralen_nachrichtenagentur/organization");
}

Test(discover, later_mentions_resolve)
{
    EXPECT("Der Experte Lee Sung-yoon warnt. Lee sagte, Lee Sung-yoon wisse es.",
           "Lee Sung-yoon=disc:lee_sung_yoon/person; Lee=disc:lee_sung_yoon/person; "
           "Lee Sung-yoon=disc:lee_sung_yoon/person");
    EXPECT("Der Sprecher Tom Hardtke widersprach. Hardtkes Worte galten.",
           "Tom Hardtke=disc:tom_hardtke/person; Hardtkes=disc:tom_hardtke/person");
    /* not before the full name */
    EXPECT("Hardtke kam. Der Sprecher Tom Hardtke widersprach.",
           "Tom Hardtke=disc:tom_hardtke/person");
    cr_expect_eq(M.n_found, 1);
}

Test(discover, not_actors)
{
    /* sentence-initial capitalised words, nouns, names without a trigger */
    EXPECT("Gestern Abend kam Hardtke nach Kiel.", "");
    /* a noun after a role: known as a noun from an article in the text */
    EXPECT("Hat der Experte Zweifel? Die Zweifel bleiben.", "");
    /* noun suffixes */
    EXPECT("Der Sprecher Bestätigung gab es nicht.", "");
    /* function words and months */
    EXPECT("Der Sprecher Montag hatte frei.", "");
    /* a head alone, and a run of capitalised nouns */
    EXPECT("Das Verteidigungsministerium schwieg.", "");
    EXPECT("Der Experte Peter Paul Maria Hans kam.", "");
    /* headlines in capitals */
    EXPECT("EXPERTE WARNT VOR KRIEG", "");
    /* dictionary actors stay the dictionary's */
    EXPECT("Der Experte Wladimir Putin kam, BND-Präsident Bruno Kahl auch.", "");
    EXPECT("Der Experte warnt, Kim könne angreifen.", "");
    /* a role in a compound before a noun */
    EXPECT("Die Experten-Runde Berlin tagte.", "");
}

/* Every noun suffix, with each ending it may carry, makes a word no name;
 * a word too short for a stem and the suffix stays one. */
Test(discover, every_noun_suffix)
{
    static const char *const suffixes[] = {
        "ung", "heit", "keit", "schaft", "tion", "ität", "ismus",
        "nis", "ment", "chen", "lein", "tum", "ik", "land", "krieg",
        "gebiet", "politik", "truppen", "soldaten", "staaten"};
    static const char *const endings[] = {"", "n", "en", "s", "e"};
    char t[128];
    for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++)
        for (size_t e = 0; e < sizeof(endings) / sizeof(endings[0]); e++) {
            snprintf(t, sizeof(t), "Der Sprecher Zorb%s%s gab es nicht.",
                     suffixes[k], endings[e]);
            EXPECT(t, "");
        }
    EXPECT("Der Sprecher Jung kam.", "Jung=disc:jung/person");
    EXPECT("Der Sprecher Weik kam.", "Weik=disc:weik/person");
}

Test(discover, off_by_default_in_the_stage)
{
    M.discover = 0;
    EXPECT("Der Experte Lee Sung-yoon warnt.", "");
}

Test(discover, ids)
{
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_discover_id(&b, "Jürgen Groß-Öztürk");
    cr_expect_str_eq(b.data, "disc:juergen_gross_oeztuerk");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "José Ramírez");
    cr_expect_str_eq(b.data, "disc:jose_ramirez");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "Bruno KAHL-Meyer 2");   /* ASCII: no utf8proc */
    cr_expect_str_eq(b.data, "disc:bruno_kahl_meyer_2");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "Åsa Öberg");   /* Å through utf8proc, Ö by rule */
    cr_expect_str_eq(b.data, "disc:asa_oeberg");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "Сергей");
    cr_expect_eq(strncmp(b.data, "disc:x", 6), 0, "%s", b.data);
    cr_expect_eq(strlen(b.data), 6 + 16);
    rg_i_buf_destroy(&b);
}

/* ------------------------------------------------------------------ */
/* The reversed trie of roles and heads against the search it replaced  */
/* ------------------------------------------------------------------ */

/* The search as it was: every ending the word has, then every start of a
 * compound part of at least 4 bytes at a character boundary, one table
 * lookup each. */
static int ref_listed(const rg_strtab *tab, const char *f, size_t n,
                      const char *const *endings, size_t n_endings)
{
    if (tab->n == 0)
        return 0;
    for (size_t e = 0; e < n_endings; e++) {
        size_t el = strlen(endings[e]);
        if (el > n || memcmp(f + n - el, endings[e], el) != 0)
            continue;
        size_t stem = n - el;
        for (size_t i = 0; i < stem; i++) {
            if (i > 0 && stem - i < 4)
                break;
            if (i > 0 && ((unsigned char)f[i] & 0xC0) == 0x80)
                continue;
            if (rg_i_strtab_find(tab, f + i, stem - i) >= 0)
                return 1;
        }
    }
    return 0;
}

static const char *const ROLE_ENDINGS[] = {"",  "in", "innen", "e", "en",
                                           "n", "s",  "es",    "r", "er"};
static const char *const HEAD_ENDINGS[] = {"", "s", "es", "en", "n"};

static void expect_listed(const char *f)
{
    size_t n = strlen(f);
    unsigned want =
        (unsigned)ref_listed(&D->roles, f, n, ROLE_ENDINGS, RG_COUNT(ROLE_ENDINGS)) |
        (unsigned)ref_listed(&D->org_heads, f, n, HEAD_ENDINGS,
                             RG_COUNT(HEAD_ENDINGS))
            << 1;
    cr_expect_eq(rg_i_discover_listed(D, f, n), want, "\"%s\": %u, want %u",
                 f, rg_i_discover_listed(D, f, n), want);
}

Test(discover, compound_search_is_the_listed_search)
{
    static const char *const prefixes[] = {
        "",     "x",    "ab",  "abc", "außen", "ä",  "\xcc\x88", "ß",
        "über", "bnd",  "vize", "ss",  "e",    "en", "innen",    "\xc2\xad"};
    static const char *const tails[] = {"",   "in", "innen", "e",  "en", "n",
                                        "s",  "es", "r",     "er", "x",  "ß",
                                        "nn", "ä",  "ern"};
    const rg_strtab *tabs[] = {&D->roles, &D->org_heads};
    char w[512];
    size_t tried = 0;
    for (size_t t = 0; t < 2; t++)
        for (size_t k = 0; k < tabs[t]->n; k++) {
            const char *word = tabs[t]->str[k];
            size_t wl = tabs[t]->len[k];
            for (size_t p = 0; p < RG_COUNT(prefixes); p++)
                for (size_t e = 0; e < RG_COUNT(tails); e++) {
                    /* the word, and the word with its first or last bytes
                     * cut (parts shorter than 4 bytes, split characters) */
                    for (size_t cut = 0; cut < 4 && cut < wl; cut++) {
                        snprintf(w, sizeof(w), "%s%s%s", prefixes[p], word + cut,
                                 tails[e]);
                        expect_listed(w);
                        snprintf(w, sizeof(w), "%s%.*s%s", prefixes[p],
                                 (int)(wl - cut), word, tails[e]);
                        expect_listed(w);
                        tried += 2;
                    }
                }
        }
    cr_assert_gt(tried, 1000);
    /* Words of no list, short words, a long one. */
    static const char *const others[] = {
        "", "a", "in", "er", "der", "ministe", "inister", "regierung",
        "verhandlungen", "präsidentschaft", "nachrichtenagenturen", "chefin",
        "chefs", "kremlchef", "dr.", "prof.", "dr", "ämter", "ministeriums",
        "bundesamtes", "\xe2\x80\x8d\x63hef", "chef\xe2\x80\x8d",
        /* four bytes and around them: the walk from the last four */
        "hef", "chef", "xchef", "efin", "fin", "ent", "dent", "iker",
        "\xc3\xa4r", "t\xc3\xa4r", "\xc3\xa4ren", "tion", "rat", "rats",
        "e.", "f.", "of.", "rof."};
    for (size_t i = 0; i < RG_COUNT(others); i++)
        expect_listed(others[i]);
    memset(w, 'a', 300);
    memcpy(w + 300, "minister", 9);
    expect_listed(w);
}

/* Discovery with the mention stage's one lookup per token agrees with the
 * dictionary's own lists: first names and roles found at the end of a
 * token buffer (where a word is compared without the 8-byte load). */
Test(discover, lists_at_the_end_of_the_text)
{
    EXPECT("Anna Berger", "Anna Berger=disc:anna_berger/person");
    EXPECT("Präsidentin Lulu", "Lulu=disc:lulu/person");
    EXPECT("Chef Ab", "Ab=disc:ab/person");
    EXPECT("Experte Ortwin Renn", "Ortwin Renn=disc:ortwin_renn/person");
}
