#include "gepaie/store/billing_store.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/store/batch_insert.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using billing::InvoiceLineKind;

using internal::employee_ids;
using internal::member_ids;

std::map<std::string, std::string> employee_names(Database& db) {
  std::map<std::string, std::string> names;
  Rows rows = db.prepare("SELECT number, first_name, last_name FROM employees").query();
  while (rows.next()) {
    names[rows.text("number")] = rows.text("first_name") + " " + rows.text("last_name");
  }
  return names;
}

std::string invoice_number(const std::string& prefix, int year, int64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(number));
  return prefix + "-" + std::to_string(year) + "-" + digits;
}

int64_t insert_invoice(Database& db, const std::string& number, bool credit, int64_t member_id,
                       const billing::InvoiceDraft& draft, Date issue, Date due,
                       std::optional<int64_t> credited, const std::string& reason,
                       const std::string& issued_by) {
  Statement insert = db.prepare(
      "INSERT INTO invoices (number, kind, member_id, month, issue_date, due_date, "
      "billing_model, cost_share, lines_total, fee, net_total, vat_rate_ppm, vat, total, "
      "vat_mention, credited_invoice_id, reason, issued_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.text(1, number)
      .text(2, credit ? "credit" : "invoice")
      .integer(3, member_id)
      .text(4, draft.month.str())
      .date(5, issue)
      .date(6, due)
      .text(7, registry::to_string(draft.model))
      .money(8, draft.cost_share)
      .money(9, draft.lines_total)
      .money(10, draft.fee)
      .money(11, draft.net_total)
      .integer(12, draft.vat_rate.ppm())
      .money(13, draft.vat)
      .money(14, draft.total)
      .optional_text(15, draft.vat_mention)
      .optional_text(17, reason)
      .optional_text(18, issued_by);
  if (credited) {
    insert.integer(16, *credited);
  } else {
    insert.null(16);
  }
  insert.execute();
  return db.last_insert_id();
}

void insert_lines(BatchInsert& batch, int64_t invoice_id, const billing::InvoiceDraft& draft,
                  const std::map<std::string, int64_t>& employee_ids,
                  const std::vector<int>& credited_positions) {
  int position = 0;
  for (const auto& line : draft.lines) {
    batch.integer(invoice_id).integer(position + 1).text(billing::to_string(line.kind));
    auto employee = employee_ids.find(line.employee_number);
    batch.optional_integer(
        employee == employee_ids.end() ? std::nullopt : std::optional<int64_t>(employee->second));
    batch.text(line.label).hours(line.hours).money(line.unit_price).money(line.amount);
    batch.optional_integer(static_cast<size_t>(position) < credited_positions.size() &&
                                   credited_positions[position] > 0
                               ? std::optional<int64_t>(credited_positions[position])
                               : std::nullopt);
    ++position;
  }
}

const char* kLineColumns =
    "INSERT INTO invoice_lines (invoice_id, position, kind, employee_id, label, seconds, "
    "unit_price, amount, credited_position)";

billing::InvoiceDraft draft_of(const StoredInvoice& invoice) {
  billing::InvoiceDraft draft;
  draft.member_siret = invoice.member_siret;
  draft.month = invoice.month;
  draft.model = invoice.model;
  for (const auto& line : invoice.lines) {
    draft.lines.push_back(
        {line.kind, line.employee_number, line.label, line.hours, line.unit_price, line.amount});
  }
  draft.cost_share = invoice.cost_share;
  draft.lines_total = invoice.lines_total;
  draft.fee = invoice.fee;
  draft.net_total = invoice.net_total;
  draft.vat_rate = invoice.vat_rate;
  draft.vat = invoice.vat;
  draft.total = invoice.total;
  draft.vat_mention = invoice.vat_mention;
  return draft;
}

std::vector<StoredInvoice> query_invoices(Database& db, const std::string& where,
                                          const std::vector<std::string>& values) {
  std::vector<StoredInvoice> invoices;
  Statement statement = db.prepare(
      "SELECT i.*, m.siret, m.legal_name, c.number AS credited_number "
      "FROM invoices i JOIN members m ON m.id = i.member_id "
      "LEFT JOIN invoices c ON c.id = i.credited_invoice_id WHERE " +
      where + " ORDER BY i.id");
  for (size_t i = 0; i < values.size(); ++i) {
    statement.text(static_cast<int>(i + 1), values[i]);
  }
  Rows rows = statement.query();
  while (rows.next()) {
    StoredInvoice invoice;
    invoice.id = rows.integer("id");
    invoice.number = rows.text("number");
    invoice.credit = rows.text("kind") == "credit";
    invoice.member_siret = rows.text("siret");
    invoice.member_name = rows.text("legal_name");
    invoice.month = Month::parse(rows.text("month"));
    invoice.issue_date = rows.date("issue_date");
    invoice.due_date = rows.date("due_date");
    invoice.model = registry::billing_model_from(rows.text("billing_model"))
                        .value_or(registry::BillingModel::CostSplit);
    invoice.cost_share = rows.money("cost_share");
    invoice.lines_total = rows.money("lines_total");
    invoice.fee = rows.money("fee");
    invoice.net_total = rows.money("net_total");
    invoice.vat_rate = Rate::from_ppm(rows.integer("vat_rate_ppm"));
    invoice.vat = rows.money("vat");
    invoice.total = rows.money("total");
    invoice.vat_mention = rows.text("vat_mention");
    invoice.credited_number = rows.text("credited_number");
    invoice.reason = rows.text("reason");
    invoice.issued_by = rows.text("issued_by");
    invoices.push_back(std::move(invoice));
  }
  for (auto& invoice : invoices) {
    Rows lines = db.prepare(
                       "SELECT l.*, e.number FROM invoice_lines l LEFT JOIN employees e ON "
                       "e.id = l.employee_id WHERE l.invoice_id = ? ORDER BY l.position")
                     .integer(1, invoice.id)
                     .query();
    while (lines.next()) {
      invoice.lines.push_back(
          {billing::invoice_line_kind_from(lines.text("kind")).value_or(InvoiceLineKind::Employee),
           lines.text("number"), lines.text("label"), lines.hours("seconds"),
           lines.money("unit_price"), lines.money("amount")});
    }
  }
  return invoices;
}

}  // namespace

