#include "gepaie/config/yaml_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "gepaie/core/text.h"

namespace gepaie::config {
namespace {

std::string child_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

template <typename Parse>
auto parse_scalar(const YamlValue& value, Parse parse) {
  const std::string text = value.text();
  try {
    return parse(text);
  } catch (const Error& e) {
    throw value.error(e.message());
  }
}

}  // namespace

YamlValue::YamlValue(std::shared_ptr<const YAML::Node> node,
                     std::shared_ptr<const std::string> file, std::string path)
    : node_(std::move(node)), file_(std::move(file)), path_(std::move(path)) {}

SourceLocation YamlValue::where() const {
  const YAML::Mark mark = node_->Mark();
  if (mark.is_null()) {
    return SourceLocation{*file_, 0, 0};
  }
  return SourceLocation{*file_, mark.line + 1, mark.column + 1};
}

Error YamlValue::error(const std::string& reason) const {
  return Error(ErrorKind::BadInput, reason, where(), path_);
}

bool YamlValue::is_null() const {
  return !node_->IsDefined() || node_->IsNull();
}
bool YamlValue::is_map() const {
  return node_->IsMap();
}
bool YamlValue::is_sequence() const {
  return node_->IsSequence();
}

std::string YamlValue::text() const {
  if (!node_->IsScalar()) {
    throw error("expected a single value");
  }
  // The file's bytes were checked when it was read; an escape in a quoted scalar ("\0", "\x07")
  // can still make a control character.
  const std::string& scalar = node_->Scalar();
  if (auto fault = find_text_fault(scalar, TextRules{.leading_bom = false})) {
    const std::string at = fault->line > 1 ? "line " + std::to_string(fault->line) + ", " : "";
    throw error(fault->reason + " (" + at + "character " + std::to_string(fault->column) +
                " of the value)");
  }
  return scalar;
}

Money YamlValue::money() const {
  return parse_scalar(*this, [](const std::string& s) { return Money::parse(s); });
}

Rate YamlValue::percent() const {
  return parse_scalar(*this, [](const std::string& s) { return Rate::parse_percent(s); });
}

Rate YamlValue::decimal() const {
  return parse_scalar(*this, [](const std::string& s) { return Rate::parse_decimal(s); });
}

Hours YamlValue::hours() const {
  return parse_scalar(*this, [](const std::string& s) { return Hours::parse(s); });
}

Date YamlValue::date() const {
  return parse_scalar(*this, [](const std::string& s) { return Date::parse(s); });
}

bool YamlValue::boolean() const {
  const std::string value = text();
  if (value == "true" || value == "yes" || value == "on") {
    return true;
  }
  if (value == "false" || value == "no" || value == "off") {
    return false;
  }
  throw error("expected true or false, got " + value);
}

std::vector<YamlValue> YamlValue::items() const {
  std::vector<YamlValue> result;
  if (is_null()) {
    return result;
  }
  if (!node_->IsSequence()) {
    throw error("expected a list");
  }
  for (size_t i = 0; i < node_->size(); ++i) {
    result.emplace_back(std::make_shared<const YAML::Node>((*node_)[i]), file_,
                        path_ + "[" + std::to_string(i + 1) + "]");
  }
  return result;
}

YamlMap::YamlMap(const YamlValue& value) : value_(value) {
  if (!value.node_->IsMap()) {
    throw value.error("expected a mapping of keys to values");
  }
}

std::optional<YamlValue> YamlMap::get(const std::string& key) {
  taken_.push_back(key);
  for (auto it = value_.node_->begin(); it != value_.node_->end(); ++it) {
    if (it->first.Scalar() == key) {
      YamlValue child(std::make_shared<const YAML::Node>(it->second), value_.file_,
                      child_path(value_.path_, key));
      if (child.is_null()) {
        return std::nullopt;
      }
      return child;
    }
  }
  return std::nullopt;
}

YamlValue YamlMap::need(const std::string& key) {
  if (auto child = get(key)) {
    return *child;
  }
  Error missing = value_.error("is required");
  throw missing.located(value_.where(), child_path(value_.path_, key));
}

std::string YamlMap::text(const std::string& key, const std::string& fallback) {
  auto child = get(key);
  return child ? child->text() : fallback;
}

void YamlMap::finish() const {
  std::vector<std::string> seen;
  for (auto it = value_.node_->begin(); it != value_.node_->end(); ++it) {
    YamlValue key_value(std::make_shared<const YAML::Node>(it->first), value_.file_, value_.path_);
    const std::string key = key_value.text();
    key_value.path_ = child_path(value_.path_, key);
    if (std::find(taken_.begin(), taken_.end(), key) == taken_.end()) {
      throw key_value.error("unknown key '" + key + "'");
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      throw key_value.error("key '" + key + "' given twice");
    }
    seen.push_back(key);
  }
}

namespace {

YamlValue wrap(YAML::Node node, const std::string& name) {
  return YamlValue(std::make_shared<const YAML::Node>(std::move(node)),
                   std::make_shared<const std::string>(name), "");
}

Error syntax_error(const YAML::Exception& e, const std::string& name) {
  SourceLocation where{name, 0, 0};
  if (!e.mark.is_null()) {
    where.line = e.mark.line + 1;
    where.column = e.mark.column + 1;
  }
  return Error(ErrorKind::BadInput, "YAML syntax error: " + e.msg, where);
}

}  // namespace

std::string read_text_file(const std::filesystem::path& file) {
  std::error_code ignored;
  std::ifstream in(file, std::ios::binary);
  if (!in || std::filesystem::is_directory(file, ignored)) {
    throw Error(ErrorKind::BadInput, "cannot read the file", SourceLocation{file.string(), 0, 0});
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw Error(ErrorKind::BadInput, "cannot read the file", SourceLocation{file.string(), 0, 0});
  }
  return text;
}

YamlValue load_yaml_file(const std::filesystem::path& file) {
  return load_yaml_text(read_text_file(file), file.string());
}

YamlValue load_yaml_text(const std::string& text, const std::string& name) {
  check_text(text, name);
  try {
    return wrap(YAML::Load(text), name);
  } catch (const YAML::Exception& e) {
    throw syntax_error(e, name);
  }
}

}  // namespace gepaie::config
