#!/usr/bin/env bash
# The install test of the .deb (run by tests/package_tests.cmake): DEB is installed into a
# scratch root with dpkg-deb (nothing touches the system), then
#   - every dependency it declares is installed on this machine, at the version it asks for;
#   - the program it installs finds all its shared libraries, is an optimised build without
#     debug information or sanitizers (the .deb is built Release);
#   - the installed program, with the installed sample configuration, rates and migrations,
#     runs: --version, config check, simulate, and against its own throwaway MariaDB server
#     (under WORK/var): db start, db migrate, import of the demo GE, list, db stop.
# Usage: package_install_test.sh DEB WORK
set -euo pipefail
deb=$1
work=$2
fail() {
  echo "package install test: $*" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
root="$work/root"
dpkg-deb -x "$deb" "$root"

# Dependencies: each clause "a (>= v) | b" needs one alternative installed at that version.
depends=$(dpkg-deb -f "$deb" Depends)
IFS=',' read -ra clauses <<<"$depends"
for clause in "${clauses[@]}"; do
  satisfied=0
  IFS='|' read -ra alternatives <<<"$clause"
  for alternative in "${alternatives[@]}"; do
    read -r name relation version <<<"$(echo "$alternative" | tr -d '()')"
    installed=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
    case $installed in
      "install ok installed "*) ;;
      *) continue ;;
    esac
    if [ -z "${relation:-}" ] || dpkg --compare-versions "${installed##* }" "$relation" "$version"; then
      satisfied=1
      break
    fi
  done
  ((satisfied)) || fail "dependency not satisfied on this machine:$clause"
done
echo "dependencies satisfied: $depends"

gepaie="$root/usr/bin/gepaie"
[ -x "$gepaie" ] || fail "no executable usr/bin/gepaie"
if ldd "$gepaie" | grep -q 'not found'; then
  fail "missing shared libraries: $(ldd "$gepaie" | grep 'not found')"
fi
if readelf -S "$gepaie" | grep -q '\.debug_info'; then
  fail "usr/bin/gepaie holds debug information: the .deb must be made from a Release build"
fi
if readelf -d "$gepaie" | grep -Eq 'lib(asan|ubsan|tsan|lsan)'; then
  fail "usr/bin/gepaie is built with sanitizers"
fi
echo "usr/bin/gepaie: all libraries found, no debug information, no sanitizer"

share="$root/usr/share/gepaie"
config="$work/gepaie.yaml"
# The installed sample configuration, pointed at the installed rates and a scratch data folder.
sed -e "s|^data_dir:.*|data_dir: $work/var|" "$share/config/gepaie.yaml" >"$config"
printf 'rates_dir: %s\n' "$share/config/rates" >>"$config"
run() {
  echo "+ gepaie $*"
  env -u GEPAIE_DATABASE_URL -u GEPAIE_DATA_DIR "$gepaie" --config "$config" "$@"
}
run --version | grep -q '^gepaie ' || fail "gepaie --version"
run config check >/dev/null
run simulate "$share/config/examples/simulate.yaml" | grep -q 'Net payé' || fail "simulate"
trap 'run db stop >/dev/null 2>&1 || true' EXIT
run db start
run db migrate
run import "$share/config/demo/demo.yaml" | grep -q 'members: 12 added' || fail "import of the demo GE"
run list members | grep -q '12 members' || fail "list members"
run db stop
trap - EXIT
rm -rf "$work"
echo "package install test ok: $deb"
