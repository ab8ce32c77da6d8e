#!/usr/bin/env bash
# README command 1: set up, build fieldseal (release preset, tests off) and run
# the end-to-end demo, one plain step at a time.
#
# Today the demo shows the crypto core: an HQ identity, a testimony sealed to
# it as an age v1 file, opened again by fieldseal and by the standard `age`
# tool, byte for byte. Later issues add the vault and the field -> HQ flow as
# further steps (see "The demo" below).
#
# Everything happens in a fresh directory under build/release/ that is deleted
# on exit, whatever happens. The sample testimony is invented.
#
# Environment: FIELDSEAL_SKIP_SETUP=1 skips scripts/setup.sh;
#              FIELDSEAL_SKIP_BUILD=1 uses the fieldseal already built.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ "${FIELDSEAL_SKIP_SETUP:-0}" != 1 ]; then
  "$root/scripts/setup.sh"
fi
if [ "${FIELDSEAL_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building fieldseal (release preset; only the command-line program)..." >&2
  cmake --preset release >/dev/null
  cmake --build --preset release --target fieldseal -j "$(nproc)"
fi

bindir="$root/build/release/app/cli"
[ -x "$bindir/fieldseal" ] || { echo "error: $bindir/fieldseal was not built" >&2; exit 1; }
# The steps below call `fieldseal` by name: the one just built.
export PATH="$bindir:$PATH"
command -v age >/dev/null || { echo "error: the age tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }

work=$(mktemp -d "$root/build/release/demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

step_no=0
# step "what this step shows" command args...: explains, echoes, runs.
step() {
  local what=$1
  shift
  step_no=$((step_no + 1))
  printf '\n[%d] %s\n' "$step_no" "$what"
  if [ "$1" = refused ]; then printf '    $ %s\n' "${*:2}"; else printf '    $ %s\n' "$*"; fi
  "$@"
}
# say "text": a result line under the current step.
say() { printf '    -> %s\n' "$*"; }
# refused command...: runs a command that must fail, showing its error.
refused() {
  if "$@"; then
    echo "error: this should have been refused" >&2
    exit 1
  fi
  say "refused, as it must be"
}
# flip_byte FILE OFFSET: changes one byte of FILE in place.
flip_byte() {
  local old new
  old=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  new=$(((old + 1) % 256))
  # shellcheck disable=SC2059
  printf "\\$(printf '%03o' "$new")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
same_bytes() {
  if cmp -s "$1" "$2"; then
    say "$2 is byte-for-byte identical to $1"
  else
    echo "error: $2 differs from $1" >&2
    exit 1
  fi
}

# ---- The demo ----------------------------------------------------------------
# Issue 2: the age v1 core. Issues 3 and 4 append the vault, export, HQ import,
# receipt and purge steps here.

step "HQ creates its identity: an X25519 key in age's format (secret in hq.key)" \
  fieldseal age keygen -o hq.key 2>keygen.stderr
cat keygen.stderr
recipient=$(grep -o 'age1[02-9ac-hj-np-z]*' keygen.stderr | head -n 1 || true)
[ -n "$recipient" ] || { echo "error: fieldseal age keygen printed no age1... recipient" >&2; exit 1; }
say "HQ's public recipient, the string a researcher needs: $recipient"

step "Cross-check: the standard age-keygen derives the same recipient from hq.key" \
  age-keygen -y -o age-keygen.recipient hq.key
[ "$(cat age-keygen.recipient)" = "$recipient" ] ||
  { echo "error: age-keygen derives $(cat age-keygen.recipient), fieldseal printed $recipient" >&2; exit 1; }
say "same recipient"

write_sample_testimony() {
  cat >"$1" <<'EOF'
Sample testimony (invented for this demo).
Date: 2026-11-02. Place: a district police station.
The witness saw two people detained at the bus stop at about 18:00 and taken
away in an unmarked van. One of them was beaten during the arrest.
Свидетель видел, как двух человек задержали на остановке около 18:00.
EOF
}
step "A researcher has a testimony to send (an invented sample, English and Russian)" \
  write_sample_testimony testimony.txt
say "testimony.txt: $(wc -c <testimony.txt) bytes"

step "The researcher seals the testimony to HQ: an age v1 file only hq.key opens" \
  fieldseal age encrypt -r "$recipient" -o testimony.age testimony.txt
say "testimony.age: $(wc -c <testimony.age) bytes; it begins: $(head -c 21 testimony.age)"

step "HQ opens it with fieldseal" \
  fieldseal age decrypt -i hq.key -o opened-by-fieldseal.txt testimony.age
same_bytes testimony.txt opened-by-fieldseal.txt

step "HQ opens the same file with the standard age tool (no fieldseal needed)" \
  age -d -i hq.key -o opened-by-age.txt testimony.age
same_bytes testimony.txt opened-by-age.txt

step "And the reverse: a file sealed by the standard age tool, armored as text ..." \
  age -r "$recipient" -a -o from-age.txt.age testimony.txt
step "... opens in fieldseal" \
  fieldseal age decrypt -i hq.key -o opened-from-age.txt from-age.txt.age
same_bytes testimony.txt opened-from-age.txt

cp testimony.age tampered.age
offset=$(($(wc -c <tampered.age) - 20))
step "On the way, someone changes one byte of the sealed file (at byte $offset) ..." \
  flip_byte tampered.age "$offset"
step "... and HQ's fieldseal refuses it, writing no output at all" \
  refused fieldseal age decrypt -i hq.key -o tampered-opened.txt tampered.age
[ ! -e tampered-opened.txt ] || { echo "error: a refused file left output behind" >&2; exit 1; }
say "no tampered-opened.txt was written"

printf '\nDemo complete: %d steps. The temporary directory is deleted now.\n' "$step_no"
