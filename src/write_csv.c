/*
 * write_csv.c — the network as two RFC 4180 tables, NAME.nodes.csv and
 * NAME.edges.csv, with the column names Gephi's spreadsheet import
 * ("Import spreadsheet": nodes table, then edges table) recognises, and
 * readable by any CSV reader (pandas, R, LibreOffice).
 *
 *   nodes: Id, Label, then every other node attribute of the schema
 *          (type, qid, mentions, documents, degree, ...).
 *   edges: Source, Target, Type, Kind, Id, Label, Weight, then every other
 *          edge attribute of the schema (relation, edge_documents,
 *          evidence, ...).
 *
 * Gephi's special edge columns, matched by name without regard to case:
 *   Type   "Undirected" for co-occurrence, "Directed" for relation edges;
 *   Kind   Gephi's edge type (rg_i_edge_type: "cooccurrence" or the
 *          relation class), which keeps the layers and the relation classes
 *          of one pair apart instead of merging them and summing weights.
 *          It takes the place of the schema attribute `kind` (whose value
 *          Type already tells: Undirected = cooccurrence, Directed =
 *          relation), because a second column "kind" would collide;
 *   Label  the relation class of a relation edge, empty for co-occurrence;
 *   Id     e0, e1, ... as in GraphML and GEXF.
 *
 * RFC 4180: CRLF line ends; a field is quoted when it holds '"', ',', CR
 * or LF (or starts or ends with a space), with '"' doubled.  Strings pass
 * rg_i_sanitize_text first; numbers are in rg_i_format_number's form.
 */
#include "writers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends s as one CSV field. */
static void S_field(rg_buf *b, rg_buf *tmp, const char *s)
{
    rg_i_buf_reset(tmp);
    rg_i_sanitize_text(tmp, s);
    const char *t = tmp->data;
    size_t n = tmp->len;
    int quote = n > 0 && (strpbrk(t, "\",\r\n") != NULL || t[0] == ' ' ||
                          t[n - 1] == ' ');
    if (!quote) {
        rg_i_buf_add(b, t, n);
        return;
    }
    rg_i_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '"')
            rg_i_buf_addc(b, '"');
        rg_i_buf_addc(b, t[i]);
    }
    rg_i_buf_addc(b, '"');
}

/* Schema attributes that Gephi's fixed columns carry instead. */
static int S_fixed(const rg_attr *a)
{
    static const char *const node[] = {"id", "label"};
    static const char *const edge[] = {"kind", "weight"};
    const char *const *names = a->domain == RG_ATTR_NODE ? node : edge;
    return strcmp(a->name, names[0]) == 0 || strcmp(a->name, names[1]) == 0;
}

/* The schema attributes of `domain` that are not fixed columns, as
 * ",name" or ",value" appended to b. */
static void S_rest(rg_buf *b, rg_buf *tmp, const rg_network *net, int domain,
                   igraph_integer_t i, int header)
{
    char num[RG_NUMBUF];
    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (a->domain != domain || S_fixed(a))
            continue;
        rg_i_buf_addc(b, ',');
        if (header)
            S_field(b, tmp, a->name);
        else if (a->type == RG_ATTR_STRING)
            S_field(b, tmp, domain == RG_ATTR_NODE
                                ? rg_i_node_str(net, a->name, i)
                                : rg_i_edge_str(net, a->name, i));
        else
            rg_i_buf_adds(b, rg_i_format_number(
                                 num, domain == RG_ATTR_NODE
                                          ? rg_i_node_num(net, a->name, i)
                                          : rg_i_edge_num(net, a->name, i)));
    }
    rg_i_buf_adds(b, "\r\n");
}

rg_status rg_network_write_csv_nodes(const rg_network *net, FILE *out)
{
    rg_status st = RG_EIO;   /* until everything is written */
    rg_buf b, tmp;
    rg_i_buf_init(&b);
    rg_i_buf_init(&tmp);
    rg_i_buf_adds(&b, "Id,Label");
    S_rest(&b, &tmp, net, RG_ATTR_NODE, 0, 1);
    if (rg_i_put(&b, out) < 0)
        goto out;
    igraph_integer_t nv = igraph_vcount(&net->graph);
    for (igraph_integer_t v = 0; v < nv; v++) {
        rg_i_buf_reset(&b);
        S_field(&b, &tmp, rg_i_node_str(net, "id", v));
        rg_i_buf_addc(&b, ',');
        S_field(&b, &tmp, rg_i_node_str(net, "label", v));
        S_rest(&b, &tmp, net, RG_ATTR_NODE, v, 0);
        if (rg_i_put(&b, out) < 0)
            goto out;
    }
    if (fflush(out) == 0 && !ferror(out))
        st = RG_OK;
out:
    rg_i_buf_destroy(&tmp);
    rg_i_buf_destroy(&b);
    return st;
}

rg_status rg_network_write_csv_edges(const rg_network *net, FILE *out)
{
    rg_status st = RG_EIO;   /* until everything is written */
    const igraph_t *g = &net->graph;
    char num[RG_NUMBUF];
    rg_buf b, tmp;
    rg_i_buf_init(&b);
    rg_i_buf_init(&tmp);
    rg_i_buf_adds(&b, "Source,Target,Type,Kind,Id,Label,Weight");
    S_rest(&b, &tmp, net, RG_ATTR_EDGE, 0, 1);
    if (rg_i_put(&b, out) < 0)
        goto out;
    igraph_integer_t ne = igraph_ecount(g);
    for (igraph_integer_t e = 0; e < ne; e++) {
        int directed = rg_i_edge_directed(net, e);
        rg_i_buf_reset(&b);
        S_field(&b, &tmp, rg_i_node_str(net, "id", IGRAPH_FROM(g, e)));
        rg_i_buf_addc(&b, ',');
        S_field(&b, &tmp, rg_i_node_str(net, "id", IGRAPH_TO(g, e)));
        rg_i_buf_adds(&b, directed ? ",Directed," : ",Undirected,");
        S_field(&b, &tmp, rg_i_edge_type(net, e));
        rg_i_buf_printf(&b, ",e%lld,", (long long)e);
        if (directed)
            S_field(&b, &tmp, rg_i_edge_type(net, e));
        rg_i_buf_addc(&b, ',');
        rg_i_buf_adds(&b, rg_i_format_number(num, rg_i_edge_num(net, "weight", e)));
        S_rest(&b, &tmp, net, RG_ATTR_EDGE, e, 0);
        if (rg_i_put(&b, out) < 0)
            goto out;
    }
    if (fflush(out) == 0 && !ferror(out))
        st = RG_OK;
out:
    rg_i_buf_destroy(&tmp);
    rg_i_buf_destroy(&b);
    return st;
}

/* Whether s ends with suffix, ignoring ASCII case. */
static int S_ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

char *rg_csv_table_path(const char *path, const char *table)
{
    size_t n = strlen(path);
    /* net.csv, net.nodes.csv and net.edges.csv all name the pair net.*.csv */
    if (S_ends_with(path, n, ".csv"))
        n -= 4;
    if (S_ends_with(path, n, ".nodes") || S_ends_with(path, n, ".edges"))
        n -= 6;
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_buf_add(&b, path, n);
    rg_i_buf_printf(&b, ".%s.csv", table);
    return b.data;
}
