/*
 * main.c — the relgraph command: parses options, loads the dictionaries,
 * runs the pipeline over the inputs (or merges tallies), writes the
 * outputs, and turns what happened into messages and an exit status.
 * With progress.c, the only code that prints.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "progress.h"
#include "relgraph.h"

/* Exit status, as documented in --help and the README. */
enum {
    EXIT_OK = 0,        /* all good */
    EXIT_FATAL = 1,     /* usage or fatal error; nothing written */
    EXIT_PARTIAL = 2    /* finished, but some inputs could not be read */
};

/* --help, in pieces: C11 compilers need only take 4095-byte strings. */
static const char *const USAGE[] = {
    "Usage: relgraph [OPTION]... PATH...\n"
    "Build a network of the actors (persons, organisations, states) named in\n"
    "German news articles.  PATH is a file, a directory (read recursively) or\n"
    "- for standard input; inputs are read in sorted order of their paths.\n"
    "      --files-from FILE  also read the paths listed in FILE, one per line\n"
    "                         (- = standard input)\n"
    "  -0, --null             the list is separated by NUL bytes (find -print0)\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE      write the network to FILE; the format comes from\n"
    "                         the extension: .dot/.gv (Graphviz), .graphml,\n"
    "                         .gexf (Gephi), .json (networkx node-link), .csv\n"
    "                         (two tables NAME.nodes.csv, NAME.edges.csv);\n"
    "                         - = stdout (DOT unless --format says otherwise)\n"
    "  -f, --format NAME      dot, graphml, gexf, json or csv (overrides the\n"
    "                         extension)\n"
    "      --mentions FILE    write every actor mention as TSV (doc, sentence,\n"
    "                         start, end, surface, entity, label, type, form);\n"
    "                         start/end are byte offsets into the input file\n"
    "      --evidence FILE    write every relation instance as TSV (doc,\n"
    "                         sentence, start, end, source, target, kind,\n"
    "                         relation, verb, text)\n"
    "      --relations KIND   cooccurrence, verbs (directed verb relations\n"
    "                         from dict/verbs.tsv) or all (default)\n"
    "      --window W         co-occurrence window: sentence (default),\n"
    "                         paragraph, document, or N tokens\n"
    "      --report FILE      write a centrality table (PageRank, degree,\n"
    "                         strength, betweenness); - = stdout\n"
    "      --top N            actors in the report (default 10, 0 = all)\n"
    "      --sort METRIC      rank the report by pagerank (default), degree,\n"
    "                         strength, betweenness, closeness, eigenvector,\n"
    "                         clustering, kcore, mentions, documents, label, id\n"
    "                         (the report's format comes from the extension of\n"
    "                         FILE: .csv, .md, .json, else a text table)\n"
    "\n"
    "Filters (before the metrics; they shape every output):\n"
    "      --layer NAME       measure and keep only cooccurrence or relations\n"
    "                         edges, or all; by default every edge is kept and\n"
    "                         the metrics read the co-occurrence edges (the\n"
    "                         relation edges when there are no others)\n"
    "      --min-weight W     drop edges with weight below W\n"
    "      --min-mentions M   drop actors mentioned fewer than M times\n"
    "      --types LIST       keep actors of these types (comma-separated:\n"
    "                         person, organization, country, location, other)\n"
    "      --drop-isolates    drop actors left without edges\n"
    "  relgraph report [OPTION]... NET.graphml\n"
    "                         report on an existing GraphML file (e.g. edited\n"
    "                         in Gephi) with the report options and filters\n"
    "                         above; --report FILE, default stdout\n"
    "\n",
    "Dictionary:\n"
    "  -d, --dict FILE|DIR    add a dictionary file or directory (repeatable;\n"
    "                         an actor id given again overrides the earlier one)\n"
    "      --no-default-dict  do not load the shipped dictionary\n"
    "      --forms LIST       mention forms that count, comma-separated from\n"
    "                         name, short, genitive, adjective, demonym,\n"
    "                         metonym, compound, discovered, or all (default)\n"
    "      --no-discover      only actors of the dictionary; by default actors\n"
    "                         it does not know are also found by rule (after a\n"
    "                         role such as Experte or BND-Präsident, a title, a\n"
    "                         known first name, an organisation head) and marked\n"
    "                         (form discovered, id disc:..., source attribute)\n"
    "      --suggest DIR      write the discovered actors as a dictionary,\n"
    "                         DIR/actors.tsv and DIR/aliases.tsv, with counts\n"
    "                         and an example sentence; review, then use -d DIR\n"
    "  relgraph dict check [--no-default-dict] FILE|DIR...\n"
    "                         check dictionaries (added to the shipped one):\n"
    "                         every error as file:line: what; exit 1 on any\n"
    "\n"
    "Shards (docs/SCALING.md):\n"
    "  relgraph tally [OPTION]... PATH... -o SHARD.tally\n"
    "                         analyse the documents and write their tally (the\n"
    "                         counts and evidence a network is built from), to\n"
    "                         merge later; -o - writes it to stdout\n"
    "  relgraph merge [OPTION]... TALLY... -o OUT\n"
    "                         merge tallies of disjoint shards into a network\n"
    "                         (any format above, --report, filters, --suggest)\n"
    "                         or into one tally again (-o NAME.tally, or -o -);\n"
    "                         the same bytes as one run over all the documents;\n"
    "                         - reads a tally (or a sorted stream of tally\n"
    "                         lines, as a Hadoop reducer gets) from stdin\n"
    "\n"
    "Other:\n"
    "      --keep-boilerplate keep page furniture (newsletter and consent text,\n"
    "                         link lists, date lines ...) that is left out by\n"
    "                         default\n"
    "  -j, --jobs N           analyse documents on N threads (default: one per\n"
    "                         core); the output is the same for any N\n"
    "  -q, --quiet            no progress or summary line (warnings and errors\n"
    "                         still shown); progress is shown only on a terminal\n"
    "  -v, --verbose          also informational messages\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Exit status: 0 all good; 1 usage or fatal error (nothing written);\n"
    "2 finished, but some inputs could not be read (each named on stderr).\n"
    "\n"
    "Example:\n"
    "  relgraph examples/ -o net.dot --report -\n",
    NULL};

