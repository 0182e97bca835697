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

#include "boilerplate.h"

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
 *     anywhere: one pass over the line looks up each 4-byte window in a
 *     bitmap of the first four bytes of their longest piece (`gram`), and
 *     only phrases whose piece is found there go on to S_glob.
 */
typedef struct S_phrase {
    char *text;          /* folded, NUL-terminated */
    char *need;          /* its longest piece without '*' */
    size_t need_len;
    size_t pre, suf;     /* lengths of the text before the first and after
                            the last '*' */
    uint32_t gram;       /* need's first four bytes (need_len >= 4) */
    uint8_t opener;      /* written with a leading '>' */
} S_phrase;

#define S_GRAM_BITS 16

struct rg_boilerplate {
    rg_strtab exact;     /* phrases without '*' */
    uint8_t *exact_opener;   /* per exact id: some copy is a list opener */
    S_phrase *ph;        /* phrases with '*' */
    size_t n;
    uint32_t *by_first;  /* indices into ph of those that start with text,
                            grouped by first byte: [first[b], first[b+1]) */
    uint32_t first[257];
    uint32_t *suffixed;  /* '*' first, text last */
    size_t n_suffixed;
    uint32_t *floating;  /* '*' at both ends */
    size_t n_floating;
    uint64_t gram[(1u << S_GRAM_BITS) / 64];
};

typedef struct S_unit {
    size_t s, e;         /* trimmed bytes of the unit */
    size_t fold;         /* offset of its folded form in the fold buffer */
    uint32_t words;
    uint8_t endp;        /* ends with . ! ? … (before closing quotes) */
    uint8_t glued;       /* a tail glued onto a sentence end */
    uint8_t furn;        /* furniture */
    uint8_t opener;      /* matched a list-opener phrase */
} S_unit;

/* ------------------------------------------------------------------ */
/* Folding and matching                                                */
/* ------------------------------------------------------------------ */

static int S_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

/* Characters that decorate a line without being part of its words:
 * bullets, arrows, separators and a colon at either end.  Returns their
 * length at s[0..n) or 0. */
static size_t S_decoration(const char *s, size_t n)
{
    static const char *const deco[] = {
        ":", "|", ">", "<", "-", "\xE2\x80\xA2" /* • */, "\xE2\x80\xBA" /* › */,
        "\xE2\x80\xB9" /* ‹ */, "\xC2\xBB" /* » */, "\xC2\xAB" /* « */,
        "\xE2\x86\x92" /* → */, "\xE2\x80\x93" /* – */, "\xC2\xB7" /* · */,
        "\xE2\x96\xBA" /* ► */, "\xE2\x96\xB6" /* ▶ */, NULL};
    for (size_t i = 0; deco[i]; i++) {
        size_t k = strlen(deco[i]);
        if (k <= n && memcmp(s, deco[i], k) == 0)
            return k;
    }
    return 0;
}

static size_t S_deco_end(const char *s, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (S_decoration(s + n - k, k) == k)
            return k;
    return 0;
}

/* Appends src[0..len) with whitespace runs made one space, and a NUL. */
static void S_squeeze(rg_buf *out, const char *src, size_t len)
{
    /* The result is never longer than len + 1: grow once and write in
     * place (every line of every document passes through here). */
    RG_GROW(out->data, out->cap, out->len + len + 2);
    char *d = out->data + out->len;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if (S_ws((unsigned char)src[i])) {
            space = 1;
            continue;
        }
        if (space)
            *d++ = ' ';
        space = 0;
        *d++ = src[i];
    }
    *d++ = '\0';
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
}

/* Appends the case fold of s[0..n) to `out`, with whitespace runs made one
 * space and decorations and spaces at both ends dropped; adds a NUL. */
