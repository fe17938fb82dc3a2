-- The district data model: demo data, the report, vintages, as-of, history,
-- plans, gaps, YTD by kind, loading with validation, successions, and the
-- plain column types of every view.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql
\i sql/include/sequences.sql

SELECT load_demo();
SELECT pg_temp.try('SELECT hatrung.load_demo()') AS loading_twice;

-- The demo report for Hà Trung, quarter I-2023, pinned.
\pset format unaligned
\pset tuples_only on
SELECT quarter_report('392', 'quý I-2023');
\pset format aligned
\pset tuples_only off
SELECT pg_temp.try('SELECT hatrung.quarter_report(''999'', ''2023-Q1'')') AS unknown_unit,
	   pg_temp.try('SELECT hatrung.quarter_report(''392'', ''2026-Q1'')') AS after_abolition,
	   quarter_report('392', '2021-Q1') AS no_figures;
-- The "quý I" layout of the demo district: no span published, so the year
-- to date is the quarter itself, summed (ytd_published false).
SELECT indicator_code, quarter_label, value, value_same_period_last_year, round(yoy_pct, 1) AS yoy_pct,
	   ytd_label, ytd, ytd_last_year, ytd_published
FROM quarter_ytd_table('392', 'quý I-2023');
SELECT count(*) AS rows_before_any_figure FROM quarter_ytd_table('392', '2021-Q1');
-- NULL in, NULL out: a NULL unit code or quarter is no report (a bound
-- parameter left NULL), not "no unit with code <NULL>"; a NULL as_of is now
SELECT quarter_report(NULL, '2023-Q1'::quarter) IS NULL AS null_code,
	   quarter_report('392', NULL::quarter) IS NULL AS null_quarter,
	   quarter_report(NULL::text, NULL::text) IS NULL AS null_text_overload,
	   quarter_report('392', '2023-Q1', NULL) = quarter_report('392', '2023-Q1') AS null_as_of_is_now,
	   (SELECT count(*) FROM quarter_ytd_table(NULL, '2023-Q1'::quarter)) AS ytd_rows_null_code,
	   (SELECT count(*) FROM quarter_ytd_table('392', NULL::text)) AS ytd_rows_null_period,
	   report_unit(NULL, '2023-Q1') IS NULL AS report_unit_null,
	   (SELECT proisstrict FROM pg_proc WHERE oid = 'report_unit(text, quarter)'::regprocedure) AS report_unit_strict;

