/*
 * report.c — the centrality report: the most central actors by a metric,
 * with every node metric, the graph-level figures and the filters that
 * were applied, as a plain-text table (for a terminal or a mail), CSV (for
 * a spreadsheet), Markdown (for a wiki or an issue) or JSON (for a script).
 *
 *   Top 3 of 5 actors by PageRank (co-occurrence network: 5 nodes, 6 edges)
 *
 *   rank  actor        type    mentions  degree  strength  pagerank  ...
 *   ----  -----------  ------  --------  ------  --------  --------  ...
 *      1  Mark Rutte   person        12       3         7    0.3120  ...
 *
 *   Network: 5 nodes, 6 edges, density 0.6000; 1 component, ...
 *
 * Text columns are left-aligned and padded by display width (utf8proc's
 * character widths: "ü" is one column, "習" two), numbers right-aligned
 * with fixed decimals per column (pagerank, closeness, eigenvector and
 * clustering 4, betweenness 1, counts 0; strength 0 unless a weight is
 * fractional, then 2).  No line ends in a space.  CSV and JSON carry the
 * numbers in full (rg_i_format_number); CSV holds the table only, so that
 * every reader takes it as it is.
 */
#include "metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

/* Longer labels are cut with "…" so that one long name does not push every
 * number off the screen (text and Markdown; CSV and JSON keep them). */
#define S_MAX_LABEL 40

/* The columns.  `attr` NULL is the rank; `text`: shown in the text and
 * Markdown tables (CSV and JSON have them all). */
typedef struct S_col {
    const char *name;      /* header; "actor" is the label */
    const char *attr;
    int is_str;
    int decimals;          /* text and Markdown; -1 = 0 or 2 by content */
    int text;
} S_col;

static const S_col S_cols[] = {
    {"rank", NULL, 0, 0, 1},
    {"id", "id", 1, 0, 0},
    {"actor", "label", 1, 0, 1},
    {"type", "type", 1, 0, 1},
    {"mentions", "mentions", 0, 0, 1},
    {"documents", "documents", 0, 0, 0},
    {"degree", "degree", 0, 0, 1},
    {"strength", "strength", 0, -1, 1},
    {"pagerank", "pagerank", 0, 4, 1},
    {"betweenness", "betweenness", 0, 1, 1},
    {"closeness", "closeness", 0, 4, 1},
    {"eigenvector", "eigenvector", 0, 4, 1},
    {"clustering", "clustering", 0, 4, 1},
    {"kcore", "kcore", 0, 0, 1},
    {"community", "community", 0, 0, 1},
};
#define S_NCOLS (sizeof(S_cols) / sizeof(S_cols[0]))

static const char *const S_sort_keys[] = {
    "pagerank", "degree",     "strength", "betweenness", "closeness",
    "eigenvector", "clustering", "kcore", "mentions",    "documents",
    "label",    "id"};

int rg_report_sort_known(const char *name)
{
    for (size_t i = 0; i < sizeof(S_sort_keys) / sizeof(S_sort_keys[0]); i++)
        if (strcmp(name, S_sort_keys[i]) == 0)
            return 1;
    return 0;
}

void rg_report_options_init(rg_report_options *o)
{
    memset(o, 0, sizeof(*o));
    o->format = RG_REPORT_TEXT;
    o->top = 10;
    o->sort = "pagerank";
}

rg_report_format rg_report_format_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return RG_REPORT_TEXT;
    if (!strcasecmp(dot, ".csv"))
        return RG_REPORT_CSV;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown"))
        return RG_REPORT_MARKDOWN;
    if (!strcasecmp(dot, ".json"))
        return RG_REPORT_JSON;
    return RG_REPORT_TEXT;
}

/* ------------------------------------------------------------------ */
/* Order                                                               */
/* ------------------------------------------------------------------ */

typedef struct S_row {
    igraph_integer_t v;
    double key;          /* quantised metric, see S_cmp */
    const char *text;    /* label or id for a text sort, else NULL */
    const char *id;
} S_row;

/*
 * Metric descending (text ascending), ties by id.  Metrics are compared
 * quantised to 1e-9: actors in symmetric positions get values that differ
 * only in the last bits (by summation order), and those must count as ties
 * so that the order is the same on every machine.  Quantising (not
 * comparing with a tolerance) keeps the order transitive, as qsort
 * requires.  Unknown values (NaN) go last.
 */
