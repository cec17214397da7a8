#include "gepaie/store/payroll_store.h"

#include <chrono>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/store/batch_insert.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using internal::Clock;
using internal::employee_ids;
using internal::member_ids;
using internal::seconds_since;

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

// The contract of each employee that the month's payslip is for: among the contracts active in
// the month, the one that starts last (a new contract taking over from one ending this month).
std::map<std::string, registry::Contract> contracts_of_month(Database& db, Month month) {
  std::map<std::string, registry::Contract> chosen;
  for (auto& contract : list_contracts(db)) {
    if (contract.start > month.last_day() || (contract.end && *contract.end < month.first_day())) {
      continue;
    }
    auto found = chosen.find(contract.employee_number);
    if (found == chosen.end() || found->second.start < contract.start) {
      chosen[contract.employee_number] = std::move(contract);
    }
  }
  return chosen;
}

struct History {
  struct MonthFigures {
    Month month;
    Money gross;
    int leave_earned = 0;
    int leave_taken = 0;
    Money leave_gross;
    payroll::YearToDate ytd;
  };
  std::map<int64_t, std::vector<MonthFigures>> by_employee;  // month order
  std::map<int64_t, Money> contract_gross;
};

History load_history(Database& db, Month month) {
  History history;
  const int year = payroll::leave_reference_year(month);
  const Month from = *Month::from_ym(year - 1, 6);
  Rows rows = db.prepare(
                    "SELECT employee_id, month, gross, leave_earned_cdays, leave_taken_cdays, "
                    "leave_reference_gross, ytd_gross, ytd_net_taxable, ytd_income_tax, "
                    "ytd_overtime_tax_exempt FROM payslips WHERE month >= ? AND month < ? "
                    "ORDER BY employee_id, month")
                  .text(1, std::min(from, *Month::from_ym(month.year(), 1)).str())
                  .text(2, month.str())
                  .query();
  while (rows.next()) {
    History::MonthFigures figures{
        Month::parse(rows.text("month")),
        rows.money("gross"),
        static_cast<int>(rows.integer("leave_earned_cdays")),
        static_cast<int>(rows.integer("leave_taken_cdays")),
        rows.money("leave_reference_gross"),
        {rows.money("ytd_gross"), rows.money("ytd_net_taxable"), rows.money("ytd_income_tax"),
         rows.money("ytd_overtime_tax_exempt")}};
    history.by_employee[rows.integer("employee_id")].push_back(figures);
  }
  Rows gross = db.prepare(
                     "SELECT contract_id, SUM(gross) AS gross FROM payslips WHERE month < ? "
                     "GROUP BY contract_id")
                   .text(1, month.str())
                   .query();
  while (gross.next()) {
    history.contract_gross[gross.integer("contract_id")] = gross.money("gross");
  }
  return history;
}

// Leave counters and year-to-date figures from the payslips before `month`. Leave taken in the
// current period comes out of the N-1 balance first; leave taken during N-1 came out of N-2's.
payroll::EmployeeHistory history_of(const std::vector<History::MonthFigures>& months, Month month) {
  payroll::EmployeeHistory result;
  const int year = payroll::leave_reference_year(month);
  int taken_now = 0;
  for (const auto& figures : months) {
    const int period = payroll::leave_reference_year(figures.month);
    if (period == year - 1) {
      result.leave.previous_earned += figures.leave_earned;
      result.leave.previous_gross += figures.leave_gross;
    } else if (period == year) {
      result.leave.current_earned += figures.leave_earned;
      result.leave.current_gross += figures.leave_gross;
      taken_now += figures.leave_taken;
    }
    if (figures.month.year() == month.year()) {
      result.year_to_date = figures.ytd;  // the latest month of the year so far
    }
  }
  result.leave.previous_taken = std::min(taken_now, result.leave.previous_earned);
  result.leave.current_taken = taken_now - result.leave.previous_taken;
  return result;
}

// Paid-leave balances after the month, in hundredths of a day: leave taken comes out of the N-1
// period first, then out of the current one.
struct LeaveBalances {
  int n1_remaining = 0;
  int n_earned = 0;
  int n_remaining = 0;
};

LeaveBalances balances_after(const payroll::LeaveCounters& before,
                             const payroll::LeaveMonth& month) {
  const int taken = before.previous_taken + before.current_taken + month.taken;
  LeaveBalances balances;
  balances.n1_remaining = std::max(0, before.previous_earned - taken);
  balances.n_earned = before.current_earned + month.earned;
  balances.n_remaining =
      balances.n_earned - std::max(0, taken - before.previous_earned) - month.remaining_at_exit;
  return balances;
}