-- Report wording: growth phrases (from an index of 200, "gấp x lần"), vintages,
-- the data's markers in Vietnamese, and the figure column named by the
-- vintage when every figure shares it (a commune's report).
SELECT g, growth_phrase_vi(g) FROM (VALUES (6.79), (-4.54), (0.04), (99.99), (100), (150), (412.3)) AS t(g);
SELECT vintage_vi('estimate') AS e, vintage_vi('preliminary') AS p, vintage_vi('official') AS o,
	   source_vi('DERIVED: from the index') AS derived, source_vi('ILLUSTRATIVE (demo data, not an official figure)') AS illustrative,
	   source_vi('Niên giám thống kê 2023') AS unchanged;
SELECT line FROM regexp_split_to_table(quarter_report('15277', '2023-Q1'), E'\n') AS line WHERE line LIKE '| Chỉ tiêu%' OR line LIKE '- %đạt%';

-- Number notation.
SELECT t, parse_vn_number(t) FROM (VALUES ('22,756'), ('1.041,6'), ('685,528 tỷ'), ('−5'), ('1 234,5')) AS v(t);
SELECT t, pg_temp.try(format('SELECT hatrung.parse_vn_number(%L)', t)) AS result
FROM (VALUES (''), ('1.5'), ('22,756 USD'), ('abc'), ('6,8%')) AS v(t);
SELECT format_vn_number(1041.6, 1), format_vn_number(-1234567.891, 2), format_vn_number(0.5, 0),
	   format_vn_figure(820.0, 1), format_vn_figure(22.7560, 3), is_valid_vn_number('1.5'),
	   pg_temp.try('SELECT hatrung.format_vn_number(1, 21)') AS bad_decimals;

-- Vintages: an estimate, then a preliminary, then an official figure; the
-- report follows the latest.  As-of reproduces what was known before.
-- (each statement is its own transaction, so now() moves on between them)
CREATE TEMP TABLE t1 AS SELECT clock_timestamp() AS after_load;
INSERT INTO observation_import VALUES ('392', 'EXPORT_VALUE', 'quý I-2023', 'sơ bộ', '23,1', 'revision (ILLUSTRATIVE)');
SELECT indicator_code, value, vintage FROM quarterly_report
WHERE unit_code = '392' AND indicator_code = 'EXPORT_VALUE' AND period_label = '2023-Q1';
SELECT v.value, v.vintage FROM observations_as_of((SELECT after_load FROM t1)) v
WHERE v.indicator_code = 'EXPORT_VALUE' AND v.period = '2023-Q1' AND v.unit_id = (SELECT unit_id FROM admin_unit WHERE code = '392');
SELECT count(*) AS figures_known_in_2000 FROM observations_as_of('2000-01-01');
SELECT count(*) AS figures_known_now FROM observations_as_of();

-- A superuser's insert keeps the stamps it carries (that is how a restore
-- puts them back); an update is always stamped by the server.
INSERT INTO observation (unit_id, indicator_code, period, vintage, value, source, recorded_by, recorded_at)
SELECT unit_id, 'MEAT_OUTPUT', '2022-Q3', 'official', 790, 'restored (ILLUSTRATIVE)', 'an_old_editor', '2022-10-05 08:00+07'
FROM admin_unit WHERE code = '392';
SELECT recorded_by, recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS recorded_at FROM observation WHERE source = 'restored (ILLUSTRATIVE)';
UPDATE observation SET recorded_by = 'an_old_editor', recorded_at = '2022-10-06' WHERE source = 'restored (ILLUSTRATIVE)';
SELECT recorded_by = current_user AS update_stamped, recorded_at > now() - interval '1 hour' AS stamped_now
FROM observation WHERE source = 'restored (ILLUSTRATIVE)';
DELETE FROM observation WHERE source = 'restored (ILLUSTRATIVE)';
DELETE FROM observation_history WHERE source = 'restored (ILLUSTRATIVE)';

-- The latest vintage wins everywhere: latest_observations(), as-of now and
-- the report (an estimate and an official figure of one quarter, recorded in
-- that order; the estimate has the larger value, so a slip shows).
INSERT INTO observation_import VALUES ('392', 'MEAT_OUTPUT', 'quý IV-2022', 'ước tính', '999', 'estimate (ILLUSTRATIVE)'),
	('392', 'MEAT_OUTPUT', 'quý IV-2022', 'chính thức', '845', 'official (ILLUSTRATIVE)'),
	('392', 'MEAT_OUTPUT', 'quý IV-2022', 'sơ bộ', '900', 'preliminary (ILLUSTRATIVE)');
SELECT (SELECT l.value FROM latest_observations() l JOIN admin_unit u USING (unit_id)
		WHERE u.code = '392' AND l.indicator_code = 'MEAT_OUTPUT' AND l.period = '2022-Q4') AS latest,
	   (SELECT v.value || ' ' || v.vintage FROM observations_as_of(now()) v JOIN admin_unit u USING (unit_id)
		WHERE u.code = '392' AND v.indicator_code = 'MEAT_OUTPUT' AND v.period = '2022-Q4') AS as_of_now,
	   (SELECT r.value || ' ' || r.vintage FROM quarterly_report r
		WHERE r.unit_code = '392' AND r.indicator_code = 'MEAT_OUTPUT' AND r.period_label = '2022-Q4') AS in_the_view;
DELETE FROM observation WHERE source IN ('estimate (ILLUSTRATIVE)', 'official (ILLUSTRATIVE)', 'preliminary (ILLUSTRATIVE)');
DELETE FROM observation_history WHERE source IN ('estimate (ILLUSTRATIVE)', 'official (ILLUSTRATIVE)', 'preliminary (ILLUSTRATIVE)');

-- History: an update and a delete keep the previous versions.
UPDATE observation SET value = 23.2, source = 'corrected (ILLUSTRATIVE)'
WHERE indicator_code = 'EXPORT_VALUE' AND vintage = 'preliminary';
DELETE FROM observation WHERE indicator_code = 'LAND_CONSOLIDATED';
SELECT operation, indicator_code, period, vintage, value, source, changed_by = current_user AS by_me
FROM observation_history ORDER BY changed_at, obs_id;
-- ... and the as-of view still sees the old version at the time it was current.
SELECT v.value FROM observations_as_of((SELECT after_load FROM t1)) v
WHERE v.indicator_code = 'LAND_CONSOLIDATED';
SELECT pg_temp.try('TRUNCATE hatrung.observation') AS truncate_refused;
UPDATE annual_plan SET value = 100 WHERE indicator_code = 'EXPORT_VALUE';
SELECT operation, indicator_code, year, value FROM annual_plan_history;