static int S_cmp(const void *a, const void *b)
{
    const S_row *x = a, *y = b;
    if (x->text) {
        int c = strcmp(x->text, y->text);
        if (c)
            return c;
    } else if (x->key != y->key) {
        if (isnan(x->key) || isnan(y->key))
            return isnan(x->key) ? (isnan(y->key) ? 0 : 1) : -1;
        return x->key > y->key ? -1 : 1;
    }
    return strcmp(x->id, y->id);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */
/* ------------------------------------------------------------------ */

/* Display width of valid UTF-8 s. */
static size_t S_width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t w = 0;
    utf8proc_int32_t c;
    utf8proc_ssize_t n;
    while (*p && (n = utf8proc_iterate(p, -1, &c)) > 0) {
        int cw = utf8proc_charwidth(c);
        w += cw > 0 ? (size_t)cw : 0;
        p += n;
    }
    return w;
}

/* s as valid UTF-8 on one line (tabs and line breaks as spaces); cut to
 * S_MAX_LABEL columns with "…" when `cut`.  malloc'd. */
static char *S_cell_text(const char *s, int cut)
{
    rg_buf clean, out;
    rg_i_buf_init(&clean);
    rg_i_sanitize_text(&clean, s);
    for (size_t i = 0; i < clean.len; i++)
        if (clean.data[i] == '\t' || clean.data[i] == '\n' ||
            clean.data[i] == '\r')
            clean.data[i] = ' ';
    if (!cut || S_width(clean.data) <= S_MAX_LABEL)
        return clean.data;   /* sanitize left it NUL-terminated */
    rg_i_buf_init(&out);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)clean.data;
    size_t w = 0;
    utf8proc_int32_t c;
    utf8proc_ssize_t n;
    while (*p && (n = utf8proc_iterate(p, -1, &c)) > 0) {
        int cw = utf8proc_charwidth(c);
        size_t cwu = cw > 0 ? (size_t)cw : 0;
        if (w + cwu > S_MAX_LABEL - 1)   /* room for the ellipsis */
            break;
        rg_i_buf_add(&out, p, (size_t)n);
        w += cwu;
        p += n;
    }
    rg_i_buf_adds(&out, "\xE2\x80\xA6");   /* … */
    rg_i_buf_destroy(&clean);
    return out.data;
}

