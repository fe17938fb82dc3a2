/*
 * ntm_pg.h
 *	  What the NTM glue files share: the decision for one measurement, so
 *	  the indicator view and the scoring aggregate can never disagree.
 */
#ifndef HATRUNG_NTM_PG_H
#define HATRUNG_NTM_PG_H

#include "postgres.h"

#include "ntm/ntm_core.h"
#include "utils/numeric.h"

/*
 * The status of one measurement: value (NULL if none) for >=, <=, =, or
 * the yes/no answer (have_yes false if none) for yes; threshold NULL when
 * none is configured.  NaN counts as no value.
 */
extern NtmStatus ntm_measurement_status(NtmComparison op, Numeric value, bool have_yes,
										bool yes, Numeric threshold);

#endif							/* HATRUNG_NTM_PG_H */
