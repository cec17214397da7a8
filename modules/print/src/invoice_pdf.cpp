// A member's invoice or credit note on A4 (reports/invoice.yaml), with the mentions of CGI
// art. 242 nonies A and C. com. L441-9: both parties with their identifiers, number and dates,
// the lines with hours and unit prices, totals HT, the VAT breakdown (or the exemption), total
// TTC and the payment terms; then an annex of the days worked at the member.
//
// This file: the sections in the layout's order, the pages with their running header and
// footer (invoice_writer.h).
#include <map>
#include <string>

#include "gepaie/core/error.h"
#include "gepaie/print/render.h"
#include "invoice_writer.h"
#include "page_writer.h"

namespace gepaie::print {
namespace {

using detail::InvoiceWriter;
using detail::measure_then_draw;

}  // namespace

namespace detail {

int InvoiceWriter::run() {
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

double InvoiceWriter::paragraph(double x, double width, const std::string& s, const TextStyle& st) {
  double used = 0;
  for (const std::string& line : wrap(s, width, st)) {
    ensure(leading(st));
    text(x, y_ + st.size, line, st);
    y_ += leading(st);
    used += leading(st);
  }
  return used;
}

// ---- pages ------------------------------------------------------------------------------------

double InvoiceWriter::bottom() const {
  return PdfDocument::kHeight - layout_.margin_bottom - leading(style("footer")) * 2 - 6;
}

void InvoiceWriter::new_page(bool running_header) {
  next_page();
  footer();
  if (pages_ > 1 && running_header) {
    const TextStyle& st = style("caption");
    const std::map<std::string, std::string> values = {
        {"document", label(invoice_.credit ? "credit_title" : "invoice_title")},
        {"number", invoice_.number},
        {"member", doc_.member.legal_name},
        {"month", invoice_.month.french()}};
    text(
        left_, y_ + st.size,
        fit(fill(label(in_annex_ ? "running_header_annex" : "running_header"), values), width_, st),
        st);
    y_ += leading(st) + 8;
  }
}

bool InvoiceWriter::ensure(double height) {
  if (y_ + height <= bottom()) {
    return false;
  }
  new_page();
  return true;
}

void InvoiceWriter::footer() {
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

}  // namespace detail

void render_invoice(PdfDocument& pdf, const Layout& layout, const InvoiceDocument& document) {
  measure_then_draw([&](bool draw, int pages) {
    return InvoiceWriter(pdf, layout, document, draw, pages).run();
  });
}

}  // namespace gepaie::print
