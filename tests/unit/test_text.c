/*
 * test_text.c — UTF-8 repair, NFC and the offset map of stage 2.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "support.h"
#include "text.h"
#include "util.h"

/* Normalises the NUL-terminated s, asserting RG_OK. */
static void S_norm(rg_text *t, const char *s)
{
    cr_assert_eq(rg_i_text_init(t, s, strlen(s)), RG_OK);
    cr_assert_not_null(t->norm);
    cr_assert_eq(strlen(t->norm), t->len, "norm must hold no NUL");
}

/* Checks that the text stage maps the span of `needle` in the normalised
 * text to the span of `orig_needle` in the original `orig`. */
static void S_check_span(const rg_text *t, const char *orig,
                         const char *needle, const char *orig_needle)
{
    const char *p = strstr(t->norm, needle);
    cr_assert_not_null(p, "'%s' not in normalised text", needle);
    size_t off = (size_t)(p - t->norm);
    const char *q = strstr(orig, orig_needle);
    cr_assert_not_null(q);
    size_t want = (size_t)(q - orig);
    cr_assert_eq(rg_i_text_orig(t, off), want, "start %zu -> %zu, want %zu",
                 off, rg_i_text_orig(t, off), want);
    cr_assert_eq(rg_i_text_orig(t, off + strlen(needle)),
                 want + strlen(orig_needle));
}

Test(text, ascii_is_identity)
{
    const char *s = "Die Nato erklaerte am Montag:\r\n\"Wir haben Beweise.\"\n";
    rg_text t;
    S_norm(&t, s);
    cr_assert_null(t.map, "clean ASCII must not allocate a map");
    cr_assert_eq(t.len, strlen(s));
    cr_assert_str_eq(t.norm, s);
    cr_assert_eq(t.repaired, 0);
    cr_assert_eq(t.had_bom, 0);
    cr_assert_eq(rg_i_text_orig(&t, 5), 5);
    cr_assert_eq(rg_i_text_orig(&t, t.len), strlen(s));
    rg_i_text_destroy(&t);
}

Test(text, nfc_text_is_identity)
{
    /* Already NFC, non-ASCII: still byte-identical, so still no map. */
    const char *s = "Größe Ärger in Südkorea \xF0\x9F\x98\x80 – „gut“";
    rg_text t;
    S_norm(&t, s);
    cr_assert_null(t.map);
    cr_assert_str_eq(t.norm, s);
    rg_i_text_destroy(&t);
}

Test(text, decomposed_e_acute_composes)
{
    const char *s = "Caf" "e\xCC\x81";
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "Caf\xC3\xA9");
    cr_assert_eq(t.len, 5);
    cr_assert_not_null(t.map);
    cr_assert_eq(t.map[0], 0);
    cr_assert_eq(t.map[2], 2);
    /* Both bytes of é stand for the cluster "e + U+0301" at 3. */
    cr_assert_eq(t.map[3], 3);
    cr_assert_eq(t.map[4], 3);
    /* The end of the cluster is the original end. */
    cr_assert_eq(t.map[5], 6);
    cr_assert_eq(rg_i_text_orig(&t, t.len), strlen(s));
    rg_i_text_destroy(&t);
}

Test(text, boundary_after_changed_cluster_is_exact)
{
    const char *s = "Caf" "e\xCC\x81" " au lait";
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "Caf\xC3\xA9 au lait");
    S_check_span(&t, s, "Caf\xC3\xA9", "Cafe\xCC\x81");
    S_check_span(&t, s, "au", "au");
    S_check_span(&t, s, "lait", "lait");
    rg_i_text_destroy(&t);
}

Test(text, mention_after_umlaut_and_emoji)
{
    /* Ä written decomposed (A + U+0308), so the text changes and a map is
     * needed; the emoji is four bytes that stay as they are. */
    const char *s = "A\xCC\x88 \xF0\x9F\x98\x80 Nordkorea droht.";
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "\xC3\x84 \xF0\x9F\x98\x80 Nordkorea droht.");
    cr_assert_not_null(t.map);
    S_check_span(&t, s, "Nordkorea", "Nordkorea");
    const char *p = strstr(t.norm, "Nordkorea");
    size_t off = (size_t)(p - t.norm);
    cr_assert_eq(off, 8);
    cr_assert_eq(rg_i_text_orig(&t, off), 9);
    cr_assert_eq(memcmp(s + rg_i_text_orig(&t, off), "Nordkorea", 9), 0);
    /* The emoji's own bytes map one to one. */
    S_check_span(&t, s, "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80");
    rg_i_text_destroy(&t);
}

