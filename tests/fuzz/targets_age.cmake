# age v1 fuzz targets (seed corpora in corpus/age_*).
fieldseal_add_fuzzer(age_header SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_age_header.cpp
  LIBS fieldseal_crypto)
fieldseal_add_fuzzer(age_armor SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_age_armor.cpp
  LIBS fieldseal_crypto)
fieldseal_add_fuzzer(age_decrypt SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_age_decrypt.cpp
  LIBS fieldseal_crypto)
