/*
 * test_cli.c — the relgraph binary end to end: options, exit codes, exact
 * messages, outputs on examples/, atomic writes, determinism.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#define EXAMPLES RG_TEST_SOURCE_DIR "/examples"

TestSuite(cli, .init = rgt_tmp_setup, .fini = rgt_tmp_teardown);

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

Test(cli, help_lists_every_option)
{
    rgt_result r;
    cr_assert_eq(rgt_run(&r, NULL, NULL, (const char *[]){"--help", NULL}), 0);
    cr_assert_eq(r.status, 0);
    cr_assert_str_empty(r.err);
    const char *opts[] = {"Usage: relgraph", "--output", "--format", "--mentions",
                          "--evidence", "--report", "--top", "--dict",
                          "--no-default-dict", "--quiet", "--verbose", "--help",
                          "--version", "Exit status", "Example"};
    for (size_t i = 0; i < sizeof(opts) / sizeof(*opts); i++)
        cr_expect(strstr(r.out, opts[i]), "--help lacks %s", opts[i]);
    rgt_result_free(&r);
}

Test(cli, version)
{
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){"--version", NULL});
    cr_assert_eq(r.status, 0);
    cr_assert_str_eq(r.out, "relgraph " RELGRAPH_VERSION "\n");
    rgt_result_free(&r);
}

static void expect_usage_error(const char *const args[], const char *message)
{
    rgt_result r;
    rgt_run(&r, rgt_tmp, NULL, args);
    cr_expect_eq(r.status, 1, "exit %d for %s", r.status, message);
    char *want = malloc(strlen(message) + 100);
    sprintf(want, "relgraph: %s\nTry 'relgraph --help' for more information.\n", message);
    cr_expect_str_eq(r.err, want);
    cr_expect_str_empty(r.out);
    free(want);
    rgt_result_free(&r);
}

Test(cli, usage_errors)
{
    expect_usage_error((const char *[]){NULL}, "no input: give one or more files or directories");
    expect_usage_error((const char *[]){EXAMPLES, NULL},
                       "nothing to write: give -o FILE (or --report -)");
    expect_usage_error((const char *[]){"--bogus", EXAMPLES, NULL}, "unknown option '--bogus'");
    expect_usage_error((const char *[]){EXAMPLES, "-o", NULL}, "option '-o' needs an argument");
    expect_usage_error((const char *[]){EXAMPLES, "-o", "net.png", NULL},
                       "cannot tell the format of 'net.png': use .dot, .gv, .graphml, .gexf, .json, .csv or .tally, or --format");
    expect_usage_error((const char *[]){EXAMPLES, "-o", "x", "-f", "svg", NULL},
                       "unknown format 'svg' (expected dot, graphml, gexf, json, csv or tally)");
    expect_usage_error((const char *[]){EXAMPLES, "-o", "-", "--report", "-", NULL},
                       "only one output can go to standard output (-)");
    expect_usage_error((const char *[]){EXAMPLES, "--top", "ten", "--report", "-", NULL},
                       "--top: not a number of actors: 'ten'");
    expect_usage_error((const char *[]){EXAMPLES, "-j", "0", "--report", "-", NULL},
                       "-j: not a number of threads (1 to 1024): '0'");
    /* nothing may have been written */
    cr_expect_not(exists("net.png"));
    char *x = rgt_path(rgt_tmp, "x");
    cr_expect_not(exists(x));
    free(x);
}

Test(cli, dot_from_examples)
{
    char *out = rgt_path(rgt_tmp, "net.dot");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-o", out, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 8 documents,"), "summary: %s", r.err);
    char *dot = rgt_read_file(out, NULL);
    cr_assert_not_null(dot);
    cr_expect_eq(strncmp(dot, "digraph", 7), 0);
    cr_expect(strstr(dot, "\"nato\""), "NATO is a node");
    cr_expect(strstr(dot, "\"north_korea\""), "North Korea is a node");
    cr_expect(strstr(dot, "dir=none"), "co-occurrence edges are undirected");
    free(dot);
    free(out);
    rgt_result_free(&r);
}

