/*
 * gazetteer.c — the compiled matcher.
 *
 * Every alias of a finished dictionary is tokenized with the same tokenizer
 * as the text (rg_i_tokenize) and inserted into a trie over folded tokens.
 * The trie is deterministic over what the text shows: an edge is keyed by
 * (state, folded token id, whether the text token is capitalised).  An
 * alias token that is capitalised is inserted under "capitalised" only; a
 * lowercase one under both, each on its own path, so that "stern" (the
 * magazine) and "Stern" (a noun or a surname) can be told apart even when
 * both are listed.  Matching then needs one vocabulary lookup and one edge
 * lookup per token and never backtracks within a start position.
 *
 * The vocabulary also holds the word lists of discover.c, each word with
 * the set of lists it is in, so that the mention stage looks every token
 * up once (rg_i_gazetteer_ids) for matching and discovery; a token that
 * begins no alias is then passed over with one bit test.
 *
 * Hands on rg_match records (token spans + alias index) to mentions.c.
 */
#include "gazetteer.h"

#include "discover.h"
#include "mentions.h"
#include "morph.h"
#include "verbs.h"

#include <stdlib.h>
#include <string.h>

/* rg_i_gazetteer_match_doc's scan takes the bits of 16 class bytes with
 * one SSE2 instruction (pmovmskb: bit 7 of each byte) where there is
 * SSE2. */
#if defined(__SSE2__) && defined(__GNUC__) && RG_LITTLE_ENDIAN
#include <emmintrin.h>
#define S_SSE2 1
#else
#define S_SSE2 0
#endif

/* An alias with more lowercase words than this gets only two variants of
 * them (as written, and with its first word capitalised) instead of every
 * combination, which grows as 2^k.  No real name comes near it. */
#define S_MAX_FREE_WORDS 6

/*
 * The vocabulary: folded words -> dense ids.  Every token of every
 * document is looked up here once, and half of them are found (function
 * words), so a hit must be cheap too.  A slot keeps the word's whole
 * 64-bit hash, and next to it the id and the length up to 8 (and the
 * word's classes).  For a word of at most 8 bytes the hash and the length decide
 * it without reading a byte: rg_i_hash of n <= 8 bytes is a bijection of
 * the zero-padded 8-byte word for each n (an xor with n * RG_HASH_MUL and
 * the odd multiplications and xor-shifts of its mix, each invertible), so
 * two such words of one length with one hash are the same word.  A longer
 * word is compared byte by byte on top.
 */
typedef struct S_lex_slot {
    uint64_t h;               /* the hash of the slot's word (any value
                                 for an empty slot) */
    uint32_t info;            /* its id + 1 | S_LEX_LEN(length); 0 = empty */
    uint16_t cls;             /* its classes (rg_gazetteer.vcls), copied
                                 when the gazetteer is finished */
    uint16_t spare;
} S_lex_slot;

typedef struct S_lex {
    /* Slots of 16 bytes, four to a cache line: a lookup reads one line
     * for the hash, the id and length and the classes (it read three
     * arrays, three lines, before). */
    S_lex_slot *slot;
    size_t mask;              /* slots - 1 */
    char *chars;              /* the words, each at its offset */
    size_t nchars, cap_chars;
    struct S_lex_word {
        uint64_t h;           /* its hash */
        uint32_t off, len;
    } *w;                     /* id -> its word in chars */
    size_t n, cap;
} S_lex;

/* The length bits of a slot's info: the length, 9 for any longer one. */
#define S_LEX_LEN(n) ((uint32_t)((n) < 9 ? (n) : 9) << 28)
#define S_LEX_ID_MASK 0x0FFFFFFFu
/* Ids fit below the length bits (and id + 1 too). */
#define S_LEX_MAX_WORDS (S_LEX_ID_MASK - 1)

/* Whether the word of a slot whose info f has the length bits of s[0..n)
 * (and whose hash is h, that of s) is s. */
static inline int S_lex_same(const S_lex *x, uint32_t f, const char *s,
                             size_t n)
{
    if (n <= 8)
        return 1;   /* decided by the hash and the length (above) */
    const struct S_lex_word *w = &x->w[(f & S_LEX_ID_MASK) - 1];
    return w->len == n && rg_i_verbs_same(x->chars + w->off, s, n);
}

/* The id of s[0..n) (hash h), or -1. */
static inline int32_t S_lex_find(const S_lex *x, const char *s, size_t n,
                                 uint64_t h)
{
    uint32_t lc = S_LEX_LEN(n);
    for (size_t i = (size_t)h & x->mask;; i = (i + 1) & x->mask) {
        uint32_t f = x->slot[i].info;
        if (!f)
            return -1;
        if (x->slot[i].h == h && (f & ~S_LEX_ID_MASK) == lc &&
            S_lex_same(x, f, s, n))
            return (int32_t)((f & S_LEX_ID_MASK) - 1);
    }
}

static void S_lex_init(S_lex *x)
{
    memset(x, 0, sizeof(*x));
    x->mask = 63;
    x->slot = rg_i_xcalloc(64, sizeof(*x->slot));
}

static void S_lex_destroy(S_lex *x)
{
    free(x->slot);
    free(x->chars);
    free(x->w);
}

