-- ---------------------------------------------------------------------------
-- quarter_report(unit_code, period [, as_of]): the quarterly report as
-- Markdown, in the wording and number format of Vietnamese reports.
-- ---------------------------------------------------------------------------

-- A number as reports write it: Vietnamese notation, no needless zeros.
CREATE FUNCTION @extschema@.format_vn_figure(value numeric, decimals integer) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.format_vn_number(value, pg_catalog.scale(pg_catalog.trim_scale(pg_catalog.round(value, decimals))));
COMMENT ON FUNCTION @extschema@.format_vn_figure(numeric, integer) IS
	'value rounded to at most decimals, trailing zeros dropped, in Vietnamese notation: 820.0 -> 820, 22.7560 -> 22,756';

-- "tăng 6,8% so với cùng kỳ", "giảm 4,5% ...", "bằng cùng kỳ"; from an
-- index of 200 on, as the General Statistics Office words it, "gấp 2,5 lần
-- cùng kỳ".
CREATE FUNCTION @extschema@.growth_phrase_vi(growth numeric) RETURNS text
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

-- The report: the unit and its level, then report_figures rendered.
CREATE FUNCTION @extschema@.quarter_report(unit_code text, period @extschema@.quarter, as_of timestamptz DEFAULT NULL)
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
