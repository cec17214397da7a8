#define BOOST_TEST_MODULE overtime_examples_tests
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

// A third source for overtime, beside URSSAF's engine (tests/payroll/urssaf_matrix_tests.cpp)
// and OpenFisca-France (which has no overtime model under the current law): worked examples
// published by payroll lawyers and associations (tests/payroll/fixtures/overtime_examples.json,
// each with its sources). They were published for 2019 to 2024; below the ceiling their figures
// depend only on rules unchanged since 2019, which the first test checks in the 2026 rates before
// the second replays them to the cent.

using namespace gepaie;

namespace {

Poco::JSON::Object::Ptr fixture() {
  std::ifstream in(std::string(GEPAIE_SOURCE_DIR) +
                   "/tests/payroll/fixtures/overtime_examples.json");
  BOOST_REQUIRE(in.good());
  Poco::JSON::Parser parser;
  return parser.parse(in).extract<Poco::JSON::Object::Ptr>();
}

const payroll::RateBook& book() {
  static const payroll::RateBook rates =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return rates;
}

const payroll::RateSet& november_2026() {
  return *book().at(Month::parse("2026-11").first_day());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(overtime_examples_tests)

BOOST_AUTO_TEST_CASE(the_examples_rules_are_those_of_2026) {
  const payroll::RateSet& rates = november_2026();
  // CSS D241-21: below the ceiling, the reduction rate is the sum of the employee rates of the
  // old-age and AGIRC-ARRCO tranche 1 contributions, at most 11.31 %; the examples used 11.31 %.
  int64_t below_ceiling = 0;
  for (const payroll::ContributionRule& rule : rates.contributions) {
    if (rule.in_overtime_reduction &&
        (rule.base == payroll::BaseKind::Gross || rule.base == payroll::BaseKind::Tranche1)) {
      below_ceiling += rule.employee.ppm();
    }
  }
  BOOST_TEST(below_ceiling == Rate::parse_percent("11.31").ppm());
  BOOST_TEST(rates.constants.overtime_employee_reduction_cap == Rate::parse_percent("11.31"));
  // CSS D241-24: 1.50 € per overtime hour under 20 staff, as in the examples; +25 % for the
  // first eight hours a week (C. trav. L3121-36).
  BOOST_TEST(rates.constants.overtime_deduction_under_20 == Money::parse("1.50"));
  BOOST_TEST(rates.constants.overtime_deduction_headcount == 20);
  BOOST_TEST(rates.constants.overtime_first_rate == Rate::parse_percent("25"));
}

BOOST_AUTO_TEST_CASE(gepaie_pays_the_published_examples_to_the_cent) {
  const auto cases = fixture()->getArray("cases");
  BOOST_TEST(cases->size() >= 3u);
  for (size_t i = 0; i < cases->size(); ++i) {
    const auto item = cases->getObject(static_cast<unsigned>(i));
    const std::string name = item->getValue<std::string>("name");
    BOOST_TEST(item->getArray("sources")->size() >= 1u, name);
    std::ostringstream input;
    item->getObject("input")->stringify(input);
    const config::Simulation s = config::read_simulation_text(input.str(), name, book());
    const payroll::RateSet& rates = *book().at(s.period.first_day());
    BOOST_TEST(s.employer.headcount < rates.constants.overtime_deduction_headcount, name);
    const payroll::Payslip slip =
        payroll::compute_payslip(rates, s.period, s.employer, s.terms, s.elements);
    // The examples' premise: below the ceiling, where the reduction rate is 11.31 %.
    BOOST_TEST(slip.totals.gross < rates.constants.pmss, name);
    if (item->has("gross")) {
      BOOST_TEST(slip.totals.gross == Money::parse(item->getValue<std::string>("gross")), name);
    }
    const auto lines = item->getArray("lines");
    for (size_t k = 0; k < lines->size(); ++k) {
      const auto line = lines->getObject(static_cast<unsigned>(k));
      const std::string code = line->getValue<std::string>("code");
      const bool employer = line->getValue<std::string>("part") == "employer";
      const Money expected = Money::parse(line->getValue<std::string>("amount"));
      int found = 0;
      for (const payroll::PayslipLine& l : slip.lines) {
        if (l.code == code) {
          ++found;
          const Money ours = employer ? l.employer_amount : l.employee_amount;
          BOOST_TEST(ours == expected, name << " " << code << ": gepaie " << ours.str()
                                            << ", published " << expected.str());
        }
      }
      BOOST_TEST(found == 1, name << ": " << found << " lines " << code);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
