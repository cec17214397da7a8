#define BOOST_TEST_MODULE registry_tests
#include <boost/test/unit_test.hpp>

#include "gepaie/registry/records.h"
#include "gepaie/registry/validation.h"

using namespace gepaie;
using namespace gepaie::registry;

namespace {

Member valid_member() {
  Member member;
  member.siret = "87001285300012";
  member.legal_name = "Basalte Records SARL";
  member.address = {"14 rue Fontgiève", "", "63000", "Clermont-Ferrand", "FR"};
  member.vat_number = "FR13870012853";
  member.contact_email = "marion@basalte.example";
  return member;
}

Employee valid_employee() {
  Employee employee;
  employee.number = "E001";
  employee.last_name = "Vidal";
  employee.first_name = "Hélène";
  employee.birth_date = Date::parse("1976-05-17");
  employee.nir = "276056311355222";
  employee.address = {"3 rue Blatin", "", "63000", "Clermont-Ferrand", "FR"};
  employee.iban = "FR7630006000011234567890189";
  return employee;
}

Contract valid_contract() {
  Contract contract;
  contract.reference = "CT-E001-01";
  contract.employee_number = "E001";
  contract.kind = ContractKind::Cdi;
  contract.start = Date::parse("2024-01-01");
  contract.weekly_hours = Hours::parse("24");
  contract.monthly_gross = Money::parse("1600.00");
  contract.job_title = "Chargée d'administration";
  contract.classification = "Groupe 6";
  contract.idcc = "1285";
  contract.member_sirets = {"87001285300012", "86964726300019"};
  return contract;
}

bool has_problem(const std::vector<FieldProblem>& problems, const std::string& field,
                 const std::string& reason_part) {
  return std::any_of(problems.begin(), problems.end(), [&](const FieldProblem& p) {
    return p.field == field && p.reason.find(reason_part) != std::string::npos;
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(registry_tests)

BOOST_AUTO_TEST_CASE(valid_records_have_no_problem) {
  BOOST_TEST(check(valid_member()).empty());
  BOOST_TEST(check(valid_employee()).empty());
  BOOST_TEST(check(valid_contract()).empty());
}

BOOST_AUTO_TEST_CASE(member_problems_name_the_field) {
  Member member = valid_member();
  member.siret = "87001285300013";
  member.vat_number = "FR13870012854";
  member.address.postcode = "6300";
  member.contact_email = "nobody";
  const auto problems = check(member);
  BOOST_TEST(has_problem(problems, "siret", "Luhn"));
  BOOST_TEST(has_problem(problems, "vat_number", ""));
  BOOST_TEST(has_problem(problems, "address.postcode", "5 digits"));
  BOOST_TEST(has_problem(problems, "contact.email", "e-mail"));
}

BOOST_AUTO_TEST_CASE(vat_number_must_match_the_siren) {
  Member member = valid_member();
  member.vat_number = "FR22869647263";  // valid key, another SIREN
  BOOST_TEST(has_problem(check(member), "vat_number", "does not match"));
}

BOOST_AUTO_TEST_CASE(billing_agreements_follow_their_model) {
  Member member = valid_member();
  member.billing.fee_rate = Rate::parse_percent("8");
  member.billing.payment_days = 45;
  BOOST_TEST(check(member).empty());
  member.billing.fee_rate = Rate();
  member.billing.fee_per_hour = Money::parse("1.50");
  BOOST_TEST(check(member).empty());
  member.billing.payment_days = 0;  // due on receipt
  BOOST_TEST(check(member).empty());

  member = valid_member();
  member.billing.fee_rate = Rate::parse_percent("8");
  member.billing.fee_per_hour = Money::parse("1.50");
  BOOST_TEST(has_problem(check(member), "billing.fee_per_hour", "not both"));

  member = valid_member();
  member.billing.coefficient = Rate::parse_decimal("1.75");
  BOOST_TEST(has_problem(check(member), "billing.coefficient", "not to cost_split"));

  member = valid_member();
  member.billing.model = BillingModel::Coefficient;
  BOOST_TEST(has_problem(check(member), "billing.coefficient", "needs a coefficient"));
  member.billing.coefficient = Rate::parse_decimal("1.75");
  BOOST_TEST(check(member).empty());
  member.billing.fee_rate = Rate::parse_percent("8");
  member.billing.fee_per_hour = Money::parse("1.50");
  const auto with_fee = check(member);
  BOOST_TEST(has_problem(with_fee, "billing.fee_rate", "includes the fee"));
  BOOST_TEST(has_problem(with_fee, "billing.fee_per_hour", "includes the fee"));
  member.billing = {BillingModel::Coefficient, Rate(), Money(), Rate::parse_decimal("-1.5"), 30};
  BOOST_TEST(has_problem(check(member), "billing.coefficient", "negative"));

  member = valid_member();
  member.billing.fee_rate = Rate::parse_percent("-1");
  member.billing.payment_days = 121;
  auto problems = check(member);
  BOOST_TEST(has_problem(problems, "billing.fee_rate", "negative"));
  BOOST_TEST(has_problem(problems, "billing.payment_days", "from 0 to 120"));
  member.billing.fee_rate = Rate::parse_percent("101");
  member.billing.payment_days = -1;
  problems = check(member);
  BOOST_TEST(has_problem(problems, "billing.fee_rate", "at most 100 %"));
  BOOST_TEST(has_problem(problems, "billing.payment_days", "got -1"));

  member = valid_member();
  member.billing.fee_per_hour = Money::parse("-0.50");
  BOOST_TEST(has_problem(check(member), "billing.fee_per_hour", "negative"));
}

BOOST_AUTO_TEST_CASE(employee_benefits_are_checked) {
  Employee employee = valid_employee();
  employee.benefits = {Money::parse("55.00"), true, Money::parse("25.00"),
                       Rate::parse_percent("7.5")};
  BOOST_TEST(check(employee).empty());
  employee.benefits = {Money::parse("-55.00"), false, Money::parse("-1"),
                       Rate::parse_percent("100.5")};
  const auto problems = check(employee);
  BOOST_TEST(has_problem(problems, "benefits.transit_pass_monthly", "negative"));
  BOOST_TEST(has_problem(problems, "benefits.other_monthly_cost", "negative"));
  BOOST_TEST(has_problem(problems, "benefits.tax_rate", "between 0 and 100"));
  employee.benefits = {};
  employee.benefits.income_tax_rate = Rate::parse_percent("-1");
  BOOST_TEST(has_problem(check(employee), "benefits.tax_rate", "between 0 and 100"));
}

BOOST_AUTO_TEST_CASE(employee_nir_and_iban_are_checked) {
  Employee employee = valid_employee();
  employee.nir = "276056311355223";
  employee.iban = "FR7630006000011234567890188";
  const auto problems = check(employee);
  BOOST_TEST(has_problem(problems, "nir", ""));
  BOOST_TEST(has_problem(problems, "iban", ""));

  Employee born_elsewhen = valid_employee();
  born_elsewhen.birth_date = Date::parse("1977-05-17");
  BOOST_TEST(has_problem(check(born_elsewhen), "nir", "does not match the birth date"));
}

BOOST_AUTO_TEST_CASE(contract_rules) {
  Contract contract = valid_contract();
  contract.end = Date::parse("2023-12-31");
  BOOST_TEST(has_problem(check(contract), "end", "before start"));

  contract = valid_contract();
  contract.kind = ContractKind::Cdd;
  BOOST_TEST(has_problem(check(contract), "end", "CDD needs an end"));

  contract = valid_contract();
  contract.weekly_hours = Hours();
  BOOST_TEST(has_problem(check(contract), "weekly_hours", "more than 0"));
  // The legal maximum is the rates files' (import_checks_tests): not a check of the record alone.
  contract.weekly_hours = Hours::parse("48.02");
  BOOST_TEST(check(contract).empty());

  contract = valid_contract();
  contract.hourly_rate = Money::parse("15.00");
  BOOST_TEST(has_problem(check(contract), "hourly_rate", "not both"));

  contract = valid_contract();
  contract.monthly_gross.reset();
  BOOST_TEST(has_problem(check(contract), "monthly_gross", "required"));

  contract = valid_contract();
  contract.member_sirets = {"87001285300012", "87001285300012", "123"};
  const auto problems = check(contract);
  BOOST_TEST(has_problem(problems, "members[2]", "twice"));
  BOOST_TEST(has_problem(problems, "members[3]", "14 digits"));

  contract = valid_contract();
  contract.member_sirets.clear();
  BOOST_TEST(has_problem(check(contract), "members", "L1253-9"));

  contract = valid_contract();
  contract.idcc = "128";
  BOOST_TEST(has_problem(check(contract), "idcc", "4 digits"));
}

BOOST_AUTO_TEST_CASE(amendment_rules) {
  Contract contract = valid_contract();
  Amendment nothing;
  nothing.effective = Date::parse("2025-01-01");
  Amendment before_start;
  before_start.effective = Date::parse("2023-06-01");
  before_start.weekly_hours = Hours::parse("50");
  contract.amendments = {nothing, before_start};
  const auto problems = check(contract);
  BOOST_TEST(has_problem(problems, "amendments[1].effective", "changes nothing"));
  BOOST_TEST(has_problem(problems, "amendments[2].effective", "outside the contract"));
  BOOST_TEST(has_problem(problems, "amendments[2].effective", "increasing"));
}

BOOST_AUTO_TEST_CASE(terms_apply_amendments_from_their_date) {
  Contract contract = valid_contract();
  Amendment more_hours;
  more_hours.effective = Date::parse("2025-09-01");
  more_hours.weekly_hours = Hours::parse("28");
  more_hours.monthly_gross = Money::parse("1866.67");
  Amendment hourly;
  hourly.effective = Date::parse("2026-01-01");
  hourly.hourly_rate = Money::parse("16.00");
  hourly.member_sirets = std::vector<std::string>{"87001285300012"};
  contract.amendments = {more_hours, hourly};
  BOOST_TEST(check(contract).empty());

  const ContractTerms before = contract.terms_at(Date::parse("2025-08-31"));
  BOOST_TEST(before.weekly_hours.minutes() == 24 * 60);
  BOOST_TEST(before.monthly_gross->cents() == 160000);

  const ContractTerms autumn = contract.terms_at(Date::parse("2025-09-01"));
  BOOST_TEST(autumn.weekly_hours.minutes() == 28 * 60);
  BOOST_TEST(autumn.monthly_gross->cents() == 186667);
  BOOST_TEST(autumn.member_sirets.size() == 2u);

  const ContractTerms next_year = contract.terms_at(Date::parse("2026-03-01"));
  BOOST_TEST(!next_year.monthly_gross.has_value());
  BOOST_TEST(next_year.hourly_rate->cents() == 1600);
  BOOST_TEST(next_year.weekly_hours.minutes() == 28 * 60);
  BOOST_TEST(next_year.member_sirets == std::vector<std::string>{"87001285300012"});
}

BOOST_AUTO_TEST_CASE(active_on_respects_both_ends) {
  Contract contract = valid_contract();
  contract.end = Date::parse("2024-12-31");
  BOOST_TEST(!contract.active_on(Date::parse("2023-12-31")));
  BOOST_TEST(contract.active_on(Date::parse("2024-01-01")));
  BOOST_TEST(contract.active_on(Date::parse("2024-12-31")));
  BOOST_TEST(!contract.active_on(Date::parse("2025-01-01")));
}

BOOST_AUTO_TEST_SUITE_END()
