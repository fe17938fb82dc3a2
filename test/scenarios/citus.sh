#!/usr/bin/env bash
# hatrung on a real Citus cluster: a coordinator and two workers on
# loopback, beside a single node without Citus, all four started here (own
# ports, data in a temporary directory, always stopped).  The data model is
# distributed by the one documented step, hatrung.distribute_data_model();
# the demo and a generated data set (a few hundred units, five years, gaps,
# three vintages, loaded through observation_import) go into both, and every
# view and report function must give the single node's rows (md5 of the
# ordered output).  Then: the plans do the work on the workers, per-unit
# editors write their units only, a bad row leaves nothing, history and
# identity keys stay unique, and distribute_data_model() refuses what it
# cannot do, each with its SQLSTATE.
#
# Needs Citus in the server's library directory: scripts/test.sh builds it
# from ../shared/vendor/ (root) before the scenarios; this scenario builds it
# too when it is still missing.  Ports: HATRUNG_CITUS_PORT (default 56432)
# and the next three.
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/citus.sh"
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
TARBALL=$REPO/../shared/vendor/citus-13.2.2.tar.gz
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config)}
START=$(date +%s)

if ! citus_installed; then
	major=$("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
	if [ ! -f "$TARBALL" ]; then
		echo "1..0 # SKIP citus not installed and no tarball"
		exit 0
	elif [ "$major" -lt 15 ] || [ "$major" -gt 17 ]; then
		echo "1..0 # SKIP citus not installed: Citus 13.2.2 supports PostgreSQL 15 to 17, this is $major"
		exit 0
	elif [ "$(id -u)" != 0 ]; then
		echo "1..0 # SKIP citus not installed: building it from ../shared/vendor/ needs root"
		exit 0
	fi
	log=$(mktemp /tmp/hatrung-citus-build.XXXXXX)
	bash "$REPO/../shared/vendor/build-citus.sh" "$PG_CONFIG" >"$log" 2>&1
	tap_ok $? "Citus built from ../shared/vendor/ into $("$PG_CONFIG" --pkglibdir)"
	[ "$TAP_FAILED" = 0 ] || { sed 's/^/# /' "$log" | tail -30; rm -f "$log"; tap_plan "$TAP_N"; exit 1; }
	rm -f "$log"
fi

BASE=${HATRUNG_CITUS_PORT:-56432}
C=$BASE					# coordinator
W1=$((BASE + 1))
W2=$((BASE + 2))
S=$((BASE + 3))			# single node, no Citus
DIST=hatrung_dist		# demo loaded, distributed, then the generated data
FRESH=hatrung_fresh		# distributed empty, then the demo
SINGLE=hatrung_single
WORK=$(mktemp -d /tmp/hatrung-citus-work.XXXXXX)
chmod 755 "$WORK"
trap 'citus_stop_all; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

elapsed() { echo "# $(($(date +%s) - START)) s: $1"; }

# --- comparing outputs ---------------------------------------------------------------
# A query's rows as text (t::text of every column but the timestamps, uuids
# and identity values, which differ between any two databases), and their
# md5 in text order.  The columns are named: Citus deparses to_jsonb(t) or
# t.* of a subquery into an anonymous ROW(...).
VOLATILE='recorded_at|changed_at|history_id|obs_id|cum_id|fig_id|target_id'
declare -A COLS
cols_known() {	# <query>: learns its columns but the volatile ones, quoted, from the single node
	[ -n "${COLS[$1]:-}" ] || COLS[$1]=$("$CITUS_PGBIN/psql" -X -q -A -P footer=off -F $'\t' \
		-h 127.0.0.1 -p "$S" -U postgres -d "$SINGLE" -c "SELECT * FROM ($1) q LIMIT 0" 2>/dev/null |
		head -1 | tr '\t' '\n' | grep -vxE "$VOLATILE" | sed 's/"/""/g; s/.*/"&"/' | paste -sd, -)
}
cols_of() { cols_known "$1"; echo "${COLS[$1]}"; }
rows_sql() { echo "SELECT t::text AS x FROM (SELECT $2 FROM ($1) q) t"; }
md5_sql() {
	echo "SELECT md5(coalesce(string_agg(x, '|' ORDER BY x COLLATE \"C\"), '')) || ' (' || count(*) || ' rows)'
		FROM ($(rows_sql "$1" "$2")) s"
}
md5_of() {	# <port> <db> <query>
	cq "$1" -d "$2" -c "$(md5_sql "$3" "$(cols_of "$3")")" 2>&1 | head -3 | paste -sd ' ' -
}

# same <label> <query> [as_of]: the distributed database's rows equal the
# single node's (and neither is an error)
same() {
	local q=${2//@AS_OF@/${3:-}} got want cols t0=$SECONDS
	cols_known "$q"
	cols=${COLS[$q]}
	want=$(md5_of "$S" "$SINGLE" "$q")
	got=$(md5_of "$C" "$DIST" "$q")
	[[ "$want" == *ERROR* ]] && want="single node: $want"
	tap_is "$got" "$want" "$1: distributed = single node"
	if [ "$got" != "$want" ] && [[ "$got$want" != *ERROR* ]]; then
		diff <(cq "$S" -d "$SINGLE" -c "$(rows_sql "$q" "$cols") ORDER BY 1 COLLATE \"C\"" 2>&1) \
			<(cq "$C" -d "$DIST" -c "$(rows_sql "$q" "$cols") ORDER BY 1 COLLATE \"C\"" 2>&1) |
			head -8 | cut -c1-300 | sed 's/^/#   /'
	fi
	[ $((SECONDS - t0)) -ge 3 ] && echo "#   ($((SECONDS - t0)) s)"
	return 0
}

# The views and report functions, as "label|query"; each is compared after
# the demo (on the database distributed first and loaded after) and after
# the generated data.
VIEWS=(
	"quarterly_report, one quarter nationwide|SELECT * FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'"
	"quarterly_report, one unit|SELECT * FROM hatrung.quarterly_report WHERE unit_code = '392'"
	"quarterly_report, unfiltered|SELECT * FROM hatrung.quarterly_report"
	"unit_rollup|SELECT * FROM hatrung.unit_rollup"
	"harmonised_observations|SELECT * FROM hatrung.harmonised_observations"
	"latest_observations()|SELECT * FROM hatrung.latest_observations()"
	"observations_as_of()|SELECT * FROM hatrung.observations_as_of()"
	"quarter_report('392', '2023-Q1')|SELECT hatrung.quarter_report('392', '2023-Q1')"
	"ntm_indicator_status|SELECT * FROM hatrung.ntm_indicator_status"
	"ntm_criterion_status|SELECT * FROM hatrung.ntm_criterion_status"
	"ntm_commune_status|SELECT * FROM hatrung.ntm_commune_status"
	"ntm_district_status|SELECT * FROM hatrung.ntm_district_status"
	"ntm_next_tier_candidates('392', 2023)|SELECT * FROM hatrung.ntm_next_tier_candidates('392', 2023)"
	"quarterly_series grouped by unit code, not unit_id|SELECT u.code, o.indicator_code, hatrung.quarterly_series(o.value, o.period, o.vintage_rank) FROM hatrung.observation o JOIN hatrung.admin_unit u USING (unit_id) GROUP BY u.code, o.indicator_code"
	"ntm_score not grouped by unit_id|SELECT m.year, hatrung.ntm_score(r.rules, m.indicator_code, m.value, m.value_yes) FROM hatrung.ntm_measurement m CROSS JOIN (SELECT hatrung.ntm_rules('NTM_NC_2021', 'BTB', 2023) AS rules OFFSET 0) r WHERE m.year = 2023 GROUP BY m.year"
)
# ... and these after the generated data only
MORE_VIEWS=(
	"ntm_province_status|SELECT * FROM hatrung.ntm_province_status"
	"ntm_threshold_coverage|SELECT * FROM hatrung.ntm_threshold_coverage"
	"quarterly_report, one generated commune|SELECT * FROM hatrung.quarterly_report WHERE unit_code = 'T90D2C07'"
	"observations_as_of(as_of)|SELECT * FROM hatrung.observations_as_of('@AS_OF@')"
	"observations_as_of(as_of, one unit)|SELECT * FROM hatrung.observations_as_of('@AS_OF@', (SELECT unit_id FROM hatrung.admin_unit WHERE code = 'T90D1C10'))"
	"quarter_report('392', '2023-Q1', as_of)|SELECT hatrung.quarter_report('392', '2023-Q1', '@AS_OF@')"
	"quarter_report of a generated district|SELECT hatrung.quarter_report('T90D1', '2024-Q4')"
	"quarter_report of a generated district, as_of|SELECT hatrung.quarter_report('T90D1', '2024-Q4', '@AS_OF@')"
	"ntm_next_tier_candidates of a generated district|SELECT * FROM hatrung.ntm_next_tier_candidates('T90D1', 2023)"
	"quarterly_flows (quarters derived from cumulative figures)|SELECT * FROM hatrung.quarterly_flows"
	"cumulative_observations_as_of()|SELECT * FROM hatrung.cumulative_observations_as_of()"
	"published_index_check (GSO releases)|SELECT * FROM hatrung.published_index_check"
	"cumulative_check (GSO releases; the sample's stamps differ by node)|SELECT unit_code, indicator_code, label_vi, period_label, vintage, value, quarters_sum, quarters_known, difference FROM hatrung.cumulative_check"
	"quarter_report('VN', '2023-Q1', as_of the March release)|SELECT hatrung.quarter_report('VN', '2023-Q1', '2023-03-29 12:00+07')"
	"season_report|SELECT * FROM hatrung.season_report"
	"plan_target_progress|SELECT * FROM hatrung.plan_target_progress"
	"season_figures_as_of()|SELECT * FROM hatrung.season_figures_as_of()"
	"quarter_report of a commune with season figures|SELECT hatrung.quarter_report('15280', '2022-Q4')"
)
TABLES_SQL="SELECT c.oid::regclass::text FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
	WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hatrung') AND c.relkind = 'r'
	ORDER BY 1"

# snapshot <port> <db>: "label md5" of every table and view, one a line
snapshot() {
	local t v
	for t in $(cq "$1" -d "$2" -c "$TABLES_SQL"); do
		echo "table $t: $(md5_of "$1" "$2" "SELECT * FROM $t" | head -1)"
	done
	for v in "${VIEWS[@]}"; do
		echo "${v%%|*}: $(md5_of "$1" "$2" "${v#*|}" | head -1)"
	done
}
# same_snapshot <label> <got> <want>: one check, naming what differs (or
# fails on both)
same_snapshot() {
	local bad
	bad=$( (diff <(echo "$3") <(echo "$2") | sed -n 's/^> \([^:]*\):.*/\1/p'
		echo "$3" | sed -n 's/^\([^:]*\): .*ERROR.*/\1 (fails on the single node)/p') | paste -sd ';' -)
	tap_is "$bad" "" "$1"
}
# sqlstate_as <role> <sql>: the SQLSTATE of a statement run as role on the distributed database
sqlstate_as() { citus_sqlstate "$C" "$DIST" "SET ROLE $1" "$2"; }

# --- the nodes ----------------------------------------------------------------------------
PRELOAD=citus,pg_stat_statements		# the workers count the rows they send
citus_start coord "$C" $PRELOAD && citus_start worker1 "$W1" $PRELOAD && citus_start worker2 "$W2" $PRELOAD &&
	citus_start single "$S"
tap_ok $? "a coordinator and two workers with Citus, and a single node, on 127.0.0.1:$C-$S"
[ "$TAP_FAILED" = 0 ] || { tap_plan "$TAP_N"; exit 1; }

# --- the demo: single node, then distributed before and after loading it ------------
citus_single_db "$SINGLE" "$S" &&
	cq "$S" -d "$SINGLE" -c "SELECT hatrung.load_demo()" -c "SELECT hatrung.load_ntm_demo()" >/dev/null
tap_ok $? "single node: hatrung and the demo"
for t in $(cq "$S" -d "$SINGLE" -c "$TABLES_SQL"); do cols_known "SELECT * FROM $t"; done
for v in "${VIEWS[@]}"; do cols_known "${v#*|}"; done
DEMO=$(snapshot "$S" "$SINGLE")
elapsed "single node ready"

citus_cluster_db "$FRESH" "$C" "$W1" "$W2" &&
	cq "$C" -d "$FRESH" -c "SELECT hatrung.distribute_data_model()" >/dev/null
tap_ok $? "distribute_data_model() on an empty data model"
cq "$C" -d "$FRESH" -c "SELECT hatrung.load_demo()" >/dev/null
tap_ok $? "load_demo() on the distributed data model, without session settings"
cq "$C" -d "$FRESH" -c "SELECT hatrung.load_ntm_demo()" >/dev/null
tap_ok $? "load_ntm_demo() on the distributed data model, without session settings"
same_snapshot "demo loaded after distributing: every table, view and report as on the single node" \
	"$(snapshot "$C" "$FRESH")" "$DEMO"
elapsed "demo loaded after distributing"

citus_cluster_db "$DIST" "$C" "$W1" "$W2" && cq "$C" -d "$DIST" -c "CREATE EXTENSION pg_stat_statements" &&
	cq "$C" -d "$DIST" -c "SELECT hatrung.load_demo()" -c "SELECT hatrung.load_ntm_demo()" >/dev/null
tap_ok $? "coordinator: hatrung on every node, the demo loaded"
summary=$(cq "$C" -d "$DIST" -c "SELECT hatrung.distribute_data_model(shard_count => 8)" 2>&1)
tap_ok $? "distribute_data_model(shard_count => 8) after the demo was loaded"
echo "# $summary"
# the tables the issue names, and any other table with a unit_id (admin_unit's is its key)
PER_UNIT="'hatrung.observation', 'hatrung.observation_history', 'hatrung.annual_plan', 'hatrung.annual_plan_history',
	'hatrung.ntm_measurement', 'hatrung.ntm_unit_zone'"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT string_agg(t, ' ' ORDER BY t) FROM ($TABLES_SQL) x(t)
		WHERE (t IN ($PER_UNIT) OR (t <> 'hatrung.admin_unit' AND EXISTS (SELECT 1 FROM pg_attribute
			WHERE attrelid = t::regclass AND attname = 'unit_id' AND NOT attisdropped)))
		  AND t::regclass NOT IN (SELECT logicalrelid FROM pg_dist_partition WHERE partmethod = 'h')")" "" \
	"the per-unit tables (observations, plans, their history, NTM measurements and zones) are distributed"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(DISTINCT colocationid) || ' ' || bool_and(column_to_column_name(logicalrelid, partkey) = 'unit_id')
		FROM pg_dist_partition WHERE partmethod = 'h'")" "1 true" "... on unit_id, co-located"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM ($TABLES_SQL) t(name)
		WHERE name::regclass NOT IN (SELECT logicalrelid FROM pg_dist_partition WHERE partmethod = 'h')
		  AND name::regclass NOT IN (SELECT logicalrelid FROM pg_dist_partition WHERE repmodel = 't' AND partmethod = 'n')")" \
	"0" "every other table of the extension is a reference table"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM (SELECT logicalrelid FROM pg_dist_partition p
		 JOIN pg_dist_shard s USING (logicalrelid) JOIN pg_dist_placement USING (shardid)
		 WHERE p.repmodel = 't' GROUP BY logicalrelid HAVING count(*) < 3) t")" \
	"0" "reference tables have a copy on every node"
same_snapshot "distributing keeps the rows: every table, view and report as on the single node" \
	"$(snapshot "$C" "$DIST")" "$DEMO"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT sum(pg_relation_size(logicalrelid)) FROM pg_dist_partition")" "0" \
	"no rows are left behind in the coordinator's own copies of the tables"
elapsed "demo distributed"

# --- the generated data, through observation_import, on both ------------------------------
citus_units_sql 5 40 >"$WORK/units.sql"
cq "$S" -d "$SINGLE" -f "$WORK/units.sql" >/dev/null
tap_ok $? "single node: generated units, plans and NTM measurements"
cq "$C" -d "$DIST" -f "$WORK/units.sql" >/dev/null
tap_ok $? "distributed: generated units, plans and NTM measurements"
# observations 2020-Q1 .. 2024-Q4 of the generated districts and communes:
# gaps, a year missing for some units, three vintages (the last quarters
# estimate or preliminary only), quarters and numbers spelt as reports do,
# scale words; rows in a shuffled but fixed order
cq "$S" -d "$SINGLE" >"$WORK/generated.csv" <<'SQL'
COPY (
	WITH u AS (
		SELECT code, valid_from, valid_to, row_number() OVER (ORDER BY code)::integer AS n
		FROM hatrung.admin_unit WHERE code LIKE 'T90D%'
	), base AS (
		SELECT u.code, u.n, g AS i, '2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) g AS period, ind.k, ind.code AS ind,
			   round((u.n % 37 + 10) * (1 + g * 0.02) * (1 + (g % 4) * 0.1) * ind.k, 1) AS v
		FROM u, generate_series(0, 19) AS g,
			 (VALUES (1, 'MEAT_OUTPUT'), (2, 'EXPORT_VALUE'), (3, 'T_CATTLE'), (4, 'T_POVERTY')) AS ind(k, code)
		WHERE hatrung.quarter_start('2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) g) >= u.valid_from
		  AND (u.valid_to IS NULL OR hatrung.quarter_end('2020-Q1'::hatrung.quarter OPERATOR(hatrung.+) g) < u.valid_to)
		  AND (u.n * 7 + g * 3 + ind.k) % 17 <> 0
		  AND NOT (u.n % 50 = 0 AND g BETWEEN 8 AND 11)
	), r AS (
		SELECT b.*, 'chính thức' AS vintage, v AS value, 3 AS ord FROM base b WHERE i < 18
		UNION ALL
		SELECT b.*, 'sơ bộ', round(v * 1.01, 1), 2 FROM base b WHERE i = 18 OR (i < 18 AND (n + i + k) % 7 = 0)
		UNION ALL
		SELECT b.*, 'ước tính', round(v * 0.97, 1), 1 FROM base b WHERE i = 19 OR (n + i + k) % 5 = 0
	)
	SELECT code AS unit_code, ind AS indicator_code,
		   CASE (n + i) % 4 WHEN 0 THEN hatrung.label_vi(period) WHEN 1 THEN period::text
				WHEN 2 THEN format('Q%s-%s', hatrung.quarter_of_year(period), hatrung.year(period))
				ELSE format('%sQ%s', hatrung.year(period), hatrung.quarter_of_year(period)) END AS period,
		   vintage,
		   hatrung.format_vn_number(value, 1) || CASE WHEN ind = 'EXPORT_VALUE' AND i % 3 = 0 THEN ' triệu' ELSE '' END AS value,
		   'GENERATED test data' AS source
	FROM r
	ORDER BY (n * 31 + i * 7 + k * 3 + ord * 11) % 1009, code, i, k, ord
) TO STDOUT WITH (FORMAT csv, HEADER);
SQL
rows=$(($(wc -l <"$WORK/generated.csv") - 1))
cq "$S" -d "$SINGLE" -c "\\copy hatrung.observation_import FROM '$WORK/generated.csv' (FORMAT csv, HEADER)"
tap_ok $? "single node: $rows generated observations through \\copy hatrung.observation_import"
cq "$C" -d "$DIST" -c "\\copy hatrung.observation_import FROM '$WORK/generated.csv' (FORMAT csv, HEADER)"
tap_ok $? "distributed: the same $rows observations through \\copy hatrung.observation_import"
# cumulative figures (6 tháng, 9 tháng, cả năm) through the same view
for db_port in "$SINGLE:$S" "$DIST:$C"; do
	cq "${db_port#*:}" -d "${db_port%%:*}" -c "\\copy hatrung.observation_import FROM '$REPO/data/samples/cumulative_2024.csv' (FORMAT csv, HEADER)"
done
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM hatrung.cumulative_observation")" 5 \
	"distributed: cumulative figures through \\copy hatrung.observation_import, into their unit's shard"
# figures of crop seasons through the same view
for db_port in "$SINGLE:$S" "$DIST:$C"; do
	cq "${db_port#*:}" -d "${db_port%%:*}" -c "\\copy hatrung.observation_import FROM '$REPO/data/samples/seasons_2023.csv' (FORMAT csv, HEADER)"
done
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM hatrung.season_figure")" 6 \
	"distributed: season figures through \\copy hatrung.observation_import, into their unit's shard"
# plan period targets of the generated districts, through their import view
for db_port in "$SINGLE:$S" "$DIST:$C"; do
	cq "${db_port#*:}" -d "${db_port%%:*}" -c "INSERT INTO hatrung.plan_target_import
		SELECT DISTINCT u.code, v.ind, v.period, v.target, v.value, 'GENERATED test target'
		FROM hatrung.admin_unit u,
			 (VALUES ('MEAT_OUTPUT', 'giai đoạn 2021-2025', 'tăng bình quân', '5,5'),
					 ('T_CATTLE', 'nhiệm kỳ 2020-2025', 'mức', '300')) AS v(ind, period, target, value)
		WHERE u.code ~ '^T90D[0-9]+\$'" >/dev/null
done
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) > 0 FROM hatrung.plan_target")" t \
	"distributed: plan period targets through hatrung.plan_target_import, into their unit's shard"
# the GSO releases (real national figures, each known from its release date)
for db_port in "$SINGLE:$S" "$DIST:$C"; do
	cq "${db_port#*:}" -d "${db_port%%:*}" -c "SELECT hatrung.load_gso_demo()" >/dev/null
done
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM hatrung.cumulative_observation")" 185 \
	"distributed: load_gso_demo() on the distributed model"
elapsed "generated data loaded"

# A moment between the load and the revisions, for the as_of reports; then
# the same revisions on both: updates and deletes through the coordinator
# (their history is written on the workers) and a file of later vintages.
sleep 1
AS_OF=$(cq "$C" -d postgres -c "SELECT clock_timestamp()")
sleep 1
cq "$S" -d "$SINGLE" >"$WORK/revised.csv" <<'SQL'
COPY (
	SELECT u.code, 'MEAT_OUTPUT', 'quý IV-2024', 'chính thức', hatrung.format_vn_number(40 + length(u.code) * 1.5, 1), 'GENERATED revision'
	FROM hatrung.admin_unit u WHERE u.code ~ '^T90D1' AND u.valid_to IS NULL
	ORDER BY u.code
) TO STDOUT WITH (FORMAT csv, HEADER);
SQL
REVISE="UPDATE hatrung.observation SET value = value + 1, source = 'revised (test)'
	WHERE period OPERATOR(hatrung.=) '2022-Q3' AND indicator_code = 'MEAT_OUTPUT';
UPDATE hatrung.observation SET value = 821
	WHERE period OPERATOR(hatrung.=) '2023-Q1' AND indicator_code = 'MEAT_OUTPUT'
	  AND unit_id = (SELECT unit_id FROM hatrung.admin_unit WHERE code = '392');
DELETE FROM hatrung.observation WHERE period OPERATOR(hatrung.=) '2021-Q2' AND indicator_code = 'T_CATTLE'
	AND unit_id IN (SELECT unit_id FROM hatrung.admin_unit WHERE code LIKE 'T90D3%');
UPDATE hatrung.annual_plan SET value = value * 2 WHERE year = 2024 AND indicator_code = 'MEAT_OUTPUT';"
for db in "$S:$SINGLE" "$C:$DIST"; do
	cq "${db%%:*}" -d "${db#*:}" -c "$REVISE" \
		-c "\\copy hatrung.observation_import FROM '$WORK/revised.csv' (FORMAT csv, HEADER)" >/dev/null
	tap_ok $? "$([ "${db#*:}" = "$DIST" ] && echo distributed || echo "single node"): revisions (updates, deletes, later vintages)"
done
elapsed "revisions made"

# --- every view and report function ------------------------------------------------------
for v in "${VIEWS[@]}" "${MORE_VIEWS[@]}"; do
	same "${v%%|*}" "${v#*|}" "$AS_OF"
done
same_snapshot "every table of the extension holds the single node's rows" \
	"$(snapshot "$C" "$DIST" | grep '^table ')" "$(snapshot "$S" "$SINGLE" | grep '^table ')"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(DISTINCT result) FROM run_command_on_placements('hatrung.admin_unit',
		\$\$SELECT md5(string_agg(t::text, '|' ORDER BY t.unit_id)) FROM %s t\$\$)")" "1" \
	"the reference table of units is identical on every node"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT (SELECT count(DISTINCT history_id) = count(*) AND count(*) > 0 FROM hatrung.observation_history)
		AND (SELECT count(DISTINCT history_id) = count(*) AND count(*) > 0 FROM hatrung.annual_plan_history)")" "t" \
	"history rows written on the workers have unique ids"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT count(DISTINCT obs_id) = count(*) FROM hatrung.observation")" "t" \
	"observation ids stay unique"
elapsed "views compared"

# --- the plans: work on the workers, partial states to the coordinator ------------------------
# plan_check <query>: the report's grouping runs in the tasks on the workers,
# and the coordinator never runs quarterly_series over rows sent to it
# (which would read "quarterly_series(remote_scan.…": raw rows travelled)
plan_check() {
	local plan
	plan=$(cq "$C" -d "$DIST" -c "EXPLAIN (VERBOSE) $1" 2>&1)
	if echo "$plan" | grep -q '^ERROR'; then
		echo "$plan" | grep -m1 '^ERROR'
	elif echo "$plan" | grep -q 'quarterly_series(remote_scan\.'; then
		echo "the coordinator runs quarterly_series over rows the workers sent ($(echo "$plan" | grep -c 'Distributed Subplan') distributed subplans)"
	elif ! echo "$plan" | sed -n '/->  Task$/,$p' | grep -q 'quarterly_series'; then
		echo "no task computes quarterly_series"
	else
		echo ok
	fi
}
tap_is "$(plan_check "SELECT * FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'")" ok \
	"EXPLAIN: one quarter nationwide of quarterly_report is computed on the workers"
tap_is "$(plan_check "SELECT count(*), sum(yoy_pct) FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'")" ok \
	"EXPLAIN: ... also under an aggregate (the benchmark's query): no raw rows to the coordinator"
tap_is "$(plan_check "SELECT * FROM hatrung.quarterly_report WHERE unit_code = '392'")" ok \
	"EXPLAIN: one unit of quarterly_report is computed on the workers"
# few_rows_shipped <query>: the workers send the coordinator at most the
# result's rows plus a few partial states per shard, never the rows they read
few_rows_shipped() {
	local result shipped shards
	result=$(cq "$S" -d "$SINGLE" -c "SELECT count(*) FROM ($1) q")
	shards=$(cq "$C" -d "$DIST" -c "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'hatrung.observation'::regclass")
	read -r shipped _ <<<"$(citus_rows_shipped "$C" "$DIST" "$1")"
	if [ -n "$shipped" ] && [ "$shipped" -le $((result + 4 * shards)) ]; then
		echo ok
	else
		echo "${shipped:-?} rows shipped for $result result rows ($shards shards)"
	fi
}
tap_is "$(few_rows_shipped "SELECT * FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'")" ok \
	"one quarter nationwide of quarterly_report: the workers send result rows and partial states only"
tap_is "$(few_rows_shipped "SELECT count(*), sum(yoy_pct) FROM hatrung.quarterly_report WHERE period_label = '2023-Q1'")" ok \
	"... and under an aggregate (the benchmark's query)"
tap_is "$(few_rows_shipped "SELECT * FROM hatrung.quarterly_report WHERE unit_code = '392'")" ok \
	"one unit of quarterly_report: the workers send result rows and partial states only"
partial_check() {
	local plan
	plan=$(cq "$C" -d "$DIST" -c "EXPLAIN (VERBOSE) $1" 2>&1)
	if echo "$plan" | grep -q '^ERROR'; then
		echo "$plan" | grep -m1 '^ERROR'
	elif echo "$plan" | grep -q 'worker_partial_agg' && echo "$plan" | grep -q 'coord_combine_agg'; then
		echo ok
	else
		echo "no partial aggregation: $(echo "$plan" | head -1)"
	fi
}
# (the first one is only planned: a series of every unit at once would hold
# several figures of one quarter)
tap_is "$(partial_check "SELECT indicator_code, hatrung.quarterly_series(value, period) FROM hatrung.observation GROUP BY indicator_code")" ok \
	"EXPLAIN VERBOSE: quarterly_series grouped by indicator aggregates partially on the workers (worker_partial_agg)"
tap_is "$(partial_check "${VIEWS[13]#*|}")" ok \
	"EXPLAIN VERBOSE: quarterly_series grouped by unit code, not unit_id, aggregates partially on the workers"
tap_is "$(partial_check "${VIEWS[14]#*|}")" ok \
	"EXPLAIN VERBOSE: ntm_score not grouped by unit_id aggregates partially on the workers (worker_partial_agg)"

# --- per-unit editors ------------------------------------------------------------------------
cq "$C" -d "$DIST" -c "CREATE ROLE hatrung_citus_editor LOGIN" \
	-c "SELECT hatrung.grant_unit_editor('hatrung_citus_editor', ARRAY['T90D4C10'])" >/dev/null
tap_ok $? "a unit editor for one generated commune (grant_unit_editor)"
OWN=$(cq "$C" -d "$DIST" -c "SELECT unit_id FROM hatrung.admin_unit WHERE code = 'T90D4C10'")
OTHER=$(cq "$C" -d "$DIST" -c "SELECT unit_id FROM hatrung.admin_unit WHERE code = 'T90D4C11'")
tap_is "$(sqlstate_as hatrung_citus_editor "INSERT INTO hatrung.observation_import
		VALUES ('T90D4C10', 'MEAT_OUTPUT', 'quý I-2025', 'ước tính', '12,5', 'unit editor (test)')")" 00000 \
	"a unit editor writes its unit through observation_import"
tap_is "$(sqlstate_as hatrung_citus_editor "INSERT INTO hatrung.observation_import
		VALUES ('T90D4C11', 'MEAT_OUTPUT', 'quý I-2025', 'ước tính', '12,5', 'unit editor (test)')")" 42501 \
	"... and gets 42501 for another unit"
tap_is "$(sqlstate_as hatrung_citus_editor "INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value, source)
		VALUES ($OWN, 'T_CATTLE', '2025-Q1', 'estimate', 7, 'unit editor (test)')")" 00000 \
	"a unit editor writes its unit directly into observation"
tap_is "$(sqlstate_as hatrung_citus_editor "INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value, source)
		VALUES ($OTHER, 'T_CATTLE', '2025-Q1', 'estimate', 7, 'unit editor (test)')")" 42501 \
	"... and gets 42501 for another unit"
tap_is "$(cq "$C" -d "$DIST" -c "SELECT string_agg(DISTINCT u.code || ' ' || o.recorded_by, ',') || ' ' || count(*)
		FROM hatrung.observation o JOIN hatrung.admin_unit u USING (unit_id) WHERE o.source = 'unit editor (test)'")" \
	"T90D4C10 hatrung_citus_editor 2" "exactly the allowed rows were written, stamped with the editor"

# --- a bad row in the middle of an import leaves nothing --------------------------------------
cat >"$WORK/bad.csv" <<'CSV'
unit_code,indicator_code,period,vintage,value,source
T90D5C05,MEAT_OUTPUT,quý II-2025,ước tính,"10,5",import test: good row
T90D5C06,MEAT_OUTPUT,quý II-2025,ước tính,"25.4",import test: English decimal point (rejected)
T90D5C07,MEAT_OUTPUT,quý II-2025,ước tính,"11,5",import test: good row
CSV
COUNT="SELECT count(*) FROM hatrung.observation"
before=$(cq "$C" -d "$DIST" -c "$COUNT")
want=$(citus_sqlstate "$S" "$SINGLE" "\\copy hatrung.observation_import FROM '$WORK/bad.csv' (FORMAT csv, HEADER)")
got=$(citus_sqlstate "$C" "$DIST" "\\copy hatrung.observation_import FROM '$WORK/bad.csv' (FORMAT csv, HEADER)")
tap_is "$got" "$want" "\\copy of a file with a bad row in the middle fails as on one node (SQLSTATE $want)"
tap_is "$(cq "$C" -d "$DIST" -c "$COUNT")" "$before" "... and leaves nothing (autocommit)"

# --- what distribute_data_model() refuses -------------------------------------------------
tap_is "$(citus_sqlstate "$C" "$DIST" "SELECT hatrung.distribute_data_model()")" 55000 \
	"distributing twice: 55000"
tap_is "$(sqlstate_as hatrung_citus_editor "SELECT hatrung.distribute_data_model()")" 42501 \
	"distributing as a non-superuser: 42501"
tap_is "$(citus_sqlstate "$W1" "$DIST" "SELECT hatrung.distribute_data_model()")" 55000 \
	"distributing on a worker: 55000"
tap_is "$(citus_sqlstate "$S" "$SINGLE" "SELECT hatrung.distribute_data_model()")" 55000 \
	"distributing without Citus: 55000"
cq "$C" -d postgres -c "CREATE DATABASE hatrung_alone" &&
	cq "$C" -d hatrung_alone -c "CREATE EXTENSION citus" -c "CREATE EXTENSION hatrung"
tap_is "$(citus_sqlstate "$C" hatrung_alone "SELECT hatrung.distribute_data_model()")" 55000 \
	"distributing without workers: 55000"
tap_is "$(citus_sqlstate "$C" hatrung_alone "SELECT hatrung.distribute_data_model(shard_count => 0)")" 22023 \
	"distributing into 0 shards: 22023"
tap_is "$(citus_sqlstate "$C" "$DIST" "INSERT INTO hatrung.unit_succession (old_unit_id, new_unit_id, effective, share)
		SELECT o.unit_id, n.unit_id, '2024-01-01', 0.5 FROM hatrung.admin_unit o, hatrung.admin_unit n
		WHERE o.code = 'T90D5C03' AND n.code IN ('T90D5C04', 'T90D5C05', 'T90D5C06')")" 23514 \
	"the deferred check of the reference table of successions still fires: 23514"
elapsed "done"

tap_plan "$TAP_N"
if [ "$TAP_FAILED" != 0 ]; then
	citus_logs 15
fi
[ "$TAP_FAILED" = 0 ]
