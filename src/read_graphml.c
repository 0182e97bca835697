/*
 * read_graphml.c — a GraphML file back into a network, for `relgraph
 * report NET.graphml`: igraph's reader does the parsing; this file fills in
 * what a file from elsewhere (Gephi, networkx, an older relgraph) may lack,
 * so that the filters, the metrics and the report see the same attributes
 * as for a network built from articles.  Metrics in the file are dropped
 * and computed again: the graph may have been edited since.
 */
#include "metrics.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "relations.h"

/* igraph's reason for the first error while reading (igraph reports an
 * error once where it happens, then again with an empty reason on each
 * level it passes through). */
static char S_reason[256];

static void S_capture(const char *reason, const char *file, int line,
                      igraph_error_t err)
{
    (void)file;
    (void)line;
    (void)err;
    if (!S_reason[0] && reason && reason[0])
        snprintf(S_reason, sizeof(S_reason), "%s", reason);
    IGRAPH_FINALLY_FREE();
}

/* The type of attribute `name` of `kind`, or -1 when there is none. */
static int S_attr_type(const igraph_t *g, igraph_attribute_elemtype_t kind,
                       const char *name)
{
    int type = -1;
    igraph_strvector_t names;
    igraph_vector_int_t types;
    if (!igraph_cattribute_has_attr(g, kind, name))
        return -1;
    if (igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS)
        return -1;
    if (igraph_vector_int_init(&types, 0) != IGRAPH_SUCCESS) {
        igraph_strvector_destroy(&names);
        return -1;
    }
    int vertex = kind == IGRAPH_ATTRIBUTE_VERTEX;
    if (igraph_cattribute_list(g, NULL, NULL, vertex ? &names : NULL,
                               vertex ? &types : NULL, vertex ? NULL : &names,
                               vertex ? NULL : &types) == IGRAPH_SUCCESS)
        for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
            if (strcmp(igraph_strvector_get(&names, i), name) == 0)
                type = (int)VECTOR(types)[i];
    igraph_vector_int_destroy(&types);
    igraph_strvector_destroy(&names);
    return type;
}

/* Makes vertex/edge attribute `name` a string attribute: kept when it is
 * one, numbers written out, `fallback` (may be NULL: "") when missing. */
static rg_status S_strings(igraph_t *g, igraph_attribute_elemtype_t kind,
                           const char *name, const igraph_strvector_t *fallback)
{
    rg_status st = RG_OK;
    int type = S_attr_type(g, kind, name);
    if (type == IGRAPH_ATTRIBUTE_STRING)
        return RG_OK;
    int vertex = kind == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_integer_t n = vertex ? igraph_vcount(g) : igraph_ecount(g);
    igraph_strvector_t sv;
    igraph_vector_t num;
    char buf[RG_NUMBUF];
    RG_IGRAPH(igraph_strvector_init(&sv, n));
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        if (igraph_vector_init(&num, 0) != IGRAPH_SUCCESS) {
            igraph_strvector_destroy(&sv);
            return RG_ENOMEM;
        }
        igraph_error_t e = vertex ? VANV(g, name, &num) : EANV(g, name, &num);
        for (igraph_integer_t i = 0; e == IGRAPH_SUCCESS && i < n; i++)
            e = igraph_strvector_set(&sv, i,
                                     rg_i_format_number(buf, VECTOR(num)[i]));
        igraph_vector_destroy(&num);
        if (e != IGRAPH_SUCCESS) {
            igraph_strvector_destroy(&sv);
            return rg_i_status_from_igraph(e);
        }
    } else if (fallback) {
        igraph_strvector_destroy(&sv);
        RG_IGRAPH(igraph_strvector_init_copy(&sv, fallback));
    }
    if (type >= 0) {
        if (vertex)
            DELVA(g, name);
        else
            DELEA(g, name);
    }
    {
        igraph_error_t e = vertex ? SETVASV(g, name, &sv) : SETEASV(g, name, &sv);
        igraph_strvector_destroy(&sv);
        if (e != IGRAPH_SUCCESS)
            return rg_i_status_from_igraph(e);
    }
