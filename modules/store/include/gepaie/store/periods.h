// Months as the close sees them: open (the default, no row needed) or closed. A closed month
// refuses every change; writers check it inside their transaction with a shared lock, so a
// concurrent close either waits for them or makes them fail.
#pragma once

#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

struct PeriodState {
  Month month;
  bool closed = false;
  std::string pay_run_at;  // "" when no pay run
  std::string closed_at;
  std::string closed_by;
  std::string forced_reason;
};

// Throws Error(Conflict) "2026-11 is closed ..." when the month is closed. Call it inside the
// transaction that changes the month: it takes a shared lock on the month's row (or its gap).
void ensure_month_open(Database& db, Month month, const std::string& what);

// Makes sure the month has its row (autocommit, before the transaction that locks it), so that
// lock_month can take a row lock that serializes pay runs, closes and timesheet changes.
void prepare_month(Database& db, Month month);
// Inside a transaction: locks the month's row for update; Conflict when it is closed.
void lock_month(Database& db, Month month, const std::string& what);

// Months are paid in order: a pay run or a close of `month` is refused (Conflict) when a later
// month is already closed (its cumulatives and leave balances would miss this one); a close
// also when an earlier month has a draft pay run that is not closed yet.
void ensure_paid_in_order(Database& db, Month month, bool closing);

// The months that have a pay run or are closed, most recent first.
std::vector<PeriodState> list_periods(Database& db);
bool month_closed(Database& db, Month month);

}  // namespace gepaie::store
