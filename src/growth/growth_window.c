/*
 * growth_window.c
 *	  Gap-safe period comparisons as window functions over (value, period),
 *	  in partitions ordered by period.
 *
 * The trick that makes them both correct and O(1) per row: periods in a
 * partition strictly increase, so the row holding period p - k, if there
 * is one, is at most k rows back.  Every function looks only at the rows
 * between its look-back floor and the current row (at most 7: year-to-date
 * against last year's same span reaches back to quarter 1 of last year),
 * kept in a small ring as the rows go by, matches them by period, and never
 * trusts row positions.  A missing quarter is therefore NULL, never the
 * wrong quarter, and the tuplestore can discard everything behind the ring.
 *
 * Each row also checks that it follows its predecessor: an unordered
 * partition (42P20) or a repeated period (21000) is an error, not a
 * silently wrong figure.
 */
#include "postgres.h"
#include "common/compat.h"

#include <math.h>

#include "common/varlena.h"
#include "fmgr.h"
#include "growth/growth_core.h"
#include "growth_numeric.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "catalog/pg_type_d.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "windowapi.h"

#define ARG_VALUE	0
#define ARG_PERIOD	1
#define ARG_EXTRA	2			/* kind text, or the base period */

/* Current row plus at most 7 earlier ones (see series_lookback_floor). */
#define MAX_ROWS	8

/* The look-back window: rows with a known value, ascending by period. */
typedef struct RecentRows
{
	int			n;
	int32		ordinals[MAX_ROWS];
	Datum		values[MAX_ROWS];
} RecentRows;

/* The value type of the call site, numeric or float8, found once. */
typedef struct ValueType
{
	Oid			type;
	int16		typlen;
	bool		typbyval;
} ValueType;

static ValueType *
value_type(FunctionCallInfo fcinfo)
{
	ValueType  *vt = fcinfo->flinfo->fn_extra;

	if (vt == NULL)
	{
		vt = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ValueType));
		vt->type = get_fn_expr_argtype(fcinfo->flinfo, ARG_VALUE);
		if (vt->type != NUMERICOID && vt->type != FLOAT8OID)
			elog(ERROR, "hatrung window function called with value type %u", vt->type);
		get_typlenbyval(vt->type, &vt->typlen, &vt->typbyval);
		fcinfo->flinfo->fn_extra = vt;
	}
	return vt;
}

static char *
quarter_text(int32 ordinal)
{
	char	   *buf = palloc(QUARTER_TEXT_BUFSIZE);

	quarter_format(ordinal, buf);
	return buf;
}

static int32
period_or_error(Datum d, bool isnull)
{
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("period must not be null in a hatrung window function"),
				 errhint("Filter out rows without a period, or give them one.")));
	return DatumGetQuarter(d);
}

static void
check_order(int32 prev, int32 next)
{
	switch (series_step_order(prev, next))
	{
		case SERIES_ORDERED:
			return;
		case SERIES_DUPLICATE:
			ereport(ERROR,
					(errcode(ERRCODE_CARDINALITY_VIOLATION),
					 errmsg("period %s appears more than once in a window partition",
							quarter_text(next)),
					 errhint("Partition by everything that identifies one series, e.g. unit, indicator and vintage.")));
			break;
		case SERIES_UNORDERED:
			ereport(ERROR,
					(errcode(ERRCODE_WINDOWING_ERROR),
					 errmsg("window partition is not ordered by period"),
					 errdetail("Period %s follows period %s.", quarter_text(next), quarter_text(prev)),
					 errhint("Add ORDER BY period to the window definition.")));
			break;
	}
}

/*
 * The last MAX_ROWS rows of the partition, kept in partition-local memory as
 * the rows go by.  Window functions are called for every row in order, so
 * each call only reads its own row and appends it: no tuplestore seeks.  If
 * a call ever arrives out of sequence, the ring is rebuilt from the
 * partition, so the answer never depends on that assumption.
 */
typedef struct RingSlot
{
	int32		ordinal;
	bool		known;			/* the value is not NULL */
	Datum		value;			/* by-reference values live in buf */
	char	   *buf;
	Size		cap;
} RingSlot;

typedef struct RowRing
{
	bool		valid;
	int64		last_pos;		/* partition position of the newest row */
	int			oldest;
	int			count;
	RingSlot	slot[MAX_ROWS];
} RowRing;

