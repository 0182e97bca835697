/*
 * text.c — stage 2: the bytes of a document become valid NFC UTF-8.
 *
 * Invalid UTF-8 is repaired (U+FFFD per maximal invalid subpart, as the
 * Unicode standard recommends), a leading BOM is dropped, and the text is
 * put into NFC one grapheme cluster at a time.  Working per cluster is what
 * keeps offsets exact: a cluster whose bytes do not change is copied with a
 * byte-for-byte map; a cluster that changes maps every output byte to the
 * cluster's original start.  Either way, for every cluster boundary b of
 * the normalised text, map[b] is the exact original offset of the same
 * boundary, so the spans of mentions and sentences (which never split a
 * cluster) convert exactly.  Hands on an rg_text to the tokenizer.
 *
 * NFC of the whole text equals the concatenation of NFC per cluster because
 * canonical reordering and composition only act on combining marks and
 * Hangul jamo, which never start a grapheme cluster after a base.
 *
 * A cluster longer than S_MAX_CLUSTER code points (no real text has one;
 * "Zalgo" text and fuzzers do) is cut into pieces: utf8proc orders
 * combining marks in quadratic time, and a bounded piece keeps the stage
 * linear.  Such pieces are each NFC; their concatenation may not be.
 */
#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

/* Runs of ASCII are found 32 bytes a step where SSE2 is there (every
 * x86-64), else 8. */
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1
#else
#define S_SSE2 0
#endif

/* NFC, with no change to code points that have no canonical mapping. */
#define S_NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)

#define S_MAX_CLUSTER 128

/* The output being built.  While every byte so far was copied unchanged
 * from the same offset (`map == NULL`) neither a map nor the bytes are
 * kept: `buf` is NULL and the output is in[0, len).  Both are made at the
 * first difference, so clean text costs no map memory, and no copy at
 * all when the caller lets the text be its bytes (rg_i_text_init_in_place);
 * else it is copied once at the end. */
typedef struct S_out {
    const char *in;            /* the input */
    size_t inlen;
    char *buf;
    size_t len, cap;
    uint32_t *map;
    size_t mapcap;
} S_out;

/* The grapheme cluster being collected in the slow path. */
typedef struct S_cluster {
    utf8proc_int32_t *cp;      /* its code points (after repair) */
    size_t n, cap;
    size_t ostart, oend;       /* original bytes [ostart, oend) */
    int repaired;              /* holds a U+FFFD put in for bad bytes */
    utf8proc_int32_t *work;    /* decompose / reencode scratch */
    size_t workcap;            /* in code points */
    char *utf8;                /* the cluster re-encoded, for decompose */
    size_t utf8cap;
} S_cluster;

/* The first difference: everything so far was an identity copy from
 * offset 0, which is now copied and mapped. */
static void S_start_map(S_out *o, size_t need)
{
    RG_GROW(o->buf, o->cap, (need > o->inlen ? need : o->inlen) + 1);
    if (o->len)
        memcpy(o->buf, o->in, o->len);
    RG_GROW(o->map, o->mapcap, o->len + 1);
    for (size_t k = 0; k < o->len; k++)
        o->map[k] = (uint32_t)k;
}

/* Appends in[from, to) unchanged; byte k maps to its own offset. */
static void S_put_same(S_out *o, const char *in, size_t from, size_t to)
{
    size_t n = to - from;
    if (!o->map) {
        if (o->len == from) {   /* still the input itself */
            o->len += n;
            return;
        }
        S_start_map(o, o->len + n);
    }
    RG_GROW(o->buf, o->cap, o->len + n + 1);
    memcpy(o->buf + o->len, in + from, n);
    RG_GROW(o->map, o->mapcap, o->len + n + 1);
    for (size_t k = 0; k < n; k++)
        o->map[o->len + k] = (uint32_t)(from + k);
    o->len += n;
}

/* Appends n changed bytes that all stand for the cluster at `orig`. */
static void S_put_changed(S_out *o, const void *bytes, size_t n, size_t orig)
{
    if (!o->map)
        S_start_map(o, o->len + n);
    RG_GROW(o->buf, o->cap, o->len + n + 1);
    RG_GROW(o->map, o->mapcap, o->len + n + 1);
    memcpy(o->buf + o->len, bytes, n);
    for (size_t k = 0; k < n; k++)
        o->map[o->len + k] = (uint32_t)orig;
    o->len += n;
}

