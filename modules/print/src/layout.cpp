// Reading reports/*.yaml. Values are read through gepaie::config's YamlMap/YamlValue, so that
// every error names the file, line and column; yaml-cpp itself only lists the keys of the maps
// whose keys are free (styles, labels, columns), which YamlMap cannot enumerate.
#include "gepaie/print/layout.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/error.h"

namespace gepaie::print {
namespace {

namespace fs = std::filesystem;
using config::YamlMap;
using config::YamlValue;

// A number in [low, high], read the same under every locale: std::strtod follows LC_NUMERIC
// and stops at the "." of "8.5" under a locale with a decimal comma (fr_FR, de_DE).
double number(const YamlValue& value, double low, double high) {
  const std::string text = value.text();
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first != last && *first == '+') {
    ++first;  // "+8" as strtod read it; from_chars takes only "-"
  }
  double result = 0;
  const auto [end, error] = std::from_chars(first, last, result, std::chars_format::general);
  if (text.empty() || error != std::errc() || end != last || !std::isfinite(result)) {
    throw value.error("expected a number, got '" + text + "'");
  }
  if (result < low || result > high) {
    throw value.error("expected a number from " + std::to_string(static_cast<int>(low)) + " to " +
                      std::to_string(static_cast<int>(high)) + ", got " + text);
  }
  return result;
}

Color color(const YamlValue& value) {
  const std::string text = value.text();
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  };
  if (text.size() != 7 || text[0] != '#') {
    throw value.error("expected a colour as \"#RRGGBB\", got '" + text + "'");
  }
  double parts[3];
  for (int i = 0; i < 3; ++i) {
    const int high = hex(text[1 + 2 * i]);
    const int low = hex(text[2 + 2 * i]);
    if (high < 0 || low < 0) {
      throw value.error("expected a colour as \"#RRGGBB\", got '" + text + "'");
    }
    parts[i] = (high * 16 + low) / 255.0;
  }
  return Color{parts[0], parts[1], parts[2]};
}

TextStyle style(const YamlValue& value) {
  YamlMap map(value);
  TextStyle result;
  if (auto size = map.get("size")) {
    result.size = number(*size, 4, 72);
  }
  if (auto bold = map.get("bold")) {
    result.bold = bold->boolean();
  }
  if (auto c = map.get("color")) {
    result.color = color(*c);
  }
  map.finish();
  return result;
}

// The keys of the mapping at `key` of the document, in file order (empty when absent).
std::vector<std::string> keys_of(const YAML::Node& root, const std::string& key) {
  std::vector<std::string> keys;
  const YAML::Node node = root[key];
  if (node && node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      keys.push_back(it->first.Scalar());
    }
  }
  return keys;
}

[[noreturn]] void missing(const Layout& layout, const std::string& what, const std::string& key) {
  throw Error(ErrorKind::Failure,
              "the layout " + layout.name + " has no " + what + " '" + key + "' (add it there)");
}

}  // namespace

const TextStyle& Layout::style(const std::string& key) const {
  auto found = styles.find(key);
  if (found == styles.end()) {
    missing(*this, "style", key);
  }
  return found->second;
}

const std::string& Layout::label(const std::string& key) const {
  auto found = labels.find(key);
  if (found == labels.end()) {
    missing(*this, "label", key);
  }
  return found->second;
}

const std::vector<double>& Layout::columns_of(const std::string& table) const {
  auto found = columns.find(table);
  if (found == columns.end()) {
    missing(*this, "column widths for the table", table);
  }
  return found->second;
}

Layout read_layout(const fs::path& file) {
  const YamlValue document = config::load_yaml_file(file);  // syntax errors, located
  YAML::Node raw;
  try {
    raw = YAML::LoadFile(file.string());
  } catch (const YAML::Exception&) {
    throw Error(ErrorKind::BadInput, "cannot read the file", SourceLocation{file.string(), 0, 0});
  }
  YamlMap root(document);
  Layout layout;
  layout.name = file.string();

  if (auto margins = root.get("margins")) {
    YamlMap map(*margins);
    const double limit = PdfDocument::kWidth / 3;
    if (auto v = map.get("left")) {
      layout.margin_left = number(*v, 0, limit);
    }
    if (auto v = map.get("right")) {
      layout.margin_right = number(*v, 0, limit);
    }
    if (auto v = map.get("top")) {
      layout.margin_top = number(*v, 0, limit);
    }
    if (auto v = map.get("bottom")) {
      layout.margin_bottom = number(*v, 0, limit);
    }
    map.finish();
  }

  if (auto styles = root.get("styles")) {
    YamlMap map(*styles);
    for (const std::string& key : keys_of(raw, "styles")) {
      if (auto value = map.get(key)) {
        layout.styles[key] = style(*value);
      } else {
        throw map.value().error("the style '" + key + "' is empty");
      }
    }
    map.finish();  // a key given twice
  }

  if (auto labels = root.get("labels")) {
    YamlMap map(*labels);
    for (const std::string& key : keys_of(raw, "labels")) {
      auto value = map.get(key);
      layout.labels[key] = value ? value->text() : std::string();
    }
    map.finish();
  }

  if (auto sections = root.get("sections")) {
    for (const YamlValue& item : sections->items()) {
      const std::string name = item.text();
      for (const std::string& seen : layout.sections) {
        if (seen == name) {
          throw item.error("the section '" + name + "' is listed twice");
        }
      }
      layout.sections.push_back(name);
    }
  }

  if (auto columns = root.get("columns")) {
    YamlMap map(*columns);
    for (const std::string& key : keys_of(raw, "columns")) {
      auto value = map.get(key);
      if (!value) {
        throw map.value().error("the table '" + key + "' has no column widths");
      }
      std::vector<double> widths;
      double total = 0;
      for (const YamlValue& item : value->items()) {
        widths.push_back(number(item, 1, PdfDocument::kWidth));
        total += widths.back();
      }
      if (widths.empty()) {
        throw value->error("the table '" + key + "' has no column widths");
      }
      if (total > layout.content_width() + 0.5) {
        throw value->error("the columns of '" + key + "' are " +
                           std::to_string(static_cast<int>(total)) +
                           " points wide: more than the " +
                           std::to_string(static_cast<int>(layout.content_width())) +
                           " points between the margins");
      }
      layout.columns[key] = std::move(widths);
    }
    map.finish();
  }
  root.finish();
  return layout;
}

fs::path reports_dir(const fs::path& config_file) {
  if (const char* dir = std::getenv("GEPAIE_REPORTS_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (!config_file.empty()) {
    const fs::path beside =
        (fs::absolute(config_file).parent_path() / ".." / "reports").lexically_normal();
    if (fs::is_directory(beside)) {
      return beside;
    }
  }
  return "/usr/share/gepaie/reports";
}

}  // namespace gepaie::print
