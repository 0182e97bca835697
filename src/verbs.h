/*
 * verbs.h — the verb lexicon (dict/verbs.tsv): German verbs of political
 * news with their relation class and every form needed to find them.
 * Loaded by dict.c, which hands it the lines of any table whose header
 * rg_i_verbs_header accepts; used by relations.c.
 *
 * Ownership: the lexicon owns every string it hands out; pointers into it
 * (entries, lemmas, hits, the word table and its words) stay valid until
 * rg_i_verbs_free or the next rg_i_verbs_line / rg_i_verbs_finish.
 */
#ifndef RG_VERBS_H
#define RG_VERBS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "relgraph.h"

typedef struct rg_verbs rg_verbs;

/* What a form is; a folded word can be several at once ("verurteilt" is
 * finite and a participle; "warnen" finite and infinitive). */
enum rg_verb_form {
    RG_VF_FINITE = 1 << 0,     /* present or past, any person */
    RG_VF_INFINITIVE = 1 << 1, /* warnen, einbestellen */
    RG_VF_PARTICIPLE = 1 << 2, /* gewarnt, eingesetzt */
    RG_VF_ZU = 1 << 3,         /* zu-infinitive in one word: einzusetzen */
    RG_VF_SPLIT = 1 << 4       /* finite form of a separable verb without
                                  its particle: "bestellte" of einbestellen,
                                  whose particle must close the clause */
};

/* One alternative of a pattern word ("a|b*"), parsed once. */
typedef struct rg_verb_alt {
    const char *s;         /* into the entry's words (not NUL-terminated
                              here: a prefix stops before its '*') */
    uint32_t len;
    uint8_t prefix;        /* "b*": any word that starts with s */
    uint64_t hash;         /* rg_i_hash(s, len), for a whole word */
} rg_verb_alt;

/* One line of a verb table. */
typedef struct rg_verb_entry {
    char *lemma;           /* NFC, as written: einbestellen */
    uint16_t relation;     /* enum rg_relation_class (relations.h) */
    char *particle;        /* folded separable particle, "" if none */
    char **words;          /* folded words the clause must contain;
                              a trailing '*' makes one a prefix */
    size_t n_words;
    rg_verb_alt *alts;     /* the alternatives of words[w]:
                              alts[alt_first[w] .. alt_first[w + 1]) */
    uint32_t *alt_first;   /* n_words + 1 */
    uint64_t *alt_bytes;   /* per word, 4 each: a bit for the first byte
                              of each of its alternatives (a word of the
                              clause that starts otherwise is none) */
    char **preps;          /* folded prepositions whose actor is the
                              target (">nach"); when any is given, one
                              must be present */
    uint64_t *prep_hash;   /* rg_i_hash of each */
    size_t n_preps;
    int reflexive;         /* "sich" in the pattern: needs a reflexive */
    char *forms;           /* folded `forms` column (principal parts) */
    char *where;           /* "file:line" */
} rg_verb_entry;

/* A form of an entry, as found by lookup. */
typedef struct rg_verb_hit {
    uint32_t entry;        /* index for rg_i_verbs_entry */
    uint8_t flags;         /* enum rg_verb_form */
} rg_verb_hit;

/* What the verb rules (relations.c) ask of a folded word, answered by one
 * lookup (rg_i_verbs_word): its forms in the lexicon and the classes of
 * relations.c's function-word lists (rg_i_relations_words). */
typedef struct rg_verb_word {
    const rg_verb_hit *hits;   /* as rg_i_verbs_lookup gives them */
    uint32_t n_hits;
    uint32_t cls;              /* relations.c's word classes (opaque here) */
    uint8_t flags;             /* the union of the hits' flags */
    char det;                  /* relations.c's determiner case, or 0 */
} rg_verb_word;

rg_verbs *rg_i_verbs_new(void);
void rg_i_verbs_free(rg_verbs *v);

/* Whether the header fields f[0..nf) are those of a verb table:
 * lemma, class, particle, forms, pattern. */
int rg_i_verbs_header(char *const *f, size_t nf);

/* One data line of a verb table (fields f[0..nf), NUL-terminated, trimmed;
 * trailing empty fields may be left out); malformed lines are reported at
 * `where` ("file:line") through diag.
 * Returns 0, or -1 when the line was malformed. */
int rg_i_verbs_line(rg_verbs *v, const rg_diag *diag, const char *where,
                    char *const *f, size_t nf);

/* Called once by rg_dict_finish: generates every form of every entry and
 * builds the form table and the word table (rg_i_verbs_word).  Returns
 * RG_OK.
 * Time complexity: O(total forms). */
rg_status rg_i_verbs_finish(rg_verbs *v, const rg_diag *diag);

/* Number of verbs (lemmas) loaded. */
size_t rg_i_verbs_count(const rg_verbs *v);

