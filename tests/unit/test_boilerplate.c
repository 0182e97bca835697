/*
 * test_boilerplate.c — the page-furniture filter (stage 2b): each rule with
 * its own German example, and content that must stay.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "dict.h"
#include "support.h"

static rg_dict *S_dict;
static rg_boilerplate *S_bp;

static void S_setup(void)
{
    S_dict = rgt_default_dict();
    cr_assert_not_null(S_dict);
    S_bp = rg_i_boilerplate_new(&S_dict->furniture);
}

static void S_teardown(void)
{
    rg_i_boilerplate_free(S_bp);
    rg_dict_free(S_dict);
}

/* Strips `in` and returns its lines that are not blank afterwards, each
 * trimmed and joined by " | "; checks that the length and every line break
 * stayed in place.  Caller frees. */
static char *S_kept(const char *in)
{
    size_t n = strlen(in);
    char *t = strdup(in);
    rg_i_boilerplate_strip(S_bp, t, n);
    cr_assert_eq(strlen(t), n);
    for (size_t i = 0; i < n; i++)
        if (in[i] == '\n' || t[i] != ' ')
            cr_assert_eq(t[i], in[i], "byte %zu changed into '%c'", i, t[i]);
    rg_buf out;
    rg_i_buf_init(&out);
    for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
        while (*line == ' ')
            line++;
        size_t k = strlen(line);
        while (k > 0 && line[k - 1] == ' ')
            k--;
        if (k == 0)
            continue;
        if (out.len)
            rg_i_buf_adds(&out, " | ");
        rg_i_buf_add(&out, line, k);
    }
    rg_i_buf_addc(&out, '\0');
    free(t);
    return out.data;
}

static void S_expect(const char *in, const char *kept)
{
    char *k = S_kept(in);
    cr_expect_str_eq(k, kept);
    free(k);
}

#define ARTICLE "Die Nato warnt Pjöngjang vor einer Eskalation des Krieges."

TestSuite(boilerplate, .init = S_setup, .fini = S_teardown);

Test(boilerplate, date_lines)
{
    S_expect("12. März, 2025\n\n" ARTICLE "\n", ARTICLE);
    S_expect("03.11.2024\n09:15 Uhr\n\n" ARTICLE, ARTICLE);
    S_expect("vor 3 Stunden\n" ARTICLE, ARTICLE);
    S_expect("5 days ago\n" ARTICLE, ARTICLE);
    S_expect("Montag, 4. November 2024, 18:02 Uhr\n" ARTICLE, ARTICLE);
    S_expect("Aktualisiert am 4.11.2024\n" ARTICLE, ARTICLE);
}

Test(boilerplate, section_labels_and_phrases)
{
    S_expect("Ausland\n\nKreml droht dem Westen\n\n" ARTICLE,
             "Kreml droht dem Westen | " ARTICLE);
    S_expect(ARTICLE "\n\nSchreiben Sie einen Kommentar\n\nAntworten\n",
             ARTICLE);
    S_expect(ARTICLE "\n\n(c) Musterverlag GmbH 2023\n", ARTICLE);
    S_expect(ARTICLE "\n\nCopyright 2024 Beispiel-Zeitung. Alle Rechte vorbehalten.\n",
             ARTICLE);
}

Test(boilerplate, newsletter_and_consent)
{
    S_expect(ARTICLE "\n\nJetzt den kostenlosen Newsletter abonnieren und nichts "
                     "verpassen!\n\nMit Ihrer Anmeldung stimmen Sie unserer "
                     "Datenschutzerklärung zu.\n",
             ARTICLE);
    S_expect("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.\n\n"
             ARTICLE, ARTICLE);
}

Test(boilerplate, link_list_under_an_opener)
{
    S_expect(ARTICLE "\nMehr zum Thema:\nWahl in Moldau: Knappes Ergebnis\n"
                     "Streit um Haushalt geht weiter\nWer gewinnt das Rennen?\n"
                     "Der Kanzler reiste danach nach Paris.\n",
             ARTICLE " | Der Kanzler reiste danach nach Paris.");
    /* the opener alone goes when a paragraph follows */
    S_expect("Lesen Sie auch\n" ARTICLE, ARTICLE);
}

Test(boilerplate, video_widget_glued_to_a_sentence)
{
    S_expect("Sie sagte das am Montag in Kiew.Selenskyj Rede Video 02:31\n" ARTICLE,
             "Sie sagte das am Montag in Kiew. | " ARTICLE);
    S_expect(ARTICLE "\nGipfel in Brüssel Interview 1:04:12\n", ARTICLE);
}

Test(boilerplate, banner_run_of_short_lines)
{
    S_expect("Gratis Versand\nTop Preise\n24h Lieferung\nHotline\nWarenkorb\n\n"
             "Kreml droht dem Westen\n\n" ARTICLE,
             "Kreml droht dem Westen | " ARTICLE);
}

Test(boilerplate, pipe_lines)
{
    S_expect(ARTICLE "\n\nMusterstadter Bote | Unabhängig. Regional.\n", ARTICLE);
}

