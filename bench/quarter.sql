-- bench/quarter.sql: the quarter type against the built-in types it replaces,
-- on 10 million values, in one session on one cluster.  Prints ratios
-- (subject time / baseline time); lower is faster.
\set QUIET on
\pset footer off
SET search_path = public, hatrung;
SET max_parallel_workers_per_gather = 0;	-- one core per query, both sides alike
SET work_mem = '1GB';						-- in-memory sorts on both sides
SET jit = off;
\i bench/lib.sql

\echo 'building 10,000,000 rows ...'
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_q;
CREATE UNLOGGED TABLE bench_q AS
SELECT d,
	   quarter(d) AS q,
	   yyyyq(quarter(d)) / 10 * 4 + yyyyq(quarter(d)) % 10 - 1 AS ordinal,	-- the same int4 values
	   quarter(d)::text AS q_text,
	   d::text AS d_text
FROM (SELECT '1990-01-01'::date + (random() * 16000)::int AS d
	  FROM generate_series(1, 10000000)) AS g;
VACUUM ANALYZE bench_q;

\echo 'timing (best of 3 runs each) ...'
SELECT * FROM pg_temp.bench_compare('sort quarter vs sort int4',
	'SELECT * FROM (SELECT q FROM bench_q ORDER BY q) s OFFSET 9999999',
	'SELECT * FROM (SELECT ordinal FROM bench_q ORDER BY ordinal) s OFFSET 9999999',
	'<= 1.15')
UNION ALL
SELECT * FROM pg_temp.bench_compare('text -> quarter vs text -> date',
	'SELECT count(q_text::hatrung.quarter) FROM bench_q',
	'SELECT count(d_text::date) FROM bench_q',
	'<= 0.9')
UNION ALL
SELECT * FROM pg_temp.bench_compare('date -> quarter vs date_trunc(''quarter'', d)::date',
	'SELECT count(hatrung.quarter(d)) FROM bench_q',
	'SELECT count(date_trunc(''quarter'', d)::date) FROM bench_q',
	'<= 0.8');

DROP TABLE bench_q;

-- Report headings (1.2): a cumulative or quarter label read as a quarter
-- range, against a date read from text, on the same 2,000,000 rows.
SELECT to_regproc('hatrung.parse_period_vi') IS NOT NULL AS has_parse_period \gset
\if :has_parse_period
\echo 'building 2,000,000 report headings ...'
CREATE UNLOGGED TABLE bench_labels AS
SELECT (ARRAY['6 tháng đầu năm ', '9 tháng năm ', 'cả năm ', 'quý II-', '6 tháng ', 'năm '])[1 + g % 6]
		   || (1990 + g % 40) AS label,
	   ('1990-01-01'::date + g % 16000)::text AS d_text
FROM generate_series(1, 2000000) AS g;
VACUUM ANALYZE bench_labels;
SELECT * FROM pg_temp.bench_compare('parse_period_vi(heading) vs text -> date',
	'SELECT count(hatrung.parse_period_vi(label)) FROM bench_labels',
	'SELECT count(d_text::date) FROM bench_labels',
	'<= 1.0');
DROP TABLE bench_labels;
\endif

-- Crop seasons (1.2): season labels as reports write them read as
-- crop_season, against a date read from text, on 2,000,000 rows.
SELECT to_regtype('hatrung.crop_season') IS NOT NULL AS has_crop_season \gset
\if :has_crop_season
\echo 'building 2,000,000 season labels ...'
CREATE UNLOGGED TABLE bench_seasons AS
SELECT CASE g % 6 WHEN 0 THEN 'vụ Đông Xuân ' || (1989 + g % 40) || '-' || (1990 + g % 40)
				  WHEN 1 THEN 'vụ Xuân ' || (1990 + g % 40) WHEN 2 THEN 'vụ Hè Thu ' || (1990 + g % 40)
				  WHEN 3 THEN 'vụ Mùa ' || (1990 + g % 40) WHEN 4 THEN 'vụ đông xuân ' || (1989 + g % 40) || ' - ' || (1990 + g % 40)
				  ELSE 'vụ Đông ' || (1990 + g % 40) END AS label,
	   ('1990-01-01'::date + g % 16000)::text AS d_text
FROM generate_series(1, 2000000) AS g;
VACUUM ANALYZE bench_seasons;
SELECT * FROM pg_temp.bench_compare('season label -> crop_season vs text -> date',
	'SELECT count(label::hatrung.crop_season) FROM bench_seasons',
	'SELECT count(d_text::date) FROM bench_seasons',
	'<= 1.0');
DROP TABLE bench_seasons;
\endif