Test(text, combining_mark_after_ascii_run)
{
    /* The last ASCII letter of a run joins the mark that follows it. */
    const char *s = "Pokemon Pok\x65\xCC\x81mon";
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "Pokemon Pok\xC3\xA9mon");
    S_check_span(&t, s, "Pok\xC3\xA9mon", "Poke\xCC\x81mon");
    S_check_span(&t, s, "mon", "mon");
    rg_i_text_destroy(&t);
}

Test(text, hangul_jamo_compose)
{
    const char *s = "x \xE1\x84\x80\xE1\x85\xA1 y"; /* U+1100 U+1161 */
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "x \xEA\xB0\x80 y"); /* U+AC00 */
    S_check_span(&t, s, "y", "y");
    cr_assert_eq(t.map[2], 2);
    cr_assert_eq(t.map[5], 8);
    rg_i_text_destroy(&t);
}

Test(text, bom_dropped_offsets_into_original)
{
    const char *s = "\xEF\xBB\xBFNordkorea und Russland";
    rg_text t;
    S_norm(&t, s);
    cr_assert_eq(t.had_bom, 1);
    cr_assert_str_eq(t.norm, "Nordkorea und Russland");
    cr_assert_not_null(t.map);
    cr_assert_eq(rg_i_text_orig(&t, 0), 3);
    S_check_span(&t, s, "Nordkorea", "Nordkorea");
    S_check_span(&t, s, "Russland", "Russland");
    cr_assert_eq(rg_i_text_orig(&t, t.len), strlen(s));
    rg_i_text_destroy(&t);
}

Test(text, bom_only)
{
    rg_text t;
    S_norm(&t, "\xEF\xBB\xBF");
    cr_assert_eq(t.had_bom, 1);
    cr_assert_eq(t.len, 0);
    cr_assert_eq(rg_i_text_orig(&t, 0), 3);
    rg_i_text_destroy(&t);
}

Test(text, bom_only_at_start)
{
    /* A BOM later in the text is U+FEFF, a character, not dropped. */
    const char *s = "a\xEF\xBB\xBF" "b";
    rg_text t;
    S_norm(&t, s);
    cr_assert_eq(t.had_bom, 0);
    cr_assert_str_eq(t.norm, s);
    rg_i_text_destroy(&t);
}

Test(text, invalid_byte_replaced)
{
    /* "ä" makes it UTF-8 with damage (not Windows-1252) */
    const char *s = "\xC3\xA4\xFF" "cd";
    rg_text t;
    S_norm(&t, s);
    cr_assert_str_eq(t.norm, "\xC3\xA4\xEF\xBF\xBD" "cd");
    cr_assert_eq(t.repaired, 1);
    cr_assert_eq(t.first_invalid, 2);
    cr_assert_not_null(t.map);
    cr_assert_eq(t.map[2], 2);
    cr_assert_eq(t.map[4], 2);
    cr_assert_eq(t.map[5], 3); /* 'c' */
    cr_assert_eq(t.map[7], 5);
    rg_i_text_destroy(&t);
}

Test(text, invalid_sequences_counted_by_maximal_subpart)
{
    /* A truncated 3-byte sequence is one repair (E2 82), a lone
     * continuation byte another, a surrogate (ED A0 80) three (ED is not
     * followed by a valid second byte, so each byte stands alone). */
    const char *s = "\xC3\x96k \xE2\x82 x \x80 y \xED\xA0\x80 z";
    rg_text t;
    S_norm(&t, s);
    cr_assert_eq(t.repaired, 5);
    cr_assert_eq(t.first_invalid, 4);
    cr_assert_str_eq(t.norm, "\xC3\x96k \xEF\xBF\xBD x \xEF\xBF\xBD y "
                             "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD z");
    S_check_span(&t, s, "x", "x");
    S_check_span(&t, s, "z", "z");
    rg_i_text_destroy(&t);
}

