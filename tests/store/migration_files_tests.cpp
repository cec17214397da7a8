#define BOOST_TEST_MODULE migration_files_tests
#include <boost/test/unit_test.hpp>

#include "gepaie/core/error.h"
#include "gepaie/store/migrations.h"

using namespace gepaie;

BOOST_AUTO_TEST_SUITE(migration_files_tests)

BOOST_AUTO_TEST_CASE(split_respects_quotes_and_comments) {
  const auto statements = store::split_sql(
      "-- header; comment\n"
      "CREATE TABLE a (x VARCHAR(10) DEFAULT 'a;b');\n"
      "/* block; comment */ INSERT INTO a VALUES ('it''s; fine');\n"
      "INSERT INTO a VALUES (\"q;\");  \n\n");
  BOOST_REQUIRE(statements.size() == 3);
  BOOST_TEST(statements[0] == "CREATE TABLE a (x VARCHAR(10) DEFAULT 'a;b')");
  BOOST_TEST(statements[1] == "INSERT INTO a VALUES ('it''s; fine')");
  BOOST_TEST(statements[2] == "INSERT INTO a VALUES (\"q;\")");
}

BOOST_AUTO_TEST_CASE(bundled_migrations_are_ordered_and_named) {
  const auto migrations = store::bundled_migrations();
  BOOST_REQUIRE(!migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    BOOST_TEST(migrations[i].version == static_cast<int>(i + 1));
    BOOST_TEST(migrations[i].checksum.size() == 40u);
    BOOST_TEST(!migrations[i].statements.empty());
  }
  BOOST_TEST(migrations.front().name == "initial");
}

BOOST_AUTO_TEST_CASE(bad_file_names_and_duplicate_versions_are_refused) {
  BOOST_CHECK_THROW(store::parse_migrations({{"1_initial.sql", "SELECT 1"}}), Error);
  BOOST_CHECK_THROW(store::parse_migrations({{"0001_initial.txt", "SELECT 1"}}), Error);
  BOOST_CHECK_THROW(
      store::parse_migrations({{"0001_a.sql", "SELECT 1"}, {"0001_b.sql", "SELECT 2"}}), Error);
  const auto sorted =
      store::parse_migrations({{"0002_b.sql", "SELECT 2"}, {"0001_a.sql", "SELECT 1"}});
  BOOST_TEST(sorted[0].name == "a");
  BOOST_TEST(sorted[1].name == "b");
}

BOOST_AUTO_TEST_SUITE_END()
