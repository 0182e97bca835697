/*
 * discover.c — stage 4b: actors the dictionary does not know, found by rule
 * and marked as such (form `discovered`, ids "disc:…", node attribute
 * source = discovered).  Runs after the dictionary mentions of a document
 * (mentions.c), on the same worker thread; never touches a token that is
 * part of a dictionary mention.
 *
 * Words (dict/, see dict/README.md): role nouns and titles (roles*.txt),
 * organisation heads (org_heads*.txt), first names (first_names*.txt).  A
 * role or head also matches as the end of a closed or hyphenated compound
 * (Außenminister, CDU-Außenpolitiker, Kremlchef, Nachrichtenagentur) and
 * with a German ending (-in, -innen, -e, -en, -n, -s, -es, -r, -er).
 *
 * A *name word* is a capitalised word that is not all capitals (headlines:
 * "EXPERTE WARNT"), not part of a dictionary mention, not the tail of a
 * hyphen compound, and not a known non-name: a function word or pronoun
 * (the usual capitalised sentence starters), a month or weekday, a role or
 * organisation head, a word with a noun suffix (-ung, -heit, -keit,
 * -schaft, -tion, -ität, -ismus, -nis, -ment, -chen, -tum, -ik, -land …),
 * or a word written in this document right after an article ("der
 * Gespräche", "die neuen Gespräche": a noun).  A name word may go on with
 * hyphen-glued parts (Sung-yoon, Kramp-Karrenbauer); name words may be
 * joined by a particle (von, van, de, al, bin …).  A name is 1–3 name
 * words; when a fourth follows, it is no name (a run of nouns).
 *
 * Persons:
 *  1. role + name:    "Der Experte Lee Sung-yoon", "BND-Präsident Bruno Kahl"
 *                     (a name of one word is enough: "Präsident Lula");
 *  2. title + name:   "Dr. Anna Schmidt", "Prof. Maier";
 *  3. role, up to five tokens (prepositions, articles, adjectives in
 *     -isch…, capitalised words, dictionary mentions, no other punctuation),
 *     a comma, then a name of at least two words closed by punctuation
 *     (apposition): "den russischen Botschafter in Südkorea, Georgi
 *     Sinowjew, ein …";
 *  4. a first name from the list + one or two more name words, anywhere
 *     (also at the start of a sentence): "Bruno Kahl".
 * Nothing else: a capitalised word at the start of a sentence, a noun, a
 * name without a trigger never becomes an actor.
 *
 * Organisations (an organisation head H, not part of a dictionary mention):
 *  5. H + one capitalised word (acronyms allowed) and then punctuation or a
 *     lowercase word: "Nachrichtenagentur Yonhap" -> Yonhap;
 *  6. H + "für" + capitalised words (joined by "und"): "Institut für
 *     Sicherheitspolitik" (the whole phrase);
 *  7. capitalised adjectives (-e, -en, -er, -es, -em) not at the start of
 *     the sentence + H (+ 6): "Koreanische Zentrale Nachrichtenagentur".
 *  A head alone ("das Verteidigungsministerium") is not an actor.
 *
 * Within the document, every later occurrence of a found name, and the
 * bare surname of a found person (its last word; its first word when the
 * last has a lowercase hyphen part, as in Korean names: "Lee" after "Lee
 * Sung-yoon"), also with a genitive -s, is a mention of it — the one found
 * last when several share the word.  Such a word is never a dictionary
 * mention (those tokens are left alone), so dictionary resolution is
 * unchanged.
 *
 * Speed: discovery looks at every token of every document, and most cannot
 * take part in a name.  Its word lists are classes of the gazetteer's
 * vocabulary, so the mention stage's one lookup per token answers for them
 * (rg_mentions.tok_cls); the passes take the capitalised words (or
 * articles) of 64 tokens at a time as bits, with no branch per token, and
 * test most words with one bit of a small filter (the last 4 bytes of
 * roles and heads, the hashes of the found names) before they read the
 * token's record; the role and head search is one walk of
 * a reversed trie from the end of a word; the document's nouns and keys
 * are sets keyed by the tokenizer's hash, compared byte by byte on a hit.
 */
#include "discover.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* The passes over 64 tokens at a time take the bits of 16 class or
 * coverage bytes with one SSE2 instruction (pmovmskb: bit 7 of each
 * byte), where there is SSE2; the 8-byte words of S_pack8 elsewhere, and
 * for a document's last block. */
#if defined(__SSE2__) && defined(__GNUC__) && RG_LITTLE_ENDIAN
#include <emmintrin.h>
#define S_SSE2 1
#else
#define S_SSE2 0
#endif

/* A name found by a trigger: tokens [t0, t1), found index k. */
typedef struct S_hit {
    uint32_t t0, t1, sentence, k;
} S_hit;

/* A key of resolution: a later token sequence that names found[k]. */
typedef struct S_key {
    uint32_t k;
    uint32_t t0;        /* the tokens that spell it: [t0, t0 + ntok) */
    uint32_t ntok;
} S_key;

/*
 * A set of folds of this document's tokens, each with a value: a slot
 * keeps the fold's hash and the token it was first seen at, so that a
 * lookup with the hash the tokenizer computed compares bytes only on a
 * hit, and nothing is copied or hashed again.
 */
typedef struct S_slot {
    uint64_t h;
    uint32_t tok;       /* the token whose fold this is */
    uint32_t val;       /* value + 1; 0 = empty slot */
} S_slot;

typedef struct S_set {
    S_slot *v;
    size_t n, cap;      /* cap: 0 or a power of two */
} S_set;

typedef struct S_scr {
    uint8_t *cov;       /* per token: 1 dictionary mention, 2 discovered */
    const uint8_t *wc;  /* per token: enum S_wclass of its fold (borrowed:
                           rg_mentions.tok_cls) */
    const int32_t *ids; /* per token: its vocabulary id or -1 (borrowed:
                           rg_mentions.tok_id) */
    const uint16_t *vcls;   /* per vocabulary id: its classes, also those
                               not in wc (rg_i_gazetteer_word_classes) */
    size_t cap_cov;     /* of cov */
    S_set nouns;        /* folds written after an article in this
                           document: built from noun_tok[] when asked
                           more than S_NOUN_SCANS times */
    uint32_t *noun_tok; /* the tokens of those folds (and
                           all-capitals ones, which S_noun skips) */
    size_t n_noun, cap_noun;
    uint64_t noun_bloom[16];   /* bit (hash >> 54) of every fold in
                                  noun_tok[]: most questions are answered
                                  no by it */
    size_t noun_asks;   /* questions about nouns in this document (that
                           passed noun_bloom) */
    int nouns_made;     /* noun_tok[] is made (S_collect_nouns) */
    rg_strtab labels;   /* label -> found index */
    S_set keys[2];      /* first fold of a name (S_NAME) or surname
                           (S_SURNAME) -> S_key index in kv[] */
    S_key *kv[2];
    size_t n_kv[2], cap_kv[2];
    uint64_t bloom[2][4];   /* bit (hash >> 56) of every key's fold */
    uint64_t gen_bloom[4];  /* the same of every surname's fold + "s" */
    uint64_t any_key[64];   /* bit (hash >> 52) of the folds of all three:
                               the one test of most capitalised words */
    rg_buf tmp;
    S_hit *hits;
    size_t n_hits, cap_hits;
    rg_mention *mtmp;   /* the discovered mentions, while merging */
    size_t cap_mtmp;
} S_scr;

