/*
 * quarter_ops.c
 *	  Constructors, accessors, conversions and arithmetic of quarters.
 *	  Comparison and hashing reuse PostgreSQL's int4 functions (see
 *	  quarter.sql): the ordinal's integer order is calendar order.
 */
#include "postgres.h"
#include "common/compat.h"

#include "fmgr.h"
#include "quarter_pg.h"
#include "utils/builtins.h"
#include "utils/date.h"

/* Errors for quarters built from numbers rather than parsed from text. */
static void
raise_for_parts(QuarterStatus st, int64 year, int64 q)
{
	if (st == QUARTER_BAD_QUARTER_NUMBER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quarter number must be between 1 and 4: " INT64_FORMAT, q)));
	if (st == QUARTER_YEAR_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("year out of range for a quarter: " INT64_FORMAT, year),
				 errdetail("Years 1 to 9999 are supported.")));
	quarter_raise(st, NULL, NULL);
}

PG_FUNCTION_INFO_V1(quarter_make);
Datum
quarter_make(PG_FUNCTION_ARGS)
{
	int32		year = PG_GETARG_INT32(0);
	int32		q = PG_GETARG_INT32(1);
	int32		ordinal;
	QuarterStatus st = quarter_from_parts(year, q, &ordinal);

	if (st != QUARTER_OK)
		raise_for_parts(st, year, q);
	PG_RETURN_QUARTER(ordinal);
}

/* 20231 -> 2023-Q1 */
PG_FUNCTION_INFO_V1(quarter_from_yyyyq_int4);
Datum
quarter_from_yyyyq_int4(PG_FUNCTION_ARGS)
{
	int32		yyyyq = PG_GETARG_INT32(0);
	int32		ordinal;
	QuarterStatus st = quarter_from_yyyyq(yyyyq, &ordinal);

	if (st == QUARTER_BAD_QUARTER_NUMBER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid yyyyq quarter number: %d", yyyyq),
				 errdetail("The last digit is the quarter, 1 to 4, as in 20231 for 2023-Q1.")));
	if (st != QUARTER_OK)
		raise_for_parts(st, yyyyq / 10, yyyyq % 10);
	PG_RETURN_QUARTER(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_yyyyq);
Datum
quarter_yyyyq(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(quarter_to_yyyyq(PG_GETARG_QUARTER(0)));
}

static void
reject_infinite_date(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot convert infinite date to quarter")));
}

PG_FUNCTION_INFO_V1(quarter_from_date);
Datum
quarter_from_date(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int32		ordinal;

	reject_infinite_date(d);
	if (quarter_from_day(d, &ordinal) != QUARTER_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range for quarter: \"%s\"",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errdetail("Dates from 0001-01-01 to 9999-12-31 are supported.")));
	PG_RETURN_QUARTER(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_fiscal);
Datum
quarter_fiscal(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int32		start_month = PG_GETARG_INT32(1);
	int32		ordinal;
	QuarterStatus st;

	reject_infinite_date(d);
	st = quarter_fiscal_from_day(d, start_month, &ordinal);
	if (st == QUARTER_BAD_PARAMETER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fiscal year start month must be between 1 and 12: %d",
						start_month)));
	if (st != QUARTER_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("fiscal quarter out of range for date \"%s\"",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)))),
				 errdetail("Fiscal years 1 to 9999 are supported.")));
	PG_RETURN_QUARTER(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_start);
Datum
quarter_start(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(quarter_first_day(PG_GETARG_QUARTER(0)));
}

PG_FUNCTION_INFO_V1(quarter_end);
Datum
quarter_end(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(quarter_last_day(PG_GETARG_QUARTER(0)));
}

PG_FUNCTION_INFO_V1(quarter_days_in);
Datum
quarter_days_in(PG_FUNCTION_ARGS)
{
	int32		ordinal = PG_GETARG_QUARTER(0);

	PG_RETURN_INT32(quarter_last_day(ordinal) - quarter_first_day(ordinal) + 1);
}

PG_FUNCTION_INFO_V1(quarter_get_year);
Datum
quarter_get_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(quarter_year(PG_GETARG_QUARTER(0)));
}

PG_FUNCTION_INFO_V1(quarter_get_quarter_of_year);
Datum
quarter_get_quarter_of_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(quarter_of_year(PG_GETARG_QUARTER(0)));
}

PG_FUNCTION_INFO_V1(quarter_half_of_year);
Datum
quarter_half_of_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(quarter_of_year(PG_GETARG_QUARTER(0)) <= 2 ? 1 : 2);
}

PG_FUNCTION_INFO_V1(quarter_pl_int4);
Datum
quarter_pl_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_QUARTER(quarter_add_or_raise(PG_GETARG_QUARTER(0), PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(int4_pl_quarter);
Datum
int4_pl_quarter(PG_FUNCTION_ARGS)
{
	PG_RETURN_QUARTER(quarter_add_or_raise(PG_GETARG_QUARTER(1), PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(quarter_mi_int4);
Datum
quarter_mi_int4(PG_FUNCTION_ARGS)
{
	/* negate in int64: -INT32_MIN does not fit an int32 */
	PG_RETURN_QUARTER(quarter_add_or_raise(PG_GETARG_QUARTER(0),
										   -(int64) PG_GETARG_INT32(1)));
}

/* Quarters from b to a; both in 4..39999, so the difference fits. */
PG_FUNCTION_INFO_V1(quarter_mi_quarter);
Datum
quarter_mi_quarter(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_QUARTER(0) - PG_GETARG_QUARTER(1));
}

static bool
quarter_holds_day(int32 ordinal, DateADT d)
{
	/* infinite dates are outside every quarter and compare correctly */
	return d >= quarter_first_day(ordinal) && d <= quarter_last_day(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_contains_date);
Datum
quarter_contains_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(quarter_holds_day(PG_GETARG_QUARTER(0), PG_GETARG_DATEADT(1)));
}

PG_FUNCTION_INFO_V1(date_contained_by_quarter);
Datum
date_contained_by_quarter(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(quarter_holds_day(PG_GETARG_QUARTER(1), PG_GETARG_DATEADT(0)));
}

/* Range support: the distance GiST and the planner use for quarterrange. */
PG_FUNCTION_INFO_V1(quarter_subdiff);
Datum
quarter_subdiff(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((float8) PG_GETARG_QUARTER(0) - (float8) PG_GETARG_QUARTER(1));
}
