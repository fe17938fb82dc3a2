/*
 * fuzz_season.c
 *	  libFuzzer harness for the crop season parser: it must never crash or
 *	  read past its input, and every season it accepts must be valid and its
 *	  label must parse back to it.  The first four bytes as the binary form
 *	  (a big-endian int4, what crop_season_recv checks) must print a label
 *	  that reads back whenever they are accepted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/season/season_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(int32_t ordinal)
{
	char		buf[SEASON_TEXT_BUFSIZE];
	int32_t		back = -1;
	int			n = season_format_vi(ordinal, buf);

	if (n >= SEASON_TEXT_BUFSIZE || season_parse(buf, (size_t) n, &back) != SEASON_OK || back != ordinal)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches any read past the end */
	char	   *text = malloc(size ? size : 1);
	int32_t		ordinal = 0;

	memcpy(text, data, size);
	if (season_parse(text, size, &ordinal) == SEASON_OK)
	{
		if (!season_ordinal_is_valid(ordinal))
			abort();
		round_trip(ordinal);
	}
	if (size >= 4)
	{
		int32_t		wire = (int32_t) (((uint32_t) data[0] << 24) | ((uint32_t) data[1] << 16) |
									  ((uint32_t) data[2] << 8) | (uint32_t) data[3]);

		if (season_ordinal_is_valid(wire))
			round_trip(wire);
	}
	free(text);
	return 0;
}
