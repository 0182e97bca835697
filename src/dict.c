/*
 * dict.c — dictionary files -> in-memory tables.
 *
 * Reads actors tables (id, type, label, qid), aliases tables (actor, form,
 * alias) and abbreviation lists, each told apart by its header line (or by
 * the .txt extension), into the body of rg_dict (dict.h).  Every string is
 * normalised to NFC so that aliases compare equal to normalised text.
 * Malformed lines are reported as "file:line" + what is wrong and loading
 * goes on, so that `dict check` can list every error in one run.
 * rg_dict_finish sorts the actors, resolves the aliases to actor indices
 * and hands the dictionary to the gazetteer (gazetteer.c) for compiling.
 */
#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "gazetteer.h"
#include "verbs.h"

static const char *const S_type_names[RG_TYPE_COUNT] = {
    "person", "organization", "country", "location", "other"};

static const char *const S_form_names[RG_FORM_COUNT] = {
    "name", "short", "genitive", "adjective", "demonym", "metonym",
    "compound", "discovered"};

const char *rg_i_type_name(int type)
{
    return type >= 0 && type < RG_TYPE_COUNT ? S_type_names[type] : NULL;
}

int rg_i_type_parse(const char *s)
{
    for (int i = 0; i < RG_TYPE_COUNT; i++)
        if (strcmp(s, S_type_names[i]) == 0)
            return i;
    return -1;
}

const char *rg_i_form_name(int form)
{
    return form >= 0 && form < RG_FORM_COUNT ? S_form_names[form] : NULL;
}

int rg_i_form_parse(const char *s)
{
    for (int i = 0; i < RG_FORM_COUNT; i++)
        if (strcmp(s, S_form_names[i]) == 0)
            return i;
    return -1;
}

_Static_assert(RG_FORMS_ALL == (1u << RG_FORM_COUNT) - 1,
               "RG_FORMS_ALL covers every form");

rg_status rg_forms_parse(const char *list, unsigned *forms)
{
    if (!list || !forms)
        return RG_EINVAL;
    unsigned mask = 0;
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char word[16];
        if (n == 0 || n >= sizeof(word))
            return RG_EINVAL;
        memcpy(word, p, n);
        word[n] = '\0';
        int f = rg_i_form_parse(word);
        if (f >= 0)
            mask |= 1u << f;
        else if (strcmp(word, "all") == 0)
            mask |= RG_FORMS_ALL;
        else
            return RG_EINVAL;
        if (!comma)
            break;
        p = comma + 1;
    }
    *forms = mask;
    return RG_OK;
}

rg_dict *rg_dict_new(void)
{
    rg_dict *d = rg_i_xcalloc(1, sizeof(*d));
    rg_i_strtab_init(&d->actor_ids);
    rg_i_strtab_init(&d->abbrevs);
    rg_i_strtab_init(&d->furniture);
    rg_i_strtab_init(&d->roles);
    rg_i_strtab_init(&d->org_heads);
    rg_i_strtab_init(&d->first_names);
    d->verbs = rg_i_verbs_new();
    return d;
}

static void S_free_actor(rg_actor *a)
{
    free(a->id);
    free(a->label);
    free(a->qid);
}

void rg_dict_free(rg_dict *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_actors; i++)
        S_free_actor(&d->actors[i]);
    free(d->actors);
    for (size_t i = 0; i < d->n_aliases; i++) {
        free(d->aliases[i].text);
        free(d->aliases[i].actor_id);
        free(d->aliases[i].where);
    }
    free(d->aliases);
    rg_i_strtab_destroy(&d->actor_ids);
    rg_i_strtab_destroy(&d->abbrevs);
    rg_i_strtab_destroy(&d->furniture);
    rg_i_strtab_destroy(&d->roles);
    rg_i_strtab_destroy(&d->org_heads);
    rg_i_strtab_destroy(&d->first_names);
    rg_i_verbs_free(d->verbs);
    rg_i_gazetteer_free(d->gaz);
    free(d);
}

