/*
 * test_dict.c — dictionary loading: tables by header, every malformed-line
 * message with its file:line, overrides, abbreviations, the shipped dict/.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dict.h"
#include "support.h"
#include "util.h"

/* Collects every diagnostic as "where: what\n", with the temporary
 * directory's path replaced by "DIR" so that expectations stay readable. */
typedef struct msgs {
    rg_buf text;
    const char *dir;
    int errors;
} msgs;

/* Appends s with every occurrence of the temporary directory as "DIR". */
static void S_add_masked(msgs *m, const char *s)
{
    size_t n = m->dir ? strlen(m->dir) : 0;
    const char *hit;
    while (n && (hit = strstr(s, m->dir)) != NULL) {
        rg_i_buf_add(&m->text, s, (size_t)(hit - s));
        rg_i_buf_adds(&m->text, "DIR");
        s = hit + n;
    }
    rg_i_buf_adds(&m->text, s);
}

static void S_collect(void *data, rg_level level, const char *where,
                      const char *what)
{
    msgs *m = data;
    S_add_masked(m, where);
    rg_i_buf_adds(&m->text, ": ");
    S_add_masked(m, what);
    rg_i_buf_adds(&m->text, "\n");
    if (level == RG_ERROR)
        m->errors++;
}

static char *dir;
static msgs M;
static rg_diag diag;

static void setup(void)
{
    dir = rgt_tmpdir();
    rg_i_buf_init(&M.text);
    rg_i_buf_adds(&M.text, "");
    M.dir = dir;
    M.errors = 0;
    diag = (rg_diag){S_collect, &M};
}

static void teardown(void)
{
    rgt_rmtree(dir);
    free(dir);
    rg_i_buf_destroy(&M.text);
}

/* Writes dir/name; returns its malloc'd path (see putp) or frees it. */
static char *putp(const char *name, const char *text)
{
    char *p = rgt_path(dir, name);
    rgt_write_file(p, text);
    return p;
}

static void put(const char *name, const char *text)
{
    free(putp(name, text));
}

#define ACTORS_HEAD "id\ttype\tlabel\tqid\n"
#define ALIASES_HEAD "actor\tform\talias\n"

TestSuite(dict, .init = setup, .fini = teardown);

