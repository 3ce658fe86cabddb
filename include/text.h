/*
 * text.h: small facts about UTF-8 text that every module needs: decoding one
 * character, and what kind of character it is for Chinese text (Han, CJK
 * punctuation, spaces, sentence ends). Pure functions; no allocation.
 *
 * All text handled here is valid UTF-8: decode.c guarantees that at load.
 */
#ifndef COURTREAD_TEXT_H
#define COURTREAD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decode the character at s (n bytes available); returns its length (>= 1).
 * Invalid or truncated input decodes as U+FFFD of length 1. */
static inline size_t text_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;

    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if ((u[0] & 0xF0) == 0xE0 && n >= 3) { /* before the 2-byte case: CJK is 3 bytes */
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        return 3;
    }
    if ((u[0] & 0xE0) == 0xC0 && n >= 2) {
        *cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if ((u[0] & 0xF8) == 0xF0 && n >= 4) {
        *cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
              ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* Start of the character that ends just before s + i. */
static inline size_t text_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Encode cp into out (at least 4 bytes); returns the length. */
size_t text_put(char *out, uint32_t cp);

static inline bool text_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF) || cp == 0x3007;
}

/* Han, kana, hangul, CJK and full-width punctuation: text written without spaces. */
static inline bool text_is_cjk(uint32_t cp)
{
    return text_is_han(cp) || (cp >= 0x3000 && cp <= 0x30FF) || /* CJK punct, kana */
           (cp >= 0xFF00 && cp <= 0xFFEF) ||                    /* full-width forms */
           (cp >= 0xAC00 && cp <= 0xD7AF) ||                    /* hangul */
           (cp >= 0xFE30 && cp <= 0xFE4F) ||                    /* CJK compatibility forms */
           (cp >= 0x2018 && cp <= 0x201F) || /* “ ” ‘ ’ used as CJK quotes */
           cp == 0x2014 || cp == 0x2026 || cp == 0x00B7 || cp == 0x25CF || cp == 0x25A0;
}
/* Blank for trimming: ASCII space and tab, NBSP, U+3000 ideographic space. */
static inline bool text_is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0;
}
/* Ends a sentence: 。！？!?；… and the closing quotes and brackets that follow them.
 * (This and the next two are inline: the parser asks them of every line.) */
static inline bool text_is_sentence_end(uint32_t cp)
{
    switch (cp) {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0x2026: /* … */
    case 0xFF0E: /* ． */
    case '!':
    case '?':
    case ';':
    case '.':
        return true;
    default:
        return false;
    }
}

static inline bool text_is_closing(uint32_t cp)
{
    switch (cp) {
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF09: /* ） */
    case 0x300B: /* 》 */
    case 0x3011: /* 】 */
    case ')':
    case '"':
        return true;
    default:
        return false;
    }
}

static inline bool text_is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Number of characters in s[0..n). */
size_t text_count(const char *s, size_t n);
/* Trim blanks at both ends: adjusts *s and *n. */
void text_trim(const char **s, size_t *n);
/* Last character of s[0..n) (0 when empty), skipping closing quotes and brackets
 * when skip_closing is set. */
uint32_t text_last(const char *s, size_t n, bool skip_closing);
/* First character of s[0..n) (0 when empty). */
static inline uint32_t text_first(const char *s, size_t n)
{
    uint32_t cp = 0;

    if (n)
        text_next(s, n, &cp);
    return cp;
}
/* Whether s[0..n) starts with / ends with / contains the NUL-terminated needle.
 * Inline, so that strlen() of a literal needle costs nothing. */
static inline bool text_starts(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);

    return n >= k && memcmp(s, needle, k) == 0;
}

static inline bool text_ends(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);

    return n >= k && memcmp(s + n - k, needle, k) == 0;
}

/*
 * Where word w (k bytes) first stands in s, as memmem() finds it, or NULL.
 * memchr() looks for w's last byte: in Chinese text the last byte of a
 * character varies far more than its first, so few places are compared,
 * and short lines and words cost no setting up.
 */