size_t rg_dict_actor_count(const rg_dict *d)
{
    return d ? d->n_actors : 0;
}

size_t rg_dict_alias_count(const rg_dict *d)
{
    return d ? d->n_aliases : 0;
}

uint64_t rg_dict_fingerprint(const rg_dict *d)
{
    return d ? d->fingerprint : 0;
}

/* ------------------------------------------------------------------ */
/* Reading one file                                                    */
/* ------------------------------------------------------------------ */

enum S_table {
    S_TABLE_NONE, S_TABLE_ACTORS, S_TABLE_ALIASES, S_TABLE_ABBREVS,
    S_TABLE_FURNITURE, S_TABLE_VERBS, S_TABLE_WORDS
};

#define S_MAX_FIELDS 8

/* State of one rg_dict_load call.  Duplicate actor ids are errors only
 * within one call; a later call overrides (user dictionaries), so the
 * "first defined at" places are kept here and not in the dictionary. */
typedef struct S_load {
    rg_dict *d;
    const rg_diag *diag;
    char **defined_at;      /* actor index -> "file:line" if defined by
                               this call, else NULL */
    size_t n_defined, cap_defined;
    int errors;
} S_load;

static void S_error(S_load *L, const char *where, const char *fmt, ...)
    RG_PRINTF(3, 4);

static void S_error(S_load *L, const char *where, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    rg_i_diag(L->diag, RG_ERROR, where, "%s", msg);
    L->errors++;
}

static int S_valid_utf8(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII (every byte below 0x80 is a whole valid character) eight
         * bytes at a time; utf8proc only from the first byte that is not. */
        uint64_t w;
        while (n - i >= 8 && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ull)))
            i += 8;
        while (i < n && p[i] < 0x80)
            i++;
        if (i == n)
            break;
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0 || c < 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* A malloc'd NFC copy of the (valid UTF-8, NUL-terminated) string s. */
static char *S_nfc(const char *s)
{
    /* Text below U+0300 (ASCII, Latin-1: every German name) is always
     * NFC, as no two of its code points compose (the second of every
     * canonical pair is U+0300 or above); most aliases are such text, and
     * a million of them load much faster without utf8proc.  The input is
     * valid UTF-8: a lead byte C2..CB is U+0080..U+02FF, one byte follows. */
    const unsigned char *u = (const unsigned char *)s;
    while (*u && (*u < 0x80 || (*u >= 0xC2 && *u <= 0xCB)))
        u += *u < 0x80 ? 1 : 2;
    if (!*u)
        return rg_i_xstrdup(s);
    utf8proc_uint8_t *n = utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (!n)   /* only on invalid input or no memory; input was checked */
        abort();
    return (char *)n;
}

/* Strips spaces at both ends in place (not tabs: they separate fields). */
static char *S_trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* Splits line at tabs into at most S_MAX_FIELDS trimmed fields; returns
 * the number of fields there are (which may exceed S_MAX_FIELDS). */
static size_t S_split(char *line, char **f)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (tab)
            *tab = '\0';
        if (n < S_MAX_FIELDS)
            f[n] = S_trim(p);
        n++;
        if (!tab)
            return n;
        p = tab + 1;
    }
}

static int S_valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return 0;
    return 1;
}

