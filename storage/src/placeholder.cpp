namespace fieldseal::storage {}
