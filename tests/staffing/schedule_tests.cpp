#define BOOST_TEST_MODULE schedule_tests
#include <boost/test/unit_test.hpp>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/staffing/model.h"
#include "gepaie/staffing/schedule.h"

using gepaie::Date;
using gepaie::Hours;
using gepaie::Month;
using gepaie::staffing::AbsenceEntry;
using gepaie::staffing::AbsenceKind;
using gepaie::staffing::Allocation;
using gepaie::staffing::Demand;
using gepaie::staffing::EmploymentPeriod;
using gepaie::staffing::RecordProblem;
using gepaie::staffing::TimesheetState;
using gepaie::staffing::WorkEntry;

namespace gepaie::staffing {
std::ostream& operator<<(std::ostream& out, const RecordProblem& problem) {
  return out << problem.index << ": " << problem.reason;
}
}  // namespace gepaie::staffing

namespace {

const std::string kMemberA = "11111111100011";
const std::string kMemberB = "22222222200022";
const Month kMay = Month::parse("2026-05");  // 1 and 8 May are Fridays, Pentecost Monday the 25th

Date date(const char* text) {
  return Date::parse(text);
}

EmploymentPeriod period(const std::string& employee, const char* start, std::optional<Date> end,
                        std::vector<std::string> members) {
  EmploymentPeriod p;
  p.employee_number = employee;
  p.start = date(start);
  p.end = end;
  p.weekly_hours = Hours::parse("35");
  p.member_sirets = std::move(members);
  return p;
}

Allocation slot(const std::string& employee, const std::string& member, int weekday, int start,
                int end, const char* from = "2026-01-01", std::optional<Date> to = std::nullopt) {
  return {0, employee, member, weekday, start, end, date(from), to};
}

std::vector<Date> days_of(const gepaie::staffing::TimesheetDraft& draft) {
  std::vector<Date> days;
  for (const auto& entry : draft.entries) {
    days.push_back(entry.day);
  }
  return days;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_tests)

BOOST_AUTO_TEST_CASE(a_monday_slot_gives_every_monday_but_pentecost) {
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E001", kMemberA, 1, 540, 720)},
      {period("E001", "2026-01-01", std::nullopt, {kMemberA})}, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 1u);
  const auto& sheet = drafts.timesheets.front();
  BOOST_TEST(sheet.employee_number == "E001");
  BOOST_TEST(sheet.member_siret == kMemberA);
  // Mondays of May 2026: 4, 11, 18, 25 (Lundi de Pentecôte, not worked).
  BOOST_TEST(days_of(sheet) ==
                 std::vector<Date>({date("2026-05-04"), date("2026-05-11"), date("2026-05-18")}),
             boost::test_tools::per_element());
  BOOST_TEST(drafts.holidays_skipped == 1);
  const WorkEntry expected{"E001", kMemberA, date("2026-05-04"), 540, 720, Hours::parse("3")};
  BOOST_TEST((sheet.entries.front() == expected));
}

BOOST_AUTO_TEST_CASE(fridays_skip_the_first_and_eighth_of_may) {
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E001", kMemberA, 5, 810, 1020)},
      {period("E001", "2026-01-01", std::nullopt, {kMemberA})}, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 1u);
  BOOST_TEST(days_of(drafts.timesheets.front()) ==
                 std::vector<Date>({date("2026-05-15"), date("2026-05-22"), date("2026-05-29")}),
             boost::test_tools::per_element());
  BOOST_TEST(drafts.holidays_skipped == 2);
  BOOST_TEST(drafts.timesheets.front().entries.front().duration == Hours::parse("3.5"));
}

BOOST_AUTO_TEST_CASE(the_slot_validity_bounds_the_days) {
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E001", kMemberA, 1, 540, 720, "2026-05-10", date("2026-05-18"))},
      {period("E001", "2026-01-01", std::nullopt, {kMemberA})}, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 1u);
  BOOST_TEST(days_of(drafts.timesheets.front()) ==
                 std::vector<Date>({date("2026-05-11"), date("2026-05-18")}),
             boost::test_tools::per_element());
  BOOST_TEST(drafts.holidays_skipped == 0);
}

