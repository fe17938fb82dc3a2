-- ---------------------------------------------------------------------------
-- crop_season: a season of a crop year ("vụ Đông Xuân 2022-2023", "vụ Mùa
-- 2023"), 4 bytes, passed by value.  The stored integer is
-- crop_year * 8 + kind, so integer order is (crop year, season) order and
-- PostgreSQL's int4 functions serve for comparison and hashing.
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.crop_season;

CREATE FUNCTION @extschema@.crop_season_in(cstring) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_out(@extschema@.crop_season) RETURNS cstring
	AS 'MODULE_PATHNAME', 'crop_season_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_recv(internal) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_send(@extschema@.crop_season) RETURNS bytea
	AS 'MODULE_PATHNAME', 'crop_season_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.crop_season (
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain,
	INPUT = @extschema@.crop_season_in,
	OUTPUT = @extschema@.crop_season_out,
	RECEIVE = @extschema@.crop_season_recv,
	SEND = @extschema@.crop_season_send,
	CATEGORY = 'D'
);
COMMENT ON TYPE @extschema@.crop_season IS
	'a crop season of a crop year: vụ Đông Xuân 2022-2023, vụ Xuân / Hè Thu / Thu Đông / Mùa / Đông 2023; the crop year is the year of harvest (Đông Xuân 2022-2023 is 2023), the winter crop vụ Đông is named by its year of sowing';
COMMENT ON FUNCTION @extschema@.crop_season_in(cstring) IS
	'text input of crop_season: any case, diacritics optional, "vụ" and "năm" optional (22007 not a season or ambiguous, 22008 year out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_out(@extschema@.crop_season) IS
	'text output of crop_season: the label as reports write it (vụ Đông Xuân 2022-2023)';
COMMENT ON FUNCTION @extschema@.crop_season_recv(internal) IS
	'binary input of crop_season: int4 crop_year * 8 + kind (0 Đông Xuân, 1 Xuân, 2 Hè Thu, 3 Thu Đông, 4 Mùa, 5 Đông), range-checked';
COMMENT ON FUNCTION @extschema@.crop_season_send(@extschema@.crop_season) IS
	'binary output of crop_season: int4 crop_year * 8 + kind';

