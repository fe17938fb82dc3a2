-- ---------------------------------------------------------------------------
-- quarter: a calendar quarter, 4 bytes, passed by value.
-- The stored integer is year * 4 + quarter - 1, so integer order is calendar
-- order and PostgreSQL's own int4 support functions serve for comparison,
-- hashing, sorting and window frames (declared LANGUAGE internal below).
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.quarter;

CREATE FUNCTION @extschema@.quarter_in(cstring) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_out(@extschema@.quarter) RETURNS cstring
	AS 'MODULE_PATHNAME', 'quarter_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_recv(internal) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_send(@extschema@.quarter) RETURNS bytea
	AS 'MODULE_PATHNAME', 'quarter_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.quarter (
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain,
	INPUT = @extschema@.quarter_in,
	OUTPUT = @extschema@.quarter_out,
	RECEIVE = @extschema@.quarter_recv,
	SEND = @extschema@.quarter_send,
	CATEGORY = 'D'
);

COMMENT ON TYPE @extschema@.quarter IS
	'calendar quarter (2023-Q1); reads 2023Q1, Q1-2023, I-2023, quý I-2023, quý 4 năm 2023 and more';
COMMENT ON FUNCTION @extschema@.quarter_in(cstring) IS 'text input of quarter (22007 bad syntax, 22008 year out of range)';
COMMENT ON FUNCTION @extschema@.quarter_out(@extschema@.quarter) IS 'text output of quarter, always YYYY-Qn';
COMMENT ON FUNCTION @extschema@.quarter_recv(internal) IS 'binary input of quarter: int4 year * 4 + quarter - 1, range-checked';
COMMENT ON FUNCTION @extschema@.quarter_send(@extschema@.quarter) IS 'binary output of quarter: int4 year * 4 + quarter - 1';