billing::MonthSplit load_closed_split(Database& db, Month month) {
  billing::MonthSplit split;
  split.month = month;
  split.closed = true;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, s.seconds, s.basis, s.share, s.expenses, "
                    "p.hourly_rate FROM cost_shares s JOIN employees e ON e.id = s.employee_id "
                    "JOIN members m ON m.id = s.member_id LEFT JOIN payslips p ON "
                    "p.month = s.month AND p.employee_id = s.employee_id "
                    "WHERE s.month = ? ORDER BY e.number, m.siret")
                  .text(1, month.str())
                  .query();
  while (rows.next()) {
    billing::Share share;
    share.employee_number = rows.text("number");
    share.member_siret = rows.text("siret");
    share.hours = rows.hours("seconds");
    const std::string basis = rows.text("basis");
    share.basis = basis == "reference"  ? billing::SplitBasis::Reference
                  : basis == "contract" ? billing::SplitBasis::Contract
                                        : billing::SplitBasis::Worked;
    share.cost_share = rows.money("share");
    share.expenses = rows.money("expenses");
    share.hourly_rate = rows.is_null("hourly_rate") ? Money() : rows.money("hourly_rate");
    split.shares.push_back(std::move(share));
  }
  Rows total = db.prepare("SELECT SUM(total_cost) AS cost FROM payslips WHERE month = ?")
                   .text(1, month.str())
                   .query();
  if (total.next() && !total.is_null("cost")) {
    split.payslip_total_cost = total.money("cost");
  }
  return split;
}

std::map<std::string, std::vector<billing::MemberHours>> approved_hours(Database& db, Month from,
                                                                        Month to) {
  std::map<std::string, std::vector<billing::MemberHours>> hours;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, SUM(w.duration_seconds) AS seconds "
                    "FROM work_entries w JOIN timesheets t ON t.id = w.timesheet_id "
                    "JOIN employees e ON e.id = t.employee_id JOIN members m ON m.id = t.member_id "
                    "WHERE t.state = 'approved' AND w.work_date BETWEEN ? AND ? "
                    "GROUP BY e.number, m.siret ORDER BY e.number, m.siret")
                  .date(1, from.first_day())
                  .date(2, to.last_day())
                  .query();
  while (rows.next()) {
    hours[rows.text("number")].push_back({rows.text("siret"), rows.hours("seconds")});
  }
  return hours;
}

