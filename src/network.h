/*
 * network.h — stage 7: the tally -> an igraph_t with typed attributes
 * (igraph's C attribute handler), plus the metrics; the body of the opaque
 * rg_network.  Writers read the network only through this header.
 */
#ifndef RG_NETWORK_H
#define RG_NETWORK_H

#include <igraph.h>

#include "dict.h"
#include "relgraph.h"
#include "tally.h"

/* Type of an attribute as every writer must declare it. */
enum rg_attr_type { RG_ATTR_STRING, RG_ATTR_INT, RG_ATTR_DOUBLE };
enum rg_attr_domain { RG_ATTR_NODE, RG_ATTR_EDGE };

/* One attribute: declared once here, emitted by every writer. */
typedef struct rg_attr {
    const char *name;      /* attribute name in igraph and in every format */
    uint8_t domain;        /* enum rg_attr_domain */
    uint8_t type;          /* enum rg_attr_type (INT is stored as a double
                              in igraph and written without decimals) */
} rg_attr;

/* The attribute schema, in the order writers emit it.  Node attributes:
 * id, label, type, qid, mentions, documents, degree, strength, pagerank,
 * betweenness.  Edge attributes: kind, relation, weight, documents,
 * evidence. */
extern const rg_attr rg_i_attrs[];
extern const size_t rg_i_attr_count;

struct rg_network {
    igraph_t graph;        /* directed; a co-occurrence edge (kind
                              "cooccurrence") is stored once, source < target
                              by id, and is undirected in every export */
    int has_cooccurrence;  /* some edge has kind cooccurrence */
    int has_relation;      /* some edge has kind relation */
};

/* Turns an igraph error code into an rg status. */
rg_status rg_i_status_from_igraph(igraph_error_t e);

/* Installs igraph's C attribute handler and a non-aborting error handler,
 * once per process (thread-safe). */
void rg_i_igraph_setup(void);

/*
 * Builds the network from the tally `t` over dictionary `d`: nodes are the
 * actors with at least one mention, sorted by id; edges sorted by
 * (source id, target id, kind, relation); then computes the metrics.
 */
rg_status rg_i_network_from_tally(const rg_tally *t, const rg_dict *d,
                                  rg_network **out);

/*
 * metrics.c: sets the node attributes degree, strength, pagerank and
 * betweenness on net->graph (co-occurrence edges undirected, relation
 * edges directed; betweenness uses 1/weight as the distance).
 */
rg_status rg_i_network_metrics(rg_network *net);

/* Accessors for writers (names from rg_i_attrs). */
const char *rg_i_node_str(const rg_network *n, const char *attr, igraph_integer_t v);
double rg_i_node_num(const rg_network *n, const char *attr, igraph_integer_t v);
const char *rg_i_edge_str(const rg_network *n, const char *attr, igraph_integer_t e);
double rg_i_edge_num(const rg_network *n, const char *attr, igraph_integer_t e);
/* Whether edge e is directed in exports (kind == "relation"). */
int rg_i_edge_directed(const rg_network *n, igraph_integer_t e);

#endif
