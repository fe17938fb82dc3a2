/*
 * quarter_io.c
 *	  Text and binary input/output of the quarter type, its no-throw
 *	  validator, and the error mapping every quarter function uses.
 */
#include "postgres.h"

#include "common/utf8.h"
#include "common/compat.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "quarter_pg.h"
#include "utils/builtins.h"

void
quarter_raise(QuarterStatus status, const char *input, Node *escontext)
{
	switch (status)
	{
		case QUARTER_OK:
			return;
		case QUARTER_BAD_SYNTAX:
		case QUARTER_BAD_MONTHS:	/* only periods count months */
			errsave(escontext,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid input syntax for type quarter: \"%s\"", input),
					 errhint("Write a quarter as 2023-Q1, Q1-2023, I-2023, quý I-2023 or quý 1 năm 2023.")));
			return;
		case QUARTER_BAD_QUARTER_NUMBER:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid input syntax for type quarter: \"%s\"", input),
					 errdetail("A quarter is numbered 1 to 4, or I to IV.")));
			return;
		case QUARTER_SHORT_YEAR:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					 errmsg("invalid input syntax for type quarter: \"%s\"", input),
					 errdetail("The year must be written with four digits.")));
			return;
		case QUARTER_YEAR_OUT_OF_RANGE:
			errsave(escontext,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("quarter out of range: \"%s\"", input),
					 errdetail("Years 0001 to 9999 are supported.")));
			return;
		case QUARTER_OUT_OF_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("quarter out of range"),
					 errdetail("Quarters from 0001-Q1 to 9999-Q4 are supported.")));
			return;
		case QUARTER_BAD_PARAMETER:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid parameter for a quarter function")));
			return;
	}
	elog(ERROR, "unexpected quarter status %d", (int) status);
}

int32
quarter_add_or_raise(int32 ordinal, int64 n)
{
	int32		result;
	QuarterStatus st = quarter_add(ordinal, n, &result);

	if (st != QUARTER_OK)
		quarter_raise(st, NULL, NULL);
	return result;
}

/* Parse text in the server encoding (see common/utf8.h). */
QuarterStatus
quarter_parse_server(const char *str, size_t len, int32 *ordinal)
{
	size_t		n;
	const char *utf8 = server_text_as_utf8(str, len, &n);
	QuarterStatus st = quarter_parse(utf8, n, ordinal);

	if (utf8 != str)
		pfree((char *) utf8);
	return st;
}

PG_FUNCTION_INFO_V1(quarter_in);
Datum
quarter_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int32		ordinal = 0;
	QuarterStatus st = quarter_parse_server(str, strlen(str), &ordinal);

	if (st != QUARTER_OK)
	{
		quarter_raise(st, str, fcinfo->context);
		PG_RETURN_NULL();		/* only reached for a soft error */
	}
	PG_RETURN_QUARTER(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_out);
Datum
quarter_out(PG_FUNCTION_ARGS)
{
	int32		ordinal = PG_GETARG_QUARTER(0);
	char	   *buf = palloc(QUARTER_TEXT_BUFSIZE);

	quarter_format(ordinal, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Wire format: the ordinal year * 4 + (quarter - 1) as a network-order
 * int4.  It is checked exactly as text input is, so no client can store a
 * quarter that text output could not print.
 */
PG_FUNCTION_INFO_V1(quarter_recv);
Datum
quarter_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		ordinal = (int32) pq_getmsgint(buf, 4);

	if (!quarter_ordinal_is_valid(ordinal))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("quarter out of range in binary input: %d", ordinal),
				 errdetail("The binary form is year * 4 + quarter - 1, from %d to %d.",
						   QUARTER_MIN_ORDINAL, QUARTER_MAX_ORDINAL)));
	PG_RETURN_QUARTER(ordinal);
}

PG_FUNCTION_INFO_V1(quarter_send);
Datum
quarter_send(PG_FUNCTION_ARGS)
{
	int32		ordinal = PG_GETARG_QUARTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, (uint32) ordinal);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The same parser as quarter_in, answering instead of throwing. */
PG_FUNCTION_INFO_V1(quarter_is_valid);
Datum
quarter_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32		ordinal;

	PG_RETURN_BOOL(quarter_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									 &ordinal) == QUARTER_OK);
}

/* "quý I-2023", in the database encoding. */
PG_FUNCTION_INFO_V1(quarter_label_vi);
Datum
quarter_label_vi(PG_FUNCTION_ARGS)
{
	int32		ordinal = PG_GETARG_QUARTER(0);
	char		buf[QUARTER_TEXT_BUFSIZE];
	int			len = quarter_format_vi(ordinal, buf);
	char	   *server = pg_any_to_server(buf, len, PG_UTF8);

	PG_RETURN_TEXT_P(cstring_to_text(server));
}
