// What the printed documents show, gathered from the database.
#include "gepaie/print/documents.h"

#include <map>
#include <string>
#include <utility>

#include "gepaie/core/error.h"
#include "gepaie/store/registry_store.h"

namespace gepaie::print {

// ---- payslips

std::vector<PayslipDocument> load_payslip_documents(store::Database& db,
                                                    const config::Settings& settings, Month month,
                                                    const std::optional<std::string>& employee) {
  std::vector<store::StoredPayslip> payslips =
      store::load_payslips(db, month, employee, /*with_lines=*/true);
  if (payslips.empty()) {
    if (employee) {
      throw Error(ErrorKind::NotFound, "no payslip for " + *employee + " in " + month.str() +
                                           " (is the employee's contract active that month?)");
    }
    throw Error(ErrorKind::NotFound, "no pay run for " + month.str() +
                                         ": run `gepaie payroll run --month " + month.str() +
                                         "` or `gepaie close --month " + month.str() + "` first");
  }
  std::map<std::string, registry::Employee> employees;
  for (registry::Employee& e : store::list_employees(db)) {
    std::string number = e.number;
    employees.emplace(std::move(number), std::move(e));
  }
  std::map<std::string, registry::Contract> contracts;
  for (registry::Contract& c : store::list_contracts(db)) {
    std::string reference = c.reference;
    contracts.emplace(std::move(reference), std::move(c));
  }

  std::vector<PayslipDocument> documents;
  documents.reserve(payslips.size());
  for (store::StoredPayslip& payslip : payslips) {
    auto e = employees.find(payslip.employee_number);
    auto c = contracts.find(payslip.contract_reference);
    if (e == employees.end() || c == contracts.end()) {
      throw Error(ErrorKind::Failure, "internal: payslip of " + payslip.employee_number +
                                          " without its employee or contract " +
                                          payslip.contract_reference);
    }
    PayslipDocument document;
    document.ge = settings.ge;
    document.employee = e->second;
    document.contract = c->second;
    document.payslip = std::move(payslip);
    document.payment_date = month.last_day();
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace gepaie::print

// ---- invoices
// load_invoice_documents: written by the invoice side, appended below this line in its own
// `namespace gepaie::print { ... }` block.

namespace gepaie::print {

namespace {

// Approved hours at `member_siret` per employee and day of `month`: work entries of approved
// timesheets, as the split counts them (store approved_hours).
std::vector<AnnexDay> approved_days(store::Database& db, const std::string& member_siret,
                                    Month month) {
  std::vector<AnnexDay> days;
  store::Rows rows =
      db.prepare(
            "SELECT e.number, e.first_name, e.last_name, w.work_date, "
            "SUM(w.duration_minutes) AS minutes FROM work_entries w "
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
                    rows.date("work_date"), Hours::from_minutes(rows.integer("minutes"))});
  }
  return days;
}

}  // namespace

std::vector<InvoiceDocument> load_invoice_documents(store::Database& db,
                                                    const config::Settings& settings,
                                                    const payroll::RateBook& rates, Month month,
                                                    const std::optional<std::string>& member) {
  std::vector<store::StoredInvoice> stored = store::list_invoices(db, month, member);
  if (stored.empty()) {
    throw Error(ErrorKind::NotFound,
                "no invoice for " + month.str() + (member ? " and member " + *member : "") +
                    ": invoices are issued when the month is closed (`gepaie close --month " +
                    month.str() + "`)");
  }
  std::map<std::string, registry::Member> members;
  for (registry::Member& m : store::list_members(db)) {
    std::string siret = m.siret;
    members.emplace(std::move(siret), std::move(m));
  }
  // Invoices first, then credit notes: each series comes out of the store in number order.
  std::vector<InvoiceDocument> documents;
  documents.reserve(stored.size());
  for (const bool credit : {false, true}) {
    for (store::StoredInvoice& invoice : stored) {
      if (invoice.credit != credit) {
        continue;
      }
      auto found = members.find(invoice.member_siret);
      if (found == members.end()) {
        throw Error(ErrorKind::Failure, "internal: invoice " + invoice.number +
                                            " of an unknown member " + invoice.member_siret);
      }
      const payroll::RateSet* set = rates.at(invoice.issue_date);
      if (set == nullptr) {
        throw Error(ErrorKind::BadInput, "no rates file covers " + invoice.issue_date.str() +
                                             " (the late-payment recovery fee of " +
                                             invoice.number + ")");
      }
      InvoiceDocument document;
      document.ge = settings.ge;
      document.invoicing = settings.invoicing;
      document.member = found->second;
      // A credit note refers to its invoice, which carries the hours; it has no annex.
      if (!invoice.credit) {
        document.annex = approved_days(db, invoice.member_siret, invoice.month);
      }
      document.recovery_fee = set->constants.late_payment_recovery_fee;
      document.invoice = std::move(invoice);
      documents.push_back(std::move(document));
    }
  }
  return documents;
}

}  // namespace gepaie::print
