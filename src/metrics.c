/*
 * metrics.c — node metrics and graph-level figures of the network, computed
 * by igraph on one layer and stored as node attributes (every writer and
 * the report show them) and graph attributes (the figures, for the report).
 *
 * The network holds co-occurrence edges (undirected, stored once) and
 * relation edges (directed) in one directed igraph_t, possibly several
 * between the same two actors.  Each metric reads one of two views built
 * here from the edges of the chosen layer:
 *   - the ties: a simple undirected graph, one edge per tied pair, weighted
 *     by the sum of the pair's edge weights — for everything but PageRank,
 *     so that parallel edges neither count twice in the degree nor double
 *     the number of shortest paths in betweenness;
 *   - the walk: a directed multigraph with a co-occurrence edge as two arcs
 *     and a relation edge as one — for PageRank, which is thereby directed
 *     on the relation layer and the undirected PageRank on co-occurrence.
 * The definitions are documented once, in relgraph.h.  Everything here is
 * deterministic: Louvain, the one randomised algorithm, runs with a fixed
 * seed.
 */
#include "metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "relations.h"

const char *const rg_i_metric_names[] = {
    "degree",    "strength",    "pagerank",   "betweenness", "closeness",
    "eigenvector", "clustering", "kcore",     "community"};
const size_t rg_i_metric_count =
    sizeof(rg_i_metric_names) / sizeof(rg_i_metric_names[0]);

int rg_i_edge_is_relation(const rg_network *n, igraph_integer_t e)
{
    if (igraph_cattribute_has_attr(&n->graph, IGRAPH_ATTRIBUTE_EDGE, "kind"))
        return rg_i_edge_directed(n, e);
    return igraph_is_directed(&n->graph);
}

rg_layer rg_i_metrics_layer(const rg_network *n, rg_layer requested)
{
    if (requested != RG_LAYER_AUTO)
        return requested;
    if (!n->has_cooccurrence && n->has_relation)
        return RG_LAYER_RELATIONS;
    return RG_LAYER_COOCCURRENCE;
}

static int S_in_layer(const rg_network *n, igraph_integer_t e, rg_layer layer)
{
    if (layer == RG_LAYER_ALL)
        return 1;
    return rg_i_edge_is_relation(n, e) == (layer == RG_LAYER_RELATIONS);
}

/* The weight of edge e for the metrics: 1 when missing or not a number. */
static double S_weight(const rg_network *n, int has_weight, igraph_integer_t e)
{
    if (!has_weight)
        return 1.0;
    double w = EAN(&n->graph, "weight", e);
    return isnan(w) ? 1.0 : w;
}

typedef struct S_pair {
    igraph_integer_t u, v;   /* u < v */
    double w;
} S_pair;

static int S_cmp_pair(const void *a, const void *b)
{
    const S_pair *x = a, *y = b;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return 0;
}

/* The two views of the layer (see the top of the file). */
typedef struct S_view {
    igraph_t ties, walk;
    igraph_vector_t tie_w, tie_len, walk_w;
    size_t layer_edges;
} S_view;

