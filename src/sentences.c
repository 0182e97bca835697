/*
 * sentences.c — stage 3b: tokens -> German sentences and paragraphs.
 * Hands on an rg_sentences (token ranges, byte spans, paragraph index) to
 * the mention and relation stages; it only reads tokens and the text.
 *
 * Rules, in the order they are applied:
 *   1. A blank line (RG_TF_PARAGRAPH_BEFORE) always ends the sentence and
 *      starts a new paragraph; the first paragraph is 0.
 *   2. A line break ends the sentence when the next line does not start
 *      with a lowercase letter (headlines, datelines, lines without end
 *      punctuation).  It does not when the line before ends in a comma, a
 *      hyphen-like or an opening quote/bracket, or in a dot that rule 4
 *      kept from ending ("Dr.\nMüller"), since those cannot end a sentence.
 *      A lowercase start continues the sentence (hard-wrapped text).
 *   3. A sentence ends after . ! ? … or an ellipsis "..." (a run of dots
 *      glued together); directly following end punctuation ("?!") and
 *      closing quotes/brackets (" “ ” « » ‹ › ' ‘ ’ ) ] }) that touch it
 *      without space belong to the sentence.  A quote after a space opens
 *      the next sentence, so „Wir …“ starts with its quote.
 *   4. A single '.' does not end when glued to the word before and
 *        - that word + "." is in `abbrevs` ("Dr."), also combined backwards
 *          over up to three word+dot pairs with the spaces removed
 *          ("v. Chr." -> "v.Chr."); compared as the exact original bytes;
 *        - that word is a single letter (initials "George W. Bush", "z. B.");
 *        - the token before is a NUMBER and the next token is a month name
 *          ("am 1. Oktober"; Januar…Dezember, Jänner, Feber).  A NUMBER with
 *          a dot before any other capitalised word ends the sentence ("der
 *          3. Weltkrieg" is split: an ordinal cannot be told from a number
 *          that ends a sentence without a lexicon).
 *   5. No end punctuation (. ! ? …) ends a sentence when the next token is
 *      a lowercase WORD ("ca. zehn", "Hilfe! rief er") or a comma or
 *      semicolon („Kommst du?“, fragte er), after ! and ? as well: in
 *      German news a lowercase word there continues reported speech far
 *      more often than it starts a sentence.
 * Sentences are never empty and every token belongs to exactly one.
 */
#include "sentences.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

void rg_i_sentences_init(rg_sentences *s)
{
    memset(s, 0, sizeof(*s));
}

void rg_i_sentences_destroy(rg_sentences *s)
{
    if (!s)
        return;
    free(s->v);
    memset(s, 0, sizeof(*s));
}

/* Token i's bytes equal the NUL-terminated string lit. */
static int S_is(const char *text, const rg_token *t, const char *lit)
{
    size_t n = strlen(lit);
    return t->end - t->start == n && memcmp(text + t->start, lit, n) == 0;
}

static utf8proc_int32_t S_first_cp(const char *text, const rg_token *t)
{
    utf8proc_int32_t cp = -1;
    utf8proc_iterate((const utf8proc_uint8_t *)text + t->start,
                     (utf8proc_ssize_t)(t->end - t->start), &cp);
    return cp;
}

static inline int S_is_lower_word(const char *text, const rg_token *t)
{
    if (t->kind != RG_TOK_WORD || (t->flags & RG_TF_UPPER))
        return 0;
    /* An ASCII first character (most words) without utf8proc: Ll is a-z
     * there. */
    unsigned char c = (unsigned char)text[t->start];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return utf8proc_category(S_first_cp(text, t)) == UTF8PROC_CATEGORY_LL;
}

/* 1 for '.', 2 for ! ? and …: characters that may end a sentence. */
static inline int S_end_kind(const char *text, const rg_token *t)
{
    if (t->kind != RG_TOK_PUNCT)
        return 0;
    const unsigned char *p = (const unsigned char *)text + t->start;
    switch (t->end - t->start) {
    case 1:
        return p[0] == '.' ? 1 : p[0] == '!' || p[0] == '?' ? 2 : 0;
    case 3: /* U+2026 */
        return p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA6 ? 2 : 0;
    default:
        return 0;
    }
}

