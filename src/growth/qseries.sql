-- ---------------------------------------------------------------------------
-- qseries: a compact quarterly series (period -> numeric value), built by
-- the parallel, combinable aggregate quarterly_series(value, period), and
-- read by accessors that answer the window functions' questions.
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.qseries;
CREATE FUNCTION @extschema@.qseries_in(cstring) RETURNS @extschema@.qseries
	AS 'MODULE_PATHNAME', 'qseries_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_out(@extschema@.qseries) RETURNS cstring
	AS 'MODULE_PATHNAME', 'qseries_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_recv(internal) RETURNS @extschema@.qseries
	AS 'MODULE_PATHNAME', 'qseries_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_send(@extschema@.qseries) RETURNS bytea
	AS 'MODULE_PATHNAME', 'qseries_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.qseries (
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended,
	INPUT = @extschema@.qseries_in,
	OUTPUT = @extschema@.qseries_out,
	RECEIVE = @extschema@.qseries_recv,
	SEND = @extschema@.qseries_send
);
COMMENT ON TYPE @extschema@.qseries IS
	'quarterly series summary {2023-Q1:820,2023-Q2:801.5}, built by quarterly_series(value, period)';
COMMENT ON FUNCTION @extschema@.qseries_in(cstring) IS 'text input of qseries: {period:value,...}, any order, no repeated period';
COMMENT ON FUNCTION @extschema@.qseries_out(@extschema@.qseries) IS 'text output of qseries, periods ascending';
COMMENT ON FUNCTION @extschema@.qseries_recv(internal) IS 'binary input of qseries: int4 n, then (int4 ordinal, int4 length, numeric binary) n times';
COMMENT ON FUNCTION @extschema@.qseries_send(@extschema@.qseries) IS 'binary output of qseries';

-- The aggregate ------------------------------------------------------------------
-- Its state is a real type, qseries_partial (not internal): Citus runs the
-- first half of an aggregate on its worker nodes only for such states, and
-- ships them in their text form; PostgreSQL's parallel workers pass them as
-- they are.  While the aggregate runs the state is an expanded object that
-- is appended to in place (src/growth/qseries_partial.c).
CREATE TYPE @extschema@.qseries_partial;
CREATE FUNCTION @extschema@.qseries_partial_in(cstring) RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_out(@extschema@.qseries_partial) RETURNS cstring
	AS 'MODULE_PATHNAME', 'qseries_partial_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_recv(internal) RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_send(@extschema@.qseries_partial) RETURNS bytea
	AS 'MODULE_PATHNAME', 'qseries_partial_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.qseries_partial (
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended,
	INPUT = @extschema@.qseries_partial_in,
	OUTPUT = @extschema@.qseries_partial_out,
	RECEIVE = @extschema@.qseries_partial_recv,
	SEND = @extschema@.qseries_partial_send
);
COMMENT ON TYPE @extschema@.qseries_partial IS
	'partial state of quarterly_series: the values gathered so far, periods in arrival order and possibly repeated, ranked or not ({2023-Q1:820@1,2023-Q1:821@3}); what Citus workers and parallel workers pass on';
COMMENT ON FUNCTION @extschema@.qseries_partial_in(cstring) IS 'text input of qseries_partial: {period:value,...} or {period:value@rank,...}';
COMMENT ON FUNCTION @extschema@.qseries_partial_out(@extschema@.qseries_partial) IS 'text output of qseries_partial, elements in arrival order';
COMMENT ON FUNCTION @extschema@.qseries_partial_recv(internal) IS 'binary input of qseries_partial: int4 ranked, int4 n, then (int4 ordinal, [int4 rank,] int4 length, numeric binary) n times';
COMMENT ON FUNCTION @extschema@.qseries_partial_send(@extschema@.qseries_partial) IS 'binary output of qseries_partial';

CREATE FUNCTION @extschema@.qseries_partial_trans(@extschema@.qseries_partial, numeric, @extschema@.quarter)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_trans_ranked(@extschema@.qseries_partial, numeric, @extschema@.quarter, integer)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_trans_ranked' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_combine(@extschema@.qseries_partial, @extschema@.qseries_partial)
	RETURNS @extschema@.qseries_partial
	AS 'MODULE_PATHNAME', 'qseries_partial_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.qseries_partial_final(@extschema@.qseries_partial) RETURNS @extschema@.qseries
	AS 'MODULE_PATHNAME', 'qseries_partial_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qseries_partial_trans(@extschema@.qseries_partial, numeric, @extschema@.quarter) IS
	'quarterly_series transition: collects (period, value), skipping NULLs';
COMMENT ON FUNCTION @extschema@.qseries_partial_trans_ranked(@extschema@.qseries_partial, numeric, @extschema@.quarter, integer) IS
	'ranked quarterly_series transition: collects (period, value, rank), skipping NULLs';
COMMENT ON FUNCTION @extschema@.qseries_partial_combine(@extschema@.qseries_partial, @extschema@.qseries_partial) IS
	'quarterly_series combine: merges partial states (parallel workers, Citus worker nodes)';
COMMENT ON FUNCTION @extschema@.qseries_partial_final(@extschema@.qseries_partial) IS
	'quarterly_series final: sorts by period; keeps the highest rank of a repeated period in the ranked form, rejects repeated periods (21000) otherwise';

