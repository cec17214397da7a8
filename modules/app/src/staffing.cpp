#include "gepaie/app/staffing.h"

#include <algorithm>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/staffing/schedule.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "placed.h"

namespace gepaie::app {
namespace {

using internal::records_of;

// The actor's scope over timesheets: a member user sees its firm's, an employee their own.
void scope_timesheets(const Actor& actor, store::TimesheetFilter& filter, const std::string& what) {
  switch (actor.kind) {
    case Actor::Kind::Member:
      if (filter.member) {
        require_member(actor, *filter.member, what);
      }
      filter.member = actor.member_siret;
      return;
    case Actor::Kind::Employee:
      if (filter.employee && *filter.employee != actor.employee_number) {
        throw Error(ErrorKind::NotFound, "no timesheet of " + *filter.employee);
      }
      filter.employee = actor.employee_number;
      return;
    case Actor::Kind::Operator:
    case Actor::Kind::GeStaff:
      return;
  }
}

CheckResult checked(const staffing::CheckInput& input, const staffing::WorkingTimeLimits& limits) {
  CheckResult result;
  result.from = input.from;
  result.to = input.to;
  result.violations = staffing::check_working_time(input, limits);
  result.entries = input.work.size();
  return result;
}

CheckResult check_stored_month(Workspace& workspace, Month month) {
  const staffing::WorkingTimeLimits limits = workspace.working_time_limits(month.first_day());
  return checked(store::check_input(workspace.db(), month, limits.average_weeks), limits);
}

// The problems of a file's records as located BadInput errors, in order.
template <typename Record>
void add_problems(config::ProblemList& list, const std::vector<config::Placed<Record>>& placed,
                  const std::vector<staffing::RecordProblem>& problems, bool with_path) {
  for (const auto& problem : problems) {
    const config::RecordPlace& place = placed[problem.index].place;
    list.add(Error(ErrorKind::BadInput, problem.reason, place.record,
                   with_path ? place.path : std::string()));
  }
}

}  // namespace

store::ScheduleReport set_schedule(store::Database& db, const config::ScheduleFile& file) {
  const std::vector<staffing::Demand> demands = records_of(file.demands);
  const std::vector<staffing::Allocation> allocations = records_of(file.allocations);
  store::Transaction transaction(db);
  const staffing::ScheduleProblems problems =
      staffing::schedule_problems(demands, allocations, store::employee_numbers(db),
                                  store::member_sirets(db), store::employment_periods(db));
  config::ProblemList list;
  add_problems(list, file.demands, problems.demands, true);
  add_problems(list, file.allocations, problems.allocations, true);
  list.throw_if_any();
  const store::ScheduleReport report = store::set_schedule(db, demands, allocations);
  transaction.commit();
  return report;
}

store::GenerateReport generate_timesheets(store::Database& db, Month month) {
  store::Transaction transaction(db);
  store::ensure_month_open(db, month, "generating timesheets");
  const staffing::TimesheetDrafts drafts =
      staffing::draft_timesheets(store::list_allocations(db), store::employment_periods(db), month);
  store::GenerateReport report = store::store_timesheet_drafts(db, month, drafts.timesheets);
  report.holidays_skipped = drafts.holidays_skipped;
  transaction.commit();
  return report;
}

store::TimesheetImportReport import_timesheet(store::Database& db,
                                              const config::TimesheetFile& file, Month month) {
  const std::vector<staffing::WorkEntry> work = records_of(file.work);
  const std::vector<staffing::AbsenceEntry> absences = records_of(file.absences);
  store::Transaction transaction(db);
  store::ensure_month_open(db, month, "importing a timesheet");
  config::ProblemList list;
  const staffing::EntryProblems unknown = staffing::unknown_references(
      work, absences, store::employee_numbers(db), store::member_sirets(db));
  add_problems(list, file.work, unknown.work, false);
  add_problems(list, file.absences, unknown.absences, false);
  list.throw_if_any();
  add_problems(list, file.work,
               staffing::locked_entries(work, store::timesheet_states(db, month), month), false);
  list.throw_if_any();
  const store::TimesheetImportReport report = store::import_timesheet(db, month, work, absences);
  transaction.commit();
  return report;
}

int CheckResult::errors() const {
  return static_cast<int>(std::count_if(violations.begin(), violations.end(), [](const auto& v) {
    return v.severity == staffing::Severity::Error;
  }));
}

ScheduleResult set_schedule(Workspace& workspace, const Actor& actor,
                            const config::ScheduleFile& file) {
  require_ge(actor, "set the schedule");
  store::Database& db = workspace.db();
  ScheduleResult result;
  result.report = set_schedule(db, file);
  if (file.allocations.empty()) {
    return result;
  }
  // The same checks as `staff check`, on the first whole week of the saved schedule.
  Date first = file.allocations.front().record.from;
  for (const auto& placed : file.allocations) {
    first = std::min(first, placed.record.from);
  }
  const Date monday = first.plus_days(first.weekday() == 1 ? 0 : 8 - first.weekday());
  staffing::CheckInput input;
  input.from = monday;
  input.to = monday.plus_days(6);
  input.employments = store::employment_periods(db);
  for (const auto& slot : store::list_allocations(db)) {
    const Date day = monday.plus_days(slot.weekday - 1);
    if (slot.active_on(day)) {
      input.work.push_back(
          {slot.employee_number, slot.member_siret, day, slot.start, slot.end, slot.duration()});
    }
  }
  result.check = checked(input, workspace.working_time_limits(monday));
  return result;
}

std::vector<staffing::Allocation> schedule(Workspace& workspace, const Actor& actor,
                                           ScheduleFilter filter) {
  if (actor.kind == Actor::Kind::Member) {
    if (filter.member) {
      require_member(actor, *filter.member, "read its schedule");
    }
    filter.member = actor.member_siret;
  } else if (actor.kind == Actor::Kind::Employee) {
    filter.employee = actor.employee_number;
  }
  auto allocations = store::list_allocations(workspace.db());
  std::erase_if(allocations, [&](const staffing::Allocation& a) {
    if (filter.employee && a.employee_number != *filter.employee) {
      return true;
    }
    if (filter.member && a.member_siret != *filter.member) {
      return true;
    }
    if (filter.week) {
      const Date day = filter.week->plus_days(a.weekday - 1);
      return day < a.from || (a.to && *a.to < day);
    }
    return false;
  });
  return allocations;
}

std::vector<staffing::Demand> list_demands(Workspace& workspace, const Actor& actor) {
  auto demands = store::list_demands(workspace.db());
  if (actor.kind == Actor::Kind::Member) {
    std::erase_if(demands, [&](const auto& d) { return d.member_siret != actor.member_siret; });
  } else {
    require_ge(actor, "list the demands");
  }
  return demands;
}

bool add_demand(Workspace& workspace, const Actor& actor, const staffing::Demand& demand) {
  require_member(actor, demand.member_siret, "add a demand");
  if (demand.to < demand.from || !demand.weekly_hours.positive()) {
    throw bad_input("a demand needs positive hours and an end on or after its start");
  }
  for (int day : demand.weekdays) {
    if (day < 1 || day > 7) {
      throw bad_input("--weekdays is a list such as 1,2,4 (1 = Monday)");
    }
  }
  config::ScheduleFile file;
  file.name = "demand";
  file.demands.push_back({demand, {}});
  return set_schedule(workspace.db(), file).demands_added > 0;
}

store::GenerateReport generate_timesheets(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "generate timesheets");
  return generate_timesheets(workspace.db(), month);
}

