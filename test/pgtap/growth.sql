-- pgTAP: growth functions — errors with SQLSTATE, and properties on random
-- series with gaps: window functions, series accessors and plain-SQL
-- definitions must agree exactly.
BEGIN;
SET search_path = public, hatrung;
SELECT plan(45);

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
-- Plain-SQL definitions by period (self-joins), the slow but obvious truth
-- (the scalar functions themselves are checked against an exact reference
-- below).
CREATE TEMP TABLE truth AS
SELECT o.u, o.period, o.v,
	   b4.v AS spl, b1.v AS pq,
	   growth_pct(o.v, b4.v) AS yoy,
	   growth_pct(o.v, b1.v) AS qoq,
	   (SELECT CASE WHEN count(x.v) = quarter_of_year(o.period) THEN sum(x.v) END
		FROM obs x WHERE x.u = o.u AND year(x.period) = year(o.period) AND x.period <= o.period) AS ytd_flow,
	   (SELECT CASE WHEN count(x.v) = quarter_of_year(o.period) THEN sum(x.v) END
		FROM obs x WHERE x.u = o.u AND year(x.period) = year(o.period) - 1
		  AND x.period <= o.period - 4) AS ytd_flow_last_year,
	   dev_index(o.v, b1.v) AS chain
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
	'yoy_pct equals growth_pct(v, value 4 quarters back) by period, NULL for a missing or non-positive base');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.qoq IS DISTINCT FROM t.qoq), 0::bigint,
	'qoq_pct equals the plain-SQL definition');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.ytd_flow IS DISTINCT FROM t.ytd_flow),
	0::bigint, 'ytd flow is the sum of Q1..Qn, NULL unless every quarter is known');
SELECT is((SELECT count(*) FROM w WHERE w.ytd_stock IS DISTINCT FROM w.v), 0::bigint,
	'ytd stock is the value at the period');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period)
		   WHERE w.ytd_yoy IS DISTINCT FROM
				 growth_pct(t.ytd_flow, t.ytd_flow_last_year)),
	0::bigint, 'ytd_yoy_pct compares the two YTD totals');
SELECT is((SELECT count(*) FROM w JOIN truth t USING (u, period) WHERE w.chain IS DISTINCT FROM t.chain), 0::bigint,
	'chain_index equals dev_index(v, previous quarter)');
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

-- Scalars against an exact reference.  pg_temp.exact_round(num, den, k) is
-- num / den correctly rounded (half away from zero) at k decimals, in exact
-- integer arithmetic; every growth measure is such a ratio, and rounding
-- its result to 1, 2 or 4 decimals must give exactly that.
CREATE FUNCTION pg_temp.exact_round(num numeric, den numeric, k integer) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
	scaled numeric := num * power(10::numeric, k);
	q numeric := div(scaled, den);
BEGIN
	IF abs(2 * (scaled - q * den)) >= abs(den) THEN
		q := q + sign(scaled) * sign(den);
	END IF;
	RETURN round(q / power(10::numeric, k), k);
END
$$;
-- Figures of every size and scale, so both the 128-bit fast path and the
-- ordinary numeric path run; then figures built next to a rounding tie:
-- c = b * (1 + t / 100) for a growth t = x.x5, x.xx5 or x.xxxx5, moved by
-- one unit in the last place, so the exact growth is just above or below
-- the tie.
CREATE TEMP TABLE wide AS
SELECT round((random() - 0.2)::numeric * 10::numeric ^ (floor(random() * 45) - 20)::int, floor(random() * 22)::int) AS c,
	   round((random() - 0.1)::numeric * 10::numeric ^ (floor(random() * 45) - 20)::int, floor(random() * 22)::int) AS b
FROM generate_series(1, 20000);
INSERT INTO wide
SELECT round((random() * 1e6)::numeric, (random() * 4)::int), round((random() * 1e6)::numeric, (random() * 4)::int)
FROM generate_series(1, 20000);
INSERT INTO wide
SELECT (random() * 1e17)::bigint::numeric, (random() * 1e3)::int + 1 FROM generate_series(1, 3000);
INSERT INTO wide
SELECT (random() * 1e3)::int, (random() * 1e17)::bigint::numeric + 1 FROM generate_series(1, 3000);
INSERT INTO wide
SELECT b * (100 + t) / 100 + step * 10::numeric ^ (-(scale(b) + k + 2)), b
FROM (SELECT round((random() * 10::numeric ^ (1 + floor(random() * 14)::int))::numeric, (random() * 4)::int) + 1 AS b,
			 k, (floor(random() * 2000) - 1000 + 0.5) / 10::numeric ^ k AS t, step
	  FROM generate_series(1, 1000), (VALUES (1), (2), (4)) AS kk(k), (VALUES (-1), (0), (1)) AS st(step)) AS x;
