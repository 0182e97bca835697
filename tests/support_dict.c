/*
 * support_dict.c — test helpers that load dictionaries (see support.h).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

static void S_print_diag(void *data, rg_level level, const char *where,
                         const char *what)
{
    (void)data;
    (void)level;
    fprintf(stderr, "%s%s%s\n", where, *where ? ": " : "", what);
}

rg_dict *rgt_dict(const char *actors, const char *aliases, const char *abbrevs)
{
    char *dir = rgt_tmpdir();
    struct {
        const char *name, *text;
    } files[] = {{"actors.tsv", actors}, {"aliases.tsv", aliases},
                 {"abbreviations.txt", abbrevs}};
    for (size_t i = 0; i < 3; i++) {
        if (!files[i].text)
            continue;
        char *p = rgt_path(dir, files[i].name);
        rgt_write_file(p, files[i].text);
        free(p);
    }
    rg_diag diag = {S_print_diag, NULL};
    rg_dict *d = rg_dict_new();
    rg_status st = rg_dict_load(d, dir, &diag);
    if (st == RG_OK)
        st = rg_dict_finish(d, &diag);
    rgt_rmtree(dir);
    free(dir);
    if (st != RG_OK) {
        rg_dict_free(d);
        return NULL;
    }
    return d;
}

rg_dict *rgt_default_dict(void)
{
    rg_diag diag = {S_print_diag, NULL};
    rg_dict *d = rg_dict_new();
    rg_status st = rg_dict_load(d, RG_TEST_SOURCE_DIR "/dict", &diag);
    if (st == RG_OK)
        st = rg_dict_finish(d, &diag);
    if (st != RG_OK) {
        rg_dict_free(d);
        return NULL;
    }
    return d;
}