Test(text, truncated_at_end)
{
    const char *s = "Seoul \xC3";
    rg_text t;
    S_norm(&t, s);
    cr_assert_eq(t.repaired, 1);
    cr_assert_eq(t.first_invalid, 6);
    cr_assert_str_eq(t.norm, "Seoul \xEF\xBF\xBD");
    cr_assert_eq(rg_i_text_orig(&t, t.len), 7);
    rg_i_text_destroy(&t);
}

Test(text, nul_is_binary)
{
    const char s[] = "PK\x03\x04\0\0binary";
    rg_text t;
    cr_assert_eq(rg_i_text_init(&t, s, sizeof(s) - 1), RG_EENCODING);
    cr_assert_null(t.norm);
    cr_assert_null(t.map);
    rg_i_text_destroy(&t);
    rg_i_text_destroy(&t);
}

Test(text, too_long_is_einval)
{
    rg_text t;
    /* Rejected before a byte is read. */
    cr_assert_eq(rg_i_text_init(&t, "", (size_t)UINT32_MAX), RG_EINVAL);
    cr_assert_null(t.norm);
    rg_i_text_destroy(&t);
}

Test(text, empty_input)
{
    rg_text t;
    cr_assert_eq(rg_i_text_init(&t, NULL, 0), RG_OK);
    cr_assert_not_null(t.norm);
    cr_assert_str_eq(t.norm, "");
    cr_assert_eq(t.len, 0);
    cr_assert_null(t.map);
    cr_assert_eq(rg_i_text_orig(&t, 0), 0);
    rg_i_text_destroy(&t);
}

Test(text, map_is_monotonic_and_boundaries_exact)
{
    /* A mix of every case: BOM, decomposed, repaired, emoji with skin
     * tone, flag, CR LF. */
    const char *s = "\xEF\xBB\xBF" "A\xCC\x88rger\r\n"
                    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD " /* thumbs up, tone */
                    "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA " /* flag DE */
                    "\xFF" "o\xCC\x88l Stra\xC3\x9F" "e";
    rg_text t;
    S_norm(&t, s);
    cr_assert_not_null(t.map);
    for (size_t k = 1; k <= t.len; k++)
        cr_assert_geq(t.map[k], t.map[k - 1], "map falls at %zu", k);
    cr_assert_eq(t.map[t.len], strlen(s));
    S_check_span(&t, s, "\xC3\x84rger", "A\xCC\x88rger");
    S_check_span(&t, s, "\xC3\xB6l", "o\xCC\x88l");
    S_check_span(&t, s, "Stra\xC3\x9F" "e", "Stra\xC3\x9F" "e");
    S_check_span(&t, s, "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA",
                 "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA");
    rg_i_text_destroy(&t);
}

Test(text, zalgo_stays_linear, .timeout = 20)
{
    /* One base and 200,000 marks of alternating combining classes: the
     * worst case of canonical ordering.  Must finish quickly, keep every
     * mark and keep the map monotonic. */
    size_t marks = 200000;
    size_t len = 1 + 2 * marks + 2;
    char *s = malloc(len + 1);
    cr_assert_not_null(s);
    s[0] = 'a';
    for (size_t k = 0; k < marks; k++)
        memcpy(s + 1 + 2 * k, (k & 1) ? "\xCC\xA3" : "\xCC\x81", 2);
    memcpy(s + 1 + 2 * marks, " b", 3);
    rg_text t;
    cr_assert_eq(rg_i_text_init(&t, s, len), RG_OK);
    cr_assert_eq(t.len, len);
    cr_assert_eq(memcmp(t.norm + t.len - 2, " b", 2), 0);
    cr_assert_eq(rg_i_text_orig(&t, t.len - 1), len - 1);
    if (t.map)
        for (size_t k = 1; k <= t.len; k++)
            cr_assert_geq(t.map[k], t.map[k - 1]);
    rg_i_text_destroy(&t);
    free(s);
}

Test(text, latin1_is_decoded_as_windows_1252)
{
    /* No valid UTF-8 sequence at all: a legacy 8-bit file. */
    const char *s = "Pj\xF6ngjang \x84Zitat\x93 \x81";
    rg_text t;
    S_norm(&t, s);
    cr_assert(t.legacy);
    cr_assert_str_eq(t.norm, "Pj\xC3\xB6ngjang \xE2\x80\x9EZitat\xE2\x80\x9C \xEF\xBF\xBD");
    cr_assert_eq(t.repaired, 1, "0x81 is unassigned in Windows-1252");
    cr_assert_eq(t.first_invalid, 18);
    S_check_span(&t, s, "Pj\xC3\xB6ngjang", "Pj\xF6ngjang");
    S_check_span(&t, s, "Zitat", "Zitat");
    cr_assert_eq(rg_i_text_orig(&t, t.len), strlen(s));
    rg_i_text_destroy(&t);
}

