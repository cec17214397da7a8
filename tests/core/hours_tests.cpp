#define BOOST_TEST_MODULE hours_tests
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <sstream>

#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Hours;

namespace {

Hours minutes(int64_t value) {
  return Hours::from_minutes(value);
}
bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}
bool is_failure(const Error& e) {
  return e.kind() == ErrorKind::Failure;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hours_tests)

BOOST_AUTO_TEST_CASE(parse_decimal_hours_exactly) {
  // Hours are counted in seconds: hundredths of an hour (36 s) are exact.
  BOOST_CHECK_EQUAL(Hours::parse("35").seconds(), 126'000);
  BOOST_CHECK_EQUAL(Hours::parse("151.67").seconds(), 546'012);  // not rounded to 151:40
  BOOST_CHECK_EQUAL(Hours::parse("7.33").seconds(), 26'388);     // 7 h 19 min 48 s
  BOOST_CHECK_EQUAL(Hours::parse("7.5").seconds(), 27'000);
  BOOST_CHECK_EQUAL(Hours::parse("7,5").seconds(), 27'000);
  BOOST_CHECK_EQUAL(Hours::parse("0.025").seconds(), 90);
  BOOST_CHECK_EQUAL(Hours::parse("0").seconds(), 0);
  BOOST_CHECK_EQUAL(Hours::parse(" 8 ").seconds(), 28'800);
  // Millionths of an hour (3.6 ms) round half up to the second.
  BOOST_CHECK_EQUAL(Hours::parse("0.000138").seconds(), 0);          // 0.4968 s
  BOOST_CHECK_EQUAL(Hours::parse("0.000139").seconds(), 1);          // 0.5004 s
  BOOST_CHECK_EQUAL(Hours::parse("151.666667").seconds(), 546'000);  // 546 000.0012 s
}

BOOST_AUTO_TEST_CASE(hundredths_and_minutes_are_both_exact) {
  // 7.33 h and 7 h 20 are different durations, 12 s apart; neither is rounded to the other.
  const Hours hundredths = Hours::parse("7.33");
  const Hours clock = Hours::parse("7h20");
  BOOST_CHECK_EQUAL(clock.seconds(), 26'400);
  BOOST_CHECK_EQUAL(clock.minutes(), 440);
  BOOST_CHECK_EXCEPTION(hundredths.minutes(), Error, is_failure);  // 439.8 min
  BOOST_CHECK_EQUAL(hundredths.whole_minutes(), 439);
  BOOST_CHECK_EQUAL((clock - hundredths).seconds(), 12);
  BOOST_CHECK_EQUAL(hundredths.str(), "7.33");
  BOOST_CHECK_EQUAL(hundredths.clock_str(), "7:19:48");
  BOOST_CHECK_EQUAL(clock.clock_str(), "7:20");
  BOOST_CHECK_EQUAL(Hours::parse(hundredths.str()), hundredths);
  BOOST_CHECK_EQUAL(Hours::parse(hundredths.clock_str().substr(0, 4)), Hours::parse("7:19"));
  // Three days of 7.33 h make exactly 21.99 h (minutes would have made 22:00 = 22.00 h).
  BOOST_CHECK_EQUAL((hundredths + hundredths + hundredths).str(), "21.99");
  BOOST_CHECK_EQUAL(hundredths + hundredths + hundredths, Hours::parse("21.99"));
}

BOOST_AUTO_TEST_CASE(parse_clock_forms) {
  BOOST_CHECK_EQUAL(Hours::parse("7:30"), minutes(450));
  BOOST_CHECK_EQUAL(Hours::parse("7h30"), minutes(450));
  BOOST_CHECK_EQUAL(Hours::parse("7H05"), minutes(425));
  BOOST_CHECK_EQUAL(Hours::parse("7h"), minutes(420));
  BOOST_CHECK_EQUAL(Hours::parse("151:40"), minutes(9100));
  BOOST_CHECK_EQUAL(Hours::parse("0:00"), minutes(0));
  BOOST_CHECK_EQUAL(Hours::parse("0h59").seconds(), 59 * 60);
}

BOOST_AUTO_TEST_CASE(parse_errors) {
  for (const char* text :
       {"",    " ",   "-1",    "-7:30", "-0.5", "7:3", "7:", "7:60",      "7h5",    "7h60",
        "h30", ":30", "7h30m", "1.2.3", "abc",  "7.",  ".5", "7.1234567", "7 h 30", "1:2:3"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Hours::parse(text), Error, is_bad_input);
    }
  }
  BOOST_CHECK_EXCEPTION(Hours::parse("999999999999999999999"), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Hours::parse("999999999999999999h"), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(printing) {
  BOOST_CHECK_EQUAL(minutes(9100).str(), "151.67");
  BOOST_CHECK_EQUAL(minutes(450).str(), "7.50");
  BOOST_CHECK_EQUAL(minutes(0).str(), "0.00");
  BOOST_CHECK_EQUAL(minutes(1).str(), "0.02");  // 0.01666..
  BOOST_CHECK_EQUAL(minutes(3).str(), "0.05");  // 0.05 exactly
  BOOST_CHECK_EQUAL(minutes(-90).str(), "-1.50");
  BOOST_CHECK_EQUAL(minutes(450).clock_str(), "7:30");
  BOOST_CHECK_EQUAL(minutes(9100).clock_str(), "151:40");
  BOOST_CHECK_EQUAL(minutes(5).clock_str(), "0:05");
  BOOST_CHECK_EQUAL(minutes(-90).clock_str(), "-1:30");
  // str() shows hundredths: 151:40 prints 151.67, which reads back as 151.67 h (12 s more).
  BOOST_CHECK_EQUAL(Hours::parse(minutes(9100).str()).seconds(), 546'012);
  BOOST_CHECK_EQUAL(Hours::parse(minutes(9100).clock_str()), minutes(9100));
  std::ostringstream out;
  out << minutes(450);
  BOOST_CHECK_EQUAL(out.str(), "7:30");
}

BOOST_AUTO_TEST_CASE(monthly_from_weekly) {
  // weekly × 52 / 12, half up to the second.
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("35")), minutes(9100));   // 151:40
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("24")), minutes(6240));   // 104 h
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("39")), minutes(10140));  // 169 h
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("17h30")), minutes(4550));
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(minutes(61)).seconds(), 15'860);  // 15 860 exact
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::from_seconds(1)).seconds(), 4);  // 4.33
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::from_seconds(3)).seconds(), 13);
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("35")).str(), "151.67");
  BOOST_CHECK_EQUAL(Hours::parse("10").scaled(1, 3).seconds(), 12'000);
  BOOST_CHECK_EQUAL(Hours::from_seconds(5).scaled(1, 2).seconds(), 3);  // 2.5, half up
  BOOST_CHECK_EXCEPTION(Hours::parse("1").scaled(1, 0), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(arithmetic_and_order) {
  Hours day = Hours::parse("7h");
  Hours total = day + Hours::parse("0:30");
  BOOST_CHECK_EQUAL(total, minutes(450));
  BOOST_CHECK_EQUAL(total - day, minutes(30));
  total += day;
  BOOST_CHECK_EQUAL(total, minutes(870));
  total -= minutes(870);
  BOOST_CHECK_EQUAL(total, Hours());
  BOOST_CHECK(day < minutes(421));
  static_assert(Hours::from_minutes(5).seconds() == 300);
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  BOOST_CHECK_EXCEPTION(Hours::from_seconds(kMax) + minutes(1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(minutes(kMax / 60 + 1), Error, is_failure);
  BOOST_CHECK_EQUAL(minutes(kMax / 60).seconds(), kMax / 60 * 60);
}

BOOST_AUTO_TEST_SUITE_END()
