/*
 * quarter_core.h
 *	  The calendar quarter as a plain integer: parsing, formatting and
 *	  calendar arithmetic, with no PostgreSQL dependency.
 *
 * A quarter is stored as the ordinal  year * 4 + (quarter_of_year - 1),
 * so that ordinal + 1 is always the next quarter and integer order is
 * calendar order.  Years 1..9999 are valid, i.e. ordinals 4..39999.
 *
 * Nothing here throws or allocates: every fallible function returns a
 * QuarterStatus, and the PostgreSQL glue maps it to an SQLSTATE.
 */
#ifndef HATRUNG_QUARTER_CORE_H
#define HATRUNG_QUARTER_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QUARTER_MIN_YEAR	1
#define QUARTER_MAX_YEAR	9999
#define QUARTER_MIN_ORDINAL (QUARTER_MIN_YEAR * 4)
#define QUARTER_MAX_ORDINAL (QUARTER_MAX_YEAR * 4 + 3)

/* Longest text quarter_format() or quarter_format_vi() writes, with NUL. */
#define QUARTER_TEXT_BUFSIZE 24

typedef enum QuarterStatus
{
	QUARTER_OK = 0,
	QUARTER_BAD_SYNTAX,			/* not one of the accepted forms */
	QUARTER_BAD_QUARTER_NUMBER, /* well-formed but quarter not 1..4 */
	QUARTER_SHORT_YEAR,			/* year written with fewer than 4 digits */
	QUARTER_YEAR_OUT_OF_RANGE,	/* well-formed year outside 1..9999 */
	QUARTER_OUT_OF_RANGE,		/* arithmetic or conversion left 1..9999 */
	QUARTER_BAD_PARAMETER,		/* an argument outside its domain */
	QUARTER_BAD_MONTHS			/* a cumulative period not of 3, 6, 9 or 12 months */
} QuarterStatus;

/* Ordinal <-> (year, quarter of year); no validation on the way in. */
static inline int32_t
quarter_make_ordinal(int32_t year, int32_t q)
{
	return year * 4 + (q - 1);
}

static inline int32_t
quarter_year(int32_t ordinal)
{
	return ordinal / 4;
}

static inline int32_t
quarter_of_year(int32_t ordinal)
{
	return ordinal % 4 + 1;
}

static inline bool
quarter_ordinal_is_valid(int64_t ordinal)
{
	return ordinal >= QUARTER_MIN_ORDINAL && ordinal <= QUARTER_MAX_ORDINAL;
}

/*
 * Parse a quarter written in any accepted form (see quarter_core.c).
 * `text` need not be NUL-terminated; `len` bytes are read, UTF-8 expected.
 */
extern QuarterStatus quarter_parse(const char *text, size_t len, int32_t *ordinal);

/* Build from year and quarter of year, validating both. */
extern QuarterStatus quarter_from_parts(int64_t year, int64_t q, int32_t *ordinal);

/* Add a signed number of quarters, checking the result stays in range. */
extern QuarterStatus quarter_add(int32_t ordinal, int64_t n, int32_t *result);

/* Canonical "YYYY-Qn"; returns the length written. buf: QUARTER_TEXT_BUFSIZE. */
extern int	quarter_format(int32_t ordinal, char *buf);

/* Vietnamese report label "quý I-2023" (UTF-8); returns the length written. */
extern int	quarter_format_vi(int32_t ordinal, char *buf);

/*
 * Calendar: days are counted from 2000-01-01 (day 0), PostgreSQL's date
 * epoch, in the proleptic Gregorian calendar.
 */
extern int32_t civil_to_days(int32_t year, int32_t month, int32_t day);
extern void days_to_civil(int32_t days, int32_t *year, int32_t *month, int32_t *day);

/* First day and last day of a quarter, as day numbers. */
extern int32_t quarter_first_day(int32_t ordinal);
extern int32_t quarter_last_day(int32_t ordinal);

/* The quarter containing a day; QUARTER_OUT_OF_RANGE outside years 1..9999. */
extern QuarterStatus quarter_from_day(int32_t days, int32_t *ordinal);

/*
 * The fiscal quarter containing a day, for a fiscal year starting on the
 * first of `start_month` (1..12).  The fiscal year is named by the calendar
 * year in which it ends, so start_month = 1 gives calendar quarters.
 */
extern QuarterStatus quarter_fiscal_from_day(int32_t days, int32_t start_month,
											 int32_t *ordinal);

/* Integer form yyyyq (20231 is 2023-Q1), for tools without custom types. */
static inline int32_t
quarter_to_yyyyq(int32_t ordinal)
{
	return quarter_year(ordinal) * 10 + quarter_of_year(ordinal);
}

extern QuarterStatus quarter_from_yyyyq(int64_t yyyyq, int32_t *ordinal);

/*
 * A reporting period as a quarter range [lower, upper): any quarter
 * spelling, or a cumulative period from January ("6 tháng đầu năm 2023",
 * "9 tháng năm 2023", "cả năm 2023", "năm 2023").
 */
extern QuarterStatus period_parse_vi(const char *text, size_t len, int32_t *lower, int32_t *upper);

/*
 * Its label: "quý II-2023" for one quarter, "6 tháng đầu năm 2023" from
 * January, "năm 2023" for a whole year, otherwise "từ quý II-2023 đến
 * quý III-2023".  buf: PERIOD_TEXT_BUFSIZE bytes; returns the length.
 */
#define PERIOD_TEXT_BUFSIZE 64
extern int	period_format_vi(int32_t lower, int32_t upper, char *buf);

#endif							/* HATRUNG_QUARTER_CORE_H */
