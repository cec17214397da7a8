// Every option value of the command line is read by a checked parser: a malformed or out-of-range
// value is a bad input (exit status 2) that names the option, never a crash, a raw library
// message or a failure (exit status 1).
#define BOOST_TEST_MODULE option_tests
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "program.h"

using gepaie::testing::Program;
using gepaie::testing::Result;

namespace {

struct Case {
  std::vector<std::string> args;
  std::string message;  // part of the error
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Each case ends with exit status 2 and a bad-input message holding `message`.
void expect_bad_input(const Program& gepaie, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string command;
    for (const std::string& word : c.args) {
      command += word + " ";
    }
    const Result result = gepaie.run(c.args);
    BOOST_TEST(result.status == 2, command << "-> " << result.status << ": " << result.err);
    BOOST_TEST(contains(result.err, "gepaie: bad input: "), command << "-> " << result.err);
    BOOST_TEST(contains(result.err, c.message), command << "-> " << result.err);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(option_tests)

BOOST_AUTO_TEST_CASE(malformed_option_values_are_bad_input) {
  // No schema: every value is checked before the database is opened.
  Program gepaie("options");
  expect_bad_input(
      gepaie,
      {
          {{"schedule", "show", "--week", "0000-W01"}, "--week: not a week (YYYY-Www"},
          {{"schedule", "show", "--week", "abcd-W01"}, "--week: not a week (YYYY-Www"},
          {{"schedule", "show", "--week", "2026-W54"}, "--week: not a week"},
          {{"schedule", "show", "--week", "2025-W53"}, "--week: no week 53 in 2025"},
          {{"split", "--regularisation", "--year", "abcd"}, "--year: expects a whole number"},
          {{"split", "--regularisation", "--year", "0"}, "--year: expects a whole number"},
          {{"split", "--regularisation", "--year", "99999999999"}, "--year"},
          {{"invoice", "credit", "FA-2026-0001", "--reason", "x", "--lines", "1,x"},
           "--lines: expects whole numbers"},
          {{"invoice", "credit", "FA-2026-0001", "--reason", "x", "--lines", "0"}, "--lines"},
          {{"invoice", "credit", "FA-2026-0001", "--reason", "x", "--lines", "1,1"},
           "--lines: 1 is given twice"},
          {{"invoice", "credit", "FA-2026-0001", "--reason", "x", "--date", "2026-02-30"},
           "--date: not a date"},
          {{"invoice", "list", "--month", "2026-13"}, "--month: not a month"},
          {{"payroll", "run", "--month", "26-11"}, "--month: not a month"},
          {{"invoice", "adjust", "--member", "87001285300012", "--month", "2026-11", "--amount",
            "12.3.4", "--label", "x"},
           "--amount"},
          {{"demand", "add", "--member", "87001285300012", "--skill", "son", "--hours", "x",
            "--from", "2026-09-01", "--to", "2027-06-30"},
           "--hours"},
          {{"demand", "add", "--member", "87001285300012", "--skill", "son", "--hours", "7",
            "--from", "2026-09-01", "--to", "2027-06-30", "--weekdays", "1,8"},
           "--weekdays: expects whole numbers from 1 to 7"},
          {{"staff", "propose", "--from", "2026-11-02", "--to", "2026-11-08", "--time-limit",
            "abc"},
           "--time-limit: expects a number"},
          {{"staff", "propose", "--from", "2026-11-02", "--to", "2026-11-08", "--time-limit", "-1"},
           "--time-limit: expects a number"},
          {{"staff", "propose", "--from", "2026-11-31", "--to", "2026-12-08"}, "--from"},
          {{"list", "contracts", "--on", "tomorrow"}, "--on: not a date"},
          {{"demo", "generate", "--employees", "x", "--members", "3", "--month", "2026-11"},
           "--employees"},
      });
}

BOOST_AUTO_TEST_CASE(option_values_and_arguments_must_be_clean_utf8) {
  Program gepaie("options_text");
  expect_bad_input(
      gepaie, {
                  {{"close", "--month", "2026-11", "--by", "Fran\xE7oise"},
                   "--by: invalid UTF-8 byte 0xE7"},
                  {{"invoice", "credit", "FA-2026-0001", "--reason", "a\nb"},
                   "--reason: a line break (U+000A) is not allowed here (character 2)"},
                  {{"expense", "add", "--employee", "E001", "--member", "87001285300012", "--date",
                    "2026-11-02", "--amount", "12.50", "--label", "taxi\x1B[2J"},
                   "--label: the control character U+001B"},
                  {{"import", "demo\xFF.yaml"}, "argument 1: invalid UTF-8 byte 0xFF"},
              });
}

BOOST_AUTO_TEST_SUITE_END()
