/*
 * test_gazetteer.c — the compiled matcher: leftmost-longest, never
 * overlapping, the capitalisation rule, last loaded wins.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "gazetteer.h"
#include "support.h"
#include "tokens.h"
#include "util.h"

#define ACTORS_HEAD "id\ttype\tlabel\tqid\n"
#define ALIASES_HEAD "actor\tform\talias\n"

static const char *ACTORS =
    ACTORS_HEAD
    "kim_jong_un\tperson\tKim Jong-un\t\n"
    "kim_family\tother\tKim\t\n"
    "bundestag\torganization\tDeutscher Bundestag\t\n"
    "germany\tcountry\tDeutschland\t\n"
    "usa\tcountry\tUSA\t\n"
    "europe_states\tother\tStaaten Europas\t\n"
    "stern\torganization\tstern\t\n"
    "star\tother\tStern\t\n"
    "nato\torganization\tNATO\t\n"
    "russia\tcountry\tRussland\t\n"
    "cdu\torganization\tCDU\t\n"
    "cdu_csu\torganization\tUnion (CDU/CSU)\t\n"
    "eu\torganization\tEU\t\n"
    "long\tother\tLong\t\n";

static rg_dict *D;
static rg_tokens T;
static rg_matches M;

static void setup(void)
{
    D = NULL;
    rg_i_tokens_init(&T);
    memset(&M, 0, sizeof(M));
}

static void teardown(void)
{
    rg_dict_free(D);
    rg_i_tokens_destroy(&T);
    free(M.v);
}

TestSuite(gazetteer, .init = setup, .fini = teardown);

/* Tokenizes text and matches over all of it; returns the match count. */
static size_t match(const char *text)
{
    rg_i_tokenize(&T, text, strlen(text));
    M.n = 0;
    rg_i_gazetteer_match(D->gaz, &T, 0, T.n, &M);
    return M.n;
}

/* The surface of match i in text. */
static char *surface(const char *text, size_t i)
{
    return rg_i_xstrndup(text + T.v[M.v[i].tok_begin].start,
                         T.v[M.v[i].tok_end - 1].end -
                             T.v[M.v[i].tok_begin].start);
}

/* The actor id of match i. */
static const char *actor(size_t i)
{
    return D->actors[D->aliases[M.v[i].alias].actor].id;
}

#define EXPECT_MATCH(text, i, surf, id)                                      \
    do {                                                                     \
        char *s_ = surface((text), (i));                                     \
        cr_expect_str_eq(s_, (surf), "match %zu in \"%s\"", (size_t)(i),     \
                         (text));                                            \
        cr_expect_str_eq(actor(i), (id), "match %zu in \"%s\"", (size_t)(i), \
                         (text));                                            \
        free(s_);                                                            \
    } while (0)

Test(gazetteer, longest_alias_wins_and_prefixes_alone_do_not_match)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "kim_family\tname\tKim\n"
                              "kim_jong_un\tname\tKim Jong-un\n"
                              "usa\tname\tVereinigte Staaten von Amerika\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "Kim Jong-un und Kim Yo-jong";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "Kim Jong-un", "kim_jong_un");
    EXPECT_MATCH(t, 1, "Kim", "kim_family");
    /* A walk that reaches no accepting state matches nothing ... */
    t = "die Vereinigte Staaten von Europa";
    cr_assert_eq(match(t), 0);
    /* ... and one that runs past its last accepting state falls back. */
    t = "Kim Jong";
    cr_assert_eq(match(t), 1);
    EXPECT_MATCH(t, 0, "Kim", "kim_family");
}

Test(gazetteer, official_name_over_its_parts)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "bundestag\tname\tDeutschen Bundestag\n"
                              "bundestag\tshort\tBundestag\n"
                              "germany\tadjective\tdeutschen\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "im Deutschen Bundestag";
    cr_assert_eq(match(t), 1);
    EXPECT_MATCH(t, 0, "Deutschen Bundestag", "bundestag");
    cr_expect_eq(D->aliases[M.v[0].alias].form, RG_FORM_NAME);
    /* Lowercase "deutschen" is the adjective; the name needs its capital. */
    t = "vor dem deutschen Bundestag";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "deutschen", "germany");
    EXPECT_MATCH(t, 1, "Bundestag", "bundestag");
    t = "Deutschen Regierungen";
    cr_assert_eq(match(t), 1);
    EXPECT_MATCH(t, 0, "Deutschen", "germany");
}

