#include "gepaie/payroll/engine.h"

#include <algorithm>
#include <cmath>

#include "gepaie/core/error.h"

namespace gepaie::payroll {
namespace {

using registry::Status;

Money min(Money a, Money b) {
  return a < b ? a : b;
}
Money max(Money a, Money b) {
  return a < b ? b : a;
}

// Money × (1 + rate) × seconds / total seconds: pay for hours at a majorated hourly rate.
Money hourly_pay(Money monthly_base, Hours hours, Hours monthly_hours, Rate majoration) {
  return monthly_base.mul_div(hours.seconds(), Rate::kScale + majoration.ppm(),
                              monthly_hours.seconds(), Rate::kScale);
}

// a × b for hours and counts, or Error Failure instead of wrapping.
int64_t checked_product(int64_t a, int64_t b) {
  int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    throw failure("hours overflow: " + std::to_string(a) + " × " + std::to_string(b) +
                  " does not fit in 64 bits");
  }
  return product;
}

// Rate × rate and money/money ratios as exact ppm fractions.
Rate rate_of(Money part, Money whole) {
  if (whole.cents() <= 0) {
    return Rate::from_ppm(0);
  }
  return Rate::from_ppm(
      Money::from_cents(part.cents()).mul_div(Rate::kScale, whole.cents()).cents());
}

class Calculation {
 public:
  Calculation(const RateSet& rates, Month period, const EmployerSettings& employer,
              const EmploymentTerms& terms, const PayElements& elements)
      : rates_(rates),
        k_(rates.constants),
        period_(period),
        employer_(employer),
        terms_(terms),
        elements_(elements) {}

  Payslip run() {
    check_inputs();
    slip_.period = period_;
    slip_.lines.reserve(rates_.contributions.size() + 12);
    presence();
    earnings();
    ceiling_and_smic();
    contributions();
    overtime_reduction();
    general_reduction();
    adjustments();
    totals();
    return std::move(slip_);
  }

 private:
  void check_inputs() const {
    if (terms_.monthly_base.is_negative()) {
      throw bad_input("base pay must not be negative");
    }
    if (!terms_.weekly_hours.positive()) {
      throw bad_input("weekly hours must be positive");
    }
    const bool overtime = (elements_.overtime_first + elements_.overtime_second).positive();
    const bool extra = (elements_.extra_first + elements_.extra_second).positive();
    if (part_time() && overtime) {
      throw bad_input("a part-time contract has heures complémentaires, not overtime");
    }
    if (!part_time() && extra) {
      throw bad_input("a full-time contract has overtime, not heures complémentaires");
    }
    for (Money amount : {elements_.bonuses, elements_.paid_leave_pay, elements_.cdd_end_indemnity,
                         elements_.leave_compensation, elements_.transit_refund,
                         elements_.expense_refund, elements_.meal_voucher_deduction}) {
      if (amount.is_negative()) {
        throw bad_input("pay elements must not be negative");
      }
    }
    if (elements_.income_tax_rate.ppm() < 0 || elements_.income_tax_rate.ppm() > Rate::kScale) {
      throw bad_input("the income-tax rate must be between 0 and 100 %");
    }
  }

  bool part_time() const { return terms_.weekly_hours < k_.legal_weekly_hours; }
  bool cadre() const { return terms_.status == Status::Cadre; }

  // Days of the month under contract, for entry or exit during the month.
  void presence() {
    Date first = period_.first_day();
    Date last = period_.last_day();
    if (elements_.entry && *elements_.entry > first) {
      first = *elements_.entry;
    }
    if (elements_.exit && *elements_.exit < last) {
      last = *elements_.exit;
    }
    if (last < first) {
      throw bad_input("the contract does not cover any day of " + period_.str());
    }
    present_days_ = last.days() - first.days() + 1;
    month_days_ = period_.days();
  }

  bool whole_month() const { return present_days_ == month_days_; }

  void add_earning(std::string_view code, std::string_view label, Money amount, Hours hours = {},
                   std::optional<Rate> rate = std::nullopt, Money base = {}) {
    if (amount.is_zero()) {
      return;
    }
    PayslipLine line;
    line.code = code;
    line.label = label;
    line.kind = LineKind::Earning;
    line.hours = hours;
    line.base = base.is_zero() ? amount : base;
    line.employee_rate = rate;
    line.employee_amount = amount;
    slip_.lines.push_back(std::move(line));
    gross_ += amount;
  }

