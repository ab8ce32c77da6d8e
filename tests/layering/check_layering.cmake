# Fails when a core library reaches upward or into Qt:
#   crypto/    may include only itself, libsodium and the standard library;
#   storage/   may also include crypto, SQLCipher and nlohmann-json;
#   transport/ may also include storage, zstd, nlohmann-json, libarchive.
# None of them may include Qt or app/ headers.
# Usage: cmake -DSOURCE_DIR=<repo> -P check_layering.cmake
# Self-tests: planted/ (each violation must be named) and clean/ (must pass).
if(NOT IS_DIRECTORY "${SOURCE_DIR}")
  message(FATAL_ERROR "check_layering: SOURCE_DIR '${SOURCE_DIR}' is not a directory")
endif()
set(layers crypto storage transport)
set(forbidden_crypto    "fieldseal/storage/" "fieldseal/transport/" "sqlite3" "zstd" "nlohmann" "archive")
set(forbidden_storage   "fieldseal/transport/" "zstd" "archive")
set(forbidden_transport)
set(forbidden_everywhere "<Q" "\"Q" "qt6" "QtCore" "QtWidgets" "QtGui" "app/" "gui/" "cli/" "CLI/" "CLI11")

set(violations "")
foreach(layer IN LISTS layers)
  file(GLOB_RECURSE sources
       "${SOURCE_DIR}/${layer}/*.hpp" "${SOURCE_DIR}/${layer}/*.cpp"
       "${SOURCE_DIR}/${layer}/*.h" "${SOURCE_DIR}/${layer}/*.cc")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      foreach(pattern IN LISTS forbidden_everywhere forbidden_${layer})
        string(FIND "${line}" "${pattern}" at)
        if(NOT at EQUAL -1)
          file(RELATIVE_PATH rel "${SOURCE_DIR}" "${source}")
          string(APPEND violations "  ${rel}: ${line}   (${layer}/ must not include '${pattern}')\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

# CMake side: only the GUI target may link Qt.
foreach(layer IN LISTS layers)
  if(EXISTS "${SOURCE_DIR}/${layer}/CMakeLists.txt")
    file(READ "${SOURCE_DIR}/${layer}/CMakeLists.txt" cmake_text)
    if(cmake_text MATCHES "Qt6::|Qt::|find_package\\(Qt")
      string(APPEND violations "  ${layer}/CMakeLists.txt links Qt\n")
    endif()
  endif()
endforeach()

if(violations)
  message(FATAL_ERROR "Layering violations (crypto <- storage <- transport <- app):\n${violations}")
endif()
message(STATUS "layering ok")
