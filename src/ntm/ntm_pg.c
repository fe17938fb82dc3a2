/*
 * ntm_pg.c
 *	  SQL glue of the NTM scoring core: indicator status and shortfall,
 *	  and the ntm_fold aggregate that folds statuses into one.
 *
 * The fold state is a bigint holding three 21-bit counters (met, not met,
 * unknown), so the aggregate is pass-by-value, combinable by addition and
 * parallel without serialisation.  ntm_criteria_fold folds a whole set's
 * indicators into a criteria bitmap (see ntm_core.h), also a bigint.
 */
#include "postgres.h"
#include "common/compat.h"

#include "fmgr.h"
#include "ntm/ntm_core.h"
#include "ntm_pg.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#define FOLD_BITS	21
#define FOLD_MASK	((INT64CONST(1) << FOLD_BITS) - 1)

static NtmFold
fold_unpack(int64 packed)
{
	NtmFold		f;

	f.met = (int32) (packed & FOLD_MASK);
	f.not_met = (int32) ((packed >> FOLD_BITS) & FOLD_MASK);
	f.unknown = (int32) ((packed >> (2 * FOLD_BITS)) & FOLD_MASK);
	return f;
}

static int64
fold_pack(const NtmFold *f)
{
	if (f->met > FOLD_MASK || f->not_met > FOLD_MASK || f->unknown > FOLD_MASK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many statuses in one ntm_fold group"),
				 errdetail("At most %d of each status can be folded.", (int) FOLD_MASK)));
	return (int64) f->met | ((int64) f->not_met << FOLD_BITS) |
		((int64) f->unknown << (2 * FOLD_BITS));
}

static NtmComparison
comparison_arg(text *t)
{
	NtmComparison op = ntm_comparison_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (op == NTM_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid NTM comparison: \"%s\"", text_to_cstring(t)),
				 errhint("Use >=, <=, = or yes.")));
	return op;
}

static NtmStatus
status_arg(text *t)
{
	bool		ok;
	NtmStatus	st = ntm_status_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ok);

	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid NTM status: \"%s\"", text_to_cstring(t)),
				 errhint("Use met, not_met or unknown.")));
	return st;
}

static int
numeric_sign_of_difference(Numeric value, Numeric threshold)
{
	int			c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(value),
													  NumericGetDatum(threshold)));

	return (c > 0) - (c < 0);
}

NtmStatus
ntm_measurement_status(NtmComparison op, Numeric value, bool have_yes, bool yes, Numeric threshold)
{
	bool		have_value,
				have_threshold;

	if (op == NTM_YES)
		return ntm_decide_yes(have_yes, yes);
	have_value = value != NULL && !numeric_is_nan(value);
	have_threshold = threshold != NULL && !numeric_is_nan(threshold);
	return ntm_decide(op, have_value, have_threshold,
					  have_value && have_threshold
					  ? numeric_sign_of_difference(value, threshold) : 0);
}

/* status of one indicator: (value numeric, yes boolean, comparison text, threshold numeric) */
PG_FUNCTION_INFO_V1(ntm_indicator_status_fn);
Datum
ntm_indicator_status_fn(PG_FUNCTION_ARGS)
{
	NtmStatus	st;

	if (PG_ARGISNULL(2))
		PG_RETURN_TEXT_P(cstring_to_text(ntm_status_name(NTM_UNKNOWN)));
	st = ntm_measurement_status(comparison_arg(PG_GETARG_TEXT_PP(2)),
								PG_ARGISNULL(0) ? NULL : PG_GETARG_NUMERIC(0),
								!PG_ARGISNULL(1), !PG_ARGISNULL(1) && PG_GETARG_BOOL(1),
								PG_ARGISNULL(3) ? NULL : PG_GETARG_NUMERIC(3));
	PG_RETURN_TEXT_P(cstring_to_text(ntm_status_name(st)));
}

/* how far the value is from meeting the threshold, in the indicator's unit */
PG_FUNCTION_INFO_V1(ntm_shortfall_fn);
Datum
ntm_shortfall_fn(PG_FUNCTION_ARGS)
{
	Numeric		value = PG_GETARG_NUMERIC(0);
	NtmComparison op = comparison_arg(PG_GETARG_TEXT_PP(1));
	Numeric		threshold = PG_GETARG_NUMERIC(2);
	Numeric		diff;

	if (op == NTM_YES || numeric_is_nan(value) || numeric_is_nan(threshold))
		PG_RETURN_NULL();
	diff = DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(value),
											   NumericGetDatum(threshold)));
	if (ntm_decide(op, true, true, numeric_sign_of_difference(value, threshold)) == NTM_MET)
		PG_RETURN_NUMERIC(int64_to_numeric(0));
	/* for >= the value is short by threshold - value; otherwise it is over */
	if (op == NTM_GE)
		diff = DatumGetNumeric(DirectFunctionCall1(numeric_uminus, NumericGetDatum(diff)));
	else if (op == NTM_EQ)
		diff = DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(diff)));
	PG_RETURN_NUMERIC(diff);
}

