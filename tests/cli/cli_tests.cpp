#define BOOST_TEST_MODULE cli_tests
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "program.h"
#include "test_database.h"

namespace fs = std::filesystem;

namespace {

using gepaie::testing::Result;

// Runs the gepaie program with `args` against its own schema on the test server.
class Gepaie {
 public:
  explicit Gepaie(const std::string& schema) {
    config_ = fs::temp_directory_path() / ("gepaie-cli-" + std::to_string(getpid()) + ".yaml");
    std::ifstream in(GEPAIE_TEST_CONFIG);
    std::stringstream text;
    text << in.rdbuf();
    std::string yaml = text.str();
    // One schema per run of the suite: nothing left from an earlier run can interfere.
    yaml.replace(yaml.find("schema: gepaie_test"), 19,
                 "schema: " + schema + "_" + std::to_string(getpid()));
    std::ofstream(config_) << yaml;
    schema_ = schema + "_" + std::to_string(getpid());
    work_ = fs::temp_directory_path() / ("gepaie-cli-" + schema_);
    fs::create_directories(work_);
  }
  ~Gepaie() {
    fs::remove(config_);
    std::error_code ignored;
    fs::remove_all(work_, ignored);
    try {
      gepaie::config::Settings settings = gepaie::testing::test_settings();
      settings.database.schema = schema_;
      gepaie::store::Database::connect(
          settings.database, gepaie::store::EmbeddedServer(settings.data_dir).socket().string())
          ->drop_schema();
    } catch (...) {
    }
  }

  // The program runs from the source folder (relative paths of the demo files), without
  // GEPAIE_DATABASE_URL and GEPAIE_DATA_DIR (the test configuration names the test server),
  // started by posix_spawn: no code of the test runs in the child between fork and exec.
  Result run(std::vector<std::string> args, bool with_config = true) const {
    if (with_config) {
      args.insert(args.begin(), {"--config", config_.string()});
    }
    return gepaie::testing::run_gepaie(args, work_, std::chrono::seconds(300), GEPAIE_SOURCE_DIR);
  }

