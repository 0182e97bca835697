/*
 * tally.c — stage 6: aggregates relation instances into counts per actor and
 * per edge key (source, target, kind, relation): weight (instances),
 * documents (distinct), and the first evidence sentence.  It knows nothing
 * of igraph; the network is built from it at the end.  Documents are counted
 * by their number in input order, so a tally is deterministic.
 */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "relgraph.h"
#include "util.h"

struct rg_tally {
    rg_tally_actor *actors;
    size_t n_actors;
    rg_tally_edge *edges;
    size_t n_edges, cap_edges;
    int32_t *slots;          /* open addressing into edges, -1 = empty */
    size_t nslots;
    char *last_path;         /* rg_i_tally_document's last path */
    int in_order;            /* every document so far came after the one
                                before it in path order (set by the first
                                rg_i_tally_document on an empty tally) */
};

rg_tally *rg_i_tally_new(size_t n_actors)
{
    rg_tally *t = rg_i_xcalloc(1, sizeof(*t));
    t->actors = rg_i_xcalloc(n_actors ? n_actors : 1, sizeof(*t->actors));
    t->n_actors = n_actors;
    return t;
}

void rg_i_tally_free(rg_tally *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_edges; i++) {
        free(t->edges[i].ev_doc);
        free(t->edges[i].ev_text);
        free(t->edges[i].ev_verb);
    }
    free(t->edges);
    free(t->slots);
    free(t->last_path);
    free(t->actors);
    free(t);
}

void rg_i_tally_grow(rg_tally *t, size_t n_actors)
{
    if (n_actors <= t->n_actors)
        return;
    t->actors = rg_i_xrealloc(t->actors, n_actors * sizeof(*t->actors));
    memset(t->actors + t->n_actors, 0,
           (n_actors - t->n_actors) * sizeof(*t->actors));
    t->n_actors = n_actors;
}

void rg_i_tally_mention(rg_tally *t, uint32_t actor, uint32_t doc)
{
    if (actor >= t->n_actors)
        return;
    rg_tally_actor *a = &t->actors[actor];
    a->mentions++;
    if (a->last_doc != doc + 1) {
        a->last_doc = doc + 1;
        a->documents++;
    }
}

/* Slots are only for finding an edge (edges keep their order of arrival),
 * so a multiplicative mix of the key is enough. */
static uint64_t S_key_hash(uint32_t s, uint32_t d, uint8_t kind, uint16_t rel)
{
    uint64_t x = ((uint64_t)s << 32 | d) * 0x9E3779B97F4A7C15u;
    x ^= (((uint64_t)kind << 16) | rel) * 0xC2B2AE3D27D4EB4Fu;
    return x ^ (x >> 31);
}

static int S_same(const rg_tally_edge *e, uint32_t s, uint32_t d, uint8_t kind,
                  uint16_t rel)
{
    return e->source == s && e->target == d && e->kind == kind &&
           e->relation == rel;
}

static inline size_t S_find(const rg_tally *t, uint32_t s, uint32_t d, uint8_t kind,
                     uint16_t rel)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)S_key_hash(s, d, kind, rel) & mask;
    while (t->slots[i] >= 0 && !S_same(&t->edges[t->slots[i]], s, d, kind, rel))
        i = (i + 1) & mask;
    return i;
}

static void S_rehash(rg_tally *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 256;
    free(t->slots);
    t->slots = rg_i_xmalloc(n * sizeof(*t->slots));
    memset(t->slots, 0xff, n * sizeof(*t->slots));
    t->nslots = n;
    for (size_t e = 0; e < t->n_edges; e++) {
        const rg_tally_edge *x = &t->edges[e];
        t->slots[S_find(t, x->source, x->target, x->kind, x->relation)] =
            (int32_t)e;
    }
}

int rg_path_compare(const char *a, const char *b)
{
    /* Byte order, but '/' below every other byte: component by component,
     * as a walk that sorts each directory's names visits the files. */
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    /* The end of the string first, then '/', then every other byte. */
    unsigned cx = *x == '/' ? 1u : *x ? *x + 1u : 0u;
    unsigned cy = *y == '/' ? 1u : *y ? *y + 1u : 0u;
    return cx < cy ? -1 : cx > cy;
}

