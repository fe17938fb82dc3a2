-- ---------------------------------------------------------------------------
-- Printed indices against the levels: a release prints a development index
-- (same period last year = 100) beside each level.  It was computed from the
-- year-earlier level as the office knew it then, which may since have been
-- revised (an annual revision the data may not hold).  published_index_check
-- puts the printed index beside the one the levels known at the release give,
-- and shows the base the printed index implies (level / index x 100), so a
-- difference is explained, not hidden.
-- ---------------------------------------------------------------------------

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
