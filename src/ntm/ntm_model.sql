-- ---------------------------------------------------------------------------
-- NTM (Nông thôn mới) criteria as versioned data: sets, criteria,
-- indicators, thresholds by zone and validity (with their source and an
-- official flag), the zone of each unit for each set, and measurements.
-- Only what is confirmed ships as such; the indicator structure that is
-- not confirmed ships marked confirmed = false; no threshold is invented.
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.ntm_criteria_set (
	code			text PRIMARY KEY,
	decision		text NOT NULL,
	name_vi			text NOT NULL,
	level			text NOT NULL CHECK (level IN ('commune', 'district', 'province')),
	tier			text NOT NULL CHECK (tier IN ('ntm', 'nang_cao', 'kieu_mau', 'hien_dai')),
	first_year		integer NOT NULL,
	last_year		integer NOT NULL,
	zone_dimension	text NOT NULL CHECK (zone_dimension IN ('region', 'commune_group', 'province_zone', 'none')),
	fallback_set	text REFERENCES @extschema@.ntm_criteria_set (code),
	confirmed		boolean NOT NULL,
	source			text,
	shipped			boolean NOT NULL DEFAULT false,
	indicators_expected integer,
	CHECK (last_year >= first_year)
);
COMMENT ON TABLE @extschema@.ntm_criteria_set IS 'NTM criteria sets (decision, level, tier, years in force, threshold dimension); provincial sets may fall back to a national one';
GRANT SELECT ON @extschema@.ntm_criteria_set TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_criteria_set.code IS 'short code, e.g. NTM_XA_2021';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.decision IS 'the decision that issued the set, e.g. 318/QĐ-TTg';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.name_vi IS 'Vietnamese name';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.level IS 'commune, district or province';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.tier IS 'ntm, nang_cao (advanced, 2021-2025), kieu_mau (model, 2021-2025) or hien_dai (modern, 2026-2030 pilot)';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.first_year IS 'first assessment year';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.last_year IS 'last assessment year';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.zone_dimension IS 'what thresholds vary by: region (7 national regions), commune_group (2026-2030), province_zone (e.g. Thanh Hóa Vùng 1/2), none';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.fallback_set IS 'set whose thresholds apply where this one has none (a provincial set over the national one)';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.confirmed IS 'true if the set''s existence and title are confirmed by public sources';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.source IS 'where the facts come from';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.shipped IS 'true for rows shipped with the extension';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.indicators_expected IS 'how many indicators the decision has, where confirmed (47 for 2026-2030); ntm_threshold_coverage compares it with the indicators loaded';

CREATE TABLE @extschema@.ntm_criterion (
	set_code		text NOT NULL REFERENCES @extschema@.ntm_criteria_set (code),
	criterion_no	integer NOT NULL CHECK (criterion_no > 0),
	name_vi			text NOT NULL,
	name_en			text NOT NULL,
	confirmed		boolean NOT NULL,
	shipped			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (set_code, criterion_no)
);
COMMENT ON TABLE @extschema@.ntm_criterion IS 'criteria of a set (tiêu chí), numbered as in the decision';
GRANT SELECT ON @extschema@.ntm_criterion TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_criterion.set_code IS 'the set';
COMMENT ON COLUMN @extschema@.ntm_criterion.criterion_no IS 'number in the decision (1..19 for the 2021-2025 commune sets)';
COMMENT ON COLUMN @extschema@.ntm_criterion.name_vi IS 'Vietnamese name';
COMMENT ON COLUMN @extschema@.ntm_criterion.name_en IS 'English name';
COMMENT ON COLUMN @extschema@.ntm_criterion.confirmed IS 'true if number and name are confirmed';
COMMENT ON COLUMN @extschema@.ntm_criterion.shipped IS 'true for rows shipped with the extension';

