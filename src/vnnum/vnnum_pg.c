/*
 * vnnum_pg.c
 *	  parse_vn_number(text) and format_vn_number(numeric, int): Vietnamese
 *	  number notation for loaders and reports.
 */
#include "postgres.h"
#include "common/compat.h"

#include "common/utf8.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"
#include "vnnum/vnnum_core.h"
#include "vnnum/vnnum_pg.h"

VnNumStatus
vnnum_parse_server(const char *str, size_t len, char *out, int *scale_exp10)
{
	size_t		n;
	const char *utf8 = server_text_as_utf8(str, len, &n);
	VnNumStatus st = vnnum_parse_scaled(utf8, n, out, scale_exp10);

	if (utf8 != str)
		pfree((char *) utf8);
	return st;
}

PG_FUNCTION_INFO_V1(vn_number_parse);
Datum
vn_number_parse(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		out[VNNUM_BUFSIZE];
	VnNumStatus st = vnnum_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), out, NULL);
	const char *detail = NULL;

	switch (st)
	{
		case VNNUM_OK:
			PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(out),
												ObjectIdGetDatum(InvalidOid),
												Int32GetDatum(-1)));
		case VNNUM_EMPTY:
			detail = "The text is empty.";
			break;
		case VNNUM_BAD_SYNTAX:
			detail = "Vietnamese numbers use a decimal comma and a dot between thousands, as in 1.041,6.";
			break;
		case VNNUM_BAD_GROUPING:
			detail = "A dot separates groups of three digits: 1.041,6 is one thousand and forty-one point six; a decimal is written with a comma.";
			break;
		case VNNUM_UNKNOWN_WORD:
			detail = "Only the scale words nghìn, ngàn, vạn, triệu, tỷ and tỉ may follow the number.";
			break;
		case VNNUM_TOO_LONG:
			detail = "The number has too many digits.";
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid Vietnamese number: \"%s\"", text_to_cstring(t)),
			 errdetail("%s", detail)));
	PG_RETURN_NULL();
}

/* The same parser, answering instead of throwing. */
PG_FUNCTION_INFO_V1(vn_number_is_valid);
Datum
vn_number_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		out[VNNUM_BUFSIZE];

	PG_RETURN_BOOL(vnnum_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), out, NULL) == VNNUM_OK);
}

/* round(x, decimals) written with a decimal comma and thousands dots */
PG_FUNCTION_INFO_V1(vn_number_format);
Datum
vn_number_format(PG_FUNCTION_ARGS)
{
	Numeric		x = PG_GETARG_NUMERIC(0);
	int32		decimals = PG_GETARG_INT32(1);
	char	   *plain;
	char		out[VNNUM_BUFSIZE * 2];

	if (decimals < 0 || decimals > 20)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("decimals must be between 0 and 20: %d", decimals)));
	if (numeric_is_nan(x) || numeric_is_inf(x))
		PG_RETURN_NULL();
	plain = DatumGetCString(DirectFunctionCall1(numeric_out,
												DirectFunctionCall2(numeric_round, NumericGetDatum(x),
																	Int32GetDatum(decimals))));
	if (vnnum_format(plain, out, sizeof(out)) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("number too long to format: %s", plain)));
	PG_RETURN_TEXT_P(cstring_to_text(out));
}
