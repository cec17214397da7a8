#include "gepaie/core/money.h"

#include <algorithm>
#include <numeric>
#include <ostream>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie {
namespace {

constexpr const char* kAmount = "amount";

// Names the operation whose exact result is not an int64 count of cents.
[[noreturn]] void overflow(const std::string& operation) {
  throw failure("amount overflow: " + operation +
                " is beyond the largest amount (92 233 720 368 547 758,07 €)");
}

std::string signed_text(__int128 value) {
  if (value == 0) {
    return "0";
  }
  const bool negative = value < 0;
  unsigned __int128 magnitude =
      negative ? 0 - static_cast<unsigned __int128>(value) : static_cast<unsigned __int128>(value);
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return negative ? "-" + digits : digits;
}

// The exact quotient rounded half away from zero, or the overflow of `operation`.
int64_t rounded_quotient(__int128 num, __int128 den, const std::string& operation) {
  const __int128 quotient = detail::div_round_half_away(num, den);
  if (quotient < INT64_MIN || quotient > INT64_MAX) {
    overflow(operation);
  }
  return static_cast<int64_t>(quotient);
}

// Length of the digit group separator at the start of `text` (space, U+00A0, U+202F), or 0.
size_t separator_length(std::string_view text) {
  if (text.starts_with(' '))
    return 1;
  if (text.starts_with("\u00A0"))
    return 2;
  if (text.starts_with("\u202F"))
    return 3;
  return 0;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size())
    return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(),
                    [](char a, char b) { return a == (b >= 'a' && b <= 'z' ? b - 32 : b); });
}

// Removes the currency and the digit group separators: "-1 234,56 €" -> "-1234,56".
// Returns an error message when the digit groups are malformed.
std::optional<std::string> strip_decorations(std::string_view text, std::string& plain) {
  text = detail::trim(text);
  if (text.ends_with("€")) {
    text.remove_suffix(std::string_view("€").size());
  } else if (ends_with_ignoring_case(text, "EUR")) {
    text.remove_suffix(3);
  }
  text = detail::trim(text);
  size_t group_length = 0;  // digits since the last separator
  int groups = 0;           // separators seen so far
  bool in_fraction = false;
  while (!text.empty()) {
    if (size_t n = separator_length(text); n > 0 && !in_fraction) {
      if (group_length == 0 || group_length > 3 || (groups > 0 && group_length != 3)) {
        return "misplaced digit group separator";
      }
      ++groups;
      group_length = 0;
      text.remove_prefix(n);
      continue;
    }
    char c = text.front();
    if (c >= '0' && c <= '9') {
      ++group_length;
    } else if (c == '.' || c == ',') {
      if (groups > 0 && group_length != 3)
        return "misplaced digit group separator";
      in_fraction = true;
    }
    plain += c;
    text.remove_prefix(1);
  }
  if (!in_fraction && groups > 0 && group_length != 3)
    return "misplaced digit group separator";
  return std::nullopt;
}

}  // namespace

Money Money::parse(std::string_view text) {
  std::string plain;
  if (auto problem = strip_decorations(text, plain)) {
    throw bad_input("not an amount (" + *problem + "): " + detail::quoted(text));
  }
  auto decimal = detail::split_decimal(plain);
  if (!decimal)
    throw bad_input("not an amount: " + detail::quoted(text));
  if (decimal->fraction.size() > 2) {
    throw bad_input("not an amount (more than 2 decimals): " + detail::quoted(text));
  }
  auto cents = detail::scaled_value(*decimal, 2);
  if (!cents)
    throw failure("amount overflow: " + detail::quoted(text));
  return Money(*cents);
}

std::optional<Money> Money::try_parse(std::string_view text) {
  try {
    return parse(text);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string Money::str() const {
  return detail::format_scaled(cents_, 2, false);
}

std::string Money::french() const {
  std::string machine = str();  // "-1234.56"
  bool negative = machine.front() == '-';
  std::string_view digits(machine);
  if (negative)
    digits.remove_prefix(1);
  std::string_view whole = digits.substr(0, digits.size() - 3);
  std::string result = negative ? "-" : "";
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      result += "\u202F";  // narrow no-break space
    result += whole[i];
  }
  result += ",";
  result += digits.substr(digits.size() - 2);
  result += "\u00A0€";  // no-break space
  return result;
}

Money Money::operator+(Money other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(cents_, other.cents_, &sum)) {
    overflow(str() + " + " + other.str());
  }
  return Money(sum);
}

