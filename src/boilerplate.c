/*
 * boilerplate.c — stage 2b: page furniture is blanked out of the
 * normalised text before it is tokenised.
 *
 * Scraped articles carry the furniture of the page they came from.  The
 * filter looks at *units*: the lines of the text, and the tail of a line
 * that was glued onto a sentence without a space ("…, ergänzt
 * Kiesewetter.Nordkorea Ukraine Interview 18:17" — two blocks of the page
 * that the scraper ran together).  A unit is furniture when
 *
 *   phrase    it matches a phrase of dict/furniture*.txt (whole line,
 *             case-insensitive, `*` = any text): "Lesen Sie auch",
 *             "Schreibe einen Kommentar", "© *", "*Newsletter an*", section
 *             labels such as "Politik";
 *   list      it follows a list opener (a phrase written with a leading
 *             `>`, such as "Mehr zum Thema") and is headline-shaped: the
 *             link list of unrelated headlines under it, up to the first
 *             line that reads like a paragraph;
 *   date      it is only a date or time: digits with month and weekday
 *             names, "Uhr", "vor", "ago", "Stunden", "months" …
 *             ("28. Oktober, 2024", "21.10.2024", "16:41 Uhr", "2 months ago");
 *   video     it is a few words without end punctuation ending in a
 *             duration ("Nordkorea Ukraine Interview 18:17");
 *   pipe      it is short and contains " | " (site names, breadcrumbs);
 *   banner    it is in a run of at least five lines of at most three words
 *             without end punctuation (shop banners, menus, share bars);
 *   repeat    it repeats an earlier line (the headline printed twice): the
 *             later copy goes;
 *   quote     it is a sentence of six or more words that also stands inside
 *             a longer paragraph of the same document (a pull quote; all
 *             lines are looked for in one hashing pass);
 *   between   it is headline-shaped (no end punctuation) and stands between
 *             two furniture lines, or after the last paragraph of the
 *             article behind furniture (a newsletter teaser, a slogan).
 *
 * Never furniture by the shape rules (`between`): the first headline of
 * the document (the first line left, when it has no end punctuation).  A
 * short paragraph that ends like a sentence is never caught by shape, only
 * by a phrase or by repetition.
 *
 * Furniture is overwritten with spaces (line breaks stay), so the text
 * keeps its length and every offset map stays valid.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define S_SSE2 1   /* x86-64 has it always: 16 bytes a step */
#endif

#include "boilerplate.h"

/* For the small functions called once per line from the loops over the
 * lines, where a call was a good part of their cost. */
#if defined(__GNUC__)
#define S_HOT_INLINE inline __attribute__((always_inline))
#else
#define S_HOT_INLINE inline
#endif

/*
 * Every line is tried against every phrase, so the phrases are sorted by
 * the cheapest test that rules most lines out; S_glob alone decides, the
 * tests before it only skip phrases that cannot match:
 *
 *   - a phrase without '*' is the whole line: one hash lookup (`exact`);
 *   - one that starts with text must start the line: the line's first
 *     byte picks them (`by_first`), then a memcmp of that text;
 *   - one that starts with '*' but ends with text must end the line;
 *   - one with '*' at both ends ("*Datenschutzerklärung*") can stand
 *     anywhere: one pass over the line looks up 4-byte windows in a
 *     bitmap of the 4-byte windows that start their longest piece
 *     (`gram`), and only phrases whose piece is found there go on to
 *     S_glob.  Not every window: every `step`-th, with the windows at
 *     `step` offsets in a row of each piece in the bitmap — a piece at
 *     any place covers one of the windows looked at, as it is at least
 *     step + 3 bytes long.
 */
typedef struct S_phrase {
    char *text;          /* folded, NUL-terminated */
    char *mtext;         /* S_m_copy of it (for lines left unfolded) */
    size_t len;          /* strlen(text) */
    char *need;          /* its longest piece without '*' */
    size_t need_len;
    size_t pre, suf;     /* lengths of the text before the first and after
                            the last '*' */
    uint64_t need8;      /* its first 8 bytes ORed with 0x20 (when 8 or
                            more), for a quick look at a raw line */
    uint64_t need8_mask; /* 0xFF at those that are no 's' (of "ss", ß in
                            the raw line) */
    uint8_t opener;      /* written with a leading '>' */
    uint8_t sure;        /* the tests before S_glob decide: one '*' and
                            text at an end, or "*piece*" with the piece
                            looked for by window */
} S_phrase;

#define S_GRAM_BITS 16
#define S_GRAM_STEP_MAX 16  /* windows per piece in the bitmap, at most */
#define S_LAZY_END 64       /* bytes of a phrase before or after its
                               '*' for lines to be left unfolded, at most */
#define S_HASH_HEAD 32      /* first bytes of a line in its S_line_hash */

/* A window of a floating phrase's piece: its 4 bytes, the phrase (index
 * into `floating`) and the window's offset in the piece. */
typedef struct S_gram_entry {
    uint32_t gram;
    uint32_t j;
    uint32_t o;
} S_gram_entry;

struct rg_boilerplate {
    rg_strtab exact;     /* phrases without '*' */
    size_t exact_max;    /* the longest of them: a longer line (most
                            paragraphs) is none, without hashing it */
    uint8_t *exact_opener;   /* per exact id: some copy is a list opener */
    S_phrase *ph;        /* phrases with '*' */
    size_t n;
    uint32_t *by_first;  /* indices into ph of those that start with text,
                            grouped by first byte: [first[b], first[b+1]) */
    uint32_t first[257];
    uint32_t *suffixed;  /* '*' first, text last */
    size_t n_suffixed;
    size_t tail;         /* bytes of their ends in `tails`: the shortest
                            text after their '*', at most 4 (0: none) */
    uint64_t tails[1024];    /* bit per hash of the last `tail` bytes of
                                each of them: a line that ends otherwise
                                is none of them */
    uint32_t *floating;  /* '*' at both ends */
    size_t n_floating;
    uint64_t *float_long;    /* per 64 of them: bit j, whose piece is 4
                                bytes or more (looked for by window) */
    size_t step;         /* of the windows looked at: the shortest piece
                            of 4 bytes or more, less 3, at most
                            S_GRAM_STEP_MAX */
    uint8_t gram[1u << S_GRAM_BITS];   /* a byte per bit: one load */
    S_gram_entry *grams; /* the windows in the bitmap, sorted by the top
                            8 of their 16 bits, then gram: a window of the
                            line found there is checked against the
                            phrases that have it, only */
    size_t n_grams;
    uint32_t gram_at[257];   /* grams[gram_at[b], gram_at[b + 1]): those
                                whose bit has top 8 bits b */
    rg_strtab dates;     /* S_date_words */
    /* Long plain lines (S_plain) are not folded unless a rule may need
     * it: the floating phrases are looked for in their raw bytes, by
     * windows ORed with 0x20 (`rgram`, `rgrams`, `rgram_at` as `gram`,
     * `grams`, `gram_at`, with every raw form of each window: A-Z, À..Þ
     * and ß for "ss"). */
    uint8_t lazy_ok;     /* every phrase allows it (pieces and ends short) */
    size_t lazy_pre;     /* first bytes such a line is compared by (under
                            S_m): the hash's and the longest text before a
                            phrase's '*', in steps of 16 */
    size_t lazy_suf;     /* and last bytes: 8, or the longest after one */
    size_t lazy_min;     /* lines this long or shorter are folded */
    uint8_t rgram[1u << S_GRAM_BITS];
    S_gram_entry *rgrams;
    size_t n_rgrams;
    uint32_t rgram_at[257];
    uint32_t *by_mfirst; /* as by_first, grouped by S_m of the first byte */
    uint32_t mfirst[257];
    uint64_t mtails[1024];   /* as tails, of the S_m_copy of the ends */
};

/* The rules only ask whether a unit has up to 30 words: a count above is
 * kept as 31. */
#define S_WORDS_MAX 30

typedef struct S_unit {
    size_t s, e;         /* trimmed bytes of the unit */
    size_t fold;         /* offset of its folded form in the fold buffer
                            (SIZE_MAX: not folded yet, a long plain line) */
    size_t fa;           /* where the fold starts in the text (lazy) */
    size_t fold_len;     /* and its length */
    uint32_t words;      /* up to S_WORDS_MAX + 1 (more count as that) */
    uint8_t endp;        /* ends with . ! ? … (before closing quotes) */
    uint8_t glued;       /* a tail glued onto a sentence end */
    uint8_t furn;        /* furniture */
    uint8_t opener;      /* matched a list-opener phrase */
} S_unit;

/* A slot of the table of lines seen (S_seen). */
typedef struct S_seen_slot {
    int32_t unit;    /* -1 = empty */
    uint32_t tag;    /* high bits of the hash */
} S_seen_slot;

/* The buffers of rg_i_boilerplate_strip_with, kept from one document to
 * the next. */
struct rg_boilerplate_scratch {
    S_unit *u;
    size_t cap_u;
    rg_buf fold;
    S_seen_slot *seen;
    size_t cap_seen;
    size_t *cand;        /* S_pull_quotes: cand, core, first, start */
    size_t cap_cand;
    int32_t *next;
    size_t cap_next;
    uint64_t *pairs;     /* the bitmap, then the slots */
    size_t cap_pairs;
};

/* ------------------------------------------------------------------ */
/* Folding and matching                                                */
/* ------------------------------------------------------------------ */

static int S_ws(unsigned char c)
{
    /* ' ' or \t \n \v \f \r (9..13), without branches: byte compares
     * that the loops over every byte can do many at a time. */
    return (c == ' ') | ((unsigned char)(c - '\t') <= '\r' - '\t');
}

/* Characters that decorate a line without being part of its words:
 * bullets, arrows, separators and a colon at either end.  Returns their
 * length at s[0..n) or 0. */
static size_t S_decoration(const char *s, size_t n)
{
    static const rg_word deco[] = {
        RG_WORD(":"), RG_WORD("|"), RG_WORD(">"), RG_WORD("<"), RG_WORD("-"),
        RG_WORD("\xE2\x80\xA2") /* • */, RG_WORD("\xE2\x80\xBA") /* › */,
        RG_WORD("\xE2\x80\xB9") /* ‹ */, RG_WORD("\xC2\xBB") /* » */,
        RG_WORD("\xC2\xAB") /* « */, RG_WORD("\xE2\x86\x92") /* → */,
        RG_WORD("\xE2\x80\x93") /* – */, RG_WORD("\xC2\xB7") /* · */,
        RG_WORD("\xE2\x96\xBA") /* ► */, RG_WORD("\xE2\x96\xB6") /* ▶ */};
    /* Four times for every line, which mostly starts and ends with a
     * letter: the ASCII ones are one byte each, the others start with
     * 0xC2 or 0xE2. */
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c == ':' || c == '|' || c == '>' || c == '<' || c == '-';
    if (c != 0xC2 && c != 0xE2)
        return 0;
    for (size_t i = 5; i < RG_COUNT(deco); i++) {
        size_t k = deco[i].len;
        if (k <= n && deco[i].s[0] == s[0] && memcmp(s, deco[i].s, k) == 0)
            return k;
    }
    return 0;
}

static size_t S_deco_end(const char *s, size_t n)
{
    /* An ASCII last byte can only be a one-byte decoration. */
    if ((unsigned char)s[n - 1] < 0x80)
        return S_decoration(s + n - 1, 1);
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (S_decoration(s + n - k, k) == k)
            return k;
    return 0;
}

/* Where the first 8-byte block of s[0..n) starts that holds whitespace
 * other than single spaces (or a byte below 14, a control character): the
 * part before needs no squeezing.  Lines are mostly words and single
 * spaces, and squeezing them byte by byte was a twentieth of the run. */
static size_t S_plain_prefix(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL,
                   low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t before = 0;   /* bit 7: the byte before the block is a space */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t z = w ^ (ones * ' ');
        uint64_t sp = ~(((z & low7) + low7) | z) & highs;   /* the spaces */
        if (((w - ones * 14) & ~w & highs) || (sp & (sp << 8 | before)))
            break;
        before = sp >> 56;
    }
    return i;
}