/* Copies the evidence into e (its strings freed first). */
static void S_set_evidence(rg_tally_edge *e, const rg_tally_evidence *ev)
{
    free(e->ev_doc);
    free(e->ev_text);
    free(e->ev_verb);
    e->ev_doc = rg_i_xstrdup(ev->doc ? ev->doc : "");
    e->ev_sentence = ev->sentence;
    e->ev_start = ev->start;
    e->ev_end = ev->end;
    e->ev_text = rg_i_xstrndup(ev->text ? ev->text : "", ev->text ? ev->text_len : 0);
    e->ev_verb = ev->verb ? rg_i_xstrdup(ev->verb) : NULL;
}

/* The edge of the key, made (with no counts) if new; *fresh says which. */
static inline rg_tally_edge *S_edge(rg_tally *t, uint32_t source, uint32_t target,
                             uint8_t kind, uint16_t relation, int *fresh)
{
    if ((t->n_edges + 1) * 2 > t->nslots)
        S_rehash(t);
    size_t slot = S_find(t, source, target, kind, relation);
    *fresh = t->slots[slot] < 0;
    if (!*fresh)
        return &t->edges[t->slots[slot]];
    RG_GROW(t->edges, t->cap_edges, t->n_edges + 1);
    rg_tally_edge *e = &t->edges[t->n_edges];
    memset(e, 0, sizeof(*e));
    e->source = source;
    e->target = target;
    e->kind = kind;
    e->relation = relation;
    t->slots[slot] = (int32_t)t->n_edges++;
    return e;
}

void rg_i_tally_document(rg_tally *t, const char *path)
{
    if (!t->last_path)
        t->in_order = t->n_edges == 0;
    else if (t->in_order && rg_path_compare(path, t->last_path) < 0)
        t->in_order = 0;
    free(t->last_path);
    t->last_path = rg_i_xstrdup(path);
}

void rg_i_tally_instance(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint32_t doc,
                         const rg_tally_evidence *ev)
{
    rg_i_tally_instances(t, source, target, kind, relation, doc, 1, ev);
}

void rg_i_tally_instances(rg_tally *t, uint32_t source, uint32_t target,
                          uint8_t kind, uint16_t relation, uint32_t doc,
                          uint32_t count, const rg_tally_evidence *ev)
{
    int fresh;
    rg_tally_edge *e = S_edge(t, source, target, kind, relation, &fresh);
    e->weight += count;
    if (e->last_doc == doc + 1)
        return;
    /* The first instance in this document: is it an earlier document? */
    if (fresh ||
        (!t->in_order && rg_path_compare(ev->doc ? ev->doc : "", e->ev_doc) < 0))
        S_set_evidence(e, ev);
    e->last_doc = doc + 1;
    e->documents++;
}

void rg_i_tally_relation(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint32_t doc,
                         const char *ev_doc, uint32_t ev_sentence,
                         uint64_t ev_start, uint64_t ev_end,
                         const char *ev_text, size_t ev_text_len)
{
    rg_tally_evidence ev = {ev_doc, ev_sentence, ev_start, ev_end,
                            ev_text, ev_text_len, NULL};
    rg_i_tally_instance(t, source, target, kind, relation, doc, &ev);
}

void rg_i_tally_set_actor(rg_tally *t, uint32_t actor, uint64_t mentions,
                          uint32_t documents)
{
    if (actor >= t->n_actors)
        rg_i_tally_grow(t, (size_t)actor + 1);
    t->actors[actor].mentions = mentions;
    t->actors[actor].documents = documents;
}

void rg_i_tally_add_edge(rg_tally *t, uint32_t source, uint32_t target,
                         uint8_t kind, uint16_t relation, uint64_t weight,
                         uint32_t documents, const rg_tally_evidence *ev)
{
    int fresh;
    rg_tally_edge *e = S_edge(t, source, target, kind, relation, &fresh);
    e->weight += weight;
    e->documents += documents;
    S_set_evidence(e, ev);
}

size_t rg_i_tally_actor_count(const rg_tally *t)
{
    return t->n_actors;
}

const rg_tally_actor *rg_i_tally_actor(const rg_tally *t, size_t actor)
{
    return actor < t->n_actors ? &t->actors[actor] : NULL;
}

size_t rg_i_tally_edge_count(const rg_tally *t)
{
    return t->n_edges;
}

const rg_tally_edge *rg_i_tally_edge(const rg_tally *t, size_t i)
{
    return i < t->n_edges ? &t->edges[i] : NULL;
}
