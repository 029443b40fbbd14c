#include "platform.h"

#include <stdio.h>
#include <string.h>

static const char *const platform_choices[] = { "forskermaskinen", "hosted", NULL };
static const char *const platform_yes[] = { "ja", NULL };

const struct form_field platform_fields[PLATFORM_F__MAX] = {
	[PLATFORM_F_PLATFORM] = { "platform", form_choice, 1, 0, 0, platform_choices,
	    "Vælg analyseplatformen." },
	[PLATFORM_F_SERVER] = { "server", form_line, 0, 0, 200, NULL, NULL },
	[PLATFORM_F_DRIVE] = { "drev", form_choice, 0, 0, 0, platform_yes, NULL },
};

int
platform_hosted(const struct form *f)
{
	const struct form_value *p = &f->v[PLATFORM_F_PLATFORM];

	return p->err == FORM_OK && p->value && strcmp(p->value, "hosted") == 0;
}

size_t
platform_check(const struct form *f, struct fielderr *e)
{
	const struct form_value *server = &f->v[PLATFORM_F_SERVER];
	const struct form_value *drive = &f->v[PLATFORM_F_DRIVE];
	size_t before = fielderr_count(e);

	if (!platform_hosted(f))
		return 0;
	if (server->err == FORM_OK && form_blank(server->value))
		fielderr_add(e, "server", "Skriv navnet på institutionens server.");
	if (drive->err == FORM_OK && drive->value == NULL)
		fielderr_add(e, "drev", "Bekræft, at drevet er aftalt med servicedesk@dst.dk. "
		    "Institutionen aftaler og betaler drevet dér.");
	return fielderr_count(e) - before;
}

void
platform_describe(const char *platform, const char *server, char *out, size_t n)
{
	int named = !form_blank(server);

	if (platform && strcmp(platform, "hosted") == 0)
		snprintf(out, n, "Institutionens egen hostede server%s%s%s med et drev aftalt med "
		    "servicedesk@dst.dk", named ? " (" : "", named ? server : "", named ? ")" : "");
	else if (platform && strcmp(platform, "forskermaskinen") == 0)
		snprintf(out, n, "Forskermaskinen");
	else
		snprintf(out, n, "Ikke oplyst endnu");
}