 private:
  fs::path config_;
  fs::path work_;
  std::string schema_;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_tests)

BOOST_AUTO_TEST_CASE(help_describes_every_command) {
  Gepaie gepaie("cli_help");
  const Result overview = gepaie.run({"--help"}, false);
  BOOST_TEST(overview.status == 0);
  for (const char* command :
       {"db start", "db stop", "db status", "db migrate", "import", "list", "config check",
        "simulate", "schedule set", "schedule show", "demand add", "demand list",
        "timesheet generate", "timesheet import", "timesheet show", "timesheet submit",
        "timesheet approve", "staff check"}) {
    BOOST_TEST(contains(overview.out, command), command);
    std::vector<std::string> args;
    std::istringstream words(command);
    for (std::string word; words >> word;) {
      args.push_back(word);
    }
    args.push_back("--help");
    const Result help = gepaie.run(args, false);
    BOOST_TEST(help.status == 0, command);
    BOOST_TEST(contains(help.out, "usage: gepaie " + std::string(command)), help.out);
    BOOST_TEST(contains(help.out, "--help"), command);
  }
  const Result list_help = gepaie.run({"list", "--help"}, false);
  BOOST_TEST(contains(list_help.out, "--json"));
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_status_2) {
  Gepaie gepaie("cli_usage");
  const Result unknown = gepaie.run({"frobnicate"});
  BOOST_TEST(unknown.status == 2);
  BOOST_TEST(contains(unknown.err, "unknown command"));
  const Result option = gepaie.run({"list", "members", "--colour"});
  BOOST_TEST(option.status == 2);
  const Result missing = gepaie.run({"import"});
  BOOST_TEST(missing.status == 2);
  const Result no_config = gepaie.run({"--config", "/nonexistent.yaml", "config", "check"}, false);
  BOOST_TEST(no_config.status == 2);
  const Result version = gepaie.run({"--version"}, false);
  BOOST_TEST(version.status == 0);
  BOOST_TEST(contains(version.out, "gepaie "));
}

BOOST_AUTO_TEST_CASE(migrate_import_and_list) {
  Gepaie gepaie("cli_flow");
  const Result before = gepaie.run({"list", "members"});
  BOOST_TEST(before.status == 1);
  BOOST_TEST(contains(before.err, "gepaie db migrate"), before.err);

  BOOST_TEST(gepaie.run({"db", "migrate"}).status == 0);
  const Result again = gepaie.run({"db", "migrate"});
  BOOST_TEST(again.status == 0);
  BOOST_TEST(contains(again.out, "up to date"));

  const Result status = gepaie.run({"db", "status", "--json"});
  BOOST_TEST(status.status == 0);
  BOOST_TEST((contains(status.out, "\"pending\" : 0") || contains(status.out, "\"pending\": 0")),
             status.out);

  const Result bad = gepaie.run({"import", "config/demo/bad-last-record.yaml"});
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(contains(bad.err, "config/demo/bad-last-record.yaml:"), bad.err);
  BOOST_TEST(contains(bad.err, "contracts[2].members["), bad.err);
  const Result still_empty = gepaie.run({"list", "members", "--json"});
  BOOST_TEST(still_empty.status == 0);
  BOOST_TEST(still_empty.out.find("siret") == std::string::npos, still_empty.out);

  const Result imported = gepaie.run({"import", "config/demo/demo.yaml"});
  BOOST_TEST(imported.status == 0, imported.err);
  BOOST_TEST(contains(imported.out, "members: 12 added"), imported.out);
  const Result reimported = gepaie.run({"import", "config/demo/demo.yaml"});
  BOOST_TEST(contains(reimported.out, "members: 0 added, 0 updated, 12 unchanged"), reimported.out);

  const Result members = gepaie.run({"list", "members"});
  BOOST_TEST(members.status == 0);
  BOOST_TEST(contains(members.out, "Basalte Records SARL"));
  BOOST_TEST(contains(members.out, "12 members"));
  const Result employees = gepaie.run({"list", "employees", "--json"});
  BOOST_TEST(employees.status == 0);
  BOOST_TEST(contains(employees.out, "\"number\""));
  BOOST_TEST(contains(employees.out, "Hélène"), employees.out.substr(0, 400));
  const Result contracts = gepaie.run({"list", "contracts", "--on", "2025-01-01"});
  BOOST_TEST(contracts.status == 0);
  BOOST_TEST(contains(contracts.out, "CT-E001-01"));
  BOOST_TEST(contains(contracts.out, "01/01/2025"));
  // Every table line fits 120 columns.
  std::istringstream lines(contracts.out);
  for (std::string line; std::getline(lines, line);) {
    size_t width = 0;
    for (char c : line) {
      width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    BOOST_TEST(width <= 120u, line);
  }
  const Result bad_list = gepaie.run({"list", "payslips"});
  BOOST_TEST(bad_list.status == 2);
}

BOOST_AUTO_TEST_CASE(config_check_reports_the_ge) {
  Gepaie gepaie("cli_config");
  const Result check = gepaie.run({"config", "check", "--json"});
  BOOST_TEST(check.status == 0, check.err);
  BOOST_TEST(contains(check.out, "\"siret\""));
  BOOST_TEST(contains(check.out, "79012345900014"));
}

BOOST_AUTO_TEST_CASE(simulate_prints_a_payslip_in_text_and_json) {
  Gepaie gepaie("cli_simulate");
  const Result text = gepaie.run({"simulate", "config/examples/simulate.yaml"});
  BOOST_TEST(text.status == 0, text.err);
  for (const char* part : {"Salaire de base", "Santé", "Retraite", "Net à payer avant impôt",
                           "Net payé", "Montant net social", "Coût total employeur"}) {
    BOOST_TEST(contains(text.out, part), part);
  }
  const Result json = gepaie.run({"simulate", "config/examples/simulate.yaml", "--json"});
  BOOST_TEST(json.status == 0, json.err);
  for (const char* key :
       {"\"gross\": 3000.00", "\"employee_contributions\": ", "\"employer_contributions\": ",
        "\"reductions\": ", "\"net_before_tax\": ", "\"net_taxable\": ", "\"net_social\": ",
        "\"income_tax\": 0.00", "\"net_paid\": ", "\"employer_cost\": ", "\"lines\": [",
        "\"employee_rate\": ", "\"employer_amount\": "}) {
    BOOST_TEST(contains(json.out, key), key);
  }
}

BOOST_AUTO_TEST_CASE(simulate_refuses_bad_input_with_status_2) {
  Gepaie gepaie("cli_simulate_bad");
  const std::string good = R"(period: 2026-11
employer: { headcount: 25, at_rate: 1.20 }
employee: { contract: CDI, status: non-cadre, weekly_hours: 24, base_gross: 2000.00 }
)";
  const fs::path file = fs::temp_directory_path() / ("sim-" + std::to_string(getpid()) + ".yaml");
  auto run_with = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    if (!from.empty()) {
      text.replace(text.find(from), from.size(), to);
    }
    std::ofstream(file) << text;
    return gepaie.run({"simulate", file.string()});
  };
  BOOST_TEST(run_with("", "").status == 0);
  const struct {
    const char* from;
    const char* to;
    const char* message;
  } cases[] = {
      {"base_gross: 2000.00", "base_gross: 2000.00, bonus: 3", "unknown key 'bonus'"},
      {"base_gross: 2000.00", "base_gross: -5.00", "employee.base_gross: must not be negative"},
      {"weekly_hours: 24", "weekly_hours: 0",
       "employee.weekly_hours: weekly hours must be between 1 and 48"},
      {"weekly_hours: 24", "weekly_hours: 49", "between 1 and 48"},
      {"period: 2026-11", "period: 2031-01", "period: no rates for 2031-01"},
      {"base_gross: 2000.00", "base_gross: 2000.00, overtime_hours: 35", "beyond a third"},
      {"headcount: 25", "headcount: 0", "employer.headcount"},
  };
  for (const auto& c : cases) {
    const Result result = run_with(c.from, c.to);
    BOOST_TEST(result.status == 2, c.message);
    BOOST_TEST(contains(result.err, c.message), result.err);
    BOOST_TEST(contains(result.err, file.string() + ":"), result.err);
  }
  fs::remove(file);
}

