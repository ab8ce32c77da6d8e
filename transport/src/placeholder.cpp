namespace fieldseal::transport {}