INSERT INTO wide VALUES (0, 1), (1, 3), (999999999999999999, 1), (1000000000000000000, 7), (1, 999999999999999999),
	(0.000000000000000001, 3), (123456789.123456789, 0.000000001), (-5, 0.5), (5, 0),
	(999999999999999999, 0.000000000000000001), (0.000000000000000001, 999999999999999999),
	(9999.9999, 0.0001), (0.0001, 9999.9999), (-999999999999999999, 1), (767.8, 820), (820, 767.8),
	(988336557220.134, 929324454367.78), (9, 8388608), (1e30, 3), (1, 1e-30), (2, 7e25);
CREATE FUNCTION pg_temp.digits(x numeric) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
	SELECT length(ltrim(translate(abs(x)::text, '.', ''), '0'))
$$;
CREATE FUNCTION pg_temp.mismatches() RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*)
	FROM wide, (VALUES (1), (2), (4)) AS kk(k)
	WHERE b > 0 AND (round(growth_pct(c, b), k) <> pg_temp.exact_round((c - b) * 100, b, k)
					 OR round(dev_index(c, b), k) <> pg_temp.exact_round(c * 100, b, k)
					 OR round(pct_of_plan(c, b), k) <> pg_temp.exact_round(c * 100, b, k)
					 OR round(contribution_pp(c, b / 2, b), k) <> pg_temp.exact_round((c - b / 2) * 100, b, k)
					 OR round(share_of_growth(c, b, 0), k) <> pg_temp.exact_round(c * 100, b, k))
$$;
SELECT is((SELECT count(*) FROM wide), 55021::bigint, 'the reference set: 55,021 pairs of every size, 9,000 of them next to rounding ties');
SELECT is(pg_temp.mismatches(), 0::bigint,
	'growth_pct, dev_index, pct_of_plan, contribution_pp and share_of_growth rounded to 1, 2 and 4 decimals equal the exactly rounded ratio');
SELECT is((SELECT count(*) FROM wide
			WHERE b > 0 AND (growth_pct(c, b) IS NULL OR dev_index(c, b) IS NULL
							 OR (c <> b AND pg_temp.digits(growth_pct(c, b)) < 20)
							 OR (c <> 0 AND pg_temp.digits(dev_index(c, b)) < 20))),
	0::bigint, 'every result carries at least 20 significant digits');
SELECT is((SELECT count(*) FROM wide WHERE b <= 0 AND (growth_pct(c, b) IS NOT NULL OR dev_index(c, b) IS NOT NULL)),
	0::bigint, 'a base <= 0 gives NULL');
-- The same with the fast path switched off (hatrung.numeric_fast_path): the
-- ordinary path gives the same answers, digit for digit.
SELECT is((SELECT setting || ' ' || context || ' ' || vartype FROM pg_settings WHERE name = 'hatrung.numeric_fast_path'),
	'on user bool', 'hatrung.numeric_fast_path is a boolean user setting, on by default');
CREATE TEMP TABLE fast AS SELECT c, b, growth_pct(c, b) AS g, dev_index(c, b) AS d FROM wide;
SET LOCAL hatrung.numeric_fast_path = off;
SELECT is(pg_temp.mismatches(), 0::bigint,
	'with hatrung.numeric_fast_path off: every measure rounded to 1, 2 and 4 decimals equals the exactly rounded ratio');
SELECT is((SELECT count(*) FROM fast WHERE numeric_send(g) IS DISTINCT FROM numeric_send(growth_pct(c, b))
								   OR numeric_send(d) IS DISTINCT FROM numeric_send(dev_index(c, b))),
	0::bigint, 'the fast path and the ordinary path give the same binary numeric (value, scale, digits)');
SELECT is((SELECT count(*) FROM (SELECT hatrung.ytd(c, hatrung.make_quarter(2023, 1 + (n % 4)::int), 'flow')
									 OVER (PARTITION BY n / 4 ORDER BY hatrung.make_quarter(2023, 1 + (n % 4)::int)) AS y,
								   sum(c) OVER (PARTITION BY n / 4 ORDER BY n) AS s
								FROM (SELECT c, row_number() OVER () - 1 AS n FROM wide) AS w) AS t
			WHERE y::text IS DISTINCT FROM s::text), 0::bigint,
	'with hatrung.numeric_fast_path off: a flow''s year to date prints what sum() prints');
RESET hatrung.numeric_fast_path;
-- An exact tie at the 20th decimal rounds half away from zero on both paths
-- (9 * 100 / 8388608 = 0.000107288360595703125).
SELECT is(round(dev_index(9, 8388608), 20), 0.00010728836059570313, 'an exact tie rounds up (fast path)');
SET LOCAL hatrung.numeric_fast_path = off;
SELECT is(round(dev_index(9, 8388608), 20), 0.00010728836059570313, 'an exact tie rounds up (ordinary path)');
SELECT is(round(dev_index(-9, 8388608), 20), -0.00010728836059570313, 'a negative exact tie rounds away from zero');
RESET hatrung.numeric_fast_path;

-- Roots: cagr and avg_growth_pct against ln and exp at 80 decimals.
CREATE TEMP TABLE roots AS
SELECT round((random() * 10::numeric ^ floor(random() * 25)::int)::numeric, (random() * 3)::int) + 1 AS first,
	   round((random() * 10::numeric ^ floor(random() * 25)::int)::numeric, (random() * 3)::int) + 1 AS last,
	   1 + floor(random() * 12)::int AS steps