BOOST_AUTO_TEST_CASE(schedule_timesheets_approval_and_checks) {
  Gepaie gepaie("cli_staffing");
  BOOST_REQUIRE(gepaie.run({"db", "migrate"}).status == 0);
  BOOST_REQUIRE(gepaie.run({"import", "config/demo/demo.yaml"}).status == 0);
  const fs::path dir = fs::temp_directory_path() / ("staffing-" + std::to_string(getpid()));
  fs::create_directories(dir);
  // A slot at a member the contract does not list: refused, nothing written.
  std::ofstream(dir / "bad.yaml") << "schedule:\n"
                                     "  - { employee: E007, member: \"87001285300012\", weekday: 1,"
                                     " start: \"09:00\", end: \"17:00\", from: \"2026-09-01\" }\n";
  const Result refused = gepaie.run({"schedule", "set", (dir / "bad.yaml").string()});
  BOOST_TEST(refused.status == 2);
  BOOST_TEST(contains(refused.err, "contract amendment needed"), refused.err);
  BOOST_TEST(contains(refused.err, "bad.yaml:2:5"), refused.err);
  std::ofstream(dir / "overlap.yaml")
      << "schedule:\n"
         "  - { employee: E007, member: \"86964726300019\", weekday: 1, start: \"09:00\", end: "
         "\"13:00\", from: \"2026-09-01\" }\n"
         "  - { employee: E007, member: \"92544214700011\", weekday: 1, start: \"12:00\", end: "
         "\"17:00\", from: \"2026-09-01\" }\n";
  const Result overlapping = gepaie.run({"schedule", "set", (dir / "overlap.yaml").string()});
  BOOST_TEST(overlapping.status == 2);
  BOOST_TEST(contains(overlapping.err, "overlapping slots"), overlapping.err);
  BOOST_TEST(contains(gepaie.run({"schedule", "show"}).out, "0 slots"));

  // A schedule is checked when it is saved: an 11-hour day is reported.
  std::ofstream(dir / "long.yaml")
      << "schedule:\n"
         "  - { employee: E007, member: \"86964726300019\", weekday: 1,"
         " start: \"08:00\", end: \"19:00\", from: \"2026-09-01\" }\n";
  const Result long_day = gepaie.run({"schedule", "set", (dir / "long.yaml").string()});
  BOOST_TEST(long_day.status == 0, long_day.err);
  BOOST_TEST(contains(long_day.out, "daily_max"), long_day.out);
  BOOST_TEST(contains(long_day.out, "1 errors"), long_day.out);
  const Result set = gepaie.run({"schedule", "set", "config/demo/schedule.yaml"});
  BOOST_TEST(set.status == 0, set.err);
  BOOST_TEST(contains(set.out, "140 slots"), set.out);
  const Result again = gepaie.run({"schedule", "set", "config/demo/schedule.yaml"});
  BOOST_TEST(contains(again.out, "0 added"), again.out);
  const Result week = gepaie.run({"schedule", "show", "--employee", "E007", "--week", "2026-W47"});
  BOOST_TEST(contains(week.out, "10 slots, 1 employees"), week.out);

  const Result generated = gepaie.run({"timesheet", "generate", "--month", "2026-11"});
  BOOST_TEST(generated.status == 0, generated.err);
  // Bad CSV lines: each reported with file and line, nothing written.
  std::ofstream(dir / "bad.csv") << "employee,member_siret,date,start,end,hours,kind\n"
                                    "E007,86964726300019,2026-12-01,09:00,12:00,,\n"
                                    "E007,86964726300019,2026-11-02,12:00,09:00,,\n"
                                    "E007,86964726300019,2026-11-03,,,25,\n"
                                    "E007,86964726300019,2026-11-04\n"
                                    "E999,86964726300019,2026-11-05,09:00,12:00,,\n";
  const std::string before = gepaie.run({"timesheet", "show", "--month", "2026-11"}).out;
  const Result bad =
      gepaie.run({"timesheet", "import", (dir / "bad.csv").string(), "--month", "2026-11"});
  BOOST_TEST(bad.status == 2);
  for (const char* part : {"bad.csv:2:", "outside 2026-11", "bad.csv:3:", "is not after start",
                           "bad.csv:4:", "above 24 h", "bad.csv:5:", "malformed line"}) {
    BOOST_TEST(contains(bad.err, part), part << " in " << bad.err);
  }
  std::ofstream(dir / "unknown.csv") << "employee,member_siret,date,start,end,hours,kind\n"
                                        "E999,86964726300019,2026-11-05,09:00,12:00,,\n";
  const Result unknown =
      gepaie.run({"timesheet", "import", (dir / "unknown.csv").string(), "--month", "2026-11"});
  BOOST_TEST(unknown.status == 2);
  BOOST_TEST(contains(unknown.err, "unknown employee E999"), unknown.err);
  BOOST_TEST(gepaie.run({"timesheet", "show", "--month", "2026-11"}).out == before);

  const Result imported = gepaie.run(
      {"timesheet", "import", "config/demo/timesheet-2026-11.csv", "--month", "2026-11"});
  BOOST_TEST(imported.status == 0, imported.err);
  BOOST_TEST(contains(imported.out, "3 work entries, 1 absences"), imported.out);
  // The same entries may come as YAML.
  std::ofstream(dir / "extra.yaml")
      << "entries:\n"
         "  - { employee: E004, date: \"2026-11-27\", kind: paid_leave, hours: 7 }\n"
         "  - { employee: E004, member_siret: \"86964726300019\", date: \"2026-11-40\","
         " hours: 2 }\n";
  const Result bad_yaml =
      gepaie.run({"timesheet", "import", (dir / "extra.yaml").string(), "--month", "2026-11"});
  BOOST_TEST(bad_yaml.status == 2);
  BOOST_TEST(contains(bad_yaml.err, "extra.yaml:3:"), bad_yaml.err);
  std::ofstream(dir / "leave.yaml")
      << "entries:\n"
         "  - { employee: E004, date: \"2026-11-27\", kind: paid_leave, hours: 7 }\n";
  const Result yaml =
      gepaie.run({"timesheet", "import", (dir / "leave.yaml").string(), "--month", "2026-11"});
  BOOST_TEST(yaml.status == 0, yaml.err);
  BOOST_TEST(contains(yaml.out, "0 work entries, 1 absences"), yaml.out);
  const Result shown =
      gepaie.run({"timesheet", "show", "--month", "2026-11", "--employee", "E007"});
  BOOST_TEST(contains(shown.out, "draft"), shown.out);
  BOOST_TEST(gepaie.run({"timesheet", "submit", "--month", "2026-11"}).status == 0);
  const Result approve = gepaie.run({"timesheet", "approve", "--month", "2026-11", "--member",
                                     "92544214700011", "--by", "Agnès Roumilhac"});
  BOOST_TEST(approve.status == 0, approve.err);
  const Result json = gepaie.run({"timesheet", "show", "--month", "2026-11", "--json"});
  BOOST_TEST(contains(json.out, "Agnès Roumilhac"), json.out.substr(0, 300));
  BOOST_TEST(contains(json.out, "\"sickness\""));
  // An approved timesheet no longer changes.
  const Result locked = gepaie.run(
      {"timesheet", "import", "config/demo/timesheet-2026-11.csv", "--month", "2026-11"});
  BOOST_TEST(locked.status == 2);
  BOOST_TEST(contains(locked.err, "can no longer change"), locked.err);
  // An allocation proposal for the open demands, then applied.
  const Result proposal =
      gepaie.run({"staff", "propose", "--from", "2026-11-30", "--to", "2027-06-30", "--json"});
  BOOST_TEST(proposal.status == 0, proposal.err);
  BOOST_TEST((contains(proposal.out, "\"employee\" : \"E005\"") ||
              contains(proposal.out, "\"employee\": \"E005\"")),
             proposal.out);
  BOOST_TEST(contains(proposal.out, "no capacity"), proposal.out);
  const Result applied =
      gepaie.run({"staff", "propose", "--from", "2026-11-30", "--to", "2027-06-30", "--apply"});
  BOOST_TEST(applied.status == 0, applied.err);
  BOOST_TEST(contains(applied.out, "2 slots written"), applied.out);
  const Result after = gepaie.run({"schedule", "show", "--employee", "E005", "--week", "2026-W50"});
  BOOST_TEST(contains(after.out, "8 slots, 1 employees"), after.out);
  // Working-time checks on the month.
  const Result check = gepaie.run({"staff", "check", "--month", "2026-11", "--json"});
  BOOST_TEST(check.status == 0, check.err);
  BOOST_TEST(contains(check.out, "\"errors\""), check.out);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