static int S_valid_qid(const char *s)
{
    if (!*s)
        return 1;
    if (s[0] != 'Q' || !s[1])
        return 0;
    for (s++; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Reports an id that is not lowercase [a-z0-9_]+; returns 1 if so. */
static int S_bad_id(S_load *L, const char *where, const char *id)
{
    if (S_valid_id(id))
        return 0;
    S_error(L, where, "invalid actor id '%s' (lowercase letters, digits and _ only)", id);
    return 1;
}

static void S_actors_line(S_load *L, const char *where, char **f, size_t nf)
{
    rg_dict *d = L->d;
    if (nf != 4) {
        S_error(L, where,
                "expected 4 tab-separated fields (id, type, label, qid), "
                "found %zu", nf);
        return;
    }
    int bad = 0;
    bad |= S_bad_id(L, where, f[0]);
    int type = rg_i_type_parse(f[1]);
    if (type < 0) {
        S_error(L, where,
                "unknown type '%s' (expected person, organization, country, "
                "location, other)", f[1]);
        bad = 1;
    }
    if (!*f[2]) {
        S_error(L, where, "empty label");
        bad = 1;
    }
    if (!S_valid_qid(f[3])) {
        S_error(L, where, "bad QID '%s'",
                f[3]);
        bad = 1;
    }
    if (bad)
        return;

    size_t idlen = strlen(f[0]);
    int32_t known = rg_i_strtab_find(&d->actor_ids, f[0], idlen);
    if (known >= 0 && (size_t)known < L->n_defined && L->defined_at[known]) {
        S_error(L, where, "duplicate actor '%s' (first defined at %s)", f[0],
                L->defined_at[known]);
        return;
    }
    rg_actor *a;
    if (known >= 0) {
        /* Defined by an earlier load call: the later one overrides. */
        a = &d->actors[known];
        free(a->label);
        free(a->qid);
    } else {
        int32_t id = rg_i_strtab_intern(&d->actor_ids, f[0], idlen);
        RG_GROW(d->actors, d->cap_actors, d->n_actors + 1);
        known = id;
        a = &d->actors[d->n_actors++];
        a->id = rg_i_xstrdup(f[0]);
    }
    a->type = (uint8_t)type;
    a->label = S_nfc(f[2]);
    a->qid = rg_i_xstrdup(f[3]);

    if ((size_t)known >= L->n_defined) {
        RG_GROW(L->defined_at, L->cap_defined, (size_t)known + 1);
        for (size_t i = L->n_defined; i <= (size_t)known; i++)
            L->defined_at[i] = NULL;
        L->n_defined = (size_t)known + 1;
    }
    L->defined_at[known] = rg_i_xstrdup(where);
}

static void S_aliases_line(S_load *L, const char *where, char **f, size_t nf)
{
    rg_dict *d = L->d;
    if (nf != 3) {
        S_error(L, where,
                "expected 3 tab-separated fields (actor, form, alias), "
                "found %zu", nf);
        return;
    }
    int bad = 0;
    bad |= S_bad_id(L, where, f[0]);
    int form = rg_i_form_parse(f[1]);
    if (form == RG_FORM_COMPOUND || form == RG_FORM_DISCOVERED) {
        S_error(L, where,
                "form '%s' is set by the matcher and cannot be listed "
                "(expected name, short, genitive, adjective, demonym, "
                "metonym)", f[1]);
        bad = 1;
    } else if (form < 0) {
        S_error(L, where,
                "unknown form '%s' (expected name, short, genitive, "
                "adjective, demonym, metonym)", f[1]);
        bad = 1;
    }
    if (!*f[2]) {
        S_error(L, where, "empty alias");
        bad = 1;
    }
    if (bad)
        return;
    RG_GROW(d->aliases, d->cap_aliases, d->n_aliases + 1);
    rg_alias *a = &d->aliases[d->n_aliases++];
    a->text = S_nfc(f[2]);
    a->actor_id = rg_i_xstrdup(f[0]);
    a->actor = UINT32_MAX;
    a->form = (uint8_t)form;
    a->load = d->n_loads;
    a->where = rg_i_xstrdup(where);
}

static void S_abbrev_line(S_load *L, const char *where, const char *line)
{
    /* Stored as the sentence splitter sees them: without inner spaces. */
    char *nfc = S_nfc(line);
    size_t k = 0;
    for (size_t i = 0; nfc[i]; i++)
        if (nfc[i] != ' ' && nfc[i] != '\t')
            nfc[k++] = nfc[i];
    nfc[k] = '\0';
    if (nfc[k - 1] != '.')
        S_error(L, where, "abbreviation '%s' does not end with '.'", nfc);
    else
        rg_i_strtab_intern(&L->d->abbrevs, nfc, k);
    free(nfc);
}

/* A word of discovery (roles, organisation heads, first names): one per
 * line, stored case-folded (ß as ss) as the tokenizer folds words, so
 * that a lookup is one strtab probe. */
static void S_word_line(S_load *L, const char *where, const char *line,
                        rg_strtab *words)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    utf8proc_uint8_t *fold = NULL;
    utf8proc_ssize_t k;
    size_t a = 0;
    while (a < n && (unsigned char)line[a] < 0x80)
        a++;
    if (a == n) {
        /* ASCII: its case fold is the ASCII lowercase (no call of
         * utf8proc per line). */
        fold = rg_i_xmalloc(n + 1);
        for (size_t i = 0; i < n; i++)
            fold[i] = (utf8proc_uint8_t)(line[i] >= 'A' && line[i] <= 'Z'
                                             ? line[i] - 'A' + 'a'
                                             : line[i]);
        fold[n] = 0;
        k = (utf8proc_ssize_t)n;
    } else {
        k = utf8proc_map((const utf8proc_uint8_t *)line, (utf8proc_ssize_t)n,
                         &fold,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                             UTF8PROC_CASEFOLD);
    }
    if (k <= 0 || memchr(fold, ' ', (size_t)k) || memchr(fold, '\t', (size_t)k))
        S_error(L, where, "expected one word per line, not '%s'", line);
    else
        rg_i_strtab_intern(words, (const char *)fold, (size_t)k);
    free(fold);
}

/* The header line (fields joined with <TAB>) for the unknown-header message. */
static void S_unknown_header(S_load *L, const char *where, char **f, size_t nf)
{
    rg_buf b;
    rg_i_buf_init(&b);
    for (size_t i = 0; i < nf && i < S_MAX_FIELDS; i++) {
        if (i)
            rg_i_buf_adds(&b, "<TAB>");
        rg_i_buf_adds(&b, f[i]);
    }
    if (nf > S_MAX_FIELDS)
        rg_i_buf_adds(&b, "<TAB>...");
    S_error(L, where,
            "unknown table header '%s' (expected 'id<TAB>type<TAB>label"
            "<TAB>qid' or 'actor<TAB>form<TAB>alias')", b.data ? b.data : "");
    rg_i_buf_destroy(&b);
}

static int S_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static rg_status S_load_file(S_load *L, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        rg_i_diag(L->diag, RG_ERROR, path, "cannot read: %s", strerror(errno));
        return RG_EIO;
    }
    rg_buf text;
    rg_i_buf_init(&text);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        rg_i_buf_add(&text, chunk, got);
    int rerr = ferror(fp);
    int saved = errno;
    fclose(fp);
    if (rerr) {
        rg_i_diag(L->diag, RG_ERROR, path, "cannot read: %s", strerror(saved));
        rg_i_buf_destroy(&text);
        return RG_EIO;
    }

    /* The fingerprint (tally files) covers what was read and how: each
     * file's name decides its role and each load can override the ones
     * before it. */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    uint64_t mix[4] = {L->d->fingerprint, L->d->n_loads,
                       rg_i_hash(base, strlen(base)),
                       rg_i_hash(text.data ? text.data : "", text.len)};
    L->d->fingerprint = rg_i_hash(mix, sizeof(mix));

    /* Word lists (.txt) are told apart by name: furniture*.txt holds
     * page-furniture phrases; roles*.txt, org_heads*.txt and
     * first_names*.txt the words of discovery (discover.c); every other
     * .txt abbreviations. */
    rg_strtab *words = !S_has_suffix(path, ".txt") ? NULL
                       : strncmp(base, "roles", 5) == 0 ? &L->d->roles
                       : strncmp(base, "org_heads", 9) == 0 ? &L->d->org_heads
                       : strncmp(base, "first_names", 11) == 0 ? &L->d->first_names
                                                              : NULL;
    enum S_table table = !S_has_suffix(path, ".txt") ? S_TABLE_NONE
                         : words ? S_TABLE_WORDS
                         : strncmp(base, "furniture", 9) == 0 ? S_TABLE_FURNITURE
                                                              : S_TABLE_ABBREVS;
    int have_header = table == S_TABLE_ABBREVS || table == S_TABLE_FURNITURE ||
                      table == S_TABLE_WORDS;
    char *p = text.data ? text.data : (char *)"";
    char *end = p + text.len;
    /* A byte-order mark (editors on Windows write one) is not content. */
    if (text.len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    rg_buf where;
    rg_i_buf_init(&where);
    rg_i_buf_adds(&where, path);
    size_t path_len = where.len;
    for (size_t lineno = 1; p < end; lineno++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *next = nl ? nl + 1 : end;
        size_t n = (size_t)((nl ? nl : end) - p);
        if (n > 0 && p[n - 1] == '\r')
            n--;
        char *line = p;
        p = next;
        if (table == S_TABLE_NONE && have_header)
            break;   /* unknown header: the rest cannot be read */
        /* "path:line", without printf and with the path copied once: this
         * runs for every line of a million-alias dictionary. */
        char digits[24], *dp = digits + sizeof(digits);
        size_t v = lineno;
        do
            *--dp = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        *--dp = ':';
        where.len = path_len;
        rg_i_buf_add(&where, dp, (size_t)(digits + sizeof(digits) - dp));
        if (memchr(line, '\0', n) || !S_valid_utf8(line, n)) {
            S_error(L, where.data, "invalid UTF-8");
            continue;
        }
        line[n] = '\0';   /* overwrites '\n', '\r' or the buffer's NUL */
        const char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '\0' || *q == '#')
            continue;

        char *f[S_MAX_FIELDS];
        if (table == S_TABLE_ABBREVS) {
            S_abbrev_line(L, where.data, q);
            continue;
        }
        if (table == S_TABLE_WORDS) {
            S_word_line(L, where.data, q, words);
            continue;
        }
        if (table == S_TABLE_FURNITURE) {
            char *phrase = S_nfc(q);
            rg_i_strtab_intern(&L->d->furniture, phrase, strlen(phrase));
            free(phrase);
            continue;
        }
        size_t nf = S_split(line, f);
        if (!have_header) {
            have_header = 1;
            if (nf == 4 && !strcmp(f[0], "id") && !strcmp(f[1], "type") &&
                !strcmp(f[2], "label") && !strcmp(f[3], "qid"))
                table = S_TABLE_ACTORS;
            else if (nf == 3 && !strcmp(f[0], "actor") &&
                     !strcmp(f[1], "form") && !strcmp(f[2], "alias"))
                table = S_TABLE_ALIASES;
            else if (rg_i_verbs_header(f, nf))
                table = S_TABLE_VERBS;
            else
                S_unknown_header(L, where.data, f, nf);
            continue;
        }
        if (table == S_TABLE_ACTORS)
            S_actors_line(L, where.data, f, nf);
        else if (table == S_TABLE_VERBS)
            L->errors += rg_i_verbs_line(L->d->verbs, L->diag, where.data, f, nf) != 0;
        else
            S_aliases_line(L, where.data, f, nf);
    }
    rg_i_buf_destroy(&where);
    rg_i_buf_destroy(&text);
    return RG_OK;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular *.tsv and *.txt file of dir, in byte order of names. */
static rg_status S_load_dir(S_load *L, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        rg_i_diag(L->diag, RG_ERROR, dir, "cannot read: %s", strerror(errno));
        return RG_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        /* Hidden files are editor droppings (.#actors.tsv), not tables. */
        if (e->d_name[0] == '.' ||
            !(S_has_suffix(e->d_name, ".tsv") || S_has_suffix(e->d_name, ".txt")))
            continue;
        RG_GROW(names, cap, n + 1);
        names[n++] = rg_i_xstrdup(e->d_name);
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof(*names), S_cmp_str);

    rg_status st = RG_OK;
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    rg_buf path;
    rg_i_buf_init(&path);
    for (size_t i = 0; i < n; i++) {
        rg_i_buf_reset(&path);
        rg_i_buf_printf(&path, "%s%s%s", dir, slash ? "" : "/", names[i]);
        struct stat sb;
        if (stat(path.data, &sb) != 0) {
            rg_i_diag(L->diag, RG_ERROR, path.data, "cannot read: %s",
                      strerror(errno));
            st = RG_EIO;
        } else if (S_ISREG(sb.st_mode)) {
            if (S_load_file(L, path.data) != RG_OK)
                st = RG_EIO;
        }
        free(names[i]);
    }
    free(names);
    rg_i_buf_destroy(&path);
    return st;
}

