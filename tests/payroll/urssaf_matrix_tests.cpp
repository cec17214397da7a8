#define BOOST_TEST_MODULE urssaf_matrix_tests
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/included/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

// Every total of every case of the URSSAF matrix (tests/payroll/fixtures/urssaf_matrix.json,
// made by tests/oracle/generate.mjs with URSSAF's modele-social engine) within the tolerance.

using namespace gepaie;

namespace {

Poco::JSON::Object::Ptr load_fixture() {
  std::ifstream in(std::string(GEPAIE_SOURCE_DIR) + "/tests/payroll/fixtures/urssaf_matrix.json");
  BOOST_REQUIRE(in.good());
  Poco::JSON::Parser parser;
  return parser.parse(in).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(urssaf_matrix_tests)

BOOST_AUTO_TEST_CASE(every_total_matches_the_official_engine) {
  const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  const auto fixture = load_fixture();
  const double tolerance = fixture->getValue<double>("tolerance");
  BOOST_TEST(tolerance <= 0.05);
  const auto cases = fixture->getArray("cases");
  BOOST_TEST(cases->size() >= 200u);
  double worst = 0;
  std::string worst_case;
  size_t compared = 0;
  for (size_t i = 0; i < cases->size(); ++i) {
    const auto item = cases->getObject(static_cast<unsigned>(i));
    const std::string id = item->getValue<std::string>("id");
    std::ostringstream input;
    item->getObject("input")->stringify(input);
    const config::Simulation simulation = config::read_simulation_text(input.str(), id, book);
    const payroll::RateSet* rates = book.at(simulation.period.first_day());
    BOOST_REQUIRE(rates != nullptr);
    const payroll::Payslip slip = payroll::compute_payslip(
        *rates, simulation.period, simulation.employer, simulation.terms, simulation.elements);
    const payroll::Totals& t = slip.totals;
    const auto expected = item->getObject("expected");
    // Deliberate difference (flag tax_exempt_overtime_capped_monthly, reason in the fixture):
    // the engine exempts 1/12 of the yearly cap each month, gepaie the whole yearly cap (CGI 81
    // quater). Moving X € of overtime pay out of taxable income lowers net taxable pay by
    // X × (1 − CSG base share × deductible CSG rate): expectations are moved accordingly.
    std::map<std::string, double> adjusted;
    if (item->has("flags")) {
      const auto flags = item->getArray("flags");
      for (size_t f = 0; f < flags->size(); ++f) {
        BOOST_REQUIRE(flags->getElement<std::string>(static_cast<unsigned>(f)) ==
                      "tax_exempt_overtime_capped_monthly");
      }
      const double engine_exempt =
          item->getObject("detail")->getObject("bases")->getValue<double>("tax_exempt_overtime");
      double deductible_csg = 0;
      for (const auto& rule : rates->contributions) {
        if (rule.code == "csg_deductible") {
          deductible_csg = rule.employee.ppm() / 1e6;
        }
      }
      const double share = rates->constants.csg_base_share.ppm() / 1e6;
      const double moved = t.overtime_tax_exempt.cents() / 100.0 - engine_exempt;
      BOOST_TEST(moved > 0);
      const double net_taxable =
          expected->getValue<double>("net_taxable") - moved * (1 - share * deductible_csg);
      const double tax = net_taxable * simulation.elements.income_tax_rate.ppm() / 1e6;
      adjusted["net_taxable"] = net_taxable;
      adjusted["income_tax"] = tax;
      adjusted["net_paid"] = expected->getValue<double>("net_before_tax") - tax;
    }
    for (const auto& [name, ours] : t.named()) {
      const double theirs =
          adjusted.contains(name) ? adjusted[name] : expected->getValue<double>(name);
      const double difference = std::fabs(static_cast<double>(ours.cents()) / 100.0 - theirs);
      ++compared;
      if (difference > worst) {
        worst = difference;
        worst_case = id + " " + name;
      }
      BOOST_TEST(difference <= tolerance + 1e-9, id << " " << name << ": gepaie " << ours.str()
                                                    << ", engine " << theirs << " ("
                                                    << item->getValue<std::string>("label") << ")");
    }
  }
  BOOST_TEST_MESSAGE(compared << " totals compared; largest difference " << worst << " € ("
                              << worst_case << ")");
}

BOOST_AUTO_TEST_SUITE_END()
