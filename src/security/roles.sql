-- ---------------------------------------------------------------------------
-- Roles and row-level security.
--   hatrung_reader       reads every table and view
--   hatrung_editor       also writes observations, plans, NTM measurements,
--                        zones and user thresholds, for every unit
--   hatrung_unit_editor  base role of per-unit editors: may write the
--                        observations and NTM measurements of the units
--                        granted by grant_unit_editor(), nothing else
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
GRANT SELECT ON ALL TABLES IN SCHEMA @extschema@ TO hatrung_reader;
GRANT INSERT, UPDATE, DELETE ON @extschema@.observation, @extschema@.annual_plan, @extschema@.ntm_measurement,
	@extschema@.ntm_unit_zone, @extschema@.ntm_threshold TO hatrung_editor;
GRANT INSERT ON @extschema@.observation_import, @extschema@.ntm_threshold_import TO hatrung_editor;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA @extschema@ TO hatrung_editor;
GRANT INSERT, UPDATE, DELETE ON @extschema@.observation, @extschema@.ntm_measurement TO hatrung_unit_editor;
GRANT INSERT ON @extschema@.observation_import TO hatrung_unit_editor;
GRANT USAGE ON SEQUENCE @extschema@.observation_obs_id_seq TO hatrung_unit_editor;

-- Which role may write which unit's data.
CREATE TABLE @extschema@.unit_editor (
	role_name	name NOT NULL,
	unit_id		bigint NOT NULL REFERENCES @extschema@.admin_unit (unit_id),
	granted_by	text NOT NULL DEFAULT current_user,
	granted_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (role_name, unit_id)
);
COMMENT ON TABLE @extschema@.unit_editor IS 'per-unit write rights: role_name may write the observations and NTM measurements of unit_id';
COMMENT ON COLUMN @extschema@.unit_editor.role_name IS 'the database role';
COMMENT ON COLUMN @extschema@.unit_editor.unit_id IS 'the unit it may write';
COMMENT ON COLUMN @extschema@.unit_editor.granted_by IS 'who granted it';
COMMENT ON COLUMN @extschema@.unit_editor.granted_at IS 'when';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.unit_editor', '');
GRANT SELECT ON @extschema@.unit_editor TO hatrung_reader;

-- True if the current user may write the unit's rows (a member of a role
-- granted that unit).  STABLE, so a policy evaluates it once per row cheaply.
CREATE FUNCTION @extschema@.may_edit_unit(unit_id bigint) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT EXISTS (
		SELECT 1 FROM @extschema@.unit_editor e
		WHERE e.unit_id = may_edit_unit.unit_id
		  AND pg_catalog.pg_has_role(CURRENT_USER, e.role_name, 'MEMBER'));
END;
COMMENT ON FUNCTION @extschema@.may_edit_unit(bigint) IS 'true if the current user is a member of a role granted the unit by grant_unit_editor()';

CREATE FUNCTION @extschema@.grant_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer;
	missing text;
BEGIN
	SELECT string_agg(c, ', ') INTO missing
	FROM unnest(unit_codes) AS c
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.admin_unit u WHERE u.code = c);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'unknown unit codes: %', missing USING ERRCODE = 'foreign_key_violation';
	END IF;
	EXECUTE format('GRANT hatrung_unit_editor TO %s', editor);
	INSERT INTO @extschema@.unit_editor (role_name, unit_id)
	SELECT editor::text, u.unit_id FROM @extschema@.admin_unit u WHERE u.code = ANY (unit_codes)
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.grant_unit_editor(regrole, text[]) IS
	'lets a role write the observations and NTM measurements of the given unit codes (every validity period of each code) and nothing else; returns the rights added';

CREATE FUNCTION @extschema@.revoke_unit_editor(editor regrole, unit_codes text[]) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, @extschema@ AS $$
DECLARE
	n integer;
BEGIN
	DELETE FROM @extschema@.unit_editor e
	USING @extschema@.admin_unit u
	WHERE e.role_name = editor::text AND u.unit_id = e.unit_id AND u.code = ANY (unit_codes);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.revoke_unit_editor(regrole, text[]) IS 'takes back per-unit write rights; returns the rights removed';

-- Row-level security on the data per-unit editors write.
ALTER TABLE @extschema@.observation ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.ntm_measurement ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.observation FOR SELECT USING (true);
CREATE POLICY editor_all ON @extschema@.observation FOR ALL TO hatrung_editor USING (true) WITH CHECK (true);
CREATE POLICY unit_editor_own_units ON @extschema@.observation FOR ALL TO hatrung_unit_editor
	USING (@extschema@.may_edit_unit(unit_id)) WITH CHECK (@extschema@.may_edit_unit(unit_id));
CREATE POLICY read_all ON @extschema@.ntm_measurement FOR SELECT USING (true);
CREATE POLICY editor_all ON @extschema@.ntm_measurement FOR ALL TO hatrung_editor USING (true) WITH CHECK (true);
CREATE POLICY unit_editor_own_units ON @extschema@.ntm_measurement FOR ALL TO hatrung_unit_editor
	USING (@extschema@.may_edit_unit(unit_id)) WITH CHECK (@extschema@.may_edit_unit(unit_id));
COMMENT ON POLICY read_all ON @extschema@.observation IS 'everyone with SELECT reads every figure';
COMMENT ON POLICY editor_all ON @extschema@.observation IS 'hatrung_editor writes every unit';
COMMENT ON POLICY unit_editor_own_units ON @extschema@.observation IS 'per-unit editors write only the units granted to them';
COMMENT ON POLICY read_all ON @extschema@.ntm_measurement IS 'everyone with SELECT reads every measurement';
COMMENT ON POLICY editor_all ON @extschema@.ntm_measurement IS 'hatrung_editor writes every unit';
COMMENT ON POLICY unit_editor_own_units ON @extschema@.ntm_measurement IS 'per-unit editors write only the units granted to them';

-- History is written by triggers on behalf of editors who may not write it
-- themselves: the two history functions run as the extension's owner
-- (SECURITY DEFINER, fixed search_path, no arguments, insert-only).  This
-- is the one justified SECURITY DEFINER; sql/roles.sql tests that editors
-- get their history written and cannot write or change history directly.
ALTER FUNCTION @extschema@.observation_keep_history() SECURITY DEFINER;
ALTER FUNCTION @extschema@.annual_plan_keep_history() SECURITY DEFINER;
