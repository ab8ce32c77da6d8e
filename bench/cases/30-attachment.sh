# Attachments: a file of BENCH_SIZE_MIB random bytes (1 GiB by default) into
# a vault and back out, beside `cp` of the same file to the same disk, then
# the panic wipe of that vault. Goals: intake and export within 2x of cp's
# time, peak RSS under 64 MiB; panic under 1 s.
#
#   cp / dd conv=fsync   the reference copy; cp does not fsync, dd's
#                        conv=fsync does (fieldseal's export does, and the
#                        vault's commit does).
#   fieldseal attach / attachment save
#                        what a user runs: the whole process, including the
#                        unlock (8 Argon2id derivations at the 64 MiB floor on
#                        2 threads: about 128 MiB of the peak RSS and part of
#                        the time). Each run starts from a copy of the vault
#                        with the empty draft report.
#   storage API          bench/vault_bench: add_attachment / read_attachment
#                        timed inside the process after the unlock, peak RSS
#                        of that section alone (VmHWM reset through
#                        /proc/self/clear_refs after the unlock).
#                        The Data column gives the process's CPU time for
#                        that section (both threads: SHA-256 runs beside the
#                        database), the load-independent figure.
#   purge                bench/vault_bench purge: purge_report of the report
#                        holding the attachment, after the unlock; peak RSS
#                        of that section alone (no VACUUM: flat memory).
#   panic                `fieldseal panic --yes` and Vault::panic on a copy of
#                        the vault holding the attachment (synced to disk
#                        before each run).
# Uses vault_value and VAULT_BENCH_BIN from 20-vault.sh (run.sh sources every case).
bench_register attachment fieldseal vault_bench

# median_of VALUE…: the median, two decimals.
median_of() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'; }

bench_case_attachment() {
  local bytes=$((BENCH_SIZE_MIB * 1048576)) data="${BENCH_SIZE_MIB} MiB random"
  local input="$BENCH_WORK/attachment.bin" copy="$BENCH_WORK/attachment-copy.bin"
  local out="$BENCH_WORK/attachment-out.bin" kv="$BENCH_WORK/attachment.out"
  local empty="$BENCH_WORK/att-empty" vault="$BENCH_WORK/att-vault" api="$BENCH_WORK/att-api"
  local wiped="$BENCH_WORK/att-panic" pass="fieldseal bench passphrase"
  local fs=(env FIELDSEAL_PASSPHRASE="$pass" "$FIELDSEAL_BIN")
  head -c "$bytes" /dev/urandom >"$input"
  local sha
  sha=$(sha256sum "$input" | cut -d' ' -f1)

  BENCH_BEFORE="rm -f '$copy'; sync"
  measure cp "$input" "$copy"
  add_row "attachment copy (reference)" "cp $(cp --version | awk 'NR == 1 { print $NF }')" "$data" "$bytes"
  measure dd if="$input" of="$copy" bs=1M conv=fsync status=none
  add_row "attachment copy (reference)" "dd conv=fsync" "$data" "$bytes"
  rm -f "$copy"

  "${fs[@]}" --vault "$empty" init --role field --name "Bench" --kdf-memory 64 >/dev/null
  local id
  id=$("${fs[@]}" --vault "$empty" report add --title "Attachment benchmark")

  BENCH_BEFORE="rm -rf '$vault'; cp -a '$empty' '$vault'; sync"
  measure "${fs[@]}" --vault "$vault" attach "$id" "$input"
  add_row "attachment intake (incl. unlock)" "fieldseal attach" "$data" "$bytes"
  BENCH_BEFORE="rm -f '$out'; sync"
  measure "${fs[@]}" --vault "$vault" attachment save "$id" "$sha" -o "$out"
  add_row "attachment export (incl. unlock, fsync)" "fieldseal attachment save" "$data" "$bytes"
  cmp -s "$out" "$input" || { echo "bench: the exported attachment differs from the input" >&2; exit 1; }
  rm -f "$out"

  local i seconds=() cpus=() rss_max=0 rss api_id api_sha
  for ((i = 0; i < BENCH_RUNS; i++)); do
    rm -rf "$api"
    cp -a "$empty" "$api"
    sync
    "$VAULT_BENCH_BIN" attach "$api" "$input" >"$kv"
    seconds+=("$(vault_value intake_seconds "$kv")")
    cpus+=("$(vault_value intake_process_cpu_seconds "$kv")")
    rss=$(vault_value intake_peak_rss_kib "$kv")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  api_id=$(vault_value report_id "$kv")
  api_sha=$(vault_value sha256 "$kv")
  [ "$api_sha" = "$sha" ] || { echo "bench: add_attachment hashed the input differently" >&2; exit 1; }
  MEASURED_SECONDS=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  MEASURED_RSS_KIB=$rss_max
  add_row "attachment intake (after unlock)" "fieldseal (storage API)" "$data, CPU $(median_of "${cpus[@]}") s" "$bytes"

  seconds=()
  cpus=()
  rss_max=0
  for ((i = 0; i < BENCH_RUNS; i++)); do
    rm -f "$out"
    sync
    "$VAULT_BENCH_BIN" export "$api" "$api_id" "$sha" "$out" >"$kv"
    seconds+=("$(vault_value export_seconds "$kv")")
    cpus+=("$(vault_value export_process_cpu_seconds "$kv")")
    rss=$(vault_value export_peak_rss_kib "$kv")
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  cmp -s "$out" "$input" || { echo "bench: read_attachment's output differs from the input" >&2; exit 1; }
  MEASURED_SECONDS=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
  MEASURED_RSS_KIB=$rss_max
  add_row "attachment export (after unlock, fsync)" "fieldseal (storage API)" "$data, CPU $(median_of "${cpus[@]}") s" "$bytes"
  rm -f "$out" "$input"

  # Purge once (it changes the vault): the report holding the attachment.
  local api_mib
  api_mib=$(du -sm "$api" | cut -f1)
  "$VAULT_BENCH_BIN" purge "$api" "$api_id" >"$kv"
  MEASURED_SECONDS=$(awk -v s="$(vault_value purge_seconds "$kv")" 'BEGIN { printf "%.2f", s }')
  MEASURED_RSS_KIB=$(vault_value purge_peak_rss_kib "$kv")
  add_row "purge of the report (after unlock)" "fieldseal (storage API)" "vault of $api_mib MiB, CPU $(vault_value purge_process_cpu_seconds "$kv") s" 0

  local vault_mib
  vault_mib=$(du -sm "$vault" | cut -f1)
  BENCH_BEFORE="rm -rf '$wiped'; cp -a '$vault' '$wiped'; sync"
  measure "${fs[@]}" --vault "$wiped" panic --yes
  add_row "panic wipe" "fieldseal panic" "vault of $vault_mib MiB" 0
  [ ! -e "$wiped/keys" ] || { echo "bench: panic left the key-slot file" >&2; exit 1; }

  seconds=()
  for ((i = 0; i < BENCH_RUNS; i++)); do
    rm -rf "$wiped"
    cp -a "$vault" "$wiped"
    sync
    "$VAULT_BENCH_BIN" panic "$wiped" >"$kv"
    seconds+=("$(vault_value panic_seconds "$kv")")
  done
  MEASURED_SECONDS=$(printf '%s\n' "${seconds[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }')
  MEASURED_RSS_KIB=0
  add_row "panic wipe (in process)" "Vault::panic" "vault of $vault_mib MiB" 0
  BENCH_BEFORE=""
  rm -rf "$empty" "$vault" "$api" "$wiped" "$kv"
}