/* Writes src[0..len) with whitespace runs made one space to d and returns
 * the length written.  The result is never longer than src, so d may be
 * src itself. */
static size_t S_squeeze_to(char *d, const char *src, size_t len)
{
    char *d0 = d;
    size_t i = 0;
    if (d == src) {
        /* In place, the plain prefix stays as it is; a space just before
         * the rest is left to the loop, which may drop it or join it. */
        i = S_plain_prefix(src, len);
        if (i > 0 && src[i - 1] == ' ')
            i--;
        d += i;
    }
    int space = 0;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        /* Every whitespace byte is <= ' ': one compare for the rest. */
        if (c <= ' ' && S_ws(c)) {
            space = 1;
            continue;
        }
        if (space)
            *d++ = ' ';
        space = 0;
        *d++ = (char)c;
    }
    return (size_t)(d - d0);
}

/* Appends src[0..len) with whitespace runs made one space, and a NUL. */
static void S_squeeze(rg_buf *out, const char *src, size_t len)
{
    /* The result is never longer than len + 1: grow once and write in
     * place (every line of every document passes through here). */
    RG_GROW(out->data, out->cap, out->len + len + 2);
    out->len += S_squeeze_to(out->data + out->len, src, len);
    out->data[out->len++] = '\0';
    out->data[out->len] = '\0';
}

/* Whether case folding and NFC leave code point cp as it is, whatever
 * stands around it: no case fold, no decomposition, a starter that
 * composes with nothing (emoji, symbols, scripts without case).  Hangul
 * composes by algorithm, not by table: left to utf8proc. */
static int S_fold_stable(utf8proc_int32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->casefold_seqindex == UINT16_MAX &&
           p->decomp_seqindex == UINT16_MAX && p->combining_class == 0 &&
           p->comb_index == UINT16_MAX;
}

/*
 * The case fold of s[0..n) into dst (at most 2n bytes) for a line that
 * rg_i_fold_latin1 refused: its runs of Latin-1 and general punctuation
 * by rg_i_fold_latin1, the S_fold_stable code points between them copied.
 * Nothing composes across such a code point, so the pieces give what
 * utf8proc gives for the whole.  SIZE_MAX when some other code point
 * needs utf8proc.  Lines with an emoji (⚠️ in a teaser) are common, and
 * utf8proc for all of such a line was a twentieth of the run.
 */
static size_t S_fold_pieces(char *dst, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t m = 0, from = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0)
            return SIZE_MAX;
        if (cp < 0x100 || (cp >= 0x2000 && cp <= 0x20BF)) {
            i += (size_t)l;   /* rg_i_fold_latin1's: part of the run */
            continue;
        }
        if (!S_fold_stable(cp))
            return SIZE_MAX;
        size_t r = rg_i_fold_latin1(dst + m, s + from, i - from);
        if (r == SIZE_MAX)
            return SIZE_MAX;
        m += r;
        memcpy(dst + m, s + i, (size_t)l);
        m += (size_t)l;
        i += (size_t)l;
        from = i;
    }
    size_t r = rg_i_fold_latin1(dst + m, s + from, n - from);
    return r == SIZE_MAX ? SIZE_MAX : m + r;
}

/* The index of the lowest byte of x (bytes in memory order) with bit 7
 * set; x is nonzero and has no bits but those. */
static size_t S_low_byte(uint64_t x)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(x) / 8;
#else
    (void)x;
    return 0;   /* the caller goes on byte by byte from there */
#endif
}

#ifdef S_SSE2
/* Bit 7 of each byte: v < c as signed chars (a byte >= 0x80 is below
 * c = ' ', a continuation byte below c = 0xC0); only bit 7 means
 * anything, for _mm_movemask_epi8.  The saturating difference keeps the
 * sign of v - c: one instruction, where gcc turns the compare with a
 * constant into two (v > c - 1, then a compare with zero). */
static inline __m128i S_below(__m128i v, __m128i c)
{
    return _mm_subs_epi8(v, c);
}

/*
 * The Latin-1 letters and general punctuation among the sixteen bytes v
 * folded as rg_i_fold_latin1 does: 0xC3 and a byte 0x80..0xBF after it
 * (À..Þ but × get 0x20, ß is written ss), and the visible U+2000..U+20BF
 * (as they are) are no longer odd.  Every other byte >= 0x80 stays odd,
 * and so does a character cut by the end of the sixteen; bytes at or
 * after the first odd one are left to the caller, whatever they became.
 */
static __m128i S_fold_latin1_16(__m128i v, unsigned *odd)
{
    __m128i c3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC3));
    unsigned mc3 = (unsigned)_mm_movemask_epi8(c3) & 0x7FFF;
    /* 0x80..0xBF are -128..-65 as signed chars */
    unsigned cont =
        (unsigned)_mm_movemask_epi8(S_below(v, _mm_set1_epi8((char)0xC0)));
    unsigned ok = mc3 & (cont >> 1);
    *odd &= ~(ok | ok << 1);
    __m128i after = _mm_slli_si128(c3, 1);   /* the bytes after 0xC3 */
    __m128i upper = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x97)),
                                     _mm_cmplt_epi8(v, _mm_set1_epi8((char)0x9F)));
    v = _mm_or_si128(v,
                     _mm_and_si128(_mm_and_si128(after, upper), _mm_set1_epi8(0x20)));
    /* U+2000..U+20BF (dashes, „quotes“) stay as they are, but not the
     * invisible ones: 0xE2, 0x80..0x82, 0x80..0xBF. */
    unsigned me2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
    if (me2 & 0x3FFF) {
        __m128i b1 = _mm_srli_si128(v, 1), b2 = _mm_srli_si128(v, 2);   /* at the 0xE2 */
        __m128i in_b1 = _mm_cmplt_epi8(b1, _mm_set1_epi8((char)0x83)),
                in_b2 = _mm_cmplt_epi8(b2, _mm_set1_epi8((char)0xC0));
        /* 0x80 0x8B..0x8F, 0x80 0xAA..0xAE, 0x81 0xA0..0xAF (signed) */
        __m128i r1 = _mm_and_si128(_mm_cmpgt_epi8(b2, _mm_set1_epi8(-118)),
                                   _mm_cmplt_epi8(b2, _mm_set1_epi8(-112)));
        __m128i r2 = _mm_and_si128(_mm_cmpgt_epi8(b2, _mm_set1_epi8(-87)),
                                   _mm_cmplt_epi8(b2, _mm_set1_epi8(-81)));
        __m128i r3 = _mm_and_si128(_mm_cmpgt_epi8(b2, _mm_set1_epi8(-97)),
                                   _mm_cmplt_epi8(b2, _mm_set1_epi8(-80)));
        __m128i invisible = _mm_or_si128(
            _mm_and_si128(_mm_cmpeq_epi8(b1, _mm_set1_epi8((char)0x80)), _mm_or_si128(r1, r2)),
            _mm_and_si128(_mm_cmpeq_epi8(b1, _mm_set1_epi8((char)0x81)), r3));
        unsigned good = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
                            invisible, _mm_and_si128(in_b1, in_b2))) &
                        me2 & 0x3FFF;
        *odd &= ~(good | good << 1 | good << 2);
    }
    __m128i sz = _mm_and_si128(after, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9F)));
    if (_mm_movemask_epi8(sz)) {
        __m128i both = _mm_or_si128(sz, _mm_srli_si128(sz, 1));
        v = _mm_or_si128(_mm_andnot_si128(both, v),
                         _mm_and_si128(both, _mm_set1_epi8('s')));
    }
    return v;
}
#endif

/* The number of bytes of x (which has no bits but bit 7 of bytes) that
 * have bit 7. */
static size_t S_count_bits(uint64_t x)
{
    return (size_t)(((x >> 7) * 0x0101010101010101ULL) >> 56);
}

/*
 * What rg_i_fold_latin1 (or S_fold_pieces) and then S_squeeze_to give for
 * s[0..n) (no whitespace at either end), in one pass, when the line is
 * made of ASCII, Latin-1 but µ and the soft hyphen, the visible general
 * punctuation U+2000..U+20BF and the code points S_fold_stable: A-Z and
 * À..Þ but × lowered, ß written ss (the same two bytes), everything else
 * as it is, whitespace runs made one space.
 * Writes at most n bytes to d and returns their number (and in *spaces
 * the number of spaces written, or some number above S_WORDS_MAX when
 * more), or SIZE_MAX (d undefined) for a line with anything else.  Nearly
 * every line of a German text: sixteen (or eight) bytes at a time up to a
 * byte that needs a look of its own.
 */
