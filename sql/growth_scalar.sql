-- Scalar growth measures: the worked cases of official statistics, the
-- NULL rules, overload resolution, numeric vs float8.
SET search_path = public, hatrung;

-- Hà Trung, Q1-2023: meat output 820 t, "tăng 6,8%" on Q1-2022.  The stated
-- growth implies 820 / 1.068 = 767.8 t for Q1-2022 (a derived figure).
SELECT round(growth_pct(820, 767.8), 1) AS growth_pct_1dp,
	   round(dev_index(820, 767.8), 2) AS dev_index_2dp,
	   round(dev_index(820, 767.8) - 100, 1) AS index_minus_100;

-- Plain literals resolve to numeric, so round(x, 1) works.
SELECT round(growth_pct(0, 15), 1) AS falls_to_zero, pg_typeof(growth_pct(0, 15)) AS int_args,
	   pg_typeof(growth_pct(0::bigint, 15::bigint)) AS bigint_args,
	   pg_typeof(growth_pct(1.5, 2)) AS mixed_args,
	   pg_typeof(growth_pct(1.5::float8, 2)) AS float8_args,
	   pg_typeof(cagr(800, 1000, 5)) AS cagr_int_args,
	   pg_typeof(dev_index(1, 2)) AS dev_index_int, pg_typeof(pct_of_plan(1, 2)) AS pct_of_plan_int,
	   pg_typeof(contribution_pp(1, 2, 3)) AS contribution_int;

-- Base 0, negative base, NULLs: NULL, never an error, never infinity.
SELECT growth_pct(10, 0) AS base_zero, growth_pct(10, -5) AS base_negative,
	   growth_pct(NULL, 5) AS current_null, growth_pct(5, NULL) AS base_null,
	   dev_index(10, 0) AS index_base_zero, pct_of_plan(50, 0) AS plan_zero,
	   pct_of_plan(50, -1) AS plan_negative, absolute_change(10, -5) AS absolute_change_instead;
SELECT growth_pct(0, 15) = -100 AS falls_to_zero_is_minus_100,
	   growth_pct(-3, 15) AS negative_current_allowed;

-- 6.85 rounds to 6.9 through the numeric path; float8 arithmetic lands below
-- 6.85 and rounds to 6.8.
SELECT round(growth_pct(106.85, 100), 1) AS numeric_path,
	   growth_pct(106.85::float8, 100::float8) AS float8_value,
	   round(growth_pct(106.85::float8, 100::float8)::numeric, 1) AS float8_path;

-- Full precision: callers round.
SELECT growth_pct(4, 3) AS one_third_growth, dev_index(2, 3) AS index_two_thirds;

-- % of plan: "đạt 57,13% kế hoạch", above 100 is "vượt kế hoạch".
SELECT round(pct_of_plan(685.528, 1200), 2) AS budget_pct_of_plan,
	   pct_of_plan(100, 100) AS sowing_100_pct, pct_of_plan(1250, 1000) AS above_plan;
-- Plan task x plan completion = development index (100 = base).
SELECT round(pct_of_plan(1100, 1050) * pct_of_plan(1050, 1000) / 100, 10) AS product,
	   round(dev_index(1100, 1000), 10) AS dev_index;

-- Average growth: 800 -> 1000 over 5 steps is 4.56% a step; geometric, not
-- the arithmetic mean of the rates.
SELECT round(cagr(800, 1000, 5), 2) AS cagr_800_1000_5, round(cagr(800, 1000, 1), 2) AS one_step,
	   round(cagr(800, 0, 5), 2) AS falls_to_zero;
SELECT cagr(0, 1000, 5) AS first_zero, cagr(-1, 1000, 5) AS first_negative,
	   cagr(800, -1, 5) AS last_negative, cagr(800, 1000, 0) AS zero_steps,
	   cagr(800, 1000, -2) AS negative_steps;
-- ... and from chain indices: 104.56 five times is 4.56% a year.
SELECT round(avg_growth_pct(ARRAY[104.56, 104.56, 104.56, 104.56, 104.56]), 6) AS same_indices,
	   round(avg_growth_pct(ARRAY[110, 90]), 4) AS up_10_down_10,
	   round((110 + 90) / 2.0 - 100, 4) AS arithmetic_mean_wrong;
SELECT avg_growth_pct(ARRAY[]::numeric[]) AS empty, avg_growth_pct(ARRAY[105, NULL]) AS with_null,
	   avg_growth_pct(ARRAY[105, 0]) AS with_zero;
