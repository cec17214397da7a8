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
// The MIP solver is reached through MipSolver below; GLPK is used only in GlpkMip.
#include "gepaie/staffing/solver.h"

#include <glpk.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <utility>

#include "gepaie/core/error.h"

namespace gepaie::staffing {
namespace {

// ---------------------------------------------------------------------------------------------
// The MIP interface: minimisation over columns from 0 to an upper bound, integer unless said.

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct MipTerm {
  int column = 0;
  double coefficient = 0;
};

struct MipRow {
  std::vector<MipTerm> terms;
  double lower = -kInfinity;
  double upper = kInfinity;
};

struct MipResult {
  bool has_solution = false;  // `values` holds a feasible solution
  bool proven_optimal = false;
  double objective = 0;
  double best_bound = -kInfinity;  // a lower bound of the optimum (−∞: unknown)
  std::vector<double> values;      // by column
};

class MipSolver {
 public:
  virtual ~MipSolver() = default;
  virtual int add_column(double upper) = 0;  // returns its index: 0, 1, ...
  virtual void set_integer(int column, bool integer) = 0;
  virtual void add_row(const MipRow& row) = 0;
  virtual void set_objective(const std::vector<MipTerm>& terms, double constant) = 0;
  // The optimum of the linear relaxation, a lower bound (−∞ if not reached in time).
  virtual double relaxation_bound(double time_limit_seconds) = 0;
  // Branch and cut. `start`, when given, is a feasible solution to start from.
  virtual MipResult solve(double time_limit_seconds, double gap_tolerance,
                          const std::vector<double>* start) = 0;
};

using MipSolverFactory = std::function<std::unique_ptr<MipSolver>()>;

// ---------------------------------------------------------------------------------------------
// GLPK

struct SearchState {
  const std::vector<double>* start = nullptr;  // offered at the first call for a heuristic
  bool offered = false;
  double best_bound = -kInfinity;
};

void on_search_event(glp_tree* tree, void* info) {
  auto& state = *static_cast<SearchState*>(info);
  if (glp_ios_reason(tree) == GLP_IHEUR && state.start != nullptr && !state.offered) {
    state.offered = true;
    std::vector<double> values(state.start->size() + 1, 0);  // GLPK counts from 1
    std::copy(state.start->begin(), state.start->end(), values.begin() + 1);
    glp_ios_heur_sol(tree, values.data());
  }
  if (const int node = glp_ios_best_node(tree); node != 0)
    state.best_bound = glp_ios_node_bound(tree, node);
}

int milliseconds(double seconds) {
  return static_cast<int>(std::clamp(seconds * 1000, 1.0, 2e9));
}

// The problem is built in `problem_`; each solve works on a fresh copy of it, which GLPK solves
// much faster than the problem built row by row (measured: 269 instead of 5 697 nodes for the
// same neighbourhood; the copy stores the matrix in another order).
class GlpkMip final : public MipSolver {
 public:
  GlpkMip() : problem_(glp_create_prob()) { glp_set_obj_dir(problem_, GLP_MIN); }
  ~GlpkMip() override { glp_delete_prob(problem_); }
  GlpkMip(const GlpkMip&) = delete;
  GlpkMip& operator=(const GlpkMip&) = delete;

  int add_column(double upper) override {
    const int j = glp_add_cols(problem_, 1);
    glp_set_col_kind(problem_, j, GLP_IV);
    glp_set_col_bnds(problem_, j, upper == 0 ? GLP_FX : GLP_DB, 0, upper);
    return j - 1;
  }

  void set_integer(int column, bool integer) override {
    glp_set_col_kind(problem_, column + 1, integer ? GLP_IV : GLP_CV);
  }

  void add_row(const MipRow& row) override {
    std::map<int, double> merged;  // GLPK refuses a column twice in a row
    for (const MipTerm& term : row.terms)
      merged[term.column + 1] += term.coefficient;
    std::vector<int> index{0};  // GLPK counts from 1
    std::vector<double> value{0};
    for (const auto& [column, coefficient] : merged) {
      if (coefficient != 0) {
        index.push_back(column);
        value.push_back(coefficient);
      }
    }
    const bool lower = row.lower != -kInfinity;
    const bool upper = row.upper != kInfinity;
    const int type = lower && upper ? (row.lower == row.upper ? GLP_FX : GLP_DB)
                     : lower        ? GLP_LO
                     : upper        ? GLP_UP
                                    : GLP_FR;
    const int i = glp_add_rows(problem_, 1);
    glp_set_row_bnds(problem_, i, type, lower ? row.lower : 0, upper ? row.upper : 0);
    glp_set_mat_row(problem_, i, static_cast<int>(index.size()) - 1, index.data(), value.data());
  }