std::vector<billing::EmployeeCost> load_split_costs(Database& db, Month month) {
  std::vector<billing::EmployeeCost> costs;
  std::map<std::string, size_t> index;
  {
    Rows rows = db.prepare(
                      "SELECT e.number, p.total_cost, p.hourly_rate FROM payslips p "
                      "JOIN employees e ON e.id = p.employee_id WHERE p.month = ? "
                      "ORDER BY e.number")
                    .text(1, month.str())
                    .query();
    while (rows.next()) {
      billing::EmployeeCost cost;
      cost.employee_number = rows.text("number");
      cost.cost = rows.money("total_cost");
      cost.hourly_rate = rows.money("hourly_rate");
      index[cost.employee_number] = costs.size();
      costs.push_back(std::move(cost));
    }
  }
  if (costs.empty()) {
    return costs;
  }
  for (auto& [number, hours] : approved_hours(db, month, month)) {
    if (auto found = index.find(number); found != index.end()) {
      costs[found->second].worked = std::move(hours);
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT e.number, m.siret FROM payslips p JOIN employees e ON "
                      "e.id = p.employee_id JOIN contract_members cm ON cm.contract_id = "
                      "p.contract_id JOIN members m ON m.id = cm.member_id WHERE p.month = ? "
                      "ORDER BY e.number, m.siret")
                    .text(1, month.str())
                    .query();
    while (rows.next()) {
      if (auto found = index.find(rows.text("number")); found != index.end()) {
        costs[found->second].contract_members.push_back(rows.text("siret"));
      }
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT e.number, m.siret, SUM(x.amount) AS amount FROM expenses x "
                      "JOIN employees e ON e.id = x.employee_id JOIN members m ON "
                      "m.id = x.member_id WHERE x.expense_date BETWEEN ? AND ? "
                      "GROUP BY e.number, m.siret ORDER BY e.number, m.siret")
                    .date(1, month.first_day())
                    .date(2, month.last_day())
                    .query();
    while (rows.next()) {
      if (auto found = index.find(rows.text("number")); found != index.end()) {
        costs[found->second].expenses.push_back({rows.text("siret"), rows.money("amount")});
      }
    }
  }
  return costs;
}

void store_split(Database& db, const billing::MonthSplit& split) {
  const auto employees = employee_ids(db);
  const auto members = member_ids(db);
  db.prepare("DELETE FROM cost_shares WHERE month = ?").text(1, split.month.str()).execute();
  BatchInsert batch(db,
                    "INSERT INTO cost_shares (month, employee_id, member_id, seconds, basis, "
                    "share, expenses)",
                    7, 1000);
  for (const auto& share : split.shares) {
    batch.text(split.month.str())
        .integer(employees.at(share.employee_number))
        .integer(members.at(share.member_siret))
        .hours(share.hours)
        .text(billing::to_string(share.basis))
        .money(share.cost_share)
        .money(share.expenses);
  }
  batch.flush();
}

void prepare_series(Database& db, const std::string& prefix, int year) {
  db.prepare("INSERT IGNORE INTO invoice_counters (series) VALUES (?)")
      .text(1, prefix + "-" + std::to_string(year))
      .execute();
}

std::string next_invoice_number(Database& db, const std::string& prefix, int year) {
  const std::string series = prefix + "-" + std::to_string(year);
  Rows rows = db.prepare("SELECT last_number FROM invoice_counters WHERE series = ? FOR UPDATE")
                  .text(1, series)
                  .query();
  if (!rows.next()) {
    throw Error(ErrorKind::Failure, "internal: invoice series " + series + " was not prepared");
  }
  const int64_t number = rows.integer("last_number") + 1;
  db.prepare("UPDATE invoice_counters SET last_number = ? WHERE series = ?")
      .integer(1, number)
      .text(2, series)
      .execute();
  return invoice_number(prefix, year, number);
}

InvoicingInputs load_invoicing_inputs(Database& db, Month month) {
  InvoicingInputs inputs;
  inputs.members = list_members(db);
  for (auto& adjustment : list_invoice_adjustments(db, month)) {
    if (adjustment.invoice_number.empty()) {
      inputs.pending[adjustment.member_siret].push_back(std::move(adjustment));
    }
  }
  inputs.employee_names = employee_names(db);
  return inputs;
}