PG_FUNCTION_INFO_V1(ntm_status_vi_fn);
Datum
ntm_status_vi_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(ntm_status_name_vi(status_arg(PG_GETARG_TEXT_PP(0)))));
}

/* ntm_fold transition: NULL counts as unknown */
PG_FUNCTION_INFO_V1(ntm_fold_trans);
Datum
ntm_fold_trans(PG_FUNCTION_ARGS)
{
	NtmFold		f = fold_unpack(PG_GETARG_INT64(0));
	NtmStatus	st = NTM_UNKNOWN;

	if (!PG_ARGISNULL(1))
		st = status_arg(PG_GETARG_TEXT_PP(1));
	ntm_fold_add(&f, st);
	PG_RETURN_INT64(fold_pack(&f));
}

PG_FUNCTION_INFO_V1(ntm_fold_combine);
Datum
ntm_fold_combine(PG_FUNCTION_ARGS)
{
	NtmFold		a = fold_unpack(PG_GETARG_INT64(0));
	NtmFold		b = fold_unpack(PG_GETARG_INT64(1));

	ntm_fold_merge(&a, &b);
	PG_RETURN_INT64(fold_pack(&a));
}

PG_FUNCTION_INFO_V1(ntm_fold_final);
Datum
ntm_fold_final(PG_FUNCTION_ARGS)
{
	NtmFold		f = fold_unpack(PG_GETARG_INT64(0));

	PG_RETURN_TEXT_P(cstring_to_text(ntm_status_name(ntm_fold_status(&f))));
}

/*
 * ntm_criteria_fold transition: (bits, criterion_no, status).  A NULL status
 * counts as unknown, as in ntm_fold; a row without a criterion is skipped.
 */
PG_FUNCTION_INFO_V1(ntm_criteria_fold_trans);
Datum
ntm_criteria_fold_trans(PG_FUNCTION_ARGS)
{
	NtmCriteriaBits bits = (NtmCriteriaBits) PG_GETARG_INT64(0);
	int32		criterion_no;
	NtmStatus	st = NTM_UNKNOWN;

	if (PG_ARGISNULL(1))
		PG_RETURN_INT64((int64) bits);
	criterion_no = PG_GETARG_INT32(1);
	if (!PG_ARGISNULL(2))
		st = status_arg(PG_GETARG_TEXT_PP(2));
	if (!ntm_criteria_add(&bits, criterion_no, st))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("criterion number out of range for ntm_criteria_fold: %d", criterion_no),
				 errdetail("Criteria are numbered 1 to %d.", NTM_MAX_CRITERIA)));
	PG_RETURN_INT64((int64) bits);
}

PG_FUNCTION_INFO_V1(ntm_criteria_fold_combine);
Datum
ntm_criteria_fold_combine(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) ntm_criteria_merge((NtmCriteriaBits) PG_GETARG_INT64(0),
											   (NtmCriteriaBits) PG_GETARG_INT64(1)));
}

PG_FUNCTION_INFO_V1(ntm_criteria_count_fn);
Datum
ntm_criteria_count_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ntm_criteria_count((NtmCriteriaBits) PG_GETARG_INT64(0),
									   status_arg(PG_GETARG_TEXT_PP(1))));
}

PG_FUNCTION_INFO_V1(ntm_criteria_list_fn);
Datum
ntm_criteria_list_fn(PG_FUNCTION_ARGS)
{
	int32		numbers[NTM_MAX_CRITERIA];
	Datum		elems[NTM_MAX_CRITERIA];
	int			n = ntm_criteria_list((NtmCriteriaBits) PG_GETARG_INT64(0),
									  status_arg(PG_GETARG_TEXT_PP(1)), numbers);
	int			i;

	for (i = 0; i < n; i++)
		elems[i] = Int32GetDatum(numbers[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, INT4OID, sizeof(int32), true, TYPALIGN_INT));
}
