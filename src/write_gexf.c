/*
 * write_gexf.c — the network as GEXF 1.3 (http://gexf.net/1.3), the format
 * Gephi itself prefers, through libxml2's xmlTextWriter (which does the
 * XML escaping).  Also read by graphology-gexf (Gephi Lite) and networkx.
 *
 * Layout and the decisions readers depend on:
 *   - <attributes class="node"> and <attributes class="edge"> come before
 *     <nodes>, declaring every schema attribute (rg_i_attrs) but the three
 *     GEXF carries in its own XML attributes: the node `id` (the GEXF node
 *     id), the node `label` (label="...") and the edge `weight`
 *     (weight="...").  Types: string, long (INT) and double.
 *   - Mixed graphs (co-occurrence and relation edges) get no
 *     defaultedgetype; a one-layer graph says "undirected" or "directed"
 *     (networkx needs it to pick its graph class).  Every edge carries
 *     type="undirected" or type="directed" itself.
 *   - Every edge has kind="...", Gephi's edge type (rg_i_edge_type:
 *     "cooccurrence" or the relation class), so Gephi keeps a relation and
 *     a co-occurrence of the same pair apart instead of merging them and
 *     summing weights.  The attvalue `kind` keeps the schema's value
 *     (cooccurrence or relation); relation edges are labelled with their
 *     class.
 *   - viz:color by actor type in the colour-blind-safe palette of
 *     writers.h, written as r= g= b= (networkx ignores hex=); viz:size
 *     with `value` as its first attribute, 5..30 from PageRank
 *     (rg_i_node_size).
 *   - No lastmodifieddate: the same input gives byte-identical files.
 *   - Strings pass rg_i_sanitize_text (no characters XML 1.0 forbids);
 *     empty strings are left out, numbers always written.
 */
#include "writers.h"

#include <stdio.h>
#include <string.h>

#define S_NS "http://gexf.net/1.3"
#define S_VIZ "http://gexf.net/1.3/viz"
#define S_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define S_SCHEMA S_NS " http://gexf.net/1.3/gexf.xsd"

static const xmlChar *S_x(const char *s)
{
    return (const xmlChar *)s;
}

/* Whether schema attribute a is an attvalue (not a GEXF XML attribute). */
static int S_is_attvalue(const rg_attr *a)
{
    if (a->domain == RG_ATTR_NODE)
        return strcmp(a->name, "id") != 0 && strcmp(a->name, "label") != 0;
    return strcmp(a->name, "weight") != 0;
}

static const char *S_type_name(uint8_t type)
{
    switch (type) {
    case RG_ATTR_INT:
        return "long";
    case RG_ATTR_DOUBLE:
        return "double";
    default:
        return "string";
    }
}

/* Writes XML attribute `name` with s cleaned for XML. */
static int S_attr_text(xmlTextWriterPtr w, rg_buf *tmp, const char *name,
                       const char *s)
{
    rg_i_buf_reset(tmp);
    rg_i_sanitize_text(tmp, s);
    return xmlTextWriterWriteAttribute(w, S_x(name), S_x(tmp->data));
}

