/*
 * corpus.h — stage 1: paths -> documents.  Walks files and directories in
 * sorted order and reads each regular file whole.
 */
#ifndef RG_CORPUS_H
#define RG_CORPUS_H

#include <stddef.h>

#include "relgraph.h"
#include "util.h"

/* Limit: a document larger than this is skipped with a message (memory
 * depends on the largest document; this bounds it). */
#define RG_MAX_DOCUMENT_BYTES ((size_t)64 << 20)
#define RG_MAX_DOCUMENT_TEXT "64 MiB"

/* Called for each document found, in a deterministic order, with its bytes
 * in `content` (len bytes and a NUL).  The callee takes the bytes (they
 * are its to free) and leaves `content` empty: without data, or with a
 * buffer of its own (len 0, from malloc, its capacity in cap) that the
 * walk reads the next document into.  Return non-OK to stop the walk. */
typedef rg_status (*rg_doc_fn)(void *data, const char *path, rg_buf *content);

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