static size_t S_fold_simple(char *d, const char *s, size_t n, size_t *spaces)
{
    const unsigned char *u = (const unsigned char *)s;
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t m = 0, i = 0, sps = 0;
    while (i < n) {
        int odd_found = 0;
#ifdef S_SSE2
        /* As the eight-byte loop below, sixteen bytes a step: a byte
         * >= 0x80 is below 0x20 as a signed char, A-Z lie between 'A' - 1
         * and 'Z' + 1 as such.  Spaces are added up per byte position
         * (saturating at 255: then there are more than enough). */
        {
            unsigned before16 = m > 0 && d[m - 1] == ' ';
            const __m128i space = _mm_set1_epi8(' '), one = _mm_set1_epi8(1);
            __m128i acc = _mm_setzero_si128();
            for (; i + 16 <= n; i += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
                __m128i sp = _mm_cmpeq_epi8(v, space);
                unsigned msp = (unsigned)_mm_movemask_epi8(sp);
                unsigned odd = (unsigned)_mm_movemask_epi8(S_below(v, space));
                odd |= msp & (msp << 1 | before16);
                __m128i az = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                           _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
                v = _mm_or_si128(v, _mm_and_si128(az, space));
                if (_mm_movemask_epi8(v))   /* a byte >= 0x80 */
                    v = S_fold_latin1_16(v, &odd);
                _mm_storeu_si128((__m128i *)(void *)(d + m), v);   /* m <= i */
                if (odd) {
                    /* The bytes before the first odd one are done. */
                    size_t k = (size_t)__builtin_ctz(odd);
                    static const unsigned char prefix[32] = {
                        255, 255, 255, 255, 255, 255, 255, 255,
                        255, 255, 255, 255, 255, 255, 255, 255};
                    __m128i first_k = _mm_loadu_si128(
                        (const __m128i *)(const void *)(prefix + 16 - k));
                    acc = _mm_adds_epu8(acc,
                                        _mm_and_si128(_mm_and_si128(sp, first_k), one));
                    m += k;
                    i += k;
                    odd_found = 1;
                    break;
                }
                acc = _mm_adds_epu8(acc, _mm_and_si128(sp, one));
                m += 16;
                before16 = msp >> 15;
            }
            __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
            sps += (size_t)_mm_cvtsi128_si32(sum) +
                   (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
        }
#endif
        /* bit 7: the byte written last is a space */
        uint64_t before = m > 0 && d[m - 1] == ' ' ? 0x80 : 0;
        for (; !odd_found && i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            /* Bit 7 of a byte in `odd`: it is >= 0x80 or < 0x20, or a
             * space after a space.  Exact for the lowest such byte, and
             * so is everything below it (where every byte is 0x20..0x7F,
             * no carry or borrow leaves a byte): there, bit 7 of `sp` is
             * a space, and A-Z get bit 0x20. */
            uint64_t sp = ~(w + ones * 0x5F) & highs;
            uint64_t odd = ((w - ones * 0x20) | w) & highs;
            odd |= sp & (sp << 8 | before);
            uint64_t az = ((w + ones * 0x3F) ^ (w + ones * 0x25)) & highs;
            w |= az >> 2;
            memcpy(d + m, &w, 8);   /* d has room: m <= i */
            if (odd) {
                /* The bytes before the first odd one are done. */
                size_t k = S_low_byte(odd);
                sps += S_count_bits(sp & ((k ? ~(uint64_t)0 >> (64 - 8 * k) : 0)));
                m += k;
                i += k;
                break;
            }
            if (sps <= S_WORDS_MAX)   /* more words count as that */
                sps += S_count_bits(sp);
            m += 8;
            before = sp >> 56;
        }
        /* The odd byte's character (or, in the last bytes, every
         * character) one by one. */
        for (size_t stop = i + 8 <= n ? i + 1 : n; i < stop;) {
            unsigned char c = u[i];
            if (c < 0x80) {
                if (S_ws(c)) {
                    if (d[m - 1] != ' ') {   /* s[0] is no whitespace */
                        d[m++] = ' ';
                        sps++;
                    }
                } else {
                    d[m++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
                }
                i++;
                continue;
            }
            unsigned char t = i + 1 < n ? u[i + 1] : 0;
            if (c == 0xE2 && i + 2 < n && t >= 0x80 && t <= 0x82 &&
                u[i + 2] >= 0x80 && u[i + 2] <= 0xBF) {
                /* U+2000..U+20BF, but not the invisible ones */
                if ((t == 0x80 && ((u[i + 2] >= 0x8B && u[i + 2] <= 0x8F) ||
                                   (u[i + 2] >= 0xAA && u[i + 2] <= 0xAE))) ||
                    (t == 0x81 && u[i + 2] >= 0xA0 && u[i + 2] <= 0xAF))
                    return SIZE_MAX;
                memcpy(d + m, u + i, 3);
                m += 3;
                i += 3;
                continue;
            }
            if (c != 0xC2 && c != 0xC3) {
                /* Elsewhere, what S_fold_pieces copies (an emoji). */
                utf8proc_int32_t cp;
                utf8proc_ssize_t l =
                    utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
                if (l <= 0 || cp < 0x100 || (cp >= 0x2000 && cp <= 0x20BF) ||
                    !S_fold_stable(cp))
                    return SIZE_MAX;
                memcpy(d + m, u + i, (size_t)l);
                m += (size_t)l;
                i += (size_t)l;
                continue;
            }
            if (t < 0x80 || t > 0xBF)
                return SIZE_MAX;
            if (c == 0xC2) {
                if (t == 0xB5 || t == 0xAD)
                    return SIZE_MAX;
            } else if (t == 0x9F) {   /* ß */
                c = t = 's';
            } else if (t <= 0x9E && t != 0x97) {
                t += 0x20;
            }
            d[m++] = (char)c;
            d[m++] = (char)t;
            i += 2;
        }
    }
    *spaces = sps;
    return m;
}

/* Per byte: 1 when a line that starts with it may lose something at the
 * front (whitespace, or the first byte of a decoration: S_decoration), 2
 * when one that ends with it may at the back (whitespace, or the last byte
 * of a decoration). */
static const unsigned char S_edge[256] = {
    [' '] = 3, ['\t'] = 3, ['\n'] = 3, ['\v'] = 3, ['\f'] = 3, ['\r'] = 3,
    [':'] = 3, ['|'] = 3, ['>'] = 3, ['<'] = 3, ['-'] = 3,
    [0xC2] = 1, [0xE2] = 1,
    [0x92] = 2, [0x93] = 2, [0xA2] = 2, [0xAB] = 2, [0xB6] = 2, [0xB7] = 2,
    [0xB9] = 2, [0xBA] = 2, [0xBB] = 2};

/* Appends the case fold of s[0..n) to `out`, with whitespace runs made one
 * space and decorations and spaces at both ends dropped; adds a NUL.
 * Returns the number of words of s[0..n) (or some number above S_WORDS_MAX
 * when more) when it is that of the fold (no decoration dropped, and the
 * line taken by S_fold_simple), or SIZE_MAX. */
/* Drops whitespace and decorations at both ends of s[0..*n); whether a
 * decoration was dropped. */
static int S_trim_slow(const char **sp, size_t *np)
{
    const char *s = *sp;
    size_t n = *np;
    int deco = 0;
    for (;;) {
        size_t k = 0;
        while (n > 0 && S_ws((unsigned char)s[0]))
            s++, n--;
        if (n > 0 && (k = S_decoration(s, n)) > 0) {
            s += k, n -= k;
            deco = 1;
            continue;
        }
        while (n > 0 && S_ws((unsigned char)s[n - 1]))
            n--;
        if (n > 0 && (k = S_deco_end(s, n)) > 0) {
            n -= k;
            deco = 1;
            continue;
        }
        break;
    }
    *sp = s;
    *np = n;
    return deco;
}

static S_HOT_INLINE int S_trim(const char **sp, size_t *np)
{
    /* Most lines start with a letter and end with one or a '.': left
     * as they are, without a look for each decoration (and no call). */
    const char *s = *sp;
    size_t n = *np;
    if (n > 0 && !((S_edge[(unsigned char)s[0]] & 1) | (S_edge[(unsigned char)s[n - 1]] & 2)))
        return 0;
    return S_trim_slow(sp, np);
}

static size_t S_fold(rg_buf *out, const char *s, size_t n)
{
    int deco = S_trim(&s, &n);
    /* German lines are ASCII and Latin-1 letters (now and then with an
     * emoji): fold those without utf8proc, into the buffer itself (at
     * most 2n bytes), squeezing as they are folded; the other lines are
     * squeezed in place after. */
    RG_GROW(out->data, out->cap, out->len + 2 * n + 2);
    char *d = out->data + out->len;
    size_t spaces;
    size_t ql = S_fold_simple(d, s, n, &spaces);
    if (ql != SIZE_MAX) {
        out->len += ql;
        out->data[out->len++] = '\0';
        out->data[out->len] = '\0';
        /* Whitespace runs are the spaces now, between the words. */
        return deco ? SIZE_MAX : n > 0 ? spaces + 1 : 0;
    }
    ql = rg_i_fold_latin1(d, s, n);
    if (ql == SIZE_MAX)
        ql = S_fold_pieces(d, s, n);
    if (ql != SIZE_MAX) {
        out->len += S_squeeze_to(d, d, ql);
        out->data[out->len++] = '\0';
        out->data[out->len] = '\0';
        return SIZE_MAX;
    }
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t fl = n ? utf8proc_map((const utf8proc_uint8_t *)s,
                                           (utf8proc_ssize_t)n, &f,
                                           UTF8PROC_CASEFOLD | UTF8PROC_STABLE |
                                               UTF8PROC_COMPOSE)
                            : 0;
    const char *src = fl > 0 ? (const char *)f : s;
    size_t len = fl > 0 ? (size_t)fl : n;
    if (fl < 0)
        len = n;   /* not foldable (cannot happen on valid UTF-8): as is */
    S_squeeze(out, src, len);
    free(f);
    return SIZE_MAX;
}

/* The length of the character at u[i] (< n) when it is one a plain line
 * may have beyond ASCII: a Latin-1 character but µ and the soft hyphen
 * (C2 or C3 and a continuation byte), visible general punctuation
 * (U+2000..U+20BF as S_fold_simple takes it) or a code point that folding
 * leaves as it is (S_fold_stable: an emoji); else 0. */
static size_t S_plain_char(const unsigned char *u, size_t i, size_t n)
{
    unsigned char c = u[i], t = i + 1 < n ? u[i + 1] : 0;
    if (c == 0xC3 || c == 0xC2)
        return t >= 0x80 && t <= 0xBF && !(c == 0xC2 && (t == 0xB5 || t == 0xAD)) ? 2 : 0;
    if (c != 0xE2 || i + 2 >= n || t < 0x80 || t > 0x82 || u[i + 2] < 0x80 ||
        u[i + 2] > 0xBF) {
        /* what S_fold_simple copies as it is (an emoji) */
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0 || cp < 0x100 || (cp >= 0x2000 && cp <= 0x20BF) || !S_fold_stable(cp))
            return 0;
        return (size_t)l;
    }
    unsigned char b = u[i + 2];
    if ((t == 0x80 && ((b >= 0x8B && b <= 0x8F) || (b >= 0xAA && b <= 0xAE))) ||
        (t == 0x81 && b >= 0xA0 && b <= 0xAF))
        return 0;
    return 3;
}

/* S_plain_char of u[i] (< n), or 0 for an ASCII byte; the dashes and
 * quotes of U+2010..U+2029 (E2 80 90..A9, all visible: the most common
 * ones in German news) without a call. */
static S_HOT_INLINE size_t S_plain_at(const unsigned char *u, size_t i, size_t n)
{
    if (u[i] < 0x80)
        return 0;
    if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
        (unsigned char)(u[i + 2] - 0x90) <= 0xA9 - 0x90)
        return 3;
    return S_plain_char(u, i, n);
}

/*
 * Whether s[0..n) (no whitespace at either end) is a plain line: ASCII
 * but control bytes, single spaces, and the characters of S_plain_char.
 * Its fold is then byte for byte: A-Z and À..Þ but × lowered (the second
 * byte + 0x20), ß written ss, everything else as it is, and the fold has
 * the length of the line after S_trim.  In *spaces its spaces (or some
 * number above S_WORDS_MAX when more).  Sixteen bytes a step where there
 * is SSE2; one pass and no stores, where the fold was one with stores.
 */
static int S_plain(const char *s, size_t n, size_t *spaces)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, sps = 0;
    unsigned before = 0;   /* the byte before i is a space */
#ifdef S_SSE2
    if (n >= 16) {
        static const unsigned char prefix[64] = {
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255};
        const __m128i space = _mm_set1_epi8(' '), c3 = _mm_set1_epi8((char)0xC3),
                      c0 = _mm_set1_epi8((char)0xC0), zero = _mm_setzero_si128();
        __m128i acc = zero;   /* spaces per byte position (saturating) */
        /* Thirty-two bytes a step, as two halves of one mask. */
        for (size_t lim = n - 32; n >= 32 && i <= lim;) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i)),
                    w = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 16));
            __m128i spv = _mm_cmpeq_epi8(v, space), spw = _mm_cmpeq_epi8(w, space);
            uint32_t msp = (uint32_t)_mm_movemask_epi8(spv) |
                           (uint32_t)_mm_movemask_epi8(spw) << 16;
            if (msp & (msp << 1 | before))
                return 0;
            __m128i ov = S_below(v, space), ow = S_below(w, space);
            if (_mm_movemask_epi8(_mm_or_si128(ov, ow))) {
                uint32_t odd = (uint32_t)_mm_movemask_epi8(ov) |
                               (uint32_t)_mm_movemask_epi8(ow) << 16;
                /* 0xC3 and a continuation byte within the thirty-two */
                uint32_t mc3 = ((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c3)) |
                                (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(w, c3)) << 16) &
                               0x7FFFFFFFu;
                uint32_t cont = (uint32_t)_mm_movemask_epi8(S_below(v, c0)) |
                                (uint32_t)_mm_movemask_epi8(S_below(w, c0)) << 16;
                uint32_t ok = mc3 & (cont >> 1);
                odd &= ~(ok | ok << 1);
                if (odd) {
                    /* The bytes before the first odd one are plain; its
                     * character is looked at alone, and the steps go on
                     * after it. */
                    size_t k = (size_t)__builtin_ctz(odd);
                    __m128i fv = _mm_loadu_si128((const __m128i *)(const void *)(prefix + 32 - k)),
                            fw = _mm_loadu_si128((const __m128i *)(const void *)(prefix + 48 - k));
                    acc = _mm_adds_epu8(
                        acc, _mm_sub_epi8(zero, _mm_add_epi8(_mm_and_si128(spv, fv),
                                                              _mm_and_si128(spw, fw))));
                    i += k;
                    size_t l = S_plain_at(u, i, n);
                    if (!l)
                        return 0;
                    i += l;
                    before = 0;
                    continue;
                }
            }
            acc = _mm_adds_epu8(acc, _mm_sub_epi8(zero, _mm_add_epi8(spv, spw)));
            before = msp >> 31;
            i += 32;
        }
        /* The last sixteen bytes (or fewer), of which those before i are
         * done: the bytes themselves say what stands before i. */
        while (i < n) {
            size_t b = n >= i + 16 ? i : n - 16, k = i - b;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + b));
            __m128i sp = _mm_cmpeq_epi8(v, space);
            unsigned fresh = (0xFFFFu << k) & 0xFFFF;
            unsigned msp = (unsigned)_mm_movemask_epi8(sp);
            if (msp & (msp << 1 | (k ? 0 : before)) & fresh)
                return 0;
            unsigned odd = (unsigned)_mm_movemask_epi8(S_below(v, space)) & fresh;
            if (odd) {
                unsigned mc3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c3)) & 0x7FFF;
                unsigned cont = (unsigned)_mm_movemask_epi8(S_below(v, c0));
                unsigned ok = mc3 & (cont >> 1);
                odd &= ~(ok | ok << 1);
            }
            /* up to the first odd byte, or all of the block */
            size_t stop = odd ? (size_t)__builtin_ctz(odd) : 16;
            __m128i f = _mm_andnot_si128(
                _mm_loadu_si128((const __m128i *)(const void *)(prefix + 32 - k)),
                _mm_loadu_si128((const __m128i *)(const void *)(prefix + 32 - stop)));
            acc = _mm_adds_epu8(acc, _mm_sub_epi8(zero, _mm_and_si128(sp, f)));
            if (!odd) {
                before = msp >> 15;
                i = b + 16;
                continue;
            }
            i = b + stop;
            size_t l = S_plain_at(u, i, n);
            if (!l)
                return 0;
            i += l;
            before = 0;
        }
        __m128i sum = _mm_sad_epu8(acc, zero);
        sps += (size_t)_mm_cvtsi128_si32(sum) +
               (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
    }
