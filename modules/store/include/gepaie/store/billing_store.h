// The cost split and the invoices in the database: what a month's split is computed from (its
// payslips and approved hours) and the split the close stored, invoice numbering (continuous, no
// gaps, in the issuing transaction), credit notes, listings and the year-end regularisation of
// coefficient members.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/billing/invoice.h"
#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

// The split the close stored (closed = true): its shares and the payslips' total cost; the totals
// per member are left to billing::with_totals.
billing::MonthSplit load_closed_split(Database& db, Month month);
// What the split of `month` is computed from: each payslip's employer cost and hourly rate
// (employee number order) with the approved hours worked at each member in the month, the members
// the contract lists and the expenses incurred at each member. Empty: no pay run for the month.
std::vector<billing::EmployeeCost> load_split_costs(Database& db, Month month);
// Approved hours worked per employee number and member SIRET over the months [from, to].
std::map<std::string, std::vector<billing::MemberHours>> approved_hours(Database& db, Month from,
                                                                        Month to);
void store_split(Database& db, const billing::MonthSplit& split);  // inside the close's transaction

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

// What the month's invoices are built from, besides the split: the members (legal-name order),
// the regularisation lines of the month not invoiced yet (by member SIRET) and the employees'
// names as invoices print them.
struct InvoicingInputs {
  std::vector<registry::Member> members;
  std::map<std::string, std::vector<InvoiceAdjustment>> pending;
  billing::EmployeeLabels employee_names;
};
InvoicingInputs load_invoicing_inputs(Database& db, Month month);

// One invoice of the month to store, with the regularisation lines it invoices.
struct NewInvoice {
  std::string member_siret;
  billing::InvoiceDraft draft;
  Date due;
  std::vector<int64_t> adjustment_ids;
};
// Stores `invoices` numbered in the series `invoice_prefix` of the issue year, in their order,
// and marks their regularisation lines invoiced; returns the numbers. Inside the caller's
// transaction.
std::vector<std::string> insert_month_invoices(Database& db,
                                               const std::vector<NewInvoice>& invoices,
                                               const std::string& invoice_prefix, Date issue_date,
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

int64_t add_invoice_adjustment(Database& db, const InvoiceAdjustment& adjustment);
std::vector<InvoiceAdjustment> list_invoice_adjustments(Database& db, Month month);

// Coefficient members over a calendar year (SIRET order): their employee lines billed (invoices
// net of credit notes) and their real cost shares of the closed months; billing::regularise
// compares them.
struct CoefficientYear {
  std::vector<billing::MemberAmount> invoiced;
  std::vector<billing::MemberAmount> shares;
};
CoefficientYear load_coefficient_year(Database& db, int year);

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
