/*
 * test_readers.c — relgraph's outputs fed to real third-party readers
 * (../shared/validate: xmllint with the GraphML XSD and the GEXF 1.3
 * grammar, networkx, python-igraph, graphology as in Gephi Lite, Graphviz)
 * for examples/, ../shared/seeds and a round-trip fixture whose labels
 * hold umlauts, quotes, ampersands, '<', '>' and an emoji.  Every reader
 * must accept every file and count the nodes and edges relgraph reported;
 * then tests/interop/dump.py reads each file back with networkx, igraph
 * and Python's csv module, and all of them must see the same ids, labels,
 * mentions, edge types and weights.
 *
 * networkx cannot hold a mixed graph, so it reads the one-layer files
 * (--relations cooccurrence / verbs) and is skipped for the mixed default;
 * igraph holds a mixed file as an undirected graph, so its dump of the
 * mixed file is compared with the ends of every edge sorted.
 * Skipped with a message when ../shared/validate or a reader is missing.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

static char *S_validate_all(void)
{
    char *tool = rgt_path(RG_TEST_SHARED_DIR, "validate/validate-all");
    if (access(tool, X_OK) != 0) {
        free(tool);
        return NULL;
    }
    return tool;
}

/* Runs `cmd` through the shell; its stdout in *out (malloc'd). */
static int S_sh(const char *cmd, const char *dir, char **out)
{
    char *log = rgt_path(dir, "sh.log");
    size_t n = strlen(cmd) + strlen(log) + 32;
    char *full = malloc(n);
    snprintf(full, n, "%s >'%s' 2>&1", cmd, log);
    int rc = system(full);
    free(full);
    *out = rgt_read_file(log, NULL);
    if (!*out)
        *out = strdup("");
    free(log);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

/* Runs relgraph on `input` with extra option `rel` (or NULL) writing
 * DIR/NAME.EXT; returns the counts from its summary line. */
static void S_relgraph(const char *input, const char *dict, const char *rel,
                       const char *out, size_t *nodes, size_t *edges)
{
    const char *args[12];
    size_t k = 0;
    args[k++] = input;
    if (dict) {
        args[k++] = "-d";
        args[k++] = dict;
    }
    if (rel) {
        args[k++] = "--relations";
        args[k++] = rel;
    }
    args[k++] = "-o";
    args[k++] = out;
    args[k] = NULL;
    rgt_result r;
    cr_assert_eq(rgt_run(&r, NULL, NULL, args), 0);
    cr_assert_eq(r.status, 0, "relgraph %s -o %s: %s", input, out, r.err);
    const char *p = strstr(r.err, "-> ");
    cr_assert_not_null(p, "no summary: %s", r.err);
    cr_assert_eq(sscanf(p, "-> %zu actors, %zu edges", nodes, edges), 2, "%s",
                 r.err);
    rgt_result_free(&r);
}

/* Checks that every reader in validate-all's output counted n nodes and
 * m edges (DOT: plus its legend nodes). */
static void S_check_counts(const char *log, const char *file, size_t n,
                           size_t m, size_t extra_nodes, int required)
{
    int seen = 0;
    for (const char *l = log; (l = strstr(l, "PASS ")); l++) {
        const char *eol = strchr(l, '\n');
        char *line = strndup(l, eol ? (size_t)(eol - l) : strlen(l));
        const char *ok = strstr(line, ": ok: ");
        char *name = strrchr(file, '/');
        char want[64];
        snprintf(want, sizeof(want), "%s: ok: ", name ? name : file);
        int mine = ok && strstr(line, want) != NULL;
        free(line);
        if (!mine)
            continue;
        ok = strstr(l, ": ok: ");
        size_t gn, gm;
        cr_assert_eq(sscanf(ok, ": ok: %zu nodes, %zu edges", &gn, &gm), 2);
        cr_assert_eq(gn, n + extra_nodes, "%.*s", (int)(eol - l), l);
        cr_assert_eq(gm, m, "%.*s", (int)(eol - l), l);
        seen++;
    }
    if (required)
        cr_assert_gt(seen, 0, "no reader passed %s:\n%s", file, log);
}

static size_t S_count_str(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* One input in one layer mode: all formats, all readers, same contents. */
static void S_check(const char *input, const char *dict, const char *rel)
{
    char *tool = S_validate_all();
    if (!tool)
        cr_skip_test("%s/validate not found", RG_TEST_SHARED_DIR);
    char *dir = rgt_tmpdir();
    static const char *const ext[] = {"dot", "graphml", "gexf", "json", "csv"};
    size_t n = 0, m = 0;
    char files[5][1024];
    for (size_t i = 0; i < 5; i++) {
        size_t fn, fm;
        snprintf(files[i], sizeof(files[i]), "%s/net.%s", dir, ext[i]);
        S_relgraph(input, dict, rel, files[i], &fn, &fm);
        if (i > 0)
            cr_assert(fn == n && fm == m, "counts differ between formats");
        n = fn;
        m = fm;
    }
    cr_assert_gt(n, 0, "%s: no actors found", input);
    char *dot = rgt_read_file(files[0], NULL);
    size_t legend = S_count_str(dot, "\"legend: ");
    free(dot);

    char cmd[8192], *log;
    snprintf(cmd, sizeof(cmd), "%s'%s' '%s' '%s' '%s' '%s'",
             rel ? "" : "VALIDATE_SKIP='graphml-networkx gexf-networkx "
                        "json-networkx' ",
             tool, files[0], files[1], files[2], files[3]);
    int rc = S_sh(cmd, dir, &log);
    if (rc == 2) {
        cr_log_warn("%s", log);
        free(log);
        rgt_rmtree(dir);
        free(dir);
        free(tool);
        cr_skip_test("a reader is missing (run %s/validate/install-deps)",
                     RG_TEST_SHARED_DIR);
    }
    cr_assert_eq(rc, 0, "validate-all rejected an output:\n%s", log);
    cr_assert(strstr(log, " 0 failed"), "%s", log);
    S_check_counts(log, files[0], n, m, legend, 1);
    for (size_t i = 1; i < 4; i++)   /* JSON has networkx alone */
        S_check_counts(log, files[i], n, m, 0, rel || i < 3);
    free(log);

    /* the same contents through every reader */
    char *nodes_csv = rgt_path(dir, "net.nodes.csv");
    const char *mode = rel ? "" : "undirected";
    const char *readers[][2] = {
        {"csv", nodes_csv},
        {"igraph-graphml", files[1]},
        {"networkx-graphml", files[1]},
        {"networkx-gexf", files[2]},
        {"networkx-json", files[3]},
    };
    size_t n_readers = rel ? 5 : 2;
    char *want = NULL;
    for (size_t i = 0; i < n_readers; i++) {
        char *got;
        snprintf(cmd, sizeof(cmd), "/usr/bin/python3 '%s/tests/interop/dump.py' "
                 "%s '%s' %s", RG_TEST_SOURCE_DIR, readers[i][0], readers[i][1],
                 mode);
        rc = S_sh(cmd, dir, &got);
        if (rc == 2) {
            cr_log_warn("%s: %s", readers[i][0], got);
            free(got);
            continue;
        }
        cr_assert_eq(rc, 0, "%s: %s", readers[i][0], got);
        cr_assert_eq(S_count_str(got, "N\t"), n, "%s", readers[i][0]);
        if (!want)
            want = got;
        else {
            cr_assert_str_eq(got, want, "%s reads a different network",
                             readers[i][0]);
            free(got);
        }
    }
    free(want);
    free(nodes_csv);
    rgt_rmtree(dir);
    free(dir);
    free(tool);
}

static char *S_examples(void)
{
    return rgt_path(RG_TEST_SOURCE_DIR, "examples");
}

static char *S_seeds(void)
{
    char *p = rgt_path(RG_TEST_SHARED_DIR, "seeds");
    if (access(p, R_OK) != 0) {
        free(p);
        cr_skip_test("%s/seeds not found", RG_TEST_SHARED_DIR);
    }
    return p;
}

Test(interop, examples_mixed)
{
    char *in = S_examples();
    S_check(in, NULL, NULL);
    free(in);
}

Test(interop, examples_cooccurrence)
{
    char *in = S_examples();
    S_check(in, NULL, "cooccurrence");
    free(in);
}

Test(interop, seeds_mixed)
{
    char *in = S_seeds();
    S_check(in, NULL, NULL);
    free(in);
}

Test(interop, seeds_cooccurrence)
{
    char *in = S_seeds();
    S_check(in, NULL, "cooccurrence");
    free(in);
}

Test(interop, seeds_verbs)
{
    char *in = S_seeds();
    S_check(in, NULL, "verbs");
    free(in);
}

/* Labels with umlauts, quotes, ampersands, '<', '>', a comma and an emoji
 * come back unchanged from every reader. */
Test(interop, labels_round_trip)
{
    char *dir = rgt_tmpdir();
    char *dict = rgt_path(dir, "dict");
    cr_assert_eq(mkdir(dict, 0777), 0);
    char *actors = rgt_path(dict, "actors.tsv");
    char *aliases = rgt_path(dict, "aliases.tsv");
    rgt_write_file(actors,
                   "id\ttype\tlabel\tqid\n"
                   "mueller_soehne\torganization\tM\xC3\xBCller & S\xC3\xB6hne "
                   "<GmbH>, \"Die \xC3\x9C" "berflieger\" \xF0\x9F\x9A\x80\t\n"
                   "zoe\tperson\tZo\xC3\xAB \xE2\x80\x9E\xC3\x84rger\xE2\x80\x9C "
                   "O'Neil \\ & Co.\t\n");
    rgt_write_file(aliases, "actor\tform\talias\n"
                            "mueller_soehne\tname\tMüllerwerk\n"
                            "zoe\tname\tZoë Ärger\n");
    char *text = rgt_path(dir, "article.txt");
    rgt_write_file(text, "Das Müllerwerk beliefert Zoë Ärger. Zoë Ärger "
                         "lobt das Müllerwerk.\n");
    S_check(text, dict, "cooccurrence");
    S_check(text, dict, NULL);
    rgt_rmtree(dir);
    free(text);
    free(aliases);
    free(actors);
    free(dict);
    free(dir);
}
