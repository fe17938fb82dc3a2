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

/* 2-bit codes in order of precedence; 0 means no indicator seen */
static unsigned
criteria_code(NtmStatus s)
{
	switch (s)
	{
		case NTM_MET:
			return 1;
		case NTM_UNKNOWN:
			return 2;
		case NTM_NOT_MET:
			return 3;
	}
	return 2;
}

static unsigned
criteria_field(NtmCriteriaBits bits, int i)
{
	return (unsigned) ((bits >> (2 * i)) & 3);
}

bool
ntm_criteria_add(NtmCriteriaBits *bits, int32_t criterion_no, NtmStatus s)
{
	unsigned	code = criteria_code(s);
	int			i = criterion_no - 1;

	if (criterion_no < 1 || criterion_no > NTM_MAX_CRITERIA)
		return false;
	if (code > criteria_field(*bits, i))
		*bits = (*bits & ~((NtmCriteriaBits) 3 << (2 * i))) | ((NtmCriteriaBits) code << (2 * i));
	return true;
}

NtmCriteriaBits
ntm_criteria_merge(NtmCriteriaBits a, NtmCriteriaBits b)
{
	NtmCriteriaBits out = 0;
	int			i;

	for (i = 0; i < NTM_MAX_CRITERIA; i++)
	{
		unsigned	x = criteria_field(a, i),
					y = criteria_field(b, i);

		out |= (NtmCriteriaBits) (x > y ? x : y) << (2 * i);
	}
	return out;
}

bool
ntm_criteria_status(NtmCriteriaBits bits, int32_t criterion_no, NtmStatus *s)
{
	unsigned	code;

	if (criterion_no < 1 || criterion_no > NTM_MAX_CRITERIA)
		return false;
	code = criteria_field(bits, criterion_no - 1);
	if (code == 0)
		return false;
	*s = code == 1 ? NTM_MET : code == 3 ? NTM_NOT_MET : NTM_UNKNOWN;
	return true;
}

int
ntm_criteria_list(NtmCriteriaBits bits, NtmStatus s, int32_t *out)
{
	unsigned	code = criteria_code(s);
	int			n = 0;
	int			i;

	for (i = 0; i < NTM_MAX_CRITERIA; i++)
		if (criteria_field(bits, i) == code)
		{
			if (out)
				out[n] = i + 1;
			n++;
		}
	return n;
}

int
ntm_criteria_count(NtmCriteriaBits bits, NtmStatus s)
{
	return ntm_criteria_list(bits, s, NULL);
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
