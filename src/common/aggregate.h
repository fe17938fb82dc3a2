/*
 * aggregate.h
 *	  What hatrung's aggregate support functions share.
 */
#ifndef HATRUNG_AGGREGATE_H
#define HATRUNG_AGGREGATE_H

#include "postgres.h"

#include "fmgr.h"

/*
 * The aggregate's long-lived memory context.  Support functions update
 * their state in place, which is only safe inside an aggregate: called any
 * other way (any user can call them from SQL) they refuse.
 */
static inline MemoryContext
aggregate_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s can only be called by its aggregate", fn)));
	return aggcxt;
}

#endif							/* HATRUNG_AGGREGATE_H */
