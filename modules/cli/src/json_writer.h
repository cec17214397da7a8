// A small JSON writer for outputs whose numbers must keep their exact decimal form
// (amounts in euros with two decimals), which a double-based JSON library cannot promise.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace gepaie::cli {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(const std::string& name);
  JsonWriter& string(const std::string& value);
  JsonWriter& number(const std::string& decimal_text);  // written as is: "3000.00"
  JsonWriter& null();
  void finish() { out_ << "\n"; }

 private:
  void value_prefix();
  JsonWriter& close(char bracket);
  void newline();
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: no element yet
  bool after_key_ = false;
};

std::string json_escape(const std::string& text);

}  // namespace gepaie::cli
