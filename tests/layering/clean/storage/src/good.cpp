// Allowed includes for the layering self-test (must not be flagged); never compiled.
#include <sqlite3.h>
#include <nlohmann/json.hpp>
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/database.hpp"
