/*
 * network.c — stage 7: turns the tally into an igraph_t whose nodes are the
 * actors mentioned at least once (sorted by id) and whose edges are the
 * tally's (source, target, kind, relation) keys (sorted the same way), with
 * the typed attributes of rg_i_attrs held by igraph's C attribute handler.
 * It then has metrics.c add the node metrics, and hands the network on to
 * the writers (write_dot.c, write_graphml.c, report.c), which read it only
 * through the accessors and formatting helpers here.
 */
#include "network.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "relations.h"

/* The schema: writers emit attributes in this order. */
const rg_attr rg_i_attrs[] = {
    {"id", RG_ATTR_NODE, RG_ATTR_STRING},
    {"label", RG_ATTR_NODE, RG_ATTR_STRING},
    {"type", RG_ATTR_NODE, RG_ATTR_STRING},
    {"qid", RG_ATTR_NODE, RG_ATTR_STRING},
    {"mentions", RG_ATTR_NODE, RG_ATTR_INT},
    {"documents", RG_ATTR_NODE, RG_ATTR_INT},
    {"degree", RG_ATTR_NODE, RG_ATTR_INT},
    {"strength", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    {"pagerank", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    {"betweenness", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    /* node metrics (metrics.c; definitions in relgraph.h) */
    {"closeness", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    {"eigenvector", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    {"clustering", RG_ATTR_NODE, RG_ATTR_DOUBLE},
    {"kcore", RG_ATTR_NODE, RG_ATTR_INT},
    {"community", RG_ATTR_NODE, RG_ATTR_INT},
    /* "dictionary", or "discovered" for an actor found by rule */
    {"source", RG_ATTR_NODE, RG_ATTR_STRING},
    {"kind", RG_ATTR_EDGE, RG_ATTR_STRING},
    {"relation", RG_ATTR_EDGE, RG_ATTR_STRING},
    {"weight", RG_ATTR_EDGE, RG_ATTR_DOUBLE},
    /* not "documents": GraphML key ids equal attribute names, so a name
     * is used by one domain only (nodes have "documents") */
    {"edge_documents", RG_ATTR_EDGE, RG_ATTR_INT},
    {"evidence", RG_ATTR_EDGE, RG_ATTR_STRING},
    {"verb", RG_ATTR_EDGE, RG_ATTR_STRING},
};
const size_t rg_i_attr_count = sizeof(rg_i_attrs) / sizeof(rg_i_attrs[0]);

/* ------------------------------------------------------------------ */
/* igraph setup and errors                                             */
/* ------------------------------------------------------------------ */

static pthread_once_t S_igraph_once = PTHREAD_ONCE_INIT;

static void S_igraph_init(void)
{
    /* igraph aborts on error and prints warnings by default; the library
     * must do neither.  This igraph build is not thread-safe
     * (IGRAPH_THREAD_SAFE 0): the handlers and the attribute table are
     * process-wide, so setting them once is enough — and networks must be
     * built by one thread at a time. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_set_attribute_table(&igraph_cattribute_table);
}

void rg_i_igraph_setup(void)
{
    pthread_once(&S_igraph_once, S_igraph_init);
}

rg_status rg_i_status_from_igraph(igraph_error_t e)
{
    switch (e) {
    case IGRAPH_SUCCESS:
        return RG_OK;
    case IGRAPH_ENOMEM:
        return RG_ENOMEM;
    default:
        return RG_EGRAPH;
    }
}

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

/* A tally edge with its nodes: node numbers are in id order, so comparing
 * them compares ids. */
typedef struct S_edge {
    igraph_integer_t s, t;
    const rg_tally_edge *e;
} S_edge;

static int S_cmp_edge(const void *a, const void *b)
{
    /* The relation class is compared by its number: deterministic, and
     * equal to name order once classes are declared in name order. */
    const S_edge *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    if (x->e->kind != y->e->kind)
        return x->e->kind < y->e->kind ? -1 : 1;
    if (x->e->relation != y->e->relation)
        return x->e->relation < y->e->relation ? -1 : 1;
    return 0;
}

/* An actor to be a node, for sorting by id. */
typedef struct S_node {
    const char *id;
    size_t actor;
} S_node;

static int S_cmp_node(const void *a, const void *b)
{
    const S_node *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

/* The `relation` attribute of an edge.  Co-occurrence has none ("").
 * relations.h has no class names yet (verb relations are a later issue),
 * so a relation class is written as its number until it does. */
static const char *S_relation_name(const rg_tally_edge *e)
{
    return e->kind == RG_KIND_COOCCURRENCE ? "" : rg_i_relation_name(e->relation);
}

int rg_i_id_discovered(const char *id)
{
    return strncmp(id, "disc:", 5) == 0;
}

rg_status rg_i_network_from_tally(const rg_tally *t, const rg_dict *d,
                                  rg_network **out)
{
    const rg_actor **actors =
        rg_i_xmalloc((d->n_actors ? d->n_actors : 1) * sizeof(*actors));
    for (size_t a = 0; a < d->n_actors; a++)
        actors[a] = &d->actors[a];
    rg_status st = rg_i_network_from_tally_ext(t, actors, d->n_actors, out);
    free(actors);
    return st;
}

rg_status rg_i_network_from_tally_ext(const rg_tally *t,
                                      const rg_actor *const *actors, size_t n,
                                      rg_network **out)
{
    rg_status st = RG_OK;
    size_t n_act = rg_i_tally_actor_count(t);
    size_t n_tedges = rg_i_tally_edge_count(t);
    igraph_integer_t *vid = NULL;          /* actor index -> node, or -1 */
    S_edge *order = NULL;                  /* tally edges, sorted */
    S_node *nodes = NULL;                  /* mentioned actors, by id */
    rg_network *net = NULL;
    igraph_t g;
    igraph_vector_int_t ends;
    igraph_strvector_t s_id, s_label, s_type, s_qid, s_kind, s_rel, s_ev, s_src;
    igraph_vector_t n_mentions, n_docs, e_weight, e_docs;
    int have_graph = 0, have_ends = 0, have_sv = 0, have_v = 0;

    rg_i_igraph_setup();
    if (n_act > n) {
        st = RG_EINVAL;
        goto out;
    }

    /* Nodes in id order (the dictionary's actors are sorted by id; the
     * discovered ones come after them in the tally but sort among them). */
    vid = rg_i_xmalloc((n_act ? n_act : 1) * sizeof(*vid));
    nodes = rg_i_xmalloc((n_act ? n_act : 1) * sizeof(*nodes));
    igraph_integer_t nv = 0;
    for (size_t a = 0; a < n_act; a++) {
        vid[a] = -1;
        if (rg_i_tally_actor(t, a)->mentions > 0)
            nodes[nv++] = (S_node){actors[a]->id, a};
    }
    if (nv > 1)
        qsort(nodes, (size_t)nv, sizeof(*nodes), S_cmp_node);
    for (igraph_integer_t v = 0; v < nv; v++)
        vid[nodes[v].actor] = v;

    order = rg_i_xmalloc((n_tedges ? n_tedges : 1) * sizeof(*order));
    for (size_t i = 0; i < n_tedges; i++) {
        const rg_tally_edge *e = rg_i_tally_edge(t, i);
        /* An edge between actors that were never mentioned breaks the
         * tally's contract; refuse rather than drop it silently. */
        if (e->source >= n_act || e->target >= n_act || vid[e->source] < 0 ||
            vid[e->target] < 0) {
            st = RG_EINVAL;
            goto out;
        }
        order[i] = (S_edge){vid[e->source], vid[e->target], e};
        /* A co-occurrence edge is stored source < target by id. */
        if (e->kind == RG_KIND_COOCCURRENCE && order[i].s > order[i].t)
            order[i] = (S_edge){vid[e->target], vid[e->source], e};
    }
    if (n_tedges > 1)
        qsort(order, n_tedges, sizeof(*order), S_cmp_edge);

    igraph_integer_t ne = (igraph_integer_t)n_tedges;
    RG_IGRAPH(igraph_vector_int_init(&ends, 2 * ne));
    have_ends = 1;
    for (igraph_integer_t i = 0; i < ne; i++) {
        VECTOR(ends)[2 * i] = order[i].s;
        VECTOR(ends)[2 * i + 1] = order[i].t;
    }
    RG_IGRAPH(igraph_create(&g, &ends, nv, IGRAPH_DIRECTED));
    have_graph = 1;

    /* Attribute columns are filled whole and handed to igraph at once
     * (the *_setv calls copy them): one call per attribute, not per value. */
    RG_IGRAPH(igraph_strvector_init(&s_id, nv));
    have_sv = 1;
    RG_IGRAPH(igraph_strvector_init(&s_label, nv));
    have_sv = 2;
    RG_IGRAPH(igraph_strvector_init(&s_type, nv));
    have_sv = 3;
    RG_IGRAPH(igraph_strvector_init(&s_qid, nv));
    have_sv = 4;
    RG_IGRAPH(igraph_strvector_init(&s_kind, ne));
    have_sv = 5;
    RG_IGRAPH(igraph_strvector_init(&s_rel, ne));
    have_sv = 6;
    RG_IGRAPH(igraph_strvector_init(&s_ev, ne));
    have_sv = 7;
    RG_IGRAPH(igraph_strvector_init(&s_src, nv));
    have_sv = 8;
    RG_IGRAPH(igraph_vector_init(&n_mentions, nv));
    have_v = 1;
    RG_IGRAPH(igraph_vector_init(&n_docs, nv));
    have_v = 2;
    RG_IGRAPH(igraph_vector_init(&e_weight, ne));
    have_v = 3;
    RG_IGRAPH(igraph_vector_init(&e_docs, ne));
    have_v = 4;

    for (size_t a = 0; a < n_act; a++) {
        if (vid[a] < 0)
            continue;
        const rg_actor *actor = actors[a];
        RG_IGRAPH(igraph_strvector_set(&s_src, vid[a],
                                       rg_i_id_discovered(actor->id)
                                           ? "discovered" : "dictionary"));
        const rg_tally_actor *ta = rg_i_tally_actor(t, a);
        const char *type = rg_i_type_name(actor->type);
        igraph_integer_t v = vid[a];
        RG_IGRAPH(igraph_strvector_set(&s_id, v, actor->id));
        RG_IGRAPH(igraph_strvector_set(&s_label, v,
                                       actor->label ? actor->label : ""));
        RG_IGRAPH(igraph_strvector_set(&s_type, v, type ? type : "other"));
        RG_IGRAPH(igraph_strvector_set(&s_qid, v, actor->qid ? actor->qid : ""));
        VECTOR(n_mentions)[v] = (double)ta->mentions;
        VECTOR(n_docs)[v] = (double)ta->documents;
    }
    int has_cooc = 0, has_rel = 0;
    for (igraph_integer_t i = 0; i < ne; i++) {
        const rg_tally_edge *e = order[i].e;
        if (e->kind == RG_KIND_RELATION)
            has_rel = 1;
        else
            has_cooc = 1;
        RG_IGRAPH(igraph_strvector_set(&s_kind, i, rg_i_kind_name(e->kind)));
        RG_IGRAPH(igraph_strvector_set(&s_rel, i, S_relation_name(e)));
        RG_IGRAPH(igraph_strvector_set(&s_ev, i, e->ev_text ? e->ev_text : ""));
        VECTOR(e_weight)[i] = (double)e->weight;
        VECTOR(e_docs)[i] = (double)e->documents;
    }

    RG_IGRAPH(SETVASV(&g, "id", &s_id));
    RG_IGRAPH(SETVASV(&g, "label", &s_label));
    RG_IGRAPH(SETVASV(&g, "type", &s_type));
    RG_IGRAPH(SETVASV(&g, "qid", &s_qid));
    RG_IGRAPH(SETVASV(&g, "source", &s_src));
    RG_IGRAPH(SETVANV(&g, "mentions", &n_mentions));
    RG_IGRAPH(SETVANV(&g, "documents", &n_docs));
    RG_IGRAPH(SETEASV(&g, "kind", &s_kind));
    RG_IGRAPH(SETEASV(&g, "relation", &s_rel));
    RG_IGRAPH(SETEANV(&g, "weight", &e_weight));
    RG_IGRAPH(SETEANV(&g, "edge_documents", &e_docs));
    RG_IGRAPH(SETEASV(&g, "evidence", &s_ev));
    /* verb lemma of a relation edge's first instance ("" for co-occurrence) */
    for (igraph_integer_t i = 0; i < ne; i++)
        RG_IGRAPH(SETEAS(&g, "verb", i,
                         order[i].e->ev_verb ? order[i].e->ev_verb : ""));

    net = rg_i_xcalloc(1, sizeof(*net));
    net->graph = g;
    have_graph = 0;   /* owned by net from here on */
    net->has_cooccurrence = has_cooc;
    net->has_relation = has_rel;
    st = rg_i_network_metrics(net);
    if (st != RG_OK)
        goto out;
    *out = net;
    net = NULL;

out:
    rg_network_free(net);
    if (have_graph)
        igraph_destroy(&g);
    if (have_ends)
        igraph_vector_int_destroy(&ends);
    igraph_strvector_t *svs[] = {&s_id,  &s_label, &s_type, &s_qid,
                                 &s_kind, &s_rel,  &s_ev, &s_src};
    for (int i = 0; i < have_sv; i++)
        igraph_strvector_destroy(svs[i]);
    igraph_vector_t *vs[] = {&n_mentions, &n_docs, &e_weight, &e_docs};
    for (int i = 0; i < have_v; i++)
        igraph_vector_destroy(vs[i]);
    free(order);
    free(nodes);
    free(vid);
    return st;
}

void rg_network_free(rg_network *net)
{
    if (!net)
        return;
    igraph_destroy(&net->graph);
    free(net);
}

size_t rg_network_node_count(const rg_network *net)
{
    return (size_t)igraph_vcount(&net->graph);
}

size_t rg_network_edge_count(const rg_network *net)
{
    return (size_t)igraph_ecount(&net->graph);
}

const char *rg_i_network_layers(const rg_network *n)
{
    if (n->has_relation)
        return n->has_cooccurrence ? "mixed" : "relation";
    return "co-occurrence";
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

/* igraph returns "" (strings) or NaN (numbers) for a missing attribute
 * and, with the ignoring warning handler, says nothing: a misspelt name
 * shows up as empty output, which the writer tests catch. */

const char *rg_i_node_str(const rg_network *n, const char *attr,
                          igraph_integer_t v)
{
    const char *s = VAS(&n->graph, attr, v);
    return s ? s : "";
}

double rg_i_node_num(const rg_network *n, const char *attr, igraph_integer_t v)
{
    return VAN(&n->graph, attr, v);
}

const char *rg_i_edge_str(const rg_network *n, const char *attr,
                          igraph_integer_t e)
{
    const char *s = EAS(&n->graph, attr, e);
    return s ? s : "";
}

double rg_i_edge_num(const rg_network *n, const char *attr, igraph_integer_t e)
{
    return EAN(&n->graph, attr, e);
}

int rg_i_edge_directed(const rg_network *n, igraph_integer_t e)
{
    return strcmp(rg_i_edge_str(n, "kind", e),
                  rg_i_kind_name(RG_KIND_RELATION)) == 0;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */
/* ------------------------------------------------------------------ */

static const struct {
    const char *name;
    rg_format fmt;
} S_formats[] = {
    {"dot", RG_FORMAT_DOT},
    {"gv", RG_FORMAT_DOT},
    {"graphml", RG_FORMAT_GRAPHML},
    {"gexf", RG_FORMAT_GEXF},
    {"json", RG_FORMAT_JSON},
    {"csv", RG_FORMAT_CSV},
    {"tally", RG_FORMAT_TALLY},
};

rg_format rg_format_from_name(const char *name)
{
    for (size_t i = 0; i < sizeof(S_formats) / sizeof(S_formats[0]); i++)
        if (strcmp(name, S_formats[i].name) == 0)
            return S_formats[i].fmt;
    return RG_FORMAT_NONE;
}

rg_format rg_format_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    /* ".graphml" alone is a hidden file without an extension. */
    if (!dot || dot == base)
        return RG_FORMAT_NONE;
    for (size_t i = 0; i < sizeof(S_formats) / sizeof(S_formats[0]); i++)
        if (strcasecmp(dot + 1, S_formats[i].name) == 0)
            return S_formats[i].fmt;
    return RG_FORMAT_NONE;
}

rg_status rg_network_write(const rg_network *net, rg_format fmt, FILE *out)
{
    switch (fmt) {
    case RG_FORMAT_DOT:
        return rg_network_write_dot(net, out);
    case RG_FORMAT_GRAPHML:
        return rg_network_write_graphml(net, out);
    case RG_FORMAT_GEXF:
        return rg_network_write_gexf(net, out);
    case RG_FORMAT_JSON:
        return rg_network_write_json(net, out);
    case RG_FORMAT_CSV:     /* two tables, two files */
    case RG_FORMAT_TALLY:   /* not a network */
    case RG_FORMAT_NONE:
        break;
    }
    return RG_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Numbers and text for the writers                                    */
/* ------------------------------------------------------------------ */

/* printf uses the C locale's decimal point; outputs must not depend on it
 * (a CLI that calls setlocale(LC_ALL, "") under de_DE would write "0,85"). */
static void S_point(char *buf)
{
    const char *dp = localeconv()->decimal_point;
    if (!dp || strcmp(dp, ".") == 0 || !*dp)
        return;
    char *p = strstr(buf, dp);
    if (!p)
        return;
    size_t n = strlen(dp);
    *p = '.';
    memmove(p + 1, p + n, strlen(p + n) + 1);
}

static const char *S_nonfinite(char buf[RG_NUMBUF], double x)
{
    if (isnan(x))
        return strcpy(buf, "NaN");
    return strcpy(buf, x > 0 ? "INF" : "-INF");
}

const char *rg_i_format_number(char buf[RG_NUMBUF], double x)
{
    if (!isfinite(x))
        return S_nonfinite(buf, x);
    if (x == 0)     /* also -0 */
        return strcpy(buf, "0");
    if (x == floor(x) && fabs(x) < 9007199254740992.0) {
        /* What "%.0f" prints for an integer below 2^53 (exact in a long
         * long; no decimal point to localise), without printf: counts and
         * degrees are most of the numbers the writers format. */
        long long v = (long long)x;
        unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
                                     : (unsigned long long)v;
        char digits[24], *dp = digits + sizeof(digits);
        *--dp = '\0';
        do
            *--dp = (char)('0' + u % 10);
        while ((u /= 10) > 0);
        if (v < 0)
            *--dp = '-';
        memcpy(buf, dp, (size_t)(digits + sizeof(digits) - dp));
        return buf;
    }
    snprintf(buf, RG_NUMBUF, "%.10g", x);
    S_point(buf);
    return buf;
}

const char *rg_i_format_fixed(char buf[RG_NUMBUF], double x, int decimals)
{
    if (!isfinite(x))
        return S_nonfinite(buf, x);
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    snprintf(buf, RG_NUMBUF, "%.*f", decimals, x);
    /* "-0.0000" for tiny negatives (round-off in a metric) reads as a sign
     * that is not there. */
    if (buf[0] == '-' && strspn(buf + 1, "0.,") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
    S_point(buf);
    return buf;
}

void rg_i_sanitize_text(rg_buf *out, const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s);
    /* Keep the buffer NUL-terminated even when nothing is added. */
    rg_i_buf_add(out, "", 0);
    while (len > 0) {
        /* A run of printable ASCII (and tab, LF, CR) is kept as it is. */
        size_t run = 0;
        while (run < len && ((p[run] >= 0x20 && p[run] < 0x80) || p[run] == '\t' ||
                             p[run] == '\n' || p[run] == '\r'))
            run++;
        if (run) {
            rg_i_buf_add(out, p, run);
            p += run;
            len -= run;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);
        if (n < 0) {
            /* One bad byte -> one replacement character, then resync. */
            c = 0xFFFD;
            n = 1;
        }
        int forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                        c == 0xFFFE || c == 0xFFFF;
        if (!forbidden) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(c, enc);
            rg_i_buf_add(out, enc, (size_t)m);
        }
        p += n;
        len -= (size_t)n;
    }
}
