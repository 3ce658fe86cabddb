/*
 * ui_term.c: curses started and restored, the signals, and input. With
 * ui_draw.c's colour pairs, the only UI state outside a context struct (the
 * signal flag, whether curses is on, the crash handler's strings and modes):
 * signal handlers take no context.
 */
#include "ui_term.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "config.h"
#include "keys.h"
#include "theme.h"
#include "ui.h"
#include "ui_draw.h"
#include "util.h"

static volatile sig_atomic_t got_signal, got_interrupt;
static bool curses_on;

/* ^C (SIGINT) does not stop the browser: it comes in as the key C-c, which
 * cancels what is under way as less, vim and readline do. */
static void on_signal(int sig)
{
    if (sig == SIGINT)
        got_interrupt = 1;
    else
        got_signal = sig;
}

/*
 * A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) must not leave the
 * terminal in the alternate screen with the mouse reported and the keys
 * raw, until the user types `reset`. endwin() is not safe in a signal
 * handler, so the terminal's own strings (from terminfo, when curses
 * starts) and the modes it had are kept here, and the handler writes and
 * sets them with write() and tcsetattr(), which are, then dies of the signal
 * as it would have.
 */
static char crash_reset[256];
static size_t crash_reset_len;
static struct termios crash_modes;
static bool crash_modes_kept;

static void crash_add(const char *cap)
{
    char *v = tigetstr(cap);
    size_t n;

    if (!v || v == (char *)-1)
        return;
    n = strlen(v);
    if (crash_reset_len + n < sizeof(crash_reset)) {
        memcpy(crash_reset + crash_reset_len, v, n);
        crash_reset_len += n;
    }
}

static const int crash_sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static struct sigaction crash_was[ARRAY_SIZE(crash_sigs)]; /* e.g. a sanitizer's report */

static void on_crash(int sig)
{
    ssize_t ignored;

    if (crash_reset_len)
        ignored = write(STDOUT_FILENO, crash_reset, crash_reset_len);
    (void)ignored;
    if (crash_modes_kept)
        tcsetattr(STDIN_FILENO, TCSANOW, &crash_modes);
    for (size_t i = 0; i < ARRAY_SIZE(crash_sigs); i++) /* then what was there before */
        if (crash_sigs[i] == sig)
            sigaction(sig, &crash_was[i], NULL);
    raise(sig);
}

static void catch_crashes(void)
{
    static const char mouse_off[] = "\033[?1006l\033[?1002l\033[?1000l";
    struct sigaction sa;

    crash_reset_len = 0;
    memcpy(crash_reset, mouse_off, sizeof(mouse_off) - 1); /* what mousemask() turned on */
    crash_reset_len = sizeof(mouse_off) - 1;
    crash_add("sgr0");
    crash_add("cnorm");
    crash_add("rmkx");
    crash_add("rmcup");
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_crash;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < ARRAY_SIZE(crash_sigs); i++)
        sigaction(crash_sigs[i], &sa, &crash_was[i]);
}

void ui_term_stop(void)
{
    if (curses_on) {
        endwin();
        curses_on = false;
    }
}

int ui_locale(char *why, size_t n)
{
    static const char *const utf8[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
    const char *was;

    setlocale(LC_ALL, "");
    if (!strcmp(nl_langinfo(CODESET), "UTF-8"))
        return 0;
    was = nl_langinfo(CODESET);
    snprintf(why, n,
             "the locale's character set is %s, not UTF-8, and no UTF-8 locale is installed; "
             "set LANG=C.UTF-8",
             was);
    for (size_t i = 0; i < ARRAY_SIZE(utf8); i++)
        if (setlocale(LC_CTYPE, utf8[i]) && !strcmp(nl_langinfo(CODESET), "UTF-8"))
            return 0;
    return -1;
}

/* A curses key as a keys.h key; -1 for keys with no name there. */
static int key_of(int rc, wint_t ch)
{
    if (rc == OK)
        return ch == '\r' ? '\n' : ch == 0x7f ? KEYC_BACKSPACE : (int)ch;
    switch (ch) {
    case KEY_UP:
        return KEYC_UP;
    case KEY_DOWN:
        return KEYC_DOWN;
    case KEY_LEFT:
        return KEYC_LEFT;
    case KEY_RIGHT:
        return KEYC_RIGHT;
    case KEY_PPAGE:
        return KEYC_PGUP;
    case KEY_NPAGE:
        return KEYC_PGDN;
    case KEY_HOME:
        return KEYC_HOME;
    case KEY_END:
        return KEYC_END;
    case KEY_BTAB:
        return KEYC_BTAB;
    case KEY_BACKSPACE:
        return KEYC_BACKSPACE;
    case KEY_DC:
        return KEYC_DELETE;
    case KEY_ENTER:
        return '\n';
    default:
        if (ch >= KEY_F(1) && ch <= KEY_F(12))
            return KEYC_F1 + (int)(ch - KEY_F(1));
        return -1;
    }
}

/* What read_key() returns when no key came in the time given. */
#define NO_KEY (-2)

/*
 * The next key, or ERR when it is time to stop: a signal asked (SIGTERM,
 * SIGHUP; SIGINT is the key C-c) or the terminal went away (the SSH link dropped,
 * the window closed: end of file or an error on input). Curses reads
 * without waiting; the waiting is done in poll(), which a signal always
 * interrupts, so a signal is never lost inside a read that restarts. wait:
 * milliseconds to wait for a key (-1: until one comes), then NO_KEY.
 */
static int read_key(wint_t *ch, int wait)
{
    int idle = 0;

    for (;;) {
        struct pollfd p = {STDIN_FILENO, POLLIN, 0};
        int rc;

        if (got_signal)
            return ERR;
        if (got_interrupt) {
            got_interrupt = 0;
            *ch = KEY_CTRL_C;
            return OK;
        }
        rc = wget_wch(stdscr, ch);
        if (rc != ERR)
            return rc;
        if (got_signal)
            return ERR;
        rc = poll(&p, 1, wait);
        if (rc < 0) {
            if (errno == EINTR)
                continue; /* a signal: SIGWINCH gives KEY_RESIZE next */
            return ERR;
        }
        if (rc == 0)
            return NO_KEY;
        if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
            return ERR;
        /* readable, yet curses got nothing: the end of input (a lone ESC
         * byte waits its delay inside curses, so this is not one) */
        if (++idle > 100)
            return ERR;
    }
}

void ui_term_start(const struct ui_setup *setup)
{
    struct sigaction sa;
    struct theme theme;
    struct msgs tm = {0};
    const char *name = setup->theme ? setup->theme : setup->cfg->theme;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal; /* no SA_RESTART: the key read returns */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    util_set_fatal_hook(ui_term_stop);

    /* NO_COLOR: mono, unless a theme was named on the command line */
    if (getenv("NO_COLOR") && *getenv("NO_COLOR") && !setup->theme) {
        theme_init_mono(&theme);
    } else {
        theme_load_named(&theme, name, setup->theme_dirs, &tm); /* unknown: the default */
    }
    crash_modes_kept = tcgetattr(STDIN_FILENO, &crash_modes) == 0; /* before curses changes them */
    initscr();
    curses_on = true;
    catch_crashes();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE); /* read_key() waits in poll() */
    set_escdelay(25);
    curs_set(0);
    /* clicks come in quick succession when the program is slow to read
     * (a loaded machine, a slow link), and curses then reports two or three
     * as one double or triple click, even with click resolution off: those
     * are asked for too, and count as that many clicks */
    if (setup->cfg->mouse) { /* off, as in less: the terminal's own selection works */
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
                      BUTTON1_TRIPLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
                  NULL);
        mouseinterval(0);
    }
    ui_draw_theme(&theme, setup->ambiguous);
    for (size_t i = 0; i < tm.nr; i++)
        msgs_add(setup->msgs, "%s", tm.v[i]);
    msgs_release(&tm);
}

