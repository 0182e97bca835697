/*
 * gazetteer.h — the compiled matcher: a trie over case-folded tokens of
 * every alias, matched leftmost-longest over a token sequence.
 */
#ifndef RG_GAZETTEER_H
#define RG_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dict.h"
#include "sentences.h"
#include "tokens.h"

typedef struct rg_gazetteer rg_gazetteer;

/*
 * Compiles the aliases of `d` (whose actors are already resolved): each
 * alias is tokenized with rg_i_tokenize and folded, and inserted together
 * with the variants morph.c gives for its form (genitive of names and
 * metonyms, adjective endings, demonym plurals, weak adjectives inside
 * official names); trie edges are keyed by
 * (state, folded token id, capitalisation).  An alias token that starts
 * with an uppercase letter matches only text tokens that do too ("Stern"
 * the magazine is not "stern"; "NATO" matches "Nato" and "NATO"); a
 * lowercase alias token matches either ("russische" also at the start of a
 * sentence).  When several aliases have the same token sequence, those of
 * the latest rg_dict_load call win, and among them an alias as listed wins
 * over a generated variant; the rest of a tie — aliases of one load, all
 * listed or all generated, naming different actors — are kept as
 * candidates for mentions.c to choose from by context (an ambiguous
 * surname, a capital that is both a metonym and a place).
 * Time complexity: O(total alias tokens * variants), variants <= 48.
 */
rg_gazetteer *rg_i_gazetteer_build(const rg_dict *d);
void rg_i_gazetteer_free(rg_gazetteer *g);

/* One reading of a matched token sequence. */
typedef struct rg_cand {
    uint32_t alias;     /* index into rg_dict.aliases: the listed alias */
    uint32_t next;      /* next candidate of the same match, or RG_NO_CAND */
    uint32_t actor;     /* its alias's actor (rg_alias.actor), and */
    uint16_t rank;      /* load call * 2 + listed (not generated) */
    uint8_t form;       /* enum rg_form: the alias's, or the generated one */
    uint8_t type;       /* that actor's type: mentions.c reads both for
                           every match (no alias or actor record) */
} rg_cand;

#define RG_NO_CAND UINT32_MAX

typedef struct rg_match {
    uint32_t tok_begin, tok_end;   /* tokens [tok_begin, tok_end) */
    uint32_t alias;                /* the first (preferred) candidate's alias */
    uint32_t cand;                 /* the first candidate (rg_i_gazetteer_cand) */
    uint32_t sentence;             /* rg_i_gazetteer_match_doc: the index of
                                      its sentence; 0 from the others */
} rg_match;

/* Candidate i of a match (i from rg_match.cand or rg_cand.next). */
const rg_cand *rg_i_gazetteer_cand(const rg_gazetteer *g, uint32_t i);

/* Number of token sequences (aliases and generated variants) accepted. */
size_t rg_i_gazetteer_size(const rg_gazetteer *g);

typedef struct rg_matches {
    rg_match *v;
    size_t n, cap;
} rg_matches;

/*
 * Appends to `out` the leftmost-longest, non-overlapping matches of the
 * gazetteer within tokens [begin, end) of `toks`.  Does not allocate once
 * `out` is large enough.
 * Time complexity: O((end - begin) * L) where L is the longest alias in tokens.
 */
void rg_i_gazetteer_match(const rg_gazetteer *g, const rg_tokens *toks,
                          size_t begin, size_t end, rg_matches *out);

/*
 * The stage's one lookup per token.  The gazetteer's vocabulary also holds
 * the word lists of discover.c and the verb lexicon's words, and each of
 * its words has a set of classes (enum rg_word_class bits, and
 * discover.c's from RG_WC_USER up), so that a token is looked up once for
 * matching, every list and the verb rules.  The low 8 bits are a token's
 * class byte (rg_i_gazetteer_ids), scanned eight tokens at a time; the
 * classes from RG_WC_BY_ID up are read by the token's id
 * (rg_i_gazetteer_word_classes).
 */
enum rg_word_class {
    RG_WC_START_UPPER = 1 << 0, /* a capitalised word token of this fold
                                   can begin an alias */
    RG_WC_START_LOWER = 1 << 1, /* any other token of this fold can */
    RG_WC_USER = 1 << 2,        /* the first bit of the callers' classes
                                   (bits 2 to 5 of the byte, and from
                                   RG_WC_BY_ID up) */
    RG_WC_VERB_FORM = 1 << 6,   /* a form of the verb lexicon (a word of
                                   its table with hits: relations.c) */
    RG_WC_UPPER_WORD = 1 << 7,  /* not of a word but of a token, set by
                                   rg_i_gazetteer_ids: a capitalised word
                                   (RG_TOK_WORD with RG_TF_UPPER) */
    RG_WC_BY_ID = 1 << 8        /* the first class read by id, not in the
                                   class byte (up to bit 15: discover.c's
                                   from here up, mentions.c's the top
                                   two) */
};

