// Working-time checks (durées maximales, repos quotidien, temps partiel, mise à disposition): the
// work actually done, as recorded in the timesheets, against the law and the contracts. A pure
// function of its inputs; the limits come from the rates files.
#pragma once

#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/staffing/model.h"

namespace gepaie::staffing {

enum class Severity { Error, Warning };
const char* to_string(Severity severity);  // error, warning

// One broken rule. `rule` is one of, in the order used to sort violations of the same day:
//   daily_max               more than limits.daily_max worked in a calendar day (all members)
//   daily_rest              less than limits.daily_rest between the last timed entry of a day
//                           and the first timed entry of the next calendar day
//   weekly_max              more than limits.weekly_max worked in an ISO week
//   weekly_average          more than limits.average_weekly_max a week on average over
//                           limits.average_weeks consecutive ISO weeks
//   part_time_extra         a part-time week beyond the contract + contract / divisor
//                           (heures complémentaires)
//   part_time_full_time     a part-time week reaching limits.full_time_weekly
//   member_not_in_contract  work for a member the employment active that day does not list
//   outside_contract        work on a day no employment covers
//   public_holiday          work on a public holiday (a Warning; every other rule is an Error)
struct Violation {
  std::string employee_number;
  std::string rule;
  Severity severity = Severity::Error;
  // The day. daily_rest: the day the too-short rest ends. Weekly rules: the ISO Monday of the
  // week; weekly_average: of the last week of the window.
  Date date;
  std::string week;  // weekly rules: "2026-W48" (weekly_average: the last week); else ""
  // The figure found and the limit it breaks, both to the second:
  //   daily_max, weekly_max, part_time_*: hours worked, the maximum (part_time_extra: contract +
  //     contract / divisor, exact to the second);
  //   daily_rest: the rest taken, the minimum;
  //   weekly_average: the total over the window, average_weekly_max × average_weeks;
  //   member_not_in_contract, outside_contract, public_holiday: hours worked that day for the
  //     member, and zero.
  Hours value;
  Hours limit;
  // The member worked for: member_not_in_contract, outside_contract, public_holiday (these are
  // reported once per day and member); else "".
  std::string member_siret;
  std::string message;  // English, with the figures: "worked 10:01 on 2026-11-12, more than 10:00"

  bool operator==(const Violation&) const = default;
};

struct CheckInput {
  // One or more per employee (successive contracts, amendments). An employee without work
  // entries is not checked.
  std::vector<EmploymentPeriod> employments;
  std::vector<WorkEntry> work;
  // Not work: no rule counts them. Accepted so callers can pass a whole timesheet.
  std::vector<AbsenceEntry> absences;
  // The checked period (e.g. a month), inclusive. Daily rules report days within it (daily_rest:
  // the day the rest ends, so the rest before `from` is checked when the day before is given);
  // weekly rules report every ISO week overlapping it, counting the work of the whole week.
  // For weekly_average pass the work of the (average_weeks − 1) weeks before as well: weeks
  // without entries count as zero hours.
  Date from;
  Date to;
};

// All the violations, sorted by employee number, date, rule (in the order listed above), member.
// Deterministic: the order of the input does not matter.
//
// Choices where the law leaves room:
// - Entries with only a duration count for the totals but not for daily_rest.
// - weekly_average is evaluated for windows ending in a week overlapping [from, to] where the
//   employee was employed in each of the weeks, a week counting as employed when an employment
//   is active on at least one of its days (so contracts that change mid-week do not break the
//   window).
// - The part-time rules use the largest contractual hours among the employments active on some
//   day of the week; a week where that is at least limits.full_time_weekly is full time.
//   A part-time week at or beyond full time breaks both part-time rules when it also exceeds
//   the extra hours.
// - member_not_in_contract: the member must be listed by one of the employments active that day.
//
// Throws Error BadInput when `from` is after `to` or the limits are not usable (divisor or
// average_weeks below 1).
std::vector<Violation> check_working_time(const CheckInput& input, const WorkingTimeLimits& limits,
                                          bool alsace_moselle = false);

}  // namespace gepaie::staffing
