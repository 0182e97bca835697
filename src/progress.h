/*
 * progress.h — the command line's progress display: on a terminal, long
 * runs show files, MB, MB/s and an ETA on one line of stderr.
 */
#ifndef RG_PROGRESS_H
#define RG_PROGRESS_H

#include <stdint.h>
#include <time.h>

#include "relgraph.h"

typedef struct rg_progress {
    struct timespec start, last;
    uint64_t total;      /* bytes of the inputs, 0 = unknown (no ETA) */
    int shown;           /* a line is on the screen */
} rg_progress;

/* Starts the clock; `total` bytes are expected (0 = unknown). */
void rg_progress_start(rg_progress *pr, uint64_t total);

/* An rg_options.progress callback (data = rg_progress): redraws the line
 * at most five times a second. */
void rg_progress_show(void *data, const rg_stats *stats);

/* Clears the line, so that a message or the summary starts clean. */
void rg_progress_clear(rg_progress *pr);

/* The size of the regular files under `path` (a file or a directory,
 * hidden entries left out as the walk leaves them out); 0 for "-". */
uint64_t rg_progress_input_bytes(const char *path);

#endif
