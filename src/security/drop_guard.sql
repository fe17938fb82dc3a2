-- ---------------------------------------------------------------------------
-- No silent loss: DROP EXTENSION hatrung deletes every table of the
-- extension with its rows.  While any holds rows users added, DROP
-- EXTENSION hatrung, DROP SCHEMA of its schema and DROP OWNED BY its owner
-- are refused (2BP01), naming the tables, unless the superuser dropping it
-- has SET hatrung.allow_drop = on.  pg_upgrade is not affected; a plain
-- pg_dump / pg_restore into a new database drops nothing.
-- ---------------------------------------------------------------------------

-- What DROP EXTENSION would delete: per table, the rows its pg_dump
-- condition keeps (all rows of the data tables, the rows not shipped of the
-- reference tables).
CREATE FUNCTION @extschema@.user_rows() RETURNS TABLE (table_name text, rows bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT c.oid::regclass AS rel, c.relname::text AS name, x.cond
		FROM pg_extension e
		CROSS JOIN LATERAL unnest(e.extconfig, e.extcondition) AS x(cfg, cond)
		JOIN pg_class c ON c.oid = x.cfg
		WHERE e.extname = 'hatrung' AND c.relkind IN ('r', 'p')
		ORDER BY c.relname
	LOOP
		table_name := t.name;
		EXECUTE format('SELECT count(*) FROM %s %s', t.rel, t.cond) INTO rows;
		RETURN NEXT;
	END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.user_rows() IS
	'per table of the extension, the rows users added (what pg_dump keeps and DROP EXTENSION would delete)';

CREATE FUNCTION @extschema@.drop_guard() RETURNS event_trigger
	AS 'MODULE_PATHNAME', 'hatrung_drop_guard' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.drop_guard() IS
	'event trigger: refuses DROP EXTENSION hatrung, DROP SCHEMA of its schema and DROP OWNED BY its owner while user_rows() counts rows, unless hatrung.allow_drop is on (2BP01)';
CREATE EVENT TRIGGER hatrung_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION @extschema@.drop_guard();
COMMENT ON EVENT TRIGGER hatrung_drop_guard IS
	'keeps DROP EXTENSION hatrung from deleting figures users added (see hatrung.drop_guard())';
