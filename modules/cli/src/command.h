// The subcommands of gepaie: each one a name, a summary, its options and a function.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"

namespace gepaie::cli {

class Context;

struct OptionSpec {
  std::string name;  // long name: --name
  std::string short_name;
  std::string description;
  std::string argument;  // empty: a flag; otherwise the placeholder of its value
};

// What the command line gave a command.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // flags map to ""

  bool flag(const std::string& name) const { return options.contains(name); }
  std::optional<std::string> option(const std::string& name) const;
};

struct Command {
  std::string name;  // "db migrate", "list"
  std::string summary;
  std::string usage;  // positional part, e.g. "FILE.yaml..."
  std::string details;
  std::vector<OptionSpec> options;
  std::function<int(Context&, const Arguments&)> run;
  size_t min_positional = 0;
  size_t max_positional = 0;
};

// BadInput "--NAME is required" for the first of `names` the command line lacks.
void require_options(const Arguments& args, std::initializer_list<const char*> names);

// --month YYYY-MM, required: BadInput when missing or malformed.
Month month_option(const Arguments& args);

// Typed option values. Each returns nullopt (an empty list) when the option is absent and throws
// BadInput "--NAME: reason" (exit status 2) when its value is malformed or out of bounds; the
// text is read in the C locale, whatever the user's.
// A whole number in decimal digits (a leading '-' only when `low` < 0), within [low, high].
std::optional<int64_t> int_option(const Arguments& args, const std::string& name, int64_t low,
                                  int64_t high);
std::optional<uint64_t> unsigned_option(const Arguments& args, const std::string& name,
                                        uint64_t low, uint64_t high);
// Whole numbers separated by commas ("1,3"), each within [low, high], none given twice.
std::vector<int64_t> int_list_option(const Arguments& args, const std::string& name, int64_t low,
                                     int64_t high);
// A decimal number ("20", "2.5") within [low, high].
std::optional<double> decimal_option(const Arguments& args, const std::string& name, double low,
                                     double high);
std::optional<Date> date_option(const Arguments& args, const std::string& name);    // YYYY-MM-DD
std::optional<Month> month_option(const Arguments& args, const std::string& name);  // YYYY-MM
std::optional<Week> week_option(const Arguments& args, const std::string& name);    // YYYY-Www
std::optional<Hours> hours_option(const Arguments& args, const std::string& name);  // 7.5, 7:30
std::optional<Money> money_option(const Arguments& args, const std::string& name);  // 12.50

const std::vector<Command>& all_commands();
// One function per command group, each in its own file (NAME_commands.cpp).
std::vector<Command> db_commands();             // db start|stop|migrate|status
std::vector<Command> registry_commands();       // import, list
std::vector<Command> config_commands();         // config check
std::vector<Command> simulate_commands();       // simulate
std::vector<Command> schedule_commands();       // schedule set|show, demand add|list
std::vector<Command> timesheet_commands();      // timesheet generate|import|show|submit|approve|...
std::vector<Command> staff_commands();          // staff check|propose
std::vector<Command> payrun_commands();         // payroll run|show
std::vector<Command> split_commands();          // split
std::vector<Command> invoice_commands();        // invoice list|show|credit|adjust|adjustments
std::vector<Command> expense_commands();        // expense add|list
std::vector<Command> close_commands();          // close, period list
std::vector<Command> demo_commands();           // demo generate
std::vector<Command> print_commands();          // print payslips
std::vector<Command> print_billing_commands();  // print invoices, print summary

// Parses a command's arguments with Poco's option processor (unix style, --help everywhere).
// Throws Error(BadInput) on an unknown option, a wrong number of arguments, or an option value or
// argument that is not UTF-8 or holds a control character (a tab or a line break included).
Arguments parse_arguments(const Command& command, const std::vector<std::string>& args);
void print_command_help(const Command& command, std::ostream& out);
void print_overview(std::ostream& out);

}  // namespace gepaie::cli