CREATE TABLE @extschema@.ntm_indicator (
	set_code		text NOT NULL,
	indicator_code	text NOT NULL,
	criterion_no	integer NOT NULL,
	name			text NOT NULL,
	unit_of_measure	text NOT NULL,
	comparison		text NOT NULL CHECK (comparison IN ('>=', '<=', '=', 'yes')),
	confirmed		boolean NOT NULL,
	shipped			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (set_code, indicator_code),
	FOREIGN KEY (set_code, criterion_no) REFERENCES @extschema@.ntm_criterion (set_code, criterion_no)
);
COMMENT ON TABLE @extschema@.ntm_indicator IS 'indicators (chỉ tiêu) of each criterion, with how a measurement is compared with its threshold';
GRANT SELECT ON @extschema@.ntm_indicator TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_indicator.set_code IS 'the set';
COMMENT ON COLUMN @extschema@.ntm_indicator.indicator_code IS 'code as in the decision, e.g. 17.3; measurements use the same code';
COMMENT ON COLUMN @extschema@.ntm_indicator.criterion_no IS 'the criterion it belongs to';
COMMENT ON COLUMN @extschema@.ntm_indicator.name IS 'short name';
COMMENT ON COLUMN @extschema@.ntm_indicator.unit_of_measure IS 'unit of the measurement and threshold';
COMMENT ON COLUMN @extschema@.ntm_indicator.comparison IS '>=, <= or = against the threshold, or yes (met when the answer is yes)';
COMMENT ON COLUMN @extschema@.ntm_indicator.confirmed IS 'false where the indicator split is recalled from the decision but not verified';
COMMENT ON COLUMN @extschema@.ntm_indicator.shipped IS 'true for rows shipped with the extension';

CREATE TABLE @extschema@.ntm_threshold (
	threshold_id	bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	set_code		text NOT NULL,
	indicator_code	text NOT NULL,
	zone			text NOT NULL DEFAULT '*',
	valid_from		date NOT NULL,
	valid_to		date,
	value			numeric,
	derived_from_set text REFERENCES @extschema@.ntm_criteria_set (code),
	derived_factor	numeric,
	official		boolean NOT NULL,
	source			text NOT NULL,
	shipped			boolean NOT NULL DEFAULT false,
	FOREIGN KEY (set_code, indicator_code) REFERENCES @extschema@.ntm_indicator (set_code, indicator_code),
	CHECK ((value IS NULL) <> (derived_from_set IS NULL)),
	CHECK ((derived_from_set IS NULL) = (derived_factor IS NULL)),
	CHECK (valid_to IS NULL OR valid_to > valid_from),
	UNIQUE (set_code, indicator_code, zone, valid_from)
);
COMMENT ON TABLE @extschema@.ntm_threshold IS
	'thresholds by set, indicator, zone (* = every zone) and validity dates (amendments such as QĐ 211/QĐ-TTg of 1 Mar 2024 start new rows); derived thresholds are a factor of another set''s threshold';
GRANT SELECT ON @extschema@.ntm_threshold TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.ntm_threshold TO hatrung_editor;
COMMENT ON COLUMN @extschema@.ntm_threshold.threshold_id IS 'row identifier';
COMMENT ON COLUMN @extschema@.ntm_threshold.set_code IS 'the set';
COMMENT ON COLUMN @extschema@.ntm_threshold.indicator_code IS 'the indicator';
COMMENT ON COLUMN @extschema@.ntm_threshold.zone IS 'region (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL), commune group (G1-G3), provincial zone (e.g. TH_V1), or * for all';
COMMENT ON COLUMN @extschema@.ntm_threshold.valid_from IS 'first day the threshold applies';
COMMENT ON COLUMN @extschema@.ntm_threshold.valid_to IS 'first day it no longer applies (exclusive)';
COMMENT ON COLUMN @extschema@.ntm_threshold.value IS 'the threshold, in the indicator''s unit (NULL for a derived threshold)';
COMMENT ON COLUMN @extschema@.ntm_threshold.derived_from_set IS 'for a derived threshold: the set whose threshold (same indicator, zone and date) it multiplies';
COMMENT ON COLUMN @extschema@.ntm_threshold.derived_factor IS 'for a derived threshold: the factor (1.1 for the model-commune income)';
COMMENT ON COLUMN @extschema@.ntm_threshold.official IS 'true only for thresholds taken from the official text; illustrative ones are false';
COMMENT ON COLUMN @extschema@.ntm_threshold.source IS 'where the threshold comes from';
COMMENT ON COLUMN @extschema@.ntm_threshold.shipped IS 'true for rows shipped with the extension (not dumped; user rows are)';

