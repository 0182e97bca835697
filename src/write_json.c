/*
 * write_json.c — the network as node-link JSON, the form networkx's
 * node_link_data writes and node_link_graph reads, which D3 force layouts
 * (links with source/target ids) and Cytoscape's JSON importers also take:
 *
 *   {"directed": true, "multigraph": true, "graph": {...},
 *    "nodes": [{"id": "putin", "label": "Wladimir Putin", ...}, ...],
 *    "links": [{"source": "nato", "target": "nordkorea",
 *               "key": "cooccurrence", "id": "e0", ...}, ...]}
 *
 * Decisions:
 *   - One object per node with every node attribute of the schema, one per
 *     link with every edge attribute, in schema order, typed as declared:
 *     strings as JSON strings (empty ones too, so every object has the same
 *     keys), INT and DOUBLE as JSON numbers in rg_i_format_number's form;
 *     a non-finite number (JSON has none) as null.
 *   - "directed" is false only when the network holds co-occurrence edges
 *     alone; a mixed network is written directed (networkx has no mixed
 *     graphs) and every link says "directed": true|false itself.
 *   - "multigraph" is true: one pair may hold a co-occurrence edge and
 *     several relation classes.  The link "key" is Gephi's edge type
 *     (rg_i_edge_type): "cooccurrence" or the relation class, unique per
 *     pair and direction.
 *   - Strings are cleaned by rg_i_sanitize_text (valid UTF-8, control
 *     characters but TAB/LF/CR dropped) and escaped here: '"', '\\' and the
 *     remaining control characters (\t \n \r), plus U+2028/U+2029, which
 *     JavaScript before ES2019 does not accept in string literals.  All
 *     other characters are written as UTF-8.
 *   - One node or link per line, so that diffs of outputs stay readable.
 */
#include "writers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Appends s as a JSON string literal. */
static void S_string(rg_buf *b, rg_buf *tmp, const char *s)
{
    rg_i_buf_reset(tmp);
    rg_i_sanitize_text(tmp, s);
    rg_i_buf_addc(b, '"');
    for (size_t i = 0; i < tmp->len; i++) {
        unsigned char c = (unsigned char)tmp->data[i];
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
            rg_i_buf_adds(b, "\\r");
            break;
        case '\t':
            rg_i_buf_adds(b, "\\t");
            break;
        default:
            if (c < 0x20) {
                rg_i_buf_printf(b, "\\u%04x", c);
            } else if (c == 0xE2 && i + 2 < tmp->len &&
                       (unsigned char)tmp->data[i + 1] == 0x80 &&
                       ((unsigned char)tmp->data[i + 2] == 0xA8 ||
                        (unsigned char)tmp->data[i + 2] == 0xA9)) {
                /* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR */
                rg_i_buf_printf(b, "\\u%04x",
                                (unsigned char)tmp->data[i + 2] == 0xA8
                                    ? 0x2028u
                                    : 0x2029u);
                i += 2;
            } else {
                rg_i_buf_addc(b, (char)c);
            }
        }
    }
    rg_i_buf_addc(b, '"');
}

/* A DOUBLE keeps a decimal point ("3.0", not "3") so that typed readers
 * (networkx, pandas) see a float column, as the schema declares. */
static void S_number(rg_buf *b, double x, int is_double)
{
    char num[RG_NUMBUF];
    if (!isfinite(x)) {
        rg_i_buf_adds(b, "null");
        return;
    }
    rg_i_buf_adds(b, rg_i_format_number(num, x));
    if (is_double && !strpbrk(num, ".e"))
        rg_i_buf_adds(b, ".0");
}

/* `, "name": value` for every schema attribute of the domain but `skip`
 * (the node id, written first as the node's key). */
static void S_attrs(rg_buf *b, rg_buf *tmp, const rg_network *net,
                    int domain, igraph_integer_t i, const char *skip)
{
    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (a->domain != domain || (skip && strcmp(a->name, skip) == 0))
            continue;
        rg_i_buf_adds(b, ", ");
        S_string(b, tmp, a->name);
        rg_i_buf_adds(b, ": ");
        if (a->type == RG_ATTR_STRING)
            S_string(b, tmp, domain == RG_ATTR_NODE
                                 ? rg_i_node_str(net, a->name, i)
                                 : rg_i_edge_str(net, a->name, i));
        else
            S_number(b, domain == RG_ATTR_NODE ? rg_i_node_num(net, a->name, i)
                                               : rg_i_edge_num(net, a->name, i),
                     a->type == RG_ATTR_DOUBLE);
    }
}

rg_status rg_network_write_json(const rg_network *net, FILE *out)
{
    rg_status st = RG_EIO;   /* until everything is written */
    rg_buf b, tmp;
    rg_i_buf_init(&b);
    rg_i_buf_init(&tmp);
    const igraph_t *g = &net->graph;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    int directed = net->has_relation;

    rg_i_buf_printf(&b,
                    "{\n  \"directed\": %s,\n  \"multigraph\": true,\n"
                    "  \"graph\": {\"name\": \"relgraph\", \"creator\": "
                    "\"relgraph " RELGRAPH_VERSION "\", \"layers\": \"%s\"},\n"
                    "  \"nodes\": [",
                    directed ? "true" : "false", rg_i_network_layers(net));
    if (rg_i_put(&b, out) < 0)
        goto out;
    /* One statement at a time through a reused buffer: memory stays
     * proportional to the longest line, not to the network. */
    for (igraph_integer_t v = 0; v < nv; v++) {
        rg_i_buf_reset(&b);
        rg_i_buf_adds(&b, v ? ",\n    {\"id\": " : "\n    {\"id\": ");
        S_string(&b, &tmp, rg_i_node_str(net, "id", v));
        S_attrs(&b, &tmp, net, RG_ATTR_NODE, v, "id");
        rg_i_buf_addc(&b, '}');
        if (rg_i_put(&b, out) < 0)
            goto out;
    }
    rg_i_buf_reset(&b);
    rg_i_buf_adds(&b, nv ? "\n  ],\n  \"links\": [" : "],\n  \"links\": [");
    if (rg_i_put(&b, out) < 0)
        goto out;
    for (igraph_integer_t e = 0; e < ne; e++) {
        rg_i_buf_reset(&b);
        rg_i_buf_adds(&b, e ? ",\n    {\"source\": " : "\n    {\"source\": ");
        S_string(&b, &tmp, rg_i_node_str(net, "id", IGRAPH_FROM(g, e)));
        rg_i_buf_adds(&b, ", \"target\": ");
        S_string(&b, &tmp, rg_i_node_str(net, "id", IGRAPH_TO(g, e)));
        rg_i_buf_adds(&b, ", \"key\": ");
        S_string(&b, &tmp, rg_i_edge_type(net, e));
        rg_i_buf_printf(&b, ", \"id\": \"e%lld\", \"directed\": %s",
                        (long long)e,
                        rg_i_edge_directed(net, e) ? "true" : "false");
        S_attrs(&b, &tmp, net, RG_ATTR_EDGE, e, NULL);
        rg_i_buf_addc(&b, '}');
        if (rg_i_put(&b, out) < 0)
            goto out;
    }
    rg_i_buf_reset(&b);
    rg_i_buf_adds(&b, ne ? "\n  ]\n}\n" : "]\n}\n");
    if (rg_i_put(&b, out) < 0 || fflush(out) != 0 || ferror(out))
        goto out;
    st = RG_OK;
out:
    rg_i_buf_destroy(&tmp);
    rg_i_buf_destroy(&b);
    return st;
}
