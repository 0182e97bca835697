/*
 * test_write_gexf.c — the GEXF 1.3 writer: attributes declared before the
 * nodes, edge type and kind on every edge, defaultedgetype only for one
 * layer, viz:color as r/g/b and viz:size with value first, labels
 * round-tripping, write errors, and the GEXF RelaxNG grammar when present.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"
#include "support_writers.h"
#include "writers.h"

typedef struct S_doc {
    xmlDocPtr doc;
    xmlXPathContextPtr xp;
} S_doc;

static S_doc S_parse(const char *buf, size_t len)
{
    S_doc d;
    d.doc = xmlReadMemory(buf, (int)len, "out.gexf", NULL, XML_PARSE_NONET);
    cr_assert_not_null(d.doc, "not well-formed:\n%s", buf);
    d.xp = xmlXPathNewContext(d.doc);
    xmlXPathRegisterNs(d.xp, (const xmlChar *)"g",
                       (const xmlChar *)"http://gexf.net/1.3");
    xmlXPathRegisterNs(d.xp, (const xmlChar *)"viz",
                       (const xmlChar *)"http://gexf.net/1.3/viz");
    return d;
}

static void S_free_doc(S_doc *d)
{
    xmlXPathFreeContext(d->xp);
    xmlFreeDoc(d->doc);
}

static int S_count(S_doc *d, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)xpath, d->xp);
    cr_assert_not_null(o, "bad xpath %s", xpath);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return n;
}

static void S_assert_text(S_doc *d, const char *xpath, const char *want)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)xpath, d->xp);
    cr_assert(o && o->nodesetval && o->nodesetval->nodeNr > 0, "nothing at %s",
              xpath);
    xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    cr_assert_str_eq((const char *)c, want, "at %s", xpath);
    xmlFree(c);
    xmlXPathFreeObject(o);
}

Test(write_gexf, structure_mixed)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 3);
    size_t len;
    char *buf = S_write_with(rg_network_write_gexf, net, &len);
    const char *l1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf ";
    cr_assert(strncmp(buf, l1, strlen(l1)) == 0, "%s", buf);
    S_doc d = S_parse(buf, len);
    S_assert_text(&d, "/g:gexf/@version", "1.3");
    /* mixed: no defaultedgetype, a type on every edge */
    cr_assert_eq(S_count(&d, "//g:graph/@defaultedgetype"), 0);
    int ne = (int)rg_network_edge_count(net);
    cr_assert_eq(ne, 5);
    cr_assert_eq(S_count(&d, "//g:edge[@id and @kind and (@type='directed' or "
                             "@type='undirected')]"),
                 ne);
    /* attributes before nodes */
    cr_assert_eq(S_count(&d, "//g:graph/g:nodes/preceding-sibling::g:attributes"), 2);
    cr_assert_eq(S_count(&d, "//g:attributes[@class='edge']/g:attribute[@id='kind']"), 1);
    cr_assert_eq(S_count(&d, "//g:attribute[@id='label' or @id='weight']"), 0);
    /* the same pair anna/korea: co-occurrence and relation kept apart */
    S_assert_text(&d, "//g:edge[@source='anna' and @target='korea' and "
                      "@type='undirected']/@kind", "cooccurrence");
    S_assert_text(&d, "//g:edge[@source='anna' and @target='korea' and "
                      "@type='directed']/@kind", "threaten");
    S_assert_text(&d, "//g:edge[@source='korea']/@kind", "supply");
    S_assert_text(&d, "//g:edge[@source='korea']/g:attvalues/"
                      "g:attvalue[@for='kind']/@value", "relation");
    S_assert_text(&d, "//g:edge[@source='anna' and @target='bank']/@weight", "2");
    /* viz: colour by type as r/g/b, size with value */
    S_assert_text(&d, "//g:node[@id='anna']/viz:color/@r", "230");
    S_assert_text(&d, "//g:node[@id='bank']/viz:color/@b", "233");
    cr_assert_eq(S_count(&d, "//viz:color/@hex"), 0);
    cr_assert_eq(S_count(&d, "//g:node/viz:size/@value"), 4);
    cr_assert(strstr(buf, "<viz:size value=\""));
    /* labels: escaped, cleaned, round-trip */
    S_assert_text(&d, "//g:node[@id='bank']/@label", S_LABEL_OUT);
    cr_assert_null(memchr(buf, '\x01', len));
    cr_assert_null(strstr(buf, "\xEF\xBF\xBF"));
    S_free_doc(&d);
    free(buf);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_gexf, defaultedgetype_by_layer)
{
    for (int layers = 1; layers <= 2; layers++) {
        rg_dict *dict;
        rg_network *net = S_network(&dict, layers);
        size_t len;
        char *buf = S_write_with(rg_network_write_gexf, net, &len);
        S_doc d = S_parse(buf, len);
        S_assert_text(&d, "//g:graph/@defaultedgetype",
                      layers == 1 ? "undirected" : "directed");
        S_free_doc(&d);
        free(buf);
        rg_network_free(net);
        S_hand_dict_free(dict);
    }
}

Test(write_gexf, node_size_from_pagerank)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 1);
    double max = rg_i_max_pagerank(net);
    cr_assert(max > 0);
    for (igraph_integer_t v = 0; v < 4; v++) {
        double s = rg_i_node_size(net, v, max);
        cr_assert(s >= 5.0 && s <= 30.0 + 1e-9, "size %g", s);
    }
    cr_assert_float_eq(rg_i_node_size(net, 1, max), 30.0, 1e-9,
                       "bank has the highest PageRank");
    cr_assert_float_eq(rg_i_node_size(net, 0, 0.0), 10.0, 1e-9);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_gexf, write_error_is_eio)
{
    S_full_disk(rg_network_write_gexf);
}

Test(write_gexf, valid_against_rng)
{
    char tool[1024];
    snprintf(tool, sizeof(tool), "%s/validate/gexf-schema", RG_TEST_SHARED_DIR);
    if (access(tool, X_OK) != 0)
        cr_skip_test("%s not found", tool);
    for (int layers = 1; layers <= 3; layers++) {
        rg_dict *dict;
        rg_network *net = S_network(&dict, layers);
        char *dir = rgt_tmpdir();
        char *file = rgt_path(dir, "net.gexf");
        size_t len;
        char *buf = S_write_with(rg_network_write_gexf, net, &len);
        rgt_write_file(file, buf);
        char cmd[4096];
        snprintf(cmd, sizeof(cmd), "'%s' '%s' >/dev/null 2>&1", tool, file);
        int rc = system(cmd);
        rgt_rmtree(dir);
        free(file);
        free(dir);
        free(buf);
        rg_network_free(net);
        S_hand_dict_free(dict);
        if (WIFEXITED(rc) && WEXITSTATUS(rc) == 2)
            cr_skip_test("gexf-schema cannot run here");
        cr_assert(WIFEXITED(rc) && WEXITSTATUS(rc) == 0, "layers %d invalid",
                  layers);
    }
}