-- The shipped thresholds are the official texts' and come with the
-- extension: an editor who changed one would forge an official figure, and a
-- dump (which keeps only user rows) would silently undo it.  So only the
-- table's owner (the extension's scripts) and superusers change or delete
-- them or mark a row shipped; editors add rows of their own.
CREATE FUNCTION @extschema@.ntm_threshold_protect_shipped() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	r record;
BEGIN
	r := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
	IF ((TG_OP <> 'INSERT' AND OLD.shipped) OR (TG_OP <> 'DELETE' AND NEW.shipped))
	   AND NOT pg_has_role((SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
		RAISE EXCEPTION 'threshold % of set % (zone %, from %) ships with hatrung and cannot be changed by %',
				r.indicator_code, r.set_code, r.zone, to_char(r.valid_from, 'YYYY-MM-DD'), current_user
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Shipped thresholds are the official texts'' (column shipped); only the extension''s owner changes them.',
				  HINT = 'Add a threshold of your own (shipped = false) for your zone, or from a later date: load it through ntm_threshold_import.';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_threshold_protect_shipped() IS
	'trigger: only the extension''s owner or a superuser changes, deletes or creates shipped thresholds (42501)';
CREATE TRIGGER ntm_threshold_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.ntm_threshold
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_threshold_protect_shipped();

CREATE TABLE @extschema@.ntm_unit_zone (
	unit_id		bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	set_code	text NOT NULL REFERENCES @extschema@.ntm_criteria_set (code),
	year		integer NOT NULL,
	zone		text NOT NULL,
	reason		text,
	PRIMARY KEY (unit_id, set_code, year)
);
COMMENT ON TABLE @extschema@.ntm_unit_zone IS
	'which units are assessed against which set in which year, and in which threshold zone (a disadvantaged commune uses the northern mountain thresholds whatever its region)';
GRANT SELECT ON @extschema@.ntm_unit_zone TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.ntm_unit_zone TO hatrung_editor;
COMMENT ON COLUMN @extschema@.ntm_unit_zone.unit_id IS 'the unit';
COMMENT ON COLUMN @extschema@.ntm_unit_zone.set_code IS 'the set it is assessed against';
COMMENT ON COLUMN @extschema@.ntm_unit_zone.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_unit_zone.zone IS 'threshold zone for that set';
COMMENT ON COLUMN @extschema@.ntm_unit_zone.reason IS 'why this zone (e.g. especially disadvantaged commune)';

CREATE TABLE @extschema@.ntm_measurement (
	unit_id			bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	year			integer NOT NULL,
	indicator_code	text NOT NULL,
	value			numeric,
	value_yes		boolean,
	source			text,
	recorded_by		text NOT NULL DEFAULT current_user,
	recorded_at		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (unit_id, year, indicator_code),
	CHECK ((value IS NULL) <> (value_yes IS NULL))
);
COMMENT ON TABLE @extschema@.ntm_measurement IS 'measurements per unit, year and indicator code: a number, or yes/no';
GRANT SELECT ON @extschema@.ntm_measurement TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.ntm_measurement TO hatrung_editor, hatrung_unit_editor;
ALTER TABLE @extschema@.ntm_measurement ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.ntm_measurement FOR SELECT USING (true);
CREATE POLICY editor_all ON @extschema@.ntm_measurement FOR ALL TO hatrung_editor USING (true) WITH CHECK (true);
CREATE POLICY unit_editor_own_units ON @extschema@.ntm_measurement FOR ALL TO hatrung_unit_editor
	USING (@extschema@.may_edit_unit(unit_id)) WITH CHECK (@extschema@.may_edit_unit(unit_id));
COMMENT ON POLICY read_all ON @extschema@.ntm_measurement IS 'everyone with SELECT reads every measurement';
COMMENT ON POLICY editor_all ON @extschema@.ntm_measurement IS 'hatrung_editor writes every unit';
COMMENT ON POLICY unit_editor_own_units ON @extschema@.ntm_measurement IS 'per-unit editors write only the units granted to them';
COMMENT ON COLUMN @extschema@.ntm_measurement.unit_id IS 'the unit';
COMMENT ON COLUMN @extschema@.ntm_measurement.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_measurement.indicator_code IS 'indicator code (shared by the sets that use the indicator)';
COMMENT ON COLUMN @extschema@.ntm_measurement.value IS 'numeric measurement';
COMMENT ON COLUMN @extschema@.ntm_measurement.value_yes IS 'yes/no measurement';
COMMENT ON COLUMN @extschema@.ntm_measurement.source IS 'where it comes from; illustrative rows say so';
COMMENT ON COLUMN @extschema@.ntm_measurement.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.ntm_measurement.recorded_at IS 'when this version was recorded (set by the server)';
CREATE TRIGGER ntm_measurement_stamp BEFORE INSERT OR UPDATE ON @extschema@.ntm_measurement
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();

-- Every replaced or deleted measurement is kept, as for observations
-- (src/data/history.sql), so an NTM result can be reproduced as of a date.
CREATE TABLE @extschema@.ntm_measurement_history (
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	unit_id			bigint NOT NULL,
	year			integer NOT NULL,
	indicator_code	text NOT NULL,
	value			numeric,
	value_yes		boolean,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
COMMENT ON TABLE @extschema@.ntm_measurement_history IS
	'every replaced or deleted version of an NTM measurement, valid from recorded_at until changed_at';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.operation IS 'UPDATE or DELETE: what replaced this version';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.changed_at IS 'when it was replaced or deleted (end of its validity)';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.unit_id IS 'the unit, as in ntm_measurement';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.year IS 'the assessment year, as in ntm_measurement';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.indicator_code IS 'the indicator code, as in ntm_measurement';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.value IS 'the numeric value this version had';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.value_yes IS 'the yes/no value this version had';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.source IS 'the source this version had';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.ntm_measurement_history.recorded_at IS 'when this version was recorded (start of its validity)';
GRANT SELECT ON @extschema@.ntm_measurement_history TO hatrung_reader;

-- Written on behalf of editors who may not write history themselves: runs
-- as the extension's owner (SECURITY DEFINER, fixed search_path, no
-- arguments, insert-only), like the observation history trigger.
CREATE FUNCTION @extschema@.ntm_measurement_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.ntm_measurement_history
		(operation, changed_by, unit_id, year, indicator_code, value, value_yes, source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.unit_id, OLD.year, OLD.indicator_code, OLD.value, OLD.value_yes, OLD.source,
			OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_measurement_keep_history() IS 'trigger: keeps the old version of an updated or deleted NTM measurement';
CREATE TRIGGER ntm_measurement_keep_history AFTER UPDATE OR DELETE ON @extschema@.ntm_measurement
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_measurement_keep_history();
CREATE TRIGGER ntm_measurement_no_truncate BEFORE TRUNCATE ON @extschema@.ntm_measurement
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER ntm_measurement_history_no_truncate BEFORE TRUNCATE ON @extschema@.ntm_measurement_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- The measurements as they were known at a moment (NULL: now), optionally
-- of one unit: the current rows recorded by then and the history versions
-- valid then.  PL/pgSQL, so Citus can plan it (see observations_as_of).
CREATE FUNCTION @extschema@.ntm_measurements_as_of(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, year integer, indicator_code text, value numeric, value_yes boolean,
			   source text, recorded_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT m.unit_id, m.year, m.indicator_code, m.value, m.value_yes, m.source, m.recorded_at
	FROM @extschema@.ntm_measurement m
	WHERE (ntm_measurements_as_of.only_unit_id IS NULL OR m.unit_id = ntm_measurements_as_of.only_unit_id)
	  AND (ntm_measurements_as_of.as_of IS NULL OR m.recorded_at <= ntm_measurements_as_of.as_of)
	UNION ALL
	SELECT h.unit_id, h.year, h.indicator_code, h.value, h.value_yes, h.source, h.recorded_at
	FROM @extschema@.ntm_measurement_history h
	WHERE ntm_measurements_as_of.as_of IS NOT NULL
	  AND (ntm_measurements_as_of.only_unit_id IS NULL OR h.unit_id = ntm_measurements_as_of.only_unit_id)
	  AND h.recorded_at <= ntm_measurements_as_of.as_of AND h.changed_at > ntm_measurements_as_of.as_of;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_measurements_as_of(timestamptz, bigint) IS
	'the NTM measurements as they were known at as_of (NULL: now), optionally of one unit: reproduces what a past assessment used';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_criteria_set', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_criterion', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_indicator', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_threshold', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_threshold_threshold_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_unit_zone', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_measurement', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_measurement_history', '');
COMMENT ON SEQUENCE @extschema@.ntm_threshold_threshold_id_seq IS 'identity of ntm_threshold';
GRANT USAGE ON SEQUENCE @extschema@.ntm_threshold_threshold_id_seq TO hatrung_editor;

-- Reference data (../shared/ntm/criteria.md): sets --------------------------------
INSERT INTO @extschema@.ntm_criteria_set
	(code, decision, name_vi, level, tier, first_year, last_year, zone_dimension, confirmed, source, shipped) VALUES
('NTM_XA_2021', '318/QĐ-TTg', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025', 'commune', 'ntm', 2021, 2025, 'region', true, 'QĐ 318/QĐ-TTg of 8 Mar 2022 (confirmed)', true),
('NTM_NC_2021', '318/QĐ-TTg', 'Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025', 'commune', 'nang_cao', 2021, 2025, 'region', true, 'QĐ 318/QĐ-TTg of 8 Mar 2022 (confirmed)', true),
('NTM_KM_2021', '319/QĐ-TTg', 'Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021-2025', 'commune', 'kieu_mau', 2021, 2025, 'region', true, 'QĐ 319/QĐ-TTg of 8 Mar 2022 (confirmed)', true),
('NTM_HUYEN_2021', '320/QĐ-TTg', 'Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025 (Phụ lục I)', 'district', 'ntm', 2021, 2025, 'none', true, 'QĐ 320/QĐ-TTg of 8 Mar 2022: title confirmed, Annex I single source', true),
('NTM_TINH_2021', '321/QĐ-TTg', 'Quy định tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021-2025', 'province', 'ntm', 2021, 2025, 'none', true, 'QĐ 321/QĐ-TTg of 8 Mar 2022 (confirmed)', true),
('NTM_XA_2026', '51/2025/QĐ-TTg', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030', 'commune', 'ntm', 2026, 2030, 'commune_group', true, 'QĐ 51/2025/QĐ-TTg of 29 Dec 2025, in force 15 Feb 2026, Annex I (confirmed); the 47 indicators'' names and thresholds not available', true),
('NTM_HD_2026', '51/2025/QĐ-TTg', 'Xã nông thôn mới hiện đại giai đoạn 2026-2030 (thí điểm, Phụ lục II)', 'commune', 'hien_dai', 2026, 2030, 'commune_group', true, 'QĐ 51/2025/QĐ-TTg, Annex II: pilot framework for the modern NTM commune (existence confirmed); its conditions not available', true),
('NTM_TINH_2026', '51/2025/QĐ-TTg', 'Điều kiện tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2026-2030 (Phụ lục III)', 'province', 'ntm', 2026, 2030, 'none', true, 'QĐ 51/2025/QĐ-TTg, Annex III (existence confirmed; its two conditions single source), scored by ntm_province_status', true);
UPDATE @extschema@.ntm_criteria_set SET indicators_expected = 47 WHERE code = 'NTM_XA_2026';

-- The 19 criteria of both 2021-2025 commune sets (numbers and names confirmed).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped)
SELECT s.code, c.no, c.vi, c.en, true, true
FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS s(code),
	 (VALUES (1, 'Quy hoạch', 'Planning'), (2, 'Giao thông', 'Transport'),
			 (3, 'Thủy lợi và phòng, chống thiên tai', 'Irrigation and disaster prevention'),
			 (4, 'Điện', 'Electricity'), (5, 'Trường học', 'Schools'),
			 (6, 'Cơ sở vật chất văn hóa', 'Cultural facilities'),
			 (7, 'Cơ sở hạ tầng thương mại nông thôn', 'Rural commerce infrastructure'),
			 (8, 'Thông tin và Truyền thông', 'Information and communications'),
			 (9, 'Nhà ở dân cư', 'Housing'), (10, 'Thu nhập', 'Income'),
			 (11, 'Nghèo đa chiều', 'Multidimensional poverty'), (12, 'Lao động', 'Labour'),
			 (13, 'Tổ chức sản xuất và phát triển kinh tế nông thôn', 'Production organisation and rural economy'),
			 (14, 'Giáo dục và Đào tạo', 'Education and training'), (15, 'Y tế', 'Health'),
			 (16, 'Văn hóa', 'Culture'), (17, 'Môi trường và an toàn thực phẩm', 'Environment and food safety'),
			 (18, 'Hệ thống chính trị và tiếp cận pháp luật', 'Political system and access to law'),
			 (19, 'Quốc phòng và An ninh', 'Defence and security')) AS c(no, vi, en);

-- QĐ 319: the four conditions of a model commune (confirmed).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped) VALUES
('NTM_KM_2021', 1, 'Đạt chuẩn xã nông thôn mới nâng cao giai đoạn 2021-2025', 'Meets the 2021-2025 advanced commune set in full', true, true),
('NTM_KM_2021', 2, 'Thu nhập bình quân đầu người cao hơn ít nhất 10% so với xã nông thôn mới nâng cao', 'Income per capita at least 110% of the advanced-commune threshold', true, true),
('NTM_KM_2021', 3, 'Có ít nhất một mô hình thôn thông minh', 'At least one smart village model', true, true),
('NTM_KM_2021', 4, 'Nổi trội ít nhất một lĩnh vực do tỉnh quy định', 'Outstanding in at least one field set by the province', true, true);

-- QĐ 320 Annex I: 9 district criteria (names unconfirmed; indicators not found).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped)
SELECT 'NTM_HUYEN_2021', no, vi, en, false, true
FROM (VALUES (1, 'Quy hoạch', 'Planning'), (2, 'Giao thông', 'Transport'),
			 (3, 'Thủy lợi và phòng, chống thiên tai', 'Irrigation and disaster prevention'), (4, 'Điện', 'Electricity'),
			 (5, 'Y tế - Văn hóa - Giáo dục', 'Health, culture, education'), (6, 'Kinh tế', 'Economy'),
			 (7, 'Môi trường', 'Environment'), (8, 'Chất lượng môi trường sống', 'Quality of the living environment'),
			 (9, 'Hệ thống chính trị - An ninh trật tự - Hành chính công', 'Political system, security and order, public administration')) AS c(no, vi, en);

-- QĐ 51/2025 Annex I: the 10 criteria of 2026-2030 (numbers and names
-- confirmed; the 47 indicators are not available here).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped)
SELECT 'NTM_XA_2026', no, vi, en, true, true
FROM (VALUES (1, 'Quy hoạch', 'Planning'), (2, 'Hạ tầng kinh tế - xã hội', 'Socio-economic infrastructure'),
			 (3, 'Phát triển kinh tế nông thôn', 'Rural economy'),
			 (4, 'Đào tạo nguồn nhân lực nông thôn', 'Rural human resources'),
			 (5, 'Văn hóa, giáo dục, y tế', 'Culture, education, health'),
			 (6, 'Giảm nghèo và an sinh xã hội', 'Poverty reduction and social security'),
			 (7, 'Khoa học công nghệ và chuyển đổi số', 'Science, technology and digital transformation'),
			 (8, 'Môi trường và cảnh quan nông thôn', 'Environment and rural landscape'),
			 (9, 'Xây dựng hệ thống chính trị và hành chính công', 'Political system and public administration'),
			 (10, 'Tiếp cận pháp luật và an ninh, quốc phòng', 'Access to law, security and defence')) AS c(no, vi, en);

-- QĐ 51/2025 Annex III: a province completes the NTM task (single source).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped) VALUES
('NTM_TINH_2026', 1, '100% số xã đạt chuẩn nông thôn mới', 'every commune meets the NTM standard', false, true),
('NTM_TINH_2026', 2, 'Ít nhất 10% số xã đạt chuẩn nông thôn mới hiện đại', 'at least 10% of communes are modern NTM communes', false, true);

-- Indicator structure of the 2021-2025 commune sets, as recalled from the
-- decision: only 3.1 and 3.2 are confirmed; 13, 17 and 18 are single
-- placeholder indicators because their split is unconfirmed.
INSERT INTO @extschema@.ntm_indicator (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed, shipped)
SELECT s.code, i.code, i.crit, i.name, i.unit, i.cmp, i.confirmed, true
FROM (VALUES ('NTM_XA_2021'), ('NTM_NC_2021')) AS s(code),
	 (VALUES ('1.1', 1, 'approved and published commune master plan', 'yes/no', 'yes', false),
			 ('1.2', 1, 'planning-management rules issued and applied', 'yes/no', 'yes', false),
			 ('2.1', 2, 'commune roads paved, passable by car all year', '%', '>=', false),
			 ('2.2', 2, 'village and inter-village roads hardened', '%', '>=', false),
			 ('2.3', 2, 'alleys clean and passable all year', '%', '>=', false),
			 ('2.4', 2, 'main field roads passable all year', '%', '>=', false),
			 ('3.1', 3, 'farmland with active irrigation and drainage', '%', '>=', true),
			 ('3.2', 3, 'disaster readiness, "four on-the-spot"', 'yes/no', 'yes', true),
			 ('4.1', 4, 'power grid meets standard', 'yes/no', 'yes', false),
			 ('4.2', 4, 'households with regular, safe electricity', '%', '>=', false),
			 ('5', 5, 'schools meeting the facility standard', '%', '>=', false),
			 ('6.1', 6, 'commune culture house and sports ground', 'yes/no', 'yes', false),
			 ('6.2', 6, 'play and sports spots for children and the elderly', 'yes/no', 'yes', false),
			 ('6.3', 6, 'villages with a culture house', '%', '>=', false),
			 ('7', 7, 'rural market or trading place', 'yes/no', 'yes', false),
			 ('8.1', 8, 'post point', 'yes/no', 'yes', false),
			 ('8.2', 8, 'telecom and internet', 'yes/no', 'yes', false),
			 ('8.3', 8, 'radio to villages', 'yes/no', 'yes', false),
			 ('8.4', 8, 'IT in administration', 'yes/no', 'yes', false),
			 ('9.1', 9, 'temporary or dilapidated houses', 'count', '<=', false),
			 ('9.2', 9, 'households with permanent or semi-permanent housing', '%', '>=', false),
			 ('10', 10, 'rural income per capita in the assessment year', 'million VND per person per year', '>=', false),
			 ('11', 11, 'multidimensional poverty rate', '%', '<=', false),
			 ('12', 12, 'employment rate of the able working-age population', '%', '>=', false),
			 ('13', 13, 'criterion 13 met (indicator split unconfirmed)', 'yes/no', 'yes', false),
			 ('14.1', 14, 'universal education and literacy', 'yes/no', 'yes', false),
			 ('14.2', 14, 'lower-secondary graduates continuing to study', '%', '>=', false),
			 ('14.3', 14, 'employed workers who are trained', '%', '>=', false),
			 ('15.1', 15, 'health insurance coverage', '%', '>=', false),
			 ('15.2', 15, 'commune meets the national health standard', 'yes/no', 'yes', false),
			 ('15.3', 15, 'stunting among children under 5', '%', '<=', false),
			 ('15.4', 15, 'population with an electronic health record', '%', '>=', false),
			 ('16', 16, 'villages meeting the cultural standard', '%', '>=', false),
			 ('17', 17, 'criterion 17 met (indicator list unconfirmed)', 'yes/no', 'yes', false),
			 ('18', 18, 'criterion 18 met (indicator split unconfirmed)', 'yes/no', 'yes', false),
			 ('19.1', 19, 'militia and defence targets', 'yes/no', 'yes', false),
			 ('19.2', 19, 'commune meets the public security and order standard', 'yes/no', 'yes', false)
	 ) AS i(code, crit, name, unit, cmp, confirmed);

-- QĐ 319 conditions 2-4 as indicators (confirmed); condition 1 is the
-- advanced-commune result itself, computed by the views.
INSERT INTO @extschema@.ntm_indicator (set_code, indicator_code, criterion_no, name, unit_of_measure, comparison, confirmed, shipped) VALUES
('NTM_KM_2021', '10', 2, 'rural income per capita in the assessment year', 'million VND per person per year', '>=', true, true),
('NTM_KM_2021', 'KM.3', 3, 'smart village models', 'count', '>=', true, true),
('NTM_KM_2021', 'KM.4', 4, 'fields in which the commune is outstanding', 'count', '>=', true, true);

-- The confirmed thresholds.
INSERT INTO @extschema@.ntm_threshold (set_code, indicator_code, zone, valid_from, value, derived_from_set, derived_factor, official, source, shipped) VALUES
('NTM_XA_2021', '3.1', '*', '2021-01-01', 80, NULL, NULL, true, 'QĐ 318/QĐ-TTg: at least 80% in all regions (confirmed)', true),
('NTM_KM_2021', '10', '*', '2021-01-01', NULL, 'NTM_NC_2021', 1.1, true, 'QĐ 319/QĐ-TTg: at least 110% of the advanced-commune income threshold of the same year (confirmed)', true),
('NTM_KM_2021', 'KM.3', '*', '2021-01-01', 1, NULL, NULL, true, 'QĐ 319/QĐ-TTg: at least one smart village model (confirmed)', true),
('NTM_KM_2021', 'KM.4', '*', '2021-01-01', 1, NULL, NULL, true, 'QĐ 319/QĐ-TTg: outstanding in at least one field (confirmed)', true);
