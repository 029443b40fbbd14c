/*
 * casekind: the registry of the kinds of case (issue 10). Each kind is declared once, here: its
 * type (cases.type), its names as people read them, who creates it and the creator's page for
 * one case, what Mine sager offers, and the labels of the mails it sends. Everything that lists
 * kinds takes them from this table: FSE's queue (its type filter and its SQL), Mine sager and
 * the outbox page. The FSE program's hooks per kind (cgi-bin/fse_kind_*.c) are checked against
 * it when the program starts (casekind_check_hooks): a kind without hooks refuses the start
 * rather than vanish from FSE's queue. Pure.
 *
 * What a new kind consists of is listed in the README (Cases).
 */
#ifndef PORTAL_CASEKIND_H
#define PORTAL_CASEKIND_H

#include <stddef.h>

#define CASEKIND_MAX		8	/* kinds the registry may hold (arrays sized by it) */
#define CASEKIND_TYPE_MAX	32	/* bytes of a type name: [a-z_], as the ENUM has it */

/* A mail the kind sends (its outbox kind, mail_enqueue_template's kind) as FSE reads it. */
struct casekind_mail {
	const char	*kind;
	const char	*label;
};

struct casekind {
	const char	*type;		/* cases.type */
	const char	*label;		/* "Uddannelsesautorisation": the queue, Mine sager */
	const char	*title;		/* "Ansøgning om uddannelsesautorisation": FSE's case page */
	const char	*creator;	/* who creates it, as FSE's page names them: "Ansøger" */
	/* The creator's page for one case (Mine sager's link): path with query, into out. */
	void		(*creator_page)(long long case_id, long long authorisation_id, char *out,
			    size_t n);
	const char	*todo_draft;	/* Mine sager, a draft: "Gør ansøgningen færdig" */
	const char	*todo_returned;	/* Mine sager, sent back: "Ret og send igen" */
	/* Mine sager's withdraw link for one case (NULL: the kind is withdrawn elsewhere). */
	const char	*withdraw_path;	/* "/ansoegning/traek-tilbage": ?id= is added */
	const struct casekind_mail *mails;	/* ends with { NULL, NULL } */
	/* FSE decides a submitted case of this kind (approve, return, reject). 0: another side
	 * decides it (a student case waits for the institution's administrators, R13), so FSE's
	 * queue of what waits for FSE leaves it out and its page shows no decision. */
	int		 fse_decides;
};

extern const struct casekind	casekinds[];
extern const size_t		ncasekinds;

/* The kind of a case type; NULL when the registry has no entry for it. */
const struct casekind	*casekind_of(const char *type);
/* The kind's name as people read it, or the type itself when unknown (never NULL for a type). */
const char		*casekind_label(const char *type);
/* A case mail's label as FSE reads it on the outbox page; NULL when no kind sends it. */
const char		*casekind_mail_label(const char *mail_kind);
/*
 * Every type, comma-separated ("authorisation,project"), for FIND_IN_SET(c.type, ?): FSE's
 * queue shows exactly the registry's kinds, however many; with decided_only, just the kinds FSE
 * decides (what waits for FSE). -1 when out does not hold them.
 */
int			 casekind_type_list(char *out, size_t n, int decided_only);

/*
 * Fail closed at a program's start: every registry kind has hooks (types[], the program's own
 * table), every hook table is a registry kind, none twice, and each type is a plain name. 0
 * when they match; else -1 with the first problem, in words, in why.
 */
int			 casekind_check_hooks(const char *const *types, size_t ntypes, char *why,
			    size_t whylen);

#endif
