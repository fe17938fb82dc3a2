-- pgTAP: quarterly_report on random data (ILLUSTRATIVE values, rolled back):
-- several vintages, gaps, flows, stocks and ratios, plans from several
-- sources.  Every row and column equals its plain-SQL definition (latest
-- vintage by DISTINCT ON, comparisons by self-join on the period), and the
-- filters BI tools use reach the indexes.
BEGIN;
SET search_path = public, hatrung;
SELECT plan(14);

SELECT setseed(0.2025);
INSERT INTO admin_unit (code, name, level, valid_from, source)
SELECT 'RT' || g, 'Xã thử ' || g, 'commune', '2000-01-01', 'pgTAP (ILLUSTRATIVE)' FROM generate_series(1, 40) AS g;
INSERT INTO indicator (code, name_vi, name_en, unit_of_measure, kind, decimals)
SELECT 'RT_' || k || g, 'Chỉ tiêu thử ' || g, 'Test indicator ' || g, 'tấn', k, 1
FROM (VALUES ('flow'), ('stock'), ('ratio')) AS kv(k), generate_series(1, 2) AS g;
-- about 15% of the figures missing; a figure has one, two or three
-- vintages; recorded a day ago (a superuser's insert keeps its stamps), so
-- that the changes made further down, inside this same transaction, come
-- after a moment the as-of test can name
INSERT INTO observation (unit_id, indicator_code, period, vintage, value, source, recorded_at)
SELECT u.unit_id, i.code, '2021-Q1'::quarter + q, v.vintage, round((random() * 900 + 10)::numeric, 1),
	   'pgTAP ' || v.vintage || ' (ILLUSTRATIVE)', now() - interval '1 day'
FROM admin_unit u, indicator i, generate_series(0, 19) AS q,
	 (VALUES ('estimate', 0.7), ('preliminary', 0.4), ('official', 0.6)) AS v(vintage, share)
WHERE u.code LIKE 'RT%' AND i.code LIKE 'RT\_%' AND random() < v.share;
INSERT INTO annual_plan (unit_id, indicator_code, year, plan_source, value, source)
SELECT u.unit_id, i.code, y, s.code, round((random() * 3000 + 100)::numeric, 1), 'pgTAP (ILLUSTRATIVE)'
FROM admin_unit u, indicator i, generate_series(2021, 2025) AS y, plan_source s
WHERE u.code LIKE 'RT%' AND i.code LIKE 'RT\_%' AND random() < 0.4;
ANALYZE observation, annual_plan;

CREATE TEMP TABLE latest AS
SELECT DISTINCT ON (o.unit_id, o.indicator_code, o.period) o.*, u.code AS unit_code, i.kind
FROM observation o JOIN admin_unit u USING (unit_id) JOIN indicator i ON i.code = o.indicator_code
WHERE u.code LIKE 'RT%'
ORDER BY o.unit_id, o.indicator_code, o.period, o.vintage_rank DESC;
-- year to date of a flow: the sum of Q1..q if every one of them is known
CREATE TEMP TABLE ytd_flow AS
SELECT a.unit_id, a.indicator_code, a.period,
	   CASE WHEN count(b.value) = quarter_of_year(a.period) THEN sum(b.value) END AS ytd
FROM latest a JOIN latest b ON b.unit_id = a.unit_id AND b.indicator_code = a.indicator_code
	AND year(b.period) = year(a.period) AND b.period <= a.period
GROUP BY a.unit_id, a.indicator_code, a.period;
CREATE TEMP TABLE truth AS
SELECT l.unit_code, l.indicator_code, l.period::text AS period_label, l.value, l.vintage, l.source,
	   b4.value AS spl, b1.value AS pq,
	   CASE l.kind WHEN 'flow' THEN yf.ytd WHEN 'stock' THEN l.value END AS ytd,
	   CASE l.kind WHEN 'flow' THEN yl.ytd WHEN 'stock' THEN b4.value END AS ytd_last_year,
	   (SELECT p.value FROM annual_plan p JOIN plan_source s ON s.code = p.plan_source
		WHERE p.unit_id = l.unit_id AND p.indicator_code = l.indicator_code AND p.year = year(l.period)
		ORDER BY s.priority DESC LIMIT 1) AS plan
FROM latest l
LEFT JOIN latest b4 ON b4.unit_id = l.unit_id AND b4.indicator_code = l.indicator_code AND b4.period = l.period - 4
LEFT JOIN latest b1 ON b1.unit_id = l.unit_id AND b1.indicator_code = l.indicator_code AND b1.period = l.period - 1
LEFT JOIN ytd_flow yf ON yf.unit_id = l.unit_id AND yf.indicator_code = l.indicator_code AND yf.period = l.period
LEFT JOIN ytd_flow yl ON yl.unit_id = l.unit_id AND yl.indicator_code = l.indicator_code AND yl.period = l.period - 4;
CREATE TEMP TABLE got AS SELECT * FROM quarterly_report WHERE unit_code LIKE 'RT%';

SELECT ok((SELECT count(*) FROM observation o JOIN admin_unit u USING (unit_id) WHERE u.code LIKE 'RT%')
		  > (SELECT count(*) FROM truth) + 1000
		  AND (SELECT count(*) FROM truth WHERE spl IS NULL) > 100 AND (SELECT count(*) FROM truth WHERE ytd IS NOT NULL) > 500,
	'the random data has repeated vintages, gaps and complete years');
SELECT is((SELECT count(*) FROM got), (SELECT count(*) FROM truth),
	'one report row per figure (its latest vintage)');
SELECT is((SELECT count(*) FROM got g FULL JOIN truth t USING (unit_code, indicator_code, period_label)
		   WHERE g.value IS DISTINCT FROM t.value OR g.vintage IS DISTINCT FROM t.vintage
			  OR g.source IS DISTINCT FROM t.source),
	0::bigint, 'value, vintage and source are those of the latest vintage');
SELECT is((SELECT count(*) FROM got g JOIN truth t USING (unit_code, indicator_code, period_label)
		   WHERE g.value_same_period_last_year IS DISTINCT FROM t.spl
			  OR g.value_previous_quarter IS DISTINCT FROM t.pq
			  OR g.yoy_pct IS DISTINCT FROM growth_pct(t.value, t.spl)
			  OR g.qoq_pct IS DISTINCT FROM growth_pct(t.value, t.pq)),
	0::bigint, 'comparisons with the same quarter last year and the previous quarter, matched by period');
SELECT is((SELECT count(*) FROM got g JOIN truth t USING (unit_code, indicator_code, period_label)
		   WHERE g.ytd IS DISTINCT FROM t.ytd OR g.ytd_last_year IS DISTINCT FROM t.ytd_last_year
			  OR g.ytd_yoy_pct IS DISTINCT FROM growth_pct(t.ytd, t.ytd_last_year)),
	0::bigint, 'years to date by kind (flows summed only when complete, stocks the value, ratios none)');
SELECT is((SELECT count(*) FROM got g JOIN truth t USING (unit_code, indicator_code, period_label)
		   WHERE g.annual_plan IS DISTINCT FROM t.plan),
	0::bigint, 'the annual plan of the highest-priority source');

-- One set of rules: the numbers quarter_report prints (report_figures) are
-- the view's, for every unit and quarter of the random data and of the demo.
SELECT hatrung.load_demo() IS NOT NULL AS demo \gset
CREATE FUNCTION pg_temp.report_vs(view_rows text) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE
	n bigint;
BEGIN
	EXECUTE format($q$
		SELECT count(*) FROM (
			SELECT u.code, r.period::text, f.indicator_code, f.value, f.vintage, f.source, f.value_same_period_last_year,
				   f.yoy_pct, f.value_previous_quarter, f.qoq_pct, f.ytd, f.ytd_last_year, f.ytd_yoy_pct,
				   f.annual_plan, f.ytd_pct_of_plan
			FROM (SELECT DISTINCT unit_code, period_label::hatrung.quarter AS period FROM %1$s) AS r
			JOIN hatrung.admin_unit u ON u.code = r.unit_code
			CROSS JOIN LATERAL hatrung.report_figures(u.unit_id, r.period, %2$s) AS f
			EXCEPT ALL
			SELECT unit_code, period_label, indicator_code, value, vintage, source, value_same_period_last_year,
				   yoy_pct, value_previous_quarter, qoq_pct, ytd, ytd_last_year, ytd_yoy_pct, annual_plan, ytd_pct_of_plan
			FROM %1$s) AS d$q$, view_rows, coalesce(quote_literal(current_setting('hatrung_test.as_of', true)) || '::timestamptz', 'NULL'))
	INTO n;
	RETURN n;
END
$f$;
CREATE TEMP TABLE view_now AS SELECT * FROM quarterly_report;
SELECT is(pg_temp.report_vs('view_now'), 0::bigint,
	'the report''s numbers equal quarterly_report''s for every unit and quarter (random data and the demo)');
SELECT ok((SELECT count(*) FROM view_now) > 1000, 'the comparison covers thousands of figures');
-- As of a moment: the view's answers kept from then equal the report as of
-- then, after new vintages, corrections and deletions.
CREATE TEMP TABLE view_then AS SELECT * FROM quarterly_report;
SELECT set_config('hatrung_test.as_of', (now() - interval '1 hour')::text, true) IS NOT NULL AS moment_noted;
INSERT INTO observation (unit_id, indicator_code, period, vintage, value, source)
SELECT o.unit_id, o.indicator_code, o.period, 'official', o.value + 1, 'later (pgTAP)'
FROM observation o JOIN admin_unit u USING (unit_id)
WHERE u.code LIKE 'RT%' AND o.vintage <> 'official' AND o.obs_id % 3 = 0
ON CONFLICT DO NOTHING;
UPDATE observation SET value = value * 2 WHERE obs_id % 7 = 0 AND source <> 'later (pgTAP)';
DELETE FROM observation WHERE obs_id % 11 = 0 AND source <> 'later (pgTAP)';
SELECT isnt((SELECT count(*) FROM (SELECT * FROM quarterly_report EXCEPT ALL SELECT * FROM view_then) AS d), 0::bigint,
	'the figures have changed since');
SELECT is(pg_temp.report_vs('view_then'), 0::bigint,
	'the report as of that moment equals the view as it was then (observations_as_of)');

-- The filters reach the indexes (sequential scans off, so that the small
-- test tables do not hide it): a quarter through observation_period, a
-- unit through observation_lookup.
CREATE FUNCTION pg_temp.plan_text(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END
$f$;
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.plan_text($$SELECT count(*) FROM hatrung.quarterly_report WHERE period_label = '2023-Q3'$$),
	'observation_period',
	'one quarter reads observation_period');
SELECT matches(pg_temp.plan_text($$SELECT count(*) FROM hatrung.quarterly_report WHERE unit_code = 'RT7'$$),
	'Index Cond: \(unit_id = ',
	'one unit reads its rows by unit_id');
-- the published spans too: through cumulative_observation_period for a
-- quarter, by unit_id for a unit (an index condition, not a filter after a
-- full scan)
SELECT matches(pg_temp.plan_text($$SELECT count(*) FROM hatrung.quarterly_report WHERE period_label = '2023-Q3'$$),
	'cumulative_observation_period',
	'one quarter reads the spans through cumulative_observation_period');
SELECT matches(pg_temp.plan_text($$SELECT count(*) FROM hatrung.quarterly_report WHERE unit_code = 'RT7'$$),
	'cumulative_observation\w*( \w+)?\s+Index Cond: \(unit_id = ',
	'one unit reads its spans by unit_id');

SELECT * FROM finish();
ROLLBACK;