  void set_objective(const std::vector<MipTerm>& terms, double constant) override {
    for (int j = 1; j <= glp_get_num_cols(problem_); ++j)
      glp_set_obj_coef(problem_, j, 0);
    for (const MipTerm& term : terms)
      glp_set_obj_coef(problem_, term.column + 1,
                       glp_get_obj_coef(problem_, term.column + 1) + term.coefficient);
    glp_set_obj_coef(problem_, 0, constant);
  }

  double relaxation_bound(double time_limit_seconds) override {
    Copy copy(problem_);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.presolve = GLP_ON;
    parameters.tm_lim = milliseconds(time_limit_seconds);
    const int output = glp_term_out(GLP_OFF);
    const int code = glp_simplex(copy.problem, &parameters);
    glp_term_out(output);
    return code == 0 && glp_get_status(copy.problem) == GLP_OPT ? glp_get_obj_val(copy.problem)
                                                                : -kInfinity;
  }

  // Presolved, except with a start: the start is offered through the callback in the columns of
  // the problem, which the presolved problem does not have.
  MipResult solve(double time_limit_seconds, double gap_tolerance,
                  const std::vector<double>* start) override {
    const auto started = std::chrono::steady_clock::now();
    Copy copy(problem_);
    SearchState state;
    state.start = start;
    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.presolve = start == nullptr ? GLP_ON : GLP_OFF;
    parameters.mip_gap = gap_tolerance;
    parameters.mir_cuts = GLP_ON;  // on the benchmark the best pair among GLPK's cuts
    parameters.gmi_cuts = GLP_ON;
    parameters.cb_func = on_search_event;
    parameters.cb_info = &state;
    const int output = glp_term_out(GLP_OFF);
    int code = 0;
    if (start != nullptr) {  // without the presolver glp_intopt needs an optimal basis
      glp_smcp simplex;
      glp_init_smcp(&simplex);
      simplex.msg_lev = GLP_MSG_OFF;
      simplex.tm_lim = milliseconds(time_limit_seconds);
      code = glp_simplex(copy.problem, &simplex);
      if (code == 0 && glp_get_status(copy.problem) != GLP_OPT)
        code = GLP_EFAIL;
    }
    if (code == 0) {
      const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
      parameters.tm_lim = milliseconds(time_limit_seconds - spent.count());
      code = glp_intopt(copy.problem, &parameters);
    }
    glp_term_out(output);

    MipResult result;
    const int status = code == 0 || code == GLP_ETMLIM || code == GLP_EMIPGAP
                           ? glp_mip_status(copy.problem)
                           : GLP_UNDEF;
    result.has_solution = status == GLP_OPT || status == GLP_FEAS;
    result.proven_optimal = code == 0 && status == GLP_OPT;
    result.best_bound = state.best_bound;
    if (result.has_solution) {
      result.objective = glp_mip_obj_val(copy.problem);
      if (result.proven_optimal)
        result.best_bound = result.objective;
      result.values.resize(static_cast<size_t>(glp_get_num_cols(copy.problem)));
      for (size_t j = 0; j < result.values.size(); ++j)
        result.values[j] = glp_mip_col_val(copy.problem, static_cast<int>(j) + 1);
    }
    return result;
  }

 private:
  struct Copy {
    explicit Copy(glp_prob* original) : problem(glp_create_prob()) {
      glp_copy_prob(problem, original, GLP_OFF);
    }
    ~Copy() { glp_delete_prob(problem); }
    Copy(const Copy&) = delete;
    Copy& operator=(const Copy&) = delete;
    glp_prob* problem;
  };

