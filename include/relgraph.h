/*
 * relgraph — a network of the actors in German news articles.
 *
 * The library behind the `relgraph` command.  Data flows one way:
 *
 *   paths -> documents -> text -> tokens/sentences -> mentions -> relations
 *         -> tally -> network -> exports
 *
 * Ownership, once for the whole API:
 *   - Objects come in _new/_free pairs; every _free(NULL) does nothing.
 *   - Arguments are borrowed: a function never keeps or frees what it is
 *     given unless its comment says so.  Borrowed inputs are const.
 *   - Out-parameters are assigned only when the function returns RG_OK.
 *   - Memory: relgraph aborts the process when malloc fails (one policy for
 *     the whole code base, as cmark and jq do); RG_ENOMEM is only returned
 *     when igraph reports that it ran out of memory.
 *   - The library never prints and never exits.  Everything a user should be
 *     told goes through an rg_diag callback; only the CLI talks to the user.
 *
 * Thread safety: distinct objects may be used from distinct threads; an
 * object is not safe for concurrent use unless its comment says so.
 */
#ifndef RELGRAPH_H
#define RELGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RELGRAPH_VERSION "0.1.0"

/** Status codes returned by library functions. */
typedef enum rg_status {
    RG_OK = 0,      /**< success */
    RG_ENOMEM,      /**< out of memory (reported by igraph) */
    RG_EIO,         /**< a file could not be read or written */
    RG_EPARSE,      /**< malformed input (dictionary line, option value) */
    RG_EINVAL,      /**< invalid argument */
    RG_EENCODING,   /**< input is not text (binary, undecodable) */
    RG_EGRAPH       /**< igraph reported an error */
} rg_status;

/** A short English description of @p status; never NULL, static storage. */
const char *rg_strerror(rg_status status);

/** How serious a diagnostic is. */
typedef enum rg_level {
    RG_INFO,        /**< progress or counts, shown with --verbose */
    RG_WARNING,     /**< something was repaired or left out; the run goes on */
    RG_ERROR        /**< an input was skipped or an output failed */
} rg_level;

/**
 * Receives every message the library has for the user.
 * @p where is "file:line", "file" or "" (never NULL); @p what is one line
 * of text without a trailing newline.  Both are valid only during the call.
 */
typedef void (*rg_diag_fn)(void *data, rg_level level, const char *where,
                           const char *what);

/** A diagnostics sink: a callback and its data.  fn may be NULL (silent). */
typedef struct rg_diag {
    rg_diag_fn fn;
    void *data;
} rg_diag;

/* ------------------------------------------------------------------ */
/* Dictionary                                                          */
/* ------------------------------------------------------------------ */

/** Actors, aliases and word lists loaded from dictionary files (opaque). */
typedef struct rg_dict rg_dict;

/** A new, empty dictionary. */
rg_dict *rg_dict_new(void);

/** Frees @p dict and everything it holds. */
void rg_dict_free(rg_dict *dict);

/**
 * Loads a dictionary file or every dictionary file in a directory into
 * @p dict.  Known files: actors.tsv, aliases.tsv, abbreviations.txt; other
 * *.tsv files in a directory are read by their header line.  An actor whose
 * id is already known replaces the earlier one (user dictionaries override
 * the default one).
 *
 * Every malformed line is reported through @p diag as "file:line" and
 * "what is wrong"; loading goes on so that all errors are seen at once.
 *
 * Returns RG_OK, RG_EIO (unreadable path, reported) or RG_EPARSE (at least
 * one malformed line).  On error @p dict holds what could be read.
 */
rg_status rg_dict_load(rg_dict *dict, const char *path, const rg_diag *diag);

/**
 * Checks the dictionary as a whole (aliases naming unknown actors) and
 * compiles the matcher.  Must be called once after the last rg_dict_load
 * and before the dictionary is used by a pipeline.  Reports through @p diag.
 * Returns RG_OK or RG_EPARSE.
 *
 * Time complexity: O(total alias tokens).
 */
rg_status rg_dict_finish(rg_dict *dict, const rg_diag *diag);

/** Number of actors in a finished dictionary. */
size_t rg_dict_actor_count(const rg_dict *dict);

/** Number of aliases in a finished dictionary. */
size_t rg_dict_alias_count(const rg_dict *dict);

/* ------------------------------------------------------------------ */
/* Options and the pipeline                                            */
/* ------------------------------------------------------------------ */

/** What relations are collected. */
typedef enum rg_relations {
    RG_REL_COOCCURRENCE = 1,     /**< undirected, actors in one window */
    RG_REL_VERBS = 2,            /**< directed, verb-mediated (later issue) */
    RG_REL_ALL = 3
} rg_relations;

/** Options of a run.  Initialise with rg_options_init(). */
typedef struct rg_options {
    rg_relations relations;      /**< default RG_REL_ALL */
    FILE *mentions;              /**< borrowed; mention TSV written here, or NULL */
    FILE *evidence;              /**< borrowed; evidence TSV written here, or NULL */
    rg_diag diag;                /**< where messages go */
} rg_options;

/** Fills @p opts with the defaults. */
void rg_options_init(rg_options *opts);

