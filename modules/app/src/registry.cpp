#include "gepaie/app/registry.h"

#include <algorithm>
#include <set>

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

}  // namespace

store::ImportReport import_records(store::Database& db, const config::ImportFile& file) {
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
  const store::ImportReport report = store::import_records(db, records);
  transaction.commit();
  return report;
}

store::ImportReport import_records(Workspace& workspace, const Actor& actor,
                                   const config::ImportFile& file) {
  require_ge(actor, "import the registry");
  return import_records(workspace.db(), file);
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
