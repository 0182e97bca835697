/*
 * pipeline.c — drives the stages over the inputs.  The corpus walk hands
 * each document to a worker thread (workers.c), which runs text -> (HTML,
 * furniture) -> tokens -> sentences -> mentions -> relations into a job of
 * its own; finished jobs are merged on the calling thread strictly in input
 * order: messages, tally, mention and evidence rows.  So the output is
 * byte-identical for any number of threads.  At most 2 * threads + 1
 * documents are in flight and each worker reuses its scratch, so memory
 * depends on the largest document and the thread count, never on the
 * size of the corpus.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "corpus.h"
#include "dict.h"
#include "html.h"
#include "mentions.h"
#include "network.h"
#include "relations.h"
#include "relgraph.h"
#include "sentences.h"
#include "suggest.h"
#include "tally.h"
#include "tally_file.h"
#include "text.h"
#include "tokens.h"
#include "util.h"
#include "workers.h"

/* A slot of the per-document table of relation keys: `doc` is the
 * document it was filled for (stale slots are empty), `rel` an index into
 * the job's rels. */
typedef struct S_keyslot {
    uint32_t doc, rel;
} S_keyslot;

/* One worker's scratch, reused from one document to the next. */
typedef struct S_scratch {
    rg_tokens toks;
    rg_sentences sents;
    rg_abbr_filter *abbr;       /* of the dictionary's abbreviations */
    rg_mentions ments;
    rg_relation_list rels;
    rg_html html;               /* the current page, when is_html */
    int is_html;
    rg_boilerplate_scratch *bp; /* boilerplate.c's buffers */
    S_keyslot *keys;            /* open addressing, a power of two */
    size_t n_keys;
    uint32_t doc;               /* documents analysed (S_keyslot.doc) */
    const struct rg_pipeline *p;
} S_scratch;

/* A message held back until its document is merged, so that messages come
 * out in input order whatever the number of threads. */
typedef struct S_msg {
    rg_level level;
    size_t what;                /* in S_job.msg_text */
} S_msg;

/* The relation instances of one key (source, target, kind, relation) in a
 * document, as the tally needs them after the document's text is gone:
 * their number, and the first one, whose evidence sentence is kept in the
 * job's `texts` buffer.  The tally counts every instance of a key in a
 * document the same and takes its evidence from the first, so counting
 * them here on the worker leaves it one call per key and document. */
typedef struct S_rel {
    rg_relation r;
    uint64_t os, oe;            /* original bytes of the evidence */
    size_t text, text_len;      /* in S_job.texts */
    uint32_t count;             /* instances */
} S_rel;

/* An actor discovered in a document (discover.c), kept until the merge
 * numbers it: id, label, and its first sentence as an example. */
typedef struct S_found {
    char *id, *label, *example;
    uint8_t type;
} S_found;

/* One document: read by the walk, analysed by a worker, merged in order.
 * Merged jobs are used again for the next documents with their buffers
 * (S_job_reset), so that in the steady state no buffer is allocated per
 * document — none on one thread to be freed on another — and the heap
 * neither grows nor shrinks. */
typedef struct S_job {
    struct S_job *next;         /* in rg_pipeline.spare */
    char *path;
    char *bytes;
    size_t len, cap;            /* cap: of bytes */
    /* results */
    int skipped, repaired;
    S_msg *msgs;
    size_t n_msgs, cap_msgs;
    rg_buf msg_text;
    uint32_t *actors;           /* actor of every mention, in text order;
                                   dict->n_actors + k is found[k] */
    size_t n_actors, cap_actors;
    S_found *found;             /* discovered actors of the document */
    size_t n_found;
    S_rel *rels;
    size_t n_rels, cap_rels;
    rg_buf texts;
    rg_buf mention_rows, evidence_rows;
    size_t sentences, unresolved;
} S_job;

