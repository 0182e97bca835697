/*
 * test_tokens.c — the tokenizer: kinds, offsets, flags, folded forms.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "support.h"
#include "tokens.h"
#include "util.h"

#define W RG_TOK_WORD
#define N RG_TOK_NUMBER
#define P RG_TOK_PUNCT

typedef struct S_want {
    const char *surface;
    int kind;
} S_want;

/* Tokenizes s and checks surfaces and kinds against want[0..n). */
static void S_expect(rg_tokens *t, const char *s, const S_want *want,
                     size_t n)
{
    rg_i_tokenize(t, s, strlen(s));
    cr_assert_eq(t->n, n, "'%s': %zu tokens, want %zu", s, t->n, n);
    for (size_t i = 0; i < n; i++) {
        const rg_token *k = &t->v[i];
        size_t len = k->end - k->start;
        cr_assert(len == strlen(want[i].surface) &&
                      memcmp(s + k->start, want[i].surface, len) == 0,
                  "'%s': token %zu is '%.*s', want '%s'", s, i, (int)len,
                  s + k->start, want[i].surface);
        cr_assert_eq(k->kind, want[i].kind, "'%s': token %zu kind %d want %d",
                     s, i, k->kind, want[i].kind);
        cr_assert_eq(strlen(rg_i_token_fold(t, i)), k->fold_len);
    }
}

#define EXPECT(t, s, ...)                                                     \
    do {                                                                      \
        static const S_want want_[] = {__VA_ARGS__};                          \
        S_expect((t), (s), want_, sizeof(want_) / sizeof(want_[0]));          \
    } while (0)

static rg_tokens toks;

static void S_setup(void)
{
    rg_i_tokens_init(&toks);
}

static void S_teardown(void)
{
    rg_i_tokens_destroy(&toks);
}

TestSuite(tokens, .init = S_setup, .fini = S_teardown);

Test(tokens, empty_and_blank)
{
    rg_i_tokenize(&toks, "", 0);
    cr_assert_eq(toks.n, 0);
    rg_i_tokenize(&toks, " \n\t \r\n", 6);
    cr_assert_eq(toks.n, 0);
}

Test(tokens, number_then_word)
{
    EXPECT(&toks, "12.000 Soldaten", {"12.000", N}, {"Soldaten", W});
    cr_assert_eq(toks.v[0].start, 0);
    cr_assert_eq(toks.v[0].end, 6);
    cr_assert_eq(toks.v[1].start, 7);
    cr_assert_eq(toks.v[1].end, 15);
}

Test(tokens, date_time_decimal_are_one_number)
{
    EXPECT(&toks, "am 21.10.2024 um 18:17 Uhr, 3,5 Prozent",
           {"am", W}, {"21.10.2024", N}, {"um", W}, {"18:17", N},
           {"Uhr", W}, {",", P}, {"3,5", N}, {"Prozent", W});
}

Test(tokens, ordinal_dot_and_trailing_separators)
{
    EXPECT(&toks, "am 1. Oktober, 1.000. 5,", {"am", W}, {"1", N}, {".", P},
           {"Oktober", W}, {",", P}, {"1.000", N}, {".", P}, {"5", N},
           {",", P});
}

Test(tokens, digits_glued_to_letters)
{
    EXPECT(&toks, "G7 F16 5G 2024er 12.000km", {"G7", W}, {"F16", W},
           {"5G", W}, {"2024er", W}, {"12.000", N}, {"km", W});
    cr_assert(toks.v[2].flags & RG_TF_UPPER);
    cr_assert(!(toks.v[3].flags & RG_TF_UPPER));
}

Test(tokens, hyphen_compound)
{
    EXPECT(&toks, "NATO-Generalsekretär", {"NATO", W}, {"-", P},
           {"Generalsekretär", W});
    cr_assert(toks.v[0].flags & RG_TF_HYPHEN_AFTER);
    cr_assert(!(toks.v[0].flags & RG_TF_HYPHEN_BEFORE));
    cr_assert(!(toks.v[1].flags & (RG_TF_HYPHEN_AFTER | RG_TF_HYPHEN_BEFORE |
                                   RG_TF_SPACE_BEFORE)));
    cr_assert(toks.v[2].flags & RG_TF_HYPHEN_BEFORE);
    cr_assert(!(toks.v[2].flags & RG_TF_HYPHEN_AFTER));
    cr_assert(!(toks.v[2].flags & RG_TF_SPACE_BEFORE));
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "nato");
    cr_assert_str_eq(rg_i_token_fold(&toks, 1), "-");
    cr_assert_str_eq(rg_i_token_fold(&toks, 2), "generalsekretär");
    cr_assert_eq(toks.v[2].start, 5);
    cr_assert_eq(toks.v[2].end, 21);
}

Test(tokens, chained_compound)
{
    EXPECT(&toks, "Nato-Russland-Rat", {"Nato", W}, {"-", P},
           {"Russland", W}, {"-", P}, {"Rat", W});
    cr_assert_eq(toks.v[0].flags & (RG_TF_HYPHEN_BEFORE | RG_TF_HYPHEN_AFTER),
                 RG_TF_HYPHEN_AFTER);
    cr_assert_eq(toks.v[2].flags & (RG_TF_HYPHEN_BEFORE | RG_TF_HYPHEN_AFTER),
                 RG_TF_HYPHEN_BEFORE | RG_TF_HYPHEN_AFTER);
    cr_assert_eq(toks.v[4].flags & (RG_TF_HYPHEN_BEFORE | RG_TF_HYPHEN_AFTER),
                 RG_TF_HYPHEN_BEFORE);
}

