#!/usr/bin/env bash
# README command 1: set up, build fieldseal (release preset, tests off) and run
# the end-to-end demo, one plain step at a time.
#
# The demo is the whole flow between a researcher and HQ: two vaults, cards
# exchanged, a report with an attachment, finalized and signed, exported as a
# sealed bundle, a tampered copy refused, the genuine bundle imported and shown
# at HQ, HQ's receipt imported in the field, the delivered report purged from
# the laptop; and finally the standard `age`, `zstd` and `tar` tools opening
# the bundle with HQ's exported secret key, without fieldseal.
#
# Everything happens in a fresh directory under build/release/ that is deleted
# on exit, whatever happens. The sample testimony and photo are invented. The
# passphrase comes from FIELDSEAL_PASSPHRASE (for the demo only: a real user
# types it at the prompt) and the vaults use the Argon2id floor
# (--kdf-memory 64) so that each step is quick.
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

export FIELDSEAL_PASSPHRASE="demo only: a real user types a long passphrase at the prompt"
unset FIELDSEAL_PASSPHRASE_FILE FIELDSEAL_VAULT
hq=(fieldseal --vault hq-vault)
field=(fieldseal --vault field-vault)

step "HQ creates its vault (an HQ identity: age key for bundles, Ed25519 key for receipts)" \
  "${hq[@]}" init --role hq --name "Memorial HQ" --kdf-memory 64
step "A researcher creates hers on her laptop" \
  "${field[@]}" init --role field --name "Anna K" --kdf-memory 64

step "They exchange cards (public keys with a self-signature) ..." \
  "${hq[@]}" card -o hq.card
"${field[@]}" card -o anna.card 2>/dev/null
say "anna.card written the same way in the field vault"
step "... and each adds the other's; they compare the safety numbers by phone" \
  "${field[@]}" contact add hq.card
"${hq[@]}" contact add anna.card >/dev/null
say "HQ added Anna K's card the same way"

write_sample_testimony() {
  cat >"$1" <<'EOF'
Sample testimony (invented for this demo).
The witness saw two people detained at the bus stop at about 18:00 and taken
away in an unmarked van. One of them was beaten during the arrest.
Свидетель видел, как двух человек задержали на остановке около 18:00.
EOF
}
write_sample_testimony testimony.txt
head -c 200000 /dev/urandom >photo.jpg
step "She records the incident (HURIDOCS fields) with a photo as attachment" \
  "${field[@]}" report add --title "Detention at the bus stop" --narrative-file testimony.txt \
  --start 2026-11-02 --region Moscow --person "v1:victim:Ivan" --act "arrest:v1" \
  --source "v1:quote:interview in person" --attach photo.jpg
id=$("${field[@]}" report list --status draft | awk 'NR == 2 { print $1 }')
say "report id: $id"
step "She finalizes it: signed with her key, immutable from now on" \
  "${field[@]}" report finalize "$id"

mkdir outbox
step "She seals every final report for HQ into a bundle (an age file with a neutral name)" \
  "${field[@]}" export --to "Memorial HQ" -o outbox
bundle=$(ls outbox/*.age)
say "$bundle: $(wc -c <"$bundle") bytes; only HQ's key opens it"

mkdir tampered
cp "$bundle" tampered/bundle.age
offset=$(($(wc -c <tampered/bundle.age) / 2))
step "On the way, someone changes one byte of a copy (at byte $offset) ..." \
  flip_byte tampered/bundle.age "$offset"
step "... and HQ's import refuses it, changing nothing" \
  refused "${hq[@]}" import tampered/bundle.age

step "HQ imports the genuine bundle: decrypted, checked (signature, recipients, hashes, sender)" \
  "${hq[@]}" import outbox
step "HQ lists what it holds: each report with its sender and the day it was verified" \
  "${hq[@]}" report list
step "HQ reads the report" \
  "${hq[@]}" report show "$id"

mkdir to-field
step "HQ writes a signed receipt for everything it received from Anna K" \
  "${hq[@]}" receipt --to "Anna K" -o to-field
step "Back in the field, her vault checks HQ's signature and marks the report delivered" \
  "${field[@]}" import to-field
step "Now it can leave the laptop: purge what HQ has confirmed" \
  "${field[@]}" purge --delivered
step "Only a stub remains in the field vault (id, hash, dates, delivery state)" \
  "${field[@]}" report show "$id"

step "Recovery without fieldseal: HQ exports its secret key (keep it offline) ..." \
  "${hq[@]}" identity export-secret -o hq.key
mkdir recovered
open_with_standard_tools() { age -d -i hq.key "$1" | zstd -q -d | tar -x -C recovered; }
step_no=$((step_no + 1))
printf '\n[%d] %s\n    $ %s\n' "$step_no" "... and the standard tools open the bundle, no fieldseal involved" \
  "age -d -i hq.key $bundle | zstd -d | tar -x -C recovered"
open_with_standard_tools "$bundle"
say "recovered: $(cd recovered && find . -type f | sort | tr '\n' ' ')"
same_bytes photo.jpg "recovered/attachments/$(sha256sum photo.jpg | cut -d' ' -f1)"
grep -q "Detention at the bus stop" "recovered/reports/$id.json" ||
  { echo "error: the recovered report is not the one exported" >&2; exit 1; }
say "recovered/reports/$id.json is the report as JSON, exactly the bytes she signed"

printf '\nDemo complete: %d steps. The temporary directory is deleted now.\n' "$step_no"
