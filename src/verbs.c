/*
 * verbs.c — the verb lexicon.  Reads verb tables (lemma, class, particle,
 * forms, pattern; see dict/README.md), generates every form of each verb by
 * the rules of German conjugation — weak present, past and participle from
 * the lemma, the principal parts of strong verbs from the `forms` column,
 * separable particles split off in main clauses and glued on in
 * subordinate clauses and zu-infinitives — and keeps them in one table from
 * the folded word (the tokenizer's fold: utf8proc case fold, ß -> ss) to the
 * entries it may belong to.  relations.c looks verbs up there and decides
 * which entry fits the clause.
 */
#include "verbs.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "relations.h"
#include "util.h"

typedef struct S_form {
    uint32_t form;     /* id in rg_verbs.forms */
    uint32_t entry;
    uint8_t flags;
} S_form;

/*
 * The word table: every form and every word of relations.c's lists, each
 * once, with what the verb rules need of it.  relations.c looks up every
 * token of most sentences here, so it is an open-addressing table of its
 * own (rg_verb_wtab): a slot holds the high bits of the hash and the
 * word's index, most misses end at an empty slot or a differing tag, and
 * a hit compares the string once.
 */
struct rg_verbs {
    rg_verb_entry *v;
    size_t n, cap;
    rg_strtab lemmas;      /* distinct lemmas, for the count */
    rg_strtab forms;       /* folded forms -> id */
    uint32_t *first;       /* form id -> first hit in hits; n forms + 1 */
    rg_verb_hit *hits;
    size_t n_hits;
    rg_strtab words;       /* the word table's keys: the forms (same ids),
                              then the listed words that are no form */
    rg_verb_word *word;    /* per key */
    uint64_t *wslots;
    uint64_t *vfilter;
    int32_t one[256];      /* per byte b: the index of the word "b", or -1 */
    rg_verb_wtab wtab;     /* the view of the five above */
    int finished;
};

rg_verbs *rg_i_verbs_new(void)
{
    rg_verbs *v = rg_i_xcalloc(1, sizeof(rg_verbs));
    rg_i_strtab_init(&v->lemmas);
    rg_i_strtab_init(&v->forms);
    rg_i_strtab_init(&v->words);
    return v;
}

static void S_free_list(char **l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

static void S_unfinish(rg_verbs *v)
{
    rg_i_strtab_destroy(&v->forms);
    rg_i_strtab_init(&v->forms);
    rg_i_strtab_destroy(&v->words);
    rg_i_strtab_init(&v->words);
    free(v->first);
    free(v->hits);
    free(v->word);
    free(v->wslots);
    free(v->vfilter);
    v->vfilter = NULL;
    v->first = NULL;
    v->hits = NULL;
    v->word = NULL;
    v->wslots = NULL;
    v->n_hits = 0;
    v->finished = 0;
}

static void S_entry_destroy(rg_verb_entry *e);

void rg_i_verbs_free(rg_verbs *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++)
        S_entry_destroy(&v->v[i]);
    free(v->v);
    rg_i_strtab_destroy(&v->lemmas);
    S_unfinish(v);
    rg_i_strtab_destroy(&v->forms);
    rg_i_strtab_destroy(&v->words);
    free(v);
}

int rg_i_verbs_header(char *const *f, size_t nf)
{
    static const char *const want[] = {"lemma", "class", "particle", "forms",
                                       "pattern"};
    if (nf != 5)
        return 0;
    for (size_t i = 0; i < 5; i++)
        if (strcmp(f[i], want[i]) != 0)
            return 0;
    return 1;
}

/* A malloc'd case fold of s (valid UTF-8), as the tokenizer folds. */
static char *S_fold(const char *s)
{
    /* ASCII (most of the lexicon's words, and every field but some
     * forms): its case fold is the ASCII lowercase, and it composes with
     * nothing; utf8proc for the rest. */
    size_t n0 = 0;
    while (s[n0] && (unsigned char)s[n0] < 0x80)
        n0++;
    if (!s[n0]) {
        char *r = rg_i_xstrdup(s);
        for (char *p = r; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        return r;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map(
        (const utf8proc_uint8_t *)s, 0, &out,
        UTF8PROC_NULLTERM | UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
            UTF8PROC_STABLE);
    if (n < 0) {
        free(out);
        return rg_i_xstrdup(s);
    }
    return (char *)out;
}

/* Whether s is one word: letters only (no spaces, digits, punctuation). */
static int S_is_word(const char *s)
{
    if (!*s)
        return 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s);
    while (len > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)len, &c);
        if (k <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
            return 0;
        p += k;
        len -= (size_t)k;
    }
    return 1;
}

