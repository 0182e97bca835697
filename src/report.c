/*
 * report.c — the centrality report: a plain-text table of the most central
 * actors by PageRank, for reading in a terminal or pasting into a mail.
 *
 *   Top 3 of 5 actors by PageRank (co-occurrence network: 5 nodes, 6 edges)
 *
 *   rank  actor        type    mentions  degree  strength  pagerank  betweenness
 *   ----  -----------  ------  --------  ------  --------  --------  -----------
 *      1  Mark Rutte   person        12       3         7    0.3120          2.0
 *
 * Text columns are left-aligned and padded by display width (utf8proc's
 * character widths: "ü" is one column, "習" two), numbers right-aligned
 * with fixed decimals: strength 0 (it sums instance counts), pagerank 4,
 * betweenness 1.  No line ends in a space.
 */
#include "network.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Longer labels are cut with "…" so that one long name does not push every
 * number off the screen. */
#define S_MAX_LABEL 40

enum { S_RANK, S_ACTOR, S_TYPE, S_MENTIONS, S_DEGREE, S_STRENGTH,
       S_PAGERANK, S_BETWEENNESS, S_NCOLS };

static const char *const S_headers[S_NCOLS] = {
    "rank", "actor", "type", "mentions", "degree", "strength", "pagerank",
    "betweenness"};

/* Left-aligned (text) or right-aligned (numbers). */
static const int S_left[S_NCOLS] = {0, 1, 1, 0, 0, 0, 0, 0};

typedef struct S_row {
    igraph_integer_t v;
    long long key;       /* PageRank, quantised: see S_cmp */
    const char *id;
} S_row;

/*
 * PageRank descending, ties by id.  PageRank is compared at 1e-9: actors
 * in symmetric positions get values that differ only in the last bits (by
 * summation order), and those must count as ties so that the order is the
 * same on every machine.  Quantising (not comparing with a tolerance)
 * keeps the order transitive, as qsort requires.
 */
static int S_cmp(const void *a, const void *b)
{
    const S_row *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return strcmp(x->id, y->id);
}

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

/* s as one table cell: valid UTF-8, line breaks and tabs as spaces, at most
 * S_MAX_LABEL columns. */
