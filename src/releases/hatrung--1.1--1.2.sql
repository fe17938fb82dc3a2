-- hatrung 1.1 -> 1.2
\echo Use "ALTER EXTENSION hatrung UPDATE TO '1.2'" to load this file. \quit

-- 1.2 makes the data model distributable on Citus (hatrung.distribute_data_model)
-- and keeps every answer of 1.1.  Each section repeats the new text of the
-- source file it names; test/scenarios/upgrade.sh checks that an updated
-- installation equals a fresh one.

-- Keys Citus can distribute on unit_id (src/data/data_model.sql, history.sql):
-- observation's primary key holds unit_id; history rows get uuid keys,
-- unique across nodes without a shared sequence.  The 1.1 history ids are
-- kept, readable in the uuid's last 12 hex digits.
ALTER TABLE @extschema@.observation DROP CONSTRAINT observation_pkey, ADD PRIMARY KEY (unit_id, obs_id);
COMMENT ON COLUMN @extschema@.observation.obs_id IS 'row identifier (with unit_id the primary key)';
ALTER TABLE @extschema@.observation_history DROP CONSTRAINT observation_history_pkey,
	ALTER COLUMN history_id DROP IDENTITY;
ALTER TABLE @extschema@.observation_history
	ALTER COLUMN history_id SET DATA TYPE uuid
		USING ('00000000-0000-4000-8000-' || pg_catalog.lpad(pg_catalog.to_hex(history_id), 12, '0'))::uuid,
	ALTER COLUMN history_id SET DEFAULT pg_catalog.gen_random_uuid(),
	ADD PRIMARY KEY (unit_id, history_id);
ALTER TABLE @extschema@.annual_plan_history DROP CONSTRAINT annual_plan_history_pkey,
	ALTER COLUMN history_id DROP IDENTITY;
ALTER TABLE @extschema@.annual_plan_history
	ALTER COLUMN history_id SET DATA TYPE uuid
		USING ('00000000-0000-4000-8000-' || pg_catalog.lpad(pg_catalog.to_hex(history_id), 12, '0'))::uuid,
	ALTER COLUMN history_id SET DEFAULT pg_catalog.gen_random_uuid(),
	ADD PRIMARY KEY (unit_id, history_id);
COMMENT ON COLUMN @extschema@.observation_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.annual_plan_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';

-- Objects built on the ones replaced below; created again further down.
DROP VIEW @extschema@.quarterly_report;
DROP FUNCTION @extschema@.ntm_next_tier_candidates(text, integer);
DROP VIEW @extschema@.ntm_district_status;
DROP VIEW @extschema@.ntm_commune_status;

-- quarterly_series keeps its state in a real type, qseries_partial, instead
-- of internal, so Citus can run it on worker nodes (src/growth/qseries.sql).
DROP AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter);
DROP AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter, integer);
DROP FUNCTION @extschema@.qseries_agg_trans(internal, numeric, @extschema@.quarter);
DROP FUNCTION @extschema@.qseries_agg_trans_ranked(internal, numeric, @extschema@.quarter, integer);
DROP FUNCTION @extschema@.qseries_agg_combine(internal, internal);
DROP FUNCTION @extschema@.qseries_agg_serial(internal);
DROP FUNCTION @extschema@.qseries_agg_deserial(bytea, internal);
DROP FUNCTION @extschema@.qseries_agg_final(internal);
-- The aggregate ------------------------------------------------------------------
-- Its state is a real type, qseries_partial (not internal): Citus runs the
-- first half of an aggregate on its worker nodes only for such states, and
-- ships them in their text form; PostgreSQL's parallel workers pass them as
-- they are.  While the aggregate runs the state is an expanded object that
-- is appended to in place (src/growth/qseries_partial.c).
CREATE TYPE @extschema@.qseries_partial;
CREATE FUNCTION @extschema@.qseries_partial_in(cstring) RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_out(@extschema@.qseries_partial) RETURNS cstring
	AS 'MODULE_PATHNAME', 'qseries_partial_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_recv(internal) RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_send(@extschema@.qseries_partial) RETURNS bytea
	AS 'MODULE_PATHNAME', 'qseries_partial_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.qseries_partial (
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended,
	INPUT = @extschema@.qseries_partial_in,
	OUTPUT = @extschema@.qseries_partial_out,
	RECEIVE = @extschema@.qseries_partial_recv,
	SEND = @extschema@.qseries_partial_send
);
COMMENT ON TYPE @extschema@.qseries_partial IS
	'partial state of quarterly_series: the values gathered so far, periods in arrival order and possibly repeated, ranked or not ({2023-Q1:820@1,2023-Q1:821@3}); what Citus workers and parallel workers pass on';
COMMENT ON FUNCTION @extschema@.qseries_partial_in(cstring) IS 'text input of qseries_partial: {period:value,...} or {period:value@rank,...}';
COMMENT ON FUNCTION @extschema@.qseries_partial_out(@extschema@.qseries_partial) IS 'text output of qseries_partial, elements in arrival order';
COMMENT ON FUNCTION @extschema@.qseries_partial_recv(internal) IS 'binary input of qseries_partial: int4 ranked, int4 n, then (int4 ordinal, [int4 rank,] int4 length, numeric binary) n times';
COMMENT ON FUNCTION @extschema@.qseries_partial_send(@extschema@.qseries_partial) IS 'binary output of qseries_partial';

CREATE FUNCTION @extschema@.qseries_partial_trans(@extschema@.qseries_partial, numeric, @extschema@.quarter)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_trans_ranked(@extschema@.qseries_partial, numeric, @extschema@.quarter, integer)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_trans_ranked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_combine(@extschema@.qseries_partial, @extschema@.qseries_partial)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_final(@extschema@.qseries_partial) RETURNS @extschema@.qseries
	AS 'MODULE_PATHNAME', 'qseries_partial_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qseries_partial_trans(@extschema@.qseries_partial, numeric, @extschema@.quarter) IS
	'quarterly_series transition: collects (period, value), skipping NULLs';
COMMENT ON FUNCTION @extschema@.qseries_partial_trans_ranked(@extschema@.qseries_partial, numeric, @extschema@.quarter, integer) IS
	'ranked quarterly_series transition: collects (period, value, rank), skipping NULLs';
COMMENT ON FUNCTION @extschema@.qseries_partial_combine(@extschema@.qseries_partial, @extschema@.qseries_partial) IS
	'quarterly_series combine: merges partial states (parallel workers, Citus worker nodes)';
COMMENT ON FUNCTION @extschema@.qseries_partial_final(@extschema@.qseries_partial) IS
	'quarterly_series final: sorts by period; keeps the highest rank of a repeated period in the ranked form, rejects repeated periods (21000) otherwise';

CREATE AGGREGATE @extschema@.quarterly_series(value numeric, period @extschema@.quarter) (
	SFUNC = @extschema@.qseries_partial_trans,
	STYPE = @extschema@.qseries_partial,
	-- the planner's size of a state: 8 kB, as for 1.1's internal state;
	-- the state grows with its series, and hash aggregation checks its
	-- memory only when a group is added, so an estimate of a few bytes
	-- would let a GROUP BY over many long series outgrow work_mem
	SSPACE = 8192,
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter) IS
	'summary of a quarterly series per group (qseries): combinable, parallel, run on Citus worker nodes; read it with value_at, yoy_pct, ytd, cagr ...';

-- The ranked form: several versions of a figure (vintages) in one group; the
-- highest rank of each period wins, so a series of the latest vintages is
-- one aggregate over all of them.
CREATE AGGREGATE @extschema@.quarterly_series(value numeric, period @extschema@.quarter, rank integer) (
	SFUNC = @extschema@.qseries_partial_trans_ranked,
	STYPE = @extschema@.qseries_partial,
	-- no SSPACE: this form builds quarterly_report's groups, each a year and
	-- a few quarters; sized at 8 kB, one quarter nationwide plans a slower
	-- spilling aggregate (498 ms against 409 ms at 3,000 communes)
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter, integer) IS
	'summary of a quarterly series per group where a period may repeat: the value of highest rank (e.g. vintage_rank) wins; equal highest ranks are an error (21000)';

