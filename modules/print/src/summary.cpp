// The payroll journal of a month: gathered from the payslips, the split and the invoices, then
// written as CSV or drawn on A4 pages (reports/summary.yaml).
#include "gepaie/print/summary.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "page_writer.h"

namespace gepaie::print {

SummaryEmployee& SummaryEmployee::operator+=(const SummaryEmployee& other) {
  hours += other.hours;
  gross += other.gross;
  employee_contributions += other.employee_contributions;
  employer_contributions += other.employer_contributions;
  net_before_tax += other.net_before_tax;
  income_tax += other.income_tax;
  net_paid += other.net_paid;
  total_cost += other.total_cost;
  return *this;
}

SummaryMember& SummaryMember::operator+=(const SummaryMember& other) {
  employees += other.employees;
  hours += other.hours;
  cost_share += other.cost_share;
  expenses += other.expenses;
  fee += other.fee;
  net_total += other.net_total;
  vat += other.vat;
  total += other.total;
  invoices += other.invoices;
  credit_notes += other.credit_notes;
  return *this;
}

std::string french_hours(Hours hours) {
  std::string text = hours.str();
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

PayrollSummary load_summary(store::Database& db, const config::Settings& settings, Month month) {
  PayrollSummary summary;
  summary.month = month;
  summary.ge_name = settings.ge.name;
  const auto payslips = store::load_payslips(db, month, std::nullopt, false);
  if (payslips.empty()) {
    throw Error(ErrorKind::NotFound, "no pay run for " + month.str() +
                                         ": run `gepaie payroll run --month " + month.str() +
                                         "` or `gepaie close --month " + month.str() + "` first");
  }
  summary.closed = store::month_closed(db, month);
  summary.employee_total.number = "Total";
  for (const auto& p : payslips) {
    SummaryEmployee row;
    row.number = p.employee_number;
    row.name = p.employee_name;
    row.hours = p.worked;
    row.gross = p.totals.gross;
    row.employee_contributions = p.totals.employee_contributions;
    row.employer_contributions = p.totals.employer_contributions;
    row.net_before_tax = p.totals.net_before_tax;
    row.income_tax = p.totals.income_tax;
    row.net_paid = p.totals.net_paid;
    row.total_cost = p.total_cost;
    summary.employee_total += row;
    summary.employees.push_back(std::move(row));
  }
  summary.employee_total.name = std::to_string(summary.employees.size()) + " salariés";

  std::map<std::string, SummaryMember> members;
  for (const auto& m : store::list_members(db)) {
    members[m.siret].siret = m.siret;
    members[m.siret].name = m.legal_name;
  }
  std::map<std::string, bool> shown;
  const auto split = store::month_split(db, month, settings.payroll.split_reference_months);
  for (const auto& t : split.totals) {
    SummaryMember& m = members[t.member_siret];
    m.siret = t.member_siret;
    m.employees = t.employees;
    m.hours = t.hours;
    m.cost_share = t.cost_share;
    m.expenses = t.expenses;
    shown[t.member_siret] = true;
  }
  for (const auto& invoice : store::list_invoices(db, month, std::nullopt)) {
    SummaryMember& m = members[invoice.member_siret];
    m.siret = invoice.member_siret;
    m.fee += invoice.fee;
    m.net_total += invoice.net_total;
    m.vat += invoice.vat;
    m.total += invoice.total;
    (invoice.credit ? m.credit_notes : m.invoices) += 1;
    shown[invoice.member_siret] = true;
  }
  summary.member_total.siret = "Total";
  for (auto& [siret, m] : members) {
    if (shown[siret]) {
      summary.member_total += m;
      summary.members.push_back(std::move(m));
    }
  }
  summary.member_total.name = std::to_string(summary.members.size()) + " adhérents";
  // Distinct employees over all members, not the sum of each member's count.
  std::map<std::string, bool> placed;
  for (const auto& share : split.shares) {
    if (share.hours.minutes() > 0 || !share.cost_share.is_zero()) {
      placed[share.employee_number] = true;
    }
  }
  summary.member_total.employees = static_cast<int>(placed.size());
  return summary;
}

// ---- CSV ------------------------------------------------------------------------------------

namespace {

std::string csv_money(Money money) {
  std::string text = money.str();
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(";\"\r\n") == std::string::npos) {
    return text;
  }
  std::string quoted = "\"";
  for (char c : text) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    out << (i == 0 ? "" : ";") << csv_field(fields[i]);
  }
  out << "\r\n";
}

std::vector<std::string> employee_fields(const SummaryEmployee& e) {
  return {e.number,
          e.name,
          french_hours(e.hours),
          csv_money(e.gross),
          csv_money(e.employee_contributions),
          csv_money(e.employer_contributions),
          csv_money(e.net_before_tax),
          csv_money(e.income_tax),
          csv_money(e.net_paid),
          csv_money(e.total_cost)};
}

std::vector<std::string> member_fields(const SummaryMember& m) {
  return {m.siret,
          m.name,
          std::to_string(m.employees),
          french_hours(m.hours),
          csv_money(m.cost_share),
          csv_money(m.expenses),
          csv_money(m.fee),
          csv_money(m.net_total),
          csv_money(m.vat),
          csv_money(m.total)};
}

}  // namespace

