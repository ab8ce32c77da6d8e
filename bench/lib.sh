# Helpers for bench/run.sh and the case files (sourced, not run).

BENCH_CASES=()
declare -A BENCH_TARGETS=()
BENCH_ROWS=()
MEASURED_SECONDS=0
MEASURED_CPU_SECONDS=0
MEASURED_RSS_KIB=0
# A command run before every measured run (e.g. removing the last output).
BENCH_BEFORE=""

# bench_register NAME [CMAKE_TARGET…]
bench_register() {
  local name=$1
  shift
  BENCH_CASES+=("$name")
  BENCH_TARGETS[$name]="$*"
}

# measure CMD…: runs CMD BENCH_RUNS times with stdout to /dev/null (unless the
# command redirects itself); sets MEASURED_SECONDS to the median wall time,
# MEASURED_CPU_SECONDS to the median CPU time (user + system of the command
# and every child it waited for, GNU time's %U + %S: for a shell pipeline the
# sum over its processes) and MEASURED_RSS_KIB to the largest peak RSS. A
# failing run aborts the bench. Cases that want the CPU figure in the table
# put it in the row's label (cpu_label).
measure() {
  local times=() cpus=() rss_max=0 i start end rss user sys
  for ((i = 0; i < BENCH_RUNS; i++)); do
    if [ -n "$BENCH_BEFORE" ]; then eval "$BENCH_BEFORE"; fi
    start=$(date +%s%N)
    if ! /usr/bin/time -f '%M %U %S' -o "$BENCH_WORK/time.out" "$@" >/dev/null; then
      echo "bench: command failed: $*" >&2
      exit 1
    fi
    end=$(date +%s%N)
    read -r rss user sys < <(tail -n 1 "$BENCH_WORK/time.out")
    times+=($((end - start)))
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  local median_ns
  median_ns=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  MEASURED_SECONDS=$(awk -v ns="$median_ns" 'BEGIN { printf "%.2f", ns / 1e9 }')
  MEASURED_CPU_SECONDS=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  MEASURED_RSS_KIB=$rss_max
}

# cpu_label LABEL: LABEL with "; CPU N s, load L" (MEASURED_CPU_SECONDS of the
# last measure() and the 1-minute load average now), the form bundle rows use.
cpu_label() {
  echo "$1; CPU $MEASURED_CPU_SECONDS s, load $(cut -d' ' -f1 /proc/loadavg)"
}

# add_row BENCHMARK TOOL DATA BYTES: records the last measure() as a row.
add_row() {
  local benchmark=$1 tool=$2 data=$3 bytes=$4 throughput="–"
  if [ "$bytes" -gt 0 ]; then
    throughput=$(awk -v b="$bytes" -v s="$MEASURED_SECONDS" 'BEGIN { if (s > 0) printf "%.0f", b / 1048576 / s; else print "–" }')
  fi
  local rss_mib
  rss_mib=$(awk -v k="$MEASURED_RSS_KIB" 'BEGIN { printf "%.1f", k / 1024 }')
  BENCH_ROWS+=("| $benchmark | $tool | $data | $MEASURED_SECONDS | $throughput | $rss_mib |")
  echo "bench:   $benchmark, $tool: ${MEASURED_SECONDS} s, $throughput MiB/s, ${rss_mib} MiB" >&2
}

print_report() {
  local cpu mem
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "Run on $(date -u +%Y-%m-%d) — $(nproc) cores ($cpu), $mem RAM, $(. /etc/os-release && echo "$PRETTY_NAME");"
  echo "median of $BENCH_RUNS runs; peak RSS is the largest of the runs (GNU time %M);"
  echo "load average (1, 5, 15 min) $BENCH_LOAD_START before, $BENCH_LOAD_END after."
  echo
  echo "| Benchmark | Tool | Data | Median time (s) | Throughput (MiB/s) | Peak RSS (MiB) |"
  echo "|---|---|---|---:|---:|---:|"
  printf '%s\n' "${BENCH_ROWS[@]}"
}