rg_status rg_dict_load(rg_dict *d, const char *path, const rg_diag *diag)
{
    if (!d || !path)
        return RG_EINVAL;
    /* Loading after finish is allowed: the next finish compiles again. */
    if (d->finished) {
        rg_i_gazetteer_free(d->gaz);
        d->gaz = NULL;
        d->finished = 0;
    }
    if (d->n_loads < UINT16_MAX / 2)   /* ranks are load * 2 + 1 in 16 bits */
        d->n_loads++;
    S_load L = {d, diag, NULL, 0, 0, 0};
    rg_status st;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        rg_i_diag(diag, RG_ERROR, path, "cannot read: %s", strerror(errno));
        st = RG_EIO;
    } else if (S_ISDIR(sb.st_mode)) {
        st = S_load_dir(&L, path);
    } else {
        st = S_load_file(&L, path);
    }
    for (size_t i = 0; i < L.n_defined; i++)
        free(L.defined_at[i]);
    free(L.defined_at);
    if (st == RG_OK && L.errors)
        st = RG_EPARSE;
    return st;
}

/* ------------------------------------------------------------------ */
/* Finishing                                                           */
/* ------------------------------------------------------------------ */

static int S_cmp_actor(const void *a, const void *b)
{
    return strcmp(((const rg_actor *)a)->id, ((const rg_actor *)b)->id);
}