Test(gazetteer, leftmost_match_wins_and_matches_never_overlap)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "usa\tname\tVereinigte Staaten\n"
                              "europe_states\tname\tStaaten Europas\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "Vereinigte Staaten Europas";
    cr_assert_eq(match(t), 1);
    EXPECT_MATCH(t, 0, "Vereinigte Staaten", "usa");
    t = "die Staaten Europas und die Vereinigte Staaten";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "Staaten Europas", "europe_states");
    EXPECT_MATCH(t, 1, "Vereinigte Staaten", "usa");
}

Test(gazetteer, capitalised_alias_needs_capitalised_text)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "nato\tname\tNATO\n"
                              "star\tname\tStern\n"
                              "russia\tadjective\trussische\n",
                 NULL);
    cr_assert_not_null(D);
    cr_assert_eq(match("NATO Nato nato"), 2);
    cr_expect_eq(M.v[0].tok_begin, 0);
    cr_expect_eq(M.v[1].tok_begin, 1);
    cr_expect_eq(match("ein heller Stern"), 1);
    cr_expect_eq(match("sagte dem stern"), 0);
    /* A lowercase alias word matches either. */
    cr_expect_eq(match("Russische Truppen und russische Panzer"), 2);
}

Test(gazetteer, same_words_with_different_capitals_stay_apart)
{
    /* "stern" (the magazine, lowercase) matches "stern" and "Stern";
     * "Stern" listed later takes over only the capitalised text. */
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "stern\tname\tstern\n"
                              "star\tname\tStern\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "sagte dem stern unter einem Stern";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "stern", "stern");
    EXPECT_MATCH(t, 1, "Stern", "star");
    rg_dict_free(D);

    /* Listed the other way round the lowercase alias, loaded last, wins
     * both: last loaded wins wherever two aliases match the same text. */
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "star\tname\tStern\n"
                              "stern\tname\tstern\n",
                 NULL);
    cr_assert_not_null(D);
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "stern", "stern");
    EXPECT_MATCH(t, 1, "Stern", "stern");
}

Test(gazetteer, last_loaded_alias_wins)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "eu\tshort\tUnion\n"
                              "cdu_csu\tshort\tUnion\n",
                 NULL);
    cr_assert_not_null(D);
    cr_assert_eq(match("die Union"), 1);
    cr_expect_str_eq(actor(0), "cdu_csu");
}

Test(gazetteer, user_dictionary_loaded_later_overrides_an_alias)
{
    char *dir = rgt_tmpdir();
    char *a = rgt_path(dir, "actors.tsv"), *b = rgt_path(dir, "aliases.tsv"),
         *u = rgt_path(dir, "user.tsv");
    rgt_write_file(a, ACTORS);
    rgt_write_file(b, ALIASES_HEAD "cdu_csu\tshort\tUnion\n");
    rgt_write_file(u, ALIASES_HEAD "eu\tshort\tUnion\n");
    D = rg_dict_new();
    cr_assert_eq(rg_dict_load(D, a, NULL), RG_OK);
    cr_assert_eq(rg_dict_load(D, b, NULL), RG_OK);
    cr_assert_eq(rg_dict_load(D, u, NULL), RG_OK);
    cr_assert_eq(rg_dict_finish(D, NULL), RG_OK);
    cr_assert_eq(match("die Union"), 1);
    cr_expect_str_eq(actor(0), "eu");
    rgt_rmtree(dir);
    free(a);
    free(b);
    free(u);
    free(dir);
}

Test(gazetteer, punctuation_inside_an_alias)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "cdu\tname\tCDU\n"
                              "cdu_csu\tname\tCDU/CSU\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "die CDU/CSU und die CDU";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "CDU/CSU", "cdu_csu");
    EXPECT_MATCH(t, 1, "CDU", "cdu");
}

