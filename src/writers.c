/*
 * writers.c — helpers shared by the format writers (see writers.h): type
 * styles, Gephi edge types, node sizes, checked writes and libxml2 output
 * into a FILE*.
 */
#include "writers.h"

#include <math.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

#include "relations.h"

const rg_type_style rg_i_type_styles[] = {
    {"person", "ellipse", "#E69F00", 0xE6, 0x9F, 0x00},
    {"organization", "box", "#56B4E9", 0x56, 0xB4, 0xE9},
    {"country", "hexagon", "#009E73", 0x00, 0x9E, 0x73},
    {"location", "house", "#F0E442", 0xF0, 0xE4, 0x42},
    {"other", "octagon", "#CC79A7", 0xCC, 0x79, 0xA7},
};
const size_t rg_i_type_style_count =
    sizeof(rg_i_type_styles) / sizeof(rg_i_type_styles[0]);

const rg_type_style *rg_i_type_style(const char *type)
{
    for (size_t i = 0; i + 1 < rg_i_type_style_count; i++)
        if (strcmp(type, rg_i_type_styles[i].type) == 0)
            return &rg_i_type_styles[i];
    return &rg_i_type_styles[rg_i_type_style_count - 1];
}

const char *rg_i_edge_type(const rg_network *net, igraph_integer_t e)
{
    if (!rg_i_edge_directed(net, e))
        return rg_i_kind_name(RG_KIND_COOCCURRENCE);
    const char *rel = rg_i_edge_str(net, "relation", e);
    return *rel ? rel : rg_i_kind_name(RG_KIND_RELATION);
}

double rg_i_max_pagerank(const rg_network *net)
{
    double max = 0;
    igraph_integer_t nv = igraph_vcount(&net->graph);
    for (igraph_integer_t v = 0; v < nv; v++) {
        double pr = rg_i_node_num(net, "pagerank", v);
        if (isfinite(pr) && pr > max)
            max = pr;
    }
    return max;
}

double rg_i_node_size(const rg_network *net, igraph_integer_t v,
                      double max_pagerank)
{
    double pr = rg_i_node_num(net, "pagerank", v);
    if (!isfinite(pr) || pr < 0 || !(max_pagerank > 0))
        return 10.0;
    return 5.0 + 25.0 * sqrt(pr / max_pagerank);
}

int rg_i_put(const rg_buf *b, FILE *out)
{
    return b->len && fwrite(b->data, 1, b->len, out) != b->len ? -1 : 0;
}

static int S_sink_write(void *ctx, const char *buf, int len)
{
    rg_xml_sink *s = ctx;
    if (len > 0 && fwrite(buf, 1, (size_t)len, s->f) != (size_t)len) {
        s->failed = 1;
        return -1;
    }
    return len;
}

static int S_sink_close(void *ctx)
{
    (void)ctx;   /* the FILE* belongs to the caller */
    return 0;
}

/* libxml2 reports I/O errors ("I/O error : flush error") on stderr by
 * default; the library never prints, and the status says it all. */
static void S_quiet(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

xmlTextWriterPtr rg_i_xml_open(rg_xml_sink *sink)
{
    /* The handler is per thread in libxml2; put back what the caller had. */
    sink->failed = 0;
    sink->old_fn = xmlStructuredError;
    sink->old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, S_quiet);
    xmlOutputBufferPtr ob =
        xmlOutputBufferCreateIO(S_sink_write, S_sink_close, sink, NULL);
    if (!ob)
        return NULL;
    xmlTextWriterPtr w = xmlNewTextWriter(ob);   /* owns ob from here on */
    if (!w) {
        xmlOutputBufferClose(ob);
        return NULL;
    }
    if (xmlTextWriterSetIndent(w, 1) < 0 ||
        xmlTextWriterSetIndentString(w, (const xmlChar *)"  ") < 0) {
        xmlFreeTextWriter(w);
        return NULL;
    }
    return w;
}

rg_status rg_i_xml_close(xmlTextWriterPtr w, rg_xml_sink *sink, rg_status st)
{
    xmlFreeTextWriter(w);   /* closes the output buffer; NULL is fine */
    xmlSetStructuredErrorFunc(sink->old_ctx, sink->old_fn);
    if (sink->failed ||
        (st == RG_OK && (fflush(sink->f) != 0 || ferror(sink->f))))
        st = RG_EIO;
    return st;
}
