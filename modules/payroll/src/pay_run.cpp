#include "gepaie/payroll/pay_run.h"

#include <algorithm>
#include <string>

#include "gepaie/core/error.h"

namespace gepaie::payroll {
namespace {

// Calendar conventions (not legal figures): the working days Monday to Friday that prorate a
// week's threshold, the jours ouvrables Monday to Saturday, and 52 weeks in 12 months.
constexpr int64_t kWeekdays = 5;
constexpr int64_t kWorkingDaysPerWeek = 6;
constexpr int64_t kWeeksPerYear = 52;
constexpr int64_t kMonthsPerYear = 12;
// Paid-leave days are counted in hundredths of a day.
constexpr int64_t kHundredths = 100;
// First month of the paid-leave reference period, 1 June – 31 May (C. trav. R3141-4, the
// default when no agreement sets another period).

constexpr int kSaturday = 6;
constexpr int kFriday = 5;

// num / den rounded half up, for num >= 0 and den > 0.
int64_t div_round(int64_t num, int64_t den) {
  return (num + den / 2) / den;
}

// hours × num / den rounded half up (hours >= 0, num >= 0, den > 0); Error Failure when the
// product does not fit instead of wrapping.
Hours scale(Hours hours, int64_t num, int64_t den) {
  return hours.scaled(num, den);
}

Hours min(Hours a, Hours b) {
  return a < b ? a : b;
}

Money max(Money a, Money b) {
  return a < b ? b : a;
}

// gross × tenth × days / earned: the dixième of `days` hundredths out of `earned`.
Money tenth_of(Money gross, Rate tenth, int64_t days, int64_t earned) {
  if (earned <= 0 || days <= 0) {
    return Money();
  }
  return gross.mul_div(tenth.ppm(), days, Rate::kScale, earned);
}

void check_hours(const DayRecord& record) {
  for (Hours h : {record.expected, record.worked, record.paid_leave, record.sickness,
                  record.unpaid_leave, record.training, record.public_holiday}) {
    if ((h < Hours())) {
      throw bad_input("negative hours on " + record.day.str());
    }
  }
}

class PayRun {
 public:
  PayRun(const RateSet& rates, const EmployerSettings& employer, const BenefitSettings& settings,
         const PayRunInput& input)
      : rates_(rates),
        k_(rates.constants),
        employer_(employer),
        settings_(settings),
        input_(input),
        contract_(input.contract),
        month_(input.month) {}

  PayRunResult run() {
    contract_days();
    terms();
    load_days();
    weeks();
    month_days();
    paid_leave();
    benefits();
    payslips();
    result_.year_to_date = input_.history.year_to_date;
    result_.year_to_date.gross += result_.payslip.totals.gross;
    result_.year_to_date.net_taxable += result_.payslip.totals.net_taxable;
    result_.year_to_date.income_tax += result_.payslip.totals.income_tax;
    result_.year_to_date.overtime_tax_exempt += result_.payslip.totals.overtime_tax_exempt;
    return std::move(result_);
  }

 private:
  // The days of the month under contract: [from_, to_].
  void contract_days() {
    const Date first = month_.first_day();
    const Date last = month_.last_day();
    if (contract_.end && *contract_.end < contract_.start) {
      throw bad_input("contract " + contract_.reference + " ends before it starts");
    }
    if (contract_.start > last || (contract_.end && *contract_.end < first)) {
      throw bad_input("contract " + contract_.reference + " is not active in " + month_.str());
    }
    from_ = std::max(first, contract_.start);
    to_ = contract_.end ? std::min(last, *contract_.end) : last;
    present_days_ = to_.days() - from_.days() + 1;
    month_days_ = month_.days();
    if (month_.contains(contract_.start)) {
      elements_.entry = contract_.start;
    }
    if (contract_.end && month_.contains(*contract_.end)) {
      elements_.exit = *contract_.end;
    }
  }