static rg_status S_view_init(S_view *vw, const rg_network *n, rg_layer layer)
{
    rg_status st = RG_OK;
    const igraph_t *g = &n->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    int has_weight = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE,
                                                "weight");
    S_pair *pairs = rg_i_xmalloc((size_t)(ne > 0 ? ne : 1) * sizeof(*pairs));
    size_t np = 0, nt = 0;
    igraph_vector_int_t tie_ends, walk_ends;
    int have = 0;

    vw->layer_edges = 0;
    RG_IGRAPH(igraph_vector_int_init(&tie_ends, 0));
    have = 1;
    RG_IGRAPH(igraph_vector_int_init(&walk_ends, 0));
    have = 2;
    RG_IGRAPH(igraph_vector_init(&vw->walk_w, 0));
    have = 3;
    RG_IGRAPH(igraph_vector_init(&vw->tie_w, 0));
    have = 4;
    RG_IGRAPH(igraph_vector_init(&vw->tie_len, 0));
    have = 5;

    for (igraph_integer_t e = 0; e < ne; e++) {
        if (!S_in_layer(n, e, layer))
            continue;
        vw->layer_edges++;
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        double w = S_weight(n, has_weight, e);
        if (from == to || !(w > 0))
            continue;
        pairs[np].u = from < to ? from : to;
        pairs[np].v = from < to ? to : from;
        pairs[np].w = w;
        np++;
        RG_IGRAPH(igraph_vector_int_push_back(&walk_ends, from));
        RG_IGRAPH(igraph_vector_int_push_back(&walk_ends, to));
        RG_IGRAPH(igraph_vector_push_back(&vw->walk_w, w));
        if (!rg_i_edge_is_relation(n, e)) {
            RG_IGRAPH(igraph_vector_int_push_back(&walk_ends, to));
            RG_IGRAPH(igraph_vector_int_push_back(&walk_ends, from));
            RG_IGRAPH(igraph_vector_push_back(&vw->walk_w, w));
        }
    }
    /* Merge parallel edges into one tie; summing in sorted order keeps the
     * result independent of the edge order. */
    if (np > 1)
        qsort(pairs, np, sizeof(*pairs), S_cmp_pair);
    for (size_t i = 0; i < np; i++) {
        if (nt > 0 && pairs[nt - 1].u == pairs[i].u &&
            pairs[nt - 1].v == pairs[i].v)
            pairs[nt - 1].w += pairs[i].w;
        else
            pairs[nt++] = pairs[i];
    }
    for (size_t i = 0; i < nt; i++) {
        RG_IGRAPH(igraph_vector_int_push_back(&tie_ends, pairs[i].u));
        RG_IGRAPH(igraph_vector_int_push_back(&tie_ends, pairs[i].v));
        RG_IGRAPH(igraph_vector_push_back(&vw->tie_w, pairs[i].w));
        RG_IGRAPH(igraph_vector_push_back(&vw->tie_len, 1.0 / pairs[i].w));
    }
    RG_IGRAPH(igraph_create(&vw->ties, &tie_ends, nv, IGRAPH_UNDIRECTED));
    have = 6;
    RG_IGRAPH(igraph_create(&vw->walk, &walk_ends, nv, IGRAPH_DIRECTED));
    have = 7;

out:
    if (st != RG_OK) {
        if (have >= 6)
            igraph_destroy(&vw->ties);
        if (have >= 5)
            igraph_vector_destroy(&vw->tie_len);
        if (have >= 4)
            igraph_vector_destroy(&vw->tie_w);
        if (have >= 3)
            igraph_vector_destroy(&vw->walk_w);
    }
    if (have >= 2)
        igraph_vector_int_destroy(&walk_ends);
    if (have >= 1)
        igraph_vector_int_destroy(&tie_ends);
    free(pairs);
    return st;
}

static void S_view_destroy(S_view *vw)
{
    igraph_destroy(&vw->ties);
    igraph_destroy(&vw->walk);
    igraph_vector_destroy(&vw->tie_w);
    igraph_vector_destroy(&vw->tie_len);
    igraph_vector_destroy(&vw->walk_w);
}

/* Renumbers Louvain's communities 0, 1, ... by decreasing size, ties by
 * the lowest vertex (vertices are in id order), so that the numbers do not
 * depend on igraph's internal order. */
static void S_renumber(igraph_vector_int_t *memb, size_t *count)
{
    igraph_integer_t nv = igraph_vector_int_size(memb);
    igraph_integer_t *size = rg_i_xcalloc((size_t)nv + 1, sizeof(*size));
    igraph_integer_t *first = rg_i_xmalloc(((size_t)nv + 1) * sizeof(*first));
    igraph_integer_t *order = rg_i_xmalloc(((size_t)nv + 1) * sizeof(*order));
    igraph_integer_t *label = rg_i_xmalloc(((size_t)nv + 1) * sizeof(*label));
    igraph_integer_t nc = 0;
    for (igraph_integer_t v = 0; v < nv; v++) {
        igraph_integer_t c = VECTOR(*memb)[v];
        if (size[c]++ == 0)
            first[c] = v;
        if (c + 1 > nc)
            nc = c + 1;
    }
    igraph_integer_t k = 0;
    for (igraph_integer_t c = 0; c < nc; c++)
        if (size[c] > 0)
            order[k++] = c;
    /* insertion sort: community counts are small next to the metrics */
    for (igraph_integer_t i = 1; i < k; i++) {
        igraph_integer_t c = order[i], j = i;
        while (j > 0 && (size[order[j - 1]] < size[c] ||
                         (size[order[j - 1]] == size[c] &&
                          first[order[j - 1]] > first[c]))) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = c;
    }
    for (igraph_integer_t i = 0; i < k; i++)
        label[order[i]] = i;
    for (igraph_integer_t v = 0; v < nv; v++)
        VECTOR(*memb)[v] = label[VECTOR(*memb)[v]];
    *count = (size_t)k;
    free(size);
    free(first);
    free(order);
    free(label);
}

