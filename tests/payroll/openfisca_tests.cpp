#define BOOST_TEST_MODULE openfisca_tests
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

// A second, independent reference: OpenFisca-France's own test cases
// (tests/payroll/fixtures/openfisca.json, each with its source file, licence and notes).
// Where gepaie reads the law differently from OpenFisca, the case names the rule and the test
// computes its exact effect from the case's input (never from gepaie's output):
// - ags-rate-since-2024-07: OpenFisca charges AGS at 0.20 %, the law 0.25 % since 2024-07-01;
//   employer cost + 0.05 % × min(gross, 4 PMSS).
// - employer-prevoyance-in-csg-base (CSS L136-1-1): the employer's cadre prévoyance
//   P = 1.50 % × min(gross, PMSS) is in the CSG/CRDS base; OpenFisca leaves it out:
//   CSG déductible + 6.8 % × P, CSG non déductible + 2.4 % × P, CRDS + 0.5 % × P.

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
    payroll::RateSet rates = *book.at(s.period.first_day());
    if (item->has("pmss")) {
      // An OpenFisca month whose parameters are those of the replayed month but the PMSS.
      const double pmss = std::stod(item->getValue<std::string>("pmss"));
      rates.constants.pmss = Money::from_cents(std::llround(pmss * 100));
      rates.constants.pass = Money::from_cents(std::llround(pmss * 1200));
    }
    const payroll::Payslip slip =
        payroll::compute_payslip(rates, s.period, s.employer, s.terms, s.elements);
    // The documented rules of the case and their effects on OpenFisca's figures.
    const double gross = std::stod(
        item->getObject("input")->getObject("employee")->getValue<std::string>("base_gross"));
    const double pmss = rates.constants.pmss.cents() / 100.0;
    std::map<std::string, double> line_effect;
    double employee_effect = 0;
    double cost_effect = 0;
    if (item->has("rules")) {
      const auto rules = item->getArray("rules");
      for (size_t r = 0; r < rules->size(); ++r) {
        const std::string rule = rules->getElement<std::string>(static_cast<unsigned>(r));
        if (rule == "ags-rate-since-2024-07") {
          cost_effect += 0.0005 * std::min(gross, 4 * pmss);
        } else if (rule == "employer-prevoyance-in-csg-base") {
          const double prevoyance = 0.015 * std::min(gross, pmss);
          line_effect["csg_deductible"] += 0.068 * prevoyance;
          line_effect["csg_non_deductible"] += 0.024 * prevoyance;
          line_effect["crds"] += 0.005 * prevoyance;
          employee_effect += 0.097 * prevoyance;
        } else {
          BOOST_ERROR(name << ": unknown rule " << rule);
        }
      }
    }
    if (item->has("reduction_coefficient")) {
      const double expected = item->getValue<double>("reduction_coefficient");
      BOOST_TEST(slip.reduction_coefficient.ppm() == std::lround(expected * 1e6), name);
    }
    if (item->has("lines")) {
      const auto lines = item->getArray("lines");
      for (size_t k = 0; k < lines->size(); ++k) {
        const auto line = lines->getObject(static_cast<unsigned>(k));
        // one code, or several added up ("ceg_t1+ceg_t2")
        const std::string code = line->getValue<std::string>("code");
        const bool employer = line->getValue<std::string>("part") == "employer";
        Money ours;
        std::istringstream codes(code);
        for (std::string one; std::getline(codes, one, '+');) {
          bool found = false;
          for (const payroll::PayslipLine& l : slip.lines) {
            if (l.code == one) {
              ours += employer ? l.employer_amount : l.employee_amount;
              found = true;
            }
          }
          BOOST_TEST(found, name << ": no line " << one);
        }
        const double theirs = line->getValue<double>("amount") +
                              (employer || !line_effect.contains(code) ? 0.0 : line_effect[code]);
        BOOST_TEST(std::fabs(ours.cents() / 100.0 - theirs) <= line_tolerance + 1e-9,
                   name << " " << code << ": gepaie " << ours.str() << ", OpenFisca " << theirs);
      }
    }
    if (item->has("totals")) {
      const auto totals = item->getObject("totals");
      BOOST_TEST(std::fabs(slip.totals.gross.cents() / 100.0 - totals->getValue<double>("gross")) <
                 0.005);
      if (totals->has("employee_contributions")) {
        const double theirs = totals->getValue<double>("employee_contributions") + employee_effect;
        BOOST_TEST(std::fabs(slip.totals.employee_contributions.cents() / 100.0 - theirs) <=
                       total_tolerance + 1e-9,
                   name << " employee contributions: gepaie "
                        << slip.totals.employee_contributions.str() << ", OpenFisca + rules "
                        << theirs);
      }
      const double cost = totals->getValue<double>("employer_cost") + cost_effect;
      BOOST_TEST(
          std::fabs(slip.totals.employer_cost.cents() / 100.0 - cost) <= total_tolerance + 1e-9,
          name << " employer cost: gepaie " << slip.totals.employer_cost.str() << ", OpenFisca "
               << cost);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
