/*
 * qseries_partial.c
 *	  hatrung.qseries_partial: the transition state of quarterly_series
 *	  (both forms) as a real type, so that Citus can run the aggregate's
 *	  first half on its worker nodes and ship the partial states (it does so
 *	  only for aggregates whose state type is not a pseudo-type such as
 *	  internal), and PostgreSQL's parallel workers pass them without
 *	  serialisation functions.
 *
 * A partial state is the values gathered so far, in arrival order, each
 * with its period and, in the ranked form, its rank; periods may repeat
 * (the final function keeps the highest rank, or rejects the repeat).
 *
 * Representations:
 *	 expanded	while an aggregate runs: growing arrays and a packed value
 *				arena (see SeriesArena), appended to in place, so a row costs
 *				no copy of the state;
 *	 flat		on disk, between parallel workers and in function calls:
 *				int32 vl_len_, n, ranked, used; int32 ordinals[n];
 *				int32 ranks[n] when ranked; the arena (used bytes);
 *	 text		{2023-Q1:820,2023-Q1:821.5} or, ranked, {2023-Q1:820@1,...}
 *				(Citus ships partial states in the type's text form);
 *	 binary		int4 ranked, int4 n, then per element int4 ordinal,
 *				[int4 rank,] int4 length and the numeric's binary form.
 *
 * Memory: every expanded state of an aggregate lives in one child context
 * of the aggregate's context (not one context per group: a report groups
 * hundreds of thousands of small series, and a context costs a kilobyte).
 * PostgreSQL keeps a transition value without copying it when it is a
 * read-write expanded object whose context is a child of the aggregate
 * context; a transition function returning its own state unchanged in
 * address is never copied or deleted.  These functions therefore always
 * update a read-write state in place and return it, and never hand the
 * executor a second object for the same group (which it would delete,
 * taking the shared context with it).
 */
#include "postgres.h"
#include "common/compat.h"

#include "common/aggregate.h"
#include "common/varlena.h"
#include "growth/growth_numeric.h"
#include "fmgr.h"
#include "growth/qseries_core.h"
#include "libpq/pqformat.h"
#include "lib/stringinfo.h"
#include "qseries.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

/* The flat form's fixed header. */
typedef struct PartialFlat
{
	int32		vl_len_;
	int32		n;
	int32		ranked;
	int32		used;
	int32		data[FLEXIBLE_ARRAY_MEMBER];	/* ordinals, ranks, arena */
} PartialFlat;

#define PARTIAL_FLAT_HEADER offsetof(PartialFlat, data)

/*
 * The expanded form.  Values are packed into one arena, each as a length
 * prefix (one byte below 255, else 0xFF and four bytes) and the numeric's
 * bytes without their varlena header: about 11 bytes a figure.
 */
typedef struct PartialState
{
	ExpandedObjectHeader hdr;
	bool		ranked;
	int			n;
	int			cap;
	int32	   *ordinals;
	int32	   *ranks;			/* NULL unless ranked */
	char	   *data;
	Size		used;
	Size		size;
} PartialState;

#define LONG_LENGTH_MARK 0xFF

static Size partial_get_flat_size(ExpandedObjectHeader *eohptr);
static void partial_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods partial_methods = {
	partial_get_flat_size,
	partial_flatten_into
};

/* --- one shared child context per aggregate context --------------------- */

/*
 * The registry is keyed by the aggregate context alone, not kept in
 * fn_extra: Citus calls the transition function through a fresh FmgrInfo
 * for every row.  A record lives in the aggregate context it describes and
 * unlinks itself when that context is reset or deleted.
 */
typedef struct StatesContext
{
	MemoryContext aggcxt;
	MemoryContext cxt;			/* child of aggcxt holding every state */
	MemoryContextCallback on_reset;
	struct StatesContext *next;
} StatesContext;

static StatesContext *states_contexts = NULL;

static void
states_context_gone(void *arg)
{
	StatesContext **link;

	for (link = &states_contexts; *link != NULL; link = &(*link)->next)
		if (*link == (StatesContext *) arg)
		{
			*link = (*link)->next;
			break;
		}
}