-- Plans: % of plan from the year to date; the highest-priority plan wins.
INSERT INTO annual_plan (unit_id, indicator_code, year, plan_source, value, source)
SELECT unit_id, 'EXPORT_VALUE', 2023, 'adjusted', 92.8, 'ILLUSTRATIVE' FROM admin_unit WHERE code = '392';
SELECT indicator_code, ytd, annual_plan, plan_source, round(ytd_pct_of_plan, 2)
FROM quarterly_report WHERE unit_code = '392' AND period_label = '2023-Q1' AND annual_plan IS NOT NULL
ORDER BY indicator_code;
-- ... and the report prints the same plan: the adjusted one (priority 30),
-- not the district council's (20) nor the province's (10)
INSERT INTO annual_plan (unit_id, indicator_code, year, plan_source, value, source)
SELECT unit_id, 'EXPORT_VALUE', 2023, 'province', 50, 'ILLUSTRATIVE' FROM admin_unit WHERE code = '392';
SELECT line FROM regexp_split_to_table(quarter_report('392', '2023-Q1'), E'\n') AS line
WHERE line LIKE '%Giá trị xuất khẩu%kế hoạch%' OR line LIKE '| Giá trị xuất khẩu |%';
DELETE FROM annual_plan WHERE plan_source = 'province' AND indicator_code = 'EXPORT_VALUE';

-- Gaps and YTD by kind: a commune flow series missing 2022-Q2, and a stock.
INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, kind, decimals)
VALUES ('PIG_HERD', 'Tổng đàn lợn', 'Pig herd', 'con', 'stock', 0);
INSERT INTO observation_import VALUES
	('15277', 'MEAT_OUTPUT', 'Q1-2022', 'official', '40', 'ILLUSTRATIVE'),
	('15277', 'MEAT_OUTPUT', 'Q3-2022', 'official', '42', 'ILLUSTRATIVE'),
	('15277', 'MEAT_OUTPUT', 'Q4-2022', 'official', '45', 'ILLUSTRATIVE'),
	('15277', 'MEAT_OUTPUT', 'Q2-2023', 'official', '44', 'ILLUSTRATIVE'),
	('15277', 'MEAT_OUTPUT', 'Q3-2023', 'official', '46', 'ILLUSTRATIVE'),
	('15277', 'PIG_HERD', '2022-Q1', 'official', '12.000', 'ILLUSTRATIVE'),
	('15277', 'PIG_HERD', '2022-Q2', 'official', '12.500', 'ILLUSTRATIVE'),
	('15277', 'PIG_HERD', '2023-Q1', 'official', '12.600', 'ILLUSTRATIVE'),
	('15277', 'PIG_HERD', '2023-Q2', 'official', '13.100', 'ILLUSTRATIVE');
SELECT indicator_code, period_label, value, value_same_period_last_year, round(yoy_pct, 1) AS yoy,
	   value_previous_quarter, ytd, ytd_last_year, round(ytd_yoy_pct, 1) AS ytd_yoy
FROM quarterly_report WHERE unit_code = '15277' ORDER BY indicator_code, period_label;

-- The first years of the calendar (no last year before year 1), a ratio
-- (no year to date), and vintages: an earlier quarter's estimate replaced
-- by its official figure feeds the comparisons with the official one.
INSERT INTO admin_unit (code, name, level, valid_from, source)
VALUES ('EDGE1', 'Đơn vị biên (kiểm thử)', 'commune', '0001-01-01', 'test');
INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, kind, decimals)
VALUES ('SOWN_PCT', 'Tỷ lệ gieo cấy', 'Share sown', '%', 'ratio', 1);
INSERT INTO observation_import VALUES
	('EDGE1', 'MEAT_OUTPUT', '0001-Q1', 'estimate', '9', 'test'),
	('EDGE1', 'MEAT_OUTPUT', '0001-Q1', 'official', '10', 'test'),
	('EDGE1', 'MEAT_OUTPUT', '0001-Q2', 'official', '11', 'test'),
	('EDGE1', 'MEAT_OUTPUT', '0002-Q1', 'official', '12', 'test'),
	('EDGE1', 'MEAT_OUTPUT', '0002-Q2', 'estimate', '13', 'test'),
	('EDGE1', 'PIG_HERD', '0001-Q4', 'official', '100', 'test'),
	('EDGE1', 'PIG_HERD', '0002-Q4', 'preliminary', '90', 'test'),
	('EDGE1', 'SOWN_PCT', '0001-Q2', 'official', '80', 'test'),
	('EDGE1', 'SOWN_PCT', '0002-Q2', 'official', '100', 'test');
