#define BOOST_TEST_MODULE import_tests
#include <boost/test/included/unit_test.hpp>

#include <fstream>
#include <sstream>

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
  const store::ImportReport report = store::import_records(test.db(), file);
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
  store::import_records(test.db(), file);
  const std::string before = test.snapshot();
  const store::ImportReport again = store::import_records(test.db(), file);
  BOOST_TEST(!again.changed());
  BOOST_TEST(again.members.unchanged == static_cast<int>(file.members.size()));
  BOOST_TEST(again.employees.unchanged == static_cast<int>(file.employees.size()));
  BOOST_TEST(again.contracts.unchanged == static_cast<int>(file.contracts.size()));
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
  BOOST_CHECK_EXCEPTION(store::import_records(test.db(), file), Error, [](const Error& e) {
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
  store::import_records(test.db(), config::read_import_text(text, "demo.yaml"));

  const config::ImportFile first = config::read_import_text(text, "demo.yaml");
  const std::string old_name = first.members.front().record.legal_name;
  const std::string old_title = first.contracts.back().record.job_title;
  std::string changed = replace(text, "\"" + old_name + "\"", "\"" + old_name + " (renamed)\"");
  changed = replace(changed, "\"" + old_title + "\"", "\"Nouveau poste\"");
  const store::ImportReport report =
      store::import_records(test.db(), config::read_import_text(changed, "demo2.yaml"));
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

BOOST_AUTO_TEST_CASE(a_contract_may_reference_records_already_in_the_database) {
  Migrated test("imp_refs");
  store::import_records(test.db(), config::read_import_file(kDemo));
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
  const store::ImportReport report =
      store::import_records(test.db(), config::read_import_text(text, "extra.yaml"));
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
  store::import_records(test.db(), demo);
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
  BOOST_CHECK_EXCEPTION(
      store::import_records(test.db(), config::read_import_text(yaml, "dup.yaml")), Error,
      [](const Error& e) {
        return std::string(e.what()).find("NIR already belongs to employee E001") !=
               std::string::npos;
      });
  BOOST_TEST(test.count("employees") == static_cast<int64_t>(demo.employees.size()));
}

BOOST_AUTO_TEST_SUITE_END()
