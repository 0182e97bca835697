/*
 * test_boilerplate.c — the page-furniture filter (stage 2b): each rule with
 * its own German example, and content that must stay.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

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

/* The form lines are compared in: utf8proc's case fold of the (NFC) line,
 * whitespace runs made one space.  The reference for the fast paths of
 * boilerplate.c (sixteen and eight bytes a step, Latin-1 letters, ß,
 * emoji copied, everything else to utf8proc). */
static char *S_ref_fold(const char *s, uint32_t *words)
{
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)strlen(s), &f,
                     UTF8PROC_CASEFOLD | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    cr_assert_geq(n, 0);
    char *out = malloc((size_t)n + 1);
    size_t m = 0;
    int space = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        unsigned char c = f[i];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = m > 0;
            continue;
        }
        if (space)
            out[m++] = ' ';
        space = 0;
        out[m++] = (char)c;
    }
    out[m] = '\0';
    free(f);
    uint32_t w = 0;
    for (size_t i = 0; s[i]; i++) {
        int ws = s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r');
        int prev = i == 0 || s[i - 1] == ' ' || (s[i - 1] >= '\t' && s[i - 1] <= '\r');
        w += !ws && prev;
    }
    *words = w > 30 ? 31 : w;
    return out;
}

Test(boilerplate, fold_fast_paths_match_utf8proc)
{
    static const char *const frag[] = {
        "Der", "KANZLER", "Straße", "STRASSE", "ẞ", "Ärger", "über", "ÖL", "Ü",
        "×", "÷", "ÿ", "À", "Þ", "þ", "µ", "Kon\xC2\xADsens" /* soft hyphen */,
        "a\xC2\xA0\x62" /* NBSP, b */, "\xC2\xA9", "„Zitat“", "–",
        "Nord\xE2\x80\x8Dkorea", "zero\xE2\x80\x8Bwidth", "Cafe\xCC\x81", "ǅ",
        "İstanbul", "\xE2\x84\xAA" /* Kelvin */, "ſ", "ﬁ", "😀", "⚠\xEF\xB8\x8F",
        "Ω", "18:17", "x\x01y", "\xE2\x80\x80",
        "Donaudampfschifffahrtsgesellschaftskapitänsmütze", "ÉCOLE", "çà",
        "ЖУРНАЛ", "Ελλάδα", "한국", "ä", "ß", "Ä", "...", "Ⅎ", "Ⅻ", "Ⓐ", "№",
        "→", "€"};
    /* what the fast paths take (odd rounds use only these) */
    static const char *const plain[] = {
        "Der", "KANZLER", "Straße", "STRASSE", "Ärger", "über", "ÖL", "Ü", "×",
        "÷", "ÿ", "À", "Þ", "þ", "a\xC2\xA0\x62", "\xC2\xA9", "„Zitat“", "–",
        "😀", "18:17", "Donaudampfschifffahrtsgesellschaftskapitänsmütze", "ÉCOLE",
        "çà", "ä", "ß", "Ä", "...", "x\x01y"};
    static const char *const sep[] = {"",   " ",  " ",    " ",
                                      "  ", "\t", " \r ", "\xC2\xA0"};
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; round++) {
        rg_buf in;
        rg_i_buf_init(&in);
        seed = seed * 1103515245u + 12345u;
        for (uint32_t k = (seed >> 16) % 21; k-- > 0;)   /* shifts the blocks */
            rg_i_buf_addc(&in, "abcXYZ"[k % 6]);
        rg_i_buf_addc(&in, 'q');
        seed = seed * 1103515245u + 12345u;
        uint32_t parts = 1 + (seed >> 16) % (round % 10 == 0 ? 80 : 12);
        for (uint32_t p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&in,
                          round % 2
                              ? plain[(seed >> 16) % (sizeof(plain) / sizeof(plain[0]))]
                              : frag[(seed >> 16) % (sizeof(frag) / sizeof(frag[0]))]);
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&in, sep[(seed >> 16) % (sizeof(sep) / sizeof(sep[0]))]);
        }
        rg_i_buf_addc(&in, 'z');
        rg_i_buf_addc(&in, '\0');
        /* The text reaches the filter in NFC. */
        char *s = (char *)utf8proc_NFC((const utf8proc_uint8_t *)in.data);
        cr_assert_not_null(s);
        uint32_t words, ref_words;
        char *got = rg_i_boilerplate_fold(s, strlen(s), &words);
        char *ref = S_ref_fold(s, &ref_words);
        cr_assert_str_eq(got, ref, "line \"%s\"", s);
        cr_assert_eq(words, ref_words, "line \"%s\": %u words, not %u", s, words,
                     ref_words);
        free(got);
        free(ref);
        free(s);
        rg_i_buf_destroy(&in);
    }
}

