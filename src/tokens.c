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

#include "text.h"
#include "util.h"

/* The word path looks at 16 bytes in one step where SSE2 is there (every
 * x86-64); elsewhere the 8-byte steps of S_fast_word do it alone. */
#if defined(__SSE2__) && defined(__GNUC__) && RG_LITTLE_ENDIAN
#include <emmintrin.h>
#define S_SSE2 1
#else
#define S_SSE2 0
#endif

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
    free(t->marks);
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

/* What S_scan_word has seen of a word's letters so far. */
typedef struct S_case {
    size_t upper, lower;     /* Lu/Lt letters; Ll letters but ß */
    int first_letter;        /* no letter yet */
    int last_letter;         /* the last character was a letter */
} S_case;

/* End of the WORD [start, ...) whose characters before i were seen into
 * *c; sets RG_TF_UPPER at the first letter.  The general path: any code
 * point, decoded and classified with utf8proc. */
static size_t S_scan_word_from(const char *text, size_t len, size_t start,
                               size_t i, S_case *cs, uint8_t *flags)
{
    size_t upper = cs->upper, lower = cs->lower;
    int first_letter = cs->first_letter, last_letter = cs->last_letter;
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
    cs->upper = upper;
    cs->lower = lower;
    cs->first_letter = first_letter;
    cs->last_letter = last_letter;
    return i;
}

/* End of the WORD that starts at i (text[i] starts a letter or a digit run
 * glued to letters); sets the case flags. */