void write_summary_csv(std::ostream& out, const PayrollSummary& summary, bool bom) {
  if (bom) {
    out << "\xEF\xBB\xBF";
  }
  csv_row(out, {"Matricule", "Salarié", "Heures", "Brut", "Cotisations salariales",
                "Cotisations patronales", "Net avant impôt", "Impôt prélevé à la source",
                "Net payé", "Coût total employeur"});
  for (const auto& e : summary.employees) {
    csv_row(out, employee_fields(e));
  }
  csv_row(out, employee_fields(summary.employee_total));
  out << "\r\n";
  csv_row(out, {"SIRET adhérent", "Adhérent", "Salariés", "Heures", "Quote-part du coût",
                "Frais refacturés", "Frais de gestion", "Total HT", "TVA", "Total TTC"});
  for (const auto& m : summary.members) {
    csv_row(out, member_fields(m));
  }
  csv_row(out, member_fields(summary.member_total));
}

// ---- PDF ------------------------------------------------------------------------------------

namespace {

using detail::fill;
using detail::PageWriter;

struct PdfTable {
  std::string title_key;    // label of the table's title
  std::string columns_key;  // columns.<key> in the layout, also the prefix of the captions
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;
};

class SummaryWriter : PageWriter {
 public:
  SummaryWriter(PdfDocument& pdf, const Layout& layout, const PayrollSummary& summary, bool draw,
                int total_pages)
      : PageWriter(pdf, layout, draw, total_pages), summary_(summary) {}

  int run(const std::vector<PdfTable>& tables) {
    new_page();
    const TextStyle& title = style("title");
    const TextStyle& body = style("body");
    text(left_, y_ + title.size, fill(layout_.label("title"), {{"month", summary_.month.french()}}),
         title);
    y_ += leading(title);
    text(left_, y_ + body.size, summary_.ge_name, body);
    y_ += leading(body);
    text(left_, y_ + body.size, layout_.label(summary_.closed ? "state_closed" : "state_draft"),
         style("caption"));
    y_ += leading(body) + 10;
    for (const auto& table : tables) {
      draw_table(table);
    }
    return pages_;
  }

 private:
  static double leading(const TextStyle& style) { return style.size * 1.35; }
  double bottom() const {
    return PdfDocument::kHeight - layout_.margin_bottom - leading(style("footer")) - 8;
  }

  void new_page() {
    next_page();
    const TextStyle& st = style("footer");
    const double base = PdfDocument::kHeight - layout_.margin_bottom;
    rule(left_, base - st.size - 4, right_, base - st.size - 4, 0.4, style("rule").color);
    text(left_, base,
         fill(layout_.label("footer"),
              {{"ge", summary_.ge_name}, {"month", summary_.month.french()}}),
         st);
    text_right(right_, base,
               fill(layout_.label("page"),
                    {{"page", std::to_string(pages_)}, {"pages", std::to_string(page_count())}}),
               st);
  }

  std::vector<std::string> wrap(const std::string& text, double width, const TextStyle& st,
                                bool cut_words) const {
    return wrap_words(text, width, st, cut_words);
  }

  // The captions wrapped in their columns: one vector of lines per column.
  std::vector<std::vector<std::string>> header_lines(const std::vector<std::string>& captions,
                                                     const std::vector<double>& x) const {
    std::vector<std::vector<std::string>> lines;
    for (size_t i = 0; i < captions.size(); ++i) {
      lines.push_back(wrap(captions[i], x[i + 1] - x[i] - 6, style("table_header"), false));
    }
    return lines;
  }

  void header(const std::vector<std::vector<std::string>>& captions, const std::vector<double>& x) {
    const TextStyle& st = style("table_header");
    size_t count = 1;
    for (const auto& lines : captions) {
      count = std::max(count, lines.size());
    }
    const double h = count * leading(st) + 6;
    box(left_, y_, width_, h, style("fill_header").color, std::nullopt);
    for (size_t i = 0; i < captions.size(); ++i) {
      // Captions sit on the band's bottom line, like the numbers below them.
      double y = y_ + 3 + st.size + (count - captions[i].size()) * leading(st);
      for (const std::string& line : captions[i]) {
        if (i < 2) {
          text(x[i] + 3, y, line, st);
        } else {
          text_right(x[i + 1] - 3, y, line, st);
        }
        y += leading(st);
      }
    }
    y_ += h;
  }

  // The name (second cell) wrapped in its column; numbers and amounts stay on one line.
  std::vector<std::vector<std::string>> cell_lines(const std::vector<std::string>& cells,
                                                   const std::vector<double>& x,
                                                   const TextStyle& st) const {
    std::vector<std::vector<std::string>> lines;
    for (size_t i = 0; i < cells.size() && i + 1 < x.size(); ++i) {
      lines.push_back(i == 1 ? wrap(cells[i], x[i + 1] - x[i] - 6, st, true)
                             : std::vector<std::string>{cells[i]});
    }
    return lines;
  }

