/*
 * ntm_score.c
 *	  Reading a criteria set's rules for a zone and year, and
 *	  ntm_score(set, zone, year, indicator, value, value_yes) as versions 1.0
 *	  and 1.1 declare it: one unit's measurements for a year folded straight
 *	  into the criteria bitmap of a set (see ntm_core.h), grouped by unit,
 *	  year and set.  Since 1.2 the aggregate takes the rules as an argument
 *	  instead of reading them (ntm_rules.c), so Citus can run it on worker
 *	  nodes; the functions below stay for databases still at 1.0 or 1.1.
 *
 * It gives what folding ntm_indicator_status would give, without forming a
 * row per unit and indicator: the set's indicators, their criteria,
 * comparisons and thresholds in force (ntm_threshold_at) are read once per
 * set, zone and year into a small cache, each measurement is decided against
 * it, and at the end every indicator of the set without a measurement counts
 * as unknown.  Measurements of indicators outside the set are ignored.
 */
#include "postgres.h"
#include "common/compat.h"

#include "catalog/pg_type.h"
#include "common/aggregate.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "ntm/ntm_core.h"
#include "ntm_pg.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

typedef struct ScoreState
{
	char	   *set_code;
	char	   *zone;
	int32		year;
	SetRules   *rules;			/* this call site's copy, NULL until needed */
	NtmCriteriaBits bits;		/* the measured indicators, folded */
	uint64		seen[MAX_SET_INDICATORS / 64];
} ScoreState;

RulesCache *
ntm_rules_cache(FunctionCallInfo fcinfo)
{
	RulesCache *cache = fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);

		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RulesCache));
		cache->cxt = fcinfo->flinfo->fn_mcxt;
		cache->schema = MemoryContextStrdup(cache->cxt, quote_identifier(get_namespace_name(nsp)));
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static int
cmp_indicator(const void *a, const void *b)
{
	return strcmp(((const SetIndicator *) a)->code, ((const SetIndicator *) b)->code);
}

/*
 * Reads a set's rules for a zone and year (also for ntm_rules(), see
 * ntm_rules.c).  Every operator is qualified, so the caller's search_path
 * cannot change what the query means.
 */
SetRules *
ntm_load_rules(RulesCache *cache, const char *set_code, const char *zone, int32 year)
{
	SetRules   *rules = MemoryContextAllocZero(cache->cxt, sizeof(SetRules));
	StringInfoData sql;
	Oid			argtypes[3] = {TEXTOID, TEXTOID, INT4OID};
	Datum		args[3];
	uint64		i;

	rules->set_code = MemoryContextStrdup(cache->cxt, set_code);
	rules->zone = MemoryContextStrdup(cache->cxt, zone);
	rules->year = year;

	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT i.indicator_code, i.criterion_no, i.comparison, t.value"
					 " FROM %s.ntm_indicator i"
					 " JOIN %s.ntm_criterion c ON c.set_code OPERATOR(pg_catalog.=) i.set_code"
					 "  AND c.criterion_no OPERATOR(pg_catalog.=) i.criterion_no"
					 " LEFT JOIN LATERAL %s.ntm_threshold_at(i.set_code, i.indicator_code, $2, $3) t ON true"
					 " WHERE i.set_code OPERATOR(pg_catalog.=) $1",
					 cache->schema, cache->schema, cache->schema);
	args[0] = CStringGetTextDatum(set_code);
	args[1] = CStringGetTextDatum(zone);
	args[2] = Int32GetDatum(year);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "ntm_score: SPI_connect failed");
	if (SPI_execute_with_args(sql.data, 3, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "ntm_score: reading the rules of set %s failed", set_code);
	if (SPI_processed > MAX_SET_INDICATORS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("criteria set %s has %llu indicators; ntm_score handles at most %d",
						set_code, (unsigned long long) SPI_processed, MAX_SET_INDICATORS)));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		SetIndicator *ind = &rules->ind[i];
		bool		isnull;
		Datum		d;
		char	   *op;

		ind->code = MemoryContextStrdup(cache->cxt, SPI_getvalue(tup, desc, 1));
		ind->criterion_no = DatumGetInt32(SPI_getbinval(tup, desc, 2, &isnull));
		op = SPI_getvalue(tup, desc, 3);
		ind->op = ntm_comparison_parse(op, (int) strlen(op));
		d = SPI_getbinval(tup, desc, 4, &isnull);
		if (!isnull)
		{
			Numeric		n = DatumGetNumeric(d);

			ind->threshold = MemoryContextAlloc(cache->cxt, VARSIZE(n));
			memcpy(ind->threshold, n, VARSIZE(n));
		}
	}
	rules->n = (int) SPI_processed;
	SPI_finish();

	qsort(rules->ind, rules->n, sizeof(SetIndicator), cmp_indicator);
	rules->next = cache->sets;
	cache->sets = rules;
	return rules;
}

