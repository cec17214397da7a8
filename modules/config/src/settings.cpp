#include "gepaie/config/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/identifiers.h"

namespace gepaie::config {
namespace {

registry::Address read_address(YamlMap& parent, const std::string& key) {
  YamlMap map(parent.need(key));
  registry::Address address;
  address.line1 = map.need("line1").text();
  address.line2 = map.text("line2");
  address.postcode = map.need("postcode").text();
  address.city = map.need("city").text();
  address.country = map.text("country", "FR");
  map.finish();
  return address;
}

void check_identifier(const std::optional<std::string>& problem, const YamlValue& value) {
  if (problem) {
    throw value.error(*problem);
  }
}

GeIdentity read_identity(YamlMap& root) {
  YamlMap map(root.need("ge"));
  GeIdentity ge;
  ge.name = map.need("name").text();
  ge.legal_form = map.text("legal_form");
  const YamlValue siret = map.need("siret");
  ge.siret = siret.text();
  check_identifier(ids::siret_problem(ge.siret), siret);
  const YamlValue naf = map.need("naf");
  ge.naf = naf.text();
  if (ge.naf.size() != 5) {
    throw naf.error("a NAF code has 4 digits and a letter, e.g. 7830Z");
  }
  ge.address = read_address(map, "address");
  ge.urssaf_account = map.need("urssaf_account").text();
  const YamlValue idcc = map.need("idcc");
  ge.idcc = idcc.text();
  if (ge.idcc.size() != 4 || ge.idcc.find_first_not_of("0123456789") != std::string::npos) {
    throw idcc.error("a collective agreement IDCC has 4 digits");
  }
  if (auto vat = map.get("vat")) {
    YamlMap vat_map(*vat);
    if (auto regime = vat_map.get("regime")) {
      const std::string text = regime->text();
      if (text == "standard") {
        ge.vat_regime = VatRegime::Standard;
      } else if (text == "exempt") {
        ge.vat_regime = VatRegime::Exempt;
      } else {
        throw regime->error("VAT regime must be 'standard' or 'exempt' (CGI art. 261 B)");
      }
    }
    if (auto number = vat_map.get("number")) {
      ge.vat_number = number->text();
      check_identifier(ids::vat_fr_problem(ge.vat_number), *number);
    }
    vat_map.finish();
  }
  ge.email = map.text("email");
  ge.phone = map.text("phone");
  if (auto iban = map.get("iban")) {
    ge.iban = ids::compact(iban->text());
    check_identifier(ids::iban_problem(ge.iban), *iban);
  }
  map.finish();
  return ge;
}

// Months of history the cost split may fall back on: a sanity bound, not a legal figure.
constexpr int kMaxSplitReferenceMonths = 24;

// Longest operator name, in bytes (what a person's name and an email address need).
constexpr size_t kMaxOperatorLength = 100;

// Longest invoice or credit-note prefix (the number follows: FA-2026-000123).
constexpr size_t kMaxPrefixLength = 10;

Rate percent_between(const YamlValue& value, int64_t low_ppm, int64_t high_ppm) {
  const Rate rate = value.percent();
  if (rate.ppm() < low_ppm || rate.ppm() > high_ppm) {
    throw value.error("must be between " + Rate::from_ppm(low_ppm).percent_str() + " and " +
                      Rate::from_ppm(high_ppm).percent_str() + " %, got " + rate.percent_str());
  }
  return rate;
}

Rate percent_0_100(const YamlValue& value) {
  return percent_between(value, 0, Rate::kScale);
}

Money non_negative_money(const YamlValue& value) {
  const Money money = value.money();
  if (money.is_negative()) {
    throw value.error("must not be negative, got " + money.str());
  }
  return money;
}

// A whole number from `low` to `high`.
int whole_number(const YamlValue& value, int low, int high) {
  const std::string text = value.text();
  const bool digits = !text.empty() && text.size() <= 9 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(text) < low || std::stoi(text) > high) {
    throw value.error("must be a whole number from " + std::to_string(low) + " to " +
                      std::to_string(high) + ", got " + text);
  }
  return std::stoi(text);
}

PayrollSettings read_payroll(YamlMap& root) {
  PayrollSettings payroll;
  auto section = root.get("payroll");
  if (!section) {
    return payroll;
  }
  YamlMap map(*section);
  payroll::EmployerSettings& employer = payroll.employer;
  if (auto headcount = map.get("headcount")) {
    payroll.headcount = whole_number(*headcount, 1, 9'999'999);
    employer.headcount = *payroll.headcount;
  }
  employer.work_accident_rate = percent_0_100(map.need("at_rate"));
  if (auto mobility = map.get("mobility_rate")) {
    employer.mobility_rate = percent_0_100(*mobility);
  }
  // Default (unset): the legal minimum share of the rates file.
  if (auto health = map.get("health_plan")) {
    YamlMap plan(*health);
    if (auto monthly = plan.get("monthly")) {
      employer.health_plan_monthly = non_negative_money(*monthly);
    }
    if (auto share = plan.get("employer_share")) {
      employer.health_plan_employer_share = percent_0_100(*share);
    }
    plan.finish();
  }
  if (auto prevoyance = map.get("prevoyance_cadre_rate")) {
    employer.prevoyance_cadre_rate = percent_0_100(*prevoyance);
  }
  if (auto meal = map.get("meal_voucher")) {
    YamlMap voucher(*meal);
    payroll.benefits.meal_voucher_value = non_negative_money(voucher.need("value"));
    payroll.benefits.meal_voucher_employer_share = percent_0_100(voucher.need("employer_share"));
    voucher.finish();
  }
  if (auto health_service = map.get("occupational_health_yearly")) {
    payroll.benefits.occupational_health_yearly = non_negative_money(*health_service);
  }
  if (auto months = map.get("split_reference_months")) {
    payroll.split_reference_months = whole_number(*months, 1, kMaxSplitReferenceMonths);
  }
  map.finish();
  return payroll;
}

std::string read_prefix(const YamlValue& value) {
  const std::string text = value.text();
  const bool allowed =
      !text.empty() && text.size() <= kMaxPrefixLength &&
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") ==
          std::string::npos &&
      text.front() != '-' && text.back() != '-';
  if (!allowed) {
    throw value.error("a prefix has 1 to " + std::to_string(kMaxPrefixLength) +
                      " letters, digits or inner dashes, got '" + text + "'");
  }
  return text;
}

InvoicingSettings read_invoicing(YamlMap& root) {
  InvoicingSettings invoicing;
  auto section = root.get("invoicing");
  if (!section) {
    return invoicing;
  }
  YamlMap map(*section);
  const auto invoice = map.get("invoice_prefix");
  const auto credit = map.get("credit_prefix");
  if (invoice) {
    invoicing.invoice_prefix = read_prefix(*invoice);
  }
  if (credit) {
    invoicing.credit_prefix = read_prefix(*credit);
  }
  if (invoicing.credit_prefix == invoicing.invoice_prefix) {
    // Invoices and credit notes are numbered in separate series: one prefix would mix them.
    const YamlValue& where = credit ? *credit : invoice ? *invoice : map.value();
    throw where.error("invoices and credit notes need different prefixes, both are '" +
                      invoicing.invoice_prefix + "'");
  }
  if (auto mention = map.get("exempt_mention")) {
    invoicing.exempt_mention = mention->text();
    if (invoicing.exempt_mention.find_first_not_of(" \t") == std::string::npos) {
      throw mention->error("the VAT exemption mention must not be empty");
    }
  }
  if (auto penalty = map.get("late_penalty")) {
    invoicing.late_penalty = penalty->text();
    if (invoicing.late_penalty.find_first_not_of(" \t") == std::string::npos) {
      throw penalty->error("the late-payment penalty mention must not be empty");
    }
  }
  map.finish();
  return invoicing;
}

const std::string kSslModes =
    "ssl_mode is one of disabled, preferred, required, verify_ca, verify_identity";

// Settles the default mode (verify_identity with a CA file) and refuses a CA file that would not
// be used.
std::optional<std::string> ssl_problem(DatabaseSettings& db, bool mode_given) {
  if (!db.ssl_ca.empty() && !mode_given) {
    db.ssl_mode = SslMode::VerifyIdentity;
  }
  if (!db.ssl_ca.empty() && db.ssl_mode != SslMode::VerifyCa &&
      db.ssl_mode != SslMode::VerifyIdentity) {
    return "ssl_ca is only used with ssl_mode verify_ca or verify_identity, not " +
           ssl_mode_name(db.ssl_mode);
  }
  return std::nullopt;
}

std::string read_password_file(const YamlValue& value, const std::filesystem::path& base) {
  std::filesystem::path path = value.text();
  if (path.is_relative()) {
    path = base / path;
  }
  std::ifstream in(path);
  std::string password;
  if (!in || !std::getline(in, password)) {
    throw value.error("cannot read the password file " + path.string());
  }
  return password;
}

DatabaseSettings read_database(YamlMap& root, const std::filesystem::path& base) {
  DatabaseSettings db;
  auto section = root.get("database");
  if (!section) {
    return db;
  }
  YamlMap map(*section);
  db.host = map.text("host");
  db.socket = map.text("socket");
  if (auto port = map.get("port")) {
    const std::string text = port->text();
    if (text.empty() || text.size() > 5 ||
        text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) == 0 ||
        std::stoi(text) > 65535) {
      throw port->error("a port is a number from 1 to 65535");
    }
    db.port = std::stoi(text);
  }
  db.user = map.text("user");
  db.password = map.text("password");
  if (auto file = map.get("password_file")) {
    db.password = read_password_file(*file, base);
  }
  if (auto schema = map.get("schema")) {
    db.schema = schema->text();
    if (!valid_schema_name(db.schema)) {
      throw schema->error("a schema name has letters, digits and underscores only");
    }
  }
  const auto ssl_mode = map.get("ssl_mode");
  const auto ssl_ca = map.get("ssl_ca");
  if (ssl_ca) {
    std::filesystem::path ca = ssl_ca->text();
    db.ssl_ca = (ca.is_relative() ? base / ca : ca).lexically_normal().string();
  }
  if (ssl_mode) {
    const auto mode = parse_ssl_mode(ssl_mode->text());
    if (!mode) {
      throw ssl_mode->error(kSslModes + ", got '" + ssl_mode->text() + "'");
    }
    db.ssl_mode = *mode;
  }
  if (const auto problem = ssl_problem(db, ssl_mode.has_value())) {
    throw(ssl_mode ? *ssl_mode : *ssl_ca).error(*problem);
  }
  map.finish();
  db.embedded = db.host.empty() && db.socket.empty();
  if (!db.embedded && db.user.empty()) {
    throw section->error("an external database needs a user");
  }
  return db;
}

