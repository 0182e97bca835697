/*
 * text.h — stage 2: bytes of a document -> valid NFC UTF-8 text with a map
 * from every byte of the normalised text back to the original file.
 */
#ifndef RG_TEXT_H
#define RG_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "relgraph.h"

typedef struct rg_text {
    char *norm;          /* NFC UTF-8, NUL-terminated; owned */
    size_t len;          /* bytes in norm, without the NUL */
    uint32_t *map;       /* len + 1 entries: map[i] = offset in the original
                            bytes of norm byte i, map[len] = original length;
                            NULL when norm is byte-identical to the original */
    size_t repaired;     /* invalid UTF-8 sequences replaced by U+FFFD */
    size_t first_invalid;/* original offset of the first one (if repaired) */
    int had_bom;         /* a UTF-8 byte order mark was dropped */
    int legacy;          /* not UTF-8: decoded as Windows-1252 (Latin-1);
                            `repaired` then counts its unassigned bytes */
    int borrowed;        /* norm is the caller's bytes (not owned) */
} rg_text;

/*
 * Validates and normalises `len` bytes.  A leading UTF-8 BOM is dropped.
 * Bytes that are not UTF-8 at all (high bytes, none of which starts a
 * valid UTF-8 sequence) are decoded as Windows-1252, the superset of
 * Latin-1 that non-UTF-8 German pages use (`legacy` set); otherwise invalid
 * UTF-8 is replaced by U+FFFD (counted in `repaired`).  The text is put
 * into NFC with utf8proc, one grapheme cluster at a time so that every
 * cluster maps to its original bytes.  Returns RG_OK, or RG_EENCODING when
 * the bytes contain NUL (a binary file), or RG_EINVAL when len (or the
 * normalised text) exceeds UINT32_MAX - 1.  `t` is initialised in every
 * case (rg_i_text_destroy is always safe to call).
 */
rg_status rg_i_text_init(rg_text *t, const char *bytes, size_t len);

/* The same, but when normalising changes no byte (no map, no BOM) the
 * text is `bytes` itself, not a copy: t->norm == bytes, not owned by t
 * (`borrowed`), and changes made through t->norm change `bytes`.  Then
 * `bytes` must hold a NUL at [len] and outlive t.  Clean text (most
 * documents) is so never copied. */
rg_status rg_i_text_init_in_place(rg_text *t, char *bytes, size_t len);

/* The same without the fast paths (every code point outside U+0000..U+00FF
 * through the general cluster path): gives exactly what rg_i_text_init
 * gives; for the tests that pin the fast paths to it. */
rg_status rg_i_text_init_general(rg_text *t, const char *bytes, size_t len);

void rg_i_text_destroy(rg_text *t);

/* Classes of the code points U+2000..U+20FF (E2, a byte of 80..83 and a
 * continuation byte: the dashes, quotes and currency signs of news text),
 * worked out from utf8proc once, at the first call, for the fast paths
 * of text.c and tokens.c (no utf8proc call per such character). */
enum {
    RG_I_E2_RUN = 1,  /* NFC leaves it alone (and it is never the second of
                         a composition pair) and it joins nothing
                         (boundclass Other): a cluster of its own */
    RG_I_E2_PUNCT = 2 /* punctuation or a symbol (Pc..So), not Prepend, not
                         the hyphens U+2010 and U+2011 */
};

/* The table: entry ((b1 - 0x80) << 6) | (b2 & 0x3F) for the code point
 * E2 b1 b2; thread-safe. */
const uint8_t *rg_i_e2_classes(void);

/* Offset in the original bytes of normalised byte offset `off` (0..len). */
static inline size_t rg_i_text_orig(const rg_text *t, size_t off)
{
    return t->map ? t->map[off] : off;
}

#endif
