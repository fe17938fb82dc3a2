-- quarter constructors, accessors, conversions, arithmetic and comparison.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql

-- Constructors.
SELECT make_quarter(2023, 1), make_quarter(1, 1), make_quarter(9999, 4);
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT hatrung.make_quarter(2023, 0)::text'),
	('SELECT hatrung.make_quarter(2023, 5)::text'),
	('SELECT hatrung.make_quarter(0, 1)::text'),
	('SELECT hatrung.make_quarter(10000, 1)::text'),
	('SELECT hatrung.make_quarter(-2147483648, -2147483648)::text'),
	('SELECT coalesce(hatrung.make_quarter(NULL, 1)::text, ''NULL'')')
) AS v(stmt);

-- Dates to quarters and back: function, cast, every month boundary.
SELECT d, quarter(d), d::quarter AS cast
FROM (VALUES ('2023-01-01'::date), ('2023-03-31'), ('2023-04-01'), ('2023-06-30'),
			 ('2023-07-01'), ('2023-09-30'), ('2023-10-01'), ('2023-12-31'),
			 ('2024-02-29'), ('0001-01-01'), ('9999-12-31')) AS v(d);
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT hatrung.quarter(''infinity''::date)::text'),
	('SELECT hatrung.quarter(''-infinity''::date)::text'),
	('SELECT hatrung.quarter(''0001-12-31 BC''::date)::text'),
	('SELECT hatrung.quarter(''10000-01-01''::date)::text'),
	('SELECT ''2023-05-17''::timestamp::date::hatrung.quarter::text')
) AS v(stmt);

-- Accessors, on a leap year, a plain year and the limits.
SELECT q, year(q), quarter_of_year(q), half_of_year(q), quarter_start(q), quarter_end(q),
	   days_in(q), q::date AS cast_to_date, yyyyq(q)
FROM (VALUES ('2024-Q1'::quarter), ('2023-Q1'), ('2023-Q2'), ('2023-Q3'), ('2023-Q4'),
			 ('2100-Q1'), ('2000-Q1'), ('0001-Q1'), ('9999-Q4')) AS v(q);
SELECT days_in('2024-Q1') = 91 AS leap_q1_has_91_days,
	   quarter_end('2024-Q1') = '2024-03-31'::date AS leap_q1_ends_march_31;

-- yyyyq integer form, both ways.
SELECT quarter_from_yyyyq(20231), quarter_from_yyyyq(99994), quarter_from_yyyyq(11);
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT hatrung.quarter_from_yyyyq(20235)::text'),
	('SELECT hatrung.quarter_from_yyyyq(20230)::text'),
	('SELECT hatrung.quarter_from_yyyyq(100001)::text'),
	('SELECT hatrung.quarter_from_yyyyq(-20231)::text'),
	('SELECT hatrung.quarter_from_yyyyq(1)::text')
) AS v(stmt);

-- Fiscal quarters: named by the calendar year the fiscal year ends in.
SELECT d, fiscal_quarter(d, 1) AS jan, fiscal_quarter(d, 4) AS apr,
	   fiscal_quarter(d, 7) AS jul, fiscal_quarter(d, 10) AS oct
FROM (VALUES ('2023-01-15'::date), ('2023-03-31'), ('2023-04-01'), ('2023-07-01'),
			 ('2023-09-30'), ('2023-10-01'), ('2023-12-31')) AS v(d);
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT hatrung.fiscal_quarter(''2023-01-01'', 0)::text'),
	('SELECT hatrung.fiscal_quarter(''2023-01-01'', 13)::text'),
	('SELECT hatrung.fiscal_quarter(''9999-12-01'', 7)::text'),
	('SELECT hatrung.fiscal_quarter(''infinity'', 7)::text')
) AS v(stmt);

-- Arithmetic across year ends.
SELECT '2023-Q4'::quarter + 1 AS next, 1 + '2023-Q4'::quarter AS commuted,
	   '2023-Q1'::quarter - 1 AS previous, '2023-Q1'::quarter - 4 AS same_quarter_last_year,
	   '2023-Q3'::quarter + (-6) AS back_six, '2024-Q1'::quarter - '2022-Q3'::quarter AS between,
	   '2022-Q3'::quarter - '2024-Q1'::quarter AS negative_between;
SELECT '0001-Q1'::quarter + 39995 AS to_max, '9999-Q4'::quarter - 39995 AS to_min,
	   '9999-Q4'::quarter - '0001-Q1'::quarter AS full_span;
-- Leaving 0001-Q1 .. 9999-Q4: 22008.
SELECT stmt, pg_temp.try(stmt) AS result
FROM (VALUES
	('SELECT (''9999-Q4''::hatrung.quarter OPERATOR(hatrung.+) 1)::text'),
	('SELECT (''0001-Q1''::hatrung.quarter OPERATOR(hatrung.-) 1)::text'),
	('SELECT (1 OPERATOR(hatrung.+) ''9999-Q4''::hatrung.quarter)::text'),
	('SELECT (''2023-Q1''::hatrung.quarter OPERATOR(hatrung.+) 2147483647)::text'),
	('SELECT (''2023-Q1''::hatrung.quarter OPERATOR(hatrung.-) (-2147483648))::text'),
	('SELECT (''2023-Q1''::hatrung.quarter OPERATOR(hatrung.-) 2147483647)::text')
) AS v(stmt);

-- Comparison operators.
SELECT a, b, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge
FROM (VALUES ('2023-Q1'::quarter, '2023-Q1'::quarter), ('2022-Q4', '2023-Q1'),
			 ('2023-Q2', '2023-Q1'), ('0001-Q1', '9999-Q4')) AS v(a, b);

-- Dates within quarters.
SELECT q, d, q @> d AS contains, d <@ q AS contained
FROM (VALUES ('2023-Q1'::quarter, '2023-01-01'::date), ('2023-Q1', '2023-03-31'),
			 ('2023-Q1', '2023-04-01'), ('2023-Q1', '2022-12-31'),
			 ('2023-Q1', 'infinity'), ('2023-Q1', '-infinity')) AS v(q, d);

-- min / max aggregates, serial and over an empty set.
SELECT min(q), max(q) FROM (VALUES ('2023-Q2'::quarter), ('2021-Q4'), (NULL), ('2024-Q1')) AS v(q);
SELECT min(q), max(q) FROM (SELECT '2023-Q1'::quarter WHERE false) AS v(q);

-- NULL in, NULL out for every STRICT function.
SELECT year(NULL) IS NULL AND quarter_of_year(NULL) IS NULL AND quarter_start(NULL) IS NULL
	   AND quarter_end(NULL) IS NULL AND days_in(NULL) IS NULL AND label_vi(NULL) IS NULL
	   AND (NULL::quarter + 1) IS NULL AND quarter(NULL::date) IS NULL
	   AND yyyyq(NULL) IS NULL AND fiscal_quarter(NULL, 4) IS NULL AS all_null;
