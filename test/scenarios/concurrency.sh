#!/usr/bin/env bash
# Several clients update the same observation and the same plan at once
# (pgbench): every transaction commits, and the history holds every
# replaced version, so nothing is lost.  The updates touch the two rows in
# one fixed order (observation, then plan), so they queue on row locks and
# never deadlock.
. "$(dirname "$0")/lib/tap.sh"
tap_plan 5
set -u
DB=hatrung_concurrency
CLIENTS=${HATRUNG_BENCH_CLIENTS:-8}
TX=${HATRUNG_BENCH_TX:-250}
SCRIPT=$(mktemp /tmp/hatrung-pgbench.XXXXXX)
trap 'rm -f "$SCRIPT" "$SCRIPT.log"; dropdb --if-exists "$DB" 2>/dev/null' EXIT

dropdb --if-exists "$DB" 2>/dev/null
createdb "$DB" && q -d "$DB" -c "CREATE EXTENSION hatrung" -c "SELECT hatrung.load_demo()" >/dev/null
tap_ok $? "database with the demo data"

OBS=$(q -d "$DB" -c "SELECT o.obs_id FROM hatrung.observation o JOIN hatrung.admin_unit u USING (unit_id) WHERE u.code = '392' AND o.indicator_code = 'MEAT_OUTPUT' AND o.period::text = '2023-Q1'")
cat >"$SCRIPT" <<SQL
\set v random(1, 1000000)
BEGIN;
UPDATE hatrung.observation SET value = :v WHERE obs_id = $OBS;
UPDATE hatrung.annual_plan SET value = :v WHERE indicator_code = 'EXPORT_VALUE';
END;
SQL
pgbench -n -c "$CLIENTS" -j 2 -t "$TX" -f "$SCRIPT" "$DB" >"$SCRIPT.log" 2>&1
rc=$?
processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$SCRIPT.log")
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$SCRIPT.log")
tap_ok $rc "pgbench: $CLIENTS clients x $TX transactions on the same rows"
tap_is "${processed:-0}/${failed:-0}" "$((CLIENTS * TX))/0" "every transaction committed, none failed (no deadlock)"
tap_is "$(q -d "$DB" -c "SELECT count(*) FROM hatrung.observation_history WHERE obs_id = $OBS AND operation = 'UPDATE'")" \
	"$((CLIENTS * TX))" "the observation's history holds every replaced version"
tap_is "$(q -d "$DB" -c "SELECT count(*) FROM hatrung.annual_plan_history WHERE indicator_code = 'EXPORT_VALUE' AND operation = 'UPDATE'")" \
	"$((CLIENTS * TX))" "the plan's history holds every replaced version"
grep -E "^(tps|latency average|number of transactions)" "$SCRIPT.log" | sed 's/^/# /'
[ "$TAP_FAILED" = 0 ]
