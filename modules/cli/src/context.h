// What a command works with: the settings, the logger, the database and the output streams.
#pragma once

#include <Poco/Logger.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "gepaie/app/workspace.h"
#include "gepaie/config/settings.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/store/database.h"

namespace gepaie::cli {

class Context : public app::Workspace {
 public:
  Context(std::optional<std::filesystem::path> config_file, Poco::Logger& logger);

  // The loaded gepaie.yaml (loaded on first use).
  const config::Settings& settings() override;
  Poco::Logger& logger() { return logger_; }
  std::ostream& out() { return std::cout; }
  std::ostream& err() { return std::cerr; }
  bool interactive() const;  // standard error is a terminal: show progress

  // A connection, starting the embedded server first when it is the one configured. With
  // `require_schema`, refuses to work on a database with pending migrations.
  store::Database& db(bool require_schema);
  store::Database& db() override { return db(true); }
  // The rates files of config/rates (loaded on first use).
  const payroll::RateBook& rates() override;
  void progress(const std::string& line) override;
  // The operator at the shell: `--by NAME` when the command has it, else the `operator:` setting,
  // else the Unix user.
  app::Actor actor(const std::optional<std::string>& by = std::nullopt);

 private:
  std::optional<std::filesystem::path> config_file_;
  Poco::Logger& logger_;
  std::optional<config::Settings> settings_;
  std::unique_ptr<store::Database> db_;
  std::optional<payroll::RateBook> rates_;
};

}  // namespace gepaie::cli
