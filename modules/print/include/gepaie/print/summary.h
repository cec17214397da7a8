// The payroll journal of a month (journal de paie): one row per payslip with its totals, and
// what each member bears — its share of the cost and what it was invoiced. Gathered from the
// database once, then written as CSV or a PDF (reports/summary.yaml); `gepaie print summary`
// also prints it as a terminal table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"

namespace gepaie::print {

struct SummaryEmployee {
  std::string number;  // matricule; "Total" on the totals row
  std::string name;
  Hours hours;  // hours worked
  Money gross;
  Money employee_contributions;
  Money employer_contributions;  // after reductions
  Money net_before_tax;          // net à payer avant impôt sur le revenu
  Money income_tax;              // prélèvement à la source
  Money net_paid;
  Money total_cost;  // employer cost + other employer costs: what the split shares

  SummaryEmployee& operator+=(const SummaryEmployee& other);
};

struct SummaryMember {
  std::string siret;  // "Total" on the totals row
  std::string name;
  int employees = 0;  // distinct employees with a share
  Hours hours;        // approved hours at the member
  Money cost_share;   // its share of the month's employer cost (split)
  Money expenses;     // expenses incurred at the member (split)
  // From the month's invoices net of their credit notes (zero before the close):
  Money fee;        // management fee
  Money net_total;  // total HT
  Money vat;
  Money total;  // total TTC
  int invoices = 0;
  int credit_notes = 0;

  SummaryMember& operator+=(const SummaryMember& other);
};

struct PayrollSummary {
  Month month;
  bool closed = false;  // a closed month; else a draft pay run
  std::string ge_name;
  std::vector<SummaryEmployee> employees;  // by employee number
  SummaryEmployee employee_total;
  std::vector<SummaryMember> members;  // by SIRET: members with a share or an invoice
  SummaryMember member_total;
};

// CSV for a French spreadsheet (Excel or LibreOffice in a French locale open it with a double
// click): semicolon-separated, decimal comma without digit grouping ("1234,56"), hours as
// decimal hours ("151,67"), a header row, fields quoted when they hold ";" or quotes, CRLF line
// ends. Two tables one after the other, separated by an empty line: employees then members,
// each ending with its totals row. `bom`: starts with the UTF-8 byte-order mark, which Excel
// needs to read accents as UTF-8 (for files; leave it out on a pipe).
void write_summary_csv(std::ostream& out, const PayrollSummary& summary, bool bom);

// The journal on A4 pages (one or more), laid out by reports/summary.yaml.
void render_summary(PdfDocument& pdf, const Layout& layout, const PayrollSummary& summary);

// Decimal hours in French: 9100 min → "151,67".
std::string french_hours(Hours hours);

}  // namespace gepaie::print
