#!/usr/bin/env bash
# pg_upgrade of a cluster that holds hatrung with data: the DROP guard lets
# pg_upgrade's binary-upgrade restore through, and afterwards the figures,
# their history, the reports, the indexes and the guard itself are as before.
# Both clusters use the server the tests run against (pg_upgrade supports an
# upgrade to the same major version, which is what PostgreSQL's own pg_upgrade
# test does); they live in a temporary directory and are always stopped.
. "$(dirname "$0")/lib/tap.sh"
set -u
BIN=$(pg_config --bindir)
if [ ! -x "$BIN/pg_upgrade" ]; then
	echo "1..0 # SKIP $BIN/pg_upgrade missing"
	exit 0
fi
tap_plan 7
OLD_PORT=${HATRUNG_UPGRADE_PORT:-56460}
NEW_PORT=$((OLD_PORT + 1))
DIR=$(mktemp -d /tmp/hatrung-pg_upgrade.XXXXXX)
chmod 755 "$DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
cleanup() {
	for d in old new; do
		as_pg "$BIN/pg_ctl" -D "$DIR/$d" -m fast -w stop >/dev/null 2>&1
	done
	rm -rf "$DIR"
}
trap cleanup EXIT
start() { # data directory, port
	as_pg "$BIN/pg_ctl" -D "$DIR/$1" -l "$DIR/$1.log" -w \
		-o "-p $2 -k $DIR -c listen_addresses= -c fsync=off" start >/dev/null
}
p() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$DIR" -U postgres -d hatrung_up "$@"; }

# The state compared before and after: every observation and its history,
# the report, NTM statuses, and what the guard protects.
state() {
	p -p "$1" -c "SELECT md5(string_agg(o::text, ',' ORDER BY o.unit_id, o.obs_id)) FROM hatrung.observation o" \
		-c "SELECT count(*) FROM hatrung.observation_history" \
		-c "SELECT md5(hatrung.quarter_report('392', '2023-Q1'::hatrung.quarter))" \
		-c "SELECT md5(string_agg(s::text, ',' ORDER BY s::text)) FROM hatrung.ntm_commune_status s" \
		-c "SELECT string_agg(format('%s=%s', t, n), ' ' ORDER BY t) FROM hatrung.user_rows() AS u(t, n)"
}

for d in old new; do
	as_pg "$BIN/initdb" -D "$DIR/$d" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb-$d.log" 2>&1 || break
done
start old "$OLD_PORT" &&
	psql -X -q -h "$DIR" -p "$OLD_PORT" -U postgres -d postgres -c "CREATE DATABASE hatrung_up" &&
	p -p "$OLD_PORT" -c "CREATE EXTENSION hatrung" -c "SELECT hatrung.load_demo()" -c "SELECT hatrung.load_ntm_demo()" \
		-c "UPDATE hatrung.observation SET value = value + 1 WHERE indicator_code = 'MEAT_OUTPUT'" >/dev/null
tap_ok $? "a cluster with hatrung, the demo data and an update in the history"
before=$(state "$OLD_PORT")
rows_before=$(p -p "$OLD_PORT" -c "SELECT count(*) FROM hatrung.observation")
as_pg "$BIN/pg_ctl" -D "$DIR/old" -m fast -w stop >/dev/null

(cd "$DIR" && as_pg "$BIN/pg_upgrade" -b "$BIN" -B "$BIN" -d "$DIR/old" -D "$DIR/new" \
	-p "$OLD_PORT" -P "$NEW_PORT" -s "$DIR" >"$DIR/pg_upgrade.out" 2>&1)
rc=$?
tap_ok $rc "pg_upgrade runs through: the DROP guard lets the binary-upgrade restore pass"
[ $rc != 0 ] && tail -20 "$DIR/pg_upgrade.out" | sed 's/^/#   /'

start new "$NEW_PORT"
after=$(state "$NEW_PORT")
tap_is "$after" "$before" "after pg_upgrade: observations, history, report, NTM statuses and user rows as before"
tap_is "$(p -p "$NEW_PORT" -c "SELECT extversion FROM pg_extension WHERE extname = 'hatrung'")" \
	"$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$(dirname "$0")/../../hatrung.control")" "the extension's version is kept"
# bt_index_check raises an error for a damaged index: every index must be
# checked without one (the count of checked indexes is compared).
indexes="FROM pg_class c JOIN pg_am a ON a.oid = c.relam AND a.amname = 'btree'
	WHERE c.relnamespace = 'hatrung'::regnamespace AND c.relkind = 'i'"
tap_is "$(p -p "$NEW_PORT" -c "CREATE EXTENSION IF NOT EXISTS amcheck" \
	-c "SELECT count(bt_index_check(c.oid, true)::text) $indexes" 2>&1)" \
	"$(p -p "$NEW_PORT" -c "SELECT count(*) $indexes")" \
	"every btree index of the extension passes amcheck (with heap check)"
out=$(p -p "$NEW_PORT" -v VERBOSITY=verbose -c "DROP EXTENSION hatrung CASCADE" 2>&1)
tap_is "$(echo "$out" | sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' | head -1)" "2BP01" \
	"after pg_upgrade the DROP guard still refuses to drop the extension with user data (2BP01)"
tap_is "$(p -p "$NEW_PORT" -c "SELECT count(*) FROM hatrung.observation" 2>&1)" "$rows_before" \
	"and every observation is still there"
