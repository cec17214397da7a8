// Checks across records that an import needs: a NIR belongs to one employee, and a contract's
// employee and members exist (in the import or already stored). Pure: the caller passes what is
// stored.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gepaie/registry/records.h"
#include "gepaie/registry/validation.h"

namespace gepaie::registry {

// A problem of one record of a list: its 0-based position, the field and the reason.
struct RecordProblem {
  size_t index = 0;
  FieldProblem problem;

  bool operator==(const RecordProblem&) const = default;
};

// Employees of `incoming` whose NIR already belongs to another employee, stored (`stored`:
// employee number -> NIR) or earlier in `incoming`: field "nir", "NIR already belongs to employee
// E". A NIR stays with its first owner, the stored one first, even when that owner's record in
// `incoming` changes its NIR.
std::vector<RecordProblem> nir_conflicts(const std::map<std::string, std::string>& stored,
                                         const std::vector<Employee>& incoming);

// References of `contracts` to employees and members not in `employees` / `members` (which hold
// the stored ones and the incoming ones): field "employee", "members[i]" or
// "amendments[i].members[j]" (1-based), "unknown employee E (neither in this file nor in the
// database)", "unknown member S (...)". By contract, then field.
std::vector<RecordProblem> unknown_references(const std::vector<Contract>& contracts,
                                              const std::set<std::string>& members,
                                              const std::set<std::string>& employees);

// Contracts whose weekly hours, at their start or from an amendment's effective date, exceed the
// legal maximum in force that day (`maximum_on`: the rates files' weekly_max_hours, C. trav.
// L3121-20): field "weekly_hours" or "amendments[i].weekly_hours" (1-based), "weekly hours must
// be at most M (the legal maximum on DAY), got H".
std::vector<RecordProblem> over_weekly_maximum(const std::vector<Contract>& contracts,
                                               const std::function<Hours(Date)>& maximum_on);

}  // namespace gepaie::registry