SELECT indicator_code, period_label, value, vintage, value_same_period_last_year, round(yoy_pct, 1) AS yoy,
	   value_previous_quarter, round(qoq_pct, 1) AS qoq, ytd, ytd_last_year, round(ytd_yoy_pct, 1) AS ytd_yoy
FROM quarterly_report WHERE unit_code = 'EDGE1' ORDER BY indicator_code, period_label;

-- A report quarter's group reads only the quarters its measures use (this
-- year's up to it, the same quarters of last year, last year's Q4 for a
-- first quarter): every measure of every row equals the one computed from
-- the unit's whole series.  FULL1 has all eight quarters of 2022-2023 (last
-- year's Q2 and Q3 must not reach a first quarter) and a stock missing
-- 2022-Q3 (a stock's year to date is its level at the quarter: none for
-- 2022-Q3, whatever 2022-Q2 was).  In a transaction rolled back, with the
-- identity sequences put back after: the rest of this file and the tests
-- after it see the data they would have seen without it.
SELECT pg_temp.save_sequences() AS sequences_saved;
BEGIN;
INSERT INTO admin_unit (code, name, level, valid_from, source)
VALUES ('FULL1', 'Đơn vị đủ quý (kiểm thử)', 'commune', '2000-01-01', 'test');
INSERT INTO observation_import VALUES
	('FULL1', 'MEAT_OUTPUT', '2022-Q1', 'official', '100', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2022-Q2', 'official', '110', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2022-Q3', 'official', '120', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2022-Q4', 'official', '130', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2023-Q1', 'estimate', '104', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2023-Q1', 'official', '105', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2023-Q2', 'official', '115', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2023-Q3', 'official', '125', 'test'),
	('FULL1', 'MEAT_OUTPUT', '2023-Q4', 'official', '135', 'test'),
	('FULL1', 'PIG_HERD', '2022-Q1', 'official', '500', 'test'),
	('FULL1', 'PIG_HERD', '2022-Q2', 'official', '520', 'test'),
	('FULL1', 'PIG_HERD', '2022-Q4', 'official', '540', 'test'),
	('FULL1', 'PIG_HERD', '2023-Q1', 'official', '530', 'test'),
	('FULL1', 'PIG_HERD', '2023-Q3', 'official', '560', 'test');
SELECT indicator_code, period_label, value, value_same_period_last_year AS spl, value_previous_quarter AS prev,
	   ytd, ytd_last_year
FROM quarterly_report WHERE unit_code = 'FULL1' ORDER BY indicator_code, period_label;
-- the property, over every unit and indicator without published spans
WITH whole AS (
	SELECT o.unit_id, o.indicator_code, quarterly_series(o.value, o.period, o.vintage_rank) AS s
	FROM observation o GROUP BY o.unit_id, o.indicator_code
), expected AS (
	SELECT u.code AS unit_code, q.indicator_code, q.period::text AS period_label, m.value,
		   m.value_same_period_last_year, m.value_previous_quarter, m.ytd, m.ytd_last_year
	FROM (SELECT DISTINCT o.unit_id, o.indicator_code, o.period FROM observation o) q
	JOIN whole w ON w.unit_id = q.unit_id AND w.indicator_code = q.indicator_code
	JOIN admin_unit u ON u.unit_id = q.unit_id
	JOIN indicator i ON i.code = q.indicator_code
	CROSS JOIN LATERAL report_measures(w.s, q.period, i.kind) m
	WHERE NOT EXISTS (SELECT 1 FROM cumulative_observation c
					  WHERE c.unit_id = q.unit_id AND c.indicator_code = q.indicator_code)
), reported AS (
	SELECT r.unit_code, r.indicator_code, r.period_label, r.value, r.value_same_period_last_year,
		   r.value_previous_quarter, r.ytd, r.ytd_last_year
	FROM quarterly_report r
	WHERE (r.unit_code, r.indicator_code) IN (SELECT unit_code, indicator_code FROM expected)
)
SELECT (SELECT count(*) FROM expected) AS rows_compared,
	   (SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM reported) d) AS missing_or_different,
	   (SELECT count(*) FROM (SELECT * FROM reported EXCEPT ALL SELECT * FROM expected) d) AS unexpected;