-- Rebuilding levels from rounded indices drifts; from levels it does not.
SELECT round(cagr(100, 111.11, 3), 6) AS from_levels,
	   round(avg_growth_pct(ARRAY[dev_index(103.33, 100), dev_index(107.77, 103.33),
								  dev_index(111.11, 107.77)]), 6) AS from_exact_indices,
	   round(avg_growth_pct(ARRAY[round(dev_index(103.33, 100), 1), round(dev_index(107.77, 103.33), 1),
								  round(dev_index(111.11, 107.77), 1)]), 6) AS from_rounded_indices;

-- Contributions in percentage points sum to the total growth.
WITH parts(sector, base, current) AS (
	VALUES ('agriculture', 600, 612), ('industry', 250, 285), ('services', 150, 171)
), total AS (SELECT sum(base) AS base, sum(current) AS current FROM parts)
SELECT sector, round(contribution_pp(p.current, p.base, t.base), 4) AS pp,
	   round(share_of_growth(contribution_pp(p.current, p.base, t.base), growth_pct(t.current, t.base)), 2) AS share_pct
FROM parts p, total t
UNION ALL
SELECT 'sum of parts', round(sum(contribution_pp(p.current, p.base, t.base)), 4), NULL FROM parts p, total t
UNION ALL
SELECT 'total growth', round(growth_pct(current, base), 4), NULL FROM total;
SELECT contribution_pp(10, 5, 0) AS total_base_zero, contribution_pp(10, 5, -50) AS negative_total_base;
-- Share of growth is NULL when the total growth is ~0 (below min_abs_total).
SELECT share_of_growth(0.5, 0.01) AS near_zero_total, share_of_growth(0.5, 0) AS zero_total,
	   share_of_growth(0.5, 0.01, 0.001) AS custom_threshold, share_of_growth(2, -4) AS negative_total;
-- exactly at the threshold the share is shown (only below it is it NULL)
SELECT share_of_growth(0.01, 0.05) AS at_threshold, share_of_growth(0.01, -0.05) AS at_negative_threshold,
	   share_of_growth(0.01, 0.0499999) AS just_below, share_of_growth(1::float8, 0.05) AS at_threshold_float8;
-- Differences of rates are percentage points: plain subtraction.
SELECT round(growth_pct(115, 100) - growth_pct(110, 100), 1) AS pp_difference;

-- NaN and infinity: not meaningful figures, NULL.
SELECT growth_pct('NaN'::numeric, 1) AS nan_current, growth_pct(1, 'NaN'::numeric) AS nan_base,
	   growth_pct('Infinity'::numeric, 1) AS inf_current, growth_pct(1, 'Infinity'::numeric) AS inf_base,
	   dev_index(1, '-Infinity'::numeric) AS neg_inf_base, cagr('NaN'::numeric, 1, 2) AS nan_cagr,
	   contribution_pp(1, 2, 'NaN'::numeric) AS nan_total, share_of_growth(1, 'NaN'::numeric) AS nan_share;
SELECT growth_pct('NaN'::float8, 1) AS nan_current, growth_pct(1::float8, 'Infinity') AS inf_base,
	   growth_pct('Infinity'::float8, 1) AS inf_current, dev_index(1::float8, '-Infinity') AS neg_inf,
	   cagr('NaN'::float8, 1, 2) AS nan_cagr, cagr(1::float8, 'Infinity', 2) AS inf_cagr,
	   pct_of_plan('NaN'::float8, 1) AS nan_plan, contribution_pp(1::float8, 2, 'Infinity') AS inf_total,
	   share_of_growth(1::float8, 'NaN') AS nan_share;
-- float8 overflow is NULL too, never infinity.
SELECT growth_pct(1e308::float8, 1e-308) AS overflow, dev_index(1e308::float8, 1e-10) AS overflow_index;

-- float8 versions agree with numeric to 10 significant digits.
SELECT round(growth_pct(820::float8, 767.8)::numeric, 10) = round(growth_pct(820, 767.8), 10) AS growth_agrees,
	   round(cagr(800::float8, 1000, 5)::numeric, 10) = round(cagr(800, 1000, 5), 10) AS cagr_agrees,
	   round(contribution_pp(30::float8, 20, 200)::numeric, 10) = round(contribution_pp(30, 20, 200), 10) AS pp_agrees,
	   round(share_of_growth(5::float8, 10)::numeric, 10) = round(share_of_growth(5, 10), 10) AS share_agrees,
	   pg_typeof(share_of_growth(5, 10)) AS share_int_args,
	   absolute_change(5::float8, 8) AS float8_absolute_change;
