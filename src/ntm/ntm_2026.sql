-- ---------------------------------------------------------------------------
-- NTM 2026-2030 (QĐ 51/2025/QĐ-TTg, in force 15 Feb 2026): the commune
-- groups whose thresholds differ, the rule that puts a commune in a group,
-- the province's completion conditions (Annex III) and, for every set, how
-- much of it an office has loaded.  The 47 indicators' names and thresholds
-- were not available to this project: provinces load them through
-- ntm_indicator / ntm_threshold_import (data/ntm-2026-template.csv), and
-- whatever is not loaded stays unknown.
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.ntm_commune_group (
	set_code	text NOT NULL REFERENCES @extschema@.ntm_criteria_set (code),
	group_code	text NOT NULL CHECK (group_code <> '' AND group_code <> '*'),
	name_vi		text NOT NULL,
	definition	text NOT NULL,
	confirmed	boolean NOT NULL,
	source		text NOT NULL,
	shipped		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (set_code, group_code)
);
COMMENT ON TABLE @extschema@.ntm_commune_group IS
	'the commune groups of a set whose thresholds differ by group (2026-2030: G1-G3); a commune''s group for a year is its zone in ntm_unit_zone';
GRANT SELECT ON @extschema@.ntm_commune_group TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.ntm_commune_group TO hatrung_editor;
COMMENT ON COLUMN @extschema@.ntm_commune_group.set_code IS 'the set';
COMMENT ON COLUMN @extschema@.ntm_commune_group.group_code IS 'the group''s code, used as the zone of thresholds and of ntm_unit_zone (G1, G2, G3)';
COMMENT ON COLUMN @extschema@.ntm_commune_group.name_vi IS 'Vietnamese name';
COMMENT ON COLUMN @extschema@.ntm_commune_group.definition IS 'which communes belong to the group';
COMMENT ON COLUMN @extschema@.ntm_commune_group.confirmed IS 'true if the definition is confirmed by public sources';
COMMENT ON COLUMN @extschema@.ntm_commune_group.source IS 'where the definition comes from';
COMMENT ON COLUMN @extschema@.ntm_commune_group.shipped IS 'true for rows shipped with the extension (not dumped; user rows are)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_commune_group', 'WHERE NOT shipped');

INSERT INTO @extschema@.ntm_commune_group (set_code, group_code, name_vi, definition, confirmed, source, shipped) VALUES
('NTM_XA_2026', 'G1', 'Nhóm 1',
 'communes adjoining an existing urban area and planned to become urban, or where agriculture is under 10% of the economy, or planned as a new urban area',
 true, 'QĐ 51/2025/QĐ-TTg, Annex I (confirmed by two sources)', true),
('NTM_XA_2026', 'G2', 'Nhóm 2', 'communes of neither group 1 nor group 3',
 true, 'QĐ 51/2025/QĐ-TTg, Annex I (confirmed by two sources)', true),
('NTM_XA_2026', 'G3', 'Nhóm 3', 'communes of area II or III in ethnic-minority and mountain regions',
 true, 'QĐ 51/2025/QĐ-TTg, Annex I (confirmed by two sources)', true),
('NTM_HD_2026', 'G1', 'Nhóm 1', 'as group 1 of NTM_XA_2026', true, 'QĐ 51/2025/QĐ-TTg (the groups of Annex I)', true),
('NTM_HD_2026', 'G2', 'Nhóm 2', 'as group 2 of NTM_XA_2026', true, 'QĐ 51/2025/QĐ-TTg (the groups of Annex I)', true),
('NTM_HD_2026', 'G3', 'Nhóm 3', 'as group 3 of NTM_XA_2026', true, 'QĐ 51/2025/QĐ-TTg (the groups of Annex I)', true);

