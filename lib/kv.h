/* kv: an ordered list of name/value pairs: query and form fields, cookies, multipart parts. */
#ifndef PORTAL_KV_H
#define PORTAL_KV_H

#include <stddef.h>

struct kv {
	char	*name;		/* NUL-terminated */
	char	*value;		/* NUL-terminated; may hold NUL bytes inside for file parts */
	size_t	 value_len;	/* bytes in value, without the terminating NUL */
	char	*filename;	/* multipart file parts only, else NULL */
	char	*content_type;	/* multipart parts that declared one, else NULL */
};

struct kvlist {
	struct kv	*items;
	size_t		 n;
	size_t		 cap;
};

void		 kvlist_init(struct kvlist *);
void		 kvlist_free(struct kvlist *);
/* Copies name and value (value may hold any bytes). Returns -1 on allocation failure. */
int		 kvlist_add(struct kvlist *, const char *name, size_t namelen,
		    const char *value, size_t valuelen);
/* The first pair with this name, or NULL. */
const struct kv	*kvlist_get(const struct kvlist *, const char *name);
/* Its value, or NULL. */
const char	*kvlist_value(const struct kvlist *, const char *name);
size_t		 kvlist_count(const struct kvlist *, const char *name);

#endif
