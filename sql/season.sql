-- crop_season: every accepted and rejected label with its SQLSTATE and
-- message, arithmetic and order, binary I/O, the season calendar, and
-- season figures through the loader into the reports.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql
\i sql/include/sequences.sql

-- Every accepted spelling, what it reads as, its kind and crop year.
SELECT input, input::crop_season AS season, season_kind(input::crop_season) AS kind,
	   crop_year(input::crop_season) AS crop_year
FROM (VALUES
	('vụ Đông Xuân 2022-2023'), ('vụ đông xuân 2022 - 2023'), ('Vụ ĐÔNG XUÂN 2022/2023'),
	('Đông Xuân 2022-2023'), ('vu dong xuan 2022-2023'), ('vụ Đông Xuân năm 2022-2023'),
	('  vụ   Đông Xuân 2022–2023 '), ('vụ Xuân 2023'), ('vụ Hè Thu 2023'), ('vụ hè thu năm 2023'),
	('vụ Thu Đông 2023'), ('vụ Mùa 2023'), ('vụ mùa năm 2023'), ('vụ Đông 2023'),
	('vụ Đông 2023-2024'), ('vụ Đông Xuân 0001-0002'), ('vụ Mùa 9999')
) AS v(input);

-- Decomposed Unicode (u + combining dot below, o + combining circumflex) and a no-break space.
SELECT (U&'vu\0323 \0110o\0302ng Xua\0302n 2022-2023')::crop_season AS decomposed,
	   (U&'vụ\00A0Mùa 2023')::crop_season AS no_break_space;

-- Rejected: 22007 for what is not a season or is ambiguous, 22008 for a year out of range.
SELECT input, pg_temp.try(format('SELECT %L::hatrung.crop_season::text', input)) AS result
FROM (VALUES
	(''), ('   '), ('2023-Q1'), ('quý I-2023'), ('vụ Chiêm 2023'), ('vụ 2023'), ('vụ Mùa'),
	('vụ Mùa2023'), ('vụ Mùa 2023 x'), ('vụ Mùa 2023-'), ('vụ Đông Xuân 2023'),
	('vụ Đông Xuân 2022-2024'), ('vụ Đông Xuân 2023-2022'), ('vụ Mùa 2022-2023'),
	('vụ Đông Xuân 22-23'), ('vụ Đông Xuân 2022-23'), ('vụ Mùa 023'),
	('vụ Mùa 20231'), ('vụ Mùa 0000'), ('vụ Đông Xuân 0000-0001'), ('vụ Đông 9999-10000')
) AS v(input);
SELECT pg_temp.try(format('SELECT %L::hatrung.crop_season::text', repeat('vụ Mùa 2023 ', 100)))
	LIKE '22007: invalid input syntax for type crop_season: "vụ Mùa 2023 vụ Mùa 2023 %' AS overlong_rejected;

-- STRICT: NULL in, NULL out; the validator never raises.
SELECT NULL::crop_season IS NULL AS null_in_null_out,
	   is_valid_crop_season('vụ Mùa 2023') AS valid, is_valid_crop_season('vụ Đông Xuân 2023') AS ambiguous,
	   is_valid_crop_season('') AS empty;

-- The label: typed, and from text (a quarter or a season), each with its own errors.
SELECT label_vi('vụ đông xuân 2022 - 2023'::crop_season) AS typed, label_vi('vụ đông xuân 2022 - 2023') AS from_text,
	   label_vi('2023-Q1') AS quarter_from_text, label_vi('vụ Đông 2023-2024'::crop_season) AS winter_crop,
	   label_vi(NULL::text) IS NULL AS null_text;
SELECT pg_temp.try($$SELECT hatrung.label_vi('2023-Q5')$$) AS bad_quarter,
	   pg_temp.try($$SELECT hatrung.label_vi('vụ Đông Xuân 2023')$$) AS bad_season;

-- Constructor and its errors.
SELECT crop_season('dong_xuan', 2023) AS dong_xuan, crop_season('mua', 2023) AS mua, crop_season('dong', 2023) AS dong;
SELECT pg_temp.try($$SELECT hatrung.crop_season('chiem', 2023)::text$$) AS unknown_kind,
	   pg_temp.try($$SELECT hatrung.crop_season('dong_xuan', 1)::text$$) AS no_winter_before,
	   pg_temp.try($$SELECT hatrung.crop_season('mua', 10000)::text$$) AS year_too_big;

-- The same season a year before, across the year end; years between seasons.
SELECT 'vụ Đông Xuân 2022-2023'::crop_season - 1 AS year_before, 'vụ Mùa 2023'::crop_season + 2 AS two_years_later,
	   'vụ Đông Xuân 2022-2023'::crop_season - 'vụ Đông Xuân 2019-2020'::crop_season AS years_between;
