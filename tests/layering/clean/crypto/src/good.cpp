// Allowed includes for the layering self-test (must not be flagged); never compiled.
#include <queue>
#include <sodium.h>
#include "fieldseal/crypto/age.hpp"
#include "fieldseal/result.hpp"
// A comment that mentions <QString> and app/cli/ is not an include.
