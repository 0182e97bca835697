/*
 * pipeline.c — drives the stages over the inputs: for each document from
 * the corpus walk, text -> tokens -> sentences -> mentions -> relations,
 * then counts everything into the tally and writes the mention and
 * evidence tables.  Documents are processed in input order, so the tally
 * and both tables are deterministic.  Memory is reused from one document to
 * the next and depends on the largest document, not on the corpus.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "corpus.h"
#include "dict.h"
#include "html.h"
#include "mentions.h"
#include "network.h"
#include "relations.h"
#include "relgraph.h"
#include "sentences.h"
#include "tally.h"
#include "text.h"
#include "tokens.h"
#include "util.h"

struct rg_pipeline {
    const rg_dict *dict;
    rg_options opts;
    rg_tally *tally;
    rg_stats stats;
    uint32_t doc_no;
    rg_status write_status;  /* first failure writing a table */
    /* per-document scratch, reused */
    rg_tokens toks;
    rg_sentences sents;
    rg_mentions ments;
    rg_relation_list rels;
    rg_buf line;
    rg_boilerplate *furniture;  /* compiled dict->furniture */
    rg_html html;               /* the current page, when is_html */
    int is_html;
};

const char *rg_strerror(rg_status status)
{
    switch (status) {
    case RG_OK: return "success";
    case RG_ENOMEM: return "out of memory";
    case RG_EIO: return "input/output error";
    case RG_EPARSE: return "malformed input";
    case RG_EINVAL: return "invalid argument";
    case RG_EENCODING: return "not text";
    case RG_EGRAPH: return "graph library error";
    }
    return "unknown error";
}

void rg_options_init(rg_options *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->relations = RG_REL_ALL;
    opts->forms = RG_FORMS_ALL;
}

static const char M_HEADER[] =
    "doc\tsentence\tstart\tend\tsurface\tentity\tlabel\ttype\tform\n";
static const char E_HEADER[] =
    "doc\tsentence\tstart\tend\tsource\ttarget\tkind\trelation\tverb\ttext\n";

/* Appends s[0..n) as one TSV field: tabs and line breaks become spaces,
 * so that every row stays one line with a fixed number of columns. */
static void S_field(rg_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        rg_i_buf_addc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
}

static void S_write(rg_pipeline *p, FILE *f, const char *s, size_t n)
{
    if (p->write_status == RG_OK && fwrite(s, 1, n, f) != n) {
        rg_i_diag(&p->opts.diag, RG_ERROR, "", "cannot write table: %s",
                  strerror(errno));
        p->write_status = RG_EIO;
    }
}

rg_pipeline *rg_pipeline_new(const rg_dict *dict, const rg_options *opts)
{
    rg_pipeline *p = rg_i_xcalloc(1, sizeof(*p));
    p->dict = dict;
    p->opts = *opts;
    p->tally = rg_i_tally_new(dict->n_actors);
    rg_i_tokens_init(&p->toks);
    rg_i_sentences_init(&p->sents);
    rg_i_mentions_init(&p->ments);
    p->ments.forms = p->opts.forms;
    rg_i_relations_init(&p->rels);
    rg_i_buf_init(&p->line);
    p->furniture = rg_i_boilerplate_new(&dict->furniture);
    rg_i_html_init(&p->html);
    if (p->opts.mentions)
        S_write(p, p->opts.mentions, M_HEADER, sizeof(M_HEADER) - 1);
    if (p->opts.evidence)
        S_write(p, p->opts.evidence, E_HEADER, sizeof(E_HEADER) - 1);
    return p;
}

void rg_pipeline_free(rg_pipeline *p)
{
    if (!p)
        return;
    rg_i_tally_free(p->tally);
    rg_i_tokens_destroy(&p->toks);
    rg_i_sentences_destroy(&p->sents);
    rg_i_mentions_destroy(&p->ments);
    rg_i_relations_destroy(&p->rels);
    rg_i_buf_destroy(&p->line);
    rg_i_boilerplate_free(p->furniture);
    rg_i_html_destroy(&p->html);
    free(p);
}

/* Offset in the file of text offset `off`: through the text map, and for
 * a web page through the HTML map, where an end offset is the end of the
 * last character's bytes (after a closing tag or entity is not included). */
static size_t S_orig(const rg_pipeline *p, const rg_text *t, size_t off, int end)
{
    size_t o = rg_i_text_orig(t, off);
    if (!p->is_html)
        return o;
    return end && o > 0 ? p->html.end[o - 1] : p->html.start[o];
}

static void S_mention_rows(rg_pipeline *p, const char *path, const char *bytes,
                           const rg_text *t)
{
    rg_buf *b = &p->line;
    for (size_t i = 0; i < p->ments.n; i++) {
        const rg_mention *m = &p->ments.v[i];
        const rg_actor *a = &p->dict->actors[m->actor];
        size_t s = S_orig(p, t, m->start, 0), e = S_orig(p, t, m->end, 1);
        rg_i_buf_reset(b);
        S_field(b, path, strlen(path));
        rg_i_buf_printf(b, "\t%u\t%zu\t%zu\t", m->sentence, s, e);
        S_field(b, bytes + s, e - s);
        rg_i_buf_addc(b, '\t');
        S_field(b, a->id, strlen(a->id));
        rg_i_buf_addc(b, '\t');
        S_field(b, a->label, strlen(a->label));
        rg_i_buf_printf(b, "\t%s\t%s\n", rg_i_type_name(a->type),
                        rg_i_form_name(m->form));
        S_write(p, p->opts.mentions, b->data, b->len);
    }
}

