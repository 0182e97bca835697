/*
 * test_html.c — web pages as input (stage 1b): what text is taken from a
 * page, paragraph breaks, entities, charsets, and the map back to the
 * bytes of the HTML file.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static void S_page(rg_html *h, const char *page)
{
    rg_i_html_init(h);
    cr_assert_eq(rg_i_html_to_text(h, page, strlen(page)), RG_OK);
    cr_assert_not_null(h->text.data);
    cr_assert_eq(strlen(h->text.data), h->text.len);
}

/* The file bytes [start, end) of the first occurrence of `word` in the
 * extracted text. */
static void S_span(const rg_html *h, const char *word, size_t *s, size_t *e)
{
    const char *p = strstr(h->text.data, word);
    cr_assert_not_null(p, "'%s' not in the text: %s", word, h->text.data);
    size_t off = (size_t)(p - h->text.data), n = strlen(word);
    *s = h->start[off];
    *e = h->end[off + n - 1];
}

/* `word` in the text comes from exactly the bytes `raw` of `page`. */
static void S_expect_raw(const rg_html *h, const char *page, const char *word,
                         const char *raw)
{
    size_t s, e;
    S_span(h, word, &s, &e);
    const char *q = strstr(page, raw);
    cr_assert_not_null(q);
    cr_expect_eq(s, (size_t)(q - page), "'%s' starts at %zu, want %zu", word, s,
                 (size_t)(q - page));
    cr_expect_eq(e - s, strlen(raw), "'%s' spans %zu bytes, want %zu", word,
                 e - s, strlen(raw));
}

Test(html, detect)
{
    cr_expect(rg_i_html_detect("a/b.html", "x", 1));
    cr_expect(rg_i_html_detect("a/B.HTM", "x", 1));
    cr_expect(!rg_i_html_detect("a.html/b.txt", "x", 1));
    const char *yes[] = {"<!DOCTYPE html><p>x", "\xEF\xBB\xBF  <html>", "\n<HEAD>",
                         "<body>", "<!-- saved -->\n<!doctype HTML>"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
        cr_expect(rg_i_html_detect(NULL, yes[i], strlen(yes[i])), "%s", yes[i]);
    const char *no[] = {"Text <html>", "<htmlx>", "<p>Absatz</p>", "", "<!-- x"};
    for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
        cr_expect(!rg_i_html_detect("a.txt", no[i], strlen(no[i])), "%s", no[i]);
}

Test(html, furniture_elements_are_left_out)
{
    static const char page[] =
        "<!DOCTYPE html><html><head><title>Titel Putin</title>"
        "<style>p { color: red }</style><script>var s = '<p>Putin</p>';</script>"
        "</head><body>"
        "<header><nav><a href=\"/\">Startseite Nordkorea</a></nav></header>"
        "<article><header><h1>Kim trifft Putin</h1></header>"
        "<p>Russland und Nordkorea.</p>"
        "<aside>Lesen Sie auch China</aside>"
        "<div role=\"navigation\">Menü Japan</div>"
        "<p aria-hidden=\"true\">versteckt Indien</p>"
        "<p hidden>verborgen Iran</p>"
        "<form><label>E-Mail Irak</label></form>"
        "<noscript>Bitte JavaScript Syrien</noscript>"
        "</article>"
        "<footer>© 2024 Türkei</footer></body></html>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data, "Kim trifft Putin\n\nRussland und Nordkorea.");
    rg_i_html_destroy(&h);
}

Test(html, blocks_become_paragraphs_and_spaces_collapse)
{
    static const char page[] =
        "<body><h2>Titel</h2><p>Ein   Satz\n  über\tzwei Zeilen.</p>"
        "<ul><li>eins</li><li>zwei</li></ul>Zeile<br>Nächste"
        "<table><tr><td>A</td><td>B</td></tr></table>"
        "<p>Wort<b>teil</b> und <i>kursiv</i>.</p><pre>a\nb</pre></body>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data,
                     "Titel\n\nEin Satz über zwei Zeilen.\n\neins\n\nzwei\n\n"
                     "Zeile\n\nNächste\n\nA\n\nB\n\nWortteil und kursiv.\n\na\nb");
    rg_i_html_destroy(&h);
}

