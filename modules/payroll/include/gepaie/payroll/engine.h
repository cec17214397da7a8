// French gross-to-net for one employee and one month. Pure: the month's rates, the employer's
// settings, the employment terms and the month's pay elements in; a payslip out.
//
// Rounding (documented convention of gepaie payslips): every amount on a line — each base, each
// employee and employer amount — is rounded to the cent, half away from zero, as soon as it is
// computed; totals are sums of rounded lines. The general-reduction coefficient is rounded to
// 4 decimals before it is applied (as the law says for the 2026 RGDU).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/registry/records.h"

namespace gepaie::payroll {

struct EmployerSettings {
  int headcount = 1;          // effectif
  Rate work_accident_rate;    // taux AT/MP of the establishment
  Rate mobility_rate;         // versement mobilité of the commune (applies from 11 staff)
  Money health_plan_monthly;  // complémentaire santé, total per month
  // Part of it the employer pays; default: the legal minimum of the rates file.
  std::optional<Rate> health_plan_employer_share;
  std::optional<Rate> prevoyance_cadre_rate;  // default: the legal minimum of the rates file
};

struct EmploymentTerms {
  registry::ContractKind kind = registry::ContractKind::Cdi;
  registry::Status status = registry::Status::NonCadre;
  Hours weekly_hours;  // below the legal weekly hours: part-time
  Money monthly_base;  // base gross for the contractual hours of a whole month
};

// Figures of the year before this month, when known (for caps and cumulatives).
struct YearToDate {
  Money gross;
  Money net_taxable;
  Money income_tax;
  Money overtime_tax_exempt;  // overtime pay already exempted from income tax this year
};

struct PayElements {
  Hours overtime_first;   // full time: overtime hours at the first rate (+25 %)
  Hours overtime_second;  // full time: overtime hours at the second rate (+50 %)
  Hours extra_first;      // part-time: heures complémentaires at +10 %
  Hours extra_second;     // part-time: heures complémentaires at +25 %
  Money bonuses;          // primes subject to contributions
  Hours unpaid_absence;   // deducted at the real-hours rate ...
  Hours paid_leave;       // paid leave taken, deducted the same way ...
  Hours scheduled_hours;  // ... base × hours / the hours the employee would have worked this month
  Money paid_leave_pay;   // indemnité de congés payés for the leave taken
  Money cdd_end_indemnity;    // indemnité de fin de contrat (last month of a CDD)
  Money leave_compensation;   // indemnité compensatrice de congés payés (last month)
  std::optional<Date> entry;  // first day of the contract when inside the month
  std::optional<Date> exit;   // last day of the contract when inside the month
  Rate income_tax_rate;       // taux du prélèvement à la source
  YearToDate year_to_date;
  // Net adjustments after income tax: neither subject to contributions nor taxable.
  Money transit_refund;          // employer's share of the public-transport pass, refunded
  Money expense_refund;          // professional expenses refunded
  Money meal_voucher_deduction;  // the employee's share of the meal vouchers, withheld
};

enum class LineKind {
  Earning,       // part of gross pay
  Contribution,  // employee and/or employer contribution
  Reduction,     // exemption or reduction of contributions (amounts are negative)
  Adjustment,    // after income tax, added to the net paid: employee_amount is what the employee
                 // receives (a refund, positive) or gives up (a withholding, negative)
};

// Codes and labels point into the RateSet or into the engine's own constants: a payslip must
// not outlive the RateBook it was computed with (copy them to keep them longer).
struct PayslipLine {
  std::string_view code;
  std::string_view label;
  LineKind kind = LineKind::Contribution;
  Group group = Group::EmployerOther;
  Hours hours;  // earnings paid by the hour
  Money base;
  std::optional<Rate> employee_rate;
  Money employee_amount;
  std::optional<Rate> employer_rate;
  Money employer_amount;
};

struct Totals {
  Money gross;
  Money employee_contributions;  // after the overtime reduction; with the health-plan share
  Money employer_contributions;  // after reductions; with the health-plan share
  Money reductions;              // employer reductions (general reduction, overtime deduction)
  Money net_before_tax;          // net à payer avant impôt
  Money net_taxable;             // net imposable
  Money net_social;              // montant net social
  Money income_tax;
  Money net_paid;             // net payé: net before tax − income tax + the adjustments
  Money employer_cost;        // coût total employeur = gross + employer contributions
  Money overtime_tax_exempt;  // overtime pay exempted from income tax this month

  // The ten totals by their names in JSON and fixtures ("gross", …, "employer_cost").
  std::array<std::pair<const char*, Money>, 10> named() const {
    return {{{"gross", gross},
             {"employee_contributions", employee_contributions},
             {"employer_contributions", employer_contributions},
             {"reductions", reductions},
             {"net_before_tax", net_before_tax},
             {"net_taxable", net_taxable},
             {"net_social", net_social},
             {"income_tax", income_tax},
             {"net_paid", net_paid},
             {"employer_cost", employer_cost}}};
  }
};

struct Payslip {
  Month period;
  Money ceiling;                   // plafond of the month, prorated
  Money smic_reference;            // SMIC of the month for the paid hours (general reduction)
  Rate reduction_coefficient;      // general reduction coefficient, 4 decimals
  std::vector<PayslipLine> lines;  // earnings, contributions by group, reductions, adjustments
  Totals totals;
};

// Computes one payslip. Throws Error(BadInput) when the inputs make no sense (negative pay,
// overtime on a part-time contract, entry after exit...).
Payslip compute_payslip(const RateSet& rates, Month period, const EmployerSettings& employer,
                        const EmploymentTerms& terms, const PayElements& elements);

}  // namespace gepaie::payroll
