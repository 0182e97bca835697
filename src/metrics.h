/*
 * metrics.h — node metrics and graph-level figures of a network on one
 * layer (metrics.c), the filters applied before them (filter.c), and the
 * GraphML reader behind `relgraph report` (read_graphml.c).
 */
#ifndef RG_METRICS_H
#define RG_METRICS_H

#include "network.h"

/* The node metric attributes metrics.c sets, in schema order. */
extern const char *const rg_i_metric_names[];
extern const size_t rg_i_metric_count;

/* The seed of igraph's default RNG before community detection, so that
 * the same network always gets the same communities. */
#define RG_COMMUNITY_SEED 20241021u

/* Whether edge e belongs to the relation layer: its `kind` is "relation"
 * or, without a `kind` attribute (a GraphML file from elsewhere), the
 * graph is directed.  Every other edge is co-occurrence. */
int rg_i_edge_is_relation(const rg_network *n, igraph_integer_t e);

/* The layer metrics read for `requested`: RG_LAYER_AUTO becomes
 * co-occurrence when the network has co-occurrence edges, relations when
 * it has only relation edges, co-occurrence when it has no edges. */
rg_layer rg_i_metrics_layer(const rg_network *n, rg_layer requested);

/*
 * Computes every node metric on `layer` and stores them as node attributes
 * (rg_i_metric_names) and the graph-level figures as graph attributes
 * (rg_i_figures reads them back).  See rg_network_filter in relgraph.h for
 * the definitions.  Returns RG_OK, RG_ENOMEM or RG_EGRAPH.
 * Time complexity: O(V E + V^2 log V) (betweenness and closeness dominate).
 */
rg_status rg_i_network_metrics_layer(rg_network *net, rg_layer layer);

/* Graph-level figures of the last metrics run. */
typedef struct rg_i_figures {
    size_t nodes, edges;      /* in the network */
    size_t layer_edges;       /* edges of the network on the metrics layer */
    size_t ties;              /* distinct tied pairs on that layer */
    rg_layer layer;           /* the layer metrics read (never AUTO) */
    double density;           /* ties / (V (V - 1) / 2); 0 below 2 nodes */
    size_t components;        /* connected components of the ties */
    double largest_share;     /* nodes in the largest component / V; 0 if
                                 V = 0 */
    size_t communities;
    double modularity;        /* NaN without ties */
    size_t removed_nodes;     /* by the filters */
    size_t removed_edges;
} rg_i_figures;

/* Reads the figures stored with the network by the last metrics run. */
void rg_i_network_figures(const rg_network *net, rg_i_figures *out);

#endif
