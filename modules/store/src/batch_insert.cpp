#include "gepaie/store/batch_insert.h"

#include "gepaie/core/error.h"

namespace gepaie::store {
namespace {

std::string statement_text(const std::string& head, int columns, size_t rows) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) {
    row += c == 0 ? "?" : ", ?";
  }
  row += ")";
  std::string sql = head + " VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 2));
  for (size_t r = 0; r < rows; ++r) {
    if (r > 0) {
      sql += ", ";
    }
    sql += row;
  }
  return sql;
}

}  // namespace

BatchInsert::BatchInsert(Database& db, std::string head, int columns, int rows_per_statement)
    : db_(db), head_(std::move(head)), columns_(columns), rows_per_statement_(rows_per_statement) {
  if (columns_ <= 0 || rows_per_statement_ <= 0 || columns_ * rows_per_statement_ > 65535) {
    throw Error(ErrorKind::Failure, "batch insert: bad shape for " + head_);
  }
  values_.reserve(static_cast<size_t>(columns_) * rows_per_statement_);
}

BatchInsert::~BatchInsert() = default;

BatchInsert& BatchInsert::text(const std::string& value) {
  push(value);
  return *this;
}
BatchInsert& BatchInsert::integer(int64_t value) {
  push(value);
  return *this;
}
BatchInsert& BatchInsert::money(Money value) {
  push(value);
  return *this;
}
BatchInsert& BatchInsert::hours(Hours value) {
  return integer(value.seconds());
}
BatchInsert& BatchInsert::date(Date value) {
  push(value);
  return *this;
}
BatchInsert& BatchInsert::null() {
  push(std::monostate{});
  return *this;
}
BatchInsert& BatchInsert::optional_integer(const std::optional<int64_t>& value) {
  if (value) {
    push(*value);
  } else {
    push(std::monostate{});
  }
  return *this;
}

void BatchInsert::push(Value value) {
  values_.push_back(std::move(value));
  if (values_.size() == static_cast<size_t>(columns_) * rows_per_statement_) {
    send(rows_per_statement_);
  }
}

void BatchInsert::flush() {
  if (values_.size() % columns_ != 0) {
    throw Error(ErrorKind::Failure, "batch insert: incomplete row for " + head_);
  }
  if (!values_.empty()) {
    send(values_.size() / columns_);
  }
}

void BatchInsert::send(size_t rows) {
  std::optional<Statement> partial;
  Statement* statement = nullptr;
  if (rows == static_cast<size_t>(rows_per_statement_)) {
    if (!full_) {
      full_.emplace(db_.prepare(statement_text(head_, columns_, rows)));
    }
    statement = &*full_;
  } else {
    partial.emplace(db_.prepare(statement_text(head_, columns_, rows)));
    statement = &*partial;
  }
  int index = 1;
  for (const Value& value : values_) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      statement->text(index, *s);
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
      statement->integer(index, *i);
    } else if (const auto* m = std::get_if<Money>(&value)) {
      statement->money(index, *m);
    } else if (const auto* d = std::get_if<Date>(&value)) {
      statement->date(index, *d);
    } else {
      statement->null(index);
    }
    ++index;
  }
  statement->execute();
  written_ += static_cast<int64_t>(rows);
  values_.clear();
}

}  // namespace gepaie::store
