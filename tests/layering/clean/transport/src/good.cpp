// Allowed includes for the layering self-test (must not be flagged); never compiled.
#include <archive.h>
#include <zstd.h>
#include "fieldseal/storage/error.hpp"
#include "fieldseal/transport/bundle.hpp"
