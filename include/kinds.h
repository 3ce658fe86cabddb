/*
 * kinds.h: what each line of a report is. Every kind gets a score from the
 * line's features (line_features.h) and one weight table; one pass over the whole
 * report then chooses the best sequence of kinds, knowing how a report runs:
 * page furniture, title, subtitle, byline and metadata, body with headings
 * and captions, sign-off, footer. Knows nothing of blocks or fields.
 */
#ifndef COURTREAD_KINDS_H
#define COURTREAD_KINDS_H

#include <stddef.h>

#include "line_features.h"

/*
 * The kinds of line, with the phase of a report they belong to: a report only
 * moves forward through phases 0 (above the article), 1 (headline), 2 (deck);
 * 3 (fields and furniture) and 4 (body) alternate; 5 (the end) closes it.
 */
#define KINDS(X)                                                                                   \
    X(PAGE, "page", 0,                                                                             \
      "page furniture above the article: site names, breadcrumbs, a list "                         \
      "headline")                                                                                  \
    X(PAGE_CAPTION, "page-caption", 0, "a photo caption above the headline")                       \
    X(PAGE_BODY, "page-body", 0, "a paragraph above the headline: a standfirst, a story cut off")  \
    X(TITLE, "title", 1, "the article's own headline")                                             \
    X(TITLE_MORE, "title+", 1, "the second line of a headline")                                    \
    X(SUBTITLE, "subtitle", 2, "the line under the headline: a deck, a venue line")                \
    X(SUBTITLE_MORE, "subtitle+", 2, "the next line of a deck")                                    \
    X(BYLINE, "byline", 3, "who wrote it: 本报记者 X, 作者：X, an office and a name")              \
    X(META, "metadata", 3, "page metadata: the date, the source, counters")                        \
    X(NOISE, "noise", 3, "page furniture inside or after the article")                             \
    X(PART, "part", 4, "a part heading over numbered sections: 2024年主要工作")                    \
    X(HEADING, "heading", 4, "a section heading")                                                  \
    X(HEADING_MORE, "heading+", 4, "the second line of a section heading")                         \
    X(CAPTION, "caption", 4, "a photo, figure or table caption")                                   \
    X(BODY, "body", 4, "body text")                                                                \
    X(SIGNOFF, "signoff", 5, "the reporter's sign-off at the end: (金豆)")                         \
    X(FOOTER, "footer", 5, "the page's footer: editors, copyright, links")

enum line_kind {
#define KIND_ENUM(name, label, phase, why) KIND_##name,
    KINDS(KIND_ENUM)
#undef KIND_ENUM
        KIND__COUNT
};

/* A kind's name as --explain prints it. */
const char *kinds_name(enum line_kind k);

/* The score of each kind for one line, from its features alone. */
void kinds_score(const struct line_features *lf, int out[KIND__COUNT]);

/*
 * Choose the kind of every line of lf[0..n) into out[0..n): the sequence with
 * the best total of line scores and the weights of moving from one kind to
 * the next.
 */
void kinds_choose(const struct line_features *lf, size_t n, enum line_kind *out);

/* Build the weight tables kinds_score() and kinds_choose() read (else their
 * first call does). Thread-safe. */
void kinds_prepare(void);

/*
 * The features of one line that weigh most for and against kind k, as
 * "name+3 name-2": for --explain. Writes at most max features to out.
 */
struct sbuf;
void kinds_explain(const struct line_features *lf, enum line_kind k, size_t max, struct sbuf *out);

#endif
