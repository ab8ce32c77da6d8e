# age v1 seal and open: `fieldseal age encrypt/decrypt` against the age binary
# on one file of random bytes (BENCH_SIZE_MIB), X25519 recipient, input in the
# page cache. Two output modes:
#   "to a file"     what a user runs. fieldseal fsyncs the output before
#                   renaming it into place (durable, all-or-nothing); age does
#                   not fsync. On a slow disk this row measures the disk.
#   "to /dev/null"  the read + crypto pipeline alone, the like-for-like
#                   comparison of the two implementations.
# Each tool opens the file it sealed itself; outputs are checked against the
# input, and age opens fieldseal's file (the CLI tests check the reverse).
bench_register age fieldseal

bench_case_age() {
  local input="$BENCH_WORK/age-input.bin" key="$BENCH_WORK/age.key" out="$BENCH_WORK/age-output.bin"
  local bytes=$((BENCH_SIZE_MIB * 1048576)) data="${BENCH_SIZE_MIB} MiB random"
  local age_tool recipient fs_tool="fieldseal age"
  age_tool="age $(age --version)"
  head -c "$bytes" /dev/urandom >"$input"
  age-keygen -o "$key" 2>/dev/null
  recipient=$(age-keygen -y "$key")
  local by_age="$BENCH_WORK/sealed-by-age.age" by_fs="$BENCH_WORK/sealed-by-fieldseal.age"

  BENCH_BEFORE="rm -f '$by_age'"
  measure age -r "$recipient" -o "$by_age" "$input"
  add_row "seal to a file" "$age_tool" "$data" "$bytes"
  BENCH_BEFORE="rm -f '$by_fs'"
  measure "$FIELDSEAL_BIN" age encrypt -r "$recipient" -o "$by_fs" "$input"
  add_row "seal to a file (fsync)" "$fs_tool" "$data" "$bytes"

  BENCH_BEFORE=""
  measure age -r "$recipient" -o /dev/null "$input"
  add_row "seal to /dev/null" "$age_tool" "$data" "$bytes"
  measure "$FIELDSEAL_BIN" age encrypt -r "$recipient" -o /dev/null "$input"
  add_row "seal to /dev/null" "$fs_tool" "$data" "$bytes"

  BENCH_BEFORE="rm -f '$out'"
  measure age -d -i "$key" -o "$out" "$by_age"
  add_row "open to a file" "$age_tool" "$data" "$bytes"
  cmp -s "$out" "$input" || { echo "bench: age's output differs from the input" >&2; exit 1; }
  measure "$FIELDSEAL_BIN" age decrypt -i "$key" -o "$out" "$by_fs"
  add_row "open to a file (fsync)" "$fs_tool" "$data" "$bytes"
  cmp -s "$out" "$input" || { echo "bench: fieldseal's output differs from the input" >&2; exit 1; }

  BENCH_BEFORE=""
  measure age -d -i "$key" -o /dev/null "$by_age"
  add_row "open to /dev/null" "$age_tool" "$data" "$bytes"
  measure "$FIELDSEAL_BIN" age decrypt -i "$key" -o /dev/null "$by_fs"
  add_row "open to /dev/null" "$fs_tool" "$data" "$bytes"

  rm -f "$out"
  age -d -i "$key" -o "$out" "$by_fs"
  cmp -s "$out" "$input" || { echo "bench: age could not open fieldseal's file" >&2; exit 1; }
  rm -f "$input" "$out" "$by_age" "$by_fs" "$key"
}
