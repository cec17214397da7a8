// Rules of the weekly schedule and of timesheet entries, on plain values: which schedules and
// entries the registry allows, and the draft timesheets a month's schedule yields. Pure: the
// store reads and writes the records, the application layer sequences both.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/staffing/model.h"

namespace gepaie::staffing {

// The employment period of `employee` on `day` (the first that covers it); nullptr when the
// employee has no contract that day.
const EmploymentPeriod* period_on(const std::vector<EmploymentPeriod>& periods,
                                  const std::string& employee, Date day);

// One thing wrong with a record of a list: its 0-based position and the reason.
struct RecordProblem {
  size_t index = 0;
  std::string reason;

  bool operator==(const RecordProblem&) const = default;
};

// What a schedule file may not say, in file order: demands first, then slots.
struct ScheduleProblems {
  std::vector<RecordProblem> demands;
  std::vector<RecordProblem> allocations;

  bool empty() const { return demands.empty() && allocations.empty(); }
};

// Checks demands and slots against the registry: a demand of an unknown member ("unknown member
// S"); a slot of an unknown employee ("unknown employee E"), else of an unknown member, else of an
// employee without a contract on the slot's first day ("E has no contract on D"), else at a
// member the contract in force that day does not list ("contract amendment needed: ...
// (L1253-9)"). One problem per record at most.
ScheduleProblems schedule_problems(const std::vector<Demand>& demands,
                                   const std::vector<Allocation>& allocations,
                                   const std::set<std::string>& employees,
                                   const std::set<std::string>& members,
                                   const std::vector<EmploymentPeriod>& periods);

// The expected work of one employee at one member over a month, from the schedule.
struct TimesheetDraft {
  std::string employee_number;
  std::string member_siret;
  std::vector<WorkEntry> entries;  // slot by slot (in the schedule's order), day by day

  bool operator==(const TimesheetDraft&) const = default;
};

struct TimesheetDrafts {
  std::vector<TimesheetDraft> timesheets;  // by employee number, then member SIRET
  int holidays_skipped = 0;                // scheduled days that are public holidays
};

// The draft timesheets of `month`: for each slot, every day of the month on the slot's weekday
// within its validity, when the employee's contract covers the day and lists the member; a
// public holiday (national calendar) is not worked and counted in holidays_skipped. Each entry
// is the slot's time range. Employees and members without any entry get no draft.
TimesheetDrafts draft_timesheets(const std::vector<Allocation>& allocations,
                                 const std::vector<EmploymentPeriod>& periods, Month month);

// Timesheet entries of unknown employees or members, in file order: a work entry's unknown
// employee ("unknown employee E"), else its unknown member ("unknown member S"); an absence's
// unknown employee.
struct EntryProblems {
  std::vector<RecordProblem> work;
  std::vector<RecordProblem> absences;

  bool empty() const { return work.empty() && absences.empty(); }
};
EntryProblems unknown_references(const std::vector<WorkEntry>& work,
                                 const std::vector<AbsenceEntry>& absences,
                                 const std::set<std::string>& employees,
                                 const std::set<std::string>& members);

// Only a draft or a disputed timesheet takes new entries.
bool takes_entries(TimesheetState state);

// The work entries whose (employee, member) timesheet of `month` is in `states` and no longer
// takes entries: "the timesheet of E at S for M is approved: it can no longer change". A
// timesheet missing from `states` is a new draft.
std::vector<RecordProblem> locked_entries(
    const std::vector<WorkEntry>& work,
    const std::map<std::pair<std::string, std::string>, TimesheetState>& states, Month month);

}  // namespace gepaie::staffing
