// A narrow C interface over zlib's gz file reader, which reads gzip-compressed and plain files alike.
// Only an opaque handle and plain integer types are visible to Swift.
#ifndef ONOMA_ZLIB_H
#define ONOMA_ZLIB_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque open file.
typedef struct OnomaGzFile OnomaGzFile;

/// Opens `path` (gzip-compressed or plain) for reading, or standard input when `path` is NULL. NULL on failure.
OnomaGzFile *onoma_gz_open(const char *path);

/// Reads up to `capacity` decompressed bytes. Returns the count, 0 at the end, -1 on a read or format error.
int32_t onoma_gz_read(OnomaGzFile *file, uint8_t *buffer, int32_t capacity);

/// Closes the file. NULL is ignored.
/* 1 when the last read hit the end of a compressed stream before its end (a gzip file cut short: no trailer). */
int32_t onoma_gz_ended_early(OnomaGzFile *file);

void onoma_gz_close(OnomaGzFile *file);

#ifdef __cplusplus
}
#endif

#endif
