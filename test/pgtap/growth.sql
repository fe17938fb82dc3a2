-- pgTAP: growth functions — errors with SQLSTATE, and properties on random
-- series with gaps: window functions, series accessors and plain-SQL
-- definitions must agree exactly.
BEGIN;
SET search_path = public, hatrung;
SELECT plan(35);

-- Errors -------------------------------------------------------------------------
SELECT throws_ok($$SELECT hatrung.yoy_pct(v, p) OVER (ORDER BY v)
	FROM (VALUES (2::numeric, '2023-Q1'::hatrung.quarter), (1, '2023-Q2')) AS t(v, p)$$,
	'42P20', 'window partition is not ordered by period', 'unordered partition is 42P20');
SELECT throws_ok($$SELECT hatrung.ytd(v, p, 'flow') OVER (ORDER BY p)
	FROM (VALUES (2::numeric, '2023-Q1'::hatrung.quarter), (1, '2023-Q1')) AS t(v, p)$$,
	'21000', 'period 2023-Q1 appears more than once in a window partition', 'repeated period is 21000');
SELECT throws_ok($$SELECT hatrung.qoq_pct(v, p) OVER (ORDER BY p)
	FROM (VALUES (2::numeric, NULL::hatrung.quarter)) AS t(v, p)$$,
	'22004', 'period must not be null in a hatrung window function', 'NULL period is 22004');
SELECT throws_ok($$SELECT hatrung.ytd(v, p, 'ratio') OVER (ORDER BY p)
	FROM (VALUES (2::numeric, '2023-Q1'::hatrung.quarter)) AS t(v, p)$$,
	'22023', 'invalid indicator kind: "ratio"', 'kind ratio is 22023 in the window function');
SELECT throws_ok($$SELECT hatrung.ytd_yoy_pct('{2023-Q1:1}'::hatrung.qseries, '2023-Q1', 'level')$$,
	'22023', 'invalid indicator kind: "level"', 'unknown kind is 22023 in the accessor');
SELECT throws_ok($$SELECT hatrung.quarterly_series(v, p)
	FROM (VALUES (1::numeric, '2023-Q1'::hatrung.quarter), (2, '2023-Q1')) AS t(v, p)$$,
	'21000', 'period 2023-Q1 appears more than once in a quarterly series', 'aggregate rejects a repeated period');
SELECT throws_ok($$SELECT '{2023-Q1:1'::hatrung.qseries$$, '22P02',
	'invalid input syntax for type qseries: "{2023-Q1:1"', 'unterminated qseries is 22P02');
SELECT throws_ok($$SELECT '{2023-Q9:1}'::hatrung.qseries$$, '22007',
	'invalid input syntax for type quarter: "2023-Q9"', 'bad quarter inside qseries is 22007');
SELECT throws_ok($$SELECT hatrung.cagr('{2023-Q1:1,2024-Q1:2}'::hatrung.qseries, -4)$$, '22023',
	'quarters per step must be positive: -4', 'negative step is 22023');

-- Random series with gaps and unknown values ---------------------------------------------
SELECT setseed(0.42);
CREATE TEMP TABLE obs AS
SELECT u, '2000-Q1'::quarter + i AS period,
	   CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 1000)::numeric - 50, 2) END AS v
FROM generate_series(1, 40) AS u, generate_series(0, 199) AS i
WHERE random() > 0.15;
CREATE TEMP TABLE w AS
SELECT u, period, v,
	   same_period_last_year(v, period) OVER win AS spl,
	   previous_quarter(v, period) OVER win AS pq,
	   yoy_pct(v, period) OVER win AS yoy,
	   qoq_pct(v, period) OVER win AS qoq,
	   ytd(v, period, 'flow') OVER win AS ytd_flow,
	   ytd(v, period, 'stock') OVER win AS ytd_stock,
	   ytd_yoy_pct(v, period, 'flow') OVER win AS ytd_yoy,
	   chain_index(v, period) OVER win AS chain,
	   yoy_pct(v::float8, period) OVER win AS yoy_f8
