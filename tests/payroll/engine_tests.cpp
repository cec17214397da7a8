#define BOOST_TEST_MODULE engine_tests
#include <boost/test/unit_test.hpp>

#include <deque>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/engine.h"

using namespace gepaie;
using namespace gepaie::payroll;

namespace {

const RateBook& book() {
  static const RateBook rates =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return rates;
}

EmployerSettings employer(int headcount = 25) {
  EmployerSettings settings;
  settings.headcount = headcount;
  settings.work_accident_rate = Rate::parse_percent("1.20");
  settings.mobility_rate = Rate::parse_percent("2.00");
  settings.health_plan_monthly = Money::parse("40.00");
  settings.health_plan_employer_share = Rate::parse_percent("50");
  return settings;
}

EmploymentTerms terms(const char* gross, const char* weekly = "35",
                      registry::Status status = registry::Status::NonCadre) {
  return {registry::ContractKind::Cdi, status, Hours::parse(weekly), Money::parse(gross)};
}

Payslip compute(const char* month, const EmployerSettings& settings, const EmploymentTerms& t,
                const PayElements& elements = {}) {
  const Month period = Month::parse(month);
  const RateSet* rates = book().at(period.first_day());
  BOOST_REQUIRE(rates != nullptr);
  return compute_payslip(*rates, period, settings, t, elements);
}

// The rates in force in `month` with one figure changed, as another rates file would set it. The
// changed sets live as long as the test program: payslip lines view their codes and labels.
template <typename Change>
Payslip compute_changed(const char* month, Change change, const EmployerSettings& settings,
                        const EmploymentTerms& t, const PayElements& elements = {}) {
  static std::deque<RateSet> changed_sets;
  const Month period = Month::parse(month);
  const RateSet* rates = book().at(period.first_day());
  BOOST_REQUIRE(rates != nullptr);
  RateSet& changed = changed_sets.emplace_back(*rates);
  change(changed.constants);
  return compute_payslip(changed, period, settings, t, elements);
}

const PayslipLine* line(const Payslip& slip, const std::string& code) {
  for (const PayslipLine& l : slip.lines) {
    if (l.code == code) {
      return &l;
    }
  }
  return nullptr;
}

int64_t base_cents(const Payslip& slip, const std::string& code) {
  const PayslipLine* l = line(slip, code);
  BOOST_REQUIRE_MESSAGE(l != nullptr, "no line " + code);
  return l->base.cents();
}

int64_t cents(const Payslip& slip, const std::string& code, bool employer_part) {
  const PayslipLine* l = line(slip, code);
  BOOST_REQUIRE_MESSAGE(l != nullptr, "no line " + code);
  return (employer_part ? l->employer_amount : l->employee_amount).cents();
}

// Every total is the sum of its rounded lines, and the identities hold.
void check_identities(const Payslip& slip) {
  Money gross, employee, employer, reductions, adjustments;
  for (const PayslipLine& l : slip.lines) {
    if (l.kind == LineKind::Earning) {
      gross += l.employee_amount;
    } else if (l.kind == LineKind::Adjustment) {
      adjustments += l.employee_amount;
    } else {
      employee += l.employee_amount;
      employer += l.employer_amount;
      if (l.kind == LineKind::Reduction) {
        reductions -= l.employer_amount;
      }
    }
  }
  const Totals& t = slip.totals;
  BOOST_TEST(t.gross == gross);
  BOOST_TEST(t.employee_contributions == employee);
  BOOST_TEST(t.employer_contributions == employer);
  BOOST_TEST(t.reductions == reductions);
  BOOST_TEST(t.net_before_tax == t.gross - t.employee_contributions);
  BOOST_TEST(t.net_paid == t.net_before_tax - t.income_tax + adjustments);
  BOOST_TEST(t.employer_cost == t.gross + t.employer_contributions);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_tests)

BOOST_AUTO_TEST_CASE(full_time_3000_in_november_2026) {
  const Payslip slip = compute("2026-11", employer(), terms("3000.00"));
  check_identities(slip);
  BOOST_TEST(slip.totals.gross.cents() == 300000);
  BOOST_TEST(slip.ceiling.cents() == 400500);
  BOOST_TEST(cents(slip, "maladie", true) == 39000);                // 13 %
  BOOST_TEST(cents(slip, "vieillesse_plafonnee", false) == 20700);  // 6.90 %
  BOOST_TEST(cents(slip, "vieillesse_plafonnee", true) == 25650);   // 8.55 %
  BOOST_TEST(cents(slip, "accidents_travail", true) == 3600);       // 1.20 %
  BOOST_TEST(cents(slip, "versement_mobilite", true) == 6000);      // 2 %
  BOOST_TEST(cents(slip, "complementaire_sante", true) == 2000);
  BOOST_TEST(cents(slip, "complementaire_sante", false) == 2000);
  BOOST_TEST(cents(slip, "forfait_social", true) == 160);  // 8 % of the 20.00 employer share
  // CSG base: 98.25 % of 3000 + the employer's health share.
  BOOST_TEST(line(slip, "csg_deductible")->base.cents() == 296750);
  BOOST_TEST(cents(slip, "csg_deductible", false) == 20179);        // 2967.50 × 6.80 % = 201.79
  BOOST_TEST(line(slip, "retraite_complementaire_t2") == nullptr);  // no tranche 2: left out
  BOOST_TEST(line(slip, "cet") == nullptr);                         // gross under the ceiling
  BOOST_TEST(line(slip, "apec") == nullptr);                        // non-cadre
  // RGDU: SMIC 12.31 × 151.67 h = 1867.02; C = 0.02 + 0.3781 × (½(3 × 1867.02 / 3000 − 1))^1.75
  BOOST_TEST(slip.smic_reference.cents() == 186702);
  BOOST_TEST(slip.reduction_coefficient.ppm() == 107'600);
  BOOST_TEST(cents(slip, "reduction_generale", true) == -32280);
  // Net taxable adds back CSG non déductible, CRDS and the employer's health share.
  const Money back = Money::from_cents(cents(slip, "csg_non_deductible", false) +
                                       cents(slip, "crds", false) + 2000);
  BOOST_TEST(slip.totals.net_taxable == slip.totals.net_before_tax + back);
}

BOOST_AUTO_TEST_CASE(smic_changes_on_the_first_of_june_2026) {
  const Payslip may = compute("2026-05", employer(), terms("2000.00"));
  const Payslip june = compute("2026-06", employer(), terms("2000.00"));
  BOOST_TEST(may.smic_reference.cents() == 182303);   // 12.02 × 35 × 52 / 12 h
  BOOST_TEST(june.smic_reference.cents() == 186702);  // 12.31 × 35 × 52 / 12 h
  BOOST_TEST(june.reduction_coefficient > may.reduction_coefficient);
}

BOOST_AUTO_TEST_CASE(tranches_and_cet_above_the_ceiling) {
  const Payslip slip = compute("2026-03", employer(), terms("6000.00"));
  check_identities(slip);
  BOOST_TEST(line(slip, "vieillesse_plafonnee")->base.cents() == 400500);
  BOOST_TEST(line(slip, "retraite_complementaire_t2")->base.cents() == 199500);
  BOOST_TEST(cents(slip, "retraite_complementaire_t2", false) == 17237);  // 1995 × 8.64 % = 172.368
  BOOST_TEST(line(slip, "cet")->base.cents() == 600000);
  BOOST_TEST(slip.reduction_coefficient.ppm() == 0);  // above 3 SMIC
  BOOST_TEST(line(slip, "reduction_generale") == nullptr);
}

BOOST_AUTO_TEST_CASE(part_time_prorates_the_ceiling) {
  const Payslip slip = compute("2026-11", employer(), terms("3500.00", "24"));
  check_identities(slip);
  BOOST_TEST(slip.ceiling.cents() == 274629);  // 4005 × 24 / 35 = 2746.2857
  BOOST_TEST(line(slip, "retraite_complementaire_t2")->base.cents() == 350000 - 274629);
  BOOST_TEST(slip.smic_reference.cents() == 128024);  // 12.31 × 104 h
}

BOOST_AUTO_TEST_CASE(cadre_pays_apec_and_prevoyance) {
  const Payslip slip =
      compute("2026-11", employer(), terms("4200.00", "35", registry::Status::Cadre));
  check_identities(slip);
  BOOST_TEST(cents(slip, "apec", false) == 101);              // 4200 × 0.024 %
  BOOST_TEST(cents(slip, "prevoyance_cadre", true) == 6008);  // 4005 × 1.50 % = 60.075
  // The prévoyance employer share enters the CSG base and the forfait social.
  BOOST_TEST(line(slip, "csg_deductible")->base.cents() ==
             Money::parse("4200").times(Rate::parse_percent("98.25")).cents() + 2000 + 6008);
  BOOST_TEST(line(slip, "forfait_social")->base.cents() == 2000 + 6008);
}

BOOST_AUTO_TEST_CASE(headcount_thresholds) {
  const Payslip small = compute("2026-11", employer(10), terms("2500.00"));
  const Payslip medium = compute("2026-11", employer(49), terms("2500.00"));
  const Payslip large = compute("2026-11", employer(50), terms("2500.00"));
  BOOST_TEST(line(small, "versement_mobilite") == nullptr);
  BOOST_TEST(line(small, "forfait_social") == nullptr);
  BOOST_TEST(cents(small, "formation_professionnelle_moins_11", true) == 1375);
  BOOST_TEST(cents(medium, "formation_professionnelle", true) == 2500);
  BOOST_TEST(cents(medium, "fnal_moins_50", true) == 250);
  BOOST_TEST(line(medium, "peec") == nullptr);
  BOOST_TEST(cents(large, "fnal_50", true) == 1250);
  BOOST_TEST(cents(large, "peec", true) == 1125);
  BOOST_TEST(large.reduction_coefficient >= medium.reduction_coefficient);
}

BOOST_AUTO_TEST_CASE(overtime_pay_reductions_and_tax_exemption) {
  PayElements elements;
  elements.overtime_first = Hours::parse("10");
  elements.income_tax_rate = Rate::parse_percent("10");
  const Payslip slip = compute("2026-11", employer(10), terms("2000.00"), elements);
  check_identities(slip);
  // 2000 / 151.67 h × 1.25 × 10 h = 164.835 → 164.84
  BOOST_TEST(cents(slip, "heures_sup_1", false) == 16484);
  BOOST_TEST(slip.totals.gross.cents() == 216484);
  // Employee reduction: the lower of 11.31 % and the effective old-age + pension rate.
  const PayslipLine* reduction = line(slip, "reduction_salariale_heures_sup");
  BOOST_REQUIRE(reduction != nullptr);
  BOOST_TEST(reduction->employee_amount.cents() == -1864);  // 164.84 × 11.31 % = 18.643
  // Employer flat deduction: 1.50 € an hour under 20 staff.
  BOOST_TEST(cents(slip, "deduction_forfaitaire_heures_sup", true) == -1500);
  BOOST_TEST(slip.totals.overtime_tax_exempt.cents() == 16484);
  BOOST_TEST(slip.totals.income_tax == slip.totals.net_taxable.times(Rate::parse_percent("10")));
  // The SMIC reference counts overtime hours without their majoration.
  BOOST_TEST(slip.smic_reference.cents() == Money::parse("12.31").mul_div(9100 + 600, 60).cents());
}

BOOST_AUTO_TEST_CASE(overtime_tax_exemption_stops_at_the_yearly_cap) {
  PayElements elements;
  elements.overtime_first = Hours::parse("10");
  elements.year_to_date.overtime_tax_exempt = Money::parse("8000.00");
  const Payslip slip = compute("2026-11", employer(), terms("2000.00"), elements);
  // The 7 500 € net cap is 7 500 / (1 − 98.25 % × 6.80 %) = 8 036.95 € of gross overtime pay.
  BOOST_TEST(slip.totals.overtime_tax_exempt.cents() == 3695);
}

BOOST_AUTO_TEST_CASE(part_time_extra_hours) {
  PayElements elements;
  elements.extra_first = Hours::parse("8");
  const Payslip slip = compute("2026-11", employer(), terms("1600.00", "24"), elements);
  check_identities(slip);
  // 1600 / 104 h × 1.10 × 8 h = 135.38
  BOOST_TEST(cents(slip, "heures_comp_1", false) == 13538);
  BOOST_TEST(line(slip, "deduction_forfaitaire_heures_sup") == nullptr);
  BOOST_TEST(line(slip, "reduction_salariale_heures_sup") != nullptr);
}

BOOST_AUTO_TEST_CASE(entry_during_the_month_prorates_pay_and_ceiling) {
  PayElements elements;
  elements.entry = Date::parse("2026-11-16");
  const Payslip slip = compute("2026-11", employer(), terms("3000.00"), elements);
  check_identities(slip);
  BOOST_TEST(slip.totals.gross.cents() == 150000);  // 15 of 30 days
  BOOST_TEST(slip.ceiling.cents() == 200250);
}

BOOST_AUTO_TEST_CASE(absences_are_deducted_at_the_real_hours_rate) {
  PayElements elements;
  elements.unpaid_absence = Hours::parse("7");
  elements.scheduled_hours = Hours::parse("147");  // 21 working days of 7 h
  const Payslip slip = compute("2026-11", employer(), terms("2100.00"), elements);
  BOOST_TEST(cents(slip, "absence_non_remuneree", false) == -10000);  // 2100 × 7 / 147
  BOOST_TEST(slip.totals.gross.cents() == 200000);
}

BOOST_AUTO_TEST_CASE(net_adjustments_come_after_income_tax) {
  PayElements plain;
  plain.income_tax_rate = Rate::parse_percent("5");
  PayElements adjusted = plain;
  adjusted.transit_refund = Money::parse("43.10");          // half of an 86.20 € pass
  adjusted.expense_refund = Money::parse("12.40");          // a train ticket
  adjusted.meal_voucher_deduction = Money::parse("80.00");  // 20 vouchers × 10 € × 40 %
  const Payslip before = compute("2026-11", employer(), terms("2000.00"), plain);
  const Payslip after = compute("2026-11", employer(), terms("2000.00"), adjusted);
  check_identities(after);
  // Neither contributions nor income tax change.
  BOOST_TEST(after.totals.gross == before.totals.gross);
  BOOST_TEST(after.totals.employee_contributions == before.totals.employee_contributions);
  BOOST_TEST(after.totals.employer_contributions == before.totals.employer_contributions);
  BOOST_TEST(after.totals.net_before_tax == before.totals.net_before_tax);
  BOOST_TEST(after.totals.net_taxable == before.totals.net_taxable);
  BOOST_TEST(after.totals.income_tax == before.totals.income_tax);
  BOOST_TEST(after.totals.employer_cost == before.totals.employer_cost);
  // Net paid: + 43.10 + 12.40 − 80.00 = − 24.50.
  BOOST_TEST(after.totals.net_paid.cents() == before.totals.net_paid.cents() - 2450);
  BOOST_TEST(after.totals.net_paid == after.totals.net_before_tax - after.totals.income_tax +
                                          Money::parse("43.10") + Money::parse("12.40") -
                                          Money::parse("80.00"));
  // One line each, after every other line, in this order.
  BOOST_REQUIRE(after.lines.size() == before.lines.size() + 3);
  const size_t first = before.lines.size();
  BOOST_TEST(after.lines[first].code == "remboursement_transport");
  BOOST_TEST(after.lines[first + 1].code == "remboursement_frais");
  BOOST_TEST(after.lines[first + 2].code == "retenue_titres_restaurant");
  for (size_t i = first; i < after.lines.size(); ++i) {
    BOOST_TEST((after.lines[i].kind == LineKind::Adjustment));
  }
  BOOST_TEST(cents(after, "remboursement_transport", false) == 4310);
  BOOST_TEST(cents(after, "remboursement_frais", false) == 1240);
  BOOST_TEST(cents(after, "retenue_titres_restaurant", false) == -8000);
  BOOST_TEST(line(before, "remboursement_transport") == nullptr);  // none when zero
  PayElements negative;
  negative.expense_refund = Money::parse("-1.00");
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("2000.00"), negative), Error);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_refused) {
  PayElements overtime;
  overtime.overtime_first = Hours::parse("2");
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("1500.00", "24"), overtime), Error);
  PayElements extra;
  extra.extra_first = Hours::parse("2");
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("2500.00"), extra), Error);
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("-1.00")), Error);
  PayElements absent;
  absent.unpaid_absence = Hours::parse("7");
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("2100.00"), absent), Error);
  PayElements gone;
  gone.exit = Date::parse("2026-10-31");
  BOOST_CHECK_THROW(compute("2026-11", employer(), terms("2100.00"), gone), Error);
}

