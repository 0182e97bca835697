/*
 * corpus.h — stage 1: paths -> documents.  Walks files and directories in
 * sorted order and reads each regular file whole.
 */
#ifndef RG_CORPUS_H
#define RG_CORPUS_H

#include <stddef.h>

#include "relgraph.h"

/* Limit: a document larger than this is skipped with a message (memory
 * depends on the largest document; this bounds it). */
#define RG_MAX_DOCUMENT_BYTES ((size_t)64 << 20)
#define RG_MAX_DOCUMENT_TEXT "64 MiB"

/* Called for each document found, in a deterministic order; `bytes`
 * (len bytes and a NUL, from malloc) is the callee's to free.  Return
 * non-OK to stop the walk. */
typedef rg_status (*rg_doc_fn)(void *data, const char *path, char *bytes,
                               size_t len);

/*
 * Walks `path` ("-" = standard input) and calls `fn` for every regular
 * file, directories recursively with entries sorted by name (bytewise).
 * Inside directories, hidden entries (names starting with ".") are left
 * out, and only article files are read: names ending in .txt, .text,
 * .html, .htm, .xhtml or without an extension; other files (README.md,
 * images, archives) are counted in *ignored and reported at RG_INFO.  A
 * file named explicitly is always read.  What cannot be read is reported
 * through `diag` and counted in *skipped; the walk goes on.  Returns RG_OK
 * or the first non-OK status returned by `fn`.
 */
rg_status rg_i_corpus_walk(const char *path, rg_doc_fn fn, void *data,
                           const rg_diag *diag, size_t *skipped,
                           size_t *ignored);

#endif
