/*
 * support_writers.h — the hand-made network the writer suites share
 * (header-only, static): labels with umlauts, quotes, ampersands, "<",
 * an emoji and control characters; one or both layers.
 */
#ifndef RG_TEST_SUPPORT_WRITERS_H
#define RG_TEST_SUPPORT_WRITERS_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "support_hand_dict.h"
#include "network.h"
#include "relations.h"
#include "tally.h"


static void S_rel(rg_tally *t, uint32_t s, uint32_t tg, int kind, int rel,
                  const char *text)
{
    rg_i_tally_relation(t, s, tg, (uint8_t)kind, (uint16_t)rel, 0, "doc.txt",
                        0, 0, strlen(text), text, strlen(text));
}

/* umlauts, XML/CSV/JSON specials, an emoji, control characters and a
 * noncharacter (U+FFFF) that must disappear */
#define S_LABEL_IN "M\xC3\xBCller & <S\xC3\xB6hne>, \"GmbH\" \\ \xF0\x9F\x98\x80" \
                   "\x01\x1f\xEF\xBF\xBF!"
#define S_LABEL_OUT "M\xC3\xBCller & <S\xC3\xB6hne>, \"GmbH\" \\ \xF0\x9F\x98\x80!"

static const S_spec S_actors[] = {
    {"anna", "Anna", "Q1", RG_TYPE_PERSON},
    {"bank", S_LABEL_IN, "", RG_TYPE_ORGANIZATION},
    {"korea", "Nordkorea", "Q423", RG_TYPE_COUNTRY},
    {"xi", "\xE7\xBF\x92\xE8\xBF\x91\xE5\xB9\xB3", "", RG_TYPE_PERSON},
};

/* Layers: 1 co-occurrence, 2 relation, 3 both.  Edges: anna-bank (2),
 * bank-xi (1) co-occurrence; korea->anna relation class 4 ("supply"),
 * plus, with both layers, a co-occurrence anna-korea and a relation
 * anna->korea of the same pair. */
static rg_network *S_network(rg_dict **pd, int layers)
{
    rg_dict *d = S_hand_dict(S_actors, 4);
    rg_tally *t = rg_i_tally_new(4);
    for (uint32_t a = 0; a < 4; a++)
        rg_i_tally_mention(t, a, 0);
    if (layers & 1) {
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "Anna & die <Bank>\x02.");
        S_rel(t, 0, 1, RG_KIND_COOCCURRENCE, 0, "zweimal, \"so\"");
        S_rel(t, 1, 3, RG_KIND_COOCCURRENCE, 0, "Bank und Xi.");
    }
    if (layers & 2)
        S_rel(t, 2, 0, RG_KIND_RELATION, 4, "Nordkorea liefert Anna.");
    if (layers == 3) {
        S_rel(t, 0, 2, RG_KIND_COOCCURRENCE, 0, "Anna, Nordkorea.");
        S_rel(t, 0, 2, RG_KIND_RELATION, 2, "Anna warnt Nordkorea.");
    }
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    rg_i_tally_free(t);
    *pd = d;
    return net;
}

typedef rg_status (*S_writer)(const rg_network *, FILE *);

static char *S_write_with(S_writer fn, const rg_network *net, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cr_assert_not_null(f);
    cr_assert_eq(fn(net, f), RG_OK);
    cr_assert_eq(fclose(f), 0);
    if (len)
        *len = n;
    return buf;
}

static void S_full_disk(S_writer fn)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    rg_dict *d;
    rg_network *net = S_network(&d, 3);
    cr_assert_eq(fn(net, f), RG_EIO);
    fclose(f);
    rg_network_free(net);
    S_hand_dict_free(d);
}

#endif
