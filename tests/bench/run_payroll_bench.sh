#!/usr/bin/env bash
# Runs the payroll benchmark and the same situations through URSSAF's engine, and prints both
# rates and their ratio. Needs a build (packaging/setup.sh) and, for the second half, Node.js
# with `npm ci` done in tests/oracle.
set -euo pipefail
cd "$(dirname "$0")/../.."
ours=$("${GEPAIE_BUILD_DIR:-build}"/tests/bench/payroll_bench "$@")
echo "$ours"
if [ ! -d tests/oracle/node_modules ]; then
  echo "(tests/oracle/node_modules missing: run 'cd tests/oracle && npm ci' for the URSSAF figure)"
  exit 0
fi
theirs=$(node tests/bench/urssaf_bench.mjs)
echo "$theirs"
a=$(echo "$ours" | sed -E 's/.* = ([0-9.]+) payslips\/s.*/\1/')
b=$(echo "$theirs" | sed -E 's/.* = ([0-9.]+) situations\/s.*/\1/')
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio: gepaie computes %.0f times as many payslips per second as the official engine\n", a / b }'
