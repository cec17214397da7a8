// The rules that turn what the GE recorded about a month into the pay run's inputs, and its
// outputs into what is stored: which contract a month pays, the headcount, the pay window, the
// leave and year-to-date history from past payslips, the leave balances after the month, and each
// day's expected, worked and absent hours. Pure: the store reads the records, the application
// layer sequences these functions and payroll::run_pay.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/payroll/engine.h"
#include "gepaie/payroll/pay_run.h"
#include "gepaie/registry/absence.h"
#include "gepaie/registry/records.h"

namespace gepaie::payroll {

// The contract each employee's payslip of `month` is for: among the employee's contracts active
// in the month, the one that starts last (a new contract taking over from one ending this month);
// of two starting the same day, the first in `contracts`. One per employee with a contract active
// in the month, by employee number.
std::vector<registry::Contract> contracts_paid_in(const std::vector<registry::Contract>& contracts,
                                                  Month month);

// The headcount (effectif) the month is computed with: the configured one when the settings give
// it, else the number of contracts paid in the month.
int effective_headcount(std::optional<int> configured, size_t contracts_paid);

// The days a pay run looks at: from the Monday of the week holding the 1st (its overtime counts
// for this month) to the month's last day.
struct PayWindow {
  Date first;
  Date last;

  bool contains(Date day) const { return first <= day && day <= last; }
  size_t days() const { return static_cast<size_t>(last.days() - first.days() + 1); }
};
PayWindow pay_window(Month month);

// What the history needs of one past payslip of the employee.
struct PastMonth {
  Month month;
  int leave_earned = 0;  // hundredths of a day
  int leave_taken = 0;
  Money leave_reference_gross;
  YearToDate year_to_date;  // that month included
};

// The first month whose payslips the history of `month` needs: the first month (June) of the
// reference period before the current one (N-1), or January when the calendar year began earlier.
Month history_start(Month month, int leave_period_first_month);

// Leave counters and year-to-date figures of `month` from the employee's payslips before it (any
// order; months from `month` on are ignored). Leave taken in the current period comes out of the
// N-1 balance first; leave taken during N-1 came out of N-2's. contract_gross is left at zero.
EmployeeHistory employee_history(const std::vector<PastMonth>& months, Month month,
                                 int leave_period_first_month);

// Paid-leave balances after the month, in hundredths of a day.
struct LeaveBalances {
  int n1_remaining = 0;  // left of the N-1 period
  int n_earned = 0;      // earned in the current period (June–May), this month included
  int n_remaining = 0;   // left of it

  bool operator==(const LeaveBalances&) const = default;
};
// Leave taken comes out of the N-1 period first, then out of the current one; the days
// compensated at exit come off the current period's balance.
LeaveBalances leave_balances_after(const LeaveCounters& before, const LeaveMonth& month);

// One slot of the employee's schedule (all members together): `duration` every `weekday`
// (ISO: 1 = Monday) from `from` to `to` (open when absent), both included.
struct ScheduleSlot {
  int weekday = 1;
  Hours duration;
  Date from;
  std::optional<Date> to;

  bool covers(Date day) const {
    return weekday == day.weekday() && from <= day && (!to || day <= *to);
  }
};
// The hours the schedule plans on `day`: the sum of the slots covering it.
Hours expected_hours(const std::vector<ScheduleSlot>& slots, Date day);

// Absence kinds as timesheets record them.
using registry::absence_kind_from;
using registry::AbsenceKind;
using registry::to_string;

struct Absence {
  Date day;
  AbsenceKind kind = AbsenceKind::PaidLeave;
  Hours hours;
};

// Approved hours worked on a day, all members together.
struct WorkedDay {
  Date day;
  Hours hours;
};

// The days of the window for `contract`, one record per day in order: expected hours from the
// schedule on the days under contract that are not public holidays (zero otherwise), the hours
// worked and the absences as recorded. `public_holidays`: the public holidays of the window (any
// order; others are ignored). A worked day or an absence outside the window: Error(BadInput).
std::vector<DayRecord> month_days(const registry::Contract& contract, PayWindow window,
                                  const std::vector<ScheduleSlot>& slots,
                                  const std::vector<WorkedDay>& worked,
                                  const std::vector<Absence>& absences,
                                  std::span<const Date> public_holidays);

// The terms a month pays (the weekly hours its payslip states, the pay the minimums are checked
// on): the contract's terms at the month's last day under contract.
registry::ContractTerms terms_paid(const registry::Contract& contract, Month month);

// One employee's month as computed, ready to store.
struct ComputedPayslip {
  std::string employee_number;
  std::string contract_reference;
  Hours weekly_hours;      // terms_paid
  LeaveBalances balances;  // after the month
  PayRunResult result;
};

// What the month's payslips add up to.
struct PayRunTotals {
  Money gross;
  Money net_paid;
  Money employer_cost;
  Money total_cost;  // employer cost + other employer costs: what the split shares
  Money expenses;
};
PayRunTotals totals_of(const std::vector<ComputedPayslip>& payslips);

}  // namespace gepaie::payroll