BOOST_AUTO_TEST_CASE(only_days_the_contract_covers_and_lists_the_member) {
  // Until the 15th the contract lists member A; the amendment from the 16th lists only B.
  const std::vector<EmploymentPeriod> periods = {
      period("E001", "2026-01-01", date("2026-05-15"), {kMemberA}),
      period("E001", "2026-05-16", std::nullopt, {kMemberB})};
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E001", kMemberA, 1, 540, 720), slot("E001", kMemberB, 1, 780, 900)}, periods, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 2u);
  BOOST_TEST(drafts.timesheets[0].member_siret == kMemberA);
  BOOST_TEST(
      days_of(drafts.timesheets[0]) == std::vector<Date>({date("2026-05-04"), date("2026-05-11")}),
      boost::test_tools::per_element());
  BOOST_TEST(drafts.timesheets[1].member_siret == kMemberB);
  BOOST_TEST(days_of(drafts.timesheets[1]) == std::vector<Date>({date("2026-05-18")}),
             boost::test_tools::per_element());
  // Pentecost Monday counts once: at B, where the contract allows the work that day.
  BOOST_TEST(drafts.holidays_skipped == 1);
}

BOOST_AUTO_TEST_CASE(no_contract_no_draft_and_drafts_sorted_by_employee_then_member) {
  const std::vector<EmploymentPeriod> periods = {
      period("E002", "2026-01-01", std::nullopt, {kMemberA, kMemberB}),
      period("E001", "2026-01-01", std::nullopt, {kMemberA})};
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E002", kMemberB, 2, 540, 600), slot("E002", kMemberA, 3, 540, 600),
       slot("E001", kMemberA, 4, 540, 600), slot("E003", kMemberA, 4, 540, 600)},
      periods, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 3u);
  BOOST_TEST(drafts.timesheets[0].employee_number == "E001");
  BOOST_TEST(drafts.timesheets[1].employee_number == "E002");
  BOOST_TEST(drafts.timesheets[1].member_siret == kMemberA);
  BOOST_TEST(drafts.timesheets[2].member_siret == kMemberB);
  // Thursdays: 7, 14 (Ascension), 21, 28; Tuesdays 5, 12, 19, 26; Wednesdays 6, 13, 20, 27.
  BOOST_TEST(drafts.timesheets[0].entries.size() == 3u);
  BOOST_TEST(drafts.timesheets[1].entries.size() == 4u);
  BOOST_TEST(drafts.timesheets[2].entries.size() == 4u);
  BOOST_TEST(drafts.holidays_skipped == 1);
}

BOOST_AUTO_TEST_CASE(two_slots_of_a_day_give_two_entries_slot_by_slot) {
  const auto drafts = gepaie::staffing::draft_timesheets(
      {slot("E001", kMemberA, 1, 540, 720), slot("E001", kMemberA, 1, 810, 1020)},
      {period("E001", "2026-01-01", std::nullopt, {kMemberA})}, kMay);
  BOOST_REQUIRE_EQUAL(drafts.timesheets.size(), 1u);
  const auto& entries = drafts.timesheets.front().entries;
  BOOST_REQUIRE_EQUAL(entries.size(), 6u);
  BOOST_TEST(*entries[0].start == 540);
  BOOST_TEST(*entries[2].start == 540);
  BOOST_TEST(entries[2].day == date("2026-05-18"));
  BOOST_TEST(*entries[3].start == 810);
  BOOST_TEST(entries[3].day == date("2026-05-04"));
  BOOST_TEST(drafts.holidays_skipped == 2);
}

BOOST_AUTO_TEST_CASE(schedule_problems_one_per_record_in_order) {
  const std::vector<Demand> demands = {
      {0, kMemberA, "son", Hours::parse("14"), {1}, date("2026-05-01"), date("2026-06-30")},
      {0, "99999999900099", "son", Hours::parse("7"), {}, date("2026-05-01"), date("2026-06-30")}};
  const std::vector<Allocation> allocations = {
      slot("E001", kMemberA, 1, 540, 720, "2026-05-04"),  // fine
      slot("E404", "99999999900099", 1, 540, 720),        // employee first
      slot("E001", "99999999900099", 2, 540, 720),
      slot("E001", kMemberA, 2, 540, 720, "2025-12-01"),  // before the contract
      slot("E001", kMemberB, 3, 540, 720, "2026-05-06"),  // not on the contract
  };
  const auto problems =
      gepaie::staffing::schedule_problems(demands, allocations, {"E001"}, {kMemberA, kMemberB},
                                          {period("E001", "2026-01-01", std::nullopt, {kMemberA})});
  BOOST_TEST(problems.demands == std::vector<RecordProblem>({{1, "unknown member 99999999900099"}}),
             boost::test_tools::per_element());
  BOOST_TEST(problems.allocations ==
                 std::vector<RecordProblem>(
                     {{1, "unknown employee E404"},
                      {2, "unknown member 99999999900099"},
                      {3, "E001 has no contract on 2025-12-01"},
                      {4, "contract amendment needed: the contract of E001 does not list member " +
                              kMemberB + " on 2026-05-06 (L1253-9)"}}),
             boost::test_tools::per_element());
  BOOST_TEST(!problems.empty());
  BOOST_TEST(
      gepaie::staffing::schedule_problems({demands[0]}, {allocations[0]}, {"E001"}, {kMemberA},
                                          {period("E001", "2026-01-01", std::nullopt, {kMemberA})})
          .empty());
}

