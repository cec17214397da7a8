// The body of the invoice (invoice_writer.h): the lines table by kind under a header repeated
// on every page, the totals with the VAT breakdown or the exemption, and the payment terms.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/print/summary.h"
#include "invoice_writer.h"

namespace gepaie::print::detail {
namespace {

using billing::InvoiceLineKind;

// 6.9 % → "6,9 %" (non-breaking space before the sign).
std::string percent(Rate rate) {
  std::string text = rate.percent_str();
  std::replace(text.begin(), text.end(), '.', ',');
  return text + "\u00A0%";
}

const char* group_key(InvoiceLineKind kind) {
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

}  // namespace

std::vector<double> InvoiceWriter::edges(const std::vector<double>& widths) const {
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

void InvoiceWriter::table_header(const std::vector<double>& x,
                                 const std::vector<std::string>& captions, bool continued) {
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

void InvoiceWriter::lines() {
  const auto x = edges(layout_.columns_of("lines"));
  if (x.size() != 5) {
    throw Error(ErrorKind::Failure, layout_.name +
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

void InvoiceWriter::totals() {
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

void InvoiceWriter::payment() {
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
  text(left_, y_ + heading.size, label(invoice_.credit ? "credit_payment_title" : "payment_title"),
       heading);
  y_ += leading(heading) + 1;
  rule(left_, y_, right_, y_, 0.6, color("accent"));
  y_ += 4;
  for (const auto& [line, st] : lines) {
    paragraph(left_, width_, line, *st);
    y_ += 1;
  }
  y_ += 10;
}

}  // namespace gepaie::print::detail
