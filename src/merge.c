/*
 * merge.c — tally files merged: one streaming k-way pass over inputs that
 * are each sorted by key.  A heap holds the current line of every input;
 * all lines of the smallest key, from any input (a Hadoop reducer's input
 * has one key from many mappers in a row), are combined into one record,
 * which is written to the merged tally and, when asked, kept to build the
 * network.  Combining is a sum of counts and a minimum over the rest (the
 * earliest document's evidence, by rg_path_compare), so it is associative
 * and commutative: any grouping of the same shards gives the same bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "network.h"
#include "relations.h"
#include "relgraph.h"
#include "suggest.h"
#include "tally.h"
#include "tally_file.h"
#include "util.h"

/* One input: its current line, parsed. */
typedef struct S_in {
    const char *name;
    FILE *fp;
    rg_buf line;
    size_t lineno;
    rg_trec rec;
    rg_buf prev;                /* the key before, to check the order */
    int eof;
} S_in;

/* The record being combined from all lines of one key.  `best` holds the
 * fields of the line chosen for everything that is not a count. */
typedef struct S_acc {
    int type;
    rg_buf key;
    uint64_t n[RG_TS_COUNT];    /* counts: the first fields that are sums */
    rg_buf best;                /* the chosen line's fields, NUL-separated */
    size_t nf;
    const char *f[RG_TREC_MAX_FIELDS];
    /* edges: the parts of the key, and the chosen evidence's sentence,
     * start and end */
    rg_buf ends;                /* source NUL target NUL */
    const char *source, *target;
    int kind, relation;
    uint64_t ev[3];
} S_acc;

struct rg_merge {
    int keep;
    rg_diag diag;
    rg_stats stats;
    rg_buf header;              /* the header line's fields, as read */
    const char *header_from;    /* the input it came from */
    int ran;
    /* with keep: the merged tally and its actors */
    rg_tally *tally;
    rg_strtab ids;              /* id -> index into actors */
    rg_found_actor *actors;     /* all actors: dictionary ones with doc and
                                   example "" */
    size_t n_actors, cap_actors;
};

rg_merge *rg_merge_new(int keep, const rg_diag *diag)
{
    rg_merge *m = rg_i_xcalloc(1, sizeof(*m));
    m->keep = keep;
    if (diag)
        m->diag = *diag;
    rg_i_buf_init(&m->header);
    rg_i_strtab_init(&m->ids);
    m->tally = rg_i_tally_new(0);
    return m;
}

void rg_merge_free(rg_merge *m)
{
    if (!m)
        return;
    rg_i_buf_destroy(&m->header);
    rg_i_strtab_destroy(&m->ids);
    rg_i_tally_free(m->tally);
    for (size_t i = 0; i < m->n_actors; i++)
        rg_i_found_actor_free(&m->actors[i]);
    free(m->actors);
    free(m);
}

rg_stats rg_merge_stats(const rg_merge *m)
{
    return m->stats;
}

/* ------------------------------------------------------------------ */
/* Inputs                                                              */
/* ------------------------------------------------------------------ */

/* Reads the next line of `in` and parses it; RG_OK at the end too
 * (in->eof set).  Problems are reported as file:line. */
static rg_status S_next(rg_merge *m, S_in *in)
{
    rg_i_buf_reset(&in->prev);
    if (in->lineno)
        rg_i_buf_add(&in->prev, in->rec.key, in->rec.key_len);
    rg_i_buf_reset(&in->line);
    int c;
    while ((c = getc(in->fp)) != EOF && c != '\n')
        rg_i_buf_addc(&in->line, (char)c);
    if (ferror(in->fp)) {
        rg_i_diag(&m->diag, RG_ERROR, in->name, "cannot read: %s", strerror(errno));
        return RG_EIO;
    }
    if (c == EOF && in->line.len == 0) {
        in->eof = 1;
        if (in->lineno == 0) {
            rg_i_diag(&m->diag, RG_ERROR, in->name,
                      "empty: not a relgraph tally file");
            return RG_EPARSE;
        }
        return RG_OK;
    }
    in->lineno++;
    rg_i_buf_addc(&in->line, '\0');
    in->line.len--;
    char where[32];
    snprintf(where, sizeof(where), "%zu", in->lineno);
    const char *bad = rg_i_trec_parse(in->line.data, in->line.len, &in->rec);
    if (in->lineno == 1 && (bad || in->rec.type != RG_TREC_HEADER))
        bad = "not a relgraph tally file (the first line must be its "
              "!relgraph-tally header)";
    if (!bad && in->lineno > 1) {
        size_t pl = in->prev.len, kl = in->rec.key_len;
        int c2 = memcmp(in->prev.data, in->rec.key, pl < kl ? pl : kl);
        if (c2 > 0 || (c2 == 0 && pl > kl))
            bad = "out of order (a tally is sorted by its first field; "
                  "was it edited or sorted with a locale? use LC_ALL=C sort)";
    }
    if (bad) {
        rg_buf w;
        rg_i_buf_init(&w);
        rg_i_buf_printf(&w, "%s:%s", in->name, where);
        rg_i_diag(&m->diag, RG_ERROR, w.data, "%s", bad);
        rg_i_buf_destroy(&w);
        return RG_EPARSE;
    }
    return RG_OK;
}

