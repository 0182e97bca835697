/*
 * test_write_dot.c — the DOT writer: statements in network order, quoting
 * of ids and labels, co-occurrence edges undirected, relation edges
 * labelled, write errors reported, and Graphviz reading the file silently.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "support_hand_dict.h"
#include "network.h"
#include "relations.h"
#include "support.h"
#include "tally.h"


static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind, int rel,
                  const char *text)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, (uint16_t)rel, 0, "doc.txt",
                        0, 0, strlen(text), text, strlen(text));
}

static const S_spec S_actors[] = {
    {"anna", "Anna \"die Gro\xC3\x9F" "e\" \\N\nZeile\x01 2\tx", "Q1",
     RG_TYPE_PERSON},
    {"bank", "M\xC3\xBCller & S\xC3\xB6hne <GmbH>", "", RG_TYPE_ORGANIZATION},
    {"korea", "Nordkorea", "Q423", RG_TYPE_COUNTRY},
    {"xi", "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3", "", RG_TYPE_OTHER},
    {"zeit", "ohne Erw\xC3\xA4hnung", "", RG_TYPE_LOCATION},
};

/* anna-bank co-occurrence (3), anna->korea relation 2 (1),
 * bank-xi co-occurrence (1); zeit is never mentioned. */
static rg_network *S_network(rg_dict **pd)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    for (uint32_t a = 0; a < 4; a++)
        rg_i_tally_mention(t, a, 0);
    for (int i = 0; i < 3; i++)
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "Anna und die Bank.");
    S_rel(t, 0, 2, RG_KIND_RELATION, 2, "Anna warnt Nordkorea.");
    S_rel(t, 1, 3, RG_KIND_COOCCURRENCE, 0, "Bank und Xi.");
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

static char *S_write(const rg_network *net)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_dot(net, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    return buf;
}

/* The line of `text` that contains `needle`, as a malloc'd string. */
static char *S_line_with(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    cr_assert_not_null(p, "no line with %s in:\n%s", needle, text);
    const char *s = p, *e = strchr(p, '\n');
    while (s > text && s[-1] != '\n')
        s--;
    return strndup(s, e ? (size_t)(e - s) : strlen(s));
}