SELECT pg_temp.try($$SELECT 'vụ Mùa 2023'::hatrung.crop_season OPERATOR(hatrung.-) 'vụ Xuân 2023'::hatrung.crop_season$$) AS different_kinds,
	   pg_temp.try($$SELECT ('vụ Đông Xuân 0001-0002'::hatrung.crop_season OPERATOR(hatrung.-) 1)::text$$) AS before_year_one,
	   pg_temp.try($$SELECT ('vụ Mùa 9999'::hatrung.crop_season OPERATOR(hatrung.+) 2147483647)::text$$) AS after_9999;

-- Order: by crop year, then the seasons of the year in their order.
SELECT s AS season FROM unnest(ARRAY['vụ Mùa 2023', 'vụ Đông 2022', 'vụ Đông Xuân 2023-2024', 'vụ Xuân 2023',
	'vụ Đông Xuân 2022-2023', 'vụ Thu Đông 2023', 'vụ Hè Thu 2023', 'vụ Đông 2023']::crop_season[]) AS s ORDER BY s;
SELECT 'vụ Đông Xuân 2022-2023'::crop_season < 'vụ Xuân 2023' AS dx_before_xuan,
	   'vụ Đông 2022'::crop_season < 'vụ Đông Xuân 2022-2023' AS dong_2022_before_dx_2023,
	   'vụ đông xuân 2022 - 2023'::crop_season = 'Đông Xuân 2022/2023' AS spellings_equal;

-- Indexes: btree (an index scan for a range of seasons) and hash; amcheck-style sanity via counts.
CREATE TABLE season_t (s crop_season, v int);
INSERT INTO season_t SELECT crop_season(k, y), y FROM generate_series(1990, 2030) AS y,
	unnest(ARRAY['dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong']) AS k;
CREATE INDEX season_t_btree ON season_t (s);
CREATE INDEX season_t_hash ON season_t USING hash (s);
ANALYZE season_t;
SET enable_seqscan = off;
SELECT count(*) AS dong_xuan_seasons_2020_2025 FROM season_t
WHERE s BETWEEN 'vụ Đông Xuân 2019-2020' AND 'vụ Đông Xuân 2024-2025' AND season_kind(s) = 'dong_xuan';
EXPLAIN (COSTS OFF) SELECT * FROM season_t WHERE s = 'vụ Mùa 2023';
RESET enable_seqscan;
SELECT count(*) AS hash_join_pairs FROM season_t a JOIN season_t b ON b.s = a.s - 1;
DROP TABLE season_t;

-- Binary send output: the int4 crop_year * 8 + kind.
SELECT crop_season_send('vụ Đông Xuân 2022-2023') AS send_dx_2023, crop_season_send('vụ Mùa 2023') AS send_mua_2023;

-- Binary COPY round trip, and a forged binary value refused.
CREATE TABLE binary_season_src (id int, s crop_season);
INSERT INTO binary_season_src VALUES (1, 'vụ Đông Xuân 2022-2023'), (2, 'vụ Mùa 9999'), (3, NULL);
CREATE TABLE binary_season_dst (LIKE binary_season_src);
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_season_binary_test.copy';
BEGIN
	EXECUTE format('COPY binary_season_src TO %L (FORMAT binary)', f);
	EXECUTE format('COPY binary_season_dst FROM %L (FORMAT binary)', f);
END
$$;
SELECT * FROM binary_season_dst ORDER BY id;
-- kind 6 of 2023 (2023 * 8 + 6 = 16190): no such season
CREATE TABLE binary_int (id int, s int4);
INSERT INTO binary_int VALUES (1, 16190);
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_season_binary_forged.copy';
BEGIN
	EXECUTE format('COPY binary_int TO %L (FORMAT binary)', f);
	EXECUTE format('COPY binary_season_dst FROM %L (FORMAT binary)', f);
EXCEPTION WHEN OTHERS THEN
	RAISE NOTICE '%: %', SQLSTATE, SQLERRM;
END
$$;
DROP TABLE binary_season_src, binary_season_dst, binary_int;

-- The months of a season: the shipped defaults are ILLUSTRATIVE; a province sets its own.
SELECT kind, first_month, first_year_offset, last_month, last_year_offset, illustrative, shipped
FROM crop_season_calendar ORDER BY scope, first_year_offset, first_month;
SELECT season_months('vụ Đông Xuân 2022-2023') AS dx_months, season_quarters('vụ Đông Xuân 2022-2023') AS dx_quarters,
	   season_months('vụ Đông 2023') AS dong_months, season_quarters('vụ Mùa 2023') AS mua_quarters;
