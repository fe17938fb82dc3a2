-- ---------------------------------------------------------------------------
-- load_ntm_demo(): ILLUSTRATIVE NTM data for Hà Trung's communes, 2022 and
-- 2023 (needs load_demo() first).  Official thresholds for most indicators
-- were not available, so the demo adds ILLUSTRATIVE thresholds for region
-- BTB marked official = false; every measurement is ILLUSTRATIVE.  Real
-- fact it stays consistent with: the district met the district NTM standard
-- for 2023, so every commune reaches at least "ntm" in 2023.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.load_ntm_demo() RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	illustrative constant text := 'ILLUSTRATIVE (demo data, not an official figure)';
	dist bigint;
BEGIN
	SELECT unit_id INTO dist FROM @extschema@.admin_unit WHERE code = '392';
	IF dist IS NULL THEN
		RAISE EXCEPTION 'load_demo() must run first' USING ERRCODE = 'no_data_found';
	END IF;
	-- On Citus the measurements are written from the zones just written to
	-- several shards in this transaction: one connection per node for both
	IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
		PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
	END IF;

	-- illustrative thresholds for the numeric indicators (the advanced set stricter)
	INSERT INTO @extschema@.ntm_threshold (set_code, indicator_code, zone, valid_from, value, official, source)
	SELECT s.set_code, t.code, 'BTB', '2021-01-01', CASE s.set_code WHEN 'NTM_XA_2021' THEN t.ntm ELSE t.nc END,
		   false, 'ILLUSTRATIVE threshold (demo; the official value was not available)'
	FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS s(set_code),
		 (VALUES ('2.1', 100, 100), ('2.2', 70, 90), ('2.3', 80, 95), ('2.4', 60, 80), ('4.2', 98, 99),
				 ('5', 70, 80), ('6.3', 100, 100), ('9.1', 0, 0), ('9.2', 75, 85), ('11', 4, 2.5),
				 ('12', 90, 95), ('14.2', 85, 90), ('14.3', 55, 70), ('15.1', 90, 95), ('15.3', 25, 20),
				 ('15.4', 50, 70), ('16', 70, 80), ('3.1', NULL, 90)) AS t(code, ntm, nc)
	WHERE NOT (s.set_code = 'NTM_XA_2021' AND t.code = '3.1');	-- 3.1 NTM: the shipped official 80%
	-- income thresholds vary by year (illustrative, million VND per person per year)
	INSERT INTO @extschema@.ntm_threshold (set_code, indicator_code, zone, valid_from, valid_to, value, official, source)
	SELECT s.set_code, '10', 'BTB', make_date(y, 1, 1), make_date(y + 1, 1, 1),
		   CASE s.set_code WHEN 'NTM_XA_2021' THEN 40 + 4 * (y - 2022) ELSE 48 + 4 * (y - 2022) END,
		   false, 'ILLUSTRATIVE income threshold (demo; year-specific official values were not available)'
	FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS s(set_code), generate_series(2022, 2023) AS y;

	-- communes assessed in 2022 and 2023 against the three commune sets, zone BTB
	INSERT INTO @extschema@.ntm_unit_zone (unit_id, set_code, year, zone, reason)
	SELECT u.unit_id, s.code, y, 'BTB', 'Thanh Hóa is in Bắc Trung Bộ'
	FROM @extschema@.admin_unit u, (VALUES ('NTM_XA_2021'), ('NTM_NC_2021'), ('NTM_KM_2021')) AS s(code),
		 generate_series(2022, 2023) AS y
	WHERE u.parent_id = dist AND u.valid_from = '2019-12-01';

	-- measurements: by default every commune meets the advanced thresholds,
	-- except the gaps below (all ILLUSTRATIVE).  One INSERT, so that the demo
	-- leaves no history rows of its own making.
	INSERT INTO @extschema@.ntm_measurement (unit_id, year, indicator_code, value, value_yes, source)
	SELECT z.unit_id, z.year, i.indicator_code,
		   CASE WHEN g.code IS NOT NULL THEN g.value
				WHEN i.comparison = '>=' THEN coalesce(nc.value, 0) + (z.unit_id % 3)
				WHEN i.comparison = '<=' THEN nc.value END,
		   CASE WHEN g.code IS NOT NULL AND g.year_only IS NOT NULL THEN g.yes
				WHEN i.comparison = 'yes' THEN true END,
		   illustrative
	FROM (SELECT DISTINCT unit_id, year FROM @extschema@.ntm_unit_zone) z
	JOIN @extschema@.admin_unit u ON u.unit_id = z.unit_id
	JOIN @extschema@.ntm_indicator i ON i.set_code = 'NTM_NC_2021'
	LEFT JOIN @extschema@.ntm_threshold nc ON nc.set_code = 'NTM_NC_2021' AND nc.indicator_code = i.indicator_code
		 AND nc.zone = 'BTB' AND nc.valid_from <= make_date(z.year, 12, 31)
		 AND (nc.valid_to IS NULL OR nc.valid_to > make_date(z.year, 12, 31))
	LEFT JOIN LATERAL (
		-- a year's own gap wins over the gap of both years
		SELECT * FROM (VALUES
			-- in both years most communes are short of the advanced set on one indicator
			('15271', '2.2', 85.0, NULL::boolean, NULL::integer), ('15280', '14.3', 66.0, NULL, NULL),
			('15283', '12', 93.0, NULL, NULL), ('15286', '2.4', 75.0, NULL, NULL),
			('15292', '15.4', 65.0, NULL, NULL), ('15298', '9.2', 82.0, NULL, NULL),
			('15304', '2.3', 93.0, NULL, NULL), ('15307', '16', 78.0, NULL, NULL),
			('15313', '11', 2.8, NULL, NULL), ('15316', '5', 76.0, NULL, NULL),
			('15319', '14.2', 88.0, NULL, NULL), ('15322', '2.2', 80.0, NULL, NULL),
			('15325', '14.3', 60.0, NULL, NULL), ('15328', '15.3', 21.0, NULL, NULL),
			('15331', '9.2', 80.0, NULL, NULL), ('15334', '2.4', 70.0, NULL, NULL),
			('15340', '10', 50.0, NULL, NULL),
			-- in 2022 five communes are still short of the NTM set itself
			('15322', '2.2', 65.0, NULL, 2022), ('15322', '17', NULL, false, 2022),
			('15325', '14.3', 52.0, NULL, 2022), ('15331', '9.2', 72.0, NULL, 2022),
			('15340', '11', 4.6, NULL, 2022), ('15340', '10', 39.0, NULL, 2022),
			('15313', '15.1', 88.5, NULL, 2022),
			-- Hà Vinh's income in 2023 (a model-commune condition below)
			('15277', '10', 60, NULL, 2023)
		) AS g(code, ind, value, yes, year_only)
		WHERE g.code = u.code AND g.ind = i.indicator_code AND (g.year_only IS NULL OR g.year_only = z.year)
		ORDER BY g.year_only NULLS LAST LIMIT 1) AS g ON true
	-- 2022: one commune has not reported indicator 15.4 yet (unknown, not failed)
	WHERE NOT (u.code = '15343' AND z.year = 2022 AND i.indicator_code = '15.4');
	-- model-commune conditions: smart villages and outstanding fields (Hà Vinh in 2023)
	INSERT INTO @extschema@.ntm_measurement (unit_id, year, indicator_code, value, source)
	SELECT z.unit_id, z.year, k.code,
		   CASE WHEN u.code = '15277' AND z.year = 2023 THEN 1 ELSE 0 END, illustrative
	FROM (SELECT DISTINCT unit_id, year FROM @extschema@.ntm_unit_zone) z
	JOIN @extschema@.admin_unit u ON u.unit_id = z.unit_id,
		 (VALUES ('KM.3'), ('KM.4')) AS k(code);

	-- district conditions: satisfaction (ILLUSTRATIVE) and the township
	INSERT INTO @extschema@.ntm_measurement (unit_id, year, indicator_code, value, value_yes, source)
	SELECT dist, 2023, 'HUYEN.4', 95, NULL, illustrative
	UNION ALL
	SELECT unit_id, 2023, 'HUYEN.3', NULL, true, illustrative
	FROM @extschema@.admin_unit WHERE parent_id = dist AND level = 'township' AND valid_from = '2019-12-01';

	RETURN format('loaded: %s zone assignments, %s measurements, %s illustrative thresholds',
				  (SELECT count(*) FROM @extschema@.ntm_unit_zone), (SELECT count(*) FROM @extschema@.ntm_measurement),
				  (SELECT count(*) FROM @extschema@.ntm_threshold WHERE NOT official));
END
$$;
COMMENT ON FUNCTION @extschema@.load_ntm_demo() IS
	'loads ILLUSTRATIVE NTM measurements and thresholds for Hà Trung''s communes in 2022 and 2023 (after load_demo()); illustrative thresholds are marked official = false';
