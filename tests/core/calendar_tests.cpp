#define BOOST_TEST_MODULE calendar_tests
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <sstream>

#include "gepaie/core/calendar.h"
#include "gepaie/core/error.h"

using gepaie::Date;
using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Month;
using gepaie::Week;

namespace {

Date date(const char* text) {
  return Date::parse(text);
}
bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}
bool is_failure(const Error& e) {
  return e.kind() == ErrorKind::Failure;
}

int days_in_year(int year) {
  int total = 0;
  for (int month = 1; month <= 12; ++month)
    total += Month::from_ym(year, month)->days();
  return total;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar_tests)

BOOST_AUTO_TEST_CASE(from_ymd_validates) {
  BOOST_CHECK(Date::from_ymd(2024, 2, 29).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 2, 29).has_value());
  BOOST_CHECK(Date::from_ymd(2000, 2, 29).has_value());
  BOOST_CHECK(!Date::from_ymd(1900, 2, 29).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 2, 30).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 4, 31).has_value());
  BOOST_CHECK(Date::from_ymd(2026, 12, 31).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 0, 1).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 13, 1).has_value());
  BOOST_CHECK(!Date::from_ymd(2026, 1, 0).has_value());
  BOOST_CHECK(!Date::from_ymd(0, 1, 1).has_value());
  BOOST_CHECK(!Date::from_ymd(10000, 1, 1).has_value());
}

BOOST_AUTO_TEST_CASE(leap_years) {
  BOOST_CHECK_EQUAL(days_in_year(2024), 366);
  BOOST_CHECK_EQUAL(days_in_year(2026), 365);
  BOOST_CHECK_EQUAL(days_in_year(2000), 366);
  BOOST_CHECK_EQUAL(days_in_year(1900), 365);
  BOOST_CHECK_EQUAL(days_in_year(2100), 365);
  BOOST_CHECK_EQUAL(date("2025-01-01").days() - date("2024-01-01").days(), 366);
  BOOST_CHECK_EQUAL(date("2027-01-01").days() - date("2026-01-01").days(), 365);
}

BOOST_AUTO_TEST_CASE(days_since_epoch) {
  // Reference values from Python's datetime.
  BOOST_CHECK_EQUAL(date("1970-01-01").days(), 0);
  BOOST_CHECK_EQUAL(date("1969-12-31").days(), -1);
  BOOST_CHECK_EQUAL(date("2000-03-01").days(), 11017);
  BOOST_CHECK_EQUAL(date("2024-02-29").days(), 19782);
  BOOST_CHECK_EQUAL(date("2026-11-26").days(), 20783);
  BOOST_CHECK_EQUAL(date("0001-01-01").days(), -719162);
  BOOST_CHECK_EQUAL(date("9999-12-31").days(), 2932896);
  BOOST_CHECK_EQUAL(Date::from_days(20783), date("2026-11-26"));
  BOOST_CHECK_EQUAL(Date(), date("1970-01-01"));
}

