/*
 * cache.h: parsed reports kept between runs, so a search over a library
 * reads the reports' clean text and structure instead of parsing every file
 * again. One file per set of paths searched, in
 * $XDG_CACHE_HOME/courtread/ (default ~/.cache/courtread/), holding each
 * report's text, blocks and fields with the size, modification time and
 * inode of its file; it is used only when every file is unchanged, and is
 * written again (to a temporary file, then renamed) otherwise. The ten
 * most recently used cache files are kept. Deleting them is always safe.
 * Never prints.
 */
#ifndef COURTREAD_CACHE_H
#define COURTREAD_CACHE_H

#include <stdbool.h>
#include <stddef.h>

struct path_list;
struct report;
struct err;

/* The cache file for paths read with encoding (NULL: detected); NULL when
 * there is no cache folder (neither XDG_CACHE_HOME nor HOME). Caller frees. */
char *cache_file_for(const struct path_list *paths, const char *encoding);

/* An open cache: reports read from it, valid until cache_close(). */
struct cache;

/* Open file and check it against paths: NULL unless it holds exactly these
 * files, each unchanged since it was written. Every record is checked
 * against its checksum and field by field (counts, lengths, block kinds and
 * levels, court parents, text free of control characters) before any of it
 * is used; a damaged one is NULL with err saying so (naming the file), so
 * the caller parses the reports again and writes a good cache. */
struct cache *cache_open(const char *file, const struct path_list *paths, struct err *err);

/* Report i of the paths (never free it), or NULL with *why saying why it
 * could not be loaded. */
const struct report *cache_report(const struct cache *c, size_t i, const char **why);

void cache_close(struct cache *c);

/* Writing a cache, report by report in path order. */
struct cache_writer;

/* NULL when the cache folder or file cannot be made (no cache then). */
struct cache_writer *cache_writer_new(const char *file);

/* Add report r (parsed from the file at r->path). */
void cache_writer_add(struct cache_writer *w, const struct report *r);

/* Add a file that could not be loaded, and why. */
void cache_writer_add_failed(struct cache_writer *w, const char *path, const char *why);

/* Finish and put the file in place; drop it when abandon is set or
 * anything failed. Frees w. */
int cache_writer_finish(struct cache_writer *w, bool abandon, struct err *err);

#endif
