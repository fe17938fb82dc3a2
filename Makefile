# hatrung — PGXS build.
#
#   make && make install        build and install into the pg_config found first
#   make installcheck           pg_regress tests (sql/, expected/) against a running server
#   make unittest               C unit tests of the pure core, no server needed
#   make unittest-sanitize      the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make unittest-valgrind      the same under valgrind memcheck
#
# The README's two commands (scripts/demo.sh, scripts/test.sh) wrap all of this.

PG_CONFIG ?= pg_config

EXTENSION = hatrung
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" hatrung.control)

MODULE_big = hatrung
OBJS = \
	src/common/hatrung.o \
	src/quarter/quarter_core.o \
	src/quarter/quarter_io.o \
	src/quarter/quarter_ops.o \
	src/quarter/quarter_series.o \
	src/quarter/quarter_period.o \
	src/growth/growth_core.o \
	src/growth/growth_scalar.o \
	src/growth/numeric_fast.o \
	src/growth/growth_window.o \
	src/growth/qseries_core.o \
	src/growth/qseries_io.o \
	src/growth/qseries_agg.o \
	src/growth/qseries_partial.o \
	src/vnnum/vnnum_core.o \
	src/vnnum/vnnum_pg.o \
	src/data/import_pg.o \
	src/season/season_core.o \
	src/season/season_pg.o \
	src/ntm/ntm_core.o \
	src/ntm/ntm_pg.o \
	src/ntm/ntm_score.o \
	src/ntm/ntm_rules_core.o \
	src/ntm/ntm_rules.o \
	src/security/drop_guard.o

# The install script is assembled from one SQL file per feature, in order.
# (cumulative.sql comes after the NTM files because an update from 1.1 adds
# its tables last, and the order of the extension's configuration tables is
# part of what the upgrade test compares; the report views and the import
# view read it, so they come after it.)
SQL_PARTS = \
	src/common/header.sql \
	src/security/roles.sql \
	src/quarter/quarter.sql \
	src/growth/growth.sql \
	src/growth/growth_window.sql \
	src/growth/qseries.sql \
	src/vnnum/vnnum.sql \
	src/data/data_model.sql \
	src/data/history.sql \
	src/ntm/ntm_model.sql \
	src/ntm/ntm.sql \
	src/ntm/ntm_import.sql \
	src/ntm/ntm_demo.sql \
	src/data/cumulative.sql \
	src/data/published_index.sql \
	src/ntm/ntm_2026.sql \
	src/season/season.sql \
	src/data/season_figure.sql \
	src/data/plan_period.sql \
	src/data/views.sql \
	src/data/report.sql \
	src/data/demo.sql \
	src/data/gso_demo.sql \
	src/data/import.sql \
	src/data/distribute.sql \
	src/security/drop_guard.sql

# Releases.  A released version's install script is frozen under
# src/releases/ (with its checksum in src/releases/SHA256SUMS) and never edited
# again; every later SQL change goes into the next version, whose install
# script is assembled from SQL_PARTS, plus an upgrade script
# src/releases/hatrung--OLD--NEW.sql.  test/scenarios/upgrade.sh checks that
# "updated from each release" and "fresh" installs dump identically.
RELEASED_SCRIPT = src/releases/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(sort $(wildcard src/releases/$(EXTENSION)--*.sql))
ifeq ($(wildcard $(RELEASED_SCRIPT)),)
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
endif

REGRESS = quarter_io quarter_ops quarter_index quarter_range season plan_period growth_scalar growth_window qseries data gso ntm security roles drop_guard catalog
REGRESS_OPTS = --load-extension=$(EXTENSION)

# -Wextra on our code; the server headers are marked as system headers so
# their unused inline parameters do not drown our own warnings.
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wall -Wextra

EXTRA_CLEAN = test/unit/*.bin test/fuzz/*.fuzz results/ regression.diffs regression.out

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Supported: PostgreSQL 14 to 18 (MAJORVERSION comes from PGXS).  Older
# servers stop here with a clear message rather than deep in the C build.
ifeq ($(shell test "$(firstword $(subst ., ,$(MAJORVERSION)))" -lt 14 2>/dev/null && echo old),old)
$(error hatrung supports PostgreSQL 14 to 18; $(PG_CONFIG) is PostgreSQL $(MAJORVERSION))
endif

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $^ > $@

# When default_version is a released version, the sources must still be
# exactly its frozen script: an SQL change needs a new version.
ifneq ($(wildcard $(RELEASED_SCRIPT)),)
all: release-guard
endif
.PHONY: release-guard
release-guard:
	@cat $(SQL_PARTS) | cmp -s - $(RELEASED_SCRIPT) || { \
		echo "error: src/*/*.sql differ from the released $(RELEASED_SCRIPT)." >&2; \
		echo "hint: set default_version in $(EXTENSION).control to the next version and" >&2; \
		echo "      write src/releases/$(EXTENSION)--$(EXTVERSION)--NEXT.sql for the change." >&2; \
		exit 1; }

