/*
 * test_verbs.c — the verb lexicon: forms generated from the lemma (weak,
 * strong, separable, participles, zu-infinitives), lookup by folded word,
 * the verbs.tsv loader's file:line errors, and the shipped lexicon.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "support.h"
#include "verbs.h"

static rg_verbs *V;

static void setup(void)
{
    V = rg_i_verbs_new();
}

static void teardown(void)
{
    rg_i_verbs_free(V);
}

TestSuite(verbs, .init = setup, .fini = teardown);

/* Adds a line "lemma class particle forms pattern". */
static void S_line(const char *lemma, const char *cls, const char *particle,
                   const char *forms, const char *pattern)
{
    char a[64], b[64], c[64], d[128], e[256];
    snprintf(a, sizeof(a), "%s", lemma);
    snprintf(b, sizeof(b), "%s", cls);
    snprintf(c, sizeof(c), "%s", particle);
    snprintf(d, sizeof(d), "%s", forms);
    snprintf(e, sizeof(e), "%s", pattern);
    char *f[5] = {a, b, c, d, e};
    cr_assert_eq(rg_i_verbs_line(V, NULL, "t.tsv:1", f, 5), 0, "%s", lemma);
}

/* The flags of `word` for the entry with lemma `lemma`, 0 when none. */
static int S_flags(const char *word, const char *lemma)
{
    size_t n;
    const rg_verb_hit *h = rg_i_verbs_lookup(V, word, strlen(word), &n);
    int flags = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(rg_i_verbs_entry(V, h[i].entry)->lemma, lemma))
            flags |= h[i].flags;
    return flags;
}

Test(verbs, weak_verbs_by_rule)
{
    S_line("warnen", "warn", "", "", "");
    S_line("berichten", "inform", "", "", "");
    S_line("kritisieren", "criticize", "", "", "");
    S_line("unterzeichnen", "agree", "", "", "");
    S_line("verhandeln", "negotiate", "", "", ">mit");
    cr_assert_eq(rg_i_verbs_finish(V, NULL), RG_OK);
    cr_expect_eq(rg_i_verbs_count(V), 5);
    const char *finite[] = {"warne", "warnst", "warnt", "warnen", "warnte",
                            "warnten", "berichtet", "berichtete",
                            "kritisiert", "kritisierte", "unterzeichnet",
                            "unterzeichnete", "verhandelt", "verhandelten"};
    for (size_t i = 0; i < sizeof(finite) / sizeof(*finite); i++) {
        const char *lemma = finite[i][0] == 'w'   ? "warnen"
                            : finite[i][0] == 'b' ? "berichten"
                            : finite[i][0] == 'k' ? "kritisieren"
                            : finite[i][0] == 'u' ? "unterzeichnen"
                                                  : "verhandeln";
        cr_expect(S_flags(finite[i], lemma) & RG_VF_FINITE, "%s", finite[i]);
    }
    /* participles: ge- unless inseparable or -ieren */
    cr_expect(S_flags("gewarnt", "warnen") & RG_VF_PARTICIPLE);
    cr_expect(S_flags("berichtet", "berichten") & RG_VF_PARTICIPLE);
    cr_expect(S_flags("kritisiert", "kritisieren") & RG_VF_PARTICIPLE);
    cr_expect(S_flags("unterzeichnet", "unterzeichnen") & RG_VF_PARTICIPLE);
    cr_expect_eq(S_flags("gekritisiert", "kritisieren"), 0);
    cr_expect_eq(S_flags("geberichtet", "berichten"), 0);
    cr_expect(S_flags("warnen", "warnen") & RG_VF_INFINITIVE);
    cr_expect_eq(S_flags("warnt", "warnen") & RG_VF_PARTICIPLE, 0);
    /* the pattern */
    size_t n;
    const rg_verb_hit *h = rg_i_verbs_lookup(V, "verhandelt", 10, &n);
    cr_assert_eq(n, 1);
    const rg_verb_entry *e = rg_i_verbs_entry(V, h[0].entry);
    cr_expect_eq(e->n_preps, 1);
    cr_expect_str_eq(e->preps[0], "mit");
}

Test(verbs, strong_verbs_from_their_principal_parts)
{
    S_line("treffen", "meet", "", "trifft traf getroffen träfe", "");
    S_line("senden", "deploy", "", "sendet sandte gesandt sendete", ">nach");
    cr_assert_eq(rg_i_verbs_finish(V, NULL), RG_OK);
    const char *t[] = {"treffe", "triffst", "trifft", "trefft", "treffen",
                       "traf", "trafst", "trafen", "träfe"};
    for (size_t i = 0; i < sizeof(t) / sizeof(*t); i++)
        cr_expect(S_flags(t[i], "treffen") & RG_VF_FINITE, "%s", t[i]);
    cr_expect(S_flags("getroffen", "treffen") & RG_VF_PARTICIPLE);
    cr_expect_eq(S_flags("getrefft", "treffen"), 0);
    cr_expect_eq(S_flags("treffte", "treffen"), 0);
    cr_expect(S_flags("sandte", "senden") & RG_VF_FINITE);
    cr_expect(S_flags("sandten", "senden") & RG_VF_FINITE);
    cr_expect(S_flags("sendete", "senden") & RG_VF_FINITE);
    cr_expect(S_flags("gesandt", "senden") & RG_VF_PARTICIPLE);
}