-- The group a commune belongs to under QĐ 51/2025, from the facts the
-- definitions name.  Three-valued: an unknown fact that could change the
-- answer gives NULL, and so does a commune meeting the definitions of both
-- group 1 and group 3 (which one then wins is not available here).
CREATE FUNCTION @extschema@.ntm_commune_group_of(adjoins_urban_planned_urban boolean, agriculture_share_pct numeric,
												 planned_new_urban boolean, ethnic_mountain_area_ii_iii boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
DECLARE
	g1 boolean;
	g3 boolean := ethnic_mountain_area_ii_iii;
BEGIN
	IF agriculture_share_pct < 0 OR agriculture_share_pct > 100 OR agriculture_share_pct = 'NaN' THEN
		RAISE EXCEPTION 'agriculture share % is not a percentage', agriculture_share_pct
			USING ERRCODE = 'numeric_value_out_of_range',
				  DETAIL = 'The share of agriculture in the commune''s economy is a percentage from 0 to 100.';
	END IF;
	g1 := adjoins_urban_planned_urban OR agriculture_share_pct < 10 OR planned_new_urban;
	RETURN CASE WHEN g1 AND g3 THEN NULL
				WHEN g1 AND NOT g3 THEN 'G1'
				WHEN g3 AND NOT g1 THEN 'G3'
				WHEN NOT g1 AND NOT g3 THEN 'G2' END;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_commune_group_of(boolean, numeric, boolean, boolean) IS
	'the commune group under QĐ 51/2025 (G1: adjoins an urban area and planned urban, agriculture < 10% of the economy, or planned new urban area; G3: area II/III of ethnic-minority and mountain regions; G2: the rest); NULL when a fact it needs is unknown or both G1 and G3 apply';

-- A zone of a set whose thresholds vary by commune group must be one of its
-- groups: a mistyped group would otherwise match no threshold and leave the
-- commune silently unknown.
CREATE FUNCTION @extschema@.ntm_zone_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
	groups text;
BEGIN
	IF NEW.zone = '*' AND TG_TABLE_NAME = 'ntm_threshold' THEN
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM @extschema@.ntm_criteria_set s
			   WHERE s.code = NEW.set_code AND s.zone_dimension = 'commune_group')
	   AND NOT EXISTS (SELECT 1 FROM @extschema@.ntm_commune_group g
					   WHERE g.set_code = NEW.set_code AND g.group_code = NEW.zone) THEN
		SELECT string_agg(g.group_code, ', ' ORDER BY g.group_code) INTO groups
		FROM @extschema@.ntm_commune_group g WHERE g.set_code = NEW.set_code;
		RAISE EXCEPTION 'zone "%" is not a commune group of set %', NEW.zone, NEW.set_code
			USING ERRCODE = 'check_violation',
				  DETAIL = format('The thresholds of %s vary by commune group; its groups are %s.', NEW.set_code, coalesce(groups, 'none')),
				  HINT = 'Use one of the set''s groups (table ntm_commune_group; ntm_commune_group_of() decides a commune''s group).';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_zone_check() IS
	'trigger: the zone of a unit''s assessment or of a threshold, for a set whose thresholds vary by commune group, is one of its groups (23514)';
CREATE TRIGGER ntm_unit_zone_check BEFORE INSERT OR UPDATE ON @extschema@.ntm_unit_zone
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_zone_check();
CREATE TRIGGER ntm_threshold_zone_check BEFORE INSERT OR UPDATE ON @extschema@.ntm_threshold
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ntm_zone_check();

-- The three-valued verdict of the province view: met when the condition
-- holds, not met when it can no longer hold, unknown otherwise (missing
-- data that could change it).  One rule for each tier of a commune and
-- each condition of the province.
CREATE FUNCTION @extschema@.ntm_verdict(holds boolean, cannot_hold boolean) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN holds THEN 'met' WHEN cannot_hold THEN 'not_met' ELSE 'unknown' END;
COMMENT ON FUNCTION @extschema@.ntm_verdict(boolean, boolean) IS
	'met when holds, not_met when cannot_hold, unknown otherwise (NULL counts as not known): the verdicts of ntm_province_status';

