#include "gepaie/app/billing.h"

#include "gepaie/core/error.h"
#include "gepaie/store/registry_store.h"
#include "split.h"

namespace gepaie::app {
namespace {

std::map<std::string, std::string> member_names(store::Database& db) {
  std::map<std::string, std::string> names;
  for (const auto& member : store::list_members(db)) {
    names[member.siret] = member.legal_name;
  }
  return names;
}

}  // namespace

billing::VatSettings vat_settings(const config::Settings& settings, const payroll::RateBook& rates,
                                  Date day) {
  const payroll::RateSet* set = rates.at(day);
  return billing::vat_regime(
      settings.ge.vat_regime == config::VatRegime::Exempt, settings.invoicing.exempt_mention,
      set ? std::optional<Rate>(set->constants.vat_standard_rate) : std::nullopt, day);
}

SplitView month_split(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "read the cost split");
  store::Database& db = workspace.db();
  return {internal::month_split(db, month, workspace.settings().payroll.split_reference_months),
          member_names(db)};
}

RegularisationView year_regularisation(Workspace& workspace, const Actor& actor, int year) {
  require_ge(actor, "read the year-end regularisation");
  if (year < 1900 || year > 9999) {
    throw bad_input("--year expects a year, e.g. 2026");
  }
  store::Database& db = workspace.db();
  const store::CoefficientYear billed = store::load_coefficient_year(db, year);
  return {billing::regularise(billed.invoiced, billed.shares), member_names(db)};
}

std::vector<store::StoredInvoice> list_invoices(Workspace& workspace, const Actor& actor,
                                                const std::optional<Month>& month,
                                                std::optional<std::string> member) {
  if (actor.kind == Actor::Kind::Member) {
    if (member) {
      require_member(actor, *member, "list its invoices");
    }
    member = actor.member_siret;
  } else {
    require_ge(actor, "list the invoices");
  }
  return store::list_invoices(workspace.db(), month, member);
}

store::StoredInvoice invoice(Workspace& workspace, const Actor& actor, const std::string& number) {
  store::StoredInvoice found = store::load_invoice(workspace.db(), number);
  if (!actor.is_ge() &&
      (actor.kind != Actor::Kind::Member || actor.member_siret != found.member_siret)) {
    throw Error(ErrorKind::NotFound, "no invoice " + number);
  }
  return found;
}

store::StoredInvoice credit_invoice(store::Database& db, const std::string& credit_prefix,
                                    const CreditRequest& request, Date issue_date,
                                    const std::string& issued_by) {
  if (request.reason.empty()) {
    throw bad_input("--reason \"...\" is required: a credit note says why");
  }
  store::prepare_series(db, credit_prefix, issue_date.year());
  store::Transaction transaction(db);
  const store::CreditBasis basis = store::lock_for_credit(db, request.number);
  if (basis.invoice.credit) {
    throw Error(ErrorKind::Conflict, request.number + " is a credit note: it cannot be credited");
  }
  const billing::CreditNote note = billing::plan_credit(
      request.number, basis.draft, basis.agreement, basis.so_far, request.positions);
  store::StoredInvoice stored = store::insert_credit_note(db, basis.invoice, note, credit_prefix,
                                                          issue_date, request.reason, issued_by);
  transaction.commit();
  return stored;
}

store::StoredInvoice credit_invoice(Workspace& workspace, const Actor& actor,
                                    const CreditRequest& request) {
  require_ge(actor, "issue a credit note");
  return credit_invoice(workspace.db(), workspace.settings().invoicing.credit_prefix, request,
                        request.issue_date.value_or(workspace.today()), actor.recorded());
}

void add_invoice_adjustment(Workspace& workspace, const Actor& actor,
                            const store::InvoiceAdjustment& adjustment) {
  require_ge(actor, "add a regularisation line");
  store::add_invoice_adjustment(workspace.db(), adjustment);
}

std::vector<store::InvoiceAdjustment> invoice_adjustments(Workspace& workspace, const Actor& actor,
                                                          Month month) {
  require_ge(actor, "list the regularisation lines");
  return store::list_invoice_adjustments(workspace.db(), month);
}

void add_expense(Workspace& workspace, const Actor& actor, const store::Expense& expense) {
  require_ge(actor, "record an expense");
  store::add_expense(workspace.db(), expense);
}

std::vector<store::Expense> list_expenses(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "list the expenses");
  return store::list_expenses(workspace.db(), month);
}

}  // namespace gepaie::app
