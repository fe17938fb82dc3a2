#!/usr/bin/env bash
# bench/citus.sh: the distributed benchmark.  Starts a Citus cluster (a
# coordinator and two workers on 127.0.0.1) and a single node, loads the
# same generated data into both (about 400,000 observations of 1,240 units
# over 40 quarters; HATRUNG_CITUS_BENCH_DISTRICTS=N for N districts of 60
# communes, default 20), distributes it with hatrung.distribute_data_model(),
# and prints for
#   1. quarterly_series not grouped by the distribution column (grouped by
#      unit code and indicator: the code is not unit_id, so Citus aggregates
#      partially on the workers and combines on the coordinator)
#   2. one quarter nationwide of quarterly_report
# the 3-node time against the 1-node time (best of 3, same run), and the rows
# the workers send to the coordinator against the rows the query reads: the
# goal is that only partial states travel, never raw rows.  Every node
# shares this machine's cores, so the time ratio is reported, not a target.
# Never run in CI.
#
# Rows shipped come from pg_stat_statements on the workers (the rows their
# shard queries returned): Citus's EXPLAIN ANALYZE cannot run a query whose
# custom aggregates are split into worker_partial_agg / coord_combine_agg
# (citusdata/citus#4043, 'column "field_0" has pseudo-type cstring'); the
# EXPLAIN ANALYZE figure is printed too when it works.
#
#   bench/citus.sh                 build, install, run (as root: the servers run as postgres)
#   HATRUNG_NO_BUILD=1 bench/citus.sh   use the hatrung already installed
set -u
. "$(dirname "$0")/../scripts/lib.sh"
cd "$REPO_ROOT"
export PATH="$PGBIN:$PATH"
CITUS_PGBIN=$PGBIN
. test/scenarios/lib/citus.sh
DISTRICTS=${HATRUNG_CITUS_BENCH_DISTRICTS:-20}
BASE=${HATRUNG_CITUS_PORT:-56432}
C=$BASE
W1=$((BASE + 1))
W2=$((BASE + 2))
S=$((BASE + 3))
DB=hatrung_bench

ensure_packages || exit 1
# HATRUNG_NO_BUILD=1: use the hatrung already installed
[ -n "${HATRUNG_NO_BUILD:-}" ] || build_and_install || exit 1
if ! citus_installed; then
	tarball=$REPO_ROOT/../shared/vendor/citus-13.2.2.tar.gz
	[ -f "$tarball" ] || { echo "citus is not installed and $tarball is missing" >&2; exit 1; }
	as_root bash "$(dirname "$tarball")/build-citus.sh" "$PG_CONFIG" || exit 1
fi

trap citus_stop_all EXIT
trap 'exit 130' INT TERM
CITUS_EXTRA_OPTS="-c shared_buffers=512MB -c max_wal_size=4GB -c work_mem=64MB -c jit=off -c max_parallel_workers_per_gather=0"
citus_start coord "$C" citus,pg_stat_statements && citus_start worker1 "$W1" citus,pg_stat_statements &&
	citus_start worker2 "$W2" citus,pg_stat_statements && citus_start single "$S" || exit 1
citus_cluster_db "$DB" "$C" "$W1" "$W2" && citus_single_db "$DB" "$S" || exit 1
cq "$C" -d "$DB" -c "CREATE EXTENSION pg_stat_statements" || exit 1

# The same rows on both, loaded before distributing (distribute_data_model()
# keeps them): the demo's indicators, generated units, and observations of
# 2015-Q1 .. 2024-Q4 with gaps and a second vintage for a quarter of them.
{
	citus_units_sql "$DISTRICTS" 60
	cat <<'SQL'
INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value, source)
SELECT u.unit_id, i.code, q.period, v.vintage,
	   round((abs(hashtext(u.code || i.code)) % 1000 + 10) * (1 + q.g * 0.01) * (1 + (q.g % 4) * 0.05) * v.f, 1),
	   'GENERATED bench data'
FROM hatrung.admin_unit u
CROSS JOIN hatrung.indicator i
CROSS JOIN (SELECT g, '2015-Q1'::hatrung.quarter OPERATOR(hatrung.+) g AS period FROM generate_series(0, 39) AS g) q
CROSS JOIN (VALUES ('official', 1.0), ('estimate', 0.97)) AS v(vintage, f)
WHERE u.code LIKE 'T90D%'
  AND hatrung.quarter_start(q.period) >= u.valid_from
  AND (u.valid_to IS NULL OR hatrung.quarter_end(q.period) < u.valid_to)
  AND (v.vintage = 'official' OR (u.unit_id + q.g) % 4 = 0)
  AND (u.unit_id * 7 + q.g * 3 + length(i.code)) % 17 <> 0;