  // The terms in force on the month's last day under contract apply to the whole month.
  void terms() {
    const registry::ContractTerms t = contract_.terms_at(to_);
    if (!t.weekly_hours.positive()) {
      throw bad_input("contract " + contract_.reference + " has no weekly hours");
    }
    weekly_ = t.weekly_hours;
    monthly_hours_ = Hours::monthly_from_weekly(weekly_);
    if (t.monthly_gross) {
      monthly_base_ = *t.monthly_gross;
    } else if (t.hourly_rate) {
      monthly_base_ = t.hourly_rate->mul_div(monthly_hours_.seconds(), Hours::kSecondsPerHour);
    } else {
      throw bad_input("contract " + contract_.reference +
                      " has neither a monthly nor an hourly pay");
    }
    if (monthly_base_.is_negative()) {
      throw bad_input("contract " + contract_.reference + " has a negative pay");
    }
    employment_.kind = contract_.kind;
    employment_.status = contract_.status;
    employment_.weekly_hours = weekly_;
    employment_.monthly_base = monthly_base_;
    result_.monthly_base = monthly_base_;
    result_.hourly_rate = monthly_base_.mul_div(Hours::kSecondsPerHour, monthly_hours_.seconds());
  }

  // The window runs from the Monday of the week holding the 1st to the month's last day.
  void load_days() {
    const Date first = month_.first_day();
    window_start_ = first.plus_days(1 - first.weekday());
    const Date last = month_.last_day();
    days_.assign(static_cast<size_t>(last.days() - window_start_.days() + 1), DayRecord{});
    std::vector<bool> seen(days_.size(), false);
    for (size_t i = 0; i < days_.size(); ++i) {
      days_[i].day = window_start_.plus_days(static_cast<int64_t>(i));
    }
    for (const DayRecord& record : input_.days) {
      if (record.day < window_start_ || record.day > last) {
        throw bad_input("day " + record.day.str() + " is outside the pay window " +
                        window_start_.str() + " – " + last.str() + " of " + month_.str());
      }
      check_hours(record);
      const size_t index = static_cast<size_t>(record.day.days() - window_start_.days());
      if (seen[index]) {
        throw bad_input("day " + record.day.str() + " is given twice");
      }
      seen[index] = true;
      days_[index] = record;
    }
  }

  // The record of a day of the window; days outside the contract count as empty (another
  // contract pays them).
  DayRecord at(Date day) const {
    if (day < window_start_ || day > month_.last_day() || !contract_.active_on(day)) {
      return DayRecord{day, {}, {}, {}, {}, {}, {}, {}};
    }
    return days_[static_cast<size_t>(day.days() - window_start_.days())];
  }

  // Overtime (full time) and heures complémentaires (part-time), week by week: see pay_run.h.
  void weeks() {
    const bool part_time = weekly_ < k_.legal_weekly_hours;
    for (Date monday = window_start_; monday.plus_days(6) <= month_.last_day();
         monday = monday.plus_days(7)) {
      Hours worked;
      int64_t weekdays = 0;
      bool whole = true;
      for (int64_t i = 0; i < 7; ++i) {
        const Date day = monday.plus_days(i);
        if (!contract_.active_on(day)) {
          whole = false;
          continue;
        }
        if (day.weekday() <= kFriday) {
          ++weekdays;
        }
        const DayRecord record = at(day);
        worked += record.worked + record.training;
      }
      // A week cut by the contract's entry or exit: the threshold is prorated to the contract's
      // days Monday to Friday (hours × days / 5).
      auto prorate = [&](Hours hours) { return whole ? hours : scale(hours, weekdays, kWeekdays); };
      if (part_time) {
        const Hours threshold = prorate(weekly_);
        if (worked <= threshold) {
          continue;
        }
        const Hours over = worked - threshold;
        const Hours band = scale(threshold, k_.extra_first_band_share.ppm(), Rate::kScale);
        const Hours first = min(over, band);
        elements_.extra_first += first;
        elements_.extra_second += over - first;
      } else {
        // Full time: overtime starts at the contractual hours (at least the legal hours). The
        // hours a longer contract sets beyond the legal duration (heures supplémentaires
        // structurelles, e.g. 4 h of a 39 h contract) are paid in the monthly base and use up
        // the first band; a 35 h contract gets the whole first band (8 h at +25 %).
        const Hours contractual = std::max(weekly_, k_.legal_weekly_hours);
        const Hours threshold = prorate(contractual);
        if (worked <= threshold) {
          continue;
        }
        const Hours structural = prorate(contractual - k_.legal_weekly_hours);
        const Hours band = structural < k_.overtime_first_band_weekly
                               ? k_.overtime_first_band_weekly - structural
                               : Hours();
        const Hours over = worked - threshold;
        const Hours first = min(over, band);
        elements_.overtime_first += first;
        elements_.overtime_second += over - first;
      }
    }
  }

