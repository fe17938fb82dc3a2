/*
 * vnnum_core.h
 *	  Numbers as Vietnamese reports write them: decimal comma, dot (or
 *	  space) between thousands, optional scale words.  Pure C.
 *
 *	 "22,756"        -> 22.756		"1.041,6"      -> 1041.6
 *	 "12.439,9"      -> 12439.9		"685,528 tỷ"   -> 685528000000
 *	 "-5" "−5"       -> -5			"1 234 567"    -> 1234567
 *
 * Thousands groups must be exactly three digits, so "1.5" (an English
 * decimal point?) is refused instead of being read as 15.
 */
#ifndef HATRUNG_VNNUM_CORE_H
#define HATRUNG_VNNUM_CORE_H

#include <stddef.h>

typedef enum VnNumStatus
{
	VNNUM_OK = 0,
	VNNUM_EMPTY,				/* nothing but white space */
	VNNUM_BAD_SYNTAX,			/* not a number in Vietnamese notation */
	VNNUM_BAD_GROUPING,			/* thousands groups not of three digits */
	VNNUM_UNKNOWN_WORD,			/* text after the number is not a scale word */
	VNNUM_TOO_LONG				/* more digits than the output buffer holds */
} VnNumStatus;

/* Output buffer size for vnnum_parse and vnnum_format. */
#define VNNUM_BUFSIZE 160

/*
 * Parses `len` bytes of UTF-8 into a plain decimal string ("-1041.6",
 * "685528000000") that numeric input reads; the scale word, if any, is
 * applied by moving the decimal point.
 */
extern VnNumStatus vnnum_parse(const char *text, size_t len, char *out);

/*
 * The same, also telling the power of ten its scale words applied (0
 * when the number has none), so a loader can tell "22,756 triệu" (a count
 * of units) from "22,756" (already in the indicator's unit).
 */
extern VnNumStatus vnnum_parse_scaled(const char *text, size_t len, char *out,
									  int *scale_exp10);

/*
 * Formats a plain decimal string ("-1041.60", as numeric prints it) the
 * Vietnamese way: "-1.041,60".  Returns 0, or -1 if the input is not a
 * plain decimal or does not fit.
 */
extern int	vnnum_format(const char *plain, char *out, size_t outsize);

#endif							/* HATRUNG_VNNUM_CORE_H */
