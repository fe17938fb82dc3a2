-- quarter text and binary input/output: every accepted form, every rejected
-- example with its SQLSTATE and message.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never

\i sql/include/try.sql

-- Every accepted spelling, and what it reads as.
SELECT input, input::quarter AS quarter
FROM (VALUES
	('2023-Q1'), ('2023Q1'), ('2023 Q1'), ('2023/Q2'), ('2023 - q3'),
	('Q1 2023'), ('Q1-2023'), ('Q1/2023'), ('q4-2023'),
	('I-2023'), ('II/2023'), ('iii 2023'), ('IV-2023'),
	('quý I-2023'), ('Quý II/2023'), ('quy III-2023'), ('quý 2/2023'),
	('quý 4 năm 2023'), ('Quý IV năm 2023'), ('QUÝ IV NĂM 2023'),
	('Quý I - 2023'), ('quí I/2023'), ('qúy I/2023'), ('Quy 3 nam 2023'),
	('   2023-Q1   '), (E'\t2023-Q1\n'), ('quý I–2023'), ('2023−Q1'),
	('0001-Q1'), ('9999-Q4')
) AS v(input);

-- Decomposed Unicode (y + combining acute) and a pasted no-break space.
SELECT (U&'qu\0079\0301 I-2023')::quarter AS decomposed,
	   (U&'qu\00FD\00A0I-2023')::quarter AS no_break_space;

-- Rejected: 22007 for bad text, 22008 for a well-formed year out of range.
SELECT input, pg_temp.try(format('SELECT %L::hatrung.quarter::text', input)) AS result
FROM (VALUES
	(''), ('   '), ('2023'), ('2023-'), ('2023-Q1x'), ('2023-Q1 junk'), ('2023-1'),
	('Q1'), ('Q12023'), ('quý'), ('quý I'), ('quý I-'), ('quý I--2023'), ('quý I năm'),
	('2023.Q1'), ('2023-Q1-'), ('abc'), ('2023é-Q1'), ('Q1—2023'),
	('Q5-2023'), ('2023-Q0'), ('2023-Q11'), ('quý V/2023'), ('quý IIII/2023'), ('quý 5/2023'),
	('quý I/23'), ('23-Q1'), ('0000-Q1'), ('10000-Q1'), ('Q1-99999999999999999999')
) AS v(input);
SELECT pg_temp.try(format('SELECT %L::hatrung.quarter::text', repeat('2023-Q1 ', 1000)))
	LIKE '22007: invalid input syntax for type quarter: "2023-Q1 2023-Q1 %' AS overlong_rejected;

-- The input function is STRICT: NULL in, NULL out.
SELECT NULL::quarter IS NULL AS null_in_null_out;

-- Output never depends on session settings.
SET DateStyle = 'SQL, DMY';
SET lc_time = 'C';
SELECT '2023-Q1'::quarter::text AS with_sql_datestyle;
RESET DateStyle;
RESET lc_time;

-- The no-throw validator agrees with the input function.
SELECT input, is_valid_quarter(input) AS valid
FROM (VALUES ('2023-Q1'), ('quý IV năm 2023'), ('Q5-2023'), ('10000-Q1'), (''), ('quý I/23'))
	AS v(input);
SELECT is_valid_quarter(NULL) IS NULL AS strict_validator;

-- Output of every quarter of 2023 and its Vietnamese label.
SELECT q, q::text, label_vi(q) FROM generate_series('2023-Q1'::quarter, '2023-Q4') AS g(q);
SELECT label_vi('0007-Q3');

-- Binary send output: the int4 ordinal year * 4 + quarter - 1.
SELECT quarter_send('2023-Q1') AS send_2023_q1, quarter_send('0001-Q1') AS send_min,
	   quarter_send('9999-Q4') AS send_max;

-- Binary COPY round trip through a server-side file.
CREATE TABLE binary_src (id int, q quarter, r quarterrange);
INSERT INTO binary_src VALUES
	(1, '2023-Q1', '[2023-Q1,2023-Q4]'), (2, '0001-Q1', '(,0002-Q1)'),
	(3, '9999-Q4', 'empty'), (4, NULL, NULL);
CREATE TABLE binary_dst (LIKE binary_src);
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_binary_test.copy';
BEGIN
	EXECUTE format('COPY binary_src TO %L (FORMAT binary)', f);
	EXECUTE format('COPY binary_dst FROM %L (FORMAT binary)', f);
END
$$;
SELECT * FROM binary_dst ORDER BY id;
SELECT count(*) AS differing_rows
FROM (SELECT * FROM binary_src EXCEPT SELECT * FROM binary_dst) AS d;

-- Binary input validates like text input: a forged out-of-range ordinal.
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_binary_bad.copy';
BEGIN
	-- int4 40000 = 10000-Q1 has the same wire layout as a quarter
	CREATE TEMP TABLE forged (q int4);
	INSERT INTO forged VALUES (40000);
	EXECUTE format('COPY forged TO %L (FORMAT binary)', f);
	EXECUTE format('COPY binary_dst (q) FROM %L (FORMAT binary)', f);
END
$$;
DO $$
DECLARE
	f text := current_setting('data_directory') || '/hatrung_binary_bad.copy';
BEGIN
	CREATE TEMP TABLE forged_low (q int4);
	INSERT INTO forged_low VALUES (3);
	EXECUTE format('COPY forged_low TO %L (FORMAT binary)', f);
	EXECUTE format('COPY binary_dst (q) FROM %L (FORMAT binary)', f);
END
$$;
DROP TABLE binary_src, binary_dst;
