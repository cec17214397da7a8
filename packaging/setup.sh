#!/usr/bin/env bash
# Installs the Debian packages gepaie needs (only those missing) and builds it in build/
# (RelWithDebInfo, warnings not fatal). Idempotent: a second run installs nothing and rebuilds
# only what changed. With --packages-only it stops after the packages (packaging/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Checking Debian packages (packaging/debian-packages.txt)"
mapfile -t wanted < <(grep -v '^\s*#' packaging/debian-packages.txt | grep -v '^\s*$')
missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "all ${#wanted[@]} packages present"
fi

if [ "${1:-}" = "--packages-only" ]; then
  exit 0
fi

step "Configuring (CMake, build/, RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEPAIE_BUILD_TESTS=ON \
  -DGEPAIE_WERROR=OFF -DGEPAIE_SANITIZE=OFF >/dev/null

step "Building with $(nproc) jobs"
cmake --build build -j"$(nproc)"
echo "built build/modules/cli/gepaie"
