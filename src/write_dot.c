/*
 * write_dot.c — the network as a Graphviz DOT digraph, for drawing with
 * `dot`, `neato` or `sfdp`.  One node statement per actor (named by its id,
 * labelled with its display name, shaped and coloured by type) and one edge
 * statement per network edge, both in network order; co-occurrence edges
 * get dir=none, relation edges an arrow and their relation as label.  The
 * file is for looking at: the full data goes to GraphML.
 *
 * Shapes and fills by actor type come from writers.h (Okabe–Ito, safe for
 * colour-blind readers, one shape per type for greyscale).  A legend — a
 * cluster with one sample node per type present, named "legend: TYPE",
 * which no actor id can be — makes a drawing explain itself; counting
 * tools therefore see one extra node per type present.
 */
#include "writers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Thickest edge line; log2 keeps heavy edges from swamping the drawing. */
#define S_MAX_PENWIDTH 8.0

/* A write to the stream failed; kept so that checks stay one line. */
#define S_CHECK(expr)          \
    do {                       \
        if ((expr) < 0) {      \
            st = RG_EIO;       \
            goto out;          \
        }                      \
    } while (0)

/*
 * Appends s as the inside of a DOT quoted string.  In a quoted string only
 * '"' needs escaping for the parser, but Graphviz reads backslash escapes
 * in labels and tooltips (\N, \G, \l, \n ...), so a literal backslash is
 * doubled.  Line breaks become "\n" (centred line), tabs a space; other
 * control characters were dropped by rg_i_sanitize_text.
 */
static void S_quote(rg_buf *b, const char *s)
{
    rg_buf clean;
    rg_i_buf_init(&clean);
    rg_i_sanitize_text(&clean, s);
    rg_i_buf_addc(b, '"');
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        switch (c) {
        case '"':
            rg_i_buf_adds(b, "\\\"");
            break;
        case '\\':
            rg_i_buf_adds(b, "\\\\");
            break;
        case '\n':
            rg_i_buf_adds(b, "\\n");
            break;
        case '\r':
            if (i + 1 < clean.len && clean.data[i + 1] == '\n')
                break;  /* CR LF is one line break */
            rg_i_buf_adds(b, "\\n");
            break;
        case '\t':
            rg_i_buf_addc(b, ' ');
            break;
        default:
            rg_i_buf_addc(b, c);
        }
    }
    rg_i_buf_addc(b, '"');
    rg_i_buf_destroy(&clean);
}

static void S_node(rg_buf *b, const rg_network *net, igraph_integer_t v)
{
    char num[RG_NUMBUF];
    const char *type = rg_i_node_str(net, "type", v);
    const rg_type_style *style = rg_i_type_style(type);
    rg_buf tip;
    rg_i_buf_init(&tip);
    double m = rg_i_node_num(net, "mentions", v);
    /* An actor found by rule (discover.c) is drawn with a dashed outline
     * and says so in its tooltip; dictionary actors as before. */
    int disc = strcmp(rg_i_node_str(net, "source", v), "discovered") == 0;
    rg_i_buf_printf(&tip, "%s (%s%s): %s mention%s",
                    rg_i_node_str(net, "label", v), type,
                    disc ? ", discovered" : "",
                    rg_i_format_number(num, m), m == 1 ? "" : "s");
    rg_i_buf_adds(b, "  ");
    S_quote(b, rg_i_node_str(net, "id", v));
    rg_i_buf_adds(b, " [label=");
    S_quote(b, rg_i_node_str(net, "label", v));
    rg_i_buf_printf(b, ", shape=%s, fillcolor=\"%s\", %stooltip=",
                    style->shape, style->fill,
                    disc ? "style=\"filled,dashed\", " : "");
    S_quote(b, tip.data);
    rg_i_buf_adds(b, "];\n");
    rg_i_buf_destroy(&tip);
}

