#define BOOST_TEST_MODULE settings_tests
#include <boost/test/included/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "gepaie/config/settings.h"
#include "gepaie/core/error.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const std::string kValid = R"(ge:
  name: "GE Test"
  siret: "79012345900014"
  naf: "7830Z"
  address: { line1: "1 rue", postcode: "63000", city: "Clermont-Ferrand" }
  urssaf_account: "637000001234567890"
  idcc: "1285"
)";

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("gepaie-settings-" + std::to_string(getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return path / name;
  }
};

config::Environment env(std::map<std::string, std::string> values = {}) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

// Loads `text` and expects a BadInput error at `line` whose description contains `part`.
void expect_error(const std::string& text, int line, const std::string& part) {
  TempDir dir;
  const fs::path file = dir.write("gepaie.yaml", text);
  try {
    config::load_settings(file, env());
    BOOST_ERROR("no error for: " + part);
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput));
    BOOST_TEST(e.where().file == file.string());
    BOOST_TEST(e.where().line == line);
    BOOST_TEST(std::string(e.what()).find(part) != std::string::npos, e.what());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_tests)

BOOST_AUTO_TEST_CASE(the_shipped_configuration_is_valid) {
  const config::Settings settings =
      config::load_settings(std::string(GEPAIE_SOURCE_DIR) + "/config/gepaie.yaml", env());
  BOOST_TEST(!settings.ge.name.empty());
  BOOST_TEST(settings.ge.idcc == "1285");
  BOOST_TEST(settings.database.embedded);
  BOOST_TEST(settings.data_dir == fs::path(GEPAIE_SOURCE_DIR) / "var");
}

BOOST_AUTO_TEST_CASE(defaults_embedded_database_and_var_beside_the_file) {
  TempDir dir;
  const config::Settings settings = config::load_settings(dir.write("g.yaml", kValid), env());
  BOOST_TEST(settings.database.embedded);
  BOOST_TEST(settings.database.schema == "gepaie");
  BOOST_TEST(settings.data_dir == dir.path / "var");
  BOOST_TEST((settings.ge.vat_regime == config::VatRegime::Standard));
  BOOST_TEST(settings.ge.address.country == "FR");
}

BOOST_AUTO_TEST_CASE(environment_overrides) {
  TempDir dir;
  const fs::path file = dir.write("g.yaml", kValid);
  const config::Settings settings = config::load_settings(
      file, env({{"GEPAIE_DATA_DIR", "/srv/gepaie"},
                 {"GEPAIE_DATABASE_URL", "mysql://paie:s%40cret@db.local:3307/ge_prod"}}));
  BOOST_TEST(settings.data_dir == fs::path("/srv/gepaie"));
  BOOST_TEST(!settings.database.embedded);
  BOOST_TEST(settings.database.user == "paie");
  BOOST_TEST(settings.database.password == "s@cret");
  BOOST_TEST(settings.database.host == "db.local");
  BOOST_TEST(settings.database.port == 3307);
  BOOST_TEST(settings.database.schema == "ge_prod");
}

BOOST_AUTO_TEST_CASE(database_url_forms) {
  const auto socket =
      config::parse_database_url("mysql://root@localhost/gepaie?socket=/run/m.sock");
  BOOST_TEST(socket.socket == "/run/m.sock");
  BOOST_TEST(socket.password.empty());
  BOOST_TEST(socket.port == 3306);
  BOOST_CHECK_THROW(config::parse_database_url("postgres://u@h/s"), Error);
  BOOST_CHECK_THROW(config::parse_database_url("mysql://h/s"), Error);
  BOOST_CHECK_THROW(config::parse_database_url("mysql://u@h"), Error);
  BOOST_CHECK_THROW(config::parse_database_url("mysql://u@h:99999/s"), Error);
  BOOST_CHECK_THROW(config::parse_database_url("mysql://u@h/bad-name"), Error);
  BOOST_CHECK_THROW(config::parse_database_url("mysql://u:%zz@h/s"), Error);
}

BOOST_AUTO_TEST_CASE(external_database_section_with_password_file) {
  TempDir dir;
  dir.write("db.secret", "t0p-secret\n");
  const config::Settings settings = config::load_settings(
      dir.write("g.yaml", kValid + "database:\n  host: db.local\n  user: paie\n"
                                   "  password_file: db.secret\n  schema: ge_2026\n"),
      env());
  BOOST_TEST(!settings.database.embedded);
  BOOST_TEST(settings.database.password == "t0p-secret");
  BOOST_TEST(settings.database.schema == "ge_2026");
}

BOOST_AUTO_TEST_CASE(invalid_configurations_are_refused_with_their_place) {
  expect_error(kValid + "colour: blue\n", 8, "unknown key 'colour'");
  expect_error(R"(ge:
  name: "GE Test"
  siret: "79012345900015"
)",
               3, "Luhn");
  expect_error(R"(ge:
  name: "GE Test"
)",
               2, "ge.siret: is required");
  expect_error(kValid + "database:\n  host: db\n", 9, "needs a user");
  expect_error(kValid + "database:\n  schema: \"bad name\"\n", 9, "schema");
  expect_error(kValid + "database:\n  port: 70000\n", 9, "port");
  expect_error(kValid + "database:\n  password_file: missing.secret\n  user: x\n  host: h\n", 9,
               "cannot read the password file");
  expect_error("ge: [1, 2\n", 2, "YAML syntax error");
  std::string vat = kValid;
  vat += "  vat: { regime: sometimes }\n";
  expect_error(vat, 8, "standard' or 'exempt'");
}

BOOST_AUTO_TEST_CASE(missing_file_is_bad_input) {
  BOOST_CHECK_EXCEPTION(config::load_settings("/nonexistent/gepaie.yaml", env()), Error,
                        [](const Error& e) { return e.exit_status() == 2; });
}

BOOST_AUTO_TEST_SUITE_END()
