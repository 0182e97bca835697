/*
 * relations.c — stage 5: turns a document's mentions into relation
 * instances and hands them to the tally (through the pipeline).
 *
 * Co-occurrence: every unordered pair of distinct actors named within one
 * window — a sentence by default, or a paragraph, the document, or N tokens
 * — once per window (source < target by actor index, which is id order).
 *
 * Verb relations: who does what to whom, without a parser, from cues that
 * are cheap and reliable in German news prose:
 *
 *   1. A sentence is cut into clauses at ; : ? !, at quotes that stand next
 *      to punctuation or the sentence's edge, at single dashes, at commas
 *      (not those of a list of actors "X, Y und Z"), at und/oder/aber/sowie
 *      after a lowercase word (a verb: "unterzeichnet und sich ...
 *      zugesichert"; nouns are capitalised, so "Kiesewetter und Roth" stays
 *      together) and before subordinators.  Parentheses, dash pairs and
 *      quotes inside a clause are asides and left out.  A comma-clause
 *      without a verb (an apposition "…, Georgi Sinowjew, ein.") is joined
 *      to the clause before it, or to the one after it at the start.
 *   2. Arguments are the mentions of persons, organisations and states.  A
 *      modifier (adjective "den russischen Botschafter", compound
 *      "NATO-Generalsekretär") stands for its actor only before an organ,
 *      force or envoy, and not when a person's name follows ("NATO-
 *      Generalsekretär Mark Rutte" is Rutte).  Coordinated mentions ("X und
 *      Y", "X, Y und Z") form one group that shares its role.
 *   3. A group's role comes from what precedes it: a preposition makes it
 *      oblique (gegen, nach, von, ...), den/dem/des mark accusative, dative
 *      and genitive, and a genitive after a noun ("die Reaktion des
 *      Westens", "das Regime in Pjöngjang") belongs to that noun's phrase.
 *   4. The subject: in a main clause the group before the finite verb,
 *      unless that field is a prepositional phrase ("Am Mittwoch erklärte
 *      die Nato"), then the first nominative-capable group after it; in a
 *      verb-final clause ("dass ...", relative clauses) the first such
 *      group; "zu VERB" is never the finite verb, so a zu-infinitive
 *      ("…, Kiew Waffen zu liefern") has no subject of its own.  A clause
 *      after "und" that begins with its finite verb ("wies … zurück und
 *      beschuldigte die Ukraine") has none either.  Such a clause takes
 *      the subject of the clause before; a zu-infinitive takes its object
 *      after erlauben, auffordern ..., its subject after ankündigen,
 *      versprechen, drohen, erklären ... or when it has no object, and
 *      none after another verb with an object ("warnte China davor, …
 *      zu") or after sich weigern, ablehnen.  Passive (werden +
 *      participle): the von/durch group is the source and the subject
 *      the target.
 *   5. The verb: every form of every lexicon entry (verbs.h); a separable
 *      verb's bare form needs its particle at the clause's end; an entry's
 *      pattern words must be in the clause; with >prep the target is the
 *      group after that preposition.  Otherwise the targets are the
 *      non-oblique groups after the verb that are not the subject.
 *      Reciprocal verbs (cooperate, agree, meet, negotiate, or "sich") with
 *      a coordinated subject and no object relate its members, first to
 *      the others.
 * Where no subject or no target is found, no relation is made.
 */
#include "relations.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "verbs.h"

const char *rg_i_kind_name(int kind)
{
    return kind == RG_KIND_RELATION ? "relation" : "cooccurrence";
}

static const char *const S_class_names[RG_REL_CLASS_COUNT] = {
    "", "warn", "threaten", "deploy", "supply", "support", "cooperate",
    "agree", "condemn", "criticize", "sanction", "demand", "summon", "attack",
    "fight", "meet", "inform", "deny", "accuse", "negotiate", "other"};

const char *rg_i_relation_name(int relation)
{
    return relation > 0 && relation < RG_REL_CLASS_COUNT ? S_class_names[relation]
                                                         : "";
}

int rg_i_relation_parse(const char *name)
{
    for (int i = 1; i < RG_REL_CLASS_COUNT; i++)
        if (strcmp(name, S_class_names[i]) == 0)
            return i;
    return -1;
}

void rg_i_relations_init(rg_relation_list *r)
{
    memset(r, 0, sizeof(*r));
}

void rg_i_relations_destroy(rg_relation_list *r)
{
    free(r->v);
    memset(r, 0, sizeof(*r));
}

static void S_emit(rg_relation_list *out, uint32_t source, uint32_t target,
                   uint32_t sentence, uint32_t last, uint8_t kind,
                   uint16_t relation, const char *verb)
{
    RG_GROW(out->v, out->cap, out->n + 1);
    out->v[out->n++] = (rg_relation){source, target, sentence, last, kind,
                                     relation, verb};
}

/* ------------------------------------------------------------------ */
/* Co-occurrence                                                       */
/* ------------------------------------------------------------------ */

/* An actor in a window, as (actor << 32 | sentence of a mention): sorted,
 * each actor's first key holds its first sentence. */
typedef uint64_t S_occ;

static int S_cmp_occ(const void *a, const void *b)
{
    S_occ x = *(const S_occ *)a, y = *(const S_occ *)b;
    return (x > y) - (x < y);
}

/* Emits the pairs of the k distinct actors occ[0..k) (sorted by actor);
 * the evidence runs from the earlier first mention to the later one. */
static void S_emit_pairs(rg_relation_list *out, const S_occ *occ, size_t k)
{
    if (k < 2)
        return;
    RG_GROW(out->v, out->cap, out->n + k * (k - 1) / 2);
    rg_relation *r = out->v + out->n;
    for (size_t i = 0; i < k; i++) {
        uint32_t ai = (uint32_t)(occ[i] >> 32), si = (uint32_t)occ[i];
        for (size_t j = i + 1; j < k; j++) {
            uint32_t sj = (uint32_t)occ[j];
            *r++ = (rg_relation){ai, (uint32_t)(occ[j] >> 32),
                                 si < sj ? si : sj, si < sj ? sj : si,
                                 RG_KIND_COOCCURRENCE, 0, NULL};
        }
    }
    out->n += k * (k - 1) / 2;
}

/* The pairs of the distinct actors of mentions [i, j) of m: each actor
 * once with its earliest sentence, in actor order. */
static void S_pairs(rg_relation_list *out, const rg_mentions *m, size_t i,
                    size_t j, S_occ *occ)
{
    size_t k = 0;
    if (j - i > 64) {
        for (size_t x = i; x < j; x++)
            occ[x - i] = (S_occ)m->v[x].actor << 32 | m->v[x].sentence;
        qsort(occ, j - i, sizeof(*occ), S_cmp_occ);
        for (size_t x = 0; x < j - i; x++)
            if (k == 0 || occ[k - 1] >> 32 != occ[x] >> 32)
                occ[k++] = occ[x];
    } else {
        /* A window holds a few mentions: insert each actor once. */
        for (size_t x = i; x < j; x++) {
            uint32_t a = m->v[x].actor, si = m->v[x].sentence;
            size_t p = k;
            while (p > 0 && (uint32_t)(occ[p - 1] >> 32) > a)
                p--;
            if (p > 0 && (uint32_t)(occ[p - 1] >> 32) == a) {
                if (si < (uint32_t)occ[p - 1])
                    occ[p - 1] = (S_occ)a << 32 | si;
                continue;
            }
            for (size_t q = k; q > p; q--)
                occ[q] = occ[q - 1];
            occ[p] = (S_occ)a << 32 | si;
            k++;
        }
    }
    S_emit_pairs(out, occ, k);
}

typedef struct S_tpair {
    uint32_t a, b, sentence, last;
} S_tpair;

static int S_cmp_tpair(const void *x, const void *y)
{
    const S_tpair *p = x, *q = y;
    if (p->last != q->last)
        return p->last < q->last ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return (p->sentence < q->sentence) - (p->sentence > q->sentence);
}

/* Mentions at most n tokens apart: once per pair and sentence of the
 * later mention, with the evidence from the earliest partner in reach. */
static void S_cooc_tokens(rg_relation_list *out, const rg_mentions *m,
                          size_t n)
{
    S_tpair *p = NULL;
    size_t np = 0, cap = 0;
    size_t lo = 0;
    for (size_t j = 0; j < m->n; j++) {
        while (m->v[j].tok_begin - m->v[lo].tok_begin > n)
            lo++;
        for (size_t i = lo; i < j; i++) {
            uint32_t a = m->v[i].actor, b = m->v[j].actor;
            if (a == b)
                continue;
            RG_GROW(p, cap, np + 1);
            p[np++] = (S_tpair){a < b ? a : b, a < b ? b : a, m->v[i].sentence,
                                m->v[j].sentence};
        }
    }
    if (np)
        qsort(p, np, sizeof(*p), S_cmp_tpair);
    for (size_t i = 0; i < np; i++) {
        if (i > 0 && p[i].last == p[i - 1].last && p[i].a == p[i - 1].a &&
            p[i].b == p[i - 1].b)
            continue;   /* the first of a run has the earliest sentence */
        S_emit(out, p[i].a, p[i].b, p[i].sentence, p[i].last,
               RG_KIND_COOCCURRENCE, 0, NULL);
    }
    free(p);
}

/* S_pairs for the mentions [i, j) of one sentence `sent` (at most 64):
 * the default window, with no sentence to compare. */
static void S_sentence_pairs(rg_relation_list *out, const rg_mentions *m,
                             size_t i, size_t j, uint32_t sent)
{
    uint32_t a[64];
    size_t k = 0;
    for (size_t x = i; x < j; x++) {
        uint32_t actor = m->v[x].actor;
        size_t p = k;
        while (p > 0 && a[p - 1] > actor)
            p--;
        if (p > 0 && a[p - 1] == actor)
            continue;
        /* Insert by swapping along (a few entries: no memmove call). */
        for (size_t q = p; q < k; q++) {
            uint32_t t = a[q];
            a[q] = actor;
            actor = t;
        }
        a[k++] = actor;
    }
    if (k < 2)
        return;
    RG_GROW(out->v, out->cap, out->n + k * (k - 1) / 2);
    rg_relation *r = out->v + out->n;
    rg_relation t = {0, 0, sent, sent, RG_KIND_COOCCURRENCE, 0, NULL};
    for (size_t p = 0; p < k; p++) {
        t.source = a[p];
        for (size_t q = p + 1; q < k; q++) {
            t.target = a[q];
            *r++ = t;
        }
    }
    out->n += k * (k - 1) / 2;
}

/* The runs of mentions of one sentence that hold two mentions or more:
 * run[2 r] .. run[2 r + 1] for r < the count returned.  `st` (m->n + 1
 * entries) is scratch, `run` holds m->n + 2 (the kept runs' two entries
 * each, at most m->n as a run has two mentions at least, and the pair
 * written after them for the run that is not kept); m->n >= 2.  Both the default co-occurrence window and the
 * verb relations walk these (a sentence with one mention has neither).
 * Without a branch on the mentions: whether the sentence changes was a
 * branch mispredicted for one run in two or three (callgrind
 * --branch-sim), in each of the two loops that found the runs. */
static size_t S_runs(const rg_mentions *m, uint32_t *st, uint32_t *run)
{
    const rg_mention *v = m->v;
    size_t n = m->n, ns = 1;
    st[0] = 0;
    for (size_t x = 1; x < n; x++) {
        st[ns] = (uint32_t)x;
        ns += v[x].sentence != v[x - 1].sentence;
    }
    st[ns] = (uint32_t)n;
    size_t nr = 0;
    for (size_t r = 0; r < ns; r++) {
        run[2 * nr] = st[r];
        run[2 * nr + 1] = st[r + 1];
        nr += st[r + 1] - st[r] >= 2;
    }
    return nr;
}

