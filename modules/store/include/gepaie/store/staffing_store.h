// Demands, the weekly schedule and timesheets in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/config/staffing_files.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/model.h"
#include "gepaie/staffing/solver.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

// Every contract as employment periods, split at amendment dates (terms in force in each).
std::vector<staffing::EmploymentPeriod> employment_periods(Database& db);

struct ScheduleReport {
  int demands_added = 0;
  int demands_unchanged = 0;
  int allocations = 0;
  int employees = 0;
};
// Stores the demands and replaces the weekly schedule of every employee the file names, in one
// transaction. Unknown employee or member, or a member the employee's contract does not list on
// the slot's first day ("contract amendment needed", L1253-9): BadInput, nothing written.
ScheduleReport set_schedule(Database& db, const config::ScheduleFile& file);

std::vector<staffing::Demand> list_demands(Database& db);
std::vector<staffing::Allocation> list_allocations(Database& db);

struct TimesheetSummary {
  std::string employee_number;
  std::string member_siret;
  staffing::TimesheetState state = staffing::TimesheetState::Draft;
  Hours worked;
  int days = 0;
  std::string approved_by;
  std::string approved_at;
};

struct GenerateReport {
  int timesheets = 0;
  int entries = 0;
  int skipped_not_draft = 0;
  int holidays_skipped = 0;
};
// Draft timesheets of `month` from the schedule (expected hours): each scheduled day within the
// contract, not a public holiday. Replaces draft timesheets; leaves submitted and approved ones.
GenerateReport generate_timesheets(Database& db, Month month);

struct TimesheetImportReport {
  int work_entries = 0;
  int absences = 0;
};
// Replaces the entries of every (employee, member, day) the file has — the days where reality
// differed from the schedule — and records absences. One transaction; unknown employee or
// member, or a timesheet already submitted or approved: BadInput, nothing written.
TimesheetImportReport import_timesheet(Database& db, const config::TimesheetFile& file,
                                       Month month);

std::vector<TimesheetSummary> timesheet_summaries(Database& db, Month month);
std::vector<staffing::WorkEntry> work_entries(Database& db, Date from, Date to);
std::vector<staffing::AbsenceEntry> absence_entries(Database& db, Date from, Date to);

// draft → submitted, or submitted → approved (with who). Filters are optional. Returns how many
// timesheets changed; none in the expected state: NotFound.
int submit_timesheets(Database& db, Month month, const std::optional<std::string>& employee,
                      const std::optional<std::string>& member);
int approve_timesheets(Database& db, Month month, const std::string& member,
                       const std::optional<std::string>& employee, const std::string& approved_by);

// Writes a proposal: its new slots (valid from `from` to `to`, linked to their demand) and the
// removal of the existing slots it drops, in one transaction. Returns the slots written.
int apply_proposal(Database& db, const std::vector<staffing::ProposedAllocation>& allocations,
                   const std::vector<int64_t>& removed, Date from, Date to);

// What the working-time checks need for `month` (with the weeks before for the average).
staffing::CheckInput check_input(Database& db, Month month, int average_weeks);

}  // namespace gepaie::store
