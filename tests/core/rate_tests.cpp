#define BOOST_TEST_MODULE rate_tests
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <sstream>

#include "gepaie/core/error.h"
#include "gepaie/core/rate.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Rate;

namespace {

bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}
bool is_failure(const Error& e) {
  return e.kind() == ErrorKind::Failure;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rate_tests)

BOOST_AUTO_TEST_CASE(parse_percent_is_exact) {
  BOOST_CHECK_EQUAL(Rate::parse_percent("0.016").ppm(), 160);
  BOOST_CHECK_EQUAL(Rate::parse_percent("6.90").ppm(), 69000);
  BOOST_CHECK_EQUAL(Rate::parse_percent("6,90").ppm(), 69000);
  BOOST_CHECK_EQUAL(Rate::parse_percent("-1.5").ppm(), -15000);
  BOOST_CHECK_EQUAL(Rate::parse_percent("+2").ppm(), 20000);
  BOOST_CHECK_EQUAL(Rate::parse_percent("100").ppm(), 1'000'000);
  BOOST_CHECK_EQUAL(Rate::parse_percent("0.0001").ppm(), 1);
  BOOST_CHECK_EQUAL(Rate::parse_percent("0").ppm(), 0);
  BOOST_CHECK_EQUAL(Rate::parse_percent(" 13.15 ").ppm(), 131500);
  BOOST_CHECK(Rate::parse_percent("0.016") == Rate::from_ppm(160));
}

BOOST_AUTO_TEST_CASE(parse_decimal_is_exact) {
  BOOST_CHECK_EQUAL(Rate::parse_decimal("1.75").ppm(), 1'750'000);
  BOOST_CHECK_EQUAL(Rate::parse_decimal("0.9825").ppm(), 982'500);
  BOOST_CHECK_EQUAL(Rate::parse_decimal("0.000001").ppm(), 1);
  BOOST_CHECK_EQUAL(Rate::parse_decimal("1").ppm(), 1'000'000);
  BOOST_CHECK_EQUAL(Rate::parse_decimal("-0.5").ppm(), -500'000);
}

BOOST_AUTO_TEST_CASE(parse_errors) {
  for (const char* text : {"", " ", "abc", "1.2.3", ".5", "5.", "6.90%", "%", "1e-3", "--1",
                           "1 000", "0.00001", "12.34567"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Rate::parse_percent(text), Error, is_bad_input);
    }
  }
  for (const char* text : {"", "x", "1.0000001", "1,2,3"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Rate::parse_decimal(text), Error, is_bad_input);
    }
  }
  try {
    Rate::parse_percent("0.00001");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_CHECK_NE(e.message().find("more than 4 decimals"), std::string::npos);
  }
  BOOST_CHECK_EXCEPTION(Rate::parse_percent("99999999999999999999"), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Rate::parse_decimal("9999999999999"), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(printing_is_shortest_exact) {
  BOOST_CHECK_EQUAL(Rate::from_ppm(69000).percent_str(), "6.9");
  BOOST_CHECK_EQUAL(Rate::from_ppm(160).percent_str(), "0.016");
  BOOST_CHECK_EQUAL(Rate::from_ppm(1'000'000).percent_str(), "100");
  BOOST_CHECK_EQUAL(Rate::from_ppm(0).percent_str(), "0");
  BOOST_CHECK_EQUAL(Rate::from_ppm(1).percent_str(), "0.0001");
  BOOST_CHECK_EQUAL(Rate::from_ppm(-15000).percent_str(), "-1.5");
  BOOST_CHECK_EQUAL(Rate::from_ppm(1'750'000).decimal_str(), "1.75");
  BOOST_CHECK_EQUAL(Rate::from_ppm(1'000'000).decimal_str(), "1");
  BOOST_CHECK_EQUAL(Rate::from_ppm(1).decimal_str(), "0.000001");
  BOOST_CHECK_EQUAL(Rate::from_ppm(-500'000).decimal_str(), "-0.5");
  for (const char* text : {"6.9", "0.016", "100", "-1.5", "0.0001", "13.15"}) {
    BOOST_CHECK_EQUAL(Rate::parse_percent(text).percent_str(), text);
  }
  std::ostringstream out;
  out << Rate::from_ppm(160);
  BOOST_CHECK_EQUAL(out.str(), "0.016 %");
}

BOOST_AUTO_TEST_CASE(arithmetic_and_order) {
  constexpr Rate employee = Rate::from_ppm(69000);
  static_assert(employee.ppm() == 69000);
  static_assert(Rate().ppm() == 0);
  Rate total = employee + Rate::parse_percent("0.4");
  BOOST_CHECK_EQUAL(total.ppm(), 73000);
  BOOST_CHECK_EQUAL((total - employee).ppm(), 4000);
  BOOST_CHECK(employee < total);
  BOOST_CHECK(Rate::from_ppm(-1) < Rate());
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  BOOST_CHECK_EXCEPTION(Rate::from_ppm(kMax) + Rate::from_ppm(1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Rate::from_ppm(-kMax) - Rate::from_ppm(2), Error, is_failure);
}

BOOST_AUTO_TEST_SUITE_END()
