// The lowest pay a contract may have: the SMIC of the month (C. trav. L3231-2) and, when the GE's
// collective agreement sets one for the employee's classification, the agreement's minimum. The
// pay run refuses a month that pays less instead of paying it silently.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/registry/records.h"

namespace gepaie::payroll {

// The SMIC for a month of `weekly_hours` (mensualisation: weekly × 52 / 12, D3231-6's hourly
// rate), half-up to the cent: 12.02 € × 35 h × 52 / 12 = 1 823.03 €.
Money smic_monthly(const RateSet& rates, Hours weekly_hours);

// One level of an agreement's grid of minimum salaries: the monthly minimum for the agreement's
// full-time hours from a date, for the classifications that name the level.
struct AgreementMinimum {
  std::string level;  // as classifications name it, e.g. "groupe 7 – échelon 1"
  Date from;
  Money monthly;       // for `AgreementGrid::full_time_weekly` hours a week
  std::string source;  // the agreement's article or amendment
};

struct AgreementGrid {
  std::string idcc;
  Hours full_time_weekly;  // the hours the minimums are for (35 h)
  std::vector<AgreementMinimum> minimums;
};

// The grid's minimum for a classification on `day`, prorated to `weekly_hours` (half-up to the
// cent): the latest minimum in force of the level the classification names (its text ends with
// the level, compared without case and with any dash or space run as one separator); nullopt when
// no level matches.
std::optional<AgreementMinimum> agreement_minimum(const AgreementGrid& grid,
                                                  const std::string& classification, Date day,
                                                  Hours weekly_hours);

// Why the contract's pay in `month` is below the minimum, or nullopt: its hourly rate (hourly
// contracts) or monthly base below the SMIC, or below the agreement's minimum for its
// classification (`grid` of the contract's IDCC, when the GE has one). The message gives both
// amounts and the rule.
std::optional<std::string> minimum_pay_problem(const RateSet& rates, Month month,
                                               const registry::ContractTerms& terms,
                                               const AgreementGrid* grid);

}  // namespace gepaie::payroll