out:
    return st;
}

/* Makes attribute `name` numeric: kept when it is, strings parsed (NaN
 * when not a number), `missing` everywhere when absent. */
static rg_status S_numbers(igraph_t *g, igraph_attribute_elemtype_t kind,
                           const char *name, double missing)
{
    rg_status st = RG_OK;
    int type = S_attr_type(g, kind, name);
    if (type == IGRAPH_ATTRIBUTE_NUMERIC)
        return RG_OK;
    int vertex = kind == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_integer_t n = vertex ? igraph_vcount(g) : igraph_ecount(g);
    igraph_vector_t num;
    RG_IGRAPH(igraph_vector_init(&num, n));
    for (igraph_integer_t i = 0; i < n; i++) {
        double x = missing;
        if (type == IGRAPH_ATTRIBUTE_STRING) {
            const char *s = vertex ? VAS(g, name, i) : EAS(g, name, i);
            char *end;
            x = s && *s ? strtod(s, &end) : NAN;
            if (!s || !*s || *end)
                x = NAN;
        }
        VECTOR(num)[i] = x;
    }
    if (type >= 0) {
        if (vertex)
            DELVA(g, name);
        else
            DELEA(g, name);
    }
    {
        igraph_error_t e = vertex ? SETVANV(g, name, &num) : SETEANV(g, name, &num);
        igraph_vector_destroy(&num);
        if (e != IGRAPH_SUCCESS)
            return rg_i_status_from_igraph(e);
    }
out:
    return st;
}

/* Fills in every node and edge attribute the report and the filters read. */
static rg_status S_complete(igraph_t *g)
{
    rg_status st = RG_OK;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    igraph_strvector_t ids, labels, kinds;
    int have = 0;
    char buf[32];

    RG_IGRAPH(igraph_strvector_init(&ids, nv));
    have = 1;
    RG_IGRAPH(igraph_strvector_init(&labels, nv));
    have = 2;
    RG_IGRAPH(igraph_strvector_init(&kinds, ne));
    have = 3;

    /* id: the GraphML node id (igraph keeps it in "id"), else n0, n1, ... */
    int id_type = S_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id");
    if (id_type == IGRAPH_ATTRIBUTE_NUMERIC) {
        st = S_strings(g, IGRAPH_ATTRIBUTE_VERTEX, "id", NULL);
        if (st != RG_OK)
            goto out;
        id_type = IGRAPH_ATTRIBUTE_STRING;
    }
    for (igraph_integer_t v = 0; v < nv; v++) {
        const char *id = id_type == IGRAPH_ATTRIBUTE_STRING ? VAS(g, "id", v) : "";
        if (!id || !*id) {
            snprintf(buf, sizeof(buf), "n%lld", (long long)v);
            id = buf;
        }
        RG_IGRAPH(igraph_strvector_set(&ids, v, id));
    }
    /* label: `label`, else the id */
    int label_type = S_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "label");
    if (label_type == IGRAPH_ATTRIBUTE_NUMERIC) {
        st = S_strings(g, IGRAPH_ATTRIBUTE_VERTEX, "label", NULL);
        if (st != RG_OK)
            goto out;
        label_type = IGRAPH_ATTRIBUTE_STRING;
    }
    for (igraph_integer_t v = 0; v < nv; v++) {
        const char *l = label_type == IGRAPH_ATTRIBUTE_STRING ? VAS(g, "label", v)
                                                              : NULL;
        RG_IGRAPH(igraph_strvector_set(&labels, v, l && *l ? l
                                       : igraph_strvector_get(&ids, v)));
    }
    if (id_type >= 0)
        DELVA(g, "id");
    if (label_type >= 0)
        DELVA(g, "label");
    RG_IGRAPH(SETVASV(g, "id", &ids));
    RG_IGRAPH(SETVASV(g, "label", &labels));
    if ((st = S_strings(g, IGRAPH_ATTRIBUTE_VERTEX, "type", NULL)) != RG_OK ||
        (st = S_strings(g, IGRAPH_ATTRIBUTE_VERTEX, "qid", NULL)) != RG_OK ||
        (st = S_numbers(g, IGRAPH_ATTRIBUTE_VERTEX, "mentions", NAN)) != RG_OK ||
        (st = S_numbers(g, IGRAPH_ATTRIBUTE_VERTEX, "documents", NAN)) != RG_OK)
        goto out;
    /* Metrics from the file may be stale and of any type: computed again. */
    for (size_t i = 0; i < rg_i_metric_count; i++)
        if (S_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, rg_i_metric_names[i]) >= 0)
            DELVA(g, rg_i_metric_names[i]);

    /* kind: as written, else by the graph's direction */
    int kind_type = S_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, "kind");
    if (kind_type != IGRAPH_ATTRIBUTE_STRING) {
        const char *k = rg_i_kind_name(igraph_is_directed(g)
                                           ? RG_KIND_RELATION
                                           : RG_KIND_COOCCURRENCE);
        for (igraph_integer_t e = 0; e < ne; e++)
            RG_IGRAPH(igraph_strvector_set(&kinds, e, k));
        if (kind_type >= 0)
            DELEA(g, "kind");
        RG_IGRAPH(SETEASV(g, "kind", &kinds));
    }
    if ((st = S_strings(g, IGRAPH_ATTRIBUTE_EDGE, "relation", NULL)) != RG_OK ||
        (st = S_strings(g, IGRAPH_ATTRIBUTE_EDGE, "evidence", NULL)) != RG_OK ||
        (st = S_numbers(g, IGRAPH_ATTRIBUTE_EDGE, "weight", 1.0)) != RG_OK)
        goto out;