SELECT pg_temp.try($$INSERT INTO hatrung.crop_season_calendar (scope, kind, first_month, first_year_offset, last_month, last_year_offset, source, illustrative)
	VALUES ('38', 'mua', 11, 0, 6, 0, 'backwards', true)$$) AS ends_before_it_starts;
-- As a driver binds it: the season as text or varchar, any spelling.
PREPARE season_as_text(text, varchar) AS SELECT season_months($1), season_quarters($2);
EXECUTE season_as_text('vụ đông xuân 2022 - 2023', 'vu mua 2023');
DEALLOCATE season_as_text;
SELECT pg_temp.try($$SELECT hatrung.season_months('vụ Đông Xuân 2023'::text)::text$$) AS ambiguous_as_text;

SELECT pg_temp.save_sequences() AS sequences_saved;
BEGIN;
SELECT load_demo() IS NOT NULL AS demo_loaded;
-- Thanh Hóa (38) sets its own months for Đông Xuân; the district under it follows.
INSERT INTO crop_season_calendar (scope, kind, first_month, first_year_offset, last_month, last_year_offset, source, illustrative)
VALUES ('38', 'dong_xuan', 12, -1, 5, 0, 'ILLUSTRATIVE test calendar', true);
SELECT season_months('vụ Đông Xuân 2022-2023', '392') AS district_follows_province,
	   season_months('vụ Đông Xuân 2022-2023', '38') AS province,
	   season_months('vụ Đông Xuân 2022-2023') AS default_months,
	   season_months('vụ Mùa 2023', '392') AS mua_default_for_district;

-- The demo's sowing figure is a figure of the season, not of the quarter.
SELECT unit_code, indicator_code, season_label, season_kind, crop_year, value, vintage, pct_of_plan FROM season_report;

-- Seasons through the loader: actual figures, a plan ("kế hoạch"), with any spelling.
INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, unit_scale, kind, decimals, display_order)
VALUES ('RICE_AREA', 'Diện tích gieo cấy lúa', 'Rice area sown', 'ha', 1, 'flow', 0, 5);
INSERT INTO observation_import (unit_code, indicator_code, period, vintage, value, source) VALUES
	('392', 'RICE_AREA', 'vụ đông xuân 2021 - 2022', 'official', '4.850', 'ILLUSTRATIVE'),
	('392', 'RICE_AREA', 'vụ Đông Xuân 2022-2023', 'sơ bộ', '4.912,5', 'ILLUSTRATIVE'),
	('392', 'RICE_AREA', 'Đông Xuân 2022/2023', 'kế hoạch', '5.000', 'ILLUSTRATIVE'),
	('392', 'RICE_AREA', 'vụ Mùa 2022', 'official', '4.700', 'ILLUSTRATIVE');
SELECT season_label, value, vintage, value_same_season_last_year, growth_pct, plan, pct_of_plan
FROM season_report WHERE indicator_code = 'RICE_AREA' ORDER BY crop_year, season_kind;
-- Read back through the import view, as written.
SELECT unit_code, indicator_code, period, vintage, value FROM observation_import
WHERE indicator_code = 'RICE_AREA' ORDER BY period, vintage;

-- The sample file of season figures (ILLUSTRATIVE), in several spellings.
\copy observation_import FROM 'data/samples/seasons_2023.csv' (FORMAT csv, HEADER)
SELECT unit_code, season_label, value, vintage, value_same_season_last_year, growth_pct, plan, pct_of_plan
FROM season_report WHERE indicator_code = 'SOWING_PLAN' ORDER BY unit_code, crop_year, season_kind;
-- A quarter with season figures only: no table, the season's sentence.
\pset format unaligned
SELECT quarter_report('15280', '2022-Q4');
\pset format aligned
-- A season no calendar row covers has no months and no quarters: NULL, not
-- an unbounded range, which would put the season in every quarter's report.
SAVEPOINT no_calendar;
DELETE FROM crop_season_calendar WHERE kind = 'dong_xuan';
SELECT season_months('vụ Đông Xuân 2022-2023', '15280') IS NULL AS no_months,
	   season_quarters('vụ Đông Xuân 2022-2023', '15280') IS NULL AS no_quarters,
	   season_quarters(NULL::crop_season) IS NULL AS null_season,
	   season_quarters(NULL::text) IS NULL AS null_season_text,
	   position('Đông Xuân' in quarter_report('15280', '2023-Q3')) = 0 AS not_in_another_quarter;
ROLLBACK TO SAVEPOINT no_calendar;

