-- ---------------------------------------------------------------------------
-- Roles and row-level security.
--   hatrung_reader       reads every table and view
--   hatrung_editor       also writes observations, plans, NTM measurements,
--                        zones and user thresholds, for every unit
--   hatrung_unit_editor  base role of per-unit editors: may write the
--                        observations and NTM measurements of the units
--                        granted by grant_unit_editor() (one role per unit),
--                        nothing else
-- Nobody but the extension's owner writes history or shipped reference rows.
-- Roles are cluster-wide: they are created when missing and stay after
-- DROP EXTENSION (other databases may use them).
-- ---------------------------------------------------------------------------
DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['hatrung_reader', 'hatrung_editor', 'hatrung_unit_editor'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
END
$$;
GRANT hatrung_reader TO hatrung_editor, hatrung_unit_editor;

GRANT USAGE ON SCHEMA @extschema@ TO hatrung_reader;
-- Each table and view grants its own privileges and declares its own
-- row-level security next to its definition (src/data/, src/ntm/).

-- Which role may write which unit's data: membership of a per-unit role,
-- hatrung_unit_<unit_id>_<8 hex digits of md5(database name)>, which
-- grant_unit_editor() creates and grants.  Rights are memberships, held by
-- role OID: an editor role that is dropped takes its rights with it without
-- blocking anyone, a renamed one keeps them, and a new role with an old
-- name gains nothing.  The check reads only the system catalogs, so the
-- row-level security policies below also run on Citus worker nodes.
CREATE FUNCTION @extschema@.unit_role_name(unit_id bigint) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN 'hatrung_unit_' OPERATOR(pg_catalog.||) unit_id::text OPERATOR(pg_catalog.||) '_'
		OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.md5(pg_catalog.current_database()::text), 8);
COMMENT ON FUNCTION @extschema@.unit_role_name(bigint) IS
	'name of the role whose members may write a unit''s data in this database (hatrung_unit_<unit_id>_<md5 of the database name, 8 hex digits>)';

-- True if the current user is a member of the unit's role.  STABLE and
-- catalog-only, so a policy evaluates it cheaply, on any node.
CREATE FUNCTION @extschema@.may_edit_unit(unit_id bigint) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(pg_catalog.pg_has_role(CURRENT_USER,
		pg_catalog.to_regrole(@extschema@.unit_role_name(unit_id))::oid, 'MEMBER'), false);
COMMENT ON FUNCTION @extschema@.may_edit_unit(bigint) IS 'true if the current user is a member of the unit''s role (granted by grant_unit_editor())';

CREATE VIEW @extschema@.unit_editor AS
SELECT m.member::regrole::text AS role_name,
	   pg_catalog.split_part(r.rolname::text, '_', 3)::bigint AS unit_id,
	   m.grantor::regrole::text AS granted_by
FROM pg_catalog.pg_roles r
JOIN pg_catalog.pg_auth_members m ON m.roleid = r.oid
WHERE r.rolname OPERATOR(pg_catalog.~) ('^hatrung_unit_[0-9]+_'
	  OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.md5(pg_catalog.current_database()::text), 8)
	  OPERATOR(pg_catalog.||) '$');
COMMENT ON VIEW @extschema@.unit_editor IS 'per-unit write rights in this database: role_name may write the observations and NTM measurements of unit_id';
COMMENT ON COLUMN @extschema@.unit_editor.role_name IS 'the editor role';
COMMENT ON COLUMN @extschema@.unit_editor.unit_id IS 'the unit it may write';
COMMENT ON COLUMN @extschema@.unit_editor.granted_by IS 'who granted it';
GRANT SELECT ON @extschema@.unit_editor TO hatrung_reader;

CREATE FUNCTION @extschema@.grant_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer := 0;
	missing text;
	unit_role text;
	u record;
BEGIN
	SELECT string_agg(c, ', ') INTO missing
	FROM unnest(unit_codes) AS c
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.admin_unit a WHERE a.code = c);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'unknown unit codes: %', missing USING ERRCODE = 'foreign_key_violation';
	END IF;
	EXECUTE format('GRANT hatrung_unit_editor TO %s', editor);
	FOR u IN SELECT a.unit_id, a.code FROM @extschema@.admin_unit a WHERE a.code = ANY (unit_codes) ORDER BY a.unit_id LOOP
		unit_role := @extschema@.unit_role_name(u.unit_id);
		IF to_regrole(unit_role) IS NULL THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', unit_role);
			EXECUTE format('COMMENT ON ROLE %I IS %L', unit_role,
						   format('hatrung: members may write unit %s (unit_id %s) in database %s',
								  u.code, u.unit_id, current_database()));
		END IF;
		IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
					   WHERE m.roleid = to_regrole(unit_role) AND m.member = editor) THEN
			EXECUTE format('GRANT %I TO %s', unit_role, editor);
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_unit_editor(regrole, text[]) IS
	'lets a role write the observations and NTM measurements of the given unit codes (every validity period of each code) and nothing else, through membership of each unit''s role (created when missing); returns the rights added';

CREATE FUNCTION @extschema@.revoke_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer := 0;
	unit_role text;
	u record;
BEGIN
	FOR u IN SELECT a.unit_id FROM @extschema@.admin_unit a WHERE a.code = ANY (unit_codes) LOOP
		unit_role := @extschema@.unit_role_name(u.unit_id);
		IF EXISTS (SELECT 1 FROM pg_auth_members m
				   WHERE m.roleid = to_regrole(unit_role) AND m.member = editor) THEN
			EXECUTE format('REVOKE %I FROM %s', unit_role, editor);
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_unit_editor(regrole, text[]) IS 'takes back per-unit write rights; returns the rights removed';
