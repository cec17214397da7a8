// The indemnité légale de licenciement (C. trav. L1234-9, R1234-1 to R1234-4): due from 8 months
// of uninterrupted seniority, a quarter of a month's reference pay per year up to 10 years and a
// third per year beyond, incomplete years counted by their complete months. The figures are the
// rates' (severance_*); the reference pay is the more favourable of two averages.
#pragma once

#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/money.h"
#include "gepaie/payroll/rates.h"

namespace gepaie::payroll {

// Complete years and months of service from `start` to `end` (both days worked or in notice):
// 2014-06-01 to 2026-11-30 is 12 years and 6 months.
struct Seniority {
  int years = 0;
  int months = 0;  // 0 to 11, beyond the complete years
  int total_months() const { return years * 12 + months; }
};
Seniority seniority_between(Date start, Date end);

// One month's gross pay before the notification, and the annual or exceptional bonus it includes.
struct MonthGross {
  Money gross;
  Money annual_bonus;  // part of `gross`
};

// R1234-4: the more favourable of the monthly average of the 12 months before the notification
// (of every month when there are fewer) and a third of the last 3 months, where an annual or
// exceptional bonus paid in them counts for 3/12 of it. `months` oldest first; the last 12 count.
// Empty: zero.
Money severance_reference_pay(const std::vector<MonthGross>& months);

struct Severance {
  bool due = false;  // seniority of at least severance_min_months
  Seniority seniority;
  Money amount;  // 0 when not due
};

// The legal severance pay for `seniority` and a reference pay, rounded once, half-up to the cent:
// reference × (min(Y, 10) / 4 + max(Y − 10, 0) / 3 + months / 12 × the band of the incomplete
// year).
Severance legal_severance(const Constants& k, Seniority seniority, Money reference);

}  // namespace gepaie::payroll