static double S_num(const rg_network *net, const char *attr, igraph_integer_t v)
{
    if (!igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return NAN;
    return rg_i_node_num(net, attr, v);
}

static const char *S_str(const rg_network *net, const char *attr,
                         igraph_integer_t v)
{
    if (!igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return "";
    return rg_i_node_str(net, attr, v);
}

/* ------------------------------------------------------------------ */
/* The report                                                          */
/* ------------------------------------------------------------------ */

typedef struct S_report {
    const rg_network *net;
    const rg_report_options *o;
    S_row *rows;
    size_t nv, ne, n;         /* nodes, edges, rows shown */
    int decimals[S_NCOLS];
    rg_i_figures fig;
    char title[256];
    char *lines[4];           /* the figures as sentences */
    size_t n_lines;
} S_report;

static const char *S_layers_text(const rg_network *net)
{
    const char *l = rg_i_network_layers(net);
    if (!strcmp(l, "mixed"))
        return "co-occurrence and relation network";
    if (!strcmp(l, "relation"))
        return "relation network";
    return "co-occurrence network";
}

static const char *S_layer_text(rg_layer layer)
{
    switch (layer) {
    case RG_LAYER_RELATIONS:
        return "relation layer (directed PageRank)";
    case RG_LAYER_ALL:
        return "co-occurrence and relation layers together";
    default:
        return "co-occurrence layer";
    }
}

static char *S_printf_line(rg_buf *b)
{
    char *s = b->data ? b->data : rg_i_xstrdup("");
    rg_i_buf_init(b);
    return s;
}

/* The figure sentences shared by the text and Markdown reports. */
static void S_figure_lines(S_report *r)
{
    const rg_i_figures *f = &r->fig;
    const rg_filter *flt = r->o->filter;
    char a[RG_NUMBUF], b[RG_NUMBUF];
    rg_buf l;
    rg_i_buf_init(&l);

    rg_i_buf_printf(&l, "Network: %zu node%s, %zu edge%s, density %s; "
                        "%zu component%s",
                    f->nodes, f->nodes == 1 ? "" : "s", f->edges,
                    f->edges == 1 ? "" : "s", rg_i_format_fixed(a, f->density, 4),
                    f->components, f->components == 1 ? "" : "s");
    if (f->nodes > 0)
        rg_i_buf_printf(&l, ", the largest with %s%% of the nodes",
                        rg_i_format_fixed(b, 100 * f->largest_share, 1));
    r->lines[r->n_lines++] = S_printf_line(&l);

    rg_i_buf_printf(&l, "Communities (Louvain): %zu, modularity %s",
                    f->communities,
                    isnan(f->modularity) ? "n/a (no ties)"
                                         : rg_i_format_fixed(a, f->modularity, 4));
    r->lines[r->n_lines++] = S_printf_line(&l);

    rg_i_buf_printf(&l, "Metrics on the %s: %zu of %zu edges, %zu tie%s "
                        "(tie length 1/weight for betweenness and closeness)",
                    S_layer_text(f->layer), f->layer_edges, f->edges, f->ties,
                    f->ties == 1 ? "" : "s");
    r->lines[r->n_lines++] = S_printf_line(&l);

    rg_i_buf_adds(&l, "Filters: ");
    int any = 0;
    if (flt && flt->layer != RG_LAYER_AUTO) {
        rg_i_buf_printf(&l, "layer %s", rg_layer_name(flt->layer));
        any = 1;
    }
    if (flt && flt->min_weight > 0) {
        rg_i_buf_printf(&l, "%sweight >= %s", any ? ", " : "",
                        rg_i_format_number(a, flt->min_weight));
        any = 1;
    }
    if (flt && flt->min_mentions > 0) {
        rg_i_buf_printf(&l, "%smentions >= %s", any ? ", " : "",
                        rg_i_format_number(a, flt->min_mentions));
        any = 1;
    }
    if (flt && flt->types) {
        char *t = S_cell_text(flt->types, 0);
        rg_i_buf_printf(&l, "%stypes %s", any ? ", " : "", t);
        free(t);
        any = 1;
    }
    if (flt && flt->drop_isolates) {
        rg_i_buf_printf(&l, "%sactors without edges dropped", any ? ", " : "");
        any = 1;
    }
    if (any)
        rg_i_buf_printf(&l, " (removed %zu actor%s and %zu edge%s)",
                        f->removed_nodes, f->removed_nodes == 1 ? "" : "s",
                        f->removed_edges, f->removed_edges == 1 ? "" : "s");
    else
        rg_i_buf_adds(&l, "none");
    r->lines[r->n_lines++] = S_printf_line(&l);
}

static void S_prepare(S_report *r, const rg_network *net,
                      const rg_report_options *o)
{
    memset(r, 0, sizeof(*r));
    r->net = net;
    r->o = o;
    r->nv = rg_network_node_count(net);
    r->ne = rg_network_edge_count(net);
    r->n = o->top == 0 || o->top > r->nv ? r->nv : o->top;
    r->rows = rg_i_xcalloc(r->nv ? r->nv : 1, sizeof(*r->rows));
    int text = !strcmp(o->sort, "label") || !strcmp(o->sort, "id");
    for (size_t i = 0; i < r->nv; i++) {
        igraph_integer_t v = (igraph_integer_t)i;
        S_row *row = &r->rows[i];
        row->v = v;
        row->id = S_str(net, "id", v);
        if (text) {
            row->text = S_str(net, o->sort, v);
        } else {
            double x = S_num(net, o->sort, v);
            row->key = isfinite(x) ? round(x * 1e9) : x == INFINITY ? x : NAN;
        }
    }
    if (r->nv > 1)
        qsort(r->rows, r->nv, sizeof(*r->rows), S_cmp);

    for (size_t c = 0; c < S_NCOLS; c++) {
        r->decimals[c] = S_cols[c].decimals;
        if (r->decimals[c] >= 0)
            continue;
        r->decimals[c] = 0;
        for (size_t i = 0; i < r->n; i++) {
            double x = S_num(net, S_cols[c].attr, r->rows[i].v);
            if (isfinite(x) && x != floor(x))
                r->decimals[c] = 2;
        }
    }

    const char *by = !strcmp(o->sort, "pagerank") ? "PageRank" : o->sort;
    if (r->n < r->nv)
        snprintf(r->title, sizeof(r->title), "Top %zu of %zu actors by %s",
                 r->n, r->nv, by);
    else
        snprintf(r->title, sizeof(r->title), "%zu actor%s by %s", r->nv,
                 r->nv == 1 ? "" : "s", by);
    rg_i_network_figures(net, &r->fig);
    S_figure_lines(r);
}

static void S_release(S_report *r)
{
    free(r->rows);
    for (size_t i = 0; i < r->n_lines; i++)
        free(r->lines[i]);
}

/* The cell of column c in report row i (0-based), for text and Markdown;
 * malloc'd. */
static char *S_cell(const S_report *r, size_t c, size_t i)
{
    char num[RG_NUMBUF];
    igraph_integer_t v = r->rows[i].v;
    if (!S_cols[c].attr) {
        snprintf(num, sizeof(num), "%zu", i + 1);
        return rg_i_xstrdup(num);
    }
    if (S_cols[c].is_str)
        return S_cell_text(S_str(r->net, S_cols[c].attr, v), 1);
    double x = S_num(r->net, S_cols[c].attr, v);
    if (isnan(x))
        return rg_i_xstrdup("-");
    return rg_i_xstrdup(rg_i_format_fixed(num, x, r->decimals[c]));
}

static void S_pad(rg_buf *b, size_t n)
{
    while (n--)
        rg_i_buf_addc(b, ' ');
}

static void S_text(const S_report *r, rg_buf *b)
{
    size_t ncols = 0, cols[S_NCOLS];
    for (size_t c = 0; c < S_NCOLS; c++)
        if (S_cols[c].text)
            cols[ncols++] = c;
    char **cells = rg_i_xcalloc((r->n + 1) * ncols, sizeof(*cells));
    size_t widths[S_NCOLS] = {0};
    for (size_t k = 0; k < ncols; k++) {
        cells[k] = rg_i_xstrdup(S_cols[cols[k]].name);
        for (size_t i = 0; i < r->n; i++)
            cells[(i + 1) * ncols + k] = S_cell(r, cols[k], i);
        for (size_t i = 0; i <= r->n; i++) {
            size_t w = S_width(cells[i * ncols + k]);
            if (w > widths[k])
                widths[k] = w;
        }
    }

    rg_i_buf_printf(b, "%s (%s: %zu node%s, %zu edge%s)\n\n", r->title,
                    S_layers_text(r->net), r->nv, r->nv == 1 ? "" : "s", r->ne,
                    r->ne == 1 ? "" : "s");
    for (size_t i = 0; i <= r->n; i++) {
        for (size_t k = 0; k < ncols; k++) {
            const char *cell = cells[i * ncols + k];
            size_t w = S_width(cell);
            size_t pad = widths[k] > w ? widths[k] - w : 0;
            int left = S_cols[cols[k]].is_str;
            if (k > 0)
                rg_i_buf_adds(b, "  ");
            if (!left)
                S_pad(b, pad);
            rg_i_buf_adds(b, cell);
            if (left && k + 1 < ncols)
                S_pad(b, pad);
        }
        rg_i_buf_addc(b, '\n');
        if (i == 0) {
            for (size_t k = 0; k < ncols; k++) {
                if (k > 0)
                    rg_i_buf_adds(b, "  ");
                for (size_t j = 0; j < widths[k]; j++)
                    rg_i_buf_addc(b, '-');
            }
            rg_i_buf_addc(b, '\n');
        }
    }
    rg_i_buf_addc(b, '\n');
    for (size_t i = 0; i < r->n_lines; i++)
        rg_i_buf_printf(b, "%s\n", r->lines[i]);
    for (size_t i = 0; i < (r->n + 1) * ncols; i++)
        free(cells[i]);
    free(cells);
}

/* Markdown: escapes what would end a cell or start inline markup. */
static void S_md_escape(rg_buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\|*_`[]<>#~", *s))
            rg_i_buf_addc(b, '\\');
        rg_i_buf_addc(b, *s);
    }
}

static void S_markdown(const S_report *r, rg_buf *b)
{
    rg_i_buf_printf(b, "**%s** (%s: %zu node%s, %zu edge%s)\n\n", r->title,
                    S_layers_text(r->net), r->nv, r->nv == 1 ? "" : "s", r->ne,
                    r->ne == 1 ? "" : "s");
    for (size_t c = 0; c < S_NCOLS; c++)
        if (S_cols[c].text)
            rg_i_buf_printf(b, "| %s ", S_cols[c].name);
    rg_i_buf_adds(b, "|\n");
    for (size_t c = 0; c < S_NCOLS; c++)
        if (S_cols[c].text)
            rg_i_buf_adds(b, S_cols[c].is_str ? "| :--- " : "| ---: ");
    rg_i_buf_adds(b, "|\n");
    for (size_t i = 0; i < r->n; i++) {
        for (size_t c = 0; c < S_NCOLS; c++) {
            if (!S_cols[c].text)
                continue;
            char *cell = S_cell(r, c, i);
            rg_i_buf_adds(b, "| ");
            S_md_escape(b, cell);
            rg_i_buf_addc(b, ' ');
            free(cell);
        }
        rg_i_buf_adds(b, "|\n");
    }
    rg_i_buf_addc(b, '\n');
    for (size_t i = 0; i < r->n_lines; i++) {
        rg_i_buf_adds(b, "- ");
        S_md_escape(b, r->lines[i]);
        rg_i_buf_addc(b, '\n');
    }
}

/* CSV (RFC 4180): a field with a comma, a quote or a line break is quoted,
 * quotes doubled.  Unknown numbers are empty fields. */
static void S_csv_field(rg_buf *b, const char *s)
{
    rg_buf clean;
    rg_i_buf_init(&clean);
    rg_i_sanitize_text(&clean, s);
    if (strpbrk(clean.data, ",\"\r\n")) {
        rg_i_buf_addc(b, '"');
        for (const char *p = clean.data; *p; p++) {
            if (*p == '"')
                rg_i_buf_addc(b, '"');
            rg_i_buf_addc(b, *p);
        }
        rg_i_buf_addc(b, '"');
    } else {
        rg_i_buf_adds(b, clean.data);
    }
    rg_i_buf_destroy(&clean);
}

static const char *S_full(char buf[RG_NUMBUF], double x)
{
    return isfinite(x) ? rg_i_format_number(buf, x) : NULL;
}

static void S_csv(const S_report *r, rg_buf *b)
{
    char num[RG_NUMBUF];
    for (size_t c = 0; c < S_NCOLS; c++)
        rg_i_buf_printf(b, "%s%s", c ? "," : "",
                        S_cols[c].attr && S_cols[c].is_str ? S_cols[c].attr
                                                           : S_cols[c].name);
    rg_i_buf_addc(b, '\n');
    for (size_t i = 0; i < r->n; i++) {
        igraph_integer_t v = r->rows[i].v;
        for (size_t c = 0; c < S_NCOLS; c++) {
            if (c)
                rg_i_buf_addc(b, ',');
            if (!S_cols[c].attr) {
                rg_i_buf_printf(b, "%zu", i + 1);
            } else if (S_cols[c].is_str) {
                S_csv_field(b, S_str(r->net, S_cols[c].attr, v));
            } else {
                const char *s = S_full(num, S_num(r->net, S_cols[c].attr, v));
                rg_i_buf_adds(b, s ? s : "");
            }
        }
        rg_i_buf_addc(b, '\n');
    }
}

static void S_json_string(rg_buf *b, const char *s)
{
    rg_buf clean;
    rg_i_buf_init(&clean);
    rg_i_sanitize_text(&clean, s);
    rg_i_buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)clean.data; *p; p++) {
        if (*p == '"' || *p == '\\')
            rg_i_buf_printf(b, "\\%c", *p);
        else if (*p == '\n')
            rg_i_buf_adds(b, "\\n");
        else if (*p == '\t')
            rg_i_buf_adds(b, "\\t");
        else if (*p == '\r')
            rg_i_buf_adds(b, "\\r");
        else if (*p < 0x20)
            rg_i_buf_printf(b, "\\u%04x", *p);
        else
            rg_i_buf_addc(b, (char)*p);
    }
    rg_i_buf_addc(b, '"');
    rg_i_buf_destroy(&clean);
}

static void S_json_number(rg_buf *b, double x)
{
    char num[RG_NUMBUF];
    const char *s = S_full(num, x);
    rg_i_buf_adds(b, s ? s : "null");
}

static void S_json(const S_report *r, rg_buf *b)
{
    const rg_i_figures *f = &r->fig;
    const rg_filter *flt = r->o->filter;
    rg_i_buf_adds(b, "{\n  \"title\": ");
    S_json_string(b, r->title);
    rg_i_buf_adds(b, ",\n  \"sort\": ");
    S_json_string(b, r->o->sort);
    rg_i_buf_printf(b, ",\n  \"graph\": {\"nodes\": %zu, \"edges\": %zu, "
                       "\"layer\": \"%s\", \"layer_edges\": %zu, \"ties\": %zu, "
                       "\"density\": ",
                    f->nodes, f->edges, rg_layer_name(f->layer), f->layer_edges,
                    f->ties);
    S_json_number(b, f->density);
    rg_i_buf_printf(b, ", \"components\": %zu, \"largest_component_share\": ",
                    f->components);
    S_json_number(b, f->largest_share);
    rg_i_buf_printf(b, ", \"communities\": %zu, \"modularity\": ",
                    f->communities);
    S_json_number(b, f->modularity);
    rg_i_buf_printf(b, "},\n  \"filters\": {\"layer\": \"%s\", \"min_weight\": ",
                    rg_layer_name(flt ? flt->layer : RG_LAYER_AUTO));
    S_json_number(b, flt ? flt->min_weight : 0);
    rg_i_buf_adds(b, ", \"min_mentions\": ");
    S_json_number(b, flt ? flt->min_mentions : 0);
    rg_i_buf_adds(b, ", \"types\": ");
    if (flt && flt->types) {
        char *copy = rg_i_xstrdup(flt->types), *save = NULL;
        int first = 1;
        rg_i_buf_addc(b, '[');
        for (char *t = strtok_r(copy, ",", &save); t;
             t = strtok_r(NULL, ",", &save), first = 0) {
            if (!first)
                rg_i_buf_adds(b, ", ");
            S_json_string(b, t);
        }
        rg_i_buf_addc(b, ']');
        free(copy);
    } else {
        rg_i_buf_adds(b, "null");
    }
    rg_i_buf_printf(b, ", \"drop_isolates\": %s, \"removed_nodes\": %zu, "
                       "\"removed_edges\": %zu},\n  \"actors\": [",
                    flt && flt->drop_isolates ? "true" : "false",
                    f->removed_nodes, f->removed_edges);
    for (size_t i = 0; i < r->n; i++) {
        igraph_integer_t v = r->rows[i].v;
        rg_i_buf_adds(b, i ? ",\n    {" : "\n    {");
        for (size_t c = 0; c < S_NCOLS; c++) {
            const char *key = S_cols[c].attr && S_cols[c].is_str
                                  ? S_cols[c].attr
                                  : S_cols[c].name;
            rg_i_buf_printf(b, "%s\"%s\": ", c ? ", " : "", key);
            if (!S_cols[c].attr)
                rg_i_buf_printf(b, "%zu", i + 1);
            else if (S_cols[c].is_str)
                S_json_string(b, S_str(r->net, S_cols[c].attr, v));
            else
                S_json_number(b, S_num(r->net, S_cols[c].attr, v));
        }
        rg_i_buf_addc(b, '}');
    }
    rg_i_buf_adds(b, r->n ? "\n  ]\n}\n" : "]\n}\n");
}

rg_status rg_report_write(const rg_network *net, const rg_report_options *o,
                          FILE *out)
{
    rg_status st = RG_OK;
    S_report r;
    rg_buf b;
    if (!o->sort || !rg_report_sort_known(o->sort))
        return RG_EINVAL;
    S_prepare(&r, net, o);
    rg_i_buf_init(&b);
    switch (o->format) {
    case RG_REPORT_CSV:
        S_csv(&r, &b);
        break;
    case RG_REPORT_MARKDOWN:
        S_markdown(&r, &b);
        break;
    case RG_REPORT_JSON:
        S_json(&r, &b);
        break;
    default:
        S_text(&r, &b);
        break;
    }
    if ((b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len) ||
        fflush(out) != 0 || ferror(out))
        st = RG_EIO;
    rg_i_buf_destroy(&b);
    S_release(&r);
    return st;
}

rg_status rg_network_write_report(const rg_network *net, size_t top,
                                  FILE *out)
{
    rg_report_options o;
    rg_report_options_init(&o);
    o.top = top;
    return rg_report_write(net, &o, out);
}
