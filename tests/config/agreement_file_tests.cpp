#define BOOST_TEST_MODULE agreement_file_tests
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "gepaie/config/agreement_file.h"
#include "gepaie/config/import_file.h"
#include "gepaie/core/error.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = fs::path(GEPAIE_SOURCE_DIR) / "config" / "agreements";

// A folder with one agreement file of `text` for IDCC 9999.
struct Folder {
  explicit Folder(const std::string& text) {
    fs::create_directories(dir);
    std::ofstream(dir / "idcc-9999.yaml") << text;
  }
  ~Folder() { fs::remove_all(dir); }
  fs::path dir = fs::temp_directory_path() / ("gepaie-agreement-" + std::to_string(::getpid()));
};

const std::string kHead =
    "idcc: \"9999\"\n"
    "full_time_weekly_hours: \"35\"\n"
    "grids:\n"
    "  - from: \"2025-01-01\"\n"
    "    source: \"test\"\n"
    "    minimums:\n"
    "      - { level: \"groupe 1\", monthly: \"2000.00\" }\n";

std::string refusal(const std::string& text) {
  Folder folder(text);
  try {
    config::load_agreement_grid(folder.dir, "9999");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput));
    return e.what();
  }
  return "accepted";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(agreement_file_tests)

BOOST_AUTO_TEST_CASE(the_shipped_grid_of_idcc_1285) {
  const auto grid = config::load_agreement_grid(kShipped, "1285");
  BOOST_REQUIRE(grid.has_value());
  BOOST_TEST(grid->idcc == "1285");
  BOOST_TEST(grid->full_time_weekly == Hours::from_minutes(35 * 60));
  BOOST_TEST(grid->minimums.size() == 9u * 12u);  // groups 1 to 9, échelons 1 to 12
  const Hours full_time = Hours::from_minutes(35 * 60);
  const Date day = Date::parse("2026-11-30");
  // As the accord du 28 avril 2023 prints them: group 7, échelon 1 and 4; group 1, échelon 1.
  BOOST_TEST(payroll::agreement_minimum(*grid, "Technicien, groupe 7 – échelon 1", day, full_time)
                 ->monthly == Money::parse("1751.69"));
  BOOST_TEST(payroll::agreement_minimum(*grid, "Technicien, groupe 7 – échelon 4", day, full_time)
                 ->monthly == Money::parse("1909.34"));
  // Échelon 12 by the rule of art. X.4.1: 3 435.87 × 1.33 = 4 569.7071 → 4 569.71.
  BOOST_TEST(
      payroll::agreement_minimum(*grid, "Cadre, groupe 1 – échelon 12", day, full_time)->monthly ==
      Money::parse("4569.71"));
  // Before the grid's date there is none.
  BOOST_TEST(!payroll::agreement_minimum(*grid, "Cadre, groupe 1 – échelon 1",
                                         Date::parse("2023-05-31"), full_time)
                  .has_value());
  // Every classification of the demo GE names a level of the grid.
  const config::ImportFile demo =
      config::read_import_file(fs::path(GEPAIE_SOURCE_DIR) / "config" / "demo" / "demo.yaml");
  BOOST_TEST(demo.contracts.size() == 20u);
  for (const auto& [contract, place] : demo.contracts) {
    BOOST_TEST(
        payroll::agreement_minimum(*grid, contract.classification, day, full_time).has_value(),
        contract.classification);
  }
}

BOOST_AUTO_TEST_CASE(no_file_no_grid) {
  BOOST_TEST(!config::load_agreement_grid(kShipped, "3090").has_value());
  BOOST_TEST(!config::load_agreement_grid(kShipped, "").has_value());
}

BOOST_AUTO_TEST_CASE(a_malformed_grid_is_refused_where_it_is_wrong) {
  BOOST_TEST(refusal(kHead).find("accepted") != std::string::npos);
  const std::string twice =
      refusal(kHead + "      - { level: \"groupe 1\", monthly: \"2100.00\" }\n");
  BOOST_TEST(twice.find("idcc-9999.yaml:8:") != std::string::npos, twice);
  BOOST_TEST(twice.find("twice") != std::string::npos, twice);
  const std::string order = refusal(kHead +
                                    "  - from: \"2024-06-01\"\n"
                                    "    source: \"older\"\n"
                                    "    minimums: []\n");
  BOOST_TEST(order.find("idcc-9999.yaml:8:") != std::string::npos, order);
  BOOST_TEST(order.find("date order") != std::string::npos, order);
  const std::string other = refusal(std::regex_replace(kHead, std::regex("9999"), "1285"));
  BOOST_TEST(other.find("is for IDCC 1285") != std::string::npos, other);
  const std::string zero =
      refusal(std::regex_replace(kHead, std::regex("2000\\.00"), std::string("0.00")));
  BOOST_TEST(zero.find("positive amount") != std::string::npos, zero);
  const std::string unknown = refusal(kHead + "colour: red\n");
  BOOST_TEST(unknown.find("colour") != std::string::npos, unknown);
}

BOOST_AUTO_TEST_SUITE_END()
