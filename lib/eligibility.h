/*
 * eligibility: may an institution use the Master's Thesis Scheme? The answer the start page's
 * check gives, from the university (one of the eight of R2, or another institution, R3) and the
 * kind of programme (R1: it must end in a master's thesis). Pure: the database supplies the
 * lists, this decides.
 */
#ifndef PORTAL_ELIGIBILITY_H
#define PORTAL_ELIGIBILITY_H

/* What a programme type means for R1, as stored in programme_types.rule. */
enum programme_rule {
	PROGRAMME_THESIS,	/* ends in a master's thesis (speciale, typically 30-60 ECTS) */
	PROGRAMME_NO_THESIS,	/* does not end in a master's thesis */
	PROGRAMME_RESEARCH,	/* research (PhD): the researcher scheme applies, not this one */
	PROGRAMME_DOUBT,	/* not clear-cut: FSE decides (R25) */
	PROGRAMME__MAX
};

enum eligibility {
	ELIGIBILITY_YES,		/* R1 + R2: apply for an education authorisation */
	ELIGIBILITY_OTHER_INSTITUTION,	/* R3: may apply with a description of institution and need */
	ELIGIBILITY_NO_THESIS,		/* R1: not covered */
	ELIGIBILITY_RESEARCH_SCHEME,	/* use DST's researcher scheme instead */
	ELIGIBILITY_ASK_FSE,		/* doubtful: ask FSE before applying (R25) */
	ELIGIBILITY__MAX
};

/* -1 when the text is not a known rule. */
int		 programme_rule_parse(const char *);
enum eligibility eligibility_decide(int recognised_university, enum programme_rule);
/* The template section that explains the answer, e.g. "RESULT_YES". */
const char	*eligibility_section(enum eligibility);

#endif
