/*
 * sentences.h — stage 3b: tokens -> German sentences and paragraphs.
 */
#ifndef RG_SENTENCES_H
#define RG_SENTENCES_H

#include <stddef.h>
#include <stdint.h>

#include "tokens.h"
#include "util.h"

/* Limit: a sentence is ended after this many tokens (no German sentence
 * is that long; text without punctuation is then split into pieces, which
 * bounds the pairs of co-occurring actors per sentence). */
#define RG_MAX_SENTENCE_TOKENS 1000

typedef struct rg_sentence {
    uint32_t tok_begin, tok_end;   /* tokens [tok_begin, tok_end) */
    uint32_t start, end;           /* text bytes: first token's start to
                                      last token's end */
    uint32_t paragraph;            /* 0-based paragraph index in the document */
} rg_sentence;

typedef struct rg_sentences {
    rg_sentence *v;
    size_t n, cap;
} rg_sentences;

void rg_i_sentences_init(rg_sentences *s);
void rg_i_sentences_destroy(rg_sentences *s);

/*
 * Replaces the contents of `out` with the sentences of the tokens `toks`
 * of `text`.  `abbrevs` holds abbreviations as written without spaces and
 * with their final dot ("Dr.", "z.B.", "u.a."); may be NULL.
 *
 * A sentence ends after . ! ? (and closing quotes or brackets right after
 * them) unless the dot ends an abbreviation, a single letter (initials,
 * "z. B."), or an ordinal number followed by a lowercase word or a month
 * name ("1. Oktober"); it also ends at a line break when the next line does
 * not start with a lowercase letter (headlines, lines without end
 * punctuation), and at every blank line, which also starts a new paragraph.
 * End punctuation followed by a lowercase word, a comma or a semicolon
 * does not end the sentence („Kommst du?“, fragte er).  The full rules are
 * at the top of sentences.c.
 * Time complexity: O(number of tokens).
 */
void rg_i_split_sentences(rg_sentences *out, const char *text,
                          const rg_tokens *toks, const rg_strtab *abbrevs);

/* What rg_i_split_sentences works out of `abbrevs` at the first dot of
 * every call (their first bytes and lengths: a filter), made once: for a
 * worker that splits many documents with one dictionary.  The table must
 * not change while the filter lives; abbrevs may be NULL. */
typedef struct rg_abbr_filter rg_abbr_filter;
rg_abbr_filter *rg_i_abbr_filter_new(const rg_strtab *abbrevs);
void rg_i_abbr_filter_free(rg_abbr_filter *f);

/* rg_i_split_sentences with the table of filter f (made by
 * rg_i_abbr_filter_new; NULL for none): the same sentences. */
void rg_i_split_sentences_with(rg_sentences *out, const char *text,
                               const rg_tokens *toks, rg_abbr_filter *f);

#endif
