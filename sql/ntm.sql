-- NTM criteria scoring: decisions, unknowns, zones, years, derived
-- thresholds, tiers, district conditions, loading thresholds.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql

-- What ships: the sets, criteria per set, and only confirmed thresholds.
SELECT code, decision, level, tier, first_year, last_year, zone_dimension, confirmed FROM ntm_criteria_set ORDER BY code;
SELECT set_code, count(*) AS criteria, bool_and(confirmed) AS all_confirmed FROM ntm_criterion GROUP BY 1 ORDER BY 1;
SELECT set_code, count(*) AS indicators, count(*) FILTER (WHERE confirmed) AS confirmed FROM ntm_indicator GROUP BY 1 ORDER BY 1;
SELECT set_code, indicator_code, zone, value, derived_from_set, derived_factor, official, source FROM ntm_threshold ORDER BY 1, 2;

-- Each comparison at, above and below its threshold; yes/no; unknowns.
SELECT cmp, v, t, ntm_indicator_status(v, NULL, cmp, t) AS status, ntm_shortfall(v, cmp, t) AS shortfall
FROM (VALUES ('>=', 80, 80), ('>=', 81, 80), ('>=', 79.5, 80), ('<=', 4, 4), ('<=', 3, 4), ('<=', 4.6, 4),
			 ('=', 0, 0), ('=', 2, 0), ('=', -1, 0)) AS x(cmp, v, t);
SELECT ntm_indicator_status(NULL, true, 'yes', NULL) AS yes, ntm_indicator_status(NULL, false, 'yes', NULL) AS no,
	   ntm_indicator_status(NULL, NULL, 'yes', NULL) AS no_answer,
	   ntm_indicator_status(NULL, NULL, '>=', 80) AS no_measurement,
	   ntm_indicator_status(85, NULL, '>=', NULL) AS no_threshold,
	   ntm_indicator_status('NaN', NULL, '>=', 80) AS nan_measurement,
	   ntm_indicator_status(85, NULL, NULL, 80) AS no_comparison;
SELECT pg_temp.try('SELECT hatrung.ntm_indicator_status(1, NULL, ''>'', 1)') AS bad_comparison,
	   pg_temp.try('SELECT hatrung.ntm_status_vi(''ok'')') AS bad_status,
	   pg_temp.try('SELECT hatrung.ntm_fold(s) FROM (VALUES (''met''), (''good'')) AS v(s)') AS bad_fold_input;
SELECT ntm_status_vi('met'), ntm_status_vi('not_met'), ntm_status_vi('unknown');
SELECT ntm_fold(s) FROM (VALUES ('met'), ('met')) AS v(s)
UNION ALL SELECT ntm_fold(s) FROM (VALUES ('met'), ('unknown')) AS v(s)
UNION ALL SELECT ntm_fold(s) FROM (VALUES ('met'), (NULL)) AS v(s)
UNION ALL SELECT ntm_fold(s) FROM (VALUES ('unknown'), ('not_met'), ('met')) AS v(s)
UNION ALL SELECT ntm_fold(s) FROM (SELECT 'met' WHERE false) AS v(s);

-- Criteria bitmaps: a set's indicators folded per criterion in one value.
CREATE TEMP TABLE fold_input (commune int, criterion_no int, status text);
INSERT INTO fold_input VALUES
	(1, 1, 'met'), (1, 1, 'met'), (1, 2, 'met'), (1, 2, 'unknown'), (1, 3, 'not_met'), (1, 3, 'unknown'),
	(1, 19, 'met'), (1, 32, 'not_met'), (1, 5, NULL), (1, NULL, 'not_met'),
	(2, 1, 'met'), (2, 4, 'met');
SELECT commune, bits,
	   ntm_criteria_count(bits, 'met') AS met, ntm_criteria_list(bits, 'met') AS met_list,
	   ntm_criteria_count(bits, 'unknown') AS unknown, ntm_criteria_list(bits, 'unknown') AS unknown_list,
	   ntm_criteria_count(bits, 'not_met') AS not_met, ntm_criteria_list(bits, 'not_met') AS not_met_list
