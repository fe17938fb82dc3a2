-- ---------------------------------------------------------------------------
-- NTM scoring: the C evaluation functions, threshold resolution, the
-- status views and the ranking helper.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.ntm_indicator_status(value numeric, value_yes boolean, comparison text, threshold numeric)
	RETURNS text
	AS 'MODULE_PATHNAME', 'ntm_indicator_status_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_indicator_status(numeric, boolean, text, numeric) IS
	'met, not_met or unknown: a numeric value against its threshold (>=, <=, =), or a yes/no answer (comparison yes); a missing value or threshold is unknown, never met and never failed';

CREATE FUNCTION @extschema@.ntm_shortfall(value numeric, comparison text, threshold numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'ntm_shortfall_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_shortfall(numeric, text, numeric) IS
	'how far a value is from meeting its threshold, in the indicator''s unit (0 when met; NULL for yes/no)';

CREATE FUNCTION @extschema@.ntm_status_vi(status text) RETURNS text
	AS 'MODULE_PATHNAME', 'ntm_status_vi_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_status_vi(text) IS 'met -> đạt, not_met -> chưa đạt, unknown -> chưa đủ dữ liệu';

CREATE FUNCTION @extschema@.ntm_fold_trans(bigint, text) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_fold_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_fold_combine(bigint, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_fold_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_fold_final(bigint) RETURNS text
	AS 'MODULE_PATHNAME', 'ntm_fold_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_fold_trans(bigint, text) IS 'ntm_fold transition: counts met / not_met / unknown (NULL counts as unknown)';
COMMENT ON FUNCTION @extschema@.ntm_fold_combine(bigint, bigint) IS 'ntm_fold combine: adds the counts';
COMMENT ON FUNCTION @extschema@.ntm_fold_final(bigint) IS 'ntm_fold final: not_met if any, else unknown if any (or none at all), else met';
CREATE AGGREGATE @extschema@.ntm_fold(text) (
	SFUNC = @extschema@.ntm_fold_trans,
	STYPE = bigint,
	INITCOND = '0',
	COMBINEFUNC = @extschema@.ntm_fold_combine,
	FINALFUNC = @extschema@.ntm_fold_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ntm_fold(text) IS
	'folds statuses: met only when every one is met; not_met when any is not met; otherwise unknown';

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

-- The threshold in force for a set, indicator, zone and year: the zone's own
-- row before the "*" row, the latest amendment valid on 31 December of the
-- year, the fallback set when the set has none, derived thresholds computed.
CREATE FUNCTION @extschema@.ntm_threshold_at(set_code text, indicator_code text, zone text, year integer,
	OUT value numeric, OUT official boolean, OUT source text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	t @extschema@.ntm_threshold;
	s text := ntm_threshold_at.set_code;
	base record;
	depth integer := 0;
BEGIN
	LOOP
		SELECT * INTO t FROM @extschema@.ntm_threshold h
		WHERE h.set_code = s AND h.indicator_code = ntm_threshold_at.indicator_code
		  AND h.zone IN (ntm_threshold_at.zone, '*')
		  AND h.valid_from <= make_date(ntm_threshold_at.year, 12, 31)
		  AND (h.valid_to IS NULL OR h.valid_to > make_date(ntm_threshold_at.year, 12, 31))
		ORDER BY h.zone = '*', h.valid_from DESC LIMIT 1;
		EXIT WHEN t.threshold_id IS NOT NULL;
		SELECT c.fallback_set INTO s FROM @extschema@.ntm_criteria_set c WHERE c.code = s;
		depth := depth + 1;
		IF s IS NULL OR depth > 8 THEN
			RETURN;				-- no threshold configured: unknown
		END IF;
	END LOOP;
	IF t.derived_from_set IS NULL THEN
		value := t.value;
		official := t.official;
		source := t.source;
		RETURN;
	END IF;
	base := @extschema@.ntm_threshold_at(t.derived_from_set, ntm_threshold_at.indicator_code,
										 ntm_threshold_at.zone, ntm_threshold_at.year);
	IF base.value IS NULL THEN
		RETURN;					-- the base threshold is unknown, so is this one
	END IF;
	value := base.value * t.derived_factor;
	official := t.official AND base.official;
	source := format('%s x %s (%s)', t.derived_factor, base.value, t.source);
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_threshold_at(text, text, text, integer) IS
	'the threshold in force for a set, indicator, zone and year (zone row before *, latest amendment, fallback set, derived thresholds computed); NULL when none is configured';

-- Scoring a unit's measurements for a set straight into a criteria bitmap:
-- what folding ntm_indicator_status gives, without a row per indicator.
-- The aggregate reads no table: the set's rules for the unit's zone and
-- year come as an argument, packed once per set, zone and year by
-- ntm_rules(), so Citus can run it on worker nodes (src/ntm/ntm_rules.c).
CREATE FUNCTION @extschema@.ntm_rules(set_code text, zone text, year integer) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ntm_rules_fn' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_rules(text, text, integer) IS
	'the rules of a criteria set in a zone and year, packed for ntm_score: each indicator''s criterion, comparison and threshold in force (ntm_threshold_at)';
CREATE FUNCTION @extschema@.ntm_score_trans(bytea, bytea, text, numeric, boolean) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ntm_score_rules_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ntm_score_rules_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ntm_score_final(bytea) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ntm_score_rules_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ntm_score_trans(bytea, bytea, text, numeric, boolean) IS
	'ntm_score transition: decides one measurement against the packed rules and folds it into its criterion';
COMMENT ON FUNCTION @extschema@.ntm_score_combine(bytea, bytea) IS 'ntm_score combine: merges two partial scores of one unit, year and set';
COMMENT ON FUNCTION @extschema@.ntm_score_final(bytea) IS 'ntm_score final: the criteria bitmap, every indicator without a measurement counted unknown; NULL for a set without indicators';
CREATE AGGREGATE @extschema@.ntm_score(rules bytea, indicator_code text, value numeric, value_yes boolean) (
	SFUNC = @extschema@.ntm_score_trans,
	STYPE = bytea,
	COMBINEFUNC = @extschema@.ntm_score_combine,
	FINALFUNC = @extschema@.ntm_score_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ntm_score(bytea, text, numeric, boolean) IS
	'one unit''s measurements (grouped by unit, year and set) scored into a criteria bitmap like ntm_criteria_fold over ntm_indicator_status: each measurement against the rules ntm_rules(set, zone, year) passes in; every indicator of the set without a measurement unknown; measurements of other indicators ignored';

-- Indicator status ------------------------------------------------------------------
-- (no WITH clause: the view stays flattenable, so queries over it compute
-- only the columns they use)
CREATE VIEW @extschema@.ntm_indicator_status AS
SELECT u.code AS unit_code,
	   u.name AS unit_name,
	   a.year,
	   a.set_code,
	   a.zone,
	   ic.criterion_no,
	   ic.criterion_name,
	   ic.indicator_code,
	   ic.indicator_name,
	   ic.unit_of_measure,
	   m.value,
	   m.value_yes,
	   ic.comparison,
	   t.value AS threshold,
	   t.official AS threshold_official,
	   t.source AS threshold_source,
	   @extschema@.ntm_indicator_status(m.value, m.value_yes, ic.comparison, t.value) AS status,
	   @extschema@.ntm_status_vi(@extschema@.ntm_indicator_status(m.value, m.value_yes, ic.comparison, t.value)) AS status_vi,
	   CASE WHEN ic.comparison <> 'yes' THEN @extschema@.ntm_shortfall(m.value, ic.comparison, t.value) END AS shortfall,
	   ic.confirmed AS indicator_confirmed,
	   u.unit_id
FROM @extschema@.ntm_unit_zone a
JOIN @extschema@.admin_unit u ON u.unit_id = a.unit_id
JOIN (SELECT i.set_code, i.indicator_code, i.criterion_no, c.name_vi AS criterion_name, i.name AS indicator_name,
			 i.unit_of_measure, i.comparison, i.confirmed
	  FROM @extschema@.ntm_indicator i
	  JOIN @extschema@.ntm_criterion c ON c.set_code = i.set_code AND c.criterion_no = i.criterion_no) ic
	 ON ic.set_code = a.set_code
LEFT JOIN @extschema@.ntm_measurement m ON m.unit_id = a.unit_id AND m.year = a.year AND m.indicator_code = ic.indicator_code
LEFT JOIN (
	-- one resolution per set, indicator, zone and year in use
	SELECT k.set_code, k.indicator_code, k.zone, k.year, r.value, r.official, r.source
	FROM (SELECT z.set_code, i.indicator_code, z.zone, z.year
		  FROM (SELECT DISTINCT set_code, zone, year FROM @extschema@.ntm_unit_zone) z
		  JOIN @extschema@.ntm_indicator i ON i.set_code = z.set_code) k,
		 LATERAL @extschema@.ntm_threshold_at(k.set_code, k.indicator_code, k.zone, k.year) r
	) t ON t.set_code = a.set_code AND t.indicator_code = ic.indicator_code AND t.zone = a.zone AND t.year = a.year;
COMMENT ON VIEW @extschema@.ntm_indicator_status IS
	'every indicator of every assessed unit, year and set: value, threshold in force, status (met / not_met / unknown), status_vi and shortfall';
GRANT SELECT ON @extschema@.ntm_indicator_status TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_indicator_status.unit_code IS 'unit code';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.unit_name IS 'unit name';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.set_code IS 'criteria set';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.zone IS 'threshold zone of the unit for this set';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.criterion_no IS 'criterion number';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.criterion_name IS 'criterion name in Vietnamese';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.indicator_name IS 'indicator name';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.unit_of_measure IS 'unit of value and threshold';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.value IS 'numeric measurement, NULL if none';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.value_yes IS 'yes/no measurement, NULL if none';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.comparison IS '>=, <=, = or yes';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.threshold IS 'threshold in force, NULL if none is configured';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.threshold_official IS 'true if the threshold is official';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.threshold_source IS 'where the threshold comes from';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.status IS 'met, not_met or unknown';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.status_vi IS 'đạt, chưa đạt or chưa đủ dữ liệu';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.shortfall IS 'how far from the threshold, in the indicator''s unit (0 when met)';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.indicator_confirmed IS 'false if the indicator structure is not confirmed';
COMMENT ON COLUMN @extschema@.ntm_indicator_status.unit_id IS 'admin_unit.unit_id';

-- Criterion status --------------------------------------------------------------------
CREATE VIEW @extschema@.ntm_criterion_status AS
SELECT unit_code, unit_name, year, set_code, criterion_no, criterion_name,
	   @extschema@.ntm_fold(status) AS status,
	   @extschema@.ntm_status_vi(@extschema@.ntm_fold(status)) AS status_vi,
	   (count(*) FILTER (WHERE status = 'met'))::integer AS indicators_met,
	   (count(*) FILTER (WHERE status = 'unknown'))::integer AS indicators_unknown,
	   count(*)::integer AS indicators_total,
	   unit_id
FROM @extschema@.ntm_indicator_status
GROUP BY unit_id, unit_code, unit_name, year, set_code, criterion_no, criterion_name;
COMMENT ON VIEW @extschema@.ntm_criterion_status IS 'every criterion of every assessed unit, year and set: folded status and indicators met / unknown / total';
GRANT SELECT ON @extschema@.ntm_criterion_status TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_criterion_status.unit_code IS 'unit code';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.unit_name IS 'unit name';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.set_code IS 'criteria set';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.criterion_no IS 'criterion number';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.criterion_name IS 'criterion name';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.status IS 'met when every indicator is met, not_met when any is not, else unknown';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.status_vi IS 'status in Vietnamese';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.indicators_met IS 'indicators met';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.indicators_unknown IS 'indicators without a measurement or threshold';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.indicators_total IS 'indicators of the criterion';
COMMENT ON COLUMN @extschema@.ntm_criterion_status.unit_id IS 'admin_unit.unit_id';

-- Commune status and tier ---------------------------------------------------------------------
-- Per unit, year and set: criteria met / unknown / total and the criteria
-- still missing; the model-commune condition 1 is the advanced-set result.
-- level is the highest tier whose conditions all hold: ntm <- the NTM set,
-- nang_cao <- also the advanced set, kieu_mau <- also every QĐ 319 condition.
-- The status as of a moment: the same scoring over the measurements as they
-- were known then (ntm_measurements_as_of); as_of NULL reads the current
-- measurements.  The view below is the function at NULL, so the rules live
-- in this one query.  A past moment's measurements are read first and passed
-- in (on Citus a query that joined a function reading them with the
-- distributed tables could be sent whole to a worker).
CREATE FUNCTION @extschema@.ntm_commune_status_at(as_of timestamptz)
RETURNS TABLE (unit_code text, unit_name text, year integer, set_code text, tier text,
			   criteria_met integer, criteria_total integer, criteria_unknown integer,
			   missing_criteria integer[], missing_criteria_text text, level text, unit_id bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
-- the joins in the order written: each unit meets its rules beside it, or
-- on Citus the measurements meet their units first, then the two or three
-- rules values (PostgreSQL would otherwise build a hash table holding a copy
-- of the rules for every unit)
SET join_collapse_limit = 1
-- and grouped as they arrive: both primary-key scans come in unit order, so
-- a merge join hands the scoring its groups presorted.  ntm_score's small
-- bytea state makes a hash join and a hash aggregate over every measurement
-- look cheaper, and they are slower (1.1's aggregate kept an internal
-- state, which the planner sizes at 8 kB a group: it never hashed it)
SET enable_hashagg = off AS $fn$
DECLARE
	measurements jsonb;
	source text := '@extschema@.ntm_measurement';
	-- on one server each unit's rules come from ntm_rules() itself, which
	-- packs each set, zone and year once per query and hands the same value
	-- back for every call: called in a lateral subquery beside the unit, it
	-- runs once per unit as the unit is read, and the value travels with the
	-- unit's row to each of its measurements (not once per measurement).  On
	-- Citus the rules are packed on the coordinator (the CTE below) and
	-- joined in, since the workers run the scoring
	unit_rules text := 'LEFT JOIN LATERAL (SELECT @extschema@.ntm_rules(a.set_code, a.zone, a.year) AS rules) r ON true';
	rules_join text := '';
	distributed boolean := false;
BEGIN
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)'
			INTO distributed USING '@extschema@.ntm_unit_zone'::regclass;
	END IF;
	IF distributed THEN
		unit_rules := '';
		rules_join := 'JOIN rules r ON r.set_code = a.set_code AND r.zone = a.zone AND r.year = a.year';
	END IF;
	IF ntm_commune_status_at.as_of IS NOT NULL THEN
		SELECT coalesce(jsonb_agg(m), '[]') INTO measurements
		FROM @extschema@.ntm_measurements_as_of(ntm_commune_status_at.as_of) AS m;
		source := '(SELECT * FROM jsonb_to_recordset($1) AS x(unit_id bigint, year integer, indicator_code text,'
				  ' value numeric, value_yes boolean))';
	END IF;
	RETURN QUERY EXECUTE format($q$
WITH zones AS MATERIALIZED (
	SELECT DISTINCT z.set_code, z.zone, z.year FROM @extschema@.ntm_unit_zone z
), rules AS MATERIALIZED (
	-- each set's rules packed once per zone and year, where the tables can
	-- be read (on Citus: the coordinator, from the materialised zones)
	SELECT z.set_code, z.zone, z.year, @extschema@.ntm_rules(z.set_code, z.zone, z.year) AS rules
	FROM zones z
), per_set AS (
	-- one criteria bitmap per unit, year and set, scored straight from the
	-- unit's measurements (the same decisions as ntm_indicator_status);
	-- grouped by keys only: names are joined once at the end
	SELECT a.unit_id, a.year, a.set_code,
		   @extschema@.ntm_score(r.rules, m.indicator_code, m.value, m.value_yes) AS bits
	FROM @extschema@.ntm_unit_zone a
	%s
	LEFT JOIN %s m ON m.unit_id = a.unit_id AND m.year = a.year
	%s
	GROUP BY a.unit_id, a.set_code, a.year
), counted AS (
	SELECT unit_id, year, set_code,
		   @extschema@.ntm_criteria_count(bits, 'met') AS met,
		   @extschema@.ntm_criteria_count(bits, 'unknown') AS unknown,
		   @extschema@.ntm_criteria_list(bits, 'not_met') AS missing
	FROM per_set
	WHERE bits IS NOT NULL		-- a set without indicators has nothing to score
), scored AS (
	SELECT p.*, t.total, t.empty, s.tier,
		   bool_or(p.met = t.total) FILTER (WHERE s.tier = 'ntm') OVER w AS ntm_met,
		   bool_or(p.met = t.total) FILTER (WHERE s.tier = 'nang_cao') OVER w AS nc_met,
		   -- the model set's criteria 2-4 (criterion 1 has no indicators of its own)
		   bool_or(p.met = t.total - 1) FILTER (WHERE s.tier = 'kieu_mau') OVER w AS km_rest_met,
		   bool_or(p.met = t.total) FILTER (WHERE s.tier = 'hien_dai') OVER w AS hd_met
	FROM counted p
	-- a criterion without indicators loaded (a set whose indicators a
	-- province is still loading) is unknown, never failed
	JOIN (SELECT c.set_code, count(*) AS total, count(*) FILTER (WHERE i.criterion_no IS NULL) AS empty
		  FROM @extschema@.ntm_criterion c
		  LEFT JOIN (SELECT DISTINCT set_code, criterion_no FROM @extschema@.ntm_indicator) i
				 ON i.set_code = c.set_code AND i.criterion_no = c.criterion_no
		  GROUP BY c.set_code) t USING (set_code)
	JOIN @extschema@.ntm_criteria_set s ON s.code = p.set_code
	WINDOW w AS (PARTITION BY p.unit_id, p.year)
)
SELECT u.code AS unit_code, u.name AS unit_name, s.year, s.set_code, s.tier,
	   (s.met + CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS TRUE THEN 1 ELSE 0 END)::integer AS criteria_met,
	   s.total::integer AS criteria_total,
	   (s.unknown + CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS NULL THEN 1 ELSE 0 END
				  -- the model set's criterion 1 has no indicators by design
				  + CASE WHEN s.tier = 'kieu_mau' THEN 0 ELSE s.empty END)::integer AS criteria_unknown,
	   coalesce(s.missing, '{}') ||
		   CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS FALSE THEN ARRAY[1] ELSE '{}'::integer[] END
		   AS missing_criteria,
	   array_to_string(coalesce(s.missing, '{}') ||
		   CASE WHEN s.tier = 'kieu_mau' AND s.nc_met IS FALSE THEN ARRAY[1] ELSE '{}'::integer[] END, ', ')
		   AS missing_criteria_text,
	   CASE WHEN s.ntm_met AND s.hd_met THEN 'hien_dai'
			WHEN s.ntm_met AND s.nc_met AND s.km_rest_met THEN 'kieu_mau'
			WHEN s.ntm_met AND s.nc_met THEN 'nang_cao'
			WHEN s.ntm_met THEN 'ntm'
			ELSE 'none' END AS level,
	   s.unit_id
FROM scored s JOIN @extschema@.admin_unit u ON u.unit_id = s.unit_id
$q$, unit_rules, source, rules_join) USING measurements;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ntm_commune_status_at(timestamptz) IS
	'ntm_commune_status computed from the NTM measurements as they were known at as_of (NULL: now)';

CREATE VIEW @extschema@.ntm_commune_status AS
SELECT * FROM @extschema@.ntm_commune_status_at(NULL);
COMMENT ON VIEW @extschema@.ntm_commune_status IS
	'per unit, year and set: criteria met / total / unknown, the criteria not met, and the highest tier reached (none, ntm, nang_cao, kieu_mau; from 2026 hien_dai); an unknown criterion never counts as met';
GRANT SELECT ON @extschema@.ntm_commune_status TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_commune_status.unit_code IS 'unit code';
COMMENT ON COLUMN @extschema@.ntm_commune_status.unit_name IS 'unit name';
COMMENT ON COLUMN @extschema@.ntm_commune_status.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_commune_status.set_code IS 'criteria set';
COMMENT ON COLUMN @extschema@.ntm_commune_status.tier IS 'the tier this set is for';
COMMENT ON COLUMN @extschema@.ntm_commune_status.criteria_met IS 'criteria met (for the model set, condition 1 is the advanced-set result)';
COMMENT ON COLUMN @extschema@.ntm_commune_status.criteria_total IS 'criteria in the set';
COMMENT ON COLUMN @extschema@.ntm_commune_status.criteria_unknown IS 'criteria that cannot be decided for lack of data';
COMMENT ON COLUMN @extschema@.ntm_commune_status.missing_criteria IS 'numbers of the criteria not met';
COMMENT ON COLUMN @extschema@.ntm_commune_status.missing_criteria_text IS 'the same as text ("2, 9"), for BI tools without array support';
COMMENT ON COLUMN @extschema@.ntm_commune_status.level IS 'highest tier whose conditions all hold: none, ntm, nang_cao or kieu_mau (2021-2025), hien_dai (2026-2030: the ntm set and the modern set both met)';
COMMENT ON COLUMN @extschema@.ntm_commune_status.unit_id IS 'admin_unit.unit_id';

-- District status ------------------------------------------------------------------------
-- QĐ 320 Annex I conditions (single source): 100% of communes NTM; at least
-- 10% advanced; 100% of townships "civilised urban area" (measurement
-- HUYEN.3 of each township, yes/no); residents' satisfaction >= 90%
-- (measurement HUYEN.4 of the district, %); the 9 district criteria
-- (measurements HUYEN.5.1 .. HUYEN.5.9, yes/no).  A condition without data
-- is unknown.
CREATE VIEW @extschema@.ntm_district_status AS
WITH district_measurements AS MATERIALIZED (
	-- the district-level measurements, read once (on Citus a correlated
	-- look-up into a distributed table cannot be planned)
	SELECT m.unit_id, m.year, m.indicator_code, m.value, m.value_yes
	FROM @extschema@.ntm_measurement m
	WHERE m.indicator_code LIKE 'HUYEN.%'
), levels AS (
	SELECT DISTINCT c.unit_id, c.year, c.level FROM @extschema@.ntm_commune_status c
), communes AS (
	SELECT d.unit_id AS district_id, l.year, u.level AS unit_level, l.unit_id, l.level, cs.criteria_met
	FROM levels l
	JOIN @extschema@.admin_unit u ON u.unit_id = l.unit_id
	JOIN @extschema@.admin_unit d ON d.unit_id = u.parent_id AND d.level = 'district'
	LEFT JOIN @extschema@.ntm_commune_status cs ON cs.unit_id = l.unit_id AND cs.year = l.year AND cs.tier = 'ntm'
), agg AS (
	SELECT district_id, year,
		   count(*) AS total,
		   count(*) FILTER (WHERE level IN ('ntm', 'nang_cao', 'kieu_mau')) AS ntm,
		   count(*) FILTER (WHERE level IN ('nang_cao', 'kieu_mau')) AS nang_cao,
		   count(*) FILTER (WHERE level = 'kieu_mau') AS kieu_mau,
		   avg(criteria_met) AS avg_criteria
	FROM communes GROUP BY district_id, year
)
SELECT d.code AS district_code, d.name AS district_name, a.year,
	   a.total::integer AS communes_total,
	   a.ntm::integer AS communes_ntm,
	   round(a.ntm * 100.0 / a.total, 2) AS pct_ntm,
	   a.nang_cao::integer AS communes_nang_cao,
	   round(a.nang_cao * 100.0 / a.total, 2) AS pct_nang_cao,
	   a.kieu_mau::integer AS communes_kieu_mau,
	   round(a.kieu_mau * 100.0 / a.total, 2) AS pct_kieu_mau,
	   round(a.avg_criteria, 2) AS avg_criteria_met,
	   CASE WHEN a.ntm = a.total THEN 'met' ELSE 'not_met' END AS cond_all_communes_ntm,
	   CASE WHEN a.nang_cao * 10 >= a.total THEN 'met' ELSE 'not_met' END AS cond_10pct_nang_cao,
	   (SELECT @extschema@.ntm_fold(@extschema@.ntm_indicator_status(NULL, m.value_yes, 'yes', NULL))
		FROM @extschema@.admin_unit t
		LEFT JOIN district_measurements m ON m.unit_id = t.unit_id AND m.year = a.year AND m.indicator_code = 'HUYEN.3'
		WHERE t.parent_id = d.unit_id AND t.level = 'township'
		  AND daterange(t.valid_from, t.valid_to) && daterange(make_date(a.year, 1, 1), make_date(a.year, 12, 31), '[]'))
		   AS cond_townships_civilised,
	   @extschema@.ntm_indicator_status(
		   (SELECT m.value FROM district_measurements m
			WHERE m.unit_id = d.unit_id AND m.year = a.year AND m.indicator_code = 'HUYEN.4'), NULL, '>=', 90)
		   AS cond_satisfaction_90pct,
	   (SELECT @extschema@.ntm_fold(@extschema@.ntm_indicator_status(NULL, m.value_yes, 'yes', NULL))
		FROM generate_series(1, 9) AS k
		LEFT JOIN district_measurements m
			   ON m.unit_id = d.unit_id AND m.year = a.year AND m.indicator_code = 'HUYEN.5.' || k)
		   AS cond_district_criteria,
	   -- districts were abolished on 1 July 2025 and the 2026-2030 sets have
	   -- no district level: later years are shown, marked as not applying
	   a.year <= 2025 AS applies
FROM agg a JOIN @extschema@.admin_unit d ON d.unit_id = a.district_id;
COMMENT ON VIEW @extschema@.ntm_district_status IS
	'per district and year: communes NTM / advanced / model with percentages, average criteria met, and each QĐ 320 condition (met / not_met / unknown); from 2026 applies is false (no district level in QĐ 51/2025: see ntm_province_status)';
GRANT SELECT ON @extschema@.ntm_district_status TO hatrung_reader;
COMMENT ON COLUMN @extschema@.ntm_district_status.district_code IS 'district code';
COMMENT ON COLUMN @extschema@.ntm_district_status.district_name IS 'district name';
COMMENT ON COLUMN @extschema@.ntm_district_status.year IS 'assessment year';
COMMENT ON COLUMN @extschema@.ntm_district_status.communes_total IS 'commune-level units assessed';
COMMENT ON COLUMN @extschema@.ntm_district_status.communes_ntm IS 'units at level ntm or higher';
COMMENT ON COLUMN @extschema@.ntm_district_status.pct_ntm IS '% of units at level ntm or higher';
COMMENT ON COLUMN @extschema@.ntm_district_status.communes_nang_cao IS 'units at level nang_cao or higher';
COMMENT ON COLUMN @extschema@.ntm_district_status.pct_nang_cao IS '% of units at level nang_cao or higher';
COMMENT ON COLUMN @extschema@.ntm_district_status.communes_kieu_mau IS 'units at level kieu_mau';
COMMENT ON COLUMN @extschema@.ntm_district_status.pct_kieu_mau IS '% of units at level kieu_mau';
COMMENT ON COLUMN @extschema@.ntm_district_status.avg_criteria_met IS 'average NTM criteria met per unit (bình quân tiêu chí/xã)';
COMMENT ON COLUMN @extschema@.ntm_district_status.cond_all_communes_ntm IS 'QĐ 320: 100% of communes meet the NTM set';
COMMENT ON COLUMN @extschema@.ntm_district_status.cond_10pct_nang_cao IS 'QĐ 320: at least 10% of communes meet the advanced set';
COMMENT ON COLUMN @extschema@.ntm_district_status.cond_townships_civilised IS 'QĐ 320: 100% of townships are civilised urban areas (HUYEN.3 yes/no per township)';
COMMENT ON COLUMN @extschema@.ntm_district_status.cond_satisfaction_90pct IS 'QĐ 320: residents'' satisfaction >= 90% (HUYEN.4 of the district)';
COMMENT ON COLUMN @extschema@.ntm_district_status.cond_district_criteria IS 'QĐ 320: the 9 district criteria (HUYEN.5.1 .. HUYEN.5.9 yes/no)';
COMMENT ON COLUMN @extschema@.ntm_district_status.applies IS 'false from 2026: districts were abolished on 1 July 2025 and QĐ 51/2025 has no district level, so the QĐ 320 conditions do not apply';

-- Ranking helper: the communes closest to their next tier.
CREATE FUNCTION @extschema@.ntm_next_tier_candidates(district_code text, year integer)
RETURNS TABLE (unit_code text, unit_name text, current_level text, next_level text,
			   criteria_missing integer, criteria_unknown integer, missing_criteria integer[],
			   relative_shortfall numeric)
-- PL/pgSQL, and the shortfall joined per unit rather than looked up per
-- row: Citus can plan neither an inlined SQL function nor a correlated
-- subquery over a distributed table
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	WITH lv AS (
		SELECT DISTINCT c.unit_id, c.unit_code, c.unit_name, c.level
		FROM @extschema@.ntm_commune_status c
		JOIN @extschema@.admin_unit u ON u.unit_id = c.unit_id
		JOIN @extschema@.admin_unit d ON d.unit_id = u.parent_id
		WHERE d.code = ntm_next_tier_candidates.district_code AND c.year = ntm_next_tier_candidates.year
	), nxt AS (
		SELECT lv.*, CASE lv.level WHEN 'none' THEN 'ntm' WHEN 'ntm' THEN 'nang_cao' WHEN 'nang_cao' THEN 'kieu_mau' END AS next
		FROM lv
	), shortfall AS (
		SELECT i.unit_id, s.tier, sum(i.shortfall / nullif(abs(i.threshold), 0)) AS relative
		FROM @extschema@.ntm_indicator_status i
		JOIN @extschema@.ntm_criteria_set s ON s.code = i.set_code
		WHERE i.year = ntm_next_tier_candidates.year AND i.status = 'not_met'
		GROUP BY i.unit_id, s.tier
	)
	SELECT n.unit_code, n.unit_name, n.level, n.next,
		   cardinality(c.missing_criteria), c.criteria_unknown, c.missing_criteria,
		   coalesce(sf.relative, 0)
	FROM nxt n
	JOIN @extschema@.ntm_commune_status c ON c.unit_id = n.unit_id AND c.year = ntm_next_tier_candidates.year
		 AND c.tier = n.next
	LEFT JOIN shortfall sf ON sf.unit_id = n.unit_id AND sf.tier = n.next
	ORDER BY cardinality(c.missing_criteria), c.criteria_unknown, 8, n.unit_code;
END
$$;
COMMENT ON FUNCTION @extschema@.ntm_next_tier_candidates(text, integer) IS
	'communes of a district closest to their next tier: fewest criteria missing, then fewest unknown, then smallest relative shortfall (sum of shortfall / threshold over unmet numeric indicators)';
