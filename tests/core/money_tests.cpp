#define BOOST_TEST_MODULE money_tests
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Money;
using gepaie::Rate;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Money cents(int64_t value) {
  return Money::from_cents(value);
}
Money percent_of(int64_t amount_cents, const char* percent) {
  return cents(amount_cents).times(Rate::parse_percent(percent));
}
bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}
bool is_failure(const Error& e) {
  return e.kind() == ErrorKind::Failure;
}

int64_t sum_cents(const std::vector<Money>& parts) {
  Money total;
  for (Money part : parts)
    total += part;
  return total.cents();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(money_tests)

BOOST_AUTO_TEST_CASE(parse_accepts_machine_and_french_forms) {
  BOOST_CHECK_EQUAL(Money::parse("1234.56").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("-0.56").cents(), -56);
  BOOST_CHECK_EQUAL(Money::parse("1234").cents(), 123400);
  BOOST_CHECK_EQUAL(Money::parse("1234.5").cents(), 123450);
  BOOST_CHECK_EQUAL(Money::parse("+3").cents(), 300);
  BOOST_CHECK_EQUAL(Money::parse("1234,56").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1 234,56 €").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1 234,56€").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1234.56 EUR").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1234.56EUR").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1\u00A0234,56\u00A0€").cents(), 123456);
  BOOST_CHECK_EQUAL(Money::parse("1\u202F234\u202F567,89\u00A0€").cents(), 123456789);
  BOOST_CHECK_EQUAL(Money::parse("-1 234,56 €").cents(), -123456);
  BOOST_CHECK_EQUAL(Money::parse("12 345 678,90").cents(), 1234567890);
  BOOST_CHECK_EQUAL(Money::parse("  42 ").cents(), 4200);
  BOOST_CHECK_EQUAL(Money::parse("0.00").cents(), 0);
  BOOST_CHECK_EQUAL(Money::parse("-0").cents(), 0);
  BOOST_CHECK_EQUAL(Money::parse("007.05").cents(), 705);
}

