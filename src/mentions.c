/*
 * mentions.c — stage 4: the gazetteer's matches in each sentence become
 * actor mentions with a byte span and a form.
 *
 * The form is the alias's own, except that a match glued by a hyphen to a
 * word outside it is a compound ("NATO-Generalsekretär" -> NATO; the
 * hyphen inside "Kim Jong-un" is part of the alias and does not count).
 * A match with several readings is decided by context here: the venue rule
 * for capitals and surname resolution within the document (mentions.h).
 * Hands on rg_mention records, in text order, to relations.c and to the
 * --mentions table.
 */
#include "mentions.h"
#include "discover.h"

#include <stdlib.h>
#include <string.h>

void rg_i_mentions_init(rg_mentions *m)
{
    memset(m, 0, sizeof(*m));
    m->forms = RG_FORMS_ALL;
}

void rg_i_mentions_destroy(rg_mentions *m)
{
    free(m->v);
    free(m->scratch.v);
    free(m->seen);
    free(m->found);
    free(m->tok_id);
    free(m->tok_cls);
    rg_i_buf_destroy(&m->found_text);
    rg_i_discover_free(m->disc_scratch);
    memset(m, 0, sizeof(*m));
}

/* mentions.c's word classes in the gazetteer's vocabulary (read by id:
 * asked of the words before a metonym only). */
enum {
    S_W_VENUE = RG_WC_BY_ID << 6,      /* S_venue_preps */
    S_W_GOVERNMENT = RG_WC_BY_ID << 7  /* S_government */
};

/* Whether token i's fold is a word of the classes `cls` (its id's). */
static int S_word_is(const rg_mentions *m, const uint16_t *vcls, size_t i,
                     uint16_t cls)
{
    int32_t id = m->tok_id[i];
    return id >= 0 && (vcls[id] & cls);
}

/* Prepositions after which a capital is a place: "in Brüssel", "nach
 * Moskau".  Not "von", which also marks the agent ("von Moskau
 * unterstützt"), nor "gegen", "mit", "zwischen" (parties, not places). */
static const rg_word S_venue_preps[] = {
    RG_WORD("in"),  RG_WORD("im"), RG_WORD("nach"), RG_WORD("aus"),
    RG_WORD("bei"), RG_WORD("ab"), RG_WORD("bis")};

/* Words for a government before such a preposition: "das Regime in
 * Pjöngjang" is North Korea's government, not a place. */
static const rg_word S_government[] = {
    RG_WORD("regierung"),     RG_WORD("regierungen"),  RG_WORD("regime"),
    RG_WORD("regimes"),       RG_WORD("führung"),      RG_WORD("führungen"),
    RG_WORD("staatsführung"), RG_WORD("machthaber"),   RG_WORD("machthabern"),
    RG_WORD("administration"), RG_WORD("machtzentrale"), RG_WORD("staatsspitze"),
    RG_WORD("staatsmacht")};

void rg_i_mentions_words(rg_gazetteer *g)
{
    for (size_t k = 0; k < RG_COUNT(S_venue_preps); k++)
        rg_i_gazetteer_add_class(g, S_venue_preps[k].s, S_venue_preps[k].len,
                                 S_W_VENUE);
    for (size_t k = 0; k < RG_COUNT(S_government); k++)
        rg_i_gazetteer_add_class(g, S_government[k].s, S_government[k].len,
                                 S_W_GOVERNMENT);
}

