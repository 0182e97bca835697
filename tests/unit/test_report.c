/*
 * test_report.c — the centrality report: title line, top N, order by
 * PageRank with ties by id, columns aligned by display width (umlauts,
 * CJK, emoji), long labels cut, write errors.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "dict.h"
#include "support_hand_dict.h"
#include "network.h"
#include "relations.h"
#include "support.h"
#include "tally.h"


static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, kind ? 1 : 0, 0, "doc.txt",
                        0, 0, 1, "x", 1);
}

#define S_LONG "Ein sehr langer Name, der nicht in eine Spalte passt, " \
               "wirklich nicht"

/* A star around "mitte" (Müller) with three leaves that tie on PageRank:
 * "cjk" (習近平), "emoji", "zz" (a long label); "ohne" is never mentioned. */
static const S_spec S_actors[] = {
    {"cjk", "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3", "", RG_TYPE_PERSON},
    {"emoji", "Party \xF0\x9F\x8E\x89", "", RG_TYPE_ORGANIZATION},
    {"mitte", "M\xC3\xBCller-L\xC3\xBC\xC3\x9F" "en", "Q5", RG_TYPE_COUNTRY},
    {"ohne", "Niemand", "", RG_TYPE_OTHER},
    {"zz", S_LONG, "", RG_TYPE_LOCATION},
};

static rg_network *S_star(rg_dict **pd)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    uint32_t mentioned[] = {0, 1, 2, 4};
    for (size_t i = 0; i < 4; i++)
        rg_i_tally_mention(t, mentioned[i], 0);
    rg_i_tally_mention(t, 2, 1);
    S_rel(t, 0, 2, RG_KIND_COOCCURRENCE);
    S_rel(t, 1, 2, RG_KIND_COOCCURRENCE);
    S_rel(t, 2, 4, RG_KIND_COOCCURRENCE);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

static char *S_report(const rg_network *net, size_t top)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_report(net, top, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    return buf;
}

/* Splits text into at most max lines (in place); returns the count. */
static size_t S_lines(char *text, char **lines, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l && n < max;
         l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    return n;
}

/* Display width of the first n bytes of s. */
static size_t S_width(const char *s, size_t n)
{
    size_t w = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (n > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
        cr_assert_gt(k, 0, "invalid UTF-8 in report");
        int cw = utf8proc_charwidth(c);
        w += cw > 0 ? (size_t)cw : 0;
        p += k;
        n -= (size_t)k;
    }
    return w;
}

/* Display column at which `word` starts in line. */
static size_t S_col(const char *line, const char *word)
{
    const char *p = strstr(line, word);
    cr_assert_not_null(p, "no %s in: %s", word, line);
    return S_width(line, (size_t)(p - line));
}

