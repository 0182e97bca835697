/*
 * test_hostile.c — what users point relgraph at: FIFOs, symlink loops,
 * empty, huge and oddly named files, a file size limit, and a kill in the
 * middle.  Each gets one clear message, the run goes on, and no output is
 * ever left half-written.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support.h"

TestSuite(hostile, .init = rgt_tmp_setup, .fini = rgt_tmp_teardown);

static char *in_tmp(const char *name)
{
    return rgt_path(rgt_tmp, name);
}

/* Number of entries in dir whose name contains `part`. */
static int count_entries(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, part) != NULL;
    if (d)
        closedir(d);
    return n;
}

Test(hostile, fifo_loop_and_broken_link_are_reported_not_read)
{
    char *dir = in_tmp("in"), *fifo = rgt_path(dir, "pipe.txt"),
         *loop = rgt_path(dir, "loop"), *dangling = rgt_path(dir, "gone.txt"),
         *ok = rgt_path(dir, "ok.txt");
    cr_assert_eq(mkdir(dir, 0755), 0);
    cr_assert_eq(mkfifo(fifo, 0644), 0);
    cr_assert_eq(symlink(".", loop), 0);
    cr_assert_eq(symlink("/nonexistent/file", dangling), 0);
    rgt_write_file(ok, "Die NATO warnt Russland.\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){dir, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 2, "stderr: %s", r.err);
    char want[1024];
    snprintf(want, sizeof(want), "relgraph: %s: is a FIFO, not read\n", fifo);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    snprintf(want, sizeof(want), "relgraph: %s: directory loop (symbolic link to a parent), skipped\n", loop);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    snprintf(want, sizeof(want), "relgraph: %s: broken symbolic link, skipped\n", dangling);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    cr_expect(strstr(r.err, "relgraph: 3 inputs could not be read (see above)\n"), "stderr: %s", r.err);
    cr_expect(strstr(r.out, "\tNATO\tnato\t"), "the good file was read: %s", r.out);
    rgt_result_free(&r);
    free(dir);
    free(fifo);
    free(loop);
    free(dangling);
    free(ok);
}

Test(hostile, empty_file_warns_and_bom_keeps_offsets)
{
    char *empty = in_tmp("empty.txt"), *bom = in_tmp("bom.txt");
    rgt_write_file(empty, "");
    rgt_write_file(bom, "\xEF\xBB\xBFNordkorea droht.\n");
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){rgt_tmp, "--mentions", "-", NULL});
    cr_assert_eq(r.status, 0, "stderr: %s", r.err);
    char want[1024];
    snprintf(want, sizeof(want), "relgraph: warning: %s: empty file\n", empty);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    cr_expect(strstr(r.out, "bom.txt\t0\t3\t12\tNordkorea\tnorth_korea\t"), "mentions: %s", r.out);
    rgt_result_free(&r);
    free(empty);
    free(bom);
}

Test(hostile, document_over_the_limit_is_skipped)
{
    char *big = in_tmp("huge.txt");
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)65 << 20), 0); /* sparse: no disk used */
    close(fd);
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){big, "--report", "-", NULL});
    cr_assert_eq(r.status, 2, "stderr: %s", r.err);
    char want[1024];
    snprintf(want, sizeof(want),
             "relgraph: %s: larger than 64 MiB (the limit for one document), skipped\n", big);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    rgt_result_free(&r);
    free(big);
}

Test(hostile, odd_path_names_are_read_and_shown_safely)
{
    char *dir = in_tmp("a b"), *odd = rgt_path(dir, "\xff\x1b.txt");
    cr_assert_eq(mkdir(dir, 0755), 0);
    FILE *f = fopen(odd, "wb");
    cr_assert_not_null(f);
    fwrite("NATO\0", 1, 5, f);
    fclose(f);
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){dir, "--report", "-", NULL});
    cr_assert_eq(r.status, 2, "stderr: %s", r.err);
    char want[1024];
    snprintf(want, sizeof(want),
             "relgraph: %s/\\xFF\\x1B.txt: binary file (contains NUL bytes), skipped\n", dir);
    cr_expect(strstr(r.err, want), "stderr: %s", r.err);
    cr_expect_null(strchr(r.err, 0x1b), "no raw escape character reaches the terminal");
    rgt_result_free(&r);
    free(odd);
    free(dir);
}

Test(hostile, permission_denied_is_reported)
{
    if (geteuid() == 0)
        cr_skip_test("running as root: permissions cannot be denied");
    char *locked = in_tmp("locked.txt");
    rgt_write_file(locked, "Die NATO.\n");
    chmod(locked, 0);
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){locked, "--report", "-", NULL});
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "cannot read: Permission denied"), "stderr: %s", r.err);
    rgt_result_free(&r);
    free(locked);
}

/* A write that fails half-way (here: a file size limit, as a full disk
 * would) leaves the old output and no temporary file. */
Test(hostile, failed_write_keeps_the_old_file)
{
    char *out = in_tmp("net.graphml");
    rgt_write_file(out, "old\n");
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit rl = {4096, 4096};
        setrlimit(RLIMIT_FSIZE, &rl);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execl(RG_TEST_BINARY, RG_TEST_BINARY, RG_TEST_SOURCE_DIR "/examples", "-o", out,
              (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    cr_assert(WIFEXITED(st), "relgraph was killed by signal %d", WTERMSIG(st));
    cr_expect_eq(WEXITSTATUS(st), 1);
    char *s = rgt_read_file(out, NULL);
    cr_expect_str_eq(s, "old\n");
    free(s);
    cr_expect_eq(count_entries(rgt_tmp, ".tmp."), 0, "a temporary file was left behind");
    free(out);
}

/* Killed while reading: the outputs already opened are removed. */
Test(hostile, killed_run_leaves_nothing)
{
    char *m = in_tmp("m.tsv");
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[1]);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 1);
        dup2(null, 2);
        execl(RG_TEST_BINARY, RG_TEST_BINARY, "-", "--mentions", m, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    /* wait until relgraph has opened its output and blocks on stdin */
    for (int i = 0; i < 200 && count_entries(rgt_tmp, ".tmp.") == 0; i++) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    cr_expect_eq(count_entries(rgt_tmp, ".tmp."), 1, "no temporary output file appeared");
    kill(pid, SIGTERM);
    int st;
    waitpid(pid, &st, 0);
    close(fds[1]);
    cr_expect(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    cr_expect_eq(count_entries(rgt_tmp, ".tmp."), 0, "the temporary file was left behind");
    cr_expect_eq(access(m, F_OK), -1, "a half-written output appeared");
    free(m);
}

/* A file of one 6 MB line (no line break, no sentence end) is read in
 * bounded pieces: the run finishes, finds the actors in it, exit 0. */
Test(hostile, several_megabyte_line, .timeout = 120)
{
    char *big = in_tmp("one-line.txt");
    FILE *f = fopen(big, "wb");
    cr_assert_not_null(f);
    for (int i = 0; i < 100000; i++)
        fputs("die NATO warnt Russland und noch mehr Worte ", f);
    cr_assert_eq(fclose(f), 0);
    rgt_result r;
    rgt_run(&r, NULL, NULL, (const char *[]){big, "--report", "-", "--top", "3", NULL});
    cr_assert_eq(r.status, 0, "stderr: %.500s", r.err);
    cr_expect(strstr(r.out, "NATO"), "report: %.500s", r.out);
    cr_expect(strstr(r.out, "Russland"), "report: %.500s", r.out);
    rgt_result_free(&r);
    free(big);
}
