// The kinds of absence from work, one list for the schedule (staffing) and the pay run (payroll).
#pragma once

#include <optional>
#include <string_view>

namespace gepaie::registry {

enum class AbsenceKind { PaidLeave, Sickness, UnpaidLeave, Training, PublicHoliday };

// paid_leave, sickness, unpaid_leave, training, public_holiday: the names in files and columns.
const char* to_string(AbsenceKind kind);
std::optional<AbsenceKind> absence_kind_from(std::string_view text);

}  // namespace gepaie::registry