FROM (SELECT commune, ntm_criteria_fold(criterion_no, status) AS bits FROM fold_input GROUP BY commune) AS f
ORDER BY commune;
-- the bitmap agrees with ntm_fold per criterion, and no rows give an empty bitmap
SELECT count(*) AS disagreements
FROM (SELECT commune, criterion_no, ntm_fold(status) AS status FROM fold_input
	  WHERE criterion_no IS NOT NULL GROUP BY 1, 2) AS per_criterion
JOIN (SELECT commune, ntm_criteria_fold(criterion_no, status) AS bits FROM fold_input GROUP BY commune) AS f USING (commune)
WHERE NOT criterion_no = ANY (ntm_criteria_list(bits, status));
SELECT ntm_criteria_fold(c, s) AS no_rows, ntm_criteria_list(0, 'met') AS empty_list
FROM (SELECT 1, 'met' WHERE false) AS v(c, s);
SELECT pg_temp.try('SELECT hatrung.ntm_criteria_fold(c, ''met'') FROM (VALUES (1), (0)) AS v(c)') AS criterion_zero,
	   pg_temp.try('SELECT hatrung.ntm_criteria_fold(c, ''met'') FROM (VALUES (33)) AS v(c)') AS criterion_33,
	   pg_temp.try('SELECT hatrung.ntm_criteria_fold(1, s) FROM (VALUES (''good'')) AS v(s)') AS bad_status,
	   pg_temp.try('SELECT hatrung.ntm_criteria_count(1, ''MET'')') AS bad_count_status,
	   pg_temp.try('SELECT hatrung.ntm_criteria_list(1, '''')') AS bad_list_status;
SELECT ntm_criteria_count(NULL, 'met') AS null_bits, ntm_criteria_list(5, NULL) AS null_status;

-- The demo: Hà Trung's communes in 2022 and 2023 (ILLUSTRATIVE data).
SELECT load_demo();
SELECT load_ntm_demo();
SELECT * FROM ntm_district_status ORDER BY year;
SELECT year, level, count(*) FROM (SELECT DISTINCT unit_id, year, level FROM ntm_commune_status) AS c
GROUP BY 1, 2 ORDER BY 1, 2;
-- A commune with an unknown criterion does not reach ntm, and the
-- unknown is reported apart from what failed.
SELECT unit_code, year, set_code, criteria_met, criteria_total, criteria_unknown, missing_criteria, level
FROM ntm_commune_status WHERE unit_code IN ('15343', '15340', '15277', '15274') AND set_code = 'NTM_XA_2021'
ORDER BY unit_code, year;
SELECT unit_code, year, criterion_no, indicator_code, value, threshold, status, status_vi, shortfall
FROM ntm_indicator_status
WHERE status <> 'met' AND set_code = 'NTM_XA_2021' ORDER BY year, unit_code, indicator_code;
SELECT unit_code, year, set_code, criterion_no, status, indicators_met, indicators_unknown, indicators_total
FROM ntm_criterion_status WHERE unit_code = '15343' AND year = 2022 AND status <> 'met';
-- Year-specific thresholds (income) and the derived model-commune income:
-- 110% of the advanced-commune threshold of the same year and zone.
SELECT year, set_code, threshold, threshold_official, value, status
FROM ntm_indicator_status WHERE unit_code = '15277' AND indicator_code = '10' ORDER BY year, set_code;
-- Tier precedence: model needs advanced needs NTM.
SELECT unit_code, year, set_code, criteria_met, criteria_total, missing_criteria, level
FROM ntm_commune_status WHERE unit_code = '15277' ORDER BY year, set_code;
-- Ranking: closest to the next tier.
SELECT * FROM ntm_next_tier_candidates('392', 2023) LIMIT 5;

-- Zone override: an especially disadvantaged commune uses the northern
-- mountain (TDMNPB) thresholds; with none configured for that zone, its
-- numeric indicators become unknown, not met.
UPDATE ntm_unit_zone SET zone = 'TDMNPB', reason = 'especially disadvantaged (ILLUSTRATIVE)'
WHERE unit_id = (SELECT unit_id FROM admin_unit WHERE code = '15274' AND valid_from = '2019-12-01') AND year = 2023;
SELECT status, count(*) FROM ntm_indicator_status
WHERE unit_code = '15274' AND year = 2023 AND set_code = 'NTM_XA_2021' GROUP BY 1 ORDER BY 1;
INSERT INTO ntm_threshold_import VALUES
	('NTM_XA_2021', '2.2', 'TDMNPB', '2021-01-01', '', '50', 'no', 'ILLUSTRATIVE (test)');
SELECT zone, indicator_code, threshold, status FROM ntm_indicator_status
WHERE unit_code = '15274' AND year = 2023 AND set_code = 'NTM_XA_2021' AND indicator_code IN ('2.2', '3.1');

-- A provincial set falls back to the national thresholds where it has
-- none of its own; an amendment (new valid_from) replaces a value from its date.
INSERT INTO ntm_criteria_set (code, decision, name_vi, level, tier, first_year, last_year, zone_dimension, fallback_set, confirmed, source)
VALUES ('TH_XA_2024', '26/2024/QĐ-UBND (content not available: ILLUSTRATIVE)', 'Bộ tiêu chí xã NTM tỉnh Thanh Hóa 2024-2025', 'commune', 'ntm',
		2024, 2025, 'province_zone', 'NTM_XA_2021', false, 'ILLUSTRATIVE test set');
INSERT INTO ntm_criterion SELECT 'TH_XA_2024', criterion_no, name_vi, name_en, false, false FROM ntm_criterion WHERE set_code = 'NTM_XA_2021';
INSERT INTO ntm_indicator SELECT 'TH_XA_2024', indicator_code, criterion_no, name, unit_of_measure, comparison, false, false
FROM ntm_indicator WHERE set_code = 'NTM_XA_2021';
INSERT INTO ntm_threshold_import VALUES
	('TH_XA_2024', '2.2', 'TH_V2', '2024-01-01', '', '85,5', 'no', 'ILLUSTRATIVE provincial override'),
	('NTM_XA_2021', '2.2', 'TH_V2', '2021-01-01', '2024-03-01', '70', 'no', 'ILLUSTRATIVE'),
	('NTM_XA_2021', '2.2', 'TH_V2', '2024-03-01', '', '75', 'no', 'ILLUSTRATIVE amendment');
SELECT s, i, z, y, (ntm_threshold_at(s, i, z, y)).*
FROM (VALUES ('TH_XA_2024', '2.2', 'TH_V2', 2024), ('TH_XA_2024', '3.1', 'TH_V2', 2024),
			 ('TH_XA_2024', '5', 'TH_V2', 2024), ('NTM_XA_2021', '2.2', 'TH_V2', 2023),
			 ('NTM_XA_2021', '2.2', 'TH_V2', 2024), ('NTM_KM_2021', '10', 'BTB', 2023),
			 ('NTM_KM_2021', '10', 'DBSH', 2023)) AS v(s, i, z, y);

-- Loading thresholds: bad rows with their SQLSTATE, nothing partial.
SELECT count(*) AS thresholds_before FROM ntm_threshold \gset
SELECT r, split_part(pg_temp.try(format('INSERT INTO hatrung.ntm_threshold_import VALUES %s', r)), ' / Failing row', 1) AS result
FROM (VALUES
	($$('NO_SET', '2.2', 'BTB', '2021-01-01', '', '50', 'no', 'x')$$),
	($$('NTM_XA_2021', '99.9', 'BTB', '2021-01-01', '', '50', 'no', 'x')$$),
	($$('NTM_XA_2021', '2.2', 'BTB', '01/01/2021', '', '50', 'no', 'x')$$),
	($$('NTM_XA_2021', '2.2', 'DBSH', '2021-01-01', '', '50.5', 'no', 'x')$$),
	($$('NTM_XA_2021', '2.2', 'DBSH', '2021-01-01', '', '50', 'maybe', 'x')$$),
	($$('NTM_XA_2021', '2.2', 'DBSH', '2021-01-01', '', '50', 'no', '')$$),
	($$('NTM_XA_2021', '2.2', 'BTB', '2021-01-01', '', '50', 'no', 'duplicate')$$),
	($$('NTM_XA_2021', '2.2', 'DBSH', '2021-01-01', '2020-01-01', '50', 'no', 'x')$$),
	($$('NTM_XA_2021', '2.2', 'DBSH', '2021-01-01', '', '50', 'no', 'ok'), ('NTM_XA_2021', '2.3', 'DBSH', '2021-01-01', '', 'x', 'no', 'bad')$$)
) AS v(r);
SELECT count(*) - :thresholds_before AS rows_loaded FROM ntm_threshold;
-- (the detail of a check violation echoes the row with its timestamp: keep the message)
SELECT split_part(pg_temp.try($$INSERT INTO hatrung.ntm_measurement (unit_id, year, indicator_code, value, value_yes) VALUES (1, 2023, '2.2', 1, true)$$), ' / ', 1) AS both_kinds,
	   split_part(pg_temp.try($$INSERT INTO hatrung.ntm_threshold (set_code, indicator_code, valid_from, value, derived_from_set, derived_factor, official, source) VALUES ('NTM_XA_2021', '2.2', '2021-01-01', 1, 'NTM_NC_2021', 1.1, false, 'x')$$), ' / ', 1) AS value_and_derived;

-- ntm_commune_status scores measurements with ntm_score: for every unit,
-- year and set it gives the bitmap that folding ntm_indicator_status gives,
-- also with a NaN value, missing measurements and an indicator of no set,
-- serially and in a parallel plan (partial states serialised and combined).
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value, source)
SELECT unit_id, 2023, 'NOT_AN_INDICATOR', 1, 'test' FROM admin_unit WHERE code = '15283';
UPDATE ntm_measurement SET value = 'NaN'
WHERE (unit_id, year, indicator_code) IN (SELECT unit_id, year, indicator_code FROM ntm_measurement
										  WHERE value IS NOT NULL ORDER BY 1, 2, 3 LIMIT 3);
DELETE FROM ntm_measurement
WHERE (unit_id, year, indicator_code) IN (SELECT unit_id, year, indicator_code FROM ntm_measurement
										  ORDER BY 3, 1, 2 LIMIT 7);
CREATE TEMP VIEW folded AS
SELECT unit_id, year, set_code, ntm_criteria_fold(criterion_no, status) AS bits
FROM ntm_indicator_status GROUP BY 1, 2, 3;
CREATE TEMP VIEW scored AS
SELECT * FROM (SELECT a.unit_id, a.year, a.set_code,
					  ntm_score(ntm_rules(a.set_code, a.zone, a.year), m.indicator_code, m.value, m.value_yes) AS bits
			   FROM ntm_unit_zone a LEFT JOIN ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year
			   GROUP BY 1, 2, 3) AS s
WHERE bits IS NOT NULL;
SELECT count(*) AS groups, count(*) FILTER (WHERE f.bits IS DISTINCT FROM s.bits) AS mismatches,
	   count(*) FILTER (WHERE ntm_criteria_count(s.bits, 'unknown') > 0) AS with_unknown
FROM folded f FULL JOIN scored s USING (unit_id, year, set_code);
-- In parallel: 40 copies of every unit (new unit ids), their rows shuffled
-- so each group's rows are spread over the workers, whose partial states
-- are serialised, sent and combined; every copy must score as the original.
CREATE TABLE score_rows AS
SELECT a.unit_id + copy * 1000000 AS unit_id, a.year, a.set_code, a.zone, m.indicator_code, m.value, m.value_yes
FROM ntm_unit_zone a LEFT JOIN ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year,
	 generate_series(1, 40) AS copy
ORDER BY md5(copy || a.set_code || coalesce(m.indicator_code, ''));
ANALYZE score_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT unit_id, year, set_code, ntm_score(ntm_rules(set_code, zone, year), indicator_code, value, value_yes)
FROM score_rows GROUP BY 1, 2, 3;
CREATE TEMP TABLE parallel_scored AS
SELECT unit_id, year, set_code, ntm_score(ntm_rules(set_code, zone, year), indicator_code, value, value_yes) AS bits
FROM score_rows GROUP BY 1, 2, 3;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT count(*) AS groups, count(*) FILTER (WHERE f.bits IS DISTINCT FROM p.bits) AS parallel_mismatches
FROM folded f
JOIN (SELECT * FROM parallel_scored WHERE bits IS NOT NULL) p
  ON p.unit_id % 1000000 = f.unit_id AND p.year = f.year AND p.set_code = f.set_code;
DROP TABLE score_rows;
-- A set without indicators has nothing to score (NULL); the limits of the
-- bitmap (criteria 1..32) and of the seen-set (128 indicators per set).
INSERT INTO ntm_criteria_set (code, decision, name_vi, level, tier, first_year, last_year, zone_dimension, confirmed, source)
VALUES ('TEST_EMPTY', 'test', 'Bộ thử (trống)', 'commune', 'ntm', 2023, 2023, 'none', false, 'test'),
	   ('TEST_33', 'test', 'Bộ thử (tiêu chí 33)', 'commune', 'ntm', 2023, 2023, 'none', false, 'test'),
	   ('TEST_BIG', 'test', 'Bộ thử (129 chỉ tiêu)', 'commune', 'ntm', 2023, 2023, 'none', false, 'test');
INSERT INTO ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed)
VALUES ('TEST_33', 33, 'Tiêu chí 33', 'Criterion 33', false), ('TEST_BIG', 1, 'Tiêu chí 1', 'Criterion 1', false);
INSERT INTO ntm_indicator (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed)
SELECT 'TEST_33', '33.1', 33, 'Chỉ tiêu 33.1', '%', '>=', false
UNION ALL
SELECT 'TEST_BIG', '1.' || g, 1, 'Chỉ tiêu 1.' || g, '%', '>=', false FROM generate_series(1, 129) AS g;
SELECT pg_temp.try('SELECT hatrung.ntm_score(hatrung.ntm_rules(''TEST_EMPTY'', ''*'', 2023), ''1.1'', 1, NULL) IS NULL') AS empty_set,
	   pg_temp.try('SELECT hatrung.ntm_score(hatrung.ntm_rules(''TEST_33'', ''*'', 2023), ''33.1'', 1, NULL)') AS criterion_33,
	   pg_temp.try('SELECT hatrung.ntm_score(hatrung.ntm_rules(''TEST_BIG'', ''*'', 2023), ''1.1'', 1, NULL)') AS too_many_indicators,
	   pg_temp.try('SELECT hatrung.ntm_score(hatrung.ntm_rules(NULL, ''*'', 2023), ''1.1'', 1, NULL) IS NULL') AS no_set;
-- Forged or mismatched rules and states: SQLSTATE, never a crash.
SELECT pg_temp.try('SELECT hatrung.ntm_score(''\x00''::bytea, ''1.1'', 1, NULL)') AS forged_rules,
	   pg_temp.try($$SELECT hatrung.ntm_score(r, '1.1', 1, NULL)
		FROM (VALUES (hatrung.ntm_rules('NTM_XA_2021', '*', 2023)), (hatrung.ntm_rules('NTM_NC_2021', '*', 2023))) AS t(r)$$) AS two_sets_in_a_group,
	   pg_temp.try($$SELECT hatrung.ntm_score_combine('\x4e545331'::bytea, '\x4e545331'::bytea)$$) AS outside_an_aggregate,
	   pg_temp.try($$SELECT length(hatrung.ntm_rules('NTM_XA_2021', '*', 2023)) > 8$$) AS rules_packed;

-- Measurements keep their history like observations; the stamps are the
-- server's; the status can be asked as of a moment (ntm_commune_status_at).
CREATE TEMP TABLE ntm_t0 AS SELECT clock_timestamp() AS t0;
UPDATE ntm_measurement SET value = 50, source = 'revised (ILLUSTRATIVE)'
WHERE indicator_code = '3.1' AND year = 2023 AND unit_id = (SELECT unit_id FROM admin_unit WHERE code = '15283');
SELECT operation, indicator_code, value, changed_by = current_user AS by_me FROM ntm_measurement_history WHERE indicator_code = '3.1';
SELECT (SELECT m.value FROM ntm_measurements_as_of((SELECT t0 FROM ntm_t0)) m
		WHERE m.indicator_code = '3.1' AND m.year = 2023 AND m.unit_id = (SELECT unit_id FROM admin_unit WHERE code = '15283')) AS value_then,
	   (SELECT count(*) FROM ntm_measurements_as_of('2000-01-01')) AS measurements_known_in_2000;
SELECT t.unit_code, set_code, t.level AS level_then, n.level AS level_now, n.missing_criteria AS missing_now
FROM ntm_commune_status_at((SELECT t0 FROM ntm_t0)) t
JOIN ntm_commune_status n USING (unit_id, year, set_code)
WHERE t.level IS DISTINCT FROM n.level OR t.criteria_met <> n.criteria_met
ORDER BY 1, 2;
SELECT count(*) AS differences_at_null FROM (
	(SELECT * FROM ntm_commune_status_at(NULL) EXCEPT ALL SELECT * FROM ntm_commune_status)
	UNION ALL (SELECT * FROM ntm_commune_status EXCEPT ALL SELECT * FROM ntm_commune_status_at(NULL))) AS d;
SELECT pg_temp.try('TRUNCATE hatrung.ntm_measurement') AS truncate_measurements,
	   pg_temp.try('TRUNCATE hatrung.ntm_measurement_history') AS truncate_history;
UPDATE ntm_measurement SET value = 91, source = 'ILLUSTRATIVE (demo data, not an official figure)'
WHERE indicator_code = '3.1' AND year = 2023 AND unit_id = (SELECT unit_id FROM admin_unit WHERE code = '15283');

-- NTM 2026-2030 (QĐ 51/2025): the structure that ships, commune groups and
-- the rule that assigns them, zones checked against the groups, indicators
-- loaded by a province, criteria without indicators unknown, the province
-- conditions (met / not met / unknown) and the coverage of thresholds.
-- Every indicator, threshold and measurement below is ILLUSTRATIVE.
SELECT code, tier, level, zone_dimension, indicators_expected FROM ntm_criteria_set WHERE first_year = 2026 ORDER BY code;
SELECT set_code, criterion_no, name_vi, confirmed FROM ntm_criterion WHERE set_code IN ('NTM_XA_2026', 'NTM_TINH_2026') ORDER BY 1, 2;
SELECT set_code, group_code, name_vi, definition, confirmed FROM ntm_commune_group ORDER BY 1, 2;
SELECT adjoins, agri, new_urban, mountain, ntm_commune_group_of(adjoins, agri, new_urban, mountain) AS commune_group
FROM (VALUES (true, 40, false, false), (false, 9.5, false, false), (false, 40, true, false),
			 (false, 40, false, true), (false, 40, false, false), (true, 40, false, true),
			 (NULL, 40, false, false), (false, NULL, false, true), (NULL, 5, NULL, false),
			 (false, 10, false, false), (false, 40, false, NULL)) AS v(adjoins, agri, new_urban, mountain);
SELECT pg_temp.try('SELECT hatrung.ntm_commune_group_of(false, -5, false, false)') AS negative_share,
	   pg_temp.try('SELECT hatrung.ntm_commune_group_of(false, 100.5, false, false)') AS share_over_100,
	   pg_temp.try('SELECT hatrung.ntm_commune_group_of(false, ''NaN'', false, false)') AS nan_share;

INSERT INTO admin_unit (code, name, level, valid_from, source)
VALUES ('P26', 'Tỉnh minh họa', 'province', '2000-01-01', 'ILLUSTRATIVE');
INSERT INTO admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
VALUES ('D26', 'Huyện minh họa', 'district', (SELECT unit_id FROM admin_unit WHERE code = 'P26'), '2000-01-01', '2025-07-01', 'ILLUSTRATIVE');
INSERT INTO admin_unit (code, name, level, parent_id, valid_from, source)
SELECT 'X' || lpad(g::text, 2, '0'), 'Xã minh họa ' || g, 'commune', (SELECT unit_id FROM admin_unit WHERE code = 'P26'),
	   '2025-07-01', 'ILLUSTRATIVE'
FROM generate_series(1, 10) AS g;
-- a commune still under its (abolished) district: counted in the province
INSERT INTO admin_unit (code, name, level, parent_id, valid_from, source)
VALUES ('Y01', 'Xã minh họa dưới huyện', 'commune', (SELECT unit_id FROM admin_unit WHERE code = 'D26'), '2000-01-01', 'ILLUSTRATIVE');

-- groups: a zone that is not a group of the set is refused, for units and thresholds
SELECT pg_temp.try($$INSERT INTO hatrung.ntm_unit_zone (unit_id, set_code, year, zone)
	SELECT unit_id, 'NTM_XA_2026', 2026, 'G4' FROM hatrung.admin_unit WHERE code = 'X01'$$) AS unit_in_g4,
	   pg_temp.try($$INSERT INTO hatrung.ntm_unit_zone (unit_id, set_code, year, zone)
	SELECT unit_id, 'NTM_XA_2026', 2026, '*' FROM hatrung.admin_unit WHERE code = 'X01'$$) AS unit_in_star;
INSERT INTO ntm_unit_zone (unit_id, set_code, year, zone, reason)
SELECT unit_id, 'NTM_XA_2026', 2026, CASE WHEN code = 'X10' THEN 'G3' ELSE 'G2' END,
	   'ntm_commune_group_of: ' || CASE WHEN code = 'X10' THEN 'area III (ILLUSTRATIVE)' ELSE 'no group 1 or 3 fact (ILLUSTRATIVE)' END
FROM admin_unit WHERE code ~ '^(X|Y)\d\d$';

-- the template: one row per criterion, left blank for the province
\copy ntm_indicator_import FROM 'data/ntm-2026-template.csv' (FORMAT csv, HEADER)
SELECT count(*) AS template_rows_loaded FROM ntm_indicator WHERE set_code = 'NTM_XA_2026';
-- rows filled in (criteria 1-9 first); bad rows are refused with their key
INSERT INTO ntm_indicator_import
SELECT 'NTM_XA_2026', k::text, k || '.1', 'chỉ tiêu minh họa ' || k || ' (ILLUSTRATIVE)', '%', '>=', 'no'
FROM generate_series(1, 9) AS k;
SELECT pg_temp.try($$INSERT INTO hatrung.ntm_indicator_import VALUES ('NTM_XA_2026', '11', '11.1', 'x', '%', '>=', 'no')$$) AS unknown_criterion,
	   pg_temp.try($$INSERT INTO hatrung.ntm_indicator_import VALUES ('NTM_XA_2026', '1', '1.1', 'x', '%', '>=', 'no')$$) AS duplicate,
	   pg_temp.try($$INSERT INTO hatrung.ntm_indicator_import VALUES ('NTM_XA_2026', '1', '1.9', 'x', '%', '>', 'no')$$) AS bad_comparison,
	   pg_temp.try($$INSERT INTO hatrung.ntm_indicator_import VALUES ('NTM_XA_2026', '1', '1.9', 'x', '%', '>=', 'maybe')$$) AS bad_confirmed,
	   pg_temp.try($$INSERT INTO hatrung.ntm_indicator_import VALUES ('NTM_XA_2026', 'one', '1.9', 'x', '%', '>=', 'no')$$) AS criterion_not_a_number;
INSERT INTO ntm_threshold_import (set_code, indicator_code, zone, valid_from, value, official, source)
SELECT 'NTM_XA_2026', k || '.1', '*', '2026-02-15', '50', 'no', 'ILLUSTRATIVE' FROM generate_series(1, 9) AS k;
SELECT pg_temp.try($$INSERT INTO hatrung.ntm_threshold_import (set_code, indicator_code, zone, valid_from, value, official, source)
	VALUES ('NTM_XA_2026', '1.1', 'TDMNPB', '2026-02-15', '50', 'no', 'ILLUSTRATIVE')$$) AS threshold_in_a_region;
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value, source)
SELECT u.unit_id, 2026, k || '.1', CASE WHEN u.code = 'X09' AND k = 5 THEN 40 ELSE 60 END, 'ILLUSTRATIVE'
FROM admin_unit u, generate_series(1, 10) AS k WHERE u.code ~ '^(X|Y)\d\d$';
-- criterion 10 has no indicator yet: unknown for every commune, never failed
SELECT unit_code, criteria_met, criteria_total, criteria_unknown, missing_criteria, level
FROM ntm_commune_status WHERE set_code = 'NTM_XA_2026' AND unit_code IN ('X01', 'X09', 'X10', 'Y01') ORDER BY 1;
SELECT * FROM ntm_province_status WHERE province_code = 'P26' AND year IN (2026, 2027) ORDER BY year;

-- criterion 10 loaded, its threshold for group 2 only: the group-3 commune stays unknown
INSERT INTO ntm_indicator_import VALUES ('NTM_XA_2026', '10', '10.1', 'chỉ tiêu minh họa 10 (ILLUSTRATIVE)', '%', '>=', 'no');
INSERT INTO ntm_threshold_import (set_code, indicator_code, zone, valid_from, value, official, source)
VALUES ('NTM_XA_2026', '10.1', 'G2', '2026-02-15', '50', 'no', 'ILLUSTRATIVE');
UPDATE ntm_measurement SET value = 70 WHERE year = 2026 AND indicator_code = '5.1'
  AND unit_id = (SELECT unit_id FROM admin_unit WHERE code = 'X09');
SELECT unit_code, criteria_met, criteria_unknown, missing_criteria, level
FROM ntm_commune_status WHERE set_code = 'NTM_XA_2026' AND unit_code IN ('X01', 'X09', 'X10') ORDER BY 1;
SELECT communes_total, communes_assessed, communes_ntm, cond_all_communes_ntm, cond_10pct_modern, task_completed
FROM ntm_province_status WHERE province_code = 'P26' AND year = 2026;
SELECT set_code, zone, indicators_expected, indicators_loaded, official, unofficial, no_threshold, yes_no, indicators_not_loaded
FROM ntm_threshold_coverage WHERE set_code = 'NTM_XA_2026' AND year = 2026 ORDER BY zone;

-- the group-3 threshold: every commune meets the set; the modern tier
-- (its conditions not available: one ILLUSTRATIVE criterion) met by one commune of 11
INSERT INTO ntm_threshold_import (set_code, indicator_code, zone, valid_from, value, official, source)
VALUES ('NTM_XA_2026', '10.1', 'G3', '2026-02-15', '50', 'no', 'ILLUSTRATIVE');
INSERT INTO ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed)
VALUES ('NTM_HD_2026', 1, 'tiêu chí minh họa (ILLUSTRATIVE)', 'illustrative criterion', false);
INSERT INTO ntm_indicator_import VALUES ('NTM_HD_2026', '1', 'HD.1', 'chỉ tiêu minh họa (ILLUSTRATIVE)', 'yes/no', 'yes', 'no');
INSERT INTO ntm_unit_zone (unit_id, set_code, year, zone)
SELECT unit_id, 'NTM_HD_2026', 2026, 'G2' FROM admin_unit WHERE code IN ('X01', 'X02');
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value_yes, source)
SELECT unit_id, 2026, 'HD.1', code = 'X01', 'ILLUSTRATIVE' FROM admin_unit WHERE code IN ('X01', 'X02');
SELECT unit_code, set_code, criteria_met, criteria_total, level
FROM ntm_commune_status WHERE year = 2026 AND unit_code IN ('X01', 'X02', 'X03') ORDER BY 1, 2;
SELECT communes_total, communes_ntm, pct_ntm, communes_modern, pct_modern, cond_all_communes_ntm, cond_10pct_modern, task_completed
FROM ntm_province_status WHERE province_code = 'P26' AND year = 2026;
-- 11 communes: 1 modern is under 10%, but 9 could still be: unknown; once
-- every other commune fails the modern tier, not met
INSERT INTO ntm_unit_zone (unit_id, set_code, year, zone)
SELECT unit_id, 'NTM_HD_2026', 2026, CASE WHEN code = 'X10' THEN 'G3' ELSE 'G2' END
FROM admin_unit WHERE code ~ '^(X|Y)\d\d$' AND code NOT IN ('X01', 'X02');
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value_yes, source)
SELECT unit_id, 2026, 'HD.1', false, 'ILLUSTRATIVE' FROM admin_unit WHERE code ~ '^(X|Y)\d\d$' AND code NOT IN ('X01', 'X02');
SELECT communes_modern, cond_10pct_modern, task_completed FROM ntm_province_status WHERE province_code = 'P26' AND year = 2026;
UPDATE ntm_measurement SET value_yes = true WHERE indicator_code = 'HD.1' AND unit_id = (SELECT unit_id FROM admin_unit WHERE code = 'X02');
SELECT communes_modern, cond_10pct_modern, task_completed FROM ntm_province_status WHERE province_code = 'P26' AND year = 2026;
-- districts: shown from 2026 but marked as not applying
SELECT district_code, year, communes_total, applies FROM ntm_district_status WHERE district_code IN ('392', 'D26') ORDER BY 1, 2;

-- Every column of the NTM views is a plain type.
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'hatrung'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'ntm%'
  AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'numeric'::regtype, 'date'::regtype,
						 'boolean'::regtype, 'bigint'::regtype, 'integer[]'::regtype)
ORDER BY 1, 2;
