/*
 * suggest.c — the actors discovery found (discover.c) as a dictionary a
 * user can review and load with -d (--suggest), for a run or a merge.
 */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void rg_i_found_actor_free(rg_found_actor *f)
{
    free(f->a.id);
    free(f->a.label);
    free(f->a.qid);
    free(f->doc);
    free(f->example);
}

void rg_i_found_actor_offer(rg_found_actor *f, char *label, int type,
                            char *doc, char *example)
{
    if (rg_path_compare(doc, f->doc) < 0) {
        free(f->a.label);
        free(f->doc);
        free(f->example);
        f->a.label = label;
        f->a.type = (uint8_t)type;
        f->doc = doc;
        f->example = example;
    } else {
        free(label);
        free(doc);
        free(example);
    }
}

static int S_cmp_id(const void *a, const void *b)
{
    return strcmp(((const rg_suggestion *)a)->f->a.id,
                  ((const rg_suggestion *)b)->f->a.id);
}

rg_status rg_i_write_suggestions(rg_suggestion *v, size_t n, FILE *actors,
                                 FILE *aliases)
{
    if (n > 1)
        qsort(v, n, sizeof(*v), S_cmp_id);
    rg_buf a, l;
    rg_i_buf_init(&a);
    rg_i_buf_init(&l);
    rg_i_buf_adds(&a, "# Actors relgraph found by rule and not in the dictionary "
                      "(--suggest).\n# Review them, fix ids and labels, delete "
                      "what is wrong, then add the directory with -d.\n"
                      "id\ttype\tlabel\tqid\n");
    rg_i_buf_adds(&l, "# Aliases of the actors in actors.tsv (--suggest); the "
                      "short form is a person's surname as relgraph resolved it.\n"
                      "actor\tform\talias\n");
    for (size_t i = 0; i < n; i++) {
        const rg_actor *d = &v[i].f->a;
        const char *id = d->id + 5;   /* without "disc:" */
        rg_i_buf_printf(&a, "# count %llu in %u document%s: %s\n",
                        (unsigned long long)v[i].mentions, v[i].documents,
                        v[i].documents == 1 ? "" : "s", v[i].f->example);
        rg_i_buf_printf(&a, "%s\t%s\t", id, rg_i_type_name(d->type));
        rg_i_buf_add_field(&a, d->label, strlen(d->label));
        rg_i_buf_adds(&a, "\t\n");
        rg_i_buf_printf(&l, "%s\tname\t", id);
        rg_i_buf_add_field(&l, d->label, strlen(d->label));
        rg_i_buf_addc(&l, '\n');
        /* A person's surname: the last word of two or more ("Kahl"). */
        const char *sp = strrchr(d->label, ' ');
        if (d->type == RG_TYPE_PERSON && sp && sp[1]) {
            /* Korean names ("Lee Sung-yoon"): the family name comes first. */
            const char *h = strchr(sp + 1, '-');
            size_t sn = strlen(sp + 1);
            const char *sur = sp + 1;
            if (h && h[1] >= 'a' && h[1] <= 'z') {
                sur = d->label;
                sn = strcspn(d->label, " ");
            }
            rg_i_buf_printf(&l, "%s\tshort\t", id);
            rg_i_buf_add_field(&l, sur, sn);
            rg_i_buf_addc(&l, '\n');
        }
    }
    rg_status st = RG_OK;
    if ((a.len && fwrite(a.data, 1, a.len, actors) != a.len) ||
        (l.len && fwrite(l.data, 1, l.len, aliases) != l.len))
        st = RG_EIO;
    rg_i_buf_destroy(&a);
    rg_i_buf_destroy(&l);
    return st;
}
