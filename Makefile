# wangge: grid-based community governance over SSH.
# Hand-written; needs GNU make, a C11 compiler and pkg-config.
#   make            build build/wangge
#   make run        install missing packages, build, demo database, serve SSH on 127.0.0.1:2222
#   make test       install missing packages, build with sanitizers, run every test
#   make bench      benchmarks (figures printed, nothing asserted)
#   make deps       install missing Debian packages (apt-get, as root)
#   make lint       clang-format check and cppcheck
#   make install    PREFIX=/usr/local DESTDIR=

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   := $(PREFIX)/bin
DATADIR  := $(PREFIX)/share/wangge
MANDIR   := $(PREFIX)/share/man
LOCALEDIR := $(PREFIX)/share/locale

PKGS      := ncursesw sqlite3 libssh libsodium
# Recursive (=) so that pkg-config runs when a recipe needs it, after `make deps`.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lutil -lz
WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wno-missing-field-initializers -Wformat=2 -Wno-format-truncation
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Isrc -Ibuild/gen $(PKG_CFLAGS) -MMD -MP \
             -DWANGGE_LOCALEDIR='"$(LOCALEDIR)"'
REL_CFLAGS  = -O2 -g $(BASE_CFLAGS) $(CFLAGS)
TEST_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined -DWANGGE_TEST $(BASE_CFLAGS) $(CFLAGS)
TEST_LDFLAGS := -fsanitize=address,undefined

SRC      := $(sort $(shell find src -name '*.c'))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
GEN_SRC  := build/gen/embedded.c build/gen/pinyin_data.c
EMBED    := $(sort $(wildcard db/migrations/*.sql)) $(sort $(wildcard db/names/*.txt)) \
            $(sort $(wildcard keymaps/*.keys))
UNIHAN   := /usr/share/unicode/Unihan_Readings.txt.bz2

REL_OBJ  := $(patsubst %.c,build/rel/%.o,$(LIB_SRC) $(GEN_SRC))
TEST_OBJ := $(patsubst %.c,build/test/%.o,$(LIB_SRC) $(GEN_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,build/test/unit/%,$(UNIT_SRC))
PO       := $(sort $(wildcard po/*.po))
MO       := $(patsubst po/%.po,build/locale/%/LC_MESSAGES/wangge.mo,$(PO))
BENCH_SRC := $(sort $(wildcard tests/bench/bench_*.c))
BENCH_BIN := $(patsubst tests/bench/%.c,build/rel/bench/%,$(BENCH_SRC))

DEB_PKGS := build-essential pkg-config libncurses-dev libsqlite3-dev libssh-dev \
            libsodium-dev libcmocka-dev zlib1g-dev unicode-data bzip2 gettext locales \
            tmux openssh-client openssh-server sshpass putty-tools luit ncurses-term \
            python3 valgrind cppcheck clang-format

.PHONY: all run test bench deps lint install clean serve demo unit tests-build
.SUFFIXES:
.DELETE_ON_ERROR:

all: build/wangge $(MO)

# ---- dependencies -----------------------------------------------------------
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "wangge: installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "wangge: missing packages; run as root:"; \
	  echo "  apt-get update && apt-get install -y$$missing"; exit 1; \
	fi

# ---- generated sources --------------------------------------------------------
build/tools/%: tools/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

build/gen/embedded.c: build/tools/embed $(EMBED)
	@mkdir -p $(@D)
	build/tools/embed migrations $(sort $(wildcard db/migrations/*.sql)) \
	  -- names $(sort $(wildcard db/names/*.txt)) \
	  -- keymaps $(sort $(wildcard keymaps/*.keys)) > $@

build/gen/pinyin_data.c: build/tools/genpinyin $(UNIHAN)
	@mkdir -p $(@D)
	bzcat $(UNIHAN) | build/tools/genpinyin > $@

# Translations, found by the binary at ../locale relative to itself (build/locale),
# or under LOCALEDIR once installed.
build/locale/%/LC_MESSAGES/wangge.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# ---- release build ------------------------------------------------------------
build/rel/%.o: %.c | build/gen/embedded.c
	@mkdir -p $(@D)
	@echo "  CC      $<"; $(CC) $(REL_CFLAGS) -c -o $@ $<

build/rel/libwangge.a: $(REL_OBJ)
	@echo "  AR      $@"; rm -f $@; ar rcs $@ $^

build/wangge: build/rel/src/main.o build/rel/libwangge.a
	$(CC) $(LDFLAGS) -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) -lm

build/rel/bench/%: tests/bench/%.c build/rel/libwangge.a
	@mkdir -p $(@D)
	@echo "  LD      $@"; $(CC) $(REL_CFLAGS) -o $@ $(filter %.c %.a,$^) $(PKG_LIBS) -lm

# ---- test build (sanitizers) ------------------------------------------------------
build/test/%.o: %.c | build/gen/embedded.c
	@mkdir -p $(@D)
	@echo "  CC+san  $<"; $(CC) $(TEST_CFLAGS) -c -o $@ $<

build/test/libwangge.a: $(TEST_OBJ)
	@echo "  AR      $@"; rm -f $@; ar rcs $@ $^

build/test/wangge: build/test/src/main.o build/test/libwangge.a
	$(CC) $(TEST_LDFLAGS) -o $@ $(filter %.o %.a,$^) $(PKG_LIBS) -lm

build/test/unit/%: tests/unit/%.c build/test/libwangge.a
	@mkdir -p $(@D)
	@echo "  LD+san  $@"; $(CC) $(TEST_CFLAGS) -Itests/unit $(TEST_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(PKG_LIBS) -lcmocka -lm

tests-build: build/test/wangge build/wangge $(UNIT_BIN) $(MO)

# ---- the two commands ---------------------------------------------------------
test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory -j2 tests-build
	@tests/run.sh

RUN_DIR ?= run
RUN_DB  ?= $(RUN_DIR)/county.db
RUN_LISTEN ?= 127.0.0.1:2222
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory -j2 all
	@mkdir -p $(RUN_DIR)
	@if [ ! -f $(RUN_DB) ]; then build/wangge init --db $(RUN_DB) --demo; \
	 else echo "wangge: using existing $(RUN_DB) (delete it for a fresh demo county)"; fi
	@build/wangge check --db $(RUN_DB) --summary
	build/wangge serve --db $(RUN_DB) --listen $(RUN_LISTEN) --hostkey $(RUN_DIR)/hostkey

bench:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory -j2 all $(BENCH_BIN)
	@tests/bench/run.sh

# ---- upkeep -------------------------------------------------------------------
lint:
	@echo "  clang-format --dry-run --Werror (all sources)"; clang-format --dry-run --Werror $(SRC) $(wildcard src/*/*.h) $(UNIT_SRC) $(BENCH_SRC) tools/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --inline-suppr --suppress=missingIncludeSystem -Isrc -Ibuild/gen src

install: build/wangge $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/keymaps $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5
	install -m 0755 build/wangge $(DESTDIR)$(BINDIR)/wangge
	install -m 0644 keymaps/*.keys $(DESTDIR)$(DATADIR)/keymaps/
	install -m 0644 docs/wangge.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 docs/wangge-keys.5 $(DESTDIR)$(MANDIR)/man5/
	@for po in po/*.po; do lang=$$(basename $$po .po); \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
	  msgfmt -o $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/wangge.mo $$po; done

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