#endif
    while (i < n) {
        unsigned char c = u[i];
        if (c == ' ') {
            if (before)
                return 0;
            sps++;
            before = 1;
            i++;
            continue;
        }
        before = 0;
        if (c < 0x80) {
            if (c < 0x20)
                return 0;
            i++;
            continue;
        }
        size_t l = S_plain_char(u, i, n);
        if (!l)
            return 0;
        i += l;
    }
    *spaces = sps;
    return 1;
}

/* The fold of byte r[p] of a plain line r[0..n) (S_plain). */
static unsigned char S_plain_fold_at(const unsigned char *r, size_t p, size_t n)
{
    unsigned char c = r[p];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
    if (c == 0xC3)
        return p + 1 < n && r[p + 1] == 0x9F ? 's' : c;
    if (p == 0 || r[p - 1] != 0xC3 || c > 0x9F)
        return c;
    return c == 0x9F ? 's' : c == 0x97 ? c : (unsigned char)(c + 0x20);
}

/* Whether the piece of phrase ph may stand at p of a plain line (p has
 * room for the piece): its first 8 bytes ORed with 0x20 are the piece's
 * but where that has an 's'.  A fold byte is its line's byte or that byte
 * + 0x20, but for the 's' of ß. */
static int S_plain_may_have(const char *p, const S_phrase *ph)
{
    if (ph->need_len < 8)
        return 1;
    uint64_t w;
    memcpy(&w, p, 8);
    return !(((w | 0x2020202020202020ULL) ^ ph->need8) & ph->need8_mask);
}

/* Whether the fold of the plain line r[0..n) has need[0..k) at p. */
static int S_plain_has(const char *r, size_t n, size_t p, const char *need, size_t k)
{
    const unsigned char *u = (const unsigned char *)r;
    for (size_t q = 0; q < k; q++)
        if (S_plain_fold_at(u, p + q, n) != (unsigned char)need[q])
            return 0;
    return 1;
}

/* A byte with case and ß made one: ORed with 0x20, and 0xE3 and 0xBF
 * (0xC3 and 0x9F so ORed, the bytes of ß) made 's'.  The fold of a plain
 * line (S_plain) lowers bytes by 0x20 or writes ß as "ss", so the line and
 * its fold give the same bytes here, byte for byte; equal folds give
 * equal bytes. */
static unsigned char S_m(unsigned char c)
{
    c |= 0x20;
    return c == 0xE3 || c == 0xBF ? 's' : c;
}

/* d[0..n) = S_m of each byte of s[0..n); sixteen at a time. */
static void S_m_copy(char *d, const char *s, size_t n)
{
#ifdef S_SSE2
    for (; n >= 16; n -= 16, s += 16, d += 16) {
        __m128i v = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)s),
                                 _mm_set1_epi8(0x20));
        __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xBF)));
        v = _mm_or_si128(_mm_andnot_si128(m, v), _mm_and_si128(m, _mm_set1_epi8('s')));
        _mm_storeu_si128((__m128i *)(void *)d, v);
    }
#endif
    for (; n > 0; n--)
        *d++ = (char)S_m((unsigned char)*s++);
}

/* Whether `s` matches the pattern `p`, where '*' matches any bytes. */
static int S_glob(const char *p, const char *s)
{
    const char *star = NULL, *retry = NULL;
    while (*s) {
        if (*p == '*') {
            star = p++;
            retry = s;
        } else if (*p && *p == *s) {
            p++;
            s++;
        } else if (star) {
            p = star + 1;
            s = ++retry;
        } else {
            return 0;
        }
    }
    while (*p == '*')
        p++;
    return *p == '\0';
}

/* The longest run of p without '*', as a new string. */
static char *S_longest_piece(const char *p)
{
    const char *best = p;
    size_t best_n = 0;
    while (*p) {
        size_t k = strcspn(p, "*");
        if (k > best_n) {
            best = p;
            best_n = k;
        }
        p += k;
        p += *p == '*';
    }
    return rg_i_xstrndup(best, best_n);
}

static uint32_t S_gram_at(const char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return w;
}

static size_t S_gram_bit(uint32_t gram)
{
    return (size_t)((gram * 0x9E3779B1u) >> (32 - S_GRAM_BITS));
}

/* How common byte c is in German text, roughly (0 = rare): to choose the
 * windows of a phrase that a line has by chance the least. */
static size_t S_common(char c)
{
    switch (c) {
    case ' ':
        return 4;
    case 'e':
    case 'n':
        return 3;
    case 'i': case 'r': case 's': case 't': case 'a': case 'd': case 'h':
    case 'u': case 'l': case 'c':
        return 2;
    default:
        return 0;
    }
}

