/*
 * drop_guard.h
 *	  The setting hatrung.allow_drop (defined in hatrung.c), read by the
 *	  DROP guard (drop_guard.c).
 */
#ifndef HATRUNG_DROP_GUARD_H
#define HATRUNG_DROP_GUARD_H

extern bool hatrung_allow_drop;

#endif							/* HATRUNG_DROP_GUARD_H */