FROM obs WINDOW win AS (PARTITION BY u ORDER BY period);
-- Plain-SQL definitions by period (self-joins), the slow but obvious truth.
CREATE TEMP TABLE truth AS
SELECT o.u, o.period, o.v,
	   b4.v AS spl, b1.v AS pq,
	   CASE WHEN b4.v > 0 THEN (o.v / b4.v - 1) * 100 END AS yoy,
	   CASE WHEN b1.v > 0 THEN (o.v / b1.v - 1) * 100 END AS qoq,
	   (SELECT CASE WHEN count(x.v) = quarter_of_year(o.period) THEN sum(x.v) END
		FROM obs x WHERE x.u = o.u AND year(x.period) = year(o.period) AND x.period <= o.period) AS ytd_flow,
	   (SELECT CASE WHEN count(x.v) = quarter_of_year(o.period) THEN sum(x.v) END
		FROM obs x WHERE x.u = o.u AND year(x.period) = year(o.period) - 1
		  AND x.period <= o.period - 4) AS ytd_flow_last_year,
	   CASE WHEN b1.v > 0 THEN o.v * 100 / b1.v END AS chain
FROM obs o
LEFT JOIN obs b4 ON b4.u = o.u AND b4.period = o.period - 4
LEFT JOIN obs b1 ON b1.u = o.u AND b1.period = o.period - 1;

SELECT ok((SELECT count(*) FROM obs) > 6000, 'the random data has thousands of rows');
SELECT ok((SELECT count(*) FROM obs WHERE v IS NULL) > 0 AND (SELECT count(*) FROM obs WHERE v < 0) > 0,
	'the random data has unknown and negative values');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.spl IS DISTINCT FROM t.spl), 0::bigint,
	'same_period_last_year matches the value 4 quarters back by period');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.pq IS DISTINCT FROM t.pq), 0::bigint,
	'previous_quarter matches the value 1 quarter back by period');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.yoy IS DISTINCT FROM t.yoy), 0::bigint,
	'yoy_pct equals (v / base - 1) * 100 by period, NULL for a missing or non-positive base');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.qoq IS DISTINCT FROM t.qoq), 0::bigint,
	'qoq_pct equals the plain-SQL definition');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.ytd_flow IS DISTINCT FROM t.ytd_flow),
	0::bigint, 'ytd flow is the sum of Q1..Qn, NULL unless every quarter is known');
SELECT is((SELECT count(*) FROM w WHERE w.ytd_stock IS DISTINCT FROM w.v), 0::bigint,
	'ytd stock is the value at the period');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period)
		   WHERE w.ytd_yoy IS DISTINCT FROM
				 CASE WHEN t.ytd_flow_last_year > 0 THEN (t.ytd_flow / t.ytd_flow_last_year - 1) * 100 END),
	0::bigint, 'ytd_yoy_pct compares the two YTD totals');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.chain IS DISTINCT FROM t.chain), 0::bigint,
	'chain_index equals v * 100 / previous quarter');
SELECT is((SELECT count(*) FROM w WHERE (w.yoy IS NULL) <> (w.yoy_f8 IS NULL)
			OR abs(w.yoy - w.yoy_f8::numeric) > 1e-6 * greatest(1, abs(w.yoy))), 0::bigint,
	'the float8 window function agrees with the numeric one');
SELECT ok((SELECT count(*) FROM w WHERE yoy IS NOT NULL) > 1000 AND (SELECT count(*) FROM w WHERE ytd_yoy IS NOT NULL) > 100,
	'the comparison is not vacuous');

