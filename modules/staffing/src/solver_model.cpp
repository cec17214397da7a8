// The allocation model: the instance on the slot grid (validate, prepare) and the MIP built from
// it (build). The model itself is described in solver.cpp.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "solver_model.h"

namespace gepaie::staffing::detail {

void Planner::validate() const {
  if (input_.slot_minutes <= 0)
    throw bad_input("slot_minutes must be positive, not " + std::to_string(input_.slot_minutes));
  if (input_.day_start < 0 || input_.day_end > 24 * 60 || input_.day_start >= input_.day_end)
    throw bad_input("the working day must be within 0:00–24:00 and start before it ends");
  if (input_.lunch_start > input_.lunch_end)
    throw bad_input("the lunch break must start before it ends");
  if (!input_.limits.daily_max.positive() || !input_.limits.weekly_max.positive())
    throw bad_input("the daily and weekly maximum working times must be positive");
  for (const Demand& demand : input_.demands) {
    for (int weekday : demand.weekdays) {
      if (weekday < 1 || weekday > 7)
        throw bad_input("demand " + std::to_string(demand.id) + ": weekday " +
                        std::to_string(weekday) + " is not 1 (Monday) to 7 (Sunday)");
    }
    if ((demand.weekly_hours < Hours()))
      throw bad_input("demand " + std::to_string(demand.id) + ": negative weekly hours");
  }
  for (const Allocation& allocation : input_.existing) {
    if (allocation.weekday < 1 || allocation.weekday > 7 || allocation.start < 0 ||
        allocation.end > 24 * 60 || allocation.start >= allocation.end)
      throw bad_input("allocation " + std::to_string(allocation.id) +
                      ": weekday 1 to 7 and 0:00 <= start < end <= 24:00 expected");
  }
}

bool Planner::eligible(const Employee& employee, const DemandInfo& info, int k) const {
  const EmploymentPeriod* period = employee.days[k].period;
  const Demand& demand = *info.demand;
  return period != nullptr && !(day(k) < demand.from) && !(demand.to < day(k)) &&
         std::binary_search(info.weekdays.begin(), info.weekdays.end(), k) &&
         period->allows(demand.member_siret) && has_skill(*period, demand.skill);
}

int Planner::member_index(const std::string& siret) {
  const auto [it, inserted] = member_ids_.emplace(siret, static_cast<int>(members_.size()));
  if (inserted)
    members_.push_back(siret);
  return it->second;
}

void Planner::prepare() {
  monday_ = input_.week.plus_days(1 - input_.week.weekday());
  const Date sunday = monday_.plus_days(6);
  const Minute s = input_.slot_minutes;
  for (Minute start = input_.day_start; start + s <= input_.day_end; start += s) {
    const Interval slot{start, start + s};
    if (!overlap(slot, {input_.lunch_start, input_.lunch_end}))
      grid_.push_back(slot);
  }
  const int grid_size = static_cast<int>(grid_.size());

  // Employees of the week, by number.
  std::map<std::string, std::vector<const EmploymentPeriod*>> periods;
  for (const EmploymentPeriod& period : input_.employees) {
    if (period.start <= sunday && (!period.end || *period.end >= monday_))
      periods[period.employee_number].push_back(&period);
  }
  std::map<std::string, int> employee_ids;
  for (auto& [number, list] : periods) {
    Employee employee;
    employee.number = number;
    employee.periods = list;
    int64_t contract = std::numeric_limits<int64_t>::max();
    for (const EmploymentPeriod* period : list) {
      contract = std::min(contract, period->weekly_hours.whole_minutes());
      for (int k = 1; k <= 7; ++k) {
        if (!period->active_on(day(k)))
          continue;
        if (employee.days[k].period != nullptr)
          throw bad_input("employee " + number + " has two contracts active on " + day(k).str());
        employee.days[k].period = period;
      }
    }
    employee.weekly_cap = std::min(contract, input_.limits.weekly_max.whole_minutes());
    employee_ids.emplace(number, static_cast<int>(employees_.size()));
    employees_.push_back(std::move(employee));
  }

  // Demands; the skills each member asks for.
  std::map<int, std::set<std::string>> member_skills;
  for (const Demand& demand : input_.demands) {
    DemandInfo info;
    info.demand = &demand;
    info.member = member_index(demand.member_siret);
    info.max_slots = static_cast<int>(demand.weekly_hours.whole_minutes() / s);
    info.weekdays = demand.weekdays;
    if (info.weekdays.empty())
      info.weekdays = {1, 2, 3, 4, 5};
    std::sort(info.weekdays.begin(), info.weekdays.end());
    info.weekdays.erase(std::unique(info.weekdays.begin(), info.weekdays.end()),
                        info.weekdays.end());
    member_skills[info.member].insert(demand.skill);
    demands_.push_back(info);
  }

  // Existing allocations active in the week.
  for (const Allocation& allocation : input_.existing) {
    ExistingInfo info;
    info.allocation = &allocation;
    info.member = member_index(allocation.member_siret);
    info.active = allocation.active_on(day(allocation.weekday));
    if (const auto it = employee_ids.find(allocation.employee_number);
        info.active && it != employee_ids.end()) {
      info.employee = it->second;
      EmployeeDay& employee_day =
          employees_[static_cast<size_t>(it->second)].days[allocation.weekday];
      employee_day.existing.push_back(static_cast<int>(existing_.size()));
      employee_day.existing_minutes += allocation.end - allocation.start;
    }
    existing_.push_back(info);
  }

  for (Employee& employee : employees_) {
    int64_t existing_week = 0;
    for (int k = 1; k <= 7; ++k) {
      EmployeeDay& employee_day = employee.days[k];
      existing_week += employee_day.existing_minutes;
      employee_day.daily_cap =
          std::max(input_.limits.daily_max.whole_minutes(), employee_day.existing_minutes);
      for (const Interval& slot : grid_) {
        bool taken = false;
        for (int a : employee_day.existing) {
          const Allocation& allocation = *existing_[static_cast<size_t>(a)].allocation;
          taken = taken || overlap(slot, {allocation.start, allocation.end});
        }
        employee_day.free_slots += taken ? 0 : 1;
      }
    }
    employee.weekly_cap = std::max(employee.weekly_cap, existing_week);
  }

  // Which existing allocations may move, and to whom.
  for (ExistingInfo& info : existing_) {
    if (info.employee < 0)
      continue;
    const Allocation& allocation = *info.allocation;
    const Employee& owner = employees_[static_cast<size_t>(info.employee)];
    const EmployeeDay& owner_day = owner.days[allocation.weekday];
    const int64_t minutes = allocation.end - allocation.start;
    std::vector<std::string> needed;
    if (owner_day.period != nullptr) {
      for (const std::string& skill : member_skills[info.member]) {
        if (has_skill(*owner_day.period, skill))
          needed.push_back(skill);
      }
      if (needed.empty() && owner_day.period->skills.size() == 1)
        needed = owner_day.period->skills;
    }
    // Moving frees hours only for the holder's other work: worth it when they could serve a demand.
    const bool could_serve =
        std::any_of(demands_.begin(), demands_.end(), [&](const DemandInfo& d) {
          return std::any_of(d.weekdays.begin(), d.weekdays.end(),
                             [&](int k) { return eligible(owner, d, k); });
        });
    if (minutes % s != 0 || needed.empty() || !could_serve)
      continue;
    const int slots = static_cast<int>(minutes / s);
    for (size_t e = 0; e < employees_.size(); ++e) {
      const Employee& other = employees_[e];
      const EmploymentPeriod* period = other.days[allocation.weekday].period;
      if (static_cast<int>(e) == info.employee || period == nullptr ||
          !period->allows(allocation.member_siret) ||
          !std::all_of(needed.begin(), needed.end(),
                       [&](const std::string& skill) { return has_skill(*period, skill); }))
        continue;
      if (slots > std::min<int64_t>(grid_size, input_.limits.daily_max.whole_minutes() / s) ||
          minutes > other.weekly_cap)
        continue;
      info.replacements.push_back(static_cast<int>(e));
    }
    if (info.replacements.empty())
      continue;
    info.movable = true;
    info.slots = slots;
    for (const Interval& slot : grid_) {
      if (!overlap(slot, {allocation.start, allocation.end}))
        continue;
      bool shared = false;
      for (int b : owner_day.existing) {
        const Allocation& other = *existing_[static_cast<size_t>(b)].allocation;
        shared = shared || (&other != &allocation && overlap(slot, {other.start, other.end}));
      }
      info.freed += shared ? 0 : 1;
    }
  }

  for (Employee& employee : employees_) {
    for (int k = 1; k <= 7; ++k) {
      EmployeeDay& employee_day = employee.days[k];
      employee_day.freeable_slots = employee_day.free_slots;
      for (int a : employee_day.existing) {
        const ExistingInfo& info = existing_[static_cast<size_t>(a)];
        if (info.movable) {
          employee_day.freeable_slots += info.freed;
        } else {
          employee_day.fixed_minutes += info.allocation->end - info.allocation->start;
        }
      }
      employee.fixed_week_minutes += employee_day.fixed_minutes;
    }
  }
}

void Planner::add_row(std::vector<MipTerm> terms, double lower, double upper) {
  rows_.push_back({std::move(terms), lower, upper});
  mip_->add_row(rows_.back());
}

int Planner::new_column(double upper, int employee, Kind kind) {
  ++columns_;
  upper_.push_back(upper);
  owner_.push_back(employee);
  kind_.push_back(kind);
  return mip_->add_column(upper);
}

int Planner::y_column(int employee, int member, int weekday) {
  const auto key = std::make_tuple(employee, member, weekday);
  if (const auto it = y_ids_.find(key); it != y_ids_.end())
    return it->second;
  const int id = static_cast<int>(ys_.size());
  ys_.push_back({employee, member, weekday, new_column(1, employee, Kind::Y), false, {}});
  y_ids_.emplace(key, id);
  return id;
}

void Planner::build() {
  const int64_t s = slot_minutes();

  // x
  for (size_t d = 0; d < demands_.size(); ++d) {
    const DemandInfo& info = demands_[d];
    for (size_t e = 0; e < employees_.size(); ++e) {
      const Employee& employee = employees_[e];
      for (int k : info.weekdays) {
        if (!eligible(employee, info, k))
          continue;
        const EmployeeDay& employee_day = employee.days[k];
        const int64_t upper = std::min({static_cast<int64_t>(info.max_slots),
                                        static_cast<int64_t>(employee_day.freeable_slots),
                                        (employee_day.daily_cap - employee_day.fixed_minutes) / s,
                                        (employee.weekly_cap - employee.fixed_week_minutes) / s});
        if (upper <= 0)
          continue;
        xs_.push_back({static_cast<int>(e), static_cast<int>(d), k,
                       new_column(static_cast<double>(upper), static_cast<int>(e), Kind::X),
                       static_cast<int>(upper)});
      }
    }
  }
  // keep, r
  for (size_t a = 0; a < existing_.size(); ++a) {
    const ExistingInfo& info = existing_[a];
    if (!info.movable)
      continue;
    keeps_.emplace_back(static_cast<int>(a), new_column(1, info.employee, Kind::Keep));
    for (int e : info.replacements)
      rs_.push_back({static_cast<int>(a), e, new_column(1, e, Kind::R)});
  }
  if (xs_.empty() && rs_.empty())
    return;  // nothing to decide

  // y and linking
  for (const XVar& x : xs_) {
    YVar& y = ys_[static_cast<size_t>(
        y_column(x.employee, demands_[static_cast<size_t>(x.demand)].member, x.weekday))];
    y.children.push_back(x.column);
    add_row({{x.column, 1}, {y.column, -static_cast<double>(x.upper)}}, -kInfinity, 0);
  }
  for (const RVar& r : rs_) {
    const ExistingInfo& info = existing_[static_cast<size_t>(r.existing)];
    YVar& y = ys_[static_cast<size_t>(y_column(r.employee, info.member, info.allocation->weekday))];
    y.children.push_back(r.column);
    add_row({{r.column, 1}, {y.column, -1}}, -kInfinity, 0);
  }
  for (size_t a = 0; a < existing_.size(); ++a) {
    const ExistingInfo& info = existing_[a];
    if (info.employee < 0)
      continue;
    YVar& y =
        ys_[static_cast<size_t>(y_column(info.employee, info.member, info.allocation->weekday))];
    if (!info.movable) {
      y.forced = true;
      add_row({{y.column, 1}}, 1, kInfinity);
    }
  }
  for (const auto& [a, keep] : keeps_) {
    const ExistingInfo& info = existing_[static_cast<size_t>(a)];
    YVar& y =
        ys_[static_cast<size_t>(y_column(info.employee, info.member, info.allocation->weekday))];
    y.children.push_back(keep);
    add_row({{keep, 1}, {y.column, -1}}, -kInfinity, 0);
  }

  // move a: keep + Σ r = 1
  std::map<int, std::vector<MipTerm>> moves;
  for (const auto& [a, keep] : keeps_)
    moves[a].push_back({keep, 1});
  for (const RVar& r : rs_)
    moves[r.existing].push_back({r.column, 1});
  for (const auto& [a, terms] : moves)
    add_row(terms, 1, 1);

  // day, window, week; the day and the week in slots (movable allocations are whole slots, the
  // fixed minutes are taken from the limit, rounded down to whole slots)
  std::vector<std::array<std::vector<MipTerm>, 8>> day_load(employees_.size());
  std::vector<std::array<std::vector<MipTerm>, 8>> day_window(employees_.size());
  for (const XVar& x : xs_) {
    day_load[static_cast<size_t>(x.employee)][x.weekday].push_back({x.column, 1});
    day_window[static_cast<size_t>(x.employee)][x.weekday].push_back({x.column, 1});
  }
  for (const RVar& r : rs_) {
    const ExistingInfo& info = existing_[static_cast<size_t>(r.existing)];
    const int k = info.allocation->weekday;
    day_load[static_cast<size_t>(r.employee)][k].push_back(
        {r.column, static_cast<double>(info.slots)});
    day_window[static_cast<size_t>(r.employee)][k].push_back(
        {r.column, static_cast<double>(info.slots)});
  }
  for (const auto& [a, keep] : keeps_) {
    const ExistingInfo& info = existing_[static_cast<size_t>(a)];
    const int k = info.allocation->weekday;
    day_load[static_cast<size_t>(info.employee)][k].push_back(
        {keep, static_cast<double>(info.slots)});
    day_window[static_cast<size_t>(info.employee)][k].push_back(
        {keep, static_cast<double>(info.freed)});
  }
  for (size_t e = 0; e < employees_.size(); ++e) {
    const Employee& employee = employees_[e];
    std::vector<MipTerm> week;
    for (int k = 1; k <= 7; ++k) {
      const EmployeeDay& employee_day = employee.days[k];
      if (day_load[e][k].empty())
        continue;
      add_row(day_load[e][k], -kInfinity,
              static_cast<double>((employee_day.daily_cap - employee_day.fixed_minutes) / s));
      add_row(day_window[e][k], -kInfinity, static_cast<double>(employee_day.freeable_slots));
      week.insert(week.end(), day_load[e][k].begin(), day_load[e][k].end());
    }
    if (!week.empty())
      add_row(week, -kInfinity,
              static_cast<double>((employee.weekly_cap - employee.fixed_week_minutes) / s));
  }

  // demand
  std::vector<std::vector<MipTerm>> demand_terms(demands_.size());
  for (const XVar& x : xs_)
    demand_terms[static_cast<size_t>(x.demand)].push_back({x.column, 1});
  for (size_t d = 0; d < demands_.size(); ++d) {
    if (!demand_terms[d].empty())
      add_row(demand_terms[d], -kInfinity, demands_[d].max_slots);
  }

  // weekly rest
  for (size_t e = 0; e < employees_.size(); ++e) {
    std::array<std::vector<int>, 8> day_ys;
    int existing_days = 0;
    for (const YVar& y : ys_) {
      if (y.employee == static_cast<int>(e))
        day_ys[y.weekday].push_back(y.column);
    }
    int days = 0;
    for (int k = 1; k <= 7; ++k) {
      days += day_ys[k].empty() ? 0 : 1;
      existing_days += employees_[e].days[k].existing.empty() ? 0 : 1;
    }
    if (days < 7)
      continue;
    std::vector<MipTerm> total;
    for (int k = 1; k <= 7; ++k) {
      WVar w{static_cast<int>(e), k, new_column(1, static_cast<int>(e), Kind::W), day_ys[k]};
      for (int y : day_ys[k])
        add_row({{y, 1}, {w.column, -1}}, -kInfinity, 0);
      total.push_back({w.column, 1});
      ws_.push_back(std::move(w));
    }
    add_row(total, -kInfinity, std::max(6, existing_days));
  }

  // the stages' objectives
  for (const DemandInfo& info : demands_)
    unmet_stage_.constant += info.max_slots;
  for (const XVar& x : xs_)
    unmet_stage_.terms.push_back({x.column, -1});
  for (const YVar& y : ys_)
    members_stage_.terms.push_back({y.column, 1});
  // Spread: the i-th member of a contract prefers the days from Monday + ⌊5i / members⌋ on,
  // cyclically (so with two members, one fills the week from Monday, the other from Wednesday);
  // the weekend comes last.
  for (const XVar& x : xs_) {
    const EmploymentPeriod& period =
        *employees_[static_cast<size_t>(x.employee)].days[x.weekday].period;
    const auto& list = period.member_sirets;
    const int count = static_cast<int>(list.size());
    const int index = static_cast<int>(
        std::find(list.begin(), list.end(),
                  members_[static_cast<size_t>(demands_[static_cast<size_t>(x.demand)].member)]) -
        list.begin());
    const int home = 5 * index / count;
    const int cost = x.weekday <= 5 ? (x.weekday - 1 - home + 5) % 5 : x.weekday - 1;
    spread_stage_.terms.push_back({x.column, 1.0 + cost});
  }
  for (const auto& [a, keep] : keeps_) {
    const double slots = existing_[static_cast<size_t>(a)].slots;
    change_stage_.constant += slots;
    change_stage_.terms.push_back({keep, -slots});
  }
}

std::vector<double> Planner::normalized(std::vector<double> values) const {
  for (double& value : values)
    value = std::round(value);
  for (const YVar& y : ys_) {
    bool needed = y.forced;
    for (int child : y.children)
      needed = needed || values[static_cast<size_t>(child)] > 0;
    values[static_cast<size_t>(y.column)] = needed ? 1 : 0;
  }
  for (const WVar& w : ws_) {
    bool needed = false;
    for (int child : w.children)
      needed = needed || values[static_cast<size_t>(child)] > 0;
    values[static_cast<size_t>(w.column)] = needed ? 1 : 0;
  }
  return values;
}

}  // namespace gepaie::staffing::detail