Test(report, all_actors_aligned)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    char *out = S_report(net, 0);
    char *copy = strdup(out);
    char *l[16];
    size_t n = S_lines(copy, l, 16);
    /* title, header, rule, 4 actors, 4 lines of figures */
    cr_assert_eq(n, 11, "%s", out);
    cr_assert_str_eq(l[0], "4 actors by PageRank (co-occurrence network: "
                           "4 nodes, 3 edges)");
    cr_assert(strstr(out, "edges)\n\nrank"), "blank line after the title");
    cr_assert(strncmp(l[1], "rank  actor", 11) == 0, "%s", l[1]);
    cr_assert(strncmp(l[2], "----  -----", 11) == 0, "%s", l[2]);

    /* the centre first, then the tied leaves by id */
    cr_assert(strstr(l[3], "M\xC3\xBCller-L\xC3\xBC\xC3\x9F" "en"), "%s", l[3]);
    cr_assert(strstr(l[4], "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3"), "%s", l[4]);
    cr_assert(strstr(l[5], "Party"), "%s", l[5]);
    cr_assert(strstr(l[6], "Ein sehr langer"), "%s", l[6]);
    cr_assert(strncmp(l[3], "   1  ", 6) == 0, "%s", l[3]);
    cr_assert(strncmp(l[6], "   4  ", 6) == 0, "%s", l[6]);

    /* every line of the table has the same display width, and the type
     * column starts at the same display column after umlauts, CJK and an
     * emoji */
    size_t w = S_width(l[1], strlen(l[1]));
    for (size_t i = 2; i < 7; i++)
        cr_assert_eq(S_width(l[i], strlen(l[i])), w, "line %zu: %s", i, l[i]);
    size_t type_col = S_col(l[1], "type");
    cr_assert_eq(S_col(l[3], "country"), type_col, "%s", l[3]);
    cr_assert_eq(S_col(l[4], "person"), type_col, "%s", l[4]);
    cr_assert_eq(S_col(l[5], "organization"), type_col, "%s", l[5]);
    cr_assert_eq(S_col(l[6], "location"), type_col, "%s", l[6]);
    for (size_t i = 0; i < n; i++)
        cr_assert_neq(l[i][strlen(l[i]) - 1], ' ', "trailing space: %s", l[i]);

    /* the long label is cut to 40 columns with an ellipsis */
    cr_assert_null(strstr(out, "wirklich"));
    cr_assert(strstr(l[6], "\xE2\x80\xA6"), "%s", l[6]);

    /* numbers: mentions, degree, strength, pagerank %.4f, betweenness %.1f */
    char pr[RG_NUMBUF];
    rg_i_format_fixed(pr, rg_i_node_num(net, "pagerank", 2), 4);
    char want[512];
    snprintf(want, sizeof(want), "country              2       3         3    %s"
             "          3.0", pr);
    cr_assert(strstr(l[3], want), "%s\nwant: %s", l[3], want);
    cr_assert(strstr(l[4], "person               1       1         1"),
              "%s", l[4]);
    cr_assert(strstr(l[4], "          0.0"), "%s", l[4]);

    /* the graph-level figures after a blank line */
    cr_assert(strstr(out, "\n\nNetwork: 4 nodes, 3 edges, density 0.5000; 1 "
                          "component, the largest with 100.0% of the nodes\n"),
              "%s", out);
    cr_assert_str_eq(l[8], "Communities (Louvain): 1, modularity 0.0000");
    cr_assert_str_eq(l[9], "Metrics on the co-occurrence layer: 3 of 3 edges, 3 "
                           "ties (tie length 1/weight for betweenness and "
                           "closeness)");
    cr_assert_str_eq(l[10], "Filters: none");

    free(copy);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, top_n)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    char *out = S_report(net, 2);
    char *copy = strdup(out);
    char *l[16];
    size_t n = S_lines(copy, l, 16);
    cr_assert_eq(n, 9, "%s", out);
    cr_assert_str_eq(l[0], "Top 2 of 4 actors by PageRank (co-occurrence "
                           "network: 4 nodes, 3 edges)");
    cr_assert(strstr(l[3], "M\xC3\xBCller"));
    cr_assert(strstr(l[4], "\xE7\xBF\x92"));
    free(copy);
    free(out);

    /* more than there are: all of them */
    out = S_report(net, 100);
    cr_assert(strncmp(out, "4 actors by PageRank", 20) == 0, "%s", out);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, relation_network_and_empty)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    char *out = S_report(net, 10);
    cr_assert(strncmp(out, "0 actors by PageRank (co-occurrence network: "
                           "0 nodes, 0 edges)\n\nrank",
                      60) == 0,
              "%s", out);
    free(out);
    rg_network_free(net);

    rg_i_tally_mention(t, 0, 0);
    rg_i_tally_mention(t, 1, 0);
    S_rel(t, 1, 0, RG_KIND_RELATION);
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    out = S_report(net, 1);
    cr_assert(strncmp(out, "Top 1 of 2 actors by PageRank (relation network: "
                           "2 nodes, 1 edge)\n",
                      65) == 0,
              "%s", out);
    free(out);
    rg_network_free(net);

    S_rel(t, 0, 1, RG_KIND_COOCCURRENCE);
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    out = S_report(net, 0);
    cr_assert(strstr(out, "(co-occurrence and relation network: 2 nodes, "
                          "2 edges)\n"),
              "%s", out);
    free(out);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(d);
}

Test(report, write_error_is_eio)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    rg_dict *d;
    rg_network *net = S_star(&d);
    cr_assert_eq(rg_network_write_report(net, 0, f), RG_EIO);
    fclose(f);
    rg_network_free(net);
    S_hand_dict_free(d);
}