  void earnings() {
    monthly_hours_ = Hours::monthly_from_weekly(terms_.weekly_hours);
    const Money base = whole_month() ? terms_.monthly_base
                                     : terms_.monthly_base.mul_div(present_days_, month_days_);
    paid_hours_ = whole_month()
                      ? monthly_hours_
                      : Hours::from_seconds(
                            checked_product(monthly_hours_.seconds(), present_days_) / month_days_);
    add_earning("salaire_base", "Salaire de base", base, paid_hours_);
    const Hours scheduled = elements_.scheduled_hours;
    auto deduction = [&](Hours hours) {
      if (hours.is_zero()) {
        return Money();
      }
      if (!scheduled.positive()) {
        throw bad_input("absences need the hours scheduled in the month");
      }
      return terms_.monthly_base.mul_div(hours.seconds(), scheduled.seconds());
    };
    add_earning("absence_non_remuneree", "Absence non rémunérée",
                -deduction(elements_.unpaid_absence), elements_.unpaid_absence);
    add_earning("absence_conges_payes", "Absence congés payés", -deduction(elements_.paid_leave),
                elements_.paid_leave);
    add_earning("indemnite_conges_payes", "Indemnité de congés payés", elements_.paid_leave_pay);

    const struct {
      const char* code;
      const char* label;
      Hours hours;
      Rate rate;
    } majorated[] = {
        {"heures_sup_1", "Heures supplémentaires", elements_.overtime_first,
         k_.overtime_first_rate},
        {"heures_sup_2", "Heures supplémentaires", elements_.overtime_second,
         k_.overtime_second_rate},
        {"heures_comp_1", "Heures complémentaires", elements_.extra_first, k_.extra_first_rate},
        {"heures_comp_2", "Heures complémentaires", elements_.extra_second, k_.extra_second_rate},
    };
    for (const auto& item : majorated) {
      if (item.hours.is_zero()) {
        continue;
      }
      const Money pay = hourly_pay(terms_.monthly_base, item.hours, monthly_hours_, item.rate);
      add_earning(item.code, item.label, pay, item.hours, item.rate);
      overtime_pay_ += pay;
      overtime_hours_ += item.hours;
    }
    add_earning("primes", "Primes", elements_.bonuses);
    add_earning("indemnite_fin_contrat", "Indemnité de fin de contrat",
                elements_.cdd_end_indemnity);
    add_earning("indemnite_compensatrice_cp", "Indemnité compensatrice de congés payés",
                elements_.leave_compensation);
    if (gross_.is_negative()) {
      throw bad_input("deductions exceed the pay of the month");
    }
  }

  // The ceiling (plafond): for part-time, prorated by the hours paid, heures complémentaires
  // included (CSS R242-7); for an incomplete month, by calendar days over the rates' 30 days
  // (R242-2). A full-time employee keeps the whole ceiling whatever the overtime.
  // The SMIC reference of the general reduction counts the hours paid, overtime unmajorated.
  void ceiling_and_smic() {
    Money full = k_.pmss;
    if (!whole_month()) {
      const int64_t proration_days = k_.ceiling_proration_days;
      full = full.mul_div(std::min<int64_t>(present_days_, proration_days), proration_days);
    }
    full_ceiling_ = full;
    slip_.ceiling = full;
    if (part_time()) {
      const Hours legal = Hours::monthly_from_weekly(k_.legal_weekly_hours);
      const Hours worked = paid_hours_ + elements_.extra_first + elements_.extra_second;
      slip_.ceiling = full.mul_div(worked.seconds(), legal.seconds());
    }
    smic_seconds_ = (paid_hours_ + overtime_hours_).seconds();
    slip_.smic_reference = k_.smic_hourly.mul_div(smic_seconds_, Hours::kSecondsPerHour);
  }

  // gross / SMIC reference as an exact comparison: gross < multiple × SMIC reference.
  bool below_smic_multiple(Rate multiple) const {
    const __int128 left =
        static_cast<__int128>(gross_.cents()) * Hours::kSecondsPerHour * Rate::kScale;
    const __int128 right =
        static_cast<__int128>(multiple.ppm()) * k_.smic_hourly.cents() * smic_seconds_;
    return left < right;
  }

  Money base_for(BaseKind kind) const {
    const Money ceiling = slip_.ceiling;
    switch (kind) {
      case BaseKind::Gross:
        return gross_;
      case BaseKind::Tranche1:
        return min(gross_, ceiling);
      case BaseKind::Tranche1FullCeiling:
        return min(gross_, full_ceiling_);
      case BaseKind::Tranche2:
        return min(max(gross_ - ceiling, Money()), ceiling * (k_.tranche_2_ceiling_multiple - 1));
      case BaseKind::GrossUpToUnemploymentCeiling:
        return min(gross_, ceiling * k_.unemployment_ceiling_multiple);
      case BaseKind::GrossUpToTranche2Ceiling:
        return min(gross_, ceiling * k_.tranche_2_ceiling_multiple);
      case BaseKind::Csg:
        return csg_base_;
      case BaseKind::CsgTaxable:
        return csg_base_ - csg_exempt_base_;
      case BaseKind::CsgExemptOvertime:
        return csg_exempt_base_;
      case BaseKind::EmployerWelfare:
        return welfare_employer_;
    }
    return gross_;
  }

