#include "command.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <charconv>
#include <iostream>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/core/text.h"

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

// Every value of the command line must be clean UTF-8 on a single line.
void check_argument(const std::string& value, const std::string& field) {
  const TextRules single_line{.tabs = false, .line_ends = false, .leading_bom = false};
  if (auto fault = find_text_fault(value, single_line)) {
    throw Error(ErrorKind::BadInput,
                fault->reason + " (character " + std::to_string(fault->column) + ")", {}, field);
  }
}

Error option_error(const std::string& name, const std::string& reason) {
  return Error(ErrorKind::BadInput, reason, {}, "--" + name);
}

// The value of --name read by `parse`; a BadInput thrown by `parse` gets the option's name.
template <typename Parse>
auto parsed_option(const Arguments& args, const std::string& name, Parse parse)
    -> std::optional<decltype(parse(std::string()))> {
  const auto text = args.option(name);
  if (!text) {
    return std::nullopt;
  }
  try {
    return parse(*text);
  } catch (const Error& e) {
    throw option_error(name, e.message());  // even a Failure ("too large") is a bad value here
  }
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

// A whole number in decimal digits, with a leading '-' when negatives are allowed.
template <typename Integer>
Integer whole_number(const std::string& text, const std::string& name, Integer low, Integer high) {
  const std::string expected = "expects a whole number from " + std::to_string(low) + " to " +
                               std::to_string(high) + ", not " + quoted(text);
  Integer value{};
  const char* begin = text.data();
  const char* end = begin + text.size();
  // from_chars takes a leading '-' for signed types but no '+' and no blank: both refused here.
  if (text.empty() || (text[0] == '-' && low >= 0)) {
    throw option_error(name, expected);
  }
  const auto [rest, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || rest != end || value < low || value > high) {
    throw option_error(name, expected);
  }
  return value;
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
        check_argument(arg, "argument " + std::to_string(parsed.positional.size() + 1));
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
          check_argument(value, "--" + name);
          parsed.options[name] = value;
        }
      } else {
        check_argument(arg, "argument " + std::to_string(parsed.positional.size() + 1));
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
  return *month_option(args, "month");
}

std::optional<int64_t> int_option(const Arguments& args, const std::string& name, int64_t low,
                                  int64_t high) {
  return parsed_option(args, name, [&](const std::string& text) {
    return whole_number<int64_t>(text, name, low, high);
  });
}

std::optional<uint64_t> unsigned_option(const Arguments& args, const std::string& name,
                                        uint64_t low, uint64_t high) {
  return parsed_option(args, name, [&](const std::string& text) {
    return whole_number<uint64_t>(text, name, low, high);
  });
}

std::vector<int64_t> int_list_option(const Arguments& args, const std::string& name, int64_t low,
                                     int64_t high) {
  const auto text = args.option(name);
  std::vector<int64_t> values;
  if (!text) {
    return values;
  }
  const std::string expected =
      "expects whole numbers from " + std::to_string(low) + " to " + std::to_string(high) +
      " separated by commas (e.g. " + std::to_string(low) + "," +
      std::to_string(low + 1 <= high ? low + 1 : low) + "), not " + quoted(*text);
  std::set<int64_t> seen;
  size_t start = 0;
  while (true) {
    const size_t comma = text->find(',', start);
    const std::string item =
        text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int64_t value = 0;
    try {
      value = whole_number<int64_t>(item, name, low, high);
    } catch (const Error&) {
      throw option_error(name, expected);
    }
    if (!seen.insert(value).second) {
      throw option_error(name, std::to_string(value) + " is given twice in " + quoted(*text));
    }
    values.push_back(value);
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return values;
}

std::optional<double> decimal_option(const Arguments& args, const std::string& name, double low,
                                     double high) {
  return parsed_option(args, name, [&](const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    const bool plain = !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
    const auto [rest, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (!plain || error != std::errc() || rest != end || !(value >= low && value <= high)) {
      char bounds[64];
      std::snprintf(bounds, sizeof bounds, "from %g to %g", low, high);
      throw option_error(name, "expects a number " + std::string(bounds) + ", not " + quoted(text));
    }
    return value;
  });
}

std::optional<Date> date_option(const Arguments& args, const std::string& name) {
  return parsed_option(args, name, [](const std::string& text) { return Date::parse(text); });
}

std::optional<Month> month_option(const Arguments& args, const std::string& name) {
  return parsed_option(args, name, [](const std::string& text) { return Month::parse(text); });
}

std::optional<Week> week_option(const Arguments& args, const std::string& name) {
  return parsed_option(args, name, [](const std::string& text) { return Week::parse(text); });
}

std::optional<Hours> hours_option(const Arguments& args, const std::string& name) {
  return parsed_option(args, name, [](const std::string& text) { return Hours::parse(text); });
}

std::optional<Money> money_option(const Arguments& args, const std::string& name) {
  return parsed_option(args, name, [](const std::string& text) { return Money::parse(text); });
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
