#define BOOST_TEST_MODULE holidays_tests
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"
#include "gepaie/staffing/holidays.h"

using gepaie::Date;
using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::staffing::easter_sunday;
using gepaie::staffing::is_public_holiday;
using gepaie::staffing::public_holidays;
using gepaie::staffing::PublicHoliday;

// BOOST_TEST_REQUIRE only when the check fails: the loops below run hundreds of thousands of
// checks.
#define REQUIRE_IN_LOOP(condition, context)   \
  if (!(condition)) {                         \
    BOOST_TEST_REQUIRE((condition), context); \
  }

namespace gepaie::staffing {
std::ostream& operator<<(std::ostream& out, const PublicHoliday& holiday) {
  return out << holiday.day << " " << holiday.name;
}
}  // namespace gepaie::staffing

namespace {

Date date(const char* text) {
  return Date::parse(text);
}

bool is_failure(const Error& e) {
  return e.kind() == ErrorKind::Failure;
}

// A second, independent computus: Gauss's algorithm with its two exceptions.
Date gauss_easter(int year) {
  const int a = year % 19;
  const int b = year % 4;
  const int c = year % 7;
  const int k = year / 100;
  const int p = (13 + 8 * k) / 25;
  const int q = k / 4;
  const int m = (15 - p + k - q) % 30;
  const int n = (4 + k - q) % 7;
  const int d = (19 * a + m) % 30;
  const int e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d == 29 && e == 6) {
    return *Date::from_ymd(year, 4, 19);
  }
  if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
    return *Date::from_ymd(year, 4, 18);
  }
  return Date::from_ymd(year, 3, 22)->plus_days(d + e);
}

std::vector<std::string> days_of(const std::vector<PublicHoliday>& holidays) {
  std::vector<std::string> days;
  for (const PublicHoliday& holiday : holidays) {
    days.push_back(holiday.day.str());
  }
  return days;
}

