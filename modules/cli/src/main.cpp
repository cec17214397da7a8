// gepaie: the command-line program, a Poco::Util::Application whose main() dispatches to the
// subcommands of command.h. Global options come before the command, the command's own after it.
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

#include "command.h"
#include "context.h"
#include "gepaie/core/error.h"

namespace gepaie::cli {
namespace {

class GepaieApplication : public Poco::Util::Application {
 public:
  explicit GepaieApplication(std::vector<std::string> command_args)
      : command_args_(std::move(command_args)) {
    setUnixOptions(true);
  }

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("help", "h", "show the overview and exit")
                          .callback(Poco::Util::OptionCallback<GepaieApplication>(
                              this, &GepaieApplication::on_help)));
    options.addOption(Poco::Util::Option("version", "", "print the version and exit")
                          .callback(Poco::Util::OptionCallback<GepaieApplication>(
                              this, &GepaieApplication::on_version)));
    options.addOption(Poco::Util::Option("config", "c", "configuration file")
                          .argument("FILE")
                          .callback(Poco::Util::OptionCallback<GepaieApplication>(
                              this, &GepaieApplication::on_config)));
    options.addOption(Poco::Util::Option("verbose", "v", "log at level information")
                          .callback(Poco::Util::OptionCallback<GepaieApplication>(
                              this, &GepaieApplication::on_verbose)));
  }

  void initialize(Poco::Util::Application& self) override {
    Poco::Util::Application::initialize(self);
    Poco::AutoPtr<Poco::PatternFormatter> formatter(new Poco::PatternFormatter("gepaie: %p: %t"));
    Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel(std::cerr));
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(formatter, console));
    Poco::Logger& root = Poco::Logger::root();
    root.setChannel(channel);
    root.setLevel(verbose_ ? Poco::Message::PRIO_INFORMATION : Poco::Message::PRIO_WARNING);
    logger().setChannel(channel);
    logger().setLevel(root.getLevel());
  }

  int main(const std::vector<std::string>& args) override {
    if (stop_) {
      return EXIT_OK;
    }
    std::vector<std::string> words = args;
    words.insert(words.end(), command_args_.begin(), command_args_.end());
    if (words.empty()) {
      print_overview(std::cerr);
      return EXIT_USAGE;
    }
    const Command* command = nullptr;
    size_t used = 0;
    for (const Command& candidate : all_commands()) {
      const size_t space = candidate.name.find(' ');
      const bool two_words = space != std::string::npos;
      if (two_words && words.size() >= 2 && candidate.name == words[0] + " " + words[1]) {
        command = &candidate;
        used = 2;
        break;
      }
      if (!two_words && candidate.name == words[0]) {
        command = &candidate;
        used = 1;
      }
    }
    if (command == nullptr) {
      std::cerr << "gepaie: unknown command '" << words[0]
                << (words.size() > 1 ? " " + words[1] : "") << "' (see gepaie --help)\n";
      return EXIT_USAGE;
    }
    try {
      const std::vector<std::string> rest(words.begin() + static_cast<long>(used), words.end());
      const Arguments parsed = parse_arguments(*command, rest);
      if (parsed.flag("help")) {
        print_command_help(*command, std::cout);
        return EXIT_OK;
      }
      Context context(config_file_, logger());
      return command->run(context, parsed);
    } catch (const Error& e) {
      std::cerr << "gepaie: " << (e.kind() == ErrorKind::BadInput ? "bad input: " : "error: ")
                << e.what() << "\n";
      return e.exit_status();
    } catch (const Poco::Exception& e) {
      std::cerr << "gepaie: error: " << e.displayText() << "\n";
      return EXIT_SOFTWARE;
    } catch (const std::exception& e) {
      std::cerr << "gepaie: error: " << e.what() << "\n";
      return EXIT_SOFTWARE;
    }
  }

 private:
  void on_help(const std::string&, const std::string&) {
    print_overview(std::cout);
    stop();
  }
  void on_version(const std::string&, const std::string&) {
    std::cout << "gepaie " << GEPAIE_VERSION << "\n";
    stop();
  }
  void on_config(const std::string&, const std::string& value) { config_file_ = value; }
  void on_verbose(const std::string&, const std::string&) { verbose_ = true; }
  void stop() {
    stop_ = true;
    stopOptionsProcessing();
  }

  std::vector<std::string> command_args_;
  std::optional<std::filesystem::path> config_file_;
  bool verbose_ = false;
  bool stop_ = false;
};

}  // namespace
}  // namespace gepaie::cli

int main(int argc, char** argv) {
  // Poco processes the global options (before the command word); the command parses the rest.
  std::vector<char*> global = {argv[0]};
  std::vector<std::string> command_args;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] != '-') {
      break;
    }
    global.push_back(argv[i]);
    if ((arg == "--config" || arg == "-c") && i + 1 < argc) {
      global.push_back(argv[++i]);
    }
  }
  for (; i < argc; ++i) {
    command_args.emplace_back(argv[i]);
  }
  gepaie::cli::GepaieApplication app(command_args);
  // Exit statuses: 0 ok, 1 failure, 2 bad input (usage errors included).
  constexpr int kFailure = 1;
  constexpr int kBadInput = 2;
  try {
    app.init(static_cast<int>(global.size()), global.data());
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "gepaie: bad input: " << e.displayText() << " (see gepaie --help)\n";
    return kBadInput;
  } catch (const Poco::Exception& e) {
    std::cerr << "gepaie: error: " << e.displayText() << "\n";
    return kFailure;
  }
  const int status = app.run();
  // Poco's EXIT_USAGE (64) and EXIT_SOFTWARE (70) map to our two error statuses.
  if (status == Poco::Util::Application::EXIT_USAGE) {
    return kBadInput;
  }
  return status == Poco::Util::Application::EXIT_OK ? 0 : (status == 2 ? kBadInput : kFailure);
}