Test(cli, stdout_and_format_override)
{
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-q", "-o", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect_eq(strncmp(r.out, "digraph", 7), 0);
    cr_expect_str_empty(r.err);
    rgt_result_free(&r);

    char *out = rgt_path(rgt_tmp, "net.txt");
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-q", "-f", "graphml", "-o", out, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char *xml = rgt_read_file(out, NULL);
    cr_assert_not_null(xml);
    cr_expect_eq(strncmp(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 46), 0);
    free(xml);
    free(out);
    rgt_result_free(&r);
}

Test(cli, report_on_stdout)
{
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "--report", "-", "--top", "5", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "PageRank"), "report: %s", r.out);
    /* header + rule + 5 rows at least */
    size_t lines = 0;
    for (const char *s = r.out; *s; s++)
        lines += *s == '\n';
    cr_expect_geq(lines, 7);
    rgt_result_free(&r);
}

/* Every mention row: 9 columns, surface = the bytes of the file at start..end. */
Test(cli, mentions_table_points_into_the_files)
{
    char *m = rgt_path(rgt_tmp, "m.tsv");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "--mentions", m, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char *tsv = rgt_read_file(m, NULL);
    cr_assert_not_null(tsv);
    const char *header = "doc\tsentence\tstart\tend\tsurface\tentity\tlabel\ttype\tform\n";
    cr_assert_eq(strncmp(tsv, header, strlen(header)), 0);
    size_t rows = 0;
    char *save = NULL;
    for (char *line = strtok_r(tsv + strlen(header), "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[10];
        size_t n = 0;
        char *s2 = NULL;
        for (char *c = strtok_r(line, "\t", &s2); c && n < 10; c = strtok_r(NULL, "\t", &s2))
            f[n++] = c;
        cr_assert_eq(n, 9, "row %zu has %zu fields", rows, n);
        size_t len = 0;
        char *doc = rgt_read_file(f[0], &len);
        cr_assert_not_null(doc, "doc column is a readable path: %s", f[0]);
        size_t start = strtoul(f[2], NULL, 10), end = strtoul(f[3], NULL, 10);
        cr_assert(start < end && end <= len);
        cr_expect_eq(end - start, strlen(f[4]));
        cr_expect_eq(memcmp(doc + start, f[4], end - start), 0,
                     "surface '%s' at %zu in %s", f[4], start, f[0]);
        free(doc);
        rows++;
    }
    cr_expect_gt(rows, 50, "only %zu mentions in examples/", rows);
    free(tsv);
    free(m);
    rgt_result_free(&r);
}

Test(cli, stdin_is_a_document)
{
    rgt_result r;
    rgt_run(&r, NULL, "Die NATO warnt Nordkorea. Russland schweigt.\n",
            (const char *[]){"-", "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "-\t0\t4\t8\tNATO\tnato\t"), "mentions: %s", r.out);
    cr_expect(strstr(r.out, "\tNordkorea\tnorth_korea\t"), "mentions: %s", r.out);
    cr_expect(strstr(r.out, "-\t1\t26\t34\tRussland\trussia\t"), "mentions: %s", r.out);
    rgt_result_free(&r);
}

Test(cli, summary_counts_in_singular_and_plural)
{
    rgt_result r;
    rgt_run(&r, NULL, "Die NATO tagt.\n", (const char *[]){"-", "-o", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 1 document, 1 sentence, 1 mention -> 1 actor, 0 edges\n"),
              "summary: %s", r.err);
    rgt_result_free(&r);
}

Test(cli, empty_directory_warns_and_writes_an_empty_network)
{
    char *dir = rgt_path(rgt_tmp, "empty"), *out = rgt_path(rgt_tmp, "net.dot");
    cr_assert_eq(mkdir(dir, 0755), 0);
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){dir, "-o", out, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: warning: no documents found in the given paths\n"),
              "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 0 documents, 0 sentences, 0 mentions -> 0 actors,"),
              "stderr: %s", r.err);
    cr_expect(access(out, F_OK) == 0, "no %s", out);
    rgt_result_free(&r);
    free(dir);
    free(out);
}

Test(cli, unreadable_and_binary_inputs_are_skipped_with_status_2)
{
    char *bin = rgt_path(rgt_tmp, "blob.txt"), *ok = rgt_path(rgt_tmp, "ok.txt"),
         *out = rgt_path(rgt_tmp, "net.graphml");
    FILE *f = fopen(bin, "wb");
    fwrite("NATO\0\1\2", 1, 7, f);
    fclose(f);
    rgt_write_file(ok, "Die NATO und Russland.\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL,
            (const char *[]){rgt_tmp, "/nonexistent/relgraph", "-o", out, NULL});
    cr_assert_eq(r.status, 2, "stderr: %s", r.err);
    char want[512];
    snprintf(want, sizeof(want), "relgraph: %s: binary file (contains NUL bytes), skipped\n", bin);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: /nonexistent/relgraph: cannot read: No such file or directory\n"),
              "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 2 inputs could not be read (see above)\n"), "stderr: %s", r.err);
    char *xml = rgt_read_file(out, NULL);
    cr_assert_not_null(xml, "the rest of the run goes on and writes its output");
    cr_expect(strstr(xml, "russia"));
    free(xml);
    free(bin);
    free(ok);
    free(out);
    rgt_result_free(&r);
}

