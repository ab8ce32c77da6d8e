#!/usr/bin/env bash
# Screenshots of fieldseal-gui's main screens in English and Russian, saved to
# docs/screenshots/<lang>/NN-screen.png.
#
# Runs fieldseal_gui_screenshots (tests/gui/screenshot_tour.cpp) under
# xvfb-run on a real X server: it builds demo vaults of fictional reports in
# a temporary directory (removed afterwards) — a researcher's field vault, an
# HQ vault and a second researcher HQ does not know yet — drives the real
# windows through each screen of both roles (field: wizard, unlock, list,
# search, editor, settings, export dialog and result; HQ: import results,
# quarantine review, reports browser with verification, report view,
# dashboard, receipt dialog) and grabs them. HOME, XDG_* and TMPDIR point into a scratch
# directory so nothing of the run lands in the real home.
#
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build/gui; configured
#        with -DFIELDSEAL_BUILD_GUI=ON and built here if needed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-"$root/build/gui"}
out="$root/docs/screenshots"

command -v xvfb-run >/dev/null || { echo "error: xvfb-run is not installed (apt-get install xvfb xauth)" >&2; exit 1; }
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFIELDSEAL_BUILD_GUI=ON >/dev/null
fi
cmake --build "$build" --target fieldseal_gui_screenshots -j2
tour="$build/tests/gui/fieldseal_gui_screenshots"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/tmp" "$scratch/runtime"
chmod 700 "$scratch/runtime"

for lang in en ru; do
  rm -rf "${out:?}/$lang"
  mkdir -p "$out/$lang"
  echo "Screenshots ($lang) -> docs/screenshots/$lang/" >&2
  env -u DBUS_SESSION_BUS_ADDRESS -u FIELDSEAL_VAULT \
      HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" \
      XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" \
      XDG_RUNTIME_DIR="$scratch/runtime" TMPDIR="$scratch/tmp" LANG=C.UTF-8 \
      xvfb-run -a -s "-screen 0 1280x900x24" "$tour" "$out/$lang" "$lang"
done
ls "$out"/en "$out"/ru | sed 's/^/  /' >&2
