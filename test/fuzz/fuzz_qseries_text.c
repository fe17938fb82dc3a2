/*
 * fuzz_qseries_text.c
 *	  libFuzzer harness for the qseries text scanner: it must stop, stay
 *	  inside its input, and whatever it accepts, written back canonically,
 *	  must scan to the same periods and value texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/growth/qseries_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ITEMS 256

typedef struct Scanned
{
	int			n;
	int32_t		ordinals[MAX_ITEMS];
	const char *values[MAX_ITEMS];
	size_t		value_lens[MAX_ITEMS];
} Scanned;

/* Scans text into out; returns the final status.  Stops early past MAX_ITEMS. */
static QSeriesScanStatus
scan_all(const char *text, size_t len, Scanned *out)
{
	QSeriesScanner scan;
	QSeriesItem item;
	QSeriesScanStatus st;
	size_t		steps = 0;

	out->n = 0;
	qseries_scan_begin(&scan, text, len);
	while ((st = qseries_scan_next(&scan, &item)) == QSCAN_ITEM)
	{
		/* every element consumes at least its ':' and its separator */
		if (++steps > len / 2 + 1)
			abort();
		if (item.period < text || item.period + item.period_len > text + len ||
			item.value < text || item.value + item.value_len > text + len ||
			!quarter_ordinal_is_valid(item.ordinal))
			abort();
		if (memchr(item.value, ',', item.value_len) || memchr(item.value, '}', item.value_len))
			abort();
		if (out->n == MAX_ITEMS)
			return QSCAN_ITEM;
		out->ordinals[out->n] = item.ordinal;
		out->values[out->n] = item.value;
		out->value_lens[out->n] = item.value_len;
		out->n++;
	}
	if (st == QSCAN_BAD_PERIOD &&
		(item.period < text || item.period + item.period_len > text + len ||
		 item.period_status == QUARTER_OK))
		abort();
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *text = malloc(size ? size : 1);
	Scanned    *first = malloc(sizeof(Scanned));
	Scanned    *again = malloc(sizeof(Scanned));

	memcpy(text, data, size);
	if (scan_all(text, size, first) == QSCAN_END)
	{
		/* canonical rewrite: periods as YYYY-Qn, values verbatim */
		size_t		cap = size + (size_t) first->n * QUARTER_TEXT_BUFSIZE + 3;
		char	   *canon = malloc(cap);
		size_t		at = 0;
		int			i;

		canon[at++] = '{';
		for (i = 0; i < first->n; i++)
		{
			if (i > 0)
				canon[at++] = ',';
			at += (size_t) quarter_format(first->ordinals[i], canon + at);
			canon[at++] = ':';
			memcpy(canon + at, first->values[i], first->value_lens[i]);
			at += first->value_lens[i];
		}
		canon[at++] = '}';
		if (scan_all(canon, at, again) != QSCAN_END || again->n != first->n)
			abort();
		for (i = 0; i < first->n; i++)
			if (again->ordinals[i] != first->ordinals[i] ||
				again->value_lens[i] != first->value_lens[i] ||
				memcmp(again->values[i], first->values[i], first->value_lens[i]) != 0)
				abort();
		free(canon);
	}
	free(again);
	free(first);
	free(text);
	return 0;
}
