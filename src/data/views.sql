-- ---------------------------------------------------------------------------
-- Report views for analysts and BI tools.  Every column is a plain type
-- (text, integer, numeric, date, boolean): Metabase, Superset, Power BI and
-- Grafana read them without knowing hatrung's types.
--
-- Comparisons match figures by period (gap-safe).  A filter on a unit or
-- on a quarter reaches the base table: one unit through observation_lookup
-- (unit_id, indicator_code, period, vintage_rank DESC), one quarter through
-- observation_period (period, indicator_code).
-- ---------------------------------------------------------------------------

-- The latest vintage of every figure.  PL/pgSQL rather than SQL: Citus
-- cannot plan an SQL function that reads a distributed table once it has
-- been inlined into the calling query.  The views below do not call it:
-- they read observation directly, so filters reach the indexes.
CREATE FUNCTION @extschema@.latest_observations() RETURNS SETOF @extschema@.observation
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

-- Commune figures summed to their parent, beside the parent's own figure.
-- The parent's figure is joined on its unit (co-located on Citus).
CREATE VIEW @extschema@.unit_rollup AS
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
COMMENT ON VIEW @extschema@.unit_rollup IS
	'figures of flows and stocks summed from child units to their parent, beside the figure the parent reported and the difference';
GRANT SELECT ON @extschema@.unit_rollup TO hatrung_reader;
COMMENT ON COLUMN @extschema@.unit_rollup.parent_code IS 'parent unit code';
COMMENT ON COLUMN @extschema@.unit_rollup.parent_name IS 'parent unit name';
COMMENT ON COLUMN @extschema@.unit_rollup.parent_level IS 'parent level';
COMMENT ON COLUMN @extschema@.unit_rollup.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.unit_rollup.indicator_name IS 'indicator name in Vietnamese';
COMMENT ON COLUMN @extschema@.unit_rollup.unit_of_measure IS 'đơn vị tính';
COMMENT ON COLUMN @extschema@.unit_rollup.indicator_kind IS 'flow or stock (ratios are never summed)';
COMMENT ON COLUMN @extschema@.unit_rollup.period_label IS 'quarter as YYYY-Qn';
COMMENT ON COLUMN @extschema@.unit_rollup.year IS 'calendar year';
COMMENT ON COLUMN @extschema@.unit_rollup.quarter IS 'quarter of the year';
COMMENT ON COLUMN @extschema@.unit_rollup.children_sum IS 'sum of the child units'' latest figures';
COMMENT ON COLUMN @extschema@.unit_rollup.children_reporting IS 'child units with a figure';
COMMENT ON COLUMN @extschema@.unit_rollup.children_total IS 'child units that existed in the quarter';
COMMENT ON COLUMN @extschema@.unit_rollup.parent_reported IS 'the parent''s own figure, NULL if it has none';
COMMENT ON COLUMN @extschema@.unit_rollup.difference IS 'parent_reported - children_sum';

-- Old units' figures mapped onto the units valid at a date.
CREATE FUNCTION @extschema@.harmonised_observations_at(target date)
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
COMMENT ON FUNCTION @extschema@.harmonised_observations_at(date) IS
	'flows and stocks of every unit mapped through unit_succession (with shares) onto the units valid at the target date, so quarters before and after a reorganisation compare on one territory';

CREATE VIEW @extschema@.harmonised_observations AS
SELECT * FROM @extschema@.harmonised_observations_at(
	coalesce(nullif(current_setting('hatrung.harmonise_at', true), '')::date, current_date));
COMMENT ON VIEW @extschema@.harmonised_observations IS
	'harmonised_observations_at(date) for the date in setting hatrung.harmonise_at (default: today): all figures on today''s territories';
GRANT SELECT ON @extschema@.harmonised_observations TO hatrung_reader;
COMMENT ON COLUMN @extschema@.harmonised_observations.unit_code IS 'code of the unit valid at the target date';
COMMENT ON COLUMN @extschema@.harmonised_observations.unit_name IS 'its name';
COMMENT ON COLUMN @extschema@.harmonised_observations.indicator_code IS 'indicator code';
COMMENT ON COLUMN @extschema@.harmonised_observations.indicator_name IS 'indicator name in Vietnamese';
COMMENT ON COLUMN @extschema@.harmonised_observations.unit_of_measure IS 'đơn vị tính';
COMMENT ON COLUMN @extschema@.harmonised_observations.period_label IS 'quarter as YYYY-Qn';
COMMENT ON COLUMN @extschema@.harmonised_observations.year IS 'calendar year';
COMMENT ON COLUMN @extschema@.harmonised_observations.quarter IS 'quarter of the year';
COMMENT ON COLUMN @extschema@.harmonised_observations.value IS 'sum of the mapped figures times their shares';
COMMENT ON COLUMN @extschema@.harmonised_observations.source_units IS 'how many recorded units contributed';
COMMENT ON COLUMN @extschema@.harmonised_observations.harmonised_to IS 'the date whose units the figures are mapped onto';
