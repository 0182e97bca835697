/*
 * util.c — allocation, buffers, hashing, string interning, diagnostics.
 * Every other stage builds on these; they know nothing of the pipeline.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_oom(void)
{
    /* The one out-of-memory policy: stop at once (cmark, jq). */
    fputs("relgraph: out of memory\n", stderr);
    abort();
}

void *rg_i_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        S_oom();
    return p;
}

void *rg_i_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        S_oom();
    return p;
}

void *rg_i_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        S_oom();
    return q;
}

char *rg_i_xstrndup(const char *s, size_t n)
{
    char *d = rg_i_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rg_i_xstrdup(const char *s)
{
    return rg_i_xstrndup(s, strlen(s));
}

void rg_i_grow(void **pv, size_t *pcap, size_t need, size_t size)
{
    if (need <= *pcap)
        return;
    size_t cap = *pcap ? *pcap : 8;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / size)
            S_oom();
        cap *= 2;
    }
    *pv = rg_i_xrealloc(*pv, cap * size);
    *pcap = cap;
}

void rg_i_buf_init(rg_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void rg_i_buf_destroy(rg_buf *b)
{
    free(b->data);
    rg_i_buf_init(b);
}

void rg_i_buf_reset(rg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rg_i_buf_add(rg_buf *b, const void *p, size_t n)
{
    RG_GROW(b->data, b->cap, b->len + n + 1);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rg_i_buf_addc(rg_buf *b, char c)
{
    rg_i_buf_add(b, &c, 1);
}

void rg_i_buf_adds(rg_buf *b, const char *s)
{
    rg_i_buf_add(b, s, strlen(s));
}

void rg_i_buf_printf(rg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    RG_GROW(b->data, b->cap, b->len + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

uint64_t rg_i_hash(const void *p, size_t n)
{
    /* Eight bytes a step with a multiply-xorshift mix: hashing every token
     * is on the hot path, and a byte-at-a-time FNV was a tenth of the run. */
    const unsigned char *s = p;
    uint64_t h = (uint64_t)n * RG_HASH_MUL;
    size_t len = n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = rg_i_hash_word(h, w);
        s += 8;
        n -= 8;
    }
    /* The last n < 8 bytes, byte k at bits 8k: read with loads that stay
     * inside the string (overlapping what was hashed or each other). */
    uint64_t w = 0;
#if RG_LITTLE_ENDIAN
    if (n && len >= 8) {
        memcpy(&w, s + n - 8, 8);
        w >>= 8 * (8 - n);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = (uint64_t)a | (uint64_t)b << (8 * (n - 4));
    } else if (n) {
        w = (uint64_t)s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) |
            (uint64_t)s[n - 1] << (8 * (n - 1));
    }
#else
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)s[i] << (8 * i);
#endif
    return rg_i_hash_last(h, w);
}

void rg_i_strtab_init(rg_strtab *t)
{
    memset(t, 0, sizeof(*t));
}

void rg_i_strtab_destroy(rg_strtab *t)
{
    for (char *b = t->block; b;) {
        char *prev;
        memcpy(&prev, b, sizeof(prev));
        free(b);
        b = prev;
    }
    free(t->str);
    free(t->len);
    free(t->hlo);
    free(t->slots);
    free(t->filter);
    memset(t, 0, sizeof(*t));
}

/* Blocks of copies: the first is small (many tables hold a few words, and
 * some are made for every document), then each twice the last, up to
 * this; a longer string gets a block of its own. */
#define S_BLOCK_MAX 65536

/* A copy of s[0..n) with a NUL, in t's blocks. */
static char *S_copy(rg_strtab *t, const char *s, size_t n)
{
    if (n + 1 > t->room_len) {
        t->block_size = t->block_size < 256 ? 256
                        : t->block_size < S_BLOCK_MAX ? 2 * t->block_size
                                                      : S_BLOCK_MAX;
        size_t size = t->block_size > n + 1 ? t->block_size : n + 1;
        char *b = rg_i_xmalloc(sizeof(char *) + size);
        memcpy(b, &t->block, sizeof(char *));
        t->block = b;
        t->room = b + sizeof(char *);
        t->room_len = size;
    }
    char *d = t->room;
    memcpy(d, s, n);
    d[n] = '\0';
    t->room += n + 1;
    t->room_len -= n + 1;
    return d;
}

/* Whether a[0..n) and b[0..n) are equal.  Most keys are words, and a
 * lookup that finds one (a token in a word list) is decided here: words
 * of 4 to 16 bytes are two pairs of (overlapping) loads, less than the
 * call to memcmp, and without a call the lookup stays a leaf function. */
static inline int S_same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&x, a + k, 8);
            memcpy(&y, b + k, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t a0, b0, a1, b1;
        memcpy(&a0, a, 4);
        memcpy(&b0, b, 4);
        memcpy(&a1, a + n - 4, 4);
        memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] &&
                      a[n - 1] == b[n - 1]);
}

