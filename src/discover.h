/*
 * discover.h — stage 4b: actors the dictionary does not know, found by
 * rule (role nouns, titles, first names, organisation heads).  The rules
 * are at the top of discover.c.
 */
#ifndef RG_DISCOVER_H
#define RG_DISCOVER_H

#include "mentions.h"

/*
 * Adds to `m` (which holds the document's dictionary mentions, in text
 * order) the mentions of the actors found by rule, with form
 * RG_FORM_DISCOVERED and actor d->n_actors + k for m->found[k]; then the
 * later mentions of each found name, and of a person's bare surname
 * ("Kahl" after "Bruno Kahl"), in the same document.  Keeps text order.
 * Needs what rg_i_find_mentions sets before it calls this: m->tok_id and
 * m->tok_cls (rg_i_gazetteer_ids of `toks` with d->gaz, and at least 8
 * zero bytes after them).
 * Time complexity: O(tokens * L), L the longest word (compound heads).
 */
void rg_i_discover(rg_mentions *m, const rg_dict *d, const rg_tokens *toks,
                   const rg_sentences *sents);

/* Frees the scratch rg_i_discover keeps in rg_mentions.disc_scratch. */
void rg_i_discover_free(void *scratch);

/*
 * Appends to `out` the stable id of a discovered actor named `label`:
 * "disc:" + the name in lowercase ASCII (ä -> ae, ö -> oe, ü -> ue,
 * ß -> ss, other accents dropped, every other run of characters one '_'):
 * "Lee Sung-yoon" -> "disc:lee_sung_yoon".  A name with no Latin letter
 * gets "disc:x" + a hash.  The part after "disc:" is a valid dictionary id.
 */
void rg_i_discover_id(rg_buf *out, const char *label);

/*
 * The dictionary's words of discovery, compiled with the gazetteer (which
 * calls these): the word lists go into its vocabulary as classes, the
 * roles and organisation heads with their endings into a trie of reversed
 * words, so that the compound search ("Außenministerin" -> "minister") is
 * one walk from the end of a word.
 */
struct rg_disc_words *rg_i_discover_words_build(rg_gazetteer *g,
                                                const rg_dict *d);
void rg_i_discover_words_free(struct rg_disc_words *w);

/*
 * Whether the folded word f[0..n) is a role (bit 0) or an organisation
 * head (bit 1) of d (finished), or ends with one as a compound part of at
 * least 4 bytes, with one of the German endings (discover.c).
 * Time complexity: O(n).
 */
unsigned rg_i_discover_listed(const rg_dict *d, const char *f, size_t n);

#endif