-- The series accessors give the window functions' answers.
CREATE TEMP TABLE s AS SELECT u, quarterly_series(v, period) AS s FROM obs GROUP BY u;
SELECT is((SELECT count(*) FROM w JOIN s USING (u)
		   WHERE w.yoy IS DISTINCT FROM yoy_pct(s.s, w.period)
			  OR w.qoq IS DISTINCT FROM qoq_pct(s.s, w.period)
			  OR w.spl IS DISTINCT FROM same_period_last_year(s.s, w.period)
			  OR w.pq IS DISTINCT FROM previous_quarter(s.s, w.period)
			  OR w.v IS DISTINCT FROM value_at(s.s, w.period)), 0::bigint,
	'series accessors equal the window functions on every row');
SELECT is((SELECT count(*) FROM w JOIN s USING (u)
		   WHERE w.ytd_flow IS DISTINCT FROM ytd(s.s, w.period, 'flow')
			  OR w.ytd_stock IS DISTINCT FROM ytd(s.s, w.period, 'stock')
			  OR w.ytd_yoy IS DISTINCT FROM ytd_yoy_pct(s.s, w.period, 'flow')), 0::bigint,
	'series YTD accessors equal the window functions on every row');
SELECT is((SELECT count(*) FROM s WHERE periods(s.s) <> (SELECT count(v) FROM obs WHERE obs.u = s.u)), 0::bigint,
	'a series holds exactly the known values');

-- Scalars against their SQL definitions on random numbers.
CREATE TEMP TABLE pairs AS
SELECT round((random() * 2000 - 500)::numeric, 3) AS c, round((random() * 2000 - 500)::numeric, 3) AS b
FROM generate_series(1, 20000);
SELECT is((SELECT count(*) FROM pairs WHERE growth_pct(c, b) IS DISTINCT FROM
			CASE WHEN b > 0 THEN (c / b - 1) * 100 END), 0::bigint,
	'growth_pct equals the SQL expression (c / b - 1) * 100 for b > 0, NULL otherwise (20,000 random pairs)');
-- Figures of every size and scale, so both the 128-bit fast path and the
-- ordinary numeric path run: the text (value and display scale) must be
-- exactly what the SQL expressions print.
CREATE TEMP TABLE wide AS
SELECT round((random() - 0.2)::numeric * 10::numeric ^ (floor(random() * 45) - 20)::int, floor(random() * 22)::int) AS c,
	   round((random() - 0.1)::numeric * 10::numeric ^ (floor(random() * 45) - 20)::int, floor(random() * 22)::int) AS b
FROM generate_series(1, 20000);
INSERT INTO wide VALUES (0, 1), (1, 3), (999999999999999999, 1), (1000000000000000000, 7), (1, 999999999999999999),
	(0.000000000000000001, 3), (123456789.123456789, 0.000000001), (-5, 0.5), (5, 0);
SELECT is((SELECT count(*) FROM wide WHERE growth_pct(c, b)::text IS DISTINCT FROM
			(CASE WHEN b > 0 THEN (c / b - 1) * 100 END)::text), 0::bigint,
	'growth_pct prints exactly what (c / b - 1) * 100 prints, for figures of every size and scale');
SELECT is((SELECT count(*) FROM wide WHERE dev_index(c, b)::text IS DISTINCT FROM
			(CASE WHEN b > 0 THEN c * 100 / b END)::text), 0::bigint,
	'dev_index prints exactly what c * 100 / b prints, for figures of every size and scale');
-- The 64-bit reading, the 128-by-64-bit division and the group writer of
-- the fast path must produce numeric's exact binary form (weight, sign,
-- display scale, base-10000 digits), for everyday figures of mixed scales
-- and for mantissas at the edge of the fast range.
INSERT INTO wide
SELECT round((random() * 1e6)::numeric, (random() * 4)::int), round((random() * 1e6)::numeric, (random() * 4)::int)
FROM generate_series(1, 20000);
INSERT INTO wide
SELECT (random() * 1e17)::bigint::numeric, (random() * 1e3)::int + 1 FROM generate_series(1, 5000);
INSERT INTO wide
SELECT (random() * 1e3)::int, (random() * 1e17)::bigint::numeric + 1 FROM generate_series(1, 5000);
INSERT INTO wide VALUES (999999999999999999, 0.000000000000000001), (0.000000000000000001, 999999999999999999),
	(9999.9999, 0.0001), (0.0001, 9999.9999), (-999999999999999999, 1), (767.8, 820), (820, 767.8);