BOOST_AUTO_TEST_CASE(period_on_finds_the_period_of_the_day) {
  const std::vector<EmploymentPeriod> periods = {
      period("E001", "2026-01-01", date("2026-05-15"), {kMemberA}),
      period("E001", "2026-05-16", std::nullopt, {kMemberB})};
  BOOST_TEST(gepaie::staffing::period_on(periods, "E001", date("2026-05-15")) == &periods[0]);
  BOOST_TEST(gepaie::staffing::period_on(periods, "E001", date("2026-05-16")) == &periods[1]);
  BOOST_TEST(gepaie::staffing::period_on(periods, "E001", date("2025-12-31")) == nullptr);
  BOOST_TEST(gepaie::staffing::period_on(periods, "E002", date("2026-05-16")) == nullptr);
}

BOOST_AUTO_TEST_CASE(timesheet_entries_of_unknown_employees_or_members) {
  const std::vector<WorkEntry> work = {
      {"E001", kMemberA, date("2026-05-04"), 540, 720, Hours::parse("3")},
      {"E404", "99999999900099", date("2026-05-04"), std::nullopt, std::nullopt, Hours::parse("2")},
      {"E001", "99999999900099", date("2026-05-05"), std::nullopt, std::nullopt,
       Hours::parse("2")}};
  const std::vector<AbsenceEntry> absences = {
      {"E001", date("2026-05-06"), AbsenceKind::PaidLeave, Hours::parse("7")},
      {"E404", date("2026-05-06"), AbsenceKind::Sickness, Hours::parse("7")}};
  const auto problems = gepaie::staffing::unknown_references(work, absences, {"E001"}, {kMemberA});
  BOOST_TEST(problems.work == std::vector<RecordProblem>({{1, "unknown employee E404"},
                                                          {2, "unknown member 99999999900099"}}),
             boost::test_tools::per_element());
  BOOST_TEST(problems.absences == std::vector<RecordProblem>({{1, "unknown employee E404"}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(only_draft_and_disputed_timesheets_take_entries) {
  BOOST_TEST(gepaie::staffing::takes_entries(TimesheetState::Draft));
  BOOST_TEST(gepaie::staffing::takes_entries(TimesheetState::Disputed));
  BOOST_TEST(!gepaie::staffing::takes_entries(TimesheetState::Submitted));
  BOOST_TEST(!gepaie::staffing::takes_entries(TimesheetState::Approved));
  const std::vector<WorkEntry> work = {
      {"E001", kMemberA, date("2026-05-04"), 540, 720, Hours::parse("3")},
      {"E001", kMemberB, date("2026-05-04"), 780, 900, Hours::parse("2")},
      {"E002", kMemberA, date("2026-05-04"), 780, 900, Hours::parse("2")},
      {"E003", kMemberA, date("2026-05-04"), 780, 900, Hours::parse("2")}};
  const std::map<std::pair<std::string, std::string>, TimesheetState> states = {
      {{"E001", kMemberA}, TimesheetState::Disputed},
      {{"E001", kMemberB}, TimesheetState::Approved},
      {{"E002", kMemberA}, TimesheetState::Submitted}};
  BOOST_TEST(gepaie::staffing::locked_entries(work, states, kMay) ==
                 std::vector<RecordProblem>(
                     {{1, "the timesheet of E001 at " + kMemberB +
                              " for 2026-05 is approved: it can no longer change"},
                      {2, "the timesheet of E002 at " + kMemberA +
                              " for 2026-05 is submitted: it can no longer change"}}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