/* The slot of s[0..n) (hash h): its own, or the empty one where it would
 * go.  Inline: several lookups of every token of every document end here. */
static inline size_t S_slot(const rg_strtab *t, const char *s, size_t n,
                            uint64_t h)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;;) {
        const struct rg_strtab_slot *sl = &t->slots[i];
        if (sl->id < 0 || (sl->tag == tag && t->len[sl->id] == n &&
                           S_same(t->str[sl->id], s, n)))
            return i;
        i = (i + 1) & mask;
    }
}

/* The filter bit of hash h: from the tag, so that it does not repeat the
 * slot index (the low bits); as in rg_i_strtab_find_hashed (util.h). */
static size_t S_filter_bit(const rg_strtab *t, uint64_t h)
{
    return (size_t)(h >> 32) & t->filter_mask;
}

int32_t rg_i_strtab_probe(const rg_strtab *t, const char *s, size_t n,
                          uint64_t h)
{
    /* S_slot's walk, written out so that it stays a leaf without the
     * register saves of a bigger function. */
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;;) {
        int32_t id = t->slots[i].id;
        if (id < 0)
            return -1;
        if (t->slots[i].tag == tag && t->len[id] == n &&
            S_same(t->str[id], s, n))
            return id;
        i = (i + 1) & mask;
    }
}

int32_t rg_i_strtab_find(const rg_strtab *t, const char *s, size_t n)
{
    return rg_i_strtab_find_hashed(t, s, n, rg_i_hash(s, n));
}

/* Doubles the slots.  Ids are distinct, so each goes to the first empty
 * slot from its index: no string is compared, hashed or even touched. */
static void S_rehash(rg_strtab *t)
{
    struct rg_strtab_slot *old = t->slots;
    size_t nold = t->nslots;
    size_t nslots = nold ? nold * 2 : 64;
    t->slots = rg_i_xmalloc(nslots * sizeof(*t->slots));
    for (size_t i = 0; i < nslots; i++)
        t->slots[i].id = -1;
    t->nslots = nslots;
    free(t->filter);
    t->filter =
        rg_i_xcalloc(RG_STRTAB_FILTER_BITS * nslots / 64, sizeof(*t->filter));
    t->filter_mask = RG_STRTAB_FILTER_BITS * nslots - 1;
    size_t mask = nslots - 1;
    for (size_t k = 0; k < nold; k++) {
        if (old[k].id < 0)
            continue;
        size_t i = t->hlo[old[k].id] & mask;
        while (t->slots[i].id >= 0)
            i = (i + 1) & mask;
        t->slots[i] = old[k];
        size_t b = S_filter_bit(t, (uint64_t)old[k].tag << 32);
        t->filter[b / 64] |= (uint64_t)1 << (b % 64);
    }
    free(old);
}

