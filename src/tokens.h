/*
 * tokens.h — stage 3a: NFC text -> tokens with byte offsets and a
 * case-folded form for matching.  Hyphen parts stay separately
 * addressable: "NATO-Generalsekretär" is NATO, "-", Generalsekretär.
 */
#ifndef RG_TOKENS_H
#define RG_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum rg_token_kind {
    RG_TOK_WORD = 1,     /* letters (and digits, marks, inner apostrophes):
                            Nordkorea, G7, O'Neill; also a plain digit run
                            glued to letters: 5G, 2024er */
    RG_TOK_NUMBER,       /* digits with inner . , : between digits:
                            12.000, 21.10.2024, 3,5, 18:17 */
    RG_TOK_PUNCT         /* one punctuation or symbol character (one
                            grapheme cluster: an emoji with modifiers is one
                            token); the folded form of the hyphens U+002D,
                            U+2010 and U+2011 is "-" */
};

enum rg_token_flag {
    RG_TF_SPACE_BEFORE = 1 << 0,   /* whitespace or start of text precedes */
    RG_TF_NEWLINE_BEFORE = 1 << 1, /* a line break (or start of text) precedes */
    RG_TF_PARAGRAPH_BEFORE = 1 << 2, /* a blank line (or start of text) precedes */
    RG_TF_UPPER = 1 << 3,          /* WORD whose first letter is uppercase */
    RG_TF_ALLCAPS = 1 << 4,        /* WORD of two or more letters, all uppercase */
    RG_TF_HYPHEN_BEFORE = 1 << 5,  /* WORD/NUMBER glued by a hyphen to the token
                                      before: Generalsekretär in NATO-Generalsekretär */
    RG_TF_HYPHEN_AFTER = 1 << 6    /* WORD/NUMBER glued by a hyphen to the token
                                      after: NATO in NATO-Generalsekretär */
};

/* Limit: a word (or a cluster of punctuation and marks) longer than this
 * many bytes is cut into tokens of at most this length, at code point
 * boundaries (no name is that long; it bounds the work per token on
 * pathological input).  Numbers are not cut: they are ASCII and cheap. */
#define RG_MAX_TOKEN_BYTES 256

typedef struct rg_token {
    uint32_t start, end;   /* bytes [start, end) in the text */
    uint32_t fold;         /* offset of the folded form in rg_tokens.fold */
    uint32_t fold_len;     /* its length in bytes (no NUL inside) */
    uint8_t kind;          /* enum rg_token_kind */
    uint8_t flags;         /* enum rg_token_flag */
} rg_token;

typedef struct rg_tokens {
    rg_token *v;
    size_t n, cap;
    char *fold;            /* folded forms, each followed by a NUL */
    size_t fold_len, fold_cap;
    uint64_t *hash;        /* per token: rg_i_hash of its folded form,
                              computed once here and reused by every table
                              lookup of the token (rg_i_token_find); apart
                              from v, which the stages walk many times */
    size_t hash_cap;
    uint64_t *marks;       /* per token one bit (token i: bit i % 64 of
                              marks[i / 64]), set when the token may start
                              or end a sentence: a line break before it
                              (RG_TF_NEWLINE_BEFORE), or PUNCT that is
                              '.', '!', '?' or U+2026 (not the dashes and
                              quotes, which end nothing); the sentence
                              splitter
                              skips the tokens between marks 64 at a
                              time.  Valid for the words covering [0, n) */
    size_t marks_n, marks_cap; /* words zeroed so far; allocated */
} rg_tokens;

/* Whether token i carries a mark (rg_tokens.marks). */
static inline int rg_i_token_marked(const rg_tokens *t, size_t i)
{
    return (int)((t->marks[i / 64] >> (i % 64)) & 1);
}

void rg_i_tokens_init(rg_tokens *t);
void rg_i_tokens_destroy(rg_tokens *t);

/*
 * Replaces the contents of `out` with the tokens of text[0..len) (valid
 * UTF-8).  Whitespace separates tokens and is not a token.  The folded
 * form is utf8proc's case fold of the NFC token (ß -> ss), so that
 * "NATO", "Nato" and "nato" fold alike.  Reuses out's memory.
 * Time complexity: O(len).
 */
void rg_i_tokenize(rg_tokens *out, const char *text, size_t len);

/* The same without rg_i_tokenize's fast paths: every character decoded
 * and classified with utf8proc.  Gives exactly what rg_i_tokenize gives;
 * for the tests that pin the fast paths to it. */
void rg_i_tokenize_general(rg_tokens *out, const char *text, size_t len);

/* The folded form of token i, NUL-terminated. */
static inline const char *rg_i_token_fold(const rg_tokens *t, size_t i)
{
    return t->fold + t->v[i].fold;
}

/* The id of token i's folded form in `tab`, or -1: rg_i_strtab_find
 * without hashing the form again. */
static inline int32_t rg_i_token_find(const rg_strtab *tab, const rg_tokens *t,
                                      size_t i)
{
    return rg_i_strtab_find_hashed(tab, t->fold + t->v[i].fold,
                                   t->v[i].fold_len, t->hash[i]);
}

#endif