  bool applies(const Condition& when) const {
    if (when.status && *when.status != terms_.status) {
      return false;
    }
    if (when.contract && *when.contract != terms_.kind) {
      return false;
    }
    if (employer_.headcount < when.min_headcount || employer_.headcount > when.max_headcount) {
      return false;
    }
    if (when.above_ceiling_only && gross_ <= slip_.ceiling) {
      return false;
    }
    return true;
  }

  Rate employer_rate(const ContributionRule& rule) const {
    switch (rule.employer_source) {
      case RateSource::Fixed:
        break;
      case RateSource::WorkAccident:
        return employer_.work_accident_rate;
      case RateSource::Mobility:
        return employer_.mobility_rate;
      case RateSource::PrevoyanceCadre:
        return std::max(employer_.prevoyance_cadre_rate.value_or(k_.prevoyance_cadre_min_rate),
                        k_.prevoyance_cadre_min_rate);
    }
    if (rule.reduced && below_smic_multiple(rule.reduced->max_smic_multiple)) {
      return rule.reduced->employer;
    }
    return rule.employer;
  }

  // Adds the line unless its base is zero (a line that does not apply this month is left out).
  PayslipLine add_line(const ContributionRule& rule, Money base, Rate employee, Rate employer) {
    PayslipLine line;
    line.code = rule.code;
    line.label = rule.label;
    line.group = rule.group;
    line.base = base;
    if (employee.ppm() != 0) {
      line.employee_rate = employee;
      line.employee_amount = base.times(employee);
    }
    if (employer.ppm() != 0) {
      line.employer_rate = employer;
      line.employer_amount = base.times(employer);
    }
    if (!base.is_zero()) {
      slip_.lines.push_back(line);
    }
    return line;
  }

  void contributions() {
    // Welfare first: their employer shares enter the CSG base and the forfait social.
    std::vector<const ContributionRule*> later;
    later.reserve(rates_.contributions.size());
    for (const ContributionRule& rule : rates_.contributions) {
      if (!applies(rule.when)) {
        continue;
      }
      if (rule.employer_source == RateSource::PrevoyanceCadre) {
        const PayslipLine line =
            add_line(rule, base_for(rule.base), rule.employee, employer_rate(rule));
        welfare_employer_ += line.employer_amount;
      } else {
        later.push_back(&rule);
      }
    }
    if (!employer_.health_plan_monthly.is_zero()) {
      PayslipLine line;
      line.code = "complementaire_sante";
      line.label = "Complémentaire santé";
      line.group = Group::Health;
      line.base = employer_.health_plan_monthly;
      line.employer_amount = employer_.health_plan_monthly.times(
          employer_.health_plan_employer_share.value_or(k_.health_plan_min_employer_share));
      line.employee_amount = employer_.health_plan_monthly - line.employer_amount;
      health_employer_ = line.employer_amount;
      welfare_employer_ += line.employer_amount;
      slip_.lines.push_back(line);
    }
    // CSG/CRDS base: the abated share of gross up to 4 PASS, gross above it in full, and the
    // employer's welfare shares (CSS L136-1-1).
    const Money abatement_limit = slip_.ceiling * k_.csg_abatement_pass_limit;
    const Money abated = min(gross_, abatement_limit);
    csg_base_ = abated.times(k_.csg_base_share) + (gross_ - abated) + welfare_employer_;
    overtime_tax_exemption(later);

    for (const ContributionRule* rule : later) {
      const PayslipLine line =
          add_line(*rule, base_for(rule->base), rule->employee, employer_rate(*rule));
      if (rule->in_overtime_reduction) {
        overtime_reduction_employee_ += line.employee_amount;
      }
      if (rule->tax == TaxTreatment::NonDeductible) {
        non_deductible_ += line.employee_amount;
      }
    }
  }