struct rg_pipeline {
    const rg_dict *dict;
    rg_options opts;
    rg_tally *tally;
    rg_stats stats;
    uint32_t doc_no;
    rg_status write_status;     /* first failure writing a table */
    rg_boilerplate *furniture;  /* compiled dict->furniture, read-only */
    rg_workers *workers;
    S_job *spare;               /* merged jobs, for the next documents */
    /* Discovered actors, numbered after the dictionary's in the order the
     * merge (input order) first sees them: tally actor dict->n_actors + i
     * is disc[i]. */
    rg_strtab disc_ids;
    rg_found_actor *disc;
    size_t n_disc, cap_disc;
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

static void *S_scratch_new(void *arg)
{
    const rg_pipeline *p = arg;
    S_scratch *sc = rg_i_xcalloc(1, sizeof(*sc));
    sc->p = p;
    rg_i_tokens_init(&sc->toks);
    rg_i_sentences_init(&sc->sents);
    sc->abbr = rg_i_abbr_filter_new(&p->dict->abbrevs);
    rg_i_mentions_init(&sc->ments);
    sc->ments.forms = p->opts.forms;
    sc->ments.discover = !p->opts.no_discover;
    rg_i_relations_init(&sc->rels);
    rg_i_html_init(&sc->html);
    sc->bp = rg_i_boilerplate_scratch_new();
    return sc;
}

static void S_scratch_free(void *state)
{
    S_scratch *sc = state;
    if (!sc)
        return;
    rg_i_tokens_destroy(&sc->toks);
    rg_i_sentences_destroy(&sc->sents);
    rg_i_abbr_filter_free(sc->abbr);
    rg_i_mentions_destroy(&sc->ments);
    rg_i_relations_destroy(&sc->rels);
    rg_i_html_destroy(&sc->html);
    rg_i_boilerplate_scratch_free(sc->bp);
    free(sc->keys);
    free(sc);
}

/* A buffer larger than this (a very large document's) is freed rather
 * than kept for the next documents. */
#define S_KEEP_BYTES ((size_t)4 << 20)

static void S_buf_reset(rg_buf *b)
{
    if (b->cap > S_KEEP_BYTES)
        rg_i_buf_destroy(b);
    rg_i_buf_reset(b);
}

/* Empties a merged job for the next document, keeping its buffers. */
static void S_job_reset(S_job *j)
{
    for (size_t i = 0; i < j->n_found; i++) {
        free(j->found[i].id);
        free(j->found[i].label);
        free(j->found[i].example);
    }
    free(j->found);
    free(j->path);
    if (j->cap > S_KEEP_BYTES) {
        free(j->bytes);
        j->bytes = NULL;
        j->cap = 0;
    }
    if (j->cap_rels * sizeof(*j->rels) > S_KEEP_BYTES) {
        free(j->rels);
        j->rels = NULL;
        j->cap_rels = 0;
    }
    if (j->cap_actors * sizeof(*j->actors) > S_KEEP_BYTES) {
        free(j->actors);
        j->actors = NULL;
        j->cap_actors = 0;
    }
    S_buf_reset(&j->msg_text);
    S_buf_reset(&j->texts);
    S_buf_reset(&j->mention_rows);
    S_buf_reset(&j->evidence_rows);
    j->path = NULL;
    j->found = NULL;
    j->len = 0;
    j->skipped = j->repaired = 0;
    j->n_msgs = j->n_actors = j->n_found = j->n_rels = 0;
    j->sentences = j->unresolved = 0;
}

static void S_job_free(S_job *j)
{
    S_job_reset(j);
    free(j->msgs);
    free(j->actors);
    free(j->rels);
    rg_i_buf_destroy(&j->msg_text);
    rg_i_buf_destroy(&j->texts);
    rg_i_buf_destroy(&j->mention_rows);
    rg_i_buf_destroy(&j->evidence_rows);
    free(j->bytes);
    free(j);
}

static void S_msg_add(S_job *j, rg_level level, const char *fmt, ...) RG_PRINTF(3, 4);

static void S_msg_add(S_job *j, rg_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    RG_GROW(j->msgs, j->cap_msgs, j->n_msgs + 1);
    j->msgs[j->n_msgs].level = level;
    j->msgs[j->n_msgs].what = j->msg_text.len;
    j->n_msgs++;
    rg_i_buf_add(&j->msg_text, tmp, strlen(tmp) + 1);   /* with its NUL */
}

/* Offset in the file of text offset `off`: through the text map, and for
 * a web page through the HTML map, where an end offset is the end of the
 * last character's bytes (after a closing tag or entity is not included). */
static size_t S_orig(const S_scratch *sc, const rg_text *t, size_t off, int end)
{
    size_t o = rg_i_text_orig(t, off);
    if (!sc->is_html)
        return o;
    return end && o > 0 ? sc->html.end[o - 1] : sc->html.start[o];
}

/* The actor of a mention in the worker: a dictionary actor, or one
 * discovered in the document (id, label and type from sc->ments.found). */
static rg_actor S_actor(const rg_pipeline *p, const S_scratch *sc, uint32_t actor)
{
    if (actor < p->dict->n_actors)
        return p->dict->actors[actor];
    const rg_found *f = &sc->ments.found[actor - p->dict->n_actors];
    const char *txt = sc->ments.found_text.data;
    return (rg_actor){.id = (char *)(txt + f->id), .label = (char *)(txt + f->label),
                      .qid = (char *)"", .type = f->type};
}

static void S_mention_rows(const rg_pipeline *p, S_job *j, const S_scratch *sc,
                           const rg_text *t)
{
    rg_buf *b = &j->mention_rows;
    for (size_t i = 0; i < sc->ments.n; i++) {
        const rg_mention *m = &sc->ments.v[i];
        const rg_actor act = S_actor(p, sc, m->actor), *a = &act;
        size_t s = S_orig(sc, t, m->start, 0), e = S_orig(sc, t, m->end, 1);
        rg_i_buf_add_field(b, j->path, strlen(j->path));
        rg_i_buf_printf(b, "\t%u\t%zu\t%zu\t", m->sentence, s, e);
        rg_i_buf_add_field(b, j->bytes + s, e - s);
        rg_i_buf_addc(b, '\t');
        rg_i_buf_add_field(b, a->id, strlen(a->id));
        rg_i_buf_addc(b, '\t');
        rg_i_buf_add_field(b, a->label, strlen(a->label));
        rg_i_buf_printf(b, "\t%s\t%s\n", rg_i_type_name(a->type),
                        rg_i_form_name(m->form));
    }
}

static void S_evidence_row(const rg_pipeline *p, S_job *j, const S_scratch *sc,
                           const rg_relation *r, uint64_t os, uint64_t oe,
                           const char *text, size_t text_len)
{
    rg_buf *b = &j->evidence_rows;
    const rg_actor a_src = S_actor(p, sc, r->source), a_dst = S_actor(p, sc, r->target);
    const rg_actor *src = &a_src, *dst = &a_dst;
    rg_i_buf_add_field(b, j->path, strlen(j->path));
    rg_i_buf_printf(b, "\t%u\t%" PRIu64 "\t%" PRIu64 "\t%s\t%s\t%s\t%s\t",
                    r->sentence, os, oe, src->id, dst->id,
                    rg_i_kind_name(r->kind), rg_i_relation_name(r->relation));
    if (r->verb)
        rg_i_buf_add_field(b, r->verb, strlen(r->verb));
    rg_i_buf_addc(b, '\t');
    rg_i_buf_add_field(b, text, text_len);
    rg_i_buf_addc(b, '\n');
}

static uint64_t S_key_hash(const rg_relation *r)
{
    uint64_t x = ((uint64_t)r->source << 32 | r->target) * 0x9E3779B97F4A7C15u;
    x ^= (((uint64_t)r->kind << 16) | r->relation) * 0xC2B2AE3D27D4EB4Fu;
    return x ^ (x >> 31);
}

static int S_same_key(const rg_relation *a, const rg_relation *b)
{
    return a->source == b->source && a->target == b->target &&
           a->kind == b->kind && a->relation == b->relation;
}

/* Makes room for one more key in the table (at most half full). */
/* Starts the table of a document's keys for at most n of them (at most
 * half full); the slots of earlier documents are stale. */
static void S_keys_start(S_scratch *sc, size_t n)
{
    if (n * 2 > sc->n_keys) {
        size_t m = sc->n_keys ? sc->n_keys : 256;
        while (m < n * 2)
            m *= 2;
        free(sc->keys);
        sc->keys = rg_i_xcalloc(m, sizeof(*sc->keys));
        sc->n_keys = m;
        sc->doc = 0;   /* calloc'd: every slot marked 0 */
    }
    if (++sc->doc == 0) {   /* wrapped: clear the stale marks */
        memset(sc->keys, 0, sc->n_keys * sizeof(*sc->keys));
        sc->doc = 1;
    }
}

/* Every stage from the bytes to the relation instances, on a worker
 * thread: reads the dictionary and the job, writes only the job and the
 * worker's scratch. */
static void S_analyse(void *state, void *job)
{
    S_scratch *sc = state;
    S_job *j = job;
    const rg_pipeline *p = sc->p;
    rg_text t;
    char *text = j->bytes;   /* what text.c reads: the file, or a page's text */
    size_t text_len = j->len;
    sc->is_html = rg_i_html_detect(j->path, j->bytes, j->len) &&
                  rg_i_html_to_text(&sc->html, j->bytes, j->len) == RG_OK;
    if (sc->is_html) {
        text = sc->html.text.data;
        text_len = sc->html.text.len;
        if (sc->html.unknown_charset)
            S_msg_add(j, RG_WARNING, "unknown charset, read as %s", sc->html.charset);
        if (sc->html.repaired)
            S_msg_add(j, RG_WARNING,
                      "%zu byte sequence%s not in the page's charset "
                      "replaced by U+FFFD",
                      sc->html.repaired, sc->html.repaired == 1 ? "" : "s");
    }
    /* The text may be the bytes themselves (no copy) unless the mention
     * table needs the file's bytes after page furniture was blanked out
     * in the text; a page's text is the worker's own. */
    rg_status st = sc->is_html || !p->opts.mentions || p->opts.keep_boilerplate
                       ? rg_i_text_init_in_place(&t, text, text_len)
                       : rg_i_text_init(&t, text, text_len);
    if (st != RG_OK) {
        if (st == RG_EENCODING)
            S_msg_add(j, RG_ERROR, "binary file (contains NUL bytes), skipped");
        else
            S_msg_add(j, RG_ERROR, "document too large (%zu bytes), skipped", j->len);
        j->skipped = 1;
        goto out;
    }
    if (t.legacy) {
        S_msg_add(j, RG_WARNING, "not UTF-8: read as Windows-1252 (Latin-1)%s",
                  t.repaired ? ", unassigned bytes replaced by U+FFFD" : "");
        j->repaired = 1;
    } else if (t.repaired) {
        S_msg_add(j, RG_WARNING,
                  "invalid UTF-8 at byte %zu (%zu sequence%s replaced by U+FFFD)",
                  t.first_invalid, t.repaired, t.repaired == 1 ? "" : "s");
        j->repaired = 1;
    }
    if (j->len == 0)
        S_msg_add(j, RG_WARNING, "empty file");
    if (!p->opts.keep_boilerplate) {
        size_t nb = rg_i_boilerplate_strip_with(p->furniture, sc->bp, t.norm, t.len);
        if (nb)
            S_msg_add(j, RG_INFO, "%zu line%s of page furniture left out", nb,
                      nb == 1 ? "" : "s");
    }

    rg_i_tokenize(&sc->toks, t.norm, t.len);
    rg_i_split_sentences_with(&sc->sents, t.norm, &sc->toks, sc->abbr);
    sc->ments.text = t.norm;
    rg_i_find_mentions(&sc->ments, p->dict, &sc->toks, &sc->sents);
    sc->ments.text = NULL;
    if (sc->ments.n_found) {
        j->found = rg_i_xcalloc(sc->ments.n_found, sizeof(*j->found));
        j->n_found = sc->ments.n_found;
        for (size_t k = 0; k < sc->ments.n_found; k++) {
            const rg_found *f = &sc->ments.found[k];
            const rg_sentence *se = &sc->sents.v[f->sentence];
            rg_buf ex;
            rg_i_buf_init(&ex);
            rg_i_buf_add_field(&ex, t.norm + se->start, se->end - se->start);
            j->found[k].id = rg_i_xstrdup(sc->ments.found_text.data + f->id);
            j->found[k].label = rg_i_xstrdup(sc->ments.found_text.data + f->label);
            j->found[k].example = ex.data ? ex.data : rg_i_xstrdup("");
            j->found[k].type = f->type;
        }
    }
    rg_i_find_relations(&sc->rels, &sc->ments, &sc->sents, &sc->toks, p->dict,
                        &p->opts);

    RG_GROW(j->actors, j->cap_actors, sc->ments.n);
    for (size_t i = 0; i < sc->ments.n; i++)
        j->actors[i] = sc->ments.v[i].actor;
    j->n_actors = sc->ments.n;
    /* One entry per key, in the order of the keys' first instances. */
    S_keys_start(sc, sc->rels.n);
    RG_GROW(j->rels, j->cap_rels, sc->rels.n);
    /* The loop's tables in locals: the stores into the job's entries
     * would make the compiler reload them through sc and j each time. */
    const rg_relation *rv = sc->rels.v;
    const rg_sentence *sv = sc->sents.v;
    size_t nr = sc->rels.n, n_rels = j->n_rels;
    S_rel *rels = j->rels;
    S_keyslot *keys = sc->keys;
    const size_t kmask = sc->n_keys - 1;
    const uint32_t doc = sc->doc;
    for (size_t i = 0; i < nr; i++) {
        const rg_relation *r = &rv[i];
        const rg_sentence *s = &sv[r->sentence];
        const rg_sentence *sl = &sv[r->sentence_last]; /* wider windows */
        /* The slot of r's key: its entry, or the empty slot where it
         * goes. */
        size_t k = (size_t)S_key_hash(r) & kmask;
        while (keys[k].doc == doc && !S_same_key(&rels[keys[k].rel].r, r))
            k = (k + 1) & kmask;
        S_keyslot *slot = &keys[k];
        if (slot->doc == doc) {
            rels[slot->rel].count++;
            if (p->opts.evidence)
                S_evidence_row(p, j, sc, r, S_orig(sc, &t, s->start, 0),
                               S_orig(sc, &t, sl->end, 1), t.norm + s->start,
                               sl->end - s->start);
            continue;
        }
        *slot = (S_keyslot){doc, (uint32_t)n_rels};
        S_rel *x = &rels[n_rels++];
        x->r = *r;
        x->count = 1;
        /* Keys of one sentence share its text (and its offsets): keep
         * it once. */
        const S_rel *prev = n_rels > 1 ? x - 1 : NULL;
        if (prev && prev->r.sentence == r->sentence &&
            prev->r.sentence_last == r->sentence_last) {
            x->os = prev->os;
            x->oe = prev->oe;
            x->text = prev->text;
            x->text_len = prev->text_len;
        } else {
            x->os = S_orig(sc, &t, s->start, 0);
            x->oe = S_orig(sc, &t, sl->end, 1);
            x->text = j->texts.len;
            x->text_len = sl->end - s->start;
            rg_i_buf_add(&j->texts, t.norm + s->start, x->text_len);
        }
        if (p->opts.evidence)
            S_evidence_row(p, j, sc, r, x->os, x->oe, t.norm + s->start,
                           x->text_len);
    }
    j->n_rels = n_rels;
    if (p->opts.mentions)
        S_mention_rows(p, j, sc, &t);
    j->sentences = sc->sents.n;
    j->unresolved = sc->ments.unresolved;
out:
    rg_i_text_destroy(&t);
}

static void S_write(rg_pipeline *p, FILE *f, const char *s, size_t n)
{
    if (p->write_status == RG_OK && n && fwrite(s, 1, n, f) != n) {
        rg_i_diag(&p->opts.diag, RG_ERROR, "", "cannot write table: %s",
                  strerror(errno));
        p->write_status = RG_EIO;
    }
}

/* On the calling thread: numbers the document's discovered actors by id
 * after the dictionary's (a new id gets the next number, so the numbers
 * follow input order whatever the threads) and rewrites its mention
 * actors to them. */
static void S_number_found(rg_pipeline *p, S_job *j)
{
    if (!j->n_found)
        return;
    uint32_t n = (uint32_t)p->dict->n_actors;
    uint32_t *map = rg_i_xmalloc(j->n_found * sizeof(*map));
    for (size_t k = 0; k < j->n_found; k++) {
        S_found *f = &j->found[k];
        size_t before = p->disc_ids.n;
        int32_t g = rg_i_strtab_intern(&p->disc_ids, f->id, strlen(f->id));
        if ((size_t)g >= before) {
            RG_GROW(p->disc, p->cap_disc, p->n_disc + 1);
            p->disc[p->n_disc] = (rg_found_actor){
                .a = {.id = f->id, .label = f->label, .qid = rg_i_xstrdup(""),
                      .type = f->type},
                .doc = rg_i_xstrdup(j->path), .example = f->example};
            f->id = NULL;
            p->n_disc++;
            rg_i_tally_grow(p->tally, n + p->n_disc);
        } else {
            rg_i_found_actor_offer(&p->disc[g], f->label, f->type,
                                   rg_i_xstrdup(j->path), f->example);
        }
        f->label = f->example = NULL;   /* owned by p now */
        map[k] = n + (uint32_t)g;
    }
    for (size_t i = 0; i < j->n_actors; i++)
        if (j->actors[i] >= n)
            j->actors[i] = map[j->actors[i] - n];
    for (size_t i = 0; i < j->n_rels; i++) {
        rg_relation *r = &j->rels[i].r;
        if (r->source >= n)
            r->source = map[r->source - n];
        if (r->target >= n)
            r->target = map[r->target - n];
        /* The same pair in every document: co-occurrence is kept with
         * source < target. */
        if (r->kind == RG_KIND_COOCCURRENCE && r->source > r->target) {
            uint32_t tmp = r->source;
            r->source = r->target;
            r->target = tmp;
        }
    }
    free(map);
}

/* On the calling thread, in input order: messages, tally, tables, counts. */
static rg_status S_merge(void *ctx, void *job)
{
    rg_pipeline *p = ctx;
    S_job *j = job;
    for (size_t i = 0; i < j->n_msgs; i++)
        rg_i_diag(&p->opts.diag, j->msgs[i].level, j->path, "%s",
                  j->msg_text.data + j->msgs[i].what);
    if (j->skipped) {
        p->stats.skipped++;
        goto out;
    }
    uint32_t doc = p->doc_no++;
    rg_i_tally_document(p->tally, j->path);
    S_number_found(p, j);
    for (size_t i = 0; i < j->n_actors; i++)
        rg_i_tally_mention(p->tally, j->actors[i], doc);
    for (size_t i = 0; i < j->n_rels; i++) {
        const S_rel *x = &j->rels[i];
        const rg_relation *r = &x->r;
        rg_tally_evidence ev = {j->path, r->sentence, x->os, x->oe,
                                j->texts.data + x->text, x->text_len, r->verb};
        rg_i_tally_instances(p->tally, r->source, r->target, r->kind,
                             r->relation, doc, x->count, &ev);
    }
    if (p->opts.mentions)
        S_write(p, p->opts.mentions, j->mention_rows.data, j->mention_rows.len);
    if (p->opts.evidence)
        S_write(p, p->opts.evidence, j->evidence_rows.data, j->evidence_rows.len);
    p->stats.documents++;
    p->stats.repaired += (size_t)j->repaired;
    p->stats.bytes += j->len;
    p->stats.sentences += j->sentences;
    p->stats.mentions += j->n_actors;
    p->stats.unresolved += j->unresolved;
    if (p->opts.progress)
        p->opts.progress(p->opts.progress_data, &p->stats);
out:
    S_job_reset(j);
    j->next = p->spare;
    p->spare = j;
    return p->write_status;
}

/* The corpus walk hands over a document in `content`: its bytes go to a
 * job (a merged one when there is one), and the job's old buffer back to
 * the walk for the next file.  Queues the job. */
static rg_status S_document(void *data, const char *path, rg_buf *content)
{
    rg_pipeline *p = data;
    S_job *j = p->spare;
    if (j)
        p->spare = j->next;
    else
        j = rg_i_xcalloc(1, sizeof(*j));
    j->next = NULL;
    j->path = rg_i_xstrdup(path);
    char *old = j->bytes;
    size_t old_cap = j->cap;
    j->bytes = content->data;
    j->len = content->len;
    j->cap = content->cap;
    content->data = old;
    content->cap = old_cap;
    content->len = 0;
    return rg_i_workers_submit(p->workers, j);
}

rg_pipeline *rg_pipeline_new(const rg_dict *dict, const rg_options *opts)
{
    rg_pipeline *p = rg_i_xcalloc(1, sizeof(*p));
    p->dict = dict;
    p->opts = *opts;
    p->tally = rg_i_tally_new(dict->n_actors);
    rg_i_strtab_init(&p->disc_ids);
    p->furniture = rg_i_boilerplate_new(&dict->furniture);
    /* libxml2 must be set up once before threads use it. */
    rg_i_html_setup();
    size_t threads = p->opts.threads;
    if (threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 ? (size_t)n : 1;
    }
    rg_workers_def def = {.threads = threads, .work = S_analyse, .merge = S_merge,
                          .ctx = p, .state_new = S_scratch_new,
                          .state_free = S_scratch_free, .state_arg = p};
    p->workers = rg_i_workers_new(&def);
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
    rg_i_workers_free(p->workers);
    while (p->spare) {
        S_job *j = p->spare;
        p->spare = j->next;
        S_job_free(j);
    }
    rg_i_tally_free(p->tally);
    rg_i_boilerplate_free(p->furniture);
    for (size_t i = 0; i < p->n_disc; i++)
        rg_i_found_actor_free(&p->disc[i]);
    free(p->disc);
    rg_i_strtab_destroy(&p->disc_ids);
    free(p);
}

rg_status rg_pipeline_add_path(rg_pipeline *p, const char *path)
{
    return rg_pipeline_add_paths(p, &path, 1);
}

rg_status rg_pipeline_add_paths(rg_pipeline *p, const char *const *paths,
                                size_t n)
{
    rg_status st = RG_OK;
    for (size_t i = 0; i < n && st == RG_OK; i++)
        st = rg_i_corpus_walk(paths[i], S_document, p, &p->opts.diag,
                              &p->stats.skipped, &p->stats.ignored);
    rg_status fin = rg_i_workers_finish(p->workers);
    return st != RG_OK ? st : fin;
}

rg_status rg_pipeline_add_buffer(rg_pipeline *p, const char *name,
                                 const char *bytes, size_t len)
{
    rg_buf content;
    rg_i_buf_init(&content);
    rg_i_buf_add(&content, bytes, len);   /* with a NUL, also for len 0 */
    rg_status st = S_document(p, name, &content);
    rg_i_buf_destroy(&content);
    rg_status fin = rg_i_workers_finish(p->workers);
    return st != RG_OK ? st : fin;
}

rg_stats rg_pipeline_stats(const rg_pipeline *p)
{
    return p->stats;
}

/* The actor of every tally number: the dictionary's, then those found. */
static const rg_actor **S_actors(const rg_pipeline *p)
{
    size_t n = p->dict->n_actors + p->n_disc;
    const rg_actor **v = rg_i_xmalloc((n ? n : 1) * sizeof(*v));
    for (size_t a = 0; a < p->dict->n_actors; a++)
        v[a] = &p->dict->actors[a];
    for (size_t i = 0; i < p->n_disc; i++)
        v[p->dict->n_actors + i] = &p->disc[i].a;
    return v;
}

rg_status rg_network_build(const rg_pipeline *p, rg_network **out)
{
    const rg_actor **actors = S_actors(p);
    rg_status st = rg_i_network_from_tally_ext(
        p->tally, actors, p->dict->n_actors + p->n_disc, out);
    free(actors);
    return st;
}

rg_status rg_pipeline_write_suggestions(const rg_pipeline *p, FILE *actors,
                                        FILE *aliases)
{
    rg_suggestion *v = rg_i_xmalloc((p->n_disc ? p->n_disc : 1) * sizeof(*v));
    for (size_t i = 0; i < p->n_disc; i++) {
        const rg_tally_actor *ta =
            rg_i_tally_actor(p->tally, p->dict->n_actors + i);
        v[i] = (rg_suggestion){&p->disc[i], ta->mentions, ta->documents};
    }
    rg_status st = rg_i_write_suggestions(v, p->n_disc, actors, aliases);
    free(v);
    return st;
}

/* An edge of the tally in the order of its key in a tally file. */
typedef struct S_tedge {
    const char *source, *target;
    const rg_tally_edge *e;
} S_tedge;

/* Key order: ids hold no byte <= ' ', so comparing the parts one by one
 * is comparing "E source target kind relation" bytewise. */
static int S_cmp_tedge(const void *a, const void *b)
{
    const S_tedge *x = a, *y = b;
    int c = strcmp(x->source, y->source);
    if (!c)
        c = strcmp(x->target, y->target);
    if (!c)
        c = strcmp(rg_i_kind_name(x->e->kind), rg_i_kind_name(y->e->kind));
    if (!c && x->e->relation != y->e->relation) {
        const char *rx = rg_i_relation_name(x->e->relation);
        const char *ry = rg_i_relation_name(y->e->relation);
        c = strcmp(*rx ? rx : "-", *ry ? ry : "-");
    }
    return c;
}

/* A mentioned actor: its id and tally number. */
typedef struct S_tactor {
    const char *id;
    size_t a;
} S_tactor;

static int S_cmp_tactor(const void *a, const void *b)
{
    return strcmp(((const S_tactor *)a)->id, ((const S_tactor *)b)->id);
}


rg_status rg_pipeline_write_tally(const rg_pipeline *p, FILE *out)
{
    size_t n_dict = p->dict->n_actors, n = n_dict + p->n_disc;
    const rg_actor **actors = S_actors(p);
    S_tactor *mentioned = rg_i_xmalloc((n ? n : 1) * sizeof(*mentioned));
    size_t nm = 0;
    rg_status st = RG_OK;
    for (size_t a = 0; a < n; a++) {
        if (!rg_i_tally_id_ok(actors[a]->id))
            st = RG_EINVAL;
        if (a < rg_i_tally_actor_count(p->tally) &&
            rg_i_tally_actor(p->tally, a)->mentions > 0)
            mentioned[nm++] = (S_tactor){actors[a]->id, a};
    }
    if (nm > 1)
        qsort(mentioned, nm, sizeof(*mentioned), S_cmp_tactor);
    size_t ne = rg_i_tally_edge_count(p->tally);
    S_tedge *edges = rg_i_xmalloc((ne ? ne : 1) * sizeof(*edges));
    for (size_t i = 0; i < ne; i++) {
        const rg_tally_edge *e = rg_i_tally_edge(p->tally, i);
        const char *s = actors[e->source]->id, *t = actors[e->target]->id;
        /* A co-occurrence edge is written source < target by id. */
        if (e->kind == RG_KIND_COOCCURRENCE && strcmp(s, t) > 0)
            edges[i] = (S_tedge){t, s, e};
        else
            edges[i] = (S_tedge){s, t, e};
    }
    if (ne > 1)
        qsort(edges, ne, sizeof(*edges), S_cmp_tedge);

    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_tally_header(&b, rg_dict_fingerprint(p->dict), &p->opts);
    rg_i_tally_stats(&b, &p->stats);
    for (size_t i = 0; st == RG_OK && i < nm; i++) {
        size_t k = mentioned[i].a;
        const rg_actor *a = actors[k];
        const rg_found_actor *f = k >= n_dict ? &p->disc[k - n_dict] : NULL;
        const rg_tally_actor *ta = rg_i_tally_actor(p->tally, k);
        rg_i_tally_actor_line(&b, a->id, ta->mentions, ta->documents,
                              rg_i_type_name(a->type), a->label, a->qid,
                              f ? f->doc : "", f ? f->example : "");
        st = rg_i_tally_flush(&b, out, 0);
    }
    for (size_t i = 0; st == RG_OK && i < ne; i++) {
        const rg_tally_edge *e = edges[i].e;
        rg_i_tally_edge_line(&b, edges[i].source, edges[i].target, e->kind,
                             e->relation, e->weight, e->documents, e->ev_verb,
                             e->ev_doc, e->ev_sentence, e->ev_start, e->ev_end,
                             e->ev_text, strlen(e->ev_text));
        st = rg_i_tally_flush(&b, out, 0);
    }
    if (st == RG_OK)
        st = rg_i_tally_flush(&b, out, 1);
    rg_i_buf_destroy(&b);
    free(edges);
    free(mentioned);
    free(actors);
    return st;
}