/* Whether token t is one of the quotes and brackets of `one` (ASCII),
 * « » (U+00AB, U+00BB) or E2 80 x for a byte x of `e280` (U+2000..U+203F):
 * the lists below without a string comparison per entry. */
static int S_is_one_of(const char *text, const rg_token *t, const char *one,
                       const char *e280)
{
    if (t->kind != RG_TOK_PUNCT)
        return 0;
    const unsigned char *p = (const unsigned char *)text + t->start;
    switch (t->end - t->start) {
    case 1:
        return p[0] && strchr(one, p[0]) != NULL;
    case 2:
        return p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB);
    case 3:
        return p[0] == 0xE2 && p[1] == 0x80 && p[2] &&
               strchr(e280, p[2]) != NULL;
    default:
        return 0;
    }
}

/* " “ ” « » ‹ › ' ‘ ’ ) ] } */
static int S_is_closer(const char *text, const rg_token *t)
{
    return S_is_one_of(text, t, "\"')]}", "\x9C\x9D\xB9\xBA\x98\x99");
}

/* „ ‚ “ « » ‹ › " ( [ { */
static int S_is_opener(const char *text, const rg_token *t)
{
    return S_is_one_of(text, t, "\"([{", "\x9E\x9A\x9C\xB9\xBA");
}

static int S_is_month(const char *text, const rg_token *t)
{
    static const char *const months[] = {
        "Januar", "Jänner", "Feber", "Februar", "März",     "April",
        "Mai",    "Juni",   "Juli",  "August",  "September", "Oktober",
        "November", "Dezember",
    };
    if (t->kind != RG_TOK_WORD)
        return 0;
    for (size_t k = 0; k < sizeof(months) / sizeof(months[0]); k++)
        if (S_is(text, t, months[k]))
            return 1;
    return 0;
}

/* Whether token t is one code point (a single letter): what
 * utf8proc_iterate tells, asked only for two to four bytes that do not
 * start with ASCII (an ASCII character is one byte; more than four bytes
 * are never one code point). */
static int S_one_cp(const char *text, const rg_token *t)
{
    uint32_t n = t->end - t->start;
    if ((unsigned char)text[t->start] < 0x80)
        return n == 1; /* an ASCII character is one byte */
    if (n > 4)
        return 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t cl =
        utf8proc_iterate((const utf8proc_uint8_t *)text + t->start,
                         (utf8proc_ssize_t)n, &cp);
    return cl > 0 && (uint32_t)cl == n;
}

/* What the abbreviations look like, worked out at the first dot that
 * needs it: per first byte, the lengths (below 64) of the abbreviations
 * that start with it, so that most candidates ("Teheran.") are refused
 * without hashing them; and the longest, past which no candidate is
 * looked up (the candidates only grow). */
typedef struct rg_abbr_filter {
    const rg_strtab *tab;
    int ready;
    size_t longest;
    size_t limit;      /* no candidate longer is looked up: the longest,
                          at most 128 (S_is_abbrev_pairs' buffer); 0
                          until ready */
    uint64_t lens[256];
} S_abbr;

static void S_abbr_prepare(S_abbr *a)
{
    const rg_strtab *tab = a->tab;
    memset(a->lens, 0, sizeof(a->lens));
    a->longest = 0;
    for (size_t k = 0; k < tab->n; k++) {
        size_t n = tab->len[k];
        if (n > a->longest)
            a->longest = n;
        if (n == 0)
            continue;
        /* A length of 64 or more is never refused by the filter. */
        a->lens[(unsigned char)tab->str[k][0]] |=
            n < 64 ? (uint64_t)1 << n : (uint64_t)1;
    }
    a->limit = a->longest < 128 ? a->longest : 128;
    a->ready = 1;
}

rg_abbr_filter *rg_i_abbr_filter_new(const rg_strtab *abbrevs)
{
    S_abbr *a = rg_i_xmalloc(sizeof(*a));
    a->tab = abbrevs;
    a->ready = 0;
    a->limit = 0;
    if (abbrevs)
        S_abbr_prepare(a);
    return a;
}

void rg_i_abbr_filter_free(rg_abbr_filter *f)
{
    free(f);
}