SELECT is((SELECT count(*) FROM wide
			WHERE numeric_send(growth_pct(c, b)) IS DISTINCT FROM numeric_send(CASE WHEN b > 0 THEN (c / b - 1) * 100 END)
			   OR numeric_send(dev_index(c, b)) IS DISTINCT FROM numeric_send(CASE WHEN b > 0 THEN c * 100 / b END)),
	0::bigint, 'growth_pct and dev_index give the binary numeric the SQL expressions give (weight, scale and digits)');
-- The same with the fast path switched off (hatrung.numeric_fast_path): the
-- ordinary path must give the same answers on every server version.
SELECT is((SELECT setting || ' ' || context || ' ' || vartype FROM pg_settings WHERE name = 'hatrung.numeric_fast_path'),
	'on user bool', 'hatrung.numeric_fast_path is a boolean user setting, on by default');
SET LOCAL hatrung.numeric_fast_path = off;
SELECT is((SELECT count(*) FROM wide
			WHERE growth_pct(c, b)::text IS DISTINCT FROM (CASE WHEN b > 0 THEN (c / b - 1) * 100 END)::text
			   OR dev_index(c, b)::text IS DISTINCT FROM (CASE WHEN b > 0 THEN c * 100 / b END)::text
			   OR numeric_send(growth_pct(c, b)) IS DISTINCT FROM numeric_send(CASE WHEN b > 0 THEN (c / b - 1) * 100 END)
			   OR numeric_send(dev_index(c, b)) IS DISTINCT FROM numeric_send(CASE WHEN b > 0 THEN c * 100 / b END)),
	0::bigint, 'with hatrung.numeric_fast_path off: growth_pct and dev_index print and send what the SQL expressions give');
SELECT is((SELECT count(*) FROM (SELECT hatrung.ytd(c, hatrung.make_quarter(2023, 1 + (n % 4)::int), 'flow')
									 OVER (PARTITION BY n / 4 ORDER BY hatrung.make_quarter(2023, 1 + (n % 4)::int)) AS y,
								   sum(c) OVER (PARTITION BY n / 4 ORDER BY n) AS s
								FROM (SELECT c, row_number() OVER () - 1 AS n FROM wide) AS w) AS t
			WHERE y::text IS DISTINCT FROM s::text), 0::bigint,
	'with hatrung.numeric_fast_path off: a flow''s year to date prints what sum() prints');
RESET hatrung.numeric_fast_path;
SELECT is((SELECT count(*) FROM pairs WHERE dev_index(c, b) IS DISTINCT FROM
			CASE WHEN b > 0 THEN c * 100 / b END), 0::bigint,
	'dev_index equals c * 100 / b for b > 0');
SELECT is((SELECT count(*) FROM pairs WHERE b > 0 AND round(dev_index(c, b) - 100, 8) <> round(growth_pct(c, b), 8)),
	0::bigint, 'growth rate = development index - 100');
SELECT is((SELECT count(*) FROM pairs WHERE c > 0 AND b > 0
			AND abs(cagr(c, b, 4) - ((b / c) ^ (1 / 4::numeric) - 1) * 100) > 1e-10), 0::bigint,
	'cagr equals ((last / first) ^ (1 / steps) - 1) * 100');
SELECT is((SELECT count(*) FROM pairs WHERE c > 0 AND b > 0
			AND abs(growth_pct(c, b) - growth_pct(c::float8, b::float8)::numeric) > 1e-9 * greatest(1, abs(growth_pct(c, b)))),
	0::bigint, 'float8 growth_pct agrees with numeric');

SELECT * FROM finish();
ROLLBACK;
