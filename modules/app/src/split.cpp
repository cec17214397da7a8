#include "split.h"

#include <map>
#include <optional>

#include "gepaie/core/error.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/periods.h"

namespace gepaie::app::internal {

billing::MonthSplit compute_split(store::Database& db, Month month, int reference_months) {
  std::vector<billing::EmployeeCost> costs = store::load_split_costs(db, month);
  if (costs.empty()) {
    throw Error(ErrorKind::NotFound, "no pay run for " + month.str() +
                                         ": run `gepaie payroll run --month " + month.str() +
                                         "` first");
  }
  bool needs_reference = false;
  for (const billing::EmployeeCost& cost : costs) {
    needs_reference = needs_reference || cost.worked.empty();
  }
  if (needs_reference && reference_months > 0) {
    Month from = month;
    for (int i = 0; i < reference_months; ++i) {
      from = from.prev();
    }
    auto hours = store::approved_hours(db, from, month.prev());
    for (billing::EmployeeCost& cost : costs) {
      if (auto found = hours.find(cost.employee_number); found != hours.end()) {
        cost.reference = std::move(found->second);
      }
    }
  }
  return billing::split_month(month, costs);
}

billing::MonthSplit month_split(store::Database& db, Month month, int reference_months) {
  if (store::month_closed(db, month)) {
    return billing::with_totals(store::load_closed_split(db, month));
  }
  return compute_split(db, month, reference_months);
}

std::vector<std::string> issue_month_invoices(store::Database& db, const billing::MonthSplit& split,
                                              const std::string& invoice_prefix,
                                              const billing::VatSettings& vat, Date issue_date,
                                              const std::string& issued_by) {
  const store::InvoicingInputs inputs = store::load_invoicing_inputs(db, split.month);
  std::map<std::string, std::vector<billing::Share>> by_member;
  for (const billing::Share& share : split.shares) {
    by_member[share.member_siret].push_back(share);
  }
  static const std::vector<store::InvoiceAdjustment> none;
  std::vector<store::NewInvoice> invoices;
  for (const registry::Member& member : inputs.members) {
    const auto found = inputs.pending.find(member.siret);
    const std::vector<store::InvoiceAdjustment>& pending =
        found == inputs.pending.end() ? none : found->second;
    std::vector<billing::PendingRegularisation> regularisations;
    std::vector<int64_t> adjustment_ids;
    for (const store::InvoiceAdjustment& adjustment : pending) {
      regularisations.push_back({adjustment.label, adjustment.amount});
      adjustment_ids.push_back(adjustment.id);
    }
    std::optional<billing::InvoiceDraft> draft = billing::build_month_invoice(
        member.siret, split.month, member.billing, by_member[member.siret], regularisations,
        inputs.employee_names, vat);
    if (draft) {
      invoices.push_back({member.siret, std::move(*draft),
                          issue_date.plus_days(member.billing.payment_days),
                          std::move(adjustment_ids)});
    }
  }
  return store::insert_month_invoices(db, invoices, invoice_prefix, issue_date, issued_by);
}

}  // namespace gepaie::app::internal
