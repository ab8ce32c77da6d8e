# Every third-party dependency of fieldseal is found here and nowhere else.
# All come from Debian packages (see scripts/setup.sh); nothing is downloaded
# or vendored. Which layer may use which dependency is fixed below, by the
# targets that link them:
#   fieldseal_crypto    : libsodium
#   fieldseal_storage   : + SQLCipher 4, nlohmann-json (canonical report JSON,
#                         which is what a report's signature covers)
#   fieldseal_transport : + zstd, libarchive
#   fieldseal (CLI)     : + CLI11
#   fieldseal-gui       : + Qt 6 Widgets (the only target that may link Qt)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd>=1.5)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(LibArchive REQUIRED)
find_package(CLI11 2.1 REQUIRED)

# pkg-config reports SQLCipher's bundled SQLite version; read SQLCipher's own
# version from the library at configure time and refuse 3.x.
include(CheckCSourceRuns)
set(CMAKE_REQUIRED_INCLUDES ${SQLCIPHER_INCLUDE_DIRS})
set(CMAKE_REQUIRED_LIBRARIES ${SQLCIPHER_LINK_LIBRARIES})
set(CMAKE_REQUIRED_DEFINITIONS -DSQLITE_HAS_CODEC)
check_c_source_runs([=[
#include <sqlite3.h>
#include <stdlib.h>
int main(void) {
  sqlite3 *db; sqlite3_stmt *st; int major = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &st, 0) != SQLITE_OK) return 1;
  if (sqlite3_step(st) == SQLITE_ROW) major = atoi((const char *)sqlite3_column_text(st, 0));
  return major >= 4 ? 0 : 1;
}
]=] FIELDSEAL_SQLCIPHER_IS_4)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_LIBRARIES)
unset(CMAKE_REQUIRED_DEFINITIONS)
if(NOT FIELDSEAL_SQLCIPHER_IS_4)
  message(FATAL_ERROR
    "fieldseal needs SQLCipher 4.5 or newer; the SQLCipher found is older (or did not run).\n"
    "SQLCipher 3.x bundles SQLite 3.15 (2016) with unpatched FTS3 vulnerabilities.\n"
    "On Debian 12: echo 'deb http://deb.debian.org/debian bookworm-backports main' "
    "> /etc/apt/sources.list.d/backports.list && apt-get update && "
    "apt-get install -t bookworm-backports libsqlcipher-dev\n"
    "Or simply run scripts/setup.sh.")
endif()

if(FIELDSEAL_BUILD_TESTS)
  find_package(Catch2 3 REQUIRED)
endif()

# The C2SP CCTV age vectors are test data, not a package: they sit in the
# project's shared tree beside the repository. Without them the CCTV test
# fails (it never skips); say why at configure time already.
if(FIELDSEAL_BUILD_TESTS AND NOT IS_DIRECTORY "${FIELDSEAL_CCTV_AGE_DIR}")
  message(WARNING
    "No CCTV age test vectors at FIELDSEAL_CCTV_AGE_DIR=${FIELDSEAL_CCTV_AGE_DIR}; "
    "the CCTV test will fail. Point -DFIELDSEAL_CCTV_AGE_DIR at a copy "
    "(the npm package cctv-age@0.2.0 holds the same set).")
endif()
