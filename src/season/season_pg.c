/*
 * season_pg.c
 *	  The crop_season type for PostgreSQL: text and binary I/O, the label,
 *	  constructor and accessors, and year arithmetic.  Comparison and
 *	  hashing reuse PostgreSQL's int4 functions (season.sql).
 */
#include "postgres.h"

#include "common/compat.h"
#include "common/utf8.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "season/season_pg.h"
#include "utils/builtins.h"

#define PG_GETARG_SEASON(n)		DatumGetInt32(PG_GETARG_DATUM(n))
#define PG_RETURN_SEASON(s)		return Int32GetDatum(s)

const char *
season_status_detail(SeasonStatus st)
{
	switch (st)
	{
		case SEASON_UNKNOWN_NAME:
			return "The seasons are Đông Xuân, Xuân, Hè Thu, Thu Đông, Mùa and Đông.";
		case SEASON_NEEDS_TWO_YEARS:
			return "A Đông Xuân season runs across two years; one year does not say which winter it started in: write vụ Đông Xuân 2022-2023.";
		case SEASON_NOT_CONSECUTIVE:
			return "The two years of a season must follow each other, as in 2022-2023.";
		case SEASON_ONE_YEAR_ONLY:
			return "Only the Đông Xuân and Đông seasons are written with two years: write vụ Mùa 2023.";
		case SEASON_SHORT_YEAR:
			return "Years must be written with four digits.";
		case SEASON_YEAR_OUT_OF_RANGE:
		case SEASON_OUT_OF_RANGE:
			return "Crop years 0001 to 9999 are supported (0002 to 9999 for Đông Xuân).";
		case SEASON_OK:
		case SEASON_BAD_SYNTAX:
		case SEASON_BAD_KIND:
			break;
	}
	return NULL;
}

/*
 * The error for a failed parse of `input`: 22007 for what is not a season
 * label, 22008 for a year outside the supported ones.  Saved instead of
 * thrown under a soft-error context (PostgreSQL 16+).
 */
static void
season_raise_input(SeasonStatus st, const char *input, Node *escontext)
{
	const char *detail = season_status_detail(st);

	if (st == SEASON_YEAR_OUT_OF_RANGE || st == SEASON_OUT_OF_RANGE)
		errsave(escontext,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("crop_season out of range: \"%s\"", input),
				 errdetail("%s", detail)));
	else if (detail != NULL)
		errsave(escontext,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid input syntax for type crop_season: \"%s\"", input),
				 errdetail("%s", detail)));
	else
		errsave(escontext,
				(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				 errmsg("invalid input syntax for type crop_season: \"%s\"", input),
				 errhint("Write a season as vụ Đông Xuân 2022-2023, vụ Xuân 2023, vụ Hè Thu 2023, vụ Thu Đông 2023, vụ Mùa 2023 or vụ Đông 2023.")));
}

SeasonStatus
season_parse_server(const char *str, size_t len, int32 *ordinal)
{
	size_t		n;
	const char *utf8 = server_text_as_utf8(str, len, &n);
	SeasonStatus st = season_parse(utf8, n, ordinal);

	if (utf8 != str)
		pfree((char *) utf8);
	return st;
}

PG_FUNCTION_INFO_V1(crop_season_in);
Datum
crop_season_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int32		ordinal = 0;
	SeasonStatus st = season_parse_server(str, strlen(str), &ordinal);

	if (st != SEASON_OK)
	{
		season_raise_input(st, str, fcinfo->context);
		PG_RETURN_NULL();		/* only reached for a soft error */
	}
	PG_RETURN_SEASON(ordinal);
}

/* The label, in the database encoding. */
char *
season_label_server(int32 ordinal)
{
	/* palloc'd: pg_any_to_server returns its argument when no conversion is needed */
	char	   *buf = palloc(SEASON_TEXT_BUFSIZE);
	int			len = season_format_vi(ordinal, buf);

	return pg_any_to_server(buf, len, PG_UTF8);
}

PG_FUNCTION_INFO_V1(crop_season_out);
Datum
crop_season_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(season_label_server(PG_GETARG_SEASON(0)));
}

