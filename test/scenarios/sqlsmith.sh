#!/usr/bin/env bash
# Random queries (sqlsmith) over every type, function, operator, aggregate
# and view of hatrung, as a reader with hatrung on its search_path, on the
# demo data: none may crash the server.  sqlsmith itself carries on after a
# crash and exits 0, so a session opened before the run is the witness: a
# backend that dies takes every other session with it.  Afterwards every
# btree index of the extension passes amcheck.
# The seed is fixed (HATRUNG_SQLSMITH_SEED to try others), so a failure
# repeats; HATRUNG_SQLSMITH_QUERIES sets the length (10,000: about 1.5 min).
. "$(dirname "$0")/lib/tap.sh"
set -u
if ! command -v sqlsmith >/dev/null; then
	echo "1..0 # SKIP sqlsmith is not installed (Debian package sqlsmith; scripts/lib.sh installs it)"
	exit 0
fi
tap_plan 6
DB=hatrung_sqlsmith
ROLE=hatrung_sqlsmith_reader
SEED=${HATRUNG_SQLSMITH_SEED:-20261205}
QUERIES=${HATRUNG_SQLSMITH_QUERIES:-10000}
LOG=$(mktemp /tmp/hatrung-sqlsmith.XXXXXX)
WITNESS_PID=""
cleanup() {
	[ -n "$WITNESS_PID" ] && kill "$WITNESS_PID" 2>/dev/null
	psql -X -q -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB'" >/dev/null 2>&1
	dropdb --if-exists "$DB" 2>/dev/null
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1
	rm -f "$LOG"
}
trap cleanup EXIT

dropdb --if-exists "$DB" 2>/dev/null
psql -X -q -d postgres -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1
createdb "$DB" && q -d "$DB" >/dev/null <<SQL
CREATE EXTENSION hatrung;
SELECT hatrung.load_demo(), hatrung.load_ntm_demo(), hatrung.load_gso_demo();
CREATE ROLE $ROLE LOGIN IN ROLE hatrung_reader;
-- operators resolve only with the schema on the path; a reader cannot
-- change the figures; errors (most random queries are wrong) stay out of
-- the server log; no query runs long
ALTER ROLE $ROLE SET search_path = public, hatrung;
ALTER ROLE $ROLE SET statement_timeout = '2s';
ALTER ROLE $ROLE SET log_min_error_statement = panic;
ALTER ROLE $ROLE SET log_min_messages = fatal;
SQL
tap_ok $? "a database with the demo data and a reader role"

psql -X -q -d "$DB" -c "SET application_name = 'hatrung_sqlsmith_witness'; SELECT pg_sleep(3600)" >/dev/null 2>&1 &
WITNESS_PID=$!
for _ in $(seq 50); do
	[ "$(q -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hatrung_sqlsmith_witness'")" = 1 ] && break
	sleep 0.1
done
tap_is "$(q -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hatrung_sqlsmith_witness'")" \
	"1" "the witness session is open before the run"

# sqlsmith's libpq connection string: the socket directory, port and
# database of this cluster
target="dbname=$DB user=$ROLE"
[ -n "${PGHOST:-}" ] && target="$target host=$PGHOST"
[ -n "${PGPORT:-}" ] && target="$target port=$PGPORT"
timeout 1200 sqlsmith --target="$target" --seed="$SEED" --max-queries="$QUERIES" \
	--exclude-catalog --verbose >"$LOG" 2>&1
rc=$?
tap_ok "$rc" "sqlsmith ran $QUERIES queries (seed $SEED) to the end"
tap_is "$(grep -c 'Generating indexes...done' "$LOG")" "1" "... over the catalog it read at the start"

# a crash of any backend ends every session: the witness must still be
# there, in the same process
alive=no
kill -0 "$WITNESS_PID" 2>/dev/null &&
	[ "$(q -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hatrung_sqlsmith_witness'")" = 1 ] &&
	alive=yes
tap_is "$alive" "yes" "no query crashed the server: the session opened before the run is still there"
if [ "$alive" != yes ]; then
	grep -iE 'closed the connection|terminat|crash' "$LOG" | sort -u | head -10 | sed 's/^/# /'
	echo "# the server log's \"Failed process was running\" line names the query; HATRUNG_SQLSMITH_SEED=$SEED repeats the run"
fi

indexes="FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
	JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'hatrung' AND a.amname = 'btree'"
tap_is "$(q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS amcheck" \
	-c "SELECT count(bt_index_check(c.oid, true)::text) > 10 $indexes" 2>&1)" \
	"t" "every btree index of the extension passes amcheck (with heap check) after the run"
[ "$TAP_FAILED" = 0 ]