/* Number of entries (lines); a lemma may have several. */
size_t rg_i_verbs_entry_count(const rg_verbs *v);
const rg_verb_entry *rg_i_verbs_entry(const rg_verbs *v, uint32_t i);

/*
 * The entries that have the folded word fold[0..n) as a form, in load
 * order, with what the form is; *n_hits = 0 (and NULL) when none.
 * Needs rg_i_verbs_finish.  Time: O(n) expected.
 */
const rg_verb_hit *rg_i_verbs_lookup(const rg_verbs *v, const char *fold,
                                     size_t n, size_t *n_hits);
/* The same with hash = rg_i_hash(fold, n) given (rg_tokens.hash). */
const rg_verb_hit *rg_i_verbs_lookup_hashed(const rg_verbs *v,
                                            const char *fold, size_t n,
                                            uint64_t hash, size_t *n_hits);

/*
 * What the folded word fold[0..n), with hash = rg_i_hash(fold, n), is to
 * the verb rules: its forms (as rg_i_verbs_lookup_hashed) and its word
 * classes; NULL when it is neither a form nor a listed word (most words),
 * or before rg_i_verbs_finish.  Time: O(n) expected; a miss usually
 * without touching any string.
 */
const rg_verb_word *rg_i_verbs_word(const rg_verbs *v, const char *fold,
                                    size_t n, uint64_t hash);

/* The word table itself, for callers that look up every token and want
 * the lookup inline (rg_i_verbs_wtab_find); NULL before rg_i_verbs_finish.
 * Valid as long as the lexicon is not changed. */
typedef struct rg_verb_wtab {
    const uint64_t *slots;     /* (hash >> 32) << 32 | (index + 1);
                                  0 = empty; open addressing from
                                  hash & mask */
    size_t mask;
    char *const *str;          /* per index: the word, NUL-terminated */
    const uint32_t *len;       /* per index: its length */
    const rg_verb_word *word;  /* per index */
    const uint64_t *vfilter;   /* a bit for each form of the lexicon (a
                                  word with hits), at rg_i_verbs_maybe_form's
                                  position: a clear bit rules a word out */
    size_t vmask;              /* bits in vfilter - 1 */
    const int32_t *one;        /* per byte b: the index of the one-byte
                                  word "b", or -1 (rg_i_verbs_wtab_id's
                                  answer for it, without a search) */
    size_t n;                  /* words (indices 0 .. n - 1) */
} rg_verb_wtab;

const rg_verb_wtab *rg_i_verbs_wtab(const rg_verbs *v);

/* Whether a[0..n) and b[0..n) are equal: loads of 1, 4 or 8 bytes that
 * overlap instead of a byte loop or a call (the words are short).  Also
 * the comparison of the gazetteer's vocabulary for its words of more than
 * 8 bytes (gazetteer.c). */
static inline int rg_i_verbs_same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        size_t k = 0;
        for (; k + 8 <= n; k += 8) {
            memcpy(&x, a + k, 8);
            memcpy(&y, b + k, 8);
            if (x != y)
                return 0;
        }
        if (k == n)
            return 1;
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, a, 4);
        memcpy(&y0, b, 4);
        memcpy(&x1, a + n - 4, 4);
        memcpy(&y1, b + n - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    return n == 0 ||
           (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/* Whether a word with hash = rg_i_hash(fold, n) may be a form of the
 * lexicon: 0 means it is none (rg_i_verbs_wtab_find would give no hits);
 * 1 is right for every form and for a few other words. */
static inline int rg_i_verbs_maybe_form(const rg_verb_wtab *t, uint64_t hash)
{
    size_t b = (size_t)(hash >> 20) & t->vmask;
    return (int)((t->vfilter[b / 64] >> (b % 64)) & 1);
}

/* The index in t->word of the word fold[0..n) with hash = rg_i_hash(fold,
 * n), or -1 when it is not in the table (rg_i_verbs_wtab_find's search,
 * for callers that keep the index). */
static inline int32_t rg_i_verbs_wtab_id(const rg_verb_wtab *t,
                                         const char *fold, size_t n,
                                         uint64_t hash)
{
    uint64_t tag = hash >> 32;
    for (size_t i = (size_t)hash & t->mask;; i = (i + 1) & t->mask) {
        uint64_t sl = t->slots[i];
        if (!sl)
            return -1;
        if (sl >> 32 != tag)
            continue;
        uint32_t id = (uint32_t)sl - 1;
        if (t->len[id] != n)
            continue;
        if (rg_i_verbs_same(t->str[id], fold, n))
            return (int32_t)id;
    }
}

/* rg_i_verbs_word on the table of rg_i_verbs_wtab. */
static inline const rg_verb_word *rg_i_verbs_wtab_find(const rg_verb_wtab *t,
                                                       const char *fold,
                                                       size_t n, uint64_t hash)
{
    int32_t id = rg_i_verbs_wtab_id(t, fold, n, hash);
    return id < 0 ? NULL : &t->word[id];
}

#endif
