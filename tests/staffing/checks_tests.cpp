#define BOOST_TEST_MODULE checks_tests
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/model.h"

using gepaie::Date;
using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Hours;
using gepaie::staffing::AbsenceEntry;
using gepaie::staffing::AbsenceKind;
using gepaie::staffing::check_working_time;
using gepaie::staffing::CheckInput;
using gepaie::staffing::EmploymentPeriod;
using gepaie::staffing::Severity;
using gepaie::staffing::Violation;
using gepaie::staffing::WorkEntry;
using gepaie::staffing::WorkingTimeLimits;

namespace gepaie::staffing {
std::ostream& operator<<(std::ostream& out, Severity severity) {
  return out << to_string(severity);
}
std::ostream& operator<<(std::ostream& out, const Violation& v) {
  return out << v.employee_number << " " << v.rule << " " << v.date << " " << v.message;
}
}  // namespace gepaie::staffing

namespace {

const std::string kEmployee = "E001";
const std::string kMemberA = "11111111100011";
const std::string kMemberB = "22222222200022";

Date date(const char* text) {
  return Date::parse(text);
}
Hours hours(const char* text) {
  return Hours::parse(text);
}
int minute(const char* clock) {
  return static_cast<int>(Hours::parse(clock).minutes());
}

// The legal values (Code du travail).
WorkingTimeLimits legal_limits(int divisor = 10) {
  WorkingTimeLimits limits;
  limits.daily_max = hours("10");
  limits.daily_rest = hours("11");
  limits.weekly_max = hours("48");
  limits.average_weekly_max = hours("44");
  limits.average_weeks = 12;
  limits.full_time_weekly = hours("35");
  limits.part_time_extra_divisor = divisor;
  return limits;
}

EmploymentPeriod employment(const std::string& employee, const char* start,
                            std::optional<const char*> end = std::nullopt,
                            const char* weekly = "35",
                            std::vector<std::string> members = {kMemberA, kMemberB}) {
  EmploymentPeriod period;
  period.employee_number = employee;
  period.start = date(start);
  if (end) {
    period.end = date(*end);
  }
  period.weekly_hours = hours(weekly);
  period.member_sirets = std::move(members);
  return period;
}

WorkEntry timed(const std::string& employee, const std::string& member, const char* day,
                const char* start, const char* end) {
  WorkEntry entry;
  entry.employee_number = employee;
  entry.member_siret = member;
  entry.day = date(day);
  entry.start = minute(start);
  entry.end = minute(end);
  entry.duration = Hours::from_minutes(*entry.end - *entry.start);
  return entry;
}

WorkEntry untimed(const std::string& employee, const std::string& member, const char* day,
                  const char* duration) {
  WorkEntry entry;
  entry.employee_number = employee;
  entry.member_siret = member;
  entry.day = date(day);
  entry.duration = hours(duration);
  return entry;
}

// November 2026, for one full-time employee employed since 2020 at both members.
CheckInput november(std::vector<WorkEntry> work) {
  CheckInput input;
  input.employments = {employment(kEmployee, "2020-01-01")};
  input.work = std::move(work);
  input.from = date("2026-11-01");
  input.to = date("2026-11-30");
  return input;
}

std::vector<Violation> check(const CheckInput& input, int divisor = 10,
                             bool alsace_moselle = false) {
  return check_working_time(input, legal_limits(divisor), alsace_moselle);
}

// "rule date" for each violation, to compare whole results at a glance.
std::vector<std::string> summary(const std::vector<Violation>& violations) {
  std::vector<std::string> lines;
  for (const Violation& v : violations) {
    lines.push_back(v.employee_number + " " + v.rule + " " + v.date.str());
  }
  return lines;
}

using Lines = std::vector<std::string>;

// One untimed entry at member A a day from `monday` on, for each duration.
void add_days(std::vector<WorkEntry>& work, const char* monday,
              const std::vector<const char*>& durations) {
  Date day = date(monday);
  for (const char* duration : durations) {
    work.push_back(untimed(kEmployee, kMemberA, day.str().c_str(), duration));
    day = day.plus_days(1);
  }
}

bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks_tests)

