-- bench/growth.sql: growth measures on 10 million rows (10,000 series of
-- about 1,000 quarters, 5% of quarters missing), against the plain-SQL ways
-- of computing the same, in one session.  ratio = hatrung / baseline time:
-- below 1 is faster.
\set QUIET on
\pset footer off
SET search_path = public, hatrung;
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '1GB';
SET jit = off;
\i bench/lib.sql

\echo 'building 10,000 series x ~1,000 quarters ...'
DROP TABLE IF EXISTS bench_g;
CREATE UNLOGGED TABLE bench_g AS
SELECT u, '1800-Q1'::quarter + i AS period, yyyyq('1800-Q1'::quarter + i) / 10 * 4 + i % 4 AS qn,
	   round((100 + random() * 900)::numeric, 2) AS v,
	   round((100 + random() * 900)::numeric, 2) AS b
FROM generate_series(1, 10000) AS u, generate_series(0, 1052) AS i
WHERE (u * 31 + i * 17) % 20 <> 0;
VACUUM ANALYZE bench_g;
SELECT count(*) AS rows, count(DISTINCT u) AS series FROM bench_g;

CREATE FUNCTION pg_temp.growth_plpgsql(c numeric, b numeric) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
	IF b <= 0 THEN
		RETURN NULL;
	END IF;
	RETURN (c / b - 1) * 100;
END
$$;

-- one untimed pass first: the table into shared buffers, hint bits set, the
-- library loaded, whatever the server version does on a first scan
SELECT count(hatrung.growth_pct(v, b)) + count((v / b - 1) * 100) AS warm_up FROM bench_g;

\echo 'scalar growth_pct (best of 3) ...'
SELECT * FROM pg_temp.bench_compare('growth_pct(c, b) vs SQL (c / b - 1) * 100',
	'SELECT count(hatrung.growth_pct(v, b)) FROM bench_g',
	'SELECT count((v / b - 1) * 100) FROM bench_g', '<= 1.1')
UNION ALL
SELECT * FROM pg_temp.bench_compare('growth_pct(c, b) vs a PL/pgSQL function',
	'SELECT count(hatrung.growth_pct(v, b)) FROM bench_g',
	'SELECT count(pg_temp.growth_plpgsql(v, b)) FROM bench_g', '<= 0.2 (5x faster)', 1);

\echo 'gap-safe year-on-year growth (best of 3) ...'
SELECT * FROM pg_temp.bench_compare('yoy_pct window vs RANGE 4 PRECEDING frame',
	'SELECT count(g) FROM (SELECT hatrung.yoy_pct(v, period) OVER (PARTITION BY u ORDER BY period) AS g FROM bench_g) s',
	'SELECT count((v / base - 1) * 100) FROM (SELECT v, first_value(v) OVER (PARTITION BY u ORDER BY qn
		RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING) AS base FROM bench_g) s', '<= 0.8 (1.25x faster)')
UNION ALL
SELECT * FROM pg_temp.bench_compare('yoy_pct window vs LAG(v, 4) (wrong with gaps)',
	'SELECT count(g) FROM (SELECT hatrung.yoy_pct(v, period) OVER (PARTITION BY u ORDER BY period) AS g FROM bench_g) s',
	'SELECT count((v / base - 1) * 100) FROM (SELECT v, lag(v, 4) OVER (PARTITION BY u ORDER BY qn) AS base FROM bench_g) s',
	'(reference)')
UNION ALL
SELECT * FROM pg_temp.bench_compare('yoy_pct window vs self-join by period',
	'SELECT count(g) FROM (SELECT hatrung.yoy_pct(v, period) OVER (PARTITION BY u ORDER BY period) AS g FROM bench_g) s',
	'SELECT count((a.v / b.v - 1) * 100) FROM bench_g a LEFT JOIN bench_g b ON b.u = a.u AND b.qn = a.qn - 4',
	'(reference)', 1);