const char *text_find(const char *s, size_t n, const char *w, size_t k);

static inline bool text_has(const char *s, size_t n, const char *needle)
{
    return text_find(s, n, needle, strlen(needle)) != NULL;
}

/*
 * A set of BMP characters for fast membership tests: one bit per code point.
 * Filled once from a UTF-8 string of the members.
 */
struct charset {
    uint64_t bits[1024];
};
void charset_init(struct charset *cs, const char *members);
static inline bool charset_has(const struct charset *cs, uint32_t cp)
{
    return cp < 0x10000 && (cs->bits[cp >> 6] >> (cp & 63)) & 1;
}

/*
 * A fixed set of phrases to look for in short lines, from up to 16 lists. A
 * bit set of hashed character pairs rules out almost every position before
 * any comparison. Fill with phrase_set_add() once; read-only after.
 */
#define PHRASE_SET_MAX   256
#define PHRASE_SET_LISTS 16

struct phrase_set {
    const char *const *lists[PHRASE_SET_LISTS];
    size_t sizes[PHRASE_SET_LISTS];
    size_t nr_lists;
    struct charset singles; /* one-character phrases */
    struct charset pairs;   /* hashed first two characters */
    /* the phrases of each pair hash's low byte, chained: where to look */
    struct {
        const char *text;
        uint16_t len;
        uint8_t list;
        int16_t next;
    } entry[PHRASE_SET_MAX];
    int16_t head[256];
    size_t nr_entries;
};
void phrase_set_add(struct phrase_set *ps, const char *const *v, size_t n);
/* The hash of a pair of characters that ps->pairs holds for each phrase's
 * first two: a phrase may start at a, b only if its bit is set. */
static inline uint32_t phrase_pair_hash(uint32_t a, uint32_t b)
{
    return (a * 33 + b) & 0xFFFF;
}
bool phrase_set_find(const struct phrase_set *ps, const char *s, size_t n);
/* The same for the phrases of one list (in the order they were added). */
bool phrase_set_find_in(const struct phrase_set *ps, int list, const char *s, size_t n);
/* Which lists have a phrase in s, as a mask (bit i for list i), in one pass.
 * One-character phrases are not counted. */
unsigned phrase_set_lists(const struct phrase_set *ps, const char *s, size_t n);

/*
 * Several phrase sets looked for in one pass over a line: what a line's
 * page words, chrome phrases and metadata keys are, in the time of one.
 * Fill with phrase_group_add() once; read-only after.
 */
#define PHRASE_GROUP_MAX 4
/* In a phrase_group_lists() mask: a one-character phrase of the set is there. */
#define PHRASE_SET_SINGLE (1u << PHRASE_SET_LISTS)
struct phrase_group {
    const struct phrase_set *sets[PHRASE_GROUP_MAX];
    size_t nr;
    struct charset pairs, singles; /* those of every set together */
    bool wide_singles;             /* a one-character phrase of three bytes or more */
};
void phrase_group_add(struct phrase_group *g, const struct phrase_set *ps);
/* For each set of g, in the order added, which of its lists have a phrase of
 * two or more characters in s, as phrase_set_lists() tells, with
 * PHRASE_SET_SINGLE added when one of its one-character phrases is there.
 * *pairs gets bit k when a pair of characters of s (from the second
 * character on) has a hash of set k's pairs: a phrase of it may be there. */
void phrase_group_lists(const struct phrase_group *g, const char *s, size_t n,
                        unsigned masks[PHRASE_GROUP_MAX], unsigned *pairs);

/* Whether s holds a character decode never leaves in a text: a control
 * other than the line end (and the tab, when tabs), DEL, a C1 control, a
 * bidi control (see decode.h). For text read back from a file of our own
 * (the index), which must be as clean as decode leaves a report. */
bool text_has_controls(const char *s, size_t n, bool tabs);

#endif
