/*
 * tokenize.h: the terms of the library index's full-text table (FTS5): a
 * report's text as overlapping pairs of characters, folded as the search
 * folds them, and the MATCH expression that finds the candidates of a query.
 *
 * The one promise: the candidates are a superset. Whenever search_has(q,
 * text) is true for a plain query q, the expression tokenize_match_expr()
 * writes for q matches the row whose text is text; the exact matcher then
 * finds the hits (and checks case, which the index folds always). The
 * terms of a text are:
 *  - every pair of consecutive word characters (Chinese characters,
 *    letters, digits, combining marks; not spaces, line breaks,
 *    punctuation, signs), each folded as search_fold(c, false) folds it:
 *    full-width as half-width, Latin in lower case, a Han character as the
 *    key of its forms (國際 as 国际);
 *  - across spaces that do not count (search_is_gap(), search_gap_ignored()),
 *    between a Chinese character and a digit or letter, the pair of those
 *    two ("12 次" has 2次);
 *  - a word character that no word character follows, alone, so that
 *    every word character starts a term.
 * A query asks for its pairs of word characters; without any, for its word
 * characters as prefixes ("法 院": 法* and 院*); without those (a query of
 * punctuation or spaces) it has no expression.
 */
#ifndef COURTREAD_TOKENIZE_H
#define COURTREAD_TOKENIZE_H

#include <stddef.h>

struct sbuf;
struct search_query;
struct sqlite3;

/* The tokenizer's name for CREATE VIRTUAL TABLE ... USING fts5(..., tokenize='courtread_pairs'). */
#define TOKENIZE_NAME "courtread_pairs"

/* The most terms a MATCH expression asks for: a longer query asks for this
 * many, spread over it (still a superset; the matcher does the rest). */
#define TOKENIZE_MAX_TERMS 12

/* Called with each term of a text, in order and repeats included: its
 * UTF-8 bytes (not NUL-terminated), the span of text it comes from, and
 * whether it stands at the place of the term before it (the pair across
 * spaces that do not count). A nonzero return stops the walk and is
 * returned. */
typedef int tokenize_term_fn(void *ctx, const char *term, size_t len, size_t start, size_t end,
                             int colocated);

/* Call fn with every term of len bytes of text, valid UTF-8 as decode
 * leaves it, in order; 0, or
 * what fn returned to stop. */
int tokenize_terms(const char *text, size_t len, tokenize_term_fn *fn, void *ctx);

/* Register the tokenizer with db's FTS5 under TOKENIZE_NAME, for tables
 * with detail=none: a document's terms as tokenize_terms() makes them,
 * each once (without places, a repeat adds nothing); a query's string of
 * one character as that character (for a prefix query), a longer one as
 * its pairs of word characters. An SQLite result code (SQLITE_OK). */
int tokenize_register(struct sqlite3 *db);

/* Append to out the FTS5 MATCH expression whose rows hold the candidates
 * of compiled plain query q: its terms (at most TOKENIZE_MAX_TERMS, spread
 * over it) quoted and joined with AND: "法官" AND "官院", or "法" * AND
 * "院" *. -1, with nothing appended, when there is none (a regular
 * expression, a query without word characters): every report is a
 * candidate then. */
int tokenize_match_expr(const struct search_query *q, struct sbuf *out);

#endif
