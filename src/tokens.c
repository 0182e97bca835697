/*
 * tokens.c — stage 3a: NFC text -> tokens (words, numbers, punctuation)
 * with byte offsets, layout flags and a case-folded form for matching.
 * Hands on an rg_tokens to the sentence splitter and the mention matcher.
 *
 * Rules:
 *   - Whitespace is Unicode Z* plus TAB LF VT FF CR, NEL (U+0085), and the
 *     invisible separators ZWSP (U+200B) and ZWNBSP/BOM (U+FEFF).  Line
 *     breaks are LF, CR (CR LF counts once), VT, FF, NEL and U+2028; a run
 *     with two or more of them is a blank line; U+2029 (paragraph
 *     separator) counts as a blank line by itself.
 *   - WORD starts with a letter (L*) and goes on over letters, marks (M*),
 *     digits (N*), an apostrophe (' or U+2019) between letters (O'Neill,
 *     geht's), and a soft hyphen, ZWNJ or ZWJ followed by a letter or mark
 *     (web text hides soft hyphens inside words; the folded form drops
 *     them).  "G7" is a WORD.
 *   - NUMBER is decimal digits (Nd) with inner '.', ',' or ':' each
 *     directly between digits: 12.000, 21.10.2024, 3,5, 18:17.  A plain
 *     digit run glued to a following letter is one WORD instead ("5G",
 *     "90er", "2024er"), because such forms behave like words; a number
 *     with inner punctuation stays a NUMBER ("12.000km" -> 12.000, km).
 *   - Anything else is PUNCT: one grapheme cluster, so that an emoji with
 *     modifiers, a ZWJ sequence or a flag is one token.
 *   - Hyphen-likes (U+002D, U+2010, U+2011) fold to "-".  One glued
 *     between two WORD/NUMBER tokens marks them HYPHEN_AFTER and
 *     HYPHEN_BEFORE; a dash with space on a side does not.
 *   - UPPER: the first letter of a WORD is Lu or Lt.  ALLCAPS: at least two
 *     letters are Lu/Lt and none is Ll except ß (GROß, STRAßE).
 */
#include "tokens.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

#define S_FOLD_OPTIONS (UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE)

/* Scratch for folding non-ASCII tokens: a stack buffer that serves every
 * ordinary token, and a heap buffer grown only for very long ones. */
typedef struct S_fold {
    utf8proc_int32_t small[256];
    utf8proc_int32_t *big;
    size_t bigcap;
} S_fold;

void rg_i_tokens_init(rg_tokens *t)
{
    memset(t, 0, sizeof(*t));
}

void rg_i_tokens_destroy(rg_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    free(t->fold);
    free(t->hash);
    memset(t, 0, sizeof(*t));
}

/* Decodes the code point at text[i] (i < len) into *cp and returns its
 * length.  The input is valid UTF-8 by contract; a bad byte anyway becomes
 * U+FFFD of length 1 so that the tokenizer always moves on. */
static size_t S_decode(const char *text, size_t len, size_t i,
                       utf8proc_int32_t *cp)
{
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                          (utf8proc_ssize_t)(len - i), cp);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)n;
}