Test(gazetteer, matches_stay_within_the_range_and_are_appended)
{
    D = rgt_dict(ACTORS, ALIASES_HEAD "kim_jong_un\tname\tKim Jong-un\n"
                                      "russia\tname\tRussland\n",
                 NULL);
    cr_assert_not_null(D);
    const char *t = "Russland und Kim Jong-un";
    rg_i_tokenize(&T, t, strlen(t));
    M.n = 0;
    /* The range ends inside the name: it cannot match. */
    rg_i_gazetteer_match(D->gaz, &T, 0, T.n - 1, &M);
    cr_assert_eq(M.n, 1);
    rg_i_gazetteer_match(D->gaz, &T, 1, T.n, &M);
    cr_assert_eq(M.n, 2);
    cr_expect_eq(M.v[0].tok_begin, 0);
    cr_expect_eq(M.v[1].tok_begin, 2);
    cr_expect_eq(M.v[1].tok_end, T.n);
}

Test(gazetteer, alias_with_many_lowercase_words)
{
    /* More lowercase words than get every capitalisation: as written and
     * with the first word capitalised still match. */
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "long\tname\tdie partei der arbeit des volkes "
                              "in der stadt\n",
                 NULL);
    cr_assert_not_null(D);
    cr_expect_eq(match("x die partei der arbeit des volkes in der stadt"), 1);
    cr_expect_eq(match("Die partei der arbeit des volkes in der stadt"), 1);
    cr_expect_eq(match("Die Partei der Arbeit des Volkes in der Stadt"), 0);
}

Test(gazetteer, empty_dictionary_matches_nothing)
{
    D = rgt_dict(ACTORS, NULL, NULL);
    cr_assert_not_null(D);
    cr_assert_eq(match("Russland und die NATO"), 0);
    cr_assert_eq(match(""), 0);
}

Test(gazetteer, shipped_dictionary)
{
    D = rgt_default_dict();
    cr_assert_not_null(D);
    const char *t = "Der Kreml und Pjöngjang: Kim Jong-un traf Wladimir Putin "
                    "im Weißen Haus, sagte der NATO-Generalsekretär dem stern.";
    cr_assert_eq(match(t), 7);
    EXPECT_MATCH(t, 0, "Kreml", "russia");
    EXPECT_MATCH(t, 1, "Pjöngjang", "north_korea");
    EXPECT_MATCH(t, 2, "Kim Jong-un", "kim_jong_un");
    EXPECT_MATCH(t, 3, "Wladimir Putin", "putin");
    EXPECT_MATCH(t, 4, "Weißen Haus", "usa");
    EXPECT_MATCH(t, 5, "NATO", "nato");
    EXPECT_MATCH(t, 6, "stern", "stern");
    t = "Scholz' Regierung und Scholz’ Plan";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "Scholz'", "olaf_scholz");
    EXPECT_MATCH(t, 1, "Scholz’", "olaf_scholz");
    cr_expect_eq(D->aliases[M.v[0].alias].form, RG_FORM_GENITIVE);
    t = "Von der Leyen und Ursula von der Leyens Kommission";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "Von der Leyen", "ursula_von_der_leyen");
    EXPECT_MATCH(t, 1, "Ursula von der Leyens", "ursula_von_der_leyen");
}

/* The mention stage matches with the ids and classes of one lookup per
 * token (rg_i_gazetteer_ids) and skips tokens that begin no alias eight
 * at a time: the same matches as looking each token up, over sentence
 * ranges that end anywhere, for words of every length up to the end of
 * the buffer (compared without reading past it). */