static void S_fold(rg_buf *out, const char *s, size_t n)
{
    for (;;) {
        size_t k = 0;
        while (n > 0 && S_ws((unsigned char)s[0]))
            s++, n--;
        if (n > 0 && (k = S_decoration(s, n)) > 0) {
            s += k, n -= k;
            continue;
        }
        while (n > 0 && S_ws((unsigned char)s[n - 1]))
            n--;
        if (n > 0 && (k = S_deco_end(s, n)) > 0) {
            n -= k;
            continue;
        }
        break;
    }
    /* German lines are ASCII and Latin-1 letters: fold those directly. */
    char quick[1024];
    char *q = 2 * n <= sizeof(quick) ? quick : rg_i_xmalloc(2 * n);
    size_t ql = rg_i_fold_latin1(q, s, n);
    if (ql != SIZE_MAX)
        S_squeeze(out, q, ql);
    if (q != quick)
        free(q);
    if (ql != SIZE_MAX)
        return;
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
            continue;
        }
        S_phrase *ph = &bp->ph[bp->n];
        ph->text = rg_i_xstrdup(b.data);
        ph->need = S_longest_piece(b.data);
        ph->need_len = strlen(ph->need);
        ph->pre = strcspn(b.data, "*");
        ph->suf = flen - 1 - (size_t)(strrchr(b.data, '*') - b.data);
        ph->opener = opener;
        if (ph->pre == 0 && ph->suf > 0) {
            bp->suffixed[bp->n_suffixed++] = (uint32_t)bp->n;
        } else if (ph->pre == 0) {
            bp->floating[bp->n_floating++] = (uint32_t)bp->n;
            if (ph->need_len >= 4) {
                ph->gram = S_gram_at(ph->need);
                size_t bit = S_gram_bit(ph->gram);
                bp->gram[bit / 64] |= (uint64_t)1 << (bit % 64);
            }
        }
        bp->n++;
    }
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
    rg_i_buf_destroy(&b);
    return bp;
}

void rg_i_boilerplate_free(rg_boilerplate *bp)
{
    if (!bp)
        return;
    for (size_t i = 0; i < bp->n; i++) {
        free(bp->ph[i].text);
        free(bp->ph[i].need);
    }
    rg_i_strtab_destroy(&bp->exact);
    free(bp->exact_opener);
    free(bp->ph);
    free(bp->by_first);
    free(bp->suffixed);
    free(bp->floating);
    free(bp);
}