/** Counts of a run, for the user's summary line. */
typedef struct rg_stats {
    size_t documents;            /**< documents read and processed */
    size_t skipped;              /**< inputs that could not be used (each reported) */
    size_t ignored;              /**< files in directories that are not articles
                                      (README.md, images; reported at RG_INFO) */
    size_t repaired;             /**< documents with invalid UTF-8 repaired */
    uint64_t bytes;              /**< bytes of input processed */
    size_t sentences;
    size_t mentions;
} rg_stats;

/** A run over documents: reads, recognises and tallies (opaque). */
typedef struct rg_pipeline rg_pipeline;

/**
 * A new pipeline over the finished dictionary @p dict (borrowed; must
 * outlive the pipeline) with options @p opts (copied).
 */
rg_pipeline *rg_pipeline_new(const rg_dict *dict, const rg_options *opts);

/** Frees @p p. */
void rg_pipeline_free(rg_pipeline *p);

/**
 * Adds a file or a directory (walked recursively in byte order of names,
 * so output does not depend on the file system) or "-" for standard input.
 * Inputs that cannot be used are reported through the diagnostics, counted
 * in rg_stats.skipped, and do not stop the walk.
 * Returns RG_OK, or RG_EIO when writing the mention/evidence table failed
 * (fatal).
 */
rg_status rg_pipeline_add_path(rg_pipeline *p, const char *path);

/**
 * Adds one document held in memory.  @p name is what `doc` columns show.
 * Returns as rg_pipeline_add_path.
 */
rg_status rg_pipeline_add_buffer(rg_pipeline *p, const char *name,
                                 const char *bytes, size_t len);

/** The counts so far. */
rg_stats rg_pipeline_stats(const rg_pipeline *p);

/* ------------------------------------------------------------------ */
/* Network                                                             */
/* ------------------------------------------------------------------ */

/** An igraph network with typed node and edge attributes (opaque). */
typedef struct rg_network rg_network;

/**
 * Builds the network of everything tallied by @p p: one node per actor
 * mentioned at least once, one edge per (source, target, kind, relation),
 * nodes sorted by actor id and edges by (source, target, kind, relation),
 * and computes the node metrics (degree, strength, PageRank, betweenness).
 * On success stores a new network in @p *out (free with rg_network_free).
 * Returns RG_OK, RG_ENOMEM or RG_EGRAPH.
 *
 * Time complexity: O(V log V + E log E) to build, plus betweenness
 * O(V E + V^2 log V) for the weighted graph.
 */
rg_status rg_network_build(const rg_pipeline *p, rg_network **out);

/** Frees @p net. */
void rg_network_free(rg_network *net);

/** Number of nodes. */
size_t rg_network_node_count(const rg_network *net);

/** Number of edges. */
size_t rg_network_edge_count(const rg_network *net);

/** Output formats. */
typedef enum rg_format {
    RG_FORMAT_NONE = 0,
    RG_FORMAT_DOT,
    RG_FORMAT_GRAPHML
} rg_format;

/**
 * The format a file name asks for by its extension (.dot, .gv, .graphml),
 * or RG_FORMAT_NONE.
 */
rg_format rg_format_from_path(const char *path);

/** The format called @p name ("dot", "graphml"), or RG_FORMAT_NONE. */
rg_format rg_format_from_name(const char *name);

/**
 * Writes @p net to @p out in format @p fmt.  Every write is checked;
 * returns RG_OK, RG_EIO (a write failed) or RG_EINVAL (unknown format).
 */
rg_status rg_network_write(const rg_network *net, rg_format fmt, FILE *out);

/** Graphviz DOT: one digraph, co-occurrence edges with dir=none. */
rg_status rg_network_write_dot(const rg_network *net, FILE *out);

/** GraphML through libxml2's xmlTextWriter; every attribute a typed key. */
rg_status rg_network_write_graphml(const rg_network *net, FILE *out);

/**
 * Writes a plain-text table of the @p top most central actors (by
 * PageRank, ties by id) with degree, strength, PageRank and betweenness,
 * columns aligned by display width.  @p top == 0 means all.
 * Returns RG_OK or RG_EIO.
 */
rg_status rg_network_write_report(const rg_network *net, size_t top,
                                  FILE *out);

/* ------------------------------------------------------------------ */
/* Output files                                                        */
/* ------------------------------------------------------------------ */

/**
 * An output file written atomically: data goes to a temporary file in the
 * target's directory, which replaces the target only on rg_outfile_commit.
 * The path "-" means standard output (written directly).
 */
typedef struct rg_outfile rg_outfile;

/**
 * Opens an output for @p path.  On failure returns NULL and reports the
 * reason through @p diag.
 */
rg_outfile *rg_outfile_open(const char *path, const rg_diag *diag);

/** The stream to write to; owned by @p f. */
FILE *rg_outfile_stream(rg_outfile *f);

/**
 * Flushes, checks for write errors, closes and renames the temporary file
 * over the target; frees @p f in every case.  Returns RG_OK or RG_EIO
 * (reported; the target is then left as it was).
 */
rg_status rg_outfile_commit(rg_outfile *f, const rg_diag *diag);

/** Closes and removes the temporary file; the target is left as it was.
 *  Frees @p f.  Does nothing for NULL. */
void rg_outfile_abort(rg_outfile *f);

#ifdef __cplusplus
}
#endif

#endif /* RELGRAPH_H */
