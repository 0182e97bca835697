/*
 * test_sentences.c — the German sentence and paragraph splitter.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "sentences.h"
#include "support.h"
#include "tokens.h"
#include "util.h"

static rg_tokens toks;
static rg_sentences sents;
static rg_strtab abbrevs;

static void S_setup(void)
{
    static const char *const list[] = {"z.B.", "Dr.", "u.a.", "v.Chr.",
                                       "bzw.", "ca."};
    rg_i_tokens_init(&toks);
    rg_i_sentences_init(&sents);
    rg_i_strtab_init(&abbrevs);
    for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
        rg_i_strtab_intern(&abbrevs, list[i], strlen(list[i]));
}

static void S_teardown(void)
{
    rg_i_strtab_destroy(&abbrevs);
    rg_i_sentences_destroy(&sents);
    rg_i_tokens_destroy(&toks);
}

TestSuite(sentences, .init = S_setup, .fini = S_teardown);

/* Splits s and checks that the sentences are exactly want[0..n), each as
 * the bytes from its first token's start to its last token's end, and
 * that the sentences cover every token once, in order. */
static void S_expect(const char *s, const rg_strtab *ab,
                     const char *const *want, size_t n)
{
    rg_i_tokenize(&toks, s, strlen(s));
    rg_i_split_sentences(&sents, s, &toks, ab);
    for (size_t i = 0; i < sents.n && i < n; i++) {
        const rg_sentence *x = &sents.v[i];
        size_t len = x->end - x->start;
        cr_assert(len == strlen(want[i]) &&
                      memcmp(s + x->start, want[i], len) == 0,
                  "sentence %zu is [%.*s], want [%s]", i, (int)len,
                  s + x->start, want[i]);
    }
    cr_assert_eq(sents.n, n, "%zu sentences, want %zu", sents.n, n);
    uint32_t next = 0;
    for (size_t i = 0; i < sents.n; i++) {
        const rg_sentence *x = &sents.v[i];
        cr_assert_eq(x->tok_begin, next);
        cr_assert_lt(x->tok_begin, x->tok_end, "sentence %zu is empty", i);
        cr_assert_eq(x->start, toks.v[x->tok_begin].start);
        cr_assert_eq(x->end, toks.v[x->tok_end - 1].end);
        next = x->tok_end;
    }
    cr_assert_eq(next, toks.n);
}

#define EXPECT(ab, s, ...)                                                    \
    do {                                                                      \
        static const char *const want_[] = {__VA_ARGS__};                     \
        S_expect((s), (ab), want_, sizeof(want_) / sizeof(want_[0]));         \
    } while (0)

Test(sentences, empty_text)
{
    rg_i_tokenize(&toks, "", 0);
    rg_i_split_sentences(&sents, "", &toks, &abbrevs);
    cr_assert_eq(sents.n, 0);
    rg_i_tokenize(&toks, "  \n\n ", 5);
    rg_i_split_sentences(&sents, "  \n\n ", &toks, NULL);
    cr_assert_eq(sents.n, 0);
}

Test(sentences, simple_ends)
{
    EXPECT(&abbrevs, "Die Nato warnt. Russland droht! Wer lenkt ein? Niemand.",
           "Die Nato warnt.", "Russland droht!", "Wer lenkt ein?",
           "Niemand.");
    for (size_t i = 0; i < sents.n; i++)
        cr_assert_eq(sents.v[i].paragraph, 0);
}

Test(sentences, no_final_punctuation)
{
    EXPECT(NULL, "  Kein Punkt am Ende  ", "Kein Punkt am Ende");
    cr_assert_eq(sents.v[0].start, 2);
}

Test(sentences, question_exclamation_glued)
{
    EXPECT(&abbrevs, "Wirklich?! Ja!!! Gut … Weiter... Ende",
           "Wirklich?!", "Ja!!!", "Gut …", "Weiter...", "Ende");
}

Test(sentences, z_b)
{
    EXPECT(&abbrevs, "Staaten wie z. B. Polen liefern. Andere nicht.",
           "Staaten wie z. B. Polen liefern.", "Andere nicht.");
    EXPECT(&abbrevs, "Staaten wie z.B. Polen liefern. Andere nicht.",
           "Staaten wie z.B. Polen liefern.", "Andere nicht.");
}

