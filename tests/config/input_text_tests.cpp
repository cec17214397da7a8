// Every kind of input file is checked as UTF-8 without control characters when it is read, and
// the timesheet CSV reader takes what a French spreadsheet (and gepaie's CSV export) writes.
#define BOOST_TEST_MODULE input_text_tests
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>

#include "gepaie/config/import_file.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/settings.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/error.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const std::string kSource = GEPAIE_SOURCE_DIR;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("gepaie-input-text-" + std::to_string(getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  BOOST_REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `text` with `bytes` inserted before the first `marker`, and the line and column (in
// characters) where they land.
struct Corrupted {
  std::string text;
  int line = 1;
  int column = 1;
};

Corrupted corrupt(const std::string& text, const std::string& marker, const std::string& bytes) {
  const size_t at = text.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  Corrupted result{text.substr(0, at) + bytes + text.substr(at)};
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++result.line;
      result.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++result.column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return result;
}

// Reading `file` with `reader` fails with BadInput at file:line:column and `reason`.
void expect_refused(const std::function<void(const fs::path&)>& reader, const fs::path& file,
                    int line, int column, const std::string& reason) {
  try {
    reader(file);
    BOOST_ERROR("accepted " + file.string() + " (" + reason + ")");
  } catch (const Error& e) {
    const std::string what = e.what();
    BOOST_TEST((e.kind() == ErrorKind::BadInput), what);
    BOOST_TEST(e.exit_status() == 2);
    const std::string where =
        file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    BOOST_TEST(what.rfind(where, 0) == 0, what << " does not start with " << where);
    BOOST_TEST(what.find(reason) != std::string::npos, what << " lacks " << reason);
  }
}

// A Latin-1 "é" (0xE9), a NUL and an escape character inserted before `marker` of the real file
// `source` are each refused by `reader` at their line and column.
void expect_each_fault_refused(const std::string& source, const std::string& marker,
                               const std::string& extension,
                               const std::function<void(const fs::path&)>& reader) {
  TempDir dir;
  const std::string text = read(source);
  BOOST_REQUIRE_NO_THROW(reader(dir.write("clean" + extension, text)));
  const std::map<std::string, std::string> faults = {
      {"\xE9", "invalid UTF-8 byte 0xE9"},
      {std::string(1, '\0'), "the control character U+0000 is not allowed here"},
      {"\x1B", "the control character U+001B is not allowed here"},
      {"\xC3\x28", "invalid UTF-8 byte 0xC3"},
  };
  int n = 0;
  for (const auto& [bytes, reason] : faults) {
    const Corrupted bad = corrupt(text, marker, bytes);
    const fs::path file = dir.write("bad" + std::to_string(++n) + extension, bad.text);
    expect_refused(reader, file, bad.line, bad.column, reason);
  }
}

config::Environment no_environment() {
  return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
}

const Month kNovember = Month::parse("2026-11");

}  // namespace

BOOST_AUTO_TEST_SUITE(input_text_tests)

BOOST_AUTO_TEST_CASE(import_file_refuses_bad_text) {
  expect_each_fault_refused(kSource + "/config/demo/demo.yaml", "Clermont", ".yaml",
                            [](const fs::path& f) { config::read_import_file(f); });
}

BOOST_AUTO_TEST_CASE(schedule_file_refuses_bad_text) {
  expect_each_fault_refused(kSource + "/config/demo/schedule.yaml", "administration", ".yaml",
                            [](const fs::path& f) { config::read_schedule_file(f); });
}

BOOST_AUTO_TEST_CASE(timesheet_csv_refuses_bad_text) {
  expect_each_fault_refused(kSource + "/config/demo/timesheet-2026-11.csv", "sickness", ".csv",
                            [](const fs::path& f) { config::read_timesheet_file(f, kNovember); });
}

BOOST_AUTO_TEST_CASE(timesheet_yaml_refuses_bad_text) {
  TempDir dir;
  const fs::path source = dir.write("source.yaml", R"(# Timesheet of E006
entries:
  - { employee: "E006", date: "2026-11-24", hours: "7", kind: "sickness" }
)");
  expect_each_fault_refused(source.string(), "sickness", ".yaml",
                            [](const fs::path& f) { config::read_timesheet_file(f, kNovember); });
}

BOOST_AUTO_TEST_CASE(simulation_file_refuses_bad_text) {
  const payroll::RateBook book = config::load_rate_book(kSource + "/config/rates");
  expect_each_fault_refused(kSource + "/config/examples/simulate.yaml", "CDI", ".yaml",
                            [&book](const fs::path& f) { config::read_simulation_file(f, book); });
}

BOOST_AUTO_TEST_CASE(settings_file_refuses_bad_text) {
  expect_each_fault_refused(kSource + "/config/gepaie.yaml", "name:", ".yaml",
                            [](const fs::path& f) { config::load_settings(f, no_environment()); });
}