// The figures that used to be literals in the engine come from the rates: a rates set with
// another value changes the payslip.
BOOST_AUTO_TEST_CASE(overtime_deduction_headcount_comes_from_the_rates) {
  PayElements elements;
  elements.overtime_first = Hours::parse("10");
  // 19 staff: under the 20 of the rates, 1.50 € an hour; from 20, 0.50 € an hour.
  const Payslip small = compute("2026-11", employer(19), terms("2000.00"), elements);
  const Payslip twenty = compute("2026-11", employer(20), terms("2000.00"), elements);
  BOOST_TEST(cents(small, "deduction_forfaitaire_heures_sup", true) == -1500);
  BOOST_TEST(cents(twenty, "deduction_forfaitaire_heures_sup", true) == -500);
  const Payslip lowered = compute_changed(
      "2026-11", [](Constants& k) { k.overtime_deduction_headcount = 15; }, employer(19),
      terms("2000.00"), elements);
  BOOST_TEST(cents(lowered, "deduction_forfaitaire_heures_sup", true) == -500);
}

BOOST_AUTO_TEST_CASE(reduction_headcount_comes_from_the_rates) {
  // 2026, 2000 € at 49 staff: Tdelta 0.3781; at 50 staff: 0.3821.
  const Payslip medium = compute("2026-11", employer(49), terms("2000.00"));
  const Payslip large = compute("2026-11", employer(50), terms("2000.00"));
  BOOST_TEST(large.reduction_coefficient > medium.reduction_coefficient);
  const Payslip lowered = compute_changed(
      "2026-11", [](Constants& k) { k.reduction_large_headcount = 40; }, employer(49),
      terms("2000.00"));
  BOOST_TEST(lowered.reduction_coefficient == large.reduction_coefficient);
  // 2025 (Fillon) as well.
  const Payslip medium_2025 = compute("2025-11", employer(49), terms("2000.00"));
  const Payslip lowered_2025 = compute_changed(
      "2025-11", [](Constants& k) { k.reduction_large_headcount = 40; }, employer(49),
      terms("2000.00"));
  BOOST_TEST(lowered_2025.reduction_coefficient > medium_2025.reduction_coefficient);
}

