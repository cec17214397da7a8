#include "context.h"

#include <unistd.h>

#include "gepaie/app/database.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"

namespace gepaie::cli {
namespace fs = std::filesystem;

Context::Context(std::optional<fs::path> config_file, Poco::Logger& logger)
    : config_file_(std::move(config_file)), logger_(logger) {}

const config::Settings& Context::settings() {
  if (!settings_) {
    const config::Environment env = config::process_environment();
    fs::path file;
    if (config_file_) {
      file = *config_file_;
    } else if (auto from_env = env("GEPAIE_CONFIG")) {
      file = *from_env;
    } else if (fs::exists("config/gepaie.yaml")) {
      file = "config/gepaie.yaml";
    } else if (fs::exists("/etc/gepaie/gepaie.yaml")) {
      file = "/etc/gepaie/gepaie.yaml";
    } else {
      throw bad_input(
          "no configuration: give --config FILE or set GEPAIE_CONFIG (no ./config/gepaie.yaml "
          "nor /etc/gepaie/gepaie.yaml here)");
    }
    logger_.information("configuration " + fs::absolute(file).string());
    settings_ = config::load_settings(file, env);
  }
  return *settings_;
}

bool Context::interactive() const {
  return isatty(STDERR_FILENO) != 0;
}

void Context::progress(const std::string& line) {
  logger_.information(line);
  if (interactive() && !logger_.information()) {
    err() << line << std::endl;
  }
}

store::Database& Context::db(bool require_schema) {
  if (!db_) {
    db_ = app::connect_database(settings(), [this](const std::string& line) { progress(line); });
    logger_.information("connected to schema " + db_->schema());
  }
  if (require_schema) {
    app::require_current_schema(*db_);
  }
  return *db_;
}

const payroll::RateBook& Context::rates() {
  if (!rates_) {
    rates_ = config::load_rate_book(settings().rates_dir);
  }
  return *rates_;
}

app::Actor Context::actor(const std::optional<std::string>& by) {
  return app::shell_operator(settings(), by.value_or(""));
}

}  // namespace gepaie::cli