BOOST_AUTO_TEST_CASE(rates_file_refuses_bad_text) {
  TempDir dir;
  const std::string text = read(kSource + "/config/rates/fr-2026.yaml");
  const Corrupted bad = corrupt(text, "source", "\xE9");
  fs::create_directories(dir.path / "rates");
  dir.write("rates/fr-2026.yaml", bad.text);
  expect_refused([](const fs::path& f) { config::load_rate_book(f.parent_path()); },
                 dir.path / "rates" / "fr-2026.yaml", bad.line, bad.column,
                 "invalid UTF-8 byte 0xE9");
}

BOOST_AUTO_TEST_CASE(yaml_escapes_that_make_control_characters_are_refused) {
  // The bytes are clean, but a double-quoted scalar's escape makes a control character.
  const std::string member = R"(members:
  - siret: "87001285300012"
    name: "Basalte\x07Records"
    address: { line1: "14 rue Fontgiève", postcode: "63000", city: "Clermont-Ferrand" }
)";
  try {
    config::read_import_text(member, "input.yaml");
    BOOST_ERROR("accepted an escaped BEL");
  } catch (const Error& e) {
    const std::string what = e.what();
    BOOST_TEST(e.exit_status() == 2);
    BOOST_TEST(what.rfind("input.yaml:3:11: members[1].name: the control character U+0007", 0) == 0,
               what);
  }
  // A key too: it is named in the "unknown key" message.
  config::YamlMap root(config::load_yaml_text("\"na\\0me\": x\n", "k.yaml"));
  BOOST_CHECK_EXCEPTION(root.finish(), Error, [](const Error& e) {
    return std::string(e.what()).rfind("k.yaml:1:1: the control character U+0000", 0) == 0;
  });
}

BOOST_AUTO_TEST_CASE(timesheet_csv_separated_by_semicolons_reads_as_with_commas) {
  const std::string commas =
      "employee,member_siret,date,start,end,hours,kind\n"
      "E007,86964726300019,2026-11-19,09:00,12:30,,\n"
      "E007,92544214700011,2026-11-21,,,7.5,\n"
      "E006,,2026-11-24,,,7,sickness\n";
  // What a French spreadsheet saves (and gepaie's CSV export writes): a byte-order mark,
  // semicolons, decimal commas, CR LF, quotes around some fields.
  const std::string semicolons =
      "\xEF\xBB\xBF"
      "employee;member_siret;date;start;end;hours;kind\r\n"
      "E007;86964726300019;2026-11-19;09:00;12:30;;\r\n"
      "E007;\"92544214700011\";2026-11-21;;;7,5;\r\n"
      "E006;;2026-11-24;;;\"7\";sickness\r\n";
  const auto expected = config::read_timesheet_csv(commas, "commas.csv", kNovember);
  const auto got = config::read_timesheet_csv(semicolons, "semicolons.csv", kNovember);
  BOOST_REQUIRE_EQUAL(got.work.size(), 2u);
  BOOST_REQUIRE_EQUAL(got.absences.size(), 1u);
  for (size_t i = 0; i < got.work.size(); ++i) {
    BOOST_CHECK(got.work[i].record == expected.work[i].record);
    BOOST_CHECK_EQUAL(got.work[i].place.record.line, expected.work[i].place.record.line);
  }
  BOOST_CHECK(got.absences[0].record == expected.absences[0].record);
  BOOST_CHECK_EQUAL(got.work[1].record.duration.minutes(), 450);
}

BOOST_AUTO_TEST_CASE(timesheet_csv_with_bom_and_commas) {
  const auto got = config::read_timesheet_csv(
      "\xEF\xBB\xBF"
      "employee,member_siret,date,start,end,hours,kind\r\n"
      "E007,86964726300019,2026-11-19,09:00,12:30,,\r\n"
      "E007,86964726300019,2026-11-20,,,\"3,25\",\r\n",
      "bom.csv", kNovember);
  BOOST_REQUIRE_EQUAL(got.work.size(), 2u);
  BOOST_CHECK_EQUAL(got.work[0].record.employee_number, "E007");
  BOOST_CHECK_EQUAL(got.work[1].record.duration.minutes(), 195);
}

BOOST_AUTO_TEST_CASE(semicolon_csv_errors_are_located) {
  try {
    config::read_timesheet_csv(
        "employee;member_siret;date;start;end;hours;kind\n"
        "E007;86964726300019;2026-12-01;09:00;12:30;;\n",
        "s.csv", kNovember);
    BOOST_ERROR("accepted a date outside the month");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()) == "s.csv:2:21: date: date 2026-12-01 is outside 2026-11",
               e.what());
  }
}

BOOST_AUTO_TEST_CASE(separator_detection) {
  BOOST_CHECK_EQUAL(config::detect_csv_separator("employee,date"), ',');
  BOOST_CHECK_EQUAL(config::detect_csv_separator("employee;date"), ';');
  BOOST_CHECK_EQUAL(config::detect_csv_separator("employee;\"a,b,c\";date"), ';');
  BOOST_CHECK_EQUAL(config::detect_csv_separator("employee"), ',');
}

BOOST_AUTO_TEST_SUITE_END()