int ui_term_signal(void)
{
    return got_signal;
}

/* The next input, waiting wait milliseconds (-1: until it comes). */
static void read_input(struct ui_input *in, int wait)
{
    wint_t ch;
    int rc = read_key(&ch, wait);
    MEVENT ev;

    memset(in, 0, sizeof(*in));
    in->key = -1;
    if (rc == NO_KEY) {
        in->kind = INPUT_NONE;
    } else if (rc == ERR) {
        in->kind = INPUT_STOP;
    } else if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
        in->kind = INPUT_RESIZE;
    } else if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
        in->kind = INPUT_MOUSE;
        if (getmouse(&ev) != OK)
            return;
        in->y = ev.y;
        in->x = ev.x;
        if (ev.bstate & BUTTON4_PRESSED)
            in->mouse = MOUSE_WHEEL_UP;
        else if (ev.bstate & BUTTON5_PRESSED)
            in->mouse = MOUSE_WHEEL_DOWN;
        else
            in->mouse = MOUSE_CLICK;
        in->clicks = ev.bstate & BUTTON1_TRIPLE_CLICKED   ? 3
                     : ev.bstate & BUTTON1_DOUBLE_CLICKED ? 2
                                                          : 1;
    } else {
        in->kind = INPUT_KEY;
        in->key = key_of(rc, ch);
    }
}

void ui_term_read(struct ui_input *in)
{
    read_input(in, -1);
}

void ui_term_poll(struct ui_input *in)
{
    read_input(in, 0);
}

/* ---- handing the terminal to another program ---- */

static mmask_t lent_mouse;

void ui_term_lend(void)
{
    mousemask(0, &lent_mouse); /* the program gets the terminal's own selection */
    def_prog_mode();
    endwin();
    fflush(stdout);
}

void ui_term_take_back(void)
{
    got_interrupt = 0; /* a ^C meant for the program */
    reset_prog_mode();
    mousemask(lent_mouse, NULL);
    clearok(curscr, TRUE);
    refresh();
}

int ui_term_wait_key(const char *prompt)
{
    struct termios was, now;
    bool raw = tcgetattr(STDIN_FILENO, &was) == 0;
    char buf[64];
    int rc = 0;

    got_interrupt = 0; /* a ^C that ended the program is not this key */
    fputs(prompt, stdout);
    fflush(stdout);
    if (raw) {
        now = was;
        now.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        now.c_cc[VMIN] = 1;
        now.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &now);
    }
    for (;;) {
        struct pollfd p = {STDIN_FILENO, POLLIN, 0};

        if (got_signal) {
            rc = -1;
            break;
        }
        if (got_interrupt)
            break; /* ^C returns too */
        if (poll(&p, 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            rc = -1;
            break;
        }
        if (read(STDIN_FILENO, buf, sizeof(buf)) <= 0)
            rc = -1;
        break;
    }
    /* the rest of a key that sends several bytes (an arrow, F1) */
    for (struct pollfd p = {STDIN_FILENO, POLLIN, 0}; rc == 0 && poll(&p, 1, 30) > 0;)
        if (read(STDIN_FILENO, buf, sizeof(buf)) <= 0)
            break;
    if (raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &was);
    return rc;
}
