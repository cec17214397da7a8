#define BOOST_TEST_MODULE pay_run_tests
#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/pay_run.h"

using namespace gepaie;
using namespace gepaie::payroll;

namespace {

const RateBook& book() {
  static const RateBook rates =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  return rates;
}

EmployerSettings employer() {
  EmployerSettings settings;
  settings.headcount = 25;
  settings.work_accident_rate = Rate::parse_percent("1.20");
  settings.mobility_rate = Rate::parse_percent("2.00");
  settings.health_plan_monthly = Money::parse("40.00");
  settings.health_plan_employer_share = Rate::parse_percent("50");
  return settings;
}

BenefitSettings ge_settings() {
  BenefitSettings settings;
  settings.meal_voucher_value = Money::parse("9.00");
  settings.meal_voucher_employer_share = Rate::parse_percent("60");
  settings.occupational_health_yearly = Money::parse("100.00");
  return settings;
}

registry::Contract cdi(const char* weekly = "35", const char* gross = "2100.00",
                       const char* start = "2020-01-01") {
  registry::Contract contract;
  contract.reference = "C-TEST";
  contract.employee_number = "E001";
  contract.kind = registry::ContractKind::Cdi;
  contract.start = Date::parse(start);
  contract.weekly_hours = Hours::parse(weekly);
  contract.monthly_gross = Money::parse(gross);
  return contract;
}

// The days of a test, by date.
class Days {
 public:
  DayRecord& at(const char* date) {
    const Date day = Date::parse(date);
    DayRecord& record = days_[day];
    record.day = day;
    return record;
  }
  // Every weekday from `from` to `to`: `hours` expected and worked.
  Days& work(const char* from, const char* to, const char* hours) {
    for (Date day = Date::parse(from); day <= Date::parse(to); day = day.plus_days(1)) {
      if (day.weekday() <= 5) {
        DayRecord& record = at(day.str().c_str());
        record.expected = record.worked = Hours::parse(hours);
      }
    }
    return *this;
  }
  // Monday to Friday from `monday`: 7 h expected each day, the given hours worked.
  Days& week(const char* monday, const char* mon, const char* tue, const char* wed, const char* thu,
             const char* fri) {
    const char* hours[] = {mon, tue, wed, thu, fri};
    for (int i = 0; i < 5; ++i) {
      DayRecord& record = at(Date::parse(monday).plus_days(i).str().c_str());
      record.expected = Hours::parse("7");
      record.worked = Hours::parse(hours[i]);
    }
    return *this;
  }
  // Weekdays from `from` to `to`: 7 h expected, not worked, `field` hours instead.
  Days& absent(const char* from, const char* to, Hours DayRecord::*field, const char* hours = "7") {
    for (Date day = Date::parse(from); day <= Date::parse(to); day = day.plus_days(1)) {
      if (day.weekday() <= 5) {
        DayRecord& record = at(day.str().c_str());
        record.expected = Hours::parse(hours);
        record.worked = Hours();
        record.*field = Hours::parse(hours);
      }
    }
    return *this;
  }
  std::vector<DayRecord> list() const {
    std::vector<DayRecord> out;
    for (const auto& [day, record] : days_) {
      out.push_back(record);
    }
    return out;
  }

 private:
  std::map<Date, DayRecord> days_;
};

PayRunInput input(const char* month, const registry::Contract& contract,
                  const Days& days = Days()) {
  PayRunInput in;
  in.month = Month::parse(month);
  in.contract = contract;
  in.days = days.list();
  return in;
}

PayRunResult run(const PayRunInput& in, const BenefitSettings& settings = ge_settings()) {
  const RateSet* rates = book().at(in.month.first_day());
  BOOST_REQUIRE(rates != nullptr);
  return run_pay(*rates, employer(), settings, in);
}

const PayslipLine* line(const Payslip& slip, const std::string& code) {
  for (const PayslipLine& l : slip.lines) {
    if (l.code == code) {
      return &l;
    }
  }
  return nullptr;
}

int64_t amount(const Payslip& slip, const std::string& code) {
  const PayslipLine* l = line(slip, code);
  BOOST_REQUIRE_MESSAGE(l != nullptr, "no line " + code);
  return l->employee_amount.cents();
}

int64_t minutes(Hours hours) {
  return hours.minutes();
}

bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pay_run_tests)

