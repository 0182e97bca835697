/*
 * html.c — stage 1b: a web page becomes the text of its article, with a
 * map from every byte of that text back to the bytes of the HTML file, so
 * that --mentions and --evidence point into the page as it was read.
 *
 * libxml2's HTML parser decides the structure; this file never parses
 * markup itself.  It runs in three steps:
 *
 *  1. Charset.  A BOM wins; else a first SAX pass of libxml2 over the page
 *     looks at the <meta charset> and <meta http-equiv="Content-Type"> of
 *     the head and stops at <body>; else UTF-8 when the bytes are valid
 *     UTF-8, else windows-1252 (what browsers assume for German pages;
 *     ISO-8859-1 and US-ASCII are read as windows-1252, as the WHATWG
 *     encoding standard says).
 *  2. Conversion.  The page is turned into UTF-8 by us, not by libxml2,
 *     with iconv fed one character at a time, so that every UTF-8 byte
 *     knows the first byte of the character it came from (`conv`).  Valid
 *     UTF-8 pages are used as they are (no copy, no map); bytes iconv
 *     rejects become U+FFFD.  libxml2 then reads UTF-8 only, with
 *     HTML_PARSE_IGNORE_ENC so that the meta tag cannot switch it again.
 *  3. Extraction.  A second SAX pass: start/end element callbacks keep a
 *     stack that says whether text is skipped (script, nav, footer, …) and
 *     where paragraph breaks go; every characters() callback is aligned
 *     with the UTF-8 input from the parser's current position:
 *     ctxt->input->consumed + (cur - base) is the byte the parser has
 *     reached, and the text since the previous markup event is matched
 *     against those bytes byte for byte; an entity (&amp; &auml; &#x2013;)
 *     in the bytes accounts for the one character it decodes to, and maps
 *     to the entity's first byte ('&') with its end after the ';'.
 *
 * Limits: the alignment trusts libxml2 to report text in document order
 * and to leave bytes unchanged apart from entities and CR; should it ever
 * not match (a construct this file does not know), the text is searched a
 * little further on, and failing that mapped to the current position — the
 * offsets are then approximate for that piece, never out of range.  Text
 * that libxml2 invents (implied elements) has no bytes of its own.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "html.h"

#define S_OPTIONS                                                     \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC)

void rg_i_html_init(rg_html *h)
{
    memset(h, 0, sizeof(*h));
    rg_i_buf_init(&h->text);
}

void rg_i_html_destroy(rg_html *h)
{
    rg_i_buf_destroy(&h->text);
    free(h->start);
    free(h->end);
    memset(h, 0, sizeof(*h));
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */
/* ------------------------------------------------------------------ */

static int S_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int S_prefix_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (S_lower((unsigned char)s[i]) != p[i])
            return 0;
    return 1;
}