/* Whether a metonym match stands for a place here (see mentions.h). */
static int S_venue(const rg_mentions *m, const uint16_t *vcls,
                   const rg_tokens *toks, const rg_sentence *sent,
                   const rg_match *mt, int has_place)
{
    const rg_token *first = &toks->v[mt->tok_begin];
    const rg_token *last = &toks->v[mt->tok_end - 1];
    /* "Moskau-Reise" is the place, but "Kreml-Sprecher" the government. */
    if ((first->flags & RG_TF_HYPHEN_BEFORE) ||
        (last->flags & RG_TF_HYPHEN_AFTER))
        return has_place;
    if (mt->tok_begin > sent->tok_begin &&
        S_word_is(m, vcls, mt->tok_begin - 1, S_W_VENUE))
        return !(mt->tok_begin - 1 > sent->tok_begin &&
                 S_word_is(m, vcls, mt->tok_begin - 2, S_W_GOVERNMENT));
    /* A dateline: "BERLIN (dpa) -", "Kiew/Moskau (AFP) –". */
    if ((first->flags & RG_TF_NEWLINE_BEFORE) && mt->tok_end < toks->n) {
        const rg_token *next = &toks->v[mt->tok_end];
        const char *f = rg_i_token_fold(toks, mt->tok_end);
        if (next->kind == RG_TOK_PUNCT && (!strcmp(f, "(") || !strcmp(f, "/")))
            return 1;
    }
    return 0;
}

static uint8_t S_form(const rg_tokens *toks, const rg_match *mt, uint8_t form)
{
    const rg_token *first = &toks->v[mt->tok_begin];
    const rg_token *last = &toks->v[mt->tok_end - 1];
    if ((first->flags & RG_TF_HYPHEN_BEFORE) ||
        (last->flags & RG_TF_HYPHEN_AFTER))
        return RG_FORM_COMPOUND;
    return form;
}

/*
 * The reading a match stands for here, or NULL to leave it out (a venue
 * without a place reading; an ambiguous short name not resolved, which
 * counts in m->unresolved).  See mentions.h for the rules.
 */
static const rg_cand *S_choose(rg_mentions *m, const rg_cand *cands,
                               const uint16_t *vcls, const rg_tokens *toks,
                               const rg_sentence *sent, const rg_match *mt)
{
    const rg_cand *head = &cands[mt->cand];
    if (head->next == RG_NO_CAND)   /* the usual case: one reading */
        return head->form == RG_FORM_METONYM && S_venue(m, vcls, toks, sent, mt, 0)
                   ? NULL
                   : head;

    const rg_cand *place = NULL, *metonym = NULL;
    size_t n_short = 0;
    for (uint32_t i = mt->cand; i != RG_NO_CAND;) {
        const rg_cand *c = &cands[i];
        if (c->type == RG_TYPE_LOCATION && !place)
            place = c;
        if (c->form == RG_FORM_METONYM && !metonym)
            metonym = c;
        n_short += c->form == RG_FORM_SHORT;
        i = c->next;
    }
    if (metonym)
        return S_venue(m, vcls, toks, sent, mt, place != NULL) ? place : metonym;
    if (n_short < 2)
        return head;   /* last loaded wins */

    /* An ambiguous short name: the reading mentioned last before it. */
    const rg_cand *best = NULL;
    uint32_t best_seen = 0;
    for (uint32_t i = mt->cand; i != RG_NO_CAND;) {
        const rg_cand *c = &cands[i];
        uint32_t actor = c->actor;
        if (c->form == RG_FORM_SHORT && m->seen[actor] > best_seen) {
            best_seen = m->seen[actor];
            best = c;
        }
        i = c->next;
    }
    if (best)
        return best;
    /* Nobody named before: a name shared by organisations ("Union") has a
     * default, the reading listed first; one shared by persons has none. */
    const rg_cand *first = NULL;
    for (uint32_t i = mt->cand; i != RG_NO_CAND;) {
        const rg_cand *c = &cands[i];
        if (c->form == RG_FORM_SHORT) {
            if (c->type == RG_TYPE_PERSON) {
                m->unresolved++;
                return NULL;
            }
            if (!first || c->alias < first->alias)
                first = c;
        }
        i = c->next;
    }
    return first;
}