SQL
} >"$CITUS_TMP/data.sql"
echo "== loading the same data into the single node and the coordinator"
for p in "$S" "$C"; do
	cq "$p" -d "$DB" -c "SELECT hatrung.load_demo()" -f "$CITUS_TMP/data.sql" >/dev/null || exit 1
done
summary=$(cq "$C" -d "$DB" -c "SELECT hatrung.distribute_data_model()") || exit 1
echo "== distribute_data_model(): $summary"
for p in "$S" "$C"; do
	cq "$p" -d "$DB" -c "VACUUM ANALYZE" || exit 1
done
rows=$(cq "$S" -d "$DB" -c "SELECT count(*) FROM hatrung.observation")
shards=$(cq "$C" -d "$DB" -c "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'hatrung.observation'::regclass")
[ "$rows" = "$(cq "$C" -d "$DB" -c "SELECT count(*) FROM hatrung.observation")" ] ||
	{ echo "the two databases differ" >&2; exit 1; }

best_ms() {	# <port> <query>: best of 3, in ms
	# (Citus warns that temporary functions stay on the coordinator)
	cq "$1" -d "$DB" -c "SET client_min_messages = error" -f bench/lib.sql \
		-c "SELECT pg_temp.bench_time(\$q\$$2\$q\$, 3)" | tail -1
}
# explain_rows <query>: rows of the Citus scan in EXPLAIN ANALYZE, or why not
explain_rows() {
	local out
	out=$(cq "$C" -d "$DB" -c "EXPLAIN (ANALYZE, VERBOSE) $1" 2>&1)
	if echo "$out" | grep -q '^ERROR'; then
		echo "fails: $(echo "$out" | grep -m1 '^ERROR' | sed 's/^ERROR: *//')"
	else
		echo "$out" | grep -m1 'Custom Scan (Citus Adaptive)' | sed -n 's/.*actual time=[^ ]* rows=\([0-9]*\).*/\1/p'
	fi
}

Q1="SELECT u.code, o.indicator_code, hatrung.quarterly_series(o.value, o.period, o.vintage_rank) FROM hatrung.observation o JOIN hatrung.admin_unit u USING (unit_id) GROUP BY u.code, o.indicator_code"
Q1_INPUT="SELECT count(*) FROM hatrung.observation"
Q2="SELECT count(*), sum(yoy_pct) FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'"
Q2_INPUT="SELECT count(*) FROM hatrung.observation WHERE period OPERATOR(hatrung.>=) '2022-Q1' AND period OPERATOR(hatrung.<=) '2023-Q1'"

echo "== bench/citus.sh: $rows observations; 3 nodes (coordinator + 2 workers, $shards shards) vs 1 node;" \
	"$(nproc) cores shared by all nodes; PostgreSQL $(cq "$S" -d "$DB" -c 'SHOW server_version'), Citus $(cq "$C" -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'")"
printf '%-44s | %9s | %9s | %9s | %10s | %13s | %6s | %s\n' benchmark "1-node ms" "3-node ms" "ratio 3/1" "input rows" "rows shipped" "tasks" "EXPLAIN ANALYZE rows"
for b in "quarterly_series by unit code (not unit_id)|$Q1|$Q1_INPUT" "quarterly_report, one quarter nationwide|$Q2|$Q2_INPUT"; do
	IFS='|' read -r label query input <<<"$b"
	one=$(best_ms "$S" "$query")
	three=$(best_ms "$C" "$query")
	ratio=$(awk -v a="$three" -v b="$one" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	read -r sent tasks <<<"$(citus_rows_shipped "$C" "$DB" "$query")"
	printf '%-44s | %9s | %9s | %9s | %10s | %13s | %6s | %s\n' "$label" "$one" "$three" "$ratio" \
		"$(cq "$S" -d "$DB" -c "$input")" "$sent" "$tasks" "$(explain_rows "$query")"
done
echo "rows shipped: rows the workers' shard queries returned to the coordinator (pg_stat_statements on the workers);"
echo "goal: partial states only (one row per group and shard), far fewer than the input rows; never raw rows."
