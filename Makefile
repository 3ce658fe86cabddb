# courtread — see README.md. Objects go to build/, the binary to ./courtread.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     := $(PREFIX)/bin
DATADIR    := $(PREFIX)/share/courtread
MANDIR     := $(PREFIX)/share/man/man1

CC         ?= cc
PKG_CONFIG ?= pkg-config
# -O3: the parser's per-line loops (line features, the kinds' scores, the
# court scan) vectorised and unrolled; some 3 % less work than -O2 (est.
# cycles under callgrind on 1,000 bench reports: 837M to 814M)
CFLAGS     ?= -O3 -g
WARN       := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN       += -Werror
endif

NCURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NCURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)
CMOCKA_CFLAGS  := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS    := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# libunistring and iniparser ship no .pc files on Debian 12
INIPARSER_CFLAGS := -I/usr/include/iniparser
# PCRE2 for regular expressions in search
PCRE2_CFLAGS   := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS     := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
# SQLite (with FTS5) for the library index
SQLITE_CFLAGS  := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS    := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
LIBS       := $(NCURSES_LIBS) -liniparser -lunistring $(PCRE2_LIBS) $(SQLITE_LIBS) -pthread

BUILD      ?= build
BIN        ?= courtread
ALL_CFLAGS  = -std=c11 $(WARN) -pthread -D_GNU_SOURCE -Iinclude $(NCURSES_CFLAGS) $(INIPARSER_CFLAGS) \
              -DVERSION='"$(VERSION)"' -DSAMPLES_DIR='"$(DATADIR)/samples"' \
              -DSOURCE_SAMPLES_DIR='"$(CURDIR)/samples"' -DTHEMES_DIR='"$(DATADIR)/themes"' \
              -DSOURCE_THEMES_DIR='"$(CURDIR)/themes"' $(PCRE2_CFLAGS) $(SQLITE_CFLAGS) $(CFLAGS)

MODULES    := util text width decode rules line_features kinds gazetteer gazetteer_data hanzi hanzi_data hanzi_variants court court_special report outline court_tree layout library ini keys config theme state search results results_stream prompt index tokenize textmap quote \
              ui_draw ui_term ui_status ui_reader ui_outline ui_courts ui_results ui_search ui_help ui_marks ui_copy ui_frame ui \
              ui_count report_file ui_overlay ui_info ui_shell \
              ui_width
OBJS       := $(MODULES:%=$(BUILD)/%.o)
TESTS      := test_util test_decode test_rules test_line_features test_kinds test_gazetteer test_report test_court test_court_tree test_results test_library test_config test_layout \
              test_keys test_theme test_state test_search test_prompt \
              test_ui_width test_ui_reader test_ui_draw test_ui_marks test_quote \
              test_ui_count test_report_file test_ui_info test_tokenize test_index test_textmap test_results_stream
TEST_BINS  := $(TESTS:%=$(BUILD)/tests/%)
# Fuzz harnesses (tests/fuzz/): replayers of their corpora in `make test`,
# libFuzzer targets in `make fuzz`
FUZZERS    := parse layout search config tokenize textmap
FUZZ_BINS  := $(FUZZERS:%=$(BUILD)/tests/fuzz_%)
FUZZ_SECONDS ?= 60
FUZZ_CC    ?= clang

SHARED     := ../shared

.PHONY: all test san valgrind bench bench-big fuzz install uninstall format format-check clean FORCE

all: $(BIN)

