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

#include "catalog/pg_type.h"
#include "common/varlena.h"
#include "fmgr.h"
#include "growth/growth_core.h"
#include "growth_numeric.h"
#include "utils/array.h"
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

/* The digits of |n| * 10^dscale (0 for zero) and n's display scale. */
static void
numeric_mantissa(Numeric n, int *digits, int *scale)
{
	char	   *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));
	const char *p;
	int			count = 0;
	bool		leading = true;

	*scale = DatumGetInt32(DirectFunctionCall1(numeric_scale, NumericGetDatum(n)));
	for (p = text; *p; p++)
	{
		if (*p < '0' || *p > '9')
			continue;
		if (leading && *p == '0')
			continue;
		leading = false;
		count++;
	}
	*digits = count;
	pfree(text);
}

/* 10^e as a numeric (for e < 0, with display scale -e). */
static Numeric
numeric_pow10(int e)
{
	char		buf[32];

	snprintf(buf, sizeof(buf), "1e%d", e);
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

/*
 * num / den, rounded once at the scale numeric_fast.c's ratio_scale
 * chooses, for figures of any size: q = trunc(num * 10^S / den), plus one
 * in the last place when the remainder is at least half of den.
 */
Numeric
exact_ratio(Numeric num, Numeric den)
{
	Numeric		r;
	int			nd,
				ns,
				dd,
				ds,
				common,
				scale;
	Numeric		scaled,
				quot,
				rem;

	if (exact_ratio_fast(num, den, &r) == FAST_DONE)
		return r;
	num = (Numeric) pg_detoast_datum((struct varlena *) num);
	den = (Numeric) pg_detoast_datum((struct varlena *) den);
	numeric_mantissa(num, &nd, &ns);
	numeric_mantissa(den, &dd, &ds);
	common = Min(ns, ds);
	ns -= common;
	ds -= common;
	scale = 10 + dd + ns;
	if (nd > 0)
		scale = Max(scale, 19 - (nd - 1 - ns - dd + ds));
	scale = Max(scale, 19);
	scale = Min(scale, NUMERIC_MAX_DISPLAY_SCALE);
	scaled = NUM_OP2(numeric_mul, num, numeric_pow10(scale));
	quot = NUM_OP2(numeric_div_trunc, scaled, den);
	rem = NUM_OP2(numeric_sub, scaled, NUM_OP2(numeric_mul, quot, den));
	/* half away from zero: |2 rem| >= |den| */
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp,
										  DirectFunctionCall1(numeric_abs, NumericGetDatum(NUM_OP2(numeric_add, rem, rem))),
										  DirectFunctionCall1(numeric_abs, NumericGetDatum(den)))) >= 0)
		quot = NUM_OP2((numeric_sign_int(num) == numeric_sign_int(den)) ? numeric_add : numeric_sub, quot, NUM_ONE);
	return NUM_OP2(numeric_mul, quot, numeric_pow10(-scale));
}

Numeric
round_to_20_digits(Numeric x)
{
	int			digits,
				scale,
				e;

	if (!numeric_finite(x))
		return x;
	numeric_mantissa(x, &digits, &scale);
	e = digits - 1 - scale;		/* floor(log10 |x|) */
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(x),
											   Int32GetDatum(digits == 0 ? 19 : Max(19 - e, 0))));
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
	return exact_ratio(NUM_OP2(numeric_mul, NUM_OP2(numeric_sub, current, base), NUM_HUNDRED), base);
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
	return exact_ratio(NUM_OP2(numeric_mul, current, NUM_HUNDRED), base);
}

/*
 * ((last / first) ^ (1 / steps) - 1) * 100.  One step is a growth rate,
 * exact.  Otherwise the root goes through ln and exp at 60 decimals (the
 * ratio first, so figures of any size keep their precision) and the result
 * is rounded to 20 significant digits: a root that is a short decimal
 * (121 / 100 over two steps: 10%) comes out as exactly that.
 */
