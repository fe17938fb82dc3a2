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

-- The latest vintage of every figure.  A function rather than a view so that
-- every public view has plain column types; PostgreSQL inlines it into the
-- calling query, so filters still reach the index.
CREATE FUNCTION @extschema@.latest_observations() RETURNS SETOF @extschema@.observation
LANGUAGE sql STABLE PARALLEL SAFE
-- a standard SQL body: names are bound when the extension is created, never
-- looked up again in a caller's (possibly hostile) search_path
BEGIN ATOMIC
	SELECT o.*
	FROM @extschema@.observation o
	WHERE NOT EXISTS (
		SELECT 1 FROM @extschema@.observation h
		WHERE h.unit_id = o.unit_id AND h.indicator_code = o.indicator_code
		  AND h.period OPERATOR(@extschema@.=) o.period AND h.vintage_rank > o.vintage_rank);
END;
COMMENT ON FUNCTION @extschema@.latest_observations() IS
	'the latest vintage (official > preliminary > estimate) of every figure';

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
COMMENT ON VIEW @extschema@.quarterly_report IS
	'one row per unit x indicator x quarter (latest vintage) with the comparisons reports print: same period last year, previous quarter, year to date by indicator kind, annual plan; gap-safe; plain column types';
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
COMMENT ON COLUMN @extschema@.quarterly_report.ytd IS 'year to date (lũy kế): sum of Q1..quarter for a flow (NULL if any is missing), the value for a stock, NULL for a ratio';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_last_year IS 'year to date of the same span last year';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_yoy_pct IS 'growth in % of the year to date against the same span last year';
COMMENT ON COLUMN @extschema@.quarterly_report.annual_plan IS 'annual plan of the year (highest-priority plan source)';
COMMENT ON COLUMN @extschema@.quarterly_report.plan_source IS 'which plan annual_plan is';
COMMENT ON COLUMN @extschema@.quarterly_report.ytd_pct_of_plan IS 'year to date in % of the annual plan (for a ratio, the value in % of the plan)';

-- Commune figures summed to their parent, beside the parent's own figure.
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
LEFT JOIN LATERAL (
	SELECT x.value FROM @extschema@.observation x
	WHERE x.unit_id = p.unit_id AND x.indicator_code = c.indicator_code
	  AND x.period OPERATOR(@extschema@.=) c.period
	ORDER BY x.vintage_rank DESC LIMIT 1) pr ON true
GROUP BY p.unit_id, p.code, p.name, p.level, i.code, i.name_vi, i.unit_of_measure, i.kind, c.period, pr.value;
COMMENT ON VIEW @extschema@.unit_rollup IS
	'figures of flows and stocks summed from child units to their parent, beside the figure the parent reported and the difference';
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
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH RECURSIVE chain(origin, unit_id, share, depth) AS (
		SELECT u.unit_id, u.unit_id, 1::numeric, 0 FROM @extschema@.admin_unit u
		UNION ALL
		SELECT c.origin, s.new_unit_id, c.share * s.share, c.depth + 1
		FROM chain c JOIN @extschema@.unit_succession s ON s.old_unit_id = c.unit_id
		WHERE s.effective <= target AND c.depth < 32
	), mapping AS (
		SELECT c.origin, c.unit_id AS target_unit, sum(c.share) AS share
		FROM chain c JOIN @extschema@.admin_unit t ON t.unit_id = c.unit_id
		WHERE t.valid_from <= target AND (t.valid_to IS NULL OR t.valid_to > target)
		GROUP BY c.origin, c.unit_id
	)
	SELECT t.code, t.name, i.code, i.name_vi, i.unit_of_measure, o.period::text,
		   @extschema@.year(o.period), @extschema@.quarter_of_year(o.period),
		   sum(o.value * m.share), count(DISTINCT o.unit_id)::integer, target
	FROM @extschema@.latest_observations() o
	JOIN mapping m ON m.origin = o.unit_id
	JOIN @extschema@.admin_unit t ON t.unit_id = m.target_unit
	JOIN @extschema@.indicator i ON i.code = o.indicator_code AND i.kind IN ('flow', 'stock')
	GROUP BY t.code, t.name, i.code, i.name_vi, i.unit_of_measure, o.period;
END;
COMMENT ON FUNCTION @extschema@.harmonised_observations_at(date) IS
	'flows and stocks of every unit mapped through unit_succession (with shares) onto the units valid at the target date, so quarters before and after a reorganisation compare on one territory';

CREATE VIEW @extschema@.harmonised_observations AS
SELECT * FROM @extschema@.harmonised_observations_at(
	coalesce(nullif(current_setting('hatrung.harmonise_at', true), '')::date, current_date));
COMMENT ON VIEW @extschema@.harmonised_observations IS
	'harmonised_observations_at(date) for the date in setting hatrung.harmonise_at (default: today): all figures on today''s territories';
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
