// Allocation proposals as a mixed-integer program.
//
// Time is counted in slots of s = slot_minutes. The day window is cut into a grid of slots from
// day_start (the whole slots before day_end, without those overlapping the lunch break). In the
// week of the proposal, for employee e (the contract period active that day) and weekday k:
//   free(e,k)   grid slots overlapping none of e's existing allocations that day,
//   freed(a)    grid slots only existing allocation a occupies (freed when a is removed),
//   fixed(e,k)  minutes of e's existing allocations that day that cannot move.
//
// Variables:
//   x[e,d,k] in 0..u  slots employee e works for demand d on weekday k; only when e's contract that
//                     day has d's skill and lists d's member (L1253-9), k is one of d's preferred
//                     weekdays (Monday–Friday when none) and d is valid that day. u is the tightest
//                     of the demand, the day window, the daily and the weekly bounds.
//   keep[a] binary    existing allocation a is kept; only for a *movable* a: its employee is known,
//                     its duration is n(a) whole slots and the skills it needs are held by another
//                     employee whose contract lists the member. The skills it needs: its employee's
//                     skills that its member asks for in some demand of the input, else its
//                     employee's only skill; unknown (so a is fixed) when the employee has several
//                     and none is asked for. Other existing allocations are fixed.
//   r[a,e'] binary    removed a is taken over whole by e' (same member, same weekday, n(a) slots).
//   y[e,m,k] binary   e works for member m on day k (new, kept or fixed allocations).
//   w[e,k] binary     e works on day k; only for employees who could work all seven days.
//
// Constraints:
//   demand d:         Σ x[.,d,.] ≤ ⌊hours(d) / s⌋
//   day (e,k):        Σx + Σ n(a)·r + Σ n(a)·keep ≤ ⌊(max(daily_max, existing) − fixed(e,k)) / s⌋
//   window (e,k):     Σx + Σ n(a)·r + Σ freed(a)·keep ≤ free(e,k) + Σ freed(a)
//   week e:           as the day, with min(contract weekly hours, weekly_max) (the capacity: an
//                     employee is never allocated beyond the contract) and the week's fixed minutes
//   linking:          x[e,d,k] ≤ u·y[e,m(d),k]; r[a,e'] ≤ y[e',m(a),k(a)]; keep[a] ≤
//   y[e,m(a),k(a)];
//                     y = 1 where a fixed allocation is
//   move a:           keep[a] + Σ r[a,.] = 1
//   weekly rest:      y[e,m,k] ≤ w[e,k], Σ w[e,.] ≤ 6 (a day off gives the 35 h of L3132-2 since
//                     the window leaves 14 h between days)
// Existing allocations beyond a limit raise that limit to their total: the proposal adds nothing
// there but does not have to repair the schedule (the checks report it).
//
// Objective, lexicographic, by sequential solves: each stage minimises its objective with the
// previous ones fixed at the values reached (a constraint "objective ≤ value"), so each stage has a
// gap of its own (weights would let the first objective hide the gap of the second):
//   1. unmet demand, in slots: Σ ⌊hours(d) / s⌋ − Σ x
//   2. member-days, the distinct members per employee per day: Σ y
//   3. change to the existing schedule, in slots: Σ n(a)·(1 − keep[a])  (only with movable ones)
// The best solution so far (at first: nothing new, everything kept) is carried from stage to
// stage, so a stage stopped by the time limit keeps it.
//
// Stage 1 is a flow problem (y is continuous there: nothing counts it), solved at once; with
// movable allocations, the flow without moves is solved first and starts the search with moves
// (GLPK's presolver is then off, to take the start). Stage 2 is a fixed-charge problem whose
// linear relaxation is weak, and where the time goes:
// - Day-count cuts: once Σx ≥ met (stage 1), each employee works at least met − F(others) slots,
//   F(others) the maximum flow without them, so Σ y[e,.,.] ≥ ⌈that / longest day of e⌉. On the
//   benchmark they raise the relaxation from 599 to 678 member-days.
// - x is continuous: with y, w, keep and r whole the hours are a flow problem again (the rows are
//   two laminar families), whose optimum can be whole; a solution with fractional x is solved
//   again for whole x with the others fixed (integral()).
// - Small problems (at most kNeighbourhood employees) are solved whole by branch and cut. Larger
//   ones start from the stage-1 flow steered so that an employee's members fall on different days
//   (the "spread" objective), then a large-neighbourhood search: the work of one employee, then of
//   2 to 6 employees who could serve the same demands, is optimised again as a small MIP with
//   everyone else fixed (there, the big Ms shrink to what is left of the limits), until the time
//   is up or nothing improves any more; the bound is the relaxation's. Time left then goes to
//   branch and cut on the whole problem if it has at most kWholeColumns columns.
// Stage 3 starts from the best solution; its relaxation bound is usually 0, so unless the branch
// and cut finishes, its gap is 100 % (Proposal::gaps tells the stages apart).
//
// Layout: for each employee and day, the free slots (after removals) split into runs separated by
// the kept allocations (the lunch break does not separate). Each member's hours are placed whole in
// the run where they fit best (best fit, largest first), split over runs only when no run can hold
// them; in a run the members follow one another, packed against the following existing allocation
// for the run before the first one, against the preceding one otherwise. A member's hours are
// thus consecutive; an allocation never spans the lunch break.
//
// Files: solver_mip.h (the MIP interface) and solver_glpk.cpp (GLPK behind it, the only file that
// includes glpk.h); solver_flow.* (the maximum flow of the day-count cuts); solver_model.* (the
// instance and the MIP built from it); this file (the stages and the search);
// solver_layout.cpp (a solution laid out as allocations).
#include "gepaie/staffing/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <utility>