-- Province status (Annex III, single source) ---------------------------------------
-- Every province and year of the 2026-2030 province set: its communes (level
-- commune, valid in the year; their parent is the province, or before
-- 1 July 2025 a district of it), how many meet the NTM set in force that
-- year and how many the modern tier, and the two conditions.  A commune
-- meets a set when every criterion is met, fails it when a criterion is not
-- met or cannot be met, and is unknown otherwise (not assessed, or data
-- missing); a condition is met or not met only when the unknown communes
-- cannot change it.
CREATE VIEW @extschema@.ntm_province_status AS
WITH years AS (
	SELECT s.code AS set_code, y.year
	FROM @extschema@.ntm_criteria_set s
	CROSS JOIN LATERAL pg_catalog.generate_series(s.first_year, s.last_year) AS y(year)
	WHERE s.code = 'NTM_TINH_2026'
), communes AS (
	SELECT CASE p.level WHEN 'province' THEN p.unit_id ELSE p.parent_id END AS province_id, u.unit_id, y.year
	FROM @extschema@.admin_unit u
	JOIN @extschema@.admin_unit p ON p.unit_id = u.parent_id AND p.level IN ('province', 'district')
	CROSS JOIN years y
	WHERE u.level = 'commune'
	  AND daterange(u.valid_from, u.valid_to) && daterange(make_date(y.year, 1, 1), make_date(y.year, 12, 31), '[]')
), tiers AS (
	-- per commune and year: the verdict of each tier's set in force that year
	SELECT c.unit_id, c.year,
		   @extschema@.ntm_verdict(bool_or(c.criteria_met = c.criteria_total) FILTER (WHERE c.tier = 'ntm'),
			   bool_or(c.criteria_met + c.criteria_unknown < c.criteria_total) FILTER (WHERE c.tier = 'ntm')) AS ntm,
		   @extschema@.ntm_verdict(bool_or(c.criteria_met = c.criteria_total) FILTER (WHERE c.tier = 'hien_dai'),
			   bool_or(c.criteria_met + c.criteria_unknown < c.criteria_total) FILTER (WHERE c.tier = 'hien_dai')) AS modern
	FROM @extschema@.ntm_commune_status c
	JOIN @extschema@.ntm_criteria_set s ON s.code = c.set_code AND s.level = 'commune'
		 AND c.year BETWEEN s.first_year AND s.last_year
	WHERE c.year >= 2026
	GROUP BY c.unit_id, c.year
), agg AS (
	SELECT c.province_id, c.year,
		   count(*) AS total,
		   count(t.unit_id) AS assessed,
		   count(*) FILTER (WHERE t.ntm = 'met') AS ntm,
		   count(*) FILTER (WHERE t.ntm = 'not_met') AS ntm_failing,
		   -- a modern commune also meets the NTM set
		   count(*) FILTER (WHERE t.ntm = 'met' AND t.modern = 'met') AS modern,
		   count(*) FILTER (WHERE t.ntm IS DISTINCT FROM 'not_met' AND t.modern IS DISTINCT FROM 'not_met') AS modern_possible
	FROM communes c
	LEFT JOIN tiers t ON t.unit_id = c.unit_id AND t.year = c.year
	GROUP BY c.province_id, c.year
), conditions AS (
	SELECT a.*,
		   @extschema@.ntm_verdict(a.ntm = a.total, a.ntm_failing > 0) AS cond_all_communes_ntm,
		   @extschema@.ntm_verdict(a.modern * 10 >= a.total, a.modern_possible * 10 < a.total) AS cond_10pct_modern
	FROM agg a
)
SELECT p.code AS province_code, p.name AS province_name, c.year,
	   c.total::integer AS communes_total,
	   c.assessed::integer AS communes_assessed,
	   c.ntm::integer AS communes_ntm,
	   round(c.ntm * 100.0 / c.total, 2) AS pct_ntm,
	   c.modern::integer AS communes_modern,
	   round(c.modern * 100.0 / c.total, 2) AS pct_modern,
	   c.cond_all_communes_ntm,
	   c.cond_10pct_modern,
	   @extschema@.ntm_verdict(c.cond_all_communes_ntm = 'met' AND c.cond_10pct_modern = 'met',
		   'not_met' IN (c.cond_all_communes_ntm, c.cond_10pct_modern)) AS task_completed
FROM conditions c
JOIN @extschema@.admin_unit p ON p.unit_id = c.province_id AND p.level = 'province';
COMMENT ON VIEW @extschema@.ntm_province_status IS
	'per province and year of 2026-2030: communes total / assessed / meeting the NTM set / modern, and the QĐ 51/2025 Annex III conditions (100% of communes NTM, at least 10% modern) as met / not_met / unknown; unknown while unassessed communes could change the answer';
