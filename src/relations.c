/*
 * relations.c — stage 5: turns a document's mentions into relation
 * instances.  Co-occurrence: every unordered pair of distinct actors named in
 * one sentence, once per sentence (source < target by actor index, which is
 * id order).  Verb relations (directed) are a later issue and plug in here.
 */
#include "relations.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *rg_i_kind_name(int kind)
{
    return kind == RG_KIND_RELATION ? "relation" : "cooccurrence";
}

static const char *const S_class_names[RG_REL_CLASS_COUNT] = {
    "", "warn", "threaten", "deploy", "supply", "support", "cooperate",
    "agree", "condemn", "criticize", "sanction", "demand", "summon", "attack",
    "fight", "meet", "inform", "deny", "accuse", "negotiate", "other"};

const char *rg_i_relation_name(int relation)
{
    return relation > 0 && relation < RG_REL_CLASS_COUNT ? S_class_names[relation]
                                                         : "";
}

int rg_i_relation_parse(const char *name)
{
    for (int i = 1; i < RG_REL_CLASS_COUNT; i++)
        if (strcmp(name, S_class_names[i]) == 0)
            return i;
    return -1;
}

void rg_i_relations_init(rg_relation_list *r)
{
    memset(r, 0, sizeof(*r));
}

void rg_i_relations_destroy(rg_relation_list *r)
{
    free(r->v);
    memset(r, 0, sizeof(*r));
}

static int S_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Pairs of the distinct actors in actors[0..n) (sorted here). */
static void S_pairs(rg_relation_list *out, uint32_t *actors, size_t n,
                    uint32_t sentence)
{
    qsort(actors, n, sizeof(*actors), S_cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || actors[k - 1] != actors[i])
            actors[k++] = actors[i];
    for (size_t i = 0; i < k; i++) {
        for (size_t j = i + 1; j < k; j++) {
            RG_GROW(out->v, out->cap, out->n + 1);
            rg_relation *r = &out->v[out->n++];
            r->source = actors[i];
            r->target = actors[j];
            r->sentence = sentence;
            r->kind = RG_KIND_COOCCURRENCE;
            r->relation = 0;
        }
    }
}

void rg_i_find_relations(rg_relation_list *out, const rg_mentions *m,
                         const rg_sentences *s, rg_relations which)
{
    (void)s;
    out->n = 0;
    if (!(which & RG_REL_COOCCURRENCE) || m->n < 2)
        return;
    uint32_t *actors = rg_i_xmalloc(m->n * sizeof(*actors));
    size_t i = 0;
    while (i < m->n) {
        uint32_t sentence = m->v[i].sentence;
        size_t n = 0;
        for (; i < m->n && m->v[i].sentence == sentence; i++)
            actors[n++] = m->v[i].actor;
        S_pairs(out, actors, n, sentence);
    }
    free(actors);
}
