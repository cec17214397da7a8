// What a command works with: the settings, the logger, the database and the output streams.
#pragma once

#include <Poco/Logger.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "gepaie/config/settings.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/staffing/model.h"
#include "gepaie/store/database.h"

namespace gepaie::cli {

class Context {
 public:
  Context(std::optional<std::filesystem::path> config_file, Poco::Logger& logger);

  // The loaded gepaie.yaml (loaded on first use).
  const config::Settings& settings();
  Poco::Logger& logger() { return logger_; }
  std::ostream& out() { return std::cout; }
  std::ostream& err() { return std::cerr; }
  bool interactive() const;  // standard error is a terminal: show progress

  // A connection, starting the embedded server first when it is the one configured. With
  // `require_schema`, refuses to work on a database with pending migrations.
  store::Database& db(bool require_schema = true);
  // The rates files of config/rates (loaded on first use).
  const payroll::RateBook& rates();
  // The working-time limits in force on `day`, from the rates and the GE's agreement.
  staffing::WorkingTimeLimits working_time_limits(Date day);
  void progress(const std::string& line);

 private:
  std::optional<std::filesystem::path> config_file_;
  Poco::Logger& logger_;
  std::optional<config::Settings> settings_;
  std::unique_ptr<store::Database> db_;
  std::optional<payroll::RateBook> rates_;
};

}  // namespace gepaie::cli