std::vector<std::string> insert_month_invoices(Database& db,
                                               const std::vector<NewInvoice>& invoices,
                                               const std::string& invoice_prefix, Date issue_date,
                                               const std::string& issued_by) {
  if (invoices.empty()) {
    return {};
  }
  const auto employees = employee_ids(db);
  const auto member_id_of = member_ids(db);
  std::vector<std::string> numbers;
  BatchInsert lines(db, kLineColumns, 9, 1000);
  for (const NewInvoice& invoice : invoices) {
    const std::string number = next_invoice_number(db, invoice_prefix, issue_date.year());
    const int64_t id =
        insert_invoice(db, number, false, member_id_of.at(invoice.member_siret), invoice.draft,
                       issue_date, invoice.due, std::nullopt, "", issued_by);
    insert_lines(lines, id, invoice.draft, employees, {});
    for (const int64_t adjustment : invoice.adjustment_ids) {
      db.prepare("UPDATE invoice_adjustments SET invoice_id = ? WHERE id = ?")
          .integer(1, id)
          .integer(2, adjustment)
          .execute();
    }
    numbers.push_back(number);
  }
  lines.flush();
  return numbers;
}

CreditBasis lock_for_credit(Database& db, const std::string& number) {
  Rows lock =
      db.prepare("SELECT id FROM invoices WHERE number = ? FOR UPDATE").text(1, number).query();
  if (!lock.next()) {
    throw Error(ErrorKind::NotFound, "no invoice " + number);
  }
  CreditBasis basis;
  basis.invoice = load_invoice(db, number);
  basis.draft = draft_of(basis.invoice);
  Rows rows = db.prepare(
                    "SELECT l.credited_position, l.kind, l.amount FROM invoice_lines l JOIN "
                    "invoices c ON c.id = l.invoice_id WHERE c.credited_invoice_id = ?")
                  .integer(1, basis.invoice.id)
                  .query();
  while (rows.next()) {
    if (!rows.is_null("credited_position")) {
      basis.so_far.positions.insert(static_cast<int>(rows.integer("credited_position")));
    }
    if (rows.text("kind") == "fee") {
      basis.so_far.fee += rows.money("amount");
    }
  }
  Rows vat = db.prepare("SELECT SUM(vat) AS vat FROM invoices WHERE credited_invoice_id = ?")
                 .integer(1, basis.invoice.id)
                 .query();
  if (vat.next() && !vat.is_null("vat")) {
    basis.so_far.vat = vat.money("vat");
  }
  for (const auto& member : list_members(db)) {
    if (member.siret == basis.invoice.member_siret) {
      basis.agreement = member.billing;
    }
  }
  return basis;
}

StoredInvoice insert_credit_note(Database& db, const StoredInvoice& invoice,
                                 const billing::CreditNote& note, const std::string& credit_prefix,
                                 Date issue_date, const std::string& reason,
                                 const std::string& issued_by) {
  const std::string credit_number = next_invoice_number(db, credit_prefix, issue_date.year());
  const auto member_id_of = member_ids(db);
  const auto employees = employee_ids(db);
  const int64_t id =
      insert_invoice(db, credit_number, true, member_id_of.at(invoice.member_siret), note.draft,
                     issue_date, issue_date, invoice.id, reason, issued_by);
  BatchInsert lines(db, kLineColumns, 9, 500);
  insert_lines(lines, id, note.draft, employees, note.credited_positions);
  lines.flush();
  return load_invoice(db, credit_number);
}

std::vector<StoredInvoice> list_invoices(Database& db, const std::optional<Month>& month,
                                         const std::optional<std::string>& member) {
  return query_invoices(db, "(? = '' OR i.month = ?) AND (? = '' OR m.siret = ?)",
                        {month ? month->str() : "", month ? month->str() : "", member.value_or(""),
                         member.value_or("")});
}

StoredInvoice load_invoice(Database& db, const std::string& number) {
  auto invoices = query_invoices(db, "i.number = ?", {number});
  if (invoices.empty()) {
    throw Error(ErrorKind::NotFound, "no invoice " + number);
  }
  return std::move(invoices.front());
}

