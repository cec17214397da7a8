#include "gepaie/app/documents.h"

#include <map>
#include <utility>

#include "gepaie/app/payroll.h"
#include "gepaie/core/error.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/output.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "split.h"

namespace gepaie::app {

std::vector<print::PayslipDocument> payslip_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> employee) {
  if (actor.kind == Actor::Kind::Employee) {
    if (employee && *employee != actor.employee_number) {
      throw Error(ErrorKind::NotFound, "no payslip for " + *employee + " in " + month.str());
    }
    employee = actor.employee_number;
  } else {
    require_ge(actor, "read payslips");
  }
  store::Database& db = workspace.db();
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
  const config::Settings& settings = workspace.settings();
  std::vector<print::PayslipDocument> documents;
  documents.reserve(payslips.size());
  for (store::StoredPayslip& payslip : payslips) {
    auto e = employees.find(payslip.employee_number);
    auto c = contracts.find(payslip.contract_reference);
    if (e == employees.end() || c == contracts.end()) {
      throw Error(ErrorKind::Failure, "internal: payslip of " + payslip.employee_number +
                                          " without its employee or contract " +
                                          payslip.contract_reference);
    }
    print::PayslipDocument document;
    document.ge = settings.ge;
    document.employee = e->second;
    document.contract = c->second;
    document.payslip = std::move(payslip);
    document.payment_date = month.last_day();
    documents.push_back(std::move(document));
  }
  return documents;
}

std::vector<print::InvoiceDocument> invoice_documents(Workspace& workspace, const Actor& actor,
                                                      Month month,
                                                      std::optional<std::string> member) {
  if (actor.kind == Actor::Kind::Member) {
    if (member) {
      require_member(actor, *member, "read its invoices");
    }
    member = actor.member_siret;
  } else {
    require_ge(actor, "read invoices");
  }
  store::Database& db = workspace.db();
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
  const config::Settings& settings = workspace.settings();
  const payroll::RateBook& rates = workspace.rates();
  // Invoices first, then credit notes: each series comes out of the store in number order.
  std::vector<print::InvoiceDocument> documents;
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
      print::InvoiceDocument document;
      document.ge = settings.ge;
      document.invoicing = settings.invoicing;
      document.member = found->second;
      // A credit note refers to its invoice, which carries the hours; it has no annex.
      if (!invoice.credit) {
        document.annex = store::approved_days(db, invoice.member_siret, invoice.month);
      }
      document.recovery_fee = set->constants.late_payment_recovery_fee;
      document.invoice = std::move(invoice);
      documents.push_back(std::move(document));
    }
  }
  return documents;
}

print::PayrollSummary payroll_summary(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "read the payroll journal");
  store::Database& db = workspace.db();
  const config::Settings& settings = workspace.settings();
  print::PayrollSummary summary;
  summary.month = month;
  summary.ge_name = settings.ge.name;
  const auto payslips = store::load_payslips(db, month, std::nullopt, false);
  if (payslips.empty()) {
    throw Error(ErrorKind::NotFound, "no pay run for " + month.str() +
                                         ": run `gepaie payroll run --month " + month.str() +
                                         "` or `gepaie close --month " + month.str() + "` first");
  }
  summary.closed = store::month_closed(db, month);
  summary.employee_total.number = "Total";
  for (const auto& p : payslips) {
    print::SummaryEmployee row;
    row.number = p.employee_number;
    row.name = p.employee_name;
    row.hours = p.worked;
    row.gross = p.totals.gross;
    row.employee_contributions = p.totals.employee_contributions;
    row.employer_contributions = p.totals.employer_contributions;
    row.net_before_tax = p.totals.net_before_tax;
    row.income_tax = p.totals.income_tax;
    row.net_paid = p.totals.net_paid;
    row.total_cost = p.total_cost;
    summary.employee_total += row;
    summary.employees.push_back(std::move(row));
  }
  summary.employee_total.name = std::to_string(summary.employees.size()) + " salariés";

  std::map<std::string, print::SummaryMember> members;
  for (const auto& m : store::list_members(db)) {
    members[m.siret].siret = m.siret;
    members[m.siret].name = m.legal_name;
  }
  std::map<std::string, bool> shown;
  const auto split = internal::month_split(db, month, settings.payroll.split_reference_months);
  for (const auto& t : split.totals) {
    print::SummaryMember& m = members[t.member_siret];
    m.siret = t.member_siret;
    m.employees = t.employees;
    m.hours = t.hours;
    m.cost_share = t.cost_share;
    m.expenses = t.expenses;
    shown[t.member_siret] = true;
  }
  for (const auto& invoice : store::list_invoices(db, month, std::nullopt)) {
    print::SummaryMember& m = members[invoice.member_siret];
    m.siret = invoice.member_siret;
    m.fee += invoice.fee;
    m.net_total += invoice.net_total;
    m.vat += invoice.vat;
    m.total += invoice.total;
    (invoice.credit ? m.credit_notes : m.invoices) += 1;
    shown[invoice.member_siret] = true;
  }
  summary.member_total.siret = "Total";
  for (auto& [siret, m] : members) {
    if (shown[siret]) {
      summary.member_total += m;
      summary.members.push_back(std::move(m));
    }
  }
  summary.member_total.name = std::to_string(summary.members.size()) + " adhérents";
  // Distinct employees over all members, not the sum of each member's count.
  std::map<std::string, bool> placed;
  for (const auto& share : split.shares) {
    if (share.hours.positive() || !share.cost_share.is_zero()) {
      placed[share.employee_number] = true;
    }
  }
  summary.member_total.employees = static_cast<int>(placed.size());
  return summary;
}

PrintedPayslips print_payslips(Workspace& workspace, const Actor& actor,
                               const PrintPayslipsRequest& request) {
  namespace fs = std::filesystem;
  const config::Settings& settings = workspace.settings();
  const fs::path layout_file = print::reports_dir(settings.file) / "payslip.yaml";
  if (!fs::exists(layout_file)) {
    throw bad_input("no payslip layout at " + layout_file.string() +
                    ": set GEPAIE_REPORTS_DIR to the folder holding payslip.yaml (reports/ of "
                    "the sources or of the package)");
  }
  const print::Layout layout = print::read_layout(layout_file);
  const print::Fonts fonts = print::default_fonts();
  workspace.progress("Reading the payslips of " + request.month.str() + "...");
  const std::vector<print::PayslipDocument> documents =
      payslip_documents(workspace, actor, request.month, request.employee);
  PrintedPayslips printed;
  printed.month_closed = month_closed(workspace, request.month);
  try {
    printed.out_open_to_others = print::make_private_dir(request.out).open_to_others;
  } catch (const Error& e) {
    throw bad_input("--out " + request.out.string() + ": " + e.message());
  }
  const size_t total = documents.size();
  printed.files = print::write_payslips(
      documents, layout, fonts, request.out, request.month, request.combined, settings.ge.name,
      [&](size_t done, size_t combined_done) {
        workspace.progress(
            "print: " + std::to_string(done) + "/" + std::to_string(total) + " payslips" +
            (request.combined
                 ? ", combined file " + std::to_string(combined_done) + "/" + std::to_string(total)
                 : ""));
      });
  for (const auto& document : documents) {
    printed.employees.push_back(document.employee.number);
  }
  return printed;
}

}  // namespace gepaie::app
