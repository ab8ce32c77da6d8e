#!/usr/bin/env bash
# Installs what fieldseal needs to build and test on Debian 12 or Ubuntu 24.04.
# Idempotent: installs only what is missing, and needs root only then. As
# non-root it uses sudo (asking for the password only on a terminal);
# without sudo, or with no terminal to ask on, it prints the exact commands.
# Afterwards it checks versions (SQLCipher 4.x, Catch2 3.x).
set -euo pipefail

packages_common=(
  build-essential cmake ninja-build pkg-config git ccache
  libsodium-dev libsqlcipher-dev libzstd-dev
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libqt6svg6
  catch2 nlohmann-json3-dev libarchive-dev libcli11-dev zlib1g-dev
  age zstd tar time xvfb xauth
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  sqlcipher
)
backports_packages=(libsqlcipher-dev sqlcipher catch2)

. /etc/os-release
distro="${ID}-${VERSION_ID}"
need_backports_source=0
backports_line="deb http://deb.debian.org/debian bookworm-backports main"
backports_file=/etc/apt/sources.list.d/fieldseal-backports.list

missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

case "$distro" in
  debian-12)
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      need_backports_source=1
    fi
    ;;
  ubuntu-24.04) ;;
  *)
    echo "warning: $PRETTY_NAME is not a tested platform (Debian 12, Ubuntu 24.04); trying anyway" >&2
    ;;
esac

mapfile -t todo < <(missing "${packages_common[@]}")
# On Debian 12 the main-suite catch2 (2.x) and sqlcipher (3.4) are too old:
# make sure the backports versions are the ones installed.
if [ "$distro" = debian-12 ]; then
  for p in "${backports_packages[@]}"; do
    v=$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || true)
    case "$p:$v" in
      catch2:3.*|libsqlcipher-dev:4.*|sqlcipher:4.*) ;;
      *) todo+=("$p") ;;
    esac
  done
fi

if [ ${#todo[@]} -gt 0 ]; then
  mapfile -t todo < <(printf '%s\n' "${todo[@]}" | sort -u)
  # The exact commands, run here as root (or with password-less sudo), or
  # printed for the user to run.
  commands=()
  if [ "$need_backports_source" = 1 ]; then
    commands+=("echo '$backports_line' > $backports_file")
  fi
  commands+=("apt-get update -qq")
  if [ "$distro" = debian-12 ]; then
    commands+=("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t bookworm-backports ${backports_packages[*]}")
  fi
  commands+=("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${todo[*]}")

  if [ "$(id -u)" -eq 0 ]; then
    runner=(sh -c)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    runner=(sudo sh -c)
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ] && [ -t 2 ]; then
    echo "Installing packages needs root: sudo will ask for your password." >&2
    runner=(sudo sh -c)
  else
    echo "fieldseal set-up needs root to install: ${todo[*]}" >&2
    echo "Run 'sudo $0', or these commands, then run this again:" >&2
    for c in "${commands[@]}"; do echo "  sudo sh -c \"$c\"" >&2; done
    exit 1
  fi
  [ "$need_backports_source" = 1 ] &&
    echo "Adding Debian's bookworm-backports suite (SQLCipher 4.6 and Catch2 3 live there)" >&2
  echo "Installing: ${todo[*]}" >&2
  for c in "${commands[@]}"; do
    "${runner[@]}" "$c" >/dev/null
  done
fi

# Version checks: refuse what would build an unsafe or broken fieldseal.
sqlcipher_version=$(dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null || echo none)
case "$sqlcipher_version" in
  4.*) ;;
  *)
    echo "error: SQLCipher $sqlcipher_version found; fieldseal needs SQLCipher 4.5 or newer." >&2
    echo "SQLCipher 3.x (SQLite 3.15, 2016) carries unpatched FTS3 vulnerabilities." >&2
    echo "On Debian 12: add 'deb http://deb.debian.org/debian bookworm-backports main'" >&2
    echo "and run: apt-get install -t bookworm-backports libsqlcipher-dev" >&2
    exit 1
    ;;
esac
catch2_version=$(dpkg-query -W -f='${Version}' catch2 2>/dev/null || echo none)
case "$catch2_version" in
  3.*) ;;
  *)
    echo "error: Catch2 $catch2_version found; the tests need Catch2 3." >&2
    echo "On Debian 12: apt-get install -t bookworm-backports catch2" >&2
    exit 1
    ;;
esac
echo "set-up complete: SQLCipher $sqlcipher_version, Catch2 $catch2_version" >&2
