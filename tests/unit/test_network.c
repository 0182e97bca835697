/*
 * test_network.c — the tally -> network stage: nodes, edges, attributes,
 * order, metrics on graphs small enough to compute by hand, formats and the
 * shared number/text helpers the writers use.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "metrics.h"
#include "network.h"
#include "relations.h"
#include "support.h"
#include "tally.h"

/* Actors a, b, c, d (d never mentioned) through the real dictionary
 * loader, so that type names and id order are the loader's. */
static rg_dict *S_dict(void)
{
    rg_dict *d = rgt_dict("id\ttype\tlabel\tqid\n"
                          "c\tcountry\tCountry C\t\n"
                          "a\tperson\tAnna A\tQ1\n"
                          "d\tlocation\tDorf D\t\n"
                          "b\torganization\tBank B\tQ2\n",
                          "actor\tform\talias\n"
                          "a\tname\tAnna A\n",
                          NULL);
    cr_assert_not_null(d);
    return d;
}

static uint32_t S_idx(const rg_dict *d, const char *id)
{
    int32_t i = rg_i_dict_find_actor(d, id);
    cr_assert_geq(i, 0, "actor %s", id);
    return (uint32_t)i;
}

/* A tally in which actors a, b and c are mentioned once each. */
static rg_tally *S_abc(const rg_dict *d, uint32_t *a, uint32_t *b, uint32_t *c)
{
    *a = S_idx(d, "a");
    *b = S_idx(d, "b");
    *c = S_idx(d, "c");
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    rg_i_tally_mention(t, *a, 0);
    rg_i_tally_mention(t, *b, 0);
    rg_i_tally_mention(t, *c, 0);
    return t;
}

static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind, int rel,
                  uint32_t doc, const char *text)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, (uint16_t)rel, doc, "doc.txt",
                        0, 0, strlen(text), text, strlen(text));
}

static rg_network *S_build(const rg_tally *t, const rg_dict *d)
{
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    cr_assert_not_null(net);
    return net;
}

static igraph_integer_t S_node(const rg_network *net, const char *id)
{
    for (size_t v = 0; v < rg_network_node_count(net); v++)
        if (!strcmp(rg_i_node_str(net, "id", (igraph_integer_t)v), id))
            return (igraph_integer_t)v;
    cr_assert_fail("no node %s", id);
    return -1;
}

