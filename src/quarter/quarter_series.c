/*
 * quarter_series.c
 *	  The discrete range type quarterrange (its canonical function) and
 *	  generate_series over quarters, with a row-count estimate for the
 *	  planner.
 */
#include "postgres.h"

#include "common/compat.h"
#include "fmgr.h"
#include "funcapi.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "quarter_pg.h"
#include "utils/rangetypes.h"

/*
 * Canonical form [lower, upper): a discrete range has one spelling, so
 * '[2023-Q1,2023-Q4]' and '[2023-Q1,2024-Q1)' are equal and print alike.
 * A bound that would step past 9999-Q4 is out of range (22008), as for
 * int4range at its limits.
 */
PG_FUNCTION_INFO_V1(quarterrange_canonical);
Datum
quarterrange_canonical(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;
	bool		empty;

	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);

	if (!lower.infinite && !lower.inclusive)
	{
		lower.val = QuarterGetDatum(quarter_add_or_raise(DatumGetQuarter(lower.val), 1));
		lower.inclusive = true;
	}
	if (!upper.infinite && upper.inclusive)
	{
		upper.val = QuarterGetDatum(quarter_add_or_raise(DatumGetQuarter(upper.val), 1));
		upper.inclusive = false;
	}
#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(range_serialize(typcache, &lower, &upper, false, fcinfo->context));
#else
	PG_RETURN_RANGE_P(range_serialize(typcache, &lower, &upper, false));
#endif
}

typedef struct SeriesState
{
	int64		current;
	int64		stop;
	int64		step;
} SeriesState;

/* Quarters from start to stop (inclusive) by step; both directions. */
PG_FUNCTION_INFO_V1(quarter_generate_series);
Datum
quarter_generate_series(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	SeriesState *state;

	if (SRF_IS_FIRSTCALL())
	{
		int32		step = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 1;
		MemoryContext oldcontext;

		if (step == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("step size cannot equal zero")));
		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		state = palloc(sizeof(SeriesState));
		state->current = PG_GETARG_QUARTER(0);
		state->stop = PG_GETARG_QUARTER(1);
		state->step = step;
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	state = funcctx->user_fctx;
	/* int64 state: current + step can pass the range without wrapping */
	if ((state->step > 0 && state->current <= state->stop) ||
		(state->step < 0 && state->current >= state->stop))
	{
		int32		result = (int32) state->current;

		state->current += state->step;
		SRF_RETURN_NEXT(funcctx, QuarterGetDatum(result));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * Planner support: with constant arguments the row count is exact, so
 * joins against a generated calendar are costed correctly.
 */
PG_FUNCTION_INFO_V1(quarter_generate_series_support);
Datum
quarter_generate_series_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestRows *req;
	List	   *args;
	Node	   *arg1,
			   *arg2,
			   *arg3 = NULL;
	int64		start,
				stop,
				step = 1;

	if (!IsA(rawreq, SupportRequestRows))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestRows *) rawreq;
	if (!is_funcclause(req->node))
		PG_RETURN_POINTER(NULL);
	args = ((FuncExpr *) req->node)->args;
	arg1 = estimate_expression_value(req->root, linitial(args));
	arg2 = estimate_expression_value(req->root, lsecond(args));
	if (list_length(args) >= 3)
		arg3 = estimate_expression_value(req->root, lthird(args));

	if (!IsA(arg1, Const) || !IsA(arg2, Const) ||
		(arg3 != NULL && !IsA(arg3, Const)))
		PG_RETURN_POINTER(NULL);
	if (((Const *) arg1)->constisnull || ((Const *) arg2)->constisnull ||
		(arg3 != NULL && ((Const *) arg3)->constisnull))
	{
		req->rows = 0;			/* strict: NULL in, no rows out */
		PG_RETURN_POINTER(req);
	}
	start = DatumGetQuarter(((Const *) arg1)->constvalue);
	stop = DatumGetQuarter(((Const *) arg2)->constvalue);
	if (arg3 != NULL)
		step = DatumGetInt32(((Const *) arg3)->constvalue);
	if (step == 0)
		PG_RETURN_POINTER(NULL);	/* the call itself will raise the error */

	req->rows = ((step > 0 && stop >= start) || (step < 0 && stop <= start))
		? (double) ((stop - start) / step + 1) : 0;
	PG_RETURN_POINTER(req);
}
