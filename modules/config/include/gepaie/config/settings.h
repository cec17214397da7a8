// gepaie.yaml: the GE's identity, where its database is and where its data lives.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "gepaie/payroll/engine.h"
#include "gepaie/payroll/pay_run.h"
#include "gepaie/registry/records.h"

namespace gepaie::config {

enum class VatRegime {
  Standard,  // placements subject to VAT (the default)
  Exempt,    // exempt under CGI art. 261 B
};

// The employer group itself, as printed on payslips and invoices.
struct GeIdentity {
  std::string name;
  std::string legal_form;  // e.g. "Association loi 1901"
  std::string siret;
  std::string naf;  // NAF/APE code, e.g. "7830Z"
  registry::Address address;
  std::string urssaf_account;  // numéro de compte URSSAF
  std::string idcc;            // the one collective agreement the GE applies (L1253-10)
  VatRegime vat_regime = VatRegime::Standard;
  std::string vat_number;
  std::string email;
  std::string phone;
  std::string iban;  // for members' payments
};

// TLS to an external server (`database: { ssl_mode: ... }` or `?ssl_mode=` in the URL). With
// MySQL Connector/C++ 1.1 on MariaDB Connector/C, verifying the certificate checks its chain and
// the host name together, so verify_ca is as strict as verify_identity.
enum class SslMode {
  Disabled,        // never TLS
  Preferred,       // TLS when the server offers it (the default without ssl_ca)
  Required,        // TLS or no connection; the certificate is not checked
  VerifyCa,        // TLS with a certificate signed by ssl_ca (or the system's authorities)
  VerifyIdentity,  // as verify_ca, and the certificate names the host (the default with ssl_ca)
};

// Where the database of record is. Without host or socket, gepaie runs its own embedded
// MariaDB server under the data directory.
struct DatabaseSettings {
  bool embedded = true;
  std::string host;    // external server: host name (TCP) ...
  int port = 3306;     // ... and port
  std::string socket;  // external server: unix socket path (instead of host)
  std::string user;
  std::string password;
  std::string schema = "gepaie";
  SslMode ssl_mode = SslMode::Preferred;  // TCP connections to an external server only
  std::string ssl_ca;                     // PEM file of the authority that signed the server
};

// The GE's payroll settings (`payroll:`): the establishment's rates and its policies.
struct PayrollSettings {
  std::optional<int> headcount;        // effectif; default: employees under contract in the month
  payroll::EmployerSettings employer;  // its headcount is replaced at each run
  payroll::BenefitSettings benefits;
  int split_reference_months = 3;  // cost split of a month without hours: the months before
};

// Invoice numbering and mentions (`invoicing:`).
struct InvoicingSettings {
  std::string invoice_prefix = "FA";  // FA-2026-000123
  std::string credit_prefix = "AV";   // AV-2026-000004
  std::string exempt_mention = "Exonération de TVA, article 261 B du CGI";
  // The late-payment penalty printed on invoices (C. com. L441-10: the rate is the GE's choice,
  // at least three times the legal interest rate; without one, the ECB rate plus 10 points).
  std::string late_penalty =
      "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points";
};

struct Settings {
  std::filesystem::path file;  // the gepaie.yaml it came from
  GeIdentity ge;
  DatabaseSettings database;
  std::filesystem::path data_dir;   // absolute
  std::filesystem::path rates_dir;  // absolute: config/rates (payroll figures)
  // Absolute: config/agreements (collective agreements' minimum-salary grids, idcc-NNNN.yaml).
  std::filesystem::path agreements_dir;
  // The collective agreement allows heures complémentaires up to a third of a part-time
  // contract instead of a tenth (C. trav. L3123-20); `staffing: { extra_hours_third: true }`.
  bool extra_hours_third = false;
  PayrollSettings payroll;
  InvoicingSettings invoicing;
  // Who acts at this shell (`operator: "Marie Dupont"`), recorded on approvals, closes and
  // credit notes; absent: the Unix user.
  std::optional<std::string> operator_name;
};

// Reads environment variables; tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
Environment process_environment();

// Loads and checks gepaie.yaml. Environment overrides: GEPAIE_DATA_DIR (data directory) and
// GEPAIE_DATABASE_URL (mysql://user:password@host:port/schema or
// mysql://user@localhost/schema?socket=/path). Throws a located BadInput Error when invalid.
Settings load_settings(const std::filesystem::path& file, const Environment& env);

// Parses a GEPAIE_DATABASE_URL value; throws BadInput when malformed. Its error messages never
// hold the password. Query options: socket=/path, ssl_mode=..., ssl_ca=/path (joined by &).
DatabaseSettings parse_database_url(const std::string& url);

// The URL with its password replaced by "***", for messages; a value too malformed to find the
// password in loses everything after the scheme.
std::string redact_database_url(const std::string& url);

// "disabled", "preferred", "required", "verify_ca", "verify_identity"; nullopt for anything else.
std::optional<SslMode> parse_ssl_mode(const std::string& text);
std::string ssl_mode_name(SslMode mode);

// A schema name gepaie accepts: letters, digits and underscores, at most 64 characters.
bool valid_schema_name(const std::string& name);

}  // namespace gepaie::config
