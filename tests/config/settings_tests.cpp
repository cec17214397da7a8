#define BOOST_TEST_MODULE settings_tests
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

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

BOOST_AUTO_TEST_CASE(database_tls_options_in_the_file) {
  TempDir dir;
  const std::string external = kValid + "database:\n  host: db.local\n  user: paie\n";
  const config::Settings plain = config::load_settings(dir.write("p.yaml", external), env());
  BOOST_TEST((plain.database.ssl_mode == config::SslMode::Preferred));
  BOOST_TEST(plain.database.ssl_ca.empty());

  // A CA file alone means: check the server's certificate against it, host name included.
  const config::Settings with_ca =
      config::load_settings(dir.write("c.yaml", external + "  ssl_ca: certs/ca.pem\n"), env());
  BOOST_TEST((with_ca.database.ssl_mode == config::SslMode::VerifyIdentity));
  BOOST_TEST(with_ca.database.ssl_ca == (dir.path / "certs" / "ca.pem").string());

  const config::Settings required =
      config::load_settings(dir.write("r.yaml", external + "  ssl_mode: required\n"), env());
  BOOST_TEST((required.database.ssl_mode == config::SslMode::Required));
  const config::Settings verify_ca = config::load_settings(
      dir.write("v.yaml", external + "  ssl_mode: verify_ca\n  ssl_ca: /etc/ssl/ge-ca.pem\n"),
      env());
  BOOST_TEST((verify_ca.database.ssl_mode == config::SslMode::VerifyCa));
  BOOST_TEST(verify_ca.database.ssl_ca == "/etc/ssl/ge-ca.pem");
  const config::Settings disabled =
      config::load_settings(dir.write("d.yaml", external + "  ssl_mode: disabled\n"), env());
  BOOST_TEST((disabled.database.ssl_mode == config::SslMode::Disabled));
}

BOOST_AUTO_TEST_CASE(bad_tls_options_are_refused_with_their_place) {
  // kValid has 7 lines: "database:" is line 8, host 9, user 10, the TLS key 11.
  const std::string external = kValid + "database:\n  host: db.local\n  user: paie\n";
  expect_error(external + "  ssl_mode: sometimes\n", 11, "ssl_mode is one of disabled");
  expect_error(external + "  ssl_mode: REQUIRED\n", 11, "got 'REQUIRED'");
  expect_error(external + "  ssl_mode: required\n  ssl_ca: ca.pem\n", 11,
               "ssl_ca is only used with ssl_mode verify_ca or verify_identity");
  expect_error(external + "  ssl_ca: ca.pem\n  ssl_mode: preferred\n", 12, "not preferred");
  expect_error(external + "  ssl_ca: ca.pem\n  ssl_mode: disabled\n", 12, "not disabled");
  expect_error(external + "  ssl_verify: true\n", 11, "unknown key 'ssl_verify'");

  // The column is the value's.
  TempDir dir;
  const fs::path file = dir.write("g.yaml", external + "  ssl_mode: sometimes\n");
  try {
    config::load_settings(file, env());
    BOOST_ERROR("no error for a bad ssl_mode");
  } catch (const Error& e) {
    BOOST_TEST(e.where().column == 13);
  }
}

BOOST_AUTO_TEST_CASE(database_url_tls_options) {
  const auto tls = config::parse_database_url(
      "mysql://paie:pw@db.local/ge?ssl_mode=verify_ca&ssl_ca=/etc/ssl/ge%20ca.pem");
  BOOST_TEST((tls.ssl_mode == config::SslMode::VerifyCa));
  BOOST_TEST(tls.ssl_ca == "/etc/ssl/ge ca.pem");
  BOOST_TEST(tls.host == "db.local");
  const auto ca_only = config::parse_database_url("mysql://paie@db.local/ge?ssl_ca=/ca.pem");
  BOOST_TEST((ca_only.ssl_mode == config::SslMode::VerifyIdentity));
  const auto both =
      config::parse_database_url("mysql://paie@localhost/ge?socket=/run/m.sock&ssl_mode=disabled");
  BOOST_TEST(both.socket == "/run/m.sock");
  BOOST_TEST((both.ssl_mode == config::SslMode::Disabled));
  BOOST_TEST((config::parse_database_url("mysql://p@h/s").ssl_mode == config::SslMode::Preferred));

  const auto refused = [](const std::string& url, const std::string& part) {
    try {
      config::parse_database_url(url);
      BOOST_ERROR("no error for " + url);
    } catch (const Error& e) {
      BOOST_TEST((e.kind() == ErrorKind::BadInput));
      BOOST_TEST(std::string(e.what()).find(part) != std::string::npos, e.what());
    }
  };
  refused("mysql://p@h/s?ssl_mode=sometimes", "ssl_mode is one of disabled");
  refused("mysql://p@h/s?ssl_mode=required&ssl_ca=/ca.pem", "ssl_ca is only used");
  refused("mysql://p@h/s?sslmode=require", "unknown option 'sslmode'");
  refused("mysql://p@h/s?socket=/run/m.sock&timeout=3", "unknown option 'timeout'");
}