/* Heap order: key bytes, then input number (for a stable choice). */
static int S_less(const S_in *a, const S_in *b)
{
    size_t n = a->rec.key_len < b->rec.key_len ? a->rec.key_len : b->rec.key_len;
    int c = memcmp(a->rec.key, b->rec.key, n);
    if (c)
        return c < 0;
    if (a->rec.key_len != b->rec.key_len)
        return a->rec.key_len < b->rec.key_len;
    return a < b;
}

static void S_sift(S_in **h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, s = i;
        if (l < n && S_less(h[l], h[s]))
            s = l;
        if (r < n && S_less(h[r], h[s]))
            s = r;
        if (s == i)
            return;
        S_in *t = h[i];
        h[i] = h[s];
        h[s] = t;
        i = s;
    }
}

/* ------------------------------------------------------------------ */
/* Combining the lines of one key                                      */
/* ------------------------------------------------------------------ */

/* How many leading fields of a record type are counts to sum. */
static size_t S_sums(int type)
{
    return type == RG_TREC_STATS ? RG_TS_COUNT
           : type == RG_TREC_HEADER ? 0 : 2;
}

/* Whether r's non-count fields come before acc's: the earlier document
 * (path order), then sentence and start of an edge's evidence, then the
 * bytes of the fields, so that the choice is a minimum over a total order
 * (associative, commutative). */
static int S_before(const S_acc *acc, const rg_trec *r)
{
    if (acc->type == RG_TREC_ACTOR || acc->type == RG_TREC_EDGE) {
        size_t d = acc->type == RG_TREC_ACTOR ? RG_TA_DOC : RG_TE_DOC;
        int c = rg_path_compare(r->f[d], acc->f[d]);
        if (c)
            return c < 0;
        if (acc->type == RG_TREC_EDGE) {
            for (size_t k = 0; k < 2; k++) {   /* sentence, start */
                uint64_t x = 0;
                rg_i_trec_count(r->f[RG_TE_SENTENCE + k], &x);
                if (x != acc->ev[k])
                    return x < acc->ev[k];
            }
        }
    }
    for (size_t k = S_sums(acc->type); k < r->nf; k++) {
        int c = strcmp(r->f[k], acc->f[k]);
        if (c)
            return c < 0;
    }
    return 0;
}

static void S_take(S_acc *acc, const rg_trec *r)
{
    rg_i_buf_reset(&acc->best);
    size_t off[RG_TREC_MAX_FIELDS];
    for (size_t k = 0; k < r->nf; k++) {
        off[k] = acc->best.len;
        rg_i_buf_add(&acc->best, r->f[k], strlen(r->f[k]) + 1);
    }
    acc->nf = r->nf;
    for (size_t k = 0; k < r->nf; k++)
        acc->f[k] = acc->best.data + off[k];
    if (r->type == RG_TREC_EDGE)   /* checked by S_combine */
        for (size_t k = 0; k < 3; k++)
            rg_i_trec_count(r->f[RG_TE_SENTENCE + k], &acc->ev[k]);
}

