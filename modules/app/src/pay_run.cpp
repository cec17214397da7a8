#include "pay_run.h"

#include <chrono>
#include <string>
#include <vector>

#include "gepaie/config/agreement_file.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/minimum_pay.h"
#include "gepaie/payroll/month_inputs.h"
#include "gepaie/payroll/pay_run.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/periods.h"

namespace gepaie::app::internal {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The value under `key`, or `fallback` when there is none.
template <typename Map>
const typename Map::mapped_type& find_or(const Map& map, const std::string& key,
                                         const typename Map::mapped_type& fallback) {
  auto found = map.find(key);
  return found == map.end() ? fallback : found->second;
}

std::vector<Date> public_holidays_in(payroll::PayWindow window) {
  std::vector<Date> holidays;
  for (Date day = window.first; day <= window.last; day = day.plus_days(1)) {
    if (staffing::is_public_holiday(day)) {
      holidays.push_back(day);
    }
  }
  return holidays;
}

}  // namespace

PayRunReport compute_and_store_pay_run(store::Database& db, const payroll::RateBook& rates,
                                       const config::Settings& ge_settings, Month month) {
  const config::PayrollSettings& settings = ge_settings.payroll;
  const std::optional<payroll::AgreementGrid> grid =
      config::load_agreement_grid(ge_settings.agreements_dir, ge_settings.ge.idcc);
  PayRunReport report;
  report.month = month;
  store::lock_month(db, month, "a new pay run");
  store::ensure_paid_in_order(db, month, false);
  const auto read_start = Clock::now();
  const payroll::RateSet* rate_set = rates.at(month.first_day());
  if (rate_set == nullptr) {
    throw bad_input("no rates file covers " + month.str());
  }
  const payroll::PayWindow window = payroll::pay_window(month);
  const int leave_start = rate_set->constants.paid_leave_period_first_month;
  const store::PayRunInputs inputs =
      store::load_pay_run_inputs(db, month, window, payroll::history_start(month, leave_start));
  report.read_seconds = seconds_since(read_start);

  const auto compute_start = Clock::now();
  const std::vector<registry::Contract> contracts =
      payroll::contracts_paid_in(inputs.contracts, month);
  payroll::EmployerSettings employer = settings.employer;
  employer.headcount = payroll::effective_headcount(settings.headcount, contracts.size());
  report.headcount = employer.headcount;
  const std::vector<Date> holidays = public_holidays_in(window);
  static const std::vector<payroll::PastMonth> no_history;
  static const std::vector<payroll::ScheduleSlot> no_slots;
  static const std::vector<payroll::WorkedDay> no_work;
  static const std::vector<payroll::Absence> no_absences;
  std::vector<payroll::ComputedPayslip> computed;
  computed.reserve(contracts.size());
  std::vector<std::string> below_minimum;
  for (const registry::Contract& contract : contracts) {
    const std::string& number = contract.employee_number;
    const registry::ContractTerms terms = payroll::terms_paid(contract, month);
    const payroll::AgreementGrid* contract_grid =
        grid && grid->idcc == contract.idcc ? &*grid : nullptr;
    if (auto problem = payroll::minimum_pay_problem(*rate_set, month, terms, contract_grid)) {
      below_minimum.push_back(number + " (" + contract.reference + "): " + *problem);
      continue;
    }
    try {
      payroll::PayRunInput input;
      input.month = month;
      input.contract = contract;
      if (auto found = inputs.employees.find(number); found != inputs.employees.end()) {
        input.benefits = found->second.benefits;
      }
      input.history = payroll::employee_history(find_or(inputs.past_months, number, no_history),
                                                month, leave_start);
      input.history.contract_gross = find_or(inputs.contract_gross, contract.reference, Money());
      input.expenses = find_or(inputs.expenses, number, Money());
      input.days = payroll::month_days(contract, window, find_or(inputs.schedule, number, no_slots),
                                       find_or(inputs.worked, number, no_work),
                                       find_or(inputs.absences, number, no_absences), holidays);
      payroll::PayRunResult result =
          payroll::run_pay(*rate_set, employer, settings.benefits, input);
      const payroll::LeaveBalances balances =
          payroll::leave_balances_after(input.history.leave, result.leave);
      computed.push_back(
          {number, contract.reference, terms.weekly_hours, balances, std::move(result)});
    } catch (const Error& e) {
      throw Error(e.kind(), number + " (" + contract.reference + "): " + e.what());
    }
  }
  if (!below_minimum.empty()) {
    std::string listed;
    for (const std::string& line : below_minimum) {
      listed += "\n  " + line;
    }
    throw bad_input(std::to_string(below_minimum.size()) +
                    " contract(s) paid below the minimum in " + month.str() +
                    "; nothing was computed: amend the pay first" + listed);
  }
  const payroll::PayRunTotals totals = payroll::totals_of(computed);
  report.gross = totals.gross;
  report.net_paid = totals.net_paid;
  report.employer_cost = totals.employer_cost;
  report.total_cost = totals.total_cost;
  report.expenses = totals.expenses;
  report.compute_seconds = seconds_since(compute_start);

  const auto write_start = Clock::now();
  const store::SavedPayRun saved = store::save_pay_run(db, month, computed);
  report.payslips = saved.payslips;
  report.lines = saved.lines;
  report.write_seconds = seconds_since(write_start);
  return report;
}

}  // namespace gepaie::app::internal
