-- What the demo command prints: a tour of the quarter type and the growth
-- functions, then the Hà Trung quarter I-2023 report from the demo data.
SET search_path = public, hatrung;
\pset footer off

\echo '== Quarters as Vietnamese reports write them, read into one type'
SELECT written, written::quarter AS quarter, label_vi(written::quarter) AS label_vi
FROM (VALUES ('quý I-2023'), ('Quý II/2023'), ('quý 3 năm 2023'), ('IV-2023'), ('2024Q1'))
	AS v(written);

\echo '== Quarter arithmetic: the periods a Q1-2023 report compares with'
SELECT q AS report_quarter, q - 4 AS same_period_last_year, q - 1 AS previous_quarter,
	   quarter_start(q) AS first_day, quarter_end(q) AS last_day, days_in(q) AS days,
	   yyyyq(q) AS yyyyq
FROM (VALUES ('quý I-2023'::quarter)) AS v(q);

\echo '== The 2021-2025 plan period, quarter by quarter (first 6 shown)'
SELECT q, label_vi(q), half_of_year(q) AS half
FROM generate_series('2021-Q1'::quarter, '2025-Q4') AS q
LIMIT 6;
SELECT '[quý I-2021, quý IV-2025]'::quarterrange AS plan_period,
	   upper('[quý I-2021, quý IV-2025]'::quarterrange) - lower('[quý I-2021, quý IV-2025]'::quarterrange)
		   AS quarters;

\echo '== Hà Trung, quarter I-2023: the growth the district report states'
\echo '   (meat output 820 t "tăng 6,8%": 767.8 t for Q1-2022 is what that growth implies)'
SELECT round(growth_pct(820, 767.8), 1) AS growth_pct, round(dev_index(820, 767.8), 2) AS dev_index,
	   round(growth_pct(106.85, 100), 1) AS "6.85 rounds to", round(cagr(800, 1000, 5), 2) AS "cagr 800->1000, 5 steps";

\echo '== Gap-safe comparisons by period: meat output (t), quarter II-2022 missing'
\echo '   (820 t in Q1-2023: district report; 767.8 t in Q1-2022: derived from its +6.8%; others: illustrative)'
SELECT period, label_vi(period), output_t,
	   same_period_last_year(output_t, period) OVER w AS same_period_last_year,
	   lag(output_t, 4) OVER w AS "lag(4) — wrong",
	   round(yoy_pct(output_t, period) OVER w, 1) AS yoy_pct,
	   ytd(output_t, period, 'flow') OVER w AS ytd
FROM (VALUES ('2022-Q1'::quarter, 767.8), ('2022-Q3', 790), ('2022-Q4', 845),
			 ('2023-Q1', 820), ('2023-Q2', 801)) AS v(period, output_t)
WINDOW w AS (ORDER BY period)
ORDER BY period;

\echo '== Loading the Hà Trung demo data: SELECT hatrung.load_demo();'
SELECT load_demo();

\echo '== SELECT hatrung.quarter_report(''392'', ''quý I-2023'');'
\pset format unaligned
\pset tuples_only on
SELECT quarter_report('392', 'quý I-2023');
\pset format aligned
\pset tuples_only off

\echo '== The same figures in hatrung.quarterly_report, the view BI tools read'
SELECT indicator_code, period_label, value, vintage, value_same_period_last_year AS same_period,
	   round(yoy_pct, 1) AS yoy_pct, ytd, annual_plan, round(ytd_pct_of_plan, 2) AS pct_of_plan
FROM quarterly_report WHERE unit_code = '392' AND period_label = '2023-Q1' ORDER BY indicator_code;

\echo '== hatrung.unit_rollup: commune figures (ILLUSTRATIVE) summed to the district'
SELECT parent_code, indicator_code, period_label, children_sum, children_reporting, children_total,
	   parent_reported, difference
FROM unit_rollup;

\echo '== hatrung.harmonised_observations_at(''2025-07-01''): 2023 commune figures on the communes of July 2025'
SELECT unit_code, unit_name, indicator_code, period_label, value, source_units
FROM harmonised_observations_at('2025-07-01') ORDER BY unit_code;

\echo '== NTM (Nông thôn mới): Hà Trung district summary, ILLUSTRATIVE commune data: SELECT hatrung.load_ntm_demo();'
SELECT load_ntm_demo();
SELECT district_code, year, communes_total AS total, communes_ntm AS ntm, pct_ntm, communes_nang_cao AS nang_cao,
	   pct_nang_cao, communes_kieu_mau AS kieu_mau, avg_criteria_met AS avg_criteria,
	   cond_all_communes_ntm AS "100% NTM", cond_10pct_nang_cao AS ">=10% advanced",
	   cond_townships_civilised AS townships, cond_satisfaction_90pct AS "satisfaction>=90%",
	   cond_district_criteria AS "9 district criteria"
FROM ntm_district_status ORDER BY year;
\echo '== Communes closest to their next tier in 2023: ntm_next_tier_candidates(''392'', 2023)'
SELECT unit_code, unit_name, current_level, next_level, criteria_missing, missing_criteria,
	   round(relative_shortfall, 4) AS relative_shortfall
FROM ntm_next_tier_candidates('392', 2023) LIMIT 5;
