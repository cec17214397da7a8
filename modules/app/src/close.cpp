#include "gepaie/app/close.h"

#include <chrono>

#include "gepaie/app/billing.h"
#include "gepaie/core/error.h"
#include "gepaie/store/close.h"
#include "gepaie/store/staffing_store.h"
#include "pay_run.h"
#include "split.h"

namespace gepaie::app {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr int kListed = 10;  // problems listed in a refusal

void check_timesheets(store::Database& db, Month month, CloseReport& report) {
  const store::TimesheetApproval approval = store::timesheet_approval(db, month, kListed);
  report.timesheets = approval.total;
  if (approval.pending == 0) {
    return;
  }
  std::string pending;
  for (const auto& sheet : approval.first_pending) {
    pending += "\n  " + sheet.employee_number + " at " + sheet.member_siret + " (" +
               staffing::to_string(sheet.state) + ")";
  }
  throw Error(ErrorKind::Conflict,
              std::to_string(approval.pending) + " timesheet(s) of " + month.str() +
                  " not approved; the close needs every timesheet approved:" + pending +
                  (approval.pending > kListed ? "\n  ..." : ""));
}

void check_working_time(Workspace& workspace, const CloseRequest& request, CloseReport& report) {
  const staffing::WorkingTimeLimits limits =
      workspace.working_time_limits(request.month.first_day());
  const auto input = store::check_input(workspace.db(), request.month, limits.average_weeks);
  std::string listed;
  int errors = 0;
  for (const auto& violation : staffing::check_working_time(input, limits)) {
    if (violation.severity != staffing::Severity::Error) {
      continue;
    }
    if (++errors <= kListed) {
      listed += "\n  " + violation.employee_number + ": " + violation.message;
    }
  }
  report.violations = errors;
  if (errors > 0 && !request.force) {
    throw Error(ErrorKind::Conflict,
                std::to_string(errors) + " working-time error(s) in " + request.month.str() + ":" +
                    listed + (errors > kListed ? "\n  ..." : "") +
                    "\nfix the timesheets, or close anyway with --force --reason \"...\"");
  }
}

// From what the transaction stored: the month's invoices are all this close's, since a month is
// closed once.
Reconciliation reconcile(store::Database& db, Month month, const billing::MonthSplit& split) {
  Reconciliation r;
  r.payslip_cost = split.payslip_total_cost;
  for (const auto& total : split.totals) {
    r.shares += total.cost_share;
  }
  const store::InvoicedMonth invoiced = store::invoiced_month(db, month);
  for (const auto& model : invoiced.by_model) {
    const bool coefficient = model.model == registry::BillingModel::Coefficient;
    (coefficient ? r.coefficient_shares : r.cost_split_shares) += model.cost_share;
    r.fees += model.fee;
    r.vat += model.vat;
    r.invoiced_total += model.total;
    r.expenses += model.expense_lines;
    (coefficient ? r.coefficient_billed : r.cost_split_billed) += model.employee_lines;
  }
  return r;
}

}  // namespace

CloseReport close_month(Workspace& workspace, const Actor& actor, const CloseRequest& request) {
  require_ge(actor, "close a month");
  if (request.force && request.reason.empty()) {
    throw Error(ErrorKind::BadInput, "--force needs a --reason (it is recorded with the month)");
  }
  auto stage = [&request](const char* name) {
    if (request.stage) {
      request.stage(name);
    }
  };
  const Month month = request.month;
  const config::Settings& settings = workspace.settings();
  const payroll::RateBook& rates = workspace.rates();
  const Date issue_date = request.issue_date.value_or(workspace.today());
  store::Database& db = workspace.db();

  CloseReport report;
  report.month = month;
  report.closed_by = actor.recorded();
  store::CloseLock lock(db, month);
  store::prepare_month(db, month);
  store::prepare_series(db, settings.invoicing.invoice_prefix, issue_date.year());
  const billing::VatSettings vat = vat_settings(settings, rates, issue_date);

  store::Transaction transaction(db);
  // The locking read comes first: the transaction's snapshot is taken at its first plain read,
  // which must see what the writers this lock waits for have committed (an expense, a timesheet).
  store::lock_month(db, month, "closing");
  store::ensure_paid_in_order(db, month, true);
  stage("locked");

  auto start = Clock::now();
  check_timesheets(db, month, report);
  check_working_time(workspace, request, report);
  report.check_seconds = seconds_since(start);
  stage("checked");

  report.pay_run = internal::compute_and_store_pay_run(db, rates, settings, month);
  stage("paid");

  start = Clock::now();
  report.split = internal::compute_split(db, month, settings.payroll.split_reference_months);
  store::store_split(db, report.split);
  report.split_seconds = seconds_since(start);
  stage("split");

  start = Clock::now();
  report.invoices = internal::issue_month_invoices(
      db, report.split, settings.invoicing.invoice_prefix, vat, issue_date, report.closed_by);
  report.invoice_seconds = seconds_since(start);
  stage("invoiced");

  report.reconciliation = reconcile(db, month, report.split);
  if (!report.reconciliation.balanced()) {
    throw Error(ErrorKind::Failure,
                "the reconciliation of " + month.str() + " does not balance: nothing was closed");
  }
  store::mark_closed(db, month, report.closed_by, request.force ? request.reason : std::string());
  stage("closing");
  start = Clock::now();
  transaction.commit();
  report.commit_seconds = seconds_since(start);
  report.split.closed = true;
  return report;
}

std::vector<store::PeriodState> list_periods(Workspace& workspace, const Actor& actor) {
  require_ge(actor, "list the months");
  return store::list_periods(workspace.db());
}

}  // namespace gepaie::app
