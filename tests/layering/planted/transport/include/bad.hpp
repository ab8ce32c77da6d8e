// Planted violation for the layering self-test; never compiled.
#include <CLI/CLI.hpp>
