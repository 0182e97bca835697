/*
 * write_graphml.c — the network as GraphML 1.0 through libxml2's
 * xmlTextWriter (which does the XML escaping), for Gephi, graphology
 * (Gephi Lite), igraph, networkx and yEd.  Every attribute of the schema
 * (rg_i_attrs) is declared as a typed <key> before the graph; nodes and
 * edges follow in network order with one <data> per attribute.
 *
 * Decisions readers depend on:
 *   - Line 1 is the XML declaration and line 2 starts "<graphml" (Gephi
 *     Lite sniffs the first two lines); no BOM.
 *   - Node ids are the actor ids (lowercase letters, digits, '_': always an
 *     XML NMTOKEN), so every reader keys nodes by actor id.  The node
 *     attribute `id` is therefore not repeated as <data>: igraph's reader
 *     keeps GraphML node ids in a vertex attribute "id" itself and warns
 *     about a second one.  Should an id ever not be an NMTOKEN, all nodes
 *     are written as n0, n1, ... and `id` becomes an ordinary key.
 *   - Key ids equal attr.name (Gephi and graphology show the key id where
 *     a name is missing, and some scripts look keys up by id).  Key ids
 *     must be unique in the document, so the schema gives every attribute
 *     a name used by one domain only (edge_documents, not documents).
 *   - INT attributes are declared attr.type="long" (counts may pass 2^31);
 *     every reader we check maps it to an integer.  Numbers are always
 *     written, in rg_i_format_number's format.
 *   - Empty strings (no QID, no relation on a co-occurrence edge) are left
 *     out: an absent <data> is GraphML's "no value", which readers show as
 *     a missing attribute (igraph: "").
 *   - edgedefault is "directed" when the network holds only relation edges
 *     and "undirected" otherwise; every edge also says directed="true" or
 *     "false" itself, so that Gephi (whose default is directed) and
 *     graphology (undirected) read the same mixed graph, and networkx —
 *     which refuses mixed graphs by design — reads the one-layer files.
 *   - Gephi's GraphML importer reads no edge type (only source, target,
 *     id, directed and the keys label/weight/color), so its import may
 *     merge a co-occurrence edge and a relation edge of the same pair
 *     into one parallel-edge group, summing their weights.  Gephi users who want the
 *     layers apart open the GEXF file, whose edge `kind` is Gephi's edge
 *     type (see writers.h: rg_i_edge_type), or the CSV tables (`Kind`).
 */
#include "writers.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#define S_NS "http://graphml.graphdrawing.org/xmlns"
#define S_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define S_SCHEMA S_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

static const xmlChar *S_x(const char *s)
{
    return (const xmlChar *)s;
}

