// A narrow C interface over ICU's transliteration service.
//
// Swift cannot call ICU's C functions directly on Linux (every function is renamed by macro with a version
// suffix), and a module that exposed ICU's own types would clash with Foundation's bundled ICU. So this header
// shows only an opaque handle and plain integer types; the ICU includes live in onoma_icu.c.
#ifndef ONOMA_ICU_H
#define ONOMA_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opaque compiled transliterator.
typedef struct OnomaTransliterator OnomaTransliterator;

/// Compiles a transliterator.
///
/// - `id`/`idLength`: a system transliterator ID (e.g. "Han-Latin/Names") when `rules` is NULL, or the name to
///   give the compiled rules otherwise. UTF-16 code units.
/// - `rules`/`rulesLength`: ICU transform rules (UTF-16), or NULL.
/// - On failure returns NULL, sets `*errorCode` to ICU's error code and, for rule syntax errors, `*errorLine`
///   and `*errorOffset` to the 1-based line and 0-based offset ICU reported (0 when unknown).
OnomaTransliterator *onoma_translit_open(const uint16_t *id, int32_t idLength,
                                         const uint16_t *rules, int32_t rulesLength,
                                         int32_t *errorCode, int32_t *errorLine, int32_t *errorOffset);

/// Transliterates `text` in place into `buffer` (capacity `capacity` UTF-16 units). The first `length` units of
/// `buffer` are the input. Returns the output length; if it exceeds `capacity`, nothing useful is in `buffer` and
/// the call must be repeated with a larger buffer. Returns -1 and sets `*errorCode` on other errors.
int32_t onoma_translit_run(const OnomaTransliterator *transliterator, uint16_t *buffer, int32_t length,
                           int32_t capacity, int32_t *errorCode);

/// Releases a transliterator. NULL is ignored.
void onoma_translit_close(OnomaTransliterator *transliterator);

/// Writes ICU's name for an error code into `buffer` (NUL-terminated, truncated to `capacity`).
void onoma_icu_error_name(int32_t errorCode, char *buffer, int32_t capacity);

/// The number of ISO 3166 region codes ICU knows (CLDR's list of countries and territories).
int32_t onoma_region_count(void);

/// Writes the `index`-th region code (two letters, NUL-terminated) into `buffer`; returns its length, or -1.
int32_t onoma_region_code(int32_t index, char *buffer, int32_t capacity);

/// Writes the CLDR display name of `region` (e.g. "JP") in `displayLocale` (e.g. "zh_Hant") into `buffer`
/// (UTF-16), in the standard (`shortForm` 0) or short (`shortForm` 1) form. Returns the length, or -1 on error.
int32_t onoma_region_display_name(const char *region, const char *displayLocale, int32_t shortForm,
                                  uint16_t *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
