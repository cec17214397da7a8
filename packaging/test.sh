#!/usr/bin/env bash
# Sets up (packages, build) and runs the whole test suite with CTest. The integration tests
# start their own throwaway MariaDB server under build/tv and stop it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh

printf '\n==> Running the tests (ctest)\n'
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