BOOST_AUTO_TEST_CASE(nothing_to_report) {
  BOOST_TEST(check(november({})).empty());
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "08:00", "17:00")})).empty());
}

BOOST_AUTO_TEST_CASE(daily_max_at_the_boundary) {
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "08:00", "18:00")})).empty());
  const std::vector<Violation> found =
      check(november({timed(kEmployee, kMemberA, "2026-11-12", "08:00", "18:01")}));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.employee_number == kEmployee);
  BOOST_TEST(v.rule == "daily_max");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.date == date("2026-11-12"));
  BOOST_TEST(v.week == "");
  BOOST_TEST(v.value == hours("10:01"));
  BOOST_TEST(v.limit == hours("10:00"));
  BOOST_TEST(v.member_siret == "");
  BOOST_TEST(v.message == "worked 10:01 on 2026-11-12, more than 10:00");
}

BOOST_AUTO_TEST_CASE(daily_max_sums_members_and_untimed_entries) {
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "07:00", "13:00"),
                             untimed(kEmployee, kMemberB, "2026-11-12", "4")}))
                 .empty());
  const std::vector<Violation> found =
      check(november({timed(kEmployee, kMemberA, "2026-11-12", "07:00", "13:00"),
                      timed(kEmployee, kMemberB, "2026-11-12", "14:00", "18:01")}));
  BOOST_TEST(summary(found) == (Lines{"E001 daily_max 2026-11-12"}),
             boost::test_tools::per_element());
  BOOST_TEST(found[0].value == hours("10:01"));
}

BOOST_AUTO_TEST_CASE(daily_rest_at_the_boundary) {
  // 21:00 to 08:00: exactly 11 hours.
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "12:00", "21:00"),
                             timed(kEmployee, kMemberA, "2026-11-13", "08:00", "12:00")}))
                 .empty());
  // 21:01 to 08:00 and 21:00 to 07:59: one minute short.
  for (const auto& [end, start] : {std::pair{"21:01", "08:00"}, std::pair{"21:00", "07:59"}}) {
    const std::vector<Violation> found =
        check(november({timed(kEmployee, kMemberA, "2026-11-12", "12:00", end),
                        timed(kEmployee, kMemberA, "2026-11-13", start, "12:00")}));
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].rule == "daily_rest");
    BOOST_TEST(found[0].severity == Severity::Error);
    BOOST_TEST(found[0].date == date("2026-11-13"));
    BOOST_TEST(found[0].value == hours("10:59"));
    BOOST_TEST(found[0].limit == hours("11:00"));
    BOOST_TEST(found[0].message ==
               "rested 10:59 between 2026-11-12 and 2026-11-13, less than 11:00");
  }
}

BOOST_AUTO_TEST_CASE(daily_rest_uses_the_last_end_and_first_start_across_members) {
  // The day ends at member B at 22:00 (after an entry at A ending 12:00); the next day starts at
  // member A at 08:00, before an entry at B: 10 hours of rest.
  const std::vector<Violation> found =
      check(november({timed(kEmployee, kMemberB, "2026-11-12", "18:00", "22:00"),
                      timed(kEmployee, kMemberA, "2026-11-12", "08:00", "12:00"),
                      timed(kEmployee, kMemberB, "2026-11-13", "13:00", "17:00"),
                      timed(kEmployee, kMemberA, "2026-11-13", "08:00", "12:00")}));
  BOOST_TEST(summary(found) == (Lines{"E001 daily_rest 2026-11-13"}),
             boost::test_tools::per_element());
  BOOST_TEST(found[0].value == hours("10:00"));
}

