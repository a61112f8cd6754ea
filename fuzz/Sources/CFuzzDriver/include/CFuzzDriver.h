#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, FuzzerDriver.cpp): what libFuzzer's own `main` calls.
/// SwiftPM links an executable with `--defsym main=<Module>_main`, so each target defines
/// `<Module>_main` and hands over to the driver here.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Calls the driver with the program's arguments.
int weir_fuzz_run_driver(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));
#endif
