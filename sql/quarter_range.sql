-- quarterrange (discrete, canonical [) form), quartermultirange and
-- generate_series over quarters.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql

-- One spelling per range.
SELECT r AS written, r::quarterrange AS canonical
FROM (VALUES ('[2023-Q1,2023-Q4]'), ('(2022-Q4,2023-Q4]'), ('(2022-Q4,2024-Q1)'),
			 ('[2023-Q1,2024-Q1)'), ('[quý I-2023, quý IV-2023]'), ('[2023-Q1,)'),
			 ('(,2023-Q4]'), ('(,)'), ('[2023-Q1,2023-Q1)'), ('(2023-Q1,2023-Q2)'),
			 ('empty'), ('[0001-Q1,9999-Q3]')) AS v(r);
SELECT '[2023-Q1,2023-Q4]'::quarterrange = '[2023-Q1,2024-Q1)'::quarterrange AS equal_ranges;
SELECT quarterrange('2023-Q1', '2023-Q4', '[]') AS constructor,
	   quarterrange('2023-Q1', '2023-Q4') AS default_bounds;

-- Bounds past 9999-Q4 cannot be represented; inverted bounds are rejected.
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT ''[2023-Q1,9999-Q4]''::hatrung.quarterrange::text'),
	('SELECT ''(9999-Q4,)''::hatrung.quarterrange::text'),
	('SELECT ''[2024-Q1,2023-Q1]''::hatrung.quarterrange::text'),
	('SELECT ''[2023-Q5,2024-Q1]''::hatrung.quarterrange::text')
) AS v(stmt);

-- Range operators and functions.
SELECT r, lower(r), upper(r), upper(r) - lower(r) AS quarters,
	   r @> '2023-Q3'::quarter AS has_q3, r @> '2024-Q1'::quarter AS has_2024_q1
FROM (VALUES ('[2023-Q1,2023-Q4]'::quarterrange), ('[2023-Q3,)')) AS v(r);
SELECT '[2023-Q1,2023-Q2]'::quarterrange -|- '[2023-Q3,2023-Q4]'::quarterrange AS adjacent,
	   '[2023-Q1,2023-Q2]'::quarterrange + '[2023-Q3,2023-Q4]'::quarterrange AS merged,
	   '[2023-Q1,2023-Q4]'::quarterrange * '[2023-Q3,2024-Q2]'::quarterrange AS intersection;

-- Multiranges: the quarters a series covers, with its gaps.
SELECT range_agg(quarterrange(q, q, '[]')) AS covered
FROM (VALUES ('2022-Q1'::quarter), ('2022-Q3'), ('2022-Q4'), ('2023-Q1'), ('2023-Q3')) AS v(q);
SELECT quartermultirange(quarterrange('2022-Q1', '2024-Q1'))
	   - '{[2022-Q2,2022-Q3), [2023-Q2,2023-Q3)}'::quartermultirange AS with_gaps_removed;

-- GiST index on ranges, and exclusion constraints: no overlapping plan periods.
CREATE TABLE plan_period (unit int, valid quarterrange,
	EXCLUDE USING gist (valid WITH &&));
INSERT INTO plan_period VALUES (1, '[2021-Q1,2025-Q4]');
INSERT INTO plan_period VALUES (2, '[2025-Q4,2030-Q4]');
INSERT INTO plan_period VALUES (3, '[2026-Q1,2030-Q4]');
SELECT * FROM plan_period ORDER BY unit;
DROP TABLE plan_period;

-- generate_series: forward, backward, by steps, empty.
SELECT array_agg(q) FROM generate_series('2022-Q3'::quarter, '2023-Q2') AS q;
SELECT array_agg(q) FROM generate_series('2023-Q2'::quarter, '2022-Q3', -1) AS q;
SELECT array_agg(q) FROM generate_series('2021-Q1'::quarter, '2023-Q4', 4) AS q;
SELECT count(*) FROM generate_series('2023-Q2'::quarter, '2023-Q1') AS q;
SELECT count(*) FROM generate_series('0001-Q1'::quarter, '9999-Q4') AS q;
-- The steps never overflow at the limits.
SELECT array_agg(q) FROM generate_series('9999-Q1'::quarter, '9999-Q4', 2147483647) AS q;
SELECT array_agg(q) FROM generate_series('0001-Q4'::quarter, '0001-Q1', -2147483648) AS q;
SELECT pg_temp.try('SELECT count(*) FROM hatrung.generate_series(''2023-Q1''::hatrung.quarter, ''2023-Q4'', 0)');
SELECT count(*) FROM generate_series(NULL::quarter, '2023-Q4') AS q;

