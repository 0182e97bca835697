/*
 * write_graphml.c — the network as GraphML 1.0 through libxml2's
 * xmlTextWriter (which does the XML escaping), for Gephi, graphology,
 * igraph, networkx and yEd.  Every attribute of the schema (rg_i_attrs) is
 * declared as a typed <key> before the graph; nodes and edges follow in
 * network order with one <data> per attribute.
 *
 * Decisions readers depend on:
 *   - Node ids are the actor ids (lowercase letters, digits, '_': always an
 *     XML NMTOKEN), so every reader keys nodes by actor id.  The node
 *     attribute `id` is therefore not repeated as <data>: igraph's reader
 *     keeps GraphML node ids in a vertex attribute "id" itself and warns
 *     about a second one.  Should an id ever not be an NMTOKEN, all nodes
 *     are written as n0, n1, ... and `id` becomes an ordinary key.
 *   - Key ids are "v_" / "e_" + the attribute name (as igraph's own writer
 *     does), because `documents` exists for nodes and for edges and key ids
 *     must be unique.
 *   - INT attributes are declared attr.type="long" (counts may pass 2^31);
 *     every reader we check maps it to an integer.  Numbers are always
 *     written, in rg_i_format_number's format.
 *   - Empty strings (no QID, no relation on a co-occurrence edge) are left
 *     out: an absent <data> is GraphML's "no value", which readers show as
 *     a missing attribute (igraph: "").
 *   - edgedefault is "directed" when the network holds only relation edges
 *     and "undirected" otherwise; every edge also says directed="true" or
 *     "false" itself, so a mixed graph reads correctly everywhere but in
 *     networkx, which refuses mixed graphs by design.
 */
#include "network.h"

#include <stdio.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#define S_NS "http://graphml.graphdrawing.org/xmlns"
#define S_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define S_SCHEMA S_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

/* Every xmlTextWriter call returns < 0 on failure. */
#define S_X(call)              \
    do {                       \
        if ((call) < 0) {      \
            st = RG_EIO;       \
            goto out;          \
        }                      \
    } while (0)

/* The FILE* behind libxml2's output buffer; `failed` remembers a short
 * write even when libxml2 reports it late (or, on close, not at all). */
typedef struct S_sink {
    FILE *f;
    int failed;
} S_sink;

static int S_sink_write(void *ctx, const char *buf, int len)
{
    S_sink *s = ctx;
    if (len > 0 && fwrite(buf, 1, (size_t)len, s->f) != (size_t)len) {
        s->failed = 1;
        return -1;
    }
    return len;
}

static int S_sink_close(void *ctx)
{
    (void)ctx;   /* the FILE* belongs to the caller */
    return 0;
}

/* libxml2 reports I/O errors ("I/O error : flush error") on stderr by
 * default; the library never prints, and the status says it all. */