static size_t S_scan_word(const char *text, size_t len, size_t i,
                          uint8_t *flags)
{
    S_case c = {0, 0, 1, 0};
    size_t end = S_scan_word_from(text, len, i, i, &c, flags);
    if (c.upper >= 2 && c.lower == 0)
        *flags |= RG_TF_ALLCAPS;
    return end;
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

/* Makes out->marks cover tokens [0, ntok), the words added zeroed. */
static inline void S_marks_room(rg_tokens *out, size_t ntok)
{
    size_t nw = ntok / 64 + 1;
    if (nw > out->marks_n) {
        RG_GROW(out->marks, out->marks_cap, nw);
        memset(out->marks + out->marks_n, 0,
               (nw - out->marks_n) * sizeof(out->marks[0]));
        out->marks_n = nw;
    }
}

/* Sets token k's mark. */
static inline void S_mark(uint64_t *marks, size_t k)
{
    marks[k / 64] |= (uint64_t)1 << (k % 64);
}

/* Whether PUNCT text[start, end) may end a sentence (its mark): '.', '!',
 * '?', or U+2026 (E2 80 A6). */
static int S_may_end(const char *text, size_t start, size_t end)
{
    const unsigned char *c = (const unsigned char *)text + start;
    return end - start == 1 ? c[0] == '.' || c[0] == '!' || c[0] == '?'
                            : end - start == 3 && c[0] == 0xE2 &&
                                  c[1] == 0x80 && c[2] == 0xA6;
}

/* Appends token [start, end) of text whose fold (NUL-terminated) starts at
 * out->fold + f and is m bytes long, with its mark; out->v and out->hash
 * have room. */
static inline void S_push(rg_tokens *out, const char *text, size_t start,
                          size_t end, uint8_t kind, uint8_t flags, size_t f,
                          size_t m)
{
    S_marks_room(out, out->n + 1);
    if ((flags & RG_TF_NEWLINE_BEFORE) ||
        (kind == RG_TOK_PUNCT && S_may_end(text, start, end)))
        S_mark(out->marks, out->n);

    rg_token *t = &out->v[out->n];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->fold = (uint32_t)f;
    t->fold_len = (uint32_t)m;
    t->kind = kind;
    t->flags = flags;
    /* The fold buffer usually has room after the fold (S_ROOM): then the
     * tail of the hash is one load, not a byte loop. */
    out->hash[out->n] = f + m + 8 <= out->fold_cap
                            ? rg_i_hash_padded(out->fold + f, m)
                            : rg_i_hash(out->fold + f, m);
    out->n++;
}

/* The state between tokens: layout flags for the next token and the line
 * breaks since the last one. */
typedef struct S_gap {
    uint8_t pending;
    unsigned breaks;
} S_gap;

/* The general path: the whitespace character or the token at text[i],
 * decoded and classified with utf8proc; returns where the next one starts.
 * rg_i_tokenize's fast paths give the same for what they take. */
static size_t S_general(rg_tokens *out, S_fold *sc, const char *text,
                        size_t len, size_t i, S_gap *g)
{
    utf8proc_int32_t cp;
    size_t n = S_decode(text, len, i, &cp);
    int sp = S_space_kind(cp);
    if (sp) {
        g->pending |= RG_TF_SPACE_BEFORE;
        if (sp == 3)
            g->breaks += 2;
        else if (sp == 2 &&
                 !(cp == '\r' && i + 1 < len && text[i + 1] == '\n'))
            g->breaks++; /* CR LF is one line break */
        if (g->breaks >= 1)
            g->pending |= RG_TF_NEWLINE_BEFORE;
        if (g->breaks >= 2)
            g->pending |= RG_TF_PARAGRAPH_BEFORE;
        return i + n;
    }

    uint8_t flags = g->pending;
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
    RG_GROW(out->hash, out->hash_cap, out->n + 1);
    size_t f = out->fold_len;
    size_t m;
    if (hyphen) {
        RG_GROW(out->fold, out->fold_cap, out->fold_len + 2);
        out->fold[out->fold_len] = '-';
        out->fold[out->fold_len + 1] = '\0';
        out->fold_len += 2;
        m = 1;

        /* Glued on both sides to words or numbers: a compound. */
        rg_token *p = out->n ? &out->v[out->n - 1] : NULL;
        utf8proc_int32_t next = S_peek(text, len, end);
        if (p && p->end == i &&
            (p->kind == RG_TOK_WORD || p->kind == RG_TOK_NUMBER) &&
            (S_is_letter(next) || S_is_digit(next))) {
            p->flags |= RG_TF_HYPHEN_AFTER;
            g->pending = RG_TF_HYPHEN_BEFORE;
        } else {
            g->pending = 0;
        }
    } else {
        m = S_fold_token(out, sc, text, i, end, kind);
        g->pending = 0;
    }
    S_push(out, text, i, end, kind, flags, f, m);
    g->breaks = 0;
    return end;
}

/* Byte classes of the fast paths.  Letters and digits are single bits (a
 * word goes on while cls & S_ALNUM); the others are multiples of 8. */
enum {
    S_PU = 0,  /* other ASCII: punctuation, symbols, controls */
    S_UP = 1,  /* A-Z */
    S_LO = 2,  /* a-z */
    S_DG = 4,  /* 0-9 */
    S_SP = 8,  /* space, tab */
    S_BR = 16, /* LF VT FF */
    S_CR = 24, /* CR */
    S_HY = 32, /* '-' */
    S_HI = 64  /* 0x80..0xFF: not ASCII */
};
#define S_ALNUM (S_UP | S_LO | S_DG)

static const uint8_t S_cls[256] = {
    S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_PU, S_SP, S_BR, S_BR, S_BR, S_CR, S_PU, S_PU,
    S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_SP, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_PU, S_PU, S_PU, S_PU, S_PU, S_HY, S_PU, S_PU,
    S_DG, S_DG, S_DG, S_DG, S_DG, S_DG, S_DG, S_DG,
    S_DG, S_DG, S_PU, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_PU, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP,
    S_UP, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP,
    S_UP, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP, S_UP,
    S_UP, S_UP, S_UP, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_PU, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO,
    S_LO, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO,
    S_LO, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO, S_LO,
    S_LO, S_LO, S_LO, S_PU, S_PU, S_PU, S_PU, S_PU,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
    S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI, S_HI,
};

/* rg_i_hash of each one-byte string below 0x80: the hash of a one-byte
 * PUNCT token (a fifth of the tokens) by a load.  Made with rg_i_hash;
 * test_tokens checks every entry against it. */
static const uint64_t S_hash1[128] = {
    0x2a3995f4092f89f2ULL, 0x28a6358eba229a17ULL, 0x9287a746a59753f6ULL,
    0xf3bfe5a53eb83cf2ULL, 0x9dc933bc323271a1ULL, 0xb82bbfc12800777dULL,
    0xfbc5b7557cb124d2ULL, 0xe00e695efa7751e2ULL, 0x52bef97df6cb0820ULL,
    0xa5718e222f10de4fULL, 0xb96b4f4df00abd19ULL, 0xb85814b4a4234560ULL,
    0x82648e77684e740eULL, 0x8a85f1ff9154de6cULL, 0x14f8d99f68fb1f4dULL,
    0xa3c26de6699b76d4ULL, 0xea114d02bee78f3dULL, 0x8ca441db379e7161ULL,
    0x49ca64b037b03191ULL, 0xd5d9b130f19f45b4ULL, 0x81b9e473e47157e2ULL,
    0xa464e85ce756099fULL, 0x2d7198ecd736b0d2ULL, 0x4e069834f00bb21bULL,
    0x26c65045a78602d0ULL, 0x346e342068ab2c1aULL, 0x69768355b66d79b9ULL,
    0x54841f0b2350b7d3ULL, 0xae8b25adb480d857ULL, 0x565785f1a9b27f6fULL,
    0x68d81588251b805aULL, 0xaddb5c09ff65a25fULL, 0x11afbaf74d7472cbULL,
    0xe0df96ab31e07c3dULL, 0x9b711e33727b03b4ULL, 0xe3d8352b61c024ddULL,
    0x23a895969892579cULL, 0xb02ab194f2fafa1fULL, 0xdf44a5eb99610db5ULL,
    0x2cfe614e435ea012ULL, 0x707f0610a2d9043eULL, 0xf2b4226cf8f514f0ULL,
    0x05ef40c9112f34a3ULL, 0x2cc3e36ccef30d84ULL, 0x66463fc35ab617dcULL,
    0x463c548d0cc4e17dULL, 0x5ba793a496d116c8ULL, 0x82d219e5ee76774dULL,
    0xefe618aab3286a11ULL, 0x7882c1e67b3f9117ULL, 0x9068fc79b3b37c9dULL,
    0x6f6f2368b8d59b60ULL, 0x4df52e1e3f57451cULL, 0x1f73f4e778b282faULL,
    0x7b598537dd8e19d7ULL, 0x0d61a88342862128ULL, 0xe322fa1311ccf4c3ULL,
    0x38a46e013c24ca32ULL, 0x89e67f57c76ec190ULL, 0x1e5f46b893ce1072ULL,
    0x6fbbcd13dea15e60ULL, 0xe5181ba6d9db276cULL, 0xd0f3bbb0e0cf80eeULL,
    0x803b1036ce095588ULL, 0xca6ea2e22d9f52a9ULL, 0x0c3b89024b558e81ULL,
    0x3f6bc4902ea0a10dULL, 0x9f1000bf8a76900fULL, 0xc89424d4123ef645ULL,
    0xfff5067affdb2010ULL, 0xa48da6b3b7cd5971ULL, 0x1ebc66123a1e6a14ULL,
    0xcac968caf136afabULL, 0x03aa765b303e9f23ULL, 0x607c92a963f7d8bbULL,
    0x8d7c43322fd5e393ULL, 0xc38a2f599c7ad549ULL, 0x973f3054ccb42fc9ULL,
    0x415dddd2da14a2bbULL, 0x622945ffa8c013e8ULL, 0xa5a12f4d1ebd040aULL,
    0xa7b03e313129e504ULL, 0xc35a1dc3dd8932f8ULL, 0x3fdf3ba0e41f9aacULL,
    0x6f57286c62bd391dULL, 0x82930ee681cede12ULL, 0xc8cce997086599bfULL,
    0x0fa6bfed6eae5987ULL, 0xd775c255c64bffa8ULL, 0x391f501992280a56ULL,
    0xecd38603bad15262ULL, 0x14165dae05f8f011ULL, 0x5ca3072862d6dac5ULL,
    0x6c70ce5338c2496eULL, 0x2542958ec2fab109ULL, 0xdb551981d617c76bULL,
    0x47274bd235a5a429ULL, 0xc5a2a7c97e02887cULL, 0x47a0079a6da3e690ULL,
    0xd56e6d54014eae12ULL, 0x15885dbefc38f458ULL, 0x7f974a3a34ae90b8ULL,
    0x4e06238a36945ff5ULL, 0x144cfb3840e7c419ULL, 0xc5fe68743a8282dcULL,
    0x60434f4c093e50d0ULL, 0x001e9c7e939c3e88ULL, 0xb9db2b6805b49ff6ULL,
    0x118d8b3dfb5e4af3ULL, 0x2737e98c7dcd76cdULL, 0xc72e6d349a3e0e70ULL,
    0xb59c5b2f6ff31a78ULL, 0x392dc09e65dbebbbULL, 0xf29c1a55f103c69eULL,
    0x7ed5074d54098cd7ULL, 0x8962ca44cb356886ULL, 0x85014ddc18f7a88dULL,
    0xb637ee15848473f3ULL, 0xcc80e37a21a899e1ULL, 0x7d1e2338cd8cdf05ULL,
    0x26ca403895d63a06ULL, 0xc63eb92463d31cd0ULL, 0x18cf1f54b53f4ea1ULL,
    0xa85e3e204830b9ceULL, 0x6243db2296a4c128ULL, 0x8c0fd3ca8806730aULL,
    0xab95b80b151010e3ULL, 0x71f0eb6390109252ULL,
};

/* Whether C3 t (U+00C0..U+00FF) is a letter: all but × and ÷. */
static inline int S_c3_letter(unsigned char t)
{
    return t >= 0x80 && t <= 0xBF && t != 0x97 && t != 0xB7;
}

/* Fold bytes the fast word path may write: a word is at most
 * RG_MAX_TOKEN_BYTES long and its Latin-1 fold is no longer; + the NUL and
 * the 8 bytes rg_i_hash_padded may read. */
#define S_ROOM (RG_MAX_TOKEN_BYTES + 16)

/* Counts the uppercase and lowercase letters of s[i, j), a word of ASCII
 * letters and digits and letters of U+00C0..U+00FF as S_scan_word_from
 * counts them (ß neither). */
static void S_count_case(const unsigned char *s, size_t i, size_t j,
                         S_case *cs)
{
    size_t up = 0, low = 0;
    while (i < j) {
        if (s[i] < 0x80) {
            up += (S_cls[s[i]] & S_UP) != 0;
            low += (S_cls[s[i]] & S_LO) != 0;
            i++;
        } else {
            up += s[i + 1] < 0x9F;
            low += s[i + 1] > 0x9F;
            i += 2;
        }
    }
    cs->upper = up;
    cs->lower = low;
}

/*
 * The WORD at s[i], which starts with an ASCII letter or a letter of
 * U+00C0..U+00FF: while it holds only those and ASCII digits, its end and
 * fold (rg_i_fold_latin1's: A-Z and À..Þ lowered, ß -> ss) are made in one
 * pass, the fold written to d (as long as the word, + 8 bytes of room).
 * Returns the end, with *general = 0; or, when the word goes on over
 * anything else, the end the general S_scan_word_from finds from there,
 * with *general = 1 (the caller folds it with S_fold_token).  Sets the
 * case flags.
 */
static inline size_t S_fast_word(const unsigned char *s, size_t len,
                                 size_t i, char *d, int *general,
                                 uint8_t *flags)
{
    size_t lim = len - i > RG_MAX_TOKEN_BYTES ? i + RG_MAX_TOKEN_BYTES : len;
    size_t j = i;
    unsigned char b;
    for (;;) {
#if RG_LITTLE_ENDIAN && defined(__GNUC__)
        /* Eight bytes at a time: lanes of ASCII letters and digits go on,
         * and the first other byte (the lowest lane with bit 7 in `stop`)
         * ends the word or is left to the byte steps below.  A lane >= 0x80
         * can carry into the lanes above it in these sums, but it is a stop
         * itself: only the lanes below the first stop count. */
        while (j + 8 <= lim) {
            const uint64_t ones = 0x0101010101010101ULL, highs = ones << 7;
            uint64_t w;
            memcpy(&w, s + j, 8);
            uint64_t lw = w | ones * 0x20;
            uint64_t letter = (lw + ones * (0x80 - 'a')) &
                              ~(lw + ones * (0x80 - 'z' - 1)) & highs;
            uint64_t digit = (w + ones * (0x80 - '0')) &
                             ~(w + ones * (0x80 - '9' - 1));
            uint64_t stop = (~(letter | digit) | w) & highs;
            /* Lowered: a letter gets bit 5.  The lanes from the stop on
             * are overwritten, or cut off by the NUL. */
            uint64_t folded = w | letter >> 2;
            memcpy(d + (j - i), &folded, 8);
            if (!stop) {
                j += 8;
                continue;
            }
            j += (size_t)__builtin_ctzll(stop) / 8;
            b = s[j];
            if (b < 0x80 && b != '\'')
                goto done; /* the common end: ASCII that cannot go on */
            goto other;
        }
#endif
        if (j == lim)
            goto done;
        b = s[j];
        if (S_cls[b] & S_ALNUM) {
            d[j - i] = (char)(b | (S_cls[b] & S_UP) << 5);
            j++;
            continue;
        }
        if (b < 0x80 && b != '\'')
            goto done;
#if RG_LITTLE_ENDIAN && defined(__GNUC__)
    other:
#endif
        if (b == 0xC3 && j + 2 <= lim && S_c3_letter(s[j + 1])) {
            unsigned char t = s[j + 1];
            if (t == 0x9F) { /* ß */
                d[j - i] = 's';
                d[j - i + 1] = 's';
            } else {
                d[j - i] = (char)0xC3;
                d[j - i + 1] = (char)(t < 0x9F ? t + 0x20 : t);
            }
            j += 2;
            continue;
        }
        /* Something only the general path knows: it goes on from here. */
        S_case cs;
        S_count_case(s, i, j, &cs);
        cs.first_letter = 0;
        cs.last_letter =
            s[j - 1] >= 0x80 || (S_cls[s[j - 1]] & (S_UP | S_LO)) != 0;
        if (s[i] < 0x80 ? (S_cls[s[i]] & S_UP) : s[i + 1] < 0x9F)
            *flags |= RG_TF_UPPER;
        size_t end = S_scan_word_from((const char *)s, len, i, j, &cs, flags);
        if (cs.upper >= 2 && cs.lower == 0)
            *flags |= RG_TF_ALLCAPS;
        *general = end != j;
        return end;
    }
done:
    *general = 0;
    /* UPPER: the first letter.  ALLCAPS needs no lowercase letter at all:
     * a lowercase first or second letter (nearly every word) decides it;
     * the others are counted. */
    {
        unsigned c0 = s[i] < 0x80 ? S_cls[s[i]]
                      : s[i + 1] < 0x9F ? S_UP
                      : s[i + 1] > 0x9F ? S_LO : 0;
        if (c0 & S_UP)
            *flags |= RG_TF_UPPER;
        if (c0 & S_LO)
            return j;
        size_t k = i + (s[i] < 0x80 ? 1 : 2);
        if (k < j && (S_cls[s[k]] & S_LO))
            return j;
        S_case cs;
        S_count_case(s, i, j, &cs);
        if (cs.upper >= 2 && cs.lower == 0)
            *flags |= RG_TF_ALLCAPS;
    }
    return j;
}

#if S_SSE2
/* 16 lanes of 0xFF then 16 of 0: loaded from S_lanes + 16 - e, the lanes
 * below e. */
static const unsigned char S_lanes[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

/* Whether the character at s[k] (a byte >= 0x80 after a word of
 * S_word16) ends the word: one of U+2000..U+203F (dashes, quotes, spaces,
 * E2 80 and a byte of 80..BF), none of which goes on a word, but ZWNJ,
 * ZWJ and the apostrophe U+2019, which may join what follows.  k + 2 <
 * wlim + 15 keeps the bytes looked at in the text. */
static inline int S_e2_ends(const unsigned char *s, size_t k, size_t wlim)
{
    if (s[k] != 0xE2 || k + 2 >= wlim + 15 || s[k + 1] != 0x80)
        return 0;
    unsigned char t = s[k + 2];
    return t >= 0x80 && t <= 0xBF && t != 0x8C && t != 0x8D && t != 0x99;
}

/*
 * S_word16 for a word whose first 16 bytes are ASCII letters and digits
 * (v, and `letter` of them): the same when it ends within the next 16 at
 * ASCII that cannot go on or at what S_e2_ends takes, after ASCII letters
 * and digits only (compounds: Bundesregierung); the fold is written with
 * zeros up to d + 32.  One word in fifty.  (Inline: a call from the word
 * loop would cost it the vector constants, which no register keeps
 * across a call.)
 */
static inline int
S_word32(const unsigned char *s, size_t i, size_t wlim, unsigned c,
         __m128i v, __m128i letter, char *d, uint8_t *flags,
         unsigned char *after, size_t *len)
{
    if (i + 16 >= wlim)
        return 0; /* s[i + 16, i + 32) readable */
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
    __m128i lw2 = _mm_or_si128(v2, _mm_set1_epi8(0x20));
    __m128i letter2 =
        _mm_cmplt_epi8(_mm_add_epi8(lw2, _mm_set1_epi8((char)(0x80 - 'a'))),
                       _mm_set1_epi8((char)(0x80 + 26)));
    __m128i digit2 =
        _mm_cmplt_epi8(_mm_add_epi8(v2, _mm_set1_epi8((char)(0x80 - '0'))),
                       _mm_set1_epi8((char)(0x80 + 10)));
    unsigned alnum2 =
        (unsigned)_mm_movemask_epi8(_mm_or_si128(letter2, digit2));
    unsigned e2 = (unsigned)__builtin_ctz(~alnum2);
    if (e2 == 16)
        return 0;
    size_t k = i + 16 + e2;
    unsigned char b = s[k];
    if ((b >= 0x80 && !S_e2_ends(s, k, wlim)) || b == '\'')
        return 0;
    *after = b;
    __m128i low = _mm_set1_epi8(0x20);
    __m128i keep =
        _mm_loadu_si128((const __m128i *)(const void *)(S_lanes + 16 - e2));
    _mm_storeu_si128((__m128i *)(void *)d,
                     _mm_or_si128(v, _mm_and_si128(letter, low)));
    _mm_storeu_si128(
        (__m128i *)(void *)(d + 16),
        _mm_and_si128(_mm_or_si128(v2, _mm_and_si128(letter2, low)), keep));
    unsigned e = 16 + e2;
    *flags |= (uint8_t)((c & S_UP) << 3);
    if ((c & S_UP) && !(S_cls[s[i + 1]] & S_LO)) {
        __m128i lw = _mm_or_si128(v, low);
        uint32_t had =
            (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lw, v)) |
            (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(lw2, v2)) << 16;
        uint32_t lm = ((uint32_t)_mm_movemask_epi8(letter) |
                       (uint32_t)_mm_movemask_epi8(letter2) << 16) &
                      (((uint32_t)1 << e) - 1);
        uint32_t up = lm & ~had, lo = lm & had;
        if (!lo && (up & (up - 1)))
            *flags |= RG_TF_ALLCAPS;
    }
    *len = e;
    return 1;
}

/*
 * The common WORD: ASCII letters and digits and the letters of
 * U+00C0..U+00FF from a letter at s[i] (of class c: S_UP or S_LO),
 * ended within 16 bytes by ASCII that cannot go on (not an apostrophe) or
 * by a character that S_e2_ends takes, with s[i, i + 16) readable and i <
 * wlim (rg_i_tokenize's).  Classifies the 16 bytes in one step and writes
 * the fold (A-Z and À..Þ lowered, ß -> ss) with its NUL and zeros up to
 * d + 16 (so that the hash reads whole words without masking), sets the
 * case flags, *after to the byte after the word and *len to its
 * length, and returns 1; or returns 0 when it is not such a word
 * (S_fast_word takes it then; nothing written).
 */
static inline int S_word16(const unsigned char *s, size_t i, size_t wlim,
                           unsigned c, char *d, uint8_t *flags,
                           unsigned char *after, size_t *len)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i lw = _mm_or_si128(v, _mm_set1_epi8(0x20));
    /* Biased so that a range starts at -128: a signed compare tests it
     * (bytes >= 0x80 never land in it). */
    __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(lw, _mm_set1_epi8((char)(0x80 - 'a'))),
                       _mm_set1_epi8((char)(0x80 + 26)));
    __m128i digit =
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
                       _mm_set1_epi8((char)(0x80 + 10)));
    unsigned alnum =
        (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
    unsigned e = (unsigned)__builtin_ctz(~alnum);
    if (e == 16)
        return S_word32(s, i, wlim, c, v, letter, d, flags, after, len);
    unsigned char b = s[i + e];
    if (b >= 0x80) {
        if (b == 0xC3) {
            /* The letters of U+00C0..U+00FF but × and ÷: C3 and a
             * second byte of 80..BF but 97 and B7 (97|20 = B7).  Only
             * for the words that stop at such a byte (one in seven). */
            __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
            __m128i no = _mm_cmpeq_epi8(lw, _mm_set1_epi8((char)0xB7));
            unsigned second =
                (unsigned)_mm_movemask_epi8(_mm_andnot_si128(no, cont));
            __m128i lv = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC3));
            unsigned pair = (unsigned)_mm_movemask_epi8(lv) & (second >> 1);
            alnum |= pair | pair << 1;
            e = (unsigned)__builtin_ctz(~alnum);
            if (e == 16)
                return 0;
            b = s[i + e];
            /* Capitals (second byte 80..9E) are lowered by bit 5 too;
             * within the word (the rest is cut off) no other lane is
             * 80..9E. */
            letter = _mm_or_si128(
                letter, _mm_cmplt_epi8(v, _mm_set1_epi8((char)0x9F)));
            /* ß (C3 9F) folds to "ss", as long: its two lanes are made
             * 's' in v (a lowercase ASCII letter for what follows, but
             * not in `letter`: neither capital nor lowercase, as
             * S_scan_word_from counts it). */
            __m128i ss = _mm_and_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9F)),
                _mm_slli_si128(lv, 1));
            if (_mm_movemask_epi8(ss)) {
                ss = _mm_or_si128(ss, _mm_srli_si128(ss, 1));
                v = _mm_or_si128(_mm_andnot_si128(ss, v),
                                 _mm_and_si128(ss, _mm_set1_epi8('s')));
            }
        }
        if (b >= 0x80 && !S_e2_ends(s, i + e, wlim))
            return 0;
    }
    if (b == '\'')
        return 0;
    *after = b;
    __m128i keep =
        _mm_loadu_si128((const __m128i *)(const void *)(S_lanes + 16 - e));
    _mm_storeu_si128(
        (__m128i *)(void *)d,
        _mm_and_si128(_mm_or_si128(v, _mm_and_si128(letter,
                                                     _mm_set1_epi8(0x20))),
                      keep));
    /* UPPER: the first letter (the first byte, of class c).  ALLCAPS: two
     * capitals and no lowercase letter; a lowercase first or second byte
     * (nearly every word) decides it at once. */
    *flags |= (uint8_t)((c & S_UP) << 3);
    if ((c & S_UP) && !(S_cls[s[i + 1]] & S_LO)) {
        /* Bit 5 set: lowercase, also for the second bytes of U+00C0..
         * U+00FF (A0..BF against 80..9E), which are the lanes of 80..BF
         * in the word (its other bytes >= 0x80 are C3). */
        unsigned had = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(lw, v));
        unsigned k = (1u << e) - 1;
        unsigned tails = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
        unsigned lm = ((unsigned)_mm_movemask_epi8(letter) | tails) & k;
        unsigned up = lm & ~had, lo = lm & had;
        if (!lo && (up & (up - 1)))
            *flags |= RG_TF_ALLCAPS;
    }
    *len = e;
    return 1;
}

