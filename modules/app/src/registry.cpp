#include "gepaie/app/registry.h"

#include <algorithm>

namespace gepaie::app {

store::ImportReport import_records(Workspace& workspace, const Actor& actor,
                                   const config::ImportFile& file) {
  require_ge(actor, "import the registry");
  return store::import_records(workspace.db(), file);
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