/* Puts word id (hash h, length n) into a free slot. */
static void S_lex_put(S_lex *x, uint32_t id, uint64_t h, size_t n)
{
    size_t i = (size_t)h & x->mask;
    while (x->slot[i].info)
        i = (i + 1) & x->mask;
    x->slot[i] = (S_lex_slot){h, (id + 1) | S_LEX_LEN(n), 0, 0};
}

static int32_t S_lex_intern(S_lex *x, const char *s, size_t n)
{
    uint64_t h = rg_i_hash(s, n);
    int32_t id = S_lex_find(x, s, n, h);
    if (id >= 0)
        return id;
    if (x->n >= S_LEX_MAX_WORDS)
        abort();   /* 268 million words: no dictionary comes near */
    if ((x->n + 1) * 4 > x->mask + 1) {
        /* At most a quarter full: a miss (the other half of the tokens)
         * mostly ends at the first slot. */
        size_t nslots = 2 * (x->mask + 1), old_n = x->mask + 1;
        S_lex_slot *old = x->slot;
        x->slot = rg_i_xcalloc(nslots, sizeof(*x->slot));
        x->mask = nslots - 1;
        /* Slot by slot: the classes go along. */
        for (size_t k = 0; k < old_n; k++) {
            if (!old[k].info)
                continue;
            size_t i = (size_t)old[k].h & x->mask;
            while (x->slot[i].info)
                i = (i + 1) & x->mask;
            x->slot[i] = old[k];
        }
        free(old);
    }
    RG_GROW(x->chars, x->cap_chars, x->nchars + n + 8);
    memcpy(x->chars + x->nchars, s, n);
    memset(x->chars + x->nchars + n, 0, 8);
    RG_GROW(x->w, x->cap, x->n + 1);
    x->w[x->n] = (struct S_lex_word){h, (uint32_t)x->nchars, (uint32_t)n};
    x->nchars += n;
    S_lex_put(x, (uint32_t)x->n, h, n);
    return (int32_t)x->n++;
}

/* The slot of word id (hash h), which is in x. */
static S_lex_slot *S_lex_slot_of(S_lex *x, int32_t id, uint64_t h)
{
    size_t i = (size_t)h & x->mask;
    while ((x->slot[i].info & S_LEX_ID_MASK) != (uint32_t)(id + 1))
        i = (i + 1) & x->mask;
    return &x->slot[i];
}

/* The id of token i's fold, or -1. */
static inline int32_t S_lex_token(const S_lex *x, const rg_tokens *t, size_t i)
{
    const rg_token *k = &t->v[i];
    return S_lex_find(x, t->fold + k->fold, k->fold_len, t->hash[i]);
}

struct rg_gazetteer {
    S_lex vocab;              /* folded alias tokens -> token id */
    /* Trie edges in one open-addressing table: key = state << 32 |
     * token id << 1 | capitalised, value = child state.  The root (0) is
     * never a child, so child 0 marks an empty slot. */
    uint64_t *keys;
    uint32_t *child;
    size_t nslots, nedges;
    unsigned shift;           /* 64 - log2(nslots): S_slot_of */
    uint32_t *accept;         /* state -> first candidate, or RG_NO_CAND */
    size_t nstates, cap_states;
    rg_cand *cands;           /* candidate pool, lists linked by next */
    size_t ncands, cap_cands;
    size_t naccepted;         /* states with a candidate */
    uint16_t *vcls;           /* vocabulary id -> enum rg_word_class bits */
    size_t cap_vcls;
    uint32_t *vverb;          /* vocabulary id -> 1 + its index in the
                                 verb word table, 0 = none (n vocab.n) */
    const rg_verb_wtab *wtab; /* that table, or NULL */
    uint64_t *vpacked;        /* rg_i_gazetteer_verb_packed */
    uint32_t n_alias_words;   /* the ids of the words of aliases and their
                                 variants: 0 .. n_alias_words - 1 (the
                                 others are in no trie edge) */
    struct rg_disc_words *disc;   /* discover.c's tables */
    uint32_t *root;           /* the root's edges by (id << 1 | capitalised)
                                 for id < n_alias_words: the child, 0 =
                                 none (rg_i_gazetteer_match_doc's first
                                 step without hashing) */
};

/* The first slot of an edge key: the high bits of a multiplication by
 * 2^64 / phi (keys differ in few bits; the high bits mix all of them). */
static inline size_t S_slot_of(uint64_t key, unsigned shift)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> shift);
}

static uint64_t S_key(uint32_t state, uint32_t tok, int upper)
{
    return (uint64_t)state << 32 | (uint64_t)tok << 1 | (uint64_t)(upper != 0);
}

static uint32_t S_edge(const rg_gazetteer *g, uint64_t key)
{
    size_t mask = g->nslots - 1;
    for (size_t i = S_slot_of(key, g->shift);; i = (i + 1) & mask) {
        if (g->child[i] == 0)
            return 0;
        if (g->keys[i] == key)
            return g->child[i];
    }
}

static void S_put(rg_gazetteer *g, uint64_t key, uint32_t child)
{
    size_t mask = g->nslots - 1;
    size_t i = S_slot_of(key, g->shift);
    while (g->child[i] != 0)
        i = (i + 1) & mask;
    g->keys[i] = key;
    g->child[i] = child;
}

