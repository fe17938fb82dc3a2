/*
 * qseries.h
 *	  hatrung.qseries: a compact quarterly series, the summary that the
 *	  quarterly_series aggregate builds and the accessors read.
 *
 * On disk (a varlena, 4-byte aligned):
 *	 int32 vl_len_;  int32 n;
 *	 int32 ordinals[n]		ascending, unique quarter ordinals
 *	 uint32 offsets[n]		byte offset of each value from the start
 *	 numeric values ...	each a full 4-byte-header numeric, INTALIGNed
 * NULL values are never stored: an absent period is unknown.
 */
#ifndef HATRUNG_QSERIES_H
#define HATRUNG_QSERIES_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/numeric.h"

typedef struct QSeries
{
	int32		vl_len_;
	int32		n;
	int32		ordinals[FLEXIBLE_ARRAY_MEMBER];
} QSeries;

#define QSERIES_OFFSETS(s)	((uint32 *) ((s)->ordinals + (s)->n))
#define QSERIES_VALUE(s, i) ((Numeric) ((char *) (s) + QSERIES_OFFSETS(s)[i]))
#define DatumGetQSeries(d)	((QSeries *) PG_DETOAST_DATUM(d))
#define PG_GETARG_QSERIES(n) DatumGetQSeries(PG_GETARG_DATUM(n))

/* One element on its way into a series: a numeric's bytes after its header. */
typedef struct QSeriesElem
{
	int32		ordinal;
	uint32		len;
	const char *payload;
} QSeriesElem;

/* Builds a series; sorts the elements (in place) and rejects duplicates. */
extern QSeries *qseries_build_elems(int n, QSeriesElem *elems);

/* The same from parallel arrays (numerics with either header form). */
extern QSeries *qseries_build(int n, int32 *ordinals, Numeric *values);

/* (y1/2 + y2 + ... + yn/2) / (n - 1); NULL below two values or with a NaN */
extern Numeric qseries_chronological_mean_of(QSeries *s);

/* Copy of the value at index i, in the current memory context. */
extern Numeric qseries_value_copy(const QSeries *s, int i);

#endif							/* HATRUNG_QSERIES_H */
