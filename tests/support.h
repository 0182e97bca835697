/*
 * support.h — helpers shared by the Criterion suites: files, temporary
 * directories, running the relgraph binary, small dictionaries.
 */
#ifndef RG_TEST_SUPPORT_H
#define RG_TEST_SUPPORT_H

#include <stddef.h>

#include "relgraph.h"

/* Whole file, NUL-terminated (length in *len if not NULL), or NULL. */
char *rgt_read_file(const char *path, size_t *len);
/* Writes s to path; aborts the test on failure. */
void rgt_write_file(const char *path, const char *s);
/* A fresh directory under $TMPDIR; free with rgt_rmtree + free. */
char *rgt_tmpdir(void);
/* rm -rf path. */
void rgt_rmtree(const char *path);
/* malloc'd "a/b". */
char *rgt_path(const char *a, const char *b);

/* A fresh temporary directory for each test of a suite that names these
 * as its .init and .fini; removed afterwards. */
extern char *rgt_tmp;
void rgt_tmp_setup(void);
void rgt_tmp_teardown(void);

typedef struct rgt_result {
    int status;      /* exit status, or 128 + signal */
    char *out;       /* stdout, NUL-terminated */
    char *err;       /* stderr, NUL-terminated */
} rgt_result;

/*
 * Runs the relgraph binary with the arguments args (NULL-terminated, not
 * including argv[0]) in directory cwd (NULL = current), feeding stdin_text
 * (NULL = /dev/null).  Returns 0 when the process ran.
 */
int rgt_run(rgt_result *r, const char *cwd, const char *stdin_text,
            const char *const args[]);
void rgt_result_free(rgt_result *r);

/* Whether ../shared (seeds, gold, validate) is beside the repository. */
int rgt_have_shared(void);

/* A finished dictionary from the text of actors.tsv, aliases.tsv and
 * abbreviations.txt (each may be NULL); NULL if it did not load. */
rg_dict *rgt_dict(const char *actors, const char *aliases, const char *abbrevs);
/* The finished default dictionary (dict/ of the source tree). */
rg_dict *rgt_default_dict(void);

#endif