void rg_i_discover_free(void *scratch)
{
    S_scr *s = scratch;
    if (!s)
        return;
    free(s->cov);
    free(s->nouns.v);
    free(s->noun_tok);
    rg_i_strtab_destroy(&s->labels);
    for (int w = 0; w < 2; w++) {
        free(s->keys[w].v);
        free(s->kv[w]);
    }
    rg_i_buf_destroy(&s->tmp);
    free(s->hits);
    free(s->mtmp);
    free(s);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

static const char *const S_articles[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
    "einer", "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines",
    NULL};

static const char *const S_stop[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
    "einer", "eines", "er", "sie", "es", "wir", "ihr", "ich", "du", "man",
    "und", "oder", "aber", "doch", "auch", "auf", "in", "im", "am", "an",
    "bei", "mit", "nach", "von", "vom", "vor", "zu", "zur", "zum", "über",
    "unter", "für", "gegen", "ohne", "um", "seit", "bis", "wie", "was", "wer",
    "wo", "wenn", "dass", "als", "ob", "so", "nun", "noch", "schon", "nicht",
    "kein", "keine", "dieser", "diese", "dieses", "diesen", "jener", "sein",
    "seine", "ihre", "ihren", "unser", "herr", "frau", "laut", "zudem",
    "damit", "dabei", "denn", "dann", "hier", "dort", "heute", "gestern",
    "morgen", "januar", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "interview", "video", "foto", "bild", NULL};

static const rg_word S_noun_suffixes[] = {
    RG_WORD("ung"),     RG_WORD("heit"),    RG_WORD("keit"),
    RG_WORD("schaft"),  RG_WORD("tion"),    RG_WORD("ität"),
    RG_WORD("ismus"),   RG_WORD("nis"),     RG_WORD("ment"),
    RG_WORD("chen"),    RG_WORD("lein"),    RG_WORD("tum"),
    RG_WORD("ik"),      RG_WORD("land"),    RG_WORD("krieg"),
    RG_WORD("gebiet"),  RG_WORD("politik"), RG_WORD("truppen"),
    RG_WORD("soldaten"), RG_WORD("staaten")};

static const char *const S_particles[] = {
    "von", "van", "de", "der", "den", "da", "di", "del", "al", "el", "bin",
    "ibn", "zu", "ter", "ten", "dos", "du", "le", "la", NULL};

/* Lowercase words allowed between a role and the comma of an apposition. */
static const char *const S_gap_words[] = {
    "in", "im", "aus", "bei", "von", "vom", "der", "des", "für", "am", "an",
    "zu", "zur", "zum", "und", NULL};

/*
 * The lists above are asked about most tokens, some several times:
 * scanning them with strcmp was a twentieth of the run.  So every list
 * word goes into the gazetteer's vocabulary with the set of lists it is in
 * (rg_i_gazetteer_add_class), and the one lookup per token that matching
 * makes (rg_mentions.tok_id) answers for them too (S_scr.wc).
 */
enum S_wclass {
    S_W_ARTICLE = RG_WC_USER << 0,   /* S_articles */
    S_W_FIRST = RG_WC_USER << 1,     /* the dictionary's first names */
    S_W_PARTICLE = RG_WC_USER << 2,  /* S_particles */
    S_W_GAP = RG_WC_USER << 3,       /* S_gap_words */
    S_W_STOP = RG_WC_BY_ID << 0      /* S_stop: asked of few tokens, read
                                        by id (S_stop_word) */
};

/* Whether token i's fold is in a list of the classes `cls` (of the class
 * byte). */
static int S_in(const S_scr *s, size_t i, uint8_t cls)
{
    return (s->wc[i] & cls) != 0;
}

/* Whether token i's fold is a stop word (a class read by its id). */
static int S_stop_word(const S_scr *s, size_t i)
{
    int32_t id = s->ids[i];
    return id >= 0 && (s->vcls[id] & S_W_STOP);
}

static int S_ends(const char *f, size_t n, const char *suf)
{
    /* From the last byte back, inline: the suffixes are a few bytes, most
     * words differ in the last one, and calls to strlen and memcmp cost
     * more than that (this runs for every capitalised word). */
    size_t k = 0;
    while (suf[k])
        k++;
    if (n < k)
        return 0;
    for (size_t j = k; j-- > 0;)
        if (f[n - k + j] != suf[j])
            return 0;
    return 1;
}

static const rg_word S_role_endings[] = {
    RG_WORD(""),  RG_WORD("in"), RG_WORD("innen"), RG_WORD("e"), RG_WORD("en"),
    RG_WORD("n"), RG_WORD("s"),  RG_WORD("es"),    RG_WORD("r"), RG_WORD("er")};
static const rg_word S_head_endings[] = {RG_WORD(""), RG_WORD("s"), RG_WORD("es"),
                                         RG_WORD("en"), RG_WORD("n")};

/*
 * Roles and heads with each of their endings, reversed, in one trie: a
 * word is, or ends with, one of them when the walk from its last byte
 * reaches a node that ends one ("Außenministerin": n, i, r, e, t, s, i, n,
 * i, m ends "minister" + "in").  The whole word may be any listed word; a
 * compound part (the walk ends inside the word) must be at least 4 bytes
 * long, not counting the ending, and begin a character.  Most words leave
 * the trie after a byte or two.
 */
enum {
    S_RH_ROLE = 1,            /* rg_i_discover_listed's bits */
    S_RH_HEAD = 2,
    S_RN_WHOLE = 0,           /* node flags: shift of the bits for the */
    S_RN_PART = 2             /* whole word, and for a compound part */
};

typedef struct S_rnode {
    uint32_t child, sibling;  /* 0 = none (node 0 is never a child); while
                                 building */
    uint32_t base;            /* the children for the walk: byte b at
                                 kids[base + b - lo] when b - lo < span */
    uint8_t byte, flags;      /* flags: S_RH_* << S_RN_WHOLE / S_RN_PART */
    uint8_t lo;
    uint16_t span;
} S_rnode;

/* A node as the walk reads it: 8 bytes, the trie of most dictionaries in
 * a few cache lines. */
typedef struct S_wnode {
    uint32_t base;            /* S_rnode's */
    uint16_t span;
    uint8_t lo, flags;
} S_wnode;

struct rg_disc_words {
    uint32_t root[256];       /* last byte -> node, 0 = none */
    S_wnode *walk;            /* per node: what S_listed reads */
    S_rnode *nodes;
    size_t n_nodes, cap_nodes;
    uint32_t *kids;           /* children by byte, dense from each node's
                                 lowest to its highest (one bounds check
                                 and one load a byte; 0 = none) */
    size_t n_kids;
    /* The nodes at depth 4 by the last 4 bytes of a word (as one 32-bit
     * load): a word of 4 bytes or more leaves the trie at once when its
     * last 4 are not there (most do), and the walk of the others starts
     * at depth 4.  No node above depth 4 has a flag such a word could
     * take: a compound part is at least 4 bytes, a whole word n bytes. */
    struct S_suf {
        uint32_t key;         /* 0 = empty (a fold holds no NUL) */
        uint32_t node;
    } *suf;                   /* key and node side by side: one cache
                                 line per probe, and slots for 4 times
                                 the depth-4 nodes (not all nodes), so
                                 that the table of most dictionaries
                                 stays in the L1 cache: every
                                 capitalised word probes it */
    uint32_t suf_mask;
    unsigned suf_shift;       /* 32 - log2(slots) */
    uint64_t suf_bits[256];   /* bit S_suf_bit of every key: most words
                                 are told by this 2 KB filter that their
                                 last 4 bytes end no role or head */
    uint8_t suf_by_last[256][RG_COUNT(S_noun_suffixes) + 1];
                              /* per last byte: 1 + the index of each
                                 noun suffix that ends with it, then 0 */
    uint64_t title_lens;      /* bit n: a role of n bytes (< 64) ends in
                                 '.' ("dr."): the title rule's lookup */
    int title_long;           /* one of 64 bytes or more does */
};

/* The first slot of the 4-byte key k. */
static inline uint32_t S_suf_slot(const struct rg_disc_words *w, uint32_t k)
{
    return (uint32_t)(k * 0x9E3779B1u) >> w->suf_shift;
}

/* The bit of the 4-byte key k in suf_bits. */
static inline uint32_t S_suf_bit(uint32_t k)
{
    return (uint32_t)(k * 0x2545F491u) >> 18;
}

/* Whether the 4-byte key k may be in the table. */
static inline int S_suf_may(const struct rg_disc_words *w, uint32_t k)
{
    uint32_t b = S_suf_bit(k);
    return (int)((w->suf_bits[b >> 6] >> (b & 63)) & 1);
}

/* The depth-4 node of the last 4 bytes `k` of a word, or 0. */
static inline uint32_t S_suf_find(const struct rg_disc_words *w, uint32_t k)
{
    for (uint32_t i = S_suf_slot(w, k);; i = (i + 1) & w->suf_mask) {
        struct S_suf x = w->suf[i];
        if (x.key == k)
            return x.node;
        if (!x.key)
            return 0;
    }
}

/* Puts the depth-4 nodes below node p (at depth `depth`, bytes b[] of the
 * path so far, b[0] the word's last) into the table. */
static void S_suf_put(struct rg_disc_words *w, uint32_t p, size_t depth,
                      uint8_t *b)
{
    if (depth == 4 && !w->suf) {
        w->suf_mask++;   /* counting (S_suf_put's first round) */
        return;
    }
    if (depth == 4) {
        /* b[3] b[2] b[1] b[0]: the word's last 4 bytes in text order */
        uint8_t t[4] = {b[3], b[2], b[1], b[0]};
        uint32_t k;
        memcpy(&k, t, 4);
        uint32_t i = S_suf_slot(w, k);
        while (w->suf[i].key)
            i = (i + 1) & w->suf_mask;
        w->suf[i].key = k;
        w->suf[i].node = p;
        w->suf_bits[S_suf_bit(k) >> 6] |= (uint64_t)1 << (S_suf_bit(k) & 63);
        return;
    }
    for (uint32_t c = w->nodes[p].child; c; c = w->nodes[c].sibling) {
        b[depth] = w->nodes[c].byte;
        S_suf_put(w, c, depth + 1, b);
    }
}

static uint32_t S_rnode_new(struct rg_disc_words *w, uint8_t byte)
{
    RG_GROW(w->nodes, w->cap_nodes, w->n_nodes + 1);
    w->nodes[w->n_nodes] = (S_rnode){.byte = byte};
    return (uint32_t)w->n_nodes++;
}

/* Adds word + ending, reversed, with bit `what` (S_RH_*). */
static void S_rtrie_add(struct rg_disc_words *w, const char *word, size_t wn,
                        const rg_word *e, unsigned what)
{
    size_t n = wn + e->len;
    if (wn == 0)
        return;   /* an empty stem matches nothing */
#define S_AT(k) ((uint8_t)((k) < wn ? word[k] : e->s[(k) - wn]))
    uint8_t b = S_AT(n - 1);
    if (!w->root[b])
        w->root[b] = S_rnode_new(w, b);
    uint32_t node = w->root[b];
    for (size_t k = n - 1; k-- > 0;) {
        b = S_AT(k);
        uint32_t c = w->nodes[node].child;
        while (c && w->nodes[c].byte != b)
            c = w->nodes[c].sibling;
        if (!c) {
            c = S_rnode_new(w, b);
            w->nodes[c].sibling = w->nodes[node].child;
            w->nodes[node].child = c;
        }
        node = c;
    }
#undef S_AT
    w->nodes[node].flags |= (uint8_t)(what << S_RN_WHOLE);
    if (wn >= 4)
        w->nodes[node].flags |= (uint8_t)(what << S_RN_PART);
}

struct rg_disc_words *rg_i_discover_words_build(rg_gazetteer *g,
                                                const rg_dict *d)
{
    static const struct {
        const char *const *list;
        uint16_t cls;
    } lists[] = {{S_articles, S_W_ARTICLE}, {S_stop, S_W_STOP},
                 {S_particles, S_W_PARTICLE}, {S_gap_words, S_W_GAP}};
    for (size_t i = 0; i < RG_COUNT(lists); i++)
        for (const char *const *w = lists[i].list; *w; w++)
            rg_i_gazetteer_add_class(g, *w, strlen(*w), lists[i].cls);
    for (size_t i = 0; i < d->first_names.n; i++)
        rg_i_gazetteer_add_class(g, d->first_names.str[i],
                                 d->first_names.len[i], S_W_FIRST);
    struct rg_disc_words *w = rg_i_xcalloc(1, sizeof(*w));
    for (size_t k = 0; k < RG_COUNT(S_noun_suffixes); k++) {
        uint8_t *row = w->suf_by_last[(uint8_t)S_noun_suffixes[k]
                                          .s[S_noun_suffixes[k].len - 1]];
        while (*row)
            row++;
        *row = (uint8_t)(k + 1);
    }
    S_rnode_new(w, 0);   /* node 0: "none" */
    for (size_t i = 0; i < d->roles.n; i++)
        for (size_t e = 0; e < RG_COUNT(S_role_endings); e++)
            S_rtrie_add(w, d->roles.str[i], d->roles.len[i],
                        &S_role_endings[e], S_RH_ROLE);
    for (size_t i = 0; i < d->org_heads.n; i++)
        for (size_t e = 0; e < RG_COUNT(S_head_endings); e++)
            S_rtrie_add(w, d->org_heads.str[i], d->org_heads.len[i],
                        &S_head_endings[e], S_RH_HEAD);
    size_t cap_kids = 0;
    for (size_t p = 1; p < w->n_nodes; p++) {
        S_rnode *x = &w->nodes[p];
        unsigned lo = 255, hi = 0;
        for (uint32_t c = x->child; c; c = w->nodes[c].sibling) {
            lo = w->nodes[c].byte < lo ? w->nodes[c].byte : lo;
            hi = w->nodes[c].byte > hi ? w->nodes[c].byte : hi;
        }
        if (!x->child)
            continue;
        x->lo = (uint8_t)lo;
        x->span = (uint16_t)(hi - lo + 1);
        size_t span = hi - lo + 1;
        x->base = (uint32_t)w->n_kids;
        RG_GROW(w->kids, cap_kids, w->n_kids + span);
        memset(w->kids + w->n_kids, 0, span * sizeof(*w->kids));
        w->n_kids += span;
        for (uint32_t c = x->child; c; c = w->nodes[c].sibling)
            w->kids[x->base + w->nodes[c].byte - lo] = c;
    }
    w->walk = rg_i_xcalloc(w->n_nodes, sizeof(*w->walk));
    for (size_t p = 0; p < w->n_nodes; p++)
        w->walk[p] = (S_wnode){.base = w->nodes[p].base,
                               .span = w->nodes[p].span,
                               .lo = w->nodes[p].lo,
                               .flags = w->nodes[p].flags};
    /* The nodes at depth 4, counted (in suf_mask), then put in a table at
     * most a quarter full. */
    for (int round = 0; round < 2; round++) {
        if (round == 1) {
            uint32_t slots = 64;
            w->suf_shift = 26;
            while (slots < 4 * (size_t)w->suf_mask) {
                slots *= 2;
                w->suf_shift--;
            }
            w->suf_mask = slots - 1;
            w->suf = rg_i_xcalloc(slots, sizeof(*w->suf));
        }
        for (unsigned b = 0; b < 256; b++)
            if (w->root[b]) {
                uint8_t path[4] = {(uint8_t)b};
                S_suf_put(w, w->root[b], 1, path);
            }
    }
    for (size_t i = 0; i < d->roles.n; i++) {
        size_t n = d->roles.len[i];
        if (n && d->roles.str[i][n - 1] == '.') {
            if (n < 64)
                w->title_lens |= (uint64_t)1 << n;
            else
                w->title_long = 1;
        }
    }
    return w;
}

void rg_i_discover_words_free(struct rg_disc_words *w)
{
    if (!w)
        return;
    free(w->nodes);
    free(w->walk);
    free(w->kids);
    free(w->suf);
    free(w);
}

/* Where S_listed's walk of f[0..n) begins: the node of its last 4 bytes
 * (depth 4) or of its last byte (depth 1, a word of 1 to 3 bytes), or 0
 * when there is none (S_listed is 0). */
static inline uint32_t S_listed_start(const struct rg_disc_words *w,
                                      const char *f, size_t n, size_t *depth)
{
    if (n >= 4) {
        uint32_t k;
        memcpy(&k, f + n - 4, 4);
        *depth = 4;
        return S_suf_may(w, k) ? S_suf_find(w, k) : 0;
    }
    *depth = 1;
    return n > 0 ? w->root[(uint8_t)f[n - 1]] : 0;
}

/* S_listed's walk of f[0..n) from node (not 0) at depth (S_listed_start). */
static inline unsigned S_listed_walk(const struct rg_disc_words *w,
                                     const char *f, size_t n, uint32_t node,
                                     size_t depth)
{
    unsigned res = 0;
    for (; node; depth++) {
        const S_wnode *x = &w->walk[node];
        if (x->flags) {
            size_t i = n - depth;
            if (i == 0)
                res |= (x->flags >> S_RN_WHOLE) & 3u;
            else if (((uint8_t)f[i] & 0xC0) != 0x80)
                res |= (x->flags >> S_RN_PART) & 3u;
        }
        if (depth == n)
            break;
        unsigned k = (unsigned)(uint8_t)f[n - 1 - depth] - x->lo;
        if (k >= x->span)
            break;
        node = w->kids[x->base + k];
    }
    return res;
}

static inline unsigned S_listed(const struct rg_disc_words *w, const char *f,
                                size_t n)
{
    size_t depth;
    uint32_t node = S_listed_start(w, f, n, &depth);
    return node ? S_listed_walk(w, f, n, node, depth) : 0;
}

unsigned rg_i_discover_listed(const rg_dict *d, const char *f, size_t n)
{
    const struct rg_disc_words *w = rg_i_gazetteer_disc(d->gaz);
    return w ? S_listed(w, f, n) : 0;
}

static int S_word(const rg_tokens *t, size_t i)
{
    return t->v[i].kind == RG_TOK_WORD;
}

/* Whether token i is a capitalised word (its class byte's
 * RG_WC_UPPER_WORD: a word with RG_TF_UPPER), from the byte of wc. */
static inline int S_upper_wc(const uint8_t *wc, size_t i)
{
    return (wc[i] & RG_WC_UPPER_WORD) != 0;
}

/* The capitalised words among tokens [i, i + 8): bit 7 of byte k for
 * token i + k (RG_WC_UPPER_WORD; wc holds 8 readable bytes past the last
 * token, which are 0: rg_mentions.tok_cls). */
static inline uint64_t S_upper8_all(const uint8_t *wc, size_t i)
{
    uint64_t m = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&m, wc + i, 8);
    m &= 0x8080808080808080ULL;
#else
    for (size_t k = 0; k < 8; k++)
        m |= (uint64_t)(wc[i + k] & RG_WC_UPPER_WORD) << (8 * k);
#endif
    return m;
}