// A word of the URL for a message, unless it could be a piece of a mistyped password.
std::string shown(const std::string& word) {
  const bool plain = word.size() <= 20 &&
                     word.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
  return plain ? word : "…";
}

std::string read_operator(const YamlValue& value) {
  const std::string name = value.text();
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (name.find_first_not_of(' ') == std::string::npos || control ||
      name.size() > kMaxOperatorLength) {
    throw value.error("the operator is a name of 1 to " + std::to_string(kMaxOperatorLength) +
                      " characters without control characters");
  }
  return name;
}

std::string percent_decode(const std::string& text, const std::string& url) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const std::string hex = text.substr(i + 1, 2);
    if (hex.size() != 2 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      throw bad_input("GEPAIE_DATABASE_URL: bad %-escape in " + redact_database_url(url));
    }
    out += static_cast<char>(std::stoi(hex, nullptr, 16));
    i += 2;
  }
  return out;
}

}  // namespace

bool valid_schema_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 &&
         name.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
             std::string::npos;
}

std::optional<SslMode> parse_ssl_mode(const std::string& text) {
  for (const SslMode mode : {SslMode::Disabled, SslMode::Preferred, SslMode::Required,
                             SslMode::VerifyCa, SslMode::VerifyIdentity}) {
    if (text == ssl_mode_name(mode)) {
      return mode;
    }
  }
  return std::nullopt;
}