static MemoryContext
states_context(MemoryContext aggcxt)
{
	StatesContext *sc;

	for (sc = states_contexts; sc != NULL; sc = sc->next)
		if (sc->aggcxt == aggcxt)
			return sc->cxt;
	sc = MemoryContextAllocZero(aggcxt, sizeof(StatesContext));
	sc->aggcxt = aggcxt;
	sc->cxt = AllocSetContextCreate(aggcxt, "quarterly_series states", ALLOCSET_DEFAULT_SIZES);
	sc->on_reset.func = states_context_gone;
	sc->on_reset.arg = sc;
	MemoryContextRegisterResetCallback(aggcxt, &sc->on_reset);
	sc->next = states_contexts;
	states_contexts = sc;
	return sc->cxt;
}

/* --- the expanded state -------------------------------------------------- */

static PartialState *
partial_new(MemoryContext cxt, bool ranked, int cap, Size size)
{
	PartialState *st = MemoryContextAlloc(cxt, sizeof(PartialState));

	EOH_init_header(&st->hdr, &partial_methods, cxt);
	st->ranked = ranked;
	st->n = 0;
	st->cap = Max(cap, 8);
	st->ordinals = MemoryContextAlloc(cxt, sizeof(int32) * st->cap);
	st->ranks = ranked ? MemoryContextAlloc(cxt, sizeof(int32) * st->cap) : NULL;
	st->size = Max(size, 64);
	st->data = MemoryContextAlloc(cxt, st->size);
	st->used = 0;
	return st;
}

/* Room for `more` elements and `bytes` more arena bytes. */
static void
partial_reserve(PartialState *st, int more, Size bytes)
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

/* Appends a value's bytes (without varlena header) to the arena. */
static void
partial_add_bytes(PartialState *st, int32 ordinal, int32 rank, const char *bytes, uint32 len)
{
	char	   *p;

	partial_reserve(st, 1, 5 + (Size) len);
	p = st->data + st->used;
	if (len < LONG_LENGTH_MARK)
		*p++ = (char) len;
	else
	{
		*p++ = (char) LONG_LENGTH_MARK;
		memcpy(p, &len, sizeof(uint32));
		p += sizeof(uint32);
	}
	memcpy(p, bytes, len);
	st->used = (p + len) - st->data;
	if (st->ranks)
		st->ranks[st->n] = rank;
	st->ordinals[st->n++] = ordinal;
}

/*
 * Appends a numeric as it arrives from a tuple, reading a short-header
 * value in place rather than through a detoasted copy.
 */
static void
partial_add(PartialState *st, int32 ordinal, int32 rank, Datum value)
{
	struct varlena *v = varlena_in_place((struct varlena *) DatumGetPointer(value));

	partial_add_bytes(st, ordinal, rank, VARDATA_ANY(v), (uint32) VARSIZE_ANY_EXHDR(v));
}

/*
 * Walks an arena of n packed values into elements (or only checks it,
 * elems NULL); false unless it holds exactly n well-formed values.
 */
static bool
arena_elements(const char *data, Size used, int n, const int32 *ordinals, QSeriesElem *elems)
{
	const char *p = data;
	const char *end = data + used;
	int			i;

	for (i = 0; i < n; i++)
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
			elems[i].ordinal = ordinals[i];
			elems[i].payload = p;
			elems[i].len = len;
		}
		p += len;
	}
	return p == end;
}

static Size
partial_get_flat_size(ExpandedObjectHeader *eohptr)
{
	PartialState *st = (PartialState *) eohptr;
	Size		size = PARTIAL_FLAT_HEADER + sizeof(int32) * (Size) st->n * (st->ranked ? 2 : 1) + st->used;

	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too large to store or pass between processes")));
	return size;
}

static void
partial_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	PartialState *st = (PartialState *) eohptr;
	PartialFlat *flat = (PartialFlat *) result;
	char	   *p = (char *) flat->data;

	SET_VARSIZE(flat, allocated_size);
	flat->n = st->n;
	flat->ranked = st->ranked ? 1 : 0;
	flat->used = (int32) st->used;
	memcpy(p, st->ordinals, sizeof(int32) * st->n);
	p += sizeof(int32) * st->n;
	if (st->ranked)
	{
		memcpy(p, st->ranks, sizeof(int32) * st->n);
		p += sizeof(int32) * st->n;
	}
	memcpy(p, st->data, st->used);
}

