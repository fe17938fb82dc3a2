/*
 * import_pg.c
 *	  observation_import_row(): the INSTEAD OF INSERT trigger behind the
 *	  observation_import view, which loads CSV rows in the notation reports
 *	  use ("quý I-2023", "1.041,6", "22,756 triệu").  A period covering
 *	  several quarters from January ("6 tháng đầu năm 2023") is a cumulative
 *	  figure and goes into cumulative_observation; a crop season ("vụ Đông
 *	  Xuân 2022-2023") goes into season_figure, as a plan when the vintage
 *	  is "plan" (kế hoạch).
 *
 * Every row is checked in the order the errors are reported (missing
 * value, quarter, number, indicator, unit valid in the quarter, vintage,
 * sign), each error naming the row's key and the column.  The indicator and
 * unit look-ups are cached for the statement, so a file of a million rows
 * costs one query per distinct indicator and per distinct unit and quarter,
 * and each row one prepared INSERT.  The INSERT runs as the calling user,
 * so row-level security and the observation triggers apply as to any write.
 */
#include "postgres.h"
#include "common/compat.h"

#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "quarter/quarter_pg.h"
#include "season/season_pg.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "vnnum/vnnum_pg.h"

/* The view's columns, in the order they are read. */
enum
{
	COL_UNIT_CODE,
	COL_INDICATOR_CODE,
	COL_PERIOD,
	COL_VINTAGE,
	COL_VALUE,
	COL_SOURCE,
	N_COLS
};
static const char *const col_names[N_COLS] = {
	"unit_code", "indicator_code", "period", "vintage", "value", "source"
};

#define KEY_LEN 64				/* longer codes are looked up uncached */

typedef struct IndicatorEntry
{
	char		code[KEY_LEN];	/* hash key */
	bool		found;
	Numeric		unit_scale;
	bool		non_negative;
} IndicatorEntry;

typedef struct UnitKey
{
	char		code[KEY_LEN];
	int32		period;
} UnitKey;

typedef struct UnitEntry
{
	UnitKey		key;
	bool		found;
	int64		unit_id;
} UnitEntry;

/*
 * The prepared statements, kept for the session as PL/pgSQL keeps its
 * plans (the plan cache replans them after schema changes).  They are made
 * again if the extension was dropped and created again, which gives the
 * quarter type a new OID.
 */
static struct
{
	Oid			quarter_type;
	SPIPlanPtr	indicator_plan;
	SPIPlanPtr	unit_plan;
	SPIPlanPtr	insert_plan;
	SPIPlanPtr	nested_insert_plan; /* SELECT observation_import_insert(...) */
	SPIPlanPtr	cumulative_insert_plan; /* INSERT INTO cumulative_observation */
	SPIPlanPtr	nested_cumulative_plan; /* SELECT observation_import_insert(..., true) */
	SPIPlanPtr	season_plan;	/* SELECT season_figure_import(...) */
}			plans;

/* Per trigger call site, i.e. per statement: what was looked up so far. */
typedef struct ImportCache
{
	MemoryContext cxt;
	int			attnums[N_COLS];
	HTAB	   *indicators;
	HTAB	   *units;
	char	   *last_vintage;	/* a file rarely mixes vintages: remember one */
	const char *last_vintage_code;
	bool		nested;			/* insert one executor level down (Citus) */
	Oid			nsp;			/* the extension's schema, looked up once */
} ImportCache;

static SPIPlanPtr
prepare(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "observation_import_row: SPI_prepare failed: %s",
			 SPI_result_code_string(SPI_result));
	SPI_keepplan(plan);
	return plan;
}

/*
 * The session's prepared statements for the extension in schema nsp
 * (inside an SPI connection).
 */
