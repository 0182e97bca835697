/*
 * test_discover.c — actors found by rule (discover.c): each pattern, each
 * thing that must not become an actor, surname resolution, stable ids.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "mentions.h"
#include "sentences.h"
#include "support.h"
#include "tokens.h"

static rg_dict *D;
static rg_tokens T;
static rg_sentences S;
static rg_mentions M;
static char OUT[4096];

static void setup(void)
{
    D = rgt_default_dict();
    cr_assert_not_null(D);
    rg_i_tokens_init(&T);
    rg_i_sentences_init(&S);
    rg_i_mentions_init(&M);
    M.discover = 1;
}

static void teardown(void)
{
    rg_i_tokens_destroy(&T);
    rg_i_sentences_destroy(&S);
    rg_i_mentions_destroy(&M);
    rg_dict_free(D);
}

TestSuite(discover, .init = setup, .fini = teardown);

/* The discovered mentions of text as "surface=id/type" joined by "; ". */
static const char *disc(const char *text)
{
    size_t n = strlen(text);
    rg_i_tokenize(&T, text, n);
    rg_i_split_sentences(&S, text, &T, &D->abbrevs);
    M.text = text;
    rg_i_find_mentions(&M, D, &T, &S);
    OUT[0] = '\0';
    for (size_t i = 0; i < M.n; i++) {
        const rg_mention *m = &M.v[i];
        if (m->form != RG_FORM_DISCOVERED)
            continue;
        cr_assert_geq(m->actor, D->n_actors);
        const rg_found *f = &M.found[m->actor - D->n_actors];
        char row[512];
        snprintf(row, sizeof(row), "%s%.*s=%s/%s", OUT[0] ? "; " : "",
                 (int)(m->end - m->start), text + m->start,
                 M.found_text.data + f->id, rg_i_type_name(f->type));
        strncat(OUT, row, sizeof(OUT) - strlen(OUT) - 1);
    }
    return OUT;
}

#define EXPECT(text, want) cr_expect_str_eq(disc(text), want, "%s", text)

Test(discover, role_before_name)
{
    EXPECT("Der Experte Lee Sung-yoon hält es für realistisch.",
           "Lee Sung-yoon=disc:lee_sung_yoon/person");
    EXPECT("Das sagte BND-Vizepräsident Hans Gerdes am Montag.",
           "Hans Gerdes=disc:hans_gerdes/person");
    EXPECT("Der CDU-Außenpolitiker Jürgen Hardtke widersprach.",
           "Jürgen Hardtke=disc:juergen_hardtke/person");
    EXPECT("Der Präsident Ndongo reiste ab.", "Ndongo=disc:ndongo/person");
    EXPECT("Das sagte Sprecherin Maja Ødegård gestern.",
           "Maja Ødegård=disc:maja_odegard/person");
}

Test(discover, apposition)
{
    EXPECT("Moskau schickte den russischen Botschafter in Südkorea, Georgi "
           "Petrow, nach Seoul.",
           "Georgi Petrow=disc:georgi_petrow/person");
    /* one word after the comma is no apposition */
    EXPECT("Der Botschafter in Berlin, Petrow, schwieg.", "");
}

Test(discover, title_and_first_name)
{
    EXPECT("Das Gutachten schrieb Dr. Anna Schmidtke aus Kiel.",
           "Anna Schmidtke=disc:anna_schmidtke/person");
    EXPECT("Peter Hansen widersprach.", "Peter Hansen=disc:peter_hansen/person");
}

Test(discover, organisations)
{
    EXPECT("Das meldete die Nachrichtenagentur Tanjug am Morgen.",
           "Tanjug=disc:tanjug/organization");
    EXPECT("Das Institut für Sicherheitspolitik warnte.",
           "Institut für Sicherheitspolitik="
           "disc:institut_fuer_sicherheitspolitik/organization");
    EXPECT("Die Meldung der Koreanischen Zentralen Nachrichtenagentur kam spät.",
           "Koreanischen Zentralen Nachrichtenagentur="
           "disc:koreanischen_zentralen_nachrichtenagentur/organization");
}

Test(discover, later_mentions_resolve)
{
    EXPECT("Der Experte Lee Sung-yoon warnt. Lee sagte, Lee Sung-yoon wisse es.",
           "Lee Sung-yoon=disc:lee_sung_yoon/person; Lee=disc:lee_sung_yoon/person; "
           "Lee Sung-yoon=disc:lee_sung_yoon/person");
    EXPECT("Der Sprecher Tom Hardtke widersprach. Hardtkes Worte galten.",
           "Tom Hardtke=disc:tom_hardtke/person; Hardtkes=disc:tom_hardtke/person");
    /* not before the full name */
    EXPECT("Hardtke kam. Der Sprecher Tom Hardtke widersprach.",
           "Tom Hardtke=disc:tom_hardtke/person");
    cr_expect_eq(M.n_found, 1);
}

Test(discover, not_actors)
{
    /* sentence-initial capitalised words, nouns, names without a trigger */
    EXPECT("Gestern Abend kam Hardtke nach Kiel.", "");
    /* a noun after a role: known as a noun from an article in the text */
    EXPECT("Hat der Experte Zweifel? Die Zweifel bleiben.", "");
    /* noun suffixes */
    EXPECT("Der Sprecher Bestätigung gab es nicht.", "");
    /* function words and months */
    EXPECT("Der Sprecher Montag hatte frei.", "");
    /* a head alone, and a run of capitalised nouns */
    EXPECT("Das Verteidigungsministerium schwieg.", "");
    EXPECT("Der Experte Peter Paul Maria Hans kam.", "");
    /* headlines in capitals */
    EXPECT("EXPERTE WARNT VOR KRIEG", "");
    /* dictionary actors stay the dictionary's */
    EXPECT("Der Experte Wladimir Putin kam, BND-Präsident Bruno Kahl auch.", "");
    EXPECT("Der Experte warnt, Kim könne angreifen.", "");
    /* a role in a compound before a noun */
    EXPECT("Die Experten-Runde Berlin tagte.", "");
}

Test(discover, off_by_default_in_the_stage)
{
    M.discover = 0;
    EXPECT("Der Experte Lee Sung-yoon warnt.", "");
}

Test(discover, ids)
{
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_discover_id(&b, "Jürgen Groß-Öztürk");
    cr_expect_str_eq(b.data, "disc:juergen_gross_oeztuerk");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "José Ramírez");
    cr_expect_str_eq(b.data, "disc:jose_ramirez");
    rg_i_buf_reset(&b);
    rg_i_discover_id(&b, "Сергей");
    cr_expect_eq(strncmp(b.data, "disc:x", 6), 0, "%s", b.data);
    cr_expect_eq(strlen(b.data), 6 + 16);
    rg_i_buf_destroy(&b);
}
