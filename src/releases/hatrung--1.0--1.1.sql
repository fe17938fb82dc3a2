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

-- The ranked form: several versions of a figure (vintages) in one group; the
-- highest rank of each period wins, so a series of the latest vintages is
-- one aggregate over all of them.
CREATE FUNCTION @extschema@.qseries_agg_trans_ranked(internal, numeric, @extschema@.quarter, integer) RETURNS internal
	AS 'MODULE_PATHNAME', 'qseries_agg_trans_ranked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qseries_agg_trans_ranked(internal, numeric, @extschema@.quarter, integer) IS
	'ranked quarterly_series transition: collects (period, value, rank), skipping NULLs';
CREATE AGGREGATE @extschema@.quarterly_series(value numeric, period @extschema@.quarter, rank integer) (
	SFUNC = @extschema@.qseries_agg_trans_ranked,
	STYPE = internal,
	COMBINEFUNC = @extschema@.qseries_agg_combine,
	SERIALFUNC = @extschema@.qseries_agg_serial,
	DESERIALFUNC = @extschema@.qseries_agg_deserial,
	FINALFUNC = @extschema@.qseries_agg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter, integer) IS
	'summary of a quarterly series per group where a period may repeat: the value of highest rank (e.g. vintage_rank) wins; equal highest ranks are an error (21000)';

COMMENT ON FUNCTION @extschema@.qseries_agg_final(internal) IS 'quarterly_series final: sorts by period; keeps the highest rank of a repeated period in the ranked form, rejects repeated periods (21000) otherwise';

-- quarterly_report groups, per unit, indicator and report quarter, every
-- observation from Q1 of last year up to that quarter into a qseries (the
-- latest vintage of each quarter wins) and reads the comparisons from it: a
-- filter on the quarter reaches observation_period and the whole quarter is
-- read in one pass, with no look-up per row; a filter on the unit reaches
-- observation_lookup.  Same columns, same rows, same values.
CREATE OR REPLACE VIEW @extschema@.quarterly_report AS
SELECT g.unit_code,
	   g.unit_name,
	   g.unit_level,
	   g.indicator_code,
	   g.indicator_name,
	   g.indicator_name_en,
	   g.unit_of_measure,
	   g.indicator_kind,
	   g.decimals,
	   g.period::text AS period_label,
	   @extschema@.label_vi(g.period) AS label_vi,
	   @extschema@.year(g.period) AS year,
	   @extschema@.quarter_of_year(g.period) AS quarter,
	   @extschema@.yyyyq(g.period) AS yyyyq,
	   @extschema@.quarter_start(g.period) AS period_start,
	   @extschema@.quarter_end(g.period) AS period_end,
	   c.value,
	   (c.figure).vintage,
	   (c.figure).source,
	   c.same_period_last_year AS value_same_period_last_year,
	   @extschema@.growth_pct(c.value, c.same_period_last_year) AS yoy_pct,
	   c.previous_quarter AS value_previous_quarter,
	   @extschema@.growth_pct(c.value, c.previous_quarter) AS qoq_pct,
	   c.ytd,
	   c.ytd_last_year,
	   @extschema@.growth_pct(c.ytd, c.ytd_last_year) AS ytd_yoy_pct,
	   (c.plan).value AS annual_plan,
	   (c.plan).plan_source,
	   @extschema@.pct_of_plan(coalesce(c.ytd, CASE WHEN g.indicator_kind = 'ratio' THEN c.value END), (c.plan).value)
		   AS ytd_pct_of_plan
-- One group per unit, indicator and report quarter: every observation from
-- Q1 of last year up to that quarter, gathered into a qseries in which the
-- latest vintage of each quarter wins.  A filter on the quarter (any of the
-- period columns) or on the unit or indicator lands on a grouping column, so
-- PostgreSQL applies it before the grouping: one quarter nationwide reads
-- that quarter's year and the year before through observation_period in one
-- pass (no look-up per row), one unit reads its rows through
-- observation_lookup.
FROM (
	SELECT u.unit_id, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level,
		   i.code AS indicator_code, i.name_vi AS indicator_name, i.name_en AS indicator_name_en,
		   i.unit_of_measure, i.kind AS indicator_kind, i.decimals,
		   cal.period,
		   @extschema@.quarterly_series(x.value, x.period, x.vintage_rank) AS s
	FROM @extschema@.generate_series((SELECT @extschema@.min(m.period) FROM @extschema@.observation m),
									 (SELECT @extschema@.max(m.period) FROM @extschema@.observation m)) AS cal (period)
	JOIN @extschema@.observation x
	  ON x.period OPERATOR(@extschema@.>=)
			 @extschema@.make_quarter(greatest(@extschema@.year(cal.period) - 1, 1), 1)
	 AND x.period OPERATOR(@extschema@.<=) cal.period
	JOIN @extschema@.admin_unit u ON u.unit_id = x.unit_id
	JOIN @extschema@.indicator i ON i.code = x.indicator_code
	GROUP BY u.unit_id, i.code, cal.period
	-- a row for every quarter with a figure, none for a quarter without
	HAVING @extschema@.value_at(@extschema@.quarterly_series(x.value, x.period, x.vintage_rank), cal.period) IS NOT NULL
) g
-- The accessors, each computed once per row (OFFSET 0 keeps this a subquery),
-- and the look-ups only some columns need: PostgreSQL drops the ones a query
-- does not select, so a report without the plan or the source never reads them.
CROSS JOIN LATERAL (
	SELECT @extschema@.value_at(g.s, g.period) AS value,
		   @extschema@.same_period_last_year(g.s, g.period) AS same_period_last_year,
		   @extschema@.previous_quarter(g.s, g.period) AS previous_quarter,
		   CASE WHEN g.indicator_kind IN ('flow', 'stock') THEN @extschema@.ytd(g.s, g.period, g.indicator_kind) END AS ytd,
		   CASE WHEN g.indicator_kind IN ('flow', 'stock') AND @extschema@.year(g.period) > 1
				THEN @extschema@.ytd(g.s, g.period OPERATOR(@extschema@.-) 4, g.indicator_kind) END AS ytd_last_year,
		   -- the current figure's row (its vintage and source) and the plan row
		   (SELECT o FROM @extschema@.observation o
			WHERE o.unit_id = g.unit_id AND o.indicator_code = g.indicator_code
			  AND o.period OPERATOR(@extschema@.=) g.period
			ORDER BY o.vintage_rank DESC LIMIT 1) AS figure,
		   (SELECT p FROM @extschema@.annual_plan p
			JOIN @extschema@.plan_source ps ON ps.code = p.plan_source
			WHERE p.unit_id = g.unit_id AND p.indicator_code = g.indicator_code
			  AND p.year = @extschema@.year(g.period)
			ORDER BY ps.priority DESC LIMIT 1) AS plan
	OFFSET 0) c;

-- The import trigger in C: the indicator and unit look-ups cached for the
-- statement, the INSERT prepared once; the same checks and messages.
CREATE OR REPLACE FUNCTION @extschema@.observation_import_row() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_row' LANGUAGE C;