BOOST_AUTO_TEST_CASE(reduction_rounding_comes_from_the_rates) {
  const Payslip four = compute("2026-11", employer(), terms("3000.00"));
  BOOST_TEST(four.reduction_coefficient.ppm() == 107'600);  // 0.1076: 4 decimals
  const Payslip two = compute_changed(
      "2026-11", [](Constants& k) { k.reduction_coefficient_decimals = 2; }, employer(),
      terms("3000.00"));
  BOOST_TEST(two.reduction_coefficient.ppm() == 110'000);  // 0.11
  const Payslip six = compute_changed(
      "2026-11", [](Constants& k) { k.reduction_coefficient_decimals = 6; }, employer(),
      terms("3000.00"));
  BOOST_TEST(std::abs(six.reduction_coefficient.ppm() - 107'600) <= 50);
  BOOST_TEST(six.reduction_coefficient.ppm() % 100 != 0);
}

BOOST_AUTO_TEST_CASE(ceiling_proration_days_come_from_the_rates) {
  PayElements elements;
  elements.entry = Date::parse("2026-11-16");
  // 15 days of 30: 4005 × 15 / 30; with 31 days in the rates: 4005 × 15 / 31 = 1937.90.
  const Payslip slip = compute_changed(
      "2026-11", [](Constants& k) { k.ceiling_proration_days = 31; }, employer(), terms("3000.00"),
      elements);
  BOOST_TEST(slip.ceiling.cents() == 193790);
  // A 31-day month with an entry on the 2nd: 30 days present, the whole ceiling under the
  // 30-day rule; 30/31 of it under a 31-day rule.
  PayElements second;
  second.entry = Date::parse("2026-12-02");
  BOOST_TEST(compute("2026-12", employer(), terms("3000.00"), second).ceiling.cents() == 400500);
  const Payslip by_31 = compute_changed(
      "2026-12", [](Constants& k) { k.ceiling_proration_days = 31; }, employer(), terms("3000.00"),
      second);
  BOOST_TEST(by_31.ceiling.cents() == 387581);  // 4005 × 30 / 31 = 3875.806
}

BOOST_AUTO_TEST_CASE(ceiling_multiples_come_from_the_rates) {
  // 40 000 €: chômage up to 4 ceilings (16 020), tranche 2 up to 8 (7 × 4005 = 28 035).
  const Payslip slip = compute("2026-11", employer(), terms("40000.00"));
  BOOST_TEST(base_cents(slip, "chomage") == 1602000);
  BOOST_TEST(base_cents(slip, "retraite_complementaire_t2") == 2803500);
  BOOST_TEST(base_cents(slip, "cet") == 3204000);
  const Payslip changed = compute_changed(
      "2026-11",
      [](Constants& k) {
        k.unemployment_ceiling_multiple = 3;
        k.tranche_2_ceiling_multiple = 6;
      },
      employer(), terms("40000.00"));
  BOOST_TEST(base_cents(changed, "chomage") == 1201500);
  BOOST_TEST(base_cents(changed, "retraite_complementaire_t2") == 2002500);
  BOOST_TEST(base_cents(changed, "cet") == 2403000);
}

BOOST_AUTO_TEST_CASE(legal_weekly_hours_come_from_the_rates) {
  // 35 h is full time under the rates; with a 36 h legal week it is part-time: the ceiling is
  // prorated by 35 / 36 and overtime is refused.
  const Payslip full = compute("2026-11", employer(), terms("3000.00"));
  BOOST_TEST(full.ceiling.cents() == 400500);
  const auto longer = [](Constants& k) { k.legal_weekly_hours = Hours::parse("36"); };
  const Payslip part = compute_changed("2026-11", longer, employer(), terms("3000.00"));
  BOOST_TEST(part.ceiling.cents() ==
             Money::parse("4005")
                 .mul_div(Hours::monthly_from_weekly(Hours::parse("35")).minutes(),
                          Hours::monthly_from_weekly(Hours::parse("36")).minutes())
                 .cents());
  PayElements overtime;
  overtime.overtime_first = Hours::parse("2");
  BOOST_CHECK_THROW(compute_changed("2026-11", longer, employer(), terms("3000.00"), overtime),
                    Error);
}

// Hours in hundredths are paid exactly: 7.33 h is 26 388 s, not the 440 min (7 h 20) a count
// in whole minutes would make of it.
BOOST_AUTO_TEST_CASE(hundredths_of_an_hour_are_paid_exactly) {
  PayElements elements;
  elements.overtime_first = Hours::parse("7.33");
  // 2000.00 × 26 388 s × 1.25 / 546 000 s = 120.8241… → 120.82
  BOOST_TEST(cents(compute("2026-11", employer(), terms("2000.00"), elements), "heures_sup_1",
                   false) == 12082);
  elements.overtime_first = Hours::parse("7:20");
  // 2000.00 × 26 400 s × 1.25 / 546 000 s = 120.8791… → 120.88
  BOOST_TEST(cents(compute("2026-11", employer(), terms("2000.00"), elements), "heures_sup_1",
                   false) == 12088);
}

// seconds × (1 + majoration) in ppm exceeds int64 long before the pay does: the pay is exact,
// and a pay beyond int64 cents is a Failure, never a wrapped amount.
BOOST_AUTO_TEST_CASE(huge_overtime_is_exact_or_a_failure) {
  PayElements elements;
  elements.overtime_first = Hours::from_minutes(8'000'000'000'000);
  const Payslip slip = compute("2026-11", employer(), terms("2000.00"), elements);
  check_identities(slip);
  // 2000.00 × 8e12 min × 1.25 / 9100 min = 219 780 219 780 219.78 cents
  BOOST_TEST(cents(slip, "heures_sup_1", false) == 219'780'219'780'220);
  // 20 000.00 × 9e18 s × 1.25 / 546 000 s ≈ 4.1e19 cents, beyond int64.
  elements.overtime_first = Hours::from_seconds(9'000'000'000'000'000'000);
  try {
    compute("2026-11", employer(), terms("20000.00"), elements);
    BOOST_ERROR("a pay beyond int64 cents was computed");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Failure));
    BOOST_TEST(e.message().rfind("amount overflow: 20000.00 × ", 0) == 0u, e.message());
  }
}

BOOST_AUTO_TEST_SUITE_END()
