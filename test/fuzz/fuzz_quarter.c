/*
 * fuzz_quarter.c
 *	  libFuzzer harness for the quarter parser: it must never crash, never
 *	  read past its input, and everything it accepts must print and parse
 *	  back to the same quarter.
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
	free(text);
	return 0;
}