  // The month's own days under contract: absences, hours, leave taken, vouchers.
  void month_days() {
    Hours expected;
    for (Date day = from_; day <= to_; day = day.plus_days(1)) {
      const DayRecord record = at(day);
      expected += record.expected;
      worked_ += record.worked;
      // Sickness is not maintained by the employer: the CPAM pays the daily allowances
      // (indemnités journalières), so the hours are deducted like unpaid leave.
      elements_.unpaid_absence += record.unpaid_leave + record.sickness;
      elements_.paid_leave += record.paid_leave;
      if (record.sickness.positive()) {
        ++sick_days_;
      }
      if (record.worked.positive()) {
        ++meal_days_;
      }
      // Décompte en jours ouvrables: a weekday of leave is one day, and the Saturday after a
      // Friday of leave is one more.
      const int weekday = day.weekday();
      if (weekday <= kFriday && record.paid_leave.positive()) {
        taken_ += kHundredths;
      } else if (weekday == kSaturday && at(day.plus_days(-1)).paid_leave.positive()) {
        taken_ += kHundredths;
      }
    }
    // The engine deducts base × hours / scheduled hours from the base it prorates to the days
    // under contract; for a month with an entry or exit, the expected hours are scaled by
    // month days / contract days so that the absence of every expected hour deducts exactly
    // the prorated base. Without any expected hours: the contract's monthly hours.
    elements_.scheduled_hours =
        expected.positive() ? scale(expected, month_days_, present_days_) : monthly_hours_;
    result_.worked = worked_;
  }

  void paid_leave() {
    const LeaveCounters& counters = input_.history.leave;
    // Earned: 2.5 days a month under contract, 2 for the days of sickness, prorated by calendar
    // days: (2.5 × days not sick + 2 × days sick) / days of the month, in hundredths, half up;
    // capped at 30 days a reference period.
    const int64_t sick = sick_days_;
    const int64_t numerator = (k_.paid_leave_days_per_month.ppm() * (present_days_ - sick) +
                               k_.paid_leave_sickness_days_per_month.ppm() * sick) *
                              kHundredths;
    const int64_t earned = div_round(numerator, Rate::kScale * month_days_);
    const int64_t cap = static_cast<int64_t>(k_.paid_leave_max_days) * kHundredths;
    const int64_t room = std::max<int64_t>(0, cap - counters.current_earned);
    leave_.earned = static_cast<int>(std::min(earned, room));
    leave_.taken = static_cast<int>(taken_);

    // Maintien: what the leave hours are deducted at (the engine's deduction).
    if (elements_.paid_leave.positive()) {
      leave_.maintien = monthly_base_.mul_div(elements_.paid_leave.seconds(),
                                              elements_.scheduled_hours.seconds());
    }
    // Dixième: days come from the N-1 balance first, each at the dixième of the gross of its
    // period; days beyond it (taken in advance) at that of the current period.
    const int64_t previous_left =
        std::max<int64_t>(0, counters.previous_earned - counters.previous_taken);
    const int64_t from_previous = std::min<int64_t>(taken_, previous_left);
    const int64_t from_current = taken_ - from_previous;
    leave_.dixieme = tenth_of(counters.previous_gross, k_.paid_leave_tenth, from_previous,
                              counters.previous_earned) +
                     tenth_of(counters.current_gross, k_.paid_leave_tenth, from_current,
                              counters.current_earned);
    elements_.paid_leave_pay = max(leave_.maintien, leave_.dixieme);
  }

  void benefits() {
    const registry::EmployeeBenefits& benefits = input_.benefits;
    OtherCosts& costs = result_.other_costs;
    if (benefits.meal_vouchers && meal_days_ > 0) {
      const Rate share = settings_.meal_voucher_employer_share;
      if (share.ppm() < 0 || share.ppm() > Rate::kScale) {
        throw bad_input("the meal voucher employer share must be between 0 and 100 %");
      }
      if (settings_.meal_voucher_value.is_negative()) {
        throw bad_input("the meal voucher value must not be negative");
      }
      const Money face = settings_.meal_voucher_value * meal_days_;
      costs.meal_vouchers = face.times(share);
      elements_.meal_voucher_deduction = face - costs.meal_vouchers;
    }
    if (benefits.transit_pass_monthly.is_negative()) {
      throw bad_input("the transit pass price must not be negative");
    }
    // The employer's share of the pass, prorated to the calendar days under contract.
    costs.transit = benefits.transit_pass_monthly.mul_div(k_.transit_pass_employer_share.ppm(),
                                                          present_days_, Rate::kScale, month_days_);
    elements_.transit_refund = costs.transit;
    costs.occupational_health = settings_.occupational_health_yearly.mul_div(1, kMonthsPerYear);
    costs.other = benefits.other_monthly_cost;
    if (input_.expenses.is_negative()) {
      throw bad_input("expenses to refund must not be negative");
    }
    elements_.expense_refund = input_.expenses;
    result_.expenses = input_.expenses;
    elements_.income_tax_rate = benefits.income_tax_rate;
    elements_.year_to_date = input_.history.year_to_date;
  }

