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
    const uint64_t m = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)n * m;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * m;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)s[i] << (8 * i);
    h = (h ^ w) * m;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void rg_i_strtab_init(rg_strtab *t)
{
    memset(t, 0, sizeof(*t));
}

void rg_i_strtab_destroy(rg_strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->str[i]);
    free(t->str);
    free(t->len);
    free(t->slots);
    memset(t, 0, sizeof(*t));
}

static size_t S_slot(const rg_strtab *t, const char *s, size_t n, uint64_t h)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;;) {
        const struct rg_strtab_slot *sl = &t->slots[i];
        if (sl->id < 0 || (sl->tag == tag && t->len[sl->id] == n &&
                           memcmp(t->str[sl->id], s, n) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

int32_t rg_i_strtab_find(const rg_strtab *t, const char *s, size_t n)
{
    if (!t->nslots)
        return -1;
    return t->slots[S_slot(t, s, n, rg_i_hash(s, n))].id;
}

static void S_rehash(rg_strtab *t)
{
    size_t nslots = t->nslots ? t->nslots * 2 : 64;
    free(t->slots);
    t->slots = rg_i_xmalloc(nslots * sizeof(*t->slots));
    for (size_t i = 0; i < nslots; i++)
        t->slots[i].id = -1;
    t->nslots = nslots;
    for (size_t id = 0; id < t->n; id++) {
        uint64_t h = rg_i_hash(t->str[id], t->len[id]);
        struct rg_strtab_slot *sl = &t->slots[S_slot(t, t->str[id], t->len[id], h)];
        sl->id = (int32_t)id;
        sl->tag = (uint32_t)(h >> 32);
    }
}

int32_t rg_i_strtab_intern(rg_strtab *t, const char *s, size_t n)
{
    if ((t->n + 1) * 2 > t->nslots)
        S_rehash(t);
    uint64_t h = rg_i_hash(s, n);
    size_t i = S_slot(t, s, n, h);
    if (t->slots[i].id >= 0)
        return t->slots[i].id;
    size_t cap = t->cap;
    RG_GROW(t->str, cap, t->n + 1);
    RG_GROW(t->len, t->cap, t->n + 1);
    t->str[t->n] = rg_i_xstrndup(s, n);
    t->len[t->n] = (uint32_t)n;
    t->slots[i].id = (int32_t)t->n;
    t->slots[i].tag = (uint32_t)(h >> 32);
    return (int32_t)t->n++;
}

size_t rg_i_fold_latin1(char *dst, const char *src, size_t n)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = s[k];
        if (c < 0x80) {
            dst[m++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            continue;
        }
        /* U+2000..U+20BF: general punctuation (dashes, „quotes“),
         * super- and subscripts, currency; case folding leaves them be */
        if (c == 0xE2 && k + 2 < n && s[k + 1] >= 0x80 && s[k + 1] <= 0x82 &&
            s[k + 2] >= 0x80 && s[k + 2] <= 0xBF) {
            memcpy(dst + m, s + k, 3);
            m += 3;
            k += 2;
            continue;
        }
        if (c != 0xC3 || k + 1 == n || s[k + 1] < 0x80 || s[k + 1] > 0xBF)
            return SIZE_MAX;
        unsigned char t = s[++k];
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

static unsigned S_tail_hash(const char *end)
{
    const unsigned char *e = (const unsigned char *)end;
    uint32_t x = (uint32_t)e[-3] | (uint32_t)e[-2] << 8 | (uint32_t)e[-1] << 16;
    return (unsigned)((x * 2654435761u) >> 16);
}

void rg_i_tails_build(rg_tails *tl, const rg_strtab *tab)
{
    memset(tl, 0, sizeof(*tl));
    for (size_t i = 0; i < tab->n; i++) {
        if (tab->len[i] < 3) {
            tl->short_entries = 1;
            continue;
        }
        unsigned h = S_tail_hash(tab->str[i] + tab->len[i]);
        tl->bits[h >> 6] |= (uint64_t)1 << (h & 63);
    }
}

int rg_i_tails_maybe(const rg_tails *tl, const char *end)
{
    unsigned h = S_tail_hash(end);
    return (tl->bits[h >> 6] >> (h & 63)) & 1;
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