/* What the command does: the main run, `tally` or `merge`. */
enum { MODE_RUN, MODE_TALLY, MODE_MERGE, MODE_REPORT };

typedef struct cli {
    int mode;
    const char *output, *format, *mentions, *evidence, *report;
    const char *files_from;  /* --files-from FILE */
    int null_sep;            /* -0 */
    char **inputs;           /* the paths to read, owned, in reading order */
    size_t n_inputs;
    const char **dicts;
    size_t n_dicts;
    int no_default_dict, quiet, verbose;
    unsigned forms;          /* --forms, RG_FORMS_ALL bits */
    int keep_boilerplate;    /* --keep-boilerplate */
    int no_discover;         /* --no-discover */
    const char *suggest;     /* --suggest DIR */
    size_t jobs;             /* -j N; 0 = one per core */
    rg_relations relations;  /* --relations, 0 = default */
    rg_window window;        /* --window */
    size_t window_tokens;
    size_t top;
    rg_format fmt;
    const char *sort;        /* --sort, NULL = PageRank */
    rg_filter filter;        /* zero = rg_filter_init's defaults */
} cli;

typedef struct diag_state {
    int verbose;
    size_t errors;
    rg_progress *progress;   /* a progress line to clear first, or NULL */
} diag_state;

/* Writes s for a terminal: valid UTF-8 as it is, bytes that are not
 * UTF-8 (paths may hold any) and control characters as \xNN, so that a
 * message is always readable and can never drive the terminal. */
static void put_text(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            fprintf(stderr, "\\x%02X", (unsigned)*p);
            p++;
        } else {
            fwrite(p, 1, (size_t)n, stderr);
            p += n;
        }
    }
}

static void print_diag(void *data, rg_level level, const char *where,
                       const char *what)
{
    diag_state *ds = data;
    if (level == RG_INFO && !ds->verbose)
        return;
    if (level == RG_ERROR)
        ds->errors++;
    rg_progress_clear(ds->progress);
    fputs(level == RG_WARNING ? "relgraph: warning: " : "relgraph: ", stderr);
    if (*where) {
        put_text(where);
        fputs(": ", stderr);
    }
    put_text(what);
    fputc('\n', stderr);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("relgraph: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'relgraph --help' for more information.\n", stderr);
    return EXIT_FATAL;
}

/* The shipped dictionary: <dir of the executable>/../share/relgraph/dict,
 * which holds both in the build tree and after `cmake --install`. */
static char *default_dict_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char rel[] = "/../share/relgraph/dict";
    size_t len = strlen(exe) + sizeof(rel);
    char *dir = malloc(len);
    if (!dir)
        return NULL;
    snprintf(dir, len, "%s%s", exe, rel);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(dir);
        return NULL;
    }
    return dir;
}

enum { OPT_MENTIONS = 256, OPT_EVIDENCE, OPT_REPORT, OPT_TOP, OPT_NO_DEFAULT_DICT };

enum { OPT_FORMS = 400 };   /* apart from the enum above, which grows */
enum { OPT_KEEP_BOILERPLATE = 420, OPT_NO_DISCOVER, OPT_SUGGEST };
enum { OPT_RELATIONS = 440, OPT_WINDOW };
enum { OPT_FILES_FROM = 460 };

/* --relations and --window into c; 0, or the exit status of a usage error. */
static int relation_option(cli *c, int ch, const char *arg)
{
    if (ch == OPT_RELATIONS) {
        if (!strcmp(arg, "cooccurrence"))
            c->relations = RG_REL_COOCCURRENCE;
        else if (!strcmp(arg, "verbs"))
            c->relations = RG_REL_VERBS;
        else if (!strcmp(arg, "all"))
            c->relations = RG_REL_ALL;
        else
            return usage_error("--relations: unknown kind '%s' (expected "
                               "cooccurrence, verbs or all)", arg);
        return 0;
    }
    if (!strcmp(arg, "sentence"))
        c->window = RG_WINDOW_SENTENCE;
    else if (!strcmp(arg, "paragraph"))
        c->window = RG_WINDOW_PARAGRAPH;
    else if (!strcmp(arg, "document"))
        c->window = RG_WINDOW_DOCUMENT;
    else {
        char *end;
        long v = strtol(arg, &end, 10);
        if (!*arg || *end || v < 1 || arg[0] == '+' || arg[0] == ' ')
            return usage_error("--window: expected sentence, paragraph, "
                               "document or a number of tokens (1 or more), "
                               "not '%s'", arg);
        c->window = RG_WINDOW_TOKENS;
        c->window_tokens = (size_t)v;
    }
    return 0;
}

