/*
 * test_workers.c — the ordered work queue: whatever the thread count and
 * however long each job takes, jobs are merged in submission order, each
 * once, with per-thread state.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <time.h>

#include "workers.h"

typedef struct job {
    size_t seq;
    size_t result;
    void *state;
} job;

typedef struct merged {
    size_t n;
    size_t order[2000];
    int bad;
} merged;

static void *S_state_new(void *arg)
{
    (void)arg;
    return malloc(16);
}

static void S_work(void *state, void *p)
{
    job *j = p;
    /* uneven work, so that later jobs often finish first */
    struct timespec ts = {0, (long)((j->seq * 7919) % 13) * 20000};
    nanosleep(&ts, NULL);
    j->result = j->seq * 3;
    j->state = state;
}

static rg_status S_merge(void *ctx, void *p)
{
    merged *m = ctx;
    job *j = p;
    if (j->result != j->seq * 3 || !j->state)
        m->bad = 1;
    m->order[m->n++] = j->seq;
    free(j);
    return RG_OK;
}

static void S_run(size_t threads, size_t jobs)
{
    merged m = {0};
    rg_workers_def def = {.threads = threads, .work = S_work, .merge = S_merge,
                          .ctx = &m, .state_new = S_state_new, .state_free = free};
    rg_workers *w = rg_i_workers_new(&def);
    for (size_t i = 0; i < jobs; i++) {
        job *j = calloc(1, sizeof(*j));
        j->seq = i;
        cr_assert_eq(rg_i_workers_submit(w, j), RG_OK);
    }
    cr_assert_eq(rg_i_workers_finish(w), RG_OK);
    rg_i_workers_free(w);
    cr_assert_eq(m.n, jobs);
    cr_assert_not(m.bad);
    for (size_t i = 0; i < jobs; i++)
        cr_assert_eq(m.order[i], i, "threads %zu: position %zu holds job %zu", threads, i,
                     m.order[i]);
}

Test(workers, inline_when_one_thread) { S_run(1, 200); }
Test(workers, two_threads_keep_order) { S_run(2, 2000); }
Test(workers, many_threads_keep_order) { S_run(7, 2000); }
Test(workers, no_jobs) { S_run(3, 0); }

/* The states seen by the merge: with n threads, n - 1 are started and the
 * submitting thread works jobs too (when the window is full), with a
 * state of its own. */
typedef struct seen {
    void *states[8];
    size_t n_states, n;
} seen;

static rg_status S_merge_seen(void *ctx, void *p)
{
    seen *s = ctx;
    job *j = p;
    size_t k = 0;
    while (k < s->n_states && s->states[k] != j->state)
        k++;
    if (k == s->n_states && k < 8)
        s->states[s->n_states++] = j->state;
    s->n++;
    free(j);
    return RG_OK;
}

Test(workers, submitting_thread_works_too)
{
    seen s = {0};
    rg_workers_def def = {.threads = 2, .work = S_work, .merge = S_merge_seen,
                          .ctx = &s, .state_new = S_state_new, .state_free = free};
    rg_workers *w = rg_i_workers_new(&def);
    for (size_t i = 0; i < 200; i++) {
        job *j = calloc(1, sizeof(*j));
        j->seq = i;
        cr_assert_eq(rg_i_workers_submit(w, j), RG_OK);
    }
    cr_assert_eq(rg_i_workers_finish(w), RG_OK);
    rg_i_workers_free(w);
    cr_assert_eq(s.n, 200);
    cr_assert_eq(s.n_states, 2, "%zu states for two threads", s.n_states);
}

static rg_status S_merge_fail(void *ctx, void *p)
{
    size_t *n = ctx;
    free(p);
    return ++*n == 5 ? RG_EIO : RG_OK;
}

static void S_nothing(void *state, void *p)
{
    (void)state;
    (void)p;
}

Test(workers, first_merge_error_is_kept)
{
    size_t n = 0;
    rg_workers_def def = {.threads = 2, .work = S_nothing, .merge = S_merge_fail, .ctx = &n};
    rg_workers *w = rg_i_workers_new(&def);
    for (size_t i = 0; i < 50; i++)
        rg_i_workers_submit(w, malloc(1));
    cr_assert_eq(rg_i_workers_finish(w), RG_EIO);
    cr_assert_eq(n, 50, "every job is still merged (and freed)");
    rg_i_workers_free(w);
}