/* The k (<= 4) bytes at p hashed to 16 bits. */
static size_t S_tail_bit(const char *p, size_t k)
{
    uint32_t w = 0;
    if (k == 4) {
        memcpy(&w, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return S_gram_bit(w);
#else
        w = 0;
#endif
    }
    for (size_t i = 0; i < k; i++)
        w |= (uint32_t)(unsigned char)p[i] << (8 * i);
    return S_gram_bit(w);
}

static int S_cmp_gram(const void *a, const void *b)
{
    const S_gram_entry *x = a, *y = b;
    size_t bx = S_gram_bit(x->gram) >> 8, by = S_gram_bit(y->gram) >> 8;
    if (bx != by)
        return bx < by ? -1 : 1;
    if (x->gram != y->gram)
        return x->gram < y->gram ? -1 : 1;
    if (x->j != y->j)
        return x->j < y->j ? -1 : 1;
    return (x->o > y->o) - (x->o < y->o);
}

/* Words (folded) that may stand in a date or time line. */
static const rg_word S_date_words[] = {
    RG_WORD("januar"), RG_WORD("jänner"), RG_WORD("februar"), RG_WORD("feber"),
    RG_WORD("märz"), RG_WORD("april"), RG_WORD("mai"), RG_WORD("juni"),
    RG_WORD("juli"), RG_WORD("august"), RG_WORD("september"),
    RG_WORD("oktober"), RG_WORD("november"), RG_WORD("dezember"),
    RG_WORD("jan"), RG_WORD("feb"), RG_WORD("mär"), RG_WORD("mrz"),
    RG_WORD("apr"), RG_WORD("jun"), RG_WORD("jul"), RG_WORD("aug"),
    RG_WORD("sep"), RG_WORD("sept"), RG_WORD("okt"), RG_WORD("nov"),
    RG_WORD("dez"), RG_WORD("january"), RG_WORD("february"), RG_WORD("march"),
    RG_WORD("may"), RG_WORD("june"), RG_WORD("july"), RG_WORD("october"),
    RG_WORD("december"), RG_WORD("mar"), RG_WORD("oct"), RG_WORD("dec"),
    RG_WORD("montag"), RG_WORD("dienstag"), RG_WORD("mittwoch"),
    RG_WORD("donnerstag"), RG_WORD("freitag"), RG_WORD("samstag"),
    RG_WORD("sonnabend"), RG_WORD("sonntag"), RG_WORD("mo"), RG_WORD("di"),
    RG_WORD("mi"), RG_WORD("do"), RG_WORD("fr"), RG_WORD("sa"), RG_WORD("so"),
    RG_WORD("monday"), RG_WORD("tuesday"), RG_WORD("wednesday"),
    RG_WORD("thursday"), RG_WORD("friday"), RG_WORD("saturday"),
    RG_WORD("sunday"), RG_WORD("uhr"), RG_WORD("am"), RG_WORD("um"),
    RG_WORD("vor"), RG_WORD("seit"), RG_WORD("ago"), RG_WORD("a"),
    RG_WORD("an"), RG_WORD("stand"), RG_WORD("aktualisiert"),
    RG_WORD("veröffentlicht"), RG_WORD("erstellt"), RG_WORD("zuletzt"),
    RG_WORD("update"), RG_WORD("updated"), RG_WORD("published"),
    RG_WORD("heute"), RG_WORD("gestern"), RG_WORD("sekunde"),
    RG_WORD("sekunden"), RG_WORD("minute"), RG_WORD("minuten"), RG_WORD("min"),
    RG_WORD("stunde"), RG_WORD("stunden"), RG_WORD("std"), RG_WORD("tag"),
    RG_WORD("tage"), RG_WORD("tagen"), RG_WORD("woche"), RG_WORD("wochen"),
    RG_WORD("monat"), RG_WORD("monate"), RG_WORD("monaten"), RG_WORD("jahr"),
    RG_WORD("jahre"), RG_WORD("jahren"), RG_WORD("second"), RG_WORD("seconds"),
    RG_WORD("minutes"), RG_WORD("hour"), RG_WORD("hours"), RG_WORD("day"),
    RG_WORD("days"), RG_WORD("week"), RG_WORD("weeks"), RG_WORD("month"),
    RG_WORD("months"), RG_WORD("year"), RG_WORD("years"), RG_WORD("h"),
    RG_WORD("mez"), RG_WORD("mesz"), RG_WORD("cet"), RG_WORD("cest"),
    RG_WORD("utc"), RG_WORD("gmt")};

rg_boilerplate *rg_i_boilerplate_new(const rg_strtab *phrases)
{
    rg_boilerplate *bp = rg_i_xcalloc(1, sizeof(*bp));
    size_t n = phrases ? phrases->n : 0;
    rg_i_strtab_init(&bp->exact);
    bp->exact_opener = rg_i_xcalloc(n ? n : 1, 1);
    bp->ph = rg_i_xcalloc(n ? n : 1, sizeof(*bp->ph));
    bp->by_first = rg_i_xcalloc(n ? n : 1, sizeof(*bp->by_first));
    bp->suffixed = rg_i_xcalloc(n ? n : 1, sizeof(*bp->suffixed));
    bp->floating = rg_i_xcalloc(n ? n : 1, sizeof(*bp->floating));
    rg_buf b;
    rg_i_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        const char *s = phrases->str[i];
        size_t len = phrases->len[i];
        uint8_t opener = 0;
        if (len > 0 && s[0] == '>') {
            opener = 1;
            s++, len--;
        }
        rg_i_buf_reset(&b);
        S_fold(&b, s, len);
        if (b.data[0] == '\0')
            continue;
        size_t flen = strlen(b.data);
        if (!strchr(b.data, '*')) {
            int32_t id = rg_i_strtab_intern(&bp->exact, b.data, flen);
            bp->exact_opener[id] |= opener;
            if (flen > bp->exact_max)
                bp->exact_max = flen;
            continue;
        }
        S_phrase *ph = &bp->ph[bp->n];
        ph->text = rg_i_xstrdup(b.data);
        ph->len = flen;
        ph->mtext = rg_i_xmalloc(flen + 1);
        S_m_copy(ph->mtext, b.data, flen + 1);
        ph->need = S_longest_piece(b.data);
        ph->need_len = strlen(ph->need);
        if (ph->need_len >= 8) {
            unsigned char nb[8], mb[8];
            for (size_t k = 0; k < 8; k++) {
                nb[k] = (unsigned char)(ph->need[k] | 0x20);
                mb[k] = ph->need[k] == 's' ? 0 : 0xFF;
            }
            memcpy(&ph->need8, nb, 8);
            memcpy(&ph->need8_mask, mb, 8);
        }
        ph->pre = strcspn(b.data, "*");
        ph->suf = flen - 1 - (size_t)(strrchr(b.data, '*') - b.data);
        ph->opener = opener;
        size_t stars = 0;
        for (const char *q = b.data; (q = strchr(q, '*')) != NULL; q++)
            stars++;
        ph->sure = stars == 1 ? ph->pre + ph->suf > 0
                              : stars == 2 && ph->pre == 0 && ph->suf == 0 &&
                                    ph->need_len >= 4 && ph->need_len + 2 == flen;
        if (ph->pre == 0 && ph->suf > 0) {
            bp->suffixed[bp->n_suffixed++] = (uint32_t)bp->n;
        } else if (ph->pre == 0) {
            bp->floating[bp->n_floating++] = (uint32_t)bp->n;
        }
        bp->n++;
    }
    bp->step = S_GRAM_STEP_MAX;
    for (size_t j = 0; j < bp->n_floating; j++) {
        size_t need = bp->ph[bp->floating[j]].need_len;
        if (need >= 4 && need - 3 < bp->step)
            bp->step = need - 3;
    }
    bp->grams = rg_i_xmalloc((bp->n_floating ? bp->n_floating : 1) * bp->step *
                             sizeof(*bp->grams));
    for (size_t j = 0; j < bp->n_floating; j++) {
        const S_phrase *ph = &bp->ph[bp->floating[j]];
        if (ph->need_len < 4)
            continue;
        /* Any `step` windows in a row of the piece do; those of rare
         * letters are rarer in a text ("der " is everywhere), so fewer
         * windows of lines hit the bitmap for nothing. */
        size_t q = 0, best = SIZE_MAX;
        for (size_t r = 0; r + bp->step + 3 <= ph->need_len; r++) {
            size_t common = 0;
            for (size_t o = r; o < r + bp->step; o++)
                for (size_t k = o; k < o + 4; k++)
                    common += S_common(ph->need[k]);
            if (common < best) {
                best = common;
                q = r;
            }
        }
        for (size_t o = q; o < q + bp->step; o++) {
            uint32_t g = S_gram_at(ph->need + o);
            size_t bit = S_gram_bit(g);
            bp->gram[bit] = 1;
            bp->grams[bp->n_grams++] = (S_gram_entry){g, (uint32_t)j, (uint32_t)o};
        }
    }
    qsort(bp->grams, bp->n_grams, sizeof(*bp->grams), S_cmp_gram);
    bp->tail = 4;
    for (size_t j = 0; j < bp->n_suffixed; j++)
        if (bp->ph[bp->suffixed[j]].suf < bp->tail)
            bp->tail = bp->ph[bp->suffixed[j]].suf;
    for (size_t j = 0; j < bp->n_suffixed; j++) {
        const S_phrase *ph = &bp->ph[bp->suffixed[j]];
        size_t bit = S_tail_bit(ph->text + ph->len - bp->tail, bp->tail);
        bp->tails[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
    for (size_t e = 0; e < bp->n_grams; e++)
        bp->gram_at[(S_gram_bit(bp->grams[e].gram) >> 8) + 1]++;
    for (size_t k = 1; k <= 256; k++)
        bp->gram_at[k] += bp->gram_at[k - 1];
    bp->float_long = rg_i_xcalloc(bp->n_floating / 64 + 1, sizeof(*bp->float_long));
    for (size_t j = 0; j < bp->n_floating; j++)
        if (bp->ph[bp->floating[j]].need_len >= 4)
            bp->float_long[j / 64] |= (uint64_t)1 << (j % 64);
    /* The raw forms of the windows, for the long plain lines: a fold
     * byte 's' may be half of a ß (0xC3 0x9F), every other byte is itself
     * or its capital, which the OR with 0x20 makes one. */
    bp->rgrams = rg_i_xmalloc((bp->n_grams ? bp->n_grams : 1) * 16 * sizeof(*bp->rgrams));
    for (size_t e = 0; e < bp->n_grams; e++) {
        unsigned char wb[4];
        memcpy(wb, &bp->grams[e].gram, 4);
        /* choice per byte: 0 itself, 1 0xC3 (ß starts), 2 0x9F (ß ends);
         * without an 's', only the window itself */
        unsigned combos = memchr(wb, 's', 4) ? 81 : 1;
        for (unsigned combo = 0; combo < combos; combo++) {
            unsigned ch[4], x = combo;
            int okc = 1;
            for (size_t k = 0; k < 4; k++, x /= 3)
                ch[k] = x % 3;
            for (size_t k = 0; k < 4 && okc; k++) {
                if (ch[k] && wb[k] != 's')
                    okc = 0;
                else if (ch[k] == 1 && k < 3 && ch[k + 1] != 2)
                    okc = 0;
                else if (ch[k] == 2 && k > 0 && ch[k - 1] != 1)
                    okc = 0;
            }
            if (!okc)
                continue;
            unsigned char r[4];
            for (size_t k = 0; k < 4; k++)
                r[k] = ch[k] == 1 ? 0xC3 : ch[k] == 2 ? 0x9F : wb[k];
            uint32_t g;
            memcpy(&g, r, 4);
            g |= 0x20202020u;
            bp->rgram[S_gram_bit(g)] = 1;
            bp->rgrams[bp->n_rgrams++] =
                (S_gram_entry){g, bp->grams[e].j, bp->grams[e].o};
        }
    }
    qsort(bp->rgrams, bp->n_rgrams, sizeof(*bp->rgrams), S_cmp_gram);
    for (size_t e = 0; e < bp->n_rgrams; e++)
        bp->rgram_at[(S_gram_bit(bp->rgrams[e].gram) >> 8) + 1]++;
    for (size_t k = 1; k <= 256; k++)
        bp->rgram_at[k] += bp->rgram_at[k - 1];
    /* Lines not folded: longer than every exact phrase and than a date
     * line, with the ends of the phrases within their first and last
     * S_LAZY_END bytes, and every floating phrase looked for by window. */
    bp->lazy_ok = 1;
    bp->lazy_min = bp->exact_max > S_LAZY_END + 8 ? bp->exact_max : S_LAZY_END + 8;
    bp->lazy_pre = S_HASH_HEAD;
    bp->lazy_suf = 8;
    for (size_t k = 0; k < bp->n; k++) {
        if (bp->ph[k].pre > bp->lazy_pre)
            bp->lazy_pre = bp->ph[k].pre;
        if (bp->ph[k].suf > bp->lazy_suf)
            bp->lazy_suf = bp->ph[k].suf;
    }
    bp->lazy_pre = (bp->lazy_pre + 15) / 16 * 16;
    bp->lazy_suf = (bp->lazy_suf + 15) / 16 * 16;
    if (bp->lazy_pre > S_LAZY_END || bp->lazy_suf > S_LAZY_END)
        bp->lazy_ok = 0;
    for (size_t j = 0; j < bp->n_floating; j++)
        if (bp->ph[bp->floating[j]].need_len < 4)
            bp->lazy_ok = 0;
    /* Group the phrases that start with text by their first byte (a
     * counting sort, keeping the order within a byte). */
    for (size_t k = 0; k < bp->n; k++)
        if (bp->ph[k].pre > 0)
            bp->first[(unsigned char)bp->ph[k].text[0] + 1]++;
    for (size_t c = 1; c <= 256; c++)
        bp->first[c] += bp->first[c - 1];
    uint32_t fill[256];
    memcpy(fill, bp->first, sizeof(fill));
    for (size_t k = 0; k < bp->n; k++)
        if (bp->ph[k].pre > 0)
            bp->by_first[fill[(unsigned char)bp->ph[k].text[0]]++] = (uint32_t)k;
    /* The same for the lines left unfolded, by S_m of the bytes. */
    bp->by_mfirst = rg_i_xcalloc(n ? n : 1, sizeof(*bp->by_mfirst));
    for (size_t k = 0; k < bp->n; k++)
        if (bp->ph[k].pre > 0)
            bp->mfirst[(unsigned char)bp->ph[k].mtext[0] + 1]++;
    for (size_t c = 1; c <= 256; c++)
        bp->mfirst[c] += bp->mfirst[c - 1];
    memcpy(fill, bp->mfirst, sizeof(fill));
    for (size_t k = 0; k < bp->n; k++)
        if (bp->ph[k].pre > 0)
            bp->by_mfirst[fill[(unsigned char)bp->ph[k].mtext[0]]++] = (uint32_t)k;
    for (size_t j = 0; j < bp->n_suffixed; j++) {
        const S_phrase *ph = &bp->ph[bp->suffixed[j]];
        size_t bit = S_tail_bit(ph->mtext + ph->len - bp->tail, bp->tail);
        bp->mtails[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
    rg_i_buf_destroy(&b);
    rg_i_strtab_init(&bp->dates);
    for (size_t i = 0; i < RG_COUNT(S_date_words); i++)
        rg_i_strtab_intern(&bp->dates, S_date_words[i].s, S_date_words[i].len);
    return bp;
}

void rg_i_boilerplate_free(rg_boilerplate *bp)
{
    if (!bp)
        return;
    for (size_t i = 0; i < bp->n; i++) {
        free(bp->ph[i].text);
        free(bp->ph[i].mtext);
        free(bp->ph[i].need);
    }
    rg_i_strtab_destroy(&bp->exact);
    rg_i_strtab_destroy(&bp->dates);
    free(bp->exact_opener);
    free(bp->ph);
    free(bp->by_first);
    free(bp->suffixed);
    free(bp->floating);
    free(bp->float_long);
    free(bp->grams);
    free(bp->rgrams);
    free(bp->by_mfirst);
    free(bp);
}

/* Records in *furn and *opener whether phrase ph matches the line f. */
static void S_try(const S_phrase *ph, const char *f, int *furn, uint8_t *opener)
{
    if (ph->sure || S_glob(ph->text, f)) {
        *furn = 1;
        *opener |= ph->opener;
    }
}

/*
 * Whether the folded line f[0..n) matches a phrase: sets *furn, and ORs
 * into *opener whether a matching phrase is a list opener.
 */
static void S_match_phrases(const rg_boilerplate *bp, const char *f, size_t n,
                            int *furn, uint8_t *opener)
{
    int32_t id = n <= bp->exact_max ? rg_i_strtab_find(&bp->exact, f, n) : -1;
    if (id >= 0) {
        *furn = 1;
        *opener |= bp->exact_opener[id];
    }
    unsigned char c0 = (unsigned char)f[0];
    for (uint32_t j = bp->first[c0]; j < bp->first[c0 + 1]; j++) {
        const S_phrase *ph = &bp->ph[bp->by_first[j]];
        if (ph->pre + ph->suf <= n && memcmp(f, ph->text, ph->pre) == 0 &&
            memcmp(f + n - ph->suf, ph->text + ph->len - ph->suf, ph->suf) == 0)
            S_try(ph, f, furn, opener);
    }
    size_t tb = n >= bp->tail ? S_tail_bit(f + n - bp->tail, bp->tail) : 0;
    int may_end = bp->tail == 0 ||
                  (n >= bp->tail && (bp->tails[tb / 64] >> (tb % 64) & 1));
    for (size_t j = 0; may_end && j < bp->n_suffixed; j++) {
        const S_phrase *ph = &bp->ph[bp->suffixed[j]];
        if (ph->suf <= n && f[n - 1] == ph->text[ph->len - 1] &&
            memcmp(f + n - ph->suf, ph->text + ph->len - ph->suf, ph->suf) == 0)
            S_try(ph, f, furn, opener);
    }
    if (!bp->n_floating)
        return;
    /* One pass for the floating phrases: a window whose bit is set may
     * start the needed piece of one of them; in chunks of 64 phrases. */
    for (size_t base = 0; base < bp->n_floating; base += 64) {
        size_t cn = bp->n_floating - base < 64 ? bp->n_floating - base : 64;
        const uint32_t *fl = bp->floating + base;
        uint64_t all = cn == 64 ? ~(uint64_t)0 : ((uint64_t)1 << cn) - 1;
        /* bit j: fl[j] found / looked for */
        uint64_t left = n < 4 ? 0 : bp->float_long[base / 64];
        uint64_t found = all & ~left;
        const size_t step = bp->step, last = left ? n : 0;   /* none: no pass */
        for (size_t i = 0; i + 4 <= last; i += step) {
            uint32_t g = S_gram_at(f + i);
            size_t bit = S_gram_bit(g);
            if (!bp->gram[bit])
                continue;
            for (size_t e = bp->gram_at[bit >> 8]; e < bp->gram_at[(bit >> 8) + 1];
                 e++) {
                if (bp->grams[e].gram != g)
                    continue;
                size_t j = bp->grams[e].j, o = bp->grams[e].o;
                if (j < base || j >= base + cn || !(left >> (j - base) & 1))
                    continue;
                /* The piece would start o bytes before the window. */
                const S_phrase *ph = &bp->ph[fl[j - base]];
                if (o <= i && i - o + ph->need_len <= n &&
                    memcmp(f + i - o, ph->need, ph->need_len) == 0) {
                    found |= (uint64_t)1 << (j - base);
                    left &= ~((uint64_t)1 << (j - base));
                }
            }
            if (!left)
                break;
        }
        for (size_t j = 0; found; j++, found >>= 1)
            if (found & 1)
                S_try(&bp->ph[fl[j]], f, furn, opener);
    }
}

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

static int S_lower_at(const char *t, size_t i, size_t lo)
{
    unsigned char c = (unsigned char)t[i];
    if (c >= 'a' && c <= 'z')
        return 1;
    /* ä ö ü ß as the last byte of their UTF-8 */
    return i > lo && (unsigned char)t[i - 1] == 0xC3 &&
           (c == 0xA4 || c == 0xB6 || c == 0xBC || c == 0x9F);
}

static int S_letter_at(const char *t, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Length of a closing quote or bracket at t[i..e), 0 if none: " ' ) and
 * “ ” ’ « », the ASCII ones one byte each, the others 0xE2 0x80 and
 * 0x9C 0x9D 0x99, or 0xC2 and 0xAB 0xBB (byte compares: every line end
 * and every sentence end glued to a block passes here). */
static size_t S_closer(const char *t, size_t i, size_t e)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80)
        return c == '"' || c == '\'' || c == ')';
    if (c == 0xE2) {
        unsigned char d = i + 3 <= e ? (unsigned char)t[i + 2] : 0;
        return i + 3 <= e && (unsigned char)t[i + 1] == 0x80 &&
                       (d == 0x9C || d == 0x9D || d == 0x99)
                   ? 3
                   : 0;
    }
    if (c == 0xC2)
        return i + 2 <= e && ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBB)
                   ? 2
                   : 0;
    return 0;
}

/* Length of a closing quote or bracket that ends at t[k], not before
 * t[lo]; 0 if none. */
static size_t S_closer_before(const char *t, size_t lo, size_t k)
{
    if ((unsigned char)t[k - 1] < 0x80)   /* only a one-byte closer */
        return S_closer(t, k - 1, k);
    for (size_t l = 1; l <= 3 && l <= k - lo; l++)
        if (S_closer(t, k - l, k) == l)
            return l;
    return 0;
}

/* Uppercase letter at t[i..e): A-Z, Ä Ö Ü. */
static int S_upper_at(const char *t, size_t i, size_t e)
{
    unsigned char c = (unsigned char)t[i];
    if (c >= 'A' && c <= 'Z')
        return 1;
    return i + 1 < e && c == 0xC3 &&
           ((unsigned char)t[i + 1] == 0x84 || (unsigned char)t[i + 1] == 0x96 ||
            (unsigned char)t[i + 1] == 0x9C);
}

/*
 * The words of t[s, e) (S_WORDS_MAX + 1 for more): non-space bytes after a
 * space or at s.  Eight
 * bytes at a time (every byte of every line passes here): per byte, bit 7
 * of `ws` says whether it is whitespace (' ', or 9..13 without bit 7), of
 * `start` whether a word starts there; the count is the sum of the bits.
 */
static uint32_t S_count_words(const char *t, size_t s, size_t e)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL,
                   low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint32_t words = 0;
    uint64_t before = 0x80;   /* bit 7: the byte before is whitespace */
    size_t i = s;
    for (; i + 8 <= e; i += 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        uint64_t z = w ^ (ones * ' '), x = w & low7;
        uint64_t ws = ~(((z & low7) + low7) | z) & highs;   /* ' ' */
        ws |= (x + ones * (0x80 - '\t')) & ~(x + ones * (0x80 - '\r' - 1)) &
              ~w & highs;                                  /* 9..13 */
        uint64_t start = ~ws & highs & (ws << 8 | before);
        words += (uint32_t)(((start >> 7) * ones) >> 56);
        before = ws >> 56;
        if (words > S_WORDS_MAX)   /* a paragraph: no need to count on */
            return S_WORDS_MAX + 1;
    }
    for (int prev = before != 0; i < e; i++) {
        int ws = S_ws((unsigned char)t[i]);
        words += (uint32_t)((ws ^ 1) & prev);
        prev = ws;
    }
    return words > S_WORDS_MAX ? S_WORDS_MAX + 1 : words;
}

/* Adds the unit t[s, e) without whitespace at its ends, if any is left
 * (in the loop over the lines: once per line). */
static S_HOT_INLINE void S_add_unit(S_unit **v, size_t *n, size_t *cap, const char *t,
                                    size_t s, size_t e, int glued)
{
    while (s < e && S_ws((unsigned char)t[s]))
        s++;
    while (e > s && S_ws((unsigned char)t[e - 1]))
        e--;
    /* Only a line of whitespace is left blank (a glued tail and the part
     * before it hold a sentence end and a capital): no unit, as every rule
     * looks through blank lines (about every other line of a text). */
    if (s == e)
        return;
    RG_GROW(*v, *cap, *n + 1);
    S_unit *u = &(*v)[(*n)++];
    memset(u, 0, sizeof(*u));
    u->s = s;
    u->e = e;
    u->glued = (uint8_t)glued;   /* words: counted with the fold */
    /* end punctuation, looking through closing quotes and brackets (most
     * lines end with a letter or '.') */
    size_t k = e;
    for (size_t back; k > s; k -= back) {
        unsigned char c = (unsigned char)t[k - 1];
        if (c < 0x80)
            back = c == '"' || c == '\'' || c == ')';
        else
            back = S_closer_before(t, s, k);
        if (!back)
            break;
    }
    if (k > s) {
        char c = t[k - 1];
        u->endp = c == '.' || c == '!' || c == '?' ||
                  (k - s >= 3 && memcmp(t + k - 3, "\xE2\x80\xA6", 3) == 0);
    }
}

/* At the sentence end t[i] of the line from t[ls] (t[le] at the latest
 * its end or beyond it): when a block is glued on there, adds the unit
 * before it (from us) and returns where the glued tail starts (*glued =
 * 1); else returns us. */
static size_t S_stop(S_unit **v, size_t *n, size_t *cap, const char *t, size_t ls,
                     size_t le, size_t i, size_t us, int *glued)
{
    if (!S_lower_at(t, i - 1, ls) || !S_letter_at(t, i - 2))
        return us;
    size_t j = i + 1, q;
    while (j < le && (q = S_closer(t, j, le)) > 0)
        j += q;
    if (j < le && S_upper_at(t, j, le)) {
        S_add_unit(v, n, cap, t, us, j, *glued);
        *glued = 1;
        return j;
    }
    return us;
}

/*
 * Splits text into units: lines, and glued tails ("Satz.Nächster Block")
 * of a line.  One pass over the text for the line breaks and the sentence
 * ends at once, thirty-two bytes a step, taken in their order.  S_stop is
 * given the text's end for the line's: a closer or a capital cannot
 * reach over the line break, which is neither.  It glues nothing on at an
 * end followed by a space or a line break (as in prose), so those are
 * not looked at.
 */
static size_t S_units(S_unit **v, size_t *cap, const char *t, size_t len)
{
    size_t n = 0, ls = 0, us = 0;   /* the line's start, the unit's */
    int glued = 0;
    size_t i = 0;
#ifdef S_SSE2
    const __m128i nlv = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'),
                  bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
                  space = _mm_set1_epi8(' ');
    for (size_t lim = len - 33; len >= 33 && i <= lim; i += 32) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(t + i)),
                v1 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 16));
        __m128i e0 = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v0, dot), _mm_cmpeq_epi8(v0, bang)),
                                  _mm_cmpeq_epi8(v0, ask));
        __m128i e1 = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v1, dot), _mm_cmpeq_epi8(v1, bang)),
                                  _mm_cmpeq_epi8(v1, ask));
        __m128i l0 = _mm_cmpeq_epi8(v0, nlv), l1 = _mm_cmpeq_epi8(v1, nlv);
        __m128i any = _mm_or_si128(_mm_or_si128(e0, e1), _mm_or_si128(l0, l1));
        if (!_mm_movemask_epi8(any))
            continue;
        uint64_t nl = (uint64_t)(unsigned)_mm_movemask_epi8(l0) |
                      (uint64_t)(unsigned)_mm_movemask_epi8(l1) << 16;
        uint64_t se = (uint64_t)(unsigned)_mm_movemask_epi8(e0) |
                      (uint64_t)(unsigned)_mm_movemask_epi8(e1) << 16;
        if (se) {
            uint64_t after = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v0, space)) |
                             (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v1, space)) << 16 |
                             nl | (uint64_t)((t[i + 32] == ' ') | (t[i + 32] == '\n')) << 32;
            se &= ~(after >> 1);
        }
        for (uint64_t ev = se | nl; ev; ev &= ev - 1) {
            size_t p = i + (size_t)__builtin_ctzll(ev);
            if (t[p] == '\n') {
                if (p > us)   /* else a blank line: no unit */
                    S_add_unit(v, &n, cap, t, us, p, glued);
                ls = us = p + 1;
                glued = 0;
            } else if (p >= ls + 2) {
                us = S_stop(v, &n, cap, t, ls, len, p, us, &glued);
            }
        }
    }
