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

const std::vector<Command>& all_commands();
// One function per command group, each in its own file (NAME_commands.cpp).
std::vector<Command> db_commands();        // db start|stop|migrate|status
std::vector<Command> registry_commands();  // import, list
std::vector<Command> config_commands();    // config check
std::vector<Command> simulate_commands();  // simulate
std::vector<Command> schedule_commands();  // schedule set|show, demand add|list
std::vector<Command> timesheet_commands();  // timesheet generate|import|show|submit|approve|...
std::vector<Command> staff_commands();      // staff check|propose
std::vector<Command> payrun_commands();     // payroll run|show
std::vector<Command> split_commands();      // split
std::vector<Command> invoice_commands();    // invoice list|show|credit|adjust|adjustments
std::vector<Command> expense_commands();    // expense add|list
std::vector<Command> close_commands();      // close, period list
std::vector<Command> demo_commands();       // demo generate
std::vector<Command> print_commands();          // print payslips
std::vector<Command> print_billing_commands();  // print invoices, print summary

// Parses a command's arguments with Poco's option processor (unix style, --help everywhere).
// Throws Error(BadInput) on an unknown option or a wrong number of arguments.
Arguments parse_arguments(const Command& command, const std::vector<std::string>& args);
void print_command_help(const Command& command, std::ostream& out);
void print_overview(std::ostream& out);

}  // namespace gepaie::cli
