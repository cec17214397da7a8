// The pay run in the database: reads what the month's pay run needs (contracts, approved hours,
// absences, schedule, expenses, past payslips) and stores the payslips and their lines that
// app computes with the payroll rules. Also expenses, and reading payslips back.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/payroll/month_inputs.h"
#include "gepaie/payroll/pay_run.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

// What the month's pay run reads, by employee number (contract reference for contract_gross).
struct PayRunInputs {
  std::vector<registry::Contract> contracts;            // all of them, by reference, amended
  std::map<std::string, registry::Employee> employees;  // by number
  // Over the pay window: approved hours worked per day (all members together), absences, and
  // the schedule slots in force on at least one day of it.
  std::map<std::string, std::vector<payroll::WorkedDay>> worked;
  std::map<std::string, std::vector<payroll::Absence>> absences;
  std::map<std::string, std::vector<payroll::ScheduleSlot>> schedule;
  std::map<std::string, Money> expenses;  // incurred in the month
  // Payslips from `history_from` to the month before, in month order.
  std::map<std::string, std::vector<payroll::PastMonth>> past_months;
  std::map<std::string, Money> contract_gross;  // gross paid under a contract before the month
};

// Reads inside the caller's transaction (after store::lock_month), counting only approved
// timesheets.
PayRunInputs load_pay_run_inputs(Database& db, Month month, payroll::PayWindow window,
                                 Month history_from);

struct SavedPayRun {
  int payslips = 0;
  int lines = 0;
};

// Replaces the month's payslips and their lines by `payslips` (batch inserts) and stamps the
// month's pay_run_at. Inside the caller's transaction, after store::lock_month. An employee or a
// contract the database does not know: BadInput.
SavedPayRun save_pay_run(Database& db, Month month,
                         const std::vector<payroll::ComputedPayslip>& payslips);

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