#include "gepaie/core/error.h"
#include "solver_flow.h"
#include "solver_mip.h"
#include "solver_model.h"

namespace gepaie::staffing {
namespace detail {

// Stage 2's large-neighbourhood search: at most so many employees together, so long each; and the
// size of problem still solved whole afterwards.
constexpr size_t kNeighbourhood = 6;
constexpr double kNeighbourhoodSeconds = 0.3;
constexpr int kWholeColumns = 2000;

MipResult Planner::solve_part(const std::vector<char>& free, const std::vector<double>& values,
                              const std::vector<MipTerm>& objective,
                              const std::function<bool(Kind)>& integer, double seconds) {
  // The rows with a free column, the other columns' values moved to the bounds.
  std::vector<int> local(static_cast<size_t>(columns_), -1);
  std::vector<size_t> global;
  for (size_t j = 0; j < local.size(); ++j) {
    if (free[j]) {
      local[j] = static_cast<int>(global.size());
      global.push_back(j);
    }
  }
  std::vector<MipRow> rows;
  for (const MipRow& row : rows_) {
    MipRow part;
    double fixed = 0;
    for (const MipTerm& term : row.terms) {
      const int column = local[static_cast<size_t>(term.column)];
      if (column >= 0)
        part.terms.push_back({column, term.coefficient});
      else
        fixed += term.coefficient * values[static_cast<size_t>(term.column)];
    }
    if (part.terms.empty())
      continue;
    part.lower = row.lower - fixed;
    part.upper = row.upper - fixed;
    rows.push_back(std::move(part));
  }
  // What is left of the limits bounds the columns and tightens the M of the links x ≤ M·y: the
  // relaxation of a small neighbourhood is much stronger this way.
  std::vector<double> upper(global.size());
  for (size_t c = 0; c < global.size(); ++c)
    upper[c] = upper_[global[c]];
  for (const MipRow& row : rows) {
    if (row.lower != -kInfinity || std::any_of(row.terms.begin(), row.terms.end(),
                                               [](const MipTerm& t) { return t.coefficient <= 0; }))
      continue;
    for (const MipTerm& term : row.terms) {
      double& bound = upper[static_cast<size_t>(term.column)];
      bound = std::min(bound, std::floor(std::max(0.0, row.upper) / term.coefficient + 1e-9));
    }
  }
  std::unique_ptr<MipSolver> part = make_mip_();
  for (size_t c = 0; c < global.size(); ++c) {
    part->add_column(upper[c]);
    part->set_integer(static_cast<int>(c), integer(kind_[global[c]]));
  }
  for (MipRow& row : rows) {
    if (row.terms.size() == 2 && row.upper == 0 && row.terms[0].coefficient == 1 &&
        row.terms[1].coefficient < 0 &&
        kind_[global[static_cast<size_t>(row.terms[0].column)]] == Kind::X)
      row.terms[1].coefficient =
          -std::min(-row.terms[1].coefficient,
                    std::max(1.0, upper[static_cast<size_t>(row.terms[0].column)]));
    part->add_row(row);
  }
  std::vector<MipTerm> local_objective;
  for (const MipTerm& term : objective) {
    if (const int column = local[static_cast<size_t>(term.column)]; column >= 0)
      local_objective.push_back({column, term.coefficient});
  }
  part->set_objective(local_objective, 0);
  MipResult result = part->solve(seconds, gap_tolerance_, nullptr);
  if (result.has_solution) {
    std::vector<double> merged = values;
    for (size_t c = 0; c < global.size(); ++c)
      merged[global[c]] = result.values[c];
    result.values = std::move(merged);
  }
  return result;
}

bool Planner::integral(std::vector<double>& values) {
  auto fractional = [&] {
    return std::any_of(xs_.begin(), xs_.end(), [&](const XVar& x) {
      const double value = values[static_cast<size_t>(x.column)];
      return std::abs(value - std::round(value)) > 1e-6;
    });
  };
  if (!fractional())
    return true;
  std::vector<char> free(static_cast<size_t>(columns_), 0);
  for (const XVar& x : xs_)
    free[static_cast<size_t>(x.column)] = 1;
  const MipResult result = solve_part(
      free, values, unmet_stage_.terms, [](Kind) { return true; }, 10);
  if (!result.has_solution || unmet_stage_.value(result.values) > unmet_stage_.value(values))
    return false;
  values = result.values;
  return !fractional();
}

void Planner::improve(std::vector<double>& best, double seconds) {
  const auto started = std::chrono::steady_clock::now();
  auto left = [&] {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    return seconds - spent.count();
  };
  // Employees are neighbours when they could serve the same demand or allocation.
  const size_t count = employees_.size();
  std::vector<std::set<int>> neighbours(count);
  auto link = [&](const std::vector<int>& group) {
    for (int a : group) {
      for (int b : group) {
        if (a != b)
          neighbours[static_cast<size_t>(a)].insert(b);
      }
    }
  };
  std::map<int, std::vector<int>> by_demand;
  for (const XVar& x : xs_)
    by_demand[x.demand].push_back(x.employee);
  for (const auto& [demand, group] : by_demand)
    link(group);
  for (const RVar& r : rs_)
    link({r.employee, existing_[static_cast<size_t>(r.existing)].employee});

  std::mt19937 random(20261123);  // fixed: the same input gives the same search (time aside)
  std::vector<int> order(count);
  for (size_t e = 0; e < count; ++e)
    order[e] = static_cast<int>(e);
  std::shuffle(order.begin(), order.end(), random);
  // Each employee alone until a round over every employee brings nothing, then neighbourhoods of
  // 2 to kNeighbourhood employees until twice as many rounds as there are employees bring nothing.
  bool alone = true;
  size_t round = 0;
  for (size_t fruitless = 0; left() > 0.05; ++round) {
    if (alone && fruitless >= count) {
      alone = false;
      fruitless = 0;
    }
    if (!alone && (count < 2 || fruitless >= 2 * count))
      break;
    const size_t size =
        alone ? 1 : 2 + static_cast<size_t>(random() % (std::min(kNeighbourhood, count) - 1));
    // Breadth first from the seed, neighbours in random order.
    std::vector<char> chosen(count, 0);
    std::vector<int> queue{order[round % count]};
    chosen[static_cast<size_t>(queue[0])] = 1;
    for (size_t head = 0; head < queue.size() && queue.size() < size; ++head) {
      std::vector<int> next(neighbours[static_cast<size_t>(queue[head])].begin(),
                            neighbours[static_cast<size_t>(queue[head])].end());
      std::shuffle(next.begin(), next.end(), random);
      for (int e : next) {
        if (queue.size() < size && !chosen[static_cast<size_t>(e)]) {
          chosen[static_cast<size_t>(e)] = 1;
          queue.push_back(e);
        }
      }
    }
    std::vector<char> free(static_cast<size_t>(columns_), 0);
    for (size_t j = 0; j < free.size(); ++j)
      free[j] = owner_[j] >= 0 && chosen[static_cast<size_t>(owner_[j])];
    MipResult result = solve_part(
        free, best, members_stage_.terms, [](Kind kind) { return kind != Kind::X; },
        std::min(left(), kNeighbourhoodSeconds));
    bool better = false;
    if (result.has_solution && integral(result.values)) {
      std::vector<double> candidate = normalized(std::move(result.values));
      if (members_stage_.value(candidate) < members_stage_.value(best) &&
          unmet_stage_.value(candidate) <= unmet_stage_.value(best)) {
        best = std::move(candidate);
        better = true;
      }
    }
    fruitless = better ? 0 : fruitless + 1;
  }
}

void Planner::add_day_count_cuts(int64_t met) {
  // Stage 1 relaxed to a flow: source → demand → (employee, day) → employee → sink, movable
  // allocations counted as removed, the weekly rest ignored.
  const int demand_count = static_cast<int>(demands_.size());
  const int employee_count = static_cast<int>(employees_.size());
  const int source = 0;
  const int sink = 1;
  auto demand_node = [&](int d) { return 2 + d; };
  auto employee_node = [&](int e) { return 2 + demand_count + e; };
  auto day_node = [&](int e, int k) { return 2 + demand_count + employee_count + 7 * e + k - 1; };
  MaxFlow flow(2 + demand_count + 8 * employee_count);
  const int64_t s = slot_minutes();
  for (int d = 0; d < demand_count; ++d)
    flow.add_arc(source, demand_node(d), demands_[static_cast<size_t>(d)].max_slots);
  for (const XVar& x : xs_)
    flow.add_arc(demand_node(x.demand), day_node(x.employee, x.weekday), x.upper);
  std::vector<size_t> to_sink(employees_.size());
  std::vector<int64_t> week(employees_.size());
  std::vector<int64_t> longest_day(employees_.size(), 0);
  for (int e = 0; e < employee_count; ++e) {
    const Employee& employee = employees_[static_cast<size_t>(e)];
    for (int k = 1; k <= 7; ++k) {
      const EmployeeDay& day = employee.days[k];
      const int64_t slots =
          std::min<int64_t>(day.freeable_slots, (day.daily_cap - day.fixed_minutes) / s);
      flow.add_arc(day_node(e, k), employee_node(e), slots);
      if (day.period != nullptr)
        longest_day[static_cast<size_t>(e)] = std::max(longest_day[static_cast<size_t>(e)], slots);
    }
    week[static_cast<size_t>(e)] = (employee.weekly_cap - employee.fixed_week_minutes) / s;
    to_sink[static_cast<size_t>(e)] =
        flow.add_arc(employee_node(e), sink, week[static_cast<size_t>(e)]);
  }
  std::vector<std::vector<MipTerm>> member_days(employees_.size());
  for (const YVar& y : ys_)
    member_days[static_cast<size_t>(y.employee)].push_back({y.column, 1});
  for (size_t e = 0; e < employees_.size(); ++e) {
    if (member_days[e].empty() || longest_day[e] <= 0)
      continue;
    flow.set_capacity(to_sink[e], 0);
    const int64_t least = met - flow.run(source, sink);
    flow.set_capacity(to_sink[e], week[e]);
    if (least > 0)
      add_row(member_days[e], static_cast<double>((least + longest_day[e] - 1) / longest_day[e]),
              kInfinity);
  }
}

// Keeps the better of `best` and the solver's solution, records the stage's gap, and fixes the
// stage's objective at the value reached for the next stages.
double Planner::settle(const Stage& stage, const MipResult& result, std::vector<double>& best,
                       Proposal& proposal) {
  double value = stage.value(best);
  std::vector<double> values = result.values;
  if (result.has_solution && integral(values)) {
    std::vector<double> candidate = normalized(std::move(values));
    if (stage.value(candidate) <= value) {
      best = std::move(candidate);
      value = stage.value(best);
    }
  }
  // The objectives are whole numbers.
  const double bound = std::max(0.0, std::ceil(result.best_bound - 1e-6));
  const double gap =
      value <= bound ? 0 : (result.best_bound == -kInfinity ? 1.0 : (value - bound) / value);
  proposal.optimal = proposal.optimal && gap == 0;
  proposal.optimality_gap = std::max(proposal.optimality_gap, gap);
  add_row(stage.terms, -kInfinity, value - stage.constant);
  return gap;
}

Proposal Planner::run(double time_limit_seconds) {
  const auto started = std::chrono::steady_clock::now();
  auto left = [&] {
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    return std::max(0.05, time_limit_seconds - spent.count());
  };
  validate();
  prepare();
  build();

  Proposal proposal;
  proposal.optimal = true;
  // Nothing new, everything kept.
  std::vector<double> best(static_cast<size_t>(columns_), 0);
  for (const auto& [a, keep] : keeps_)
    best[static_cast<size_t>(keep)] = 1;
  best = normalized(std::move(best));

  if (!xs_.empty() || !rs_.empty()) {
    // 1. Unmet hours. y does not count: continuous here, which leaves a flow problem (w stays
    // integer, so y rounded up afterwards is feasible). With movable allocations, the flow without
    // moves first, solved at once, then the search with moves starts from it (a third of the time).
    auto not_y = [](Kind kind) { return kind != Kind::Y; };
    for (const YVar& y : ys_)
      mip_->set_integer(y.column, false);
    mip_->set_objective(unmet_stage_.terms, unmet_stage_.constant);
    if (keeps_.empty()) {
      proposal.gaps.unmet =
          settle(unmet_stage_, mip_->solve(left(), gap_tolerance_, nullptr), best, proposal);
    } else {
      std::vector<char> free(static_cast<size_t>(columns_), 1);
      for (size_t j = 0; j < free.size(); ++j)
        free[j] = kind_[j] != Kind::Keep && kind_[j] != Kind::R;  // kept, not replaced
      MipResult kept = solve_part(free, best, unmet_stage_.terms, not_y, left());
      if (kept.has_solution && integral(kept.values)) {
        std::vector<double> candidate = normalized(std::move(kept.values));
        if (unmet_stage_.value(candidate) < unmet_stage_.value(best))
          best = std::move(candidate);
      }
      const double relaxed = mip_->relaxation_bound(left());
      MipResult moved = mip_->solve(left() / 3, gap_tolerance_, &best);
      moved.best_bound = std::max(moved.best_bound, relaxed);
      proposal.gaps.unmet = settle(unmet_stage_, moved, best, proposal);
    }
    int64_t met = 0;
    for (const XVar& x : xs_)
      met += static_cast<int64_t>(best[static_cast<size_t>(x.column)]);
    add_day_count_cuts(met);

    // A start for stage 2: the same flow, each employee's members steered to different days.
    mip_->set_objective(spread_stage_.terms, 0);
    const MipResult spread = mip_->solve(left() * 0.2, gap_tolerance_, nullptr);
    std::vector<double> values = spread.values;
    if (spread.has_solution && integral(values)) {
      std::vector<double> candidate = normalized(std::move(values));
      if (unmet_stage_.value(candidate) <= unmet_stage_.value(best) &&
          members_stage_.value(candidate) < members_stage_.value(best))
        best = std::move(candidate);
    }

    // 2. Member-days. With y, w, keep and r whole, the hours are a flow problem again, whose
    // optimum can be whole: x is continuous from here on (see integral()).
    for (const YVar& y : ys_)
      mip_->set_integer(y.column, true);
    for (const XVar& x : xs_)
      mip_->set_integer(x.column, false);
    mip_->set_objective(members_stage_.terms, members_stage_.constant);
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    const double members_end = spent.count() + (keeps_.empty() ? left() : left() * 0.75);
    auto members_left = [&] {
      const std::chrono::duration<double> now = std::chrono::steady_clock::now() - started;
      return std::max(0.05, members_end - now.count());
    };
    // Small problems are solved whole. Larger ones by large-neighbourhood search, bounded by the
    // linear relaxation (close, with the day-count cuts), then solved whole if still small enough
    // and time is left.
    MipResult members;
    members.best_bound = mip_->relaxation_bound(members_left());
    auto bound_reached = [&] {
      return members_stage_.value(best) <= std::ceil(members.best_bound - 1e-6);
    };
    if (employees_.size() > kNeighbourhood && !bound_reached())
      improve(best, members_left());
    if (!bound_reached() && members_left() > 0.05 &&
        (employees_.size() <= kNeighbourhood || columns_ <= kWholeColumns)) {
      const double bound = members.best_bound;
      members = mip_->solve(members_left(), gap_tolerance_, nullptr);
      members.best_bound = std::max(members.best_bound, bound);
    }
    proposal.gaps.member_days = settle(members_stage_, members, best, proposal);

    // 3. Moves, from the best solution so far.
    if (!keeps_.empty()) {
      mip_->set_objective(change_stage_.terms, change_stage_.constant);
      const double relaxed = mip_->relaxation_bound(left());
      MipResult moves = mip_->solve(left(), gap_tolerance_, &best);
      moves.best_bound = std::max(moves.best_bound, relaxed);
      proposal.gaps.moves = settle(change_stage_, moves, best, proposal);
    }
  }

  layout(best, proposal);
  report_unmet(best, proposal);
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
  proposal.seconds = spent.count();
  return proposal;
}

namespace {

class MipAllocationSolver final : public AllocationSolver {
 public:
  explicit MipAllocationSolver(double gap_tolerance) : gap_tolerance_(gap_tolerance) {}

  Proposal propose(const ProposalInput& input, double time_limit_seconds) override {
    return Planner(
               input, [] { return make_glpk_mip(); }, gap_tolerance_)
        .run(time_limit_seconds);
  }

 private:
  double gap_tolerance_;
};

}  // namespace
}  // namespace detail

std::unique_ptr<AllocationSolver> make_glpk_solver(double mip_gap_tolerance) {
  return std::make_unique<detail::MipAllocationSolver>(mip_gap_tolerance);
}

}  // namespace gepaie::staffing
