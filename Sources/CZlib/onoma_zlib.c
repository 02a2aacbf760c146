#include "onoma_zlib.h"

#include <stdio.h>
#include <zlib.h>

OnomaGzFile *onoma_gz_open(const char *path) {
    gzFile file = path ? gzopen(path, "rb") : gzdopen(fileno(stdin), "rb");
    if (file) gzbuffer(file, 1 << 17);
    return (OnomaGzFile *)file;
}

int32_t onoma_gz_read(OnomaGzFile *file, uint8_t *buffer, int32_t capacity) {
    int n = gzread((gzFile)file, buffer, (unsigned)capacity);
    if (n < 0) return -1;
    return (int32_t)n;
}

int32_t onoma_gz_ended_early(OnomaGzFile *file) {
    int errnum = Z_OK;
    gzerror((gzFile)file, &errnum);
    return errnum == Z_BUF_ERROR ? 1 : 0;
}

void onoma_gz_close(OnomaGzFile *file) {
    if (file) gzclose((gzFile)file);
}