static void S_rehash(rg_gazetteer *g)
{
    uint64_t *keys = g->keys;
    uint32_t *child = g->child;
    size_t old = g->nslots;
    g->nslots = old ? old * 2 : 256;
    g->shift = 64;
    for (size_t k = g->nslots; k > 1; k >>= 1)
        g->shift--;
    g->keys = rg_i_xmalloc(g->nslots * sizeof(*g->keys));
    g->child = rg_i_xcalloc(g->nslots, sizeof(*g->child));
    for (size_t i = 0; i < old; i++)
        if (child[i])
            S_put(g, keys[i], child[i]);
    free(keys);
    free(child);
}

static uint32_t S_new_state(rg_gazetteer *g)
{
    RG_GROW(g->accept, g->cap_states, g->nstates + 1);
    g->accept[g->nstates] = RG_NO_CAND;
    return (uint32_t)g->nstates++;
}

/* The child of state under key, created when absent. */
static uint32_t S_child(rg_gazetteer *g, uint32_t state, uint32_t tok,
                        int upper)
{
    uint64_t key = S_key(state, tok, upper);
    uint32_t c = S_edge(g, key);
    if (c)
        return c;
    if ((g->nedges + 1) * 2 > g->nslots)
        S_rehash(g);
    c = S_new_state(g);
    S_put(g, key, c);
    g->nedges++;
    return c;
}

/* Adds a reading to the accept list of state s: a higher rank (later load;
 * listed over generated) replaces the list, a lower one is dropped, an
 * equal one joins it — replacing a reading of the same actor, so that the
 * later line wins. */
static void S_add_cand(rg_gazetteer *g, const rg_dict *d, uint32_t s,
                       uint32_t alias, uint8_t form, int generated)
{
    const rg_alias *al = &d->aliases[alias];
    uint16_t rank = (uint16_t)(al->load * 2u + (generated ? 0u : 1u));
    uint32_t head = g->accept[s];
    if (head == RG_NO_CAND)
        g->naccepted++;
    else if (rank < g->cands[head].rank)
        return;
    else if (rank > g->cands[head].rank)
        head = RG_NO_CAND;   /* the old readings stay unused in the pool */
    /* Unlink a reading of the same actor. */
    uint32_t *link = &head;
    while (*link != RG_NO_CAND) {
        rg_cand *c = &g->cands[*link];
        if (d->aliases[c->alias].actor == al->actor)
            *link = c->next;
        else
            link = &c->next;
    }
    RG_GROW(g->cands, g->cap_cands, g->ncands + 1);
    g->cands[g->ncands] = (rg_cand){alias, head, al->actor, rank, form,
                                    d->actors[al->actor].type};
    g->accept[s] = (uint32_t)g->ncands++;
}

/* How a token of an alias takes part in case matching. */
enum { S_CASE_NONE, S_CASE_UPPER, S_CASE_FREE };

/* Inserts one capitalisation variant of a token sequence: bit i of `caps`
 * says whether its i-th free (lowercase) word is taken as capitalised. */
static uint32_t S_insert(rg_gazetteer *g, size_t n, const int32_t *ids,
                         const uint8_t *mode, uint32_t caps)
{
    uint32_t s = 0;
    unsigned free_word = 0;
    for (size_t i = 0; i < n; i++) {
        int upper = mode[i] == S_CASE_UPPER ||
                    (mode[i] == S_CASE_FREE && ((caps >> free_word++) & 1u));
        s = S_child(g, s, (uint32_t)ids[i], upper);
    }
    return s;
}

/* Inserts the sequence under every capitalisation its free words allow. */
static void S_insert_all(rg_gazetteer *g, const rg_dict *d, size_t n,
                         const int32_t *ids, const uint8_t *mode,
                         uint32_t alias, uint8_t form, int generated)
{
    unsigned nfree = 0;
    for (size_t i = 0; i < n; i++)
        nfree += mode[i] == S_CASE_FREE;
    if (nfree <= S_MAX_FREE_WORDS) {
        for (uint32_t caps = 0; caps < (1u << nfree); caps++)
            S_add_cand(g, d, S_insert(g, n, ids, mode, caps), alias, form,
                       generated);
    } else {
        S_add_cand(g, d, S_insert(g, n, ids, mode, 0), alias, form,
                   generated);
        /* Only the first word can be capitalised by sentence position. */
        if (mode[0] == S_CASE_FREE)
            S_add_cand(g, d, S_insert(g, n, ids, mode, 1), alias, form,
                       generated);
    }
}

/* Words of a name that may be inflected as adjectives (morph.c's weak
 * rule), at most this many per alias. */
#define S_MAX_WEAK 2

/* Scratch of the build: one alias's tokens and the variant being made. */
typedef struct S_build {
    rg_gazetteer *g;
    const rg_dict *d;
    rg_tokens t;
    int32_t *ids;          /* token ids of the current variant (+1 slot) */
    uint8_t *mode;
    size_t cap;
    rg_buf word;
} S_build;