/* The tokens among [i, i + 8) whose byte of v is not 0, as S_upper8_all's
 * bits (v holds 8 readable bytes past the last token: S_scr.cov). */
static inline uint64_t S_nz8(const uint8_t *v, size_t i)
{
    uint64_t m = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    memcpy(&m, v + i, 8);
    m = (((m & low7) + low7) | m) & ~low7;
#else
    for (size_t k = 0; k < 8; k++)
        m |= (uint64_t)(v[i + k] ? 0x80 : 0) << (8 * k);
#endif
    return m;
}

/* The index (0..7) of the lowest byte of m that is not 0 (m != 0;
 * little-endian). */
static inline size_t S_low_byte(uint64_t m)
{
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(m) >> 3;
#else
    size_t k = 0;
    while (!(m & 0xFF))
        m >>= 8, k++;
    return k;
#endif
}


/* Whether token i is the punctuation character p (one byte). */
static int S_punct(const rg_tokens *t, size_t i, char p)
{
    return t->v[i].kind == RG_TOK_PUNCT && t->v[i].fold_len == 1 &&
           t->fold[t->v[i].fold] == p;
}

/* Whether word token i's fold is w (NUL-terminated, short). */
static int S_fold_is(const rg_tokens *t, size_t i, const char *w, size_t n)
{
    return t->v[i].fold_len == n && memcmp(rg_i_token_fold(t, i), w, n) == 0;
}

