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
    uint32_t tok_begin, tok_end;   /* its tokens [tok_begin, tok_end) */
    uint8_t form;          /* enum rg_form */
    uint8_t type;          /* its actor's type (rg_i_mention_type), kept
                              here by mentions.c and discover.c so that
                              relations.c does not look the actor up */
} rg_mention;

/* An actor discover.c found in a document (not in the dictionary).  A
 * mention's actor >= the dictionary's n_actors is found[actor - n_actors]. */
typedef struct rg_found {
    uint32_t id;           /* offset in rg_mentions.found_text: "disc:bruno_kahl" */
    uint32_t label;        /* offset there: the name as written, "Bruno Kahl" */
    uint32_t sentence;     /* its first mention's sentence */
    uint8_t type;          /* RG_TYPE_PERSON or RG_TYPE_ORGANIZATION */
} rg_found;

typedef struct rg_mentions {
    rg_mention *v;
    size_t n, cap;
    unsigned forms;        /* bit (1 << form) for each form kept; set to
                              RG_FORMS_ALL by init, the caller may narrow */
    size_t unresolved;     /* ambiguous short names left out by the last
                              call (no reading named earlier in the doc) */
    rg_matches scratch;    /* reused between calls */
    uint32_t *seen;        /* actor -> 1 + index of its last mention in
                              the document, 0 = not yet (reset per call) */
    size_t n_seen;
    int discover;          /* nonzero: also find actors by rule
                              (discover.c); 0 after init */
    const char *text;      /* the document's text, for discovered labels;
                              set by the caller (discovery needs it) */
    rg_found *found;       /* discovered actors of the last call */
    size_t n_found, cap_found;
    rg_buf found_text;     /* their ids and labels, NUL-terminated */
    void *disc_scratch;    /* discover.c's reused memory */
    int32_t *tok_id;       /* per token of the last call: its id in the
                              gazetteer's vocabulary or -1 (one lookup per
                              token for matching and discovery) */
    uint8_t *tok_cls;      /* per token: its classes (rg_i_gazetteer_ids),
                              then RG_WC_PAD zero bytes */
    size_t cap_tok_id;     /* of tok_id and tok_cls */
    size_t tok_n;          /* tokens tok_id and tok_cls hold (those of
                              the last call; 0 when it had no gazetteer):
                              relations.c reads tok_id for them */
} rg_mentions;

/* The type of mention actor `actor`: a dictionary actor's, or a
 * discovered one's. */
static inline int rg_i_mention_type(const rg_mentions *m, const rg_dict *d,
                                    uint32_t actor)
{
    return actor < d->n_actors ? d->actors[actor].type
                               : m->found[actor - d->n_actors].type;
}

/* Adds mentions.c's word lists (the prepositions and government words of
 * the venue rule) to the gazetteer's vocabulary as classes read by id
 * (RG_WC_BY_ID << 6 and << 7; called by rg_i_gazetteer_build). */
void rg_i_mentions_words(rg_gazetteer *g);

void rg_i_mentions_init(rg_mentions *m);
void rg_i_mentions_destroy(rg_mentions *m);

/*
 * Replaces the contents of `out` with the mentions in every sentence of a
 * document, in text order.  The form is the alias's form (or the one of the
 * generated variant), except that a match glued by a hyphen to a word
 * before or after it is a compound ("NATO-Generalsekretär" -> NATO,
 * compound).  When a match has several readings (gazetteer.h):
 *  - venue rule: a capital listed both as a metonym and as a place is the
 *    place after in/im/nach/aus/bei/ab/bis ("in Brüssel"), in a dateline
 *    (first word of a line before "(" or "/": "MOSKAU (dpa)") and inside a
 *    hyphen compound ("Moskau-Reise"), but the metonym after a word for a
 *    government ("das Regime in Pjöngjang"); without a place reading such a
 *    venue is left out;
 *  - otherwise the metonym; and a short name of several actors ("Kim",
 *    "Roth", "Union") is the one of them mentioned last before it in the
 *    document; when none was, a name of persons is left out and counted
 *    in `unresolved`, a name of organisations is the reading listed first.
 * With out->discover set, discover.c then adds the actors it finds by rule
 * (form RG_FORM_DISCOVERED, actors in out->found).
 * Mentions whose form is not in out->forms are dropped after all readings
 * are resolved (so "Putin" still resolves after an unreported full name).
 * Time complexity: O(tokens * L + mentions * readings).
 */
void rg_i_find_mentions(rg_mentions *out, const rg_dict *d,
                        const rg_tokens *toks, const rg_sentences *sents);

#endif
