// The GLPK adapter: MipSolver over glpk.h, the only file of the module that includes it.
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "solver_mip.h"

namespace gepaie::staffing::detail {
namespace {

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

}  // namespace

std::unique_ptr<MipSolver> make_glpk_mip() {
  return std::make_unique<GlpkMip>();
}

}  // namespace gepaie::staffing::detail