SetRules *
ntm_find_rules(RulesCache *cache, const char *set_code, const char *zone, int32 year)
{
	SetRules   *r;

	for (r = cache->sets; r != NULL; r = r->next)
		if (r->year == year && strcmp(r->set_code, set_code) == 0 && strcmp(r->zone, zone) == 0)
			return r;
	return ntm_load_rules(cache, set_code, zone, year);
}

/* The indicator with this code (not NUL-terminated), or -1. */
static int
find_indicator(const SetRules *rules, const char *code, size_t len)
{
	int			lo = 0,
				hi = rules->n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const char *key = rules->ind[mid].code;
		int			c = strncmp(key, code, len);

		/* equal over len bytes: the longer key sorts after */
		if (c == 0)
			c = key[len] == '\0' ? 0 : 1;
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static ScoreState *
state_new(MemoryContext cxt, const char *set_code, const char *zone, int32 year)
{
	ScoreState *st = MemoryContextAllocZero(cxt, sizeof(ScoreState));

	st->set_code = MemoryContextStrdup(cxt, set_code);
	st->zone = MemoryContextStrdup(cxt, zone);
	st->year = year;
	return st;
}

/* (state, set_code, zone, year, indicator_code, value, value_yes) */
PG_FUNCTION_INFO_V1(ntm_score_trans);
Datum
ntm_score_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = aggregate_context(fcinfo, "ntm_score_trans");
	ScoreState *st = PG_ARGISNULL(0) ? NULL : (ScoreState *) PG_GETARG_POINTER(0);
	text	   *code;
	int			i;
	SetIndicator *ind;
	NtmStatus	status;

	if (st == NULL)
	{
		/* a unit with no set, zone or year is not assessed */
		if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
			PG_RETURN_NULL();
		st = state_new(aggcxt, text_to_cstring(PG_GETARG_TEXT_PP(1)),
					   text_to_cstring(PG_GETARG_TEXT_PP(2)), PG_GETARG_INT32(3));
	}
	if (st->rules == NULL)
		st->rules = ntm_find_rules(ntm_rules_cache(fcinfo), st->set_code, st->zone, st->year);
	/* no measurement at all (an outer join's empty side) */
	if (PG_ARGISNULL(4))
		PG_RETURN_POINTER(st);

	/* read in place: this runs for every measurement */
	code = PG_GETARG_TEXT_PP(4);
	i = find_indicator(st->rules, VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code));
	if (i < 0)
		PG_RETURN_POINTER(st);	/* an indicator of another set */
	ind = &st->rules->ind[i];
	status = ntm_measurement_status(ind->op, PG_ARGISNULL(5) ? NULL : PG_GETARG_NUMERIC(5),
									!PG_ARGISNULL(6), !PG_ARGISNULL(6) && PG_GETARG_BOOL(6),
									ind->threshold);
	if (!ntm_criteria_add(&st->bits, ind->criterion_no, status))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("criterion number out of range for ntm_score: %d", ind->criterion_no),
				 errdetail("Criteria are numbered 1 to %d.", NTM_MAX_CRITERIA)));
	st->seen[i / 64] |= UINT64CONST(1) << (i % 64);
	PG_RETURN_POINTER(st);
}