int32_t rg_i_strtab_intern(rg_strtab *t, const char *s, size_t n)
{
    if ((t->n + 1) * 2 > t->nslots)
        S_rehash(t);
    uint64_t h = rg_i_hash(s, n);
    size_t i = S_slot(t, s, n, h);
    if (t->slots[i].id >= 0)
        return t->slots[i].id;
    size_t cap = t->cap, cap2 = t->cap;
    RG_GROW(t->str, cap, t->n + 1);
    RG_GROW(t->hlo, cap2, t->n + 1);
    RG_GROW(t->len, t->cap, t->n + 1);
    t->str[t->n] = S_copy(t, s, n);
    t->len[t->n] = (uint32_t)n;
    t->hlo[t->n] = (uint32_t)h;
    t->slots[i].id = (int32_t)t->n;
    t->slots[i].tag = (uint32_t)(h >> 32);
    size_t b = S_filter_bit(t, h);
    t->filter[b / 64] |= (uint64_t)1 << (b % 64);
    return (int32_t)t->n++;
}

/* Whether E2 b1 b2 (in U+2000..U+20BF) is default-ignorable, which
 * utf8proc's IGNORE drops: U+200B..U+200F, U+202A..U+202E, U+2060..U+206F. */
static int S_default_ignorable(unsigned char b1, unsigned char b2)
{
    if (b1 == 0x80)
        return (b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xAA && b2 <= 0xAE);
    return b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xAF;
}

size_t rg_i_fold_latin1(char *dst, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        /* Eight ASCII bytes at a time (most of every line and token): a
         * byte b < 0x80 is A-Z when b + 0x3F has its high bit and b + 0x25
         * has not (no carry leaves a byte), and then gets bit 0x20. */
        while (k + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + k, 8);
            uint64_t hi = w & highs;
            uint64_t az = ((w + ones * 0x3F) ^ (w + ones * 0x25)) & highs;
            w |= az >> 2;
            /* m <= k (no fold here is longer than its bytes): the 8 bytes
             * fit in the 2n of dst. */
            memcpy(dst + m, &w, 8);
            if (hi) {
#if RG_LITTLE_ENDIAN && defined(__GNUC__)
                /* The ASCII lanes below the first other byte are right
                 * (a carry only goes up, from that byte): keep them. */
                size_t nb = (size_t)__builtin_ctzll(hi) / 8;
                m += nb;
                k += nb;
#endif
                break;
            }
            m += 8;
            k += 8;
        }
        if (k == n)
            break;
        unsigned char c = s[k];
        if (c < 0x80) {
            dst[m++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            continue;
        }
        /* U+2000..U+20BF: general punctuation (dashes, „quotes“),
         * super- and subscripts, currency; case folding leaves them be.
         * Not the invisible ones a fold drops (zero-width space, ZWNJ,
         * ZWJ, direction marks, U+2060.. joiners): those go to utf8proc. */
        if (c == 0xE2 && k + 2 < n && s[k + 1] >= 0x80 && s[k + 1] <= 0x82 &&
            s[k + 2] >= 0x80 && s[k + 2] <= 0xBF &&
            !S_default_ignorable(s[k + 1], s[k + 2])) {
            memcpy(dst + m, s + k, 3);
            m += 3;
            k += 2;
            continue;
        }
        if ((c != 0xC2 && c != 0xC3) || k + 1 == n || s[k + 1] < 0x80 ||
            s[k + 1] > 0xBF)
            return SIZE_MAX;
        unsigned char t = s[++k];
        if (c == 0xC2) {
            /* U+0080..U+00BF (no-break space, ©, «», °, ·, …) fold to
             * themselves; a line with one of them went to utf8proc whole,
             * a tenth of the run.  Not µ, which folds to Greek mu, nor the
             * soft hyphen, which a word's fold drops. */
            if (t == 0xB5 || t == 0xAD)
                return SIZE_MAX;
            dst[m++] = (char)0xC2;
            dst[m++] = (char)t;
            continue;
        }
        if (t == 0x9F) {            /* ß */
            dst[m++] = 's';
            dst[m++] = 's';
        } else {
            dst[m++] = (char)0xC3;
            dst[m++] = (char)((t >= 0x80 && t <= 0x9E && t != 0x97) ? t + 0x20 : t);
        }
    }
    return m;
}

void rg_i_diag(const rg_diag *d, rg_level level, const char *where,
               const char *fmt, ...)
{
    if (!d || !d->fn)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    d->fn(d->data, level, where ? where : "", msg);
}

void rg_i_buf_add_field(rg_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        rg_i_buf_addc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
}
