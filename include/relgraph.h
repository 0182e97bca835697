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

/**
 * Mention forms as a bit mask for rg_options.forms: bit i is the i-th of
 * name, short, genitive, adjective, demonym, metonym, compound, discovered
 * (the `form` column of the mention table).
 */
#define RG_FORMS_ALL 0xFFu

/**
 * Parses a comma-separated list of form names ("name,short,compound"; "all"
 * for every form) into *@p forms.  Returns RG_OK, or RG_EINVAL for an empty
 * list or an unknown name (*@p forms unchanged).
 */
rg_status rg_forms_parse(const char *list, unsigned *forms);

/** Number of actors in a finished dictionary. */
size_t rg_dict_actor_count(const rg_dict *dict);

/** Number of aliases in a finished dictionary. */
size_t rg_dict_alias_count(const rg_dict *dict);

/**
 * A fingerprint of everything rg_dict_load read into @p dict: the names
 * and bytes of the files, in load order.  Tally files record it, so that
 * tallies made with different dictionaries are not merged.  0 for a new
 * dictionary.
 */
uint64_t rg_dict_fingerprint(const rg_dict *dict);

/* ------------------------------------------------------------------ */
/* Options and the pipeline                                            */
/* ------------------------------------------------------------------ */

/** What relations are collected. */
typedef enum rg_relations {
    RG_REL_COOCCURRENCE = 1,     /**< undirected, actors in one window */
    RG_REL_VERBS = 2,            /**< directed, verb-mediated (dict/verbs.tsv) */
    RG_REL_ALL = 3
} rg_relations;

/** The window within which actors co-occur. */
typedef enum rg_window {
    RG_WINDOW_SENTENCE = 0,      /**< one sentence (the default) */
    RG_WINDOW_PARAGRAPH,         /**< one paragraph: once per pair and paragraph */
    RG_WINDOW_DOCUMENT,          /**< one document: once per pair and document */
    RG_WINDOW_TOKENS             /**< mentions at most rg_options.window_tokens
                                      tokens apart, across sentences; once per
                                      pair and sentence of the later mention */
} rg_window;

struct rg_stats;

