-- pgTAP: NTM scoring properties on random data (ILLUSTRATIVE values and
-- thresholds, rolled back): the ntm_score aggregate behind
-- ntm_commune_status gives exactly what folding ntm_indicator_status
-- gives, whatever the input order, serially and in parallel, and the
-- commune view agrees with the 1.0 formula (a fold per criterion, then per set).
BEGIN;
SET search_path = public, hatrung;
SELECT plan(7);

SELECT setseed(0.2023);
-- 300 communes, both 2021-2025 commune sets, 2022 and 2023, three zones.
INSERT INTO admin_unit (code, name, level, valid_from, source)
SELECT 'PT' || g, 'Xã thử ' || g, 'commune', '2000-01-01', 'pgTAP (ILLUSTRATIVE)' FROM generate_series(1, 300) AS g;
INSERT INTO ntm_unit_zone (unit_id, set_code, year, zone)
SELECT u.unit_id, s, y, (ARRAY['BTB', 'DBSH', 'TDMNPB'])[1 + floor(random() * 3)::int]
FROM admin_unit u, (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS v(s), (VALUES (2022), (2023)) AS yv(y)
WHERE u.code LIKE 'PT%' AND random() > 0.05;
-- thresholds for some indicators and zones only: the rest stay unknown
INSERT INTO ntm_threshold (set_code, indicator_code, zone, valid_from, value, official, source)
SELECT i.set_code, i.indicator_code, z, '2021-01-01', round((40 + random() * 50)::numeric, 1), false, 'pgTAP (ILLUSTRATIVE)'
FROM ntm_indicator i, (VALUES ('BTB'), ('DBSH'), ('*')) AS zv(z)
WHERE i.set_code IN ('NTM_XA_2021', 'NTM_NC_2021') AND i.comparison <> 'yes' AND random() > 0.3
ON CONFLICT DO NOTHING;
-- measurements: most present, some NaN, yes/no answers, and codes of no set
INSERT INTO ntm_measurement (unit_id, year, indicator_code, value, value_yes, source)
SELECT u.unit_id, y, c.code,
	   CASE WHEN NOT c.yes THEN CASE WHEN random() < 0.03 THEN 'NaN'::numeric ELSE round((30 + random() * 70)::numeric, 1) END END,
	   CASE WHEN c.yes THEN random() > 0.1 END, 'pgTAP (ILLUSTRATIVE)'
FROM admin_unit u, (VALUES (2022), (2023)) AS yv(y),
	 (SELECT DISTINCT indicator_code AS code, comparison = 'yes' AS yes FROM ntm_indicator
	  WHERE set_code IN ('NTM_XA_2021', 'NTM_NC_2021')
	  UNION ALL VALUES ('ZZ.1', false), ('ZZ.2', true)) AS c
WHERE u.code LIKE 'PT%' AND random() > 0.12;

CREATE TEMP VIEW folded AS
SELECT unit_id, year, set_code, ntm_criteria_fold(criterion_no, status) AS bits
FROM ntm_indicator_status GROUP BY 1, 2, 3;
CREATE TEMP TABLE scored AS
SELECT a.unit_id, a.year, a.set_code,
	   ntm_score(ntm_rules(a.set_code, a.zone, a.year), m.indicator_code, m.value, m.value_yes) AS bits
FROM ntm_unit_zone a LEFT JOIN ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year
GROUP BY 1, 2, 3;

SELECT cmp_ok((SELECT count(*) FROM scored s JOIN admin_unit u USING (unit_id) WHERE u.code LIKE 'PT%'
			   AND ntm_criteria_count(s.bits, 'met') > 0 AND ntm_criteria_count(s.bits, 'not_met') > 0
			   AND ntm_criteria_count(s.bits, 'unknown') > 0), '>', 100::bigint,
			  'the random data mixes met, not met and unknown criteria');
SELECT is((SELECT count(*) FROM folded f FULL JOIN (SELECT * FROM scored WHERE bits IS NOT NULL) s
		   USING (unit_id, year, set_code) WHERE f.bits IS DISTINCT FROM s.bits),
		  0::bigint, 'ntm_score equals folding ntm_indicator_status for every unit, year and set');
SELECT is((SELECT count(*) FROM scored s
		   JOIN (SELECT a.unit_id, a.year, a.set_code,
						ntm_score(ntm_rules(a.set_code, a.zone, a.year), m.indicator_code, m.value, m.value_yes
								  ORDER BY random()) AS bits
				 FROM ntm_unit_zone a LEFT JOIN ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year
				 GROUP BY 1, 2, 3) r USING (unit_id, year, set_code)
		   WHERE r.bits IS DISTINCT FROM s.bits),
		  0::bigint, 'ntm_score does not depend on the order of its input');

-- Parallel: every unit copied 20 times under new ids, rows shuffled, so the
-- workers' partial states of one group are combined.
CREATE TEMP TABLE score_rows AS
SELECT a.unit_id + copy * 10000000 AS unit_id, a.year, a.set_code, a.zone, m.indicator_code, m.value, m.value_yes
FROM ntm_unit_zone a LEFT JOIN ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year,
	 generate_series(1, 20) AS copy
ORDER BY random();
-- (a temporary table is not scanned by parallel workers: copy it to a plain one)
CREATE TABLE pgtap_score_rows AS SELECT * FROM score_rows;
ANALYZE pgtap_score_rows;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r record;
	plan text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		plan := plan || r."QUERY PLAN" || E'\n';
	END LOOP;
	RETURN plan;
END
$$;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(pg_temp.plan_of($q$SELECT unit_id, year, set_code, ntm_score(ntm_rules(set_code, zone, year), indicator_code, value, value_yes)
	FROM pgtap_score_rows GROUP BY 1, 2, 3$q$), 'Partial (Hash|Group)Aggregate',
	'the copied rows are scored by partial aggregates in parallel workers');
CREATE TEMP TABLE parallel_scored AS
SELECT unit_id, year, set_code, ntm_score(ntm_rules(set_code, zone, year), indicator_code, value, value_yes) AS bits
FROM pgtap_score_rows GROUP BY 1, 2, 3;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT is((SELECT count(*) FROM parallel_scored p JOIN scored s
		   ON s.unit_id = p.unit_id % 10000000 AND s.year = p.year AND s.set_code = p.set_code
		   WHERE p.bits IS DISTINCT FROM s.bits),
		  0::bigint, 'in parallel, every copy scores exactly as its original');
SELECT is((SELECT count(*) FROM parallel_scored), (SELECT count(*) * 20 FROM scored),
		  'in parallel, one result per copied unit, year and set');

-- ntm_commune_status against the 1.0 formula: ntm_fold per criterion, then
-- counts and the missing criteria per set (the NTM and advanced sets).
SELECT is((SELECT count(*)
		   FROM (SELECT unit_id, year, set_code,
						count(*) FILTER (WHERE status = 'met')::integer AS met,
						count(*) FILTER (WHERE status = 'unknown')::integer AS unknown,
						coalesce(array_agg(criterion_no ORDER BY criterion_no) FILTER (WHERE status = 'not_met'), '{}') AS missing
				 FROM (SELECT unit_id, year, set_code, criterion_no, ntm_fold(status) AS status
					   FROM ntm_indicator_status GROUP BY 1, 2, 3, 4) AS per_criterion
				 GROUP BY 1, 2, 3) AS old
		   FULL JOIN (SELECT * FROM ntm_commune_status WHERE set_code IN ('NTM_XA_2021', 'NTM_NC_2021')) AS c
			 USING (unit_id, year, set_code)
		   WHERE (old.met, old.unknown, old.missing) IS DISTINCT FROM (c.criteria_met, c.criteria_unknown, c.missing_criteria)),
		  0::bigint, 'ntm_commune_status gives what the 1.0 formula gives for every unit, year and set');
SELECT * FROM finish();
ROLLBACK;