static void
ensure_plans(Oid nsp)
{
	Oid			quarter_type;
	Oid			text_arg[1] = {TEXTOID};
	Oid			unit_args[3] = {TEXTOID, DATEOID, DATEOID};
	Oid			insert_args[6];

	quarter_type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								   CStringGetDatum("quarter"), ObjectIdGetDatum(nsp));
	if (!OidIsValid(quarter_type))
		elog(ERROR, "observation_import_row: type quarter not found");
	if (plans.quarter_type != quarter_type)
	{
		const char *schema = quote_identifier(get_namespace_name(nsp));
		StringInfoData sql;

		if (plans.insert_plan)
		{
			SPI_freeplan(plans.indicator_plan);
			SPI_freeplan(plans.unit_plan);
			SPI_freeplan(plans.insert_plan);
			if (plans.nested_insert_plan)
				SPI_freeplan(plans.nested_insert_plan);
			if (plans.cumulative_insert_plan)
				SPI_freeplan(plans.cumulative_insert_plan);
			if (plans.nested_cumulative_plan)
				SPI_freeplan(plans.nested_cumulative_plan);
			if (plans.season_plan)
				SPI_freeplan(plans.season_plan);
			memset(&plans, 0, sizeof(plans));
		}
		/* every name and operator qualified: the caller's search_path is irrelevant */
		initStringInfo(&sql);
		appendStringInfo(&sql, "SELECT i.unit_scale, i.non_negative FROM %s.indicator i"
						 " WHERE i.code OPERATOR(pg_catalog.=) $1", schema);
		plans.indicator_plan = prepare(sql.data, 1, text_arg);
		resetStringInfo(&sql);
		appendStringInfo(&sql, "SELECT u.unit_id FROM %s.admin_unit u"
						 " WHERE u.code OPERATOR(pg_catalog.=) $1"
						 " AND u.valid_from OPERATOR(pg_catalog.<=) $2"
						 " AND (u.valid_to IS NULL OR u.valid_to OPERATOR(pg_catalog.>) $3)"
						 " ORDER BY u.valid_from DESC LIMIT 1", schema);
		plans.unit_plan = prepare(sql.data, 3, unit_args);
		insert_args[0] = INT8OID;
		insert_args[1] = TEXTOID;
		insert_args[2] = quarter_type;
		insert_args[3] = TEXTOID;
		insert_args[4] = NUMERICOID;
		insert_args[5] = TEXTOID;
		resetStringInfo(&sql);
		appendStringInfo(&sql, "INSERT INTO %s.observation (unit_id, indicator_code, period, vintage, value, source)"
						 " VALUES ($1, $2, $3, $4, $5, $6)", schema);
		plans.insert_plan = prepare(sql.data, 6, insert_args);
		plans.quarter_type = quarter_type;
	}
}

/*
 * The insert through observation_import_insert(), prepared only where it is
 * used (Citus): a database still at 1.1 has no such function.
 */
static void
ensure_nested_plan(Oid nsp)
{
	Oid			insert_args[6] = {INT8OID, TEXTOID, plans.quarter_type, TEXTOID, NUMERICOID, TEXTOID};
	StringInfoData sql;

	if (plans.nested_insert_plan != NULL)
		return;
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT %s.observation_import_insert($1, $2, $3, $4, $5, $6)",
					 quote_identifier(get_namespace_name(nsp)));
	plans.nested_insert_plan = prepare(sql.data, 6, insert_args);
}

/*
 * The insert of a cumulative figure, prepared at the first one: a database
 * whose extension is older than 1.2 has no table for it, and says so.
 */
static SPIPlanPtr
cumulative_plan(Oid nsp, bool nested)
{
	Oid			args[6] = {INT8OID, TEXTOID, plans.quarter_type, TEXTOID, NUMERICOID, TEXTOID};
	const char *schema = quote_identifier(get_namespace_name(nsp));
	StringInfoData sql;

	if (nested ? plans.nested_cumulative_plan != NULL : plans.cumulative_insert_plan != NULL)
		return nested ? plans.nested_cumulative_plan : plans.cumulative_insert_plan;
	if (!OidIsValid(get_relname_relid("cumulative_observation", nsp)))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cumulative figures need hatrung 1.2 or later"),
				 errhint("ALTER EXTENSION hatrung UPDATE;")));
	initStringInfo(&sql);
	if (nested)
	{
		appendStringInfo(&sql, "SELECT %s.observation_import_insert($1, $2, $3, $4, $5, $6, true)", schema);
		plans.nested_cumulative_plan = prepare(sql.data, 6, args);
		return plans.nested_cumulative_plan;
	}
	appendStringInfo(&sql, "INSERT INTO %s.cumulative_observation (unit_id, indicator_code, period, vintage, value, source)"
					 " VALUES ($1, $2, $3, $4, $5, $6)", schema);
	plans.cumulative_insert_plan = prepare(sql.data, 6, args);
	return plans.cumulative_insert_plan;
}

