/*
 * ui_copy.c: quoting: the selection's keys and messages, and the copy sent
 * to the clipboard, by OSC 52 (written to the terminal, which decides
 * whether to honour it: it reaches the clipboard of the terminal the user
 * sits at, over SSH too) and/or by a command the user names (wl-copy,
 * xclip, tmux load-buffer), whose exit status is checked. Draws nothing.
 */
#include "ui_copy.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "quote.h"
#include "report.h"
#include "ui_reader.h"
#include "ui_status.h"
#include "ui_term.h"
#include "util.h"

void ui_copy_init(struct ui_copy *cp, const struct config *cfg)
{
    cp->cfg = cfg;
    cp->tmux_told = false;
}

/* The characters of the selection, as they would be copied. */
static size_t selected_chars(const struct reader *rd)
{
    size_t from, to;

    return ui_reader_selection(rd, &from, &to) ? quote_count(ui_reader_report(rd)->text, from, to)
                                               : 0;
}

static void say_selection(const struct reader *rd, struct ui_status *st)
{
    size_t n = selected_chars(rd);

    ui_status_say(st, "-- SELECT -- %zu character%s · y copies with the citation · Esc ends", n,
                  n == 1 ? "" : "s");
}

void ui_copy_visual(struct ui_copy *cp, struct reader *rd, struct ui_status *st)
{
    (void)cp;
    if (ui_reader_visual(rd)) {
        ui_reader_visual_end(rd);
        return;
    }
    if (!ui_reader_report(rd) || !ui_reader_laid_out(rd)) {
        ui_status_say(st, "No report open to select from");
        return;
    }
    ui_reader_visual_start(rd);
    say_selection(rd, st);
}

bool ui_copy_visual_key(struct ui_copy *cp, struct reader *rd, enum action a, struct ui_status *st)
{
    (void)cp;
    if (!ui_reader_cursor_key(rd, a))
        return false;
    say_selection(rd, st);
    return true;
}

bool ui_copy_cancel(struct reader *rd, struct ui_status *st)
{
    if (!ui_reader_visual(rd))
        return false;
    ui_reader_visual_end(rd);
    ui_status_say(st, "Selection ended; nothing copied");
    return true;
}

static void base64(const char *s, size_t n, struct sbuf *out)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = (const unsigned char *)s;

    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        char q[4] = {tab[v >> 18 & 63], tab[v >> 12 & 63], i + 1 < n ? tab[v >> 6 & 63] : '=',
                     i + 2 < n ? tab[v & 63] : '='};

        sbuf_add(out, q, 4);
    }
}

/* Write the text to the terminal as OSC 52; -1 with errno when it cannot. */
static int osc52(const char *s, size_t n)
{
    struct sbuf seq = SBUF_INIT;
    int rc;

    sbuf_addstr(&seq, "\033]52;c;");
    base64(s, n, &seq);
    sbuf_addstr(&seq, "\a");
    fflush(stdout);
    rc = write(STDOUT_FILENO, seq.buf, seq.len) == (ssize_t)seq.len ? 0 : -1;
    sbuf_release(&seq);
    return rc;
}

/* The first line the command wrote on its standard error, to say why. */
static void first_line(FILE *err, struct sbuf *why)
{
    char line[200];

    if (!err || fseek(err, 0, SEEK_SET) < 0 || !fgets(line, sizeof(line), err))
        return;
    line[strcspn(line, "\n")] = '\0';
    if (*line) {
        sbuf_addstr(why, ": ");
        sbuf_add_printable(why, line, strlen(line));
    }
}

/* Wait for the command; a signal that asks the browser to stop ends it
 * (a command that never exits must not hold the browser). */
static int wait_for(pid_t pid, int *status)
{
    while (waitpid(pid, status, 0) < 0) {
        if (errno != EINTR)
            return -1;
        if (ui_term_signal())
            kill(pid, SIGTERM);
    }
    return 0;
}

/*
 * Run cmd through /bin/sh with s on its standard input (its output
 * thrown away, its errors kept to be told); 0 when it exits with status
 * 0, else -1 with why set. A command that keeps running to serve the
 * clipboard (xclip, wl-copy) forks first and keeps our files no longer than
 * that: nothing here reads to the end of its output.
 */
