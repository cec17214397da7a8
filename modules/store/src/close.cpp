#include "gepaie/store/close.h"

#include <chrono>

#include "gepaie/core/error.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/staffing_store.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using internal::Clock;
using internal::seconds_since;

// A server-side lock named after the schema and the month, released when the connection ends
// (also when the process is killed): a second close fails at once instead of waiting.
class CloseLock {
 public:
  CloseLock(Database& db, Month month) : db_(db) {
    // Lock names are limited to 64 characters: the schema goes in as its MD5.
    Rows name = db_.prepare("SELECT CONCAT('gepaie-close-', ?, '-', MD5(?)) AS name")
                    .text(1, month.str())
                    .text(2, db.schema())
                    .query();
    name.next();
    name_ = name.text("name");
    Rows rows = db_.prepare("SELECT GET_LOCK(?, 0) AS got").text(1, name_).query();
    if (!rows.next() || rows.is_null("got") || rows.integer("got") != 1) {
      throw Error(ErrorKind::Conflict,
                  "another close of " + month.str() + " is running: try again when it is done");
    }
  }
  ~CloseLock() {
    try {
      db_.prepare("SELECT RELEASE_LOCK(?) AS released").text(1, name_).query();
    } catch (...) {
    }
  }

 private:
  Database& db_;
  std::string name_;
};

void check_timesheets(Database& db, Month month, CloseReport& report) {
  Rows counts = db.prepare(
                      "SELECT COUNT(*) AS total, COALESCE(SUM(state <> 'approved'), 0) AS pending "
                      "FROM timesheets WHERE month = ?")
                    .text(1, month.str())
                    .query();
  counts.next();
  report.timesheets = static_cast<int>(counts.integer("total"));
  const int64_t count = counts.integer("pending");
  if (count == 0) {
    return;
  }
  std::string pending;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, t.state FROM timesheets t JOIN employees e ON "
                    "e.id = t.employee_id JOIN members m ON m.id = t.member_id WHERE t.month = ? "
                    "AND t.state <> 'approved' ORDER BY e.number, m.siret LIMIT 10")
                  .text(1, month.str())
                  .query();
  while (rows.next()) {
    pending += "\n  " + rows.text("number") + " at " + rows.text("siret") + " (" +
               rows.text("state") + ")";
  }
  throw Error(ErrorKind::Conflict, std::to_string(count) + " timesheet(s) of " + month.str() +
                                       " not approved; the close needs every timesheet approved:" +
                                       pending + (count > 10 ? "\n  ..." : ""));
}

void check_working_time(Database& db, Month month, const CloseOptions& options,
                        CloseReport& report) {
  const auto input = check_input(db, month, options.limits.average_weeks);
  std::string listed;
  int errors = 0;
  for (const auto& violation : staffing::check_working_time(input, options.limits)) {
    if (violation.severity != staffing::Severity::Error) {
      continue;
    }
    if (++errors <= 10) {
      listed += "\n  " + violation.employee_number + ": " + violation.message;
    }
  }
  report.violations = errors;
  if (errors > 0 && !options.force) {
    throw Error(ErrorKind::Conflict,
                std::to_string(errors) + " working-time error(s) in " + month.str() + ":" + listed +
                    (errors > 10 ? "\n  ..." : "") +
                    "\nfix the timesheets, or close anyway with --force --reason \"...\"");
  }
}

// From what the transaction stored (two aggregate queries): the month's invoices are all this
// close's, since a month is closed once.
Reconciliation reconcile(Database& db, Month month, const MonthSplit& split) {
  Reconciliation r;
  r.payslip_cost = split.payslip_total_cost;
  for (const auto& total : split.totals) {
    r.shares += total.cost_share;
  }
  Rows invoices = db.prepare(
                        "SELECT billing_model, SUM(cost_share) AS cost_share, SUM(fee) AS fee, "
                        "SUM(vat) AS vat, SUM(total) AS total FROM invoices WHERE month = ? AND "
                        "kind = 'invoice' GROUP BY billing_model")
                      .text(1, month.str())
                      .query();
  while (invoices.next()) {
    const bool coefficient = invoices.text("billing_model") == "coefficient";
    (coefficient ? r.coefficient_shares : r.cost_split_shares) += invoices.money("cost_share");
    r.fees += invoices.money("fee");
    r.vat += invoices.money("vat");
    r.invoiced_total += invoices.money("total");
  }
  Rows lines = db.prepare(
                     "SELECT i.billing_model, l.kind, SUM(l.amount) AS amount FROM invoice_lines "
                     "l JOIN invoices i ON i.id = l.invoice_id WHERE i.month = ? AND i.kind = "
                     "'invoice' AND l.kind IN ('employee', 'expense') "
                     "GROUP BY i.billing_model, l.kind")
                   .text(1, month.str())
                   .query();
  while (lines.next()) {
    if (lines.text("kind") == "expense") {
      r.expenses += lines.money("amount");
    } else if (lines.text("billing_model") == "coefficient") {
      r.coefficient_billed += lines.money("amount");
    } else {
      r.cost_split_billed += lines.money("amount");
    }
  }
  return r;
}

}  // namespace

CloseReport close_month(Database& db, const payroll::RateBook& rates,
                        const config::Settings& settings, Month month,
                        const CloseOptions& options) {
  if (options.force && options.reason.empty()) {
    throw Error(ErrorKind::BadInput, "--force needs a --reason (it is recorded with the month)");
  }
  auto stage = [&options](const char* name) {
    if (options.stage) {
      options.stage(name);
    }
  };
  CloseReport report;
  report.month = month;
  CloseLock lock(db, month);
  prepare_month(db, month);
  prepare_series(db, settings.invoicing.invoice_prefix, options.issue_date.year());
  const billing::VatSettings vat = vat_settings(settings, rates, options.issue_date);

  Transaction transaction(db);
  // The locking read comes first: the transaction's snapshot is taken at its first plain read,
  // which must see what the writers this lock waits for have committed (an expense, a timesheet).
  lock_month(db, month, "closing");
  ensure_paid_in_order(db, month, true);
  stage("locked");

  auto start = Clock::now();
  check_timesheets(db, month, report);
  check_working_time(db, month, options, report);
  report.check_seconds = seconds_since(start);
  stage("checked");

  report.pay_run = run_payroll(db, rates, settings.payroll, month);
  stage("paid");

  start = Clock::now();
  report.split = compute_split(db, month, settings.payroll.split_reference_months);
  store_split(db, report.split);
  report.split_seconds = seconds_since(start);
  stage("split");

  start = Clock::now();
  report.invoices = issue_invoices(db, month, report.split, settings, vat, options.issue_date);
  report.invoice_seconds = seconds_since(start);
  stage("invoiced");

  report.reconciliation = reconcile(db, month, report.split);
  if (!report.reconciliation.balanced()) {
    throw Error(ErrorKind::Failure,
                "the reconciliation of " + month.str() + " does not balance: nothing was closed");
  }
  db.prepare(
        "UPDATE periods SET state = 'closed', closed_at = CURRENT_TIMESTAMP, closed_by = ?, "
        "forced_reason = ? WHERE month = ?")
      .optional_text(1, options.closed_by)
      .optional_text(2, options.force ? options.reason : std::string())
      .text(3, month.str())
      .execute();
  stage("closing");
  start = Clock::now();
  transaction.commit();
  report.commit_seconds = seconds_since(start);
  report.split.closed = true;
  return report;
}

}  // namespace gepaie::store
