/*
 * fuzz_tally.c — libFuzzer target for the tally merge: the input, cut at
 * its first 0xFF byte, becomes two tally files, which are merged into a
 * tally and a network.  A damaged tally must give a message, never a
 * crash, a leak or a network built from half of it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static void S_write(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char a[64], b[64];
    if (!a[0]) {
        snprintf(a, sizeof(a), "/tmp/relgraph-fuzz-tally.%ld.a", (long)getpid());
        snprintf(b, sizeof(b), "/tmp/relgraph-fuzz-tally.%ld.b", (long)getpid());
    }
    const uint8_t *cut = size ? memchr(data, 0xFF, size) : NULL;
    size_t na = cut ? (size_t)(cut - data) : size;
    S_write(a, data, na);
    S_write(b, cut ? cut + 1 : data, cut ? size - na - 1 : size);
    size_t messages = 0;
    rg_diag diag = {S_count, &messages};
    rg_merge *m = rg_merge_new(1, &diag);
    static FILE *out;
    if (!out && !(out = fopen("/dev/null", "wb")))
        abort();
    const char *paths[] = {a, b};
    rg_status st = rg_merge_run(m, paths, 2, out);
    /* a failure is always explained */
    if (st != RG_OK && messages == 0)
        abort();
    if (st == RG_OK) {
        rg_network *net = NULL;
        st = rg_merge_network(m, &net);
        if (st == RG_OK && rg_network_write_graphml(net, out) != RG_OK)
            abort();
        rg_network_free(net);
    }
    rg_merge_free(m);
    unlink(a);
    unlink(b);
    return 0;
}
