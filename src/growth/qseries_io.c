/*
 * qseries_io.c
 *	  Building qseries values, and their text and binary forms.
 *
 * Text form: {2023-Q1:820,2023-Q2:801.5} — periods ascending, canonical
 * quarter text, numeric values as numeric prints them.  Input accepts any
 * quarter spelling and any order, and rejects repeated periods.
 */
#include "postgres.h"
#include "common/compat.h"

#include "growth/growth_core.h"
#include "growth/qseries_core.h"
#include "libpq/pqformat.h"
#include "lib/stringinfo.h"
#include "qseries.h"
#include "quarter/quarter_pg.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

static int
cmp_elem_by_ordinal(const void *a, const void *b)
{
	int32		x = ((const QSeriesElem *) a)->ordinal;
	int32		y = ((const QSeriesElem *) b)->ordinal;

	return (x > y) - (x < y);
}

/*
 * Sorts elements by period.  Aggregate input is usually a few ascending
 * runs (one per parallel worker, concatenated by the combine step), so
 * ascending runs are merged pairwise; many runs mean unordered input, for
 * which qsort is better.
 */
static void
sort_elems(QSeriesElem *elems, int n)
{
	int		   *bounds = palloc(sizeof(int) * (n + 1));
	int			runs = 0;
	int			i;
	QSeriesElem *src = elems;
	QSeriesElem *dst;

	bounds[runs++] = 0;
	for (i = 1; i < n; i++)
		if (elems[i - 1].ordinal > elems[i].ordinal)
			bounds[runs++] = i;
	bounds[runs] = n;
	if (runs > 16)
	{
		qsort(elems, n, sizeof(QSeriesElem), cmp_elem_by_ordinal);
		pfree(bounds);
		return;
	}
	dst = palloc(sizeof(QSeriesElem) * n);
	while (runs > 1)
	{
		int			merged = 0;
		QSeriesElem *swap;

		for (i = 0; i < runs; i += 2)
		{
			int			lo = bounds[i],
						mid = bounds[Min(i + 1, runs)],
						hi = bounds[Min(i + 2, runs)],
						a = lo,
						b = mid,
						k = lo;

			while (a < mid && b < hi)
				dst[k++] = src[b].ordinal < src[a].ordinal ? src[b++] : src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
			bounds[merged++] = lo;
		}
		bounds[merged] = n;
		runs = merged;
		swap = src;
		src = dst;
		dst = swap;
	}
	if (src != elems)
		memcpy(elems, src, sizeof(QSeriesElem) * n);
	pfree(src == elems ? dst : src);
	pfree(bounds);
}

QSeries *
qseries_build_elems(int n, QSeriesElem *elems)
{
	Size		header = offsetof(QSeries, ordinals) + (Size) n * (sizeof(int32) + sizeof(uint32));
	Size		size = INTALIGN(header);
	bool		sorted = true;
	QSeries    *s;
	char	   *data;
	int			i;

	if (n > (int) ((MaxAllocSize - 64) / 16))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too long: %d periods", n)));
	for (i = 0; i < n; i++)
	{
		size += INTALIGN(VARHDRSZ + (Size) elems[i].len);
		if (i > 0 && elems[i - 1].ordinal > elems[i].ordinal)
			sorted = false;
	}
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("quarterly series too large")));
	if (!sorted)
		sort_elems(elems, n);

	s = palloc0(size);
	SET_VARSIZE(s, size);
	s->n = n;
	data = (char *) s + INTALIGN(header);
	for (i = 0; i < n; i++)
	{
		s->ordinals[i] = elems[i].ordinal;
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
		SET_VARSIZE(data, VARHDRSZ + elems[i].len);
		memcpy(data + VARHDRSZ, elems[i].payload, elems[i].len);
		data += INTALIGN(VARHDRSZ + (Size) elems[i].len);
	}
	return s;
}