int64_t add_invoice_adjustment(Database& db, const InvoiceAdjustment& adjustment) {
  if (adjustment.amount.is_zero()) {
    throw Error(ErrorKind::BadInput, "a regularisation needs a non-zero amount");
  }
  if (adjustment.label.empty()) {
    throw Error(ErrorKind::BadInput, "a regularisation needs a label (what it corrects)");
  }
  prepare_month(db, adjustment.month);
  Transaction transaction(db);
  ensure_month_open(db, adjustment.month, "adding a regularisation to its invoices");
  const auto members = member_ids(db);
  auto member = members.find(adjustment.member_siret);
  if (member == members.end()) {
    throw Error(ErrorKind::BadInput, "unknown member " + adjustment.member_siret);
  }
  db.prepare(
        "INSERT INTO invoice_adjustments (member_id, month, amount, label) VALUES (?, ?, ?, ?)")
      .integer(1, member->second)
      .text(2, adjustment.month.str())
      .money(3, adjustment.amount)
      .text(4, adjustment.label)
      .execute();
  const int64_t id = db.last_insert_id();
  transaction.commit();
  return id;
}

std::vector<InvoiceAdjustment> list_invoice_adjustments(Database& db, Month month) {
  std::vector<InvoiceAdjustment> list;
  Rows rows = db.prepare(
                    "SELECT a.id, m.siret, a.amount, a.label, i.number FROM invoice_adjustments a "
                    "JOIN members m ON m.id = a.member_id LEFT JOIN invoices i ON "
                    "i.id = a.invoice_id WHERE a.month = ? ORDER BY a.id")
                  .text(1, month.str())
                  .query();
  while (rows.next()) {
    list.push_back({rows.integer("id"), rows.text("siret"), month, rows.money("amount"),
                    rows.text("label"), rows.text("number")});
  }
  return list;
}

CoefficientYear load_coefficient_year(Database& db, int year) {
  const std::string from = std::to_string(year) + "-01";
  const std::string to = std::to_string(year) + "-12";
  CoefficientYear result;
  {
    Rows rows = db.prepare(
                      "SELECT m.siret, SUM(l.amount) AS amount FROM invoice_lines l JOIN "
                      "invoices i ON i.id = l.invoice_id JOIN members m ON m.id = i.member_id "
                      "WHERE i.billing_model = 'coefficient' AND l.kind = 'employee' AND "
                      "i.month BETWEEN ? AND ? GROUP BY m.siret ORDER BY m.siret")
                    .text(1, from)
                    .text(2, to)
                    .query();
    while (rows.next()) {
      result.invoiced.push_back({rows.text("siret"), rows.money("amount")});
    }
  }
  {
    Rows rows = db.prepare(
                      "SELECT m.siret, SUM(s.share) AS amount FROM cost_shares s JOIN members m "
                      "ON m.id = s.member_id WHERE m.billing_model = 'coefficient' AND "
                      "s.month BETWEEN ? AND ? GROUP BY m.siret ORDER BY m.siret")
                    .text(1, from)
                    .text(2, to)
                    .query();
    while (rows.next()) {
      result.shares.push_back({rows.text("siret"), rows.money("amount")});
    }
  }
  return result;
}

std::vector<ApprovedDay> approved_days(Database& db, const std::string& member_siret, Month month) {
  std::vector<ApprovedDay> days;
  Rows rows =
      db.prepare(
            "SELECT e.number, e.first_name, e.last_name, w.work_date, "
            "SUM(w.duration_seconds) AS seconds FROM work_entries w "
            "JOIN timesheets t ON t.id = w.timesheet_id JOIN employees e ON e.id = t.employee_id "
            "JOIN members m ON m.id = t.member_id WHERE t.state = 'approved' AND m.siret = ? "
            "AND w.work_date BETWEEN ? AND ? "
            "GROUP BY e.number, e.first_name, e.last_name, w.work_date "
            "ORDER BY e.number, w.work_date")
          .text(1, member_siret)
          .date(2, month.first_day())
          .date(3, month.last_day())
          .query();
  while (rows.next()) {
    days.push_back({rows.text("number"), rows.text("first_name") + " " + rows.text("last_name"),
                    rows.date("work_date"), rows.hours("seconds")});
  }
  return days;
}

}  // namespace gepaie::store