Test(network, nodes_edges_order_and_attributes)
{
    rg_dict *d = S_dict();
    uint32_t a = S_idx(d, "a"), b = S_idx(d, "b"), c = S_idx(d, "c");
    cr_assert(a < b && b < c, "dictionary sorted by id");
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    for (int i = 0; i < 3; i++)
        rg_i_tally_mention(t, a, 0);
    rg_i_tally_mention(t, a, 1);
    rg_i_tally_mention(t, b, 0);
    rg_i_tally_mention(t, c, 1);
    /* inserted out of order; (a, b) twice in doc 0, once in doc 1 */
    S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 1, "B und C.");
    S_rel(t, a, b, RG_KIND_RELATION, 3, 0, "A warnt B.");
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "A und B.");
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "Wieder A und B.");
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 1, "A, B.");

    rg_network *net = S_build(t, d);
    cr_assert_eq(rg_network_node_count(net), 3, "d has no mentions");
    cr_assert_eq(rg_network_edge_count(net), 3);
    cr_assert_str_eq(rg_i_node_str(net, "id", 0), "a");
    cr_assert_str_eq(rg_i_node_str(net, "id", 1), "b");
    cr_assert_str_eq(rg_i_node_str(net, "id", 2), "c");
    cr_assert_str_eq(rg_i_node_str(net, "label", 0), "Anna A");
    cr_assert_str_eq(rg_i_node_str(net, "type", 0), "person");
    cr_assert_str_eq(rg_i_node_str(net, "type", 1), "organization");
    cr_assert_str_eq(rg_i_node_str(net, "type", 2), "country");
    cr_assert_str_eq(rg_i_node_str(net, "qid", 0), "Q1");
    cr_assert_str_eq(rg_i_node_str(net, "qid", 2), "");
    cr_assert_eq(rg_i_node_num(net, "mentions", 0), 4);
    cr_assert_eq(rg_i_node_num(net, "documents", 0), 2);
    cr_assert_eq(rg_i_node_num(net, "mentions", 2), 1);

    /* (a,b,cooccurrence), (a,b,relation 3), (b,c,cooccurrence) */
    const igraph_t *g = &net->graph;
    cr_assert(igraph_is_directed(g));
    cr_assert_eq(IGRAPH_FROM(g, 0), 0);
    cr_assert_eq(IGRAPH_TO(g, 0), 1);
    cr_assert_str_eq(rg_i_edge_str(net, "kind", 0), "cooccurrence");
    cr_assert_str_eq(rg_i_edge_str(net, "relation", 0), "");
    cr_assert_eq(rg_i_edge_num(net, "weight", 0), 3);
    cr_assert_eq(rg_i_edge_num(net, "edge_documents", 0), 2);
    cr_assert_str_eq(rg_i_edge_str(net, "evidence", 0), "A und B.");
    cr_assert_not(rg_i_edge_directed(net, 0));

    cr_assert_eq(IGRAPH_FROM(g, 1), 0);
    cr_assert_eq(IGRAPH_TO(g, 1), 1);
    cr_assert_str_eq(rg_i_edge_str(net, "kind", 1), "relation");
    cr_assert_str_eq(rg_i_edge_str(net, "relation", 1), "deploy");
    cr_assert_eq(rg_i_edge_num(net, "weight", 1), 1);
    cr_assert(rg_i_edge_directed(net, 1));

    cr_assert_eq(IGRAPH_FROM(g, 2), 1);
    cr_assert_eq(IGRAPH_TO(g, 2), 2);
    cr_assert_str_eq(rg_i_edge_str(net, "evidence", 2), "B und C.");
    cr_assert(net->has_cooccurrence);
    cr_assert(net->has_relation);
    cr_assert_str_eq(rg_i_network_layers(net), "mixed");

    /* metrics read the co-occurrence layer by default: the relation edge
     * a->b is kept but not measured */
    cr_assert_eq(rg_i_node_num(net, "degree", 0), 1);
    cr_assert_eq(rg_i_node_num(net, "degree", 1), 2);
    cr_assert_eq(rg_i_node_num(net, "strength", 0), 3);
    cr_assert_eq(rg_i_node_num(net, "strength", 1), 4);
    cr_assert_eq(rg_i_node_num(net, "strength", 2), 1);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.layer, RG_LAYER_COOCCURRENCE);
    cr_assert_eq(fig.layer_edges, 2);
    cr_assert_eq(fig.ties, 2);

    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, schema_is_complete)
{
    /* Node attributes first, in this order; then the edge attributes
     * (whose list the writers' and relations' work extends). */
    static const char *const node[] = {
        "id", "label", "type", "qid", "mentions", "documents", "degree",
        "strength", "pagerank", "betweenness", "closeness", "eigenvector",
        "clustering", "kcore", "community", "source"};
    static const uint8_t node_type[] = {
        RG_ATTR_STRING, RG_ATTR_STRING, RG_ATTR_STRING, RG_ATTR_STRING,
        RG_ATTR_INT, RG_ATTR_INT, RG_ATTR_INT, RG_ATTR_DOUBLE, RG_ATTR_DOUBLE,
        RG_ATTR_DOUBLE, RG_ATTR_DOUBLE, RG_ATTR_DOUBLE, RG_ATTR_DOUBLE,
        RG_ATTR_INT, RG_ATTR_INT, RG_ATTR_STRING};
    size_t nn = sizeof(node) / sizeof(node[0]);
    cr_assert_geq(rg_i_attr_count, nn + 4);
    for (size_t i = 0; i < nn; i++) {
        cr_assert_str_eq(rg_i_attrs[i].name, node[i]);
        cr_assert_eq(rg_i_attrs[i].domain, RG_ATTR_NODE);
        cr_assert_eq(rg_i_attrs[i].type, node_type[i], "%s", node[i]);
    }
    for (size_t i = nn; i < rg_i_attr_count; i++)
        cr_assert_eq(rg_i_attrs[i].domain, RG_ATTR_EDGE, "%s",
                     rg_i_attrs[i].name);
    /* every metric metrics.c sets is in the schema, so every export has it */
    for (size_t m = 0; m < rg_i_metric_count; m++) {
        int found = 0;
        for (size_t i = 0; i < nn; i++)
            found |= !strcmp(rg_i_attrs[i].name, rg_i_metric_names[m]);
        cr_assert(found, "%s", rg_i_metric_names[m]);
    }
    static const char *const edge[] = {"kind", "relation", "weight",
                                       "evidence"};
    for (size_t k = 0; k < 4; k++) {
        int found = 0;
        for (size_t i = nn; i < rg_i_attr_count; i++)
            found |= !strcmp(rg_i_attrs[i].name, edge[k]);
        cr_assert(found, "%s", edge[k]);
    }
}

