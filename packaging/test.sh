#!/usr/bin/env bash
# Installs what is missing, then builds and tests gepaie in two build trees, one after the other:
#   build/       Release (the build the .deb is made from): unit and integration tests, the .deb
#                and its install test;
#   build-asan/  RelWithDebInfo under AddressSanitizer and UndefinedBehaviorSanitizer: unit and
#                integration tests.
# Compiler warnings are errors in both (GEPAIE_WERROR). Each tree's integration tests start their
# own throwaway MariaDB server under <tree>/tv (unix socket there, no TCP port) and stop it
# afterwards, so the two never share a server. Arguments go to both ctest runs (e.g. -R cli_tests).
# GEPAIE_SKIP_SANITIZERS=1 skips the second tree.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n==> [%02d:%02d] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }
jobs=$(nproc)

bash packaging/setup.sh --packages-only

# build_and_test TREE LABEL CMAKE-OPTIONS... -- CTEST-ARGUMENTS...
build_and_test() {
  local tree=$1 label=$2
  shift 2
  local options=()
  while (($#)) && [ "$1" != "--" ]; do
    options+=("$1")
    shift
  done
  shift
  step "Configuring $tree/ ($label)"
  cmake -S . -B "$tree" -DGEPAIE_BUILD_TESTS=ON -DGEPAIE_WERROR=ON "${options[@]}" >/dev/null
  step "Building $tree/ with $jobs jobs ($label)"
  cmake --build "$tree" -j"$jobs"
  step "Running the tests of $tree/ ($label)"
  (cd "$tree" && ctest --output-on-failure -j"$jobs" "$@")
}

build_and_test build "Release" -DCMAKE_BUILD_TYPE=Release -DGEPAIE_SANITIZE=OFF -- "$@"

if [ "${GEPAIE_SKIP_SANITIZERS:-0}" != 1 ]; then
  # Every process of the suite (test programs and the gepaie programs they run) writes its
  # sanitizer report under build-asan/sanitizer/ as well as failing: a report from a child whose
  # exit status a test did not look at is caught below.
  reports="$PWD/build-asan/sanitizer"
  rm -rf "$reports"
  mkdir -p "$reports"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86:log_path=$reports/asan:log_exe_name=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$reports/ubsan:log_exe_name=1"
  status=0
  build_and_test build-asan "RelWithDebInfo, AddressSanitizer + UndefinedBehaviorSanitizer" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEPAIE_SANITIZE=ON -- "$@" || status=$?
  if compgen -G "$reports/*" >/dev/null; then
    step "Sanitizer reports (build-asan/sanitizer/)"
    for report in "$reports"/*; do
      printf -- '--- %s\n' "${report##*/}"
      cat "$report"
    done
    exit 1
  fi
  if ((status)); then
    exit "$status"
  fi
  echo "no sanitizer report"
fi

step "Done: both trees built and passed their tests"
