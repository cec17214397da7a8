// The payslip writer, shared by the files that draw its parts: payslip_pdf.cpp (the sections in
// the layout's order, the pages and the tables), payslip_format.cpp (French numbers),
// payslip_parties.cpp (title, employer and employee), payslip_lines.cpp (earnings,
// contributions, adjustments) and payslip_totals.cpp (the nets, income tax, leave, the mention).
//
// The writer runs twice over a payslip: a dry run that only measures (page breaks, so the
// footers can say "Page 1/2"), then the drawing run. Every table row goes through row(), which
// breaks the page when the row does not fit, repeating a small header and the table's header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/print/documents.h"
#include "page_writer.h"

namespace gepaie::print::detail {

// ---- French formats (payslip_format.cpp) -----------------------------------------------------

// Amounts in tables: "1 234,56" (the euro sign goes with the totals).
std::string amount(Money money);
// "6,90 %", "0,016 %", "11,3099 %": at least `decimals` decimals (two by default).
std::string percent(Rate rate, size_t min_decimals = 2);
// A number with two decimals from hundredths: 15167 -> "151,67"; `whole` drops ",00".
std::string hundredths(int64_t value, bool whole = false);
std::string hours_text(Hours hours, bool whole = false);
// An amount per hour with four decimals, so that hours × rate = amount: "16,1538".
std::string per_hour(Money money, Hours hours);

// ---- the writer ------------------------------------------------------------------------------

enum class Align { Left, Right };

struct Cell {
  std::string text;
  Align align = Align::Left;
  const TextStyle* style = nullptr;  // nullptr: the row's style
  double indent = 0;
};

class PayslipWriter : PageWriter {
 public:
  PayslipWriter(PdfDocument& pdf, const Layout& layout, const PayslipDocument& document, bool draw,
                int total_pages)
      : PageWriter(pdf, layout, draw, total_pages),
        doc_(document),
        slip_(document.payslip),
        bottom_(PdfDocument::kHeight - layout.margin_bottom - 9) {}  // room for the footer

  // Draws (or measures) the payslip; returns its number of pages.
  int render();

 private:
  static double line_height(const TextStyle& s) { return s.size * 1.3; }
  static double ascent(const TextStyle& s) { return s.size * 0.8; }

  void rule(double y, double width = 0.5) {
    PageWriter::rule(left_, y, right_, y, width, color("rule"));
  }
  std::vector<std::string> wrap(const std::string& s, double width, const TextStyle& st) const {
    return wrap_at_most(s, width, st, 3);
  }

  // ---- pages (payslip_pdf.cpp)

  void start_page();
  void footer();
  // Room for `height` points on this page, else the next page (with the table's header again).
  void need(double height);

  // ---- tables (payslip_pdf.cpp)

  struct Row {
    std::vector<double> columns;
    std::vector<Cell> cells;
    const TextStyle* style;
    std::optional<Color> fill;
  };

  // The width a cell may use: a left-aligned text runs over the empty cells after it.
  static double cell_width(const std::vector<double>& columns, const std::vector<Cell>& cells,
                           size_t i);
  double row_height(const std::vector<double>& columns, const std::vector<Cell>& cells,
                    const TextStyle& st, std::vector<std::vector<std::string>>* lines) const;
  void draw_row(const std::vector<double>& columns, const std::vector<Cell>& cells,
                const TextStyle& row_style, std::optional<Color> fill_color);
  void draw_lines(const std::vector<double>& columns, const std::vector<Cell>& cells,
                  const TextStyle& row_style, std::optional<Color> fill_color,
                  const std::vector<std::vector<std::string>>& lines, double height);
  // A table row, on the next page when it does not fit on this one.
  void row(const std::vector<double>& columns, const std::vector<Cell>& cells, const TextStyle& st,
           std::optional<Color> fill_color = std::nullopt);
  // A table's header row, repeated after a page break until end_table().
  void begin_table(const std::vector<double>& columns, std::vector<Cell> cells);
  void end_table();

  static Cell right(std::string s, const TextStyle* st = nullptr) {
    return Cell{std::move(s), Align::Right, st, 0};
  }
  static Cell left(std::string s, const TextStyle* st = nullptr, double indent = 0) {
    return Cell{std::move(s), Align::Left, st, indent};
  }
  static std::string nonzero(Money m) { return m.is_zero() ? std::string() : amount(m); }
  static std::string rate_text(const std::optional<Rate>& r) {
    return r ? percent(*r) : std::string();
  }

  // ---- title and parties (payslip_parties.cpp)

  void header();

  // A box of lines: (caption, value) pairs; an empty caption prints the value alone.
  struct BoxLine {
    std::string caption;
    std::string value;
    const TextStyle* style;
  };

  std::vector<std::pair<std::string, const TextStyle*>> box_text(const std::vector<BoxLine>& in,
                                                                 double width) const;
  void parties();

  // ---- earnings, contributions, adjustments (payslip_lines.cpp)

  void earnings();
  void contribution_row(const std::vector<double>& columns, const store::StoredLine& l,
                        double indent, const std::string& caption = {},
                        const TextStyle* caption_style = nullptr,
                        std::optional<Color> fill_color = std::nullopt);
  void group_row(const std::vector<double>& columns, const std::string& title);
  void contributions();
  void adjustments();

  // ---- nets, income tax, leave, mention (payslip_totals.cpp)

  // A shaded box with a caption and an amount in euros; `note` after the caption, in small type.
  void emphasised(const std::string& caption, Money value, const std::string& note);
  // A lighter total: caption and amount in euros on a shaded band.
  void total_line(const std::string& caption, Money value, const std::string& note);
  // Two rows, the month and the year: gross, net taxable, rate, tax withheld, exempt overtime.
  void income_tax();
  std::string days(int value) const;
  void leave();
  void mention();

  const PayslipDocument& doc_;
  const store::StoredPayslip& slip_;
  const double bottom_;
  std::optional<Row> table_header_;
};

}  // namespace gepaie::print::detail
