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
#include "util.h"

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
 * betweenness, closeness, eigenvector, clustering, kcore, community,
 * source (dictionary | discovered).  Edge
 * attributes: kind, relation, weight, edge_documents,
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
 * (source id, target id, kind, relation class number); then computes the
 * metrics.  Attribute `relation` is "" for co-occurrence edges (and, until
 * relations.h names relation classes, the class number for relation
 * edges); `evidence` is the edge's first evidence sentence.
 * Returns RG_OK, RG_ENOMEM, RG_EGRAPH, or RG_EINVAL when the tally breaks
 * its contract (more actors than `d`, an edge at an unmentioned actor).
 * Uses igraph, which is not thread-safe here: one build at a time.
 */
rg_status rg_i_network_from_tally(const rg_tally *t, const rg_dict *d,
                                  rg_network **out);

/*
 * The same over any actors: tally actor a is actors[a] (n of them), for
 * example the dictionary's followed by those discovered (discover.c), or
 * those of merged tally files.  Nodes are sorted by id; attribute `source`
 * is "discovered" for ids "disc:…" (which a dictionary id cannot be) and
 * "dictionary" otherwise.  rg_i_network_from_tally is this over d's actors.
 */
rg_status rg_i_network_from_tally_ext(const rg_tally *t,
                                      const rg_actor *const *actors, size_t n,
                                      rg_network **out);

/* Whether `id` is one of a discovered actor ("disc:…"). */
int rg_i_id_discovered(const char *id);

/*
 * metrics.c: sets every node metric attribute (degree ... community) on
 * net->graph, measured on the default layer (RG_LAYER_AUTO: co-occurrence
 * when present, else relations); definitions in relgraph.h, other layers
 * through metrics.h.
 * Time complexity: O(V E + V^2 log V) (betweenness and closeness dominate).
 * Returns RG_OK, RG_ENOMEM or RG_EGRAPH.
 */
rg_status rg_i_network_metrics(rg_network *net);

/* Accessors for writers (names from rg_i_attrs). */
const char *rg_i_node_str(const rg_network *n, const char *attr, igraph_integer_t v);
double rg_i_node_num(const rg_network *n, const char *attr, igraph_integer_t v);
const char *rg_i_edge_str(const rg_network *n, const char *attr, igraph_integer_t e);
double rg_i_edge_num(const rg_network *n, const char *attr, igraph_integer_t e);
/* Whether edge e is directed in exports (kind == "relation"). */
int rg_i_edge_directed(const rg_network *n, igraph_integer_t e);

/*
 * Calls an igraph function; on failure stores its status in the local
 * variable `st` (an rg_status) and jumps to the function's `out:` label.
 * Needs rg_i_igraph_setup() first, or igraph aborts instead of returning.
 */
#define RG_IGRAPH(call)                                        \
    do {                                                       \
        igraph_error_t rg_igraph_e_ = (call);                  \
        if (rg_igraph_e_ != IGRAPH_SUCCESS) {                  \
            st = rg_i_status_from_igraph(rg_igraph_e_);        \
            goto out;                                          \
        }                                                      \
    } while (0)

/* Size of a buffer that holds any number rg_i_format_* writes. */
#define RG_NUMBUF 352

/*
 * The one number format of every writer, so that outputs are deterministic
 * and the same value reads the same in every format:
 *   - integral values with |x| < 2^53 (counts, weights, degrees) exactly,
 *     without a decimal point: "12", "0";
 *   - other finite values with "%.10g" (10 significant digits: enough to
 *     tell metrics apart, few enough to hide last-bit noise of floating-point
 *     summation order), e.g. "0.3333333333", "1.5e-05";
 *   - -0 as "0", NaN as "NaN", infinities as "INF" / "-INF" (the spellings
 *     of xs:double).
 * The decimal point is always '.', whatever the C locale.  Returns buf.
 */
const char *rg_i_format_number(char buf[RG_NUMBUF], double x);

/* x with exactly `decimals` (0..9) digits after a '.', for tables and
 * presentation attributes; non-finite values as in rg_i_format_number. */
const char *rg_i_format_fixed(char buf[RG_NUMBUF], double x, int decimals);

/*
 * Appends s to out as text every export can carry: invalid UTF-8 becomes
 * U+FFFD, and the code points XML 1.0 forbids (C0 controls except TAB, LF,
 * CR; U+FFFE, U+FFFF) are dropped.  Escaping for a format is the writer's.
 */
void rg_i_sanitize_text(rg_buf *out, const char *s);

/* "co-occurrence", "relation" or "mixed": which layers the network holds
 * (an edgeless network counts as co-occurrence). */
const char *rg_i_network_layers(const rg_network *n);

#endif
