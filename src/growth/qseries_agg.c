/*
 * qseries_agg.c
 *	  The two-step summary: quarterly_series(value, period) builds a
 *	  qseries per group; accessors answer the same questions as the window
 *	  functions (value at, same period last year, YTD, growth) from it.
 *
 * The aggregate is combinable and its internal state serialisable, so
 * PostgreSQL can build partial summaries in parallel workers (and Citus on
 * worker nodes) and merge them.
 */
#include "postgres.h"

#include "fmgr.h"
#include "growth/growth_core.h"
#include "growth_numeric.h"
#include "libpq/pqformat.h"
#include "qseries.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

typedef struct SeriesState
{
	int			n;
	int			cap;
	int32	   *ordinals;
	Numeric    *values;
} SeriesState;

static MemoryContext
aggregate_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return aggcxt;
}

static SeriesState *
state_new(MemoryContext cxt)
{
	SeriesState *st = MemoryContextAlloc(cxt, sizeof(SeriesState));

	st->n = 0;
	st->cap = 16;
	st->ordinals = MemoryContextAlloc(cxt, sizeof(int32) * st->cap);
	st->values = MemoryContextAlloc(cxt, sizeof(Numeric) * st->cap);
	return st;
}

/* Appends a copy of the value; the state's arrays live in `cxt`. */
static void
state_add(MemoryContext cxt, SeriesState *st, int32 ordinal, Numeric value)
{
	Numeric		copy;

	if (st->n == st->cap)
	{
		st->cap *= 2;
		st->ordinals = repalloc(st->ordinals, sizeof(int32) * st->cap);
		st->values = repalloc(st->values, sizeof(Numeric) * st->cap);
	}
	copy = MemoryContextAlloc(cxt, VARSIZE(value));
	memcpy(copy, value, VARSIZE(value));
	st->ordinals[st->n] = ordinal;
	st->values[st->n] = copy;
	st->n++;
}

/* transition: (state, value numeric, period quarter); NULLs are skipped */
PG_FUNCTION_INFO_V1(qseries_agg_trans);
Datum
qseries_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "qseries_agg_trans");
	SeriesState *st = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);

	/* like sum(): no state, and a NULL result, until a value arrives */
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	if (st == NULL)
		st = state_new(cxt);
	state_add(cxt, st, PG_GETARG_QUARTER(2), PG_GETARG_NUMERIC(1));
	PG_RETURN_POINTER(st);
}

/*
 * Both states live in the aggregate's memory context until the group is
 * finished, so merging shares b's values instead of copying them: the
 * combine step costs O(n) pointer moves, not O(n) numeric copies.
 */
PG_FUNCTION_INFO_V1(qseries_agg_combine);
Datum
qseries_agg_combine(PG_FUNCTION_ARGS)
{
	SeriesState *a = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);
	SeriesState *b = PG_ARGISNULL(1) ? NULL : (SeriesState *) PG_GETARG_POINTER(1);

	aggregate_context(fcinfo, "qseries_agg_combine");
	if (b == NULL || b->n == 0)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		PG_RETURN_POINTER(b);	/* b was made in the aggregate context too */
	if (a->n + b->n > a->cap)
	{
		a->cap = Max(a->cap * 2, a->n + b->n);
		a->ordinals = repalloc(a->ordinals, sizeof(int32) * a->cap);
		a->values = repalloc(a->values, sizeof(Numeric) * a->cap);
	}
	memcpy(a->ordinals + a->n, b->ordinals, sizeof(int32) * b->n);
	memcpy(a->values + a->n, b->values, sizeof(Numeric) * b->n);
	a->n += b->n;
	PG_RETURN_POINTER(a);
}

/*
 * Serial form: int4 n, int4 total value bytes, the n ordinals, then the n
 * numerics back to back, each padded to 4 bytes so that the deserialised
 * state can point straight into one copy of the blob.
 */