CREATE AGGREGATE @extschema@.quarterly_series(value numeric, period @extschema@.quarter) (
	SFUNC = @extschema@.qseries_partial_trans,
	STYPE = @extschema@.qseries_partial,
	-- the planner's size of a state: 8 kB, as for 1.1's internal state;
	-- the state grows with its series, and hash aggregation checks its
	-- memory only when a group is added, so an estimate of a few bytes
	-- would let a GROUP BY over many long series outgrow work_mem
	SSPACE = 8192,
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter) IS
	'summary of a quarterly series per group (qseries): combinable, parallel, run on Citus worker nodes; read it with value_at, yoy_pct, ytd, cagr ...';

-- The ranked form: several versions of a figure (vintages) in one group; the
-- highest rank of each period wins, so a series of the latest vintages is
-- one aggregate over all of them.
CREATE AGGREGATE @extschema@.quarterly_series(value numeric, period @extschema@.quarter, rank integer) (
	SFUNC = @extschema@.qseries_partial_trans_ranked,
	STYPE = @extschema@.qseries_partial,
	-- no SSPACE: this form builds quarterly_report's groups, each a year and
	-- a few quarters; sized at 8 kB, one quarter nationwide plans a slower
	-- spilling aggregate (498 ms against 409 ms at 3,000 communes)
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.quarterly_series(numeric, @extschema@.quarter, integer) IS
	'summary of a quarterly series per group where a period may repeat: the value of highest rank (e.g. vintage_rank) wins; equal highest ranks are an error (21000)';

-- Accessors ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.value_at(s @extschema@.qseries, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_value_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.same_period_last_year(s @extschema@.qseries, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_same_period_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.previous_quarter(s @extschema@.qseries, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_previous_quarter' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.yoy_pct(s @extschema@.qseries, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_yoy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.qoq_pct(s @extschema@.qseries, period @extschema@.quarter) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_qoq_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ytd(s @extschema@.qseries, period @extschema@.quarter, kind text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_ytd' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ytd_yoy_pct(s @extschema@.qseries, period @extschema@.quarter, kind text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_ytd_yoy_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(s @extschema@.qseries, quarters_per_step integer DEFAULT 4) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.first_period(s @extschema@.qseries) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'qseries_first_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.last_period(s @extschema@.qseries) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'qseries_last_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.periods(s @extschema@.qseries) RETURNS integer
	AS 'MODULE_PATHNAME', 'qseries_length' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value_at(@extschema@.qseries, @extschema@.quarter) IS 'value of the series at a period, NULL if absent';
COMMENT ON FUNCTION @extschema@.same_period_last_year(@extschema@.qseries, @extschema@.quarter) IS 'value at period - 4 quarters, NULL if absent';
COMMENT ON FUNCTION @extschema@.previous_quarter(@extschema@.qseries, @extschema@.quarter) IS 'value at period - 1 quarter, NULL if absent';
COMMENT ON FUNCTION @extschema@.yoy_pct(@extschema@.qseries, @extschema@.quarter) IS 'growth in % at period against the same quarter last year';
COMMENT ON FUNCTION @extschema@.qoq_pct(@extschema@.qseries, @extschema@.quarter) IS 'growth in % at period against the previous quarter';
COMMENT ON FUNCTION @extschema@.ytd(@extschema@.qseries, @extschema@.quarter, text) IS 'year to date at period: ''flow'' sums Q1..period (NULL if any is missing), ''stock'' is the value at period';
COMMENT ON FUNCTION @extschema@.ytd_yoy_pct(@extschema@.qseries, @extschema@.quarter, text) IS 'growth in % of the year to date against the same span last year';
COMMENT ON FUNCTION @extschema@.cagr(@extschema@.qseries, integer) IS 'average growth in % per step between the first and last observation; a step is quarters_per_step quarters (4 = per year)';
COMMENT ON FUNCTION @extschema@.first_period(@extschema@.qseries) IS 'first period of the series';
COMMENT ON FUNCTION @extschema@.last_period(@extschema@.qseries) IS 'last period of the series';
COMMENT ON FUNCTION @extschema@.periods(@extschema@.qseries) IS 'number of periods with a value';

-- The chronological mean of a stock (levels at points in time): the first
-- and last levels count half, (y1/2 + y2 + ... + yn/2) / (n - 1), over the
-- periods present (a flow's mean stays avg).
CREATE FUNCTION @extschema@.chronological_mean(s @extschema@.qseries) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_chronological_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.chronological_mean(@extschema@.qseries) IS
	'chronological mean of a stock''s levels: (y1/2 + y2 + ... + yn/2) / (n - 1) over the periods present; NULL below two values';
CREATE FUNCTION @extschema@.qseries_partial_chronological_mean(@extschema@.qseries_partial) RETURNS numeric
	AS 'MODULE_PATHNAME', 'qseries_partial_chronological_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.qseries_partial_chronological_mean(@extschema@.qseries_partial) IS
	'chronological_mean final: the chronological mean of the gathered series';
CREATE AGGREGATE @extschema@.chronological_mean(value numeric, period @extschema@.quarter) (
	SFUNC = @extschema@.qseries_partial_trans,
	STYPE = @extschema@.qseries_partial,
	-- the planner's size of a state: 8 kB, as for 1.1's internal state;
	-- the state grows with its series, and hash aggregation checks its
	-- memory only when a group is added, so an estimate of a few bytes
	-- would let a GROUP BY over many long series outgrow work_mem
	SSPACE = 8192,
	COMBINEFUNC = @extschema@.qseries_partial_combine,
	FINALFUNC = @extschema@.qseries_partial_chronological_mean,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.chronological_mean(numeric, @extschema@.quarter) IS
	'chronological mean of a stock''s levels per group: (y1/2 + y2 + ... + yn/2) / (n - 1) in period order over the periods present; a repeated period is 21000; NULL below two values';
