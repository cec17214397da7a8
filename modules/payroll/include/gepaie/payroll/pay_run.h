// The pay run of one employee for one month: from the contract, the approved timesheets, the
// absences and the employee's history to the month's pay elements, payslip, paid-leave figures,
// year-to-date cumulatives and the employer costs beyond the payslip. Pure: no database.
//
// Weeks (documented rule): overtime and extra hours are counted per civil week, Monday to Sunday,
// and a week belongs to the month that holds its Sunday. The days of the previous month in the
// first week of the month therefore count for this month's overtime; the days of this month in
// a week that ends next month count next month. Hours worked and training count toward the
// week's threshold; paid leave, sickness and public holidays do not.
// - Full time: overtime beyond the contractual hours (at least the legal 35 h), the first 8 hours
//   beyond the legal hours at +25 %, the rest at +50 %. A contract above the legal hours (39 h)
//   has its structural overtime in the monthly base: it uses up that much of the first band.
// - Part-time: heures complémentaires beyond the contractual hours, up to a tenth of them at
//   +10 %, the rest at +25 % (the legal limits are checked by staffing, not here: what was worked
//   is paid).
// - A week cut by the contract's entry or exit has its threshold (and structural hours)
//   prorated to the contract's days Monday to Friday: hours × days / 5.
// - Days of the window outside the contract are ignored (another contract pays them).
//
// Absences (the month's own days under contract): unpaid leave and sickness are deducted (no
// employer salary maintenance: the CPAM pays the daily allowances); paid leave is deducted and
// paid back as the paid-leave pay; public holidays and training are paid. Deductions are
// base × hours / scheduled hours, the scheduled hours being the expected hours of the days under
// contract, scaled by month days / contract days in a month with an entry or exit (the engine
// prorates the base by calendar days), or the contract's monthly hours when nothing is expected.
//
// Paid leave (hundredths of a jour ouvrable):
// - earned = (2.5 × contract days not in sickness + 2 × days with sickness hours) / days of the
//   month, rounded half up, capped at 30 days a reference period (current_earned included);
// - taken, décompte en jours ouvrables: a weekday with paid-leave hours is one day, and a
//   Saturday is one more when the Friday before it is on paid leave (Mon–Fri = 6 days);
// - paid at the higher of the maintien (the amount deducted for the leave hours) and the
//   dixième: 10 % × previous_gross × days / previous_earned for the days taken from the N-1
//   balance, then 10 % × current_gross × days / current_earned for days taken beyond it;
// - reference_gross: the month's gross, paid-leave pay included (L3141-24), the indemnité
//   compensatrice left out.
//
// Contract end (the month holding contract.end):
// - CDD: indemnité de fin de contrat = 10 % × (history.contract_gross + the month's gross
//   without the end indemnities);
// - indemnité compensatrice for the days left (N-1 and N balances plus this month's): the
//   higher of monthly base × days / 26 (26 jours ouvrables a month = 6 × 52 / 12) and
//   10 % × (previous_gross + current_gross + the month's gross + the CDD indemnity) × days /
//   (previous_earned + current_earned + earned).
//
// Benefits: one meal voucher per day of the month with hours worked (the employer's share is an
// employer cost, the employee's share is withheld from the net); the employer's share of the
// transport pass (50 %, prorated by calendar days under contract) is refunded on the payslip and
// is an employer cost; the occupational-health fee costs a twelfth of its yearly amount.
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
  Money meal_voucher_value;          // face value of one meal voucher
  Rate meal_voucher_employer_share;  // part the employer pays (the employee's part is withheld)
  Money occupational_health_yearly;  // health-at-work service fee per employee and year
};

struct PayRunInput {
  Month month;
  registry::Contract contract;  // active in the month; its terms at the month's last active
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
  int earned = 0;             // hundredths of a day earned this month
  int taken = 0;              // hundredths of a day taken this month (jours ouvrables)
  Money reference_gross;      // this month's gross that counts in the dixième's base
  Money maintien;             // value of the leave taken by maintien de salaire
  Money dixieme;              // value of the leave taken by the dixième
  int remaining_at_exit = 0;  // days compensated at exit (hundredths), 0 unless leaving
};

struct PayRunResult {
  PayElements elements;
  Payslip payslip;
  Money monthly_base;  // base gross for the contractual hours of a whole month
  Money hourly_rate;   // gross hourly rate: monthly base / monthly contractual hours
  Hours worked;        // hours worked in the month's own days
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

// The paid-leave reference period that holds `month` (1 June – 31 May when it starts in June,
// the rates' paid_leave_period_first_month), as the year it starts in.
int leave_reference_year(Month month, int period_first_month);

}  // namespace gepaie::payroll
