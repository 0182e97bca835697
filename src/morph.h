/*
 * morph.h — German inflection by rule over declared stems: the genitive
 * of names, adjective endings, demonym plurals and feminines, and the weak
 * adjective inside official names ("Deutscher Bundestag" -> "Deutschen
 * Bundestag").  Used by the gazetteer to add the inflected forms of every
 * alias, so that dictionaries list a word once.
 *
 * The rules work on one word at a time, on its case-folded form (see
 * rg_i_tokenize: lowercase, ß as "ss"); the suffixes they add are
 * lowercase ASCII, so the result is again a folded form.  Nothing here
 * allocates except rg_i_morph_apply, which appends to a caller's buffer.
 */
#ifndef RG_MORPH_H
#define RG_MORPH_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* What to inflect a word as. */
enum rg_morph_rule {
    RG_MORPH_GENITIVE,      /* a name: Putin -> Putins, Scholz -> Scholz' */
    RG_MORPH_GENITIVE_ES,   /* a name of a thing, which may also take -es:
                               Bundestag -> Bundestags, Bundestages */
    RG_MORPH_ADJECTIVE,     /* a stem: russisch -> russische, -en, -er, -es, -em */
    RG_MORPH_DEMONYM,       /* Ukrainer -> Ukrainern, Ukrainerin, Ukrainerinnen,
                               Ukrainers; Russe -> Russen, Russin, Russinnen;
                               Israeli -> Israelis */
    RG_MORPH_WEAK           /* an adjective inside a name, strong or weak:
                               Deutscher/Deutsche/Deutsches -> Deutsche,
                               Deutschen (after an article) */
};

/* One inflected variant: drop `cut` bytes from the end of the word, then
 * append `suffix`; when `token` is set the suffix is a separate token (the
 * genitive apostrophe, which the tokenizer keeps apart from the word). */
typedef struct rg_inflection {
    uint8_t cut;
    uint8_t token;
    const char *suffix;     /* static string */
} rg_inflection;

#define RG_MORPH_MAX 6

/*
 * Fills out[] with the variants of the folded word w[0..n) under `rule`
 * (not the word itself) and returns how many (at most RG_MORPH_MAX).
 * A word the rule does not apply to has none: a genitive is not formed
 * from a word that already ends like one ('s' is given an apostrophe, not
 * a second s), demonym rules need -er, -e or -i, the weak rule an ending
 * -e, -er or -es.  Words shorter than 2 bytes have no variants.
 * Time complexity: O(1).
 */
size_t rg_i_morph_inflect(enum rg_morph_rule rule, const char *w, size_t n,
                          rg_inflection out[RG_MORPH_MAX]);

/* Appends w[0..n) inflected by `inf` to b (the token suffix directly after
 * the word, as "Scholz'" is written). */
void rg_i_morph_apply(rg_buf *b, const char *w, size_t n,
                      const rg_inflection *inf);

#endif
