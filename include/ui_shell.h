/*
 * ui_shell.h: other programs on the browser's terminal, which is lent to
 * them while they run (ui_term.h): the editor, opened on a report's file at
 * a line ($VISUAL, else $EDITOR, else vi), and a shell command ($SHELL,
 * else sh) that the report or its section is piped to, typed in a prompt on
 * the bottom line (Tab switches between the report and the section; the
 * commands typed are kept for Up and Down while the browser runs).
 */
#ifndef COURTREAD_UI_SHELL_H
#define COURTREAD_UI_SHELL_H

#include <stdbool.h>
#include <stddef.h>

#include "prompt.h"
#include "state.h"

struct err;

struct ui_shell {
    bool asking;  /* the prompt is open */
    bool section; /* pipe the section, not the report */
    struct prompt prompt;
    struct state_history history;
};

/* What a key in the prompt did. */
enum ui_shell_done { SHELL_TYPING, SHELL_RUN, SHELL_CANCELLED };

void ui_shell_init(struct ui_shell *sh);
void ui_shell_release(struct ui_shell *sh);

/* Open the prompt for a command to pipe the report to. */
void ui_shell_ask(struct ui_shell *sh);

/* The prompt and its lead, or NULL when it is not open. */
const struct prompt *ui_shell_prompt(const struct ui_shell *sh, const char **lead);

/* A key in the prompt. On SHELL_RUN the command is *command (the caller
 * frees) and *section says what to pipe; the prompt is closed. */
enum ui_shell_done ui_shell_key(struct ui_shell *sh, int key, char **command, bool *section);

/* Open the editor on path at line (0: where the editor likes) and wait for
 * it. Returns its exit status, or -1 with err set when it could not run. */
int ui_shell_edit(const char *path, size_t line, struct err *err);

/* ui_shell_edit() on r's file (read in encoding, NULL: as found) at the
 * line that holds byte off of r's text; *changed says whether the file
 * changed meanwhile. -1 with err when there is no file (standard input), it
 * cannot be read, or the editor could not run. */
struct report;
int ui_shell_edit_report(const struct report *r, const char *encoding, size_t off, bool *changed,
                         struct err *err);

/* Run command in the shell with text (len bytes) on its standard input,
 * then wait for a key, as less does. Returns its exit status, or -1 with
 * err set when it could not run. */
int ui_shell_pipe(const char *command, const char *text, size_t len, struct err *err);

#endif
