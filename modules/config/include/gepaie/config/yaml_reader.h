// Strict reading of YAML documents: every value knows its file, line and column, unknown keys
// are refused, and every error is a gepaie::Error of kind BadInput that says where and why.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"

namespace YAML {
class Node;
}

namespace gepaie::config {

// A YAML node with the name of its file and its path in the document ("contracts[3].members").
class YamlValue {
 public:
  YamlValue(std::shared_ptr<const YAML::Node> node, std::shared_ptr<const std::string> file,
            std::string path);

  const std::string& path() const { return path_; }
  SourceLocation where() const;
  Error error(const std::string& reason) const;  // BadInput located at this node

  bool is_null() const;
  bool is_map() const;
  bool is_sequence() const;
  std::string text() const;  // a scalar, else error
  Money money() const;
  Rate percent() const;  // "6.90" -> 6.90 %
  Rate decimal() const;  // "1.75"
  Hours hours() const;
  Date date() const;
  bool boolean() const;
  std::vector<YamlValue> items() const;  // a sequence (null counts as empty), else error

 private:
  friend class YamlMap;
  std::shared_ptr<const YAML::Node> node_;
  std::shared_ptr<const std::string> file_;
  std::string path_;
};

// A mapping whose keys are taken one by one; finish() refuses the keys nobody took.
class YamlMap {
 public:
  explicit YamlMap(const YamlValue& value);  // error unless a mapping
  std::optional<YamlValue> get(const std::string& key);
  YamlValue need(const std::string& key);  // error "is required" when absent or null
  std::string text(const std::string& key, const std::string& fallback = {});
  void finish() const;
  const YamlValue& value() const { return value_; }

 private:
  YamlValue value_;
  std::vector<std::string> taken_;
};

// Parses a whole file; a syntax error, a missing file, bytes that are not UTF-8 or a control
// character (tab and line ends allowed) is a located BadInput error.
YamlValue load_yaml_file(const std::filesystem::path& file);
YamlValue load_yaml_text(const std::string& text, const std::string& name);

// A whole file's bytes, unchecked; "cannot read the file" BadInput when it cannot be opened.
std::string read_text_file(const std::filesystem::path& file);

}  // namespace gepaie::config
