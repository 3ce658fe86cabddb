/*
 * report_file.h: what a report's file says that the model does not keep:
 * its size, when it last changed, the encoding it is read in, and which
 * line of the file a place in the report's clean text comes from (where an
 * editor opens it). Reads the file again when asked; never prints.
 */
#ifndef COURTREAD_REPORT_FILE_H
#define COURTREAD_REPORT_FILE_H

#include <stdbool.h>
#include <stddef.h>

struct err;

/* Enough of a file's status to tell that it changed (an editor that writes
 * a new file and renames it over the old one changes the inode). */
struct report_stamp {
    unsigned long long dev, ino, size;
    long long mtime_sec;
    long mtime_nsec;
};

/* -1 with err set when path cannot be examined. */
int report_stamp_get(const char *path, struct report_stamp *st, struct err *err);
bool report_stamp_same(const struct report_stamp *a, const struct report_stamp *b);

struct report_file {
    struct report_stamp stamp;
    const char *encoding; /* what the bytes are read as (static) */
    char *text;           /* decoded and made safe; its lines are the file's */
    size_t len;
    size_t lines;
};

/* Read and decode path as the browser does (force: an encoding, or NULL to
 * detect). -1 with err set when it cannot be read. Release after. */
int report_file_read(struct report_file *f, const char *path, const char *force, struct err *err);
void report_file_release(struct report_file *f);

/*
 * The line (from 1) of file (flen bytes, decoded) that the report text at
 * byte off comes from, or 0 when it cannot be found. The clean text joins
 * a paragraph's lines and drops indents and noise, so a few characters from
 * off are looked for with white space ignored on both sides, and the same
 * occurrence as in the text is taken (a phrase said twice); when they are
 * not in the file, the characters a little further on are.
 */
size_t report_file_line(const char *file, size_t flen, const char *text, size_t len, size_t off);

#endif
