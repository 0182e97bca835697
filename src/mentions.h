/*
 * mentions.h — stage 4: sentences + gazetteer -> actor mentions with forms.
 */
#ifndef RG_MENTIONS_H
#define RG_MENTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "gazetteer.h"
#include "sentences.h"
#include "tokens.h"

typedef struct rg_mention {
    uint32_t sentence;     /* index into the document's sentences */
    uint32_t start, end;   /* bytes in the normalised text */
    uint32_t actor;        /* index into rg_dict.actors */
    uint8_t form;          /* enum rg_form */
} rg_mention;

typedef struct rg_mentions {
    rg_mention *v;
    size_t n, cap;
    rg_matches scratch;    /* reused between calls */
} rg_mentions;

void rg_i_mentions_init(rg_mentions *m);
void rg_i_mentions_destroy(rg_mentions *m);

/*
 * Replaces the contents of `out` with the mentions in every sentence of a
 * document, in text order.  The form is the alias's form, except that a
 * match glued by a hyphen to a word before or after it is a compound
 * ("NATO-Generalsekretär" -> NATO, compound).
 */
void rg_i_find_mentions(rg_mentions *out, const rg_dict *d,
                        const rg_tokens *toks, const rg_sentences *sents);

#endif