Test(dict, loads_tables_by_header_and_resolves_aliases)
{
    /* Named so that the aliases come first in byte order: a file is read
     * by its header, not its name, and resolving waits for finish. */
    put("a_aliases.tsv", ALIASES_HEAD "nato\tname\tNATO\nnato\tname\tNato\n"
                         "russia\tmetonym\tKreml\n");
    put("b_actors.tsv", "# comment\n\n" ACTORS_HEAD
                        "russia\tcountry\tRussland\tQ159\n"
                        "nato\torganization\tNATO\t\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_OK, "%s", M.text.data);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK, "%s", M.text.data);
    cr_assert_str_empty(M.text.data);
    cr_assert_eq(rg_dict_actor_count(d), 2);
    cr_assert_eq(rg_dict_alias_count(d), 3);
    /* Sorted by id after finish. */
    cr_assert_str_eq(d->actors[0].id, "nato");
    cr_assert_str_eq(d->actors[1].id, "russia");
    cr_assert_eq(rg_i_dict_find_actor(d, "russia"), 1);
    cr_assert_eq(rg_i_dict_find_actor(d, "nato"), 0);
    cr_assert_eq(rg_i_dict_find_actor(d, "usa"), -1);
    cr_assert_eq(d->actors[1].type, RG_TYPE_COUNTRY);
    cr_assert_str_eq(d->actors[1].label, "Russland");
    cr_assert_str_eq(d->actors[1].qid, "Q159");
    cr_assert_str_eq(d->actors[0].qid, "");
    cr_assert_eq(d->aliases[2].actor, 1);
    cr_assert_eq(d->aliases[2].form, RG_FORM_METONYM);
    cr_assert_str_eq(d->aliases[2].text, "Kreml");
    const char *w = d->aliases[2].where;
    cr_assert_str_eq(w + strlen(w) - strlen("/a_aliases.tsv:4"),
                     "/a_aliases.tsv:4");
    cr_assert_not_null(d->gaz);
    cr_assert(d->finished);
    rg_dict_free(d);
}

Test(dict, every_malformed_actor_line_is_reported_with_file_and_line)
{
    char *p = putp("actors.tsv",
                  ACTORS_HEAD
                  "mark_rutte\tperson\tMark Rutte\tQ57792\n"   /* 2: fine */
                  "nato\torganization\tNATO\n"                 /* 3 */
                  "putin\tpersn\tWladimir Putin\t\n"           /* 4 */
                  "Mark Rutte\tperson\tMark Rutte\t\n"         /* 5 */
                  "x\tperson\tX\tx\n"                          /* 6 */
                  "y\tperson\t\t\n"                            /* 7 */
                  "a\tb\tc\td\te\n"                            /* 8 */
                  "mark_rutte\tperson\tRutte\t\n"              /* 9 */
                  "bad\tperson\tB\xff\t\n");                   /* 10 */
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, p, &diag), RG_EPARSE);
    cr_assert_str_eq(
        M.text.data,
        "DIR/actors.tsv:3: expected 4 tab-separated fields (id, type, label, "
        "qid), found 3\n"
        "DIR/actors.tsv:4: unknown type 'persn' (expected person, "
        "organization, country, location, other)\n"
        "DIR/actors.tsv:5: invalid actor id 'Mark Rutte' (lowercase letters, "
        "digits and _ only)\n"
        "DIR/actors.tsv:6: bad QID 'x'\n"
        "DIR/actors.tsv:7: empty label\n"
        "DIR/actors.tsv:8: expected 4 tab-separated fields (id, type, label, "
        "qid), found 5\n"
        "DIR/actors.tsv:9: duplicate actor 'mark_rutte' (first defined at "
        "DIR/actors.tsv:2)\n"
        "DIR/actors.tsv:10: invalid UTF-8\n");
    /* Loading went on: the good line is there, the duplicate did not win. */
    cr_assert_eq(rg_dict_actor_count(d), 1);
    cr_assert_str_eq(d->actors[0].label, "Mark Rutte");
    free(p);
    rg_dict_free(d);
}

/* UTF-8 is checked eight ASCII bytes at a time up to the first byte that
 * is not ASCII: a bad byte, a truncated or overlong sequence or a
 * surrogate is found at every offset (inside, at the end of and after a
 * block of eight), and valid umlauts, ß and a combining mark anywhere pass. */
Test(dict, invalid_utf8_is_found_at_every_offset)
{
    const char *bad[] = {"\xff", "\xC3", "\xC3(", "\xC0\xAF", "\xED\xA0\x80",
                         "\xF4\x90\x80\x80", "\x80"};
    const char *good[] = {"\xC3\xB6", "\xC3\x9F", "e\xCC\x81", "\xE2\x80\x8D"};
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]) + sizeof(good) / sizeof(good[0]); k++)
        for (size_t off = 0; off < 20; off++) {
            int is_bad = k < sizeof(bad) / sizeof(bad[0]);
            const char *ins = is_bad ? bad[k] : good[k - sizeof(bad) / sizeof(bad[0])];
            char label[64];
            memset(label, 'L', off);
            snprintf(label + off, sizeof(label) - off, "%sabcdefghij", ins);
            char text[256];
            snprintf(text, sizeof(text), ACTORS_HEAD "abc\tperson\t%s\t\n", label);
            char *p = putp("actors.tsv", text);
            rg_i_buf_reset(&M.text);
            rg_dict *d = rg_dict_new();
            rg_status st = rg_dict_load(d, p, &diag);
            if (is_bad) {
                cr_assert_eq(st, RG_EPARSE, "bad %zu at %zu", k, off);
                cr_assert_str_eq(M.text.data, "DIR/actors.tsv:2: invalid UTF-8\n");
            } else {
                cr_assert_eq(st, RG_OK, "good %zu at %zu: %s", k, off,
                             M.text.data ? M.text.data : "");
                cr_assert_eq(rg_dict_actor_count(d), 1);
            }
            free(p);
            rg_dict_free(d);
        }
}