ROLLBACK;
SELECT pg_temp.restore_sequences() AS sequences_restored;

-- Loading rejects bad rows with the row's key, the column and an SQLSTATE,
-- and loads nothing of a batch that has a bad row.
SELECT count(*) AS before FROM observation \gset
SELECT r, pg_temp.try(format('INSERT INTO hatrung.observation_import VALUES %s', r)) AS result
FROM (VALUES
	($$('392', 'MEAT_OUTPUT', 'quý V/2023', 'official', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý II/2023', 'official', '1.5', NULL)$$),
	($$('392', 'NO_SUCH', 'quý II/2023', 'official', '1', NULL)$$),
	($$('999', 'MEAT_OUTPUT', 'quý II/2023', 'official', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý III/2025', 'official', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý II/2023', 'draft', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý II/2023', 'official', '-1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý I/2023', 'sơ bộ', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', NULL, 'official', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT_WITH_A_CODE_LONGER_THAN_THE_LOADER_CACHES_SEVENTY_CHARS', 'quý II/2023', 'official', '1', NULL)$$),
	($$('UNIT_CODE_LONGER_THAN_THE_LOADER_CACHES_SIXTY_FOUR_BYTES_XXXXXXXXXXXX', 'MEAT_OUTPUT', 'quý II/2023', 'official', '1', NULL)$$),
	($$('392', 'MEAT_OUTPUT', 'quý II/2023', 'official', '900', NULL), ('392', 'MEAT_OUTPUT', 'quý III/2023', 'official', 'x', NULL)$$)
) AS v(r);
SELECT count(*) - :before AS rows_loaded_by_the_bad_batches FROM observation;
-- A scale word converts into the indicator's unit: 22,9 triệu USD in million USD.
INSERT INTO observation_import VALUES ('392', 'EXPORT_VALUE', 'quý II/2023', 'ước tính', '22,9 triệu', 'ILLUSTRATIVE'),
	('392', 'BUDGET_REVENUE', 'quý II/2023', 'estimate', '700 tỷ', 'ILLUSTRATIVE'),
	('15277', 'MEAT_OUTPUT', 'quý IV/2023', 'official', '1.041,6', 'ILLUSTRATIVE'),
	('15280', 'MEAT_OUTPUT', 'quý IV/2023', 'official', '0,05 nghìn', 'ILLUSTRATIVE'),
	('392', 'LAND_CONSOLIDATED', ' Quý II/2023 ', ' Chính thức ', ' 12 ', NULL);
SELECT unit_code, indicator_code, period_label, value FROM quarterly_report
WHERE (unit_code = '392' AND period_label = '2023-Q2') OR period_label = '2023-Q4' ORDER BY 1, 2;

-- Constraints on the tables themselves.
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value) SELECT unit_id, ''MEAT_OUTPUT'', ''2026-Q1'', ''official'', 1 FROM hatrung.admin_unit WHERE code = ''392'''),
	('INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value) SELECT unit_id, ''MEAT_OUTPUT'', ''2023-Q4'', ''official'', -1 FROM hatrung.admin_unit WHERE code = ''392'''),
	('INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value) VALUES (-1, ''MEAT_OUTPUT'', ''2023-Q4'', ''official'', 1)'),
	('INSERT INTO hatrung.observation (unit_id, indicator_code, period, vintage, value) SELECT unit_id, ''MEAT_OUTPUT'', ''2023-Q1'', ''preliminary'', 1 FROM hatrung.admin_unit WHERE code = ''392'''),
	('INSERT INTO hatrung.admin_unit (code, name, level, valid_from) VALUES (''392'', ''Overlap'', ''district'', ''2024-01-01'')'),
	('INSERT INTO hatrung.admin_unit (code, name, level, valid_from) VALUES (''x1'', ''Bad level'', ''village'', ''2024-01-01'')'),
	('INSERT INTO hatrung.indicator (code, name_vi, name_en, unit_of_measure, kind) VALUES (''R'', ''r'', ''r'', ''%'', ''rate'')')
) AS v(stmt);
BEGIN;
INSERT INTO unit_succession (old_unit_id, new_unit_id, effective, share)
SELECT o.unit_id, n.unit_id, '2025-07-01', 0.6
FROM admin_unit o, admin_unit n WHERE o.code = '15328' AND o.valid_from = '2019-12-01' AND n.code = '14812';
SELECT pg_temp.try('SET CONSTRAINTS ALL IMMEDIATE') AS shares_above_one;
ROLLBACK;

-- Harmonised: 2023 commune figures on the communes of July 2025, with the
-- split units shared 50/50; totals are preserved.
SELECT unit_code, unit_name, period_label, value, source_units
FROM harmonised_observations_at('2025-07-01') WHERE indicator_code = 'MEAT_OUTPUT' AND period_label = '2023-Q1'
ORDER BY unit_code;
SELECT sum(value) AS harmonised_total FROM harmonised_observations_at('2025-07-01')
WHERE indicator_code = 'MEAT_OUTPUT' AND period_label = '2023-Q1';
SET hatrung.harmonise_at = '2024-06-30';
SELECT count(*) AS units_before_the_change FROM harmonised_observations
WHERE indicator_code = 'MEAT_OUTPUT' AND period_label = '2023-Q1';
RESET hatrung.harmonise_at;

-- Roll-up of communes to the district.
SELECT parent_code, indicator_code, period_label, children_sum, children_reporting, children_total,
	   parent_reported, difference
FROM unit_rollup WHERE parent_code = '392' ORDER BY indicator_code, period_label;

-- Every column of every view is a plain type that BI tools read (the one
-- integer[] column, missing_criteria, has a text twin).
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'hatrung'::regnamespace AND c.relkind = 'v'
  AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'numeric'::regtype, 'date'::regtype,
						 'boolean'::regtype, 'bigint'::regtype, 'smallint'::regtype, 'timestamptz'::regtype,
						 'integer[]'::regtype)
