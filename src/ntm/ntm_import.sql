-- ---------------------------------------------------------------------------
-- Loading official thresholds and provincial overrides from CSV:
--   \copy hatrung.ntm_threshold_import FROM 'thresholds.csv' (FORMAT csv, HEADER)
-- Columns: set_code, indicator_code, zone, valid_from (YYYY-MM-DD),
-- valid_to (empty = open), value (Vietnamese notation), official (yes/no),
-- source.  Rows are validated like observation_import; loaded rows are user
-- rows (shipped = false), kept by pg_dump and by extension updates.
-- ---------------------------------------------------------------------------

-- A yes/no column as the loaders read it: yes, true, có / no, false, không
-- (any case, spaces around ignored); NULL for anything else, which each
-- loader reports as its own error.
CREATE FUNCTION @extschema@.parse_yes_no(answer text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE lower(btrim(answer)) WHEN 'yes' THEN true WHEN 'true' THEN true WHEN 'có' THEN true
									 WHEN 'no' THEN false WHEN 'false' THEN false WHEN 'không' THEN false END;
COMMENT ON FUNCTION @extschema@.parse_yes_no(text) IS
	'yes, true, có -> true; no, false, không -> false (any case); NULL otherwise: the yes/no columns of the NTM loaders';

CREATE VIEW @extschema@.ntm_threshold_import AS
SELECT t.set_code, t.indicator_code, t.zone, t.valid_from::text AS valid_from, t.valid_to::text AS valid_to,
	   t.value::text AS value, CASE WHEN t.official THEN 'yes' ELSE 'no' END AS official, t.source
FROM @extschema@.ntm_threshold t;
COMMENT ON VIEW @extschema@.ntm_threshold_import IS
	'load target for threshold CSV files (set_code, indicator_code, zone, valid_from, valid_to, value, official, source); reading it lists all thresholds';
GRANT SELECT ON @extschema@.ntm_threshold_import TO hatrung_reader;
GRANT INSERT ON @extschema@.ntm_threshold_import TO hatrung_editor;
COMMENT ON COLUMN @extschema@.ntm_threshold_import.set_code IS 'criteria set code, e.g. NTM_XA_2021 or a provincial set';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.indicator_code IS 'indicator code of that set, e.g. 15.1';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.zone IS 'zone (BTB, TDMNPB, G1, TH_V1 ...) or * for all';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.valid_from IS 'first day the threshold applies (YYYY-MM-DD)';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.valid_to IS 'first day it no longer applies; empty when open';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.value IS 'threshold in Vietnamese notation (decimal comma)';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.official IS 'yes if taken from the official text, no otherwise';
COMMENT ON COLUMN @extschema@.ntm_threshold_import.source IS 'the decision and article, or ILLUSTRATIVE';

CREATE FUNCTION @extschema@.ntm_threshold_import_row() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	row_key text := format('(set_code=%s, indicator_code=%s, zone=%s, valid_from=%s)',
						   coalesce(NEW.set_code, 'NULL'), coalesce(NEW.indicator_code, 'NULL'),
						   coalesce(NEW.zone, 'NULL'), coalesce(NEW.valid_from, 'NULL'));
	official boolean;
BEGIN
	IF NEW.set_code IS NULL OR NEW.indicator_code IS NULL OR NEW.zone IS NULL OR NEW.valid_from IS NULL
	   OR NEW.value IS NULL OR NEW.official IS NULL OR nullif(btrim(NEW.source), '') IS NULL THEN
		RAISE EXCEPTION 'missing value in threshold row %', row_key
			USING ERRCODE = 'not_null_violation',
				  DETAIL = 'set_code, indicator_code, zone, valid_from, value, official and source are required.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.ntm_criteria_set s WHERE s.code = NEW.set_code) THEN
		RAISE EXCEPTION 'unknown criteria set in column "set_code" of threshold row %', row_key
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.ntm_indicator i
				   WHERE i.set_code = NEW.set_code AND i.indicator_code = NEW.indicator_code) THEN
		RAISE EXCEPTION 'unknown indicator in column "indicator_code" of threshold row %', row_key
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	IF NEW.valid_from !~ '^\d{4}-\d{2}-\d{2}$' OR (nullif(NEW.valid_to, '') IS NOT NULL AND NEW.valid_to !~ '^\d{4}-\d{2}-\d{2}$') THEN
		RAISE EXCEPTION 'invalid date in threshold row %', row_key
			USING ERRCODE = 'invalid_datetime_format', HINT = 'Write dates as YYYY-MM-DD.';
	END IF;
	IF NOT @extschema@.is_valid_vn_number(NEW.value) THEN
		RAISE EXCEPTION 'invalid number in column "value" of threshold row %: "%"', row_key, NEW.value
			USING ERRCODE = 'invalid_text_representation',
				  HINT = 'Write numbers with a decimal comma and dots between thousands: 1.041,6.';
	END IF;
	official := @extschema@.parse_yes_no(NEW.official);
	IF official IS NULL THEN
		RAISE EXCEPTION 'invalid value in column "official" of threshold row %: "%"', row_key, NEW.official
			USING ERRCODE = 'invalid_text_representation', HINT = 'Use yes or no.';
	END IF;
	INSERT INTO @extschema@.ntm_threshold (set_code, indicator_code, zone, valid_from, valid_to, value, official, source)
	VALUES (NEW.set_code, NEW.indicator_code, NEW.zone, NEW.valid_from::date, nullif(NEW.valid_to, '')::date,
			@extschema@.parse_vn_number(NEW.value), official, NEW.source);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_threshold_import_row() IS
	'trigger: validates and loads one row of ntm_threshold_import, naming the row''s key and column in any error';
