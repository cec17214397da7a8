// Allocation proposals (`gepaie staff propose`): members' open demands matched with employees'
// free contractual hours for one weekly pattern of the schedule (planning), as a mixed-integer
// program. A pure function of its inputs; the MIP solver sits behind AllocationSolver so another
// one can replace GLPK.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/staffing/model.h"

namespace gepaie::staffing {

struct ProposalInput {
  // Open demands: the hours still to place each week (hours already scheduled are not in them).
  // A demand counts on the days of the week within [from, to] that are among its preferred
  // weekdays (Monday to Friday when it has none).
  std::vector<Demand> demands;
  // Contracts: weekly hours (the capacity, never exceeded), allowed members (L1253-9), skills.
  // An employee may have several periods (successive contracts); each day uses the one active that
  // day (two active the same day: Error BadInput) and the week is capped by the smallest
  // contractual weekly hours among those active during the week.
  std::vector<EmploymentPeriod> employees;
  // The current schedule. Allocations active in the week count toward the capacity of their
  // employee and are kept, unless moving one to another employee (same member, same weekday)
  // serves the objectives (see Proposal::removed_allocation_ids).
  std::vector<Allocation> existing;
  // Code du travail limits, from the rates files: daily_max and weekly_max must be positive
  // (Error BadInput otherwise); a week is capped by min(contract, weekly_max), so a part-time week
  // never reaches full_time_weekly.
  WorkingTimeLimits limits;
  // The working day in which new hours are laid out: 8:00 to 18:00 with a lunch break from 12:00
  // to 13:00 (no break when lunch_start == lunch_end), in slots of slot_minutes starting at
  // day_start; a slot overlapping the break or an existing allocation is not used.
  Minute day_start = 8 * 60;
  Minute day_end = 18 * 60;
  Minute lunch_start = 12 * 60;
  Minute lunch_end = 13 * 60;
  int slot_minutes = 30;  // granularity of proposed hours; must be positive
  Date week;              // any day of the ISO week the proposal is for
};

// A new slot of the schedule: `allocation` has id 0, starts and ends on slot boundaries within the
// day window, and is valid from the Monday of the proposal week (or the later start of the demand
// or contract) to the end of the demand or contract.
struct ProposedAllocation {
  Allocation allocation;
  int64_t demand_id = 0;  // the demand served; 0 when taking over a removed allocation
  // The removed existing allocation whose hours this one takes over (same member and weekday,
  // another employee; valid until the end of the removed one); 0 for a demand.
  int64_t replaces_allocation_id = 0;

  bool operator==(const ProposedAllocation&) const = default;
};

struct UnmetDemand {
  int64_t demand_id = 0;
  Hours hours;  // weekly hours left unplaced
  // Why, starting with one of:
  //   "no skill"        no employee under contract in the week has the skill
  //   "clause missing"  employees have the skill but no contract lists the member (an amendment,
  //                     avenant, would be needed); the employees are named
  //   "no capacity"     eligible employees have no hours left on the demand's days; followed by
  //                     "; clause missing for ..." when employees with the skill but without the
  //                     member in their contract exist
  //   "slot granularity" only the part of the hours below one slot is left
  std::string reason;

  bool operator==(const UnmetDemand&) const = default;
};

struct Proposal {
  std::vector<ProposedAllocation> allocations;  // sorted by employee, weekday, start
  std::vector<int64_t> removed_allocation_ids;  // existing allocations dropped (rare), sorted
  std::vector<UnmetDemand> unmet;               // in the order of the input demands
  Hours unmet_total;
  // Objective 2: distinct (employee, member, weekday) triples of the resulting week, existing
  // allocations included.
  int distinct_members_per_day_total = 0;
  // Largest relative gap (value − best bound) / value over the lexicographic stages; 0 when every
  // stage was proven optimal.
  double optimality_gap = 0;
  // Each stage's gap: 0 proven optimal, 1 when no bound was found (or the bound is 0).
  struct Gaps {
    double unmet = 0;        // 1. unmet hours
    double member_days = 0;  // 2. distinct members per employee per day
    double moves = 0;        // 3. hours of existing allocations moved
    bool operator==(const Gaps&) const = default;
  } gaps;
  bool optimal = false;  // every stage proven optimal
  double seconds = 0;    // wall-clock time of propose()
};

class AllocationSolver {
 public:
  virtual ~AllocationSolver() = default;
  // The proposal for `input.week`. Stops searching after about `time_limit_seconds` (the best
  // proposal found so far is returned, with its gap). Throws Error BadInput on invalid input.
  // The search is seeded, but where it stops depends on the clock: with a time limit reached, two
  // runs may return different (equally valid) proposals.
  virtual Proposal propose(const ProposalInput& input, double time_limit_seconds) = 0;
};

// With GLPK (branch and cut, and a large-neighbourhood search on large problems).
// `mip_gap_tolerance`: GLPK stops a search once its relative gap is below it.
std::unique_ptr<AllocationSolver> make_glpk_solver(double mip_gap_tolerance = 1e-4);

}  // namespace gepaie::staffing