const PublicHoliday* find(const std::vector<PublicHoliday>& holidays, const char* day) {
  for (const PublicHoliday& holiday : holidays) {
    if (holiday.day == date(day)) {
      return &holiday;
    }
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(holidays_tests)

BOOST_AUTO_TEST_CASE(easter_known_dates) {
  // Checked against python-dateutil 2.9 (dateutil.easter.easter, EASTER_WESTERN).
  const std::pair<int, const char*> known[] = {
      {1583, "1583-04-10"}, {1818, "1818-03-22"}, {1900, "1900-04-15"}, {1954, "1954-04-18"},
      {1961, "1961-04-02"}, {2000, "2000-04-23"}, {2008, "2008-03-23"}, {2011, "2011-04-24"},
      {2019, "2019-04-21"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
      {2027, "2027-03-28"}, {2038, "2038-04-25"}, {2100, "2100-03-28"}, {2285, "2285-03-22"},
      {2400, "2400-04-16"}, {4099, "4099-04-19"}, {9999, "9999-03-28"},
  };
  for (const auto& [year, day] : known) {
    BOOST_TEST_CONTEXT(year) {
      BOOST_TEST(easter_sunday(year) == date(day));
    }
  }
}

BOOST_AUTO_TEST_CASE(easter_agrees_with_gauss_and_is_a_sunday_in_range) {
  for (int year = 1583; year <= 9999; ++year) {
    const Date easter = easter_sunday(year);
    REQUIRE_IN_LOOP(easter == gauss_easter(year), year);
    REQUIRE_IN_LOOP(easter.weekday() == 7, year);
    REQUIRE_IN_LOOP(*Date::from_ymd(year, 3, 22) <= easter, year);
    REQUIRE_IN_LOOP(easter <= *Date::from_ymd(year, 4, 25), year);
  }
}

BOOST_AUTO_TEST_CASE(easter_proleptic_before_1583_and_range) {
  BOOST_TEST(easter_sunday(1) == date("0001-04-01"));  // dateutil gives the same
  BOOST_TEST(easter_sunday(100) == date("0100-04-18"));
  BOOST_CHECK_EXCEPTION(easter_sunday(0), Error, is_failure);
  BOOST_CHECK_EXCEPTION(easter_sunday(10000), Error, is_failure);
  BOOST_CHECK_EXCEPTION(public_holidays(10000), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(holidays_2026) {
  const std::vector<PublicHoliday> expected = {
      {date("2026-01-01"), "Jour de l'an"},
      {date("2026-04-06"), "Lundi de Pâques"},
      {date("2026-05-01"), "Fête du Travail"},
      {date("2026-05-08"), "Victoire 1945"},
      {date("2026-05-14"), "Ascension"},
      {date("2026-05-25"), "Lundi de Pentecôte"},
      {date("2026-07-14"), "Fête nationale"},
      {date("2026-08-15"), "Assomption"},
      {date("2026-11-01"), "Toussaint"},
      {date("2026-11-11"), "Armistice 1918"},
      {date("2026-12-25"), "Noël"},
  };
  BOOST_TEST(public_holidays(2026) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(holidays_2026_alsace_moselle) {
  const std::vector<PublicHoliday> holidays = public_holidays(2026, true);
  BOOST_TEST(holidays.size() == 13u);
  const std::vector<std::string> expected = {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
                                             "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
                                             "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
                                             "2026-12-26"};
  BOOST_TEST(days_of(holidays) == expected, boost::test_tools::per_element());
  BOOST_TEST(find(holidays, "2026-04-03")->name == "Vendredi saint");
  BOOST_TEST(find(holidays, "2026-12-26")->name == "Saint-Étienne");
  BOOST_TEST(!is_public_holiday(date("2026-04-03")));
  BOOST_TEST(is_public_holiday(date("2026-04-03"), true));
  BOOST_TEST(!is_public_holiday(date("2026-12-26")));
  BOOST_TEST(is_public_holiday(date("2026-12-26"), true));
}

BOOST_AUTO_TEST_CASE(earliest_and_latest_easter) {
  // 2285: Easter on 22 March, the earliest possible.
  BOOST_TEST(days_of(public_holidays(2285, true)) ==
                 (std::vector<std::string>{"2285-01-01", "2285-03-20", "2285-03-23", "2285-04-30",
                                           "2285-05-01", "2285-05-08", "2285-05-11", "2285-07-14",
                                           "2285-08-15", "2285-11-01", "2285-11-11", "2285-12-25",
                                           "2285-12-26"}),
             boost::test_tools::per_element());
  // 2038: Easter on 25 April, the latest possible.
  BOOST_TEST(days_of(public_holidays(2038)) ==
                 (std::vector<std::string>{"2038-01-01", "2038-04-26", "2038-05-01", "2038-05-08",
                                           "2038-06-03", "2038-06-14", "2038-07-14", "2038-08-15",
                                           "2038-11-01", "2038-11-11", "2038-12-25"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(leap_years) {
  // 2024 (leap): Easter 31 March.
  BOOST_TEST(find(public_holidays(2024), "2024-04-01")->name == "Lundi de Pâques");
  BOOST_TEST(find(public_holidays(2024), "2024-05-09")->name == "Ascension");
  BOOST_TEST(find(public_holidays(2024), "2024-05-20")->name == "Lundi de Pentecôte");
  // 2000 (leap, divisible by 400): Easter 23 April.
  BOOST_TEST(find(public_holidays(2000), "2000-04-24")->name == "Lundi de Pâques");
  BOOST_TEST(find(public_holidays(2000), "2000-06-01")->name == "Ascension");
  BOOST_TEST(find(public_holidays(2000), "2000-06-12")->name == "Lundi de Pentecôte");
  // 2100 (not leap): Easter 28 March.
  BOOST_TEST(find(public_holidays(2100), "2100-03-29")->name == "Lundi de Pâques");
  BOOST_TEST(find(public_holidays(2100), "2100-05-06")->name == "Ascension");
  BOOST_TEST(find(public_holidays(2100), "2100-05-17")->name == "Lundi de Pentecôte");
  BOOST_TEST(!is_public_holiday(date("2024-02-29"), true));
  BOOST_TEST(!is_public_holiday(date("2024-03-31"), true));  // Easter Sunday itself
  BOOST_TEST(!is_public_holiday(date("2024-05-19"), true));  // Whit Sunday itself
}

BOOST_AUTO_TEST_CASE(coinciding_holidays_make_one_day) {
  // 2008: Easter 23 March, Ascension on 1 May.
  const std::vector<PublicHoliday> holidays = public_holidays(2008);
  BOOST_TEST(holidays.size() == 10u);
  BOOST_TEST(find(holidays, "2008-05-01")->name == "Fête du Travail / Ascension");
  BOOST_TEST(public_holidays(2008, true).size() == 12u);
  // 1975 (Easter 30 March): Ascension on 8 May.
  BOOST_TEST(find(public_holidays(1975), "1975-05-08")->name == "Victoire 1945 / Ascension");
  BOOST_TEST(public_holidays(1975).size() == 10u);
}

BOOST_AUTO_TEST_CASE(every_year_sorted_and_consistent_with_is_public_holiday) {
  for (int year = 1; year <= 9999; ++year) {
    for (bool alsace_moselle : {false, true}) {
      const std::vector<PublicHoliday> holidays = public_holidays(year, alsace_moselle);
      const size_t full = alsace_moselle ? 13 : 11;
      REQUIRE_IN_LOOP((holidays.size() == full || holidays.size() == full - 1), year);
      for (size_t i = 0; i < holidays.size(); ++i) {
        REQUIRE_IN_LOOP(holidays[i].day.year() == year, year);
        REQUIRE_IN_LOOP(is_public_holiday(holidays[i].day, alsace_moselle), year);
        if (i > 0) {
          REQUIRE_IN_LOOP(holidays[i - 1].day < holidays[i].day, year);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(is_public_holiday_matches_the_list_day_by_day) {
  for (int year = 1990; year <= 2110; ++year) {
    for (bool alsace_moselle : {false, true}) {
      const std::vector<PublicHoliday> holidays = public_holidays(year, alsace_moselle);
      size_t next = 0;
      for (Date day = *Date::from_ymd(year, 1, 1); day.year() == year; day = day.plus_days(1)) {
        const bool listed = next < holidays.size() && holidays[next].day == day;
        REQUIRE_IN_LOOP(is_public_holiday(day, alsace_moselle) == listed, day.str());
        next += listed ? 1 : 0;
      }
      BOOST_TEST_REQUIRE(next == holidays.size());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