struct Slot {
  int weekday;
  int minutes;
  Date from;
  std::optional<Date> to;
};

}  // namespace

PayRunReport run_payroll(Database& db, const payroll::RateBook& rates,
                         const config::PayrollSettings& settings, Month month) {
  PayRunReport report;
  report.month = month;
  lock_month(db, month, "a new pay run");
  ensure_paid_in_order(db, month, false);
  const auto read_start = Clock::now();
  const payroll::RateSet* rate_set = rates.at(month.first_day());
  if (rate_set == nullptr) {
    throw Error(ErrorKind::BadInput, "no rates file covers " + month.str());
  }
  const Date window_start = month.first_day().plus_days(1 - month.first_day().weekday());
  const Date last = month.last_day();

  const auto contracts = contracts_of_month(db, month);
  const auto contract_ids =
      internal::ids_of(db, "SELECT id, reference FROM contracts", "reference");
  const auto employee_id_of = employee_ids(db);
  std::map<std::string, registry::Employee> employees;
  for (auto& employee : list_employees(db)) {
    employees[employee.number] = std::move(employee);
  }

  // Approved hours worked per employee and day, over the window (all members together).
  std::map<int64_t, std::map<int64_t, int64_t>> worked;  // employee id → day → minutes
  {
    Rows rows = db.prepare(
                      "SELECT t.employee_id, w.work_date, SUM(w.duration_minutes) AS minutes "
                      "FROM work_entries w JOIN timesheets t ON t.id = w.timesheet_id "
                      "WHERE t.state = 'approved' AND w.work_date BETWEEN ? AND ? "
                      "GROUP BY t.employee_id, w.work_date")
                    .date(1, window_start)
                    .date(2, last)
                    .query();
    while (rows.next()) {
      worked[rows.integer("employee_id")][rows.date("work_date").days()] = rows.integer("minutes");
    }
  }
  struct Absence {
    Date day;
    std::string kind;
    int64_t minutes;
  };
  std::map<int64_t, std::vector<Absence>> absences;
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, absence_date, kind, duration_minutes FROM "
                      "absence_entries WHERE absence_date BETWEEN ? AND ?")
                    .date(1, window_start)
                    .date(2, last)
                    .query();
    while (rows.next()) {
      absences[rows.integer("employee_id")].push_back(
          {rows.date("absence_date"), rows.text("kind"), rows.integer("duration_minutes")});
    }
  }
  std::map<int64_t, std::vector<Slot>> schedule;
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, weekday, end_minute - start_minute AS minutes, "
                      "date_from, date_to FROM allocations WHERE date_from <= ? AND "
                      "(date_to IS NULL OR date_to >= ?)")
                    .date(1, last)
                    .date(2, window_start)
                    .query();
    while (rows.next()) {
      schedule[rows.integer("employee_id")].push_back(
          {static_cast<int>(rows.integer("weekday")), static_cast<int>(rows.integer("minutes")),
           rows.date("date_from"), rows.optional_date("date_to")});
    }
  }
  std::map<int64_t, Money> expenses;
  {
    Rows rows = db.prepare(
                      "SELECT employee_id, SUM(amount) AS amount FROM expenses "
                      "WHERE expense_date BETWEEN ? AND ? GROUP BY employee_id")
                    .date(1, month.first_day())
                    .date(2, last)
                    .query();
    while (rows.next()) {
      expenses[rows.integer("employee_id")] = rows.money("amount");
    }
  }
  const History history = load_history(db, month);
  report.read_seconds = seconds_since(read_start);

  // Compute.
  const auto compute_start = Clock::now();
  payroll::EmployerSettings employer = settings.employer;
  employer.headcount = settings.headcount.value_or(static_cast<int>(contracts.size()));
  report.headcount = employer.headcount;
  std::vector<bool> holiday(static_cast<size_t>(last.days() - window_start.days() + 1));
  for (Date day = window_start; day <= last; day = day.plus_days(1)) {
    holiday[day.days() - window_start.days()] = staffing::is_public_holiday(day);
  }
  struct Computed {
    int64_t employee_id;
    int64_t contract_id;
    Hours weekly;
    payroll::LeaveCounters leave;  // before this month
    payroll::PayRunResult result;
  };
  std::vector<Computed> computed;
  computed.reserve(contracts.size());
  static const std::vector<History::MonthFigures> no_history;
  static const std::vector<Slot> no_slots;
  static const std::vector<Absence> no_absences;
  for (const auto& [number, contract] : contracts) {
    const int64_t employee_id = employee_id_of.at(number);
    payroll::PayRunInput input;
    input.month = month;
    input.contract = contract;
    if (auto found = employees.find(number); found != employees.end()) {
      input.benefits = found->second.benefits;
    }
    auto past = history.by_employee.find(employee_id);
    input.history =
        history_of(past == history.by_employee.end() ? no_history : past->second, month);
    const int64_t contract_id = contract_ids.at(contract.reference);
    if (auto gross = history.contract_gross.find(contract_id);
        gross != history.contract_gross.end()) {
      input.history.contract_gross = gross->second;
    }
    if (auto found = expenses.find(employee_id); found != expenses.end()) {
      input.expenses = found->second;
    }
    auto slots = schedule.find(employee_id);
    auto work = worked.find(employee_id);
    auto away = absences.find(employee_id);
    const auto& employee_slots = slots == schedule.end() ? no_slots : slots->second;
    input.days.reserve(holiday.size());
    for (Date day = window_start; day <= last; day = day.plus_days(1)) {
      payroll::DayRecord record;
      record.day = day;
      if (!holiday[day.days() - window_start.days()] && contract.active_on(day)) {
        int64_t expected = 0;
        for (const Slot& slot : employee_slots) {
          if (slot.weekday == day.weekday() && slot.from <= day && (!slot.to || day <= *slot.to)) {
            expected += slot.minutes;
          }
        }
        record.expected = Hours::from_minutes(expected);
      }
      if (work != worked.end()) {
        if (auto minutes = work->second.find(day.days()); minutes != work->second.end()) {
          record.worked = Hours::from_minutes(minutes->second);
        }
      }
      input.days.push_back(record);
    }
    for (const Absence& absence : away == absences.end() ? no_absences : away->second) {
      auto& record = input.days[absence.day.days() - window_start.days()];
      const Hours hours = Hours::from_minutes(absence.minutes);
      if (absence.kind == "paid_leave") {
        record.paid_leave += hours;
      } else if (absence.kind == "sickness") {
        record.sickness += hours;
      } else if (absence.kind == "unpaid_leave") {
        record.unpaid_leave += hours;
      } else if (absence.kind == "training") {
        record.training += hours;
      } else {
        record.public_holiday += hours;
      }
    }
    try {
      const Date terms_day = std::min(last, contract.end.value_or(last));
      computed.push_back({employee_id, contract_id, contract.terms_at(terms_day).weekly_hours,
                          input.history.leave,
                          payroll::run_pay(*rate_set, employer, settings.benefits, input)});
    } catch (const Error& e) {
      throw Error(e.kind(), number + " (" + contract.reference + "): " + e.what());
    }
  }
  report.compute_seconds = seconds_since(compute_start);

  // Write: the new run replaces the month's previous one completely.
  const auto write_start = Clock::now();
  db.prepare(
        "DELETE l FROM payslip_lines l JOIN payslips p ON p.id = l.payslip_id WHERE p.month = ?")
      .text(1, month.str())
      .execute();
  db.prepare("DELETE FROM payslips WHERE month = ?").text(1, month.str()).execute();
  BatchInsert payslips(
      db,
      "INSERT INTO payslips (month, employee_id, contract_id, weekly_minutes, monthly_base, "
      "hourly_rate, worked_minutes, overtime_first_minutes, overtime_second_minutes, "
      "extra_first_minutes, extra_second_minutes, unpaid_minutes, paid_leave_minutes, ceiling, "
      "gross, employee_contributions, employer_contributions, reductions, net_before_tax, "
      "net_taxable, net_social, income_tax, income_tax_rate_ppm, net_paid, employer_cost, "
      "overtime_tax_exempt, other_costs, total_cost, expenses, leave_earned_cdays, "
      "leave_taken_cdays, leave_reference_gross, leave_n1_remaining_cdays, leave_n_earned_cdays, "
      "leave_n_remaining_cdays, ytd_gross, ytd_net_taxable, ytd_income_tax, "
      "ytd_overtime_tax_exempt)",
      39, 400);
  for (const auto& [employee_id, contract_id, weekly, leave, r] : computed) {
    const auto& t = r.payslip.totals;
    const auto& e = r.elements;
    payslips.text(month.str()).integer(employee_id).integer(contract_id);
    payslips.integer(weekly.minutes());
    payslips.money(r.monthly_base).money(r.hourly_rate).integer(r.worked.minutes());
    payslips.integer(e.overtime_first.minutes()).integer(e.overtime_second.minutes());
    payslips.integer(e.extra_first.minutes()).integer(e.extra_second.minutes());
    payslips.integer(e.unpaid_absence.minutes()).integer(e.paid_leave.minutes());
    payslips.money(r.payslip.ceiling).money(t.gross).money(t.employee_contributions);
    payslips.money(t.employer_contributions).money(t.reductions).money(t.net_before_tax);
    payslips.money(t.net_taxable).money(t.net_social).money(t.income_tax);
    payslips.integer(e.income_tax_rate.ppm()).money(t.net_paid).money(t.employer_cost);
    payslips.money(t.overtime_tax_exempt).money(r.other_costs.total()).money(r.total_cost());
    payslips.money(r.expenses).integer(r.leave.earned).integer(r.leave.taken);
    payslips.money(r.leave.reference_gross);
    const LeaveBalances balances = balances_after(leave, r.leave);
    payslips.integer(balances.n1_remaining)
        .integer(balances.n_earned)
        .integer(balances.n_remaining);
    payslips.money(r.year_to_date.gross);
    payslips.money(r.year_to_date.net_taxable).money(r.year_to_date.income_tax);
    payslips.money(r.year_to_date.overtime_tax_exempt);
    report.gross += t.gross;
    report.net_paid += t.net_paid;
    report.employer_cost += t.employer_cost;
    report.total_cost += r.total_cost();
    report.expenses += r.expenses;
  }
  payslips.flush();
  report.payslips = static_cast<int>(computed.size());
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
                    "line_group, minutes, base, employee_rate_ppm, employee_amount, "
                    "employer_rate_ppm, employer_amount)",
                    12, 2000);
  for (const auto& [employee_id, contract_id, weekly, leave, r] : computed) {
    const int64_t payslip_id = payslip_ids.at(employee_id);
    int position = 0;
    for (const auto& line : r.payslip.lines) {
      lines.integer(payslip_id).integer(++position);
      lines.text(std::string(line.code)).text(std::string(line.label)).text(kind_name(line.kind));
      lines.text(payroll::to_string(line.group)).integer(line.hours.minutes()).money(line.base);
      lines.optional_integer(line.employee_rate ? std::optional<int64_t>(line.employee_rate->ppm())
                                                : std::nullopt);
      lines.money(line.employee_amount);
      lines.optional_integer(line.employer_rate ? std::optional<int64_t>(line.employer_rate->ppm())
                                                : std::nullopt);
      lines.money(line.employer_amount);
    }
  }
  lines.flush();
  report.lines = static_cast<int>(lines.rows_written());
  db.prepare("UPDATE periods SET pay_run_at = CURRENT_TIMESTAMP WHERE month = ?")
      .text(1, month.str())
      .execute();
  report.write_seconds = seconds_since(write_start);
  return report;
}