out:
    if (have >= 3)
        igraph_strvector_destroy(&kinds);
    if (have >= 2)
        igraph_strvector_destroy(&labels);
    if (have >= 1)
        igraph_strvector_destroy(&ids);
    return st;
}

rg_status rg_network_read_graphml(const char *path, rg_network **out,
                                  const rg_diag *diag)
{
    rg_status st = RG_OK;
    rg_network *net = NULL;
    igraph_t g;
    int have_graph = 0;
    struct stat sb;
    FILE *f = NULL;

    rg_i_igraph_setup();
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        rg_i_diag(diag, RG_ERROR, path, "is a directory, not a GraphML file");
        return RG_EIO;
    }
    if (!(f = fopen(path, "rb"))) {
        rg_i_diag(diag, RG_ERROR, path, "%s", strerror(errno));
        return RG_EIO;
    }
    /* igraph's error handler is process-wide; the one installed by
     * rg_i_igraph_setup only frees and returns.  Swap in one that also
     * keeps the reason, for the user, while the reader runs. */
    S_reason[0] = '\0';
    igraph_error_handler_t *old = igraph_set_error_handler(S_capture);
    igraph_error_t e = igraph_read_graph_graphml(&g, f, 0);
    igraph_set_error_handler(old);
    if (e != IGRAPH_SUCCESS) {
        if (e == IGRAPH_ENOMEM) {
            st = RG_ENOMEM;
        } else if (ferror(f)) {
            rg_i_diag(diag, RG_ERROR, path, "cannot read the file");
            st = RG_EIO;
        } else {
            rg_i_diag(diag, RG_ERROR, path, "not a valid GraphML file: %s",
                      S_reason[0] ? S_reason : "igraph cannot read it");
            st = RG_EPARSE;
        }
        goto out;
    }
    have_graph = 1;
    if ((st = S_complete(&g)) != RG_OK)
        goto out;

    net = rg_i_xcalloc(1, sizeof(*net));
    net->graph = g;
    have_graph = 0;
    for (igraph_integer_t i = 0; i < igraph_ecount(&net->graph); i++) {
        if (rg_i_edge_is_relation(net, i))
            net->has_relation = 1;
        else
            net->has_cooccurrence = 1;
    }
    if ((st = rg_i_network_metrics(net)) != RG_OK)
        goto out;
    *out = net;
    net = NULL;

out:
    rg_network_free(net);
    if (have_graph)
        igraph_destroy(&g);
    fclose(f);
    return st;
}
