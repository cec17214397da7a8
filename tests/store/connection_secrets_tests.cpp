// A database password never shows: not in a connection error, not in what the program prints
// for a bad GEPAIE_DATABASE_URL or a failed connection.
#define BOOST_TEST_MODULE connection_secrets_tests
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gepaie/config/settings.h"
#include "gepaie/core/error.h"
#include "gepaie/store/database.h"
#include "gepaie/store/embedded_server.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const std::string kSecret = "Zr8kQ2vWp";

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs gepaie on the test configuration with GEPAIE_DATABASE_URL set to `url`.
Result gepaie_with_url(const std::string& url, const std::string& args) {
  const fs::path scratch =
      fs::temp_directory_path() / ("gepaie-secrets-" + std::to_string(getpid()));
  fs::create_directories(scratch);
  const std::string command = "GEPAIE_DATABASE_URL='" + url + "' " + GEPAIE_BINARY + " --config " +
                              GEPAIE_TEST_CONFIG + " " + args + " >" + (scratch / "out").string() +
                              " 2>" + (scratch / "err").string();
  const int raw = std::system(command.c_str());
  Result result{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(scratch / "out"),
                slurp(scratch / "err")};
  fs::remove_all(scratch);
  return result;
}

void expect_hidden(const Error& e) {
  BOOST_TEST(std::string(e.what()).find(kSecret) == std::string::npos, e.what());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connection_secrets_tests)

BOOST_AUTO_TEST_CASE(a_failed_connection_does_not_show_the_password) {
  config::DatabaseSettings refused;
  refused.embedded = false;
  refused.host = "127.0.0.1";
  refused.port = 1;  // nothing listens there
  refused.user = "paie";
  refused.password = kSecret;
  refused.schema = "gepaie_test";
  try {
    store::Database::connect(refused);
    BOOST_ERROR("connected to port 1");
  } catch (const Error& e) {
    expect_hidden(e);
    BOOST_TEST(std::string(e.what()).find("cannot connect to 127.0.0.1:1") != std::string::npos,
               e.what());
  }

  // A wrong password for the test server.
  const config::Settings settings =
      config::load_settings(GEPAIE_TEST_CONFIG, [](const std::string&) { return std::nullopt; });
  config::DatabaseSettings wrong = settings.database;
  wrong.user = "gepaie_nobody";
  wrong.password = kSecret;
  try {
    store::Database::connect(wrong, store::EmbeddedServer(settings.data_dir).socket().string());
    BOOST_ERROR("connected with a wrong password");
  } catch (const Error& e) {
    expect_hidden(e);
    BOOST_TEST(std::string(e.what()).find("Access denied") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(the_program_never_prints_the_password_of_its_url) {
  const std::vector<std::string> bad_urls = {
      "mysq://paie:" + kSecret + "@db.local/ge",
      "mysql:/paie:" + kSecret + "@db.local/ge",
      "mysql://paie:" + kSecret + "%zz@db.local/ge",
      "mysql://paie:" + kSecret + "@db.local/b-d",
      "mysql://paie:" + kSecret + "@db.local/ge?ssl_mode=sometimes",
  };
  for (const std::string& url : bad_urls) {
    const Result result = gepaie_with_url(url, "db status");
    BOOST_TEST(result.status == 2, config::redact_database_url(url) << ": " << result.err);
    BOOST_TEST(result.err.find(kSecret) == std::string::npos, result.err);
    BOOST_TEST(result.out.find(kSecret) == std::string::npos, result.out);
    BOOST_TEST(result.err.find("GEPAIE_DATABASE_URL") != std::string::npos, result.err);
  }
  const Result refused =
      gepaie_with_url("mysql://paie:" + kSecret + "@127.0.0.1:1/ge", "-v db status");
  BOOST_TEST(refused.status == 1, refused.err);
  BOOST_TEST(refused.err.find("cannot connect to 127.0.0.1:1") != std::string::npos, refused.err);
  BOOST_TEST(refused.err.find(kSecret) == std::string::npos, refused.err);
  BOOST_TEST(refused.out.find(kSecret) == std::string::npos, refused.out);
}

BOOST_AUTO_TEST_SUITE_END()
