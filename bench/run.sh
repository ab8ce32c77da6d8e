#!/usr/bin/env bash
# Builds the `release` preset and prints, as a Markdown table, fieldseal side
# by side with the standard tools: median wall time of N runs, throughput and
# peak RSS (GNU time's %M, the largest of the runs).
#
#   bench/run.sh                 # every case, 1 GiB inputs, 3 runs each
#   bench/run.sh age             # only the cases named
#   FIELDSEAL_BENCH_SIZE_MIB=256 FIELDSEAL_BENCH_RUNS=1 bench/run.sh   # quick look
#
# Cases live in bench/cases/NN-<name>.sh, run in file-name order. A case file
# calls `bench_register <name> [cmake-target…]` (the targets the build must
# include) and defines `bench_case_<name>`, which runs commands with
# `measure CMD…` and records each with `add_row BENCHMARK TOOL DATA BYTES`
# (BYTES 0: no throughput column). Inputs go under "$BENCH_WORK" (bench/work,
# removed at exit); nothing is written to /tmp. See bench/cases/10-age.sh.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_WORK="$repo/bench/work"
BENCH_RUNS=${FIELDSEAL_BENCH_RUNS:-3}
BENCH_SIZE_MIB=${FIELDSEAL_BENCH_SIZE_MIB:-1024}
BENCH_BUILD="$repo/build/release"
FIELDSEAL_BIN="$BENCH_BUILD/app/cli/fieldseal"
export TMPDIR="$BENCH_WORK"  # nothing the tools create should land in /tmp

for tool in /usr/bin/time cmake ninja; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/setup.sh" >&2; exit 1; }
done

. "$repo/bench/lib.sh"
for case_file in "$repo"/bench/cases/[0-9]*.sh; do
  . "$case_file"
done

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${BENCH_CASES[@]}")
targets=(fieldseal)
for name in "${selected[@]}"; do
  declare -F "bench_case_$name" >/dev/null || { echo "bench: no case named $name" >&2; exit 2; }
  targets+=(${BENCH_TARGETS[$name]:-})
done
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | sort -u)

echo "bench: building the release preset (${targets[*]})" >&2
(cd "$repo" && cmake --preset release >/dev/null &&
  cmake --build --preset release -j2 --target "${targets[@]}" >/dev/null)

BENCH_LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$BENCH_WORK"
mkdir -p "$BENCH_WORK"
trap 'rm -rf "$BENCH_WORK"' EXIT

for name in "${selected[@]}"; do
  echo "bench: running $name" >&2
  "bench_case_$name"
done

BENCH_LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
print_report
