/*
 * mentions.c — stage 4: the gazetteer's matches in each sentence become
 * actor mentions with a byte span and a form.
 *
 * The form is the alias's own, except that a match glued by a hyphen to a
 * word outside it is a compound ("NATO-Generalsekretär" -> NATO; the
 * hyphen inside "Kim Jong-un" is part of the alias and does not count).
 * Hands on rg_mention records, in text order, to relations.c and to the
 * --mentions table.
 */
#include "mentions.h"

#include <stdlib.h>
#include <string.h>

void rg_i_mentions_init(rg_mentions *m)
{
    memset(m, 0, sizeof(*m));
}

void rg_i_mentions_destroy(rg_mentions *m)
{
    free(m->v);
    free(m->scratch.v);
    memset(m, 0, sizeof(*m));
}

static uint8_t S_form(const rg_dict *d, const rg_tokens *toks,
                      const rg_match *mt)
{
    const rg_token *first = &toks->v[mt->tok_begin];
    const rg_token *last = &toks->v[mt->tok_end - 1];
    if ((first->flags & RG_TF_HYPHEN_BEFORE) ||
        (last->flags & RG_TF_HYPHEN_AFTER))
        return RG_FORM_COMPOUND;
    return d->aliases[mt->alias].form;
}

/*
 * Whether a match stands for its actor here.  Every match does for now;
 * this is the seam for the context rules of a later issue (surname
 * resolution: "Roth" only after "Michael Roth" in the same document;
 * "Union" as CDU/CSU or EU; "Westen" as a direction).
 */
static int S_accept(const rg_dict *d, const rg_tokens *toks,
                    const rg_match *mt)
{
    (void)d;
    (void)toks;
    (void)mt;
    return 1;
}

void rg_i_find_mentions(rg_mentions *out, const rg_dict *d,
                        const rg_tokens *toks, const rg_sentences *sents)
{
    out->n = 0;
    if (!d->gaz)
        return;   /* not finished: nothing can match */
    for (size_t s = 0; s < sents->n; s++) {
        const rg_sentence *sent = &sents->v[s];
        out->scratch.n = 0;
        rg_i_gazetteer_match(d->gaz, toks, sent->tok_begin, sent->tok_end,
                             &out->scratch);
        for (size_t i = 0; i < out->scratch.n; i++) {
            const rg_match *mt = &out->scratch.v[i];
            if (!S_accept(d, toks, mt))
                continue;
            RG_GROW(out->v, out->cap, out->n + 1);
            out->v[out->n++] = (rg_mention){
                .sentence = (uint32_t)s,
                .start = toks->v[mt->tok_begin].start,
                .end = toks->v[mt->tok_end - 1].end,
                .actor = d->aliases[mt->alias].actor,
                .form = S_form(d, toks, mt),
            };
        }
    }
}
