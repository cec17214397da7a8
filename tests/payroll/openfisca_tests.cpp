#define BOOST_TEST_MODULE openfisca_tests
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/included/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

// A second, independent reference: OpenFisca-France's own test cases
// (tests/payroll/fixtures/openfisca.json, each with its source file and notes).

using namespace gepaie;

BOOST_AUTO_TEST_SUITE(openfisca_tests)

BOOST_AUTO_TEST_CASE(lines_totals_and_coefficients_match_openfisca) {
  const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  std::ifstream in(std::string(GEPAIE_SOURCE_DIR) + "/tests/payroll/fixtures/openfisca.json");
  BOOST_REQUIRE(in.good());
  Poco::JSON::Parser parser;
  const auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
  const double line_tolerance = root->getValue<double>("tolerance_line");
  const double total_tolerance = root->getValue<double>("tolerance_total");
  const auto cases = root->getArray("cases");
  BOOST_TEST(cases->size() >= 5u);
  for (size_t i = 0; i < cases->size(); ++i) {
    const auto item = cases->getObject(static_cast<unsigned>(i));
    const std::string name = item->getValue<std::string>("name");
    std::ostringstream input;
    item->getObject("input")->stringify(input);
    const config::Simulation s = config::read_simulation_text(input.str(), name, book);
    const payroll::Payslip slip = payroll::compute_payslip(*book.at(s.period.first_day()), s.period,
                                                           s.employer, s.terms, s.elements);
    if (item->has("reduction_coefficient")) {
      const double expected = item->getValue<double>("reduction_coefficient");
      BOOST_TEST(slip.reduction_coefficient.ppm() == std::lround(expected * 1e6), name);
    }
    if (item->has("lines")) {
      const auto lines = item->getArray("lines");
      for (size_t k = 0; k < lines->size(); ++k) {
        const auto line = lines->getObject(static_cast<unsigned>(k));
        const std::string code = line->getValue<std::string>("code");
        const bool employer = line->getValue<std::string>("part") == "employer";
        Money ours;
        bool found = false;
        for (const payroll::PayslipLine& l : slip.lines) {
          if (l.code == code) {
            ours = employer ? l.employer_amount : l.employee_amount;
            found = true;
          }
        }
        BOOST_TEST(found, name << ": no line " << code);
        const double theirs = line->getValue<double>("amount");
        BOOST_TEST(std::fabs(ours.cents() / 100.0 - theirs) <= line_tolerance + 1e-9,
                   name << " " << code << ": gepaie " << ours.str() << ", OpenFisca " << theirs);
      }
    }
    if (item->has("totals")) {
      const auto totals = item->getObject("totals");
      BOOST_TEST(std::fabs(slip.totals.gross.cents() / 100.0 - totals->getValue<double>("gross")) <
                 0.005);
      const double cost = totals->getValue<double>("employer_cost");
      BOOST_TEST(
          std::fabs(slip.totals.employer_cost.cents() / 100.0 - cost) <= total_tolerance + 1e-9,
          name << " employer cost: gepaie " << slip.totals.employer_cost.str() << ", OpenFisca "
               << cost);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
