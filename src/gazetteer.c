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
 * Hands on rg_match records (token spans + alias index) to mentions.c.
 */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

/* An alias with more lowercase words than this gets only two variants of
 * them (as written, and with its first word capitalised) instead of every
 * combination, which grows as 2^k.  No real name comes near it. */
#define S_MAX_FREE_WORDS 6

struct rg_gazetteer {
    rg_strtab vocab;          /* folded alias tokens -> token id */
    /* Trie edges in one open-addressing table: key = state << 32 |
     * token id << 1 | capitalised, value = child state.  The root (0) is
     * never a child, so child 0 marks an empty slot. */
    uint64_t *keys;
    uint32_t *child;
    size_t nslots, nedges;
    int32_t *accept;          /* state -> alias index, or -1 */
    size_t nstates, cap_states;
};

static uint64_t S_mix(uint64_t x)
{
    /* splitmix64's finaliser: keys differ in few bits. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t S_key(uint32_t state, uint32_t tok, int upper)
{
    return (uint64_t)state << 32 | (uint64_t)tok << 1 | (uint64_t)(upper != 0);
}

static uint32_t S_edge(const rg_gazetteer *g, uint64_t key)
{
    size_t mask = g->nslots - 1;
    for (size_t i = (size_t)S_mix(key) & mask;; i = (i + 1) & mask) {
        if (g->child[i] == 0)
            return 0;
        if (g->keys[i] == key)
            return g->child[i];
    }
}

static void S_put(rg_gazetteer *g, uint64_t key, uint32_t child)
{
    size_t mask = g->nslots - 1;
    size_t i = (size_t)S_mix(key) & mask;
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
    g->accept[g->nstates] = -1;
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

/* Inserts one capitalisation variant of an alias: bit i of `caps` says
 * whether its i-th free (lowercase) word is taken as capitalised. */
static void S_insert(rg_gazetteer *g, const rg_tokens *t, const int32_t *ids,
                     uint32_t caps, uint32_t alias)
{
    uint32_t s = 0;
    unsigned free_word = 0;
    for (size_t i = 0; i < t->n; i++) {
        const rg_token *tok = &t->v[i];
        int upper;
        if (tok->kind != RG_TOK_WORD)
            upper = 0;   /* punctuation and numbers have no case */
        else if (tok->flags & RG_TF_UPPER)
            upper = 1;
        else
            upper = (caps >> free_word++) & 1u;
        s = S_child(g, s, (uint32_t)ids[i], upper);
    }
    g->accept[s] = (int32_t)alias;   /* later aliases override */
}

rg_gazetteer *rg_i_gazetteer_build(const rg_dict *d)
{
    rg_gazetteer *g = rg_i_xcalloc(1, sizeof(*g));
    rg_i_strtab_init(&g->vocab);
    S_new_state(g);   /* the root */
    S_rehash(g);

    rg_tokens t;
    rg_i_tokens_init(&t);
    int32_t *ids = NULL;
    size_t cap_ids = 0;
    for (size_t a = 0; a < d->n_aliases; a++) {
        const rg_alias *al = &d->aliases[a];
        if (al->actor == UINT32_MAX)
            continue;   /* unresolved; rg_dict_finish reported it */
        rg_i_tokenize(&t, al->text, strlen(al->text));
        if (t.n == 0)
            continue;
        RG_GROW(ids, cap_ids, t.n);
        unsigned nfree = 0;
        for (size_t i = 0; i < t.n; i++) {
            ids[i] = rg_i_strtab_intern(&g->vocab, rg_i_token_fold(&t, i),
                                        t.v[i].fold_len);
            if (t.v[i].kind == RG_TOK_WORD && !(t.v[i].flags & RG_TF_UPPER))
                nfree++;
        }
        if (nfree <= S_MAX_FREE_WORDS) {
            for (uint32_t caps = 0; caps < (1u << nfree); caps++)
                S_insert(g, &t, ids, caps, (uint32_t)a);
        } else {
            S_insert(g, &t, ids, 0, (uint32_t)a);
            /* Only the first word can be capitalised by sentence position. */
            if (t.v[0].kind == RG_TOK_WORD && !(t.v[0].flags & RG_TF_UPPER))
                S_insert(g, &t, ids, 1, (uint32_t)a);
        }
    }
    free(ids);
    rg_i_tokens_destroy(&t);
    return g;
}

void rg_i_gazetteer_free(rg_gazetteer *g)
{
    if (!g)
        return;
    rg_i_strtab_destroy(&g->vocab);
    free(g->keys);
    free(g->child);
    free(g->accept);
    free(g);
}

void rg_i_gazetteer_match(const rg_gazetteer *g, const rg_tokens *toks,
                          size_t begin, size_t end, rg_matches *out)
{
    size_t i = begin;
    while (i < end) {
        uint32_t s = 0;
        size_t best_end = 0;
        int32_t best = -1;
        for (size_t j = i; j < end; j++) {
            const rg_token *tok = &toks->v[j];
            /* A token no alias contains ends the walk with one lookup. */
            int32_t id = rg_i_strtab_find(&g->vocab, rg_i_token_fold(toks, j),
                                          tok->fold_len);
            if (id < 0)
                break;
            int upper = tok->kind == RG_TOK_WORD && (tok->flags & RG_TF_UPPER);
            s = S_edge(g, S_key(s, (uint32_t)id, upper));
            if (!s)
                break;
            if (g->accept[s] >= 0) {
                best = g->accept[s];
                best_end = j + 1;
            }
        }
        if (best < 0) {
            i++;
            continue;
        }
        RG_GROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = (rg_match){(uint32_t)i, (uint32_t)best_end,
                                      (uint32_t)best};
        i = best_end;
    }
}