Test(write_dot, structure_and_order)
{
    rg_dict *d;
    rg_network *net = S_network(&d);
    char *out = S_write(net);
    cr_assert(strncmp(out, "digraph relgraph {\n", 19) == 0, "%s", out);
    cr_assert(strstr(out, "charset=\"UTF-8\""));
    cr_assert(strstr(out, "overlap=false"));
    cr_assert(strstr(out, "splines=true"));
    cr_assert(strstr(out, "node [style=filled, fontname=\"Helvetica\"]"));
    size_t len = strlen(out);
    cr_assert_str_eq(out + len - 2, "}\n");

    /* nodes in id order, then edges in network order */
    const char *na = strstr(out, "\n  \"anna\" [");
    const char *nb = strstr(out, "\n  \"bank\" [");
    const char *nk = strstr(out, "\n  \"korea\" [");
    const char *nx = strstr(out, "\n  \"xi\" [");
    const char *e1 = strstr(out, "\"anna\" -> \"bank\"");
    const char *e2 = strstr(out, "\"anna\" -> \"korea\"");
    const char *e3 = strstr(out, "\"bank\" -> \"xi\"");
    cr_assert(na && nb && nk && nx && e1 && e2 && e3, "%s", out);
    cr_assert(na < nb && nb < nk && nk < nx && nx < e1 && e1 < e2 && e2 < e3);
    cr_assert_null(strstr(out, "zeit"), "unmentioned actor left out");

    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(write_dot, escaping)
{
    rg_dict *d;
    rg_network *net = S_network(&d);
    char *out = S_write(net);
    char *anna = S_line_with(out, "\"anna\" [");
    /* quote and backslash escaped, newline as \n, control char dropped,
     * tab as a space */
    cr_assert(strstr(anna, "label=\"Anna \\\"die Gro\xC3\x9F" "e\\\" "
                           "\\\\N\\nZeile 2 x\""),
              "%s", anna);
    cr_assert_null(strchr(out, '\x01'));
    cr_assert_null(strchr(out, '\t'));
    cr_assert(strstr(anna, "shape=ellipse"));
    cr_assert(strstr(anna, "fillcolor=\"#E69F00\""));
    char *bank = S_line_with(out, "\"bank\" [");
    cr_assert(strstr(bank, "label=\"M\xC3\xBCller & S\xC3\xB6hne <GmbH>\""),
              "%s", bank);
    cr_assert(strstr(bank, "shape=box"));
    char *korea = S_line_with(out, "\"korea\" [");
    cr_assert(strstr(korea, "shape=hexagon"));
    char *xi = S_line_with(out, "\"xi\" [");
    cr_assert(strstr(xi, "shape=octagon"));
    free(anna);
    free(bank);
    free(korea);
    free(xi);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(write_dot, edges)
{
    rg_dict *d;
    rg_network *net = S_network(&d);
    char *out = S_write(net);
    char *cooc = S_line_with(out, "\"anna\" -> \"bank\"");
    cr_assert(strstr(cooc, "dir=none"), "%s", cooc);
    cr_assert(strstr(cooc, "penwidth=2.58"), "1 + log2(3): %s", cooc);
    cr_assert(strstr(cooc, "tooltip=\"weight 3, 1 document\""), "%s", cooc);
    cr_assert_null(strstr(cooc, "label="));
    char *rel = S_line_with(out, "\"anna\" -> \"korea\"");
    cr_assert_null(strstr(rel, "dir=none"), "%s", rel);
    cr_assert(strstr(rel, "label=\"threaten\""), "%s", rel);
    cr_assert(strstr(rel, "penwidth=1.00"), "%s", rel);
    free(cooc);
    free(rel);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(write_dot, penwidth_capped)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    rg_i_tally_mention(t, 0, 0);
    rg_i_tally_mention(t, 1, 0);
    for (int i = 0; i < 1000; i++)
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "x");
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    char *out = S_write(net);
    cr_assert(strstr(out, "penwidth=8.00"), "%s", out);
    free(out);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(d);
}

Test(write_dot, write_error_is_eio)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    rg_dict *d;
    rg_network *net = S_network(&d);
    cr_assert_eq(rg_network_write_dot(net, f), RG_EIO);
    fclose(f);
    rg_network_free(net);
    S_hand_dict_free(d);
}

static int S_have_dot(void)
{
    return system("command -v dot >/dev/null 2>&1") == 0;
}

/* Graphviz must read the file without a word on stderr. */
static void S_check_with_dot(const rg_network *net)
{
    char *dir = rgt_tmpdir();
    char *file = rgt_path(dir, "net.dot");
    char *err = rgt_path(dir, "err.txt");
    FILE *f = fopen(file, "w");
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_dot(net, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    char cmd[4096];
    snprintf(cmd, sizeof(cmd), "dot -Tsvg '%s' -o /dev/null 2>'%s'", file,
             err);
    int rc = system(cmd);
    char *msg = rgt_read_file(err, NULL);
    cr_assert_eq(rc, 0, "dot failed: %s", msg ? msg : "");
    cr_assert_str_eq(msg ? msg : "", "", "dot said: %s", msg ? msg : "");
    free(msg);
    rgt_rmtree(dir);
    free(err);
    free(file);
    free(dir);
}

Test(write_dot, graphviz_reads_it)
{
    if (!S_have_dot())
        cr_skip_test("graphviz (dot) not installed");
    rg_dict *d;
    rg_network *net = S_network(&d);
    S_check_with_dot(net);
    rg_network_free(net);
    S_hand_dict_free(d);
}

Test(write_dot, empty_network)
{
    rg_dict *d = S_hand_dict(S_actors, 5);
    rg_tally *t = rg_i_tally_new(5);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    char *out = S_write(net);
    cr_assert(strncmp(out, "digraph relgraph {\n", 19) == 0);
    cr_assert_null(strstr(out, "->"));
    free(out);
    if (S_have_dot())
        S_check_with_dot(net);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(d);
}
