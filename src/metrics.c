/*
 * metrics.c — node centralities of the network, computed by igraph and
 * stored as the node attributes degree, strength, pagerank and betweenness,
 * which every writer and the report then show.
 *
 * For now every metric sees the network as undirected (a co-occurrence
 * edge has no direction; a relation edge counts as a tie between its two
 * actors).  Directed metrics for the relation layer come with the verb
 * relations (later issue) and will treat co-occurrence edges as both
 * directions.  All of igraph's algorithms used here are deterministic.
 */
#include "network.h"

rg_status rg_i_network_metrics(rg_network *net)
{
    rg_status st = RG_OK;
    igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    igraph_vector_int_t deg;
    igraph_vector_t weight, dist, degree, strength, pagerank, betweenness;
    igraph_vector_t *vs[] = {&weight, &dist,     &degree,
                             &strength, &pagerank, &betweenness};
    int have = 0;

    RG_IGRAPH(igraph_vector_int_init(&deg, 0));
    have = 1;
    RG_IGRAPH(igraph_vector_init(&weight, ne));
    have = 2;
    RG_IGRAPH(igraph_vector_init(&dist, ne));
    have = 3;
    RG_IGRAPH(igraph_vector_init(&degree, nv));
    have = 4;
    RG_IGRAPH(igraph_vector_init(&strength, 0));
    have = 5;
    RG_IGRAPH(igraph_vector_init(&pagerank, 0));
    have = 6;
    RG_IGRAPH(igraph_vector_init(&betweenness, 0));
    have = 7;

    RG_IGRAPH(EANV(g, "weight", &weight));
    for (igraph_integer_t e = 0; e < ne; e++) {
        /* Betweenness needs a length: more instances = a closer tie.
         * Weights are instance counts >= 1, so 1/w is positive. */
        double w = VECTOR(weight)[e];
        VECTOR(dist)[e] = w > 0 ? 1.0 / w : 1.0;
    }

    /* degree: incident edges, both directions, self-loops not counted.  Two
     * actors tied by a co-occurrence and a relation edge count twice: the
     * degree counts ties of every kind, not distinct neighbours. */
    RG_IGRAPH(igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL,
                            IGRAPH_NO_LOOPS));
    for (igraph_integer_t v = 0; v < nv; v++)
        VECTOR(degree)[v] = (double)VECTOR(deg)[v];

    /* strength: the sum of the weights of the same edges. */
    RG_IGRAPH(igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL,
                              IGRAPH_NO_LOOPS, &weight));

    /* PageRank: PRPACK (exact solver, no random start), damping 0.85,
     * weighted, undirected.  An empty graph has nothing to rank. */
    if (nv > 0) {
        igraph_real_t value;
        RG_IGRAPH(igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &pagerank,
                                  &value, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                  0.85, &weight, NULL));
    }

    /* betweenness: shortest paths with length 1/weight, undirected, so each
     * unordered pair of other actors counts once (the middle of a path a-b-c
     * scores 1). */
    RG_IGRAPH(igraph_betweenness(g, &betweenness, igraph_vss_all(),
                                 IGRAPH_UNDIRECTED, &dist));

    RG_IGRAPH(SETVANV(g, "degree", &degree));
    RG_IGRAPH(SETVANV(g, "strength", &strength));
    if (nv > 0) {
        RG_IGRAPH(SETVANV(g, "pagerank", &pagerank));
    } else {
        /* Keep the schema complete even without nodes. */
        RG_IGRAPH(SETVANV(g, "pagerank", &degree));
    }
    RG_IGRAPH(SETVANV(g, "betweenness", &betweenness));

out:
    if (have >= 1)
        igraph_vector_int_destroy(&deg);
    for (int i = 0; i + 1 < have; i++)
        igraph_vector_destroy(vs[i]);
    return st;
}
