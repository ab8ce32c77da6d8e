// Planted violations for the layering self-test; never compiled.
#include "app/cli/commands.hpp"
#  include <zstd.h>
