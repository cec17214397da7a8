#include "gepaie/store/close.h"

#include <map>

#include "gepaie/core/error.h"

namespace gepaie::store {

CloseLock::CloseLock(Database& db, Month month) : db_(db) {
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

CloseLock::~CloseLock() {
  try {
    db_.prepare("SELECT RELEASE_LOCK(?) AS released").text(1, name_).query();
  } catch (...) {
  }
}

TimesheetApproval timesheet_approval(Database& db, Month month, int listed) {
  TimesheetApproval approval;
  Rows counts = db.prepare(
                      "SELECT COUNT(*) AS total, COALESCE(SUM(state <> 'approved'), 0) AS pending "
                      "FROM timesheets WHERE month = ?")
                    .text(1, month.str())
                    .query();
  counts.next();
  approval.total = static_cast<int>(counts.integer("total"));
  approval.pending = static_cast<int>(counts.integer("pending"));
  if (approval.pending == 0) {
    return approval;
  }
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, t.state FROM timesheets t JOIN employees e ON "
                    "e.id = t.employee_id JOIN members m ON m.id = t.member_id WHERE t.month = ? "
                    "AND t.state <> 'approved' ORDER BY e.number, m.siret LIMIT ?")
                  .text(1, month.str())
                  .integer(2, listed)
                  .query();
  while (rows.next()) {
    approval.first_pending.push_back({rows.text("number"), rows.text("siret"),
                                      staffing::timesheet_state_from(rows.text("state"))
                                          .value_or(staffing::TimesheetState::Draft)});
  }
  return approval;
}

InvoicedMonth invoiced_month(Database& db, Month month) {
  std::map<std::string, InvoicedModel> models;
  Rows invoices = db.prepare(
                        "SELECT billing_model, SUM(cost_share) AS cost_share, SUM(fee) AS fee, "
                        "SUM(vat) AS vat, SUM(total) AS total FROM invoices WHERE month = ? AND "
                        "kind = 'invoice' GROUP BY billing_model")
                      .text(1, month.str())
                      .query();
  while (invoices.next()) {
    InvoicedModel& model = models[invoices.text("billing_model")];
    model.cost_share = invoices.money("cost_share");
    model.fee = invoices.money("fee");
    model.vat = invoices.money("vat");
    model.total = invoices.money("total");
  }
  Rows lines = db.prepare(
                     "SELECT i.billing_model, l.kind, SUM(l.amount) AS amount FROM invoice_lines "
                     "l JOIN invoices i ON i.id = l.invoice_id WHERE i.month = ? AND i.kind = "
                     "'invoice' AND l.kind IN ('employee', 'expense') "
                     "GROUP BY i.billing_model, l.kind")
                   .text(1, month.str())
                   .query();
  while (lines.next()) {
    InvoicedModel& model = models[lines.text("billing_model")];
    (lines.text("kind") == "expense" ? model.expense_lines : model.employee_lines) =
        lines.money("amount");
  }
  InvoicedMonth result;
  for (auto& [name, model] : models) {
    model.model = name == "coefficient" ? registry::BillingModel::Coefficient
                                        : registry::BillingModel::CostSplit;
    result.by_model.push_back(model);
  }
  return result;
}

void mark_closed(Database& db, Month month, const std::string& closed_by,
                 const std::string& forced_reason) {
  db.prepare(
        "UPDATE periods SET state = 'closed', closed_at = CURRENT_TIMESTAMP, closed_by = ?, "
        "forced_reason = ? WHERE month = ?")
      .optional_text(1, closed_by)
      .optional_text(2, forced_reason)
      .text(3, month.str())
      .execute();
}

}  // namespace gepaie::store