static char *S_cell_text(const char *s)
{
    rg_buf clean, out;
    rg_i_buf_init(&clean);
    rg_i_sanitize_text(&clean, s);
    for (size_t i = 0; i < clean.len; i++)
        if (clean.data[i] == '\t' || clean.data[i] == '\n' ||
            clean.data[i] == '\r')
            clean.data[i] = ' ';
    if (S_width(clean.data) <= S_MAX_LABEL)
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

static void S_pad(rg_buf *b, size_t n)
{
    while (n--)
        rg_i_buf_addc(b, ' ');
}

/* Appends one table line of cells (widths[] in display columns). */
static void S_line(rg_buf *b, char *const cells[S_NCOLS],
                   const size_t widths[S_NCOLS])
{
    for (int c = 0; c < S_NCOLS; c++) {
        size_t w = S_width(cells[c]);
        size_t pad = widths[c] > w ? widths[c] - w : 0;
        if (c > 0)
            rg_i_buf_adds(b, "  ");
        if (!S_left[c])
            S_pad(b, pad);
        rg_i_buf_adds(b, cells[c]);
        if (S_left[c] && c + 1 < S_NCOLS)
            S_pad(b, pad);
    }
    rg_i_buf_addc(b, '\n');
}

static const char *S_layers_text(const rg_network *net)
{
    const char *l = rg_i_network_layers(net);
    if (!strcmp(l, "mixed"))
        return "co-occurrence and relation network";
    if (!strcmp(l, "relation"))
        return "relation network";
    return "co-occurrence network";
}

rg_status rg_network_write_report(const rg_network *net, size_t top,
                                  FILE *out)
{
    rg_status st = RG_OK;
    size_t nv = rg_network_node_count(net);
    size_t ne = rg_network_edge_count(net);
    size_t n = top == 0 || top > nv ? nv : top;
    S_row *rows = rg_i_xcalloc(nv, sizeof(*rows));
    char **cells = rg_i_xcalloc((n + 1) * S_NCOLS, sizeof(*cells));
    size_t widths[S_NCOLS];
    char num[RG_NUMBUF];
    rg_buf b;
    rg_i_buf_init(&b);

    for (size_t i = 0; i < nv; i++) {
        igraph_integer_t v = (igraph_integer_t)i;
        double pr = rg_i_node_num(net, "pagerank", v);
        rows[i].v = v;
        rows[i].key = isfinite(pr) ? llround(pr * 1e9) : LLONG_MIN;
        rows[i].id = rg_i_node_str(net, "id", v);
    }
    if (nv > 1)
        qsort(rows, nv, sizeof(*rows), S_cmp);

    /* Row 0 holds the headers; every cell is a malloc'd string. */
    for (int c = 0; c < S_NCOLS; c++)
        cells[c] = rg_i_xstrdup(S_headers[c]);
    for (size_t r = 0; r < n; r++) {
        igraph_integer_t v = rows[r].v;
        char **row = &cells[(r + 1) * S_NCOLS];
        snprintf(num, sizeof(num), "%zu", r + 1);
        row[S_RANK] = rg_i_xstrdup(num);
        row[S_ACTOR] = S_cell_text(rg_i_node_str(net, "label", v));
        row[S_TYPE] = S_cell_text(rg_i_node_str(net, "type", v));
        row[S_MENTIONS] = rg_i_xstrdup(
            rg_i_format_fixed(num, rg_i_node_num(net, "mentions", v), 0));
        row[S_DEGREE] = rg_i_xstrdup(
            rg_i_format_fixed(num, rg_i_node_num(net, "degree", v), 0));
        row[S_STRENGTH] = rg_i_xstrdup(
            rg_i_format_fixed(num, rg_i_node_num(net, "strength", v), 0));
        row[S_PAGERANK] = rg_i_xstrdup(
            rg_i_format_fixed(num, rg_i_node_num(net, "pagerank", v), 4));
        row[S_BETWEENNESS] = rg_i_xstrdup(
            rg_i_format_fixed(num, rg_i_node_num(net, "betweenness", v), 1));
    }
    for (int c = 0; c < S_NCOLS; c++) {
        widths[c] = 0;
        for (size_t r = 0; r <= n; r++) {
            size_t w = S_width(cells[r * S_NCOLS + c]);
            if (w > widths[c])
                widths[c] = w;
        }
    }

    if (n < nv)
        rg_i_buf_printf(&b, "Top %zu of %zu actors", n, nv);
    else
        rg_i_buf_printf(&b, "%zu actor%s", nv, nv == 1 ? "" : "s");
    rg_i_buf_printf(&b, " by PageRank (%s: %zu node%s, %zu edge%s)\n\n",
                    S_layers_text(net), nv, nv == 1 ? "" : "s", ne,
                    ne == 1 ? "" : "s");
    S_line(&b, cells, widths);
    for (int c = 0; c < S_NCOLS; c++) {
        if (c > 0)
            rg_i_buf_adds(&b, "  ");
        for (size_t i = 0; i < widths[c]; i++)
            rg_i_buf_addc(&b, '-');
    }
    rg_i_buf_addc(&b, '\n');
    if (fwrite(b.data, 1, b.len, out) != b.len) {
        st = RG_EIO;
        goto out;
    }
    for (size_t r = 1; r <= n; r++) {
        rg_i_buf_reset(&b);
        S_line(&b, &cells[r * S_NCOLS], widths);
        if (fwrite(b.data, 1, b.len, out) != b.len) {
            st = RG_EIO;
            goto out;
        }
    }
    if (fflush(out) != 0 || ferror(out))
        st = RG_EIO;

out:
    for (size_t i = 0; i < (n + 1) * S_NCOLS; i++)
        free(cells[i]);
    free(cells);
    free(rows);
    rg_i_buf_destroy(&b);
    return st;
}
