#define BOOST_TEST_MODULE rates_file_tests
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"

using namespace gepaie;

namespace {

const std::string kRatesDir = std::string(GEPAIE_SOURCE_DIR) + "/config/rates";

// A minimal valid file for `year`, with `extra_contribution` appended to the contributions.
std::string minimal(const std::string& year, const std::string& extra_contribution = "",
                    const std::string& smic = "") {
  const std::string from = year + "-01-01";
  auto constant = [&](const char* name, const char* value) {
    return std::string("  ") + name + ": [{ from: \"" + from + "\", value: \"" + value +
           "\", source: \"test\" }]\n";
  };
  std::string text = "valid_from: \"" + from + "\"\nvalid_to: \"" + year + "-12-31\"\nconstants:\n";
  text += smic.empty() ? constant("smic_hourly", "12.02") : smic;
  for (auto [name, value] : std::vector<std::pair<const char*, const char*>>{
           {"pmss", "4005.00"},
           {"pass", "48060.00"},
           {"ceiling_proration_days", "30"},
           {"unemployment_ceiling_multiple", "4"},
           {"tranche_2_ceiling_multiple", "8"},
           {"legal_weekly_hours", "35"},
           {"csg_base_share", "98.25"},
           {"csg_abatement_pass_limit", "4"},
           {"overtime_first_rate", "25"},
           {"overtime_second_rate", "50"},
           {"overtime_first_band_weekly", "8"},
           {"extra_first_rate", "10"},
           {"extra_second_rate", "25"},
           {"extra_first_band_share", "10"},
           {"overtime_employee_reduction_cap", "11.31"},
           {"overtime_tax_exemption_cap", "7500"},
           {"overtime_deduction_under_20", "1.50"},
           {"overtime_deduction_from_20", "0.50"},
           {"overtime_deduction_headcount", "20"},
           {"prevoyance_cadre_min_rate", "1.50"},
           {"health_plan_min_employer_share", "50"},
           {"general_reduction", "fillon"},
           {"reduction_t_under_50", "0.3193"},
           {"reduction_t_from_50", "0.3233"},
           {"reduction_large_headcount", "50"},
           {"reduction_coefficient_decimals", "4"},
           {"reduction_smic_multiple", "1.6"},
           {"daily_max_hours", "10"},
           {"daily_rest_hours", "11"},
           {"weekly_max_hours", "48"},
           {"average_weekly_max_hours", "44"},
           {"average_weeks", "12"},
           {"part_time_extra_divisor", "10"},
           {"part_time_extra_divisor_agreement", "3"},
           {"paid_leave_days_per_month", "2.5"},
           {"paid_leave_sickness_days_per_month", "2"},
           {"paid_leave_max_days", "30"},
           {"paid_leave_period_first_month", "6"},
           {"paid_leave_tenth", "10"},
           {"severance_min_months", "8"},
           {"severance_first_band_years", "10"},
           {"severance_first_band_denominator", "4"},
           {"severance_beyond_denominator", "3"},
           {"cdd_end_indemnity_rate", "10"},
           {"transit_pass_employer_share", "50"},
           {"vat_standard_rate", "20"},
           {"late_payment_recovery_fee", "40.00"}}) {
    text += constant(name, value);
  }
  text += "contributions:\n";
  text +=
      "  - { code: maladie, label: \"Maladie\", group: sante, base: gross, employee: \"0\", "
      "employer: \"13\", source: \"CSS\" }\n";
  return text + extra_contribution;
}

// The line of `extra_contribution` (or of a key appended) in minimal().
int extra_line() {
  const std::string text = minimal("2026");
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

void expect_refused(const std::vector<std::pair<std::string, std::string>>& files,
                    const std::string& file, int line, const std::string& reason) {
  try {
    config::load_rate_texts(files);
    BOOST_ERROR("accepted: " + reason);
  } catch (const Error& e) {
    const std::string what = e.what();
    BOOST_TEST(e.exit_status() == 2);
    BOOST_TEST(what.find(file + ":" + std::to_string(line) + ":") != std::string::npos, what);
    BOOST_TEST(what.find(reason) != std::string::npos, what);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rates_file_tests)

BOOST_AUTO_TEST_CASE(shipped_rates_load_and_follow_the_smic) {
  const payroll::RateBook book = config::load_rate_book(kRatesDir);
  const payroll::RateSet* may = book.at(Date::parse("2026-05-31"));
  const payroll::RateSet* june = book.at(Date::parse("2026-06-01"));
  BOOST_REQUIRE(may != nullptr);
  BOOST_REQUIRE(june != nullptr);
  BOOST_TEST(may->constants.smic_hourly.cents() == 1202);
  BOOST_TEST(june->constants.smic_hourly.cents() == 1231);
  BOOST_TEST(june->constants.pmss.cents() == 400500);
  BOOST_TEST(book.at(Date::parse("2030-01-01")) == nullptr);
  for (const payroll::RateSet& set : book.sets()) {
    BOOST_TEST(!set.contributions.empty());
    for (const auto& rule : set.contributions) {
      BOOST_TEST(!rule.source.empty(), rule.code);
      BOOST_TEST(!rule.label.empty(), rule.code);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_valid_minimal_file_loads) {
  const payroll::RateBook book = config::load_rate_texts({{"a.yaml", minimal("2026")}});
  BOOST_REQUIRE(book.sets().size() == 1u);
  BOOST_TEST(book.sets()[0].contributions.size() == 1u);
  BOOST_TEST(
      (book.sets()[0].constants.reduction_method == payroll::GeneralReductionMethod::Fillon));
}

BOOST_AUTO_TEST_CASE(unknown_key_is_refused) {
  expect_refused({{"a.yaml", minimal("2026") + "colour: red\n"}}, "a.yaml", extra_line(),
                 "unknown key");
  expect_refused({{"a.yaml", minimal("2026",
                                     "  - { code: x, label: x, group: sante, base: gross, "
                                     "employee: \"0\", employer: \"1\", source: s, rate: 2 }\n")}},
                 "a.yaml", extra_line(), "unknown key 'rate'");
}

BOOST_AUTO_TEST_CASE(missing_rate_is_refused) {
  expect_refused({{"a.yaml", minimal("2026",
                                     "  - { code: x, label: x, group: sante, base: gross, "
                                     "employee: \"0\", source: s }\n")}},
                 "a.yaml", extra_line(), "missing rate: employer");
  std::string no_pmss = minimal("2026");
  no_pmss.erase(no_pmss.find("  pmss:"), no_pmss.find("  pass:") - no_pmss.find("  pmss:"));
  expect_refused({{"a.yaml", no_pmss}}, "a.yaml", 1, "missing rate: constant pmss");
}

// The figures that were literals in the payroll engine are required like every other constant,
// and the error names the file, line and column.
BOOST_AUTO_TEST_CASE(missing_former_literal_is_refused) {
  for (const std::string name : {"ceiling_proration_days", "unemployment_ceiling_multiple",
                                 "tranche_2_ceiling_multiple", "overtime_deduction_headcount",
                                 "reduction_large_headcount", "reduction_coefficient_decimals"}) {
    std::string text = minimal("2026");
    const size_t start = text.find("  " + name + ":");
    BOOST_REQUIRE(start != std::string::npos);
    text.erase(start, text.find('\n', start) + 1 - start);
    expect_refused({{"a.yaml", text}}, "a.yaml", 1, "missing rate: constant " + name);
    try {
      config::load_rate_texts({{"a.yaml", text}});
    } catch (const Error& e) {
      BOOST_TEST(std::string(e.what()).find("a.yaml:1:1:") != std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_CASE(former_literals_are_read_from_the_file) {
  const payroll::RateBook shipped = config::load_rate_book(kRatesDir);
  for (const char* day : {"2025-03-01", "2026-11-01"}) {
    const payroll::Constants& k = shipped.at(Date::parse(day))->constants;
    BOOST_TEST(k.ceiling_proration_days == 30);
    BOOST_TEST(k.unemployment_ceiling_multiple == 4);
    BOOST_TEST(k.tranche_2_ceiling_multiple == 8);
    BOOST_TEST(k.overtime_deduction_headcount == 20);
    BOOST_TEST(k.reduction_large_headcount == 50);
    BOOST_TEST(k.reduction_coefficient_decimals == 4);
    BOOST_TEST(k.legal_weekly_hours.minutes() == 35 * 60);
    BOOST_TEST(k.weekly_max_hours.minutes() == 48 * 60);
    BOOST_TEST(k.health_plan_min_employer_share.ppm() == 500'000);  // CSS L911-7: half
  }
  // Another value in the file is the value the engine gets.
  std::string text = minimal("2026");
  const size_t at = text.find("value: \"20\"", text.find("overtime_deduction_headcount"));
  text.replace(at, 11, "value: \"11\"");
  const payroll::RateBook changed = config::load_rate_texts({{"a.yaml", text}});
  BOOST_TEST(changed.sets()[0].constants.overtime_deduction_headcount == 11);
}

BOOST_AUTO_TEST_CASE(coefficient_decimals_are_bounded) {
  std::string text = minimal("2026");
  const size_t key = text.find("reduction_coefficient_decimals");
  text.replace(text.find("value: \"4\"", key), 10, "value: \"7\"");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + key, '\n')) + 1;
  expect_refused({{"a.yaml", text}}, "a.yaml", line, "expected a whole number from 1 to 6");
}

BOOST_AUTO_TEST_CASE(overlap_and_gap_within_a_file_are_refused) {
  const std::string gap_smic =
      "  smic_hourly: [{ from: \"2026-02-01\", value: \"12.02\", source: s }]\n";
  expect_refused({{"a.yaml", minimal("2026", "", gap_smic)}}, "a.yaml", 4,
                 "gap: smic_hourly has no value from 2026-01-01");
  const std::string twice =
      "  smic_hourly:\n    - { from: \"2026-01-01\", value: \"12.02\", source: s }\n"
      "    - { from: \"2026-01-01\", value: \"12.31\", source: s }\n";
  expect_refused({{"a.yaml", minimal("2026", "", twice)}}, "a.yaml", 6, "overlap");
  const std::string half_year =
      "  - { code: csa, label: x, group: autres, base: gross, employee: \"0\", employer: \"0.3\","
      " to: \"2026-06-30\", source: s }\n";
  expect_refused({{"a.yaml", minimal("2026", half_year)}}, "a.yaml", 1,
                 "gap: contribution csa has no rate from 2026-07-01");
  const std::string overlapping =
      half_year +
      "  - { code: csa, label: x, group: autres, base: gross, employee: \"0\", employer: \"0.3\","
      " from: \"2026-06-01\", source: s }\n";
  expect_refused({{"a.yaml", minimal("2026", overlapping)}}, "a.yaml", 1,
                 "overlap: contribution csa");
}

BOOST_AUTO_TEST_CASE(overlap_and_gap_between_files_are_refused) {
  const payroll::RateBook two =
      config::load_rate_texts({{"b.yaml", minimal("2026")}, {"a.yaml", minimal("2025")}});
  BOOST_TEST(two.at(Date::parse("2025-12-31")) != nullptr);
  BOOST_TEST(two.at(Date::parse("2026-01-01")) != nullptr);
  expect_refused({{"a.yaml", minimal("2024")}, {"b.yaml", minimal("2026")}}, "b.yaml", 1,
                 "gap: no rates file covers 2025-01-01 to 2025-12-31");
  expect_refused({{"a.yaml", minimal("2026")}, {"b.yaml", minimal("2026")}}, "b.yaml", 1,
                 "overlap");
}

BOOST_AUTO_TEST_CASE(bad_values_are_located) {
  expect_refused({{"a.yaml", minimal("2026",
                                     "  - { code: x, label: x, group: health, base: gross, "
                                     "employee: \"0\", employer: \"1\", source: s }\n")}},
                 "a.yaml", extra_line(), "unknown payslip group");
  expect_refused({{"a.yaml", minimal("2026",
                                     "  - { code: x, label: x, group: sante, base: gross, "
                                     "employee: \"0\", employer: \"1.23456\", source: s }\n")}},
                 "a.yaml", extra_line(), "contributions[2].employer: more than 4 decimals");
}

BOOST_AUTO_TEST_SUITE_END()
