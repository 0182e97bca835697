/*
 * test_seeds.c — end to end on the real scraped articles in ../shared/seeds
 * (skipped with a message when ../shared is not beside the repository):
 * concrete facts of those articles must show up in the network, and the
 * files written must be accepted by real readers (../shared/validate).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

#define SEEDS RG_TEST_SHARED_DIR "/seeds"
#define VALIDATE RG_TEST_SHARED_DIR "/validate"

static char *tmp;

static void setup(void)
{
    if (!rgt_have_shared())
        cr_skip_test("../shared is not beside the repository: seed tests skipped");
    tmp = rgt_tmpdir();
}

static void teardown(void)
{
    if (tmp) {
        rgt_rmtree(tmp);
        free(tmp);
        tmp = NULL;
    }
}

TestSuite(seeds, .init = setup, .fini = teardown, .timeout = 300);

/* Exit status of `sh -c cmd`, with its output sent to our stderr. */
static int shell(const char *cmd)
{
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static int have(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
    return shell(cmd) == 0;
}

Test(seeds, key_actors_become_nodes_and_graphml_validates)
{
    char *g = rgt_path(tmp, "seeds.graphml"), *m = rgt_path(tmp, "m.tsv");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){SEEDS, "-o", g, "--mentions", m, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 5 documents,"), "summary: %s", r.err);
    char *xml = rgt_read_file(g, NULL);
    cr_assert_not_null(xml);
    const char *ids[] = {"putin", "kim_jong_un", "mark_rutte", "nato", "eu",
                         "north_korea", "russia", "ukraine", "south_korea"};
    for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
        char want[128];
        snprintf(want, sizeof(want), "<node id=\"%s\"", ids[i]);
        cr_expect(strstr(xml, want), "%s is not a node", ids[i]);
    }
    char *tsv = rgt_read_file(m, NULL);
    cr_assert_not_null(tsv);
    /* "Nato-Generalsekretär Mark Rutte" in 001: the Nato part is a compound,
     * the name a full name */
    cr_expect(strstr(tsv, "\tNato\tnato\tNATO\torganization\tcompound\n"), "no Nato compound");
    cr_expect(strstr(tsv, "\tMark Rutte\tmark_rutte\tMark Rutte\tperson\tname\n"), "no Mark Rutte");
    free(tsv);
    free(xml);

    if (access(VALIDATE "/graphml-xsd", X_OK) != 0 || !have("xmllint")) {
        cr_log_warn("xmllint or ../shared/validate/graphml-xsd missing: schema check skipped");
    } else {
        char cmd[1024];
        snprintf(cmd, sizeof(cmd), "%s/graphml-xsd '%s' >&2", VALIDATE, g);
        cr_expect_eq(shell(cmd), 0, "graphml-xsd rejects %s", g);
    }
    free(g);
    free(m);
    rgt_result_free(&r);
}

Test(seeds, dot_renders_without_warnings)
{
    if (!have("dot"))
        cr_skip_test("graphviz (dot) is not installed");
    char *d = rgt_path(tmp, "seeds.dot");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){SEEDS, "-q", "-o", d, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "%s/dot-graphviz '%s' >&2", VALIDATE, d);
    cr_expect_eq(shell(cmd), 0, "dot-graphviz rejects %s", d);
    /* sfdp (the layout for large networks) must not warn either */
    snprintf(cmd, sizeof(cmd), "sfdp -Tsvg '%s' -o /dev/null 2>'%s.err' && test ! -s '%s.err'", d,
             d, d);
    cr_expect_eq(shell(cmd), 0, "sfdp warns about %s", d);
    free(d);
    rgt_result_free(&r);
}
