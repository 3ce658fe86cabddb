/*
 * ui_info.h: the report's information over the panes (= and ^G, as less
 * shows its file's): the file, title, date, source, byline, every court it
 * names, the encoding, the size and where the reader is. Any key closes it.
 */
#ifndef COURTREAD_UI_INFO_H
#define COURTREAD_UI_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct report;
struct report_file;

/* Where the reader is, for the overlay. */
struct info_place {
    int percent;      /* of the report, to the last row shown */
    size_t line;      /* the reader's top line, from 1 */
    size_t file_line; /* the file's line of it, from 1; 0: not known */
};

struct ui_info {
    bool shown;
    bool fits; /* all of it shows: any key closes it */
    size_t scroll;
    struct sbuf text;
};

/*
 * The overlay's lines ("label<TAB>value\n") for r, read from file f (NULL:
 * it came from standard input, or could not be read: why says so) with
 * the reader at place. Values are made printable (a file name can hold
 * anything).
 */
void ui_info_text(const struct report *r, const struct report_file *f, const char *why,
                  const struct info_place *place, struct sbuf *out);

struct reader;

/* Show r's information, its file read again (in encoding, NULL: as it was
 * found), with the reader rd where it is. */
void ui_info_show(struct ui_info *in, const struct report *r, const char *encoding,
                  const struct reader *rd);

/* Show the lines made by ui_info_text() (taken over) from the top. */
void ui_info_open(struct ui_info *in, struct sbuf *text);

bool ui_info_shown(const struct ui_info *in);

/* A key (its action) while shown: j and k scroll one too long for the
 * screen (true); any other key, or any key when it all shows, closes it
 * (false: the screen is to be drawn again). */
bool ui_info_key(struct ui_info *in, int action);

void ui_info_draw(struct ui_info *in);
void ui_info_release(struct ui_info *in);

#endif