static int run_command(const char *cmd, const char *s, size_t n, struct sbuf *why)
{
    FILE *err = tmpfile();
    int in[2], status;
    pid_t pid;

    if (pipe(in) < 0) {
        sbuf_addf(why, "cannot make a pipe: %s", strerror(errno));
        goto fail;
    }
    pid = fork();
    if (pid < 0) {
        sbuf_addf(why, "cannot start it: %s", strerror(errno));
        close(in[0]);
        close(in[1]);
        goto fail;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);

        dup2(in[0], STDIN_FILENO);
        close(in[0]);
        close(in[1]);
        if (null >= 0)
            dup2(null, STDOUT_FILENO);
        dup2(err ? fileno(err) : null, STDERR_FILENO);
        signal(SIGPIPE, SIG_DFL);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    for (size_t done = 0; done < n;) {
        ssize_t k = write(in[1], s + done, n - done);

        if (k < 0 && errno == EINTR && !ui_term_signal())
            continue;
        if (k < 0) /* EPIPE: it stopped reading; its status says whether that was wrong */
            break;
        done += (size_t)k;
    }
    close(in[1]);
    if (wait_for(pid, &status) < 0) {
        sbuf_addf(why, "cannot wait for it: %s", strerror(errno));
        goto fail;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        if (err)
            fclose(err);
        return 0;
    }
    if (WIFEXITED(status))
        sbuf_addf(why, "exit status %d", WEXITSTATUS(status));
    else
        sbuf_addf(why, "killed by signal %d", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    first_line(err, why);
fail:
    if (err)
        fclose(err);
    return -1;
}

/* Send the copy the way the config says, and say what was done. */
static void send(struct ui_copy *cp, const char *s, size_t n, size_t chars, struct ui_status *st)
{
    const char *cmd = cp->cfg->copy_command;
    enum config_copy how = cp->cfg->copy_method;
    struct sbuf why = SBUF_INIT;
    const char *tmux = getenv("TMUX");

    if (how == COPY_AUTO)
        how = cmd ? COPY_COMMAND : COPY_OSC52;
    if (how != COPY_OSC52 && !cmd) {
        ui_status_say(st, "Nothing copied: [copy] method is %s but no [copy] command is set",
                      how == COPY_BOTH ? "both" : "command");
        return;
    }
    if (how != COPY_OSC52) {
        if (run_command(cmd, s, n, &why) < 0) {
            ui_status_say(st, "Nothing copied: '%s' failed: %s", cmd, why.buf);
            sbuf_release(&why);
            return; /* and no OSC 52 either: the message would hide the failure */
        }
        ui_status_say(st, "Copied %zu characters with %s", chars, cmd);
    }
    if (how != COPY_COMMAND) {
        if (osc52(s, n) < 0) {
            ui_status_say(st, "courtread: cannot write to the terminal: %s", strerror(errno));
            return;
        }
        if (how == COPY_BOTH)
            ui_status_add(st, ", and sent them by OSC 52");
        else
            ui_status_say(st, "Sent %zu characters by OSC 52 (the terminal decides)", chars);
        if (tmux && *tmux && !cp->tmux_told)
            ui_status_add(st, "; in tmux it needs: set -g set-clipboard on");
        cp->tmux_told = cp->tmux_told || (tmux && *tmux);
    }
}

void ui_copy(struct ui_copy *cp, struct reader *rd, const char *court, bool section,
             struct ui_status *st)
{
    const struct report *r = ui_reader_report(rd);
    const char *fmt = cp->cfg->citation ? cp->cfg->citation : QUOTE_CITATION_DEFAULT;
    struct quote_source src = {NULL, court, NULL, NULL, NULL};
    struct sbuf text = SBUF_INIT;
    size_t from, to, chars;

    if (!r)
        return;
    if (!ui_reader_selection(rd, &from, &to)) {
        long b = section ? ui_reader_section(rd) : ui_reader_paragraph(rd);

        if (!ui_reader_laid_out(rd) || !quote_block_range(r, b, section, &from, &to)) {
            ui_status_say(st, "No %s here to copy", section ? "section" : "paragraph");
            return;
        }
        ui_reader_select(rd, from, to);
        ui_status_say(st,
                      "y copies this %s (%zu characters) with its citation · "
                      "h l j k ( ) change it · Esc cancels",
                      section ? "section" : "paragraph", selected_chars(rd));
        return;
    }
    src.title = r->title;
    src.date = r->date;
    src.source = r->source;
    src.file = r->path;
    chars = quote_compose(r->text, from, to, fmt, &src, &text);
    ui_reader_visual_end(rd);
    send(cp, text.buf, text.len, chars, st);
    sbuf_release(&text);
}
