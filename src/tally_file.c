/*
 * tally_file.c — the lines of a tally file (docs/TALLY.md), written and
 * parsed.  Every writer of tallies (a run, a merge) goes through the line
 * functions here, so that the same records give the same bytes.
 */
#include "tally_file.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "relations.h"

static const char S_HEADER_KEY[] = "!relgraph-tally";
static const char S_STATS_KEY[] = "!stats";

void rg_i_trec_init(rg_trec *r)
{
    memset(r, 0, sizeof(*r));
    rg_i_buf_init(&r->parts);
}

void rg_i_trec_destroy(rg_trec *r)
{
    rg_i_buf_destroy(&r->parts);
}

int rg_i_tally_id_ok(const char *id)
{
    if (!*id)
        return 0;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p <= ' ' || *p == '\\' || *p == 0x7f)
            return 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/* A tab and s as a value: backslash, tab, line feed, carriage return
 * escaped, so that any text survives and a record stays one line. */
static void S_value(rg_buf *b, const char *s, size_t n)
{
    rg_i_buf_addc(b, '\t');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i], e = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n'
                         : c == '\r' ? 'r' : 0;
        if (!e)
            continue;
        rg_i_buf_add(b, s + run, i - run);
        rg_i_buf_addc(b, '\\');
        rg_i_buf_addc(b, e);
        run = i + 1;
    }
    rg_i_buf_add(b, s + run, n - run);
}

static void S_str(rg_buf *b, const char *s)
{
    S_value(b, s ? s : "", s ? strlen(s) : 0);
}

static void S_num(rg_buf *b, uint64_t v)
{
    rg_i_buf_printf(b, "\t%" PRIu64, v);
}

void rg_i_tally_header(rg_buf *b, uint64_t fingerprint, const rg_options *o)
{
    static const char *const rel[] = {"", "cooccurrence", "verbs", "all"};
    static const char *const win[] = {"sentence", "paragraph", "document"};
    rg_i_buf_printf(b, "%s\t%d\tdict=%016" PRIx64 "\trelations=%s\twindow=",
                    S_HEADER_KEY, RG_TALLY_FORMAT, fingerprint,
                    rel[o->relations & RG_REL_ALL]);
    if (o->window == RG_WINDOW_TOKENS)
        rg_i_buf_printf(b, "%zu", o->window_tokens);
    else
        rg_i_buf_adds(b, win[o->window <= RG_WINDOW_DOCUMENT ? o->window : 0]);
    rg_i_buf_adds(b, "\tforms=");
    if ((o->forms & RG_FORMS_ALL) == RG_FORMS_ALL) {
        rg_i_buf_adds(b, "all");
    } else {
        const char *sep = "";
        for (int f = 0; f < RG_FORM_COUNT; f++)
            if (o->forms & (1u << f)) {
                rg_i_buf_printf(b, "%s%s", sep, rg_i_form_name(f));
                sep = ",";
            }
    }
    rg_i_buf_printf(b, "\tboilerplate=%s\tdiscover=%s\n",
                    o->keep_boilerplate ? "keep" : "drop",
                    o->no_discover ? "off" : "on");
}

void rg_i_tally_stats(rg_buf *b, const rg_stats *s)
{
    rg_i_buf_adds(b, S_STATS_KEY);
    S_num(b, s->documents);
    S_num(b, s->skipped);
    S_num(b, s->ignored);
    S_num(b, s->repaired);
    S_num(b, s->bytes);
    S_num(b, s->sentences);
    S_num(b, s->mentions);
    S_num(b, s->unresolved);
    rg_i_buf_addc(b, '\n');
}

void rg_i_tally_actor_line(rg_buf *b, const char *id, uint64_t mentions,
                           uint64_t documents, const char *type,
                           const char *label, const char *qid,
                           const char *doc, const char *example)
{
    rg_i_buf_printf(b, "A %s", id);
    S_num(b, mentions);
    S_num(b, documents);
    S_str(b, type);
    S_str(b, label);
    S_str(b, qid);
    S_str(b, doc);
    S_str(b, example);
    rg_i_buf_addc(b, '\n');
}

void rg_i_tally_edge_line(rg_buf *b, const char *source, const char *target,
                          int kind, int relation, uint64_t weight,
                          uint64_t documents, const char *verb,
                          const char *doc, uint64_t sentence, uint64_t start,
                          uint64_t end, const char *text, size_t text_len)
{
    const char *rel = relation ? rg_i_relation_name(relation) : "";
    rg_i_buf_printf(b, "E %s %s %s %s", source, target, rg_i_kind_name(kind),
                    *rel ? rel : "-");
    S_num(b, weight);
    S_num(b, documents);
    S_str(b, verb);
    S_str(b, doc);
    S_num(b, sentence);
    S_num(b, start);
    S_num(b, end);
    S_value(b, text ? text : "", text ? text_len : 0);
    rg_i_buf_addc(b, '\n');
}