Test(tokens, kim_jong_un)
{
    EXPECT(&toks, "Kim Jong-un", {"Kim", W}, {"Jong", W}, {"-", P},
           {"un", W});
    cr_assert(toks.v[1].flags & RG_TF_HYPHEN_AFTER);
    cr_assert(toks.v[3].flags & RG_TF_HYPHEN_BEFORE);
    cr_assert(toks.v[1].flags & RG_TF_UPPER);
    cr_assert(!(toks.v[3].flags & RG_TF_UPPER));
    cr_assert_str_eq(rg_i_token_fold(&toks, 3), "un");
}

Test(tokens, unicode_hyphens_fold_to_ascii)
{
    /* U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN */
    EXPECT(&toks, "EU\u2010Kommission G7\u2011Gipfel Covid-19",
           {"EU", W}, {"\u2010", P}, {"Kommission", W}, {"G7", W},
           {"\u2011", P}, {"Gipfel", W}, {"Covid", W}, {"-", P}, {"19", N});
    cr_assert_str_eq(rg_i_token_fold(&toks, 1), "-");
    cr_assert_eq(toks.v[1].fold_len, 1);
    cr_assert_str_eq(rg_i_token_fold(&toks, 4), "-");
    cr_assert(toks.v[0].flags & RG_TF_HYPHEN_AFTER);
    cr_assert(toks.v[2].flags & RG_TF_HYPHEN_BEFORE);
    cr_assert(toks.v[5].flags & RG_TF_HYPHEN_BEFORE);
    cr_assert(toks.v[8].flags & RG_TF_HYPHEN_BEFORE);
}

Test(tokens, trailing_hyphen_and_dash)
{
    EXPECT(&toks, "Nord- und Südkorea", {"Nord", W}, {"-", P}, {"und", W},
           {"Südkorea", W});
    for (size_t i = 0; i < toks.n; i++)
        cr_assert(!(toks.v[i].flags &
                    (RG_TF_HYPHEN_AFTER | RG_TF_HYPHEN_BEFORE)),
                  "token %zu has a hyphen flag", i);

    EXPECT(&toks, "Krieg – und - Frieden -Ende", {"Krieg", W}, {"–", P},
           {"und", W}, {"-", P}, {"Frieden", W}, {"-", P}, {"Ende", W});
    for (size_t i = 0; i < toks.n; i++)
        cr_assert(!(toks.v[i].flags &
                    (RG_TF_HYPHEN_AFTER | RG_TF_HYPHEN_BEFORE)),
                  "token %zu has a hyphen flag", i);
    /* The en dash is no hyphen: it keeps its own folded form. */
    cr_assert_str_eq(rg_i_token_fold(&toks, 1), "–");
}

Test(tokens, folded_forms)
{
    EXPECT(&toks, "NATO Nato nato Weißes Ärger ÖSTERREICH İ",
           {"NATO", W}, {"Nato", W}, {"nato", W}, {"Weißes", W},
           {"Ärger", W}, {"ÖSTERREICH", W}, {"İ", W});
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "nato");
    cr_assert_str_eq(rg_i_token_fold(&toks, 1), "nato");
    cr_assert_str_eq(rg_i_token_fold(&toks, 2), "nato");
    cr_assert_str_eq(rg_i_token_fold(&toks, 3), "weisses");
    cr_assert_eq(toks.v[3].fold_len, 7);
    cr_assert_str_eq(rg_i_token_fold(&toks, 4), "ärger");
    cr_assert_str_eq(rg_i_token_fold(&toks, 5), "österreich");
    cr_assert_str_eq(rg_i_token_fold(&toks, 6), "i\xCC\x87");
}

Test(tokens, soft_hyphen_inside_word)
{
    EXPECT(&toks, "Bundes\u00ADkanzler", {"Bundes\u00ADkanzler", W});
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "bundeskanzler");
}

Test(tokens, case_flags)
{
    EXPECT(&toks, "NATO Nato nato USA A Über ÜBER GROß x1 Ab",
           {"NATO", W}, {"Nato", W}, {"nato", W}, {"USA", W}, {"A", W},
           {"Über", W}, {"ÜBER", W}, {"GROß", W}, {"x1", W}, {"Ab", W});
    const uint8_t m = RG_TF_UPPER | RG_TF_ALLCAPS;
    cr_assert_eq(toks.v[0].flags & m, m);
    cr_assert_eq(toks.v[1].flags & m, RG_TF_UPPER);
    cr_assert_eq(toks.v[2].flags & m, 0);
    cr_assert_eq(toks.v[3].flags & m, m);
    cr_assert_eq(toks.v[4].flags & m, RG_TF_UPPER); /* one letter only */
    cr_assert_eq(toks.v[5].flags & m, RG_TF_UPPER);
    cr_assert_eq(toks.v[6].flags & m, m);
    cr_assert_eq(toks.v[7].flags & m, m);
    cr_assert_eq(toks.v[8].flags & m, 0);
    cr_assert_eq(toks.v[9].flags & m, RG_TF_UPPER);
}

Test(tokens, space_newline_paragraph_flags)
{
    const char *s = "Titel\nErste Zeile\r\n\r\nNeu \n \n\tAbsatz,x";
    EXPECT(&toks, s, {"Titel", W}, {"Erste", W}, {"Zeile", W}, {"Neu", W},
           {"Absatz", W}, {",", P}, {"x", W});
    const uint8_t m =
        RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE | RG_TF_PARAGRAPH_BEFORE;
    cr_assert_eq(toks.v[0].flags & m, m, "start of text counts as all three");
    cr_assert_eq(toks.v[1].flags & m,
                 RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE);
    cr_assert_eq(toks.v[2].flags & m, RG_TF_SPACE_BEFORE);
    cr_assert_eq(toks.v[3].flags & m, m, "CR LF CR LF is a blank line");
    cr_assert_eq(toks.v[4].flags & m, m, "spaces inside the blank line");
    cr_assert_eq(toks.v[5].flags & m, 0);
    cr_assert_eq(toks.v[6].flags & m, 0);
}