static char *S_report_opts(const rg_network *net, const rg_report_options *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_report_write(net, o, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    return buf;
}

/* A network whose labels need quoting and escaping in every format. */
static const S_spec S_tricky[] = {
    {"a", "Meier, \"der Jüngere\"", "", RG_TYPE_PERSON},
    {"b", "A|B *Partei*", "", RG_TYPE_ORGANIZATION},
    {"c", "Zeile\nzwei\\", "", RG_TYPE_COUNTRY},
};

static rg_network *S_tricky_net(rg_dict **pd)
{
    rg_dict *d = S_hand_dict(S_tricky, 3);
    rg_tally *t = rg_i_tally_new(3);
    for (uint32_t i = 0; i < 3; i++)
        rg_i_tally_mention(t, i, 0);
    S_rel(t, 0, 1, RG_KIND_COOCCURRENCE);
    S_rel(t, 0, 1, RG_KIND_COOCCURRENCE);
    S_rel(t, 1, 2, RG_KIND_COOCCURRENCE);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

Test(report, csv_quoting)
{
    rg_dict *d;
    rg_network *net = S_tricky_net(&d);
    rg_report_options o;
    rg_report_options_init(&o);
    o.format = RG_REPORT_CSV;
    o.top = 0;
    char *out = S_report_opts(net, &o);
    const char *header =
        "rank,id,label,type,mentions,documents,degree,strength,pagerank,"
        "betweenness,closeness,eigenvector,clustering,kcore,community\n";
    cr_assert(strncmp(out, header, strlen(header)) == 0, "%s", out);
    /* b is in the middle: first; quotes doubled, the comma quoted; the line
     * break stays inside quotes */
    char pr[RG_NUMBUF];
    rg_i_format_number(pr, rg_i_node_num(net, "pagerank", 1));
    char want[512];
    snprintf(want, sizeof(want), "\n1,b,A|B *Partei*,organization,1,1,2,3,%s,1,",
             pr);
    cr_assert(strstr(out, want), "%s\nwant %s", out, want);
    cr_assert(strstr(out, ",a,\"Meier, \"\"der Jüngere\"\"\",person,1,1,1,2,"),
              "%s", out);
    cr_assert(strstr(out, ",c,\"Zeile\nzwei\\\",country,"), "%s", out);
    /* the table only: no figures */
    cr_assert_null(strstr(out, "Network"));
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, markdown_table)
{
    rg_dict *d;
    rg_network *net = S_tricky_net(&d);
    rg_report_options o;
    rg_report_options_init(&o);
    o.format = RG_REPORT_MARKDOWN;
    char *out = S_report_opts(net, &o);
    cr_assert(strncmp(out, "**3 actors by PageRank** (co-occurrence network: "
                           "3 nodes, 2 edges)\n\n| rank | actor | type |",
                      80) == 0,
              "%s", out);
    cr_assert(strstr(out, "\n| ---: | :--- | :--- | ---: |"), "%s", out);
    /* pipes and emphasis escaped, the line break a space */
    cr_assert(strstr(out, "| 1 | A\\|B \\*Partei\\* | organization | 1 | 2 | 3 |"),
              "%s", out);
    cr_assert(strstr(out, "| Zeile zwei\\\\ |"), "%s", out);
    cr_assert(strstr(out, "\n- Filters: none\n"), "%s", out);
    cr_assert(strstr(out, "\n- Network: 3 nodes, 2 edges, density 0.6667; "),
              "%s", out);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, json_object)
{
    rg_dict *d;
    rg_network *net = S_tricky_net(&d);
    rg_report_options o;
    rg_report_options_init(&o);
    o.format = RG_REPORT_JSON;
    o.top = 2;
    o.sort = "degree";
    rg_filter f;
    rg_filter_init(&f);
    f.types = "person,organization,country";
    f.min_weight = 1;
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    o.filter = &f;
    char *out = S_report_opts(net, &o);
    cr_assert(strncmp(out, "{\n  \"title\": \"Top 2 of 3 actors by degree\",\n"
                           "  \"sort\": \"degree\",\n  \"graph\": {\"nodes\": 3, "
                           "\"edges\": 2, \"layer\": \"cooccurrence\", "
                           "\"layer_edges\": 2, \"ties\": 2, \"density\": "
                           "0.6666666667, \"components\": 1, "
                           "\"largest_component_share\": 1, \"communities\": ",
                      200) == 0,
              "%s", out);
    cr_assert(strstr(out, "\"filters\": {\"layer\": \"auto\", \"min_weight\": 1, "
                          "\"min_mentions\": 0, \"types\": [\"person\", "
                          "\"organization\", \"country\"], \"drop_isolates\": "
                          "false, \"removed_nodes\": 0, \"removed_edges\": 0},"),
              "%s", out);
    cr_assert(strstr(out, "\n    {\"rank\": 1, \"id\": \"b\", \"label\": "
                          "\"A|B *Partei*\", \"type\": \"organization\", "
                          "\"mentions\": 1, \"documents\": 1, \"degree\": 2, "
                          "\"strength\": 3, \"pagerank\": "),
              "%s", out);
    /* degree ties (a and c, 1 each) by id: a second, c cut by --top 2 */
    cr_assert(strstr(out, "\"id\": \"a\", \"label\": \"Meier, \\\"der "
                          "Jüngere\\\"\""),
              "%s", out);
    cr_assert_null(strstr(out, "\"id\": \"c\""), "%s", out);
    cr_assert(strstr(out, "}\n  ]\n}\n"), "%s", out);
    free(out);

    /* unknown numbers are null, also in an empty network */
    rg_network_free(net);
    S_hand_dict_free(d);
    d = S_hand_dict(S_tricky, 3);
    rg_tally *t = rg_i_tally_new(3);
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    o.filter = NULL;
    out = S_report_opts(net, &o);
    cr_assert(strstr(out, "\"modularity\": null},"), "%s", out);
    cr_assert(strstr(out, "\"actors\": []\n}\n"), "%s", out);
    free(out);
    rg_i_tally_free(t);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, sort_keys)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    rg_report_options o;
    rg_report_options_init(&o);
    o.top = 0;
    o.sort = "label";
    char *out = S_report_opts(net, &o);
    cr_assert(strncmp(out, "4 actors by label (", 19) == 0, "%s", out);
    /* bytewise: "Ein sehr…" < "M\xC3\xBC" < "Party" < CJK */
    const char *e = strstr(out, "Ein sehr"), *m = strstr(out, "M\xC3\xBCller"),
               *p = strstr(out, "Party"), *c = strstr(out, "\xE7\xBF\x92");
    cr_assert(e && m && p && c && e < m && m < p && p < c, "%s", out);
    free(out);

    o.sort = "closeness";
    out = S_report_opts(net, &o);
    cr_assert(strstr(out, "   1  M\xC3\xBCller"), "%s", out);
    free(out);

    o.sort = "community; rm -rf";
    FILE *f = fopen("/dev/null", "w");
    cr_assert_eq(rg_report_write(net, &o, f), RG_EINVAL);
    fclose(f);
    cr_assert(rg_report_sort_known("kcore"));
    cr_assert(rg_report_sort_known("id"));
    cr_assert_not(rg_report_sort_known("PageRank"));
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, format_from_path)
{
    cr_assert_eq(rg_report_format_from_path("-"), RG_REPORT_TEXT);
    cr_assert_eq(rg_report_format_from_path("r.txt"), RG_REPORT_TEXT);
    cr_assert_eq(rg_report_format_from_path("dir.csv/r"), RG_REPORT_TEXT);
    cr_assert_eq(rg_report_format_from_path(".csv"), RG_REPORT_TEXT);
    cr_assert_eq(rg_report_format_from_path("out/R.CSV"), RG_REPORT_CSV);
    cr_assert_eq(rg_report_format_from_path("r.md"), RG_REPORT_MARKDOWN);
    cr_assert_eq(rg_report_format_from_path("r.markdown"), RG_REPORT_MARKDOWN);
    cr_assert_eq(rg_report_format_from_path("r.json"), RG_REPORT_JSON);
}

Test(report, filters_are_named)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    rg_filter f;
    rg_filter_init(&f);
    f.layer = RG_LAYER_COOCCURRENCE;
    f.min_mentions = 1;
    f.types = "country,person";
    f.drop_isolates = 1;
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    rg_report_options o;
    rg_report_options_init(&o);
    o.filter = &f;
    char *out = S_report_opts(net, &o);
    cr_assert(strstr(out, "\nFilters: layer cooccurrence, mentions >= 1, types "
                          "country,person, actors without edges dropped "
                          "(removed 2 actors and 2 edges)\n"),
              "%s", out);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}