BOOST_AUTO_TEST_CASE(daily_rest_skips_untimed_entries_and_non_consecutive_days) {
  // Untimed entries cannot be checked: 23:00 then a duration only, or the reverse.
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "15:00", "23:00"),
                             untimed(kEmployee, kMemberA, "2026-11-13", "8")}))
                 .empty());
  BOOST_TEST(check(november({untimed(kEmployee, kMemberA, "2026-11-12", "8"),
                             timed(kEmployee, kMemberA, "2026-11-13", "00:00", "08:00")}))
                 .empty());
  // A duration-only entry beside a timed one: only the timed one counts for rest.
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "08:00", "12:00"),
                             untimed(kEmployee, kMemberB, "2026-11-12", "4"),
                             timed(kEmployee, kMemberA, "2026-11-13", "06:00", "10:00")}))
                 .empty());
  // A day without work in between: not consecutive.
  BOOST_TEST(check(november({timed(kEmployee, kMemberA, "2026-11-12", "15:00", "23:00"),
                             timed(kEmployee, kMemberA, "2026-11-14", "00:00", "08:00")}))
                 .empty());
}

BOOST_AUTO_TEST_CASE(daily_rules_report_days_within_the_period) {
  // The rest ending on 1 November is checked with the day before; the one ending on 1 December
  // belongs to December's check. Long days outside the month are not reported.
  const std::vector<Violation> found =
      check(november({timed(kEmployee, kMemberA, "2026-10-31", "12:00", "23:00"),
                      timed(kEmployee, kMemberA, "2026-11-01", "06:00", "10:00"),
                      timed(kEmployee, kMemberA, "2026-11-30", "12:00", "23:00"),
                      timed(kEmployee, kMemberA, "2026-12-01", "06:00", "10:00")}));
  BOOST_TEST(
      summary(found) == (Lines{"E001 daily_rest 2026-11-01", "E001 public_holiday 2026-11-01",
                               "E001 daily_max 2026-11-30"}),
      boost::test_tools::per_element());
  BOOST_TEST(found[0].value == hours("7:00"));
}

BOOST_AUTO_TEST_CASE(weekly_max_at_the_boundary) {
  // Week 2026-W47: Monday 16 to Sunday 22 November.
  std::vector<WorkEntry> work;
  add_days(work, "2026-11-16", {"10", "10", "10", "10", "8"});
  BOOST_TEST(check(november(work)).empty());
  work.push_back(untimed(kEmployee, kMemberB, "2026-11-22", "0:01"));
  const std::vector<Violation> found = check(november(work));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "weekly_max");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.date == date("2026-11-16"));
  BOOST_TEST(v.week == "2026-W47");
  BOOST_TEST(v.value == hours("48:01"));
  BOOST_TEST(v.limit == hours("48:00"));
  BOOST_TEST(v.message == "worked 48:01 in week 2026-W47, more than 48:00");
}