static int32_t S_intern_inflected(S_build *B, size_t i,
                                  const rg_inflection *inf)
{
    rg_i_buf_reset(&B->word);
    rg_i_morph_apply(&B->word, rg_i_token_fold(&B->t, i), B->t.v[i].fold_len,
                     inf);
    return S_lex_intern(&B->g->vocab, B->word.data, B->word.len);
}

/* The rule morph.c applies to the last word of an alias of this form, and
 * the form the variants get; -1 when there is none. */
static int S_last_rule(const rg_dict *d, const rg_alias *al, uint8_t *vform)
{
    int thing = d->actors[al->actor].type != RG_TYPE_PERSON;
    switch (al->form) {
    case RG_FORM_NAME:
    case RG_FORM_SHORT:
        *vform = RG_FORM_GENITIVE;
        return thing ? RG_MORPH_GENITIVE_ES : RG_MORPH_GENITIVE;
    case RG_FORM_METONYM:   /* inflected metonyms stay metonyms */
        *vform = RG_FORM_METONYM;
        return RG_MORPH_GENITIVE_ES;
    case RG_FORM_ADJECTIVE:
        *vform = RG_FORM_ADJECTIVE;
        return RG_MORPH_ADJECTIVE;
    case RG_FORM_DEMONYM:
        *vform = RG_FORM_DEMONYM;
        return RG_MORPH_DEMONYM;
    default:
        return -1;
    }
}

static void S_build_alias(S_build *B, uint32_t a)
{
    rg_gazetteer *g = B->g;
    const rg_alias *al = &B->d->aliases[a];
    rg_tokens *t = &B->t;
    rg_i_tokenize(t, al->text, strlen(al->text));
    size_t n = t->n;
    if (n == 0)
        return;
    if (n + 1 > B->cap) {
        B->cap = n + 1;
        B->ids = rg_i_xrealloc(B->ids, B->cap * sizeof(*B->ids));
        B->mode = rg_i_xrealloc(B->mode, B->cap * sizeof(*B->mode));
    }
    int32_t *ids = B->ids;
    uint8_t *mode = B->mode;
    for (size_t i = 0; i < n; i++) {
        ids[i] = S_lex_intern(&g->vocab, rg_i_token_fold(t, i),
                                    t->v[i].fold_len);
        mode[i] = t->v[i].kind != RG_TOK_WORD      ? S_CASE_NONE
                  : (t->v[i].flags & RG_TF_UPPER) ? S_CASE_UPPER
                                                  : S_CASE_FREE;
    }
    S_insert_all(g, B->d, n, ids, mode, a, al->form, 0);

    /* The variants: inflections of the last word, and for names of things
     * (Deutscher Bundestag, Weißes Haus) weak forms of the capitalised
     * words before it; every combination. */
    uint8_t vform = al->form;
    int rule = t->v[n - 1].kind == RG_TOK_WORD ? S_last_rule(B->d, al, &vform)
                                               : -1;
    rg_inflection last[RG_MORPH_MAX];
    size_t nlast = rule < 0 ? 0
                            : rg_i_morph_inflect((enum rg_morph_rule)rule,
                                                 rg_i_token_fold(t, n - 1),
                                                 t->v[n - 1].fold_len, last);
    size_t weak_at[S_MAX_WEAK], nweak_at = 0;
    rg_inflection weak[S_MAX_WEAK][RG_MORPH_MAX];
    size_t nweak[S_MAX_WEAK];
    if (al->form == RG_FORM_NAME || al->form == RG_FORM_METONYM) {
        if (B->d->actors[al->actor].type != RG_TYPE_PERSON)
            for (size_t i = 0; i + 1 < n && nweak_at < S_MAX_WEAK; i++) {
                if (mode[i] != S_CASE_UPPER || t->v[i].fold_len < 4 ||
                    (t->v[i].flags & RG_TF_ALLCAPS))
                    continue;
                size_t k = rg_i_morph_inflect(RG_MORPH_WEAK,
                                              rg_i_token_fold(t, i),
                                              t->v[i].fold_len,
                                              weak[nweak_at]);
                if (k) {
                    nweak[nweak_at] = k;
                    weak_at[nweak_at++] = i;
                }
            }
    }
    if (nlast == 0 && nweak_at == 0)
        return;
    int32_t orig_last = ids[n - 1];
    int32_t orig_weak[S_MAX_WEAK];
    for (size_t w = 0; w < nweak_at; w++)
        orig_weak[w] = ids[weak_at[w]];
    /* Mixed-radix counter over (weak word 1, weak word 2, last word), each
     * 0 = as listed, k = the k-th inflection. */
    size_t choice[S_MAX_WEAK + 1] = {0};
    size_t radix[S_MAX_WEAK + 1];
    for (size_t w = 0; w < nweak_at; w++)
        radix[w] = nweak[w] + 1;
    radix[nweak_at] = nlast + 1;
    for (;;) {
        size_t k = 0;
        while (k <= nweak_at && ++choice[k] == radix[k])
            choice[k++] = 0;
        if (k > nweak_at)
            break;
        for (size_t w = 0; w < nweak_at; w++)
            ids[weak_at[w]] = choice[w] ? S_intern_inflected(B, weak_at[w],
                                                &weak[w][choice[w] - 1])
                                        : orig_weak[w];
        size_t m = n;
        uint8_t form = al->form;
        ids[n - 1] = orig_last;
        if (choice[nweak_at]) {
            const rg_inflection *inf = &last[choice[nweak_at] - 1];
            form = vform;
            if (inf->token) {
                ids[n] = S_lex_intern(&g->vocab, inf->suffix,
                                            strlen(inf->suffix));
                mode[n] = S_CASE_NONE;
                m = n + 1;
            } else {
                ids[n - 1] = S_intern_inflected(B, n - 1, inf);
            }
        }
        S_insert_all(g, B->d, m, ids, mode, a, form, 1);
    }
}