BOOST_AUTO_TEST_CASE(terms_monthly_and_hourly) {
  const PayRunResult monthly = run(input("2026-11", cdi()));
  BOOST_TEST(monthly.monthly_base.cents() == 210000);
  BOOST_TEST(monthly.hourly_rate.cents() == 1385);  // 2100 / 151.67 h = 13.846
  BOOST_TEST(monthly.payslip.totals.gross.cents() == 210000);
  BOOST_TEST(!monthly.elements.entry.has_value());
  BOOST_TEST(!monthly.elements.exit.has_value());

  registry::Contract hourly = cdi();
  hourly.monthly_gross.reset();
  hourly.hourly_rate = Money::parse("12.50");
  const PayRunResult by_hour = run(input("2026-11", hourly));
  BOOST_TEST(by_hour.monthly_base.cents() == 189583);  // 12.50 × 151.67 h (9100 min) = 1895.833
  BOOST_TEST(by_hour.hourly_rate.cents() == 1250);     // 1895.83 / 151.67 h = 12.49998

  // The terms of the month's last day apply to the whole month.
  registry::Contract amended = cdi();
  registry::Amendment raise;
  raise.effective = Date::parse("2026-11-15");
  raise.monthly_gross = Money::parse("2300.00");
  amended.amendments.push_back(raise);
  const PayRunResult after = run(input("2026-11", amended));
  BOOST_TEST(after.monthly_base.cents() == 230000);
  BOOST_TEST(after.payslip.totals.gross.cents() == 230000);
  BOOST_TEST(run(input("2026-10", amended)).monthly_base.cents() == 210000);
}

BOOST_AUTO_TEST_CASE(full_time_40_hours_is_5_hours_at_25_percent) {
  Days days;
  days.week("2026-11-02", "8", "8", "8", "8", "8");
  const PayRunResult r = run(input("2026-11", cdi(), days));
  BOOST_TEST(minutes(r.elements.overtime_first) == 5 * 60);
  BOOST_TEST(minutes(r.elements.overtime_second) == 0);
  BOOST_TEST(minutes(r.elements.extra_first) == 0);
  // 2100 × 5 h / 151.67 h × 1.25 = 86.5385
  BOOST_TEST(amount(r.payslip, "heures_sup_1") == 8654);
  BOOST_TEST(minutes(r.worked) == 40 * 60);
}

BOOST_AUTO_TEST_CASE(full_time_47_hours_is_8_at_25_and_4_at_50_percent) {
  Days days;
  days.week("2026-11-02", "10", "10", "9", "9", "9");
  const PayRunResult r = run(input("2026-11", cdi(), days));
  BOOST_TEST(minutes(r.elements.overtime_first) == 8 * 60);
  BOOST_TEST(minutes(r.elements.overtime_second) == 4 * 60);
  BOOST_TEST(amount(r.payslip, "heures_sup_1") == 13846);  // 2100 × 8 / 151.67 × 1.25 = 138.4615
  BOOST_TEST(amount(r.payslip, "heures_sup_2") == 8308);   // 2100 × 4 / 151.67 × 1.50 = 83.0769
}

BOOST_AUTO_TEST_CASE(training_counts_toward_the_week_leave_and_holidays_do_not) {
  Days days;
  // Week of 2 Nov: 32 h worked + 8 h training = 40 h → 5 h of overtime.
  days.week("2026-11-02", "8", "8", "8", "8", "0");
  days.at("2026-11-06").training = Hours::parse("8");
  // Week of 9 Nov: 36 h worked and 7 h of public holiday (11 Nov) → 1 h, not 8 h.
  days.week("2026-11-09", "9", "9", "0", "9", "9");
  days.at("2026-11-11").public_holiday = Hours::parse("7");
  // Week of 16 Nov: 34 h worked and 7 h of paid leave → no overtime.
  days.week("2026-11-16", "0", "8", "9", "8", "9");
  days.at("2026-11-16").paid_leave = Hours::parse("7");
  const PayRunResult r = run(input("2026-11", cdi(), days));
  BOOST_TEST(minutes(r.elements.overtime_first) == 6 * 60);
  BOOST_TEST(minutes(r.elements.overtime_second) == 0);
}