  // Overtime pay is exempt from income tax up to a yearly cap of net taxable pay (CGI art. 81
  // quater), turned into gross pay with the deductible CSG rate. The CSG on the exempt part is
  // not deductible (its own base).
  void overtime_tax_exemption(const std::vector<const ContributionRule*>& rules) {
    if (overtime_pay_.is_zero()) {
      return;
    }
    Rate deductible_csg;
    for (const ContributionRule* rule : rules) {
      if ((rule->base == BaseKind::Csg || rule->base == BaseKind::CsgTaxable) &&
          rule->tax == TaxTreatment::Deductible) {
        deductible_csg = deductible_csg + rule->employee;
      }
    }
    // cap / (1 − share × rate), exactly: cap × 10^12 / (10^12 − share_ppm × rate_ppm)
    const __int128 scale = static_cast<__int128>(Rate::kScale) * Rate::kScale;
    const __int128 denominator =
        scale - static_cast<__int128>(k_.csg_base_share.ppm()) * deductible_csg.ppm();
    const Money cap_gross = Money::from_cents(static_cast<int64_t>(
        (static_cast<__int128>(k_.overtime_tax_exemption_cap.cents()) * scale + denominator / 2) /
        denominator));
    const Money left = max(Money(), cap_gross - elements_.year_to_date.overtime_tax_exempt);
    overtime_exempt_ = min(overtime_pay_, left);
    csg_exempt_base_ = overtime_exempt_.times(k_.csg_base_share);
  }

  // Réduction de cotisations salariales sur heures supplémentaires et complémentaires (CSS
  // L241-17): overtime pay × the employee's effective old-age and supplementary-pension rate,
  // capped.
  void overtime_reduction() {
    if (overtime_pay_.is_zero() || gross_.is_zero()) {
      return;
    }
    const Money at_cap = overtime_pay_.times(k_.overtime_employee_reduction_cap);
    const Money effective =
        overtime_pay_.mul_div(overtime_reduction_employee_.cents(), gross_.cents());
    const Money reduction = min(at_cap, effective);
    PayslipLine line;
    line.code = "reduction_salariale_heures_sup";
    line.label = "Réduction de cotisations salariales heures supplémentaires";
    line.kind = LineKind::Reduction;
    line.group = Group::Retirement;
    line.base = overtime_pay_;
    line.employee_rate = rate_of(reduction, overtime_pay_);
    line.employee_amount = -reduction;
    slip_.lines.push_back(line);

    // Employer flat deduction per overtime hour (CSS L241-18), heures supplémentaires only.
    const Hours overtime = elements_.overtime_first + elements_.overtime_second;
    const Money per_hour = employer_.headcount < k_.overtime_deduction_headcount
                               ? k_.overtime_deduction_under_20
                               : k_.overtime_deduction_from_20;
    if (overtime.positive() && !per_hour.is_zero()) {
      PayslipLine deduction;
      deduction.code = "deduction_forfaitaire_heures_sup";
      deduction.label = "Déduction forfaitaire patronale heures supplémentaires";
      deduction.kind = LineKind::Reduction;
      deduction.group = Group::EmployerOther;
      deduction.hours = overtime;
      deduction.base = per_hour;
      deduction.employer_amount = -per_hour.mul_div(overtime.seconds(), Hours::kSecondsPerHour);
      slip_.lines.push_back(deduction);
    }
  }

  // Employer general reduction on low wages: 2025 réduction générale (CSS L241-13) or 2026
  // RGDU. The coefficient is rounded to the rates' decimals (4), half up. Both formulas divide by
  // (M − 1), M the SMIC multiple where the reduction ends, so that the bracket is 1 at the SMIC.
  void general_reduction() {
    if (gross_.is_zero() || smic_seconds_ == 0) {
      return;
    }
    const bool large = employer_.headcount >= k_.reduction_large_headcount;
    // The unrounded SMIC reference over gross pay.
    const long double ratio = static_cast<long double>(k_.smic_hourly.cents()) *
                              static_cast<long double>(smic_seconds_) /
                              (3600.0L * static_cast<long double>(gross_.cents()));
    const long double multiple = k_.reduction_smic_multiple.ppm() / 1e6L;
    // M − 1 from the exact ppm, so that 1.6 gives the same long double as the literal 0.6.
    const long double span = (k_.reduction_smic_multiple.ppm() - Rate::kScale) / 1e6L;
    if (span <= 0) {
      throw bad_input("the reduction's SMIC multiple must be above 1");
    }
    const long double t = (large ? k_.reduction_t_from_50 : k_.reduction_t_under_50).ppm() / 1e6L;
    long double c = 0;
    if (k_.reduction_method == GeneralReductionMethod::Fillon) {
      c = std::min(t, std::max(0.0L, t / span * (multiple * ratio - 1.0L)));
    } else if (multiple * ratio > 1.0L) {
      const long double t_min = k_.reduction_t_min.ppm() / 1e6L;
      const long double p = k_.reduction_power.ppm() / 1e6L;
      c = std::min(t_min + t, t_min + t * std::pow((multiple * ratio - 1.0L) / span, p));
    }
    int64_t unit = 1;          // ppm per unit of the last decimal: 100 for 4 decimals
    long double units = 1.0L;  // units in 1: 10 000 for 4 decimals
    for (int i = k_.reduction_coefficient_decimals; i < 6; ++i) {
      unit *= 10;
    }
    for (int i = 0; i < k_.reduction_coefficient_decimals; ++i) {
      units *= 10.0L;
    }
    const int64_t coefficient = static_cast<int64_t>(std::floor(c * units + 0.5L + 1e-12L));
    slip_.reduction_coefficient = Rate::from_ppm(coefficient * unit);
    if (coefficient == 0) {
      return;
    }
    PayslipLine line;
    line.code = "reduction_generale";
    line.label = k_.reduction_method == GeneralReductionMethod::Rgdu
                     ? "Réduction générale dégressive unique"
                     : "Réduction générale des cotisations patronales";
    line.kind = LineKind::Reduction;
    line.group = Group::EmployerOther;
    line.base = gross_;
    line.employer_rate = slip_.reduction_coefficient;
    line.employer_amount = -gross_.times(slip_.reduction_coefficient);
    slip_.lines.push_back(line);
  }

