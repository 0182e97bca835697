/*
 * workers.h — an ordered work queue: jobs submitted in order are processed
 * by worker threads in any order and handed back ("merged") on the
 * submitting thread strictly in submission order.  That is how documents
 * are analysed on every core while the tally, the tables and the messages
 * stay byte-identical to a single-threaded run.
 */
#ifndef RG_WORKERS_H
#define RG_WORKERS_H

#include <stddef.h>

#include "relgraph.h"

/* Runs on a worker thread: `state` is that thread's own (from state_new). */
typedef void (*rg_work_fn)(void *state, void *job);
/* Runs on the submitting thread, in submission order. */
typedef rg_status (*rg_merge_fn)(void *ctx, void *job);

typedef struct rg_workers_def {
    size_t threads;                 /* 0 or 1: no threads, work inline;
                                       n: n - 1 started, the submitting
                                       thread is the n-th */
    rg_work_fn work;
    rg_merge_fn merge;
    void *ctx;                      /* for merge */
    void *(*state_new)(void *arg);  /* one per thread that works jobs */
    void (*state_free)(void *state);
    void *state_arg;
} rg_workers_def;

typedef struct rg_workers rg_workers;

/* Starts the workers; at most 2 * threads + 1 jobs are in flight, so
 * memory is bounded by that many jobs whatever the input. */
rg_workers *rg_i_workers_new(const rg_workers_def *def);

/* Hands over a job (ownership passes until merge returns).  Merges every
 * job that is ready, in order; while the window is full, works queued jobs
 * on the calling thread, and sleeps only when every job in the window is
 * taken and the oldest is not yet done.  Returns
 * the first non-OK status of a merge (later jobs are then still processed
 * but not merged). */
rg_status rg_i_workers_submit(rg_workers *w, void *job);

/* Works, waits for and merges every job left; returns as submit. */
rg_status rg_i_workers_finish(rg_workers *w);

/* Stops the threads (after finish) and frees everything. */
void rg_i_workers_free(rg_workers *w);

#endif
