#!/usr/bin/env bash
# bench/memory.sh: the backend's memory stays flat through long queries that
# call every per-row function: the peak resident memory of a query over 10
# million rows is compared with the same query over 3 million rows (a leak
# per row would make it ~3x larger; both sizes fill the work_mem-bounded sort and
# tuple stores).  Prints both peaks and their ratio.
set -u
. "$(dirname "$0")/../scripts/lib.sh"
cd "$REPO_ROOT"
ensure_packages || exit 1
build_and_install || exit 1
start_cluster || exit 1
createdb hatrung_mem && psql -X -q -d hatrung_mem -c "CREATE EXTENSION hatrung"

QUERY="SELECT count(hatrung.quarter_in(hatrung.quarter_out(q))) + count(hatrung.label_vi(q))
	+ count(hatrung.growth_pct(v, v + 1)) + count(hatrung.dev_index(v, 3)) + count(hatrung.cagr(v + 1, v + 2, 3))
	+ count(hatrung.parse_vn_number(hatrung.format_vn_number(v, 1))) + count(hatrung.is_valid_quarter('quý II-2023'))
	+ count(hatrung.ntm_indicator_status(v, NULL, '>=', 5)) + count(hatrung.ntm_shortfall(v, '>=', 5))
	+ count(hatrung.ntm_criteria_list(v::bigint * 12345, 'met')) + count(hatrung.ntm_criteria_count(v::bigint, 'unknown'))
	+ count(hatrung.value_at(('{' || q::text || ':' || v::text || '}')::hatrung.qseries, q))
	+ count(hatrung.period_label_vi(hatrung.parse_period_vi('9 tháng năm ' || lpad(hatrung.year(q)::text, 4, '0'))))
	+ count(hatrung.label_vi(hatrung.crop_season('dong_xuan', hatrung.year(q) + 1))) + count(hatrung.label_vi(hatrung.crop_season('mua', hatrung.year(q)) OPERATOR(hatrung.+) 1))
	+ count(hatrung.crop_season_out(hatrung.crop_season_in(('vụ Mùa ' || lpad(hatrung.year(q)::text, 4, '0'))::cstring)))
	+ count(hatrung.is_valid_crop_season('vụ đông xuân 2022 - 2023'))
	+ count(y) + count(yt)
	FROM (SELECT q, v, hatrung.yoy_pct(v, q) OVER w AS y, hatrung.ytd(v, q, 'flow') OVER w AS yt
		  FROM (SELECT '0001-Q1'::hatrung.quarter OPERATOR(hatrung.+) (g % 39990) AS q, (g % 1000)::numeric AS v, g / 39990 AS s
				FROM generate_series(1, :N) AS g) t
		  WINDOW w AS (PARTITION BY s ORDER BY q)) x"

peak() {	# peak RSS (kB) of the backend running the query with N rows
	local n=$1 pid max=0 rss
	psql -X -q -d hatrung_mem -c "SET work_mem = '64MB'" -c "${QUERY//:N/$n}" >/dev/null &
	local client=$!
	sleep 0.3
	pid=$(psql -X -A -t -d hatrung_mem -c "SELECT pid FROM pg_stat_activity WHERE datname = 'hatrung_mem' AND pid <> pg_backend_pid() AND state = 'active' LIMIT 1")
	while kill -0 "$client" 2>/dev/null; do
		rss=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null)
		[ -n "$rss" ] && [ "$rss" -gt "$max" ] && max=$rss
		sleep 0.2
	done
	echo "$max"
}
small=$(peak 3000000)
large=$(peak 10000000)
echo "peak backend private memory (RssAnon): 3M rows ${small} kB, 10M rows ${large} kB, ratio $(awk -v a="$large" -v b="$small" 'BEGIN {printf "%.2f", a / b}') (flat: about 1)"