Test(sentences, dr)
{
    EXPECT(&abbrevs, "Dr. Müller sprach mit Dr. Schmidt. Dann ging er.",
           "Dr. Müller sprach mit Dr. Schmidt.", "Dann ging er.");
}

Test(sentences, abbreviation_needs_the_list)
{
    /* Without the list "Dr." is an ordinary word before a dot. */
    EXPECT(NULL, "Er traf Dr. Müller.", "Er traf Dr.", "Müller.");
    /* Exact bytes: "DR." is not "Dr.". */
    EXPECT(&abbrevs, "Er traf DR. Müller.", "Er traf DR.", "Müller.");
}

Test(sentences, u_a)
{
    EXPECT(&abbrevs, "Es kamen u. a. Vertreter aus Paris. Sie blieben.",
           "Es kamen u. a. Vertreter aus Paris.", "Sie blieben.");
}

Test(sentences, combined_abbreviation)
{
    /* "Chr." alone is not in the list; "v. Chr." is, as "v.Chr.". */
    EXPECT(&abbrevs, "Im Jahr 44 v. Chr. Caesar starb. Rom bebte.",
           "Im Jahr 44 v. Chr. Caesar starb.", "Rom bebte.");
}

Test(sentences, initials)
{
    EXPECT(&abbrevs, "George W. Bush traf John F. Kennedy nie. Warum?",
           "George W. Bush traf John F. Kennedy nie.", "Warum?");
}

Test(sentences, numbers_and_dates)
{
    EXPECT(&abbrevs,
           "Russland schickte 12.000 Soldaten. Das war am 21.10.2024 in Kursk. "
           "Weitere folgten.",
           "Russland schickte 12.000 Soldaten.",
           "Das war am 21.10.2024 in Kursk.", "Weitere folgten.");
}

Test(sentences, ordinal_month)
{
    EXPECT(&abbrevs,
           "Das Treffen ist am 1. Oktober in Berlin. Am 3. März auch. Am 2. "
           "Jänner nicht.",
           "Das Treffen ist am 1. Oktober in Berlin.", "Am 3. März auch.",
           "Am 2. Jänner nicht.");
}

Test(sentences, ordinal_lowercase_and_number_at_end)
{
    EXPECT(&abbrevs, "Zum 2. mal. Es waren 12. Danach kam der 3. Weltkrieg.",
           "Zum 2. mal.", "Es waren 12.", "Danach kam der 3.", "Weltkrieg.");
}

Test(sentences, lowercase_after_dot_continues)
{
    EXPECT(NULL, "Es waren ca. zehn Panzer. Mehr nicht.",
           "Es waren ca. zehn Panzer.", "Mehr nicht.");
    EXPECT(NULL, "„Hilfe!“ rief er. „Kommst du?“, fragte sie. Gut.",
           "„Hilfe!“ rief er.", "„Kommst du?“, fragte sie.", "Gut.");
}

Test(sentences, quotes)
{
    EXPECT(&abbrevs,
           "Die Nato erklärte: „Wir haben Beweise.“ Dann ging es weiter.",
           "Die Nato erklärte: „Wir haben Beweise.“",
           "Dann ging es weiter.");
    EXPECT(&abbrevs, "„Wir haben Beweise.“ Dann ging es weiter.",
           "„Wir haben Beweise.“", "Dann ging es weiter.");
    EXPECT(&abbrevs, "Er sagte: \"Nein.\" \"Doch!\" (So war es.) Ende.",
           "Er sagte: \"Nein.\"", "\"Doch!\"", "(So war es.)", "Ende.");
    EXPECT(&abbrevs, "Sie rief »Halt!« und lief. Dann »Stopp!« Ende.",
           "Sie rief »Halt!« und lief.", "Dann »Stopp!«", "Ende.");
}

Test(sentences, headline_without_punctuation)
{
    const char *s = "Nordkorea schickt Truppen nach Russland\n"
                    "Seoul warnt vor einer Eskalation. Die Nato berät.";
    EXPECT(&abbrevs, s, "Nordkorea schickt Truppen nach Russland",
           "Seoul warnt vor einer Eskalation.", "Die Nato berät.");
    cr_assert_eq(sents.v[0].paragraph, 0);
    cr_assert_eq(sents.v[1].paragraph, 0);
}

Test(sentences, dateline_lines)
{
    EXPECT(&abbrevs, "Berlin, 21.10.2024\n12:30 Uhr\nDie Lage ist ernst.",
           "Berlin, 21.10.2024", "12:30 Uhr", "Die Lage ist ernst.");
}

