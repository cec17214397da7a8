#include "gepaie/app/registry.h"

#include <algorithm>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/registry/import_checks.h"
#include "placed.h"

namespace gepaie::app {
namespace {

// The problems of the file's records of one list as located BadInput errors; throws them.
template <typename Record>
void throw_problems(const config::ImportFile& file,
                    const std::vector<config::Placed<Record>>& placed,
                    const std::vector<registry::RecordProblem>& problems) {
  config::ProblemList list;
  for (const auto& problem : problems) {
    list.add(
        file.error_at(placed[problem.index].place, problem.problem.field, problem.problem.reason));
  }
  list.throw_if_any();
}

// The legal weekly maximum on `day` from the rates files; before the first file or after the
// last, that file's figure (the maximum has been 48 h since 1993).
Hours weekly_maximum_on(const payroll::RateBook& rates, Date day) {
  if (const payroll::RateSet* set = rates.at(day)) {
    return set->constants.weekly_max_hours;
  }
  if (rates.sets().empty()) {
    throw failure("no rates file: the legal weekly maximum is unknown");
  }
  const auto& sets = rates.sets();
  return (day < sets.front().from ? sets.front() : sets.back()).constants.weekly_max_hours;
}

}  // namespace

store::ImportReport import_records(store::Database& db, const payroll::RateBook& rates,
                                   const config::ImportFile& file) {
  registry::Records records{internal::records_of(file.members),
                            internal::records_of(file.employees),
                            internal::records_of(file.contracts)};
  store::Transaction transaction(db);
  throw_problems(file, file.employees,
                 registry::nir_conflicts(store::employee_nirs(db), records.employees));
  // References may point into the file or into the database.
  std::set<std::string> members = store::member_sirets(db);
  for (const auto& member : records.members) {
    members.insert(member.siret);
  }
  std::set<std::string> employees = store::employee_numbers(db);
  for (const auto& employee : records.employees) {
    employees.insert(employee.number);
  }
  throw_problems(file, file.contracts,
                 registry::unknown_references(records.contracts, members, employees));
  throw_problems(file, file.contracts,
                 registry::over_weekly_maximum(
                     records.contracts, [&](Date day) { return weekly_maximum_on(rates, day); }));
  const store::ImportReport report = store::import_records(db, records);
  transaction.commit();
  return report;
}

store::ImportReport import_records(Workspace& workspace, const Actor& actor,
                                   const config::ImportFile& file) {
  require_ge(actor, "import the registry");
  return import_records(workspace.db(), workspace.rates(), file);
}

std::vector<registry::Member> list_members(Workspace& workspace, const Actor& actor) {
  auto members = store::list_members(workspace.db());
  if (actor.kind == Actor::Kind::Member) {
    std::erase_if(members, [&](const auto& m) { return m.siret != actor.member_siret; });
  } else {
    require_ge(actor, "list the members");
  }
  return members;
}

std::vector<registry::Employee> list_employees(Workspace& workspace, const Actor& actor) {
  auto employees = store::list_employees(workspace.db());
  if (actor.kind == Actor::Kind::Employee) {
    std::erase_if(employees, [&](const auto& e) { return e.number != actor.employee_number; });
  } else {
    require_ge(actor, "list the employees");
  }
  return employees;
}

std::vector<registry::Contract> list_contracts(Workspace& workspace, const Actor& actor) {
  auto contracts = store::list_contracts(workspace.db());
  if (actor.kind == Actor::Kind::Employee) {
    std::erase_if(contracts,
                  [&](const auto& c) { return c.employee_number != actor.employee_number; });
  } else {
    require_ge(actor, "list the contracts");
  }
  return contracts;
}

}  // namespace gepaie::app
