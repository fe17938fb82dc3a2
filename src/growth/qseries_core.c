/*
 * qseries_core.c
 *	  Scanners for the text and binary forms of qseries (see qseries_core.h).
 */
#include <string.h>

#include "qseries_core.h"

static const char *
skip_spaces(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

void
qseries_scan_begin(QSeriesScanner *scan, const char *text, size_t len)
{
	scan->p = text;
	scan->end = text + len;
	scan->state = 0;
}

/* After "}" only spaces may follow. */
static QSeriesScanStatus
scan_close(QSeriesScanner *scan)
{
	scan->state = 2;
	scan->p = skip_spaces(scan->p, scan->end);
	return scan->p == scan->end ? QSCAN_END : QSCAN_TRAILING;
}

QSeriesScanStatus
qseries_scan_next(QSeriesScanner *scan, QSeriesItem *item)
{
	const char *p = scan->p;
	const char *colon;
	const char *stop;

	memset(item, 0, sizeof(*item));
	if (scan->state == 2)
		return scan_close(scan);
	if (scan->state == 0)
	{
		p = skip_spaces(p, scan->end);
		if (p == scan->end || *p != '{')
			return QSCAN_NO_OPEN_BRACE;
		p = skip_spaces(p + 1, scan->end);
		scan->state = 1;
		if (p < scan->end && *p == '}')
		{
			scan->p = p + 1;
			return scan_close(scan);
		}
	}

	colon = memchr(p, ':', (size_t) (scan->end - p));
	if (colon == NULL)
		return QSCAN_NO_COLON;
	item->period = p;
	item->period_len = (size_t) (colon - p);
	item->period_status = quarter_parse(p, item->period_len, &item->ordinal);
	if (item->period_status != QUARTER_OK)
		return QSCAN_BAD_PERIOD;

	item->value = colon + 1;
	for (stop = item->value; stop < scan->end && *stop != ',' && *stop != '}'; stop++)
		;
	if (stop == scan->end)
		return QSCAN_NO_CLOSE_BRACE;
	item->value_len = (size_t) (stop - item->value);
	scan->p = stop + 1;
	if (*stop == '}')
		scan->state = 2;
	return QSCAN_ITEM;
}

static int32_t
read_int32_be(const uint8_t *p)
{
	return (int32_t) (((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
					  ((uint32_t) p[2] << 8) | (uint32_t) p[3]);
}

QSeriesRecvStatus
qseries_recv_begin(QSeriesReader *rd, const uint8_t *data, size_t len, int32_t *count)
{
	int32_t		n;

	rd->p = data;
	rd->left = len;
	rd->remaining = 0;
	rd->last_length = 0;
	*count = 0;
	if (len < 4)
		return QRECV_TRUNCATED;
	n = read_int32_be(data);
	rd->p += 4;
	rd->left -= 4;
	*count = n;
	/* every element needs its two header words, so n is bounded by the message */
	if (n < 0 || (size_t) n > rd->left / QSERIES_RECV_MIN_ELEMENT)
		return QRECV_BAD_COUNT;
	rd->remaining = n;
	return QRECV_ITEM;
}

QSeriesRecvStatus
qseries_recv_next(QSeriesReader *rd, int32_t *ordinal, const uint8_t **value, size_t *value_len)
{
	int32_t		len;

	*ordinal = 0;
	*value = NULL;
	*value_len = 0;
	if (rd->remaining == 0)
		return QRECV_END;
	if (rd->left < QSERIES_RECV_MIN_ELEMENT)
		return QRECV_TRUNCATED;
	*ordinal = read_int32_be(rd->p);
	if (!quarter_ordinal_is_valid(*ordinal))
		return QRECV_BAD_QUARTER;
	len = read_int32_be(rd->p + 4);
	rd->last_length = len;
	rd->p += QSERIES_RECV_MIN_ELEMENT;
	rd->left -= QSERIES_RECV_MIN_ELEMENT;
	if (len < 0 || (size_t) len > rd->left)
		return QRECV_BAD_LENGTH;
	if (len < QSERIES_NUMERIC_HEADER ||
		(size_t) len != QSERIES_NUMERIC_HEADER + 2 * (size_t) ((rd->p[0] << 8) | rd->p[1]))
		return QRECV_BAD_VALUE;
	*value = rd->p;
	*value_len = (size_t) len;
	rd->p += len;
	rd->left -= (size_t) len;
	rd->remaining--;
	return QRECV_ITEM;
}