Test(tokens, single_crlf_is_one_line_break)
{
    EXPECT(&toks, "a\r\nb\rc\u2028d\u2029e", {"a", W}, {"b", W}, {"c", W},
           {"d", W}, {"e", W});
    const uint8_t m = RG_TF_NEWLINE_BEFORE | RG_TF_PARAGRAPH_BEFORE;
    cr_assert_eq(toks.v[1].flags & m, RG_TF_NEWLINE_BEFORE);
    cr_assert_eq(toks.v[2].flags & m, RG_TF_NEWLINE_BEFORE);
    cr_assert_eq(toks.v[3].flags & m, RG_TF_NEWLINE_BEFORE);
    cr_assert_eq(toks.v[4].flags & m, m);
}

Test(tokens, unicode_spaces)
{
    /* NO-BREAK SPACE, NARROW NO-BREAK SPACE, IDEOGRAPHIC SPACE */
    EXPECT(&toks, "12\u00A0000\u202FEuro\u3000x", {"12", N}, {"000", N},
           {"Euro", W}, {"x", W});
    cr_assert(toks.v[1].flags & RG_TF_SPACE_BEFORE);
}

Test(tokens, quotes_are_punct)
{
    const char *s = "„Wir haben Beweise.“ »Nein« \"ja\" (USA)";
    EXPECT(&toks, s, {"„", P}, {"Wir", W}, {"haben", W}, {"Beweise", W},
           {".", P}, {"“", P}, {"»", P}, {"Nein", W}, {"«", P}, {"\"", P},
           {"ja", W}, {"\"", P}, {"(", P}, {"USA", W}, {")", P});
    cr_assert_eq(toks.v[0].start, 0);
    cr_assert_eq(toks.v[0].end, 3);
    cr_assert_eq(toks.v[1].start, 3);
    cr_assert(!(toks.v[1].flags & RG_TF_SPACE_BEFORE));
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "„");
}

Test(tokens, apostrophes)
{
    EXPECT(&toks, "O'Neill geht’s Hans' 'x", {"O'Neill", W},
           {"geht’s", W}, {"Hans", W}, {"'", P}, {"'", P}, {"x", W});
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "o'neill");
    cr_assert(toks.v[0].flags & RG_TF_UPPER);
    cr_assert(!(toks.v[0].flags & RG_TF_ALLCAPS));
}

Test(tokens, emoji_is_one_punct)
{
    /* thumbs up + skin tone, family ZWJ sequence, flag of Germany */
    const char *s = "gut\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
                    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
                    "\xF0\x9F\x91\xA7 \xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
                    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7!";
    EXPECT(&toks, s, {"gut", W}, {"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", P},
           {"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
            "\xF0\x9F\x91\xA7", P},
           {"\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA", P},
           {"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", P}, {"!", P});
    /* The ZWJ stays in the folded form of an emoji. */
    cr_assert_eq(toks.v[2].fold_len, 18);
}

Test(tokens, symbols_and_marks)
{
    EXPECT(&toks, "5 € 10% §3 \xCC\x81x", {"5", N}, {"€", P}, {"10", N},
           {"%", P}, {"§", P}, {"3", N}, {"\xCC\x81", P}, {"x", W});
}

Test(tokens, long_non_ascii_word_folds)
{
    /* Longer than the stack scratch of the folder. */
    char s[3 * 400 + 1];
    char want[2 * 400 + 1];
    for (size_t i = 0; i < 400; i++) {
        memcpy(s + 2 * i, "\xC3\x84", 2);  /* Ä */
        memcpy(want + 2 * i, "\xC3\xA4", 2);
    }
    s[800] = '\0';
    want[800] = '\0';
    rg_i_tokenize(&toks, s, 800);
    /* cut at RG_MAX_TOKEN_BYTES; the pieces fold to the whole */
    cr_assert_eq(toks.n, (800 + RG_MAX_TOKEN_BYTES - 1) / RG_MAX_TOKEN_BYTES);
    char got[2 * 400 + 1] = "";
    for (size_t i = 0; i < toks.n; i++) {
        strcat(got, rg_i_token_fold(&toks, i));
        cr_assert(toks.v[i].flags & RG_TF_ALLCAPS);
    }
    cr_assert_str_eq(got, want);
}

Test(tokens, reuse_replaces_contents)
{
    rg_i_tokenize(&toks, "eins zwei drei vier", 19);
    cr_assert_eq(toks.n, 4);
    rg_i_tokenize(&toks, "Fünf", strlen("Fünf"));
    cr_assert_eq(toks.n, 1);
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "fünf");
    cr_assert_eq(toks.v[0].fold, 0);
    cr_assert_eq(toks.fold_len, strlen("fünf") + 1);
}

Test(tokens, offsets_cover_text)
{
    const char *s = "Die USA, Südkorea und Japan warnten am 21.10.2024 "
                    "Nordkoreas Machthaber Kim Jong-un.";
    rg_i_tokenize(&toks, s, strlen(s));
    cr_assert_gt(toks.n, 10);
    uint32_t prev_end = 0;
    for (size_t i = 0; i < toks.n; i++) {
        const rg_token *k = &toks.v[i];
        cr_assert_lt(k->start, k->end);
        cr_assert_geq(k->start, prev_end);
        /* Only whitespace between tokens. */
        for (uint32_t b = prev_end; b < k->start; b++)
            cr_assert_eq(s[b], ' ');
        cr_assert_eq(!!(k->flags & RG_TF_SPACE_BEFORE),
                     i == 0 || k->start > prev_end);
        prev_end = k->end;
    }
    cr_assert_eq(prev_end, strlen(s));
}

