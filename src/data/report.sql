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

-- "tăng 6,8% so với cùng kỳ", "giảm 4,5% ...", "bằng cùng kỳ"
CREATE FUNCTION @extschema@.growth_phrase_vi(growth numeric) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE
		WHEN pg_catalog.round(growth, 1) > 0 THEN 'tăng ' || @extschema@.format_vn_number(pg_catalog.round(growth, 1), 1) || '% so với cùng kỳ'
		WHEN pg_catalog.round(growth, 1) < 0 THEN 'giảm ' || @extschema@.format_vn_number(-pg_catalog.round(growth, 1), 1) || '% so với cùng kỳ'
		ELSE 'bằng cùng kỳ' END;
COMMENT ON FUNCTION @extschema@.growth_phrase_vi(numeric) IS
	'a growth rate in report wording, to 1 decimal: tăng 6,8% so với cùng kỳ / giảm 4,5% so với cùng kỳ / bằng cùng kỳ';

CREATE FUNCTION @extschema@.quarter_report(unit_code text, period @extschema@.quarter, as_of timestamptz DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	u @extschema@.admin_unit;
	r record;
	tbl text := '';
	sentences text := '';
	sources text := '';
	level_vi text;
	measure text;
BEGIN
	SELECT * INTO u FROM @extschema@.admin_unit a
	WHERE a.code = quarter_report.unit_code
	  AND daterange(a.valid_from, a.valid_to) &&
		  daterange(@extschema@.quarter_start(quarter_report.period), @extschema@.quarter_end(quarter_report.period), '[]')
	ORDER BY a.valid_from DESC LIMIT 1;
	IF u.unit_id IS NULL THEN
		RAISE EXCEPTION 'no unit with code % exists in %', quarter_report.unit_code, quarter_report.period
			USING ERRCODE = 'no_data_found';
	END IF;
	level_vi := CASE u.level WHEN 'province' THEN 'tỉnh' WHEN 'district' THEN 'huyện'
							 WHEN 'township' THEN 'thị trấn' WHEN 'commune' THEN 'xã' ELSE 'phường' END;

	FOR r IN
		WITH figures AS (
			SELECT * FROM @extschema@.observations_as_of(quarter_report.as_of, u.unit_id)
		), ytd AS (
			SELECT f.indicator_code, @extschema@.year(f.period) AS y,
				   @extschema@.quarter_of_year(f.period) AS q, f.value, f.period
			FROM figures f
		)
		SELECT i.code, i.name_vi, i.unit_of_measure, i.kind, i.decimals,
			   cur.value, cur.vintage, cur.source,
			   base.value AS base_value, base.source AS base_source,
			   CASE i.kind
				   WHEN 'stock' THEN cur.value
				   WHEN 'flow' THEN (SELECT CASE WHEN count(*) = @extschema@.quarter_of_year(quarter_report.period)
												 THEN sum(t.value) END
									 FROM ytd t WHERE t.indicator_code = i.code
									   AND t.y = @extschema@.year(quarter_report.period)
									   AND t.q <= @extschema@.quarter_of_year(quarter_report.period)) END AS ytd,
			   CASE i.kind
				   WHEN 'stock' THEN base.value
				   WHEN 'flow' THEN (SELECT CASE WHEN count(*) = @extschema@.quarter_of_year(quarter_report.period)
												 THEN sum(t.value) END
									 FROM ytd t WHERE t.indicator_code = i.code
									   AND t.y = @extschema@.year(quarter_report.period) - 1
									   AND t.q <= @extschema@.quarter_of_year(quarter_report.period)) END AS ytd_last_year,
			   pl.value AS plan, pl.source AS plan_source, pl.name_vi AS plan_source_name
		FROM figures cur
		JOIN @extschema@.indicator i ON i.code = cur.indicator_code
		LEFT JOIN figures base ON base.indicator_code = cur.indicator_code
			 AND @extschema@.year(quarter_report.period) > 1
			 AND base.period = @extschema@.make_quarter(greatest(@extschema@.year(quarter_report.period) - 1, 1),
													   @extschema@.quarter_of_year(quarter_report.period))
		LEFT JOIN LATERAL (
			SELECT p.value, p.source, s.name_vi FROM @extschema@.annual_plan p
			JOIN @extschema@.plan_source s ON s.code = p.plan_source
			WHERE p.unit_id = u.unit_id AND p.indicator_code = i.code
			  AND p.year = @extschema@.year(quarter_report.period)
			ORDER BY s.priority DESC LIMIT 1) pl ON true
		WHERE cur.period = quarter_report.period
		ORDER BY i.display_order, i.code
	LOOP
		tbl := tbl || format(E'| %s | %s | %s | %s | %s | %s | %s | %s |\n',
			r.name_vi, r.unit_of_measure,
			coalesce(@extschema@.format_vn_number(r.base_value, r.decimals), ''),
			@extschema@.format_vn_number(r.value, r.decimals),
			coalesce(@extschema@.format_vn_number(r.ytd, r.decimals), ''),
			coalesce(@extschema@.format_vn_number(@extschema@.dev_index(r.value, r.base_value), 2), ''),
			coalesce(@extschema@.format_vn_number(r.plan, r.decimals), ''),
			coalesce(@extschema@.format_vn_number(@extschema@.pct_of_plan(
				coalesce(r.ytd, CASE WHEN r.kind = 'ratio' THEN r.value END), r.plan), 2), ''));

		measure := @extschema@.format_vn_figure(r.value, r.decimals) ||
			CASE WHEN r.unit_of_measure LIKE '\%%' THEN '' ELSE ' ' END || r.unit_of_measure;
		sentences := sentences || '- ' || r.name_vi ||
			CASE WHEN r.vintage = 'estimate' THEN ' ước đạt ' ELSE ' đạt ' END || measure ||
			coalesce(', ' || @extschema@.growth_phrase_vi(@extschema@.growth_pct(r.value, r.base_value)), '') ||
			CASE WHEN r.plan IS NOT NULL AND r.kind <> 'ratio' THEN
				', lũy kế bằng ' || @extschema@.format_vn_number(@extschema@.pct_of_plan(r.ytd, r.plan), 2) || '% kế hoạch năm'
			ELSE '' END || E'.\n';
		IF r.source IS NOT NULL THEN
			sources := sources || format(E'- %s, %s: %s\n', r.name_vi, @extschema@.label_vi(quarter_report.period), r.source);
		END IF;
		IF r.base_source IS NOT NULL AND r.base_value IS NOT NULL THEN
			sources := sources || format(E'- %s, %s: %s\n', r.name_vi,
				@extschema@.label_vi(quarter_report.period OPERATOR(@extschema@.-) 4), r.base_source);
		END IF;
		IF r.plan IS NOT NULL THEN
			sources := sources || format(E'- %s, kế hoạch năm %s (%s): %s\n', r.name_vi,
				@extschema@.year(quarter_report.period), r.plan_source_name, coalesce(r.plan_source, 'không rõ nguồn'));
		END IF;
	END LOOP;

	IF tbl = '' THEN
		RETURN format(E'# Báo cáo tình hình kinh tế - xã hội %s\n\n**%s** (mã %s): chưa có số liệu.\n',
					  @extschema@.label_vi(quarter_report.period), u.name, u.code);
	END IF;
	RETURN format(E'# Báo cáo tình hình kinh tế - xã hội %s\n\n'
				  '**%s** (mã %s, cấp %s)%s\n\n'
				  '| Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ năm trước | Ước tính kỳ báo cáo | Lũy kế từ đầu năm | So cùng kỳ (%%) | Kế hoạch năm | So kế hoạch (%%) |\n'
				  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
				  '%s\n%s\nNguồn số liệu:\n%s',
				  @extschema@.label_vi(quarter_report.period), u.name, u.code, level_vi,
				  CASE WHEN quarter_report.as_of IS NULL THEN ''
					   ELSE format(', số liệu tại thời điểm %s', to_char(quarter_report.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')) END,
				  tbl, sentences, sources);
END
$$;
COMMENT ON FUNCTION @extschema@.quarter_report(text, @extschema@.quarter, timestamptz) IS
	'the quarterly report of a unit as Markdown (Vietnamese): table with same period last year, the quarter, year to date, index vs last year, annual plan, % of plan; one sentence per indicator; figures as known at as_of (NULL: now)';