Test(html, entities_map_to_their_first_byte)
{
    static const char page[] =
        "<p>M&uuml;ller &amp; Pj&#246;ngjang&#x2013;Kurs, Kim&nbsp;Jong-un, "
        "Nato&shy;gipfel, &foo; x</p>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data,
                     "Müller & Pjöngjang–Kurs, Kim Jong-un, Natogipfel, &foo; x");
    S_expect_raw(&h, page, "Müller", "M&uuml;ller");
    S_expect_raw(&h, page, "&", "&amp;");
    S_expect_raw(&h, page, "Pjöngjang–", "Pj&#246;ngjang&#x2013;");
    S_expect_raw(&h, page, "Kim", "Kim");
    S_expect_raw(&h, page, "Jong-un", "Jong-un");
    S_expect_raw(&h, page, "Natogipfel", "Nato&shy;gipfel");
    S_expect_raw(&h, page, "&foo;", "&foo;");
    /* every character after an entity still maps to its own byte */
    size_t s, e;
    S_span(&h, "ller", &s, &e);
    cr_expect_eq(s, (size_t)(strstr(page, "ller") - page));
    rg_i_html_destroy(&h);
}

Test(html, words_across_tags_span_the_tags)
{
    static const char page[] = "<p>Die <i>Bundes</i>regierung und <b>Putin</b>.</p>";
    rg_html h;
    S_page(&h, page);
    S_expect_raw(&h, page, "Bundesregierung", "Bundes</i>regierung");
    /* the end of a word is the end of its last character, before </b> */
    S_expect_raw(&h, page, "Putin", "Putin");
    rg_i_html_destroy(&h);
}

Test(html, latin1_page_maps_to_original_bytes)
{
    static const char page[] =
        "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=ISO-8859-1\"></head>"
        "<body><p>Gr\xFC\xDF" "e aus M\xFCnchen nach Pj\xF6ngjang.</p></body></html>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data, "Grüße aus München nach Pjöngjang.");
    cr_expect_str_eq(h.charset, "windows-1252");
    S_expect_raw(&h, page, "Pjöngjang", "Pj\xF6ngjang");
    S_expect_raw(&h, page, "Grüße", "Gr\xFC\xDF" "e");
    cr_expect_eq(h.start[h.text.len], strlen(page));
    rg_i_html_destroy(&h);
}

Test(html, meta_charset_and_undeclared_legacy_bytes)
{
    static const char declared[] =
        "<meta charset=\"windows-1252\"><p>\x84Zitat\x93 \x96 Selenskyj</p>";
    rg_html h;
    S_page(&h, declared);
    cr_expect_str_eq(h.text.data, "„Zitat“ – Selenskyj");
    S_expect_raw(&h, declared, "Selenskyj", "Selenskyj");
    rg_i_html_destroy(&h);

    static const char undeclared[] = "<body><p>K\xF6ln und Br\xFCssel</p>";
    S_page(&h, undeclared);
    cr_expect_str_eq(h.text.data, "Köln und Brüssel");
    S_expect_raw(&h, undeclared, "Brüssel", "Br\xFCssel");
    rg_i_html_destroy(&h);
}

Test(html, utf8_page_with_meta_is_not_converted_twice)
{
    static const char page[] =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Kim Jong-un "
        "verl\xC3\xA4sst Pj\xC3\xB6ngjang.</p></body></html>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data, "Kim Jong-un verlässt Pjöngjang.");
    S_expect_raw(&h, page, "Pjöngjang", "Pj\xC3\xB6ngjang");
    rg_i_html_destroy(&h);
}

Test(html, binary_and_empty)
{
    rg_html h;
    rg_i_html_init(&h);
    cr_expect_eq(rg_i_html_to_text(&h, "<html>\0x", 8), RG_EENCODING);
    cr_expect_eq(rg_i_html_to_text(&h, "", 0), RG_OK);
    cr_expect_eq(h.text.len, 0);
    cr_expect_eq(h.start[0], 0);
    cr_expect_eq(rg_i_html_to_text(&h, "<html><body></body></html>", 26), RG_OK);
    cr_expect_eq(h.text.len, 0);
    rg_i_html_destroy(&h);
}

Test(html, broken_markup_is_recovered)
{
    static const char page[] =
        "<html><body><p>Erster <b>Absatz<p>Zweiter &lt;Absatz&gt; <div>Dritter</body>";
    rg_html h;
    S_page(&h, page);
    cr_expect_str_eq(h.text.data, "Erster Absatz\n\nZweiter <Absatz>\n\nDritter");
    S_expect_raw(&h, page, "<Absatz>", "&lt;Absatz&gt;");
    rg_i_html_destroy(&h);
}
