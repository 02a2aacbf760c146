#include "onoma_icu.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/parseerr.h>
#include <unicode/uloc.h>
#include <unicode/uldnames.h>
#include <unicode/udisplaycontext.h>

OnomaTransliterator *onoma_translit_open(const uint16_t *id, int32_t idLength,
                                         const uint16_t *rules, int32_t rulesLength,
                                         int32_t *errorCode, int32_t *errorLine, int32_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    memset(&parseError, 0, sizeof parseError);
    UTransliterator *trans = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                          (const UChar *)rules, rules ? rulesLength : 0, &parseError, &status);
    *errorCode = (int32_t)status;
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    if (U_FAILURE(status)) {
        if (trans) utrans_close(trans);
        return NULL;
    }
    return (OnomaTransliterator *)trans;
}

int32_t onoma_translit_run(const OnomaTransliterator *transliterator, uint16_t *buffer, int32_t length,
                           int32_t capacity, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)buffer, &textLength, capacity, 0, &limit,
                       &status);
    *errorCode = (int32_t)status;
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        *errorCode = 0;
        return textLength;
    }
    if (U_FAILURE(status)) return -1;
    return textLength;
}

void onoma_translit_close(OnomaTransliterator *transliterator) {
    if (transliterator) utrans_close((UTransliterator *)transliterator);
}

void onoma_icu_error_name(int32_t errorCode, char *buffer, int32_t capacity) {
    if (capacity <= 0) return;
    const char *name = u_errorName((UErrorCode)errorCode);
    strncpy(buffer, name, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

int32_t onoma_region_count(void) {
    const char *const *codes = uloc_getISOCountries();
    int32_t n = 0;
    while (codes[n]) n++;
    return n;
}

int32_t onoma_region_code(int32_t index, char *buffer, int32_t capacity) {
    if (index < 0 || index >= onoma_region_count() || capacity < 3) return -1;
    const char *code = uloc_getISOCountries()[index];
    strncpy(buffer, code, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
    return (int32_t)strlen(buffer);
}

int32_t onoma_region_display_name(const char *region, const char *displayLocale, int32_t shortForm,
                                  uint16_t *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UDisplayContext contexts[] = {shortForm ? UDISPCTX_LENGTH_SHORT : UDISPCTX_LENGTH_FULL};
    ULocaleDisplayNames *names = uldn_openForContext(displayLocale, contexts, 1, &status);
    if (U_FAILURE(status)) return -1;
    int32_t length = uldn_regionDisplayName(names, region, (UChar *)buffer, capacity, &status);
    uldn_close(names);
    if (U_FAILURE(status)) return -1;
    return length;
}
