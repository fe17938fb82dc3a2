/*
 * qseries_io.c
 *	  Building qseries values, and their text and binary forms.
 *
 * Text form: {2023-Q1:820,2023-Q2:801.5} — periods ascending, canonical
 * quarter text, numeric values as numeric prints them.  Input accepts any
 * quarter spelling and any order, and rejects repeated periods.
 */
#include "postgres.h"

#include "growth/growth_core.h"
#include "libpq/pqformat.h"
#include "lib/stringinfo.h"
#include "qseries.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

/* Orders a permutation of indexes by the ordinals they point to. */
static int
cmp_by_ordinal(const void *a, const void *b, void *arg)
{
	const int32 *keys = arg;
	int32		x = keys[*(const int *) a];
	int32		y = keys[*(const int *) b];

	return (x > y) - (x < y);
}

QSeries *
qseries_build(int n, int32 *ordinals, Numeric *values)
{
	int		   *order = palloc(sizeof(int) * Max(n, 1));
	Size		header = offsetof(QSeries, ordinals) + (Size) n * (sizeof(int32) + sizeof(uint32));
	Size		size = INTALIGN(header);
	QSeries    *s;
	char	   *data;
	int			i;

	if (n > (int) ((MaxAllocSize - 64) / 16))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too long: %d periods", n)));
	for (i = 0; i < n; i++)
	{
		order[i] = i;
		size += INTALIGN(VARSIZE(values[i]));
	}
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too large")));
	qsort_arg(order, n, sizeof(int), cmp_by_ordinal, ordinals);

	s = palloc0(size);
	SET_VARSIZE(s, size);
	s->n = n;
	data = (char *) s + INTALIGN(header);
	for (i = 0; i < n; i++)
	{
		Numeric		v = values[order[i]];

		s->ordinals[i] = ordinals[order[i]];
		if (i > 0 && series_step_order(s->ordinals[i - 1], s->ordinals[i]) != SERIES_ORDERED)
		{
			char		buf[QUARTER_TEXT_BUFSIZE];

			quarter_format(s->ordinals[i], buf);
			ereport(ERROR,
					(errcode(ERRCODE_CARDINALITY_VIOLATION),
					 errmsg("period %s appears more than once in a quarterly series", buf),
					 errhint("Group by everything that identifies one series, e.g. unit, indicator and vintage.")));
		}
		QSERIES_OFFSETS(s)[i] = (uint32) (data - (char *) s);
		memcpy(data, v, VARSIZE(v));
		data += INTALIGN(VARSIZE(v));
	}
	pfree(order);
	return s;
}

Numeric
qseries_value_copy(const QSeries *s, int i)
{
	Numeric		v = QSERIES_VALUE(s, i);
	Numeric		copy = palloc(VARSIZE(v));

	memcpy(copy, v, VARSIZE(v));
	return copy;
}

static void
bad_text(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type qseries: \"%s\"", str),
			 errdetail("%s", detail),
			 errhint("Write a series as {2023-Q1:820,2023-Q2:801.5}.")));
}

PG_FUNCTION_INFO_V1(qseries_in);
Datum
qseries_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	char	   *copy = pstrdup(str);
	char	   *p = copy;
	int			cap = 8,
				n = 0;
	int32	   *ordinals = palloc(sizeof(int32) * cap);
	Numeric    *values = palloc(sizeof(Numeric) * cap);

	while (*p == ' ')
		p++;
	if (*p++ != '{')
		bad_text(str, "A series starts with \"{\".");
	while (*p == ' ')
		p++;
	if (*p == '}')
		p++;
	else
		for (;;)
		{
			char	   *colon = strchr(p, ':');
			char	   *end;
			int32		ordinal;
			QuarterStatus st;
			char		saved;

			if (colon == NULL)
				bad_text(str, "Each element is period:value.");
			st = quarter_parse(p, colon - p, &ordinal);
			if (st != QUARTER_OK)
			{
				*colon = '\0';
				quarter_raise(st, p, NULL);
			}
			p = colon + 1;
			end = p + strcspn(p, ",}");
			if (*end == '\0')
				bad_text(str, "A series ends with \"}\".");
			saved = *end;
			*end = '\0';
			if (n == cap)
			{
				cap *= 2;
				ordinals = repalloc(ordinals, sizeof(int32) * cap);
				values = repalloc(values, sizeof(Numeric) * cap);
			}
			ordinals[n] = ordinal;
			values[n] = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(p),
															ObjectIdGetDatum(InvalidOid),
															Int32GetDatum(-1)));
			n++;
			*end = saved;
			p = end + 1;
			if (saved == '}')
				break;
		}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		bad_text(str, "Unexpected text after \"}\".");
	PG_RETURN_POINTER(qseries_build(n, ordinals, values));
}

PG_FUNCTION_INFO_V1(qseries_out);
Datum
qseries_out(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < s->n; i++)
	{
		char		q[QUARTER_TEXT_BUFSIZE];

		quarter_format(s->ordinals[i], q);
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%s:%s", q,
						 DatumGetCString(DirectFunctionCall1(numeric_out,
															 NumericGetDatum(QSERIES_VALUE(s, i)))));
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* Binary: int4 n, then n times (int4 ordinal, numeric in its binary form). */
PG_FUNCTION_INFO_V1(qseries_send);
Datum
qseries_send(PG_FUNCTION_ARGS)
{
	QSeries    *s = PG_GETARG_QSERIES(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, (uint32) s->n);
	for (i = 0; i < s->n; i++)
	{
		bytea	   *b = DatumGetByteaPP(DirectFunctionCall1(numeric_send,
															NumericGetDatum(QSERIES_VALUE(s, i))));

		pq_sendint32(&buf, (uint32) s->ordinals[i]);
		pq_sendint32(&buf, (uint32) VARSIZE_ANY_EXHDR(b));
		pq_sendbytes(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(qseries_recv);
Datum
qseries_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		n = (int32) pq_getmsgint(buf, 4);
	int32	   *ordinals;
	Numeric    *values;
	int			i;

	/* each element needs at least 8 bytes, so n is bounded by the message */
	if (n < 0 || n > (buf->len - buf->cursor) / 8)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid element count in binary qseries: %d", n)));
	ordinals = palloc(sizeof(int32) * Max(n, 1));
	values = palloc(sizeof(Numeric) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		int32		len;
		StringInfoData elem;

		ordinals[i] = (int32) pq_getmsgint(buf, 4);
		if (!quarter_ordinal_is_valid(ordinals[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("quarter out of range in binary qseries: %d", ordinals[i])));
		len = (int32) pq_getmsgint(buf, 4);
		if (len < 0 || len > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid value length in binary qseries: %d", len)));
		/* a read-only view of the element's bytes */
		elem.data = &buf->data[buf->cursor];
		elem.len = len;
		elem.maxlen = len;
		elem.cursor = 0;
		buf->cursor += len;
		values[i] = DatumGetNumeric(DirectFunctionCall3(numeric_recv, PointerGetDatum(&elem),
														ObjectIdGetDatum(InvalidOid),
														Int32GetDatum(-1)));
		if (elem.cursor != elem.len)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("trailing bytes in a binary qseries value")));
	}
	PG_RETURN_POINTER(qseries_build(n, ordinals, values));
}
