-- Plan periods: labels in and their errors, average growth in steps from the
-- base year, targets through the loader and the progress towards them.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql
\i sql/include/sequences.sql

-- Accepted labels: kind, years, base year and steps.
SELECT input, (parse_plan_period_vi(input)).*
FROM (VALUES ('giai đoạn 2021-2025'), ('Giai đoạn 2021 - 2025'), ('GIAI ĐOẠN 2026–2030'), ('giai doan 2021/2025'),
			 ('nhiệm kỳ 2020-2025'), ('Nhiệm kỳ 2025 - 2030'), ('nhiem ky 2020-2025'), ('  giai   đoạn 2021-2025 ')) AS v(input);

-- Rejected: 22007, quoting the input.
SELECT input, pg_temp.try(format('SELECT (hatrung.parse_plan_period_vi(%L)).label', input)) AS result
FROM (VALUES (''), ('2021-2025'), ('giai đoạn 2021'), ('giai đoạn 2025-2021'), ('giai đoạn 2021-2021'),
			 ('giai đoạn 21-25'), ('nhiệm kỳ 2020-2025 x'), ('kế hoạch 2021-2025'), ('giai đoạn 0000-0005')) AS v(input);
SELECT count(*) AS rows_for_null FROM parse_plan_period_vi(NULL);

-- The same columns from a kind and years (as plan_target stores them): every
-- accepted label reads as plan_period of its own kind and years.
SELECT (plan_period('giai_doan', 2021, 2025)).*;
SELECT (plan_period('nhiem_ky', 2020, 2025)).*;
SELECT count(*) AS labels, count(*) FILTER (WHERE p IS DISTINCT FROM q) AS different
FROM (VALUES ('giai đoạn 2021-2025'), ('Giai đoạn 2021 - 2025'), ('GIAI ĐOẠN 2026–2030'), ('nhiệm kỳ 2020-2025'),
			 ('nhiem ky 2025-2030'), ('giai doan 0001-0002')) AS v(input)
CROSS JOIN LATERAL parse_plan_period_vi(v.input) AS p
CROSS JOIN LATERAL plan_period(p.kind, p.first_year, p.last_year) AS q;
-- Rejected: 22023, with the kind or the years.
SELECT args, pg_temp.try(format('SELECT (hatrung.plan_period(%s)).label', args)) AS result
FROM (VALUES ($$'ke_hoach', 2021, 2025$$), ($$'giai_doan', 2025, 2021$$), ($$'nhiem_ky', 2020, 2020$$),
			 ($$'giai_doan', 0, 5$$), ($$'giai_doan', 2021, 10000$$)) AS v(args);
SELECT count(*) AS rows_for_null FROM plan_period(NULL, 2021, 2025);

-- Average growth over a period counts the steps from the base year: 2020 -> 2025 is 5 steps.
SELECT round(plan_period_avg_growth(3000, 3800, 'giai đoạn 2021-2025'), 4) AS giai_doan_5_steps,
	   round(cagr(3000, 3800, 5), 4) AS cagr_5_steps,
	   round(plan_period_avg_growth(3000, 3800, 'nhiệm kỳ 2020-2025'), 4) AS nhiem_ky_5_steps,
	   round(plan_period_avg_growth(3000, 3800, 'giai đoạn 2022-2025'), 4) AS giai_doan_4_steps;

SELECT pg_temp.save_sequences() AS sequences_saved;
BEGIN;
SELECT load_demo() IS NOT NULL AS demo_loaded;
-- ILLUSTRATIVE annual figures: meat output of the district, 2020 and 2023, by quarter.
INSERT INTO observation_import (unit_code, indicator_code, period, vintage, value, source) VALUES
	('392', 'MEAT_OUTPUT', 'quý I-2020', 'official', '700', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý II-2020', 'official', '720', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý III-2020', 'official', '740', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý IV-2020', 'official', '840', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý II-2023', 'official', '850', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý III-2023', 'official', '870', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'quý IV-2023', 'official', '900', 'ILLUSTRATIVE');
-- Targets as the resolutions write them (ILLUSTRATIVE).
INSERT INTO plan_target_import (unit_code, indicator_code, period, target, value, source) VALUES
	('392', 'MEAT_OUTPUT', 'giai đoạn 2021-2025', 'tăng bình quân', '5,5', 'ILLUSTRATIVE'),
	('392', 'MEAT_OUTPUT', 'nhiệm kỳ 2020-2025', 'mức', '4.000', 'ILLUSTRATIVE');
SELECT unit_code, indicator_code, period, target, value FROM plan_target_import ORDER BY period;
SELECT period_label, target, target_value, base_year, base_value, latest_year, latest_value, steps, steps_done,
	   round(avg_growth_pct, 2) AS avg_growth_pct, round(target_avg_growth_pct, 2) AS target_avg_growth_pct,
	   round(target_level, 1) AS target_level, round(pct_of_target_level, 2) AS pct_of_target_level,
	   round(required_avg_growth_pct, 2) AS required_avg_growth_pct, on_track
FROM plan_target_progress ORDER BY period_label;

-- Bad rows: each error names the row and the column.
SELECT pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2021', 'mức', '1', NULL)$$) AS bad_period,
	   pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2021-2025', 'nhiều', '1', NULL)$$) AS bad_target,
	   pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2021-2025', 'mức', '1.2.3', NULL)$$) AS bad_number;
SELECT pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2026-2030', 'mức', '1', NULL)$$) AS district_gone,
	   pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2021-2025', 'mức', NULL, NULL)$$) AS missing,
	   pg_temp.try($$INSERT INTO hatrung.plan_target_import VALUES ('392', 'MEAT_OUTPUT', 'giai đoạn 2021-2025', 'tăng bình quân', '6', NULL)$$) AS second_target;

-- Written directly, the table's own checks: the unit valid during the period, years in order.
SELECT pg_temp.try($$INSERT INTO hatrung.plan_target (unit_id, indicator_code, period_kind, first_year, last_year, target, value)
	SELECT unit_id, 'MEAT_OUTPUT', 'giai_doan', 2026, 2030, 'level', 1 FROM hatrung.admin_unit WHERE code = '392'$$) AS unit_gone,
	   split_part(pg_temp.try($$INSERT INTO hatrung.plan_target (unit_id, indicator_code, period_kind, first_year, last_year, target, value)
	SELECT unit_id, 'MEAT_OUTPUT', 'giai_doan', 2025, 2021, 'level', 1 FROM hatrung.admin_unit WHERE code = '392'$$), ' / ', 1) AS years_reversed;

-- Nothing is lost: a changed target keeps the old one; TRUNCATE is refused.
UPDATE plan_target SET value = 6 WHERE target = 'avg_growth_pct';
SELECT operation, period_kind, first_year, last_year, target, value FROM plan_target_history;
SELECT pg_temp.try($$TRUNCATE hatrung.plan_target$$) AS truncate_refused;
ROLLBACK;
-- The rolled-back demo advanced the identity sequences; put them back.
SELECT pg_temp.restore_sequences() AS sequences_restored;
