// The page writer the three PDF documents share (payslip, invoice, journal): each document is
// written twice, a first pass that only measures (where the pages break, so that every footer
// can say "page 1/2") and a second that draws; both passes take the same decisions, because
// every drawing call goes through this class, which draws in the second pass only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"

namespace gepaie::print::detail {

// `text` with its "{key}" placeholders replaced by their values, in one pass (a value is never
// read for placeholders); an unknown placeholder stays as it is.
std::string fill(const std::string& text, const std::map<std::string, std::string>& values);

// "79012345900014" → "790 123 459 00014" (SIREN, then the establishment's NIC); any other text as
// it is.
std::string siret_text(const std::string& siret);

class PageWriter {
 public:
  // `draw`: the drawing pass, else the measuring pass; `total_pages`: what the measuring pass
  // counted (0 in that pass).
  PageWriter(PdfDocument& pdf, const Layout& layout, bool draw, int total_pages);

  int pages() const { return pages_; }

 protected:
  // ---- the layout
  const TextStyle& style(const std::string& key) const { return layout_.style(key); }
  const std::string& label(const std::string& key) const { return layout_.label(key); }
  Color color(const std::string& key) const { return layout_.style(key).color; }

  // ---- measuring, in both passes
  double text_width(const std::string& text, const TextStyle& style) const {
    return pdf_.text_width(text, style);
  }
  std::string fit(const std::string& text, double width, const TextStyle& style) const {
    return pdf_.fit(text, width, style);
  }
  // The pages of the document: the number counted by the measuring pass, or so far if more.
  int page_count() const { return total_pages_ > pages_ ? total_pages_ : pages_; }

  // ---- drawing, in the drawing pass only
  void text(double x, double baseline, const std::string& text, const TextStyle& style);
  void text_right(double right, double baseline, const std::string& text, const TextStyle& style);
  void rule(double x1, double y1, double x2, double y2, double width, Color color);
  void box(double x, double y, double w, double h, std::optional<Color> fill,
           std::optional<Color> stroke, double stroke_width = 0.5);
  // A new page: y_ back to the top margin, the page counted (and added in the drawing pass).
  void next_page();

  // ---- wrapping: the three documents cut lines their own way (kept as they were)
  // At most `max_lines` lines; the last one takes the rest, cut with "…" when too wide; a word
  // wider than `width` stands alone on its line. No line for an empty text.
  std::vector<std::string> wrap_at_most(const std::string& text, double width,
                                        const TextStyle& style, size_t max_lines) const;
  // Every line no wider than `width` but the one with a text where nothing fits; one empty line
  // for an empty text.
  std::vector<std::string> wrap_all(const std::string& text, double width,
                                    const TextStyle& style) const;
  // Cut between words; a word wider than `width` stays whole, or is cut (`cut_words`: a name,
  // so that it never runs into the next cell).
  std::vector<std::string> wrap_words(const std::string& text, double width, const TextStyle& style,
                                      bool cut_words) const;

  PdfDocument& pdf_;
  const Layout& layout_;
  const bool draw_;
  const int total_pages_;
  const double left_;  // the content's edges
  const double right_;
  const double width_;
  double y_ = 0;  // where the next thing goes, from the top of the page
  int pages_ = 0;
};

// Runs `pass(draw, total_pages)` (returning the pages it took) to measure, then to draw.
template <typename Pass>
void measure_then_draw(Pass pass) {
  const int pages = pass(false, 0);
  pass(true, pages);
}

}  // namespace gepaie::print::detail
