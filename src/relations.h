/*
 * relations.h — stage 5: mentions -> relation instances: co-occurrence of
 * actors within a window, and directed verb relations (who does what to
 * whom) found with the verb lexicon (verbs.h) and clause rules.
 */
#ifndef RG_RELATIONS_H
#define RG_RELATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "mentions.h"
#include "sentences.h"
#include "tokens.h"

enum rg_relation_kind {
    RG_KIND_COOCCURRENCE = 0,   /* undirected; source < target by actor index */
    RG_KIND_RELATION = 1        /* directed, verb-mediated */
};

/* "cooccurrence" / "relation". */
const char *rg_i_kind_name(int kind);

/* Relation classes of verb relations (CAMEO-like, coarse); 0 = none. */
enum rg_relation_class {
    RG_REL_NONE = 0,
    RG_REL_WARN, RG_REL_THREATEN, RG_REL_DEPLOY, RG_REL_SUPPLY,
    RG_REL_SUPPORT, RG_REL_COOPERATE, RG_REL_AGREE, RG_REL_CONDEMN,
    RG_REL_CRITICIZE, RG_REL_SANCTION, RG_REL_DEMAND, RG_REL_SUMMON,
    RG_REL_ATTACK, RG_REL_FIGHT, RG_REL_MEET, RG_REL_INFORM, RG_REL_DENY,
    RG_REL_ACCUSE, RG_REL_NEGOTIATE, RG_REL_OTHER,
    RG_REL_CLASS_COUNT
};

/* "warn", "threaten", ...; "" for RG_REL_NONE or an unknown class. */
const char *rg_i_relation_name(int relation);
/* The class called `name`, or -1. */
int rg_i_relation_parse(const char *name);

typedef struct rg_relation {
    uint32_t source, target;    /* actor indices */
    uint32_t sentence;          /* sentence index in the document (the
                                   first, for windows wider than one) */
    uint32_t sentence_last;     /* last sentence of the evidence, the same
                                   as `sentence` for a sentence window */
    uint8_t kind;               /* enum rg_relation_kind */
    uint16_t relation;          /* relation class, 0 = none (co-occurrence) */
    const char *verb;           /* verb lemma (borrowed from the
                                   dictionary), NULL for co-occurrence */
} rg_relation;

typedef struct rg_relation_list {
    rg_relation *v;
    size_t n, cap;
} rg_relation_list;

void rg_i_relations_init(rg_relation_list *r);
void rg_i_relations_destroy(rg_relation_list *r);

/*
 * Replaces the contents of `out` with the relation instances of one
 * document, in text order of their sentences.
 *
 * Co-occurrence (o->relations & RG_REL_COOCCURRENCE): each unordered pair
 * of distinct actors (source < target) once per window: per sentence (the
 * default), per paragraph, per document, or — o->window == RG_WINDOW_TOKENS
 * — for mentions at most o->window_tokens tokens apart, once per sentence
 * of the later mention.  The evidence of a wider window runs from the
 * sentence where the pair is first seen together back to the earlier one.
 *
 * Verb relations (o->relations & RG_REL_VERBS, with d's verb lexicon):
 * directed instances source -> target with the verb's class and lemma, per
 * clause, by the rules at the top of relations.c.  No direction, no
 * instance.
 *
 * `toks` and `s` are the document's tokens and sentences, `m` its mentions
 * (text order).  Time: O(tokens + pairs) per sentence.
 */
void rg_i_find_relations(rg_relation_list *out, const rg_mentions *m,
                         const rg_sentences *s, const rg_tokens *toks,
                         const rg_dict *d, const rg_options *o);

/*
 * Calls add(ctx, word, classes, det) for each folded word the verb rules
 * of rg_i_find_relations single out (function words, some punctuation):
 * rg_i_verbs_finish puts them into the lexicon's word table, so that one
 * lookup per token answers for both.  A word may come more than once; its
 * classes are then the union.  `classes` and `det` mean something to
 * relations.c only.
 */
void rg_i_relations_words(void (*add)(void *ctx, const char *w, uint32_t cls,
                                      char det),
                          void *ctx);

#endif
