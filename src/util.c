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
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
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

static size_t S_slot(const rg_strtab *t, const char *s, size_t n)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)rg_i_hash(s, n) & mask;
    for (;;) {
        int32_t id = t->slots[i];
        if (id < 0 || (t->len[id] == n && memcmp(t->str[id], s, n) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

int32_t rg_i_strtab_find(const rg_strtab *t, const char *s, size_t n)
{
    if (!t->nslots)
        return -1;
    return t->slots[S_slot(t, s, n)];
}

static void S_rehash(rg_strtab *t)
{
    size_t nslots = t->nslots ? t->nslots * 2 : 64;
    free(t->slots);
    t->slots = rg_i_xmalloc(nslots * sizeof(*t->slots));
    for (size_t i = 0; i < nslots; i++)
        t->slots[i] = -1;
    t->nslots = nslots;
    for (size_t id = 0; id < t->n; id++)
        t->slots[S_slot(t, t->str[id], t->len[id])] = (int32_t)id;
}

int32_t rg_i_strtab_intern(rg_strtab *t, const char *s, size_t n)
{
    if ((t->n + 1) * 2 > t->nslots)
        S_rehash(t);
    size_t i = S_slot(t, s, n);
    if (t->slots[i] >= 0)
        return t->slots[i];
    size_t cap = t->cap;
    RG_GROW(t->str, cap, t->n + 1);
    RG_GROW(t->len, t->cap, t->n + 1);
    t->str[t->n] = rg_i_xstrndup(s, n);
    t->len[t->n] = (uint32_t)n;
    t->slots[i] = (int32_t)t->n;
    return (int32_t)t->n++;
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
