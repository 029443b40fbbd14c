// The ctemplate bridge: C callers see an opaque tmpl_dict and enum tmpl_err, never C++.
#include "tmpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <algorithm>
#include <new>
#include <string>
#include <vector>

struct tmpl_dict {
	ctemplate::TemplateDictionary *d;
	bool owned;
	std::vector<tmpl_dict *> children;
};

static const char *const tmpl_errs[TMPL__MAX] = {
	"no error",
	"the templates directory cannot be read",
	"template does not begin with an AUTOESCAPE pragma",
	"template could not be loaded",
	"template could not be expanded",
	"out of memory",
};

const char *
tmpl_strerror(enum tmpl_err e)
{
	return (unsigned)e < TMPL__MAX ? tmpl_errs[e] : "unknown error";
}

// The pragma must be the first thing in the file, so no output can precede the context it sets.
static bool
has_pragma(const std::string &path)
{
	char head[64] = {0};
	FILE *f = fopen(path.c_str(), "r");
	size_t n, i = 0;

	if (f == NULL)
		return false;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
		i++;
	return strncmp(head + i, "{{%AUTOESCAPE", 13) == 0;
}

static bool
list_templates(const std::string &root, const std::string &rel, std::vector<std::string> &out)
{
	std::string dir = rel.empty() ? root : root + "/" + rel;
	DIR *dp = opendir(dir.c_str());
	struct dirent *de;
	struct stat st;

	if (dp == NULL)
		return false;
	while ((de = readdir(dp)) != NULL) {
		std::string name = de->d_name;
		if (name[0] == '.')
			continue;
		std::string relname = rel.empty() ? name : rel + "/" + name;
		if (stat((root + "/" + relname).c_str(), &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (!list_templates(root, relname, out)) {
				closedir(dp);
				return false;
			}
		} else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tpl") == 0)
			out.push_back(relname);
	}
	closedir(dp);
	return true;
}

// Plain-text templates (*.txt.tpl: the text part of a mail) keep their blank lines, which are
// paragraph breaks there; everything else drops them.
static ctemplate::Strip
strip_for(const std::string &name)
{
	static const char ext[] = ".txt.tpl";
	size_t n = sizeof(ext) - 1;

	if (name.size() > n && name.compare(name.size() - n, n, ext) == 0)
		return ctemplate::DO_NOT_STRIP;
	return ctemplate::STRIP_BLANK_LINES;
}

extern "C" enum tmpl_err
tmpl_init(const char *dir, char *err, size_t errlen)
{
	std::vector<std::string> files;
	ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();

	if (err && errlen)
		err[0] = '\0';
	if (!list_templates(dir, "", files) || files.empty()) {
		if (err)
			snprintf(err, errlen, "%s: %s", dir, tmpl_errs[TMPL_EDIR]);
		return TMPL_EDIR;
	}
	std::sort(files.begin(), files.end());
	cache->SetTemplateRootDirectory(dir);
	for (const std::string &f : files) {
		if (!has_pragma(std::string(dir) + "/" + f)) {
			if (err)
				snprintf(err, errlen, "%s: %s", f.c_str(), tmpl_errs[TMPL_ENOPRAGMA]);
			return TMPL_ENOPRAGMA;
		}
		if (!cache->LoadTemplate(f, strip_for(f))) {
			if (err)
				snprintf(err, errlen, "%s: %s", f.c_str(), tmpl_errs[TMPL_ELOAD]);
			return TMPL_ELOAD;
		}
	}
	// Frozen: no file is read again while serving, and a template not loaded here cannot expand.
	cache->Freeze();
	return TMPL_OK;
}

extern "C" void
tmpl_set_global(const char *key, const char *value)
{
	ctemplate::TemplateDictionary::SetGlobalValue(key, value);
}

extern "C" struct tmpl_dict *
tmpl_dict_new(void)
{
	tmpl_dict *t = new (std::nothrow) tmpl_dict;

	if (t == NULL)
		return NULL;
	t->d = new (std::nothrow) ctemplate::TemplateDictionary("root");
	if (t->d == NULL) {
		delete t;
		return NULL;
	}
	t->owned = true;
	return t;
}

extern "C" void
tmpl_dict_free(struct tmpl_dict *t)
{
	if (t == NULL)
		return;
	for (tmpl_dict *c : t->children)
		tmpl_dict_free(c);
	if (t->owned)
		delete t->d;
	delete t;
}

extern "C" void
tmpl_set(struct tmpl_dict *t, const char *key, const char *value)
{
	t->d->SetValue(key, value ? value : "");
}

extern "C" void
tmpl_setf(struct tmpl_dict *t, const char *key, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		t->d->SetValue(key, ctemplate::TemplateString(small, (size_t)n));
		return;
	}
	std::string big((size_t)n + 1, '\0');
	va_start(ap, fmt);
	vsnprintf(&big[0], big.size(), fmt, ap);
	va_end(ap);
	big.resize((size_t)n);
	t->d->SetValue(key, big);
}

extern "C" void
tmpl_set_int(struct tmpl_dict *t, const char *key, long long value)
{
	tmpl_setf(t, key, "%lld", value);
}

extern "C" void
tmpl_show(struct tmpl_dict *t, const char *section)
{
	t->d->ShowSection(section);
}

static struct tmpl_dict *
child(struct tmpl_dict *parent, ctemplate::TemplateDictionary *d)
{
	tmpl_dict *t = new tmpl_dict;

	t->d = d;
	t->owned = false;	// ctemplate frees sub-dictionaries with their parent
	parent->children.push_back(t);
	return t;
}

extern "C" struct tmpl_dict *
tmpl_add_row(struct tmpl_dict *t, const char *section)
{
	return child(t, t->d->AddSectionDictionary(section));
}

extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *t, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *d = t->d->AddIncludeDictionary(name);

	d->SetFilename(file);
	return child(t, d);
}

extern "C" enum tmpl_err
tmpl_render(const char *file, const struct tmpl_dict *t, struct buf *out)
{
	std::string s;

	// ExpandTemplate may have written part of the output before failing: only a whole
	// expansion is copied to the caller's buffer.
	if (!ctemplate::ExpandTemplate(file, strip_for(file), t->d, &s))
		return TMPL_EEXPAND;
	if (buf_append(out, s.data(), s.size()) == -1)
		return TMPL_ENOMEM;
	return TMPL_OK;
}
