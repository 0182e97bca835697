/*
 * test_progress.c — the progress line: shown on a terminal (a pseudo
 * terminal made by script(1)), never with --quiet or when stderr is not a
 * terminal.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

#define EXAMPLES RG_TEST_SOURCE_DIR "/examples"

TestSuite(progress, .init = rgt_tmp_setup, .fini = rgt_tmp_teardown,
          .timeout = 300);

/* A corpus that takes a moment even for a fast build: the examples many
 * times over, each line numbered so that no copy is a repeat (repeated
 * lines are page furniture, which costs nothing), and each file linked
 * under three more names (240 MB to read, none of it on disk twice). */
static void make_corpus(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p '%s/corpus' && cat '%s'/0*.txt > '%s/one' && "
             "for i in $(seq 1 40); do awk -v f=$i '{l[NR] = $0} END {"
             "for (j = 1; j <= 120; j++) for (k = 1; k <= NR; k++) "
             "print (l[k] == \"\" ? \"\" : l[k] \" (\" f \".\" j \")\")}' "
             "'%s/one' > '%s/corpus/'$i.txt && for c in b c d; do "
             "ln '%s/corpus/'$i.txt '%s/corpus/'$i$c.txt; done; done",
             rgt_tmp, EXAMPLES, rgt_tmp, rgt_tmp, rgt_tmp, rgt_tmp, rgt_tmp);
    cr_assert_eq(system(cmd), 0);
}

/* stderr of relgraph run on a terminal (script merges it into stdout). */
static char *on_terminal(const char *opts)
{
    char cmd[2048], *out = NULL;
    snprintf(cmd, sizeof(cmd),
             "cd '%s' && script -qec \"'%s' %s corpus -o x.graphml\" /dev/null "
             "> tty.out 2>&1", rgt_tmp, RG_TEST_BINARY, opts);
    cr_assert_eq(system(cmd), 0);
    char *p = rgt_path(rgt_tmp, "tty.out");
    out = rgt_read_file(p, NULL);
    free(p);
    cr_assert_not_null(out);
    return out;
}

Test(progress, shown_on_a_terminal_only)
{
    if (system("command -v script >/dev/null 2>&1") != 0)
        cr_skip_test("script(1) is not installed");
    make_corpus();
    char *out = on_terminal("-j1");
    cr_expect(strstr(out, " files, ") && strstr(out, " MB/s") && strstr(out, "ETA "),
              "no progress line on a terminal: %s", out);
    cr_expect(strstr(out, "\r\033[K"), "the line is not cleared: %s", out);
    cr_expect(strstr(out, "relgraph: 160 documents"), "no summary: %s", out);
    free(out);

    out = on_terminal("-j1 --quiet");
    cr_expect_null(strstr(out, "MB/s"), "progress despite --quiet: %s", out);
    free(out);

    rgt_result r;
    cr_assert_eq(rgt_run(&r, rgt_tmp, NULL, (const char *[]){"-j1", "corpus", "-o",
                                                          "y.graphml", NULL}), 0);
    cr_expect_eq(r.status, 0);
    cr_expect_null(strstr(r.err, "MB/s"), "progress on a pipe: %s", r.err);
    cr_expect_null(strchr(r.err, '\r'), "carriage return on a pipe: %s", r.err);
    rgt_result_free(&r);
}