Test(tokens, zalgo_word_stays_linear, .timeout = 20)
{
    /* A word of one letter and 200,000 marks of alternating combining
     * classes: folding must not go quadratic. */
    size_t marks = 200000;
    size_t len = 1 + 2 * marks;
    char *s = malloc(len + 3);
    cr_assert_not_null(s);
    s[0] = 'Q'; /* no precomposed Q with these marks */
    for (size_t k = 0; k < marks; k++)
        memcpy(s + 1 + 2 * k, (k & 1) ? "\xCC\xA3" : "\xCC\x81", 2);
    memcpy(s + len, " x", 3);
    rg_i_tokenize(&toks, s, len + 2);
    /* cut into pieces of at most RG_MAX_TOKEN_BYTES that cover the word */
    cr_assert_gt(toks.n, 2);
    cr_assert_eq(toks.v[0].kind, RG_TOK_WORD);
    cr_assert_eq(rg_i_token_fold(&toks, 0)[0], 'q');
    size_t folded = 0;
    for (size_t i = 0; i + 1 < toks.n; i++) {
        cr_assert_eq(toks.v[i].start, i ? toks.v[i - 1].end : 0);
        cr_assert_leq(toks.v[i].end - toks.v[i].start, RG_MAX_TOKEN_BYTES);
        folded += toks.v[i].fold_len;
    }
    cr_assert_eq(toks.v[toks.n - 2].end, len);
    cr_assert_eq(folded, len);
    free(s);
}

/* The documented limit: an overlong word is cut into pieces of at most
 * RG_MAX_TOKEN_BYTES bytes that cover it without a gap. */
Test(tokens, overlong_word_is_cut_at_the_limit)
{
    rg_buf b;
    rg_i_buf_init(&b);
    for (size_t i = 0; i < 1000; i++)
        rg_i_buf_adds(&b, "ä");   /* 2000 bytes, one word */
    rg_tokens t;
    rg_i_tokens_init(&t);
    rg_i_tokenize(&t, b.data, b.len);
    cr_assert_eq(t.n, (2000 + RG_MAX_TOKEN_BYTES - 1) / RG_MAX_TOKEN_BYTES);
    for (size_t i = 0; i < t.n; i++) {
        cr_expect_leq(t.v[i].end - t.v[i].start, RG_MAX_TOKEN_BYTES);
        cr_expect_eq(t.v[i].start, i ? t.v[i - 1].end : 0);
    }
    rg_i_tokens_destroy(&t);
    rg_i_buf_destroy(&b);
}

/* The Latin-1 fast path folds exactly as utf8proc's case fold does. */
Test(tokens, latin1_fold_agrees_with_utf8proc)
{
    rg_tokens t;
    rg_i_tokens_init(&t);
    for (unsigned c = 0x80; c <= 0xBF; c++) {
        char word[8] = {'x', (char)0xC3, (char)c, 'Y', '\0'};
        rg_i_tokenize(&t, word, strlen(word));
        if (t.n != 1)
            continue; /* × and ÷ are not letters: no single word */
        utf8proc_uint8_t *want = NULL;
        utf8proc_map((const utf8proc_uint8_t *)word, 0, &want,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                         UTF8PROC_CASEFOLD);
        cr_expect_str_eq(rg_i_token_fold(&t, 0), (const char *)want, "U+00%02X",
                         c + 0x40);
        free(want);
    }
    rg_i_tokens_destroy(&t);
}

Test(tokens, invisible_joiners_leave_the_fold)
{
    /* A ZWNJ or ZWJ inside a word (pasted from a web page) keeps it one
     * token, and its fold drops them as utf8proc's IGNORE does, so that
     * the word is still found: "Nord<ZWJ>korea" folds to "nordkorea". */
    EXPECT(&toks, "Nord\u200Dkorea Pj\u00f6ng\u200Cjang", {"Nord\u200Dkorea", W},
           {"Pj\u00f6ng\u200Cjang", W});
    cr_assert_str_eq(rg_i_token_fold(&toks, 0), "nordkorea");
    cr_assert_str_eq(rg_i_token_fold(&toks, 1), "pj\u00f6ngjang");
}

/* rg_i_tokenize's fast paths against its general path (every character
 * decoded and classified with utf8proc): equal tokens, flags, folds and
 * hashes, on tricky pieces and on random strings made of them. */
static void S_same_as_general(const char *s0, size_t len)
{
    /* The text in a buffer of exactly its length: a read past its end is
     * an error under the address sanitizer. */
    char *s = malloc(len ? len : 1);
    cr_assert(s != NULL);
    memcpy(s, s0, len);
    rg_tokens a, b;
    rg_i_tokens_init(&a);
    rg_i_tokens_init(&b);
    rg_i_tokenize(&a, s, len);
    rg_i_tokenize_general(&b, s, len);
    cr_assert_eq(a.n, b.n, "'%.*s': %zu tokens, general %zu", (int)len, s,
                 a.n, b.n);
    for (size_t i = 0; i < a.n; i++) {
        const rg_token *x = &a.v[i], *y = &b.v[i];
        cr_assert(x->start == y->start && x->end == y->end &&
                      x->kind == y->kind && x->flags == y->flags &&
                      x->fold_len == y->fold_len,
                  "'%.*s': token %zu [%u,%u) kind %d flags %#x, general "
                  "[%u,%u) kind %d flags %#x",
                  (int)len, s, i, x->start, x->end, x->kind, x->flags,
                  y->start, y->end, y->kind, y->flags);
        cr_assert(memcmp(rg_i_token_fold(&a, i), rg_i_token_fold(&b, i),
                         x->fold_len + 1) == 0,
                  "'%.*s': token %zu folds to '%s', general '%s'", (int)len,
                  s, i, rg_i_token_fold(&a, i), rg_i_token_fold(&b, i));
        cr_assert_eq(a.hash[i], b.hash[i]);
        cr_assert_eq(a.hash[i], rg_i_hash(rg_i_token_fold(&a, i), x->fold_len));
        /* The mark: a line break before (a blank line is one too), or
         * what may end a sentence. */
        cr_assert(!(x->flags & RG_TF_PARAGRAPH_BEFORE) ||
                  (x->flags & RG_TF_NEWLINE_BEFORE));
        const unsigned char *p = (const unsigned char *)s + x->start;
        size_t n = x->end - x->start;
        int want = (x->flags & RG_TF_NEWLINE_BEFORE) ||
                   (x->kind == RG_TOK_PUNCT &&
                    (n == 1 ? p[0] == '.' || p[0] == '!' || p[0] == '?'
                            : n == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
                                  p[2] == 0xA6));
        cr_assert_eq(rg_i_token_marked(&a, i), want,
                     "'%.*s': token %zu marked %d, want %d", (int)len, s, i,
                     rg_i_token_marked(&a, i), want);
        cr_assert_eq(rg_i_token_marked(&b, i), want,
                     "'%.*s': token %zu marked %d by the general path, want "
                     "%d", (int)len, s, i, rg_i_token_marked(&b, i), want);
    }
    /* No mark past the last token in the words the marks cover. */
    for (size_t i = a.n; i < 64 * a.marks_n; i++)
        cr_assert(!rg_i_token_marked(&a, i));
    rg_i_tokens_destroy(&a);
    rg_i_tokens_destroy(&b);
    free(s);
}