typedef struct S_ctx {
    const rg_dict *d;
    const rg_tokens *t;
    S_scr *s;
    const struct rg_disc_words *w;
    size_t tb, te;      /* the sentence */
} S_ctx;

/* rg_i_discover_listed of token i's fold.  (Not kept per token: nearly
 * every token is asked once.) */
static unsigned S_rh(const S_ctx *c, size_t i)
{
    return S_listed(c->w, rg_i_token_fold(c->t, i), c->t->v[i].fold_len);
}

/* Whether token i is a capitalised role or head: any of the bits `what`
 * (S_RH_ROLE, S_RH_HEAD) of its S_rh. */
static int S_is_listed(const S_ctx *c, size_t i, unsigned what)
{
    return S_upper_wc(c->s->wc, i) && (S_rh(c, i) & what);
}

/* The set's slot for fold f[0..n) with hash h: its entry, or the empty
 * slot where it would go. */
static S_slot *S_set_slot(const S_set *set, const rg_tokens *t, const char *f,
                          size_t n, uint64_t h)
{
    size_t mask = set->cap - 1;
    for (size_t i = (size_t)(h ^ (h >> 29)) & mask;; i = (i + 1) & mask) {
        S_slot *x = &set->v[i];
        if (!x->val)
            return x;
        if (x->h == h && t->v[x->tok].fold_len == n &&
            memcmp(rg_i_token_fold(t, x->tok), f, n) == 0)
            return x;
    }
}

/* The value of fold f[0..n) (hash h), or -1. */
static int64_t S_set_find(const S_set *set, const rg_tokens *t, const char *f,
                          size_t n, uint64_t h)
{
    if (set->n == 0)
        return -1;
    const S_slot *x = S_set_slot(set, t, f, n, h);
    return x->val ? (int64_t)x->val - 1 : -1;
}

/* The slot of token i's fold, added (value unset: 0) when absent. */
static S_slot *S_set_add(S_set *set, const rg_tokens *t, size_t i)
{
    if ((set->n + 1) * 2 > set->cap) {
        S_slot *old = set->v;
        size_t nold = set->cap;
        set->cap = nold ? nold * 2 : 64;
        set->v = rg_i_xcalloc(set->cap, sizeof(*set->v));
        for (size_t k = 0; k < nold; k++)
            if (old[k].val) {
                size_t mask = set->cap - 1, j = (size_t)(old[k].h ^ (old[k].h >> 29)) & mask;
                while (set->v[j].val)
                    j = (j + 1) & mask;
                set->v[j] = old[k];
            }
        free(old);
    }
    S_slot *x = S_set_slot(set, t, rg_i_token_fold(t, i), t->v[i].fold_len,
                           t->hash[i]);
    if (!x->val) {
        x->h = t->hash[i];
        x->tok = (uint32_t)i;
        set->n++;
    }
    return x;
}

static void S_set_clear(S_set *set)
{
    if (set->n)
        memset(set->v, 0, set->cap * sizeof(*set->v));
    set->n = 0;
}

/* Nouns are collected for every article of a document, but asked about
 * only for the few candidates of a name: the first S_NOUN_SCANS questions
 * scan the list; after them (a long document full of names) the set is
 * built, so that a document costs O(tokens) either way. */
#define S_NOUN_SCANS 8

/* Token k (its fold written after an article) to noun_tok. */
static inline void S_noun_add(S_scr *s, const rg_tokens *toks, size_t k)
{
    RG_GROW(s->noun_tok, s->cap_noun, s->n_noun + 1);
    s->noun_tok[s->n_noun++] = (uint32_t)k;
    uint64_t h = toks->hash[k];
    s->noun_bloom[h >> 60] |= (uint64_t)1 << ((h >> 54) & 63);
}

/* The noun of the article at token i (+ 1 < n), if any, to noun_tok:
 * up to three lowercase words, then the noun.  The first of the next four
 * tokens that is capitalised or an article is where that walk stops
 * (from one load of class bytes); it is a noun when capitalised, not in a
 * dictionary mention, and every token before it a word.  (An
 * all-capitals noun is skipped by S_noun: its flag is in the token's
 * record.) */
static void S_article_noun(S_scr *s, const rg_tokens *toks, size_t i)
{
    uint64_t w4;
    memcpy(&w4, s->wc + i + 1, 8);   /* 8 bytes past the last token */
    w4 &= (uint64_t)(RG_WC_UPPER_WORD | S_W_ARTICLE) * 0x01010101ULL;
    if (toks->n - (i + 1) < 4)
        w4 &= ((uint64_t)1 << (8 * (toks->n - (i + 1)))) - 1;
    if (!w4)
        return;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    size_t k = i + 1 + S_low_byte(w4);
#else
    size_t k = i + 1;
    while (!(s->wc[k] & (RG_WC_UPPER_WORD | S_W_ARTICLE)))
        k++;
#endif
    if (!S_upper_wc(s->wc, k) || s->cov[k] == 1)
        return;
    size_t u = i + 1;
    while (u < k && S_word(toks, u))
        u++;
    if (u < k)
        return;
    S_noun_add(s, toks, k);
}

/* The index of the lowest set bit of m (m != 0). */
static inline size_t S_ctz64(uint64_t m)
{
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(m);
#else
    size_t k = 0;
    while (!(m & 1))
        m >>= 1, k++;
    return k;
#endif
}

/* Bit 7 of each byte of m (of its value: S_upper8_all's bits), as the 8 bits
 * of the result (byte k: bit k). */
static inline uint64_t S_pack8(uint64_t m)
{
    return (((m >> 7) & 0x0101010101010101ULL) * 0x0102040810204080ULL) >> 56;
}

#if S_SSE2
/* 16 bytes from p as a vector. */
static inline __m128i S_load16(const uint8_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* Bit 7 of each of the 16 bytes of v, as 16 bits. */
static inline uint64_t S_bits16(__m128i v)
{
    return (uint64_t)(unsigned)_mm_movemask_epi8(v);
}

/* Bit 2 of each of the 16 bytes of v (S_W_ARTICLE), as 16 bits: shifted to
 * bit 7 of its byte (a 16-bit lane's shift moves the low byte's bits into
 * the high byte's low bits only). */
static inline uint64_t S_bits16_2(__m128i v)
{
    return S_bits16(_mm_slli_epi16(v, 5));
}

/* S_cand64's bits of tokens [i, i + 16) (all before the last token). */
static inline uint64_t S_cand16(const uint8_t *wc, const uint8_t *cov,
                                size_t i)
{
    return S_bits16(S_load16(wc + i)) &
           S_bits16(_mm_cmpeq_epi8(S_load16(cov + i), _mm_setzero_si128()));
}
#endif

/* The uncovered capitalised words among tokens [base, base + 64) as bits
 * (token base + j: bit j); wc and cov hold 8 bytes past the last token
 * (n), which are 0.  The 8 steps of a whole block written out: a loop's
 * exit would be a branch miss per block. */
static inline uint64_t S_cand64(const uint8_t *wc, const uint8_t *cov,
                                size_t base, size_t n)
{
#define S_C8(j) (S_pack8(S_upper8_all(wc, base + (j)) & ~S_nz8(cov, base + (j))) \
                 << (j))
#if S_SSE2
    if (base + 64 <= n)
        return S_cand16(wc, cov, base) | S_cand16(wc, cov, base + 16) << 16 |
               S_cand16(wc, cov, base + 32) << 32 |
               S_cand16(wc, cov, base + 48) << 48;
#else
    if (base + 64 <= n)
        return S_C8(0) | S_C8(8) | S_C8(16) | S_C8(24) | S_C8(32) |
               S_C8(40) | S_C8(48) | S_C8(56);
#endif
    uint64_t cand = 0;
    for (size_t j = 0; base + j < n; j += 8)
        cand |= S_C8(j);
    return cand;
#undef S_C8
}

/* The nouns of the document (S_scr.noun_tok): the first capitalised word
 * after an article (and lowercase adjectives), not part of a dictionary
 * mention.  Made at the first question (a document without a candidate
 * name asks none), when hits may cover tokens already: those are left in
 * (cov 2), as they were before the triggers ran.
 * An article is every tenth token or so, and most are followed by their
 * noun: so 64 tokens at a time, as bits, the articles followed by a
 * capitalised word (its noun) are told from those followed by a
 * lowercase word (S_article_noun walks those), without a branch per
 * article. */