static void S_cluster_flush(S_cluster *c, S_out *o, const char *in);

/* Whether cp is unchanged by NFC and never the second of a canonical
 * composition pair: everything below U+0300 (all Latin-1), the general
 * punctuation of news text (dashes, „quotes“, …; but U+2000 and U+2001,
 * which NFC maps to U+2002 and U+2003) and the currency signs. */
static int S_nfc_stable(utf8proc_int32_t cp)
{
    return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F) ||
           (cp >= 0x20A0 && cp <= 0x20CF);
}

static uint8_t S_e2[256];
static pthread_once_t S_e2_once = PTHREAD_ONCE_INIT;

static void S_e2_build(void)
{
    for (unsigned k = 0; k < 256; k++) {
        utf8proc_int32_t cp = 0x2000 + (utf8proc_int32_t)k;
        const utf8proc_property_t *p = utf8proc_get_property(cp);
        uint8_t c = 0;
        if (p->boundclass == UTF8PROC_BOUNDCLASS_OTHER && S_nfc_stable(cp))
            c |= RG_I_E2_RUN;
        if (p->category >= UTF8PROC_CATEGORY_PC &&
            p->category <= UTF8PROC_CATEGORY_SO &&
            p->boundclass != UTF8PROC_BOUNDCLASS_PREPEND && cp != 0x2010 &&
            cp != 0x2011)
            c |= RG_I_E2_PUNCT;
        S_e2[k] = c;
    }
}

const uint8_t *rg_i_e2_classes(void)
{
    pthread_once(&S_e2_once, S_e2_build);
    return S_e2;
}

static void S_cluster_add(S_cluster *c, S_out *o, const char *in,
                          utf8proc_int32_t cp, size_t ostart, size_t oend)
{
    if (c->n == S_MAX_CLUSTER)
        S_cluster_flush(c, o, in);
    if (c->n == 0)
        c->ostart = ostart;
    RG_GROW(c->cp, c->cap, c->n + 1);
    c->cp[c->n++] = cp;
    c->oend = oend;
}

/* Normalises the collected cluster and appends it. */
static void S_cluster_flush(S_cluster *c, S_out *o, const char *in)
{
    if (c->n == 0)
        return;
    /* Code points below U+0300 are all NFC and no two of them compose (the
     * second of every canonical pair is U+0300 or above): a cluster of
     * them — every Latin-1 letter of German text — is copied as it is. */
    if (!c->repaired) {
        size_t k = 0;
        while (k < c->n && S_nfc_stable(c->cp[k]))
            k++;
        if (k == c->n) {
            S_put_same(o, in, c->ostart, c->oend);
            c->n = 0;
            return;
        }
    }
    /* Re-encode the (repaired) code points so that utf8proc can decompose
     * and canonically order them in one call. */
    RG_GROW(c->utf8, c->utf8cap, c->n * 4);
    size_t n8 = 0;
    for (size_t k = 0; k < c->n; k++)
        n8 += (size_t)utf8proc_encode_char(
            c->cp[k], (utf8proc_uint8_t *)c->utf8 + n8);

    /* +1: utf8proc_reencode writes a NUL after the UTF-8 it puts into the
     * same buffer.  A second round only when the first was too small. */
    RG_GROW(c->work, c->workcap, c->n + 8);
    utf8proc_ssize_t m;
    for (;;) {
        m = utf8proc_decompose_custom((const utf8proc_uint8_t *)c->utf8,
                                      (utf8proc_ssize_t)n8, c->work,
                                      (utf8proc_ssize_t)c->workcap - 1,
                                      S_NFC_OPTIONS, NULL, NULL);
        if (m < 0 || (size_t)m + 1 <= c->workcap)
            break;
        RG_GROW(c->work, c->workcap, (size_t)m + 1);
    }
    if (m >= 0)
        m = utf8proc_reencode(c->work, m, S_NFC_OPTIONS);

    size_t olen = c->oend - c->ostart;
    if (m < 0) {
        /* Cannot happen for valid code points; keep the bytes we have. */
        if (c->repaired)
            S_put_changed(o, c->utf8, n8, c->ostart);
        else
            S_put_same(o, in, c->ostart, c->oend);
    } else if (!c->repaired && (size_t)m == olen &&
               memcmp(c->work, in + c->ostart, olen) == 0) {
        S_put_same(o, in, c->ostart, c->oend);
    } else {
        S_put_changed(o, c->work, (size_t)m, c->ostart);
    }
    c->n = 0;
    c->repaired = 0;
}