BOOST_AUTO_TEST_CASE(every_day_follows_the_previous_one) {
  // Walks 1600-01-01 .. 2400-12-31 one day at a time, comparing with a naive calendar.
  Date day = *Date::from_ymd(1600, 1, 1);
  int year = 1600, month = 1, day_of_month = 1;
  int checked_days = 0;
  while (year <= 2400) {
    Date next = day.plus_days(1);
    bool consistent = day.year() == year && day.month() == month && day.day() == day_of_month &&
                      Date::from_days(day.days()) == day && next.days() == day.days() + 1 &&
                      next.weekday() == day.weekday() % 7 + 1;
    if (!consistent)
      BOOST_FAIL("calendar inconsistent at " << day.str());
    ++checked_days;
    day = next;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int length = month == 2                                                ? (leap ? 29 : 28)
                 : (month == 4 || month == 6 || month == 9 || month == 11) ? 30
                                                                           : 31;
    if (++day_of_month > length) {
      day_of_month = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
  BOOST_CHECK_EQUAL(checked_days, date("2401-01-01").days() - date("1600-01-01").days());
  BOOST_CHECK_EQUAL(day, date("2401-01-01"));
}

BOOST_AUTO_TEST_CASE(parse_is_strict) {
  Date d = date("2026-11-26");
  BOOST_CHECK_EQUAL(d.year(), 2026);
  BOOST_CHECK_EQUAL(d.month(), 11);
  BOOST_CHECK_EQUAL(d.day(), 26);
  for (const char* text : {"", "2026-11-6", "2026-1-26", "2026/11/26", "26/11/2026", "2026-02-30",
                           "2026-02-29", " 2026-11-26", "2026-11-26 ", "2026-11-26T00:00",
                           "+026-11-26", "2026-1a-26", "20261126", "0000-01-01", "2026-00-10"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Date::parse(text), Error, is_bad_input);
    }
  }
  try {
    Date::parse("2026-02-30");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_CHECK_EQUAL(e.message(), "not a date (YYYY-MM-DD): '2026-02-30'");
  }
}

BOOST_AUTO_TEST_CASE(weekday_of_known_dates) {
  // Checked with `date +%u -d ...`.
  BOOST_CHECK_EQUAL(date("2026-11-26").weekday(), 4);  // Thursday
  BOOST_CHECK_EQUAL(date("1970-01-01").weekday(), 4);
  BOOST_CHECK_EQUAL(date("1969-12-31").weekday(), 3);
  BOOST_CHECK_EQUAL(date("2000-01-01").weekday(), 6);
  BOOST_CHECK_EQUAL(date("2021-01-03").weekday(), 7);
  BOOST_CHECK_EQUAL(date("2021-01-04").weekday(), 1);
  BOOST_CHECK_EQUAL(date("0001-01-01").weekday(), 1);
  BOOST_CHECK_EQUAL(date("9999-12-31").weekday(), 5);
}

BOOST_AUTO_TEST_CASE(iso_week_edge_cases) {
  // Checked with `date +%G-W%V -d ...`.
  BOOST_CHECK_EQUAL(date("2026-11-26").iso_week(), "2026-W48");
  BOOST_CHECK_EQUAL(date("2026-12-31").iso_week(), "2026-W53");
  BOOST_CHECK_EQUAL(date("2027-01-01").iso_week(), "2026-W53");
  BOOST_CHECK_EQUAL(date("2020-12-31").iso_week(), "2020-W53");
  BOOST_CHECK_EQUAL(date("2021-01-03").iso_week(), "2020-W53");
  BOOST_CHECK_EQUAL(date("2021-01-04").iso_week(), "2021-W01");
  BOOST_CHECK_EQUAL(date("2024-12-30").iso_week(), "2025-W01");
  BOOST_CHECK_EQUAL(date("2008-12-29").iso_week(), "2009-W01");
  BOOST_CHECK_EQUAL(date("2010-01-03").iso_week(), "2009-W53");
  BOOST_CHECK_EQUAL(date("2000-01-01").iso_week(), "1999-W52");
  BOOST_CHECK_EQUAL(date("1970-01-01").iso_week(), "1970-W01");
  BOOST_CHECK_EQUAL(date("2024-02-29").iso_week(), "2024-W09");
}

BOOST_AUTO_TEST_CASE(plus_days_and_range) {
  BOOST_CHECK_EQUAL(date("2024-02-28").plus_days(1), date("2024-02-29"));
  BOOST_CHECK_EQUAL(date("2026-02-28").plus_days(1), date("2026-03-01"));
  BOOST_CHECK_EQUAL(date("2026-12-31").plus_days(1), date("2027-01-01"));
  BOOST_CHECK_EQUAL(date("2027-01-01").plus_days(-1), date("2026-12-31"));
  BOOST_CHECK_EQUAL(date("2026-11-26").plus_days(0), date("2026-11-26"));
  BOOST_CHECK_EQUAL(date("2026-01-01").plus_days(365), date("2027-01-01"));
  BOOST_CHECK_EXCEPTION(date("9999-12-31").plus_days(1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(date("0001-01-01").plus_days(-1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(date("2026-01-01").plus_days(INT64_MAX), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Date::from_days(INT64_MIN), Error, is_failure);
  BOOST_CHECK(date("2026-11-26") < date("2026-11-27"));
  BOOST_CHECK(date("2025-12-31") < date("2026-01-01"));
}

BOOST_AUTO_TEST_CASE(date_printing) {
  BOOST_CHECK_EQUAL(date("2026-11-26").str(), "2026-11-26");
  BOOST_CHECK_EQUAL(date("2026-11-26").french(), "26/11/2026");
  BOOST_CHECK_EQUAL(date("0001-02-03").str(), "0001-02-03");
  BOOST_CHECK_EQUAL(date("0001-02-03").french(), "03/02/0001");
  BOOST_CHECK_EQUAL(date("2026-11-26").month_of(), Month::parse("2026-11"));
  std::ostringstream out;
  out << date("2024-02-29") << " " << Month::parse("2024-02");
  BOOST_CHECK_EQUAL(out.str(), "2024-02-29 2024-02");
}

BOOST_AUTO_TEST_CASE(month_parse_and_print) {
  Month month = Month::parse("2026-11");
  BOOST_CHECK_EQUAL(month.year(), 2026);
  BOOST_CHECK_EQUAL(month.month(), 11);
  BOOST_CHECK_EQUAL(month.str(), "2026-11");
  BOOST_CHECK_EQUAL(month.french(), "novembre 2026");
  BOOST_CHECK_EQUAL(Month::parse("2024-02").french(), "février 2024");
  BOOST_CHECK_EQUAL(Month::parse("2025-08").french(), "août 2025");
  BOOST_CHECK_EQUAL(Month::parse("2025-12").french(), "décembre 2025");
  BOOST_CHECK_EQUAL(Month::parse("0987-01").str(), "0987-01");
  for (const char* text : {"", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "2026/11",
                           "0000-01", " 2026-11"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Month::parse(text), Error, is_bad_input);
    }
  }
  BOOST_CHECK(!Month::from_ym(2026, 13).has_value());
  BOOST_CHECK(!Month::from_ym(2026, 0).has_value());
  BOOST_CHECK(Month::from_ym(2026, 12).has_value());
  BOOST_CHECK_EQUAL(Month(), Month::parse("1970-01"));
}

BOOST_AUTO_TEST_CASE(month_navigation_and_days) {
  BOOST_CHECK_EQUAL(Month::parse("2026-12").next(), Month::parse("2027-01"));
  BOOST_CHECK_EQUAL(Month::parse("2027-01").prev(), Month::parse("2026-12"));
  BOOST_CHECK_EQUAL(Month::parse("2026-06").next(), Month::parse("2026-07"));
  BOOST_CHECK_EQUAL(Month::parse("2026-06").prev(), Month::parse("2026-05"));
  BOOST_CHECK_EXCEPTION(Month::parse("9999-12").next(), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Month::parse("0001-01").prev(), Error, is_failure);
  BOOST_CHECK_EQUAL(Month::parse("2024-02").days(), 29);
  BOOST_CHECK_EQUAL(Month::parse("2026-02").days(), 28);
  BOOST_CHECK_EQUAL(Month::parse("1900-02").days(), 28);
  BOOST_CHECK_EQUAL(Month::parse("2000-02").days(), 29);
  BOOST_CHECK_EQUAL(Month::parse("2026-04").days(), 30);
  BOOST_CHECK_EQUAL(Month::parse("2026-12").days(), 31);
  Month february = Month::parse("2024-02");
  BOOST_CHECK_EQUAL(february.first_day(), date("2024-02-01"));
  BOOST_CHECK_EQUAL(february.last_day(), date("2024-02-29"));
  BOOST_CHECK(february.contains(date("2024-02-01")));
  BOOST_CHECK(february.contains(date("2024-02-29")));
  BOOST_CHECK(!february.contains(date("2024-01-31")));
  BOOST_CHECK(!february.contains(date("2024-03-01")));
  BOOST_CHECK(!february.contains(date("2025-02-10")));
  BOOST_CHECK(Month::parse("2025-12") < Month::parse("2026-01"));
  BOOST_CHECK(Month::parse("2026-02") < Month::parse("2026-10"));
}

BOOST_AUTO_TEST_CASE(week_parse_and_days) {
  const Week week = Week::parse("2026-W48");
  BOOST_CHECK_EQUAL(week.year(), 2026);
  BOOST_CHECK_EQUAL(week.number(), 48);
  BOOST_CHECK_EQUAL(week.monday().str(), "2026-11-23");
  BOOST_CHECK_EQUAL(week.sunday().str(), "2026-11-29");
  BOOST_CHECK_EQUAL(week.str(), "2026-W48");
  BOOST_CHECK_EQUAL(Week::parse("2025-W01").monday().str(), "2024-12-30");
  BOOST_CHECK_EQUAL(Week::parse("2026-W53").monday().str(), "2026-12-28");
  BOOST_CHECK_EQUAL(Week::parse("2020-W53").sunday().str(), "2021-01-03");
  BOOST_CHECK_EQUAL(Week::parse("0001-W01").monday().str(), "0001-01-01");
  // The last week of 9999 ends in year 10000, outside the range of Date.
  BOOST_CHECK_EQUAL(Week::parse("9999-W52").monday().str(), "9999-12-27");
  BOOST_CHECK_EXCEPTION(Week::parse("9999-W52").sunday(), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(week_of_a_day_agrees_with_iso_week) {
  // Every day of 1999-2031 (long and short years, leap years) lands in the week whose
  // Monday-to-Sunday span holds it, and its name is the day's ISO week.
  for (Date day = date("1999-01-01"); day <= date("2031-12-31"); day = day.plus_days(1)) {
    const Week week = Week::of(day);
    BOOST_REQUIRE_EQUAL(week.str(), day.iso_week());
    BOOST_REQUIRE(week.monday() <= day && day <= week.sunday());
    BOOST_REQUIRE(Week::parse(week.str()) == week);
  }
}

BOOST_AUTO_TEST_CASE(week_parse_refuses_malformed_and_missing_weeks) {
  for (const char* text : {"0000-W01", "abcd-W01", "2026-W00", "2026-W54", "2026-W1", "2026W48",
                           "2026-w48", "2026-48", "", "2026-W4a", "+026-W01", "2026-W-1"}) {
    BOOST_CHECK_EXCEPTION(Week::parse(text), Error, is_bad_input);
  }
  BOOST_CHECK_EXCEPTION(Week::parse("2025-W53"), Error, [](const Error& e) {
    return e.kind() == ErrorKind::BadInput &&
           std::string(e.what()).find("no week 53 in 2025") != std::string::npos;
  });
  BOOST_CHECK(!Week::from_yw(2025, 53));
  BOOST_CHECK(Week::from_yw(2026, 53));
  BOOST_CHECK(!Week::from_yw(0, 1));
  BOOST_CHECK(!Week::from_yw(10000, 1));
}

BOOST_AUTO_TEST_SUITE_END()
