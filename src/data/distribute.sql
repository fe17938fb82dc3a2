-- ---------------------------------------------------------------------------
-- Scale-out with Citus: the data model is distributed in one step,
--   SELECT hatrung.distribute_data_model();
-- on the coordinator, once Citus is created on every node, the workers are
-- registered and hatrung is created on the coordinator (Citus creates it on
-- the workers).  The small tables (units, successions, indicators, plan
-- sources, the NTM sets, criteria, indicators and thresholds) become
-- reference tables, copied to every node; the per-unit tables (observations,
-- plans, their history, NTM measurements and zones) are distributed on
-- unit_id and co-located: a unit's figures, plans, history and measurements
-- live in one shard group, so the per-unit work of every report runs on the
-- workers.  The rows already loaded are kept.
--
-- The tables are read from the catalog, not listed here: every table of the
-- extension with a unit_id column (but admin_unit, whose unit_id is its own
-- key) is distributed on it, every other one is a reference table.  Citus
-- need not be installed to create the extension: this function names
-- Citus's objects only in statements PL/pgSQL resolves when it runs.
-- ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.distribute_data_model(shard_count integer DEFAULT NULL) RETURNS text
	LANGUAGE plpgsql
	-- Citus's notices ask for a clean-up this function does itself
	SET client_min_messages = warning
	SET search_path = pg_catalog AS $$
DECLARE
	ext_schema constant regnamespace := '@extschema@'::regnamespace;
	ext_version text;
	reference_tables regclass[];
	distributed_tables regclass[];
	identity_tables regclass[];
	already text;
	deferred_triggers jsonb;
	foreign_keys jsonb;
	replication_role text;
	shards integer;
	r record;
	t regclass;
