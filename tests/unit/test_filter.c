/*
 * test_filter.c — filters before the metrics: layer, edge weight, mention
 * counts, actor types, isolates; the metrics computed again afterwards;
 * messages for what cannot be filtered; layer names.
 */
#include <criterion/criterion.h>
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

/* p1, p2 persons; o1 organization; c1, c2 countries; x1 other */
static rg_dict *S_dict(void)
{
    rg_dict *d = rgt_dict("id\ttype\tlabel\tqid\n"
                          "c1\tcountry\tC1\t\nc2\tcountry\tC2\t\n"
                          "o1\torganization\tO1\t\np1\tperson\tP1\t\n"
                          "p2\tperson\tP2\t\nx1\tother\tX1\t\n",
                          NULL, NULL);
    cr_assert_not_null(d);
    return d;
}

static uint32_t S_idx(const rg_dict *d, const char *id)
{
    int32_t i = rg_i_dict_find_actor(d, id);
    cr_assert_geq(i, 0, "actor %s", id);
    return (uint32_t)i;
}

static void S_edge(rg_tally *t, const rg_dict *d, const char *s,
                   const char *g, int kind, int times)
{
    for (int i = 0; i < times; i++)
        rg_i_tally_relation(t, S_idx(d, s), S_idx(d, g), (uint8_t)kind,
                            kind ? 1 : 0, 0, "doc.txt", 0, 0, 1, "x", 1);
}

/* mentions: p1 5, p2 1, o1 3, c1 4, c2 2, x1 1.
 * co-occurrence: p1-p2 (1), p1-o1 (3), o1-c1 (2), c1-c2 (1);
 * relation: p1 -> c1 (2); x1 has no edge. */
static rg_network *S_net(rg_dict **pd, rg_tally **pt)
{
    rg_dict *d = S_dict();
    rg_tally *t = rg_i_tally_new(rg_dict_actor_count(d));
    const char *ids[] = {"p1", "p2", "o1", "c1", "c2", "x1"};
    const int m[] = {5, 1, 3, 4, 2, 1};
    for (int i = 0; i < 6; i++)
        for (int k = 0; k < m[i]; k++)
            rg_i_tally_mention(t, S_idx(d, ids[i]), 0);
    S_edge(t, d, "p1", "p2", RG_KIND_COOCCURRENCE, 1);
    S_edge(t, d, "o1", "p1", RG_KIND_COOCCURRENCE, 3);
    S_edge(t, d, "c1", "o1", RG_KIND_COOCCURRENCE, 2);
    S_edge(t, d, "c1", "c2", RG_KIND_COOCCURRENCE, 1);
    S_edge(t, d, "p1", "c1", RG_KIND_RELATION, 2);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    *pd = d;
    *pt = t;
    return net;
}

static void S_done(rg_network *net, rg_dict *d, rg_tally *t)
{
    rg_network_free(net);
    rg_i_tally_free(t);
    rg_dict_free(d);
}

static igraph_integer_t S_node(const rg_network *net, const char *id)
{
    for (size_t v = 0; v < rg_network_node_count(net); v++)
        if (!strcmp(rg_i_node_str(net, "id", (igraph_integer_t)v), id))
            return (igraph_integer_t)v;
    return -1;
}

/* Collects diagnostics into one string. */
typedef struct S_msgs {
    char text[1024];
    int errors, warnings;
} S_msgs;

static void S_collect(void *data, rg_level level, const char *where,
                      const char *what)
{
    S_msgs *m = data;
    (void)where;
    if (level == RG_ERROR)
        m->errors++;
    if (level == RG_WARNING)
        m->warnings++;
    size_t n = strlen(m->text);
    snprintf(m->text + n, sizeof(m->text) - n, "%s\n", what);
}

Test(filter, defaults)
{
    rg_filter f;
    rg_filter_init(&f);
    cr_assert(rg_filter_is_default(&f));
    cr_assert_eq(f.layer, RG_LAYER_AUTO);
    f.drop_isolates = 1;
    cr_assert_not(rg_filter_is_default(&f));
    rg_filter_init(&f);
    f.types = "person";
    cr_assert_not(rg_filter_is_default(&f));
}

Test(filter, layer_names)
{
    rg_layer l;
    cr_assert_eq(rg_layer_from_name("cooccurrence", &l), RG_OK);
    cr_assert_eq(l, RG_LAYER_COOCCURRENCE);
    cr_assert_eq(rg_layer_from_name("relations", &l), RG_OK);
    cr_assert_eq(l, RG_LAYER_RELATIONS);
    cr_assert_eq(rg_layer_from_name("all", &l), RG_OK);
    cr_assert_eq(l, RG_LAYER_ALL);
    cr_assert_eq(rg_layer_from_name("verbs", &l), RG_EINVAL);
    cr_assert_eq(l, RG_LAYER_ALL, "untouched on error");
    cr_assert_str_eq(rg_layer_name(RG_LAYER_RELATIONS), "relations");
    cr_assert_str_eq(rg_layer_name(RG_LAYER_AUTO), "auto");
}

Test(filter, default_network_is_measured_on_cooccurrence)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    cr_assert_eq(rg_network_node_count(net), 6);
    cr_assert_eq(rg_network_edge_count(net), 5);
    /* p1: p2 (1), o1 (3); the relation to c1 is kept but not measured */
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "p1")), 2);
    cr_assert_eq(rg_i_node_num(net, "strength", S_node(net, "p1")), 4);
    S_done(net, d, t);
}