BOOST_AUTO_TEST_CASE(weekly_max_splits_weeks_between_sunday_and_monday) {
  // 48 h up to Sunday 22, then 10 h on Monday 23: each week within the limit.
  std::vector<WorkEntry> work;
  add_days(work, "2026-11-16", {"10", "10", "10", "10"});
  work.push_back(untimed(kEmployee, kMemberA, "2026-11-22", "8"));
  work.push_back(untimed(kEmployee, kMemberB, "2026-11-23", "10"));
  BOOST_TEST(check(november(work)).empty());
  // One more minute on Sunday breaks W47 only; on Monday it would not.
  work.push_back(untimed(kEmployee, kMemberB, "2026-11-22", "0:01"));
  BOOST_TEST(summary(check(november(work))) == (Lines{"E001 weekly_max 2026-11-16"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weeks_overlapping_the_period_are_checked_whole) {
  // Week 2026-W44 runs from Monday 26 October to Sunday 1 November: it overlaps November and
  // is checked with October's work. Week W43 does not overlap November.
  std::vector<WorkEntry> work;
  add_days(work, "2026-10-19", {"10", "10", "10", "10", "9"});
  add_days(work, "2026-10-26", {"10", "10", "10", "10", "8:01"});
  BOOST_TEST(summary(check(november(work))) == (Lines{"E001 weekly_max 2026-10-26"}),
             boost::test_tools::per_element());
  BOOST_TEST(check(november(work))[0].week == "2026-W44");
}

// 44 hours in each of the 12 weeks W37 (7 September) to W48 (23 November 2026), on Monday,
// Tuesday, Thursday, Friday and Saturday (11 November, a Wednesday, is a public holiday).
std::vector<WorkEntry> twelve_weeks_of_44_hours() {
  std::vector<WorkEntry> work;
  for (Date monday = date("2026-09-07"); monday <= date("2026-11-23");
       monday = monday.plus_days(7)) {
    for (auto [offset, duration] : {std::pair{0, "9"}, std::pair{1, "9"}, std::pair{3, "9"},
                                    std::pair{4, "9"}, std::pair{5, "8"}}) {
      work.push_back(
          untimed(kEmployee, kMemberA, monday.plus_days(offset).str().c_str(), duration));
    }
  }
  return work;
}

BOOST_AUTO_TEST_CASE(weekly_average_at_the_boundary) {
  std::vector<WorkEntry> work = twelve_weeks_of_44_hours();
  BOOST_TEST(check(november(work)).empty());
  // 12 × 44:00 = 528:00. Five more minutes, in the first week of the window: 528:05.
  work.push_back(untimed(kEmployee, kMemberB, "2026-09-13", "0:05"));
  const std::vector<Violation> found = check(november(work));
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "weekly_average");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.date == date("2026-11-23"));
  BOOST_TEST(v.week == "2026-W48");
  BOOST_TEST(v.value == hours("528:05"));
  BOOST_TEST(v.limit == hours("528:00"));
  BOOST_TEST(v.message ==
             "worked 528:05 in the 12 weeks 2026-W37 to 2026-W48, more than 528:00 "
             "(44:00 a week on average)");
  // One minute over in total is enough.
  work.back().duration = hours("0:01");
  BOOST_TEST(check(november(work)).size() == 1u);
}

BOOST_AUTO_TEST_CASE(weekly_average_needs_twelve_employed_weeks) {
  std::vector<WorkEntry> work = twelve_weeks_of_44_hours();
  work.push_back(untimed(kEmployee, kMemberB, "2026-11-28", "1"));
  CheckInput input = november(work);
  // Hired on Sunday 13 September: W37 counts as employed, the window W37-W48 is checked.
  input.employments = {employment(kEmployee, "2026-09-13")};
  BOOST_TEST(summary(check(input)) == (Lines{"E001 weekly_average 2026-11-23"}),
             boost::test_tools::per_element());
  // Hired on Monday 14 September: only 11 employed weeks before the end of W48.
  input.employments = {employment(kEmployee, "2026-09-14")};
  BOOST_TEST(check(input).empty());
  // Two contracts with a gap of one whole week (W40): no window of 12 employed weeks.
  input.employments = {employment(kEmployee, "2026-01-01", "2026-09-27"),
                       employment(kEmployee, "2026-10-05")};
  BOOST_TEST(check(input).empty());
  // Contracts that follow each other within a week (W40) keep the window whole.
  input.employments = {employment(kEmployee, "2026-01-01", "2026-09-30"),
                       employment(kEmployee, "2026-10-02")};
  BOOST_TEST(summary(check(input)) == (Lines{"E001 weekly_average 2026-11-23"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weekly_average_counts_weeks_without_entries_as_zero) {
  // 48 h in each of W45 to W48 and nothing before: far under 44 h on average.
  std::vector<WorkEntry> work;
  for (const char* monday : {"2026-11-02", "2026-11-16", "2026-11-23"}) {
    add_days(work, monday, {"10", "10", "10", "10", "8"});
  }
  BOOST_TEST(check(november(work)).empty());
}

// Part-time: the weekly totals of W47 (16 to 22 November 2026).
std::vector<Violation> part_time_week(const char* contract, int divisor, const char* total) {
  CheckInput input = november({});
  input.employments = {employment(kEmployee, "2020-01-01", std::nullopt, contract)};
  const int64_t minutes = hours(total).minutes();
  // Spread over five days from Monday, at most 8 h a day.
  int64_t left = minutes;
  Date day = date("2026-11-16");
  while (left > 0) {
    const int64_t today = std::min<int64_t>(left, 8 * 60);
    input.work.push_back(untimed(kEmployee, kMemberA, day.str().c_str(),
                                 Hours::from_minutes(today).clock_str().c_str()));
    left -= today;
    day = day.plus_days(1);
  }
  return check(input, divisor);
}

BOOST_AUTO_TEST_CASE(part_time_extra_one_tenth) {
  // 24 h + 24 h / 10 = 26:24.
  BOOST_TEST(part_time_week("24", 10, "26:24").empty());
  const std::vector<Violation> found = part_time_week("24", 10, "26:25");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "part_time_extra");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.date == date("2026-11-16"));
  BOOST_TEST(v.week == "2026-W47");
  BOOST_TEST(v.value == hours("26:25"));
  BOOST_TEST(v.limit == hours("26:24"));
  BOOST_TEST(v.message == "worked 26:25 in week 2026-W47, more than 26:24 (contract 24:00 + 1/10)");
}

BOOST_AUTO_TEST_CASE(part_time_extra_one_third) {
  // 24 h + 24 h / 3 = 32:00.
  BOOST_TEST(part_time_week("24", 3, "32:00").empty());
  const std::vector<Violation> found = part_time_week("24", 3, "32:01");
  BOOST_TEST(summary(found) == (Lines{"E001 part_time_extra 2026-11-16"}),
             boost::test_tools::per_element());
  BOOST_TEST(found[0].limit == hours("32:00"));
}

BOOST_AUTO_TEST_CASE(part_time_extra_exact_to_the_second) {
  // 20:10 + 20:10 / 3 = 72 600 + 24 200 s = 96 800 s (26:53:20): 26:53 allowed, 26:54 reported.
  BOOST_TEST(part_time_week("20:10", 3, "26:53").empty());
  const std::vector<Violation> found = part_time_week("20:10", 3, "26:54");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].limit == Hours::from_seconds(96'800));
}

BOOST_AUTO_TEST_CASE(part_time_never_reaches_full_time) {
  // 30 h + 30 h / 3 = 40 h would allow 35 h, but a part-time week may not reach full time.
  BOOST_TEST(part_time_week("30", 3, "34:59").empty());
  const std::vector<Violation> found = part_time_week("30", 3, "35:00");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "part_time_full_time");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.week == "2026-W47");
  BOOST_TEST(v.value == hours("35:00"));
  BOOST_TEST(v.limit == hours("35:00"));
  BOOST_TEST(v.message ==
             "worked 35:00 in week 2026-W47, reaching full time 35:00 on a 30:00 part-time "
             "contract");
  // On a 24 h contract, 35 h breaks both rules.
  BOOST_TEST(summary(part_time_week("24", 10, "35:00")) ==
                 (Lines{"E001 part_time_extra 2026-11-16", "E001 part_time_full_time 2026-11-16"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(full_time_contract_has_no_part_time_rules) {
  BOOST_TEST(part_time_week("35", 10, "40:00").empty());
  BOOST_TEST(part_time_week("39", 10, "48:00").empty());
}

BOOST_AUTO_TEST_CASE(part_time_absences_are_not_work) {
  CheckInput input = november({});
  input.employments = {employment(kEmployee, "2020-01-01", std::nullopt, "24")};
  add_days(input.work, "2026-11-16", {"8", "8", "8"});
  for (const char* day : {"2026-11-19", "2026-11-20"}) {
    input.absences.push_back({kEmployee, date(day), AbsenceKind::PaidLeave, hours("8")});
  }
  BOOST_TEST(check(input).empty());
}

BOOST_AUTO_TEST_CASE(part_time_contract_changing_within_the_week) {
  // 24 h until Wednesday 18, 30 h from Thursday 19: the larger contract applies to W47.
  CheckInput input = november({});
  input.employments = {employment(kEmployee, "2020-01-01", "2026-11-18", "24"),
                       employment(kEmployee, "2026-11-19", std::nullopt, "30")};
  add_days(input.work, "2026-11-16", {"7", "7", "7", "6", "6"});  // 33 h = 30 + 3
  BOOST_TEST(check(input).empty());
  input.work.push_back(untimed(kEmployee, kMemberB, "2026-11-21", "0:01"));
  BOOST_TEST(summary(check(input)) == (Lines{"E001 part_time_extra 2026-11-16"}),
             boost::test_tools::per_element());
  // The week before is 24 h only (and 11 November a public holiday).
  add_days(input.work, "2026-11-09", {"7", "7", "7", "6"});
  BOOST_TEST(summary(check(input)) ==
                 (Lines{"E001 part_time_extra 2026-11-09", "E001 public_holiday 2026-11-11",
                        "E001 part_time_extra 2026-11-16"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(member_not_in_contract) {
  CheckInput input = november({timed(kEmployee, kMemberA, "2026-11-12", "08:00", "10:00"),
                               timed(kEmployee, kMemberB, "2026-11-12", "10:00", "12:00"),
                               timed(kEmployee, kMemberB, "2026-11-12", "13:00", "14:30")});
  input.employments = {employment(kEmployee, "2020-01-01", std::nullopt, "35", {kMemberA})};
  const std::vector<Violation> found = check(input);
  BOOST_TEST_REQUIRE(found.size() == 1u);  // one per day and member
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "member_not_in_contract");
  BOOST_TEST(v.severity == Severity::Error);
  BOOST_TEST(v.date == date("2026-11-12"));
  BOOST_TEST(v.week == "");
  BOOST_TEST(v.member_siret == kMemberB);
  BOOST_TEST(v.value == hours("3:30"));
  BOOST_TEST(v.limit == Hours());
  BOOST_TEST(v.message ==
             "worked 3:30 on 2026-11-12 for member 22222222200022, a member the employment "
             "contract does not list");
  // An amendment from 13 November adds member B.
  input.employments = {
      employment(kEmployee, "2020-01-01", "2026-11-12", "35", {kMemberA}),
      employment(kEmployee, "2026-11-13", std::nullopt, "35", {kMemberA, kMemberB})};
  input.work.push_back(untimed(kEmployee, kMemberB, "2026-11-13", "3"));
  BOOST_TEST(summary(check(input)) == (Lines{"E001 member_not_in_contract 2026-11-12"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(outside_contract_before_start_and_after_end) {
  CheckInput input = november({untimed(kEmployee, kMemberA, "2026-11-02", "7"),
                               untimed(kEmployee, kMemberA, "2026-11-03", "7"),
                               untimed(kEmployee, kMemberA, "2026-11-26", "7"),
                               untimed(kEmployee, kMemberB, "2026-11-27", "7")});
  // From 3 to 26 November, member A only: the work for B on the 27th is outside the contract,
  // not a member the contract leaves out.
  input.employments = {employment(kEmployee, "2026-11-03", "2026-11-26", "35", {kMemberA})};
  const std::vector<Violation> found = check(input);
  BOOST_TEST(summary(found) ==
                 (Lines{"E001 outside_contract 2026-11-02", "E001 outside_contract 2026-11-27"}),
             boost::test_tools::per_element());
  BOOST_TEST(found[0].member_siret == kMemberA);
  BOOST_TEST(found[0].value == hours("7"));
  BOOST_TEST(found[0].severity == Severity::Error);
  BOOST_TEST(found[0].message ==
             "worked 7:00 on 2026-11-02 for member 11111111100011, outside any employment "
             "contract");
  BOOST_TEST(found[1].member_siret == kMemberB);
  // No employment at all.
  input.employments.clear();
  BOOST_TEST(check(input).size() == 4u);
}

BOOST_AUTO_TEST_CASE(public_holiday_is_a_warning) {
  CheckInput input;
  input.employments = {employment(kEmployee, "2020-01-01")};
  input.work = {untimed(kEmployee, kMemberA, "2026-05-13", "7"),
                untimed(kEmployee, kMemberA, "2026-05-14", "7")};
  input.from = date("2026-05-01");
  input.to = date("2026-05-31");
  const std::vector<Violation> found = check(input);
  BOOST_TEST_REQUIRE(found.size() == 1u);
  const Violation& v = found[0];
  BOOST_TEST(v.rule == "public_holiday");
  BOOST_TEST(v.severity == Severity::Warning);
  BOOST_TEST(v.date == date("2026-05-14"));
  BOOST_TEST(v.member_siret == kMemberA);
  BOOST_TEST(v.value == hours("7"));
  BOOST_TEST(v.message ==
             "worked 7:00 on 2026-05-14 for member 11111111100011, a public holiday (Ascension)");
}

BOOST_AUTO_TEST_CASE(public_holiday_in_alsace_moselle) {
  CheckInput input;
  input.employments = {employment(kEmployee, "2020-01-01")};
  input.work = {untimed(kEmployee, kMemberA, "2026-12-26", "7"),
                untimed(kEmployee, kMemberA, "2026-04-03", "7")};
  input.from = date("2026-01-01");
  input.to = date("2026-12-31");
  BOOST_TEST(check(input).empty());
  BOOST_TEST(summary(check(input, 10, true)) ==
                 (Lines{"E001 public_holiday 2026-04-03", "E001 public_holiday 2026-12-26"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sorted_and_deterministic) {
  CheckInput input;
  input.from = date("2026-11-01");
  input.to = date("2026-11-30");
  input.employments = {employment("E002", "2020-01-01", std::nullopt, "24", {kMemberA}),
                       employment("E010", "2026-11-05", std::nullopt, "35", {kMemberB}),
                       employment("E001", "2020-01-01")};
  input.work = {
      // E010: outside contract, then a holiday at an unlisted member, then a long day.
      untimed("E010", kMemberA, "2026-11-04", "2"),
      untimed("E010", kMemberB, "2026-11-11", "2"),
      untimed("E010", kMemberA, "2026-11-11", "2"),
      untimed("E010", kMemberB, "2026-11-12", "11"),
      // E002: part time 24 h, 11 h on 16 November at both members, 27 h in W47.
      timed("E002", kMemberA, "2026-11-16", "07:00", "12:00"),
      timed("E002", kMemberB, "2026-11-16", "13:00", "19:00"),
      timed("E002", kMemberA, "2026-11-17", "05:00", "13:00"),
      untimed("E002", kMemberA, "2026-11-18", "8"),
      // E001: 1 November (a Sunday, Toussaint) too long.
      untimed("E001", kMemberB, "2026-11-01", "10:30"),
  };
  const Lines expected = {
      "E001 daily_max 2026-11-01",
      "E001 public_holiday 2026-11-01",
      "E002 daily_max 2026-11-16",
      "E002 part_time_extra 2026-11-16",
      "E002 member_not_in_contract 2026-11-16",
      "E002 daily_rest 2026-11-17",
      "E010 outside_contract 2026-11-04",
      "E010 member_not_in_contract 2026-11-11",
      "E010 public_holiday 2026-11-11",
      "E010 public_holiday 2026-11-11",
      "E010 daily_max 2026-11-12",
  };
  const std::vector<Violation> first = check(input);
  std::mt19937 random(42);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(input.work.begin(), input.work.end(), random);
    std::shuffle(input.employments.begin(), input.employments.end(), random);
    BOOST_TEST_REQUIRE(check(input) == first, boost::test_tools::per_element());
  }
  BOOST_TEST(summary(first) == expected, boost::test_tools::per_element());
  // Within a day and rule, by member.
  BOOST_TEST(first[8].member_siret == kMemberA);
  BOOST_TEST(first[9].member_siret == kMemberB);
}

BOOST_AUTO_TEST_CASE(bad_period_or_limits) {
  CheckInput input = november({});
  std::swap(input.from, input.to);
  BOOST_CHECK_EXCEPTION(check(input), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(check(november({}), 0), Error, is_bad_input);
  WorkingTimeLimits limits = legal_limits();
  limits.average_weeks = 0;
  BOOST_CHECK_EXCEPTION(check_working_time(november({}), limits), Error, is_bad_input);
}

BOOST_AUTO_TEST_SUITE_END()