/* Both halves of a group are the same unit, year and set. */
PG_FUNCTION_INFO_V1(ntm_score_combine);
Datum
ntm_score_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = aggregate_context(fcinfo, "ntm_score_combine");
	ScoreState *a = PG_ARGISNULL(0) ? NULL : (ScoreState *) PG_GETARG_POINTER(0);
	ScoreState *b = PG_ARGISNULL(1) ? NULL : (ScoreState *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = state_new(aggcxt, b->set_code, b->zone, b->year);
		a->bits = b->bits;
		memcpy(a->seen, b->seen, sizeof(a->seen));
		PG_RETURN_POINTER(a);
	}
	a->bits = ntm_criteria_merge(a->bits, b->bits);
	for (i = 0; i < MAX_SET_INDICATORS / 64; i++)
		a->seen[i] |= b->seen[i];
	PG_RETURN_POINTER(a);
}

/* Serial form: year, bits, seen words, then set_code and zone, NUL-ended. */
PG_FUNCTION_INFO_V1(ntm_score_serial);
Datum
ntm_score_serial(PG_FUNCTION_ARGS)
{
	ScoreState *st = (ScoreState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	aggregate_context(fcinfo, "ntm_score_serial");
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, (char *) &st->year, sizeof(st->year));
	appendBinaryStringInfo(&buf, (char *) &st->bits, sizeof(st->bits));
	appendBinaryStringInfo(&buf, (char *) st->seen, sizeof(st->seen));
	appendBinaryStringInfo(&buf, st->set_code, strlen(st->set_code) + 1);
	appendBinaryStringInfo(&buf, st->zone, strlen(st->zone) + 1);
	PG_RETURN_BYTEA_P(cstring_to_text_with_len(buf.data, buf.len));
}

PG_FUNCTION_INFO_V1(ntm_score_deserial);
Datum
ntm_score_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = aggregate_context(fcinfo, "ntm_score_deserial");
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	const char *p = VARDATA_ANY(b);
	Size		len = VARSIZE_ANY_EXHDR(b);
	Size		fixed = sizeof(int32) + sizeof(NtmCriteriaBits) + sizeof(((ScoreState *) 0)->seen);
	const char *set_code,
			   *zone,
			   *end = p + len;
	ScoreState *st;
	int32		year;

	if (len < fixed + 2)
		elog(ERROR, "corrupt ntm_score state");
	set_code = p + fixed;
	zone = memchr(set_code, '\0', end - set_code);
	if (zone == NULL || zone + 1 >= end || memchr(zone + 1, '\0', end - (zone + 1)) != end - 1)
		elog(ERROR, "corrupt ntm_score state");
	zone++;
	memcpy(&year, p, sizeof(year));
	st = state_new(aggcxt, set_code, zone, year);
	memcpy(&st->bits, p + sizeof(int32), sizeof(st->bits));
	memcpy(st->seen, p + sizeof(int32) + sizeof(st->bits), sizeof(st->seen));
	PG_RETURN_POINTER(st);
}

/*
 * The set's criteria bitmap: the measured indicators as folded, and every
 * indicator without a measurement as unknown.  NULL for a set without
 * indicators, which has nothing to score.
 */
PG_FUNCTION_INFO_V1(ntm_score_final);
Datum
ntm_score_final(PG_FUNCTION_ARGS)
{
	ScoreState *st = PG_ARGISNULL(0) ? NULL : (ScoreState *) PG_GETARG_POINTER(0);
	SetRules   *rules;
	NtmCriteriaBits bits;
	int			i;

	aggregate_context(fcinfo, "ntm_score_final");
	if (st == NULL)
		PG_RETURN_NULL();
	/* this call site's own cache: the state may come from another process */
	rules = ntm_find_rules(ntm_rules_cache(fcinfo), st->set_code, st->zone, st->year);
	if (rules->n == 0)
		PG_RETURN_NULL();
	bits = st->bits;			/* the state is left as it is: finals may repeat */
	for (i = 0; i < rules->n; i++)
		if ((st->seen[i / 64] & (UINT64CONST(1) << (i % 64))) == 0 &&
			!ntm_criteria_add(&bits, rules->ind[i].criterion_no, NTM_UNKNOWN))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("criterion number out of range for ntm_score: %d", rules->ind[i].criterion_no),
					 errdetail("Criteria are numbered 1 to %d.", NTM_MAX_CRITERIA)));
	PG_RETURN_INT64((int64) bits);
}