/** Options of a run.  Initialise with rg_options_init(). */
typedef struct rg_options {
    rg_relations relations;      /**< default RG_REL_ALL */
    rg_window window;            /**< co-occurrence window; default sentence */
    size_t window_tokens;        /**< N for RG_WINDOW_TOKENS */
    FILE *mentions;              /**< borrowed; mention TSV written here, or NULL */
    FILE *evidence;              /**< borrowed; evidence TSV written here, or NULL */
    unsigned forms;              /**< mention forms kept (RG_FORMS_ALL bits);
                                      default RG_FORMS_ALL */
    int keep_boilerplate;        /**< nonzero: page furniture (newsletter,
                                      consent, link lists, date lines …) is
                                      not left out; default 0 */
    size_t threads;              /**< worker threads analysing documents;
                                      0 (default) = one per online core.
                                      Output does not depend on it. */
    int no_discover;             /**< nonzero: only dictionary actors; by
                                      default (0) actors the dictionary does
                                      not know are also found by rule (role
                                      nouns, titles, first names,
                                      organisation heads; src/discover.c) and
                                      marked: form "discovered", ids
                                      "disc:…", node attribute source */
    rg_diag diag;                /**< where messages go; called only from
                                      the thread that calls the pipeline */
    /** Called after each document is counted, on the thread that calls
     *  the pipeline, with the counts so far (a progress display); NULL =
     *  none. */
    void (*progress)(void *data, const struct rg_stats *stats);
    void *progress_data;
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
    size_t unresolved;           /**< ambiguous short names left out (a surname
                                      of two known persons, neither named
                                      before it in the document) */
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
 * in rg_stats.skipped, and do not stop the walk.  Documents are analysed on
 * opts.threads worker threads and merged in input order; when the function
 * returns, every document of @p path is counted.
 * Returns RG_OK, or RG_EIO when writing the mention/evidence table failed
 * (fatal).
 *
 * Time complexity: O(bytes + sentences * pairs per sentence); memory
 * O(largest document * threads + network).
 */
rg_status rg_pipeline_add_path(rg_pipeline *p, const char *path);

/**
 * rg_pipeline_add_path over @p paths[0..n) in that order, with no pause
 * between them: documents of the next path are analysed while those of
 * the previous one finish, so a long list of single files keeps every
 * thread busy.  When the function returns, every document is counted.
 */
rg_status rg_pipeline_add_paths(rg_pipeline *p, const char *const *paths,
                                size_t n);

/**
 * Adds one document held in memory.  @p name is what `doc` columns show.
 * Returns as rg_pipeline_add_path.
 */
rg_status rg_pipeline_add_buffer(rg_pipeline *p, const char *name,
                                 const char *bytes, size_t len);

/** The counts so far. */
rg_stats rg_pipeline_stats(const rg_pipeline *p);

/**
 * The order in which relgraph reads its inputs: byte order of the paths,
 * except that '/' comes before every other byte, so that the files of a
 * directory sort together, as a walk that sorts each directory visits them
 * ("a/b" < "a-c").  Returns <0, 0 or >0 as strcmp.  The first evidence of
 * an edge is the one of the earliest document in this order, whatever
 * order the documents were added in (so shards merge to the same answer).
 */
int rg_path_compare(const char *a, const char *b);

/* ------------------------------------------------------------------ */
/* Network                                                             */
/* ------------------------------------------------------------------ */

/** An igraph network with typed node and edge attributes (opaque). */
typedef struct rg_network rg_network;

/**
 * Builds the network of everything tallied by @p p: one node per actor
 * mentioned at least once, one edge per (source, target, kind, relation),
 * nodes sorted by actor id and edges by (source, target, kind, relation),
 * and computes every node metric on the default layer (see "Metrics,
 * filters and reports" below).
 * On success stores a new network in @p *out (free with rg_network_free).
 * Returns RG_OK, RG_ENOMEM or RG_EGRAPH.
 *
 * Time complexity: O(V log V + E log E) to build, plus the metrics,
 * O(V E + V^2 log V) (weighted betweenness and closeness dominate).
 */
rg_status rg_network_build(const rg_pipeline *p, rg_network **out);

/**
 * Writes the actors discovered so far (not in the dictionary) as a
 * dictionary: an actors table to @p actors, each actor after a comment
 * line "# count N in D documents: example sentence", and an aliases table
 * (the name; a person's last word as its short form) to @p aliases, both
 * sorted by id and loadable with -d once reviewed.  Ids are those of the
 * network without the "disc:" prefix.  Returns RG_OK or RG_EIO.
 */
rg_status rg_pipeline_write_suggestions(const rg_pipeline *p, FILE *actors,
                                        FILE *aliases);

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
    RG_FORMAT_GRAPHML,
    RG_FORMAT_GEXF,
    RG_FORMAT_JSON,
    RG_FORMAT_CSV,     /**< two files: see rg_csv_table_path */
    RG_FORMAT_TALLY    /**< a tally file (rg_pipeline_write_tally,
                            rg_merge_run), not a network format */
} rg_format;

/**
 * The format a file name asks for by its extension (.dot, .gv, .graphml,
 * .gexf, .json, .csv, .tally; any case), or RG_FORMAT_NONE.
 */
rg_format rg_format_from_path(const char *path);

/** The format called @p name ("dot", "gv", "graphml", "gexf", "json",
 *  "csv", "tally"), or RG_FORMAT_NONE. */
rg_format rg_format_from_name(const char *name);

/**
 * Writes @p net to @p out in format @p fmt.  Every write is checked;
 * returns RG_OK, RG_EIO (a write failed) or RG_EINVAL (unknown format,
 * RG_FORMAT_TALLY, or RG_FORMAT_CSV, which needs two files: use
 * rg_network_write_csv_nodes and rg_network_write_csv_edges).
 */
rg_status rg_network_write(const rg_network *net, rg_format fmt, FILE *out);

/** Graphviz DOT: one digraph, co-occurrence edges with dir=none, relation
 *  edges labelled with their class, a legend of the actor types. */
rg_status rg_network_write_dot(const rg_network *net, FILE *out);

/** GraphML through libxml2's xmlTextWriter; every attribute a typed key
 *  whose id is the attribute name; directed="true|false" on every edge. */
rg_status rg_network_write_graphml(const rg_network *net, FILE *out);

/** GEXF 1.3 through libxml2's xmlTextWriter: typed attributes, edge type
 *  and `kind` (Gephi's edge type) on every edge, viz:color by actor type,
 *  viz:size from PageRank. */
