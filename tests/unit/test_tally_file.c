/*
 * test_tally_file.c — tally lines written and parsed back, path order, the
 * evidence rule of the tally, and the merge through the library.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relations.h"
#include "support.h"
#include "tally.h"
#include "tally_file.h"

Test(tally_file, path_order_is_the_walk_order)
{
    /* A directory's files sort together: "a/b" before "a-c" (strcmp says
     * the opposite, since '-' < '/'). */
    cr_expect_lt(rg_path_compare("a/b", "a-c"), 0);
    cr_expect_gt(rg_path_compare("a-c", "a/b"), 0);
    cr_expect_lt(rg_path_compare("a", "a/b"), 0);
    cr_expect_lt(rg_path_compare("a/z", "ab"), 0);
    cr_expect_lt(rg_path_compare("a/b", "a/c"), 0);
    cr_expect_eq(rg_path_compare("x/y.txt", "x/y.txt"), 0);
    cr_expect_lt(rg_path_compare("", "a"), 0);
    /* bytes above 0x7F are ordered as unsigned */
    cr_expect_lt(rg_path_compare("z", "\xc3\xa4"), 0);
}

Test(tally_file, values_survive_tabs_newlines_and_backslashes)
{
    rg_buf b;
    rg_i_buf_init(&b);
    const char *text = "Er sagte:\t\"Nein\"\nund ging \\ fort\r.";
    rg_i_tally_edge_line(&b, "nato", "russia", RG_KIND_RELATION, RG_REL_WARN, 3,
                         2, "warnen", "dir/a\tb.txt", 7, 120, 180, text,
                         strlen(text));
    cr_assert_eq(b.data[b.len - 1], '\n');
    cr_assert_null(memchr(b.data, '\n', b.len - 1), "one record, one line");
    b.data[--b.len] = '\0';
    rg_trec r;
    rg_i_trec_init(&r);
    cr_assert_null(rg_i_trec_parse(b.data, b.len, &r));
    cr_expect_eq(r.type, RG_TREC_EDGE);
    cr_expect_str_eq(r.source, "nato");
    cr_expect_str_eq(r.target, "russia");
    cr_expect_eq(r.kind, RG_KIND_RELATION);
    cr_expect_eq(r.relation, RG_REL_WARN);
    cr_expect_str_eq(r.f[RG_TE_TEXT], text);
    cr_expect_str_eq(r.f[RG_TE_DOC], "dir/a\tb.txt");
    cr_expect_str_eq(r.f[RG_TE_VERB], "warnen");
    cr_expect_str_eq(r.f[RG_TE_WEIGHT], "3");
    rg_i_trec_destroy(&r);
    rg_i_buf_destroy(&b);
}

Test(tally_file, actor_line_round_trip)
{
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_tally_actor_line(&b, "disc:lee_sung_yoon", 2, 1, "person",
                          "Lee Sung-yoon", "", "seeds/x.txt", "Der Experte\tLee.");
    b.data[--b.len] = '\0';
    rg_trec r;
    rg_i_trec_init(&r);
    cr_assert_null(rg_i_trec_parse(b.data, b.len, &r));
    cr_expect_eq(r.type, RG_TREC_ACTOR);
    cr_expect_eq(r.key_len, strlen("A disc:lee_sung_yoon"));
    cr_expect_str_eq(r.f[RG_TA_LABEL], "Lee Sung-yoon");
    cr_expect_str_eq(r.f[RG_TA_EXAMPLE], "Der Experte\tLee.");
    rg_i_trec_destroy(&r);
    rg_i_buf_destroy(&b);
}

