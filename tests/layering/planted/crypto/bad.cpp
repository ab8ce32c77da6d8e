#include <QtCore/QString>
#include "fieldseal/storage/vault.hpp"