CREATE FUNCTION @extschema@.is_valid_crop_season(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'crop_season_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid_crop_season(text) IS
	'true if the text is a season label that crop_season input accepts; never raises an error';

CREATE FUNCTION @extschema@.label_vi(@extschema@.crop_season) RETURNS text
	AS 'MODULE_PATHNAME', 'crop_season_label_vi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.label_vi(@extschema@.crop_season) IS
	'the season as reports write it: vụ Đông Xuân 2022-2023, vụ Mùa 2023';

-- label_vi of a literal or a text value: without this overload,
-- label_vi('2023-Q1') would be ambiguous between quarter and crop_season
-- (PostgreSQL prefers the text candidate for an untyped literal).  A season
-- label ("vụ ...") is read as a season, anything else as a quarter, each
-- with its own input errors.
CREATE FUNCTION @extschema@.label_vi(text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN CASE WHEN @extschema@.is_valid_crop_season($1) OR lower(btrim($1)) LIKE 'vụ %' OR lower(btrim($1)) LIKE 'vu %'
				THEN @extschema@.label_vi($1::@extschema@.crop_season)
				ELSE @extschema@.label_vi($1::@extschema@.quarter) END;
COMMENT ON FUNCTION @extschema@.label_vi(text) IS
	'the Vietnamese label of a quarter or a crop season written as text: label_vi(''2023-Q1'') is quý I-2023, label_vi(''vụ đông xuân 2022 - 2023'') is vụ Đông Xuân 2022-2023';

CREATE FUNCTION @extschema@.crop_season(kind text, crop_year integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season(text, integer) IS
	'a season from its kind (dong_xuan, xuan, he_thu, thu_dong, mua, dong) and crop year; 22023 unknown kind, 22008 year out of range';

CREATE FUNCTION @extschema@.crop_year(@extschema@.crop_season) RETURNS integer
	AS 'MODULE_PATHNAME', 'crop_season_crop_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_year(@extschema@.crop_season) IS
	'the crop year of the season (vụ Đông Xuân 2022-2023: 2023; vụ Đông 2023: 2023)';

CREATE FUNCTION @extschema@.season_kind(@extschema@.crop_season) RETURNS text
	AS 'MODULE_PATHNAME', 'crop_season_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.season_kind(@extschema@.crop_season) IS
	'the kind of the season: dong_xuan, xuan, he_thu, thu_dong, mua or dong';

-- Comparison: the int4 functions, applied to crop_year * 8 + kind -------------

CREATE FUNCTION @extschema@.crop_season_eq(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_ne(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_lt(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_le(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4le' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_gt(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_ge(@extschema@.crop_season, @extschema@.crop_season) RETURNS boolean
	AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season) RETURNS integer
	AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_sortsupport(internal) RETURNS void
	AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_hash(@extschema@.crop_season) RETURNS integer
	AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint) RETURNS bigint
	AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season_eq(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of = for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_ne(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of <> for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_lt(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of < for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_le(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of <= for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_gt(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of > for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_ge(@extschema@.crop_season, @extschema@.crop_season) IS 'implementation of >= for crop_season';
COMMENT ON FUNCTION @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season) IS 'btree comparison of seasons: by crop year, then by season within the year';
COMMENT ON FUNCTION @extschema@.crop_season_sortsupport(internal) IS 'btree sort support for crop_season (integer comparator)';
COMMENT ON FUNCTION @extschema@.crop_season_hash(@extschema@.crop_season) IS '32-bit hash of a season';
COMMENT ON FUNCTION @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint) IS '64-bit seeded hash of a season (hash partitioning, Citus distribution)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season,
	FUNCTION = @extschema@.crop_season_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.crop_season, @extschema@.crop_season) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.crop_season, @extschema@.crop_season) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.crop_season, @extschema@.crop_season) IS 'earlier crop year, or earlier season in the same crop year';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.crop_season, @extschema@.crop_season) IS 'earlier than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.crop_season, @extschema@.crop_season) IS 'later crop year, or later season in the same crop year';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.crop_season, @extschema@.crop_season) IS 'later than or equal';

CREATE OPERATOR CLASS @extschema@.crop_season_ops
	DEFAULT FOR TYPE @extschema@.crop_season USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.crop_season_cmp(@extschema@.crop_season, @extschema@.crop_season),
		FUNCTION 2 @extschema@.crop_season_sortsupport(internal),
		FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR FAMILY @extschema@.crop_season_ops USING btree IS 'btree operators for crop_season';
COMMENT ON OPERATOR CLASS @extschema@.crop_season_ops USING btree IS
	'default btree class: ordering by crop year then season, sort support, deduplication';

CREATE OPERATOR CLASS @extschema@.crop_season_hash_ops
	DEFAULT FOR TYPE @extschema@.crop_season USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.crop_season_hash(@extschema@.crop_season),
		FUNCTION 2 @extschema@.crop_season_hash_extended(@extschema@.crop_season, bigint);
COMMENT ON OPERATOR FAMILY @extschema@.crop_season_hash_ops USING hash IS 'hash operators for crop_season';
COMMENT ON OPERATOR CLASS @extschema@.crop_season_hash_ops USING hash IS
	'default hash class: hash joins, hash aggregation, hash partitioning';

-- Arithmetic in crop years: "- 1" is the same season a year before --------

CREATE FUNCTION @extschema@.crop_season_pl_int4(@extschema@.crop_season, integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_pl_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_mi_int4(@extschema@.crop_season, integer) RETURNS @extschema@.crop_season
	AS 'MODULE_PATHNAME', 'crop_season_mi_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.crop_season_mi_crop_season(@extschema@.crop_season, @extschema@.crop_season) RETURNS integer
	AS 'MODULE_PATHNAME', 'crop_season_mi_crop_season' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crop_season_pl_int4(@extschema@.crop_season, integer) IS 'the same season n crop years later (22008 out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_mi_int4(@extschema@.crop_season, integer) IS 'the same season n crop years before (22008 out of range)';
COMMENT ON FUNCTION @extschema@.crop_season_mi_crop_season(@extschema@.crop_season, @extschema@.crop_season) IS
	'crop years from the second season to the first, both of the same kind (22023 otherwise)';
CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.crop_season, RIGHTARG = integer, FUNCTION = @extschema@.crop_season_pl_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.crop_season, RIGHTARG = integer, FUNCTION = @extschema@.crop_season_mi_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.crop_season, RIGHTARG = @extschema@.crop_season, FUNCTION = @extschema@.crop_season_mi_crop_season
);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.crop_season, integer) IS 'the same season n crop years later';
COMMENT ON OPERATOR @extschema@.- (@extschema@.crop_season, integer) IS 'the same season n crop years before: season - 1 is the same season a year before';
COMMENT ON OPERATOR @extschema@.- (@extschema@.crop_season, @extschema@.crop_season) IS 'crop years between two seasons of the same kind';

-- The months of a season, as data a province can set -------------------------
-- Rows with scope '*' are the defaults; a row whose scope is a unit code
-- (a province) overrides them for that unit and the units under it.  The
-- shipped defaults are ILLUSTRATIVE (typical months, not an official
-- calendar): each province should load its own.
CREATE TABLE @extschema@.crop_season_calendar (
	scope			text NOT NULL DEFAULT '*',
	kind			text NOT NULL CHECK (kind IN ('dong_xuan', 'xuan', 'he_thu', 'thu_dong', 'mua', 'dong')),
	-- months relative to the crop year: offset -1 is the year before, +1 the year after
	first_month		smallint NOT NULL CHECK (first_month BETWEEN 1 AND 12),
	first_year_offset smallint NOT NULL CHECK (first_year_offset BETWEEN -1 AND 0),
	last_month		smallint NOT NULL CHECK (last_month BETWEEN 1 AND 12),
	last_year_offset smallint NOT NULL CHECK (last_year_offset BETWEEN 0 AND 1),
	source			text NOT NULL,
	illustrative	boolean NOT NULL,
	shipped			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (scope, kind),
	CONSTRAINT crop_season_calendar_span CHECK (
		(last_year_offset * 12 + last_month) - (first_year_offset * 12 + first_month) BETWEEN 0 AND 11)
);
COMMENT ON TABLE @extschema@.crop_season_calendar IS
	'the months each season spans, by scope (''*'': default; a unit code: that unit and the units under it); the shipped defaults are ILLUSTRATIVE';
COMMENT ON COLUMN @extschema@.crop_season_calendar.scope IS '''*'' for the default, or the code of the unit (a province) the row applies to';
COMMENT ON COLUMN @extschema@.crop_season_calendar.kind IS 'the season: dong_xuan, xuan, he_thu, thu_dong, mua or dong';
COMMENT ON COLUMN @extschema@.crop_season_calendar.first_month IS 'first month of the season (sowing)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.first_year_offset IS 'year of the first month relative to the crop year: -1 (Đông Xuân starts the winter before) or 0';
COMMENT ON COLUMN @extschema@.crop_season_calendar.last_month IS 'last month of the season (harvest)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.last_year_offset IS 'year of the last month relative to the crop year: 0, or +1 (vụ Đông is harvested the year after its sowing)';
COMMENT ON COLUMN @extschema@.crop_season_calendar.source IS 'where the months come from';
COMMENT ON COLUMN @extschema@.crop_season_calendar.illustrative IS 'true when the months are not from an official calendar';
COMMENT ON COLUMN @extschema@.crop_season_calendar.shipped IS 'true for the rows the extension ships (not dumped; rows a user adds are)';
GRANT SELECT ON @extschema@.crop_season_calendar TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.crop_season_calendar TO hatrung_editor;
INSERT INTO @extschema@.crop_season_calendar (scope, kind, first_month, first_year_offset, last_month, last_year_offset, source, illustrative, shipped) VALUES
	('*', 'dong_xuan', 11, -1, 6, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'xuan', 2, 0, 6, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'he_thu', 4, 0, 8, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'thu_dong', 7, 0, 12, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'mua', 6, 0, 11, 0, 'ILLUSTRATIVE: typical months, not an official calendar', true, true),
	('*', 'dong', 9, 0, 2, 1, 'ILLUSTRATIVE: typical months, not an official calendar', true, true);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.crop_season_calendar', 'WHERE NOT shipped');

-- The months of a season for a unit: its own or its nearest ancestor's
-- calendar row, else the default.  NULL when no row covers the season.
CREATE FUNCTION @extschema@.season_months(season @extschema@.crop_season, unit_code text DEFAULT NULL)
RETURNS daterange
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
BEGIN ATOMIC
	WITH RECURSIVE chain(unit_id, code, parent_id, depth) AS (
		SELECT u.unit_id, u.code, u.parent_id, 0
		FROM @extschema@.admin_unit u
		WHERE u.code = season_months.unit_code
		UNION
		SELECT p.unit_id, p.code, p.parent_id, c.depth + 1
		FROM chain c JOIN @extschema@.admin_unit p ON p.unit_id = c.parent_id
		WHERE c.depth < 10
	)
	SELECT daterange(make_date(@extschema@.crop_year(season_months.season) + k.first_year_offset, k.first_month, 1),
					 (make_date(@extschema@.crop_year(season_months.season) + k.last_year_offset, k.last_month, 1)
					  + interval '1 month')::date)
	FROM @extschema@.crop_season_calendar k
	LEFT JOIN (SELECT c.code, min(c.depth) AS depth FROM chain c GROUP BY c.code) AS s ON s.code = k.scope
	WHERE k.kind = @extschema@.season_kind(season_months.season) AND (k.scope = '*' OR s.code IS NOT NULL)
	ORDER BY k.scope = '*', s.depth
	LIMIT 1;
END;
COMMENT ON FUNCTION @extschema@.season_months(@extschema@.crop_season, text) IS
	'the days a season spans, [first day of its first month, day after its last month), from crop_season_calendar for the unit (its own row, its nearest ancestor''s, else the default ''*''); NULL when no row covers it';

-- NULL when the season has no months (a NULL season, or no calendar row
-- for its kind): a range built from NULL bounds would be unbounded, every
-- quarter, and every quarterly report would speak of the season.
CREATE FUNCTION @extschema@.season_quarters(season @extschema@.crop_season, unit_code text DEFAULT NULL)
RETURNS @extschema@.quarterrange
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
RETURN (SELECT @extschema@.quarterrange(@extschema@.quarter(lower(d)), @extschema@.quarter(upper(d) - 1), '[]')
		FROM (SELECT @extschema@.season_months(season, unit_code) AS d) AS m
		WHERE m.d IS NOT NULL);
COMMENT ON FUNCTION @extschema@.season_quarters(@extschema@.crop_season, text) IS
	'the quarters a season overlaps, by season_months: the quarterly reports that speak of the season; NULL when it has no months (NULL season, no calendar row for its kind)';

-- The same with the season as text: drivers bind string parameters as text
-- or varchar, for which PostgreSQL finds no function taking a crop_season
-- (untyped literals resolve here too); the text is read by the type's input.
CREATE FUNCTION @extschema@.season_months(season text, unit_code text DEFAULT NULL) RETURNS daterange
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN @extschema@.season_months(season::@extschema@.crop_season, unit_code);
COMMENT ON FUNCTION @extschema@.season_months(text, text) IS
	'season_months with the season as text in any spelling, for drivers that bind text or varchar parameters';
CREATE FUNCTION @extschema@.season_quarters(season text, unit_code text DEFAULT NULL) RETURNS @extschema@.quarterrange
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@
	RETURN @extschema@.season_quarters(season::@extschema@.crop_season, unit_code);
COMMENT ON FUNCTION @extschema@.season_quarters(text, text) IS
	'season_quarters with the season as text in any spelling, for drivers that bind text or varchar parameters';