/* Records in *furn and *opener whether phrase ph matches the line f. */
static void S_try(const S_phrase *ph, const char *f, int *furn, uint8_t *opener)
{
    if (S_glob(ph->text, f)) {
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
    int32_t id = rg_i_strtab_find(&bp->exact, f, n);
    if (id >= 0) {
        *furn = 1;
        *opener |= bp->exact_opener[id];
    }
    unsigned char c0 = (unsigned char)f[0];
    for (uint32_t j = bp->first[c0]; j < bp->first[c0 + 1]; j++) {
        const S_phrase *ph = &bp->ph[bp->by_first[j]];
        if (ph->pre + ph->suf <= n && memcmp(f, ph->text, ph->pre) == 0 &&
            memcmp(f + n - ph->suf, ph->text + strlen(ph->text) - ph->suf,
                   ph->suf) == 0)
            S_try(ph, f, furn, opener);
    }
    for (size_t j = 0; j < bp->n_suffixed; j++) {
        const S_phrase *ph = &bp->ph[bp->suffixed[j]];
        if (ph->suf <= n &&
            memcmp(f + n - ph->suf, ph->text + strlen(ph->text) - ph->suf,
                   ph->suf) == 0)
            S_try(ph, f, furn, opener);
    }
    if (!bp->n_floating)
        return;
    /* One pass for the floating phrases: a window whose bit is set may
     * start the needed piece of one of them; in chunks of 64 phrases. */
    for (size_t base = 0; base < bp->n_floating; base += 64) {
        size_t cn = bp->n_floating - base < 64 ? bp->n_floating - base : 64;
        const uint32_t *fl = bp->floating + base;
        uint64_t found = 0, left = 0;   /* bit j: fl[j] found / looked for */
        for (size_t j = 0; j < cn; j++)
            if (bp->ph[fl[j]].need_len < 4 || n < 4)
                found |= (uint64_t)1 << j;
            else
                left |= (uint64_t)1 << j;
        for (size_t i = 0; left && i + 4 <= n; i++) {
            uint32_t g = S_gram_at(f + i);
            size_t bit = S_gram_bit(g);
            if (!(bp->gram[bit / 64] & ((uint64_t)1 << (bit % 64))))
                continue;
            for (size_t j = 0; j < cn; j++) {
                const S_phrase *ph = &bp->ph[fl[j]];
                if ((left >> j & 1) && ph->gram == g && i + ph->need_len <= n &&
                    memcmp(f + i, ph->need, ph->need_len) == 0) {
                    found |= (uint64_t)1 << j;
                    left &= ~((uint64_t)1 << j);
                }
            }
        }
        for (size_t j = 0; j < cn; j++)
            if (found >> j & 1)
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

/* Length of a closing quote or bracket at t[i..e), 0 if none. */
static size_t S_closer(const char *t, size_t i, size_t e)
{
    static const char *const q[] = {"\"", "'", ")", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                    "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", NULL};
    for (size_t k = 0; q[k]; k++) {
        size_t l = strlen(q[k]);
        if (i + l <= e && memcmp(t + i, q[k], l) == 0)
            return l;
    }
    return 0;
}

/* Length of a closing quote or bracket that ends at t[k], not before
 * t[lo]; 0 if none. */
static size_t S_closer_before(const char *t, size_t lo, size_t k)
{
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

static void S_add_unit(S_unit **v, size_t *n, size_t *cap, const char *t,
                       size_t s, size_t e, int glued)
{
    while (s < e && S_ws((unsigned char)t[s]))
        s++;
    while (e > s && S_ws((unsigned char)t[e - 1]))
        e--;
    RG_GROW(*v, *cap, *n + 1);
    S_unit *u = &(*v)[(*n)++];
    memset(u, 0, sizeof(*u));
    u->s = s;
    u->e = e;
    u->glued = (uint8_t)glued;
    int in_word = 0;
    for (size_t i = s; i < e; i++) {
        int w = !S_ws((unsigned char)t[i]);
        u->words += (uint32_t)(w && !in_word);
        in_word = w;
    }
    /* end punctuation, looking through closing quotes and brackets */
    size_t k = e;
    for (size_t back; k > s && (back = S_closer_before(t, s, k)) > 0;)
        k -= back;
    if (k > s) {
        char c = t[k - 1];
        u->endp = c == '.' || c == '!' || c == '?' ||
                  (k - s >= 3 && memcmp(t + k - 3, "\xE2\x80\xA6", 3) == 0);
    }
}

/* Splits text into units: lines, and glued tails ("Satz.Nächster Block")
 * of a line. */
static size_t S_units(S_unit **v, size_t *cap, const char *t, size_t len)
{
    size_t n = 0;
    for (size_t ls = 0; ls <= len;) {
        const char *nl = memchr(t + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - t) : len;
        size_t us = ls;
        int glued = 0;
        for (size_t i = ls + 2; i + 1 < le; i++) {
            if (t[i] != '.' && t[i] != '!' && t[i] != '?')
                continue;
            if (!S_lower_at(t, i - 1, ls) || !S_letter_at(t, i - 2))
                continue;
            size_t j = i + 1, q;
            while (j < le && (q = S_closer(t, j, le)) > 0)
                j += q;
            if (j < le && S_upper_at(t, j, le)) {
                S_add_unit(v, &n, cap, t, us, j, glued);
                us = j;
                glued = 1;
            }
        }
        S_add_unit(v, &n, cap, t, us, le, glued);
        if (!nl)
            break;
        ls = le + 1;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Shape rules                                                         */
/* ------------------------------------------------------------------ */

/* Words (folded) that may stand in a date or time line. */
static const char *const S_date_words[] = {
    "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "dezember", "jan",
    "feb", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "nov", "dez", "january", "february", "march", "may", "june", "july",
    "october", "december", "mar", "oct", "dec", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "mo", "di", "mi", "do", "fr", "sa", "so", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "uhr", "am",
    "um", "vor", "seit", "ago", "a", "an", "stand", "aktualisiert",
    "veröffentlicht", "erstellt", "zuletzt", "update", "updated", "published",
    "heute", "gestern", "sekunde", "sekunden", "minute", "minuten", "min",
    "stunde", "stunden", "std", "tag", "tage", "tagen", "woche", "wochen",
    "monat", "monate", "monaten", "jahr", "jahre", "jahren", "second",
    "seconds", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "h", "mez", "mesz", "cet", "cest",
    "utc", "gmt", NULL};

static int S_date_word(const char *w, size_t n)
{
    for (size_t i = 0; S_date_words[i]; i++)
        if (strlen(S_date_words[i]) == n && memcmp(S_date_words[i], w, n) == 0)
            return 1;
    return 0;
}

/* A line that is only a date or time (folded form f). */
static int S_is_date(const char *f)
{
    size_t len = strlen(f), words = 0, digits = 0;
    if (len == 0 || len > 60)
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
            if (!S_date_word(f + s, i - s))
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
    return u->e > u->s && !u->furn && !u->endp && u->words <= 30;
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

#define S_QUOTE_KEY 16    /* bytes of a candidate that find it: its key */

/* Hash of the S_QUOTE_KEY bytes at p. */
static uint64_t S_quote_key(const char *p)
{
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + 8, 8);
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
}

/*
 * Marks the pull quotes: units that are a sentence of 6+ words whose text
 * (S_quote_core, >= S_QUOTE_MIN bytes) first occurs elsewhere inside a
 * longer unit.  One pass over the text finds the first other occurrence
 * of every candidate at once, so this stays linear in the document
 * (searching the text once per line would be quadratic): at every byte,
 * the hash of the next S_QUOTE_KEY bytes is looked up in a bitmap of the
 * candidates' keys, and only on a hit in the table of candidates.  Each
 * byte's hash is computed on its own (no rolling hash): the bytes are
 * independent and the processor overlaps them.
 */
static void S_pull_quotes(S_unit *u, size_t n, const char *text, size_t len)
{
    enum { BITMAP_BITS = 1 << 16 };
    size_t *cand = NULL, *core = NULL, *first = NULL;
    uint64_t *key = NULL, *bits = NULL;
    int32_t *slot = NULL, *next = NULL;
    size_t nc = 0, cap = 0, cap2 = 0, cap3 = 0, cap4 = 0, cap5 = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].furn || u[i].glued || !u[i].endp || u[i].words < 6)
            continue;
        size_t m = S_quote_core(&u[i], text);
        if (m < S_QUOTE_MIN)
            continue;
        RG_GROW(cand, cap, nc + 1);
        RG_GROW(core, cap2, nc + 1);
        RG_GROW(first, cap3, nc + 1);
        RG_GROW(key, cap4, nc + 1);
        RG_GROW(next, cap5, nc + 1);
        cand[nc] = i;
        core[nc] = m;
        first[nc] = SIZE_MAX;
        key[nc++] = S_quote_key(text + u[i].s);
    }
    if (nc == 0 || len < S_QUOTE_MIN)
        goto out;
    size_t nslots = 16;
    while (nslots < 2 * nc)
        nslots *= 2;
    slot = rg_i_xmalloc(nslots * sizeof(*slot));
    for (size_t k = 0; k < nslots; k++)
        slot[k] = -1;
    bits = rg_i_xcalloc(BITMAP_BITS / 64, sizeof(*bits));
    for (size_t c = 0; c < nc; c++) {
        size_t k = (size_t)key[c] & (nslots - 1);
        next[c] = slot[k];
        slot[k] = (int32_t)c;
        size_t bit = (size_t)(key[c] >> 48);
        bits[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
    /* A match needs core[c] >= S_QUOTE_MIN > S_QUOTE_KEY bytes from j. */
    for (size_t j = 0; j + S_QUOTE_MIN <= len; j++) {
        uint64_t h = S_quote_key(text + j);
        size_t bit = (size_t)(h >> 48);
        if (!(bits[bit / 64] & ((uint64_t)1 << (bit % 64))))
            continue;
        for (int32_t c = slot[(size_t)h & (nslots - 1)]; c >= 0; c = next[c]) {
            const S_unit *x = &u[cand[c]];
            if (key[c] == h && first[c] == SIZE_MAX && j != x->s &&
                j + core[c] <= len && memcmp(text + j, text + x->s, core[c]) == 0)
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
out:
    free(cand);
    free(core);
    free(first);
    free(key);
    free(slot);
    free(next);
    free(bits);
}

size_t rg_i_boilerplate_strip(const rg_boilerplate *bp, char *text, size_t len)
{
    S_unit *u = NULL;
    size_t cap = 0;
    size_t n = S_units(&u, &cap, text, len);
    rg_buf fold;
    rg_i_buf_init(&fold);
    rg_strtab seen;
    rg_i_strtab_init(&seen);

    for (size_t i = 0; i < n; i++) {
        u[i].fold = fold.len;
        S_fold(&fold, text + u[i].s, u[i].e - u[i].s);
    }
#define F(i) (fold.data + u[i].fold)

    /* phrase, date, video, pipe, repeat */
    for (size_t i = 0; i < n; i++) {
        if (u[i].e == u[i].s)
            continue;
        const char *f = F(i);
        size_t flen = strlen(f);
        if (bp) {
            int furn = 0;
            S_match_phrases(bp, f, flen, &furn, &u[i].opener);
            u[i].furn |= (uint8_t)furn;
        }
        if (S_is_date(f) || S_is_video(&u[i], f) ||
            (u[i].words <= 12 && strstr(f, " | ")))
            u[i].furn = 1;
        if (flen >= 12) {   /* repeat: the later copy goes */
            size_t before = seen.n;
            rg_i_strtab_intern(&seen, f, flen);
            if (seen.n == before)
                u[i].furn = 1;
        }
    }

    /* banner: five or more short lines in a row (blank lines between
     * them do not break the run) */
    for (size_t i = 0; i < n;) {
        size_t j = i, count = 0;
        while (j < n && (u[j].e == u[j].s ||
                         (u[j].words <= 3 && !u[j].endp && !u[j].glued))) {
            count += u[j].e > u[j].s;
            j++;
        }
        if (count >= 5)
            for (size_t k = i; k < j; k++)
                u[k].furn |= u[k].e > u[k].s;
        i = j > i ? j : i + 1;
    }

    /* quote: a sentence that also stands inside a longer paragraph */
    S_pull_quotes(u, n, text, len);

    /* list: the headlines under a list opener */
    for (size_t i = 0; i < n; i++) {
        if (!u[i].opener)
            continue;
        for (size_t j = i + 1; j < n; j++) {
            if (u[j].e == u[j].s)
                continue;
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
        if (u[i].e > u[i].s && !u[i].furn) {
            if (!u[i].endp)
                head = i;
            break;
        }
    for (int changed = 1, pass = 0; changed && pass < 8; pass++) {
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            if (i == head || !S_weak(&u[i]))
                continue;
            size_t p = i, q = i + 1;
            while (p > 0 && u[p - 1].e == u[p - 1].s)
                p--;
            while (q < n && u[q].e == u[q].s)
                q++;
            if (p > 0 && u[p - 1].furn && q < n && u[q].furn) {
                u[i].furn = 1;
                changed = 1;
            }
        }
    }
    /* the end of the page behind the article's last paragraph */
    size_t last = n;   /* the last unit that is neither blank, furniture nor weak */
    for (size_t i = n; i-- > 0;)
        if (u[i].e > u[i].s && !u[i].furn && (!S_weak(&u[i]) || i == head)) {
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
        if (!u[i].furn || u[i].e == u[i].s)
            continue;
        blanked++;
        for (size_t k = u[i].s; k < u[i].e; k++)
            if (text[k] != '\n')
                text[k] = ' ';
    }
    rg_i_strtab_destroy(&seen);
    rg_i_buf_destroy(&fold);
    free(u);
    return blanked;
}
