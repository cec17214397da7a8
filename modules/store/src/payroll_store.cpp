#include "gepaie/store/payroll_store.h"

#include <map>

#include "gepaie/core/error.h"
#include "gepaie/store/batch_insert.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using internal::employee_ids;
using internal::member_ids;

const char* kind_name(payroll::LineKind kind) {
  switch (kind) {
    case payroll::LineKind::Earning:
      return "earning";
    case payroll::LineKind::Contribution:
      return "contribution";
    case payroll::LineKind::Reduction:
      return "reduction";
    case payroll::LineKind::Adjustment:
      return "adjustment";
  }
  return "contribution";
}

// The number of each employee and the reference of each contract by database id.
std::map<int64_t, std::string> by_id(const std::map<std::string, int64_t>& ids) {
  std::map<int64_t, std::string> keys;
  for (const auto& [key, id] : ids) {
    keys.emplace(id, key);
  }
  return keys;
}

std::map<std::string, int64_t> contract_ids(Database& db) {
  return internal::ids_of(db, "SELECT id, reference FROM contracts", "reference");
}

int64_t id_of(const std::map<std::string, int64_t>& ids, const std::string& key, const char* what) {
  auto found = ids.find(key);
  if (found == ids.end()) {
    throw Error(ErrorKind::BadInput, std::string("unknown ") + what + " " + key);
  }
  return found->second;
}

}  // namespace

PayRunInputs load_pay_run_inputs(Database& db, Month month, payroll::PayWindow window,
                                 Month history_from) {
  PayRunInputs inputs;
  inputs.contracts = list_contracts(db);
  for (auto& employee : list_employees(db)) {
    std::string number = employee.number;
    inputs.employees.emplace(std::move(number), std::move(employee));
  }
  const auto number_of = by_id(employee_ids(db));
  const auto reference_of = by_id(contract_ids(db));

  // Approved hours worked per employee and day, over the window (all members together).
  {
    Rows rows = db.prepare(
                      "SELECT t.employee_id, w.work_date, SUM(w.duration_seconds) AS seconds "
                      "FROM work_entries w JOIN timesheets t ON t.id = w.timesheet_id "
                      "WHERE t.state = 'approved' AND w.work_date BETWEEN ? AND ? "
                      "GROUP BY t.employee_id, w.work_date")
                    .date(1, window.first)
                    .date(2, window.last)
                    .query();
    while (rows.next()) {
      inputs.worked[number_of.at(rows.integer("employee_id"))].push_back(
          {rows.date("work_date"), rows.hours("seconds")});
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, absence_date, kind, duration_seconds FROM "
                      "absence_entries WHERE absence_date BETWEEN ? AND ?")
                    .date(1, window.first)
                    .date(2, window.last)
                    .query();
    while (rows.next()) {
      const std::string kind = rows.text("kind");
      const auto parsed = payroll::absence_kind_from(kind);
      if (!parsed) {
        throw failure("unknown absence kind in the database: " + kind);
      }
      inputs.absences[number_of.at(rows.integer("employee_id"))].push_back(
          {rows.date("absence_date"), *parsed, rows.hours("duration_seconds")});
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, weekday, end_minute - start_minute AS minutes, "
                      "date_from, date_to FROM allocations WHERE date_from <= ? AND "
                      "(date_to IS NULL OR date_to >= ?)")
                    .date(1, window.last)
                    .date(2, window.first)
                    .query();
    while (rows.next()) {
      inputs.schedule[number_of.at(rows.integer("employee_id"))].push_back(
          {static_cast<int>(rows.integer("weekday")), Hours::from_minutes(rows.integer("minutes")),
           rows.date("date_from"), rows.optional_date("date_to")});
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, SUM(amount) AS amount FROM expenses "
                      "WHERE expense_date BETWEEN ? AND ? GROUP BY employee_id")
                    .date(1, month.first_day())
                    .date(2, month.last_day())
                    .query();
    while (rows.next()) {
      inputs.expenses[number_of.at(rows.integer("employee_id"))] = rows.money("amount");
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, month, leave_earned_cdays, leave_taken_cdays, "
                      "leave_reference_gross, ytd_gross, ytd_net_taxable, ytd_income_tax, "
                      "ytd_overtime_tax_exempt FROM payslips WHERE month >= ? AND month < ? "
                      "ORDER BY employee_id, month")
                    .text(1, history_from.str())
                    .text(2, month.str())
                    .query();
    while (rows.next()) {
      inputs.past_months[number_of.at(rows.integer("employee_id"))].push_back(
          {Month::parse(rows.text("month")),
           static_cast<int>(rows.integer("leave_earned_cdays")),
           static_cast<int>(rows.integer("leave_taken_cdays")),
           rows.money("leave_reference_gross"),
           {rows.money("ytd_gross"), rows.money("ytd_net_taxable"), rows.money("ytd_income_tax"),
            rows.money("ytd_overtime_tax_exempt")}});
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT contract_id, SUM(gross) AS gross FROM payslips WHERE month < ? "
                      "GROUP BY contract_id")
                    .text(1, month.str())
                    .query();
    while (rows.next()) {
      inputs.contract_gross[reference_of.at(rows.integer("contract_id"))] = rows.money("gross");
    }
  }
  return inputs;
}

