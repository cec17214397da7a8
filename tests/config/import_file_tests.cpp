#define BOOST_TEST_MODULE import_file_tests
#include <boost/test/unit_test.hpp>

#include "gepaie/config/import_file.h"
#include "gepaie/core/error.h"

using namespace gepaie;

namespace {

const std::string kMember = R"(members:
  - siret: "87001285300012"
    name: "Basalte Records SARL"
    address: { line1: "14 rue Fontgiève", postcode: "63000", city: "Clermont-Ferrand" }
)";

const std::string kEmployee = R"(employees:
  - number: "E001"
    last_name: "Vidal"
    first_name: "Hélène"
    birth_date: "1976-05-17"
    nir: "2 76 05 63 113 552 22"
    address: { line1: "3 rue Blatin", postcode: "63000", city: "Clermont-Ferrand" }
    iban: "FR76 3000 6000 0112 3456 7890 189"
)";

std::string contract(const std::string& extra = "", const std::string& hours = "24") {
  return R"(contracts:
  - reference: "CT-E001-01"
    employee: "E001"
    kind: CDI
    start: "2024-01-01"
    weekly_hours: )" +
         hours + R"(
    monthly_gross: "1600.00"
    status: non-cadre
    job_title: "Chargée d'administration"
    classification: "Groupe 6"
    idcc: "1285"
    members: ["87001285300012"]
)" + extra;
}

// Reading `text` fails; the error names line and column and contains every `parts`.
void expect_bad(const std::string& text, int line, int column,
                const std::vector<std::string>& parts) {
  try {
    config::read_import_text(text, "input.yaml");
    BOOST_ERROR("accepted: " + parts.front());
  } catch (const Error& e) {
    const std::string what = e.what();
    BOOST_TEST(e.exit_status() == 2);
    BOOST_TEST(what.find("input.yaml:" + std::to_string(line) + ":" + std::to_string(column) +
                         ":") != std::string::npos,
               what);
    for (const std::string& part : parts) {
      BOOST_TEST(what.find(part) != std::string::npos, what << " lacks " << part);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_file_tests)

BOOST_AUTO_TEST_CASE(reads_records_in_file_order) {
  const config::ImportFile file =
      config::read_import_text(kMember + kEmployee + contract(), "input.yaml");
  BOOST_REQUIRE(file.members.size() == 1u);
  BOOST_REQUIRE(file.employees.size() == 1u);
  BOOST_REQUIRE(file.contracts.size() == 1u);
  BOOST_TEST(file.members[0].record.address.country == "FR");
  BOOST_TEST(file.employees[0].record.nir == "276056311355222");
  BOOST_TEST(file.employees[0].record.iban == "FR7630006000011234567890189");
  BOOST_TEST(file.employees[0].record.first_name == "Hélène");
  const auto& c = file.contracts[0];
  BOOST_TEST(c.record.monthly_gross->cents() == 160000);
  BOOST_TEST(c.record.weekly_hours.minutes() == 24 * 60);
  BOOST_TEST(c.place.record.line == 14);
  BOOST_TEST(c.place.of("members[1]").line == 24);
  BOOST_TEST(c.place.of("members[1]").column == 15);
  BOOST_TEST(c.place.of("nonexistent").line == 14);
}

BOOST_AUTO_TEST_CASE(the_demo_file_reads_cleanly) {
  const config::ImportFile file =
      config::read_import_file(std::string(GEPAIE_SOURCE_DIR) + "/config/demo/demo.yaml");
  BOOST_TEST(file.members.size() >= 10u);
  BOOST_TEST(file.employees.size() >= 18u);
  BOOST_TEST(file.contracts.size() == file.employees.size());
}

BOOST_AUTO_TEST_CASE(bad_values_are_located) {
  // Lines: contracts at 1, the record at 2; weekly_hours at 6 (column 19).
  expect_bad(contract("", "0"), 6, 19, {"contracts[1].weekly_hours", "more than 0"});
  expect_bad(contract("", "lots"), 6, 19, {"contracts[1].weekly_hours"});
  expect_bad(kMember + contract("    end: \"2023-05-01\"\n"), 17, 10,
             {"contracts[1].end", "before start"});
  expect_bad(contract("    colour: red\n"), 13, 5, {"unknown key 'colour'"});
}

BOOST_AUTO_TEST_CASE(identifier_checks) {
  std::string bad_nir = kEmployee;
  bad_nir.replace(bad_nir.find("552 22"), 6, "552 23");
  expect_bad(bad_nir, 6, 10, {"employees[1].nir"});
  std::string bad_iban = kEmployee;
  bad_iban.replace(bad_iban.find("189\""), 3, "188");
  expect_bad(bad_iban, 8, 11, {"employees[1].iban"});
  std::string bad_siret = kMember;
  bad_siret.replace(bad_siret.find("300012"), 6, "300013");
  expect_bad(bad_siret, 2, 12, {"members[1].siret", "Luhn"});
}

BOOST_AUTO_TEST_CASE(duplicates_and_every_problem_are_reported) {
  const std::string twice = kMember + R"(  - siret: "87001285300012"
    name: "Autre"
    address: { line1: "1 rue", postcode: "63000", city: "Riom" }
)";
  expect_bad(twice, 5, 12, {"duplicate key 87001285300012"});

  std::string two_problems = kMember + contract("", "0");
  two_problems.replace(two_problems.find("300012\""), 6, "300013");
  try {
    config::read_import_text(two_problems, "input.yaml");
    BOOST_ERROR("accepted");
  } catch (const Error& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("2 problems") != std::string::npos, what);
    BOOST_TEST(what.find("input.yaml:2:12: members[1].siret") != std::string::npos, what);
    BOOST_TEST(what.find("contracts[1].weekly_hours") != std::string::npos, what);
  }
}