Test(tally_file, malformed_lines_are_named)
{
    static const struct {
        const char *line, *why;
    } bad[] = {
        {"A nato\t1\t1\torganization\tNATO\t\t", "wrong number of fields"},
        {"A nato\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1", "too many fields"},
        {"X nato\t1", "unknown record"},
        {"no tab here", "no tab"},
        {"A nato\t1\t1\torganization\tNA\\qTO\t\t\t", "bad escape"},
        {"E nato russia relation\t1\t1\t\t\t0\t0\t0\t", "needs source, target"},
        {"E nato russia friendship -\t1\t1\t\t\t0\t0\t0\t", "unknown edge kind"},
        {"E nato russia relation love\t1\t1\t\t\t0\t0\t0\t", "unknown relation"},
        {"E nato russia cooccurrence warn\t1\t1\t\t\t0\t0\t0\t", "no relation class"},
        {"A na to\t1\t1\torganization\tNATO\t\t\t", "space in an actor id"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *line = strdup(bad[i].line);
        rg_trec r;
        rg_i_trec_init(&r);
        const char *why = rg_i_trec_parse(line, strlen(line), &r);
        cr_expect_not_null(why, "accepted: %s", bad[i].line);
        if (why)
            cr_expect(strstr(why, bad[i].why), "'%s' for %s", why, bad[i].line);
        rg_i_trec_destroy(&r);
        free(line);
    }
}

Test(tally_file, counts_are_strict)
{
    uint64_t v;
    cr_expect_eq(rg_i_trec_count("0", &v), 0);
    cr_expect_eq(rg_i_trec_count("18446744073709551615", &v), 0);
    cr_expect_eq(v, UINT64_MAX);
    cr_expect_eq(rg_i_trec_count("18446744073709551616", &v), -1);
    cr_expect_eq(rg_i_trec_count("", &v), -1);
    cr_expect_eq(rg_i_trec_count("01", &v), -1);
    cr_expect_eq(rg_i_trec_count("-1", &v), -1);
    cr_expect_eq(rg_i_trec_count("1x", &v), -1);
}

/* The evidence of an edge is its first instance in the earliest document
 * by path order, whatever order the documents come in. */
Test(tally_file, evidence_of_the_earliest_document)
{
    rg_tally *t = rg_i_tally_new(2);
    rg_tally_evidence late = {"b/x.txt", 4, 10, 20, "late", 4, "warnen"};
    rg_tally_evidence early = {"a/x.txt", 9, 30, 40, "early", 5, "drohen"};
    rg_tally_evidence again = {"a/x.txt", 11, 50, 60, "again", 5, "warnen"};
    rg_i_tally_instance(t, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 0, &late);
    rg_i_tally_instance(t, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 1, &early);
    rg_i_tally_instance(t, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 1, &again);
    cr_assert_eq(rg_i_tally_edge_count(t), 1);
    const rg_tally_edge *e = rg_i_tally_edge(t, 0);
    cr_expect_eq(e->weight, 3);
    cr_expect_eq(e->documents, 2);
    cr_expect_str_eq(e->ev_doc, "a/x.txt");
    cr_expect_str_eq(e->ev_text, "early");
    cr_expect_str_eq(e->ev_verb, "drohen");
    cr_expect_eq(e->ev_sentence, 9);
    rg_i_tally_free(t);
}

/* Told the documents' paths, the tally skips comparing them while they
 * come in path order, and compares again once one comes out of order. */
Test(tally_file, evidence_when_told_the_document_order)
{
    rg_tally *t = rg_i_tally_new(2);
    rg_tally_evidence a = {"a/x.txt", 1, 0, 5, "first", 5, NULL};
    rg_tally_evidence b = {"b/x.txt", 2, 0, 6, "second", 6, NULL};
    rg_tally_evidence w = {"a/w.txt", 3, 0, 7, "earlier", 7, NULL};
    rg_i_tally_document(t, a.doc);
    rg_i_tally_instance(t, 0, 1, RG_KIND_COOCCURRENCE, 0, 0, &a);
    rg_i_tally_document(t, b.doc);
    rg_i_tally_instance(t, 0, 1, RG_KIND_COOCCURRENCE, 0, 1, &b);
    const rg_tally_edge *e = rg_i_tally_edge(t, 0);
    cr_expect_str_eq(e->ev_text, "first");
    rg_i_tally_document(t, w.doc);
    rg_i_tally_instance(t, 0, 1, RG_KIND_COOCCURRENCE, 0, 2, &w);
    e = rg_i_tally_edge(t, 0);
    cr_expect_eq(e->documents, 3);
    cr_expect_str_eq(e->ev_doc, "a/w.txt");
    cr_expect_str_eq(e->ev_text, "earlier");
    rg_i_tally_free(t);
}

/* n instances of a key at once count as n calls with the first one's
 * evidence (the pipeline counts a document's instances per key). */
Test(tally_file, instances_at_once_as_one_by_one)
{
    rg_tally *one = rg_i_tally_new(3), *many = rg_i_tally_new(3);
    rg_tally_evidence late = {"b/x.txt", 4, 10, 20, "late", 4, "warnen"};
    rg_tally_evidence early = {"a/x.txt", 9, 30, 40, "early", 5, "drohen"};
    rg_tally_evidence other = {"a/x.txt", 2, 0, 9, "other", 5, NULL};
    for (int k = 0; k < 3; k++)
        rg_i_tally_instance(one, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 0, &late);
    rg_i_tally_instance(one, 1, 2, RG_KIND_COOCCURRENCE, 0, 0, &late);
    for (int k = 0; k < 2; k++)
        rg_i_tally_instance(one, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 1, &early);
    rg_i_tally_instance(one, 1, 2, RG_KIND_COOCCURRENCE, 0, 1, &other);
    rg_i_tally_instances(many, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 0, 3, &late);
    rg_i_tally_instances(many, 1, 2, RG_KIND_COOCCURRENCE, 0, 0, 1, &late);
    rg_i_tally_instances(many, 0, 1, RG_KIND_RELATION, RG_REL_WARN, 1, 2, &early);
    rg_i_tally_instances(many, 1, 2, RG_KIND_COOCCURRENCE, 0, 1, 1, &other);
    cr_assert_eq(rg_i_tally_edge_count(many), rg_i_tally_edge_count(one));
    for (size_t i = 0; i < rg_i_tally_edge_count(one); i++) {
        const rg_tally_edge *a = rg_i_tally_edge(one, i), *b = rg_i_tally_edge(many, i);
        cr_expect_eq(a->source, b->source);
        cr_expect_eq(a->target, b->target);
        cr_expect_eq(a->weight, b->weight);
        cr_expect_eq(a->documents, b->documents);
        cr_expect_str_eq(a->ev_doc, b->ev_doc);
        cr_expect_str_eq(a->ev_text, b->ev_text);
        cr_expect_eq(a->ev_sentence, b->ev_sentence);
    }
    cr_expect_eq(rg_i_tally_edge(many, 0)->weight, 5);
    cr_expect_str_eq(rg_i_tally_edge(many, 0)->ev_text, "early");
    rg_i_tally_free(one);
    rg_i_tally_free(many);
}