static int S_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int rg_i_html_detect(const char *path, const char *bytes, size_t len)
{
    if (path) {
        const char *dot = strrchr(path, '.');
        const char *slash = strrchr(path, '/');
        if (dot && (!slash || dot > slash)) {
            size_t n = strlen(dot);
            if ((n == 5 && S_prefix_ci(dot, n, ".html")) ||
                (n == 4 && S_prefix_ci(dot, n, ".htm")))
                return 1;
        }
    }
    size_t i = 0;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    /* Leading comments (<!-- saved from url=… -->) are skipped. */
    for (int rounds = 0; rounds < 8; rounds++) {
        while (i < len && S_space((unsigned char)bytes[i]))
            i++;
        const char *s = bytes + i;
        size_t n = len - i;
        static const char *const starts[] = {"<!doctype html", "<html", "<head",
                                             "<body"};
        for (size_t k = 0; k < sizeof(starts) / sizeof(*starts); k++)
            if (S_prefix_ci(s, n, starts[k])) {
                size_t m = strlen(starts[k]);
                /* "<html" must end the name: <htmlx> is not HTML */
                if (n == m || !((s[m] >= 'a' && s[m] <= 'z') ||
                                (s[m] >= 'A' && s[m] <= 'Z')))
                    return 1;
            }
        if (!S_prefix_ci(s, n, "<!--"))
            return 0;
        const char *e = NULL;
        for (size_t k = 4; k + 3 <= n; k++)
            if (memcmp(s + k, "-->", 3) == 0) {
                e = s + k + 3;
                break;
            }
        if (!e)
            return 0;
        i = (size_t)(e - bytes);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* libxml2 without messages                                            */
/* ------------------------------------------------------------------ */

static void S_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void S_quiet_structured(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

/* libxml2's error channels are per-thread globals: ours are installed for
 * the duration of one parse and the caller's put back afterwards, so that
 * the library never prints and does not change its host's settings. */
typedef struct S_saved_errors {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} S_saved_errors;

void rg_i_html_setup(void)
{
    xmlInitParser();
}

static void S_silence(S_saved_errors *s)
{
    xmlInitParser();
    s->generic = xmlGenericError;
    s->generic_ctx = xmlGenericErrorContext;
    s->structured = xmlStructuredError;
    s->structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, S_quiet);
    xmlSetStructuredErrorFunc(NULL, S_quiet_structured);
}

static void S_restore(const S_saved_errors *s)
{
    xmlSetGenericErrorFunc(s->generic_ctx, s->generic);
    xmlSetStructuredErrorFunc(s->structured_ctx, s->structured);
}

/* A parser context over buf[0..len) (UTF-8 unless utf8 is 0) whose SAX
 * handler is `sax` with user data `user`; NULL on failure. */
static htmlParserCtxtPtr S_ctxt(const char *buf, size_t len,
                                const htmlSAXHandler *sax, void *user, int utf8)
{
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctxt)
        return NULL;
    memcpy(ctxt->sax, sax, sizeof(*sax));
    ctxt->userData = user;
    htmlCtxtUseOptions(ctxt, S_OPTIONS);
    if (utf8)
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    return ctxt;
}

static void S_sax_base(htmlSAXHandler *sax)
{
    memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;   /* so that serror is used */
    sax->serror = S_quiet_structured;
    sax->error = S_quiet;
    sax->warning = S_quiet;
    sax->fatalError = S_quiet;
}

/* ------------------------------------------------------------------ */
/* Step 1: the charset                                                 */
/* ------------------------------------------------------------------ */

typedef struct S_sniff {
    htmlParserCtxtPtr ctxt;
    char charset[48];
} S_sniff;

/* The value after "charset=" in a Content-Type, or the whole value. */
static void S_take_charset(S_sniff *s, const char *v, int in_content)
{
    if (in_content) {
        const char *p = v;
        const char *found = NULL;
        for (; *p; p++)
            if (S_prefix_ci(p, strlen(p), "charset")) {
                found = p + 7;
                break;
            }
        if (!found)
            return;
        while (*found == ' ')
            found++;
        if (*found != '=')
            return;
        v = found + 1;
    }
    while (*v == ' ' || *v == '"' || *v == '\'')
        v++;
    size_t n = 0;
    while (v[n] && v[n] != ';' && v[n] != '"' && v[n] != '\'' && !S_space(v[n]) &&
           n + 1 < sizeof(s->charset))
        n++;
    if (n == 0 || s->charset[0])
        return;
    for (size_t i = 0; i < n; i++)
        s->charset[i] = (char)S_lower((unsigned char)v[i]);
    s->charset[n] = '\0';
}

static void S_sniff_start(void *user, const xmlChar *name, const xmlChar **atts)
{
    S_sniff *s = user;
    const char *n = (const char *)name;
    if (strcmp(n, "body") == 0) {
        xmlStopParser(s->ctxt);
        return;
    }
    if (strcmp(n, "meta") != 0 || !atts)
        return;
    int content_type = 0;
    const char *content = NULL;
    for (size_t i = 0; atts[i]; i += 2) {
        const char *a = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (!v)
            continue;
        if (strcmp(a, "charset") == 0)
            S_take_charset(s, v, 0);
        else if (strcmp(a, "http-equiv") == 0 &&
                 S_prefix_ci(v, strlen(v), "content-type"))
            content_type = 1;
        else if (strcmp(a, "content") == 0)
            content = v;
    }
    if (content_type && content)
        S_take_charset(s, content, 1);
}

static void S_sniff_charset(const char *bytes, size_t len, char *out, size_t cap)
{
    htmlSAXHandler sax;
    S_sax_base(&sax);
    sax.startElement = S_sniff_start;
    S_sniff s = {0};
    htmlParserCtxtPtr ctxt = S_ctxt(bytes, len, &sax, &s, 0);
    if (ctxt) {
        s.ctxt = ctxt;
        htmlParseDocument(ctxt);
        htmlFreeParserCtxt(ctxt);
    }
    snprintf(out, cap, "%s", s.charset);
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t S_utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, min = 0x10000;
    else
        return 0;
    if (n < k)
        return 0;
    unsigned cp = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

static int S_valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = S_utf8_len((const unsigned char *)s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* The page as UTF-8 (`out`) and `conv`: out.len + 1 entries, the original
 * offset of each output byte's character, conv[out.len] = the file's
 * length.  S_convert's `cd` is an iconv descriptor, or (iconv_t)-1 to
 * repair UTF-8. */
typedef struct S_conv {
    rg_buf out;
    uint32_t *conv;
    size_t cap;
    size_t repaired;
} S_conv;

static void S_conv_add(S_conv *c, const char *p, size_t n, size_t orig)
{
    RG_GROW(c->conv, c->cap, c->out.len + n + 1);
    for (size_t i = 0; i < n; i++)
        c->conv[c->out.len + i] = (uint32_t)orig;
    rg_i_buf_add(&c->out, p, n);
}

static void S_convert(S_conv *c, const char *bytes, size_t len, iconv_t cd)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    size_t i = 0;
    while (i < len) {
        if (cd == (iconv_t)-1) {
            size_t k = S_utf8_len((const unsigned char *)bytes + i, len - i);
            if (k) {
                S_conv_add(c, bytes + i, k, i);
                i += k;
            } else {
                S_conv_add(c, fffd, 3, i);
                c->repaired++;
                i++;
            }
            continue;
        }
        size_t try = 1, done = 0;
        for (; !done; try++) {
            char outb[32];
            char *ip = (char *)(uintptr_t)(bytes + i), *op = outb;
            size_t il = try, ol = sizeof(outb);
            size_t r = iconv(cd, &ip, &il, &op, &ol);
            size_t used = try - il;
            if (r != (size_t)-1 || used > 0) {
                S_conv_add(c, outb, (size_t)(op - outb), i);
                i += used;
                done = 1;
            } else if (errno == EINVAL && try < 8 && i + try < len) {
                continue;    /* an incomplete sequence: feed one more byte */
            } else {
                S_conv_add(c, fffd, 3, i);
                c->repaired++;
                i++;
                iconv(cd, NULL, NULL, NULL, NULL);
                done = 1;
            }
        }
    }
    RG_GROW(c->conv, c->cap, c->out.len + 1);
    c->conv[c->out.len] = (uint32_t)len;
    if (!c->out.data)
        rg_i_buf_add(&c->out, "", 0);
}

/* ------------------------------------------------------------------ */
/* Step 3: extraction                                                  */
/* ------------------------------------------------------------------ */

enum {
    S_SKIP = 1,       /* element whose content is not article text */
    S_BLOCK = 2,      /* paragraph break before and after */
    S_PRE = 4,        /* line breaks kept */
    S_ARTICLE = 8,    /* article or main: its header is content */
    S_BODY = 16
};

typedef struct S_state {
    htmlParserCtxtPtr ctxt;
    const char *raw;          /* the UTF-8 the parser reads */
    size_t raw_len;
    size_t pos;               /* raw bytes before pos are accounted for */
    uint8_t *stack;           /* flags of the open elements */
    size_t depth, stack_cap;
    size_t skip, pre, article, body;
    /* output */
    rg_html *h;
    size_t cap;               /* capacity of h->start / h->end */
    int want_space;           /* whitespace seen since the last character */
    int want_break;           /* line breaks wanted before the next one */
    /* spans of the current characters() callback */
    uint32_t *s_start, *s_end;
    size_t s_cap;
} S_state;

static size_t S_where(const S_state *st)
{
    xmlParserInputPtr in = st->ctxt->input;
    if (!in || !in->cur || !in->base)
        return st->pos;
    size_t p = (size_t)in->consumed + (size_t)(in->cur - in->base);
    return p > st->raw_len ? st->raw_len : p;
}

/* Room for `need` entries in both maps. */
static void S_reserve(S_state *st, size_t need)
{
    if (need <= st->cap)
        return;
    RG_GROW(st->h->start, st->cap, need);
    st->h->end = rg_i_xrealloc(st->h->end, st->cap * sizeof(*st->h->end));
}

static void S_emit(S_state *st, const char *p, size_t n, uint32_t s, uint32_t e)
{
    rg_html *h = st->h;
    S_reserve(st, h->text.len + n + 1);
    for (size_t i = 0; i < n; i++) {
        h->start[h->text.len + i] = s;
        h->end[h->text.len + i] = e;
    }
    rg_i_buf_add(&h->text, p, n);
}

/* One character of article text (n UTF-8 bytes) from raw [s, e). */
static void S_char(S_state *st, const char *p, size_t n, uint32_t s, uint32_t e)
{
    unsigned char c = (unsigned char)p[0];
    if (n == 1 && S_space(c)) {
        if (c == '\n' && st->pre)
            st->want_break = st->want_break < 1 ? 1 : st->want_break;
        else
            st->want_space = 1;
        return;
    }
    if (n == 2 && memcmp(p, "\xC2\xA0", 2) == 0) {   /* no-break space */
        st->want_space = 1;
        return;
    }
    if ((n == 2 && memcmp(p, "\xC2\xAD", 2) == 0) ||  /* soft hyphen */
        (n == 3 && (memcmp(p, "\xE2\x80\x8B", 3) == 0 ||  /* zero width */
                    memcmp(p, "\xEF\xBB\xBF", 3) == 0)))
        return;
    if (st->h->text.len > 0) {
        if (st->want_break)
            S_emit(st, "\n\n", (size_t)(st->want_break > 1 ? 2 : 1), s, s);
        else if (st->want_space)
            S_emit(st, " ", 1, s, s);
    }
    st->want_break = 0;
    st->want_space = 0;
    S_emit(st, p, n, s, e);
}

static void S_break(S_state *st)
{
    st->want_break = 2;
}

/* Length of an entity or character reference at r[0..n) ("&amp;",
 * "&#x2013;"), 0 if there is none. */
static size_t S_entity_len(const char *r, size_t n)
{
    if (n < 3 || r[0] != '&')
        return 0;
    size_t i = 1;
    if (r[1] == '#') {
        i = 2;
        if (i < n && (r[i] == 'x' || r[i] == 'X'))
            i++;
        size_t d = i;
        while (i < n && i < 16 &&
               ((r[i] >= '0' && r[i] <= '9') || (r[i] >= 'a' && r[i] <= 'f') ||
                (r[i] >= 'A' && r[i] <= 'F')))
            i++;
        if (i == d)
            return 0;
    } else {
        while (i < n && i < 40 &&
               ((r[i] >= 'a' && r[i] <= 'z') || (r[i] >= 'A' && r[i] <= 'Z') ||
                (r[i] >= '0' && r[i] <= '9')))
            i++;
        if (i == 1)
            return 0;
    }
    return i < n && r[i] == ';' ? i + 1 : 0;
}

/* First occurrence of p[0..m) in s[0..n), or NULL. */
static const char *S_find(const char *s, size_t n, const char *p, size_t m)
{
    for (size_t i = 0; m && i + m <= n; i++)
        if (s[i] == p[0] && memcmp(s + i, p, m) == 0)
            return s + i;
    return NULL;
}

/* Aligns decoded text d[0..n) with the raw bytes from st->pos; fills
 * st->s_start/s_end for every byte of d. */
static void S_align(S_state *st, const char *d, size_t n)
{
    const char *r = st->raw;
    size_t rn = st->raw_len, i = st->pos;
    if (n > st->s_cap) {
        RG_GROW(st->s_start, st->s_cap, n);
        st->s_end = rg_i_xrealloc(st->s_end, st->s_cap * sizeof(*st->s_end));
    }
    for (size_t j = 0; j < n;) {
        size_t cl = S_utf8_len((const unsigned char *)d + j, n - j);
        if (!cl)
            cl = 1;
        if (i < rn && r[i] == '&' && d[j] != '&') {
            size_t el = S_entity_len(r + i, rn - i);
            if (el) {
                for (size_t k = 0; k < cl; k++) {
                    st->s_start[j + k] = (uint32_t)i;
                    st->s_end[j + k] = (uint32_t)(i + el);
                }
                j += cl;
                i += el;
                continue;
            }
        }
        if (i < rn && r[i] == '&' && d[j] == '&') {
            /* &amp; &#38; &#x26; are one '&'; any other '&' stands for
             * itself (libxml2 passes unknown entities on as text) */
            size_t el = S_entity_len(r + i, rn - i);
            size_t use = 1;
            if ((el == 5 && memcmp(r + i, "&amp;", 5) == 0) ||
                (el == 5 && memcmp(r + i, "&#38;", 5) == 0) ||
                (el == 6 && (memcmp(r + i, "&#x26;", 6) == 0 ||
                             memcmp(r + i, "&#X26;", 6) == 0)))
                use = el;
            st->s_start[j] = (uint32_t)i;
            st->s_end[j] = (uint32_t)(i + use);
            j++;
            i += use;
            continue;
        }
        if (i + cl <= rn && memcmp(r + i, d + j, cl) == 0) {
            for (size_t k = 0; k < cl; k++) {
                st->s_start[j + k] = (uint32_t)i;
                st->s_end[j + k] = (uint32_t)(i + cl);
            }
            j += cl;
            i += cl;
            continue;
        }
        if (i < rn && r[i] == '\r') {   /* CR dropped by the parser */
            i++;
            continue;
        }
        /* Not where expected: search a little further on; failing that
         * the character gets the current position. */
        size_t look = rn - i < 512 ? rn - i : 512;
        const char *f = S_find(r + i, look, d + j, cl);
        if (f) {
            i = (size_t)(f - r);
            continue;
        }
        size_t e = i < rn ? i + 1 : rn;
        for (size_t k = 0; k < cl; k++) {
            st->s_start[j + k] = (uint32_t)(i < rn ? i : rn);
            st->s_end[j + k] = (uint32_t)e;
        }
        j += cl;
    }
    st->pos = i;
}

static void S_characters(void *user, const xmlChar *ch, int len)
{
    S_state *st = user;
    if (len <= 0)
        return;
    const char *d = (const char *)ch;
    size_t n = (size_t)len;
    /* The parser may still stand on the '>' of the tag before. */
    if (st->pos < st->raw_len && st->raw[st->pos] == '>' && d[0] != '>')
        st->pos++;
    S_align(st, d, n);
    if (st->skip || !st->body)
        return;
    for (size_t j = 0; j < n;) {
        size_t cl = S_utf8_len((const unsigned char *)d + j, n - j);
        if (!cl)
            cl = 1;
        S_char(st, d + j, cl, st->s_start[j], st->s_end[j]);
        j += cl;
    }
}

/* Markup whose content is passed over: the parser's position is taken. */
static void S_passed(void *user, const xmlChar *value, int len)
{
    S_state *st = user;
    (void)value;
    (void)len;
    size_t w = S_where(st);
    if (w > st->pos)
        st->pos = w;
}

static void S_comment(void *user, const xmlChar *value)
{
    S_passed(user, value, 0);
}

static int S_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

static const char *const S_skipped[] = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "nav",
    "aside", "form", "footer", "head", "title", "button", "select",
    "textarea", "object", "embed", "canvas", "audio", "video", "dialog",
    "menu", NULL};

static const char *const S_blocks[] = {
    "address", "article", "blockquote", "br", "caption", "center", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "body", "html", "option", "legend", NULL};

static void S_start(void *user, const xmlChar *xname, const xmlChar **atts)
{
    S_state *st = user;
    const char *name = (const char *)xname;
    uint8_t f = 0;
    if (S_in(name, S_skipped))
        f |= S_SKIP;
    if (strcmp(name, "header") == 0 && st->article == 0)
        f |= S_SKIP;   /* the page's header; an article's header is content */
    if (S_in(name, S_blocks))
        f |= S_BLOCK;
    if (strcmp(name, "pre") == 0)
        f |= S_PRE;
    if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0)
        f |= S_ARTICLE;
    if (strcmp(name, "body") == 0)
        f |= S_BODY;
    for (size_t i = 0; atts && atts[i]; i += 2) {
        const char *a = (const char *)atts[i], *v = (const char *)atts[i + 1];
        if (strcmp(a, "hidden") == 0)
            f |= S_SKIP;
        if (!v)
            continue;
        if (strcmp(a, "role") == 0 &&
            (strcmp(v, "navigation") == 0 || strcmp(v, "banner") == 0 ||
             strcmp(v, "contentinfo") == 0))
            f |= S_SKIP;
        if (strcmp(a, "aria-hidden") == 0 && strcmp(v, "true") == 0)
            f |= S_SKIP;
    }
    RG_GROW(st->stack, st->stack_cap, st->depth + 1);
    st->stack[st->depth++] = f;
    st->skip += (f & S_SKIP) != 0;
    st->pre += (f & S_PRE) != 0;
    st->article += (f & S_ARTICLE) != 0;
    st->body += (f & S_BODY) != 0;
    if (f & S_BLOCK)
        S_break(st);
    /* The parser calls this on the '>' (or "/>") of a real start tag; an
     * implied element has no bytes, and the position is left alone. */
    size_t w = S_where(st);
    if (w < st->raw_len && w > st->pos &&
        (st->raw[w] == '>' || (st->raw[w] == '/' && w + 1 < st->raw_len &&
                               st->raw[w + 1] == '>')))
        st->pos = w + (st->raw[w] == '/' ? 2 : 1);
}