Test(gazetteer, one_lookup_per_token_matches_alike)
{
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "kim_family\tname\tKim\n"
                              "kim_jong_un\tname\tKim Jong-un\n"
                              "usa\tname\tVereinigte Staaten von Amerika\n"
                              "usa\tname\tUSA\n"
                              "stern\tname\tstern\n"
                              "star\tname\tStern\n"
                              "nato\tname\tNATO\n"
                              "russia\tadjective\trussische\n"
                              "cdu_csu\tname\tUnion (CDU/CSU)\n"
                              "germany\tname\tBundesrepublik Deutschland\n"
                              "europe_states\tname\tStaaten Europas\n"
                              "bundestag\tname\tBundestag\n"
                              "star\tname\tAbcdefgh Xy\n"
                              "germany\tname\tMülheim\n",
                 NULL);
    cr_assert_not_null(D);
    /* Words of 8 bytes and of more, one sharing its first 8 bytes with an
     * alias word of 9 (compared by length too), and words at the end of
     * the buffer (no 8 bytes after them). */
    static const char *const texts[] = {
        "Bundesta Bundestag Bundestags Bundestag",
        "Abcdefgh Xy Abcdefgh Xyz Abcdefghi Xy abcdefgh xy",
        "Mülheim Mülheima Mülhei Mülheim", "Bundestag", "Mülheim",
        "Kim Jong-un und Kim Yo-jong", "Vereinigte Staaten von Amerika",
        "die vereinigte Staaten von Amerika und die USA", "der stern und der Stern",
        "Russische Truppen, russische Panzer", "Die Union (CDU/CSU) und die Union",
        "NATO Nato nato", "Bundesrepublik Deutschlands Staaten Europas",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z Kim",
        "Ämter Größe ß Straße Kim", "USA", "Kim", "Stern", "",
        "Staaten Europas Staaten Europas Staaten Europas Staaten Europas",
        /* starts of an alias in the other capitalisation only, more than
         * eight in a row and next to ones in their own (the scan tests
         * each token's start bit against its capitalisation) */
        "kim usa nato bundestag mülheim russische STERN Kim usa stern Stern",
        "Stern stern Stern stern Stern stern Stern stern Stern stern Stern",
        "KIM Russische kim nato Bundestag Nato USA Usa usa kim Kim"};
    rg_matches ref = {0};
    int32_t *ids = NULL;
    uint8_t *cls = NULL;
    for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
        const char *text = texts[k];
        rg_i_tokenize(&T, text, strlen(text));
        ids = rg_i_xrealloc(ids, (T.n + 1) * sizeof(*ids));
        cls = rg_i_xrealloc(cls, T.n + RG_WC_PAD);
        rg_i_gazetteer_ids(D->gaz, &T, ids, cls);
        memset(cls + T.n, 0, RG_WC_PAD);   /* rg_i_gazetteer_match_doc's padding */
        for (size_t i = 0; i < T.n; i++) {
            int up = T.v[i].kind == RG_TOK_WORD && (T.v[i].flags & RG_TF_UPPER);
            cr_expect_eq((cls[i] & RG_WC_UPPER_WORD) != 0, up, "%s: %zu", text, i);
            /* one id per fold, wherever the token stands */
            for (size_t j = 0; j < i; j++)
                if (T.v[i].fold_len == T.v[j].fold_len &&
                    memcmp(rg_i_token_fold(&T, i), rg_i_token_fold(&T, j),
                           T.v[i].fold_len) == 0)
                    cr_expect_eq(ids[i], ids[j], "%s: %zu %zu", text, i, j);
            const char *f = rg_i_token_fold(&T, i);
            if (!strcmp(f, "bundestag") || !strcmp(f, "abcdefgh") ||
                !strcmp(f, "mülheim") || !strcmp(f, "xy"))
                cr_expect_geq(ids[i], 0, "%s: %zu", text, i);
            if (!strcmp(f, "bundesta") ||
                !strcmp(f, "abcdefghi") || !strcmp(f, "xyz") ||
                !strcmp(f, "mülheima") || !strcmp(f, "mülhei"))
                cr_expect_eq(ids[i], -1, "%s: %zu", text, i);
        }
        /* The whole document in one pass: the matches of each sentence,
         * for sentences of every length (and tokens in none between). */
        for (size_t len = 1; len <= T.n + 1; len++)
            for (size_t gap = 0; gap < 2; gap++) {
                rg_sentences ss = {0};
                for (size_t b = 0; b < T.n; b += len + gap) {
                    RG_GROW(ss.v, ss.cap, ss.n + 1);
                    size_t e = b + len < T.n ? b + len : T.n;
                    ss.v[ss.n++] = (rg_sentence){(uint32_t)b, (uint32_t)e,
                                                 0, 0, 0};
                }
                ref.n = 0;
                M.n = 0;
                for (size_t k2 = 0; k2 < ss.n; k2++)
                    rg_i_gazetteer_match(D->gaz, &T, ss.v[k2].tok_begin,
                                         ss.v[k2].tok_end, &ref);
                rg_i_gazetteer_match_doc(D->gaz, ids, cls, T.n, &ss, &M);
                cr_assert_eq(M.n, ref.n, "\"%s\" sentences of %zu, gap %zu",
                             text, len, gap);
                for (size_t i = 0; i < M.n; i++) {
                    cr_expect_eq(M.v[i].tok_begin, ref.v[i].tok_begin);
                    cr_expect_eq(M.v[i].tok_end, ref.v[i].tok_end);
                    cr_expect_eq(M.v[i].cand, ref.v[i].cand);
                    /* the sentence that holds it */
                    cr_assert_lt(M.v[i].sentence, ss.n);
                    const rg_sentence *se = &ss.v[M.v[i].sentence];
                    cr_expect(se->tok_begin <= M.v[i].tok_begin &&
                                  M.v[i].tok_end <= se->tok_end,
                              "\"%s\" match %zu", text, i);
                }
                free(ss.v);
            }
        for (size_t b = 0; b <= T.n; b++)
            for (size_t e = b; e <= T.n; e++) {
                ref.n = 0;
                M.n = 0;
                rg_i_gazetteer_match(D->gaz, &T, b, e, &ref);
                rg_i_gazetteer_match_ids(D->gaz, &T, ids, cls, b, e, &M);
                cr_assert_eq(M.n, ref.n, "\"%s\" [%zu, %zu)", text, b, e);
                for (size_t i = 0; i < M.n; i++) {
                    cr_expect_eq(M.v[i].tok_begin, ref.v[i].tok_begin);
                    cr_expect_eq(M.v[i].tok_end, ref.v[i].tok_end);
                    cr_expect_eq(M.v[i].cand, ref.v[i].cand);
                }
            }
    }
    /* The matches themselves, as before. */
    const char *t = "der stern und der Stern";
    cr_assert_eq(match(t), 2);
    EXPECT_MATCH(t, 0, "stern", "stern");
    EXPECT_MATCH(t, 1, "Stern", "star");
    free(ids);
    free(cls);
    free(ref.v);
}