rg_status rg_network_write_gexf(const rg_network *net, FILE *out);

/** Node-link JSON as networkx's node_link_graph reads it (also D3). */
rg_status rg_network_write_json(const rg_network *net, FILE *out);

/** The nodes table (Id, Label, ...) as RFC 4180 CSV with the column names
 *  of Gephi's spreadsheet import. */
rg_status rg_network_write_csv_nodes(const rg_network *net, FILE *out);

/** The edges table (Source, Target, Type, Kind, Id, Label, Weight, ...). */
rg_status rg_network_write_csv_edges(const rg_network *net, FILE *out);

/**
 * The file of CSV table @p table ("nodes" or "edges") for the output path
 * @p path: the path without a final ".csv" and a ".nodes"/".edges" before
 * it, plus ".TABLE.csv"; "net.csv" gives "net.nodes.csv" and
 * "net.edges.csv".  Returns a new string; the caller frees it with free().
 */
char *rg_csv_table_path(const char *path, const char *table);

/**
 * Writes a plain-text table of the @p top most central actors (by
 * PageRank, ties by id) with every node metric, columns aligned by display
 * width, and the graph-level figures.  @p top == 0 means all.  The same as
 * rg_report_write with default options.
 * Returns RG_OK or RG_EIO.
 */
rg_status rg_network_write_report(const rg_network *net, size_t top,
                                  FILE *out);

/* ------------------------------------------------------------------ */
/* Metrics, filters and reports                                        */
/* ------------------------------------------------------------------ */

/*
 * Node metrics (node attributes in every export), computed with igraph on
 * one layer of the network (see rg_layer).  Every metric but PageRank reads
 * the layer's *ties*: one undirected link per pair of actors joined by at
 * least one edge of the layer, weighted by the sum of those edges' weights
 * (a pair with a co-occurrence edge of weight 3 and a relation edge of
 * weight 1 is one tie of weight 4).  Self-loops and edges of weight <= 0
 * are no ties; a missing weight counts as 1.
 *
 *   degree       number of actors tied to the actor
 *   strength     sum of the weights of its ties
 *   pagerank     PageRank (PRPACK), damping 0.85, weighted; a walk follows
 *                a co-occurrence edge both ways and a relation edge only
 *                from source to target, so PageRank is directed on the
 *                relation layer and undirected on the co-occurrence layer;
 *                a dead end jumps to any actor (uniformly); sums to 1
 *   betweenness  weighted, a tie's length is 1/weight (more instances = a
 *                closer tie); not normalised; each unordered pair of other
 *                actors counts once (the middle of a-b-c scores 1);
 *                paths equally long within igraph's tolerance tie
 *                (1/3 + 1/6 = 1/2), as in exact arithmetic
 *   closeness    with the same lengths, Wasserman–Faust's form for
 *                disconnected networks: (r / (V-1)) * (r / sum of the
 *                distances to the r actors reachable); 0 without ties
 *                (networkx's closeness_centrality, wf_improved=True); can
 *                exceed 1, since heavy ties are shorter than 1
 *   eigenvector  of the weighted ties, scaled so that the maximum is 1; 0
 *                for actors without ties
 *   clustering   local clustering coefficient of the unweighted ties; 0
 *                with fewer than two ties
 *   kcore        the largest k such that the actor is in the k-core of the
 *                unweighted ties
 *   community    Louvain (igraph_community_multilevel, resolution 1) on the
 *                weighted ties, with igraph's RNG seeded with a fixed value
 *                first, so the same network always gets the same
 *                communities; numbered 0, 1, ... by decreasing size, ties
 *                by the first actor (in id order)
 *
 * Graph-level figures (in the report): nodes, edges, density (ties /
 * (V(V-1)/2)), connected components of the ties, the largest one's share of
 * the nodes, number of communities, and the modularity of the communities
 * on the weighted ties.
 */

/** Which edges are measured. */
typedef enum rg_layer {
    RG_LAYER_AUTO = 0,      /**< keep every edge; measure the co-occurrence
                                 layer when the network has one, else the
                                 relation layer (the default) */
    RG_LAYER_COOCCURRENCE,  /**< co-occurrence edges only */
    RG_LAYER_RELATIONS,     /**< relation (verb) edges only */
    RG_LAYER_ALL            /**< both kinds (ties sum both kinds' weights) */
} rg_layer;

