#include "gepaie/payroll/month_inputs.h"

#include <algorithm>
#include <map>
#include <utility>

#include "gepaie/core/error.h"

namespace gepaie::payroll {
namespace {

size_t index_in(PayWindow window, Date day, const char* what) {
  if (!window.contains(day)) {
    throw bad_input(std::string(what) + " on " + day.str() + " is outside the pay window " +
                    window.first.str() + " – " + window.last.str());
  }
  return static_cast<size_t>(day.days() - window.first.days());
}

}  // namespace

std::vector<registry::Contract> contracts_paid_in(const std::vector<registry::Contract>& contracts,
                                                  Month month) {
  std::map<std::string, const registry::Contract*> chosen;
  for (const auto& contract : contracts) {
    if (contract.start > month.last_day() || (contract.end && *contract.end < month.first_day())) {
      continue;
    }
    auto [found, inserted] = chosen.try_emplace(contract.employee_number, &contract);
    if (!inserted && found->second->start < contract.start) {
      found->second = &contract;
    }
  }
  std::vector<registry::Contract> paid;
  paid.reserve(chosen.size());
  for (const auto& [number, contract] : chosen) {
    paid.push_back(*contract);
  }
  return paid;
}

int effective_headcount(std::optional<int> configured, size_t contracts_paid) {
  return configured.value_or(static_cast<int>(contracts_paid));
}

PayWindow pay_window(Month month) {
  const Date first = month.first_day();
  return {first.plus_days(1 - first.weekday()), month.last_day()};
}

Month history_start(Month month, int leave_period_first_month) {
  const Month january = *Month::from_ym(month.year(), 1);
  const auto start = Month::from_ym(leave_reference_year(month, leave_period_first_month) - 1,
                                    leave_period_first_month);
  return start ? std::min(*start, january) : january;
}

EmployeeHistory employee_history(const std::vector<PastMonth>& months, Month month,
                                 int leave_period_first_month) {
  EmployeeHistory result;
  const int year = leave_reference_year(month, leave_period_first_month);
  int taken_now = 0;
  std::optional<Month> latest_of_year;
  for (const auto& past : months) {
    if (past.month >= month) {
      continue;
    }
    const int period = leave_reference_year(past.month, leave_period_first_month);
    if (period == year - 1) {
      result.leave.previous_earned += past.leave_earned;
      result.leave.previous_gross += past.leave_reference_gross;
    } else if (period == year) {
      result.leave.current_earned += past.leave_earned;
      result.leave.current_gross += past.leave_reference_gross;
      taken_now += past.leave_taken;
    }
    if (past.month.year() == month.year() && (!latest_of_year || *latest_of_year < past.month)) {
      latest_of_year = past.month;
      result.year_to_date = past.year_to_date;  // the latest month of the year so far
    }
  }
  result.leave.previous_taken = std::min(taken_now, result.leave.previous_earned);
  result.leave.current_taken = taken_now - result.leave.previous_taken;
  return result;
}

LeaveBalances leave_balances_after(const LeaveCounters& before, const LeaveMonth& month) {
  const int taken = before.previous_taken + before.current_taken + month.taken;
  LeaveBalances balances;
  balances.n1_remaining = std::max(0, before.previous_earned - taken);
  balances.n_earned = before.current_earned + month.earned;
  balances.n_remaining = balances.n_earned - std::max(0, taken - before.previous_earned);
  // The days compensated at exit come out of N-1 first, like leave taken.
  const int from_n1 = std::min(balances.n1_remaining, month.remaining_at_exit);
  balances.n1_remaining -= from_n1;
  balances.n_remaining -= month.remaining_at_exit - from_n1;
  return balances;
}

Hours expected_hours(const std::vector<ScheduleSlot>& slots, Date day) {
  Hours expected;
  for (const ScheduleSlot& slot : slots) {
    if (slot.covers(day)) {
      expected += slot.duration;
    }
  }
  return expected;
}

std::vector<DayRecord> month_days(const registry::Contract& contract, PayWindow window,
                                  const std::vector<ScheduleSlot>& slots,
                                  const std::vector<WorkedDay>& worked,
                                  const std::vector<Absence>& absences,
                                  std::span<const Date> public_holidays) {
  std::vector<DayRecord> days(window.days());
  std::vector<bool> holiday(days.size());
  for (Date day : public_holidays) {
    if (window.contains(day)) {
      holiday[static_cast<size_t>(day.days() - window.first.days())] = true;
    }
  }
  for (size_t i = 0; i < days.size(); ++i) {
    DayRecord& record = days[i];
    record.day = window.first.plus_days(static_cast<int64_t>(i));
    if (!holiday[i] && contract.active_on(record.day)) {
      record.expected = expected_hours(slots, record.day);
    }
  }
  for (const WorkedDay& day : worked) {
    days[index_in(window, day.day, "work")].worked += day.hours;
  }
  for (const Absence& absence : absences) {
    DayRecord& record = days[index_in(window, absence.day, "an absence")];
    switch (absence.kind) {
      case AbsenceKind::PaidLeave:
        record.paid_leave += absence.hours;
        break;
      case AbsenceKind::Sickness:
        record.sickness += absence.hours;
        break;
      case AbsenceKind::UnpaidLeave:
        record.unpaid_leave += absence.hours;
        break;
      case AbsenceKind::Training:
        record.training += absence.hours;
        break;
      case AbsenceKind::PublicHoliday:
        record.public_holiday += absence.hours;
        break;
    }
  }
  return days;
}

registry::ContractTerms terms_paid(const registry::Contract& contract, Month month) {
  const Date last = month.last_day();
  return contract.terms_at(std::min(last, contract.end.value_or(last)));
}

PayRunTotals totals_of(const std::vector<ComputedPayslip>& payslips) {
  PayRunTotals totals;
  for (const auto& payslip : payslips) {
    const PayRunResult& r = payslip.result;
    totals.gross += r.payslip.totals.gross;
    totals.net_paid += r.payslip.totals.net_paid;
    totals.employer_cost += r.payslip.totals.employer_cost;
    totals.total_cost += r.total_cost();
    totals.expenses += r.expenses;
  }
  return totals;
}

}  // namespace gepaie::payroll