/*
 * A view of a flat state's parts; false when the bytes are not a
 * well-formed state (never expected: values of the type are built by its
 * own functions, but a damaged value must not be read past its end).
 */
typedef struct FlatView
{
	int			n;
	bool		ranked;
	const int32 *ordinals;
	const int32 *ranks;
	const char *arena;
	Size		used;
} FlatView;

static bool
flat_view(const PartialFlat *flat, FlatView *v)
{
	Size		size = VARSIZE(flat);

	if (size < PARTIAL_FLAT_HEADER || flat->n < 0 || flat->used < 0 ||
		(flat->ranked != 0 && flat->ranked != 1))
		return false;
	v->n = flat->n;
	v->ranked = flat->ranked == 1;
	v->used = (Size) flat->used;
	if (size != PARTIAL_FLAT_HEADER + sizeof(int32) * (Size) v->n * (v->ranked ? 2 : 1) + v->used)
		return false;
	v->ordinals = flat->data;
	v->ranks = v->ranked ? flat->data + v->n : NULL;
	v->arena = (const char *) (flat->data + (Size) v->n * (v->ranked ? 2 : 1));
	return arena_elements(v->arena, v->used, v->n, v->ordinals, NULL);
}

static void
corrupt_state(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt quarterly_series partial state")));
}

/* Appends every element of a flat state to st. */
static void
partial_append_flat(PartialState *st, const FlatView *v)
{
	partial_reserve(st, v->n, v->used);
	memcpy(st->ordinals + st->n, v->ordinals, sizeof(int32) * v->n);
	if (st->ranks)
		memcpy(st->ranks + st->n, v->ranks, sizeof(int32) * v->n);
	memcpy(st->data + st->used, v->arena, v->used);
	st->n += v->n;
	st->used += v->used;
}

/* Appends every element of another expanded state to st. */
static void
partial_append_state(PartialState *st, const PartialState *other)
{
	partial_reserve(st, other->n, other->used);
	memcpy(st->ordinals + st->n, other->ordinals, sizeof(int32) * other->n);
	if (st->ranks)
		memcpy(st->ranks + st->n, other->ranks, sizeof(int32) * other->n);
	memcpy(st->data + st->used, other->data, other->used);
	st->n += other->n;
	st->used += other->used;
}

/*
 * A state argument: our own read-write expanded object (updated in place),
 * or anything else (a flat value, a read-only pointer), from which a new
 * state is made in `cxt`.  NULL stays NULL.
 */
static PartialState *
state_arg(FunctionCallInfo fcinfo, int argno, MemoryContext cxt, bool *is_own)
{
	Datum		d;

	*is_own = false;
	if (PG_ARGISNULL(argno))
		return NULL;
	d = PG_GETARG_DATUM(argno);
	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &partial_methods && eoh->eoh_context == cxt)
		{
			*is_own = true;
			return (PartialState *) eoh;
		}
	}
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &partial_methods)
		{
			PartialState *src = (PartialState *) eoh;
			PartialState *st = partial_new(cxt, src->ranked, src->n, src->used);

			partial_append_state(st, src);
			return st;
		}
	}
	{
		PartialFlat *flat = (PartialFlat *) PG_DETOAST_DATUM(d);
		FlatView	v;
		PartialState *st;

		if (!flat_view(flat, &v))
			corrupt_state();
		st = partial_new(cxt, v.ranked, v.n, v.used);
		partial_append_flat(st, &v);
		return st;
	}
}

#define PG_RETURN_STATE(st) PG_RETURN_DATUM(EOHPGetRWDatum(&(st)->hdr))

/*
 * Before elements of another state (ranked or not, n of them) join st: an
 * empty st takes the other's kind; two non-empty states must be of one kind.
 */