-- Bad season rows: each error names the row and the column; nothing is loaded.
SELECT count(*) AS season_figures_before FROM season_figure \gset
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('392', 'RICE_AREA', 'vụ Mùa 2023', 'official', '1'), ('392', 'RICE_AREA', 'vụ Đông Xuân 2023', 'official', '1')$$) AS ambiguous_season,
	   pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('392', 'RICE_AREA', 'vụ Mùa 2023-2024', 'official', '1')$$) AS two_years_for_mua,
	   pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('392', 'RICE_AREA', 'quý I-2023', 'kế hoạch', '1')$$) AS plan_for_a_quarter,
	   pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('392', 'RICE_AREA', 'vụ Mùa 2026', 'official', '1')$$) AS district_gone_in_2026,
	   pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('392', 'RICE_AREA', 'vụ Mùa 2023', 'official', '-1')$$) AS negative;
SELECT count(*) - :season_figures_before AS rows_loaded_by_failed_imports FROM season_figure;
-- Written directly, the table's own checks: the unit valid during the season, the sign.
SELECT pg_temp.try($$INSERT INTO hatrung.season_figure (unit_id, indicator_code, season, figure, vintage, value)
	SELECT unit_id, 'RICE_AREA', 'vụ Mùa 2026', 'actual', 'official', 1 FROM hatrung.admin_unit WHERE code = '392'$$) AS unit_gone,
	   pg_temp.try($$INSERT INTO hatrung.season_figure (unit_id, indicator_code, season, figure, vintage, value)
	SELECT unit_id, 'RICE_AREA', 'vụ Mùa 2023', 'actual', 'official', -1 FROM hatrung.admin_unit WHERE code = '392'$$) AS negative_direct,
	   -- (the message only: the failing row's detail holds the time it was written)
	   split_part(pg_temp.try($$INSERT INTO hatrung.season_figure (unit_id, indicator_code, season, figure, vintage, value)
	SELECT unit_id, 'RICE_AREA', 'vụ Mùa 2023', 'forecast', 'official', 1 FROM hatrung.admin_unit WHERE code = '392'$$), ' / ', 1) AS bad_figure;

-- Nothing is lost: a revised figure keeps the old one in the history.
UPDATE season_figure SET value = 4920, source = 'ILLUSTRATIVE revised'
WHERE indicator_code = 'RICE_AREA' AND season = 'vụ Đông Xuân 2022-2023' AND figure = 'actual';
SELECT operation, season, figure, value FROM season_figure_history WHERE indicator_code = 'RICE_AREA';
SELECT value FROM season_measures_at(NULL) WHERE indicator_code = 'RICE_AREA' AND season = 'vụ Đông Xuân 2022-2023';
-- As known at a moment: the demo's sowing figure was published on 6 April 2023.
SELECT (SELECT count(*) FROM season_measures_at('2023-04-05 00:00+07') WHERE indicator_code = 'SOWING_PLAN') AS known_on_5_april,
	   (SELECT count(*) FROM season_measures_at('2023-04-06 00:00+07') WHERE indicator_code = 'SOWING_PLAN') AS known_on_6_april,
	   position('vụ Đông Xuân' IN quarter_report('392', 'quý I-2023', '2023-04-05 00:00+07')) = 0 AS not_in_report_before;
SELECT pg_temp.try($$TRUNCATE hatrung.season_figure$$) AS truncate_refused;

-- A unit editor writes the season figures of its own units only.
CREATE ROLE hatrung_test_season_editor LOGIN;
SELECT grant_unit_editor('hatrung_test_season_editor', ARRAY['15277']) AS granted;
SET ROLE hatrung_test_season_editor;
SELECT pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('15277', 'RICE_AREA', 'vụ Mùa 2023', 'official', '210')$$) AS own_unit,
	   pg_temp.try($$INSERT INTO hatrung.observation_import (unit_code, indicator_code, period, vintage, value) VALUES
	('15280', 'RICE_AREA', 'vụ Mùa 2023', 'official', '200')$$) AS other_unit;
RESET ROLE;

-- The quarterly report speaks of the seasons its quarter overlaps.
\pset format unaligned
SELECT quarter_report('392', 'quý I-2023');
\pset format aligned
SELECT position('vụ Mùa 2022' IN quarter_report('392', 'quý III-2022')) > 0 AS mua_in_q3,
	   position('vụ Mùa 2022' IN quarter_report('392', 'quý I-2023')) = 0 AS mua_not_in_q1;
ROLLBACK;
-- The rolled-back demo advanced the identity sequences; later tests load the
-- demo again and expect the identities they would have had (the NTM demo's
-- illustrative values depend on them).
SELECT pg_temp.restore_sequences() AS sequences_restored;