/* rg_i_hash_padded(d, m) for m < 32 when d[m, 16) (for m < 16) or
 * d[m, 32) are zeros: what S_word16 writes. */
static inline uint64_t S_hash16(const char *d, size_t m)
{
    uint64_t h = (uint64_t)m * RG_HASH_MUL;
    uint64_t w;
    memcpy(&w, d, 8);
    if (m >= 8) {
        h = rg_i_hash_word(h, w);
        memcpy(&w, d + 8, 8);
        if (m >= 16) {
            h = rg_i_hash_word(h, w);
            memcpy(&w, d + 16, 8);
            if (m >= 24) {
                h = rg_i_hash_word(h, w);
                memcpy(&w, d + 24, 8);
            }
        }
    }
    return rg_i_hash_last(h, w);
}

/* The arrays a block writes into, with room for every token and fold
 * byte the fast paths can add in it. */
typedef struct S_dst {
    rg_token *v;
    uint64_t *hv;
    char *fold;
    uint64_t *marks;
} S_dst;

/* The class (S_UP or S_LO) of the letter of U+00C0..U+00FF whose second
 * byte is t, for a word that S_word16 may start with it (not × and ÷,
 * nor ß, rare at the start, neither capital nor lowercase); 0 for any
 * other t. */
static inline unsigned S_c3_start(unsigned char t)
{
    return !S_c3_letter(t) || t == 0x9F ? 0 : t < 0x9F ? S_UP : S_LO;
}