QSeries *
qseries_build(int n, int32 *ordinals, Numeric *values)
{
	QSeriesElem *elems = palloc(sizeof(QSeriesElem) * Max(n, 1));
	QSeries    *s;
	int			i;

	for (i = 0; i < n; i++)
	{
		elems[i].ordinal = ordinals[i];
		elems[i].payload = VARDATA_ANY(values[i]);
		elems[i].len = (uint32) VARSIZE_ANY_EXHDR(values[i]);
	}
	s = qseries_build_elems(n, elems);
	pfree(elems);
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

/* Grows the parallel arrays that collect a series' elements. */
typedef struct QSeriesElements
{
	int			n;
	int			cap;
	int32	   *ordinals;
	Numeric    *values;
} QSeriesElements;

static void
elements_init(QSeriesElements *e, int cap)
{
	e->n = 0;
	e->cap = Max(cap, 1);
	e->ordinals = palloc(sizeof(int32) * e->cap);
	e->values = palloc(sizeof(Numeric) * e->cap);
}

static void
elements_add(QSeriesElements *e, int32 ordinal, Numeric value)
{
	if (e->n == e->cap)
	{
		e->cap *= 2;
		e->ordinals = repalloc(e->ordinals, sizeof(int32) * e->cap);
		e->values = repalloc(e->values, sizeof(Numeric) * e->cap);
	}
	e->ordinals[e->n] = ordinal;
	e->values[e->n] = value;
	e->n++;
}

PG_FUNCTION_INFO_V1(qseries_in);
Datum
qseries_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	QSeriesScanner scan;
	QSeriesItem item;
	QSeriesElements elems;

	elements_init(&elems, 8);
	qseries_scan_begin(&scan, str, strlen(str));
	for (;;)
	{
		switch (qseries_scan_next(&scan, &item))
		{
			case QSCAN_ITEM:
				{
					char	   *text = pnstrdup(item.value, item.value_len);

					elements_add(&elems, item.ordinal,
								 DatumGetNumeric(DirectFunctionCall3(numeric_in,
																	 CStringGetDatum(text),
																	 ObjectIdGetDatum(InvalidOid),
																	 Int32GetDatum(-1))));
					pfree(text);
					continue;
				}
			case QSCAN_END:
				break;
			case QSCAN_NO_OPEN_BRACE:
				bad_text(str, "A series starts with \"{\".");
				break;
			case QSCAN_NO_COLON:
				bad_text(str, "Each element is period:value.");
				break;
			case QSCAN_BAD_PERIOD:
				quarter_raise(item.period_status, pnstrdup(item.period, item.period_len), NULL);
				break;
			case QSCAN_NO_CLOSE_BRACE:
				bad_text(str, "A series ends with \"}\".");
				break;
			case QSCAN_TRAILING:
				bad_text(str, "Unexpected text after \"}\".");
				break;
		}
		break;
	}
	PG_RETURN_POINTER(qseries_build(elems.n, elems.ordinals, elems.values));
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

static void
bad_binary(QSeriesRecvStatus st, int32 count, int32 ordinal, int32 length)
{
	switch (st)
	{
		case QRECV_BAD_QUARTER:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("quarter out of range in binary qseries: %d", ordinal)));
			break;
		case QRECV_BAD_COUNT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid element count in binary qseries: %d", count)));
			break;
		case QRECV_BAD_LENGTH:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid value length in binary qseries: %d", length)));
			break;
		case QRECV_BAD_VALUE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid numeric value of %d bytes in binary qseries", length),
					 errdetail("A value is a binary numeric: 8 header bytes and 2 bytes per digit.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("insufficient data left in binary qseries")));
			break;
	}
}

PG_FUNCTION_INFO_V1(qseries_recv);
Datum
qseries_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	QSeriesReader rd;
	QSeriesRecvStatus st;
	QSeriesElements elems;
	int32		count;
	int32		ordinal;
	const uint8 *bytes;
	size_t		len;

	st = qseries_recv_begin(&rd, (const uint8 *) buf->data + buf->cursor,
							(size_t) (buf->len - buf->cursor), &count);
	if (st != QRECV_ITEM)
		bad_binary(st, count, 0, 0);
	elements_init(&elems, count);
	while ((st = qseries_recv_next(&rd, &ordinal, &bytes, &len)) == QRECV_ITEM)
	{
		/* a read-only view of the element's bytes for numeric_recv */
		StringInfoData elem;

		elem.data = (char *) bytes;
		elem.len = (int) len;
		elem.maxlen = (int) len;
		elem.cursor = 0;
		elements_add(&elems, ordinal,
					 DatumGetNumeric(DirectFunctionCall3(numeric_recv, PointerGetDatum(&elem),
														 ObjectIdGetDatum(InvalidOid),
														 Int32GetDatum(-1))));
		if (elem.cursor != elem.len)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("trailing bytes in a binary qseries value")));
	}
	if (st != QRECV_END)
		bad_binary(st, count, ordinal, rd.last_length);
	buf->cursor = buf->len - (int) rd.left;
	PG_RETURN_POINTER(qseries_build(elems.n, elems.ordinals, elems.values));
}
