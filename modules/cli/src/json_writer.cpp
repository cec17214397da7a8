#include "json_writer.h"

#include <cstdio>

namespace gepaie::cli {

std::string json_escape(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += c;  // UTF-8 passes through
        }
    }
  }
  return out + "\"";
}

void JsonWriter::newline() {
  out_ << "\n" << std::string(first_.size() * 2, ' ');
}

void JsonWriter::value_prefix() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) {
      out_ << ",";
    }
    first_.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  value_prefix();
  out_ << "{";
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) {
    newline();
  }
  out_ << bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  return close('}');
}

JsonWriter& JsonWriter::begin_array() {
  value_prefix();
  out_ << "[";
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return close(']');
}

JsonWriter& JsonWriter::key(const std::string& name) {
  value_prefix();
  out_ << json_escape(name) << ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(const std::string& value) {
  value_prefix();
  out_ << json_escape(value);
  return *this;
}

JsonWriter& JsonWriter::number(const std::string& decimal_text) {
  value_prefix();
  out_ << decimal_text;
  return *this;
}

JsonWriter& JsonWriter::null() {
  value_prefix();
  out_ << "null";
  return *this;
}

}  // namespace gepaie::cli