static int S_is_letter(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int S_is_digit(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Letters, marks and digits: what a WORD goes on over. */
static int S_is_wordchar(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return S_is_letter(cp) || S_is_digit(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* 0 = not whitespace, 1 = whitespace, 2 = a line break, 3 = U+2029. */
static int S_space_kind(utf8proc_int32_t cp)
{
    switch (cp) {
    case ' ':
    case '\t':
        return 1;
    case '\n':
    case '\r':
    case '\v':
    case '\f':
    case 0x85:
    case 0x2028:
        return 2;
    case 0x2029:
        return 3;
    case 0x200B:
    case 0xFEFF:
        return 1;
    default:
        break;
    }
    if (cp < 0x80)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

static int S_is_mark(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

/* The code point at text[i], or -1 at the end. */
static utf8proc_int32_t S_peek(const char *text, size_t len, size_t i)
{
    utf8proc_int32_t cp = -1;
    if (i < len)
        S_decode(text, len, i, &cp);
    return cp;
}

static int S_is_hyphen(utf8proc_int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* End of the WORD that starts at i (text[i] starts a letter or a digit run
 * glued to letters); sets the case flags. */
static size_t S_scan_word(const char *text, size_t len, size_t i,
                          uint8_t *flags)
{
    size_t upper = 0, lower = 0, start = i;
    int first_letter = 1, last_letter = 0;
    while (i < len) {
        /* ASCII letters and digits without decoding or utf8proc: what the
         * general path below does for them, for most bytes of a word. */
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80 && i + 1 - start <= RG_MAX_TOKEN_BYTES) {
            if ((unsigned char)((b | 0x20) - 'a') <= 'z' - 'a') {
                if (b < 'a') {
                    upper++;
                    if (first_letter)
                        *flags |= RG_TF_UPPER;
                } else {
                    lower++;
                }
                first_letter = 0;
                last_letter = 1;
                i++;
                continue;
            }
            if ((unsigned char)(b - '0') <= 9) {
                last_letter = 0;
                i++;
                continue;
            }
            if (b != '\'')
                break;   /* the other joiners below are not ASCII */
        }
        /* The same for the letters of U+00C0..U+00FF (ä ö ü ß …): all but
         * × and ÷; ß is lowercase without an uppercase of its own, so it
         * counts as neither (GROß is all capitals). */
        if (b == 0xC3 && i + 1 < len && i + 2 - start <= RG_MAX_TOKEN_BYTES) {
            unsigned char t = (unsigned char)text[i + 1];
            if (t >= 0x80 && t <= 0xBF && t != 0x97 && t != 0xB7) {
                if (t < 0x9F) {
                    upper++;
                    if (first_letter)
                        *flags |= RG_TF_UPPER;
                } else if (t > 0x9F) {
                    lower++;
                }
                first_letter = 0;
                last_letter = 1;
                i += 2;
                continue;
            }
        }
        utf8proc_int32_t cp;
        size_t n = S_decode(text, len, i, &cp);
        if (i + n - start > RG_MAX_TOKEN_BYTES && i > start)
            break;
        if (S_is_wordchar(cp)) {
            last_letter = 0;
            if (S_is_letter(cp)) {
                utf8proc_category_t c = cp < 0x80
                    ? (cp < 'a' ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL)
                    : utf8proc_category(cp);
                int up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
                if (up)
                    upper++;
                else if (c == UTF8PROC_CATEGORY_LL && cp != 0xDF)
                    lower++;
                if (first_letter && up)
                    *flags |= RG_TF_UPPER;
                first_letter = 0;
                last_letter = 1;
            }
            i += n;
            continue;
        }
        utf8proc_int32_t next = S_peek(text, len, i + n);
        if ((cp == '\'' || cp == 0x2019) && last_letter && S_is_letter(next)) {
            i += n;
            continue;
        }
        if ((cp == 0xAD || cp == 0x200C || cp == 0x200D) &&
            (S_is_letter(next) || S_is_mark(next))) {
            i += n;
            continue;
        }
        break;
    }
    if (upper >= 2 && lower == 0)
        *flags |= RG_TF_ALLCAPS;
    return i;
}

/* End of the NUMBER starting at the digit text[i]; *inner says whether it
 * holds a '.', ',' or ':'. */
static size_t S_scan_number(const char *text, size_t len, size_t i, int *inner)
{
    *inner = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        size_t n = S_decode(text, len, i, &cp);
        if (S_is_digit(cp)) {
            i += n;
            continue;
        }
        if ((cp == '.' || cp == ',' || cp == ':') &&
            S_is_digit(S_peek(text, len, i + 1))) {
            *inner = 1;
            i += 1;
            continue;
        }
        break;
    }
    return i;
}

/* End of the grapheme cluster starting at i. */
static size_t S_scan_cluster(const char *text, size_t len, size_t i)
{
    utf8proc_int32_t prev, state = 0;
    size_t start = i;
    i += S_decode(text, len, i, &prev);
    while (i < len) {
        utf8proc_int32_t cp;
        size_t n = S_decode(text, len, i, &cp);
        if (i + n - start > RG_MAX_TOKEN_BYTES)
            break;
        /* Two ASCII characters always break, CR LF aside (whitespace,
         * never seen here). */
        if (prev < 0x80 && cp < 0x80)
            break;
        if (utf8proc_grapheme_break_stateful(prev, cp, &state))
            break;
        prev = cp;
        i += n;
    }
    return i;
}

/* The fold of an ASCII/Latin-1 token (rg_i_fold_latin1) appended to
 * out->fold; returns its length, or SIZE_MAX (nothing appended). */
static size_t S_fold_latin1(rg_tokens *out, const unsigned char *s, size_t n)
{
    RG_GROW(out->fold, out->fold_cap, out->fold_len + 2 * n + 1);
    char *d = out->fold + out->fold_len;
    size_t m = rg_i_fold_latin1(d, (const char *)s, n);
    if (m == SIZE_MAX)
        return m;
    d[m] = '\0';
    out->fold_len += m + 1;
    return m;
}

/* Appends the folded form of text[start, end) to out->fold; returns its
 * length. */
static size_t S_fold_token(rg_tokens *out, S_fold *sc, const char *text,
                           size_t start, size_t end, int kind)
{
    const unsigned char *s = (const unsigned char *)text + start;
    size_t n = end - start;
    /* ASCII (most tokens): lowered while copied; at the first other byte
     * the copy is dropped (fold_len unchanged) for the general paths. */
    RG_GROW(out->fold, out->fold_cap, out->fold_len + n + 1);
    char *d = out->fold + out->fold_len;
    size_t k = 0;
    for (; k < n && s[k] < 0x80; k++)
        d[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
    if (k == n) {
        d[n] = '\0';
        out->fold_len += n + 1;
        return n;
    }
    size_t fl = S_fold_latin1(out, s, n);
    if (fl != SIZE_MAX)
        return fl;

    /* Soft hyphens and joiners inside words must not make "Bundes-
     * kanzler" with a hidden U+00AD fold apart from "Bundeskanzler". */
    utf8proc_option_t opt = S_FOLD_OPTIONS;
    if (kind == RG_TOK_WORD)
        opt |= UTF8PROC_IGNORE;
    size_t total = 0;
    size_t p = 0;
    while (p < n) {
        /* Fold in pieces that end before a starter (combining class 0):
         * utf8proc orders marks in quadratic time, and marks are never
         * reordered across a starter, so pieces keep a "Zalgo" token
         * linear without changing the result for real text (which is NFC
         * already, so nothing composes across a starter either). */
        size_t q = p, cps = 0;
        while (q < n) {
            utf8proc_int32_t cp;
            size_t l = S_decode((const char *)s, n, q, &cp);
            if (cps >= 64 &&
                (utf8proc_get_property(cp)->combining_class == 0 ||
                 cps >= 256))
                break;
            q += l;
            cps++;
        }
        utf8proc_int32_t *buf = sc->small;
        size_t cap = sizeof(sc->small) / sizeof(sc->small[0]);
        utf8proc_ssize_t m;
        for (;;) {
            /* cap - 1: utf8proc_reencode NUL-terminates in the buffer. */
            m = utf8proc_decompose_custom(s + p, (utf8proc_ssize_t)(q - p),
                                          buf, (utf8proc_ssize_t)cap - 1,
                                          opt, NULL, NULL);
            if (m < 0 || (size_t)m + 1 <= cap)
                break;
            RG_GROW(sc->big, sc->bigcap, (size_t)m + 1);
            buf = sc->big;
            cap = sc->bigcap;
        }
        if (m >= 0)
            m = utf8proc_reencode(buf, m, opt);
        const void *src = buf;
        if (m < 0) {
            /* Not reached for valid UTF-8; keep the bytes as they are. */
            src = s + p;
            m = (utf8proc_ssize_t)(q - p);
        }
        RG_GROW(out->fold, out->fold_cap,
                out->fold_len + total + (size_t)m + 1);
        memcpy(out->fold + out->fold_len + total, src, (size_t)m);
        total += (size_t)m;
        p = q;
    }
    out->fold[out->fold_len + total] = '\0';
    out->fold_len += total + 1;
    return total;
}

void rg_i_tokenize(rg_tokens *out, const char *text, size_t len)
{
    S_fold sc;
    sc.big = NULL;
    sc.bigcap = 0;
    out->n = 0;
    out->fold_len = 0;

    /* Start of text counts as space, line break and blank line. */
    uint8_t pending = RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE |
                      RG_TF_PARAGRAPH_BEFORE;
    unsigned breaks = 0;
    size_t i = 0;
    while (i < len) {
        if (text[i] == ' ') {
            /* The most common byte: the line-break flags a space would set
             * again are set already. */
            pending |= RG_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        size_t n = S_decode(text, len, i, &cp);
        int sp = S_space_kind(cp);
        if (sp) {
            pending |= RG_TF_SPACE_BEFORE;
            if (sp == 3)
                breaks += 2;
            else if (sp == 2 &&
                     !(cp == '\r' && i + 1 < len && text[i + 1] == '\n'))
                breaks++; /* CR LF is one line break */
            if (breaks >= 1)
                pending |= RG_TF_NEWLINE_BEFORE;
            if (breaks >= 2)
                pending |= RG_TF_PARAGRAPH_BEFORE;
            i += n;
            continue;
        }

        uint8_t flags = pending;
        uint8_t kind;
        size_t end;
        int hyphen = 0;
        if (S_is_letter(cp)) {
            kind = RG_TOK_WORD;
            end = S_scan_word(text, len, i, &flags);
        } else if (S_is_digit(cp)) {
            int inner;
            kind = RG_TOK_NUMBER;
            end = S_scan_number(text, len, i, &inner);
            if (!inner && S_is_letter(S_peek(text, len, end))) {
                kind = RG_TOK_WORD;
                end = S_scan_word(text, len, i, &flags);
            }
        } else {
            kind = RG_TOK_PUNCT;
            if (S_is_hyphen(cp)) {
                hyphen = 1;
                end = i + n;
            } else {
                end = S_scan_cluster(text, len, i);
            }
        }

        RG_GROW(out->v, out->cap, out->n + 1);
        rg_token *t = &out->v[out->n];
        t->start = (uint32_t)i;
        t->end = (uint32_t)end;
        t->kind = kind;
        t->fold = (uint32_t)out->fold_len;
        if (hyphen) {
            RG_GROW(out->fold, out->fold_cap, out->fold_len + 2);
            out->fold[out->fold_len] = '-';
            out->fold[out->fold_len + 1] = '\0';
            out->fold_len += 2;
            t->fold_len = 1;

            /* Glued on both sides to words or numbers: a compound. */
            rg_token *p = out->n ? &out->v[out->n - 1] : NULL;
            utf8proc_int32_t next = S_peek(text, len, end);
            if (p && p->end == i &&
                (p->kind == RG_TOK_WORD || p->kind == RG_TOK_NUMBER) &&
                (S_is_letter(next) || S_is_digit(next))) {
                p->flags |= RG_TF_HYPHEN_AFTER;
                pending = RG_TF_HYPHEN_BEFORE;
            } else {
                pending = 0;
            }
        } else {
            t->fold_len = (uint32_t)S_fold_token(out, &sc, text, i, end, kind);
            pending = 0;
        }
        RG_GROW(out->hash, out->hash_cap, out->n + 1);
        out->hash[out->n] = rg_i_hash(out->fold + t->fold, t->fold_len);
        t->flags = flags;
        out->n++;
        breaks = 0;
        i = end;
    }
    free(sc.big);
}
