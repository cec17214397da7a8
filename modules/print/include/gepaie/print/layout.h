// Print layouts: what reports/*.yaml describes for a document — page margins, text styles, every
// caption, the order of the sections and the widths of table columns — so that the look of a
// payslip or an invoice is changed there, not in scattered code.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gepaie/print/pdf.h"

namespace gepaie::print {

struct Layout {
  std::string name;  // the file it was read from
  double margin_left = 36;
  double margin_right = 36;
  double margin_top = 36;
  double margin_bottom = 36;
  std::map<std::string, TextStyle> styles;             // "title", "body", "emphasis", ...
  std::map<std::string, std::string> labels;           // every printed caption, by key
  std::vector<std::string> sections;                   // the document's sections, in order
  std::map<std::string, std::vector<double>> columns;  // column widths (points) by table name

  // Error(Failure) naming the layout file and the missing key.
  const TextStyle& style(const std::string& key) const;
  const std::string& label(const std::string& key) const;
  const std::vector<double>& columns_of(const std::string& table) const;
  double content_width() const { return PdfDocument::kWidth - margin_left - margin_right; }
};

// Reads a layout file. Error(BadInput) with file:line:column for a malformed one.
Layout read_layout(const std::filesystem::path& file);

// The reports/ folder: GEPAIE_REPORTS_DIR, else beside the configuration's folder (../reports
// from config/gepaie.yaml), else /usr/share/gepaie/reports.
std::filesystem::path reports_dir(const std::filesystem::path& config_file);

}  // namespace gepaie::print