static void S_cooccurrence(rg_relation_list *out, const rg_mentions *m,
                           const rg_sentences *s, const rg_options *o,
                           const uint32_t *run, size_t nr)
{
    if (m->n < 2)
        return;
    if (o->window != RG_WINDOW_PARAGRAPH && o->window != RG_WINDOW_DOCUMENT &&
        o->window != RG_WINDOW_TOKENS) {
        /* RG_WINDOW_SENTENCE, the default. */
        for (size_t r = 0; r < nr; r++) {
            size_t i = run[2 * r], j = run[2 * r + 1];
            uint32_t sent = m->v[i].sentence;
            if (j - i == 2) {
                /* The commonest window with a pair: two mentions. */
                uint32_t a = m->v[i].actor, b = m->v[i + 1].actor;
                if (a != b) {
                    RG_GROW(out->v, out->cap, out->n + 1);
                    out->v[out->n++] = (rg_relation){
                        a < b ? a : b, a < b ? b : a, sent, sent,
                        RG_KIND_COOCCURRENCE, 0, NULL};
                }
            } else if (j - i <= 64) {
                S_sentence_pairs(out, m, i, j, sent);
            } else {
                S_occ *occ = rg_i_xmalloc((j - i) * sizeof(*occ));
                S_pairs(out, m, i, j, occ);
                free(occ);
            }
        }
        return;
    }
    if (o->window == RG_WINDOW_TOKENS) {
        S_cooc_tokens(out, m, o->window_tokens);
        return;
    }
    S_occ *occ = rg_i_xmalloc(m->n * sizeof(*occ));
    size_t i = 0;
    while (i < m->n) {
        /* The window of mention i: its sentence, paragraph or document. */
        uint32_t sent = m->v[i].sentence;
        size_t j = i + 1;
        if (o->window == RG_WINDOW_DOCUMENT) {
            j = m->n;
        } else {   /* RG_WINDOW_PARAGRAPH */
            uint32_t para = sent < s->n ? s->v[sent].paragraph : 0;
            while (j < m->n && m->v[j].sentence < s->n &&
                   s->v[m->v[j].sentence].paragraph == para)
                j++;
        }
        S_pairs(out, m, i, j, occ);
        i = j;
    }
    free(occ);
}

/* ------------------------------------------------------------------ */
/* Word lists (folded)                                                 */
/* ------------------------------------------------------------------ */

static int S_in(const char *w, const char *const *list)
{
    /* Called for most tokens against short lists: the first byte rejects
     * nearly every entry without a call. */
    for (; *list; list++)
        if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
            return 1;
    return 0;
}

static const char *const S_preps[] = {
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "gegenüber", "hinter",
    "in", "mit", "nach", "neben", "ohne", "seit", "über", "um", "unter",
    "von", "vor", "wegen", "zu", "zwischen", "trotz", "laut", "gemäss",
    "mithilfe", "seitens", "dank", "angesichts", "innerhalb", "ausserhalb",
    "statt", "anstatt", "bis", "samt", "nahe", "am", "im", "vom", "zum",
    "zur", "beim", "ins", "ans", "aufs", "fürs", "ums", "durchs", "als",
    "wie", "inklusive", "einschliesslich", "gegenüber", "entgegen", NULL};

/* Determiners and their case: 'a' nominative possible, 'A' accusative,
 * 'D' dative, 'G' genitive.  Only S_word_classes calls this (to fill the
 * word-class table); the rules read the answer from S_tinfo.det. */
static const char *const S_det_nom[] = {"der", "die", "das", "ein", "eine",
                                        "diese", "dieser", "dieses", "jene",
                                        "kein", "keine", "alle", NULL};
static const char *const S_det_acc[] = {"den", "einen", "diesen", "keinen",
                                        "jenen", NULL};
static const char *const S_det_dat[] = {"dem", "einem", "einer", "diesem",
                                        "keinem", "keiner", "jenem", NULL};
static const char *const S_det_gen[] = {"des", "eines", "dieses", "keines",
                                        NULL};
static const char *const S_det_poss[] = {"sein", "ihr", "unser", "euer",
                                         "mein", "dein", NULL};
/* The endings S_det accepts after a possessive stem. */
static const char *const S_det_poss_endings[] = {"", "e", "en", "em", "er",
                                                 "es", NULL};

static char S_det(const char *w)
{
    if (S_in(w, S_det_acc))
        return 'A';
    if (S_in(w, S_det_dat))
        return 'D';
    if (S_in(w, S_det_gen))
        return 'G';
    if (S_in(w, S_det_nom))
        return 'a';
    for (const char *const *p = S_det_poss; *p; p++) {
        size_t k = strlen(*p);
        if (strncmp(w, *p, k) == 0) {
            const char *e = w + k;
            if (!strcmp(e, "en"))
                return 'A';
            if (!strcmp(e, "em") || !strcmp(e, "er"))
                return 'D';
            if (!strcmp(e, "es"))
                return 'G';
            if (!*e || !strcmp(e, "e"))
                return 'a';
        }
    }
    return 0;
}

static const char *const S_subordinators[] = {
    "dass", "ob", "weil", "da", "wenn", "nachdem", "obwohl", "obgleich",
    "damit", "sodass", "falls", "bevor", "indem", "seitdem", "sobald",
    "solange", "wobei", "weshalb", "warum", "wonach", "womit", "wodurch",
    "zumal", "sofern", "soweit", "ehe", NULL};

static const char *const S_relatives[] = {
    "der", "die", "das", "dem", "den", "denen", "deren", "dessen",
    "welche", "welcher", "welches", "welchen", "welchem", NULL};

static const char *const S_aux[] = {
    "habe", "hast", "hat", "haben", "habt", "hatte", "hattest", "hatten",
    "hattet", "hätte", "hätten", "bin", "bist", "ist", "sind", "seid", "war",
    "warst", "waren", "wart", "wäre", "wären", "sei", "seien", "werde",
    "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden",
    "wurdet", "würde", "würden", "würdest", "kann", "kannst", "können",
    "könnt", "konnte", "konnten", "könnte", "könnten", "muss", "musst",
    "müssen", "müsst", "musste", "mussten", "müsste", "müssten", "will",
    "willst", "wollen", "wollt", "wollte", "wollten", "soll", "sollst",
    "sollen", "sollt", "sollte", "sollten", "darf", "dürfen", "durfte",
    "durften", "dürfte", "dürften", "möchte", "möchten", "mag", "mögen",
    "lässt", "liess", "liessen", "lassen", NULL};

static const char *const S_passive_aux[] = {
    "werde", "wirst", "wird", "werden", "werdet", "wurde", "wurden",
    "wurdest", "worden", NULL};

static const char *const S_particles[] = {
    "an", "auf", "aus", "ein", "mit", "ab", "zu", "vor", "nach", "zurück",
    "fest", "bei", "los", "weg", "her", "hin", "vorbei", "fort", "weiter",
    "zusammen", "dar", "hervor", "entgegen", "heraus", "herein", "hinzu",
    "nieder", "um", "bereit", "gegenüber", "teil", "statt", NULL};

static const char *const S_reflexives[] = {
    "sich", "mich", "dich", "uns", "euch", "einander", "gegenseitig", NULL};

/* Heads before which a modifier stands for its actor: organs, forces,
 * envoys (prefixes of the folded word). */
static const char *const S_organs[] = {
    "regierung", "regime", "führung", "staatsführung", "machthaber",
    "administration", "soldat", "truppe", "streitkräfte", "armee",
    "militär", "marine", "luftwaffe", "botschaft", "diplomat", "gesandte",
    "geschäftsträger", "geschäftsbeauftragt", "aussenminist",
    "verteidigungsminist", "minister", "präsident", "kanzler",
    "regierungschef", "staatschef", "premier", "sprecher", "delegation",
    "behörde", "geheimdienst", "kräfte", "einheit", "kämpfer", "parlament",
    "generalsekretär", "vertreter", "staatsmedien", "justiz",
    "staatsanwalt", "zentralbank", "kriegsschiff", "kampfjet", "staatschef",
    "machthaber", "oberbefehlshaber", "generalstab", "verteidigungsministerium",
    "aussenamt", "geschäftsführung", "spitze", "staatsspitze", NULL};

/* Nouns for a government before "in": "das Regime in Pjöngjang". */
static const char *const S_government[] = {
    "regierung", "regime", "führung", "staatsführung", "machthaber",
    "administration", "machtzentrale", "staatsspitze", "staatsmacht", NULL};

/* Verbs whose object is the subject of a following zu-infinitive. */
static const char *const S_object_control[] = {
    "erlaub", "ermöglich", "zwing", "zwang", "dräng", "bitt", "bat",
    "ermutig", "aufgefordert", "aufzufordern", "auffordern", "fordert",
    "forderte", "hilf", "half", "helf", "überred", "befähig", "gestatt",
    NULL};

/* Verbs whose subject is the subject of a following zu-infinitive even
 * when they have an object: "versprach der Ukraine, Waffen zu liefern". */
static const char *const S_subject_control[] = {
    "kündig", "angekündigt", "versprech", "versprich", "versprach",
    "versprochen", "droh", "gedroht", "erklär", "beschliess", "beschloss",
    "plan", "geplant", "versuch", "zusag", "zugesagt", "zusicher",
    "zugesichert", "beabsichtig", "bekräftig", NULL};

/* Verbs that negate a following zu-infinitive: "weigerte sich, ... zu
 * liefern", "lehnte es ab, ... zu". */
static const char *const S_negating_control[] = {
    "weiger", "verweiger", "lehnt", "ablehn", "abgelehnt", NULL};

static const char *const S_conj[] = {"und", "oder", "sowie", "aber",
                                     "sondern", "denn", NULL};

static const char *const S_list_conj[] = {"und", "oder", "sowie", NULL};

/* Adverbs a noun phrase may hold (S_nominal). */
static const char *const S_adverbs[] = {
    "selbst", "auch", "sogar", "nur", "etwa", "insbesondere", "allem",
    "nämlich", "darunter", "zudem", "ebenso", "wie", "bzw", "jeweils",
    "damals", "heute", "derzeit", "bislang", "einst", "ehemals", NULL};

/* Pronouns that are always relative (S_relative). */
static const char *const S_always_relative[] = {
    "denen", "deren", "dessen", "welche", "welcher", "welches", "welchen",
    "welchem", NULL};

static const char *const S_quotes[] = {"\"", "„", "“", "”", "»", "«", "‚",
                                       "‘", "’", "‹", "›", "'", NULL};

/* ------------------------------------------------------------------ */
/* Word classes                                                        */
/* ------------------------------------------------------------------ */

/*
 * The rules ask of most tokens, many times over, whether the word is in
 * one of the lists above, or is a certain word or punctuation mark;
 * scanning the lists (or calling strcmp) each time was a quarter of the
 * run.  So every list word goes once into the verb lexicon's word table
 * (rg_i_verbs_word, built when the dictionary loads) with the set of
 * classes it is in and S_det's answer, next to the lexicon's forms, and
 * a sentence looks each of its tokens up there once (S_tok).
 */
enum S_wclass {
    S_W_PREP = 1u << 0,          /* S_preps */
    S_W_SUB = 1u << 1,           /* S_subordinators */
    S_W_RELATIVE = 1u << 2,      /* S_relatives */
    S_W_AUX = 1u << 3,           /* S_aux */
    S_W_PASSIVE = 1u << 4,       /* S_passive_aux */
    S_W_PARTICLE = 1u << 5,      /* S_particles */
    S_W_REFLEXIVE = 1u << 6,     /* S_reflexives */
    S_W_CONJ = 1u << 7,          /* S_conj */
    S_W_LIST_CONJ = 1u << 8,     /* S_list_conj */
    S_W_ADVERB = 1u << 9,        /* S_adverbs */
    S_W_ALWAYS_REL = 1u << 10,   /* S_always_relative */
    S_W_QUOTE = 1u << 11,        /* S_quotes */
    /* Punctuation the rules name (kept only on RG_TOK_PUNCT tokens). */
    S_W_COMMA = 1u << 12,        /* , */
    S_W_HARD = 1u << 13,         /* ; : ? ! */
    S_W_LPAREN = 1u << 14,       /* ( */
    S_W_RPAREN = 1u << 15,       /* ) */
    S_W_LBRACK = 1u << 16,       /* [ */
    S_W_RBRACK = 1u << 17,       /* ] */
    S_W_HYPHEN = 1u << 18,       /* - (the fold of every hyphen) */
    S_W_DASH = 1u << 19,         /* – — */
    S_W_QUOTE1 = 1u << 20,       /* the single quotes ' ‘ ’ ‚ ‹ › */
    /* Words the rules name (kept only on RG_TOK_WORD tokens). */
    S_W_UND = 1u << 21,          /* und */
    S_W_IN = 1u << 22,           /* in */
    S_W_ZU = 1u << 23,           /* zu */
    S_W_ZUFOLGE = 1u << 24,      /* zufolge */
    S_W_AGENT = 1u << 25,        /* von vom durch: a passive's agent */
    S_W_GENDET = 1u << 26,       /* des eines der einer: genitive-capable */
    S_W_UMZU = 1u << 27,         /* um ohne statt (... zu) */
    S_W_CONJ_HARD = 1u << 28     /* sondern denn */
};
#define S_W_PUNCT_ONLY 0x001FF000u   /* S_W_COMMA .. S_W_QUOTE1 */
/* The classes of tokens that can begin or end a clause or an aside. */
#define S_W_MARKS                                                         \
    (S_W_COMMA | S_W_HARD | S_W_CONJ | S_W_SUB | S_W_DASH | S_W_HYPHEN |  \
     S_W_QUOTE | S_W_LPAREN | S_W_RPAREN | S_W_LBRACK | S_W_RBRACK)
