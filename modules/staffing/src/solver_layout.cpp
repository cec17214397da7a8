// A solution laid out as allocations (the layout rule is in solver.cpp), and the unmet demand
// with its reasons.
#include <algorithm>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "solver_model.h"

namespace gepaie::staffing::detail {

void Planner::layout(const std::vector<double>& values, Proposal& proposal) const {
  auto value = [&](int column) { return static_cast<int>(values[static_cast<size_t>(column)]); };

  std::set<int> removed;
  for (const auto& [a, keep] : keeps_) {
    if (value(keep) == 0)
      removed.insert(a);
  }
  for (int a : removed)
    proposal.removed_allocation_ids.push_back(existing_[static_cast<size_t>(a)].allocation->id);
  std::sort(proposal.removed_allocation_ids.begin(), proposal.removed_allocation_ids.end());

  // What each employee does each day: member → items (demand or replaced allocation, slots).
  struct Item {
    int demand = -1;
    int replaced = -1;
    int slots = 0;
  };
  std::vector<std::array<std::map<int, std::vector<Item>>, 8>> work(employees_.size());
  for (const XVar& x : xs_) {
    if (value(x.column) > 0)
      work[static_cast<size_t>(x.employee)][x.weekday]
          [demands_[static_cast<size_t>(x.demand)].member]
              .push_back({x.demand, -1, value(x.column)});
  }
  for (const RVar& r : rs_) {
    const ExistingInfo& info = existing_[static_cast<size_t>(r.existing)];
    if (value(r.column) > 0)
      work[static_cast<size_t>(r.employee)][info.allocation->weekday][info.member].push_back(
          {-1, r.existing, info.slots});
  }

  std::set<std::tuple<std::string, std::string, int>> triples;
  for (size_t a = 0; a < existing_.size(); ++a) {
    const Allocation& allocation = *existing_[a].allocation;
    if (existing_[a].active && !removed.contains(static_cast<int>(a)))
      triples.emplace(allocation.employee_number, allocation.member_siret, allocation.weekday);
  }

  for (size_t e = 0; e < employees_.size(); ++e) {
    const Employee& employee = employees_[e];
    for (int k = 1; k <= 7; ++k) {
      const auto& members = work[e][k];
      if (members.empty())
        continue;
      std::vector<Interval> kept;
      for (int a : employee.days[k].existing) {
        if (!removed.contains(a))
          kept.push_back({existing_[static_cast<size_t>(a)].allocation->start,
                          existing_[static_cast<size_t>(a)].allocation->end});
      }
      // Free slots, in runs separated by kept allocations.
      std::vector<std::vector<Interval>> runs;
      for (const Interval& slot : grid_) {
        if (std::any_of(kept.begin(), kept.end(),
                        [&](const Interval& interval) { return overlap(slot, interval); }))
          continue;
        const bool split =
            runs.empty() || std::any_of(kept.begin(), kept.end(), [&](const Interval& interval) {
              return overlap({runs.back().back().end, slot.start}, interval);
            });
        if (split)
          runs.emplace_back();
        runs.back().push_back(slot);
      }
      const bool first_run_before_kept =
          !runs.empty() && std::any_of(kept.begin(), kept.end(), [&](const Interval& interval) {
            return interval.start >= runs.front().back().end;
          });

      // Members, largest first, placed whole in the run where they fit best.
      struct Group {
        int member;
        int slots;
      };
      std::vector<Group> groups;
      for (const auto& [member, items] : members) {
        int slots = 0;
        for (const Item& item : items)
          slots += item.slots;
        groups.push_back({member, slots});
      }
      std::stable_sort(groups.begin(), groups.end(),
                       [](const Group& a, const Group& b) { return a.slots > b.slots; });
      std::vector<int> room(runs.size());
      for (size_t i = 0; i < runs.size(); ++i)
        room[i] = static_cast<int>(runs[i].size());
      std::vector<std::vector<Group>> pieces(runs.size());
      for (const Group& group : groups) {
        int best_run = -1;
        for (size_t i = 0; i < runs.size(); ++i) {
          if (room[i] >= group.slots && (best_run < 0 || room[i] < room[best_run]))
            best_run = static_cast<int>(i);
        }
        if (best_run >= 0) {
          pieces[static_cast<size_t>(best_run)].push_back(group);
          room[static_cast<size_t>(best_run)] -= group.slots;
          continue;
        }
        std::vector<size_t> order(runs.size());
        for (size_t i = 0; i < order.size(); ++i)
          order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return room[a] > room[b]; });
        int left = group.slots;
        for (size_t i : order) {
          const int take = std::min(left, room[i]);
          if (take > 0) {
            pieces[i].push_back({group.member, take});
            room[i] -= take;
            left -= take;
          }
        }
        if (left > 0)
          throw failure("staffing solver: the proposed hours of " + employee.number +
                        " do not fit in the day window");
      }

      // Slots of each member, in time order.
      std::map<int, std::vector<Interval>> member_slots;
      for (size_t i = 0; i < runs.size(); ++i) {
        int used = 0;
        for (const Group& piece : pieces[i])
          used += piece.slots;
        size_t next =
            i == 0 && first_run_before_kept ? runs[i].size() - static_cast<size_t>(used) : 0;
        for (const Group& piece : pieces[i]) {
          for (int n = 0; n < piece.slots; ++n)
            member_slots[piece.member].push_back(runs[i][next++]);
        }
      }
      for (auto& [member, slots] : member_slots)
        std::sort(slots.begin(), slots.end(),
                  [](const Interval& a, const Interval& b) { return a.start < b.start; });

      // Items of each member, one after the other; an allocation per contiguous stretch.
      const EmploymentPeriod& period = *employee.days[k].period;
      for (const auto& [member, items] : members) {
        const std::vector<Interval>& slots = member_slots[member];
        size_t next = 0;
        std::vector<Item> ordered = items;
        std::stable_sort(ordered.begin(), ordered.end(), [&](const Item& a, const Item& b) {
          return a.demand >= 0 && b.demand >= 0
                     ? demands_[static_cast<size_t>(a.demand)].demand->id <
                           demands_[static_cast<size_t>(b.demand)].demand->id
                     : a.demand >= 0 && b.demand < 0;
        });
        for (const Item& item : ordered) {
          ProposedAllocation proposed;
          Allocation& allocation = proposed.allocation;
          allocation.employee_number = employee.number;
          allocation.member_siret = members_[static_cast<size_t>(member)];
          allocation.weekday = k;
          allocation.from = std::max(monday_, period.start);
          allocation.to = period.end;
          std::optional<Date> other_end;
          if (item.demand >= 0) {
            const Demand& demand = *demands_[static_cast<size_t>(item.demand)].demand;
            proposed.demand_id = demand.id;
            allocation.from = std::max(allocation.from, demand.from);
            other_end = demand.to;
          } else {
            const Allocation& replaced = *existing_[static_cast<size_t>(item.replaced)].allocation;
            proposed.replaces_allocation_id = replaced.id;
            other_end = replaced.to;
          }
          if (other_end && (!allocation.to || *other_end < *allocation.to))
            allocation.to = other_end;
          for (int n = 0; n < item.slots; ++n) {
            const Interval slot = slots[next++];
            if (n > 0 && allocation.end == slot.start) {
              allocation.end = slot.end;
              continue;
            }
            if (n > 0)
              proposal.allocations.push_back(proposed);
            allocation.start = slot.start;
            allocation.end = slot.end;
          }
          proposal.allocations.push_back(proposed);
        }
        triples.emplace(employee.number, members_[static_cast<size_t>(member)], k);
      }
    }
  }
  std::sort(
      proposal.allocations.begin(), proposal.allocations.end(),
      [](const ProposedAllocation& a, const ProposedAllocation& b) {
        return std::tie(a.allocation.employee_number, a.allocation.weekday, a.allocation.start) <
               std::tie(b.allocation.employee_number, b.allocation.weekday, b.allocation.start);
      });
  proposal.distinct_members_per_day_total = static_cast<int>(triples.size());
}