static int S_declare(xmlTextWriterPtr w, int domain)
{
    if (xmlTextWriterStartElement(w, S_x("attributes")) < 0 ||
        xmlTextWriterWriteAttribute(
            w, S_x("class"), S_x(domain == RG_ATTR_NODE ? "node" : "edge")) < 0 ||
        xmlTextWriterWriteAttribute(w, S_x("mode"), S_x("static")) < 0)
        return -1;
    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (a->domain != domain || !S_is_attvalue(a))
            continue;
        if (xmlTextWriterStartElement(w, S_x("attribute")) < 0 ||
            xmlTextWriterWriteAttribute(w, S_x("id"), S_x(a->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, S_x("title"), S_x(a->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, S_x("type"),
                                        S_x(S_type_name(a->type))) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w);
}

/* <attvalues> of node or edge i; empty strings left out. */
static int S_attvalues(xmlTextWriterPtr w, rg_buf *tmp, const rg_network *net,
                       int domain, igraph_integer_t i)
{
    char num[RG_NUMBUF];
    int open = 0;
    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (a->domain != domain || !S_is_attvalue(a))
            continue;
        const char *value;
        if (a->type == RG_ATTR_STRING) {
            rg_i_buf_reset(tmp);
            rg_i_sanitize_text(tmp, domain == RG_ATTR_NODE
                                        ? rg_i_node_str(net, a->name, i)
                                        : rg_i_edge_str(net, a->name, i));
            if (tmp->len == 0)
                continue;
            value = tmp->data;
        } else {
            value = rg_i_format_number(
                num, domain == RG_ATTR_NODE ? rg_i_node_num(net, a->name, i)
                                            : rg_i_edge_num(net, a->name, i));
        }
        if (!open && xmlTextWriterStartElement(w, S_x("attvalues")) < 0)
            return -1;
        open = 1;
        if (xmlTextWriterStartElement(w, S_x("attvalue")) < 0 ||
            xmlTextWriterWriteAttribute(w, S_x("for"), S_x(a->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, S_x("value"), S_x(value)) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return open ? xmlTextWriterEndElement(w) : 0;
}

static int S_viz(xmlTextWriterPtr w, const rg_network *net, igraph_integer_t v,
                 double max_pr)
{
    char num[RG_NUMBUF];
    const rg_type_style *s = rg_i_type_style(rg_i_node_str(net, "type", v));
    if (xmlTextWriterStartElementNS(w, S_x("viz"), S_x("color"), NULL) < 0 ||
        xmlTextWriterWriteFormatAttribute(w, S_x("r"), "%u", s->r) < 0 ||
        xmlTextWriterWriteFormatAttribute(w, S_x("g"), "%u", s->g) < 0 ||
        xmlTextWriterWriteFormatAttribute(w, S_x("b"), "%u", s->b) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    /* `value` first: some readers take the first attribute of viz:size. */
    if (xmlTextWriterStartElementNS(w, S_x("viz"), S_x("size"), NULL) < 0 ||
        xmlTextWriterWriteAttribute(
            w, S_x("value"),
            S_x(rg_i_format_fixed(num, rg_i_node_size(net, v, max_pr), 2))) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

rg_status rg_network_write_gexf(const rg_network *net, FILE *out)
{
    rg_status st = RG_OK;
    rg_xml_sink sink = {.f = out};
    rg_buf tmp;
    rg_i_buf_init(&tmp);
    const igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    double max_pr = rg_i_max_pagerank(net);
    char id[32], num[RG_NUMBUF];

    xmlTextWriterPtr w = rg_i_xml_open(&sink);
    if (!w) {
        st = RG_EIO;
        goto out;
    }
    RG_X(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    RG_X(xmlTextWriterStartElement(w, S_x("gexf")));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xmlns"), S_x(S_NS)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xmlns:viz"), S_x(S_VIZ)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xmlns:xsi"), S_x(S_XSI)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xsi:schemaLocation"),
                                     S_x(S_SCHEMA)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("version"), S_x("1.3")));

    RG_X(xmlTextWriterStartElement(w, S_x("meta")));
    RG_X(xmlTextWriterWriteElement(w, S_x("creator"),
                                   S_x("relgraph " RELGRAPH_VERSION)));
    RG_X(xmlTextWriterWriteElement(
        w, S_x("description"),
        S_x("Actors named in news articles; co-occurrence edges undirected "
            "(kind cooccurrence), relation edges directed (kind = relation "
            "class)")));
    RG_X(xmlTextWriterEndElement(w));

    RG_X(xmlTextWriterStartElement(w, S_x("graph")));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("mode"), S_x("static")));
    if (!(net->has_cooccurrence && net->has_relation))
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("defaultedgetype"),
            S_x(net->has_relation ? "directed" : "undirected")));
    RG_X(S_declare(w, RG_ATTR_NODE));
    RG_X(S_declare(w, RG_ATTR_EDGE));

    RG_X(xmlTextWriterStartElement(w, S_x("nodes")));
    for (igraph_integer_t v = 0; v < nv; v++) {
        RG_X(xmlTextWriterStartElement(w, S_x("node")));
        RG_X(S_attr_text(w, &tmp, "id", rg_i_node_str(net, "id", v)));
        RG_X(S_attr_text(w, &tmp, "label", rg_i_node_str(net, "label", v)));
        RG_X(S_attvalues(w, &tmp, net, RG_ATTR_NODE, v));
        RG_X(S_viz(w, net, v, max_pr));
        RG_X(xmlTextWriterEndElement(w));
    }
    RG_X(xmlTextWriterEndElement(w));

    RG_X(xmlTextWriterStartElement(w, S_x("edges")));
    for (igraph_integer_t e = 0; e < ne; e++) {
        int directed = rg_i_edge_directed(net, e);
        snprintf(id, sizeof(id), "e%lld", (long long)e);
        RG_X(xmlTextWriterStartElement(w, S_x("edge")));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x(id)));
        RG_X(S_attr_text(w, &tmp, "source",
                         rg_i_node_str(net, "id", IGRAPH_FROM(g, e))));
        RG_X(S_attr_text(w, &tmp, "target",
                         rg_i_node_str(net, "id", IGRAPH_TO(g, e))));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("type"), S_x(directed ? "directed" : "undirected")));
        RG_X(S_attr_text(w, &tmp, "kind", rg_i_edge_type(net, e)));
        if (directed)
            RG_X(S_attr_text(w, &tmp, "label", rg_i_edge_type(net, e)));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("weight"),
            S_x(rg_i_format_number(num, rg_i_edge_num(net, "weight", e)))));
        RG_X(S_attvalues(w, &tmp, net, RG_ATTR_EDGE, e));
        RG_X(xmlTextWriterEndElement(w));
    }
    RG_X(xmlTextWriterEndElement(w));

    RG_X(xmlTextWriterEndDocument(w));
    RG_X(xmlTextWriterFlush(w));

out:
    st = rg_i_xml_close(w, &sink, st);
    rg_i_buf_destroy(&tmp);
    return st;
}
