-- ---------------------------------------------------------------------------
-- Nothing is lost: every update or delete of an observation or a plan keeps
-- the previous version, who replaced it and when.  TRUNCATE is refused.
-- ---------------------------------------------------------------------------

INSERT INTO @extschema@.plan_source (code, name_vi, priority, shipped) VALUES
	('province', 'Kế hoạch tỉnh giao', 10, true),
	('district_council', 'Nghị quyết HĐND cấp huyện', 20, true),
	('adjusted', 'Kế hoạch điều chỉnh', 30, true);

CREATE TABLE @extschema@.observation_history (
	-- a uuid, not a sequence: on Citus the history triggers run on the
	-- worker nodes, which share no sequence
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	obs_id			bigint NOT NULL,
	unit_id			bigint NOT NULL,
	indicator_code	text NOT NULL,
	period			@extschema@.quarter NOT NULL,
	vintage			text NOT NULL,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
CREATE INDEX observation_history_key ON @extschema@.observation_history (unit_id, indicator_code, period);
COMMENT ON TABLE @extschema@.observation_history IS
	'every replaced or deleted version of an observation, valid from recorded_at until changed_at';
GRANT SELECT ON @extschema@.observation_history TO hatrung_reader;
COMMENT ON COLUMN @extschema@.observation_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.observation_history.operation IS 'UPDATE or DELETE: what replaced this version';
COMMENT ON COLUMN @extschema@.observation_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.observation_history.changed_at IS 'when it was replaced or deleted (end of its validity)';
COMMENT ON COLUMN @extschema@.observation_history.obs_id IS 'observation.obs_id of the figure';
COMMENT ON COLUMN @extschema@.observation_history.unit_id IS 'the unit, as in observation';
COMMENT ON COLUMN @extschema@.observation_history.indicator_code IS 'the indicator, as in observation';
COMMENT ON COLUMN @extschema@.observation_history.period IS 'the quarter, as in observation';
COMMENT ON COLUMN @extschema@.observation_history.vintage IS 'the vintage, as in observation';
COMMENT ON COLUMN @extschema@.observation_history.value IS 'the value this version had';
COMMENT ON COLUMN @extschema@.observation_history.source IS 'the source this version had';
COMMENT ON COLUMN @extschema@.observation_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.observation_history.recorded_at IS 'when this version was recorded (start of its validity)';

CREATE TABLE @extschema@.annual_plan_history (
	-- a uuid, not a sequence: on Citus the history triggers run on the
	-- worker nodes, which share no sequence
	history_id		uuid NOT NULL DEFAULT pg_catalog.gen_random_uuid(),
	operation		text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
	changed_by		text NOT NULL DEFAULT current_user,
	changed_at		timestamptz NOT NULL DEFAULT now(),
	unit_id			bigint NOT NULL,
	indicator_code	text NOT NULL,
	year			integer NOT NULL,
	plan_source		text NOT NULL,
	value			numeric NOT NULL,
	source			text,
	recorded_by		text NOT NULL,
	recorded_at		timestamptz NOT NULL,
	PRIMARY KEY (unit_id, history_id)
);
COMMENT ON TABLE @extschema@.annual_plan_history IS 'every replaced or deleted version of an annual plan';
GRANT SELECT ON @extschema@.annual_plan_history TO hatrung_reader;
COMMENT ON COLUMN @extschema@.annual_plan_history.history_id IS 'row identifier (uuid: unique across Citus nodes without a shared sequence)';
COMMENT ON COLUMN @extschema@.annual_plan_history.operation IS 'UPDATE or DELETE';
COMMENT ON COLUMN @extschema@.annual_plan_history.changed_by IS 'database role that replaced or deleted it';
COMMENT ON COLUMN @extschema@.annual_plan_history.changed_at IS 'when';
COMMENT ON COLUMN @extschema@.annual_plan_history.unit_id IS 'the unit';
COMMENT ON COLUMN @extschema@.annual_plan_history.indicator_code IS 'the indicator';
COMMENT ON COLUMN @extschema@.annual_plan_history.year IS 'the plan year';
COMMENT ON COLUMN @extschema@.annual_plan_history.plan_source IS 'the plan source';
COMMENT ON COLUMN @extschema@.annual_plan_history.value IS 'the value this version had';
COMMENT ON COLUMN @extschema@.annual_plan_history.source IS 'the document this version came from';
COMMENT ON COLUMN @extschema@.annual_plan_history.recorded_by IS 'who recorded this version';
COMMENT ON COLUMN @extschema@.annual_plan_history.recorded_at IS 'when this version was recorded';

-- Who changed a row: for an update, the role the BEFORE trigger stamped on
-- the new version; for a delete, the role in effect (SET ROLE) or the login.
-- (The history functions run as the extension's owner, so current_user
-- there is not the one who made the change.)
CREATE FUNCTION @extschema@.changing_role() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN pg_catalog.current_setting('role') OPERATOR(pg_catalog.<>) 'none'
				THEN pg_catalog.current_setting('role') ELSE SESSION_USER::text END;
COMMENT ON FUNCTION @extschema@.changing_role() IS 'the role making a change: the SET ROLE role, else the login role';

-- Written on behalf of editors who may not write history themselves: these
-- two history functions (and ntm_measurement_keep_history) run as the
-- extension's owner (SECURITY DEFINER, fixed search_path, no arguments,
-- insert-only); sql/roles.sql tests that editors get their history written
-- and cannot write or change it directly.
CREATE FUNCTION @extschema@.observation_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.observation_history
		(operation, changed_by, obs_id, unit_id, indicator_code, period, vintage, value, source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.obs_id, OLD.unit_id, OLD.indicator_code, OLD.period, OLD.vintage, OLD.value,
			OLD.source, OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.observation_keep_history() IS 'trigger: keeps the old version of an updated or deleted observation';
CREATE TRIGGER observation_keep_history AFTER UPDATE OR DELETE ON @extschema@.observation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.observation_keep_history();

CREATE FUNCTION @extschema@.annual_plan_keep_history() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	INSERT INTO @extschema@.annual_plan_history
		(operation, changed_by, unit_id, indicator_code, year, plan_source, value, source, recorded_by, recorded_at)
	VALUES (TG_OP, CASE WHEN TG_OP = 'UPDATE' THEN NEW.recorded_by ELSE @extschema@.changing_role() END,
			OLD.unit_id, OLD.indicator_code, OLD.year, OLD.plan_source, OLD.value, OLD.source,
			OLD.recorded_by, OLD.recorded_at);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.annual_plan_keep_history() IS 'trigger: keeps the old version of an updated or deleted plan';
CREATE TRIGGER annual_plan_keep_history AFTER UPDATE OR DELETE ON @extschema@.annual_plan
	FOR EACH ROW EXECUTE FUNCTION @extschema@.annual_plan_keep_history();

CREATE FUNCTION @extschema@.refuse_truncate() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
	RAISE EXCEPTION 'TRUNCATE of %.% is not allowed: it would lose figures without history', TG_TABLE_SCHEMA, TG_TABLE_NAME
		USING ERRCODE = 'object_not_in_prerequisite_state',
			  HINT = 'DELETE the rows instead; their old versions go to the history table.';
END
$$;
COMMENT ON FUNCTION @extschema@.refuse_truncate() IS 'trigger: TRUNCATE would bypass the history (55000)';
CREATE TRIGGER observation_no_truncate BEFORE TRUNCATE ON @extschema@.observation
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER annual_plan_no_truncate BEFORE TRUNCATE ON @extschema@.annual_plan
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER observation_history_no_truncate BEFORE TRUNCATE ON @extschema@.observation_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();
CREATE TRIGGER annual_plan_history_no_truncate BEFORE TRUNCATE ON @extschema@.annual_plan_history
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.observation_history', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.annual_plan_history', '');