std::string ssl_mode_name(SslMode mode) {
  switch (mode) {
    case SslMode::Disabled:
      return "disabled";
    case SslMode::Preferred:
      return "preferred";
    case SslMode::Required:
      return "required";
    case SslMode::VerifyCa:
      return "verify_ca";
    case SslMode::VerifyIdentity:
      return "verify_identity";
  }
  return "?";
}

std::string redact_database_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  const size_t start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const auto at = url.rfind('@');
  if (at == std::string::npos || at < start) {
    // No user part to find the password in: it could be anywhere after the scheme.
    return url.substr(0, start) + "***";
  }
  const auto colon = url.find(':', start);
  if (colon == std::string::npos || colon > at) {
    return url;  // a user without a password
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

DatabaseSettings parse_database_url(const std::string& url) {
  const std::string scheme = "mysql://";
  if (url.rfind(scheme, 0) != 0) {
    throw bad_input("GEPAIE_DATABASE_URL must start with mysql://, got " +
                    redact_database_url(url));
  }
  std::string rest = url.substr(scheme.size());
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  DatabaseSettings db;
  db.embedded = false;
  const auto at = rest.rfind('@');
  if (at == std::string::npos) {
    throw bad_input("GEPAIE_DATABASE_URL needs a user: mysql://user:password@host:port/schema");
  }
  const std::string credentials = rest.substr(0, at);
  std::string location = rest.substr(at + 1);
  const auto colon = credentials.find(':');
  db.user = percent_decode(credentials.substr(0, colon), url);
  if (colon != std::string::npos) {
    db.password = percent_decode(credentials.substr(colon + 1), url);
  }
  const auto slash = location.find('/');
  if (slash == std::string::npos || slash + 1 == location.size()) {
    throw bad_input("GEPAIE_DATABASE_URL needs a schema: mysql://user:password@host:port/schema");
  }
  db.schema = location.substr(slash + 1);
  location = location.substr(0, slash);
  if (!valid_schema_name(db.schema)) {
    throw bad_input("GEPAIE_DATABASE_URL: bad schema name " + db.schema);
  }
  const auto port_colon = location.rfind(':');
  db.host = location.substr(0, port_colon);
  if (port_colon != std::string::npos) {
    const std::string port = location.substr(port_colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) == 0 ||
        std::stoi(port) > 65535) {
      throw bad_input("GEPAIE_DATABASE_URL: bad port " + port);
    }
    db.port = std::stoi(port);
  }
  bool mode_given = false;
  for (size_t begin = 0; begin < query.size();) {
    const size_t end = std::min(query.find('&', begin), query.size());
    const std::string option = query.substr(begin, end - begin);
    begin = end + 1;
    const auto equals = option.find('=');
    const std::string key = option.substr(0, equals);
    const std::string value = equals == std::string::npos
                                  ? std::string()
                                  : percent_decode(option.substr(equals + 1), url);
    if (key == "socket") {
      db.socket = value;
    } else if (key == "ssl_ca") {
      db.ssl_ca = value;
    } else if (key == "ssl_mode") {
      const auto mode = parse_ssl_mode(value);
      if (!mode) {
        throw bad_input("GEPAIE_DATABASE_URL: " + kSslModes + ", got '" + shown(value) + "'");
      }
      db.ssl_mode = *mode;
      mode_given = true;
    } else {
      throw bad_input("GEPAIE_DATABASE_URL: unknown option '" + shown(key) +
                      "' (socket, ssl_mode or ssl_ca)");
    }
  }
  if (const auto problem = ssl_problem(db, mode_given)) {
    throw bad_input("GEPAIE_DATABASE_URL: " + *problem);
  }
  if (db.host.empty() && db.socket.empty()) {
    throw bad_input("GEPAIE_DATABASE_URL needs a host or ?socket=");
  }
  return db;
}

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
      return std::nullopt;
    }
    return std::string(value);
  };
}

