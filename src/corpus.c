/*
 * corpus.c — stage 1: walks the input paths and hands each document's
 * bytes to the next stage.  Directories are walked recursively with their
 * entries sorted bytewise, so that the output never depends on the order a
 * file system lists them in.  Hidden entries inside directories are left
 * out; symlink loops, FIFOs, sockets and devices are reported, not read.
 */
/* struct dirent's d_type (DT_REG), where the C library has it: a regular
 * file listed by readdir needs no stat.  Without it every entry is
 * stat'ed. */
#define _DEFAULT_SOURCE 1

#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

typedef struct S_walk {
    rg_doc_fn fn;
    void *data;
    const rg_diag *diag;
    size_t *skipped;
    size_t *ignored;
    rg_buf content;
    struct S_dirid {
        dev_t dev;
        ino_t ino;
    } *stack;                 /* directories being walked, for loop checks */
    size_t depth, cap;
} S_walk;

static void S_skip(S_walk *w, const char *path, const char *fmt, const char *why)
{
    rg_i_diag(w->diag, RG_ERROR, path, fmt, why);
    (*w->skipped)++;
}

/* Reads all of fd into w->content, sized for `hint` bytes (the file's
 * size, 0 if unknown) so that a file is read without copying.
 * Returns 0, an errno value, or EFBIG when the document is larger than
 * RG_MAX_DOCUMENT_BYTES (then nothing more is read: memory stays bounded
 * whatever the input). */
static int S_read_all(S_walk *w, int fd, size_t hint)
{
    rg_i_buf_reset(&w->content);
    /* Room for the file, its NUL and a last read that finds the end. */
    RG_GROW(w->content.data, w->content.cap, hint + 4096 + 1);
    for (;;) {
        if (w->content.len > RG_MAX_DOCUMENT_BYTES)
            return EFBIG;
        /* The size fstat gave, read: no further read to find the end. */
        if (hint && w->content.len == hint)
            break;
        if (w->content.cap - w->content.len < 4096 + 1)
            RG_GROW(w->content.data, w->content.cap, w->content.len + 65536 + 1);
        ssize_t got = read(fd, w->content.data + w->content.len,
                           w->content.cap - w->content.len - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno;
        if (got == 0)
            break;
        w->content.len += (size_t)got;
    }
    w->content.data[w->content.len] = '\0';
    return 0;
}

/* Hands the document read into w->content over to fn, which takes it
 * (and may leave a buffer for the next one). */
static rg_status S_hand_over(S_walk *w, const char *path)
{
    rg_status st = w->fn(w->data, path, &w->content);
    w->content.len = 0;
    return st;
}

static rg_status S_file(S_walk *w, const char *path, int top)
{
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        /* Gone since it was listed: what the stat of S_path would say. */
        int err = errno;
        if (!top && (err == ENOENT || err == ENOTDIR))
            S_skip(w, path, "vanished or unreadable: %s", strerror(err));
        else
            S_skip(w, path, "cannot read: %s", strerror(err));
        return RG_OK;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        /* Changed under us between stat and open. */
        close(fd);
        S_skip(w, path, "%s", "not a regular file, skipped");
        return RG_OK;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    int err = (uintmax_t)st.st_size > RG_MAX_DOCUMENT_BYTES
                  ? EFBIG
                  : S_read_all(w, fd, (size_t)st.st_size);
    close(fd);
    if (err == EFBIG) {
        S_skip(w, path, "%s", "larger than " RG_MAX_DOCUMENT_TEXT
               " (the limit for one document), skipped");
        return RG_OK;
    }
    if (err) {
        S_skip(w, path, "cannot read: %s", strerror(err));
        return RG_OK;
    }
    return S_hand_over(w, path);
}

/* Whether a file found inside a directory is taken for an article. */
static int S_article_name(const char *name)
{
    static const char *const exts[] = {"txt", "text", "html", "htm", "xhtml"};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 1;
    for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return 1;
    return 0;
}

/* A directory entry; `reg`: readdir said a regular file (not a link). */
typedef struct S_entry {
    char *name;
    int reg;
} S_entry;

static int S_cmp_names(const void *a, const void *b)
{
    return strcmp(((const S_entry *)a)->name, ((const S_entry *)b)->name);
}

static rg_status S_path(S_walk *w, const char *path, int top);
static rg_status S_regular(S_walk *w, const char *path, int top);

static rg_status S_dir(S_walk *w, const char *path, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++) {
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
            S_skip(w, path, "%s", "directory loop (symbolic link to a parent), skipped");
            return RG_OK;
        }
    }
    DIR *dir = opendir(path);
    if (!dir) {
        S_skip(w, path, "cannot open directory: %s", strerror(errno));
        return RG_OK;
    }
    S_entry *names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        RG_GROW(names, cap, n + 1);
        names[n].name = rg_i_xstrdup(de->d_name);
