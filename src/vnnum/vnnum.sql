-- ---------------------------------------------------------------------------
-- Vietnamese number notation: decimal comma, dot between thousands, scale
-- words.  "22,756 triệu USD" is 22.756 million, not 22,756 million.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.parse_vn_number(text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'vn_number_parse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_vn_number(text) IS
	'number written the Vietnamese way: 1.041,6 -> 1041.6; 22,756 -> 22.756; optional scale word (nghìn, vạn, triệu, tỷ): 1,5 tỷ -> 1500000000; 22P02 on bad text';

CREATE FUNCTION @extschema@.is_valid_vn_number(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'vn_number_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_valid_vn_number(text) IS
	'true if parse_vn_number accepts the text; never raises an error';

CREATE FUNCTION @extschema@.format_vn_number(value numeric, decimals integer DEFAULT 0) RETURNS text
	AS 'MODULE_PATHNAME', 'vn_number_format' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.format_vn_number(numeric, integer) IS
	'value rounded to decimals and written the Vietnamese way: 1041.6 -> 1.041,6 (never depends on lc_numeric)';
