#include "gepaie/staffing/schedule.h"

#include "gepaie/staffing/holidays.h"

namespace gepaie::staffing {

const EmploymentPeriod* period_on(const std::vector<EmploymentPeriod>& periods,
                                  const std::string& employee, Date day) {
  for (const auto& period : periods) {
    if (period.employee_number == employee && period.active_on(day)) {
      return &period;
    }
  }
  return nullptr;
}

ScheduleProblems schedule_problems(const std::vector<Demand>& demands,
                                   const std::vector<Allocation>& allocations,
                                   const std::set<std::string>& employees,
                                   const std::set<std::string>& members,
                                   const std::vector<EmploymentPeriod>& periods) {
  ScheduleProblems problems;
  for (size_t i = 0; i < demands.size(); ++i) {
    if (!members.contains(demands[i].member_siret)) {
      problems.demands.push_back({i, "unknown member " + demands[i].member_siret});
    }
  }
  for (size_t i = 0; i < allocations.size(); ++i) {
    const Allocation& slot = allocations[i];
    if (!employees.contains(slot.employee_number)) {
      problems.allocations.push_back({i, "unknown employee " + slot.employee_number});
      continue;
    }
    if (!members.contains(slot.member_siret)) {
      problems.allocations.push_back({i, "unknown member " + slot.member_siret});
      continue;
    }
    const EmploymentPeriod* period = period_on(periods, slot.employee_number, slot.from);
    if (period == nullptr) {
      problems.allocations.push_back(
          {i, slot.employee_number + " has no contract on " + slot.from.str()});
    } else if (!period->allows(slot.member_siret)) {
      problems.allocations.push_back({i, "contract amendment needed: the contract of " +
                                             slot.employee_number + " does not list member " +
                                             slot.member_siret + " on " + slot.from.str() +
                                             " (L1253-9)"});
    }
  }
  return problems;
}

TimesheetDrafts draft_timesheets(const std::vector<Allocation>& allocations,
                                 const std::vector<EmploymentPeriod>& periods, Month month) {
  TimesheetDrafts drafts;
  std::map<std::pair<std::string, std::string>, std::vector<WorkEntry>> sheets;
  for (const Allocation& slot : allocations) {
    for (Date day = month.first_day(); day <= month.last_day(); day = day.plus_days(1)) {
      if (!slot.active_on(day)) {
        continue;
      }
      const EmploymentPeriod* period = period_on(periods, slot.employee_number, day);
      if (period == nullptr || !period->allows(slot.member_siret)) {
        continue;
      }
      if (is_public_holiday(day)) {
        ++drafts.holidays_skipped;
        continue;
      }
      sheets[{slot.employee_number, slot.member_siret}].push_back(
          {slot.employee_number, slot.member_siret, day, slot.start, slot.end, slot.duration()});
    }
  }
  for (auto& [key, entries] : sheets) {
    drafts.timesheets.push_back({key.first, key.second, std::move(entries)});
  }
  return drafts;
}

EntryProblems unknown_references(const std::vector<WorkEntry>& work,
                                 const std::vector<AbsenceEntry>& absences,
                                 const std::set<std::string>& employees,
                                 const std::set<std::string>& members) {
  EntryProblems problems;
  for (size_t i = 0; i < work.size(); ++i) {
    if (!employees.contains(work[i].employee_number)) {
      problems.work.push_back({i, "unknown employee " + work[i].employee_number});
    } else if (!members.contains(work[i].member_siret)) {
      problems.work.push_back({i, "unknown member " + work[i].member_siret});
    }
  }
  for (size_t i = 0; i < absences.size(); ++i) {
    if (!employees.contains(absences[i].employee_number)) {
      problems.absences.push_back({i, "unknown employee " + absences[i].employee_number});
    }
  }
  return problems;
}

bool takes_entries(TimesheetState state) {
  return state == TimesheetState::Draft || state == TimesheetState::Disputed;
}

std::vector<RecordProblem> locked_entries(
    const std::vector<WorkEntry>& work,
    const std::map<std::pair<std::string, std::string>, TimesheetState>& states, Month month) {
  std::vector<RecordProblem> problems;
  for (size_t i = 0; i < work.size(); ++i) {
    const WorkEntry& entry = work[i];
    auto found = states.find({entry.employee_number, entry.member_siret});
    if (found == states.end() || takes_entries(found->second)) {
      continue;
    }
    problems.push_back({i, "the timesheet of " + entry.employee_number + " at " +
                               entry.member_siret + " for " + month.str() + " is " +
                               to_string(found->second) + ": it can no longer change"});
  }
  return problems;
}

}  // namespace gepaie::staffing