/* rg_i_text_init's fast paths (runs of U+0000..U+00FF, punctuation of
 * U+2000..U+206F before ASCII) against its general path: the same text,
 * map and counts. */
static void S_same_as_general(const char *s, size_t len)
{
    rg_text a, b;
    rg_status sa = rg_i_text_init(&a, s, len);
    rg_status sb = rg_i_text_init_general(&b, s, len);
    cr_assert_eq(sa, sb);
    cr_assert_eq(a.len, b.len, "'%.*s': %zu bytes, general %zu", (int)len, s,
                 a.len, b.len);
    if (a.len)
        cr_assert(memcmp(a.norm, b.norm, a.len) == 0, "'%.*s'", (int)len, s);
    cr_assert_eq(!a.map, !b.map, "'%.*s': map", (int)len, s);
    if (a.map)
        cr_assert(memcmp(a.map, b.map, (a.len + 1) * sizeof(*a.map)) == 0,
                  "'%.*s': map differs", (int)len, s);
    cr_assert(a.repaired == b.repaired && a.first_invalid == b.first_invalid &&
              a.had_bom == b.had_bom && a.legacy == b.legacy);
    /* In place: the same text, which is the bytes themselves exactly when
     * nothing changed. */
    char *own = malloc(len + 1);
    memcpy(own, s, len);
    own[len] = '\0';
    rg_text c;
    cr_assert_eq(rg_i_text_init_in_place(&c, own, len), sa);
    cr_assert_eq(c.len, a.len);
    if (a.len)
        cr_assert(memcmp(c.norm, a.norm, a.len) == 0, "'%.*s' in place", (int)len, s);
    cr_assert_eq(!c.map, !a.map);
    if (a.map)
        cr_assert(memcmp(c.map, a.map, (a.len + 1) * sizeof(*a.map)) == 0);
    cr_assert(c.repaired == a.repaired && c.first_invalid == a.first_invalid &&
              c.had_bom == a.had_bom && c.legacy == a.legacy);
    int same = sa == RG_OK && !a.map && a.len == len;
    cr_assert_eq(c.borrowed, same, "'%.*s': borrowed %d", (int)len, s, c.borrowed);
    cr_assert_eq(c.norm == own, same);
    if (c.norm)
        cr_assert_eq(c.norm[c.len], '\0');
    rg_i_text_destroy(&c);
    free(own);
    rg_i_text_destroy(&a);
    rg_i_text_destroy(&b);
}

static const char *const S_pieces[] = {
    "a", "Z", " ", "\r\n", "\n", ".", "1", "ä", "ß", "É", "\u00A0", "©",
    "e\xCC\x81", "\xCC\x81", "\xCC\x88", "\u2013", "\u201E", "\u201C",
    "\u2026", "\u200B", "\u200C", "\u200D", "\u2028", "\u2060", "\u20AC",
    "\u2000", "\u2001", "\u2066", "\u0600", "\u0915\u094D", "\u1100\u1161",
    "\U0001F44D", "\U0001F3FD", "\U0001F1E9", "\U0001F1EA", "\u2764",
    "\uFE0F", "\xFF", "\xC3", "\xE2\x80", "\xEF\xBB\xBF", "\x80",
    ("Stra\xC3\x9F" "e"), "abcdefghijklmnop", "\u00E4\u00F6\u00FC\u00DF",
};

