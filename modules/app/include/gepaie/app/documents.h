// The documents of a month as the printed forms show them, gathered for the actor: payslips,
// invoices and credit notes with their annex, the payroll journal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/summary.h"

namespace gepaie::app {

// The month's payslips (one employee with `employee`), by employee number. NotFound when the
// month has no pay run. The GE sees every payslip; an employee only their own.
std::vector<print::PayslipDocument> payslip_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> employee);

// The month's invoices then credit notes (one member with `member`), in number order. The GE
// sees every invoice; a member user only its firm's.
std::vector<print::InvoiceDocument> invoice_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> member);

// The payroll journal and the members' totals (the GE only).
print::PayrollSummary payroll_summary(Workspace& workspace, const Actor& actor, Month month);

}  // namespace gepaie::app
