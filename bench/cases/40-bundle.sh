# Sealed bundles (issue 4): export from a field vault and import into an HQ
# vault of a bundle of SIZE MiB — 90 % one random "video" attachment, 10 %
# generated text in 1,600 final reports (bench/bundle_bench.cpp) — side by
# side with the standard-tools pipeline on the same data as plain files:
#
#   seal   tar -c | zstd -3 -T0 | age -r RECIPIENT > bundle
#   open   age -d -i KEY bundle | zstd -d | tar -x
#
# Sizes: $FIELDSEAL_BENCH_BUNDLE_SIZES_MIB (default "256 1024 4096").
# Disk: a size needs about 7.5 times its bytes free under bench/work at its
# peak (the field vault, the plain files, two bundles, an HQ vault with its
# WAL during the import, the pipeline's extracted copy): about 2 GiB for 256
# MiB, 7.5 GiB for 1 GiB, 30 GiB for 4 GiB. The case checks this before each
# size and stops with a message when there is less. The 4 GiB size is best
# run on its own, once:
#   FIELDSEAL_BENCH_BUNDLE_SIZES_MIB=4096 FIELDSEAL_BENCH_RUNS=1 bench/run.sh bundle
#
# Rows per size:
#   fieldseal export / import   what a user runs, the whole process: the unlock
#                               (8 Argon2id derivations at the 64 MiB floor on 2
#                               threads: about 128 MiB of the peak RSS and part of
#                               the time) and, for export, writing, fsync and the
#                               read-back check; for import, one vault transaction
#                               (SQLCipher, WAL, commit).
#   exchange API                bench/bundle_bench: export_bundle / import_files
#                               timed inside the process after the unlock, peak
#                               RSS of that section alone — the RSS-flatness claim.
#   pipeline                    the standard tools; their peak RSS is that of the
#                               largest single process (GNU time reports the
#                               maximum over the waited-for children, not the sum).
#   pipeline + sync             the same, then `sync FILE…` on what it wrote, so
#                               that it is on disk as fieldseal's output is.
#   floor: vault read           bundle_bench floor-read: every attachment read out
#                               of the field vault through the storage API
#                               (SQLCipher page decryption, hash check), after the
#                               unlock: what any export must at least do.
#   floor: SHA-256              bundle_bench floor-sha256: libsodium SHA-256 of the
#                               plain video file: the one sequential hash any
#                               import of the format must at least do.
# Every row's label carries its CPU seconds (user + system, all threads and
# child processes: GNU time for whole commands, getrusage for the API
# sections) and the 1-minute load average: on a shared machine CPU time is
# the figure to compare, wall time the one users feel.
# Each import run starts from a fresh copy of the empty HQ vault; each open
# run from an empty directory. Outputs are checked: fieldseal's import must
# report the bundle imported, and the pipeline's round trip must give back
# the input files.
bench_register bundle fieldseal bundle_bench

BUNDLE_BENCH_BIN="$BENCH_BUILD/bench/bundle_bench"

bundle_value() { sed -n "s/^$1=//p" "$2"; }

# bundle_api_row LABEL TOOL DATA BYTES CMD…: runs CMD BENCH_RUNS times (each
# after BENCH_BEFORE) and records the median of its own seconds= and
# cpu_seconds= and the largest peak_rss_kib=.
bundle_api_row() {
  local label=$1 tool=$2 data=$3 bytes=$4 kv="$BENCH_WORK/bundle.kv"
  shift 4
  local i seconds=() cpu=() rss_max=0 rss
  for ((i = 0; i < BENCH_RUNS; i++)); do
    if [ -n "$BENCH_BEFORE" ]; then eval "$BENCH_BEFORE"; fi
    "$@" >"$kv" || { echo "bench: command failed: $*" >&2; exit 1; }
    seconds+=("$(bundle_value seconds "$kv")")
    cpu+=("$(bundle_value cpu_seconds "$kv")")
    rss=$(bundle_value peak_rss_kib "$kv")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  MEASURED_SECONDS=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  MEASURED_RSS_KIB=$rss_max
  # CPU seconds of the section (all threads), when the program reports them.
  local cpu_median
  cpu_median=$(printf '%s\n' "${cpu[@]}" | grep . | sort -g | awk '{ a[NR] = $1 } END { if (NR) printf "%.2f", a[int((NR + 1) / 2)] }')
  [ -n "$cpu_median" ] && label="$label; CPU $cpu_median s, load $(cut -d' ' -f1 /proc/loadavg)"
  add_row "$label" "$tool" "$data" "$bytes"
  rm -f "$kv"
}

# bundle_check_disk SIZE_MIB: stops the bench unless bench/work has room for
# one size (about 7.5 times its bytes, see above).
bundle_check_disk() {
  local need_mib=$(($1 * 15 / 2)) free_mib
  free_mib=$(df -Pm "$BENCH_WORK" | awk 'NR == 2 { print $4 }')
  echo "bench:   bundle $1 MiB: needs about $need_mib MiB of disk under $BENCH_WORK, $free_mib MiB free" >&2
  if [ "$free_mib" -lt "$need_mib" ]; then
    echo "bench: not enough disk for the $1 MiB bundle case (need about $need_mib MiB, have $free_mib MiB)" >&2
    exit 1
  fi
}