GRANT SELECT ON @extschema@.ntm_province_status TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_province_status.province_code IS 'province code';
COMMENT ON COLUMN @extschema@.ntm_province_status.province_name IS 'province name';
COMMENT ON COLUMN @extschema@.ntm_province_status.year IS 'assessment year (2026-2030)';
COMMENT ON COLUMN @extschema@.ntm_province_status.communes_total IS 'communes of the province valid in the year (wards and special zones are not counted)';
COMMENT ON COLUMN @extschema@.ntm_province_status.communes_assessed IS 'communes with a status for a commune set in force that year';
COMMENT ON COLUMN @extschema@.ntm_province_status.communes_ntm IS 'communes meeting every criterion of the NTM set';
COMMENT ON COLUMN @extschema@.ntm_province_status.pct_ntm IS '% of communes meeting the NTM set';
COMMENT ON COLUMN @extschema@.ntm_province_status.communes_modern IS 'communes meeting the NTM set and the modern tier';
COMMENT ON COLUMN @extschema@.ntm_province_status.pct_modern IS '% of communes that are modern NTM communes';
COMMENT ON COLUMN @extschema@.ntm_province_status.cond_all_communes_ntm IS 'Annex III: 100% of communes meet the NTM standard (met / not_met / unknown)';
COMMENT ON COLUMN @extschema@.ntm_province_status.cond_10pct_modern IS 'Annex III: at least 10% of communes are modern NTM communes (met / not_met / unknown)';
COMMENT ON COLUMN @extschema@.ntm_province_status.task_completed IS 'both conditions: met, not_met (one is not met) or unknown';

-- Coverage: what an office must still load -----------------------------------------
-- For every set, zone and year of the set: its indicators, how many of them
-- have an official threshold in force, an unofficial one, none, or need none
-- (yes/no indicators), and how many the decision has that are not loaded.
-- The zones are the set's groups, the zones its units are assessed in and
-- its thresholds' own zones; "*" for a set with none of these.
CREATE VIEW @extschema@.ntm_threshold_coverage AS
WITH zones AS (
	SELECT g.set_code, g.group_code AS zone FROM @extschema@.ntm_commune_group g
	UNION
	SELECT z.set_code, z.zone FROM @extschema@.ntm_unit_zone z
	UNION
	SELECT t.set_code, t.zone FROM @extschema@.ntm_threshold t WHERE t.zone <> '*'
), set_zones AS (
	SELECT s.code AS set_code, coalesce(z.zone, '*') AS zone
	FROM @extschema@.ntm_criteria_set s LEFT JOIN zones z ON z.set_code = s.code
)
SELECT sz.set_code, sz.zone, y.year,
	   s.indicators_expected,
	   count(i.indicator_code)::integer AS indicators_loaded,
	   count(*) FILTER (WHERE i.comparison <> 'yes' AND th.value IS NOT NULL AND th.official)::integer AS official,
	   count(*) FILTER (WHERE i.comparison <> 'yes' AND th.value IS NOT NULL AND NOT th.official)::integer AS unofficial,
	   count(*) FILTER (WHERE i.comparison <> 'yes' AND th.value IS NULL)::integer AS no_threshold,
	   count(*) FILTER (WHERE i.comparison = 'yes')::integer AS yes_no,
	   (s.indicators_expected - count(i.indicator_code))::integer AS indicators_not_loaded
FROM set_zones sz
JOIN @extschema@.ntm_criteria_set s ON s.code = sz.set_code
CROSS JOIN LATERAL pg_catalog.generate_series(s.first_year, s.last_year) AS y(year)
LEFT JOIN @extschema@.ntm_indicator i ON i.set_code = sz.set_code
LEFT JOIN LATERAL @extschema@.ntm_threshold_at(i.set_code, i.indicator_code, sz.zone, y.year) AS th ON true
GROUP BY sz.set_code, sz.zone, y.year, s.indicators_expected;
COMMENT ON VIEW @extschema@.ntm_threshold_coverage IS
	'per set, zone (commune group, region or *) and year: indicators loaded, how many have an official threshold in force, an unofficial one, none, or need none (yes/no), and how many of the decision''s indicators are not loaded yet';
GRANT SELECT ON @extschema@.ntm_threshold_coverage TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.set_code IS 'the set';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.zone IS 'commune group, region or provincial zone, or * for a set without zones';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.indicators_expected IS 'indicators in the decision, where confirmed (NULL: not known here)';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.indicators_loaded IS 'indicators of the set in ntm_indicator';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.official IS 'indicators whose threshold in force is official';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.unofficial IS 'indicators whose threshold in force is not official (illustrative or provisional)';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.no_threshold IS 'indicators that need a threshold and have none in force: they score unknown';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.yes_no IS 'yes/no indicators, which need no threshold';
COMMENT ON COLUMN @extschema@.ntm_threshold_coverage.indicators_not_loaded IS 'indicators of the decision not loaded yet (NULL when the decision''s count is not known here)';