Test(network, path_metrics)
{
    /* a - b - c, weights 1 and 2 */
    rg_dict *d = S_dict();
    uint32_t a, b, c;
    rg_tally *t = S_abc(d, &a, &b, &c);
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "x");
    S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 0, "y");
    S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 0, "y");
    rg_network *net = S_build(t, d);
    cr_assert_str_eq(rg_i_network_layers(net), "co-occurrence");
    cr_assert_eq(rg_i_node_num(net, "degree", 0), 1);
    cr_assert_eq(rg_i_node_num(net, "degree", 1), 2);
    cr_assert_eq(rg_i_node_num(net, "degree", 2), 1);
    cr_assert_eq(rg_i_node_num(net, "strength", 1), 3);
    cr_assert_eq(rg_i_node_num(net, "strength", 2), 2);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", 0), 0.0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", 1), 1.0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", 2), 0.0, 1e-12);

    /* Undirected weighted PageRank, damping 0.85, by hand: with
     * P = d * W D^-1 p + (1-d)/3 and strengths 1, 3, 2:
     * pa = .05 + .85*pb/3, pc = .05 + .85*2pb/3, pb = .05 + .85(pa + pc). */
    double pb = (0.05 + 0.85 * 0.1) / (1 - 0.85 * 0.85);
    double pa = 0.05 + 0.85 * pb / 3, pc = 0.05 + 0.85 * 2 * pb / 3;
    cr_assert_float_eq(pa + pb + pc, 1.0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", 0), pa, 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", 1), pb, 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", 2), pc, 1e-9);

    /* Lengths 1/w: a-b 1, b-c 0.5.  Closeness (r/(n-1)) * r/sum:
     * a: 2/(1 + 1.5) = 0.8, b: 2/1.5, c: 2/(0.5 + 1.5) = 1. */
    cr_assert_float_eq(rg_i_node_num(net, "closeness", 0), 0.8, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "closeness", 1), 2 / 1.5, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "closeness", 2), 1.0, 1e-12);
    /* Weighted adjacency [[0,1,0],[1,0,2],[0,2,0]]: leading eigenvalue
     * sqrt 5, eigenvector (1, sqrt 5, 2), scaled to max 1. */
    cr_assert_float_eq(rg_i_node_num(net, "eigenvector", 0), 1 / sqrt(5), 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "eigenvector", 1), 1.0, 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "eigenvector", 2), 2 / sqrt(5), 1e-9);
    for (igraph_integer_t v = 0; v < 3; v++) {
        cr_assert_eq(rg_i_node_num(net, "clustering", v), 0);
        cr_assert_eq(rg_i_node_num(net, "kcore", v), 1);
    }
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.nodes, 3);
    cr_assert_eq(fig.ties, 2);
    cr_assert_float_eq(fig.density, 2.0 / 3, 1e-12);
    cr_assert_eq(fig.components, 1);
    cr_assert_float_eq(fig.largest_share, 1.0, 1e-12);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, betweenness_prefers_heavy_edges)
{
    /* a-b (1), b-c (1), a-c (1): a triangle, nobody is between; with a-c
     * light (weight 1) and a-b, b-c heavy (weight 4), the way a..c over b
     * is shorter (1/4 + 1/4 < 1), so b is between a and c. */
    rg_dict *d = S_dict();
    uint32_t a, b, c;
    rg_tally *t = S_abc(d, &a, &b, &c);
    for (int i = 0; i < 4; i++) {
        S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "x");
        S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 0, "x");
    }
    S_rel(t, a, c, RG_KIND_COOCCURRENCE, 0, 0, "x");
    rg_network *net = S_build(t, d);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "b")),
                       1.0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "a")),
                       0.0, 1e-12);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, star_pagerank)
{
    /* b in the middle of a, c, d: b ranks first, the leaves tie. */
    rg_dict *d = S_dict();
    uint32_t a = S_idx(d, "a"), b = S_idx(d, "b"), c = S_idx(d, "c"),
             x = S_idx(d, "d");
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    uint32_t all[] = {a, b, c, x};
    for (int i = 0; i < 4; i++)
        rg_i_tally_mention(t, all[i], 0);
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "x");
    S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 0, "x");
    S_rel(t, b, x, RG_KIND_COOCCURRENCE, 0, 0, "x");
    rg_network *net = S_build(t, d);
    cr_assert_eq(rg_network_node_count(net), 4);
    double pa = rg_i_node_num(net, "pagerank", S_node(net, "a"));
    double pb = rg_i_node_num(net, "pagerank", S_node(net, "b"));
    double pc = rg_i_node_num(net, "pagerank", S_node(net, "c"));
    double pd = rg_i_node_num(net, "pagerank", S_node(net, "d"));
    cr_assert_gt(pb, pa);
    cr_assert_float_eq(pa, pc, 1e-12);
    cr_assert_float_eq(pa, pd, 1e-12);
    cr_assert_float_eq(pa + pb + pc + pd, 1.0, 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "b")),
                       3.0, 1e-12);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "b")), 3);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

