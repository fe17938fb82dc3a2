-- The extension's catalog contract: every member object is listed here with
-- its properties, so any change to the SQL surface shows up in review.

-- Every member object, by kind, with the array types of member types and
-- the row types of member tables and views: PostgreSQL 17 and later record
-- those as members too, earlier versions only as dependents of their base
-- object, so the list is the same on every version.
WITH member AS (
	SELECT classid, objid, objsubid
	FROM pg_depend
	WHERE refclassid = 'pg_extension'::regclass
	  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hatrung')
	  AND deptype = 'e'
), companion AS (
	SELECT 'pg_type'::regclass::oid, t.typarray, 0
	FROM member AS m JOIN pg_type AS t ON t.oid = m.objid
	WHERE m.classid = 'pg_type'::regclass AND t.typarray <> 0
	UNION
	SELECT 'pg_type'::regclass::oid, c.reltype, 0
	FROM member AS m JOIN pg_class AS c ON c.oid = m.objid
	WHERE m.classid = 'pg_class'::regclass AND c.reltype <> 0
	UNION
	SELECT 'pg_type'::regclass::oid, t.typarray, 0
	FROM member AS m JOIN pg_class AS c ON c.oid = m.objid JOIN pg_type AS t ON t.oid = c.reltype
	WHERE m.classid = 'pg_class'::regclass AND t.typarray <> 0
)
SELECT pg_describe_object(classid, objid, objsubid) AS object
FROM (SELECT * FROM member UNION SELECT * FROM companion) AS o
ORDER BY pg_describe_object(classid, objid, objsubid) COLLATE "C";

-- Every function: volatility, strictness, parallel safety, security.
SELECT p.oid::regprocedure AS function,
	   CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS volatility,
	   p.proisstrict AS strict,
	   CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END AS parallel,
	   p.prosecdef AS security_definer
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- SECURITY DEFINER only for the four history triggers (each justified
-- where it is defined, tested in sql/roles.sql); only functions that
-- write (triggers, loaders, grants) are not parallel safe.
SELECT p.oid::regprocedure AS security_definer, p.proconfig
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
WHERE p.prosecdef
ORDER BY p.oid::regprocedure::text COLLATE "C";
SELECT p.oid::regprocedure AS not_parallel_safe, p.prorettype::regtype AS returns
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
WHERE p.proparallel <> 's'
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- Every member object has a comment (BI tools and \df+ show them).
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS without_comment
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND obj_description(d.objid, d.classid::regclass::name) IS NULL
  -- array types and row types (members on 17+) are made by PostgreSQL; the
  -- element type or the table or view carries the comment
  AND NOT (d.classid = 'pg_type'::regclass
		   AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid
					   AND ((t.typelem <> 0 AND t.typlen = -1) OR t.typrelid <> 0)))
ORDER BY 1;
SELECT obj_description('hatrung'::regnamespace, 'pg_namespace') IS NOT NULL AS schema_commented;

-- Every member object lives in schema hatrung.
SELECT p.oid::regprocedure AS outside_schema
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
WHERE p.pronamespace <> 'hatrung'::regnamespace;

-- The type's physical layout.
SELECT typname, typlen, typbyval, typalign, typstorage, typcategory,
	   typreceive::text, typsend::text
FROM pg_type WHERE oid = 'hatrung.quarter'::regtype;

-- Operators with their estimators and hash/merge flags.
SELECT o.oid::regoperator AS operator, o.oprrest::text AS restrict, o.oprjoin::text AS "join",
	   o.oprcanhash AS hashes, o.oprcanmerge AS merges
FROM pg_operator o
JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
ORDER BY o.oid::regoperator::text COLLATE "C";

-- Casts to and from quarter.
SELECT castsource::regtype, casttarget::regtype, castfunc::regprocedure,
	   CASE castcontext WHEN 'e' THEN 'explicit' WHEN 'a' THEN 'assignment' ELSE 'implicit' END AS context
FROM pg_cast
WHERE castsource = 'hatrung.quarter'::regtype OR casttarget = 'hatrung.quarter'::regtype
ORDER BY castsource::regtype::text, casttarget::regtype::text;

-- Every function that is not STRICT, called with every argument NULL: what
-- it gives instead of NULL is a decision, pinned here.  An unbounded range
-- or an error naming "<NULL>" would be a defect (season_quarters once
-- returned the unbounded range).  Left out: the
-- aggregates' support functions, trigger functions, and those that write
-- (grants, loaders, distribution), each tested where it is defined.
CREATE FUNCTION pg_temp.call_with_nulls(f regprocedure) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p pg_proc;
	args text;
	result text;
BEGIN
	SELECT * INTO p FROM pg_proc WHERE oid = f;
	SELECT string_agg('NULL::' || format_type(t, NULL), ', ' ORDER BY o) INTO args
	FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a (t, o);
	IF p.proretset THEN
		-- how many rows depends on the data the earlier tests left: only
		-- that it answers (sql/data.sql checks the reports give none)
		EXECUTE format('SELECT ''a set of rows'' FROM (SELECT count(*) FROM %s(%s)) AS c', f::regproc, args) INTO result;
	ELSE
		EXECUTE format('SELECT coalesce(%s(%s)::text, ''NULL'')', f::regproc, args) INTO result;
	END IF;
	RETURN result;
EXCEPTION WHEN OTHERS THEN
	RETURN 'error ' || SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT p.oid::regprocedure AS not_strict, pg_temp.call_with_nulls(p.oid) AS with_null_arguments
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
WHERE NOT p.proisstrict AND p.prokind = 'f' AND p.pronargs > 0
  AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype)
  AND p.proname NOT LIKE '%\_trans%' AND p.proname NOT LIKE '%\_combine'
  AND p.proname NOT IN ('grant_unit_editor', 'revoke_unit_editor', 'distribute_data_model',
						'season_figure_import', 'observation_import_insert')
ORDER BY p.oid::regprocedure::text COLLATE "C";
