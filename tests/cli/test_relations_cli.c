/*
 * test_relations_cli.c — the binary's verb relations end to end:
 * --relations, --window, the evidence table's relation and verb columns,
 * the `verb` edge attribute, and a bad verb table stopping the run.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static char *tmp;
static char *article;

static void setup(void)
{
    tmp = rgt_tmpdir();
    article = rgt_path(tmp, "a.txt");
    rgt_write_file(article,
                   "Die NATO warnt Nordkorea vor einer Eskalation.\n"
                   "Seoul bestellte den russischen Botschafter ein.\n");
}

static void teardown(void)
{
    rgt_rmtree(tmp);
    free(tmp);
    free(article);
}

TestSuite(relations_cli, .init = setup, .fini = teardown);

static const char HEADER[] =
    "doc\tsentence\tstart\tend\tsource\ttarget\tkind\trelation\tverb\ttext\n";

Test(relations_cli, evidence_rows_of_verb_relations)
{
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "verbs", "--evidence", "-",
                             "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    char want[1024];
    snprintf(want, sizeof(want),
             "%s"
             "a.txt\t0\t0\t46\tnato\tnorth_korea\trelation\twarn\twarnen\t"
             "Die NATO warnt Nordkorea vor einer Eskalation.\n"
             "a.txt\t1\t47\t94\tsouth_korea\trussia\trelation\tsummon\t"
             "einbestellen\tSeoul bestellte den russischen Botschafter ein.\n",
             HEADER);
    cr_expect_str_eq(r.out, want);
    rgt_result_free(&r);
}

Test(relations_cli, cooccurrence_only_and_all)
{
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "cooccurrence",
                             "--evidence", "-", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_null(strstr(r.out, "\trelation\twarn"), "%s", r.out);
    cr_expect(strstr(r.out, "\tnato\tnorth_korea\tcooccurrence\t\t\t") != NULL,
              "%s", r.out);
    rgt_result_free(&r);

    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--evidence", "-", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "\tcooccurrence\t") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "\trelation\twarn\twarnen\t") != NULL, "%s", r.out);
    rgt_result_free(&r);
}

Test(relations_cli, windows)
{
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "cooccurrence", "--window",
                             "document", "--evidence", "-", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    /* NATO, Nordkorea, Südkorea, Russland: 6 pairs, one row each */
    size_t rows = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')); p++)
        rows++;
    cr_expect_eq(rows, 7, "%s", r.out);
    rgt_result_free(&r);

    /* NATO and Nordkorea are 2 tokens apart (token 1 and 3) */
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "cooccurrence", "--window",
                             "1", "--evidence", "-", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect_str_eq(r.out, HEADER);
    rgt_result_free(&r);
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "cooccurrence", "--window",
                             "2", "--evidence", "-", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "\tnato\tnorth_korea\tcooccurrence\t") != NULL,
              "%s", r.out);
    cr_expect(strstr(r.out, "south_korea") == NULL, "%s", r.out);
    rgt_result_free(&r);
}

static void S_usage(const char *opt, const char *arg, const char *message)
{
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", opt, arg, "-o", "x.dot", NULL});
    cr_expect_eq(r.status, 1);
    char want[512];
    snprintf(want, sizeof(want),
             "relgraph: %s\nTry 'relgraph --help' for more information.\n",
             message);
    cr_expect_str_eq(r.err, want);
    rgt_result_free(&r);
}

Test(relations_cli, usage_errors)
{
    S_usage("--relations", "verb",
            "--relations: unknown kind 'verb' (expected cooccurrence, verbs or "
            "all)");
    S_usage("--window", "0",
            "--window: expected sentence, paragraph, document or a number of "
            "tokens (1 or more), not '0'");
    S_usage("--window", "satz",
            "--window: expected sentence, paragraph, document or a number of "
            "tokens (1 or more), not 'satz'");
}

Test(relations_cli, graphml_edges_carry_the_verb)
{
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "--relations", "verbs", "-o", "-",
                             "--format", "graphml", "-q", NULL});
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_expect(strstr(r.out, "attr.name=\"verb\"") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, ">einbestellen<") != NULL, "%s", r.out);
    rgt_result_free(&r);
}

Test(relations_cli, a_bad_verb_table_stops_the_run)
{
    char *bad = rgt_path(tmp, "v.tsv");
    rgt_write_file(bad, "lemma\tclass\tparticle\tforms\tpattern\n"
                        "warnen\twarning\n");
    rgt_result r;
    rgt_run(&r, tmp, NULL,
            (const char *[]){"a.txt", "-d", "v.tsv", "-o", "x.dot", NULL});
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.err, "relgraph: v.tsv:2: unknown class 'warning'") != NULL,
              "%s", r.err);
    rgt_result_free(&r);
    free(bad);
}