/*
 * The insert of a season figure, through season_figure_import() (which
 * finds the unit valid during the season), prepared at the first one: a
 * database older than 1.2 has neither the type nor the table.
 */
static SPIPlanPtr
season_plan(Oid nsp)
{
	Oid			args[7] = {TEXTOID, TEXTOID, InvalidOid, TEXTOID, TEXTOID, NUMERICOID, TEXTOID};
	StringInfoData sql;

	if (plans.season_plan != NULL)
		return plans.season_plan;
	args[2] = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							  CStringGetDatum("crop_season"), ObjectIdGetDatum(nsp));
	if (!OidIsValid(args[2]))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("season figures need hatrung 1.2 or later"),
				 errhint("ALTER EXTENSION hatrung UPDATE;")));
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT %s.season_figure_import($1, $2, $3, $4, $5, $6, $7)",
					 quote_identifier(get_namespace_name(nsp)));
	plans.season_plan = prepare(sql.data, 7, args);
	return plans.season_plan;
}

/* Plans and caches, made once per statement (inside an SPI connection). */
static ImportCache *
import_cache(FunctionCallInfo fcinfo, TupleDesc desc)
{
	ImportCache *c = fcinfo->flinfo->fn_extra;
	HASHCTL		ctl;
	int			i;

	if (c != NULL)
		return c;
	c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ImportCache));
	c->cxt = fcinfo->flinfo->fn_mcxt;
	for (i = 0; i < N_COLS; i++)
	{
		c->attnums[i] = SPI_fnumber(desc, col_names[i]);
		if (c->attnums[i] <= 0)
			elog(ERROR, "observation_import_row: the view has no column %s", col_names[i]);
	}
	c->nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	ensure_plans(c->nsp);

	/*
	 * With Citus, a one-row INSERT that the trigger of a COPY runs directly
	 * is committed on its worker on its own (Citus opens no remote
	 * transaction block at the first executor level outside BEGIN), so the
	 * rows before a bad row would stay.  One level down, inside a function
	 * call, Citus ties each insert to the statement's distributed
	 * transaction and a bad row undoes the file.
	 */
	c->nested = OidIsValid(get_extension_oid("citus", true));
	if (c->nested)
		ensure_nested_plan(c->nsp);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = KEY_LEN;
	ctl.entrysize = sizeof(IndicatorEntry);
	ctl.hcxt = c->cxt;
	c->indicators = hash_create("hatrung import indicators", 64, &ctl,
								HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	ctl.keysize = sizeof(UnitKey);
	ctl.entrysize = sizeof(UnitEntry);
	c->units = hash_create("hatrung import units", 1024, &ctl,
						   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

static void
lookup_indicator(ImportCache *c, const char *code, IndicatorEntry *out)
{
	IndicatorEntry *e = NULL;
	bool		present = false;
	Datum		arg;

	if (strlen(code) < KEY_LEN)
	{
		e = hash_search(c->indicators, code, HASH_ENTER, &present);
		if (present)
		{
			*out = *e;
			return;
		}
	}
	memset(out, 0, sizeof(*out));
	arg = CStringGetTextDatum(code);
	if (SPI_execute_plan(plans.indicator_plan, &arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "observation_import_row: indicator look-up failed");
	if (SPI_processed == 1)
	{
		bool		isnull;
		Datum		scale = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		out->found = true;
		if (!isnull)
		{
			Numeric		n = DatumGetNumeric(scale);

			out->unit_scale = MemoryContextAlloc(c->cxt, VARSIZE(n));
			memcpy(out->unit_scale, n, VARSIZE(n));
		}
		out->non_negative = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0],
													   SPI_tuptable->tupdesc, 2, &isnull)) && !isnull;
	}
	if (e != NULL)
	{
		strlcpy(out->code, code, KEY_LEN);
		*e = *out;
	}
}

