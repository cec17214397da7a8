// Multi-row INSERTs through prepared statements: rows are buffered and sent `rows_per_statement`
// at a time ("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ..."), which is what makes writing a
// month of 10 000 payslips fast. Values are bound, never spliced into the SQL text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

class BatchInsert {
 public:
  // `head`: "INSERT INTO t (a, b, c)"; `columns`: how many values a row has.
  BatchInsert(Database& db, std::string head, int columns, int rows_per_statement = 500);
  ~BatchInsert();  // does not flush: call flush() (an exception may be unwinding)

  // Values of the current row, in column order; a row is complete after `columns` values.
  BatchInsert& text(const std::string& value);
  BatchInsert& integer(int64_t value);
  BatchInsert& money(Money value);
  BatchInsert& hours(Hours value);  // in seconds
  BatchInsert& date(Date value);
  BatchInsert& null();
  BatchInsert& optional_integer(const std::optional<int64_t>& value);

  void flush();  // sends the buffered rows
  int64_t rows_written() const { return written_; }

 private:
  using Value = std::variant<std::monostate, std::string, int64_t, Money, Date>;
  void push(Value value);
  void send(size_t rows);

  Database& db_;
  std::string head_;
  int columns_;
  int rows_per_statement_;
  std::vector<Value> values_;
  std::optional<Statement> full_;  // prepared once for full batches
  int64_t written_ = 0;
};

}  // namespace gepaie::store
