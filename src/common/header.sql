-- hatrung install script, assembled by the Makefile from src/*/*.sql.
-- Edit the pieces under src/, never the assembled hatrung--X.Y.sql.

\echo Use "CREATE EXTENSION hatrung" to load this file. \quit

-- CREATE EXTENSION creates the schema named in hatrung.control when it is
-- missing.  PostgreSQL cannot make a schema a member of the extension that
-- lives in it, so DROP EXTENSION leaves the (then empty) schema behind.
COMMENT ON SCHEMA @extschema@ IS
	'hatrung: quarters, growth rates, district reporting and NTM scoring for Vietnamese socio-economic statistics';
