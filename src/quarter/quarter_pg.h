/*
 * quarter_pg.h
 *	  What the quarter glue files share: Datum conversions and the mapping
 *	  of core status codes to PostgreSQL errors.
 */
#ifndef HATRUNG_QUARTER_PG_H
#define HATRUNG_QUARTER_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "nodes/nodes.h"
#include "quarter_core.h"

/* quarter is pass-by-value: its Datum is the int32 ordinal */
#define DatumGetQuarter(d)		DatumGetInt32(d)
#define QuarterGetDatum(q)		Int32GetDatum(q)
#define PG_GETARG_QUARTER(n)	DatumGetQuarter(PG_GETARG_DATUM(n))
#define PG_RETURN_QUARTER(q)	return QuarterGetDatum(q)

/*
 * Raise the error for a failed core call.  `input` is what the user wrote
 * (quoted in the message) or NULL when the failure came from arithmetic.
 * With a soft-error context (PostgreSQL 16+), the error is saved instead
 * and the function returns.
 */
/* quarter_parse for text in the server encoding. */
extern QuarterStatus quarter_parse_server(const char *str, size_t len, int32 *ordinal);

/* period_parse_vi for text in the server encoding: [lower, upper). */
extern QuarterStatus period_parse_server(const char *str, size_t len, int32 *lower, int32 *upper);

extern void quarter_raise(QuarterStatus status, const char *input, Node *escontext);

/* Add n quarters or raise 22008. */
extern int32 quarter_add_or_raise(int32 ordinal, int64 n);

#endif							/* HATRUNG_QUARTER_PG_H */
