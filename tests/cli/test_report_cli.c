/*
 * test_report_cli.c — the report from the command line: `relgraph report
 * NET.graphml` on a file from elsewhere (attributes missing), its exit
 * codes and messages for missing and invalid files, report formats by
 * extension, --sort, --top and the filters, and the same report from the
 * articles and from the GraphML written for them.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define EXAMPLES RG_TEST_SOURCE_DIR "/examples"
#define HINT "\nTry 'relgraph --help' for more information.\n"

/* As Gephi or networkx would write it: no relgraph attributes but label,
 * type and weight; "kim" without a label, an edge without a weight, a stale
 * pagerank of the wrong type, "nato" without edges. */
static const char S_GEPHI[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"pr\" for=\"node\" attr.name=\"pagerank\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <graph id=\"G\" edgedefault=\"undirected\">\n"
    "    <node id=\"putin\"><data key=\"label\">Wladimir Putin</data>"
    "<data key=\"type\">person</data><data key=\"pr\">stale</data></node>\n"
    "    <node id=\"kim\"><data key=\"type\">person</data></node>\n"
    "    <node id=\"russland\"><data key=\"label\">Russland</data>"
    "<data key=\"type\">country</data></node>\n"
    "    <node id=\"nordkorea\"><data key=\"label\">Nordkorea</data>"
    "<data key=\"type\">country</data></node>\n"
    "    <node id=\"nato\"><data key=\"label\">NATO</data>"
    "<data key=\"type\">organization</data></node>\n"
    "    <edge source=\"putin\" target=\"russland\"><data key=\"weight\">3</data></edge>\n"
    "    <edge source=\"kim\" target=\"nordkorea\"><data key=\"weight\">2</data></edge>\n"
    "    <edge source=\"russland\" target=\"nordkorea\"><data key=\"weight\">4</data></edge>\n"
    "    <edge source=\"putin\" target=\"kim\"/>\n"
    "  </graph>\n"
    "</graphml>\n";

static char *S_dir;

static void S_setup(void)
{
    S_dir = rgt_tmpdir();
}

static void S_teardown(void)
{
    rgt_rmtree(S_dir);
    free(S_dir);
}

TestSuite(report_cli, .init = S_setup, .fini = S_teardown);

static char *S_file(const char *name, const char *text)
{
    char *p = rgt_path(S_dir, name);
    if (text)
        rgt_write_file(p, text);
    return p;
}

static void S_expect(rgt_result *r, int status, const char *err)
{
    cr_expect_eq(r->status, status, "status %d\nstdout: %s\nstderr: %s",
                 r->status, r->out, r->err);
    if (err)
        cr_expect_str_eq(r->err, err);
}

Test(report_cli, graphml_from_elsewhere)
{
    char *net = S_file("gephi.graphml", S_GEPHI);
    rgt_result r;
    cr_assert_eq(rgt_run(&r, NULL, NULL,
                         (const char *[]){"report", net, "--top", "0", NULL}),
                 0);
    S_expect(&r, 0, "");
    cr_expect(strncmp(r.out, "5 actors by PageRank (co-occurrence network: 5 "
                             "nodes, 4 edges)\n\nrank  actor ",
                      70) == 0,
              "%s", r.out);
    /* russland first (strength 7), the label of kim is its id, mentions
     * unknown, the stale pagerank replaced */
    cr_expect(strstr(r.out, "\n   1  Russland        country              -"
                            "       2         7    0.3233"),
              "%s", r.out);
    cr_expect(strstr(r.out, "  kim             person  "), "%s", r.out);
    cr_expect_null(strstr(r.out, "stale"), "%s", r.out);
    cr_expect(strstr(r.out, "\nNetwork: 5 nodes, 4 edges, density 0.4000; 2 "
                            "components, the largest with 80.0% of the nodes\n"),
              "%s", r.out);
    cr_expect(strstr(r.out, "\nFilters: none\n"), "%s", r.out);
    rgt_result_free(&r);
    free(net);
}

Test(report_cli, filters_and_sort)
{
    char *net = S_file("gephi.graphml", S_GEPHI);
    rgt_result r;
    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "--types", "person,country",
                             "--min-weight", "2", "--drop-isolates", "--sort",
                             "label", "--top", "2", NULL});
    S_expect(&r, 0, "");
    cr_expect(strncmp(r.out, "Top 2 of 4 actors by label (co-occurrence "
                             "network: 4 nodes, 3 edges)",
                      60) == 0,
              "%s", r.out);
    cr_expect(strstr(r.out, "\nFilters: weight >= 2, types person,country, "
                            "actors without edges dropped (removed 1 actor "
                            "and 1 edge)\n"),
              "%s", r.out);
    /* labels ascending: Nordkorea, Russland */
    const char *n = strstr(r.out, "Nordkorea"), *ru = strstr(r.out, "Russland");
    cr_expect(n && ru && n < ru, "%s", r.out);
    rgt_result_free(&r);

    /* -v says what the filters removed */
    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "-v", "--drop-isolates", NULL});
    S_expect(&r, 0, "relgraph: filters removed 1 actor and 0 edges; 4 actors "
                    "and 4 edges remain\n");
    rgt_result_free(&r);

    /* no mention counts in this file */
    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "--min-mentions", "2", NULL});
    S_expect(&r, 1, "relgraph: the network has no mention counts to filter by\n");
    cr_expect_str_eq(r.out, "");
    rgt_result_free(&r);

    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "--types", "person,persn", NULL});
    S_expect(&r, 0, "relgraph: warning: no actor has the type 'persn'\n");
    rgt_result_free(&r);
    free(net);
}