/* Splits s at spaces into malloc'd words; returns how many. */
static size_t S_words(const char *s, char ***out)
{
    char **w = NULL;
    size_t n = 0, cap = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        RG_GROW(w, cap, n + 1);
        w[n++] = rg_i_xstrndup(s, (size_t)(e - s));
        s = e;
    }
    *out = w;
    return n;
}

static int S_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Parses the pattern column into e (words, preps, reflexive); reports and
 * returns -1 on a bad item. */
static int S_pattern(rg_verb_entry *e, const rg_diag *diag, const char *where,
                     const char *pattern)
{
    char **items;
    size_t n = S_words(pattern, &items);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *w = items[i];
        int prep = w[0] == '>';
        const char *body = prep ? w + 1 : w;
        /* Each |-separated alternative is a word, with '*' at its end
         * (not for prepositions) for a prefix. */
        int ok = *body != '\0';
        for (const char *a = body; ok && *a;) {
            const char *bar = strchr(a, '|');
            size_t k = bar ? (size_t)(bar - a) : strlen(a);
            if (!prep && k > 1 && a[k - 1] == '*')
                k--;
            char *alt = rg_i_xstrndup(a, k);
            ok = S_is_word(alt) && !(prep && bar);
            free(alt);
            a = bar ? bar + 1 : a + strlen(a);
            if (bar && !*a)
                ok = 0;
        }
        if (!ok) {
            rg_i_diag(diag, RG_ERROR, where,
                      "pattern item '%s' (expected a word, word* for a "
                      "prefix, a|b for either, >preposition for the target, "
                      "or sich)", w);
            rc = -1;
        } else if (prep) {
            e->preps = rg_i_xrealloc(e->preps,
                                     (e->n_preps + 1) * sizeof(*e->preps));
            e->preps[e->n_preps++] = S_fold(body);
        } else if (strcmp(body, "sich") == 0) {
            e->reflexive = 1;
        } else {
            e->words = rg_i_xrealloc(e->words,
                                     (e->n_words + 1) * sizeof(*e->words));
            e->words[e->n_words++] = S_fold(body);
        }
    }
    S_free_list(items, n);
    return rc;
}

/* The alternatives of e's pattern words and the hashes of its
 * prepositions, so that relations.c matches them without parsing. */
static void S_alternatives(rg_verb_entry *e)
{
    size_t n = 0;
    for (size_t w = 0; w < e->n_words; w++)
        for (const char *a = e->words[w]; a; a = strchr(a, '|'), a = a ? a + 1 : NULL)
            n++;
    e->alts = rg_i_xmalloc((n ? n : 1) * sizeof(*e->alts));
    e->alt_first = rg_i_xmalloc((e->n_words + 1) * sizeof(*e->alt_first));
    e->alt_bytes = rg_i_xcalloc(4 * (e->n_words ? e->n_words : 1),
                                sizeof(*e->alt_bytes));
    n = 0;
    for (size_t w = 0; w < e->n_words; w++) {
        e->alt_first[w] = (uint32_t)n;
        for (const char *a = e->words[w]; *a;) {
            const char *bar = strchr(a, '|');
            size_t k = bar ? (size_t)(bar - a) : strlen(a);
            int star = k > 0 && a[k - 1] == '*';
            size_t m = star ? k - 1 : k;
            e->alts[n++] = (rg_verb_alt){a, (uint32_t)m, (uint8_t)star,
                                         rg_i_hash(a, m)};
            if (m == 0) {
                /* An empty prefix (not accepted by S_pattern) would
                 * match any word: every first byte. */
                for (size_t b = 0; b < 4; b++)
                    e->alt_bytes[4 * w + b] = ~(uint64_t)0;
            } else {
                unsigned char b0 = (unsigned char)a[0];
                e->alt_bytes[4 * w + b0 / 64] |= (uint64_t)1 << (b0 % 64);
            }
            a = bar ? bar + 1 : a + k;
        }
    }
    e->alt_first[e->n_words] = (uint32_t)n;
    e->prep_hash = rg_i_xmalloc((e->n_preps ? e->n_preps : 1) *
                                sizeof(*e->prep_hash));
    for (size_t p = 0; p < e->n_preps; p++)
        e->prep_hash[p] = rg_i_hash(e->preps[p], strlen(e->preps[p]));
}