\echo 'the full metric set: yoy, qoq, ytd, ytd_yoy in one pass ...'
SELECT * FROM pg_temp.bench_compare('yoy+qoq+ytd+ytd_yoy window vs plain SQL',
	$q$SELECT count(a) + count(b) + count(c) + count(d) FROM (
		SELECT hatrung.yoy_pct(v, period) OVER w AS a, hatrung.qoq_pct(v, period) OVER w AS b,
			   hatrung.ytd(v, period, 'flow') OVER w AS c, hatrung.ytd_yoy_pct(v, period, 'flow') OVER w AS d
		FROM bench_g WINDOW w AS (PARTITION BY u ORDER BY period)) s$q$,
	$q$SELECT count((v / y4 - 1) * 100) + count((v / q1 - 1) * 100) + count(ytd)
			+ count((ytd / ytd_last - 1) * 100) FROM (
		SELECT v, y4, q1, ytd,
			   first_value(ytd) OVER (PARTITION BY u ORDER BY qn RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING) AS ytd_last
		FROM (SELECT u, qn, v,
				first_value(v) OVER (PARTITION BY u ORDER BY qn RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING) AS y4,
				first_value(v) OVER (PARTITION BY u ORDER BY qn RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING) AS q1,
				CASE WHEN count(v) OVER y = qn % 4 + 1 THEN sum(v) OVER y END AS ytd
			  FROM bench_g
			  WINDOW y AS (PARTITION BY u, qn / 4 ORDER BY qn)) s1) s2$q$,
	'<= 0.5 (2x faster)', 1);

\echo 'linear in partition length: 100 partitions x 10,000 quarters vs 1,000 x 1,000 ...'
CREATE UNLOGGED TABLE bench_long AS
SELECT u, '1000-Q1'::quarter + i AS period, round((100 + random() * 900)::numeric, 2) AS v
FROM generate_series(1, 100) AS u, generate_series(0, 9999) AS i;
CREATE UNLOGGED TABLE bench_short AS
SELECT u, '1000-Q1'::quarter + i AS period, round((100 + random() * 900)::numeric, 2) AS v
FROM generate_series(1, 1000) AS u, generate_series(0, 999) AS i;
VACUUM ANALYZE bench_long;
VACUUM ANALYZE bench_short;
SELECT benchmark, subject_ms, baseline_ms, ratio,
	   round(ratio * 10, 2) AS cost_of_a_10x_longer_partition, '<= 10x' AS goal
FROM pg_temp.bench_compare('same 1M rows in 10,000-quarter vs 1,000-quarter partitions',
	$q$SELECT count(a) + count(d) FROM (SELECT hatrung.yoy_pct(v, period) OVER w AS a,
		hatrung.ytd_yoy_pct(v, period, 'flow') OVER w AS d FROM bench_long WINDOW w AS (PARTITION BY u ORDER BY period)) s$q$,
	$q$SELECT count(a) + count(d) FROM (SELECT hatrung.yoy_pct(v, period) OVER w AS a,
		hatrung.ytd_yoy_pct(v, period, 'flow') OVER w AS d FROM bench_short WINDOW w AS (PARTITION BY u ORDER BY period)) s$q$,
	'(see next column)');

\echo 'the quarterly_series aggregate, 2 parallel workers vs none ...'
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
CREATE FUNCTION pg_temp.with_workers(n int, q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', n::text, true);
	EXECUTE q;
END
$$;
SELECT * FROM pg_temp.bench_compare('quarterly_series per series, 2 workers vs 0',
	$q$SELECT pg_temp.with_workers(2, 'SELECT count(hatrung.periods(s)) FROM (SELECT u, hatrung.quarterly_series(v, period) AS s FROM bench_g GROUP BY u) t')$q$,
	$q$SELECT pg_temp.with_workers(0, 'SELECT count(hatrung.periods(s)) FROM (SELECT u, hatrung.quarterly_series(v, period) AS s FROM bench_g GROUP BY u) t')$q$,
	'<= 0.67 (1.5x faster)')
UNION ALL
-- what this machine gives any parallel query: a bare scan, 2 workers vs 0
SELECT * FROM pg_temp.bench_compare('reference: count(v) scan, 2 workers vs 0',
	$q$SELECT pg_temp.with_workers(2, 'SELECT count(v) FROM bench_g')$q$,
	$q$SELECT pg_temp.with_workers(0, 'SELECT count(v) FROM bench_g')$q$,
	'(the machine''s parallel ceiling)');
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(hatrung.periods(s)) FROM (SELECT u, hatrung.quarterly_series(v, period) AS s FROM bench_g GROUP BY u) t;

DROP TABLE bench_g, bench_long, bench_short;