/* Whether s[0..n) is in the table (the filter first). */
static int S_abbr_find(const S_abbr *a, const char *s, size_t n)
{
    uint64_t l = a->lens[(unsigned char)s[0]];
    if (n < 64 && !((l >> n) & 1) && !(l & 1))
        return 0;
    return rg_i_strtab_find(a->tab, s, n) >= 0;
}

/* Whether the dot toks[i] ends an abbreviation in `abbrevs` (a->tab):
 * the word glued before it plus the dot, extended backwards over up to
 * three word+dot pairs with the spaces between them removed. */
static int S_is_abbrev_pairs(const char *text, const rg_token *v, size_t i,
                             S_abbr *a)
{
    char buf[128];
    size_t len = 0;
    /* Collect pairs backwards into the end of buf, then look each
     * candidate up: "B." first, then "z.B.". */
    size_t at = sizeof(buf);
    for (int pairs = 0; pairs < 3; pairs++) {
        /* v[i] is a dot glued to the WORD v[i - 1]. */
        if (i < 1 || v[i - 1].kind != RG_TOK_WORD ||
            v[i - 1].end != v[i].start)
            break;
        size_t n = v[i].end - v[i - 1].start;
        if (n > at)
            break;
        if (!a->ready)
            S_abbr_prepare(a);
        if (len + n > a->longest)
            break;
        /* The first candidate, word and dot, is in the text as it is. */
        if (pairs == 0 && S_abbr_find(a, text + v[i - 1].start, n))
            return 1;
        if (pairs == 0 && (i < 3 || !S_is(text, &v[i - 2], ".")))
            break;
        at -= n;
        memcpy(buf + at, text + v[i - 1].start, n);
        len += n;
        if (pairs > 0 && S_abbr_find(a, buf + at, len))
            return 1;
        /* The pair before must end with a dot right before this word. */
        if (i < 3 || !S_is(text, &v[i - 2], "."))
            break;
        i -= 2;
    }
    return 0;
}

/* S_is_abbrev_pairs for the dot toks[i] glued to the WORD toks[i - 1]:
 * the first candidate, word and dot (nearly always refused by the
 * filter), here; the pairs before only when a dot is there. */
static inline int S_is_abbrev(const char *text, const rg_token *v, size_t i,
                              S_abbr *a)
{
    size_t n = v[i].end - v[i - 1].start;
    if (n > a->limit) {
        if (a->ready)
            return 0; /* and so is every longer candidate */
        S_abbr_prepare(a);
        if (n > a->limit)
            return 0;
    }
    if (S_abbr_find(a, text + v[i - 1].start, n))
        return 1;
    if (i < 3 || !S_is(text, &v[i - 2], "."))
        return 0;
    return S_is_abbrev_pairs(text, v, i, a);
}

/* The index of the lowest set bit of w (nonzero). */
static inline size_t S_ctz64(uint64_t w)
{
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(w);
#else
    size_t k = 0;
    while (!(w & 1)) {
        w >>= 1;
        k++;
    }
    return k;
#endif
}

static inline void S_push(rg_sentences *out, const rg_token *v, size_t b,
                          size_t e, uint32_t para)
{
    RG_GROW(out->v, out->cap, out->n + 1);
    rg_sentence *s = &out->v[out->n++];
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->start = v[b].start;
    s->end = v[e - 1].end;
    s->paragraph = para;
}

/* rg_i_split_sentences with the filter `abbr` of the table abbrevs
 * (made, when not ready, at the first dot that needs it). */
