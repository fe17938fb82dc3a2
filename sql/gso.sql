-- Real national figures: the General Statistics Office's quarterly GDP at
-- 2010 prices as its 24 releases of 2019-2024 printed them
-- (data/gso/gdp-2010-prices.csv), loaded by load_gso_demo() with each
-- figure known from its release date.
SET search_path = public, hatrung;
SET timezone = 'Asia/Ho_Chi_Minh';
\set SHOW_CONTEXT never

SELECT load_gso_demo();
SELECT code, name, level FROM admin_unit WHERE code = 'VN';
SELECT code, kind, unit_of_measure, index_of FROM indicator WHERE code LIKE 'GDP%' ORDER BY display_order, code;
-- loading twice is refused
\i sql/include/try.sql
SELECT pg_temp.try('SELECT hatrung.load_gso_demo()') AS second_load;

-- Every row of the file, as of its release date: the level and the printed
-- index are what that release printed (the latest vintage known then).
CREATE TEMP TABLE gso_file (release_date date, sector text, period text, vintage text, value numeric,
							printed_index numeric, workbook text);
\copy gso_file FROM 'data/gso/gdp-2010-prices.csv' (FORMAT csv, HEADER)
SELECT count(*) AS file_rows,
	   count(*) FILTER (WHERE k.level_then = f.value) AS levels_reproduced,
	   count(*) FILTER (WHERE k.index_then = f.printed_index) AS indices_reproduced,
	   count(*) FILTER (WHERE k.cumulative) AS spans
FROM gso_file f
CROSS JOIN LATERAL (SELECT parse_period_vi(f.period) AS span,
						   CASE f.sector WHEN 'total' THEN 'GDP_TOTAL' WHEN 'agriculture_forestry_fishery' THEN 'GDP_AGRI'
										 WHEN 'industry_construction' THEN 'GDP_INDUSTRY' WHEN 'services' THEN 'GDP_SERVICES'
										 ELSE 'GDP_TAXES' END AS code) p
CROSS JOIN LATERAL (SELECT upper(p.span) - lower(p.span) > 1 AS cumulative,
						   (f.release_date || ' 00:00+07')::timestamptz AS released) r
CROSS JOIN LATERAL (SELECT r.cumulative,
						   figure_known_at((SELECT unit_id FROM admin_unit WHERE code = 'VN'), p.code,
										   upper(p.span) - 1, r.cumulative, r.released) AS level_then,
						   figure_known_at((SELECT unit_id FROM admin_unit WHERE code = 'VN'), p.code || '_INDEX',
										   upper(p.span) - 1, r.cumulative, r.released) AS index_then) k;

-- Revisions between releases are visible: Q2-2023 as the June release
-- estimated it and as the September release revised it.
SELECT figure_known_at(u.unit_id, 'GDP_TOTAL', '2023-Q2', false, '2023-06-29 12:00+07') AS june_estimate,
	   figure_known_at(u.unit_id, 'GDP_TOTAL', '2023-Q2', false, '2023-09-29 12:00+07') AS september_revision,
	   figure_known_at(u.unit_id, 'GDP_TOTAL', '2023-Q2', false, '2023-06-28 12:00+07') AS before_june
FROM admin_unit u WHERE u.code = 'VN';

-- The printed index against the levels known at the release, and the
-- year-earlier level it implies: Q1-2023 total in the March 2023 release.
SELECT label_vi, vintage, published_at::date, round(printed_index, 2) AS printed_index, round(level) AS level,
	   round(level_year_before) AS level_year_before, round(index_from_levels, 2) AS index_from_levels,
	   round(implied_base) AS implied_base, round(base_difference) AS base_difference
FROM published_index_check
WHERE unit_code = 'VN' AND indicator_code = 'GDP_TOTAL' AND period_label IN ('2022-Q1', '2023-Q1')
ORDER BY published_at, cumulative;
-- How many printed indices the levels known at their release reproduce to
-- the printed two decimals, and how many differ (a base revised since).
SELECT indicator_code, count(*) AS printed,
	   count(*) FILTER (WHERE round(index_from_levels, 2) = round(printed_index, 2)) AS reproduced,
	   count(*) FILTER (WHERE level_year_before IS NULL) AS base_not_in_the_data
FROM published_index_check WHERE unit_code = 'VN' GROUP BY indicator_code ORDER BY indicator_code;

-- Does each release add up?  A 6-month span comes with both its quarters
-- in the same release (quý I revised, quý II estimated): they add up in
-- every release but one, June 2019, where GSO's 6-month agriculture figure
-- is 1,27 below its two quarters (it rounded one cell).
SELECT indicator_code, label_vi, published_at::date, round(value, 2) AS value, round(quarters_sum, 2) AS quarters_sum,
	   round(difference, 2) AS difference
