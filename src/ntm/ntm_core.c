/*
 * ntm_core.c
 *	  NTM indicator decisions and folding.
 */
#include "ntm_core.h"

#include <string.h>

NtmComparison
ntm_comparison_parse(const char *text, int len)
{
	if (len == 2 && memcmp(text, ">=", 2) == 0)
		return NTM_GE;
	if (len == 2 && memcmp(text, "<=", 2) == 0)
		return NTM_LE;
	if (len == 1 && text[0] == '=')
		return NTM_EQ;
	if (len == 3 && memcmp(text, "yes", 3) == 0)
		return NTM_YES;
	return NTM_INVALID;
}

NtmStatus
ntm_decide(NtmComparison op, bool have_value, bool have_threshold, int sign)
{
	if (!have_value || !have_threshold)
		return NTM_UNKNOWN;
	switch (op)
	{
		case NTM_GE:
			return sign >= 0 ? NTM_MET : NTM_NOT_MET;
		case NTM_LE:
			return sign <= 0 ? NTM_MET : NTM_NOT_MET;
		case NTM_EQ:
			return sign == 0 ? NTM_MET : NTM_NOT_MET;
		case NTM_YES:
		case NTM_INVALID:
			break;
	}
	return NTM_UNKNOWN;
}

NtmStatus
ntm_decide_yes(bool have_value, bool value)
{
	if (!have_value)
		return NTM_UNKNOWN;
	return value ? NTM_MET : NTM_NOT_MET;
}

NtmStatus
ntm_fold_status(const NtmFold *f)
{
	if (f->not_met > 0)
		return NTM_NOT_MET;
	if (f->unknown > 0 || f->met == 0)
		return NTM_UNKNOWN;		/* nothing known is not "met" */
	return NTM_MET;
}

const char *
ntm_status_name(NtmStatus s)
{
	switch (s)
	{
		case NTM_MET:
			return "met";
		case NTM_NOT_MET:
			return "not_met";
		case NTM_UNKNOWN:
			break;
	}
	return "unknown";
}

const char *
ntm_status_name_vi(NtmStatus s)
{
	switch (s)
	{
		case NTM_MET:
			return "\xC4\x91\xE1\xBA\xA1t";	/* đạt */
		case NTM_NOT_MET:
			return "ch\xC6\xB0\x61 \xC4\x91\xE1\xBA\xA1t";	/* chưa đạt */
		case NTM_UNKNOWN:
			break;
	}
	return "ch\xC6\xB0\x61 \xC4\x91\xE1\xBB\xA7 d\xE1\xBB\xAF li\xE1\xBB\x87u";	/* chưa đủ dữ liệu */
}

NtmStatus
ntm_status_parse(const char *text, int len, bool *ok)
{
	*ok = true;
	if (len == 3 && memcmp(text, "met", 3) == 0)
		return NTM_MET;
	if (len == 7 && memcmp(text, "not_met", 7) == 0)
		return NTM_NOT_MET;
	if (len == 7 && memcmp(text, "unknown", 7) == 0)
		return NTM_UNKNOWN;
	*ok = false;
	return NTM_UNKNOWN;
}
