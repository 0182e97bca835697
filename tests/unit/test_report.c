/*
 * test_report.c — the centrality report: title line, top N, order by
 * PageRank with ties by id, columns aligned by display width (umlauts,
 * CJK, emoji), long labels cut, write errors.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "dict.h"
#include "network.h"
#include "relations.h"
#include "support.h"
#include "tally.h"

typedef struct S_spec {
    const char *id, *label, *qid;
    int type;
} S_spec;

static rg_dict *S_hand_dict(const S_spec *spec, size_t n)
{
    rg_dict *d = calloc(1, sizeof(*d));
    d->actors = calloc(n, sizeof(*d->actors));
    for (size_t i = 0; i < n; i++) {
        d->actors[i].id = strdup(spec[i].id);
        d->actors[i].label = strdup(spec[i].label);
        d->actors[i].qid = strdup(spec[i].qid);
        d->actors[i].type = (uint8_t)spec[i].type;
    }
    d->n_actors = d->cap_actors = n;
    d->finished = 1;
    return d;
}

static void S_hand_dict_free(rg_dict *d)
{
    for (size_t i = 0; i < d->n_actors; i++) {
        free(d->actors[i].id);
        free(d->actors[i].label);
        free(d->actors[i].qid);
    }
    free(d->actors);
    free(d);
}

static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, kind ? 1 : 0, 0, "doc.txt",
                        0, 0, 1, "x", 1);
}

#define S_LONG "Ein sehr langer Name, der nicht in eine Spalte passt, " \
               "wirklich nicht"

/* A star around "mitte" (Müller) with three leaves that tie on PageRank:
 * "cjk" (習近平), "emoji", "zz" (a long label); "ohne" is never mentioned. */
static const S_spec S_actors[] = {
    {"cjk", "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3", "", RG_TYPE_PERSON},
    {"emoji", "Party \xF0\x9F\x8E\x89", "", RG_TYPE_ORGANIZATION},
    {"mitte", "M\xC3\xBCller-L\xC3\xBC\xC3\x9F" "en", "Q5", RG_TYPE_COUNTRY},
    {"ohne", "Niemand", "", RG_TYPE_OTHER},
    {"zz", S_LONG, "", RG_TYPE_LOCATION},
};

static rg_network *S_star(rg_dict **pd)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    uint32_t mentioned[] = {0, 1, 2, 4};
    for (size_t i = 0; i < 4; i++)
        rg_i_tally_mention(t, mentioned[i], 0);
    rg_i_tally_mention(t, 2, 1);
    S_rel(t, 0, 2, RG_KIND_COOCCURRENCE);
    S_rel(t, 1, 2, RG_KIND_COOCCURRENCE);
    S_rel(t, 2, 4, RG_KIND_COOCCURRENCE);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

static char *S_report(const rg_network *net, size_t top)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_report(net, top, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    return buf;
}

/* Splits text into at most max lines (in place); returns the count. */
static size_t S_lines(char *text, char **lines, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l && n < max;
         l = strtok_r(NULL, "\n", &save))
        lines[n++] = l;
    return n;
}

/* Display width of the first n bytes of s. */
static size_t S_width(const char *s, size_t n)
{
    size_t w = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (n > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
        cr_assert_gt(k, 0, "invalid UTF-8 in report");
        int cw = utf8proc_charwidth(c);
        w += cw > 0 ? (size_t)cw : 0;
        p += k;
        n -= (size_t)k;
    }
    return w;
}

/* Display column at which `word` starts in line. */
static size_t S_col(const char *line, const char *word)
{
    const char *p = strstr(line, word);
    cr_assert_not_null(p, "no %s in: %s", word, line);
    return S_width(line, (size_t)(p - line));
}

