#include "context.h"

#include <unistd.h>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/store/embedded_server.h"
#include "gepaie/store/migrations.h"

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
    const config::Settings& config = settings();
    std::string socket;
    if (config.database.embedded) {
      store::EmbeddedServer server(config.data_dir);
      server.start([this](const std::string& line) { progress(line); });
      socket = server.socket().string();
    }
    db_ = store::Database::connect(config.database, socket);
    logger_.information("connected to schema " + db_->schema());
  }
  if (require_schema) {
    store::Migrator migrator(*db_, store::bundled_migrations());
    for (const store::MigrationState& state : migrator.status()) {
      if (!state.applied) {
        throw failure("the database schema is not up to date (migration " +
                      std::to_string(state.version) + "_" + state.name +
                      " pending): run `gepaie db migrate`");
      }
    }
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
