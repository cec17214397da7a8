#define BOOST_TEST_MODULE import_tests
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "gepaie/app/registry.h"
#include "gepaie/config/import_file.h"
#include "gepaie/core/error.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/registry_store.h"
#include "test_database.h"

using namespace gepaie;

namespace {

const std::string kDemo = std::string(GEPAIE_SOURCE_DIR) + "/config/demo/demo.yaml";
const std::string kBadLast = std::string(GEPAIE_SOURCE_DIR) + "/config/demo/bad-last-record.yaml";

struct Migrated : testing::TestDatabase {
  explicit Migrated(const std::string& name) : TestDatabase(name) {
    store::Migrator(db(), store::bundled_migrations()).migrate();
  }
  int64_t count(const std::string& table) {
    store::Rows rows = db().prepare("SELECT COUNT(*) AS n FROM " + table).query();
    rows.next();
    return rows.integer("n");
  }
  // Every table's rows, to compare the whole database before and after.
  std::string snapshot() {
    std::ostringstream out;
    for (const char* table : {"members", "employees", "contracts", "contract_members",
                              "contract_amendments", "amendment_members"}) {
      out << table << "=" << count(table) << ";";
    }
    store::Rows rows =
        db().prepare("SELECT siret, legal_name, updated_at FROM members ORDER BY siret").query();
    while (rows.next()) {
      out << rows.text("siret") << rows.text("legal_name") << rows.text("updated_at") << ";";
    }
    return out.str();
  }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_tests)

BOOST_AUTO_TEST_CASE(demo_imports_and_reads_back_equal) {
  Migrated test("imp_demo");
  const config::ImportFile file = config::read_import_file(kDemo);
  const store::ImportReport report = app::import_records(test.db(), testing::shipped_rates(), file);
  BOOST_TEST(report.members.added == static_cast<int>(file.members.size()));
  BOOST_TEST(report.employees.added == static_cast<int>(file.employees.size()));
  BOOST_TEST(report.contracts.added == static_cast<int>(file.contracts.size()));
  BOOST_TEST(file.members.size() >= 10u);
  BOOST_TEST(file.employees.size() >= 18u);

  const auto members = store::list_members(test.db());
  BOOST_REQUIRE(members.size() == file.members.size());
  for (const auto& placed : file.members) {
    const auto it = std::find_if(members.begin(), members.end(),
                                 [&](const auto& m) { return m.siret == placed.record.siret; });
    BOOST_REQUIRE(it != members.end());
    BOOST_TEST((*it == placed.record));
  }
  const auto employees = store::list_employees(test.db());
  BOOST_REQUIRE(employees.size() == file.employees.size());
  for (size_t i = 0; i < employees.size(); ++i) {
    BOOST_TEST((employees[i] == file.employees[i].record));
  }
  const auto contracts = store::list_contracts(test.db());
  BOOST_REQUIRE(contracts.size() == file.contracts.size());
  int amended = 0;
  for (const auto& contract : contracts) {
    amended += contract.amendments.empty() ? 0 : 1;
    BOOST_TEST(contract.member_sirets.size() >= 2u);
  }
  BOOST_TEST(amended >= 1);
}

BOOST_AUTO_TEST_CASE(second_import_of_the_same_file_changes_nothing) {
  Migrated test("imp_twice");
  const config::ImportFile file = config::read_import_file(kDemo);
  app::import_records(test.db(), testing::shipped_rates(), file);
  const std::string before = test.snapshot();
  const store::ImportReport again = app::import_records(test.db(), testing::shipped_rates(), file);
  BOOST_TEST(!again.changed());
  BOOST_TEST(again.members.unchanged == static_cast<int>(file.members.size()));
  BOOST_TEST(again.employees.unchanged == static_cast<int>(file.employees.size()));
  BOOST_TEST(again.contracts.unchanged == static_cast<int>(file.contracts.size()));
  BOOST_TEST(test.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(weekly_hours_beyond_the_legal_maximum_are_located_and_write_nothing) {
  Migrated test("imp_weekly_max");
  // The demo's first contract with 49 h a week: beyond weekly_max_hours (48 h, L3121-20) of the
  // shipped rates files on its start date.
  std::string text = read_file(kDemo);
  const size_t at = text.find("weekly_hours: 35");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  text.replace(at, 16, "weekly_hours: 49");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
  const config::ImportFile file = config::read_import_text(text, "too-long.yaml");
  const std::string before = test.snapshot();
  BOOST_CHECK_EXCEPTION(
      app::import_records(test.db(), testing::shipped_rates(), file), Error,
      [line](const Error& e) {
        const std::string what = e.what();
        return e.kind() == ErrorKind::BadInput && e.exit_status() == 2 && e.where().line == line &&
               what.find("too-long.yaml:") != std::string::npos &&
               what.find("weekly_hours") != std::string::npos &&
               what.find("weekly hours must be at most 48.00") != std::string::npos;
      });
  BOOST_TEST(test.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_file_whose_last_record_is_bad_writes_nothing) {
  Migrated test("imp_bad_last");
  // Rejected while reading: the last contract lists a SIRET with a wrong check digit.
  BOOST_CHECK_EXCEPTION(config::read_import_file(kBadLast), Error, [](const Error& e) {
    const std::string what = e.what();
    return e.kind() == ErrorKind::BadInput && e.where().line > 0 &&
           what.find("bad-last-record.yaml:") != std::string::npos &&
           what.find("members[") != std::string::npos;
  });

  // A last record that only the database can refuse (unknown member) rolls back the whole file.
  std::string text = read_file(kDemo);
  text += R"(  - reference: "CT-LAST-01"
    employee: "E001"
    kind: CDD
    start: "2026-01-05"
    end: "2026-06-30"
    weekly_hours: 10
    monthly_gross: "600.00"
    status: non-cadre
    job_title: "Renfort"
    classification: "Groupe 9"
    idcc: "1285"
    members: ["79012345900014"]
)";
  const config::ImportFile file = config::read_import_text(text, "last-unknown.yaml");
  const std::string before = test.snapshot();
  BOOST_CHECK_EXCEPTION(app::import_records(test.db(), testing::shipped_rates(), file), Error,
                        [](const Error& e) {
                          const std::string what = e.what();
                          return e.kind() == ErrorKind::BadInput && e.exit_status() == 2 &&
                                 what.find("last-unknown.yaml:") != std::string::npos &&
                                 what.find("unknown member 79012345900014") != std::string::npos;
                        });
  BOOST_TEST(test.snapshot() == before);
  BOOST_TEST(test.count("members") == 0);
  BOOST_TEST(test.count("employees") == 0);
}

BOOST_AUTO_TEST_CASE(reimport_updates_what_changed_only) {
  Migrated test("imp_upsert");
  const std::string text = read_file(kDemo);
  app::import_records(test.db(), testing::shipped_rates(),
                      config::read_import_text(text, "demo.yaml"));

  const config::ImportFile first = config::read_import_text(text, "demo.yaml");
  const std::string old_name = first.members.front().record.legal_name;
  const std::string old_title = first.contracts.back().record.job_title;
  std::string changed = replace(text, "\"" + old_name + "\"", "\"" + old_name + " (renamed)\"");
  changed = replace(changed, "\"" + old_title + "\"", "\"Nouveau poste\"");
  const store::ImportReport report = app::import_records(
      test.db(), testing::shipped_rates(), config::read_import_text(changed, "demo2.yaml"));
  BOOST_TEST(report.members.updated == 1);
  BOOST_TEST(report.members.added == 0);
  BOOST_TEST(report.members.unchanged == static_cast<int>(first.members.size()) - 1);
  BOOST_TEST(report.employees.updated == 0);
  BOOST_TEST(report.contracts.updated >= 1);
  BOOST_TEST(test.count("members") == static_cast<int64_t>(first.members.size()));

  const auto members = store::list_members(test.db());
  BOOST_TEST(std::count_if(members.begin(), members.end(), [&](const auto& m) {
               return m.legal_name == old_name + " (renamed)";
             }) == 1);
}

BOOST_AUTO_TEST_CASE(billing_agreements_and_benefits_round_trip) {
  Migrated test("imp_billing");
  app::import_records(test.db(), testing::shipped_rates(), config::read_import_file(kDemo));
  const auto members = store::list_members(test.db());
  auto member = [&](const std::string& siret) {
    const auto it = std::find_if(members.begin(), members.end(),
                                 [&](const auto& m) { return m.siret == siret; });
    BOOST_REQUIRE(it != members.end());
    return it->billing;
  };
  const registry::BillingAgreement basalte = member("87001285300012");
  BOOST_TEST((basalte.model == registry::BillingModel::CostSplit));
  BOOST_TEST(basalte.fee_rate.ppm() == 80'000);
  BOOST_TEST(basalte.fee_per_hour.cents() == 0);
  BOOST_TEST(basalte.payment_days == 30);
  const registry::BillingAgreement studio = member("86964726300019");
  BOOST_TEST(studio.fee_per_hour.cents() == 150);
  BOOST_TEST(studio.fee_rate.ppm() == 0);
  const registry::BillingAgreement films = member("89448409600017");
  BOOST_TEST((films.model == registry::BillingModel::Coefficient));
  BOOST_TEST(films.coefficient.ppm() == 1'750'000);
  const registry::BillingAgreement pariou = member("91800548900011");
  BOOST_TEST(pariou.coefficient.ppm() == 1'800'000);
  BOOST_TEST(pariou.payment_days == 45);

  const auto employees = store::list_employees(test.db());
  BOOST_REQUIRE(!employees.empty());
  const registry::EmployeeBenefits& e001 = employees.front().benefits;
  BOOST_TEST(employees.front().number == "E001");
  BOOST_TEST(e001.transit_pass_monthly.cents() == 5'500);
  BOOST_TEST(e001.meal_vouchers);
  BOOST_TEST(e001.income_tax_rate.ppm() == 75'000);
  BOOST_TEST(std::count_if(employees.begin(), employees.end(), [](const auto& e) {
               return !e.benefits.other_monthly_cost.is_zero();
             }) >= 1);

  // The columns themselves, as other modules' SQL reads them.
  store::Rows rows = test.db()
                         .prepare(
                             "SELECT billing_model, fee_rate_ppm, fee_per_hour, coefficient_ppm,"
                             " payment_days FROM members WHERE siret = '89448409600017'")
                         .query();
  BOOST_REQUIRE(rows.next());
  BOOST_TEST(rows.text("billing_model") == "coefficient");
  BOOST_TEST(rows.integer("fee_rate_ppm") == 0);
  BOOST_TEST(rows.money("fee_per_hour").cents() == 0);
  BOOST_TEST(rows.integer("coefficient_ppm") == 1'750'000);
  BOOST_TEST(rows.integer("payment_days") == 30);
  store::Rows employee_rows =
      test.db()
          .prepare(
              "SELECT transit_pass_monthly, meal_vouchers, other_monthly_cost, income_tax_rate_ppm"
              " FROM employees WHERE number = 'E001'")
          .query();
  BOOST_REQUIRE(employee_rows.next());
  BOOST_TEST(employee_rows.money("transit_pass_monthly").cents() == 5'500);
  BOOST_TEST(employee_rows.integer("meal_vouchers") == 1);
  BOOST_TEST(employee_rows.money("other_monthly_cost").cents() == 0);
  BOOST_TEST(employee_rows.integer("income_tax_rate_ppm") == 75'000);
}

BOOST_AUTO_TEST_CASE(reimport_detects_billing_and_benefit_changes) {
  Migrated test("imp_billing_change");
  const std::string text = read_file(kDemo);
  const config::ImportFile demo = config::read_import_text(text, "demo.yaml");
  app::import_records(test.db(), testing::shipped_rates(), demo);
  const int members = static_cast<int>(demo.members.size());
  const int employees = static_cast<int>(demo.employees.size());

  // Basalte Records (the first member) moves to a 9 % fee; E001 gets a new PAS rate.
  std::string changed =
      replace(text, "fee_rate: 8, payment_days: 30", "fee_rate: 9, payment_days: 30");
  changed = replace(changed, "tax_rate: 7.5", "tax_rate: 8.1");
  const store::ImportReport report = app::import_records(
      test.db(), testing::shipped_rates(), config::read_import_text(changed, "demo2.yaml"));
  BOOST_TEST(report.members.updated == 1);
  BOOST_TEST(report.members.unchanged == members - 1);
  BOOST_TEST(report.employees.updated == 1);
  BOOST_TEST(report.employees.unchanged == employees - 1);
  BOOST_TEST(report.contracts.updated == 0);

  const auto stored_members = store::list_members(test.db());
  const auto basalte = std::find_if(stored_members.begin(), stored_members.end(),
                                    [](const auto& m) { return m.siret == "87001285300012"; });
  BOOST_REQUIRE(basalte != stored_members.end());
  BOOST_TEST(basalte->billing.fee_rate.ppm() == 90'000);
  BOOST_TEST(store::list_employees(test.db()).front().benefits.income_tax_rate.ppm() == 81'000);

  const store::ImportReport again = app::import_records(
      test.db(), testing::shipped_rates(), config::read_import_text(changed, "demo2.yaml"));
  BOOST_TEST(!again.changed());

  // Without its billing and benefits lines, a record is back to the defaults: a change too.
  std::string dropped =
      replace(text, "    billing: { model: cost_split, fee_rate: 8, payment_days: 30 }\n", "");
  dropped = replace(dropped, "    benefits: { meal_vouchers: true }\n", "");
  const store::ImportReport defaults = app::import_records(
      test.db(), testing::shipped_rates(), config::read_import_text(dropped, "demo3.yaml"));
  BOOST_TEST(defaults.members.updated == 1);
  BOOST_TEST(defaults.employees.updated == 2);  // E001 back to 7.5 %, E002 without vouchers
  const auto employees_now = store::list_employees(test.db());
  BOOST_REQUIRE(employees_now.size() >= 2u);
  BOOST_TEST(employees_now[1].number == "E002");
  BOOST_TEST(!employees_now[1].benefits.meal_vouchers);
}

BOOST_AUTO_TEST_CASE(a_contract_may_reference_records_already_in_the_database) {
  Migrated test("imp_refs");
  app::import_records(test.db(), testing::shipped_rates(), config::read_import_file(kDemo));
  const config::ImportFile demo = config::read_import_file(kDemo);
  const std::string siret = demo.members.front().record.siret;
  const std::string text = R"(contracts:
  - reference: "CT-E001-02"
    employee: "E001"
    kind: CDD
    start: "2027-01-04"
    end: "2027-03-31"
    reason: "remplacement"
    weekly_hours: 7.5
    hourly_rate: "15.00"
    status: non-cadre
    job_title: "Renfort"
    classification: "Groupe 9"
    idcc: "1285"
    members: [")" + siret + R"("]
)";
  const store::ImportReport report = app::import_records(
      test.db(), testing::shipped_rates(), config::read_import_text(text, "extra.yaml"));
  BOOST_TEST(report.contracts.added == 1);
  const auto contracts = store::list_contracts(test.db());
  const auto it = std::find_if(contracts.begin(), contracts.end(),
                               [](const auto& c) { return c.reference == "CT-E001-02"; });
  BOOST_REQUIRE(it != contracts.end());
  BOOST_TEST(it->weekly_hours.minutes() == 450);
  BOOST_TEST(it->hourly_rate->cents() == 1500);
  BOOST_TEST(!it->monthly_gross.has_value());
}

BOOST_AUTO_TEST_CASE(a_nir_of_another_employee_is_refused) {
  Migrated test("imp_nir");
  const config::ImportFile demo = config::read_import_file(kDemo);
  app::import_records(test.db(), testing::shipped_rates(), demo);
  std::string text = read_file(kDemo);
  const std::string e002_nir_line = "number: \"E002\"";
  BOOST_REQUIRE(text.find(e002_nir_line) != std::string::npos);
  // A new employee E099 who would reuse E001's NIR.
  const auto& e001 = demo.employees.front().record;
  const std::string yaml =
      "employees:\n  - number: \"E099\"\n    last_name: \"Double\"\n"
      "    first_name: \"Jean\"\n    birth_date: \"" +
      e001.birth_date.str() + "\"\n    nir: \"" + e001.nir +
      "\"\n    address: { line1: \"1 rue\", postcode: \"63000\", city: "
      "\"Clermont\" }\n    iban: \"" +
      e001.iban + "\"\n";
  BOOST_CHECK_EXCEPTION(app::import_records(test.db(), testing::shipped_rates(),
                                            config::read_import_text(yaml, "dup.yaml")),
                        Error, [](const Error& e) {
                          return std::string(e.what()).find(
                                     "NIR already belongs to employee E001") != std::string::npos;
                        });
  BOOST_TEST(test.count("employees") == static_cast<int64_t>(demo.employees.size()));
}

BOOST_AUTO_TEST_SUITE_END()
