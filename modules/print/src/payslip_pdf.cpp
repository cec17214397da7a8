// The payslip PDF: the bulletin de paie clarifié (arrêté du 31 janvier 2023), laid out by
// reports/payslip.yaml.
//
// The writer runs twice over a payslip: a dry run that only measures (page breaks, so the
// footers can say "Page 1/2"), then the drawing run. Every table row goes through row(), which
// breaks the page when the row does not fit, repeating a small header and the table's header.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/print/render.h"
#include "page_writer.h"

namespace gepaie::print {
namespace {

using detail::fill;
using detail::measure_then_draw;
using detail::PageWriter;

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

// The contribution groups of the model payslip, in its order (payroll::to_string names).
constexpr const char* kGroups[] = {"sante",   "atmp", "retraite", "famille",
                                   "chomage", "apec", "autres",   "csg"};

// ---- French formats ---------------------------------------------------------------------------

// Amounts in tables: "1 234,56" (the euro sign goes with the totals).
std::string amount(Money money) {
  std::string text = money.french();
  const std::string euro = "\u00A0€";
  return text.substr(0, text.size() - euro.size());
}

// "6,90 %", "0,016 %", "11,3099 %": at least `decimals` decimals (two by default).
std::string percent(Rate rate, size_t min_decimals = 2) {
  const int64_t ppm = rate.ppm();
  const int64_t magnitude = ppm < 0 ? -ppm : ppm;  // 1 % = 10 000 ppm
  std::string decimals = std::to_string(magnitude % 10000);
  decimals.insert(0, 4 - decimals.size(), '0');
  while (decimals.size() > min_decimals && decimals.back() == '0') {
    decimals.pop_back();
  }
  // Appended piece by piece: `"literal" + std::string` trips g++ 12's false -Wrestrict at -O3.
  std::string text = ppm < 0 ? "-" : "";
  text += std::to_string(magnitude / 10000);
  if (!decimals.empty()) {
    text += ',';
    text += decimals;
  }
  return text + "\u00A0%";
}

// A number with two decimals from hundredths: 15167 -> "151,67"; `whole` drops ",00".
std::string hundredths(int64_t value, bool whole = false) {
  const bool negative = value < 0;
  const int64_t magnitude = negative ? -value : value;
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / 100);
  if (!whole || magnitude % 100 != 0) {
    const int64_t cents = magnitude % 100;
    text += cents < 10 ? ",0" : ",";
    text += std::to_string(cents);
  }
  return text;
}

std::string hours_text(Hours hours, bool whole = false) {
  const int64_t seconds = hours.seconds();
  const int64_t half = Hours::kSecondsPerHour / 2;
  return hundredths((seconds * 100 + (seconds >= 0 ? half : -half)) / Hours::kSecondsPerHour,
                    whole);
}

// An amount per hour with four decimals, so that hours × rate = amount: "16,1538".
std::string per_hour(Money money, Hours hours) {
  const int64_t seconds = hours.seconds();
  if (seconds == 0) {
    return {};
  }
  // euros per hour × 10 000 = cents × 100 × 3600 / seconds, rounded half away from zero.
  const __int128 scaled = static_cast<__int128>(money.cents()) * 100 * Hours::kSecondsPerHour;
  const __int128 magnitude = (scaled < 0 ? -scaled : scaled) + seconds / 2;
  const auto value = static_cast<int64_t>(magnitude / seconds);
  std::string decimals = std::to_string(value % 10000);
  decimals.insert(0, 4 - decimals.size(), '0');
  std::string text = scaled < 0 ? "-" : "";
  text += std::to_string(value / 10000);
  text += ',';
  return text + decimals;
}

// "790 123 459 00014"
std::string siret_text(const std::string& siret) {
  if (siret.size() != 14) {
    return siret;
  }
  return siret.substr(0, 3) + " " + siret.substr(3, 3) + " " + siret.substr(6, 3) + " " +
         siret.substr(9);
}

// "1 85 03 63 113 042 27"
std::string nir_text(const std::string& nir) {
  if (nir.size() != 15) {
    return nir;
  }
  return nir.substr(0, 1) + " " + nir.substr(1, 2) + " " + nir.substr(3, 2) + " " +
         nir.substr(5, 2) + " " + nir.substr(7, 3) + " " + nir.substr(10, 3) + " " +
         nir.substr(13, 2);
}

// The street (line 1, line 2), the town, and the country when not France.
std::vector<std::string> address_lines(const registry::Address& address) {
  std::vector<std::string> lines;
  std::string street = address.line1;
  if (!address.line2.empty()) {
    street += (street.empty() ? "" : ", ") + address.line2;
  }
  if (!street.empty()) {
    lines.push_back(street);
  }
  std::string city = address.postcode;
  if (!address.city.empty()) {
    city += (city.empty() ? "" : " ") + address.city;
  }
  if (!city.empty()) {
    lines.push_back(city);
  }
  if (!address.country.empty() && address.country != "FR") {
    lines.push_back(address.country);
  }
  return lines;
}

// ---- the writer --------------------------------------------------------------------------------

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
  int render() {
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

 private:
  static double line_height(const TextStyle& s) { return s.size * 1.3; }
  static double ascent(const TextStyle& s) { return s.size * 0.8; }

  void rule(double y, double width = 0.5) {
    PageWriter::rule(left_, y, right_, y, width, color("rule"));
  }
  std::vector<std::string> wrap(const std::string& s, double width, const TextStyle& st) const {
    return wrap_at_most(s, width, st, 3);
  }

  // ---- pages ----

  void start_page() {
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

  void footer() {
    const TextStyle& st = style("footer");
    const double y = PdfDocument::kHeight - layout_.margin_bottom;
    text(left_, y, doc_.ge.name, st);
    text_right(right_, y,
               fill(label("page"),
                    {{"page", std::to_string(pages_)}, {"pages", std::to_string(page_count())}}),
               st);
  }

  // Room for `height` points on this page, else the next page (with the table's header again).
  void need(double height) {
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

  // ---- tables ----

  struct Row {
    std::vector<double> columns;
    std::vector<Cell> cells;
    const TextStyle* style;
    std::optional<Color> fill;
  };

  // The width a cell may use: a left-aligned text runs over the empty cells after it.
  static double cell_width(const std::vector<double>& columns, const std::vector<Cell>& cells,
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

  double row_height(const std::vector<double>& columns, const std::vector<Cell>& cells,
                    const TextStyle& st, std::vector<std::vector<std::string>>* lines) const {
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

  void draw_row(const std::vector<double>& columns, const std::vector<Cell>& cells,
                const TextStyle& row_style, std::optional<Color> fill_color) {
    std::vector<std::vector<std::string>> lines;
    const double height = row_height(columns, cells, row_style, &lines);
    draw_lines(columns, cells, row_style, fill_color, lines, height);
  }

  void draw_lines(const std::vector<double>& columns, const std::vector<Cell>& cells,
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

  // A table row, on the next page when it does not fit on this one.
  void row(const std::vector<double>& columns, const std::vector<Cell>& cells, const TextStyle& st,
           std::optional<Color> fill_color = std::nullopt) {
    std::vector<std::vector<std::string>> lines;
    const double height = row_height(columns, cells, st, &lines);
    need(height);
    draw_lines(columns, cells, st, fill_color, lines, height);
  }

  // A table's header row, repeated after a page break until end_table().
  void begin_table(const std::vector<double>& columns, std::vector<Cell> cells) {
    const TextStyle& st = style("table_header");
    // The header and at least two rows stay together.
    need(row_height(columns, cells, st, nullptr) + 2 * line_height(style("line")) + 8);
    table_header_ = Row{columns, std::move(cells), &st, color("fill_header")};
    draw_row(columns, table_header_->cells, st, table_header_->fill);
  }
  void end_table() {
    table_header_.reset();
    rule(y_);
    y_ += 4;
  }

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

  // ---- sections ----

  void header() {
    const TextStyle& title = style("title");
    const TextStyle& period = style("period");
    const TextStyle& body = style("body");
    text(left_, y_ + ascent(title) + 2, label("title"), title);
    text_right(right_, y_ + ascent(period),
               fill(label("period"), {{"from", slip_.month.first_day().french()},
                                      {"to", slip_.month.last_day().french()}}),
               period);
    text_right(right_, y_ + line_height(period) + ascent(body),
               fill(label("payment_date"), {{"date", doc_.payment_date.french()}}), body);
    y_ += std::max(title.size * 1.3 + 2, line_height(period) + line_height(body)) + 4;
    rule(y_, 1.2);
    y_ += 8;
  }

  // A box of lines: (caption, value) pairs; an empty caption prints the value alone.
  struct BoxLine {
    std::string caption;
    std::string value;
    const TextStyle* style;
  };

  std::vector<std::pair<std::string, const TextStyle*>> box_text(const std::vector<BoxLine>& in,
                                                                 double width) const {
    std::vector<std::pair<std::string, const TextStyle*>> out;
    for (const BoxLine& l : in) {
      const std::string s = l.caption.empty() ? l.value : l.caption + " : " + l.value;
      for (std::string& part : wrap(s, width, *l.style)) {
        out.emplace_back(std::move(part), l.style);
      }
    }
    return out;
  }

  void parties() {
    const auto& widths = layout_.columns_of("parties");
    const double w1 = widths.at(0);
    const double x2 = left_ + w1 + (widths.size() > 2 ? widths[1] : 0);
    const double w2 = widths.size() > 2 ? widths[2] : widths.back();
    const TextStyle& name = style("party_name");
    const TextStyle& body = style("body");
    const TextStyle& small = style("small");

    const config::GeIdentity& ge = doc_.ge;
    std::vector<BoxLine> employer = {{"", ge.name, &name}};
    if (!ge.legal_form.empty()) {
      employer.push_back({"", ge.legal_form, &small});
    }
    for (const std::string& l : address_lines(ge.address)) {
      employer.push_back({"", l, &body});
    }
    employer.push_back(
        {label("siret"), siret_text(ge.siret) + "    " + label("naf") + " : " + ge.naf, &body});
    if (!ge.urssaf_account.empty()) {
      employer.push_back({label("urssaf"), ge.urssaf_account, &body});
    }
    std::string convention = fill(label("idcc"), {{"code", ge.idcc}});
    if (auto title = layout_.labels.find("idcc." + ge.idcc); title != layout_.labels.end()) {
      convention += " — " + title->second;
    }
    employer.push_back({label("convention"), convention, &body});

    const registry::Employee& e = doc_.employee;
    std::vector<BoxLine> employee = {{"", e.full_name(), &name}};
    for (const std::string& l : address_lines(e.address)) {
      employee.push_back({"", l, &body});
    }
    employee.push_back({label("number"), e.number, &body});
    if (!e.nir.empty()) {
      employee.push_back({label("nir"), nir_text(e.nir), &body});
    }
    // The employment: job and classification in force at the end of the month (amendments
    // applied), status, entry date, contract and hours.
    const registry::Contract& c = doc_.contract;
    Date day = slip_.month.last_day();
    if (c.end && *c.end < day) {
      day = *c.end;
    }
    const registry::ContractTerms terms = c.terms_at(day);
    std::string contract =
        label(c.kind == registry::ContractKind::Cdi ? "contract_cdi" : "contract_cdd");
    if (c.kind == registry::ContractKind::Cdd && c.end) {
      contract += ' ';
      contract += fill(label("contract_until"), {{"date", c.end->french()}});
    }
    const std::string gap = "    ";
    employee.push_back({label("job"), terms.job_title, &body});
    employee.push_back({label("classification"), terms.classification, &body});
    employee.push_back(
        {label("status"),
         label(c.status == registry::Status::Cadre ? "status_cadre" : "status_non_cadre") + gap +
             label("entry_date") + " : " + c.start.french(),
         &body});
    employee.push_back(
        {label("contract"),
         contract + gap + label("hours") + " : " +
             fill(label("hours_value"),
                  {{"weekly", hours_text(slip_.weekly_hours, true)},
                   {"monthly", hours_text(Hours::monthly_from_weekly(slip_.weekly_hours))}}),
         &body});

    const auto left_lines = box_text(employer, w1 - 12);
    const auto right_lines = box_text(employee, w2 - 12);
    const TextStyle& box_title = style("box_title");
    const double band = line_height(box_title) + 3;
    auto height_of = [](const std::vector<std::pair<std::string, const TextStyle*>>& lines) {
      double h = 0;
      for (const auto& l : lines) {
        h += l.second->size * 1.3;
      }
      return h;
    };
    const double height = band + std::max(height_of(left_lines), height_of(right_lines)) + 8;
    need(height);
    auto draw = [&](double x, double w, const std::string& title,
                    const std::vector<std::pair<std::string, const TextStyle*>>& lines) {
      box(x, y_, w, height, std::nullopt, color("rule"), 0.6);
      box(x, y_, w, band, color("fill_header"), std::nullopt);
      text(x + 6, y_ + 1.5 + ascent(box_title), title, box_title);
      double y = y_ + band + 3;
      for (const auto& [s, st] : lines) {
        text(x + 6, y + ascent(*st), s, *st);
        y += st->size * 1.3;
      }
    };
    draw(left_, w1, label("employer"), left_lines);
    draw(x2, w2, label("employee"), right_lines);
    y_ += height + 8;
  }

  void earnings() {
    const auto& columns = layout_.columns_of("lines");
    const TextStyle& line = style("line");
    begin_table(columns, {left(label("earnings")), right(label("count")), right(label("rate")),
                          right(label("amount")), left(""), left("")});
    for (const store::StoredLine& l : slip_.lines) {
      if (l.kind != "earning") {
        continue;
      }
      std::string name = l.label;
      if (l.employee_rate && !l.hours.is_zero()) {  // majorated hours
        name =
            fill(label("majorated"), {{"label", l.label}, {"rate", percent(*l.employee_rate, 0)}});
      }
      const bool by_hour = !l.hours.is_zero();
      row(columns,
          {left(name), right(by_hour ? hours_text(l.hours) + " h" : std::string()),
           right(by_hour ? per_hour(l.employee_amount, l.hours) : std::string()),
           right(amount(l.employee_amount)), left(""), left("")},
          line);
    }
    row(columns,
        {left(label("gross")), left(""), left(""), right(amount(slip_.totals.gross)), left(""),
         left("")},
        style("subtotal"), color("fill_total"));
    end_table();
  }

  void contribution_row(const std::vector<double>& columns, const store::StoredLine& l,
                        double indent, const std::string& caption = {},
                        const TextStyle* caption_style = nullptr,
                        std::optional<Color> fill_color = std::nullopt) {
    const bool has_employee = l.employee_rate || !l.employee_amount.is_zero();
    const bool has_employer = l.employer_rate || !l.employer_amount.is_zero();
    // An amount per hour (the employer's overtime deduction): the hours are the base and the
    // amount per hour the rate, "8,00 h × 1,50".
    std::string base = nonzero(l.base);
    std::string employer_rate = rate_text(l.employer_rate);
    if (employer_rate.empty() && has_employer && !l.hours.is_zero()) {
      employer_rate = base;
      base = hours_text(l.hours) + " h";
    }
    row(columns,
        {left(caption.empty() ? l.label : caption, caption_style, indent), right(base),
         right(rate_text(l.employee_rate)),
         right(has_employee ? amount(l.employee_amount) : std::string()), right(employer_rate),
         right(has_employer ? amount(l.employer_amount) : std::string())},
        style("line"), fill_color);
  }

  void group_row(const std::vector<double>& columns, const std::string& title) {
    // A heading with at least its first line on the same page.
    need(line_height(style("group")) + 2 + line_height(style("line")) + 2);
    row(columns, {left(title)}, style("group"), color("fill_group"));
  }

  static bool is_mandatory_group(const std::string& group) {
    return std::find_if(std::begin(kGroups), std::end(kGroups),
                        [&](const char* g) { return group == g; }) != std::end(kGroups);
  }

  void contributions() {
    const auto& columns = layout_.columns_of("lines");
    begin_table(columns, {left(label("contributions")), right(label("base")),
                          right(label("employee_rate")), right(label("employee_part")),
                          right(label("employer_rate")), right(label("employer_part"))});
    Money employee_total;
    Money employer_total;
    for (const char* group : kGroups) {
      std::vector<const store::StoredLine*> lines;
      for (const store::StoredLine& l : slip_.lines) {
        if (l.kind == "contribution" && l.group == group) {
          lines.push_back(&l);
          employee_total += l.employee_amount;
          employer_total += l.employer_amount;
        }
      }
      if (lines.empty()) {
        continue;
      }
      const std::string title = label(std::string("group.") + group);
      if (std::string(group) == "autres") {  // one line: the employer's total
        Money employer;
        for (const auto* l : lines) {
          employer += l->employer_amount;
        }
        row(columns, {left(title), left(""), left(""), left(""), left(""), right(amount(employer))},
            style("group"), color("fill_group"));
        continue;
      }
      if (lines.size() == 1) {  // one row: the group's title, with the line's label if another
        const store::StoredLine& l = *lines.front();
        contribution_row(columns, l, 0, l.label == title ? title : title + " — " + l.label,
                         &style("group"), color("fill_group"));
        continue;
      }
      group_row(columns, title);
      for (const auto* l : lines) {
        contribution_row(columns, *l, 8);
      }
    }
    row(columns,
        {left(label("total_contributions")), left(""), left(""), right(amount(employee_total)),
         left(""), right(amount(employer_total))},
        style("subtotal"), color("fill_total"));

    // Exemptions and reductions, then the optional and conventional contributions.
    bool first = true;
    for (const store::StoredLine& l : slip_.lines) {
      if (l.kind == "reduction") {
        if (first) {
          group_row(columns, label("reductions"));
          first = false;
        }
        contribution_row(columns, l, 8);
      }
    }
    first = true;
    for (const store::StoredLine& l : slip_.lines) {
      if (l.kind == "contribution" && !is_mandatory_group(l.group)) {
        if (first) {
          group_row(columns, label("optional"));
          first = false;
        }
        contribution_row(columns, l, 8);
      }
    }
    end_table();
  }

  // A shaded box with a caption and an amount in euros; `note` after the caption, in small type.
  void emphasised(const std::string& caption, Money value, const std::string& note) {
    const TextStyle& cs = style("emphasis_label");
    const TextStyle& vs = style("emphasis");
    const TextStyle& small = style("small");
    const double height = std::max(cs.size, vs.size) * 1.3 + 6;
    need(height + 5);
    box(left_, y_, right_ - left_, height, color("fill_emphasis"), color("rule"), 0.8);
    const double baseline = y_ + height / 2 + std::max(cs.size, vs.size) * 0.35;
    text(left_ + 8, baseline, caption, cs);
    if (!note.empty()) {
      text(left_ + 16 + text_width(caption, cs), baseline, "(" + note + ")", small);
    }
    text_right(right_ - 8, baseline, value.french(), vs);
    y_ += height + 5;
  }

  // A lighter total: caption and amount in euros on a shaded band.
  void total_line(const std::string& caption, Money value, const std::string& note) {
    const TextStyle& st = style("subtotal");
    const TextStyle& small = style("small");
    const double height = line_height(st) + 4;
    need(height + 3);
    box(left_, y_, right_ - left_, height, color("fill_total"), std::nullopt);
    const double baseline = y_ + 2 + ascent(st) + (line_height(st) - st.size) / 2;
    text(left_ + 8, baseline, caption, st);
    if (!note.empty()) {
      text(left_ + 16 + text_width(caption, st), baseline, "(" + note + ")", small);
    }
    text_right(right_ - 8, baseline, value.french(), st);
    y_ += height + 3;
  }

  // Two rows, the month and the year: gross, net taxable, rate, tax withheld, exempt overtime.
  void income_tax() {
    const auto& columns = layout_.columns_of("income_tax");
    const auto& t = slip_.totals;
    const auto& ytd = slip_.year_to_date;
    begin_table(columns, {left(label("income_tax")), right(label("gross_ytd")),
                          right(label("net_taxable")), right(label("tax_rate")),
                          right(label("tax_withheld")), right(label("overtime_exempt"))});
    const TextStyle& line = style("line");
    row(columns,
        {left(label("this_month")), right(amount(t.gross)), right(amount(t.net_taxable)),
         right(percent(slip_.income_tax_rate)), right(amount(t.income_tax)),
         right(amount(t.overtime_tax_exempt))},
        line);
    row(columns,
        {left(fill(label("year_to_date"), {{"year", std::to_string(slip_.month.year())}})),
         right(amount(ytd.gross)), right(amount(ytd.net_taxable)), left(""),
         right(amount(ytd.income_tax)), right(amount(ytd.overtime_tax_exempt))},
        line);
    end_table();
  }

  void adjustments() {
    const auto& columns = layout_.columns_of("lines");
    bool first = true;
    for (const store::StoredLine& l : slip_.lines) {
      if (l.kind != "adjustment") {
        continue;
      }
      if (first) {
        begin_table(columns, {left(label("adjustments")), left(""), left(""),
                              right(label("amount")), left(""), left("")});
        first = false;
      }
      row(columns,
          {left(l.label), left(""), left(""), right(amount(l.employee_amount)), left(""), left("")},
          style("line"));
    }
    if (!first) {
      end_table();
    }
  }

  std::string days(int value) const { return fill(label("days"), {{"days", hundredths(value)}}); }

  void leave() {
    const auto& columns = layout_.columns_of("leave");
    begin_table(columns,
                {left(label("leave")), right(label("leave_n1")), right(label("leave_n_earned")),
                 right(label("leave_taken")), right(label("leave_balance"))});
    row(columns,
        {left(fill(label("leave_earned_month"), {{"days", hundredths(slip_.leave_earned)}}),
              &style("small")),
         right(days(slip_.leave_n1_remaining)), right(days(slip_.leave_n_earned)),
         right(days(slip_.leave_taken)),
         right(days(slip_.leave_n1_remaining + slip_.leave_n_remaining))},
        style("line"));
    end_table();
  }

  void mention() {
    const TextStyle& st = style("mention");
    std::vector<std::string> lines = wrap(label("mention"), right_ - left_ - 12, st);
    for (std::string& l : wrap(label("mention_more"), right_ - left_ - 12, st)) {
      lines.push_back(std::move(l));
    }
    const double height = lines.size() * line_height(st) + 4;
    need(height);
    box(left_, y_, right_ - left_, height, std::nullopt, color("rule"), 0.5);
    double y = y_ + 2 + ascent(st) + (line_height(st) - st.size) / 2;
    for (const std::string& l : lines) {
      text(left_ + 6, y, l, st);
      y += line_height(st);
    }
    y_ += height;
  }

  const PayslipDocument& doc_;
  const store::StoredPayslip& slip_;
  const double bottom_;
  std::optional<Row> table_header_;
};

}  // namespace

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