Test(filter, layer_relations)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.layer = RG_LAYER_RELATIONS;
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    cr_assert_eq(rg_network_edge_count(net), 1);
    cr_assert_eq(rg_network_node_count(net), 6, "nodes stay");
    cr_assert_str_eq(rg_i_network_layers(net), "relation");
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "p1")), 1);
    cr_assert_eq(rg_i_node_num(net, "strength", S_node(net, "c1")), 2);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.layer, RG_LAYER_RELATIONS);
    cr_assert_eq(fig.removed_edges, 4);
    cr_assert_eq(fig.removed_nodes, 0);
    S_done(net, d, t);
}

Test(filter, layer_all_measures_both)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.layer = RG_LAYER_ALL;
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    cr_assert_eq(rg_network_edge_count(net), 5);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "p1")), 3);
    cr_assert_eq(rg_i_node_num(net, "strength", S_node(net, "p1")), 6);
    S_done(net, d, t);
}

Test(filter, min_weight_and_isolates)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.min_weight = 2;   /* keeps p1-o1 (3), o1-c1 (2), p1->c1 (2) */
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    cr_assert_eq(rg_network_edge_count(net), 3);
    cr_assert_eq(rg_network_node_count(net), 6);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "p2")), 0);

    f.drop_isolates = 1;   /* p2, c2, x1 have no edge left */
    cr_assert_eq(rg_network_filter(net, &f, NULL), RG_OK);
    cr_assert_eq(rg_network_node_count(net), 3);
    cr_assert_lt(S_node(net, "p2"), 0);
    cr_assert_lt(S_node(net, "x1"), 0);
    cr_assert_geq(S_node(net, "o1"), 0);
    /* attributes followed the nodes */
    cr_assert_str_eq(rg_i_node_str(net, "label", S_node(net, "o1")), "O1");
    cr_assert_eq(rg_i_node_num(net, "mentions", S_node(net, "c1")), 4);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.removed_nodes, 3);
    S_done(net, d, t);
}

Test(filter, types_and_mentions)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.types = "person,country";
    f.min_mentions = 2;   /* drops p2 (1); o1 and x1 by type */
    S_msgs m = {{0}, 0, 0};
    rg_diag diag = {S_collect, &m};
    cr_assert_eq(rg_network_filter(net, &f, &diag), RG_OK);
    cr_assert_eq(rg_network_node_count(net), 3);   /* p1, c1, c2 */
    cr_assert_geq(S_node(net, "p1"), 0);
    cr_assert_geq(S_node(net, "c2"), 0);
    cr_assert_lt(S_node(net, "o1"), 0);
    /* left: c1-c2 and p1->c1 (measured: co-occurrence) */
    cr_assert_eq(rg_network_edge_count(net), 2);
    cr_assert_eq(rg_i_node_num(net, "degree", S_node(net, "c1")), 1);
    cr_assert_eq(m.warnings, 0, "%s", m.text);
    rg_i_figures fig;
    rg_i_network_figures(net, &fig);
    cr_assert_eq(fig.removed_nodes, 3);
    cr_assert_eq(fig.removed_edges, 3);
    S_done(net, d, t);
}

Test(filter, unknown_type_is_a_warning)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.types = "person,persn";
    S_msgs m = {{0}, 0, 0};
    rg_diag diag = {S_collect, &m};
    cr_assert_eq(rg_network_filter(net, &f, &diag), RG_OK);
    cr_assert_eq(m.warnings, 1);
    cr_assert(strstr(m.text, "no actor has the type 'persn'"), "%s", m.text);
    cr_assert_eq(rg_network_node_count(net), 2);
    S_done(net, d, t);
}

Test(filter, bad_filters_leave_the_network)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.types = "person,,country";
    S_msgs m = {{0}, 0, 0};
    rg_diag diag = {S_collect, &m};
    cr_assert_eq(rg_network_filter(net, &f, &diag), RG_EINVAL);
    cr_assert(strstr(m.text, "empty actor type"), "%s", m.text);
    cr_assert_eq(rg_network_node_count(net), 6);

    /* mention counts unknown (a GraphML file without them) */
    igraph_vector_t nan;
    igraph_vector_init(&nan, 6);
    igraph_vector_fill(&nan, NAN);
    cr_assert_eq(SETVANV(&net->graph, "mentions", &nan), IGRAPH_SUCCESS);
    igraph_vector_destroy(&nan);
    rg_filter_init(&f);
    f.min_mentions = 2;
    m.text[0] = '\0';
    cr_assert_eq(rg_network_filter(net, &f, &diag), RG_EINVAL);
    cr_assert(strstr(m.text, "no mention counts"), "%s", m.text);
    cr_assert_eq(rg_network_node_count(net), 6);
    S_done(net, d, t);
}

Test(filter, info_message_counts)
{
    rg_dict *d;
    rg_tally *t;
    rg_network *net = S_net(&d, &t);
    rg_filter f;
    rg_filter_init(&f);
    f.drop_isolates = 1;
    S_msgs m = {{0}, 0, 0};
    rg_diag diag = {S_collect, &m};
    cr_assert_eq(rg_network_filter(net, &f, &diag), RG_OK);
    cr_assert(strstr(m.text, "filters removed 1 actor and 0 edges; 5 actors "
                             "and 5 edges remain"),
              "%s", m.text);
    S_done(net, d, t);
}