FROM generate_series(1, 2000);
SELECT is((SELECT count(*) FROM roots, (VALUES (1), (2), (4)) AS kk(k)
			WHERE round(cagr(first, last, steps), k) <>
				  round((exp(ln(round(last, 80) / first) / steps) - 1) * 100, k)), 0::bigint,
	'cagr rounded to 1, 2 and 4 decimals equals the reference, for figures up to 10^25');
SELECT is((SELECT count(*) FROM roots WHERE cagr(first, last, 1) IS DISTINCT FROM growth_pct(last, first)), 0::bigint,
	'cagr over one step is the growth rate, exactly');
SELECT is((SELECT count(*) FROM roots, (VALUES (1), (2), (4)) AS kk(k)
			WHERE round(avg_growth_pct(ARRAY[100 + steps, last / first * 100, 100]), k) <>
				  round((exp((ln(round(100 + steps, 80) / 100) + ln(round(last, 80) / first) + ln(round(100::numeric, 80) / 100)) / 3) - 1) * 100, k)),
	0::bigint, 'avg_growth_pct rounded to 1, 2 and 4 decimals equals the geometric mean computed at 80 decimals');
SELECT is(ARRAY[round(avg_growth_pct(ARRAY[122.55]), 1), avg_growth_pct(ARRAY[121, 121]), cagr(100, 121, 2)],
	ARRAY[22.6, 21, 10]::numeric[], 'one index is its own mean (22.55 rounds to 22.6); exact roots are exact');
SELECT is(ARRAY[avg_growth_pct(ARRAY['NaN']::numeric[]), avg_growth_pct(ARRAY['Infinity']::numeric[]),
				avg_growth_pct(ARRAY[1e-1000]), avg_growth_pct(ARRAY[110, 0]), avg_growth_pct('{}'::numeric[])],
	ARRAY[NULL, NULL, NULL, NULL, NULL]::numeric[], 'avg_growth_pct is NULL for NaN, infinite, underflowing, non-positive or no index');
CREATE TEMP TABLE pairs_nan AS
SELECT p, hatrung.ytd(v, p, 'flow') OVER (ORDER BY p) AS y
FROM (VALUES (1::numeric, '2023-Q1'::hatrung.quarter), ('NaN', '2023-Q2'), (3, '2023-Q3')) AS t(v, p);
SELECT is((SELECT array_agg(y ORDER BY p) FROM pairs_nan), ARRAY[1, NULL, NULL]::numeric[],
	'a flow''s year to date with a NaN quarter is NULL (unknown), like a missing quarter (window function)');
SELECT is(ARRAY[ytd('{2023-Q1:1,2023-Q2:NaN,2023-Q3:3}'::qseries, '2023-Q3', 'flow'),
				ytd('{2023-Q1:1,2023-Q2:NaN,2023-Q3:3}'::qseries, '2023-Q1', 'flow')],
	ARRAY[NULL, 1]::numeric[], 'the same from a qseries (accessor)');

SELECT is((SELECT count(*) FROM wide WHERE c > 0 AND b > 0
			AND abs(growth_pct(c, b) - growth_pct(c::float8, b::float8)::numeric) > 1e-9 * greatest(1, abs(growth_pct(c, b)))
			AND abs(c) BETWEEN 1e-10 AND 1e10 AND abs(b) BETWEEN 1e-10 AND 1e10),
	0::bigint, 'float8 growth_pct agrees with numeric');

-- Memory: the planner sizes a quarterly_series state at 8 kB a group, so a
-- hash aggregate over many long series spills within work_mem (a state
-- sized at a few bytes let it grow far past work_mem).
SELECT is((SELECT array_agg(a.aggtransspace) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'hatrung'::regnamespace AND p.proname IN ('quarterly_series', 'chronological_mean')
			 AND p.pronargs = 2),
		  ARRAY[8192, 8192], 'quarterly_series(value, period) and chronological_mean declare 8 kB states');
CREATE TEMP TABLE long_series AS
SELECT g AS u, '2000-Q1'::hatrung.quarter + i AS period, (g + i)::numeric AS v
FROM generate_series(1, 2000) AS g, generate_series(0, 99) AS i;
ANALYZE long_series;
SET LOCAL work_mem = '1MB';
SET LOCAL enable_sort = off;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE FUNCTION pg_temp.hashagg_batches(q text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF) ' || q INTO plan;
	RETURN (plan -> 0 -> 'Plan' -> 'Plans' -> 0 ->> 'HashAgg Batches')::integer;
END
$$;
SELECT cmp_ok(pg_temp.hashagg_batches(
	'SELECT count(hatrung.periods(s)) FROM (SELECT u, hatrung.quarterly_series(v, period) AS s FROM long_series GROUP BY u) t'),
	'>', 1, 'a hash aggregate of 2,000 series of 100 values spills within work_mem = 1MB');
SELECT * FROM finish();
ROLLBACK;
