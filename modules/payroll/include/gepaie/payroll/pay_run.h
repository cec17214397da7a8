// The pay run of one employee for one month: from the contract, the approved timesheets, the
// absences and the employee's history to the month's pay elements, payslip, paid-leave figures,
// year-to-date cumulatives and the employer costs beyond the payslip. Pure: no database.
//
// Weeks (documented rule): overtime and extra hours are counted per civil week, Monday to Sunday,
// and a week belongs to the month that holds its Sunday. The days of the previous month in the
// first week of the month therefore count for this month's overtime; the days of this month in
// a week that ends next month count next month.
#pragma once

#include <optional>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/payroll/engine.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/registry/records.h"

namespace gepaie::payroll {

// One day of the employee as the pay run sees it: all members together.
struct DayRecord {
  Date day;
  Hours expected;  // what the schedule planned (the hours the employee would have worked)
  Hours worked;    // approved hours worked
  Hours paid_leave;
  Hours sickness;
  Hours unpaid_leave;
  Hours training;        // paid, counts as work time
  Hours public_holiday;  // paid, not worked
};

// Paid leave in hundredths of a jour ouvrable. Reference periods run 1 June – 31 May.
struct LeaveCounters {
  int previous_earned = 0;  // earned in the last complete reference period (N-1)
  int previous_taken = 0;   // taken from it so far (before this month)
  Money previous_gross;     // gross pay of that period (the dixième's base)
  int current_earned = 0;   // earned in the current reference period before this month (N)
  int current_taken = 0;    // taken beyond the N-1 balance, before this month
  Money current_gross;      // gross pay of the current period before this month
};

// What the run needs to know of the months before.
struct EmployeeHistory {
  LeaveCounters leave;
  YearToDate year_to_date;  // this calendar year before this month
  Money contract_gross;     // gross paid under this contract before this month (CDD indemnity)
};

// The GE's policies that are not law (gepaie.yaml, `payroll:`).
struct BenefitSettings {
  Money meal_voucher_value;             // face value of one meal voucher
  Rate meal_voucher_employer_share;     // part the employer pays (the employee's part is withheld)
  Money occupational_health_yearly;     // health-at-work service fee per employee and year
};

struct PayRunInput {
  Month month;
  registry::Contract contract;       // active in the month; its terms at the month's last active
                                     // day apply to the whole month
  registry::EmployeeBenefits benefits;
  std::vector<DayRecord> days;  // every day from the Monday of the month's first week to the
                                // month's last day, in order (days without anything may be absent)
  EmployeeHistory history;
  Money expenses;  // expenses to refund this month (not subject to contributions or tax)
};

// The employer costs the payslip does not carry, shared among members with the employer cost.
struct OtherCosts {
  Money meal_vouchers;        // employer share of the vouchers of the days worked
  Money transit;              // employer share of the transport pass
  Money occupational_health;  // a twelfth of the yearly fee
  Money other;                // the employee's other monthly costs

  Money total() const { return meal_vouchers + transit + occupational_health + other; }
};

struct LeaveMonth {
  int earned = 0;         // hundredths of a day earned this month
  int taken = 0;          // hundredths of a day taken this month (jours ouvrables)
  Money reference_gross;  // this month's gross that counts in the dixième's base
  Money maintien;         // value of the leave taken by maintien de salaire
  Money dixieme;          // value of the leave taken by the dixième
  int remaining_at_exit = 0;  // days compensated at exit (hundredths), 0 unless leaving
};

struct PayRunResult {
  PayElements elements;
  Payslip payslip;
  Money monthly_base;   // base gross for the contractual hours of a whole month
  Money hourly_rate;    // gross hourly rate: monthly base / monthly contractual hours
  Hours worked;         // hours worked in the month's own days
  LeaveMonth leave;
  YearToDate year_to_date;  // this calendar year, this month included
  OtherCosts other_costs;
  Money expenses;
  Money total_cost() const { return payslip.totals.employer_cost + other_costs.total(); }
};

// Computes the month. Throws Error(BadInput) when the inputs make no sense (contract not active
// in the month, days outside the window...).
PayRunResult run_pay(const RateSet& rates, const EmployerSettings& employer,
                     const BenefitSettings& benefits, const PayRunInput& input);

// The reference period (1 June – 31 May) that holds `month`, as the year it starts in.
int leave_reference_year(Month month);

}  // namespace gepaie::payroll
