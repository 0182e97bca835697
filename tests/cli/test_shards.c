/*
 * test_shards.c — `relgraph tally` and `relgraph merge`: a corpus split into
 * random shards, merged in several orders and trees (and as a Hadoop
 * shuffle would hand it over), gives the bytes of one run; tallies that do
 * not belong together, damaged tallies and the list inputs are handled
 * with clear messages.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#define EXAMPLES RG_TEST_SOURCE_DIR "/examples"

TestSuite(shards, .init = rgt_tmp_setup, .fini = rgt_tmp_teardown,
          .timeout = 300);

/* The corpus: the article files of examples/ and, when present, the seeds,
 * as absolute paths. */
static char **corpus(size_t *n)
{
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "find '%s' %s -type f -name '*.txt' ! -name "
             "'README*' ! -name 'expected*' | LC_ALL=C sort", EXAMPLES,
             rgt_have_shared() ? "'" RG_TEST_SHARED_DIR "/seeds'" : "");
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    char line[4096];
    while (fgets(line, sizeof(line), p)) {
        line[strcspn(line, "\n")] = '\0';
        if (*n == cap) {
            cap = cap ? 2 * cap : 32;
            v = realloc(v, cap * sizeof(*v));
        }
        v[(*n)++] = strdup(line);
    }
    pclose(p);
    cr_assert_gt(*n, 5, "too few documents to shard");
    return v;
}