TimesheetImportResult import_timesheet(Workspace& workspace, const Actor& actor,
                                       const config::TimesheetFile& file, Month month) {
  require_ge(actor, "import timesheets");
  TimesheetImportResult result;
  result.report = import_timesheet(workspace.db(), file, month);
  result.check = check_stored_month(workspace, month);
  return result;
}

MonthTimesheets timesheets(Workspace& workspace, const Actor& actor, Month month,
                           store::TimesheetFilter filter) {
  scope_timesheets(actor, filter, "read its timesheets");
  store::Database& db = workspace.db();
  MonthTimesheets result;
  result.sheets = store::timesheet_summaries(db, month);
  std::erase_if(result.sheets, [&](const auto& s) {
    return (filter.employee && s.employee_number != *filter.employee) ||
           (filter.member && s.member_siret != *filter.member);
  });
  result.absences = store::absence_entries(db, month.first_day(), month.last_day());
  if (filter.employee || filter.member) {
    std::set<std::string> shown;
    for (const auto& sheet : result.sheets) {
      shown.insert(sheet.employee_number);
    }
    std::erase_if(result.absences, [&](const auto& a) {
      return filter.employee ? a.employee_number != *filter.employee
                             : !shown.contains(a.employee_number);
    });
  }
  return result;
}

