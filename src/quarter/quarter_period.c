/*
 * quarter_period.c
 *	  Reporting periods as quarter ranges: parse_period_vi() reads the
 *	  headings of reports ("6 tháng đầu năm 2023", "9 tháng năm 2023",
 *	  "năm 2023", "quý II-2023") and period_label_vi() writes them.  The
 *	  grammar lives in quarter_core.c; this file only builds the range and
 *	  words the errors.
 */
#include "postgres.h"

#include "common/compat.h"
#include "common/utf8.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "quarter_pg.h"
#include "utils/builtins.h"
#include "utils/rangetypes.h"

static void
period_raise(QuarterStatus status, const char *input)
{
	switch (status)
	{
		case QUARTER_OK:
			return;
		case QUARTER_BAD_QUARTER_NUMBER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid reporting period: \"%s\"", input),
					 errdetail("A quarter is numbered 1 to 4, or I to IV.")));
			break;
		case QUARTER_SHORT_YEAR:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid reporting period: \"%s\"", input),
					 errdetail("The year must be written with four digits.")));
			break;
		case QUARTER_BAD_MONTHS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid reporting period: \"%s\"", input),
					 errdetail("A cumulative period counts 3, 6, 9 or 12 months from January.")));
			break;
		case QUARTER_YEAR_OUT_OF_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("reporting period out of range: \"%s\"", input),
					 errdetail("A period runs from 0001-Q1 to 9999-Q3 at the latest.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid reporting period: \"%s\"", input),
					 errhint("Write a period as quý II-2023, 6 tháng đầu năm 2023, 9 tháng năm 2023 or năm 2023.")));
			break;
	}
}

QuarterStatus
period_parse_server(const char *str, size_t len, int32 *lower, int32 *upper)
{
	size_t		n;
	const char *utf8 = server_text_as_utf8(str, len, &n);
	QuarterStatus st = period_parse_vi(utf8, n, lower, upper);

	if (utf8 != str)
		pfree((char *) utf8);
	return st;
}

/* parse_period_vi(text) returns quarterrange: [first quarter, quarter after the last) */
PG_FUNCTION_INFO_V1(quarter_parse_period_vi);
Datum
quarter_parse_period_vi(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32		lo = 0,
				hi = 0;
	QuarterStatus st = period_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &lo, &hi);
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	if (st != QUARTER_OK)
		period_raise(st, text_to_cstring(t));

	typcache = range_get_typcache(fcinfo, get_fn_expr_rettype(fcinfo->flinfo));
	lower.val = QuarterGetDatum(lo);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = QuarterGetDatum(hi);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(range_serialize(typcache, &lower, &upper, false, NULL));
#else
	PG_RETURN_RANGE_P(range_serialize(typcache, &lower, &upper, false));
#endif
}

/* period_label_vi(quarterrange) returns text; NULL for the empty range */
PG_FUNCTION_INFO_V1(quarter_period_label_vi);
Datum
quarter_period_label_vi(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	RangeBound	lower,
				upper;
	bool		empty;
	char		buf[PERIOD_TEXT_BUFSIZE];
	int			len;

	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_NULL();
	if (lower.infinite || upper.infinite)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a reporting period must have a first and a last quarter"),
				 errdetail("The range has no %s bound.", lower.infinite ? "lower" : "upper")));
	/* canonical: [lower, upper), both valid ordinals */
	len = period_format_vi(DatumGetQuarter(lower.val), DatumGetQuarter(upper.val), buf);
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(buf, len, PG_UTF8)));
}
