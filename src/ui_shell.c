/*
 * ui_shell.c: the editor and the pipe: a child process on the terminal
 * lent by ui_term.c, the browser waiting for it; and the prompt the pipe's
 * command is typed in. Knows nothing of reports: the caller gives the path,
 * the line and the text.
 */
#include "ui_shell.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keys.h"
#include "report.h"
#include "report_file.h"
#include "ui_term.h"
#include "util.h"

void ui_shell_init(struct ui_shell *sh)
{
    memset(sh, 0, sizeof(*sh));
}

void ui_shell_release(struct ui_shell *sh)
{
    if (sh->asking)
        prompt_release(&sh->prompt);
    state_history_release(&sh->history);
    sh->asking = false;
}

void ui_shell_ask(struct ui_shell *sh)
{
    if (sh->asking)
        prompt_release(&sh->prompt);
    prompt_init(&sh->prompt, &sh->history);
    sh->asking = true;
    sh->section = false;
}

const struct prompt *ui_shell_prompt(const struct ui_shell *sh, const char **lead)
{
    if (lead)
        *lead =
            sh->section ? "| the section (Tab: the report): " : "| the report (Tab: the section): ";
    return sh->asking ? &sh->prompt : NULL;
}

enum ui_shell_done ui_shell_key(struct ui_shell *sh, int key, char **command, bool *section)
{
    enum prompt_result res;

    if (key == '\t') {
        sh->section = !sh->section;
        return SHELL_TYPING;
    }
    res = prompt_key(&sh->prompt, key);
    if (res != PROMPT_ACCEPT && res != PROMPT_CANCEL)
        return SHELL_TYPING;
    sh->asking = false;
    if (res == PROMPT_CANCEL || !sh->prompt.text.len) {
        prompt_release(&sh->prompt);
        return SHELL_CANCELLED;
    }
    state_history_add(&sh->history, sh->prompt.text.buf);
    *command = xstrdup(sh->prompt.text.buf);
    *section = sh->section;
    prompt_release(&sh->prompt);
    return SHELL_RUN;
}

/* Run argv with standard input from in (-1: the terminal) on the lent
 * terminal and wait for it: its exit status (128 + the signal that ended
 * it), or -1 with err set. */
static int run(char *const argv[], int in, struct err *err)
{
    pid_t pid;
    int status;

    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        err_set(err, "cannot start %s: %s", argv[0], strerror(errno));
        return -1;
    }
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL); /* ignored here, and an ignored signal is inherited */
        if (in >= 0 && dup2(in, STDIN_FILENO) < 0)
            _exit(126);
        execvp(argv[0], argv);
        fprintf(stderr, "courtread: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) { /* a signal here (^C, a resize) is the child's */
            err_set(err, "%s: %s", argv[0], strerror(errno));
            return -1;
        }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

/* The value of the first of names set in the environment, or fallback. */
static const char *env_or(const char *a, const char *b, const char *fallback)
{
    const char *v = getenv(a);

    if ((!v || !*v) && b)
        v = getenv(b);
    return v && *v ? v : fallback;
}

int ui_shell_edit(const char *path, size_t line, struct err *err)
{
    struct sbuf script = SBUF_INIT, at = SBUF_INIT;
    /* the editor as the shell reads it ("emacs -nw", "code --wait"), the
     * line and the path as arguments, never parsed */
    char *argv[] = {"/bin/sh", "-c", NULL, "sh", NULL, NULL, NULL};
    int rc;

    sbuf_addf(&script, "%s \"$@\"", env_or("VISUAL", "EDITOR", "vi"));
    argv[2] = script.buf;
    if (line) {
        sbuf_addf(&at, "+%zu", line);
        argv[4] = at.buf;
        argv[5] = (char *)path;
    } else {
        argv[4] = (char *)path;
    }
    ui_term_lend();
    rc = run(argv, -1, err);
    ui_term_take_back();
    if (rc == 127 || rc == 126)
        err_set(err, "the editor '%s' could not be run (status %d); set VISUAL or EDITOR",
                env_or("VISUAL", "EDITOR", "vi"), rc);
    sbuf_release(&script);
    sbuf_release(&at);
    return rc == 127 || rc == 126 ? -1 : rc;
}

/* An unnamed temporary file holding text, at its start; -1 with err set.
 * (A file, not a pipe: a command that never reads could not block us.) */
static int text_file(const char *text, size_t len, struct err *err)
{
    const char *dir = env_or("TMPDIR", NULL, "/tmp");
    struct sbuf name = SBUF_INIT;
    int fd;

    sbuf_addf(&name, "%s/courtread-pipe-XXXXXX", dir);
    fd = mkstemp(name.buf);
    if (fd < 0) {
        err_set(err, "%s: %s", name.buf, strerror(errno));
        sbuf_release(&name);
        return -1;
    }
    unlink(name.buf);
    sbuf_release(&name);
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, text + done, len - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err_set(err, "cannot write the text for the command: %s", strerror(errno));
            close(fd);
            return -1;
        }
        done += (size_t)n;
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

int ui_shell_pipe(const char *command, const char *text, size_t len, struct err *err)
{
    char *argv[] = {(char *)env_or("SHELL", NULL, "/bin/sh"), "-c", (char *)command, NULL};
    int fd = text_file(text, len, err), rc;

    if (fd < 0)
        return -1;
    ui_term_lend();
    rc = run(argv, fd, err);
    close(fd);
    if (rc >= 0) {
        char line[96];

        snprintf(line, sizeof(line), "\n%s press a key to return to courtread",
                 rc ? "(the command failed)" : "(done)");
        ui_term_wait_key(line);
    }
    ui_term_take_back();
    return rc;
}

int ui_shell_edit_report(const struct report *r, const char *encoding, size_t off, bool *changed,
                         struct err *err)
{
    struct report_stamp now;
    struct report_file f;
    struct err gone;
    int rc;

    *changed = false;
    if (!strcmp(r->path, "-")) {
        err_set(err, "this report came from standard input: there is no file to edit");
        return -1;
    }
    if (report_file_read(&f, r->path, encoding, err) < 0)
        return -1;
    rc = ui_shell_edit(r->path, report_file_line(f.text, f.len, r->text, r->len, off), err);
    *changed = report_stamp_get(r->path, &now, &gone) == 0 && !report_stamp_same(&f.stamp, &now);
    report_file_release(&f);
    return rc;
}