PayRunReport run_payroll_alone(Database& db, const payroll::RateBook& rates,
                               const config::PayrollSettings& settings, Month month) {
  prepare_month(db, month);
  Transaction transaction(db);
  PayRunReport report = run_payroll(db, rates, settings, month);
  transaction.commit();
  return report;
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
  auto hours = [&rows](const char* column) { return Hours::from_minutes(rows.integer(column)); };
  while (rows.next()) {
    StoredPayslip p;
    p.id = rows.integer("id");
    p.month = month;
    p.employee_number = rows.text("number");
    p.employee_name = rows.text("first_name") + " " + rows.text("last_name");
    p.contract_reference = rows.text("reference");
    p.weekly_hours = hours("weekly_minutes");
    p.monthly_base = rows.money("monthly_base");
    p.hourly_rate = rows.money("hourly_rate");
    p.worked = hours("worked_minutes");
    p.overtime_first = hours("overtime_first_minutes");
    p.overtime_second = hours("overtime_second_minutes");
    p.extra_first = hours("extra_first_minutes");
    p.extra_second = hours("extra_second_minutes");
    p.unpaid = hours("unpaid_minutes");
    p.paid_leave = hours("paid_leave_minutes");
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
                           lines.text("line_group"), Hours::from_minutes(lines.integer("minutes")),
                           lines.money("base"), rate("employee_rate_ppm"),
                           lines.money("employee_amount"), rate("employer_rate_ppm"),
                           lines.money("employer_amount")});
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
