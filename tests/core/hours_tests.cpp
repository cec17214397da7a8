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

BOOST_AUTO_TEST_CASE(parse_decimal_hours_rounds_half_up_to_the_minute) {
  BOOST_CHECK_EQUAL(Hours::parse("35").minutes(), 2100);
  BOOST_CHECK_EQUAL(Hours::parse("151.67").minutes(), 9100);   // 9100.2 min
  BOOST_CHECK_EQUAL(Hours::parse("151.675").minutes(), 9101);  // 9100.5 min, half up
  BOOST_CHECK_EQUAL(Hours::parse("7.5").minutes(), 450);
  BOOST_CHECK_EQUAL(Hours::parse("7,5").minutes(), 450);
  BOOST_CHECK_EQUAL(Hours::parse("0.025").minutes(), 2);   // 1.5 min
  BOOST_CHECK_EQUAL(Hours::parse("0.0083").minutes(), 0);  // 0.498 min
  BOOST_CHECK_EQUAL(Hours::parse("0.008334").minutes(), 1);
  BOOST_CHECK_EQUAL(Hours::parse("0").minutes(), 0);
  BOOST_CHECK_EQUAL(Hours::parse(" 8 ").minutes(), 480);
}

BOOST_AUTO_TEST_CASE(parse_clock_forms) {
  BOOST_CHECK_EQUAL(Hours::parse("7:30").minutes(), 450);
  BOOST_CHECK_EQUAL(Hours::parse("7h30").minutes(), 450);
  BOOST_CHECK_EQUAL(Hours::parse("7H05").minutes(), 425);
  BOOST_CHECK_EQUAL(Hours::parse("7h").minutes(), 420);
  BOOST_CHECK_EQUAL(Hours::parse("151:40").minutes(), 9100);
  BOOST_CHECK_EQUAL(Hours::parse("0:00").minutes(), 0);
  BOOST_CHECK_EQUAL(Hours::parse("0h59").minutes(), 59);
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
  BOOST_CHECK_EQUAL(Hours::parse(minutes(9100).str()), minutes(9100));
  BOOST_CHECK_EQUAL(Hours::parse(minutes(9100).clock_str()), minutes(9100));
  std::ostringstream out;
  out << minutes(450);
  BOOST_CHECK_EQUAL(out.str(), "7:30");
}

BOOST_AUTO_TEST_CASE(monthly_from_weekly) {
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("35")).minutes(), 9100);   // 151.67 h
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("24")).minutes(), 6240);   // 104 h
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("39")).minutes(), 10140);  // 169 h
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("17h30")).minutes(), 4550);
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(minutes(61)).minutes(), 264);  // 264.33
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(minutes(2)).minutes(), 9);     // 8.67
  BOOST_CHECK_EQUAL(Hours::monthly_from_weekly(Hours::parse("35")).str(), "151.67");
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
  static_assert(Hours::from_minutes(5).minutes() == 5);
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  BOOST_CHECK_EXCEPTION(minutes(kMax) + minutes(1), Error, is_failure);
}

BOOST_AUTO_TEST_SUITE_END()
