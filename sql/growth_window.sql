-- Gap-safe window functions: periods matched by period, never by row.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

-- Two series; unit A misses 2022-Q2, unit B has a NULL value in 2023-Q2.
CREATE TABLE meat (unit text, period quarter, tonnes numeric);
INSERT INTO meat VALUES
	('A', '2022-Q1', 767.8), ('A', '2022-Q3', 790), ('A', '2022-Q4', 845),
	('A', '2023-Q1', 820), ('A', '2023-Q2', 801), ('A', '2023-Q3', 830), ('A', '2023-Q4', 860),
	('B', '2022-Q1', 100), ('B', '2022-Q2', 110), ('B', '2022-Q3', 120), ('B', '2022-Q4', 130),
	('B', '2023-Q1', 0), ('B', '2023-Q2', NULL), ('B', '2023-Q3', 125), ('B', '2023-Q4', 140);

-- Where LAG(v, 4) silently compares the wrong quarters, these give NULL.
SELECT unit, period, tonnes,
	   same_period_last_year(tonnes, period) OVER w AS same_period_last_year,
	   lag(tonnes, 4) OVER w AS "lag(4) wrong",
	   round(yoy_pct(tonnes, period) OVER w, 1) AS yoy_pct,
	   previous_quarter(tonnes, period) OVER w AS previous_quarter,
	   round(qoq_pct(tonnes, period) OVER w, 1) AS qoq_pct
FROM meat
WINDOW w AS (PARTITION BY unit ORDER BY period)
ORDER BY unit, period;

-- Year to date: a flow is summed (NULL when a quarter is missing or
-- unknown), a stock is the latest value.
SELECT unit, period, tonnes,
	   ytd(tonnes, period, 'flow') OVER w AS ytd_flow,
	   ytd(tonnes, period, 'stock') OVER w AS ytd_stock,
	   round(ytd_yoy_pct(tonnes, period, 'flow') OVER w, 2) AS ytd_yoy_pct,
	   round(ytd_yoy_pct(tonnes, period, 'stock') OVER w, 2) AS ytd_yoy_stock
FROM meat
WINDOW w AS (PARTITION BY unit ORDER BY period)
ORDER BY unit, period;

-- YTD growth comes from the two YTD totals, never the mean of quarterly
-- growths: Q1 doubles and Q2 stays flat, so the half-year grows 25%, not 50%.
CREATE TABLE exports (period quarter, musd numeric);
INSERT INTO exports VALUES ('2022-Q1', 10), ('2022-Q2', 30), ('2023-Q1', 20), ('2023-Q2', 30);
SELECT period, musd, round(yoy_pct(musd, period) OVER w, 2) AS yoy_pct,
	   ytd(musd, period, 'flow') OVER w AS ytd,
	   round(ytd_yoy_pct(musd, period, 'flow') OVER w, 2) AS ytd_yoy_pct,
	   round(avg(yoy_pct) OVER (ORDER BY period), 2) AS "mean of rates (wrong)"
FROM (SELECT *, yoy_pct(musd, period) OVER (ORDER BY period) AS yoy_pct FROM exports) AS e
WINDOW w AS (ORDER BY period)
ORDER BY period;

-- Kind can come from each row (e.g. joined from the indicator table).
SELECT period, kind, ytd(v, period, kind) OVER (PARTITION BY kind ORDER BY period) AS ytd
FROM (VALUES ('2023-Q1'::quarter, 'flow', 5), ('2023-Q2', 'flow', 7),
			 ('2023-Q1', 'stock', 50), ('2023-Q2', 'stock', 70),
			 ('2023-Q1', NULL, 1)) AS v(period, kind, v)
ORDER BY kind, period;

-- Chain and fixed-base indices from levels.
SELECT period, tonnes,
	   round(chain_index(tonnes, period) OVER w, 2) AS chain_index,
	   round(fixed_base_index(tonnes, period, '2022-Q1') OVER w, 2) AS fixed_base_2022q1,
	   round(fixed_base_index(tonnes, period, '2022-Q2') OVER w, 2) AS base_missing
FROM meat WHERE unit = 'A'
WINDOW w AS (ORDER BY period)
ORDER BY period;

