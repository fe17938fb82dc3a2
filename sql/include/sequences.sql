-- Shared by the pg_regress tests that load data in a transaction they roll
-- back: a rollback keeps the identity sequences advanced, and later tests
-- (the NTM demo's illustrative values depend on its identities) expect the
-- identities they would have had.  save_sequences() before the transaction,
-- restore_sequences() after its rollback.
CREATE FUNCTION pg_temp.save_sequences() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	IF to_regclass('pg_temp.saved_sequences') IS NOT NULL THEN
		DROP TABLE pg_temp.saved_sequences;
	END IF;
	CREATE TEMP TABLE saved_sequences AS
	SELECT schemaname, sequencename, last_value FROM pg_sequences WHERE schemaname = 'hatrung';
	RETURN true;
END
$$;
CREATE FUNCTION pg_temp.restore_sequences() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT format('%I.%I', t.schemaname, t.sequencename)::regclass AS seq, t.last_value, p.min_value
			 FROM pg_temp.saved_sequences t
			 JOIN pg_sequences p ON p.schemaname = t.schemaname AND p.sequencename = t.sequencename LOOP
		PERFORM setval(r.seq, coalesce(r.last_value, r.min_value), r.last_value IS NOT NULL);
	END LOOP;
	RETURN true;
END
$$;