/* The repeat rule compares folded lines: case, ß/ss, Latin-1 capitals and
 * whitespace runs do not tell two copies apart, other letters do. */
Test(boilerplate, repeats_under_the_fold)
{
    S_expect("Maßnahmen gegen Österreichs Ärzte im Überblick\n\nMASSNAHMEN GEGEN "
             "ÖSTERREICHS  ÄRZTE\tIM ÜBERBLICK\n\n" ARTICLE,
             "Maßnahmen gegen Österreichs Ärzte im Überblick | " ARTICLE);
    S_expect("Die Regierung in Kiew plant neue Gespräche mit den Partnern in Europa, "
             "sagte der Sprecher am Montag.\n\n" ARTICLE "\n\n"
             "DIE REGIERUNG IN KIEW PLANT NEUE GESPRÄCHE MIT DEN PARTNERN IN EUROPA, "
             "SAGTE DER SPRECHER AM MONTAG.\n",
             "Die Regierung in Kiew plant neue Gespräche mit den Partnern in Europa, "
             "sagte der Sprecher am Montag. | " ARTICLE);
    S_expect("Kreml droht dem Westen mit Konsequenzen\n\nKreml droht dem Westen mit "
             "Konsequenzän\n\n" ARTICLE,
             "Kreml droht dem Westen mit Konsequenzen | Kreml droht dem Westen mit "
             "Konsequenzän | " ARTICLE);
}

/* Long plain lines (many words, ASCII and Latin-1, single spaces) are not
 * folded unless a phrase or a repeat may apply: the same decisions as for
 * folded lines, whatever the case, ß for ss, and where the phrase stands. */
#define LONG_A "Die Regierung in Kiew plant neue Gespräche mit den Partnern " \
               "in Europa und will dabei auch über die Straße nach Odessa sprechen, " \
               "sagte der Sprecher am Montag."
#define LONG_B "DIE REGIERUNG IN KIEW PLANT NEUE GESPRÄCHE MIT DEN PARTNERN " \
               "IN EUROPA UND WILL DABEI AUCH ÜBER DIE STRASSE NACH ODESSA SPRECHEN, " \
               "SAGTE DER SPRECHER AM MONTAG."
#define LONG_C "Die Regierung in Kiew plant neue Gespräche mit den Partnern " \
               "in Europa und will dabei auch über die Straße nach Odessa sprechen, " \
               "sagte der Sprecher am Dienstag."