bench_case_bundle() {
  local sizes=${FIELDSEAL_BENCH_BUNDLE_SIZES_MIB:-256 1024 4096}
  local pass="fieldseal bench passphrase" size
  local fs=(env FIELDSEAL_PASSPHRASE="$pass" "$FIELDSEAL_BIN")
  local age_tool zstd_tool api_tool="fieldseal (exchange API)"
  local read_tool sha_tool="libsodium $(pkg-config --modversion libsodium 2>/dev/null || echo '') crypto_hash_sha256"
  read_tool="fieldseal storage API (SQLCipher)"
  age_tool="age $(age --version)"
  zstd_tool="tar \\| zstd -3 -T0 \\| $age_tool"  # escaped for the Markdown table
  for size in $sizes; do
    local dir="$BENCH_WORK/bundle-$size" bytes=$((size * 1048576)) data="${size} MiB (90 % video)"
    local out="$dir/out" key="$dir/pipe.key" piped="$dir/pipe.tar.zst.age" opened="$dir/opened"
    local hq="$dir/hq-run" scratch="$dir/api" recipient bundle video_bytes video_data
    rm -rf "$dir"
    bundle_check_disk "$size"
    mkdir -p "$dir"
    echo "bench:   bundle $size MiB: generating the vaults and plain files" >&2
    FIELDSEAL_PASSPHRASE="$pass" "$BUNDLE_BENCH_BIN" setup "$dir/gen" "$size" >"$dir/setup.kv"
    video_bytes=$(bundle_value video_bytes "$dir/setup.kv")
    video_data="${size} MiB: the video, $((video_bytes / 1048576)) MiB"
    age-keygen -o "$key" 2>/dev/null
    recipient=$(age-keygen -y "$key")
    mkdir -p "$out"

    # Export.
    BENCH_BEFORE="rm -f '$out'/*; sync"
    measure "${fs[@]}" --vault "$dir/gen/field" export --to "Bench HQ" -o "$out"
    add_row "$(cpu_label "bundle export (incl. unlock, fsync, read-back)")" "fieldseal export" "$data" "$bytes"
    bundle_api_row "bundle export (after unlock, fsync, read-back)" "$api_tool" "$data" "$bytes" \
      env FIELDSEAL_PASSPHRASE="$pass" "$BUNDLE_BENCH_BIN" export "$dir/gen" "$out"
    BENCH_BEFORE=""
    bundle_api_row "floor: vault read (SQLCipher)" "$read_tool" "$video_data" "$video_bytes" \
      env FIELDSEAL_PASSPHRASE="$pass" "$BUNDLE_BENCH_BIN" floor-read "$dir/gen"
    BENCH_BEFORE="rm -f '$piped'; sync"
    measure sh -c 'tar -c -C "$1" . | zstd -q -3 -T0 | age -r "$2" > "$3"' sh "$dir/gen/plain" "$recipient" "$piped"
    add_row "$(cpu_label "bundle seal")" "$zstd_tool" "$data" "$bytes"
    measure sh -c 'tar -c -C "$1" . | zstd -q -3 -T0 | age -r "$2" > "$3" && sync "$3"' sh "$dir/gen/plain" "$recipient" "$piped"
    add_row "$(cpu_label "bundle seal + sync")" "$zstd_tool" "$data" "$bytes"

    # One bundle to import, written by the CLI.
    rm -f "$out"/*
    "${fs[@]}" --vault "$dir/gen/field" export --to "Bench HQ" -o "$out" >/dev/null
    bundle=$(ls "$out"/*.age)
    echo "bench:   bundle $size MiB: fieldseal bundle $(stat -c %s "$bundle") bytes, pipeline $(stat -c %s "$piped") bytes" >&2

    # Import.
    BENCH_BEFORE="rm -rf '$hq'; cp -a '$dir/gen/hq' '$hq'; sync"
    measure "${fs[@]}" --vault "$hq" import "$bundle"
    add_row "$(cpu_label "bundle import (incl. unlock, one transaction)")" "fieldseal import" "$data" "$bytes"
    "${fs[@]}" --vault "$hq" --json report list --limit 10000 | grep -c '"id"' | grep -qx 1601 ||
      { echo "bench: the HQ vault does not hold the 1601 reports" >&2; exit 1; }
    rm -rf "$hq"
    BENCH_BEFORE="rm -rf '$scratch'; mkdir -p '$scratch'; cp -a '$dir/gen/hq' '$scratch/hq'; sync"
    bundle_api_row "bundle import (after unlock, one transaction)" "$api_tool" "$data" "$bytes" \
      env FIELDSEAL_PASSPHRASE="$pass" "$BUNDLE_BENCH_BIN" import "$scratch" "$bundle"
    rm -rf "$scratch"
    BENCH_BEFORE=""
    bundle_api_row "floor: SHA-256 of the largest entry (libsodium)" "$sha_tool" "$video_data" "$video_bytes" \
      "$BUNDLE_BENCH_BIN" floor-sha256 "$dir/gen/plain/video.bin"
    BENCH_BEFORE="rm -rf '$opened'; mkdir -p '$opened'; sync"
    measure sh -c 'age -d -i "$1" "$2" | zstd -q -d | tar -x -C "$3"' sh "$key" "$piped" "$opened"
    add_row "$(cpu_label "bundle open")" "$zstd_tool" "$data" "$bytes"
    measure sh -c 'age -d -i "$1" "$2" | zstd -q -d | tar -x -C "$3" && find "$3" -type f -exec sync {} +' \
      sh "$key" "$piped" "$opened"
    add_row "$(cpu_label "bundle open + sync")" "$zstd_tool" "$data" "$bytes"
    diff -r -q "$opened" "$dir/gen/plain" >/dev/null ||
      { echo "bench: the pipeline's round trip differs from its input" >&2; exit 1; }
    BENCH_BEFORE=""
    rm -rf "$dir"
  done
}
