-- pgTAP: properties of the quarter type, its errors with SQLSTATE, and
-- parallel plans.  Runs inside one transaction that is rolled back.
BEGIN;
SET search_path = public, hatrung;
SELECT plan(55);
-- every random test below draws the same numbers on every run
SELECT setseed(0.1729);

-- Catalog contract -------------------------------------------------------------
SELECT has_type('hatrung', 'quarter', 'type quarter exists');
SELECT isnt(to_regtype('hatrung.quarterrange'), NULL, 'type quarterrange exists');
SELECT isnt(to_regtype('hatrung.quartermultirange'), NULL, 'type quartermultirange exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'hatrung.quarter'::regtype), 4, 'quarter is 4 bytes');
SELECT ok((SELECT typbyval FROM pg_type WHERE oid = 'hatrung.quarter'::regtype), 'quarter is passed by value');
SELECT has_function('hatrung', 'make_quarter', ARRAY['integer', 'integer']);
SELECT has_function('hatrung', 'quarter', ARRAY['date']);
SELECT has_function('hatrung', 'is_valid_quarter', ARRAY['text']);
SELECT has_function('hatrung', 'generate_series', ARRAY['quarter', 'quarter', 'integer']);
SELECT volatility_is('hatrung', 'label_vi', ARRAY['quarter'], 'immutable');
SELECT volatility_is('hatrung', 'quarter_in', ARRAY['cstring'], 'immutable');
SELECT is_strict('hatrung', 'make_quarter', ARRAY['integer', 'integer']);
SELECT ok(EXISTS (
	SELECT 1 FROM pg_opclass
	WHERE opcname = 'quarter_ops' AND opcdefault AND opcintype = 'hatrung.quarter'::regtype
	  AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree')), 'quarter_ops is the default btree class');
SELECT ok(EXISTS (
	SELECT 1 FROM pg_opclass
	WHERE opcname = 'quarter_hash_ops' AND opcdefault AND opcintype = 'hatrung.quarter'::regtype
	  AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'hash')), 'quarter_hash_ops is the default hash class');

-- Errors: SQLSTATE and message -------------------------------------------------
SELECT throws_ok($$SELECT 'Q5-2023'::hatrung.quarter$$, '22007',
	'invalid input syntax for type quarter: "Q5-2023"', 'Q5-2023 is 22007');
SELECT throws_ok($$SELECT '2023-Q0'::hatrung.quarter$$, '22007',
	'invalid input syntax for type quarter: "2023-Q0"', '2023-Q0 is 22007');
SELECT throws_ok($$SELECT 'quý V/2023'::hatrung.quarter$$, '22007',
	'invalid input syntax for type quarter: "quý V/2023"', 'quý V/2023 is 22007');
SELECT throws_ok($$SELECT '2023-Q1 x'::hatrung.quarter$$, '22007',
	'invalid input syntax for type quarter: "2023-Q1 x"', 'trailing junk is 22007');
SELECT throws_ok($$SELECT ''::hatrung.quarter$$, '22007',
	'invalid input syntax for type quarter: ""', 'empty text is 22007');
SELECT throws_ok($$SELECT '10000-Q1'::hatrung.quarter$$, '22008',
	'quarter out of range: "10000-Q1"', 'year 10000 is 22008');
SELECT throws_ok($$SELECT '0000-Q4'::hatrung.quarter$$, '22008',
	'quarter out of range: "0000-Q4"', 'year 0 is 22008');
SELECT throws_ok($$SELECT '9999-Q4'::hatrung.quarter + 1$$, '22008',
	'quarter out of range', 'stepping past 9999-Q4 is 22008');
SELECT throws_ok($$SELECT '0001-Q1'::hatrung.quarter - 1$$, '22008',
	'quarter out of range', 'stepping before 0001-Q1 is 22008');
SELECT throws_ok($$SELECT hatrung.make_quarter(2023, 5)$$, '22023',
	'quarter number must be between 1 and 4: 5', 'make_quarter(2023, 5) is 22023');
SELECT throws_ok($$SELECT hatrung.make_quarter(10000, 1)$$, '22008',
	'year out of range for a quarter: 10000', 'make_quarter(10000, 1) is 22008');
SELECT throws_ok($$SELECT 'infinity'::date::hatrung.quarter$$, '22008',
	'cannot convert infinite date to quarter', 'infinite date is 22008');
SELECT throws_ok($$SELECT hatrung.fiscal_quarter('2023-01-01', 13)$$, '22023',
	'fiscal year start month must be between 1 and 12: 13', 'fiscal start month 13 is 22023');
SELECT throws_ok($$SELECT hatrung.quarter_from_yyyyq(20235)$$, '22023',
	'invalid yyyyq quarter number: 20235', 'yyyyq 20235 is 22023');
SELECT throws_ok($$SELECT * FROM hatrung.generate_series('2023-Q1'::hatrung.quarter, '2024-Q1', 0)$$,
	'22023', 'step size cannot equal zero', 'generate_series step 0 is 22023');
SELECT throws_ok($$SELECT '[2023-Q1,9999-Q4]'::hatrung.quarterrange$$, '22008',
	'quarter out of range', 'range closed at 9999-Q4 is 22008');
SELECT throws_ok($$SELECT sum(x) OVER (ORDER BY q RANGE BETWEEN -1 PRECEDING AND CURRENT ROW)
	FROM (VALUES ('2023-Q1'::hatrung.quarter, 1)) AS v(q, x)$$, '22013',
	'invalid preceding or following size in window function', 'negative frame offset is 22013');

-- Properties over every quarter 0001-Q1 .. 9999-Q4 ------------------------------
CREATE TEMP TABLE allq AS
	SELECT q FROM generate_series('0001-Q1'::quarter, '9999-Q4') AS q;
SELECT is((SELECT count(*) FROM allq), 39996::bigint, 'there are 39,996 quarters');
SELECT is((SELECT count(*) FROM allq WHERE q::text::quarter <> q), 0::bigint,
	'text output reads back as the same quarter');
SELECT is((SELECT count(*) FROM allq WHERE label_vi(q)::quarter <> q), 0::bigint,
	'the Vietnamese label reads back as the same quarter');
SELECT is((SELECT count(*) FROM allq WHERE make_quarter(year(q), quarter_of_year(q)) <> q), 0::bigint,
	'make_quarter(year, quarter_of_year) rebuilds every quarter');
SELECT is((SELECT count(*) FROM allq WHERE quarter_from_yyyyq(yyyyq(q)) <> q), 0::bigint,
	'yyyyq round-trips every quarter');
SELECT is((SELECT count(*) FROM allq WHERE quarter(quarter_start(q)) <> q OR quarter(quarter_end(q)) <> q),
	0::bigint, 'the first and last day of each quarter fall in it');
-- (OFFSET 0 keeps the filter below the arithmetic: 9999-Q4 + 1 would raise)
SELECT is((SELECT count(*) FROM (SELECT q FROM allq WHERE q < '9999-Q4' OFFSET 0) AS t
		   WHERE quarter_end(q) + 1 <> quarter_start(q + 1)),
	0::bigint, 'quarters tile the calendar with no gap and no overlap');
SELECT is((SELECT count(*) FROM allq WHERE days_in(q) <> quarter_end(q) - quarter_start(q) + 1), 0::bigint,
	'days_in agrees with the first and last day');
SELECT is((SELECT count(*) FROM (SELECT year(q) AS y, sum(days_in(q)) AS days FROM allq GROUP BY 1) AS t
		   WHERE days <> (make_date(y + 1, 1, 1) - make_date(y, 1, 1)) AND y < 9999), 0::bigint,
	'the quarters of each year add up to its 365 or 366 days');
SELECT is((SELECT count(*) FROM allq WHERE extract(year FROM quarter_start(q)) <> year(q)
			OR extract(quarter FROM quarter_start(q)) <> quarter_of_year(q)), 0::bigint,
	'year and quarter_of_year agree with PostgreSQL''s extract()');
SELECT is((SELECT count(*) FROM allq a WHERE (a.q - '2000-Q1'::quarter) <> (year(a.q) - 2000) * 4 + quarter_of_year(a.q) - 1),
	0::bigint, 'quarter - quarter counts the quarters between');
SELECT is((SELECT count(*) FROM (SELECT q FROM allq WHERE q > '0001-Q1' OFFSET 0) AS t
		   WHERE NOT (q - 1 < q AND q - 1 <> q)), 0::bigint,
	'every quarter is later than the one before');
SELECT is((SELECT count(*) FROM (SELECT q, lag(q) OVER (ORDER BY quarter_start(q)) AS prev FROM allq) AS t
		   WHERE prev IS NOT NULL AND prev >= q), 0::bigint,
	'sorting by quarter is sorting by date');
SELECT is((SELECT count(*) FROM allq WHERE quarter_hash(q) <> hashint4(yyyyq(q) / 10 * 4 + yyyyq(q) % 10 - 1)),
	0::bigint, 'the hash is the int4 hash of year * 4 + quarter - 1');

-- Random dates: quarter(d) matches extract() and contains d.
CREATE TEMP TABLE random_dates AS
	-- years 2..9998, so that the neighbouring quarters exist
	SELECT '0002-01-01'::date + (random() * ('9998-12-31'::date - '0002-01-01'::date))::int AS d
	FROM generate_series(1, 100000);
SELECT is((SELECT count(*) FROM random_dates
		   WHERE year(quarter(d)) <> extract(year FROM d) OR quarter_of_year(quarter(d)) <> extract(quarter FROM d)),
	0::bigint, 'quarter(d) agrees with extract() on 100,000 random dates');
SELECT is((SELECT count(*) FROM random_dates WHERE NOT quarter(d) @> d OR NOT d <@ quarter(d)
			OR quarter(d) - 1 @> d OR d <@ (quarter(d) + 1)), 0::bigint,
	'each random date is in its quarter and not in the neighbours');
SELECT is((SELECT count(*) FROM random_dates WHERE quarter(d)::date <> date_trunc('quarter', d)::date), 0::bigint,
	'quarter(d)::date equals date_trunc(''quarter'', d)::date');

-- Random arithmetic: (q + n) - q = n, and + / - are inverse (q + n stays in range).
SELECT is((SELECT count(*) FROM (
			SELECT '1900-Q1'::quarter + (random() * 1000)::int AS q, (random() * 2000 - 1000)::int AS n
			FROM generate_series(1, 20000)) AS r
		   WHERE (q + n) - q <> n OR (q + n) - n <> q OR n + q <> q + n), 0::bigint,
	'(q + n) - q = n and (q + n) - n = q on 20,000 random pairs');

-- Parser properties: random strings built from the grammar's pieces.  The
-- no-throw validator agrees with the input function on every one, and every
-- accepted string prints back to a string that reads as the same quarter.
CREATE TEMP TABLE random_texts AS
	SELECT string_agg((ARRAY['quý', 'Quý', 'quy', 'Q', 'q', ' ', '-', '/', 'I', 'V', 'II', 'IV',
							 '1', '2', '4', '5', '0', '2023', '9999', '10000', 'năm', 'x', '', '23'])
					  [1 + floor(random() * 24)::int], '') AS t
	FROM generate_series(1, 5000) AS g, generate_series(1, 5) AS piece
	GROUP BY g;
CREATE FUNCTION pg_temp.parses(t text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	PERFORM t::hatrung.quarter;
	RETURN true;
EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
	RETURN false;
END
$$;
SELECT is((SELECT count(*) FROM random_texts WHERE is_valid_quarter(t) <> pg_temp.parses(t)), 0::bigint,
	'is_valid_quarter agrees with the input function on 5,000 random strings');
SELECT is((SELECT count(*) FROM random_texts WHERE is_valid_quarter(t) AND t::quarter::text::quarter <> t::quarter),
	0::bigint, 'every accepted random string round-trips through its canonical text');
SELECT ok((SELECT count(*) FROM random_texts WHERE is_valid_quarter(t)) > 0,
	'some random strings are valid quarters (the generator is not vacuous)');

-- Gap-safe window frame ------------------------------------------------------------
CREATE TEMP TABLE gappy (period quarter, v int);
INSERT INTO gappy VALUES ('2022-Q1', 100), ('2022-Q3', 120), ('2023-Q1', 110), ('2023-Q2', 115), ('2023-Q3', 125);
SELECT results_eq(
	$$SELECT period::text, first_value(v) OVER (ORDER BY period RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING)
	  FROM gappy ORDER BY period$$,
	$$VALUES ('2022-Q1', NULL::int), ('2022-Q3', NULL), ('2023-Q1', 100), ('2023-Q2', NULL), ('2023-Q3', 120)$$,
	'RANGE 4 PRECEDING finds the same quarter last year, NULL where it is missing');

-- Parallel plans ----------------------------------------------------------------------
CREATE TABLE par (period quarter, v int);
INSERT INTO par SELECT '2000-Q1'::quarter + (g % 100), g FROM generate_series(1, 200000) AS g;
ANALYZE par;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN plan::jsonb;
END
$$;
SELECT ok(pg_temp.plan_of('SELECT hatrung.min(period), hatrung.max(period), count(*) FROM par WHERE hatrung.year(period) >= 2010')
		  @? '$.** ? (@."Partial Mode" == "Partial")',
	'min/max over quarters run as a Partial Aggregate under Gather');
SELECT results_eq(
	$$SELECT min(period)::text, max(period)::text, count(*) FROM par WHERE year(period) >= 2010$$,
	$$VALUES ('2010-Q1', '2024-Q4', 120000::bigint)$$,
	'the parallel aggregate returns the serial answer');

SELECT * FROM finish();
ROLLBACK;