Test(report_cli, formats_by_extension)
{
    char *net = S_file("gephi.graphml", S_GEPHI);
    char *csv = S_file("r.csv", NULL), *md = S_file("r.md", NULL),
         *json = S_file("r.json", NULL);
    const char *outs[] = {csv, md, json};
    const char *starts[] = {
        "rank,id,label,type,mentions,documents,degree,strength,pagerank,",
        ("**Top 3 of 5 actors by PageRank** (co-occurrence network: 5 nodes, "
         "4 edges)\n\n| rank | actor |"),
        "{\n  \"title\": \"Top 3 of 5 actors by PageRank\",\n"};
    for (int i = 0; i < 3; i++) {
        rgt_result r;
        rgt_run(&r, NULL, NULL,
                (const char *[]){"report", net, "--top", "3", "--report",
                                 outs[i], NULL});
        S_expect(&r, 0, "");
        cr_expect_str_eq(r.out, "");
        rgt_result_free(&r);
        char *text = rgt_read_file(outs[i], NULL);
        cr_assert_not_null(text, "%s not written", outs[i]);
        cr_expect(strncmp(text, starts[i], strlen(starts[i])) == 0, "%s", text);
        free(text);
    }
    char *text = rgt_read_file(json, NULL);
    /* unknown mention counts are null in JSON, empty in CSV */
    cr_expect(strstr(text, "\"mentions\": null"), "%s", text);
    free(text);
    text = rgt_read_file(csv, NULL);
    cr_expect(strstr(text, "\n1,russland,Russland,country,,,2,7,"), "%s", text);
    free(text);
    free(csv);
    free(md);
    free(json);
    free(net);
}

Test(report_cli, missing_and_invalid_files)
{
    rgt_result r;
    char *none = S_file("none.graphml", NULL);
    char want[1024];
    rgt_run(&r, NULL, NULL, (const char *[]){"report", none, NULL});
    snprintf(want, sizeof(want),
             "relgraph: %s: No such file or directory\n", none);
    S_expect(&r, 1, want);
    cr_expect_str_eq(r.out, "");
    rgt_result_free(&r);

    char *bad = S_file("bad.graphml", "this is not XML\n");
    rgt_run(&r, NULL, NULL, (const char *[]){"report", bad, NULL});
    snprintf(want, sizeof(want), "relgraph: %s: not a valid GraphML file: ", bad);
    S_expect(&r, 1, NULL);
    cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
    cr_expect_eq(strchr(r.err, '\n') - r.err + 1, (long)strlen(r.err),
                 "one line: %s", r.err);
    rgt_result_free(&r);

    /* XML, but not a graph igraph can read */
    char *broken = S_file("broken.graphml",
                          "<?xml version=\"1.0\"?>\n<graphml xmlns=\""
                          "http://graphml.graphdrawing.org/xmlns\"><graph "
                          "edgedefault=\"undirected\"><edge source=\"a\"/>"
                          "</graph></graphml>\n");
    rgt_run(&r, NULL, NULL, (const char *[]){"report", broken, NULL});
    snprintf(want, sizeof(want), "relgraph: %s: not a valid GraphML file: ",
             broken);
    S_expect(&r, 1, NULL);
    cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
    rgt_result_free(&r);

    rgt_run(&r, NULL, NULL, (const char *[]){"report", S_dir, NULL});
    snprintf(want, sizeof(want),
             "relgraph: %s: is a directory, not a GraphML file\n", S_dir);
    S_expect(&r, 1, want);
    rgt_result_free(&r);

    /* an unwritable report: nothing written, exit 1 */
    char *net = S_file("gephi.graphml", S_GEPHI);
    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "--report", "/nonexistent/r.txt",
                             NULL});
    S_expect(&r, 1, NULL);
    cr_expect(strstr(r.err, "/nonexistent/r.txt"), "%s", r.err);
    rgt_result_free(&r);
    free(none);
    free(bad);
    free(broken);
    free(net);
}

