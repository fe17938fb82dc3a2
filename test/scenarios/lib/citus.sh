# test/scenarios/lib/citus.sh — throwaway Citus clusters for the scenarios
# and the distributed benchmark (bench/citus.sh).
#
#   . test/scenarios/lib/citus.sh
#   citus_installed || skip ...
#   citus_start coord 56432 citus        # name, port, [shared_preload_libraries]
#   citus_start single 56435             # a plain node, for comparison
#   citus_cluster_db mydb 56432 56433 56434   # database with Citus and hatrung on every node
#   cq 56432 mydb -c "SELECT ..."        # psql over TCP, bare values, stop at the first error
#   (citus_stop_all runs on exit: every node is stopped, its directory removed)
#
# Each node runs as the 'postgres' OS user when we are root (PostgreSQL
# refuses root), in its own directory under one mktemp -d, listens on
# 127.0.0.1 only (Citus's nodes talk over TCP: citus_add_node needs a host
# name, not a socket directory), trusts local connections, and keeps its
# socket in its directory.  The data directories are copies of one initdb,
# made with the test cluster's encoding and locale, so orders match.

CITUS_PGBIN=${CITUS_PGBIN:-$(pg_config --bindir)}
CITUS_TMP=""
CITUS_NODES=""		# "name:port" of every node started

