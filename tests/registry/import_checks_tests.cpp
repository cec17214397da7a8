#define BOOST_TEST_MODULE import_checks_tests
#include <boost/test/unit_test.hpp>

#include <ostream>

#include "gepaie/registry/import_checks.h"
#include "gepaie/registry/records.h"

using namespace gepaie;
using namespace gepaie::registry;

namespace gepaie::registry {
std::ostream& operator<<(std::ostream& out, const RecordProblem& p) {
  return out << p.index << " " << p.problem.field << ": " << p.problem.reason;
}
}  // namespace gepaie::registry

namespace {

const std::string kBasalte = "87001285300012";
const std::string kLimagne = "86964726300019";

Employee employee(const std::string& number, const std::string& nir) {
  Employee e;
  e.number = number;
  e.nir = nir;
  return e;
}

Contract contract(const std::string& employee, std::vector<std::string> members) {
  Contract c;
  c.reference = "CT-" + employee;
  c.employee_number = employee;
  c.member_sirets = std::move(members);
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_checks_tests)

BOOST_AUTO_TEST_CASE(weekly_hours_above_the_legal_maximum_of_their_day) {
  // A made-up maximum that changes on 2026-01-01, to show the day each figure is checked on.
  const auto maximum_on = [](Date day) {
    return day < Date::parse("2026-01-01") ? Hours::parse("48") : Hours::parse("44");
  };
  Contract start = contract("E1", {"S"});
  start.start = Date::parse("2025-06-02");
  start.weekly_hours = Hours::parse("48");  // the maximum: allowed
  Amendment more;
  more.effective = Date::parse("2026-02-02");
  more.weekly_hours = Hours::parse("44.01");  // 36 s beyond 2026's maximum
  start.amendments = {more};
  Contract over = contract("E2", {"S"});
  over.start = Date::parse("2025-06-02");
  over.weekly_hours = Hours::parse("48:01");
  const auto problems = over_weekly_maximum({start, over}, maximum_on);
  BOOST_TEST_REQUIRE(problems.size() == 2u);
  BOOST_TEST(problems[0].index == 0u);
  BOOST_TEST(problems[0].problem.field == "amendments[1].weekly_hours");
  BOOST_TEST(problems[0].problem.reason ==
             "weekly hours must be at most 44.00 (the legal maximum on 2026-02-02), got 44.01");
  BOOST_TEST(problems[1].index == 1u);
  BOOST_TEST(problems[1].problem.field == "weekly_hours");
  BOOST_TEST(problems[1].problem.reason ==
             "weekly hours must be at most 48.00 (the legal maximum on 2025-06-02), got 48.02");
}

BOOST_AUTO_TEST_CASE(a_nir_belongs_to_one_employee) {
  const std::map<std::string, std::string> stored = {{"E001", "276056311355222"},
                                                     {"E002", "185076311300145"}};
  const std::vector<Employee> incoming = {
      employee("E001", "276056311355222"),  // its own NIR again
      employee("E003", "185076311300145"),  // E002's
      employee("E004", "190016311300118"),  // new
      employee("E005", "190016311300118"),  // E004's, given earlier in the same file
  };
  BOOST_TEST(nir_conflicts(stored, incoming) ==
                 std::vector<RecordProblem>({{1, {"nir", "NIR already belongs to employee E002"}},
                                             {3, {"nir", "NIR already belongs to employee E004"}}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_nir_stays_with_its_stored_owner_while_the_file_moves_it) {
  // E001 takes a new NIR in the file, E002 the old one: refused, the stored owner keeps it.
  const std::vector<Employee> incoming = {employee("E001", "190016311300118"),
                                          employee("E002", "276056311355222")};
  BOOST_TEST(nir_conflicts({{"E001", "276056311355222"}}, incoming) ==
                 std::vector<RecordProblem>({{1, {"nir", "NIR already belongs to employee E001"}}}),
             boost::test_tools::per_element());
  BOOST_TEST(nir_conflicts({}, {}).empty());
}

BOOST_AUTO_TEST_CASE(contracts_refer_to_known_employees_and_members) {
  Contract amended = contract("E002", {kBasalte});
  Amendment amendment;
  amendment.effective = Date::parse("2026-09-01");
  amendment.member_sirets = std::vector<std::string>{kBasalte, "99999999900099"};
  amended.amendments = {Amendment{}, amendment};
  const std::vector<Contract> contracts = {
      contract("E001", {kBasalte, kLimagne}),          // fine
      contract("E404", {"11111111100011", kBasalte}),  // employee, then members
      amended,
  };
  const std::string unknown = " (neither in this file nor in the database)";
  BOOST_TEST(
      unknown_references(contracts, {kBasalte, kLimagne}, {"E001", "E002"}) ==
          std::vector<RecordProblem>(
              {{1, {"employee", "unknown employee E404" + unknown}},
               {1, {"members[1]", "unknown member 11111111100011" + unknown}},
               {2, {"amendments[2].members[2]", "unknown member 99999999900099" + unknown}}}),
      boost::test_tools::per_element());
  BOOST_TEST(unknown_references({contracts[0]}, {kBasalte, kLimagne}, {"E001"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