/* The class of the letter a word of S_words would start with at s[k]
 * (S_UP or S_LO), or 0: ASCII, or C3 and a second byte. */
static inline unsigned S_start(const unsigned char *s, size_t k)
{
    unsigned c = S_cls[s[k]] & (S_UP | S_LO);
    if (!c && s[k] == 0xC3)
        c = S_c3_start(s[k + 1]);
    return c;
}

/* Appends the PUNCT token of the ASCII byte b at s[i] (its own cluster)
 * with layout flags f: at *t, its hash at *hp and its fold at d. */
static inline void S_put1(rg_token *t, uint64_t *hp, char *d, uint32_t fo,
                          size_t i, unsigned char b, uint8_t f)
{
    t->start = (uint32_t)i;
    t->end = (uint32_t)(i + 1);
    t->fold = fo;
    t->fold_len = 1;
    t->kind = RG_TOK_PUNCT;
    t->flags = f;
    d[0] = (char)b;
    d[1] = '\0';
    *hp = S_hash1[b];
}

/* Whether PUNCT b (ASCII) may end a sentence: its mark. */
static inline int S_ends(unsigned char b)
{
    return b == '.' || b == '!' || b == '?';
}

/*
 * The commonest run of tokens, in one loop: from the word at s[i] (class
 * c, layout flags *wf), words of S_word16, each followed by
 *   - a single space and the next word, or a single space and one ASCII
 *     punctuation character ('(', '"' ...) before ASCII, glued to the
 *     next word;
 *   - one ASCII punctuation character ('.', ',', ')' ...) before ASCII: a
 *     PUNCT token, then, after a single space or one or two LF, the next
 *     word;
 *   - a hyphen glued to the next word: the compound's "-" token.
 * A word starts with an ASCII letter or a letter of U+00C0..U+00FF but ß.
 * Takes what rg_i_tokenize's paths below would make, token for token, while
 * the tokens start below wlim (16 readable bytes, in the block).  Returns
 * where it stopped, with tokens n and folds fl from *n and *fl on and
 * *wf the flags of the next token; *refused = 1 when it stopped at a word
 * that S_word16 does not take (the caller makes it), else 0.
 */