/* Actors p1..p7 for the larger hand-computed graphs. */
static rg_dict *S_dict7(void)
{
    rg_dict *d = rgt_dict("id\ttype\tlabel\tqid\n"
                          "p1\tperson\tP1\t\np2\tperson\tP2\t\n"
                          "p3\tperson\tP3\t\np4\tcountry\tP4\t\n"
                          "p5\tcountry\tP5\t\np6\tcountry\tP6\t\n"
                          "p7\tother\tP7\t\n",
                          NULL, NULL);
    cr_assert_not_null(d);
    return d;
}

/* Tally with every actor of d mentioned once and the co-occurrence edges
 * `edges` ("p1 p2" ...), each once. */
static rg_tally *S_tally(const rg_dict *d, const char *const *edges, size_t n)
{
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    for (size_t a = 0; a < rg_dict_actor_count(d); a++)
        rg_i_tally_mention(t, (uint32_t)a, 0);
    for (size_t i = 0; i < n; i++) {
        char s[8], g[8];
        cr_assert_eq(sscanf(edges[i], "%7s %7s", s, g), 2);
        S_rel(t, S_idx(d, s), S_idx(d, g), RG_KIND_COOCCURRENCE, 0, 0, "x");
    }
    return t;
}

Test(network, clustering_and_kcore)
{
    /* triangle p1 p2 p3 with a pendant p4 at p3; p5..p7 alone */
    rg_dict *d = S_dict7();
    static const char *const e[] = {"p1 p2", "p2 p3", "p1 p3", "p3 p4"};
    rg_tally *t = S_tally(d, e, 4);
    rg_network *net = S_build(t, d);
    cr_assert_float_eq(rg_i_node_num(net, "clustering", S_node(net, "p1")), 1.0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "clustering", S_node(net, "p3")), 1.0 / 3, 1e-12);
    cr_assert_eq(rg_i_node_num(net, "clustering", S_node(net, "p4")), 0);
    cr_assert_eq(rg_i_node_num(net, "kcore", S_node(net, "p2")), 2);
    cr_assert_eq(rg_i_node_num(net, "kcore", S_node(net, "p3")), 2);
    cr_assert_eq(rg_i_node_num(net, "kcore", S_node(net, "p4")), 1);
    cr_assert_eq(rg_i_node_num(net, "kcore", S_node(net, "p5")), 0);
    /* actors without ties: no centrality, each its own component */
    igraph_integer_t p5 = S_node(net, "p5");
    cr_assert_eq(rg_i_node_num(net, "closeness", p5), 0);
    cr_assert_eq(rg_i_node_num(net, "eigenvector", p5), 0);
    cr_assert_eq(rg_i_node_num(net, "betweenness", p5), 0);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.components, 4);
    cr_assert_float_eq(fig.largest_share, 4.0 / 7, 1e-12);
    cr_assert_float_eq(fig.density, 4.0 / 21, 1e-12);
    /* Wasserman-Faust: p4 reaches 3 of the 6 others, p3 at 1, p1 and p2
     * at 2: (3/6) * 3/(1 + 2 + 2) */
    cr_assert_float_eq(rg_i_node_num(net, "closeness", S_node(net, "p4")),
                       0.5 * 3 / 5, 1e-12);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, communities_and_modularity)
{
    /* two triangles p1 p2 p3 and p4 p5 p6 joined by p3-p4; p7 alone */
    rg_dict *d = S_dict7();
    static const char *const e[] = {"p1 p2", "p2 p3", "p1 p3", "p3 p4",
                                    "p4 p5", "p5 p6", "p4 p6"};
    rg_tally *t = S_tally(d, e, 7);
    rg_network *net = S_build(t, d);
    double c[8];
    for (int i = 1; i <= 7; i++) {
        char id[4];
        snprintf(id, sizeof(id), "p%d", i);
        c[i] = rg_i_node_num(net, "community", S_node(net, id));
    }
    /* numbered by size, ties by the first actor: p1's triangle is 0 */
    cr_assert_eq(c[1], 0);
    cr_assert_eq(c[2], 0);
    cr_assert_eq(c[3], 0);
    cr_assert_eq(c[4], 1);
    cr_assert_eq(c[5], 1);
    cr_assert_eq(c[6], 1);
    cr_assert_eq(c[7], 2);
    /* Q = sum over communities of L_c/m - (d_c/2m)^2 = 2 (3/7 - 1/4) */
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.communities, 3);
    cr_assert_float_eq(fig.modularity, 5.0 / 14, 1e-12);
    /* p3 is on every path from p1, p2 to p4, p5, p6: 2 * 3 pairs */
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "p3")),
                       6.0, 1e-12);
    rg_network_free(net);

    /* the same network again: the same communities (seeded) */
    net = S_build(t, d);
    cr_assert_eq(rg_i_node_num(net, "community", S_node(net, "p4")), 1);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, relation_layer_pagerank_is_directed)
{
    /* a -> b -> c (relation edges), a - c co-occurrence */
    rg_dict *d = S_dict();
    uint32_t a, b, c;
    rg_tally *t = S_abc(d, &a, &b, &c);
    S_rel(t, a, b, RG_KIND_RELATION, 1, 0, "A warnt B.");
    S_rel(t, b, c, RG_KIND_RELATION, 1, 0, "B warnt C.");
    S_rel(t, a, c, RG_KIND_COOCCURRENCE, 0, 0, "A und C.");
    rg_network *net = S_build(t, d);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "b")), 0,
                 "default layer: co-occurrence");

    cr_assert_eq(rg_i_network_metrics_layer(net, RG_LAYER_RELATIONS), RG_OK);
    /* c is a dead end and jumps uniformly: p_a = u, p_b = u (1 + d),
     * p_c = u (1 + d + d^2) with u = 1 / (3 + 2d + d^2). */
    double dd = 0.85, u = 1 / (3 + 2 * dd + dd * dd);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", S_node(net, "a")), u, 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", S_node(net, "b")),
                       u * (1 + dd), 1e-9);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", S_node(net, "c")),
                       u * (1 + dd + dd * dd), 1e-9);
    /* the other metrics read the ties, undirected: b is between a and c */
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "b")), 1.0, 1e-12);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.layer, RG_LAYER_RELATIONS);
    cr_assert_eq(fig.layer_edges, 2);

    /* all: a co-occurrence edge is walked both ways, ties are a triangle */
    cr_assert_eq(rg_i_network_metrics_layer(net, RG_LAYER_ALL), RG_OK);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "b")), 2);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "b")), 0, 1e-12);
    cr_assert_float_eq(rg_i_node_num(net, "clustering", S_node(net, "a")), 1.0, 1e-12);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, parallel_edges_are_one_tie)
{
    /* a-b as co-occurrence (weight 1) and relation (weight 1), b-c
     * co-occurrence (weight 1): on all layers a-b is one tie of weight 2,
     * so b is on a's only path to c once, not twice, and a's degree is 1 */
    rg_dict *d = S_dict();
    uint32_t a, b, c;
    rg_tally *t = S_abc(d, &a, &b, &c);
    S_rel(t, a, b, RG_KIND_COOCCURRENCE, 0, 0, "x");
    S_rel(t, a, b, RG_KIND_RELATION, 1, 0, "x");
    S_rel(t, b, c, RG_KIND_COOCCURRENCE, 0, 0, "x");
    rg_network *net = S_build(t, d);
    cr_assert_eq(rg_i_network_metrics_layer(net, RG_LAYER_ALL), RG_OK);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "a")), 1);
    cr_assert_eq(rg_i_node_num(net, "strength", S_node(net, "a")), 2);
    cr_assert_eq(rg_i_node_num(net, "strength", S_node(net, "b")), 3);
    cr_assert_float_eq(rg_i_node_num(net, "betweenness", S_node(net, "b")), 1.0, 1e-12);
    /* closeness of a: c at 1/2 + 1 */
    cr_assert_float_eq(rg_i_node_num(net, "closeness", S_node(net, "a")),
                       2 / 2.0, 1e-12);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.ties, 2);
    cr_assert_eq(fig.layer_edges, 3);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, relation_only_and_empty)
{
    rg_dict *d = S_dict();
    uint32_t a = S_idx(d, "a"), b = S_idx(d, "b");
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    rg_network *net = S_build(t, d);
    cr_assert_eq(rg_network_node_count(net), 0);
    cr_assert_eq(rg_network_edge_count(net), 0);
    cr_assert_str_eq(rg_i_network_layers(net), "co-occurrence");
    rg_network_free(net);

    rg_i_tally_mention(t, a, 0);
    rg_i_tally_mention(t, b, 0);
    S_rel(t, b, a, RG_KIND_RELATION, 1, 0, "B kritisiert A.");
    net = S_build(t, d);
    cr_assert_eq(rg_network_edge_count(net), 1);
    cr_assert_eq(IGRAPH_FROM(&net->graph, 0), S_node(net, "b"));
    cr_assert_eq(IGRAPH_TO(&net->graph, 0), S_node(net, "a"));
    cr_assert_not(net->has_cooccurrence);
    cr_assert(net->has_relation);
    cr_assert_str_eq(rg_i_network_layers(net), "relation");
    rg_network_free(net);

    /* a single node without edges */
    rg_i_tally_free(t);
    t = rg_i_tally_new(rg_dict_actor_count(d));
    rg_i_tally_mention(t, a, 0);
    net = S_build(t, d);
    cr_assert_eq(rg_network_node_count(net), 1);
    cr_assert_float_eq(rg_i_node_num(net, "pagerank", 0), 1.0, 1e-12);
    cr_assert_eq(rg_i_node_num(net, "degree", 0), 0);
    cr_assert_eq(rg_i_node_num(net, "closeness", 0), 0);
    cr_assert_eq(rg_i_node_num(net, "eigenvector", 0), 0);
    cr_assert_eq(rg_i_node_num(net, "community", 0), 0);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert(isnan(fig.modularity));
    cr_assert_eq(fig.density, 0);
    cr_assert_eq(fig.components, 1);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, edge_without_mentions_is_refused)
{
    rg_dict *d = S_dict();
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    rg_i_tally_mention(t, S_idx(d, "a"), 0);
    S_rel(t, S_idx(d, "a"), S_idx(d, "b"), RG_KIND_COOCCURRENCE, 0, 0, "x");
    rg_network *net = NULL;   /* must stay untouched */
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_EINVAL);
    cr_assert_null(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, status_from_igraph)
{
    cr_assert_eq(rg_i_status_from_igraph(IGRAPH_SUCCESS), RG_OK);
    cr_assert_eq(rg_i_status_from_igraph(IGRAPH_ENOMEM), RG_ENOMEM);
    cr_assert_eq(rg_i_status_from_igraph(IGRAPH_EINVAL), RG_EGRAPH);
    rg_network_free(NULL);
}