/* Length of the maximal subpart of an ill-formed sequence at s[0..n)
 * (Unicode 15, table 3-7 and "U+FFFD substitution of maximal subparts"):
 * the longest prefix that could start a well-formed sequence, at least 1. */
static size_t S_invalid_len(const unsigned char *s, size_t n)
{
    unsigned char b = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        need = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        need = 3;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else
        return 1;
    size_t k = 1;
    if (k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        while (k < need && k < n && s[k] >= 0x80 && s[k] <= 0xBF)
            k++;
    }
    return k;
}

/*
 * Whether bytes that are not UTF-8 are better read as Windows-1252 (a
 * superset of Latin-1, what German pages that are not UTF-8 use): there is
 * at least one byte >= 0x80, and not one of them starts a valid UTF-8
 * sequence.  A single valid multi-byte sequence means UTF-8 with damage,
 * which is repaired instead.
 */
static int S_is_legacy(const unsigned char *in, size_t len)
{
    int high = 0;
    for (size_t i = 0; i < len;) {
        if (in[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        if (utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp) > 0)
            return 0;
        /* A sequence cut off by the end of the file is damaged UTF-8. */
        if (S_invalid_len(in + i, len - i) == len - i && in[i] >= 0xC2 &&
            in[i] <= 0xF4 && len - i < 4)
            return 0;
        high = 1;
        i++;
    }
    return high;
}

/* Windows-1252 0x80..0x9F; 0 marks the five unassigned bytes. */
static const uint16_t S_cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static rg_status S_init_utf8(rg_text *t, const char *bytes, size_t len,
                             int fast, int in_place);

/* Decodes Windows-1252 into UTF-8, then normalises that; the map of the
 * result points through the decoding into the original single bytes. */
static rg_status S_init_legacy(rg_text *t, const char *bytes, size_t len,
                               int fast)
{
    const unsigned char *in = (const unsigned char *)bytes;
    char *u = rg_i_xmalloc(len * 3 + 1);
    uint32_t *umap = rg_i_xmalloc((len * 3 + 1) * sizeof(*umap));
    size_t n = 0, unassigned = 0, first = 0;
    for (size_t i = 0; i < len; i++) {
        utf8proc_int32_t cp = in[i];
        if (in[i] >= 0x80 && in[i] < 0xA0) {
            cp = S_cp1252[in[i] - 0x80];
            if (!cp) {
                cp = 0xFFFD;
                if (unassigned++ == 0)
                    first = i;
            }
        }
        utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)u + n);
        for (utf8proc_ssize_t j = 0; j < k; j++)
            umap[n + (size_t)j] = (uint32_t)i;
        n += (size_t)k;
    }
    umap[n] = (uint32_t)len;
    rg_status st =
        n > UINT32_MAX - 1 ? RG_EINVAL : S_init_utf8(t, u, n, fast, 0);
    if (st == RG_OK) {
        if (!t->map) {
            t->map = umap;   /* NFC changed nothing: the decoding map is it */
            umap = NULL;
        } else {
            for (size_t i = 0; i <= t->len; i++)
                t->map[i] = umap[t->map[i]];
        }
        t->legacy = 1;
        t->repaired = unassigned;
        t->first_invalid = first;
    }
    free(u);
    free(umap);
    return st;
}

/* rg_i_text_init, with (fast) or without the fast paths, and with the
 * text maybe the bytes themselves (in_place). */
