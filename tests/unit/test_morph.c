/*
 * test_morph.c — the inflection rules of morph.c, one test per rule, on
 * folded words (lowercase, ß as ss).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "morph.h"
#include "util.h"

/* The variants of w under rule, as "v1 v2 ..." (token suffixes glued). */
static char *variants(enum rg_morph_rule rule, const char *w)
{
    static char out[512];
    rg_inflection inf[RG_MORPH_MAX];
    size_t n = rg_i_morph_inflect(rule, w, strlen(w), inf);
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_buf_adds(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            rg_i_buf_addc(&b, ' ');
        rg_i_morph_apply(&b, w, strlen(w), &inf[i]);
    }
    snprintf(out, sizeof(out), "%s", b.data);
    rg_i_buf_destroy(&b);
    return out;
}

Test(morph, genitive_s_of_names)
{
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "putin"), "putins");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "russland"), "russlands");
    /* persons take no -es */
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "merkel"), "merkels");
}

Test(morph, genitive_es_of_things)
{
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE_ES, "bundestag"),
                     "bundestags bundestages");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE_ES, "kreml"), "kremls kremles");
    /* after a vowel only -s */
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE_ES, "nato"), "natos");
}

Test(morph, genitive_apostrophe_after_s_x_z_ss_ce)
{
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "scholz"), "scholz' scholz’");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "paris"), "paris' paris’");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "marx"), "marx' marx’");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "strauss"), "strauss' strauss’");
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "alice"), "alice' alice’");
    /* things after s also take -es: des Ausschusses */
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE_ES, "ausschuss"),
                     "ausschuss' ausschuss’ ausschusses");
    /* the apostrophe is a token of its own */
    rg_inflection inf[RG_MORPH_MAX];
    cr_assert_eq(rg_i_morph_inflect(RG_MORPH_GENITIVE, "scholz", 6, inf), 2);
    cr_expect(inf[0].token);
    cr_assert_eq(rg_i_morph_inflect(RG_MORPH_GENITIVE, "putin", 5, inf), 1);
    cr_expect(!inf[0].token);
}

Test(morph, adjective_endings_on_a_stem)
{
    cr_expect_str_eq(variants(RG_MORPH_ADJECTIVE, "russisch"),
                     "russische russischen russischer russisches russischem");
    cr_expect_str_eq(variants(RG_MORPH_ADJECTIVE, "westlich"),
                     "westliche westlichen westlicher westliches westlichem");
    /* an inflected form is not a stem */
    cr_expect_str_eq(variants(RG_MORPH_ADJECTIVE, "russische"), "");
}

Test(morph, demonym_plurals_and_feminines)
{
    cr_expect_str_eq(variants(RG_MORPH_DEMONYM, "ukrainer"),
                     "ukrainern ukrainers ukrainerin ukrainerinnen");
    cr_expect_str_eq(variants(RG_MORPH_DEMONYM, "russe"),
                     "russen russin russinnen");
    cr_expect_str_eq(variants(RG_MORPH_DEMONYM, "israeli"), "israelis");
    cr_expect_str_eq(variants(RG_MORPH_DEMONYM, "palästinenser"),
                     "palästinensern palästinensers palästinenserin "
                     "palästinenserinnen");
    cr_expect_str_eq(variants(RG_MORPH_DEMONYM, "swasiland"), "");
}

Test(morph, weak_adjectives_inside_names)
{
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "deutscher"),
                     "deutsche deutschen deutsches");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "weisses"), "weisse weissen weisser");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "europäische"),
                     "europäischen europäischer europäisches");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "volksrepublik"), "");
}

Test(morph, short_words_have_no_variants)
{
    cr_expect_str_eq(variants(RG_MORPH_GENITIVE, "x"), "");
    cr_expect_str_eq(variants(RG_MORPH_ADJECTIVE, ""), "");
}

Test(morph, weak_rule_only_on_adjective_stems)
{
    /* "Zürcher", "Münchner" are invariable city adjectives */
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "zürcher"), "");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "münchner"), "");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "auswärtiger"),
                     "auswärtige auswärtigen auswärtiges");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "vereinigte"),
                     "vereinigten vereinigter vereinigtes");
    cr_expect_str_eq(variants(RG_MORPH_WEAK, "neue"), "neuen neuer neues");
}
