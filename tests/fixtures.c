#include "fixtures.h"

#include <stdio.h>	/* before jpeglib.h, which needs FILE */

#include <hpdf.h>
#include <jpeglib.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void
hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "libhpdf error %04X (%u)\n", (unsigned)e, (unsigned)detail);
}

int
fx_pdf(struct buf *out, const char *title, const char *text)
{
	HPDF_Doc pdf = HPDF_New(hpdf_error, NULL);
	HPDF_Page page;
	HPDF_UINT32 size;
	int rc = -1;

	buf_init(out, 0);
	if (pdf == NULL)
		return -1;
	if ((page = HPDF_AddPage(pdf)) == NULL ||
	    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, title) != HPDF_OK ||
	    HPDF_Page_BeginText(page) != HPDF_OK ||
	    HPDF_Page_SetFontAndSize(page, HPDF_GetFont(pdf, "Helvetica", NULL), 12) != HPDF_OK ||
	    HPDF_Page_TextOut(page, 50, 700, text) != HPDF_OK ||
	    HPDF_Page_EndText(page) != HPDF_OK || HPDF_SaveToStream(pdf) != HPDF_OK)
		goto done;
	size = HPDF_GetStreamSize(pdf);
	{
		char *tmp = malloc(size ? size : 1);
		HPDF_UINT32 n = size;

		if (tmp && HPDF_ReadFromStream(pdf, (HPDF_BYTE *)tmp, &n) <= HPDF_STREAM_EOF &&
		    n == size && buf_append(out, tmp, n) == 0)
			rc = 0;
		free(tmp);
	}
done:
	HPDF_Free(pdf);
	return rc;
}

static int
write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(b->data, 1, b->len, f) == b->len;

	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