-- float8 versions, same answers.
SELECT period, same_period_last_year(tonnes::float8, period) OVER w AS splyf,
	   round(yoy_pct(tonnes::float8, period) OVER w) AS yoyf,
	   round(qoq_pct(tonnes::float8, period) OVER w) AS qoqf,
	   previous_quarter(tonnes::float8, period) OVER w AS pqf,
	   ytd(tonnes::float8, period, 'flow') OVER w AS ytdf,
	   round(ytd_yoy_pct(tonnes::float8, period, 'flow') OVER w) AS ytdyoyf,
	   round(chain_index(tonnes::float8, period) OVER w) AS chainf,
	   round(fixed_base_index(tonnes::float8, period, '2022-Q1') OVER w) AS fixedf,
	   pg_typeof(yoy_pct(tonnes::float8, period) OVER w) AS type
FROM meat WHERE unit = 'A'
WINDOW w AS (ORDER BY period)
ORDER BY period;

-- A window frame does not change the answers: the functions read by period.
SELECT period, same_period_last_year(tonnes, period)
	OVER (ORDER BY period ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS with_frame
FROM meat WHERE unit = 'A' ORDER BY period;

-- Errors, with SQLSTATE.
\i sql/include/try.sql
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT hatrung.yoy_pct(tonnes, period) OVER (PARTITION BY unit ORDER BY tonnes) FROM meat'),
	('SELECT hatrung.yoy_pct(tonnes, period) OVER (PARTITION BY unit ORDER BY period DESC) FROM meat'),
	('SELECT hatrung.yoy_pct(tonnes, period) OVER (ORDER BY period) FROM meat'),
	('SELECT hatrung.ytd(tonnes, period, ''ratio'') OVER (PARTITION BY unit ORDER BY period) FROM meat'),
	('SELECT hatrung.ytd(tonnes, period, ''Flow'') OVER (PARTITION BY unit ORDER BY period) FROM meat'),
	('SELECT hatrung.ytd_yoy_pct(tonnes, period, '''') OVER (PARTITION BY unit ORDER BY period) FROM meat'),
	('SELECT hatrung.previous_quarter(v, p) OVER (ORDER BY p) FROM (VALUES (1::numeric, ''2023-Q1''::hatrung.quarter), (2, NULL)) AS t(v, p)'),
	('SELECT hatrung.same_period_last_year(v, p) OVER (ORDER BY p NULLS FIRST) FROM (VALUES (1::numeric, ''2023-Q1''::hatrung.quarter), (2, NULL)) AS t(v, p)'),
	('SELECT hatrung.fixed_base_index(v, p, ''2023-Q1'') OVER (ORDER BY v) FROM (VALUES (1::numeric, ''2023-Q2''::hatrung.quarter), (2, ''2023-Q1'')) AS t(v, p)'),
	('SELECT hatrung.yoy_pct(tonnes, period) FROM meat')
) AS v(stmt);

-- The first rows of a partition, one-row partitions, empty input.
SELECT yoy_pct(v, p) OVER (ORDER BY p) AS single_row
FROM (VALUES (5::numeric, '2023-Q1'::quarter)) AS t(v, p);
SELECT count(*) AS no_rows FROM (SELECT yoy_pct(tonnes, period) OVER (ORDER BY period) FROM meat WHERE false) AS t;

-- At the ends of the calendar: no arithmetic overflow.
SELECT p, same_period_last_year(v, p) OVER w, ytd(v, p, 'flow') OVER w, ytd_yoy_pct(v, p, 'flow') OVER w
FROM (VALUES (1::numeric, '0001-Q1'::quarter), (2, '0001-Q2'), (3, '9999-Q4')) AS t(v, p)
WINDOW w AS (ORDER BY p) ORDER BY p;

-- Window functions are evaluated once per row in one pass: 4 series x 2,000
-- quarters with random gaps give the same answers as a self-join by period.
CREATE TABLE long_series AS
SELECT u, '2000-Q1'::quarter + i AS period, (u * 1000 + i)::numeric AS v
FROM generate_series(1, 4) AS u, generate_series(0, 1999) AS i
WHERE (u * 7919 + i * 104729) % 11 <> 0;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE w.yoy IS DISTINCT FROM growth_pct(w.v, b.v)) AS yoy_mismatches,
	   count(*) FILTER (WHERE w.spl IS DISTINCT FROM b.v) AS same_period_mismatches
FROM (SELECT u, period, v, yoy_pct(v, period) OVER w AS yoy, same_period_last_year(v, period) OVER w AS spl
	  FROM long_series WINDOW w AS (PARTITION BY u ORDER BY period)) AS w
LEFT JOIN long_series b ON b.u = w.u AND b.period = w.period - 4;

DROP TABLE meat, exports, long_series;
