/*
 * fuzz.h: what the fuzz harnesses share. Each harness is a libFuzzer target
 * (LLVMFuzzerTestOneInput) that checks its module's documented contract and
 * abort()s when it is broken; `make fuzz` builds them with clang's
 * libFuzzer, and replay.c builds them with any compiler as a replayer of
 * their corpus, which `make test` and `make san` run.
 */
#ifndef COURTREAD_FUZZ_H
#define COURTREAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>  /* FUZZ_CHECK prints, then aborts */
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort() with a message when cond is false: what a harness found */
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, #cond);                       \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Whether s[0..n) is what a terminal may be sent: it equals its printable
 * form (see sbuf_add_printable), line ends and tabs apart. */
int fuzz_printable(const char *s, size_t n);

struct decoded;
/* A query and a text from any bytes, as fuzz_search and fuzz_tokenize read
 * them: the first byte says how long the query is (1 to 16 bytes, then on
 * to a character's start), the rest decoded as decode leaves a file. The
 * query is *qlen bytes of dec->text, the text the rest; -1 (nothing to
 * free) when there is no text after the query. The caller frees dec->text. */
int fuzz_query_text(const uint8_t *data, size_t size, struct decoded *dec, size_t *qlen);

struct report;
/* abort() unless r is a whole model (see common.c) */
void fuzz_check_model(const struct report *r);

#endif