static int
read_file(const char *path, struct buf *b)
{
	char chunk[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	int ok = f != NULL;

	buf_init(b, 0);
	while (ok && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		ok = buf_append(b, chunk, n) == 0;
	if (f)
		fclose(f);
	return ok && b->len ? 0 : -1;
}

/* A scratch directory with in.pdf written; its path into dir. */
static int
scratch(const struct buf *pdf, char *dir, size_t n)
{
	char path[512];

	snprintf(dir, n, "/tmp/portal-fx-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/in.pdf", dir);
	return write_file(path, pdf);
}

static void
scratch_end(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* Runs a shell command in dir (qpdf exits 3 for warnings: a result all the same). */
static int
run(const char *dir, const char *cmd)
{
	char full[2048];
	int st;

	snprintf(full, sizeof(full), "cd '%s' && %s", dir, cmd);
	st = system(full);
	return st != -1 && WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 3) ? 0 : -1;
}

int
fx_pdf_encrypted(const struct buf *pdf, struct buf *out)
{
	char dir[64], path[128];
	int rc = -1;

	buf_init(out, 0);
	if (scratch(pdf, dir, sizeof(dir)) == 0 &&
	    run(dir, "qpdf --encrypt hemmelig ejer 256 -- in.pdf out.pdf") == 0) {
		snprintf(path, sizeof(path), "%s/out.pdf", dir);
		rc = read_file(path, out);
	}
	scratch_end(dir);
	return rc;
}

char *
fx_output(const char *cmd, size_t *len)
{
	struct buf out;
	char chunk[4096];
	size_t n;
	FILE *p;

	buf_init(&out, 64 << 20);
	if ((p = popen(cmd, "r")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_append(&out, chunk, n);
	if (pclose(p) != 0 || buf_append(&out, "", 1) != 0) {
		buf_free(&out);
		return NULL;
	}
	if (len)
		*len = out.len - 1;
	return buf_steal(&out, NULL);
}

int
fx_pdf_signed(const struct buf *pdf, const char *signer, struct buf *out)
{
	char dir[64], path[128], cmd[1800];
	int rc = -1;

	buf_init(out, 0);
	/* A self-signed certificate for signer (openssl), put in a fresh NSS database (certutil,
	 * pk12util) for poppler's pdfsig to sign with, as a supervisor's signing tool would. */
	snprintf(cmd, sizeof(cmd),
	    "openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 "
	    "-utf8 -subj '/CN=%s/O=Universitet' >/dev/null 2>&1 && "
	    "openssl pkcs12 -export -in cert.pem -inkey key.pem -out id.p12 -name signer "
	    "-passout pass:x >/dev/null 2>&1 && mkdir nss && "
	    "certutil -N -d sql:nss --empty-password >/dev/null 2>&1 && "
	    "pk12util -i id.p12 -d sql:nss -W x >/dev/null 2>&1 && "
	    "pdfsig -nssdir sql:nss -add-signature -nick signer in.pdf out.pdf >/dev/null 2>&1 && "
	    "test -s out.pdf", signer);
	if (strchr(signer, '\'') != NULL)
		return -1;
	if (scratch(pdf, dir, sizeof(dir)) == 0 && run(dir, cmd) == 0) {
		snprintf(path, sizeof(path), "%s/out.pdf", dir);
		rc = read_file(path, out);
	}
	scratch_end(dir);
	return rc;
}

int
fx_pdf_attachment(const struct buf *pdf, struct buf *out)
{
	char dir[64], path[128];
	int rc = -1;

	buf_init(out, 0);
	if (scratch(pdf, dir, sizeof(dir)) == 0 &&
	    run(dir, "printf 'hemmelige data\\n' > data.txt && "
	    "qpdf in.pdf --add-attachment data.txt -- out.pdf") == 0) {
		snprintf(path, sizeof(path), "%s/out.pdf", dir);
		rc = read_file(path, out);
	}
	scratch_end(dir);
	return rc;
}

int
fx_pdf_catalog_entry(const struct buf *pdf, const char *entry, enum fx_pdf_form form,
    struct buf *out)
{
	char dir[64], path[128];
	struct buf q, edited;
	const char *cat;
	int rc = -1;

	buf_init(out, 0);
	buf_init(&q, 0);
	buf_init(&edited, 0);
	if (scratch(pdf, dir, sizeof(dir)) != 0 ||
	    run(dir, "qpdf --qdf --object-streams=disable in.pdf q.pdf") != 0)
		goto done;
	snprintf(path, sizeof(path), "%s/q.pdf", dir);
	if (read_file(path, &q) != 0 || (cat = strstr(q.data, "/Type /Catalog")) == NULL)
		goto done;
	/* The entry goes right after /Type /Catalog; fix-qdf mends the offsets and lengths. */
	cat += strlen("/Type /Catalog");
	if (buf_append(&edited, q.data, (size_t)(cat - q.data)) != 0 ||
	    buf_printf(&edited, "\n  %s", entry) < 0 || buf_puts(&edited, cat) != 0)
		goto done;
	snprintf(path, sizeof(path), "%s/edited.pdf", dir);
	if (write_file(path, &edited) != 0 ||
	    run(dir, "fix-qdf edited.pdf > fixed.pdf") != 0 ||
	    run(dir, form == FX_OBJSTM ? "qpdf --object-streams=generate --compress-streams=y "
	    "fixed.pdf out.pdf" : form == FX_PLAIN ? "qpdf --object-streams=disable fixed.pdf "
	    "out.pdf" : "cp fixed.pdf out.pdf") != 0)
		goto done;
	snprintf(path, sizeof(path), "%s/out.pdf", dir);
	rc = read_file(path, out);
done:
	buf_free(&q);
	buf_free(&edited);
	scratch_end(dir);
	return rc;
}

static void
png_to_buf(png_structp png, png_bytep data, png_size_t n)
{
	buf_append(png_get_io_ptr(png), data, n);
}

static void
png_flush_none(png_structp png)
{
	(void)png;
}

int
fx_png(struct buf *out, unsigned width, unsigned height)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *row = calloc(width ? width * 3 : 1, 1);
	unsigned y, x;

	buf_init(out, 0);
	if (png == NULL || info == NULL || row == NULL || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		return -1;
	}
	png_set_write_fn(png, out, png_to_buf, png_flush_none);
	png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (y = 0; y < height; y++) {
		for (x = 0; x < width; x++) {	/* a blue bar on white: something to look at */
			row[x * 3] = row[x * 3 + 1] = (unsigned char)(y < height / 3 ? 40 : 255);
			row[x * 3 + 2] = (unsigned char)(y < height / 3 ? 160 : 255);
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	return out->failed ? -1 : 0;
}

int
fx_jpeg(struct buf *out, unsigned width, unsigned height)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *mem = NULL, *row = calloc(width ? width * 3 : 1, 1);
	unsigned long size = 0;
	JSAMPROW rows[1];

	buf_init(out, 0);
	if (row == NULL)
		return -1;
	memset(row, 200, width * 3);
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &size);
	c.image_width = width;
	c.image_height = height;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	rows[0] = row;
	while (c.next_scanline < c.image_height)
		jpeg_write_scanlines(&c, rows, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	if (buf_append(out, mem, size) != 0) {
		free(mem);
		return -1;
	}
	free(mem);
	return 0;
}

int
fx_contains(const struct buf *b, const char *needle)
{
	return b->data && memmem(b->data, b->len, needle, strlen(needle)) != NULL;
}