/* rg_i_wc_next against a scan byte by byte. */
Test(gazetteer, class_scan)
{
    uint8_t cls[40];
    for (unsigned seed = 1; seed < 200; seed++) {
        unsigned x = seed;
        for (size_t i = 0; i < sizeof(cls); i++) {
            x = x * 1103515245u + 12345u;
            cls[i] = (x >> 16) % 7 == 0 ? (uint8_t)(1u << ((x >> 8) % 8)) : 0;
        }
        for (unsigned bits = 1; bits < 256; bits = bits * 3 + 1)
            for (size_t i = 0; i <= sizeof(cls); i++)
                for (size_t end = i; end <= sizeof(cls); end += 3) {
                    size_t want = i;
                    while (want < end && !(cls[want] & bits))
                        want++;
                    cr_assert_eq(rg_i_wc_next(cls, i, end, (uint8_t)bits), want);
                }
    }
}

/* The inverse of multiplying by the odd a modulo 2^64 (Newton's steps). */
static uint64_t S_inverse(uint64_t a)
{
    uint64_t x = a;   /* right to 3 bits: a * a = 1 mod 8 for odd a */
    for (int k = 0; k < 5; k++)
        x *= 2 - a * x;
    return x;
}

/* x ^= x >> s, undone. */
static uint64_t S_unshift(uint64_t x, unsigned s)
{
    uint64_t y = x;
    for (unsigned k = s; k < 64; k += s)
        y = x ^ (y >> s);
    return y;
}

/* The vocabulary decides a word of at most 8 bytes by its hash and length
 * alone (gazetteer.c, S_lex): for each length n <= 8, rg_i_hash must be a
 * bijection of the zero-padded 8-byte word.  Inverting it gives back the
 * word, for words of every length up to 8, every byte value at every
 * position. */
