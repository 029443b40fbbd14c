#include "appfields.h"

#include <stdio.h>
#include <string.h>

/* The field's name as the review page shows it: its label, with the row number where it has one
 * (label, number, rest). */
static const struct {
	const char	*prefix;
	const char	*label;
	const char	*rest;
} field_labels[] = {
	{ "universitet", "Universitet", NULL },
	{ "enhed", "Fakultet, institut eller center", NULL },
	{ "anden_beskrivelse", "Beskrivelse af institutionen", NULL },
	{ "anden_behov", "Institutionens behov", NULL },
	{ "udd_navn_", "Uddannelse ", "" },
	{ "udd_ects_", "Specialets ECTS-point, uddannelse ", "" },
	{ "sikkerhed", "Datasikkerhed", NULL },
	{ "leder_navn", "Personaleansvarlig leder", NULL },
	{ "leder_titel", "Lederens titel", NULL },
	{ "leder_email", "Lederens e-mailadresse", NULL },
	{ "url", "Miljøets side på universitetets hjemmeside", NULL },
	{ "person_navn_", "Erfaren person ", ": navn" },
	{ "person_email_", "Erfaren person ", ": e-mail" },
	{ "person_rolle_", "Erfaren person ", ": rolle" },
	{ "person_erfaring_", "Erfaren person ", ": erfaring" },
	{ "domaener", "E-maildomæner", NULL },
	{ "platform", "Analyseplatform", NULL },
	{ "server", "Servernavn", NULL },
	{ "drev", "Drev aftalt med servicedesk@dst.dk", NULL },
};

void
appfields_label(const char *name, char *out, size_t n)
{
	size_t i, len;

	for (i = 0; i < sizeof(field_labels) / sizeof(field_labels[0]); i++) {
		len = strlen(field_labels[i].prefix);
		if (strncmp(name, field_labels[i].prefix, len) != 0)
			continue;
		if (field_labels[i].rest)
			snprintf(out, n, "%s%s%s", field_labels[i].label, name + len,
			    field_labels[i].rest);
		else if (name[len] == '\0')
			snprintf(out, n, "%s", field_labels[i].label);
		else
			continue;
		return;
	}
	snprintf(out, n, "%s", name);
}