#endif
    for (; i < len; i++) {
        char c = t[i];
        if (c == '\n') {
            if (i > us)
                S_add_unit(v, &n, cap, t, us, i, glued);
            ls = us = i + 1;
            glued = 0;
        } else if ((c == '.' || c == '!' || c == '?') && i >= ls + 2) {
            us = S_stop(v, &n, cap, t, ls, len, i, us, &glued);
        }
    }
    if (len > us)   /* the last line, without a line break */
        S_add_unit(v, &n, cap, t, us, len, glued);
    return n;
}

/* ------------------------------------------------------------------ */
/* Shape rules                                                         */
/* ------------------------------------------------------------------ */


static int S_date_word(const rg_boilerplate *bp, const char *w, size_t n)
{
    if (bp)
        return rg_i_strtab_find(&bp->dates, w, n) >= 0;
    for (size_t i = 0; i < RG_COUNT(S_date_words); i++)
        if (S_date_words[i].len == n && memcmp(S_date_words[i].s, w, n) == 0)
            return 1;
    return 0;
}

/* Whether s[0..n) has a digit: eight bytes at a time, bytes that are
 * below 10 after an XOR with '0' (exact for "any": a borrow only marks
 * bytes after a true one). */
static int S_has_digit(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w ^= ones * '0';
        if ((w - ones * 10) & ~w & highs)
            return 1;
    }
    for (; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* A line that is only a date or time (folded form f[0..len)). */
static int S_is_date(const rg_boilerplate *bp, const char *f, size_t len)
{
    size_t words = 0, digits = 0;
    /* no digit, no date: most short lines go without a word looked up */
    if (len == 0 || len > 60 || !S_has_digit(f, len))
        return 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)f[i];
        if (c >= '0' && c <= '9') {
            digits++;
            while (i < len && f[i] >= '0' && f[i] <= '9')
                i++;
        } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
            size_t s = i;
            while (i < len && (((unsigned char)f[i] >= 'a' && (unsigned char)f[i] <= 'z') ||
                               (unsigned char)f[i] >= 0x80))
                i++;
            if (!S_date_word(bp, f + s, i - s))
                return 0;
            words++;
        } else if (c == '.' || c == ',' || c == ':' || c == '/' || c == '-' ||
                   c == ' ' || c == '(' || c == ')' || c == '|') {
            i++;
        } else {
            return 0;
        }
    }
    return digits > 0 && words <= 6;
}