static void
partial_match_kind(PartialState *st, bool ranked, int n)
{
	if (n == 0 || st->ranked == ranked)
		return;
	if (st->n > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ranked and unranked quarterly_series states cannot be combined")));
	st->ranked = ranked;
	if (ranked && st->ranks == NULL)
		st->ranks = MemoryContextAlloc(st->hdr.eoh_context, sizeof(int32) * st->cap);
	if (!ranked)
		st->ranks = NULL;
}

/* --- the aggregate's support functions ----------------------------------- */

/*
 * transition: (state, value numeric, period quarter[, rank int4]).  Rows
 * with a NULL value, period or rank are skipped: a missing figure is
 * unknown, an unranked one cannot be placed.  No state (NULL) until a
 * value arrives, like sum().
 */
static Datum
partial_transition(FunctionCallInfo fcinfo, bool ranked)
{
	MemoryContext aggcxt = aggregate_context(fcinfo, "quarterly_series transition");
	MemoryContext cxt = states_context(aggcxt);
	bool		own;
	PartialState *st = state_arg(fcinfo, 0, cxt, &own);

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || (ranked && PG_ARGISNULL(3)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_STATE(st);
	}
	if (st == NULL)
		st = partial_new(cxt, ranked, 8, 64);
	partial_match_kind(st, ranked, 1);
	partial_add(st, PG_GETARG_QUARTER(2), ranked ? PG_GETARG_INT32(3) : 0, PG_GETARG_DATUM(1));
	PG_RETURN_STATE(st);
}

PG_FUNCTION_INFO_V1(qseries_partial_trans);
Datum
qseries_partial_trans(PG_FUNCTION_ARGS)
{
	return partial_transition(fcinfo, false);
}

PG_FUNCTION_INFO_V1(qseries_partial_trans_ranked);
Datum
qseries_partial_trans_ranked(PG_FUNCTION_ARGS)
{
	return partial_transition(fcinfo, true);
}

/* combine: appends b's elements to a. */
PG_FUNCTION_INFO_V1(qseries_partial_combine);
Datum
qseries_partial_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = aggregate_context(fcinfo, "qseries_partial_combine");
	MemoryContext cxt = states_context(aggcxt);
	bool		own;
	PartialState *a = state_arg(fcinfo, 0, cxt, &own);
	FlatView	v;

	if (PG_ARGISNULL(1))
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_STATE(a);
	}
	{
		Datum		d = PG_GETARG_DATUM(1);

		if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
			DatumGetEOHP(d)->eoh_methods == &partial_methods)
		{
			PartialState *b = (PartialState *) DatumGetEOHP(d);

			if (a == NULL)
			{
				a = partial_new(cxt, b->ranked, b->n, b->used);
				partial_append_state(a, b);
				PG_RETURN_STATE(a);
			}
			partial_match_kind(a, b->ranked, b->n);
			partial_append_state(a, b);
			PG_RETURN_STATE(a);
		}
		if (!flat_view((PartialFlat *) PG_DETOAST_DATUM(d), &v))
			corrupt_state();
	}
	if (a == NULL)
	{
		a = partial_new(cxt, v.ranked, v.n, v.used);
		partial_append_flat(a, &v);
		PG_RETURN_STATE(a);
	}
	partial_match_kind(a, v.ranked, v.n);
	partial_append_flat(a, &v);
	PG_RETURN_STATE(a);
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
keep_highest_ranked(int n, const int32 *ranks, QSeriesElem *elems)
{
	RankedElem *r = palloc(sizeof(RankedElem) * Max(n, 1));
	int			kept = 0;
	int32		top_rank = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		r[i].elem = elems[i];
		r[i].rank = ranks[i];
	}
	qsort(r, n, sizeof(RankedElem), cmp_ranked);
	for (i = 0; i < n; i++)
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

/*
 * A read-only look at a state argument of any representation, without
 * copying an expanded one.
 */
static void
state_view(Datum d, FlatView *v)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &partial_methods)
	{
		PartialState *st = (PartialState *) DatumGetEOHP(d);

		v->n = st->n;
		v->ranked = st->ranked;
		v->ordinals = st->ordinals;
		v->ranks = st->ranks;
		v->arena = st->data;
		v->used = st->used;
		return;
	}
	if (!flat_view((PartialFlat *) PG_DETOAST_DATUM(d), v))
		corrupt_state();
}

/* final: the qseries, periods ascending (the state is only read). */
PG_FUNCTION_INFO_V1(qseries_partial_final);
Datum
qseries_partial_final(PG_FUNCTION_ARGS)
{
	FlatView	v;
	QSeriesElem *elems;
	QSeries    *result;
	int			n;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state_view(PG_GETARG_DATUM(0), &v);
	elems = palloc(sizeof(QSeriesElem) * Max(v.n, 1));
	if (!arena_elements(v.arena, v.used, v.n, v.ordinals, elems))
		corrupt_state();
	n = v.ranked ? keep_highest_ranked(v.n, v.ranks, elems) : v.n;
	result = qseries_build_elems(n, elems);
	pfree(elems);
	PG_RETURN_POINTER(result);
}

