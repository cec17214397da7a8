// A connection to the database of record (MariaDB 10.11 or MySQL 8) through MySQL Connector/C++.
// Only prepared statements carry values; SQL text never includes input.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "gepaie/config/settings.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"

namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
}  // namespace sql

namespace gepaie::store {

// A prepared statement with typed, 1-based parameter setters.
class Statement {
 public:
  explicit Statement(std::unique_ptr<sql::PreparedStatement> statement);
  ~Statement();
  Statement(Statement&&) noexcept;

  Statement& text(int index, const std::string& value);
  Statement& optional_text(int index, const std::string& value);  // empty -> NULL
  Statement& integer(int index, int64_t value);
  Statement& money(int index, Money value);
  Statement& hours(int index, Hours value);  // durations are stored in seconds
  Statement& optional_money(int index, const std::optional<Money>& value);
  Statement& date(int index, Date value);
  Statement& optional_date(int index, const std::optional<Date>& value);
  Statement& null(int index);

  int64_t execute();  // rows affected
  class Rows query();

 private:
  std::unique_ptr<sql::PreparedStatement> statement_;
};

// Rows of a query, read by column name.
class Rows {
 public:
  explicit Rows(std::unique_ptr<sql::ResultSet> rows);
  ~Rows();
  Rows(Rows&&) noexcept;

  bool next();
  bool is_null(const std::string& column) const;
  std::string text(const std::string& column) const;  // NULL -> ""
  int64_t integer(const std::string& column) const;
  Money money(const std::string& column) const;
  Hours hours(const std::string& column) const;  // a column of seconds
  std::optional<Hours> optional_hours(const std::string& column) const;
  std::optional<Money> optional_money(const std::string& column) const;
  Date date(const std::string& column) const;
  std::optional<Date> optional_date(const std::string& column) const;

 private:
  std::unique_ptr<sql::ResultSet> rows_;
};

class Database {
 public:
  // Connects to the database the settings name. `socket_override` is the embedded server's socket.
  // The schema is created when absent. Throws Error(Failure) with the server's reason.
  static std::unique_ptr<Database> connect(const config::DatabaseSettings& settings,
                                           const std::string& socket_override = {});
  ~Database();

  Statement prepare(const std::string& sql);
  void execute(const std::string& sql);  // a constant statement with no parameters
  int64_t last_insert_id();
  const std::string& schema() const { return schema_; }
  std::string server_version();
  void drop_schema();  // for throwaway test schemas

  void begin();
  void commit();
  void rollback();

 private:
  Database(std::unique_ptr<sql::Connection> connection, std::string schema);
  std::unique_ptr<sql::Connection> connection_;
  std::string schema_;
};

// Rolls back unless commit() was called: all of a unit of work, or nothing.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace gepaie::store