static void S_edge(rg_buf *b, const rg_network *net, igraph_integer_t e)
{
    char num[RG_NUMBUF], docs[RG_NUMBUF], pen[RG_NUMBUF];
    double w = rg_i_edge_num(net, "weight", e);
    double pw = 1.0 + log2(w > 1 ? w : 1);
    if (pw > S_MAX_PENWIDTH)
        pw = S_MAX_PENWIDTH;
    rg_buf tip;
    rg_i_buf_init(&tip);
    double nd = rg_i_edge_num(net, "edge_documents", e);
    rg_i_buf_printf(&tip, "weight %s, %s document%s",
                    rg_i_format_number(num, w), rg_i_format_number(docs, nd),
                    nd == 1 ? "" : "s");

    rg_i_buf_adds(b, "  ");
    S_quote(b, rg_i_node_str(net, "id", IGRAPH_FROM(&net->graph, e)));
    rg_i_buf_adds(b, " -> ");
    S_quote(b, rg_i_node_str(net, "id", IGRAPH_TO(&net->graph, e)));
    rg_i_buf_adds(b, " [");
    if (rg_i_edge_directed(net, e)) {
        rg_i_buf_adds(b, "label=");
        S_quote(b, rg_i_edge_str(net, "relation", e));
        rg_i_buf_adds(b, ", ");
    } else {
        rg_i_buf_adds(b, "dir=none, ");
    }
    rg_i_buf_printf(b, "penwidth=%s, tooltip=", rg_i_format_fixed(pen, pw, 2));
    S_quote(b, tip.data);
    rg_i_buf_adds(b, "];\n");
    rg_i_buf_destroy(&tip);
}

/* The legend: one sample node per actor type present, in palette order. */
static void S_legend(rg_buf *b, const rg_network *net)
{
    int present[16] = {0};
    int any = 0;
    igraph_integer_t nv = igraph_vcount(&net->graph);
    for (igraph_integer_t v = 0; v < nv; v++) {
        size_t k = (size_t)(rg_i_type_style(rg_i_node_str(net, "type", v)) -
                            rg_i_type_styles);
        if (k < 16)
            present[k] = any = 1;
    }
    if (!any)
        return;
    rg_i_buf_adds(b, "  subgraph cluster_legend {\n"
                     "    graph [label=\"actor types\", fontname=\"Helvetica\", "
                     "fontsize=14, style=\"rounded,dashed\", color=\"#888888\"];\n");
    for (size_t k = 0; k < rg_i_type_style_count && k < 16; k++) {
        const rg_type_style *s = &rg_i_type_styles[k];
        if (!present[k])
            continue;
        rg_i_buf_printf(b,
                        "    \"legend: %s\" [label=\"%s\", shape=%s, "
                        "fillcolor=\"%s\", tooltip=\"actor type "
                        "%s\"];\n",
                        s->type, s->type, s->shape, s->fill, s->type);
    }
    rg_i_buf_adds(b, "  }\n");
}

rg_status rg_network_write_dot(const rg_network *net, FILE *out)
{
    rg_status st = RG_OK;
    rg_buf b;
    rg_i_buf_init(&b);

    S_CHECK(fputs("digraph relgraph {\n"
                  "  graph [charset=\"UTF-8\", overlap=false, splines=true];\n"
                  "  node [style=filled, fontname=\"Helvetica\"];\n"
                  "  edge [fontname=\"Helvetica\", fontsize=10];\n",
                  out));

    /* One statement at a time through a reused buffer: memory stays
     * proportional to the longest statement, not to the network. */
    igraph_integer_t nv = igraph_vcount(&net->graph);
    for (igraph_integer_t v = 0; v < nv; v++) {
        rg_i_buf_reset(&b);
        S_node(&b, net, v);
        S_CHECK(rg_i_put(&b, out));
    }
    igraph_integer_t ne = igraph_ecount(&net->graph);
    for (igraph_integer_t e = 0; e < ne; e++) {
        rg_i_buf_reset(&b);
        S_edge(&b, net, e);
        S_CHECK(rg_i_put(&b, out));
    }
    rg_i_buf_reset(&b);
    S_legend(&b, net);
    S_CHECK(rg_i_put(&b, out));
    S_CHECK(fputs("}\n", out));
    if (fflush(out) != 0 || ferror(out))
        st = RG_EIO;

out:
    rg_i_buf_destroy(&b);
    return st;
}
