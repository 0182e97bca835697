/*
 * test_write_graphml.c — the GraphML writer: the output parsed back with
 * libxml2 (typed keys before the graph, every edge with id and directed,
 * labels round-tripping through escaping, forbidden characters removed),
 * edgedefault per layer, write errors, and the GraphML XSD when present.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "dict.h"
#include "support_hand_dict.h"
#include "network.h"
#include "relations.h"
#include "support.h"
#include "tally.h"

#define NS "http://graphml.graphdrawing.org/xmlns"


static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind, int rel,
                  const char *text)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, (uint16_t)rel, 0, "doc.txt",
                        0, 0, strlen(text), text, strlen(text));
}

/* label with umlauts, XML specials, an emoji, a control character and a
 * noncharacter (U+FFFF); the second with a CJK name */
#define S_LABEL_IN "M\xC3\xBCller & <S\xC3\xB6hne> \"GmbH\" \xF0\x9F\x98\x80" \
                   "\x01\x1f\xEF\xBF\xBF!"
#define S_LABEL_OUT "M\xC3\xBCller & <S\xC3\xB6hne> \"GmbH\" \xF0\x9F\x98\x80!"

static const S_spec S_actors[] = {
    {"anna", "Anna", "Q1", RG_TYPE_PERSON},
    {"bank", S_LABEL_IN, "", RG_TYPE_ORGANIZATION},
    {"korea", "Nordkorea", "Q423", RG_TYPE_COUNTRY},
    {"xi", "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3", "", RG_TYPE_PERSON},
};

/* Layers: 1 co-occurrence, 2 relation, 3 both. */
static rg_network *S_network(rg_dict **pd, int layers)
{
    rg_dict *d = S_hand_dict(S_actors, 4);
    rg_tally *t = rg_i_tally_new(4);
    for (uint32_t a = 0; a < 4; a++)
        rg_i_tally_mention(t, a, 0);
    if (layers & 1) {
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "Anna & die <Bank>\x02.");
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "zweimal");
        S_rel(t, 1, 3, RG_KIND_COOCCURRENCE, 0, "Bank und Xi.");
    }
    if (layers & 2)
        S_rel(t, 2, 0, RG_KIND_RELATION, 4, "Nordkorea droht Anna.");
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

static char *S_write(const rg_network *net, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_graphml(net, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    return buf;
}

typedef struct S_doc {
    xmlDocPtr doc;
    xmlXPathContextPtr xp;
} S_doc;

static S_doc S_parse(const char *buf, size_t len)
{
    S_doc d;
    d.doc = xmlReadMemory(buf, (int)len, "out.graphml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(d.doc, "not well-formed:\n%s", buf);
    d.xp = xmlXPathNewContext(d.doc);
    xmlXPathRegisterNs(d.xp, (const xmlChar *)"g", (const xmlChar *)NS);
    return d;
}

static void S_free_doc(S_doc *d)
{
    xmlXPathFreeContext(d->xp);
    xmlFreeDoc(d->doc);
}

/* Number of nodes matching xpath. */
static int S_count(S_doc *d, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)xpath, d->xp);
    cr_assert_not_null(o, "bad xpath %s", xpath);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return n;
}

/* Text of the first node matching xpath (malloc'd), or NULL. */
static char *S_text(S_doc *d, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)xpath, d->xp);
    cr_assert_not_null(o, "bad xpath %s", xpath);
    char *s = NULL;
    if (o->nodesetval && o->nodesetval->nodeNr > 0) {
        xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
        s = strdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(o);
    return s;
}

static void S_assert_text(S_doc *d, const char *xpath, const char *want)
{
    char *got = S_text(d, xpath);
    cr_assert_not_null(got, "nothing at %s", xpath);
    cr_assert_str_eq(got, want, "at %s", xpath);
    free(got);
}

