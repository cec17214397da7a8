#include "gepaie/store/database.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>
#include <pwd.h>
#include <unistd.h>

#include "gepaie/core/error.h"

namespace gepaie::store {
namespace {

// Removes every occurrence of `secret` from `text`.
std::string without(std::string text, const std::string& secret) {
  if (secret.empty()) {
    return text;
  }
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

Error database_error(const sql::SQLException& e, const std::string& context,
                     const std::string& password = {}) {
  std::string message = "database: " + context + ": " + without(e.what(), password);
  if (e.getErrorCode() != 0) {
    message += " (error " + std::to_string(e.getErrorCode()) + ", SQLSTATE " +
               without(e.getSQLState(), password) + ")";
  }
  // A duplicate key means the input collides with existing data.
  const ErrorKind kind = e.getErrorCode() == 1062 ? ErrorKind::Conflict : ErrorKind::Failure;
  return Error(kind, message);
}

template <typename Work>
auto guarded(const std::string& context, Work work) {
  try {
    return work();
  } catch (const sql::SQLException& e) {
    throw database_error(e, context);
  }
}

// The Unix account this process runs as: the embedded server's accounts authenticate it by the
// unix socket's peer credentials.
std::string unix_user() {
  if (const passwd* entry = getpwuid(geteuid())) {
    return entry->pw_name;
  }
  throw failure("the Unix user " + std::to_string(geteuid()) + " has no name");
}

// TLS connection properties (Connector/C++ 1.1 on MariaDB Connector/C). This connector ignores
// OPT_SSL_MODE; sslEnforce asks for TLS but goes on in clear text when the server has none, and
// sslVerify requires TLS and checks the certificate's chain and host name together.
void set_tls(sql::ConnectOptionsMap& options, const config::DatabaseSettings& settings) {
  switch (settings.ssl_mode) {
    case config::SslMode::Disabled:
      return;
    case config::SslMode::Preferred:
    case config::SslMode::Required:
      options["sslEnforce"] = true;
      return;
    case config::SslMode::VerifyCa:
    case config::SslMode::VerifyIdentity:
      options["sslEnforce"] = true;
      options["sslVerify"] = true;
      if (!settings.ssl_ca.empty()) {
        options["sslCA"] = sql::SQLString(settings.ssl_ca);
      }
      return;
  }
}

bool tls_required(config::SslMode mode) {
  return mode == config::SslMode::Required || mode == config::SslMode::VerifyCa ||
         mode == config::SslMode::VerifyIdentity;
}

}  // namespace

Statement::Statement(std::unique_ptr<sql::PreparedStatement> statement)
    : statement_(std::move(statement)) {}
Statement::~Statement() = default;
Statement::Statement(Statement&&) noexcept = default;

Statement& Statement::text(int index, const std::string& value) {
  guarded("bind", [&] { statement_->setString(index, value); });
  return *this;
}

Statement& Statement::optional_text(int index, const std::string& value) {
  return value.empty() ? null(index) : text(index, value);
}

Statement& Statement::integer(int index, int64_t value) {
  guarded("bind", [&] { statement_->setInt64(index, value); });
  return *this;
}

Statement& Statement::money(int index, Money value) {
  return text(index, value.str());
}

Statement& Statement::hours(int index, Hours value) {
  return integer(index, value.seconds());
}

Statement& Statement::optional_money(int index, const std::optional<Money>& value) {
  return value ? money(index, *value) : null(index);
}

Statement& Statement::date(int index, Date value) {
  return text(index, value.str());
}

Statement& Statement::optional_date(int index, const std::optional<Date>& value) {
  return value ? date(index, *value) : null(index);
}

Statement& Statement::null(int index) {
  guarded("bind", [&] { statement_->setNull(index, 0); });
  return *this;
}

int64_t Statement::execute() {
  return guarded("execute", [&] { return static_cast<int64_t>(statement_->executeUpdate()); });
}

Rows Statement::query() {
  return guarded("query",
                 [&] { return Rows(std::unique_ptr<sql::ResultSet>(statement_->executeQuery())); });
}

Rows::Rows(std::unique_ptr<sql::ResultSet> rows) : rows_(std::move(rows)) {}
Rows::~Rows() = default;
Rows::Rows(Rows&&) noexcept = default;

bool Rows::next() {
  return guarded("fetch", [&] { return rows_->next(); });
}

bool Rows::is_null(const std::string& column) const {
  return guarded("read " + column, [&] { return rows_->isNull(column); });
}

std::string Rows::text(const std::string& column) const {
  return guarded("read " + column, [&] { return std::string(rows_->getString(column)); });
}

int64_t Rows::integer(const std::string& column) const {
  return guarded("read " + column, [&] { return static_cast<int64_t>(rows_->getInt64(column)); });
}

Money Rows::money(const std::string& column) const {
  return Money::parse(text(column));
}

Hours Rows::hours(const std::string& column) const {
  return Hours::from_seconds(integer(column));
}

std::optional<Hours> Rows::optional_hours(const std::string& column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return hours(column);
}

std::optional<Money> Rows::optional_money(const std::string& column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return money(column);
}

Date Rows::date(const std::string& column) const {
  return Date::parse(text(column));
}

std::optional<Date> Rows::optional_date(const std::string& column) const {
  if (is_null(column)) {
    return std::nullopt;
  }
  return date(column);
}

Database::Database(std::unique_ptr<sql::Connection> connection, std::string schema)
    : connection_(std::move(connection)), schema_(std::move(schema)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::connect(const config::DatabaseSettings& settings,
                                            const std::string& socket_override) {
  if (!config::valid_schema_name(settings.schema)) {
    throw bad_input("bad schema name: " + settings.schema);
  }
  const std::string socket = socket_override.empty() ? settings.socket : socket_override;
  const std::string where =
      socket.empty() ? settings.host + ":" + std::to_string(settings.port) : socket;
  // No user: the embedded server's account of this Unix user, authenticated by the socket.
  const std::string user = settings.user.empty() ? unix_user() : settings.user;
  try {
    sql::ConnectOptionsMap options;
    options["hostName"] = sql::SQLString(socket.empty() ? settings.host : "localhost");
    if (socket.empty()) {
      options["port"] = settings.port;
      set_tls(options, settings);
    } else {
      options["socket"] = sql::SQLString(socket);
    }
    options["userName"] = sql::SQLString(user);
    options["password"] = sql::SQLString(settings.password);
    options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
    options["OPT_CONNECT_TIMEOUT"] = 10;
    sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
    std::unique_ptr<sql::Connection> connection(driver->connect(options));
    std::unique_ptr<sql::Statement> statement(connection->createStatement());
    if (socket.empty() && tls_required(settings.ssl_mode)) {
      std::unique_ptr<sql::ResultSet> cipher(
          statement->executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
      if (!cipher->next() || cipher->getString(2).length() == 0) {
        throw failure("database: " + where + " does not offer TLS, which ssl_mode " +
                      config::ssl_mode_name(settings.ssl_mode) + " requires");
      }
    }
    // The schema name was checked against [A-Za-z0-9_]; identifiers cannot be bound.
    if (settings.embedded) {
      statement->execute("CREATE DATABASE IF NOT EXISTS `" + settings.schema +
                         "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    connection->setSchema(settings.schema);
    statement->execute("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    statement->execute(
        "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
    statement->execute("SET time_zone = '+00:00'");
    return std::unique_ptr<Database>(new Database(std::move(connection), settings.schema));
  } catch (const sql::SQLException& e) {
    throw database_error(
        e, "cannot connect to " + where + " as " + user + " (schema " + settings.schema + ")",
        settings.password);
  }
}

Statement Database::prepare(const std::string& sql) {
  return guarded("prepare", [&] {
    return Statement(std::unique_ptr<sql::PreparedStatement>(connection_->prepareStatement(sql)));
  });
}

void Database::execute(const std::string& sql) {
  guarded("execute", [&] {
    std::unique_ptr<sql::Statement> statement(connection_->createStatement());
    statement->execute(sql);
  });
}

int64_t Database::last_insert_id() {
  Rows rows = prepare("SELECT LAST_INSERT_ID() AS id").query();
  rows.next();
  return rows.integer("id");
}

std::string Database::server_version() {
  Rows rows = prepare("SELECT VERSION() AS v").query();
  rows.next();
  return rows.text("v");
}

void Database::drop_schema() {
  execute("DROP DATABASE IF EXISTS `" + schema_ + "`");
}

void Database::begin() {
  guarded("begin", [&] { connection_->setAutoCommit(false); });
}

void Database::commit() {
  guarded("commit", [&] {
    connection_->commit();
    connection_->setAutoCommit(true);
  });
}

void Database::rollback() {
  guarded("rollback", [&] {
    connection_->rollback();
    connection_->setAutoCommit(true);
  });
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.begin();
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.rollback();
    } catch (...) {
      // The connection is gone: the server rolls the transaction back itself.
    }
  }
}

void Transaction::commit() {
  db_.commit();
  done_ = true;
}

}  // namespace gepaie::store
