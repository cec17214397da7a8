// The payslip PDF: the bulletin de paie clarifié (arrêté du 31 janvier 2023), laid out by
// reports/payslip.yaml. This file: the captions and styles checked up front, the sections in the
// layout's order, the pages and the tables every section draws with (payslip_writer.h).
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/print/render.h"
#include "page_writer.h"
#include "payslip_writer.h"

namespace gepaie::print {
namespace {

using detail::measure_then_draw;
using detail::PayslipWriter;

// Every caption the payslip prints: checked before drawing, so that a layout missing one fails
// on any payslip, not only on the one that happens to need it.
constexpr const char* kLabels[] = {
    "title",
    "period",
    "payment_date",
    "continued",
    "page",
    "employer",
    "siret",
    "naf",
    "urssaf",
    "convention",
    "idcc",
    "employee",
    "number",
    "nir",
    "job",
    "classification",
    "status",
    "status_cadre",
    "status_non_cadre",
    "entry_date",
    "contract",
    "contract_cdi",
    "contract_cdd",
    "contract_until",
    "hours",
    "hours_value",
    "earnings",
    "count",
    "rate",
    "amount",
    "majorated",
    "gross",
    "contributions",
    "base",
    "employee_rate",
    "employee_part",
    "employer_rate",
    "employer_part",
    "group.sante",
    "group.atmp",
    "group.retraite",
    "group.famille",
    "group.chomage",
    "group.apec",
    "group.autres",
    "group.csg",
    "total_contributions",
    "reductions",
    "optional",
    "net_before_tax",
    "income_tax",
    "year_to_date",
    "net_taxable",
    "tax_rate",
    "tax_withheld",
    "this_month",
    "gross_ytd",
    "overtime_exempt",
    "adjustments",
    "net_paid",
    "net_paid_transfer",
    "net_social",
    "employer_total",
    "employer_total_detail",
    "leave",
    "leave_n1",
    "leave_n_earned",
    "leave_taken",
    "leave_balance",
    "leave_earned_month",
    "days",
    "mention",
    "mention_more",
};

constexpr const char* kStyles[] = {
    "title",      "period",         "box_title",  "party_name", "body",
    "small",      "table_header",   "group",      "line",       "subtotal",
    "emphasis",   "emphasis_label", "mention",    "footer",     "fill_header",
    "fill_group", "fill_emphasis",  "fill_total", "rule",
};

}  // namespace

namespace detail {

int PayslipWriter::render() {
  start_page();
  for (const std::string& section : layout_.sections) {
    if (section == "header") {
      header();
    } else if (section == "parties") {
      parties();
    } else if (section == "earnings") {
      earnings();
    } else if (section == "contributions") {
      contributions();
    } else if (section == "net_before_tax") {
      emphasised(label("net_before_tax"), slip_.totals.net_before_tax, {});
    } else if (section == "income_tax") {
      income_tax();
    } else if (section == "adjustments") {
      adjustments();
    } else if (section == "net_paid") {
      emphasised(label("net_paid"), slip_.totals.net_paid,
                 fill(label("net_paid_transfer"), {{"date", doc_.payment_date.french()}}));
    } else if (section == "net_social") {
      total_line(label("net_social"), slip_.totals.net_social, {});
    } else if (section == "employer_total") {
      total_line(label("employer_total"), slip_.totals.employer_cost,
                 label("employer_total_detail"));
    } else if (section == "leave") {
      leave();
    } else if (section == "mention") {
      mention();
    } else {
      throw Error(ErrorKind::Failure,
                  "the layout " + layout_.name + " lists an unknown section '" + section +
                      "' (known: header, parties, earnings, contributions, "
                      "net_before_tax, income_tax, adjustments, net_paid, net_social, "
                      "employer_total, leave, mention)");
    }
  }
  footer();
  return pages_;
}

// ---- pages ------------------------------------------------------------------------------------

void PayslipWriter::start_page() {
  next_page();
  if (pages_ > 1) {
    const TextStyle& st = style("period");
    text(left_, y_ + ascent(st),
         fill(label("continued"),
              {{"name", doc_.employee.full_name()}, {"period", slip_.month.french()}}),
         st);
    y_ += line_height(st) + 3;
    rule(y_, 1);
    y_ += 6;
  }
}

void PayslipWriter::footer() {
  const TextStyle& st = style("footer");
  const double y = PdfDocument::kHeight - layout_.margin_bottom;
  text(left_, y, doc_.ge.name, st);
  text_right(right_, y,
             fill(label("page"),
                  {{"page", std::to_string(pages_)}, {"pages", std::to_string(page_count())}}),
             st);
}

void PayslipWriter::need(double height) {
  if (y_ + height <= bottom_) {
    return;
  }
  footer();
  start_page();
  if (table_header_) {
    const auto header = *table_header_;
    draw_row(header.columns, header.cells, *header.style, header.fill);
  }
}

// ---- tables -----------------------------------------------------------------------------------

double PayslipWriter::cell_width(const std::vector<double>& columns, const std::vector<Cell>& cells,
                                 size_t i) {
  double width = columns[i];
  if (cells[i].align == Align::Left) {
    for (size_t k = i + 1; k < columns.size() && (k >= cells.size() || cells[k].text.empty());
         ++k) {
      width += columns[k];
    }
  }
  return width;
}

double PayslipWriter::row_height(const std::vector<double>& columns, const std::vector<Cell>& cells,
                                 const TextStyle& st,
                                 std::vector<std::vector<std::string>>* lines) const {
  size_t most = 1;
  double tallest = st.size;
  for (size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
    const TextStyle& cs = cells[i].style ? *cells[i].style : st;
    auto cut = wrap(cells[i].text, cell_width(columns, cells, i) - 6 - cells[i].indent, cs);
    most = std::max(most, cut.size());
    tallest = std::max(tallest, cs.size);
    if (lines) {
      lines->push_back(std::move(cut));
    }
  }
  return most * tallest * 1.3 + 2;
}

void PayslipWriter::draw_row(const std::vector<double>& columns, const std::vector<Cell>& cells,
                             const TextStyle& row_style, std::optional<Color> fill_color) {
  std::vector<std::vector<std::string>> lines;
  const double height = row_height(columns, cells, row_style, &lines);
  draw_lines(columns, cells, row_style, fill_color, lines, height);
}

void PayslipWriter::draw_lines(const std::vector<double>& columns, const std::vector<Cell>& cells,
                               const TextStyle& row_style, std::optional<Color> fill_color,
                               const std::vector<std::vector<std::string>>& lines, double height) {
  if (fill_color) {
    box(left_, y_, right_ - left_, height, fill_color, std::nullopt);
  }
  double x = left_;
  for (size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
    const TextStyle& cs = cells[i].style ? *cells[i].style : row_style;
    double baseline = y_ + 1 + ascent(cs) + (line_height(cs) - cs.size) / 2;
    for (const std::string& part : lines[i]) {
      if (cells[i].align == Align::Right) {
        text_right(x + columns[i] - 3, baseline, part, cs);
      } else {
        text(x + 3 + cells[i].indent, baseline, part, cs);
      }
      baseline += line_height(cs);
    }
    x += columns[i];
  }
  y_ += height;
}

void PayslipWriter::row(const std::vector<double>& columns, const std::vector<Cell>& cells,
                        const TextStyle& st, std::optional<Color> fill_color) {
  std::vector<std::vector<std::string>> lines;
  const double height = row_height(columns, cells, st, &lines);
  need(height);
  draw_lines(columns, cells, st, fill_color, lines, height);
}

void PayslipWriter::begin_table(const std::vector<double>& columns, std::vector<Cell> cells) {
  const TextStyle& st = style("table_header");
  // The header and at least two rows stay together.
  need(row_height(columns, cells, st, nullptr) + 2 * line_height(style("line")) + 8);
  table_header_ = Row{columns, std::move(cells), &st, color("fill_header")};
  draw_row(columns, table_header_->cells, st, table_header_->fill);
}

void PayslipWriter::end_table() {
  table_header_.reset();
  rule(y_);
  y_ += 4;
}

}  // namespace detail

void render_payslip(PdfDocument& pdf, const Layout& layout, const PayslipDocument& document) {
  for (const char* key : kLabels) {
    layout.label(key);
  }
  for (const char* key : kStyles) {
    layout.style(key);
  }
  layout.columns_of("lines");
  layout.columns_of("income_tax");
  layout.columns_of("leave");
  layout.columns_of("parties");
  measure_then_draw([&](bool draw, int pages) {
    return PayslipWriter(pdf, layout, document, draw, pages).render();
  });
}

}  // namespace gepaie::print
