#include "gepaie/registry/absence.h"

#include <utility>

namespace gepaie::registry {
namespace {

constexpr std::pair<AbsenceKind, const char*> kAbsenceKinds[] = {
    {AbsenceKind::PaidLeave, "paid_leave"},         {AbsenceKind::Sickness, "sickness"},
    {AbsenceKind::UnpaidLeave, "unpaid_leave"},     {AbsenceKind::Training, "training"},
    {AbsenceKind::PublicHoliday, "public_holiday"},
};

}  // namespace

const char* to_string(AbsenceKind kind) {
  for (const auto& [value, name] : kAbsenceKinds) {
    if (value == kind) {
      return name;
    }
  }
  return "";
}

std::optional<AbsenceKind> absence_kind_from(std::string_view text) {
  for (const auto& [value, name] : kAbsenceKinds) {
    if (text == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace gepaie::registry