  glp_prob* problem_;
};

// ---------------------------------------------------------------------------------------------
// The instance: the week's employees, demands and existing allocations, on the slot grid.

struct Interval {
  Minute start = 0;
  Minute end = 0;
};

// Stage 2's large-neighbourhood search: at most so many employees together, so long each; and the
// size of problem still solved whole afterwards.
constexpr size_t kNeighbourhood = 6;
constexpr double kNeighbourhoodSeconds = 0.3;
constexpr int kWholeColumns = 2000;

bool overlap(Interval a, Interval b) {
  return a.start < b.end && b.start < a.end;
}

bool has_skill(const EmploymentPeriod& period, const std::string& skill) {
  return std::find(period.skills.begin(), period.skills.end(), skill) != period.skills.end();
}

struct EmployeeDay {
  const EmploymentPeriod* period = nullptr;  // active that day, if any
  std::vector<int> existing;                 // existing allocations that day
  int64_t existing_minutes = 0;
  int64_t fixed_minutes = 0;  // of the existing allocations that cannot move
  int free_slots = 0;         // grid slots free of every existing allocation
  int freeable_slots = 0;     // free_slots + the slots freed by removing the movable ones
  int64_t daily_cap = 0;      // minutes: max(daily_max, existing_minutes)
};

struct Employee {
  std::string number;
  std::vector<const EmploymentPeriod*> periods;  // active during the week
  std::array<EmployeeDay, 8> days;               // ISO weekday 1..7
  int64_t weekly_cap = 0;  // minutes: max(min(contracts, weekly_max), existing)
  int64_t fixed_week_minutes = 0;
};

struct DemandInfo {
  const Demand* demand = nullptr;
  int member = 0;
  int max_slots = 0;
  std::vector<int> weekdays;  // preferred, or Monday to Friday
};

struct ExistingInfo {
  const Allocation* allocation = nullptr;
  int employee = -1;  // -1: not among the employees of the week
  int member = 0;
  bool active = false;
  bool movable = false;
  int slots = 0;                  // n(a), when movable
  int freed = 0;                  // freed(a)
  std::vector<int> replacements;  // employees who could take it over
};

struct XVar {
  int employee, demand, weekday, column, upper;
};
struct RVar {
  int existing, employee, column;
};
struct YVar {
  int employee, member, weekday, column;
  bool forced = false;        // a fixed existing allocation
  std::vector<int> children;  // columns that need it (x, r, keep)
};
struct WVar {
  int employee, weekday, column;
  std::vector<int> children;  // y columns
};

// Maximum flow (Dinic), for the day-count cuts of stage 2.
class MaxFlow {
 public:
  explicit MaxFlow(int nodes) : arcs_(static_cast<size_t>(nodes)) {}
  // Returns the arc's index, to change its capacity later.
  size_t add_arc(int from, int to, int64_t capacity) {
    edges_.push_back({to, capacity});
    edges_.push_back({from, 0});
    arcs_[static_cast<size_t>(from)].push_back(edges_.size() - 2);
    arcs_[static_cast<size_t>(to)].push_back(edges_.size() - 1);
    return edges_.size() - 2;
  }
  void set_capacity(size_t arc, int64_t capacity) { edges_[arc].capacity = capacity; }
  int64_t run(int source, int sink) const {
    std::vector<int64_t> residual(edges_.size());
    for (size_t i = 0; i < edges_.size(); ++i)
      residual[i] = edges_[i].capacity;
    int64_t total = 0;
    const size_t nodes = arcs_.size();
    for (;;) {
      std::vector<int> level(nodes, -1);
      std::vector<int> queue{source};
      level[static_cast<size_t>(source)] = 0;
      for (size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        for (size_t arc : arcs_[static_cast<size_t>(u)]) {
          const int v = edges_[arc].to;
          if (residual[arc] > 0 && level[static_cast<size_t>(v)] < 0) {
            level[static_cast<size_t>(v)] = level[static_cast<size_t>(u)] + 1;
            queue.push_back(v);
          }
        }
      }
      if (level[static_cast<size_t>(sink)] < 0)
        return total;
      std::vector<size_t> next(nodes, 0);
      // Depth-first augmentation along the level graph, iteratively.
      for (;;) {
        std::vector<size_t> path;
        int u = source;
        while (u != sink) {
          auto& i = next[static_cast<size_t>(u)];
          const auto& list = arcs_[static_cast<size_t>(u)];
          while (i < list.size() &&
                 (residual[list[i]] <= 0 || level[static_cast<size_t>(edges_[list[i]].to)] !=
                                                level[static_cast<size_t>(u)] + 1))
            ++i;
          if (i == list.size()) {
            if (u == source)
              break;
            level[static_cast<size_t>(u)] = -1;  // dead end
            const size_t back = path.back();
            path.pop_back();
            u = edges_[back ^ 1].to;
            continue;
          }
          path.push_back(list[i]);
          u = edges_[list[i]].to;
        }
        if (u != sink)
          break;
        int64_t push = std::numeric_limits<int64_t>::max();
        for (size_t arc : path)
          push = std::min(push, residual[arc]);
        for (size_t arc : path) {
          residual[arc] -= push;
          residual[arc ^ 1] += push;
        }
        total += push;
      }
    }
  }

