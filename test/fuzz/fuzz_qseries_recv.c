/*
 * fuzz_qseries_recv.c
 *	  libFuzzer harness for the qseries binary reader (the framing behind
 *	  qseries_recv): it must stop, stay inside the message, and a message it
 *	  accepts, encoded again from what it read, must be the bytes it consumed,
 *	  and every value it hands on must be sized like a binary numeric.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/growth/qseries_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
put32(uint8_t *buf, size_t at, int32_t v)
{
	uint32_t	u = (uint32_t) v;

	buf[at] = (uint8_t) (u >> 24);
	buf[at + 1] = (uint8_t) (u >> 16);
	buf[at + 2] = (uint8_t) (u >> 8);
	buf[at + 3] = (uint8_t) u;
	return at + 4;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *msg = malloc(size ? size : 1);
	uint8_t    *again = malloc(size + 8);
	QSeriesReader rd;
	QSeriesRecvStatus st;
	int32_t		count,
				ordinal,
				items = 0;
	const uint8_t *value;
	size_t		value_len,
				at;

	memcpy(msg, data, size);
	st = qseries_recv_begin(&rd, msg, size, &count);
	if (st == QRECV_ITEM)
	{
		if (count < 0 || (size_t) count * QSERIES_RECV_MIN_ELEMENT > size)
			abort();
		at = put32(again, 0, count);
		while ((st = qseries_recv_next(&rd, &ordinal, &value, &value_len)) == QRECV_ITEM)
		{
			if (++items > count || value < msg || value + value_len > msg + size ||
				!quarter_ordinal_is_valid(ordinal) || value_len < QSERIES_NUMERIC_HEADER ||
				value_len != QSERIES_NUMERIC_HEADER + 2 * (size_t) ((value[0] << 8) | value[1]))
				abort();
			at = put32(again, at, ordinal);
			at = put32(again, at, (int32_t) value_len);
			memcpy(again + at, value, value_len);
			at += value_len;
		}
		if (st == QRECV_END)
		{
			if (items != count || at != size - rd.left || memcmp(again, msg, at) != 0)
				abort();
		}
		else if (st != QRECV_BAD_QUARTER && st != QRECV_BAD_LENGTH && st != QRECV_BAD_VALUE &&
				 st != QRECV_TRUNCATED)
			abort();
	}
	else if (st != QRECV_BAD_COUNT && st != QRECV_TRUNCATED)
		abort();
	free(again);
	free(msg);
	return 0;
}
