// The monthly close as one unit of work: checks, pay run, cost split, invoices and the lock of
// the month, in a single transaction. Killing the process at any moment leaves the month either
// fully closed or exactly as it was (the server rolls back an unfinished transaction); two closes
// of the same month at once: one goes ahead, the other gets a Conflict at once.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/payroll.h"
#include "gepaie/app/workspace.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/periods.h"

namespace gepaie::app {

struct CloseRequest {
  Month month;
  bool force = false;              // close despite working-time errors ...
  std::string reason;              // ... for this reason, recorded with the month
  std::optional<Date> issue_date;  // of the invoices; default the workspace's today
  // Called at each stage ("locked", "checked", "paid", "split", "invoiced", "closing"): progress
  // for the terminal (and, in test builds, the kill points of the crash test).
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
  std::string closed_by;  // the actor, as recorded
  int timesheets = 0;
  int violations = 0;  // working-time errors accepted with force
  PayRunReport pay_run;
  billing::MonthSplit split;
  std::vector<std::string> invoices;
  Reconciliation reconciliation;
  double check_seconds = 0;
  double split_seconds = 0;
  double invoice_seconds = 0;
  double commit_seconds = 0;
};

// Closes the month for the GE (`actor` must be the GE). Refuses (Conflict) a month already closed
// or being closed, timesheets not all approved, or working-time errors without `force` and a
// reason (BadInput when force has no reason).
CloseReport close_month(Workspace& workspace, const Actor& actor, const CloseRequest& request);

// The months that have a pay run or are closed, most recent first.
std::vector<store::PeriodState> list_periods(Workspace& workspace, const Actor& actor);

}  // namespace gepaie::app