/* Adds line r (of the accumulated key) to acc; NULL or what is wrong. */
static const char *S_combine(S_acc *acc, const rg_trec *r, int first)
{
    size_t sums = S_sums(r->type);
    for (size_t k = 0; k < sums; k++) {
        uint64_t v;
        if (rg_i_trec_count(r->f[k], &v) != 0)
            return "a count that is not a number";
        if (first)
            acc->n[k] = 0;
        if (acc->n[k] > UINT64_MAX - v)
            return "a count overflows";
        acc->n[k] += v;
    }
    if (r->type == RG_TREC_EDGE)
        for (size_t k = RG_TE_SENTENCE; k <= RG_TE_END; k++) {
            uint64_t v;
            if (rg_i_trec_count(r->f[k], &v) != 0)
                return "an evidence position that is not a number";
        }
    if (r->type == RG_TREC_ACTOR && rg_i_type_parse(r->f[RG_TA_TYPE]) < 0)
        return "unknown actor type";
    if (first) {
        acc->type = r->type;
        if (r->type == RG_TREC_EDGE) {
            size_t sl = strlen(r->source);
            rg_i_buf_reset(&acc->ends);
            rg_i_buf_add(&acc->ends, r->source, sl + 1);
            rg_i_buf_add(&acc->ends, r->target, strlen(r->target) + 1);
            acc->source = acc->ends.data;
            acc->target = acc->ends.data + sl + 1;
            acc->kind = r->kind;
            acc->relation = r->relation;
        }
        rg_i_buf_reset(&acc->key);
        rg_i_buf_add(&acc->key, r->key, r->key_len);
        rg_i_buf_addc(&acc->key, '\0');
        acc->key.len--;
        S_take(acc, r);
    } else if (S_before(acc, r)) {
        S_take(acc, r);
    }
    return NULL;
}

/* The header of every input must be the first one's.  Says which option
 * differs, since that is what the user has to fix. */
static rg_status S_header(rg_merge *m, const S_in *in)
{
    const rg_trec *r = &in->rec;
    if (strcmp(r->f[0], "1") != 0) {
        uint64_t v = 0;
        int newer = rg_i_trec_count(r->f[0], &v) == 0 && v > RG_TALLY_FORMAT;
        rg_i_diag(&m->diag, RG_ERROR, in->name,
                  "tally format %s; this relgraph reads format %d%s", r->f[0],
                  RG_TALLY_FORMAT,
                  newer ? " (made by a newer relgraph: merge it with that one)"
                        : "");
        return RG_EPARSE;
    }
    if (!m->header_from) {
        for (size_t k = 0; k < r->nf; k++)
            rg_i_buf_add(&m->header, r->f[k], strlen(r->f[k]) + 1);
        m->header_from = in->name;
        return RG_OK;
    }
    const char *h = m->header.data;
    for (size_t k = 0; k < r->nf; k++, h += strlen(h) + 1) {
        if (strcmp(h, r->f[k]) == 0)
            continue;
        const char *what = strncmp(h, "dict=", 5) == 0
                               ? "were made with different dictionaries"
                               : "were made with different options";
        rg_i_diag(&m->diag, RG_ERROR, in->name,
                  "cannot be merged with %s: they %s (%s here, %s there); "
                  "tally every shard with the same dictionary and options",
                  m->header_from, what, r->f[k], h);
        return RG_EINVAL;
    }
    return RG_OK;
}

/* ------------------------------------------------------------------ */
/* Keeping the merged tally in memory                                  */
/* ------------------------------------------------------------------ */

static void S_keep_actor(rg_merge *m, const S_acc *acc)
{
    /* Each key arrives once (its lines are combined), so the id is new. */
    const char *id = acc->key.data + 2;
    int32_t a = rg_i_strtab_intern(&m->ids, id, strlen(id));
    RG_GROW(m->actors, m->cap_actors, m->n_actors + 1);
    m->actors[m->n_actors++] = (rg_found_actor){
        .a = {.id = rg_i_xstrdup(id),
              .label = rg_i_xstrdup(acc->f[RG_TA_LABEL]),
              .qid = rg_i_xstrdup(acc->f[RG_TA_QID]),
              .type = (uint8_t)rg_i_type_parse(acc->f[RG_TA_TYPE])},
        .doc = rg_i_xstrdup(acc->f[RG_TA_DOC]),
        .example = rg_i_xstrdup(acc->f[RG_TA_EXAMPLE])};
    rg_i_tally_set_actor(m->tally, (uint32_t)a, acc->n[0],
                         (uint32_t)acc->n[1]);
}

