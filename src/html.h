/*
 * html.h — stage 1b: a web page -> the article text of its body, with a
 * map from every byte of that text back to the bytes of the HTML file.
 *
 * libxml2's HTML parser decides the structure (SAX callbacks); html.c only
 * tracks where in the file each piece of text came from.  See html.c for
 * how offsets are kept and where they are approximate.
 */
#ifndef RG_HTML_H
#define RG_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "relgraph.h"
#include "util.h"

typedef struct rg_html {
    rg_buf text;         /* extracted UTF-8 text, NUL-terminated; owned */
    uint32_t *start;     /* text.len + 1 entries: start[i] = first byte in
                            the file of the character text byte i came
                            from; start[len] = the file's length */
    uint32_t *end;       /* text.len entries: end[i] = the byte after that
                            character in the file (after the ';' of an
                            entity) */
    size_t repaired;     /* invalid byte sequences replaced by U+FFFD */
    const char *charset; /* the encoding the file was read in (static) */
    int unknown_charset; /* a declared charset iconv does not know */
} rg_html;

/* Sets libxml2 up; call once on the main thread before pages are parsed
 * on several threads (libxml2's xmlInitParser is not thread-safe). */
void rg_i_html_setup(void);

void rg_i_html_init(rg_html *h);
void rg_i_html_destroy(rg_html *h);

/*
 * Whether a document is a web page: `path` ends in .html or .htm (any
 * case), or the bytes start, after an optional BOM and whitespace, with
 * "<!doctype html", "<html", "<head", "<body" or "<!--" followed later by
 * one of those (case-insensitive).  path may be NULL.
 */
int rg_i_html_detect(const char *path, const char *bytes, size_t len);

/*
 * Replaces the contents of `h` with the article text of the page
 * bytes[0..len): the text of <body> without script, style, noscript,
 * template, svg, iframe, nav, aside, form, page-level header and every
 * footer (and elements with role=navigation|banner|contentinfo,
 * aria-hidden=true or the hidden attribute).  Block elements (p, div, h1–h6,
 * li, br, tr, td, section, article, blockquote, pre, …) become paragraph
 * breaks (a blank line); other whitespace runs become one space, except in
 * <pre> where line breaks stay.  No-break spaces become spaces, soft
 * hyphens and zero-width spaces are dropped.
 *
 * The charset comes from a BOM, else <meta charset> / http-equiv, else
 * UTF-8 when the bytes are valid UTF-8, else windows-1252.  Returns RG_OK,
 * RG_EENCODING when the bytes contain NUL, RG_EINVAL when len exceeds
 * UINT32_MAX - 1.  `h` stays valid for rg_i_html_destroy in every case.
 * Time complexity: O(len).
 */
rg_status rg_i_html_to_text(rg_html *h, const char *bytes, size_t len);

#endif