SavedPayRun save_pay_run(Database& db, Month month,
                         const std::vector<payroll::ComputedPayslip>& computed) {
  const auto employee_id_of = employee_ids(db);
  const auto contract_id_of = contract_ids(db);
  SavedPayRun saved;
  // The new run replaces the month's previous one completely.
  db.prepare(
        "DELETE l FROM payslip_lines l JOIN payslips p ON p.id = l.payslip_id WHERE p.month = ?")
      .text(1, month.str())
      .execute();
  db.prepare("DELETE FROM payslips WHERE month = ?").text(1, month.str()).execute();
  BatchInsert payslips(
      db,
      "INSERT INTO payslips (month, employee_id, contract_id, weekly_seconds, monthly_base, "
      "hourly_rate, worked_seconds, overtime_first_seconds, overtime_second_seconds, "
      "extra_first_seconds, extra_second_seconds, unpaid_seconds, paid_leave_seconds, ceiling, "
      "gross, employee_contributions, employer_contributions, reductions, net_before_tax, "
      "net_taxable, net_social, income_tax, income_tax_rate_ppm, net_paid, employer_cost, "
      "overtime_tax_exempt, other_costs, total_cost, expenses, leave_earned_cdays, "
      "leave_taken_cdays, leave_reference_gross, leave_n1_remaining_cdays, leave_n_earned_cdays, "
      "leave_n_remaining_cdays, ytd_gross, ytd_net_taxable, ytd_income_tax, "
      "ytd_overtime_tax_exempt)",
      39, 400);
  std::vector<int64_t> employee_id_at;  // of each computed payslip
  employee_id_at.reserve(computed.size());
  for (const auto& c : computed) {
    const int64_t employee_id = id_of(employee_id_of, c.employee_number, "employee");
    employee_id_at.push_back(employee_id);
    const auto& r = c.result;
    const auto& t = r.payslip.totals;
    const auto& e = r.elements;
    payslips.text(month.str()).integer(employee_id);
    payslips.integer(id_of(contract_id_of, c.contract_reference, "contract"));
    payslips.hours(c.weekly_hours);
    payslips.money(r.monthly_base).money(r.hourly_rate).hours(r.worked);
    payslips.hours(e.overtime_first).hours(e.overtime_second);
    payslips.hours(e.extra_first).hours(e.extra_second);
    payslips.hours(e.unpaid_absence).hours(e.paid_leave);
    payslips.money(r.payslip.ceiling).money(t.gross).money(t.employee_contributions);
    payslips.money(t.employer_contributions).money(t.reductions).money(t.net_before_tax);
    payslips.money(t.net_taxable).money(t.net_social).money(t.income_tax);
    payslips.integer(e.income_tax_rate.ppm()).money(t.net_paid).money(t.employer_cost);
    payslips.money(t.overtime_tax_exempt).money(r.other_costs.total()).money(r.total_cost());
    payslips.money(r.expenses).integer(r.leave.earned).integer(r.leave.taken);
    payslips.money(r.leave.reference_gross);
    payslips.integer(c.balances.n1_remaining)
        .integer(c.balances.n_earned)
        .integer(c.balances.n_remaining);
    payslips.money(r.year_to_date.gross);
    payslips.money(r.year_to_date.net_taxable).money(r.year_to_date.income_tax);
    payslips.money(r.year_to_date.overtime_tax_exempt);
  }
  payslips.flush();
  saved.payslips = static_cast<int>(computed.size());
  std::map<int64_t, int64_t> payslip_ids;  // employee id → payslip id
  {
    Rows rows = db.prepare("SELECT id, employee_id FROM payslips WHERE month = ?")
                    .text(1, month.str())
                    .query();
    while (rows.next()) {
      payslip_ids[rows.integer("employee_id")] = rows.integer("id");
    }
  }
  BatchInsert lines(db,
                    "INSERT INTO payslip_lines (payslip_id, position, code, label, kind, "
                    "line_group, seconds, base, employee_rate_ppm, employee_amount, "
                    "employer_rate_ppm, employer_amount)",
                    12, 2000);
  for (size_t i = 0; i < computed.size(); ++i) {
    const int64_t payslip_id = payslip_ids.at(employee_id_at[i]);
    int position = 0;
    for (const auto& line : computed[i].result.payslip.lines) {
      lines.integer(payslip_id).integer(++position);
      lines.text(std::string(line.code)).text(std::string(line.label)).text(kind_name(line.kind));
      lines.text(payroll::to_string(line.group)).hours(line.hours).money(line.base);
      lines.optional_integer(line.employee_rate ? std::optional<int64_t>(line.employee_rate->ppm())
                                                : std::nullopt);
      lines.money(line.employee_amount);
      lines.optional_integer(line.employer_rate ? std::optional<int64_t>(line.employer_rate->ppm())
                                                : std::nullopt);
      lines.money(line.employer_amount);
    }
  }
  lines.flush();
  saved.lines = static_cast<int>(lines.rows_written());
  db.prepare("UPDATE periods SET pay_run_at = CURRENT_TIMESTAMP WHERE month = ?")
      .text(1, month.str())
      .execute();
  return saved;
}

