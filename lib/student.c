#include "student.h"

#include <regex.h>
#include <string.h>

#include "form.h"

#define LINE(n, req, max, msg)	{ n, form_line, req, 0, max, NULL, msg }

const struct form_field student_fields[] = {
	LINE("navn", 1, 200, "Skriv den studerendes navn."),
	{ "email", form_email, 0, 0, 254, NULL, NULL },
	LINE("fse_bruger_id", 0, 32, NULL),
	LINE("speciale_titel", 0, 300, NULL),
	LINE("forfattere", 0, 300, NULL),
	{ "begrundelse", form_text, 0, 0, STUDENT_REASON_CHARS, NULL, NULL },
	{ "projekt", form_int, 0, 1, 9223372036854775807LL, NULL, NULL },
	{ "periode_fra", form_date, 0, 20000101, 21001231, NULL, NULL },
	{ "periode_til", form_date, 0, 20000101, 21001231, NULL, NULL },
};
const size_t student_nfields = sizeof(student_fields) / sizeof(student_fields[0]);

static const struct {
	const char	*name;
	const char	*label;
	const char	*missing;	/* what student_check says when it is blank */
} fields[] = {
	{ "navn", "Den studerendes navn", "Skriv den studerendes navn." },
	{ "email", "Den studerendes e-mailadresse på institutionen",
	  "Skriv den studerendes e-mailadresse på institutionen." },
	{ "fse_bruger_id", "FSE-bruger-id (hvis den studerende har et)", NULL },
	{ "speciale_titel", "Specialets titel", "Skriv specialets titel." },
	{ "forfattere", "Specialets forfatter(e)", "Skriv, hvem der skriver specialet." },
	{ "begrundelse", "Kort begrundelse for forskningshøjden (1-3 linjer)",
	  "Skriv kort, hvorfor specialet har forskningshøjde." },
	{ "projekt", "Det brede projekt, den studerende skal tilknyttes",
	  "Vælg det godkendte projekt, den studerende skal arbejde i." },
	{ "periode_fra", "Specialet begynder", "Skriv, hvornår specialet begynder." },
	{ "periode_til", "Forventet aflevering", "Skriv, hvornår specialet forventes afleveret." },
};

const char *
student_label(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].name, name) == 0)
			return fields[i].label;
	return name;
}

size_t
student_reason_lines(const char *reason)
{
	size_t lines = 0;
	const char *p = reason, *end;

	while (p && *p) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		/* A line with nothing but white space is no line. */
		if (strspn(p, " \t\r") < (size_t)(end - p))
			lines++;
		p = *end ? end + 1 : end;
	}
	return lines;
}

size_t
student_check(const struct kvlist *data, struct fielderr *out)
{
	size_t before = fielderr_count(out), i;
	const char *from, *to, *reason;
	struct form f;

	form_read(&f, student_fields, student_nfields, data);
	fielderr_form(out, &f);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (fields[i].missing && form_blank(kvlist_value(data, fields[i].name)) &&
		    fielderr_message(out, fields[i].name) == NULL)
			fielderr_add(out, fields[i].name, fields[i].missing);
	reason = kvlist_value(data, "begrundelse");
	if (!form_blank(reason) && fielderr_message(out, "begrundelse") == NULL &&
	    student_reason_lines(reason) > STUDENT_REASON_LINES)	/* R28 */
		fielderr_add(out, "begrundelse", "Begrundelsen må højst fylde 3 linjer. Skriv den "
		    "kortere: den står sådan i forskningshøjdedokumentet.");
	/* Dates are YYYY-MM-DD once form_date took them, so their order is the strings'. */
	from = kvlist_value(data, "periode_fra");
	to = kvlist_value(data, "periode_til");
	if (!form_blank(from) && !form_blank(to) && fielderr_message(out, "periode_fra") == NULL &&
	    fielderr_message(out, "periode_til") == NULL && strcmp(to, from) <= 0)
		fielderr_add(out, "periode_til", "Afleveringen skal ligge efter specialets begyndelse.");
	return fielderr_count(out) - before;
}

int
student_fse_id_ok(const char *format, const char *id)
{
	regex_t re;
	int ok;

	if (format == NULL || regcomp(&re, format, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	ok = id != NULL && regexec(&re, id, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

int
student_fse_choice(const char *format, const char *has_id, const char *fse_id, const char *who,
    const char *whose, const char *has_field, const char *id_field, struct fielderr *fe)
{
	int with_id = has_id && strcmp(has_id, "ja") == 0;

	if (!with_id && !(has_id && strcmp(has_id, "nej") == 0)) {
		fielderr_addf(fe, has_field, 0, "Vælg, om %s har et FSE-bruger-id.", who);
		return -1;
	}
	if (!with_id)
		return 0;
	if (form_blank(fse_id)) {
		fielderr_addf(fe, id_field, 0, "Skriv %s FSE-bruger-id, eller vælg, at %s ikke har "
		    "et.", whose, who);
		return -1;
	}
	if (student_fse_id_ok(format, fse_id) != 1) {
		fielderr_add(fe, id_field, "Det er ikke et FSE-bruger-id: tjek, at det er skrevet, "
		    "som Forskningsservice har givet det.");
		return -1;
	}
	return 1;
}
