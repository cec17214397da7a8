// The cost split and the invoices in the database: the split of a month from its payslips and
// approved hours, invoice numbering (continuous, no gaps, in the issuing transaction), credit
// notes, listings and the year-end regularisation of coefficient members.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/billing/invoice.h"
#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

struct MonthSplit {
  Month month;
  bool closed = false;  // read from the close's stored shares; else computed from the draft run
  std::vector<billing::Share> shares;
  std::vector<billing::MemberTotal> totals;
  Money payslip_total_cost;  // the sum over payslips (must equal the sum of shares)
  Money expenses;
};

// The month's split: the stored one of a closed month, else computed from the month's payslips
// (NotFound when there is no pay run). `reference_months`: the window of the fallback basis.
MonthSplit month_split(Database& db, Month month, int reference_months);
// Computes it from the payslips, whatever the month's state (the close uses it).
MonthSplit compute_split(Database& db, Month month, int reference_months);
void store_split(Database& db, const MonthSplit& split);  // inside the close's transaction

struct StoredInvoiceLine {
  billing::InvoiceLineKind kind = billing::InvoiceLineKind::Employee;
  std::string employee_number;
  std::string label;
  Hours hours;
  Money unit_price;
  Money amount;
};

struct StoredInvoice {
  int64_t id = 0;
  std::string number;
  bool credit = false;
  std::string member_siret;
  std::string member_name;
  Month month;
  Date issue_date;
  Date due_date;
  registry::BillingModel model = registry::BillingModel::CostSplit;
  Money cost_share, lines_total, fee, net_total;
  Rate vat_rate;
  Money vat, total;
  std::string vat_mention;
  std::string credited_number;  // credit note: the invoice it cancels
  std::string reason;
  std::string issued_by;  // the actor, as recorded
  std::vector<StoredInvoiceLine> lines;
};

// The next number of `prefix` for the year: "FA-2026-000123". Locks the series' counter row
// until the transaction ends, so concurrent issuers wait and numbers stay continuous; a rolled
// back transaction gives its numbers back. Call inside a transaction; the counter row must exist
// (prepare_series, outside the transaction).
std::string next_invoice_number(Database& db, const std::string& prefix, int year);
void prepare_series(Database& db, const std::string& prefix, int year);

// Issues the month's invoices (billing::build_month_invoice: one per member with shares or
// pending regularisation lines), numbered in the series `invoice_prefix` in member order; the
// regularisation lines are marked invoiced. Inside the caller's transaction.
std::vector<std::string> issue_invoices(Database& db, Month month, const MonthSplit& split,
                                        const std::string& invoice_prefix,
                                        const billing::VatSettings& vat, Date issue_date,
                                        const std::string& issued_by);

// What a credit note of the invoice `number` is built from: the invoice, locked (SELECT ... FOR
// UPDATE, inside the caller's transaction) so that two credit notes of it are serialized, as
// stored and as a draft; what its earlier credit notes took; the member's billing agreement.
// NotFound when there is no such invoice.
struct CreditBasis {
  StoredInvoice invoice;
  billing::InvoiceDraft draft;
  billing::CreditedSoFar so_far;
  registry::BillingAgreement agreement;
};
CreditBasis lock_for_credit(Database& db, const std::string& number);

// Stores `note`, the credit note of `invoice`, numbered in the series `credit_prefix` (prepared
// with prepare_series), inside the caller's transaction; returns it as stored.
StoredInvoice insert_credit_note(Database& db, const StoredInvoice& invoice,
                                 const billing::CreditNote& note, const std::string& credit_prefix,
                                 Date issue_date, const std::string& reason,
                                 const std::string& issued_by);

std::vector<StoredInvoice> list_invoices(Database& db, const std::optional<Month>& month,
                                         const std::optional<std::string>& member);
StoredInvoice load_invoice(Database& db, const std::string& number);  // NotFound

// A regularisation line for a member's invoice of `month` (an open month): the correction of a
// closed month, plus or minus. Unknown member, zero amount, empty label: BadInput; closed month:
// Conflict.
struct InvoiceAdjustment {
  int64_t id = 0;
  std::string member_siret;
  Month month;
  Money amount;
  std::string label;
  std::string invoice_number;  // once invoiced
};
int64_t add_invoice_adjustment(Database& db, const InvoiceAdjustment& adjustment);
std::vector<InvoiceAdjustment> list_invoice_adjustments(Database& db, Month month);

// Coefficient members over a calendar year: billed (invoices net of credit notes) vs real cost
// shares of the closed months.
std::vector<billing::Regularisation> year_regularisation(Database& db, int year);

// Approved hours at `member_siret` per employee and day of `month`: work entries of approved
// timesheets, as the split counts them; by employee number and day.
struct ApprovedDay {
  std::string employee_number;
  std::string employee_name;
  Date day;
  Hours hours;
};
std::vector<ApprovedDay> approved_days(Database& db, const std::string& member_siret, Month month);

}  // namespace gepaie::store
