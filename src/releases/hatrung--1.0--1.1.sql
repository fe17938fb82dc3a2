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

-- ntm_score scores a unit's measurements for a set straight into a criteria
-- bitmap (the same decisions as ntm_indicator_status, without a row per
-- indicator).
-- Scoring a unit's measurements for a set straight into a criteria bitmap:
-- what folding ntm_indicator_status gives, without a row per indicator.
CREATE FUNCTION @extschema@.ntm_score_trans(internal, text, text, integer, text, numeric, boolean) RETURNS internal
	AS 'MODULE_PATHNAME', 'ntm_score_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'ntm_score_combine' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_serial(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ntm_score_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_deserial(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'ntm_score_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_final(internal) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_score_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_score_trans(internal, text, text, integer, text, numeric, boolean) IS
	'ntm_score transition: decides one measurement against the set''s rules for the zone and year (read once per query) and folds it into its criterion';
COMMENT ON FUNCTION @extschema@.ntm_score_combine(internal, internal) IS 'ntm_score combine: merges two partial scores of one unit, year and set';
COMMENT ON FUNCTION @extschema@.ntm_score_serial(internal) IS 'ntm_score serialisation (parallel workers)';
COMMENT ON FUNCTION @extschema@.ntm_score_deserial(bytea, internal) IS 'ntm_score deserialisation (parallel workers)';
COMMENT ON FUNCTION @extschema@.ntm_score_final(internal) IS 'ntm_score final: the criteria bitmap, every indicator without a measurement counted unknown; NULL for a set without indicators';
CREATE AGGREGATE @extschema@.ntm_score(set_code text, zone text, year integer, indicator_code text,
									   value numeric, value_yes boolean) (
	SFUNC = @extschema@.ntm_score_trans,
	STYPE = internal,
	COMBINEFUNC = @extschema@.ntm_score_combine,
	SERIALFUNC = @extschema@.ntm_score_serial,
	DESERIALFUNC = @extschema@.ntm_score_deserial,
	FINALFUNC = @extschema@.ntm_score_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ntm_score(text, text, integer, text, numeric, boolean) IS
	'one unit''s measurements (grouped by unit, year and set) scored into a criteria bitmap like ntm_criteria_fold over ntm_indicator_status: each measurement against the threshold in force for the set, zone and year; every indicator of the set without a measurement unknown; measurements of other indicators ignored';

-- ntm_commune_status scores each unit, year and set with ntm_score instead of
-- grouping ntm_indicator_status twice (per criterion, then per set): same
-- columns, same results.  CREATE OR REPLACE keeps its comments and grants.
CREATE OR REPLACE VIEW @extschema@.ntm_commune_status AS
WITH per_set AS (
	-- one criteria bitmap per unit, year and set, scored straight from the
	-- unit's measurements (the same decisions as ntm_indicator_status);
	-- grouped by keys only: names are joined once at the end
	SELECT a.unit_id, a.year, a.set_code,
		   @extschema@.ntm_score(a.set_code, a.zone, a.year, m.indicator_code, m.value, m.value_yes) AS bits
	FROM @extschema@.ntm_unit_zone a
	LEFT JOIN @extschema@.ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year
	-- in the order of ntm_unit_zone's key, so a merge join feeds the groups presorted
	GROUP BY a.unit_id, a.set_code, a.year
), counted AS (
	SELECT unit_id, year, set_code,
		   @extschema@.ntm_criteria_count(bits, 'met') AS met,
		   @extschema@.ntm_criteria_count(bits, 'unknown') AS unknown,
		   @extschema@.ntm_criteria_list(bits, 'not_met') AS missing
	FROM per_set
	WHERE bits IS NOT NULL		-- a set without indicators has nothing to score
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

-- quarterly_report reads each figure's last five to eight quarters in one
-- index range scan, gathered into a qseries whose accessors give the same
-- period last year, the previous quarter and both years to date, instead of
-- four separate look-ups (two of them through an anti-join per quarter).
CREATE OR REPLACE VIEW @extschema@.quarterly_report AS
SELECT u.code AS unit_code,
	   u.name AS unit_name,
	   u.level AS unit_level,
	   i.code AS indicator_code,
	   i.name_vi AS indicator_name,
	   i.name_en AS indicator_name_en,
	   i.unit_of_measure,
	   i.kind AS indicator_kind,
	   i.decimals,
	   o.period::text AS period_label,
	   @extschema@.label_vi(o.period) AS label_vi,
	   @extschema@.year(o.period) AS year,
	   @extschema@.quarter_of_year(o.period) AS quarter,
	   @extschema@.yyyyq(o.period) AS yyyyq,
	   @extschema@.quarter_start(o.period) AS period_start,
	   @extschema@.quarter_end(o.period) AS period_end,
	   o.value,
	   o.vintage,
	   o.source,
	   c.same_period_last_year AS value_same_period_last_year,
	   @extschema@.growth_pct(o.value, c.same_period_last_year) AS yoy_pct,
	   c.previous_quarter AS value_previous_quarter,
	   @extschema@.growth_pct(o.value, c.previous_quarter) AS qoq_pct,
	   c.ytd,
	   c.ytd_last_year,
	   @extschema@.growth_pct(c.ytd, c.ytd_last_year) AS ytd_yoy_pct,
	   pl.value AS annual_plan,
	   pl.plan_source,
	   @extschema@.pct_of_plan(coalesce(c.ytd, CASE WHEN i.kind = 'ratio' THEN o.value END), pl.value)
		   AS ytd_pct_of_plan
FROM @extschema@.latest_observations() o
JOIN @extschema@.admin_unit u ON u.unit_id = o.unit_id
JOIN @extschema@.indicator i ON i.code = o.indicator_code
-- The latest vintage of every quarter from Q1 of last year up to this one,
-- read in one index range scan and gathered into a qseries: its accessors
-- give the same period last year, the previous quarter and both years to
-- date (by indicator kind), all matched by period.
CROSS JOIN LATERAL (
	SELECT @extschema@.quarterly_series(r.value, r.period) AS s
	FROM (SELECT DISTINCT ON (x.period) x.value, x.period
		  FROM @extschema@.observation x
		  WHERE x.unit_id = o.unit_id AND x.indicator_code = o.indicator_code
			AND x.period OPERATOR(@extschema@.>=)
				@extschema@.make_quarter(greatest(@extschema@.year(o.period) - 1, 1), 1)
			AND x.period OPERATOR(@extschema@.<=) o.period
		  ORDER BY x.period, x.vintage_rank DESC) r) h
CROSS JOIN LATERAL (
	SELECT @extschema@.same_period_last_year(h.s, o.period) AS same_period_last_year,
		   @extschema@.previous_quarter(h.s, o.period) AS previous_quarter,
		   CASE WHEN i.kind IN ('flow', 'stock') THEN @extschema@.ytd(h.s, o.period, i.kind) END AS ytd,
		   CASE WHEN i.kind IN ('flow', 'stock') AND @extschema@.year(o.period) > 1
				THEN @extschema@.ytd(h.s, o.period OPERATOR(@extschema@.-) 4, i.kind) END AS ytd_last_year
	OFFSET 0) c		-- kept a subquery: each accessor runs once, not once per column using it
LEFT JOIN LATERAL (
	SELECT p.value, p.plan_source FROM @extschema@.annual_plan p
	JOIN @extschema@.plan_source s ON s.code = p.plan_source
	WHERE p.unit_id = o.unit_id AND p.indicator_code = o.indicator_code
	  AND p.year = @extschema@.year(o.period)
	ORDER BY s.priority DESC LIMIT 1) pl ON true;

-- The import trigger in C: the indicator and unit look-ups cached for the
-- statement, the INSERT prepared once; the same checks and messages.
CREATE OR REPLACE FUNCTION @extschema@.observation_import_row() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_row' LANGUAGE C;