static rg_status S_text_init(rg_text *t, const char *bytes, size_t len,
                             int fast, int in_place)
{
    memset(t, 0, sizeof(*t));
    if (len > UINT32_MAX - 1)
        return RG_EINVAL;
    if (len && memchr(bytes, '\0', len))
        return RG_EENCODING;
    if (S_is_legacy((const unsigned char *)bytes, len))
        return S_init_legacy(t, bytes, len, fast);
    return S_init_utf8(t, bytes, len, fast, in_place);
}

rg_status rg_i_text_init(rg_text *t, const char *bytes, size_t len)
{
    return S_text_init(t, bytes, len, 1, 0);
}

rg_status rg_i_text_init_in_place(rg_text *t, char *bytes, size_t len)
{
    return S_text_init(t, bytes, len, 1, 1);
}

rg_status rg_i_text_init_general(rg_text *t, const char *bytes, size_t len)
{
    return S_text_init(t, bytes, len, 0, 0);
}

/* The length of the code point at in[k] when it is U+0000..U+00FF (ASCII,
 * or C2/C3 and a continuation byte), else 0. */
static size_t S_simple(const unsigned char *in, size_t len, size_t k)
{
    if (in[k] < 0x80)
        return 1;
    return (in[k] == 0xC2 || in[k] == 0xC3) && k + 1 < len &&
                   (in[k + 1] & 0xC0) == 0x80
               ? 2
               : 0;
}

/*
 * The end of the run of U+0000..U+00FF from i on in which each code point
 * is followed by another (or by the end).  Such a code point is a grapheme
 * cluster of its own (no two of them join, CR LF aside, which is copied
 * unchanged all the same; none extends a cluster) and NFC: the run is
 * copied as it is.  German text is such runs between the odd „ or –.
 * The general path: each step looks at the code point after it.
 */