static void S_evidence_row(rg_pipeline *p, const char *path,
                           const rg_relation *r, size_t s, size_t e,
                           const char *text, size_t len)
{
    rg_buf *b = &p->line;
    const rg_actor *src = &p->dict->actors[r->source],
                   *dst = &p->dict->actors[r->target];
    rg_i_buf_reset(b);
    S_field(b, path, strlen(path));
    rg_i_buf_printf(b, "\t%u\t%zu\t%zu\t%s\t%s\t%s\t%s\t", r->sentence, s, e,
                    src->id, dst->id, rg_i_kind_name(r->kind),
                    rg_i_relation_name(r->relation));
    if (r->verb)
        S_field(b, r->verb, strlen(r->verb));
    rg_i_buf_addc(b, '\t');
    S_field(b, text, len);
    rg_i_buf_addc(b, '\n');
    S_write(p, p->opts.evidence, b->data, b->len);
}

/* One document through every stage up to the tally. */
static rg_status S_document(void *data, const char *path, const char *bytes,
                            size_t len)
{
    rg_pipeline *p = data;
    const rg_diag *diag = &p->opts.diag;
    rg_text t;
    const char *text = bytes;   /* what text.c reads: the file, or a page's text */
    size_t text_len = len;
    p->is_html = rg_i_html_detect(path, bytes, len) &&
                 rg_i_html_to_text(&p->html, bytes, len) == RG_OK;
    if (p->is_html) {
        text = p->html.text.data;
        text_len = p->html.text.len;
        if (p->html.unknown_charset)
            rg_i_diag(diag, RG_WARNING, path, "unknown charset, read as %s",
                      p->html.charset);
        if (p->html.repaired)
            rg_i_diag(diag, RG_WARNING, path,
                      "%zu byte sequence%s not in the page's charset "
                      "replaced by U+FFFD",
                      p->html.repaired, p->html.repaired == 1 ? "" : "s");
    }
    rg_status st = rg_i_text_init(&t, text, text_len);
    if (st == RG_EENCODING) {
        rg_i_diag(diag, RG_ERROR, path, "binary file (contains NUL bytes), skipped");
        p->stats.skipped++;
        st = RG_OK;
        goto out;
    }
    if (st != RG_OK) {
        rg_i_diag(diag, RG_ERROR, path, "document too large (%zu bytes), skipped",
                  len);
        p->stats.skipped++;
        st = RG_OK;
        goto out;
    }
    if (t.legacy) {
        rg_i_diag(diag, RG_WARNING, path,
                  "not UTF-8: read as Windows-1252 (Latin-1)%s",
                  t.repaired ? ", unassigned bytes replaced by U+FFFD" : "");
        p->stats.repaired++;
    } else if (t.repaired) {
        rg_i_diag(diag, RG_WARNING, path,
                  "invalid UTF-8 at byte %zu (%zu sequence%s replaced by U+FFFD)",
                  t.first_invalid, t.repaired, t.repaired == 1 ? "" : "s");
        p->stats.repaired++;
    }
    if (len == 0)
        rg_i_diag(diag, RG_WARNING, path, "empty file");
    if (!p->opts.keep_boilerplate) {
        size_t nb = rg_i_boilerplate_strip(p->furniture, t.norm, t.len);
        if (nb)
            rg_i_diag(diag, RG_INFO, path, "%zu line%s of page furniture left out",
                      nb, nb == 1 ? "" : "s");
    }

    rg_i_tokenize(&p->toks, t.norm, t.len);
    rg_i_split_sentences(&p->sents, t.norm, &p->toks, &p->dict->abbrevs);
    rg_i_find_mentions(&p->ments, p->dict, &p->toks, &p->sents);
    rg_i_find_relations(&p->rels, &p->ments, &p->sents, &p->toks, p->dict,
                        &p->opts);

    uint32_t doc = p->doc_no++;
    for (size_t i = 0; i < p->ments.n; i++)
        rg_i_tally_mention(p->tally, p->ments.v[i].actor, doc);
    for (size_t i = 0; i < p->rels.n; i++) {
        const rg_relation *r = &p->rels.v[i];
        const rg_sentence *s = &p->sents.v[r->sentence];
        const rg_sentence *sl = &p->sents.v[r->sentence_last];   /* wider windows */
        size_t os = S_orig(p, &t, s->start, 0), oe = S_orig(p, &t, sl->end, 1);
        rg_tally_edge *te = rg_i_tally_relation(
            p->tally, r->source, r->target, r->kind, r->relation, doc, path,
            r->sentence, os, oe, t.norm + s->start, sl->end - s->start);
        if (r->verb && !te->ev_verb)
            te->ev_verb = rg_i_xstrdup(r->verb);
        if (p->opts.evidence)
            S_evidence_row(p, path, r, os, oe, t.norm + s->start,
                           sl->end - s->start);
    }
    if (p->opts.mentions)
        S_mention_rows(p, path, bytes, &t);

    p->stats.documents++;
    p->stats.bytes += len;
    p->stats.sentences += p->sents.n;
    p->stats.mentions += p->ments.n;
    p->stats.unresolved += p->ments.unresolved;
    st = p->write_status;
out:
    rg_i_text_destroy(&t);
    return st;
}

rg_status rg_pipeline_add_path(rg_pipeline *p, const char *path)
{
    return rg_i_corpus_walk(path, S_document, p, &p->opts.diag,
                            &p->stats.skipped, &p->stats.ignored);
}

rg_status rg_pipeline_add_buffer(rg_pipeline *p, const char *name,
                                 const char *bytes, size_t len)
{
    return S_document(p, name, bytes, len);
}

rg_stats rg_pipeline_stats(const rg_pipeline *p)
{
    return p->stats;
}

rg_status rg_network_build(const rg_pipeline *p, rg_network **out)
{
    return rg_i_network_from_tally(p->tally, p->dict, out);
}
