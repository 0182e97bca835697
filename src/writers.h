/*
 * writers.h — what the format writers (write_*.c) share: the style of an
 * actor type (shape and colour-blind-safe colour), the edge type Gephi
 * keeps parallel edges apart by, the node size from PageRank, a checked
 * write of a buffer, and libxml2 output into a caller's FILE*.
 */
#ifndef RG_WRITERS_H
#define RG_WRITERS_H

#include <stdio.h>

#include <libxml/xmlwriter.h>

#include "network.h"

/*
 * How an actor type is drawn.  Fills are the Okabe–Ito palette (Okabe & Ito
 * 2008, "Color Universal Design"), which stays distinguishable with the
 * common forms of colour blindness; every type also has its own DOT shape
 * so that greyscale prints tell them apart.  Black text reads on all five.
 *   person        #E69F00 orange          ellipse
 *   organization  #56B4E9 sky blue        box
 *   country       #009E73 bluish green    hexagon
 *   location      #F0E442 yellow          house
 *   other         #CC79A7 reddish purple  octagon  (and any new type)
 */
typedef struct rg_type_style {
    const char *type, *shape, *fill;   /* fill as "#RRGGBB" */
    unsigned char r, g, b;
} rg_type_style;

extern const rg_type_style rg_i_type_styles[];
extern const size_t rg_i_type_style_count;

/* The style of `type`; "other" for anything unknown.  Never NULL. */
const rg_type_style *rg_i_type_style(const char *type);

/*
 * The edge's type in Gephi's sense, which Gephi's importer uses to keep
 * parallel edges apart (edges of one pair and one type are merged and
 * their weights summed): "cooccurrence" for co-occurrence edges, the
 * relation class (e.g. "threaten") for relation edges.  GEXF writes it as
 * the edge's `kind`, the CSV edge table as its `Kind` column, JSON as the
 * link `key`.  Valid while the network lives.
 */
const char *rg_i_edge_type(const rg_network *net, igraph_integer_t e);

/*
 * Display size of node v from its PageRank, for GEXF viz:size:
 * 5 + 25 * sqrt(pagerank / max pagerank), i.e. 5 to 30 with the node's
 * area roughly proportional to its PageRank; 10 when PageRank is missing
 * or all zero.  `max_pagerank` comes from rg_i_max_pagerank.
 */
double rg_i_node_size(const rg_network *net, igraph_integer_t v,
                      double max_pagerank);
double rg_i_max_pagerank(const rg_network *net);

/* Writes b's bytes to out; -1 on a short write. */
int rg_i_put(const rg_buf *b, FILE *out);

/* The FILE* behind libxml2's output buffer; `failed` remembers a short
 * write even when libxml2 reports it late (or, on close, not at all). */
typedef struct rg_xml_sink {
    FILE *f;
    int failed;
    xmlStructuredErrorFunc old_fn;   /* the caller's handler, put back */
    void *old_ctx;
} rg_xml_sink;

/*
 * A text writer over `sink->f` (sink must outlive it), indented by two
 * spaces, with libxml2's error printing silenced until rg_i_xml_close.
 * NULL when libxml2 cannot allocate.
 */
xmlTextWriterPtr rg_i_xml_open(rg_xml_sink *sink);

/* Frees the writer (NULL is fine), restores the error handler and returns
 * `st`, or RG_EIO when a write or the final flush of sink->f failed. */
rg_status rg_i_xml_close(xmlTextWriterPtr w, rg_xml_sink *sink, rg_status st);

/* Every xmlTextWriter call returns < 0 on failure; needs `st` and `out:`. */
#define RG_X(call)             \
    do {                       \
        if ((call) < 0) {      \
            st = RG_EIO;       \
            goto out;          \
        }                      \
    } while (0)

#endif
