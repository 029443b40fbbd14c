#include "form.h"

#include <stdio.h>
#include <string.h>

#include "http_parse.h"

static const char *const form_errs[FORM__MAX] = {
	[FORM_OK] = "",
	[FORM_EMISSING] = "Udfyld feltet.",
	[FORM_ETOOSHORT] = "Teksten er for kort.",
	[FORM_ETOOLONG] = "Teksten er for lang.",
	[FORM_EBADBYTE] = "Feltet indeholder tegn, der ikke kan bruges.",
	[FORM_ECHOICE] = "Vælg en af mulighederne.",
	[FORM_ENUMBER] = "Skriv et helt tal.",
	[FORM_EEMAIL] = "Skriv en gyldig e-mailadresse, fx navn@ku.dk.",
	[FORM_EURL] = "Skriv en fuld webadresse, der begynder med https://",
	[FORM_EREPEATED] = "Feltet er sendt mere end én gang.",
	[FORM_EDATE] = "Skriv en dato som åååå-mm-dd, fx 2027-02-01.",
	[FORM_EFILESIZE] = "Filen er for stor.",
	[FORM_EFILEEMPTY] = "Filen er tom. Vælg den fil, du vil sende.",
	[FORM_EFILETYPE] = "Filen har ikke en type, vi kan tage imod.",
	[FORM_EFILEBROKEN] = "Filen kan ikke læses. Den er måske beskadiget. Gem den igen, og "
	    "prøv igen.",
	[FORM_EFILECHECK] = "Vi kunne ikke kontrollere filen lige nu. Prøv igen om lidt.",
	[FORM_EIMAGESIZE] = "Billedet er for stort.",
	[FORM_EPDFENCRYPTED] = "PDF-filen er krypteret eller beskyttet med adgangskode. Gem den "
	    "uden kryptering og adgangskode, og prøv igen.",
	[FORM_EPDFSCRIPT] = "PDF-filen indeholder JavaScript, som vi ikke tager imod. Gem den "
	    "som en almindelig PDF (fx med »Udskriv til PDF«), og prøv igen.",
	[FORM_EPDFLAUNCH] = "PDF-filen indeholder en handling, der starter et program. Gem den "
	    "som en almindelig PDF (fx med »Udskriv til PDF«), og prøv igen.",
	[FORM_EPDFEMBEDDED] = "PDF-filen har andre filer indlejret eller vedhæftet. Fjern dem, "
	    "eller gem den som en almindelig PDF, og prøv igen.",
	[FORM_EPDFACTIVE] = "PDF-filen indeholder aktivt indhold, fx en formular, der sender "
	    "data, eller lyd og video. Gem den som en almindelig PDF, og prøv igen.",
	[FORM_EPDFUNCHECKABLE] = "Vi kan ikke kontrollere hele indholdet af PDF-filen. Gem den "
	    "igen som PDF (fx med »Udskriv til PDF«), og prøv igen.",
};

/* A byte count as people read it: "1 MB", "500 kB" (1 MB = 1024 kB, as file managers say). */
void
form_size_text(size_t bytes, char *out, size_t n)
{
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
		snprintf(out, n, "%zu MB", bytes / (1024 * 1024));
	else if (bytes >= 1024 * 1024)
		snprintf(out, n, "%zu,%zu MB", bytes / (1024 * 1024),
		    bytes % (1024 * 1024) * 10 / (1024 * 1024));
	else
		snprintf(out, n, "%zu kB", (bytes + 1023) / 1024);
}

const char *
form_strerror(enum form_err e)
{
	return (unsigned)e < FORM__MAX ? form_errs[e] : "Feltet er ikke udfyldt rigtigt.";
}

