#define BOOST_TEST_MODULE migration_tests
#include <boost/test/unit_test.hpp>

#include "gepaie/core/error.h"
#include "gepaie/store/migrations.h"
#include "test_database.h"

using namespace gepaie;

namespace {

int64_t count(store::Database& db, const std::string& sql) {
  store::Rows rows = db.prepare(sql).query();
  BOOST_REQUIRE(rows.next());
  return rows.integer("n");
}

const char* kTables =
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()";

}  // namespace

BOOST_AUTO_TEST_SUITE(migration_tests)

BOOST_AUTO_TEST_CASE(fresh_schema_has_every_migration_pending) {
  testing::TestDatabase test("mig_pending");
  store::Migrator migrator(test.db(), store::bundled_migrations());
  const auto states = migrator.status();
  BOOST_REQUIRE(!states.empty());
  BOOST_TEST(states.front().version == 1);
  BOOST_TEST(states.front().name == "initial");
  for (const auto& state : states) {
    BOOST_TEST(!state.applied);
  }
  BOOST_TEST(count(test.db(), kTables) == 1);  // only schema_migrations
}

BOOST_AUTO_TEST_CASE(migrate_twice_changes_nothing) {
  testing::TestDatabase test("mig_twice");
  store::Migrator migrator(test.db(), store::bundled_migrations());
  const int first = migrator.migrate();
  BOOST_TEST(first == static_cast<int>(store::bundled_migrations().size()));
  const int64_t tables = count(test.db(), kTables);
  BOOST_TEST(tables >= 7);
  const auto after_first = migrator.status();

  BOOST_TEST(migrator.migrate() == 0);
  BOOST_TEST(count(test.db(), kTables) == tables);
  BOOST_TEST(count(test.db(), "SELECT COUNT(*) AS n FROM schema_migrations") == first);
  const auto after_second = migrator.status();
  BOOST_REQUIRE(after_first.size() == after_second.size());
  for (size_t i = 0; i < after_first.size(); ++i) {
    BOOST_TEST(after_second[i].applied);
    BOOST_TEST(after_second[i].applied_at == after_first[i].applied_at);
  }
}

BOOST_AUTO_TEST_CASE(tables_use_innodb_and_utf8mb4) {
  testing::TestDatabase test("mig_engine");
  store::Migrator(test.db(), store::bundled_migrations()).migrate();
  BOOST_TEST(count(test.db(),
                   "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema ="
                   " DATABASE() AND (engine <> 'InnoDB' OR table_collation NOT LIKE 'utf8mb4%')") ==
             0);
  // Money is DECIMAL(14,2).
  BOOST_TEST(
      count(test.db(),
            "SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema ="
            " DATABASE() AND column_name IN ('monthly_gross', 'hourly_rate') AND"
            " NOT (data_type = 'decimal' AND numeric_precision = 14 AND numeric_scale = 2)") == 0);
}

BOOST_AUTO_TEST_CASE(a_later_migration_is_applied_on_top) {
  testing::TestDatabase test("mig_later");
  auto files = store::bundled_migration_files();
  store::Migrator(test.db(), store::parse_migrations(files)).migrate();
  files.push_back({"9001_extra.sql",
                   "CREATE TABLE extra_one (id INT PRIMARY KEY) ENGINE=InnoDB;\n"
                   "-- a comment; with a semicolon\n"
                   "INSERT INTO extra_one (id) VALUES (1), (2);"});
  store::Migrator later(test.db(), store::parse_migrations(files));
  BOOST_TEST(later.migrate() == 1);
  BOOST_TEST(count(test.db(), "SELECT COUNT(*) AS n FROM extra_one") == 2);
  BOOST_TEST(later.migrate() == 0);
  BOOST_TEST(count(test.db(), "SELECT COUNT(*) AS n FROM extra_one") == 2);
}

BOOST_AUTO_TEST_CASE(an_edited_migration_is_refused) {
  testing::TestDatabase test("mig_edited");
  auto files = store::bundled_migration_files();
  files.push_back({"9001_extra.sql", "CREATE TABLE extra_two (id INT PRIMARY KEY);"});
  store::Migrator(test.db(), store::parse_migrations(files)).migrate();
  files.back().sql = "CREATE TABLE extra_two (id BIGINT PRIMARY KEY);";
  store::Migrator edited(test.db(), store::parse_migrations(files));
  BOOST_CHECK_EXCEPTION(edited.status(), Error, [](const Error& e) {
    return std::string(e.what()).find("changed after it was applied") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(an_unknown_applied_migration_is_refused) {
  testing::TestDatabase test("mig_unknown");
  auto files = store::bundled_migration_files();
  files.push_back({"9002_future.sql", "CREATE TABLE future (id INT PRIMARY KEY);"});
  store::Migrator(test.db(), store::parse_migrations(files)).migrate();
  store::Migrator older(test.db(), store::bundled_migrations());
  BOOST_CHECK_THROW(older.status(), Error);
}

BOOST_AUTO_TEST_SUITE_END()
