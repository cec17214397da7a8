// gepaie demo generate
#include <charconv>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>

#include "command.h"
#include "context.h"
#include "gepaie/app/demo.h"
#include "gepaie/core/error.h"
#include "gepaie/synthetic/generator.h"
#include "table.h"

namespace gepaie::cli {
namespace {

// A whole number written in decimal digits only, within [low, high].
uint64_t number_option(const Arguments& args, const std::string& name, uint64_t low, uint64_t high,
                       std::optional<uint64_t> fallback = std::nullopt) {
  if (auto value = unsigned_option(args, name, low, high)) {
    return *value;
  }
  if (fallback) {
    return *fallback;
  }
  throw bad_input("--" + name + " is required (see gepaie demo generate --help)");
}

int demo_generate(Context& context, const Arguments& args) {
  synthetic::Options options;
  options.employees =
      static_cast<int>(number_option(args, "employees", 1, synthetic::kMaxEmployees));
  options.members = static_cast<int>(number_option(args, "members", 1, synthetic::kMaxMembers));
  options.members_per_employee = static_cast<int>(number_option(args, "per-employee", 1, 10, 3));
  const auto month = args.option("month");
  if (!month) {
    throw bad_input("--month YYYY-MM is required (see gepaie demo generate --help)");
  }
  options.month = *month_option(args, "month");
  options.seed = number_option(args, "seed", 0, std::numeric_limits<uint64_t>::max(), 1);
  synthetic::check_options(options);  // before connecting

  const app::SyntheticReport report = app::generate_demo(context, context.actor(), options);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  if (args.flag("json")) {
    auto json = json_object();
    json->set("month", options.month.str());
    json->set("seed", std::to_string(options.seed));
    json->set("members", report.members);
    json->set("employees", report.employees);
    json->set("contracts", report.contracts);
    json->set("contract_members", report.contract_members);
    json->set("allocations", report.allocations);
    json->set("timesheets", report.timesheets);
    json->set("work_entries", report.work_entries);
    json->set("absences", report.absences);
    json->set("overtime_weeks", report.overtime_weeks);
    json->set("seconds", report.seconds);
    print_json(context.out(), json);
    return 0;
  }
  context.out() << "synthetic GE for " << options.month.str() << " (seed " << options.seed << ")\n";
  Table table({{"Rows"}, {"Count", Align::Right}});
  table.add({"members", std::to_string(report.members)});
  table.add({"employees", std::to_string(report.employees)});
  table.add({"contracts (CDI)", std::to_string(report.contracts)});
  table.add({"contract members", std::to_string(report.contract_members)});
  table.add({"schedule slots", std::to_string(report.allocations)});
  table.add({"timesheets (approved)", std::to_string(report.timesheets)});
  table.add({"work entries", std::to_string(report.work_entries)});
  table.add({"absences", std::to_string(report.absences)});
  table.add({"overtime weeks", std::to_string(report.overtime_weeks)});
  table.print(context.out());
  context.out() << "written in one transaction in " << seconds << " s\n";
  return 0;
}

}  // namespace

std::vector<Command> demo_commands() {
  return {
      {"demo generate",
       "Fill an empty database with a synthetic GE and a month of approved timesheets",
       "",
       "For benchmarks and demonstrations. Members \"Adhérent 0001\"… with billing agreements\n"
       "(cost split + 8 %, cost split + a fee per hour, coefficient 1.75), employees S00001…\n"
       "with valid NIR and IBAN, one CDI each (75 % full time, 25 % part time, IDCC 1285)\n"
       "listing K members, a Monday-to-Friday schedule within working-time law, and for the\n"
       "month: approved timesheets, the scheduled work except public holidays, a few weeks of\n"
       "overtime and days of absence. The same seed gives the same data. One transaction;\n"
       "refused when the database already has members or employees.",
       {{"employees", "", "number of employees (required)", "N"},
        {"members", "", "number of members (required)", "M"},
        {"per-employee", "", "members each contract lists, 1 to 10 (default 3)", "K"},
        {"month", "", "the month of the timesheets (required)", "YYYY-MM"},
        {"seed", "", "random seed (default 1)", "S"},
        {"json", "", "print JSON instead of a table", ""}},
       demo_generate},
  };
}

}  // namespace gepaie::cli