#define S_W_WORD_ONLY 0x1FE00000u    /* S_W_UND .. S_W_CONJ_HARD */

static void S_add_list(void (*add)(void *, const char *, uint32_t, char),
                       void *ctx, const char *const *list, uint32_t cls)
{
    for (; *list; list++)
        add(ctx, *list, cls, 0);
}

void rg_i_relations_words(void (*add)(void *ctx, const char *w, uint32_t cls,
                                      char det),
                          void *ctx)
{
    static const struct {
        const char *const *list;
        uint32_t cls;
    } lists[] = {
        {S_preps, S_W_PREP},        {S_subordinators, S_W_SUB},
        {S_relatives, S_W_RELATIVE}, {S_aux, S_W_AUX},
        {S_passive_aux, S_W_PASSIVE}, {S_particles, S_W_PARTICLE},
        {S_reflexives, S_W_REFLEXIVE}, {S_conj, S_W_CONJ},
        {S_list_conj, S_W_LIST_CONJ}, {S_adverbs, S_W_ADVERB},
        {S_always_relative, S_W_ALWAYS_REL}, {S_quotes, S_W_QUOTE}};
    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
        S_add_list(add, ctx, lists[i].list, lists[i].cls);
    static const struct {
        const char *w;
        uint32_t cls;
    } single[] = {
        {",", S_W_COMMA},    {";", S_W_HARD},      {":", S_W_HARD},
        {"?", S_W_HARD},     {"!", S_W_HARD},      {"(", S_W_LPAREN},
        {")", S_W_RPAREN},   {"[", S_W_LBRACK},    {"]", S_W_RBRACK},
        {"-", S_W_HYPHEN},   {"–", S_W_DASH},      {"—", S_W_DASH},
        {"'", S_W_QUOTE1},   {"‘", S_W_QUOTE1},    {"’", S_W_QUOTE1},
        {"‚", S_W_QUOTE1},   {"‹", S_W_QUOTE1},    {"›", S_W_QUOTE1},
        {"und", S_W_UND},    {"in", S_W_IN},       {"zu", S_W_ZU},
        {"zufolge", S_W_ZUFOLGE}, {"von", S_W_AGENT}, {"vom", S_W_AGENT},
        {"durch", S_W_AGENT}, {"des", S_W_GENDET}, {"eines", S_W_GENDET},
        {"der", S_W_GENDET}, {"einer", S_W_GENDET}, {"um", S_W_UMZU},
        {"ohne", S_W_UMZU},  {"statt", S_W_UMZU},  {"sondern", S_W_CONJ_HARD},
        {"denn", S_W_CONJ_HARD}};
    for (size_t i = 0; i < sizeof(single) / sizeof(single[0]); i++)
        add(ctx, single[i].w, single[i].cls, 0);
    /* S_det answers only for the words of its lists and the possessive
     * stems with an ending it knows: enumerate those and ask it. */
    const char *const *dets[] = {S_det_nom, S_det_acc, S_det_dat, S_det_gen};
    for (size_t i = 0; i < sizeof(dets) / sizeof(dets[0]); i++)
        for (const char *const *w = dets[i]; *w; w++)
            add(ctx, *w, 0, S_det(*w));
    for (const char *const *p = S_det_poss; *p; p++)
        for (const char *const *e = S_det_poss_endings; *e; e++) {
            char w[32];
            snprintf(w, sizeof(w), "%s%s", *p, *e);
            add(ctx, w, 0, S_det(w));
        }
}

/*
 * The lists matched as prefixes (S_prefix_in), each grouped by a hash of
 * its entries' first two bytes (every entry has two bytes at least), with
 * the lengths, built once for all threads on first use.  A word is
 * compared only with the entries that begin as it does or share its
 * bucket: a bucket by first byte alone held up to ten organs ("s"), and
 * walking it was a branch mispredicted for every third (callgrind
 * --branch-sim), most of S_prefix_in's time.
 */
enum S_plist {
    S_P_ORGANS, S_P_GOVERNMENT, S_P_OBJECT_CONTROL, S_P_SUBJECT_CONTROL,
    S_P_NEGATING_CONTROL, S_P_COUNT
};

#define S_PL_BITS 9

static struct {
    const char **word;       /* the entries, grouped by bucket */
    size_t *len;
    uint16_t first[(1u << S_PL_BITS) + 1];   /* the entries of bucket h:
                                                [first[h], first[h + 1]) */
} S_pl[S_P_COUNT];

static pthread_once_t S_pl_once = PTHREAD_ONCE_INIT;

/* The bucket of a word by its first two bytes (w[1] is its NUL when it
 * has one byte). */
static unsigned S_pl_bucket(const char *w)
{
    uint32_t two = (uint32_t)(unsigned char)w[0] << 8 | (unsigned char)w[1];
    return (two * 0x9E3779B1u) >> (32 - S_PL_BITS);
}

static void S_pl_build(enum S_plist k, const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    S_pl[k].word = rg_i_xmalloc((n ? n : 1) * sizeof(*S_pl[k].word));
    S_pl[k].len = rg_i_xmalloc((n ? n : 1) * sizeof(*S_pl[k].len));
    uint16_t *first = S_pl[k].first;
    for (size_t i = 0; i < n; i++)
        first[S_pl_bucket(list[i]) + 1]++;
    for (size_t h = 1; h <= (1u << S_PL_BITS); h++)
        first[h] = (uint16_t)(first[h] + first[h - 1]);
    uint16_t fill[1u << S_PL_BITS];
    memcpy(fill, first, sizeof(fill));
    for (size_t i = 0; i < n; i++) {
        uint16_t j = fill[S_pl_bucket(list[i])]++;
        S_pl[k].word[j] = list[i];
        S_pl[k].len[j] = strlen(list[i]);
    }
}

static void S_tables(void);

static void S_pl_build_all(void)
{
    S_tables();
    S_pl_build(S_P_ORGANS, S_organs);
    S_pl_build(S_P_GOVERNMENT, S_government);
    S_pl_build(S_P_OBJECT_CONTROL, S_object_control);
    S_pl_build(S_P_SUBJECT_CONTROL, S_subject_control);
    S_pl_build(S_P_NEGATING_CONTROL, S_negating_control);
}

