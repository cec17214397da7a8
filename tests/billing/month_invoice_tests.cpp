#define BOOST_TEST_MODULE month_invoice_tests
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "gepaie/billing/invoice.h"
#include "gepaie/billing/split.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/registry/records.h"

using gepaie::Date;
using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Hours;
using gepaie::Money;
using gepaie::Month;
using gepaie::Rate;
using gepaie::billing::build_month_invoice;
using gepaie::billing::InvoiceLineKind;
using gepaie::billing::PendingRegularisation;
using gepaie::billing::Share;
using gepaie::billing::vat_regime;
using gepaie::billing::VatSettings;
using gepaie::registry::BillingAgreement;
using gepaie::registry::BillingModel;

namespace {

const std::string kMember = "11111111111111";
const Month kMonth = Month::parse("2026-11");
const std::string kExemptMention = "TVA non applicable, art. 261 B du CGI";

Money euros(const char* text) {
  return Money::parse(text);
}

Share share(int64_t minutes, const char* cost) {
  Share s;
  s.employee_number = "E001";
  s.member_siret = kMember;
  s.hours = Hours::from_minutes(minutes);
  s.cost_share = euros(cost);
  return s;
}

BillingAgreement fee_rate_8() {
  BillingAgreement a;
  a.fee_rate = Rate::parse_percent("8");
  return a;
}

VatSettings vat20() {
  return VatSettings{false, Rate::parse_percent("20"), ""};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(month_invoice_tests)

BOOST_AUTO_TEST_CASE(nothing_to_bill_no_invoice) {
  BOOST_TEST(!build_month_invoice(kMember, kMonth, fee_rate_8(), {}, {}, {}, vat20()));
}

BOOST_AUTO_TEST_CASE(shares_alone_are_build_invoice) {
  const auto month =
      build_month_invoice(kMember, kMonth, fee_rate_8(), {share(60, "100.00")}, {}, {}, vat20());
  const auto plain = gepaie::billing::build_invoice(kMember, kMonth, fee_rate_8(),
                                                    {share(60, "100.00")}, {}, vat20());
  BOOST_REQUIRE(month.has_value());
  BOOST_TEST((month->lines == plain->lines));
  BOOST_TEST(month->total == euros("129.60"));  // (100.00 + 8 % fee) × 1.20
}

BOOST_AUTO_TEST_CASE(regularisation_lines_carry_no_fee) {
  // Employee line 100.00, fee 8 % of it = 8.00, then +10.00 of regularisation: the fee stays
  // 8.00; net 118.00, VAT 23.60, total 141.60.
  const auto draft =
      build_month_invoice(kMember, kMonth, fee_rate_8(), {share(60, "100.00")},
                          {{"Heures oubliées en octobre", euros("10.00")}}, {}, vat20());
  BOOST_REQUIRE(draft.has_value());
  BOOST_REQUIRE_EQUAL(draft->lines.size(), 3u);
  BOOST_TEST((draft->lines[0].kind == InvoiceLineKind::Employee));
  BOOST_TEST((draft->lines[1].kind == InvoiceLineKind::Fee));
  BOOST_TEST((draft->lines[2].kind == InvoiceLineKind::Regularisation));
  BOOST_TEST(draft->lines[2].label == "Heures oubliées en octobre");
  BOOST_TEST(draft->lines[2].amount == euros("10.00"));
  BOOST_TEST(draft->lines[2].hours == Hours());
  BOOST_TEST(draft->lines[2].unit_price == Money());
  BOOST_TEST(draft->lines[2].employee_number.empty());
  BOOST_TEST(draft->cost_share == euros("100.00"));
  BOOST_TEST(draft->lines_total == euros("110.00"));
  BOOST_TEST(draft->fee == euros("8.00"));
  BOOST_TEST(draft->net_total == euros("118.00"));
  BOOST_TEST(draft->vat == euros("23.60"));
  BOOST_TEST(draft->total == euros("141.60"));
}

BOOST_AUTO_TEST_CASE(regularisations_alone_make_an_invoice) {
  // -50.00 + 12.34 = -37.66; VAT -7.532 -> -7.53; total -45.19.
  BillingAgreement coefficient;
  coefficient.model = BillingModel::Coefficient;
  coefficient.coefficient = Rate::parse_decimal("1.75");
  const std::vector<PendingRegularisation> regularisations = {
      {"Régularisation octobre : séance comptée deux fois", euros("-50.00")},
      {"Heures oubliées", euros("12.34")}};
  const auto draft =
      build_month_invoice(kMember, kMonth, coefficient, {}, regularisations, {}, vat20());
  BOOST_REQUIRE(draft.has_value());
  BOOST_TEST(draft->member_siret == kMember);
  BOOST_TEST((draft->month == kMonth));
  BOOST_TEST((draft->model == BillingModel::Coefficient));
  BOOST_REQUIRE_EQUAL(draft->lines.size(), 2u);
  BOOST_TEST(draft->lines[0].amount == euros("-50.00"));
  BOOST_TEST(draft->lines[1].amount == euros("12.34"));
  BOOST_TEST(draft->cost_share == Money());
  BOOST_TEST(draft->lines_total == euros("-37.66"));
  BOOST_TEST(draft->fee == Money());
  BOOST_TEST(draft->net_total == euros("-37.66"));
  BOOST_TEST(draft->vat_rate == Rate::parse_percent("20"));
  BOOST_TEST(draft->vat == euros("-7.53"));
  BOOST_TEST(draft->total == euros("-45.19"));
  BOOST_TEST(draft->vat_mention.empty());
}

BOOST_AUTO_TEST_CASE(exempt_regularisations_and_shares_that_bill_nothing) {
  // A share without hours nor cost bills nothing: the regularisation makes the invoice.
  const VatSettings exempt{true, Rate::parse_percent("20"), kExemptMention};
  const auto draft = build_month_invoice(kMember, kMonth, fee_rate_8(), {share(0, "0.00")},
                                         {{"Trop-perçu", euros("-20.00")}}, {}, exempt);
  BOOST_REQUIRE(draft.has_value());
  BOOST_REQUIRE_EQUAL(draft->lines.size(), 1u);
  BOOST_TEST(draft->vat_rate == Rate());
  BOOST_TEST(draft->vat == Money());
  BOOST_TEST(draft->total == euros("-20.00"));
  BOOST_TEST(draft->vat_mention == kExemptMention);
}

BOOST_AUTO_TEST_CASE(vat_regime_exempt_or_the_standard_rate) {
  const Date day = Date::parse("2026-11-30");
  const VatSettings exempt = vat_regime(true, kExemptMention, std::nullopt, day);
  BOOST_TEST(exempt.exempt);
  BOOST_TEST(exempt.mention == kExemptMention);
  BOOST_TEST(exempt.rate == Rate());
  const VatSettings standard = vat_regime(false, kExemptMention, Rate::parse_percent("20"), day);
  BOOST_TEST(!standard.exempt);
  BOOST_TEST(standard.rate == Rate::parse_percent("20"));
  BOOST_TEST(standard.mention.empty());
  BOOST_CHECK_EXCEPTION(vat_regime(false, kExemptMention, std::nullopt, day), Error,
                        [](const Error& e) {
                          return e.kind() == ErrorKind::BadInput &&
                                 e.message() == "no rates file covers 2026-11-30 (VAT rate)";
                        });
}

BOOST_AUTO_TEST_SUITE_END()
