// Use cases of staffing: demands, the weekly schedule, timesheets (generate, import, submit,
// approve, dispute, history), the working-time checks and allocation proposals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/solver.h"
#include "gepaie/store/staffing_store.h"

namespace gepaie::app {

// The working-time checks of a period: the violations and how many entries were checked.
struct CheckResult {
  Date from;
  Date to;
  std::vector<staffing::Violation> violations;
  size_t entries = 0;
  int errors() const;
  int warnings() const { return static_cast<int>(violations.size()) - errors(); }
};

struct ScheduleResult {
  store::ScheduleReport report;
  std::optional<CheckResult> check;  // the first whole week of the saved schedule
};
// Stores the file's demands and replaces the weekly schedule of every employee it names (the GE
// only), then checks the working-time law on the first whole week of the schedule.
ScheduleResult set_schedule(Workspace& workspace, const Actor& actor,
                            const config::ScheduleFile& file);

struct ScheduleFilter {
  std::optional<std::string> employee;
  std::optional<std::string> member;
  std::optional<Date> week;  // the Monday of an ISO week: slots valid that week
};
// The weekly schedule: the GE sees every slot, a member user its firm's, an employee their own.
std::vector<staffing::Allocation> schedule(Workspace& workspace, const Actor& actor,
                                           ScheduleFilter filter);

std::vector<staffing::Demand> list_demands(Workspace& workspace, const Actor& actor);
// Adds a member's demand (the GE, or a user of that member). Positive hours, an end on or after
// its start, weekdays 1–7: else BadInput. Returns false when the same demand exists already.
bool add_demand(Workspace& workspace, const Actor& actor, const staffing::Demand& demand);

// Draft timesheets of the month from the schedule (the GE only).
store::GenerateReport generate_timesheets(Workspace& workspace, const Actor& actor, Month month);

struct TimesheetImportResult {
  store::TimesheetImportReport report;
  CheckResult check;  // the month's working-time checks after the import
};
// Records actual work and absences (the GE only): draft or disputed timesheets only.
TimesheetImportResult import_timesheet(Workspace& workspace, const Actor& actor,
                                       const config::TimesheetFile& file, Month month);

struct MonthTimesheets {
  std::vector<store::TimesheetSummary> sheets;
  std::vector<staffing::AbsenceEntry> absences;
};
// The month's timesheets and absences: the GE sees all, a member user its firm's timesheets, an
// employee their own.
MonthTimesheets timesheets(Workspace& workspace, const Actor& actor, Month month,
                           store::TimesheetFilter filter);

// draft or disputed → submitted (the GE only).
int submit_timesheets(Workspace& workspace, const Actor& actor, Month month,
                      const store::TimesheetFilter& filter);
// submitted → approved: the member's users, or the GE on the member's behalf. `filter.member`
// is required.
int approve_timesheets(Workspace& workspace, const Actor& actor, Month month,
                       const store::TimesheetFilter& filter);
// A member contests a submitted timesheet: at least one day, each with the hours it claims (0 to
// 24 h), days within the month and no day twice, and a comment saying why (required).
void dispute_timesheet(Workspace& workspace, const Actor& actor,
                       const store::TimesheetDispute& dispute);
// What happened to the month's timesheets, scoped like `timesheets`.
std::vector<store::TimesheetEvent> timesheet_history(Workspace& workspace, const Actor& actor,
                                                     Month month, store::TimesheetFilter filter);

// The working-time law on the month's timesheets (the GE only).
CheckResult check_month(Workspace& workspace, const Actor& actor, Month month);

struct ProposalRequest {
  Date from;
  Date to;
  bool apply = false;
  double time_limit_seconds = 20;
};
struct ProposalResult {
  staffing::Proposal proposal;
  int open_demands = 0;
  int written = 0;  // slots written when applied
};
// A proposal for the members' open demands (what the schedule does not cover yet); written to
// the schedule in one transaction when `apply` (the GE only).
ProposalResult propose_allocations(Workspace& workspace, const Actor& actor,
                                   const ProposalRequest& request);

// The sequences of the use cases above, without the actor's check (the demonstration set-up and
// the tests): each reads what its rules need, applies them (gepaie/staffing/schedule.h) and
// writes, in one transaction; a problem: BadInput naming file, line and record, nothing written.
store::ScheduleReport set_schedule(store::Database& db, const config::ScheduleFile& file);
store::GenerateReport generate_timesheets(store::Database& db, Month month);
store::TimesheetImportReport import_timesheet(store::Database& db,
                                              const config::TimesheetFile& file, Month month);

}  // namespace gepaie::app