Test(boilerplate, repeated_headline_keeps_the_first)
{
    S_expect("Kreml droht dem Westen mit Konsequenzen\n\nKreml droht dem Westen "
             "mit Konsequenzen\n\n" ARTICLE,
             "Kreml droht dem Westen mit Konsequenzen | " ARTICLE);
}

Test(boilerplate, pull_quote_keeps_the_paragraph)
{
    S_expect("Erster Absatz des Artikels.\n\nWir lassen uns von Moskau nicht "
             "einschüchtern, das ist klar.\n\nDer Minister sagte: „Wir lassen uns "
             "von Moskau nicht einschüchtern, das ist klar“, und ging.\n",
             "Erster Absatz des Artikels. | Der Minister sagte: „Wir lassen uns "
             "von Moskau nicht einschüchtern, das ist klar“, und ging.");
}

Test(boilerplate, teaser_between_furniture_and_at_the_end)
{
    S_expect(ARTICLE "\n\nWissenswertes zum Thema\n\nHolen Sie sich jetzt "
                     "unsere Tipps für Ihre Geldanlage\n\nMelden Sie sich hier für "
                     "unseren Newsletter an.\n",
             ARTICLE);
    S_expect(ARTICLE "\n\nFolgen Sie uns\n\nDas Neueste aus der Region und der "
                     "Welt\n",
             ARTICLE);
}

Test(boilerplate, content_stays)
{
    /* the first headline, a short paragraph, a quote line, a subheading */
    const char *text =
        "Nordkorea schickt Soldaten nach Russland\n\n"
        "Das bleibt abzuwarten.\n\n"
        "„Wir werden nicht nachgeben“, sagte Selenskyj.\n\n"
        "Reaktionen aus Berlin\n\n"
        "Die Bundesregierung verurteilte den Schritt am 21.10.2024 scharf.\n\n"
        "Politik müsse jetzt handeln, sagte Roth.\n";
    S_expect(text,
             "Nordkorea schickt Soldaten nach Russland | Das bleibt abzuwarten. | "
             "„Wir werden nicht nachgeben“, sagte Selenskyj. | Reaktionen aus "
             "Berlin | Die Bundesregierung verurteilte den Schritt am 21.10.2024 "
             "scharf. | Politik müsse jetzt handeln, sagte Roth.");
    /* the headline between a date line and a section label stays */
    S_expect("21.10.2024\n\nKreml droht dem Westen\n\nPolitik\n\n" ARTICLE,
             "Kreml droht dem Westen | " ARTICLE);
}

Test(boilerplate, without_phrases_and_empty)
{
    char empty[] = "";
    cr_expect_eq(rg_i_boilerplate_strip(NULL, empty, 0), 0);
    char t[] = "12. Mai 2024\nText des Artikels.";
    cr_expect_eq(rg_i_boilerplate_strip(NULL, t, strlen(t)), 1);
    cr_expect_str_eq(t, "            \nText des Artikels.");
}

/* The phrase matcher sorts phrases by shape (whole line, text first, '*'
 * first, '*' at both ends); each shape against lines that do and do not
 * match, with phrases of its own. */
Test(boilerplate, phrase_shapes)
{
    rg_strtab ph;
    rg_i_strtab_init(&ph);
    const char *const phrases[] = {"Teilen", ">Mehr zum Thema", "Mehr aus *",
                                   "* Min. Lesezeit", "*Cookies akzeptieren*",
                                   "*Ein*zwei*drei*", "*ab*", "Kurz*t", NULL};
    for (size_t i = 0; phrases[i]; i++)
        rg_i_strtab_intern(&ph, phrases[i], strlen(phrases[i]));
    rg_boilerplate *bp = rg_i_boilerplate_new(&ph);
    const struct {
        const char *in;
        int blank;
    } cases[] = {
        {"TEILEN", 1},
        {"Teilen Sie das", 0},
        {"Mehr aus Berlin", 1},
        {"Mehr aus", 0},
        {"3 Min. Lesezeit", 1},
        {"Min. Lesezeit mehr", 0},
        {"Bitte alle Cookies akzeptieren und weiter", 1},
        {"Cookies nicht akzeptieren", 0},
        {"eins EIN zwei und drei", 1},
        {"drei zwei ein", 0},
        {"ab", 1},
        {"Kurzt", 1},
        {"Kurt", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        /* A sentence before the line keeps the shape rules out of it. */
        const char *lead = "Die Regierung hat am Montag etwas beschlossen.\n\n";
        size_t n = strlen(lead) + strlen(cases[i].in);
        char *t = malloc(n + 1);
        strcpy(t, lead);
        strcat(t, cases[i].in);
        rg_i_boilerplate_strip(bp, t, n);
        int blank = strspn(t + strlen(lead), " ") == strlen(cases[i].in);
        cr_expect_eq(blank, cases[i].blank, "%s", cases[i].in);
        free(t);
    }
    /* A list opener blanks the headlines under it. */
    char list[] = "Die Regierung hat am Montag etwas beschlossen.\n\n"
                  "Mehr zum Thema\nNeue Sanktionen gegen Moskau\n";
    rg_i_boilerplate_strip(bp, list, strlen(list));
    cr_expect_null(strstr(list, "Sanktionen"));
    rg_i_boilerplate_free(bp);
    rg_i_strtab_destroy(&ph);
}
