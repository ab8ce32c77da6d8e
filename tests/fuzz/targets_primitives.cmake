# Primitive fuzz targets (seed corpus in corpus/card).
fieldseal_add_fuzzer(card SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_card.cpp LIBS fieldseal_crypto)
