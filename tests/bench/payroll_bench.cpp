// Benchmark (not a test): computes a large batch of varied payslips in-process on one core and
// prints payslips per second. The situations are the URSSAF matrix fixture's, cycled.
//   payroll_bench [FIXTURE.json] [COUNT]
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

using namespace gepaie;

int main(int argc, char** argv) {
  const std::string fixture =
      argc > 1 ? argv[1]
               : std::string(GEPAIE_SOURCE_DIR) + "/tests/payroll/fixtures/urssaf_matrix.json";
  const long count = argc > 2 ? std::stol(argv[2]) : 2'000'000;
  const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");

  std::ifstream in(fixture);
  if (!in) {
    std::cerr << "cannot read " << fixture << "\n";
    return 1;
  }
  Poco::JSON::Parser parser;
  const auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
  const auto cases = root->getArray("cases");
  struct Situation {
    config::Simulation simulation;
    const payroll::RateSet* rates;
  };
  std::vector<Situation> situations;
  for (size_t i = 0; i < cases->size(); ++i) {
    std::ostringstream input;
    cases->getObject(static_cast<unsigned>(i))->getObject("input")->stringify(input);
    config::Simulation simulation = config::read_simulation_text(input.str(), "case", book);
    const payroll::RateSet* rates = book.at(simulation.period.first_day());
    situations.push_back({simulation, rates});
  }

  int64_t checksum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < count; ++i) {
    const Situation& s = situations[static_cast<size_t>(i) % situations.size()];
    const payroll::Payslip slip =
        payroll::compute_payslip(*s.rates, s.simulation.period, s.simulation.employer,
                                 s.simulation.terms, s.simulation.elements);
    checksum += slip.totals.employer_cost.cents();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "gepaie engine: " << count << " payslips (" << situations.size()
            << " situations cycled) in " << seconds
            << " s = " << static_cast<long>(static_cast<double>(count) / seconds)
            << " payslips/s on one core (checksum " << checksum << ")\n";
  return 0;
}