/* The report's options and the filters (also of `relgraph report`). */
enum { OPT_SORT = 500, OPT_MIN_WEIGHT, OPT_MIN_MENTIONS, OPT_TYPES, OPT_LAYER,
       OPT_DROP_ISOLATES };

/* Parses one of them into c; 0, or the exit status of a usage error. */
static int report_option(cli *c, int ch, const char *arg)
{
    char *end;
    switch (ch) {
    case OPT_SORT:
        if (!rg_report_sort_known(arg))
            return usage_error("--sort: unknown metric '%s' (expected "
                               RG_REPORT_SORT_KEYS ")", arg);
        c->sort = arg;
        break;
    case OPT_MIN_WEIGHT: {
        double w = strtod(arg, &end);
        if (*arg == '\0' || *end != '\0' || !(w >= 0 && w < 1e300))
            return usage_error("--min-weight: not a weight: '%s'", arg);
        c->filter.min_weight = w;
        break;
    }
    case OPT_MIN_MENTIONS: {
        long m = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || m < 0)
            return usage_error("--min-mentions: not a number of mentions: '%s'",
                               arg);
        c->filter.min_mentions = (double)m;
        break;
    }
    case OPT_TYPES:
        if (*arg == '\0' || *arg == ',' || arg[strlen(arg) - 1] == ',' ||
            strstr(arg, ",,"))
            return usage_error("--types: expected actor types separated by "
                               "commas (person,organization,...), not '%s'", arg);
        c->filter.types = arg;
        break;
    case OPT_LAYER:
        if (rg_layer_from_name(arg, &c->filter.layer) != RG_OK ||
            c->filter.layer == RG_LAYER_AUTO)
            return usage_error("--layer: expected cooccurrence, relations or "
                               "all, not '%s'", arg);
        break;
    default:
        c->filter.drop_isolates = 1;
        break;
    }
    return 0;
}

/* The options that do not apply to a command; 0, or the exit status of
 * a usage error. */
static int mode_options(const cli *c)
{
    if (c->mode == MODE_TALLY &&
        (c->report || c->suggest || c->sort || !rg_filter_is_default(&c->filter)))
        return usage_error("%s", "tally: --report, --suggest, --sort and the "
                                 "filters apply to a network: give them to "
                                 "relgraph merge");
    if (c->mode != MODE_MERGE)
        return 0;
    const char *read_opt = c->n_dicts ? "-d"
                           : c->no_default_dict ? "--no-default-dict"
                           : c->mentions ? "--mentions"
                           : c->evidence ? "--evidence"
                           : c->relations ? "--relations"
                           : c->window || c->window_tokens ? "--window"
                           : c->forms != RG_FORMS_ALL ? "--forms"
                           : c->keep_boilerplate ? "--keep-boilerplate"
                           : c->no_discover ? "--no-discover"
                           : c->jobs ? "-j" : NULL;
    if (read_opt)
        return usage_error("merge: %s applies where documents are read: give it "
                           "to relgraph tally (a tally records the dictionary "
                           "and options it was made with)", read_opt);
    return 0;
}

