#!/usr/bin/env bash
# The demo: set up, start the embedded database, migrate, import the demo GE and show it.
# Idempotent: run it again and the import reports every record unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh

gepaie() { build/modules/cli/gepaie --config config/gepaie.yaml "$@"; }
step() { printf '\n==> %s\n' "$*"; }

step "Starting the embedded database (var/)"
gepaie db start
step "Migrating the schema"
gepaie db migrate
step "Importing the demo GE (config/demo/demo.yaml)"
gepaie import config/demo/demo.yaml
step "Members (adhérents)"
gepaie list members
step "Employees"
gepaie list employees
step "Contracts"
gepaie list contracts
step "One payslip simulated with the 2026 rates (config/examples/simulate.yaml)"
gepaie simulate config/examples/simulate.yaml

printf '\nThe database server keeps running for further commands (build/modules/cli/gepaie --help);\n'
printf 'stop it with: build/modules/cli/gepaie db stop\n'
