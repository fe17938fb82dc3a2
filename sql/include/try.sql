-- Shared by the pg_regress tests: runs a statement and returns "ok" (with the
-- first column of a SELECT) or its SQLSTATE, message and detail, so a test
-- can list many bad inputs and their errors in one table.
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	result text;
	detail text;
BEGIN
	IF stmt ~* '^\s*select\M' THEN
		EXECUTE stmt INTO result;
	ELSE
		EXECUTE stmt;
	END IF;
	RETURN 'ok' || coalesce(': ' || result, '');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(detail, ''), '');
END
$$;
