// The documents of a month as the printed forms show them, gathered for the actor: payslips,
// invoices and credit notes with their annex, the payroll journal.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/payslip_files.h"
#include "gepaie/print/summary.h"

namespace gepaie::app {

// The month's payslips (one employee with `employee`), by employee number. NotFound when the
// month has no pay run. The GE sees every payslip; an employee only their own.
std::vector<print::PayslipDocument> payslip_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> employee);

// Prints the month's payslips (one employee with `employee`) as PDF files in `out`, made private
// (0700 when created, files 0600), with `combined` all of them in one more file; the layout is
// reports/payslip.yaml beside the configuration (GEPAIE_REPORTS_DIR names another folder).
// Progress through the workspace. Same access as payslip_documents. BadInput when there is no
// layout or `out` cannot be made.
struct PrintPayslipsRequest {
  Month month;
  std::optional<std::string> employee;
  std::filesystem::path out;
  bool combined = false;
};
struct PrintedPayslips {
  print::PayslipFiles files;
  std::vector<std::string> employees;  // the employee of each file
  bool month_closed = false;           // false: the payslips of the draft pay run
  bool out_open_to_others = false;     // `out` existed and other users can list it
};
PrintedPayslips print_payslips(Workspace& workspace, const Actor& actor,
                               const PrintPayslipsRequest& request);

// The month's invoices then credit notes (one member with `member`), in number order. The GE
// sees every invoice; a member user only its firm's.
std::vector<print::InvoiceDocument> invoice_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> member);

// The payroll journal and the members' totals (the GE only).
print::PayrollSummary payroll_summary(Workspace& workspace, const Actor& actor, Month month);

}  // namespace gepaie::app