static int parse_args(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"dict", required_argument, NULL, 'd'},
        {"mentions", required_argument, NULL, OPT_MENTIONS},
        {"evidence", required_argument, NULL, OPT_EVIDENCE},
        {"report", required_argument, NULL, OPT_REPORT},
        {"top", required_argument, NULL, OPT_TOP},
        {"sort", required_argument, NULL, OPT_SORT},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"min-mentions", required_argument, NULL, OPT_MIN_MENTIONS},
        {"types", required_argument, NULL, OPT_TYPES},
        {"layer", required_argument, NULL, OPT_LAYER},
        {"drop-isolates", no_argument, NULL, OPT_DROP_ISOLATES},
        {"no-default-dict", no_argument, NULL, OPT_NO_DEFAULT_DICT},
        {"forms", required_argument, NULL, OPT_FORMS},
        {"keep-boilerplate", no_argument, NULL, OPT_KEEP_BOILERPLATE},
        {"no-discover", no_argument, NULL, OPT_NO_DISCOVER},
        {"suggest", required_argument, NULL, OPT_SUGGEST},
        {"jobs", required_argument, NULL, 'j'},
        {"relations", required_argument, NULL, OPT_RELATIONS},
        {"window", required_argument, NULL, OPT_WINDOW},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"null", no_argument, NULL, '0'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    c->top = 10;
    c->forms = RG_FORMS_ALL;
    c->dicts = calloc((size_t)argc, sizeof(*c->dicts));
    if (!c->dicts)
        return usage_error("%s", "out of memory");
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":o:f:d:j:qvhV0", longopts, NULL)) != -1) {
        switch (ch) {
        case 'o': c->output = optarg; break;
        case 'f': c->format = optarg; break;
        case 'd': c->dicts[c->n_dicts++] = optarg; break;
        case OPT_MENTIONS: c->mentions = optarg; break;
        case OPT_FILES_FROM: c->files_from = optarg; break;
        case '0': c->null_sep = 1; break;
        case OPT_EVIDENCE: c->evidence = optarg; break;
        case OPT_RELATIONS: case OPT_WINDOW: {
            int rc = relation_option(c, ch, optarg);
            if (rc)
                return rc;
            break;
        }
        case OPT_REPORT: c->report = optarg; break;
        case OPT_TOP: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 0)
                return usage_error("--top: not a number of actors: '%s'", optarg);
            c->top = (size_t)v;
            break;
        }
        case OPT_SORT: case OPT_MIN_WEIGHT: case OPT_MIN_MENTIONS:
        case OPT_TYPES: case OPT_LAYER: case OPT_DROP_ISOLATES: {
            int bad = report_option(c, ch, optarg);
            if (bad)
                return bad;
            break;
        }
        case OPT_NO_DEFAULT_DICT: c->no_default_dict = 1; break;
        case OPT_KEEP_BOILERPLATE: c->keep_boilerplate = 1; break;
        case OPT_NO_DISCOVER: c->no_discover = 1; break;
        case OPT_SUGGEST: c->suggest = optarg; break;
        case OPT_FORMS:
            if (rg_forms_parse(optarg, &c->forms) != RG_OK)
                return usage_error("--forms: expected a comma-separated list of "
                                   "name, short, genitive, adjective, demonym, "
                                   "metonym, compound or all, not '%s'", optarg);
            break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 1 || v > 1024)
                return usage_error("-j: not a number of threads (1 to 1024): '%s'", optarg);
            c->jobs = (size_t)v;
            break;
        }
        case 'q': c->quiet = 1; break;
        case 'v': c->verbose = 1; break;
        case 'h':
            for (size_t i = 0; USAGE[i]; i++)
                fputs(USAGE[i], stdout);
            return -1;
        case 'V': printf("relgraph %s\n", RELGRAPH_VERSION); return -1;
        case ':': return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc && !c->files_from)
        return usage_error("%s", c->mode == MODE_MERGE
                                     ? "no input: give one or more tally files"
                                     : "no input: give one or more files or "
                                       "directories");
    if (c->null_sep && !c->files_from)
        return usage_error("%s", "-0 needs --files-from FILE");
    int rc = mode_options(c);
    if (rc)
        return rc;
    if (c->suggest && c->no_discover)
        return usage_error("%s", "--suggest needs discovery: drop --no-discover");
    if (!c->output && !c->mentions && !c->evidence && !c->report && !c->suggest)
        return usage_error("%s", "nothing to write: give -o FILE (or --report -)");
    if (c->format) {
        c->fmt = rg_format_from_name(c->format);
        if (c->fmt == RG_FORMAT_NONE)
            return usage_error("unknown format '%s' (expected dot, graphml, gexf, "
                               "json, csv or tally)", c->format);
        if (!c->output)
            return usage_error("%s", "--format needs -o FILE");
    } else if (c->output) {
        /* `tally` writes nothing else, whatever the name (-o /dev/null,
         * -o shards/17); on stdout a shard's tally travels on (a Hadoop
         * mapper or reducer); a run's network is DOT. */
        c->fmt = c->mode == MODE_TALLY ? RG_FORMAT_TALLY
                 : strcmp(c->output, "-") != 0 ? rg_format_from_path(c->output)
                 : c->mode == MODE_RUN ? RG_FORMAT_DOT : RG_FORMAT_TALLY;
        if (c->fmt == RG_FORMAT_NONE)
            return usage_error("cannot tell the format of '%s': use .dot, .gv, "
                               ".graphml, .gexf, .json, .csv or .tally, or "
                               "--format", c->output);
    }
    if (c->mode == MODE_TALLY && c->fmt != RG_FORMAT_TALLY)
        return usage_error("%s", "tally writes a tally, not a network (networks "
                                 "come from relgraph merge): drop --format");
    if (c->fmt == RG_FORMAT_TALLY && !rg_filter_is_default(&c->filter))
        return usage_error("%s", "a tally keeps every actor and edge: give the "
                                 "filters to relgraph merge (or to the run that "
                                 "writes a network)");
    if (c->fmt == RG_FORMAT_CSV && c->output && strcmp(c->output, "-") == 0)
        return usage_error("%s", "csv writes two files (NAME.nodes.csv, "
                           "NAME.edges.csv): give -o NAME.csv, not -");
    const char *outs[] = {c->output, c->mentions, c->evidence, c->report};
    int on_stdout = 0;
    for (size_t i = 0; i < 4; i++)
        on_stdout += outs[i] && strcmp(outs[i], "-") == 0;
    if (on_stdout > 1)
        return usage_error("%s", "only one output can go to standard output (-)");
    for (size_t i = 0; i < 4; i++)
        for (size_t j = i + 1; j < 4; j++)
            if (outs[i] && outs[j] && strcmp(outs[i], "-") != 0 &&
                strcmp(outs[i], outs[j]) == 0)
                return usage_error("'%s' is given for two outputs", outs[i]);
    return 0;
}

/* Temporary output files, for the signal handler: an interrupted run
 * removes them, so that it leaves the old outputs (or none) and no litter. */
static char temp_paths[7][PATH_MAX];
static volatile sig_atomic_t n_temp_paths;