/* --- text and binary forms ------------------------------------------------ */

static void
bad_partial_text(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type qseries_partial: \"%s\"", str),
			 errdetail("%s", detail),
			 errhint("Write a partial state as {2023-Q1:820,2023-Q1:821} or, ranked, {2023-Q1:820@1,2023-Q1:821@3}.")));
}

/* A flat state from an expanded one, in the current memory context. */
static PartialFlat *
partial_flatten(PartialState *st)
{
	Size		size = partial_get_flat_size(&st->hdr);
	PartialFlat *flat = palloc(size);

	partial_flatten_into(&st->hdr, flat, size);
	return flat;
}

PG_FUNCTION_INFO_V1(qseries_partial_in);
Datum
qseries_partial_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	QSeriesScanner scan;
	QSeriesItem item;
	PartialState *st = partial_new(CurrentMemoryContext, false, 8, 64);
	bool		seen_rank = false;

	qseries_scan_begin(&scan, str, strlen(str));
	for (;;)
	{
		switch (qseries_scan_next(&scan, &item))
		{
			case QSCAN_ITEM:
				{
					const char *at = memchr(item.value, '@', item.value_len);
					size_t		value_len = at ? (size_t) (at - item.value) : item.value_len;
					char	   *text = pnstrdup(item.value, value_len);
					Numeric		value;
					int32		rank = 0;

					if (st->n == 0)
					{
						seen_rank = at != NULL;
						st->ranked = seen_rank;
						if (seen_rank)
							st->ranks = palloc(sizeof(int32) * st->cap);
					}
					else if (seen_rank != (at != NULL))
						bad_partial_text(str, "Either every element has a rank (@n) or none has.");
					if (at != NULL)
					{
						char	   *rank_text = pnstrdup(at + 1, item.value_len - value_len - 1);
						char	   *endp;
						long		r;

						errno = 0;
						r = strtol(rank_text, &endp, 10);
						if (*rank_text == '\0' || *endp != '\0' || errno != 0 || r < PG_INT32_MIN || r > PG_INT32_MAX)
							bad_partial_text(str, "A rank is an integer.");
						rank = (int32) r;
					}
					value = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(text),
																ObjectIdGetDatum(InvalidOid),
																Int32GetDatum(-1)));
					partial_add_bytes(st, item.ordinal, rank, VARDATA(value), VARSIZE(value) - VARHDRSZ);
					continue;
				}
			case QSCAN_END:
				break;
			case QSCAN_NO_OPEN_BRACE:
				bad_partial_text(str, "A partial state starts with \"{\".");
				break;
			case QSCAN_NO_COLON:
				bad_partial_text(str, "Each element is period:value.");
				break;
			case QSCAN_BAD_PERIOD:
				quarter_raise(item.period_status, pnstrdup(item.period, item.period_len), NULL);
				break;
			case QSCAN_NO_CLOSE_BRACE:
				bad_partial_text(str, "A partial state ends with \"}\".");
				break;
			case QSCAN_TRAILING:
				bad_partial_text(str, "Unexpected text after \"}\".");
				break;
		}
		break;
	}
	PG_RETURN_POINTER(partial_flatten(st));
}

/* A value of the arena as a numeric (aligned copy with a varlena header). */
static Numeric
element_numeric(const QSeriesElem *e)
{
	Numeric		num = palloc(VARHDRSZ + e->len);

	SET_VARSIZE(num, VARHDRSZ + e->len);
	memcpy(VARDATA(num), e->payload, e->len);
	return num;
}

