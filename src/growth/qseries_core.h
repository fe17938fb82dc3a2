/*
 * qseries_core.h
 *	  The framing of qseries' text and binary forms, in plain C.
 *
 * These scanners find the elements of a series and check everything about
 * its shape (braces, separators, counts, lengths, periods); they leave the
 * numbers to numeric's own input functions.  Keeping them free of backend
 * calls lets the same code run under libFuzzer, sanitizers and valgrind.
 */
#ifndef HATRUNG_QSERIES_CORE_H
#define HATRUNG_QSERIES_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "../quarter/quarter_core.h"

/* ---- text form: {2023-Q1:820,2023-Q2:801.5} ---------------------------- */

typedef enum QSeriesScanStatus
{
	QSCAN_ITEM = 0,				/* *item describes the next element */
	QSCAN_END,					/* the closing brace, and nothing after it */
	QSCAN_NO_OPEN_BRACE,		/* text does not start with "{" */
	QSCAN_NO_COLON,				/* an element without "period:value" */
	QSCAN_BAD_PERIOD,			/* item->period* and item->period_status say why */
	QSCAN_NO_CLOSE_BRACE,		/* text ends before "}" */
	QSCAN_TRAILING				/* something after "}" */
} QSeriesScanStatus;

typedef struct QSeriesScanner
{
	const char *p;				/* next unread byte */
	const char *end;			/* one past the last byte */
	int			state;			/* 0 before "{", 1 inside, 2 after "}" */
} QSeriesScanner;

typedef struct QSeriesItem
{
	const char *period;			/* the period as written (not terminated) */
	size_t		period_len;
	QuarterStatus period_status;
	int32_t		ordinal;		/* valid when period_status is QUARTER_OK */
	const char *value;			/* the value as written, for numeric input */
	size_t		value_len;
} QSeriesItem;

extern void qseries_scan_begin(QSeriesScanner *scan, const char *text, size_t len);
extern QSeriesScanStatus qseries_scan_next(QSeriesScanner *scan, QSeriesItem *item);

/* ---- binary form: int4 n, then n × (int4 ordinal, int4 len, len bytes) -- */

typedef enum QSeriesRecvStatus
{
	QRECV_ITEM = 0,				/* the next element's ordinal and bytes */
	QRECV_END,					/* all n elements read */
	QRECV_BAD_COUNT,			/* n negative or larger than the message allows */
	QRECV_BAD_QUARTER,			/* an ordinal outside years 1..9999 */
	QRECV_BAD_LENGTH,			/* a length negative or past the message */
	QRECV_BAD_VALUE,			/* value bytes not sized like a binary numeric */
	QRECV_TRUNCATED				/* the message ends inside a header */
} QSeriesRecvStatus;

typedef struct QSeriesReader
{
	const uint8_t *p;
	size_t		left;			/* unread bytes */
	int32_t		remaining;		/* elements still to read */
	int32_t		last_length;	/* the length word last read, for messages */
} QSeriesReader;

/* Smallest binary element: ordinal and length words, no value bytes. */
#define QSERIES_RECV_MIN_ELEMENT 8

/*
 * A binary numeric is int16 ndigits, weight, sign, dscale, then ndigits
 * int16 digits; checking the size here means numeric_recv never runs out of
 * bytes (which it reports as a protocol violation) nor leaves any over.
 */
#define QSERIES_NUMERIC_HEADER 8

extern QSeriesRecvStatus qseries_recv_begin(QSeriesReader *rd, const uint8_t *data,
											size_t len, int32_t *count);
extern QSeriesRecvStatus qseries_recv_next(QSeriesReader *rd, int32_t *ordinal,
										   const uint8_t **value, size_t *value_len);

#endif							/* HATRUNG_QSERIES_CORE_H */
