// Checks of single registry records. Cross-record checks (unknown employee or member,
// duplicate keys) belong to whoever holds the whole set: the importer.
#pragma once

#include <string>
#include <vector>

#include "gepaie/registry/records.h"

namespace gepaie::registry {

// One thing wrong with a record: the field (as named in import files, with a path such as
// "amendments[1].weekly_hours" or "members[2]") and the reason.
struct FieldProblem {
  std::string field;
  std::string reason;

  bool operator==(const FieldProblem&) const = default;
};

std::vector<FieldProblem> check(const Member& member);
std::vector<FieldProblem> check(const Employee& employee);
std::vector<FieldProblem> check(const Contract& contract);

}  // namespace gepaie::registry
