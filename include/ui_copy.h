/*
 * ui_copy.h: copying from the reader to the clipboard (y and Y).
 */
#ifndef COURTREAD_UI_COPY_H
#define COURTREAD_UI_COPY_H

#include <stdbool.h>

struct reader;
struct ui_status;

/* Copy the paragraph at the top of rd, or the section being read, headed
 * by the report's title and court, to the clipboard; st says what was
 * copied or why not. Nothing when no report is open. */
void ui_copy(const struct reader *rd, const char *court, bool section, struct ui_status *st);

#endif