Test(report_cli, usage_errors)
{
    struct {
        const char *args[8];
        const char *err;
    } cases[] = {
        {{"report", NULL}, "relgraph: no input: give one or more files or "
                           "directories" HINT},
        {{"report", "a.graphml", "b.graphml", NULL},
         "relgraph: report: give one GraphML file" HINT},
        {{"report", "a.graphml", "-o", "x.dot", NULL},
         "relgraph: report: only --report, --top, --sort, the filters, -q and "
         "-v apply to an existing network" HINT},
        {{"report", "a.graphml", "--sort", "fame", NULL},
         "relgraph: --sort: unknown metric 'fame' (expected pagerank, degree, "
         "strength, betweenness, closeness, eigenvector, clustering, kcore, "
         "mentions, documents, label, id)" HINT},
        {{"report", "a.graphml", "--layer", "verbs", NULL},
         "relgraph: --layer: expected cooccurrence, relations or all, not "
         "'verbs'" HINT},
        {{"report", "a.graphml", "--min-weight", "-1", NULL},
         "relgraph: --min-weight: not a weight: '-1'" HINT},
        {{"report", "a.graphml", "--min-weight", "nan", NULL},
         "relgraph: --min-weight: not a weight: 'nan'" HINT},
        {{"report", "a.graphml", "--min-mentions", "2.5", NULL},
         "relgraph: --min-mentions: not a number of mentions: '2.5'" HINT},
        {{"report", "a.graphml", "--types", "person,", NULL},
         "relgraph: --types: expected actor types separated by commas "
         "(person,organization,...), not 'person,'" HINT},
        {{EXAMPLES, "--report", "-", "--sort", "PageRank", NULL},
         "relgraph: --sort: unknown metric 'PageRank' (expected pagerank, "
         "degree, strength, betweenness, closeness, eigenvector, clustering, "
         "kcore, mentions, documents, label, id)" HINT},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        rgt_result r;
        rgt_run(&r, S_dir, NULL, cases[i].args);
        cr_expect_eq(r.status, 1, "case %zu: %s", i, r.err);
        cr_expect_str_eq(r.err, cases[i].err, "case %zu", i);
        cr_expect_str_eq(r.out, "", "case %zu", i);
        rgt_result_free(&r);
    }
}

Test(report_cli, same_report_from_articles_and_from_graphml)
{
    char *net = S_file("net.graphml", NULL);
    char *a = S_file("a.json", NULL), *b = S_file("b.json", NULL);
    rgt_result r;
    rgt_run(&r, NULL, NULL,
            (const char *[]){EXAMPLES, "-q", "-o", net, "--report", a, "--top",
                             "0", NULL});
    S_expect(&r, 0, "");
    rgt_result_free(&r);
    rgt_run(&r, NULL, NULL,
            (const char *[]){"report", net, "--report", b, "--top", "0", NULL});
    S_expect(&r, 0, "");
    rgt_result_free(&r);
    char *ja = rgt_read_file(a, NULL), *jb = rgt_read_file(b, NULL);
    cr_assert(ja && jb);
    cr_expect_str_eq(ja, jb, "the GraphML carries everything the report needs");
    cr_expect(strstr(ja, "\"id\": \"russia\""), "%s", ja);
    free(ja);
    free(jb);
    free(net);
    free(a);
    free(b);
}

Test(report_cli, filters_on_articles)
{
    rgt_result r;
    rgt_run(&r, NULL, NULL,
            (const char *[]){EXAMPLES, "-q", "--report", "-", "--top", "3",
                             "--layer", "cooccurrence", "--min-weight", "2",
                             "--min-mentions", "3", "--drop-isolates", NULL});
    S_expect(&r, 0, "");
    cr_expect(strstr(r.out, "\nFilters: layer cooccurrence, weight >= 2, "
                            "mentions >= 3, actors without edges dropped "
                            "(removed "),
              "%s", r.out);
    cr_expect(strstr(r.out, "\nMetrics on the co-occurrence layer: "), "%s",
              r.out);
    rgt_result_free(&r);
}