#ifdef DT_REG
        names[n].reg = de->d_type == DT_REG;
#else
        names[n].reg = 0;
#endif
        n++;
    }
    int err = errno;
    closedir(dir);
    if (err)
        S_skip(w, path, "cannot list directory completely: %s", strerror(err));
    if (n > 1)          /* qsort(NULL, 0, ...) is undefined */
        qsort(names, n, sizeof(*names), S_cmp_names);

    RG_GROW(w->stack, w->cap, w->depth + 1);
    w->stack[w->depth].dev = st->st_dev;
    w->stack[w->depth].ino = st->st_ino;
    w->depth++;
    rg_status status = RG_OK;
    rg_buf child;
    rg_i_buf_init(&child);
    for (size_t i = 0; i < n && status == RG_OK; i++) {
        rg_i_buf_reset(&child);
        rg_i_buf_adds(&child, path);
        if (child.len && child.data[child.len - 1] != '/')
            rg_i_buf_addc(&child, '/');
        rg_i_buf_adds(&child, names[i].name);
        /* A regular file by readdir needs no stat of its own: S_file
         * looks at the file it opens. */
        status = names[i].reg ? S_regular(w, child.data, 0)
                              : S_path(w, child.data, 0);
    }
    w->depth--;
    rg_i_buf_destroy(&child);
    for (size_t i = 0; i < n; i++)
        free(names[i].name);
    free(names);
    return status;
}

/* A regular file at `path`: read it if it is an article. */
static rg_status S_regular(S_walk *w, const char *path, int top)
{
    const char *slash = strrchr(path, '/');
    if (!top && !S_article_name(slash ? slash + 1 : path)) {
        rg_i_diag(w->diag, RG_INFO, path, "not an article file, ignored");
        (*w->ignored)++;
        return RG_OK;
    }
    return S_file(w, path, top);
}

static rg_status S_path(S_walk *w, const char *path, int top)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int err = errno;
        struct stat lst;
        if (err == ENOENT && lstat(path, &lst) == 0)
            S_skip(w, path, "%s", "broken symbolic link, skipped");
        else if (err == ELOOP)
            S_skip(w, path, "%s", "symbolic link loop, skipped");
        else
            S_skip(w, path, top ? "cannot read: %s" : "vanished or unreadable: %s",
                   strerror(err));
        return RG_OK;
    }
    if (S_ISDIR(st.st_mode))
        return S_dir(w, path, &st);
    if (S_ISREG(st.st_mode))
        return S_regular(w, path, top);
    S_skip(w, path, "%s",
           S_ISFIFO(st.st_mode) ? "is a FIFO, not read"
           : S_ISSOCK(st.st_mode) ? "is a socket, not read"
                                  : "is a device, not read");
    return RG_OK;
}

rg_status rg_i_corpus_walk(const char *path, rg_doc_fn fn, void *data,
                           const rg_diag *diag, size_t *skipped,
                           size_t *ignored)
{
    S_walk w = {.fn = fn, .data = data, .diag = diag, .skipped = skipped,
                .ignored = ignored};
    rg_i_buf_init(&w.content);
    rg_status st;
    if (strcmp(path, "-") == 0) {
        int err = S_read_all(&w, STDIN_FILENO, 0);
        if (err == EFBIG) {
            S_skip(&w, "-", "%s", "standard input is larger than " RG_MAX_DOCUMENT_TEXT
                   " (the limit for one document), skipped");
            st = RG_OK;
        } else if (err) {
            S_skip(&w, "-", "cannot read standard input: %s", strerror(err));
            st = RG_OK;
        } else {
            st = S_hand_over(&w, "-");
        }
    } else {
        st = S_path(&w, path, 1);
    }
    rg_i_buf_destroy(&w.content);
    free(w.stack);
    return st;
}