CREATE TRIGGER ntm_threshold_import_row INSTEAD OF INSERT ON @extschema@.ntm_threshold_import
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_threshold_import_row();

-- Indicators of a set whose indicators were not shipped (the 47 of
-- 2026-2030, a provincial set): loaded like thresholds,
--   \copy hatrung.ntm_indicator_import FROM 'indicators.csv' (FORMAT csv, HEADER)
-- Columns: set_code, criterion_no, indicator_code, name, unit_of_measure,
-- comparison (>=, <=, = or yes), confirmed (yes/no).  Loaded rows are user
-- rows (shipped = false); a shipped indicator is never changed.
CREATE VIEW @extschema@.ntm_indicator_import AS
SELECT i.set_code, i.criterion_no::text AS criterion_no, i.indicator_code, i.name, i.unit_of_measure, i.comparison,
	   CASE WHEN i.confirmed THEN 'yes' ELSE 'no' END AS confirmed
FROM @extschema@.ntm_indicator i;
COMMENT ON VIEW @extschema@.ntm_indicator_import IS
	'load target for indicator CSV files (set_code, criterion_no, indicator_code, name, unit_of_measure, comparison, confirmed), such as data/ntm-2026-template.csv filled in; reading it lists all indicators';
GRANT SELECT ON @extschema@.ntm_indicator_import TO hatrung_reader;
GRANT INSERT ON @extschema@.ntm_indicator_import TO hatrung_editor;
-- editors add indicators of their own; the column shipped keeps its default
-- (false), so a loaded row can never pass for a shipped one
GRANT INSERT (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed)
	ON @extschema@.ntm_indicator TO hatrung_editor;
COMMENT ON COLUMN @extschema@.ntm_indicator_import.set_code IS 'criteria set code, e.g. NTM_XA_2026';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.criterion_no IS 'the criterion it belongs to (1-10 for 2026-2030)';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.indicator_code IS 'indicator code as in the decision, e.g. 2.1';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.name IS 'short name';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.unit_of_measure IS 'unit of the measurement and threshold (%, yes/no, ...)';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.comparison IS '>=, <=, = against the threshold, or yes';
COMMENT ON COLUMN @extschema@.ntm_indicator_import.confirmed IS 'yes if taken from the official text, no otherwise';

CREATE FUNCTION @extschema@.ntm_indicator_import_row() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	row_key text := format('(set_code=%s, criterion_no=%s, indicator_code=%s)',
						   coalesce(NEW.set_code, 'NULL'), coalesce(NEW.criterion_no, 'NULL'),
						   coalesce(NEW.indicator_code, 'NULL'));
	confirmed boolean;
BEGIN
	IF nullif(btrim(NEW.set_code), '') IS NULL OR nullif(btrim(NEW.criterion_no), '') IS NULL
	   OR nullif(btrim(NEW.indicator_code), '') IS NULL OR nullif(btrim(NEW.name), '') IS NULL
	   OR nullif(btrim(NEW.unit_of_measure), '') IS NULL OR nullif(btrim(NEW.comparison), '') IS NULL
	   OR nullif(btrim(NEW.confirmed), '') IS NULL THEN
		RAISE EXCEPTION 'missing value in indicator row %', row_key
			USING ERRCODE = 'not_null_violation',
				  DETAIL = 'set_code, criterion_no, indicator_code, name, unit_of_measure, comparison and confirmed are required.',
				  HINT = 'A template row left blank for the province to fill in cannot be loaded until it is filled in or removed.';
	END IF;
	IF NEW.criterion_no !~ '^\d{1,4}$' OR NOT EXISTS (
		   SELECT 1 FROM @extschema@.ntm_criterion c
		   WHERE c.set_code = NEW.set_code AND c.criterion_no = NEW.criterion_no::integer) THEN
		RAISE EXCEPTION 'unknown criterion in column "criterion_no" of indicator row %', row_key
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'The set and criterion must exist in ntm_criterion.';
	END IF;
	IF NEW.comparison NOT IN ('>=', '<=', '=', 'yes') THEN
		RAISE EXCEPTION 'invalid value in column "comparison" of indicator row %: "%"', row_key, NEW.comparison
			USING ERRCODE = 'invalid_text_representation', HINT = 'Use >=, <=, = or yes.';
	END IF;
	confirmed := @extschema@.parse_yes_no(NEW.confirmed);
	IF confirmed IS NULL THEN
		RAISE EXCEPTION 'invalid value in column "confirmed" of indicator row %: "%"', row_key, NEW.confirmed
			USING ERRCODE = 'invalid_text_representation', HINT = 'Use yes or no.';
	END IF;
	IF EXISTS (SELECT 1 FROM @extschema@.ntm_indicator i
			   WHERE i.set_code = NEW.set_code AND i.indicator_code = NEW.indicator_code) THEN
		RAISE EXCEPTION 'indicator % of set % already exists (indicator row %)', NEW.indicator_code, NEW.set_code, row_key
			USING ERRCODE = 'unique_violation';
	END IF;
	INSERT INTO @extschema@.ntm_indicator (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed)
	VALUES (NEW.set_code, NEW.indicator_code, NEW.criterion_no::integer, NEW.name, NEW.unit_of_measure, NEW.comparison, confirmed);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_indicator_import_row() IS
	'trigger: validates and loads one row of ntm_indicator_import, naming the row''s key and column in any error';
CREATE TRIGGER ntm_indicator_import_row INSTEAD OF INSERT ON @extschema@.ntm_indicator_import
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_indicator_import_row();