  Payslip compute() const {
    return compute_payslip(rates_, month_, employer_, employment_, elements_);
  }

  // The payslip; in the contract's last month, computed first without the end-of-contract
  // indemnities to know the month's gross, then with them.
  void payslips() {
    Payslip slip = compute();
    const bool leaving = contract_.end && month_.contains(*contract_.end);
    if (leaving) {
      const LeaveCounters& counters = input_.history.leave;
      const Money month_gross = slip.totals.gross;
      if (contract_.kind == registry::ContractKind::Cdd) {
        // Indemnité de fin de contrat: 10 % of the total gross paid under the CDD, this month
        // included (the indemnité compensatrice de congés payés is left out of its base).
        elements_.cdd_end_indemnity =
            (input_.history.contract_gross + month_gross).times(k_.cdd_end_indemnity_rate);
      }
      // Indemnité compensatrice de congés payés for the days earned and not taken.
      const int64_t remaining = static_cast<int64_t>(counters.previous_earned) -
                                counters.previous_taken + counters.current_earned -
                                counters.current_taken + leave_.earned - leave_.taken;
      if (remaining > 0) {
        leave_.remaining_at_exit = static_cast<int>(remaining);
        // Maintien: a jour ouvrable is worth the monthly base / 26 (6 jours ouvrables a week ×
        // 52 / 12).
        const Money maintien = monthly_base_.mul_div(remaining, kMonthsPerYear, kHundredths,
                                                     kWorkingDaysPerWeek * kWeeksPerYear);
        // Dixième of the gross of both periods, this month's and the CDD indemnity included
        // (the indemnité de fin de contrat enters the base of the compensatrice).
        const int64_t total_earned = static_cast<int64_t>(counters.previous_earned) +
                                     counters.current_earned + leave_.earned;
        const Money base = counters.previous_gross + counters.current_gross + month_gross +
                           elements_.cdd_end_indemnity;
        const Money dixieme = tenth_of(base, k_.paid_leave_tenth, remaining, total_earned);
        elements_.leave_compensation = max(maintien, dixieme);
      }
      if (!elements_.cdd_end_indemnity.is_zero() || !elements_.leave_compensation.is_zero()) {
        slip = compute();
      }
    }
    // The month's gross in the dixième's base (L3141-24 counts the paid-leave pay itself); the
    // indemnité compensatrice, paid for leave that will not be taken, is left out.
    leave_.reference_gross = slip.totals.gross - elements_.leave_compensation;
    result_.leave = leave_;
    result_.elements = elements_;
    result_.payslip = std::move(slip);
  }

  const RateSet& rates_;
  const Constants& k_;
  const EmployerSettings& employer_;
  const BenefitSettings& settings_;
  const PayRunInput& input_;
  const registry::Contract& contract_;
  Month month_;

  Date from_;
  Date to_;
  int64_t present_days_ = 0;
  int64_t month_days_ = 0;
  Hours weekly_;
  Hours monthly_hours_;
  Money monthly_base_;
  EmploymentTerms employment_;
  Date window_start_;
  std::vector<DayRecord> days_;
  Hours worked_;
  int64_t sick_days_ = 0;
  int64_t meal_days_ = 0;
  int64_t taken_ = 0;
  PayElements elements_;
  LeaveMonth leave_;
  PayRunResult result_;
};

}  // namespace

PayRunResult run_pay(const RateSet& rates, const EmployerSettings& employer,
                     const BenefitSettings& benefits, const PayRunInput& input) {
  return PayRun(rates, employer, benefits, input).run();
}

int leave_reference_year(Month month, int period_first_month) {
  return month.month() >= period_first_month ? month.year() : month.year() - 1;
}

}  // namespace gepaie::payroll