static void S_collect_nouns(S_scr *s, const rg_tokens *toks)
{
    size_t n = toks->n;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
    for (size_t base = 0; base + 1 < n; base += 64) {
        /* Bit j: token base + j is an article and token base + j + 1
         * its noun (direct: capitalised, not in a dictionary mention) or
         * a word S_article_noun walks over (walk: neither capitalised nor
         * an article).  wc and cov hold 8 bytes past the last token. */
        uint64_t direct = 0, walk = 0;
        /* bit 7 of each byte: S_W_ARTICLE is bit 2, RG_WC_UPPER_WORD
         * bit 7; the zero bytes of c exactly */
#define S_N8(j)                                                          \
    do {                                                                 \
        uint64_t x, y, c;                                                \
        memcpy(&x, s->wc + base + (j), 8);                               \
        memcpy(&y, s->wc + base + (j) + 1, 8);                           \
        memcpy(&c, s->cov + base + (j) + 1, 8);                          \
        c ^= ones; /* 0 where cov is 1 */                                \
        uint64_t art = (x << 5) & ~low7;                                 \
        uint64_t dict = ~(((c & low7) + low7) | c);                      \
        direct |= S_pack8(art & y & ~dict) << (j);                       \
        walk |= S_pack8(art & ~(y | (y << 5))) << (j);                   \
    } while (0)
#if S_SSE2
        if (base + 64 <= n) {
            /* 16 tokens a step: the articles, and the capitalised words,
             * articles and tokens of dictionary mentions one token
             * further on (token base + 64 is readable: wc and cov hold 8
             * bytes past the last token). */
            for (size_t j = 0; j < 64; j += 16) {
                __m128i x = S_load16(s->wc + base + j);
                __m128i y = S_load16(s->wc + base + j + 1);
                __m128i c = S_load16(s->cov + base + j + 1);
                uint64_t art = S_bits16_2(x);
                uint64_t up1 = S_bits16(y), art1 = S_bits16_2(y);
                uint64_t dict1 =
                    S_bits16(_mm_cmpeq_epi8(c, _mm_set1_epi8(1)));
                direct |= (art & up1 & ~dict1) << j;
                walk |= (art & ~(up1 | art1)) << j;
            }
        } else {
            for (size_t j = 0; base + j < n; j += 8)
                S_N8(j);
        }
#else
        if (base + 64 <= n) {   /* written out: no loop exit to miss */
            S_N8(0);
            S_N8(8);
            S_N8(16);
            S_N8(24);
            S_N8(32);
            S_N8(40);
            S_N8(48);
            S_N8(56);
        } else {
            for (size_t j = 0; base + j < n; j += 8)
                S_N8(j);
        }
#endif
#undef S_N8
        if (n - 1 - base < 64) {   /* an article needs a token after it */
            direct &= ((uint64_t)1 << (n - 1 - base)) - 1;
            walk &= ((uint64_t)1 << (n - 1 - base)) - 1;
        }
        /* Room for the whole block's nouns first: the pointers and the
         * count stay in registers over its loop. */
        RG_GROW(s->noun_tok, s->cap_noun, s->n_noun + 64);
        uint32_t *nt = s->noun_tok;
        size_t nn = s->n_noun;
        uint64_t *bloom = s->noun_bloom;
        const uint64_t *hash = toks->hash;
        for (; direct; direct &= direct - 1) {
            size_t k = base + S_ctz64(direct) + 1;
            nt[nn++] = (uint32_t)k;
            bloom[hash[k] >> 60] |= (uint64_t)1 << ((hash[k] >> 54) & 63);
        }
        s->n_noun = nn;
        for (; walk; walk &= walk - 1)
            S_article_noun(s, toks, base + S_ctz64(walk));
    }
#else
    for (size_t i = 0; i + 1 < n; i++) {
        i = rg_i_wc_next(s->wc, i, n - 1, S_W_ARTICLE);
        if (i + 1 >= n)
            break;
        if (S_in(s, i, S_W_ARTICLE))
            S_article_noun(s, toks, i);
    }
#endif
}

/* Whether token i's fold was written after an article in the document. */
static int S_noun(S_scr *s, const rg_tokens *t, size_t i)
{
    if (!s->nouns_made) {
        memset(s->noun_bloom, 0, sizeof(s->noun_bloom));
        S_collect_nouns(s, t);
        s->nouns_made = 1;
    }
    uint64_t h = t->hash[i];
    if (!((s->noun_bloom[h >> 60] >> ((h >> 54) & 63)) & 1))
        return 0;   /* no noun of the document has its bit */
    size_t n = t->v[i].fold_len;
    const char *f = rg_i_token_fold(t, i);
    if (s->noun_asks++ < S_NOUN_SCANS) {
        for (size_t k = 0; k < s->n_noun; k++) {
            uint32_t u = s->noun_tok[k];
            if (t->hash[u] == h && t->v[u].fold_len == n &&
                !(t->v[u].flags & RG_TF_ALLCAPS) &&
                memcmp(rg_i_token_fold(t, u), f, n) == 0)
                return 1;
        }
        return 0;
    }
    if (s->noun_asks == S_NOUN_SCANS + 1)
        for (size_t k = 0; k < s->n_noun; k++)
            if (!(t->v[s->noun_tok[k]].flags & RG_TF_ALLCAPS))
                S_set_add(&s->nouns, t, s->noun_tok[k])->val = 1;
    return S_set_find(&s->nouns, t, f, n, h) >= 0;
}

/* A known non-name (see the top of the file). */
static int S_nonname(const S_ctx *c, size_t i)
{
    const char *f = rg_i_token_fold(c->t, i);
    size_t n = c->t->v[i].fold_len;
    if (n < 2 || S_stop_word(c->s, i))
        return 1;
    /* The word, or it without -n, -en, -s or -e, ends with a suffix (its
     * length known: no strlen per suffix). */
    size_t cut[4], ncut = 0;
    cut[ncut++] = n;
    if (n > 2 && f[n - 1] == 'n')
        cut[ncut++] = n - 1;
    if (n > 3 && f[n - 1] == 'n' && f[n - 2] == 'e')
        cut[ncut++] = n - 2;
    if (n > 2 && (f[n - 1] == 's' || f[n - 1] == 'e'))
        cut[ncut++] = n - 1;
    /* Only the suffixes with the cut word's last byte (a few, often
     * none). */
    for (size_t u = 0; u < ncut; u++)
        for (const uint8_t *q = c->w->suf_by_last[(uint8_t)f[cut[u] - 1]]; *q;
             q++) {
            const rg_word *w = &S_noun_suffixes[*q - 1];
            if (n >= w->len + 3 &&   /* "Sung", "Jung": too short for
                                        stem + suffix */
                cut[u] >= w->len &&
                memcmp(f + cut[u] - w->len, w->s, w->len) == 0)
                return 1;
        }
    if (S_noun(c->s, c->t, i))
        return 1;
    return S_is_listed(c, i, S_RH_ROLE | S_RH_HEAD);
}

/* A name word that may begin a name or follow another (no compound tail). */
static int S_name_word(const S_ctx *c, size_t i, int allcaps_ok)
{
    const rg_token *k = &c->t->v[i];
    if (i >= c->te || !S_upper_wc(c->s->wc, i) || c->s->cov[i] ||
        (k->flags & RG_TF_HYPHEN_BEFORE))
        return 0;
    if ((k->flags & RG_TF_ALLCAPS) && !allcaps_ok)
        return 0;
    return !S_nonname(c, i);
}

/* After name word i: its hyphen-glued parts ("Sung-yoon"); returns the
 * token after them and sets *lower when a part is lowercase. */
static size_t S_word_end(const S_ctx *c, size_t i, int *lower)
{
    size_t k = i + 1;
    while (k + 1 < c->te && (c->t->v[k - 1].flags & RG_TF_HYPHEN_AFTER) &&
           S_punct(c->t, k, '-') && S_word(c->t, k + 1) && !c->s->cov[k + 1] &&
           (c->t->v[k + 1].flags & RG_TF_HYPHEN_BEFORE)) {
        if (!S_upper_wc(c->s->wc, k + 1))
            *lower = 1;
        else if (S_nonname(c, k + 1))
            break;
        k += 2;
    }
    return k;
}

/*
 * The person name starting at token i: 1..3 name words.  Returns the
 * number of words (0: none) and sets *end; *last the first token of the
 * last word, *lower whether a word has a lowercase hyphen part.
 */
static int S_name(const S_ctx *c, size_t i, size_t *end, size_t *last,
                  int *lower)
{
    int words = 0;
    size_t k = i;
    *lower = 0;
    while (k < c->te) {
        if (S_name_word(c, k, 0)) {
            if (words == 3)
                return 0;   /* a fourth: a run of nouns, not a name */
            *last = k;
            k = S_word_end(c, k, lower);
            words++;
            continue;
        }
        if (words > 0 && k + 1 < c->te && S_word(c->t, k) &&
            !S_upper_wc(c->s->wc, k) && S_in(c->s, k, S_W_PARTICLE) &&
            S_name_word(c, k + 1, 0)) {
            k++;
            continue;
        }
        break;
    }
    *end = k;
    return words;
}

/* Punctuation (or the end of the sentence) at token i. */
static int S_closed(const S_ctx *c, size_t i)
{
    return i >= c->te || c->t->v[i].kind == RG_TOK_PUNCT;
}

/* ------------------------------------------------------------------ */
/* Found actors                                                        */
/* ------------------------------------------------------------------ */