/* Writes <data key="KEY">text</data>; leaves out empty strings. */
static int S_data_str(xmlTextWriterPtr w, rg_buf *tmp, const char *key,
                      const char *s)
{
    rg_i_buf_reset(tmp);
    rg_i_sanitize_text(tmp, s);
    if (tmp->len == 0)
        return 0;
    if (xmlTextWriterStartElement(w, S_x("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, S_x("key"), S_x(key)) < 0 ||
        xmlTextWriterWriteString(w, S_x(tmp->data)) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

/* Whether every actor id can be a GraphML node id (xs:NMTOKEN, checked
 * with the rule libxml2's schema validator applies). */
static int S_ids_are_nmtokens(const rg_network *net)
{
    igraph_integer_t nv = igraph_vcount(&net->graph);
    for (igraph_integer_t v = 0; v < nv; v++)
        if (xmlValidateNMToken(S_x(rg_i_node_str(net, "id", v)), 0) != 0)
            return 0;
    return 1;
}

static const char *S_node_id(const rg_network *net, int by_actor,
                             igraph_integer_t v, char buf[32])
{
    if (by_actor)
        return rg_i_node_str(net, "id", v);
    snprintf(buf, 32, "n%lld", (long long)v);
    return buf;
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

/* Whether attribute a is written as a key (the node id is the GraphML
 * node id itself when every actor id is an NMTOKEN). */
static int S_is_key(const rg_attr *a, int by_actor)
{
    return !(by_actor && a->domain == RG_ATTR_NODE && !strcmp(a->name, "id"));
}

/* One attribute of node or edge `i` as <data>. */
static int S_data(xmlTextWriterPtr w, rg_buf *tmp, const rg_network *net,
                  const rg_attr *a, igraph_integer_t i)
{
    char num[RG_NUMBUF];
    int node = a->domain == RG_ATTR_NODE;
    if (a->type == RG_ATTR_STRING)
        return S_data_str(w, tmp, a->name,
                          node ? rg_i_node_str(net, a->name, i)
                               : rg_i_edge_str(net, a->name, i));
    double x = node ? rg_i_node_num(net, a->name, i)
                    : rg_i_edge_num(net, a->name, i);
    if (xmlTextWriterStartElement(w, S_x("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, S_x("key"), S_x(a->name)) < 0 ||
        /* A number is digits, '.', 'e', '+', '-' or NaN/INF: text with
         * nothing to escape, which xmlTextWriterWriteString would copy
         * through xmlEncodeSpecialChars unchanged before this same call. */
        xmlTextWriterWriteRaw(w, S_x(rg_i_format_number(num, x))) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

rg_status rg_network_write_graphml(const rg_network *net, FILE *out)
{
    rg_status st = RG_OK;
    rg_xml_sink sink = {.f = out};
    rg_buf tmp;
    rg_i_buf_init(&tmp);
    int by_actor = S_ids_are_nmtokens(net);
    const igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    char id[32], id2[32];

    xmlTextWriterPtr w = rg_i_xml_open(&sink);
    if (!w) {
        /* Only when libxml2 cannot allocate; nothing was written. */
        st = RG_EIO;
        goto out;
    }
    RG_X(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    RG_X(xmlTextWriterStartElement(w, S_x("graphml")));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xmlns"), S_x(S_NS)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xmlns:xsi"), S_x(S_XSI)));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("xsi:schemaLocation"),
                                     S_x(S_SCHEMA)));

    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (!S_is_key(a, by_actor))
            continue;
        RG_X(xmlTextWriterStartElement(w, S_x("key")));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x(a->name)));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("for"), S_x(a->domain == RG_ATTR_NODE ? "node" : "edge")));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("attr.name"), S_x(a->name)));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("attr.type"),
                                         S_x(S_type_name(a->type))));
        RG_X(xmlTextWriterEndElement(w));
    }

    RG_X(xmlTextWriterStartElement(w, S_x("graph")));
    RG_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x("G")));
    RG_X(xmlTextWriterWriteAttribute(
        w, S_x("edgedefault"),
        S_x(net->has_relation && !net->has_cooccurrence ? "directed"
                                                        : "undirected")));

    for (igraph_integer_t v = 0; v < nv; v++) {
        RG_X(xmlTextWriterStartElement(w, S_x("node")));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("id"),
                                         S_x(S_node_id(net, by_actor, v, id))));
        for (size_t k = 0; k < rg_i_attr_count; k++) {
            const rg_attr *a = &rg_i_attrs[k];
            if (a->domain == RG_ATTR_NODE && S_is_key(a, by_actor))
                RG_X(S_data(w, &tmp, net, a, v));
        }
        RG_X(xmlTextWriterEndElement(w));
    }

    for (igraph_integer_t e = 0; e < ne; e++) {
        snprintf(id, sizeof(id), "e%lld", (long long)e);
        RG_X(xmlTextWriterStartElement(w, S_x("edge")));
        RG_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x(id)));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("source"),
            S_x(S_node_id(net, by_actor, IGRAPH_FROM(g, e), id2))));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("target"),
            S_x(S_node_id(net, by_actor, IGRAPH_TO(g, e), id2))));
        RG_X(xmlTextWriterWriteAttribute(
            w, S_x("directed"),
            S_x(rg_i_edge_directed(net, e) ? "true" : "false")));
        for (size_t k = 0; k < rg_i_attr_count; k++) {
            const rg_attr *a = &rg_i_attrs[k];
            if (a->domain == RG_ATTR_EDGE)
                RG_X(S_data(w, &tmp, net, a, e));
        }
        RG_X(xmlTextWriterEndElement(w));
    }

    RG_X(xmlTextWriterEndDocument(w));   /* closes open elements, flushes */
    RG_X(xmlTextWriterFlush(w));

out:
    st = rg_i_xml_close(w, &sink, st);
    rg_i_buf_destroy(&tmp);
    return st;
}
