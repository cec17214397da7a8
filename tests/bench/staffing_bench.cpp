// Benchmark (not a test): one `staff propose` week for a large GE, generated from a fixed seed —
// 200 part-time employees (17.5 to 35 h a week, 2 to 4 allowed members each, 1 or 2 skills out of
// 8), 150 members with one demand each sized so that total demand equals total capacity —
// solved with GLPK; prints the time, the unmet hours and the gap.
//   staffing_bench [TIME_LIMIT_SECONDS=8] [SEED=2026]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "gepaie/staffing/solver.h"

using namespace gepaie;
using namespace gepaie::staffing;

namespace {

// Uniform enough and, unlike std::uniform_int_distribution, the same with every standard library.
struct Random {
  std::mt19937 engine;
  int between(int low, int high) {
    return low + static_cast<int>(engine() % static_cast<uint32_t>(high - low + 1));
  }
};

}  // namespace

int main(int argc, char** argv) {
  const double time_limit = argc > 1 ? std::stod(argv[1]) : 8.0;
  Random random{std::mt19937(argc > 2 ? static_cast<uint32_t>(std::stoul(argv[2])) : 2026u)};
  const int employee_count = 200;
  const int member_count = 150;
  const std::vector<std::string> skills = {"accounting", "payroll", "communication",  "sound",
                                           "lighting",   "video",   "administration", "web"};

  ProposalInput input;
  input.week = Date::parse("2026-11-23");
  input.limits.daily_max = Hours::from_minutes(10 * 60);
  input.limits.daily_rest = Hours::from_minutes(11 * 60);
  input.limits.weekly_max = Hours::from_minutes(48 * 60);
  input.limits.average_weekly_max = Hours::from_minutes(44 * 60);
  input.limits.full_time_weekly = Hours::from_minutes(35 * 60);

  auto member = [](int i) {
    char siret[16];
    std::snprintf(siret, sizeof siret, "%014d", 44306184 + i);
    return std::string(siret);
  };
  // Each member needs one skill. An employee has 1 or 2 skills and a contract listing 2 to 4
  // members, most of them (4 in 5) members needing one of the employee's skills.
  std::vector<std::string> member_skill;
  for (int m = 0; m < member_count; ++m)
    member_skill.push_back(skills[static_cast<size_t>(random.between(0, 7))]);
  // The hours each member would get from a random split of each employee's week among the
  // members of their contract that need one of their skills.
  std::vector<double> share(member_count, 0);
  int64_t capacity = 0;
  for (int e = 0; e < employee_count; ++e) {
    EmploymentPeriod period;
    period.employee_number = "S" + std::to_string(1000 + e);
    period.start = Date::parse("2025-09-01");
    period.weekly_hours = Hours::from_minutes(17 * 60 + 30 + 30 * random.between(0, 35));
    capacity += period.weekly_hours.minutes();
    for (int n = random.between(1, 2); static_cast<int>(period.skills.size()) < n;) {
      const std::string& skill = skills[static_cast<size_t>(random.between(0, 7))];
      if (std::find(period.skills.begin(), period.skills.end(), skill) == period.skills.end())
        period.skills.push_back(skill);
    }
    auto useful = [&](int m) {
      return std::find(period.skills.begin(), period.skills.end(),
                       member_skill[static_cast<size_t>(m)]) != period.skills.end();
    };
    std::vector<int> members;
    for (int n = random.between(2, 4); static_cast<int>(members.size()) < n;) {
      const bool wanted = random.between(0, 4) > 0;
      for (;;) {
        const int m = random.between(0, member_count - 1);
        if (std::find(members.begin(), members.end(), m) == members.end() && useful(m) == wanted) {
          members.push_back(m);
          break;
        }
      }
    }
    std::vector<double> weight;
    double weights = 0;
    for (int m : members) {
      period.member_sirets.push_back(member(m));
      weight.push_back(useful(m) ? random.between(1, 4) : 0);
      weights += weight.back();
    }
    for (size_t i = 0; i < members.size() && weights > 0; ++i)
      share[static_cast<size_t>(members[i])] +=
          static_cast<double>(period.weekly_hours.minutes()) * weight[i] / weights;
    input.employees.push_back(period);
  }

  // One demand per member for its share ±10 % (at least 4 h), all scaled so that the total demand
  // is the total capacity, in half hours; a third of them on 3 or 4 preferred weekdays.
  std::vector<double> raw(member_count, 0);
  double raw_total = 0;
  for (int m = 0; m < member_count; ++m) {
    raw[static_cast<size_t>(m)] =
        std::max(share[static_cast<size_t>(m)], 240.0) * random.between(90, 110) / 100.0;
    raw_total += raw[static_cast<size_t>(m)];
  }
  int64_t demanded = 0;
  for (int m = 0; m < member_count; ++m) {
    Demand demand;
    demand.id = m + 1;
    demand.member_siret = member(m);
    demand.skill = member_skill[static_cast<size_t>(m)];
    const double minutes = raw[static_cast<size_t>(m)] * static_cast<double>(capacity) / raw_total;
    demand.weekly_hours = Hours::from_minutes(30 * std::llround(minutes / 30));
    demanded += demand.weekly_hours.minutes();
    if (random.between(0, 2) == 0) {
      demand.weekdays = {1, 2, 3, 4, 5};
      for (int n = random.between(1, 2); n > 0; --n)
        demand.weekdays.erase(demand.weekdays.begin() +
                              random.between(0, static_cast<int>(demand.weekdays.size()) - 1));
    }
    demand.from = Date::parse("2026-01-01");
    demand.to = Date::parse("2026-12-31");
    input.demands.push_back(demand);
  }

  const Proposal proposal = make_glpk_solver()->propose(input, time_limit);

  int64_t placed = 0;
  for (const ProposedAllocation& p : proposal.allocations)
    placed += p.allocation.end - p.allocation.start;
  std::printf(
      "staffing propose: %d employees, %d members, %zu demands: %.2f s, unmet %s h, gap %.2f %%, "
      "optimal %s\n",
      employee_count, member_count, input.demands.size(), proposal.seconds,
      proposal.unmet_total.str().c_str(), proposal.optimality_gap * 100,
      proposal.optimal ? "yes" : "no");
  std::printf(
      "  capacity %s h, demand %s h, placed %s h in %zu allocations, %d member-days, %zu demands "
      "not fully met; gaps: unmet %.2f %%, member-days %.2f %%\n",
      Hours::from_minutes(capacity).str().c_str(), Hours::from_minutes(demanded).str().c_str(),
      Hours::from_minutes(placed).str().c_str(), proposal.allocations.size(),
      proposal.distinct_members_per_day_total, proposal.unmet.size(), proposal.gaps.unmet * 100,
      proposal.gaps.member_days * 100);
  std::map<std::string, std::pair<int, int64_t>> reasons;
  for (const UnmetDemand& u : proposal.unmet) {
    auto& [count, minutes] = reasons[u.reason.substr(0, u.reason.find_first_of(":;"))];
    ++count;
    minutes += u.hours.minutes();
  }
  for (const auto& [reason, figures] : reasons)
    std::printf("  unmet, %s: %d demands, %s h\n", reason.c_str(), figures.first,
                Hours::from_minutes(figures.second).str().c_str());
  return 0;
}