static const char *const S_pieces[] = {
    "a", "Z", "NATO", "Nato", "x1", "5", "12", "2024er", "5G", "ß", "GROß",
    "Ä", "Über", "ÖSTERREICH", "é", "É", "×", "÷", "ÿ", "À", "Þ", "µ", "ª",
    "º", "²", "¼", "\u00AD", "\u00A0", "\u200B", "\u200C", "\u200D",
    "\uFEFF", "\u2028", "\u2029", "\u2010", "\u2011", "\u2013", "\u2019",
    "\u201E", "\u201C", "\u2026", "\xC2\x85", "\u0301", "\u0308", "e\u0301",
    "\u0130", "\u03A3", "\u0600", "\u0661\u0662", "\u0915\u093F",
    "\U0001F44D", "\U0001F3FD", "\U0001F1E9\U0001F1EA", "\u3000", "\u202F",
    " ", "  ", "\t", "\n", "\r", "\r\n", "\v", "\f", "\n\n", "-", "--", "'",
    ".", ",", ":", ";", "!", "?", "\"", "(", ")", "€", "%", "§", "&", "/",
    "\x01", "\x1F", "\x7F", "1.000", "3,5", "18:17", "1.", "1,", ":2", "'s",
    "O'Neill", "geht\u2019s", "Nord\u200Dkorea", "Bundes\u00ADkanzler",
    "\u203C", "\u2060", "\u20AC", "\u2030", "\u201A", "\u2039", ".\u00A0",
    ".\u201C", "\u201E\u201C", "\u2013\u0301", ".\u0301", "\u200E",
    "\u26A0\uFE0F", "\U0001F6E1\uFE0F", "\uFE0F", "\uFE0E", "\u00AB",
    "\u00BB", "\u00A7", "\u00B5", "\u2026\uFE0F", "NATO\u2011Chef",
    "\xC3", "\xE2\x80", "\xFF", "\x80",
};

Test(tokens, fast_paths_agree_with_the_general_path)
{
    for (size_t k = 0; k < RG_COUNT(S_pieces); k++) {
        S_same_as_general(S_pieces[k], strlen(S_pieces[k]));
        for (size_t l = 0; l < RG_COUNT(S_pieces); l++) {
            char s[64];
            snprintf(s, sizeof(s), "%s%s", S_pieces[k], S_pieces[l]);
            S_same_as_general(s, strlen(s));
            snprintf(s, sizeof(s), "%sx%s", S_pieces[k], S_pieces[l]);
            S_same_as_general(s, strlen(s));
            snprintf(s, sizeof(s), "%s1%s", S_pieces[k], S_pieces[l]);
            S_same_as_general(s, strlen(s));
        }
    }
    /* Random strings of the pieces, short and long (the length limit). */
    unsigned seed = 12345;
    rg_buf b;
    rg_i_buf_init(&b);
    for (int round = 0; round < 3000; round++) {
        rg_i_buf_reset(&b);
        size_t parts = 1 + (size_t)(round % 40);
        for (size_t p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = S_pieces[(seed >> 8) % RG_COUNT(S_pieces)];
            /* Mostly letters, so that words get long. */
            if ((seed >> 20) % 3)
                piece = (seed >> 24) & 1 ? "abcdefghij" : "ÄÖÜäöüßKLMN";
            rg_i_buf_adds(&b, piece);
        }
        S_same_as_general(b.data, b.len);
    }
    /* Words around the length limit, ASCII and Latin-1, with an odd
     * number of ASCII letters before so that the limit falls inside ä. */
    for (size_t lead = 0; lead < 3; lead++) {
        for (size_t n = 120; n < 140; n++) {
            rg_i_buf_reset(&b);
            for (size_t i = 0; i < lead; i++)
                rg_i_buf_adds(&b, "k");
            for (size_t i = 0; i < n; i++)
                rg_i_buf_adds(&b, i % 7 == 3 ? "x" : "ä");
            rg_i_buf_adds(&b, "'s \u00AD1");
            S_same_as_general(b.data, b.len);
            S_same_as_general(b.data, b.len - 5);
        }
    }
    rg_i_buf_destroy(&b);
}

/* The 16-byte word step and its chain over single spaces: ASCII words of
 * every length around 8 and 16, in every case pattern that decides UPPER
 * and ALLCAPS, with digits, ended by every kind of byte that may follow,
 * and cut at every length (the step needs 16 readable bytes). */