/* Per vocabulary id, its classes (the class byte's and those from
 * RG_WC_BY_ID up). */
const uint16_t *rg_i_gazetteer_word_classes(const rg_gazetteer *g);

/* The first index in [i, end) whose cls[] has a bit of `bits`, or end:
 * eight tokens at a time (most tokens have none of the bits asked). */
static inline size_t rg_i_wc_next(const uint8_t *cls, size_t i, size_t end,
                                  uint8_t bits)
{
    uint64_t mask = bits * (uint64_t)0x0101010101010101ULL;
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, cls + i, 8);
        w &= mask;
        if (w) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)(__builtin_ctzll(w) >> 3);
#else
            break;
#endif
        }
        i += 8;
    }
    while (i < end && !(cls[i] & bits))
        i++;
    return i;
}

/* Sets ids[i], for every token i of `toks`, to the id of its fold in the
 * vocabulary, or -1, and cls[i] to its classes (none for -1) and
 * RG_WC_UPPER_WORD.
 * Time complexity: O(tokens) expected. */
void rg_i_gazetteer_ids(const rg_gazetteer *g, const rg_tokens *toks,
                        int32_t *ids, uint8_t *cls);

/* The candidate pool: candidate i of a match is &pool[i] (the same as
 * rg_i_gazetteer_cand, for a caller that reads many). */
const rg_cand *rg_i_gazetteer_cands(const rg_gazetteer *g);

/* rg_i_gazetteer_match over every sentence of `sents` (in order, within
 * tokens [0, n)), with the ids and classes rg_i_gazetteer_ids gave for
 * the n tokens: the matches of each sentence, in text order, appended to
 * `out`.  cls must be readable (and zero) for RG_WC_PAD bytes after
 * cls[n - 1]: the scan for the tokens that can begin an alias goes 16 (or
 * 8) at a time over the whole document, not stopping at each sentence's
 * end.
 * Time complexity: O(n * L). */
#define RG_WC_PAD 16
void rg_i_gazetteer_match_doc(const rg_gazetteer *g, const int32_t *ids,
                              const uint8_t *cls, size_t n,
                              const rg_sentences *sents, rg_matches *out);

/* rg_i_gazetteer_match with the ids and classes rg_i_gazetteer_ids gave
 * for `toks`. */
void rg_i_gazetteer_match_ids(const rg_gazetteer *g, const rg_tokens *toks,
                              const int32_t *ids, const uint8_t *cls,
                              size_t begin, size_t end, rg_matches *out);

/* For discover.c's build (called by rg_i_gazetteer_build): adds the folded
 * word s[0..n) to the vocabulary with classes `cls` (RG_WC_USER .. bit 5,
 * or from RG_WC_BY_ID up; or-ed with those it has). */
void rg_i_gazetteer_add_class(rg_gazetteer *g, const char *s, size_t n,
                              uint16_t cls);

struct rg_verb_wtab;

/*
 * For relations.c, which asks the verb lexicon's word table (verbs.h)
 * about the tokens of many sentences: every word of that table is also in
 * the vocabulary, so a token's id from rg_i_gazetteer_ids answers for it
 * without a second lookup (and a form of the lexicon has the class
 * RG_WC_VERB_FORM in its class byte).  Returns, per vocabulary id, 1 + the
 * index of its word in *wtab's words, or 0 when it is none; a token whose
 * id is -1 is none either.  Sets *wtab to the table it was built from (the
 * lexicon's rg_i_verbs_wtab when the gazetteer was built).  NULL (and
 * *wtab NULL) without a finished lexicon or a gazetteer.
 */
const uint32_t *rg_i_gazetteer_verb_words(const rg_gazetteer *g,
                                          const struct rg_verb_wtab **wtab);

/* The same words' rg_verb_word fields packed, per vocabulary id + 1 (index
 * 0 for a token without an id): cls | flags << 32 | (uint8_t)det << 40 |
 * RG_VERB_PACKED_WORD, or 0 for no word of the table; NULL when
 * rg_i_gazetteer_verb_words is. */
#define RG_VERB_PACKED_WORD ((uint64_t)1 << 48)
const uint64_t *rg_i_gazetteer_verb_packed(const rg_gazetteer *g);

/* discover.c's tables of the dictionary, built with the gazetteer (NULL
 * when the gazetteer is NULL). */
const struct rg_disc_words *rg_i_gazetteer_disc(const rg_gazetteer *g);

#endif
