-- ---------------------------------------------------------------------------
-- Loading figures as statistics offices write them:
--   \copy hatrung.observation_import FROM 'q1.csv' (FORMAT csv, HEADER)
-- with quarter labels such as "quý I-2023" and Vietnamese numbers such as
-- "22,756" or "685,528 tỷ".  Every row is validated; the first bad row stops
-- the load with an error naming its key and column, and nothing is loaded.
-- ---------------------------------------------------------------------------

CREATE VIEW @extschema@.observation_import AS
SELECT u.code AS unit_code, o.indicator_code, o.period::text AS period, o.vintage,
	   o.value::text AS value, o.source
FROM @extschema@.observation o
JOIN @extschema@.admin_unit u ON u.unit_id = o.unit_id
UNION ALL
SELECT u.code, c.indicator_code,
	   @extschema@.period_label_vi(@extschema@.quarterrange(
		   @extschema@.make_quarter(@extschema@.year(c.period), 1), c.period OPERATOR(@extschema@.+) 1)),
	   c.vintage, c.value::text, c.source
FROM @extschema@.cumulative_observation c
JOIN @extschema@.admin_unit u ON u.unit_id = c.unit_id
UNION ALL
SELECT u.code, s.indicator_code, @extschema@.label_vi(s.season),
	   CASE s.figure WHEN 'plan' THEN 'plan' ELSE s.vintage END, s.value::text, s.source
FROM @extschema@.season_figure s
JOIN @extschema@.admin_unit u ON u.unit_id = s.unit_id;
COMMENT ON VIEW @extschema@.observation_import IS
	'load target for CSV files: INSERT or \copy rows (unit_code, indicator_code, period, vintage, value, source) in the notation reports use; a period of several quarters from January (6 tháng đầu năm 2023) loads a cumulative figure, a crop season (vụ Đông Xuân 2022-2023) a season figure (vintage plan: its plan); reading it lists all observations, cumulative and season figures';
GRANT SELECT ON @extschema@.observation_import TO hatrung_reader;
GRANT INSERT ON @extschema@.observation_import TO hatrung_editor, hatrung_unit_editor;
COMMENT ON COLUMN @extschema@.observation_import.unit_code IS 'official unit code; the unit valid at the end of the quarter is used';
COMMENT ON COLUMN @extschema@.observation_import.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.observation_import.period IS 'quarter in any accepted spelling (quý I-2023, Q1-2023, 2023-Q1 ...) or a span from January (6 tháng đầu năm 2023, 9 tháng năm 2023, năm 2023), or a crop season (vụ Đông Xuân 2022-2023, vụ Mùa 2023)';
COMMENT ON COLUMN @extschema@.observation_import.vintage IS 'estimate, preliminary or official (also: ước tính, sơ bộ, chính thức); for a crop season also plan (kế hoạch)';
COMMENT ON COLUMN @extschema@.observation_import.value IS 'number in Vietnamese notation (22,756; 1.041,6); a scale word (triệu, tỷ) converts into the indicator''s unit';
COMMENT ON COLUMN @extschema@.observation_import.source IS 'where the figure comes from';

-- In C (src/data/import_pg.c): the indicator and unit look-ups are cached
-- for the statement and the INSERT is prepared once.
CREATE FUNCTION @extschema@.observation_import_insert(unit_id bigint, indicator_code text, period @extschema@.quarter,
	vintage text, value numeric, source text, cumulative boolean DEFAULT false) RETURNS void
	AS 'MODULE_PATHNAME', 'observation_import_insert' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.observation_import_insert(bigint, text, @extschema@.quarter, text, numeric, text, boolean) IS
	'inserts one validated row into observation (cumulative: into cumulative_observation, period being the span''s last quarter) as the calling user; on Citus observation_import''s trigger inserts through it, so that every row of a \copy belongs to one distributed transaction';
CREATE FUNCTION @extschema@.observation_import_row() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_row' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.observation_import_row() IS
	'trigger: validates and loads one row of observation_import, naming the row''s key and column in any error';
CREATE TRIGGER observation_import_row INSTEAD OF INSERT ON @extschema@.observation_import
	FOR EACH ROW EXECUTE FUNCTION @extschema@.observation_import_row();

-- An import of an empty file says so (NOTICE) instead of silently loading
-- nothing: the statement's rows are counted between these two triggers.
CREATE FUNCTION @extschema@.observation_import_begin() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_begin' LANGUAGE C;
CREATE FUNCTION @extschema@.observation_import_end() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_end' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.observation_import_begin() IS 'trigger: starts counting the rows an import statement loads';
COMMENT ON FUNCTION @extschema@.observation_import_end() IS 'trigger: a NOTICE when an import statement loaded no row (an empty file)';
CREATE TRIGGER observation_import_begin BEFORE INSERT ON @extschema@.observation_import
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.observation_import_begin();
CREATE TRIGGER observation_import_end AFTER INSERT ON @extschema@.observation_import
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.observation_import_end();