BEGIN
	-- what is needed, each with its own error -------------------------------------
	IF shard_count IS NOT NULL AND shard_count < 1 THEN
		RAISE EXCEPTION 'shard_count must be at least 1, not %', shard_count
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
		RAISE EXCEPTION 'distribute_data_model() needs the citus extension'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'CREATE EXTENSION citus first, on every node, then register the workers on the coordinator (citus_add_node).';
	END IF;
	IF NOT (SELECT a.rolsuper FROM pg_catalog.pg_roles a WHERE a.rolname = CURRENT_USER) THEN
		RAISE EXCEPTION 'permission denied to distribute the data model'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Distributing converts the extension''s tables and sets session_replication_role for their clean-up.',
				  HINT = 'Run it as a superuser.';
	END IF;
	IF NOT pg_catalog.citus_is_coordinator() THEN
		RAISE EXCEPTION 'distribute_data_model() runs on the Citus coordinator, and this node is not the coordinator'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Connect to the coordinator and run it there.';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.citus_get_active_worker_nodes()) THEN
		RAISE EXCEPTION 'distribute_data_model() needs worker nodes, and the coordinator has none registered'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'On the coordinator: SELECT citus_set_coordinator_host(host, port), then SELECT citus_add_node(host, port) for each worker.';
	END IF;
	SELECT e.extversion INTO ext_version FROM pg_catalog.pg_extension e WHERE e.extname = 'hatrung';
	FOR r IN SELECT w.nodename, w.nodeport, w.result
			 FROM pg_catalog.run_command_on_workers(
				 $c$SELECT coalesce((SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'hatrung'), 'none')$c$) w
			 WHERE NOT w.success OR w.result IS DISTINCT FROM ext_version LOOP
		RAISE EXCEPTION 'worker %:% has hatrung %, the coordinator %', r.nodename, r.nodeport, r.result, ext_version
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Install the same hatrung package on every node; Citus creates and updates the extension on the workers from the coordinator.';
	END LOOP;

	-- the extension's tables, from the catalog ----------------------------------------
	SELECT coalesce(array_agg(c.oid::regclass ORDER BY c.relname) FILTER (WHERE NOT per_unit), '{}'),
		   -- observation first: it creates the co-location group the others join
		   coalesce(array_agg(c.oid::regclass ORDER BY c.relname <> 'observation', c.relname) FILTER (WHERE per_unit), '{}'),
		   coalesce(array_agg(c.oid::regclass ORDER BY c.relname) FILTER (WHERE has_identity), '{}')
	INTO reference_tables, distributed_tables, identity_tables
	FROM pg_catalog.pg_depend d
	JOIN pg_catalog.pg_class c ON c.oid = d.objid
	CROSS JOIN LATERAL (
		SELECT c.relname <> 'admin_unit' AND EXISTS (
				   SELECT 1 FROM pg_catalog.pg_attribute a
				   WHERE a.attrelid = c.oid AND a.attname = 'unit_id' AND NOT a.attisdropped) AS per_unit,
			   EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					   WHERE a.attrelid = c.oid AND a.attidentity <> '' AND NOT a.attisdropped) AS has_identity) k
	WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_extension'::regclass
	  AND d.refobjid = (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'hatrung')
	  AND d.deptype = 'e' AND c.relkind = 'r' AND c.relnamespace = ext_schema;

	SELECT string_agg(p.logicalrelid::text, ', ' ORDER BY p.logicalrelid::text) INTO already
	FROM pg_catalog.pg_dist_partition p
	WHERE p.logicalrelid = ANY (reference_tables || distributed_tables);
	IF already IS NOT NULL THEN
		RAISE EXCEPTION 'the data model is already distributed'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = format('Citus already manages %s.', already);
	END IF;

	-- Citus's settings for this transaction: the tables have triggers, and the
	-- ALTER TABLEs after the conversions need one connection per node
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);

	-- 1. identity columns on the workers.  The workers' copies of the tables
	--    came with CREATE EXTENSION, so their sequences all start at 1; give
	--    each node its own range, as Citus does for the tables it creates
	--    itself.  (Own connections, committed at once: harmless if the rest
	--    fails.)
	IF cardinality(identity_tables) > 0 THEN
		FOR r IN SELECT w.nodename, w.nodeport, w.result
				 FROM pg_catalog.run_command_on_workers(format(
					 $c$SET citus.enable_ddl_propagation TO off;
						SELECT pg_catalog.worker_adjust_identity_column_seq_ranges(t)
						FROM pg_catalog.unnest(%L::pg_catalog.regclass[]) AS t$c$, identity_tables)) w
				 WHERE NOT w.success LOOP
			RAISE EXCEPTION 'could not give worker %:% its own identity ranges: %', r.nodename, r.nodeport, r.result
				USING ERRCODE = 'object_not_in_prerequisite_state';
		END LOOP;
	END IF;

	-- 2. the foreign keys between the tables are kept, dropped and added again
	--    once every table is converted: Citus would otherwise turn the
	--    referencing tables of a new reference table into Citus local tables,
	--    which it refuses for an extension's tables
	SELECT coalesce(jsonb_agg(jsonb_build_object('tab', k.conrelid::regclass::text, 'name', k.conname,
												 'def', pg_catalog.pg_get_constraintdef(k.oid))
							  ORDER BY k.conrelid::regclass::text, k.conname), '[]')
	INTO foreign_keys
	FROM pg_catalog.pg_constraint k
	WHERE k.contype = 'f' AND k.conrelid = ANY (reference_tables || distributed_tables)
	  AND k.confrelid = ANY (reference_tables || distributed_tables);
	FOR r IN SELECT * FROM jsonb_to_recordset(foreign_keys) AS x(tab text, name text, def text) LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.name);
	END LOOP;

	-- 3. deferred triggers (the shares of a succession add up to at most 1)
	--    would fire on the workers for every row copied into the shards, and
	--    their pending events would block the ALTER TABLEs of step 5
	SELECT coalesce(jsonb_agg(jsonb_build_object('tab', g.tgrelid::regclass::text, 'name', g.tgname)), '[]')
	INTO deferred_triggers
	FROM pg_catalog.pg_trigger g
	WHERE g.tgrelid = ANY (reference_tables || distributed_tables)
	  AND NOT g.tgisinternal AND g.tginitdeferred AND g.tgenabled <> 'D';
	FOR r IN SELECT * FROM jsonb_to_recordset(deferred_triggers) AS x(tab text, name text) LOOP
		EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', r.tab, r.name);
	END LOOP;

	-- 4. the conversions: reference tables, then the per-unit tables, every
	--    one co-located with the first (the order matters no more once the
	--    foreign keys are out)
	FOREACH t IN ARRAY reference_tables LOOP
		PERFORM pg_catalog.create_reference_table(t);
	END LOOP;
	FOR i IN 1 .. cardinality(distributed_tables) LOOP
		IF i = 1 THEN
			PERFORM pg_catalog.create_distributed_table(distributed_tables[1], 'unit_id', colocate_with => 'none',
														shard_count => distribute_data_model.shard_count);
		ELSE
			PERFORM pg_catalog.create_distributed_table(distributed_tables[i], 'unit_id',
														colocate_with => distributed_tables[1]::text);
		END IF;
	END LOOP;

	-- 5. the foreign keys and triggers again.  The workers' copies of the
	--    tables (made by CREATE EXTENSION, not by Citus) still have the
	--    constraints, hence DROP ... IF EXISTS first; both statements reach
	--    every node
	FOR r IN SELECT * FROM jsonb_to_recordset(foreign_keys) AS x(tab text, name text, def text) LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', r.tab, r.name);
		EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tab, r.name, r.def);
	END LOOP;
	FOR r IN SELECT * FROM jsonb_to_recordset(deferred_triggers) AS x(tab text, name text) LOOP
		EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', r.tab, r.name);
	END LOOP;

	-- 6. the coordinator's own copies of the rows, now in the shards and no
	--    longer visible, go.  The TRUNCATE triggers (history is never
	--    truncated) do not fire for this clean-up.
	replication_role := pg_catalog.current_setting('session_replication_role');
	PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
	FOREACH t IN ARRAY reference_tables || distributed_tables LOOP
		PERFORM pg_catalog.truncate_local_data_after_distributing_table(t);
	END LOOP;
	PERFORM pg_catalog.set_config('session_replication_role', replication_role, true);

	SELECT count(*) INTO shards FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = distributed_tables[1];
	RETURN format('%s reference tables (%s); %s tables distributed on unit_id in %s co-located shards (%s); %s foreign keys kept',
				  cardinality(reference_tables), array_to_string(reference_tables, ', '),
				  cardinality(distributed_tables), shards, array_to_string(distributed_tables, ', '),
				  jsonb_array_length(foreign_keys));
END
$$;
COMMENT ON FUNCTION @extschema@.distribute_data_model(integer) IS
	'Citus, on the coordinator, as a superuser: makes the small tables reference tables and distributes the per-unit tables (observations, plans, their history, NTM measurements and zones) on unit_id, co-located, keeping their rows and constraints; shard_count defaults to citus.shard_count; errors 55000 (no Citus, not the coordinator, no workers, already distributed), 42501 (not a superuser) and 22023 (shard_count below 1)';