Test(sentences, hard_wrapped_lowercase_continues)
{
    EXPECT(&abbrevs,
           "Die Regierung in Seoul hat\nbestätigt, dass Soldaten\r\n"
           "verlegt wurden. Danach\nsprach Dr.\nMüller, und\n"
           "Russland schwieg.",
           "Die Regierung in Seoul hat\nbestätigt, dass Soldaten\r\n"
           "verlegt wurden.",
           "Danach\nsprach Dr.\nMüller, und", "Russland schwieg.");
    /* After a comma the next line goes on whatever its case. */
    EXPECT(&abbrevs, "Sie nannten Polen,\nUngarn und\nTschechien.",
           "Sie nannten Polen,\nUngarn und", "Tschechien.");
}

Test(sentences, blank_line_is_paragraph)
{
    const char *s = "Erster Absatz ohne Punkt\n\nZweiter Absatz. Noch ein Satz."
                    "\n \n\nDritter, der weiter\n\ngeht.";
    EXPECT(&abbrevs, s, "Erster Absatz ohne Punkt", "Zweiter Absatz.",
           "Noch ein Satz.", "Dritter, der weiter", "geht.");
    cr_assert_eq(sents.v[0].paragraph, 0);
    cr_assert_eq(sents.v[1].paragraph, 1);
    cr_assert_eq(sents.v[2].paragraph, 1);
    cr_assert_eq(sents.v[3].paragraph, 2);
    cr_assert_eq(sents.v[4].paragraph, 3);
}

Test(sentences, leading_blank_lines_start_paragraph_zero)
{
    EXPECT(&abbrevs, "\n\n\nTitel\n\nText.", "Titel", "Text.");
    cr_assert_eq(sents.v[0].paragraph, 0);
    cr_assert_eq(sents.v[1].paragraph, 1);
}

Test(sentences, url_and_decimal)
{
    EXPECT(&abbrevs, "Mehr auf t-online.de heute. Es sind 3,5 Prozent.",
           "Mehr auf t-online.de heute.", "Es sind 3,5 Prozent.");
}

Test(sentences, reuse_replaces_contents)
{
    EXPECT(&abbrevs, "Eins. Zwei. Drei.", "Eins.", "Zwei.", "Drei.");
    EXPECT(&abbrevs, "Vier.", "Vier.");
}

/* The documented limit: a sentence without any end is cut after
 * RG_MAX_SENTENCE_TOKENS tokens, and nothing is lost. */
Test(sentences, overlong_sentence_is_split_at_the_limit)
{
    rg_buf b;
    rg_i_buf_init(&b);
    for (size_t i = 0; i < 2500; i++)
        rg_i_buf_adds(&b, "wort ");
    rg_tokens t;
    rg_sentences s;
    rg_i_tokens_init(&t);
    rg_i_sentences_init(&s);
    rg_i_tokenize(&t, b.data, b.len);
    rg_i_split_sentences(&s, b.data, &t, NULL);
    cr_assert_eq(s.n, 3);
    cr_expect_eq(s.v[0].tok_end - s.v[0].tok_begin, RG_MAX_SENTENCE_TOKENS);
    cr_expect_eq(s.v[1].tok_begin, RG_MAX_SENTENCE_TOKENS);
    cr_expect_eq(s.v[2].tok_end, 2500);
    rg_i_sentences_destroy(&s);
    rg_i_tokens_destroy(&t);
    rg_i_buf_destroy(&b);
}

/* Every closing quote and bracket of rule 3 stays with the sentence it
 * touches, every other punctuation after the dot starts the next one; and
 * every opening quote or bracket at the end of a line keeps the line
 * going (rule 2).  Pins the byte tests that replaced string lists. */