#define CLOSING "Das Treffen in Brüssel endet am Freitag mit einer Erklärung."
Test(boilerplate, long_plain_lines_as_folded)
{
    /* repeats: exact, under the fold (ß and capitals), and not at all */
    S_expect(LONG_A "\n\n" ARTICLE "\n\n" LONG_A "\n", LONG_A " | " ARTICLE);
    S_expect(LONG_A "\n\n" ARTICLE "\n\n" LONG_B "\n", LONG_A " | " ARTICLE);
    S_expect(LONG_A "\n\n" ARTICLE "\n\n" LONG_C "\n",
             LONG_A " | " ARTICLE " | " LONG_C);
    /* floating phrases anywhere in a long line, in capitals, with ß for ss */
    const char *hits[] = {
        "Mit dem Absenden Ihrer Nachricht stimmen Sie der DATENSCHUTZERKLÄRUNG "
        "dieser Seite zu und erlauben uns die Speicherung Ihrer Daten.",
        "Ihre E-Mail-Adreße wird nicht veröffentlicht, wenn Sie hier einen "
        "Kommentar zu diesem Artikel über die Lage in Europa schreiben.",
        "Wir bitten Sie um Ihre Meinung zu diesem Artikel, Ihre E-MAIL-ADRESSE "
        "WIRD NICHT VERÖFFENTLICHT und bleibt bei uns in guten Händen.",
        "Bleiben Sie informiert über alles, was in der Welt und in Europa "
        "geschieht, mit unserem täglichen Newsletter abonnieren Sie heute",
        "Erforderliche Felder sind wie immer mit einem Stern markiert, damit "
        "Sie beim Ausfüllen des Formulars nichts Wichtiges vergessen."};
    for (size_t i = 0; i < sizeof(hits) / sizeof(hits[0]); i++) {
        char in[1024];
        snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n" CLOSING "\n", hits[i]);
        S_expect(in, ARTICLE " | " CLOSING);
    }
    /* the same line with a double space or a tab: folded, same result */
    S_expect(ARTICLE "\n\nMit dem Absenden Ihrer Nachricht stimmen Sie der "
             "Datenschutz\xC2\xAD" "erklärung  dieser Seite zu und erlauben uns die "
             "Speicherung Ihrer\tDaten.\n\n" CLOSING "\n",
             ARTICLE " | Mit dem Absenden Ihrer Nachricht stimmen Sie der "
             "Datenschutz\xC2\xAD" "erklärung  dieser Seite zu und erlauben uns die "
             "Speicherung Ihrer\tDaten. | " CLOSING);
    S_expect(ARTICLE "\n\nMit dem Absenden Ihrer Nachricht stimmen Sie der "
             "Datenschutzerklärung  dieser Seite zu und erlauben uns die "
             "Speicherung Ihrer\tDaten.\n\n" CLOSING "\n",
             ARTICLE " | " CLOSING);
}

/* Sentence ends are looked for sixteen bytes a step: a glued tail is
 * found wherever the end falls in a step, also in the line's last bytes
 * and behind a closing quote. */
Test(boilerplate, glued_tails_at_every_offset)
{
    const char *ends[] = {".", "!", "?", ".\xE2\x80\x9C", "?\""};
    for (size_t k = 0; k < 40; k++)
        for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
            char head[256], in[512], want[512];
            snprintf(head, sizeof(head), "Sie sagte das am Montag in %.*sKiew%s",
                     (int)k, "Neustadt-Neustadt-Neustadt-Neustadt-Neustadt-", ends[e]);
            snprintf(in, sizeof(in), "%sSelenskyj Rede Video 02:31\n" ARTICLE, head);
            snprintf(want, sizeof(want), "%s | " ARTICLE, head);
            S_expect(in, want);
            /* a space after the end: one unit, kept */
            snprintf(in, sizeof(in), "%s Selenskyj Rede Video 02:31\n" ARTICLE, head);
            snprintf(want, sizeof(want), "%s Selenskyj Rede Video 02:31 | " ARTICLE, head);
            S_expect(in, want);
        }
}

/* Emoji and other code points the fold leaves as they are keep a long
 * line unfolded; a capital outside Latin-1 (Ł) has it folded: the same
 * decisions either way. */
Test(boilerplate, long_lines_with_emoji_as_folded)
{
    const char *hits[] = {
        "\xF0\x9F\x94\x8E Mit dem Absenden Ihrer Nachricht stimmen Sie der "
        "DATENSCHUTZERKLÄRUNG dieser Seite zu \xE2\x9A\xA0\xEF\xB8\x8F und erlauben uns die "
        "Speicherung Ihrer Daten.",
        "\xF0\x9F\x93\x8D Mit dem Absenden Ihrer Nachricht an \xC5\x81\xC3\xB3" "d\xC5\xBA stimmen "
        "Sie der DATENSCHUTZERKLÄRUNG dieser Seite zu und erlauben uns die Speicherung.",
        "\xF0\x9F\x9A\xA8 Ihre E-Mail-Adreße wird nicht veröffentlicht, wenn Sie hier einen "
        "Kommentar zu diesem Artikel über die Lage in \xC5\x82\xC3\xB3" "d\xC5\xBA schreiben."};
    for (size_t i = 0; i < sizeof(hits) / sizeof(hits[0]); i++) {
        char in[1024];
        snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n" CLOSING "\n", hits[i]);
        S_expect(in, ARTICLE " | " CLOSING);
    }
    const char *line = "\xF0\x9F\x9B\xA1 Die Regierung in Kiew plant neue Gespräche mit den "
                       "Partnern in Europa und will über die Straße nach \xC5\x81\xC3\xB3"
                       "d\xC5\xBA sprechen.";
    const char *upper = "\xF0\x9F\x9B\xA1 DIE REGIERUNG IN KIEW PLANT NEUE GESPRÄCHE MIT DEN "
                        "PARTNERN IN EUROPA UND WILL ÜBER DIE STRASSE NACH \xC5\x81\xC3\x93"
                        "D\xC5\xB9 SPRECHEN.";
    char in[1024], want[1024];
    snprintf(in, sizeof(in), "%s\n\n" ARTICLE "\n\n%s\n", line, upper);
    snprintf(want, sizeof(want), "%s | " ARTICLE, line);
    S_expect(in, want);
    snprintf(in, sizeof(in), "%s\n\n" ARTICLE "\n\n%s\n", upper, line);
    snprintf(want, sizeof(want), "%s | " ARTICLE, upper);
    S_expect(in, want);
}