ORDER BY 1, 2;

-- CSV files as offices write them, through \copy into the import view.
SELECT count(*) AS before_csv FROM observation \gset
\copy observation_import FROM 'data/samples/observations_2023_q2.csv' (FORMAT csv, HEADER)
SELECT u.code, o.indicator_code, o.period, o.vintage, o.value
FROM observation o JOIN admin_unit u USING (unit_id)
WHERE o.source LIKE 'ILLUSTRATIVE sample row%' ORDER BY 1, 2;
\copy observation_import FROM 'data/samples/observations_bad_row.csv' (FORMAT csv, HEADER)
SELECT count(*) - :before_csv AS rows_loaded_from_both_files FROM observation;
-- a file with only its header line loads nothing, and says so
SET client_min_messages = notice;
\copy observation_import FROM 'data/samples/observations_empty.csv' (FORMAT csv, HEADER)
RESET client_min_messages;

-- The measures of one figure (the rules quarterly_report and quarter_report
-- share): by indicator kind, with and without the year before, with a plan.
SELECT k.kind, m.*
FROM (VALUES ('flow'), ('stock'), ('ratio')) AS k(kind),
	 LATERAL report_measures('{2022-Q1:100,2022-Q2:110,2023-Q1:120,2023-Q2:121}', '2023-Q2', k.kind, 400) AS m;
SELECT (report_measures('{2023-Q2:50}', '2023-Q2', 'flow')).ytd IS NULL AS ytd_with_q1_missing;
-- % of plan: the year to date, a ratio's own value, nothing without a plan
SELECT ytd_pct_of_plan('flow', 241, 121, 400) AS flow, ytd_pct_of_plan('stock', 121, 121, 400) AS stock,
	   ytd_pct_of_plan('ratio', NULL, 98, 100) AS ratio, ytd_pct_of_plan('flow', 241, 121, NULL) AS no_plan,
	   ytd_pct_of_plan('flow', NULL, 121, 400) AS flow_without_ytd;

