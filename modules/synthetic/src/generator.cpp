#include "gepaie/synthetic/generator.h"

#include <algorithm>
#include <utility>

#include "draws.h"
#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"

namespace gepaie::synthetic {
namespace {

using internal::EmployeePlan;
using internal::Slot;

// The month of one employee: the scheduled work of every working day, an hour more at the end of
// the day in its week of overtime, nothing on its day of absence but the absence.
void add_month(const EmployeePlan& plan, const std::vector<registry::Member>& members,
               const std::vector<Date>& working_days, EmployeeBatch& batch) {
  const std::string& number = plan.employee.number;
  const std::vector<Slot>& slots = plan.slots;
  int extra_hours = plan.overtime_hours;
  bool overtime = false;
  for (Date day : working_days) {
    int scheduled = 0;
    int last = -1;  // the day's last slot
    for (size_t s = 0; s < slots.size(); ++s) {
      if (slots[s].weekday == day.weekday()) {
        scheduled += slots[s].end - slots[s].start;
        last = static_cast<int>(s);
      }
    }
    if (last < 0) {
      continue;
    }
    if (plan.absence_day && day == *plan.absence_day) {
      batch.absences.push_back({number, day, plan.absence_kind, Hours::from_minutes(scheduled)});
      continue;
    }
    // Overtime: the day's last slot ends an hour later.
    const bool longer = plan.overtime_monday && *plan.overtime_monday <= day &&
                        day <= plan.overtime_monday->plus_days(4) && extra_hours > 0;
    if (longer) {
      --extra_hours;
      overtime = true;
    }
    for (size_t s = 0; s < slots.size(); ++s) {
      const Slot& slot = slots[s];
      if (slot.weekday != day.weekday()) {
        continue;
      }
      const int end = slot.end + (longer && static_cast<int>(s) == last ? 60 : 0);
      batch.work.push_back({number, members[plan.members[slot.member]].siret, day, slot.start, end,
                            Hours::from_minutes(end - slot.start)});
    }
  }
  if (overtime) {
    ++batch.overtime_weeks;
  }
}

const Options& checked(const Options& options) {
  check_options(options);
  return options;
}

}  // namespace

void check_options(const Options& options) {
  if (options.employees < 1 || options.employees > kMaxEmployees) {
    throw bad_input("employees: 1 to " + std::to_string(kMaxEmployees) + ", not " +
                    std::to_string(options.employees));
  }
  if (options.members < 1 || options.members > kMaxMembers) {
    throw bad_input("members: 1 to " + std::to_string(kMaxMembers) + ", not " +
                    std::to_string(options.members));
  }
  if (options.members_per_employee < 1 || options.members_per_employee > 10 ||
      options.members_per_employee > options.members) {
    throw bad_input("members per employee: 1 to 10 and at most the number of members (" +
                    std::to_string(options.members) + "), not " +
                    std::to_string(options.members_per_employee));
  }
  if (options.month.year() < 1900 || options.month.year() > 9998) {
    throw bad_input("month: years 1900 to 9998, not " + options.month.str());
  }
}

Generator::Generator(const Options& options)
    : options_(checked(options)),
      random_(options.seed),
      number_width_(internal::width_for(options.employees, 5)) {
  internal::MonthDays days = internal::month_days(options.month);
  working_days_ = std::move(days.working_days);
  overtime_weeks_ = std::move(days.overtime_weeks);
  const size_t member_width = internal::width_for(options.members, 4);
  members_.reserve(options.members);
  for (int i = 1; i <= options.members; ++i) {
    members_.push_back(internal::draw_member(random_, i, member_width));
  }
}

EmployeeBatch Generator::next_employees(int count) {
  if (count < 1) {
    throw failure("synthetic employees: a batch of " + std::to_string(count));
  }
  const int last = std::min(options_.employees, next_ + count - 1);
  EmployeeBatch batch;
  for (; next_ <= last; ++next_) {
    EmployeePlan plan = internal::draw_employee(random_, next_, number_width_, options_.members,
                                                options_.members_per_employee, options_.month,
                                                working_days_, overtime_weeks_);
    const registry::Employee& e = plan.employee;
    for (int member : plan.members) {
      plan.contract.member_sirets.push_back(members_[member].siret);
      batch.timesheets.push_back({e.number, members_[member].siret, "synthetic"});
    }
    for (const Slot& slot : plan.slots) {
      staffing::Allocation allocation;
      allocation.employee_number = e.number;
      allocation.member_siret = members_[plan.members[slot.member]].siret;
      allocation.weekday = slot.weekday;
      allocation.start = slot.start;
      allocation.end = slot.end;
      allocation.from = plan.contract.start;
      batch.allocations.push_back(std::move(allocation));
    }
    add_month(plan, members_, working_days_, batch);
    batch.employees.push_back(std::move(plan.employee));
    batch.contracts.push_back(std::move(plan.contract));
  }
  return batch;
}

}  // namespace gepaie::synthetic
