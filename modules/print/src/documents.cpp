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