Test(cli, latin1_is_decoded_with_a_warning)
{
    char *doc = rgt_path(rgt_tmp, "latin.txt");
    /* "Pjöngjang" in Latin-1, then Nordkorea after it */
    rgt_write_file(doc, "Die NATO warnt Pj\xf6ngjang und Nordkorea.\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){doc, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "latin.txt: not UTF-8: read as Windows-1252 (Latin-1)\n"),
              "stderr: %s", r.err);
    /* offsets are bytes of the Latin-1 file: ö is one byte there */
    cr_expect(strstr(r.out, "\t0\t15\t24\tPj\xf6ngjang\tnorth_korea\t"), "mentions: %s", r.out);
    cr_expect(strstr(r.out, "\t0\t29\t38\tNordkorea\tnorth_korea\t"), "mentions: %s", r.out);
    free(doc);
    rgt_result_free(&r);
}

Test(cli, damaged_utf8_is_repaired_with_a_warning)
{
    char *doc = rgt_path(rgt_tmp, "damaged.txt");
    rgt_write_file(doc, "Die NATO warnt Pj\xc3\xb6ngjang vor \xe4rger mit Nordkorea.\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){doc, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.err, "damaged.txt: invalid UTF-8 at byte 30 (1 sequence replaced by U+FFFD)"),
              "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\t0\t40\t49\tNordkorea\tnorth_korea\t"), "mentions: %s", r.out);
    free(doc);
    rgt_result_free(&r);
}

Test(cli, bad_dictionary_stops_before_reading)
{
    char *d = rgt_path(rgt_tmp, "my.tsv"), *out = rgt_path(rgt_tmp, "net.dot");
    rgt_write_file(d, "id\ttype\tlabel\tqid\nfoo\tpersn\tFoo\t\nbar\tperson\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-d", d, "-o", out, NULL});
    cr_assert_eq(r.status, 1, "stderr: %s", r.err);
    char want[512];
    snprintf(want, sizeof(want), "relgraph: %s:2: unknown type 'persn'", d);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    snprintf(want, sizeof(want), "relgraph: %s:3: ", d);
    cr_expect(strstr(r.err, want), "every bad line is reported: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: dictionary errors; nothing was read or written\n"));
    cr_expect_not(exists(out));
    free(d);
    free(out);
    rgt_result_free(&r);
}