int submit_timesheets(Workspace& workspace, const Actor& actor, Month month,
                      const store::TimesheetFilter& filter) {
  require_ge(actor, "submit timesheets");
  return store::submit_timesheets(workspace.db(), month, filter, actor.recorded());
}

int approve_timesheets(Workspace& workspace, const Actor& actor, Month month,
                       const store::TimesheetFilter& filter) {
  if (!filter.member) {
    throw bad_input("--member SIRET is required: a member approves its timesheets");
  }
  require_member(actor, *filter.member, "approve its timesheets");
  return store::approve_timesheets(workspace.db(), month, filter, actor.recorded());
}

void dispute_timesheet(Workspace& workspace, const Actor& actor,
                       const store::TimesheetDispute& dispute) {
  require_member(actor, dispute.member_siret, "dispute its timesheets");
  if (dispute.employee_number.empty()) {
    throw bad_input("--employee NUMBER is required: a dispute is about one timesheet");
  }
  const auto blank = dispute.comment.find_first_not_of(" \t");
  if (blank == std::string::npos) {
    throw bad_input("--comment \"...\" is required: a dispute says why");
  }
  if (dispute.days.empty()) {
    throw bad_input("a dispute names at least one day (--day YYYY-MM-DD --hours H)");
  }
  std::set<int64_t> seen;
  for (const auto& day : dispute.days) {
    if (!dispute.month.contains(day.day)) {
      throw bad_input(day.day.str() + " is not in " + dispute.month.str());
    }
    if (!seen.insert(day.day.days()).second) {
      throw bad_input(day.day.str() + " is disputed twice");
    }
    if (day.claimed > Hours::from_minutes(24 * 60)) {
      throw bad_input("at most 24 hours a day, not " + day.claimed.str() + " on " + day.day.str());
    }
  }
  store::dispute_timesheet(workspace.db(), dispute, actor.recorded());
}

std::vector<store::TimesheetEvent> timesheet_history(Workspace& workspace, const Actor& actor,
                                                     Month month, store::TimesheetFilter filter) {
  scope_timesheets(actor, filter, "read its timesheets");
  return store::timesheet_history(workspace.db(), month, filter);
}

CheckResult check_month(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "check the working-time law");
  return check_stored_month(workspace, month);
}

ProposalResult propose_allocations(Workspace& workspace, const Actor& actor,
                                   const ProposalRequest& request) {
  require_ge(actor, "propose allocations");
  if (request.to < request.from) {
    throw bad_input("--to is before --from");
  }
  store::Database& db = workspace.db();
  staffing::ProposalInput input;
  input.week = request.from;
  input.limits = workspace.working_time_limits(request.from);
  for (auto& period : store::employment_periods(db)) {
    if (period.active_on(request.from)) {
      input.employees.push_back(std::move(period));
    }
  }
  const Date monday = request.from.plus_days(1 - request.from.weekday());
  for (const auto& slot : store::list_allocations(db)) {
    const Date day = monday.plus_days(slot.weekday - 1);
    if (slot.from <= day && (!slot.to || day <= *slot.to)) {
      input.existing.push_back(slot);
    }
  }
  // Open demand: what the current schedule does not cover yet (slots at the member by
  // employees with the skill), demand by demand.
  std::map<std::pair<std::string, std::string>, int64_t> covered;  // (member, skill) -> minutes
  for (const auto& slot : input.existing) {
    for (const auto& employee : input.employees) {
      if (employee.employee_number == slot.employee_number) {
        for (const auto& skill : employee.skills) {
          covered[{slot.member_siret, skill}] += slot.end - slot.start;
        }
      }
    }
  }
  for (auto demand : store::list_demands(db)) {
    if (demand.to < request.from || request.to < demand.from) {
      continue;
    }
    int64_t& used = covered[{demand.member_siret, demand.skill}];
    const int64_t take = std::min<int64_t>(used, demand.weekly_hours.whole_minutes());
    used -= take;
    demand.weekly_hours -= Hours::from_minutes(take);
    if (demand.weekly_hours.positive()) {
      input.demands.push_back(demand);
    }
  }
  ProposalResult result;
  result.open_demands = static_cast<int>(input.demands.size());
  result.proposal = staffing::make_glpk_solver()->propose(input, request.time_limit_seconds);
  if (request.apply) {
    result.written =
        store::apply_proposal(db, result.proposal.allocations,
                              result.proposal.removed_allocation_ids, request.from, request.to);
  }
  return result;
}

}  // namespace gepaie::app