Test(tokens, word_runs_agree_with_the_general_path)
{
    static const char *const words[] = {
        "a", "A", "ab", "AB", "Ab", "aB", "A1", "1A", "Ab1", "AB1C",
        "abcdefg", "ABCDEFGH", "Abcdefgh", "abcdefghi", "ABCDEFGHIJKLMNO",
        "Abcdefghijklmno", "abcdefghijklmnop", "ABCDEFGHIJKLMNOPQ",
        "aBCDEFGHIJKLMNO", "ABCDEFGHIJKLMNo", "G7", "x9y8z7w6v5u4t3s2",
        "Zz", "zZ", "AZaz09", "@", "`", "[", "{",
    };
    static const char *const seps[] = {
        " ", "  ", ", ", ". ", "'", "'s ", "-", "\n", " \n ", "ä", "ß ",
        "\u2019", "\u00AD", "\u00A0", "1 ", "\t", "/", "\xC3", ""};
    unsigned seed = 777;
    rg_buf b;
    rg_i_buf_init(&b);
    for (int round = 0; round < 4000; round++) {
        rg_i_buf_reset(&b);
        size_t parts = 1 + (size_t)(round % 12);
        for (size_t p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&b, words[(seed >> 8) % RG_COUNT(words)]);
            seed = seed * 1103515245u + 12345u;
            /* Mostly single spaces: the chained steps. */
            rg_i_buf_adds(&b, (seed >> 20) % 3
                                  ? " "
                                  : seps[(seed >> 8) % RG_COUNT(seps)]);
        }
        for (size_t cut = b.len > 20 ? b.len - 20 : 0; cut <= b.len; cut++)
            S_same_as_general(b.data, cut);
    }
    rg_i_buf_destroy(&b);
}

/* rg_i_hash reads its tail with wider loads, rg_i_hash_padded past it:
 * both give the byte-by-byte definition. */
Test(tokens, hash_tails_agree_with_bytes)
{
    unsigned char buf[64 + 8];
    for (size_t k = 0; k < sizeof(buf); k++)
        buf[k] = (unsigned char)(k * 37 + 11);
    for (size_t n = 0; n <= 64; n++) {
        uint64_t h = (uint64_t)n * RG_HASH_MUL;
        size_t q = 0;
        for (; q + 8 <= n; q += 8) {
            uint64_t w = 0;
            for (size_t i = 0; i < 8; i++)
                w |= (uint64_t)buf[q + i] << (8 * i);
            h = rg_i_hash_word(h, w);
        }
        uint64_t w = 0;
        for (size_t i = q; i < n; i++)
            w |= (uint64_t)buf[i] << (8 * (i - q));
        h = rg_i_hash_last(h, w);
        if (RG_LITTLE_ENDIAN) {
            cr_assert_eq(rg_i_hash(buf, n), h, "length %zu", n);
            cr_assert_eq(rg_i_hash_padded(buf, n), h, "length %zu", n);
        }
        cr_assert_eq(rg_i_hash_padded(buf, n), rg_i_hash(buf, n));
    }
}

/* The string table's short-key comparison (overlapping loads) against
 * keys that differ in one byte at every position. */
Test(tokens, strtab_tells_keys_apart_at_every_byte)
{
    rg_strtab t;
    rg_i_strtab_init(&t);
    char key[40];
    for (size_t n = 1; n <= 24; n++) {
        memset(key, 'a', n);
        cr_assert_eq(rg_i_strtab_intern(&t, key, n), (int32_t)(n - 1));
    }
    for (size_t n = 1; n <= 24; n++) {
        memset(key, 'a', n);
        cr_assert_eq(rg_i_strtab_find(&t, key, n), (int32_t)(n - 1));
        for (size_t i = 0; i < n; i++) {
            key[i] = 'b';
            cr_assert_eq(rg_i_strtab_find(&t, key, n), -1, "%zu %zu", n, i);
            key[i] = 'a';
        }
    }
    rg_i_strtab_destroy(&t);
}

/* The fast paths for ASCII punctuation before any code point, for
 * U+2000..U+20BF and emoji (four bytes) before ASCII, and for NBSP decide
 * grapheme clusters, classes and folds without the general path: the same tokens for every code point of the BMP and
 * a sample of the others, after and before several characters. */
Test(tokens, punctuation_fast_paths_agree_for_every_code_point)
{
    static const char *const around[] = {".", "\"", "(", "x", "1", " "};
    /* Every code point of the BMP and of the emoji blocks (U+1F000..
     * U+1FAFF, S_symbol4), a sample of the others. */
    for (utf8proc_int32_t cp = 0x80; cp <= 0x10FFFF;
         cp += cp < 0x10000 || (cp >= 0x1F000 && cp < 0x1FB00) ? 1 : 61) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        utf8proc_uint8_t u[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
        for (size_t k = 0; k < RG_COUNT(around); k++) {
            char s[16];
            size_t a = strlen(around[k]);
            memcpy(s, around[k], a);
            memcpy(s + a, u, (size_t)n);
            memcpy(s + a + (size_t)n, around[k], a);
            S_same_as_general(s, 2 * a + (size_t)n);
            if ((cp >= 0x2000 && cp <= 0x20BF) ||
                (cp >= 0x1F000 && cp < 0x1FB00))
                S_same_as_general(s + a, a + (size_t)n);
        }
    }
}

/* rg_i_fold_latin1 (8 ASCII bytes a step, the ASCII before another byte
 * kept from the step) against utf8proc's case fold, with the other bytes
 * at every position of a step. */
