// The draws of the synthetic GE, one member or one employee at a time. Each function takes its
// random numbers in a fixed order: changing the order changes every GE drawn from a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/registry/records.h"
#include "gepaie/staffing/model.h"
#include "gepaie/synthetic/random.h"

namespace gepaie::synthetic::internal {

// `value` in decimal, zero-padded to `width` digits.
std::string padded(int64_t value, size_t width);
// The digits of the numbers 1 to `count`, at least `minimum`.
size_t width_for(int count, size_t minimum);
std::string street_address(Random& random);
// Every drawn identifier goes through the same check as imported ones: `problem` is the check's
// answer; one found throws Error Failure.
void check_identifier(const char* what, const std::string& value,
                      const std::optional<std::string>& problem);

// Member number `index` (from 1) of a GE whose member numbers have `width` digits.
registry::Member draw_member(Random& random, int index, size_t width);

// One slot of the weekly schedule; `member`: position in the contract's member list.
struct Slot {
  int member;
  int weekday;  // 1 = Monday
  int start;
  int end;
};

// An employee, its contract, and what its month holds.
struct EmployeePlan {
  registry::Employee employee;
  registry::Contract contract;  // without its member list, which `members` gives
  std::vector<int> members;     // indexes into the GE's members, in contract order
  std::vector<Slot> slots;      // by weekday and time

  std::optional<Date> overtime_monday;  // the week worked beyond the contract ...
  int overtime_hours = 0;               // ... one more hour on as many days
  std::optional<Date> absence_day;
  staffing::AbsenceKind absence_kind = staffing::AbsenceKind::PaidLeave;
};

// The month's days the employees may work, and the weeks where overtime may be worked.
struct MonthDays {
  std::vector<Date> working_days;    // Monday to Friday, not a public holiday
  std::vector<Date> overtime_weeks;  // Mondays of the weeks whose five days are working days
};
MonthDays month_days(Month month);

// Employee number `index` (from 1), "S" and `width` digits, placed with `per_employee` of the
// GE's `member_count` members; the days: month_days(month).
EmployeePlan draw_employee(Random& random, int index, size_t width, int member_count,
                           int per_employee, Month month, const std::vector<Date>& working_days,
                           const std::vector<Date>& overtime_weeks);

}  // namespace gepaie::synthetic::internal
