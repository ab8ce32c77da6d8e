// Planted violations for the layering self-test; never compiled.
#include <QtCore/QString>
#include "fieldseal/storage/vault.hpp"
