/*
 * workers.c — the ordered work queue (see workers.h).  A ring of slots, one
 * per job in flight, guarded by one mutex: workers take queued jobs in
 * submission order, the submitting thread merges finished jobs from the
 * head of the ring.  With one thread nothing is started and every job is
 * worked and merged at once, so -j 1 is the plain sequential program.
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
    void *inline_state;       /* threads <= 1 */
    pthread_t *threads;
    size_t n_threads;
    S_slot *ring;
    size_t window;
    size_t head;              /* next job to merge (sequence number) */
    size_t next_take;         /* next job for a worker */
    size_t tail;              /* next sequence number to submit */
    int stopping;
    rg_status status;
    pthread_mutex_t mu;
    pthread_cond_t queued;    /* a job was queued, or stopping */
    pthread_cond_t done;      /* a job is done */
};

static void *S_thread(void *arg)
{
    rg_workers *w = arg;
    void *state = w->def.state_new ? w->def.state_new(w->def.state_arg) : NULL;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stopping && w->next_take == w->tail)
            pthread_cond_wait(&w->queued, &w->mu);
        if (w->next_take == w->tail && w->stopping)
            break;
        S_slot *s = &w->ring[w->next_take % w->window];
        w->next_take++;
        s->state = S_RUNNING;
        pthread_mutex_unlock(&w->mu);
        w->def.work(state, s->job);
        pthread_mutex_lock(&w->mu);
        s->state = S_DONE;
        pthread_cond_broadcast(&w->done);
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
    if (def->threads <= 1) {
        w->inline_state = def->state_new ? def->state_new(def->state_arg) : NULL;
        return w;
    }
    w->window = 2 * def->threads + 1;
    w->ring = rg_i_xcalloc(w->window, sizeof(*w->ring));
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->queued, NULL);
    pthread_cond_init(&w->done, NULL);
    w->threads = rg_i_xcalloc(def->threads, sizeof(*w->threads));
    for (size_t i = 0; i < def->threads; i++) {
        if (pthread_create(&w->threads[i], NULL, S_thread, w) != 0)
            break;   /* fewer threads still work; none at all is handled */
        w->n_threads++;
    }
    if (w->n_threads == 0) {
        free(w->threads);
        w->threads = NULL;
        w->inline_state = def->state_new ? def->state_new(def->state_arg) : NULL;
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

rg_status rg_i_workers_submit(rg_workers *w, void *job)
{
    if (S_inline(w)) {
        w->def.work(w->inline_state, job);
        rg_status st = w->def.merge(w->def.ctx, job);
        if (w->status == RG_OK)
            w->status = st;
        return w->status;
    }
    pthread_mutex_lock(&w->mu);
    for (;;) {
        S_merge_ready(w);
        if (w->tail - w->head < w->window)
            break;
        pthread_cond_wait(&w->done, &w->mu);
    }
    S_slot *s = &w->ring[w->tail % w->window];
    s->job = job;
    s->state = S_QUEUED;
    w->tail++;
    pthread_cond_signal(&w->queued);
    rg_status st = w->status;
    pthread_mutex_unlock(&w->mu);
    return st;
}

rg_status rg_i_workers_finish(rg_workers *w)
{
    if (S_inline(w))
        return w->status;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        S_merge_ready(w);
        if (w->head == w->tail)
            break;
        pthread_cond_wait(&w->done, &w->mu);
    }
    rg_status st = w->status;
    pthread_mutex_unlock(&w->mu);
    return st;
}

void rg_i_workers_free(rg_workers *w)
{
    if (!w)
        return;
    if (S_inline(w)) {
        if (w->def.state_free)
            w->def.state_free(w->inline_state);
        if (w->window) {     /* threads were asked for but none started */
            pthread_mutex_destroy(&w->mu);
            pthread_cond_destroy(&w->queued);
            pthread_cond_destroy(&w->done);
        }
        free(w->ring);
        free(w);
        return;
    }
    rg_i_workers_finish(w);
    pthread_mutex_lock(&w->mu);
    w->stopping = 1;
    pthread_cond_broadcast(&w->queued);
    pthread_mutex_unlock(&w->mu);
    for (size_t i = 0; i < w->n_threads; i++)
        pthread_join(w->threads[i], NULL);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->queued);
    pthread_cond_destroy(&w->done);
    free(w->threads);
    free(w->ring);
    free(w);
}
