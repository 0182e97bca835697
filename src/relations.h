/*
 * relations.h — stage 5: mentions -> relation instances (co-occurrence of
 * actors within a sentence; verb relations in a later issue).
 */
#ifndef RG_RELATIONS_H
#define RG_RELATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "mentions.h"
#include "sentences.h"

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
    uint32_t sentence;          /* sentence index in the document */
    uint8_t kind;               /* enum rg_relation_kind */
    uint16_t relation;          /* relation class, 0 = none (co-occurrence) */
} rg_relation;

typedef struct rg_relation_list {
    rg_relation *v;
    size_t n, cap;
} rg_relation_list;

void rg_i_relations_init(rg_relation_list *r);
void rg_i_relations_destroy(rg_relation_list *r);

/*
 * Replaces the contents of `out` with the relation instances of one
 * document: for every sentence, each unordered pair of distinct actors
 * mentioned in it, once (source < target).
 */
void rg_i_find_relations(rg_relation_list *out, const rg_mentions *m,
                         const rg_sentences *s, rg_relations which);

#endif