/* Whether the folded word w (n bytes) starts with an entry of list k. */
static int S_prefix_in(const char *w, size_t n, enum S_plist k)
{
    if (n < 2)
        return 0;   /* every entry has two bytes */
    unsigned h = S_pl_bucket(w);
    for (uint32_t j = S_pl[k].first[h]; j < S_pl[k].first[h + 1]; j++) {
        size_t len = S_pl[k].len[j];
        /* Compared by overlapping loads, without a call. */
        if (len <= n && rg_i_verbs_same(w, S_pl[k].word[j], len))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Verb relations: per-sentence state                                  */
/* ------------------------------------------------------------------ */

enum S_bound { S_B_NONE = 0, S_B_COMMA, S_B_CONJ, S_B_SUB, S_B_HARD };

/* Tags of a token set by S_tag_tokens (bits of S_tok.k). */
enum S_ttag {
    S_T_SKIP = 1 << 12,    /* aside: parentheses, dash pairs, inner quotes */
    S_T_BOUND = 1 << 13,   /* a boundary token (not part of a clause) */
    S_T_LIST = 1 << 14     /* a comma inside a list of actors */
};

/* What a token is, from rg_token's kind and flags and from its word
 * classes, so that the rules test one bit of one record. */
enum S_tkind {
    S_K_WORD = 1 << 0,         /* RG_TOK_WORD */
    S_K_NUMBER = 1 << 1,       /* RG_TOK_NUMBER */
    S_K_PUNCT = 1 << 2,        /* RG_TOK_PUNCT */
    S_K_UPPER = 1 << 3,        /* RG_TF_UPPER */
    S_K_ALLCAPS = 1 << 4,      /* RG_TF_ALLCAPS */
    S_K_SPACE = 1 << 5,        /* RG_TF_SPACE_BEFORE */
    S_K_HYPHEN_BEFORE = 1 << 6,
    S_K_HYPHEN_AFTER = 1 << 7,
    S_K_HITS = 1 << 8,         /* a form of the lexicon */
    S_K_VERB_ANY = 1 << 9,     /* a word that is an auxiliary or a form */
    S_K_VERB_LOW = 1 << 10,    /* the same, but a form only in lowercase:
                                  S_verbish away from the sentence's start */
    S_K_FORM_OK = 1 << 11      /* a form that S_clause may take for a
                                  clause's verb (S_classify) */
};

/* One token of the sentence: everything the rules ask of it. */
typedef struct S_tok {
    uint32_t cls;              /* enum S_wclass */
    uint16_t k;                /* enum S_tkind and enum S_ttag */
    uint8_t vfl;               /* union of its hits' enum rg_verb_form */
    char det;                  /* S_det */
} S_tok;
_Static_assert(sizeof(S_tok) == 8 && offsetof(S_tok, k) == 4 &&
                   offsetof(S_tok, vfl) == 6 && offsetof(S_tok, det) == 7,
               "S_classify makes a record as one 8-byte word");

typedef struct S_arg {     /* a kept mention */
    uint32_t actor;
    uint32_t t0, t1;       /* tokens [t0, t1) */
    uint8_t form;
    uint8_t type;          /* the mention's type (rg_mention.type) */
} S_arg;

typedef struct S_group {   /* coordinated args [a0, a1) */
    uint32_t a0, a1;
    uint32_t t0, t1;
    const char *prep;      /* governing preposition (folded) or NULL */
    uint32_t prep_cls;     /* its word classes */
    char det;              /* S_det of the nearest determiner, or 0 */
    uint8_t genitive;      /* belongs to a noun before it */
    uint8_t nomok;         /* can be a subject */
} S_group;

typedef struct S_seg {
    /* Small: a sentence keeps one per clause, and a bigger record moved
     * other stages' reallocations about. */
    uint32_t b, e;         /* tokens [b, e) */
    uint32_t q0;           /* the first of c->vt at or after b */
    int8_t left;           /* enum S_bound before it */
    int8_t right;          /* enum S_bound after it */
    uint8_t has_verb;      /* a verb among its tokens (S_seg_has_verb) */
    uint8_t control_done;  /* the three below are known (S_control) */
    uint8_t control_verb;  /* contains erlauben, auffordern, ... */
    uint8_t subject_control; /* contains ankündigen, versprechen, ... */
    uint8_t negating;      /* contains sich weigern, ablehnen */
    uint8_t state_done;    /* subj and ctrl are final (S_state) */
    int32_t subj;          /* group index or -1, after analysis */
    int32_t ctrl;          /* group for a following zu-infinitive, or -1 */
    /* Its state (S_state), worked out when a clause with a form needs it:
     * its groups [g0, g1), its own subject (or -1) and finite verb. */
    uint32_t g0, g1;
    int32_t own;
    size_t fin;
} S_seg;

typedef struct S_ctx {
    const rg_tokens *toks;
    const rg_dict *d;
    const rg_mentions *m;  /* for the types of discovered actors */
    const rg_verbs *verbs;
    const rg_verb_wtab *wtab;   /* its word table */
    const int32_t *tok_id; /* per token of the document: its id in the
                              gazetteer's vocabulary (rg_mentions.tok_id),
                              or NULL: then each token is looked up */
    const uint32_t *vverb; /* per vocabulary id: 1 + its index in wtab's
                              words, or 0 (rg_i_gazetteer_verb_words) */
    const uint8_t *tok_cls;    /* with tok_id: per token its class byte
                                  (rg_mentions.tok_cls) */
    const uint64_t *vpacked;   /* with tok_id: rg_i_gazetteer_verb_packed */
    size_t tb, te;         /* sentence tokens */
    S_tok *tk;             /* per token - tb */
    size_t cap_tk;         /* kept for the next sentence */
    int32_t *ment;         /* per token - tb: any mention's actor + 1, or 0 */
    size_t cap_ment;
    uint32_t sent_cls;     /* union of the sentence's tokens' classes */
    uint8_t sent_vfl;      /* union of their hits' enum rg_verb_form */
    uint32_t *vt;          /* the verbs: tokens - tb with S_K_VERB_ANY
                              (words that are an auxiliary or a form), in
                              order; the loops that look for verbs walk
                              these instead of every token */
    size_t n_vt, cap_vt;
    uint32_t *bt;          /* the tokens - tb of a class S_W_MARKS: every
                              boundary, aside mark and list comma is one */
    size_t n_bt, cap_bt;
    uint32_t *ht;          /* S_classify's scratch: the tokens - tb with
                              a word of the table */
    size_t cap_ht;
    uint64_t *hp;          /* and their packed words */
    size_t cap_hp;
    S_arg *args;
    size_t n_args, cap_args;
    size_t arg_from;       /* S_groups: the first arg at or after the
                              clause it was last asked for */
    size_t arg_b;          /* the start of that clause */
    S_group *groups;
    size_t n_groups, cap_groups;
    S_seg *segs;
    size_t n_segs, cap_segs;
    rg_relation_list *out;
    uint32_t sentence;
} S_ctx;

static const char *S_f(const S_ctx *c, size_t i)
{
    return rg_i_token_fold(c->toks, i);
}

static const S_tok *S_t(const S_ctx *c, size_t i)
{
    return &c->tk[i - c->tb];
}

/* Whether token i is in a list of the S_W_* classes `cls`. */
static int S_is(const S_ctx *c, size_t i, uint32_t cls)
{
    return (c->tk[i - c->tb].cls & cls) != 0;
}

static int S_k(const S_ctx *c, size_t i, unsigned k)
{
    return (c->tk[i - c->tb].k & k) != 0;
}

static int S_word(const S_ctx *c, size_t i)
{
    return S_k(c, i, S_K_WORD);
}

static int S_upper(const S_ctx *c, size_t i)
{
    return S_k(c, i, S_K_UPPER);
}

static int32_t S_ment(const S_ctx *c, size_t i)
{
    return c->ment[i - c->tb];
}

static int S_is_dash(const S_ctx *c, size_t i)
{
    const S_tok *t = S_t(c, i);
    if (t->cls & S_W_DASH)
        return 1;
    /* A hyphen standing alone: " - " */
    return (t->cls & S_W_HYPHEN) && (t->k & S_K_SPACE) && i + 1 < c->te &&
           S_k(c, i + 1, S_K_SPACE);
}

static int S_skip(const S_ctx *c, size_t i)
{
    return (c->tk[i - c->tb].k & S_T_SKIP) != 0;
}

/* Whether token i is a verb form: an auxiliary or a lexicon form (a
 * capitalised one only at the sentence's start). */
static int S_verbish(const S_ctx *c, size_t i)
{
    return S_k(c, i, i == c->tb ? S_K_VERB_ANY : S_K_VERB_LOW);
}

/* Adjective-like: a lowercase word with an adjective ending that is not a
 * verb, determiner, preposition or conjunction.  Asked of few tokens, so
 * worked out when asked rather than for every token. */
static int S_adjective(const S_ctx *c, size_t i)
{
    const S_tok *t = S_t(c, i);
    if ((t->k & (S_K_WORD | S_K_UPPER | S_K_VERB_ANY)) != S_K_WORD || t->det ||
        (t->cls & (S_W_PREP | S_W_CONJ | S_W_RELATIVE)))
        return 0;
    size_t n = c->toks->v[i].fold_len;
    if (n < 3)
        return 0;
    const char *f = S_f(c, i);
    char e1 = f[n - 1], e2 = f[n - 2];
    return e1 == 'e' ||
           (e2 == 'e' && (e1 == 'n' || e1 == 'r' || e1 == 's' || e1 == 'm'));
}

/* The first of c->vt at or after token i, looking from c->vt[k]
 * (k = 0 or one at or before the answer). */
static size_t S_vt_from(const S_ctx *c, size_t i, size_t k)
{
    while (k < c->n_vt && c->tb + c->vt[k] < i)
        k++;
    return k;
}

/* The record of a token of kind (1..3) and flags, without classes (its
 * S_tkind bits), and the classes a kind keeps, by its record's kind bits
 * (S_K_WORD | S_K_NUMBER | S_K_PUNCT): S_tables. */
static S_tok S_ktok[4][256];
static uint32_t S_kcls[8];
#define S_KIND_BITS (S_K_WORD | S_K_NUMBER | S_K_PUNCT)

/* The verb bits (S_K_VERB_ANY, S_K_VERB_LOW) of a word of the table with
 * record bits k (S_K_HITS already set for a form) and classes cls
 * (S_classify_hit), by its word and capital bits, whether it is a form
 * and whether it is an auxiliary (bits 0, 3, 8 and 4 of the index: few
 * operations, and the entries used lie on two cache lines). */
#define S_VERBK_INDEX(k, cls)                                             \
    (((k) & (S_K_WORD | S_K_UPPER | S_K_HITS)) | ((cls) & S_W_AUX) << 1)
static uint16_t S_verbk[512];

static void S_tables(void)
{
    for (unsigned kind = 0; kind < 4; kind++) {
        for (unsigned f = 0; f < 256; f++) {
            unsigned k = (f & RG_TF_SPACE_BEFORE ? S_K_SPACE : 0) |
                         (f & RG_TF_HYPHEN_BEFORE ? S_K_HYPHEN_BEFORE : 0) |
                         (f & RG_TF_HYPHEN_AFTER ? S_K_HYPHEN_AFTER : 0);
            if (kind == RG_TOK_WORD)
                k |= S_K_WORD | (f & RG_TF_UPPER ? S_K_UPPER : 0) |
                     (f & RG_TF_ALLCAPS ? S_K_ALLCAPS : 0);
            else if (kind == RG_TOK_PUNCT)
                k |= S_K_PUNCT;
            else if (kind == RG_TOK_NUMBER)
                k |= S_K_NUMBER;
            S_ktok[kind][f] = (S_tok){0, (uint16_t)k, 0, 0};
        }
    }
    for (unsigned k = 0; k < 8; k++)
        S_kcls[k] = k == S_K_WORD    ? ~S_W_PUNCT_ONLY
                    : k == S_K_PUNCT ? ~S_W_WORD_ONLY
                                     : ~(S_W_PUNCT_ONLY | S_W_WORD_ONLY);
    for (unsigned x = 0; x < 512; x++) {
        unsigned word = x & S_K_WORD, upper = x & S_K_UPPER,
                 hit = x & S_K_HITS, aux = x & S_W_AUX << 1, k = 0;
        if (word && (aux || hit)) {
            k |= S_K_VERB_ANY;
            if (aux || !upper)
                k |= S_K_VERB_LOW;
        }
        S_verbk[x] = (uint16_t)k;
    }
}

/* Kept out of line where it matters: inlined into its caller, the
 * per-token loop ran out of registers. */
#if defined(__GNUC__)
#define S_NOINLINE __attribute__((noinline))
#else
#define S_NOINLINE
#endif

/* The classifier's state for one sentence (S_classify): where the next
 * verb and mark go in c->vt and c->bt, and the union of the records. */
typedef struct S_cls {
    uint32_t *vt, *bt;
    uint64_t all;
} S_cls;

/* Token i of the sentence (its record bits k from S_ktok) is a word of
 * the word table with classes cls (and-ed with S_kcls), forms' flags vfl
 * and determiner det (vfl_det = vfl | (uint8_t)det << 8): makes its record tk[i] (the tokens before have
 * theirs) and puts it on the sentence's lists.
 *
 * Whether the word is a verb (an auxiliary or a form) and whether it is
 * a mark are as good as random, and the branches on them were
 * mispredicted for two in five words (callgrind --branch-sim): the verb
 * bits are read off S_verbk, and a list gets every word's index but moves
 * on only when the word belongs (the lists hold the sentence: in
 * bounds).  Forms are few among the table's words: a branch on them. */
static inline void S_classify_hit(S_cls *x, S_tok *tk, size_t i, unsigned k,
                                  uint32_t cls, unsigned vfl_det)
{
    unsigned vfl = vfl_det & 0xFF;
    if (vfl) {   /* every hit has a flag */
        k |= S_K_HITS;
        /* S_clause takes a capitalised form (not all capitals) only at
         * its clause's first token or first word (w0).  After a word that
         * is no conjunction neither can be: that word is in the same
         * clause before it (a subordinator begins its clause; commas,
         * hard marks, dashes and quotes are no words), or in an aside,
         * which then ends at a mark after it and so also holds this
         * token. */
        if ((k & S_K_WORD) &&
            (!(k & S_K_UPPER) || (k & S_K_ALLCAPS) || i == 0 ||
             !(tk[i - 1].k & S_K_WORD) || (tk[i - 1].cls & S_W_CONJ)))
            k |= S_K_FORM_OK;
    }
    unsigned verb = S_verbk[S_VERBK_INDEX(k, cls)];
    k |= verb;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* The record as one 8-byte word (S_tok's layout is pinned). */
    uint64_t rec = cls | (uint64_t)k << 32 | (uint64_t)vfl_det << 48;
#else
    S_tok t = {cls, (uint16_t)k, (uint8_t)vfl, (char)(uint8_t)(vfl_det >> 8)};
    uint64_t rec;
    memcpy(&rec, &t, sizeof(rec));
#endif
    memcpy(&tk[i], &rec, sizeof(rec));
    x->all |= rec;
    *x->vt = (uint32_t)i;
    x->vt += verb != 0;
    *x->bt = (uint32_t)i;
    x->bt += (cls & S_W_MARKS) != 0;
}

/* Fills c->tk, c->vt and c->bt for the sentence's tokens; returns whether
 * any is a form S_clause may take (S_K_FORM_OK). */
static S_NOINLINE int S_classify(S_ctx *c)
{
    const rg_tokens *toks = c->toks;
    /* The per-token arrays hold the longest sentence (rg_i_find_relations). */
    S_cls x = {c->vt, c->bt, 0};
    /* Indexed by the token's place in the sentence: one induction
     * variable for the token records, their ids and c->tk. */
    const rg_token *tv = toks->v + c->tb;
    const size_t n = c->te - c->tb;
    S_tok *tk = c->tk;
    if (c->tok_id) {
        /* With the mention stage's ids every token's word-table entry is
         * read off by its id: every word of the table is in the
         * gazetteer's vocabulary (rg_i_gazetteer_verb_words), so a token
         * without an id is none of them (slot 0: 0).
         *
         * Two passes.  Whether a token is a word of the table is as good
         * as random (every other token is), and a branch on it was
         * mispredicted for two in five tokens: the first pass has no
         * branch on the token.  It writes every token's record without
         * classes and lists the tokens with a word (p != 0) and their
         * packed words; the second makes their records in order, so that
         * the token before one is final when it is read, as in one pass. */
        const int32_t *tid = c->tok_id + c->tb;
        const uint64_t *vpacked = c->vpacked;   /* by id + 1 */
        uint32_t *ht = c->ht;
        uint64_t *hp = c->hp;
        size_t nh = 0;
        for (size_t i = 0; i < n; i++) {
            memcpy(&tk[i], &S_ktok[tv[i].kind & 3][tv[i].flags],
                   sizeof(S_tok));
            uint64_t p = vpacked[tid[i] + 1];
            ht[nh] = (uint32_t)i;   /* the arrays hold n: in bounds */
            hp[nh] = p;
            nh += p != 0;
        }
        for (size_t h = 0; h < nh; h++) {
            size_t i = ht[h];
            uint64_t p = hp[h];
            unsigned k = tk[i].k;
            /* p's flags and determiner are bits 32..47. */
            S_classify_hit(&x, tk, i, k, (uint32_t)p & S_kcls[k & S_KIND_BITS],
                           (uint16_t)(p >> 32));
        }
    } else {
        /* Copies: the byte stores below may alias anything, and the
         * fields would be loaded again for every token. */
        const rg_verb_wtab wtab = *c->wtab;
        const uint64_t *hash = toks->hash + c->tb;
        const char *fold = toks->fold;
        for (size_t i = 0; i < n; i++) {
            const rg_token *t = &tv[i];
            const S_tok *k0 = &S_ktok[t->kind & 3][t->flags];
            unsigned k = k0->k;
            tk[i] = *k0;
            int32_t id;
            if (t->fold_len == 1) {
                /* Punctuation mostly: read off a table. */
                id = wtab.one[(unsigned char)fold[t->fold]];
            } else {
                /* Most misses find their first slot empty: before
                 * anything else. */
                if (!wtab.slots[(size_t)hash[i] & wtab.mask])
                    continue;
                id = rg_i_verbs_wtab_id(&wtab, fold + t->fold, t->fold_len,
                                        hash[i]);
            }
            if (id >= 0)
                S_classify_hit(&x, tk, i, k,
                               wtab.word[id].cls & S_kcls[k & S_KIND_BITS],
                               wtab.word[id].flags |
                                   (unsigned)(uint8_t)wtab.word[id].det << 8);
        }
    }
    /* The union of the records' fields is the record of the unions. */
    S_tok all;
    memcpy(&all, &x.all, sizeof(all));
    c->sent_cls = all.cls;
    c->sent_vfl = all.vfl;
    c->n_vt = (size_t)(x.vt - c->vt);
    c->n_bt = (size_t)(x.bt - c->bt);
    /* Without a form S_clause may take, no relation. */
    return (all.k & S_K_FORM_OK) != 0;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                           */
/* ------------------------------------------------------------------ */

static int S_person_at(const S_ctx *c, size_t i)
{
    if (i >= c->te)
        return 0;
    int32_t a = S_ment(c, i);
    return a > 0 && rg_i_mention_type(c->m, c->d, (uint32_t)a - 1) == RG_TYPE_PERSON;
}

/* Whether a modifier mention [t0, t1) stands for its actor. */
static int S_modifier_keeps(const S_ctx *c, size_t t0, size_t t1, int form)
{
    size_t head;
    if (form == RG_FORM_COMPOUND) {
        if (S_k(c, t0, S_K_HYPHEN_BEFORE))
            return 0;   /* the middle or end of a compound */
        if (!S_k(c, t1 - 1, S_K_HYPHEN_AFTER))
            return 1;
        /* The compound's last part is its head. */
        head = t1;
        while (head + 2 < c->te && S_is(c, head, S_W_HYPHEN) &&
               S_k(c, head + 1, S_K_HYPHEN_AFTER))
            head += 2;
        head++;
        if (head >= c->te)
            return 0;
    } else {
        head = t1;
        while (head < c->te &&
               (S_adjective(c, head) || S_is(c, head, S_W_LIST_CONJ) ||
                S_is(c, head, S_W_COMMA) ||
                (S_ment(c, head) > 0 && !S_upper(c, head))))
            head++;
        if (head >= c->te || !S_word(c, head) || !S_upper(c, head))
            return 0;
    }
    if (!S_prefix_in(S_f(c, head), c->toks->v[head].fold_len, S_P_ORGANS))
        return 0;
    return !S_person_at(c, head + 1);
}

/* Whether the tokens from t are a title (capitalised nouns, hyphens,
 * "und") followed by a person's name. */
static int S_before_name(const S_ctx *c, size_t t)
{
    size_t k = 0;
    for (; t < c->te && k < 6; t++, k++) {
        if (S_person_at(c, t))
            return k > 0;
        if (S_ment(c, t) != 0)
            return 0;
        if (S_word(c, t) && (S_upper(c, t) || S_is(c, t, S_W_UND)))
            continue;
        if (S_is(c, t, S_W_HYPHEN))
            continue;
        return 0;
    }
    return 0;
}

static void S_find_args(S_ctx *c, const rg_mentions *m, size_t m0, size_t m1)
{
    c->n_args = 0;
    for (size_t i = m0; i < m1; i++) {
        const rg_mention *mt = &m->v[i];
        size_t t0 = mt->tok_begin, t1 = mt->tok_end;
        /* t0, t1 lie in [tb, te]: a mention lies within its sentence. */
        if (t0 >= t1 || S_skip(c, t0))
            continue;
        int type = mt->type;
        if (type != RG_TYPE_PERSON && type != RG_TYPE_ORGANIZATION &&
            type != RG_TYPE_COUNTRY)
            continue;
        if ((mt->form == RG_FORM_ADJECTIVE || mt->form == RG_FORM_COMPOUND) &&
            !S_modifier_keeps(c, t0, t1, mt->form))
            continue;
        if (mt->form == RG_FORM_GENITIVE && S_before_name(c, t1))
            continue;   /* "Chinas Staats- und Parteichef Xi Jinping" */
        RG_GROW(c->args, c->cap_args, c->n_args + 1);
        c->args[c->n_args++] = (S_arg){mt->actor, (uint32_t)t0, (uint32_t)t1,
                                       mt->form, mt->type};
    }
}

/* ------------------------------------------------------------------ */
/* Clauses                                                             */
/* ------------------------------------------------------------------ */

/* Whether the comma at i is inside a list of actors "X, Y und Z". */
static int S_list_comma(const S_ctx *c, size_t i)
{
    if (i == c->tb || S_ment(c, i - 1) == 0)
        return 0;
    size_t j = i;
    for (;;) {
        size_t k = j + 1;
        while (k < c->te && S_t(c, k)->det)
            k++;
        if (k >= c->te || S_ment(c, k) == 0)
            return 0;
        while (k < c->te && S_ment(c, k) != 0)
            k++;
        if (k >= c->te)
            return 0;
        if (S_is(c, k, S_W_COMMA)) {
            j = k;
            continue;
        }
        if (!S_is(c, k, S_W_LIST_CONJ))
            return 0;
        k++;
        while (k < c->te && S_t(c, k)->det)
            k++;
        return k < c->te && S_ment(c, k) != 0;
    }
}

/* The nearest non-skipped token before i within [b, i), or (size_t)-1. */
static size_t S_prev(const S_ctx *c, size_t i, size_t b)
{
    while (i > b) {
        i--;
        if (!S_skip(c, i))
            return i;
    }
    return (size_t)-1;
}

static size_t S_next(const S_ctx *c, size_t i)
{
    for (i++; i < c->te; i++)
        if (!S_skip(c, i))
            return i;
    return c->te;
}

static void S_tag_tokens(S_ctx *c)
{
    size_t tb = c->tb, te = c->te;
    S_tok *tk = c->tk;
    const uint32_t *bt = c->bt;
    size_t n_bt = c->n_bt;
    /* Asides: ( ... ), [ ... ], and – ... – pairs.  Every token they
     * begin or end with is one of c->bt. */
    if (c->sent_cls & (S_W_LPAREN | S_W_LBRACK | S_W_DASH | S_W_HYPHEN)) {
        size_t from = tb;   /* after the last aside */
        for (size_t q = 0; q < n_bt; q++) {
            size_t i = tb + bt[q];
            if (i < from)
                continue;
            uint32_t cls = tk[i - tb].cls;
            if (cls & (S_W_LPAREN | S_W_LBRACK)) {
                uint32_t close = (cls & S_W_LPAREN) ? S_W_RPAREN : S_W_RBRACK;
                size_t j = te;
                for (size_t r = q + 1; r < n_bt; r++)
                    if (tk[bt[r]].cls & close) {
                        j = tb + bt[r];
                        break;
                    }
                for (size_t k = i; k < te && k <= j; k++)
                    tk[k - tb].k |= S_T_SKIP;
                from = j + 1;
            } else if ((cls & (S_W_DASH | S_W_HYPHEN)) && S_is_dash(c, i)) {
                size_t j = te;
                for (size_t r = q + 1; r < n_bt; r++)
                    if (S_is_dash(c, tb + bt[r])) {
                        j = tb + bt[r];
                        break;
                    }
                if (j < te) {
                    for (size_t k = i; k <= j; k++)
                        tk[k - tb].k |= S_T_SKIP;
                    from = j + 1;
                } else {
                    tk[i - tb].k |= S_T_BOUND;
                }
            }
        }
    }
    /* Quotes: a boundary beside punctuation or the sentence's edge, else an
     * aside mark inside a clause (vor einer „erheblichen Eskalation“). */
    if (c->sent_cls & S_W_QUOTE) {
        for (size_t q = 0; q < n_bt; q++) {
            size_t i = tb + bt[q];
            const S_tok *t = &tk[i - tb];
            if ((t->k & S_T_SKIP) || !(t->k & S_K_PUNCT) ||
                !(t->cls & S_W_QUOTE))
                continue;
            if (t->cls & S_W_QUOTE1) {
                tk[i - tb].k |= S_T_SKIP;
                continue;
            }
            size_t p = S_prev(c, i, tb), n = S_next(c, i);
            int edge = p == (size_t)-1 || n >= te || S_k(c, p, S_K_PUNCT) ||
                       S_k(c, n, S_K_PUNCT);
            tk[i - tb].k |= edge ? S_T_BOUND : S_T_SKIP;
        }
    }
    if (c->sent_cls & S_W_COMMA) {
        for (size_t q = 0; q < n_bt; q++) {
            size_t i = tb + bt[q];
            if ((tk[i - tb].cls & S_W_COMMA) && S_list_comma(c, i))
                tk[i - tb].k |= S_T_LIST;
        }
    }
}

/* The boundary kind of token i, or S_B_NONE. */
static int S_boundary(const S_ctx *c, size_t i)
{
    const S_tok *t = S_t(c, i);
    if (t->k & S_T_SKIP)
        return S_B_NONE;
    if (t->k & S_T_BOUND)
        return S_B_HARD;
    if (!(t->cls & (S_W_COMMA | S_W_HARD | S_W_CONJ | S_W_SUB)))
        return S_B_NONE;   /* most tokens */
    if (t->k & S_K_PUNCT) {
        if (t->cls & S_W_COMMA)
            return (t->k & S_T_LIST) ? S_B_NONE : S_B_COMMA;
        if (t->cls & S_W_HARD)
            return S_B_HARD;
        return S_B_NONE;
    }
    if (!(t->k & S_K_WORD))
        return S_B_NONE;
    if (t->cls & S_W_CONJ) {
        if (t->cls & S_W_CONJ_HARD)
            return S_B_CONJ;
        size_t p = S_prev(c, i, c->tb);
        if (p == (size_t)-1)
            return S_B_NONE;
        /* "X und Y" of nouns or actors stays together; after a lowercase
         * word (a verb, an adverb) a new clause begins. */
        if (S_word(c, p) && !S_upper(c, p) && S_ment(c, p) == 0)
            return S_B_CONJ;
        /* "... vor weiteren Übungen und droht mit ...": a verb after it. */
        size_t n = S_next(c, i);
        if (n < c->te && S_word(c, n) && !S_upper(c, n) && S_verbish(c, n))
            return S_B_CONJ;
        return S_B_NONE;
    }
    if ((t->cls & S_W_SUB) && i > c->tb)
        return S_B_SUB;
    return S_B_NONE;
}

static int S_seg_has_verb(const S_ctx *c, size_t q0, size_t e)
{
    /* Only a token of c->vt can be S_verbish. */
    for (size_t k = q0; k < c->n_vt && c->tb + c->vt[k] < e; k++) {
        size_t i = c->tb + c->vt[k];
        if (!S_skip(c, i) && S_verbish(c, i))
            return 1;
    }
    return 0;
}

/* Whether [b, e) is a noun phrase or a particle (an apposition, a list,
 * "ein."), not a clause with a verb the lexicon does not know: every
 * lowercase word is a determiner, preposition, conjunction, one of a few
 * adverbs, an adjective before a noun, or the last word. */
static int S_nominal(const S_ctx *c, size_t b, size_t e)
{
    size_t last = (size_t)-1;
    for (size_t i = b; i < e; i++)
        if (!S_skip(c, i) && S_word(c, i))
            last = i;
    for (size_t i = b; i < e; i++) {
        const S_tok *t = S_t(c, i);
        if ((t->k & S_T_SKIP) || !(t->k & S_K_WORD) || (t->k & S_K_UPPER) ||
            S_ment(c, i) != 0 || i == last)
            continue;
        if (t->det || (t->cls & (S_W_PREP | S_W_CONJ | S_W_ADVERB)))
            continue;
        if (i + 1 < e && S_adjective(c, i) &&
            (S_upper(c, i + 1) || S_adjective(c, i + 1) || S_ment(c, i + 1) != 0))
            continue;
        return 0;
    }
    return 1;
}

/* Segments are added in order; *q is c->vt's position before b. */
static void S_add_seg(S_ctx *c, size_t b, size_t e, int left, int right,
                      size_t *q)
{
    RG_GROW(c->segs, c->cap_segs, c->n_segs + 1);
    size_t q0 = *q = S_vt_from(c, b, *q);
    /* has_verb: 1 a verb, else 0; whether a verbless one is a noun
     * phrase (S_nominal) is asked by the joins, where it matters. */
    int v = S_seg_has_verb(c, q0, e);
    c->segs[c->n_segs++] = (S_seg){
        .b = (uint32_t)b, .e = (uint32_t)e, .q0 = (uint32_t)q0,
        .left = (int8_t)left, .right = (int8_t)right, .has_verb = (uint8_t)v,
        .subj = -1, .ctrl = -1, .own = -1, .fin = (size_t)-1};
}

static void S_split_clauses(S_ctx *c)
{
    c->n_segs = 0;
    size_t b = c->tb;
    int left = S_B_HARD;
    /* Raw segments between boundary tokens; a subordinator begins one and
     * belongs to it.  Runs of boundaries count as the strongest. */
    /* Only a token of c->bt can be a boundary (S_boundary's first tests:
     * tagged one, or of a class that can be one); then the sentence's
     * end. */
    size_t vq = 0;
    for (size_t q = 0; q <= c->n_bt; q++) {
        size_t i = q < c->n_bt ? c->tb + c->bt[q] : c->te;
        int k = q < c->n_bt ? S_boundary(c, i) : S_B_HARD;
        if (k == S_B_NONE)
            continue;
        if (i > b) {
            S_add_seg(c, b, i, left, k, &vq);
            left = k;
        } else {
            if (k > left)
                left = k;
            if (c->n_segs && c->segs[c->n_segs - 1].right < k)
                c->segs[c->n_segs - 1].right = k;
        }
        if (k == S_B_SUB) {
            left = S_B_SUB;
            b = i;
        } else {
            b = i + 1;
        }
    }
    /* Join verbless comma-clauses (appositions, the particle "ein"). */
    size_t n = 0;
    int pending = 0;
    size_t pend_b = 0, pend_q0 = 0;
    int pend_left = S_B_HARD;
    for (size_t i = 0; i < c->n_segs; i++) {
        S_seg *s = &c->segs[i];   /* read once, kept at n <= i */
        if (pending) {
            s->b = (uint32_t)pend_b;
            s->q0 = (uint32_t)pend_q0;
            s->left = (int8_t)pend_left;
            pending = 0;
        }
        /* A verbless noun phrase after a comma and a clause with a verb
         * joins that clause; before a comma and one, the next.  (A pending
         * start only ever goes to a clause with a verb, so s->b is still
         * the segment's own here.) */
        if (!s->has_verb && s->left != S_B_SUB) {
            int back = s->left == S_B_COMMA && n > 0 && c->segs[n - 1].has_verb;
            int fwd = !back && s->right == S_B_COMMA && i + 1 < c->n_segs &&
                      c->segs[i + 1].has_verb && c->segs[i + 1].left != S_B_SUB;
            if (back && S_nominal(c, s->b, s->e)) {
                c->segs[n - 1].e = s->e;
                c->segs[n - 1].right = s->right;
                continue;
            }
            if (fwd && S_nominal(c, s->b, s->e)) {
                pending = 1;
                pend_b = s->b;
                pend_q0 = s->q0;
                pend_left = s->left;
                continue;
            }
        }
        if (n != i)
            c->segs[n] = *s;
        n++;
    }
    c->n_segs = n;
}

/* ------------------------------------------------------------------ */
/* Groups and their roles                                              */
/* ------------------------------------------------------------------ */

/* Fills prep, det, genitive, nomok of g by looking back from its start. */
static void S_role(const S_ctx *c, S_group *g, size_t b)
{
    const S_arg *first = &c->args[g->a0];
    size_t k = S_prev(c, first->t0, b);
    /* A strong adjective in -er after a noun is a genitive without
     * article: "von einem Engagement nordkoreanischer Kräfte". */
    const char *ff = S_f(c, first->t0);
    size_t ffn = c->toks->v[first->t0].fold_len;
    int genitive_form = first->form == RG_FORM_GENITIVE ||
                        (first->form == RG_FORM_ADJECTIVE && ffn > 2 &&
                         ff[ffn - 2] == 'e' && ff[ffn - 1] == 'r');
    int detw = 0;          /* a determiner was seen ... */
    int detw_gen = 0;      /* ... and it was des, eines, der or einer */
    g->prep = NULL;
    g->prep_cls = 0;
    g->det = 0;
    g->genitive = 0;
    for (int steps = 0; steps < 12 && k != (size_t)-1; steps++) {
        const S_tok *t = S_t(c, k);
        char det = (t->k & S_K_WORD) ? t->det : 0;
        if (det) {
            if (!g->det) {
                g->det = det;
                detw = 1;
                detw_gen = (t->cls & S_W_GENDET) != 0;
            }
            k = S_prev(c, k, b);
            continue;
        }
        if ((t->k & S_K_NUMBER) || S_adjective(c, k)) {
            k = S_prev(c, k, b);
            continue;
        }
        if ((t->k & S_K_WORD) && (t->cls & S_W_PREP) &&
            !(t->k & S_K_HYPHEN_BEFORE)) {
            size_t p = S_prev(c, k, b);
            /* "das Regime in Pjöngjang": the government, not a place. */
            if ((t->cls & S_W_IN) && p != (size_t)-1 && S_upper(c, p) &&
                S_prefix_in(S_f(c, p), c->toks->v[p].fold_len,
                            S_P_GOVERNMENT)) {
                g->genitive = 1;
                g->det = 0;
                detw = 0;
                detw_gen = 0;
                k = S_prev(c, p, b);
                continue;
            }
            g->prep = S_f(c, k);
            g->prep_cls = t->cls;
            break;
        }
        /* A noun right before a genitive: the genitive belongs to it
         * ("die Zusammenarbeit Russlands", "die Reaktion des Westens",
         * "an der Seite der russischen Truppen"). */
        int noun = (t->k & S_K_WORD) && (t->k & S_K_UPPER) && S_ment(c, k) == 0 &&
                   !S_verbish(c, k);
        /* A title before a name: "dem südkoreanischen Präsidenten Yoon"
         * takes the role of the title's phrase. */
        if (noun && steps == 0 && first->form != RG_FORM_ADJECTIVE &&
            first->type == RG_TYPE_PERSON) {
            k = S_prev(c, k, b);
            continue;
        }
        int gen = (genitive_form && !detw) || (detw && detw_gen);
        if (noun && gen) {
            g->genitive = 1;
            genitive_form = 0;
            g->det = 0;
            detw = 0;
            detw_gen = 0;
            k = S_prev(c, k, b);
            continue;
        }
        break;
    }
    /* Postpositions: "Westlichen Geheimdiensten zufolge". */
    size_t n_end = (c->sent_cls & S_W_ZUFOLGE) ? c->te : 0;
    for (size_t n = g->t1, k2 = 0; n < n_end && k2 < 3; n++, k2++) {
        if (S_word(c, n) && S_is(c, n, S_W_ZUFOLGE)) {
            g->prep = S_f(c, n);
            g->prep_cls = S_t(c, n)->cls;
            break;
        }
        if (!S_word(c, n) || !S_upper(c, n))
            break;
    }
    g->nomok = !g->prep && !g->genitive && g->det != 'A' && g->det != 'D' &&
               g->det != 'G';
    if (genitive_form && !g->genitive) {
        /* Prenominal (Nordkoreas Soldaten): a noun must follow. */
        size_t n = first->t1;
        if (!(n < c->te && S_word(c, n) && S_upper(c, n)))
            g->nomok = 0;
    }
}

/* Groups of coordinated args within [b, e). */
static void S_groups(S_ctx *c, size_t b, size_t e, size_t *g0, size_t *g1)
{
    *g0 = c->n_groups;
    /* Clauses come in order, and args by their first token. */
    size_t a = c->arg_from;
    while (a < c->n_args && c->args[a].t0 < b)
        a++;
    c->arg_from = a;
    while (a < c->n_args && c->args[a].t1 <= e) {
        RG_GROW(c->groups, c->cap_groups, c->n_groups + 1);
        S_group *g = &c->groups[c->n_groups];   /* made in place */
        *g = (S_group){(uint32_t)a, (uint32_t)a + 1, c->args[a].t0,
                       c->args[a].t1, NULL, 0, 0, 0, 0};
        while (g->a1 < c->n_args && c->args[g->a1].t1 <= e) {
            /* Only und/oder/sowie, list commas and determiners between. */
            size_t t = c->args[g->a1 - 1].t1;
            int ok = 1, conj = 0;
            for (; t < c->args[g->a1].t0 && ok; t++) {
                const S_tok *tt = S_t(c, t);
                if (tt->k & S_T_SKIP)
                    continue;
                if ((tt->cls & S_W_LIST_CONJ) || (tt->k & S_T_LIST))
                    conj = 1;
                else if (!tt->det)
                    ok = 0;
            }
            if (!ok || !conj)
                break;
            g->t1 = c->args[g->a1].t1;
            g->a1++;
        }
        S_role(c, g, b);
        c->n_groups++;
        a = g->a1;
    }
    *g1 = c->n_groups;
}

/* ------------------------------------------------------------------ */
/* Verbs                                                               */
/* ------------------------------------------------------------------ */

/* Whether a word of the clause is one of the alternatives of pattern word
 * w of entry e (rg_verb_entry.alts). */
static int S_word_in_seg(const S_ctx *c, const S_seg *s, const rg_verb_entry *e,
                         size_t w)
{
    const rg_verb_alt *a0 = &e->alts[e->alt_first[w]];
    const rg_verb_alt *a1 = &e->alts[e->alt_first[w + 1]];
    const rg_tokens *toks = c->toks;
    const uint64_t *bytes = &e->alt_bytes[4 * w];
    for (size_t i = s->b; i < s->e; i++) {
        if (!S_word(c, i))
            continue;
        const char *f = S_f(c, i);
        unsigned char b0 = (unsigned char)f[0];
        if (!((bytes[b0 / 64] >> (b0 % 64)) & 1))
            continue;   /* no alternative starts so */
        size_t n = toks->v[i].fold_len;
        for (const rg_verb_alt *a = a0; a < a1; a++) {
            if (a->prefix ? n >= a->len && (!a->len || f[0] == a->s[0]) &&
                                rg_i_verbs_same(f, a->s, a->len)
                          : a->hash == toks->hash[i] && n == a->len &&
                                rg_i_verbs_same(f, a->s, n))
                return 1;
        }
    }
    return 0;
}

/* The last word of the clause (its particle, if it has one). */
static size_t S_last_word(const S_ctx *c, const S_seg *s)
{
    for (size_t i = s->e; i > s->b; i--)
        if (!S_skip(c, i - 1) && S_word(c, i - 1))
            return i - 1;
    return (size_t)-1;
}

typedef struct S_pick {
    const rg_verb_entry *e;
    uint8_t flags;
    int rank;
} S_pick;

static int S_reciprocal(int relation)
{
    return relation == RG_REL_COOPERATE || relation == RG_REL_AGREE ||
           relation == RG_REL_MEET || relation == RG_REL_NEGOTIATE;
}

/* Emits source group x target group; returns how many. */
static int S_edges(S_ctx *c, const S_group *src, const S_group *dst,
                   const rg_verb_entry *e)
{
    int n = 0;
    for (size_t i = src->a0; i < src->a1; i++) {
        for (size_t j = dst->a0; j < dst->a1; j++) {
            uint32_t s = c->args[i].actor, t = c->args[j].actor;
            if (s == t)
                continue;
            /* Verb relations are emitted after every co-occurrence one,
             * sentence by sentence: a duplicate can only be among the
             * last entries, those of this sentence (scanning the whole
             * list made long documents quadratic). */
            int dup = 0;
            for (size_t k = c->out->n; k-- > 0 && !dup;) {
                const rg_relation *r = &c->out->v[k];
                if (r->kind != RG_KIND_RELATION || r->sentence != c->sentence)
                    break;
                dup = r->source == s && r->target == t && r->relation == e->relation;
            }
            n++;
            if (!dup)
                S_emit(c->out, s, t, c->sentence, c->sentence,
                       RG_KIND_RELATION, e->relation, e->lemma);
        }
    }
    return n;
}

/* Whether a word of clause s is in the classes cls. */
static int S_seg_has(const S_ctx *c, const S_seg *s, uint32_t cls)
{
    if (!(c->sent_cls & cls))
        return 0;   /* not in the sentence */
    for (size_t i = s->b; i < s->e; i++)
        if (S_word(c, i) && S_is(c, i, cls))
            return 1;
    return 0;
}

/*
 * The relations of one verb (token v of clause s, groups [g0, g1)) with
 * entry e; returns the number of pairs made.
 */
static int S_apply(S_ctx *c, S_seg *s, size_t g0, size_t g1, size_t v,
                   size_t fin, const rg_verb_entry *e, uint8_t flags,
                   int subj)
{
    (void)v;
    /* Passive: werden + participle; von/durch names the agent. */
    int passive = (flags & RG_VF_PARTICIPLE) && S_seg_has(c, s, S_W_PASSIVE);
    if (passive) {
        if (subj < 0)
            return 0;
        for (size_t g = g0; g < g1; g++) {
            if (c->groups[g].prep && (c->groups[g].prep_cls & S_W_AGENT))
                return S_edges(c, &c->groups[g], &c->groups[subj], e);
        }
        return 0;
    }
    if (subj < 0)
        return 0;
    const S_group *sg = &c->groups[subj];
    int made = 0;
    if (e->n_preps) {
        /* The preposition follows the verb and the subject: "Nach
         * Schätzungen ... schickt Pjöngjang Soldaten nach Russland". */
        size_t from = s->b;
        if (fin != (size_t)-1 && fin > from)
            from = fin;
        if (sg->t0 >= s->b && sg->t0 < s->e && sg->t1 > from)
            from = sg->t1;
        for (size_t i = from; i < s->e; i++) {
            if (S_skip(c, i) || !S_word(c, i))
                continue;
            int hit = 0;
            for (size_t p = 0; p < e->n_preps && !hit; p++)
                hit = e->prep_hash[p] == c->toks->hash[i] &&
                      !strcmp(S_f(c, i), e->preps[p]);
            if (!hit)
                continue;
            for (size_t g = g0; g < g1; g++) {
                if (c->groups[g].t0 > i && (int)g != subj) {
                    made += S_edges(c, sg, &c->groups[g], e);
                    break;
                }
            }
            if (made)
                return made;
        }
        return 0;
    }
    /* Objects: non-oblique groups after the finite verb (after the subject
     * in a verb-final clause) that are not the subject. */
    size_t from = fin != (size_t)-1 ? fin : sg->t1;
    for (size_t g = g0; g < g1; g++) {
        const S_group *og = &c->groups[g];
        if ((int)g == subj || og->prep)
            continue;
        int before = og->t0 < from;
        if (before && !(og->det == 'A' || og->det == 'D'))
            continue;
        made += S_edges(c, sg, og, e);
    }
    if (made)
        return made;
    /* Reciprocal: "Nordkorea und Russland haben ihre Beziehungen
     * ausgebaut", "sich Unterstützung zugesichert". */
    if (sg->a1 - sg->a0 >= 2 &&
        (S_reciprocal(e->relation) || S_seg_has(c, s, S_W_REFLEXIVE))) {
        S_group first = *sg, rest = *sg;
        first.a1 = first.a0 + 1;
        rest.a0 = sg->a0 + 1;
        made += S_edges(c, &first, &rest, e);
    }
    return made;
}

static int S_relative(const S_ctx *c, size_t r);
static int S_zu_clause(const S_ctx *c, const S_seg *s);

/* The clause's subject group (or -1) and its finite verb (or -1). */
static int S_subject(S_ctx *c, const S_seg *s, size_t g0, size_t g1,
                     size_t *fin_out)
{
    /* The first word of the clause (after the boundary). */
    size_t w0 = s->b;
    while (w0 < s->e && (S_skip(c, w0) || !S_word(c, w0)))
        w0++;
    size_t fin = (size_t)-1;
    /* Words that are neither an auxiliary nor a form are no finite verb:
     * only c->vt can hold it. */
    for (size_t q = S_vt_from(c, w0, s->q0); q < c->n_vt && c->tb + c->vt[q] < s->e;
         q++) {
        size_t i = c->tb + c->vt[q];
        const S_tok *t = S_t(c, i);
        if ((t->k & S_T_SKIP) || !(t->k & S_K_WORD))
            continue;
        if (t->cls & S_W_AUX) {
            fin = i;
            break;
        }
        int finite = (t->vfl & RG_VF_FINITE) != 0;
        if (!finite)
            continue;
        /* "zu liefern": a zu-infinitive, not the finite verb (the plural
         * "liefern" is both). */
        size_t zp = S_prev(c, i, w0);
        if (zp != (size_t)-1 && S_word(c, zp) && S_is(c, zp, S_W_ZU))
            finite = 0;
        if (finite && (!(t->k & S_K_UPPER) || i == w0)) {
            fin = i;
            break;
        }
    }
    /* Verb-final: a subordinator or a relative pronoun opens the clause
     * ("nach denen", "mit dem" after a comma). */
    int sub = 0;
    /* Only a sentence with such a word has such a clause. */
    if (c->sent_cls & (S_W_SUB | S_W_UMZU)) {
        for (size_t i = w0, k = 0; i < s->e && k < 3; i++, k++) {
            if (S_skip(c, i) || !S_word(c, i))
                continue;
            if (S_is(c, i, S_W_SUB)) {
                sub = 1;
                break;
            }
            if (S_is(c, i, S_W_UMZU) && S_zu_clause(c, s)) {
                sub = 2;   /* um ... zu: no subject of its own */
                break;
            }
        }
    }
    if (!sub && s->left == S_B_COMMA && w0 < s->e) {
        size_t r = S_is(c, w0, S_W_PREP) ? w0 + 1 : w0;
        if (r < s->e && S_relative(c, r))
            sub = 1;
    }
    if (sub == 1) {
        *fin_out = (size_t)-1;
        for (size_t g = g0; g < g1; g++)
            if (c->groups[g].nomok)
                return (int)g;
        return -1;
    }
    /* "und deshalb ... die Ukraine unterstützen": a coordinated clause
     * ending in an infinitive or participle shares the subject (and the
     * finite verb) of the clause before. */
    if (fin != (size_t)-1 && s->left == S_B_CONJ && fin == S_last_word(c, s) &&
        !S_is(c, fin, S_W_AUX)) {
        if (S_t(c, fin)->vfl & (RG_VF_INFINITIVE | RG_VF_PARTICIPLE | RG_VF_ZU))
            fin = (size_t)-1;
    }
    if (sub == 2)
        fin = (size_t)-1;   /* an infinitive clause has no finite verb */
    *fin_out = fin;
    if (fin == (size_t)-1)
        return -1;
    /* "Der Kreml wies ... zurück und beschuldigte die Ukraine": a clause
     * after und/oder/aber that begins with its finite verb has left out
     * the subject it shares with the clause before; the groups after the
     * verb are its objects. */
    if (s->left == S_B_CONJ && fin == w0)
        return -1;
    if (fin > w0) {
        /* Main clause: the prefield is one constituent. */
        int pp = S_is(c, w0, S_W_PREP | S_W_SUB);
        if (!pp) {
            for (size_t g = g0; g < g1; g++)
                if (c->groups[g].t0 < fin && c->groups[g].nomok)
                    return (int)g;
        }
    }
    for (size_t g = g0; g < g1; g++)
        if (c->groups[g].t0 > fin && c->groups[g].nomok)
            return (int)g;
    return -1;
}

/* Whether token r (after a comma, or a preposition after one) is a
 * relative pronoun rather than an article: "der Russland unterstützt",
 * "nach denen", but not "die russische Regierung", "mit dem Ziel". */
static int S_relative(const S_ctx *c, size_t r)
{
    if (S_is(c, r, S_W_ALWAYS_REL))
        return 1;
    if (!S_is(c, r, S_W_RELATIVE) || r + 1 >= c->te)
        return 0;
    size_t n = r + 1;
    if (S_word(c, n) && S_upper(c, n) && S_ment(c, n) == 0)
        return 0;
    return !S_adjective(c, n);
}

/* Whether the clause is a zu-infinitive. */
static int S_zu_clause(const S_ctx *c, const S_seg *s)
{
    if (!(c->sent_cls & S_W_ZU) && !(c->sent_vfl & RG_VF_ZU))
        return 0;   /* no "zu" and no zu-infinitive in the sentence */
    for (size_t i = s->b; i < s->e; i++) {
        const S_tok *t = S_t(c, i);
        if ((t->k & S_T_SKIP) || !(t->k & S_K_WORD))
            continue;
        if (t->vfl & RG_VF_ZU)
            return 1;
        if ((t->cls & S_W_ZU) && i + 1 < s->e) {
            if (S_k(c, i + 1, S_K_HITS) && !S_upper(c, i + 1))
                return 1;
        }
    }
    return 0;
}

/* Fills the control flags of clause s (asked only for the clause before a
 * zu-infinitive without a subject of its own). */
static void S_control(const S_ctx *c, S_seg *s)
{
    if (s->control_done)
        return;
    s->control_done = 1;
    for (size_t i = s->b; i < s->e; i++) {
        if (!S_word(c, i) || S_upper(c, i))
            continue;
        const char *f = S_f(c, i);
        size_t n = c->toks->v[i].fold_len;
        if (S_prefix_in(f, n, S_P_OBJECT_CONTROL))
            s->control_verb = 1;
        if (S_prefix_in(f, n, S_P_SUBJECT_CONTROL))
            s->subject_control = 1;
        if (S_prefix_in(f, n, S_P_NEGATING_CONTROL))
            s->negating = 1;
    }
}

/* The groups of clause si and its own subject and finite verb.  Clauses
 * may be asked out of order (S_state): then the groups' search for the
 * clause's first arg starts over. */
static void S_own(S_ctx *c, size_t si)
{
    S_seg *s = &c->segs[si];
    if (s->b < c->arg_b)
        c->arg_from = 0;
    c->arg_b = s->b;
    size_t g0, g1;
    S_groups(c, s->b, s->e, &g0, &g1);
    s->g0 = (uint32_t)g0;
    s->g1 = (uint32_t)g1;
    s->fin = (size_t)-1;
    /* Without a group of its own a clause has no subject of its own
     * (S_subject picks one of them): its finite verb is looked for only
     * when it takes a subject from the clause before (S_clause). */
    s->own = s->g1 > s->g0 ? S_subject(c, s, s->g0, s->g1, &s->fin) : -1;
}

/* Takes clause si's subject from the clause before when it has none of
 * its own, and finds its controller; the clause before is final. */
static void S_inherit(S_ctx *c, size_t si)
{
    S_seg *s = &c->segs[si];
    int subj = s->own;
    /* Control and coordination: a clause without a subject of its own.  A
     * zu-infinitive takes the object of erlauben, auffordern ..., the
     * subject of ankündigen, versprechen ... or of a clause without an
     * object; after any other verb with an object ("warnte China davor,
     * Russland zu unterstützen", "beschuldigte die Ukraine, ... zu") its
     * subject is not decided, and after sich weigern there is none.  When
     * the clause before has neither a subject nor a controller, every
     * case leaves none. */
    if (subj < 0 && si > 0 &&
        (c->segs[si - 1].ctrl >= 0 || c->segs[si - 1].subj >= 0)) {
        S_seg *p = &c->segs[si - 1];
        int zu = S_zu_clause(c, s);
        if (zu)
            S_control(c, p);
        if (zu && p->negating)
            subj = -1;
        else if (zu && p->control_verb && p->ctrl >= 0)
            subj = p->ctrl;
        else if (zu && p->ctrl >= 0 && !p->subject_control)
            subj = -1;
        else if (zu || s->left == S_B_CONJ)
            subj = p->subj;
    }
    s->subj = subj;
    /* The first non-oblique group other than the subject: the controller
     * of a following zu-infinitive after erlauben, auffordern ... */
    for (size_t g = s->g0; g < s->g1; g++)
        if ((int)g != subj && !c->groups[g].prep) {
            s->ctrl = (int)g;
            break;
        }
    s->state_done = 1;
}

/*
 * Makes clause si's subject and controller final.  Only clauses with a
 * form make relations (S_clause); the others are worked out only when a
 * later one takes its subject from them: back from si while a clause has
 * no subject of its own, then forward, each from the one before.
 */
static void S_state(S_ctx *c, size_t si)
{
    if (c->segs[si].state_done)
        return;
    size_t k = si;
    for (;;) {
        S_own(c, k);
        if (c->segs[k].own >= 0 || k == 0 || c->segs[k - 1].state_done)
            break;
        k--;
    }
    for (; k <= si; k++)
        S_inherit(c, k);
}

static void S_clause(S_ctx *c, size_t si)
{
    S_state(c, si);
    S_seg *s = &c->segs[si];
    size_t g0 = s->g0, g1 = s->g1;
    size_t fin = s->fin;
    int subj = s->subj;
    /* No subject, no relation (S_apply).  Nor without a target: every
     * target is a group of the clause other than the subject (which never
     * has a preposition, so it is no passive's agent either), or another
     * member of a coordinated subject (reciprocal). */
    if (subj < 0)
        return;
    size_t others = g1 - g0;
    if ((size_t)subj >= g0 && (size_t)subj < g1)
        others--;
    if (!others && c->groups[subj].a1 - c->groups[subj].a0 < 2)
        return;
    if (g1 == g0) {
        size_t f2;
        (void)S_subject(c, s, g0, g1, &f2);
        fin = f2;
    }

    size_t last = (size_t)-1, w0 = (size_t)-1;
    int last_done = 0;
    S_pick picks[32];
    for (size_t q = s->q0; q < c->n_vt && c->tb + c->vt[q] < s->e;
         q++) {
        size_t v = c->tb + c->vt[q];
        const S_tok *t = S_t(c, v);
        /* Only a form of the lexicon can make a relation. */
        if (!(t->k & S_K_HITS) || (t->k & S_T_SKIP) || !(t->k & S_K_WORD))
            continue;
        if ((t->k & S_K_UPPER) && v != s->b && !(t->k & S_K_ALLCAPS)) {
            /* Capitalised: a noun (Treffen), unless the clause starts here. */
            if (w0 == (size_t)-1) {
                w0 = s->b;
                while (w0 < s->e && (S_skip(c, w0) || !S_word(c, w0)))
                    w0++;
            }
            if (w0 != v)
                continue;
        }
        if (S_ment(c, v))
            continue;
        if (!last_done) {
            last = S_last_word(c, s);
            last_done = 1;
        }
        const rg_verb_word *vw =
            c->tok_id ? &c->wtab->word[c->vverb[c->tok_id[v]] - 1]
                      : rg_i_verbs_word(c->verbs, S_f(c, v),
                                        c->toks->v[v].fold_len,
                                        c->toks->hash[v]);
        size_t nh = vw->n_hits;
        const rg_verb_hit *h = vw->hits;
        size_t np = 0;
        for (size_t k = 0; k < nh && np < 32; k++) {
            const rg_verb_entry *e = rg_i_verbs_entry(c->verbs, h[k].entry);
            uint8_t fl = h[k].flags;
            int split_only = (fl & RG_VF_SPLIT) != 0;
            if (*e->particle) {
                if (split_only &&
                    (last == v || last == (size_t)-1 ||
                     strcmp(S_f(c, last), e->particle)))
                    continue;
            } else if ((fl & RG_VF_FINITE) && last != (size_t)-1 && last != v &&
                       S_is(c, last, S_W_PARTICLE) && fin == v &&
                       S_ment(c, last) == 0) {
                continue;   /* "teilte ... mit" is mitteilen, not teilen */
            }
            int ok = 1;
            for (size_t w = 0; w < e->n_words && ok; w++)
                ok = S_word_in_seg(c, s, e, w);
            if (ok && e->reflexive)
                ok = S_seg_has(c, s, S_W_REFLEXIVE);
            if (!ok)
                continue;
            int rank = (*e->particle ? 8 : 0) + (e->n_words ? 4 : 0) +
                       (e->n_preps ? 2 : 0) + (e->reflexive ? 1 : 0);
            /* By rank, highest first; equal ranks keep the lexicon's
             * order (a stable insertion: there are few). */
            size_t at = np;
            while (at > 0 && picks[at - 1].rank < rank) {
                picks[at] = picks[at - 1];
                at--;
            }
            picks[at] = (S_pick){e, fl, rank};
            np++;
        }
        for (size_t k = 0; k < np; k++)
            if (S_apply(c, s, g0, g1, v, fin, picks[k].e, picks[k].flags, subj))
                break;
    }
}

/* Whether mentions [m0, m1) name two different actors that can be
 * arguments (persons, organisations, states).  Every verb relation joins
 * two different arguments (S_edges), so a sentence without them has none,
 * and its clause analysis — most of this stage — can be left out. */
static int S_two_arguments(const rg_mentions *m, size_t m0, size_t m1)
{
    uint32_t first = UINT32_MAX;
    for (size_t i = m0; i < m1; i++) {
        int type = m->v[i].type;
        if (type != RG_TYPE_PERSON && type != RG_TYPE_ORGANIZATION &&
            type != RG_TYPE_COUNTRY)
            continue;
        if (first == UINT32_MAX)
            first = m->v[i].actor;
        else if (m->v[i].actor != first)
            return 1;
    }
    return 0;
}

static void S_verb_relations(S_ctx *c, const rg_mentions *m, size_t m0,
                             size_t m1)
{
    /* A relation is made by a form of the lexicon (S_clause's picks):
     * without one, the rest of the analysis cannot make any.  The form
     * filter rules most such sentences out at a few instructions a token
     * (and lets the others through at their first possible form). */
    size_t f = c->tb;
    if (c->tok_id) {
        /* Exact, eight tokens at a time: a form has its class bit in the
         * token's class byte (rg_i_gazetteer_ids). */
        f = rg_i_wc_next(c->tok_cls, f, c->te, RG_WC_VERB_FORM);
    } else {
        const uint64_t *hash = c->toks->hash;
        while (f < c->te && !rg_i_verbs_maybe_form(c->wtab, hash[f]))
            f++;
    }
    if (f == c->te)
        return;
    if (!S_classify(c))
        return;
    /* Each mention's tokens (rg_mention.tok_begin, tok_end) lie within its
     * sentence's: mentions.c and discover.c match sentence by sentence. */
    /* Locals: the stores below may alias the context's fields. */
    const size_t tb = c->tb, te = c->te;
    int32_t *ment = c->ment;
    memset(ment, 0, (te - tb) * sizeof(*ment));
    for (size_t i = m0; i < m1; i++) {
        /* Mentions first (list commas need them), then asides, then args
         * (asides are no arguments). */
        int32_t a = (int32_t)m->v[i].actor + 1;
        for (size_t t = m->v[i].tok_begin; t < m->v[i].tok_end; t++)
            ment[t - tb] = a;
    }
    /* (A form inside a mention is no verb (S_clause), but a test for one
     * outside here ruled out no sentence of the corpora we measure: the
     * clause loop below asks it of each clause anyway.) */
    S_tag_tokens(c);
    S_find_args(c, m, m0, m1);
    c->n_groups = 0;
    /* Two different actors among the arguments, or no relation (S_edges). */
    int two = 0;
    for (size_t i = 1; i < c->n_args && !two; i++)
        two = c->args[i].actor != c->args[0].actor;
    if (two) {
        c->arg_from = 0;
        c->arg_b = 0;
        S_split_clauses(c);
        /* Only a clause with a form can make a relation (S_clause's
         * picks); the state of the others follows when needed.  Nor can
         * one whose subject and targets cannot be two different groups'
         * or a coordinated subject's members (S_clause's first tests): a
         * clause's groups are made of its own args (S_groups: from the
         * first with t0 >= b while t1 <= e), and a subject it does not
         * find there comes from a clause before it (S_inherit).  So
         * without args before it, a clause with at most one arg has at
         * most one group, its own subject or none, and no target; and a
         * clause without args needs a coordinated subject from before,
         * which only a clause with two args or more can have. */
        size_t a = 0;
        int coord_before = 0;   /* a clause before with two args or more */
        for (size_t i = 0; i < c->n_segs; i++) {
            const S_seg *sg = &c->segs[i];
            while (a < c->n_args && c->args[a].t0 < sg->b)
                a++;
            size_t own = 0;
            while (a + own < c->n_args && own < 2 &&
                   c->args[a + own].t1 <= sg->e)
                own++;
            int hopeless = own == 0 ? !coord_before : own == 1 && a == 0;
            if (own >= 2)
                coord_before = 1;
            if (hopeless)
                continue;
            for (size_t q = sg->q0; q < c->n_vt && c->tb + c->vt[q] < sg->e;
                 q++)
                if ((c->tk[c->vt[q]].k & S_K_FORM_OK) && !c->ment[c->vt[q]]) {
                    S_clause(c, i);
                    break;
                }
        }
    }
}

void rg_i_find_relations(rg_relation_list *out, const rg_mentions *m,
                         const rg_sentences *s, const rg_tokens *toks,
                         const rg_dict *d, const rg_options *o)
{
    out->n = 0;
    if (m->n < 2)
        return;   /* no pair, no relation */
    rg_relations which = o ? o->relations : RG_REL_COOCCURRENCE;
    /* The sentences with two mentions or more (S_runs). */
    uint32_t *st = rg_i_xmalloc((2 * m->n + 3) * sizeof(*st));
    uint32_t *run = st + m->n + 1;
    size_t nr = S_runs(m, st, run);
    if (which & RG_REL_COOCCURRENCE)
        S_cooccurrence(out, m, s, o, run, nr);
    /* No word table before the lexicon is finished: then no form is
     * known, and no relation can be made. */
    const rg_verb_wtab *wtab = (which & RG_REL_VERBS) && d && d->verbs && toks
                                   ? rg_i_verbs_wtab(d->verbs)
                                   : NULL;
    if (!wtab) {
        free(st);
        return;
    }
    S_ctx c = {0};
    c.toks = toks;
    c.d = d;
    c.m = m;
    c.verbs = d->verbs;
    c.wtab = wtab;
    c.out = out;
    /* The mention stage's lookup of every token answers for the word
     * table too, when it was made for these tokens with this table. */
    const rg_verb_wtab *gw = NULL;
    const uint32_t *vverb = rg_i_gazetteer_verb_words(d->gaz, &gw);
    if (vverb && gw == wtab && m->tok_id && m->tok_n == toks->n) {
        c.tok_id = m->tok_id;
        c.tok_cls = m->tok_cls;
        c.vpacked = rg_i_gazetteer_verb_packed(d->gaz);
        c.vverb = vverb;
    }
    pthread_once(&S_pl_once, S_pl_build_all);
    /* The per-token arrays, once for the longest sentence. */
    size_t longest = 1;
    for (size_t k = 0; k < s->n; k++)
        if (s->v[k].tok_end > s->v[k].tok_begin &&
            s->v[k].tok_end - s->v[k].tok_begin > longest)
            longest = s->v[k].tok_end - s->v[k].tok_begin;
    RG_GROW(c.tk, c.cap_tk, longest);
    RG_GROW(c.vt, c.cap_vt, longest);
    RG_GROW(c.bt, c.cap_bt, longest);
    RG_GROW(c.ht, c.cap_ht, longest);
    RG_GROW(c.hp, c.cap_hp, longest);
    RG_GROW(c.ment, c.cap_ment, longest);
    for (size_t r = 0; r < nr; r++) {
        size_t i = run[2 * r], j = run[2 * r + 1];
        uint32_t sent = m->v[i].sentence;
        if (sent < s->n && S_two_arguments(m, i, j)) {
            c.tb = s->v[sent].tok_begin;
            c.te = s->v[sent].tok_end;
            c.sentence = sent;
            S_verb_relations(&c, m, i, j);
        }
    }
    free(st);
    free(c.args);
    free(c.groups);
    free(c.segs);
    free(c.tk);
    free(c.vt);
    free(c.ment);
    free(c.bt);
    free(c.ht);
    free(c.hp);
}
