-- The two-step summary: quarterly_series(value, period) -> qseries, and its
-- accessors; text and binary I/O; parallel plans with the serial answer.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

CREATE TABLE obs (unit int, period quarter, value numeric);
INSERT INTO obs
SELECT u, '2020-Q1'::quarter + i, u * 10 + i
FROM generate_series(1, 3) AS u, generate_series(0, 11) AS i
WHERE NOT (u = 1 AND i = 5);			-- unit 1 misses 2021-Q2
INSERT INTO obs VALUES (2, '2030-Q1', NULL), (NULL::int, '2020-Q1', 1), (3, NULL, 5);

SELECT unit, quarterly_series(value, period) FROM obs WHERE unit IS NOT NULL GROUP BY unit ORDER BY unit;

-- Accessors answer what the window functions answer.
SELECT unit, value_at(s, '2021-Q1') AS v_2021q1, same_period_last_year(s, '2021-Q1') AS spl,
	   previous_quarter(s, '2021-Q1') AS prev, round(yoy_pct(s, '2021-Q1'), 2) AS yoy,
	   round(qoq_pct(s, '2021-Q1'), 2) AS qoq, yoy_pct(s, '2021-Q2') AS yoy_missing,
	   ytd(s, '2021-Q4', 'flow') AS ytd_flow, ytd(s, '2021-Q4', 'stock') AS ytd_stock,
	   round(ytd_yoy_pct(s, '2022-Q4', 'flow'), 2) AS ytd_yoy,
	   round(cagr(s), 4) AS cagr_per_year, round(cagr(s, 1), 4) AS cagr_per_quarter,
	   first_period(s), last_period(s), periods(s)
FROM (SELECT unit, quarterly_series(value, period) AS s FROM obs WHERE unit IS NOT NULL GROUP BY unit) AS t
ORDER BY unit;

-- The same numbers from the window functions.
SELECT unit, round(yoy_pct(value, period) OVER w, 2) AS yoy,
	   ytd(value, period, 'flow') OVER w AS ytd_flow
FROM obs WHERE unit IS NOT NULL AND period IN ('2021-Q1', '2021-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4',
	'2021-Q2', '2021-Q3') AND value IS NOT NULL
WINDOW w AS (PARTITION BY unit ORDER BY period)
ORDER BY unit, period;

-- A whole-table series, an empty group, a repeated period.
SELECT quarterly_series(value, period) FROM obs WHERE false;
SELECT quarterly_series(v, p) FROM (VALUES (1, '2023-Q1'::quarter), (2, '2023-Q1')) AS t(v, p);
SELECT quarterly_series(v, p) IS NULL AS only_nulls_give_null
FROM (VALUES (NULL::numeric, '2023-Q1'::quarter), (1, NULL)) AS t(v, p);

-- Text input: any quarter spelling, any order; output is canonical.
SELECT '{2023-Q2:5, quý I-2023:4.5}'::qseries AS reordered, '{}'::qseries AS empty,
	   ' {2023-Q1:-1.5e3} '::qseries AS spaces_and_exponent;
SELECT s::text::qseries::text = s::text AS round_trips
FROM (SELECT quarterly_series(value, period)::text::qseries AS s FROM obs WHERE unit = 1) AS t;
\i sql/include/try.sql
SELECT input, pg_temp.try(format('SELECT %L::hatrung.qseries', input)) AS result
FROM (VALUES ('{2023-Q2:5,2023-Q2:4}'), ('{2023-Q2:x}'), ('{2023-Q5:1}'), ('{10000-Q1:1}'),
			 ('{2023-Q2:5'), ('2023-Q2:5}'), ('{2023-Q2}'), ('{2023-Q2:5}x'), (''), ('{,}'),
			 ('{2023-Q1:NaN}'), ('{2023-Q1:}')) AS v(input);
SELECT pg_temp.try('SELECT hatrung.ytd(''{2023-Q1:1}''::hatrung.qseries, ''2023-Q1'', ''ratio'')') AS bad_kind,
	   pg_temp.try('SELECT hatrung.cagr(''{2023-Q1:1,2024-Q1:2}''::hatrung.qseries, 0)') AS bad_step;