-- Functions that read distributed tables are PL/pgSQL (src/data/history.sql,
-- views.sql): Citus cannot plan them as inlined SQL functions.
-- The latest vintage of each figure as known at a moment: the current rows
-- and the history versions valid then.  as_of = NULL means now.  PL/pgSQL
-- rather than SQL: Citus cannot plan an inlined SQL function that reads a
-- distributed table.
CREATE OR REPLACE FUNCTION @extschema@.observations_as_of(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, indicator_code text, period @extschema@.quarter, vintage text, value numeric,
			   source text, recorded_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT DISTINCT ON (v.unit_id, v.indicator_code, v.period)
		   v.unit_id, v.indicator_code, v.period, v.vintage, v.value, v.source, v.recorded_at
	FROM (SELECT o.unit_id, o.indicator_code, o.period, o.vintage, o.vintage_rank, o.value, o.source, o.recorded_at
		  FROM @extschema@.observation o
		  WHERE (observations_as_of.only_unit_id IS NULL OR o.unit_id = observations_as_of.only_unit_id)
			AND (observations_as_of.as_of IS NULL OR o.recorded_at <= observations_as_of.as_of)
		  UNION ALL
		  SELECT h.unit_id, h.indicator_code, h.period, h.vintage,
				 CASE h.vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END,
				 h.value, h.source, h.recorded_at
		  FROM @extschema@.observation_history h
		  WHERE observations_as_of.as_of IS NOT NULL
			AND (observations_as_of.only_unit_id IS NULL OR h.unit_id = observations_as_of.only_unit_id)
			AND h.recorded_at <= observations_as_of.as_of AND h.changed_at > observations_as_of.as_of) AS v
	ORDER BY v.unit_id, v.indicator_code, v.period, v.vintage_rank DESC, v.recorded_at DESC;
END
$$;
COMMENT ON FUNCTION @extschema@.observations_as_of(timestamptz, bigint) IS
	'the latest vintage of every figure as it was known at as_of (NULL: now), optionally for one unit: reproduces what a past report said';


-- The latest vintage of every figure.  PL/pgSQL rather than SQL: Citus
-- cannot plan an SQL function that reads a distributed table once it has
-- been inlined into the calling query.  The views below do not call it:
-- they read observation directly, so filters reach the indexes.
CREATE OR REPLACE FUNCTION @extschema@.latest_observations() RETURNS SETOF @extschema@.observation
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT DISTINCT ON (o.unit_id, o.indicator_code, o.period) o.*
	FROM @extschema@.observation o
	ORDER BY o.unit_id, o.indicator_code, o.period, o.vintage_rank DESC;
END
$$;
COMMENT ON FUNCTION @extschema@.latest_observations() IS
	'the latest vintage (official > preliminary > estimate) of every figure';

-- The measures a report prints for one figure, from its unit's and
-- indicator's recent quarters gathered in a qseries: the one place where
-- "same period last year", "previous quarter", the years to date by
-- indicator kind and the percentages are decided.  quarterly_report and
-- quarter_report() both read them from here.
-- A figure's year to date in % of the annual plan (a ratio, which has no
-- year to date: its value): the one place this is decided.  Kept apart from
-- report_measures so that a query that does not ask for the plan never
-- looks it up.
CREATE FUNCTION @extschema@.ytd_pct_of_plan(kind text, ytd numeric, value numeric, annual_plan numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN @extschema@.pct_of_plan(coalesce(ytd, CASE WHEN kind = 'ratio' THEN value END), annual_plan);
COMMENT ON FUNCTION @extschema@.ytd_pct_of_plan(text, numeric, numeric, numeric) IS
	'a figure''s year to date in % of the annual plan; a ratio (no year to date) its value in % of the plan; NULL without a plan';

CREATE FUNCTION @extschema@.report_measures(s @extschema@.qseries, period @extschema@.quarter, kind text,
	annual_plan numeric DEFAULT NULL, published_ytd numeric DEFAULT NULL,
	published_ytd_last_year numeric DEFAULT NULL)
RETURNS TABLE (value numeric, value_same_period_last_year numeric, yoy_pct numeric,
			   value_previous_quarter numeric, qoq_pct numeric,
			   ytd numeric, ytd_last_year numeric, ytd_yoy_pct numeric, ytd_pct_of_plan numeric,
			   ytd_published boolean)
-- a one-row set-returning SQL function: PostgreSQL inlines it into the
-- calling query (a plain function would run as a separate call per row)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
	SELECT m.value, m.spl, @extschema@.growth_pct(m.value, m.spl),
		   m.prev, @extschema@.growth_pct(m.value, m.prev),
		   m.ytd, m.ytd_ly, @extschema@.growth_pct(m.ytd, m.ytd_ly),
		   @extschema@.ytd_pct_of_plan(kind, m.ytd, m.value, annual_plan),
		   m.published
	-- a year to date published for the span (6 tháng, 9 tháng, cả năm) is
	-- the figure of record for a flow or a ratio; otherwise a flow sums its
	-- quarters and a stock takes its latest, as before
	FROM (SELECT @extschema@.value_at(s, period) AS value,
				 @extschema@.same_period_last_year(s, period) AS spl,
				 @extschema@.previous_quarter(s, period) AS prev,
				 CASE WHEN kind IN ('flow', 'ratio') AND published_ytd IS NOT NULL THEN published_ytd
					  WHEN kind IN ('flow', 'stock') THEN @extschema@.ytd(s, period, kind) END AS ytd,
				 CASE WHEN kind IN ('flow', 'ratio') AND published_ytd_last_year IS NOT NULL THEN published_ytd_last_year
					  WHEN kind IN ('flow', 'stock') AND @extschema@.year(period) > 1
					  THEN @extschema@.ytd(s, period OPERATOR(@extschema@.-) 4, kind) END AS ytd_ly,
				 kind IN ('flow', 'ratio') AND published_ytd IS NOT NULL AS published) AS m;
END;
COMMENT ON FUNCTION @extschema@.report_measures(@extschema@.qseries, @extschema@.quarter, text, numeric, numeric, numeric) IS
	'the measures of one figure from its series: value, same period last year and growth, previous quarter and growth, year to date by indicator kind (flow: sum, stock: latest, ratio: none; a published cumulative figure of a flow or ratio wins, ytd_published) and its growth, year to date in % of the annual plan (a ratio: its value); used by quarterly_report and quarter_report';

-- (quarterly_report is created again below, after cumulative_observation, which it reads)

-- Commune figures summed to their parent, beside the parent's own figure.
-- The parent's figure is joined on its unit (co-located on Citus).
CREATE OR REPLACE VIEW @extschema@.unit_rollup AS
SELECT p.code AS parent_code,
	   p.name AS parent_name,
	   p.level AS parent_level,
	   i.code AS indicator_code,
	   i.name_vi AS indicator_name,
	   i.unit_of_measure,
	   i.kind AS indicator_kind,
	   c.period::text AS period_label,
	   @extschema@.year(c.period) AS year,
	   @extschema@.quarter_of_year(c.period) AS quarter,
	   sum(c.value) AS children_sum,
	   count(*)::integer AS children_reporting,
	   (SELECT count(*) FROM @extschema@.admin_unit k
		WHERE k.parent_id = p.unit_id
		  AND daterange(k.valid_from, k.valid_to) &&
			  daterange(@extschema@.quarter_start(c.period), @extschema@.quarter_end(c.period), '[]'))::integer
		   AS children_total,
	   pr.value AS parent_reported,
	   pr.value - sum(c.value) AS difference
FROM @extschema@.latest_observations() c
JOIN @extschema@.admin_unit cu ON cu.unit_id = c.unit_id
JOIN @extschema@.admin_unit p ON p.unit_id = cu.parent_id
JOIN @extschema@.indicator i ON i.code = c.indicator_code AND i.kind IN ('flow', 'stock')
LEFT JOIN (
	SELECT DISTINCT ON (x.unit_id, x.indicator_code, x.period) x.unit_id, x.indicator_code, x.period, x.value
	FROM @extschema@.observation x
	ORDER BY x.unit_id, x.indicator_code, x.period, x.vintage_rank DESC
) pr ON pr.unit_id = p.unit_id AND pr.indicator_code = c.indicator_code AND pr.period OPERATOR(@extschema@.=) c.period
GROUP BY p.unit_id, p.code, p.name, p.level, i.code, i.name_vi, i.unit_of_measure, i.kind, c.period, pr.value;
-- Old units' figures mapped onto the units valid at a date.
CREATE OR REPLACE FUNCTION @extschema@.harmonised_observations_at(target date)
RETURNS TABLE (unit_code text, unit_name text, indicator_code text, indicator_name text,
			   unit_of_measure text, period_label text, year integer, quarter integer,
			   value numeric, source_units integer, harmonised_to date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	WITH RECURSIVE chain(origin, unit_id, share, depth) AS (
		SELECT u.unit_id, u.unit_id, 1::numeric, 0 FROM @extschema@.admin_unit u
		UNION ALL
		SELECT c.origin, s.new_unit_id, c.share * s.share, c.depth + 1
		FROM chain c JOIN @extschema@.unit_succession s ON s.old_unit_id = c.unit_id
		WHERE s.effective <= harmonised_observations_at.target AND c.depth < 32
	), mapping AS (
		SELECT c.origin, c.unit_id AS target_unit, sum(c.share) AS share
		FROM chain c JOIN @extschema@.admin_unit t ON t.unit_id = c.unit_id
		WHERE t.valid_from <= harmonised_observations_at.target
		  AND (t.valid_to IS NULL OR t.valid_to > harmonised_observations_at.target)
		GROUP BY c.origin, c.unit_id
	)
	SELECT t.code, t.name, i.code, i.name_vi, i.unit_of_measure, o.period::text,
		   @extschema@.year(o.period), @extschema@.quarter_of_year(o.period),
		   sum(o.value * m.share), count(DISTINCT o.unit_id)::integer, harmonised_observations_at.target
	FROM @extschema@.latest_observations() o
	JOIN mapping m ON m.origin = o.unit_id
	JOIN @extschema@.admin_unit t ON t.unit_id = m.target_unit
	JOIN @extschema@.indicator i ON i.code = o.indicator_code AND i.kind IN ('flow', 'stock')
	GROUP BY t.code, t.name, i.code, i.name_vi, i.unit_of_measure, o.period;
END
$$;

-- "tăng 6,8% so với cùng kỳ", "giảm 4,5% ...", "bằng cùng kỳ"; from an
-- index of 200 on, as the General Statistics Office words it, "gấp 2,5 lần
-- cùng kỳ".
CREATE OR REPLACE FUNCTION @extschema@.growth_phrase_vi(growth numeric) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE
		WHEN growth >= 100 THEN 'gấp ' || @extschema@.format_vn_number(pg_catalog.round((growth + 100) / 100, 1), 1) || ' lần cùng kỳ'
		WHEN pg_catalog.round(growth, 1) > 0 THEN 'tăng ' || @extschema@.format_vn_number(pg_catalog.round(growth, 1), 1) || '% so với cùng kỳ'
		WHEN pg_catalog.round(growth, 1) < 0 THEN 'giảm ' || @extschema@.format_vn_number(-pg_catalog.round(growth, 1), 1) || '% so với cùng kỳ'
		ELSE 'bằng cùng kỳ' END;
COMMENT ON FUNCTION @extschema@.growth_phrase_vi(numeric) IS
	'a growth rate in report wording, to 1 decimal: tăng 6,8% so với cùng kỳ / giảm 4,5% so với cùng kỳ / bằng cùng kỳ; from an index of 200: gấp 2,5 lần cùng kỳ';

-- A vintage as reports name it.
CREATE FUNCTION @extschema@.vintage_vi(vintage text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE vintage WHEN 'estimate' THEN 'ước tính' WHEN 'preliminary' THEN 'sơ bộ'
						WHEN 'official' THEN 'chính thức' ELSE vintage END;
COMMENT ON FUNCTION @extschema@.vintage_vi(text) IS 'estimate -> ước tính, preliminary -> sơ bộ, official -> chính thức';

-- A source note in the report's language: the data's markers DERIVED and
-- ILLUSTRATIVE (kept in English in the data, where tools look for them)
-- become "Số liệu suy ra" and "số liệu minh họa".
CREATE FUNCTION @extschema@.source_vi(source text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.replace(pg_catalog.replace(
		pg_catalog.regexp_replace(source, '^DERIVED:\s*', 'Số liệu suy ra: '),
		'ILLUSTRATIVE (demo data, not an official figure)', 'số liệu minh họa (dữ liệu mẫu, không phải số liệu chính thức)'),
		'ILLUSTRATIVE', 'số liệu minh họa');
COMMENT ON FUNCTION @extschema@.source_vi(text) IS
	'a source note with the data''s markers in Vietnamese: DERIVED -> Số liệu suy ra, ILLUSTRATIVE -> số liệu minh họa';

-- The numbers of a unit's report for a quarter, as known at as_of (NULL:
-- now): one row per indicator with a figure in the quarter, every measure
-- from report_measures, the same function quarterly_report reads.  It reads
-- its data in separate statements first (the figures as known at as_of, the
-- plans, the indicators) and then computes over what it read: on Citus a
-- statement that mixed a function reading the figures with the unit's plans
-- would be sent whole to the worker holding the unit, where the function
-- would read that node's empty local tables.
CREATE FUNCTION @extschema@.report_figures(unit_id bigint, period @extschema@.quarter, as_of timestamptz DEFAULT NULL)
RETURNS TABLE (indicator_code text, indicator_name text, unit_of_measure text, indicator_kind text, decimals integer,
			   value numeric, vintage text, source text, base_source text,
			   value_same_period_last_year numeric, yoy_pct numeric, value_previous_quarter numeric, qoq_pct numeric,
			   ytd numeric, ytd_last_year numeric, ytd_yoy_pct numeric,
			   annual_plan numeric, plan_source text, plan_source_name text, ytd_pct_of_plan numeric,
			   ytd_published boolean, index_of text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	figures jsonb;
	spans jsonb;
	plans jsonb;
	indicators jsonb;
BEGIN
	-- the figures of last year and this year up to the quarter, as known at as_of
	SELECT jsonb_agg(f) INTO figures
	FROM @extschema@.observations_as_of(report_figures.as_of, report_figures.unit_id) AS f
	WHERE f.period OPERATOR(@extschema@.>=)
			  @extschema@.make_quarter(greatest(@extschema@.year(report_figures.period) - 1, 1), 1)
	  AND f.period OPERATOR(@extschema@.<=) report_figures.period;
	-- the spans from January published for the quarter and a year before
	SELECT jsonb_agg(c) INTO spans
	FROM @extschema@.cumulative_observations_as_of(report_figures.as_of, report_figures.unit_id) AS c
	WHERE c.period OPERATOR(@extschema@.=) report_figures.period
	   OR c.period OPERATOR(@extschema@.=) (report_figures.period OPERATOR(@extschema@.-) 4);
	-- the plan of the year from the highest-priority source
	SELECT jsonb_agg(p) INTO plans
	FROM (SELECT DISTINCT ON (ap.indicator_code) ap.indicator_code, ap.value, ap.source, ps.name_vi AS source_name
		  FROM @extschema@.annual_plan ap
		  JOIN @extschema@.plan_source ps ON ps.code = ap.plan_source
		  WHERE ap.unit_id = report_figures.unit_id AND ap.year = @extschema@.year(report_figures.period)
		  ORDER BY ap.indicator_code, ps.priority DESC) AS p;
	SELECT jsonb_agg(i) INTO indicators
	FROM @extschema@.indicator i
	WHERE i.code IN (SELECT f.indicator_code FROM jsonb_to_recordset(figures) AS f(indicator_code text));

	RETURN QUERY
	WITH f AS (
		SELECT * FROM jsonb_to_recordset(figures) AS f(indicator_code text, period @extschema@.quarter,
														vintage text, value numeric, source text)
	), per_indicator AS (
		-- every figure of an indicator in one series; the current figure's
		-- and last year's vintage and source beside it
		SELECT f.indicator_code, @extschema@.quarterly_series(f.value, f.period) AS s,
			   min(f.vintage) FILTER (WHERE f.period OPERATOR(@extschema@.=) report_figures.period) AS vintage,
			   min(f.source) FILTER (WHERE f.period OPERATOR(@extschema@.=) report_figures.period) AS source,
			   min(f.source) FILTER (WHERE f.period OPERATOR(@extschema@.=) (report_figures.period OPERATOR(@extschema@.-) 4))
				   AS base_source
		FROM f GROUP BY f.indicator_code
		HAVING bool_or(f.period OPERATOR(@extschema@.=) report_figures.period)
	)
	SELECT i.code, i.name_vi, i.unit_of_measure, i.kind, i.decimals,
		   m.value, g.vintage, g.source, g.base_source,
		   m.value_same_period_last_year, m.yoy_pct, m.value_previous_quarter, m.qoq_pct,
		   m.ytd, m.ytd_last_year, m.ytd_yoy_pct,
		   pl.value, pl.source, pl.source_name, m.ytd_pct_of_plan, m.ytd_published, i.index_of
	FROM per_indicator g
	JOIN jsonb_to_recordset(indicators) AS i(code text, name_vi text, unit_of_measure text, kind text,
											 decimals integer, display_order integer, index_of text) ON i.code = g.indicator_code
	LEFT JOIN jsonb_to_recordset(plans) AS pl(indicator_code text, value numeric, source text, source_name text)
		   ON pl.indicator_code = g.indicator_code
	CROSS JOIN LATERAL @extschema@.report_measures(g.s, report_figures.period, i.kind, pl.value,
		(SELECT c.value FROM jsonb_to_recordset(spans) AS c(indicator_code text, period @extschema@.quarter, value numeric)
		 WHERE c.indicator_code = g.indicator_code AND c.period OPERATOR(@extschema@.=) report_figures.period),
		(SELECT c.value FROM jsonb_to_recordset(spans) AS c(indicator_code text, period @extschema@.quarter, value numeric)
		 WHERE c.indicator_code = g.indicator_code
		   AND c.period OPERATOR(@extschema@.=) (report_figures.period OPERATOR(@extschema@.-) 4))) AS m
	ORDER BY i.display_order, i.code;
END
$$;
COMMENT ON FUNCTION @extschema@.report_figures(bigint, @extschema@.quarter, timestamptz) IS
	'the numbers of a unit''s quarterly report as known at as_of (NULL: now): per indicator the figure, its vintage and sources, same period last year, previous quarter, years to date, plan and their percentages (the measures of quarterly_report)';

-- The report: the unit and its level, then report_figures rendered.
CREATE OR REPLACE FUNCTION @extschema@.quarter_report(unit_code text, period @extschema@.quarter, as_of timestamptz DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u @extschema@.admin_unit;
	r record;
	tbl text := '';
	tbl_marked text := '';		-- the same rows, each figure with its vintage
	sentences text := '';
	sources text := '';
	level_vi text;
	measure text;
	the_vintage text;
	mixed boolean := false;
	row_start text;
	row_end text;
	printed jsonb;				-- printed development indices, by the level they index
	printed_index numeric;
	seasons int := 0;
BEGIN
	-- NULL in, NULL out (not STRICT: a NULL as_of means now)
	IF quarter_report.unit_code IS NULL OR quarter_report.period IS NULL THEN
		RETURN NULL;
	END IF;
	u := @extschema@.report_unit(quarter_report.unit_code, quarter_report.period);
	level_vi := CASE u.level WHEN 'country' THEN 'quốc gia' WHEN 'province' THEN 'tỉnh' WHEN 'district' THEN 'huyện'
							 WHEN 'township' THEN 'thị trấn' WHEN 'commune' THEN 'xã' ELSE 'phường' END;

	SELECT jsonb_object_agg(f.index_of, f.value) INTO printed
	FROM @extschema@.report_figures(u.unit_id, quarter_report.period, quarter_report.as_of) f
	WHERE f.index_of IS NOT NULL;

	-- an index as published is printed beside the growth of its level, not
	-- as a figure of its own
	FOR r IN SELECT * FROM @extschema@.report_figures(u.unit_id, quarter_report.period, quarter_report.as_of) f
			 WHERE f.index_of IS NULL LOOP
		printed_index := (printed ->> r.indicator_code)::numeric;
		-- the figure column is named by the vintage when all share one
		mixed := mixed OR (the_vintage IS NOT NULL AND the_vintage <> r.vintage);
		the_vintage := r.vintage;
		row_start := format('| %s | %s | %s | %s', r.indicator_name, r.unit_of_measure,
			coalesce(@extschema@.format_vn_number(r.value_same_period_last_year, r.decimals), ''),
			@extschema@.format_vn_number(r.value, r.decimals));
		row_end := format(E' | %s | %s | %s | %s |\n',
			coalesce(@extschema@.format_vn_number(r.ytd, r.decimals), ''),
			coalesce(@extschema@.format_vn_number(r.yoy_pct + 100, 2), '') ||
				coalesce(' (công bố ' || @extschema@.format_vn_number(printed_index, 2) || ')', ''),
			coalesce(@extschema@.format_vn_number(r.annual_plan, r.decimals), ''),
			coalesce(@extschema@.format_vn_number(r.ytd_pct_of_plan, 2), ''));
		tbl := tbl || row_start || row_end;
		tbl_marked := tbl_marked || row_start || ' (' || @extschema@.vintage_vi(r.vintage) || ')' || row_end;

		measure := @extschema@.format_vn_number(r.value, r.decimals) ||
			CASE WHEN r.unit_of_measure LIKE '\%%' THEN '' ELSE ' ' END || r.unit_of_measure;
		sentences := sentences || '- ' || r.indicator_name ||
			CASE r.vintage WHEN 'estimate' THEN ' ước đạt ' WHEN 'preliminary' THEN ' sơ bộ đạt ' ELSE ' đạt ' END || measure ||
			coalesce(', ' || @extschema@.growth_phrase_vi(r.yoy_pct), '') ||
			-- the printed index, and the year-earlier level it implies (Số liệu suy ra)
			coalesce(' (chỉ số phát triển công bố ' || @extschema@.format_vn_number(printed_index, 2) ||
					 '%, tương ứng số cùng kỳ ' ||
					 @extschema@.format_vn_number(@extschema@.dev_index(r.value, printed_index), r.decimals) || ')', '') ||
			CASE WHEN r.annual_plan IS NOT NULL AND r.indicator_kind <> 'ratio' THEN
				', lũy kế bằng ' || @extschema@.format_vn_number(r.ytd_pct_of_plan, 2) || '% kế hoạch năm'
			ELSE '' END || E'.\n';
		IF r.source IS NOT NULL THEN
			sources := sources || format(E'- %s, %s (%s): %s\n', r.indicator_name, @extschema@.label_vi(quarter_report.period),
				@extschema@.vintage_vi(r.vintage), @extschema@.source_vi(r.source));
		END IF;
		IF r.base_source IS NOT NULL AND r.value_same_period_last_year IS NOT NULL THEN
			sources := sources || format(E'- %s, %s: %s\n', r.indicator_name,
				@extschema@.label_vi(quarter_report.period OPERATOR(@extschema@.-) 4), @extschema@.source_vi(r.base_source));
		END IF;
		IF r.annual_plan IS NOT NULL THEN
			sources := sources || format(E'- %s, kế hoạch năm %s (%s): %s\n', r.indicator_name,
				@extschema@.year(quarter_report.period), r.plan_source_name,
				coalesce(@extschema@.source_vi(r.plan_source), 'không rõ nguồn'));
		END IF;
	END LOOP;
	-- the crop seasons the quarter overlaps (by the unit's season calendar),
	-- one sentence each, with the measures of season_measures_at
	FOR r IN SELECT m.*, i.name_vi, i.unit_of_measure, i.decimals
			 FROM @extschema@.season_measures_at(quarter_report.as_of, u.unit_id) m
			 JOIN @extschema@.indicator i ON i.code = m.indicator_code
			 WHERE @extschema@.season_quarters(m.season, u.code) OPERATOR(pg_catalog.@>) quarter_report.period
			 ORDER BY i.display_order, m.indicator_code, m.season LOOP
		seasons := seasons + 1;
		sentences := sentences || '- ' || r.name_vi || ', ' || @extschema@.label_vi(r.season) ||
			CASE r.vintage WHEN 'estimate' THEN ' ước đạt ' WHEN 'preliminary' THEN ' sơ bộ đạt ' ELSE ' đạt ' END ||
			@extschema@.format_vn_number(r.value, r.decimals) ||
			CASE WHEN r.unit_of_measure LIKE '\%%' THEN '' ELSE ' ' END || r.unit_of_measure ||
			coalesce(', ' || replace(@extschema@.growth_phrase_vi(r.growth_pct), 'cùng kỳ', 'cùng vụ năm trước'), '') ||
			-- (a figure in "% kế hoạch" already says it)
			CASE WHEN r.plan IS NOT NULL AND r.unit_of_measure <> '% kế hoạch' THEN
				', bằng ' || @extschema@.format_vn_number(r.pct_of_plan, 2) || '% kế hoạch vụ'
			ELSE '' END || E'.\n';
		IF r.source IS NOT NULL THEN
			sources := sources || format(E'- %s, %s (%s): %s\n', r.name_vi, @extschema@.label_vi(r.season),
				@extschema@.vintage_vi(r.vintage), @extschema@.source_vi(r.source));
		END IF;
	END LOOP;
	IF mixed THEN
		tbl := tbl_marked;
		the_vintage := NULL;
	END IF;
	IF tbl = '' AND seasons = 0 THEN
		RETURN format(E'# Báo cáo tình hình kinh tế - xã hội %s\n\n**%s** (mã %s): chưa có số liệu.\n',
					  @extschema@.label_vi(quarter_report.period), u.name, u.code);
	END IF;
	RETURN format(E'# Báo cáo tình hình kinh tế - xã hội %s\n\n'
				  '**%s** (mã %s, cấp %s)%s\n\n'
				  '%s%s\nNguồn số liệu:\n%s',
				  @extschema@.label_vi(quarter_report.period), u.name, u.code, level_vi,
				  CASE WHEN quarter_report.as_of IS NULL THEN ''
					   ELSE format(', số liệu tại thời điểm %s', to_char(quarter_report.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')) END,
				  -- the table, unless the quarter has only season figures
				  CASE WHEN tbl = '' THEN '' ELSE
					  format(E'| Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ năm trước | %s | Lũy kế từ đầu năm | So cùng kỳ (%%) | Kế hoạch năm | So kế hoạch (%%) |\n'
							 '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n%s\n',
							 CASE WHEN the_vintage IS NULL THEN 'Kỳ báo cáo'
								  ELSE upper(left(@extschema@.vintage_vi(the_vintage), 1))
									   || substr(@extschema@.vintage_vi(the_vintage), 2) || ' kỳ báo cáo' END,
							 tbl) END,
				  sentences, sources);
END
$$;
COMMENT ON FUNCTION @extschema@.quarter_report(text, @extschema@.quarter, timestamptz) IS
	'the quarterly report of a unit as Markdown (Vietnamese): table with same period last year, the quarter, year to date, index vs last year, annual plan, % of plan; one sentence per indicator and per crop season the quarter overlaps (season_quarters); figures as known at as_of (NULL: now); NULL for a NULL unit code or quarter';

-- ntm_score takes the rules as an argument instead of reading them
-- (src/ntm/ntm.sql), so Citus can run it on worker nodes.
DROP AGGREGATE @extschema@.ntm_score(text, text, integer, text, numeric, boolean);
DROP FUNCTION @extschema@.ntm_score_trans(internal, text, text, integer, text, numeric, boolean);
DROP FUNCTION @extschema@.ntm_score_combine(internal, internal);
DROP FUNCTION @extschema@.ntm_score_serial(internal);
DROP FUNCTION @extschema@.ntm_score_deserial(bytea, internal);
DROP FUNCTION @extschema@.ntm_score_final(internal);
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

-- Per-unit write rights are memberships of one role per unit, read from the
-- system catalogs only, so the row-level security policies run on Citus
-- worker nodes, and a dropped or renamed editor role blocks nobody
-- (src/security/roles.sql).
-- Which role may write which unit's data: membership of a per-unit role,
-- hatrung_unit_<unit_id>_<8 hex digits of md5(database name)>, which
-- grant_unit_editor() creates and grants.  Rights are memberships, held by
-- role OID: an editor role that is dropped takes its rights with it without
-- blocking anyone, a renamed one keeps them, and a new role with an old
-- name gains nothing.  The check reads only the system catalogs, so the
-- row-level security policies below also run on Citus worker nodes.
CREATE FUNCTION @extschema@.unit_role_name(unit_id bigint) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN 'hatrung_unit_' OPERATOR(pg_catalog.||) unit_id::text OPERATOR(pg_catalog.||) '_'
		OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.md5(pg_catalog.current_database()::text), 8);
COMMENT ON FUNCTION @extschema@.unit_role_name(bigint) IS
	'name of the role whose members may write a unit''s data in this database (hatrung_unit_<unit_id>_<md5 of the database name, 8 hex digits>)';

-- True if the current user is a member of the unit's role.  STABLE and
-- catalog-only, so a policy evaluates it cheaply, on any node.
CREATE OR REPLACE FUNCTION @extschema@.may_edit_unit(unit_id bigint) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(pg_catalog.pg_has_role(CURRENT_USER,
		pg_catalog.to_regrole(@extschema@.unit_role_name(unit_id))::oid, 'MEMBER'), false);
COMMENT ON FUNCTION @extschema@.may_edit_unit(bigint) IS 'true if the current user is a member of the unit''s role (granted by grant_unit_editor())';

-- The rights recorded in 1.1's unit_editor table become memberships of the
-- units' roles (rows of roles that no longer exist are dropped with it).
DO $$
DECLARE
	r record;
	unit_role text;
BEGIN
	FOR r IN SELECT e.role_name, e.unit_id, a.code FROM @extschema@.unit_editor e
			 JOIN @extschema@.admin_unit a ON a.unit_id = e.unit_id
			 WHERE pg_catalog.to_regrole(e.role_name) IS NOT NULL ORDER BY e.unit_id LOOP
		unit_role := @extschema@.unit_role_name(r.unit_id);
		IF pg_catalog.to_regrole(unit_role) IS NULL THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', unit_role);
			EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', unit_role,
				pg_catalog.format('hatrung: members may write unit %s (unit_id %s) in database %s',
								  r.code, r.unit_id, pg_catalog.current_database()));
		END IF;
		EXECUTE pg_catalog.format('GRANT %I TO %I', unit_role, r.role_name);
	END LOOP;
END
$$;
-- leaving the extension first also takes it out of the extension's
-- configuration tables (DROP alone would leave its OID there)
ALTER EXTENSION hatrung DROP TABLE @extschema@.unit_editor;
DROP TABLE @extschema@.unit_editor;
CREATE VIEW @extschema@.unit_editor AS
SELECT m.member::regrole::text AS role_name,
	   pg_catalog.split_part(r.rolname::text, '_', 3)::bigint AS unit_id,
	   m.grantor::regrole::text AS granted_by
FROM pg_catalog.pg_roles r
JOIN pg_catalog.pg_auth_members m ON m.roleid = r.oid
WHERE r.rolname OPERATOR(pg_catalog.~) ('^hatrung_unit_[0-9]+_'
	  OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.md5(pg_catalog.current_database()::text), 8)
	  OPERATOR(pg_catalog.||) '$');
COMMENT ON VIEW @extschema@.unit_editor IS 'per-unit write rights in this database: role_name may write the observations and NTM measurements of unit_id';
COMMENT ON COLUMN @extschema@.unit_editor.role_name IS 'the editor role';
COMMENT ON COLUMN @extschema@.unit_editor.unit_id IS 'the unit it may write';
COMMENT ON COLUMN @extschema@.unit_editor.granted_by IS 'who granted it';
GRANT SELECT ON @extschema@.unit_editor TO hatrung_reader;

CREATE OR REPLACE FUNCTION @extschema@.grant_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer := 0;
	missing text;
	unit_role text;
	u record;
BEGIN
	SELECT string_agg(c, ', ') INTO missing
	FROM unnest(unit_codes) AS c
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.admin_unit a WHERE a.code = c);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'unknown unit codes: %', missing USING ERRCODE = 'foreign_key_violation';
	END IF;
	EXECUTE format('GRANT hatrung_unit_editor TO %s', editor);
	FOR u IN SELECT a.unit_id, a.code FROM @extschema@.admin_unit a WHERE a.code = ANY (unit_codes) ORDER BY a.unit_id LOOP
		unit_role := @extschema@.unit_role_name(u.unit_id);
		IF to_regrole(unit_role) IS NULL THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', unit_role);
			EXECUTE format('COMMENT ON ROLE %I IS %L', unit_role,
						   format('hatrung: members may write unit %s (unit_id %s) in database %s',
								  u.code, u.unit_id, current_database()));
		END IF;
		IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
					   WHERE m.roleid = to_regrole(unit_role) AND m.member = editor) THEN
			EXECUTE format('GRANT %I TO %s', unit_role, editor);
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_unit_editor(regrole, text[]) IS
	'lets a role write the observations and NTM measurements of the given unit codes (every validity period of each code) and nothing else, through membership of each unit''s role (created when missing); returns the rights added';

CREATE OR REPLACE FUNCTION @extschema@.revoke_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer := 0;
	unit_role text;
	u record;
BEGIN
	FOR u IN SELECT a.unit_id FROM @extschema@.admin_unit a WHERE a.code = ANY (unit_codes) LOOP
		unit_role := @extschema@.unit_role_name(u.unit_id);
		IF EXISTS (SELECT 1 FROM pg_auth_members m
				   WHERE m.roleid = to_regrole(unit_role) AND m.member = editor) THEN
			EXECUTE format('REVOKE %I FROM %s', unit_role, editor);
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_unit_editor(regrole, text[]) IS 'takes back per-unit write rights; returns the rights removed';

-- On Citus, observation_import's trigger inserts through a function call
-- (src/data/import.sql, import_pg.c).
CREATE FUNCTION @extschema@.observation_import_insert(unit_id bigint, indicator_code text, period @extschema@.quarter,
	vintage text, value numeric, source text, cumulative boolean DEFAULT false) RETURNS void
	AS 'MODULE_PATHNAME', 'observation_import_insert' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.observation_import_insert(bigint, text, @extschema@.quarter, text, numeric, text, boolean) IS
	'inserts one validated row into observation (cumulative: into cumulative_observation, period being the span''s last quarter) as the calling user; on Citus observation_import''s trigger inserts through it, so that every row of a \copy belongs to one distributed transaction';

-- load_ntm_demo() works on a distributed data model (src/ntm/ntm_demo.sql).
CREATE OR REPLACE FUNCTION @extschema@.load_ntm_demo() RETURNS text
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

-- ---------------------------------------------------------------------------
-- No silent loss: DROP EXTENSION hatrung deletes every table of the
-- extension with its rows.  While any holds rows users added, DROP
-- EXTENSION hatrung, DROP SCHEMA of its schema and DROP OWNED BY its owner
-- are refused (2BP01), naming the tables, unless the superuser dropping it
-- has SET hatrung.allow_drop = on.  pg_upgrade is not affected; a plain
-- pg_dump / pg_restore into a new database drops nothing.
-- ---------------------------------------------------------------------------

-- What DROP EXTENSION would delete: per table, the rows its pg_dump
-- condition keeps (all rows of the data tables, the rows not shipped of the
-- reference tables).
CREATE FUNCTION @extschema@.user_rows() RETURNS TABLE (table_name text, rows bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT c.oid::regclass AS rel, c.relname::text AS name, x.cond
		FROM pg_extension e
		CROSS JOIN LATERAL unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
		JOIN pg_class c ON c.oid = x.cfg
		WHERE e.extname = 'hatrung' AND c.relkind IN ('r', 'p')
		ORDER BY c.relname
	LOOP
		table_name := t.name;
		EXECUTE format('SELECT count(*) FROM %s %s', t.rel, t.cond) INTO rows;
		RETURN NEXT;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.user_rows() IS
	'per table of the extension, the rows users added (what pg_dump keeps and DROP EXTENSION would delete)';

CREATE FUNCTION @extschema@.drop_guard() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'hatrung_drop_guard' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.drop_guard() IS
	'event trigger: refuses DROP EXTENSION hatrung, DROP SCHEMA of its schema and DROP OWNED BY its owner while user_rows() counts rows, unless hatrung.allow_drop is on (2BP01)';
CREATE EVENT TRIGGER hatrung_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION @extschema@.drop_guard();
COMMENT ON EVENT TRIGGER hatrung_drop_guard IS
	'keeps DROP EXTENSION hatrung from deleting figures users added (see hatrung.drop_guard())';

-- Unforgeable stamps (src/data/data_model.sql): recorded_by and recorded_at
-- are the server's on every INSERT and UPDATE (a superuser's INSERT, such as
-- a restore, keeps its own), for observations, plans and NTM measurements.
CREATE OR REPLACE FUNCTION @extschema@.observation_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u_code text;
	u_name text;
	u_from date;
	u_to date;
	non_negative boolean;
BEGIN
	-- one look-up for the unit and the indicator (this runs for every row loaded)
	SELECT u.code, u.name, u.valid_from, u.valid_to, i.non_negative
	INTO u_code, u_name, u_from, u_to, non_negative
	FROM @extschema@.admin_unit u, @extschema@.indicator i
	WHERE u.unit_id = NEW.unit_id AND i.code = NEW.indicator_code;
	IF NOT FOUND THEN
		RETURN NEW;				-- the foreign keys report it
	END IF;
	IF u_from > @extschema@.quarter_end(NEW.period)
	   OR (u_to IS NOT NULL AND u_to <= @extschema@.quarter_start(NEW.period)) THEN
		RAISE EXCEPTION 'period % is outside the validity of unit % (%)', NEW.period, u_code, u_name
			USING ERRCODE = 'check_violation',
				  DETAIL = format('The unit is valid from %s to %s.', u_from, coalesce(u_to::text, 'now')),
				  HINT = 'Record the figure on the unit valid in that quarter; see admin_unit and unit_succession.';
	END IF;
	IF non_negative AND NEW.value < 0 THEN
		RAISE EXCEPTION 'negative value % for indicator %, which cannot be negative', NEW.value, NEW.indicator_code
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.observation_check() IS
	'trigger: a period inside the unit''s validity, no negative value for a non-negative indicator (23514)';
DROP TRIGGER annual_plan_stamp ON @extschema@.annual_plan;
DROP FUNCTION @extschema@.annual_plan_stamp();
-- Who recorded a figure and when is the server's to say: recorded_by and
-- recorded_at are set on every INSERT and UPDATE, whatever the client sent,
-- so figures "as known at a date" cannot be back-dated.  One exception: an
-- INSERT by a superuser keeps the stamps it carries, because that is how a
-- pg_restore (which runs as a superuser) puts the original stamps back; a
-- superuser can change any row anyway.
CREATE FUNCTION @extschema@.stamp_recorded() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
	IF TG_OP = 'UPDATE' OR current_setting('is_superuser') <> 'on'
	   OR NEW.recorded_by IS NULL OR NEW.recorded_at IS NULL THEN
		NEW.recorded_by := current_user;
		NEW.recorded_at := now();
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.stamp_recorded() IS
	'trigger: sets recorded_by and recorded_at on every insert and update, whatever the client sent (an insert by a superuser, such as a restore, keeps its stamps)';
CREATE TRIGGER observation_stamp BEFORE INSERT OR UPDATE ON @extschema@.observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();
CREATE TRIGGER annual_plan_stamp BEFORE INSERT OR UPDATE ON @extschema@.annual_plan
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();

COMMENT ON COLUMN @extschema@.observation.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.observation.recorded_at IS 'when this version was recorded (set by the server)';
COMMENT ON COLUMN @extschema@.annual_plan.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.annual_plan.recorded_at IS 'when this version was recorded (set by the server)';
COMMENT ON COLUMN @extschema@.ntm_measurement.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.ntm_measurement.recorded_at IS 'when this version was recorded (set by the server)';

-- NTM measurements keep their history like observations (src/ntm/ntm_model.sql).
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

SELECT pg_catalog.pg_extension_config_dump('@extschema@.ntm_measurement_history', '');

-- quarter_report callable with text parameters (src/data/report.sql).
-- The same with the period as text, in any quarter spelling: drivers bind
-- string parameters as text or varchar (pgjdbc's setString, Npgsql), for
-- which PostgreSQL finds no function taking a quarter.  Untyped literals
-- resolve here too, and the text is read by the quarter's own input.
CREATE FUNCTION @extschema@.quarter_report(unit_code text, period text, as_of timestamptz DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN @extschema@.quarter_report(unit_code, period::@extschema@.quarter, as_of);
COMMENT ON FUNCTION @extschema@.quarter_report(text, text, timestamptz) IS
	'quarter_report with the period as text in any quarter spelling (quý I-2023, 2023-Q1, ...), for drivers that bind text or varchar parameters';

-- avg_growth_pct in C, exact to 20 significant digits (src/growth/growth.sql).
CREATE OR REPLACE FUNCTION @extschema@.avg_growth_pct(chain_indices numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'avg_growth_pct_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_growth_pct(numeric[]) IS
	'average growth in % from chain indices (base 100): geometric mean of the indices minus 100, to 20 significant digits; NULL if there is none or any index is NULL, NaN, infinite or <= 0, or the mean cannot be represented';

-- The demo's sources in Vietnamese, its figures stamped with their publication date (src/data/demo.sql).
CREATE OR REPLACE FUNCTION @extschema@.load_demo() RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	report constant text := 'Bản tin hội nghị Ban Chấp hành Đảng bộ huyện Hà Trung ngày 6-4-2023';
	-- when the report made the quarter I-2023 figures known: quarter_report's
	-- as_of reproduces what was known then (kept when a superuser loads the
	-- demo, see stamp_recorded())
	published constant timestamptz := '2023-04-06 00:00+07';
	illustrative constant text := 'ILLUSTRATIVE (demo data, not an official figure)';
	prov bigint;
	dist bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.admin_unit WHERE code = '392') THEN
		RAISE EXCEPTION 'the demo data is already loaded' USING ERRCODE = 'unique_violation';
	END IF;

	INSERT INTO @extschema@.indicator (code, name_vi, name_en, unit_of_measure, unit_scale, kind, decimals, display_order) VALUES
		('SOWING_PLAN', 'Gieo cấy lúa đông xuân và cây màu vụ xuân', 'Winter-spring rice and spring crops sown', '% kế hoạch', 1, 'ratio', 0, 10),
		('LAND_CONSOLIDATED', 'Diện tích đất nông nghiệp tích tụ thêm', 'Agricultural land consolidated', 'ha', 1, 'flow', 0, 20),
		('MEAT_OUTPUT', 'Sản lượng thịt hơi xuất chuồng', 'Live-weight meat output sold', 'tấn', 1, 'flow', 0, 30),
		('EXPORT_VALUE', 'Giá trị xuất khẩu', 'Export value', 'triệu USD', 1000000, 'flow', 3, 40),
		('BUDGET_REVENUE', 'Tổng thu ngân sách Nhà nước trên địa bàn', 'State budget revenue on the territory', 'tỷ đồng', 1000000000, 'flow', 3, 50);

	INSERT INTO @extschema@.admin_unit (code, name, level, valid_from, source)
	VALUES ('38', 'Tỉnh Thanh Hóa', 'province', '2000-01-01',
			'code 38 official; validity start ILLUSTRATIVE (not researched)')
	RETURNING unit_id INTO prov;
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
	VALUES ('392', 'Huyện Hà Trung', 'district', prov, '2000-01-01', '2025-07-01',
			'code 392 official; district level abolished 1 Jul 2025 (NQ 1686/NQ-UBTVQH15); validity start ILLUSTRATIVE')
	RETURNING unit_id INTO dist;

	-- the 20 commune-level units of 1 Dec 2019 (NQ 786/NQ-UBTVQH14)
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source)
	SELECT c.code, c.name, c.level, dist, '2019-12-01', c.valid_to, 'official code; units from 1 Dec 2019 (NQ 786/NQ-UBTVQH14)'
	FROM (VALUES
		('15271', 'Thị trấn Hà Trung', 'township', '2025-07-01'::date), ('15274', 'Xã Hà Long', 'commune', '2025-01-01'),
		('15277', 'Xã Hà Vinh', 'commune', '2025-07-01'), ('15280', 'Xã Hà Bắc', 'commune', '2025-07-01'),
		('15283', 'Xã Hoạt Giang', 'commune', '2025-07-01'), ('15286', 'Xã Yên Dương', 'commune', '2025-07-01'),
		('15292', 'Xã Hà Giang', 'commune', '2025-07-01'), ('15298', 'Xã Lĩnh Toại', 'commune', '2025-07-01'),
		('15304', 'Xã Hà Ngọc', 'commune', '2025-07-01'), ('15307', 'Xã Yến Sơn', 'commune', '2025-07-01'),
		('15313', 'Xã Hà Sơn', 'commune', '2025-07-01'), ('15316', 'Xã Hà Lĩnh', 'commune', '2025-01-01'),
		('15319', 'Xã Hà Đông', 'commune', '2025-07-01'), ('15322', 'Xã Hà Tân', 'commune', '2025-07-01'),
		('15325', 'Xã Hà Tiến', 'commune', '2025-07-01'), ('15328', 'Xã Hà Bình', 'commune', '2025-07-01'),
		('15331', 'Xã Hà Lai', 'commune', '2025-01-01'), ('15334', 'Xã Hà Châu', 'commune', '2025-07-01'),
		('15340', 'Xã Hà Thái', 'commune', '2025-01-01'), ('15343', 'Xã Hà Hải', 'commune', '2025-07-01')
	) AS c(code, name, level, valid_to);

	-- about 1 Jan 2025: two townships and the merger Hà Thái + Hà Lai
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, valid_to, source) VALUES
		('15274', 'Thị trấn Hà Long', 'township', dist, '2025-01-01', '2025-07-01', 'official code; change of about 1 Jan 2025'),
		('15316', 'Thị trấn Hà Lĩnh', 'township', dist, '2025-01-01', '2025-07-01', 'official code; change of about 1 Jan 2025'),
		('15331', 'Xã Thái Lai', 'commune', dist, '2025-01-01', '2025-07-01', 'official code; Hà Thái + Hà Lai, about 1 Jan 2025');

	-- 1 Jul 2025: the district is abolished; six commune-level units of the province
	INSERT INTO @extschema@.admin_unit (code, name, level, parent_id, valid_from, source) VALUES
		('15271', 'Xã Hà Trung', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15316', 'Xã Tống Sơn', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15274', 'Xã Hà Long', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15286', 'Xã Hoạt Giang', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('15298', 'Xã Lĩnh Toại', 'commune', prov, '2025-07-01', 'official code (reused); NQ 1686/NQ-UBTVQH15'),
		('14812', 'Phường Bỉm Sơn', 'ward', prov, '2025-07-01', 'official code; three wards of Bỉm Sơn + Xã Hà Vinh');

	-- successions: whole units have share 1; the two split units are split 50/50 for the demo
	INSERT INTO @extschema@.unit_succession (old_unit_id, new_unit_id, effective, share, source)
	SELECT o.unit_id, n.unit_id, s.effective, s.share, s.source
	FROM (VALUES
		('15274', '2019-12-01'::date, '15274', '2025-01-01'::date, '2025-01-01'::date, 1.0, 'Xã Hà Long -> Thị trấn Hà Long'),
		('15316', '2019-12-01', '15316', '2025-01-01', '2025-01-01', 1.0, 'Xã Hà Lĩnh -> Thị trấn Hà Lĩnh'),
		('15340', '2019-12-01', '15331', '2025-01-01', '2025-01-01', 1.0, 'Hà Thái + Hà Lai -> Thái Lai'),
		('15331', '2019-12-01', '15331', '2025-01-01', '2025-01-01', 1.0, 'Hà Thái + Hà Lai -> Thái Lai'),
		('15319', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Đông -> Xã Hà Trung'),
		('15304', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Ngọc -> Xã Hà Trung'),
		('15307', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Yến Sơn -> Xã Hà Trung'),
		('15271', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: part of TT Hà Trung -> Xã Hà Trung; share ILLUSTRATIVE'),
		('15328', '2019-12-01', '15271', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: part of Hà Bình -> Xã Hà Trung; share ILLUSTRATIVE'),
		('15316', '2025-01-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: TT Hà Lĩnh -> Xã Tống Sơn'),
		('15325', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Tiến -> Xã Tống Sơn'),
		('15322', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Tân -> Xã Tống Sơn'),
		('15313', '2019-12-01', '15316', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Sơn -> Xã Tống Sơn'),
		('15274', '2025-01-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: TT Hà Long -> Xã Hà Long'),
		('15280', '2019-12-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Bắc -> Xã Hà Long'),
		('15292', '2019-12-01', '15274', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Giang -> Xã Hà Long'),
		('15286', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Yên Dương -> Xã Hoạt Giang'),
		('15283', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hoạt Giang -> Xã Hoạt Giang'),
		('15271', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: rest of TT Hà Trung -> Xã Hoạt Giang; share ILLUSTRATIVE'),
		('15328', '2019-12-01', '15286', '2025-07-01', '2025-07-01', 0.5, 'NQ 1686: rest of Hà Bình -> Xã Hoạt Giang; share ILLUSTRATIVE'),
		('15343', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Hải -> Xã Lĩnh Toại'),
		('15334', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Châu -> Xã Lĩnh Toại'),
		('15331', '2025-01-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Thái Lai -> Xã Lĩnh Toại'),
		('15298', '2019-12-01', '15298', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Lĩnh Toại -> Xã Lĩnh Toại'),
		('15277', '2019-12-01', '14812', '2025-07-01', '2025-07-01', 1.0, 'NQ 1686: Hà Vinh -> Phường Bỉm Sơn')
	) AS s(old_code, old_from, new_code, new_from, effective, share, source)
	JOIN @extschema@.admin_unit o ON o.code = s.old_code AND o.valid_from = s.old_from
	JOIN @extschema@.admin_unit n ON n.code = s.new_code AND n.valid_from = s.new_from;

	-- the district's quarter I-2023 figures, as the report states them
	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source, recorded_at) VALUES
		(dist, 'MEAT_OUTPUT', '2023-Q1', 'preliminary', 820, report || ': "đạt 820 tấn, tăng 6,8%"', published),
		(dist, 'EXPORT_VALUE', '2023-Q1', 'estimate', 22.756, report || ': "ước đạt 22,756 triệu USD"', published),
		(dist, 'BUDGET_REVENUE', '2023-Q1', 'estimate', 685.528, report || ': "ước đạt 685,528 tỷ đồng"', published),
		(dist, 'LAND_CONSOLIDATED', '2023-Q1', 'preliminary', 10, report || ': "tích tụ thêm được 10 ha"', published),
		(dist, 'MEAT_OUTPUT', '2022-Q1', 'preliminary', 767.8,
		 'DERIVED: 820 / 1,068, từ mức tăng 6,8% mà bản tin quý I-2023 nêu (không phải số liệu công bố)', published);

	-- the sowing of the winter-spring season, which the report gives as a
	-- share of the plan: a figure of the season, not of the quarter
	INSERT INTO @extschema@.season_figure (unit_id, indicator_code, season, figure, vintage, value, source, recorded_at)
	VALUES (dist, 'SOWING_PLAN', 'vụ Đông Xuân 2022-2023', 'actual', 'preliminary', 100,
			report || ': "gieo cấy lúa đông xuân và cây màu vụ xuân đạt 100% kế hoạch"', published);

	-- commune figures for quarter I-2023: ILLUSTRATIVE, they sum to 815 t, not 820
	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source, recorded_at)
	SELECT u.unit_id, 'MEAT_OUTPUT', '2023-Q1', 'preliminary', v.t, illustrative, published
	FROM (VALUES ('15271', 38), ('15274', 46), ('15277', 41), ('15280', 44), ('15283', 40),
				 ('15286', 43), ('15292', 39), ('15298', 42), ('15304', 37), ('15307', 45),
				 ('15313', 36), ('15316', 44), ('15319', 40), ('15322', 38), ('15325', 41),
				 ('15328', 42), ('15331', 39), ('15334', 43), ('15340', 37), ('15343', 40)) AS v(code, t)
	JOIN @extschema@.admin_unit u ON u.code = v.code AND u.valid_from = '2019-12-01';

	-- annual plans for 2023: ILLUSTRATIVE
	INSERT INTO @extschema@.annual_plan (unit_id, indicator_code, year, plan_source, value, source) VALUES
		(dist, 'EXPORT_VALUE', 2023, 'district_council', 95, illustrative),
		(dist, 'BUDGET_REVENUE', 2023, 'province', 1200, illustrative);

	RETURN format('loaded: %s units, %s successions, %s indicators, %s observations, %s plans',
				  (SELECT count(*) FROM @extschema@.admin_unit), (SELECT count(*) FROM @extschema@.unit_succession),
				  (SELECT count(*) FROM @extschema@.indicator), (SELECT count(*) FROM @extschema@.observation),
				  (SELECT count(*) FROM @extschema@.annual_plan));
END
$$;

-- An import of an empty file says so (NOTICE) instead of silently loading
-- nothing: the statement's rows are counted between these two triggers.
CREATE FUNCTION @extschema@.observation_import_begin() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_begin' LANGUAGE C;
CREATE FUNCTION @extschema@.observation_import_end() RETURNS trigger
	AS 'MODULE_PATHNAME', 'observation_import_end' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.observation_import_begin() IS 'trigger: starts counting the rows an import statement loads';
COMMENT ON FUNCTION @extschema@.observation_import_end() IS 'trigger: a NOTICE when an import statement loaded no row (an empty file)';
CREATE TRIGGER observation_import_begin BEFORE INSERT ON @extschema@.observation_import
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.observation_import_begin();
CREATE TRIGGER observation_import_end AFTER INSERT ON @extschema@.observation_import
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.observation_import_end();

-- The chronological mean of a stock (levels at points in time): the first
-- and last levels count half, (y1/2 + y2 + ... + yn/2) / (n - 1), over the
-- periods present (a flow's mean stays avg).
CREATE FUNCTION @extschema@.chronological_mean(s @extschema@.qseries) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_chronological_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronological_mean(@extschema@.qseries) IS
	'chronological mean of a stock''s levels: (y1/2 + y2 + ... + yn/2) / (n - 1) over the periods present; NULL below two values';
CREATE FUNCTION @extschema@.qseries_partial_chronological_mean(@extschema@.qseries_partial) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_partial_chronological_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qseries_partial_chronological_mean(@extschema@.qseries_partial) IS
	'chronological_mean final: the chronological mean of the gathered series';
CREATE AGGREGATE @extschema@.chronological_mean(value numeric, period @extschema@.quarter) (
	SFUNC = @extschema@.qseries_partial_trans,
	STYPE = @extschema@.qseries_partial,
	-- the planner's size of a state: 8 kB, as for 1.1's internal state;
	-- the state grows with its series, and hash aggregation checks its
	-- memory only when a group is added, so an estimate of a few bytes
	-- would let a GROUP BY over many long series outgrow work_mem
	SSPACE = 8192,
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_chronological_mean,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.chronological_mean(numeric, @extschema@.quarter) IS
	'chronological mean of a stock''s levels per group: (y1/2 + y2 + ... + yn/2) / (n - 1) in period order over the periods present; a repeated period is 21000; NULL below two values';

-- ---------------------------------------------------------------------------
-- Scale-out with Citus: the data model is distributed in one step,
--   SELECT hatrung.distribute_data_model();
-- on the coordinator, once Citus is created on every node, the workers are
-- registered and hatrung is created on the coordinator (Citus creates it on
-- the workers).  The small tables (units, successions, indicators, plan
-- sources, the NTM sets, criteria, indicators and thresholds) become
-- reference tables, copied to every node; the per-unit tables (observations,
-- plans, their history, NTM measurements and zones) are distributed on
-- unit_id and co-located: a unit's figures, plans, history and measurements
-- live in one shard group, so the per-unit work of every report runs on the
-- workers.  The rows already loaded are kept.
--
-- The tables are read from the catalog, not listed here: every table of the
-- extension with a unit_id column (but admin_unit, whose unit_id is its own
-- key) is distributed on it, every other one is a reference table.  Citus
-- need not be installed to create the extension: this function names
-- Citus's objects only in statements PL/pgSQL resolves when it runs.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.distribute_data_model(shard_count integer DEFAULT NULL) RETURNS text
	LANGUAGE plpgsql
	-- Citus's notices ask for a clean-up this function does itself
	SET client_min_messages = warning
	SET search_path = pg_catalog AS $$
DECLARE
	ext_schema constant regnamespace := '@extschema@'::regnamespace;
	ext_version text;
	reference_tables regclass[];
	distributed_tables regclass[];
	identity_tables regclass[];
	already text;
	deferred_triggers jsonb;
	foreign_keys jsonb;
	replication_role text;
	shards integer;
	r record;
	t regclass;
BEGIN
	-- what is needed, each with its own error -------------------------------------
	IF shard_count IS NOT NULL AND shard_count < 1 THEN
		RAISE EXCEPTION 'shard_count must be at least 1, not %', shard_count
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION 'distribute_data_model() needs the citus extension'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'CREATE EXTENSION citus first, on every node, then register the workers on the coordinator (citus_add_node).';
	END IF;
	IF NOT (SELECT a.rolsuper FROM pg_catalog.pg_roles a WHERE a.rolname = CURRENT_USER) THEN
		RAISE EXCEPTION 'permission denied to distribute the data model'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Distributing converts the extension''s tables and sets session_replication_role for their clean-up.',
				  HINT = 'Run it as a superuser.';
	END IF;
	IF NOT pg_catalog.citus_is_coordinator() THEN
		RAISE EXCEPTION 'distribute_data_model() runs on the Citus coordinator, and this node is not the coordinator'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Connect to the coordinator and run it there.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.citus_get_active_worker_nodes()) THEN
		RAISE EXCEPTION 'distribute_data_model() needs worker nodes, and the coordinator has none registered'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'On the coordinator: SELECT citus_set_coordinator_host(host, port), then SELECT citus_add_node(host, port) for each worker.';
	END IF;
	SELECT e.extversion INTO ext_version FROM pg_catalog.pg_extension e WHERE e.extname = 'hatrung';
	FOR r IN SELECT w.nodename, w.nodeport, w.result
			 FROM pg_catalog.run_command_on_workers(
				 $c$SELECT coalesce((SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'hatrung'), 'none')$c$) w
			 WHERE NOT w.success OR w.result IS DISTINCT FROM ext_version LOOP
		RAISE EXCEPTION 'worker %:% has hatrung %, the coordinator %', r.nodename, r.nodeport, r.result, ext_version
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Install the same hatrung package on every node; Citus creates and updates the extension on the workers from the coordinator.';
	END LOOP;

	-- the extension's tables, from the catalog ----------------------------------------
	SELECT coalesce(array_agg(c.oid::regclass ORDER BY c.relname) FILTER (WHERE NOT per_unit), '{}'),
		   -- observation first: it creates the co-location group the others join
		   coalesce(array_agg(c.oid::regclass ORDER BY c.relname <> 'observation', c.relname) FILTER (WHERE per_unit), '{}'),
		   coalesce(array_agg(c.oid::regclass ORDER BY c.relname) FILTER (WHERE has_identity), '{}')
	INTO reference_tables, distributed_tables, identity_tables
	FROM pg_catalog.pg_depend d
	JOIN pg_catalog.pg_class c ON c.oid = d.objid
	CROSS JOIN LATERAL (
		SELECT c.relname <> 'admin_unit' AND EXISTS (
				   SELECT 1 FROM pg_catalog.pg_attribute a
				   WHERE a.attrelid = c.oid AND a.attname = 'unit_id' AND NOT a.attisdropped) AS per_unit,
			   EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					   WHERE a.attrelid = c.oid AND a.attidentity <> '' AND NOT a.attisdropped) AS has_identity) k
	WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_extension'::regclass
	  AND d.refobjid = (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'hatrung')
	  AND d.deptype = 'e' AND c.relkind = 'r' AND c.relnamespace = ext_schema;

	SELECT string_agg(p.logicalrelid::text, ', ' ORDER BY p.logicalrelid::text) INTO already
	FROM pg_catalog.pg_dist_partition p
	WHERE p.logicalrelid = ANY (reference_tables || distributed_tables);
	IF already IS NOT NULL THEN
		RAISE EXCEPTION 'the data model is already distributed'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = format('Citus already manages %s.', already);
	END IF;

	-- Citus's settings for this transaction: the tables have triggers, and the
	-- ALTER TABLEs after the conversions need one connection per node
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

	-- 1. identity columns on the workers.  The workers' copies of the tables
	--    came with CREATE EXTENSION, so their sequences all start at 1; give
	--    each node its own range, as Citus does for the tables it creates
	--    itself.  (Own connections, committed at once: harmless if the rest
	--    fails.)
	IF cardinality(identity_tables) > 0 THEN
		FOR r IN SELECT w.nodename, w.nodeport, w.result
				 FROM pg_catalog.run_command_on_workers(format(
					 $c$SET citus.enable_ddl_propagation TO off;
						SELECT pg_catalog.worker_adjust_identity_column_seq_ranges(t)
						FROM pg_catalog.unnest(%L::pg_catalog.regclass[]) AS t$c$, identity_tables)) w
				 WHERE NOT w.success LOOP
			RAISE EXCEPTION 'could not give worker %:% its own identity ranges: %', r.nodename, r.nodeport, r.result
				USING ERRCODE = 'object_not_in_prerequisite_state';
		END LOOP;
	END IF;

	-- 2. the foreign keys between the tables are kept, dropped and added again
	--    once every table is converted: Citus would otherwise turn the
	--    referencing tables of a new reference table into Citus local tables,
	--    which it refuses for an extension's tables
	SELECT coalesce(jsonb_agg(jsonb_build_object('tab', k.conrelid::regclass::text, 'name', k.conname,
												 'def', pg_catalog.pg_get_constraintdef(k.oid))
							  ORDER BY k.conrelid::regclass::text, k.conname), '[]')
	INTO foreign_keys
	FROM pg_catalog.pg_constraint k
	WHERE k.contype = 'f' AND k.conrelid = ANY (reference_tables || distributed_tables)
	  AND k.confrelid = ANY (reference_tables || distributed_tables);
	FOR r IN SELECT * FROM jsonb_to_recordset(foreign_keys) AS x(tab text, name text, def text) LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.name);
	END LOOP;

	-- 3. deferred triggers (the shares of a succession add up to at most 1)
	--    would fire on the workers for every row copied into the shards, and
	--    their pending events would block the ALTER TABLEs of step 5
	SELECT coalesce(jsonb_agg(jsonb_build_object('tab', g.tgrelid::regclass::text, 'name', g.tgname)), '[]')
	INTO deferred_triggers
	FROM pg_catalog.pg_trigger g
	WHERE g.tgrelid = ANY (reference_tables || distributed_tables)
	  AND NOT g.tgisinternal AND g.tginitdeferred AND g.tgenabled <> 'D';
	FOR r IN SELECT * FROM jsonb_to_recordset(deferred_triggers) AS x(tab text, name text) LOOP
		EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', r.tab, r.name);
	END LOOP;

	-- 4. the conversions: reference tables, then the per-unit tables, every
	--    one co-located with the first (the order matters no more once the
	--    foreign keys are out)
	FOREACH t IN ARRAY reference_tables LOOP
		PERFORM pg_catalog.create_reference_table(t);
	END LOOP;
	FOR i IN 1 .. cardinality(distributed_tables) LOOP
		IF i = 1 THEN
			PERFORM pg_catalog.create_distributed_table(distributed_tables[1], 'unit_id', colocate_with => 'none',
														shard_count => distribute_data_model.shard_count);
		ELSE
			PERFORM pg_catalog.create_distributed_table(distributed_tables[i], 'unit_id',
														colocate_with => distributed_tables[1]::text);
		END IF;
	END LOOP;

	-- 5. the foreign keys and triggers again.  The workers' copies of the
	--    tables (made by CREATE EXTENSION, not by Citus) still have the
	--    constraints, hence DROP ... IF EXISTS first; both statements reach
	--    every node
	FOR r IN SELECT * FROM jsonb_to_recordset(foreign_keys) AS x(tab text, name text, def text) LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', r.tab, r.name);
		EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tab, r.name, r.def);
	END LOOP;
	FOR r IN SELECT * FROM jsonb_to_recordset(deferred_triggers) AS x(tab text, name text) LOOP
		EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', r.tab, r.name);
	END LOOP;

	-- 6. the coordinator's own copies of the rows, now in the shards and no
	--    longer visible, go.  The TRUNCATE triggers (history is never
	--    truncated) do not fire for this clean-up.
	replication_role := pg_catalog.current_setting('session_replication_role');
	PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
	FOREACH t IN ARRAY reference_tables || distributed_tables LOOP
		PERFORM pg_catalog.truncate_local_data_after_distributing_table(t);
	END LOOP;
	PERFORM pg_catalog.set_config('session_replication_role', replication_role, true);

	SELECT count(*) INTO shards FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = distributed_tables[1];
	RETURN format('%s reference tables (%s); %s tables distributed on unit_id in %s co-located shards (%s); %s foreign keys kept',
				  cardinality(reference_tables), array_to_string(reference_tables, ', '),
				  cardinality(distributed_tables), shards, array_to_string(distributed_tables, ', '),
				  jsonb_array_length(foreign_keys));
END
$$;
COMMENT ON FUNCTION @extschema@.distribute_data_model(integer) IS
	'Citus, on the coordinator, as a superuser: makes the small tables reference tables and distributes the per-unit tables (observations, plans, their history, NTM measurements and zones) on unit_id, co-located, keeping their rows and constraints; shard_count defaults to citus.shard_count; errors 55000 (no Citus, not the coordinator, no workers, already distributed), 42501 (not a superuser) and 22023 (shard_count below 1)';

-- Reporting periods (parse_period_vi, period_label_vi) -----------------------
CREATE FUNCTION @extschema@.parse_period_vi(text) RETURNS @extschema@.quarterrange
	AS 'MODULE_PATHNAME', 'quarter_parse_period_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_period_vi(text) IS
	'a report''s period heading as a quarter range: quý II-2023 is [2023-Q2,2023-Q3), 6 tháng đầu năm 2023 (or 6 tháng năm 2023, 6 tháng 2023) is [2023-Q1,2023-Q3), 9 tháng năm 2023 is [2023-Q1,2023-Q4), năm 2023 and cả năm 2023 are [2023-Q1,2024-Q1); errors 22007 (not a period, months other than 3, 6, 9, 12) and 22008 (year outside 0001-9999)';

CREATE FUNCTION @extschema@.period_label_vi(@extschema@.quarterrange) RETURNS text
	AS 'MODULE_PATHNAME', 'quarter_period_label_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_label_vi(@extschema@.quarterrange) IS
	'a quarter range as reports head it: quý II-2023, 6 tháng đầu năm 2023, năm 2023, or từ quý II-2023 đến quý III-2023; NULL for the empty range; error 22023 for an unbounded range';

-- Shipped thresholds are the extension's: editors cannot change them --------------
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

-- Cumulative figures (src/data/cumulative.sql) and their loading ------------------

CREATE TABLE @extschema@.cumulative_observation (
	cum_id			bigint GENERATED BY DEFAULT AS IDENTITY,
	unit_id			bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	indicator_code	text NOT NULL REFERENCES @extschema@.indicator (code) ON UPDATE CASCADE,
	-- the span's last quarter: it runs from Q1 of the same year, so 2023-Q2
	-- is "6 tháng đầu năm 2023", 2023-Q3 "9 tháng", 2023-Q4 "cả năm"
	period			@extschema@.quarter NOT NULL
					CHECK (@extschema@.quarter_of_year(period) BETWEEN 2 AND 4),
	vintage			text NOT NULL CHECK (vintage IN ('estimate', 'preliminary', 'official')),
	vintage_rank	smallint NOT NULL GENERATED ALWAYS AS (
						CASE vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END) STORED,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL DEFAULT current_user,
	recorded_at		timestamptz NOT NULL DEFAULT now(),
	-- every key holds unit_id: the table is distributed with observation (Citus)
	PRIMARY KEY (unit_id, cum_id),
	UNIQUE (unit_id, indicator_code, period, vintage)
);
CREATE INDEX cumulative_observation_period ON @extschema@.cumulative_observation (period, indicator_code);
-- one unit's spans for its report, from the index alone, as observation_lookup
-- serves its quarters (one unit's quarterly_report with a span for every
-- flow: 1.49 times its time without spans through the primary key and the
-- heap, 1.06 through this index, best of 15 sessions alternating)
CREATE INDEX cumulative_observation_lookup ON @extschema@.cumulative_observation
	(unit_id, indicator_code, period, vintage_rank DESC) INCLUDE (value);
COMMENT ON TABLE @extschema@.cumulative_observation IS
	'figures published for the months from January to the end of a quarter (6 tháng đầu năm, 9 tháng, cả năm), as published: one row per unit, indicator, span and vintage';
GRANT SELECT ON @extschema@.cumulative_observation TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.cumulative_observation TO hatrung_editor, hatrung_unit_editor;
ALTER TABLE @extschema@.cumulative_observation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cumulative_observation FOR SELECT USING (true);
CREATE POLICY editor_all ON @extschema@.cumulative_observation FOR ALL TO hatrung_editor USING (true) WITH CHECK (true);
CREATE POLICY unit_editor_own_units ON @extschema@.cumulative_observation FOR ALL TO hatrung_unit_editor
	USING (@extschema@.may_edit_unit(unit_id)) WITH CHECK (@extschema@.may_edit_unit(unit_id));
COMMENT ON POLICY read_all ON @extschema@.cumulative_observation IS 'everyone with SELECT reads every figure';
COMMENT ON POLICY editor_all ON @extschema@.cumulative_observation IS 'hatrung_editor writes every unit';
COMMENT ON POLICY unit_editor_own_units ON @extschema@.cumulative_observation IS 'per-unit editors write only the units granted to them';
COMMENT ON COLUMN @extschema@.cumulative_observation.cum_id IS 'row identifier (with unit_id the primary key)';
COMMENT ON COLUMN @extschema@.cumulative_observation.unit_id IS 'the unit (admin_unit.unit_id) valid in the span''s last quarter';
COMMENT ON COLUMN @extschema@.cumulative_observation.indicator_code IS 'the indicator (a flow or a ratio; a stock''s figure for a span is its last quarter''s)';
COMMENT ON COLUMN @extschema@.cumulative_observation.period IS 'the span''s last quarter (Q2: 6 months, Q3: 9 months, Q4: the year); it starts in Q1 of that year';
COMMENT ON COLUMN @extschema@.cumulative_observation.vintage IS 'estimate (ước tính), preliminary (sơ bộ) or official (chính thức)';
COMMENT ON COLUMN @extschema@.cumulative_observation.vintage_rank IS '1 estimate, 2 preliminary, 3 official: the latest vintage has the highest rank';
COMMENT ON COLUMN @extschema@.cumulative_observation.value IS 'the figure for the whole span, in the indicator''s unit of measure';
COMMENT ON COLUMN @extschema@.cumulative_observation.source IS 'where the figure comes from';
COMMENT ON COLUMN @extschema@.cumulative_observation.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.cumulative_observation.recorded_at IS 'when this version was recorded (set by the server)';
COMMENT ON SEQUENCE @extschema@.cumulative_observation_cum_id_seq IS 'identity of cumulative_observation';
GRANT USAGE ON SEQUENCE @extschema@.cumulative_observation_cum_id_seq TO hatrung_editor, hatrung_unit_editor;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cumulative_observation', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cumulative_observation_cum_id_seq', '');

-- The unit and sign checks of observation apply as they are; a stock has no
-- figure of its own for a span (its "6 tháng" figure is its level at the end
-- of June, the Q2 figure), so it is refused with that explanation.
CREATE FUNCTION @extschema@.cumulative_observation_no_stock() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.indicator i WHERE i.code = NEW.indicator_code AND i.kind = 'stock') THEN
		RAISE EXCEPTION 'indicator % is a stock: it has no cumulative figure for the % months of %',
				NEW.indicator_code, @extschema@.quarter_of_year(NEW.period) * 3, @extschema@.year(NEW.period)
			USING ERRCODE = 'check_violation',
				  DETAIL = 'A stock''s figure for the months from January is its level at the end of the last quarter.',
				  HINT = format('Load it as the figure of %s.', NEW.period);
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.cumulative_observation_no_stock() IS
	'trigger: no cumulative figure for a stock indicator (23514)';
CREATE TRIGGER cumulative_observation_check BEFORE INSERT OR UPDATE ON @extschema@.cumulative_observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.observation_check();
CREATE TRIGGER cumulative_observation_no_stock BEFORE INSERT OR UPDATE ON @extschema@.cumulative_observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.cumulative_observation_no_stock();
CREATE TRIGGER cumulative_observation_stamp BEFORE INSERT OR UPDATE ON @extschema@.cumulative_observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();

-- Nothing is lost: the history of cumulative figures, as for observation.
CREATE TABLE @extschema@.cumulative_observation_history (
	-- a uuid, not a sequence: on Citus the history triggers run on the
	-- worker nodes, which share no sequence
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	cum_id			bigint NOT NULL,
	unit_id			bigint NOT NULL,
	indicator_code	text NOT NULL,
	period			@extschema@.quarter NOT NULL,
	vintage			text NOT NULL,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
CREATE INDEX cumulative_observation_history_key ON @extschema@.cumulative_observation_history (unit_id, indicator_code, period);
COMMENT ON TABLE @extschema@.cumulative_observation_history IS
	'every replaced or deleted version of a cumulative figure, valid from recorded_at until changed_at';
GRANT SELECT ON @extschema@.cumulative_observation_history TO hatrung_reader;
COMMENT ON COLUMN @extschema@.cumulative_observation_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.operation IS 'UPDATE or DELETE: what replaced this version';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.changed_at IS 'when it was replaced or deleted (end of its validity)';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.cum_id IS 'cumulative_observation.cum_id of the figure';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.unit_id IS 'the unit, as in cumulative_observation';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.indicator_code IS 'the indicator, as in cumulative_observation';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.period IS 'the span''s last quarter, as in cumulative_observation';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.vintage IS 'the vintage, as in cumulative_observation';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.value IS 'the value this version had';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.source IS 'the source this version had';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.cumulative_observation_history.recorded_at IS 'when this version was recorded (start of its validity)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cumulative_observation_history', '');

-- Written on behalf of editors who may not write history themselves: runs
-- as the extension's owner (SECURITY DEFINER, fixed search_path, no
-- arguments, insert-only), like observation_keep_history; sql/roles.sql
-- tests it.
CREATE FUNCTION @extschema@.cumulative_observation_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.cumulative_observation_history
		(operation, changed_by, cum_id, unit_id, indicator_code, period, vintage, value, source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.cum_id, OLD.unit_id, OLD.indicator_code, OLD.period, OLD.vintage, OLD.value,
			OLD.source, OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.cumulative_observation_keep_history() IS 'trigger: keeps the old version of an updated or deleted cumulative figure';
CREATE TRIGGER cumulative_observation_keep_history AFTER UPDATE OR DELETE ON @extschema@.cumulative_observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.cumulative_observation_keep_history();
CREATE TRIGGER cumulative_observation_no_truncate BEFORE TRUNCATE ON @extschema@.cumulative_observation
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER cumulative_observation_history_no_truncate BEFORE TRUNCATE ON @extschema@.cumulative_observation_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- The latest vintage of each cumulative figure as known at a moment (NULL:
-- now), like observations_as_of.
CREATE FUNCTION @extschema@.cumulative_observations_as_of(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, indicator_code text, period @extschema@.quarter, vintage text, value numeric,
			   source text, recorded_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT DISTINCT ON (v.unit_id, v.indicator_code, v.period)
		   v.unit_id, v.indicator_code, v.period, v.vintage, v.value, v.source, v.recorded_at
	FROM (SELECT o.unit_id, o.indicator_code, o.period, o.vintage, o.vintage_rank, o.value, o.source, o.recorded_at
		  FROM @extschema@.cumulative_observation o
		  WHERE (cumulative_observations_as_of.only_unit_id IS NULL OR o.unit_id = cumulative_observations_as_of.only_unit_id)
			AND (cumulative_observations_as_of.as_of IS NULL OR o.recorded_at <= cumulative_observations_as_of.as_of)
		  UNION ALL
		  SELECT h.unit_id, h.indicator_code, h.period, h.vintage,
				 CASE h.vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END,
				 h.value, h.source, h.recorded_at
		  FROM @extschema@.cumulative_observation_history h
		  WHERE cumulative_observations_as_of.as_of IS NOT NULL
			AND (cumulative_observations_as_of.only_unit_id IS NULL OR h.unit_id = cumulative_observations_as_of.only_unit_id)
			AND h.recorded_at <= cumulative_observations_as_of.as_of AND h.changed_at > cumulative_observations_as_of.as_of) AS v
	ORDER BY v.unit_id, v.indicator_code, v.period, v.vintage_rank DESC, v.recorded_at DESC;
END
$$;
COMMENT ON FUNCTION @extschema@.cumulative_observations_as_of(timestamptz, bigint) IS
	'the latest vintage of every cumulative figure as it was known at as_of (NULL: now), optionally for one unit; period is the span''s last quarter';

-- Every quarter of every flow: the published figure, and the figure the
-- cumulative ones imply.  Within a year, the published cumulative figures
-- are anchors C(k) for the span Q1..Qk (C(0) = 0); a quarter n is derived
-- from the nearest anchors a < n <= b as C(b) - C(a) minus the other
-- published quarters between them, and only when all of those are known
-- (unknown stays unknown).  Quý I 820, 6 tháng 1.690 and 9 tháng 2.590 give
-- quý II 870 and quý III 900; a 9-month table with Q2 and Q3 gives Q1.
-- Where a quarter was published and can also be derived, both are shown
-- with their difference: the check that a release's figures add up.
CREATE FUNCTION @extschema@.quarterly_flows_at(as_of timestamptz DEFAULT NULL)
RETURNS TABLE (unit_id bigint, unit_code text, indicator_code text, period @extschema@.quarter,
			   value numeric, derived boolean, published numeric, published_vintage text,
			   derived_value numeric, derived_from text, difference numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	quarters jsonb;
	spans jsonb;
BEGIN
	-- read first, compute after (on Citus a statement mixing these functions
	-- with other tables would run on one worker's empty local tables)
	SELECT jsonb_agg(f) INTO quarters
	FROM @extschema@.observations_as_of(quarterly_flows_at.as_of) f
	WHERE f.indicator_code IN (SELECT i.code FROM @extschema@.indicator i WHERE i.kind = 'flow');
	SELECT jsonb_agg(c) INTO spans
	FROM @extschema@.cumulative_observations_as_of(quarterly_flows_at.as_of) c
	WHERE c.indicator_code IN (SELECT i.code FROM @extschema@.indicator i WHERE i.kind = 'flow');

	RETURN QUERY
	WITH q AS (
		SELECT * FROM jsonb_to_recordset(quarters) AS x(unit_id bigint, indicator_code text,
														 period @extschema@.quarter, vintage text, value numeric)
	), c AS (
		SELECT * FROM jsonb_to_recordset(spans) AS x(unit_id bigint, indicator_code text,
													  period @extschema@.quarter, vintage text, value numeric)
	), years AS (
		-- per unit, indicator and year: the published quarters and spans by position 1..4
		SELECT k.unit_id, k.indicator_code, k.y,
			   array_agg(q.value ORDER BY n.n) AS qv, array_agg(q.vintage ORDER BY n.n) AS qvin,
			   array_agg(c.value ORDER BY n.n) AS cv, array_agg(c.vintage ORDER BY n.n) AS cvin
		FROM (SELECT DISTINCT x.unit_id, x.indicator_code, @extschema@.year(x.period) AS y FROM q x
			  UNION
			  SELECT DISTINCT x.unit_id, x.indicator_code, @extschema@.year(x.period) FROM c x) k
		CROSS JOIN generate_series(1, 4) AS n(n)
		LEFT JOIN q ON q.unit_id = k.unit_id AND q.indicator_code = k.indicator_code
				   AND q.period OPERATOR(@extschema@.=) @extschema@.make_quarter(k.y, n.n)
		LEFT JOIN c ON c.unit_id = k.unit_id AND c.indicator_code = k.indicator_code
				   AND c.period OPERATOR(@extschema@.=) @extschema@.make_quarter(k.y, n.n)
		GROUP BY k.unit_id, k.indicator_code, k.y
	), positions AS (
		SELECT yr.*, n.n,
			   coalesce((SELECT max(k) FROM generate_series(2, n.n - 1) k WHERE yr.cv[k] IS NOT NULL), 0) AS a,
			   (SELECT min(k) FROM generate_series(greatest(n.n, 2), 4) k WHERE yr.cv[k] IS NOT NULL) AS b
		FROM years yr CROSS JOIN generate_series(1, 4) AS n(n)
	), derived AS (
		SELECT p.*,
			   CASE WHEN p.b IS NOT NULL AND NOT EXISTS (
						SELECT 1 FROM generate_series(p.a + 1, p.b) k WHERE k <> p.n AND p.qv[k] IS NULL)
					THEN p.cv[p.b] - coalesce(p.cv[p.a], 0)
						 - coalesce((SELECT sum(p.qv[k]) FROM generate_series(p.a + 1, p.b) k WHERE k <> p.n), 0)
			   END AS dv
		FROM positions p
	)
	SELECT d.unit_id, u.code, d.indicator_code, @extschema@.make_quarter(d.y, d.n),
		   coalesce(d.qv[d.n], d.dv), d.qv[d.n] IS NULL, d.qv[d.n], d.qvin[d.n],
		   d.dv,
		   CASE WHEN d.dv IS NOT NULL THEN
			   -- "6 tháng đầu năm 2023 (chính thức) − quý I-2023 (ước tính)"
			   concat_ws(' − ',
				   @extschema@.period_label_vi(@extschema@.quarterrange(@extschema@.make_quarter(d.y, 1),
																	@extschema@.make_quarter(d.y, d.b) OPERATOR(@extschema@.+) 1))
					   || ' (' || @extschema@.vintage_vi(d.cvin[d.b]) || ')',
				   CASE WHEN d.a > 0 THEN
					   @extschema@.period_label_vi(@extschema@.quarterrange(@extschema@.make_quarter(d.y, 1),
																		@extschema@.make_quarter(d.y, d.a) OPERATOR(@extschema@.+) 1))
					   || ' (' || @extschema@.vintage_vi(d.cvin[d.a]) || ')' END,
				   (SELECT string_agg(@extschema@.label_vi(@extschema@.make_quarter(d.y, k)) || ' (' || @extschema@.vintage_vi(d.qvin[k]) || ')', ' − ' ORDER BY k)
					FROM generate_series(d.a + 1, d.b) k WHERE k <> d.n))
		   END,
		   d.qv[d.n] - d.dv
	FROM derived d
	JOIN @extschema@.admin_unit u ON u.unit_id = d.unit_id
	WHERE d.qv[d.n] IS NOT NULL OR d.dv IS NOT NULL
	ORDER BY d.unit_id, d.indicator_code, d.y, d.n;
END
$$;
COMMENT ON FUNCTION @extschema@.quarterly_flows_at(timestamptz) IS
	'every quarter of every flow indicator as known at as_of (NULL: now): the published figure or, where a release left the quarter out, the figure derived from the cumulative ones (derived = true, with what it was derived from); where both exist, their difference';

CREATE VIEW @extschema@.quarterly_flows AS
SELECT f.unit_code, f.indicator_code, f.period::text AS period_label, @extschema@.label_vi(f.period) AS label_vi,
	   @extschema@.year(f.period) AS year, @extschema@.quarter_of_year(f.period) AS quarter,
	   f.value, f.derived, f.published, f.published_vintage, f.derived_value, f.derived_from, f.difference
FROM @extschema@.quarterly_flows_at(NULL) f;
COMMENT ON VIEW @extschema@.quarterly_flows IS
	'quarterly_flows_at(NULL): every quarter of every flow, published or derived from cumulative figures (6 tháng − quý I = quý II), with the difference where both were published; plain column types';
GRANT SELECT ON @extschema@.quarterly_flows TO hatrung_reader;
COMMENT ON COLUMN @extschema@.quarterly_flows.unit_code IS 'official unit code';
COMMENT ON COLUMN @extschema@.quarterly_flows.indicator_code IS 'indicator code (a flow)';
COMMENT ON COLUMN @extschema@.quarterly_flows.period_label IS 'quarter as YYYY-Qn';
COMMENT ON COLUMN @extschema@.quarterly_flows.label_vi IS 'quarter as reports write it (quý II-2023)';
COMMENT ON COLUMN @extschema@.quarterly_flows.year IS 'calendar year';
COMMENT ON COLUMN @extschema@.quarterly_flows.quarter IS 'quarter of the year, 1 to 4';
COMMENT ON COLUMN @extschema@.quarterly_flows.value IS 'the published figure, or the derived one where none was published';
COMMENT ON COLUMN @extschema@.quarterly_flows.derived IS 'true when value was derived from cumulative figures (Số liệu suy ra)';
COMMENT ON COLUMN @extschema@.quarterly_flows.published IS 'the published quarterly figure (latest vintage), NULL if none';
COMMENT ON COLUMN @extschema@.quarterly_flows.published_vintage IS 'its vintage';
COMMENT ON COLUMN @extschema@.quarterly_flows.derived_value IS 'the figure the cumulative ones imply, NULL if they do not determine it';
COMMENT ON COLUMN @extschema@.quarterly_flows.derived_from IS 'the figures and vintages it was derived from, in Vietnamese labels';
COMMENT ON COLUMN @extschema@.quarterly_flows.difference IS 'published - derived_value: nonzero when a release''s figures do not add up';

-- quarterly_report, which reads cumulative_observation (src/data/views.sql)
CREATE VIEW @extschema@.quarterly_report AS
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
	   m.value,
	   g.vintage,
	   g.source,
	   m.value_same_period_last_year,
	   m.yoy_pct,
	   m.value_previous_quarter,
	   m.qoq_pct,
	   m.ytd,
	   m.ytd_last_year,
	   m.ytd_yoy_pct,
	   pl.value AS annual_plan,
	   pl.plan_source,
	   @extschema@.ytd_pct_of_plan(g.indicator_kind, m.ytd, m.value, pl.value) AS ytd_pct_of_plan,
	   m.ytd_published
-- One group per unit, indicator and report quarter: the observations its
-- measures read, gathered into a qseries in which the latest vintage of each
-- quarter wins: this year's quarters up to the report quarter, the same
-- quarters of last year, and for a first quarter the fourth quarter of last
-- year (the previous quarter).  The quarters of last year after the report
-- quarter's (Q2 and Q3 of last year for a first quarter) are never read, so
-- they are left out before the grouping.  A filter on the quarter (any of the
-- period columns) or on the unit or indicator lands on a grouping column, so
-- PostgreSQL applies it before the grouping: one quarter nationwide reads
-- that quarter's year and the year before through observation_period in one
-- pass (no look-up per row), one unit reads its rows through
-- observation_lookup.  On Citus the groups hold one unit each, so the whole
-- grouping runs on the worker nodes.  The current figure's vintage and source
-- come from the same rows; PostgreSQL computes them only when a query
-- selects them.
FROM (
	SELECT x.unit_id, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level,
		   i.code AS indicator_code, i.name_vi AS indicator_name, i.name_en AS indicator_name_en,
		   i.unit_of_measure, i.kind AS indicator_kind, i.decimals,
		   cal.period,
		   @extschema@.quarterly_series(x.value, x.period, x.vintage_rank) FILTER (WHERE NOT x.cumulative) AS s,
		   (pg_catalog.array_agg(x.vintage ORDER BY x.vintage_rank DESC)
				FILTER (WHERE NOT x.cumulative AND x.period OPERATOR(@extschema@.=) cal.period))[1] AS vintage,
		   (pg_catalog.array_agg(x.source ORDER BY x.vintage_rank DESC)
				FILTER (WHERE NOT x.cumulative AND x.period OPERATOR(@extschema@.=) cal.period))[1] AS source,
		   -- the spans from January published for this quarter and a year
		   -- before, each by the quarter it ends with (latest vintage wins)
		   @extschema@.quarterly_series(x.value, x.period, x.vintage_rank) FILTER (WHERE x.cumulative) AS spans
	-- every report quarter with the bounds of what its group reads,
	-- computed once per quarter: OFFSET 0 keeps them from being folded into
	-- the join condition, where they would be computed for every pair of a
	-- quarter and an observation (a unit's report compares every quarter
	-- with every observation of the unit)
	FROM (SELECT q.period,
				 @extschema@.make_quarter(greatest(@extschema@.year(q.period) - 1, 1), 1) AS first_read,
				 @extschema@.make_quarter(@extschema@.year(q.period), 1) AS year_start,
				 @extschema@.quarter_of_year(q.period) AS quarter_of_year,
				 CASE WHEN @extschema@.quarter_of_year(q.period) = 1 AND @extschema@.year(q.period) > 1
					  THEN @extschema@.make_quarter(@extschema@.year(q.period) - 1, 4) END AS previous_q4
		  FROM @extschema@.generate_series((SELECT @extschema@.min(m.period) FROM @extschema@.observation m),
										   (SELECT @extschema@.max(m.period) FROM @extschema@.observation m)) AS q (period)
		  OFFSET 0) AS cal
	JOIN (SELECT o.unit_id, o.indicator_code, o.period, o.vintage, o.vintage_rank, o.value, o.source,
				 false AS cumulative
		  FROM @extschema@.observation o
		  UNION ALL
		  SELECT c.unit_id, c.indicator_code, c.period, c.vintage, c.vintage_rank, c.value, c.source, true
		  FROM @extschema@.cumulative_observation c) x
	  ON x.period OPERATOR(@extschema@.>=) cal.first_read
	 AND x.period OPERATOR(@extschema@.<=) cal.period
	 -- this year's quarters, last year's up to the report quarter's
	 -- quarter of the year, and last year's Q4 for a first quarter
	 AND (x.period OPERATOR(@extschema@.>=) cal.year_start
		  OR @extschema@.quarter_of_year(x.period) <= cal.quarter_of_year
		  OR x.period OPERATOR(@extschema@.=) cal.previous_q4)
	 -- of the published spans only those ending in the report quarter's
	 -- quarter of the year are read (this year's and last year's), so
	 -- the other spans never reach the aggregates
	 AND (NOT x.cumulative OR @extschema@.quarter_of_year(x.period) = cal.quarter_of_year)
	JOIN @extschema@.admin_unit u ON u.unit_id = x.unit_id
	JOIN @extschema@.indicator i ON i.code = x.indicator_code
	-- grouped by observation's own unit_id (Citus's distribution column, so
	-- the whole grouping runs on the worker nodes); u.unit_id is equal
	GROUP BY x.unit_id, u.unit_id, i.code, cal.period
	-- a row for every quarter with a figure, none for a quarter without
	HAVING @extschema@.value_at(@extschema@.quarterly_series(x.value, x.period, x.vintage_rank) FILTER (WHERE NOT x.cumulative),
								cal.period) IS NOT NULL
) g
-- the annual plan of the highest-priority source; unique per unit,
-- indicator and year, so PostgreSQL leaves the join out when no plan
-- column is selected
LEFT JOIN (
	SELECT DISTINCT ON (p.unit_id, p.indicator_code, p.year) p.unit_id, p.indicator_code, p.year, p.value, p.plan_source
	FROM @extschema@.annual_plan p
	JOIN @extschema@.plan_source ps ON ps.code = p.plan_source
	ORDER BY p.unit_id, p.indicator_code, p.year, ps.priority DESC
) pl ON pl.unit_id = g.unit_id AND pl.indicator_code = g.indicator_code AND pl.year = @extschema@.year(g.period)
CROSS JOIN LATERAL @extschema@.report_measures(g.s, g.period, g.indicator_kind, NULL,
												@extschema@.value_at(g.spans, g.period),
												@extschema@.same_period_last_year(g.spans, g.period)) m;
COMMENT ON VIEW @extschema@.quarterly_report IS
	'one row per unit x indicator x quarter (latest vintage) with the comparisons reports print: same period last year, previous quarter, year to date by indicator kind, annual plan; gap-safe; plain column types';
GRANT SELECT ON @extschema@.quarterly_report TO hatrung_reader;
COMMENT ON COLUMN @extschema@.quarterly_report.unit_code IS 'official unit code';
COMMENT ON COLUMN @extschema@.quarterly_report.unit_name IS 'unit name';
COMMENT ON COLUMN @extschema@.quarterly_report.unit_level IS 'province, district, township, commune or ward';
COMMENT ON COLUMN @extschema@.quarterly_report.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.quarterly_report.indicator_name IS 'indicator name in Vietnamese';
COMMENT ON COLUMN @extschema@.quarterly_report.indicator_name_en IS 'indicator name in English';
COMMENT ON COLUMN @extschema@.quarterly_report.unit_of_measure IS 'đơn vị tính';
COMMENT ON COLUMN @extschema@.quarterly_report.indicator_kind IS 'flow, stock or ratio: decides the year to date';
COMMENT ON COLUMN @extschema@.quarterly_report.decimals IS 'decimals to display';
COMMENT ON COLUMN @extschema@.quarterly_report.period_label IS 'quarter as YYYY-Qn (2023-Q1)';
COMMENT ON COLUMN @extschema@.quarterly_report.label_vi IS 'quarter as reports write it (quý I-2023)';
COMMENT ON COLUMN @extschema@.quarterly_report.year IS 'calendar year';
COMMENT ON COLUMN @extschema@.quarterly_report.quarter IS 'quarter of the year, 1 to 4';
COMMENT ON COLUMN @extschema@.quarterly_report.yyyyq IS 'sortable integer form, 20231 for 2023-Q1';
COMMENT ON COLUMN @extschema@.quarterly_report.period_start IS 'first day of the quarter';
COMMENT ON COLUMN @extschema@.quarterly_report.period_end IS 'last day of the quarter';
COMMENT ON COLUMN @extschema@.quarterly_report.value IS 'the figure (latest vintage)';
COMMENT ON COLUMN @extschema@.quarterly_report.vintage IS 'estimate, preliminary or official';
COMMENT ON COLUMN @extschema@.quarterly_report.source IS 'source of the figure; derived and illustrative figures say so';
COMMENT ON COLUMN @extschema@.quarterly_report.value_same_period_last_year IS 'the figure of the same quarter last year (thực hiện cùng kỳ), NULL if missing';
COMMENT ON COLUMN @extschema@.quarterly_report.yoy_pct IS 'growth in % against the same quarter last year';
COMMENT ON COLUMN @extschema@.quarterly_report.value_previous_quarter IS 'the figure of the previous quarter (kỳ trước), NULL if missing';
COMMENT ON COLUMN @extschema@.quarterly_report.qoq_pct IS 'growth in % against the previous quarter';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd IS 'year to date (lũy kế): the published cumulative figure when there is one (flow or ratio), else the sum of Q1..quarter for a flow (NULL if any is missing), the value for a stock, NULL for a ratio';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_last_year IS 'year to date of the same span last year';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_yoy_pct IS 'growth in % of the year to date against the same span last year';
COMMENT ON COLUMN @extschema@.quarterly_report.annual_plan IS 'annual plan of the year (highest-priority plan source)';
COMMENT ON COLUMN @extschema@.quarterly_report.plan_source IS 'which plan annual_plan is';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_pct_of_plan IS 'year to date in % of the annual plan (for a ratio, the value in % of the plan)';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_published IS 'true when ytd (and its growth) is the figure published for the span from January (6 tháng, 9 tháng, cả năm), not one computed from the quarters';

-- National figures and printed indices (src/data/data_model.sql,
-- src/data/published_index.sql, src/data/gso_demo.sql) --------------------------
ALTER TABLE @extschema@.admin_unit DROP CONSTRAINT admin_unit_level_check,
	ADD CONSTRAINT admin_unit_level_check CHECK (level IN ('country', 'province', 'district', 'township', 'commune', 'ward'));
COMMENT ON COLUMN @extschema@.admin_unit.level IS 'country (national figures), province, district, township, commune or ward';
ALTER TABLE @extschema@.indicator ADD COLUMN index_of text REFERENCES @extschema@.indicator (code) ON UPDATE CASCADE CHECK (index_of <> code);
COMMENT ON COLUMN @extschema@.indicator.index_of IS 'for a development index as published (same period last year = 100), the level indicator it is the index of; NULL otherwise';



-- A figure as it was known at a moment: the latest vintage recorded by then,
-- from the current rows and the history (observations_as_of and
-- cumulative_observations_as_of decide what "known" means).
CREATE FUNCTION @extschema@.figure_known_at(unit_id bigint, indicator_code text, period @extschema@.quarter,
	cumulative boolean, as_of timestamptz)
RETURNS numeric
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	v numeric;
BEGIN
	IF figure_known_at.cumulative THEN
		SELECT c.value INTO v
		FROM @extschema@.cumulative_observations_as_of(figure_known_at.as_of, figure_known_at.unit_id) c
		WHERE c.indicator_code = figure_known_at.indicator_code AND c.period OPERATOR(@extschema@.=) figure_known_at.period;
	ELSE
		SELECT o.value INTO v
		FROM @extschema@.observations_as_of(figure_known_at.as_of, figure_known_at.unit_id) o
		WHERE o.indicator_code = figure_known_at.indicator_code AND o.period OPERATOR(@extschema@.=) figure_known_at.period;
	END IF;
	RETURN v;
END
$$;
COMMENT ON FUNCTION @extschema@.figure_known_at(bigint, text, @extschema@.quarter, boolean, timestamptz) IS
	'a unit''s figure for a quarter (cumulative: for the span from January ending with it) as known at as_of: the latest vintage recorded by then; NULL if none was';

-- PL/pgSQL: the figures are read first and the levels looked up one by one
-- after (on Citus a view calling figure_known_at per row of a distributed
-- table cannot be planned).
CREATE FUNCTION @extschema@.published_index_checks()
RETURNS TABLE (unit_code text, indicator_code text, index_code text, label_vi text, period_label text,
			   cumulative boolean, vintage text, published_at timestamptz, printed_index numeric,
			   level numeric, level_year_before numeric, index_from_levels numeric, difference numeric,
			   implied_base numeric, base_difference numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	printed jsonb;
BEGIN
	SELECT jsonb_agg(f) INTO printed
	FROM (SELECT o.unit_id, o.indicator_code, o.period, false AS cumulative, o.vintage, o.value, o.recorded_at
		  FROM @extschema@.observation o
		  WHERE o.indicator_code IN (SELECT i.code FROM @extschema@.indicator i WHERE i.index_of IS NOT NULL)
		  UNION ALL
		  SELECT c.unit_id, c.indicator_code, c.period, true, c.vintage, c.value, c.recorded_at
		  FROM @extschema@.cumulative_observation c
		  WHERE c.indicator_code IN (SELECT i.code FROM @extschema@.indicator i WHERE i.index_of IS NOT NULL)) f;
	RETURN QUERY
	SELECT u.code, k.index_of, f.indicator_code,
		   CASE WHEN f.cumulative
				THEN @extschema@.period_label_vi(@extschema@.quarterrange(
					@extschema@.make_quarter(@extschema@.year(f.period), 1), f.period OPERATOR(@extschema@.+) 1))
				ELSE @extschema@.label_vi(f.period) END,
		   f.period::text, f.cumulative, f.vintage, f.recorded_at, f.value,
		   k.level, k.level_year_before,
		   @extschema@.dev_index(k.level, k.level_year_before),
		   @extschema@.dev_index(k.level, k.level_year_before) - f.value,
		   @extschema@.dev_index(k.level, f.value),
		   k.level_year_before - @extschema@.dev_index(k.level, f.value)
	FROM jsonb_to_recordset(printed) AS f(unit_id bigint, indicator_code text, period @extschema@.quarter,
										  cumulative boolean, vintage text, value numeric, recorded_at timestamptz)
	JOIN @extschema@.admin_unit u ON u.unit_id = f.unit_id
	-- the levels as they were known when the index was recorded
	CROSS JOIN LATERAL (
		SELECT i.index_of,
			   @extschema@.figure_known_at(f.unit_id, i.index_of, f.period, f.cumulative, f.recorded_at) AS level,
			   CASE WHEN @extschema@.year(f.period) > 1 THEN
				   @extschema@.figure_known_at(f.unit_id, i.index_of, f.period OPERATOR(@extschema@.-) 4, f.cumulative,
											   f.recorded_at)
			   END AS level_year_before
		FROM @extschema@.indicator i WHERE i.code = f.indicator_code) k;
END
$$;
COMMENT ON FUNCTION @extschema@.published_index_checks() IS
	'the rows of published_index_check: every printed index beside the index the levels known at its recording give, and the base it implies';

CREATE VIEW @extschema@.published_index_check AS
SELECT * FROM @extschema@.published_index_checks();
COMMENT ON VIEW @extschema@.published_index_check IS
	'every printed development index (an indicator with index_of) beside the index the levels known at its recording give, and the year-earlier level the printed index implies (level / index x 100): where they differ, the base was revised since';
GRANT SELECT ON @extschema@.published_index_check TO hatrung_reader;
COMMENT ON COLUMN @extschema@.published_index_check.unit_code IS 'official unit code';
COMMENT ON COLUMN @extschema@.published_index_check.indicator_code IS 'the level indicator';
COMMENT ON COLUMN @extschema@.published_index_check.index_code IS 'the index indicator (its index_of is indicator_code)';
COMMENT ON COLUMN @extschema@.published_index_check.label_vi IS 'the quarter or the span from January, as reports write it';
COMMENT ON COLUMN @extschema@.published_index_check.period_label IS 'the quarter, or the span''s last quarter, as YYYY-Qn';
COMMENT ON COLUMN @extschema@.published_index_check.cumulative IS 'true for a span from January (6 tháng, 9 tháng, cả năm)';
COMMENT ON COLUMN @extschema@.published_index_check.vintage IS 'the vintage of the printed index';
COMMENT ON COLUMN @extschema@.published_index_check.published_at IS 'when the printed index was recorded (its release)';
COMMENT ON COLUMN @extschema@.published_index_check.printed_index IS 'the index as published (same period last year = 100)';
COMMENT ON COLUMN @extschema@.published_index_check.level IS 'the level as known then';
COMMENT ON COLUMN @extschema@.published_index_check.level_year_before IS 'the same period a year before, as known then';
COMMENT ON COLUMN @extschema@.published_index_check.index_from_levels IS 'level / level_year_before x 100';
COMMENT ON COLUMN @extschema@.published_index_check.difference IS 'index_from_levels - printed_index (points)';
COMMENT ON COLUMN @extschema@.published_index_check.implied_base IS 'Số liệu suy ra: the year-earlier level the printed index implies, level / printed_index x 100';
COMMENT ON COLUMN @extschema@.published_index_check.base_difference IS 'level_year_before - implied_base: how far the year-earlier level known then is from the one the office used';

-- Does a release add up?  Every published span from January beside the sum
-- of its quarters as known when the span was published (a release gives its
-- quarter and its span together, and the earlier quarters as revised then).
CREATE FUNCTION @extschema@.cumulative_checks()
RETURNS TABLE (unit_code text, indicator_code text, label_vi text, period_label text, vintage text,
			   published_at timestamptz, value numeric, quarters_sum numeric, quarters_known integer,
			   difference numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	spans jsonb;
BEGIN
	-- read first, look up after (see published_index_checks)
	SELECT jsonb_agg(c) INTO spans
	FROM @extschema@.cumulative_observation c
	WHERE c.indicator_code IN (SELECT i.code FROM @extschema@.indicator i WHERE i.kind = 'flow');
	RETURN QUERY
	SELECT u.code, c.indicator_code,
		   @extschema@.period_label_vi(@extschema@.quarterrange(
			   @extschema@.make_quarter(@extschema@.year(c.period), 1), c.period OPERATOR(@extschema@.+) 1)),
		   c.period::text, c.vintage, c.recorded_at, c.value, q.quarters_sum, q.quarters_known,
		   c.value - q.quarters_sum
	FROM jsonb_to_recordset(spans) AS c(unit_id bigint, indicator_code text, period @extschema@.quarter,
										vintage text, value numeric, recorded_at timestamptz)
	JOIN @extschema@.admin_unit u ON u.unit_id = c.unit_id
	CROSS JOIN LATERAL (
		SELECT CASE WHEN count(v.value) = @extschema@.quarter_of_year(c.period) THEN sum(v.value) END AS quarters_sum,
			   count(v.value)::integer AS quarters_known
		FROM generate_series(1, @extschema@.quarter_of_year(c.period)) AS k(n),
			 LATERAL (SELECT @extschema@.figure_known_at(c.unit_id, c.indicator_code,
														 @extschema@.make_quarter(@extschema@.year(c.period), k.n), false,
														 c.recorded_at) AS value) v) q;
END
$$;
COMMENT ON FUNCTION @extschema@.cumulative_checks() IS
	'the rows of cumulative_check: every published span of a flow beside the sum of its quarters as known when it was published';

CREATE VIEW @extschema@.cumulative_check AS
SELECT * FROM @extschema@.cumulative_checks();
COMMENT ON VIEW @extschema@.cumulative_check IS
	'every published cumulative figure of a flow beside the sum of its quarters as known when it was published, and the difference: where a release does not add up';
GRANT SELECT ON @extschema@.cumulative_check TO hatrung_reader;
COMMENT ON COLUMN @extschema@.cumulative_check.unit_code IS 'official unit code';
COMMENT ON COLUMN @extschema@.cumulative_check.indicator_code IS 'the indicator (a flow)';
COMMENT ON COLUMN @extschema@.cumulative_check.label_vi IS 'the span, as reports write it (6 tháng đầu năm 2023)';
COMMENT ON COLUMN @extschema@.cumulative_check.period_label IS 'the span''s last quarter as YYYY-Qn';
COMMENT ON COLUMN @extschema@.cumulative_check.vintage IS 'the vintage of the cumulative figure';
COMMENT ON COLUMN @extschema@.cumulative_check.published_at IS 'when it was recorded (its release)';
COMMENT ON COLUMN @extschema@.cumulative_check.value IS 'the cumulative figure as published';
COMMENT ON COLUMN @extschema@.cumulative_check.quarters_sum IS 'the sum of its quarters as known then; NULL unless all were known';
COMMENT ON COLUMN @extschema@.cumulative_check.quarters_known IS 'how many of its quarters were known then';
COMMENT ON COLUMN @extschema@.cumulative_check.difference IS 'value - quarters_sum: nonzero where the release does not add up';

-- ---------------------------------------------------------------------------
-- load_gso_demo(): real national figures, release by release.  The General
-- Statistics Office's quarterly GDP at comparable 2010 prices as its 24
-- releases of 2019-2024 printed them (data/gso/gdp-2010-prices.csv, with
-- the workbook each row comes from): each release's estimate of its quarter
-- and of the span from January, the previous quarter revised, and the
-- development index GSO printed beside each.  Every figure is recorded as
-- known from its release date, so the reports and the *_as_of functions
-- reproduce what each release showed.  (The rows below are that file's;
-- sql/gso.sql checks them against it, row by row.)
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.load_gso_demo() RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	vn bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.admin_unit WHERE code = 'VN') THEN
		RAISE EXCEPTION 'the GSO demo data is already loaded' USING ERRCODE = 'unique_violation';
	END IF;
	INSERT INTO @extschema@.admin_unit (code, name, level, valid_from, source)
	VALUES ('VN', 'Việt Nam', 'country', '1976-07-02', 'the national figures of the General Statistics Office (Cục Thống kê)')
	RETURNING unit_id INTO vn;
	-- the five top lines of GDP, and the development index GSO prints beside each
	INSERT INTO @extschema@.indicator (code, name_vi, name_en, unit_of_measure, kind, decimals, display_order, index_of)
	SELECT s.code, s.name_vi, s.name_en, 'tỷ đồng', 'flow', 0, s.ord, NULL
	FROM (VALUES ('GDP_TOTAL', 'Tổng sản phẩm trong nước (GDP, giá so sánh 2010)', 'Gross domestic product (2010 prices)', 200),
				 ('GDP_AGRI', 'Nông, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishery', 210),
				 ('GDP_INDUSTRY', 'Công nghiệp và xây dựng', 'Industry and construction', 220),
				 ('GDP_SERVICES', 'Dịch vụ', 'Services', 230),
				 ('GDP_TAXES', 'Thuế sản phẩm trừ trợ cấp sản phẩm', 'Product taxes less subsidies', 240)) AS s(code, name_vi, name_en, ord)
	UNION ALL
	SELECT s.code || '_INDEX', 'Chỉ số phát triển so với cùng kỳ: ' || s.name_vi, 'Development index, same period last year = 100: ' || s.name_en,
		   '%', 'ratio', 2, s.ord + 1, s.code
	FROM (VALUES ('GDP_TOTAL', 'GDP', 'GDP', 200),
				 ('GDP_AGRI', 'nông, lâm nghiệp và thủy sản', 'agriculture, forestry and fishery', 210),
				 ('GDP_INDUSTRY', 'công nghiệp và xây dựng', 'industry and construction', 220),
				 ('GDP_SERVICES', 'dịch vụ', 'services', 230),
				 ('GDP_TAXES', 'thuế sản phẩm trừ trợ cấp sản phẩm', 'product taxes less subsidies', 240)) AS s(code, name_vi, name_en, ord);

	-- the releases: a quarter goes to observation, a span from January to
	-- cumulative_observation, each known from the release date (Vietnam time)
	CREATE TEMP TABLE gso_release ON COMMIT DROP AS
	SELECT (r.released || ' 00:00+07')::timestamptz AS released,
		   CASE r.sector WHEN 'total' THEN 'GDP_TOTAL' WHEN 'agriculture_forestry_fishery' THEN 'GDP_AGRI'
						 WHEN 'industry_construction' THEN 'GDP_INDUSTRY' WHEN 'services' THEN 'GDP_SERVICES'
						 ELSE 'GDP_TAXES' END AS code,
		   @extschema@.parse_period_vi(r.period) AS span,
		   CASE r.vintage WHEN 'ước tính' THEN 'estimate' ELSE 'preliminary' END AS vintage,
		   r.value, r.printed_index,
		   'Tổng cục Thống kê, biểu số liệu ' || r.workbook || ' (' || r.released || ')' AS source
	FROM (VALUES
			('2019-03-29', 'total', 'quý I-2019', 'ước tính', 681009.9714904743, 106.79250454187736, '2019-03-29-02-Bieu-3-2019-1.xlsx'),
			('2019-03-29', 'agriculture_forestry_fishery', 'quý I-2019', 'ước tính', 72260.67237888054, 102.68046659716438, '2019-03-29-02-Bieu-3-2019-1.xlsx'),
			('2019-03-29', 'industry_construction', 'quý I-2019', 'ước tính', 247733.10807092945, 108.63344548735787, '2019-03-29-02-Bieu-3-2019-1.xlsx'),
			('2019-03-29', 'services', 'quý I-2019', 'ước tính', 276919.07653495535, 106.49582524409328, '2019-03-29-02-Bieu-3-2019-1.xlsx'),
			('2019-03-29', 'product_taxes_less_subsidies', 'quý I-2019', 'ước tính', 84097.11450570908, 106.11999999999999, '2019-03-29-02-Bieu-3-2019-1.xlsx'),
			('2019-06-28', 'total', 'quý I-2019', 'sơ bộ', 681195.5813477538, 106.82160533285374, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'total', 'quý II-2019', 'ước tính', 884508.4194200466, 106.71364174398647, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'total', '6 tháng 2019', 'ước tính', 1565704.0007678005, 106.760586958306, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'agriculture_forestry_fishery', 'quý I-2019', 'sơ bộ', 72351, 102.80785040719707, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'agriculture_forestry_fishery', 'quý II-2019', 'ước tính', 156090.26646687242, 102.19456339925858, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'agriculture_forestry_fishery', '6 tháng 2019', 'ước tính', 228440, 102.38800672731065, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'industry_construction', 'quý I-2019', 'sơ bộ', 247829.29863739287, 108.67562601276151, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'industry_construction', 'quý II-2019', 'ước tính', 311394.44893756317, 109.13845844559597, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'industry_construction', '6 tháng 2019', 'ước tính', 559223.747574956, 108.93286106068017, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'services', 'quý I-2019', 'sơ bộ', 276918.8503452998, 106.49573825747494, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'services', 'quý II-2019', 'ước tính', 318983.76554010424, 106.85150733526979, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'services', '6 tháng 2019', 'ước tính', 595902.615885404, 106.68588452105277, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'product_taxes_less_subsidies', 'quý I-2019', 'sơ bộ', 84097.11450570908, 106.11999999999999, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'product_taxes_less_subsidies', 'quý II-2019', 'ước tính', 98039.93847550669, 106.25011852083703, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-06-28', 'product_taxes_less_subsidies', '6 tháng 2019', 'ước tính', 182137.05298121576, 106.19000000000001, '2019-06-28-03-Bieu-6.2019.xlsx'),
			('2019-09-28', 'total', 'quý II-2019', 'sơ bộ', 884673.2018942182, 106.73352232118434, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'total', 'quý III-2019', 'ước tính', 957109.4754069605, 107.31373042784507, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'total', '9 tháng 2019', 'ước tính', 2522978.2586489324, 106.97675383029492, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'agriculture_forestry_fishery', 'quý II-2019', 'sơ bộ', 155860.55301689237, 102.04416666883446, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'agriculture_forestry_fishery', 'quý III-2019', 'ước tính', 124487.32966218643, 101.53201664929712, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'agriculture_forestry_fishery', '9 tháng 2019', 'ước tính', 352698.2005384309, 102.01798822443966, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'industry_construction', 'quý II-2019', 'sơ bộ', 311394.44893756317, 109.13845844559597, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'industry_construction', 'quý III-2019', 'ước tính', 344648, 110.04845649101813, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'industry_construction', '9 tháng 2019', 'ước tính', 903873, 109.35556188503577, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'services', 'quý II-2019', 'sơ bộ', 318983.76554010424, 106.85150733526979, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'services', 'quý III-2019', 'ước tính', 381358.7056293976, 107.10739343931004, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'services', '9 tháng 2019', 'ước tính', 977261.3215148016, 106.8499754972694, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'product_taxes_less_subsidies', 'quý II-2019', 'sơ bộ', 98434.43439965848, 106.67765080358716, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'product_taxes_less_subsidies', 'quý III-2019', 'ước tính', 106614.80317326619, 106.57300000000001, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-09-28', 'product_taxes_less_subsidies', '9 tháng 2019', 'ước tính', 289146.35207863373, 106.4763634075621, '2019-09-28-03-Bieu-9.2019-Pass.xlsx'),
			('2019-12-27', 'total', 'quý III-2019', 'sơ bộ', 958625.150005922, 107.483672006639, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'total', 'quý IV-2019', 'ước tính', 1214051.9918900053, 106.9684315606362, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'total', 'cả năm 2019', 'ước tính', 3738545.925137899, 107.01743684365933, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'agriculture_forestry_fishery', 'quý III-2019', 'sơ bộ', 125066.64672797365, 102.00450834888089, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'agriculture_forestry_fishery', 'quý IV-2019', 'ước tính', 157354.08487776443, 101.62030114927983, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'agriculture_forestry_fishery', 'cả năm 2019', 'ước tính', 510631.6024819825, 102.0107000863644, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'industry_construction', 'quý III-2019', 'sơ bộ', 344993.3250126791, 110.15851753891177, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'industry_construction', 'quý IV-2019', 'ước tính', 448831.56001906615, 107.92433330131188, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'industry_construction', 'cả năm 2019', 'ước tính', 1353048.6326067012, 108.90422921993934, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'services', 'quý III-2019', 'sơ bộ', 381960.379014495, 107.276377828622, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'services', 'quý IV-2019', 'ước tính', 475814.38179342623, 108.0941630998308, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'services', 'cả năm 2019', 'ước tính', 1453677.376693325, 107.2986336375519, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'product_taxes_less_subsidies', 'quý III-2019', 'sơ bộ', 106604.79925077426, 106.563, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'product_taxes_less_subsidies', 'quý IV-2019', 'ước tính', 132051.9651997484, 106.44500055776184, '2019-12-27-03-Bieu-2019.xlsx'),
			('2019-12-27', 'product_taxes_less_subsidies', 'cả năm 2019', 'ước tính', 421188.3133558902, 106.464, '2019-12-27-03-Bieu-2019.xlsx'),
			('2020-03-27', 'total', 'quý I-2020', 'ước tính', 707222.7484354163, 103.82080679915266, '2020-03-27-02-Bieu-3-2020.xlsx'),
			('2020-03-27', 'agriculture_forestry_fishery', 'quý I-2020', 'ước tính', 72405.61902713309, 100.07643527964663, '2020-03-27-02-Bieu-3-2020.xlsx'),
			('2020-03-27', 'industry_construction', 'quý I-2020', 'ước tính', 260601.7699201979, 105.15373741241663, '2020-03-27-02-Bieu-3-2020.xlsx'),
			('2020-03-27', 'services', 'quý I-2020', 'ước tính', 285964.16488965857, 103.26641343956176, '2020-03-27-02-Bieu-3-2020.xlsx'),
			('2020-03-27', 'product_taxes_less_subsidies', 'quý I-2020', 'ước tính', 88251.19459842671, 104.9396226221717, '2020-03-27-02-Bieu-3-2020.xlsx'),
			('2020-06-29', 'total', 'quý I-2020', 'sơ bộ', 706277.9507513514, 103.68210982137786, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'total', 'quý II-2020', 'ước tính', 887862.3943674408, 100.3604938486205, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'total', '6 tháng 2020', 'ước tính', 1594140.3451187923, 101.8054872911054, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'agriculture_forestry_fishery', 'quý I-2020', 'sơ bộ', 72377.97667858013, 100.03822902240987, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'agriculture_forestry_fishery', 'quý II-2020', 'ước tính', 158542.44163322766, 101.72069748529933, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'agriculture_forestry_fishery', '6 tháng 2020', 'ước tính', 230920.4183118078, 101.18729989730974, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'industry_construction', 'quý I-2020', 'sơ bộ', 260211.500130117, 104.99626216948663, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'industry_construction', 'quý II-2020', 'ước tính', 315685.69506702636, 101.37807406140486, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'industry_construction', '6 tháng 2020', 'ước tính', 575897.1951971434, 102.98153425967529, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'services', 'quý I-2020', 'sơ bộ', 285937.00274012436, 103.25660473585654, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'services', 'quý II-2020', 'ước tính', 313378.2334971881, 98.24269049134057, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'services', '6 tháng 2020', 'ước tính', 599315.2362373124, 100.5726808812272, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'product_taxes_less_subsidies', 'quý I-2020', 'sơ bộ', 87751.47120253003, 104.34540081226314, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'product_taxes_less_subsidies', 'quý II-2020', 'ước tính', 100256.02416999856, 101.85056152498846, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-06-29', 'product_taxes_less_subsidies', '6 tháng 2020', 'ước tính', 188007.4953725286, 103, '2020-06-29-03-Bieu-6.2020.xlsx'),
			('2020-09-29', 'total', 'quý II-2020', 'sơ bộ', 888100.210699159, 100.387375676985, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'total', 'quý III-2020', 'ước tính', 983729.772117401, 102.618815301406, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'total', '9 tháng 2020', 'ước tính', 2578107.93356791, 102.12375239306, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'agriculture_forestry_fishery', 'quý II-2020', 'sơ bộ', 158662.189962657, 101.797527912955, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'agriculture_forestry_fishery', 'quý III-2020', 'ước tính', 128734.920312387, 102.93305503936, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'agriculture_forestry_fishery', '9 tháng 2020', 'ước tính', 359775.086953625, 101.839225262188, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'industry_construction', 'quý II-2020', 'sơ bộ', 316661.686135218, 101.691500030147, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'industry_construction', 'quý III-2020', 'ước tính', 355167.847595787, 102.949194040996, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'industry_construction', '9 tháng 2020', 'ước tính', 932041.033861122, 103.077132927148, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'services', 'quý II-2020', 'sơ bộ', 312812.360909534, 98.065291937312, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'services', 'quý III-2020', 'ước tính', 392478.805810164, 102.75380049177, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'services', '9 tháng 2020', 'ước tính', 991228.169459823, 101.366773733093, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'product_taxes_less_subsidies', 'quý II-2020', 'sơ bộ', 99963.97369175, 101.553866084994, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'product_taxes_less_subsidies', 'quý III-2020', 'ước tính', 107348.198399063, 100.697341164294, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-09-29', 'product_taxes_less_subsidies', '9 tháng 2020', 'ước tính', 295063.643293343, 102.05, '2020-09-29-03-Bieu-9.2020-EN.xlsx'),
			('2020-12-27', 'total', 'quý III-2020', 'sơ bộ', 984418.7002201483, 102.69068156766667, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'total', 'quý IV-2020', 'ước tính', 1268385.2747279687, 104.47536705189854, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'total', 'cả năm 2020', 'ước tính', 3847182.1363986274, 102.90584129327559, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'agriculture_forestry_fishery', 'quý III-2020', 'sơ bộ', 128559.30632701164, 102.792638717367, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'agriculture_forestry_fishery', 'quý IV-2020', 'ước tính', 164726.43385723067, 104.6851970733351, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'agriculture_forestry_fishery', 'cả năm 2020', 'ước tính', 524325.9068254795, 102.68183643098747, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'industry_construction', 'quý III-2020', 'sơ bộ', 356032, 103.19950978040072, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'industry_construction', 'quý IV-2020', 'ước tính', 473977.5165922063, 105.60253752478368, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'industry_construction', 'cả năm 2020', 'ước tính', 1406882.1230457304, 103.97868111623725, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'services', 'quý III-2020', 'sơ bộ', 392653.25711477816, 102.7994731097168, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'services', 'quý IV-2020', 'ước tính', 496222.97108004056, 104.28919134593848, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'services', 'cả năm 2020', 'ước tính', 1487625.5918444772, 102.33533352691877, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'product_taxes_less_subsidies', 'quý III-2020', 'sơ bộ', 107174.71659016906, 100.53460758183516, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'product_taxes_less_subsidies', 'quý IV-2020', 'ước tính', 133458.35319849127, 101.06502617860743, '2020-12-27-03-Bieu-2020.xlsx'),
			('2020-12-27', 'product_taxes_less_subsidies', 'cả năm 2020', 'ước tính', 428348, 101.69999999999999, '2020-12-27-03-Bieu-2020.xlsx'),
			('2021-03-29', 'total', 'quý I-2021', 'ước tính', 1189215.6721002443, 104.48, '2021-03-29-02-Bieu-3-2021-1.xlsx'),
			('2021-03-29', 'agriculture_forestry_fishery', 'quý I-2021', 'ước tính', 125510.1689891289, 103.16, '2021-03-29-02-Bieu-3-2021-1.xlsx'),
			('2021-03-29', 'industry_construction', 'quý I-2021', 'ước tính', 434967.298246337, 106.3, '2021-03-29-02-Bieu-3-2021-1.xlsx'),
			('2021-03-29', 'services', 'quý I-2021', 'ước tính', 508696.9460303254, 103.34, '2021-03-29-02-Bieu-3-2021-1.xlsx'),
			('2021-03-29', 'product_taxes_less_subsidies', 'quý I-2021', 'ước tính', 120041.25883445298, 104.32, '2021-03-29-02-Bieu-3-2021-1.xlsx'),
			('2021-06-29', 'total', 'quý I-2021', 'sơ bộ', 1194374, 104.65043726396992, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'total', 'quý II-2021', 'ước tính', 1248813, 106.6091728627359, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'total', '6 tháng 2021', 'ước tính', 2443187, 105.64254977433265, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'agriculture_forestry_fishery', 'quý I-2021', 'sơ bộ', 127861, 103.50836180276785, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'agriculture_forestry_fishery', 'quý II-2021', 'ước tính', 137147, 104.11200296187518, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'agriculture_forestry_fishery', '6 tháng 2021', 'ước tính', 265008, 103.8198821197646, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'industry_construction', 'quý I-2021', 'sơ bộ', 434445, 106.32706116979114, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'industry_construction', 'quý II-2021', 'ước tính', 478718, 110.28073821404911, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'industry_construction', '6 tháng 2021', 'ước tính', 913163, 108.36371379228378, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'services', 'quý I-2021', 'sơ bộ', 512297, 103.61874978645373, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'services', 'quý II-2021', 'ước tính', 515232, 104.2971830227679, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'services', '6 tháng 2021', 'ước tính', 1027529, 103.95782860096875, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'product_taxes_less_subsidies', 'quý I-2021', 'sơ bộ', 119771, 104.355, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'product_taxes_less_subsidies', 'quý II-2021', 'ước tính', 117716, 105.50933888750788, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-06-29', 'product_taxes_less_subsidies', '6 tháng 2021', 'ước tính', 237487, 104.92399999999999, '2021-06-29-03-Bieu-6.2021.xlsx'),
			('2021-09-29', 'total', 'quý II-2021', 'sơ bộ', 1248362.5881709433, 106.570691712752, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'total', 'quý III-2021', 'ước tính', 1201065.954587767, 93.83354230122733, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'total', '9 tháng 2021', 'ước tính', 3643801.8338578446, 101.42269948725682, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'agriculture_forestry_fishery', 'quý II-2021', 'sơ bộ', 137010, 104.00753961236681, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'agriculture_forestry_fishery', 'quý III-2021', 'ước tính', 156016.90966242264, 101.04363336520102, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'agriculture_forestry_fishery', '9 tháng 2021', 'ước tính', 420887.09748839505, 102.73989861525233, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'industry_construction', 'quý II-2021', 'sơ bộ', 479060.0572893032, 110.35944516869694, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'industry_construction', 'quý III-2021', 'ước tính', 450933.1943209955, 94.98482944213063, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'industry_construction', '9 tháng 2021', 'ước tính', 1364438.3971820055, 103.56848749142571, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'services', 'quý II-2021', 'sơ bộ', 514853.77612508234, 104.2206013845476, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'services', 'quý III-2021', 'ước tính', 481370.5966442115, 90.71663190651337, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'services', '9 tháng 2021', 'ước tính', 1508520.5935846537, 99.30748029853352, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'product_taxes_less_subsidies', 'quý II-2021', 'sơ bộ', 117439.31950362539, 105.26151105183483, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'product_taxes_less_subsidies', 'quý III-2021', 'ước tính', 112745.25396013714, 93.78435676734081, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-09-29', 'product_taxes_less_subsidies', '9 tháng 2021', 'ước tính', 349955.7456027904, 100.98, '2021-09-29-03-Bieu-9.2021.xlsx'),
			('2021-12-29', 'total', 'quý III-2021', 'sơ bộ', 1202879.4905516612, 93.97522519793493, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'total', 'quý IV-2021', 'ước tính', 1467489.7258432508, 105.2216678205903, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'total', 'cả năm 2021', 'ước tính', 5115805.095664989, 102.57554366613697, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'agriculture_forestry_fishery', 'quý III-2021', 'sơ bộ', 156252.18214171327, 101.19600650340637, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'agriculture_forestry_fishery', 'quý IV-2021', 'ước tính', 157234.40851039463, 103.16408660421735, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'agriculture_forestry_fishery', 'cả năm 2021', 'ước tính', 578356.7784780803, 102.89677913163342, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'industry_construction', 'quý III-2021', 'sơ bộ', 448697.6462694134, 94.51393230467559, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'industry_construction', 'quý IV-2021', 'ước tính', 547528.6645866262, 105.60800656369969, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'industry_construction', 'cả năm 2021', 'ước tính', 1910231, 104.0499141194875, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'services', 'quý III-2021', 'sơ bộ', 485149, 91.42883217166519, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'services', 'quý IV-2021', 'ước tính', 634633, 105.42359368732394, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'services', 'cả năm 2021', 'ước tính', 2146932.0509058735, 101.22151523803306, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'product_taxes_less_subsidies', 'quý III-2021', 'sơ bộ', 112779.909906424, 93.81318446089344, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'product_taxes_less_subsidies', 'quý IV-2021', 'ước tính', 128094.351014908, 105.15390374560025, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2021-12-29', 'product_taxes_less_subsidies', 'cả năm 2021', 'ước tính', 480284.752563985, 102.54266518893613, '2021-12-29-03-Bieu-2021-28.12.xlsx'),
			('2022-03-29', 'total', 'quý I-2022', 'ước tính', 1255312.381476204, 105.03183018102442, '2022-03-29-02-Bieu-3-2022-1.xlsx'),
			('2022-03-29', 'agriculture_forestry_fishery', 'quý I-2022', 'ước tính', 130990.22678985418, 102.4475643650121, '2022-03-29-02-Bieu-3-2022-1.xlsx'),
			('2022-03-29', 'industry_construction', 'quý I-2022', 'ước tính', 462709.7753793206, 106.38347848925159, '2022-03-29-02-Bieu-3-2022-1.xlsx'),
			('2022-03-29', 'services', 'quý I-2022', 'ước tính', 535753.7766708999, 104.57890472395164, '2022-03-29-02-Bieu-3-2022-1.xlsx'),
			('2022-03-29', 'product_taxes_less_subsidies', 'quý I-2022', 'ước tính', 125858, 104.82000000000001, '2022-03-29-02-Bieu-3-2022-1.xlsx'),
			('2022-06-29', 'total', 'quý I-2022', 'sơ bộ', 1255561.1860130571, 105.05264762554951, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'total', 'quý II-2022', 'ước tính', 1346821.3015521285, 107.72307468005143, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'total', '6 tháng 2022', 'ước tính', 2602382.4875651854, 106.41794003373965, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'agriculture_forestry_fishery', 'quý I-2022', 'sơ bộ', 131096.89640649996, 102.53099076013272, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'agriculture_forestry_fishery', 'quý II-2022', 'ước tính', 141144.11407757463, 103.01780590293606, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'agriculture_forestry_fishery', '6 tháng 2022', 'ước tính', 272241.0104840746, 102.7828056900632, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'industry_construction', 'quý I-2022', 'sơ bộ', 462816.5828299416, 106.40803502280723, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'industry_construction', 'quý II-2022', 'ước tính', 521538.4868116617, 108.86703637174782, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'industry_construction', '6 tháng 2022', 'ước tính', 984355.0696416032, 107.69687815347054, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'services', 'quý I-2022', 'sơ bộ', 536077.27495362, 104.64205144836143, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'services', 'quý II-2022', 'ước tính', 558902.7014410442, 108.5556185772755, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'services', '6 tháng 2022', 'ước tính', 1094979.976394664, 106.60370731210304, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'product_taxes_less_subsidies', 'quý I-2022', 'sơ bộ', 125570.4318229955, 104.58000000000001, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'product_taxes_less_subsidies', 'quý II-2022', 'ước tính', 125235.99922184781, 104.94110385642318, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-06-29', 'product_taxes_less_subsidies', '6 tháng 2022', 'ước tính', 250806.4310448433, 104.76, '2022-06-29-03-Bieu-6.2022-2.xlsx'),
			('2022-09-29', 'total', 'quý II-2022', 'sơ bộ', 1351540.569589825, 107.82858314255748, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'total', 'quý III-2022', 'ước tính', 1376320.95164018, 113.6669304114789, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'total', '9 tháng 2022', 'ước tính', 4006189.411059296, 108.83067548148682, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'agriculture_forestry_fishery', 'quý II-2022', 'sơ bộ', 139008.75805914716, 103.05135801750633, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'agriculture_forestry_fishery', 'quý III-2022', 'ước tính', 148123.2246324832, 103.23532545779057, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'agriculture_forestry_fishery', '9 tháng 2022', 'ước tính', 424500.6000484401, 102.99169795131067, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'industry_construction', 'quý II-2022', 'sơ bộ', 499878.87407129584, 108.70379432418747, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'industry_construction', 'quý III-2022', 'ước tính', 516566.66795200773, 112.91229858263793, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'industry_construction', '9 tháng 2022', 'ước tính', 1477552.6601416396, 109.44356427826503, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'services', 'quý II-2022', 'sơ bộ', 587355.3392791194, 108.91625889529722, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'services', 'quý III-2022', 'ước tính', 587646.7209197523, 118.85828638374957, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'services', '9 tháng 2022', 'ước tính', 1728261.563842105, 110.5720568695286, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'product_taxes_less_subsidies', 'quý II-2022', 'sơ bộ', 125297.59818026259, 104.94231918902477, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'product_taxes_less_subsidies', 'quý III-2022', 'ước tính', 123984.33813593697, 107.39007080107994, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-09-29', 'product_taxes_less_subsidies', '9 tháng 2022', 'ước tính', 375873, 105.62, '2022-09-29-03-Bieu-9.2022.xlsx'),
			('2022-12-29', 'total', 'quý III-2022', 'sơ bộ', 1376896.1261282114, 113.71443264446286, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'total', 'quý IV-2022', 'ước tính', 1538951.3435323397, 105.91909688545246, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'total', 'cả năm 2022', 'ước tính', 5545715.929079668, 108.0178974916842, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'agriculture_forestry_fishery', 'quý III-2022', 'sơ bộ', 148777.2640285828, 103.69116194181316, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'agriculture_forestry_fishery', 'quý IV-2022', 'ước tính', 178957.6007508889, 103.854183045287, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'agriculture_forestry_fishery', 'cả năm 2022', 'ước tính', 604112.2401954286, 103.35787289724014, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'industry_construction', 'quý III-2022', 'sơ bộ', 513272.1526997672, 112.19217606423999, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'industry_construction', 'quý IV-2022', 'ước tính', 562396.4740368334, 104.21827155519685, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'industry_construction', 'cả năm 2022', 'ước tính', 2036654.6189262324, 107.77705304589836, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'services', 'quý III-2022', 'sơ bộ', 590050.6223772984, 119.34450301307432, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'services', 'quý IV-2022', 'ước tính', 666854.013613726, 108.1167739715647, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'services', 'cả năm 2022', 'ước tính', 2397519.4789133775, 109.98759963748815, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'product_taxes_less_subsidies', 'quý III-2022', 'sơ bộ', 124796.087022563, 108.0931738842443, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'product_taxes_less_subsidies', 'quý IV-2022', 'ước tính', 130743.25513089112, 105.25999999999999, '2022-12-29-03-Bieu-2022.xlsx'),
			('2022-12-29', 'product_taxes_less_subsidies', 'cả năm 2022', 'ước tính', 507429.59104462864, 105.69594365578926, '2022-12-29-03-Bieu-2022.xlsx'),
			('2023-03-29', 'total', 'quý I-2023', 'ước tính', 1320754.54785327, 103.3189182807898, '2023-03-29-02-Bieu-T3.2023-3.xlsx'),
			('2023-03-29', 'agriculture_forestry_fishery', 'quý I-2023', 'ước tính', 140836.3475942324, 102.52439771481092, '2023-03-29-02-Bieu-T3.2023-3.xlsx'),
			('2023-03-29', 'industry_construction', 'quý I-2023', 'ước tính', 459242.83658296533, 99.59569447919644, '2023-03-29-02-Bieu-T3.2023-3.xlsx'),
			('2023-03-29', 'services', 'quý I-2023', 'ước tính', 590816.6225768188, 106.78833688102425, '2023-03-29-02-Bieu-T3.2023-3.xlsx'),
			('2023-03-29', 'product_taxes_less_subsidies', 'quý I-2023', 'ước tính', 129858.74109925347, 102.58, '2023-03-29-02-Bieu-T3.2023-3.xlsx'),
			('2023-06-29', 'total', 'quý I-2023', 'sơ bộ', 1320198.972276935, 103.27545716406416, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'total', 'quý II-2023', 'ước tính', 1407472.9780028649, 104.13841875497785, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'total', '6 tháng 2023', 'ước tính', 2727671.9502798, 103.7189499159318, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'agriculture_forestry_fishery', 'quý I-2023', 'sơ bộ', 141348.40628354138, 102.89716021265198, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'agriculture_forestry_fishery', 'quý II-2023', 'ước tính', 143521.4970017262, 103.2463702327726, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'agriculture_forestry_fishery', '6 tháng 2023', 'ước tính', 284869.9032852676, 103.07280140298356, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'industry_construction', 'quý I-2023', 'sơ bộ', 459470.9338219076, 99.64516177865455, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'industry_construction', 'quý II-2023', 'ước tính', 512382.6145217025, 102.50135404774542, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'industry_construction', '6 tháng 2023', 'ước tính', 971853.5483436103, 101.13087560508727, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'services', 'quý I-2023', 'sơ bộ', 589558.8688674456, 106.56100166109748, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'services', 'quý II-2023', 'ước tính', 623252.5027198007, 106.1116603595941, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'services', '6 tháng 2023', 'ước tính', 1212811.3715872464, 106.32961504164894, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'product_taxes_less_subsidies', 'quý I-2023', 'sơ bộ', 129820.7633040402, 102.55000000000001, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'product_taxes_less_subsidies', 'quý II-2023', 'ước tính', 128316.36375963544, 102.40927649309752, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-06-29', 'product_taxes_less_subsidies', '6 tháng 2023', 'ước tính', 258137.12706367564, 102.47999999999999, '2023-06-29-02.-Bieu-T6.2023.xlsx'),
			('2023-09-29', 'total', 'quý II-2023', 'sơ bộ', 1406292.8234793153, 104.05109954680138, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'total', 'quý III-2023', 'ước tính', 1450322.4543775164, 105.33274275084182, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'total', '9 tháng 2023', 'ước tính', 4176814.250133767, 104.24406428324164, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'agriculture_forestry_fishery', 'quý II-2023', 'sơ bộ', 144094.41515514514, 103.65851559786907, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'agriculture_forestry_fishery', 'quý III-2023', 'ước tính', 154315.7569779795, 103.7226742846492, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'agriculture_forestry_fishery', '9 tháng 2023', 'ước tính', 439758.578416666, 103.43497109456604, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'industry_construction', 'quý II-2023', 'sơ bộ', 510371.00451397186, 102.09893455933079, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'industry_construction', 'quý III-2023', 'ước tính', 539923.7542936617, 105.19248931721516, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'industry_construction', '9 tháng 2023', 'ước tính', 1509765.6926295415, 102.40850274178774, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'services', 'quý II-2023', 'sơ bộ', 623611.7961501194, 106.17283175045257, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'services', 'quý III-2023', 'ước tính', 626848.0921170809, 106.23632419732505, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'services', '9 tháng 2023', 'ước tính', 1840018, 106.31856901449532, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'product_taxes_less_subsidies', 'quý II-2023', 'sơ bộ', 128215.60766007898, 102.32886306058184, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'product_taxes_less_subsidies', 'quý III-2023', 'ước tính', 129234, 103.55681341629635, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-09-29', 'product_taxes_less_subsidies', '9 tháng 2023', 'ước tính', 387271.22195291356, 102.81, '2023-09-29-02-Bieu-so-lieu-9-thang-2023-2.xlsx'),
			('2023-12-29', 'total', 'quý III-2023', 'sơ bộ', 1454276.08096714, 105.469891959762, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'total', 'quý IV-2023', 'ước tính', 1643902.24118031, 106.72379404153, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'total', 'cả năm 2023', 'ước tính', 5830724.94779426, 105.046430690886, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'agriculture_forestry_fishery', 'quý III-2023', 'sơ bộ', 158330.308974203, 104.304803961508, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'agriculture_forestry_fishery', 'quý IV-2023', 'ước tính', 184544.946661713, 104.127582394302, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'agriculture_forestry_fishery', 'cả năm 2023', 'ước tính', 630674.945618681, 103.83345579182, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'industry_construction', 'quý III-2023', 'sơ bộ', 538174.017485532, 105.159876363963, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'industry_construction', 'quý IV-2023', 'ước tính', 605975.234475156, 107.353321223501, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'industry_construction', 'cả năm 2023', 'ước tính', 2107018.33038503, 103.741156568657, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'services', 'quý III-2023', 'sơ bộ', 628426.547837268, 106.425505204073, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'services', 'quý IV-2023', 'ước tính', 716361.560202913, 107.285363394241, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'services', 'cả năm 2023', 'ước tính', 2568457.85354316, 106.81853055434, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'product_taxes_less_subsidies', 'quý III-2023', 'sơ bộ', 129345.206670136, 103.636937713425, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'product_taxes_less_subsidies', 'quý IV-2023', 'ước tính', 137020.499840528, 104.66, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2023-12-29', 'product_taxes_less_subsidies', 'cả năm 2023', 'ước tính', 524573.818247396, 103.326433775437, '2023-12-29-02.Bieu-T12.2023.xlsx'),
			('2024-03-29', 'total', 'quý I-2024', 'ước tính', 1396659.503877185, 5.657544227567939, '2024-03-29-02-Bieu-3.2024-ngay-28.3-1.xlsx'),
			('2024-03-29', 'agriculture_forestry_fishery', 'quý I-2024', 'ước tính', 145600.12519140786, 2.9793067161352838, '2024-03-29-02-Bieu-3.2024-ngay-28.3-1.xlsx'),
			('2024-03-29', 'industry_construction', 'quý I-2024', 'ước tính', 488208.4614999061, 6.281638204280512, '2024-03-29-02-Bieu-3.2024-ngay-28.3-1.xlsx'),
			('2024-03-29', 'services', 'quý I-2024', 'ước tính', 627420.3556424179, 6.1157088486256725, '2024-03-29-02-Bieu-3.2024-ngay-28.3-1.xlsx'),
			('2024-03-29', 'product_taxes_less_subsidies', 'quý I-2024', 'ước tính', 135430.5615434532, 4.280000000000001, '2024-03-29-02-Bieu-3.2024-ngay-28.3-1.xlsx'),
			('2024-06-29', 'total', 'quý I-2024', 'sơ bộ', 1399516.729561377, 105.87369386766106, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'total', 'quý II-2024', 'ước tính', 1508387.006100983, 106.92678621128367, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'total', '6 tháng 2024', 'ước tính', 2907903.73566236, 106.41735106620686, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'agriculture_forestry_fishery', 'quý I-2024', 'sơ bộ', 146230.12334538743, 103.42488856604079, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'agriculture_forestry_fishery', 'quý II-2024', 'ước tính', 151303.36761245312, 103.34086693458468, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'agriculture_forestry_fishery', '6 tháng 2024', 'ước tính', 297533.4909578405, 103.38214435729887, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'industry_construction', 'quý I-2024', 'sơ bộ', 489927.77858318307, 106.6559288006415, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'industry_construction', 'quý II-2024', 'ước tính', 545236.5962438392, 108.28595118954706, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'industry_construction', '6 tháng 2024', 'ước tính', 1035164.3748270223, 107.5083204999155, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'services', 'quý I-2024', 'sơ bộ', 627889.3044778622, 106.19502224297028, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'services', 'quý II-2024', 'ước tính', 677029.997103648, 107.05569021891009, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'services', '6 tháng 2024', 'ước tính', 1304919.3015815103, 106.6398271573786, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'product_taxes_less_subsidies', 'quý I-2024', 'sơ bộ', 135469.52315494439, 104.30999999999999, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'product_taxes_less_subsidies', 'quý II-2024', 'ước tính', 134817.04514104244, 105.05, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-06-29', 'product_taxes_less_subsidies', '6 tháng 2024', 'ước tính', 270286.56829598686, 104.67779903505519, '2024-06-29-02.Bieu-T6.2024.xlsx'),
			('2024-09-29', 'total', 'quý II-2024', 'sơ bộ', 1510735.0529952822, 107.09323494576977, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'total', 'quý III-2024', 'ước tính', 1561963.0887278125, 107.40485312039641, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'total', '9 tháng 2024', 'ước tính', 4472214.871284472, 106.81643777797618, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'agriculture_forestry_fishery', 'quý II-2024', 'sơ bộ', 151741.2100224616, 103.63991523036948, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'agriculture_forestry_fishery', 'quý III-2024', 'ước tính', 162421.00942081067, 102.58364963291635, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'agriculture_forestry_fishery', '9 tháng 2024', 'ước tính', 460392.34278865973, 103.19690311457114, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'industry_construction', 'quý II-2024', 'sơ bộ', 546796.7265039906, 108.59579867660851, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'industry_construction', 'quý III-2024', 'ước tính', 587190.2133210329, 109.10787110543092, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'industry_construction', '9 tháng 2024', 'ước tính', 1623914.7184082062, 108.18574915224899, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'services', 'quý II-2024', 'sơ bộ', 677316.0316271447, 107.10091956394703, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'services', 'quý III-2024', 'ước tính', 675595.3083188409, 107.5058510248977, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'services', '9 tháng 2024', 'ước tính', 1980800.6444238476, 106.94911768607258, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'product_taxes_less_subsidies', 'quý II-2024', 'sơ bộ', 134881.08484168537, 105.0999, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'product_taxes_less_subsidies', 'quý III-2024', 'ước tính', 136756.55766712813, 105.7299, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-09-29', 'product_taxes_less_subsidies', '9 tháng 2024', 'ước tính', 407107.16566375794, 105.04545989627208, '2024-09-29-2.Bieu-T9.2024.xlsx'),
			('2024-12-29', 'total', 'quý III-2024', 'sơ bộ', 1567922.6179313809, 107.42923848772219, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'total', 'quý IV-2024', 'ước tính', 1773651.8212343655, 107.55016669168762, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'total', 'cả năm 2024', 'ước tính', 6269209.955681868, 107.09118741227603, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'agriculture_forestry_fishery', 'quý III-2024', 'sơ bộ', 161767.12620484867, 102.94594916927014, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'agriculture_forestry_fishery', 'quý IV-2024', 'ước tính', 192991.13482516704, 102.98876260528098, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'agriculture_forestry_fishery', 'cả năm 2024', 'ước tính', 653355.2609002928, 103.27328584656557, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'industry_construction', 'quý III-2024', 'sơ bộ', 588544.520690536, 108.98247716388185, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'industry_construction', 'quý IV-2024', 'ước tính', 657896.415346638, 108.35400933871703, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'industry_construction', 'cả năm 2024', 'ước tính', 2287201.8155579795, 108.23995853820993, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'services', 'quý III-2024', 'sơ bộ', 680490.404210187, 107.51715519041056, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'services', 'quý IV-2024', 'ước tính', 776143.0563865023, 108.21005060095258, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'services', 'cả năm 2024', 'ước tính', 2774081.430245222, 107.37934282314076, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'product_taxes_less_subsidies', 'quý III-2024', 'sơ bộ', 137120.5668258093, 105.9613525148277, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'product_taxes_less_subsidies', 'quý IV-2024', 'ước tính', 146621.21467605827, 106.77377564463353, '2024-12-29-02.Bieu-T12.2024.xlsx'),
			('2024-12-29', 'product_taxes_less_subsidies', 'cả năm 2024', 'ước tính', 554571.4489783739, 105.65, '2024-12-29-02.Bieu-T12.2024.xlsx')
	) AS r(released, sector, period, vintage, value, printed_index, workbook);

	INSERT INTO @extschema@.observation (unit_id, indicator_code, period, vintage, value, source, recorded_at)
	SELECT vn, x.code, lower(r.span), r.vintage, x.value, r.source, r.released
	FROM gso_release r, LATERAL (VALUES (r.code, r.value), (r.code || '_INDEX', r.printed_index)) AS x(code, value)
	WHERE upper(r.span) OPERATOR(@extschema@.-) lower(r.span) = 1;
	INSERT INTO @extschema@.cumulative_observation (unit_id, indicator_code, period, vintage, value, source, recorded_at)
	SELECT vn, x.code, upper(r.span) OPERATOR(@extschema@.-) 1, r.vintage, x.value, r.source, r.released
	FROM gso_release r, LATERAL (VALUES (r.code, r.value), (r.code || '_INDEX', r.printed_index)) AS x(code, value)
	WHERE upper(r.span) OPERATOR(@extschema@.-) lower(r.span) > 1;

	RETURN format('loaded: %s releases of the General Statistics Office, %s quarterly figures, %s cumulative figures (unit VN)',
				  (SELECT count(DISTINCT released) FROM gso_release),
				  (SELECT count(*) FROM @extschema@.observation WHERE unit_id = vn),
				  (SELECT count(*) FROM @extschema@.cumulative_observation WHERE unit_id = vn));
END
$$;
COMMENT ON FUNCTION @extschema@.load_gso_demo() IS
	'loads real national data: GSO''s quarterly GDP at 2010 prices and its printed development indices as published in 24 releases (2019-2024), each figure known from its release date (kept when a superuser loads it), for unit VN';

-- NTM 2026-2030 (src/ntm/ntm_model.sql, ntm_2026.sql, ntm_import.sql): the
-- modern tier and the province set of QĐ 51/2025, the criteria names as
-- the decision gives them, how many indicators the decision has, the commune
-- groups, the province conditions, the coverage of thresholds and a loader
-- for indicators.  ntm_commune_status (level hien_dai) and
-- ntm_district_status (applies) are created above in their new form.
ALTER TABLE @extschema@.ntm_criteria_set DROP CONSTRAINT ntm_criteria_set_tier_check,
	ADD CONSTRAINT ntm_criteria_set_tier_check CHECK (tier IN ('ntm', 'nang_cao', 'kieu_mau', 'hien_dai')),
	ADD COLUMN indicators_expected integer;
COMMENT ON COLUMN @extschema@.ntm_criteria_set.tier IS 'ntm, nang_cao (advanced, 2021-2025), kieu_mau (model, 2021-2025) or hien_dai (modern, 2026-2030 pilot)';
COMMENT ON COLUMN @extschema@.ntm_criteria_set.indicators_expected IS 'how many indicators the decision has, where confirmed (47 for 2026-2030); ntm_threshold_coverage compares it with the indicators loaded';
UPDATE @extschema@.ntm_criteria_set
SET source = 'QĐ 51/2025/QĐ-TTg of 29 Dec 2025, in force 15 Feb 2026, Annex I (confirmed); the 47 indicators'' names and thresholds not available'
WHERE code = 'NTM_XA_2026';
INSERT INTO @extschema@.ntm_criteria_set
	(code, decision, name_vi, level, tier, first_year, last_year, zone_dimension, confirmed, source, shipped) VALUES
('NTM_HD_2026', '51/2025/QĐ-TTg', 'Xã nông thôn mới hiện đại giai đoạn 2026-2030 (thí điểm, Phụ lục II)', 'commune', 'hien_dai', 2026, 2030, 'commune_group', true, 'QĐ 51/2025/QĐ-TTg, Annex II: pilot framework for the modern NTM commune (existence confirmed); its conditions not available', true),
('NTM_TINH_2026', '51/2025/QĐ-TTg', 'Điều kiện tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2026-2030 (Phụ lục III)', 'province', 'ntm', 2026, 2030, 'none', true, 'QĐ 51/2025/QĐ-TTg, Annex III (existence confirmed; its two conditions single source), scored by ntm_province_status', true);
UPDATE @extschema@.ntm_criteria_set SET indicators_expected = 47 WHERE code = 'NTM_XA_2026';
-- QĐ 51/2025 Annex I: the 10 criteria of 2026-2030, named as the decision
-- names them (an update: indicators a user loaded keep their criterion)
UPDATE @extschema@.ntm_criterion c SET name_vi = v.vi, name_en = v.en
FROM (VALUES (1, 'Quy hoạch', 'Planning'), (2, 'Hạ tầng kinh tế - xã hội', 'Socio-economic infrastructure'),
			 (3, 'Phát triển kinh tế nông thôn', 'Rural economy'),
			 (4, 'Đào tạo nguồn nhân lực nông thôn', 'Rural human resources'),
			 (5, 'Văn hóa, giáo dục, y tế', 'Culture, education, health'),
			 (6, 'Giảm nghèo và an sinh xã hội', 'Poverty reduction and social security'),
			 (7, 'Khoa học công nghệ và chuyển đổi số', 'Science, technology and digital transformation'),
			 (8, 'Môi trường và cảnh quan nông thôn', 'Environment and rural landscape'),
			 (9, 'Xây dựng hệ thống chính trị và hành chính công', 'Political system and public administration'),
			 (10, 'Tiếp cận pháp luật và an ninh, quốc phòng', 'Access to law, security and defence')) AS v(no, vi, en)
WHERE c.set_code = 'NTM_XA_2026' AND c.criterion_no = v.no;

-- QĐ 51/2025 Annex III: a province completes the NTM task (single source).
INSERT INTO @extschema@.ntm_criterion (set_code, criterion_no, name_vi, name_en, confirmed, shipped) VALUES
('NTM_TINH_2026', 1, '100% số xã đạt chuẩn nông thôn mới', 'every commune meets the NTM standard', false, true),
('NTM_TINH_2026', 2, 'Ít nhất 10% số xã đạt chuẩn nông thôn mới hiện đại', 'at least 10% of communes are modern NTM communes', false, true);

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

-- The "quý II và 6 tháng" layout (src/data/report.sql).
-- "Quý II và 6 tháng": the layout of the releases that print a quarter and
-- the year to date side by side, each against the same period last year.
-- One row per indicator with a figure for the quarter, from report_figures
-- (the same measures as quarterly_report and quarter_report); the year to
-- date is the published span where there is one (ytd_published).
CREATE FUNCTION @extschema@.quarter_ytd_table(unit_code text, period @extschema@.quarter, as_of timestamptz DEFAULT NULL)
RETURNS TABLE (indicator_code text, indicator_name text, unit_of_measure text, decimals integer,
			   quarter_label text, value numeric, value_same_period_last_year numeric, yoy_pct numeric,
			   ytd_label text, ytd numeric, ytd_last_year numeric, ytd_yoy_pct numeric, ytd_published boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u bigint;
BEGIN
	-- no rows for a NULL unit code or quarter (not STRICT: a NULL as_of means now)
	IF quarter_ytd_table.unit_code IS NULL OR quarter_ytd_table.period IS NULL THEN
		RETURN;
	END IF;
	u := (@extschema@.report_unit(quarter_ytd_table.unit_code, quarter_ytd_table.period)).unit_id;
	RETURN QUERY
	SELECT f.indicator_code, f.indicator_name, f.unit_of_measure, f.decimals,
		   @extschema@.label_vi(quarter_ytd_table.period), f.value, f.value_same_period_last_year, f.yoy_pct,
		   @extschema@.period_label_vi(@extschema@.quarterrange(
			   @extschema@.make_quarter(@extschema@.year(quarter_ytd_table.period), 1),
			   quarter_ytd_table.period OPERATOR(@extschema@.+) 1)),
		   f.ytd, f.ytd_last_year, f.ytd_yoy_pct, f.ytd_published
	FROM @extschema@.report_figures(u, quarter_ytd_table.period, quarter_ytd_table.as_of) AS f;
END
$$;
COMMENT ON FUNCTION @extschema@.quarter_ytd_table(text, @extschema@.quarter, timestamptz) IS
	'the "quý II và 6 tháng" layout of a unit: per indicator the quarter and the year to date (the published span where there is one), each with the same period last year and the growth on it, labelled in Vietnamese, as known at as_of (NULL: now); no rows for a NULL unit code or quarter';

-- The period as text: any quarter spelling, or a heading from January
-- ("6 tháng đầu năm 2023", "9 tháng năm 2023", "cả năm 2023"), which names
-- its last quarter; drivers bind text or varchar parameters.
CREATE FUNCTION @extschema@.quarter_ytd_table(unit_code text, period text, as_of timestamptz DEFAULT NULL)
RETURNS TABLE (indicator_code text, indicator_name text, unit_of_measure text, decimals integer,
			   quarter_label text, value numeric, value_same_period_last_year numeric, yoy_pct numeric,
			   ytd_label text, ytd numeric, ytd_last_year numeric, ytd_yoy_pct numeric, ytd_published boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	span @extschema@.quarterrange := @extschema@.parse_period_vi(quarter_ytd_table.period);
BEGIN
	-- parse_period_vi gives a single quarter or a span from January
	RETURN QUERY
	SELECT * FROM @extschema@.quarter_ytd_table(quarter_ytd_table.unit_code,
												upper(span) OPERATOR(@extschema@.-) 1, quarter_ytd_table.as_of);
END
$$;
COMMENT ON FUNCTION @extschema@.quarter_ytd_table(text, text, timestamptz) IS
	'quarter_ytd_table with the period as text: a quarter in any spelling or a span from January (6 tháng đầu năm 2023 is its second quarter), for drivers that bind text or varchar parameters';

-- ---------------------------------------------------------------------------
-- Crop seasons and plan periods (src/season/season.sql, src/data/season_figure.sql,
-- src/data/plan_period.sql)
-- ---------------------------------------------------------------------------
-- ---------------------------------------------------------------------------
-- crop_season: a season of a crop year ("vụ Đông Xuân 2022-2023", "vụ Mùa
-- 2023"), 4 bytes, passed by value.  The stored integer is
-- crop_year * 8 + kind, so integer order is (crop year, season) order and
-- PostgreSQL's int4 functions serve for comparison and hashing.
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.crop_season;

CREATE FUNCTION @extschema@.crop_season_in(cstring) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_out(@extschema@.crop_season) RETURNS cstring
	AS 'MODULE_PATHNAME', 'crop_season_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_recv(internal) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_send(@extschema@.crop_season) RETURNS bytea
	AS 'MODULE_PATHNAME', 'crop_season_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.crop_season (
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain,
	INPUT = @extschema@.crop_season_in,
	OUTPUT = @extschema@.crop_season_out,
	RECEIVE = @extschema@.crop_season_recv,
	SEND = @extschema@.crop_season_send,
	CATEGORY = 'D'
);
COMMENT ON TYPE @extschema@.crop_season IS
	'a crop season of a crop year: vụ Đông Xuân 2022-2023, vụ Xuân / Hè Thu / Thu Đông / Mùa / Đông 2023; the crop year is the year of harvest (Đông Xuân 2022-2023 is 2023), the winter crop vụ Đông is named by its year of sowing';
COMMENT ON FUNCTION @extschema@.crop_season_in(cstring) IS
	'text input of crop_season: any case, diacritics optional, "vụ" and "năm" optional (22007 not a season or ambiguous, 22008 year out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_out(@extschema@.crop_season) IS
	'text output of crop_season: the label as reports write it (vụ Đông Xuân 2022-2023)';
COMMENT ON FUNCTION @extschema@.crop_season_recv(internal) IS
	'binary input of crop_season: int4 crop_year * 8 + kind (0 Đông Xuân, 1 Xuân, 2 Hè Thu, 3 Thu Đông, 4 Mùa, 5 Đông), range-checked';
COMMENT ON FUNCTION @extschema@.crop_season_send(@extschema@.crop_season) IS
	'binary output of crop_season: int4 crop_year * 8 + kind';

CREATE FUNCTION @extschema@.is_valid_crop_season(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'crop_season_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid_crop_season(text) IS
	'true if the text is a season label that crop_season input accepts; never raises an error';

CREATE FUNCTION @extschema@.label_vi(@extschema@.crop_season) RETURNS text
	AS 'MODULE_PATHNAME', 'crop_season_label_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label_vi(@extschema@.crop_season) IS
	'the season as reports write it: vụ Đông Xuân 2022-2023, vụ Mùa 2023';

-- label_vi of a literal or a text value: without this overload,
-- label_vi('2023-Q1') would be ambiguous between quarter and crop_season
-- (PostgreSQL prefers the text candidate for an untyped literal).  A season
-- label ("vụ ...") is read as a season, anything else as a quarter, each
-- with its own input errors.
CREATE FUNCTION @extschema@.label_vi(text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN CASE WHEN @extschema@.is_valid_crop_season($1) OR lower(btrim($1)) LIKE 'vụ %' OR lower(btrim($1)) LIKE 'vu %'
				THEN @extschema@.label_vi($1::@extschema@.crop_season)
				ELSE @extschema@.label_vi($1::@extschema@.quarter) END;
COMMENT ON FUNCTION @extschema@.label_vi(text) IS
	'the Vietnamese label of a quarter or a crop season written as text: label_vi(''2023-Q1'') is quý I-2023, label_vi(''vụ đông xuân 2022 - 2023'') is vụ Đông Xuân 2022-2023';

CREATE FUNCTION @extschema@.crop_season(kind text, crop_year integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season(text, integer) IS
	'a season from its kind (dong_xuan, xuan, he_thu, thu_dong, mua, dong) and crop year; 22023 unknown kind, 22008 year out of range';

CREATE FUNCTION @extschema@.crop_year(@extschema@.crop_season) RETURNS integer
	AS 'MODULE_PATHNAME', 'crop_season_crop_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_year(@extschema@.crop_season) IS
	'the crop year of the season (vụ Đông Xuân 2022-2023: 2023; vụ Đông 2023: 2023)';

CREATE FUNCTION @extschema@.season_kind(@extschema@.crop_season) RETURNS text
	AS 'MODULE_PATHNAME', 'crop_season_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.season_kind(@extschema@.crop_season) IS
	'the kind of the season: dong_xuan, xuan, he_thu, thu_dong, mua or dong';

-- Comparison: the int4 functions, applied to crop_year * 8 + kind -------------

CREATE FUNCTION @extschema@.crop_season_eq(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_ne(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_lt(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_le(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4le' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_gt(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_ge(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season) RETURNS integer
	AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_sortsupport(internal) RETURNS void
	AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_hash(@extschema@.crop_season) RETURNS integer
	AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint) RETURNS bigint
	AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season_eq(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of = for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_ne(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of <> for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_lt(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of < for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_le(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of <= for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_gt(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of > for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_ge(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of >= for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season) IS 'btree comparison of seasons: by crop year, then by season within the year';
COMMENT ON FUNCTION @extschema@.crop_season_sortsupport(internal) IS 'btree sort support for crop_season (integer comparator)';
COMMENT ON FUNCTION @extschema@.crop_season_hash(@extschema@.crop_season) IS '32-bit hash of a season';
COMMENT ON FUNCTION @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint) IS '64-bit seeded hash of a season (hash partitioning, Citus distribution)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.crop_season, @extschema@.crop_season) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.crop_season, @extschema@.crop_season) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.crop_season, @extschema@.crop_season) IS 'earlier crop year, or earlier season in the same crop year';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.crop_season, @extschema@.crop_season) IS 'earlier than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.crop_season, @extschema@.crop_season) IS 'later crop year, or later season in the same crop year';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.crop_season, @extschema@.crop_season) IS 'later than or equal';

CREATE OPERATOR CLASS @extschema@.crop_season_ops
	DEFAULT FOR TYPE @extschema@.crop_season USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season),
		FUNCTION 2 @extschema@.crop_season_sortsupport(internal),
		FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR FAMILY @extschema@.crop_season_ops USING btree IS 'btree operators for crop_season';
COMMENT ON OPERATOR CLASS @extschema@.crop_season_ops USING btree IS
	'default btree class: ordering by crop year then season, sort support, deduplication';

CREATE OPERATOR CLASS @extschema@.crop_season_hash_ops
	DEFAULT FOR TYPE @extschema@.crop_season USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.crop_season_hash(@extschema@.crop_season),
		FUNCTION 2 @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint);
COMMENT ON OPERATOR FAMILY @extschema@.crop_season_hash_ops USING hash IS 'hash operators for crop_season';
COMMENT ON OPERATOR CLASS @extschema@.crop_season_hash_ops USING hash IS
	'default hash class: hash joins, hash aggregation, hash partitioning';

-- Arithmetic in crop years: "- 1" is the same season a year before --------

CREATE FUNCTION @extschema@.crop_season_pl_int4(@extschema@.crop_season, integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_pl_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_mi_int4(@extschema@.crop_season, integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_mi_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_mi_crop_season(@extschema@.crop_season, @extschema@.crop_season) RETURNS integer
	AS 'MODULE_PATHNAME', 'crop_season_mi_crop_season' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season_pl_int4(@extschema@.crop_season, integer) IS 'the same season n crop years later (22008 out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_mi_int4(@extschema@.crop_season, integer) IS 'the same season n crop years before (22008 out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_mi_crop_season(@extschema@.crop_season, @extschema@.crop_season) IS
	'crop years from the second season to the first, both of the same kind (22023 otherwise)';
CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.crop_season, RIGHTARG = integer, FUNCTION = @extschema@.crop_season_pl_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.crop_season, RIGHTARG = integer, FUNCTION = @extschema@.crop_season_mi_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season, FUNCTION = @extschema@.crop_season_mi_crop_season
);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.crop_season, integer) IS 'the same season n crop years later';
COMMENT ON OPERATOR @extschema@.- (@extschema@.crop_season, integer) IS 'the same season n crop years before: season - 1 is the same season a year before';
COMMENT ON OPERATOR @extschema@.- (@extschema@.crop_season, @extschema@.crop_season) IS 'crop years between two seasons of the same kind';

-- The months of a season, as data a province can set -------------------------
-- Rows with scope '*' are the defaults; a row whose scope is a unit code
-- (a province) overrides them for that unit and the units under it.  The
-- shipped defaults are ILLUSTRATIVE (typical months, not an official
-- calendar): each province should load its own.
CREATE TABLE @extschema@.crop_season_calendar (
	scope			text NOT NULL DEFAULT '*',
	kind			text NOT NULL CHECK (kind IN ('dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong')),
	-- months relative to the crop year: offset -1 is the year before, +1 the year after
	first_month		smallint NOT NULL CHECK (first_month BETWEEN 1 AND 12),
	first_year_offset smallint NOT NULL CHECK (first_year_offset BETWEEN -1 AND 0),
	last_month		smallint NOT NULL CHECK (last_month BETWEEN 1 AND 12),
	last_year_offset smallint NOT NULL CHECK (last_year_offset BETWEEN 0 AND 1),
	source			text NOT NULL,
	illustrative	boolean NOT NULL,
	shipped			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (scope, kind),
	CONSTRAINT crop_season_calendar_span CHECK (
		(last_year_offset * 12 + last_month) - (first_year_offset * 12 + first_month) BETWEEN 0 AND 11)
);
COMMENT ON TABLE @extschema@.crop_season_calendar IS
	'the months each season spans, by scope (''*'': default; a unit code: that unit and the units under it); the shipped defaults are ILLUSTRATIVE';
COMMENT ON COLUMN @extschema@.crop_season_calendar.scope IS '''*'' for the default, or the code of the unit (a province) the row applies to';
COMMENT ON COLUMN @extschema@.crop_season_calendar.kind IS 'the season: dong_xuan, xuan, he_thu, thu_dong, mua or dong';
COMMENT ON COLUMN @extschema@.crop_season_calendar.first_month IS 'first month of the season (sowing)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.first_year_offset IS 'year of the first month relative to the crop year: -1 (Đông Xuân starts the winter before) or 0';
COMMENT ON COLUMN @extschema@.crop_season_calendar.last_month IS 'last month of the season (harvest)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.last_year_offset IS 'year of the last month relative to the crop year: 0, or +1 (vụ Đông is harvested the year after its sowing)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.source IS 'where the months come from';
COMMENT ON COLUMN @extschema@.crop_season_calendar.illustrative IS 'true when the months are not from an official calendar';
COMMENT ON COLUMN @extschema@.crop_season_calendar.shipped IS 'true for the rows the extension ships (not dumped; rows a user adds are)';
GRANT SELECT ON @extschema@.crop_season_calendar TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.crop_season_calendar TO hatrung_editor;
INSERT INTO @extschema@.crop_season_calendar (scope, kind, first_month, first_year_offset, last_month, last_year_offset, source, illustrative, shipped) VALUES
	('*', 'dong_xuan', 11, -1, 6, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'xuan', 2, 0, 6, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'he_thu', 4, 0, 8, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'thu_dong', 7, 0, 12, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'mua', 6, 0, 11, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'dong', 9, 0, 2, 1, 'ILLUSTRATIVE: typical months, not an official calendar', true, true);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.crop_season_calendar', 'WHERE NOT shipped');

-- The months of a season for a unit: its own or its nearest ancestor's
-- calendar row, else the default.  NULL when no row covers the season.
CREATE FUNCTION @extschema@.season_months(season @extschema@.crop_season, unit_code text DEFAULT NULL)
RETURNS daterange
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
BEGIN ATOMIC
	WITH RECURSIVE chain(unit_id, code, parent_id, depth) AS (
		SELECT u.unit_id, u.code, u.parent_id, 0
		FROM @extschema@.admin_unit u
		WHERE u.code = season_months.unit_code
		UNION
		SELECT p.unit_id, p.code, p.parent_id, c.depth + 1
		FROM chain c JOIN @extschema@.admin_unit p ON p.unit_id = c.parent_id
		WHERE c.depth < 10
	)
	SELECT daterange(make_date(@extschema@.crop_year(season_months.season) + k.first_year_offset, k.first_month, 1),
					 (make_date(@extschema@.crop_year(season_months.season) + k.last_year_offset, k.last_month, 1)
					  + interval '1 month')::date)
	FROM @extschema@.crop_season_calendar k
	LEFT JOIN (SELECT c.code, min(c.depth) AS depth FROM chain c GROUP BY c.code) AS s ON s.code = k.scope
	WHERE k.kind = @extschema@.season_kind(season_months.season) AND (k.scope = '*' OR s.code IS NOT NULL)
	ORDER BY k.scope = '*', s.depth
	LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.season_months(@extschema@.crop_season, text) IS
	'the days a season spans, [first day of its first month, day after its last month), from crop_season_calendar for the unit (its own row, its nearest ancestor''s, else the default ''*''); NULL when no row covers it';

-- NULL when the season has no months (a NULL season, or no calendar row
-- for its kind): a range built from NULL bounds would be unbounded, every
-- quarter, and every quarterly report would speak of the season.
CREATE FUNCTION @extschema@.season_quarters(season @extschema@.crop_season, unit_code text DEFAULT NULL)
RETURNS @extschema@.quarterrange
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
RETURN (SELECT @extschema@.quarterrange(@extschema@.quarter(lower(d)), @extschema@.quarter(upper(d) - 1), '[]')
		FROM (SELECT @extschema@.season_months(season, unit_code) AS d) AS m
		WHERE m.d IS NOT NULL);
COMMENT ON FUNCTION @extschema@.season_quarters(@extschema@.crop_season, text) IS
	'the quarters a season overlaps, by season_months: the quarterly reports that speak of the season; NULL when it has no months (NULL season, no calendar row for its kind)';

-- The same with the season as text: drivers bind string parameters as text
-- or varchar, for which PostgreSQL finds no function taking a crop_season
-- (untyped literals resolve here too); the text is read by the type's input.
CREATE FUNCTION @extschema@.season_months(season text, unit_code text DEFAULT NULL) RETURNS daterange
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN @extschema@.season_months(season::@extschema@.crop_season, unit_code);
COMMENT ON FUNCTION @extschema@.season_months(text, text) IS
	'season_months with the season as text in any spelling, for drivers that bind text or varchar parameters';
CREATE FUNCTION @extschema@.season_quarters(season text, unit_code text DEFAULT NULL) RETURNS @extschema@.quarterrange
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN @extschema@.season_quarters(season::@extschema@.crop_season, unit_code);
COMMENT ON FUNCTION @extschema@.season_quarters(text, text) IS
	'season_quarters with the season as text in any spelling, for drivers that bind text or varchar parameters';

-- ---------------------------------------------------------------------------
-- Figures by crop season: what a unit sowed, harvested or planned in "vụ
-- Đông Xuân 2022-2023", kept apart from the quarterly observations (a
-- season is not a quarter and is compared with the same season a year
-- before), each with its vintage and its history.  Loaded through
-- observation_import with a season label in the period column; a plan row
-- has the vintage "plan" (kế hoạch) there.
-- ---------------------------------------------------------------------------

CREATE TABLE @extschema@.season_figure (
	fig_id			bigint GENERATED BY DEFAULT AS IDENTITY,
	unit_id			bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	indicator_code	text NOT NULL REFERENCES @extschema@.indicator (code) ON UPDATE CASCADE,
	season			@extschema@.crop_season NOT NULL,
	figure			text NOT NULL CHECK (figure IN ('actual', 'plan')),
	vintage			text NOT NULL CHECK (vintage IN ('estimate', 'preliminary', 'official')),
	vintage_rank	smallint NOT NULL GENERATED ALWAYS AS (
						CASE vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END) STORED,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL DEFAULT current_user,
	recorded_at		timestamptz NOT NULL DEFAULT now(),
	-- every key holds unit_id: the table is distributed with observation (Citus)
	PRIMARY KEY (unit_id, fig_id),
	UNIQUE (unit_id, indicator_code, season, figure, vintage)
);
CREATE INDEX season_figure_season ON @extschema@.season_figure (season, indicator_code);
COMMENT ON TABLE @extschema@.season_figure IS
	'figures of a crop season (vụ Đông Xuân 2022-2023, vụ Mùa 2023): actual or plan, one row per unit, indicator, season, figure and vintage';
GRANT SELECT ON @extschema@.season_figure TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.season_figure TO hatrung_editor, hatrung_unit_editor;
ALTER TABLE @extschema@.season_figure ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.season_figure FOR SELECT USING (true);
CREATE POLICY editor_all ON @extschema@.season_figure FOR ALL TO hatrung_editor USING (true) WITH CHECK (true);
CREATE POLICY unit_editor_own_units ON @extschema@.season_figure FOR ALL TO hatrung_unit_editor
	USING (@extschema@.may_edit_unit(unit_id)) WITH CHECK (@extschema@.may_edit_unit(unit_id));
COMMENT ON POLICY read_all ON @extschema@.season_figure IS 'everyone with SELECT reads every figure';
COMMENT ON POLICY editor_all ON @extschema@.season_figure IS 'hatrung_editor writes every unit';
COMMENT ON POLICY unit_editor_own_units ON @extschema@.season_figure IS 'per-unit editors write only the units granted to them';
COMMENT ON COLUMN @extschema@.season_figure.fig_id IS 'row identifier (with unit_id the primary key)';
COMMENT ON COLUMN @extschema@.season_figure.unit_id IS 'the unit (admin_unit.unit_id), valid during the season';
COMMENT ON COLUMN @extschema@.season_figure.indicator_code IS 'the indicator (sown area, yield, % of the sowing plan ...)';
COMMENT ON COLUMN @extschema@.season_figure.season IS 'the crop season';
COMMENT ON COLUMN @extschema@.season_figure.figure IS 'actual (thực hiện) or plan (kế hoạch)';
COMMENT ON COLUMN @extschema@.season_figure.vintage IS 'estimate (ước tính), preliminary (sơ bộ) or official (chính thức); a plan is official';
COMMENT ON COLUMN @extschema@.season_figure.vintage_rank IS '1 estimate, 2 preliminary, 3 official: the latest vintage has the highest rank';
COMMENT ON COLUMN @extschema@.season_figure.value IS 'the figure, in the indicator''s unit of measure';
COMMENT ON COLUMN @extschema@.season_figure.source IS 'where the figure comes from';
COMMENT ON COLUMN @extschema@.season_figure.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.season_figure.recorded_at IS 'when this version was recorded (set by the server)';
COMMENT ON SEQUENCE @extschema@.season_figure_fig_id_seq IS 'identity of season_figure';
GRANT USAGE ON SEQUENCE @extschema@.season_figure_fig_id_seq TO hatrung_editor, hatrung_unit_editor;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.season_figure', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.season_figure_fig_id_seq', '');

-- The unit must exist during the season (by the default calendar), and a
-- non-negative indicator cannot go negative.
CREATE FUNCTION @extschema@.season_figure_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u_code text;
	u_from date;
	u_to date;
	non_negative boolean;
	months daterange;
BEGIN
	SELECT u.code, u.valid_from, u.valid_to, i.non_negative INTO u_code, u_from, u_to, non_negative
	FROM @extschema@.admin_unit u, @extschema@.indicator i
	WHERE u.unit_id = NEW.unit_id AND i.code = NEW.indicator_code;
	IF NOT FOUND THEN
		RETURN NEW;				-- the foreign keys report it
	END IF;
	months := @extschema@.season_months(NEW.season);
	IF months IS NOT NULL AND NOT (daterange(u_from, u_to) && months) THEN
		RAISE EXCEPTION '% is outside the validity of unit %', NEW.season, u_code
			USING ERRCODE = 'check_violation',
				  DETAIL = format('The unit is valid from %s to %s; the season spans %s.', u_from, coalesce(u_to::text, 'now'), months),
				  HINT = 'Record the figure on the unit valid during the season; see admin_unit and unit_succession.';
	END IF;
	IF non_negative AND NEW.value < 0 THEN
		RAISE EXCEPTION 'negative value % for indicator %, which cannot be negative', NEW.value, NEW.indicator_code
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.season_figure_check() IS
	'trigger: the unit valid during the season, no negative value for a non-negative indicator (23514)';
CREATE TRIGGER season_figure_check BEFORE INSERT OR UPDATE ON @extschema@.season_figure
	FOR EACH ROW EXECUTE FUNCTION @extschema@.season_figure_check();
CREATE TRIGGER season_figure_stamp BEFORE INSERT OR UPDATE ON @extschema@.season_figure
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();

-- Nothing is lost: the history of season figures, as for observation.
CREATE TABLE @extschema@.season_figure_history (
	-- a uuid: on Citus the history triggers run on the workers, which share no sequence
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	fig_id			bigint NOT NULL,
	unit_id			bigint NOT NULL,
	indicator_code	text NOT NULL,
	season			@extschema@.crop_season NOT NULL,
	figure			text NOT NULL,
	vintage			text NOT NULL,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
CREATE INDEX season_figure_history_key ON @extschema@.season_figure_history (unit_id, indicator_code, season);
COMMENT ON TABLE @extschema@.season_figure_history IS
	'every replaced or deleted version of a season figure, valid from recorded_at until changed_at';
GRANT SELECT ON @extschema@.season_figure_history TO hatrung_reader;
COMMENT ON COLUMN @extschema@.season_figure_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.season_figure_history.operation IS 'UPDATE or DELETE: what replaced this version';
COMMENT ON COLUMN @extschema@.season_figure_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.season_figure_history.changed_at IS 'when it was replaced or deleted (end of its validity)';
COMMENT ON COLUMN @extschema@.season_figure_history.fig_id IS 'season_figure.fig_id of the figure';
COMMENT ON COLUMN @extschema@.season_figure_history.unit_id IS 'the unit, as in season_figure';
COMMENT ON COLUMN @extschema@.season_figure_history.indicator_code IS 'the indicator, as in season_figure';
COMMENT ON COLUMN @extschema@.season_figure_history.season IS 'the season, as in season_figure';
COMMENT ON COLUMN @extschema@.season_figure_history.figure IS 'actual or plan, as in season_figure';
COMMENT ON COLUMN @extschema@.season_figure_history.vintage IS 'the vintage, as in season_figure';
COMMENT ON COLUMN @extschema@.season_figure_history.value IS 'the value this version had';
COMMENT ON COLUMN @extschema@.season_figure_history.source IS 'the source this version had';
COMMENT ON COLUMN @extschema@.season_figure_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.season_figure_history.recorded_at IS 'when this version was recorded (start of its validity)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.season_figure_history', '');

-- Written on behalf of editors who may not write history themselves: runs
-- as the extension's owner (SECURITY DEFINER, fixed search_path, no
-- arguments, insert-only), like observation_keep_history; sql/season.sql
-- tests it as a unit editor.
CREATE FUNCTION @extschema@.season_figure_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.season_figure_history
		(operation, changed_by, fig_id, unit_id, indicator_code, season, figure, vintage, value, source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.fig_id, OLD.unit_id, OLD.indicator_code, OLD.season, OLD.figure, OLD.vintage, OLD.value,
			OLD.source, OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.season_figure_keep_history() IS 'trigger: keeps the old version of an updated or deleted season figure';
CREATE TRIGGER season_figure_keep_history AFTER UPDATE OR DELETE ON @extschema@.season_figure
	FOR EACH ROW EXECUTE FUNCTION @extschema@.season_figure_keep_history();
CREATE TRIGGER season_figure_no_truncate BEFORE TRUNCATE ON @extschema@.season_figure
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER season_figure_history_no_truncate BEFORE TRUNCATE ON @extschema@.season_figure_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- The latest vintage of every season figure as known at a moment (NULL: now).
CREATE FUNCTION @extschema@.season_figures_as_of(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, indicator_code text, season @extschema@.crop_season, figure text, vintage text,
			   value numeric, source text, recorded_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT DISTINCT ON (v.unit_id, v.indicator_code, v.season, v.figure)
		   v.unit_id, v.indicator_code, v.season, v.figure, v.vintage, v.value, v.source, v.recorded_at
	FROM (SELECT o.unit_id, o.indicator_code, o.season, o.figure, o.vintage, o.vintage_rank, o.value, o.source, o.recorded_at
		  FROM @extschema@.season_figure o
		  WHERE (season_figures_as_of.only_unit_id IS NULL OR o.unit_id = season_figures_as_of.only_unit_id)
			AND (season_figures_as_of.as_of IS NULL OR o.recorded_at <= season_figures_as_of.as_of)
		  UNION ALL
		  SELECT h.unit_id, h.indicator_code, h.season, h.figure, h.vintage,
				 CASE h.vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END,
				 h.value, h.source, h.recorded_at
		  FROM @extschema@.season_figure_history h
		  WHERE season_figures_as_of.as_of IS NOT NULL
			AND (season_figures_as_of.only_unit_id IS NULL OR h.unit_id = season_figures_as_of.only_unit_id)
			AND h.recorded_at <= season_figures_as_of.as_of AND h.changed_at > season_figures_as_of.as_of) AS v
	ORDER BY v.unit_id, v.indicator_code, v.season, v.figure, v.vintage_rank DESC, v.recorded_at DESC;
END
$$;
COMMENT ON FUNCTION @extschema@.season_figures_as_of(timestamptz, bigint) IS
	'the latest vintage of every season figure (actual and plan) as it was known at as_of (NULL: now), optionally for one unit';

-- The measures of a season, in one place (season_report and quarter_report
-- read them here): the figure, the same season a year before and the growth
-- on it, the plan of the season and the figure as a % of it.  A figure
-- whose unit of measure is already "% kế hoạch" is its own % of plan.
CREATE FUNCTION @extschema@.season_measures_at(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, indicator_code text, season @extschema@.crop_season, value numeric, vintage text,
			   source text, value_same_season_last_year numeric, growth_pct numeric, plan numeric, pct_of_plan numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	figures jsonb;
BEGIN
	-- read first, compute after (see quarterly_flows_at: Citus)
	SELECT jsonb_agg(f) INTO figures
	FROM @extschema@.season_figures_as_of(season_measures_at.as_of, season_measures_at.only_unit_id) AS f;
	RETURN QUERY
	WITH f AS (
		SELECT * FROM jsonb_to_recordset(figures) AS x(unit_id bigint, indicator_code text, season @extschema@.crop_season,
														 figure text, vintage text, value numeric, source text)
	)
	SELECT a.unit_id, a.indicator_code, a.season, a.value, a.vintage, a.source,
		   b.value, @extschema@.growth_pct(a.value, b.value), p.value,
		   CASE WHEN i.unit_of_measure = '% kế hoạch' THEN a.value ELSE @extschema@.pct_of_plan(a.value, p.value) END
	FROM f a
	JOIN @extschema@.indicator i ON i.code = a.indicator_code
	LEFT JOIN f b ON b.unit_id = a.unit_id AND b.indicator_code = a.indicator_code AND b.figure = 'actual'
				 AND b.season OPERATOR(@extschema@.=) (a.season OPERATOR(@extschema@.-) 1)
	LEFT JOIN f p ON p.unit_id = a.unit_id AND p.indicator_code = a.indicator_code AND p.figure = 'plan'
				 AND p.season OPERATOR(@extschema@.=) a.season
	WHERE a.figure = 'actual';
END
$$;
COMMENT ON FUNCTION @extschema@.season_measures_at(timestamptz, bigint) IS
	'per unit, indicator and season with an actual figure, as known at as_of (NULL: now): the figure, the same season a year before, growth on it (%), the season''s plan and % of plan';

-- Plain column types only, as every view (BI tools): the season as its
-- label, kind and crop year.
CREATE VIEW @extschema@.season_report AS
SELECT u.code AS unit_code, u.name AS unit_name, m.indicator_code, i.name_vi AS indicator_name, i.unit_of_measure,
	   @extschema@.label_vi(m.season) AS season_label, @extschema@.season_kind(m.season) AS season_kind,
	   @extschema@.crop_year(m.season) AS crop_year, m.value, m.vintage,
	   m.value_same_season_last_year, m.growth_pct, m.plan, m.pct_of_plan
FROM @extschema@.season_measures_at(NULL) m
JOIN @extschema@.admin_unit u ON u.unit_id = m.unit_id
JOIN @extschema@.indicator i ON i.code = m.indicator_code;
COMMENT ON VIEW @extschema@.season_report IS
	'every season figure with the same season a year before, growth (%), plan and % of plan (the measures of season_measures_at)';
GRANT SELECT ON @extschema@.season_report TO hatrung_reader;
COMMENT ON COLUMN @extschema@.season_report.unit_code IS 'unit code';
COMMENT ON COLUMN @extschema@.season_report.unit_name IS 'unit name';
COMMENT ON COLUMN @extschema@.season_report.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.season_report.indicator_name IS 'indicator name (Vietnamese)';
COMMENT ON COLUMN @extschema@.season_report.unit_of_measure IS 'unit of measure';
COMMENT ON COLUMN @extschema@.season_report.season_label IS 'the season as reports write it (vụ Đông Xuân 2022-2023); season_label::hatrung.crop_season gives the value back';
COMMENT ON COLUMN @extschema@.season_report.season_kind IS 'dong_xuan, xuan, he_thu, thu_dong, mua or dong';
COMMENT ON COLUMN @extschema@.season_report.crop_year IS 'the crop year (the year of harvest; vụ Đông: the year of sowing)';
COMMENT ON COLUMN @extschema@.season_report.value IS 'the latest actual figure';
COMMENT ON COLUMN @extschema@.season_report.vintage IS 'its vintage';
COMMENT ON COLUMN @extschema@.season_report.value_same_season_last_year IS 'the same season a year before (season - 1)';
COMMENT ON COLUMN @extschema@.season_report.growth_pct IS 'growth on the same season a year before, %';
COMMENT ON COLUMN @extschema@.season_report.plan IS 'the season''s plan';
COMMENT ON COLUMN @extschema@.season_report.pct_of_plan IS 'the figure as a % of the plan (a figure in "% kế hoạch" is its own)';

-- The loader's path for a season row (observation_import_row, in C, calls
-- it with the value already read and converted): the unit valid during the
-- season by the default calendar, then an INSERT as the calling user (row
-- level security and the triggers apply).  false when no such unit exists.
-- PL/pgSQL, so that on Citus the insert is one level down, inside the
-- statement's distributed transaction (see import_cache()).
CREATE FUNCTION @extschema@.season_figure_import(unit_code text, indicator_code text, season @extschema@.crop_season,
	figure text, vintage text, value numeric, source text) RETURNS boolean
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	uid bigint;
	months daterange := coalesce(@extschema@.season_months(season_figure_import.season),
		daterange(make_date(@extschema@.crop_year(season_figure_import.season), 1, 1),
				  make_date(@extschema@.crop_year(season_figure_import.season) + 1, 1, 1)));
BEGIN
	SELECT u.unit_id INTO uid
	FROM @extschema@.admin_unit u
	WHERE u.code = season_figure_import.unit_code AND daterange(u.valid_from, u.valid_to) && months
	ORDER BY u.valid_from DESC LIMIT 1;
	IF uid IS NULL THEN
		RETURN false;
	END IF;
	INSERT INTO @extschema@.season_figure (unit_id, indicator_code, season, figure, vintage, value, source)
	VALUES (uid, season_figure_import.indicator_code, season_figure_import.season, season_figure_import.figure,
			season_figure_import.vintage, season_figure_import.value, season_figure_import.source);
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.season_figure_import(text, text, @extschema@.crop_season, text, text, numeric, text) IS
	'inserts one season figure for the unit of that code valid during the season (false when there is none), as the calling user; observation_import''s path for season rows';

-- ---------------------------------------------------------------------------
-- Plan periods: targets set for "giai đoạn 2021-2025" (a five-year plan) or
-- "nhiệm kỳ 2020-2025" (a party congress's term), per unit and indicator,
-- and the progress towards them.  Average growth over a period counts its
-- steps from the base year: a plan for 2021-2025 starts from 2020 (5 steps),
-- and so does a term 2020-2025, which starts in the congress year.
-- ---------------------------------------------------------------------------

-- A plan period from its kind and years: its label, base year and steps.
-- The one place the base year is decided: a plan for 2021-2025 (giai đoạn)
-- starts from the year before it, a term 2020-2025 (nhiệm kỳ) from its
-- congress year.  parse_plan_period_vi reads a label into it, and the
-- progress of the stored targets reads it from their columns.
CREATE FUNCTION @extschema@.plan_period(period_kind text, year_from integer, year_to integer)
RETURNS TABLE (label text, kind text, first_year integer, last_year integer, base_year integer, steps integer)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	IF plan_period.period_kind NOT IN ('giai_doan', 'nhiem_ky') THEN
		RAISE EXCEPTION 'invalid plan period kind: "%"', plan_period.period_kind
			USING ERRCODE = 'invalid_parameter_value', HINT = 'The kinds are giai_doan and nhiem_ky.';
	END IF;
	IF plan_period.year_from < 1 OR plan_period.year_to <= plan_period.year_from OR plan_period.year_to > 9999 THEN
		RAISE EXCEPTION 'invalid plan period years: % to %', plan_period.year_from, plan_period.year_to
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A plan period ends in a later year than it starts, between the years 0001 and 9999.';
	END IF;
	kind := plan_period.period_kind;
	first_year := plan_period.year_from;
	last_year := plan_period.year_to;
	base_year := CASE kind WHEN 'giai_doan' THEN first_year - 1 ELSE first_year END;
	steps := last_year - base_year;
	label := CASE kind WHEN 'giai_doan' THEN 'giai đoạn ' ELSE 'nhiệm kỳ ' END || first_year || '-' || last_year;
	RETURN NEXT;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_period(text, integer, integer) IS
	'a plan period from its kind (giai_doan, nhiem_ky) and years: its label, base year (giai đoạn: the year before it; nhiệm kỳ: its first year) and steps from the base year to the last year; 22023 for another kind or years out of order';

-- A plan period as written, as (label, kind, first_year, last_year,
-- base_year, steps); 22007 for anything else, quoting the input.
CREATE FUNCTION @extschema@.parse_plan_period_vi(period text)
RETURNS TABLE (label text, kind text, first_year integer, last_year integer, base_year integer, steps integer)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	m text[];
	y1 integer;
	y2 integer;
BEGIN
	-- "giai đoạn", "nhiệm kỳ" with or without marks, any case; the years
	-- joined by '-', an en dash or '/', with or without spaces
	m := regexp_match(btrim(regexp_replace(period, '\s+', ' ', 'g')),
					  '^(giai [đĐdD]o[ạẠaA]n|nhi[ệỆeE]m k[ỳỲyY]) (\d{4}) ?[-–/] ?(\d{4})$', 'i');
	IF m IS NULL THEN
		RAISE EXCEPTION 'invalid plan period: "%"', period
			USING ERRCODE = 'invalid_datetime_format',
				  HINT = 'Write a plan period as giai đoạn 2021-2025 or nhiệm kỳ 2020-2025.';
	END IF;
	y1 := m[2]::integer;
	y2 := m[3]::integer;
	IF y1 < 1 OR y2 <= y1 THEN
		RAISE EXCEPTION 'invalid plan period: "%"', period
			USING ERRCODE = 'invalid_datetime_format',
				  DETAIL = 'A plan period ends in a later year than it starts, from the year 0001.';
	END IF;
	RETURN QUERY SELECT * FROM @extschema@.plan_period(CASE WHEN lower(left(m[1], 1)) = 'g' THEN 'giai_doan' ELSE 'nhiem_ky' END,
													  y1, y2);
END
$$;
COMMENT ON FUNCTION @extschema@.parse_plan_period_vi(text) IS
	'a plan period as written (giai đoạn 2021-2025, nhiệm kỳ 2020-2025): its label, kind (giai_doan, nhiem_ky), first and last year, base year (giai đoạn: the year before it; nhiệm kỳ: its first year) and steps from the base year to the last year; 22007 otherwise';

-- Average growth over a plan period: the compound annual growth from the
-- base year's value to the last year's, in the period's steps.
CREATE FUNCTION @extschema@.plan_period_avg_growth(base_value numeric, last_value numeric, period text) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN @extschema@.cagr(base_value, last_value, (SELECT p.steps FROM @extschema@.parse_plan_period_vi(period) p));
COMMENT ON FUNCTION @extschema@.plan_period_avg_growth(numeric, numeric, text) IS
	'average annual growth in % over a plan period: cagr(base_value, last_value, steps), the steps counted from the base year (giai đoạn 2021-2025: 2020 to 2025, 5 steps)';

CREATE TABLE @extschema@.plan_target (
	target_id		bigint GENERATED BY DEFAULT AS IDENTITY,
	unit_id			bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	indicator_code	text NOT NULL REFERENCES @extschema@.indicator (code) ON UPDATE CASCADE,
	period_kind		text NOT NULL CHECK (period_kind IN ('giai_doan', 'nhiem_ky')),
	first_year		integer NOT NULL,
	last_year		integer NOT NULL,
	target			text NOT NULL CHECK (target IN ('level', 'avg_growth_pct')),
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL DEFAULT current_user,
	recorded_at		timestamptz NOT NULL DEFAULT now(),
	-- every key holds unit_id: the table is distributed with observation (Citus)
	PRIMARY KEY (unit_id, target_id),
	UNIQUE (unit_id, indicator_code, period_kind, first_year, last_year, target),
	CHECK (first_year >= 1 AND last_year > first_year AND last_year <= 9999)
);
COMMENT ON TABLE @extschema@.plan_target IS
	'targets of a plan period (giai đoạn, nhiệm kỳ) per unit and indicator: the level to reach in its last year, or the average annual growth over it';
GRANT SELECT ON @extschema@.plan_target TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.plan_target TO hatrung_editor;
COMMENT ON COLUMN @extschema@.plan_target.target_id IS 'row identifier (with unit_id the primary key)';
COMMENT ON COLUMN @extschema@.plan_target.unit_id IS 'the unit';
COMMENT ON COLUMN @extschema@.plan_target.indicator_code IS 'the indicator';
COMMENT ON COLUMN @extschema@.plan_target.period_kind IS 'giai_doan (a plan period: base year the year before it) or nhiem_ky (a term of office: base year its first year)';
COMMENT ON COLUMN @extschema@.plan_target.first_year IS 'first year of the period as written (2021 in giai đoạn 2021-2025)';
COMMENT ON COLUMN @extschema@.plan_target.last_year IS 'last year of the period';
COMMENT ON COLUMN @extschema@.plan_target.target IS 'level (the value to reach in the last year) or avg_growth_pct (average annual growth over the period, %)';
COMMENT ON COLUMN @extschema@.plan_target.value IS 'the target, in the indicator''s unit of measure or in %';
COMMENT ON COLUMN @extschema@.plan_target.source IS 'the document that set it (a resolution, a plan)';
COMMENT ON COLUMN @extschema@.plan_target.recorded_by IS 'database role that recorded this version (set by the server)';
COMMENT ON COLUMN @extschema@.plan_target.recorded_at IS 'when this version was recorded (set by the server)';
COMMENT ON SEQUENCE @extschema@.plan_target_target_id_seq IS 'identity of plan_target';
GRANT USAGE ON SEQUENCE @extschema@.plan_target_target_id_seq TO hatrung_editor;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target_target_id_seq', '');

-- The unit must exist during the period.
CREATE FUNCTION @extschema@.plan_target_check() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u_code text;
	u_from date;
	u_to date;
BEGIN
	SELECT u.code, u.valid_from, u.valid_to INTO u_code, u_from, u_to
	FROM @extschema@.admin_unit u WHERE u.unit_id = NEW.unit_id;
	-- years out of order or range are the table's CHECK to report (23514)
	IF FOUND AND NEW.first_year BETWEEN 1 AND NEW.last_year AND NEW.last_year <= 9999
	   AND NOT (daterange(u_from, u_to) && daterange(make_date(NEW.first_year, 1, 1), make_date(NEW.last_year + 1, 1, 1))) THEN
		RAISE EXCEPTION 'the period %-% is outside the validity of unit %', NEW.first_year, NEW.last_year, u_code
			USING ERRCODE = 'check_violation',
				  DETAIL = format('The unit is valid from %s to %s.', u_from, coalesce(u_to::text, 'now'));
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_check() IS 'trigger: the unit valid during the plan period (23514)';
CREATE TRIGGER plan_target_check BEFORE INSERT OR UPDATE ON @extschema@.plan_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_target_check();
CREATE TRIGGER plan_target_stamp BEFORE INSERT OR UPDATE ON @extschema@.plan_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stamp_recorded();

-- Nothing is lost: the history of targets, as for annual plans.
CREATE TABLE @extschema@.plan_target_history (
	-- a uuid: on Citus the history triggers run on the workers, which share no sequence
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	target_id		bigint NOT NULL,
	unit_id			bigint NOT NULL,
	indicator_code	text NOT NULL,
	period_kind		text NOT NULL,
	first_year		integer NOT NULL,
	last_year		integer NOT NULL,
	target			text NOT NULL,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
COMMENT ON TABLE @extschema@.plan_target_history IS 'every replaced or deleted version of a plan period target';
GRANT SELECT ON @extschema@.plan_target_history TO hatrung_reader;
COMMENT ON COLUMN @extschema@.plan_target_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.plan_target_history.operation IS 'UPDATE or DELETE: what replaced this version';
COMMENT ON COLUMN @extschema@.plan_target_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.plan_target_history.changed_at IS 'when it was replaced or deleted';
COMMENT ON COLUMN @extschema@.plan_target_history.target_id IS 'plan_target.target_id of the target';
COMMENT ON COLUMN @extschema@.plan_target_history.unit_id IS 'the unit';
COMMENT ON COLUMN @extschema@.plan_target_history.indicator_code IS 'the indicator';
COMMENT ON COLUMN @extschema@.plan_target_history.period_kind IS 'giai_doan or nhiem_ky';
COMMENT ON COLUMN @extschema@.plan_target_history.first_year IS 'first year of the period';
COMMENT ON COLUMN @extschema@.plan_target_history.last_year IS 'last year of the period';
COMMENT ON COLUMN @extschema@.plan_target_history.target IS 'level or avg_growth_pct';
COMMENT ON COLUMN @extschema@.plan_target_history.value IS 'the value this version had';
COMMENT ON COLUMN @extschema@.plan_target_history.source IS 'the document this version came from';
COMMENT ON COLUMN @extschema@.plan_target_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.plan_target_history.recorded_at IS 'when this version was recorded';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plan_target_history', '');

-- Written on behalf of editors who may not write history themselves: runs
-- as the extension's owner (SECURITY DEFINER, fixed search_path, no
-- arguments, insert-only), like annual_plan_keep_history.
CREATE FUNCTION @extschema@.plan_target_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.plan_target_history
		(operation, changed_by, target_id, unit_id, indicator_code, period_kind, first_year, last_year, target, value,
		 source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.target_id, OLD.unit_id, OLD.indicator_code, OLD.period_kind, OLD.first_year, OLD.last_year, OLD.target,
			OLD.value, OLD.source, OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_keep_history() IS 'trigger: keeps the old version of an updated or deleted plan period target';
CREATE TRIGGER plan_target_keep_history AFTER UPDATE OR DELETE ON @extschema@.plan_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_target_keep_history();
CREATE TRIGGER plan_target_no_truncate BEFORE TRUNCATE ON @extschema@.plan_target
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER plan_target_history_no_truncate BEFORE TRUNCATE ON @extschema@.plan_target_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- Loading targets as documents write them:
--   INSERT INTO hatrung.plan_target_import VALUES ('392', 'EXPORT_VALUE', 'giai đoạn 2021-2025', 'tăng bình quân', '12,5', '...');
-- target: level / mức (the value of the last year) or avg_growth_pct /
-- tăng bình quân (average annual growth, %); value in Vietnamese notation.
CREATE VIEW @extschema@.plan_target_import AS
SELECT u.code AS unit_code, t.indicator_code,
	   CASE t.period_kind WHEN 'giai_doan' THEN 'giai đoạn ' ELSE 'nhiệm kỳ ' END || t.first_year || '-' || t.last_year AS period,
	   t.target, t.value::text AS value, t.source
FROM @extschema@.plan_target t
JOIN @extschema@.admin_unit u ON u.unit_id = t.unit_id;
COMMENT ON VIEW @extschema@.plan_target_import IS
	'load target for plan period targets: INSERT or \copy rows (unit_code, indicator_code, period, target, value, source); reading it lists every target';
GRANT SELECT ON @extschema@.plan_target_import TO hatrung_reader;
GRANT INSERT ON @extschema@.plan_target_import TO hatrung_editor;
COMMENT ON COLUMN @extschema@.plan_target_import.unit_code IS 'official unit code; the unit valid during the period (the latest one) is used';
COMMENT ON COLUMN @extschema@.plan_target_import.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.plan_target_import.period IS 'giai đoạn 2021-2025 or nhiệm kỳ 2020-2025 (any case, marks optional)';
COMMENT ON COLUMN @extschema@.plan_target_import.target IS 'level (also: mức) or avg_growth_pct (also: tăng bình quân)';
COMMENT ON COLUMN @extschema@.plan_target_import.value IS 'the target in Vietnamese notation (12,5; 1.200)';
COMMENT ON COLUMN @extschema@.plan_target_import.source IS 'the document that set it';

CREATE FUNCTION @extschema@.plan_target_import_row() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	row_key text := format('(unit_code=%s, indicator_code=%s, period=%s)', coalesce(NEW.unit_code, 'NULL'),
						   coalesce(NEW.indicator_code, 'NULL'), coalesce(NEW.period, 'NULL'));
	p record;
	uid bigint;
	target_code text;
BEGIN
	IF NEW.unit_code IS NULL OR NEW.indicator_code IS NULL OR NEW.period IS NULL OR NEW.target IS NULL OR NEW.value IS NULL THEN
		RAISE EXCEPTION 'missing value in plan target row %', row_key
			USING ERRCODE = 'not_null_violation', DETAIL = 'unit_code, indicator_code, period, target and value are required.';
	END IF;
	SELECT * INTO p FROM @extschema@.parse_plan_period_vi(NEW.period);
	target_code := CASE lower(btrim(NEW.target)) WHEN 'level' THEN 'level' WHEN 'mức' THEN 'level'
						WHEN 'avg_growth_pct' THEN 'avg_growth_pct' WHEN 'tăng bình quân' THEN 'avg_growth_pct' END;
	IF target_code IS NULL THEN
		RAISE EXCEPTION 'invalid target in column "target" of plan target row %: "%"', row_key, NEW.target
			USING ERRCODE = 'check_violation', HINT = 'Use level (mức) or avg_growth_pct (tăng bình quân).';
	END IF;
	IF NOT @extschema@.is_valid_vn_number(NEW.value) THEN
		RAISE EXCEPTION 'invalid number in column "value" of plan target row %: "%"', row_key, NEW.value
			USING ERRCODE = 'invalid_text_representation',
				  HINT = 'Write numbers with a decimal comma and dots between thousands: 1.041,6.';
	END IF;
	SELECT u.unit_id INTO uid FROM @extschema@.admin_unit u
	WHERE u.code = NEW.unit_code
	  AND daterange(u.valid_from, u.valid_to) && daterange(make_date(p.first_year, 1, 1), make_date(p.last_year + 1, 1, 1))
	ORDER BY u.valid_from DESC LIMIT 1;
	IF uid IS NULL THEN
		RAISE EXCEPTION 'unknown unit in column "unit_code" of plan target row %: no unit with that code exists in %', row_key, p.label
			USING ERRCODE = 'foreign_key_violation';
	END IF;
	INSERT INTO @extschema@.plan_target (unit_id, indicator_code, period_kind, first_year, last_year, target, value, source)
	VALUES (uid, NEW.indicator_code, p.kind, p.first_year, p.last_year, target_code,
			@extschema@.parse_vn_number(NEW.value), NEW.source);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_import_row() IS
	'trigger: validates and loads one row of plan_target_import, naming the row''s key and column in any error';
CREATE TRIGGER plan_target_import_row INSTEAD OF INSERT ON @extschema@.plan_target_import
	FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_target_import_row();

-- Progress towards each target, from the annual values quarterly_report
-- gives (its year to date at the fourth quarter: a flow's year, a stock's
-- year-end level, a published "cả năm" figure), so the annual value is
-- computed in one place.  Read first, compute after (Citus).
CREATE FUNCTION @extschema@.plan_target_progress_rows()
RETURNS TABLE (unit_code text, indicator_code text, period_label text, target text, target_value numeric,
			   base_year integer, base_value numeric, latest_year integer, latest_value numeric,
			   steps integer, steps_done integer, avg_growth_pct numeric, target_avg_growth_pct numeric,
			   target_level numeric, pct_of_target_level numeric, required_avg_growth_pct numeric, on_track boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	targets jsonb;
	annual jsonb;
BEGIN
	-- named keys, not jsonb_agg(row): Citus returns a pushed-down row's
	-- columns as f1, f2, ...
	SELECT jsonb_agg(jsonb_build_object('unit_code', u.code, 'indicator_code', t.indicator_code,
			   'period_kind', t.period_kind, 'first_year', t.first_year, 'last_year', t.last_year,
			   'target', t.target, 'value', t.value)) INTO targets
	FROM @extschema@.plan_target t JOIN @extschema@.admin_unit u ON u.unit_id = t.unit_id;
	IF targets IS NULL THEN
		RETURN;
	END IF;
	SELECT jsonb_agg(jsonb_build_object('unit_code', r.unit_code, 'indicator_code', r.indicator_code,
			   'year', r.year, 'ytd', r.ytd)) INTO annual
	FROM @extschema@.quarterly_report r
	WHERE r.quarter = 4 AND r.ytd IS NOT NULL
	  AND r.indicator_code IN (SELECT DISTINCT t.indicator_code
							   FROM jsonb_to_recordset(targets) AS t(indicator_code text));
	RETURN QUERY
	WITH t AS (
		SELECT x.*, p.label AS period_label, p.base_year, p.steps
		FROM jsonb_to_recordset(targets) AS x(unit_code text, indicator_code text, period_kind text, first_year integer,
											   last_year integer, target text, value numeric)
		CROSS JOIN LATERAL @extschema@.plan_period(x.period_kind, x.first_year, x.last_year) AS p
	), a AS (
		SELECT * FROM jsonb_to_recordset(annual) AS y(unit_code text, indicator_code text, year integer, ytd numeric)
	), m AS (
		SELECT t.*, b.ytd AS base_value, l.year AS latest_year, l.ytd AS latest_value
		FROM t
		LEFT JOIN a b ON b.unit_code = t.unit_code AND b.indicator_code = t.indicator_code AND b.year = t.base_year
		LEFT JOIN LATERAL (SELECT a.year, a.ytd FROM a
						   WHERE a.unit_code = t.unit_code AND a.indicator_code = t.indicator_code
							 AND a.year > t.base_year AND a.year <= t.last_year
						   ORDER BY a.year DESC LIMIT 1) l ON true
	), g AS (
		SELECT m.*,
			   CASE m.target WHEN 'avg_growth_pct' THEN m.value
					ELSE @extschema@.cagr(m.base_value, m.value, m.steps) END AS target_growth,
			   CASE m.target WHEN 'level' THEN m.value
					ELSE m.base_value * power(1 + m.value / 100, m.steps) END AS level
		FROM m
	)
	SELECT g.unit_code, g.indicator_code, g.period_label, g.target, g.value, g.base_year, g.base_value,
		   g.latest_year, g.latest_value, g.steps, g.latest_year - g.base_year,
		   @extschema@.cagr(g.base_value, g.latest_value, g.latest_year - g.base_year),
		   g.target_growth, g.level, @extschema@.pct_of_plan(g.latest_value, g.level),
		   CASE WHEN g.latest_year < g.last_year THEN @extschema@.cagr(g.latest_value, g.level, g.last_year - g.latest_year) END,
		   @extschema@.cagr(g.base_value, g.latest_value, g.latest_year - g.base_year) >= g.target_growth
	FROM g
	ORDER BY 1, 2, 3, 4;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_target_progress_rows() IS
	'the rows of plan_target_progress (PL/pgSQL: on Citus it reads the targets and annual values first, then computes)';

CREATE VIEW @extschema@.plan_target_progress AS
SELECT * FROM @extschema@.plan_target_progress_rows();
COMMENT ON VIEW @extschema@.plan_target_progress IS
	'every plan period target with its progress: base year and its value, the latest year with an annual value in the period, average growth so far (steps from the base year), the level the target implies, % of it reached, the growth still needed each year, on track or not';
GRANT SELECT ON @extschema@.plan_target_progress TO hatrung_reader;
COMMENT ON COLUMN @extschema@.plan_target_progress.unit_code IS 'unit code';
COMMENT ON COLUMN @extschema@.plan_target_progress.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.plan_target_progress.period_label IS 'giai đoạn 2021-2025 / nhiệm kỳ 2020-2025';
COMMENT ON COLUMN @extschema@.plan_target_progress.target IS 'level or avg_growth_pct';
COMMENT ON COLUMN @extschema@.plan_target_progress.target_value IS 'the target as set';
COMMENT ON COLUMN @extschema@.plan_target_progress.base_year IS 'the base year (giai đoạn: the year before it; nhiệm kỳ: its first year)';
COMMENT ON COLUMN @extschema@.plan_target_progress.base_value IS 'the annual value of the base year (quarterly_report''s year to date at Q4); NULL if unknown';
COMMENT ON COLUMN @extschema@.plan_target_progress.latest_year IS 'the latest year of the period with an annual value';
COMMENT ON COLUMN @extschema@.plan_target_progress.latest_value IS 'its annual value';
COMMENT ON COLUMN @extschema@.plan_target_progress.steps IS 'steps from the base year to the last year of the period';
COMMENT ON COLUMN @extschema@.plan_target_progress.steps_done IS 'steps from the base year to latest_year';
COMMENT ON COLUMN @extschema@.plan_target_progress.avg_growth_pct IS 'average annual growth so far, %: cagr(base_value, latest_value, steps_done)';
COMMENT ON COLUMN @extschema@.plan_target_progress.target_avg_growth_pct IS 'the average annual growth the target means, %';
COMMENT ON COLUMN @extschema@.plan_target_progress.target_level IS 'the value the target means for the last year';
COMMENT ON COLUMN @extschema@.plan_target_progress.pct_of_target_level IS 'latest_value in % of target_level';
COMMENT ON COLUMN @extschema@.plan_target_progress.required_avg_growth_pct IS 'the average annual growth still needed from latest_year to reach target_level (NULL once the last year is known)';
COMMENT ON COLUMN @extschema@.plan_target_progress.on_track IS 'avg_growth_pct >= target_avg_growth_pct';

-- The unit a report of a quarter is about: the unit with that code valid in
-- the quarter (the latest, if the code changed hands during it); P0002 when
-- there is none.  quarter_report and quarter_ytd_table both look it up here.
CREATE FUNCTION @extschema@.report_unit(unit_code text, period @extschema@.quarter) RETURNS @extschema@.admin_unit
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u @extschema@.admin_unit;
BEGIN
	SELECT * INTO u FROM @extschema@.admin_unit a
	WHERE a.code = report_unit.unit_code
	  AND daterange(a.valid_from, a.valid_to) &&
		  daterange(@extschema@.quarter_start(report_unit.period), @extschema@.quarter_end(report_unit.period), '[]')
	ORDER BY a.valid_from DESC LIMIT 1;
	IF u.unit_id IS NULL THEN
		RAISE EXCEPTION 'no unit with code % exists in %', report_unit.unit_code, report_unit.period
			USING ERRCODE = 'no_data_found';
	END IF;
	RETURN u;
END
$$;
COMMENT ON FUNCTION @extschema@.report_unit(text, @extschema@.quarter) IS
	'the unit with that code valid in the quarter (the latest one), for the reports; P0002 when there is none; NULL for a NULL code or quarter';


-- A yes/no column as the loaders read it: yes, true, có / no, false, không
-- (any case, spaces around ignored); NULL for anything else, which each
-- loader reports as its own error.
CREATE FUNCTION @extschema@.parse_yes_no(answer text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE lower(btrim(answer)) WHEN 'yes' THEN true WHEN 'true' THEN true WHEN 'có' THEN true
									 WHEN 'no' THEN false WHEN 'false' THEN false WHEN 'không' THEN false END;
COMMENT ON FUNCTION @extschema@.parse_yes_no(text) IS
	'yes, true, có -> true; no, false, không -> false (any case); NULL otherwise: the yes/no columns of the NTM loaders';

-- The threshold loader reads yes/no through parse_yes_no (src/ntm/ntm_import.sql).
CREATE OR REPLACE FUNCTION @extschema@.ntm_threshold_import_row() RETURNS trigger
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

-- The import view lists season figures too (src/data/import.sql).
CREATE OR REPLACE VIEW @extschema@.observation_import AS
SELECT u.code AS unit_code, o.indicator_code, o.period::text AS period, o.vintage,
	   o.value::text AS value, o.source
FROM @extschema@.observation o
JOIN @extschema@.admin_unit u ON u.unit_id = o.unit_id
UNION ALL
SELECT u.code, c.indicator_code,
	   @extschema@.period_label_vi(@extschema@.quarterrange(
		   @extschema@.make_quarter(@extschema@.year(c.period), 1), c.period OPERATOR(@extschema@.+) 1)),
	   c.vintage, c.value::text, c.source
FROM @extschema@.cumulative_observation c
JOIN @extschema@.admin_unit u ON u.unit_id = c.unit_id
UNION ALL
SELECT u.code, s.indicator_code, @extschema@.label_vi(s.season),
	   CASE s.figure WHEN 'plan' THEN 'plan' ELSE s.vintage END, s.value::text, s.source
FROM @extschema@.season_figure s
JOIN @extschema@.admin_unit u ON u.unit_id = s.unit_id;
COMMENT ON VIEW @extschema@.observation_import IS
	'load target for CSV files: INSERT or \copy rows (unit_code, indicator_code, period, vintage, value, source) in the notation reports use; a period of several quarters from January (6 tháng đầu năm 2023) loads a cumulative figure, a crop season (vụ Đông Xuân 2022-2023) a season figure (vintage plan: its plan); reading it lists all observations, cumulative and season figures';
COMMENT ON COLUMN @extschema@.observation_import.unit_code IS 'official unit code; the unit valid at the end of the quarter is used';
COMMENT ON COLUMN @extschema@.observation_import.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.observation_import.period IS 'quarter in any accepted spelling (quý I-2023, Q1-2023, 2023-Q1 ...) or a span from January (6 tháng đầu năm 2023, 9 tháng năm 2023, năm 2023), or a crop season (vụ Đông Xuân 2022-2023, vụ Mùa 2023)';
COMMENT ON COLUMN @extschema@.observation_import.vintage IS 'estimate, preliminary or official (also: ước tính, sơ bộ, chính thức); for a crop season also plan (kế hoạch)';
COMMENT ON COLUMN @extschema@.observation_import.value IS 'number in Vietnamese notation (22,756; 1.041,6); a scale word (triệu, tỷ) converts into the indicator''s unit';
COMMENT ON COLUMN @extschema@.observation_import.source IS 'where the figure comes from';