void rg_i_find_mentions(rg_mentions *out, const rg_dict *d,
                        const rg_tokens *toks, const rg_sentences *sents)
{
    out->n = 0;
    out->unresolved = 0;
    out->n_found = 0;
    out->tok_n = 0;
    rg_i_buf_reset(&out->found_text);
    if (!d->gaz)
        return;   /* not finished: nothing can match */
    if (out->n_seen < d->n_actors) {
        free(out->seen);
        out->seen = rg_i_xcalloc(d->n_actors, sizeof(*out->seen));
        out->n_seen = d->n_actors;
    }
    /* One lookup per token, for matching and discovery. */
    if (out->cap_tok_id < toks->n || !out->tok_cls) {
        RG_GROW(out->tok_id, out->cap_tok_id, toks->n);
        out->tok_cls = rg_i_xrealloc(out->tok_cls, out->cap_tok_id + RG_WC_PAD);
    }
    rg_i_gazetteer_ids(d->gaz, toks, out->tok_id, out->tok_cls);
    /* Bytes of no class after the last: matching and discovery read the
     * class bytes 8 or 16 at a time up to the end. */
    memset(out->tok_cls + toks->n, 0, RG_WC_PAD);
    out->tok_n = toks->n;
    /* The matches of every sentence, in order, in one pass over the
     * document's class bytes. */
    out->scratch.n = 0;
    rg_i_gazetteer_match_doc(d->gaz, out->tok_id, out->tok_cls, toks->n, sents,
                             &out->scratch);
    const rg_cand *cands = rg_i_gazetteer_cands(d->gaz);
    const uint16_t *vcls = rg_i_gazetteer_word_classes(d->gaz);
    /* At most a mention per match: room for them first, and the arrays
     * and the count in locals over the loop (its stores could otherwise
     * change them as far as the compiler knows). */
    RG_GROW(out->v, out->cap, out->scratch.n);
    rg_mention *mv = out->v;
    size_t mn = 0;
    uint32_t *seen = out->seen;
    const rg_token *tv = toks->v;
    const rg_match *matches = out->scratch.v;
    for (size_t i = 0, nm = out->scratch.n; i < nm; i++) {
        const rg_match *mt = &matches[i];
        size_t s = mt->sentence;
        const rg_sentence *sent = &sents->v[s];
        const rg_cand *c = S_choose(out, cands, vcls, toks, sent, mt);
        if (!c)
            continue;
        uint32_t actor = c->actor;
        /* Colour coalitions of German politics are named after flags:
         * "Jamaika-Koalition", "Kenia-Koalition" are no states. */
        uint8_t type = c->type;
        if (type == RG_TYPE_COUNTRY &&
            (tv[mt->tok_end - 1].flags & RG_TF_HYPHEN_AFTER) &&
            mt->tok_end + 1 < toks->n &&
            strncmp(rg_i_token_fold(toks, mt->tok_end + 1), "koalition",
                    9) == 0)
            continue;
        mv[mn++] = (rg_mention){
            .sentence = (uint32_t)s,
            .start = tv[mt->tok_begin].start,
            .end = tv[mt->tok_end - 1].end,
            .actor = actor,
            .tok_begin = mt->tok_begin,
            .tok_end = mt->tok_end,
            .form = S_form(toks, mt, c->form),
            .type = type,
        };
        seen[actor] = (uint32_t)mn;
    }
    out->n = mn;
    if (out->discover)
        rg_i_discover(out, d, toks, sents);
    /* Forget this document's actors (only those seen: the table may be
     * large) and keep the selected forms. */
    _Static_assert(RG_FORM_COUNT <= 8, "RG_FORMS_ALL holds every form");
    if ((out->forms & RG_FORMS_ALL) == RG_FORMS_ALL) {
        /* Every form kept (the default): nothing to move. */
        for (size_t i = 0; i < out->n; i++)
            if (out->v[i].actor < out->n_seen)
                out->seen[out->v[i].actor] = 0;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (out->v[i].actor < out->n_seen)
            out->seen[out->v[i].actor] = 0;
        if (out->forms & (1u << out->v[i].form))
            out->v[k++] = out->v[i];
    }
    out->n = k;
}
