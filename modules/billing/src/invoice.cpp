#include "gepaie/billing/invoice.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"

namespace gepaie::billing {
namespace {

using registry::BillingAgreement;
using registry::BillingModel;

void check_agreement(const BillingAgreement& agreement) {
  if (agreement.fee_rate.ppm() < 0) {
    throw bad_input("billing agreement: negative fee rate " + agreement.fee_rate.percent_str() +
                    " %");
  }
  if (agreement.fee_per_hour.is_negative()) {
    throw bad_input("billing agreement: negative fee per hour " + agreement.fee_per_hour.str());
  }
  if (agreement.coefficient.ppm() < 0) {
    throw bad_input("billing agreement: negative coefficient " +
                    agreement.coefficient.decimal_str());
  }
  if (agreement.model == BillingModel::CostSplit && agreement.fee_rate.ppm() != 0 &&
      !agreement.fee_per_hour.is_zero()) {
    throw bad_input("billing agreement: both a fee rate and a fee per hour are set");
  }
  if (agreement.model == BillingModel::Coefficient && agreement.coefficient.ppm() == 0) {
    throw bad_input("billing agreement: the coefficient model needs a coefficient");
  }
}

// "8" -> "8", "8.5" -> "8,5": the French decimal comma.
std::string french_percent(Rate rate) {
  std::string text = rate.percent_str();
  if (auto dot = text.find('.'); dot != std::string::npos) {
    text[dot] = ',';
  }
  return text;
}

std::string fee_rate_label(Rate rate) {
  return "Frais de gestion " + french_percent(rate) + " %";
}

std::string fee_per_hour_label(Money per_hour) {
  return "Frais de gestion " + per_hour.french() + " / h";
}

// Totals from the lines: lines_total = all but fee lines, fee = fee lines, then VAT.
void compute_totals(InvoiceDraft& draft) {
  draft.lines_total = Money();
  draft.fee = Money();
  for (const InvoiceLine& line : draft.lines) {
    (line.kind == InvoiceLineKind::Fee ? draft.fee : draft.lines_total) += line.amount;
  }
  draft.net_total = draft.lines_total + draft.fee;
  draft.vat = draft.net_total.times(draft.vat_rate);
  draft.total = draft.net_total + draft.vat;
}

// The fee line of a cost-split invoice for employee lines totalling `amount` over `hours`, or
// nullopt when the agreement carries no fee or the fee rounds to 0.
std::optional<InvoiceLine> fee_line(const BillingAgreement& agreement, Money amount, Hours hours) {
  InvoiceLine line;
  line.kind = InvoiceLineKind::Fee;
  if (agreement.fee_rate.ppm() != 0) {
    line.label = fee_rate_label(agreement.fee_rate);
    line.amount = amount.times(agreement.fee_rate);
  } else if (!agreement.fee_per_hour.is_zero()) {
    line.label = fee_per_hour_label(agreement.fee_per_hour);
    line.hours = hours;
    line.unit_price = agreement.fee_per_hour;
    line.amount = agreement.fee_per_hour.mul_div(hours.seconds(), Hours::kSecondsPerHour);
  }
  if (line.amount.is_zero()) {
    return std::nullopt;
  }
  return line;
}

InvoiceLine negated(InvoiceLine line) {
  line.hours = Hours() - line.hours;
  line.amount = -line.amount;
  return line;
}

}  // namespace

const char* to_string(InvoiceLineKind kind) {
  switch (kind) {
    case InvoiceLineKind::Fee:
      return "fee";
    case InvoiceLineKind::Expense:
      return "expense";
    case InvoiceLineKind::Regularisation:
      return "regularisation";
    case InvoiceLineKind::Employee:
      break;
  }
  return "employee";
}

std::optional<InvoiceLineKind> invoice_line_kind_from(std::string_view text) {
  for (InvoiceLineKind kind : {InvoiceLineKind::Employee, InvoiceLineKind::Fee,
                               InvoiceLineKind::Expense, InvoiceLineKind::Regularisation}) {
    if (text == to_string(kind)) {
      return kind;
    }
  }
  return std::nullopt;
}

std::optional<InvoiceDraft> build_invoice(const std::string& member_siret, Month month,
                                          const registry::BillingAgreement& agreement,
                                          const std::vector<Share>& shares,
                                          const EmployeeLabels& labels, const VatSettings& vat) {
  check_agreement(agreement);
  if (!vat.exempt && vat.rate.ppm() < 0) {
    throw bad_input("negative VAT rate " + vat.rate.percent_str() + " %");
  }
  const bool coefficient = agreement.model == BillingModel::Coefficient;

  InvoiceDraft draft;
  draft.member_siret = member_siret;
  draft.month = month;
  draft.model = agreement.model;

  auto label_of = [&labels](const std::string& number) {
    auto it = labels.find(number);
    return it == labels.end() || it->second.empty() ? number : it->second;
  };

  bool something = false;
  Money employee_amount;
  Hours employee_hours;
  std::vector<InvoiceLine> expense_lines;
  for (const Share& share : shares) {
    if (share.member_siret != member_siret) {
      throw bad_input("invoice of member " + member_siret + ": the share of employee " +
                      share.employee_number + " belongs to member " + share.member_siret);
    }
    if ((share.hours < Hours())) {
      throw bad_input("invoice of member " + member_siret + ": negative hours for employee " +
                      share.employee_number);
    }
    draft.cost_share += share.cost_share;
    const std::string label = label_of(share.employee_number);
    if (share.hours.positive() || !share.cost_share.is_zero()) {
      something = true;
      InvoiceLine line;
      line.kind = InvoiceLineKind::Employee;
      line.employee_number = share.employee_number;
      line.label = label;
      line.hours = share.hours;
      if (coefficient) {
        if (share.hourly_rate.is_negative()) {
          throw bad_input("invoice of member " + member_siret +
                          ": negative hourly rate for employee " + share.employee_number);
        }
        line.unit_price = share.hourly_rate.times(agreement.coefficient);
        line.amount = line.unit_price.mul_div(share.hours.seconds(), Hours::kSecondsPerHour);
      } else {
        line.amount = share.cost_share;
        if (share.hours.positive()) {
          line.unit_price = share.cost_share.mul_div(Hours::kSecondsPerHour, share.hours.seconds());
        }
      }
      employee_amount += line.amount;
      employee_hours += line.hours;
      draft.lines.push_back(std::move(line));
    }
    if (!share.expenses.is_zero()) {
      something = true;
      InvoiceLine line;
      line.kind = InvoiceLineKind::Expense;
      line.employee_number = share.employee_number;
      line.label = "Frais — " + label;
      line.amount = share.expenses;
      expense_lines.push_back(std::move(line));
    }
  }
  if (!something) {
    return std::nullopt;
  }
  for (InvoiceLine& line : expense_lines) {
    draft.lines.push_back(std::move(line));
  }
  if (!coefficient) {
    if (std::optional<InvoiceLine> fee = fee_line(agreement, employee_amount, employee_hours)) {
      draft.lines.push_back(std::move(*fee));
    }
  }

  if (vat.exempt) {
    draft.vat_rate = Rate();
    draft.vat_mention = vat.mention;
  } else {
    draft.vat_rate = vat.rate;
  }
  compute_totals(draft);
  return draft;
}

InvoiceDraft build_credit(const InvoiceDraft& invoice, const registry::BillingAgreement& agreement,
                          const std::vector<int>& positions) {
  std::set<int> selected;
  for (int position : positions) {
    if (position < 0 || static_cast<size_t>(position) >= invoice.lines.size()) {
      throw bad_input("credit note: no line " + std::to_string(position) + " on an invoice of " +
                      std::to_string(invoice.lines.size()) + " lines");
    }
    if (!selected.insert(position).second) {
      throw bad_input("credit note: line " + std::to_string(position) + " given twice");
    }
  }

  InvoiceDraft credit = invoice;
  credit.lines.clear();
  if (selected.empty()) {
    for (const InvoiceLine& line : invoice.lines) {
      credit.lines.push_back(negated(line));
    }
    credit.cost_share = -invoice.cost_share;
    credit.lines_total = -invoice.lines_total;
    credit.fee = -invoice.fee;
    credit.net_total = -invoice.net_total;
    credit.vat = -invoice.vat;
    credit.total = -invoice.total;
    return credit;
  }

  check_agreement(agreement);
  Money credited_employees;
  Hours credited_hours;
  bool fee_selected = false;
  int employee_lines = 0;
  int credited_employee_lines = 0;
  const InvoiceLine* invoice_fee_line = nullptr;
  for (size_t i = 0; i < invoice.lines.size(); ++i) {
    const InvoiceLine& line = invoice.lines[i];
    const bool chosen = selected.count(static_cast<int>(i)) > 0;
    if (line.kind == InvoiceLineKind::Employee) {
      ++employee_lines;
    }
    if (line.kind == InvoiceLineKind::Fee && invoice_fee_line == nullptr) {
      invoice_fee_line = &line;
    }
    if (!chosen) {
      continue;
    }
    credit.lines.push_back(negated(line));
    if (line.kind == InvoiceLineKind::Employee) {
      ++credited_employee_lines;
      credited_employees += line.amount;
      credited_hours += line.hours;
    } else if (line.kind == InvoiceLineKind::Fee) {
      fee_selected = true;
    }
  }

  if (!fee_selected && invoice.model == BillingModel::CostSplit && !invoice.fee.is_zero() &&
      credited_employee_lines > 0) {
    if (std::optional<InvoiceLine> part = fee_line(agreement, credited_employees, credited_hours)) {
      // Never more than the invoice's fee.
      Money amount = part->amount;
      if (invoice.fee.is_negative() ? amount < invoice.fee : amount > invoice.fee) {
        amount = invoice.fee;
      }
      InvoiceLine line = negated(*part);
      line.amount = -amount;
      if (invoice_fee_line != nullptr) {
        line.label = invoice_fee_line->label;
      }
      credit.lines.push_back(std::move(line));
    }
  }

  if (invoice.model == BillingModel::CostSplit) {
    credit.cost_share = -credited_employees;
  } else {
    credit.cost_share = credited_employee_lines == employee_lines ? -invoice.cost_share : Money();
  }
  compute_totals(credit);
  return credit;
}

std::vector<Regularisation> regularise(const std::vector<MemberAmount>& invoiced,
                                       const std::vector<MemberAmount>& shares) {
  std::map<std::string, Regularisation> rows;
  for (const MemberAmount& entry : invoiced) {
    Regularisation& row = rows[entry.member_siret];
    row.member_siret = entry.member_siret;
    row.billed += entry.amount;
  }
  for (const MemberAmount& entry : shares) {
    Regularisation& row = rows[entry.member_siret];
    row.member_siret = entry.member_siret;
    row.cost_share += entry.amount;
  }
  std::vector<Regularisation> result;
  result.reserve(rows.size());
  for (auto& [member, row] : rows) {
    row.difference = row.cost_share - row.billed;
    result.push_back(std::move(row));
  }
  return result;
}

std::optional<InvoiceDraft> build_month_invoice(
    const std::string& member_siret, Month month, const registry::BillingAgreement& agreement,
    const std::vector<Share>& shares, const std::vector<PendingRegularisation>& regularisations,
    const EmployeeLabels& labels, const VatSettings& vat) {
  std::optional<InvoiceDraft> draft;
  if (!shares.empty()) {
    draft = build_invoice(member_siret, month, agreement, shares, labels, vat);
  }
  if (regularisations.empty()) {
    return draft;
  }
  if (!draft) {
    draft.emplace();
    draft->member_siret = member_siret;
    draft->month = month;
    draft->model = agreement.model;
    draft->vat_rate = vat.exempt ? Rate() : vat.rate;
    draft->vat_mention = vat.exempt ? vat.mention : "";
  }
  for (const auto& regularisation : regularisations) {
    draft->lines.push_back({InvoiceLineKind::Regularisation, "", regularisation.label, Hours(),
                            Money(), regularisation.amount});
    draft->lines_total += regularisation.amount;
  }
  draft->net_total = draft->lines_total + draft->fee;
  draft->vat = vat.exempt ? Money() : draft->net_total.times(draft->vat_rate);
  draft->total = draft->net_total + draft->vat;
  return draft;
}

VatSettings vat_regime(bool exempt, const std::string& exempt_mention,
                       const std::optional<Rate>& standard_rate, Date day) {
  VatSettings vat;
  if (exempt) {
    vat.exempt = true;
    vat.mention = exempt_mention;
    return vat;
  }
  if (!standard_rate) {
    throw Error(ErrorKind::BadInput, "no rates file covers " + day.str() + " (VAT rate)");
  }
  vat.rate = *standard_rate;
  return vat;
}

CreditNote plan_credit(const std::string& number, const InvoiceDraft& invoice,
                       const registry::BillingAgreement& agreement, const CreditedSoFar& so_far,
                       const std::vector<int>& positions) {
  const auto is_fee = [](const InvoiceLine& line) { return line.kind == InvoiceLineKind::Fee; };
  std::vector<int> chosen;  // 0-based lines to credit
  const int count = static_cast<int>(invoice.lines.size());
  if (positions.empty()) {
    for (int p = 0; p < count; ++p) {
      if (!so_far.positions.contains(p + 1) && !is_fee(invoice.lines[p])) {
        chosen.push_back(p);
      }
    }
    if (chosen.empty()) {
      throw Error(ErrorKind::Conflict, number + " is already fully credited");
    }
  } else {
    for (int position : positions) {
      if (position < 1 || position > count) {
        throw bad_input(number + " has no line " + std::to_string(position) + " (lines 1 to " +
                        std::to_string(count) + ")");
      }
      if (is_fee(invoice.lines[position - 1])) {
        throw bad_input("line " + std::to_string(position) +
                        " is the management fee: it is credited with the lines it is computed on");
      }
      if (so_far.positions.contains(position)) {
        throw Error(ErrorKind::Conflict,
                    "line " + std::to_string(position) + " of " + number + " is already credited");
      }
      chosen.push_back(position - 1);
    }
    std::sort(chosen.begin(), chosen.end());  // the order of the credit's lines
  }
  const auto creditable = std::count_if(invoice.lines.begin(), invoice.lines.end(),
                                        [&](const InvoiceLine& line) { return !is_fee(line); });
  const bool completes =
      static_cast<int64_t>(so_far.positions.size() + chosen.size()) == creditable;
  CreditNote note;
  if (completes && so_far.positions.empty()) {
    note.draft = build_credit(invoice, agreement, {});
    for (size_t p = 0; p < note.draft.lines.size(); ++p) {
      note.credited_positions.push_back(static_cast<int>(p) + 1);
    }
    return note;
  }
  note.draft = build_credit(invoice, agreement, chosen);
  for (int p : chosen) {
    note.credited_positions.push_back(p + 1);
  }
  if (completes) {
    // Exactly what is left of the fee and the VAT.
    InvoiceDraft& credit = note.draft;
    for (auto& line : credit.lines) {
      if (is_fee(line)) {
        line.amount = -(invoice.fee + so_far.fee);
        credit.fee = line.amount;
      }
    }
    credit.net_total = credit.lines_total + credit.fee;
    credit.vat = -(invoice.vat + so_far.vat);
    credit.total = credit.net_total + credit.vat;
  }
  return note;
}

}  // namespace gepaie::billing
