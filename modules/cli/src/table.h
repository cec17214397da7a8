// Aligned terminal tables and JSON output for listings.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/registry/records.h"

namespace gepaie::cli {

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;
  size_t max_width = 40;  // longer cells are cut with "…"
};

class Table {
 public:
  explicit Table(std::vector<Column> columns);
  void add(std::vector<std::string> cells);
  void print(std::ostream& out) const;  // header, rule, rows; widths count UTF-8 characters
  size_t rows() const { return rows_.size(); }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

size_t display_width(const std::string& utf8);
std::string fit(const std::string& utf8, size_t width);  // cut to `width` characters with "…"

// French amounts without the euro sign ("1 234,56"), empty for zero with optional_amount, and
// rates as "6,9 %" (empty when absent).
std::string amount(Money money);
std::string optional_amount(Money money);
std::string rate_text(const std::optional<Rate>& rate);

// A JSON object that keeps its keys in insertion order.
Poco::JSON::Object::Ptr json_object();
void print_json(std::ostream& out, const Poco::Dynamic::Var& value);
// An address as a JSON object (line1, line2, postcode, city, country).
Poco::JSON::Object::Ptr address_json(const registry::Address& address);

}  // namespace gepaie::cli