/** "cooccurrence", "relations", "all" ("auto" for RG_LAYER_AUTO). */
const char *rg_layer_name(rg_layer layer);

/** Stores the layer called @p name in @p *out; RG_OK or RG_EINVAL. */
rg_status rg_layer_from_name(const char *name, rg_layer *out);

/** Filters applied to a network before its metrics are computed.
 *  Initialise with rg_filter_init(). */
typedef struct rg_filter {
    rg_layer layer;         /**< a layer other than AUTO also removes the
                                 edges of the other layer */
    double min_weight;      /**< remove edges lighter than this (0 = off) */
    double min_mentions;    /**< remove actors mentioned fewer times (0 = off) */
    const char *types;      /**< borrowed; comma-separated actor types to
                                 keep ("person,organization"), NULL = all */
    int drop_isolates;      /**< remove actors left without any edge */
} rg_filter;

/** Fills @p f with the defaults: nothing removed, layer AUTO. */
void rg_filter_init(rg_filter *f);

/** Whether @p f removes nothing and measures the default layer. */
int rg_filter_is_default(const rg_filter *f);

/**
 * Applies @p f to @p net in place — first edges (layer, then min_weight),
 * then actors (types, min_mentions), then actors left without edges — and
 * recomputes every metric on f->layer.  Reports at RG_INFO what was
 * removed, and at RG_WARNING a listed type no actor has.  Returns RG_OK,
 * RG_EINVAL (min_mentions on a network without mention counts, an empty
 * item in types; reported, @p net unchanged), RG_ENOMEM or RG_EGRAPH.
 *
 * Time complexity: O(V + E) for the filters, then the metrics:
 * O(V E + V^2 log V) (betweenness and closeness dominate; PageRank, the
 * eigenvector, k-core and clustering are at most O(V E); Louvain is
 * near-linear in practice).
 */
rg_status rg_network_filter(rg_network *net, const rg_filter *f,
                            const rg_diag *diag);

/**
 * Reads a GraphML file (igraph's reader; the first graph in the file) as a
 * network, for example one written by relgraph and edited in Gephi.  Node
 * `label` falls back to `id` (the GraphML node id); missing `type`, `qid`
 * are empty, missing `mentions`, `documents` unknown (NaN); an edge
 * without `kind` is a relation edge in a directed graph and co-occurrence
 * otherwise; a missing `weight` is 1.  Metrics stored in the file are not
 * trusted (the graph may have been edited): all are computed again, on the
 * default layer.  igraph's reader ignores GraphML's per-edge `directed`,
 * so relation edges in a file with edgedefault="undirected" (relgraph's
 * mixed graphs) lose their direction.
 * Returns RG_OK, RG_EIO (cannot be read; reported with the reason),
 * RG_EPARSE (not GraphML; reported with igraph's reason), RG_ENOMEM or
 * RG_EGRAPH.  Time complexity: O(V + E) plus the metrics.
 */
rg_status rg_network_read_graphml(const char *path, rg_network **out,
                                  const rg_diag *diag);

/** Formats of the centrality report. */
typedef enum rg_report_format {
    RG_REPORT_TEXT = 0,     /**< aligned plain-text table (default) */
    RG_REPORT_CSV,          /**< RFC 4180, the table only, full precision */
    RG_REPORT_MARKDOWN,     /**< a GitHub-flavoured Markdown table */
    RG_REPORT_JSON          /**< one object: figures, filters, actors */
} rg_report_format;

/** The report format a file name asks for: .csv, .md/.markdown, .json;
 *  anything else (and "-") is text. */
rg_report_format rg_report_format_from_path(const char *path);

/** Report options.  Initialise with rg_report_options_init(). */
typedef struct rg_report_options {
    rg_report_format format;  /**< default RG_REPORT_TEXT */
    size_t top;               /**< actors shown, 0 = all; default 10 */
    const char *sort;         /**< borrowed; metric to rank by, descending
                                   (label and id ascending); ties by id;
                                   default "pagerank" */
    const rg_filter *filter;  /**< borrowed; the filters that were applied
                                   (shown in the report), NULL = none */
} rg_report_options;

