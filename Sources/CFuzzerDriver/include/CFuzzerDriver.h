#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
// libFuzzer's driver, for a fuzz target that has its own main (SwiftPM gives every executable one). The symbol
// exists only in a build linked with -sanitize=fuzzer (Scripts/fuzz.sh); a normal build never calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
