#!/usr/bin/env bash
# Benchmark of the monthly close on a large synthetic GE (not a test: run by hand).
#
# In a throwaway data directory under /tmp: starts gepaie's embedded MariaDB, migrates, fills the
# database with `gepaie demo generate` (timed), then runs `gepaie close` under /usr/bin/time -v and
# prints its wall time and maximum resident set size; stops the server and removes the directory.
#
#   tests/bench/close_bench.sh
#
# Environment: BUILD_DIR (default build), EMPLOYEES (10000), MEMBERS (1000), PER_EMPLOYEE (3),
# MONTH (2026-11), SEED (1), CLOSE=0 to stop after the generation, CLOSE_ARGS (more options for
# `gepaie close`), CLOSE_LINES (15: how much of the close's output to show), KEEP=1 to keep the
# data directory (and leave the server running).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-build}
[[ $build = /* ]] || build=$root/$build
gepaie=$build/modules/cli/gepaie
employees=${EMPLOYEES:-10000}
members=${MEMBERS:-1000}
per_employee=${PER_EMPLOYEE:-3}
month=${MONTH:-2026-11}
seed=${SEED:-1}

if [ ! -x "$gepaie" ]; then
  echo "close_bench: no program at $gepaie (build it, or set BUILD_DIR)" >&2
  exit 1
fi
if [ "${CLOSE:-1}" != 0 ] && [ ! -x /usr/bin/time ]; then
  echo "close_bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi

# The configuration has the shape of tests/support/test-gepaie.yaml.in.
work=$(mktemp -d /tmp/gepaie-bench.XXXXXX)
# Run as root, gepaie runs mariadbd as the `mysql` account, which must be able to enter it.
chmod 0711 "$work"
cat >"$work/gepaie.yaml" <<EOF
# Throwaway configuration of tests/bench/close_bench.sh.
ge:
  name: "GE de banc d'essai"
  siret: "79012345900014"
  naf: "7830Z"
  address: { line1: "1 rue du Test", postcode: "63000", city: "Clermont-Ferrand" }
  urssaf_account: "637000001234567890"
  idcc: "1285"
database:
  schema: gepaie_bench
data_dir: "$work/data"
rates_dir: "$root/config/rates"
payroll:
  at_rate: 1.20
  mobility_rate: 2.00
  health_plan: { monthly: 48.00, employer_share: 50 }
  meal_voucher: { value: 9.00, employer_share: 60 }
  occupational_health_yearly: 110.00
  split_reference_months: 3
invoicing:
  invoice_prefix: FA
  credit_prefix: AV
EOF

# Only this file's settings: no external database, no other data directory.
unset GEPAIE_DATABASE_URL GEPAIE_DATA_DIR
run() { "$gepaie" --config "$work/gepaie.yaml" "$@"; }

cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $work (config $work/gepaie.yaml; stop with: $gepaie --config $work/gepaie.yaml db stop)"
    return
  fi
  run db stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

echo "== data directory $work"
run db start
run db migrate

echo "== demo generate: $employees employees, $members members, $per_employee members each, $month"
started=$(date +%s.%N)
run demo generate --employees "$employees" --members "$members" --per-employee "$per_employee" \
  --month "$month" --seed "$seed"
echo "generation: $(seconds_since "$started") s (wall, whole command)"

if [ "${CLOSE:-1}" = 0 ]; then
  exit 0
fi

echo "== close $month (its output: the last lines; KEEP=1 keeps all of it in $work/close.out)"
# shellcheck disable=SC2086  # CLOSE_ARGS is a list of options
/usr/bin/time -v -o "$work/close.time" "$gepaie" --config "$work/gepaie.yaml" \
  close --month "$month" ${CLOSE_ARGS:-} >"$work/close.out" || status=$?
tail -n "${CLOSE_LINES:-15}" "$work/close.out"
wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/close.time")
rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/close.time")
rss=${rss:-0}
echo "close: wall time $wall, maximum resident set size ${rss} kB ($((rss / 1024)) MB)"
if [ "${status:-0}" != 0 ]; then
  echo "close_bench: gepaie close exited with status $status" >&2
  exit "$status"
fi
