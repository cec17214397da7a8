// The month's cost split and invoices from what the store reads, shared by the close and the
// reading use cases: the sequencing of the store and the billing rules.
#pragma once

#include <string>
#include <vector>

#include "gepaie/billing/invoice.h"
#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/store/database.h"

namespace gepaie::app::internal {

// The split of `month` computed from its payslips (whatever the month's state; the close uses it):
// each employee's cost shared by the approved hours of the month, else by those of the
// `reference_months` before it, else equally among the contract's members. NotFound when the month
// has no pay run.
billing::MonthSplit compute_split(store::Database& db, Month month, int reference_months);

// The stored split of a closed month, else compute_split.
billing::MonthSplit month_split(store::Database& db, Month month, int reference_months);

// Issues the month's invoices inside the caller's transaction: one per member with shares or
// pending regularisation lines (billing::build_month_invoice), in the members' legal-name order,
// numbered in the series `invoice_prefix`, due after the member's payment days; returns their
// numbers.
std::vector<std::string> issue_month_invoices(store::Database& db, const billing::MonthSplit& split,
                                              const std::string& invoice_prefix,
                                              const billing::VatSettings& vat, Date issue_date,
                                              const std::string& issued_by);

}  // namespace gepaie::app::internal