Test(tokens, fold_latin1_agrees_with_utf8proc_at_every_offset)
{
    static const char *const pieces[] = {
        "A", "z", "Q", "7", " ", "-", "\u00C4", "\u00E4", "\u00DF", "\u00D7",
        "\u00A0", "\u00A9", "\u201E", "\u2013", "\u20AC", "\u00DE", "@", "[",
    };
    char s[256];
    char got[512];
    unsigned seed = 99;
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        size_t parts = (size_t)(round % 40);
        for (size_t p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = (seed >> 16) % 4
                                    ? ((seed >> 20) & 1 ? "a" : "B")
                                    : pieces[(seed >> 8) % RG_COUNT(pieces)];
            size_t l = strlen(piece);
            memcpy(s + n, piece, l);
            n += l;
        }
        s[n] = '\0';
        size_t m = rg_i_fold_latin1(got, s, n);
        cr_assert_neq(m, SIZE_MAX, "'%s' refused", s);
        utf8proc_uint8_t *want = NULL;
        utf8proc_map((const utf8proc_uint8_t *)s, 0, &want,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                         UTF8PROC_CASEFOLD);
        cr_assert(m == strlen((const char *)want) &&
                      memcmp(got, want, m) == 0,
                  "'%s' folds to '%.*s', want '%s'", s, (int)m, got, want);
        free(want);
    }
    cr_assert_eq(rg_i_fold_latin1(got, "ab\u00B5cdefghij", 12), SIZE_MAX);
    cr_assert_eq(rg_i_fold_latin1(got, "abcdefg\u00AD", 9), SIZE_MAX);
}

/* The sixteen-byte word step takes the letters of U+00C0..U+00FF (but ß,
 * × and ÷) inside a word that starts with an ASCII letter: every second
 * byte 80..BF at every offset of the sixteen bytes, in lower- and
 * uppercase words (ALLCAPS), against the general path; with room after
 * the word so that the step applies. */
Test(tokens, latin1_letters_in_the_sixteen_byte_step)
{
    static const char *const heads[] = {"a", "A", "AB", "Ab", "x1"};
    static const char *const tails[] = {" wort dahinter", ". Satz", "'s",
                                        "\xC3\x9F", "\xC3", "-Teil", ""};
    char s[96];
    for (unsigned t = 0x80; t <= 0xBF; t++) {
        for (size_t h = 0; h < RG_COUNT(heads); h++) {
            for (size_t pad = 0; pad < 17; pad++) {
                for (size_t k = 0; k < RG_COUNT(tails); k++) {
                    size_t n = 0;
                    n += (size_t)snprintf(s + n, sizeof(s) - n, "%s",
                                          heads[h]);
                    for (size_t p = 0; p < pad; p++)
                        s[n++] = h == 2 ? 'C' : 'c';
                    s[n++] = (char)0xC3;
                    s[n++] = (char)t;
                    snprintf(s + n, sizeof(s) - n, "%s%s", tails[k],
                             "                    ");
                    S_same_as_general(s, strlen(s));
                    /* Two of them, the second right after the first. */
                    s[n++] = (char)0xC3;
                    s[n++] = (char)(t ^ 0x20);
                    snprintf(s + n, sizeof(s) - n, "%s%s", tails[k],
                             "                    ");
                    S_same_as_general(s, strlen(s));
                }
            }
        }
    }
}

/* One-byte tokens are hashed by a table: every ASCII byte that makes a
 * PUNCT token of its own, at the start, between words and at the end,
 * hashed as rg_i_hash hashes its fold. */
Test(tokens, one_byte_tokens_hash_as_rg_i_hash)
{
    char s[64];
    for (int c = 1; c < 0x80; c++) {
        snprintf(s, sizeof(s), "%cWort%cwort %c Wort wort wort wort wort%c",
                 c, c, c, c);
        rg_i_tokenize(&toks, s, strlen(s));
        for (size_t i = 0; i < toks.n; i++)
            cr_assert_eq(toks.hash[i],
                         rg_i_hash(rg_i_token_fold(&toks, i),
                                   toks.v[i].fold_len),
                         "byte %#x: token %zu", (unsigned)c, i);
        S_same_as_general(s, strlen(s));
    }
}

/* The run of words, ASCII punctuation and glued hyphens (S_words): every
 * ASCII byte after a word, followed by a space, a letter, a digit, a
 * hyphen, a line break or a non-ASCII character, and chains of such
 * pieces, cut at every length near the end (the run needs 16 readable
 * bytes), against the general path. */
Test(tokens, word_punct_runs_agree_with_the_general_path)
{
    static const char *const words[] = {"a", "Ab", "NATO", "wort", "x9",
                                        "Abcdefghijklm", "\xC3\xA4rger"};
    static const char *const nexts[] = {" wort", " Wort", " 12", "wort",
                                        "1", "-", "\n", " \xC3\xA4", "\xC3\xA4",
                                        "\xE2\x80\x9C", "\xCC\x81", "  x",
                                        ". x", ""};
    char s[96];
    for (unsigned p = 1; p < 0x80; p++) {
        for (size_t w = 0; w < RG_COUNT(words); w++) {
            for (size_t k = 0; k < RG_COUNT(nexts); k++) {
                int n = snprintf(s, sizeof(s), "%s%c%s %s", words[w], (char)p,
                                 nexts[k], "Wort und noch mehr Worte");
                S_same_as_general(s, (size_t)n);
                for (int cut = 1; cut < 24 && cut < n; cut++)
                    S_same_as_general(s, (size_t)(n - cut));
            }
        }
    }
    unsigned seed = 4242;
    static const char *const seps[] = {" ", " ", " ", ", ", ". ", "-", ".",
                                       ")", " (", "\" ", ": ", ";", "-1",
                                       "!\n", "? ", ".\xE2\x80\x9C "};
    rg_buf b;
    rg_i_buf_init(&b);
    for (int round = 0; round < 3000; round++) {
        rg_i_buf_reset(&b);
        size_t parts = 1 + (size_t)(round % 16);
        for (size_t q = 0; q < parts; q++) {
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&b, words[(seed >> 8) % RG_COUNT(words)]);
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&b, seps[(seed >> 8) % RG_COUNT(seps)]);
        }
        for (size_t cut = b.len > 20 ? b.len - 20 : 0; cut <= b.len; cut++)
            S_same_as_general(b.data, cut);
    }
    rg_i_buf_destroy(&b);
}

