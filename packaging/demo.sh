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
step "The weekly schedule and members' demands (config/demo/schedule.yaml)"
gepaie schedule set config/demo/schedule.yaml
month=2026-11
if gepaie timesheet show --month "$month" | grep -q "^0 timesheets"; then
  step "Timesheets of $month: generated from the schedule, then what differed (overtime, sickness)"
  gepaie timesheet generate --month "$month"
  gepaie timesheet import config/demo/timesheet-2026-11.csv --month "$month"
  gepaie timesheet submit --month "$month"
  step "Each member approves its timesheets"
  for siret in $(grep -o 'siret: "[0-9]*"' config/demo/demo.yaml | grep -o '[0-9]\{14\}'); do
    gepaie timesheet approve --month "$month" --member "$siret" --by "contact of $siret"
  done
fi
step "Timesheets of $month"
gepaie timesheet show --month "$month"
step "Working-time checks for $month"
gepaie staff check --month "$month"
step "Allocation proposal for the members' open demands (not applied; --apply writes it)"
gepaie staff propose --from 2026-11-30 --to 2027-06-30
if ! gepaie period list --json | grep -A1 "\"$month\"" | grep -q closed; then
  step "An expense: a train ticket for E003 at Basalte Records, billed to that member"
  gepaie expense add --employee E003 --member 87001285300012 --date 2026-11-18 \
    --amount 42.60 --label "Train Clermont – Lyon (salon)"
  step "Closing $month: checks, pay run, cost split, invoices, lock — one transaction"
  gepaie close --month "$month" --issue-date 2026-11-30 --by "demo"
else
  step "$month is already closed"
fi
step "The cost split of $month per member"
gepaie split --month "$month"
step "The invoices of $month"
gepaie invoice list --month "$month"
step "One payslip in detail (E007, overtime week)"
gepaie payroll show --month "$month" --employee E007
out="out/$month"
step "Printing the month: payslips, payroll journal and invoices as PDF in $out/"
gepaie print payslips --month "$month" --out "$out/bulletins" --combined
gepaie print invoices --month "$month" --out "$out/factures"
gepaie print summary --month "$month" --format pdf --out "$out/journal-$month.pdf"
gepaie print summary --month "$month" --format csv --out "$out/journal-$month.csv"
step "The payroll journal of $month (payslip summary) and the members' totals"
gepaie print summary --month "$month"
printf '\nDocuments of %s: %s/ (payslips in bulletins/, invoices in factures/, the journal as PDF and CSV)\n' \
  "$month" "$(pwd)/$out"

printf '\nThe database server keeps running for further commands (build/modules/cli/gepaie --help);\n'
printf 'stop it with: build/modules/cli/gepaie db stop\n'