$(BIN): $(BUILD)/main.o $(OBJS)
	$(CC) $(LDFLAGS) $(SANFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c $(wildcard include/*.h) | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) -c -o $@ $<

# main.o has the installed samples' folder in it: rebuild it when PREFIX changes
$(BUILD)/main.o: $(BUILD)/prefix
$(BUILD)/prefix: FORCE | $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
FORCE:

$(BUILD)/tests/bench_%: tests/bench_%.c tests/bench.h $(OBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(OBJS) $(LIBS)

$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/common.c tests/fuzz/fuzz.h \
                      $(OBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c tests/fuzz/common.c \
	    $(OBJS) $(LIBS)

$(BUILD)/tests/%: tests/%.c $(OBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(OBJS) $(CMOCKA_LIBS) $(LIBS)

$(BUILD):
	mkdir -p $(BUILD)

# Every test; the last line is "N passed, N failed".
test: $(BIN) $(TEST_BINS) $(FUZZ_BINS)
	@SHARED=$(SHARED) BIN=./$(BIN) sh tests/run.sh $(TEST_BINS) $(FUZZ_BINS)

# Each harness under libFuzzer (clang) for FUZZ_SECONDS, from a copy of its
# corpus; what it finds is left in build/fuzz/NAME-crash-* to be minimised
# (-minimize_crash=1) and added to tests/fuzz/corpus/NAME.
fuzz:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang"; exit 1; }
	@mkdir -p build/fuzz
	@for f in $(FUZZERS); do \
	    $(FUZZ_CC) -std=c11 -D_GNU_SOURCE -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -Iinclude -Itests/fuzz \
	        -I/usr/include/iniparser -DVERSION='"$(VERSION)"' -O1 -g \
	        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	        -o build/fuzz/fuzz_$$f tests/fuzz/fuzz_$$f.c tests/fuzz/common.c \
	        $(MODULES:%=src/%.c) $(LIBS) || exit 1; \
	    mkdir -p build/fuzz/corpus-$$f && cp tests/fuzz/corpus/$$f/* build/fuzz/corpus-$$f/; \
	    echo "fuzz_$$f: $(FUZZ_SECONDS) s"; \
	    build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/$$f- build/fuzz/corpus-$$f 2>&1 | \
	        grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|==)' || true; \
	    for a in build/fuzz/$$f-*; do [ -e "$$a" ] && { echo "found: $$a"; exit 1; }; done; \
	done; true

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
san:
	@$(MAKE) --no-print-directory BUILD=build/san BIN=build/san/courtread \
	    SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    CFLAGS="-O1 -g" test

# The unit tests under valgrind's memcheck.
valgrind: $(TEST_BINS)
	@for t in $(TEST_BINS); do \
	    valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	        $$t >/dev/null 2>$(BUILD)/valgrind.log || { cat $(BUILD)/valgrind.log; exit 1; }; \
	    echo "valgrind clean: $$t"; done

BENCH_TOOLS := BENCH_LAYOUT=$(BUILD)/tests/bench_layout BENCH_SEARCH=$(BUILD)/tests/bench_search \
               BENCH_GAZETTEER=$(BUILD)/tests/bench_gazetteer
bench: $(BIN) $(BUILD)/tests/bench_layout $(BUILD)/tests/bench_search $(BUILD)/tests/bench_gazetteer
	$(BENCH_TOOLS) sh tests/bench.sh

# the same at 100,000 generated reports (about 1.2 GB; BENCH_BIG_DIR may name
# one made before), 3 rounds unless ROUNDS says
BENCH_BIG_DIR ?= bench-corpus-big
bench-big: $(BIN) $(BUILD)/tests/bench_layout $(BUILD)/tests/bench_search $(BUILD)/tests/bench_gazetteer
	$(BENCH_TOOLS) BENCH_DIR=$(BENCH_BIG_DIR) BENCH_REPORTS=100000 ROUNDS=$${ROUNDS:-3} sh tests/bench.sh

install: courtread
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/samples
	install -m 755 courtread $(DESTDIR)$(BINDIR)/courtread
	install -m 644 man/courtread.1 $(DESTDIR)$(MANDIR)/courtread.1
	install -m 644 samples/* $(DESTDIR)$(DATADIR)/samples/
	if ls themes/*.ini >/dev/null 2>&1; then install -d $(DESTDIR)$(DATADIR)/themes && \
	    install -m 644 themes/*.ini $(DESTDIR)$(DATADIR)/themes/; fi
	install -m 644 config.example.ini $(DESTDIR)$(DATADIR)/config.example.ini

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/courtread $(DESTDIR)$(MANDIR)/courtread.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c include/*.h tests/*.c

format-check:
	clang-format --dry-run --Werror src/*.c include/*.h tests/*.c

clean:
	rm -rf build courtread bench-corpus bench-corpus-big
