-- hatrung 1.0 -> 1.1
\echo Use "ALTER EXTENSION hatrung UPDATE TO '1.1'" to load this file. \quit

-- Criteria bitmaps: a whole set's indicators folded into one bigint, two
-- bits per criterion 1..32 (0 no indicator, 1 met, 2 unknown, 3 not met);
-- the fold keeps the larger code, so it is order-free and combinable.
CREATE FUNCTION @extschema@.ntm_criteria_fold_trans(bigint, integer, text) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_criteria_fold_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_criteria_fold_combine(bigint, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_criteria_fold_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_criteria_fold_trans(bigint, integer, text) IS
	'ntm_criteria_fold transition: folds one indicator status into its criterion (NULL status counts as unknown; NULL criterion skipped)';
COMMENT ON FUNCTION @extschema@.ntm_criteria_fold_combine(bigint, bigint) IS
	'ntm_criteria_fold combine: per criterion, the stronger of two folded statuses';
CREATE AGGREGATE @extschema@.ntm_criteria_fold(criterion_no integer, status text) (
	SFUNC = @extschema@.ntm_criteria_fold_trans,
	STYPE = bigint,
	INITCOND = '0',
	COMBINEFUNC = @extschema@.ntm_criteria_fold_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ntm_criteria_fold(integer, text) IS
	'folds indicator statuses into a criteria bitmap (bigint, 2 bits per criterion 1..32): a criterion is met when all its indicators are, not_met when any is not, otherwise unknown; read it with ntm_criteria_count and ntm_criteria_list';
CREATE FUNCTION @extschema@.ntm_criteria_count(bits bigint, status text) RETURNS integer
	AS 'MODULE_PATHNAME', 'ntm_criteria_count_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_criteria_count(bigint, text) IS
	'how many criteria of a criteria bitmap (from ntm_criteria_fold) have the status met, not_met or unknown';
CREATE FUNCTION @extschema@.ntm_criteria_list(bits bigint, status text) RETURNS integer[]
	AS 'MODULE_PATHNAME', 'ntm_criteria_list_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_criteria_list(bigint, text) IS
	'the numbers, ascending, of the criteria of a criteria bitmap (from ntm_criteria_fold) with the status met, not_met or unknown';

-- ntm_commune_status folds each unit's indicators into one criteria bitmap
-- per set instead of grouping twice (per criterion, then per set): same
-- columns, same results.  CREATE OR REPLACE keeps its comments and grants.
CREATE OR REPLACE VIEW @extschema@.ntm_commune_status AS
WITH per_set AS (
	-- one criteria bitmap per unit, year and set, straight from the
	-- indicators; grouped by keys only: names are joined once at the end
	SELECT unit_id, year, set_code, @extschema@.ntm_criteria_fold(criterion_no, status) AS bits
	FROM @extschema@.ntm_indicator_status
	GROUP BY unit_id, year, set_code
), counted AS (
	SELECT unit_id, year, set_code,
		   @extschema@.ntm_criteria_count(bits, 'met') AS met,
		   @extschema@.ntm_criteria_count(bits, 'unknown') AS unknown,
		   @extschema@.ntm_criteria_list(bits, 'not_met') AS missing
	FROM per_set
), scored AS (
	SELECT p.*, t.total, s.tier,
		   bool_or(p.met = t.total) FILTER (WHERE s.tier = 'ntm') OVER w AS ntm_met,
		   bool_or(p.met = t.total) FILTER (WHERE s.tier = 'nang_cao') OVER w AS nc_met,
		   -- the model set's criteria 2-4 (criterion 1 has no indicators of its own)
		   bool_or(p.met = t.total - 1) FILTER (WHERE s.tier = 'kieu_mau') OVER w AS km_rest_met
	FROM counted p
	JOIN (SELECT set_code, count(*) AS total FROM @extschema@.ntm_criterion GROUP BY set_code) t USING (set_code)
	JOIN @extschema@.ntm_criteria_set s ON s.code = p.set_code
	WINDOW w AS (PARTITION BY p.unit_id, p.year)
)
SELECT u.code AS unit_code, u.name AS unit_name, s.year, s.set_code, s.tier,
	   (s.met + CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS TRUE THEN 1 ELSE 0 END)::integer AS criteria_met,
	   s.total::integer AS criteria_total,
	   (s.unknown + CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS NULL THEN 1 ELSE 0 END)::integer AS criteria_unknown,
	   coalesce(s.missing, '{}') ||
		   CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS FALSE THEN ARRAY[1] ELSE '{}'::integer[] END
		   AS missing_criteria,
	   array_to_string(coalesce(s.missing, '{}') ||
		   CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS FALSE THEN ARRAY[1] ELSE '{}'::integer[] END, ', ')
		   AS missing_criteria_text,
	   CASE WHEN s.ntm_met AND s.nc_met AND s.km_rest_met THEN 'kieu_mau'
			WHEN s.ntm_met AND s.nc_met THEN 'nang_cao'
			WHEN s.ntm_met THEN 'ntm'
			ELSE 'none' END AS level,
	   s.unit_id
FROM scored s JOIN @extschema@.admin_unit u ON u.unit_id = s.unit_id;