BOOST_AUTO_TEST_CASE(a_database_password_is_never_in_a_message) {
  const std::string secret = "Zr8-kQ2vW";
  const std::vector<std::string> bad_urls = {
      "mysq://paie:" + secret + "@db.local/ge",      // scheme
      "mysql:/paie:" + secret + "@db.local/ge",      // scheme
      "mysql://paie:" + secret + "%zz@db.local/ge",  // escape
      "mysql://paie:" + secret + "@db.local:0/ge",   // port
      "mysql://paie:" + secret + "@db.local/b-d",    // schema
      "mysql://paie:" + secret + "@db.local",        // no schema
      "mysql://paie:" + secret + "@db.local/ge?ssl_mode=" + secret,
      "mysql://paie:" + secret + "@db.local/ge?" + secret + "=1",
      "mysql://paie:" + secret,  // no host
      "mysql//paie:" + secret,
  };
  for (const std::string& url : bad_urls) {
    try {
      config::parse_database_url(url);
      BOOST_ERROR("no error for " + config::redact_database_url(url));
    } catch (const Error& e) {
      BOOST_TEST(std::string(e.what()).find(secret) == std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find("Zr8") == std::string::npos, e.what());
    }
  }
  // The same through the environment of load_settings.
  TempDir dir;
  const fs::path file = dir.write("g.yaml", kValid);
  for (const std::string& url : bad_urls) {
    try {
      config::load_settings(file, env({{"GEPAIE_DATABASE_URL", url}}));
      BOOST_ERROR("no error for " + config::redact_database_url(url));
    } catch (const Error& e) {
      BOOST_TEST(std::string(e.what()).find(secret) == std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_CASE(redacted_database_urls) {
  BOOST_TEST(
      config::redact_database_url("mysql://paie:s%40cret@db.local:3307/ge?ssl_mode=required") ==
      "mysql://paie:***@db.local:3307/ge?ssl_mode=required");
  BOOST_TEST(config::redact_database_url("mysql://paie:p@ss:w@rd@db/ge") ==
             "mysql://paie:***@db/ge");
  BOOST_TEST(config::redact_database_url("mysql://root@localhost/ge?socket=/run/m.sock") ==
             "mysql://root@localhost/ge?socket=/run/m.sock");
  BOOST_TEST(config::redact_database_url("mysql://paie:secret") == "mysql://***");
  BOOST_TEST(config::redact_database_url("paie:secret@db/ge") == "paie:***@db/ge");
  BOOST_TEST(config::redact_database_url("mysql:/paie:secret@db/ge") == "mysql:***@db/ge");
}

BOOST_AUTO_TEST_CASE(the_operator_is_read_from_the_top_level) {
  TempDir dir;
  const config::Settings unset = config::load_settings(dir.write("u.yaml", kValid), env());
  BOOST_TEST(!unset.operator_name.has_value());
  const config::Settings named =
      config::load_settings(dir.write("n.yaml", kValid + "operator: \"Marie Dupont\"\n"), env());
  BOOST_TEST((named.operator_name == std::optional<std::string>("Marie Dupont")));
  expect_error(kValid + "operator: \" \"\n", 8, "operator is a name of 1 to 100");
  expect_error(kValid + "operator: \"Marie\\tDupont\"\n", 8, "without control characters");
  expect_error(kValid + "operator: \"" + std::string(101, 'x') + "\"\n", 8, "1 to 100");
  expect_error(kValid + "operator: [a, b]\n", 8, "operator");
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

BOOST_AUTO_TEST_CASE(the_shipped_configuration_has_payroll_and_invoicing) {
  const config::Settings settings =
      config::load_settings(std::string(GEPAIE_SOURCE_DIR) + "/config/gepaie.yaml", env());
  const payroll::EmployerSettings& employer = settings.payroll.employer;
  BOOST_TEST(!settings.payroll.headcount.has_value());
  BOOST_TEST(employer.work_accident_rate.ppm() == 12'000);  // 1.20 %
  BOOST_TEST(employer.mobility_rate.ppm() == 20'000);       // 2.00 %
  BOOST_TEST(employer.health_plan_monthly.cents() == 4'800);
  BOOST_TEST(employer.health_plan_employer_share->ppm() == 500'000);
  BOOST_TEST(!employer.prevoyance_cadre_rate.has_value());
  BOOST_TEST(settings.payroll.benefits.meal_voucher_value.cents() == 900);
  BOOST_TEST(settings.payroll.benefits.meal_voucher_employer_share.ppm() == 600'000);
  BOOST_TEST(settings.payroll.benefits.occupational_health_yearly.cents() == 11'000);
  BOOST_TEST(settings.payroll.split_reference_months == 3);
  BOOST_TEST(settings.invoicing.invoice_prefix == "FA");
  BOOST_TEST(settings.invoicing.credit_prefix == "AV");
  BOOST_TEST(settings.invoicing.exempt_mention.find("261 B") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(payroll_and_invoicing_default_without_their_sections) {
  TempDir dir;
  const config::Settings settings = config::load_settings(dir.write("g.yaml", kValid), env());
  const payroll::EmployerSettings& employer = settings.payroll.employer;
  BOOST_TEST(!settings.payroll.headcount.has_value());
  BOOST_TEST(employer.work_accident_rate.ppm() == 0);
  BOOST_TEST(employer.mobility_rate.ppm() == 0);
  BOOST_TEST(employer.health_plan_monthly.cents() == 0);
  BOOST_TEST(settings.payroll.benefits.meal_voucher_value.cents() == 0);
  BOOST_TEST(settings.payroll.benefits.occupational_health_yearly.cents() == 0);
  BOOST_TEST(settings.payroll.split_reference_months == 3);
  BOOST_TEST(settings.invoicing.invoice_prefix == "FA");
  BOOST_TEST(settings.invoicing.credit_prefix == "AV");
  BOOST_TEST(settings.invoicing.exempt_mention == "Exonération de TVA, article 261 B du CGI");

  // A section with only the required AT/MP rate: the rest keeps its defaults.
  const config::Settings minimal =
      config::load_settings(dir.write("m.yaml", kValid + "payroll:\n  at_rate: 0.9\n"), env());
  BOOST_TEST(minimal.payroll.employer.work_accident_rate.ppm() == 9'000);
  BOOST_TEST(!minimal.payroll.employer.health_plan_employer_share.has_value());
  BOOST_TEST(minimal.payroll.split_reference_months == 3);
}

BOOST_AUTO_TEST_CASE(every_payroll_and_invoicing_key_is_read) {
  TempDir dir;
  const config::Settings settings = config::load_settings(dir.write("g.yaml", kValid + R"(payroll:
  headcount: 25
  at_rate: 1.20
  mobility_rate: 1.75
  health_plan: { monthly: 40.00, employer_share: 62.5 }
  prevoyance_cadre_rate: 1.80
  meal_voucher: { value: 9.00, employer_share: 55 }
  occupational_health_yearly: 110.00
  split_reference_months: 6
invoicing:
  invoice_prefix: GE-FA
  credit_prefix: GE-AV
  exempt_mention: "TVA non applicable, art. 261 B du CGI"
)"),
                                                          env());
  const config::PayrollSettings& payroll = settings.payroll;
  BOOST_TEST((payroll.headcount == std::optional<int>(25)));
  BOOST_TEST(payroll.employer.work_accident_rate.ppm() == 12'000);
  BOOST_TEST(payroll.employer.mobility_rate.ppm() == 17'500);
  BOOST_TEST(payroll.employer.health_plan_monthly.cents() == 4'000);
  BOOST_TEST(payroll.employer.health_plan_employer_share->ppm() == 625'000);
  BOOST_TEST(payroll.employer.prevoyance_cadre_rate->ppm() == 18'000);
  BOOST_TEST(payroll.benefits.meal_voucher_value.cents() == 900);
  BOOST_TEST(payroll.benefits.meal_voucher_employer_share.ppm() == 550'000);
  BOOST_TEST(payroll.benefits.occupational_health_yearly.cents() == 11'000);
  BOOST_TEST(payroll.split_reference_months == 6);
  BOOST_TEST(settings.invoicing.invoice_prefix == "GE-FA");
  BOOST_TEST(settings.invoicing.credit_prefix == "GE-AV");
  BOOST_TEST(settings.invoicing.exempt_mention == "TVA non applicable, art. 261 B du CGI");
}

BOOST_AUTO_TEST_CASE(bad_payroll_and_invoicing_values_are_located) {
  // kValid has 7 lines: "payroll:" is line 8, its first key line 9.
  const std::string payroll = kValid + "payroll:\n  at_rate: 1.20\n";
  expect_error(payroll + "  colour: blue\n", 10, "unknown key 'colour'");
  expect_error(kValid + "payroll:\n  mobility_rate: 2\n", 9, "payroll.at_rate: is required");
  expect_error(kValid + "payroll:\n  at_rate: 120\n", 9, "between 0 and 100 %");
  expect_error(kValid + "payroll:\n  at_rate: lots\n", 9, "payroll.at_rate");
  expect_error(payroll + "  headcount: 0\n", 10, "whole number from 1");
  expect_error(payroll + "  headcount: 2.5\n", 10, "payroll.headcount");
  expect_error(payroll + "  health_plan: { monthly: 40.00, employer_share: 140 }\n", 10,
               "payroll.health_plan.employer_share");
  expect_error(payroll + "  health_plan: { monthly: -1.00 }\n", 10, "must not be negative");
  expect_error(payroll + "  health_plan: { monthly: 40.00, share: 50 }\n", 10,
               "unknown key 'share'");
  expect_error(payroll + "  meal_voucher: { value: 9.00, employer_share: 120 }\n", 10,
               "payroll.meal_voucher.employer_share");
  expect_error(payroll + "  meal_voucher: { value: 9.00 }\n", 10,
               "payroll.meal_voucher.employer_share: is required");
  expect_error(payroll + "  occupational_health_yearly: -110\n", 10, "must not be negative");
  expect_error(payroll + "  split_reference_months: 0\n", 10, "from 1 to 24");
  expect_error(payroll + "  split_reference_months: 25\n", 10, "from 1 to 24");
  expect_error(payroll + "  prevoyance_cadre_rate: -1\n", 10, "between 0 and 100 %");

  expect_error(kValid + "invoicing:\n  invoice_prefix: \"F A\"\n", 9, "letters, digits");
  expect_error(kValid + "invoicing:\n  invoice_prefix: FACTURES2026\n", 9, "1 to 10");
  expect_error(kValid + "invoicing:\n  credit_prefix: AV-\n", 9, "inner dashes");
  expect_error(kValid + "invoicing:\n  invoice_prefix: FA\n  credit_prefix: FA\n", 10,
               "different prefixes");
  expect_error(kValid + "invoicing:\n  invoice_prefix: AV\n", 9, "different prefixes");
  expect_error(kValid + "invoicing:\n  exempt_mention: \" \"\n", 9, "must not be empty");
  expect_error(kValid + "invoicing:\n  numbering: yearly\n", 9, "unknown key 'numbering'");
}

BOOST_AUTO_TEST_CASE(missing_file_is_bad_input) {
  BOOST_CHECK_EXCEPTION(config::load_settings("/nonexistent/gepaie.yaml", env()), Error,
                        [](const Error& e) { return e.exit_status() == 2; });
}

BOOST_AUTO_TEST_SUITE_END()