static void S_end(void *user, const xmlChar *name)
{
    S_state *st = user;
    (void)name;
    if (st->depth == 0)
        return;
    uint8_t f = st->stack[--st->depth];
    st->skip -= (f & S_SKIP) != 0;
    st->pre -= (f & S_PRE) != 0;
    st->article -= (f & S_ARTICLE) != 0;
    st->body -= (f & S_BODY) != 0;
    if (f & S_BLOCK)
        S_break(st);
    /* After a real end tag the parser stands behind its '>'. */
    size_t w = S_where(st);
    if (w > st->pos && w > 0 && st->raw[w - 1] == '>')
        st->pos = w;
}

/* ------------------------------------------------------------------ */
/* The whole                                                           */
/* ------------------------------------------------------------------ */

/* iconv's name for a declared charset, NULL for UTF-8. */
static const char *S_iconv_name(const char *cs)
{
    if (!strcmp(cs, "utf-8") || !strcmp(cs, "utf8") || !strcmp(cs, "unicode-1-1-utf-8"))
        return NULL;
    if (!strcmp(cs, "iso-8859-1") || !strcmp(cs, "iso8859-1") ||
        !strcmp(cs, "latin1") || !strcmp(cs, "l1") || !strcmp(cs, "us-ascii") ||
        !strcmp(cs, "ascii") || !strcmp(cs, "iso_8859-1") ||
        !strcmp(cs, "windows-1252") || !strcmp(cs, "cp1252") ||
        !strcmp(cs, "x-cp1252"))
        return "WINDOWS-1252";
    if (!strcmp(cs, "utf-16"))
        return NULL;   /* without a BOM the page is not UTF-16 (WHATWG) */
    return cs;
}

