/*
 * test_html_cli.c — web pages and page furniture end to end: an .html file
 * in a directory gives mentions whose offsets are bytes of the HTML file,
 * and --keep-boilerplate brings the furniture back.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

static const char PAGE[] =
    "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">\n"
    "<title>Nato warnt Nordkorea</title>\n<script>var x='Putin';</script></head>\n"
    "<body><nav><a href=\"/\">Russland</a></nav>\n"
    "<article><h1>Nato warnt <em>Pjöngjang</em></h1>\n"
    "<p>Der Nato-Generalsekretär Mark Rutte hat Nordkorea gewarnt.\n"
    "Wladimir Putin und Kim Jong-un   unterzeichneten einen Pakt.</p>\n"
    "<p>Russland &amp; Nordkorea dementieren.</p>\n"
    "<p>Lesen Sie auch</p><ul><li><a>China und Japan streiten weiter</a></li></ul>\n"
    "</article><footer>© 2024 Ukraine Zeitung</footer></body></html>\n";

/* Column `col` (0-based) of a TSV line, copied. */
static char *S_col(const char *line, int col)
{
    for (int i = 0; i < col; i++) {
        line = strchr(line, '\t');
        cr_assert_not_null(line);
        line++;
    }
    size_t n = strcspn(line, "\t\n");
    return strndup(line, n);
}

static char *S_mentions(const char *dir, const char *extra)
{
    char *out = rgt_path(dir, "m.tsv");
    rgt_result r;
    const char *args[] = {"pages", "--mentions", out, "-q", extra, NULL};
    cr_assert_eq(rgt_run(&r, dir, NULL, args), 0);
    cr_assert_eq(r.status, 0, "status %d: %s", r.status, r.err);
    rgt_result_free(&r);
    char *tsv = rgt_read_file(out, NULL);
    cr_assert_not_null(tsv);
    free(out);
    return tsv;
}

Test(html_cli, mention_offsets_point_into_the_html_file)
{
    char *dir = rgt_tmpdir();
    char *pages = rgt_path(dir, "pages");
    char *cmd = rgt_path(dir, "pages/a.html");
    cr_assert_eq(mkdir(pages, 0777), 0);
    rgt_write_file(cmd, PAGE);
    char *tsv = S_mentions(dir, NULL);

    size_t rows = 0;
    int saw[6] = {0};
    const char *want[] = {"Pjöngjang", "Rutte", "Putin", "Kim Jong-un", "Russland",
                          "China"};
    for (char *line = strchr(tsv, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
        char *doc = S_col(line, 0), *s = S_col(line, 2), *e = S_col(line, 3),
             *surface = S_col(line, 4);
        size_t start = strtoul(s, NULL, 10), end = strtoul(e, NULL, 10);
        cr_expect_str_eq(doc, "pages/a.html");
        cr_assert(end <= sizeof(PAGE) - 1 && start < end);
        if (!strchr(surface, '&'))
            cr_expect(strncmp(PAGE + start, surface, end - start) == 0 &&
                          strlen(surface) == end - start,
                      "%s at %zu..%zu is '%.*s' in the file", surface, start, end,
                      (int)(end - start), PAGE + start);
        for (size_t k = 0; k < 6; k++)
            if (strstr(surface, want[k]))
                saw[k] = 1;
        rows++;
        free(doc), free(s), free(e), free(surface);
    }
    cr_expect_gt(rows, 6);
    for (size_t k = 0; k < 5; k++)
        cr_expect(saw[k], "no mention of %s", want[k]);
    cr_expect(!saw[5], "the linked headline under 'Lesen Sie auch' was read");
    /* nav, footer and script are not article text */
    cr_expect_null(strstr(tsv, "Ukraine"));
    char *first_russland = strstr(PAGE, "Russland");
    char pos[32];
    snprintf(pos, sizeof(pos), "\t%zu\t", (size_t)(first_russland - PAGE));
    cr_expect_null(strstr(tsv, pos), "the Russland in <nav> was read");
    free(tsv);

    /* --keep-boilerplate keeps the link list (not the removed elements) */
    tsv = S_mentions(dir, "--keep-boilerplate");
    cr_expect_not_null(strstr(tsv, "China"));
    cr_expect_null(strstr(tsv, "Ukraine"));
    free(tsv);

    rgt_rmtree(dir);
    free(cmd), free(pages), free(dir);
}

Test(html_cli, keep_boilerplate_in_help)
{
    rgt_result r;
    cr_assert_eq(rgt_run(&r, NULL, NULL, (const char *[]){"--help", NULL}), 0);
    cr_expect(strstr(r.out, "--keep-boilerplate"));
    rgt_result_free(&r);
}

Test(html_cli, furniture_in_text_files_is_left_out)
{
    char *dir = rgt_tmpdir();
    char *pages = rgt_path(dir, "pages");
    cr_assert_eq(mkdir(pages, 0777), 0);
    char *f = rgt_path(pages, "a.txt");
    rgt_write_file(f, "3. November 2024\n\nPolitik\n\nNato warnt Nordkorea\n\n"
                      "Die Nato hat Nordkorea gewarnt.\n\n"
                      "Schreibe einen Kommentar\n\n© 2024 Russland-Blog\n");
    char *tsv = S_mentions(dir, NULL);
    cr_expect_null(strstr(tsv, "Russland"));
    cr_expect_not_null(strstr(tsv, "\t0\t"), "the headline's mention is sentence 0");
    free(tsv);
    tsv = S_mentions(dir, "--keep-boilerplate");
    cr_expect_not_null(strstr(tsv, "Russland"));
    free(tsv);
    rgt_rmtree(dir);
    free(f), free(pages), free(dir);
}
