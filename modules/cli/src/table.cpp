#include "table.h"

#include <Poco/JSON/Stringifier.h>

#include <algorithm>

namespace gepaie::cli {

size_t display_width(const std::string& utf8) {
  // Counts code points: every byte that does not continue a UTF-8 sequence.
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string fit(const std::string& utf8, size_t width) {
  if (display_width(utf8) <= width || width == 0) {
    return utf8;
  }
  std::string out;
  size_t count = 0;
  for (char c : utf8) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && ++count > width - 1) {
      break;
    }
    out += c;
  }
  return out + "…";
}

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::add(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    cells[i] = fit(cells[i], columns_[i].max_width);
  }
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const Column& column : columns_) {
    widths.push_back(display_width(column.header));
  }
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string pad(widths[i] - display_width(cells[i]), ' ');
      const bool last = i + 1 == cells.size();
      if (columns_[i].align == Align::Right) {
        text += pad + cells[i];
      } else {
        text += cells[i] + (last ? "" : pad);
      }
      if (!last) {
        text += "  ";
      }
    }
    text.erase(text.find_last_not_of(' ') + 1);
    out << text << "\n";
  };
  std::vector<std::string> headers;
  std::vector<std::string> rules;
  for (size_t i = 0; i < columns_.size(); ++i) {
    headers.push_back(columns_[i].header);
    std::string rule;
    for (size_t k = 0; k < widths[i]; ++k) {
      rule += "─";
    }
    rules.push_back(rule);
  }
  line(headers);
  line(rules);
  for (const auto& row : rows_) {
    line(row);
  }
}

Poco::JSON::Object::Ptr json_object() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

void print_json(std::ostream& out, const Poco::Dynamic::Var& value) {
  Poco::JSON::Stringifier::stringify(value, out, 2, -1, Poco::JSON_WRAP_STRINGS);
  out << "\n";
}

std::string amount(Money money) {
  std::string text = money.french();
  return text.substr(0, text.size() - std::string("\u00A0€").size());
}

std::string optional_amount(Money money) {
  return money.is_zero() ? "" : amount(money);
}

// French notation: "6,9 %".
std::string rate_text(const std::optional<Rate>& rate) {
  if (!rate) {
    return "";
  }
  std::string text = rate->percent_str();
  if (auto dot = text.find('.'); dot != std::string::npos) {
    text[dot] = ',';
  }
  return text + " %";
}

Poco::JSON::Object::Ptr address_json(const registry::Address& address) {
  auto json = json_object();
  json->set("line1", address.line1);
  json->set("line2", address.line2);
  json->set("postcode", address.postcode);
  json->set("city", address.city);
  json->set("country", address.country);
  return json;
}

}  // namespace gepaie::cli