PG_FUNCTION_INFO_V1(qseries_partial_out);
Datum
qseries_partial_out(PG_FUNCTION_ARGS)
{
	FlatView	v;
	QSeriesElem *elems;
	StringInfoData buf;
	int			i;

	state_view(PG_GETARG_DATUM(0), &v);
	elems = palloc(sizeof(QSeriesElem) * Max(v.n, 1));
	if (!arena_elements(v.arena, v.used, v.n, v.ordinals, elems))
		corrupt_state();
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < v.n; i++)
	{
		char		q[QUARTER_TEXT_BUFSIZE];
		Numeric		num = element_numeric(&elems[i]);

		quarter_format(elems[i].ordinal, q);
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%s:%s", q, DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(num))));
		if (v.ranked)
			appendStringInfo(&buf, "@%d", v.ranks[i]);
		pfree(num);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(qseries_partial_send);
Datum
qseries_partial_send(PG_FUNCTION_ARGS)
{
	FlatView	v;
	QSeriesElem *elems;
	StringInfoData buf;
	int			i;

	state_view(PG_GETARG_DATUM(0), &v);
	elems = palloc(sizeof(QSeriesElem) * Max(v.n, 1));
	if (!arena_elements(v.arena, v.used, v.n, v.ordinals, elems))
		corrupt_state();
	pq_begintypsend(&buf);
	pq_sendint32(&buf, v.ranked ? 1 : 0);
	pq_sendint32(&buf, (uint32) v.n);
	for (i = 0; i < v.n; i++)
	{
		Numeric		num = element_numeric(&elems[i]);
		bytea	   *b = DatumGetByteaPP(DirectFunctionCall1(numeric_send, NumericGetDatum(num)));

		pq_sendint32(&buf, (uint32) elems[i].ordinal);
		if (v.ranked)
			pq_sendint32(&buf, (uint32) v.ranks[i]);
		pq_sendint32(&buf, (uint32) VARSIZE_ANY_EXHDR(b));
		pq_sendbytes(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
		pfree(num);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Reads an int4 of a binary message, with the type's own error when short. */
static int32
recv_int32(StringInfo buf)
{
	if (buf->len - buf->cursor < (int) sizeof(int32))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("insufficient data left in binary qseries_partial")));
	return (int32) pq_getmsgint(buf, sizeof(int32));
}

PG_FUNCTION_INFO_V1(qseries_partial_recv);
Datum
qseries_partial_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		ranked = recv_int32(buf);
	int32		n = recv_int32(buf);
	PartialState *st;
	int			i;

	if (ranked != 0 && ranked != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid ranked flag in binary qseries_partial: %d", ranked)));
	/* every element takes at least its ordinal, length and numeric header */
	if (n < 0 || (Size) n > (Size) (buf->len - buf->cursor) / (QSERIES_RECV_MIN_ELEMENT + QSERIES_NUMERIC_HEADER))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid element count in binary qseries_partial: %d", n)));
	st = partial_new(CurrentMemoryContext, ranked == 1, n, 64);
	for (i = 0; i < n; i++)
	{
		int32		ordinal = recv_int32(buf);
		int32		rank = ranked ? recv_int32(buf) : 0;
		int32		len = recv_int32(buf);
		StringInfoData elem;
		Numeric		num;

		if (!quarter_ordinal_is_valid(ordinal))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("quarter out of range in binary qseries_partial: %d", ordinal)));
		if (len < QSERIES_NUMERIC_HEADER || (len - QSERIES_NUMERIC_HEADER) % 2 != 0 ||
			len > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid numeric value of %d bytes in binary qseries_partial", len),
					 errdetail("A value is a binary numeric: 8 header bytes and 2 bytes per digit.")));
		/* a read-only view of the element's bytes for numeric_recv */
		elem.data = buf->data + buf->cursor;
		elem.len = len;
		elem.maxlen = len;
		elem.cursor = 0;
		num = DatumGetNumeric(DirectFunctionCall3(numeric_recv, PointerGetDatum(&elem),
												  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		if (elem.cursor != elem.len)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("trailing bytes in a binary qseries_partial value")));
		buf->cursor += len;
		partial_add_bytes(st, ordinal, rank, VARDATA(num), VARSIZE(num) - VARHDRSZ);
	}
	PG_RETURN_POINTER(partial_flatten(st));
}

/* final of chronological_mean: the series, then its chronological mean */
PG_FUNCTION_INFO_V1(qseries_partial_chronological_mean);
Datum
qseries_partial_chronological_mean(PG_FUNCTION_ARGS)
{
	Datum		series = DirectFunctionCall1(qseries_partial_final, PG_GETARG_DATUM(0));
	Numeric		mean = qseries_chronological_mean_of((QSeries *) DatumGetPointer(series));

	if (mean == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(mean);
}