static igraph_error_t S_int_to_real(const igraph_vector_int_t *from,
                                    igraph_vector_t *to)
{
    igraph_integer_t n = igraph_vector_int_size(from);
    IGRAPH_CHECK(igraph_vector_resize(to, n));
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*to)[i] = (double)VECTOR(*from)[i];
    return IGRAPH_SUCCESS;
}

rg_status rg_i_network_metrics_layer(rg_network *net, rg_layer layer)
{
    rg_status st = RG_OK;
    igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g);
    S_view vw;
    int have_view = 0, have = 0, have_iv = 0;
    igraph_vector_t degree, strength, pagerank, betweenness, closeness,
        eigenvector, clustering, kcore, community;
    igraph_vector_t *vs[] = {&degree,      &strength,   &pagerank,
                             &betweenness, &closeness,  &eigenvector,
                             &clustering,  &kcore,      &community};
    igraph_vector_int_t ivec, memb, csize;
    igraph_vector_int_t *ivs[] = {&ivec, &memb, &csize};
    size_t n_comm = 0;
    igraph_integer_t n_comp = 0, largest = 0;
    igraph_real_t modularity = NAN;

    layer = rg_i_metrics_layer(net, layer);
    for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
        RG_IGRAPH(igraph_vector_init(vs[i], nv));
        have++;
    }
    for (size_t i = 0; i < sizeof(ivs) / sizeof(ivs[0]); i++) {
        RG_IGRAPH(igraph_vector_int_init(ivs[i], 0));
        have_iv++;
    }
    st = S_view_init(&vw, net, layer);
    if (st != RG_OK)
        goto out;
    have_view = 1;
    igraph_integer_t nties = igraph_ecount(&vw.ties);

    RG_IGRAPH(igraph_degree(&vw.ties, &ivec, igraph_vss_all(), IGRAPH_ALL,
                            IGRAPH_NO_LOOPS));
    RG_IGRAPH(S_int_to_real(&ivec, &degree));
    RG_IGRAPH(igraph_strength(&vw.ties, &strength, igraph_vss_all(),
                              IGRAPH_ALL, IGRAPH_NO_LOOPS, &vw.tie_w));

    if (nv > 0) {
        igraph_real_t value;
        RG_IGRAPH(igraph_pagerank(&vw.walk, IGRAPH_PAGERANK_ALGO_PRPACK,
                                  &pagerank, &value, igraph_vss_all(),
                                  IGRAPH_DIRECTED, 0.85, &vw.walk_w, NULL));
    }

    RG_IGRAPH(igraph_betweenness(&vw.ties, &betweenness, igraph_vss_all(),
                                 IGRAPH_UNDIRECTED, &vw.tie_len));

    /* igraph: 1 / (sum of distances to the reachable), NaN when none is
     * reachable; turned into Wasserman–Faust's form (relgraph.h). */
    RG_IGRAPH(igraph_closeness(&vw.ties, &closeness, &ivec, NULL,
                               igraph_vss_all(), IGRAPH_ALL, &vw.tie_len, 0));
    for (igraph_integer_t v = 0; v < nv; v++) {
        double r = (double)VECTOR(ivec)[v];
        double c = VECTOR(closeness)[v];
        VECTOR(closeness)[v] =
            r > 0 && nv > 1 && isfinite(c) ? c * r * r / (double)(nv - 1) : 0.0;
    }

    /* Without ties igraph calls every actor equally central (1); no tie
     * is no centrality here. */
    if (nties > 0) {
        igraph_real_t value;
        RG_IGRAPH(igraph_eigenvector_centrality(&vw.ties, &eigenvector,
                                                &value, IGRAPH_UNDIRECTED, 1,
                                                &vw.tie_w, NULL));
        for (igraph_integer_t v = 0; v < nv; v++)
            if (VECTOR(degree)[v] == 0 || VECTOR(eigenvector)[v] < 0)
                VECTOR(eigenvector)[v] = 0.0;
    }

    RG_IGRAPH(igraph_transitivity_local_undirected(
        &vw.ties, &clustering, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO));

    RG_IGRAPH(igraph_coreness(&vw.ties, &ivec, IGRAPH_ALL));
    RG_IGRAPH(S_int_to_real(&ivec, &kcore));

    if (nv > 0) {
        RG_IGRAPH(igraph_rng_seed(igraph_rng_default(), RG_COMMUNITY_SEED));
        RG_IGRAPH(igraph_community_multilevel(&vw.ties, &vw.tie_w, 1.0, &memb,
                                              NULL, NULL));
        S_renumber(&memb, &n_comm);
        RG_IGRAPH(S_int_to_real(&memb, &community));
        if (nties > 0)
            RG_IGRAPH(igraph_modularity(&vw.ties, &memb, &vw.tie_w, 1.0,
                                        IGRAPH_UNDIRECTED, &modularity));
        RG_IGRAPH(igraph_connected_components(&vw.ties, &ivec, &csize,
                                              &n_comp, IGRAPH_WEAK));
        largest = igraph_vector_int_max(&csize);
    }

    for (size_t i = 0; i < rg_i_metric_count; i++)
        RG_IGRAPH(SETVANV(g, rg_i_metric_names[i], vs[i]));
    RG_IGRAPH(SETGAS(g, "rg_layer", rg_layer_name(layer)));
    RG_IGRAPH(SETGAN(g, "rg_layer_edges", (double)vw.layer_edges));
    RG_IGRAPH(SETGAN(g, "rg_ties", (double)nties));
    RG_IGRAPH(SETGAN(g, "rg_components", (double)n_comp));
    RG_IGRAPH(SETGAN(g, "rg_largest_component", (double)largest));
    RG_IGRAPH(SETGAN(g, "rg_communities", (double)n_comm));
    RG_IGRAPH(SETGAN(g, "rg_modularity", modularity));

