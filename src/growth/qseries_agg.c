/*
 * qseries_agg.c
 *	  The accessors of qseries, which answer the same questions as the
 *	  window functions (value at, same period last year, YTD, growth), and
 *	  the support functions of quarterly_series as versions 1.0 and 1.1
 *	  declare it (state type internal).
 *
 * Since 1.2 the aggregate keeps its state in the type qseries_partial
 * (qseries_partial.c), which Citus can ship between nodes.  The internal-
 * state functions below stay in the library, unchanged, for databases
 * still at 1.0 or 1.1 until ALTER EXTENSION hatrung UPDATE.
 */
#include "postgres.h"
#include "common/compat.h"

#include "common/aggregate.h"
#include "common/varlena.h"
#include "fmgr.h"
#include "growth/growth_core.h"
#include "growth_numeric.h"
#include "libpq/pqformat.h"
#include "qseries.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

/*
 * The transition state packs the values into one growing byte arena, each
 * as a length prefix (one byte below 255, else 0xFF and four bytes) and the
 * numeric's bytes without their varlena header.  About 11 bytes a figure
 * instead of a pointer and a palloc'd numeric each: the state is touched
 * for every row, copied between parallel workers and combined, so its size
 * is most of the aggregate's cost.  The serial form is the arena itself.
 */
typedef struct SeriesState
{
	int			n;				/* elements */
	int			cap;			/* elements `ordinals` (and `ranks`) can hold */
	int32	   *ordinals;
	int32	   *ranks;			/* the ranked aggregate's ranks, else NULL */
	char	   *data;			/* packed values, in element order */
	Size		used;
	Size		size;
} SeriesState;

#define LONG_LENGTH_MARK 0xFF

static SeriesState *
state_new(MemoryContext cxt, int cap, Size size, bool ranked)
{
	SeriesState *st = MemoryContextAlloc(cxt, sizeof(SeriesState));

	st->n = 0;
	st->cap = Max(cap, 8);
	st->ordinals = MemoryContextAlloc(cxt, sizeof(int32) * st->cap);
	st->ranks = ranked ? MemoryContextAlloc(cxt, sizeof(int32) * st->cap) : NULL;
	st->size = Max(size, 64);
	st->data = MemoryContextAlloc(cxt, st->size);
	st->used = 0;
	return st;
}

/* Room for `more` elements and `bytes` more packed bytes (repalloc keeps cxt). */
static void
state_reserve(SeriesState *st, int more, Size bytes)
{
	if ((Size) st->n + more > (Size) st->cap)
	{
		Size		cap = Max((Size) st->cap * 2, (Size) st->n + more);

		if (cap > MaxAllocSize / sizeof(int32))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("quarterly series too long")));
		st->cap = (int) cap;
		st->ordinals = repalloc(st->ordinals, sizeof(int32) * st->cap);
		if (st->ranks)
			st->ranks = repalloc(st->ranks, sizeof(int32) * st->cap);
	}
	if (st->used + bytes > st->size)
	{
		Size		size = Max(st->size * 2, st->used + bytes);

		if (size > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("quarterly series too large")));
		st->size = size;
		st->data = repalloc(st->data, st->size);
	}
}

/*
 * Appends a value as it arrives from the tuple, reading a short (1-byte
 * header) varlena in place rather than through the detoasted copy that
 * PG_GETARG_NUMERIC would make per row.
 */
static void
state_add(SeriesState *st, int32 ordinal, Datum value, int32 rank)
{
	struct varlena *v = varlena_in_place((struct varlena *) DatumGetPointer(value));
	uint32		len = (uint32) VARSIZE_ANY_EXHDR(v);
	char	   *p;

	state_reserve(st, 1, 5 + (Size) len);
	p = st->data + st->used;
	if (len < LONG_LENGTH_MARK)
		*p++ = (char) len;
	else
	{
		*p++ = (char) LONG_LENGTH_MARK;
		memcpy(p, &len, sizeof(uint32));
		p += sizeof(uint32);
	}
	memcpy(p, VARDATA_ANY(v), len);
	st->used = (p + len) - st->data;
	if (st->ranks)
		st->ranks[st->n] = rank;
	st->ordinals[st->n++] = ordinal;
}

/*
 * Walks the packed values into build elements (or only checks them, elems
 * NULL); false if the arena does not hold exactly n well-formed values (a
 * corrupt serial form).
 */
