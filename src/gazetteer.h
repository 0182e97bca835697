/*
 * gazetteer.h — the compiled matcher: a trie over case-folded tokens of
 * every alias, matched leftmost-longest over a token sequence.
 */
#ifndef RG_GAZETTEER_H
#define RG_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "tokens.h"

typedef struct rg_gazetteer rg_gazetteer;

/*
 * Compiles the aliases of `d` (whose actors are already resolved): each
 * alias is tokenized with rg_i_tokenize and folded; trie edges are keyed by
 * (state, folded token id, capitalisation).  An alias token that starts
 * with an uppercase letter matches only text tokens that do too ("Stern"
 * the magazine is not "stern"; "NATO" matches "Nato" and "NATO"); a
 * lowercase alias token matches either ("russische" also at the start of a
 * sentence).  When several aliases have the same token sequence the one
 * loaded last wins (user dictionaries override the default).
 * Time complexity: O(total alias tokens).
 */
rg_gazetteer *rg_i_gazetteer_build(const rg_dict *d);
void rg_i_gazetteer_free(rg_gazetteer *g);

typedef struct rg_match {
    uint32_t tok_begin, tok_end;   /* tokens [tok_begin, tok_end) */
    uint32_t alias;                /* index into rg_dict.aliases */
} rg_match;

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

#endif
