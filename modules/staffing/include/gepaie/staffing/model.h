// Staffing: who works where and when. Demands from members, the weekly schedule (allocations),
// timesheets (work and absences). Plain values; storage and commands wrap them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/registry/absence.h"

namespace gepaie::staffing {

// Minutes since midnight, 0..1440 (1440 = midnight at the end of the day).
using Minute = int;

// A member's need: a skill for a number of hours a week, preferably on some weekdays.
struct Demand {
  int64_t id = 0;
  std::string member_siret;
  std::string skill;
  Hours weekly_hours;
  std::vector<int> weekdays;  // preferred ISO weekdays (1 = Monday … 7 = Sunday); empty: any
  Date from;
  Date to;

  bool operator==(const Demand&) const = default;
};

// One slot of the weekly schedule: an employee works for a member on a weekday, start to end,
// between two dates.
struct Allocation {
  int64_t id = 0;
  std::string employee_number;
  std::string member_siret;
  int weekday = 1;  // ISO, 1 = Monday
  Minute start = 0;
  Minute end = 0;
  Date from;
  std::optional<Date> to;

  Hours duration() const { return Hours::from_minutes(end - start); }
  bool active_on(Date day) const {
    return day.weekday() == weekday && from <= day && (!to || day <= *to);
  }
  bool operator==(const Allocation&) const = default;
};

// Work actually done for a member on a day: a time range, or only a duration.
struct WorkEntry {
  std::string employee_number;
  std::string member_siret;
  Date day;
  std::optional<Minute> start;  // both or neither
  std::optional<Minute> end;
  Hours duration;  // end − start when a range is given

  bool operator==(const WorkEntry&) const = default;
};

using registry::absence_kind_from;
using registry::AbsenceKind;
using registry::to_string;

struct AbsenceEntry {
  std::string employee_number;
  Date day;
  AbsenceKind kind = AbsenceKind::PaidLeave;
  Hours duration;

  bool operator==(const AbsenceEntry&) const = default;
};

// A month's timesheet of one employee at one member: draft → submitted → approved (by the
// member). The member may instead dispute a submitted timesheet (days, corrected hours, a
// comment): the GE corrects it and submits it again (disputed → submitted).
enum class TimesheetState { Draft, Submitted, Approved, Disputed };
const char* to_string(TimesheetState state);  // draft, submitted, approved, disputed
std::optional<TimesheetState> timesheet_state_from(std::string_view text);

// What the checks and the solver need to know of an employee's contract on a day.
struct EmploymentPeriod {
  std::string employee_number;
  Date start;
  std::optional<Date> end;
  Hours weekly_hours;                      // contractual
  std::vector<std::string> member_sirets;  // members the contract allows (L1253-9)
  std::vector<std::string> skills;

  bool active_on(Date day) const { return start <= day && (!end || day <= *end); }
  bool allows(const std::string& siret) const;
};

// Working-time limits (Code du travail), read from the rates files.
struct WorkingTimeLimits {
  Hours daily_max;                   // 10 h a day (L3121-18)
  Hours daily_rest;                  // 11 consecutive hours between two days (L3131-1)
  Hours weekly_max;                  // 48 h in a week (L3121-20)
  Hours average_weekly_max;          // 44 h on average ... (L3121-22)
  int average_weeks = 12;            // ... over 12 consecutive weeks
  Hours full_time_weekly;            // 35 h (L3121-27): a part-time week may never reach it
  int part_time_extra_divisor = 10;  // heures complémentaires: a tenth of the contract (L3123-28),
                                     // 3 when the collective agreement allows a third (L3123-20)
};

}  // namespace gepaie::staffing