/* The pull-quote search looks at windows every few bytes of the text: a
 * quotation is found wherever it starts in the paragraph, also when it
 * is only 40 bytes long, and a quotation one byte off is not. */
Test(boilerplate, pull_quotes_at_every_offset)
{
    const char *quotes[] = {
        "Wir lassen uns von Moskau nicht einschüchtern, das ist klar.",
        "Wir bleiben an der Seite der Ukraine jetzt.", /* 42 bytes, core 41 */
        "Aa bb cc dd ee ff gg hh ii jj kk ll mm n."};  /* core 40 */
    for (size_t q = 0; q < sizeof(quotes) / sizeof(quotes[0]); q++)
        for (size_t k = 0; k < 70; k++) {
            char core[128], para[512], in[1024], want[1024];
            size_t m = strlen(quotes[q]) - 1;   /* without the dot */
            snprintf(core, sizeof(core), "%.*s", (int)m, quotes[q]);
            snprintf(para, sizeof(para), "Der Minister sagte am Montag in %.*s: „%s“, und ging.",
                     (int)k, "Neustadt-Neustadt-Neustadt-Neustadt-Neustadt-Neustadt-Neustadt-Neustadt",
                     core);
            snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n%s\n", quotes[q], para);
            snprintf(want, sizeof(want), ARTICLE " | %s", para);
            S_expect(in, want);
            /* the quotation with one byte changed in the paragraph */
            char *at = strstr(para, core);
            at[m / 2] = at[m / 2] == 'x' ? 'y' : 'x';
            snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n%s\n", quotes[q], para);
            snprintf(want, sizeof(want), ARTICLE " | %s | %s", quotes[q], para);
            S_expect(in, want);
        }
}

/* Decorations and whitespace at both ends of a line are dropped, again and
 * again, and nothing else: the lines that start and end otherwise are
 * left without a look at each decoration (every byte at both ends, and
 * characters whose last byte is that of a decoration: ¢ ends like •). */
Test(boilerplate, fold_trims_decorations_only)
{
    static const char *const deco[] = {
        ":", "|", ">", "<", "-", "\xE2\x80\xA2", "\xE2\x80\xBA", "\xE2\x80\xB9",
        "\xC2\xBB", "\xC2\xAB", "\xE2\x86\x92", "\xE2\x80\x93", "\xC2\xB7",
        "\xE2\x96\xBA", "\xE2\x96\xB6"};
    static const char *const other[] = {
        "a", "Z", ".", "9", "\xC2\xA2" /* ¢ */, "\xC3\xA4", "\xE2\x80\x9C",
        "\xE2\x80\xA6", "\xC2\xA9", "\xE2\x86\x91" /* ↑ */, "\xE2\x96\xB2" /* ▲ */,
        "\xC2\xBA" /* º */, "\xF0\x9F\x98\x80", "*", "=", "\xC2\xB6" /* ¶ */};
    static const char *const ws[] = {"", " ", "\t", "  "};
    size_t nd = sizeof(deco) / sizeof(deco[0]), no = sizeof(other) / sizeof(other[0]);
    for (size_t a = 0; a < nd + no; a++)
        for (size_t b = 0; b < nd + no; b++)
            for (size_t w = 0; w < 4; w++) {
                const char *x = a < nd ? deco[a] : other[a - nd];
                const char *y = b < nd ? deco[b] : other[b - nd];
                char in[64], want[64];
                snprintf(in, sizeof(in), "%s%s%swort mitte%s%s%s", ws[w], x, ws[w],
                         ws[w], y, ws[w]);
                /* what is left: the ends that are no decoration */
                snprintf(want, sizeof(want), "%s%swort mitte%s%s",
                         a < nd ? "" : x, a < nd || !*ws[w] ? "" : " ", b < nd || !*ws[w] ? "" : " ",
                         b < nd ? "" : y);
                uint32_t words;
                char *got = rg_i_boilerplate_fold(in, strlen(in), &words);
                uint32_t ref_words;
                char *ref = S_ref_fold(want, &ref_words);
                cr_assert_str_eq(got, ref, "line \"%s\"", in);
                free(got);
                free(ref);
            }
}