void
form_message(const struct form *f, size_t i, char *out, size_t outlen)
{
	const struct form_field *fd = &f->fields[i];

	switch (f->v[i].err) {
	case FORM_EMISSING:
	case FORM_ECHOICE:
		snprintf(out, outlen, "%s", fd->missing ? fd->missing : form_strerror(f->v[i].err));
		break;
	case FORM_ETOOLONG:
		snprintf(out, outlen, "Teksten er for lang. Skriv højst %lld tegn.", fd->max);
		break;
	case FORM_ETOOSHORT:
		snprintf(out, outlen, "Teksten er for kort. Skriv mindst %lld tegn.", fd->min);
		break;
	case FORM_ENUMBER:
		snprintf(out, outlen, "Skriv et helt tal fra %lld til %lld.", fd->min, fd->max);
		break;
	case FORM_EFILESIZE: {
		char size[32];

		form_size_text(fd->max > 0 ? (size_t)fd->max : 0, size, sizeof(size));
		snprintf(out, outlen, "Filen er for stor. Den må højst fylde %s.", size);
		break;
	}
	case FORM_EFILETYPE: {
		char types[96];

		form_file_types_text(fd->choices, types, sizeof(types));
		snprintf(out, outlen, "Filen skal være %s. Vi ser på filens indhold, ikke på dens "
		    "navn.", types);
		break;
	}
	case FORM_EIMAGESIZE:
		snprintf(out, outlen, "Billedet er for stort. Det må højst være %lld × %lld pixel. "
		    "Gør det mindre, og prøv igen.", fd->min, fd->min);
		break;
	default:
		snprintf(out, outlen, "%s", form_strerror(f->v[i].err));
		break;
	}
}

void
form_lower(char *dst, size_t n, const char *src)
{
	size_t i;

	for (i = 0; src && src[i] && i + 1 < n; i++)
		dst[i] = src[i] >= 'A' && src[i] <= 'Z' ? (char)(src[i] - 'A' + 'a') : src[i];
	if (n)
		dst[i] = '\0';
}

size_t
form_utf8_chars(const char *p, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static enum form_err
text_limits(const struct form_field *fd, const char *v, size_t len)
{
	size_t chars;

	if (!http_parse_text_ok(v, len))
		return FORM_EBADBYTE;
	chars = form_utf8_chars(v, len);
	if (fd->min > 0 && chars < (size_t)fd->min)
		return FORM_ETOOSHORT;
	if (fd->max > 0 && chars > (size_t)fd->max)
		return FORM_ETOOLONG;
	return FORM_OK;
}

enum form_err
form_text(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	(void)num;
	return text_limits(fd, v, len);
}

/* One line: like text, but no line breaks or tabs (names, titles, subjects). */
enum form_err
form_line(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	(void)num;
	if (memchr(v, '\n', len) || memchr(v, '\r', len) || memchr(v, '\t', len))
		return FORM_EBADBYTE;
	return text_limits(fd, v, len);
}

enum form_err
form_int(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	long long n = 0;
	size_t i = 0;
	int neg = 0;

	if (len > 0 && v[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == len || len - i > 15)
		return FORM_ENUMBER;
	for (; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return FORM_ENUMBER;
		n = n * 10 + (v[i] - '0');
	}
	if (neg)
		n = -n;
	if (n < fd->min || n > fd->max)
		return FORM_ENUMBER;
	*num = n;
	return FORM_OK;
}

enum form_err
form_date(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, leap;

	if (len != 10 || v[4] != '-' || v[7] != '-')
		return FORM_EDATE;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return FORM_EDATE;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[5] - '0') * 10 + (v[6] - '0');
	d = (v[8] - '0') * 10 + (v[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap))
		return FORM_EDATE;
	*num = (long long)y * 10000 + m * 100 + d;
	if ((fd->min && *num < fd->min) || (fd->max && *num > fd->max))
		return FORM_EDATE;
	return FORM_OK;
}

enum form_err
form_choice(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	long long i;

	for (i = 0; fd->choices && fd->choices[i]; i++)
		if (strlen(fd->choices[i]) == len && memcmp(fd->choices[i], v, len) == 0) {
			*num = i;
			return FORM_OK;
		}
	return FORM_ECHOICE;
}

static int
is_label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '-';
}

/* Deliberately plain: local@domain.tld with a dotted domain of letters, digits and hyphens. */
enum form_err
form_email(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	const char *at;
	size_t i, local, dots = 0;

	(void)num;
	if (len > 254 || (fd->max > 0 && len > (size_t)fd->max))
		return FORM_ETOOLONG;
	if ((at = memchr(v, '@', len)) == NULL || memchr(at + 1, '@', len - (size_t)(at - v) - 1))
		return FORM_EEMAIL;
	local = (size_t)(at - v);
	if (local == 0 || local > 64)
		return FORM_EEMAIL;
	for (i = 0; i < local; i++)
		if ((unsigned char)v[i] <= ' ' || (unsigned char)v[i] >= 0x7f || strchr("\"(),:;<>[\\]", v[i]))
			return FORM_EEMAIL;
	for (i = local + 1; i < len; i++) {
		if (v[i] == '.') {
			if (i == local + 1 || v[i - 1] == '.' || i + 1 == len)
				return FORM_EEMAIL;
			dots++;
		} else if (!is_label_char(v[i]))
			return FORM_EEMAIL;
	}
	return dots ? FORM_OK : FORM_EEMAIL;
}