rg_status rg_i_tally_flush(rg_buf *b, FILE *out, int all)
{
    if (b->len < (all ? 1 : 1u << 16))
        return RG_OK;
    size_t n = b->len;
    int ok = !out || fwrite(b->data, 1, n, out) == n;
    rg_i_buf_reset(b);
    return ok ? RG_OK : RG_EIO;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

int rg_i_trec_count(const char *s, uint64_t *out)
{
    if (*s < '0' || *s > '9' || (s[0] == '0' && s[1]))
        return -1;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* Unescapes s in place up to the next tab or the end and terminates it;
 * returns the byte after the field (the next field's first, or NULL at
 * the end of the line) through *next.  -1 on a bad escape. */
static int S_unescape(char *s, char **next)
{
    char *w = s;
    for (; *s && *s != '\t'; s++) {
        if (*s != '\\') {
            *w++ = *s;
            continue;
        }
        char c = s[1];
        *w++ = c == '\\' ? '\\' : c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : 0;
        if (!w[-1])
            return -1;
        s++;
    }
    *next = *s == '\t' ? s + 1 : NULL;
    *w = '\0';
    return 0;
}

/* The parts of an edge key: "E source target kind relation". */
static const char *S_edge_key(rg_trec *r)
{
    const char *p = r->key + 2, *end = r->key + r->key_len;
    const char *part[4];
    size_t len[4];
    for (int i = 0; i < 4; i++) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        if (i == 3 ? sp != NULL : sp == NULL)
            return "an edge key needs source, target, kind and relation";
        part[i] = p;
        len[i] = (size_t)((i == 3 ? end : sp) - p);
        if (!len[i])
            return "an empty part in an edge key";
        if (sp)
            p = sp + 1;
    }
    if (len[2] == 12 && memcmp(part[2], "cooccurrence", 12) == 0)
        r->kind = 0;
    else if (len[2] == 8 && memcmp(part[2], "relation", 8) == 0)
        r->kind = 1;
    else
        return "unknown edge kind (expected cooccurrence or relation)";
    rg_i_buf_reset(&r->parts);
    rg_i_buf_add(&r->parts, part[0], len[0]);
    rg_i_buf_addc(&r->parts, '\0');
    rg_i_buf_add(&r->parts, part[1], len[1]);
    rg_i_buf_addc(&r->parts, '\0');
    rg_i_buf_add(&r->parts, part[3], len[3]);
    rg_i_buf_addc(&r->parts, '\0');
    r->source = r->parts.data;
    r->target = r->parts.data + len[0] + 1;
    const char *rel = r->target + len[1] + 1;
    if (r->kind == 0) {
        if (strcmp(rel, "-") != 0)
            return "a co-occurrence edge has no relation class (-)";
        r->relation = 0;
    } else if ((r->relation = rg_i_relation_parse(rel)) < 0) {
        return "unknown relation class";
    }
    return NULL;
}

const char *rg_i_trec_parse(char *line, size_t len, rg_trec *r)
{
    if (memchr(line, '\0', len))
        return "a NUL byte in the line (not a tally file?)";
    char *tab = strchr(line, '\t');
    if (!tab)
        return "no tab after the key (not a tally file?)";
    r->key = line;
    r->key_len = (size_t)(tab - line);
    size_t need;
    if (r->key_len == sizeof(S_HEADER_KEY) - 1 &&
        memcmp(line, S_HEADER_KEY, r->key_len) == 0) {
        r->type = RG_TREC_HEADER;
        need = RG_TH_COUNT;
    } else if (r->key_len == sizeof(S_STATS_KEY) - 1 &&
               memcmp(line, S_STATS_KEY, r->key_len) == 0) {
        r->type = RG_TREC_STATS;
        need = RG_TS_COUNT;
    } else if (r->key_len > 2 && line[0] == 'A' && line[1] == ' ') {
        r->type = RG_TREC_ACTOR;
        need = RG_TA_COUNT;
    } else if (r->key_len > 2 && line[0] == 'E' && line[1] == ' ') {
        r->type = RG_TREC_EDGE;
        need = RG_TE_COUNT;
    } else {
        return "unknown record (a tally line starts with !relgraph-tally, "
               "!stats, 'A ' or 'E ')";
    }
    r->nf = 0;
    for (char *p = tab + 1; p;) {
        if (r->nf == RG_TREC_MAX_FIELDS)
            return "too many fields";
        r->f[r->nf++] = p;
        if (S_unescape(p, &p) != 0)
            return "a bad escape (a backslash must be followed by \\, t, n or r)";
    }
    if (r->nf != need)
        return "wrong number of fields";
    if (r->type == RG_TREC_EDGE)
        return S_edge_key(r);
    if (r->type == RG_TREC_ACTOR && memchr(line + 2, ' ', r->key_len - 2))
        return "a space in an actor id";
    return NULL;
}

int rg_i_tally_parse_stats(const rg_trec *r, rg_stats *s)
{
    uint64_t v[RG_TS_COUNT];
    for (size_t i = 0; i < RG_TS_COUNT; i++)
        if (rg_i_trec_count(r->f[i], &v[i]) != 0)
            return -1;
    s->documents = (size_t)v[0];
    s->skipped = (size_t)v[1];
    s->ignored = (size_t)v[2];
    s->repaired = (size_t)v[3];
    s->bytes = v[4];
    s->sentences = (size_t)v[5];
    s->mentions = (size_t)v[6];
    s->unresolved = (size_t)v[7];
    return 0;
}
