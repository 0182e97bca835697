/*
 * dict.h — dictionary files (actors.tsv, aliases.tsv, abbreviations.txt)
 * -> in-memory tables; the body of the opaque rg_dict.
 */
#ifndef RG_DICT_H
#define RG_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "relgraph.h"
#include "util.h"

enum rg_actor_type {
    RG_TYPE_PERSON,
    RG_TYPE_ORGANIZATION,
    RG_TYPE_COUNTRY,
    RG_TYPE_LOCATION,
    RG_TYPE_OTHER,
    RG_TYPE_COUNT
};

/* How a mention names its actor (the `form` column of --mentions). */
enum rg_form {
    RG_FORM_NAME,        /* full name: Wladimir Putin, Nordkorea, NATO */
    RG_FORM_SHORT,       /* surname or short name: Putin, Rutte */
    RG_FORM_GENITIVE,    /* Putins, Russlands */
    RG_FORM_ADJECTIVE,   /* russischen, nordkoreanische */
    RG_FORM_DEMONYM,     /* Nordkoreaner, Russen */
    RG_FORM_METONYM,     /* Moskau, Kreml, Pjöngjang for the government */
    RG_FORM_COMPOUND,    /* NATO in NATO-Generalsekretär (set by the matcher) */
    RG_FORM_DISCOVERED,  /* an actor found by rule, not in the dictionary
                            (discover.c): Bruno Kahl after BND-Präsident */
    RG_FORM_COUNT
};

/* "person", "organization", ... and back; -1 when unknown. */
const char *rg_i_type_name(int type);
int rg_i_type_parse(const char *s);
/* "name", "short", ... and back; -1 when unknown. */
const char *rg_i_form_name(int form);
int rg_i_form_parse(const char *s);

typedef struct rg_actor {
    char *id;            /* stable lowercase id: mark_rutte, north_korea */
    char *label;         /* display name: Mark Rutte */
    char *qid;           /* Wikidata QID or "" */
    uint8_t type;        /* enum rg_actor_type */
} rg_actor;

typedef struct rg_alias {
    char *text;          /* as written in the dictionary (NFC) */
    char *actor_id;      /* owned; resolved to `actor` by rg_dict_finish */
    uint32_t actor;      /* index into rg_dict.actors after finish */
    uint8_t form;        /* enum rg_form */
    uint16_t load;       /* which rg_dict_load call (1, 2, ...) read it:
                            a later load overrides an alias (gazetteer.h) */
    char *where;         /* "file:line" of the entry, for messages */
} rg_alias;

struct rg_gazetteer;

struct rg_dict {
    rg_actor *actors;    /* sorted by id after rg_dict_finish */
    size_t n_actors, cap_actors;
    rg_strtab actor_ids; /* id -> position in load order (before finish) */
    rg_alias *aliases;   /* in load order */
    size_t n_aliases, cap_aliases;
    rg_strtab abbrevs;   /* "Dr.", "z.B." (spaces removed) */
    rg_strtab furniture; /* page-furniture phrases (furniture*.txt), NFC,
                            one per line as written; used by boilerplate */
    rg_strtab roles;     /* discover.c: role nouns (roles*.txt), folded;
                            a title ends with '.' ("dr.", "prof.") */
    rg_strtab org_heads; /* discover.c: organisation heads (org_heads*.txt),
                            folded: "ministerium", "agentur" */
    rg_strtab first_names; /* discover.c: first names (first_names*.txt),
                              folded */
    struct rg_verbs *verbs;     /* the verb lexicon (verbs.h) */
    struct rg_gazetteer *gaz;   /* compiled by rg_dict_finish */
    uint16_t n_loads;           /* rg_dict_load calls so far */
    uint64_t fingerprint;       /* of every file loaded, in order (tally
                                   files record it; see rg_dict_fingerprint) */
    int finished;
};

/* Index of the actor called `id` in a finished dictionary, or -1. */
int32_t rg_i_dict_find_actor(const rg_dict *d, const char *id);

#endif