-- The latest vintage of each figure as known at a moment: the current rows
-- and the history versions valid then.  as_of = NULL means now.  PL/pgSQL
-- rather than SQL: Citus cannot plan an inlined SQL function that reads a
-- distributed table.
CREATE FUNCTION @extschema@.observations_as_of(as_of timestamptz DEFAULT NULL, only_unit_id bigint DEFAULT NULL)
RETURNS TABLE (unit_id bigint, indicator_code text, period @extschema@.quarter, vintage text, value numeric,
			   source text, recorded_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@ AS $$
BEGIN
	RETURN QUERY
	SELECT DISTINCT ON (v.unit_id, v.indicator_code, v.period)
		   v.unit_id, v.indicator_code, v.period, v.vintage, v.value, v.source, v.recorded_at
	FROM (SELECT o.unit_id, o.indicator_code, o.period, o.vintage, o.vintage_rank, o.value, o.source, o.recorded_at
		  FROM @extschema@.observation o
		  WHERE (observations_as_of.only_unit_id IS NULL OR o.unit_id = observations_as_of.only_unit_id)
			AND (observations_as_of.as_of IS NULL OR o.recorded_at <= observations_as_of.as_of)
		  UNION ALL
		  SELECT h.unit_id, h.indicator_code, h.period, h.vintage,
				 CASE h.vintage WHEN 'estimate' THEN 1 WHEN 'preliminary' THEN 2 ELSE 3 END,
				 h.value, h.source, h.recorded_at
		  FROM @extschema@.observation_history h
		  WHERE observations_as_of.as_of IS NOT NULL
			AND (observations_as_of.only_unit_id IS NULL OR h.unit_id = observations_as_of.only_unit_id)
			AND h.recorded_at <= observations_as_of.as_of AND h.changed_at > observations_as_of.as_of) AS v
	ORDER BY v.unit_id, v.indicator_code, v.period, v.vintage_rank DESC, v.recorded_at DESC;
END
$$;
COMMENT ON FUNCTION @extschema@.observations_as_of(timestamptz, bigint) IS
	'the latest vintage of every figure as it was known at as_of (NULL: now), optionally for one unit: reproduces what a past report said';

