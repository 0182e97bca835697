/*
 * output.c — output files written atomically: a temporary file beside the
 * target, renamed over it only when everything was written and closed
 * without error.  A failed or killed run leaves the old file (or none),
 * never half a graph.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph.h"
#include "util.h"

struct rg_outfile {
    FILE *stream;
    char *path;     /* target, or NULL for standard output */
    char *tmp;      /* temporary file beside the target */
};

static char *S_temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    rg_buf b;
    rg_i_buf_init(&b);
    rg_i_buf_add(&b, path, dirlen);
    rg_i_buf_printf(&b, ".%s.tmp.XXXXXX", base);
    return b.data;
}

rg_outfile *rg_outfile_open(const char *path, const rg_diag *diag)
{
    rg_outfile *f = rg_i_xcalloc(1, sizeof(*f));
    if (strcmp(path, "-") == 0) {
        f->stream = stdout;
        return f;
    }
    f->path = rg_i_xstrdup(path);
    f->tmp = S_temp_name(path);
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        rg_i_diag(diag, RG_ERROR, path, "cannot create output file: %s",
                  strerror(errno));
        goto fail;
    }
    /* mkstemp makes 0600; give the file the mode a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    f->stream = fdopen(fd, "w");
    if (!f->stream) {
        rg_i_diag(diag, RG_ERROR, path, "cannot open output file: %s",
                  strerror(errno));
        close(fd);
        unlink(f->tmp);
        goto fail;
    }
    return f;
fail:
    free(f->path);
    free(f->tmp);
    free(f);
    return NULL;
}

FILE *rg_outfile_stream(rg_outfile *f)
{
    return f->stream;
}

const char *rg_outfile_temp_path(const rg_outfile *f)
{
    return f->path ? f->tmp : NULL;
}

rg_status rg_outfile_commit(rg_outfile *f, const rg_diag *diag)
{
    rg_status st = RG_OK;
    if (!f->path) {
        if (fflush(f->stream) != 0 || ferror(f->stream)) {
            rg_i_diag(diag, RG_ERROR, "standard output", "write failed: %s",
                      strerror(errno));
            st = RG_EIO;
        }
        free(f);
        return st;
    }
    int failed = fflush(f->stream) != 0 || ferror(f->stream);
    int err = errno;
    if (!failed && fsync(fileno(f->stream)) != 0 && errno != EINVAL) {
        failed = 1;
        err = errno;
    }
    if (fclose(f->stream) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    if (!failed && rename(f->tmp, f->path) != 0) {
        failed = 1;
        err = errno;
    }
    if (failed) {
        rg_i_diag(diag, RG_ERROR, f->path, "write failed: %s", strerror(err));
        unlink(f->tmp);
        st = RG_EIO;
    }
    free(f->path);
    free(f->tmp);
    free(f);
    return st;
}

void rg_outfile_abort(rg_outfile *f)
{
    if (!f)
        return;
    if (f->path) {
        fclose(f->stream);
        unlink(f->tmp);
    } else {
        fflush(f->stream);
    }
    free(f->path);
    free(f->tmp);
    free(f);
}