Test(text, fast_paths_agree_with_the_general_path)
{
    for (size_t k = 0; k < RG_COUNT(S_pieces); k++)
        for (size_t l = 0; l < RG_COUNT(S_pieces); l++)
            for (size_t m = 0; m < RG_COUNT(S_pieces); m++) {
                char s[96];
                int n = snprintf(s, sizeof(s), "%s%s%s", S_pieces[k],
                                 S_pieces[l], S_pieces[m]);
                S_same_as_general(s, (size_t)n);
            }
    unsigned seed = 4711;
    rg_buf b;
    rg_i_buf_init(&b);
    for (int round = 0; round < 3000; round++) {
        rg_i_buf_reset(&b);
        size_t parts = 1 + (size_t)(round % 50);
        for (size_t p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            rg_i_buf_adds(&b, S_pieces[(seed >> 8) % RG_COUNT(S_pieces)]);
        }
        S_same_as_general(b.data, b.len);
    }
    rg_i_buf_destroy(&b);
    /* Every code point of U+2000..U+20FF (the table of rg_i_e2_classes)
     * between ASCII and others, also inside a run of U+0000..U+00FF ("xy",
     * "äb" start one). */
    static const char *const around[] = {"x", ".", " ", "ä", "\xCC\x81",
                                         "\u0600", "\u200D", "\U0001F44D",
                                         "xy", "\u00E4b", "\u2013"};
    for (utf8proc_int32_t cp = 0x2000; cp <= 0x20FF; cp++) {
        utf8proc_uint8_t u[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
        for (size_t k = 0; k < RG_COUNT(around); k++)
            for (size_t l = 0; l < RG_COUNT(around); l++) {
                char s[32];
                size_t a = strlen(around[k]), z = strlen(around[l]);
                memcpy(s, around[k], a);
                memcpy(s + a, u, (size_t)n);
                memcpy(s + a + (size_t)n, around[l], z);
                S_same_as_general(s, a + (size_t)n + z);
                S_same_as_general(s + a, (size_t)n + z);
                S_same_as_general(s, a + (size_t)n);
            }
    }
}

/* The four-byte code points in a run (S_run4): every one of the emoji
 * blocks (U+1F000..U+1FAFF) and a sample of the others between ASCII,
 * Latin-1 letters, a dash and what joins them (skin tone, U+FE0F, ZWJ). */
Test(text, four_byte_code_points_in_runs_agree_with_the_general_path)
{
    static const char *const around[] = {"x", "\u00E4b", "\u2013",
                                         "\U0001F3FD", "\uFE0F", "\u200D",
                                         "\U0001F44D"};
    for (utf8proc_int32_t cp = 0x10000; cp <= 0x10FFFF;
         cp += cp >= 0x1F000 && cp < 0x1FB00 ? 1 : 211) {
        utf8proc_uint8_t u[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
        for (size_t k = 0; k < RG_COUNT(around); k++)
            for (size_t l = 0; l < RG_COUNT(around); l++) {
                char s[32];
                size_t a = strlen(around[k]), z = strlen(around[l]);
                memcpy(s, around[k], a);
                memcpy(s + a, u, (size_t)n);
                memcpy(s + a + (size_t)n, around[l], z);
                S_same_as_general(s, a + (size_t)n + z);
                S_same_as_general(s, a + (size_t)n);
            }
    }
}

/* The 32-byte steps over ASCII and Latin-1 letters: every piece that may
 * end a run (or not) at every offset of the window, in long runs. */
Test(text, long_runs_agree_with_the_general_path)
{
    static const char *const pieces[] = {
        "\xC3\xA4", "\xC3\x9F", "\xC2\xA0", "\xC3\xA4\xCC\x81",
        "\xCC\x81", "\xC3", "\xC3\xC3\xA4", "\xC2\x80\xC2", "\x80",
        "\xE2\x80\x93", "\xF0\x9F\x91\x8D", "\xFF", "\r\n", "e\xCC\x88",
        "\xC3\xA4\xC3\xB6\xC3\xBC\xC3\x9F",
    };
    char s[160];
    for (size_t k = 0; k < RG_COUNT(pieces); k++)
        for (size_t lead = 0; lead < 70; lead++) {
            size_t n = 0;
            /* ASCII with ä at every ninth byte: a lead byte in every
             * lane of the window over the offsets. */
            for (size_t i = 0; i < lead; i++) {
                if (i % 9 == 4 && i + 1 < lead) {
                    s[n++] = '\xC3';
                    s[n++] = '\xA4';
                    i++;
                } else {
                    s[n++] = 'a';
                }
            }
            size_t p = strlen(pieces[k]);
            memcpy(s + n, pieces[k], p);
            n += p;
            for (size_t i = 0; i < 40; i++)
                s[n++] = i % 5 == 2 ? ' ' : 'z';
            S_same_as_general(s, n);
            S_same_as_general(s, n - 40);
        }
}