Test(dict, every_malformed_alias_line_is_reported)
{
    char *p = putp("aliases.tsv",
                  ALIASES_HEAD
                  "russia\tadjective\trussischen\n"   /* 2: fine */
                  "russia\tadj\trussisch\n"           /* 3 */
                  "russia\tname\t\n"                  /* 4 */
                  "russia\tname\n"                    /* 5 */
                  "Russia\tname\tRussland\n"          /* 6 */
                  "nato\tcompound\tNATO\n"            /* 7 */
                  "russia\tname\t   \n");             /* 8 */
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, p, &diag), RG_EPARSE);
    cr_assert_str_eq(
        M.text.data,
        "DIR/aliases.tsv:3: unknown form 'adj' (expected name, short, "
        "genitive, adjective, demonym, metonym)\n"
        "DIR/aliases.tsv:4: empty alias\n"
        "DIR/aliases.tsv:5: expected 3 tab-separated fields (actor, form, "
        "alias), found 2\n"
        "DIR/aliases.tsv:6: invalid actor id 'Russia' (lowercase letters, "
        "digits and _ only)\n"
        "DIR/aliases.tsv:7: form 'compound' is set by the matcher and cannot "
        "be listed (expected name, short, genitive, adjective, demonym, "
        "metonym)\n"
        "DIR/aliases.tsv:8: empty alias\n");
    cr_assert_eq(d->n_aliases, 1);
    free(p);
    rg_dict_free(d);
}

Test(dict, unknown_header_is_reported_and_the_file_skipped)
{
    char *p = putp("verbs.tsv", "# verbs\nlemma\tclass\nwarnen\twarn\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, p, &diag), RG_EPARSE);
    cr_assert_str_eq(M.text.data,
                     "DIR/verbs.tsv:2: unknown table header 'lemma<TAB>class' "
                     "(expected 'id<TAB>type<TAB>label<TAB>qid' or "
                     "'actor<TAB>form<TAB>alias')\n");
    cr_assert_eq(M.errors, 1);
    free(p);
    rg_dict_free(d);
}

Test(dict, duplicate_across_files_of_one_load_names_the_first_file)
{
    put("a.tsv", ACTORS_HEAD "nato\torganization\tNATO\t\n");
    put("b.tsv", "# more\n" ACTORS_HEAD "nato\torganization\tNordatlantikpakt\t\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_EPARSE);
    cr_assert_str_eq(M.text.data,
                     "DIR/b.tsv:3: duplicate actor 'nato' (first defined at "
                     "DIR/a.tsv:2)\n");
    rg_dict_free(d);
}

Test(dict, a_later_load_overrides_an_actor)
{
    char *sub = rgt_path(dir, "default");
    cr_assert_eq(mkdir(sub, 0700), 0);
    char *f1 = rgt_path(sub, "actors.tsv");
    rgt_write_file(f1, ACTORS_HEAD "nato\torganization\tNATO\tQ7184\n"
                                   "eu\torganization\tEU\t\n");
    char *f2 = putp("user.tsv", ACTORS_HEAD "nato\tother\tNordatlantikpakt\t\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, sub, &diag), RG_OK);
    cr_assert_eq(rg_dict_load(d, f2, &diag), RG_OK, "%s", M.text.data);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK);
    cr_assert_str_empty(M.text.data);
    cr_assert_eq(rg_dict_actor_count(d), 2);
    int32_t k = rg_i_dict_find_actor(d, "nato");
    cr_assert_geq(k, 0);
    cr_assert_str_eq(d->actors[k].label, "Nordatlantikpakt");
    cr_assert_eq(d->actors[k].type, RG_TYPE_OTHER);
    cr_assert_str_eq(d->actors[k].qid, "");
    free(sub);
    free(f1);
    free(f2);
    rg_dict_free(d);
}

Test(dict, alias_of_unknown_actor_fails_finish)
{
    put("actors.tsv", ACTORS_HEAD "nato\torganization\tNATO\t\n");
    put("aliases.tsv", ALIASES_HEAD "nato\tname\tNATO\nfoo\tname\tFoo\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_OK);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_EPARSE);
    cr_assert_str_eq(M.text.data, "DIR/aliases.tsv:3: alias 'Foo' names "
                                  "unknown actor 'foo'\n");
    cr_assert_not(d->finished);
    rg_dict_free(d);
}

Test(dict, abbreviations_are_stored_without_spaces)
{
    put("abbreviations.txt", "# list\nz. B.\nDr.\n  u. a.  \nbzw\n\nz.B.\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_EPARSE);
    cr_assert_str_eq(M.text.data, "DIR/abbreviations.txt:5: abbreviation "
                                  "'bzw' does not end with '.'\n");
    cr_assert_eq(d->abbrevs.n, 3);
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "z.B.", 4), 0);
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "u.a.", 4), 0);
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "Dr.", 3), 0);
    cr_assert_lt(rg_i_strtab_find(&d->abbrevs, "z. B.", 5), 0);
    rg_dict_free(d);
}

