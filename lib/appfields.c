#include "appfields.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

static const char *const step_labels[APPFIELDS_STEPS] = {
	"Institution", "De fire krav", "E-maildomæner", "Analyseplatform", "Gennemse",
};

static const char *const universities[] = { "ku", "au", "sdu", "ruc", "aau", "dtu", "cbs", "itu",
	"anden", NULL };

static const char R1_TEXT[] = "Ordningen er kun for kandidatuddannelser, der afsluttes med et "
    "speciale (typisk 30-60 ECTS).";
static const char R43_TEXT[] = "Der skal være mindst tre personer i miljøet (vejledere "
    "medregnet) med konkret erfaring med data og store datasæt og solidt kendskab til Danmarks "
    "Statistiks regler for datasikkerhed. Udfyld navn, e-mail, rolle og erfaring for mindst tre.";

/* ---- the steps' fields ---------------------------------------------------------------------- */

#define LINE(n, req, max, msg)	{ n, form_line, req, 0, max, NULL, msg }
#define TEXT(n, req, max, msg)	{ n, form_text, req, 0, max, NULL, msg }
#define PROG(i)	LINE("udd_navn_" #i, 0, 200, NULL), \
	{ "udd_ects_" #i, form_int, 0, 0, 999, NULL, NULL }
#define PERSON(i) LINE("person_navn_" #i, 0, 200, NULL), \
	{ "person_email_" #i, form_email, 0, 0, 254, NULL, NULL }, \
	LINE("person_rolle_" #i, 0, 200, NULL), TEXT("person_erfaring_" #i, 0, 2000, NULL)

enum { S1_UNI, S1_UNIT, S1_DESC, S1_NEED, S1_PROG };	/* then name, ects per programme */
static const struct form_field step1[] = {
	{ "universitet", form_choice, 1, 0, 0, universities,
	    "Vælg et universitet, eller vælg en anden institution." },
	LINE("enhed", 1, 200, "Skriv navnet på fakultetet, instituttet eller centret."),
	TEXT("anden_beskrivelse", 0, 4000, NULL),
	TEXT("anden_behov", 0, 4000, NULL),
	PROG(1), PROG(2), PROG(3), PROG(4), PROG(5),
};

enum { S2_SEC, S2_MNAME, S2_MTITLE, S2_MEMAIL, S2_URL, S2_PERSON };	/* then 4 per person */
static const struct form_field step2[] = {
	TEXT("sikkerhed", 1, 4000, "Beskriv, hvordan I holder et højt og vedvarende fokus på "
	    "datasikkerhed."),
	LINE("leder_navn", 1, 200, "Skriv navnet på den personaleansvarlige leder."),
	LINE("leder_titel", 1, 200, "Skriv lederens titel."),
	{ "leder_email", form_email, 1, 0, 254, NULL,
	    "Skriv lederens e-mailadresse fra institutionen." },
	{ "url", form_url, 1, 0, 500, NULL,
	    "Skriv adressen på siden på universitetets hjemmeside, der præsenterer miljøet." },
	PERSON(1), PERSON(2), PERSON(3), PERSON(4), PERSON(5), PERSON(6),
};

static const struct form_field step3[] = {
	TEXT("domaener", 1, 2000, "Skriv mindst ét e-maildomæne, fx econ.ku.dk."),
};


static const struct {
	const struct form_field	*fields;
	size_t			 n;
} steps[APPFIELDS_STEPS] = {
	{ step1, sizeof(step1) / sizeof(step1[0]) },
	{ step2, sizeof(step2) / sizeof(step2[0]) },
	{ step3, sizeof(step3) / sizeof(step3[0]) },
	{ platform_fields, PLATFORM_F__MAX },	/* R17: shared with /projekt/platform */
	{ NULL, 0 },
};

const char *
appfields_step_label(int step)
{
	return step >= 1 && step <= APPFIELDS_STEPS ? step_labels[step - 1] : "";
}

const struct form_field *
appfields_step_fields(int step, size_t *n)
{
	*n = 0;
	if (step < 1 || step >= APPFIELDS_STEPS)
		return NULL;
	*n = steps[step - 1].n;
	return steps[step - 1].fields;
}

int
appfields_in_step(int step, const char *name)
{
	size_t i;

	for (i = 0; step >= 1 && step < APPFIELDS_STEPS && i < steps[step - 1].n; i++)
		if (strcmp(steps[step - 1].fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* ---- the rules of one step ------------------------------------------------------------------ */

const char *
appfields_domains(const char *in, struct buf *out, char *msg, size_t n)
{
	const char *p = in, *e;
	char d[256];
	size_t len, i;

	while (p && *p) {
		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		while (len && isspace((unsigned char)*p))
			p++, len--;
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len) {
			int dot = 0, ok = len < sizeof(d);

			for (i = 0; ok && i < len; i++) {
				d[i] = (char)tolower((unsigned char)p[i]);
				if (d[i] == '.') {
					dot = 1;
					ok = i > 0 && i + 1 < len && d[i - 1] != '.' &&
					    d[i - 1] != '-' && p[i + 1] != '-';
				} else if (!(isalnum((unsigned char)d[i]) || d[i] == '-') ||
				    (d[i] & 0x80))
					ok = 0;
			}
			if (ok && (d[0] == '-' || d[len - 1] == '-'))
				ok = 0;
			if (!ok || !dot) {
				snprintf(msg, n, "\"%.*s\" er ikke et domæne. Skriv ét domæne pr. "
				    "linje, fx econ.ku.dk: kun bogstaver, tal, bindestreger og "
				    "punktummer, og mindst ét punktum.", (int)(len > 80 ? 80 : len), p);
				return msg;
			}
			d[len] = '\0';
			if (out->len)
				buf_puts(out, "\n");
			buf_puts(out, d);
		}
		p = e ? e + 1 : NULL;
	}
	return NULL;
}

size_t
appfields_step(int step, const struct kvlist *src, int going_on, struct form *f,
    struct buf *domains, struct fielderr *m)
{
	const struct form_field *fields;
	size_t before = fielderr_count(m), i, nf;
	char dmsg[300];
	int k;

	if ((fields = appfields_step_fields(step, &nf)) == NULL) {
		memset(f, 0, sizeof(*f));
		return 0;
	}
	form_read(f, fields, nf, src);
	/* A draft may leave required fields empty, never fill them wrongly. */
	if (!going_on)
		for (i = 0; i < nf; i++)
			if (f->v[i].err == FORM_EMISSING) {
				f->v[i].err = FORM_OK;
				f->nerrors--;
			}
	switch (step) {
	case 1: {
		const char *uni = f->v[S1_UNI].err == FORM_OK ? f->v[S1_UNI].value : NULL;
		int programmes = 0;

		/* R3: another institution describes itself and its need. */
		if (going_on && uni && strcmp(uni, "anden") == 0) {
			if (f->v[S1_DESC].err == FORM_OK && form_blank(f->v[S1_DESC].value))
				fielderr_add(m, "anden_beskrivelse", "Beskriv institutionen og dens "
				    "kandidatuddannelser.");
			if (f->v[S1_NEED].err == FORM_OK && form_blank(f->v[S1_NEED].value))
				fielderr_add(m, "anden_behov", "Beskriv institutionens behov for "
				    "ordningen.");
		}
		for (k = 0; k < APPFIELDS_PROGRAMMES; k++) {
			struct form_value *nv = &f->v[S1_PROG + 2 * k], *ev = nv + 1;
			int named = nv->err == FORM_OK && !form_blank(nv->value);
			int has_ects = ev->err == FORM_OK && !form_blank(ev->value);

			if (named)
				programmes++;
			/* R1: only programmes that end in a thesis of 30-60 ECTS. */
			if (ev->err == FORM_ENUMBER || (has_ects && (ev->num < 30 || ev->num > 60)) ||
			    (going_on && named && !has_ects && ev->err == FORM_OK)) {
				if (ev->err != FORM_OK) {
					ev->err = FORM_OK;
					f->nerrors--;
				}
				fielderr_add(m, fields[S1_PROG + 2 * k + 1].name, R1_TEXT);
			} else if (has_ects && !named && nv->err == FORM_OK)
				fielderr_add(m, fields[S1_PROG + 2 * k].name, "Skriv uddannelsens navn.");
		}
		if (going_on && programmes == 0 && fielderr_count(m) == before &&
		    f->v[S1_PROG].err == FORM_OK)
			fielderr_add(m, "udd_navn_1", "Skriv mindst én kandidatuddannelse, der skal "
			    "bruge ordningen.");
		break;
	}
	case 2: {
		int complete = 0;

		for (k = 0; k < APPFIELDS_PERSONS; k++) {
			int filled = 0, j;

			for (j = 0; j < 4; j++)
				if (f->v[S2_PERSON + 4 * k + j].err == FORM_OK &&
				    !form_blank(f->v[S2_PERSON + 4 * k + j].value))
					filled++;
			if (filled == 4)
				complete++;
		}
		/* R4.3: at least three experienced persons, to go on (a draft may hold fewer). */
		if (going_on && complete < APPFIELDS_MIN_PERSONS)
			fielderr_add(m, "person_navn_1", R43_TEXT);
		break;
	}
	case 3:
		if (f->v[0].err == FORM_OK && f->v[0].value &&
		    appfields_domains(f->v[0].value, domains, dmsg, sizeof(dmsg)))
			fielderr_add(m, "domaener", dmsg);
		break;
	case 4:
		/* R17: a hosted server needs its name and the drive arranged with DST. */
		if (going_on)
			platform_check(f, m);
		break;
	}
	return f->nerrors + fielderr_count(m) - before;
}

/* ---- the whole application, checked again before it is sent --------------------------------- */

/* A reason the application cannot be sent yet, under the step it belongs to. */
#define PROBLEM(step, ...)	fielderr_addf(problems, NULL, (step), __VA_ARGS__)

/* A stored ECTS value: a whole number, or -1 (it was checked when saved; the rule may change). */
static long long
ects_value(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	return *end == '\0' ? v : -1;
}

size_t
appfields_review(const struct kvlist *data, struct fielderr *problems)
{
	size_t before = fielderr_count(problems);
	char label[128], msg[300];
	struct fielderr r17;
	struct form f;
	struct buf domains;
	size_t i;
	int k, programmes = 0, complete = 0;
	const char *v;

	for (k = 1; k < APPFIELDS_STEPS; k++) {
		form_read(&f, steps[k - 1].fields, steps[k - 1].n, data);
		for (i = 0; i < f.nfields; i++) {
			if (f.v[i].err == FORM_OK)
				continue;
			appfields_label(steps[k - 1].fields[i].name, label, sizeof(label));
			form_message(&f, i, msg, sizeof(msg));
			PROBLEM(k, "%s: %s", label, msg);
		}
	}
	/* R3: another institution describes itself and its need. */
	v = kvlist_value(data, "universitet");
	if (v && strcmp(v, "anden") == 0) {
		if (form_blank(kvlist_value(data, "anden_beskrivelse")))
			PROBLEM(1, "Beskrivelse af institutionen: Beskriv institutionen og "
			    "dens kandidatuddannelser.");
		if (form_blank(kvlist_value(data, "anden_behov")))
			PROBLEM(1, "Institutionens behov: Beskriv institutionens behov for "
			    "ordningen.");
	}
	/* R1: each programme named, with a thesis of 30-60 ECTS; at least one. */
	for (k = 1; k <= APPFIELDS_PROGRAMMES; k++) {
		char n1[32], n2[32];
		const char *name, *ects;
		long long e;

		snprintf(n1, sizeof(n1), "udd_navn_%d", k);
		snprintf(n2, sizeof(n2), "udd_ects_%d", k);
		name = kvlist_value(data, n1);
		ects = kvlist_value(data, n2);
		e = ects_value(ects);
		if (!form_blank(name)) {
			programmes++;
			if (e < 30 || e > 60)
				PROBLEM(1, "Uddannelse %d: %s", k, R1_TEXT);
		} else if (!form_blank(ects))
			PROBLEM(1, "Uddannelse %d: Skriv uddannelsens navn.", k);
	}
	if (programmes == 0)
		PROBLEM(1, "Uddannelser: Skriv mindst én kandidatuddannelse, der skal bruge "
		    "ordningen.");
	/* R4.3: at least three complete experienced persons. */
	for (k = 1; k <= APPFIELDS_PERSONS; k++) {
		static const char *const part[] = { "person_navn_", "person_email_",
			"person_rolle_", "person_erfaring_" };
		int j, filled = 0;

		for (j = 0; j < 4; j++) {
			char n[40];

			snprintf(n, sizeof(n), "%s%d", part[j], k);
			if (!form_blank(kvlist_value(data, n)))
				filled++;
		}
		if (filled == 4)
			complete++;
	}
	if (complete < APPFIELDS_MIN_PERSONS)
		PROBLEM(2, "Erfarne personer: %s", R43_TEXT);
	/* R6: the domains are well-formed (they were when saved; the rule may not change). */
	buf_init(&domains, 0);
	v = kvlist_value(data, "domaener");
	if (v && appfields_domains(v, &domains, msg, sizeof(msg)))
		PROBLEM(3, "E-maildomæner: %s", msg);
	buf_free(&domains);
	/* R17: a hosted server needs its name and the drive arranged with DST. */
	fielderr_init(&r17);
	form_read(&f, platform_fields, PLATFORM_F__MAX, data);
	platform_check(&f, &r17);
	for (i = 0; i < r17.n; i++) {
		appfields_label(r17.item[i].field, label, sizeof(label));
		PROBLEM(4, "%s: %s", label, r17.item[i].message);
	}
	return fielderr_count(problems) - before;
}

/* ---- the fields as people read them --------------------------------------------------------- */

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
