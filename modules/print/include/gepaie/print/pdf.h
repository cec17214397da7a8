// A4 PDF documents with libharu and an embedded Unicode TrueType font (DejaVu by default), so
// that accents, « » and € print everywhere. Coordinates are in points (1/72 inch) measured from
// the top-left corner of the page, y growing downward. Text is UTF-8.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace gepaie::print {

struct Color {
  double r = 0;
  double g = 0;
  double b = 0;
};

struct TextStyle {
  double size = 9;
  bool bold = false;
  Color color;
};

struct Fonts {
  std::filesystem::path regular;
  std::filesystem::path bold;
};
// DejaVu Sans from fonts-dejavu-core (/usr/share/fonts/truetype/dejavu); GEPAIE_FONT_DIR overrides
// the folder. Throws Error(Failure) naming the file when a font is missing.
Fonts default_fonts();

class PdfDocument {
 public:
  explicit PdfDocument(const Fonts& fonts);  // Error(Failure) when libharu or a font fails
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void new_page();  // A4 portrait; drawing needs a page
  int pages() const;
  static constexpr double kWidth = 595.276;  // A4 in points
  static constexpr double kHeight = 841.89;

  // `y` is the baseline of the text.
  void text(double x, double y, const std::string& utf8, const TextStyle& style);
  void text_right(double right, double y, const std::string& utf8, const TextStyle& style);
  void text_center(double center, double y, const std::string& utf8, const TextStyle& style);
  double text_width(const std::string& utf8, const TextStyle& style) const;
  // The longest prefix of `utf8` that fits in `width` (whole words when possible), for wrapping.
  std::string fit(const std::string& utf8, double width, const TextStyle& style) const;

  void line(double x1, double y1, double x2, double y2, double width, Color color);
  void rect(double x, double y, double w, double h, std::optional<Color> fill,
            std::optional<Color> stroke, double stroke_width = 0.5);

  void set_info(const std::string& title, const std::string& author, const std::string& subject);
  void save(const std::filesystem::path& file);  // Error(Failure) with the reason

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gepaie::print
