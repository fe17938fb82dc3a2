-- ---------------------------------------------------------------------------
-- Growth measures of official statistics (see ../shared domain notes in the
-- README): numeric versions are the reference; float8 overloads exist for
-- float data; integer overloads make plain literals such as
-- growth_pct(0, 15) resolve to numeric (PostgreSQL would otherwise prefer
-- float8, the preferred type of the numeric category).
-- ---------------------------------------------------------------------------

-- growth_pct -------------------------------------------------------------------
CREATE FUNCTION @extschema@.growth_pct(current numeric, base numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'growth_pct_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.growth_pct(current double precision, base double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'growth_pct_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.growth_pct(current integer, base integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.growth_pct(current::numeric, base::numeric);
CREATE FUNCTION @extschema@.growth_pct(current bigint, base bigint) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.growth_pct(current::numeric, base::numeric);
COMMENT ON FUNCTION @extschema@.growth_pct(numeric, numeric) IS
	'growth rate in % (tốc độ tăng/giảm): (current / base - 1) * 100; NULL when base <= 0, NULL or not finite';
COMMENT ON FUNCTION @extschema@.growth_pct(double precision, double precision) IS
	'growth rate in %, float8: (current / base - 1) * 100; NULL when base <= 0 or an input is not finite';
COMMENT ON FUNCTION @extschema@.growth_pct(integer, integer) IS 'growth rate in %, computed in numeric';
COMMENT ON FUNCTION @extschema@.growth_pct(bigint, bigint) IS 'growth rate in %, computed in numeric';

-- dev_index -------------------------------------------------------------------
CREATE FUNCTION @extschema@.dev_index(current numeric, base numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'dev_index_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.dev_index(current double precision, base double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'dev_index_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.dev_index(current integer, base integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.dev_index(current::numeric, base::numeric);
CREATE FUNCTION @extschema@.dev_index(current bigint, base bigint) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.dev_index(current::numeric, base::numeric);
COMMENT ON FUNCTION @extschema@.dev_index(numeric, numeric) IS
	'development index (chỉ số phát triển, base = 100): current / base * 100; NULL when base <= 0';
COMMENT ON FUNCTION @extschema@.dev_index(double precision, double precision) IS
	'development index, float8: current / base * 100; NULL when base <= 0';
COMMENT ON FUNCTION @extschema@.dev_index(integer, integer) IS 'development index, computed in numeric';
COMMENT ON FUNCTION @extschema@.dev_index(bigint, bigint) IS 'development index, computed in numeric';

-- pct_of_plan -----------------------------------------------------------------
-- actual / plan * 100 is the development index's arithmetic: the same C functions
CREATE FUNCTION @extschema@.pct_of_plan(actual numeric, plan numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'dev_index_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pct_of_plan(actual double precision, plan double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'dev_index_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pct_of_plan(actual integer, plan integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.pct_of_plan(actual::numeric, plan::numeric);
CREATE FUNCTION @extschema@.pct_of_plan(actual bigint, plan bigint) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.pct_of_plan(actual::numeric, plan::numeric);
COMMENT ON FUNCTION @extschema@.pct_of_plan(numeric, numeric) IS
	'% of plan (so với kế hoạch): actual / plan * 100; NULL when plan <= 0';
COMMENT ON FUNCTION @extschema@.pct_of_plan(double precision, double precision) IS
	'% of plan, float8: actual / plan * 100; NULL when plan <= 0';
COMMENT ON FUNCTION @extschema@.pct_of_plan(integer, integer) IS '% of plan, computed in numeric';
COMMENT ON FUNCTION @extschema@.pct_of_plan(bigint, bigint) IS '% of plan, computed in numeric';

-- cagr ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.cagr(first numeric, last numeric, steps integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cagr_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(first double precision, last double precision, steps integer)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'cagr_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(first integer, last integer, steps integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.cagr(first::numeric, last::numeric, steps);
CREATE FUNCTION @extschema@.cagr(first bigint, last bigint, steps integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.cagr(first::numeric, last::numeric, steps);
COMMENT ON FUNCTION @extschema@.cagr(numeric, numeric, integer) IS
	'average growth in % per step (tốc độ tăng bình quân): ((last / first) ^ (1 / steps) - 1) * 100; NULL when first <= 0, last < 0 or steps <= 0';
COMMENT ON FUNCTION @extschema@.cagr(double precision, double precision, integer) IS
	'average growth in % per step, float8; NULL when first <= 0, last < 0 or steps <= 0';
COMMENT ON FUNCTION @extschema@.cagr(integer, integer, integer) IS 'average growth in % per step, computed in numeric';
COMMENT ON FUNCTION @extschema@.cagr(bigint, bigint, integer) IS 'average growth in % per step, computed in numeric';

-- contribution_pp -------------------------------------------------------------
CREATE FUNCTION @extschema@.contribution_pp(part_current numeric, part_base numeric, total_base numeric)
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'contribution_pp_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contribution_pp(part_current double precision, part_base double precision,
	total_base double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'contribution_pp_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contribution_pp(part_current integer, part_base integer, total_base integer)
	RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.contribution_pp(part_current::numeric, part_base::numeric, total_base::numeric);
CREATE FUNCTION @extschema@.contribution_pp(part_current bigint, part_base bigint, total_base bigint)
	RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.contribution_pp(part_current::numeric, part_base::numeric, total_base::numeric);
COMMENT ON FUNCTION @extschema@.contribution_pp(numeric, numeric, numeric) IS
	'contribution of a part to the growth of the total, in percentage points (điểm phần trăm): (part_current - part_base) / total_base * 100; NULL when total_base = 0';
COMMENT ON FUNCTION @extschema@.contribution_pp(double precision, double precision, double precision) IS
	'contribution to growth in percentage points, float8; NULL when total_base = 0';
COMMENT ON FUNCTION @extschema@.contribution_pp(integer, integer, integer) IS
	'contribution to growth in percentage points, computed in numeric';
COMMENT ON FUNCTION @extschema@.contribution_pp(bigint, bigint, bigint) IS
	'contribution to growth in percentage points, computed in numeric';

-- share_of_growth ----------------------------------------------------------------
CREATE FUNCTION @extschema@.share_of_growth(contribution_pp numeric, total_growth_pct numeric,
	min_abs_total numeric DEFAULT 0.05) RETURNS numeric
	AS 'MODULE_PATHNAME', 'share_of_growth_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_of_growth(contribution_pp double precision, total_growth_pct double precision,
	min_abs_total double precision DEFAULT 0.05) RETURNS double precision
	AS 'MODULE_PATHNAME', 'share_of_growth_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.share_of_growth(contribution_pp integer, total_growth_pct integer) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN @extschema@.share_of_growth(contribution_pp::numeric, total_growth_pct::numeric);
COMMENT ON FUNCTION @extschema@.share_of_growth(integer, integer) IS 'share of total growth due to a part, in %, computed in numeric';
COMMENT ON FUNCTION @extschema@.share_of_growth(numeric, numeric, numeric) IS
	'share of total growth due to a part, in %: contribution_pp / total_growth_pct * 100; NULL when |total growth| < min_abs_total (default 0.05, i.e. it shows as 0,0%)';
COMMENT ON FUNCTION @extschema@.share_of_growth(double precision, double precision, double precision) IS
	'share of total growth due to a part, in %, float8; NULL when |total growth| < min_abs_total';

-- absolute_change -------------------------------------------------------------------
CREATE FUNCTION @extschema@.absolute_change(current numeric, base numeric) RETURNS numeric
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN current - base;
CREATE FUNCTION @extschema@.absolute_change(current double precision, base double precision)
	RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN current - base;
COMMENT ON FUNCTION @extschema@.absolute_change(numeric, numeric) IS
	'absolute change current - base: the comparison to report when the base is <= 0';
COMMENT ON FUNCTION @extschema@.absolute_change(double precision, double precision) IS
	'absolute change current - base, float8';

-- avg_growth_pct ---------------------------------------------------------------------
CREATE FUNCTION @extschema@.avg_growth_pct(chain_indices numeric[]) RETURNS numeric
	AS 'MODULE_PATHNAME', 'avg_growth_pct_num' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.avg_growth_pct(numeric[]) IS
	'average growth in % from chain indices (base 100): geometric mean of the indices minus 100, to 20 significant digits; NULL if there is none or any index is NULL, NaN, infinite or <= 0, or the mean cannot be represented';
