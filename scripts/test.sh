#!/usr/bin/env bash
# README command 2: set up, build and run every test of fieldseal.
#
#   1. scripts/setup.sh   packages (as non-root without sudo it prints what to run)
#   2. preset ci          optimised build with GUI and benchmarks; every ctest test
#   3. preset asan        ASan + UBSan build, no GUI, no benchmarks; every ctest test
#                         but the crash trials and age interop (see CMakePresets.json)
#   4. preset fuzz        clang-14 + libFuzzer; every fuzz target runs for
#                         FIELDSEAL_FUZZ_SECONDS (default 30) under `ctest --preset fuzz`
#
# Exits non-zero if anything fails: set-up, a configure, a build or a test. A
# preset that fails to configure or build counts as one failed test, and the
# remaining presets still run so that one run shows every problem. The last
# line printed is exactly "N passed, N failed", the sum over the three ctest
# runs (read from ctest's JUnit output).
#
# Environment:
#   FIELDSEAL_FUZZ_SECONDS  seconds per fuzz target (default 30)
#   FIELDSEAL_PRESETS       presets to run, in order (default "ci asan fuzz")
#   FIELDSEAL_JOBS          build and test parallelism (default: nproc)
#   FIELDSEAL_SKIP_SETUP=1  do not run scripts/setup.sh (packages already there)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fuzz_seconds=${FIELDSEAL_FUZZ_SECONDS:-30}
presets=${FIELDSEAL_PRESETS:-ci asan fuzz}
jobs=${FIELDSEAL_JOBS:-$(nproc)}
case "$fuzz_seconds" in
  '' | *[!0-9]* | 0) echo "error: FIELDSEAL_FUZZ_SECONDS must be a positive integer" >&2; exit 2 ;;
esac
case "$jobs" in
  '' | *[!0-9]* | 0) echo "error: FIELDSEAL_JOBS must be a positive integer" >&2; exit 2 ;;
esac

started=$SECONDS
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
banner() { printf '\n==== %s\n' "$*"; }

banner "set-up (scripts/setup.sh)"
if [ "${FIELDSEAL_SKIP_SETUP:-0}" != 1 ]; then
  if ! "$root/scripts/setup.sh"; then
    echo "error: set-up failed; fix the above and run scripts/test.sh again" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
else
  echo "skipped (FIELDSEAL_SKIP_SETUP=1)"
fi

cctv_dir="$root/../shared/testdata/cctv-age"
if [ ! -d "$cctv_dir" ]; then
  echo "warning: no CCTV age vectors at $cctv_dir: the CCTV test will fail" >&2
fi

total_passed=0
total_failed=0
summary=()

# Reads "tests failures disabled skipped" from the <testsuite> element of a
# ctest JUnit file.
junit_counts() {
  local head attr
  head=$(tr '\n' ' ' <"$1" | grep -o '<testsuite [^>]*>' | head -n 1)
  for attr in tests failures disabled skipped; do
    printf '%s ' "$(printf '%s' "$head" | grep -o "[[:space:]]$attr=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0)"
  done
}

run_preset() {
  local preset=$1 t0=$SECONDS
  shift
  local dir="$root/build/$preset"
  local junit="$dir/ctest-junit.xml"
  local no_tests=error

  banner "preset $preset: configure"
  if ! cmake --preset "$preset" "$@"; then
    summary+=("$(printf '%-5s configure FAILED (%s)' "$preset" "$(elapsed "$t0")")")
    total_failed=$((total_failed + 1))
    return
  fi

  banner "preset $preset: build (-j$jobs)"
  if ! cmake --build --preset "$preset" -j "$jobs"; then
    summary+=("$(printf '%-5s build FAILED (%s)' "$preset" "$(elapsed "$t0")")")
    total_failed=$((total_failed + 1))
    return
  fi

  banner "preset $preset: test"
  # Until the fuzz targets exist the fuzz preset may have no tests; ci and asan
  # always have some, so an empty run there means something is broken.
  [ "$preset" = fuzz ] && no_tests=ignore
  rm -f "$junit"
  ctest --preset "$preset" --parallel "$jobs" --no-tests="$no_tests" --output-junit "$junit"
  local rc=$?

  local tests=0 failures=0 disabled=0 skipped=0
  if [ -f "$junit" ]; then
    read -r tests failures disabled skipped < <(junit_counts "$junit")
  fi
  local passed=$((tests - failures - disabled - skipped))
  # ctest failing without a failed test in its report (a crash, a timeout of
  # ctest itself, no report written) still counts as a failure.
  if [ "$rc" -ne 0 ] && [ "$failures" -eq 0 ]; then failures=1; fi
  if [ "$preset" = fuzz ] && [ "$tests" -eq 0 ]; then
    echo "warning: no fuzz targets are registered yet (tests/fuzz/targets_*.cmake)" >&2
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failures))
  summary+=("$(printf '%-5s %d passed, %d failed, %d skipped, %d disabled (%s)' \
    "$preset" "$passed" "$failures" "$skipped" "$disabled" "$(elapsed "$t0")")")
}

for preset in $presets; do
  case "$preset" in
    ci | asan) run_preset "$preset" ;;
    fuzz) run_preset fuzz "-DFIELDSEAL_FUZZ_SECONDS=$fuzz_seconds" ;;
    *) echo "error: unknown preset '$preset' in FIELDSEAL_PRESETS" >&2; exit 2 ;;
  esac
done

banner "summary (scripts/test.sh took $(elapsed "$started"))"
for line in "${summary[@]}"; do echo "  $line"; done
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
