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

Reconciliation reconcile(Database& db, const std::vector<std::string>& numbers,
                         const MonthSplit& split) {
  Reconciliation r;
  r.payslip_cost = split.payslip_total_cost;
  for (const auto& total : split.totals) {
    r.shares += total.cost_share;
  }
  for (const auto& number : numbers) {
    const StoredInvoice invoice = load_invoice(db, number);
    Money employee_lines;
    for (const auto& line : invoice.lines) {
      if (line.kind == billing::InvoiceLineKind::Employee) {
        employee_lines += line.amount;
      } else if (line.kind == billing::InvoiceLineKind::Expense) {
        r.expenses += line.amount;
      }
    }
    if (invoice.model == registry::BillingModel::Coefficient) {
      r.coefficient_billed += employee_lines;
      r.coefficient_shares += invoice.cost_share;
    } else {
      r.cost_split_billed += employee_lines;
      r.cost_split_shares += invoice.cost_share;
    }
    r.fees += invoice.fee;
    r.vat += invoice.vat;
    r.invoiced_total += invoice.total;
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

  report.reconciliation = reconcile(db, report.invoices, report.split);
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