static void
ring_push(RowRing *ring, ValueType *vt, int32 ordinal,
		  Datum value, bool isnull)
{
	int			i;
	RingSlot   *slot;

	if (ring->count < MAX_ROWS)
		i = (ring->oldest + ring->count++) % MAX_ROWS;
	else
	{
		i = ring->oldest;
		ring->oldest = (ring->oldest + 1) % MAX_ROWS;
	}
	slot = &ring->slot[i];
	slot->ordinal = ordinal;
	slot->known = !isnull;
	if (isnull || vt->typbyval)
	{
		slot->value = value;
		return;
	}
	else
	{
		/* expand toasted values; keep the short header, reuse the buffer */
		struct varlena *v = varlena_in_place((struct varlena *) DatumGetPointer(value));
		Size		len = VARSIZE_ANY(v);

		if (slot->cap < len)
		{
			/* the ring lives in partition-local memory: so do its buffers */
			slot->buf = MemoryContextAlloc(GetMemoryChunkContext(ring), Max(len, 32));
			slot->cap = Max(len, 32);
		}
		memcpy(slot->buf, v, len);
		slot->value = PointerGetDatum(slot->buf);
	}
}

static int32
ring_newest_ordinal(const RowRing *ring)
{
	return ring->slot[(ring->oldest + ring->count - 1) % MAX_ROWS].ordinal;
}

/* Refills the ring with the rows before `pos`, checking their order. */
static void
ring_rebuild(RowRing *ring, ValueType *vt, WindowObject winobj)
{
	int64		rel;
	bool		isnull,
				isout;

	ring->count = 0;
	ring->oldest = 0;
	for (rel = -(MAX_ROWS - 1); rel <= -1; rel++)
	{
		Datum		p = WinGetFuncArgInPartition(winobj, ARG_PERIOD, rel, WINDOW_SEEK_CURRENT,
												 false, &isnull, &isout);
		int32		ordinal;
		Datum		v;
		bool		vnull;

		if (isout)
			continue;
		ordinal = period_or_error(p, isnull);
		if (ring->count > 0)
			check_order(ring_newest_ordinal(ring), ordinal);
		v = WinGetFuncArgInPartition(winobj, ARG_VALUE, rel, WINDOW_SEEK_CURRENT,
									 false, &vnull, &isout);
		ring_push(ring, vt, ordinal, v, vnull);
	}
}

/*
 * How often the tuplestore mark moves forward.  Moving it lets the window
 * node discard rows the ring will never re-read; moving it on every row
 * was about 5% of the window phase (perf), so it moves every MARK_EVERY
 * rows (the tuplestore then holds at most MARK_EVERY + MAX_ROWS rows of a
 * partition).
 */
#define MARK_EVERY	64

/*
 * Appends the current row (period `current`) to the ring, checking that it
 * follows its predecessor, and returns the ring.
 */
static RowRing *
ring_advance(ValueType *vt, WindowObject winobj, int32 current)
{
	RowRing    *ring = WinGetPartitionLocalMemory(winobj, sizeof(RowRing));
	int64		pos = WinGetCurrentPosition(winobj);
	bool		isnull;
	Datum		v;

	if (!ring->valid || pos != ring->last_pos + 1)
		ring_rebuild(ring, vt, winobj);
	if (ring->count > 0)
		check_order(ring_newest_ordinal(ring), current);
	v = WinGetFuncArgCurrent(winobj, ARG_VALUE, &isnull);
	ring_push(ring, vt, current, v, isnull);
	ring->valid = true;
	ring->last_pos = pos;

	/* a rebuild reads at most MAX_ROWS - 1 rows back: keep those */
	if (pos % MARK_EVERY == 0 && pos - (MAX_ROWS - 1) > 0)
		WinSetMarkPosition(winobj, pos - (MAX_ROWS - 1));
	return ring;
}

/* The known value at `period` in the ring, searched from the newest row. */
static bool
ring_value_at(const RowRing *ring, int32 period, Datum *value)
{
	int			i;

	for (i = ring->count - 1; i >= 0; i--)
	{
		const RingSlot *slot = &ring->slot[(ring->oldest + i) % MAX_ROWS];

		if (slot->ordinal == period)
		{
			*value = slot->value;
			return slot->known;
		}
		if (slot->ordinal < period)
			break;				/* ascending: it is not there */
	}
	return false;
}

/* The rows of the ring back to period `floor` whose value is known, ascending. */
static void
ring_recent_rows(const RowRing *ring, int32 floor, RecentRows *rows)
{
	int			i;

	rows->n = 0;
	for (i = 0; i < ring->count; i++)
	{
		const RingSlot *slot = &ring->slot[(ring->oldest + i) % MAX_ROWS];

		if (slot->known && slot->ordinal >= floor)
		{
			rows->ordinals[rows->n] = slot->ordinal;
			rows->values[rows->n] = slot->value;
			rows->n++;
		}
	}
}

static int32
current_period(WindowObject winobj)
{
	bool		isnull;
	Datum		p = WinGetFuncArgCurrent(winobj, ARG_PERIOD, &isnull);

	return period_or_error(p, isnull);
}