rg_status rg_i_html_to_text(rg_html *h, const char *bytes, size_t len)
{
    rg_i_html_destroy(h);
    rg_i_html_init(h);
    rg_status st = RG_OK;
    S_saved_errors saved;
    S_conv conv = {0};
    rg_i_buf_init(&conv.out);
    S_state s = {0};
    iconv_t cd = (iconv_t)-1;
    int silenced = 0;

    if (len > UINT32_MAX - 1 || len > (size_t)INT32_MAX) {
        st = RG_EINVAL;
        goto out;
    }
    const char *encoding = NULL;   /* iconv name; NULL = UTF-8 */
    h->charset = "UTF-8";
    if (len >= 2 && (memcmp(bytes, "\xFF\xFE", 2) == 0 ||
                     memcmp(bytes, "\xFE\xFF", 2) == 0)) {
        encoding = "UTF-16";
        h->charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    } else if (memchr(bytes, '\0', len)) {
        st = RG_EENCODING;
        goto out;
    }
    S_silence(&saved);
    silenced = 1;
    int have_bom8 = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    if (!encoding && !have_bom8) {
        char declared[48];
        S_sniff_charset(bytes, len, declared, sizeof(declared));
        if (declared[0]) {
            encoding = S_iconv_name(declared);
            if (encoding) {
                cd = iconv_open("UTF-8", encoding);
                if (cd == (iconv_t)-1) {
                    h->unknown_charset = 1;
                    encoding = NULL;
                }
            }
        }
        if (!declared[0] || h->unknown_charset)
            encoding = S_valid_utf8(bytes, len) ? NULL : "WINDOWS-1252";
    }
    if (encoding && cd == (iconv_t)-1)
        cd = iconv_open("UTF-8", encoding);
    if (encoding && cd == (iconv_t)-1)
        encoding = NULL;   /* iconv without windows-1252: repair as UTF-8 */
    if (encoding && strcmp(encoding, "WINDOWS-1252") == 0)
        h->charset = "windows-1252";
    else if (encoding && strcmp(encoding, "UTF-16") != 0)
        h->charset = "declared";

    const char *raw = bytes;
    size_t raw_len = len;
    if (encoding || !S_valid_utf8(bytes, len)) {
        S_convert(&conv, bytes, len, cd);
        h->repaired = conv.repaired;
        if (memchr(conv.out.data, '\0', conv.out.len)) {
            st = RG_EENCODING;
            goto out;
        }
        raw = conv.out.data;
        raw_len = conv.out.len;
    }

    htmlSAXHandler sax;
    S_sax_base(&sax);
    sax.startElement = S_start;
    sax.endElement = S_end;
    sax.characters = S_characters;
    sax.ignorableWhitespace = S_characters;
    sax.cdataBlock = S_passed;
    sax.comment = S_comment;
    s.raw = raw;
    s.raw_len = raw_len;
    s.h = h;
    if (raw_len > 0) {
        s.ctxt = S_ctxt(raw, raw_len, &sax, &s, 1);
        if (!s.ctxt) {
            st = RG_EINVAL;
            goto out;
        }
        htmlParseDocument(s.ctxt);
        htmlFreeParserCtxt(s.ctxt);
    }
    if (!h->text.data)
        rg_i_buf_add(&h->text, "", 0);
    /* map raw (UTF-8) offsets back to the file's bytes */
    S_reserve(&s, h->text.len + 1);
    if (raw != bytes)
        for (size_t i = 0; i < h->text.len; i++) {
            h->start[i] = conv.conv[h->start[i]];
            h->end[i] = conv.conv[h->end[i]];
        }
    h->start[h->text.len] = (uint32_t)len;
out:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    if (silenced)
        S_restore(&saved);
    rg_i_buf_destroy(&conv.out);
    free(conv.conv);
    free(s.stack);
    free(s.s_start);
    free(s.s_end);
    return st;
}