Test(gazetteer, short_words_are_their_hash)
{
    const uint64_t mul = RG_HASH_MUL, fmix = 0xff51afd7ed558ccdULL;
    const uint64_t imul = S_inverse(mul), ifmix = S_inverse(fmix);
    cr_assert_eq(mul * imul, 1);
    cr_assert_eq(fmix * ifmix, 1);
    unsigned char s[8];
    uint64_t seed = 12345;
    for (size_t n = 0; n <= 8; n++)
        for (unsigned round = 0; round < 2000; round++) {
            for (size_t k = 0; k < n; k++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                s[k] = (unsigned char)(seed >> 56);
            }
            if (round < 256 && n)
                s[round % n] = (unsigned char)round;
            uint64_t w = 0;
            for (size_t k = 0; k < n; k++)
                w |= (uint64_t)s[k] << (8 * k);
            uint64_t h = rg_i_hash(s, n);
            /* rg_i_hash_last, undone */
            h = S_unshift(h, 33) * ifmix;
            h = S_unshift(h, 33) * imul;
            uint64_t h0 = (uint64_t)n * mul;
            if (n == 8) {   /* one rg_i_hash_word step, then the last of 0 */
                h = S_unshift(h, 29) * imul;
            }
            cr_expect_eq(h ^ h0, w, "length %zu, round %u", n, round);
        }
}

/* Words of every length from 1 to 12 in the vocabulary, and words that
 * differ from them in one byte, in their length, or in both: found, and
 * not found, alike whether the hash decides (up to 8 bytes) or the bytes. */
Test(gazetteer, vocabulary_words_of_every_length)
{
    static const char *const words[] = {
        "z", "zq", "zqx", "zqxz", "zqxzq", "zqxzqx", "zqxzqxz", "zqxzqxzq",
        "zqxzqxzqx", "zqxzqxzqxz", "zqxzqxzqxzq", "zqxzqxzqxzqx", "zäö",
        "zqxzqxö", "zqxzqxzö", "zqxzqxzqö"};
    const size_t nw = sizeof(words) / sizeof(words[0]);
    char aliases[2048] = ALIASES_HEAD;
    for (size_t k = 0; k < nw; k++) {
        strcat(aliases, "stern\tname\tY ");
        strcat(aliases, words[k]);
        strcat(aliases, "\n");
    }
    D = rgt_dict(ACTORS, aliases, NULL);
    cr_assert_not_null(D);
    char text[4096] = "";
    for (size_t k = 0; k < nw; k++) {
        size_t n = strlen(words[k]);
        char v[32];
        /* the word, its first and last byte changed, one byte more, one
         * less (no variant cuts a character) */
        strcat(text, words[k]);
        strcat(text, " ");
        memcpy(v, words[k], n + 1);
        v[0] = 'j';
        strcat(text, v);
        strcat(text, " ");
        if ((unsigned char)words[k][n - 1] < 0x80) {
            memcpy(v, words[k], n + 1);
            v[n - 1] = 'j';
            strcat(text, v);
            strcat(text, " ");
            if (n > 1) {
                memcpy(v, words[k], n - 1);
                v[n - 1] = '\0';
                strcat(text, v);
                strcat(text, " ");
            }
        }
        memcpy(v, words[k], n);
        memcpy(v + n, "j", 2);
        strcat(text, v);
        strcat(text, " ");
    }
    rg_i_tokenize(&T, text, strlen(text));
    int32_t *ids = rg_i_xmalloc((T.n + 1) * sizeof(*ids));
    uint8_t *cls = rg_i_xmalloc(T.n + 1);
    rg_i_gazetteer_ids(D->gaz, &T, ids, cls);
    size_t listed_tokens = 0;
    /* The class byte is the token's capitalisation and its word's
     * classes (the vocabulary's slots keep a copy of them). */
    const uint16_t *vcls = rg_i_gazetteer_word_classes(D->gaz);
    for (size_t i = 0; i < T.n; i++) {
        uint8_t want = (uint8_t)((T.v[i].flags & RG_TF_UPPER) << 4);
        if (ids[i] >= 0)
            want |= (uint8_t)vcls[ids[i]];
        cr_expect_eq(cls[i], want, "%s", rg_i_token_fold(&T, i));
    }
    for (size_t i = 0; i < T.n; i++) {
        const char *f = rg_i_token_fold(&T, i);
        int listed = 0;
        for (size_t k = 0; k < nw; k++)
            listed |= !strcmp(f, words[k]);
        listed_tokens += listed;
        if (listed)
            cr_expect_geq(ids[i], 0, "%s", f);
        else
            cr_expect_eq(ids[i], -1, "%s", f);
        for (size_t j = 0; j < T.n; j++)
            if (ids[i] >= 0 && ids[j] >= 0)
                cr_expect_eq(ids[i] == ids[j],
                             !strcmp(f, rg_i_token_fold(&T, j)), "%s %s", f,
                             rg_i_token_fold(&T, j));
    }
    cr_expect_geq(listed_tokens, nw);
    /* Each word is found by the matcher too (the alias "Y word"). */
    for (size_t k = 0; k < nw; k++) {
        char t[64] = "Y ";
        strcat(t, words[k]);
        cr_expect_eq(match(t), 1, "%s", t);
    }
    free(ids);
    free(cls);
}

