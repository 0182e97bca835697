/*
 * workers.c — the ordered work queue (see workers.h).  A ring of slots, one
 * per job in flight, guarded by one mutex: jobs are taken in submission
 * order, the submitting thread merges finished jobs from the head of the
 * ring.  With one thread nothing is started and every job is worked and
 * merged at once, so -j 1 is the plain sequential program.
 *
 * With n threads, n - 1 are started and the submitting thread is the n-th:
 * when the window is full it works the next queued job itself instead of
 * sleeping until a worker hands one back.  So n threads analyse on n
 * cores, and no thread wakes another for each document — a worker sleeps
 * only when the queue runs dry, the submitting thread only when every job
 * in the window is taken and the one at the head is not yet done.  (A
 * submitting thread that only read files and merged, beside n workers,
 * made n + 1 runnable threads on n cores: two wake-ups and about two
 * context switches per document.)
 */
#include "workers.h"

#include <pthread.h>
#include <stdlib.h>

#include "util.h"

enum { S_EMPTY, S_QUEUED, S_RUNNING, S_DONE };

typedef struct S_slot {
    void *job;
    int state;
} S_slot;

struct rg_workers {
    rg_workers_def def;
    void *own_state;          /* the submitting thread's, for the jobs it works */
    pthread_t *threads;
    size_t n_threads;         /* started; 0: everything inline */
    S_slot *ring;
    size_t window;
    size_t head;              /* next job to merge (sequence number) */
    size_t next_take;         /* next job to work */
    size_t tail;              /* next sequence number to submit */
    size_t idle;              /* workers waiting for a job */
    int waiting;              /* the submitting thread waits for `done` */
    int stopping;
    rg_status status;
    pthread_mutex_t mu;
    pthread_cond_t queued;    /* a job was queued, or stopping */
    pthread_cond_t done;      /* a job is done */
};

/* Works the next queued job on the calling thread with `state`; the mutex
 * is held on entry and exit. */
static void S_work_next(rg_workers *w, void *state)
{
    S_slot *s = &w->ring[w->next_take % w->window];
    w->next_take++;
    s->state = S_RUNNING;
    pthread_mutex_unlock(&w->mu);
    w->def.work(state, s->job);
    pthread_mutex_lock(&w->mu);
    s->state = S_DONE;
}

static void *S_thread(void *arg)
{
    rg_workers *w = arg;
    void *state = w->def.state_new ? w->def.state_new(w->def.state_arg) : NULL;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stopping && w->next_take == w->tail) {
            w->idle++;
            pthread_cond_wait(&w->queued, &w->mu);
            w->idle--;
        }
        if (w->next_take == w->tail && w->stopping)
            break;
        S_work_next(w, state);
        if (w->waiting)
            pthread_cond_signal(&w->done);
    }
    pthread_mutex_unlock(&w->mu);
    if (w->def.state_free)
        w->def.state_free(state);
    return NULL;
}

rg_workers *rg_i_workers_new(const rg_workers_def *def)
{
    rg_workers *w = rg_i_xcalloc(1, sizeof(*w));
    w->def = *def;
    w->own_state = def->state_new ? def->state_new(def->state_arg) : NULL;
    if (def->threads <= 1)
        return w;
    w->window = 2 * def->threads + 1;
    w->ring = rg_i_xcalloc(w->window, sizeof(*w->ring));
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->queued, NULL);
    pthread_cond_init(&w->done, NULL);
    w->threads = rg_i_xcalloc(def->threads - 1, sizeof(*w->threads));
    for (size_t i = 0; i + 1 < def->threads; i++) {
        if (pthread_create(&w->threads[i], NULL, S_thread, w) != 0)
            break;   /* fewer threads still work; none at all is handled */
        w->n_threads++;
    }
    if (w->n_threads == 0) {
        free(w->threads);
        w->threads = NULL;
    }
    return w;
}

static int S_inline(const rg_workers *w)
{
    return w->n_threads == 0;
}

/* Merges finished jobs at the head; the mutex is held on entry and exit. */
static void S_merge_ready(rg_workers *w)
{
    while (w->head < w->tail && w->ring[w->head % w->window].state == S_DONE) {
        S_slot *s = &w->ring[w->head % w->window];
        void *job = s->job;
        s->job = NULL;
        s->state = S_EMPTY;
        w->head++;
        pthread_mutex_unlock(&w->mu);
        rg_status st = w->def.merge(w->def.ctx, job);
        pthread_mutex_lock(&w->mu);
        if (w->status == RG_OK)
            w->status = st;
    }
}

/* Merges what is ready until fewer than `room` jobs are in flight:
 * works queued jobs meanwhile, sleeps only when none is left to take.
 * The mutex is held on entry and exit. */
static void S_drain(rg_workers *w, size_t room)
{
    for (;;) {
        S_merge_ready(w);
        if (w->tail - w->head < room)
            return;
        if (w->next_take < w->tail) {
            S_work_next(w, w->own_state);
            continue;
        }
        w->waiting = 1;
        pthread_cond_wait(&w->done, &w->mu);
        w->waiting = 0;
    }
}

rg_status rg_i_workers_submit(rg_workers *w, void *job)
{
    if (S_inline(w)) {
        w->def.work(w->own_state, job);
        rg_status st = w->def.merge(w->def.ctx, job);
        if (w->status == RG_OK)
            w->status = st;
        return w->status;
    }
    pthread_mutex_lock(&w->mu);
    S_drain(w, w->window);
    S_slot *s = &w->ring[w->tail % w->window];
    s->job = job;
    s->state = S_QUEUED;
    w->tail++;
    int wake = w->idle > 0;
    rg_status st = w->status;
    pthread_mutex_unlock(&w->mu);
    /* After the unlock: a worker woken under the lock would at once sleep
     * again on the mutex.  It cannot miss the signal: counted idle under
     * the mutex, it waits until then. */
    if (wake)
        pthread_cond_signal(&w->queued);
    return st;
}

rg_status rg_i_workers_finish(rg_workers *w)
{
    if (S_inline(w))
        return w->status;
    pthread_mutex_lock(&w->mu);
    S_drain(w, 1);
    rg_status st = w->status;
    pthread_mutex_unlock(&w->mu);
    return st;
}

void rg_i_workers_free(rg_workers *w)
{
    if (!w)
        return;
    if (!S_inline(w)) {
        rg_i_workers_finish(w);
        pthread_mutex_lock(&w->mu);
        w->stopping = 1;
        pthread_cond_broadcast(&w->queued);
        pthread_mutex_unlock(&w->mu);
        for (size_t i = 0; i < w->n_threads; i++)
            pthread_join(w->threads[i], NULL);
    }
    if (w->window) {         /* threads were asked for */
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->queued);
        pthread_cond_destroy(&w->done);
    }
    if (w->def.state_free)
        w->def.state_free(w->own_state);
    free(w->threads);
    free(w->ring);
    free(w);
}