/*
 * Wire format: crop_year * 8 + kind (0 Đông Xuân, 1 Xuân, 2 Hè Thu, 3 Thu
 * Đông, 4 Mùa, 5 Đông) as a network-order int4, checked as text input is.
 */
PG_FUNCTION_INFO_V1(crop_season_recv);
Datum
crop_season_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		ordinal = (int32) pq_getmsgint(buf, 4);

	if (!season_ordinal_is_valid(ordinal))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("crop_season out of range in binary input: %d", ordinal),
				 errdetail("The binary form is crop_year * 8 + kind, kind 0 to 5, crop years 0001 to 9999.")));
	PG_RETURN_SEASON(ordinal);
}

PG_FUNCTION_INFO_V1(crop_season_send);
Datum
crop_season_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, (uint32) PG_GETARG_SEASON(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(crop_season_is_valid);
Datum
crop_season_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32		ordinal;

	PG_RETURN_BOOL(season_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ordinal) == SEASON_OK);
}

PG_FUNCTION_INFO_V1(crop_season_label_vi);
Datum
crop_season_label_vi(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(season_label_server(PG_GETARG_SEASON(0))));
}

/* crop_season(kind, crop_year): kind as its code ('dong_xuan', 'mua', ...). */
PG_FUNCTION_INFO_V1(crop_season_make);
Datum
crop_season_make(PG_FUNCTION_ARGS)
{
	text	   *kind_text = PG_GETARG_TEXT_PP(0);
	int32		year = PG_GETARG_INT32(1);
	int			kind = season_kind_from_code(VARDATA_ANY(kind_text), VARSIZE_ANY_EXHDR(kind_text));
	int32		ordinal;

	if (kind < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown crop season kind: \"%s\"", text_to_cstring(kind_text)),
				 errhint("Use dong_xuan, xuan, he_thu, thu_dong, mua or dong.")));
	if (season_from_parts(kind, year, &ordinal) != SEASON_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("crop year out of range for season %s: %d", season_kind_code((SeasonKind) kind), year),
				 errdetail("Crop years 0001 to 9999 are supported (0002 to 9999 for Đông Xuân).")));
	PG_RETURN_SEASON(ordinal);
}

PG_FUNCTION_INFO_V1(crop_season_crop_year);
Datum
crop_season_crop_year(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(season_crop_year(PG_GETARG_SEASON(0)));
}

PG_FUNCTION_INFO_V1(crop_season_kind);
Datum
crop_season_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(season_kind_code(season_kind(PG_GETARG_SEASON(0)))));
}

static int32
add_years_or_raise(int32 ordinal, int64 n)
{
	int32		result;

	if (season_add_years(ordinal, n, &result) != SEASON_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("crop_season out of range"),
				 errdetail("Crop years 0001 to 9999 are supported (0002 to 9999 for Đông Xuân).")));
	return result;
}

/* season + n: the same season n crop years later */
PG_FUNCTION_INFO_V1(crop_season_pl_int4);
Datum
crop_season_pl_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_SEASON(add_years_or_raise(PG_GETARG_SEASON(0), PG_GETARG_INT32(1)));
}

/* season - n: the same season n crop years before ("- 1": a year before) */
PG_FUNCTION_INFO_V1(crop_season_mi_int4);
Datum
crop_season_mi_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_SEASON(add_years_or_raise(PG_GETARG_SEASON(0), -(int64) PG_GETARG_INT32(1)));
}

/* season - season: crop years between two seasons of the same kind */
PG_FUNCTION_INFO_V1(crop_season_mi_crop_season);
Datum
crop_season_mi_crop_season(PG_FUNCTION_ARGS)
{
	int32		a = PG_GETARG_SEASON(0);
	int32		b = PG_GETARG_SEASON(1);

	if (season_kind(a) != season_kind(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot subtract %s from %s", season_label_server(b), season_label_server(a)),
				 errdetail("Years between seasons are counted between seasons of the same kind.")));
	PG_RETURN_INT32(season_crop_year(a) - season_crop_year(b));
}
