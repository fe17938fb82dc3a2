/*
 * fuzz_vnnum.c
 *	  libFuzzer harness for the Vietnamese number parser: no crash, no read
 *	  past the input, output always a plain decimal, and formatting that
 *	  output parses back to it.  The scale the parser reports is 0 exactly
 *	  when the text has no letter (the loaders divide by the indicator's
 *	  unit only when a scale word was written).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/vnnum/vnnum_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
is_plain_decimal(const char *s)
{
	int			dots = 0;

	if (*s == '-')
		s++;
	if (!*s)
		return 0;
	for (; *s; s++)
	{
		if (*s == '.')
			dots++;
		else if (*s < '0' || *s > '9')
			return 0;
	}
	return dots <= 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size ? size : 1);
	char		out[VNNUM_BUFSIZE];

	memcpy(text, data, size);
	if (vnnum_parse(text, size, out) == VNNUM_OK)
	{
		char		again[VNNUM_BUFSIZE];
		int			scale = -1;
		int			letters = 0;
		size_t		i;

		for (i = 0; i < size; i++)
			if ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z')
				letters = 1;
		if (vnnum_parse_scaled(text, size, again, &scale) != VNNUM_OK || strcmp(again, out) != 0 ||
			scale < 0 || (scale == 0) != !letters)
			abort();
	}
	if (vnnum_parse(text, size, out) == VNNUM_OK)
	{
		char		vn[VNNUM_BUFSIZE * 2];
		char		back[VNNUM_BUFSIZE];

		if (!is_plain_decimal(out))
			abort();
		if (vnnum_format(out, vn, sizeof(vn)) == 0 &&
			(vnnum_parse(vn, strlen(vn), back) != VNNUM_OK || strcmp(back, out) != 0))
			abort();
	}
	free(text);
	return 0;
}