static bool
lookup_unit(ImportCache *c, const char *code, int32 period, int64 *unit_id)
{
	UnitEntry  *e = NULL;
	bool		present = false;
	Datum		args[3];

	if (strlen(code) < KEY_LEN)
	{
		UnitKey		key;

		memset(&key, 0, sizeof(key));
		strlcpy(key.code, code, KEY_LEN);
		key.period = period;
		e = hash_search(c->units, &key, HASH_ENTER, &present);
		if (present)
		{
			*unit_id = e->unit_id;
			return e->found;
		}
	}
	args[0] = CStringGetTextDatum(code);
	/* the unit valid at the end of the quarter (as of quarter_end, after quarter_start) */
	args[1] = DateADTGetDatum(quarter_last_day(period));
	args[2] = DateADTGetDatum(quarter_first_day(period));
	if (SPI_execute_plan(plans.unit_plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "observation_import_row: unit look-up failed");
	*unit_id = 0;
	if (SPI_processed == 1)
	{
		bool		isnull;

		*unit_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	}
	if (e != NULL)
	{
		e->found = SPI_processed == 1;
		e->unit_id = *unit_id;
	}
	return SPI_processed == 1;
}

/* The row's key as every error names it. */
static char *
row_key(char *const *v)
{
	return psprintf("(unit_code=%s, indicator_code=%s, period=%s)",
					v[COL_UNIT_CODE] ? v[COL_UNIT_CODE] : "NULL",
					v[COL_INDICATOR_CODE] ? v[COL_INDICATOR_CODE] : "NULL",
					v[COL_PERIOD] ? v[COL_PERIOD] : "NULL");
}

/* estimate / preliminary / official, in English or Vietnamese, any case */
static const char *
vintage_code(const char *written)
{
	static const struct
	{
		const char *word;
		const char *code;
	}			words[] = {
		{"estimate", "estimate"}, {"\xc6\xb0\xe1\xbb\x9b\x63 t\xc3\xadnh", "estimate"},
		{"\xc6\xb0\xe1\xbb\x9b\x63", "estimate"}, {"preliminary", "preliminary"},
		{"s\xc6\xa1 b\xe1\xbb\x99", "preliminary"}, {"official", "official"},
		{"ch\xc3\xadnh th\xe1\xbb\xa9\x63", "official"},
		/* a season's plan: "kế hoạch" */
		{"plan", "plan"}, {"k\xe1\xba\xbf ho\xe1\xba\xa1" "ch", "plan"}
	};
	/* lower(btrim(vintage)) in the database's collation, as SQL would */
	Datum		t = DirectFunctionCall1(btrim1, CStringGetTextDatum(written));
	char	   *folded = text_to_cstring(DatumGetTextPP(DirectFunctionCall1Coll(lower, DEFAULT_COLLATION_OID, t)));
	char	   *utf8 = pg_server_to_any(folded, strlen(folded), PG_UTF8);
	size_t		i;

	for (i = 0; i < lengthof(words); i++)
		if (strcmp(utf8, words[i].word) == 0)
			return words[i].code;
	return NULL;
}

/*
 * Rows loaded by the current statement, so that a load of an empty file
 * says so: reset by the BEFORE statement trigger, counted by the row
 * trigger, reported by the AFTER statement trigger.
 */
static int64 rows_loaded = 0;

PG_FUNCTION_INFO_V1(observation_import_begin);
Datum
observation_import_begin(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "observation_import_begin must be a trigger");
	rows_loaded = 0;
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(observation_import_end);
Datum
observation_import_end(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "observation_import_end must be a trigger");
	if (rows_loaded == 0)
		ereport(NOTICE,
				(errmsg("no row was loaded into observation_import"),
				 errdetail("The input held no data rows."),
				 errhint("Check the file: a CSV file with HEADER needs a header line and then one line per figure.")));
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(observation_import_row);
Datum
observation_import_row(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	row;
	ImportCache *c;
	char	   *v[N_COLS];
	int32		period = 0,
				first = 0,
				after = 0,
				season = 0;
	bool		cumulative = false;
	bool		is_season = false;
	QuarterStatus st;
	char		plain[VNNUM_BUFSIZE];
	int			scale_exp10 = 0;
	Numeric		value;
	IndicatorEntry ind;
	int64		unit_id = 0;
	const char *vintage;
	Datum		args[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	int			i;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_INSTEAD(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		elog(ERROR, "observation_import_row must be an INSTEAD OF INSERT row trigger");
	desc = RelationGetDescr(td->tg_relation);
	row = td->tg_trigtuple;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "observation_import_row: SPI_connect failed");
	c = import_cache(fcinfo, desc);
	for (i = 0; i < N_COLS; i++)
		v[i] = SPI_getvalue(row, desc, c->attnums[i]);

	if (!v[COL_UNIT_CODE] || !v[COL_INDICATOR_CODE] || !v[COL_PERIOD] || !v[COL_VINTAGE] || !v[COL_VALUE])
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("missing value in row %s", row_key(v)),
				 errdetail("unit_code, indicator_code, period, vintage and value are required.")));
	st = period_parse_server(v[COL_PERIOD], strlen(v[COL_PERIOD]), &first, &after);
	if (st != QUARTER_OK && st != QUARTER_BAD_MONTHS)
	{
		/* not a quarter nor a span: a crop season? */
		SeasonStatus sst = season_parse_server(v[COL_PERIOD], strlen(v[COL_PERIOD]), &season);

		if (sst == SEASON_OK)
			is_season = true;
		else if (season_status_detail(sst) != NULL)
			ereport(ERROR,
					(errcode(sst == SEASON_YEAR_OUT_OF_RANGE ? ERRCODE_DATETIME_VALUE_OUT_OF_RANGE
							 : ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid period in column \"period\" of row %s: \"%s\"", row_key(v), v[COL_PERIOD]),
					 errdetail("%s", season_status_detail(sst))));
	}
	if (!is_season && st == QUARTER_BAD_MONTHS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid period in column \"period\" of row %s: \"%s\"", row_key(v), v[COL_PERIOD]),
				 errdetail("A cumulative period counts 3, 6, 9 or 12 months from January.")));
	if (!is_season && st != QUARTER_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid period in column \"period\" of row %s: \"%s\"", row_key(v), v[COL_PERIOD]),
				 errhint("Write a quarter as quý I-2023, Q1-2023 or 2023-Q1, a span from January as 6 tháng đầu năm 2023, 9 tháng năm 2023 or năm 2023, or a crop season as vụ Đông Xuân 2022-2023.")));
	if (!is_season)
	{
		/* a span is kept under its last quarter, the unit valid then */
		period = after - 1;
		cumulative = after - first > 1;
	}
	if (vnnum_parse_server(v[COL_VALUE], strlen(v[COL_VALUE]), plain, &scale_exp10) != VNNUM_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid number in column \"value\" of row %s: \"%s\"", row_key(v), v[COL_VALUE]),
				 errhint("Write numbers with a decimal comma and dots between thousands: 1.041,6.")));
	lookup_indicator(c, v[COL_INDICATOR_CODE], &ind);
	if (!ind.found)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("unknown indicator in column \"indicator_code\" of row %s", row_key(v))));
	if (!is_season && !lookup_unit(c, v[COL_UNIT_CODE], period, &unit_id))
	{
		char		q[QUARTER_TEXT_BUFSIZE];

		quarter_format(period, q);
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("unknown unit in column \"unit_code\" of row %s: no unit with that code exists in %s",
						row_key(v), q)));
	}
	if (c->last_vintage != NULL && strcmp(c->last_vintage, v[COL_VINTAGE]) == 0)
		vintage = c->last_vintage_code;
	else if ((vintage = vintage_code(v[COL_VINTAGE])) != NULL)
	{
		if (c->last_vintage)
			pfree(c->last_vintage);
		c->last_vintage = MemoryContextStrdup(c->cxt, v[COL_VINTAGE]);
		c->last_vintage_code = vintage;
	}
	if (vintage == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("invalid vintage in column \"vintage\" of row %s: \"%s\"", row_key(v), v[COL_VINTAGE]),
				 errhint("Use estimate, preliminary or official (plan for the plan of a crop season).")));
	if (strcmp(vintage, "plan") == 0 && !is_season)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("invalid vintage in column \"vintage\" of row %s: \"%s\"", row_key(v), v[COL_VINTAGE]),
				 errdetail("Only a crop season's plan is loaded here; annual plans go into annual_plan.")));
	value = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(plain),
												ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	/* "22,756 triệu" counts units: into the indicator's unit ("million USD") */
	if (scale_exp10 != 0)
		value = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
													DirectFunctionCall2(numeric_div, NumericGetDatum(value),
																		NumericGetDatum(ind.unit_scale))));
	if (ind.non_negative &&
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(value),
										  NumericGetDatum(int64_to_numeric(0)))) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("negative value in column \"value\" of row %s: indicator %s cannot be negative",
						row_key(v), v[COL_INDICATOR_CODE])));

	if (is_season)
	{
		bool		is_plan = strcmp(vintage, "plan") == 0;
		Datum		sargs[7];
		char		snulls[7] = {' ', ' ', ' ', ' ', ' ', ' ', ' '};
		bool		isnull;

		sargs[0] = CStringGetTextDatum(v[COL_UNIT_CODE]);
		sargs[1] = CStringGetTextDatum(v[COL_INDICATOR_CODE]);
		sargs[2] = Int32GetDatum(season);
		sargs[3] = CStringGetTextDatum(is_plan ? "plan" : "actual");
		sargs[4] = CStringGetTextDatum(is_plan ? "official" : vintage);
		sargs[5] = NumericGetDatum(value);
		sargs[6] = v[COL_SOURCE] ? CStringGetTextDatum(v[COL_SOURCE]) : (Datum) 0;
		if (!v[COL_SOURCE])
			snulls[6] = 'n';
		if (SPI_execute_plan(season_plan(c->nsp), sargs, snulls, false, 1) != SPI_OK_SELECT ||
			SPI_processed != 1)
			elog(ERROR, "observation_import_row: season insert failed");
		if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) || isnull)
			ereport(ERROR,
					(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
					 errmsg("unknown unit in column \"unit_code\" of row %s: no unit with that code exists during %s",
							row_key(v), season_label_server(season))));
		SPI_finish();
		rows_loaded++;
		return PointerGetDatum(row);
	}

	args[0] = Int64GetDatum(unit_id);
	args[1] = CStringGetTextDatum(v[COL_INDICATOR_CODE]);
	args[2] = QuarterGetDatum(period);
	args[3] = CStringGetTextDatum(vintage);
	args[4] = NumericGetDatum(value);
	if (v[COL_SOURCE])
		args[5] = CStringGetTextDatum(v[COL_SOURCE]);
	else
	{
		args[5] = (Datum) 0;
		nulls[5] = 'n';
	}
	if (c->nested)
	{
		SPIPlanPtr	plan = cumulative ? cumulative_plan(c->nsp, true)
			: plans.nested_insert_plan;

		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_SELECT)
			elog(ERROR, "observation_import_row: insert failed");
	}
	else
	{
		SPIPlanPtr	plan = cumulative ? cumulative_plan(c->nsp, false)
			: plans.insert_plan;

		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "observation_import_row: insert failed");
	}
	SPI_finish();
	rows_loaded++;
	return PointerGetDatum(row);
}