rg_gazetteer *rg_i_gazetteer_build(const rg_dict *d)
{
    rg_gazetteer *g = rg_i_xcalloc(1, sizeof(*g));
    S_lex_init(&g->vocab);
    S_new_state(g);   /* the root */
    S_rehash(g);

    S_build B = {.g = g, .d = d};
    rg_i_tokens_init(&B.t);
    rg_i_buf_init(&B.word);
    for (size_t a = 0; a < d->n_aliases; a++) {
        if (d->aliases[a].actor == UINT32_MAX)
            continue;   /* unresolved; rg_dict_finish reported it */
        S_build_alias(&B, (uint32_t)a);
    }
    free(B.ids);
    free(B.mode);
    rg_i_buf_destroy(&B.word);
    rg_i_tokens_destroy(&B.t);
    /* Every word of an alias (and of its variants) is interned by now;
     * the words added below begin and continue none. */
    g->n_alias_words = (uint32_t)g->vocab.n;
    g->root = rg_i_xcalloc(2 * (size_t)g->n_alias_words + 1, sizeof(*g->root));
    for (size_t i = 0; i < g->nslots; i++)
        if (g->child[i] && (g->keys[i] >> 32) == 0)
            g->root[g->keys[i] & 0xFFFFFFFFu] = g->child[i];

    /* The first-token filter: a token whose fold begins no alias (in its
     * capitalisation) is passed over with one bit test. */
    RG_GROW(g->vcls, g->cap_vcls, g->vocab.n + 1);
    memset(g->vcls, 0, g->cap_vcls * sizeof(*g->vcls));
    for (size_t i = 0; i < g->nslots; i++)
        if (g->child[i] && (g->keys[i] >> 32) == 0)
            g->vcls[(g->keys[i] & 0xFFFFFFFFu) >> 1] |=
                (g->keys[i] & 1) ? RG_WC_START_UPPER : RG_WC_START_LOWER;
    /* The slots' copies of the classes (rg_i_gazetteer_add_class keeps
     * them for the words added after this). */
    for (size_t id = 0; id < g->vocab.n; id++)
        if (g->vcls[id])
            S_lex_slot_of(&g->vocab, (int32_t)id, g->vocab.w[id].h)->cls =
                g->vcls[id];
    g->disc = rg_i_discover_words_build(g, d);
    rg_i_mentions_words(g);
    /* Last: the verb lexicon's words, so that rg_i_gazetteer_ids answers
     * for relations.c too (rg_i_gazetteer_verb_words).  Its forms and
     * function words make more tokens hits here (a few more instructions
     * each), but relations.c then looks no token up again: about as many
     * instructions in all, fewer branch and cache misses. */
    const rg_verb_wtab *wt = d->verbs ? rg_i_verbs_wtab(d->verbs) : NULL;
    if (wt) {
        for (size_t k = 0; k < wt->n; k++)
            rg_i_gazetteer_add_class(g, wt->str[k], wt->len[k],
                                     wt->word[k].n_hits ? RG_WC_VERB_FORM : 0);
        g->vverb = rg_i_xcalloc(g->vocab.n ? g->vocab.n : 1,
                                sizeof(*g->vverb));
        for (size_t k = 0; k < wt->n; k++) {
            int32_t id = S_lex_find(&g->vocab, wt->str[k], wt->len[k],
                                    rg_i_hash(wt->str[k], wt->len[k]));
            g->vverb[id] = (uint32_t)k + 1;
        }
        g->vpacked = rg_i_xcalloc(g->vocab.n + 1, sizeof(*g->vpacked));
        for (size_t id = 0; id < g->vocab.n; id++)
            if (g->vverb[id]) {
                const rg_verb_word *w = &wt->word[g->vverb[id] - 1];
                g->vpacked[id + 1] = (uint64_t)w->cls |
                                     (uint64_t)w->flags << 32 |
                                     (uint64_t)(uint8_t)w->det << 40 |
                                     RG_VERB_PACKED_WORD;
            }
        g->wtab = wt;
    }
    return g;
}

const uint64_t *rg_i_gazetteer_verb_packed(const rg_gazetteer *g)
{
    return g ? g->vpacked : NULL;
}

const uint32_t *rg_i_gazetteer_verb_words(const rg_gazetteer *g,
                                          const rg_verb_wtab **wtab)
{
    *wtab = g ? g->wtab : NULL;
    return g ? g->vverb : NULL;
}

