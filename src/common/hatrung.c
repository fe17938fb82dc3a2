/*
 * hatrung.c
 *	  The module's one PG_MODULE_MAGIC and its settings; every feature lives
 *	  in its own folder.
 */
#include "postgres.h"
#include "common/compat.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "growth/growth_numeric.h"
#include "security/drop_guard.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomBoolVariable("hatrung.numeric_fast_path",
							 "Computes numeric growth measures of ordinary-sized figures in 128-bit integers.",
							 "Off sends every figure through PostgreSQL's numeric functions; "
							 "the answers are the same either way, only the speed differs.",
							 &hatrung_numeric_fast_path,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomBoolVariable("hatrung.allow_drop",
							 "Lets DROP EXTENSION hatrung delete the figures users added.",
							 "Off (the default): DROP EXTENSION hatrung, DROP SCHEMA of its schema and "
							 "DROP OWNED BY its owner are refused while any of its tables holds rows users added.",
							 &hatrung_allow_drop,
							 false,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);

	/*
	 * The prefix is not reserved: hatrung.harmonise_at is a plain custom
	 * setting that SQL functions read with current_setting().
	 */
}
