/*
 * tally.h — stage 6: relation instances -> counts per actor and per
 * (source, target, kind, relation).  Independent of igraph.
 */
#ifndef RG_TALLY_H
#define RG_TALLY_H

#include <stddef.h>
#include <stdint.h>

typedef struct rg_tally_actor {
    uint64_t mentions;
    uint32_t documents;
    uint32_t last_doc;         /* internal: last document counted + 1 */
} rg_tally_actor;

typedef struct rg_tally_edge {
    uint32_t source, target;   /* actor indices */
    uint8_t kind;              /* enum rg_relation_kind */
    uint16_t relation;         /* relation class, 0 = none */
    uint64_t weight;           /* relation instances (sentences) */
    uint32_t documents;        /* distinct documents */
    uint32_t last_doc;         /* internal */
    /* first evidence: where the first instance was seen */
    char *ev_doc;              /* owned */
    uint32_t ev_sentence;
    uint64_t ev_start, ev_end; /* original-file bytes of the sentence */
    char *ev_text;             /* owned; the sentence */
    char *ev_verb;             /* owned; verb lemma of a relation edge's
                                  first instance, NULL for co-occurrence */
} rg_tally_edge;

typedef struct rg_tally rg_tally;

/* A tally over `n_actors` dictionary actors. */
rg_tally *rg_i_tally_new(size_t n_actors);
void rg_i_tally_free(rg_tally *t);

/* Makes room for `n_actors` actors (discovered actors are numbered after
 * the dictionary's as they are merged); never shrinks. */
void rg_i_tally_grow(rg_tally *t, size_t n_actors);

/* Counts one mention of `actor` in document number `doc` (0, 1, 2, ...). */
void rg_i_tally_mention(rg_tally *t, uint32_t actor, uint32_t doc);

/* Where a relation instance was seen, and its verb (NULL for none). */
typedef struct rg_tally_evidence {
    const char *doc;
    uint32_t sentence;
    uint64_t start, end;
    const char *text;
    size_t text_len;
    const char *verb;
} rg_tally_evidence;

/*
 * Says that the instances counted next come from the document `path`.
 * Optional: it lets rg_i_tally_instance skip comparing paths while the
 * documents come in rg_path_compare order, as a walk gives them (then
 * no later document can hold an earlier instance).
 */
void rg_i_tally_document(rg_tally *t, const char *path);

/*
 * Counts one relation instance in document number `doc`.  The edge's
 * evidence is its first instance in the earliest document by
 * rg_path_compare order (not by arrival), so that tallies of shards merge
 * to the same evidence as one run: the strings are copied only when the
 * edge is new or an earlier document is seen.  Time: O(1) expected.
 */
void rg_i_tally_instance(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint32_t doc,
                         const rg_tally_evidence *ev);

/* `count` instances of one key in document number `doc` at once, the
 * first of them with the evidence `ev`: the same as `count` calls of
 * rg_i_tally_instance with it. */
void rg_i_tally_instances(rg_tally *t, uint32_t source, uint32_t target,
                          uint8_t kind, uint16_t relation, uint32_t doc,
                          uint32_t count, const rg_tally_evidence *ev);

/* rg_i_tally_instance without a verb, for tests and co-occurrence. */
void rg_i_tally_relation(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint32_t doc,
                         const char *ev_doc, uint32_t ev_sentence,
                         uint64_t ev_start, uint64_t ev_end,
                         const char *ev_text, size_t ev_text_len);

/* Sets the counts of `actor` (merging tallies: the sums of the shards). */
void rg_i_tally_set_actor(rg_tally *t, uint32_t actor, uint64_t mentions,
                          uint32_t documents);

/* Adds an edge with its counts and evidence (merging tallies); the key
 * must be new.  The strings are copied. */
void rg_i_tally_add_edge(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint64_t weight,
                         uint32_t documents, const rg_tally_evidence *ev);

size_t rg_i_tally_actor_count(const rg_tally *t);
const rg_tally_actor *rg_i_tally_actor(const rg_tally *t, size_t actor);

/* Edges in no particular order; the network sorts them. */
size_t rg_i_tally_edge_count(const rg_tally *t);
const rg_tally_edge *rg_i_tally_edge(const rg_tally *t, size_t i);

#endif