static void free_corpus(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* A small deterministic generator, so that a failure can be replayed. */
static unsigned next_rand(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return (*s >> 16) & 0x7fff;
}

static void run_ok(const char *const args[])
{
    rgt_result r;
    cr_assert_eq(rgt_run(&r, rgt_tmp, NULL, args), 0);
    cr_assert_eq(r.status, 0, "%s %s failed (%d): %s", args[0], args[1],
                 r.status, r.err);
    rgt_result_free(&r);
}

static void same_file(const char *a, const char *b)
{
    size_t na, nb;
    char *x = rgt_read_file(a, &na), *y = rgt_read_file(b, &nb);
    cr_assert_not_null(x, "%s missing", a);
    cr_assert_not_null(y, "%s missing", b);
    cr_expect(na == nb && memcmp(x, y, na) == 0, "%s and %s differ", a, b);
    free(x);
    free(y);
}

/* Writes the documents with shard number s (of shard[]) as a list. */
static void write_list(const char *name, char **docs, const int *shard, size_t n,
                       int s)
{
    char *path = rgt_path(rgt_tmp, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (size_t i = 0; i < n; i++)
        if (s < 0 || shard[i] == s)
            fprintf(f, "%s\n", docs[i]);
    fclose(f);
    free(path);
}

Test(shards, random_splits_merge_to_the_single_run)
{
    size_t n;
    char **docs = corpus(&n);
    int *shard = calloc(n, sizeof(*shard));
    write_list("all.list", docs, shard, n, -1);
    run_ok((const char *[]){"--files-from", "all.list", "-q", "-o", "single.graphml",
                            "--report", "single.csv", "--top", "0", "--suggest",
                            "single-sug", NULL});
    run_ok((const char *[]){"tally", "-q", "--files-from", "all.list", "-o",
                            "whole.tally", NULL});

    unsigned seed = 20261204u;
    for (int split = 0; split < 3; split++) {
        int k = 2 + split;                          /* 2, 3, 4 shards */
        for (size_t i = 0; i < n; i++)
            shard[i] = (int)(next_rand(&seed) % (unsigned)k);
        char names[4][32];
        for (int s = 0; s < k; s++) {
            char list[32];
            snprintf(list, sizeof(list), "s%d.list", s);
            snprintf(names[s], sizeof(names[s]), "s%d.tally", s);
            write_list(list, docs, shard, n, s);
            run_ok((const char *[]){"tally", "-q", s % 2 ? "-j1" : "-j2",
                                    "--files-from", list, "-o", names[s], NULL});
        }
        /* A flat merge in a shuffled order. */
        const char *args[16] = {"merge", "-q"};
        size_t a = 2;
        int order[4] = {0, 1, 2, 3};
        for (int i = k - 1; i > 0; i--) {
            int j = (int)(next_rand(&seed) % (unsigned)(i + 1)), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < k; i++)
            args[a++] = names[order[i]];
        const char *tail[] = {"-o", "m.graphml", "--report", "m.csv", "--top", "0",
                              "--suggest", "m-sug", NULL};
        memcpy(args + a, tail, sizeof(tail));
        run_ok(args);
        char *x = rgt_path(rgt_tmp, "single.graphml"), *y = rgt_path(rgt_tmp, "m.graphml");
        same_file(x, y);
        free(x);
        free(y);
        x = rgt_path(rgt_tmp, "single.csv");
        y = rgt_path(rgt_tmp, "m.csv");
        same_file(x, y);
        free(x);
        free(y);
        x = rgt_path(rgt_tmp, "single-sug/actors.tsv");
        y = rgt_path(rgt_tmp, "m-sug/actors.tsv");
        same_file(x, y);
        free(x);
        free(y);

        /* The same shards named in a list (a reducer's input). */
        char *lp = rgt_path(rgt_tmp, "tallies.list");
        FILE *lf = fopen(lp, "w");
        cr_assert_not_null(lf);
        for (int s = k; s-- > 0;)
            fprintf(lf, "%s\n", names[s]);
        fclose(lf);
        free(lp);
        run_ok((const char *[]){"merge", "-q", "--files-from", "tallies.list", "-o",
                                "l.graphml", NULL});
        x = rgt_path(rgt_tmp, "single.graphml");
        y = rgt_path(rgt_tmp, "l.graphml");
        same_file(x, y);
        free(x);
        free(y);

        /* A tree: the last shard with the first, then the rest, through
         * intermediate tallies. */
        run_ok((const char *[]){"merge", "-q", names[k - 1], names[0], "-o",
                                "t1.tally", NULL});
        const char *rest[16] = {"merge", "-q"};
        a = 2;
        for (int s = 1; s < k - 1; s++)
            rest[a++] = names[s];
        rest[a++] = "t1.tally";
        rest[a++] = "-o";
        rest[a++] = "tree.tally";
        rest[a] = NULL;
        run_ok(rest);
        x = rgt_path(rgt_tmp, "whole.tally");
        y = rgt_path(rgt_tmp, "tree.tally");
        same_file(x, y);
        free(y);
        run_ok((const char *[]){"merge", "-q", "tree.tally", "-o", "tree.graphml",
                                NULL});
        y = rgt_path(rgt_tmp, "tree.graphml");
        char *z = rgt_path(rgt_tmp, "single.graphml");
        same_file(z, y);
        free(y);

        /* Hadoop Streaming: all shards' lines, sorted by key, into one
         * reducer reading standard input. */
        char cmd[4096];
        snprintf(cmd, sizeof(cmd), "cd '%s' && cat s*.tally | LC_ALL=C sort "
                 "-t \"$(printf '\\t')\" -k1,1 | '%s' merge -q - -o - > hadoop.tally",
                 rgt_tmp, RG_TEST_BINARY);
        cr_assert_eq(system(cmd), 0);
        y = rgt_path(rgt_tmp, "hadoop.tally");
        same_file(x, y);
        free(x);
        free(y);
        free(z);
        for (int s = 0; s < k; s++) {
            char *f = rgt_path(rgt_tmp, names[s]);
            unlink(f);
            free(f);
        }
    }
    free(shard);
    free_corpus(docs, n);
}

/* Runs relgraph expecting exit status `status` and `what` on stderr. */
static void run_fails(int status, const char *what, const char *const args[])
{
    rgt_result r;
    cr_assert_eq(rgt_run(&r, rgt_tmp, NULL, args), 0);
    cr_expect_eq(r.status, status, "status %d: %s", r.status, r.err);
    cr_expect(strstr(r.err, what), "stderr lacks '%s': %s", what, r.err);
    rgt_result_free(&r);
}

static int exists(const char *name)
{
    char *p = rgt_path(rgt_tmp, name);
    struct stat st;
    int ok = stat(p, &st) == 0;
    free(p);
    return ok;
}

Test(shards, tallies_that_do_not_belong_together_are_refused)
{
    const char *doc = EXAMPLES "/01_nato_nordkorea_truppen.txt";
    const char *doc2 = EXAMPLES "/05_china_xi_putin_treffen.txt";
    run_ok((const char *[]){"tally", "-q", doc, "-o", "a.tally", NULL});
    run_ok((const char *[]){"tally", "-q", "--window", "3", doc2, "-o", "w.tally", NULL});
    run_fails(1, "different options (window=3 here, window=sentence there)",
              (const char *[]){"merge", "a.tally", "w.tally", "-o", "x.graphml", NULL});
    cr_expect_not(exists("x.graphml"), "a failed merge wrote its output");

    char *extra = rgt_path(rgt_tmp, "extra");
    mkdir(extra, 0777);
    char *actors = rgt_path(extra, "actors.tsv");
    rgt_write_file(actors, "id\ttype\tlabel\tqid\nmy_actor\tperson\tMy Actor\t\n");
    run_ok((const char *[]){"tally", "-q", "-d", extra, doc2, "-o", "d.tally", NULL});
    run_fails(1, "were made with different dictionaries",
              (const char *[]){"merge", "d.tally", "a.tally", "-o", "x.tally", NULL});
    cr_expect_not(exists("x.tally"));
    free(actors);
    free(extra);

    run_fails(1, "a.tally: the same file as ./a.tally: a tally merged twice would "
                 "count its documents twice",
              (const char *[]){"merge", "./a.tally", "a.tally", "-o", "x.graphml",
                               NULL});
    cr_expect_not(exists("x.graphml"));
    run_fails(1, "merge: -j applies where documents are read",
              (const char *[]){"merge", "-j2", "a.tally", "-o", "x.graphml", NULL});
    run_fails(1, "tally: --report, --suggest, --sort and the filters apply to a "
                 "network", (const char *[]){"tally", doc, "-o", "x.tally",
                                             "--report", "-", NULL});
    run_fails(1, "tally writes a tally, not a network",
              (const char *[]){"tally", doc, "-o", "x.graphml", "-f", "graphml",
                               NULL});
    /* Any name is a tally's name. */
    run_ok((const char *[]){"tally", "-q", doc, "-o", "shard-17", NULL});
    char *p17 = rgt_path(rgt_tmp, "shard-17"), *pa = rgt_path(rgt_tmp, "a.tally");
    same_file(p17, pa);
    free(p17);
    free(pa);
    run_fails(1, "a tally keeps every actor and edge",
              (const char *[]){doc, "-o", "x.tally", "--min-weight", "2", NULL});
}

/* A tally damaged in `how`: each gets one message naming file and line,
 * and nothing is written. */
static void damaged(const char *text, const char *what)
{
    char *p = rgt_path(rgt_tmp, "bad.tally");
    rgt_write_file(p, text);
    free(p);
    run_fails(1, what, (const char *[]){"merge", "good.tally", "bad.tally", "-o",
                                        "x.graphml", NULL});
    cr_expect_not(exists("x.graphml"));
}

Test(shards, damaged_tallies_are_named_by_line)
{
    run_ok((const char *[]){"tally", "-q", EXAMPLES "/01_nato_nordkorea_truppen.txt",
                            "-o", "good.tally", NULL});
    char *good = rgt_path(rgt_tmp, "good.tally");
    char *text = rgt_read_file(good, NULL);
    free(good);
    char *nl = strchr(text, '\n');
    cr_assert_not_null(nl);
    size_t hl = (size_t)(nl - text) + 1;
    char header[512];
    cr_assert_lt(hl, sizeof(header));
    memcpy(header, text, hl);
    header[hl] = '\0';
    char buf[2048];

    damaged("", "bad.tally: empty: not a relgraph tally file");
    damaged("doc\tsentence\n", "bad.tally:1: not a relgraph tally file");
    damaged("<graphml>\n", "bad.tally:1: not a relgraph tally file");
    snprintf(buf, sizeof(buf), "%sA nato\t1\t1\torganization\tNATO\t\t\t\n"
             "A eu\t1\t1\torganization\tEU\t\t\t\n", header);
    damaged(buf, "bad.tally:3: out of order");
    snprintf(buf, sizeof(buf), "%sA nato\tmany\t1\torganization\tNATO\t\t\t\n", header);
    damaged(buf, "bad.tally:2: a count that is not a number");
    snprintf(buf, sizeof(buf), "%sA nato\t1\t1\tplanet\tNATO\t\t\t\n", header);
    damaged(buf, "bad.tally:2: unknown actor type");
    snprintf(buf, sizeof(buf), "%sE nato zz cooccurrence -\t1\t1\t\t\t0\t0\t0\tx\n",
             header);
    damaged(buf, "names an actor without an actor record");
    damaged("!relgraph-tally\t2\tdict=0\tr\tw\tf\tb\td\n",
            "bad.tally: tally format 2; this relgraph reads format 1 (made by a "
            "newer relgraph");
    run_fails(1, "missing.tally: cannot read",
              (const char *[]){"merge", "good.tally", "missing.tally", "-o",
                               "x.graphml", NULL});
    free(text);
}

Test(shards, file_lists_and_standard_input)
{
    size_t n;
    char **docs = corpus(&n);
    /* NUL-separated, in reverse order, with an empty entry: the same as
     * the paths on the command line. */
    char *list = rgt_path(rgt_tmp, "list0");
    FILE *f = fopen(list, "w");
    for (size_t i = n; i-- > 0;)
        fprintf(f, "%s%c", docs[i], '\0');
    fputc('\0', f);
    fclose(f);
    run_ok((const char *[]){"-q", "--files-from", "list0", "-0", "-o", "a.graphml",
                            NULL});
    const char *args[64] = {"-q", "-o", "b.graphml"};
    size_t a = 3;
    for (size_t i = 0; i < n && a < 63; i++)
        args[a++] = docs[i];
    args[a] = NULL;
    cr_assert_eq(a - 3, n, "corpus larger than the test's argument list");
    run_ok(args);
    char *x = rgt_path(rgt_tmp, "a.graphml"), *y = rgt_path(rgt_tmp, "b.graphml");
    same_file(x, y);
    free(x);
    free(y);

    /* The list on standard input (a mapper's input), with one path that
     * does not exist: reported, counted, exit status 2, and the merge says
     * so too. */
    rgt_result r;
    char stdin_list[8192] = "";
    for (size_t i = 0; i < 3; i++) {
        strcat(stdin_list, docs[i]);
        strcat(stdin_list, "\n");
    }
    strcat(stdin_list, "/nonexistent/article.txt\n");
    cr_assert_eq(rgt_run(&r, rgt_tmp, stdin_list,
                         (const char *[]){"tally", "-q", "--files-from", "-", "-o",
                                          "-", NULL}), 0);
    cr_expect_eq(r.status, 2, "%s", r.err);
    cr_expect(strstr(r.err, "/nonexistent/article.txt"), "%s", r.err);
    cr_expect(strncmp(r.out, "!relgraph-tally\t1\t", 18) == 0, "not a tally on stdout");
    char *t = rgt_path(rgt_tmp, "stdin.tally");
    rgt_write_file(t, r.out);
    free(t);
    rgt_result_free(&r);
    run_fails(2, "1 input could not be read when the tallies were made",
              (const char *[]){"merge", "stdin.tally", "-o", "s.graphml", NULL});
    cr_expect(exists("s.graphml"), "the merge still writes what it has");

    /* A document on standard input, in a tally. */
    cr_assert_eq(rgt_run(&r, rgt_tmp, "Die NATO warnt Nordkorea vor weiteren "
                         "Waffenlieferungen an Russland.\n",
                         (const char *[]){"tally", "-q", "-", "-o", "doc.tally", NULL}),
                 0);
    cr_expect_eq(r.status, 0, "%s", r.err);
    rgt_result_free(&r);
    run_ok((const char *[]){"merge", "-q", "doc.tally", "-o", "doc.csv", NULL});
    char *edges = rgt_path(rgt_tmp, "doc.edges.csv");
    char *csv = rgt_read_file(edges, NULL);
    cr_expect(csv && strstr(csv, "nato") && strstr(csv, "north_korea"), "%s", csv);
    free(csv);
    free(edges);

    run_fails(1, "standard input cannot be both the list of paths",
              (const char *[]){"--files-from", "-", "-", "-o", "x.dot", NULL});
    run_fails(1, "-0 needs --files-from",
              (const char *[]){"-0", docs[0], "-o", "x.dot", NULL});
    run_fails(1, "--files-from: nolist: No such file",
              (const char *[]){"--files-from", "nolist", "-o", "x.dot", NULL});
    free(list);
    free_corpus(docs, n);
}
