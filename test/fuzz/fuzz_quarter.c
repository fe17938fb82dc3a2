/*
 * fuzz_quarter.c
 *	  libFuzzer harness for the quarter parser: it must never crash, never
 *	  read past its input, and everything it accepts must print and parse
 *	  back to the same quarter.  The first four bytes, read as the binary
 *	  form (a big-endian int4, what quarter_recv checks), must be accepted
 *	  exactly when text output can print them back.  The same bytes read as
 *	  a reporting period must give a non-empty range of valid quarters whose
 *	  label reads back as the same range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/quarter/quarter_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *text = malloc(size ? size : 1);
	int32_t		ordinal = 0;

	memcpy(text, data, size);
	if (quarter_parse(text, size, &ordinal) == QUARTER_OK)
	{
		char		buf[QUARTER_TEXT_BUFSIZE];
		int32_t		back = -1;
		int			n;

		if (!quarter_ordinal_is_valid(ordinal))
			abort();
		n = quarter_format(ordinal, buf);
		if (quarter_parse(buf, (size_t) n, &back) != QUARTER_OK || back != ordinal)
			abort();
		n = quarter_format_vi(ordinal, buf);
		if (quarter_parse(buf, (size_t) n, &back) != QUARTER_OK || back != ordinal)
			abort();
	}
	{
		int32_t		lo = 0,
					hi = 0;

		if (period_parse_vi(text, size, &lo, &hi) == QUARTER_OK)
		{
			char		buf[PERIOD_TEXT_BUFSIZE];
			int32_t		lo2 = -1,
						hi2 = -1;
			int			n;

			if (!quarter_ordinal_is_valid(lo) || !quarter_ordinal_is_valid(hi) || hi <= lo)
				abort();
			n = period_format_vi(lo, hi, buf);
			if (n >= PERIOD_TEXT_BUFSIZE ||
				period_parse_vi(buf, (size_t) n, &lo2, &hi2) != QUARTER_OK || lo2 != lo || hi2 != hi)
				abort();
		}
	}
	if (size >= 4)
	{
		int32_t		wire = (int32_t) (((uint32_t) data[0] << 24) | ((uint32_t) data[1] << 16) |
									  ((uint32_t) data[2] << 8) | (uint32_t) data[3]);

		if (quarter_ordinal_is_valid(wire))
		{
			char		buf[QUARTER_TEXT_BUFSIZE];
			int32_t		back = -1;
			int			n = quarter_format(wire, buf);

			if (quarter_parse(buf, (size_t) n, &back) != QUARTER_OK || back != wire)
				abort();
		}
		else if (wire >= QUARTER_MIN_ORDINAL && wire <= QUARTER_MAX_ORDINAL)
			abort();
	}
	free(text);
	return 0;
}
