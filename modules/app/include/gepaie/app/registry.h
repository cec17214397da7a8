// Use cases of the registry: import members, employees and contracts; list them.
#pragma once

#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/config/import_file.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/registry_store.h"

namespace gepaie::app {

// Upserts every record of a checked import file in one transaction (the GE only). Any problem: a
// BadInput naming file, line, column and field, and nothing written.
store::ImportReport import_records(Workspace& workspace, const Actor& actor,
                                   const config::ImportFile& file);

// The same without the actor's check (the demonstration set-up and the tests): the NIR, reference
// and weekly-maximum checks (gepaie/registry/import_checks.h; the maximum from `rates`) on what is
// stored, then the upsert, in one transaction.
store::ImportReport import_records(store::Database& db, const payroll::RateBook& rates,
                                   const config::ImportFile& file);

// The registry as the actor may see it: the GE sees everything; a member user its own firm; an
// employee themself and their own contracts.
std::vector<registry::Member> list_members(Workspace& workspace, const Actor& actor);
std::vector<registry::Employee> list_employees(Workspace& workspace, const Actor& actor);
std::vector<registry::Contract> list_contracts(Workspace& workspace, const Actor& actor);

}  // namespace gepaie::app