static void S_split(rg_sentences *out, const char *text,
                    const rg_tokens *toks, const rg_strtab *abbrevs,
                    S_abbr *abbr)
{
    const rg_token *v = toks->v;
    const uint64_t *marks = toks->marks;
    size_t n = toks->n;
    size_t b = 0;          /* first token of the open sentence */
    uint32_t para = 0;
    int kept_dot = 0;      /* the token before i is a dot rule 4 kept */
    out->n = 0;

    size_t i = 0;
    while (i < n) {
        /* Most tokens: a word, number, comma or quote inside a line,
         * which neither ends a sentence nor starts one (rules 1 to 3 need
         * a line break or end punctuation).  The tokenizer marked those
         * that may be more (a line break before them, or PUNCT that is .
         * ! ? or U+2026, what S_end_kind takes; not the dashes and quotes
         * between, which a step over unmarked tokens passes): the
         * next mark from i on, 64 tokens a step, but not past the
         * sentence length limit. */
        uint64_t mw = marks[i / 64] >> (i % 64);
        size_t lim;
        if (!(mw & 1) &&
            i < (lim = n - b > RG_MAX_SENTENCE_TOKENS
                           ? b + RG_MAX_SENTENCE_TOKENS
                           : n)) {
            kept_dot = 0; /* the token before the next is no dot */
            size_t k = i;
            while (!mw) {
                k = (k | 63) + 1;
                if (k >= lim)
                    break;
                mw = marks[k / 64];
            }
            if (mw)
                k += S_ctz64(mw);
            i = k < lim ? k : lim;
            if (i >= n)
                break;
        }
        /* Rules 1 and 2: boundaries before token i. */
        if (i - b >= RG_MAX_SENTENCE_TOKENS) {
            S_push(out, v, b, i, para);
            b = i;
        }
        if (i > 0 && (v[i].flags & RG_TF_PARAGRAPH_BEFORE)) {
            if (i > b)
                S_push(out, v, b, i, para);
            para++;
            b = i;
        } else if (i > b && (v[i].flags & RG_TF_NEWLINE_BEFORE) &&
                   !S_is_lower_word(text, &v[i])) {
            const rg_token *p = &v[i - 1];
            int glued = kept_dot || S_is(text, p, ",") ||
                        (p->kind == RG_TOK_PUNCT &&
                         strcmp(rg_i_token_fold(toks, i - 1), "-") == 0) ||
                        S_is_opener(text, p);
            if (!glued) {
                S_push(out, v, b, i, para);
                b = i;
            }
        }
        kept_dot = 0;

        int kind = S_end_kind(text, &v[i]);
        if (!kind) {
            i++;
            continue;
        }

        /* Rule 4: a single dot may belong to the word before it. */
        int ellipsis = kind == 1 && i + 1 < n &&
                       v[i + 1].start == v[i].end && S_is(text, &v[i + 1], ".");
        if (kind == 1 && !ellipsis && i > 0 && v[i - 1].end == v[i].start) {
            const rg_token *w = &v[i - 1];
            int keep = 0;
            if (w->kind == RG_TOK_WORD) {
                keep = S_one_cp(text, w) ||
                       (abbrevs && S_is_abbrev(text, v, i, abbr));
            } else if (w->kind == RG_TOK_NUMBER) {
                keep = i + 1 < n && S_is_month(text, &v[i + 1]) &&
                       !(v[i + 1].flags & RG_TF_NEWLINE_BEFORE);
            }
            if (keep) {
                kept_dot = 1;
                i++;
                continue;
            }
        }

        /* Rule 3: take glued end punctuation and closers along. */
        size_t j = i + 1;
        while (j < n && !(v[j].flags & RG_TF_SPACE_BEFORE) &&
               (S_end_kind(text, &v[j]) || S_is_closer(text, &v[j])))
            j++;

        /* Rule 5: what follows may show that the sentence goes on. */
        if (j < n && !(v[j].flags & RG_TF_PARAGRAPH_BEFORE) &&
            (S_is_lower_word(text, &v[j]) || S_is(text, &v[j], ",") ||
             S_is(text, &v[j], ";"))) {
            i = j;
            continue;
        }
        S_push(out, v, b, j, para);
        b = j;
        i = j;
    }
    if (b < n)
        S_push(out, v, b, n, para);
}

void rg_i_split_sentences(rg_sentences *out, const char *text,
                          const rg_tokens *toks, const rg_strtab *abbrevs)
{
    S_abbr abbr; /* made at the first dot */
    abbr.tab = abbrevs;
    abbr.ready = 0;
    abbr.limit = 0;
    S_split(out, text, toks, abbrevs, &abbr);
}

void rg_i_split_sentences_with(rg_sentences *out, const char *text,
                               const rg_tokens *toks, rg_abbr_filter *f)
{
    S_split(out, text, toks, f ? f->tab : NULL, f);
}
