/*
 * drop_guard.c
 *	  The event trigger that keeps DROP EXTENSION hatrung (and DROP SCHEMA
 *	  of its schema, and DROP OWNED BY its owner) from deleting figures
 *	  users added, unless hatrung.allow_drop is on.
 *
 * Every table of the extension is a configuration table; the rows users
 * added are those its pg_dump condition selects (all rows of the data
 * tables, the rows not shipped of the reference tables).  The function
 * hatrung.user_rows() counts them; this trigger reads the statement's
 * parse tree (only a C event trigger can) to see whether hatrung is among
 * what it drops, and refuses with SQLSTATE 2BP01 when rows would be lost.
 */
#include "postgres.h"
#include "common/compat.h"

#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "security/drop_guard.h"

bool		hatrung_allow_drop = false;

/* Does a DROP / DROP OWNED statement take the extension with it? */
static bool
drops_extension(Node *parsetree, Oid extoid, Oid extschema, Oid owner)
{
	ListCell   *lc;

	if (IsA(parsetree, DropStmt))
	{
		DropStmt   *stmt = (DropStmt *) parsetree;

		if (stmt->removeType != OBJECT_EXTENSION && stmt->removeType != OBJECT_SCHEMA)
			return false;
		foreach(lc, stmt->objects)
		{
			Node	   *obj = lfirst(lc);
			const char *name;

			if (!IsA(obj, String))
				continue;
			name = strVal(obj);
			if (stmt->removeType == OBJECT_EXTENSION && get_extension_oid(name, true) == extoid)
				return true;
			if (stmt->removeType == OBJECT_SCHEMA && get_namespace_oid(name, true) == extschema)
				return true;
		}
		return false;
	}
	if (IsA(parsetree, DropOwnedStmt))
	{
		DropOwnedStmt *stmt = (DropOwnedStmt *) parsetree;

		foreach(lc, stmt->roles)
		{
			RoleSpec   *role = lfirst(lc);
			Oid			roleid = get_rolespec_oid(role, true);

			if (OidIsValid(roleid) && roleid == owner)
				return true;
		}
	}
	return false;
}

PG_FUNCTION_INFO_V1(hatrung_drop_guard);
Datum
hatrung_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	Oid			extoid;
	Oid			extschema;
	Oid			owner;
	StringInfoData sql;
	StringInfoData detail;
	int64		total = 0;
	uint64		i;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("hatrung_drop_guard() can only run as an event trigger")));
	trigdata = (EventTriggerData *) fcinfo->context;

	/*
	 * pg_upgrade, deliberate drops and pg_restore --clean (which drops the
	 * extension to restore the dump's rows in its place) pass.  Naming the
	 * application gains nothing to anyone else: only the extension's owner
	 * can drop it, and the owner can set hatrung.allow_drop anyway.
	 */
	{
		const char *app = GetConfigOption("application_name", true, false);

		if (IsBinaryUpgrade || hatrung_allow_drop || (app != NULL && strcmp(app, "pg_restore") == 0))
			PG_RETURN_VOID();
	}
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "hatrung_drop_guard: SPI_connect failed");
	if (SPI_execute("SELECT oid, extnamespace, extowner FROM pg_catalog.pg_extension"
					" WHERE extname OPERATOR(pg_catalog.=) 'hatrung'", true, 1) != SPI_OK_SELECT)
		elog(ERROR, "hatrung_drop_guard: reading pg_extension failed");
	if (SPI_processed != 1)
	{
		SPI_finish();
		PG_RETURN_VOID();
	}
	{
		bool		isnull;

		extoid = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		extschema = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
		owner = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	}
	/*
	 * Only the extension's owner can drop it: anyone else gets PostgreSQL's
	 * own refusal, not an error from counting tables they may not read.
	 */
	if (!has_privs_of_role(GetUserId(), owner) ||
		!drops_extension(trigdata->parsetree, extoid, extschema, owner))
	{
		SPI_finish();
		PG_RETURN_VOID();
	}

	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT table_name, rows FROM %s.user_rows() WHERE rows OPERATOR(pg_catalog.>) 0",
					 quote_identifier(get_namespace_name(extschema)));
	if (SPI_execute(sql.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "hatrung_drop_guard: counting the rows users added failed");
	initStringInfo(&detail);
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		int64		rows = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull));

		appendStringInfo(&detail, "%s%s: " INT64_FORMAT " row%s", i > 0 ? ", " : "",
						 SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1),
						 rows, rows == 1 ? "" : "s");
		total += rows;
	}
	SPI_finish();
	if (total > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("%s would delete " INT64_FORMAT " row%s of figures and settings that users added to hatrung",
						GetCommandTagName(trigdata->tag), total, total == 1 ? "" : "s"),
				 errdetail("%s.", detail.data),
				 errhint("Dump them first (pg_dump -n %s), then SET hatrung.allow_drop = on to drop deliberately.",
						 quote_identifier(get_namespace_name(extschema)))));
	PG_RETURN_VOID();
}
