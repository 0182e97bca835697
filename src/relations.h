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
