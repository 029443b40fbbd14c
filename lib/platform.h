/*
 * platform: the analysis platform an authorisation's students work on (R17), one piece for the
 * application's step (cgi-bin/application) and the responsible's page /projekt/platform
 * (cgi-bin/project): the fields, the rule, and how the choice reads. Pure.
 *
 * R17: Forskermaskinen at Statistics Denmark, or the institution's own hosted server, which
 * needs its name and a drive arranged (and paid for) with servicedesk@dst.dk.
 */
#ifndef PORTAL_PLATFORM_H
#define PORTAL_PLATFORM_H

#include <stddef.h>

#include "fielderr.h"
#include "form.h"

enum { PLATFORM_F_PLATFORM, PLATFORM_F_SERVER, PLATFORM_F_DRIVE, PLATFORM_F__MAX };
/* platform (forskermaskinen | hosted, required), server (a line), drev ("ja" when checked). */
extern const struct form_field	platform_fields[PLATFORM_F__MAX];

/*
 * R17 beyond the validators, on a form read with platform_fields: when hosted, a server name
 * (a field sent blank is blank: "", spaces or line breaks count as none) and the drive
 * confirmed. A field its validator refused gets no second message. Returns the number added.
 */
size_t	platform_check(const struct form *, struct fielderr *);

/* 1 when the form chose the hosted server (and the choice was valid). */
int	platform_hosted(const struct form *);

/* The platform as people read it: "Forskermaskinen", the hosted server with its name (NULL or
 * blank: none given), or anything else as not stated yet. */
void	platform_describe(const char *platform, const char *server, char *out, size_t n);

#endif