  double row_height(const std::vector<std::vector<std::string>>& lines, const TextStyle& st) const {
    size_t count = 1;
    for (const auto& cell : lines) {
      count = std::max(count, cell.size());
    }
    return count * leading(st) + 4;
  }

  void row(const std::vector<std::vector<std::string>>& lines, const std::vector<double>& x,
           const TextStyle& st, std::optional<Color> fill_color) {
    const double h = row_height(lines, st);
    if (fill_color) {
      box(left_, y_, width_, h, fill_color, std::nullopt);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      double base = y_ + 2 + st.size;
      for (const std::string& line : lines[i]) {
        if (i < 2) {
          text(x[i] + 3, base, line, st);
        } else {
          text_right(x[i + 1] - 3, base, line, st);
        }
        base += leading(st);
      }
    }
    y_ += h;
  }

  void draw_table(const PdfTable& table) {
    const auto& widths = layout_.columns_of(table.columns_key);
    if (widths.size() != table.total.size()) {
      throw Error(ErrorKind::Failure, layout_.name + ": columns." + table.columns_key + " needs " +
                                          std::to_string(table.total.size()) + " widths");
    }
    double sum = 0;
    for (double w : widths) {
      sum += w;
    }
    std::vector<double> x = {left_};
    for (double w : widths) {
      x.push_back(x.back() + w * width_ / sum);
    }
    std::vector<std::string> captions;
    for (size_t i = 0; i < widths.size(); ++i) {
      captions.push_back(layout_.label(table.columns_key + "_" + std::to_string(i + 1)));
    }
    const auto header_text = header_lines(captions, x);
    size_t header_count = 1;
    for (const auto& lines : header_text) {
      header_count = std::max(header_count, lines.size());
    }
    const TextStyle& heading = style("heading");
    const TextStyle& body = style("body");
    const TextStyle& total = style("total");
    const double header_h = header_count * leading(style("table_header")) + 6;
    const double row_h = leading(body) + 4;
    if (y_ + leading(heading) + 4 + header_h + 2 * row_h > bottom()) {
      new_page();
    }
    text(left_, y_ + heading.size, layout_.label(table.title_key), heading);
    y_ += leading(heading) + 4;
    header(header_text, x);
    bool shade = false;
    for (const auto& cells : table.rows) {
      const auto lines = cell_lines(cells, x, body);
      if (y_ + row_height(lines, body) > bottom()) {
        new_page();
        header(header_text, x);
        shade = false;
      }
      row(lines, x, body, shade ? std::optional<Color>(style("fill_light").color) : std::nullopt);
      shade = !shade;
    }
    const auto total_lines = cell_lines(table.total, x, total);
    if (y_ + row_height(total_lines, total) > bottom()) {
      new_page();
      header(header_text, x);
    }
    rule(left_, y_, right_, y_, 0.8, style("rule").color);
    row(total_lines, x, total, std::nullopt);
    y_ += 18;
  }

  const PayrollSummary& summary_;
};

std::vector<std::string> employee_cells(const SummaryEmployee& e) {
  auto money = [](Money m) {
    const std::string text = m.french();
    return text.substr(0, text.size() - std::string("\u00A0€").size());
  };
  return {e.number,
          e.name,
          french_hours(e.hours),
          money(e.gross),
          money(e.employee_contributions),
          money(e.employer_contributions),
          money(e.net_before_tax),
          money(e.income_tax),
          money(e.net_paid),
          money(e.total_cost)};
}

std::vector<std::string> member_cells(const SummaryMember& m) {
  auto money = [](Money value) {
    const std::string text = value.french();
    return text.substr(0, text.size() - std::string("\u00A0€").size());
  };
  return {m.siret,
          m.name,
          std::to_string(m.employees),
          french_hours(m.hours),
          money(m.cost_share),
          money(m.expenses),
          money(m.fee),
          money(m.net_total),
          money(m.vat),
          money(m.total)};
}

}  // namespace

void render_summary(PdfDocument& pdf, const Layout& layout, const PayrollSummary& summary) {
  std::vector<PdfTable> tables(2);
  tables[0].title_key = "employees_title";
  tables[0].columns_key = "employees";
  for (const auto& e : summary.employees) {
    tables[0].rows.push_back(employee_cells(e));
  }
  tables[0].total = employee_cells(summary.employee_total);
  tables[1].title_key = "members_title";
  tables[1].columns_key = "members";
  for (const auto& m : summary.members) {
    tables[1].rows.push_back(member_cells(m));
  }
  tables[1].total = member_cells(summary.member_total);
  detail::measure_then_draw([&](bool draw, int pages) {
    return SummaryWriter(pdf, layout, summary, draw, pages).run(tables);
  });
}

}  // namespace gepaie::print