Test(network, formats)
{
    cr_assert_eq(rg_format_from_path("out.dot"), RG_FORMAT_DOT);
    cr_assert_eq(rg_format_from_path("dir.x/out.GV"), RG_FORMAT_DOT);
    cr_assert_eq(rg_format_from_path("/tmp/Net.GraphML"), RG_FORMAT_GRAPHML);
    cr_assert_eq(rg_format_from_path("out.xml"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_path("graphml"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_path(".graphml"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_path("dir.dot/file"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_path("-"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_name("dot"), RG_FORMAT_DOT);
    cr_assert_eq(rg_format_from_name("gv"), RG_FORMAT_DOT);
    cr_assert_eq(rg_format_from_name("graphml"), RG_FORMAT_GRAPHML);
    cr_assert_eq(rg_format_from_name("GraphML"), RG_FORMAT_NONE);
    cr_assert_eq(rg_format_from_name("gexf"), RG_FORMAT_GEXF);
    cr_assert_eq(rg_format_from_name("svg"), RG_FORMAT_NONE);
}

Test(network, write_dispatch)
{
    rg_dict *d = S_dict();
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    rg_i_tally_mention(t, S_idx(d, "a"), 0);
    rg_network *net = S_build(t, d);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write(net, RG_FORMAT_NONE, f), RG_EINVAL);
    cr_assert_eq(rg_network_write(net, RG_FORMAT_DOT, f), RG_OK);
    fflush(f);
    cr_assert(strncmp(buf, "digraph relgraph {", 18) == 0);
    fclose(f);
    free(buf);
    f = open_memstream(&buf, &len);
    cr_assert_eq(rg_network_write(net, RG_FORMAT_GRAPHML, f), RG_OK);
    fflush(f);
    cr_assert(strncmp(buf, "<?xml", 5) == 0);
    fclose(f);
    free(buf);
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

Test(network, number_format)
{
    char b[RG_NUMBUF];
    cr_assert_str_eq(rg_i_format_number(b, 0.0), "0");
    cr_assert_str_eq(rg_i_format_number(b, -0.0), "0");
    cr_assert_str_eq(rg_i_format_number(b, 12.0), "12");
    cr_assert_str_eq(rg_i_format_number(b, -3.0), "-3");
    cr_assert_str_eq(rg_i_format_number(b, 12345678901.0), "12345678901");
    cr_assert_str_eq(rg_i_format_number(b, 0.5), "0.5");
    cr_assert_str_eq(rg_i_format_number(b, 1.0 / 3), "0.3333333333");
    cr_assert_str_eq(rg_i_format_number(b, 1.5e-5), "1.5e-05");
    cr_assert_str_eq(rg_i_format_number(b, 1e300), "1e+300");
    cr_assert_str_eq(rg_i_format_number(b, NAN), "NaN");
    cr_assert_str_eq(rg_i_format_number(b, INFINITY), "INF");
    cr_assert_str_eq(rg_i_format_number(b, -INFINITY), "-INF");
    cr_assert_str_eq(rg_i_format_fixed(b, 0.31204, 4), "0.3120");
    cr_assert_str_eq(rg_i_format_fixed(b, 2.0, 1), "2.0");
    cr_assert_str_eq(rg_i_format_fixed(b, 7.0, 0), "7");
    cr_assert_str_eq(rg_i_format_fixed(b, -1e-12, 4), "0.0000");
    cr_assert_str_eq(rg_i_format_fixed(b, -0.5, 1), "-0.5");
}

/* The integer path (digits without printf) prints what "%.0f" does, over
 * small, large, negative and power-of-ten values up to 2^53; the values
 * just past it go through printf as before. */
Test(network, number_format_integers_match_printf)
{
    char b[RG_NUMBUF], ref[RG_NUMBUF];
    double edge[] = {1, -1, 9, 10, 99, 100, 999999, 1000000, 4294967295.0,
                     4294967296.0, -4294967296.0, 9007199254740991.0,
                     -9007199254740991.0, 9007199254740992.0,
                     -9007199254740992.0, 9007199254740994.0, 1e17, -1e17};
    for (size_t i = 0; i < sizeof(edge) / sizeof(edge[0]); i++) {
        snprintf(ref, sizeof(ref), fabs(edge[i]) < 9007199254740992.0 ? "%.0f" : "%.10g",
                 edge[i]);
        cr_assert_str_eq(rg_i_format_number(b, edge[i]), ref, "%.17g", edge[i]);
    }
    for (int sign = -1; sign <= 1; sign += 2)
        for (long long v = 1; v < 200000; v++) {
            double x = sign * (double)v;
            snprintf(ref, sizeof(ref), "%.0f", x);
            cr_assert_str_eq(rg_i_format_number(b, x), ref);
        }
    unsigned long long s = 88172645463325252ull;   /* xorshift: wide values */
    for (int i = 0; i < 200000; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        double x = (double)(s >> (11 + (unsigned)(i % 50)));
        if (i & 1)
            x = -x;
        if (x == 0)
            continue;
        snprintf(ref, sizeof(ref), "%.0f", x);
        cr_assert_str_eq(rg_i_format_number(b, x), ref);
    }
}

Test(network, sanitize_text)
{
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_sanitize_text(&b, "");
    cr_assert_not_null(b.data);
    cr_assert_str_eq(b.data, "");
    rg_i_sanitize_text(&b, "a\x01" "b\tc\nd\re\x1f" "f\x7f");
    cr_assert_str_eq(b.data, "ab\tc\nd\ref\x7f");
    rg_i_buf_reset(&b);
    /* U+FFFE, U+FFFF dropped; a stray continuation byte and a truncated
     * sequence become U+FFFD; umlauts and emoji stay */
    rg_i_sanitize_text(&b, "\xEF\xBF\xBE\xEF\xBF\xBFx\x80y\xC3"
                           "z\xC3\xBC\xF0\x9F\x98\x80");
    cr_assert_str_eq(b.data, "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xC3\xBC"
                             "\xF0\x9F\x98\x80");
    rg_i_buf_destroy(&b);
}

Test(network, number_format_ignores_locale)
{
    /* The library must write '.' whatever LC_NUMERIC says.  Skip when no
     * comma locale is installed. */
    if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") &&
        !setlocale(LC_NUMERIC, "de_DE.utf8"))
        cr_skip_test("no de_DE locale installed");
    char b[RG_NUMBUF];
    cr_assert_str_eq(rg_i_format_number(b, 0.5), "0.5");
    cr_assert_str_eq(rg_i_format_fixed(b, 0.25, 2), "0.25");
    setlocale(LC_NUMERIC, "C");
}
