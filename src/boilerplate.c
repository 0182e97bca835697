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
 *             lines are looked for in one rolling-hash pass);
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

struct rg_boilerplate {
    char **phrase;       /* folded, NUL-terminated */
    char **need;         /* its longest piece without '*': a line that does
                            not contain it cannot match (checked first) */
    uint8_t *opener;     /* written with a leading '>' */
    size_t n;
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
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if (S_ws((unsigned char)src[i])) {
            space = 1;
            continue;
        }
        if (space)
            rg_i_buf_addc(out, ' ');
        space = 0;
        rg_i_buf_addc(out, src[i]);
    }
    rg_i_buf_addc(out, '\0');
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

rg_boilerplate *rg_i_boilerplate_new(const rg_strtab *phrases)
{
    rg_boilerplate *bp = rg_i_xcalloc(1, sizeof(*bp));
    size_t n = phrases ? phrases->n : 0;
    bp->phrase = rg_i_xcalloc(n ? n : 1, sizeof(*bp->phrase));
    bp->opener = rg_i_xcalloc(n ? n : 1, 1);
    bp->need = rg_i_xcalloc(n ? n : 1, sizeof(*bp->need));
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
        bp->opener[bp->n] = opener;
        bp->need[bp->n] = S_longest_piece(b.data);
        bp->phrase[bp->n++] = rg_i_xstrdup(b.data);
    }
    rg_i_buf_destroy(&b);
    return bp;
}

void rg_i_boilerplate_free(rg_boilerplate *bp)
{
    if (!bp)
        return;
    for (size_t i = 0; i < bp->n; i++) {
        free(bp->phrase[i]);
        free(bp->need[i]);
    }
    free(bp->phrase);
    free(bp->need);
    free(bp->opener);
    free(bp);
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

/*
 * Marks the pull quotes: units that are a sentence of 6+ words whose text
 * (S_quote_core, >= S_QUOTE_MIN bytes) first occurs elsewhere inside a
 * longer unit.  One pass of a rolling hash over the text finds the first
 * other occurrence of every candidate at once, so this stays linear in the
 * document (searching the text once per line would be quadratic).
 */
static void S_pull_quotes(S_unit *u, size_t n, const char *text, size_t len)
{
    enum { K = S_QUOTE_MIN };
    const uint64_t B = 1099511628211ULL;
    size_t *cand = NULL, *core = NULL, *first = NULL;
    uint64_t *key = NULL;
    int32_t *slot = NULL, *next = NULL;
    size_t nc = 0, cap = 0, cap2 = 0, cap3 = 0, cap4 = 0, cap5 = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].furn || u[i].glued || !u[i].endp || u[i].words < 6)
            continue;
        size_t m = S_quote_core(&u[i], text);
        if (m < K)
            continue;
        RG_GROW(cand, cap, nc + 1);
        RG_GROW(core, cap2, nc + 1);
        RG_GROW(first, cap3, nc + 1);
        RG_GROW(key, cap4, nc + 1);
        RG_GROW(next, cap5, nc + 1);
        cand[nc] = i;
        core[nc] = m;
        first[nc] = SIZE_MAX;
        uint64_t h = 0;
        for (size_t k = 0; k < K; k++)
            h = h * B + (unsigned char)text[u[i].s + k];
        key[nc++] = h;
    }
    if (nc == 0 || len < K)
        goto out;
    size_t nslots = 16;
    while (nslots < 2 * nc)
        nslots *= 2;
    slot = rg_i_xmalloc(nslots * sizeof(*slot));
    for (size_t k = 0; k < nslots; k++)
        slot[k] = -1;
    for (size_t c = 0; c < nc; c++) {
        size_t k = (size_t)(key[c] ^ (key[c] >> 29)) & (nslots - 1);
        next[c] = slot[k];
        slot[k] = (int32_t)c;
    }
    uint64_t pow = 1, h = 0;
    for (size_t k = 0; k + 1 < K; k++)
        pow *= B;
    for (size_t k = 0; k < K; k++)
        h = h * B + (unsigned char)text[k];
    for (size_t j = 0;; j++) {
        for (int32_t c = slot[(size_t)(h ^ (h >> 29)) & (nslots - 1)]; c >= 0;
             c = next[c]) {
            const S_unit *x = &u[cand[c]];
            if (key[c] == h && first[c] == SIZE_MAX && j != x->s &&
                j + core[c] <= len && memcmp(text + j, text + x->s, core[c]) == 0)
                first[c] = j;
        }
        if (j + K >= len)
            break;
        h = (h - (unsigned char)text[j] * pow) * B + (unsigned char)text[j + K];
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
        for (size_t k = 0; bp && k < bp->n; k++)
            if ((bp->phrase[k][0] == f[0] || bp->phrase[k][0] == '*') &&
                strstr(f, bp->need[k]) && S_glob(bp->phrase[k], f)) {
                u[i].furn = 1;
                u[i].opener |= bp->opener[k];
            }
        if (S_is_date(f) || S_is_video(&u[i], f) ||
            (u[i].words <= 12 && strstr(f, " | ")))
            u[i].furn = 1;
        if (strlen(f) >= 12) {   /* repeat: the later copy goes */
            size_t before = seen.n;
            rg_i_strtab_intern(&seen, f, strlen(f));
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