-- Validation that never throws, for loaders (no subtransaction per row).
CREATE FUNCTION @extschema@.is_valid_quarter(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'quarter_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid_quarter(text) IS
	'true if the text is a quarter that quarter input accepts; never raises an error';

-- Constructors and conversions ------------------------------------------------

CREATE FUNCTION @extschema@.make_quarter(year integer, q integer) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.make_quarter(integer, integer) IS
	'quarter from year (1..9999) and quarter of year (1..4)';

CREATE FUNCTION @extschema@.quarter(date) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_from_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter(date) IS 'the quarter containing a date';

CREATE FUNCTION @extschema@.quarter_start(@extschema@.quarter) RETURNS date
	AS 'MODULE_PATHNAME', 'quarter_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_start(@extschema@.quarter) IS 'first day of the quarter';

CREATE FUNCTION @extschema@.quarter_end(@extschema@.quarter) RETURNS date
	AS 'MODULE_PATHNAME', 'quarter_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_end(@extschema@.quarter) IS 'last day of the quarter';

CREATE CAST (date AS @extschema@.quarter)
	WITH FUNCTION @extschema@.quarter(date);
COMMENT ON CAST (date AS @extschema@.quarter) IS 'the quarter containing the date';
CREATE CAST (@extschema@.quarter AS date)
	WITH FUNCTION @extschema@.quarter_start(@extschema@.quarter);
COMMENT ON CAST (@extschema@.quarter AS date) IS 'first day of the quarter';

CREATE FUNCTION @extschema@.quarter_from_yyyyq(integer) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_from_yyyyq_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_from_yyyyq(integer) IS
	'quarter from its integer form yyyyq: 20231 is 2023-Q1';

CREATE FUNCTION @extschema@.yyyyq(@extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_yyyyq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.yyyyq(@extschema@.quarter) IS
	'integer form yyyyq of a quarter (2023-Q1 is 20231), sortable, for BI tools';

CREATE FUNCTION @extschema@.fiscal_quarter(d date, start_month integer) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_fiscal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fiscal_quarter(date, integer) IS
	'fiscal quarter of a date for a fiscal year starting on the 1st of start_month; the fiscal year is named by the calendar year it ends in';

-- Accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.year(@extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_get_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.year(@extschema@.quarter) IS 'calendar year of the quarter';

CREATE FUNCTION @extschema@.quarter_of_year(@extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_get_quarter_of_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_of_year(@extschema@.quarter) IS 'quarter number within its year, 1 to 4';

CREATE FUNCTION @extschema@.half_of_year(@extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_half_of_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.half_of_year(@extschema@.quarter) IS
	'half-year of the quarter: 1 for Q1-Q2 (6 tháng đầu năm), 2 for Q3-Q4';

CREATE FUNCTION @extschema@.days_in(@extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_days_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days_in(@extschema@.quarter) IS 'number of days in the quarter (90 to 92)';

CREATE FUNCTION @extschema@.label_vi(@extschema@.quarter) RETURNS text
	AS 'MODULE_PATHNAME', 'quarter_label_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label_vi(@extschema@.quarter) IS
	'the quarter as Vietnamese reports write it: quý I-2023';

-- Comparison: the int4 functions, applied to the ordinal ------------------------

CREATE FUNCTION @extschema@.quarter_eq(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_ne(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_lt(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_le(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4le' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_gt(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_ge(@extschema@.quarter, @extschema@.quarter) RETURNS boolean
	AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_cmp(@extschema@.quarter, @extschema@.quarter) RETURNS integer
	AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_sortsupport(internal) RETURNS void
	AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_in_range(@extschema@.quarter, @extschema@.quarter, integer, boolean, boolean)
	RETURNS boolean
	AS 'in_range_int4_int4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_hash(@extschema@.quarter) RETURNS integer
	AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_hash_extended(@extschema@.quarter, bigint) RETURNS bigint
	AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_smaller(@extschema@.quarter, @extschema@.quarter) RETURNS @extschema@.quarter
	AS 'int4smaller' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_larger(@extschema@.quarter, @extschema@.quarter) RETURNS @extschema@.quarter
	AS 'int4larger' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quarter_eq(@extschema@.quarter, @extschema@.quarter) IS 'implementation of = for quarter';
COMMENT ON FUNCTION @extschema@.quarter_ne(@extschema@.quarter, @extschema@.quarter) IS 'implementation of <> for quarter';
COMMENT ON FUNCTION @extschema@.quarter_lt(@extschema@.quarter, @extschema@.quarter) IS 'implementation of < for quarter';
COMMENT ON FUNCTION @extschema@.quarter_le(@extschema@.quarter, @extschema@.quarter) IS 'implementation of <= for quarter';
COMMENT ON FUNCTION @extschema@.quarter_gt(@extschema@.quarter, @extschema@.quarter) IS 'implementation of > for quarter';
COMMENT ON FUNCTION @extschema@.quarter_ge(@extschema@.quarter, @extschema@.quarter) IS 'implementation of >= for quarter';
COMMENT ON FUNCTION @extschema@.quarter_cmp(@extschema@.quarter, @extschema@.quarter) IS 'btree comparison of quarters: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.quarter_sortsupport(internal) IS 'btree sort support for quarter (integer comparator)';
COMMENT ON FUNCTION @extschema@.quarter_in_range(@extschema@.quarter, @extschema@.quarter, integer, boolean, boolean) IS
	'btree in_range support: RANGE BETWEEN n PRECEDING/FOLLOWING window frames over quarters';
COMMENT ON FUNCTION @extschema@.quarter_hash(@extschema@.quarter) IS '32-bit hash of a quarter';
COMMENT ON FUNCTION @extschema@.quarter_hash_extended(@extschema@.quarter, bigint) IS '64-bit seeded hash of a quarter (hash partitioning)';
COMMENT ON FUNCTION @extschema@.quarter_smaller(@extschema@.quarter, @extschema@.quarter) IS 'the earlier of two quarters';
COMMENT ON FUNCTION @extschema@.quarter_larger(@extschema@.quarter, @extschema@.quarter) IS 'the later of two quarters';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.quarter, @extschema@.quarter) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.quarter, @extschema@.quarter) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.quarter, @extschema@.quarter) IS 'earlier than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.quarter, @extschema@.quarter) IS 'earlier than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.quarter, @extschema@.quarter) IS 'later than';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.quarter, @extschema@.quarter) IS 'later than or equal';

CREATE OPERATOR CLASS @extschema@.quarter_ops
	DEFAULT FOR TYPE @extschema@.quarter USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.quarter_cmp(@extschema@.quarter, @extschema@.quarter),
		FUNCTION 2 @extschema@.quarter_sortsupport(internal),
		FUNCTION 3 @extschema@.quarter_in_range(@extschema@.quarter, @extschema@.quarter, integer, boolean, boolean),
		FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR FAMILY @extschema@.quarter_ops USING btree IS 'btree operators for quarter';
COMMENT ON OPERATOR CLASS @extschema@.quarter_ops USING btree IS
	'default btree class: ordering, sort support, in_range window frames, deduplication';

CREATE OPERATOR CLASS @extschema@.quarter_hash_ops
	DEFAULT FOR TYPE @extschema@.quarter USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.quarter_hash(@extschema@.quarter),
		FUNCTION 2 @extschema@.quarter_hash_extended(@extschema@.quarter, bigint);
COMMENT ON OPERATOR FAMILY @extschema@.quarter_hash_ops USING hash IS 'hash operators for quarter';
COMMENT ON OPERATOR CLASS @extschema@.quarter_hash_ops USING hash IS
	'default hash class: hash joins, hash aggregation, hash partitioning';

CREATE OPERATOR CLASS @extschema@.quarter_minmax_ops
	DEFAULT FOR TYPE @extschema@.quarter USING brin AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
		FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
		FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
		FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);
COMMENT ON OPERATOR FAMILY @extschema@.quarter_minmax_ops USING brin IS 'BRIN minmax operators for quarter';
COMMENT ON OPERATOR CLASS @extschema@.quarter_minmax_ops USING brin IS
	'default BRIN class: block-range min/max for large append-only tables ordered by period';

CREATE AGGREGATE @extschema@.min(@extschema@.quarter) (
	SFUNC = @extschema@.quarter_smaller,
	STYPE = @extschema@.quarter,
	COMBINEFUNC = @extschema@.quarter_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.quarter) IS 'earliest quarter';
CREATE AGGREGATE @extschema@.max(@extschema@.quarter) (
	SFUNC = @extschema@.quarter_larger,
	STYPE = @extschema@.quarter,
	COMBINEFUNC = @extschema@.quarter_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.quarter) IS 'latest quarter';

-- Arithmetic ----------------------------------------------------------------------

CREATE FUNCTION @extschema@.quarter_pl_int4(@extschema@.quarter, integer) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_pl_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int4_pl_quarter(integer, @extschema@.quarter) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'int4_pl_quarter' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_mi_int4(@extschema@.quarter, integer) RETURNS @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_mi_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quarter_mi_quarter(@extschema@.quarter, @extschema@.quarter) RETURNS integer
	AS 'MODULE_PATHNAME', 'quarter_mi_quarter' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_pl_int4(@extschema@.quarter, integer) IS 'quarter plus n quarters';
COMMENT ON FUNCTION @extschema@.int4_pl_quarter(integer, @extschema@.quarter) IS 'n quarters plus quarter';
COMMENT ON FUNCTION @extschema@.quarter_mi_int4(@extschema@.quarter, integer) IS 'quarter minus n quarters';
COMMENT ON FUNCTION @extschema@.quarter_mi_quarter(@extschema@.quarter, @extschema@.quarter) IS 'number of quarters from the second to the first';

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.quarter, RIGHTARG = integer,
	FUNCTION = @extschema@.quarter_pl_int4, COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.+ (
	LEFTARG = integer, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.int4_pl_quarter, COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.quarter, RIGHTARG = integer,
	FUNCTION = @extschema@.quarter_mi_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.quarter, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.quarter_mi_quarter
);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.quarter, integer) IS 'quarter plus n quarters';
COMMENT ON OPERATOR @extschema@.+ (integer, @extschema@.quarter) IS 'n quarters plus quarter';
COMMENT ON OPERATOR @extschema@.- (@extschema@.quarter, integer) IS 'quarter minus n quarters';
COMMENT ON OPERATOR @extschema@.- (@extschema@.quarter, @extschema@.quarter) IS 'quarters between two quarters';

-- Containment of dates ----------------------------------------------------------------

CREATE FUNCTION @extschema@.quarter_contains_date(@extschema@.quarter, date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'quarter_contains_date' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.date_contained_by_quarter(date, @extschema@.quarter) RETURNS boolean
	AS 'MODULE_PATHNAME', 'date_contained_by_quarter' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_contains_date(@extschema@.quarter, date) IS 'true if the date falls in the quarter';
COMMENT ON FUNCTION @extschema@.date_contained_by_quarter(date, @extschema@.quarter) IS 'true if the date falls in the quarter';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.quarter, RIGHTARG = date,
	FUNCTION = @extschema@.quarter_contains_date,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = date, RIGHTARG = @extschema@.quarter,
	FUNCTION = @extschema@.date_contained_by_quarter,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.quarter, date) IS 'quarter contains date';
COMMENT ON OPERATOR @extschema@.<@ (date, @extschema@.quarter) IS 'date is contained by quarter';

-- Ranges and series -----------------------------------------------------------------------

CREATE FUNCTION @extschema@.quarter_subdiff(@extschema@.quarter, @extschema@.quarter) RETURNS double precision
	AS 'MODULE_PATHNAME', 'quarter_subdiff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quarter_subdiff(@extschema@.quarter, @extschema@.quarter) IS
	'quarters from the second to the first, as float8 (range type support)';

CREATE TYPE @extschema@.quarterrange;
CREATE FUNCTION @extschema@.quarterrange_canonical(@extschema@.quarterrange) RETURNS @extschema@.quarterrange
	AS 'MODULE_PATHNAME', 'quarterrange_canonical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.quarterrange AS RANGE (
	SUBTYPE = @extschema@.quarter,
	SUBTYPE_OPCLASS = @extschema@.quarter_ops,
	CANONICAL = @extschema@.quarterrange_canonical,
	SUBTYPE_DIFF = @extschema@.quarter_subdiff,
	MULTIRANGE_TYPE_NAME = @extschema@.quartermultirange
);
COMMENT ON FUNCTION @extschema@.quarterrange_canonical(@extschema@.quarterrange) IS
	'canonical form [lower,upper) of a quarter range';
COMMENT ON TYPE @extschema@.quarterrange IS
	'range of quarters, discrete: [2023-Q1,2023-Q4] reads back as [2023-Q1,2024-Q1)';
COMMENT ON TYPE @extschema@.quartermultirange IS 'set of disjoint quarter ranges';
COMMENT ON FUNCTION @extschema@.quarterrange(@extschema@.quarter, @extschema@.quarter) IS
	'quarter range [lower, upper)';
COMMENT ON FUNCTION @extschema@.quarterrange(@extschema@.quarter, @extschema@.quarter, text) IS
	'quarter range with the bounds given as text, such as ''[]''';
COMMENT ON FUNCTION @extschema@.quartermultirange() IS 'empty quarter multirange';
COMMENT ON FUNCTION @extschema@.quartermultirange(@extschema@.quarterrange) IS 'quarter multirange of one range';
COMMENT ON FUNCTION @extschema@.quartermultirange(@extschema@.quarterrange[]) IS 'quarter multirange of several ranges';
COMMENT ON CAST (@extschema@.quarterrange AS @extschema@.quartermultirange) IS 'multirange holding the one range';

-- Reporting periods: cumulative periods as quarter ranges ---------------------

CREATE FUNCTION @extschema@.parse_period_vi(text) RETURNS @extschema@.quarterrange
	AS 'MODULE_PATHNAME', 'quarter_parse_period_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_period_vi(text) IS
	'a report''s period heading as a quarter range: quý II-2023 is [2023-Q2,2023-Q3), 6 tháng đầu năm 2023 (or 6 tháng năm 2023, 6 tháng 2023) is [2023-Q1,2023-Q3), 9 tháng năm 2023 is [2023-Q1,2023-Q4), năm 2023 and cả năm 2023 are [2023-Q1,2024-Q1); errors 22007 (not a period, months other than 3, 6, 9, 12) and 22008 (year outside 0001-9999)';

CREATE FUNCTION @extschema@.period_label_vi(@extschema@.quarterrange) RETURNS text
	AS 'MODULE_PATHNAME', 'quarter_period_label_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_label_vi(@extschema@.quarterrange) IS
	'a quarter range as reports head it: quý II-2023, 6 tháng đầu năm 2023, năm 2023, or từ quý II-2023 đến quý III-2023; NULL for the empty range; error 22023 for an unbounded range';

CREATE FUNCTION @extschema@.generate_series_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'quarter_generate_series_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.generate_series_support(internal) IS
	'planner support: exact row estimate for generate_series over quarters';

CREATE FUNCTION @extschema@.generate_series(@extschema@.quarter, @extschema@.quarter)
	RETURNS SETOF @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_generate_series' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 SUPPORT @extschema@.generate_series_support;
CREATE FUNCTION @extschema@.generate_series(@extschema@.quarter, @extschema@.quarter, integer)
	RETURNS SETOF @extschema@.quarter
	AS 'MODULE_PATHNAME', 'quarter_generate_series' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 SUPPORT @extschema@.generate_series_support;
COMMENT ON FUNCTION @extschema@.generate_series(@extschema@.quarter, @extschema@.quarter) IS
	'every quarter from the first to the second, inclusive';
COMMENT ON FUNCTION @extschema@.generate_series(@extschema@.quarter, @extschema@.quarter, integer) IS
	'quarters from the first to the second, inclusive, stepping by n quarters (negative steps count down)';
