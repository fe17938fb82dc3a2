-- ---------------------------------------------------------------------------
-- Gap-safe period comparisons: window functions over (value, period), used
-- as  f(value, period) OVER (PARTITION BY <series> ORDER BY period).
-- They match rows by period, never by position: a missing quarter gives
-- NULL, never a neighbouring quarter's figure.  An unordered partition is
-- error 42P20, a repeated period 21000, a NULL period 22004.
-- numeric and float8 versions share one C implementation.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.same_period_last_year(value numeric, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_same_period_last_year' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.same_period_last_year(value double precision, period @extschema@.quarter)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_same_period_last_year' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.same_period_last_year(numeric, @extschema@.quarter) IS
	'window: the value at period - 4 quarters (cùng kỳ năm trước), NULL if that quarter is absent';
COMMENT ON FUNCTION @extschema@.same_period_last_year(double precision, @extschema@.quarter) IS
	'window: the value at period - 4 quarters, NULL if absent (float8)';

CREATE FUNCTION @extschema@.previous_quarter(value numeric, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_previous_quarter' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.previous_quarter(value double precision, period @extschema@.quarter)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_previous_quarter' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.previous_quarter(numeric, @extschema@.quarter) IS
	'window: the value at period - 1 quarter (kỳ trước), NULL if that quarter is absent';
COMMENT ON FUNCTION @extschema@.previous_quarter(double precision, @extschema@.quarter) IS
	'window: the value at period - 1 quarter, NULL if absent (float8)';

CREATE FUNCTION @extschema@.yoy_pct(value numeric, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_yoy_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.yoy_pct(value double precision, period @extschema@.quarter) RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_yoy_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.yoy_pct(numeric, @extschema@.quarter) IS
	'window: growth in % against the same quarter last year (so với cùng kỳ); NULL if absent or base <= 0';
COMMENT ON FUNCTION @extschema@.yoy_pct(double precision, @extschema@.quarter) IS
	'window: growth in % against the same quarter last year (float8)';

CREATE FUNCTION @extschema@.qoq_pct(value numeric, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_qoq_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qoq_pct(value double precision, period @extschema@.quarter) RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_qoq_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qoq_pct(numeric, @extschema@.quarter) IS
	'window: growth in % against the previous quarter (so với kỳ trước); NULL if absent or base <= 0';
COMMENT ON FUNCTION @extschema@.qoq_pct(double precision, @extschema@.quarter) IS
	'window: growth in % against the previous quarter (float8)';

CREATE FUNCTION @extschema@.chain_index(value numeric, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_chain_index' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_index(value double precision, period @extschema@.quarter) RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_chain_index' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chain_index(numeric, @extschema@.quarter) IS
	'window: chain index (chỉ số liên hoàn) value / previous quarter * 100, from levels; NULL if absent';
COMMENT ON FUNCTION @extschema@.chain_index(double precision, @extschema@.quarter) IS
	'window: chain index value / previous quarter * 100 (float8)';

CREATE FUNCTION @extschema@.fixed_base_index(value numeric, period @extschema@.quarter,
	base_period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_fixed_base_index' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.fixed_base_index(value double precision, period @extschema@.quarter,
	base_period @extschema@.quarter) RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_fixed_base_index' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fixed_base_index(numeric, @extschema@.quarter, @extschema@.quarter) IS
	'window: fixed-base index (chỉ số định gốc) value / value at base_period * 100, from levels; NULL if the base is absent or <= 0';
COMMENT ON FUNCTION @extschema@.fixed_base_index(double precision, @extschema@.quarter, @extschema@.quarter) IS
	'window: fixed-base index value / value at base_period * 100 (float8)';

CREATE FUNCTION @extschema@.ytd(value numeric, period @extschema@.quarter, kind text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_ytd' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ytd(value double precision, period @extschema@.quarter, kind text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_ytd' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ytd(numeric, @extschema@.quarter, text) IS
	'window: year to date (lũy kế): kind ''flow'' sums Q1..period (NULL if any is missing), ''stock'' is the value at period; other kinds 22023';
COMMENT ON FUNCTION @extschema@.ytd(double precision, @extschema@.quarter, text) IS
	'window: year to date by kind ''flow'' or ''stock'' (float8)';

CREATE FUNCTION @extschema@.ytd_yoy_pct(value numeric, period @extschema@.quarter, kind text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'window_ytd_yoy_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.ytd_yoy_pct(value double precision, period @extschema@.quarter, kind text)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'window_ytd_yoy_pct' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ytd_yoy_pct(numeric, @extschema@.quarter, text) IS
	'window: growth in % of the year to date against the same span last year, from the two totals';
COMMENT ON FUNCTION @extschema@.ytd_yoy_pct(double precision, @extschema@.quarter, text) IS
	'window: YTD growth in % against the same span last year (float8)';
