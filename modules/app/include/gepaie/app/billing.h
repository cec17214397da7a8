// Use cases of billing: the cost split, the year-end regularisation, invoices and credit notes,
// regularisation lines, expenses.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/payroll_store.h"

namespace gepaie::app {

struct SplitView {
  billing::MonthSplit split;
  std::map<std::string, std::string> member_names;  // by SIRET
};
// The month's split: stored when the month is closed, else computed from the draft pay run (the
// GE only).
SplitView month_split(Workspace& workspace, const Actor& actor, Month month);

// The GE's VAT regime on `day` from the settings and the rates (billing::vat_regime): exempt with
// its mention, or the standard rate of the rates file covering `day` (none: BadInput).
billing::VatSettings vat_settings(const config::Settings& settings, const payroll::RateBook& rates,
                                  Date day);

struct RegularisationView {
  std::vector<billing::Regularisation> rows;
  std::map<std::string, std::string> member_names;
};
RegularisationView year_regularisation(Workspace& workspace, const Actor& actor, int year);

// Invoices and credit notes: the GE sees all, a member user its firm's.
std::vector<store::StoredInvoice> list_invoices(Workspace& workspace, const Actor& actor,
                                                const std::optional<Month>& month,
                                                std::optional<std::string> member);
store::StoredInvoice invoice(Workspace& workspace, const Actor& actor, const std::string& number);

struct CreditRequest {
  std::string number;              // the invoice to cancel
  std::vector<int> positions;      // only these lines (1-based); empty: the whole invoice
  std::string reason;              // required
  std::optional<Date> issue_date;  // default today
};
// Issues a credit note (the GE only), recorded with the actor, numbered in the settings' credit
// series: billing::plan_credit on the locked invoice, in one transaction. An invoice already fully
// credited, a line already credited, a credit note: Conflict; unknown number: NotFound.
store::StoredInvoice credit_invoice(Workspace& workspace, const Actor& actor,
                                    const CreditRequest& request);
// The same on a database, in the series `credit_prefix`, recorded as `issued_by` (the tests).
store::StoredInvoice credit_invoice(store::Database& db, const std::string& credit_prefix,
                                    const CreditRequest& request, Date issue_date,
                                    const std::string& issued_by);

void add_invoice_adjustment(Workspace& workspace, const Actor& actor,
                            const store::InvoiceAdjustment& adjustment);
std::vector<store::InvoiceAdjustment> invoice_adjustments(Workspace& workspace, const Actor& actor,
                                                          Month month);

void add_expense(Workspace& workspace, const Actor& actor, const store::Expense& expense);
std::vector<store::Expense> list_expenses(Workspace& workspace, const Actor& actor, Month month);

}  // namespace gepaie::app