void Planner::report_unmet(const std::vector<double>& values, Proposal& proposal) const {
  const int64_t s = slot_minutes();
  const Date sunday = monday_.plus_days(6);
  std::vector<int64_t> placed(demands_.size(), 0);
  for (const XVar& x : xs_)
    placed[static_cast<size_t>(x.demand)] +=
        s * static_cast<int64_t>(values[static_cast<size_t>(x.column)]);
  for (size_t d = 0; d < demands_.size(); ++d) {
    const Demand& demand = *demands_[d].demand;
    if (demand.to < monday_ || sunday < demand.from)
      continue;  // not in the week
    const Hours unmet = demand.weekly_hours - Hours::from_minutes(placed[d]);
    if (!unmet.positive())
      continue;
    std::vector<std::string> skilled, without_clause;
    bool with_clause = false;
    for (const Employee& employee : employees_) {
      bool skill = false, clause = false;
      for (const EmploymentPeriod* period : employee.periods) {
        if (has_skill(*period, demand.skill)) {
          skill = true;
          clause = clause || period->allows(demand.member_siret);
        }
      }
      if (skill)
        skilled.push_back(employee.number);
      if (skill && !clause)
        without_clause.push_back(employee.number);
      with_clause = with_clause || clause;
    }
    auto names = [](const std::vector<std::string>& list) {
      std::string text;
      for (const std::string& name : list)
        text += (text.empty() ? "" : ", ") + name;
      return text;
    };
    std::string reason;
    if (skilled.empty()) {
      reason = "no skill";
    } else if (!with_clause) {
      reason = "clause missing: no contract of the employees with the skill (" + names(skilled) +
               ") lists the member";
    } else if (unmet < Hours::from_minutes(s) && placed[d] == s * demands_[d].max_slots) {
      reason = "slot granularity: less than one " + std::to_string(s) + "-minute slot left";
    } else {
      reason = "no capacity";
      if (!without_clause.empty())
        reason += "; clause missing for " + names(without_clause) + ", who have the skill";
    }
    proposal.unmet.push_back({demand.id, unmet, reason});
    proposal.unmet_total += unmet;
  }
}

}  // namespace gepaie::staffing::detail
