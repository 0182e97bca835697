/*
 * verbs.c — the verb lexicon.  This file holds only the table plumbing that
 * dict.c calls; the lexicon itself (forms, particles, classes) is built by
 * the verb-relations work (see issue "Verb relations").
 */
#include "verbs.h"

#include <stdlib.h>

#include "util.h"

struct rg_verbs {
    size_t n;
};

rg_verbs *rg_i_verbs_new(void)
{
    return rg_i_xcalloc(1, sizeof(rg_verbs));
}

void rg_i_verbs_free(rg_verbs *v)
{
    free(v);
}

int rg_i_verbs_header(char *const *f, size_t nf)
{
    (void)f;
    (void)nf;
    return 0;
}

int rg_i_verbs_line(rg_verbs *v, const rg_diag *diag, const char *where,
                    char *const *f, size_t nf)
{
    (void)v;
    (void)f;
    (void)nf;
    rg_i_diag(diag, RG_ERROR, where, "verb tables are not supported yet");
    return -1;
}

rg_status rg_i_verbs_finish(rg_verbs *v, const rg_diag *diag)
{
    (void)v;
    (void)diag;
    return RG_OK;
}

size_t rg_i_verbs_count(const rg_verbs *v)
{
    return v ? v->n : 0;
}