/* A repeated long line goes whichever copy is folded and whichever is
 * left unfolded (a double space gets a line folded), with ß and SS and
 * capitals at its ends, where its hash looks; a line that differs in one
 * letter anywhere stays. */
Test(boilerplate, repeats_of_long_lines_at_every_byte)
{
    const char *forms[] = {
        "Straße und Maße: Die Regierung in Kiew plant neue Gespräche mit den "
        "Partnern in Europa, sagte der Sprecher in der Straße",
        "STRASSE UND MASSE: DIE REGIERUNG IN KIEW PLANT NEUE GESPRÄCHE MIT DEN "
        "PARTNERN IN EUROPA, SAGTE DER SPRECHER IN DER STRASSE",
        "Straße und Maße: Die Regierung in Kiew plant  neue Gespräche mit den "
        "Partnern in Europa, sagte der Sprecher in der Straße",
        "STRASSE UND MASSE: DIE REGIERUNG IN KIEW PLANT NEUE GESPRÄCHE MIT DEN "
        "PARTNERN IN EUROPA,  SAGTE DER SPRECHER IN DER STRASSE"};
    size_t nf = sizeof(forms) / sizeof(forms[0]);
    for (size_t a = 0; a < nf; a++)
        for (size_t b = 0; b < nf; b++) {
            char in[1024], want[1024];
            snprintf(in, sizeof(in), "%s.\n\n" ARTICLE "\n\n%s.\n", forms[a], forms[b]);
            snprintf(want, sizeof(want), "%s. | " ARTICLE, forms[a]);
            S_expect(in, want);
        }
    const char *base = forms[0];
    for (size_t k = 0; base[k]; k++) {
        unsigned char c = (unsigned char)base[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            continue;
        for (size_t b = 0; b < nf; b++) {
            char other[256], in[1024], want[1024];
            snprintf(other, sizeof(other), "%s", base);
            other[k] = (char)(c == 'x' || c == 'X' ? c - 1 : c + (c == 'z' || c == 'Z' ? -1 : 1));
            snprintf(in, sizeof(in), "%s.\n\n" ARTICLE "\n\n%s.\n", forms[b], other);
            snprintf(want, sizeof(want), "%s. | " ARTICLE " | %s.", forms[b], other);
            S_expect(in, want);
        }
    }
}

/* Closing quotes and brackets between a sentence end and a glued block,
 * each of them, and characters that start like one but close nothing. */
Test(boilerplate, glued_tails_behind_every_closer)
{
    const char *closers[] = {"\"", "'", ")", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99",
                             "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C\xC2\xBB"};
    const char *others[] = {"\xE2\x80\x9E" /* „ */, "\xE2\x80\x98" /* ‘ */,
                            "\xE2\x80\x93" /* – */, "\xC2\xA9" /* © */, "(", "\xE2\x80\x9A"};
    const char *head = "Das sagte der Sprecher am Montag in Kiew.";
    for (size_t k = 0; k < sizeof(closers) / sizeof(closers[0]); k++) {
        char in[512], want[512];
        snprintf(in, sizeof(in), "%s%sSelenskyj Rede Video 02:31\n" ARTICLE, head, closers[k]);
        snprintf(want, sizeof(want), "%s%s | " ARTICLE, head, closers[k]);
        S_expect(in, want);
    }
    for (size_t k = 0; k < sizeof(others) / sizeof(others[0]); k++) {
        char in[512], want[512];
        snprintf(in, sizeof(in), "%s%sSelenskyj Rede Video 02:31\n" ARTICLE, head, others[k]);
        snprintf(want, sizeof(want), "%s%sSelenskyj Rede Video 02:31 | " ARTICLE, head,
                 others[k]);
        S_expect(in, want);
    }
}

/* A long line is left unfolded only when its fold is its bytes: a double
 * space, a tab, µ, a soft hyphen or a zero-width space anywhere in it (at
 * every offset, so at every place of the steps that look at it) gets it
 * folded, and its copy written otherwise but folded the same still goes
 * as a repeat. */
Test(boilerplate, long_lines_not_plain_at_every_offset)
{
    const char *line = "Die Regierung in Kiew plant neue Gespräche mit den Partnern in "
                       "Europa und will dabei auch über die Straße nach Odessa sprechen, "
                       "sagte der Sprecher am Montag";
    struct {
        const char *odd, *same;   /* inserted at a space: folds the same */
    } forms[] = {{"  ", " "}, {"\t", " "}, {" \xC2\xB5 ", " \xCE\xBC "},
                 {" a\xC2\xAD" "b ", " A\xC2\xAD" "B "}, {" x\xE2\x80\x8By ", " X\xE2\x80\x8BY "},
                 {" \xC3\x84 ", " \xC3\xA4 "}, {" \xE2\x80\x9E ", " \xE2\x80\x9E "}};
    size_t n = strlen(line);
    for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
        for (size_t k = 1; k < n; k++) {
            if (line[k] != ' ')
                continue;
            char a[512], b[512], in[2048], want[2048];
            snprintf(a, sizeof(a), "%.*s%s%s.", (int)k, line, forms[f].odd, line + k + 1);
            snprintf(b, sizeof(b), "%.*s%s%s.", (int)k, line, forms[f].same, line + k + 1);
            snprintf(in, sizeof(in), "%s\n\n" ARTICLE "\n\n%s\n", a, b);
            snprintf(want, sizeof(want), "%s | " ARTICLE, a);
            S_expect(in, want);
            snprintf(in, sizeof(in), "%s\n\n" ARTICLE "\n\n%s\n", b, a);
            snprintf(want, sizeof(want), "%s | " ARTICLE, b);
            S_expect(in, want);
        }
}

/* A date line is looked at only when it has a digit: one digit at every
 * place of a short line makes it a date line, a letter there does not. */
Test(boilerplate, date_lines_with_a_digit_anywhere)
{
    for (size_t k = 0; k < 54; k++) {
        char line[128], in[512], want[512];
        snprintf(line, sizeof(line), "%.*s5 Uhr", (int)k,
                 "......................................................................");
        snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n" CLOSING "\n", line);
        S_expect(in, ARTICLE " | " CLOSING);
        line[k] = 'x';
        snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n" CLOSING "\n", line);
        snprintf(want, sizeof(want), ARTICLE " | %s | " CLOSING, line);
        S_expect(in, want);
    }
}

/* Phrases that end a long line ("*Newsletter an."), in any case, and
 * lines that end otherwise (also in ß, whose bytes the ends are compared
 * under as "ss"). */
Test(boilerplate, long_lines_ending_in_a_phrase)
{
    const char *head = "Wenn Sie immer gut informiert sein wollen, dann melden Sie "
                       "sich doch einfach heute noch bei uns zum Bezug der ";
    const char *hits[] = {"Newsletter an.", "NEWSLETTER AN.", "newsletter an", "NewsLetter An"};
    const char *misses[] = {"Newsletter ab.", "Newsletter a.", "Newsletter anß",
                            "Newsletter aß.", "Newsletter AN!", "Newsletter an.."};
    for (size_t k = 0; k < sizeof(hits) / sizeof(hits[0]); k++) {
        char in[1024];
        snprintf(in, sizeof(in), ARTICLE "\n\n%s%s\n\n" CLOSING "\n", head, hits[k]);
        S_expect(in, ARTICLE " | " CLOSING);
    }
    for (size_t k = 0; k < sizeof(misses) / sizeof(misses[0]); k++) {
        char in[1024], want[1024];
        snprintf(in, sizeof(in), ARTICLE "\n\n%s%s\n\n" CLOSING "\n", head, misses[k]);
        snprintf(want, sizeof(want), ARTICLE " | %s%s | " CLOSING, head, misses[k]);
        S_expect(in, want);
    }
}

/* A floating phrase's piece in a long plain line is first told by its
 * first 8 bytes ORed with 0x20 (but where the piece has an 's', which may
 * be half of a ß): at every offset, in capitals and with ß for ss, and
 * look-alikes that differ in one of those bytes or later. */
Test(boilerplate, floating_phrases_in_long_lines_at_every_offset)
{
    const char *pad = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr";
    const char *tail = " und so weiter bis zum Ende dieser recht langen Zeile hier.";
    const char *hits[] = {"Datenschutzhinweise", "DATENSCHUTZHINWEISE",
                          "Datenßchutzhinweise", "Cookie-Einstellungen",
                          "COOKIE-EINSTELLUNGEN", "Ihre E-Mail-Adreße",
                          "IHRE E-MAIL-ADRESSE", "für unseren Newsletter",
                          "FÜR UNSEREN NEWSLETTER", "Einwilligungserklärung",
                          "EINWILLIGUNGSERKLÄRUNG"};
    const char *misses[] = {"Datenschutzhinweis", "Datenschytzhinweise",
                            "Cookie-Einstellung", "Cookje-Einstellungen",
                            "Cookie Einstellungen", "Ihre E-Mail-Adrese",
                            "Ihre E_Mail-Adresse", "für unseren Newsleter",
                            "für unsren Newsletter", "Einwilligungserklarung",
                            "Einwilligunqserklärung"};
    for (int hit = 0; hit < 2; hit++) {
        const char **list = hit ? hits : misses;
        size_t n = hit ? sizeof(hits) / sizeof(hits[0]) : sizeof(misses) / sizeof(misses[0]);
        for (size_t k = 0; k < n; k++) {
            /* "Datenßchutz" folds to "datensschutz": no hit */
            int want_hit = hit && strcmp(list[k], "Datenßchutzhinweise") != 0;
            for (size_t off = 0; off <= 24; off++) {
                char line[512], in[1024], want[1024];
                snprintf(line, sizeof(line), "Wir %.*s %s%s", (int)off, pad, list[k], tail);
                snprintf(in, sizeof(in), ARTICLE "\n\n%s\n\n" CLOSING "\n", line);
                if (want_hit)
                    snprintf(want, sizeof(want), ARTICLE " | " CLOSING);
                else
                    snprintf(want, sizeof(want), ARTICLE " | %s | " CLOSING, line);
                S_expect(in, want);
            }
        }
    }
}

/* S_kept's result with every '\r' dropped and the lines left empty by
 * that (or ending in spaces before it) trimmed away.  Caller frees. */
static char *S_kept_lf(const char *in)
{
    char *k = S_kept(in);
    rg_buf out;
    rg_i_buf_init(&out);
    for (char *seg = k, *next; seg; seg = next) {
        next = strstr(seg, " | ");
        if (next) {
            *next = '\0';
            next += 3;
        }
        size_t m = 0;
        for (char *q = seg; *q; q++)
            if (*q != '\r')
                seg[m++] = *q;
        while (m > 0 && seg[m - 1] == ' ')
            m--;
        size_t b = 0;
        while (b < m && seg[b] == ' ')
            b++;
        if (b == m)
            continue;
        if (out.len)
            rg_i_buf_adds(&out, " | ");
        rg_i_buf_add(&out, seg + b, m - b);
    }
    rg_i_buf_addc(&out, '\0');
    free(k);
    return out.data;
}

/* Line breaks and sentence ends are found in one pass, thirty-two bytes a
 * step: a glued tail behind a line of every length (so the break falls at
 * every place of a step), with CRLF, blank lines, and with or without a
 * line break at the end of the text; an end just before a break glues
 * nothing of the next line on. */
Test(boilerplate, line_breaks_and_glued_tails_at_every_offset)
{
    const char *head = "Sie sagte das am Montag in Kiew.";
    for (size_t L = 4; L <= 72; L++)
        for (int crlf = 0; crlf < 2; crlf++)
            for (int blank = 0; blank < 2; blank++)
                for (int last_nl = 0; last_nl < 2; last_nl++) {
                    char pre[128], in[512], want[512];
                    memset(pre, 'a', L - 1);
                    pre[0] = 'A';
                    pre[L - 1] = '.';
                    pre[L] = '\0';
                    const char *br = crlf ? "\r\n" : "\n";
                    snprintf(in, sizeof(in), "%s%s%s%sSelenskyj Rede Video 02:31%s%s%s", pre,
                             br, blank ? br : "", head, br, ARTICLE, last_nl ? br : "");
                    snprintf(want, sizeof(want), "%s | %s | %s", pre, head, ARTICLE);
                    char *k = S_kept_lf(in);
                    cr_expect_str_eq(k, want, "L %zu crlf %d blank %d nl %d", L, crlf, blank,
                                     last_nl);
                    free(k);
                    /* an end before the break: the next line is no tail */
                    snprintf(in, sizeof(in), "%s%s%sNeue Gespräche in Kiew sind geplant.%s", pre,
                             br, blank ? br : "", last_nl ? br : "");
                    snprintf(want, sizeof(want), "%s | Neue Gespräche in Kiew sind geplant.", pre);
                    k = S_kept_lf(in);
                    cr_expect_str_eq(k, want, "L %zu crlf %d blank %d nl %d", L, crlf, blank,
                                     last_nl);
                    free(k);
                }
}

/* One scratch reused over documents of every size (a pull quote, repeats,
 * furniture, a very large one whose buffers are then freed, an empty one)
 * blanks what a fresh strip does, byte for byte. */
Test(boilerplate, scratch_reused_equals_fresh)
{
    static const char *const lines[] = {
        "Die Regierung hat am Montag in Berlin neue Sanktionen gegen Moskau beschlossen, "
        "sagte Bundeskanzler Olaf Scholz. „Wir werden das nicht hinnehmen“, sagte er "
        "vor Journalisten in der Hauptstadt.",
        "„Wir werden das nicht hinnehmen“, sagte er vor Journalisten in der Hauptstadt.",
        "Mehr zum Thema",
        "Neue Sanktionen gegen Moskau",
        "Newsletter abonnieren",
        "12.03.2024, 14:31 Uhr",
        "Selenskyj Rede Video 02:31",
        "Startseite | Politik | Ausland",
        "Größere Änderungen  am Gesetz – über die Straße – sind nicht geplant.",
        "",
        "Kurz",
        "Teilen\r",
        "Außenministerin Annalena Baerbock reiste nach Kiew.",
    };
    const size_t nl = sizeof(lines) / sizeof(lines[0]);
    rg_boilerplate_scratch *sc = rg_i_boilerplate_scratch_new();
    uint32_t seed = 12345;
    const size_t sizes[] = {0, 1, 5, 400, 2000, 3, 20000, 60000, 800, 6u << 20, 300, 7000, 0, 120};
    size_t blanked = 0;
    for (size_t d = 0; d < sizeof(sizes) / sizeof(sizes[0]); d++) {
        rg_buf doc;
        rg_i_buf_init(&doc);
        while (doc.len < sizes[d]) {   /* sizes[d] bytes or a line more */
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&doc, lines[(seed >> 16) % nl]);
            rg_i_buf_addc(&doc, '\n');
        }
        size_t n = doc.len;
        char *a = malloc(n + 1), *b = malloc(n + 1);
        memcpy(a, doc.data ? doc.data : "", n);
        memcpy(b, doc.data ? doc.data : "", n);
        a[n] = b[n] = '\0';
        size_t ka = rg_i_boilerplate_strip(S_bp, a, n);
        size_t kb = rg_i_boilerplate_strip_with(S_bp, sc, b, n);
        cr_expect_eq(ka, kb, "document %zu", d);
        blanked += ka;
        cr_expect(memcmp(a, b, n) == 0, "document %zu", d);
        free(a);
        free(b);
        rg_i_buf_destroy(&doc);
    }
    cr_expect_gt(blanked, 1000);
    rg_i_boilerplate_scratch_free(sc);
    rg_i_boilerplate_scratch_free(NULL);
}