static size_t S_words(const unsigned char *s, size_t i, size_t wlim,
                      unsigned c, const S_dst *o, size_t *pn, size_t *pfl,
                      uint8_t *pwf, int *refused)
{
    /* Pointers that walk along, not indices: fewer registers. */
    rg_token *t = o->v + *pn;
    uint64_t *hp = o->hv + *pn;
    char *const fold = o->fold;
    char *d = fold + *pfl;
    uint8_t wf = *pwf;
    int ref = 0;
    for (;;) {
        unsigned char after;
        size_t e;
        if (!S_word16(s, i, wlim, c, d, &wf, &after, &e)) {
            ref = 1;
            break;
        }
        /* The hash between the stores of the offsets: four 32-bit
         * stores in a row are packed in a vector register first (GCC's
         * SLP vectorizer), which costs more than they do. */
        t->start = (uint32_t)i;
        t->end = (uint32_t)(i + e);
        t->kind = RG_TOK_WORD;
        t->flags = wf;
        *hp++ = S_hash16(d, e);
        t->fold = (uint32_t)(d - fold);
        t->fold_len = (uint32_t)e;
        t++;
        d += e + 1;
        i += e;
        wf = 0;
        if (after == ' ') {
            if (i + 1 >= wlim)
                break;
            unsigned char nb = s[i + 1];
            c = S_cls[nb];
            if (c & (S_UP | S_LO)) {
                i++;
                wf = RG_TF_SPACE_BEFORE;
                continue;
            }
            if (nb == 0xC3 && (c = S_c3_start(s[i + 2])) != 0) {
                i++;
                wf = RG_TF_SPACE_BEFORE;
                continue;
            }
            break;
        }
        unsigned ca = S_cls[after];
        if (ca == S_PU) {
            /* A cluster of its own: ASCII follows. */
            if (i + 2 >= wlim || s[i + 1] >= 0x80)
                break;
            S_put1(t, hp++, d, (uint32_t)(d - fold), i, after, 0);
            if (S_ends(after))
                S_mark(o->marks, (size_t)(t - o->v));
            t++;
            d += 2;
            i++;
            if (s[i] == ' ') {
                if (!(c = S_start(s, i + 1)))
                    break;
                i++;
                wf = RG_TF_SPACE_BEFORE;
                continue;
            }
            /* One or two line breaks (LF) before the next word: the end
             * of a line or paragraph. */
            if (s[i] != '\n')
                break;
            size_t k = i + 1 + (s[i + 1] == '\n');
            if (k >= wlim || !(c = S_start(s, k)))
                break;
            wf = k == i + 1 ? RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE
                            : RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE |
                                  RG_TF_PARAGRAPH_BEFORE;
            S_mark(o->marks, (size_t)(t - o->v));
            i = k;
            continue;
        }
        if (ca == S_HY) {
            /* Glued to a word on both sides: a compound. */
            if (i + 1 >= wlim)
                break;
            unsigned cn = S_start(s, i + 1);
            if (!cn)
                break;
            t[-1].flags |= RG_TF_HYPHEN_AFTER;
            S_put1(t, hp++, d, (uint32_t)(d - fold), i, '-', 0);
            t++;
            d += 2;
            i++;
            c = cn;
            wf = RG_TF_HYPHEN_BEFORE;
            continue;
        }
        break;
    }
    *pn = (size_t)(t - o->v);
    *pfl = (size_t)(d - fold);
    *pwf = wf;
    *refused = ref;
    return i;
}
#endif

