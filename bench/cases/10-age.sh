# age v1 seal and open: `fieldseal age encrypt/decrypt` against the age binary
# on one file of random bytes (BENCH_SIZE_MIB), X25519 recipient, both tools
# writing their output to a file in the same directory. Each tool opens the
# file it sealed itself; afterwards each output is checked against the input
# and age opens fieldseal's file (the CLI tests check the reverse).
bench_register age fieldseal

bench_case_age() {
  local input="$BENCH_WORK/age-input.bin" key="$BENCH_WORK/age.key" out="$BENCH_WORK/age-output.bin"
  local bytes=$((BENCH_SIZE_MIB * 1048576)) data="${BENCH_SIZE_MIB} MiB random"
  local age_version recipient
  age_version="age $(age --version)"
  head -c "$bytes" /dev/urandom >"$input"
  age-keygen -o "$key" 2>/dev/null
  recipient=$(age-keygen -y "$key")

  BENCH_BEFORE="rm -f '$BENCH_WORK/sealed-by-age.age'"
  measure age -r "$recipient" -o "$BENCH_WORK/sealed-by-age.age" "$input"
  add_row "age seal (X25519)" "$age_version" "$data" "$bytes"
  BENCH_BEFORE="rm -f '$BENCH_WORK/sealed-by-fieldseal.age'"
  measure "$FIELDSEAL_BIN" age encrypt -r "$recipient" -o "$BENCH_WORK/sealed-by-fieldseal.age" "$input"
  add_row "age seal (X25519)" "fieldseal age encrypt" "$data" "$bytes"

  BENCH_BEFORE="rm -f '$out'"
  measure age -d -i "$key" -o "$out" "$BENCH_WORK/sealed-by-age.age"
  add_row "age open (X25519)" "$age_version" "$data" "$bytes"
  cmp -s "$out" "$input" || { echo "bench: age's output differs from the input" >&2; exit 1; }
  measure "$FIELDSEAL_BIN" age decrypt -i "$key" -o "$out" "$BENCH_WORK/sealed-by-fieldseal.age"
  add_row "age open (X25519)" "fieldseal age decrypt" "$data" "$bytes"
  cmp -s "$out" "$input" || { echo "bench: fieldseal's output differs from the input" >&2; exit 1; }

  rm -f "$out"
  age -d -i "$key" -o "$out" "$BENCH_WORK/sealed-by-fieldseal.age"
  cmp -s "$out" "$input" || { echo "bench: age could not open fieldseal's file" >&2; exit 1; }
  BENCH_BEFORE=""
  rm -f "$input" "$out" "$BENCH_WORK"/sealed-by-*.age "$key"
}