Test(verbs, separable_verbs)
{
    S_line("einbestellen", "summon", "ein", "", "");
    S_line("angreifen", "attack", "an", "greift griff gegriffen", "");
    cr_assert_eq(rg_i_verbs_finish(V, NULL), RG_OK);
    /* main clause: the bare form, the particle closes the clause */
    int f = S_flags("bestellte", "einbestellen");
    cr_expect((f & RG_VF_FINITE) && (f & RG_VF_SPLIT));
    f = S_flags("greift", "angreifen");
    cr_expect((f & RG_VF_FINITE) && (f & RG_VF_SPLIT));
    cr_expect(S_flags("griffen", "angreifen") & RG_VF_SPLIT);
    /* subordinate clause: glued */
    f = S_flags("einbestellte", "einbestellen");
    cr_expect((f & RG_VF_FINITE) && !(f & RG_VF_SPLIT));
    cr_expect(S_flags("angreift", "angreifen") & RG_VF_FINITE);
    /* participle and zu-infinitive */
    cr_expect(S_flags("einbestellt", "einbestellen") & RG_VF_PARTICIPLE);
    cr_expect_eq(S_flags("eingebestellt", "einbestellen"), 0);
    cr_expect(S_flags("angegriffen", "angreifen") & RG_VF_PARTICIPLE);
    cr_expect(S_flags("einzubestellen", "einbestellen") & RG_VF_ZU);
    cr_expect(S_flags("anzugreifen", "angreifen") & RG_VF_ZU);
    cr_expect(S_flags("angreifen", "angreifen") & RG_VF_INFINITIVE);
}

Test(verbs, lookup_uses_the_tokenizer_fold)
{
    S_line("beschießen", "attack", "", "beschießt beschoss beschossen", "");
    S_line("Begrüßen", "support", "", "", "");
    cr_assert_eq(rg_i_verbs_finish(V, NULL), RG_OK);
    cr_expect(S_flags("beschiesst", "beschießen") & RG_VF_FINITE);
    cr_expect(S_flags("beschossen", "beschießen") & RG_VF_PARTICIPLE);
    cr_expect(S_flags("begrüsst", "Begrüßen") & RG_VF_FINITE);
    size_t n;
    cr_expect_null(rg_i_verbs_lookup(V, "beschießt", strlen("beschießt"), &n));
    cr_expect_eq(n, 0);
}

/* ------------------------------------------------------------------ */
/* The loader                                                          */
/* ------------------------------------------------------------------ */

typedef struct S_msgs {
    char text[4096];
} S_msgs;

static void S_collect(void *data, rg_level level, const char *where,
                      const char *what)
{
    (void)level;
    S_msgs *m = data;
    size_t k = strlen(m->text);
    snprintf(m->text + k, sizeof(m->text) - k, "%s: %s\n", where, what);
}

Test(verbs, loader_reports_file_and_line)
{
    char *dir = rgt_tmpdir();
    char *path = rgt_path(dir, "verbs.tsv");
    rgt_write_file(path,
                   "# comment\n"
                   "lemma\tclass\tparticle\tforms\tpattern\n"
                   "warnen\twarn\n"
                   "warnen\twarnung\n"
                   "bestellen\tsummon\tein\n"
                   "Krieg\tfight\n"
                   "treffen\tmeet\t\ttrifft traf\n"
                   "drohen\tthreaten\t\t\t>gegen| x*y\n"
                   "drohen\n"
                   "zwei worte\tother\n");
    S_msgs m = {{0}};
    rg_diag diag = {S_collect, &m};
    rg_dict *d = rg_dict_new();
    cr_expect_eq(rg_dict_load(d, path, &diag), RG_EPARSE);
    static const char *const msgs[] = {
        "4: unknown class 'warnung' (expected warn, threaten, deploy, supply, "
        "support, cooperate, agree, condemn, criticize, sanction, demand, "
        "summon, attack, fight, meet, inform, deny, accuse, negotiate, other)",
        "5: particle 'ein' does not begin the lemma 'bestellen'",
        "6: lemma 'Krieg' is not an infinitive (ends in -en or -n)",
        "7: forms 'trifft traf': expected the 3rd person present, the past "
        "and the participle ('-' for the regular one), then any extra forms",
        "8: pattern item '>gegen|' (expected a word, word* for a prefix, a|b "
        "for either, >preposition for the target, or sich)",
        "9: expected 2 to 5 tab-separated fields (lemma, class, particle, "
        "forms, pattern), found 1",
        "10: lemma 'zwei worte' is not one word (the infinitive, with its "
        "separable particle: einbestellen)"};
    char want[4096] = "";
    for (size_t i = 0; i < sizeof(msgs) / sizeof(*msgs); i++) {
        size_t k = strlen(want);
        snprintf(want + k, sizeof(want) - k, "%s:%s\n", path, msgs[i]);
    }
    cr_expect_str_eq(m.text, want);
    cr_expect_eq(rg_i_verbs_count(d->verbs), 1, "the good line is kept");
    rg_dict_free(d);
    rgt_rmtree(dir);
    free(path);
    free(dir);
}

Test(verbs, shipped_lexicon)
{
    rg_dict *d = rgt_default_dict();
    cr_assert_not_null(d);
    cr_expect_geq(rg_i_verbs_count(d->verbs), 150);
    size_t n;
    const rg_verb_hit *h = rg_i_verbs_lookup(d->verbs, "bestellte", 9, &n);
    int summon = 0;
    for (size_t i = 0; i < n; i++)
        summon |= !strcmp(rg_i_verbs_entry(d->verbs, h[i].entry)->lemma,
                          "einbestellen");
    cr_expect(summon);
    rg_dict_free(d);
}