/* An edge at actors that have no record: the tally is damaged. */
static rg_status S_keep_edge(rg_merge *m, const S_acc *acc)
{
    int32_t s = rg_i_strtab_find(&m->ids, acc->source, strlen(acc->source));
    int32_t t = rg_i_strtab_find(&m->ids, acc->target, strlen(acc->target));
    if (s < 0 || t < 0) {
        rg_i_diag(&m->diag, RG_ERROR, "",
                  "edge '%s' names an actor without an actor record "
                  "(a damaged tally?)", acc->key.data);
        return RG_EPARSE;
    }
    const char *verb = acc->f[RG_TE_VERB];
    rg_tally_evidence ev = {acc->f[RG_TE_DOC], (uint32_t)acc->ev[0], acc->ev[1],
                            acc->ev[2],
                            acc->f[RG_TE_TEXT], strlen(acc->f[RG_TE_TEXT]),
                            *verb ? verb : NULL};
    rg_i_tally_add_edge(m->tally, (uint32_t)s, (uint32_t)t, (uint8_t)acc->kind,
                        (uint16_t)acc->relation, acc->n[0], (uint32_t)acc->n[1],
                        &ev);
    return RG_OK;
}

/* ------------------------------------------------------------------ */
/* The merge                                                           */
/* ------------------------------------------------------------------ */

/* Writes the combined record; keeps it with m->keep. */
static rg_status S_emit(rg_merge *m, const S_acc *acc, rg_buf *out)
{
    switch (acc->type) {
    case RG_TREC_HEADER:
        rg_i_buf_adds(out, acc->key.data);
        for (size_t k = 0; k < acc->nf; k++) {
            rg_i_buf_addc(out, '\t');
            rg_i_buf_adds(out, acc->f[k]);
        }
        rg_i_buf_addc(out, '\n');
        return RG_OK;
    case RG_TREC_STATS: {
        rg_stats s = {(size_t)acc->n[0], (size_t)acc->n[1], (size_t)acc->n[2],
                      (size_t)acc->n[3], acc->n[4], (size_t)acc->n[5],
                      (size_t)acc->n[6], (size_t)acc->n[7]};
        m->stats = s;
        rg_i_tally_stats(out, &s);
        return RG_OK;
    }
    case RG_TREC_ACTOR:
        rg_i_tally_actor_line(out, acc->key.data + 2, acc->n[0], acc->n[1],
                              acc->f[RG_TA_TYPE], acc->f[RG_TA_LABEL],
                              acc->f[RG_TA_QID], acc->f[RG_TA_DOC],
                              acc->f[RG_TA_EXAMPLE]);
        if (m->keep)
            S_keep_actor(m, acc);
        return RG_OK;
    default:
        rg_i_tally_edge_line(out, acc->source, acc->target, acc->kind,
                             acc->relation, acc->n[0], acc->n[1],
                             acc->f[RG_TE_VERB], acc->f[RG_TE_DOC], acc->ev[0],
                             acc->ev[1], acc->ev[2], acc->f[RG_TE_TEXT],
                             strlen(acc->f[RG_TE_TEXT]));
        return m->keep ? S_keep_edge(m, acc) : RG_OK;
    }
}

/* A shard given twice would count its documents twice: refuse. */
static rg_status S_distinct(rg_merge *m, const S_in *in, size_t n)
{
    struct stat *st = rg_i_xcalloc(n, sizeof(*st));   /* 0: not a file */
    rg_status status = RG_OK;
    for (size_t i = 0; i < n && status == RG_OK; i++) {
        if (fstat(fileno(in[i].fp), &st[i]) != 0 || !S_ISREG(st[i].st_mode))
            continue;
        for (size_t j = 0; j < i; j++)
            if (S_ISREG(st[j].st_mode) && st[j].st_dev == st[i].st_dev &&
                st[j].st_ino == st[i].st_ino) {
                rg_i_diag(&m->diag, RG_ERROR, in[i].name,
                          "the same file as %s: a tally merged twice would "
                          "count its documents twice", in[j].name);
                status = RG_EINVAL;
                break;
            }
    }
    free(st);
    return status;
}