-- Cumulative figures ("6 tháng đầu năm", "9 tháng", "cả năm") load through
-- the same view into cumulative_observation, kept as published; a single
-- quarter ("3 tháng đầu năm" is quý I) stays an observation.
\copy observation_import FROM 'data/samples/cumulative_2024.csv' (FORMAT csv, HEADER)
SELECT u.code, c.indicator_code, c.period, c.vintage, c.value
FROM cumulative_observation c JOIN admin_unit u USING (unit_id) ORDER BY 1, 2, 3;
SELECT unit_code, indicator_code, period, vintage, value FROM observation_import
WHERE source LIKE 'ILLUSTRATIVE cumulative sample%' ORDER BY 1, 2, 3;
-- The quarters they imply: 820, 1.690 and 2.590 give quý II 870 and quý III
-- 900; a 9-month table with quý II and III gives quý I; where a quarter was
-- published and also follows from the spans, the difference shows (here
-- 100 + 110 against 215: the release does not add up, by 5).
SELECT unit_code, indicator_code, label_vi, value, derived, published, derived_value, difference, derived_from
FROM quarterly_flows WHERE year = 2024 ORDER BY 1, 2, 3;
-- A published span is the year to date of record: quarterly_report and the
-- report use it for a flow or a ratio (BUDGET_REVENUE 2024-Q2: the published
-- 215, not 100 + 110; EXPORT_VALUE 2024-Q3: 64,45 where quý I is missing).
SELECT unit_code, indicator_code, period_label, value, ytd, ytd_published
FROM quarterly_report WHERE unit_code = '392' AND year = 2024 ORDER BY indicator_code, period_label;
SELECT indicator_code, ytd, ytd_published
FROM report_figures((SELECT unit_id FROM admin_unit WHERE code = '392'), '2024-Q2') ORDER BY 1;
SELECT k.kind, m.ytd, m.ytd_last_year, m.ytd_yoy_pct, m.ytd_published
FROM (VALUES ('flow'), ('stock'), ('ratio')) AS k(kind),
	 LATERAL report_measures('{2023-Q1:100,2023-Q2:110,2024-Q1:120,2024-Q2:121}', '2024-Q2', k.kind, NULL, 250, 200) AS m;
-- Spans that are not cumulative periods, and stocks, are refused.
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('392', 'MEAT_OUTPUT', '5 tháng năm 2024', 'official', '1', 'x')$$) AS five_months,
	   pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('392', 'MEAT_OUTPUT', '6 tháng cuối năm 2024', 'official', '1', 'x')$$) AS second_half;
INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, kind) VALUES ('TEST_HERD', 'Tổng đàn lợn (test)', 'Pig herd (test)', 'con', 'stock');
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import VALUES ('392', 'TEST_HERD', '6 tháng năm 2024', 'official', '45.000', 'x')$$) AS stock_span,
	   -- (without the detail, which holds the row's timestamp)
	   split_part(pg_temp.try($$INSERT INTO hatrung.cumulative_observation (unit_id, indicator_code, period, vintage, value) SELECT unit_id, 'MEAT_OUTPUT', '2024-Q1', 'official', 1 FROM hatrung.admin_unit WHERE code = '392'$$), ' / ', 1) AS span_of_one_quarter;
DELETE FROM indicator WHERE code = 'TEST_HERD';
-- A revision keeps the published figure in the history: as of before it,
-- the derived quarter is what the first release implied.
SELECT now() AS before_revision \gset
UPDATE cumulative_observation SET value = 2600, vintage = 'official'
WHERE indicator_code = 'MEAT_OUTPUT' AND period = '2024-Q3';
SELECT c.period, c.vintage, c.value FROM cumulative_observations_as_of(:'before_revision') c WHERE c.indicator_code = 'MEAT_OUTPUT' ORDER BY 1;
SELECT f.period, f.value, f.derived FROM quarterly_flows_at(:'before_revision') f WHERE f.indicator_code = 'MEAT_OUTPUT' AND year(f.period) = 2024 ORDER BY 1;
SELECT period_label, value, derived FROM quarterly_flows WHERE indicator_code = 'MEAT_OUTPUT' AND year = 2024 ORDER BY 1;
SELECT operation, period, vintage, value FROM cumulative_observation_history;
SELECT pg_temp.try('TRUNCATE hatrung.cumulative_observation') AS truncate_refused;

-- Without Citus, distributing the data model says what it needs.
SELECT pg_temp.try('SELECT hatrung.distribute_data_model()') AS without_citus,
	   pg_temp.try('SELECT hatrung.distribute_data_model(0)') AS zero_shards;
