/*
 * test_metrics_networkx.c — relgraph's metrics against a second
 * implementation: runs tests/interop/metrics_networkx.py, which computes
 * every node metric and graph-level figure with networkx on the GraphML
 * relgraph writes for examples/ (and on synthetic graphs read back through
 * `relgraph report`) and requires agreement to 1e-6.  Skipped with a
 * message when /usr/bin/python3 with networkx and scipy is not installed
 * (Debian: python3-networkx python3-scipy, or ../shared/validate/install-deps).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

#define S_PYTHON "/usr/bin/python3"

Test(interop, metrics_agree_with_networkx, .timeout = 300)
{
    if (access(S_PYTHON, X_OK) != 0)
        cr_skip_test("no " S_PYTHON ": metrics not checked against networkx");
    char *dir = rgt_tmpdir();
    char *log = rgt_path(dir, "log");
    char cmd[4096];
    snprintf(cmd, sizeof(cmd),
             S_PYTHON " '%s/tests/interop/metrics_networkx.py' '%s' "
                      "'%s/examples' '%s' > '%s' 2>&1",
             RG_TEST_SOURCE_DIR, RG_TEST_BINARY, RG_TEST_SOURCE_DIR, dir, log);
    int st = system(cmd);
    char *out = rgt_read_file(log, NULL);
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (code == 77) {
        cr_log_warn("%s", out ? out : "");
        free(out);
        rgt_rmtree(dir);
        free(log);
        free(dir);
        cr_skip_test("python3-networkx or python3-scipy missing: metrics not "
                     "checked against networkx");
    }
    cr_log_info("%s", out ? out : "");
    cr_expect_eq(code, 0, "metrics differ from networkx:\n%s", out ? out : "");
    cr_expect(out && strstr(out, "\nOK\n"), "%s", out ? out : "");
    free(out);
    rgt_rmtree(dir);
    free(log);
    free(dir);
}
