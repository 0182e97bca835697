/*
 * progress.c — the progress line of the command line (relgraph.h's
 * rg_options.progress): "relgraph: 1930 files, 96.5 MB, 51.2 MB/s, ETA
 * 0:03", redrawn in place on stderr.  The CLI turns it on only when stderr
 * is a terminal and --quiet is not given.
 */
#include "progress.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static double S_seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void rg_progress_start(rg_progress *pr, uint64_t total)
{
    memset(pr, 0, sizeof(*pr));
    pr->total = total;
    clock_gettime(CLOCK_MONOTONIC, &pr->start);
}

void rg_progress_show(void *data, const rg_stats *s)
{
    rg_progress *pr = data;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (S_seconds(&pr->start, &now) < 0.25 ||
        (pr->shown && S_seconds(&pr->last, &now) < 0.2))
        return;
    pr->last = now;
    pr->shown = 1;
    double t = S_seconds(&pr->start, &now), mb = (double)s->bytes / 1e6;
    double rate = t > 0 ? mb / t : 0;
    fprintf(stderr, "\rrelgraph: %zu files, %.1f MB, %.1f MB/s",
            s->documents + s->skipped, mb, rate);
    if (pr->total > s->bytes && rate > 0) {
        double eta = ((double)(pr->total - s->bytes) / 1e6) / rate;
        long sec = (long)(eta + 0.5);
        if (sec >= 3600)
            fprintf(stderr, ", ETA %ld:%02ld:%02ld", sec / 3600, sec / 60 % 60,
                    sec % 60);
        else
            fprintf(stderr, ", ETA %ld:%02ld", sec / 60, sec % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
}

void rg_progress_clear(rg_progress *pr)
{
    if (pr && pr->shown) {
        fputs("\r\033[K", stderr);
        pr->shown = 0;
    }
}

static uint64_t S_bytes(const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    if (S_ISREG(st.st_mode))
        return (uint64_t)st.st_size;
    if (!S_ISDIR(st.st_mode) || depth > 64)
        return 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    uint64_t sum = 0;
    size_t n = strlen(path);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = n + strlen(e->d_name) + 2;
        char *sub = malloc(len);
        if (!sub)
            break;
        snprintf(sub, len, "%s/%s", path, e->d_name);
        sum += S_bytes(sub, depth + 1);
        free(sub);
    }
    closedir(d);
    return sum;
}

uint64_t rg_progress_input_bytes(const char *path)
{
    return strcmp(path, "-") == 0 ? 0 : S_bytes(path, 0);
}
