/*
 * util.h — small helpers shared by every stage: allocation (abort on
 * out-of-memory, the one policy of the code base), growable buffers,
 * hashing, a string interning table and diagnostics.
 */
#ifndef RG_UTIL_H
#define RG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "relgraph.h"

#if defined(__GNUC__)
#define RG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RG_PRINTF(a, b)
#endif

/* Allocation: these never return NULL; they abort the process when memory
 * is exhausted (see the ownership notes in relgraph.h). */
void *rg_i_xmalloc(size_t n);
void *rg_i_xcalloc(size_t n, size_t size);
void *rg_i_xrealloc(void *p, size_t n);
char *rg_i_xstrdup(const char *s);
char *rg_i_xstrndup(const char *s, size_t n);

/* Grows the array *pv of element size `size` so that it holds at least
 * `need` elements; *pcap is its capacity in elements. */
void rg_i_grow(void **pv, size_t *pcap, size_t need, size_t size);
/* `need` is evaluated twice: pass no side effects.  The check is inline
 * because it runs once per token in the hot loops. */
#define RG_GROW(v, cap, need)                                          \
    do {                                                               \
        if ((need) > (cap))                                            \
            rg_i_grow((void **)&(v), &(cap), (need), sizeof(*(v)));    \
    } while (0)

/* A string literal with its length, for word lists that are tried many
 * times per document: compared by length (or first byte) before memcmp,
 * without a strlen per entry and try. */
typedef struct rg_word {
    const char *s;
    size_t len;
} rg_word;
#define RG_WORD(lit) {lit, sizeof(lit) - 1}
#define RG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct rg_buf {
    char *data;
    size_t len, cap;
} rg_buf;

void rg_i_buf_init(rg_buf *b);
void rg_i_buf_destroy(rg_buf *b);
void rg_i_buf_reset(rg_buf *b);
void rg_i_buf_add(rg_buf *b, const void *p, size_t n);
void rg_i_buf_addc(rg_buf *b, char c);
void rg_i_buf_adds(rg_buf *b, const char *s);
void rg_i_buf_printf(rg_buf *b, const char *fmt, ...) RG_PRINTF(2, 3);
/* Appends s[0..n) as one TSV field of a table for people (--mentions,
 * --suggest): tabs and line breaks become spaces, so that every row stays
 * one line with a fixed number of columns. */
void rg_i_buf_add_field(rg_buf *b, const char *s, size_t n);

/* 64-bit hash of n bytes: eight bytes a step (little-endian words, the
 * last one zero-padded) with a multiply-xorshift mix. */
uint64_t rg_i_hash(const void *p, size_t n);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RG_LITTLE_ENDIAN 1
#else
#define RG_LITTLE_ENDIAN 0
#endif

#define RG_HASH_MUL 0x9E3779B97F4A7C15ULL

/* rg_i_hash's steps: one full word, and the (zero-padded) last word with
 * the final mix. */
static inline uint64_t rg_i_hash_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * RG_HASH_MUL;
    return h ^ (h >> 29);
}