/* rg_i_gazetteer_ids over many tokens: long and short words (listed,
 * unlisted, capitalised, with umlauts) at every position around multiples
 * of 256 give the id and class of the same word looked up alone. */
Test(gazetteer, ids_of_long_words_across_blocks)
{
    static const char *const words[] = {
        "zqxzqxzqx", "Zqxzqxzqxzqx", "jqxzqxzqxz", "zqxzqxzqö", "Zäöüzäöüzä",
        "ab", "Ab", ",", "zqx", "verbindungsweg"};
    const size_t nw = sizeof(words) / sizeof(words[0]);
    D = rgt_dict(ACTORS,
                 ALIASES_HEAD "stern\tname\tY zqxzqxzqx\n"
                              "stern\tname\tY zqxzqxzqxzqx\n"
                              "stern\tname\tY zqxzqxzqö\n"
                              "stern\tname\tY zäöüzäöüzä\n"
                              "stern\tname\tY zqx\n",
                 NULL);
    cr_assert_not_null(D);
    /* Each word's id and class alone. */
    int32_t alone_id[16];
    uint8_t alone_cls[16];
    for (size_t k = 0; k < nw; k++) {
        rg_i_tokenize(&T, words[k], strlen(words[k]));
        cr_assert_eq(T.n, 1);
        rg_i_gazetteer_ids(D->gaz, &T, &alone_id[k], &alone_cls[k]);
    }
    cr_expect_geq(alone_id[0], 0);
    cr_expect_geq(alone_id[1], 0);
    cr_expect_eq(alone_id[2], -1);
    rg_buf text;
    rg_i_buf_init(&text);
    size_t ntok = 1100, which[1100];
    for (size_t i = 0; i < ntok; i++) {
        /* Mostly long words near the block ends, all of them elsewhere. */
        size_t r = i % 256;
        size_t k = (r < 4 || r > 251) ? (i * 7 + r) % 5 : (i * 13) % nw;
        which[i] = k;
        if (i)
            rg_i_buf_addc(&text, ' ');
        rg_i_buf_add(&text, words[k], strlen(words[k]));
    }
    rg_i_tokenize(&T, text.data, text.len);
    cr_assert_eq(T.n, ntok);
    int32_t *ids = rg_i_xmalloc(ntok * sizeof(*ids));
    uint8_t *cls = rg_i_xmalloc(ntok);
    rg_i_gazetteer_ids(D->gaz, &T, ids, cls);
    for (size_t i = 0; i < ntok; i++) {
        cr_expect_eq(ids[i], alone_id[which[i]], "token %zu %s", i,
                     words[which[i]]);
        cr_expect_eq(cls[i], alone_cls[which[i]], "token %zu %s", i,
                     words[which[i]]);
    }
    free(ids);
    free(cls);
    rg_i_buf_destroy(&text);
}