/* The YTD total at `period` (sum for a flow, the value for a stock). */
static bool
ytd_at(const RecentRows *rows, int32 period, IndicatorKind kind, ValueType *vt, Datum *total)
{
	int			members[4];
	int			n = series_ytd_members(rows->ordinals, rows->n, period, kind, members);
	int			i;

	if (n < 0)
		return false;
	/* a flow with a NaN quarter is unknown, like one with a missing quarter */
	if (kind == KIND_FLOW)
		for (i = 0; i < n; i++)
			if (vt->type == FLOAT8OID ? isnan(DatumGetFloat8(rows->values[members[i]]))
				: numeric_datum_is_nan(rows->values[members[i]]))
				return false;
	if (vt->type == FLOAT8OID)
	{
		double		sum = 0;

		for (i = 0; i < n; i++)
			sum += DatumGetFloat8(rows->values[members[i]]);
		*total = Float8GetDatum(sum);
		return true;
	}
	{
		Numeric		parts[4];
		Numeric		sum;

		for (i = 0; i < n; i++)
			parts[i] = (Numeric) DatumGetPointer(rows->values[members[i]]);
		if (numeric_sum_fast(parts, n, &sum) == FAST_DONE)
		{
			*total = NumericGetDatum(sum);
			return true;
		}
	}
	*total = rows->values[members[0]];
	for (i = 1; i < n; i++)
		*total = NumericGetDatum(numeric_add_exact(DatumGetNumeric(*total),
												   DatumGetNumeric(rows->values[members[i]])));
	return true;
}

/* growth_pct in the call site's type; false when undefined */
static bool
growth_of(ValueType *vt, Datum current, Datum base, Datum *result)
{
	if (vt->type == FLOAT8OID)
	{
		double		r;

		if (!growth_pct_f8(DatumGetFloat8(current), DatumGetFloat8(base), &r))
			return false;
		*result = Float8GetDatum(r);
	}
	else
	{
		Numeric		r = growth_pct_numeric((Numeric) DatumGetPointer(current), (Numeric) DatumGetPointer(base));

		if (r == NULL)
			return false;
		*result = NumericGetDatum(r);
	}
	return true;
}

static bool
index_of(ValueType *vt, Datum current, Datum base, Datum *result)
{
	if (vt->type == FLOAT8OID)
	{
		double		r;

		if (!dev_index_f8(DatumGetFloat8(current), DatumGetFloat8(base), &r))
			return false;
		*result = Float8GetDatum(r);
	}
	else
	{
		Numeric		r = dev_index_numeric((Numeric) DatumGetPointer(current), (Numeric) DatumGetPointer(base));

		if (r == NULL)
			return false;
		*result = NumericGetDatum(r);
	}
	return true;
}

/* The kind argument of the current row; NULL kind gives a NULL result. */
static bool
current_kind(WindowObject winobj, IndicatorKind *kind)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, ARG_EXTRA, &isnull);
	text	   *t;

	if (isnull)
		return false;
	t = DatumGetTextPP(d);
	*kind = indicator_kind_arg(t);
	return true;
}

/* What a look-back function computes from the recent rows. */
typedef enum LookbackMeasure
{
	M_SAME_PERIOD_LAST_YEAR,
	M_PREVIOUS_QUARTER,
	M_YOY_PCT,
	M_QOQ_PCT,
	M_CHAIN_INDEX,
	M_YTD,
	M_YTD_YOY_PCT
} LookbackMeasure;