/* A few words ending in a duration "18:17" or "1:02:33" (video widget). */
static int S_is_video(const S_unit *u, const char *f)
{
    if (u->endp || u->words < 2 || u->words > 10)
        return 0;
    size_t n = strlen(f);
    if (n >= 4 && memcmp(f + n - 4, " min", 4) == 0)
        n -= 4;
    size_t i = n, groups = 0;
    for (;;) {
        size_t d = 0;
        while (i > 0 && f[i - 1] >= '0' && f[i - 1] <= '9')
            i--, d++;
        if (d < 1 || d > 2)
            return 0;
        groups++;
        if (i > 0 && f[i - 1] == ':') {
            i--;
            continue;
        }
        break;
    }
    return groups >= 2 && i > 0 && f[i - 1] == ' ';
}

/* The unit that holds byte `pos`, by binary search. */
static size_t S_unit_at(const S_unit *u, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (u[mid].s <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Headline-shaped and short enough to be a teaser, not a paragraph. */
static int S_weak(const S_unit *u)
{
    return !u->furn && !u->endp && u->words <= 30;
}

/* Length of unit i without its end punctuation, quotes and spaces, which
 * the quotation inside the paragraph may place differently ("…", sagt er). */
static size_t S_quote_core(const S_unit *u, const char *text)
{
    size_t m = u->e - u->s;
    for (size_t q; m > 0; m -= q) {
        char c = text[u->s + m - 1];
        q = c == '.' || c == '!' || c == '?' || c == ' '
                ? 1
                : S_closer_before(text, u->s, u->s + m);
        if (!q)
            break;
    }
    return m;
}

#define S_QUOTE_MIN 40   /* bytes a pull quote has at least */

#define S_QUOTE_KEY 8     /* bytes of a window: its key, as they are */

/* Bytes between the windows the pull-quote search looks at: a quotation
 * is S_QUOTE_MIN bytes or more, so a window at every S_QUOTE_STEP-th byte
 * falls into it at one of its first S_QUOTE_STEP offsets, and still has
 * its S_QUOTE_KEY bytes inside it.  The search costs text / step windows
 * and candidates × step table entries; about the same at this step for
 * news articles, where every paragraph is a candidate. */
#define S_QUOTE_STEP 24
_Static_assert(S_QUOTE_STEP - 1 + S_QUOTE_KEY <= S_QUOTE_MIN && S_QUOTE_STEP <= 32,
               "a window at every step lies inside every quotation");

/* Sets the n bytes at p (a multiple of 16, p aligned for uint64_t) to
 * the byte b: by sixteen bytes a step, where memset of a few KiB went by
 * the byte (rep stosb). */
static void S_fill(void *p, int b, size_t n)
{
#ifdef S_SSE2
    const __m128i v = _mm_set1_epi8((char)b);
    for (size_t k = 0; k < n; k += 16)
        _mm_storeu_si128((__m128i *)(void *)((char *)p + k), v);
#else
    memset(p, b, n);
#endif
}

static uint64_t S_key_at(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* The key's mix: its top 16 bits pick its bit in the bitmap, the bits
 * below them its slot. */
static uint64_t S_key_mix(uint64_t w)
{
    return w * 0x9E3779B97F4A7C15ULL;
}

/*
 * Marks the pull quotes: units that are a sentence of 6+ words whose text
 * (S_quote_core, >= S_QUOTE_MIN bytes) first occurs elsewhere inside a
 * longer unit.  One pass over the text finds the first other occurrence
 * of every candidate at once, so this stays linear in the document
 * (searching the text once per line would be quadratic): at every
 * S_QUOTE_STEP-th byte, the next S_QUOTE_KEY bytes (a window) are looked
 * up in the table of the candidates' windows at their first S_QUOTE_STEP
 * offsets, which says where the candidate would start.  Before the table,
 * a bitmap of 65536 bits of the windows' mixes: most windows stop there.
 */
static void S_pull_quotes(rg_boilerplate_scratch *sc, S_unit *u, size_t n, const char *text,
                          size_t len)
{
    enum { S = S_QUOTE_STEP };
    uint64_t *pairs = NULL;
    int32_t *slot = NULL, *next = NULL;
    size_t nc = 0;
    /* cand, core, first and start in one block, room for every unit */
    RG_GROW(sc->cand, sc->cap_cand, 4 * (n ? n : 1));
    size_t *cand = sc->cand;
    size_t *core = cand + n, *first = core + n, *start = first + n;
    for (size_t i = 0; i < n; i++) {
        if (u[i].furn || u[i].glued || !u[i].endp || u[i].words < 6)
            continue;
        size_t m = S_quote_core(&u[i], text);
        if (m < S_QUOTE_MIN)
            continue;
        cand[nc] = i;
        start[nc] = u[i].s;
        core[nc] = m;
        first[nc++] = SIZE_MAX;
    }
    if (nc == 0 || len < S_QUOTE_MIN)
        return;
    /* Window e = c * 32 + o: candidate c's bytes from offset o. */
    size_t ne = nc * S;
    RG_GROW(sc->next, sc->cap_next, nc * 32);
    next = sc->next;
    size_t nslots = 16;
    while (nslots < 2 * ne)
        nslots *= 2;
    const size_t mask = nslots - 1;
    /* slot and the bitmap in one block */
    RG_GROW(sc->pairs, sc->cap_pairs, 65536 / 64 + (nslots * sizeof(*slot) + 7) / 8);
    pairs = sc->pairs;
    slot = (int32_t *)(void *)(pairs + 65536 / 64);
    S_fill(pairs, 0, 65536 / 8);
    S_fill(slot, 0xFF, nslots * sizeof(*slot));   /* -1: empty */
    for (size_t c = 0; c < nc; c++) {
        const char *w = text + start[c];
        for (size_t o = 0; o < S; o++) {
            uint64_t h = S_key_mix(S_key_at(w + o));
            size_t pair = (size_t)(h >> 48), k = (size_t)(h >> 16) & mask;
            pairs[pair / 64] |= (uint64_t)1 << (pair % 64);
            next[c * 32 + o] = slot[k];
            slot[k] = (int32_t)(c * 32 + o);
        }
    }
    /* An occurrence at j (j + core >= j + S_QUOTE_MIN <= len) has a window
     * at one i in [j, j + S), with its S_QUOTE_KEY bytes before len. */
    const size_t last = len - S_QUOTE_KEY;   /* len >= S_QUOTE_MIN */
    for (size_t i = 0; i <= last; i += S) {
        uint64_t kw = S_key_at(text + i), h = S_key_mix(kw);
        size_t pair = (size_t)(h >> 48);
        if (!(pairs[pair / 64] & ((uint64_t)1 << (pair % 64))))
            continue;
        for (int32_t e = slot[(size_t)(h >> 16) & mask]; e >= 0; e = next[e]) {
            /* Windows come in the order of their starts, so an earlier
             * occurrence can only come from the same window. */
            size_t c = (size_t)e >> 5, o = (size_t)e & 31, xs = start[c];
            if (o > i || S_key_at(text + xs + o) != kw)
                continue;
            size_t j = i - o;
            /* the core's first and last 8 bytes before all of it */
            if (j < first[c] && j != xs && j + core[c] <= len &&
                S_key_at(text + j) == S_key_at(text + xs) &&
                S_key_at(text + j + core[c] - 8) == S_key_at(text + xs + core[c] - 8) &&
                memcmp(text + j, text + xs, core[c]) == 0)
                first[c] = j;
        }
    }
    for (size_t c = 0; c < nc; c++) {
        if (first[c] == SIZE_MAX)
            continue;
        size_t i = cand[c], o = S_unit_at(u, n, first[c]);
        if (o != i && u[o].e - u[o].s > u[i].e - u[i].s)
            u[i].furn = 1;
    }
}

/*
 * The lines seen so far, for the repeat rule: unit indices in an
 * open-addressing table, compared by their folds in the fold buffer (a
 * string table would copy every line of every document).  Sized once for
 * all units of the document, so it never grows.
 */
typedef struct S_seen {
    S_seen_slot *slot;
    size_t mask;
} S_seen;

static void S_seen_init(S_seen *st, rg_boilerplate_scratch *sc, size_t n)
{
    size_t nslots = 16;
    while (nslots < 2 * n)
        nslots *= 2;
    RG_GROW(sc->seen, sc->cap_seen, nslots);
    st->slot = sc->seen;
    /* every byte 0xFF: unit -1 (the tag of an empty slot is not read) */
    S_fill(st->slot, 0xFF, nslots * sizeof(*st->slot));
    st->mask = nslots - 1;
}

/* A hash of the line f[0..n) (n > S_HASH_HEAD + 8) for the table of
 * lines seen: of its first S_HASH_HEAD and last 8 bytes and its length.
 * Enough to tell lines apart (the table compares the lines too), without
 * reading every byte of every paragraph.  Of S_m of those bytes, so a
 * long plain line left unfolded gives it from its bytes, as its fold. */
static inline uint64_t S_ends_hash(const char *f, size_t n)
{
    uint64_t w[6];
#ifdef S_SSE2
    const __m128i x20 = _mm_set1_epi8(0x20), es = _mm_set1_epi8((char)0xE3),
                  bf = _mm_set1_epi8((char)0xBF), ss = _mm_set1_epi8('s');
    const char *at[3] = {f, f + 16, f + n - 16};
    for (size_t k = 0; k < 3; k++) {
        __m128i v = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)at[k]), x20);
        __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, es), _mm_cmpeq_epi8(v, bf));
        v = _mm_or_si128(_mm_andnot_si128(m, v), _mm_and_si128(m, ss));
        _mm_storeu_si128((__m128i *)(void *)(w + 2 * k), v);
    }
#else
    char b[48];
    S_m_copy(b, f, S_HASH_HEAD);
    S_m_copy(b + S_HASH_HEAD, f + n - 16, 16);
    memcpy(w, b, sizeof(w));
#endif
    const uint64_t k = 0xff51afd7ed558ccdULL;
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL;
    h = (h ^ w[0]) * k;
    h = (h ^ w[1]) * k;
    h = (h ^ w[2]) * k;
    h = (h ^ w[3]) * k;
    h = (h ^ w[5]) * k;
    return h ^ (h >> 29);
}

static uint64_t S_line_hash(const char *f, size_t n)
{
    return n <= S_HASH_HEAD + 8 ? rg_i_hash(f, n) : S_ends_hash(f, n);
}

/* Whether S_m of each byte of r[0..k) is m[0..k). */
static int S_m_eq(const char *r, const char *m, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (S_m((unsigned char)r[i]) != (unsigned char)m[i])
            return 0;
    return 1;
}

/* Folds unit i if it was left unfolded (a long plain line). */
static void S_need_fold(rg_buf *fold, S_unit *u, const char *text, size_t i)
{
    if (u[i].fold != SIZE_MAX)
        return;
    u[i].fold = fold->len;
    S_fold(fold, text + u[i].s, u[i].e - u[i].s);   /* fold_len as it was */
}

/* Adds unit i (its fold's hash h); whether an equal line was there. */
static S_HOT_INLINE int S_seen_add(S_seen *st, S_unit *u, rg_buf *fold, const char *text,
                                   size_t i, uint64_t h)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t flen = u[i].fold_len;
    for (size_t k = (size_t)h & st->mask;; k = (k + 1) & st->mask) {
        int32_t j = st->slot[k].unit;
        if (j < 0) {
            st->slot[k].unit = (int32_t)i;
            st->slot[k].tag = tag;
            return 0;
        }
        if (st->slot[k].tag == tag && u[j].fold_len == flen) {
            /* Two long plain lines of the same bytes fold the same
             * (the headline or paragraph printed twice, as a rule). */
            if (u[j].fold == SIZE_MAX && u[i].fold == SIZE_MAX &&
                memcmp(text + u[j].fa, text + u[i].fa, flen) == 0)
                return 1;
            S_need_fold(fold, u, text, (size_t)j);
            S_need_fold(fold, u, text, i);
            if (memcmp(fold->data + u[j].fold, fold->data + u[i].fold, flen) == 0)
                return 1;
        }
    }
}