Test(sentences, closers_and_openers_one_by_one)
{
    static const char *const closers[] = {
        "\"", "\u201C", "\u201D", "\u00AB", "\u00BB", "\u2039", "\u203A",
        "'",  "\u2018", "\u2019", ")",      "]",      "}"};
    static const char *const others[] = {"\u201E", "\u201A", "(", "[",
                                         "\u2013", "\u00A7", "*", "\u2026"};
    char s[64], first[64];
    for (size_t k = 0; k < RG_COUNT(closers); k++) {
        snprintf(s, sizeof(s), "Er ging.%s Sie kam.", closers[k]);
        snprintf(first, sizeof(first), "Er ging.%s", closers[k]);
        const char *want[] = {first, "Sie kam."};
        S_expect(s, &abbrevs, want, 2);
    }
    for (size_t k = 0; k < RG_COUNT(others); k++) {
        snprintf(s, sizeof(s), "Er ging.%sSie kam.", others[k]);
        snprintf(first, sizeof(first), "%sSie kam.", others[k]);
        const char *want[] = {"Er ging.", first};
        if (strcmp(others[k], "\u2026") == 0)
            continue; /* end punctuation: taken along */
        S_expect(s, &abbrevs, want, 2);
    }
    static const char *const openers[] = {
        "\u201E", "\u201A", "\u201C", "\u00AB", "\u00BB", "\u2039",
        "\u203A", "\"",     "(",      "[",      "{"};
    for (size_t k = 0; k < RG_COUNT(openers); k++) {
        snprintf(s, sizeof(s), "Er sagte %s\nNein", openers[k]);
        const char *want[] = {s};
        S_expect(s, &abbrevs, want, 1);
    }
    /* Not openers: the line break ends the sentence. */
    S_expect("Er sagte )\nNein", &abbrevs,
             (const char *const[]){"Er sagte )", "Nein"}, 2);
    S_expect("Er sagte \u201D\nNein", &abbrevs,
             (const char *const[]){"Er sagte \u201D", "Nein"}, 2);
    /* End punctuation: . ! ? and the ellipsis sign, not its look-alikes. */
    S_expect("Ja\u2026 Nein! Doch? So\u2025 Gut", &abbrevs,
             (const char *const[]){"Ja\u2026", "Nein!", "Doch?",
                                   "So\u2025 Gut"},
             4);
}

/* Rule 4 with a list whose longest entry is long (candidates longer than
 * it are not looked up), and single letters of one to four bytes against
 * words of two code points in as many bytes. */
Test(sentences, long_abbreviations_and_single_letters)
{
    static const char *const list[] = {"Bundesverf.", "a.Chr.n.", "Dr."};
    rg_strtab ab;
    rg_i_strtab_init(&ab);
    for (size_t i = 0; i < RG_COUNT(list); i++)
        rg_i_strtab_intern(&ab, list[i], strlen(list[i]));
    EXPECT(&ab, "Das Bundesverf. Gericht tagt.",
           "Das Bundesverf. Gericht tagt.");
    EXPECT(&ab, "Das Bundesverfa. Gericht tagt.", "Das Bundesverfa.",
           "Gericht tagt.");
    EXPECT(&ab, "Es war a. Chr. n. Dann kam er.",
           "Es war a. Chr. n. Dann kam er.");
    EXPECT(&ab, "Es war a. Chr. nn. Dann kam er.", "Es war a. Chr. nn.",
           "Dann kam er.");
    EXPECT(&ab, "Herr Dr. Müller kam.", "Herr Dr. Müller kam.");
    EXPECT(&ab, "Herr Drr. Müller kam.", "Herr Drr.", "Müller kam.");
    EXPECT(&ab, "George W. Bush kam.", "George W. Bush kam.");
    EXPECT(&ab, "Maria \u00C4. M\u00FCller kam.",
           "Maria \u00C4. M\u00FCller kam.");
    EXPECT(&ab, "Das \u1E3E. Zeichen kam.", "Das \u1E3E. Zeichen kam.");
    EXPECT(&ab, "Das \U0001D400. Zeichen kam.",
           "Das \U0001D400. Zeichen kam.");
    EXPECT(&ab, "Das A\u00E4. Zeichen kam.", "Das A\u00E4.",
           "Zeichen kam.");
    EXPECT(&ab, "Das Ab. Zeichen kam.", "Das Ab.", "Zeichen kam.");
    EXPECT(NULL, "Herr Dr. Müller kam.", "Herr Dr.", "Müller kam.");
    rg_i_strtab_destroy(&ab);
}

/* The abbreviation filter (first byte and length): abbreviations that
 * share a first byte with other lengths, one of 64 bytes and more (never
 * refused by the filter), and candidates of every length from 1 to 70
 * with the same first byte: each one kept exactly when it is listed. */