static bool
state_elements(const SeriesState *st, QSeriesElem *elems)
{
	const char *p = st->data;
	const char *end = st->data + st->used;
	int			i;

	for (i = 0; i < st->n; i++)
	{
		uint32		len;

		if (p >= end)
			return false;
		len = (unsigned char) *p++;
		if (len == LONG_LENGTH_MARK)
		{
			if (end - p < (ptrdiff_t) sizeof(uint32))
				return false;
			memcpy(&len, p, sizeof(uint32));
			p += sizeof(uint32);
		}
		if ((Size) (end - p) < len)
			return false;
		if (elems)
		{
			elems[i].ordinal = st->ordinals[i];
			elems[i].payload = p;
			elems[i].len = len;
		}
		p += len;
	}
	return p == end;
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
		st = state_new(cxt, 8, 64, false);
	state_add(st, PG_GETARG_QUARTER(2), PG_GETARG_DATUM(1), 0);
	PG_RETURN_POINTER(st);
}

/*
 * transition of the ranked form: (state, value, period, rank int4).  Where
 * a period repeats (several vintages of one figure) the final function
 * keeps the value of highest rank.  Rows with a NULL rank are skipped like
 * NULL values: an unranked value cannot be placed.
 */
PG_FUNCTION_INFO_V1(qseries_agg_trans_ranked);
Datum
qseries_agg_trans_ranked(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "qseries_agg_trans_ranked");
	SeriesState *st = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	if (st == NULL)
		st = state_new(cxt, 8, 64, true);
	state_add(st, PG_GETARG_QUARTER(2), PG_GETARG_DATUM(1), PG_GETARG_INT32(3));
	PG_RETURN_POINTER(st);
}

/* Appends b's elements to a (both in the aggregate context). */
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
	if ((a->ranks == NULL) != (b->ranks == NULL))
		elog(ERROR, "quarterly_series: ranked and unranked states cannot be combined");
	state_reserve(a, b->n, b->used);
	memcpy(a->ordinals + a->n, b->ordinals, sizeof(int32) * b->n);
	if (a->ranks)
		memcpy(a->ranks + a->n, b->ranks, sizeof(int32) * b->n);
	memcpy(a->data + a->used, b->data, b->used);
	a->n += b->n;
	a->used += b->used;
	PG_RETURN_POINTER(a);
}

/*
 * Serial form: int4 n, int4 packed bytes, int4 ranked (0 or 1), the n
 * ordinals, the n ranks if ranked, the arena.
 */
