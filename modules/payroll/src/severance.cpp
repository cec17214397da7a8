#include "gepaie/payroll/severance.h"

#include <algorithm>

#include "gepaie/core/error.h"

namespace gepaie::payroll {

Seniority seniority_between(Date start, Date end) {
  if (end < start) {
    throw bad_input("seniority: the end " + end.str() + " is before the start " + start.str());
  }
  // Complete months from the start to the day after the end: 2014-06-01 to 2026-12-01 is 150.
  const Date after = end.plus_days(1);
  int months = (after.year() - start.year()) * 12 + (after.month() - start.month());
  if (after.day() < start.day()) {
    --months;
  }
  return {months / 12, months % 12};
}

Money severance_reference_pay(const std::vector<MonthGross>& months) {
  if (months.empty()) {
    return Money();
  }
  const size_t count = std::min<size_t>(months.size(), 12);
  Money year;
  for (size_t i = months.size() - count; i < months.size(); ++i) {
    year += months[i].gross;
  }
  const Money twelfth = year.mul_div(1, static_cast<int64_t>(count));
  if (months.size() < 3) {
    return twelfth;
  }
  // (gross − bonuses + bonuses × 3 / 12) / 3 = (12 × (gross − bonuses) + 3 × bonuses) / 36.
  Money gross;
  Money bonuses;
  for (size_t i = months.size() - 3; i < months.size(); ++i) {
    gross += months[i].gross;
    bonuses += months[i].annual_bonus;
  }
  const Money third = ((gross - bonuses) * 12 + bonuses * 3).mul_div(1, 36);
  return std::max(twelfth, third);
}

Severance legal_severance(const Constants& k, Seniority seniority, Money reference) {
  Severance result;
  result.seniority = seniority;
  result.due = seniority.total_months() >= k.severance_min_months;
  if (!result.due) {
    return result;
  }
  // Over the common denominator 12 × d1 × d2: a year of the first band is 12 × d2, a year beyond
  // 12 × d1, a month of the incomplete year d2 (first band) or d1 (beyond). With 4 and 3: 144,
  // 36 a year, then 48; 3 or 4 a month.
  const int64_t d1 = k.severance_first_band_denominator;
  const int64_t d2 = k.severance_beyond_denominator;
  const int64_t band = k.severance_first_band_years;
  const int64_t years = seniority.years;
  const int64_t numerator = 12 * d2 * std::min(years, band) +
                            12 * d1 * std::max<int64_t>(years - band, 0) +
                            seniority.months * (years < band ? d2 : d1);
  result.amount = reference.mul_div(numerator, 12 * d1 * d2);
  return result;
}

}  // namespace gepaie::payroll