BOOST_AUTO_TEST_CASE(structure_errors) {
  expect_bad("members: {siret: 1}\n", 1, 10, {"expected a list"});
  expect_bad("members:\n  - [1, 2]\n", 2, 5, {"expected a mapping"});
  expect_bad("staff: []\n", 1, 1, {"unknown key 'staff'"});
  expect_bad(contract().replace(contract().find("kind: CDI"), 9, "kind: CDX"), 4, 11,
             {"CDI or CDD"});
  expect_bad("members:\n  - siret: \"87001285300012\"\n    name: [\n", 4, 1, {"YAML syntax"});
}

BOOST_AUTO_TEST_CASE(amendments_are_read_and_located) {
  const std::string text = kMember + R"(  - siret: "86964726300019"
    name: "Studio des Puys SARL"
    address: { line1: "5 avenue de Royat", postcode: "63400", city: "Chamalières" }
)" + contract(R"(    amendments:
      - effective: "2025-09-01"
        weekly_hours: 28
        members: ["87001285300012", "86964726300019"]
        note: "Avenant n°1"
)");
  const config::ImportFile file = config::read_import_text(text, "input.yaml");
  const auto& amendments = file.contracts[0].record.amendments;
  BOOST_REQUIRE(amendments.size() == 1u);
  BOOST_TEST(amendments[0].weekly_hours->minutes() == 28 * 60);
  BOOST_TEST(amendments[0].member_sirets->size() == 2u);
  BOOST_TEST(amendments[0].note == "Avenant n°1");

  std::string bad = text;
  bad.replace(bad.find("weekly_hours: 28"), 16, "weekly_hours: 0");
  expect_bad(bad, 22, 23, {"contracts[1].amendments[1].weekly_hours", "more than 0"});
}

BOOST_AUTO_TEST_CASE(billing_and_benefits_default_when_absent) {
  const config::ImportFile file = config::read_import_text(kMember + kEmployee, "input.yaml");
  const registry::BillingAgreement& billing = file.members[0].record.billing;
  BOOST_TEST((billing.model == registry::BillingModel::CostSplit));
  BOOST_TEST(billing.fee_rate.ppm() == 0);
  BOOST_TEST(billing.fee_per_hour.cents() == 0);
  BOOST_TEST(billing.coefficient.ppm() == 0);
  BOOST_TEST(billing.payment_days == 30);
  BOOST_TEST((file.employees[0].record.benefits == registry::EmployeeBenefits{}));
}

