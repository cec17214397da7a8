#define BOOST_TEST_MODULE invoice_tests
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/billing/invoice.h"
#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/registry/records.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Hours;
using gepaie::Money;
using gepaie::Month;
using gepaie::Rate;
using gepaie::billing::build_credit;
using gepaie::billing::build_invoice;
using gepaie::billing::EmployeeCost;
using gepaie::billing::EmployeeLabels;
using gepaie::billing::invoice_line_kind_from;
using gepaie::billing::InvoiceDraft;
using gepaie::billing::InvoiceLine;
using gepaie::billing::InvoiceLineKind;
using gepaie::billing::MemberAmount;
using gepaie::billing::Regularisation;
using gepaie::billing::regularise;
using gepaie::billing::Share;
using gepaie::billing::split_costs;
using gepaie::billing::SplitBasis;
using gepaie::billing::VatSettings;
using gepaie::registry::BillingAgreement;
using gepaie::registry::BillingModel;

namespace {

const std::string kMember = "11111111111111";
const std::string kOther = "22222222222222";
const Month kMonth = Month::parse("2025-03");
const std::string kExemptMention = "TVA non applicable, art. 261 B du CGI";

Money cents(int64_t value) {
  return Money::from_cents(value);
}
Hours minutes(int64_t value) {
  return Hours::from_minutes(value);
}

Share share(std::string employee, int64_t share_minutes, int64_t cost_cents,
            int64_t expense_cents = 0, int64_t hourly_cents = 0) {
  Share s;
  s.employee_number = std::move(employee);
  s.member_siret = kMember;
  s.hours = minutes(share_minutes);
  s.cost_share = cents(cost_cents);
  s.expenses = cents(expense_cents);
  s.basis = SplitBasis::Worked;
  s.hourly_rate = cents(hourly_cents);
  return s;
}

// The month used by most cases, for member kMember:
// - E001 "Claire Martin — comptable": 70:00 (4 200 min), share 1 234.56 €, hourly rate 14.27 €;
// - E002 (no label): 35:30 (2 130 min), share 800.01 €, expenses 45.90 €, hourly rate 11.88 €.
std::vector<Share> month_shares() {
  return {share("E001", 4200, 123456, 0, 1427), share("E002", 2130, 80001, 4590, 1188)};
}
const EmployeeLabels kLabels = {{"E001", "Claire Martin — comptable"}};

BillingAgreement fee_rate_agreement(const char* percent) {
  BillingAgreement a;
  a.model = BillingModel::CostSplit;
  a.fee_rate = Rate::parse_percent(percent);
  return a;
}
BillingAgreement fee_per_hour_agreement(int64_t per_hour_cents) {
  BillingAgreement a;
  a.model = BillingModel::CostSplit;
  a.fee_per_hour = cents(per_hour_cents);
  return a;
}
BillingAgreement coefficient_agreement(const char* coefficient) {
  BillingAgreement a;
  a.model = BillingModel::Coefficient;
  a.coefficient = Rate::parse_decimal(coefficient);
  return a;
}
VatSettings vat20() {
  return VatSettings{false, Rate::parse_percent("20"), ""};
}
VatSettings exempt() {
  return VatSettings{true, Rate::parse_percent("20"), kExemptMention};
}

Money sum_lines(const InvoiceDraft& draft) {
  Money total;
  for (const InvoiceLine& line : draft.lines) {
    total += line.amount;
  }
  return total;
}

void expect_bad_input(const BillingAgreement& agreement, const std::vector<Share>& shares,
                      const VatSettings& vat = vat20()) {
  try {
    build_invoice(kMember, kMonth, agreement, shares, kLabels, vat);
    BOOST_ERROR("no error");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput), e.message());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoices)

