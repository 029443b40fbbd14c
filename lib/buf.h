/* buf: a growable byte buffer with a hard cap, for response bodies and rendered templates. */
#ifndef PORTAL_BUF_H
#define PORTAL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char   *data;	/* always NUL-terminated when non-NULL */
	size_t  len;
	size_t  cap;
	size_t  limit;	/* 0 = default limit (BUF_DEFAULT_LIMIT) */
	int     failed;	/* sticky: set when an append hit the limit or ran out of memory */
};

#ifdef __cplusplus
extern "C" {
#endif


#define BUF_DEFAULT_LIMIT ((size_t)64 * 1024 * 1024)

void	 buf_init(struct buf *, size_t limit);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_append(struct buf *, const void *, size_t);
int	 buf_puts(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...) __attribute__((format(printf, 2, 3)));
int	 buf_vprintf(struct buf *, const char *, va_list) __attribute__((format(printf, 2, 0)));
/* Hands the buffer's memory to the caller (who frees it) and leaves the buf empty. */
char	*buf_steal(struct buf *, size_t *lenp);

#ifdef __cplusplus
}
#endif

#endif