BOOST_AUTO_TEST_CASE(billing_and_benefits_are_read) {
  const std::string text = kMember +
                           "    billing: { model: cost_split, fee_rate: 8, payment_days: 45 }\n"
                           "  - siret: \"86964726300019\"\n"
                           "    name: \"Studio des Puys SARL\"\n"
                           "    address: { line1: \"5 av. de Royat\", postcode: \"63400\","
                           " city: \"Chamalières\" }\n"
                           "    billing:\n"
                           "      model: coefficient\n"
                           "      coefficient: 1.75\n"
                           "  - siret: \"88446628500019\"\n"
                           "    name: \"Arvernes Booking SAS\"\n"
                           "    address: { line1: \"41 rue de l'Oradou\", postcode: \"63100\","
                           " city: \"Clermont-Ferrand\" }\n"
                           "    billing: { fee_per_hour: 1.50 }\n" +
                           kEmployee +
                           "    benefits: { transit_pass_monthly: 55.00, meal_vouchers: true,"
                           " other_monthly_cost: 12.50, tax_rate: 7.5 }\n";
  const config::ImportFile file = config::read_import_text(text, "input.yaml");
  BOOST_REQUIRE(file.members.size() == 3u);
  const registry::BillingAgreement& split = file.members[0].record.billing;
  BOOST_TEST((split.model == registry::BillingModel::CostSplit));
  BOOST_TEST(split.fee_rate.ppm() == 80'000);  // 8 %
  BOOST_TEST(split.payment_days == 45);
  const registry::BillingAgreement& coefficient = file.members[1].record.billing;
  BOOST_TEST((coefficient.model == registry::BillingModel::Coefficient));
  BOOST_TEST(coefficient.coefficient.ppm() == 1'750'000);
  BOOST_TEST(coefficient.payment_days == 30);
  BOOST_TEST(file.members[1].place.of("billing.coefficient").line == 11);
  const registry::BillingAgreement& per_hour = file.members[2].record.billing;
  BOOST_TEST((per_hour.model == registry::BillingModel::CostSplit));
  BOOST_TEST(per_hour.fee_per_hour.cents() == 150);
  BOOST_TEST(per_hour.fee_rate.ppm() == 0);

  const registry::EmployeeBenefits& benefits = file.employees[0].record.benefits;
  BOOST_TEST(benefits.transit_pass_monthly.cents() == 5'500);
  BOOST_TEST(benefits.meal_vouchers);
  BOOST_TEST(benefits.other_monthly_cost.cents() == 1'250);
  BOOST_TEST(benefits.income_tax_rate.ppm() == 75'000);  // 7.5 %
}

BOOST_AUTO_TEST_CASE(bad_billing_values_are_located) {
  // kMember's lines 1 to 4, the billing line is 5: "    billing: { " puts the first key at
  // column 16.
  auto member = [](const std::string& billing) {
    return kMember + "    billing: { " + billing + " }\n";
  };
  expect_bad(member("model: hourly"), 5, 23,
             {"members[1].billing.model", "cost_split or coefficient"});
  expect_bad(member("fee_rate: 8, fee_per_hour: 1.50"), 5, 43,
             {"members[1].billing.fee_per_hour", "not both"});
  expect_bad(member("fee_rate: -2"), 5, 26, {"members[1].billing.fee_rate", "negative"});
  expect_bad(member("fee_rate: eight"), 5, 26, {"members[1].billing.fee_rate"});
  expect_bad(member("fee_per_hour: -1.50"), 5, 30, {"members[1].billing.fee_per_hour"});
  expect_bad(member("coefficient: 1.75"), 5, 29,
             {"members[1].billing.coefficient", "not to cost_split"});
  // The coefficient model without a coefficient: located at the billing mapping.
  expect_bad(member("model: coefficient"), 5, 14,
             {"members[1].billing.coefficient", "needs a coefficient above 0"});
  expect_bad(member("model: coefficient, coefficient: 1.8, fee_rate: 8"), 5, 64,
             {"members[1].billing.fee_rate", "includes the fee"});
  expect_bad(member("payment_days: 150"), 5, 30,
             {"members[1].billing.payment_days", "from 0 to 120"});
  expect_bad(member("payment_days: -1"), 5, 30, {"members[1].billing.payment_days"});
  expect_bad(member("payment_days: 30.5"), 5, 30,
             {"members[1].billing.payment_days", "whole number"});
  expect_bad(member("fee: 8"), 5, 16, {"unknown key 'fee'"});
}

BOOST_AUTO_TEST_CASE(bad_benefits_are_located) {
  // kEmployee's lines 1 to 8, the benefits line is 9: its first key at column 17.
  auto employee = [](const std::string& benefits) {
    return kEmployee + "    benefits: { " + benefits + " }\n";
  };
  expect_bad(employee("transit_pass_monthly: -55.00"), 9, 39,
             {"employees[1].benefits.transit_pass_monthly", "negative"});
  expect_bad(employee("other_monthly_cost: -1"), 9, 37,
             {"employees[1].benefits.other_monthly_cost", "negative"});
  expect_bad(employee("tax_rate: 120"), 9, 27,
             {"employees[1].benefits.tax_rate", "between 0 and 100"});
  expect_bad(employee("tax_rate: high"), 9, 27, {"employees[1].benefits.tax_rate"});
  expect_bad(employee("meal_vouchers: maybe"), 9, 32,
             {"employees[1].benefits.meal_vouchers", "true or false"});
  expect_bad(employee("car: true"), 9, 17, {"unknown key 'car'"});
}

BOOST_AUTO_TEST_SUITE_END()