/* Whether a grapheme cluster breaks between the ASCII character before
 * s[k] and the code point at s[k] (not ASCII): the first step of
 * S_scan_cluster, with utf8proc's rules for a first character that is
 * neither Prepend nor anything else that joins what follows: only an
 * Extend, ZWJ or SpacingMark joins it. */
static int S_breaks_after_ascii(const unsigned char *s, size_t len, size_t k)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate(s + k, (utf8proc_ssize_t)(len - k), &cp) <= 0)
        return 0; /* not UTF-8: the general path */
    int bc = utf8proc_get_property(cp)->boundclass;
    return bc != UTF8PROC_BOUNDCLASS_EXTEND && bc != UTF8PROC_BOUNDCLASS_ZWJ &&
           bc != UTF8PROC_BOUNDCLASS_SPACINGMARK;
}

/* Whether s[i] (0xE2) starts a code point of U+2000..U+20BF that is
 * punctuation or a symbol (not a space, a hyphen-like or an invisible
 * format character) and is followed by ASCII: a PUNCT token of its own
 * whose fold is itself.  Clusters: after a character that is not Prepend
 * every ASCII character starts a new one (an ASCII character is never
 * Extend, SpacingMark or ZWJ). */
static int S_general_punct(const unsigned char *s, size_t len, size_t i,
                           const uint8_t *e2)
{
    if (i + 3 >= len || s[i + 1] < 0x80 || s[i + 1] > 0x82 ||
        (s[i + 2] & 0xC0) != 0x80 || s[i + 3] >= 0x80)
        return 0;
    /* The category and boundclass from utf8proc, by the table of text.c
     * (hyphens are left to S_general). */
    return (e2[(size_t)(s[i + 1] - 0x80) << 6 | (s[i + 2] & 0x3F)] &
            RG_I_E2_PUNCT) != 0;
}

/* The length of the PUNCT token at s[i] (not ASCII) when it is one code
 * point of punctuation or a symbol (an emoji, ©, ⚠), not Prepend and not a
 * hyphen-like, perhaps with the emoji presentation selector U+FE0F after
 * it, followed by ASCII (so a cluster of its own, as in S_general_punct),
 * and folded to itself (no case fold, no canonical decomposition:
 * utf8proc_decompose_char with the options of S_fold_token gives each
 * code point back); else 0. */
