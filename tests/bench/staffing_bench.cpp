// Benchmark (not a test): one `staff propose` week for a large GE, generated from a fixed seed —
// 200 part-time employees (17.5 to 35 h a week, 2 to 4 allowed members each, 1 or 2 skills out of
// 8), 150 members with one demand each sized so that total demand is close to total capacity —
// solved with GLPK; prints the time, the unmet hours and the gap.
//   staffing_bench [TIME_LIMIT_SECONDS=8] [SEED=2026]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
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
  const std::vector<std::string> skills = {"accounting", "payroll", "communication", "sound",
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
  // The capacity each member would get if every employee shared their hours evenly among the
  // members of their contract.
  std::vector<double> share(member_count, 0);
  std::vector<std::vector<int>> allowed_employees(member_count);
  int64_t capacity = 0;
  for (int e = 0; e < employee_count; ++e) {
    EmploymentPeriod period;
    period.employee_number = "S" + std::to_string(1000 + e);
    period.start = Date::parse("2025-09-01");
    period.weekly_hours = Hours::from_minutes(17 * 60 + 30 + 30 * random.between(0, 35));
    capacity += period.weekly_hours.minutes();
    std::vector<int> members;
    for (int n = random.between(2, 4); static_cast<int>(members.size()) < n;) {
      const int m = random.between(0, member_count - 1);
      if (std::find(members.begin(), members.end(), m) == members.end())
        members.push_back(m);
    }
    for (int m : members) {
      period.member_sirets.push_back(member(m));
      share[static_cast<size_t>(m)] +=
          static_cast<double>(period.weekly_hours.minutes()) / static_cast<double>(members.size());
      allowed_employees[static_cast<size_t>(m)].push_back(e);
    }
    for (int n = random.between(1, 2); static_cast<int>(period.skills.size()) < n;) {
      const std::string& skill = skills[static_cast<size_t>(random.between(0, 7))];
      if (std::find(period.skills.begin(), period.skills.end(), skill) == period.skills.end())
        period.skills.push_back(skill);
    }
    input.employees.push_back(period);
  }

  int64_t demanded = 0;
  for (int m = 0; m < member_count; ++m) {
    Demand demand;
    demand.id = m + 1;
    demand.member_siret = member(m);
    const auto& allowed = allowed_employees[static_cast<size_t>(m)];
    // Mostly a skill one of the member's employees has; sometimes any skill.
    if (!allowed.empty() && random.between(0, 9) > 0) {
      const EmploymentPeriod& e =
          input.employees[static_cast<size_t>(allowed[static_cast<size_t>(
              random.between(0, static_cast<int>(allowed.size()) - 1))])];
      demand.skill = e.skills[static_cast<size_t>(
          random.between(0, static_cast<int>(e.skills.size()) - 1))];
    } else {
      demand.skill = skills[static_cast<size_t>(random.between(0, 7))];
    }
    // The member's share, ±25 %, in half hours (at least 3.5 h).
    const double minutes = share[static_cast<size_t>(m)] * random.between(75, 125) / 100.0;
    demand.weekly_hours = Hours::from_minutes(std::max<int64_t>(210, 30 * std::llround(minutes / 30)));
    demanded += demand.weekly_hours.minutes();
    if (random.between(0, 1) == 1) {
      for (int k = 1; k <= 5; ++k) {
        if (random.between(0, 1) == 1)
          demand.weekdays.push_back(k);
      }
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
      "not fully met\n",
      Hours::from_minutes(capacity).str().c_str(), Hours::from_minutes(demanded).str().c_str(),
      Hours::from_minutes(placed).str().c_str(), proposal.allocations.size(),
      proposal.distinct_members_per_day_total, proposal.unmet.size());
  return 0;
}
