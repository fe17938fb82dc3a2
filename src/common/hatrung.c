/*
 * hatrung.c
 *	  The module's one PG_MODULE_MAGIC; every feature lives in its own folder.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