Test(cli, user_dictionary_adds_actors)
{
    char *d = rgt_path(rgt_tmp, "user");
    mkdir(d, 0755);
    char *a = rgt_path(d, "actors.tsv"), *al = rgt_path(d, "aliases.tsv");
    rgt_write_file(a, "id\ttype\tlabel\tqid\nlee_sung_yoon\tperson\tLee Sung-yoon\t\n");
    rgt_write_file(al, "actor\tform\talias\nlee_sung_yoon\tname\tLee Sung-yoon\n");
    rgt_result r;
    rgt_run(&r, NULL, "Der Experte Lee Sung-yoon warnt Nordkorea.\n",
            (const char *[]){"-", "-d", d, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\tLee Sung-yoon\tlee_sung_yoon\tLee Sung-yoon\tperson\tname\n"),
              "mentions: %s", r.out);
    free(a);
    free(al);
    free(d);
    rgt_result_free(&r);
}

Test(cli, default_dictionary_found_from_any_directory)
{
    rgt_result r;
    rgt_run(&r, "/", "Putin und Kim Jong-un.\n", (const char *[]){"-", "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\tputin\t"));
    cr_expect(strstr(r.out, "\tkim_jong_un\t"));
    rgt_result_free(&r);

    rgt_run(&r, "/", "Putin.\n", (const char *[]){"-", "--no-default-dict", "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect_str_eq(r.out, "doc\tsentence\tstart\tend\tsurface\tentity\tlabel\ttype\tform\n");
    rgt_result_free(&r);
}

Test(cli, output_is_deterministic_and_independent_of_argument_order)
{
    char *a = rgt_path(rgt_tmp, "a.graphml"), *b = rgt_path(rgt_tmp, "b.graphml");
    rgt_result r;
    rgt_run(&r, NULL, NULL,
            (const char *[]){EXAMPLES "/asien", EXAMPLES "/01_nato_nordkorea_truppen.txt",
                             EXAMPLES "/03_eu_sanktionen_russland_nordkorea.txt", "-o", a, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    rgt_result_free(&r);
    rgt_run(&r, NULL, NULL,
            (const char *[]){EXAMPLES "/03_eu_sanktionen_russland_nordkorea.txt",
                             EXAMPLES "/01_nato_nordkorea_truppen.txt", EXAMPLES "/asien", "-o", b, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    rgt_result_free(&r);
    size_t la, lb;
    char *x = rgt_read_file(a, &la), *y = rgt_read_file(b, &lb);
    cr_assert(x && y);
    cr_expect(la == lb && memcmp(x, y, la) == 0, "outputs differ");
    free(x);
    free(y);
    free(a);
    free(b);
}

Test(cli, failed_run_leaves_the_old_file)
{
    char *out = rgt_path(rgt_tmp, "net.dot");
    rgt_write_file(out, "old\n");
    char *d = rgt_path(rgt_tmp, "bad.tsv");
    rgt_write_file(d, "nonsense header\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-d", d, "-o", out, NULL});
    cr_assert_eq(r.status, 1);
    char *s = rgt_read_file(out, NULL);
    cr_expect_str_eq(s, "old\n");
    free(s);
    rgt_result_free(&r);
    /* a directory that cannot take the output */
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-o", "/nonexistent/dir/net.dot", NULL});
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.err, "relgraph: /nonexistent/dir/net.dot: cannot create output file: No such file or directory\n"),
              "stderr: %s", r.err);
    rgt_result_free(&r);
    free(d);
    free(out);
}

/* Documents are analysed on worker threads and merged in input order:
 * every output is byte-identical whatever -j says. */
Test(cli, output_is_identical_for_any_thread_count, .timeout = 120)
{
    const char *jobs[] = {"1", "2", "5"};
    char *first[3] = {NULL, NULL, NULL};
    size_t first_len[3] = {0, 0, 0};
    const char *seeds = rgt_have_shared() ? RG_TEST_SHARED_DIR "/seeds" : EXAMPLES;
    for (size_t k = 0; k < 3; k++) {
        char *g = rgt_path(rgt_tmp, "net.graphml"), *m = rgt_path(rgt_tmp, "m.tsv"),
             *e = rgt_path(rgt_tmp, "e.tsv");
        rgt_result r;
        rgt_run(&r, NULL, NULL,
                (const char *[]){EXAMPLES, seeds, "-j", jobs[k], "-o", g, "--mentions", m,
                                 "--evidence", e, NULL});
        cr_assert_eq(r.status, 0, "-j %s: %s", jobs[k], r.err);
        char *files[3] = {g, m, e};
        for (size_t f = 0; f < 3; f++) {
            size_t len;
            char *data = rgt_read_file(files[f], &len);
            cr_assert_not_null(data);
            if (k == 0) {
                first[f] = data;
                first_len[f] = len;
            } else {
                cr_expect(len == first_len[f] && memcmp(data, first[f], len) == 0,
                          "-j %s changes %s", jobs[k], files[f]);
                free(data);
            }
        }
        rgt_result_free(&r);
        free(g);
        free(m);
        free(e);
    }
    for (size_t f = 0; f < 3; f++)
        free(first[f]);
}

Test(cli, csv_writes_two_tables_and_names_both)
{
    char *out = rgt_path(rgt_tmp, "net.csv"), *nodes = rgt_path(rgt_tmp, "net.nodes.csv"),
         *edges = rgt_path(rgt_tmp, "net.edges.csv");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){EXAMPLES, "-o", out, NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char want[1024];
    snprintf(want, sizeof(want), "; wrote %s and %s\n", nodes, edges);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    char *n = rgt_read_file(nodes, NULL), *e = rgt_read_file(edges, NULL);
    cr_assert(n && e);
    cr_expect_eq(strncmp(n, "Id,Label,", 9), 0, "%.40s", n);
    cr_expect_eq(strncmp(e, "Source,Target,Type,", 19), 0, "%.40s", e);
    cr_expect_not(exists(out), "no file under the name given");
    free(n);
    free(e);
    free(out);
    free(nodes);
    free(edges);
    rgt_result_free(&r);
}

/* After `cmake --install`, the installed binary finds the installed
 * dictionary by itself (../share/relgraph/dict beside it). */
Test(cli, installed_binary_finds_its_dictionary, .timeout = 120)
{
    char build[4096];
    snprintf(build, sizeof(build), "%s", RG_TEST_BINARY);
    char *slash = strrchr(build, '/');
    cr_assert_not_null(slash);
    *slash = '\0';                     /* .../build/bin */
    slash = strrchr(build, '/');
    cr_assert_not_null(slash);
    *slash = '\0';                     /* .../build */
    char cmd[8192];
    snprintf(cmd, sizeof(cmd), "cmake --install '%s' --prefix '%s/prefix' >/dev/null",
             build, rgt_tmp);
    if (system("command -v cmake >/dev/null 2>&1") != 0)
        cr_skip_test("cmake is not on PATH");
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    snprintf(cmd, sizeof(cmd),
             "cd / && echo 'Die NATO warnt Nordkorea.' | '%s/prefix/bin/relgraph' - --mentions - "
             "> '%s/out.tsv' 2>&1",
             rgt_tmp, rgt_tmp);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    char *out_path = rgt_path(rgt_tmp, "out.tsv");
    char *out = rgt_read_file(out_path, NULL);
    cr_assert_not_null(out);
    cr_expect(strstr(out, "\tNordkorea\tnorth_korea\t"), "installed run: %s", out);
    free(out);
    free(out_path);
}

/* ---- discovery: actors the dictionary does not know (issue 9) ---------- */

static const char *DISC_TEXT =
    "Der Experte Lee Sung-yoon warnt Nordkorea. Lee sagte das in Seoul.\n";

Test(cli, discovery_is_on_and_marked)
{
    rgt_result r;
    rgt_run(&r, NULL, DISC_TEXT, (const char *[]){"-", "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\tLee Sung-yoon\tdisc:lee_sung_yoon\tLee Sung-yoon\t"
                            "person\tdiscovered\n"), "%s", r.out);
    cr_expect(strstr(r.out, "\tLee\tdisc:lee_sung_yoon\tLee Sung-yoon\tperson\t"
                            "discovered\n"), "%s", r.out);
    rgt_result_free(&r);
    rgt_run(&r, NULL, DISC_TEXT,
            (const char *[]){"-", "--mentions", "-", "--no-discover", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect_null(strstr(r.out, "disc:"), "%s", r.out);
    cr_expect(strstr(r.out, "north_korea"), "%s", r.out);
    rgt_result_free(&r);
}

Test(cli, source_attribute_in_every_export)
{
    const char *fmts[] = {"graphml", "gexf", "json", "dot", "csv"};
    for (size_t i = 0; i < 5; i++) {
        char name[32];
        snprintf(name, sizeof(name), "net.%s", fmts[i]);
        char *out = rgt_path(rgt_tmp, name);
        rgt_result r;
        rgt_run(&r, NULL, DISC_TEXT, (const char *[]){"-", "-o", out, "-q", NULL});
        cr_assert_eq(r.status, 0, "%s: %s", fmts[i], r.err);
        rgt_result_free(&r);
        char *path = i == 4 ? rgt_path(rgt_tmp, "net.nodes.csv") : strdup(out);
        char *text = rgt_read_file(path, NULL);
        cr_assert_not_null(text, "%s", path);
        /* DOT is for drawing: discovered actors are dashed and say so */
        if (i == 3)
            cr_expect(strstr(text, "style=\"filled,dashed\", tooltip=\"Lee "
                                   "Sung-yoon (person, discovered)"), "%s", text);
        else
            cr_expect(strstr(text, "source"), "%s lacks source", fmts[i]);
        cr_expect(strstr(text, "discovered"), "%s lacks discovered", fmts[i]);
        if (i != 3)
            cr_expect(strstr(text, "dictionary"), "%s lacks dictionary", fmts[i]);
        cr_expect(strstr(text, "disc:lee_sung_yoon"), "%s lacks the id", fmts[i]);
        free(text);
        free(path);
        free(out);
    }
}

Test(cli, suggest_writes_a_loadable_dictionary)
{
    char *dir = rgt_path(rgt_tmp, "sugg");
    rgt_result r;
    rgt_run(&r, NULL, DISC_TEXT, (const char *[]){"-", "--suggest", dir, "-q", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    rgt_result_free(&r);
    char *a = rgt_path(dir, "actors.tsv"), *l = rgt_path(dir, "aliases.tsv");
    char *at = rgt_read_file(a, NULL), *lt = rgt_read_file(l, NULL);
    cr_assert_not_null(at);
    cr_assert_not_null(lt);
    cr_expect(strstr(at, "# count 2 in 1 document: Der Experte Lee Sung-yoon "
                         "warnt Nordkorea.\nlee_sung_yoon\tperson\tLee Sung-yoon\t\n"),
              "%s", at);
    cr_expect(strstr(lt, "lee_sung_yoon\tname\tLee Sung-yoon\n"
                         "lee_sung_yoon\tshort\tLee\n"), "%s", lt);
    /* loaded with -d, the actor is the dictionary's */
    rgt_run(&r, NULL, DISC_TEXT, (const char *[]){"-", "-d", dir, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\tLee Sung-yoon\tlee_sung_yoon\tLee Sung-yoon\tperson\tname\n"),
              "%s", r.out);
    cr_expect_null(strstr(r.out, "disc:"), "%s", r.out);
    rgt_result_free(&r);
    /* --suggest needs discovery */
    rgt_run(&r, NULL, DISC_TEXT,
            (const char *[]){"-", "--suggest", dir, "--no-discover", NULL});
    cr_expect_eq(r.status, 1);
    rgt_result_free(&r);
    free(at);
    free(lt);
    free(a);
    free(l);
    free(dir);
}

Test(cli, discovery_is_the_same_for_any_jobs)
{
    char *d = rgt_path(rgt_tmp, "docs");
    mkdir(d, 0755);
    for (int i = 0; i < 6; i++) {
        char name[16], body[256];
        snprintf(name, sizeof(name), "d%d.txt", i);
        snprintf(body, sizeof(body),
                 "Der Sprecher Tom Hardtke%d widersprach. Die Nachrichtenagentur "
                 "Tanjug meldete, Experte Lee Sung-yoon und Hardtke%d seien "
                 "uneins. Peter Hansen schwieg.\n", i % 3, i % 3);
        char *f = rgt_path(d, name);
        rgt_write_file(f, body);
        free(f);
    }
    char *o1 = rgt_path(rgt_tmp, "j1.graphml"), *o2 = rgt_path(rgt_tmp, "j4.graphml");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){d, "-o", o1, "-j", "1", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    rgt_result_free(&r);
    rgt_run(&r, NULL, NULL, (const char *[]){d, "-o", o2, "-j", "4", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    rgt_result_free(&r);
    char *t1 = rgt_read_file(o1, NULL), *t2 = rgt_read_file(o2, NULL);
    cr_assert_not_null(t1);
    cr_assert_not_null(t2);
    cr_expect_str_eq(t1, t2);
    cr_expect(strstr(t1, "disc:tom_hardtke0"), "%s", t1);
    free(t1);
    free(t2);
    free(o1);
    free(o2);
    free(d);
}