PG_FUNCTION_INFO_V1(qseries_agg_serial);
Datum
qseries_agg_serial(PG_FUNCTION_ARGS)
{
	SeriesState *st = (SeriesState *) PG_GETARG_POINTER(0);
	int32		ranked = st->ranks != NULL;
	Size		total;
	bytea	   *out;
	char	   *p;
	int32		used;

	aggregate_context(fcinfo, "qseries_agg_serial");
	total = VARHDRSZ + 3 * sizeof(int32) + sizeof(int32) * (Size) st->n * (1 + ranked) + st->used;
	if (total > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too large to pass between parallel workers")));
	used = (int32) st->used;
	out = palloc(total);
	SET_VARSIZE(out, total);
	p = VARDATA(out);
	memcpy(p, &st->n, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, &used, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, &ranked, sizeof(int32));
	p += sizeof(int32);
	memcpy(p, st->ordinals, sizeof(int32) * st->n);
	p += sizeof(int32) * st->n;
	if (ranked)
	{
		memcpy(p, st->ranks, sizeof(int32) * st->n);
		p += sizeof(int32) * st->n;
	}
	memcpy(p, st->data, st->used);
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
				used,
				ranked;

	if (len < 3 * sizeof(int32))
		elog(ERROR, "corrupt quarterly_series state");
	memcpy(&n, p, sizeof(int32));
	memcpy(&used, p + sizeof(int32), sizeof(int32));
	memcpy(&ranked, p + 2 * sizeof(int32), sizeof(int32));
	if (n < 0 || used < 0 || (ranked != 0 && ranked != 1) ||
		len != 3 * sizeof(int32) + sizeof(int32) * (Size) n * (1 + ranked) + (Size) used)
		elog(ERROR, "corrupt quarterly_series state");
	p += 3 * sizeof(int32);

	st = state_new(cxt, n, used, ranked);
	memcpy(st->ordinals, p, sizeof(int32) * n);
	p += sizeof(int32) * n;
	if (ranked)
	{
		memcpy(st->ranks, p, sizeof(int32) * n);
		p += sizeof(int32) * n;
	}
	memcpy(st->data, p, used);
	st->n = n;
	st->used = used;
	if (!state_elements(st, NULL))
		elog(ERROR, "corrupt quarterly_series state");
	PG_RETURN_POINTER(st);
}

/* An element with its rank, for picking the highest-ranked value of a period. */
typedef struct RankedElem
{
	QSeriesElem elem;
	int32		rank;
} RankedElem;

static int
cmp_ranked(const void *a, const void *b)
{
	const RankedElem *x = a;
	const RankedElem *y = b;

	if (x->elem.ordinal != y->elem.ordinal)
		return x->elem.ordinal < y->elem.ordinal ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;	/* highest rank first */
	return 0;
}

/*
 * Keeps the highest-ranked element of every period, in period order; two
 * values of one period with the same (highest) rank are an error: which
 * one is right cannot be told.  Returns the number kept.
 */
static int
keep_highest_ranked(const SeriesState *st, QSeriesElem *elems)
{
	RankedElem *r = palloc(sizeof(RankedElem) * Max(st->n, 1));
	int			kept = 0;
	int32		top_rank = 0;
	int			i;

	for (i = 0; i < st->n; i++)
	{
		r[i].elem = elems[i];
		r[i].rank = st->ranks[i];
	}
	qsort(r, st->n, sizeof(RankedElem), cmp_ranked);
	for (i = 0; i < st->n; i++)
	{
		if (i > 0 && r[i].elem.ordinal == r[i - 1].elem.ordinal)
		{
			/* ranks descend within a period: a tie can only be with the kept one */
			if (r[i].rank == top_rank)
			{
				char		buf[QUARTER_TEXT_BUFSIZE];

				quarter_format(r[i].elem.ordinal, buf);
				ereport(ERROR,
						(errcode(ERRCODE_CARDINALITY_VIOLATION),
						 errmsg("period %s appears more than once with rank %d in a quarterly series",
								buf, r[i].rank),
						 errhint("Give every version of a figure its own rank (e.g. vintage_rank), or group by what tells them apart.")));
			}
			continue;			/* a lower-ranked version of a kept period */
		}
		top_rank = r[i].rank;
		elems[kept++] = r[i].elem;
	}
	pfree(r);
	return kept;
}

PG_FUNCTION_INFO_V1(qseries_agg_final);
Datum
qseries_agg_final(PG_FUNCTION_ARGS)
{
	SeriesState *st = PG_ARGISNULL(0) ? NULL : (SeriesState *) PG_GETARG_POINTER(0);
	QSeriesElem *elems;
	QSeries    *result;
	int			n;

	aggregate_context(fcinfo, "qseries_agg_final");
	if (st == NULL)
		PG_RETURN_NULL();
	/* the state may be finalised more than once: it is only read here */
	elems = palloc(sizeof(QSeriesElem) * Max(st->n, 1));
	if (!state_elements(st, elems))
		elog(ERROR, "corrupt quarterly_series state");
	n = st->ranks ? keep_highest_ranked(st, elems) : st->n;
	result = qseries_build_elems(n, elems);
	pfree(elems);
	PG_RETURN_POINTER(result);
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
	/* a flow with a NaN quarter is unknown, like one with a missing quarter */
	if (kind == KIND_FLOW)
		for (i = 0; i < n; i++)
			if (numeric_is_nan(QSERIES_VALUE(s, members[i])))
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

/*
 * The chronological mean of a stock's levels: (y1/2 + y2 + ... + yn/2) /
 * (n - 1) over the periods present, i.e. (2 * sum - y1 - yn) / (2 (n - 1)),
 * rounded like every ratio (exact_ratio).  NULL with fewer than two values
 * or a NaN among them.
 */
Numeric
qseries_chronological_mean_of(QSeries *s)
{
	Numeric		sum;
	int			i;

	if (s->n < 2)
		return NULL;
	for (i = 0; i < s->n; i++)
		if (numeric_is_nan(QSERIES_VALUE(s, i)))
			return NULL;
	sum = qseries_value_copy(s, 0);
	for (i = 1; i < s->n; i++)
		sum = numeric_add_exact(sum, QSERIES_VALUE(s, i));
	sum = numeric_add_exact(sum, sum);
	sum = DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(sum), NumericGetDatum(QSERIES_VALUE(s, 0))));
	sum = DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(sum),
											  NumericGetDatum(QSERIES_VALUE(s, s->n - 1))));
	return exact_ratio(sum, int64_to_numeric(2 * ((int64) s->n - 1)));
}

PG_FUNCTION_INFO_V1(qseries_chronological_mean);
Datum
qseries_chronological_mean(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(qseries_chronological_mean_of(PG_GETARG_QSERIES(0)));
}