FROM cumulative_check
WHERE unit_code = 'VN' AND label_vi LIKE '6 tháng%' AND abs(difference) >= 0.01 ORDER BY published_at, indicator_code;
-- A 9-month or annual span comes with only its last two quarters; the
-- earlier ones as last published may since have been revised (annual
-- revisions the file does not hold), and the differences show it: within
-- rounding until 2021, by up to 22.767 billion đồng from the 2021 year on.
SELECT split_part(label_vi, ' ', 1) || CASE WHEN label_vi LIKE 'năm%' THEN '' ELSE ' tháng' END AS span,
	   count(*) AS spans, count(*) FILTER (WHERE abs(difference) < 1) AS within_rounding,
	   round(max(abs(difference))) AS largest_difference,
	   min(published_at::date) FILTER (WHERE abs(difference) >= 10) AS first_revised
FROM cumulative_check WHERE unit_code = 'VN' GROUP BY 1 ORDER BY 1;
SELECT count(*) AS spans, count(*) FILTER (WHERE quarters_known = quarter) AS all_quarters_known
FROM (SELECT *, quarter_of_year(period_label::quarter) AS quarter FROM cumulative_check WHERE unit_code = 'VN') c;
-- quarterly_flows as the June 2019 release knew them: the same 1,27
SELECT label_vi, published, derived_value, round(difference, 2) AS difference, derived_from
FROM quarterly_flows_at('2019-06-29 12:00+07') f JOIN admin_unit u ON u.unit_id = f.unit_id
CROSS JOIN LATERAL (SELECT label_vi(f.period) AS label_vi) l
WHERE u.code = 'VN' AND f.indicator_code = 'GDP_AGRI' AND year(f.period) = 2019 ORDER BY f.period;

-- The report as the March 2023 release knew it.
SELECT quarter_report('VN', 'quý I-2023', '2023-03-29 12:00+07');
-- ... and the year to date of the September release: the published 9-month
-- figure, not the sum of the quarters.
SELECT indicator_code, round(value) AS value, round(ytd) AS ytd, ytd_published, round(yoy_pct, 2) AS yoy_pct
FROM report_figures((SELECT unit_id FROM admin_unit WHERE code = 'VN'), '2023-Q3', '2023-09-29 12:00+07')
WHERE indicator_code IN ('GDP_TOTAL', 'GDP_TOTAL_INDEX');
-- "Quý II và 6 tháng" as the June 2023 release printed it: the quarter and
-- the published 6-month span side by side, each against a year before;
-- the heading, the quarter in any spelling and a quarter value give the same.
-- Industry's 6 months of 2022 as published then predate an annual revision,
-- so the growth on them (-1,27) is not the one GSO printed: its _INDEX row
-- (published_index_check) is.
SELECT indicator_code, quarter_label, round(value) AS value, round(value_same_period_last_year) AS last_year,
	   round(yoy_pct, 2) AS yoy_pct, ytd_label, round(ytd) AS ytd, round(ytd_last_year) AS ytd_last_year,
	   round(ytd_yoy_pct, 2) AS ytd_yoy_pct, ytd_published
FROM quarter_ytd_table('VN', '6 tháng đầu năm 2023', '2023-06-29 12:00+07')
WHERE indicator_code NOT LIKE '%INDEX' OR indicator_code = 'GDP_INDUSTRY_INDEX';
SELECT (SELECT array_agg(t ORDER BY t::text) FROM quarter_ytd_table('VN', '2023-Q2', '2023-06-29 12:00+07') AS t)
	 = (SELECT array_agg(t ORDER BY t::text) FROM quarter_ytd_table('VN', 'quý II-2023', '2023-06-29 12:00+07') AS t)
   AND (SELECT array_agg(t ORDER BY t::text) FROM quarter_ytd_table('VN', '2023-Q2'::quarter, '2023-06-29 12:00+07') AS t)
	 = (SELECT array_agg(t ORDER BY t::text) FROM quarter_ytd_table('VN', '6 tháng 2023', '2023-06-29 12:00+07') AS t)
	   AS same_layout;
-- the annual span and its printed index as known at the December release
SELECT indicator_code, quarter_label, ytd_label, round(ytd, 2) AS ytd, ytd_published
FROM quarter_ytd_table('VN', 'cả năm 2023', '2023-12-29 12:00+07') WHERE indicator_code LIKE 'GDP_TOTAL%';
SELECT pg_temp.try($$SELECT * FROM hatrung.quarter_ytd_table('VN', '5 tháng 2023')$$) AS five_months,
	   pg_temp.try($$SELECT * FROM hatrung.quarter_ytd_table('VN', 'quý V-2023')$$) AS no_such_quarter,
	   pg_temp.try($$SELECT * FROM hatrung.quarter_ytd_table('XX', '6 tháng 2023')$$) AS unknown_unit;
