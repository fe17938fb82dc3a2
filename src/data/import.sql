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
JOIN @extschema@.admin_unit u ON u.unit_id = o.unit_id;
COMMENT ON VIEW @extschema@.observation_import IS
	'load target for CSV files: INSERT or \copy rows (unit_code, indicator_code, period, vintage, value, source) in the notation reports use; reading it lists all observations';
COMMENT ON COLUMN @extschema@.observation_import.unit_code IS 'official unit code; the unit valid at the end of the quarter is used';
COMMENT ON COLUMN @extschema@.observation_import.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.observation_import.period IS 'quarter in any accepted spelling: quý I-2023, Q1-2023, 2023-Q1 ...';
COMMENT ON COLUMN @extschema@.observation_import.vintage IS 'estimate, preliminary or official (also: ước tính, sơ bộ, chính thức)';
COMMENT ON COLUMN @extschema@.observation_import.value IS 'number in Vietnamese notation (22,756; 1.041,6); a scale word (triệu, tỷ) converts into the indicator''s unit';
COMMENT ON COLUMN @extschema@.observation_import.source IS 'where the figure comes from';

CREATE FUNCTION @extschema@.observation_import_row() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	row_key text := format('(unit_code=%s, indicator_code=%s, period=%s)',
						   coalesce(NEW.unit_code, 'NULL'), coalesce(NEW.indicator_code, 'NULL'),
						   coalesce(NEW.period, 'NULL'));
	q @extschema@.quarter;
	ind_code text;
	ind_scale numeric;
	ind_nonneg boolean;
	uid bigint;
	v numeric;
	vintage_code text;
BEGIN
	IF NEW.unit_code IS NULL OR NEW.indicator_code IS NULL OR NEW.period IS NULL
	   OR NEW.vintage IS NULL OR NEW.value IS NULL THEN
		RAISE EXCEPTION 'missing value in row %', row_key
			USING ERRCODE = 'not_null_violation',
				  DETAIL = 'unit_code, indicator_code, period, vintage and value are required.';
	END IF;
	IF NOT @extschema@.is_valid_quarter(NEW.period) THEN
		RAISE EXCEPTION 'invalid quarter in column "period" of row %: "%"', row_key, NEW.period
			USING ERRCODE = 'invalid_datetime_format',
				  HINT = 'Write a quarter as quý I-2023, Q1-2023 or 2023-Q1.';
	END IF;
	q := NEW.period::@extschema@.quarter;
	IF NOT @extschema@.is_valid_vn_number(NEW.value) THEN
		RAISE EXCEPTION 'invalid number in column "value" of row %: "%"', row_key, NEW.value
			USING ERRCODE = 'invalid_text_representation',
				  HINT = 'Write numbers with a decimal comma and dots between thousands: 1.041,6.';
	END IF;
	-- one look-up for the indicator and the unit valid at the end of the quarter
	SELECT i.code, i.unit_scale, i.non_negative, (SELECT u.unit_id FROM @extschema@.admin_unit u
				 WHERE u.code = NEW.unit_code
				   AND u.valid_from <= @extschema@.quarter_end(q)
				   AND (u.valid_to IS NULL OR u.valid_to > @extschema@.quarter_start(q))
				 ORDER BY u.valid_from DESC LIMIT 1)
	INTO ind_code, ind_scale, ind_nonneg, uid
	FROM @extschema@.indicator i WHERE i.code = NEW.indicator_code;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'unknown indicator in column "indicator_code" of row %', row_key
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	IF uid IS NULL THEN
		RAISE EXCEPTION 'unknown unit in column "unit_code" of row %: no unit with that code exists in %', row_key, q
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	vintage_code := CASE lower(btrim(NEW.vintage))
				   WHEN 'estimate' THEN 'estimate' WHEN 'ước tính' THEN 'estimate' WHEN 'ước' THEN 'estimate'
				   WHEN 'preliminary' THEN 'preliminary' WHEN 'sơ bộ' THEN 'preliminary'
				   WHEN 'official' THEN 'official' WHEN 'chính thức' THEN 'official' END;
	IF vintage_code IS NULL THEN
		RAISE EXCEPTION 'invalid vintage in column "vintage" of row %: "%"', row_key, NEW.vintage
			USING ERRCODE = 'check_violation',
				  HINT = 'Use estimate, preliminary or official.';
	END IF;
	v := @extschema@.parse_vn_number(NEW.value);
	IF NEW.value ~ '[[:alpha:]]' THEN
		v := trim_scale(v / ind_scale);	-- "22,756 triệu" into the indicator's unit
	END IF;
	-- checked here, not caught: an exception block would cost a subtransaction per row;
	-- a duplicate is reported by the unique constraint, with the row's key
	IF ind_nonneg AND v < 0 THEN
		RAISE EXCEPTION 'negative value in column "value" of row %: indicator % cannot be negative', row_key, ind_code
			USING ERRCODE = 'check_violation';
	END IF;
	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source)
	VALUES (uid, ind_code, q, vintage_code, v, NEW.source);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.observation_import_row() IS
	'trigger: validates and loads one row of observation_import, naming the row''s key and column in any error';
CREATE TRIGGER observation_import_row INSTEAD OF INSERT ON @extschema@.observation_import
	FOR EACH ROW EXECUTE FUNCTION @extschema@.observation_import_row();
