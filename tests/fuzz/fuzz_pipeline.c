/*
 * fuzz_pipeline.c — libFuzzer target for the whole text pipeline: bytes in
 * (as one document, with the shipped dictionary) -> text, tokens,
 * sentences, mentions, relations, tally, network, and every table and
 * graph written to /dev/null.  Built with -DRELGRAPH_FUZZ=ON (clang); also
 * built as a corpus replayer (fuzz_main.c) that ctest runs over the
 * examples and the regression inputs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "relgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rg_dict *S_dict;
static FILE *S_null;

static void S_setup(void)
{
    S_dict = rg_dict_new();
    if (rg_dict_load(S_dict, RG_TEST_SOURCE_DIR "/dict", NULL) != RG_OK ||
        rg_dict_finish(S_dict, NULL) != RG_OK)
        abort();
    S_null = fopen("/dev/null", "w");
    if (!S_null)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!S_dict)
        S_setup();
    rg_options opts;
    rg_options_init(&opts);
    opts.mentions = S_null;
    opts.evidence = S_null;
    rg_pipeline *p = rg_pipeline_new(S_dict, &opts);
    if (rg_pipeline_add_buffer(p, "fuzz", (const char *)data, size) != RG_OK)
        abort();
    rg_network *net = NULL;
    if (rg_network_build(p, &net) != RG_OK)
        abort();
    if (rg_network_write_dot(net, S_null) != RG_OK ||
        rg_network_write_graphml(net, S_null) != RG_OK ||
        rg_network_write_report(net, 0, S_null) != RG_OK)
        abort();
    rg_network_free(net);
    rg_pipeline_free(p);
    return 0;
}
