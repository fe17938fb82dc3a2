-- ---------------------------------------------------------------------------
-- Loading official thresholds and provincial overrides from CSV:
--   \copy hatrung.ntm_threshold_import FROM 'thresholds.csv' (FORMAT csv, HEADER)
-- Columns: set_code, indicator_code, zone, valid_from (YYYY-MM-DD),
-- valid_to (empty = open), value (Vietnamese notation), official (yes/no),
-- source.  Rows are validated like observation_import; loaded rows are user
-- rows (shipped = false), kept by pg_dump and by extension updates.
-- ---------------------------------------------------------------------------
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
	official := CASE lower(btrim(NEW.official)) WHEN 'yes' THEN true WHEN 'true' THEN true WHEN 'có' THEN true
												WHEN 'no' THEN false WHEN 'false' THEN false WHEN 'không' THEN false END;
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