Test(report, all_actors_aligned)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    char *out = S_report(net, 0);
    char *copy = strdup(out);
    char *l[16];
    size_t n = S_lines(copy, l, 16);
    cr_assert_eq(n, 7, "%s", out);   /* title, header, rule, 4 actors */
    cr_assert_str_eq(l[0], "4 actors by PageRank (co-occurrence network: "
                           "4 nodes, 3 edges)");
    cr_assert(strstr(out, "edges)\n\nrank"), "blank line after the title");
    cr_assert(strncmp(l[1], "rank  actor", 11) == 0, "%s", l[1]);
    cr_assert(strncmp(l[2], "----  -----", 11) == 0, "%s", l[2]);

    /* the centre first, then the tied leaves by id */
    cr_assert(strstr(l[3], "M\xC3\xBCller-L\xC3\xBC\xC3\x9F" "en"), "%s", l[3]);
    cr_assert(strstr(l[4], "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3"), "%s", l[4]);
    cr_assert(strstr(l[5], "Party"), "%s", l[5]);
    cr_assert(strstr(l[6], "Ein sehr langer"), "%s", l[6]);
    cr_assert(strncmp(l[3], "   1  ", 6) == 0, "%s", l[3]);
    cr_assert(strncmp(l[6], "   4  ", 6) == 0, "%s", l[6]);

    /* every line of the table has the same display width, and the type
     * column starts at the same display column after umlauts, CJK and an
     * emoji */
    size_t w = S_width(l[1], strlen(l[1]));
    for (size_t i = 2; i < n; i++)
        cr_assert_eq(S_width(l[i], strlen(l[i])), w, "line %zu: %s", i, l[i]);
    size_t type_col = S_col(l[1], "type");
    cr_assert_eq(S_col(l[3], "country"), type_col, "%s", l[3]);
    cr_assert_eq(S_col(l[4], "person"), type_col, "%s", l[4]);
    cr_assert_eq(S_col(l[5], "organization"), type_col, "%s", l[5]);
    cr_assert_eq(S_col(l[6], "location"), type_col, "%s", l[6]);
    for (size_t i = 0; i < n; i++)
        cr_assert_neq(l[i][strlen(l[i]) - 1], ' ', "trailing space: %s", l[i]);

    /* the long label is cut to 40 columns with an ellipsis */
    cr_assert_null(strstr(out, "wirklich"));
    cr_assert(strstr(l[6], "\xE2\x80\xA6"), "%s", l[6]);

    /* numbers: mentions, degree, strength, pagerank %.4f, betweenness %.1f */
    char pr[RG_NUMBUF];
    rg_i_format_fixed(pr, rg_i_node_num(net, "pagerank", 2), 4);
    char want[512];
    snprintf(want, sizeof(want), "country              2       3         3    %s"
             "          3.0", pr);
    cr_assert(strstr(l[3], want), "%s\nwant: %s", l[3], want);
    cr_assert(strstr(l[4], "person               1       1         1"),
              "%s", l[4]);
    cr_assert(strstr(l[4], "          0.0"), "%s", l[4]);

    free(copy);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, top_n)
{
    rg_dict *d;
    rg_network *net = S_star(&d);
    char *out = S_report(net, 2);
    char *copy = strdup(out);
    char *l[16];
    size_t n = S_lines(copy, l, 16);
    cr_assert_eq(n, 5, "%s", out);
    cr_assert_str_eq(l[0], "Top 2 of 4 actors by PageRank (co-occurrence "
                           "network: 4 nodes, 3 edges)");
    cr_assert(strstr(l[3], "M\xC3\xBCller"));
    cr_assert(strstr(l[4], "\xE7\xBF\x92"));
    free(copy);
    free(out);

    /* more than there are: all of them */
    out = S_report(net, 100);
    cr_assert(strncmp(out, "4 actors by PageRank", 20) == 0, "%s", out);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(report, relation_network_and_empty)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    char *out = S_report(net, 10);
    cr_assert(strncmp(out, "0 actors by PageRank (co-occurrence network: "
                           "0 nodes, 0 edges)\n\nrank",
                      60) == 0,
              "%s", out);
    free(out);
    rg_network_free(net);

    rg_i_tally_mention(t, 0, 0);
    rg_i_tally_mention(t, 1, 0);
    S_rel(t, 1, 0, RG_KIND_RELATION);
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    out = S_report(net, 1);
    cr_assert(strncmp(out, "Top 1 of 2 actors by PageRank (relation network: "
                           "2 nodes, 1 edge)\n",
                      65) == 0,
              "%s", out);
    free(out);
    rg_network_free(net);

    S_rel(t, 0, 1, RG_KIND_COOCCURRENCE);
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    out = S_report(net, 0);
    cr_assert(strstr(out, "(co-occurrence and relation network: 2 nodes, "
                          "2 edges)\n"),
              "%s", out);
    free(out);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(d);
}

Test(report, write_error_is_eio)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    rg_dict *d;
    rg_network *net = S_star(&d);
    cr_assert_eq(rg_network_write_report(net, 0, f), RG_EIO);
    fclose(f);
    rg_network_free(net);
    S_hand_dict_free(d);
}
