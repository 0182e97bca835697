/*
 * support_hand_dict.h — a dictionary built by hand for the network and
 * writer suites (header-only, static), so that labels can hold what the
 * loader would refuse: control characters, a noncharacter.
 */
#ifndef RG_TEST_SUPPORT_HAND_DICT_H
#define RG_TEST_SUPPORT_HAND_DICT_H

#include <stdlib.h>
#include <string.h>

#include "dict.h"

typedef struct S_spec {
    const char *id, *label, *qid;
    int type;
} S_spec;

/* spec must be sorted by id, as a finished dictionary is. */
static rg_dict *S_hand_dict(const S_spec *spec, size_t n)
{
    rg_dict *d = calloc(1, sizeof(*d));
    d->actors = calloc(n, sizeof(*d->actors));
    for (size_t i = 0; i < n; i++) {
        d->actors[i].id = strdup(spec[i].id);
        d->actors[i].label = strdup(spec[i].label);
        d->actors[i].qid = strdup(spec[i].qid);
        d->actors[i].type = (uint8_t)spec[i].type;
    }
    d->n_actors = d->cap_actors = n;
    d->finished = 1;
    return d;
}

static void S_hand_dict_free(rg_dict *d)
{
    for (size_t i = 0; i < d->n_actors; i++) {
        free(d->actors[i].id);
        free(d->actors[i].label);
        free(d->actors[i].qid);
    }
    free(d->actors);
    free(d);
}

#endif