/* Words of the sixteen-byte step that end at a character of U+2000..
 * U+20FF (every third byte after E2 80, E2 81, E2 82: dashes and quotes
 * end a word, ZWNJ, ZWJ and U+2019 may not), and words that start with
 * C3 and every second byte (Ärger, Über; not ß, × or ÷) after a space, a
 * dot and a space, a hyphen and at the start, against the general path;
 * with room after them so that the step applies, and cut near the end. */
Test(tokens, word_runs_at_general_punctuation_and_latin1_starts)
{
    static const char *const heads[] = {"Wort", "ab", "NATO", "x1",
                                        "Gro\xC3\x9F", "\xC3\x84rger"};
    static const char *const tails[] = {"", "s", "x Wort", " Wort", "\xC3\xA4",
                                        "\xE2\x80\x9C"};
    static const char *const before[] = {"", "Das ", "Ende. ", "NATO-", "(",
                                         "ab\xE2\x80\x9E"};
    char s[128];
    for (unsigned t = 0x80; t <= 0xBF; t++) {
        for (unsigned m = 0x80; m <= 0x82; m++) {
            for (size_t h = 0; h < RG_COUNT(heads); h++) {
                for (size_t k = 0; k < RG_COUNT(tails); k++) {
                    int n = snprintf(s, sizeof(s), "%s\xE2%c%c%s%s", heads[h],
                                     (char)m, (char)t, tails[k],
                                     " und noch mehr Worte dahinter");
                    S_same_as_general(s, (size_t)n);
                    S_same_as_general(s, strlen(heads[h]) + 2);
                    S_same_as_general(s, strlen(heads[h]) + 3);
                }
            }
        }
        for (size_t p = 0; p < RG_COUNT(before); p++) {
            for (size_t k = 0; k < RG_COUNT(tails); k++) {
                int n = snprintf(s, sizeof(s), "%s\xC3%crger%s%s", before[p],
                                 (char)t, tails[k],
                                 " und noch mehr Worte dahinter");
                S_same_as_general(s, (size_t)n);
                n = snprintf(s, sizeof(s), "%s\xC3%c%s%s", before[p], (char)t,
                             tails[k], " und noch mehr Worte dahinter");
                S_same_as_general(s, (size_t)n);
                n = snprintf(s, sizeof(s), "%s\xC3%cX\xC3%c%s%s", before[p],
                             (char)t, (char)(t ^ 0x20), tails[k],
                             " und noch mehr Worte dahinter");
                S_same_as_general(s, (size_t)n);
                for (int cut = 1; cut < 30 && cut < n; cut++)
                    S_same_as_general(s, (size_t)(n - cut));
            }
        }
    }
}

/* Long words of the thirty-two-byte step (S_word32): ASCII words of 16 to
 * 40 bytes, all lowercase, all capitals, capitalised, capitals with one
 * lowercase letter or digit at every position (ALLCAPS), and with ä, ß or
 * a quote at every position, followed by what may end them, with room
 * after them and cut near the end, against the general path. */
Test(tokens, long_words_agree_with_the_general_path)
{
    static const char *const ends[] = {" Wort", ".", ", ", "-Teil", "'s",
                                       "\xE2\x80\x9C", "\xC3\xA4", "\n", ""};
    static const char *const inner[] = {"a", "Z", "7", "\xC3\xA4",
                                        "\xC3\x9F", "'", "\xC3\x84"};
    char w[64], s[160];
    for (size_t n = 14; n <= 40; n++) {
        for (int pattern = 0; pattern < 3; pattern++) {
            for (size_t at = 0; at <= n; at++) {
                for (size_t x = 0; x < RG_COUNT(inner); x++) {
                    if (at == n && x > 0)
                        break; /* at == n: the plain word, once */
                    size_t m = 0;
                    for (size_t k = 0; k < n; k++) {
                        if (k == at) {
                            size_t l = strlen(inner[x]);
                            memcpy(w + m, inner[x], l);
                            m += l;
                            continue;
                        }
                        char ch = (char)('a' + (k * 7) % 26);
                        if (pattern == 1 || (pattern == 2 && k == 0))
                            ch = (char)(ch - 'a' + 'A');
                        w[m++] = ch;
                    }
                    w[m] = '\0';
                    for (size_t e = 0; e < RG_COUNT(ends); e++) {
                        int len = snprintf(s, sizeof(s), "%s%s%s", w, ends[e],
                                           " und noch mehr Worte dahinter");
                        S_same_as_general(s, (size_t)len);
                        S_same_as_general(s, m + strlen(ends[e]) + 1);
                    }
                }
            }
        }
    }
}

/* Line breaks after punctuation in the word run: one or two LF (and the
 * other line breaks and blank lines, which leave the run) before a word,
 * a number or a quote, against the general path: flags, marks and all,
 * cut near the end. */
Test(tokens, line_breaks_after_punctuation_in_word_runs)
{
    static const char *const puncts[] = {".", ",", ";", ":", "!", "?", ")",
                                         "\"", "/"};
    static const char *const breaks[] = {"\n", "\n\n", "\n\n\n", "\r\n",
                                         "\n\r\n", "\n \n", " \n", "\v",
                                         "\n\f"};
    static const char *const nexts[] = {"Wort", "wort", "\xC3\x84rger",
                                        "\xC3\x9F", "1", "\xE2\x80\x9EWort",
                                        "-", ""};
    char s[128];
    for (size_t p = 0; p < RG_COUNT(puncts); p++) {
        for (size_t b = 0; b < RG_COUNT(breaks); b++) {
            for (size_t x = 0; x < RG_COUNT(nexts); x++) {
                int n = snprintf(s, sizeof(s), "Ein Wort%s%s%s%s", puncts[p],
                                 breaks[b], nexts[x],
                                 " und noch mehr Worte dahinter");
                S_same_as_general(s, (size_t)n);
                for (int cut = 1; cut < 40 && cut < n; cut++)
                    S_same_as_general(s, (size_t)(n - cut));
            }
        }
    }
}