static size_t S_simple_run_general(const unsigned char *in, size_t len,
                                   size_t i)
{
    for (;;) {
        /* Eight ASCII bytes at a time, when the byte after them goes on. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, in + i, 8);
            if ((w & 0x8080808080808080ULL) ||
                (i + 8 < len && !S_simple(in, len, i + 8)))
                break;
            i += 8;
        }
        size_t l;
        if (i < len && (l = S_simple(in, len, i)) > 0 &&
            (i + l == len || S_simple(in, len, i + l)))
            i += l;
        else
            return i;
    }
}

/* The same (the code point at i is followed by another of U+0000..U+00FF,
 * as the callers know), eight ASCII bytes a step without looking at the
 * byte after them: the run goes on to the first code point outside
 * U+0000..U+00FF (or the end).  That one starts a new cluster unless it
 * is an Extend, ZWJ or SpacingMark (no character of U+0000..U+00FF is
 * Prepend or joins otherwise): then the run ends there, else before the
 * code point it may join.  A three-byte code point that NFC leaves alone
 * (S_nfc_stable) and that joins nothing (boundclass Other: the dashes and
 * quotes of news text) is a cluster of its own like those of
 * U+0000..U+00FF: the run goes on over it. */
/* Whether the four-byte code point at in[i] is a cluster of its own in a
 * run like the dashes of U+2000..U+20FF: it joins nothing (boundclass
 * Other or Extended_Pictographic: the emoji), has no combining class and
 * no canonical decomposition (utf8proc_decompose_char with the NFC options
 * gives it back), so NFC leaves it alone; the characters that NFC joins
 * to what comes before them are marks (boundclass Extend or SpacingMark),
 * as are the ones that end a run. */
static int S_run4(const unsigned char *in, size_t len, size_t i)
{
    utf8proc_int32_t cp, f[4];
    if (utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp) != 4)
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if ((p->boundclass != UTF8PROC_BOUNDCLASS_OTHER &&
         p->boundclass != UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC) ||
        p->combining_class != 0)
        return 0;
    return utf8proc_decompose_char(cp, f, 4, S_NFC_OPTIONS, NULL) == 1 &&
           f[0] == cp;
}

static size_t S_simple_run(const unsigned char *in, size_t len, size_t i,
                           const uint8_t *e2)
{
    for (;;) {
#if S_SSE2
        /* 32 bytes a step: the high bits of both halves at once. */
        while (i + 32 <= len) {
            unsigned m =
                (unsigned)_mm_movemask_epi8(_mm_loadu_si128(
                    (const __m128i *)(const void *)(in + i))) |
                (unsigned)_mm_movemask_epi8(_mm_loadu_si128(
                    (const __m128i *)(const void *)(in + i + 16)))
                    << 16;
            if (m) {
                /* Latin-1 letters (C2 or C3 and a continuation byte) do
                 * not end the run either: every lead followed by a
                 * continuation, every continuation after a lead, and no
                 * lead in the last lane. */
                const __m128i c3 = _mm_set1_epi8((char)0xC3),
                              top = _mm_set1_epi8((char)0xC0),
                              one = _mm_set1_epi8(1);
                __m128i a = _mm_loadu_si128(
                            (const __m128i *)(const void *)(in + i)),
                        b = _mm_loadu_si128(
                            (const __m128i *)(const void *)(in + i + 16));
                uint32_t lead =
                    (uint32_t)_mm_movemask_epi8(
                        _mm_cmpeq_epi8(_mm_or_si128(a, one), c3)) |
                    (uint32_t)_mm_movemask_epi8(
                        _mm_cmpeq_epi8(_mm_or_si128(b, one), c3))
                        << 16;
                /* Continuation bytes 80..BF: below C0 as signed bytes,
                 * which ASCII is not: the sign of the saturating
                 * difference, one instruction (gcc makes the compare
                 * with a constant two). */
                uint32_t tail =
                    (uint32_t)_mm_movemask_epi8(_mm_subs_epi8(a, top)) |
                    (uint32_t)_mm_movemask_epi8(_mm_subs_epi8(b, top))
                        << 16;
                if (!(lead >> 31) && tail == lead << 1 &&
                    m == (lead | tail)) {
                    i += 32;
                    continue;
                }
                /* On to the first high byte that is not in such a pair
                 * (there is one), not back to the first pair. */
                uint32_t pair = lead & (tail >> 1);
                i += (size_t)__builtin_ctz(m & ~(pair | pair << 1));
                break;
            }
            i += 32;
        }
#endif
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, in + i, 8);
            w &= 0x8080808080808080ULL;
            if (w) {
#if RG_LITTLE_ENDIAN && defined(__GNUC__)
                i += (size_t)__builtin_ctzll(w) / 8; /* the ASCII before */
#endif
                break;
            }
            i += 8;
        }
        if (i >= len)
            return len;
        size_t l = S_simple(in, len, i);
        if (l) {
            i += l;
            continue;
        }
        /* U+2000..U+20FF (dashes, quotes) by the table, without
         * utf8proc. */
        if (in[i] == 0xE2 && i + 3 <= len && in[i + 1] >= 0x80 &&
            in[i + 1] <= 0x83 && (in[i + 2] & 0xC0) == 0x80 &&
            (e2[(size_t)(in[i + 1] - 0x80) << 6 | (in[i + 2] & 0x3F)] &
             RG_I_E2_RUN)) {
            i += 3;
            continue;
        }
        if (in[i] >= 0xF0 && S_run4(in, len, i)) {
            i += 4; /* an emoji */
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0) {
            int bc = utf8proc_get_property(cp)->boundclass;
            if (n == 3 && bc == UTF8PROC_BOUNDCLASS_OTHER && S_nfc_stable(cp)) {
                i += 3;
                continue;
            }
            if (bc != UTF8PROC_BOUNDCLASS_EXTEND &&
                bc != UTF8PROC_BOUNDCLASS_ZWJ &&
                bc != UTF8PROC_BOUNDCLASS_SPACINGMARK)
                return i;
        }
        /* The start of the code point before i (one to three bytes, valid
         * UTF-8: the run's). */
        do
            i--;
        while ((in[i] & 0xC0) == 0x80);
        return i;
    }
}

