# Compiler warnings, hardening and sanitizers, applied per target (never as
# global flags) through fieldseal_harden(<target>).
include(CheckCXXCompilerFlag)

add_library(fieldseal_build_options INTERFACE)
target_compile_options(fieldseal_build_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -fstack-protector-strong -fstack-clash-protection -fPIE
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wlogical-op -Wuseless-cast>
  $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
target_compile_definitions(fieldseal_build_options INTERFACE _GLIBCXX_ASSERTIONS)
target_link_options(fieldseal_build_options INTERFACE
  -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack -pie)

if(FIELDSEAL_SANITIZE)
  target_compile_options(fieldseal_build_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(fieldseal_build_options INTERFACE -fsanitize=address,undefined)
endif()
if(FIELDSEAL_FUZZ)
  target_compile_options(fieldseal_build_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(fieldseal_build_options INTERFACE -fsanitize=address,undefined)
endif()

function(fieldseal_harden target)
  target_link_libraries(${target} PRIVATE fieldseal_build_options)
endfunction()

# fieldseal_add_fuzzer(<name> SOURCES <src...> LIBS <libs...>)
# With FIELDSEAL_FUZZ: a libFuzzer binary and a ctest "fuzz.<name>" that runs it
# for FIELDSEAL_FUZZ_SECONDS over tests/fuzz/corpus/<name> (seed inputs).
# Without it: the same target linked to a small driver that replays the seed
# corpus, registered as ctest "fuzz_regression.<name>", so every build checks
# that the seeds still pass.
# fuzz_all: every fuzz target. The fuzz build preset builds only this and
# check_layering, so a half-written front end never blocks fuzzing and the
# fuzz build compiles no more than the fuzzers need.
add_custom_target(fuzz_all)

function(fieldseal_add_fuzzer name)
  cmake_parse_arguments(FZ "" "" "SOURCES;LIBS" ${ARGN})
  set(corpus "${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${name}")
  add_executable(fuzz_${name} ${FZ_SOURCES})
  target_link_libraries(fuzz_${name} PRIVATE ${FZ_LIBS})
  fieldseal_harden(fuzz_${name})
  add_dependencies(fuzz_all fuzz_${name})
  if(FIELDSEAL_FUZZ)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    set(work "${CMAKE_CURRENT_BINARY_DIR}/fuzz_work/${name}")
    # New inputs go to the work directory (the seeds in the source tree are
    # never modified); a crash leaves its input there as crash-<sha1>. A seed
    # directory that does not exist (git keeps no empty ones) is left out
    # rather than making libFuzzer exit with an error.
    add_test(NAME fuzz.${name}
      COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
              sh -c [=[
                bin=$0 seconds=$1 work=$2 corpus=$3
                mkdir -p "$work" || exit 1
                set --
                if [ -d "$corpus" ]; then set -- "$corpus"; fi
                exec "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
                  -print_final_stats=1 -artifact_prefix="$work/" "$work" "$@"
              ]=] $<TARGET_FILE:fuzz_${name}> ${FIELDSEAL_FUZZ_SECONDS} ${work} ${corpus})
    math(EXPR timeout "${FIELDSEAL_FUZZ_SECONDS} + 300")
    set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT ${timeout})
  else()
    target_sources(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cpp)
    add_test(NAME fuzz_regression.${name} COMMAND fuzz_${name} ${corpus})
    set_tests_properties(fuzz_regression.${name} PROPERTIES LABELS fuzz_regression)
  endif()
endfunction()

# The layering rule (crypto <- storage <- transport <- app; Qt only in app/gui)
# is checked by every build, whatever the options: a violation fails the build.
# The same script runs as ctest tests with self-tests in tests/layering/.
add_custom_target(check_layering ALL
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -P ${PROJECT_SOURCE_DIR}/tests/layering/check_layering.cmake
  COMMENT "Checking the layering: core libraries include neither Qt nor app/ headers"
  VERBATIM)
