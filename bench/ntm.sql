-- bench/ntm.sql: scoring 10,000 communes against the NTM and advanced
-- commune sets (60 indicators each: the 37 shipped plus 23 bench-only
-- ILLUSTRATIVE ones; 2 sets: 1,200,000 indicator decisions),
-- ntm_commune_status (C evaluation and fold) vs the same rules written in
-- plain SQL, in one session.  All data ILLUSTRATIVE and random.
\set QUIET on
\pset footer off
SET search_path = public, hatrung;
SET client_min_messages = warning;
SET jit = off;
\if :{?scale}
\else
\set scale 10000
\endif
\i bench/lib.sql

\echo 'generating' :scale 'communes with measurements and ILLUSTRATIVE thresholds ...'
INSERT INTO admin_unit (code, name, level, valid_from, source) VALUES ('BD', 'Bench district', 'district', '2000-01-01', 'bench');
INSERT INTO admin_unit (code, name, level, parent_id, valid_from, source)
SELECT 'N' || lpad(g::text, 5, '0'), 'Xã ' || g, 'commune', (SELECT unit_id FROM admin_unit WHERE code = 'BD'), '2000-01-01', 'bench'
FROM generate_series(1, :scale) AS g;
-- 60 indicators a set, as the issue's scale asks: the 37 shipped ones plus
-- 23 ILLUSTRATIVE bench-only ones spread over the criteria (this database only).
INSERT INTO ntm_indicator (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed)
SELECT s, 'BENCH.' || g, 1 + g % 19, 'Bench indicator ' || g || ' (ILLUSTRATIVE)', '%', '>=', false
FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS v(s), generate_series(1, 23) AS g;
INSERT INTO ntm_threshold (set_code, indicator_code, zone, valid_from, value, official, source)
SELECT s, i.indicator_code, 'BTB', '2021-01-01', CASE s WHEN 'NTM_XA_2021' THEN 60 ELSE 70 END, false, 'bench (ILLUSTRATIVE)'
FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS v(s)
JOIN ntm_indicator i ON i.set_code = v.s AND i.comparison <> 'yes'
WHERE NOT (s = 'NTM_XA_2021' AND i.indicator_code = '3.1');
INSERT INTO ntm_unit_zone (unit_id, set_code, year, zone)
SELECT u.unit_id, s, 2023, 'BTB' FROM admin_unit u, (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS v(s)
WHERE u.code LIKE 'N%';
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value, value_yes, source)
SELECT u.unit_id, 2023, i.indicator_code,
	   CASE WHEN i.comparison <> 'yes' THEN CASE WHEN i.comparison = '<=' THEN 50 ELSE 66 END + round((random() * 40)::numeric, 1) END,
	   CASE WHEN i.comparison = 'yes' THEN random() > 0.02 END, 'bench'
FROM admin_unit u JOIN ntm_indicator i ON i.set_code = 'NTM_XA_2021'
WHERE u.code LIKE 'N%' AND random() > 0.001;	-- a few measurements missing: unknowns
ANALYZE;
SELECT count(*) AS indicator_decisions FROM ntm_indicator_status;

-- The same rules in plain SQL: threshold by zone then '*', status by CASE,
-- criteria by bool logic, tiers by counting.
CREATE VIEW bench_plain_commune AS
WITH thr AS (
	SELECT DISTINCT ON (t.set_code, t.indicator_code, z.zone) t.set_code, t.indicator_code, z.zone, t.value
	FROM ntm_threshold t JOIN (SELECT DISTINCT set_code, zone FROM ntm_unit_zone) z
	  ON z.set_code = t.set_code AND t.zone IN (z.zone, '*') AND t.value IS NOT NULL
	ORDER BY t.set_code, t.indicator_code, z.zone, t.zone = '*', t.valid_from DESC
), ind AS (
	SELECT z.unit_id, z.set_code, i.criterion_no,
		   CASE WHEN i.comparison = 'yes' THEN CASE WHEN m.value_yes IS NULL THEN 'unknown' WHEN m.value_yes THEN 'met' ELSE 'not_met' END
				WHEN m.value IS NULL OR t.value IS NULL THEN 'unknown'
				WHEN i.comparison = '>=' THEN CASE WHEN m.value >= t.value THEN 'met' ELSE 'not_met' END
				WHEN i.comparison = '<=' THEN CASE WHEN m.value <= t.value THEN 'met' ELSE 'not_met' END
				ELSE CASE WHEN m.value = t.value THEN 'met' ELSE 'not_met' END END AS status
	FROM ntm_unit_zone z
	JOIN ntm_indicator i ON i.set_code = z.set_code
	LEFT JOIN ntm_measurement m ON m.unit_id = z.unit_id AND m.year = z.year AND m.indicator_code = i.indicator_code
	LEFT JOIN thr t ON t.set_code = z.set_code AND t.indicator_code = i.indicator_code AND t.zone = z.zone
), crit AS (
	SELECT unit_id, set_code, criterion_no,
		   CASE WHEN bool_or(status = 'not_met') THEN 'not_met' WHEN bool_or(status = 'unknown') THEN 'unknown' ELSE 'met' END AS status
	FROM ind GROUP BY 1, 2, 3
), per_set AS (
	SELECT unit_id, set_code, count(*) FILTER (WHERE status = 'met') AS met, count(*) AS total,
		   array_agg(criterion_no ORDER BY criterion_no) FILTER (WHERE status = 'not_met') AS missing
	FROM crit GROUP BY 1, 2
)
SELECT unit_id, set_code, met, total, missing,
	   CASE WHEN bool_and(met = total) OVER (PARTITION BY unit_id) THEN 'nang_cao'
			WHEN bool_or(set_code = 'NTM_XA_2021' AND met = total) OVER (PARTITION BY unit_id) THEN 'ntm'
			ELSE 'none' END AS level
FROM per_set;

\echo 'scoring (best of 3) ...'
SELECT * FROM pg_temp.bench_compare('ntm_commune_status vs the same rules in plain SQL',
	$q$SELECT count(*), count(*) FILTER (WHERE level <> 'none'), sum(criteria_met) FROM hatrung.ntm_commune_status$q$,
	$q$SELECT count(*), count(*) FILTER (WHERE level <> 'none'), sum(met) FROM bench_plain_commune$q$,
	'<= 0.33 (3x faster), subject < 2 s');
-- both give the same levels
SELECT count(*) AS level_mismatches
FROM (SELECT DISTINCT unit_id, level FROM hatrung.ntm_commune_status) a
FULL JOIN (SELECT DISTINCT unit_id, level FROM bench_plain_commune) b USING (unit_id)
WHERE a.level IS DISTINCT FROM b.level;
