/*
 * suggest.h — actors found by rule (discover.c), kept with where they were
 * first found, and written as a dictionary for review (--suggest).
 */
#ifndef RG_SUGGEST_H
#define RG_SUGGEST_H

#include <stdint.h>
#include <stdio.h>

#include "dict.h"

/* A discovered actor: id "disc:…", label and type from the earliest
 * document (rg_path_compare order) that named it, and its sentence there. */
typedef struct rg_found_actor {
    rg_actor a;             /* owned strings; qid "" */
    char *doc;              /* owned */
    char *example;          /* owned */
} rg_found_actor;

void rg_i_found_actor_free(rg_found_actor *f);

/* Replaces f's label, type, document and example with those given (the
 * strings are taken over) when `doc` comes before f->doc; else frees
 * them.  So the first finding in input order wins whatever the order in
 * which documents or shards arrive. */
void rg_i_found_actor_offer(rg_found_actor *f, char *label, int type,
                            char *doc, char *example);

/* One line of the suggestions: an actor and its counts. */
typedef struct rg_suggestion {
    const rg_found_actor *f;
    uint64_t mentions;
    uint32_t documents;
} rg_suggestion;

/* Writes v[0..n) (sorted here by id) as an actors table to `actors` and an
 * aliases table to `aliases`; see rg_pipeline_write_suggestions.
 * Returns RG_OK or RG_EIO. */
rg_status rg_i_write_suggestions(rg_suggestion *v, size_t n, FILE *actors,
                                 FILE *aliases);

#endif
