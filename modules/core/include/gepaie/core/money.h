#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gepaie/core/rate.h"

namespace gepaie {

// An amount of euros as an integer count of cents (never a double). Only the operations that
// make sense exist: money ± money, money × integer, money × rate with an explicit rounding rule.
// Every result beyond int64 cents throws Error(ErrorKind::Failure, "amount overflow: ...") naming
// the operation, instead of wrapping.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(int64_t cents) { return Money(cents); }

  // Accepts "1234.56", "-0.56", "1234", "1234.5", "+3", "1234,56", "1 234,56 €", "1 234,56€",
  // "1234.56 EUR". Digit groups may be separated by a space, U+00A0 or U+202F (groups of 3).
  // At most 2 decimals. Throws Error BadInput when malformed, Error Failure when too large.
  static Money parse(std::string_view text);
  static std::optional<Money> try_parse(std::string_view text);  // nullopt instead of throwing

  constexpr int64_t cents() const { return cents_; }
  // Machine format used in SQL DECIMAL and JSON: "1234.56", "-0.56", "0.00".
  std::string str() const;
  // French display: "1 234,56 €" with U+202F between digit groups and U+00A0 before "€".
  std::string french() const;

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money operator-() const;
  Money& operator+=(Money other);
  Money& operator-=(Money other);
  Money operator*(int64_t factor) const;

  // Money × rate, rounded half away from zero to the cent: 0.005 -> 0.01, -0.005 -> -0.01.
  Money times(Rate rate) const;
  // Money × num / den with the same rounding. den must be > 0, else Error Failure.
  Money mul_div(int64_t num, int64_t den) const;
  // Money × (num1 × num2) / (den1 × den2), the same rounding once, without an int64 step for
  // the products (e.g. base × seconds × (1 + majoration) / (monthly seconds × 10^6)). den1 and
  // den2 must be > 0, else Error Failure; Error Failure too when the exact result does not fit
  // (or, beyond any real figure, when amount × num1 × num2 exceeds 2^127).
  Money mul_div(int64_t num1, int64_t num2, int64_t den1, int64_t den2) const;
  // Shares proportional to `weights` that always add up exactly to *this: each share is rounded
  // down, then the leftover cents go one each to the largest remainders (ties: lower index first).
  // A negative amount splits as the negation of the split of its magnitude. Weights must be >= 0
  // with a positive sum, else Error BadInput (also for an empty vector).
  std::vector<Money> split(const std::vector<int64_t>& weights) const;

  bool is_zero() const { return cents_ == 0; }
  bool is_negative() const { return cents_ < 0; }

  auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

std::ostream& operator<<(std::ostream& out, Money money);  // str()

}  // namespace gepaie