SELECT cagr('{2023-Q1:1}'::qseries) AS one_point, cagr('{2023-Q1:0,2024-Q1:2}'::qseries) AS from_zero,
	   round(cagr('{2023-Q1:100,2024-Q1:110}'::qseries), 16) AS one_year;

-- Binary I/O through COPY (FORMAT binary).
CREATE TABLE summaries AS
SELECT unit, quarterly_series(value, period) AS s FROM obs WHERE unit IS NOT NULL GROUP BY unit;
INSERT INTO summaries VALUES (9, '{}'), (10, NULL);
CREATE TABLE summaries_copy (LIKE summaries);
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_qseries.copy';
BEGIN
	EXECUTE format('COPY summaries TO %L (FORMAT binary)', f);
	EXECUTE format('COPY summaries_copy FROM %L (FORMAT binary)', f);
END
$$;
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text IS DISTINCT FROM b.s::text) AS differing
FROM summaries a JOIN summaries_copy b USING (unit);
SELECT qseries_send('{2023-Q1:1.5}') AS wire_form;

-- Binary input checks everything it reads.  A bytea's binary form is its raw
-- bytes, so a bytea column copied out in binary and read back as qseries
-- hands forged messages to qseries_recv.
CREATE FUNCTION pg_temp.recv_qseries(wire bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_qseries_forged.copy';
	got text;
BEGIN
	CREATE TEMP TABLE forged_wire (b bytea);
	CREATE TEMP TABLE forged_series (s hatrung.qseries);
	INSERT INTO forged_wire VALUES (wire);
	EXECUTE format('COPY forged_wire TO %L (FORMAT binary)', f);
	BEGIN
		EXECUTE format('COPY forged_series FROM %L (FORMAT binary)', f);
		SELECT s::text INTO got FROM forged_series;
	EXCEPTION WHEN OTHERS THEN
		got := SQLSTATE || ': ' || SQLERRM;
	END;
	DROP TABLE forged_wire, forged_series;
	RETURN got;
END
$$;
SELECT label, pg_temp.recv_qseries(decode(wire, 'hex')) AS result
FROM (VALUES
	('the wire form above',     '00000001' || '00001f9c' || '0000000c' || '000200000000000100011388'),
	('empty series',            '00000000'),
	('empty message',           ''),
	('short count',             '000000'),
	('negative count',          'ffffffff'),
	('count beyond message',    '00000002' || '00001f9c' || '00000000'),
	('year 0 ordinal',          '00000001' || '00000003' || '00000000'),
	('year 10000 ordinal',      '00000001' || '00009c40' || '00000000'),
	('negative value length',   '00000001' || '00001f9c' || 'fffffffb'),
	('value length past end',   '00000001' || '00001f9c' || '00000005' || '01'),
	('value shorter than numeric', '00000001' || '00001f9c' || '00000002' || '0001'),
	('value with trailing byte', '00000001' || '00001f9c' || '0000000d' || '000200000000000100011388' || '00'),
	('bad numeric sign',        '00000001' || '00001f9c' || '00000008' || '0000000012340000'),
	('repeated period',         '00000002' || '00001f9c' || '00000008' || '0000000000000000'
	                                       || '00001f9c' || '00000008' || '0000000000000000'),
	('two elements out of order', '00000002' || '00001f9d' || '00000008' || '0000000000000000'
	                                       || '00001f9c' || '00000008' || '0000000000000000'),
	('bytes after the series',  '00000000' || 'ff')
) AS t(label, wire);

-- Parallel: Partial Aggregate under Gather, and exactly the serial answer.
CREATE TABLE big AS
SELECT u, '2000-Q1'::quarter + i AS period, (u + i)::numeric AS value
FROM generate_series(1, 50) AS u, generate_series(0, 99) AS i;
ANALYZE big;
CREATE FUNCTION pg_temp.answer() RETURNS text LANGUAGE sql AS $$
	SELECT md5(string_agg(u || '=' || s::text, ';' ORDER BY u))
	FROM (SELECT u, hatrung.quarterly_series(value, period) AS s FROM big GROUP BY u) AS t
$$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT u, quarterly_series(value, period) FROM big GROUP BY u;
CREATE TEMP TABLE parallel_answer AS SELECT pg_temp.answer() AS a;
SET max_parallel_workers_per_gather = 0;
SELECT a = pg_temp.answer() AS parallel_equals_serial FROM parallel_answer;

-- Rows in no order (sorted by the final function) or in a few ascending
-- runs (merged), and values of over 255 bytes: every series, serial or
-- parallel, equals its definition written with string_agg.
CREATE TABLE shuffled AS
SELECT u, period, CASE WHEN (u + i) % 7 = 0 THEN ('1' || repeat('0', 700))::numeric + u + i ELSE value END AS value
FROM (SELECT b.*, period - '2000-Q1'::quarter AS i FROM big AS b) AS b
ORDER BY md5(u || '/' || period::text);
CREATE TABLE in_runs AS SELECT * FROM shuffled ORDER BY (period - '2000-Q1'::quarter) % 5, period;
ANALYZE shuffled, in_runs;
CREATE FUNCTION pg_temp.wrong_series(tbl text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	wrong bigint;
BEGIN
	EXECUTE format($q$
		SELECT count(*)
		FROM (SELECT u, hatrung.quarterly_series(value, period)::text AS s FROM %1$I GROUP BY u) AS got
		JOIN (SELECT u, '{' || string_agg(period::text || ':' || value::text, ',' ORDER BY period) || '}' AS s
			  FROM %1$I GROUP BY u) AS want USING (u)
		WHERE got.s IS DISTINCT FROM want.s$q$, tbl) INTO wrong;
	RETURN wrong;
END
$$;
SELECT max(length(value::text)) AS longest_value_digits FROM shuffled;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT u, quarterly_series(value, period) FROM shuffled GROUP BY u;
SELECT pg_temp.wrong_series('shuffled') AS wrong_parallel, pg_temp.wrong_series('in_runs') AS wrong_parallel_runs;
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.wrong_series('shuffled') AS wrong_serial, pg_temp.wrong_series('in_runs') AS wrong_serial_runs;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- The ranked form: several versions (vintages) of a figure in one group;
-- the highest rank of each period wins, lower ranks may repeat, a tie at
-- the top is an error, rows with a NULL rank are skipped like NULL values.
SELECT quarterly_series(v, p, r) AS latest_wins
FROM (VALUES (1.0, '2023-Q1'::quarter, 1), (2.0, '2023-Q1', 3), (3.0, '2023-Q2', 2), (1.5, '2023-Q1', 2)) AS t(v, p, r);
SELECT quarterly_series(v, p, r) AS lower_ranks_may_repeat
FROM (VALUES (5, '2023-Q1'::quarter, 1), (6, '2023-Q1', 1), (7, '2023-Q1', 3)) AS t(v, p, r);
SELECT quarterly_series(v, p, r) AS null_rank_skipped
FROM (VALUES (5, '2023-Q1'::quarter, NULL::int), (6, '2023-Q1', 1), (NULL, '2023-Q2', 9), (8, NULL, 9)) AS t(v, p, r);
SELECT quarterly_series(v, p, r) IS NULL AS nothing_ranked_gives_null
FROM (VALUES (5, '2023-Q1'::quarter, NULL::int)) AS t(v, p, r);
SELECT pg_temp.try($$SELECT hatrung.quarterly_series(v, p, r)
	FROM (VALUES (1, '2023-Q1'::hatrung.quarter, 2), (2, '2023-Q1', 2), (0, '2023-Q1', 1)) AS t(v, p, r)$$) AS tie_at_the_top;
SELECT quarterly_series(v, p, r) AS negative_ranks_order_too
FROM (VALUES (1, '2023-Q1'::quarter, -5), (2, '2023-Q1', -2)) AS t(v, p, r);

-- Multi-vintage data in parallel: Partial Aggregate under Gather, and every
-- series equals the one built from the latest vintage of each period.
CREATE TABLE vintages AS
SELECT u, period, v.rank, (u * 1000 + i * 10 + v.rank)::numeric AS value
FROM (SELECT b.u, b.period, b.period - '2000-Q1'::quarter AS i FROM big AS b) AS b
CROSS JOIN LATERAL (SELECT r AS rank FROM generate_series(1, 1 + (u + i) % 3) AS r) AS v
ORDER BY md5(u || '/' || period::text || '/' || v.rank);
ANALYZE vintages;
CREATE FUNCTION pg_temp.wrong_ranked() RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*)
	FROM (SELECT u, hatrung.quarterly_series(value, period, rank)::text AS s FROM vintages GROUP BY u) AS got
	JOIN (SELECT u, hatrung.quarterly_series(value, period)::text AS s
		  FROM (SELECT DISTINCT ON (u, period) u, period, value FROM vintages ORDER BY u, period, rank DESC) AS l
		  GROUP BY u) AS want USING (u)
	WHERE got.s IS DISTINCT FROM want.s
$$;
SELECT count(*) AS vintage_rows, count(DISTINCT (u, period)) AS figures FROM vintages;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT u, quarterly_series(value, period, rank) FROM vintages GROUP BY u;
SELECT pg_temp.wrong_ranked() AS wrong_parallel;
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.wrong_ranked() AS wrong_serial;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

DROP TABLE obs, summaries, summaries_copy, big, parallel_answer, shuffled, in_runs, vintages;

-- The aggregate's partial state, qseries_partial: what parallel workers and
-- Citus worker nodes pass on (Citus in its text form).  Arrival order and
-- repeated periods are kept; the text form reads back exactly.
SELECT '{2023-Q2:801.50,2023-Q1:820}'::qseries_partial AS unranked,
	   '{2023-Q1:820@1, quý I-2023:821.0@3}'::qseries_partial AS ranked_any_spelling,
	   '{}'::qseries_partial AS empty;
SELECT s::text::qseries_partial::text = s::text AS text_round_trip
FROM (VALUES ('{2023-Q1:1e-20@-2,2023-Q1:NaN@5,2024-Q4:-Infinity@0}'::qseries_partial),
			 ('{2023-Q1:123456789012345678901234567890.123456789}'::qseries_partial)) AS t(s);
SELECT pg_temp.try($$SELECT '{2023-Q1:1,2023-Q2:2@3}'::hatrung.qseries_partial$$) AS mixed_ranks,
	   pg_temp.try($$SELECT '{2023-Q1:1@x}'::hatrung.qseries_partial$$) AS bad_rank,
	   pg_temp.try($$SELECT '{2023-Q1:1@99999999999}'::hatrung.qseries_partial$$) AS rank_too_big,
	   pg_temp.try($$SELECT '{2023-Q5:1}'::hatrung.qseries_partial$$) AS bad_period,
	   pg_temp.try($$SELECT '2023-Q1:1'::hatrung.qseries_partial$$) AS no_brace,
	   pg_temp.try($$SELECT '{2023-Q1:abc}'::hatrung.qseries_partial$$) AS bad_value;
-- The support functions refuse to run outside their aggregate (they update
-- the state in place), and ranked and unranked states do not mix.
SELECT pg_temp.try($$SELECT hatrung.qseries_partial_trans(NULL, 1, '2023-Q1')$$) AS outside_aggregate,
	   pg_temp.try($$SELECT hatrung.qseries_partial_combine('{2023-Q1:1}', '{2023-Q1:2}')$$) AS combine_outside,
	   pg_temp.try($$SELECT hatrung.quarterly_series(v, p, r) FROM (VALUES (1, '2023-Q1'::hatrung.quarter, 1)) AS t(v, p, r)
					  UNION ALL SELECT NULL$$) AS ranked_alone,
	   hatrung.qseries_partial_final('{2023-Q1:5@1,2023-Q1:7@2,2023-Q2:1@1}') AS final_keeps_highest;
-- Binary form through COPY (FORMAT binary), and forged messages.
CREATE TABLE partials (n int, s qseries_partial);
INSERT INTO partials VALUES (1, '{2023-Q1:820@1,2023-Q1:821.5@3,2024-Q2:-0.001@2}'), (2, '{2023-Q3:1,2023-Q3:2}'),
	(3, '{}'), (4, NULL);
CREATE TABLE partials_copy (LIKE partials);
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_partials.copy';
BEGIN
	EXECUTE format('COPY partials TO %L (FORMAT binary)', f);
	EXECUTE format('COPY partials_copy FROM %L (FORMAT binary)', f);
END
$$;
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s::text IS NOT DISTINCT FROM b.s::text) AS identical
FROM partials a JOIN partials_copy b USING (n);
SELECT qseries_partial_send('{2023-Q1:1.5@3}') AS ranked_wire_form;
CREATE FUNCTION pg_temp.recv_partial(wire bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_partial_forged.copy';
	got text;
BEGIN
	CREATE TEMP TABLE forged_wire (b bytea);
	CREATE TEMP TABLE forged_partial (s hatrung.qseries_partial);
	INSERT INTO forged_wire VALUES (wire);
	EXECUTE format('COPY forged_wire TO %L (FORMAT binary)', f);
	BEGIN
		EXECUTE format('COPY forged_partial FROM %L (FORMAT binary)', f);
		SELECT s::text INTO got FROM forged_partial;
	EXCEPTION WHEN OTHERS THEN
		got := SQLSTATE || ': ' || SQLERRM;
	END;
	DROP TABLE forged_wire, forged_partial;
	RETURN got;
END
$$;
SELECT label, pg_temp.recv_partial(decode(wire, 'hex')) AS result
FROM (VALUES
	('the ranked wire form above', '00000001' || '00000001' || '00001f9c' || '00000003' || '0000000c' || '000200000000000100011388'),
	('unranked, a period twice',   '00000000' || '00000002' || '00001f9c' || '00000008' || '0000000000000000'
	                                          || '00001f9c' || '00000008' || '0000000000000000'),
	('empty',                      '00000000' || '00000000'),
	('no header',                  '0000'),
	('ranked flag 2',              '00000002' || '00000000'),
	('count beyond message',       '00000000' || '00000002' || '00001f9c' || '00000008' || '0000000000000000'),
	('negative count',             '00000000' || 'ffffffff'),
	('year 0 ordinal',             '00000000' || '00000001' || '00000003' || '00000008' || '0000000000000000'),
	('value length past end',      '00000000' || '00000001' || '00001f9c' || '00000010' || '0000000000000000'),
	('value shorter than numeric', '00000000' || '00000001' || '00001f9c' || '00000002' || '0001' || '000000000000'),
	('bad numeric sign',           '00000000' || '00000001' || '00001f9c' || '00000008' || '0000000012340000'),
	('rank missing',               '00000001' || '00000001' || '00001f9c')) AS t(label, wire);

-- The chronological mean of a stock: first and last levels count half.
-- Herd 45.000; 46.200; 47.100; 45.800 -> 46.233,3 (the simple mean is 46.025).
SELECT round(chronological_mean(v, p), 1) AS chronological, round(avg(v), 3) AS simple_mean
FROM (VALUES (45000, '2023-Q1'::quarter), (46200, '2023-Q2'), (47100, '2023-Q3'), (45800, '2023-Q4')) AS t(v, p);
SELECT chronological_mean('{2023-Q4:45800,2023-Q1:45000,2023-Q3:47100,2023-Q2:46200}'::qseries) AS accessor_any_order,
	   chronological_mean('{2023-Q1:5}'::qseries) AS one_level, chronological_mean('{2023-Q1:5,2023-Q2:NaN}'::qseries) AS with_nan,
	   chronological_mean(v, p) FILTER (WHERE false) AS no_rows
FROM (VALUES (1, '2023-Q1'::quarter)) AS t(v, p);
SELECT pg_temp.try($$SELECT hatrung.chronological_mean(v, p) FROM (VALUES (1, '2023-Q1'::hatrung.quarter), (2, '2023-Q1')) AS t(v, p)$$) AS repeated_period;
-- in parallel, the same as serially
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE herds AS
SELECT u, '2000-Q1'::quarter + i AS period, (1000 + u * 7 + (i * 37) % 101)::numeric AS value
FROM generate_series(1, 40) AS u, generate_series(0, 99) AS i;
ANALYZE herds;
EXPLAIN (COSTS OFF) SELECT u, chronological_mean(value, period) FROM herds GROUP BY u;
CREATE TEMP TABLE chrono_parallel AS SELECT u, chronological_mean(value, period) AS m FROM herds GROUP BY u;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS series, count(*) FILTER (WHERE p.m IS DISTINCT FROM s.m) AS differing
FROM chrono_parallel p JOIN (SELECT u, chronological_mean(value, period) AS m FROM herds GROUP BY u) s USING (u);
DROP TABLE herds;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