static void S_entry_destroy(rg_verb_entry *e)
{
    free(e->lemma);
    free(e->particle);
    S_free_list(e->words, e->n_words);
    free(e->alts);
    free(e->alt_first);
    free(e->alt_bytes);
    S_free_list(e->preps, e->n_preps);
    free(e->prep_hash);
    free(e->forms);
    free(e->where);
}

int rg_i_verbs_line(rg_verbs *v, const rg_diag *diag, const char *where,
                    char *const *f, size_t nf)
{
    if (nf < 2 || nf > 5) {
        rg_i_diag(diag, RG_ERROR, where,
                  "expected 2 to 5 tab-separated fields (lemma, class, "
                  "particle, forms, pattern), found %zu", nf);
        return -1;
    }
    const char *lemma = f[0], *cls = f[1];
    const char *particle = nf > 2 ? f[2] : "";
    const char *forms = nf > 3 ? f[3] : "";
    const char *pattern = nf > 4 ? f[4] : "";
    rg_verb_entry e = {0};
    char **fw = NULL;
    size_t n_fw = 0;
    int rc = -1;

    if (!S_is_word(lemma)) {
        rg_i_diag(diag, RG_ERROR, where,
                  "lemma '%s' is not one word (the infinitive, with its "
                  "separable particle: einbestellen)", lemma);
        goto out;
    }
    int relation = rg_i_relation_parse(cls);
    if (relation <= 0) {
        rg_i_diag(diag, RG_ERROR, where,
                  "unknown class '%s' (expected warn, threaten, deploy, "
                  "supply, support, cooperate, agree, condemn, criticize, "
                  "sanction, demand, summon, attack, fight, meet, inform, "
                  "deny, accuse, negotiate, other)", cls);
        goto out;
    }
    e.lemma = S_fold(lemma);
    e.particle = S_fold(particle);
    if (!S_ends(e.lemma, "n") || strlen(e.lemma) < 3) {
        rg_i_diag(diag, RG_ERROR, where,
                  "lemma '%s' is not an infinitive (ends in -en or -n)", lemma);
        goto out;
    }
    size_t plen = strlen(e.particle);
    if (plen && (!S_is_word(particle) ||
                 strncmp(e.lemma, e.particle, plen) != 0 ||
                 strlen(e.lemma) < plen + 3)) {
        rg_i_diag(diag, RG_ERROR, where,
                  "particle '%s' does not begin the lemma '%s'", particle,
                  lemma);
        goto out;
    }
    n_fw = S_words(forms, &fw);
    if (n_fw != 0 && n_fw < 3) {
        rg_i_diag(diag, RG_ERROR, where,
                  "forms '%s': expected the 3rd person present, the past and "
                  "the participle ('-' for the regular one), then any extra "
                  "forms", forms);
        goto out;
    }
    for (size_t i = 0; i < n_fw; i++) {
        if (strcmp(fw[i], "-") != 0 && !S_is_word(fw[i])) {
            rg_i_diag(diag, RG_ERROR, where, "form '%s' is not one word",
                      fw[i]);
            goto out;
        }
    }
    if (S_pattern(&e, diag, where, pattern) != 0)
        goto out;
    S_alternatives(&e);

    free(e.lemma);
    e.lemma = rg_i_xstrdup(lemma);   /* as written, for outputs */
    e.relation = (uint16_t)relation;
    e.forms = S_fold(forms);
    e.where = rg_i_xstrdup(where);
    RG_GROW(v->v, v->cap, v->n + 1);
    v->v[v->n++] = e;
    memset(&e, 0, sizeof(e));
    char *fl = S_fold(lemma);
    rg_i_strtab_intern(&v->lemmas, fl, strlen(fl));
    free(fl);
    if (v->finished)
        S_unfinish(v);
    rc = 0;
out:
    S_entry_destroy(&e);
    S_free_list(fw, n_fw);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Forms                                                               */
/* ------------------------------------------------------------------ */

typedef struct S_gen {
    S_form *v;
    size_t n, cap;
    rg_strtab *forms;
    uint32_t entry;
    rg_buf b;
} S_gen;

static void S_add(S_gen *g, const char *form, uint8_t flags)
{
    RG_GROW(g->v, g->cap, g->n + 1);
    g->v[g->n++] = (S_form){
        (uint32_t)rg_i_strtab_intern(g->forms, form, strlen(form)), g->entry,
        flags};
}

/* Adds a + b (+ c). */
static void S_add3(S_gen *g, const char *a, const char *b, const char *c,
                   uint8_t flags)
{
    rg_i_buf_reset(&g->b);
    rg_i_buf_adds(&g->b, a);
    rg_i_buf_adds(&g->b, b);
    rg_i_buf_adds(&g->b, c);
    S_add(g, g->b.data, flags);
}

static void S_push(char ***v, size_t *n, size_t *cap, char *s)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *v = rg_i_xrealloc(*v, *cap * sizeof(**v));
    }
    (*v)[(*n)++] = s;
}