static void on_signal(int sig)
{
    for (sig_atomic_t i = 0; i < n_temp_paths; i++)
        unlink(temp_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static rg_outfile *open_output(const char *path, const rg_diag *diag)
{
    /* No signal between creating the temporary file and registering it. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    rg_outfile *f = rg_outfile_open(path, diag);
    const char *tmp = f ? rg_outfile_temp_path(f) : NULL;
    if (tmp && strlen(tmp) < PATH_MAX && n_temp_paths < 7) {
        memcpy(temp_paths[n_temp_paths], tmp, strlen(tmp) + 1);
        n_temp_paths++;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return f;
}

static int cmp_paths(const void *a, const void *b)
{
    return rg_path_compare(*(char *const *)a, *(char *const *)b);
}

/* Out of memory in the CLI: the library's policy (relgraph.h), here too. */
static void *checked(void *p)
{
    if (!p) {
        fputs("relgraph: out of memory\n", stderr);
        abort();
    }
    return p;
}

static void add_input(cli *c, size_t *cap, const char *path)
{
    if (c->n_inputs == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        c->inputs = checked(realloc(c->inputs, *cap * sizeof(*c->inputs)));
    }
    c->inputs[c->n_inputs++] = checked(strdup(path));
}

/* The PATHs of the command line and of --files-from, sorted into the
 * order relgraph reads them, into c->inputs.  0, or an exit status. */
static int collect_inputs(cli *c, int argc, char **argv)
{
    size_t cap = 0;
    int stdin_doc = 0;
    for (int i = optind; i < argc; i++) {
        add_input(c, &cap, argv[i]);
        stdin_doc |= strcmp(argv[i], "-") == 0;
    }
    if (c->files_from) {
        int from_stdin = strcmp(c->files_from, "-") == 0;
        if (from_stdin && stdin_doc)
            return usage_error("%s", "standard input cannot be both the list of "
                                     "paths (--files-from -) and an input (-)");
        FILE *fp = from_stdin ? stdin : fopen(c->files_from, "rb");
        if (!fp) {
            fprintf(stderr, "relgraph: --files-from: ");
            put_text(c->files_from);
            fprintf(stderr, ": %s\n", strerror(errno));
            return EXIT_FATAL;
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t n;
        int sep = c->null_sep ? '\0' : '\n';
        while ((n = getdelim(&line, &lcap, sep, fp)) > 0) {
            if (line[n - 1] == sep)
                line[--n] = '\0';
            if (n > 0)          /* an empty line names nothing */
                add_input(c, &cap, line);
        }
        int bad = ferror(fp);
        free(line);
        if (!from_stdin)
            fclose(fp);
        if (bad) {
            fprintf(stderr, "relgraph: --files-from: cannot read the list\n");
            return EXIT_FATAL;
        }
    }
    /* Inputs are read in sorted order, so the output does not depend on the
     * order they were given in either. */
    if (c->n_inputs > 1)
        qsort(c->inputs, c->n_inputs, sizeof(*c->inputs), cmp_paths);
    return 0;
}

static void free_cli(cli *c)
{
    for (size_t i = 0; i < c->n_inputs; i++)
        free(c->inputs[i]);
    free(c->inputs);
    free(c->dicts);
}

static rg_dict *load_dicts(const cli *c, const rg_diag *diag)
{
    rg_dict *d = rg_dict_new();
    int failed = 0;
    if (!c->no_default_dict) {
        char *dir = default_dict_dir();
        if (!dir) {
            fputs("relgraph: cannot find the shipped dictionary "
                  "(../share/relgraph/dict beside the executable); "
                  "give -d DIR or --no-default-dict\n", stderr);
            failed = 1;
        } else {
            failed |= rg_dict_load(d, dir, diag) != RG_OK;
            free(dir);
        }
    }
    for (size_t i = 0; i < c->n_dicts; i++)
        failed |= rg_dict_load(d, c->dicts[i], diag) != RG_OK;
    if (!failed)
        failed = rg_dict_finish(d, diag) != RG_OK;
    if (failed) {
        fputs("relgraph: dictionary errors; nothing was read or written\n", stderr);
        rg_dict_free(d);
        return NULL;
    }
    return d;
}

/* Messages of `dict check`: file:line: what, as compilers write them. */
static void check_diag(void *data, rg_level level, const char *where,
                       const char *what)
{
    size_t *errors = data;
    if (level == RG_INFO)
        return;
    if (level == RG_ERROR)
        (*errors)++;
    fprintf(stderr, "%s%s%s%s\n", where, *where ? ": " : "",
            level == RG_WARNING ? "warning: " : "", what);
}

/*
 * relgraph dict check [--no-default-dict] FILE|DIR...: loads each FILE as
 * -d would, on top of the shipped dictionary (so that aliases may name its
 * actors) unless --no-default-dict, and reports every error.
 */
static int dict_check(int argc, char **argv)
{
    int first = 3, no_default = 0;   /* after "dict check" */
    if (first < argc && strcmp(argv[first], "--no-default-dict") == 0) {
        no_default = 1;
        first++;
    }
    if (first >= argc)
        return usage_error("%s", "dict check: give one or more dictionary files "
                                 "or directories");
    size_t errors = 0;
    rg_diag diag = {check_diag, &errors};
    rg_dict *d = rg_dict_new();
    int failed = 0;
    if (!no_default) {
        char *dir = default_dict_dir();
        if (!dir) {
            fputs("relgraph: cannot find the shipped dictionary; "
                  "give --no-default-dict\n", stderr);
            failed = 1;
        } else {
            failed |= rg_dict_load(d, dir, &diag) != RG_OK;
            free(dir);
        }
    }
    for (int i = first; i < argc; i++)
        failed |= rg_dict_load(d, argv[i], &diag) != RG_OK;
    /* Also after errors: unknown actor ids are found only here. */
    failed |= rg_dict_finish(d, &diag) != RG_OK;
    int n = argc - first;
    if (failed)
        fprintf(stderr, "relgraph: dict check: %zu error%s\n", errors,
                errors == 1 ? "" : "s");
    else
        printf("relgraph: dict check: %d path%s OK (%zu actors, %zu aliases in "
               "all)\n", n, n == 1 ? "" : "s", rg_dict_actor_count(d),
               rg_dict_alias_count(d));
    rg_dict_free(d);
    return failed ? EXIT_FATAL : EXIT_OK;
}

/* Applies the filters, when any was given (then the metrics are computed
 * again); says why when that fails. */
static rg_status apply_filters(const cli *c, rg_network *net, const rg_diag *diag)
{
    if (rg_filter_is_default(&c->filter))
        return RG_OK;
    rg_status st = rg_network_filter(net, &c->filter, diag);
    if (st != RG_OK && st != RG_EINVAL)   /* RG_EINVAL is reported */
        fprintf(stderr, "relgraph: cannot filter the network: %s\n",
                rg_strerror(st));
    return st;
}

static rg_status write_report(const cli *c, const rg_network *net, FILE *f)
{
    rg_report_options o;
    rg_report_options_init(&o);
    o.format = strcmp(c->report, "-") == 0 ? RG_REPORT_TEXT
                                            : rg_report_format_from_path(c->report);
    o.top = c->top;
    if (c->sort)
        o.sort = c->sort;
    o.filter = &c->filter;
    return rg_report_write(net, &o, f);
}

/*
 * relgraph report [OPTION]... NET.graphml: reads a GraphML file (igraph's
 * reader), applies the filters, computes the metrics and writes the report
 * (--report FILE, standard output by default).
 */
static int report_command(int argc, char **argv)
{
    cli c = {0};
    c.mode = MODE_REPORT;
    c.report = "-";
    int rc = parse_args(&c, argc, argv);
    if (rc != 0) {
        free(c.dicts);
        return rc < 0 ? EXIT_OK : rc;
    }
    rc = EXIT_FATAL;
    rg_network *net = NULL;
    rg_outfile *f = NULL;
    if (c.output || c.format || c.mentions || c.evidence || c.n_dicts || c.suggest ||
        c.no_default_dict || c.files_from) {
        usage_error("%s", "report: only --report, --top, --sort, the filters, "
                          "-q and -v apply to an existing network");
        goto out;
    }
    if (argc - optind != 1) {
        usage_error("%s", "report: give one GraphML file");
        goto out;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGXFSZ, SIG_IGN);
    diag_state ds = {.verbose = c.verbose};
    rg_diag diag = {print_diag, &ds};
    const char *path = argv[optind];
    rg_status st = rg_network_read_graphml(path, &net, &diag);
    if (st == RG_ENOMEM || st == RG_EGRAPH)   /* others are reported */
        fprintf(stderr, "relgraph: %s: cannot read the network: %s\n", path,
                rg_strerror(st));
    if (st != RG_OK || apply_filters(&c, net, &diag) != RG_OK)
        goto out;
    if (!(f = open_output(c.report, &diag)))
        goto out;
    st = write_report(&c, net, rg_outfile_stream(f));
    if (st != RG_OK) {
        fprintf(stderr, "relgraph: %s: cannot write the report: %s\n", c.report,
                rg_strerror(st));
        goto out;
    }
    n_temp_paths = 0;
    st = rg_outfile_commit(f, &diag);
    f = NULL;
    if (st == RG_OK)
        rc = EXIT_OK;
out:
    rg_outfile_abort(f);
    rg_network_free(net);
    free(c.dicts);
    return rc;
}

/* The network of the run or of the merge, when an output needs one. */
static int needs_network(const cli *c)
{
    return (c->output && c->fmt != RG_FORMAT_TALLY) || c->report ||
           (c->suggest && c->mode == MODE_MERGE);
}

/* The outputs of a run, committed all together at the end. */
typedef struct outputs {
    rg_outfile *mentions, *evidence, *out, *edges, *report, *sug_a, *sug_l;
} outputs;

enum { N_OUTPUTS = sizeof(outputs) / sizeof(rg_outfile *) };

/* Makes every output visible, all or nothing; 0 or -1. */
static int commit_outputs(outputs *o, const rg_diag *diag)
{
    /* From here on the temporary files are renamed or removed by the
     * commits. */
    n_temp_paths = 0;
    rg_outfile **v = &o->mentions;
    int failed = 0;
    for (size_t i = 0; i < N_OUTPUTS; i++) {
        if (!v[i])
            continue;
        if (failed)
            rg_outfile_abort(v[i]);
        else
            failed = rg_outfile_commit(v[i], diag) != RG_OK;
        v[i] = NULL;
    }
    return failed ? -1 : 0;
}

static void abort_outputs(outputs *o)
{
    rg_outfile **v = &o->mentions;
    for (size_t i = 0; i < N_OUTPUTS; i++) {
        rg_outfile_abort(v[i]);
        v[i] = NULL;
    }
}

/* -o for a network: one file, or two tables for .csv.  RG_OK or an error
 * already reported. */
static rg_status write_network(const cli *c, const rg_network *net, outputs *o,
                               const rg_diag *diag)
{
    rg_status st;
    if (c->fmt == RG_FORMAT_CSV) {
        char *nodes = rg_csv_table_path(c->output, "nodes");
        char *edges = rg_csv_table_path(c->output, "edges");
        o->out = open_output(nodes, diag);
        o->edges = o->out ? open_output(edges, diag) : NULL;
        st = !o->edges ? RG_EIO
             : rg_network_write_csv_nodes(net, rg_outfile_stream(o->out));
        if (st == RG_OK)
            st = rg_network_write_csv_edges(net, rg_outfile_stream(o->edges));
        free(nodes);
        free(edges);
        if (!o->edges)
            return st;
    } else {
        if (!(o->out = open_output(c->output, diag)))
            return RG_EIO;
        st = rg_network_write(net, c->fmt, rg_outfile_stream(o->out));
    }
    if (st != RG_OK) {
        fprintf(stderr, "relgraph: ");
        put_text(c->output);
        fprintf(stderr, ": cannot write the network: %s\n", rg_strerror(st));
    }
    return st;
}

/* --suggest DIR: the directory is made if need be; its two tables are
 * committed with the other outputs. */
static rg_status write_suggestions(const cli *c, const rg_pipeline *p,
                                   const rg_merge *m, outputs *o,
                                   const rg_diag *diag)
{
    if (mkdir(c->suggest, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "relgraph: --suggest: cannot make directory '%s': %s\n",
                c->suggest, strerror(errno));
        return RG_EIO;
    }
    size_t n = strlen(c->suggest) + 16;
    char *pa = malloc(n), *pl = malloc(n);
    if (pa && pl) {
        snprintf(pa, n, "%s/actors.tsv", c->suggest);
        snprintf(pl, n, "%s/aliases.tsv", c->suggest);
        o->sug_a = open_output(pa, diag);
        o->sug_l = o->sug_a ? open_output(pl, diag) : NULL;
    }
    free(pa);
    free(pl);
    if (!o->sug_l)
        return RG_EIO;
    FILE *fa = rg_outfile_stream(o->sug_a), *fl = rg_outfile_stream(o->sug_l);
    rg_status st = p ? rg_pipeline_write_suggestions(p, fa, fl)
                     : rg_merge_write_suggestions(m, fa, fl);
    if (st != RG_OK)
        fprintf(stderr, "relgraph: %s: cannot write the suggestions: %s\n",
                c->suggest, rg_strerror(st));
    return st;
}

/* Reads the documents (run, tally) into *p; writes the tables and, for
 * -o NAME.tally, the tally.  RG_OK or an error already reported. */
static rg_status read_documents(const cli *c, rg_dict *dict, outputs *o,
                                rg_pipeline **pp, const rg_diag *diag)
{
    if ((c->mentions && !(o->mentions = open_output(c->mentions, diag))) ||
        (c->evidence && !(o->evidence = open_output(c->evidence, diag))))
        return RG_EIO;
    rg_options opts;
    rg_options_init(&opts);
    opts.diag = *diag;
    opts.mentions = o->mentions ? rg_outfile_stream(o->mentions) : NULL;
    opts.evidence = o->evidence ? rg_outfile_stream(o->evidence) : NULL;
    opts.forms = c->forms;
    opts.keep_boilerplate = c->keep_boilerplate;
    opts.no_discover = c->no_discover;
    opts.threads = c->jobs;
    if (c->relations)
        opts.relations = c->relations;
    opts.window = c->window;
    opts.window_tokens = c->window_tokens;
    /* Progress only where someone watches: a terminal, not --quiet. */
    static rg_progress progress;
    if (!c->quiet && isatty(STDERR_FILENO)) {
        uint64_t total = 0;
        for (size_t i = 0; i < c->n_inputs; i++)
            total += rg_progress_input_bytes(c->inputs[i]);
        rg_progress_start(&progress, total);
        opts.progress = rg_progress_show;
        opts.progress_data = &progress;
        ((diag_state *)diag->data)->progress = &progress;
    }
    rg_pipeline *p = *pp = rg_pipeline_new(dict, &opts);
    rg_status st = rg_pipeline_add_paths(p, (const char *const *)c->inputs,
                                         c->n_inputs);
    rg_progress_clear(&progress);
    if (st != RG_OK) {
        fprintf(stderr, "relgraph: stopped: %s\n", rg_strerror(st));
        return st;
    }
    if (c->output && c->fmt == RG_FORMAT_TALLY) {
        if (!(o->out = open_output(c->output, diag)))
            return RG_EIO;
        st = rg_pipeline_write_tally(p, rg_outfile_stream(o->out));
        if (st != RG_OK) {
            fprintf(stderr, "relgraph: ");
            put_text(c->output);
            fprintf(stderr, ": cannot write the tally: %s\n", rg_strerror(st));
            return st;
        }
    }
    return RG_OK;
}

/* Merges the tallies into *m (and -o NAME.tally).  RG_OK or an error
 * already reported. */
static rg_status merge_tallies(const cli *c, outputs *o, rg_merge **mp,
                               const rg_diag *diag)
{
    rg_merge *m = *mp = rg_merge_new(needs_network(c) || c->suggest != NULL, diag);
    FILE *out = NULL;
    if (c->output && c->fmt == RG_FORMAT_TALLY) {
        if (!(o->out = open_output(c->output, diag)))
            return RG_EIO;
        out = rg_outfile_stream(o->out);
    }
    rg_status st = rg_merge_run(m, (const char *const *)c->inputs, c->n_inputs, out);
    if (st != RG_OK)
        fprintf(stderr, "relgraph: merge failed (%s); nothing was written\n",
                rg_strerror(st));
    return st;
}

/* The "s" of a count's noun, so that a summary reads "1 document". */
static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

static void summary(const cli *c, const rg_stats *stats, const rg_network *net)
{
    if (c->mode == MODE_MERGE)
        fprintf(stderr, "relgraph: merged %zu tall%s of ", c->n_inputs,
                c->n_inputs == 1 ? "y" : "ies");
    else
        fputs("relgraph: ", stderr);
    fprintf(stderr, "%zu document%s, %zu sentence%s, %zu mention%s",
            stats->documents, plural(stats->documents), stats->sentences,
            plural(stats->sentences), stats->mentions, plural(stats->mentions));
    if (net) {
        size_t actors = rg_network_node_count(net), edges = rg_network_edge_count(net);
        fprintf(stderr, " -> %zu actor%s, %zu edge%s", actors, plural(actors), edges,
                plural(edges));
    }
    if (c->output && c->fmt == RG_FORMAT_CSV) {
        char *nodes = rg_csv_table_path(c->output, "nodes");
        char *edges = rg_csv_table_path(c->output, "edges");
        fprintf(stderr, "; wrote %s and %s", nodes, edges);
        free(nodes);
        free(edges);
    } else if (c->output && strcmp(c->output, "-") != 0) {
        fprintf(stderr, "; wrote %s", c->output);
    }
    fputc('\n', stderr);
}

/* The main run, `relgraph tally` and `relgraph merge`: inputs -> (tally)
 * -> network -> outputs. */
static int run_command(int mode, int argc, char **argv)
{
    cli c = {0};
    c.mode = mode;
    int rc = parse_args(&c, argc, argv);
    if (rc == 0)
        rc = collect_inputs(&c, argc, argv);
    if (rc != 0) {
        free_cli(&c);
        return rc < 0 ? EXIT_OK : rc;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    /* A full disk or a file size limit is an error to report, not a kill. */
    signal(SIGXFSZ, SIG_IGN);
    diag_state ds = {.verbose = c.verbose};
    rg_diag diag = {print_diag, &ds};

    outputs o = {0};
    rg_dict *dict = NULL;
    rg_pipeline *p = NULL;
    rg_merge *m = NULL;
    rg_network *net = NULL;
    rg_stats stats;
    rc = EXIT_FATAL;
    if (mode == MODE_MERGE) {
        if (merge_tallies(&c, &o, &m, &diag) != RG_OK)
            goto out;
        stats = rg_merge_stats(m);
    } else {
        if (!(dict = load_dicts(&c, &diag)) ||
            read_documents(&c, dict, &o, &p, &diag) != RG_OK)
            goto out;
        stats = rg_pipeline_stats(p);
    }
    if (stats.documents == 0 && stats.skipped == 0)
        fputs("relgraph: warning: no documents found in the given paths\n", stderr);

    if (needs_network(&c)) {
        rg_status st = p ? rg_network_build(p, &net) : rg_merge_network(m, &net);
        if (st != RG_OK) {
            fprintf(stderr, "relgraph: cannot build the network: %s\n",
                    rg_strerror(st));
            goto out;
        }
        if (apply_filters(&c, net, &diag) != RG_OK)
            goto out;
    }
    if (c.output && c.fmt != RG_FORMAT_TALLY &&
        write_network(&c, net, &o, &diag) != RG_OK)
        goto out;
    if (c.report) {
        if (!(o.report = open_output(c.report, &diag)))
            goto out;
        rg_status st = write_report(&c, net, rg_outfile_stream(o.report));
        if (st != RG_OK) {
            fprintf(stderr, "relgraph: %s: cannot write the report: %s\n",
                    c.report, rg_strerror(st));
            goto out;
        }
    }
    if (c.suggest && write_suggestions(&c, p, m, &o, &diag) != RG_OK)
        goto out;
    if (commit_outputs(&o, &diag) != 0)
        goto out;

    if (!c.quiet)
        summary(&c, &stats, net);
    if (c.verbose && mode != MODE_MERGE)
        fprintf(stderr, "relgraph: %zu ambiguous short name%s left out (a name of "
                "several known actors, none of them named before it)\n",
                stats.unresolved, stats.unresolved == 1 ? "" : "s");
    if (stats.ignored && !c.quiet && mode != MODE_MERGE)
        fprintf(stderr, "relgraph: %zu file%s in the directories %s not taken for "
                "articles (not .txt, .html or extensionless; -v lists them)\n",
                stats.ignored, stats.ignored == 1 ? "" : "s",
                stats.ignored == 1 ? "was" : "were");
    rc = EXIT_OK;
    if (stats.skipped) {
        fprintf(stderr, mode == MODE_MERGE
                            ? "relgraph: %zu input%s could not be read when the "
                              "tallies were made (their messages name them)\n"
                            : "relgraph: %zu input%s could not be read (see above)\n",
                stats.skipped, stats.skipped == 1 ? "" : "s");
        rc = EXIT_PARTIAL;
    }
out:
    abort_outputs(&o);
    rg_network_free(net);
    rg_pipeline_free(p);
    rg_merge_free(m);
    rg_dict_free(dict);
    free_cli(&c);
    return rc;
}

int main(int argc, char **argv)
{
    /* "relgraph report NET.graphml" is a command, as are tally and merge;
     * to read a directory called report, write ./report. */
    if (argc > 1 && strcmp(argv[1], "report") == 0)
        return report_command(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "tally") == 0)
        return run_command(MODE_TALLY, argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "merge") == 0)
        return run_command(MODE_MERGE, argc - 1, argv + 1);
    /* "relgraph dict check ..." is a command; "relgraph dict -o x" reads a
     * directory called dict. */
    if (argc > 2 && strcmp(argv[1], "dict") == 0 && strcmp(argv[2], "check") == 0)
        return dict_check(argc, argv);
    return run_command(MODE_RUN, argc, argv);
}
