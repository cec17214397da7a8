#include "gepaie/store/periods.h"

#include "gepaie/core/error.h"

namespace gepaie::store {

void ensure_month_open(Database& db, Month month, const std::string& what) {
  Rows rows = db.prepare("SELECT state FROM periods WHERE month = ? LOCK IN SHARE MODE")
                  .text(1, month.str())
                  .query();
  if (rows.next() && rows.text("state") == "closed") {
    throw Error(ErrorKind::Conflict,
                month.str() + " is closed: " + what +
                    " refused (corrections go through credit notes and next month's "
                    "regularisation)");
  }
}

void prepare_month(Database& db, Month month) {
  db.prepare("INSERT IGNORE INTO periods (month) VALUES (?)").text(1, month.str()).execute();
}

void lock_month(Database& db, Month month, const std::string& what) {
  Rows rows = db.prepare("SELECT state FROM periods WHERE month = ? FOR UPDATE")
                  .text(1, month.str())
                  .query();
  if (!rows.next()) {
    throw Error(ErrorKind::Failure, "internal: month " + month.str() + " was not prepared");
  }
  if (rows.text("state") == "closed") {
    throw Error(ErrorKind::Conflict, month.str() + " is closed: " + what + " refused");
  }
}

void ensure_paid_in_order(Database& db, Month month, bool closing) {
  Rows later = db.prepare(
                     "SELECT MIN(month) AS month FROM periods WHERE month > ? AND state = "
                     "'closed'")
                   .text(1, month.str())
                   .query();
  if (later.next() && !later.is_null("month")) {
    throw Error(ErrorKind::Conflict,
                later.text("month") + " is already closed: months are paid in order, " +
                    month.str() + " can no longer be paid (its figures belong in a later month)");
  }
  if (!closing) {
    return;
  }
  Rows earlier = db.prepare(
                       "SELECT MAX(month) AS month FROM periods WHERE month < ? AND state = "
                       "'open' AND pay_run_at IS NOT NULL")
                     .text(1, month.str())
                     .query();
  if (earlier.next() && !earlier.is_null("month")) {
    throw Error(ErrorKind::Conflict, "close " + earlier.text("month") +
                                         " first: its pay run is still a draft, and " +
                                         month.str() + "'s cumulatives start from it");
  }
}

std::vector<PeriodState> list_periods(Database& db) {
  std::vector<PeriodState> periods;
  Rows rows = db.prepare(
                    "SELECT month, state, pay_run_at, closed_at, closed_by, forced_reason "
                    "FROM periods ORDER BY month DESC")
                  .query();
  while (rows.next()) {
    periods.push_back({Month::parse(rows.text("month")), rows.text("state") == "closed",
                       rows.text("pay_run_at"), rows.text("closed_at"), rows.text("closed_by"),
                       rows.text("forced_reason")});
  }
  return periods;
}

bool month_closed(Database& db, Month month) {
  Rows rows = db.prepare("SELECT state FROM periods WHERE month = ?").text(1, month.str()).query();
  return rows.next() && rows.text("state") == "closed";
}

}  // namespace gepaie::store