BOOST_AUTO_TEST_CASE(timesheet_hours_in_hundredths_are_counted_exactly) {
  Days days;
  days.week("2026-11-02", "9", "9", "9", "9", "7.33");  // 43.33 h: 8.33 h beyond 35 h
  const PayRunResult r = run(input("2026-11", cdi(), days));
  // 8 h at +25 %, 0.33 h = 1 188 s at +50 % (whole minutes would have made it 20 min = 1 200 s).
  BOOST_TEST(r.elements.overtime_first.seconds() == 8 * 3600);
  BOOST_TEST(r.elements.overtime_second.seconds() == 1'188);
  BOOST_TEST(r.worked.seconds() == 155'988);  // 43.33 × 3600
}

BOOST_AUTO_TEST_CASE(a_39_hour_contract_has_its_structural_overtime_in_the_base) {
  Days days;
  days.week("2026-11-02", "9", "9", "9", "9", "5");    // 41 h: 2 h beyond the contract
  days.week("2026-11-09", "10", "10", "9", "8", "8");  // 45 h: 6 h beyond it
  const PayRunResult r = run(input("2026-11", cdi("39", "2500.00"), days));
  // The contract's 4 h beyond 35 h use up 4 h of the 8 h band: 2 h + 4 h at +25 %, 2 h at +50 %.
  BOOST_TEST(minutes(r.elements.overtime_first) == 6 * 60);
  BOOST_TEST(minutes(r.elements.overtime_second) == 2 * 60);
}

BOOST_AUTO_TEST_CASE(part_time_24_hours_with_28_worked) {
  Days days;
  days.week("2026-11-02", "6", "6", "6", "5", "5");
  const PayRunResult r = run(input("2026-11", cdi("24", "1440.00"), days));
  // 4 h beyond 24 h: a tenth of 24 h (2.4 h) at +10 %, the other 1.6 h at +25 %.
  BOOST_TEST(minutes(r.elements.extra_first) == 144);
  BOOST_TEST(minutes(r.elements.extra_second) == 96);
  BOOST_TEST(minutes(r.elements.overtime_first) == 0);
  // 1440 / 104 h (6240 min): 144 min × 1.10 = 36.5538; 96 min × 1.25 = 27.6923
  BOOST_TEST(amount(r.payslip, "heures_comp_1") == 3655);
  BOOST_TEST(amount(r.payslip, "heures_comp_2") == 2769);
}

BOOST_AUTO_TEST_CASE(a_week_belongs_to_the_month_of_its_sunday) {
  Days days;
  days.week("2026-09-28", "8", "8", "8", "8", "8");  // Sunday 4 Oct: October
  days.week("2026-10-26", "8", "8", "8", "8", "8");  // Sunday 1 Nov: November
  days.week("2026-11-30", "8", "8", "8", "8", "8");  // Sunday 6 Dec: December
  const registry::Contract contract = cdi();

  // October (window from Monday 28 Sep): only the week of 28 Sep has overtime.
  PayRunInput october = input("2026-10", contract);
  for (const DayRecord& d : days.list()) {
    if (d.day >= Date::parse("2026-09-28") && d.day <= Date::parse("2026-10-31")) {
      october.days.push_back(d);
    }
  }
  BOOST_TEST(minutes(run(october).elements.overtime_first) == 5 * 60);

  // November (window from Monday 26 Oct): the week 26 Oct – 1 Nov counts; 30 Nov does not.
  PayRunInput november = input("2026-11", contract);
  for (const DayRecord& d : days.list()) {
    if (d.day >= Date::parse("2026-10-26") && d.day <= Date::parse("2026-11-30")) {
      november.days.push_back(d);
    }
  }
  const PayRunResult nov = run(november);
  BOOST_TEST(minutes(nov.elements.overtime_first) == 5 * 60);
  BOOST_TEST(minutes(nov.worked) == 8 * 60);  // only 30 Nov is in the month's own days

  // December (window from Monday 30 Nov): the week 30 Nov – 6 Dec counts.
  PayRunInput december = input("2026-12", contract);
  for (const DayRecord& d : days.list()) {
    if (d.day >= Date::parse("2026-11-30")) {
      december.days.push_back(d);
    }
  }
  BOOST_TEST(minutes(run(december).elements.overtime_first) == 5 * 60);

  // The same rule with a week of 2025: Monday 27 Oct – Sunday 2 Nov 2025 counts in November.
  Days in_2025;
  in_2025.week("2025-10-27", "8", "8", "8", "8", "8");
  BOOST_TEST(minutes(run(input("2025-11", contract, in_2025)).elements.overtime_first) == 300);
  PayRunInput october_2025 = input("2025-10", contract);
  for (const DayRecord& d : in_2025.list()) {
    if (d.day <= Date::parse("2025-10-31")) {
      october_2025.days.push_back(d);
    }
  }
  BOOST_TEST(minutes(run(october_2025).elements.overtime_first) == 0);
}

BOOST_AUTO_TEST_CASE(a_week_cut_by_entry_or_exit_has_a_prorated_threshold) {
  // Entry on Wednesday 4 Nov: threshold 35 h × 3 / 5 = 21 h; 27 h worked → 6 h at +25 %. The
  // hours of Monday and Tuesday, before the contract, are not this contract's.
  Days entry;
  entry.week("2026-11-02", "8", "8", "9", "9", "9");
  const PayRunResult in = run(input("2026-11", cdi("35", "2100.00", "2026-11-04"), entry));
  BOOST_TEST(minutes(in.elements.overtime_first) == 6 * 60);
  BOOST_TEST(minutes(in.worked) == 27 * 60);
  BOOST_TEST(in.elements.entry.has_value());
  BOOST_TEST(*in.elements.entry == Date::parse("2026-11-04"));

  // Part-time 24 h leaving on Wednesday 25 Nov: threshold 24 × 3 / 5 = 14.4 h (51 840 s);
  // 18 h worked → 12 960 s beyond, a tenth of the threshold (5 184 s = 86.4 min) at +10 %,
  // the other 7 776 s (129.6 min) at +25 %: exact, no rounding to the minute.
  registry::Contract leaving = cdi("24", "1440.00");
  leaving.end = Date::parse("2026-11-25");
  Days exit;
  exit.week("2026-11-23", "6", "6", "6", "0", "0");
  const PayRunResult out = run(input("2026-11", leaving, exit));
  BOOST_TEST(out.elements.extra_first.seconds() == 5'184);
  BOOST_TEST(out.elements.extra_second.seconds() == 7'776);
  BOOST_TEST(*out.elements.exit == Date::parse("2026-11-25"));
}

BOOST_AUTO_TEST_CASE(unpaid_leave_and_sickness_are_deducted) {
  Days days;
  days.work("2026-11-01", "2026-11-30", "7");  // 21 weekdays × 7 h = 147 h
  days.absent("2026-11-12", "2026-11-12", &DayRecord::unpaid_leave);
  days.absent("2026-11-16", "2026-11-17", &DayRecord::sickness);
  const PayRunResult r = run(input("2026-11", cdi(), days));
  BOOST_TEST(minutes(r.elements.scheduled_hours) == 147 * 60);
  BOOST_TEST(minutes(r.elements.unpaid_absence) == 21 * 60);
  BOOST_TEST(amount(r.payslip, "absence_non_remuneree") == -30000);  // 2100 × 21 / 147
  BOOST_TEST(r.payslip.totals.gross.cents() == 180000);
  BOOST_TEST(minutes(r.worked) == 18 * 7 * 60);
  // Two days of sickness earn 2 days a month instead of 2.5: (250 × 28 + 200 × 2) / 30 = 246.67
  BOOST_TEST(r.leave.earned == 247);
}

BOOST_AUTO_TEST_CASE(absences_in_an_entry_month_deduct_from_the_prorated_base) {
  // Entry on Monday 16 Nov: 11 weekdays of 7 h = 77 h expected; base 2100 × 15 / 30 = 1050.
  Days days;
  days.work("2026-11-16", "2026-11-30", "7");
  days.absent("2026-11-18", "2026-11-18", &DayRecord::unpaid_leave);
  const PayRunResult r = run(input("2026-11", cdi("35", "2100.00", "2026-11-16"), days));
  BOOST_TEST(minutes(r.elements.scheduled_hours) == 154 * 60);  // 77 h × 30 / 15
  // 2100 × 7 / 154 = 95.45, i.e. 1050 × 7 / 77: a day of the prorated base.
  BOOST_TEST(amount(r.payslip, "absence_non_remuneree") == -9545);
  BOOST_TEST(r.payslip.totals.gross.cents() == 105000 - 9545);
}

BOOST_AUTO_TEST_CASE(paid_leave_at_the_dixieme_when_it_is_higher) {
  Days days;
  days.work("2026-11-01", "2026-11-30", "7");
  days.absent("2026-11-16", "2026-11-20", &DayRecord::paid_leave);  // 35 h, Mon–Fri
  PayRunInput in = input("2026-11", cdi(), days);
  in.history.leave.previous_earned = 3000;
  in.history.leave.previous_gross = Money::parse("30000.00");
  const PayRunResult r = run(in);
  BOOST_TEST(r.leave.taken == 600);  // Mon–Fri and the Saturday: 6 jours ouvrables
  BOOST_TEST(minutes(r.elements.paid_leave) == 35 * 60);
  BOOST_TEST(r.leave.maintien.cents() == 50000);  // 2100 × 35 / 147
  BOOST_TEST(r.leave.dixieme.cents() == 60000);   // 10 % × 30000 × 6 / 30
  BOOST_TEST(r.elements.paid_leave_pay.cents() == 60000);
  BOOST_TEST(amount(r.payslip, "absence_conges_payes") == -50000);
  BOOST_TEST(amount(r.payslip, "indemnite_conges_payes") == 60000);
  BOOST_TEST(r.payslip.totals.gross.cents() == 220000);
  BOOST_TEST(r.leave.reference_gross.cents() == 220000);
}

BOOST_AUTO_TEST_CASE(paid_leave_at_the_maintien_when_it_is_higher) {
  Days days;
  days.work("2026-11-01", "2026-11-30", "7");
  days.absent("2026-11-16", "2026-11-20", &DayRecord::paid_leave);
  PayRunInput in = input("2026-11", cdi(), days);
  in.history.leave.previous_earned = 3000;
  in.history.leave.previous_gross = Money::parse("24000.00");
  const PayRunResult r = run(in);
  BOOST_TEST(r.leave.dixieme.cents() == 48000);  // 10 % × 24000 × 6 / 30
  BOOST_TEST(r.elements.paid_leave_pay.cents() == 50000);
  BOOST_TEST(r.payslip.totals.gross.cents() == 210000);

  // 3 days left of N-1 (at its dixième), 3 more from the current period (at its own):
  // 10 % × 30000 × 3 / 30 = 300 + 10 % × 8000 × 3 / 10 = 240 → 540 > 500.
  in.history.leave.previous_taken = 2700;
  in.history.leave.previous_gross = Money::parse("30000.00");
  in.history.leave.current_earned = 1000;
  in.history.leave.current_gross = Money::parse("8000.00");
  const PayRunResult split = run(in);
  BOOST_TEST(split.leave.dixieme.cents() == 54000);
  BOOST_TEST(split.elements.paid_leave_pay.cents() == 54000);
}

BOOST_AUTO_TEST_CASE(days_taken_in_jours_ouvrables) {
  Days days;
  days.work("2026-11-01", "2026-11-30", "7");
  days.absent("2026-11-19", "2026-11-19", &DayRecord::paid_leave);  // Thursday: 1 day
  days.absent("2026-11-27", "2026-11-27", &DayRecord::paid_leave);  // Friday: + Saturday
  BOOST_TEST(run(input("2026-11", cdi(), days)).leave.taken == 300);

  // August 2026 starts on a Saturday: the Friday of leave 31 July (in the window) makes
  // 1 August a day of leave in August; then Mon 3 – Fri 7 August and Saturday 8.
  Days august;
  august.absent("2026-07-31", "2026-07-31", &DayRecord::paid_leave);
  august.absent("2026-08-03", "2026-08-07", &DayRecord::paid_leave);
  BOOST_TEST(run(input("2026-08", cdi(), august)).leave.taken == 700);
}

BOOST_AUTO_TEST_CASE(paid_leave_earned) {
  BOOST_TEST(run(input("2026-11", cdi())).leave.earned == 250);
  // Entry on the 16th of a 30-day month: 15 days → 2.5 × 15 / 30.
  BOOST_TEST(run(input("2026-11", cdi("35", "2100.00", "2026-11-16"))).leave.earned == 125);
  // Entry on the 17th of a 31-day month: 2.5 × 15 / 31 = 1.2097.
  BOOST_TEST(run(input("2026-12", cdi("35", "2100.00", "2026-12-17"))).leave.earned == 121);
  // Ten days of sickness (2–13 Nov): (2.5 × 20 + 2 × 10) / 30 = 2.3333.
  Days sick;
  sick.work("2026-11-01", "2026-11-30", "7");
  sick.absent("2026-11-02", "2026-11-13", &DayRecord::sickness);
  const PayRunResult r = run(input("2026-11", cdi(), sick));
  BOOST_TEST(r.leave.earned == 233);
  BOOST_TEST(r.leave.taken == 0);
  // Capped at 30 days a reference period.
  PayRunInput near_cap = input("2026-11", cdi());
  near_cap.history.leave.current_earned = 2900;
  BOOST_TEST(run(near_cap).leave.earned == 100);
  near_cap.history.leave.current_earned = 3000;
  BOOST_TEST(run(near_cap).leave.earned == 0);
}

BOOST_AUTO_TEST_CASE(cdd_ending_in_the_month) {
  registry::Contract cdd = cdi("35", "2100.00", "2026-06-01");
  cdd.kind = registry::ContractKind::Cdd;
  cdd.end = Date::parse("2026-11-20");
  PayRunInput in = input("2026-11", cdd);
  in.history.contract_gross = Money::parse("10500.00");  // June – October
  in.history.leave.current_earned = 1250;
  in.history.leave.current_gross = Money::parse("10500.00");
  const PayRunResult r = run(in);
  BOOST_TEST(*r.elements.exit == Date::parse("2026-11-20"));
  BOOST_TEST(amount(r.payslip, "salaire_base") == 140000);  // 2100 × 20 / 30
  // Indemnité de fin de contrat: 10 % × (10500 + 1400).
  BOOST_TEST(r.elements.cdd_end_indemnity.cents() == 119000);
  BOOST_TEST(amount(r.payslip, "indemnite_fin_contrat") == 119000);
  // Earned this month 2.5 × 20 / 30 = 1.67; left 12.50 + 1.67 = 14.17 days.
  BOOST_TEST(r.leave.earned == 167);
  BOOST_TEST(r.leave.remaining_at_exit == 1417);
  // Maintien 2100 × 14.17 / 26 = 1144.50; dixième 10 % × (10500 + 1400 + 1190) = 1309.00.
  BOOST_TEST(r.elements.leave_compensation.cents() == 130900);
  BOOST_TEST(amount(r.payslip, "indemnite_compensatrice_cp") == 130900);
  BOOST_TEST(r.payslip.totals.gross.cents() == 140000 + 119000 + 130900);
  BOOST_TEST(r.leave.reference_gross.cents() == 140000 + 119000);
}

BOOST_AUTO_TEST_CASE(leave_compensation_of_a_cdi_at_the_maintien) {
  registry::Contract contract = cdi();
  contract.end = Date::parse("2026-11-30");
  PayRunInput in = input("2026-11", contract);
  in.history.contract_gross = Money::parse("100000.00");
  in.history.leave = {3000, 2000, Money::parse("20000.00"), 1250, 0, Money::parse("10000.00")};
  const PayRunResult r = run(in);
  BOOST_TEST(r.elements.cdd_end_indemnity.cents() == 0);  // a CDI
  BOOST_TEST(r.leave.remaining_at_exit == 2500);          // 10 + 12.5 + 2.5 days
  // Maintien 2100 × 25 / 26 = 2019.23 beats the dixième 10 % × 32100 × 25 / 45 = 1783.33.
  BOOST_TEST(r.elements.leave_compensation.cents() == 201923);
  BOOST_TEST(r.payslip.totals.gross.cents() == 210000 + 201923);
  BOOST_TEST(*r.elements.exit == Date::parse("2026-11-30"));

  // Nothing left: no compensation.
  in.history.leave = {3000, 3000, Money::parse("20000.00"), 0, 0, Money()};
  PayRunInput all_taken = in;
  Days days;
  days.absent("2026-11-23", "2026-11-27", &DayRecord::paid_leave);  // 6 days ≥ 2.5 earned
  all_taken.days = days.list();
  all_taken.history.leave.current_earned = 350;
  const PayRunResult none = run(all_taken);
  BOOST_TEST(none.leave.taken == 600);
  BOOST_TEST(none.leave.remaining_at_exit == 0);  // 3.5 + 2.5 − 6
  BOOST_TEST(none.elements.leave_compensation.cents() == 0);
}

BOOST_AUTO_TEST_CASE(year_to_date_cumulatives_add_up) {
  Days days;
  days.week("2026-11-02", "8", "8", "8", "8", "8");  // 5 h of overtime: 86.54 exempt
  PayRunInput in = input("2026-11", cdi(), days);
  in.benefits.income_tax_rate = Rate::parse_percent("5");
  in.history.year_to_date = {Money::parse("21000.00"), Money::parse("16500.00"),
                             Money::parse("825.00"), Money::parse("100.00")};
  const PayRunResult r = run(in);
  const Totals& t = r.payslip.totals;
  BOOST_TEST(r.elements.income_tax_rate == Rate::parse_percent("5"));
  BOOST_TEST(t.gross.cents() == 210000 + 8654);
  BOOST_TEST(t.overtime_tax_exempt.cents() == 8654);
  BOOST_TEST(t.income_tax == t.net_taxable.times(Rate::parse_percent("5")));
  BOOST_TEST(r.year_to_date.gross.cents() == 2100000 + 210000 + 8654);
  BOOST_TEST(r.year_to_date.net_taxable == Money::parse("16500.00") + t.net_taxable);
  BOOST_TEST(r.year_to_date.income_tax == Money::parse("825.00") + t.income_tax);
  BOOST_TEST(r.year_to_date.overtime_tax_exempt.cents() == 10000 + 8654);
  // The payslip saw the year before the month.
  BOOST_TEST(r.elements.year_to_date.gross.cents() == 2100000);
}

BOOST_AUTO_TEST_CASE(meal_vouchers_transit_and_other_costs) {
  Days days;
  days.work("2026-11-01", "2026-11-30", "7");
  days.absent("2026-11-11", "2026-11-11", &DayRecord::public_holiday);
  days.absent("2026-11-12", "2026-11-12", &DayRecord::training);
  PayRunInput in = input("2026-11", cdi(), days);
  in.benefits.meal_vouchers = true;
  in.benefits.transit_pass_monthly = Money::parse("86.40");
  in.benefits.other_monthly_cost = Money::parse("25.00");
  in.expenses = Money::parse("15.50");
  const PayRunResult r = run(in);
  // 19 days worked (21 weekdays less the holiday and the training day): 19 × 9.00 = 171.00.
  BOOST_TEST(r.other_costs.meal_vouchers.cents() == 10260);       // 60 %
  BOOST_TEST(r.elements.meal_voucher_deduction.cents() == 6840);  // 40 %
  BOOST_TEST(r.other_costs.transit.cents() == 4320);              // 50 % of 86.40
  BOOST_TEST(r.elements.transit_refund.cents() == 4320);
  BOOST_TEST(r.other_costs.occupational_health.cents() == 833);  // 100.00 / 12
  BOOST_TEST(r.other_costs.other.cents() == 2500);
  BOOST_TEST(r.other_costs.total().cents() == 10260 + 4320 + 833 + 2500);
  BOOST_TEST(r.expenses.cents() == 1550);
  BOOST_TEST(r.elements.expense_refund.cents() == 1550);
  const Totals& t = r.payslip.totals;
  BOOST_TEST(t.gross.cents() == 210000);  // holiday and training are paid
  BOOST_TEST(t.net_paid.cents() ==
             t.net_before_tax.cents() - t.income_tax.cents() + 4320 + 1550 - 6840);
  BOOST_TEST(r.total_cost().cents() == t.employer_cost.cents() + 17913);

  // Entry on the 16th: the transit share is prorated, 43.20 × 15 / 30.
  PayRunInput late = input("2026-11", cdi("35", "2100.00", "2026-11-16"));
  late.benefits.transit_pass_monthly = Money::parse("86.40");
  BOOST_TEST(run(late).other_costs.transit.cents() == 2160);
  // Without vouchers: no cost, nothing withheld.
  in.benefits.meal_vouchers = false;
  const PayRunResult without = run(in);
  BOOST_TEST(without.other_costs.meal_vouchers.cents() == 0);
  BOOST_TEST(without.elements.meal_voucher_deduction.cents() == 0);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_refused) {
  registry::Contract ended = cdi();
  ended.end = Date::parse("2026-10-31");
  BOOST_CHECK_EXCEPTION(run(input("2026-11", ended)), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(run(input("2026-11", cdi("35", "2100.00", "2026-12-01"))), Error,
                        is_bad_input);

  // The November 2026 window runs from Monday 26 October to 30 November.
  Days before;
  before.at("2026-10-25").worked = Hours::parse("7");
  BOOST_CHECK_EXCEPTION(run(input("2026-11", cdi(), before)), Error, is_bad_input);
  Days after;
  after.at("2026-12-01").worked = Hours::parse("7");
  BOOST_CHECK_EXCEPTION(run(input("2026-11", cdi(), after)), Error, is_bad_input);
  Days first;
  first.at("2026-10-26").worked = Hours::parse("7");
  BOOST_CHECK_NO_THROW(run(input("2026-11", cdi(), first)));

  PayRunInput twice = input("2026-11", cdi(), first);
  twice.days.push_back(twice.days.front());
  BOOST_CHECK_EXCEPTION(run(twice), Error, is_bad_input);

  registry::Contract unpaid = cdi();
  unpaid.monthly_gross.reset();
  BOOST_CHECK_EXCEPTION(run(input("2026-11", unpaid)), Error, is_bad_input);

  PayRunInput refund = input("2026-11", cdi());
  refund.expenses = Money::parse("-5.00");
  BOOST_CHECK_EXCEPTION(run(refund), Error, is_bad_input);

  Days negative;
  negative.at("2026-11-02").worked = Hours::from_minutes(-60);
  BOOST_CHECK_EXCEPTION(run(input("2026-11", cdi(), negative)), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(leave_reference_year_starts_in_the_rates_first_month) {
  const int june = 6;  // R3141-4, the shipped rates
  BOOST_TEST(leave_reference_year(Month::parse("2026-05"), june) == 2025);
  BOOST_TEST(leave_reference_year(Month::parse("2026-06"), june) == 2026);
  BOOST_TEST(leave_reference_year(Month::parse("2026-01"), june) == 2025);
  BOOST_TEST(leave_reference_year(Month::parse("2026-12"), june) == 2026);
  // An agreement may set the calendar year (L3141-10): the period is the year itself.
  BOOST_TEST(leave_reference_year(Month::parse("2026-01"), 1) == 2026);
  BOOST_TEST(leave_reference_year(Month::parse("2026-12"), 1) == 2026);
}

BOOST_AUTO_TEST_SUITE_END()
