/*
 * growth_scalar.c
 *	  Scalar growth measures: growth rate, development index, % of plan,
 *	  average (compound) growth, contribution in percentage points and share
 *	  of growth; numeric (exact, the reference) and float8 versions.
 *
 * The numeric versions give exactly what the textbook SQL expressions give
 * ((c / b - 1) * 100, c * 100 / b, ...), digit for digit, and never round
 * further: 6.85 stays 6.85 and rounds to 6.9, where a float8 detour prints
 * 6.8.  Figures of ordinary size take a 128-bit fast path (numeric_fast.c).
 */
#include "postgres.h"
#include "common/compat.h"

#include "common/varlena.h"
#include "fmgr.h"
#include "growth/growth_core.h"
#include "growth_numeric.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

/* Constants, made once per backend in a context that lives as long. */
static Numeric
numeric_const(int64 value, Numeric *cache)
{
	if (*cache == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		*cache = int64_to_numeric(value);
		MemoryContextSwitchTo(old);
	}
	return *cache;
}

static Numeric zero_cache,
			one_cache,
			hundred_cache;

#define NUM_ZERO	numeric_const(0, &zero_cache)
#define NUM_ONE		numeric_const(1, &one_cache)
#define NUM_HUNDRED numeric_const(100, &hundred_cache)

static bool
numeric_finite(Numeric n)
{
	return !numeric_is_nan(n) && !numeric_is_inf(n);
}

static int
numeric_sign_int(Numeric n)
{
	int			c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n),
													  NumericGetDatum(NUM_ZERO)));

	return (c > 0) - (c < 0);
}

/* The growth rules of growth_core.h, applied to a numeric base. */
static bool
numeric_base_is_usable(Numeric base)
{
	bool		finite = numeric_finite(base);

	return growth_base_is_usable(finite ? numeric_sign_int(base) : 0, finite);
}

#define NUM_OP2(fn, a, b) \
	DatumGetNumeric(DirectFunctionCall2(fn, NumericGetDatum(a), NumericGetDatum(b)))

IndicatorKind
indicator_kind_arg(text *kind)
{
	IndicatorKind k = indicator_kind_parse(VARDATA_ANY(kind), VARSIZE_ANY_EXHDR(kind));

	if (k == KIND_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid indicator kind: \"%s\"", text_to_cstring(kind)),
				 errhint("Use 'flow' (summed over the year) or 'stock' (the latest value); "
						 "year-to-date ratios must be recomputed from their numerator and denominator.")));
	return k;
}

Numeric
numeric_add_exact(Numeric a, Numeric b)
{
	return NUM_OP2(numeric_add, a, b);
}

Numeric
growth_pct_numeric(Numeric current, Numeric base)
{
	Numeric		r;

	switch (growth_pct_fast(current, base, &r))
	{
		case FAST_DONE:
			return r;
		case FAST_UNDEFINED:
			return NULL;
		case FAST_NOT_TAKEN:
			break;
	}
	/* callers may pass packed (short-header) values: expand them here */
	current = (Numeric) pg_detoast_datum((struct varlena *) current);
	base = (Numeric) pg_detoast_datum((struct varlena *) base);
	if (!numeric_finite(current) || !numeric_base_is_usable(base))
		return NULL;
	/* the textbook expression, operator by operator, as SQL would run it */
	return NUM_OP2(numeric_mul,
				   NUM_OP2(numeric_sub, NUM_OP2(numeric_div, current, base), NUM_ONE),
				   NUM_HUNDRED);
}

Numeric
dev_index_numeric(Numeric current, Numeric base)
{
	Numeric		r;

	switch (dev_index_fast(current, base, &r))
	{
		case FAST_DONE:
			return r;
		case FAST_UNDEFINED:
			return NULL;
		case FAST_NOT_TAKEN:
			break;
	}
	/* callers may pass packed (short-header) values: expand them here */
	current = (Numeric) pg_detoast_datum((struct varlena *) current);
	base = (Numeric) pg_detoast_datum((struct varlena *) base);
	if (!numeric_finite(current) || !numeric_base_is_usable(base))
		return NULL;
	return NUM_OP2(numeric_div, NUM_OP2(numeric_mul, current, NUM_HUNDRED), base);
}