static size_t S_symbol(const unsigned char *s, size_t len, size_t i)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 2)
        return 0;
    size_t k = i + (size_t)n;
    if (k + 3 < len && s[k] == 0xEF && s[k + 1] == 0xB8 && s[k + 2] == 0x8F)
        k += 3; /* U+FE0F */
    if (k >= len || s[k] >= 0x80 || cp == 0x2010 || cp == 0x2011)
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->category < UTF8PROC_CATEGORY_PC ||
        p->category > UTF8PROC_CATEGORY_SO ||
        p->boundclass == UTF8PROC_BOUNDCLASS_PREPEND)
        return 0;
    utf8proc_int32_t f[4];
    if (utf8proc_decompose_char(cp, f, 4, S_FOLD_OPTIONS, NULL) != 1 ||
        f[0] != cp)
        return 0;
    if (k != i + (size_t)n &&
        (utf8proc_decompose_char(0xFE0F, f, 4, S_FOLD_OPTIONS, NULL) != 1 ||
         f[0] != 0xFE0F))
        return 0;
    return k - i;
}

/* The text is tokenized in blocks of this many bytes, with room made
 * beforehand for every token and fold byte the fast paths can add in a
 * block: no capacity check per token. */
#define S_BLOCK 4096

void rg_i_tokenize(rg_tokens *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    const uint8_t *e2 = rg_i_e2_classes();
    S_fold sc;
    sc.big = NULL;
    sc.bigcap = 0;

    /* Start of text counts as space, line break and blank line. */
    S_gap g = {RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE |
                   RG_TF_PARAGRAPH_BEFORE,
               0};
    /* The token count and fold length live in locals, written back to out
     * around the calls that use them (a store into the fold, through a
     * char pointer, would make the compiler reload out's fields). */
    size_t n = 0, fl = 0;
    size_t i = 0;
    out->marks_n = 0;
    while (i < len) {
        /* Room for the tokens that start in [i, bend): at most one per
         * byte, and folds at most twice their bytes with the NUL (a token
         * may end past bend: a word by up to RG_MAX_TOKEN_BYTES; a longer
         * NUMBER goes to the general path), + the 8 bytes the hash and
         * the word scan may touch past a fold. */
        size_t bend = len - i > S_BLOCK ? i + S_BLOCK : len;
        RG_GROW(out->v, out->cap, n + (bend - i) + 1);
        RG_GROW(out->hash, out->hash_cap, n + (bend - i) + 1);
        RG_GROW(out->fold, out->fold_cap,
                fl + 2 * (bend - i) + 2 * RG_MAX_TOKEN_BYTES + 16);
        S_marks_room(out, n + (bend - i) + 1);
        rg_token *v = out->v;
        uint64_t *hv = out->hash;
        char *fold = out->fold;
        uint64_t *marks = out->marks;
#if S_SSE2
        const S_dst dst = {v, hv, fold, marks};
        /* Where S_word16 may start: 16 bytes readable, in this block. */
        size_t wlim = len < 16 ? 0 : len - 15 < bend ? len - 15 : bend;
#endif
        while (i < bend) {
            unsigned char b = s[i];
            unsigned c = S_cls[b];
            if (c == S_SP) {
                g.pending |= RG_TF_SPACE_BEFORE;
                i++;
#if RG_LITTLE_ENDIAN && defined(__GNUC__)
                /* Runs of spaces (what boilerplate.c blanks out, half of
                 * a page's bytes) 32 at a time (8 without SSE2). */
                if (i < len && s[i] == ' ') {
#if S_SSE2
                    while (i + 32 <= len) {
                        const __m128i sp = _mm_set1_epi8(' ');
                        __m128i a = _mm_cmpeq_epi8(
                            _mm_loadu_si128((const __m128i *)(const void *)(s + i)),
                            sp);
                        __m128i z = _mm_cmpeq_epi8(
                            _mm_loadu_si128(
                                (const __m128i *)(const void *)(s + i + 16)),
                            sp);
                        unsigned m = (unsigned)_mm_movemask_epi8(a) |
                                     (unsigned)_mm_movemask_epi8(z) << 16;
                        if (m != 0xFFFFFFFFu) {
                            i += (size_t)__builtin_ctz(~m);
                            break;
                        }
                        i += 32;
                    }
#endif
                    while (i + 8 <= len) {
                        uint64_t w;
                        memcpy(&w, s + i, 8);
                        w ^= 0x2020202020202020ULL;
                        if (w) {
                            i += (size_t)__builtin_ctzll(w) / 8;
                            break;
                        }
                        i += 8;
                    }
                }
#endif
                if (i >= bend)
                    break;
                b = s[i];
                c = S_cls[b];
                if (c == S_SP)
                    continue;
            }
            if (c & S_BR) { /* S_BR or S_CR */
                g.pending |= RG_TF_SPACE_BEFORE;
                if (!(c == S_CR && i + 1 < len && s[i + 1] == '\n'))
                    g.breaks++; /* CR LF is one line break */
                if (g.breaks >= 1)
                    g.pending |= RG_TF_NEWLINE_BEFORE;
                if (g.breaks >= 2)
                    g.pending |= RG_TF_PARAGRAPH_BEFORE;
                i++;
                continue;
            }

            char *d = fold + fl;
            uint8_t flags = g.pending;
            uint8_t kind;
            size_t end, m;
            int glued = 0;
            int mark = 0; /* PUNCT that may end a sentence */
            uint64_t h;

#if S_SSE2
            unsigned wc = c & (S_UP | S_LO);
            if (b == 0xC3 && i < wlim)
                wc = S_c3_start(s[i + 1]);
            if (wc && i < wlim) {
                /* Runs of words, punctuation and hyphens (S_words): most of
                 * a text.  Only the first word can follow a line break.
                 * (Should S_word16 not take it, the path below makes the
                 * same token n.) */
                if (g.pending & RG_TF_NEWLINE_BEFORE)
                    S_mark(marks, n);
                size_t n0 = n;
                int refused;
                i = S_words(s, i, wlim, wc, &dst, &n, &fl, &g.pending,
                            &refused);
                if (n != n0)
                    g.breaks = 0;
                if (!refused)
                    continue;
                b = s[i];
                c = S_cls[b];
                d = fold + fl;
                flags = g.pending;
            }
#endif
            if ((c & (S_UP | S_LO)) ||
                (b == 0xC3 && i + 1 < len && S_c3_letter(s[i + 1]))) {
                int general;
                kind = RG_TOK_WORD;
                end = S_fast_word(s, len, i, d, &general, &flags);
                if (general) {
                    out->n = n;
                    out->fold_len = fl;
                    m = S_fold_token(out, &sc, text, i, end, RG_TOK_WORD);
                    S_push(out, text, i, end, RG_TOK_WORD, flags, fl, m);
                    n = out->n;
                    fl = out->fold_len;
                    g.pending = 0;
                    g.breaks = 0;
                    i = end;
                    break; /* the fold may have grown: room again */
                }
                m = end - i; /* the fast fold is as long as the word */
                d[m] = '\0';
                h = rg_i_hash_padded(d, m);
            } else if (c == S_PU &&
                       (i + 1 == len || s[i + 1] < 0x80 ||
                        S_breaks_after_ascii(s, len, i + 1))) {
                /* One ASCII character a cluster of its own. */
                kind = RG_TOK_PUNCT;
                end = i + 1;
                d[0] = (char)b;
                d[1] = '\0';
                m = 1;
                h = S_hash1[b];
                mark = b == '.' || b == '!' || b == '?';
            } else if (b == 0xE2 && S_general_punct(s, len, i, e2)) {
                /* A dash, quote or other punctuation of U+2000..U+20BF
                 * before ASCII: a cluster of its own, folded to itself
                 * (rg_i_fold_latin1). */
                kind = RG_TOK_PUNCT;
                end = i + 3;
                memcpy(d, s + i, 3);
                d[3] = '\0';
                m = 3;
                h = rg_i_hash_padded(d, 3);
                mark = s[i + 1] == 0x80 && s[i + 2] == 0xA6; /* U+2026 */
            } else if (c == S_HY ||
                       (b == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
                        (s[i + 2] == 0x90 || s[i + 2] == 0x91))) {
                /* '-', U+2010 or U+2011: folded to "-". */
                kind = RG_TOK_PUNCT;
                end = i + (b == '-' ? 1 : 3);
                d[0] = '-';
                d[1] = '\0';
                m = 1;
                h = S_hash1['-'];
                /* Glued on both sides to words or numbers: a compound. */
                if (n && v[n - 1].end == i &&
                    (v[n - 1].kind == RG_TOK_WORD ||
                     v[n - 1].kind == RG_TOK_NUMBER) &&
                    end < len) {
                    if (s[end] < 0x80) {
                        glued = (S_cls[s[end]] & S_ALNUM) != 0;
                    } else {
                        utf8proc_int32_t next = S_peek(text, len, end);
                        glued = S_is_letter(next) || S_is_digit(next);
                    }
                }
                if (glued)
                    v[n - 1].flags |= RG_TF_HYPHEN_AFTER;
            } else if (b == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
                /* NBSP (Zs): whitespace, no line break (S_general). */
                g.pending |= RG_TF_SPACE_BEFORE;
                i += 2;
                continue;
            } else if (b >= 0xC2 && (m = S_symbol(s, len, i)) != 0) {
                /* A symbol or an emoji before ASCII: a cluster of its own,
                 * folded to itself. */
                kind = RG_TOK_PUNCT;
                end = i + m;
                memcpy(d, s + i, m);
                d[m] = '\0';
                h = rg_i_hash_padded(d, m);
                mark = S_may_end(text, i, end);
            } else {
                size_t j = i;
                if (c == S_DG) {
                    /* ASCII digits with inner . , : between ASCII digits,
                     * ended by ASCII that cannot go on: a NUMBER.  Else (a
                     * digit run glued to a letter, a digit of another
                     * script) the general path. */
                    int inner = 0;
                    j = i + 1;
                    for (;;) {
                        while (j < len && S_cls[s[j]] == S_DG)
                            j++;
                        if (j + 1 < len &&
                            (s[j] == '.' || s[j] == ',' || s[j] == ':') &&
                            S_cls[s[j + 1]] == S_DG) {
                            inner = 1;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (!(j == len ||
                          (s[j] < 0x80 &&
                           !(!inner && (S_cls[s[j]] & (S_UP | S_LO))) &&
                           !((s[j] == '.' || s[j] == ',' || s[j] == ':') &&
                             j + 1 < len && s[j + 1] >= 0x80))))
                        j = i; /* not for the fast path */
                }
                if (j == i || j - i > RG_MAX_TOKEN_BYTES) {
                    /* The general path (also a long number: its room). */
                    out->n = n;
                    out->fold_len = fl;
                    S_gap tmp = g; /* g itself stays in registers */
                    i = S_general(out, &sc, text, len, i, &tmp);
                    g = tmp;
                    n = out->n;
                    fl = out->fold_len;
                    break; /* the fold may have grown: room again */
                }
                kind = RG_TOK_NUMBER;
                end = j;
                m = j - i;
                memcpy(d, s + i, m);
                d[m] = '\0';
                h = rg_i_hash_padded(d, m);
            }

            rg_token *t = &v[n];
            t->start = (uint32_t)i;
            t->end = (uint32_t)end;
            t->kind = kind;
            t->flags = flags;
            hv[n] = h;
            if (mark || (flags & RG_TF_NEWLINE_BEFORE))
                S_mark(marks, n);
            t->fold = (uint32_t)fl; /* after a branch: see S_words */
            t->fold_len = (uint32_t)m;
            n++;
            fl += m + 1;
            g.pending = glued ? RG_TF_HYPHEN_BEFORE : 0;
            g.breaks = 0;
            i = end;
        }
    }
    out->n = n;
    out->fold_len = fl;
    free(sc.big);
}

void rg_i_tokenize_general(rg_tokens *out, const char *text, size_t len)
{
    S_fold sc;
    sc.big = NULL;
    sc.bigcap = 0;
    out->n = 0;
    out->fold_len = 0;
    out->marks_n = 0;
    S_gap g = {RG_TF_SPACE_BEFORE | RG_TF_NEWLINE_BEFORE |
                   RG_TF_PARAGRAPH_BEFORE,
               0};
    size_t i = 0;
    while (i < len)
        i = S_general(out, &sc, text, len, i, &g);
    free(sc.big);
}