 private:
  struct Edge {
    int to;
    int64_t capacity;
  };
  std::vector<Edge> edges_;  // an arc and its reverse (capacity 0) side by side: i and i ^ 1
  std::vector<std::vector<size_t>> arcs_;
};

struct Stage {
  std::vector<MipTerm> terms;
  double constant = 0;
  double value(const std::vector<double>& values) const {
    double total = constant;
    for (const MipTerm& term : terms)
      total += term.coefficient * values[static_cast<size_t>(term.column)];
    return total;
  }
};

class Planner {
 public:
  enum class Kind { X, Y, W, Keep, R };  // of a column

  Planner(const ProposalInput& input, MipSolverFactory make_mip, double gap_tolerance)
      : input_(input),
        make_mip_(std::move(make_mip)),
        mip_(make_mip_()),
        gap_tolerance_(gap_tolerance) {}

  Proposal run(double time_limit_seconds);

 private:
  void validate() const;
  void prepare();
  int member_index(const std::string& siret);
  // Whether the employee may work for the demand on weekday k: a contract that day with the skill
  // and the member (L1253-9), the day among the demand's and within its dates.
  bool eligible(const Employee& employee, const DemandInfo& demand, int k) const;
  int y_column(int employee, int member, int weekday);
  void build();
  // Rounded, with y and w at 1 only where needed.
  std::vector<double> normalized(std::vector<double> values) const;
  // The model with only the `free` columns, the others at their `values`; returns all columns.
  // `integer` tells which kinds of columns are integer.
  MipResult solve_part(const std::vector<char>& free, const std::vector<double>& values,
                       const std::vector<MipTerm>& objective,
                       const std::function<bool(Kind)>& integer, double seconds);
  // Whether the x of `values` are whole numbers, after making them so if needed: with the other
  // columns fixed the hours form a flow problem, solved again with whole x and no fewer hours.
  bool integral(std::vector<double>& values);
  // Stage 2's large-neighbourhood search: the work of a few employees who could share demands is
  // optimised again with everyone else's fixed, neighbourhood after neighbourhood.
  void improve(std::vector<double>& best, double seconds);
  // Valid once `met` slots or more are met: an employee works at least met − (the most all the
  // others can work), so on at least that / (their longest day) days, each a member-day or more.
  void add_day_count_cuts(int64_t met);
  // Returns the stage's gap.
  double settle(const Stage& stage, const MipResult& result, std::vector<double>& best,
                Proposal& proposal);
  void layout(const std::vector<double>& values, Proposal& proposal) const;
  void report_unmet(const std::vector<double>& values, Proposal& proposal) const;

  Date day(int weekday) const { return monday_.plus_days(weekday - 1); }
  int64_t slot_minutes() const { return input_.slot_minutes; }

  void add_row(std::vector<MipTerm> terms, double lower, double upper);

  const ProposalInput& input_;
  MipSolverFactory make_mip_;
  std::unique_ptr<MipSolver> mip_;
  std::vector<MipRow> rows_;  // as given to mip_, for the neighbourhoods of improve()
  double gap_tolerance_;

  Date monday_;
  std::vector<Interval> grid_;
  std::vector<std::string> members_;
  std::map<std::string, int> member_ids_;
  std::vector<Employee> employees_;
  std::vector<DemandInfo> demands_;
  std::vector<ExistingInfo> existing_;

