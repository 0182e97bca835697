/*
 * morph.c — German inflection rules over declared stems.
 *
 * The dictionary declares each word once — a name, an adjective stem, a
 * masculine demonym — and these rules give the forms articles use.  They
 * work on folded words (lowercase, ß as "ss") and hand on (cut, suffix)
 * pairs, so the gazetteer can build the variants of an alias token by
 * token without tokenizing again.  Rules over-generate rather than miss:
 * a form that no article writes ("Franzosin") costs a trie node, not a
 * false match.
 */
#include "morph.h"

#include <string.h>

static int S_ends(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static int S_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           c == 'y';
}

/* The last byte is an ASCII letter (not a UTF-8 continuation byte). */
static int S_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z');
}

/* Whether w[0..n) ends like the stem of a declinable adjective. */
static int S_adjective_stem(const char *w, size_t n)
{
    static const char *const ends[] = {"sch", "ig", "lich", "al", "t", "ss",
                                       "eu", "ei", "ot", "ün", "iv", "ar",
                                       "ern", NULL};
    for (size_t i = 0; ends[i]; i++)
        if (S_ends(w, n, ends[i]))
            return 1;
    return 0;
}

size_t rg_i_morph_inflect(enum rg_morph_rule rule, const char *w, size_t n,
                          rg_inflection out[RG_MORPH_MAX])
{
    size_t k = 0;
    if (n < 2)
        return 0;
    char last = w[n - 1];
    switch (rule) {
    case RG_MORPH_GENITIVE:
    case RG_MORPH_GENITIVE_ES:
        /* After a sibilant the genitive is written with an apostrophe
         * (Scholz', Macron's is English); both apostrophes occur. ß is
         * folded to "ss" and so ends in s. */
        if (last == 's' || last == 'x' || last == 'z' || S_ends(w, n, "ce")) {
            out[k++] = (rg_inflection){0, 1, "'"};
            out[k++] = (rg_inflection){0, 1, "\xE2\x80\x99"};
            /* Things take -es instead: des Ausschusses, des Prozesses. */
            if (rule == RG_MORPH_GENITIVE_ES && last != 'e')
                out[k++] = (rg_inflection){0, 0, "es"};
            break;
        }
        out[k++] = (rg_inflection){0, 0, "s"};
        /* Things (not persons) ending in a consonant may take -es:
         * des Bundestages, des Rates. */
        if (rule == RG_MORPH_GENITIVE_ES && S_ascii_letter(last) &&
            !S_vowel(last))
            out[k++] = (rg_inflection){0, 0, "es"};
        break;
    case RG_MORPH_ADJECTIVE:
        /* A stem ends in a consonant (russisch, westlich, deutsch); a word
         * already ending in -e is an inflected form, not a stem. */
        if (last == 'e')
            break;
        out[k++] = (rg_inflection){0, 0, "e"};
        out[k++] = (rg_inflection){0, 0, "en"};
        out[k++] = (rg_inflection){0, 0, "er"};
        out[k++] = (rg_inflection){0, 0, "es"};
        out[k++] = (rg_inflection){0, 0, "em"};
        break;
    case RG_MORPH_DEMONYM:
        if (S_ends(w, n, "er")) {          /* Ukrainer, Amerikaner */
            out[k++] = (rg_inflection){0, 0, "n"};
            out[k++] = (rg_inflection){0, 0, "s"};
            out[k++] = (rg_inflection){0, 0, "in"};
            out[k++] = (rg_inflection){0, 0, "innen"};
        } else if (last == 'e') {          /* Russe, Chinese (weak nouns) */
            out[k++] = (rg_inflection){0, 0, "n"};
            out[k++] = (rg_inflection){1, 0, "in"};
            out[k++] = (rg_inflection){1, 0, "innen"};
        } else if (last == 'i') {          /* Israeli, Pakistani */
            out[k++] = (rg_inflection){0, 0, "s"};
        }
        break;
    case RG_MORPH_WEAK:
        /* Only adjectives decline: the stem must end like one (deutsch-,
         * auswärtig-, international-, vereinigt-, weiß-, neu-, frei-), so
         * that "Zürcher" or "Münchner" (invariable) are left alone. */
        if (!S_adjective_stem(w, n - (last == 'e' ? 1 : 2)))
            break;
        if (S_ends(w, n, "er") || S_ends(w, n, "es")) {
            /* Deutscher -> Deutsche, Deutschen, Deutsches/Deutscher */
            out[k++] = (rg_inflection){1, 0, ""};
            out[k++] = (rg_inflection){1, 0, "n"};
            out[k++] = (rg_inflection){1, 0, last == 'r' ? "s" : "r"};
        } else if (last == 'e') {
            /* Europäische -> Europäischen, Europäischer, Europäisches */
            out[k++] = (rg_inflection){0, 0, "n"};
            out[k++] = (rg_inflection){0, 0, "r"};
            out[k++] = (rg_inflection){0, 0, "s"};
        }
        break;
    }
    return k;
}

void rg_i_morph_apply(rg_buf *b, const char *w, size_t n,
                      const rg_inflection *inf)
{
    size_t keep = inf->cut <= n ? n - inf->cut : 0;
    rg_i_buf_add(b, w, keep);
    rg_i_buf_adds(b, inf->suffix);
}
