#define BOOST_TEST_MODULE minimum_pay_tests
#include <boost/test/unit_test.hpp>
#include <string>

#include "gepaie/config/rates_file.h"
#include "gepaie/payroll/minimum_pay.h"

using namespace gepaie;
using payroll::AgreementGrid;
using payroll::minimum_pay_problem;

namespace {

const payroll::RateBook& book() {
  static const payroll::RateBook rates =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return rates;
}

const payroll::RateSet& rates_of(const char* month) {
  return *book().at(Month::parse(month).first_day());
}

Hours weekly(int hours) {
  return Hours::from_minutes(hours * 60);
}

registry::ContractTerms monthly(const char* gross, int hours, std::string classification = {}) {
  registry::ContractTerms terms;
  terms.weekly_hours = weekly(hours);
  terms.monthly_gross = Money::parse(gross);
  terms.classification = std::move(classification);
  return terms;
}

registry::ContractTerms hourly(const char* rate, int hours) {
  registry::ContractTerms terms;
  terms.weekly_hours = weekly(hours);
  terms.hourly_rate = Money::parse(rate);
  return terms;
}

// A grid for the test (not the agreement's figures): one level with two dated minimums.
AgreementGrid grid() {
  AgreementGrid g;
  g.idcc = "1285";
  g.full_time_weekly = weekly(35);
  g.minimums = {{"groupe 7 – échelon 1", Date::parse("2025-01-01"), Money::parse("2000.00"),
                 "test grid, 2025"},
                {"groupe 7 – échelon 1", Date::parse("2026-03-01"), Money::parse("2050.00"),
                 "test grid, 2026"},
                {"groupe 7 – échelon 2", Date::parse("2025-01-01"), Money::parse("2100.00"),
                 "test grid, 2025"}};
  return g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(minimum_pay_tests)

BOOST_AUTO_TEST_CASE(the_monthly_smic_is_the_hourly_smic_times_52_weeks_over_12) {
  // 35 h × 52 / 12 = 151.666… h. 2025: 11.88 € × 151.666… = 1 801.80 €; January 2026: 12.02 € ×
  // 151.666… = 1 823.0333 → 1 823.03 €; June 2026: 12.31 € × 151.666… = 1 867.0167 → 1 867.02 €
  // (the published monthly SMIC); 24 h: 12.02 € × 104 h = 1 250.08 €.
  BOOST_TEST(payroll::smic_monthly(rates_of("2025-11"), weekly(35)) == Money::parse("1801.80"));
  BOOST_TEST(payroll::smic_monthly(rates_of("2026-01"), weekly(35)) == Money::parse("1823.03"));
  BOOST_TEST(payroll::smic_monthly(rates_of("2026-06"), weekly(35)) == Money::parse("1867.02"));
  BOOST_TEST(payroll::smic_monthly(rates_of("2026-01"), weekly(24)) == Money::parse("1250.08"));
}

BOOST_AUTO_TEST_CASE(a_pay_below_the_smic_of_the_month_is_a_problem) {
  const Month march = Month::parse("2026-03");
  const Month november = Month::parse("2026-11");
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-03"), march, monthly("1823.03", 35), nullptr)
                  .has_value());
  const auto cent_short =
      minimum_pay_problem(rates_of("2026-03"), march, monthly("1823.02", 35), nullptr);
  BOOST_REQUIRE(cent_short);
  BOOST_TEST(cent_short->find("SMIC of 2026-03") != std::string::npos, *cent_short);
  BOOST_TEST(cent_short->find("1\u202F823,03") != std::string::npos, *cent_short);
  // The same pay after the June revaluation: 1 867.02 € is the floor.
  BOOST_TEST(minimum_pay_problem(rates_of("2026-11"), november, monthly("1823.03", 35), nullptr)
                 .has_value());
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-11"), november, monthly("1867.02", 35), nullptr)
                  .has_value());
  // Part time: 24 h in March, 1 250.08 €.
  BOOST_TEST(
      minimum_pay_problem(rates_of("2026-03"), march, monthly("1250.07", 24), nullptr).has_value());
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-03"), march, monthly("1250.08", 24), nullptr)
                  .has_value());
  // Hourly contracts: the rate itself.
  BOOST_TEST(
      minimum_pay_problem(rates_of("2026-11"), november, hourly("12.30", 20), nullptr).has_value());
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-11"), november, hourly("12.31", 20), nullptr)
                  .has_value());
}

BOOST_AUTO_TEST_CASE(the_agreement_minimum_of_the_classification_in_force) {
  const AgreementGrid g = grid();
  // February 2026: the 2025 minimum; from March, 2050.00; 24 h: 2 050 × 24 / 35 = 1 405.714 →
  // 1 405.71.
  const auto february = payroll::agreement_minimum(g, "Technicienne, groupe 7 – échelon 1",
                                                   Date::parse("2026-02-28"), weekly(35));
  BOOST_REQUIRE(february);
  BOOST_TEST(february->monthly == Money::parse("2000.00"));
  const auto march = payroll::agreement_minimum(g, "Technicien, Groupe 7 - Échelon 1",
                                                Date::parse("2026-03-31"), weekly(24));
  BOOST_REQUIRE(march);
  BOOST_TEST(march->monthly == Money::parse("1405.71"));
  // The level is a whole word at the end: "échelon 11" and a level elsewhere do not match.
  BOOST_TEST(!payroll::agreement_minimum(g, "Technicien, groupe 7 – échelon 11",
                                         Date::parse("2026-03-31"), weekly(35))
                  .has_value());
  BOOST_TEST(!payroll::agreement_minimum(g, "groupe 7 – échelon 1 (confirmé)",
                                         Date::parse("2026-03-31"), weekly(35))
                  .has_value());
  BOOST_TEST(!payroll::agreement_minimum(g, "Technicien, groupe 7 – échelon 1",
                                         Date::parse("2024-12-31"), weekly(35))
                  .has_value());

  const Month month = Month::parse("2026-11");
  const auto below = minimum_pay_problem(
      rates_of("2026-11"), month, monthly("2049.99", 35, "Technicien, groupe 7 – échelon 1"), &g);
  BOOST_REQUIRE(below);
  BOOST_TEST(below->find("IDCC 1285") != std::string::npos, *below);
  BOOST_TEST(below->find("test grid, 2026") != std::string::npos, *below);
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-11"), month,
                                  monthly("2050.00", 35, "Technicien, groupe 7 – échelon 1"), &g)
                  .has_value());
  // A classification the grid does not know: the SMIC only.
  BOOST_TEST(!minimum_pay_problem(rates_of("2026-11"), month,
                                  monthly("1900.00", 35, "Chargée de production"), &g)
                  .has_value());
}

BOOST_AUTO_TEST_SUITE_END()