int32_t rg_i_dict_find_actor(const rg_dict *d, const char *id)
{
    size_t lo = 0, hi = d->n_actors;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(d->actors[mid].id, id);
        if (c == 0)
            return (int32_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

rg_status rg_dict_finish(rg_dict *d, const rg_diag *diag)
{
    if (!d)
        return RG_EINVAL;
    rg_i_gazetteer_free(d->gaz);
    d->gaz = NULL;
    d->finished = 0;

    if (d->n_actors)
        qsort(d->actors, d->n_actors, sizeof(*d->actors), S_cmp_actor);
    /* Rebuild the id table so that its ids are the sorted positions. */
    rg_i_strtab_destroy(&d->actor_ids);
    rg_i_strtab_init(&d->actor_ids);
    for (size_t i = 0; i < d->n_actors; i++)
        rg_i_strtab_intern(&d->actor_ids, d->actors[i].id,
                           strlen(d->actors[i].id));

    rg_status st = RG_OK;
    for (size_t i = 0; i < d->n_aliases; i++) {
        rg_alias *a = &d->aliases[i];
        /* The id table now maps ids to sorted positions: one hash lookup
         * instead of a binary search of strcmp calls. */
        int32_t k = rg_i_strtab_find(&d->actor_ids, a->actor_id,
                                     strlen(a->actor_id));
        if (k < 0) {
            rg_i_diag(diag, RG_ERROR, a->where,
                      "alias '%s' names unknown actor '%s'", a->text,
                      a->actor_id);
            a->actor = UINT32_MAX;
            st = RG_EPARSE;
        } else {
            a->actor = (uint32_t)k;
        }
    }
    if (st == RG_OK)
        st = rg_i_verbs_finish(d->verbs, diag);
    if (st != RG_OK)
        return st;
    d->gaz = rg_i_gazetteer_build(d);
    d->finished = 1;
    return RG_OK;
}