Settings load_settings(const std::filesystem::path& file, const Environment& env) {
  Settings settings;
  settings.file = std::filesystem::absolute(file);
  const std::filesystem::path base = settings.file.parent_path();
  YamlMap root(load_yaml_file(file));
  settings.ge = read_identity(root);
  settings.database = read_database(root, base);
  std::filesystem::path data_dir = root.text("data_dir", "var");
  std::filesystem::path rates_dir = root.text("rates_dir", "rates");
  std::filesystem::path agreements_dir = root.text("agreements_dir", "agreements");
  if (auto staffing = root.get("staffing")) {
    YamlMap map(*staffing);
    if (auto third = map.get("extra_hours_third")) {
      settings.extra_hours_third = third->boolean();
    }
    map.finish();
  }
  settings.payroll = read_payroll(root);
  settings.invoicing = read_invoicing(root);
  if (auto name = root.get("operator")) {
    settings.operator_name = read_operator(*name);
  }
  root.finish();
  settings.rates_dir = (rates_dir.is_relative() ? base / rates_dir : rates_dir).lexically_normal();
  settings.agreements_dir =
      (agreements_dir.is_relative() ? base / agreements_dir : agreements_dir).lexically_normal();

  if (auto url = env("GEPAIE_DATABASE_URL")) {
    settings.database = parse_database_url(*url);
  }
  if (auto dir = env("GEPAIE_DATA_DIR")) {
    data_dir = std::filesystem::absolute(*dir);
  } else if (data_dir.is_relative()) {
    data_dir = base / data_dir;
  }
  settings.data_dir = data_dir.lexically_normal();
  return settings;
}

}  // namespace gepaie::config