enum form_err
form_url(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	size_t i, start;

	(void)num;
	if (fd->max > 0 && len > (size_t)fd->max)
		return FORM_ETOOLONG;
	if (len > 8 && strncmp(v, "https://", 8) == 0)
		start = 8;
	else if (len > 7 && strncmp(v, "http://", 7) == 0)
		start = 7;
	else
		return FORM_EURL;
	for (i = start; i < len; i++)
		if ((unsigned char)v[i] <= ' ' || (unsigned char)v[i] >= 0x7f || v[i] == '"' ||
		    v[i] == '<' || v[i] == '>' || v[i] == '\\')
			return FORM_EURL;
	/* A host: at least one character before any path, and no userinfo tricks. */
	if (i == start || v[start] == '/' || memchr(v + start, '@', len - start))
		return FORM_EURL;
	return FORM_OK;
}

static int
is_blank(const char *v, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (v[i] != ' ' && v[i] != '\t' && v[i] != '\r' && v[i] != '\n')
			return 0;
	return 1;
}

int
form_blank(const char *s)
{
	return s == NULL || is_blank(s, strlen(s));
}

static int
urlencode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			if (buf_append(b, s, 1) != 0)
				return -1;
		} else if (buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]) < 0)
			return -1;
	}
	return 0;
}

int
form_encode_pair(struct buf *out, const char *name, const char *value)
{
	if ((out->len && buf_puts(out, "&") != 0) || urlencode(out, name) != 0 ||
	    buf_puts(out, "=") != 0 || urlencode(out, value ? value : "") != 0)
		return -1;
	return 0;
}

int
form_encode(const struct form *f, struct buf *out)
{
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].validate != form_file_field && f->v[i].value && !is_blank(f->v[i].value, f->v[i].len) &&
		    form_encode_pair(out, f->fields[i].name, f->v[i].value) != 0)
			return -1;
	return 0;
}

/*
 * A file field: no file chosen arrives as a part with an empty name and no bytes, and a text
 * part where a file belongs is no file either.
 */
enum form_err
form_file_field(const struct form_field *fd, const char *v, size_t len, long long *num)
{
	(void)fd, (void)v, (void)len, (void)num;
	return FORM_EFILECHECK;
}

static enum form_err
read_file(struct form *f, const struct form_field *fd, const struct kv *kv, struct form_value *v)
{
	struct form_file *ff;
	enum form_err e;

	if (kv == NULL || kv->filename == NULL || (kv->filename[0] == '\0' && kv->value_len == 0))
		return fd->required ? FORM_EMISSING : FORM_OK;
	if (f->nfiles >= FORM_MAX_FILES)
		return FORM_EREPEATED;
	ff = &f->files[f->nfiles];
	if ((e = form_file(fd, kv->value, kv->value_len, kv->filename, ff)) == FORM_OK) {
		f->nfiles++;
		v->file = ff;
	}
	return e;
}

size_t
form_read(struct form *f, const struct form_field *fields, size_t nfields,
    const struct kvlist *src)
{
	const struct kv *kv;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->fields = fields;
	f->nfields = nfields > FORM_MAX_FIELDS ? FORM_MAX_FIELDS : nfields;
	for (i = 0; i < f->nfields; i++) {
		struct form_value *v = &f->v[i];

		if ((kv = kvlist_get(src, fields[i].name)) != NULL) {
			v->value = kv->value;
			v->len = kv->value_len;
		}
		if (kv && kvlist_count(src, fields[i].name) > 1)
			v->err = FORM_EREPEATED;
		else if (fields[i].validate == form_file_field)
			v->err = read_file(f, &fields[i], kv, v);
		else if (kv == NULL || is_blank(kv->value, kv->value_len))
			v->err = fields[i].required ? FORM_EMISSING : FORM_OK;
		else
			v->err = fields[i].validate(&fields[i], kv->value, kv->value_len, &v->num);
		if (v->err != FORM_OK)
			f->nerrors++;
	}
	return f->nerrors;
}