Numeric
cagr_numeric(Numeric first, Numeric last, Numeric steps)
{
	Numeric		ratio,
				root;

	if (!numeric_finite(first) || !numeric_finite(last) || !numeric_finite(steps) ||
		!cagr_is_defined(numeric_sign_int(first), numeric_sign_int(last),
						 numeric_sign_int(steps)))
		return NULL;
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(steps), NumericGetDatum(NUM_ONE))) == 0)
		return growth_pct_numeric(last, first);
	if (numeric_sign_int(last) == 0)
		return round_to_20_digits(int64_to_numeric(-100));
	/*
	 * last / first with 60 significant digits at least: numeric_div keeps
	 * the dividend's display scale, widened when the ratio is small
	 */
	{
		int			ld,
					ls,
					fd,
					fs;

		numeric_mantissa(last, &ld, &ls);
		numeric_mantissa(first, &fd, &fs);
		ratio = NUM_OP2(numeric_div,
						DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(last),
															Int32GetDatum(Min(60 + Max(0, (fd - fs) - (ld - ls)),
																			  NUMERIC_MAX_DISPLAY_SCALE)))),
						first);
	}
	root = DatumGetNumeric(DirectFunctionCall1(numeric_exp,
											   NumericGetDatum(NUM_OP2(numeric_div,
																	   DatumGetNumeric(DirectFunctionCall1(numeric_ln, NumericGetDatum(ratio))),
																	   steps))));
	return round_to_20_digits(NUM_OP2(numeric_mul, NUM_OP2(numeric_sub, root, NUM_ONE), NUM_HUNDRED));
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
	PG_RETURN_NUMERIC(exact_ratio(NUM_OP2(numeric_mul, NUM_OP2(numeric_sub, part_current, part_base), NUM_HUNDRED),
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
	PG_RETURN_NUMERIC(exact_ratio(NUM_OP2(numeric_mul, pp, NUM_HUNDRED), total));
}

PG_FUNCTION_INFO_V1(share_of_growth_float8);
Datum
share_of_growth_float8(PG_FUNCTION_ARGS)
{
	double		r;

	RETURN_FLOAT8_IF(share_of_growth_f8(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
										PG_GETARG_FLOAT8(2), &r), r);
}

/*
 * avg_growth_pct(chain_indices numeric[]): the geometric mean of the
 * indices (base 100) minus 100, to 20 significant digits.  One index is
 * its own mean, exactly (122.55 gives 22.55); more go through ln and exp
 * at 60 decimals.  NULL when there is no index, or any is NULL, NaN,
 * infinite or not positive, or so far from 100 (beyond 10^+-868 times)
 * that its logarithm would under- or overflow.
 */
PG_FUNCTION_INFO_V1(avg_growth_pct_num);
Datum
avg_growth_pct_num(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;
	Numeric		sum_ln = NUM_ZERO,
				mean,
				hundred60;

	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	if (n == 0)
		PG_RETURN_NULL();
	for (i = 0; i < n; i++)
	{
		int			digits,
					scale,
					e;

		if (nulls[i] || !numeric_finite(DatumGetNumeric(elems[i])) ||
			numeric_sign_int(DatumGetNumeric(elems[i])) <= 0)
			PG_RETURN_NULL();
		/* an index / 100 beyond 10^+-868 has a logarithm exp cannot take back */
		numeric_mantissa(DatumGetNumeric(elems[i]), &digits, &scale);
		e = digits - 1 - scale - 2;
		if (e < -868 || e > 868)
			PG_RETURN_NULL();
	}
	if (n == 1)
		PG_RETURN_NUMERIC(round_to_20_digits(NUM_OP2(numeric_sub, DatumGetNumeric(elems[0]), NUM_HUNDRED)));
	for (i = 0; i < n; i++)
		sum_ln = NUM_OP2(numeric_add, sum_ln,
						 DatumGetNumeric(DirectFunctionCall1(numeric_ln,
															 DirectFunctionCall2(numeric_round, elems[i], Int32GetDatum(60)))));
	hundred60 = DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(NUM_HUNDRED), Int32GetDatum(60)));
	mean = NUM_OP2(numeric_sub, NUM_OP2(numeric_div, sum_ln, int64_to_numeric(n)),
				   DatumGetNumeric(DirectFunctionCall1(numeric_ln, NumericGetDatum(hundred60))));
	/* e^2000 is about 10^868: a mean ratio beyond it under- or overflows */
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp,
										  DirectFunctionCall1(numeric_abs, NumericGetDatum(mean)),
										  NumericGetDatum(int64_to_numeric(2000)))) > 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(round_to_20_digits(
		NUM_OP2(numeric_mul,
				NUM_OP2(numeric_sub, DatumGetNumeric(DirectFunctionCall1(numeric_exp, NumericGetDatum(mean))), NUM_ONE),
				NUM_HUNDRED)));
}
