// The declaration in include/CFuzzerDriver.h is all this target provides; libFuzzer itself
// comes with `-sanitize=fuzzer` at link time.
#include "CFuzzerDriver.h"
