#!/usr/bin/env bash
# The README's test command: every test of hatrung on a fresh Debian machine.
#   1. C unit tests of the pure core: plain, under ASan+UBSan, under valgrind;
#      libFuzzer runs of every parser (FUZZ_SECONDS each, default 30)
#   2. pg_regress (sql/ + expected/) against a throwaway cluster
#   3. pgTAP files (test/pgtap/) through pg_prove
#   4. TAP scenarios (test/scenarios/): dump/restore and other multi-step checks
# The cluster is stopped whatever happens. The last line is "N passed, M failed";
# the exit status is non-zero when anything failed.
#
#   scripts/test.sh                 everything, on Debian's PostgreSQL 15
#   PGBIN=/x/bin scripts/test.sh --server-only
#                                   the build and steps 2-4 on the server in /x
#                                   (scripts/test-matrix.sh: the pure C core
#                                   does not depend on the server version)
set -u
SERVER_ONLY=0
[ "${1:-}" = --server-only ] && SERVER_ONLY=1
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

PASSED=0
FAILED=0
LOGDIR=$(mktemp -d /tmp/hatrung-test.XXXXXX)

count() {	# count <passed> <failed> <what>
	PASSED=$((PASSED + $1))
	FAILED=$((FAILED + $2))
	echo "   $3: $1 passed, $2 failed"
}

# Sums the "name: N passed, M failed" lines the unit runners print.
count_unit_output() {	# <log> <what> <exit status>
	local p f
	p=$(sed -n 's/.*: \([0-9]*\) passed, [0-9]* failed$/\1/p' "$1" | awk '{s += $1} END {print s + 0}')
	f=$(sed -n 's/.*: [0-9]* passed, \([0-9]*\) failed$/\1/p' "$1" | awk '{s += $1} END {print s + 0}')
	p=${p:-0}
	f=${f:-0}
	# a crash or sanitizer report without a failed check still fails the step
	[ "$3" != 0 ] && [ "$f" = 0 ] && f=1
	count "$p" "$f" "$2"
}

# Counts TAP lines ("ok N", "not ok N") of a verbose prove / pg_prove log.
count_tap_output() {	# <log> <what> <exit status>
	local p f
	p=$(grep -cE '^[[:space:]]*ok [0-9]+' "$1")
	f=$(grep -cE '^[[:space:]]*not ok [0-9]+' "$1")
	[ "$3" != 0 ] && [ "$f" = 0 ] && f=1	# died mid-plan, wrong plan count
	count "$p" "$f" "$2"
}

ensure_packages || exit 1
build_and_install || { echo "0 passed, 1 failed"; exit 1; }
warnings=$(grep -c 'warning:' "$BUILD_LOG")
if [ "$warnings" = 0 ]; then count 1 0 "build without compiler warnings"; else
	count 0 1 "build without compiler warnings"; grep -A3 'warning:' "$BUILD_LOG" | head -40; fi
rm -f "$BUILD_LOG"

if [ $SERVER_ONLY = 0 ]; then
echo "== C unit tests of the pure core"
make -s unittest >"$LOGDIR/unit.log" 2>&1
count_unit_output "$LOGDIR/unit.log" "unit tests" $?
make -s unittest-sanitize >"$LOGDIR/unit-san.log" 2>&1
count_unit_output "$LOGDIR/unit-san.log" "unit tests under ASan+UBSan" $?
make -s unittest-valgrind >"$LOGDIR/unit-vg.log" 2>&1
count_unit_output "$LOGDIR/unit-vg.log" "unit tests under valgrind" $?
grep -hv ' passed, ' "$LOGDIR"/unit*.log | head -40

echo "== fuzzing the parsers (libFuzzer + ASan + UBSan, ${FUZZ_SECONDS:-30} s each)"
make -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-30}" >"$LOGDIR/fuzz.log" 2>&1
count "$(grep -c ': exit 0$' "$LOGDIR/fuzz.log")" "$(grep -cE ': exit [1-9]' "$LOGDIR/fuzz.log")" "fuzz harnesses without a crash"
grep -E 'executed_units|ERROR|SUMMARY' "$LOGDIR/fuzz.log" | sed 's/^/   /'
fi

echo "== starting a throwaway PostgreSQL $("$PG_CONFIG" --version | sed 's/^PostgreSQL //') cluster"
start_cluster || { echo "$PASSED passed, $((FAILED + 1)) failed"; exit 1; }

echo "== pg_regress"
make -s PG_CONFIG="$PG_CONFIG" installcheck >"$LOGDIR/regress.log" 2>&1
rc=$?
# pg_regress prints "name ... ok" up to 15 and TAP ("ok 1 - name") from 16
REGRESS_OK='\.\.\. ok|^ok [0-9]+ '
REGRESS_FAILED='\.\.\. (FAILED|failed)|^not ok [0-9]+ '
count "$(grep -cE "$REGRESS_OK" "$LOGDIR/regress.log")" \
	"$(grep -cE "$REGRESS_FAILED" "$LOGDIR/regress.log")" "pg_regress tests"
if [ $rc != 0 ]; then
	grep -E "$REGRESS_FAILED" "$LOGDIR/regress.log"
	[ -f regression.diffs ] && head -150 regression.diffs
	grep -qE "$REGRESS_FAILED" "$LOGDIR/regress.log" || { cat "$LOGDIR/regress.log"; FAILED=$((FAILED + 1)); }
fi

echo "== pgTAP"
psql -q -X -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE hatrung_tap" &&
	psql -q -X -v ON_ERROR_STOP=1 -d hatrung_tap \
		-c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION hatrung"
pg_prove --verbose -d hatrung_tap test/pgtap/*.sql >"$LOGDIR/pgtap.log" 2>&1
rc=$?
count_tap_output "$LOGDIR/pgtap.log" "pgTAP assertions" $rc
[ $rc != 0 ] && grep -B2 -A12 -E '^[[:space:]]*not ok|Dubious|Parse errors|ERROR' "$LOGDIR/pgtap.log" | head -120

# test/scenarios/citus.sh needs Citus in this server: build it from the
# tarball CI has beside the repository (Citus 13.2.2 supports 15 to 17)
CITUS_TARBALL=$REPO_ROOT/../shared/vendor/citus-13.2.2.tar.gz
CITUS_MAJOR=$("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ] && [ -f "$CITUS_TARBALL" ] &&
	[ "$CITUS_MAJOR" -ge 15 ] && [ "$CITUS_MAJOR" -le 17 ]; then
	echo "== building Citus 13.2.2 for test/scenarios/citus.sh (about 1.5 minutes)"
	if as_root bash "$(dirname "$CITUS_TARBALL")/build-citus.sh" "$PG_CONFIG" >"$LOGDIR/citus.log" 2>&1; then
		count 1 0 "Citus built from ../shared/vendor"
	else
		tail -30 "$LOGDIR/citus.log"
		count 0 1 "Citus built from ../shared/vendor"
	fi
fi

echo "== scenarios"
prove --verbose --exec bash test/scenarios/*.sh >"$LOGDIR/scenarios.log" 2>&1
rc=$?
count_tap_output "$LOGDIR/scenarios.log" "scenario checks" $rc
[ $rc != 0 ] && grep -B2 -A12 -E '^[[:space:]]*not ok|Dubious|#' "$LOGDIR/scenarios.log" | head -120

stop_cluster
rm -rf "$LOGDIR"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