void rg_i_gazetteer_add_class(rg_gazetteer *g, const char *s, size_t n,
                              uint16_t cls)
{
    size_t before = g->vocab.n;
    int32_t id = S_lex_intern(&g->vocab, s, n);
    if (g->vocab.n > before) {
        size_t cap = g->cap_vcls;
        RG_GROW(g->vcls, g->cap_vcls, g->vocab.n);
        memset(g->vcls + cap, 0, (g->cap_vcls - cap) * sizeof(*g->vcls));
    }
    g->vcls[id] |= cls;
    S_lex_slot_of(&g->vocab, id, g->vocab.w[id].h)->cls = g->vcls[id];
}

const struct rg_disc_words *rg_i_gazetteer_disc(const rg_gazetteer *g)
{
    return g ? g->disc : NULL;
}

/* The probe's step to the next slot (byte offset *j, slot *e): its info,
 * 0 for an empty slot, which ends the probe. */
static inline uint32_t S_next_slot(const char *slot, size_t bmask, size_t *j,
                                   const S_lex_slot **e)
{
    *j = (*j + sizeof(S_lex_slot)) & bmask;
    *e = (const S_lex_slot *)(slot + *j);
    return (*e)->info;
}

/* rg_i_gazetteer_ids of one token t (hash h): its id to *id, its classes
 * to *cls.  The slots by byte offset: (h & mask) * 16 is (h << 4) &
 * bmask, and the offset goes into the load's address as it is. */
static inline void S_token_id(const S_lex *x, const char *slot, size_t bmask,
                              const char *fold, const rg_token *t,
                              uint64_t h, int32_t *id, uint8_t *cls)
{
    /* RG_TF_UPPER is of word tokens only (tokens.h). */
    _Static_assert(RG_TF_UPPER << 4 == RG_WC_UPPER_WORD,
                   "the flag moved to the class bit by one shift");
    uint8_t c = (uint8_t)((t->flags & RG_TF_UPPER) << 4);
    int32_t r = -1;
    _Static_assert(sizeof(S_lex_slot) == 16, "slots of 16 bytes");
    size_t j = ((size_t)h << 4) & bmask;
    const S_lex_slot *e = (const S_lex_slot *)(slot + j);
    uint32_t f = e->info;
    /* Most misses end at an empty first slot (a quarter are full); a hit
     * is (nearly always) the first slot with its hash. */
    if (f) {
        size_t len = t->fold_len;
        if (len <= 8) {
            /* The hash and the length decide (S_lex). */
            uint32_t lc = S_LEX_LEN(len);
            for (;;) {
                /* f's length bits equal lc's when f ^ lc has only id
                 * bits: then f ^ lc is the id + 1 (no masked copy of
                 * f). */
                uint32_t fx = f ^ lc;
                if (e->h == h && fx <= S_LEX_ID_MASK) {
                    r = (int32_t)(fx - 1);
                    c |= (uint8_t)e->cls;
                    break;
                }
                if (!(f = S_next_slot(slot, bmask, &j, &e)))
                    break;
            }
        } else {
            /* A longer word: its bytes compared too, for a slot with its
             * hash and length bits (inline: a call would make the loop
             * keep its values on the stack). */
            const char *w = fold + t->fold;
            for (;;) {
                uint32_t fx = f ^ S_LEX_LEN(9);
                if (e->h == h && fx <= S_LEX_ID_MASK &&
                    x->w[fx - 1].len == len &&
                    rg_i_verbs_same(x->chars + x->w[fx - 1].off, w, len)) {
                    r = (int32_t)(fx - 1);
                    c |= (uint8_t)e->cls;
                    break;
                }
                if (!(f = S_next_slot(slot, bmask, &j, &e)))
                    break;
            }
        }
    }
    *id = r;
    *cls = c;
}

void rg_i_gazetteer_ids(const rg_gazetteer *g, const rg_tokens *toks,
                        int32_t *ids, uint8_t *cls)
{
    /* Everything the loop reads in locals: the stores to cls (bytes) may
     * alias any memory, so fields read through g or toks would be loaded
     * again for every token. */
    const S_lex *x = &g->vocab;
    const char *slot = (const char *)x->slot;
    const size_t bmask = x->mask * sizeof(S_lex_slot);
    const rg_token *v = toks->v;
    const uint64_t *hash = toks->hash;
    const char *fold = toks->fold;
    const size_t n = toks->n;
    /* Two tokens a round: the loop's own steps (five pointers or
     * counters and the exit) are shared by both. */
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        S_token_id(x, slot, bmask, fold, &v[i], hash[i], &ids[i], &cls[i]);
        S_token_id(x, slot, bmask, fold, &v[i + 1], hash[i + 1], &ids[i + 1],
                   &cls[i + 1]);
    }
    if (i < n)
        S_token_id(x, slot, bmask, fold, &v[i], hash[i], &ids[i], &cls[i]);
}

const rg_cand *rg_i_gazetteer_cand(const rg_gazetteer *g, uint32_t i)
{
    return &g->cands[i];
}

const uint16_t *rg_i_gazetteer_word_classes(const rg_gazetteer *g)
{
    return g->vcls;
}

const rg_cand *rg_i_gazetteer_cands(const rg_gazetteer *g)
{
    return g->cands;
}

size_t rg_i_gazetteer_size(const rg_gazetteer *g)
{
    return g ? g->naccepted : 0;
}