Money Money::operator-(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(cents_, other.cents_, &difference)) {
    overflow(str() + " - " + other.str());
  }
  return Money(difference);
}

Money Money::operator-() const {
  int64_t negated = 0;
  if (__builtin_sub_overflow(int64_t{0}, cents_, &negated)) {
    overflow("-(" + str() + ")");
  }
  return Money(negated);
}

Money& Money::operator+=(Money other) {
  return *this = *this + other;
}

Money& Money::operator-=(Money other) {
  return *this = *this - other;
}

Money Money::operator*(int64_t factor) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(cents_, factor, &product)) {
    overflow(str() + " × " + std::to_string(factor));
  }
  return Money(product);
}

Money Money::times(Rate rate) const {
  // |cents × ppm| < 2^126: exact in __int128.
  return Money(rounded_quotient(static_cast<__int128>(cents_) * rate.ppm(), Rate::kScale,
                                str() + " × " + rate.percent_str() + " %"));
}

Money Money::mul_div(int64_t num, int64_t den) const {
  if (den <= 0)
    throw failure("mul_div: denominator must be positive");
  // |cents × num| < 2^126: exact in __int128.
  return Money(rounded_quotient(static_cast<__int128>(cents_) * num, den,
                                str() + " × " + std::to_string(num) + " / " + std::to_string(den)));
}

Money Money::mul_div(int64_t num1, int64_t num2, int64_t den1, int64_t den2) const {
  if (den1 <= 0 || den2 <= 0)
    throw failure("mul_div: denominators must be positive");
  auto operation = [&] {
    return str() + " × " + std::to_string(num1) + " × " + std::to_string(num2) + " / (" +
           std::to_string(den1) + " × " + std::to_string(den2) + ")";
  };
  // Both products of two int64 fit in __int128 (< 2^126); the amount times the first may not.
  const __int128 num = static_cast<__int128>(num1) * num2;
  const __int128 den = static_cast<__int128>(den1) * den2;
  __int128 product = 0;
  if (__builtin_mul_overflow(static_cast<__int128>(cents_), num, &product)) {
    overflow(operation() + " (" + signed_text(num) + " as one factor)");
  }
  return Money(rounded_quotient(product, den, operation()));
}

std::vector<Money> Money::split(const std::vector<int64_t>& weights) const {
  if (weights.empty())
    throw bad_input("cannot split an amount into no shares");
  __int128 total_weight = 0;
  for (int64_t weight : weights) {
    if (weight < 0)
      throw bad_input("split weights must not be negative");
    total_weight += weight;
  }
  if (total_weight == 0)
    throw bad_input("split weights must not all be zero");

  // Largest remainder method on the magnitude, so that split(-x) == -split(x).
  const __int128 magnitude = cents_ < 0 ? -static_cast<__int128>(cents_) : cents_;
  std::vector<__int128> shares(weights.size());
  std::vector<__int128> remainders(weights.size());
  __int128 leftover = magnitude;
  for (size_t i = 0; i < weights.size(); ++i) {
    __int128 product = magnitude * weights[i];  // < 2^126, no overflow
    shares[i] = product / total_weight;
    remainders[i] = product % total_weight;
    leftover -= shares[i];
  }
  // leftover < number of shares; the remainders sum to leftover × total_weight, so only shares
  // with a non-zero remainder (hence a non-zero weight) receive a cent.
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t i = 0; i < static_cast<size_t>(leftover); ++i)
    shares[order[i]] += 1;

  std::vector<Money> result;
  result.reserve(shares.size());
  for (__int128 share : shares) {
    result.push_back(Money(detail::checked_narrow(cents_ < 0 ? -share : share, kAmount)));
  }
  return result;
}

std::ostream& operator<<(std::ostream& out, Money money) {
  return out << money.str();
}

}  // namespace gepaie
