// A throwaway schema on the test suite's MariaDB server (started by the db_server_start fixture),
// dropped when the test ends.
#pragma once

#include <unistd.h>

#include <atomic>
#include <memory>
#include <string>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/settings.h"
#include "gepaie/store/database.h"
#include "gepaie/store/embedded_server.h"

namespace gepaie::testing {

inline config::Settings test_settings() {
  return config::load_settings(GEPAIE_TEST_CONFIG,
                               [](const std::string&) { return std::optional<std::string>(); });
}

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& name) {
    static std::atomic<int> counter{0};
    settings_ = test_settings();
    settings_.database.schema =
        "t_" + name + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    socket_ = store::EmbeddedServer(settings_.data_dir).socket().string();
    db_ = store::Database::connect(settings_.database, socket_);
  }
  ~TestDatabase() {
    try {
      db_->drop_schema();
    } catch (...) {
    }
  }
  store::Database& db() { return *db_; }
  // A second, independent connection to the same schema.
  std::unique_ptr<store::Database> connect() const {
    return store::Database::connect(settings_.database, socket_);
  }
  const config::Settings& settings() const { return settings_; }

 private:
  config::Settings settings_;
  std::string socket_;
  std::unique_ptr<store::Database> db_;
};

// The rates files shipped in config/rates, loaded once.
inline const payroll::RateBook& shipped_rates() {
  static const payroll::RateBook rates =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return rates;
}

}  // namespace gepaie::testing
