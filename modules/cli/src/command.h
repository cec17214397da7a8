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
std::vector<Command> db_commands();
std::vector<Command> registry_commands();
std::vector<Command> payroll_commands();
std::vector<Command> staffing_commands();
std::vector<Command> close_commands();          // payroll run/show, split, invoice, close, expense
std::vector<Command> demo_commands();           // demo generate
std::vector<Command> print_commands();          // print payslips
std::vector<Command> print_billing_commands();  // print invoices, print summary

// Parses a command's arguments with Poco's option processor (unix style, --help everywhere).
// Throws Error(BadInput) on an unknown option or a wrong number of arguments.
Arguments parse_arguments(const Command& command, const std::vector<std::string>& args);
void print_command_help(const Command& command, std::ostream& out);
void print_overview(std::ostream& out);

}  // namespace gepaie::cli