BOOST_AUTO_TEST_CASE(cost_split_with_fee_rate_and_vat) {
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, fee_rate_agreement("8"), month_shares(), kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_TEST(invoice->member_siret == kMember);
  BOOST_TEST((invoice->month == kMonth));
  BOOST_TEST((invoice->model == BillingModel::CostSplit));
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 4u);

  // E001: 1 234.56 € for 70 h; unit price 1 234.56 / 70 = 17.636… → 17.64.
  const InvoiceLine& e1 = invoice->lines[0];
  BOOST_TEST((e1.kind == InvoiceLineKind::Employee));
  BOOST_TEST(e1.employee_number == "E001");
  BOOST_TEST(e1.label == "Claire Martin — comptable");
  BOOST_TEST(e1.hours.minutes() == 4200);
  BOOST_TEST(e1.unit_price.cents() == 1764);
  BOOST_TEST(e1.amount.cents() == 123456);
  // E002: no label, the number; 800.01 € for 35.5 h = 22.5355… → 22.54.
  const InvoiceLine& e2 = invoice->lines[1];
  BOOST_TEST((e2.kind == InvoiceLineKind::Employee));
  BOOST_TEST(e2.label == "E002");
  BOOST_TEST(e2.hours.minutes() == 2130);
  BOOST_TEST(e2.unit_price.cents() == 2254);
  BOOST_TEST(e2.amount.cents() == 80001);
  // Expenses after the employee lines.
  const InvoiceLine& expense = invoice->lines[2];
  BOOST_TEST((expense.kind == InvoiceLineKind::Expense));
  BOOST_TEST(expense.employee_number == "E002");
  BOOST_TEST(expense.label == "Frais — E002");
  BOOST_TEST(expense.amount.cents() == 4590);
  BOOST_TEST(expense.hours.minutes() == 0);
  // Fee: (1 234.56 + 800.01) × 8 % = 2 034.57 × 0.08 = 162.7656 → 162.77.
  const InvoiceLine& fee = invoice->lines[3];
  BOOST_TEST((fee.kind == InvoiceLineKind::Fee));
  BOOST_TEST(fee.label == "Frais de gestion 8 %");
  BOOST_TEST(fee.amount.cents() == 16277);
  BOOST_TEST(fee.employee_number.empty());

  BOOST_TEST(invoice->cost_share.cents() == 203457);   // 1 234.56 + 800.01
  BOOST_TEST(invoice->lines_total.cents() == 208047);  // + 45.90 of expenses
  BOOST_TEST(invoice->fee.cents() == 16277);
  BOOST_TEST(invoice->net_total.cents() == 224324);  // 2 080.47 + 162.77
  BOOST_TEST((invoice->vat_rate == Rate::parse_percent("20")));
  BOOST_TEST(invoice->vat.cents() == 44865);     // 2 243.24 × 20 % = 448.648 → 448.65
  BOOST_TEST(invoice->total.cents() == 269189);  // 2 243.24 + 448.65
  BOOST_TEST(invoice->vat_mention.empty());
  BOOST_TEST(sum_lines(*invoice) == invoice->net_total);
}

BOOST_AUTO_TEST_CASE(fee_rate_label_uses_the_decimal_comma) {
  // 8.5 % of 2 034.57 = 172.93845 → 172.94.
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, fee_rate_agreement("8.5"), month_shares(), kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_TEST(invoice->lines.back().label == "Frais de gestion 8,5 %");
  BOOST_TEST(invoice->fee.cents() == 17294);
}

BOOST_AUTO_TEST_CASE(cost_split_with_fee_per_hour) {
  // 2.50 € per hour over 70 h + 35.5 h = 105.5 h (6 330 min): 263.75 €.
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, fee_per_hour_agreement(250), month_shares(), kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 4u);
  const InvoiceLine& fee = invoice->lines[3];
  BOOST_TEST((fee.kind == InvoiceLineKind::Fee));
  BOOST_TEST(fee.label == "Frais de gestion 2,50\u00A0€ / h");
  BOOST_TEST(fee.hours.minutes() == 6330);
  BOOST_TEST(fee.unit_price.cents() == 250);
  BOOST_TEST(fee.amount.cents() == 26375);
  BOOST_TEST(invoice->lines_total.cents() == 208047);
  BOOST_TEST(invoice->net_total.cents() == 234422);  // 2 080.47 + 263.75
  BOOST_TEST(invoice->vat.cents() == 46884);         // 468.844 → 468.84
  BOOST_TEST(invoice->total.cents() == 281306);
}

