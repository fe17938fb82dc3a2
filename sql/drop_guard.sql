-- No silent loss: DROP EXTENSION hatrung, DROP SCHEMA hatrung CASCADE and
-- DROP OWNED BY its owner are refused (2BP01) while the extension's tables
-- hold rows users added, unless a superuser sets hatrung.allow_drop.
SET search_path = public, hatrung;
\set SHOW_CONTEXT never
SET client_min_messages = warning;
\i sql/include/try.sql

-- A fresh extension holds only shipped rows: it drops as before.
SELECT sum(rows) AS user_rows_fresh FROM user_rows();
DROP EXTENSION hatrung;
CREATE EXTENSION hatrung;

-- With figures loaded, every way of dropping it is refused, naming the tables.
SELECT load_demo() IS NOT NULL AS demo;
SELECT table_name, rows FROM user_rows() WHERE rows > 0;
SELECT pg_temp.try('DROP EXTENSION hatrung') AS drop_extension;
SELECT pg_temp.try('DROP EXTENSION IF EXISTS hatrung CASCADE') AS drop_extension_cascade;
SELECT pg_temp.try('DROP SCHEMA hatrung CASCADE') AS drop_schema;
SELECT pg_temp.try('DROP OWNED BY ' || quote_ident(current_user) || ' CASCADE') AS drop_owned;
SELECT count(*) AS figures_still_there FROM observation;
-- the hint says how to keep the figures and how to drop deliberately
DO $$
DECLARE
	hint text;
BEGIN
	DROP EXTENSION hatrung;
EXCEPTION WHEN dependent_objects_still_exist THEN
	GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
	RAISE WARNING 'hint: %', hint;
END
$$;

-- Other drops are not its business.
CREATE SCHEMA unrelated;
SELECT pg_temp.try('DROP SCHEMA unrelated') AS other_schema;
CREATE ROLE hatrung_test_owner_of_nothing;
SELECT pg_temp.try('DROP OWNED BY hatrung_test_owner_of_nothing') AS other_owner;
DROP ROLE hatrung_test_owner_of_nothing;

-- A user who is not a superuser can neither set the switch nor drop.
CREATE ROLE hatrung_test_intruder;
GRANT USAGE ON SCHEMA hatrung TO hatrung_test_intruder;
SET ROLE hatrung_test_intruder;
SELECT pg_temp.try('SET hatrung.allow_drop = on') AS intruder_sets_switch,
	   pg_temp.try('DROP EXTENSION hatrung') AS intruder_drops;
RESET ROLE;
DROP OWNED BY hatrung_test_intruder;
DROP ROLE hatrung_test_intruder;

-- A deliberate drop: the switch, then DROP EXTENSION; nothing is left.
SHOW hatrung.allow_drop;
SET hatrung.allow_drop = on;
DROP EXTENSION hatrung;
RESET hatrung.allow_drop;
CREATE EXTENSION hatrung;
SELECT count(*) AS figures_after_recreate FROM observation;
