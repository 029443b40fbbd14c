#include "proposal.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define LINE(n, req, max, msg)	{ n, form_line, req, 0, max, NULL, msg }
#define TEXT(n, req, max, msg)	{ n, form_text, req, 0, max, NULL, msg }
#define REGISTER(i)	LINE("register_navn_" #i, 0, 200, NULL), \
			TEXT("register_begrundelse_" #i, 0, 2000, NULL)

const struct form_field proposal_fields[] = {
	LINE("titel", 1, 300, "Skriv projektets titel."),
	LINE("emne", 0, 300, NULL),
	TEXT("formaal", 0, 4000, NULL),
	REGISTER(1), REGISTER(2), REGISTER(3), REGISTER(4),
	REGISTER(5), REGISTER(6), REGISTER(7), REGISTER(8),
	TEXT("samfundsrelevans", 0, 4000, NULL),
	{ "antal_studerende", form_int, 0, 1, 500, NULL, NULL },
	{ "periode_fra", form_date, 0, 20000101, 21001231, NULL, NULL },
	{ "periode_til", form_date, 0, 20000101, 21001231, NULL, NULL },
};
const size_t proposal_nfields = sizeof(proposal_fields) / sizeof(proposal_fields[0]);

static const struct {
	const char	*prefix;
	const char	*label;
	const char	*rest;		/* non-NULL: a numbered row, label + number + rest */
} labels[] = {
	{ "titel", "Titel", NULL },
	{ "emne", "Emne i kandidatuddannelsen", NULL },
	{ "formaal", "Formål", NULL },
	{ "register_navn_", "Register ", ": navn" },
	{ "register_begrundelse_", "Register ", ": hvorfor nødvendigt for formålet" },
	{ "samfundsrelevans", "Samfundsmæssig relevans", NULL },
	{ "antal_studerende", "Forventet antal studerende", NULL },
	{ "periode_fra", "Periode fra", NULL },
	{ "periode_til", "Periode til", NULL },
};

void
proposal_label(const char *name, char *out, size_t n)
{
	size_t i, len;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		len = strlen(labels[i].prefix);
		if (strncmp(name, labels[i].prefix, len) != 0)
			continue;
		if (labels[i].rest)
			snprintf(out, n, "%s%s%s", labels[i].label, name + len, labels[i].rest);
		else if (name[len] == '\0')
			snprintf(out, n, "%s", labels[i].label);
		else
			continue;
		return;
	}
	snprintf(out, n, "%s", name);
}

int
proposal_counts(enum case_state s)
{
	return s == CASE_SUBMITTED || s == CASE_RETURNED || s == CASE_APPROVED;
}

size_t
proposal_check(const struct kvlist *data, struct fielderr *out)
{
	static const struct {
		const char	*field;
		const char	*message;
	} required[] = {
		{ "titel", "Skriv projektets titel." },
		{ "emne", "Skriv, hvilket emne i kandidatuddannelsen projektet dækker." },
		{ "formaal", "Beskriv projektets formål." },
		{ "samfundsrelevans", "Beskriv projektets samfundsmæssige relevans. Et projekt "
		    "godkendes kun, hvis relevansen er begrundet." },	/* R19 */
		{ "antal_studerende", "Skriv, hvor mange studerende I forventer i projektet." },
		{ "periode_fra", "Skriv, hvornår projektet begynder." },
		{ "periode_til", "Skriv, hvornår projektet slutter." },
	};
	size_t before = fielderr_count(out), i;
	struct form f;
	int registers = 0, k;

	form_read(&f, proposal_fields, proposal_nfields, data);
	fielderr_form(out, &f);
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (form_blank(kvlist_value(data, required[i].field)) &&
		    fielderr_message(out, required[i].field) == NULL)
			fielderr_add(out, required[i].field, required[i].message);

	/* R19: each register asked for, with why it is necessary for the purpose. */
	for (k = 1; k <= PROPOSAL_REGISTERS; k++) {
		static const char *const names[] = { "register_navn_1", "register_navn_2",
			"register_navn_3", "register_navn_4", "register_navn_5", "register_navn_6",
			"register_navn_7", "register_navn_8" };
		static const char *const reasons[] = { "register_begrundelse_1",
			"register_begrundelse_2", "register_begrundelse_3", "register_begrundelse_4",
			"register_begrundelse_5", "register_begrundelse_6", "register_begrundelse_7",
			"register_begrundelse_8" };
		int has_name = !form_blank(kvlist_value(data, names[k - 1]));
		int has_reason = !form_blank(kvlist_value(data, reasons[k - 1]));

		if (has_name)
			registers++;
		if (has_name && !has_reason)
			fielderr_add(out, reasons[k - 1], "Skriv, hvorfor dette register er "
			    "nødvendigt for projektets formål. Data godkendes kun, når det er "
			    "begrundet.");
		else if (!has_name && has_reason)
			fielderr_add(out, names[k - 1], "Skriv navnet på registeret, eller "
			    "slet begrundelsen.");
	}
	if (registers == 0)
		fielderr_add(out, "register_navn_1", "Skriv mindst ét register eller datasæt, "
		    "som projektet skal bruge, og hvorfor det er nødvendigt.");

	/* Dates compare as text when both are valid YYYY-MM-DD. */
	for (i = 0; i < proposal_nfields; i++)
		if (strcmp(proposal_fields[i].name, "periode_til") == 0)
			break;
	if (i < proposal_nfields && f.v[i].err == FORM_OK && f.v[i - 1].err == FORM_OK &&
	    f.v[i].value && f.v[i - 1].value && f.v[i].num < f.v[i - 1].num)
		fielderr_add(out, "periode_til", "Slutdatoen ligger før startdatoen.");
	return fielderr_count(out) - before;
}

int
proposal_text(const struct kvlist *data, long long case_id, const char *authorisation,
    struct buf *out)
{
	size_t i;

	if (buf_printf(out, "Projektindstilling nr. %lld under uddannelsesautorisation %s\n",
	    case_id, authorisation ? authorisation : "") < 0)
		return -1;
	for (i = 0; i < proposal_nfields; i++) {
		const char *v = kvlist_value(data, proposal_fields[i].name);
		char label[96];

		if (form_blank(v))
			continue;
		proposal_label(proposal_fields[i].name, label, sizeof(label));
		/* One field a paragraph: the label, then the text as written. */
		if (buf_printf(out, "\n%s:\n%s\n", label, v) < 0)
			return -1;
	}
	return 0;
}

void
proposal_hash(const char *text, size_t len, unsigned char hash[PROPOSAL_HASH_BYTES])
{
	crypto_hash_sha256(hash, (const unsigned char *)text, len);
}

void
proposal_hash_hex(const unsigned char hash[PROPOSAL_HASH_BYTES], char hex[PROPOSAL_HASH_HEX + 1])
{
	sodium_bin2hex(hex, PROPOSAL_HASH_HEX + 1, hash, PROPOSAL_HASH_BYTES);
}

int
proposal_text_hash(const struct kvlist *data, long long case_id, const char *authorisation,
    char hex[PROPOSAL_HASH_HEX + 1], struct buf *text)
{
	unsigned char hash[PROPOSAL_HASH_BYTES];
	struct buf own;
	struct buf *b = text ? text : &own;
	int rc = 0;

	if (!text)
		buf_init(&own, 1024 * 1024);
	if (proposal_text(data, case_id, authorisation, b) != 0)
		rc = -1;
	else {
		proposal_hash(b->data ? b->data : "", b->len, hash);
		proposal_hash_hex(hash, hex);
	}
	if (!text)
		buf_free(&own);
	return rc;
}