BOOST_AUTO_TEST_CASE(fee_per_hour_rounds_half_up) {
  // 1.25 € per hour × 0:06 (0.1 h) = 0.125 → 0.13 (half up).
  std::optional<InvoiceDraft> invoice = build_invoice(kMember, kMonth, fee_per_hour_agreement(125),
                                                      {share("E001", 6, 1000)}, kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_TEST(invoice->fee.cents() == 13);
  // The unit price of the employee line: 10.00 € for 0.1 h = 100.00 € / h.
  BOOST_TEST(invoice->lines[0].unit_price.cents() == 10000);
}

BOOST_AUTO_TEST_CASE(no_fee_no_fee_line) {
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, BillingAgreement{}, month_shares(), kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 3u);
  BOOST_TEST(invoice->fee.is_zero());
  BOOST_TEST(invoice->net_total.cents() == 208047);
  // A fee that rounds to 0 (0.01 % of 10.00 € = 0.001 €) gives no line either.
  invoice = build_invoice(kMember, kMonth, fee_rate_agreement("0.01"), {share("E001", 60, 1000)},
                          kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 1u);
  BOOST_TEST(invoice->fee.is_zero());
}

BOOST_AUTO_TEST_CASE(coefficient_model_exempt) {
  // Coefficient 1.75. E001: 14.27 × 1.75 = 24.9725 → 24.97 €/h; × 70 h = 1 747.90.
  // E002: 11.88 × 1.75 = 20.79 €/h; × 35.5 h = 738.045 → 738.05 (half up).
  // The fee fields of a coefficient agreement are ignored: no fee line.
  BillingAgreement agreement = coefficient_agreement("1.75");
  agreement.fee_rate = Rate::parse_percent("8");
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, agreement, month_shares(), kLabels, exempt());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_TEST((invoice->model == BillingModel::Coefficient));
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 3u);
  BOOST_TEST(invoice->lines[0].unit_price.cents() == 2497);
  BOOST_TEST(invoice->lines[0].amount.cents() == 174790);
  BOOST_TEST(invoice->lines[0].hours.minutes() == 4200);
  BOOST_TEST(invoice->lines[1].unit_price.cents() == 2079);
  BOOST_TEST(invoice->lines[1].amount.cents() == 73805);
  BOOST_TEST((invoice->lines[2].kind == InvoiceLineKind::Expense));
  BOOST_TEST(invoice->fee.is_zero());
  // cost_share stays the real share, whatever was billed.
  BOOST_TEST(invoice->cost_share.cents() == 203457);
  BOOST_TEST(invoice->lines_total.cents() == 253185);  // 1 747.90 + 738.05 + 45.90
  BOOST_TEST(invoice->net_total.cents() == 253185);
  // Exempt: no VAT whatever the standard rate, the mention printed.
  BOOST_TEST(invoice->vat_rate.ppm() == 0);
  BOOST_TEST(invoice->vat.is_zero());
  BOOST_TEST(invoice->total.cents() == 253185);
  BOOST_TEST(invoice->vat_mention == kExemptMention);
}

BOOST_AUTO_TEST_CASE(coefficient_share_without_hours_bills_nothing_but_keeps_its_cost) {
  // A share under a fallback basis (0 h, 300.00 €): a line of 0.00; the invoice still carries
  // the 300.00 € of cost share for the reconciliation.
  Share fallback = share("E003", 0, 30000, 0, 1500);
  fallback.basis = SplitBasis::Reference;
  std::optional<InvoiceDraft> invoice =
      build_invoice(kMember, kMonth, coefficient_agreement("1.8"), {fallback}, kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 1u);
  BOOST_TEST(invoice->lines[0].unit_price.cents() == 2700);  // 15.00 × 1.8
  BOOST_TEST(invoice->lines[0].amount.is_zero());
  BOOST_TEST(invoice->cost_share.cents() == 30000);
  BOOST_TEST(invoice->total.is_zero());
}

BOOST_AUTO_TEST_CASE(cost_split_share_without_hours_has_no_unit_price) {
  std::optional<InvoiceDraft> invoice = build_invoice(kMember, kMonth, fee_per_hour_agreement(300),
                                                      {share("E003", 0, 30000)}, kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 1u);  // no hours: the fee per hour is 0, no line
  BOOST_TEST(invoice->lines[0].unit_price.is_zero());
  BOOST_TEST(invoice->lines[0].amount.cents() == 30000);
}