Test(dict, crlf_bom_and_spaces_around_fields_are_accepted)
{
    put("actors.tsv", "\xEF\xBB\xBF# from a spreadsheet\r\n" ACTORS_HEAD
                      "russia\tcountry\tRussland\tQ159\r\n"
                      "nato \torganization\t NATO\t\r\n");
    put("abbreviations.txt", "z. B.\r\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_OK, "%s", M.text.data);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK);
    int32_t k = rg_i_dict_find_actor(d, "russia");
    cr_assert_geq(k, 0);
    cr_assert_str_eq(d->actors[k].qid, "Q159");
    k = rg_i_dict_find_actor(d, "nato");
    cr_assert_geq(k, 0);
    cr_assert_str_eq(d->actors[k].label, "NATO");
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "z.B.", 4), 0);
    rg_dict_free(d);
}

Test(dict, strings_are_normalised_to_nfc)
{
    /* "Pjöngjang" with a combining diaeresis (NFD) in the file. */
    put("actors.tsv", ACTORS_HEAD "north_korea\tcountry\tNordkorea\t\n");
    put("aliases.tsv", ALIASES_HEAD "north_korea\tmetonym\tPjo\xCC\x88ngjang\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_OK);
    cr_assert_str_eq(d->aliases[0].text, "Pj\xC3\xB6ngjang");
    rg_dict_free(d);
}

Test(dict, directory_reads_only_tsv_and_txt_files)
{
    put("README.md", "not a table\n");
    put(".#actors.tsv", "garbage\n");
    put("notes.tsv~", "garbage\n");
    put("actors.tsv", ACTORS_HEAD "nato\torganization\tNATO\t\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, dir, &diag), RG_OK, "%s", M.text.data);
    cr_assert_str_empty(M.text.data);
    cr_assert_eq(d->n_actors, 1);
    rg_dict_free(d);
}

Test(dict, unreadable_path_is_an_io_error)
{
    char *p = rgt_path(dir, "missing.tsv");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, p, &diag), RG_EIO);
    cr_assert_str_eq(M.text.data,
                     "DIR/missing.tsv: cannot read: No such file or directory\n");
    free(p);
    rg_dict_free(d);
}

