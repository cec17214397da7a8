// The printed documents, laid out by reports/*.yaml.
#pragma once

#include <filesystem>
#include <vector>

#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"

namespace gepaie::print {

// One payslip on `pdf` (one or more pages): reports/payslip.yaml.
void render_payslip(PdfDocument& pdf, const Layout& layout, const PayslipDocument& document);

// One invoice or credit note with its annex: reports/invoice.yaml.
void render_invoice(PdfDocument& pdf, const Layout& layout, const InvoiceDocument& document);

}  // namespace gepaie::print
