// The MIP interface of the allocation solver: minimisation over columns from 0 to an upper
// bound, integer unless said. The search (solver.cpp) sees only this; GLPK is behind
// make_glpk_mip() (solver_glpk.cpp).
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace gepaie::staffing::detail {

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

// GLPK's branch and cut behind MipSolver.
std::unique_ptr<MipSolver> make_glpk_mip();

}  // namespace gepaie::staffing::detail
