-- Installing and using the extension with a hostile search_path: a schema
-- earlier in the path defines look-alike functions, aggregates and
-- operators; the extension's results must not change.
\set SHOW_CONTEXT never
SET client_min_messages = warning;
-- these drops are deliberate (the earlier tests left figures behind)
SET hatrung.allow_drop = on;

-- Baseline under a clean search_path.
DROP EXTENSION hatrung CASCADE;
CREATE EXTENSION hatrung;
SELECT hatrung.load_demo() IS NOT NULL AS demo, hatrung.load_ntm_demo() IS NOT NULL AS ntm_demo;
CREATE TEMP TABLE baseline AS
SELECT md5(hatrung.quarter_report('392', '2023-Q1')) AS report,
	   (SELECT md5(string_agg(r::text, '|' ORDER BY r.unit_code, r.indicator_code, r.period_label)) FROM hatrung.quarterly_report r) AS quarterly,
	   (SELECT md5(string_agg(d::text, '|' ORDER BY d.year)) FROM hatrung.ntm_district_status d) AS ntm,
	   (SELECT md5(string_agg(h::text, '|' ORDER BY h.unit_code)) FROM hatrung.harmonised_observations_at('2025-07-01') h) AS harmonised,
	   hatrung.parse_vn_number('1.041,6')::text || ' ' || hatrung.format_vn_number(1041.6, 1) AS numbers;
DROP EXTENSION hatrung CASCADE;

-- The hostile schema.
CREATE SCHEMA evil;
CREATE FUNCTION evil.round(numeric, integer) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
CREATE FUNCTION evil.trim_scale(numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''evil''::text';
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE sql AS 'SELECT ''evil''::text';
CREATE FUNCTION evil.make_date(integer, integer, integer) RETURNS date LANGUAGE sql AS 'SELECT ''1900-01-01''::date';
CREATE FUNCTION evil.daterange(date, date) RETURNS daterange LANGUAGE sql AS 'SELECT ''empty''::daterange';
CREATE FUNCTION evil.always(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.always);
CREATE FUNCTION evil.never(numeric, numeric) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE OPERATOR evil.> (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.never);
CREATE OPERATOR evil.>= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.never);
CREATE FUNCTION evil.zero(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
CREATE AGGREGATE evil.sum(numeric) (SFUNC = evil.zero, STYPE = numeric, INITCOND = '0');
SET search_path = evil, pg_catalog, public;
-- the look-alikes are live for unqualified names
SELECT round(1.5, 0) AS evil_round, 'a' = 'b' AS evil_equals, sum(x) AS evil_sum FROM (VALUES (1::numeric)) AS v(x);

-- Installed and used under the hostile path, the extension answers as before.
CREATE EXTENSION hatrung;
SELECT hatrung.load_demo() IS NOT NULL AS demo, hatrung.load_ntm_demo() IS NOT NULL AS ntm_demo;
-- (compared with pg_catalog.= : the hostile = on text would say true to anything)
SELECT md5(hatrung.quarter_report('392', '2023-Q1')) OPERATOR(pg_catalog.=) b.report AS report_unchanged,
	   (SELECT md5(string_agg(r::text, '|' ORDER BY r.unit_code, r.indicator_code, r.period_label)) FROM hatrung.quarterly_report r) OPERATOR(pg_catalog.=) b.quarterly AS quarterly_report_unchanged,
	   (SELECT md5(string_agg(d::text, '|' ORDER BY d.year)) FROM hatrung.ntm_district_status d) OPERATOR(pg_catalog.=) b.ntm AS ntm_unchanged,
	   (SELECT md5(string_agg(h::text, '|' ORDER BY h.unit_code)) FROM hatrung.harmonised_observations_at('2025-07-01') h) OPERATOR(pg_catalog.=) b.harmonised AS harmonised_unchanged,
	   hatrung.parse_vn_number('1.041,6')::text || ' ' || hatrung.format_vn_number(1041.6, 1) OPERATOR(pg_catalog.=) b.numbers AS numbers_unchanged
FROM baseline b;
-- Loading through the import view under the hostile path still validates.
INSERT INTO hatrung.observation_import VALUES ('392', 'MEAT_OUTPUT', 'quý II-2023', 'official', '801,5', 'ILLUSTRATIVE');
SELECT value FROM hatrung.quarterly_report WHERE unit_code OPERATOR(pg_catalog.=) '392'
  AND period_label OPERATOR(pg_catalog.=) '2023-Q2' AND indicator_code OPERATOR(pg_catalog.=) 'MEAT_OUTPUT';

-- Every PL/pgSQL function of the extension runs with a fixed search_path
-- (the SECURITY DEFINER ones are listed and justified in sql/catalog.sql).
SELECT p.oid::regprocedure AS plpgsql_without_fixed_search_path
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'hatrung'
WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname OPERATOR(pg_catalog.=) 'plpgsql')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) AS c WHERE c OPERATOR(pg_catalog.~~) 'search_path=%');

RESET search_path;
DROP SCHEMA evil CASCADE;
