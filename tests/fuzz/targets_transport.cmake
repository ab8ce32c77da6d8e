# Transport fuzz targets (seed corpora in corpus/{manifest,receipt,tar_entry,part_header}).
foreach(target manifest receipt tar_entry part_header)
  fieldseal_add_fuzzer(${target} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_${target}.cpp
    LIBS fieldseal_transport)
endforeach()