Test(write_graphml, header_and_keys)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 1);
    size_t len;
    char *buf = S_write(net, &len);
    const char *l1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ";
    cr_assert(strncmp(buf, l1, strlen(l1)) == 0, "%s", buf);
    S_doc d = S_parse(buf, len);
    cr_assert(strstr(buf, "xsi:schemaLocation=\"" NS " "
                          "http://graphml.graphdrawing.org/xmlns/1.0/"
                          "graphml.xsd\""));
    /* every schema attribute but the node id (the GraphML node id itself)
     * is a typed key, declared before the graph */
    cr_assert_eq(S_count(&d, "/g:graphml/g:key"), (int)rg_i_attr_count - 1);
    cr_assert_eq(S_count(&d, "/g:graphml/g:graph/preceding-sibling::g:key"),
                 (int)rg_i_attr_count - 1);
    cr_assert_eq(S_count(&d, "//g:key[@attr.name='id']"), 0);
    static const char *const types[] = {"string", "long", "double"};
    char xpath[256];
    for (size_t i = 1; i < rg_i_attr_count; i++) {
        const rg_attr *a = &rg_i_attrs[i];
        const char *dom = a->domain == RG_ATTR_NODE ? "node" : "edge";
        /* key id == attr.name, unique across domains */
        snprintf(xpath, sizeof(xpath),
                 "/g:graphml/g:key[@id='%s' and @for='%s' and "
                 "@attr.name='%s' and @attr.type='%s']",
                 a->name, dom, a->name, types[a->type]);
        cr_assert_eq(S_count(&d, xpath), 1, "%s", xpath);
    }
    S_assert_text(&d, "/g:graphml/g:graph/@id", "G");
    S_assert_text(&d, "/g:graphml/g:graph/@edgedefault", "undirected");
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_graphml, nodes_edges_and_values)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 3);
    size_t len;
    char *buf = S_write(net, &len);
    S_doc d = S_parse(buf, len);
    cr_assert_eq(S_count(&d, "//g:node"), 4);
    cr_assert_eq(S_count(&d, "//g:edge"), 3);
    /* every edge has an id and says whether it is directed */
    cr_assert_eq(S_count(&d, "//g:edge[@id and (@directed='true' or "
                             "@directed='false')]"),
                 3);
    S_assert_text(&d, "(//g:node)[1]/@id", "anna");
    S_assert_text(&d, "(//g:node)[4]/@id", "xi");
    S_assert_text(&d, "(//g:edge)[1]/@id", "e0");
    S_assert_text(&d, "(//g:edge)[1]/@source", "anna");
    S_assert_text(&d, "(//g:edge)[1]/@target", "bank");
    S_assert_text(&d, "(//g:edge)[1]/@directed", "false");
    S_assert_text(&d, "(//g:edge)[1]/g:data[@key='weight']", "2");
    S_assert_text(&d, "(//g:edge)[1]/g:data[@key='edge_documents']", "1");
    S_assert_text(&d, "(//g:edge)[1]/g:data[@key='kind']", "cooccurrence");
    /* empty relation left out; evidence escaped and cleaned */
    cr_assert_eq(S_count(&d, "(//g:edge)[1]/g:data[@key='relation']"), 0);
    S_assert_text(&d, "(//g:edge)[1]/g:data[@key='evidence']",
                  "Anna & die <Bank>.");
    /* the relation edge korea -> anna sorts after bank -> xi */
    S_assert_text(&d, "(//g:edge)[3]/@source", "korea");
    S_assert_text(&d, "(//g:edge)[3]/@target", "anna");
    S_assert_text(&d, "(//g:edge)[3]/@directed", "true");
    S_assert_text(&d, "(//g:edge)[3]/g:data[@key='relation']", "supply");
    /* mixed graph: undirected default, per-edge directed says the rest */
    S_assert_text(&d, "//g:graph/@edgedefault", "undirected");

    /* node values, numbers always written */
    S_assert_text(&d, "//g:node[@id='anna']/g:data[@key='qid']", "Q1");
    cr_assert_eq(S_count(&d, "//g:node[@id='bank']/g:data[@key='qid']"), 0);
    S_assert_text(&d, "//g:node[@id='anna']/g:data[@key='mentions']", "1");
    /* every numeric node attribute as the network holds it (the metrics'
     * definitions are metrics.c's business, not the writer's) */
    for (size_t k = 0; k < rg_i_attr_count; k++) {
        const rg_attr *a = &rg_i_attrs[k];
        if (a->domain != RG_ATTR_NODE || a->type == RG_ATTR_STRING)
            continue;
        for (igraph_integer_t v = 0; v < 4; v++) {
            char xp[256], num[RG_NUMBUF];
            snprintf(xp, sizeof(xp), "(//g:node)[%d]/g:data[@key='%s']",
                     (int)v + 1, a->name);
            S_assert_text(&d, xp,
                          rg_i_format_number(num, rg_i_node_num(net, a->name, v)));
        }
    }
    cr_assert_eq(S_count(&d, "//g:node/g:data[@key='pagerank']"), 4);
    char *pr = S_text(&d, "//g:node[@id='bank']/g:data[@key='pagerank']");
    char want[RG_NUMBUF];
    rg_i_format_number(want, rg_i_node_num(net, "pagerank", 1));
    cr_assert_str_eq(pr, want);
    free(pr);
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_graphml, labels_round_trip)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 1);
    size_t len;
    char *buf = S_write(net, &len);
    cr_assert_null(memchr(buf, '\x01', len));
    cr_assert_null(strstr(buf, "\xEF\xBF\xBF"));
    S_doc d = S_parse(buf, len);
    S_assert_text(&d, "//g:node[@id='bank']/g:data[@key='label']",
                  S_LABEL_OUT);
    S_assert_text(&d, "//g:node[@id='xi']/g:data[@key='label']",
                  "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3");
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_graphml, edgedefault_by_layer)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 2);
    size_t len;
    char *buf = S_write(net, &len);
    S_doc d = S_parse(buf, len);
    S_assert_text(&d, "//g:graph/@edgedefault", "directed");
    S_assert_text(&d, "(//g:edge)[1]/@directed", "true");
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_graphml, ids_that_are_no_nmtoken)
{
    /* Not possible through the loader (ids are [a-z0-9_]), but the writer
     * must still produce valid GraphML: n0, n1, ... and an id key. */
    static const S_spec odd[] = {{"a b", "A", "", RG_TYPE_PERSON},
                                 {"c&d", "C", "", RG_TYPE_PERSON}};
    rg_dict *dict = S_hand_dict(odd, 2);
    rg_tally *t = rg_i_tally_new(2);
    rg_i_tally_mention(t, 0, 0);
    rg_i_tally_mention(t, 1, 0);
    S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "x");
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, dict, &net), RG_OK);
    size_t len;
    char *buf = S_write(net, &len);
    S_doc d = S_parse(buf, len);
    S_assert_text(&d, "(//g:node)[1]/@id", "n0");
    S_assert_text(&d, "(//g:node)[2]/g:data[@key='id']", "c&d");
    S_assert_text(&d, "//g:edge/@target", "n1");
    cr_assert_eq(S_count(&d, "/g:graphml/g:key[@id='id']"), 1);
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(dict);
}

