// Demands, the weekly schedule and timesheets in the database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/model.h"
#include "gepaie/staffing/schedule.h"
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
// Stores the demands (those not stored yet) and replaces the weekly schedule of every employee
// the slots name. Inside the caller's transaction, which checked the schedule first
// (staffing::schedule_problems); an unknown employee or member: BadInput "unknown ...".
ScheduleReport set_schedule(Database& db, const std::vector<staffing::Demand>& demands,
                            const std::vector<staffing::Allocation>& allocations);

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
// Writes draft timesheets of `month` (staffing::draft_timesheets): replaces the entries of a
// draft timesheet, creates a missing one, leaves submitted, approved and disputed ones
// (skipped_not_draft). Inside the caller's transaction, after ensure_month_open; holidays_skipped
// is left to the caller. An unknown employee or member: BadInput.
GenerateReport store_timesheet_drafts(Database& db, Month month,
                                      const std::vector<staffing::TimesheetDraft>& drafts);

struct TimesheetImportReport {
  int work_entries = 0;
  int absences = 0;
};
// Replaces the entries of every (employee, member, day) `work` has — the days where reality
// differed from the schedule — and records absences (an absence replaces the day's work in draft
// and disputed timesheets). Inside the caller's transaction, after ensure_month_open, which
// checked references and states (staffing::unknown_references, staffing::locked_entries). An
// unknown employee or member: BadInput; a timesheet that takes no entries: Conflict.
TimesheetImportReport import_timesheet(Database& db, Month month,
                                       const std::vector<staffing::WorkEntry>& work,
                                       const std::vector<staffing::AbsenceEntry>& absences);

// The state of each (employee number, member SIRET) timesheet of `month`.
std::map<std::pair<std::string, std::string>, staffing::TimesheetState> timesheet_states(
    Database& db, Month month);

std::vector<TimesheetSummary> timesheet_summaries(Database& db, Month month);
std::vector<staffing::WorkEntry> work_entries(Database& db, Date from, Date to);
std::vector<staffing::AbsenceEntry> absence_entries(Database& db, Date from, Date to);

// Which timesheets of a month: all, or one employee's, or one member's, or both.
struct TimesheetFilter {
  std::optional<std::string> employee;
  std::optional<std::string> member;
};

// draft or disputed → submitted (a disputed one is "resubmitted" in its history), and
// submitted → approved, recorded with `actor` in each timesheet's history. Returns how many
// timesheets changed; none in the expected state: NotFound. Closed month: Conflict.
int submit_timesheets(Database& db, Month month, const TimesheetFilter& filter,
                      const std::string& actor);
int approve_timesheets(Database& db, Month month, const TimesheetFilter& filter,
                       const std::string& actor);

// A member contests a submitted timesheet: the days, the hours it claims for each, and why.
struct DisputedDay {
  Date day;
  Hours recorded;  // what the timesheet said (filled in by the store)
  Hours claimed;   // what the member says
};
struct TimesheetDispute {
  Month month;
  std::string employee_number;
  std::string member_siret;
  std::string comment;
  std::vector<DisputedDay> days;
};
// submitted → disputed, with the days and the comment in the history. Unknown timesheet:
// NotFound; not submitted: Conflict.
void dispute_timesheet(Database& db, const TimesheetDispute& dispute, const std::string& actor);

// What happened to the month's timesheets, oldest first per timesheet.
struct TimesheetEvent {
  std::string employee_number;
  std::string member_siret;
  std::string at;  // "YYYY-MM-DD HH:MM:SS", the server's time
  std::string actor;
  std::string action;  // submitted, approved, disputed, resubmitted
  std::string comment;
  std::vector<DisputedDay> days;  // disputed: the contested days
};
std::vector<TimesheetEvent> timesheet_history(Database& db, Month month,
                                              const TimesheetFilter& filter);

// Writes a proposal: its new slots (valid from `from` to `to`, linked to their demand) and the
// removal of the existing slots it drops, in one transaction. Returns the slots written.
int apply_proposal(Database& db, const std::vector<staffing::ProposedAllocation>& allocations,
                   const std::vector<int64_t>& removed, Date from, Date to);

// What the working-time checks need for `month` (with the weeks before for the average).
staffing::CheckInput check_input(Database& db, Month month, int average_weeks);

}  // namespace gepaie::store