BOOST_AUTO_TEST_CASE(parse_refuses_malformed_amounts_as_bad_input) {
  for (const char* text :
       {"",     " ",        "abc",      "12.",  ".5",        "1..2",     "--1",    "1-",
        "1e3",  "€",        "EUR",      "1 23", "12 345 67", "1234 567", "1  234", " 1 234,5 6",
        "0x10", "1.234,56", "1,234.56", "- 5",  "12 €€",     "USD 12"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_CHECK_EXCEPTION(Money::parse(text), Error, is_bad_input);
      BOOST_CHECK(!Money::try_parse(text).has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(parse_refuses_more_than_two_decimals) {
  try {
    Money::parse("1.234");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_CHECK(e.kind() == ErrorKind::BadInput);
    BOOST_CHECK_NE(e.message().find("more than 2 decimals"), std::string::npos);
    BOOST_CHECK_NE(e.message().find("1.234"), std::string::npos);
  }
  BOOST_CHECK_EXCEPTION(Money::parse("0,001 €"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(parse_overflow_is_a_failure) {
  BOOST_CHECK_EQUAL(Money::parse("92233720368547758.07").cents(), kMax);
  BOOST_CHECK_EQUAL(Money::parse("-92233720368547758.08").cents(), kMin);
  BOOST_CHECK_EXCEPTION(Money::parse("92233720368547758.08"), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Money::parse("-92233720368547758.09"), Error, is_failure);
  BOOST_CHECK_EXCEPTION(Money::parse("99999999999999999999999999999999"), Error, is_failure);
  try {
    Money::parse("100000000000000000000");
  } catch (const Error& e) {
    BOOST_CHECK_EQUAL(e.message().rfind("amount overflow", 0), 0u);
  }
  BOOST_CHECK(!Money::try_parse("100000000000000000000").has_value());
}

BOOST_AUTO_TEST_CASE(try_parse_returns_the_value) {
  BOOST_REQUIRE(Money::try_parse("1,5").has_value());
  BOOST_CHECK_EQUAL(*Money::try_parse("1,5"), cents(150));
}

BOOST_AUTO_TEST_CASE(str_is_the_machine_format) {
  BOOST_CHECK_EQUAL(cents(0).str(), "0.00");
  BOOST_CHECK_EQUAL(cents(5).str(), "0.05");
  BOOST_CHECK_EQUAL(cents(-56).str(), "-0.56");
  BOOST_CHECK_EQUAL(cents(-100).str(), "-1.00");
  BOOST_CHECK_EQUAL(cents(123456).str(), "1234.56");
  BOOST_CHECK_EQUAL(cents(kMax).str(), "92233720368547758.07");
  BOOST_CHECK_EQUAL(cents(kMin).str(), "-92233720368547758.08");
  std::ostringstream out;
  out << cents(-123456);
  BOOST_CHECK_EQUAL(out.str(), "-1234.56");
}

BOOST_AUTO_TEST_CASE(french_uses_narrow_no_break_space_groups) {
  BOOST_CHECK_EQUAL(cents(123456).french(), "1\u202F234,56\u00A0€");
  BOOST_CHECK_EQUAL(cents(123456).french(),
                    "1\xE2\x80\xAF"
                    "234,56\xC2\xA0\xE2\x82\xAC");
  BOOST_CHECK_EQUAL(cents(-123456).french(), "-1\u202F234,56\u00A0€");
  BOOST_CHECK_EQUAL(cents(-56).french(), "-0,56\u00A0€");
  BOOST_CHECK_EQUAL(cents(0).french(), "0,00\u00A0€");
  BOOST_CHECK_EQUAL(cents(99999).french(), "999,99\u00A0€");
  BOOST_CHECK_EQUAL(cents(100000).french(), "1\u202F000,00\u00A0€");
  BOOST_CHECK_EQUAL(cents(123456789).french(), "1\u202F234\u202F567,89\u00A0€");
  for (int64_t value :
       {int64_t{0}, int64_t{-56}, int64_t{123456789}, int64_t{-100000}, kMax, kMin}) {
    BOOST_CHECK_EQUAL(Money::parse(cents(value).french()), cents(value));
    BOOST_CHECK_EQUAL(Money::parse(cents(value).str()), cents(value));
  }
}

BOOST_AUTO_TEST_CASE(arithmetic) {
  Money a = cents(1050);
  Money b = cents(-275);
  BOOST_CHECK_EQUAL(a + b, cents(775));
  BOOST_CHECK_EQUAL(a - b, cents(1325));
  BOOST_CHECK_EQUAL(-a, cents(-1050));
  BOOST_CHECK_EQUAL(a * 3, cents(3150));
  BOOST_CHECK_EQUAL(b * -2, cents(550));
  Money c = a;
  c += b;
  BOOST_CHECK_EQUAL(c, cents(775));
  c -= a;
  BOOST_CHECK_EQUAL(c, b);
  BOOST_CHECK(cents(0).is_zero());
  BOOST_CHECK(!a.is_zero());
  BOOST_CHECK(b.is_negative());
  BOOST_CHECK(!cents(0).is_negative());
  BOOST_CHECK(b < a);
  BOOST_CHECK(Money() == cents(0));
  static_assert(Money::from_cents(42).cents() == 42);
}

BOOST_AUTO_TEST_CASE(overflow_is_a_failure) {
  BOOST_CHECK_EXCEPTION(cents(kMax) + cents(1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMin) - cents(1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(-cents(kMin), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMax / 2 + 1) * 2, Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMin) * -1, Error, is_failure);
  Money m = cents(kMax);
  BOOST_CHECK_EXCEPTION(m += cents(1), Error, is_failure);
  BOOST_CHECK_EQUAL(m, cents(kMax));  // unchanged after the failed operation
  BOOST_CHECK_EXCEPTION(m -= cents(-1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMax).times(Rate::from_ppm(2'000'000)), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMax).mul_div(3, 2), Error, is_failure);
  try {
    (void)(cents(kMax) + cents(1));
  } catch (const Error& e) {
    BOOST_CHECK_EQUAL(e.message().rfind("amount overflow", 0), 0u);
  }
  // Intermediate products do not overflow.
  BOOST_CHECK_EQUAL(cents(kMax).mul_div(2, 2), cents(kMax));
  BOOST_CHECK_EQUAL(cents(kMax).times(Rate::from_ppm(1'000'000)), cents(kMax));
}

// The message of the Failure an operation throws, or "" when it does not throw.
template <typename Operation>
std::string overflow_message(Operation operation) {
  try {
    (void)operation();
  } catch (const Error& e) {
    BOOST_TEST(is_failure(e));
    return e.message();
  }
  return "";
}

BOOST_AUTO_TEST_CASE(overflow_names_the_operation) {
  const std::string sum = overflow_message([] { return cents(kMax) + cents(1); });
  BOOST_TEST(sum.rfind("amount overflow: 92233720368547758.07 + 0.01", 0) == 0u, sum);
  const std::string difference = overflow_message([] { return cents(kMin) - cents(1); });
  BOOST_TEST(difference.rfind("amount overflow: -92233720368547758.08 - 0.01", 0) == 0u,
             difference);
  const std::string product = overflow_message([] { return cents(kMax / 2 + 1) * 2; });
  BOOST_TEST(product.rfind("amount overflow: 46116860184273879.04 × 2", 0) == 0u, product);
  const std::string rate =
      overflow_message([] { return cents(kMax).times(Rate::parse_percent("100.0001")); });
  BOOST_TEST(rate.rfind("amount overflow: 92233720368547758.07 × 100.0001 %", 0) == 0u, rate);
  const std::string ratio = overflow_message([] { return cents(kMin).mul_div(-1, 1); });
  BOOST_TEST(ratio.rfind("amount overflow: -92233720368547758.08 × -1 / 1", 0) == 0u, ratio);
  BOOST_TEST(sum.find("largest amount") != std::string::npos, sum);
}

BOOST_AUTO_TEST_CASE(results_at_the_limits_are_exact) {
  // The largest and smallest amounts are reachable; one cent further is a Failure.
  BOOST_TEST(((cents(kMax - 1) + cents(1)) == cents(kMax)));
  BOOST_TEST(((cents(kMin + 1) - cents(1)) == cents(kMin)));
  BOOST_TEST((-cents(kMax) == cents(kMin + 1)));
  BOOST_TEST((cents(kMin / 2) * 2 == cents(kMin)));
  BOOST_CHECK_EXCEPTION(cents(kMin / 2) * 2 - cents(1), Error, is_failure);
  BOOST_TEST((cents(kMax) * 1 == cents(kMax)));
  BOOST_TEST((cents(-1) * kMax == cents(-kMax)));
  BOOST_TEST((cents(1) * kMin == cents(kMin)));
  BOOST_CHECK_EXCEPTION(cents(-1) * kMin, Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMax) * kMax, Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(kMin) * kMin, Error, is_failure);
  // × rate: 100 % keeps the amount, a ppm more does not fit; rounding back into range fits.
  BOOST_TEST((cents(kMin).times(Rate::from_ppm(1'000'000)) == cents(kMin)));
  BOOST_CHECK_EXCEPTION(cents(kMin).times(Rate::from_ppm(1'000'001)), Error, is_failure);
  BOOST_TEST((cents(kMax).times(Rate::from_ppm(-1'000'000)) == cents(-kMax)));
  // amount × ppm beyond int64 before the division: exact.
  BOOST_TEST((cents(kMax / 2).times(Rate::from_ppm(2'000'000)) == cents(kMax - 1)));
  BOOST_TEST((cents(1).times(Rate::from_ppm(kMax)) == cents(9'223'372'036'855)));
}

BOOST_AUTO_TEST_CASE(mul_div_is_exact_beyond_int64_intermediates) {
  // Intermediate products far beyond int64 are exact as long as the result fits.
  BOOST_TEST((cents(kMax).mul_div(kMax, kMax) == cents(kMax)));
  BOOST_TEST((cents(kMin).mul_div(kMax, kMax) == cents(kMin)));
  BOOST_TEST((cents(kMax).mul_div(kMin, kMax) == cents(kMin)));
  BOOST_CHECK_EXCEPTION(cents(kMax).mul_div(kMax, kMax - 1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(1).mul_div(1, 0), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(1).mul_div(1, -1), Error, is_failure);
  // Four factors: no int64 step for the products (the engine's hourly pay: base × minutes ×
  // (1 + majoration) / (monthly minutes × 10^6)).
  const int64_t minutes = 8'000'000'000'000;  // minutes × 1 250 000 > int64
  BOOST_TEST(cents(200000).mul_div(minutes, 1'250'000, 9100, 1'000'000).cents() ==
             219'780'219'780'220);  // 2e24 / 9.1e9 = 219 780 219 780 219.78
  BOOST_TEST((cents(200000).mul_div(600, 1'250'000, 9100, 1'000'000) ==
              cents(200000).mul_div(int64_t{600} * 1'250'000, int64_t{9100} * 1'000'000)));
  BOOST_TEST((cents(kMax).mul_div(kMax, 1, kMax, 1) == cents(kMax)));
  BOOST_TEST((cents(kMin).mul_div(kMin, -1, kMax, kMax).cents() == -1));  // -2^126/(2^63-1)^2
  BOOST_TEST((cents(-3).mul_div(1, 1, 2, 1) == cents(-2)));  // -1.5 -> -2, half away from zero
  BOOST_CHECK_EXCEPTION(cents(kMax).mul_div(2, 1, 1, 1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(1).mul_div(1, 1, 0, 1), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(1).mul_div(1, 1, 1, -1), Error, is_failure);
  // amount × num1 × num2 beyond 2^127: a Failure, not a wrapped amount.
  BOOST_CHECK_EXCEPTION(cents(kMax).mul_div(kMax, kMax, 1, 1), Error, is_failure);
  const std::string message =
      overflow_message([] { return cents(kMax).mul_div(kMax, 4, kMax, 1); });
  BOOST_TEST(message.rfind("amount overflow: 92233720368547758.07 × ", 0) == 0u, message);
}

BOOST_AUTO_TEST_CASE(times_rounds_half_away_from_zero) {
  BOOST_CHECK_EQUAL(percent_of(100, "0.5"), cents(1));    // 1.00 × 0.5 % = 0.005 -> 0.01
  BOOST_CHECK_EQUAL(percent_of(1, "50"), cents(1));       // 0.01 × 50 % = 0.005 -> 0.01
  BOOST_CHECK_EQUAL(percent_of(3, "50"), cents(2));       // 0.015 -> 0.02
  BOOST_CHECK_EQUAL(percent_of(-100, "0.5"), cents(-1));  // -0.005 -> -0.01
  BOOST_CHECK_EQUAL(percent_of(-3, "50"), cents(-2));     // -0.015 -> -0.02
  BOOST_CHECK_EQUAL(percent_of(100, "-0.5"), cents(-1));
  BOOST_CHECK_EQUAL(percent_of(1, "49.9999"), cents(0));  // 0.00499999 -> 0.00
  BOOST_CHECK_EQUAL(percent_of(-1, "49.9999"), cents(0));
  BOOST_CHECK_EQUAL(percent_of(250000, "6.90"), cents(17250));  // 2500.00 × 6.90 %
  BOOST_CHECK_EQUAL(percent_of(300000, "0.016"), cents(48));    // 3000.00 × 0.016 %
  BOOST_CHECK_EQUAL(percent_of(123456, "7.3"), cents(9012));    // 90.12288
  BOOST_CHECK_EQUAL(percent_of(180000, "100"), cents(180000));
  BOOST_CHECK_EQUAL(cents(180000).times(Rate::parse_decimal("1.75")), cents(315000));
  BOOST_CHECK_EQUAL(cents(0).times(Rate::parse_percent("12")), cents(0));
}

BOOST_AUTO_TEST_CASE(mul_div_rounds_and_checks_the_denominator) {
  BOOST_CHECK_EQUAL(cents(10000).mul_div(1, 3), cents(3333));
  BOOST_CHECK_EQUAL(cents(10000).mul_div(2, 3), cents(6667));
  BOOST_CHECK_EQUAL(cents(5).mul_div(1, 2), cents(3));
  BOOST_CHECK_EQUAL(cents(-5).mul_div(1, 2), cents(-3));
  BOOST_CHECK_EQUAL(cents(100).mul_div(-1, 2), cents(-50));
  BOOST_CHECK_EQUAL(cents(7).mul_div(0, 5), cents(0));
  BOOST_CHECK_EXCEPTION(cents(100).mul_div(1, 0), Error, is_failure);
  BOOST_CHECK_EXCEPTION(cents(100).mul_div(1, -2), Error, is_failure);
}

BOOST_AUTO_TEST_CASE(split_in_equal_shares) {
  std::vector<Money> parts = cents(10000).split({1, 1, 1});
  BOOST_REQUIRE_EQUAL(parts.size(), 3u);
  BOOST_CHECK_EQUAL(parts[0], cents(3334));
  BOOST_CHECK_EQUAL(parts[1], cents(3333));
  BOOST_CHECK_EQUAL(parts[2], cents(3333));
  BOOST_CHECK_EQUAL(sum_cents(parts), 10000);

  parts = cents(5).split({1, 1, 1});  // ties go to the lower index
  BOOST_CHECK_EQUAL(parts[0], cents(2));
  BOOST_CHECK_EQUAL(parts[1], cents(2));
  BOOST_CHECK_EQUAL(parts[2], cents(1));
}

BOOST_AUTO_TEST_CASE(split_with_unequal_weights) {
  std::vector<Money> parts = cents(10000).split({1, 2});
  BOOST_CHECK_EQUAL(parts[0], cents(3333));
  BOOST_CHECK_EQUAL(parts[1], cents(6667));

  parts = cents(1000).split({50, 30, 20});
  BOOST_CHECK_EQUAL(parts[0], cents(500));
  BOOST_CHECK_EQUAL(parts[1], cents(300));
  BOOST_CHECK_EQUAL(parts[2], cents(200));

  // 100.00 for 151.67 h, 35 h and 12.5 h (weights in minutes): exactly 76.1506.., 17.5732..,
  // 6.2761..: rounded down 99.99, the leftover cent goes to the largest remainder (the last).
  parts = cents(10000).split({9100, 2100, 750});
  BOOST_CHECK_EQUAL(parts[0], cents(7615));
  BOOST_CHECK_EQUAL(parts[1], cents(1757));
  BOOST_CHECK_EQUAL(parts[2], cents(628));
  BOOST_CHECK_EQUAL(sum_cents(parts), 10000);

  parts = cents(1).split({0, 1, 1});  // a zero weight never gets a cent
  BOOST_CHECK_EQUAL(parts[0], cents(0));
  BOOST_CHECK_EQUAL(parts[1], cents(1));
  BOOST_CHECK_EQUAL(parts[2], cents(0));

  parts = cents(12345).split({7});
  BOOST_REQUIRE_EQUAL(parts.size(), 1u);
  BOOST_CHECK_EQUAL(parts[0], cents(12345));
}

BOOST_AUTO_TEST_CASE(split_negative_amounts_symmetrically) {
  std::vector<Money> parts = cents(-10000).split({1, 1, 1});
  BOOST_CHECK_EQUAL(parts[0], cents(-3334));
  BOOST_CHECK_EQUAL(parts[1], cents(-3333));
  BOOST_CHECK_EQUAL(parts[2], cents(-3333));
  BOOST_CHECK_EQUAL(sum_cents(parts), -10000);

  parts = cents(kMin).split({1, 1});
  BOOST_CHECK_EQUAL(parts[0], cents(kMin / 2));
  BOOST_CHECK_EQUAL(parts[1], cents(kMin / 2));
}

BOOST_AUTO_TEST_CASE(split_refuses_bad_weights) {
  BOOST_CHECK_EXCEPTION(cents(100).split({}), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(cents(100).split({0, 0}), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(cents(100).split({2, -1}), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(split_properties_on_random_cases) {
  std::mt19937_64 random(20261126);
  std::uniform_int_distribution<int> share_count(1, 9);
  std::uniform_int_distribution<int64_t> small_weight(0, 1000);
  std::uniform_int_distribution<int64_t> any_weight(0, kMax / 16);
  std::uniform_int_distribution<int64_t> usual_amount(-100'000'000, 100'000'000);
  std::uniform_int_distribution<int64_t> any_amount(kMin + 1, kMax);
  for (int round = 0; round < 5000; ++round) {
    const int64_t amount = round % 5 == 0 ? any_amount(random) : usual_amount(random);
    std::vector<int64_t> weights(share_count(random));
    for (int64_t& weight : weights)
      weight = round % 7 == 0 ? any_weight(random) : small_weight(random);
    if (round % 3 == 0)
      weights[random() % weights.size()] = 0;
    weights.back() += 1;  // keeps the sum positive
    __int128 total_weight = 0;
    for (int64_t weight : weights)
      total_weight += weight;

    std::vector<Money> parts = cents(amount).split(weights);
    BOOST_REQUIRE_EQUAL(parts.size(), weights.size());
    __int128 total = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      total += parts[i].cents();
      // Each share is the exact proportion rounded down or up: |share × W − amount × w| < W.
      __int128 gap = static_cast<__int128>(parts[i].cents()) * total_weight -
                     static_cast<__int128>(amount) * weights[i];
      BOOST_REQUIRE(gap < total_weight && -gap < total_weight);
      if (weights[i] == 0)
        BOOST_REQUIRE(parts[i].is_zero());
    }
    BOOST_REQUIRE(total == amount);
    std::vector<Money> negated = cents(-amount).split(weights);
    for (size_t i = 0; i < parts.size(); ++i)
      BOOST_REQUIRE_EQUAL(negated[i], -parts[i]);
  }
}

BOOST_AUTO_TEST_SUITE_END()