/* A full disk is an error status, and libxml2 does not print about it. */
Test(write_graphml, write_error_is_eio, .init = cr_redirect_stderr)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    rg_dict *dict;
    rg_network *net = S_network(&dict, 3);
    cr_assert_eq(rg_network_write_graphml(net, f), RG_EIO);
    fclose(f);
    fflush(stderr);
    cr_assert_stderr_eq_str("");
    rg_network_free(net);
    S_hand_dict_free(dict);
}

/* Runs a validator from ../shared/validate on the network written to a
 * file; skips when the validator or its tool is missing (exit 2). */
static void S_validate(const char *validator, int layers)
{
    char tool[1024];
    snprintf(tool, sizeof(tool), "%s/validate/%s", RG_TEST_SHARED_DIR,
             validator);
    if (access(tool, X_OK) != 0)
        cr_skip_test("%s not found", tool);
    rg_dict *dict;
    rg_network *net = S_network(&dict, layers);
    char *dir = rgt_tmpdir();
    char *file = rgt_path(dir, "net.graphml");
    char *log = rgt_path(dir, "log.txt");
    FILE *f = fopen(file, "w");
    cr_assert_not_null(f);
    cr_assert_eq(rg_network_write_graphml(net, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    char cmd[4096];
    snprintf(cmd, sizeof(cmd), "'%s' '%s' >'%s' 2>&1", tool, file, log);
    int rc = system(cmd);
    char *msg = rgt_read_file(log, NULL);
    rgt_rmtree(dir);
    free(log);
    free(file);
    free(dir);
    rg_network_free(net);
    S_hand_dict_free(dict);
    if (WIFEXITED(rc) && WEXITSTATUS(rc) == 2) {
        cr_log_warn("%s", msg ? msg : "");
        free(msg);
        cr_skip_test("%s cannot run here", validator);
    }
    cr_assert(WIFEXITED(rc) && WEXITSTATUS(rc) == 0, "%s: %s", validator,
              msg ? msg : "");
    free(msg);
}

Test(write_graphml, valid_against_xsd)
{
    S_validate("graphml-xsd", 3);
}

Test(write_graphml, valid_against_xsd_relation_only)
{
    S_validate("graphml-xsd", 2);
}
