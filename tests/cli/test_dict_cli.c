/*
 * test_dict_cli.c — `relgraph dict check`, --forms and the count of
 * unresolved surnames under -v, run through the binary.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static char *dir;

static void setup(void)
{
    dir = rgt_tmpdir();
}

static void teardown(void)
{
    rgt_rmtree(dir);
    free(dir);
}

TestSuite(dict_cli, .init = setup, .fini = teardown);

static char *put(const char *name, const char *text)
{
    char *p = rgt_path(dir, name);
    rgt_write_file(p, text);
    return p;
}

Test(dict_cli, check_reports_every_bad_line_and_exits_1)
{
    char *a = put("a.tsv", "id\ttype\tlabel\tqid\n"
                           "ok_actor\tperson\tOk\t\n"
                           "Bad Id\tperson\tX\t\n"
                           "x\tpeople\tX\t\n");
    char *b = put("b.tsv", "actor\tform\talias\n"
                           "ok_actor\tadj\tok\n"
                           "nobody\tname\tNiemand\n");
    rgt_result r;
    const char *args[] = {"dict", "check", "--no-default-dict", a, b, NULL};
    cr_assert_eq(rgt_run(&r, NULL, NULL, args), 0);
    cr_expect_eq(r.status, 1);
    char want[4096];
    snprintf(want, sizeof(want),
             "%s:3: invalid actor id 'Bad Id' (lowercase letters, digits and _ only)\n"
             "%s:4: unknown type 'people' (expected person, organization, country, location, other)\n"
             "%s:2: unknown form 'adj' (expected name, short, genitive, adjective, demonym, metonym)\n"
             "%s:3: alias 'Niemand' names unknown actor 'nobody'\n"
             "relgraph: dict check: 4 errors\n",
             a, a, b, b);
    cr_expect_str_eq(r.err, want);
    cr_expect_str_eq(r.out, "");
    rgt_result_free(&r);
    free(a);
    free(b);
}

Test(dict_cli, check_of_a_clean_file_prints_one_line_and_exits_0)
{
    char *a = put("user.tsv", "actor\tform\talias\n"
                              "putin\tshort\tWWP\n");
    rgt_result r;
    /* on top of the shipped dictionary: its actors may be named */
    const char *args[] = {"dict", "check", a, NULL};
    cr_assert_eq(rgt_run(&r, NULL, NULL, args), 0);
    cr_expect_eq(r.status, 0, "stderr: %s", r.err);
    cr_expect_str_eq(r.err, "");
    cr_expect(strncmp(r.out, "relgraph: dict check: 1 path OK (", 33) == 0, "%s",
              r.out);
    cr_expect(strchr(r.out, '\n') == r.out + strlen(r.out) - 1, "one line");
    rgt_result_free(&r);
    /* ... but alone it names an unknown actor */
    const char *alone[] = {"dict", "check", "--no-default-dict", a, NULL};
    cr_assert_eq(rgt_run(&r, NULL, NULL, alone), 0);
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.err, ":2: alias 'WWP' names unknown actor 'putin'") != NULL,
              "%s", r.err);
    rgt_result_free(&r);
    const char *none[] = {"dict", "check", NULL};
    cr_assert_eq(rgt_run(&r, NULL, NULL, none), 0);
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.err, "give one or more dictionary files") != NULL);
    rgt_result_free(&r);
    free(a);
}

static const char *TEXT =
    "Michael Roth warnte. Roth sprach mit Russlands Vertretern.\n\n"
    "Ein Roth widersprach.\n";

Test(dict_cli, forms_selects_the_mention_forms)
{
    rgt_result r;
    const char *args[] = {"-", "--mentions", "-", "--forms", "short,genitive",
                          "-q", NULL};
    cr_assert_eq(rgt_run(&r, NULL, TEXT, args), 0);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect_str_eq(r.out,
                     "doc\tsentence\tstart\tend\tsurface\tentity\tlabel\ttype\tform\n"
                     "-\t1\t21\t25\tRoth\tmichael_roth\tMichael Roth\tperson\tshort\n"
                     "-\t1\t37\t46\tRusslands\trussia\tRussland\tcountry\tgenitive\n"
                     "-\t2\t64\t68\tRoth\tmichael_roth\tMichael Roth\tperson\tshort\n");
    rgt_result_free(&r);
    const char *bad[] = {"-", "--mentions", "-", "--forms", "short,adj", NULL};
    cr_assert_eq(rgt_run(&r, NULL, TEXT, bad), 0);
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.err, "--forms: expected a comma-separated list") != NULL,
              "%s", r.err);
    rgt_result_free(&r);
}

Test(dict_cli, verbose_counts_unresolved_surnames)
{
    /* Two known persons are called Roth (Michael and Claudia): a bare
     * surname before either full name is left out and counted. */
    rgt_result r;
    const char *args[] = {"-", "--mentions", "-", "-v", NULL};
    cr_assert_eq(rgt_run(&r, NULL, "Roth warnte. Dann kam Michael Roth. Roth "
                                   "blieb.\n", args), 0);
    cr_expect_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.err, "relgraph: 1 ambiguous short name left out") != NULL,
              "%s", r.err);
    cr_expect(strstr(r.out, "\tRoth\tmichael_roth\t") != NULL, "%s", r.out);
    cr_expect(strncmp(r.out + strlen("doc\tsentence\tstart\tend\tsurface\tentity"
                                     "\tlabel\ttype\tform\n"),
                      "-\t1\t", 4) == 0, "the first Roth is left out: %s", r.out);
    rgt_result_free(&r);
}