void rg_i_gazetteer_free(rg_gazetteer *g)
{
    if (!g)
        return;
    S_lex_destroy(&g->vocab);
    free(g->keys);
    free(g->child);
    free(g->accept);
    free(g->cands);
    free(g->vcls);
    free(g->vverb);
    free(g->vpacked);
    free(g->root);
    rg_i_discover_words_free(g->disc);
    free(g);
}

/* What a walk of the trie reads, taken from the gazetteer once per call
 * of a matcher: the stores of its matches could change the fields of g
 * as far as the compiler knows, so read through g they would be loaded
 * again for every walk. */
typedef struct S_trie {
    const uint64_t *keys;
    const uint32_t *child;
    const uint32_t *accept;
    size_t mask;
    unsigned shift;
    uint32_t n_alias_words;
} S_trie;

static inline S_trie S_trie_of(const rg_gazetteer *g)
{
    return (S_trie){g->keys, g->child, g->accept, g->nslots - 1, g->shift,
                    g->n_alias_words};
}

/* Goes on with a walk of the trie from state st (0: the root) at token
 * j, up to token end: the longest alias accepted on the way, if any, in
 * *best and *best_end.  The edge lookup is inline. */
static inline void S_walk(const S_trie *t, const int32_t *ids,
                          const uint8_t *cls, size_t j, size_t end,
                          uint32_t st, uint32_t *best, size_t *best_end)
{
    const uint64_t *keys = t->keys;
    const uint32_t *child = t->child;
    const uint32_t *accept = t->accept;
    const size_t mask = t->mask;
    const unsigned shift = t->shift;
    for (; j < end; j++) {
        /* A token no alias contains ends the walk: its id is -1, or one
         * of the words interned after the aliases' (the first has
         * classes: it begins an alias). */
        int32_t id = ids[j];
        if ((uint32_t)id >= t->n_alias_words)
            break;
        uint64_t key = S_key(st, (uint32_t)id, cls[j] >> 7);
        size_t k = S_slot_of(key, shift);
        for (;;) {
            st = child[k];
            if (!st || keys[k] == key)
                break;
            k = (k + 1) & mask;
        }
        if (!st)
            break;
        if (accept[st] != RG_NO_CAND) {
            *best = accept[st];
            *best_end = j + 1;
        }
    }
}

/* The scan of rg_i_gazetteer_match_doc: the offset of the first of the
 * S_SCAN_STEP class bytes at p that has the start bit of its own
 * capitalisation (RG_WC_START_UPPER with RG_WC_UPPER_WORD,
 * RG_WC_START_LOWER without), or S_SCAN_STEP when none has.  A token that
 * begins an alias only in the other capitalisation (a fifth of those with
 * a start bit) is not stopped at. */
#if S_SSE2
#define S_SCAN_STEP 16
static inline size_t S_scan_step(const uint8_t *p)
{
    /* Each bit shifted to bit 7 (a 16-bit lane's shift moves the low
     * byte's bits into the high byte's low bits only). */
    _Static_assert(RG_WC_START_UPPER == 1 && RG_WC_START_LOWER == 2 &&
                       RG_WC_UPPER_WORD == 0x80 && RG_WC_PAD >= 16,
                   "the bits the scan shifts to bit 7");
    __m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
    unsigned up = (unsigned)_mm_movemask_epi8(w);
    unsigned su = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(w, 7));
    unsigned sl = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(w, 6));
    unsigned m = (su & up) | (sl & ~up);
    return m ? (size_t)__builtin_ctz(m) : S_SCAN_STEP;
}
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define S_SCAN_STEP 8
static inline size_t S_scan_step(const uint8_t *p)
{
    /* Each bit shifted to bit 0 of its byte. */
    _Static_assert(RG_WC_START_UPPER == 1 && RG_WC_START_LOWER == 2 &&
                       RG_WC_UPPER_WORD == 0x80 && RG_WC_PAD >= 8,
                   "the bits the scan shifts to bit 0");
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t up = (w >> 7) & ones;
    w = ((w & up) | ((w >> 1) & ~up)) & ones;
    return w ? (size_t)(__builtin_ctzll(w) >> 3) : S_SCAN_STEP;
}
#endif

/* The matcher with the ids and classes of rg_i_gazetteer_ids: the walk
 * with its tables in locals and the edge lookup inline. */
static void S_match_ids(const rg_gazetteer *g, const int32_t *ids,
                        const uint8_t *cls, size_t begin, size_t end,
                        rg_matches *out)
{
    const S_trie t = S_trie_of(g);
    size_t i = begin;
    for (;;) {
        /* Most tokens begin no alias: eight class bytes at a time. */
        i = rg_i_wc_next(cls, i, end, RG_WC_START_UPPER | RG_WC_START_LOWER);
        if (i >= end)
            break;
        uint8_t c = cls[i];
        if (!(c & ((c & RG_WC_UPPER_WORD) ? RG_WC_START_UPPER
                                          : RG_WC_START_LOWER))) {
            i++;
            continue;
        }
        size_t best_end = 0;
        uint32_t best = RG_NO_CAND;
        S_walk(&t, ids, cls, i, end, 0, &best, &best_end);
        if (best == RG_NO_CAND) {
            i++;
            continue;
        }
        RG_GROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = (rg_match){(uint32_t)i, (uint32_t)best_end,
                                      g->cands[best].alias, best, 0};
        i = best_end;
    }
}

