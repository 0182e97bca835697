/*
 * fuzz_dict.c — libFuzzer target for the dictionary loader: the input
 * becomes one dictionary file (named .tsv or, when the first byte is odd,
 * abbreviations.txt / furniture.txt) which is loaded and finished.  Every
 * malformed line must give a message, never a crash or a leak.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "relgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void S_count(void *ctx, rg_level level, const char *where, const char *what)
{
    (void)level;
    (void)where;
    (void)what;
    ++*(size_t *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64];
    if (!dir[0])
        snprintf(dir, sizeof(dir), "/tmp/relgraph-fuzz-dict.%ld", (long)getpid());
    static const char *const names[] = {"table.tsv", "abbreviations.txt",
                                        "furniture.txt", "table.tsv"};
    const char *name = names[size ? data[0] % 4 : 0];
    char path[128];
    snprintf(path, sizeof(path), "%s-%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    size_t messages = 0;
    rg_diag diag = {S_count, &messages};
    rg_dict *d = rg_dict_new();
    rg_status st = rg_dict_load(d, path, &diag);
    if (st == RG_OK)
        st = rg_dict_finish(d, &diag);
    /* a failure is always explained */
    if (st != RG_OK && messages == 0)
        abort();
    rg_dict_free(d);
    unlink(path);
    return 0;
}
