/*
 * text_lines.h: for the tests of line_features.c and kinds.c, a short text cut
 * into trimmed lines with their blank lines around them, as report.c cuts it
 * (without its cleaning), and their features computed.
 */
#ifndef COURTREAD_TESTS_TEXT_LINES_H
#define COURTREAD_TESTS_TEXT_LINES_H

#include <stdlib.h>
#include <string.h>

#include "line_features.h"
#include "text.h"
#include "util.h"

#define TEXT_LINES_MAX 64

struct text_lines {
    struct feature_line l[TEXT_LINES_MAX];
    struct line_features f[TEXT_LINES_MAX];
    struct feature_doc doc;
    size_t n;
};

static inline void text_lines_cut(const char *text, struct text_lines *t)
{
    int blanks = -1;
    const char *p = text;

    memset(t, 0, sizeof(*t));
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *s = p;
        size_t sn = n;
        uint32_t c;

        text_trim(&s, &sn);
        if (!sn) {
            if (blanks >= 0)
                blanks++;
        } else if (t->n < TEXT_LINES_MAX) {
            struct feature_line *fl = &t->l[t->n];

            if (t->n)
                t->l[t->n - 1].blanks_after = blanks;
            fl->s = s;
            fl->len = sn;
            fl->blanks_before = blanks;
            fl->blanks_after = -1;
            text_next(p, n, &c);
            fl->indented = c == 0x3000 || (n >= 2 && p[0] == ' ' && p[1] == ' ');
            t->n++;
            blanks = 0;
        }
        p += n + (nl ? 1 : 0);
    }
    line_features_measure(t->l, t->n, false, &t->doc);
    line_features_compute(t->l, t->n, &t->doc, t->f);
}

#endif