static rg_status S_init_utf8(rg_text *t, const char *bytes, size_t len,
                             int fast, int in_place)
{
    const unsigned char *in = (const unsigned char *)bytes;
    S_out o = {.in = bytes, .inlen = len};
    S_cluster c = {0};
    const uint8_t *e2 = fast ? rg_i_e2_classes() : NULL;

    size_t i = 0;
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
        t->had_bom = 1;
        i = 3;
    }

    utf8proc_int32_t prev = 0, state = 0;
    while (i < len) {
        if (in[i] < 0x80) {
            utf8proc_int32_t ch = in[i];
            if (c.n == 0 ||
                utf8proc_grapheme_break_stateful(prev, ch, &state)) {
                S_cluster_flush(&c, &o, bytes);
                /* An ASCII byte followed by another byte of U+0000..U+00FF
                 * (or the end) starts a run to copy (S_simple_run). */
                if (i + 1 == len || S_simple(in, len, i + 1)) {
                    size_t j = fast ? S_simple_run(in, len, i, e2)
                                    : S_simple_run_general(in, len, i);
                    S_put_same(&o, bytes, i, j);
                    i = j;
                    /* A fresh state is what utf8proc would hold after an
                     * ordinary character. */
                    state = 0;
                    continue;
                }
            }
            S_cluster_add(&c, &o, bytes, ch, i, i + 1);
            prev = ch;
            i++;
            continue;
        }

        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate(in + i, (utf8proc_ssize_t)(len - i), &cp);
        int bad = n < 0;
        if (bad) {
            n = (utf8proc_ssize_t)S_invalid_len(in + i, len - i);
            cp = 0xFFFD;
            if (t->repaired++ == 0)
                t->first_invalid = i;
        }
        if (c.n && utf8proc_grapheme_break_stateful(prev, cp, &state))
            S_cluster_flush(&c, &o, bytes);
        if (fast && c.n == 0 && n == 3 && !bad && S_nfc_stable(cp) &&
            (i + 3 == len || in[i + 3] < 0x80) &&
            utf8proc_get_property(cp)->boundclass ==
                UTF8PROC_BOUNDCLASS_OTHER) {
            /* A dash or quote before ASCII (or the end): a cluster of its
             * own, since nothing joins an ordinary character (boundclass
             * Other) to an ASCII one, and NFC: copied at once, as the
             * general path would after the next character. */
            S_put_same(&o, bytes, i, i + 3);
            i += 3;
            prev = cp;
            state = 0;
            continue;
        }
        if (c.n == 0 && !bad && S_simple(in, len, i) &&
            (i + 2 == len || S_simple(in, len, i + 2))) {
            /* A cluster starts here, and a run of U+0080..U+00FF too. */
            size_t j = fast ? S_simple_run(in, len, i, e2)
                            : S_simple_run_general(in, len, i);
            S_put_same(&o, bytes, i, j);
            i = j;
            state = 0;
            continue;
        }
        S_cluster_add(&c, &o, bytes, cp, i, i + (size_t)n);
        if (bad)
            c.repaired = 1; /* after the add, which may flush */
        prev = cp;
        i += (size_t)n;
    }
    S_cluster_flush(&c, &o, bytes);
    free(c.cp);
    free(c.work);
    free(c.utf8);

    if (o.len > UINT32_MAX - 1) {
        /* Repairs and NFC can grow the text; offsets must stay 32-bit. */
        free(o.buf);
        free(o.map);
        t->repaired = 0;
        t->first_invalid = 0;
        t->had_bom = 0;
        return RG_EINVAL;
    }
    if (!o.buf && in_place && bytes && o.len == len) {
        /* The text is the bytes: norm borrows them (with their NUL). */
        t->norm = (char *)bytes;
        t->len = o.len;
        t->borrowed = 1;
        return RG_OK;
    }
    if (!o.buf) {
        o.buf = rg_i_xmalloc(o.len + 1);
        if (o.len)
            memcpy(o.buf, bytes, o.len);
    }
    o.buf[o.len] = '\0';
    if (o.map) {
        RG_GROW(o.map, o.mapcap, o.len + 1);
        o.map[o.len] = (uint32_t)len;
    } else if (o.len != len) {
        /* Only a BOM with nothing after it gets here. */
        o.map = rg_i_xmalloc(sizeof(*o.map));
        o.map[0] = (uint32_t)len;
    }
    t->norm = o.buf;
    t->len = o.len;
    t->map = o.map;
    return RG_OK;
}

void rg_i_text_destroy(rg_text *t)
{
    if (!t)
        return;
    if (!t->borrowed)
        free(t->norm);
    free(t->map);
    memset(t, 0, sizeof(*t));
}
