// The monthly close as one unit of work: checks, pay run, cost split, invoices and the lock of
// the month, in a single transaction. Killing the process at any moment leaves the month either
// fully closed or exactly as it was (the server rolls back an unfinished transaction); two closes
// of the same month at once: one goes ahead, the other gets a Conflict at once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/database.h"
#include "gepaie/store/payroll_store.h"

namespace gepaie::store {

struct CloseOptions {
  bool force = false;  // close despite working-time errors ...
  std::string reason;  // ... for this reason, recorded with the month
  std::string closed_by;
  Date issue_date;  // of the invoices
  staffing::WorkingTimeLimits limits;
  // Called at each stage ("locked", "checked", "paid", "split", "invoiced", "closing"): progress
  // for the terminal, and the kill points of the crash test.
  std::function<void(const std::string& stage)> stage;
};

struct Reconciliation {
  Money payslip_cost;        // total employer cost over the payslips
  Money shares;              // total of the members' shares
  Money cost_split_billed;   // cost-split members: employee lines (before fees and VAT)
  Money cost_split_shares;   // ... their shares (equal to the line above)
  Money coefficient_billed;  // coefficient members: employee lines (regularised at year end)
  Money coefficient_shares;  // ... their real shares
  Money expenses;            // billed to the members they were incurred at
  Money fees;
  Money vat;
  Money invoiced_total;  // TTC
  bool balanced() const { return payslip_cost == shares && cost_split_billed == cost_split_shares; }
};

struct CloseReport {
  Month month;
  int timesheets = 0;
  int violations = 0;  // working-time errors accepted with --force
  PayRunReport pay_run;
  MonthSplit split;
  std::vector<std::string> invoices;
  Reconciliation reconciliation;
  double check_seconds = 0;
  double split_seconds = 0;
  double invoice_seconds = 0;
  double commit_seconds = 0;
};

// Closes `month`. Refuses (Conflict) a month already closed or being closed, timesheets not all
// approved, or working-time errors without `force` and a reason (BadInput when force has no
// reason).
CloseReport close_month(Database& db, const payroll::RateBook& rates,
                        const config::Settings& settings, Month month, const CloseOptions& options);

}  // namespace gepaie::store
