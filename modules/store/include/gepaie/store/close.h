// What the monthly close stores and reads besides the pay run, the split and the invoices: the
// close's lock, the approval state of the month's timesheets, the invoiced totals it reconciles
// and the closed mark. The close's workflow is app::close_month.
#pragma once

#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/money.h"
#include "gepaie/registry/records.h"
#include "gepaie/staffing/model.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

// A server-side lock named after the schema and the month, released when the object goes or the
// connection ends (also when the process is killed): a second close of the same month gets a
// Conflict at once instead of waiting.
class CloseLock {
 public:
  CloseLock(Database& db, Month month);
  ~CloseLock();
  CloseLock(const CloseLock&) = delete;
  CloseLock& operator=(const CloseLock&) = delete;

 private:
  Database& db_;
  std::string name_;
};

struct PendingTimesheet {
  std::string employee_number;
  std::string member_siret;
  staffing::TimesheetState state = staffing::TimesheetState::Draft;
};

struct TimesheetApproval {
  int total = 0;                                // the month's timesheets
  int pending = 0;                              // not approved
  std::vector<PendingTimesheet> first_pending;  // at most `listed`, by employee and member
};
TimesheetApproval timesheet_approval(Database& db, Month month, int listed);

// The month's invoices (credit notes left out) summed per billing model, with their employee and
// expense lines.
struct InvoicedModel {
  registry::BillingModel model = registry::BillingModel::CostSplit;
  Money cost_share, fee, vat, total;
  Money employee_lines;
  Money expense_lines;
};
struct InvoicedMonth {
  std::vector<InvoicedModel> by_model;
};
InvoicedMonth invoiced_month(Database& db, Month month);

// Inside the close's transaction, after lock_month: marks the month closed by `closed_by`, with
// the reason when it was forced (empty otherwise).
void mark_closed(Database& db, Month month, const std::string& closed_by,
                 const std::string& forced_reason);

}  // namespace gepaie::store