out:
    if (have_view)
        S_view_destroy(&vw);
    for (int i = 0; i < have; i++)
        igraph_vector_destroy(vs[i]);
    for (int i = 0; i < have_iv; i++)
        igraph_vector_int_destroy(ivs[i]);
    return st;
}

rg_status rg_i_network_metrics(rg_network *net)
{
    return rg_i_network_metrics_layer(net, RG_LAYER_AUTO);
}

static double S_gan(const rg_network *net, const char *name)
{
    if (!igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_GRAPH, name))
        return 0.0;
    return GAN(&net->graph, name);
}

static size_t S_count(const rg_network *net, const char *name)
{
    double x = S_gan(net, name);
    return isfinite(x) && x > 0 ? (size_t)x : 0;
}

void rg_i_network_figures(const rg_network *net, rg_i_figures *out)
{
    const igraph_t *g = &net->graph;
    memset(out, 0, sizeof(*out));
    out->nodes = (size_t)igraph_vcount(g);
    out->edges = (size_t)igraph_ecount(g);
    out->layer = RG_LAYER_COOCCURRENCE;
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, "rg_layer"))
        rg_layer_from_name(GAS(g, "rg_layer"), &out->layer);
    out->layer_edges = S_count(net, "rg_layer_edges");
    out->ties = S_count(net, "rg_ties");
    out->components = S_count(net, "rg_components");
    out->communities = S_count(net, "rg_communities");
    out->removed_nodes = S_count(net, "rg_removed_nodes");
    out->removed_edges = S_count(net, "rg_removed_edges");
    out->modularity =
        igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, "rg_modularity")
            ? GAN(g, "rg_modularity")
            : NAN;
    double n = (double)out->nodes;
    out->density = out->nodes > 1 ? (double)out->ties / (n * (n - 1) / 2) : 0;
    out->largest_share =
        out->nodes > 0 ? (double)S_count(net, "rg_largest_component") / n : 0;
}