/** Fills @p o with the defaults. */
void rg_report_options_init(rg_report_options *o);

/** The names rg_report_options.sort accepts, comma-separated, for
 *  messages. */
#define RG_REPORT_SORT_KEYS                                              \
    "pagerank, degree, strength, betweenness, closeness, eigenvector, " \
    "clustering, kcore, mentions, documents, label, id"

/** Whether @p name is one of RG_REPORT_SORT_KEYS. */
int rg_report_sort_known(const char *name);

/**
 * Writes the report on @p net: the top actors by o->sort with every node
 * metric, the graph-level figures and the filters applied.  Every write is
 * checked.  Returns RG_OK, RG_EIO, or RG_EINVAL (unknown sort key).
 * Time complexity: O(V log V).
 */
rg_status rg_report_write(const rg_network *net, const rg_report_options *o,
                          FILE *out);

/* ------------------------------------------------------------------ */
/* Tallies: the unit that travels between machines                     */
/* ------------------------------------------------------------------ */

/*
 * A tally file holds the aggregated result of a run over some documents
 * (a shard of a corpus): actors with mention and document counts, edges
 * with weights, document counts and first evidence, and the run's counts.
 * It is UTF-8 text, one record per line, sorted bytewise by the record's
 * first tab-separated field, with a header naming the format version, the
 * dictionary's fingerprint and the options that change results; the
 * format is described in docs/TALLY.md.  Merging tallies of disjoint sets
 * of documents gives exactly what one run over all of them gives.
 */

/** The version of the tally file format this library writes and reads. */
#define RG_TALLY_FORMAT 1

/**
 * Writes everything tallied by @p p as a tally file.  Returns RG_OK,
 * RG_EIO (a write failed) or RG_EINVAL (an actor id that cannot be a key:
 * never for ids the dictionary accepted).
 * Time: O(V log V + E log E).
 */
rg_status rg_pipeline_write_tally(const rg_pipeline *p, FILE *out);

/** A merge of tally files (opaque). */
typedef struct rg_merge rg_merge;

/**
 * A new merge.  With @p keep nonzero the merged tally is also kept in
 * memory for rg_merge_network and rg_merge_write_suggestions (memory: the
 * network); with 0 the merge only streams to its tally output (memory: one
 * line per input).  Messages go to @p diag (copied).
 */
rg_merge *rg_merge_new(int keep, const rg_diag *diag);

/** Frees @p m. */
void rg_merge_free(rg_merge *m);

/**
 * Merges the tally files @p paths[0..n) ("-" = standard input) in one
 * streaming k-way pass and writes the merged tally to @p out unless it is
 * NULL.  The merge is associative and commutative: any grouping and order
 * of the same shards gives the same bytes.  An input may also be one
 * sorted stream of the lines of several tallies (Hadoop's shuffle): equal
 * keys are combined wherever they come from.
 * Every input must be a tally of this format version, made with the same
 * dictionary and options, and no file may be given twice: the first
 * problem — unreadable file, malformed or unsorted line (reported as
 * file:line), different header, the same file again — is
 * reported through the diagnostics and stops the merge, since a network
 * missing part of a shard would look complete.
 * Returns RG_OK, RG_EIO, RG_EPARSE or RG_EINVAL (headers differ, a file
 * given twice); call at most once per merge.  Time: O(L log n) for L
 * lines in all.
 */
rg_status rg_merge_run(rg_merge *m, const char *const *paths, size_t n,
                       FILE *out);

/** The counts of the documents behind the merged tallies (the sums of the
 *  tallies' counts). */
rg_stats rg_merge_stats(const rg_merge *m);

/**
 * Builds the network of a merge made with keep (RG_EINVAL otherwise), as
 * rg_network_build does for a pipeline: byte-identical exports for the
 * same documents.
 */
rg_status rg_merge_network(const rg_merge *m, rg_network **out);

/** rg_pipeline_write_suggestions for the actors of a merge made with keep. */
rg_status rg_merge_write_suggestions(const rg_merge *m, FILE *actors,
                                     FILE *aliases);

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
 * The temporary file being written for @p f, or NULL for standard output.
 * Owned by @p f.  A program that is interrupted can unlink it (from a
 * signal handler too: copy the path beforehand) so that nothing is left.
 */
const char *rg_outfile_temp_path(const rg_outfile *f);

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
