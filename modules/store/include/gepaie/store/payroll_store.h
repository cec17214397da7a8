// The pay run in the database: gathers each employee's month (contract, approved timesheets,
// absences, schedule, history), computes it with payroll::run_pay and stores the payslips and
// their lines. Also expenses, and reading payslips back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/core/calendar.h"
#include "gepaie/payroll/pay_run.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

struct PayRunReport {
  Month month;
  int payslips = 0;
  int lines = 0;
  int headcount = 0;
  Money gross;
  Money net_paid;
  Money employer_cost;
  Money total_cost;  // employer cost + other employer costs: what the split shares
  Money expenses;
  double read_seconds = 0;
  double compute_seconds = 0;
  double write_seconds = 0;
};

// Computes and stores the payslips of every employee with a contract active in `month`,
// replacing the month's previous (draft) run completely. Works inside the caller's transaction
// (the close wraps it); refuses a closed month (Conflict). Counts only approved timesheets.
PayRunReport run_payroll(Database& db, const payroll::RateBook& rates,
                         const config::PayrollSettings& settings, Month month);

// `payroll run`: the same in its own transaction.
PayRunReport run_payroll_alone(Database& db, const payroll::RateBook& rates,
                               const config::PayrollSettings& settings, Month month);

struct StoredLine {
  std::string code;
  std::string label;
  std::string kind;  // earning, contribution, reduction, adjustment
  std::string group;
  Hours hours;
  Money base;
  std::optional<Rate> employee_rate;
  Money employee_amount;
  std::optional<Rate> employer_rate;
  Money employer_amount;
};

struct StoredPayslip {
  int64_t id = 0;
  Month month;
  std::string employee_number;
  std::string employee_name;
  std::string contract_reference;
  Hours weekly_hours;
  Money monthly_base;
  Money hourly_rate;
  Hours worked;
  Hours overtime_first, overtime_second, extra_first, extra_second, unpaid, paid_leave;
  Money ceiling;
  payroll::Totals totals;
  Rate income_tax_rate;
  Money other_costs;
  Money total_cost;
  Money expenses;
  int leave_earned = 0;  // hundredths of a day
  int leave_taken = 0;
  Money leave_reference_gross;
  int leave_n1_remaining = 0;        // balances after the month: N-1 period left ...
  int leave_n_earned = 0;            // ... current period (June–May) earned ...
  int leave_n_remaining = 0;         // ... and left
  payroll::YearToDate year_to_date;  // this month included
  std::vector<StoredLine> lines;     // only when asked for
};

// The month's payslips by employee number; `employee` filters; lines when `with_lines`.
std::vector<StoredPayslip> load_payslips(Database& db, Month month,
                                         const std::optional<std::string>& employee,
                                         bool with_lines);

struct Expense {
  int64_t id = 0;
  std::string employee_number;
  std::string member_siret;
  Date day;
  Money amount;
  std::string label;
};
// Records an expense (refunded on the payslip, billed to the member). Unknown employee or
// member, amount ≤ 0: BadInput; closed month: Conflict.
int64_t add_expense(Database& db, const Expense& expense);
std::vector<Expense> list_expenses(Database& db, Month month);

}  // namespace gepaie::store