  int new_column(double upper, int employee, Kind kind);

  int columns_ = 0;
  std::vector<double> upper_;  // of each column (the lower bound is 0)
  std::vector<int> owner_;     // the employee whose work the column decides (keep: the holder)
  std::vector<Kind> kind_;
  std::vector<XVar> xs_;
  std::vector<RVar> rs_;
  std::vector<std::pair<int, int>> keeps_;  // existing, column
  std::vector<YVar> ys_;
  std::map<std::tuple<int, int, int>, int> y_ids_;
  std::vector<WVar> ws_;
  Stage unmet_stage_, members_stage_, change_stage_;
  Stage spread_stage_;  // not an objective: steers the start of stage 2
};

void Planner::validate() const {
  if (input_.slot_minutes <= 0)
    throw bad_input("slot_minutes must be positive, not " + std::to_string(input_.slot_minutes));
  if (input_.day_start < 0 || input_.day_end > 24 * 60 || input_.day_start >= input_.day_end)
    throw bad_input("the working day must be within 0:00–24:00 and start before it ends");
  if (input_.lunch_start > input_.lunch_end)
    throw bad_input("the lunch break must start before it ends");
  if (input_.limits.daily_max.minutes() <= 0 || input_.limits.weekly_max.minutes() <= 0)
    throw bad_input("the daily and weekly maximum working times must be positive");
  for (const Demand& demand : input_.demands) {
    for (int weekday : demand.weekdays) {
      if (weekday < 1 || weekday > 7)
        throw bad_input("demand " + std::to_string(demand.id) + ": weekday " +
                        std::to_string(weekday) + " is not 1 (Monday) to 7 (Sunday)");
    }
    if (demand.weekly_hours.minutes() < 0)
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
      contract = std::min(contract, period->weekly_hours.minutes());
      for (int k = 1; k <= 7; ++k) {
        if (!period->active_on(day(k)))
          continue;
        if (employee.days[k].period != nullptr)
          throw bad_input("employee " + number + " has two contracts active on " + day(k).str());
        employee.days[k].period = period;
      }
    }
    employee.weekly_cap = std::min(contract, input_.limits.weekly_max.minutes());
    employee_ids.emplace(number, static_cast<int>(employees_.size()));
    employees_.push_back(std::move(employee));
  }

  // Demands; the skills each member asks for.
  std::map<int, std::set<std::string>> member_skills;
  for (const Demand& demand : input_.demands) {
    DemandInfo info;
    info.demand = &demand;
    info.member = member_index(demand.member_siret);
    info.max_slots = static_cast<int>(demand.weekly_hours.minutes() / s);
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
          std::max(input_.limits.daily_max.minutes(), employee_day.existing_minutes);
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
      if (slots > std::min<int64_t>(grid_size, input_.limits.daily_max.minutes() / s) ||
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
    const int64_t unmet = demand.weekly_hours.minutes() - placed[d];
    if (unmet <= 0)
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
    } else if (unmet < s && placed[d] == s * demands_[d].max_slots) {
      reason = "slot granularity: less than one " + std::to_string(s) + "-minute slot left";
    } else {
      reason = "no capacity";
      if (!without_clause.empty())
        reason += "; clause missing for " + names(without_clause) + ", who have the skill";
    }
    proposal.unmet.push_back({demand.id, Hours::from_minutes(unmet), reason});
    proposal.unmet_total += Hours::from_minutes(unmet);
  }
}

class MipAllocationSolver final : public AllocationSolver {
 public:
  explicit MipAllocationSolver(double gap_tolerance) : gap_tolerance_(gap_tolerance) {}

  Proposal propose(const ProposalInput& input, double time_limit_seconds) override {
    return Planner(
               input, [] { return std::make_unique<GlpkMip>(); }, gap_tolerance_)
        .run(time_limit_seconds);
  }

 private:
  double gap_tolerance_;
};

}  // namespace

std::unique_ptr<AllocationSolver> make_glpk_solver(double mip_gap_tolerance) {
  return std::make_unique<MipAllocationSolver>(mip_gap_tolerance);
}

}  // namespace gepaie::staffing
