#define BOOST_TEST_MODULE severance_tests
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/severance.h"

using namespace gepaie;
using payroll::legal_severance;
using payroll::MonthGross;
using payroll::Seniority;
using payroll::seniority_between;
using payroll::severance_reference_pay;

namespace {

const payroll::Constants& constants() {
  static const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return book.at(Date::parse("2026-11-30"))->constants;
}

Money euros(const char* text) {
  return Money::parse(text);
}

std::vector<MonthGross> months(int count, const char* gross) {
  return std::vector<MonthGross>(static_cast<size_t>(count), MonthGross{euros(gross), Money()});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(severance_tests)

BOOST_AUTO_TEST_CASE(seniority_in_complete_years_and_months) {
  const Seniority long_service =
      seniority_between(Date::parse("2014-06-01"), Date::parse("2026-11-30"));
  BOOST_TEST(long_service.years == 12);
  BOOST_TEST(long_service.months == 6);
  // 15 March to 14 November: 8 complete months; one day less: 7.
  BOOST_TEST(
      seniority_between(Date::parse("2026-03-15"), Date::parse("2026-11-14")).total_months() == 8);
  BOOST_TEST(
      seniority_between(Date::parse("2026-03-15"), Date::parse("2026-11-13")).total_months() == 7);
  BOOST_CHECK_THROW(seniority_between(Date::parse("2026-03-15"), Date::parse("2026-03-14")), Error);
}

BOOST_AUTO_TEST_CASE(a_quarter_of_a_month_a_year_to_ten_years_a_third_beyond) {
  const payroll::Constants& k = constants();
  // 12 years and 6 months on 2 000 € (R1234-1: the months beyond the complete years count at the
  // band's rate): 2 000 × (10 / 4 + 2 / 3 + 6/12 / 3) = 5 000 + 1 333.33… + 333.33…, rounded once:
  // 2 000 × (360 + 96 + 24) / 144 = 6 666.666… → 6 666.67.
  const auto twelve_and_a_half = legal_severance(k, {12, 6}, euros("2000.00"));
  BOOST_TEST(twelve_and_a_half.due);
  BOOST_TEST(twelve_and_a_half.amount == euros("6666.67"));
  // Ten years exactly: 2 000 × 10 / 4 = 5 000.
  BOOST_TEST(legal_severance(k, {10, 0}, euros("2000.00")).amount == euros("5000.00"));
  // 9 years 6 months, all in the first band: 2 500 × (9 + 6/12) / 4 = 5 937.50.
  BOOST_TEST(legal_severance(k, {9, 6}, euros("2500.00")).amount == euros("5937.50"));
  // 8 months, the minimum: 2 000 × 8/12 / 4 = 333.333… → 333.33; 7 months: not due.
  const auto eight = legal_severance(k, {0, 8}, euros("2000.00"));
  BOOST_TEST(eight.due);
  BOOST_TEST(eight.amount == euros("333.33"));
  const auto seven = legal_severance(k, {0, 7}, euros("2000.00"));
  BOOST_TEST(!seven.due);
  BOOST_TEST(seven.amount.is_zero());
}

BOOST_AUTO_TEST_CASE(the_reference_pay_is_the_more_favourable_average) {
  // Nine months at 2 000 then three at 2 300: twelfth (18 000 + 6 900) / 12 = 2 075; third
  // 6 900 / 3 = 2 300: 2 300.
  std::vector<MonthGross> raised = months(9, "2000.00");
  for (int i = 0; i < 3; ++i) {
    raised.push_back({euros("2300.00"), Money()});
  }
  BOOST_TEST(severance_reference_pay(raised) == euros("2300.00"));
  // With an annual bonus of 1 200 in the last month: twelfth (24 900 + 1 200) / 12 = 2 175;
  // third (6 900 + 1 200 × 3/12) / 3 = 2 400: 2 400.
  raised.back() = {euros("3500.00"), euros("1200.00")};
  BOOST_TEST(severance_reference_pay(raised) == euros("2400.00"));
  // A bonus in the last months of an otherwise flat year: twelfth (24 000 + 3 600) / 12 = 2 300;
  // third (6 000 + 3 600 × 3/12) / 3 = 2 300: both.
  std::vector<MonthGross> bonus = months(12, "2000.00");
  bonus.back() = {euros("5600.00"), euros("3600.00")};
  BOOST_TEST(severance_reference_pay(bonus) == euros("2300.00"));
  // Only the last 12 months count: a first month at 10 000 makes no difference.
  std::vector<MonthGross> thirteen = months(13, "2000.00");
  thirteen.front().gross = euros("10000.00");
  BOOST_TEST(severance_reference_pay(thirteen) == euros("2000.00"));
  // Fewer than 12 months: the average of those worked, 9 × 2 100 / 9.
  BOOST_TEST(severance_reference_pay(months(9, "2100.00")) == euros("2100.00"));
  BOOST_TEST(severance_reference_pay({}).is_zero());
}

BOOST_AUTO_TEST_SUITE_END()