static Datum
lookback(FunctionCallInfo fcinfo, LookbackMeasure m)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	ValueType  *vt = value_type(fcinfo);
	RecentRows	rows;
	RowRing    *ring;
	IndicatorKind kind = KIND_FLOW;
	int32		p;
	int32		floor;
	Datum		a,
				b,
				result;
	bool		ok = false;

	p = current_period(winobj);
	/* the oldest period a year-to-date measure reads (the others look up single periods) */
	floor = m == M_YTD ? p - p % 4 : series_lookback_floor(p);
	/* the kind is read before the rows so a bad kind fails on every row */
	if ((m == M_YTD || m == M_YTD_YOY_PCT) && !current_kind(winobj, &kind))
	{
		ring_advance(vt, winobj, p);	/* still check order */
		PG_RETURN_NULL();
	}
	ring = ring_advance(vt, winobj, p);

	switch (m)
	{
		case M_SAME_PERIOD_LAST_YEAR:
			ok = ring_value_at(ring, p - 4, &result);
			break;
		case M_PREVIOUS_QUARTER:
			ok = ring_value_at(ring, p - 1, &result);
			break;
		case M_YOY_PCT:
			ok = ring_value_at(ring, p, &a) && ring_value_at(ring, p - 4, &b) &&
				growth_of(vt, a, b, &result);
			break;
		case M_QOQ_PCT:
			ok = ring_value_at(ring, p, &a) && ring_value_at(ring, p - 1, &b) &&
				growth_of(vt, a, b, &result);
			break;
		case M_CHAIN_INDEX:
			ok = ring_value_at(ring, p, &a) && ring_value_at(ring, p - 1, &b) &&
				index_of(vt, a, b, &result);
			break;
		case M_YTD:
			ring_recent_rows(ring, floor, &rows);
			ok = ytd_at(&rows, p, kind, vt, &result);
			break;
		case M_YTD_YOY_PCT:
			ring_recent_rows(ring, floor, &rows);
			ok = ytd_at(&rows, p, kind, vt, &a) && ytd_at(&rows, p - 4, kind, vt, &b) &&
				growth_of(vt, a, b, &result);
			break;
	}
	if (!ok)
		PG_RETURN_NULL();
	/* a value taken straight from the ring is overwritten by later rows */
	if (m == M_SAME_PERIOD_LAST_YEAR || m == M_PREVIOUS_QUARTER || m == M_YTD)
		return datumCopy(result, vt->typbyval, vt->typlen);
	return result;
}

PG_FUNCTION_INFO_V1(window_same_period_last_year);
Datum
window_same_period_last_year(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_SAME_PERIOD_LAST_YEAR);
}

PG_FUNCTION_INFO_V1(window_previous_quarter);
Datum
window_previous_quarter(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_PREVIOUS_QUARTER);
}

PG_FUNCTION_INFO_V1(window_yoy_pct);
Datum
window_yoy_pct(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_YOY_PCT);
}

PG_FUNCTION_INFO_V1(window_qoq_pct);
Datum
window_qoq_pct(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_QOQ_PCT);
}

PG_FUNCTION_INFO_V1(window_chain_index);
Datum
window_chain_index(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_CHAIN_INDEX);
}

PG_FUNCTION_INFO_V1(window_ytd);
Datum
window_ytd(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_YTD);
}

PG_FUNCTION_INFO_V1(window_ytd_yoy_pct);
Datum
window_ytd_yoy_pct(PG_FUNCTION_ARGS)
{
	return lookback(fcinfo, M_YTD_YOY_PCT);
}

/*
 * Fixed-base index: value / value at the base period * 100.  The base row
 * can be anywhere in the partition, so it is found by one scan per
 * partition (per distinct base) and remembered in partition-local memory.
 */
typedef struct FixedBase
{
	bool		scanned;
	bool		found;
	int32		base;
	Datum		value;
} FixedBase;

PG_FUNCTION_INFO_V1(window_fixed_base_index);
Datum
window_fixed_base_index(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	ValueType  *vt = value_type(fcinfo);
	FixedBase  *fb = WinGetPartitionLocalMemory(winobj, sizeof(FixedBase));
	int32		p = current_period(winobj);
	bool		isnull,
				isout;
	Datum		d,
				current,
				result;
	int32		base;

	/* the same order check as every other function here */
	d = WinGetFuncArgInPartition(winobj, ARG_PERIOD, -1, WINDOW_SEEK_CURRENT, false,
								 &isnull, &isout);
	if (!isout)
		check_order(period_or_error(d, isnull), p);

	d = WinGetFuncArgCurrent(winobj, ARG_EXTRA, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	base = DatumGetQuarter(d);

	if (!fb->scanned || fb->base != base)
	{
		MemoryContext partcxt = GetMemoryChunkContext(fb);
		int64		pos;

		fb->scanned = true;
		fb->found = false;
		fb->base = base;
		for (pos = 0;; pos++)
		{
			d = WinGetFuncArgInPartition(winobj, ARG_PERIOD, pos, WINDOW_SEEK_HEAD, false,
										 &isnull, &isout);
			if (isout)
				break;
			if (!isnull && DatumGetQuarter(d) == base)
			{
				d = WinGetFuncArgInPartition(winobj, ARG_VALUE, pos, WINDOW_SEEK_HEAD,
											 false, &isnull, &isout);
				if (!isnull)
				{
					MemoryContext old = MemoryContextSwitchTo(partcxt);

					fb->value = datumCopy(d, vt->typbyval, vt->typlen);
					fb->found = true;
					MemoryContextSwitchTo(old);
				}
				break;
			}
		}
	}
	current = WinGetFuncArgCurrent(winobj, ARG_VALUE, &isnull);
	if (isnull || !fb->found || !index_of(vt, current, fb->value, &result))
		PG_RETURN_NULL();
	return result;
}