/* Prefixes after which the participle takes no ge-. */
static int S_inseparable(const char *base)
{
    /* über- and unter- are inseparable in the verbs of political news
     * (unterstützen, überfallen); a separable one lists its particle. */
    static const char *const pre[] = {"be",  "emp",   "ent",   "er",
                                      "ge",  "miss",  "ver",   "zer",
                                      "hinter", "wider", "über", "unter"};
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof(pre) / sizeof(pre[0]); i++) {
        size_t k = strlen(pre[i]);
        if (n > k + 3 && strncmp(base, pre[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Whether endings need an -e- after the stem: arbeit-et, rechn-et, atm-et. */
static int S_needs_e(const char *stem)
{
    size_t n = strlen(stem);
    if (n == 0)
        return 0;
    char c = stem[n - 1];
    if (c == 'd' || c == 't')
        return 1;
    if ((c == 'm' || c == 'n') && n >= 2) {
        char b = stem[n - 2];
        if (b == 'h' && n >= 3 && stem[n - 3] == 'c')
            return 1;   /* zeichn-et */
        return !strchr("aeiouylrmnh", b) && (unsigned char)b < 0x80;
    }
    return 0;
}

/*
 * Generates the forms of one entry.  fin[] collects the finite forms (the
 * ones a separable verb splits) so that they are added with RG_VF_SPLIT
 * and again with the particle glued on.
 */
static void S_generate(S_gen *g, const rg_verb_entry *e)
{
    const char *part = e->particle;
    size_t plen = strlen(part);
    char *lemma = S_fold(e->lemma);
    const char *base = lemma + plen;   /* warnen, bestellen */
    size_t blen = strlen(base);
    char *stem = rg_i_xstrndup(base, S_ends(base, "en") ? blen - 2 : blen - 1);
    const char *ep = S_needs_e(stem) ? "e" : "";

    char **pp;
    size_t npp = S_words(e->forms, &pp);
    const char *pres3 = npp >= 3 && strcmp(pp[0], "-") != 0 ? pp[0] : NULL;
    const char *past = npp >= 3 && strcmp(pp[1], "-") != 0 ? pp[1] : NULL;
    const char *pcp = npp >= 3 && strcmp(pp[2], "-") != 0 ? pp[2] : NULL;

    char **fin = NULL;
    size_t nfin = 0, capfin = 0;
#define FIN(s) S_push(&fin, &nfin, &capfin, (s))
    rg_buf t;
    rg_i_buf_init(&t);
#define CAT3(a, b, c)                                                        \
    (rg_i_buf_reset(&t), rg_i_buf_adds(&t, a), rg_i_buf_adds(&t, b),         \
     rg_i_buf_adds(&t, c), rg_i_xstrdup(t.data))

    /* Present: 1sg, 2sg, 3sg/2pl, 1/3pl (= the infinitive). */
    FIN(CAT3(stem, "e", ""));
    FIN(rg_i_xstrdup(base));
    if (pres3) {
        FIN(rg_i_xstrdup(pres3));
        size_t k = strlen(pres3);
        if (k > 1 && pres3[k - 1] == 't') {
            char *s2 = rg_i_xstrndup(pres3, k - 1);
            FIN(CAT3(s2, "st", ""));
            free(s2);
        }
        FIN(CAT3(stem, ep, "t"));      /* 2pl: trefft */
    } else {
        FIN(CAT3(stem, ep, "st"));
        FIN(CAT3(stem, ep, "t"));
    }
    /* Past. */
    if (past) {
        FIN(rg_i_xstrdup(past));
        int e_end = S_ends(past, "e");
        FIN(CAT3(past, e_end ? "n" : "en", ""));
        FIN(CAT3(past, "st", ""));
        FIN(CAT3(past, "t", ""));
    } else {
        const char *sfx[] = {"te", "test", "ten", "tet"};
        for (size_t i = 0; i < 4; i++)
            FIN(CAT3(stem, ep, sfx[i]));
    }
    /* Extra forms (Konjunktiv II and the like) count as finite. */
    for (size_t i = 3; i < npp; i++)
        FIN(rg_i_xstrdup(pp[i]));

    for (size_t i = 0; i < nfin; i++) {
        if (plen) {
            S_add(g, fin[i], RG_VF_FINITE | RG_VF_SPLIT);
            S_add3(g, part, fin[i], "", RG_VF_FINITE);
        } else {
            S_add(g, fin[i], RG_VF_FINITE);
        }
    }
    S_add3(g, part, base, "", RG_VF_INFINITIVE | RG_VF_FINITE);
    if (plen)
        S_add3(g, part, "zu", base, RG_VF_ZU);

    /* Participle. */
    if (pcp)
        S_add3(g, part, pcp, "", RG_VF_PARTICIPLE);
    else if (S_ends(base, "ieren") || S_inseparable(base))
        S_add3(g, part, stem, *ep ? "et" : "t", RG_VF_PARTICIPLE);
    else {
        rg_i_buf_reset(&t);
        rg_i_buf_adds(&t, part);
        rg_i_buf_adds(&t, "ge");
        rg_i_buf_adds(&t, stem);
        rg_i_buf_adds(&t, ep);
        rg_i_buf_adds(&t, "t");
        S_add(g, t.data, RG_VF_PARTICIPLE);
    }
#undef FIN
#undef CAT3
    for (size_t i = 0; i < nfin; i++)
        free(fin[i]);
    free(fin);
    rg_i_buf_destroy(&t);
    S_free_list(pp, npp);
    free(stem);
    free(lemma);
}

/* A word of relations.c's lists (rg_i_relations_words' callback). */
static void S_word_add(void *ctx, const char *w, uint32_t cls, char det)
{
    rg_verbs *v = ctx;
    size_t n = v->words.n;
    int32_t id = rg_i_strtab_intern(&v->words, w, strlen(w));
    if (v->words.n > n) {
        v->word = rg_i_xrealloc(v->word, v->words.n * sizeof(*v->word));
        v->word[id] = (rg_verb_word){NULL, 0, 0, 0, 0};
    }
    v->word[id].cls |= cls;
    if (det)
        v->word[id].det = det;
}

/* The word table, after the forms and their hits. */
static void S_words_build(rg_verbs *v)
{
    size_t nforms = v->forms.n;
    v->word = rg_i_xmalloc((nforms ? nforms : 1) * sizeof(*v->word));
    for (size_t f = 0; f < nforms; f++) {
        rg_i_strtab_intern(&v->words, v->forms.str[f], v->forms.len[f]);
        uint32_t a = v->first[f], b = v->first[f + 1];
        uint8_t flags = 0;
        for (uint32_t k = a; k < b; k++)
            flags |= v->hits[k].flags;
        v->word[f] = (rg_verb_word){b > a ? &v->hits[a] : NULL, b - a, 0,
                                    flags, 0};
    }
    rg_i_relations_words(S_word_add, v);
    size_t nw = v->words.n, nslots = 64;
    while (nslots < 4 * nw)
        nslots *= 2;
    v->wslots = rg_i_xcalloc(nslots, sizeof(*v->wslots));
    size_t mask = nslots - 1;
    for (size_t id = 0; id < nw; id++) {
        uint64_t h = rg_i_hash(v->words.str[id], v->words.len[id]);
        size_t i = (size_t)h & mask;
        while (v->wslots[i])
            i = (i + 1) & mask;
        v->wslots[i] = (h >> 32) << 32 | (uint64_t)(id + 1);
    }
    /* The form filter: about 32 bits per form, so that a sentence without
     * any form is mostly told so without a lookup of its words. */
    size_t nbits = 4096;
    while (nbits < 32 * nforms && nbits < ((size_t)1 << 30))
        nbits *= 2;
    v->vfilter = rg_i_xcalloc(nbits / 64, sizeof(*v->vfilter));
    for (size_t f = 0; f < nforms; f++) {
        if (!v->word[f].n_hits)
            continue;
        uint64_t h = rg_i_hash(v->words.str[f], v->words.len[f]);
        size_t b = (size_t)(h >> 20) & (nbits - 1);
        v->vfilter[b / 64] |= (uint64_t)1 << (b % 64);
    }
    for (unsigned b = 0; b < 256; b++)
        v->one[b] = -1;
    for (size_t id = 0; id < nw; id++)
        if (v->words.len[id] == 1)
            v->one[(unsigned char)v->words.str[id][0]] = (int32_t)id;
    v->wtab = (rg_verb_wtab){v->wslots, mask, v->words.str, v->words.len,
                             v->word, v->vfilter, nbits - 1, v->one, nw};
}

const rg_verb_wtab *rg_i_verbs_wtab(const rg_verbs *v)
{
    return v && v->finished ? &v->wtab : NULL;
}

const rg_verb_word *rg_i_verbs_word(const rg_verbs *v, const char *fold,
                                    size_t n, uint64_t hash)
{
    const rg_verb_wtab *t = rg_i_verbs_wtab(v);
    return t ? rg_i_verbs_wtab_find(t, fold, n, hash) : NULL;
}

static int S_cmp_form(const void *a, const void *b)
{
    const S_form *x = a, *y = b;
    if (x->form != y->form)
        return x->form < y->form ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

rg_status rg_i_verbs_finish(rg_verbs *v, const rg_diag *diag)
{
    (void)diag;
    S_unfinish(v);
    S_gen g = {0};
    g.forms = &v->forms;
    rg_i_buf_init(&g.b);
    for (size_t i = 0; i < v->n; i++) {
        g.entry = (uint32_t)i;
        S_generate(&g, &v->v[i]);
    }
    if (g.n)
        qsort(g.v, g.n, sizeof(*g.v), S_cmp_form);
    size_t nforms = v->forms.n;
    v->first = rg_i_xcalloc(nforms + 1, sizeof(*v->first));
    v->hits = rg_i_xmalloc((g.n ? g.n : 1) * sizeof(*v->hits));
    size_t k = 0;
    for (size_t i = 0; i < g.n; i++) {
        /* One hit per (form, entry), with the union of what it is. */
        if (k > 0 && g.v[i].entry == v->hits[k - 1].entry &&
            i > 0 && g.v[i].form == g.v[i - 1].form) {
            v->hits[k - 1].flags |= g.v[i].flags;
            continue;
        }
        v->hits[k++] = (rg_verb_hit){g.v[i].entry, g.v[i].flags};
        v->first[g.v[i].form + 1] = (uint32_t)k;
    }
    /* first[f + 1] holds the end of form f's hits where it has any; make
     * it a running maximum so that forms are contiguous ranges. */
    for (size_t f = 1; f <= nforms; f++)
        if (v->first[f] < v->first[f - 1])
            v->first[f] = v->first[f - 1];
    v->n_hits = k;
    free(g.v);
    rg_i_buf_destroy(&g.b);
    S_words_build(v);
    v->finished = 1;
    return RG_OK;
}

size_t rg_i_verbs_count(const rg_verbs *v)
{
    return v ? v->lemmas.n : 0;
}

size_t rg_i_verbs_entry_count(const rg_verbs *v)
{
    return v ? v->n : 0;
}

const rg_verb_entry *rg_i_verbs_entry(const rg_verbs *v, uint32_t i)
{
    return i < v->n ? &v->v[i] : NULL;
}

const rg_verb_hit *rg_i_verbs_lookup(const rg_verbs *v, const char *fold,
                                     size_t n, size_t *n_hits)
{
    return rg_i_verbs_lookup_hashed(v, fold, n, rg_i_hash(fold, n), n_hits);
}

const rg_verb_hit *rg_i_verbs_lookup_hashed(const rg_verbs *v,
                                            const char *fold, size_t n,
                                            uint64_t hash, size_t *n_hits)
{
    *n_hits = 0;
    if (!v || !v->finished)
        return NULL;
    int32_t id = rg_i_strtab_find_hashed(&v->forms, fold, n, hash);
    if (id < 0)
        return NULL;
    uint32_t a = v->first[id], b = v->first[id + 1];
    *n_hits = b - a;
    return b > a ? &v->hits[a] : NULL;
}
