/*
 * vnnum_core.c
 *	  Reading and writing numbers in Vietnamese notation.
 */
#include "vnnum_core.h"

#include <stdbool.h>
#include <string.h>

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Width of a white-space character at s (ASCII, U+00A0, U+202F), or 0. */
static size_t
space_width(const char *s, const char *end)
{
	const unsigned char *u = (const unsigned char *) s;

	if (s >= end)
		return 0;
	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		return 1;
	if (end - s >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (end - s >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

static const char *
skip_spaces(const char *s, const char *end)
{
	size_t		w;

	while ((w = space_width(s, end)) > 0)
		s += w;
	return s;
}

/* Scale words and the power of ten each stands for. */
static const struct
{
	const char *word;
	int			exp10;
}			scale_words[] = {
	{"ngh\xC3\xACn", 3}, {"nghin", 3},	/* nghìn */
	{"ng\xC3\xA0n", 3}, {"ngan", 3},	/* ngàn */
	{"v\xE1\xBA\xA1n", 4}, {"van", 4},	/* vạn */
	{"tri\xE1\xBB\x87u", 6}, {"trieu", 6},	/* triệu */
	{"t\xE1\xBB\xB7", 9}, {"ty", 9},	/* tỷ */
	{"t\xE1\xBB\x89", 9}, {"ti", 9},	/* tỉ */
};

/* Matches a scale word at s (ASCII letters case-insensitively). */
static int
match_scale_word(const char *s, const char *end, const char **next)
{
	size_t		i;

	for (i = 0; i < sizeof(scale_words) / sizeof(scale_words[0]); i++)
	{
		const char *w = scale_words[i].word;
		size_t		n = strlen(w),
					k;

		if ((size_t) (end - s) < n)
			continue;
		for (k = 0; k < n; k++)
		{
			char		c = s[k];

			if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			if (c != w[k])
				break;
		}
		/* the word must end here: not the start of a longer word */
		if (k == n && (s + n == end || space_width(s + n, end) > 0))
		{
			*next = s + n;
			return scale_words[i].exp10;
		}
	}
	return -1;
}

VnNumStatus
vnnum_parse(const char *text, size_t len, char *out)
{
	return vnnum_parse_scaled(text, len, out, NULL);
}

VnNumStatus
vnnum_parse_scaled(const char *text, size_t len, char *out, int *scale_exp10)
{
	const char *s = text;
	const char *end = text + len;
	char		intpart[VNNUM_BUFSIZE];
	char		frac[VNNUM_BUFSIZE];
	size_t		ni = 0,
				nf = 0,
				i;
	bool		negative = false;
	int			exp10 = 0;
	char	   *o = out;

	s = skip_spaces(s, end);
	while (end > s)
	{
		/* trim trailing white space */
		size_t		w = 0;
		const char *p;

		for (p = end - 1; p >= s && p >= end - 3; p--)
			if (space_width(p, end) == (size_t) (end - p))
				w = (size_t) (end - p);
		if (w == 0)
			break;
		end -= w;
	}
	if (s == end)
		return VNNUM_EMPTY;

	if (*s == '-' || *s == '+')
		negative = (*s++ == '-');
	else if (end - s >= 3 && (unsigned char) s[0] == 0xE2 &&
			 (unsigned char) s[1] == 0x88 && (unsigned char) s[2] == 0x92)
	{
		negative = true;		/* U+2212 minus sign */
		s += 3;
	}

	/* integer part: digits, optionally grouped by '.' or white space */
	if (s == end || !is_digit(*s))
		return VNNUM_BAD_SYNTAX;
	{
		size_t		group = 0;
		char		sep = 0;	/* '.' or ' ' once grouping is seen */

		for (;;)
		{
			size_t		w;

			if (s < end && is_digit(*s))
			{
				if (ni + 1 >= VNNUM_BUFSIZE)
					return VNNUM_TOO_LONG;
				intpart[ni++] = *s++;
				group++;
				continue;
			}
			w = (s < end && *s == '.') ? 1 : space_width(s, end);
			/* a separator counts only if three digits and then no digit follow */
			if (w > 0 && (sep == 0 || sep == (w == 1 && *s == '.' ? '.' : ' ')) &&
				end - (s + w) >= 3 && is_digit(s[w]) && is_digit(s[w + 1]) &&
				is_digit(s[w + 2]) && (s + w + 3 == end || !is_digit(s[w + 3])))
			{
				if (sep == 0 ? group > 3 : group != 3)
					return VNNUM_BAD_GROUPING;
				sep = (w == 1 && *s == '.') ? '.' : ' ';
				s += w;
				group = 0;
				continue;
			}
			if (s < end && *s == '.')
				return VNNUM_BAD_GROUPING;	/* "1.5", "1.23": not a thousands group */
			break;
		}
		if (sep != 0 && group != 3)
			return VNNUM_BAD_GROUPING;
	}

	/* decimal part */
	if (s < end && *s == ',')
	{
		s++;
		if (s == end || !is_digit(*s))
			return VNNUM_BAD_SYNTAX;
		while (s < end && is_digit(*s))
		{
			if (nf + 1 >= VNNUM_BUFSIZE)
				return VNNUM_TOO_LONG;
			frac[nf++] = *s++;
		}
	}

	/* scale words: "triệu", "tỷ", "nghìn tỷ" */
	for (i = 0; i < 2; i++)
	{
		const char *p = skip_spaces(s, end);
		const char *next;
		int			e;

		if (p == end)
			break;
		if (p == s)
			return VNNUM_BAD_SYNTAX;	/* "12x", "1,5,6" */
		if (is_digit(*p))
			return VNNUM_BAD_GROUPING;	/* "1.234 567", "12 34" */
		e = match_scale_word(p, end, &next);
		if (e < 0)
			return VNNUM_UNKNOWN_WORD;
		exp10 += e;
		s = next;
	}
	if (skip_spaces(s, end) != end)
		return s == skip_spaces(s, end) ? VNNUM_BAD_SYNTAX : VNNUM_UNKNOWN_WORD;

	if (scale_exp10)
		*scale_exp10 = exp10;
	/* assemble, moving the decimal point right by exp10 */
	if (ni + nf + (size_t) exp10 + 4 >= VNNUM_BUFSIZE)
		return VNNUM_TOO_LONG;
	if (negative)
		*o++ = '-';
	memcpy(o, intpart, ni);
	o += ni;
	for (i = 0; i < (size_t) exp10; i++)
		*o++ = i < nf ? frac[i] : '0';
	if (nf > (size_t) exp10)
	{
		*o++ = '.';
		memcpy(o, frac + exp10, nf - exp10);
		o += nf - exp10;
	}
	*o = '\0';
	return VNNUM_OK;
}

int
vnnum_format(const char *plain, char *out, size_t outsize)
{
	const char *p = plain;
	const char *dot;
	size_t		ndigits,
				i,
				need;
	char	   *o = out;

	if (*p == '-')
		p++;
	dot = strchr(p, '.');
	ndigits = dot ? (size_t) (dot - p) : strlen(p);
	if (ndigits == 0)
		return -1;
	for (i = 0; i < ndigits; i++)
		if (!is_digit(p[i]))
			return -1;
	if (dot)
		for (i = 1; dot[i]; i++)
			if (!is_digit(dot[i]))
				return -1;
	need = strlen(plain) + ndigits / 3 + 2;
	if (need > outsize)
		return -1;
	if (*plain == '-')
		*o++ = '-';
	for (i = 0; i < ndigits; i++)
	{
		if (i > 0 && (ndigits - i) % 3 == 0)
			*o++ = '.';
		*o++ = p[i];
	}
	if (dot && dot[1])
	{
		*o++ = ',';
		strcpy(o, dot + 1);
		o += strlen(dot + 1);
	}
	*o = '\0';
	return 0;
}
