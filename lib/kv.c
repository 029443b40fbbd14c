#include "kv.h"

#include <stdlib.h>
#include <string.h>

void
kvlist_init(struct kvlist *l)
{
	memset(l, 0, sizeof(*l));
}

void
kvlist_free(struct kvlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].name);
		free(l->items[i].value);
		free(l->items[i].filename);
		free(l->items[i].content_type);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static char *
dup_bytes(const char *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		return NULL;
	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

int
kvlist_add(struct kvlist *l, const char *name, size_t namelen, const char *value, size_t valuelen)
{
	struct kv *items, *kv;
	size_t ncap;

	if (l->n == l->cap) {
		ncap = l->cap ? l->cap * 2 : 8;
		if ((items = realloc(l->items, ncap * sizeof(*items))) == NULL)
			return -1;
		l->items = items;
		l->cap = ncap;
	}
	kv = &l->items[l->n];
	memset(kv, 0, sizeof(*kv));
	kv->name = dup_bytes(name, namelen);
	kv->value = dup_bytes(value, valuelen);
	if (kv->name == NULL || kv->value == NULL) {
		free(kv->name);
		free(kv->value);
		return -1;
	}
	kv->value_len = valuelen;
	l->n++;
	return 0;
}

const struct kv *
kvlist_get(const struct kvlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].name, name) == 0)
			return &l->items[i];
	return NULL;
}

const char *
kvlist_value(const struct kvlist *l, const char *name)
{
	const struct kv *kv = kvlist_get(l, name);

	return kv ? kv->value : NULL;
}

size_t
kvlist_count(const struct kvlist *l, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].name, name) == 0)
			n++;
	return n;
}