# --- C unit tests of the pure core (no PostgreSQL headers) -------------------

UNIT_CFLAGS = -std=c99 -Wall -Wextra -Werror -g -O1
UNIT_TESTS = test/unit/test_quarter_core test/unit/test_growth_core test/unit/test_qseries_core \
	test/unit/test_vnnum_core test/unit/test_ntm_core test/unit/test_ntm_rules_core test/unit/test_season_core
UNIT_SRC_test/unit/test_quarter_core = src/quarter/quarter_core.c
UNIT_SRC_test/unit/test_growth_core = src/growth/growth_core.c -lm
UNIT_SRC_test/unit/test_qseries_core = src/growth/qseries_core.c src/quarter/quarter_core.c
UNIT_SRC_test/unit/test_vnnum_core = src/vnnum/vnnum_core.c
UNIT_SRC_test/unit/test_ntm_core = src/ntm/ntm_core.c
UNIT_SRC_test/unit/test_ntm_rules_core = src/ntm/ntm_rules_core.c src/ntm/ntm_core.c
UNIT_SRC_test/unit/test_season_core = src/season/season_core.c

test/unit/%.bin: test/unit/%.c test/unit/unit.h $(wildcard src/*/*_core.[ch])
	$(CC) $(UNIT_CFLAGS) $(UNIT_EXTRA) -o $@ $< $(UNIT_SRC_test/unit/$*)

test/unit/%.san.bin: test/unit/%.c test/unit/unit.h $(wildcard src/*/*_core.[ch])
	clang $(UNIT_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		-o $@ $< $(UNIT_SRC_test/unit/$*)

.PHONY: unittest unittest-sanitize unittest-valgrind
unittest: $(addsuffix .bin,$(UNIT_TESTS))
	@rc=0; for t in $^; do ./$$t || rc=1; done; exit $$rc

unittest-sanitize: $(addsuffix .san.bin,$(UNIT_TESTS))
	@rc=0; for t in $^; do ./$$t || rc=1; done; exit $$rc

unittest-valgrind: $(addsuffix .bin,$(UNIT_TESTS))
	@rc=0; for t in $^; do \
		valgrind --quiet --error-exitcode=99 --leak-check=full ./$$t || rc=1; \
	done; exit $$rc

# --- libFuzzer harnesses of the parsers (clang) -------------------------------
# Harness test/fuzz/fuzz_X starts from the seed corpus test/fuzz/corpus/X.
#   make fuzz                    every harness for FUZZ_SECONDS (default 60) each
#   make fuzz FUZZ_SECONDS=3600  an hour each
FUZZ_SECONDS ?= 60
FUZZERS = test/fuzz/fuzz_quarter test/fuzz/fuzz_vnnum test/fuzz/fuzz_qseries_text test/fuzz/fuzz_qseries_recv \
	test/fuzz/fuzz_ntm_rules test/fuzz/fuzz_season
FUZZ_SRC_test/fuzz/fuzz_quarter = src/quarter/quarter_core.c
FUZZ_SRC_test/fuzz/fuzz_vnnum = src/vnnum/vnnum_core.c
FUZZ_SRC_test/fuzz/fuzz_qseries_text = src/growth/qseries_core.c src/quarter/quarter_core.c
FUZZ_SRC_test/fuzz/fuzz_qseries_recv = src/growth/qseries_core.c src/quarter/quarter_core.c
FUZZ_SRC_test/fuzz/fuzz_ntm_rules = src/ntm/ntm_rules_core.c src/ntm/ntm_core.c
FUZZ_SRC_test/fuzz/fuzz_season = src/season/season_core.c

test/fuzz/%.fuzz: test/fuzz/%.c $(wildcard src/*/*_core.[ch])
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o $@ $< $(FUZZ_SRC_test/fuzz/$*)

.PHONY: fuzz
fuzz: $(addsuffix .fuzz,$(FUZZERS))
	@rc=0; for f in $(FUZZERS); do \
		work=$$(mktemp -d); \
		./$$f.fuzz -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$$work/ $$work test/fuzz/corpus/$${f#test/fuzz/fuzz_} >$$work.log 2>&1; st=$$?; \
		grep -E "^(stat::number_of_executed_units|==.*ERROR|SUMMARY)" $$work.log | sed "s|^|$$f: |"; \
		if [ $$st != 0 ]; then rc=1; tail -30 $$work.log; ls $$work; fi; \
		echo "$$f: exit $$st"; rm -rf $$work $$work.log; \
	done; exit $$rc