std::vector<StoredPayslip> load_payslips(Database& db, Month month,
                                         const std::optional<std::string>& employee,
                                         bool with_lines) {
  std::vector<StoredPayslip> payslips;
  Rows rows = db.prepare(
                    "SELECT p.*, e.number, e.first_name, e.last_name, c.reference "
                    "FROM payslips p JOIN employees e ON e.id = p.employee_id "
                    "JOIN contracts c ON c.id = p.contract_id "
                    "WHERE p.month = ? AND (? = '' OR e.number = ?) ORDER BY e.number")
                  .text(1, month.str())
                  .text(2, employee.value_or(""))
                  .text(3, employee.value_or(""))
                  .query();
  auto hours = [&rows](const char* column) { return rows.hours(column); };
  while (rows.next()) {
    StoredPayslip p;
    p.id = rows.integer("id");
    p.month = month;
    p.employee_number = rows.text("number");
    p.employee_name = rows.text("first_name") + " " + rows.text("last_name");
    p.contract_reference = rows.text("reference");
    p.weekly_hours = hours("weekly_seconds");
    p.monthly_base = rows.money("monthly_base");
    p.hourly_rate = rows.money("hourly_rate");
    p.worked = hours("worked_seconds");
    p.overtime_first = hours("overtime_first_seconds");
    p.overtime_second = hours("overtime_second_seconds");
    p.extra_first = hours("extra_first_seconds");
    p.extra_second = hours("extra_second_seconds");
    p.unpaid = hours("unpaid_seconds");
    p.paid_leave = hours("paid_leave_seconds");
    p.ceiling = rows.money("ceiling");
    auto& t = p.totals;
    t.gross = rows.money("gross");
    t.employee_contributions = rows.money("employee_contributions");
    t.employer_contributions = rows.money("employer_contributions");
    t.reductions = rows.money("reductions");
    t.net_before_tax = rows.money("net_before_tax");
    t.net_taxable = rows.money("net_taxable");
    t.net_social = rows.money("net_social");
    t.income_tax = rows.money("income_tax");
    t.net_paid = rows.money("net_paid");
    t.employer_cost = rows.money("employer_cost");
    t.overtime_tax_exempt = rows.money("overtime_tax_exempt");
    p.income_tax_rate = Rate::from_ppm(rows.integer("income_tax_rate_ppm"));
    p.other_costs = rows.money("other_costs");
    p.total_cost = rows.money("total_cost");
    p.expenses = rows.money("expenses");
    p.leave_earned = static_cast<int>(rows.integer("leave_earned_cdays"));
    p.leave_taken = static_cast<int>(rows.integer("leave_taken_cdays"));
    p.leave_reference_gross = rows.money("leave_reference_gross");
    p.leave_n1_remaining = static_cast<int>(rows.integer("leave_n1_remaining_cdays"));
    p.leave_n_earned = static_cast<int>(rows.integer("leave_n_earned_cdays"));
    p.leave_n_remaining = static_cast<int>(rows.integer("leave_n_remaining_cdays"));
    p.year_to_date = {rows.money("ytd_gross"), rows.money("ytd_net_taxable"),
                      rows.money("ytd_income_tax"), rows.money("ytd_overtime_tax_exempt")};
    payslips.push_back(std::move(p));
  }
  if (with_lines) {
    for (auto& p : payslips) {
      Rows lines = db.prepare("SELECT * FROM payslip_lines WHERE payslip_id = ? ORDER BY position")
                       .integer(1, p.id)
                       .query();
      while (lines.next()) {
        auto rate = [&lines](const char* column) {
          return lines.is_null(column) ? std::nullopt
                                       : std::optional<Rate>(Rate::from_ppm(lines.integer(column)));
        };
        p.lines.push_back({lines.text("code"), lines.text("label"), lines.text("kind"),
                           lines.text("line_group"), lines.hours("seconds"), lines.money("base"),
                           rate("employee_rate_ppm"), lines.money("employee_amount"),
                           rate("employer_rate_ppm"), lines.money("employer_amount")});
      }
    }
  }
  return payslips;
}

