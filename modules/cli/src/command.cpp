#include "command.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "gepaie/core/error.h"

namespace gepaie::cli {
namespace {

Poco::Util::OptionSet option_set(const Command& command) {
  Poco::Util::OptionSet set;
  set.addOption(Poco::Util::Option("help", "h", "show this help and exit"));
  for (const OptionSpec& spec : command.options) {
    Poco::Util::Option option(spec.name, spec.short_name, spec.description);
    if (!spec.argument.empty()) {
      option.argument(spec.argument);
    }
    set.addOption(option);
  }
  return set;
}

}  // namespace

std::optional<std::string> Arguments::option(const std::string& name) const {
  if (auto it = options.find(name); it != options.end()) {
    return it->second;
  }
  return std::nullopt;
}

Arguments parse_arguments(const Command& command, const std::vector<std::string>& args) {
  const Poco::Util::OptionSet set = option_set(command);
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  Arguments parsed;
  bool only_positional = false;
  try {
    for (const std::string& arg : args) {
      if (only_positional) {
        parsed.positional.push_back(arg);
        continue;
      }
      if (arg == "--") {
        only_positional = true;
        continue;
      }
      std::string name;
      std::string value;
      if (processor.process(arg, name, value)) {
        if (!name.empty()) {
          parsed.options[name] = value;
        }
      } else {
        parsed.positional.push_back(arg);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    throw bad_input(e.displayText() + " (see gepaie " + command.name + " --help)");
  }
  if (parsed.flag("help")) {
    return parsed;
  }
  if (parsed.positional.size() < command.min_positional ||
      parsed.positional.size() > command.max_positional) {
    throw bad_input("usage: gepaie " + command.name + " " + command.usage + " (see gepaie " +
                    command.name + " --help)");
  }
  return parsed;
}

void print_command_help(const Command& command, std::ostream& out) {
  const Poco::Util::OptionSet set = option_set(command);
  Poco::Util::HelpFormatter formatter(set);
  formatter.setUnixStyle(true);
  formatter.setCommand("gepaie " + command.name);
  formatter.setUsage("[OPTIONS] " + command.usage);
  formatter.setHeader(command.summary + (command.details.empty() ? "" : "\n\n" + command.details));
  formatter.setFooter("Exit status: 0 ok, 1 failure, 2 bad input.");
  formatter.setWidth(100);
  formatter.format(out);
}

void print_overview(std::ostream& out) {
  out << "usage: gepaie [--config FILE] [--verbose] COMMAND [OPTIONS] [ARGS]\n\n"
         "gepaie runs the monthly cycle of a groupement d'employeurs: allocate shared staff to\n"
         "members, pay them under French law, split their cost across members and invoice them.\n\n"
         "Global options:\n"
         "  -c, --config FILE  the GE's gepaie.yaml (default: $GEPAIE_CONFIG, else\n"
         "                     ./config/gepaie.yaml)\n"
         "  -v, --verbose      log what happens (Poco logger, level information)\n"
         "  -h, --help         this overview; gepaie COMMAND --help describes a command\n"
         "      --version      print the version\n\n"
         "Commands:\n";
  size_t width = 0;
  for (const Command& command : all_commands()) {
    width = std::max(width, command.name.size());
  }
  for (const Command& command : all_commands()) {
    std::string left = "  " + command.name;
    left.resize(width + 4, ' ');
    out << left << command.summary << "\n";
  }
  out << "\nEnvironment: GEPAIE_CONFIG (configuration file), GEPAIE_DATA_DIR (data directory),\n"
         "GEPAIE_DATABASE_URL (mysql://user:password@host:port/schema, external database).\n"
         "Exit status: 0 ok, 1 failure, 2 bad input.\n";
}

void require_options(const Arguments& args, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (!args.option(name)) {
      throw bad_input(std::string("--") + name + " is required");
    }
  }
}

Month month_option(const Arguments& args) {
  const auto month = args.option("month");
  if (!month) {
    throw bad_input("--month YYYY-MM is required");
  }
  return Month::parse(*month);
}

const std::vector<Command>& all_commands() {
  static const std::vector<Command> commands = [] {
    std::vector<Command> list = db_commands();
    for (auto group :
         {registry_commands(), config_commands(), simulate_commands(), schedule_commands(),
          timesheet_commands(), staff_commands(), payrun_commands(), split_commands(),
          invoice_commands(), expense_commands(), close_commands(), demo_commands(),
          print_commands(), print_billing_commands()}) {
      for (Command& command : group) {
        list.push_back(std::move(command));
      }
    }
    return list;
  }();
  return commands;
}

}  // namespace gepaie::cli