Test(dict, names_of_types_and_forms)
{
    cr_assert_eq(rg_i_type_parse("country"), RG_TYPE_COUNTRY);
    cr_assert_eq(rg_i_type_parse("persn"), -1);
    cr_assert_str_eq(rg_i_type_name(RG_TYPE_ORGANIZATION), "organization");
    cr_assert_null(rg_i_type_name(RG_TYPE_COUNT));
    cr_assert_eq(rg_i_form_parse("compound"), RG_FORM_COMPOUND);
    cr_assert_eq(rg_i_form_parse("metonym"), RG_FORM_METONYM);
    cr_assert_eq(rg_i_form_parse("Name"), -1);
    cr_assert_str_eq(rg_i_form_name(RG_FORM_GENITIVE), "genitive");
    cr_assert_null(rg_i_form_name(-1));
}

Test(dict, free_null_and_counts_of_empty)
{
    rg_dict_free(NULL);
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK);
    cr_assert_eq(rg_dict_actor_count(d), 0);
    cr_assert_eq(rg_dict_alias_count(d), 0);
    rg_dict_free(d);
}

Test(dict, load_after_finish_compiles_again)
{
    char *a = putp("actors.tsv", ACTORS_HEAD "nato\torganization\tNATO\t\n");
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, a, &diag), RG_OK);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK);
    char *b = putp("more.tsv", ACTORS_HEAD "eu\torganization\tEU\t\n");
    cr_assert_eq(rg_dict_load(d, b, &diag), RG_OK);
    cr_assert_not(d->finished);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK);
    cr_assert_eq(rg_i_dict_find_actor(d, "eu"), 0);
    cr_assert_eq(rg_i_dict_find_actor(d, "nato"), 1);
    free(a);
    free(b);
    rg_dict_free(d);
}

Test(dict, shipped_dictionary_loads_without_errors)
{
    rg_dict *d = rg_dict_new();
    cr_assert_eq(rg_dict_load(d, RG_TEST_SOURCE_DIR "/dict", &diag), RG_OK,
                 "%s", M.text.data);
    cr_assert_eq(rg_dict_finish(d, &diag), RG_OK, "%s", M.text.data);
    cr_assert_str_empty(M.text.data);
    cr_assert_geq(rg_dict_actor_count(d), 100);
    cr_assert_geq(rg_dict_alias_count(d), 1000);
    const char *ids[] = {"russia", "ukraine", "north_korea", "south_korea",
                         "usa", "germany", "china", "nato", "eu", "west",
                         "bundestag", "cdu_csu", "stern", "putin",
                         "selenskyj", "kim_jong_un", "mark_rutte", "berlin",
                         "brussels"};
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
        cr_assert_geq(rg_i_dict_find_actor(d, ids[i]), 0, "%s", ids[i]);
    /* Every actor has at least one alias of form name. */
    for (size_t a = 0; a < d->n_actors; a++) {
        int named = 0;
        for (size_t i = 0; i < d->n_aliases; i++)
            named |= d->aliases[i].actor == a &&
                     d->aliases[i].form == RG_FORM_NAME;
        cr_expect(named, "actor %s has no name alias", d->actors[a].id);
    }
    cr_assert_eq(d->actors[rg_i_dict_find_actor(d, "berlin")].type,
                 RG_TYPE_LOCATION);
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "z.B.", 4), 0);
    cr_assert_geq(rg_i_strtab_find(&d->abbrevs, "Dr.", 3), 0);
    rg_dict_free(d);
}

Test(dict, rgt_helpers_build_a_finished_dictionary)
{
    rg_dict *d = rgt_dict(ACTORS_HEAD "nato\torganization\tNATO\t\n",
                          ALIASES_HEAD "nato\tname\tNATO\n", "z. B.\n");
    cr_assert_not_null(d);
    cr_assert(d->finished);
    rg_dict_free(d);
    cr_assert_null(rgt_dict(NULL, ALIASES_HEAD "nato\tname\tNATO\n", NULL));
}
