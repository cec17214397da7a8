// The rules that build a pay run's inputs from the GE's records, without a database: which
// contract a month pays, the headcount, the pay window, the leave history, the balances after the
// month, the expected hours of each day and the absence kinds.
#define BOOST_TEST_MODULE month_inputs_tests
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/payroll/month_inputs.h"

using namespace gepaie;
using namespace gepaie::payroll;

namespace {

const Month kNovember = Month::parse("2026-11");
const int kJune = 6;  // the leave reference period starts on 1 June (R3141-4, shipped rates)

registry::Contract contract(const char* reference, const char* employee, const char* start,
                            const char* end = nullptr) {
  registry::Contract c;
  c.reference = reference;
  c.employee_number = employee;
  c.kind = end ? registry::ContractKind::Cdd : registry::ContractKind::Cdi;
  c.start = Date::parse(start);
  if (end) {
    c.end = Date::parse(end);
  }
  c.weekly_hours = Hours::parse("35");
  c.monthly_gross = Money::parse("2100.00");
  return c;
}

Hours hours(const char* text) {
  return Hours::parse(text);
}
Date day(const char* text) {
  return Date::parse(text);
}

PastMonth past(const char* month, int earned, int taken, const char* gross,
               const char* ytd_gross = "0") {
  PastMonth p;
  p.month = Month::parse(month);
  p.leave_earned = earned;
  p.leave_taken = taken;
  p.leave_reference_gross = Money::parse(gross);
  p.year_to_date.gross = Money::parse(ytd_gross);
  return p;
}

std::vector<std::string> references(const std::vector<registry::Contract>& contracts) {
  std::vector<std::string> result;
  for (const auto& c : contracts) {
    result.push_back(c.reference);
  }
  return result;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_month_pays_the_contract_that_starts_last_among_the_active_ones) {
  const std::vector<registry::Contract> contracts = {
      // E001: a CDD ends on 15 November, a CDI takes over on the 16th.
      contract("C-E001-1", "E001", "2026-05-01", "2026-11-15"),
      contract("C-E001-2", "E001", "2026-11-16"),
      // E002: ended on 31 October, nothing in November.
      contract("C-E002", "E002", "2025-01-01", "2026-10-31"),
      // E003: starts on 1 December, nothing in November.
      contract("C-E003", "E003", "2026-12-01"),
      // E000: listed last, paid first (by employee number).
      contract("C-E000", "E000", "2020-01-01"),
      // E004: two contracts starting the same day: the first listed.
      contract("C-E004-A", "E004", "2026-11-02"),
      contract("C-E004-B", "E004", "2026-11-02"),
  };
  // November: E000's CDI; E001's second contract (16/11 > 01/05); E004's first; no E002, E003.
  const std::vector<std::string> november = {"C-E000", "C-E001-2", "C-E004-A"};
  BOOST_TEST(references(contracts_paid_in(contracts, kNovember)) == november,
             boost::test_tools::per_element());
  // October: E001's CDD (the CDI starts in November), E002's contract (ends on 31/10).
  const std::vector<std::string> october = {"C-E000", "C-E001-1", "C-E002"};
  BOOST_TEST(references(contracts_paid_in(contracts, Month::parse("2026-10"))) == october,
             boost::test_tools::per_element());
  // December: E001's CDI, E003's new contract, E004's first; E000's CDI.
  const std::vector<std::string> december = {"C-E000", "C-E001-2", "C-E003", "C-E004-A"};
  BOOST_TEST(references(contracts_paid_in(contracts, Month::parse("2026-12"))) == december,
             boost::test_tools::per_element());
  BOOST_TEST(contracts_paid_in({}, kNovember).empty());
}

BOOST_AUTO_TEST_CASE(the_configured_headcount_overrides_the_count_of_contracts) {
  BOOST_TEST(effective_headcount(std::nullopt, 12) == 12);  // no setting: 12 contracts paid
  BOOST_TEST(effective_headcount(30, 12) == 30);            // gepaie.yaml says 30
  BOOST_TEST(effective_headcount(std::nullopt, 0) == 0);
}

BOOST_AUTO_TEST_CASE(the_pay_window_starts_on_the_monday_of_the_week_holding_the_first) {
  // 1 June 2026 is a Monday: the window is the month, 30 days.
  const PayWindow june = pay_window(Month::parse("2026-06"));
  BOOST_TEST(june.first == day("2026-06-01"));
  BOOST_TEST(june.last == day("2026-06-30"));
  BOOST_TEST(june.days() == 30u);
  // 1 November 2026 is a Sunday: the window starts 6 days earlier, Monday 26 October; 6 + 30 = 36.
  const PayWindow november = pay_window(kNovember);
  BOOST_TEST(november.first == day("2026-10-26"));
  BOOST_TEST(november.last == day("2026-11-30"));
  BOOST_TEST(november.days() == 36u);
  BOOST_TEST(november.contains(day("2026-10-26")));
  BOOST_TEST(!november.contains(day("2026-10-25")));
  BOOST_TEST(!november.contains(day("2026-12-01")));
  // 1 April 2026 is a Wednesday: Monday 30 March; 2 + 30 = 32 days.
  const PayWindow april = pay_window(Month::parse("2026-04"));
  BOOST_TEST(april.first == day("2026-03-30"));
  BOOST_TEST(april.days() == 32u);
}

BOOST_AUTO_TEST_CASE(the_history_starts_in_june_of_the_previous_leave_period) {
  // November 2026 is in the period that began in June 2026: N-1 began in June 2025.
  BOOST_TEST(history_start(kNovember, kJune) == Month::parse("2025-06"));
  // March 2026 is in the period that began in June 2025: N-1 began in June 2024.
  BOOST_TEST(history_start(Month::parse("2026-03"), kJune) == Month::parse("2024-06"));
  // June 2026 opens a period: N-1 is June 2025 – May 2026.
  BOOST_TEST(history_start(Month::parse("2026-06"), kJune) == Month::parse("2025-06"));
  // Periods on the calendar year (an agreement, L3141-10): N-1 is the previous year.
  BOOST_TEST(history_start(kNovember, 1) == Month::parse("2025-01"));
}

BOOST_AUTO_TEST_CASE(leave_taken_after_june_comes_out_of_the_n1_balance_first) {
  // July 2026: N-1 is June 2025 – May 2026, N began in June 2026. Given out of order.
  const std::vector<PastMonth> months = {
      past("2026-06", 250, 600, "2200.00", "12700.00"),  // N: 6 days taken now
      past("2025-05", 250, 0, "1900.00", "9000.00"),     // N-2: ignored
      past("2025-06", 250, 100, "2000.00", "11000.00"),  // N-1: taken then came out of N-2
      past("2026-05", 250, 0, "2100.00", "10500.00"),    // N-1
      past("2026-07", 250, 500, "9999.00", "99999.00"),  // the month itself: ignored
  };
  const EmployeeHistory history = employee_history(months, Month::parse("2026-07"), kJune);
  BOOST_TEST(history.leave.previous_earned == 500);                     // 250 + 250
  BOOST_TEST(history.leave.previous_gross == Money::parse("4100.00"));  // 2000 + 2100
  BOOST_TEST(history.leave.current_earned == 250);                      // June 2026
  BOOST_TEST(history.leave.current_gross == Money::parse("2200.00"));   // June 2026
  BOOST_TEST(history.leave.previous_taken == 500);                      // min(600, 500)
  BOOST_TEST(history.leave.current_taken == 100);                       // 600 − 500
  BOOST_TEST(history.year_to_date.gross == Money::parse("12700.00"));   // June, the latest
  BOOST_TEST(history.contract_gross.is_zero());

  // Less taken than the N-1 balance: all of it from N-1.
  const EmployeeHistory little =
      employee_history({past("2025-06", 250, 0, "2000.00"), past("2026-05", 250, 0, "2100.00"),
                        past("2026-06", 250, 300, "2200.00")},
                       Month::parse("2026-07"), kJune);
  BOOST_TEST(little.leave.previous_taken == 300);  // min(300, 250 + 250)
  BOOST_TEST(little.leave.current_taken == 0);     // 300 − 300
}

BOOST_AUTO_TEST_CASE(a_new_year_starts_the_cumulatives_again) {
  // January 2027: December 2026 is another calendar year, so no year-to-date figures; the leave
  // period (June 2026 – May 2027) goes on.
  const EmployeeHistory history =
      employee_history({past("2026-11", 250, 0, "2100.00", "23100.00"),
                        past("2026-12", 250, 200, "2100.00", "25200.00")},
                       Month::parse("2027-01"), kJune);
  BOOST_TEST(history.year_to_date.gross.is_zero());
  BOOST_TEST(history.leave.current_earned == 500);  // 250 + 250
  BOOST_TEST(history.leave.current_taken == 200);   // no N-1 earned: all from N
  BOOST_TEST(history.leave.previous_taken == 0);
}

BOOST_AUTO_TEST_CASE(balances_after_the_month_take_from_n1_first_and_compensate_at_exit) {
  LeaveCounters before;
  before.previous_earned = 3000;  // 30 days earned in N-1
  before.previous_taken = 2000;   // 20 taken
  before.current_earned = 1250;   // 12.5 days earned in N so far
  LeaveMonth month;
  month.earned = 250;
  month.taken = 600;
  // Taken 2000 + 600 = 2600 ≤ 3000: N-1 left 400, N earned 1250 + 250 = 1500, all of it left.
  BOOST_TEST((leave_balances_after(before, month) == LeaveBalances{400, 1500, 1500}));

  // 2800 taken before, 600 now: 3400 − 3000 = 400 come out of N: N left 1500 − 400 = 1100.
  before.previous_taken = 2800;
  BOOST_TEST((leave_balances_after(before, month) == LeaveBalances{0, 1500, 1100}));

  // Exit: N-1 all taken (3000), N 1250 + 250 = 1500 earned, nothing taken this month: the 1500
  // left are compensated, nothing remains.
  before.previous_taken = 3000;
  month.taken = 0;
  month.remaining_at_exit = 1500;
  BOOST_TEST((leave_balances_after(before, month) == LeaveBalances{0, 1500, 0}));

  // Exit holding N-1 days: 3000 earned, 2200 taken, so 800 left in N-1 and 1500 in N; the 2300
  // compensated take the 800 of N-1 first, then 1500 of N: both balances end at 0 (the payslip
  // shows no leave left after an exit, not N-1 800 and N −800).
  before.previous_taken = 2200;
  month.remaining_at_exit = 2300;
  BOOST_TEST((leave_balances_after(before, month) == LeaveBalances{0, 1500, 0}));
}

BOOST_AUTO_TEST_CASE(expected_hours_add_the_slots_in_force_on_the_day) {
  const std::vector<ScheduleSlot> slots = {
      {1, hours("7"), day("2026-01-01"), std::nullopt},       // Mondays, 7 h
      {2, hours("4"), day("2026-01-01"), day("2026-11-10")},  // Tuesdays until 10/11, 4 h
      {2, hours("3.5"), day("2026-11-10"), std::nullopt},     // Tuesdays from 10/11, 3.5 h
      {1, hours("1"), day("2026-11-16"), std::nullopt},       // Mondays from 16/11, 1 h more
  };
  BOOST_TEST(expected_hours(slots, day("2026-11-09")).minutes() == 420);  // Mon: 7 h
  BOOST_TEST(expected_hours(slots, day("2026-11-16")).minutes() == 480);  // Mon: 7 + 1 h
  BOOST_TEST(expected_hours(slots, day("2026-11-03")).minutes() == 240);  // Tue: 4 h
  BOOST_TEST(expected_hours(slots, day("2026-11-10")).minutes() == 450);  // Tue: 4 + 3.5 h
  BOOST_TEST(expected_hours(slots, day("2026-11-17")).minutes() == 210);  // Tue: 3.5 h
  BOOST_TEST(expected_hours(slots, day("2026-11-04")).minutes() == 0);    // Wed: no slot
  BOOST_TEST(expected_hours(slots, day("2025-12-29")).minutes() == 0);    // Mon before 2026
}

BOOST_AUTO_TEST_CASE(the_days_of_the_window_carry_expected_worked_and_absent_hours) {
  // A CDD from Wednesday 4 to Friday 20 November 2026, 7 h Monday to Friday.
  const registry::Contract cdd = contract("C-E001", "E001", "2026-11-04", "2026-11-20");
  std::vector<ScheduleSlot> slots;
  for (int weekday = 1; weekday <= 5; ++weekday) {
    slots.push_back({weekday, hours("7"), day("2026-01-01"), std::nullopt});
  }
  const std::vector<WorkedDay> worked = {
      {day("2026-10-27"), hours("5")},  // before the contract: recorded as is
      {day("2026-11-05"), hours("7")},
  };
  const std::vector<Absence> absences = {
      {day("2026-11-06"), AbsenceKind::PaidLeave, hours("7")},
      {day("2026-11-09"), AbsenceKind::Sickness, hours("7")},
      {day("2026-11-10"), AbsenceKind::UnpaidLeave, hours("3")},
      {day("2026-11-10"), AbsenceKind::Training, hours("4")},
      {day("2026-11-11"), AbsenceKind::PublicHoliday, hours("7")},
  };
  // Toussaint (a Sunday), Armistice (a Wednesday), Christmas (outside the window: ignored).
  const std::vector<Date> holidays = {day("2026-12-25"), day("2026-11-11"), day("2026-11-01")};
  const PayWindow window = pay_window(kNovember);
  const auto days = month_days(cdd, window, slots, worked, absences, holidays);

  // 26 October – 30 November: 36 days in order.
  BOOST_REQUIRE(days.size() == 36u);
  for (size_t i = 0; i < days.size(); ++i) {
    BOOST_TEST(days[i].day == window.first.plus_days(static_cast<int64_t>(i)));
  }
  auto at = [&](const char* text) { return days[day(text).days() - window.first.days()]; };
  BOOST_TEST(at("2026-11-03").expected.minutes() == 0);    // Tuesday before the contract
  BOOST_TEST(at("2026-11-04").expected.minutes() == 420);  // first day: 7 h
  BOOST_TEST(at("2026-11-11").expected.minutes() == 0);    // Armistice
  BOOST_TEST(at("2026-11-14").expected.minutes() == 0);    // Saturday: no slot
  BOOST_TEST(at("2026-11-20").expected.minutes() == 420);  // last day: 7 h
  BOOST_TEST(at("2026-11-23").expected.minutes() == 0);    // Monday after the contract
  // Weekdays under contract: 4–6 (3), 9–13 without the 11th (4), 16–20 (5) = 12 × 7 h = 84 h.
  int64_t expected = 0;
  for (const auto& record : days) {
    expected += record.expected.minutes();
  }
  BOOST_TEST(expected == 84 * 60);

  BOOST_TEST(at("2026-10-27").worked.minutes() == 300);  // 5 h, outside the contract
  BOOST_TEST(at("2026-11-05").worked.minutes() == 420);
  BOOST_TEST(at("2026-11-06").paid_leave.minutes() == 420);
  BOOST_TEST(at("2026-11-09").sickness.minutes() == 420);
  BOOST_TEST(at("2026-11-10").unpaid_leave.minutes() == 180);
  BOOST_TEST(at("2026-11-10").training.minutes() == 240);
  BOOST_TEST(at("2026-11-11").public_holiday.minutes() == 420);
  BOOST_TEST(at("2026-11-12").worked.minutes() == 0);

  // Work recorded outside the window makes no sense here.
  BOOST_CHECK_EXCEPTION(
      month_days(cdd, window, slots, {{day("2026-10-25"), hours("7")}}, {}, holidays), Error,
      [](const Error& e) { return e.kind() == ErrorKind::BadInput; });
  BOOST_CHECK_EXCEPTION(
      month_days(cdd, window, slots, {}, {{day("2026-12-01"), AbsenceKind::Sickness, hours("7")}},
                 holidays),
      Error, [](const Error& e) { return e.kind() == ErrorKind::BadInput; });
}

BOOST_AUTO_TEST_CASE(absence_kinds_read_from_their_stored_names) {
  BOOST_TEST((absence_kind_from("paid_leave") == AbsenceKind::PaidLeave));
  BOOST_TEST((absence_kind_from("sickness") == AbsenceKind::Sickness));
  BOOST_TEST((absence_kind_from("unpaid_leave") == AbsenceKind::UnpaidLeave));
  BOOST_TEST((absence_kind_from("training") == AbsenceKind::Training));
  BOOST_TEST((absence_kind_from("public_holiday") == AbsenceKind::PublicHoliday));
  BOOST_TEST(!absence_kind_from("holiday").has_value());
  BOOST_TEST(!absence_kind_from("").has_value());
  BOOST_TEST(!absence_kind_from("Sickness").has_value());
  for (AbsenceKind kind : {AbsenceKind::PaidLeave, AbsenceKind::Sickness, AbsenceKind::UnpaidLeave,
                           AbsenceKind::Training, AbsenceKind::PublicHoliday}) {
    BOOST_TEST((absence_kind_from(to_string(kind)) == kind));
  }
}

BOOST_AUTO_TEST_CASE(the_weekly_hours_stated_are_those_of_the_last_day_under_contract) {
  registry::Contract c = contract("C-E001", "E001", "2026-01-01");
  registry::Amendment amendment;
  amendment.effective = day("2026-11-16");
  amendment.weekly_hours = hours("28");
  c.amendments.push_back(amendment);
  BOOST_TEST(terms_paid(c, kNovember).weekly_hours.minutes() == 28 * 60);  // terms on 30/11
  BOOST_TEST(terms_paid(c, Month::parse("2026-10")).weekly_hours.minutes() == 35 * 60);  // on 31/10
  c.end = day("2026-11-10");
  BOOST_TEST(terms_paid(c, kNovember).weekly_hours.minutes() == 35 * 60);  // terms on 10/11
}

BOOST_AUTO_TEST_CASE(the_run_totals_add_up_the_payslips) {
  std::vector<ComputedPayslip> payslips(2);
  payslips[0].result.payslip.totals.gross = Money::parse("2100.00");
  payslips[0].result.payslip.totals.net_paid = Money::parse("1650.10");
  payslips[0].result.payslip.totals.employer_cost = Money::parse("2800.55");
  payslips[0].result.other_costs.meal_vouchers = Money::parse("108.00");
  payslips[0].result.expenses = Money::parse("42.60");
  payslips[1].result.payslip.totals.gross = Money::parse("1800.50");
  payslips[1].result.payslip.totals.net_paid = Money::parse("1400.25");
  payslips[1].result.payslip.totals.employer_cost = Money::parse("2400.05");
  payslips[1].result.other_costs.occupational_health = Money::parse("8.33");
  const PayRunTotals totals = totals_of(payslips);
  BOOST_TEST(totals.gross == Money::parse("3900.50"));          // 2100.00 + 1800.50
  BOOST_TEST(totals.net_paid == Money::parse("3050.35"));       // 1650.10 + 1400.25
  BOOST_TEST(totals.employer_cost == Money::parse("5200.60"));  // 2800.55 + 2400.05
  // (2800.55 + 108.00) + (2400.05 + 8.33) = 2908.55 + 2408.38 = 5316.93
  BOOST_TEST(totals.total_cost == Money::parse("5316.93"));
  BOOST_TEST(totals.expenses == Money::parse("42.60"));
}