/*
 * observation_import_insert(unit_id, indicator_code, period, vintage,
 * value, source, cumulative): inserts one row into observation (or, when
 * cumulative, into cumulative_observation), as the calling user
 * (row-level security, checks and history triggers apply as to any
 * insert).  observation_import's trigger calls it on Citus; see
 * import_cache().
 */
PG_FUNCTION_INFO_V1(observation_import_insert);
Datum
observation_import_insert(PG_FUNCTION_ARGS)
{
	Datum		args[6];
	char		nulls[6];
	int			i;

	for (i = 0; i < 6; i++)
	{
		args[i] = PG_ARGISNULL(i) ? (Datum) 0 : PG_GETARG_DATUM(i);
		nulls[i] = PG_ARGISNULL(i) ? 'n' : ' ';
	}
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "observation_import_insert: SPI_connect failed");
	ensure_plans(get_func_namespace(fcinfo->flinfo->fn_oid));
	if (SPI_execute_plan(PG_NARGS() > 6 && !PG_ARGISNULL(6) && PG_GETARG_BOOL(6)
						 ? cumulative_plan(get_func_namespace(fcinfo->flinfo->fn_oid), false)
						 : plans.insert_plan, args, nulls, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "observation_import_insert: insert failed");
	SPI_finish();
	PG_RETURN_VOID();
}