citus_pkglibdir() { "$CITUS_PGBIN/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir; }

# True when the server's library directory has Citus.
citus_installed() { [ -f "$(citus_pkglibdir)/citus.so" ]; }

citus_as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# cq <port> <psql arguments>: bare values over TCP as postgres, stopping at the first error.
cq() {
	local port=$1
	shift
	"$CITUS_PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# citus_sqlstate <port> <db> <sql> [sql ...]: runs the statements in one
# session (each -c on its own, not stopping at an error) and prints the
# SQLSTATE of the last error, or 00000 when none failed.  (Read from the
# verbose error text: psql's SQLSTATE variable is not set by \copy.)
citus_sqlstate() {
	local port=$1 db=$2 a=() s code
	shift 2
	for s in "$@"; do a+=(-c "$s"); done
	code=$("$CITUS_PGBIN/psql" -X -q -A -t -v VERBOSITY=verbose -h 127.0.0.1 -p "$port" -U postgres -d "$db" \
		"${a[@]}" 2>&1 >/dev/null | sed -n 's/^\(psql:.*: \)\{0,1\}ERROR:  \([0-9A-Z]\{5\}\): .*/\2/p' | tail -1)
	echo "${code:-00000}"
}

citus_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# citus_start <name> <port> [preload]: initialises (first call: initdb,
# later: a copy of it) and starts a node; preload is its
# shared_preload_libraries (citus, or e.g. citus,pg_stat_statements).
citus_start() {
	local name=$1 port=$2 preload=${3:-} dir opts
	if ! citus_port_free "$port"; then
		echo "port $port is in use on 127.0.0.1 (another test run?)" >&2
		return 1
	fi
	if [ -z "$CITUS_TMP" ]; then
		CITUS_TMP=$(mktemp -d /tmp/hatrung-citus.XXXXXX) || return 1
		chmod 755 "$CITUS_TMP"
		[ "$(id -u)" = 0 ] && chown postgres: "$CITUS_TMP"
		citus_as_pg "$CITUS_PGBIN/initdb" -D "$CITUS_TMP/template" -U postgres -A trust -E UTF8 \
			--locale=C.UTF-8 >"$CITUS_TMP/initdb.log" 2>&1 ||
			{ cat "$CITUS_TMP/initdb.log" >&2; return 1; }
	fi
	dir=$CITUS_TMP/$name
	citus_as_pg mkdir "$dir" && citus_as_pg cp -a "$CITUS_TMP/template" "$dir/data" || return 1
	opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
	opts="$opts -c full_page_writes=off -c max_connections=200 ${CITUS_EXTRA_OPTS:-}"
	[ -n "$preload" ] && opts="$opts -c shared_preload_libraries=$preload"
	CITUS_NODES="$CITUS_NODES $name:$port"
	citus_as_pg "$CITUS_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null ||
		{ tail -20 "$dir/server.log" >&2; return 1; }
}

# Stops every node started and removes their directory.
citus_stop_all() {
	local n
	[ -n "$CITUS_TMP" ] && [ -d "$CITUS_TMP" ] || return 0
	for n in $CITUS_NODES; do
		citus_as_pg "$CITUS_PGBIN/pg_ctl" -D "$CITUS_TMP/${n%%:*}/data" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$CITUS_TMP"
	CITUS_TMP=""
	CITUS_NODES=""
}

# citus_logs [lines] [prefix]: the end of every node's server log (errors first).
citus_logs() {
	local lines=${1:-30} prefix=${2:-# } n
	for n in $CITUS_NODES; do
		echo "${prefix}--- ${n%%:*} (port ${n##*:}) server.log"
		grep -E 'ERROR|FATAL|PANIC|WARNING' "$CITUS_TMP/${n%%:*}/server.log" 2>/dev/null | tail -"$lines" | sed "s/^/$prefix/"
	done
}

# citus_cluster_db <db> <coordinator port> <worker port> ...: the database on
# every node, CREATE EXTENSION citus on every node, the workers registered on
# the coordinator, then CREATE EXTENSION hatrung on the coordinator only:
# Citus creates it on the workers (creating it on a registered worker fails).
citus_cluster_db() {
	local db=$1 coord=$2 p
	shift 2
	for p in "$coord" "$@"; do
		cq "$p" -d postgres -c "CREATE DATABASE $db" &&
			cq "$p" -d "$db" -c "CREATE EXTENSION citus" || return 1
	done
	cq "$coord" -d "$db" -c "SELECT citus_set_coordinator_host('127.0.0.1', $coord)" >/dev/null || return 1
	for p in "$@"; do
		cq "$coord" -d "$db" -c "SELECT citus_add_node('127.0.0.1', $p)" >/dev/null || return 1
	done
	cq "$coord" -d "$db" -c "CREATE EXTENSION hatrung"
}

# citus_single_db <db> <port>: a database with hatrung only.
citus_single_db() {
	cq "$2" -d postgres -c "CREATE DATABASE $1" && cq "$2" -d "$1" -c "CREATE EXTENSION hatrung"
}

# citus_units_sql <districts> <communes per district>: SQL creating GENERATED
# units (code T90, T90D<d>, T90D<d>C<cc>): a province, its districts and
# their communes, where communes 01 and 02 of each district merge into a new
# commune 00 on 1 Jan 2023 (a succession); two more indicators (a stock and
# a ratio); plans; NTM zones and measurements of 2023.  Deterministic: the
# same SQL gives the same rows on every database.
citus_units_sql() {
	local districts=$1 communes=$2
	cat <<SQL
INSERT INTO hatrung.indicator (code, name_vi, name_en, unit_of_measure, kind, decimals, display_order) VALUES
	('T_CATTLE', 'Đàn trâu bò (thử nghiệm)', 'Cattle herd (generated)', 'con', 'stock', 0, 200),
	('T_POVERTY', 'Tỷ lệ hộ nghèo (thử nghiệm)', 'Poor households (generated)', '%', 'ratio', 2, 210);
INSERT INTO hatrung.admin_unit (code, name, level, valid_from, source)
VALUES ('T90', 'Tỉnh Thử Nghiệm', 'province', '2000-01-01', 'GENERATED test unit');
INSERT INTO hatrung.admin_unit (code, name, level, parent_id, valid_from, source)
SELECT 'T90D' || d, 'Huyện Thử Nghiệm ' || d, 'district', p.unit_id, '2000-01-01', 'GENERATED test unit'
FROM generate_series(1, $districts) AS d, hatrung.admin_unit p WHERE p.code = 'T90' ORDER BY d;
INSERT INTO hatrung.admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
SELECT format('T90D%sC%s', d, lpad(c::text, 2, '0')), format('Xã Thử Nghiệm %s-%s', d, c), 'commune', p.unit_id,
	   '2000-01-01', CASE WHEN c <= 2 THEN date '2023-01-01' END, 'GENERATED test unit'
FROM generate_series(1, $districts) AS d JOIN hatrung.admin_unit p ON p.code = 'T90D' || d,
	 generate_series(1, $communes) AS c
ORDER BY d, c;
INSERT INTO hatrung.admin_unit (code, name, level, parent_id, valid_from, source)
SELECT format('T90D%sC00', d), format('Xã Thử Nghiệm %s-00', d), 'commune', p.unit_id, '2023-01-01', 'GENERATED test unit'
FROM generate_series(1, $districts) AS d JOIN hatrung.admin_unit p ON p.code = 'T90D' || d ORDER BY d;
INSERT INTO hatrung.unit_succession (old_unit_id, new_unit_id, effective, share, source)
SELECT o.unit_id, n.unit_id, '2023-01-01', 1, 'GENERATED merger'
FROM hatrung.admin_unit o JOIN hatrung.admin_unit n ON n.code = substr(o.code, 1, length(o.code) - 2) || '00'
WHERE o.code ~ '^T90D[0-9]+C0[12]\$' ORDER BY o.code;
-- the district council's plans, and an adjusted plan for a third of the units
INSERT INTO hatrung.annual_plan (unit_id, indicator_code, year, plan_source, value, source)
SELECT u.unit_id, i.code, y, s.code,
	   (abs(hashtext(u.code || i.code)) % 500 + 100) * CASE s.code WHEN 'adjusted' THEN 1.1 ELSE 1 END, 'GENERATED plan'
FROM hatrung.admin_unit u, (VALUES ('MEAT_OUTPUT'), ('T_CATTLE')) AS i(code), generate_series(2020, 2024) AS y,
	 (VALUES ('district_council'), ('adjusted')) AS s(code)
WHERE u.code LIKE 'T90D%' AND (s.code = 'district_council' OR abs(hashtext(u.code)) % 3 = 0);
-- NTM 2023: the communes of the year, assessed against two sets in zone BTB,
-- measurements derived from their code, a few missing
INSERT INTO hatrung.ntm_unit_zone (unit_id, set_code, year, zone, reason)
SELECT u.unit_id, s.code, 2023, 'BTB', 'GENERATED'
FROM hatrung.admin_unit u, (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS s(code)
WHERE u.code ~ '^T90D[0-9]+C' AND u.valid_from <= '2023-01-01' AND (u.valid_to IS NULL OR u.valid_to > '2023-12-31');
INSERT INTO hatrung.ntm_measurement (unit_id, year, indicator_code, value, value_yes, source)
SELECT u.unit_id, 2023, i.indicator_code,
	   CASE WHEN i.comparison <> 'yes' THEN abs(hashtext(u.code || i.indicator_code)) % 110 END,
	   CASE WHEN i.comparison = 'yes' THEN abs(hashtext(u.code || i.indicator_code)) % 9 <> 0 END,
	   'GENERATED'
FROM hatrung.admin_unit u
JOIN hatrung.ntm_indicator i ON i.set_code = 'NTM_NC_2021'
WHERE u.unit_id IN (SELECT z.unit_id FROM hatrung.ntm_unit_zone z WHERE z.reason = 'GENERATED')
  AND abs(hashtext(u.code || i.indicator_code)) % 23 <> 0;
SQL
}

# citus_rows_shipped <port> <db> <query>: "rows tasks": how many rows the
# workers' shard queries returned to the coordinator in one run of the
# query, and how many shard queries ran (pg_stat_statements on the workers:
# start the nodes with shared_preload_libraries=citus,pg_stat_statements and
# CREATE EXTENSION pg_stat_statements on the coordinator).  Citus's EXPLAIN
# ANALYZE would say it too, but fails on queries whose custom aggregates it
# splits into worker_partial_agg (citusdata/citus#4043).
citus_rows_shipped() {
	cq "$1" -d "$2" -c "SELECT count(*) FROM run_command_on_workers('SELECT pg_stat_statements_reset()')" >/dev/null &&
		cq "$1" -d "$2" -c "$3" >/dev/null &&
		cq "$1" -d "$2" -c "SELECT sum(split_part(result, ' ', 1)::bigint) || ' ' || sum(split_part(result, ' ', 2)::bigint)
			FROM run_command_on_workers(\$c\$SELECT coalesce(sum(rows), 0) || ' ' || coalesce(sum(calls), 0)
				FROM pg_stat_statements WHERE query ~ 'hatrung\.[a-z_]+_[0-9]{6,}'\$c\$)"
}