Numeric
cagr_numeric(Numeric first, Numeric last, Numeric steps)
{
	Numeric		root;

	if (!numeric_finite(first) || !numeric_finite(last) || !numeric_finite(steps) ||
		!cagr_is_defined(numeric_sign_int(first), numeric_sign_int(last),
						 numeric_sign_int(steps)))
		return NULL;
	root = NUM_OP2(numeric_power, NUM_OP2(numeric_div, last, first),
				   NUM_OP2(numeric_div, NUM_ONE, steps));
	return NUM_OP2(numeric_mul, NUM_OP2(numeric_sub, root, NUM_ONE), NUM_HUNDRED);
}

/*
 * Arguments as stored in tuples: short-header values are not copied (the
 * fast path reads them in place; the ordinary path expands them).
 */
#define PG_GETARG_NUMERIC_PACKED(n) ((Numeric) varlena_in_place((struct varlena *) PG_GETARG_POINTER(n)))

#define RETURN_NUMERIC_OR_NULL(expr) \
	do { \
		Numeric r_ = (expr); \
		if (r_ == NULL) \
			PG_RETURN_NULL(); \
		PG_RETURN_NUMERIC(r_); \
	} while (0)

#define RETURN_FLOAT8_IF(ok, value) \
	do { \
		if (!(ok)) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(value); \
	} while (0)

PG_FUNCTION_INFO_V1(growth_pct_num);
Datum
growth_pct_num(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(growth_pct_numeric(PG_GETARG_NUMERIC_PACKED(0), PG_GETARG_NUMERIC_PACKED(1)));
}

PG_FUNCTION_INFO_V1(growth_pct_float8);
Datum
growth_pct_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(growth_pct_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), &r), r);
}

PG_FUNCTION_INFO_V1(dev_index_num);
Datum
dev_index_num(PG_FUNCTION_ARGS)
{
	RETURN_NUMERIC_OR_NULL(dev_index_numeric(PG_GETARG_NUMERIC_PACKED(0), PG_GETARG_NUMERIC_PACKED(1)));
}

PG_FUNCTION_INFO_V1(dev_index_float8);
Datum
dev_index_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(dev_index_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), &r), r);
}

PG_FUNCTION_INFO_V1(cagr_num);
Datum
cagr_num(PG_FUNCTION_ARGS)
{
	int32		steps = PG_GETARG_INT32(2);

	if (steps <= 0)
		PG_RETURN_NULL();
	RETURN_NUMERIC_OR_NULL(cagr_numeric(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1),
										int64_to_numeric(steps)));
}

PG_FUNCTION_INFO_V1(cagr_float8);
Datum
cagr_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(cagr_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
							 PG_GETARG_INT32(2), &r), r);
}

PG_FUNCTION_INFO_V1(contribution_pp_num);
Datum
contribution_pp_num(PG_FUNCTION_ARGS)
{
	Numeric		part_current = PG_GETARG_NUMERIC(0);
	Numeric		part_base = PG_GETARG_NUMERIC(1);
	Numeric		total_base = PG_GETARG_NUMERIC(2);

	if (!numeric_finite(part_current) || !numeric_finite(part_base) ||
		!numeric_finite(total_base) || numeric_sign_int(total_base) == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(NUM_OP2(numeric_div,
							  NUM_OP2(numeric_mul,
									  NUM_OP2(numeric_sub, part_current, part_base),
									  NUM_HUNDRED),
							  total_base));
}

PG_FUNCTION_INFO_V1(contribution_pp_float8);
Datum
contribution_pp_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(contribution_pp_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										PG_GETARG_FLOAT8(2), &r), r);
}

PG_FUNCTION_INFO_V1(share_of_growth_num);
Datum
share_of_growth_num(PG_FUNCTION_ARGS)
{
	Numeric		pp = PG_GETARG_NUMERIC(0);
	Numeric		total = PG_GETARG_NUMERIC(1);
	Numeric		min_abs = PG_GETARG_NUMERIC(2);
	Numeric		abs_total;

	if (!numeric_finite(pp) || !numeric_finite(total) || numeric_is_nan(min_abs) ||
		numeric_sign_int(total) == 0)
		PG_RETURN_NULL();
	abs_total = DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(total)));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(abs_total),
										  NumericGetDatum(min_abs))) < 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(NUM_OP2(numeric_div, NUM_OP2(numeric_mul, pp, NUM_HUNDRED), total));
}

PG_FUNCTION_INFO_V1(share_of_growth_float8);
Datum
share_of_growth_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(share_of_growth_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										PG_GETARG_FLOAT8(2), &r), r);
}