static void S_quiet(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

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

/* GraphML key id of attribute a. */
static void S_key_id(char *buf, size_t n, const rg_attr *a)
{
    snprintf(buf, n, "%s_%s", a->domain == RG_ATTR_NODE ? "v" : "e", a->name);
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

/* One attribute of node or edge `i` as <data>. */
static int S_data(xmlTextWriterPtr w, rg_buf *tmp, const rg_network *net,
                  const rg_attr *a, igraph_integer_t i)
{
    char key[64], num[RG_NUMBUF];
    S_key_id(key, sizeof(key), a);
    int node = a->domain == RG_ATTR_NODE;
    if (a->type == RG_ATTR_STRING)
        return S_data_str(w, tmp, key,
                          node ? rg_i_node_str(net, a->name, i)
                               : rg_i_edge_str(net, a->name, i));
    double x = node ? rg_i_node_num(net, a->name, i)
                    : rg_i_edge_num(net, a->name, i);
    if (xmlTextWriterStartElement(w, S_x("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, S_x("key"), S_x(key)) < 0 ||
        xmlTextWriterWriteString(w, S_x(rg_i_format_number(num, x))) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

rg_status rg_network_write_graphml(const rg_network *net, FILE *out)
{
    rg_status st = RG_OK;
    S_sink sink = {out, 0};
    xmlTextWriterPtr w = NULL;
    rg_buf tmp;
    rg_i_buf_init(&tmp);
    int by_actor = S_ids_are_nmtokens(net);
    const igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    char key[64], id[32], id2[32];
    /* The handler is per thread in libxml2; put back what the caller had. */
    xmlStructuredErrorFunc old_fn = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, S_quiet);

    xmlOutputBufferPtr ob =
        xmlOutputBufferCreateIO(S_sink_write, S_sink_close, &sink, NULL);
    if (!ob) {
        /* Only when libxml2 cannot allocate; nothing was written. */
        st = RG_EIO;
        goto out;
    }
    w = xmlNewTextWriter(ob);   /* owns ob from here on */
    if (!w) {
        xmlOutputBufferClose(ob);
        st = RG_EIO;
        goto out;
    }
    S_X(xmlTextWriterSetIndent(w, 1));
    S_X(xmlTextWriterSetIndentString(w, S_x("  ")));
    S_X(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    S_X(xmlTextWriterStartElement(w, S_x("graphml")));
    S_X(xmlTextWriterWriteAttribute(w, S_x("xmlns"), S_x(S_NS)));
    S_X(xmlTextWriterWriteAttribute(w, S_x("xmlns:xsi"), S_x(S_XSI)));
    S_X(xmlTextWriterWriteAttribute(w, S_x("xsi:schemaLocation"),
                                    S_x(S_SCHEMA)));

    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (by_actor && a->domain == RG_ATTR_NODE && !strcmp(a->name, "id"))
            continue;
        S_key_id(key, sizeof(key), a);
        S_X(xmlTextWriterStartElement(w, S_x("key")));
        S_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x(key)));
        S_X(xmlTextWriterWriteAttribute(
            w, S_x("for"), S_x(a->domain == RG_ATTR_NODE ? "node" : "edge")));
        S_X(xmlTextWriterWriteAttribute(w, S_x("attr.name"), S_x(a->name)));
        S_X(xmlTextWriterWriteAttribute(w, S_x("attr.type"),
                                        S_x(S_type_name(a->type))));
        S_X(xmlTextWriterEndElement(w));
    }

    S_X(xmlTextWriterStartElement(w, S_x("graph")));
    S_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x("G")));
    S_X(xmlTextWriterWriteAttribute(
        w, S_x("edgedefault"),
        S_x(net->has_relation && !net->has_cooccurrence ? "directed"
                                                        : "undirected")));

    for (igraph_integer_t v = 0; v < nv; v++) {
        S_X(xmlTextWriterStartElement(w, S_x("node")));
        S_X(xmlTextWriterWriteAttribute(w, S_x("id"),
                                        S_x(S_node_id(net, by_actor, v, id))));
        for (size_t k = 0; k < rg_i_attr_count; k++) {
            const rg_attr *a = &rg_i_attrs[k];
            if (a->domain != RG_ATTR_NODE ||
                (by_actor && !strcmp(a->name, "id")))
                continue;
            S_X(S_data(w, &tmp, net, a, v));
        }
        S_X(xmlTextWriterEndElement(w));
    }

    for (igraph_integer_t e = 0; e < ne; e++) {
        snprintf(id, sizeof(id), "e%lld", (long long)e);
        S_X(xmlTextWriterStartElement(w, S_x("edge")));
        S_X(xmlTextWriterWriteAttribute(w, S_x("id"), S_x(id)));
        S_X(xmlTextWriterWriteAttribute(
            w, S_x("source"),
            S_x(S_node_id(net, by_actor, IGRAPH_FROM(g, e), id2))));
        S_X(xmlTextWriterWriteAttribute(
            w, S_x("target"),
            S_x(S_node_id(net, by_actor, IGRAPH_TO(g, e), id2))));
        S_X(xmlTextWriterWriteAttribute(
            w, S_x("directed"),
            S_x(rg_i_edge_directed(net, e) ? "true" : "false")));
        for (size_t k = 0; k < rg_i_attr_count; k++) {
            const rg_attr *a = &rg_i_attrs[k];
            if (a->domain == RG_ATTR_EDGE)
                S_X(S_data(w, &tmp, net, a, e));
        }
        S_X(xmlTextWriterEndElement(w));
    }

    S_X(xmlTextWriterEndDocument(w));   /* closes open elements, flushes */
    S_X(xmlTextWriterFlush(w));

out:
    xmlFreeTextWriter(w);   /* closes the output buffer; NULL is fine */
    xmlSetStructuredErrorFunc(old_ctx, old_fn);
    if (sink.failed || (st == RG_OK && (fflush(out) != 0 || ferror(out))))
        st = RG_EIO;
    rg_i_buf_destroy(&tmp);
    return st;
}
