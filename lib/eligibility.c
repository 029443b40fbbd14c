#include "eligibility.h"

#include <string.h>

static const char *const rule_names[PROGRAMME__MAX] = {
	[PROGRAMME_THESIS] = "thesis",
	[PROGRAMME_NO_THESIS] = "no_thesis",
	[PROGRAMME_RESEARCH] = "research",
	[PROGRAMME_DOUBT] = "doubt",
};

static const char *const sections[ELIGIBILITY__MAX] = {
	[ELIGIBILITY_YES] = "RESULT_YES",
	[ELIGIBILITY_OTHER_INSTITUTION] = "RESULT_OTHER",
	[ELIGIBILITY_NO_THESIS] = "RESULT_NO_THESIS",
	[ELIGIBILITY_RESEARCH_SCHEME] = "RESULT_RESEARCH",
	[ELIGIBILITY_ASK_FSE] = "RESULT_ASK_FSE",
};

int
programme_rule_parse(const char *s)
{
	int i;

	for (i = 0; s && i < PROGRAMME__MAX; i++)
		if (strcmp(s, rule_names[i]) == 0)
			return i;
	return -1;
}

enum eligibility
eligibility_decide(int recognised_university, enum programme_rule rule)
{
	switch (rule) {
	case PROGRAMME_THESIS:
		/* R2 names eight universities; any other Danish institution may still apply (R3). */
		return recognised_university ? ELIGIBILITY_YES : ELIGIBILITY_OTHER_INSTITUTION;
	case PROGRAMME_RESEARCH:
		return ELIGIBILITY_RESEARCH_SCHEME;
	case PROGRAMME_DOUBT:
		return ELIGIBILITY_ASK_FSE;
	case PROGRAMME_NO_THESIS:
	default:
		/* R1 comes first: without a master's thesis the scheme does not apply anywhere. */
		return ELIGIBILITY_NO_THESIS;
	}
}

const char *
eligibility_section(enum eligibility e)
{
	return (unsigned)e < ELIGIBILITY__MAX ? sections[e] : sections[ELIGIBILITY_ASK_FSE];
}
