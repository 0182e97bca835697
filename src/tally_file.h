/*
 * tally_file.h — the tally file format (docs/TALLY.md): one record per
 * line, "KEY<TAB>field<TAB>field...", sorted bytewise by KEY, so that
 * tallies merge by a streaming k-way merge and a Hadoop shuffle sorts
 * them the same way.  Values escape backslash, tab, line feed and
 * carriage return; keys are built from actor ids, which need no escape.
 */
#ifndef RG_TALLY_FILE_H
#define RG_TALLY_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "relgraph.h"
#include "util.h"

/* Record types, by the key's first byte; keys of the header and the
 * counts ('!') sort before actors ('A'), which sort before edges ('E'). */
enum rg_trec_type {
    RG_TREC_HEADER,     /* "!relgraph-tally": version, dictionary, options */
    RG_TREC_STATS,      /* "!stats": the counts of the run (rg_stats) */
    RG_TREC_ACTOR,      /* "A <id>" */
    RG_TREC_EDGE        /* "E <source> <target> <kind> <relation>" */
};

/* Field numbers after the key. */
enum { RG_TA_MENTIONS, RG_TA_DOCUMENTS, RG_TA_TYPE, RG_TA_LABEL, RG_TA_QID,
       RG_TA_DOC, RG_TA_EXAMPLE, RG_TA_COUNT };
enum { RG_TE_WEIGHT, RG_TE_DOCUMENTS, RG_TE_VERB, RG_TE_DOC, RG_TE_SENTENCE,
       RG_TE_START, RG_TE_END, RG_TE_TEXT, RG_TE_COUNT };
enum { RG_TS_COUNT = 8 };       /* rg_stats fields, in rg_i_tally_stats order */
enum { RG_TH_COUNT = 7 };       /* version, dict, relations, window, forms,
                                   boilerplate, discover */

#define RG_TREC_MAX_FIELDS 9

/* A parsed line: the key and the fields, unescaped and NUL-terminated,
 * pointing into the line that was parsed. */
typedef struct rg_trec {
    int type;                   /* enum rg_trec_type */
    const char *key;
    size_t key_len;
    char *f[RG_TREC_MAX_FIELDS];
    size_t nf;
    /* edges: the parts of the key, NUL-terminated copies */
    char *source, *target;
    int kind;                   /* enum rg_relation_kind */
    int relation;               /* class, 0 = none */
    rg_buf parts;               /* storage of source and target */
} rg_trec;

void rg_i_trec_init(rg_trec *r);
void rg_i_trec_destroy(rg_trec *r);

/*
 * Parses `line` (without its line feed, NUL-terminated, modified in place)
 * into r.  Returns NULL, or what is wrong with it (static text).
 */
const char *rg_i_trec_parse(char *line, size_t len, rg_trec *r);

/* Parses a decimal count field; 0 on success, -1 if it is not one. */
int rg_i_trec_count(const char *s, uint64_t *out);

/* Whether `id` can be part of a key (no byte <= ' ', no backslash). */
int rg_i_tally_id_ok(const char *id);

/* The lines, each ending in '\n', appended to b. */
void rg_i_tally_header(rg_buf *b, uint64_t fingerprint, const rg_options *o);
void rg_i_tally_stats(rg_buf *b, const rg_stats *s);
void rg_i_tally_actor_line(rg_buf *b, const char *id, uint64_t mentions,
                           uint64_t documents, const char *type,
                           const char *label, const char *qid,
                           const char *doc, const char *example);
/* `text` is text_len bytes (not NUL-terminated). */
void rg_i_tally_edge_line(rg_buf *b, const char *source, const char *target,
                          int kind, int relation, uint64_t weight,
                          uint64_t documents, const char *verb,
                          const char *doc, uint64_t sentence, uint64_t start,
                          uint64_t end, const char *text, size_t text_len);

/* Writes the lines in b to out once they fill 64 KiB, or all of them
 * with `all`, and empties b; with out NULL only empties it.  RG_OK, or
 * RG_EIO when a write fails. */
rg_status rg_i_tally_flush(rg_buf *b, FILE *out, int all);

/* The stats of a "!stats" record's fields; -1 if one is not a count. */
int rg_i_tally_parse_stats(const rg_trec *r, rg_stats *s);

#endif
