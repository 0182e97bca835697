/*
 * verbs.h — the verb lexicon (dict/verbs.tsv): German verbs of political
 * news with their relation class and every form needed to find them.
 * Loaded by dict.c, which hands it the lines of any table whose header
 * rg_i_verbs_header accepts; used by relations.c.
 */
#ifndef RG_VERBS_H
#define RG_VERBS_H

#include <stddef.h>

#include "relgraph.h"

typedef struct rg_verbs rg_verbs;

rg_verbs *rg_i_verbs_new(void);
void rg_i_verbs_free(rg_verbs *v);

/* Whether the header fields f[0..nf) are those of a verb table. */
int rg_i_verbs_header(char *const *f, size_t nf);

/* One data line of a verb table (fields f[0..nf), NUL-terminated, trimmed);
 * malformed lines are reported at `where` ("file:line") through diag.
 * Returns 0, or -1 when the line was malformed. */
int rg_i_verbs_line(rg_verbs *v, const rg_diag *diag, const char *where,
                    char *const *f, size_t nf);

/* Called once by rg_dict_finish: builds the form tables.  Returns RG_OK
 * or RG_EPARSE (reported). */
rg_status rg_i_verbs_finish(rg_verbs *v, const rg_diag *diag);

/* Number of verbs (lemmas) loaded. */
size_t rg_i_verbs_count(const rg_verbs *v);

#endif