BOOST_AUTO_TEST_CASE(nothing_to_bill) {
  BOOST_TEST(!build_invoice(kMember, kMonth, fee_rate_agreement("8"), {}, kLabels, vat20()));
  // Rows with no hours, no share and no expenses.
  BOOST_TEST(!build_invoice(kMember, kMonth, fee_rate_agreement("8"),
                            {share("E001", 0, 0), share("E002", 0, 0)}, kLabels, vat20()));
  // Expenses alone are something to bill: one expense line, no fee on them.
  std::optional<InvoiceDraft> invoice = build_invoice(
      kMember, kMonth, fee_rate_agreement("8"), {share("E001", 0, 0, 1234)}, kLabels, vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_REQUIRE_EQUAL(invoice->lines.size(), 1u);
  BOOST_TEST((invoice->lines[0].kind == InvoiceLineKind::Expense));
  BOOST_TEST(invoice->lines[0].label == "Frais — Claire Martin — comptable");
  BOOST_TEST(invoice->fee.is_zero());
  BOOST_TEST(invoice->vat.cents() == 247);  // 12.34 × 20 % = 2.468 → 2.47
  // Hours with a zero share (a zero cost) are billed as a 0.00 line.
  invoice = build_invoice(kMember, kMonth, fee_rate_agreement("8"), {share("E001", 60, 0)}, kLabels,
                          vat20());
  BOOST_REQUIRE(invoice.has_value());
  BOOST_TEST(invoice->lines.size() == 1u);
  BOOST_TEST(invoice->total.is_zero());
}

BOOST_AUTO_TEST_CASE(bad_input) {
  BillingAgreement both = fee_rate_agreement("8");
  both.fee_per_hour = cents(100);
  expect_bad_input(both, month_shares());
  expect_bad_input(coefficient_agreement("0"), month_shares());
  expect_bad_input(fee_rate_agreement("-1"), month_shares());
  expect_bad_input(fee_per_hour_agreement(-1), month_shares());
  expect_bad_input(coefficient_agreement("-1.5"), month_shares());
  VatSettings negative_vat{false, Rate::parse_percent("-20"), ""};
  expect_bad_input(fee_rate_agreement("8"), month_shares(), negative_vat);
  // A share of another member.
  std::vector<Share> mixed = month_shares();
  mixed[1].member_siret = kOther;
  expect_bad_input(fee_rate_agreement("8"), mixed);
  // Negative hours; a negative hourly rate under the coefficient model.
  expect_bad_input(fee_rate_agreement("8"), {share("E001", -60, 1000)});
  expect_bad_input(coefficient_agreement("1.75"), {share("E001", 60, 1000, 0, -1)});
  // The agreement is checked even when there is nothing to bill.
  expect_bad_input(both, {});
}

BOOST_AUTO_TEST_CASE(line_kind_text) {
  BOOST_TEST(std::string(to_string(InvoiceLineKind::Employee)) == "employee");
  BOOST_TEST(std::string(to_string(InvoiceLineKind::Fee)) == "fee");
  BOOST_TEST(std::string(to_string(InvoiceLineKind::Expense)) == "expense");
  BOOST_TEST(std::string(to_string(InvoiceLineKind::Regularisation)) == "regularisation");
  for (InvoiceLineKind kind : {InvoiceLineKind::Employee, InvoiceLineKind::Fee,
                               InvoiceLineKind::Expense, InvoiceLineKind::Regularisation}) {
    BOOST_TEST((invoice_line_kind_from(to_string(kind)) == kind));
  }
  BOOST_TEST(!invoice_line_kind_from("Fee").has_value());
  BOOST_TEST(!invoice_line_kind_from("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(credit_notes)

// The 8 % invoice of cost_split_with_fee_rate_and_vat: lines 0 E001 1 234.56, 1 E002 800.01,
// 2 expense 45.90, 3 fee 162.77; net 2 243.24, VAT 448.65, total 2 691.89.
InvoiceDraft fee_rate_invoice() {
  return *build_invoice(kMember, kMonth, fee_rate_agreement("8"), month_shares(), kLabels, vat20());
}

BOOST_AUTO_TEST_CASE(full_credit_is_the_exact_negation) {
  for (const BillingAgreement& agreement :
       {fee_rate_agreement("8"), fee_per_hour_agreement(250), coefficient_agreement("1.75")}) {
    for (const VatSettings& vat : {vat20(), exempt()}) {
      const InvoiceDraft invoice =
          *build_invoice(kMember, kMonth, agreement, month_shares(), kLabels, vat);
      const InvoiceDraft credit = build_credit(invoice, agreement, {});
      BOOST_TEST(credit.member_siret == invoice.member_siret);
      BOOST_TEST((credit.month == invoice.month));
      BOOST_TEST((credit.model == invoice.model));
      BOOST_REQUIRE_EQUAL(credit.lines.size(), invoice.lines.size());
      for (size_t i = 0; i < invoice.lines.size(); ++i) {
        const InvoiceLine& a = invoice.lines[i];
        const InvoiceLine& c = credit.lines[i];
        BOOST_TEST((c.kind == a.kind));
        BOOST_TEST(c.employee_number == a.employee_number);
        BOOST_TEST(c.label == a.label);
        BOOST_TEST(c.unit_price == a.unit_price);
        BOOST_TEST(c.hours.minutes() == -a.hours.minutes());
        BOOST_TEST(c.amount == -a.amount);
      }
      BOOST_TEST(credit.cost_share == -invoice.cost_share);
      BOOST_TEST(credit.lines_total == -invoice.lines_total);
      BOOST_TEST(credit.fee == -invoice.fee);
      BOOST_TEST(credit.net_total == -invoice.net_total);
      BOOST_TEST(credit.vat_rate == invoice.vat_rate);
      BOOST_TEST(credit.vat == -invoice.vat);
      BOOST_TEST(credit.total == -invoice.total);
      BOOST_TEST(credit.vat_mention == invoice.vat_mention);
      BOOST_TEST(!credit.total.is_zero());
    }
  }
}

BOOST_AUTO_TEST_CASE(partial_credit_carries_its_part_of_the_fee_rate) {
  // Crediting E002 (800.01): its fee part 800.01 × 8 % = 64.0008 → 64.00; net −864.01;
  // VAT −864.01 × 20 % = −172.802 → −172.80; total −1 036.81.
  const InvoiceDraft credit = build_credit(fee_rate_invoice(), fee_rate_agreement("8"), {1});
  BOOST_REQUIRE_EQUAL(credit.lines.size(), 2u);
  BOOST_TEST((credit.lines[0].kind == InvoiceLineKind::Employee));
  BOOST_TEST(credit.lines[0].employee_number == "E002");
  BOOST_TEST(credit.lines[0].amount.cents() == -80001);
  BOOST_TEST(credit.lines[0].hours.minutes() == -2130);
  BOOST_TEST((credit.lines[1].kind == InvoiceLineKind::Fee));
  BOOST_TEST(credit.lines[1].label == "Frais de gestion 8 %");
  BOOST_TEST(credit.lines[1].amount.cents() == -6400);
  BOOST_TEST(credit.cost_share.cents() == -80001);
  BOOST_TEST(credit.lines_total.cents() == -80001);
  BOOST_TEST(credit.fee.cents() == -6400);
  BOOST_TEST(credit.net_total.cents() == -86401);
  BOOST_TEST(credit.vat.cents() == -17280);
  BOOST_TEST(credit.total.cents() == -103681);
}

BOOST_AUTO_TEST_CASE(successive_credit_notes_add_up_to_the_invoice) {
  using gepaie::billing::CreditedSoFar;
  using gepaie::billing::plan_credit;
  const InvoiceDraft invoice = fee_rate_invoice();
  const BillingAgreement agreement = fee_rate_agreement("8");
  // First E002 (line 2): as partial_credit_carries_its_part_of_the_fee_rate.
  const auto first = plan_credit("F-1", invoice, agreement, {}, {2});
  BOOST_TEST(first.credited_positions == std::vector<int>{2});
  BOOST_TEST(first.draft.fee.cents() == -6400);
  BOOST_TEST(first.draft.vat.cents() == -17280);
  BOOST_TEST(first.draft.total.cents() == -103681);
  // Then the rest (lines 1 and 3): the fee left is 162.77 − 64.00 = 98.77 and the VAT left
  // 448.65 − 172.80 = 275.85, not recomputed; net −(1 234.56 + 45.90) − 98.77 = −1 379.23,
  // total −1 655.08, so that 2 691.89 − 1 036.81 − 1 655.08 = 0.
  CreditedSoFar so_far{{2}, first.draft.fee, first.draft.vat};
  const auto rest = plan_credit("F-1", invoice, agreement, so_far, {});
  BOOST_TEST(rest.credited_positions == (std::vector<int>{1, 3}));
  BOOST_TEST(rest.draft.fee.cents() == -9877);
  BOOST_TEST(rest.draft.net_total.cents() == -137923);
  BOOST_TEST(rest.draft.vat.cents() == -27585);
  BOOST_TEST(rest.draft.total.cents() == -165508);
  BOOST_TEST((invoice.total + first.draft.total + rest.draft.total).is_zero());
  // Nothing is left; a line credited already; the fee line; no such line.
  const auto refused = [&](const CreditedSoFar& before, std::vector<int> positions,
                           gepaie::ErrorKind kind, const std::string& part) {
    try {
      plan_credit("F-1", invoice, agreement, before, positions);
    } catch (const gepaie::Error& e) {
      return e.kind() == kind && e.message().find(part) != std::string::npos;
    }
    return false;
  };
  const CreditedSoFar all{{1, 2, 3}, Money(), Money()};
  BOOST_TEST(refused(all, {}, gepaie::ErrorKind::Conflict, "F-1 is already fully credited"));
  BOOST_TEST(refused(so_far, {2}, gepaie::ErrorKind::Conflict, "line 2 of F-1 is already"));
  BOOST_TEST(refused({}, {4}, gepaie::ErrorKind::BadInput, "is the management fee"));
  BOOST_TEST(refused({}, {5}, gepaie::ErrorKind::BadInput, "F-1 has no line 5 (lines 1 to 4)"));
}

BOOST_AUTO_TEST_CASE(partial_credit_with_the_fee_line_selected) {
  // E002 and the fee line itself: −800.01 and −162.77, no extra fee part. Net −962.78;
  // VAT −192.556 → −192.56; total −1 155.34.
  const InvoiceDraft credit = build_credit(fee_rate_invoice(), fee_rate_agreement("8"), {3, 1});
  BOOST_REQUIRE_EQUAL(credit.lines.size(), 2u);
  // Invoice order, whatever the order of the positions.
  BOOST_TEST(credit.lines[0].amount.cents() == -80001);
  BOOST_TEST(credit.lines[1].amount.cents() == -16277);
  BOOST_TEST(credit.fee.cents() == -16277);
  BOOST_TEST(credit.net_total.cents() == -96278);
  BOOST_TEST(credit.vat.cents() == -19256);
  BOOST_TEST(credit.total.cents() == -115534);
}

BOOST_AUTO_TEST_CASE(partial_credit_per_hour_and_expenses) {
  const BillingAgreement agreement = fee_per_hour_agreement(250);
  const InvoiceDraft invoice =
      *build_invoice(kMember, kMonth, agreement, month_shares(), kLabels, exempt());
  // E001 (70 h): fee part 70 × 2.50 = 175.00 on a line of −70 h at 2.50; exempt: no VAT.
  InvoiceDraft credit = build_credit(invoice, agreement, {0});
  BOOST_REQUIRE_EQUAL(credit.lines.size(), 2u);
  BOOST_TEST(credit.lines[1].label == "Frais de gestion 2,50\u00A0€ / h");
  BOOST_TEST(credit.lines[1].hours.minutes() == -4200);
  BOOST_TEST(credit.lines[1].unit_price.cents() == 250);
  BOOST_TEST(credit.lines[1].amount.cents() == -17500);
  BOOST_TEST(credit.net_total.cents() == -140956);  // −1 234.56 − 175.00
  BOOST_TEST(credit.vat.is_zero());
  BOOST_TEST(credit.total.cents() == -140956);
  BOOST_TEST(credit.vat_mention == kExemptMention);
  // The expense line alone: no fee part, no cost share.
  credit = build_credit(invoice, agreement, {2});
  BOOST_REQUIRE_EQUAL(credit.lines.size(), 1u);
  BOOST_TEST(credit.total.cents() == -4590);
  BOOST_TEST(credit.cost_share.is_zero());
}

BOOST_AUTO_TEST_CASE(every_line_selected_equals_the_full_credit) {
  const InvoiceDraft invoice = fee_rate_invoice();
  const InvoiceDraft full = build_credit(invoice, fee_rate_agreement("8"), {});
  const InvoiceDraft all = build_credit(invoice, fee_rate_agreement("8"), {0, 1, 2, 3});
  BOOST_TEST((all.lines == full.lines));
  BOOST_TEST(all.cost_share == full.cost_share);
  BOOST_TEST(all.net_total == full.net_total);
  BOOST_TEST(all.vat == full.vat);
  BOOST_TEST(all.total == full.total);
}

BOOST_AUTO_TEST_CASE(partial_credit_coefficient) {
  const BillingAgreement agreement = coefficient_agreement("1.75");
  const InvoiceDraft invoice =
      *build_invoice(kMember, kMonth, agreement, month_shares(), kLabels, vat20());
  // One employee line: −1 747.90, no fee, VAT −349.58; the cost share is not known per line.
  InvoiceDraft credit = build_credit(invoice, agreement, {0});
  BOOST_REQUIRE_EQUAL(credit.lines.size(), 1u);
  BOOST_TEST(credit.net_total.cents() == -174790);
  BOOST_TEST(credit.vat.cents() == -34958);
  BOOST_TEST(credit.cost_share.is_zero());
  // Both employee lines: the whole cost share.
  credit = build_credit(invoice, agreement, {0, 1});
  BOOST_TEST(credit.cost_share.cents() == -203457);
}

BOOST_AUTO_TEST_CASE(bad_positions) {
  const InvoiceDraft invoice = fee_rate_invoice();
  const BillingAgreement agreement = fee_rate_agreement("8");
  for (const std::vector<int>& positions :
       std::vector<std::vector<int>>{{4}, {-1}, {0, 0}, {1, 2, 1}}) {
    try {
      build_credit(invoice, agreement, positions);
      BOOST_ERROR("no error");
    } catch (const Error& e) {
      BOOST_TEST((e.kind() == ErrorKind::BadInput), e.message());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(regularisation)

BOOST_AUTO_TEST_CASE(difference_per_member) {
  const std::string a = "11111111111111";
  const std::string b = "22222222222222";
  const std::string c = "33333333333333";
  const std::string d = "44444444444444";
  // A billed 1 000.00 then credited 100.00 (net 900.00) for a real share of 880.50: refund
  // 19.50. B billed 500.00 for 520.00: owes 20.00. C nothing billed, 30.00 of share: owes 30.00.
  // D billed 12.00 without any share: refund 12.00.
  std::vector<Regularisation> rows =
      regularise({{b, cents(50000)}, {a, cents(100000)}, {a, cents(-10000)}, {d, cents(1200)}},
                 {{c, cents(3000)}, {b, cents(52000)}, {a, cents(88050)}});
  BOOST_REQUIRE_EQUAL(rows.size(), 4u);
  BOOST_TEST(rows[0].member_siret == a);
  BOOST_TEST(rows[0].billed.cents() == 90000);
  BOOST_TEST(rows[0].cost_share.cents() == 88050);
  BOOST_TEST(rows[0].difference.cents() == -1950);
  BOOST_TEST(rows[1].member_siret == b);
  BOOST_TEST(rows[1].difference.cents() == 2000);
  BOOST_TEST(rows[2].member_siret == c);
  BOOST_TEST(rows[2].billed.is_zero());
  BOOST_TEST(rows[2].difference.cents() == 3000);
  BOOST_TEST(rows[3].member_siret == d);
  BOOST_TEST(rows[3].cost_share.is_zero());
  BOOST_TEST(rows[3].difference.cents() == -1200);
  BOOST_TEST(regularise({}, {}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(property)

// Random months split with split_costs, then one invoice per member under a random agreement
// (fee rate, fee per hour, none, coefficient) and a random VAT regime:
// - the invoices' cost shares add up exactly to the month's costs (every member with a share
//   gets an invoice), and each one to its member's shares;
// - each invoice: net = sum of lines = lines_total + fee, total = net + VAT, VAT = net × rate
//   within half a cent; under cost split the employee lines add up to the cost share;
// - a full credit cancels its invoice exactly.
BOOST_AUTO_TEST_CASE(invoices_carry_the_whole_cost) {
  constexpr int kMonths = 1000;
  std::mt19937_64 rng(77);
  auto uniform = [&rng](int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(rng);
  };
  const auto start = std::chrono::steady_clock::now();
  int64_t invoices = 0;
  int64_t no_invoice = 0;
  for (int month = 0; month < kMonths; ++month) {
    const int member_count = static_cast<int>(uniform(1, 12));
    std::vector<std::string> members;
    std::map<std::string, BillingAgreement> agreements;
    for (int m = 0; m < member_count; ++m) {
      std::string siret = std::to_string(50000000000000 + m);
      BillingAgreement agreement;
      switch (uniform(0, 3)) {
        case 0:
          agreement.fee_rate = Rate::from_ppm(uniform(1, 200000));
          break;
        case 1:
          agreement.fee_per_hour = cents(uniform(1, 1000));
          break;
        case 2:
          break;
        default:
          agreement.model = BillingModel::Coefficient;
          agreement.coefficient = Rate::from_ppm(uniform(1500000, 1900000));
      }
      agreements[siret] = agreement;
      members.push_back(std::move(siret));
    }
    const VatSettings vat = uniform(0, 1) ? vat20() : exempt();
    auto any_member = [&]() { return members[static_cast<size_t>(uniform(0, member_count - 1))]; };

    std::vector<EmployeeCost> employees;
    Money month_cost;
    for (int64_t k = uniform(1, 40); k > 0; --k) {
      EmployeeCost e;
      e.employee_number = "E";  // appended: `"E" + std::string` trips g++ 12's -Wrestrict at -O3
      e.employee_number += std::to_string(k);
      e.cost = cents(uniform(0, 9) == 0 ? 0 : uniform(0, 2000000));
      e.hourly_rate = cents(uniform(1180, 4000));
      const bool worked_nothing = uniform(0, 6) == 0;
      for (int64_t n = uniform(1, 4); n > 0; --n) {
        e.worked.push_back({any_member(), minutes(worked_nothing ? 0 : uniform(0, 10000))});
      }
      e.contract_members = {any_member()};
      if (uniform(0, 3) == 0) {
        e.expenses.push_back({any_member(), cents(uniform(1, 30000))});
      }
      month_cost += e.cost;
      employees.push_back(std::move(e));
    }
    const std::vector<Share> shares = split_costs(employees);
    std::map<std::string, std::vector<Share>> by_member;
    for (const Share& s : shares) {
      by_member[s.member_siret].push_back(s);
    }

    Money invoiced_cost;
    for (const auto& [siret, rows] : by_member) {
      Money member_cost;
      for (const Share& s : rows) {
        member_cost += s.cost_share;
      }
      const std::optional<InvoiceDraft> invoice =
          build_invoice(siret, Month::parse("2025-01"), agreements.at(siret), rows, {}, vat);
      if (!invoice) {
        ++no_invoice;
        BOOST_TEST_REQUIRE(member_cost.is_zero());
        continue;
      }
      ++invoices;
      BOOST_TEST_REQUIRE(invoice->cost_share == member_cost);
      invoiced_cost += invoice->cost_share;
      BOOST_TEST_REQUIRE(sum_lines(*invoice) == invoice->net_total);
      BOOST_TEST_REQUIRE(invoice->lines_total + invoice->fee == invoice->net_total);
      BOOST_TEST_REQUIRE(invoice->net_total + invoice->vat == invoice->total);
      const int64_t vat_error =
          invoice->vat.cents() * 1000000 - invoice->net_total.cents() * invoice->vat_rate.ppm();
      BOOST_TEST_REQUIRE((vat_error <= 500000 && vat_error >= -500000));
      if (invoice->model == BillingModel::CostSplit) {
        Money employee_lines;
        for (const InvoiceLine& line : invoice->lines) {
          if (line.kind == InvoiceLineKind::Employee) {
            employee_lines += line.amount;
          }
        }
        BOOST_TEST_REQUIRE(employee_lines == invoice->cost_share);
      }
      const InvoiceDraft credit = build_credit(*invoice, agreements.at(siret), {});
      BOOST_TEST_REQUIRE((invoice->total + credit.total).is_zero());
      BOOST_TEST_REQUIRE((invoice->cost_share + credit.cost_share).is_zero());
    }
    BOOST_TEST_REQUIRE(invoiced_cost == month_cost);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(kMonths << " months, " << invoices << " invoices, " << no_invoice
                             << " members with nothing to bill, in " << seconds << " s");
  BOOST_TEST(invoices > 1000);
}

BOOST_AUTO_TEST_SUITE_END()
