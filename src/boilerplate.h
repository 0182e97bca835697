/*
 * boilerplate.h — stage 2b: page furniture in the normalised text
 * (newsletter and consent text, shop banners, comment forms, link lists,
 * copyright and date lines, section labels, video widgets, repeated
 * headlines and pull quotes) is overwritten with spaces, so that every
 * later stage sees blank lines there and every offset stays as it was.
 */
#ifndef RG_BOILERPLATE_H
#define RG_BOILERPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Furniture phrases compiled for matching (opaque outside boilerplate.c). */
typedef struct rg_boilerplate rg_boilerplate;

/*
 * Compiles the phrases of dict/furniture*.txt (`phrases`, borrowed, as
 * loaded into rg_dict.furniture).  The syntax is in dict/README.md: a
 * phrase matches a whole line, case-insensitively; `*` matches any text;
 * a leading `>` makes the line a list opener (the headline-shaped lines
 * after it are furniture too).  Free with rg_i_boilerplate_free.
 * Time complexity: O(total phrase length).
 */
rg_boilerplate *rg_i_boilerplate_new(const rg_strtab *phrases);

void rg_i_boilerplate_free(rg_boilerplate *bp);

/*
 * Finds the furniture in text[0..len) (valid UTF-8) and overwrites it with
 * spaces, keeping line breaks, so the text keeps its length and offsets.
 * The rules are listed at the top of boilerplate.c.  `bp` may be NULL (no
 * phrases; the shape rules still apply).  Returns the number of lines (or
 * glued line tails) blanked.
 * Time complexity: O(lines × phrases × line length) for the phrases, and
 * O(lines × len) for the pull-quote search, which is done only for texts
 * up to 256 KiB (news articles are far smaller; longer texts skip it).
 */
size_t rg_i_boilerplate_strip(const rg_boilerplate *bp, char *text, size_t len);

/* Buffers for rg_i_boilerplate_strip_with, kept from one document to the
 * next (one per thread; opaque outside boilerplate.c). */
typedef struct rg_boilerplate_scratch rg_boilerplate_scratch;

rg_boilerplate_scratch *rg_i_boilerplate_scratch_new(void);

void rg_i_boilerplate_scratch_free(rg_boilerplate_scratch *sc);

/*
 * rg_i_boilerplate_strip with the buffers of `sc` (grown as needed and
 * kept for the next call; a very large document's are freed), so that a
 * worker allocates them once and not per document.  Same result.
 */
size_t rg_i_boilerplate_strip_with(const rg_boilerplate *bp, rg_boilerplate_scratch *sc,
                                   char *text, size_t len);

/*
 * The form under which boilerplate.c compares a line (for tests): the case
 * fold of s[0..n) with whitespace runs made one space and decorations and
 * spaces at both ends dropped, as a malloc'd string (caller frees); in
 * *words the number of words the rules see for the line (a count above 30
 * given as 31).  Time complexity: O(n).
 */
char *rg_i_boilerplate_fold(const char *s, size_t n, uint32_t *words);

#endif