void rg_i_gazetteer_match_doc(const rg_gazetteer *g, const int32_t *ids,
                              const uint8_t *cls, size_t n,
                              const rg_sentences *sents, rg_matches *out)
{
    const S_trie t = S_trie_of(g);
    const uint32_t *accept = t.accept;
    const uint32_t n_alias_words = t.n_alias_words;
    const uint32_t *root = g->root;
    const rg_cand *cands = g->cands;
    const rg_sentence *sv = sents->v;
    const size_t ns = sents->n;
    if (ns == 0)
        return;
    /* The sentence s is [sb, se). */
    size_t s = 0, sb = sv[0].tok_begin, se = sv[0].tok_end, i = 0;
    for (;;) {
        /* Most tokens begin no alias: S_SCAN_STEP class bytes at a time,
         * over the RG_WC_PAD zero bytes after the last too (no tail
         * loop). */
#ifdef S_SCAN_STEP
        for (;;) {
            size_t k = S_scan_step(cls + i);
            i += k;
            if (k < S_SCAN_STEP || i >= n)
                break;
        }
        if (i >= n)
            break;
#else
        i = rg_i_wc_next(cls, i, n, RG_WC_START_UPPER | RG_WC_START_LOWER);
        if (i >= n)
            break;
        uint8_t c = cls[i];
        if (!(c & ((c & RG_WC_UPPER_WORD) ? RG_WC_START_UPPER
                                          : RG_WC_START_LOWER))) {
            i++;
            continue;
        }
#endif
        /* The sentence of token i: a match stays within it. */
        if (i >= se) {
            do
                s++;
            while (s < ns && sv[s].tok_end <= i);
            if (s == ns)
                break;
            sb = sv[s].tok_begin;
            se = sv[s].tok_end;
        }
        if (i < sb) {   /* in no sentence */
            i = sb;
            continue;
        }
        size_t end = se;
        size_t best_end = 0;
        uint32_t best = RG_NO_CAND;
        /* The first step by the root's table (the scan stops only at a
         * word that begins an alias: nearly always an edge). */
        uint32_t id0 = (uint32_t)ids[i];
        uint32_t st = id0 < n_alias_words
                          ? root[(size_t)id0 * 2 + (cls[i] >> 7)] : 0;
        if (st && accept[st] != RG_NO_CAND) {
            best = accept[st];
            best_end = i + 1;
        }
        if (st)
            S_walk(&t, ids, cls, i + 1, end, st, &best, &best_end);
        if (best == RG_NO_CAND) {
            i++;
            continue;
        }
        RG_GROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = (rg_match){(uint32_t)i, (uint32_t)best_end,
                                      cands[best].alias, best, (uint32_t)s};
        i = best_end;
    }
}

/* The matcher that looks each token up itself (rg_i_gazetteer_match: the
 * reference for S_match_ids, which the tests compare with it). */
static void S_match(const rg_gazetteer *g, const rg_tokens *toks,
                    size_t begin, size_t end, rg_matches *out)
{
    size_t i = begin;
    while (i < end) {
        int32_t id = S_lex_token(&g->vocab, toks, i);
        uint8_t c = id >= 0 ? (uint8_t)g->vcls[id] : 0;
        const rg_token *tok = &toks->v[i];
        int upper = tok->kind == RG_TOK_WORD && (tok->flags & RG_TF_UPPER);
        if (!(c & (upper ? RG_WC_START_UPPER : RG_WC_START_LOWER))) {
            i++;
            continue;
        }
        uint32_t s = 0;
        size_t best_end = 0;
        uint32_t best = RG_NO_CAND;
        for (size_t j = i; j < end; j++) {
            if (j > i) {
                /* A token no alias contains ends the walk. */
                tok = &toks->v[j];
                id = S_lex_token(&g->vocab, toks, j);
                upper = tok->kind == RG_TOK_WORD && (tok->flags & RG_TF_UPPER);
                if (id < 0)
                    break;
            }
            s = S_edge(g, S_key(s, (uint32_t)id, upper));
            if (!s)
                break;
            if (g->accept[s] != RG_NO_CAND) {
                best = g->accept[s];
                best_end = j + 1;
            }
        }
        if (best == RG_NO_CAND) {
            i++;
            continue;
        }
        RG_GROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = (rg_match){(uint32_t)i, (uint32_t)best_end,
                                      g->cands[best].alias, best, 0};
        i = best_end;
    }
}

void rg_i_gazetteer_match(const rg_gazetteer *g, const rg_tokens *toks,
                          size_t begin, size_t end, rg_matches *out)
{
    S_match(g, toks, begin, end, out);
}

void rg_i_gazetteer_match_ids(const rg_gazetteer *g, const rg_tokens *toks,
                              const int32_t *ids, const uint8_t *cls,
                              size_t begin, size_t end, rg_matches *out)
{
    (void)toks;
    S_match_ids(g, ids, cls, begin, end, out);
}
