/*
 * filter.c — the filters applied to a network before its metrics: which
 * layer, how heavy an edge, how often an actor must be mentioned, which
 * actor types, whether actors left without edges stay.  Filters remove
 * edges and nodes from the igraph_t itself (igraph's attribute handler
 * keeps the attributes in step), so every export shows the network that
 * was measured; then metrics.c computes the metrics again.
 */
#include "metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_layer_names[] = {"auto", "cooccurrence",
                                            "relations", "all"};

const char *rg_layer_name(rg_layer layer)
{
    if ((unsigned)layer < sizeof(S_layer_names) / sizeof(S_layer_names[0]))
        return S_layer_names[layer];
    return "auto";
}

rg_status rg_layer_from_name(const char *name, rg_layer *out)
{
    for (size_t i = 0; i < sizeof(S_layer_names) / sizeof(S_layer_names[0]);
         i++)
        if (strcmp(name, S_layer_names[i]) == 0) {
            *out = (rg_layer)i;
            return RG_OK;
        }
    return RG_EINVAL;
}

void rg_filter_init(rg_filter *f)
{
    memset(f, 0, sizeof(*f));
    f->layer = RG_LAYER_AUTO;
}

int rg_filter_is_default(const rg_filter *f)
{
    return f->layer == RG_LAYER_AUTO && !(f->min_weight > 0) &&
           !(f->min_mentions > 0) && !f->types && !f->drop_isolates;
}

/* Whether `type` is an item of the comma-separated `list`. */
static int S_listed(const char *list, const char *type)
{
    size_t n = strlen(type);
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, type, n) == 0)
            return 1;
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

static rg_status S_check_types(const char *list, const rg_diag *diag)
{
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == 0) {
            rg_i_diag(diag, RG_ERROR, "",
                      "empty actor type in the list '%s'", list);
            return RG_EINVAL;
        }
        if (!comma)
            return RG_OK;
        p = comma + 1;
    }
}

/* Warns about each listed type that no actor has (most likely a typo). */
static void S_warn_unused_types(const rg_network *net, const char *list,
                                const rg_diag *diag)
{
    igraph_integer_t nv = igraph_vcount(&net->graph);
    char *copy = rg_i_xstrdup(list);
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        int found = 0;
        for (igraph_integer_t v = 0; v < nv && !found; v++)
            found = strcmp(rg_i_node_str(net, "type", v), t) == 0;
        if (!found)
            rg_i_diag(diag, RG_WARNING, "", "no actor has the type '%s'", t);
    }
    free(copy);
}

static void S_set_layers(rg_network *net)
{
    igraph_integer_t ne = igraph_ecount(&net->graph);
    net->has_cooccurrence = net->has_relation = 0;
    for (igraph_integer_t e = 0; e < ne; e++) {
        if (rg_i_edge_is_relation(net, e))
            net->has_relation = 1;
        else
            net->has_cooccurrence = 1;
    }
}

rg_status rg_network_filter(rg_network *net, const rg_filter *f,
                            const rg_diag *diag)
{
    rg_status st = RG_OK;
    igraph_t *g = &net->graph;
    igraph_vector_int_t del, deg;
    int have = 0;
    size_t removed_edges = 0, removed_nodes = 0;

    rg_i_igraph_setup();
    if (f->types && (st = S_check_types(f->types, diag)) != RG_OK)
        return st;
    if (f->min_mentions > 0) {
        int known = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX,
                                               "mentions");
        for (igraph_integer_t v = 0; known && v < igraph_vcount(g); v++)
            known = !isnan(rg_i_node_num(net, "mentions", v));
        if (!known) {
            rg_i_diag(diag, RG_ERROR, "",
                      "the network has no mention counts to filter by");
            return RG_EINVAL;
        }
    }
    if (f->types)
        S_warn_unused_types(net, f->types, diag);

    RG_IGRAPH(igraph_vector_int_init(&del, 0));
    have = 1;
    RG_IGRAPH(igraph_vector_int_init(&deg, 0));
    have = 2;

    /* Edges: outside the chosen layer, or too light. */
    int has_weight = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE,
                                                "weight");
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        int drop = 0;
        if (f->layer == RG_LAYER_COOCCURRENCE)
            drop = rg_i_edge_is_relation(net, e);
        else if (f->layer == RG_LAYER_RELATIONS)
            drop = !rg_i_edge_is_relation(net, e);
        if (!drop && f->min_weight > 0) {
            double w = has_weight ? rg_i_edge_num(net, "weight", e) : 1.0;
            drop = (isnan(w) ? 1.0 : w) < f->min_weight;
        }
        if (drop)
            RG_IGRAPH(igraph_vector_int_push_back(&del, e));
    }
    removed_edges = (size_t)igraph_vector_int_size(&del);
    if (removed_edges > 0)
        RG_IGRAPH(igraph_delete_edges(g, igraph_ess_vector(&del)));

    /* Actors: of another type, or mentioned too rarely. */
    igraph_vector_int_clear(&del);
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        int drop = f->types && !S_listed(f->types, rg_i_node_str(net, "type", v));
        if (!drop && f->min_mentions > 0)
            drop = rg_i_node_num(net, "mentions", v) < f->min_mentions;
        if (drop)
            RG_IGRAPH(igraph_vector_int_push_back(&del, v));
    }
    removed_nodes = (size_t)igraph_vector_int_size(&del);
    if (removed_nodes > 0) {
        igraph_integer_t before = igraph_ecount(g);
        RG_IGRAPH(igraph_delete_vertices(g, igraph_vss_vector(&del)));
        removed_edges += (size_t)(before - igraph_ecount(g));
    }

    /* Actors left without any edge (self-loops do not count). */
    if (f->drop_isolates) {
        igraph_vector_int_clear(&del);
        RG_IGRAPH(igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL,
                                IGRAPH_NO_LOOPS));
        for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
            if (VECTOR(deg)[v] == 0)
                RG_IGRAPH(igraph_vector_int_push_back(&del, v));
        if (igraph_vector_int_size(&del) > 0) {
            igraph_integer_t before = igraph_ecount(g);
            RG_IGRAPH(igraph_delete_vertices(g, igraph_vss_vector(&del)));
            removed_edges += (size_t)(before - igraph_ecount(g));
            removed_nodes += (size_t)igraph_vector_int_size(&del);
        }
    }
    S_set_layers(net);

    rg_i_diag(diag, RG_INFO, "",
              "filters removed %zu actor%s and %zu edge%s; %zu actors and "
              "%zu edges remain",
              removed_nodes, removed_nodes == 1 ? "" : "s", removed_edges,
              removed_edges == 1 ? "" : "s", (size_t)igraph_vcount(g),
              (size_t)igraph_ecount(g));
    RG_IGRAPH(SETGAN(g, "rg_removed_nodes", (double)removed_nodes));
    RG_IGRAPH(SETGAN(g, "rg_removed_edges", (double)removed_edges));
    st = rg_i_network_metrics_layer(net, f->layer);

out:
    if (have >= 2)
        igraph_vector_int_destroy(&deg);
    if (have >= 1)
        igraph_vector_int_destroy(&del);
    return st;
}