-- The planner knows how many rows a constant series yields (default: 20).
CREATE FUNCTION pg_temp.estimated_rows(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END
$$;
SELECT q, pg_temp.estimated_rows(q) AS estimated_rows
FROM (VALUES
	('SELECT * FROM hatrung.generate_series(''2021-Q1''::hatrung.quarter, ''2030-Q4'')'),
	('SELECT * FROM hatrung.generate_series(''2021-Q1''::hatrung.quarter, ''2030-Q4'', 2)'),
	('SELECT * FROM hatrung.generate_series(''2025-Q4''::hatrung.quarter, ''2021-Q1'', -4)'),
	('SELECT * FROM hatrung.generate_series(''2025-Q4''::hatrung.quarter, ''2021-Q1'')'),
	('SELECT * FROM hatrung.generate_series(''0001-Q1''::hatrung.quarter, ''9999-Q4'')')
) AS v(q);

-- Reporting periods: a report's heading as a quarter range, and back.
SELECT heading, parse_period_vi(heading) AS period, period_label_vi(parse_period_vi(heading)) AS label
FROM (VALUES ('quý II-2023'), ('2023-Q4'), ('3 tháng đầu năm 2023'), ('6 tháng đầu năm 2023'),
			 ('6 Tháng Năm 2023'), ('6 tháng 2023'), ('9 tháng năm 2023'), ('12 tháng năm 2023'),
			 ('năm 2023'), ('Cả năm 2023'), ('9999-Q3')) AS v(heading);
-- Any range has a label; the ones that are not headings say where they run.
SELECT r, period_label_vi(r) AS label
FROM (VALUES ('[2023-Q2,2023-Q4)'::quarterrange), ('[2023-Q1,2025-Q1)'), ('[2023-Q3,2023-Q3]'),
			 ('[0001-Q1,9999-Q4)'), ('empty')) AS v(r);
-- A cumulative period is what the SUM over its quarters covers.
SELECT parse_period_vi('9 tháng năm 2023') @> q AS counted, count(*)
FROM generate_series('2022-Q4'::quarter, '2024-Q1') AS q GROUP BY 1 ORDER BY 1;
-- Bad headings: 22007 (not a period), 22008 (out of range), 22023 (unbounded).
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES ('SELECT hatrung.parse_period_vi(''5 tháng năm 2023'')'),
			 ('SELECT hatrung.parse_period_vi(''6 tháng cuối năm 2023'')'),
			 ('SELECT hatrung.parse_period_vi(''2023'')'),
			 ('SELECT hatrung.parse_period_vi('''')'),
			 ('SELECT hatrung.parse_period_vi(''6 tháng năm 23'')'),
			 ('SELECT hatrung.parse_period_vi(''quý V-2023'')'),
			 ('SELECT hatrung.parse_period_vi(''năm 0000'')'),
			 ('SELECT hatrung.parse_period_vi(''năm 9999'')'),
			 ('SELECT hatrung.parse_period_vi(''9999-Q4'')'),
			 ('SELECT hatrung.period_label_vi(''[2023-Q1,)'')'),
			 ('SELECT hatrung.period_label_vi(''(,2023-Q1)'')')) AS v(stmt);
SELECT parse_period_vi(NULL) IS NULL AS null_in, period_label_vi(NULL) IS NULL AS null_out;
-- A bound varchar parameter works as text does.
PREPARE period_of(varchar) AS SELECT hatrung.parse_period_vi($1);
EXECUTE period_of('6 tháng đầu năm 2024');
DEALLOCATE period_of;
