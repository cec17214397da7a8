// The allocation model: the week's employees, demands and existing allocations on the slot grid,
// the MIP's columns and rows built from them (solver_model.cpp), the search over it (solver.cpp)
// and the layout of a solution into allocations (solver_layout.cpp). See solver.cpp for the
// model's definition.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gepaie/staffing/solver.h"
#include "solver_mip.h"

namespace gepaie::staffing::detail {

// ---------------------------------------------------------------------------------------------
// The instance: the week's employees, demands and existing allocations, on the slot grid.

struct Interval {
  Minute start = 0;
  Minute end = 0;
};

inline bool overlap(Interval a, Interval b) {
  return a.start < b.end && b.start < a.end;
}

inline bool has_skill(const EmploymentPeriod& period, const std::string& skill) {
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

}  // namespace gepaie::staffing::detail