  // Net adjustments (remboursements et retenues after the income-tax block): one line each when
  // non-zero; the employee amount is what the net paid gains (negative for a withholding).
  void adjustments() {
    auto add = [&](std::string_view code, std::string_view label, Money amount) {
      if (amount.is_zero()) {
        return;
      }
      PayslipLine line;
      line.code = code;
      line.label = label;
      line.kind = LineKind::Adjustment;
      line.group = Group::EmployerOther;
      line.base = amount < Money() ? -amount : amount;
      line.employee_amount = amount;
      slip_.lines.push_back(line);
      adjustments_ += amount;
    };
    add("remboursement_transport", "Remboursement titre de transport (part employeur)",
        elements_.transit_refund);
    add("remboursement_frais", "Remboursement de frais professionnels", elements_.expense_refund);
    add("retenue_titres_restaurant", "Titres-restaurant (part salariale)",
        -elements_.meal_voucher_deduction);
  }

  void totals() {
    Totals& t = slip_.totals;
    t.gross = gross_;
    for (const PayslipLine& line : slip_.lines) {
      if (line.kind == LineKind::Earning || line.kind == LineKind::Adjustment) {
        continue;
      }
      t.employee_contributions += line.employee_amount;
      t.employer_contributions += line.employer_amount;
      if (line.kind == LineKind::Reduction) {
        t.reductions -= line.employer_amount;
      }
    }
    t.net_before_tax = gross_ - t.employee_contributions;
    // Net taxable: CSG non déductible and CRDS are added back, and so is the employer's share of
    // the health plan (CGI 83 1° quater: only the death and disability cover stays deductible);
    // the exempt overtime pay is taken out.
    t.overtime_tax_exempt = overtime_exempt_;
    t.net_taxable = t.net_before_tax + non_deductible_ + health_employer_ - overtime_exempt_;
    // Montant net social: gross less every mandatory employee contribution (BOSS, 2024).
    t.net_social = t.net_before_tax;
    t.income_tax = max(Money(), t.net_taxable).times(elements_.income_tax_rate);
    t.net_paid = t.net_before_tax - t.income_tax + adjustments_;
    t.employer_cost = gross_ + t.employer_contributions;
  }

  const RateSet& rates_;
  const Constants& k_;
  Month period_;
  const EmployerSettings& employer_;
  const EmploymentTerms& terms_;
  const PayElements& elements_;
  Payslip slip_;

  int64_t present_days_ = 0;
  int64_t month_days_ = 0;
  Hours monthly_hours_;
  Hours paid_hours_;
  Hours overtime_hours_;
  Money gross_;
  Money overtime_pay_;
  Money csg_base_;
  Money csg_exempt_base_;
  Money overtime_exempt_;
  Money full_ceiling_;
  int64_t smic_seconds_ = 0;
  Money welfare_employer_;
  Money health_employer_;
  Money overtime_reduction_employee_;
  Money non_deductible_;
  Money adjustments_;
};

}  // namespace

Payslip compute_payslip(const RateSet& rates, Month period, const EmployerSettings& employer,
                        const EmploymentTerms& terms, const PayElements& elements) {
  return Calculation(rates, period, employer, terms, elements).run();
}

}  // namespace gepaie::payroll