Test(sentences, abbreviation_filter_by_first_byte_and_length)
{
    char longest[80];
    memset(longest, 'q', 69);
    memcpy(longest + 69, ".", 2); /* 69 letters and the dot */
    const char *const list[] = {"vgl.", "v.Chr.", "verh.", "qq.", longest,
                                "\u00C4rztl."};
    rg_strtab ab;
    rg_i_strtab_init(&ab);
    for (size_t i = 0; i < RG_COUNT(list); i++)
        rg_i_strtab_intern(&ab, list[i], strlen(list[i]));
    for (size_t n = 1; n <= 70; n++) {
        for (int first = 0; first < 3; first++) {
            char word[80];
            memset(word, first == 0 ? 'q' : 'v', n);
            if (first == 2 && n >= 2)
                memcpy(word, "vg", 2);
            word[n] = '\0';
            char s[200];
            snprintf(s, sizeof(s), "Es war %s. Dann kam er.", word);
            char cand[90];
            snprintf(cand, sizeof(cand), "%s.", word);
            int listed = rg_i_strtab_find(&ab, cand, strlen(cand)) >= 0 ||
                         n == 1; /* a single letter is kept anyway */
            char first_sentence[120];
            snprintf(first_sentence, sizeof(first_sentence), "Es war %s.",
                     word);
            const char *const one[] = {s};
            const char *const two[] = {first_sentence, "Dann kam er."};
            if (listed)
                S_expect(s, &ab, one, 1);
            else
                S_expect(s, &ab, two, 2);
        }
    }
    EXPECT(&ab, "Siehe vgl. Dann kam er.", "Siehe vgl. Dann kam er.");
    EXPECT(&ab, "Siehe vgk. Dann kam er.", "Siehe vgk.", "Dann kam er.");
    EXPECT(&ab, "Im Jahr 44 v. Chr. Dann kam er.",
           "Im Jahr 44 v. Chr. Dann kam er.");
    EXPECT(&ab, "Ein \u00C4rztl. Dienst kam.", "Ein \u00C4rztl. Dienst kam.");
    EXPECT(&ab, "Ein \u00C4rzt. Dienst kam.", "Ein \u00C4rzt.",
           "Dienst kam.");
    rg_i_strtab_destroy(&ab);
}

/* rg_i_split_sentences_with: a filter made once serves every split, and
 * gives the sentences that rg_i_split_sentences gives with its table. */
static void S_expect_with(rg_abbr_filter *f, const rg_strtab *ab,
                          const char *s)
{
    rg_sentences a;
    rg_i_sentences_init(&a);
    rg_i_tokenize(&toks, s, strlen(s));
    rg_i_split_sentences(&sents, s, &toks, ab);
    rg_i_split_sentences_with(&a, s, &toks, f);
    cr_assert_eq(a.n, sents.n, "[%s]: %zu sentences, want %zu", s, a.n,
                 sents.n);
    for (size_t i = 0; i < a.n; i++)
        cr_assert(memcmp(&a.v[i], &sents.v[i], sizeof(a.v[i])) == 0,
                  "[%s]: sentence %zu differs", s, i);
    rg_i_sentences_destroy(&a);
}

Test(sentences, prepared_abbreviation_filter_splits_alike)
{
    static const char *const texts[] = {
        "Dr. Müller sprach mit Dr. Schmidt. Dann ging er.",
        "Im Jahr 44 v. Chr. Caesar starb. Rom bebte.",
        "Staaten wie z.B. Polen liefern. Andere nicht.",
        "Nach Abs. Drei gilt es. Dr. Meier kam.",
        "Er traf Dr. Müller. DR. Meier u. a. kamen. x.",
        "", "Ende.",
    };
    rg_strtab other;
    rg_i_strtab_init(&other);
    rg_i_strtab_intern(&other, "Abs.", 4);
    rg_abbr_filter *fa = rg_i_abbr_filter_new(&abbrevs);
    rg_abbr_filter *fo = rg_i_abbr_filter_new(&other);
    rg_abbr_filter *fn = rg_i_abbr_filter_new(NULL);
    for (int round = 0; round < 2; round++) {
        for (size_t k = 0; k < RG_COUNT(texts); k++) {
            S_expect_with(fa, &abbrevs, texts[k]);
            S_expect_with(fo, &other, texts[k]);
            S_expect_with(fn, NULL, texts[k]);
            S_expect_with(NULL, NULL, texts[k]);
        }
    }
    rg_i_abbr_filter_free(fa);
    rg_i_abbr_filter_free(fo);
    rg_i_abbr_filter_free(fn);
    rg_i_strtab_destroy(&other);
}
