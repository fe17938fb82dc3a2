-- Index and planner support for quarter: operator classes validate, the
-- planner uses btree and BRIN indexes for range predicates, hash joins and
-- hash aggregation work, and RANGE window frames are gap-safe.
SET search_path = public, hatrung;

-- Every operator class of the extension passes the access method's own check.
SELECT opc.opcname, am.amname, amvalidate(opc.oid) AS valid
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
ORDER BY am.amname, opc.opcname;

-- 100,000 rows: 1,000 units x 100 quarters (2000-Q1 .. 2024-Q4).
CREATE TABLE obs (unit int, period quarter, value numeric);
INSERT INTO obs
SELECT u, '2000-Q1'::quarter + i, u * 1000 + i
FROM generate_series(1, 1000) AS u, generate_series(0, 99) AS i;
CREATE INDEX obs_period_btree ON obs (period);
ANALYZE obs;

-- Selectivity estimators make range predicates on a few quarters pick the index.
EXPLAIN (COSTS OFF) SELECT * FROM obs WHERE period = '2023-Q1';
EXPLAIN (COSTS OFF) SELECT * FROM obs WHERE period BETWEEN '2023-Q1' AND '2023-Q2';
EXPLAIN (COSTS OFF) SELECT * FROM obs WHERE period > '2024-Q3';
EXPLAIN (COSTS OFF) SELECT * FROM obs WHERE period >= '2024-Q4' ORDER BY period;
-- ... and a predicate covering most of the table does not.
EXPLAIN (COSTS OFF) SELECT * FROM obs WHERE period > '2001-Q1';
SELECT count(*) FROM obs WHERE period BETWEEN '2023-Q1' AND '2023-Q2';

-- The row estimates themselves: within 2x of the truth.
CREATE FUNCTION pg_temp.estimated_rows(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END
$$;
SELECT q, pg_temp.estimated_rows(q) BETWEEN truth / 2 AND truth * 2 AS estimate_within_2x
FROM (VALUES
	('SELECT * FROM obs WHERE period = ''2023-Q1''', 1000),
	('SELECT * FROM obs WHERE period < ''2005-Q1''', 20000),
	('SELECT * FROM obs WHERE period >= ''2020-Q1''', 20000),
	('SELECT * FROM obs WHERE period <> ''2023-Q1''', 99000)
) AS v(q, truth);

-- BRIN minmax on an append-ordered table.
DROP INDEX obs_period_btree;
CREATE TABLE obs_ordered AS SELECT * FROM obs ORDER BY period;
CREATE INDEX obs_period_brin ON obs_ordered USING brin (period) WITH (pages_per_range = 4);
ANALYZE obs_ordered;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM obs_ordered WHERE period = '2023-Q1';
SELECT count(*) FROM obs_ordered WHERE period = '2023-Q1';
RESET enable_seqscan;

-- Hash join and hash aggregate on quarter.
CREATE TABLE calendar AS
SELECT q AS period, label_vi(q) AS label FROM generate_series('2000-Q1'::quarter, '2024-Q4') AS q;
ANALYZE calendar;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT c.label, count(*) FROM obs o JOIN calendar c USING (period) GROUP BY c.label;
RESET enable_mergejoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT period, sum(value) FROM obs GROUP BY period;
RESET enable_sort;
SELECT c.label, count(*)
FROM obs o JOIN calendar c USING (period)
WHERE period IN ('2023-Q1', '2023-Q2')
GROUP BY c.label ORDER BY c.label;

-- Merge join (MERGES on =) and a unique btree index with deduplication.
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM obs o JOIN calendar c USING (period);
RESET enable_hashjoin;
RESET enable_nestloop;
CREATE UNIQUE INDEX calendar_period ON calendar (period);
INSERT INTO calendar VALUES ('2023-Q1', 'duplicate');

-- Gap-safe window frames: RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING looks the
-- value up by period.  2022-Q2 is missing: 2023-Q2 gets NULL, where LAG(v, 4)
-- silently returns the 2022-Q1 value.
CREATE TABLE series (period quarter, v numeric);
INSERT INTO series VALUES
	('2022-Q1', 100), ('2022-Q3', 120), ('2022-Q4', 130),
	('2023-Q1', 110), ('2023-Q2', 115), ('2023-Q3', 125), ('2023-Q4', 140);
SELECT period, v,
	   first_value(v) OVER w AS same_period_last_year,
	   lag(v, 4) OVER (ORDER BY period) AS lag_4_wrong
FROM series
WINDOW w AS (ORDER BY period RANGE BETWEEN 4 PRECEDING AND 4 PRECEDING)
ORDER BY period;
-- RANGE frames with FOLLOWING, and a negative offset rejected (22013).
SELECT period, sum(v) OVER (ORDER BY period RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) AS this_and_next
FROM series ORDER BY period;
SELECT sum(v) OVER (ORDER BY period RANGE BETWEEN -1 PRECEDING AND CURRENT ROW) FROM series;

-- Hash partitioning with a quarter key (needs the extended hash function).
CREATE TABLE part_obs (period quarter, v int) PARTITION BY HASH (period);
CREATE TABLE part_obs_0 PARTITION OF part_obs FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE part_obs_1 PARTITION OF part_obs FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO part_obs SELECT q, 1 FROM generate_series('2020-Q1'::quarter, '2024-Q4') AS q;
SELECT count(*) > 0 AND count(*) < 20 AS both_partitions_used FROM part_obs_0;
EXPLAIN (COSTS OFF) SELECT * FROM part_obs WHERE period = '2023-Q1';
-- Range partitioning by quarter.
CREATE TABLE range_obs (period quarter, v int) PARTITION BY RANGE (period);
CREATE TABLE range_obs_2023 PARTITION OF range_obs FOR VALUES FROM ('2023-Q1') TO ('2024-Q1');
CREATE TABLE range_obs_2024 PARTITION OF range_obs FOR VALUES FROM ('2024-Q1') TO ('2025-Q1');
INSERT INTO range_obs VALUES ('2023-Q4', 1), ('2024-Q1', 2);
SELECT tableoid::regclass, * FROM range_obs ORDER BY period;
EXPLAIN (COSTS OFF) SELECT * FROM range_obs WHERE period >= '2024-Q2';

-- The hash functions agree with int4 on the ordinal (stable across releases).
SELECT quarter_hash('2023-Q1') = hashint4(8092) AS hash32_is_int4_hash,
	   quarter_hash_extended('2023-Q1', 42) = hashint4extended(8092, 42) AS hash64_is_int4_hash;

DROP TABLE obs, obs_ordered, calendar, series, part_obs, range_obs;
