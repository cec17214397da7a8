// The invoice writer, shared by the files that draw its parts: invoice_pdf.cpp (the sections in
// the layout's order, the pages and their footer), invoice_parties.cpp (seller, references,
// buyer, the credit note's notice), invoice_lines.cpp (the lines, totals and VAT, payment terms)
// and invoice_annex.cpp (the days worked at the member).
//
// Rendering runs twice: a first pass only counts pages (nothing is drawn) so that every footer
// can say "page 2/3", the second draws. Both passes take the same decisions.
#pragma once

#include <string>
#include <vector>

#include "gepaie/print/documents.h"
#include "page_writer.h"

namespace gepaie::print::detail {

class InvoiceWriter : PageWriter {
 public:
  InvoiceWriter(PdfDocument& pdf, const Layout& layout, const InvoiceDocument& document, bool draw,
                int total_pages)
      : PageWriter(pdf, layout, draw, total_pages), doc_(document), invoice_(document.invoice) {}

  // Renders the document; returns the number of pages it took.
  int run();

 private:
  static double leading(const TextStyle& style) { return style.size * 1.35; }
  std::vector<std::string> wrap(const std::string& s, double width, const TextStyle& st) const {
    return wrap_all(s, width, st);
  }

  // Writes `s` wrapped from the current position; returns the height used.
  double paragraph(double x, double width, const std::string& s, const TextStyle& st);

  // ---- pages (invoice_pdf.cpp)

  double bottom() const;
  // A new page with its footer; a page that continues the invoice or its annex starts with a
  // reminder of the document, so that a loose page still says what it belongs to.
  void new_page(bool running_header = true);
  // Starts a new page unless `height` still fits above the footer.
  bool ensure(double height);
  void footer();

  // ---- seller, buyer, credit note (invoice_parties.cpp)

  void header();
  void parties();
  void credit();

  // ---- lines, totals, payment (invoice_lines.cpp)

  // The table's column edges: x of each column's left side, plus the right edge.
  std::vector<double> edges(const std::vector<double>& widths) const;
  void table_header(const std::vector<double>& x, const std::vector<std::string>& captions,
                    bool continued);
  void lines();
  void totals();
  void payment();

  // ---- the annex (invoice_annex.cpp)

  void annex();

  const InvoiceDocument& doc_;
  const store::StoredInvoice& invoice_;
  bool in_annex_ = false;
};

}  // namespace gepaie::print::detail
