// A member's invoice or credit note on A4 (reports/invoice.yaml), with the mentions of CGI
// art. 242 nonies A and C. com. L441-9: both parties with their identifiers, number and dates,
// the lines with hours and unit prices, totals HT, the VAT breakdown (or the exemption), total
// TTC and the payment terms; then an annex of the days worked at the member.
//
// Rendering runs twice: a first pass only counts pages (nothing is drawn) so that every footer
// can say "page 2/3", the second draws. Both passes take the same decisions.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/print/render.h"
#include "gepaie/print/summary.h"
#include "page_writer.h"

namespace gepaie::print {
namespace {

using billing::InvoiceLineKind;
using detail::fill;
using detail::measure_then_draw;
using detail::PageWriter;

// 6.9 % → "6,9 %" (non-breaking space before the sign).
std::string percent(Rate rate) {
  std::string text = rate.percent_str();
  std::replace(text.begin(), text.end(), '.', ',');
  return text + "\u00A0%";
}

// "79012345900014" → "790 123 459 00014" (SIREN, then the establishment's NIC).
std::string siret_text(const std::string& siret) {
  if (siret.size() != 14) {
    return siret;
  }
  return siret.substr(0, 3) + " " + siret.substr(3, 3) + " " + siret.substr(6, 3) + " " +
         siret.substr(9);
}

const char* weekday_short(int iso) {
  static constexpr const char* kNames[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
  return kNames[(iso - 1) % 7];
}

std::vector<std::string> address_lines(const registry::Address& address) {
  std::vector<std::string> lines;
  if (!address.line1.empty()) {
    lines.push_back(address.line1);
  }
  if (!address.line2.empty()) {
    lines.push_back(address.line2);
  }
  std::string city = address.postcode;
  if (!address.city.empty()) {
    city += (city.empty() ? "" : " ") + address.city;
  }
  if (!address.country.empty() && address.country != "FR") {
    city += " (" + address.country + ")";
  }
  if (!city.empty()) {
    lines.push_back(city);
  }
  return lines;
}

class InvoiceWriter : PageWriter {
 public:
  InvoiceWriter(PdfDocument& pdf, const Layout& layout, const InvoiceDocument& document, bool draw,
                int total_pages)
      : PageWriter(pdf, layout, draw, total_pages), doc_(document), invoice_(document.invoice) {}

  // Renders the document; returns the number of pages it took.
  int run() {
    new_page();
    for (const std::string& section : layout_.sections) {
      if (section == "header") {
        header();
      } else if (section == "parties") {
        parties();
      } else if (section == "credit") {
        credit();
      } else if (section == "lines") {
        lines();
      } else if (section == "totals") {
        totals();
      } else if (section == "payment") {
        payment();
      } else if (section == "annex") {
        annex();
      } else {
        throw Error(ErrorKind::Failure, layout_.name + ": unknown invoice section \"" + section +
                                            "\" (header, parties, credit, lines, totals, "
                                            "payment, annex)");
      }
    }
    return pages_;
  }

 private:
  static double leading(const TextStyle& style) { return style.size * 1.35; }
  std::vector<std::string> wrap(const std::string& s, double width, const TextStyle& st) const {
    return wrap_all(s, width, st);
  }

  // Writes `s` wrapped from the current position; returns the height used.
  double paragraph(double x, double width, const std::string& s, const TextStyle& st) {
    double used = 0;
    for (const std::string& line : wrap(s, width, st)) {
      ensure(leading(st));
      text(x, y_ + st.size, line, st);
      y_ += leading(st);
      used += leading(st);
    }
    return used;
  }

  // ---- pages

  double bottom() const {
    return PdfDocument::kHeight - layout_.margin_bottom - leading(style("footer")) * 2 - 6;
  }

  // A new page with its footer; a page that continues the invoice or its annex starts with a
  // reminder of the document, so that a loose page still says what it belongs to.
  void new_page(bool running_header = true) {
    next_page();
    footer();
    if (pages_ > 1 && running_header) {
      const TextStyle& st = style("caption");
      const std::map<std::string, std::string> values = {
          {"document", label(invoice_.credit ? "credit_title" : "invoice_title")},
          {"number", invoice_.number},
          {"member", doc_.member.legal_name},
          {"month", invoice_.month.french()}};
      text(left_, y_ + st.size,
           fit(fill(label(in_annex_ ? "running_header_annex" : "running_header"), values), width_,
               st),
           st);
      y_ += leading(st) + 8;
    }
  }

  // Starts a new page unless `height` still fits above the footer.
  bool ensure(double height) {
    if (y_ + height <= bottom()) {
      return false;
    }
    new_page();
    return true;
  }

  void footer() {
    const TextStyle& st = style("footer");
    const double top = PdfDocument::kHeight - layout_.margin_bottom - leading(st) * 2;
    rule(left_, top - 4, right_, top - 4, 0.4, color("rule"));
    const auto& ge = doc_.ge;
    std::string identity = ge.name;
    if (!ge.legal_form.empty()) {
      identity += " · " + ge.legal_form;
    }
    std::string ids = label("siret") + " " + siret_text(ge.siret);
    if (!ge.vat_number.empty()) {
      ids += " · " + label("vat_number") + " " + ge.vat_number;
    }
    if (!ge.naf.empty()) {
      ids += " · " + label("naf") + " " + ge.naf;
    }
    const std::string page = fill(label("page"), {{"number", invoice_.number},
                                                  {"page", std::to_string(pages_)},
                                                  {"pages", std::to_string(page_count())}});
    const double page_width = text_width(page, st) + 12;
    text(left_, top + st.size, fit(identity, width_ - page_width, st), st);
    text(left_, top + st.size + leading(st), fit(ids, width_ - page_width, st), st);
    text_right(right_, top + st.size, page, st);
  }

  // ---- sections

  void header() {
    const auto& ge = doc_.ge;
    const double half = width_ * 0.55;
    // The seller, top left.
    double y = y_;
    const TextStyle& name = style("seller_name");
    for (const std::string& line : wrap(ge.name, half - 10, name)) {
      text(left_, y + name.size, line, name);
      y += leading(name);
    }
    const TextStyle& body = style("body");
    std::vector<std::string> lines;
    if (!ge.legal_form.empty()) {
      lines.push_back(ge.legal_form);
    }
    for (const std::string& line : address_lines(ge.address)) {
      lines.push_back(line);
    }
    lines.push_back(label("siret") + " " + siret_text(ge.siret) +
                    (ge.naf.empty() ? "" : " · " + label("naf") + " " + ge.naf));
    if (!ge.vat_number.empty()) {
      lines.push_back(label("vat_number") + " " + ge.vat_number);
    }
    std::string contact = ge.email;
    if (!ge.phone.empty()) {
      contact += (contact.empty() ? "" : " · ") + ge.phone;
    }
    if (!contact.empty()) {
      lines.push_back(contact);
    }
    for (const std::string& line : lines) {
      text(left_, y + body.size, fit(line, half - 10, body), body);
      y += leading(body);
    }
    // The document's title and references, top right.
    double ry = y_;
    const TextStyle& title = style("title");
    text_right(right_, ry + title.size, label(invoice_.credit ? "credit_title" : "invoice_title"),
               title);
    ry += leading(title) + 4;
    const TextStyle& caption = style("caption");
    const TextStyle& strong = style("strong");
    // A credit note is not paid by the member: no due date.
    std::vector<std::pair<std::string, std::string>> references = {
        {label("number"), invoice_.number}, {label("issue_date"), invoice_.issue_date.french()}};
    if (!invoice_.credit) {
      references.push_back({label("due_date"), invoice_.due_date.french()});
    }
    references.push_back({label("period"), invoice_.month.french()});
    const double value_x = right_ - 110;
    for (const auto& [key, value] : references) {
      text_right(value_x - 8, ry + strong.size, key, caption);
      text_right(right_, ry + strong.size, value, strong);
      ry += leading(strong) + 1;
    }
    y_ = std::max(y, ry) + 16;
  }

  void parties() {
    const auto& member = doc_.member;
    const TextStyle& caption = style("caption");
    const TextStyle& name = style("buyer_name");
    const TextStyle& body = style("body");
    const double gap = 16;
    const double box_w = width_ * 0.5;
    const double box_x = right_ - box_w;
    const double pad = 8;
    // The buyer, in a box on the right (where a window envelope shows it).
    const auto names = wrap(member.legal_name, box_w - 2 * pad, name);
    std::vector<std::string> lines = address_lines(member.address);
    lines.push_back(label("siret") + " " + siret_text(member.siret));
    if (!member.vat_number.empty()) {
      lines.push_back(label("vat_number") + " " + member.vat_number);
    }
    const double box_h = pad + leading(caption) + 2 + names.size() * leading(name) +
                         lines.size() * leading(body) + pad - 2;
    // What is billed, on the left.
    const double info_w = width_ - box_w - gap;
    std::vector<std::pair<std::string, std::string>> info = {
        {label("object"), fill(label("object_text"), {{"month", invoice_.month.french()}})},
        {label("billing_model"),
         label(invoice_.model == registry::BillingModel::Coefficient ? "model_coefficient"
                                                                     : "model_cost_split")}};
    if (!member.agreement_ref.empty()) {
      info.push_back({label("agreement"), member.agreement_ref});
    }
    ensure(box_h);
    const double top = y_;
    box(box_x, top, box_w, box_h, color("fill_light"), color("rule"));
    double y = top + pad;
    text(box_x + pad, y + caption.size, label("buyer"), caption);
    y += leading(caption) + 2;
    for (const std::string& line : names) {
      text(box_x + pad, y + name.size, line, name);
      y += leading(name);
    }
    for (const std::string& line : lines) {
      text(box_x + pad, y + body.size, fit(line, box_w - 2 * pad, body), body);
      y += leading(body);
    }
    double ly = top + pad;
    for (const auto& [key, value] : info) {
      text(left_, ly + caption.size, key, caption);
      ly += leading(caption);
      for (const std::string& line : wrap(value, info_w, body)) {
        text(left_, ly + body.size, line, body);
        ly += leading(body);
      }
      ly += 3;
    }
    y_ = std::max(top + box_h, ly) + 16;
  }

  void credit() {
    if (!invoice_.credit) {
      return;
    }
    const TextStyle& strong = style("strong");
    const TextStyle& body = style("body");
    const double pad = 8;
    const std::string first =
        fill(label("credit_cancels"), {{"invoice", invoice_.credited_number}});
    const auto reason =
        wrap(label("credit_reason") + " " + invoice_.reason, width_ - 2 * pad, body);
    const double h = 2 * pad + leading(strong) + reason.size() * leading(body) - 2;
    ensure(h);
    box(left_, y_, width_, h, color("fill_notice"), color("accent"));
    double y = y_ + pad;
    text(left_ + pad, y + strong.size, first, strong);
    y += leading(strong);
    for (const std::string& line : reason) {
      text(left_ + pad, y + body.size, line, body);
      y += leading(body);
    }
    y_ += h + 14;
  }

  // The table's column edges: x of each column's left side, plus the right edge.
  std::vector<double> edges(const std::vector<double>& widths) const {
    std::vector<double> x = {left_};
    double total = 0;
    for (double w : widths) {
      total += w;
    }
    const double scale = total > 0 ? width_ / total : 1;  // the widths fill the content width
    for (double w : widths) {
      x.push_back(x.back() + w * scale);
    }
    return x;
  }

  void table_header(const std::vector<double>& x, const std::vector<std::string>& captions,
                    bool continued) {
    const TextStyle& st = style("table_header");
    const double h = leading(st) + 8;
    box(left_, y_, width_, h, color("fill_header"), std::nullopt);
    const double base = y_ + 4 + st.size;
    for (size_t i = 0; i < captions.size(); ++i) {
      std::string caption = captions[i];
      if (i == 0 && continued) {
        caption += " " + label("continued");
      }
      if (i == 0) {
        text(x[i] + 5, base, caption, st);
      } else {
        text_right(x[i + 1] - 5, base, caption, st);
      }
    }
    y_ += h;
  }

  static const char* group_key(InvoiceLineKind kind) {
    switch (kind) {
      case InvoiceLineKind::Employee:
        return "group_employees";
      case InvoiceLineKind::Expense:
        return "group_expenses";
      case InvoiceLineKind::Regularisation:
        return "group_regularisations";
      case InvoiceLineKind::Fee:
        return "group_fee";
    }
    return "group_employees";
  }

  void lines() {
    const auto x = edges(layout_.columns_of("lines"));
    if (x.size() != 5) {
      throw Error(ErrorKind::Failure,
                  layout_.name +
                      ": columns.lines needs 4 widths (label, hours, unit price, "
                      "amount)");
    }
    const std::vector<std::string> captions = {label("col_label"), label("col_hours"),
                                               label("col_unit_price"), label("col_amount")};
    const TextStyle& body = style("body");
    const TextStyle& group = style("group");
    const double row_pad = 3.5;
    const double row_h = leading(body) + 2 * row_pad;
    ensure(leading(style("table_header")) + 8 + leading(group) + 6 + row_h);
    table_header(x, captions, false);
    for (InvoiceLineKind kind : {InvoiceLineKind::Employee, InvoiceLineKind::Expense,
                                 InvoiceLineKind::Regularisation, InvoiceLineKind::Fee}) {
      std::vector<const store::StoredInvoiceLine*> rows;
      for (const auto& line : invoice_.lines) {
        if (line.kind == kind) {
          rows.push_back(&line);
        }
      }
      if (rows.empty()) {
        continue;
      }
      // A group heading stays with its first row.
      if (ensure(leading(group) + 6 + row_h)) {
        table_header(x, captions, true);
      }
      y_ += 4;
      text(x[0] + 5, y_ + group.size, label(group_key(kind)), group);
      y_ += leading(group) + 2;
      for (const store::StoredInvoiceLine* line : rows) {
        const auto label_lines = wrap(line->label, x[1] - x[0] - 10, body);
        const double h = label_lines.size() * leading(body) + 2 * row_pad;
        if (ensure(h)) {
          table_header(x, captions, true);
        }
        double y = y_ + row_pad + body.size;
        for (const std::string& part : label_lines) {
          text(x[0] + 5, y, part, body);
          y += leading(body);
        }
        const double base = y_ + row_pad + body.size;
        if (!line->hours.is_zero()) {
          text_right(x[2] - 5, base, french_hours(line->hours), body);
        }
        if (!line->unit_price.is_zero()) {
          text_right(x[3] - 5, base, line->unit_price.french(), body);
        }
        text_right(x[4] - 5, base, line->amount.french(), body);
        y_ += h;
        rule(left_, y_, right_, y_, 0.3, color("rule"));
      }
    }
    y_ += 12;
  }

  void totals() {
    const TextStyle& body = style("body");
    const TextStyle& caption = style("caption");
    const TextStyle& total = style("total_on_band");
    const bool exempt = invoice_.vat_rate.ppm() == 0 && !invoice_.vat_mention.empty();
    const double block_w = std::min(240.0, width_ * 0.48);
    const double block_x = right_ - block_w;
    const double row_h = leading(body) + 5;
    const double height = 3 * row_h + leading(total) + 12;
    ensure(height + 10);
    const double top = y_;
    // The totals, on the right.
    double y = top;
    auto row = [&](const std::string& key, const std::string& value) {
      text(block_x + 6, y + 2.5 + body.size, key, body);
      text_right(right_ - 6, y + 2.5 + body.size, value, body);
      y += row_h;
      rule(block_x, y, right_, y, 0.3, color("rule"));
    };
    row(label("total_ht"), invoice_.net_total.french());
    if (exempt) {
      row(label("total_vat_exempt"), invoice_.vat.french());
    } else {
      row(fill(label("total_vat"), {{"rate", percent(invoice_.vat_rate)}}), invoice_.vat.french());
    }
    const double band = leading(total) + 10;
    box(block_x, y + 4, block_w, band, color("fill_total"), std::nullopt);
    const TextStyle& on_band = total;
    text(block_x + 6, y + 4 + 5 + on_band.size,
         label(invoice_.credit ? "total_ttc_credit" : "total_ttc"), on_band);
    text_right(right_ - 6, y + 4 + 5 + on_band.size, invoice_.total.french(), on_band);
    y += band + 4;
    // The VAT breakdown (or the exemption), on the left.
    const double left_w = width_ - block_w - 20;
    double ly = top;
    if (exempt) {
      text(left_, ly + caption.size, label("vat_breakdown"), caption);
      ly += leading(caption) + 2;
      for (const std::string& line : wrap(invoice_.vat_mention, left_w, style("strong"))) {
        text(left_, ly + style("strong").size, line, style("strong"));
        ly += leading(style("strong"));
      }
    } else {
      const auto widths = layout_.columns_of("vat");
      if (widths.size() != 3) {
        throw Error(ErrorKind::Failure,
                    layout_.name + ": columns.vat needs 3 widths (rate, base, amount)");
      }
      double sum = 0;
      for (double w : widths) {
        sum += w;
      }
      const double scale = std::min(1.0, left_w / sum);
      const double c1 = left_ + widths[0] * scale;
      const double c2 = c1 + widths[1] * scale;
      const double c3 = c2 + widths[2] * scale;
      text(left_, ly + caption.size, label("vat_breakdown"), caption);
      ly += leading(caption) + 2;
      rule(left_, ly, c3, ly, 0.4, color("rule"));
      text(left_ + 4, ly + 2.5 + caption.size, label("vat_rate"), caption);
      text_right(c2 - 4, ly + 2.5 + caption.size, label("vat_base"), caption);
      text_right(c3 - 4, ly + 2.5 + caption.size, label("vat_amount"), caption);
      ly += leading(caption) + 5;
      rule(left_, ly, c3, ly, 0.3, color("rule"));
      text(left_ + 4, ly + 2.5 + body.size, percent(invoice_.vat_rate), body);
      text_right(c2 - 4, ly + 2.5 + body.size, invoice_.net_total.french(), body);
      text_right(c3 - 4, ly + 2.5 + body.size, invoice_.vat.french(), body);
      ly += row_h;
      rule(left_, ly, c3, ly, 0.4, color("rule"));
      (void)c1;
    }
    y_ = std::max(y, ly) + 18;
  }

  void payment() {
    const TextStyle& heading = style("heading");
    const TextStyle& body = style("body");
    const TextStyle& strong = style("strong");
    std::vector<std::pair<std::string, const TextStyle*>> lines;
    const std::map<std::string, std::string> values = {
        {"due_date", invoice_.due_date.french()},
        {"number", invoice_.number},
        {"amount", doc_.recovery_fee.french()},
        {"iban", doc_.ge.iban.empty() ? "" : ids::format_iban(doc_.ge.iban)},
        {"holder", doc_.ge.name},
        // What a credit note owes the member: the amount, without the minus sign.
        {"total", (invoice_.credit ? -invoice_.total : invoice_.total).french()}};
    if (invoice_.credit) {
      lines.push_back({fill(label("credit_settlement"), values), &strong});
    } else {
      lines.push_back({fill(label("payment_due"), values), &strong});
      lines.push_back({label("no_discount"), &body});
      lines.push_back({doc_.invoicing.late_penalty, &body});
      lines.push_back({fill(label("recovery_fee"), values), &body});
    }
    // The GE's account, for the member's transfer (a credit note is the GE's debt: none).
    if (!invoice_.credit && !doc_.ge.iban.empty()) {
      lines.push_back({fill(label("iban"), values), &strong});
      lines.push_back({fill(label("account_holder"), values), &body});
      lines.push_back({fill(label("payment_reference"), values), &body});
    }
    double height = leading(heading) + 4;
    for (const auto& [line, st] : lines) {
      height += wrap(line, width_, *st).size() * leading(*st) + 1;
    }
    ensure(height);
    text(left_, y_ + heading.size,
         label(invoice_.credit ? "credit_payment_title" : "payment_title"), heading);
    y_ += leading(heading) + 1;
    rule(left_, y_, right_, y_, 0.6, color("accent"));
    y_ += 4;
    for (const auto& [line, st] : lines) {
      paragraph(left_, width_, line, *st);
      y_ += 1;
    }
    y_ += 10;
  }

  void annex() {
    if (invoice_.credit) {
      return;
    }
    new_page(false);
    in_annex_ = true;
    const TextStyle& title = style("annex_title");
    const TextStyle& body = style("body");
    const TextStyle& small = style("small");
    const TextStyle& strong = style("strong");
    const std::map<std::string, std::string> values = {{"number", invoice_.number},
                                                       {"member", doc_.member.legal_name},
                                                       {"month", invoice_.month.french()}};
    text(left_, y_ + title.size, fill(label("annex_title"), values), title);
    y_ += leading(title) + 2;
    paragraph(left_, width_, fill(label("annex_intro"), values), body);
    y_ += 8;
    if (doc_.annex.empty()) {
      paragraph(left_, width_, label("annex_none"), body);
      return;
    }
    // Days side by side in groups of (date, hours), filled column by column.
    const auto& widths = layout_.columns_of("annex");
    if (widths.size() != 2) {
      throw Error(ErrorKind::Failure,
                  layout_.name + ": columns.annex needs 2 widths (date, hours)");
    }
    const double gap = 14;
    const double group_w = widths[0] + widths[1];
    const int groups = std::max(1, static_cast<int>((width_ + gap) / (group_w + gap)));
    const double stride = (width_ + gap) / groups;
    const double row_h = leading(small) + 3;
    Hours grand_total;
    size_t i = 0;
    while (i < doc_.annex.size()) {
      size_t end = i;
      Hours total;
      while (end < doc_.annex.size() &&
             doc_.annex[end].employee_number == doc_.annex[i].employee_number) {
        total += doc_.annex[end].hours;
        ++end;
      }
      grand_total += total;
      const int count = static_cast<int>(end - i);
      const int rows = (count + groups - 1) / groups;
      const double head_h = leading(strong) + 8;
      ensure(head_h + rows * row_h + 10);
      box(left_, y_, width_, head_h, color("fill_light"), std::nullopt);
      const std::string who = doc_.annex[i].employee_number + " — " + doc_.annex[i].employee_name;
      text(left_ + 5, y_ + 4 + strong.size, who, strong);
      text_right(right_ - 5, y_ + 4 + strong.size,
                 fill(label("annex_employee_total"), {{"hours", french_hours(total)}}), strong);
      y_ += head_h + 2;
      for (int k = 0; k < count; ++k) {
        const AnnexDay& day = doc_.annex[i + k];
        const int column = k / rows;
        const int row = k % rows;
        const double x = left_ + column * stride;
        const double y = y_ + row * row_h + small.size + 1.5;
        text(x + 5, y, std::string(weekday_short(day.day.weekday())) + " " + day.day.french(),
             small);
        text_right(x + group_w - 5, y, french_hours(day.hours) + " h", small);
      }
      y_ += rows * row_h + 10;
      i = end;
    }
    ensure(leading(strong) + 8);
    rule(left_, y_, right_, y_, 0.6, color("accent"));
    y_ += 4;
    text(left_ + 5, y_ + strong.size, label("annex_grand_total"), strong);
    text_right(right_ - 5, y_ + strong.size, french_hours(grand_total) + " h", strong);
    y_ += leading(strong) + 4;
  }

  const InvoiceDocument& doc_;
  const store::StoredInvoice& invoice_;
  bool in_annex_ = false;
};

}  // namespace

void render_invoice(PdfDocument& pdf, const Layout& layout, const InvoiceDocument& document) {
  measure_then_draw([&](bool draw, int pages) {
    return InvoiceWriter(pdf, layout, document, draw, pages).run();
  });
}

}  // namespace gepaie::print