static inline uint64_t rg_i_hash_last(uint64_t h, uint64_t w)
{
    h = (h ^ w) * RG_HASH_MUL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

/* rg_i_hash(p, n) when the 8 bytes after p[n) may be read too (a buffer
 * with room after the string; their values do not matter): the same
 * value, the tail read as one word instead of byte by byte.  The hash of
 * every token (tokens.c). */
static inline uint64_t rg_i_hash_padded(const void *p, size_t n)
{
#if RG_LITTLE_ENDIAN
    const unsigned char *s = (const unsigned char *)p;
    uint64_t h = (uint64_t)n * RG_HASH_MUL;
    uint64_t w;
    for (; n >= 8; n -= 8, s += 8) {
        memcpy(&w, s, 8);
        h = rg_i_hash_word(h, w);
    }
    memcpy(&w, s, 8);
    w &= ((uint64_t)1 << (8 * n)) - 1;
    return rg_i_hash_last(h, w);
#else
    return rg_i_hash(p, n);
#endif
}

/* A string interning table: maps byte strings to dense ids 0, 1, 2, ...
 * in order of first insertion.  Strings are copied (into blocks the table
 * owns: a dictionary of a million aliases would otherwise be a million
 * mallocs, and as many frees). */
/* Filter bits per slot of a string table: at most half the slots are
 * taken, so at most one bit in 2 * RG_STRTAB_FILTER_BITS is set, and a
 * string that is absent passes the filter that rarely.  (8 halved the
 * passes, about 2 % of the lookups' cost, for 4 % more memory with a
 * dictionary of a million aliases.) */
#define RG_STRTAB_FILTER_BITS 4

typedef struct rg_strtab {
    char **str;          /* id -> NUL-terminated copy */
    uint32_t *len;       /* id -> length */
    uint32_t *hlo;       /* id -> low bits of its hash (the slot index):
                            growing the table moves slots without hashing
                            or touching the strings again */
    size_t n, cap;
    struct rg_strtab_slot {
        int32_t id;      /* -1 = empty */
        uint32_t tag;    /* high bits of the hash: most misses are decided
                            here, without touching the string (which in a
                            big table is a cache miss or two away) */
    } *slots;            /* open addressing */
    size_t nslots;
    uint64_t *filter;    /* RG_STRTAB_FILTER_BITS bits per slot, indexed
                            by the tag, set for every string present: most
                            misses end here, in a table a sixteenth the
                            size of the slots that stays in the cache when
                            they do not */
    size_t filter_mask;  /* RG_STRTAB_FILTER_BITS * nslots - 1 (0 while
                            there are no slots): the filter bit of a hash
                            is (hash >> 32) & filter_mask */
    char *block;         /* the newest block of copies; each block starts
                            with a pointer to the one before */
    char *room;          /* the free bytes at its end ... */
    size_t room_len;     /* ... and how many */
    size_t block_size;   /* of the last block made: doubles up to a limit */
} rg_strtab;

void rg_i_strtab_init(rg_strtab *t);
void rg_i_strtab_destroy(rg_strtab *t);
/* id of s[0..n), or -1 when absent.  Time: O(n) expected. */
int32_t rg_i_strtab_find(const rg_strtab *t, const char *s, size_t n);
/* rg_i_strtab_find_hashed past the filter: the slots. */
int32_t rg_i_strtab_probe(const rg_strtab *t, const char *s, size_t n,
                          uint64_t h);
/* The same when h = rg_i_hash(s, n) is known already (a token is hashed
 * once and looked up in several tables).  Inline: most lookups of tokens
 * miss, and a miss is mostly decided by the filter, a few instructions
 * that cost less than the call. */
static inline int32_t rg_i_strtab_find_hashed(const rg_strtab *t,
                                              const char *s, size_t n,
                                              uint64_t h)
{
    if (!t->nslots)
        return -1;
    /* The filter bit: from the tag (the high bits), so that it does not
     * repeat the slot index (the low bits). */
    size_t b = (size_t)(h >> 32) & t->filter_mask;
    if (!((t->filter[b / 64] >> (b % 64)) & 1))
        return -1;
    return rg_i_strtab_probe(t, s, n, h);
}
/* id of s[0..n), inserting it when absent. */
int32_t rg_i_strtab_intern(rg_strtab *t, const char *s, size_t n);

/*
 * The case fold of s[0..n) when it holds only ASCII, Latin-1 (U+0080..
 * U+00FF but µ and the soft hyphen; every German letter among them) and
 * U+2000..U+20BF (dashes, „quotes“, currency; but not the invisible
 * ZWSP, ZWNJ, ZWJ, direction marks and joiners, which a fold with IGNORE
 * drops): exactly what utf8proc's case fold gives for them (A-Z and À..Þ but × lowered, ß -> ss, the rest
 * unchanged), without utf8proc.  Writes at most 2n bytes to dst (no NUL) and
 * returns their number, or SIZE_MAX (nothing meaningful written) when s
 * holds anything else.  The fast path of every fold in relgraph.
 */
size_t rg_i_fold_latin1(char *dst, const char *s, size_t n);

/* Sends a formatted message to d (which may be NULL or have fn NULL). */
void rg_i_diag(const rg_diag *d, rg_level level, const char *where,
               const char *fmt, ...) RG_PRINTF(4, 5);

#endif