void rg_i_discover_id(rg_buf *out, const char *label)
{
    rg_buf b;
    rg_i_buf_init(&b);
    /* German letters by German rule, then accents dropped by utf8proc. */
    int ascii = 1;
    for (const char *p = label; *p; p++) {
        static const char *const from[] = {"ä", "ö", "ü", "Ä", "Ö", "Ü", "ß",
                                           "ø", "Ø", "æ", "Æ", "ł", "Ł", "đ"};
        static const char *const to[] = {"ae", "oe", "ue", "Ae", "Oe", "Ue", "ss",
                                         "o", "O", "ae", "Ae", "l", "L", "d"};
        if ((unsigned char)*p < 0x80) {   /* no letter of from[] */
            rg_i_buf_addc(&b, *p);
            continue;
        }
        size_t j = 0;
        for (; j < 14; j++)
            if (strncmp(p, from[j], 2) == 0)
                break;
        if (j < 14) {
            rg_i_buf_adds(&b, to[j]);
            p++;
        } else {
            ascii = 0;
            rg_i_buf_addc(&b, *p);
        }
    }
    /* ASCII (most names, and every German letter replaced above) needs no
     * decomposition: its case fold is the ASCII lowercase, which the loop
     * below applies (utf8proc's fold leaves no A-Z). */
    utf8proc_uint8_t *m = NULL;
    const unsigned char *q = (const unsigned char *)(b.data ? b.data : "");
    utf8proc_ssize_t n = (utf8proc_ssize_t)b.len;
    if (!ascii) {
        n = utf8proc_map(q, n, &m,
                         UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                             UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
        q = m;
    }
    rg_i_buf_adds(out, "disc:");
    size_t start = out->len, kept = 0;
    int gap = 0;
    for (utf8proc_ssize_t i = 0; i < n && kept < 64; i++) {
        unsigned char ch = q[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (gap && out->len > start)
                rg_i_buf_addc(out, '_');
            gap = 0;
            rg_i_buf_addc(out, (char)ch);
            kept++;
        } else {
            gap = 1;
        }
    }
    if (out->len == start)
        rg_i_buf_printf(out, "x%016llx",
                        (unsigned long long)rg_i_hash(label, strlen(label)));
    free(m);
    rg_i_buf_destroy(&b);
}

/* The index of the found actor named by tokens [t0, t1), added if new. */
static uint32_t S_found(rg_mentions *m, S_scr *s, const rg_tokens *t,
                        size_t t0, size_t t1, uint32_t sentence, int type,
                        const char *text)
{
    rg_buf *lb = &s->tmp;
    rg_i_buf_reset(lb);
    for (size_t i = t0; i < t1; i++) {
        if (i > t0 && (t->v[i].flags & RG_TF_SPACE_BEFORE))
            rg_i_buf_addc(lb, ' ');
        rg_i_buf_add(lb, text + t->v[i].start, t->v[i].end - t->v[i].start);
    }
    size_t before = s->labels.n;
    int32_t k = rg_i_strtab_intern(&s->labels, lb->data, lb->len);
    if ((size_t)k < before)
        return (uint32_t)k;
    RG_GROW(m->found, m->cap_found, m->n_found + 1);
    rg_found *f = &m->found[m->n_found++];
    f->type = (uint8_t)type;
    f->sentence = sentence;
    f->label = (uint32_t)m->found_text.len;
    rg_i_buf_add(&m->found_text, lb->data, lb->len + 1);   /* with the NUL */
    f->id = (uint32_t)m->found_text.len;
    rg_i_discover_id(&m->found_text, s->labels.str[k]);
    rg_i_buf_addc(&m->found_text, '\0');   /* ids and labels are C strings */
    return (uint32_t)k;
}

static void S_hit_add(S_ctx *c, rg_mentions *m, size_t t0, size_t t1,
                      uint32_t sentence, int type, const char *text)
{
    S_scr *s = c->s;
    for (size_t i = t0; i < t1; i++)
        if (s->cov[i])
            return;
    for (size_t i = t0; i < t1; i++)
        s->cov[i] = 2;
    RG_GROW(s->hits, s->cap_hits, s->n_hits + 1);
    s->hits[s->n_hits++] = (S_hit){(uint32_t)t0, (uint32_t)t1, sentence,
                                   S_found(m, s, c->t, t0, t1, sentence, type, text)};
}

/* The two kinds of keys: a found name, a person's surname. */
enum { S_NAME, S_SURNAME };

/* Bit (h >> 56) of a 256-bit filter. */
static inline void S_bloom_set(uint64_t *b, uint64_t h)
{
    b[h >> 62] |= (uint64_t)1 << ((h >> 56) & 63);
}

static inline int S_bloom_has(const uint64_t *b, uint64_t h)
{
    return (int)((b[h >> 62] >> ((h >> 56) & 63)) & 1);
}

/* Bit (h >> 52) of S_scr.any_key. */
static inline void S_any_set(S_scr *s, uint64_t h)
{
    s->any_key[h >> 58] |= (uint64_t)1 << ((h >> 52) & 63);
}

static inline int S_any_has(const S_scr *s, uint64_t h)
{
    return (int)((s->any_key[h >> 58] >> ((h >> 52) & 63)) & 1);
}

static void S_key_add(S_scr *s, const rg_tokens *t, int kind, size_t t0,
                      size_t t1, uint32_t k)
{
    S_slot *x = S_set_add(&s->keys[kind], t, t0);
    S_bloom_set(s->bloom[kind], t->hash[t0]);
    S_any_set(s, t->hash[t0]);
    if (kind == S_SURNAME) {
        /* The genitive ("Kahls") is looked up without its -s: its hash
         * is that of the surname + "s" (rg_tokens.hash). */
        rg_i_buf_reset(&s->tmp);
        rg_i_buf_add(&s->tmp, rg_i_token_fold(t, t0), t->v[t0].fold_len);
        rg_i_buf_addc(&s->tmp, 's');
        uint64_t g = rg_i_hash(s->tmp.data, s->tmp.len);
        S_bloom_set(s->gen_bloom, g);
        S_any_set(s, g);
    }
    if (!x->val) {
        RG_GROW(s->kv[kind], s->cap_kv[kind], s->n_kv[kind] + 1);
        x->val = (uint32_t)++s->n_kv[kind];
    }
    S_key *key = &s->kv[kind][x->val - 1];
    key->k = k;
    key->t0 = (uint32_t)t0;
    key->ntok = (uint32_t)(t1 - t0);
}

/* The key of `kind` for fold f[0..flen) (hash h), when tokens from t0
 * spell its sequence within the sentence [., te) and are not covered;
 * sets *t1. */
static const S_key *S_key_find(S_scr *s, const rg_tokens *t, int kind,
                               const char *f, size_t flen, uint64_t h,
                               size_t t0, size_t te, size_t *t1);

static inline const S_key *S_key_match(S_scr *s, const rg_tokens *t, int kind,
                                       const char *f, size_t flen, uint64_t h,
                                       size_t t0, size_t te, size_t *t1)
{
    if (!S_bloom_has(s->bloom[kind], h))
        return NULL;   /* most words: not a key */
    return S_key_find(s, t, kind, f, flen, h, t0, te, t1);
}

static const S_key *S_key_find(S_scr *s, const rg_tokens *t, int kind,
                               const char *f, size_t flen, uint64_t h,
                               size_t t0, size_t te, size_t *t1)
{
    int64_t id = S_set_find(&s->keys[kind], t, f, flen, h);
    if (id < 0)
        return NULL;
    const S_key *key = &s->kv[kind][id];
    if (key->ntok == 1) {
        *t1 = t0 + 1;
        return key;
    }
    if (t0 + key->ntok > te)
        return NULL;
    for (size_t i = t0; i < t0 + key->ntok; i++)
        if (s->cov[i])
            return NULL;
    /* Token by token: the key's tokens are words and hyphens, whose folds
     * hold no separator, so this is the comparison of the joined folds. */
    for (size_t j = 0; j < key->ntok; j++) {
        size_t a = t0 + j, b = key->t0 + j;
        if (t->hash[a] != t->hash[b] || t->v[a].fold_len != t->v[b].fold_len ||
            memcmp(rg_i_token_fold(t, a), rg_i_token_fold(t, b),
                   t->v[a].fold_len) != 0)
            return NULL;
    }
    *t1 = t0 + key->ntok;
    return key;
}

/* ------------------------------------------------------------------ */
/* The rules                                                           */
/* ------------------------------------------------------------------ */

/* Rules 1-3 at role or title token r (the title's dot at r + 1). */
static void S_person_after(S_ctx *c, rg_mentions *m, size_t r, uint32_t sent,
                           const char *text)
{
    size_t end, last;
    int lower;
    size_t i = r + 1;
    if (i < c->te && S_punct(c->t, i, '.'))
        i++;   /* "Dr. Anna Schmidt" */
    else if (i < c->te && (c->t->v[r].flags & RG_TF_HYPHEN_AFTER))
        return;   /* "Experten-Runde" */
    int w = S_name(c, i, &end, &last, &lower);
    if (w > 0 && (end >= c->te || !S_upper_wc(c->s->wc, end) || c->s->cov[end])) {
        S_hit_add(c, m, i, end, sent, RG_TYPE_PERSON, text);
        return;
    }
    if (w > 0)
        return;
    /* Apposition: role ..., Name Name, */
    for (size_t k = r + 1; k < c->te && k <= r + 6; k++) {
        if (S_punct(c->t, k, ',')) {
            w = S_name(c, k + 1, &end, &last, &lower);
            if (w >= 2 && S_closed(c, end))
                S_hit_add(c, m, k + 1, end, sent, RG_TYPE_PERSON, text);
            return;
        }
        if (c->s->cov[k] == 1 || S_upper_wc(c->s->wc, k) || S_punct(c->t, k, '-'))
            continue;
        const char *f = rg_i_token_fold(c->t, k);
        size_t n = c->t->v[k].fold_len;
        if (S_word(c->t, k) &&
            (S_in(c->s, k, S_W_GAP) || S_ends(f, n, "isch") ||
             S_ends(f, n, "ische") || S_ends(f, n, "ischen") ||
             S_ends(f, n, "ischer")))
            continue;
        return;
    }
}

/*
 * Whether S_person_after or S_org_at can find anything at capitalised word
 * i (a necessary condition, cheaper than the role/head walk that decides
 * which of them to try): the word before it is capitalised, within the
 * sentence but not its first (rule 7), or the word after it can begin a
 * name (rules 1, 5), is the dot of a title (2), "für" (6), or may stand
 * between a role and the comma of an apposition (3: the comma itself, a
 * dictionary mention, a hyphen, a gap word or an adjective in -isch).
 */
static int S_may_trigger(const S_ctx *c, size_t i)
{
    const uint8_t *wc = c->s->wc;   /* RG_WC_UPPER_WORD: S_upper */
    if (i > c->tb + 1 && (wc[i - 1] & RG_WC_UPPER_WORD))
        return 1;
    size_t k = i + 1;
    if (k >= c->te)
        return 0;
    if ((wc[k] & (RG_WC_UPPER_WORD | S_W_GAP)) || c->s->cov[k] == 1)
        return 1;   /* S_W_GAP: of words only; "für" is one */
    const rg_tokens *t = c->t;
    const char *f = rg_i_token_fold(t, k);
    size_t n = t->v[k].fold_len;
    if (t->v[k].kind == RG_TOK_PUNCT)
        return n == 1 && (f[0] == '.' || f[0] == ',' || f[0] == '-');
    if (t->v[k].kind != RG_TOK_WORD || n < 4)
        return 0;
    /* -isch, -ische, -ischen, -ischer */
    size_t at = f[n - 1] == 'h'                                ? n - 4
                : f[n - 1] == 'e'                              ? n - 5
                : (f[n - 1] == 'n' || f[n - 1] == 'r') && n >= 6 &&
                          f[n - 2] == 'e'                      ? n - 6
                                                               : (size_t)-1;
    return at < n && memcmp(f + at, "isch", 4) == 0;
}

/* Rules 5-7 at organisation head h. */
static void S_org_at(S_ctx *c, rg_mentions *m, size_t h, uint32_t sent,
                     const char *text)
{
    if (c->s->cov[h] || (c->t->v[h].flags & RG_TF_HYPHEN_AFTER))
        return;
    /* 7: capitalised adjectives before it, not at the sentence start */
    size_t a = h;
    while (a > c->tb + 1 && S_upper_wc(c->s->wc, a - 1) && !c->s->cov[a - 1] &&
           !(c->t->v[a - 1].flags & (RG_TF_ALLCAPS | RG_TF_HYPHEN_BEFORE |
                                     RG_TF_HYPHEN_AFTER))) {
        const char *f = rg_i_token_fold(c->t, a - 1);
        size_t n = c->t->v[a - 1].fold_len;
        if (!(S_ends(f, n, "e") || S_ends(f, n, "en") || S_ends(f, n, "er") ||
              S_ends(f, n, "es") || S_ends(f, n, "em")) ||
            S_stop_word(c->s, a - 1) || S_is_listed(c, a - 1, S_RH_ROLE))
            break;
        a--;
    }
    /* 6: "für" + capitalised words */
    size_t e = h + 1;
    if (e + 1 < c->te && S_word(c->t, e) && S_fold_is(c->t, e, "für", 4) &&
        S_upper_wc(c->s->wc, e + 1) && !c->s->cov[e + 1]) {
        size_t k = e + 1;
        while (k < c->te) {
            if (S_upper_wc(c->s->wc, k) && !c->s->cov[k] && !S_stop_word(c->s, k)) {
                k++;
                continue;
            }
            if (k + 1 < c->te && S_word(c->t, k) &&
                S_fold_is(c->t, k, "und", 3) && S_upper_wc(c->s->wc, k + 1) &&
                !c->s->cov[k + 1]) {
                k++;
                continue;
            }
            break;
        }
        if (k - (e + 1) <= 4) {
            S_hit_add(c, m, a, k, sent, RG_TYPE_ORGANIZATION, text);
            return;
        }
    }
    if (a < h) {
        S_hit_add(c, m, a, h + 1, sent, RG_TYPE_ORGANIZATION, text);
        return;
    }
    /* 5: head + one capitalised name, then punctuation or lowercase */
    if (e < c->te && S_name_word(c, e, 1) &&
        !(c->t->v[e].flags & RG_TF_HYPHEN_AFTER) &&
        (e + 1 >= c->te || !S_upper_wc(c->s->wc, e + 1)))
        S_hit_add(c, m, e, e + 1, sent, RG_TYPE_ORGANIZATION, text);
}

/* Sorts the hits by first token.  They come nearly in order (a rule
 * rarely finds a name before its trigger) and never share a token. */
static void S_sort_hits(S_hit *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        S_hit x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1].t0 > x.t0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Merges the two runs of mentions, each in text order: the dictionary's
 * [0, n_dict) and the discovered ones after them.  No two start at the
 * same byte (discovery leaves the dictionary's tokens alone). */
static void S_merge_mentions(rg_mentions *m, S_scr *s, size_t n_dict)
{
    size_t n_new = m->n - n_dict;
    if (n_dict == 0 || m->v[n_dict - 1].start < m->v[n_dict].start)
        return;   /* already in order */
    RG_GROW(s->mtmp, s->cap_mtmp, n_new);
    memcpy(s->mtmp, m->v + n_dict, n_new * sizeof(*m->v));
    /* From the back: the larger start goes last.  The discovered
     * mentions are few, the dictionary's many: the dictionary's after
     * each discovered one are found by a binary search and moved as one
     * block, not compared one by one. */
    size_t a = n_dict, o = m->n;
    for (size_t b = n_new; b-- > 0;) {
        uint32_t st = s->mtmp[b].start;
        size_t lo = 0, hi = a;   /* the first of [0, a) after st */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (m->v[mid].start > st)
                hi = mid;
            else
                lo = mid + 1;
        }
        o -= a - lo;
        memmove(m->v + o, m->v + lo, (a - lo) * sizeof(*m->v));
        a = lo;
        m->v[--o] = s->mtmp[b];
    }
}

void rg_i_discover(rg_mentions *m, const rg_dict *d, const rg_tokens *toks,
                   const rg_sentences *sents)
{
    if (!m->disc_scratch) {
        S_scr *ns = rg_i_xcalloc(1, sizeof(*ns));
        rg_i_strtab_init(&ns->labels);
        m->disc_scratch = ns;
    }
    S_scr *s = m->disc_scratch;
    if (toks->n == 0 || sents->n == 0)
        return;
    /* Labels are copied from the text (folds lose the case). */
    const char *text = m->text;
    if (!text)
        return;
    const struct rg_disc_words *words = rg_i_gazetteer_disc(d->gaz);
    if (!words || !m->tok_id)
        return;   /* not finished */
    S_set_clear(&s->nouns);
    s->n_noun = 0;
    s->noun_asks = 0;
    s->nouns_made = 0;
    if (s->labels.n) {
        rg_i_strtab_destroy(&s->labels);
        rg_i_strtab_init(&s->labels);
    }
    if (s->n_kv[S_NAME] || s->n_kv[S_SURNAME]) {
        memset(s->gen_bloom, 0, sizeof(s->gen_bloom));
        memset(s->any_key, 0, sizeof(s->any_key));
    }
    for (int w = 0; w < 2; w++) {
        S_set_clear(&s->keys[w]);
        s->n_kv[w] = 0;
        memset(s->bloom[w], 0, sizeof(s->bloom[w]));
    }
    s->n_hits = 0;
    if (s->cap_cov < toks->n) {
        free(s->cov);
        s->cov = rg_i_xmalloc(toks->n + 8);   /* + 8: S_nz8 */
        s->cap_cov = toks->n;
    }
    memset(s->cov, 0, toks->n + 8);
    /* The lists hold words only, and every use of a class below is of a
     * word (no number or punctuation mark is in a list). */
    s->wc = m->tok_cls;
    s->ids = m->tok_id;
    s->vcls = rg_i_gazetteer_word_classes(d->gaz);
    /* Tokens of dictionary mentions (a few each; most have one: it is
     * written first, the loop then is for the others), the arrays in
     * locals (the byte stores could change them as far as the compiler
     * knows). */
    {
        uint8_t *cv = s->cov;
        const rg_mention *mv = m->v;
        for (size_t i = 0, nm = m->n; i < nm; i++) {
            uint32_t u = mv[i].tok_begin, e = mv[i].tok_end;
            cv[u] = 1;
            while (++u < e)
                cv[u] = 1;
        }
    }
    /* Triggers.  Every rule begins at a capitalised word (most tokens are
     * not) outside a mention: those of each 64 tokens as bits, in text
     * order, the sentence of each followed along (one loop exit per 64
     * tokens, not one per sentence and 8 tokens). */
    S_ctx c = {.d = d, .t = toks, .s = s, .w = words};
    size_t si = 0;
    c.tb = sents->v[0].tok_begin;
    c.te = sents->v[0].tok_end;
    /* The sentence's end and the coverage in locals too: c and s go to
     * the rules, so their fields would be loaded again for every word. */
    size_t cte = c.te;
    const uint8_t *cov = s->cov;
    for (size_t base = 0; base < toks->n && si < sents->n; base += 64) {
        uint64_t cand = S_cand64(s->wc, cov, base, toks->n);
        for (; cand; cand &= cand - 1) {
            size_t i = base + S_ctz64(cand);
            if (cov[i])
                continue;   /* by a hit found at a word before */
            if (i >= cte) {
                while (i >= c.te && ++si < sents->n) {
                    c.tb = sents->v[si].tok_begin;
                    c.te = sents->v[si].tok_end;
                }
                if (si >= sents->n)
                    break;
                cte = c.te;
            }
            if (i < c.tb)
                continue;   /* in no sentence */
            const char *f = rg_i_token_fold(toks, i);
            size_t n = toks->v[i].fold_len;
            /* Most capitalised words can fire no rule: no title (a length
             * some title has, a dot after it), and neither a first name
             * nor a word whose role and head walk has a node to begin at
             * (its last 4 bytes end a role or head; kept for the walk
             * below). */
            /* (Bits and-ed, not branches: for a capitalised word they
             * are as good as random.) */
            int may_title =
                (int)((words->title_lens >> ((n + 1) & 63)) & 1) &
                (n + 2 <= 16);
            may_title = may_title && i + 1 < c.te &&
                        S_punct(toks, i + 1, '.');
            uint32_t node = 0;
            size_t depth = 0;
            if (!(may_title | S_in(s, i, S_W_FIRST)) &&
                !(node = S_listed_start(words, f, n, &depth)))
                continue;
            /* 2: a title "Dr." (the dot is its own token) */
            if (may_title) {
                char title[16];
                memcpy(title, f, n);
                memcpy(title + n, ".", 2);
                if (rg_i_strtab_find(&d->roles, title, n + 1) >= 0) {
                    S_person_after(&c, m, i, (uint32_t)si, text);
                    continue;
                }
            }
            if (toks->v[i].flags & RG_TF_ALLCAPS)
                continue;
            /* A role or head that can trigger nothing needs no walk; a
             * first name does (rule 4 is for those that are neither). */
            if (!S_in(s, i, S_W_FIRST) && !S_may_trigger(&c, i))
                continue;
            unsigned rh = node ? S_listed_walk(words, f, n, node, depth)
                               : S_listed(words, f, n);
            if (rh & S_RH_ROLE) {
                S_person_after(&c, m, i, (uint32_t)si, text);
                continue;
            }
            if (rh & S_RH_HEAD) {
                S_org_at(&c, m, i, (uint32_t)si, text);
                continue;
            }
            /* 4: a first name + one or two name words */
            if (!(toks->v[i].flags & RG_TF_HYPHEN_BEFORE) &&
                !(i > c.tb && S_upper_wc(s->wc, i - 1) && !s->cov[i - 1]) &&
                S_in(s, i, S_W_FIRST)) {
                size_t end, last;
                int lower;
                int w = S_name(&c, i + 1, &end, &last, &lower);
                if (w >= 1 && w <= 2 &&
                    (end >= c.te || !S_upper_wc(s->wc, end) || s->cov[end]))
                    S_hit_add(&c, m, i, end, (uint32_t)si, RG_TYPE_PERSON, text);
            }
        }
    }
    if (s->n_hits == 0)
        return;
    S_sort_hits(s->hits, s->n_hits);
    /* Mentions: each hit, and later the names and surnames it introduced. */
    size_t n_dict = m->n, h = 0, si0 = 0, skip = 0;
    /* Before the first hit there is no key yet: nothing to find. */
    while (si0 < sents->n && sents->v[si0].tok_end <= s->hits[0].t0)
        si0++;
    /* Only a hit or an uncovered capitalised word can begin a mention:
     * those of each 64 tokens as bits.  Every hit begins at a capitalised
     * word (every rule's first word is one); its bit is put back below
     * all the same.  The sentence is looked for only for a word that
     * passes the filter of keys (few do). */
    si = si0;
    for (size_t base = si0 < sents->n ? sents->v[si0].tok_begin : toks->n;
         base < toks->n; base += 64) {
        uint64_t cand = S_cand64(s->wc, s->cov, base, toks->n);
        for (size_t hx = h; hx < s->n_hits && s->hits[hx].t0 < base + 64; hx++)
            if (s->hits[hx].t0 >= base)
                cand |= (uint64_t)1 << (s->hits[hx].t0 - base);
        for (; cand; cand &= cand - 1) {
            size_t i = base + S_ctz64(cand);
            if (i < skip)
                continue;   /* within the mention before */
            const S_hit *x = NULL;
            if (s->cov[i]) {
                /* Covered and a bit: a hit (hits stay covered). */
                while (h < s->n_hits && s->hits[h].t0 < i)
                    h++;
                if (h >= s->n_hits || s->hits[h].t0 != i)
                    continue;
                x = &s->hits[h++];
            } else {
                /* Most capitalised words are no key, nor a surname's
                 * genitive: one bit of the filter tells, before the
                 * token's record is read. */
                if (!S_any_has(s, toks->hash[i]) ||
                    (toks->v[i].flags & RG_TF_HYPHEN_BEFORE))
                    continue;
            }
            while (si < sents->n && sents->v[si].tok_end <= i)
                si++;
            if (si >= sents->n || i < sents->v[si].tok_begin)
                continue;   /* in no sentence */
            size_t te = sents->v[si].tok_end;
            size_t t1 = 0;
            uint32_t k;
            if (x) {
                k = x->k;
                t1 = x->t1;
                /* Register the name, and a person's surname. */
                S_key_add(s, toks, S_NAME, x->t0, x->t1, k);
                if (m->found[k].type == RG_TYPE_PERSON) {
                    size_t w0 = x->t0, wl = x->t0;
                    int lower = 0;
                    for (size_t u = x->t0; u < x->t1; u++) {
                        if (!S_upper_wc(s->wc, u) && S_word(toks, u) &&
                            (toks->v[u].flags & RG_TF_HYPHEN_BEFORE))
                            lower = 1;
                        if (S_upper_wc(s->wc, u) &&
                            !(toks->v[u].flags & RG_TF_HYPHEN_BEFORE))
                            wl = u;
                    }
                    size_t sur = lower ? w0 : wl, se = sur + 1;
                    while (se + 1 < x->t1 && S_punct(toks, se, '-'))
                        se += 2;
                    S_key_add(s, toks, S_SURNAME, sur, se, k);
                }
            } else {
                const char *f = rg_i_token_fold(toks, i);
                size_t fl = toks->v[i].fold_len;
                uint64_t fh = toks->hash[i];
                const S_key *key =
                    S_key_match(s, toks, S_NAME, f, fl, fh, i, te, &t1);
                if (!key)
                    key = S_key_match(s, toks, S_SURNAME, f, fl, fh, i, te,
                                      &t1);
                if (!key && fl > 2 && f[fl - 1] == 's' && /* genitive */
                    s->n_kv[S_SURNAME] && S_bloom_has(s->gen_bloom, fh))
                    key = S_key_match(s, toks, S_SURNAME, f, fl - 1,
                                      rg_i_hash(f, fl - 1), i, te, &t1);
                if (!key)
                    continue;
                if ((toks->v[t1 - 1].flags & RG_TF_HYPHEN_AFTER) &&
                    key->ntok == 1 && t1 < te && S_punct(toks, t1, '-') &&
                    S_word(toks, t1 + 1) && !S_upper_wc(s->wc, t1 + 1))
                    continue;
                k = key->k;
            }
            RG_GROW(m->v, m->cap, m->n + 1);
            m->v[m->n++] = (rg_mention){
                .sentence = (uint32_t)si,
                .start = toks->v[i].start,
                .end = toks->v[t1 - 1].end,
                .actor = (uint32_t)d->n_actors + k,
                .tok_begin = (uint32_t)i,
                .tok_end = (uint32_t)t1,
                .form = RG_FORM_DISCOVERED,
                .type = m->found[k].type,
            };
            for (size_t u = i; u < t1; u++)
                s->cov[u] = 2;
            skip = t1;
        }
    }
    if (m->n > n_dict)
        S_merge_mentions(m, s, n_dict);
}
