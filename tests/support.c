/*
 * support.c — test helpers (see support.h).
 */
#include "support.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *rgt_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

void rgt_write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(s, 1, strlen(s), f), strlen(s));
    cr_assert_eq(fclose(f), 0);
}

char *rgt_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *t = rgt_path(base && *base ? base : "/tmp", "relgraph-test.XXXXXX");
    cr_assert_not_null(mkdtemp(t), "mkdtemp: %s", strerror(errno));
    return t;
}

void rgt_rmtree(const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        execlp("rm", "rm", "-rf", "--", path, (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
}

char *rgt_path(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

static char *S_slurp_fd(int fd)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (cap - n < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        ssize_t got = read(fd, buf + n, cap - n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    return buf;
}

int rgt_run(rgt_result *r, const char *cwd, const char *stdin_text,
            const char *const args[])
{
    char *dir = rgt_tmpdir();
    char *in = rgt_path(dir, "stdin"), *out = rgt_path(dir, "stdout"),
         *err = rgt_path(dir, "stderr");
    rgt_write_file(in, stdin_text ? stdin_text : "");
    size_t argc = 0;
    while (args[argc])
        argc++;
    const char **argv = calloc(argc + 2, sizeof(*argv));
    argv[0] = RG_TEST_BINARY;
    for (size_t i = 0; i < argc; i++)
        argv[i + 1] = args[i];
    pid_t pid = fork();
    if (pid == 0) {
        int fi = open(in, O_RDONLY), fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644),
            fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fi < 0 || fo < 0 || fe < 0)
            _exit(126);
        dup2(fi, 0);
        dup2(fo, 1);
        dup2(fe, 2);
        if (cwd && chdir(cwd) != 0)
            _exit(125);
        execv(RG_TEST_BINARY, (char *const *)argv);
        _exit(127);
    }
    free(argv);
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) < 0)
        return -1;
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    int fo = open(out, O_RDONLY), fe = open(err, O_RDONLY);
    r->out = S_slurp_fd(fo);
    r->err = S_slurp_fd(fe);
    close(fo);
    close(fe);
    rgt_rmtree(dir);
    free(in);
    free(out);
    free(err);
    free(dir);
    return 0;
}

void rgt_result_free(rgt_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

int rgt_have_shared(void)
{
    struct stat st;
    return stat(RG_TEST_SHARED_DIR "/seeds", &st) == 0 && S_ISDIR(st.st_mode);
}

char *rgt_tmp;

void rgt_tmp_setup(void)
{
    rgt_tmp = rgt_tmpdir();
}

void rgt_tmp_teardown(void)
{
    rgt_rmtree(rgt_tmp);
    free(rgt_tmp);
    rgt_tmp = NULL;
}