rg_status rg_merge_run(rg_merge *m, const char *const *paths, size_t n,
                       FILE *out)
{
    if (m->ran || n == 0)
        return RG_EINVAL;
    m->ran = 1;
    S_in *in = rg_i_xcalloc(n, sizeof(*in));
    S_in **heap = rg_i_xmalloc(n * sizeof(*heap));
    size_t nh = 0;
    rg_status st = RG_OK;
    for (size_t i = 0; i < n; i++) {
        in[i].name = strcmp(paths[i], "-") == 0 ? "(standard input)" : paths[i];
        rg_i_buf_init(&in[i].line);
        rg_i_buf_init(&in[i].prev);
        rg_i_trec_init(&in[i].rec);
    }
    for (size_t i = 0; st == RG_OK && i < n; i++) {
        in[i].fp = strcmp(paths[i], "-") == 0 ? stdin : fopen(paths[i], "rb");
        if (!in[i].fp) {
            rg_i_diag(&m->diag, RG_ERROR, paths[i], "cannot read: %s%s",
                      strerror(errno),
                      errno == EMFILE ? " (too many files for one merge: merge "
                                        "in groups, then merge the groups)"
                                      : "");
            st = RG_EIO;
        } else if ((st = S_next(m, &in[i])) == RG_OK) {
            heap[nh++] = &in[i];
        }
    }
    if (st == RG_OK)
        st = S_distinct(m, in, n);
    for (size_t i = nh / 2; st == RG_OK && i-- > 0;)
        S_sift(heap, nh, i);

    S_acc acc = {0};
    rg_i_buf_init(&acc.key);
    rg_i_buf_init(&acc.best);
    rg_i_buf_init(&acc.ends);
    rg_buf ob;
    rg_i_buf_init(&ob);
    while (st == RG_OK && nh > 0) {
        /* All lines of the smallest key, from whichever inputs hold it. */
        int first = 1;
        while (st == RG_OK && nh > 0) {
            S_in *top = heap[0];
            if (!first && (top->rec.key_len != acc.key.len ||
                           memcmp(top->rec.key, acc.key.data, acc.key.len) != 0))
                break;
            if (top->rec.type == RG_TREC_HEADER)
                st = S_header(m, top);
            const char *bad = st == RG_OK ? S_combine(&acc, &top->rec, first) : NULL;
            if (bad) {
                rg_buf w;
                rg_i_buf_init(&w);
                rg_i_buf_printf(&w, "%s:%zu", top->name, top->lineno);
                rg_i_diag(&m->diag, RG_ERROR, w.data, "%s", bad);
                rg_i_buf_destroy(&w);
                st = RG_EPARSE;
            }
            first = 0;
            if (st == RG_OK)
                st = S_next(m, top);
            if (st != RG_OK)    /* top's record may point into freed memory */
                break;
            if (top->eof)
                heap[0] = heap[--nh];
            S_sift(heap, nh, 0);
        }
        if (st == RG_OK)
            st = S_emit(m, &acc, &ob);
        if (st == RG_OK)
            st = rg_i_tally_flush(&ob, out, 0);
    }
    if (st == RG_OK)
        st = rg_i_tally_flush(&ob, out, 1);
    rg_i_buf_destroy(&ob);
    rg_i_buf_destroy(&acc.ends);
    rg_i_buf_destroy(&acc.key);
    rg_i_buf_destroy(&acc.best);
    for (size_t i = 0; i < n; i++) {
        if (in[i].fp && in[i].fp != stdin)
            fclose(in[i].fp);
        rg_i_buf_destroy(&in[i].line);
        rg_i_buf_destroy(&in[i].prev);
        rg_i_trec_destroy(&in[i].rec);
    }
    free(in);
    free(heap);
    return st;
}

rg_status rg_merge_network(const rg_merge *m, rg_network **out)
{
    if (!m->keep || !m->ran)
        return RG_EINVAL;
    const rg_actor **actors =
        rg_i_xmalloc((m->n_actors ? m->n_actors : 1) * sizeof(*actors));
    for (size_t a = 0; a < m->n_actors; a++)
        actors[a] = &m->actors[a].a;
    rg_status st = rg_i_network_from_tally_ext(m->tally, actors, m->n_actors, out);
    free(actors);
    return st;
}

rg_status rg_merge_write_suggestions(const rg_merge *m, FILE *actors,
                                     FILE *aliases)
{
    if (!m->keep || !m->ran)
        return RG_EINVAL;
    rg_suggestion *v = rg_i_xmalloc((m->n_actors ? m->n_actors : 1) * sizeof(*v));
    size_t n = 0;
    for (size_t a = 0; a < m->n_actors; a++) {
        if (!rg_i_id_discovered(m->actors[a].a.id))
            continue;
        const rg_tally_actor *ta = rg_i_tally_actor(m->tally, a);
        v[n++] = (rg_suggestion){&m->actors[a], ta->mentions, ta->documents};
    }
    rg_status st = rg_i_write_suggestions(v, n, actors, aliases);
    free(v);
    return st;
}