int64_t add_expense(Database& db, const Expense& expense) {
  if (expense.amount.cents() <= 0) {
    throw Error(ErrorKind::BadInput, "an expense must be a positive amount");
  }
  if (expense.label.empty()) {
    throw Error(ErrorKind::BadInput, "an expense needs a label (what it was for)");
  }
  prepare_month(db, expense.day.month_of());
  Transaction transaction(db);
  ensure_month_open(db, expense.day.month_of(), "adding an expense");
  const auto employees = employee_ids(db);
  const auto members = member_ids(db);
  if (!employees.contains(expense.employee_number)) {
    throw Error(ErrorKind::BadInput, "unknown employee " + expense.employee_number);
  }
  if (!members.contains(expense.member_siret)) {
    throw Error(ErrorKind::BadInput, "unknown member " + expense.member_siret);
  }
  db.prepare(
        "INSERT INTO expenses (employee_id, member_id, expense_date, amount, label) "
        "VALUES (?, ?, ?, ?, ?)")
      .integer(1, employees.at(expense.employee_number))
      .integer(2, members.at(expense.member_siret))
      .date(3, expense.day)
      .money(4, expense.amount)
      .text(5, expense.label)
      .execute();
  const int64_t id = db.last_insert_id();
  transaction.commit();
  return id;
}

std::vector<Expense> list_expenses(Database& db, Month month) {
  std::vector<Expense> expenses;
  Rows rows = db.prepare(
                    "SELECT x.id, e.number, m.siret, x.expense_date, x.amount, x.label "
                    "FROM expenses x JOIN employees e ON e.id = x.employee_id "
                    "JOIN members m ON m.id = x.member_id "
                    "WHERE x.expense_date BETWEEN ? AND ? ORDER BY x.expense_date, x.id")
                  .date(1, month.first_day())
                  .date(2, month.last_day())
                  .query();
  while (rows.next()) {
    expenses.push_back({rows.integer("id"), rows.text("number"), rows.text("siret"),
                        rows.date("expense_date"), rows.money("amount"), rows.text("label")});
  }
  return expenses;
}

}  // namespace gepaie::store
