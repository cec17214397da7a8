// Member invoices and credit notes, built from the month's shares and the member's agreement.
// Pure: numbering, dates of issue and storage belong to the store.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/registry/records.h"

namespace gepaie::billing {

// The GE-level VAT regime (the tax office does not accept a mix).
struct VatSettings {
  bool exempt = false;  // CGI art. 261 B
  Rate rate;            // the standard rate from the rates file when not exempt
  std::string mention;  // printed when exempt, e.g. "TVA non applicable, art. 261 B du CGI"
};

enum class InvoiceLineKind { Employee, Fee, Expense, Regularisation };
const char* to_string(InvoiceLineKind kind);  // employee, fee, expense, regularisation
std::optional<InvoiceLineKind> invoice_line_kind_from(std::string_view text);

struct InvoiceLine {
  InvoiceLineKind kind = InvoiceLineKind::Employee;
  std::string employee_number;  // employee and expense lines
  std::string label;            // e.g. "Claire Martin — comptable" or "Frais de gestion 8 %"
  Hours hours;
  Money unit_price;  // per hour: the cost share ÷ hours (cost split, rounded, informative) or
                     // the hourly rate × coefficient (coefficient model, the amount's basis)
  Money amount;

  bool operator==(const InvoiceLine&) const = default;
};

struct InvoiceDraft {
  std::string member_siret;
  Month month;
  registry::BillingModel model = registry::BillingModel::CostSplit;
  std::vector<InvoiceLine> lines;  // employees (input order), expenses, then the fee
  Money cost_share;                // the member's real share of the month's cost (reconciliation)
  Money lines_total;               // employee and expense lines, before fee and VAT
  Money fee;
  Money net_total;  // hors taxes = lines_total + fee
  Rate vat_rate;
  Money vat;    // net_total × rate, rounded half-up once on the total
  Money total;  // TTC
  std::string vat_mention;
};

// Labels of employees for the lines, by employee number ("Claire Martin").
using EmployeeLabels = std::map<std::string, std::string>;

// The invoice of one member: `shares` are that member's rows of split_costs. Cost split: one line
// per employee with the share; fee = share total × fee rate, or hours × fee per hour. Coefficient:
// one line per employee = hours × round(hourly rate × coefficient); no separate fee. Expenses: one
// line per employee with expenses. A member with nothing to bill gets no invoice (nullopt).
//
// Details:
// - an employee line for each share with hours or a cost share (expense-only rows give only an
//   expense line), labelled from `labels` or else the employee number;
// - cost split: amount = cost share, unit price = cost share ÷ hours rounded half-up to the cent
//   (0 without hours); coefficient: unit price = hourly rate × coefficient rounded to the cent,
//   amount = unit price × seconds ÷ 3600 rounded half-up (a share without hours bills 0);
// - expense lines "Frais — <label>", hours and unit price 0;
// - fee (cost split only): employee lines total × fee rate, one rounding, "Frais de gestion 8 %"
//   (hours and unit price 0); or fee per hour × the employee lines' hours, "Frais de gestion
//   2,50 € / h" (hours and unit price set); a line whenever the fee is not 0;
// - cost_share = the sum of the shares' cost shares whatever the model, so that the invoices of a
//   month carry exactly the month's cost;
// - VAT: exempt → rate 0, VAT 0, the mention copied; else net × rate, one rounding, no mention.
// Throws BadInput: an agreement with both a fee rate and a fee per hour (cost split), a
// coefficient agreement with coefficient 0, a negative fee rate, fee per hour or coefficient, a
// negative VAT rate, a share of another member, negative hours, a negative hourly rate
// (coefficient). The fee fields of a coefficient agreement are ignored (the fee is in the
// coefficient).
std::optional<InvoiceDraft> build_invoice(const std::string& member_siret, Month month,
                                          const registry::BillingAgreement& agreement,
                                          const std::vector<Share>& shares,
                                          const EmployeeLabels& labels, const VatSettings& vat);

// A regularisation line waiting for the member's next invoice: the correction of a closed month.
struct PendingRegularisation {
  std::string label;
  Money amount;  // plus or minus, billed as it is
};

// The member's invoice of the month: build_invoice over its shares (none: no such call), then one
// Regularisation line per pending regularisation, in order — billed as they are, no fee — with
// lines_total, net_total, VAT (net × the invoice's rate, one rounding; 0 when exempt) and total
// recomputed. A member with regularisations and nothing else to bill gets an invoice of them
// alone (its agreement's model, the VAT rate or the exempt mention). Nothing at all: nullopt.
std::optional<InvoiceDraft> build_month_invoice(
    const std::string& member_siret, Month month, const registry::BillingAgreement& agreement,
    const std::vector<Share>& shares, const std::vector<PendingRegularisation>& regularisations,
    const EmployeeLabels& labels, const VatSettings& vat);

// The GE's VAT regime on an invoice's issue day: exempt (the mention printed), else the standard
// rate in force (`standard_rate`, from the rates file covering `day`; nullopt: BadInput "no rates
// file covers D (VAT rate)").
VatSettings vat_regime(bool exempt, const std::string& exempt_mention,
                       const std::optional<Rate>& standard_rate, Date day);

// A credit note cancelling `invoice`, in full when `positions` is empty, else the lines at those
// 0-based positions: each negated. A partial credit of employee lines also credits their part of
// the fee (fee rate × credited amount, or fee per hour × credited hours) unless the fee line
// itself is among the positions. VAT recomputed on the credited net; a full credit is the exact
// negation of the invoice. Throws BadInput for a position out of range or repeated.
//
// Details:
// - a credited line keeps its label and unit price; its hours and amount are negated;
// - the fee part is a Fee line labelled like the invoice's fee line, never more in magnitude than
//   the invoice's fee, only when the invoice is cost split with a fee and `agreement` (the one the
//   invoice was built with) has a fee rate or a fee per hour;
// - cost_share: a full credit negates it; a partial one carries −(credited employee amounts)
//   under cost split (the line amount is the share), and under the coefficient model the
//   negated invoice cost share when every employee line is credited, else 0 (a line's cost share
//   is not recorded on the invoice);
// - totals recomputed: lines_total = non-fee lines, fee = fee lines, VAT = net × the invoice's
//   rate (one rounding), the mention kept.
InvoiceDraft build_credit(const InvoiceDraft& invoice, const registry::BillingAgreement& agreement,
                          const std::vector<int>& positions);

// What earlier credit notes of an invoice took: the (1-based) positions of the lines they
// credited, and the fee and VAT they carried (negative amounts).
struct CreditedSoFar {
  std::set<int> positions;
  Money fee;
  Money vat;
};

// The next credit note of invoice `number` (`invoice`, built with `agreement`) after the earlier
// ones (`so_far`): the lines at `positions` (1-based, as `invoice show` prints them), or every
// line not yet credited when `positions` is empty; the fee follows the lines it is computed on.
// The credit note that credits the last remaining lines takes exactly what is left of the fee and
// the VAT, so that the invoice and its credit notes add up to zero.
// BadInput: a position out of range, or the fee line named; Conflict: a line already credited, or
// nothing left to credit.
struct CreditNote {
  InvoiceDraft draft;
  std::vector<int> credited_positions;  // per line of the credit note: the invoice's position
};
CreditNote plan_credit(const std::string& number, const InvoiceDraft& invoice,
                       const registry::BillingAgreement& agreement, const CreditedSoFar& so_far,
                       const std::vector<int>& positions);

// Year-end comparison for coefficient members: what the coefficient billed against their real
// cost share (plus the fee their agreement would have carried under cost split: none).
// `invoiced`: what each coefficient member's invoices (net of credit notes) billed in employee
// lines over the year; `shares`: their cost shares of the same months. One row per member of
// either list, siret order. Repeated sirets in a list are summed.
struct Regularisation {
  std::string member_siret;
  Money billed;      // employee lines billed with the coefficient over the year (net of credits)
  Money cost_share;  // the real cost shares of the same months
  Money difference;  // cost_share − billed: positive, the member owes more; negative, a refund
};
std::vector<Regularisation> regularise(const std::vector<MemberAmount>& invoiced,
                                       const std::vector<MemberAmount>& shares);

}  // namespace gepaie::billing