/*
 * For a long plain line left unfolded (fold r[0..n) of the text, n >
 * bp->lazy_min): whether a phrase may match it, by the tests
 * S_match_phrases makes before S_glob, on S_m of its first and last
 * bytes against the S_m_copy of the phrases, and the floating phrases by
 * the raw windows (rgram).  Never 0 when one matches.
 */
static int S_lazy_may_match(const rg_boilerplate *bp, const char *r, size_t n)
{
    unsigned char c0 = S_m((unsigned char)r[0]);
    for (uint32_t j = bp->mfirst[c0]; j < bp->mfirst[c0 + 1]; j++) {
        const S_phrase *ph = &bp->ph[bp->by_mfirst[j]];
        if (ph->pre + ph->suf <= n && S_m_eq(r, ph->mtext, ph->pre) &&
            S_m_eq(r + n - ph->suf, ph->mtext + ph->len - ph->suf, ph->suf))
            return 1;
    }
    char end[4];
    if (bp->tail == 4) {
        /* S_m of four bytes at once: ORed with 0x20, and the bytes then
         * 0xE3 or 0xBF (found exactly) made 's' */
        const uint32_t ones = 0x01010101u, low7 = 0x7F7F7F7Fu, highs = 0x80808080u;
        uint32_t x;
        memcpy(&x, r + n - 4, 4);
        x |= ones * 0x20;
        uint32_t a = x ^ (ones * 0xE3), b = x ^ (ones * 0xBF);
        uint32_t za = ~(((a & low7) + low7) | a) & highs,
                 zb = ~(((b & low7) + low7) | b) & highs;
        uint32_t m = ((za | zb) >> 7) * 0xFF;
        x = (x & ~m) | (ones * 's' & m);
        memcpy(end, &x, 4);
    } else {
        for (size_t k = 0; k < bp->tail; k++)
            end[k] = (char)S_m((unsigned char)r[n - bp->tail + k]);
    }
    size_t tb = S_tail_bit(end, bp->tail);
    if (bp->tail == 0 || (bp->mtails[tb / 64] >> (tb % 64) & 1))
        for (size_t j = 0; j < bp->n_suffixed; j++) {
            const S_phrase *ph = &bp->ph[bp->suffixed[j]];
            if (S_m((unsigned char)r[n - 1]) == (unsigned char)ph->mtext[ph->len - 1] &&
                S_m_eq(r + n - ph->suf, ph->mtext + ph->len - ph->suf, ph->suf))
                return 1;
        }
    if (!bp->n_rgrams)
        return 0;
    const size_t step = bp->step, last = n - 4;   /* n > lazy_min >= 72 */
    for (size_t i = 0; i <= last; i += step) {
        uint32_t g = S_gram_at(r + i) | 0x20202020u;
        size_t bit = S_gram_bit(g);
        if (!bp->rgram[bit])
            continue;
        for (size_t e = bp->rgram_at[bit >> 8]; e < bp->rgram_at[(bit >> 8) + 1]; e++) {
            if (bp->rgrams[e].gram != g)
                continue;
            size_t o = bp->rgrams[e].o;
            const S_phrase *ph = &bp->ph[bp->floating[bp->rgrams[e].j]];
            if (o <= i && i - o + ph->need_len <= n &&
                S_plain_may_have(r + i - o, ph) &&
                S_plain_has(r, n, i - o, ph->need, ph->need_len))
                return 1;
        }
    }
    return 0;
}

/* The words of unit u, from S_fold's count or counted. */
static uint32_t S_unit_words(size_t folded, const char *text, size_t s, size_t e)
{
    if (folded == SIZE_MAX)
        return S_count_words(text, s, e);
    return folded > S_WORDS_MAX ? S_WORDS_MAX + 1 : (uint32_t)folded;
}

char *rg_i_boilerplate_fold(const char *s, size_t n, uint32_t *words)
{
    rg_buf b;
    rg_i_buf_init(&b);
    size_t w = S_fold(&b, s, n);
    size_t lo = 0, hi = n;   /* as a unit is: without spaces at the ends */
    while (lo < hi && S_ws((unsigned char)s[lo]))
        lo++;
    while (hi > lo && S_ws((unsigned char)s[hi - 1]))
        hi--;
    *words = S_unit_words(w, s, lo, hi);
    return b.data;
}

rg_boilerplate_scratch *rg_i_boilerplate_scratch_new(void)
{
    rg_boilerplate_scratch *sc = rg_i_xcalloc(1, sizeof(*sc));
    rg_i_buf_init(&sc->fold);
    return sc;
}

void rg_i_boilerplate_scratch_free(rg_boilerplate_scratch *sc)
{
    if (!sc)
        return;
    free(sc->u);
    rg_i_buf_destroy(&sc->fold);
    free(sc->seen);
    free(sc->cand);
    free(sc->next);
    free(sc->pairs);
    free(sc);
}

/* A scratch buffer larger than this (a very large document's) is freed
 * rather than kept for the next documents. */
#define S_KEEP_BYTES ((size_t)4 << 20)
#define S_TRIM(v, cap)                                  \
    do {                                                \
        if ((cap) * sizeof(*(v)) > S_KEEP_BYTES) {      \
            free(v);                                    \
            (v) = NULL;                                 \
            (cap) = 0;                                  \
        }                                               \
    } while (0)

size_t rg_i_boilerplate_strip(const rg_boilerplate *bp, char *text, size_t len)
{
    rg_boilerplate_scratch *sc = rg_i_boilerplate_scratch_new();
    size_t blanked = rg_i_boilerplate_strip_with(bp, sc, text, len);
    rg_i_boilerplate_scratch_free(sc);
    return blanked;
}

size_t rg_i_boilerplate_strip_with(const rg_boilerplate *bp, rg_boilerplate_scratch *sc,
                                   char *text, size_t len)
{
    RG_GROW(sc->u, sc->cap_u, len / 64 + 16);   /* about a unit per line */
    size_t n = S_units(&sc->u, &sc->cap_u, text, len);
    S_unit *u = sc->u;
    rg_buf fold = sc->fold;
    fold.len = 0;
    /* Folds are at most as long as their lines but for the rare ones
     * utf8proc lengthens: room for all of them at once. */
    RG_GROW(fold.data, fold.cap, len + 2 * n + 16);
    S_seen seen;
    S_seen_init(&seen, sc, n);
    size_t lazy_min = bp ? (bp->lazy_ok ? bp->lazy_min : SIZE_MAX) : S_LAZY_END + 8;

    /* Every unit has bytes: S_add_unit adds none for a blank line, and
     * the rules below look through blank lines as through nothing. */
    for (size_t i = 0; i < n; i++) {
        size_t sps;
        if (u[i].e - u[i].s > lazy_min &&
            S_plain(text + u[i].s, u[i].e - u[i].s, &sps) && sps >= 12) {
            /* Many words, plain: dates, videos and pipes are short, and
             * the phrases and repeats are decided on the raw bytes and
             * the folded ends, or the line is folded when needed. */
            const char *r = text + u[i].s;
            size_t rn = u[i].e - u[i].s;
            S_trim(&r, &rn);
            if (rn > lazy_min) {
                u[i].fold = SIZE_MAX;
                u[i].fa = (size_t)(r - text);
                u[i].fold_len = rn;
                u[i].words = sps >= S_WORDS_MAX ? S_WORDS_MAX + 1 : (uint32_t)sps + 1;
                continue;
            }
        }
        u[i].fold = fold.len;
        size_t words = S_fold(&fold, text + u[i].s, u[i].e - u[i].s);
        u[i].fold_len = fold.len - u[i].fold - 1;
        u[i].words = S_unit_words(words, text, u[i].s, u[i].e);
    }
#define F(i) (fold.data + u[i].fold)

    /* phrase, date, video, pipe, repeat */
    for (size_t i = 0; i < n; i++) {
        size_t flen = u[i].fold_len;
        if (u[i].fold == SIZE_MAX) {   /* a long plain line, not folded */
            const char *r = text + u[i].fa;
            if (bp && S_lazy_may_match(bp, r, flen)) {
                int furn = 0;
                S_need_fold(&fold, u, text, i);
                S_match_phrases(bp, F(i), flen, &furn, &u[i].opener);
                u[i].furn |= (uint8_t)furn;
            }
            if (S_seen_add(&seen, u, &fold, text, i, S_ends_hash(r, flen)))
                u[i].furn = 1;
            continue;
        }
        const char *f = F(i);
        if (bp) {
            int furn = 0;
            S_match_phrases(bp, f, flen, &furn, &u[i].opener);
            u[i].furn |= (uint8_t)furn;
        }
        if (S_is_date(bp, f, flen) || S_is_video(&u[i], f) ||
            (u[i].words <= 12 && memchr(f, '|', flen) && strstr(f, " | ")))
            u[i].furn = 1;
        if (flen >= 12) {   /* repeat: the later copy goes */
            if (S_seen_add(&seen, u, &fold, text, i, S_line_hash(f, flen)))
                u[i].furn = 1;
        }
    }

    /* banner: five or more short lines in a row (blank lines between
     * them do not break the run) */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && u[j].words <= 3 && !u[j].endp && !u[j].glued)
            j++;
        if (j - i >= 5)
            for (size_t k = i; k < j; k++)
                u[k].furn = 1;
        i = j > i ? j : i + 1;
    }

    /* quote: a sentence that also stands inside a longer paragraph */
    S_pull_quotes(sc, u, n, text, len);

    /* list: the headlines under a list opener */
    for (size_t i = 0; i < n; i++) {
        if (!u[i].opener)
            continue;
        for (size_t j = i + 1; j < n; j++) {
            if (u[j].furn && !u[j].opener)
                continue;
            if (u[j].opener || u[j].words < 2 || u[j].words > 25 ||
                (u[j].endp && !(text[u[j].e - 1] == '?' && u[j].words <= 15)))
                break;
            u[j].furn = 1;
        }
    }

    /* between: protect the first headline, then fill gaps */
    size_t head = n;
    for (size_t i = 0; i < n; i++)
        if (!u[i].furn) {
            if (!u[i].endp)
                head = i;
            break;
        }
    for (int changed = 1, pass = 0; changed && pass < 8; pass++) {
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            if (i == head || !S_weak(&u[i]))
                continue;
            if (i > 0 && u[i - 1].furn && i + 1 < n && u[i + 1].furn) {
                u[i].furn = 1;
                changed = 1;
            }
        }
    }
    /* the end of the page behind the article's last paragraph */
    size_t last = n;   /* the last unit that is neither blank, furniture nor weak */
    for (size_t i = n; i-- > 0;)
        if (!u[i].furn && (!S_weak(&u[i]) || i == head)) {
            last = i;
            break;
        }
    int behind = 0;
    for (size_t i = last == n ? 0 : last + 1; i < n; i++) {
        if (u[i].furn)
            behind = 1;
        else if (behind && i != head && S_weak(&u[i]))
            u[i].furn = 1;
    }
#undef F

    size_t blanked = 0;
    for (size_t i = 0; i < n; i++) {
        if (!u[i].furn)
            continue;
        blanked++;
        /* A unit lies within one line: no line break to keep. */
        memset(text + u[i].s, ' ', u[i].e - u[i].s);
    }
    sc->fold = fold;   /* the fold buffer may have grown */
    S_TRIM(sc->u, sc->cap_u);
    S_TRIM(sc->fold.data, sc->fold.cap);
    S_TRIM(sc->seen, sc->cap_seen);
    S_TRIM(sc->cand, sc->cap_cand);
    S_TRIM(sc->next, sc->cap_next);
    S_TRIM(sc->pairs, sc->cap_pairs);
    return blanked;
}
