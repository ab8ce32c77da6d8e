# The vault at scale: generated reports (half Russian, half English, a tenth
# mixed; narratives of 150-450 words from a Zipf vocabulary of real words and
# generated pseudo-words, names, places, acts, tags: see bench/vault_bench.cpp),
# by bench/vault_bench over the storage API (the same calls as the CLI).
#
#   insert   FIELDSEAL_BENCH_REPORTS (default 100,000) reports, each in its own
#            transaction as `report add` does. The first
#            FIELDSEAL_BENCH_DURABLE_REPORTS (default 1,000) run with the
#            vault's synchronous = FULL (an fsync per report: the disk's rate);
#            the rest with synchronous = NORMAL on the bench's connection (no
#            fsync per commit: the CPU's rate), so that a 100,000-report vault
#            can be built on a slow disk at all. One run (not a median).
#   open     what Vault::open does besides Argon2id: key-slot file read,
#            Database::open (raw key, pragmas, sqlite_master probe),
#            migration check, identity load, slot refresh (one fsync'ed
#            key-slot write) and the key_slots transaction; median of 11.
#            Page cache warm. The unlock (8 Argon2id runs) is not included.
#   search   230 fixed queries (Latin and Cyrillic single words, common, mid
#            and rare; two words; prefixes; names and places; upper/mixed
#            case and ё/е; no-match), 50 hits each as the CLI asks: p50/p95
#            of wall time over a first pass (fresh connection) and a warm
#            pass, and the warm pass's CPU time (CLOCK_THREAD_CPUTIME_ID),
#            which a loaded machine does not inflate. Goal: p95 < 20 ms.
#            Then, outside the 230 and their p50/p95 (per-kind lines on
#            stderr only): prefixes of 2, 3, 5 and 6 letters, and the set
#            through search_report_summaries with list filters (region,
#            region + year, a region no report has).
#   migrate  a vault made by an older fieldseal is migrated on its first
#            open: `open` prints first_run_migrate_seconds (migration 4
#            re-indexes every report for the prefix indexes).
# Times are written into the table in seconds; the "Data" column says what.
# Peak RSS is the whole process (GNU time), Argon2id unlock (2 × 64 MiB)
# included. Per-kind search numbers go to stderr.
bench_register vault vault_bench

VAULT_BENCH_BIN="$BENCH_BUILD/bench/vault_bench"

# vault_bench_run OUT ARGS…: runs vault_bench once under GNU time; sets
# MEASURED_RSS_KIB; its key=value output goes to OUT.
vault_bench_run() {
  local out=$1
  shift
  if ! /usr/bin/time -f '%M' -o "$BENCH_WORK/time.out" "$VAULT_BENCH_BIN" "$@" >"$out"; then
    echo "bench: vault_bench $1 failed" >&2
    exit 1
  fi
  MEASURED_RSS_KIB=$(tail -n 1 "$BENCH_WORK/time.out")
}

# vault_value KEY FILE
vault_value() { awk -F= -v k="$1" '$1 == k { print $2; exit }' "$2"; }

# vault_row BENCHMARK DATA SECONDS [BYTES]: a row for a time vault_bench took
# itself (MEASURED_RSS_KIB from the last vault_bench_run).
vault_row() {
  MEASURED_SECONDS=$(awk -v s="$3" 'BEGIN { printf (s < 1 ? "%.4f" : "%.2f"), s }')
  add_row "$1" "fieldseal (storage API)" "$2" "${4:-0}"
}

bench_case_vault() {
  local count=${FIELDSEAL_BENCH_REPORTS:-100000}
  local durable=${FIELDSEAL_BENCH_DURABLE_REPORTS:-1000}
  local dir="$BENCH_WORK/vault-reports" out="$BENCH_WORK/vault-bench.out"
  [ "$durable" -le "$count" ] || durable=$count

  vault_bench_run "$out" populate "$dir" "$count" "$durable"
  local bulk text_bytes text_mib vault_mib
  bulk=$(vault_value bulk_reports "$out")
  text_bytes=$(vault_value text_bytes "$out")
  text_mib=$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  vault_mib=$(awk -v b="$(vault_value vault_bytes "$out")" 'BEGIN { printf "%.1f", b / 1048576 }')
  vault_row "vault insert, fsync per report" "$durable reports" \
    "$(vault_value durable_insert_seconds "$out")"
  if [ "$bulk" -gt 0 ]; then
    vault_row "vault insert, synchronous=NORMAL" "$bulk reports" \
      "$(vault_value bulk_insert_seconds "$out")"
  fi
  vault_row "vault insert, total" "$count reports, $text_mib MiB text" \
    "$(vault_value insert_seconds "$out")" "$text_bytes"

  vault_bench_run "$out" open "$dir" 11
  vault_row "vault open without Argon2id (median of 11)" "$count reports, $vault_mib MiB vault" \
    "$(vault_value open_seconds "$out")"
  sed 's/^/bench:     open /' "$out" >&2

  vault_bench_run "$out" search "$dir"
  local ms
  for key in first_p50 first_p95 warm_p50 warm_p95 warm_cpu_p50 warm_cpu_p95; do
    ms=$(vault_value "${key}_ms" "$out")
    vault_row "vault search ${key//_/ } (230 queries)" "$count reports" "$(awk -v ms="$ms" 'BEGIN { print ms / 1000 }')"
  done
  grep '^kind=' "$out" | sed 's/^/bench:     search /' >&2
  rm -rf "$dir" "$out"
}
