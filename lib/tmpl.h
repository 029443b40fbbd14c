/*
 * tmpl: the ctemplate bridge, the only C++ in the portal. Templates are loaded once at start-up
 * (each must begin with an AUTOESCAPE pragma, or start-up fails), the cache is then frozen, and
 * rendering goes into a buffer so a failed expansion never reaches the client half-written.
 * Blank lines are dropped, except in plain-text templates (*.txt.tpl, mail text parts), where
 * they are paragraph breaks.
 */
#ifndef PORTAL_TMPL_H
#define PORTAL_TMPL_H

#include <stddef.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

enum tmpl_err {
	TMPL_OK = 0,
	TMPL_EDIR,		/* the templates directory cannot be read */
	TMPL_ENOPRAGMA,		/* a template does not begin with {{%AUTOESCAPE ...}} */
	TMPL_ELOAD,		/* ctemplate refused a template (syntax) */
	TMPL_EEXPAND,		/* expansion failed (unknown template, bad modifier) */
	TMPL_ENOMEM,
	TMPL__MAX
};

struct tmpl_dict;

const char		*tmpl_strerror(enum tmpl_err);
/* Loads every *.tpl under dir (recursively), then freezes the cache. err names the file. */
enum tmpl_err		 tmpl_init(const char *dir, char *err, size_t errlen);
/* Values every template sees (set at start-up only: not thread-safe, like ctemplate's). */
void			 tmpl_set_global(const char *key, const char *value);

struct tmpl_dict	*tmpl_dict_new(void);
void			 tmpl_dict_free(struct tmpl_dict *);
void			 tmpl_set(struct tmpl_dict *, const char *key, const char *value);
void			 tmpl_setf(struct tmpl_dict *, const char *key, const char *fmt, ...)
			    __attribute__((format(printf, 3, 4)));
void			 tmpl_set_int(struct tmpl_dict *, const char *key, long long value);
void			 tmpl_show(struct tmpl_dict *, const char *section);
/* A new row of a repeated section; owned by the parent. */
struct tmpl_dict	*tmpl_add_row(struct tmpl_dict *, const char *section);
/* Fills {{>NAME}} with the template file; owned by the parent. */
struct tmpl_dict	*tmpl_include(struct tmpl_dict *, const char *name, const char *file);
enum tmpl_err		 tmpl_render(const char *file, const struct tmpl_dict *, struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