PG_FUNCTION_INFO_V1(qseries_agg_serial);
Datum
qseries_agg_serial(PG_FUNCTION_ARGS)
{
	SeriesState *st = (SeriesState *) PG_GETARG_POINTER(0);
	Size		values_size = 0;
	Size		total;
	bytea	   *out;
	char	   *p;
	int			i;

	aggregate_context(fcinfo, "qseries_agg_serial");
	for (i = 0; i < st->n; i++)
		values_size += INTALIGN(VARSIZE(st->values[i]));
	total = VARHDRSZ + 2 * sizeof(int32) + sizeof(int32) * st->n + values_size;
	if (total > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too large to pass between parallel workers")));
	out = palloc0(total);
	SET_VARSIZE(out, total);
	p = VARDATA(out);
	memcpy(p, &st->n, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, &values_size, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, st->ordinals, sizeof(int32) * st->n);
	p += sizeof(int32) * st->n;
	for (i = 0; i < st->n; i++)
	{
		memcpy(p, st->values[i], VARSIZE(st->values[i]));
		p += INTALIGN(VARSIZE(st->values[i]));
	}
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(qseries_agg_deserial);
Datum
qseries_agg_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt = aggregate_context(fcinfo, "qseries_agg_deserial");
	const char *p = VARDATA_ANY(b);
	Size		len = VARSIZE_ANY_EXHDR(b);
	SeriesState *st;
	int32		n,
				values_size;
	char	   *values;
	Size		off = 0;
	int			i;

	if (len < 2 * sizeof(int32))
		elog(ERROR, "corrupt quarterly_series state");
	memcpy(&n, p, sizeof(int32));
	memcpy(&values_size, p + sizeof(int32), sizeof(int32));
	if (n < 0 || values_size < 0 ||
		len != 2 * sizeof(int32) + sizeof(int32) * (Size) n + (Size) values_size)
		elog(ERROR, "corrupt quarterly_series state");
	p += 2 * sizeof(int32);

	st = MemoryContextAlloc(cxt, sizeof(SeriesState));
	st->n = n;
	st->cap = Max(n, 1);
	st->ordinals = MemoryContextAlloc(cxt, sizeof(int32) * st->cap);
	st->values = MemoryContextAlloc(cxt, sizeof(Numeric) * st->cap);
	memcpy(st->ordinals, p, sizeof(int32) * n);
	p += sizeof(int32) * n;
	/* one copy of all values, MAXALIGNed, that the state points into */
	values = MemoryContextAlloc(cxt, Max(values_size, 1));
	memcpy(values, p, values_size);
	for (i = 0; i < n; i++)
	{
		Numeric		v = (Numeric) (values + off);

		if (off + VARHDRSZ > (Size) values_size || off + VARSIZE(v) > (Size) values_size)
			elog(ERROR, "corrupt quarterly_series state");
		st->values[i] = v;
		off += INTALIGN(VARSIZE(v));
	}
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(qseries_agg_final);
Datum
qseries_agg_final(PG_FUNCTION_ARGS)
{
	SeriesState *st = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);

	aggregate_context(fcinfo, "qseries_agg_final");
	if (st == NULL)
		PG_RETURN_NULL();
	/* the state may be finalised more than once: qseries_build copies */
	PG_RETURN_POINTER(qseries_build(st->n, st->ordinals, st->values));
}

/* --- Accessors ----------------------------------------------------------- */

static Numeric
value_at_period(QSeries *s, int32 period)
{
	int			i = series_find(s->ordinals, s->n, period);

	return i < 0 ? NULL : qseries_value_copy(s, i);
}

static Numeric
ytd_at_period(QSeries *s, int32 period, IndicatorKind kind)
{
	int			members[4];
	int			n = series_ytd_members(s->ordinals, s->n, period, kind, members);
	Numeric		total;
	int			i;

	if (n < 0)
		return NULL;
	total = qseries_value_copy(s, members[0]);
	for (i = 1; i < n; i++)
		total = numeric_add_exact(total, QSERIES_VALUE(s, members[i]));
	return total;
}

#define RETURN_NUMERIC_OR_NULL(expr) \
	do { \
		Numeric r_ = (expr); \
		if (r_ == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_NUMERIC(r_); \
	} while (0)

static Numeric
growth_between(Numeric current, Numeric base)
{
	return (current == NULL || base == NULL) ? NULL : growth_pct_numeric(current, base);
}

PG_FUNCTION_INFO_V1(qseries_value_at);
Datum
qseries_value_at(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(value_at_period(PG_GETARG_QSERIES(0), PG_GETARG_QUARTER(1)));
}

PG_FUNCTION_INFO_V1(qseries_same_period_last_year);
Datum
qseries_same_period_last_year(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(value_at_period(PG_GETARG_QSERIES(0), PG_GETARG_QUARTER(1) - 4));
}

PG_FUNCTION_INFO_V1(qseries_previous_quarter);
Datum
qseries_previous_quarter(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(value_at_period(PG_GETARG_QSERIES(0), PG_GETARG_QUARTER(1) - 1));
}

PG_FUNCTION_INFO_V1(qseries_yoy_pct);
Datum
qseries_yoy_pct(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	int32		p = PG_GETARG_QUARTER(1);

	RETURN_NUMERIC_OR_NULL(growth_between(value_at_period(s, p), value_at_period(s, p - 4)));
}

PG_FUNCTION_INFO_V1(qseries_qoq_pct);
Datum
qseries_qoq_pct(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	int32		p = PG_GETARG_QUARTER(1);

	RETURN_NUMERIC_OR_NULL(growth_between(value_at_period(s, p), value_at_period(s, p - 1)));
}

PG_FUNCTION_INFO_V1(qseries_ytd);
Datum
qseries_ytd(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(ytd_at_period(PG_GETARG_QSERIES(0), PG_GETARG_QUARTER(1),
										 indicator_kind_arg(PG_GETARG_TEXT_PP(2))));
}

PG_FUNCTION_INFO_V1(qseries_ytd_yoy_pct);
Datum
qseries_ytd_yoy_pct(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	int32		p = PG_GETARG_QUARTER(1);
	IndicatorKind kind = indicator_kind_arg(PG_GETARG_TEXT_PP(2));

	RETURN_NUMERIC_OR_NULL(growth_between(ytd_at_period(s, p, kind),
										  ytd_at_period(s, p - 4, kind)));
}

/*
 * Average growth per step between the first and the last observation, a
 * step being `quarters_per_step` quarters (4: yearly, the default; 1: per
 * quarter).  Steps may be fractional when the span is not whole steps.
 */
PG_FUNCTION_INFO_V1(qseries_cagr);
Datum
qseries_cagr(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	int32		quarters_per_step = PG_GETARG_INT32(1);
	Numeric		steps;

	if (quarters_per_step <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quarters per step must be positive: %d", quarters_per_step)));
	if (s->n < 2)
		PG_RETURN_NULL();
	steps = DatumGetNumeric(DirectFunctionCall2(numeric_div,
												NumericGetDatum(int64_to_numeric(s->ordinals[s->n - 1] - s->ordinals[0])),
												NumericGetDatum(int64_to_numeric(quarters_per_step))));
	RETURN_NUMERIC_OR_NULL(cagr_numeric(QSERIES_VALUE(s, 0), QSERIES_VALUE(s, s->n - 1), steps));
}

PG_FUNCTION_INFO_V1(qseries_first_period);
Datum
qseries_first_period(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);

	if (s->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_QUARTER(s->ordinals[0]);
}

PG_FUNCTION_INFO_V1(qseries_last_period);
Datum
qseries_last_period(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);

	if (s->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_QUARTER(s->ordinals[s->n - 1]);
}

PG_FUNCTION_INFO_V1(qseries_length);
Datum
qseries_length(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_QSERIES(0)->n);
}
