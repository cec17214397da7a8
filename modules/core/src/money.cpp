#include "gepaie/core/money.h"

#include <algorithm>
#include <numeric>
#include <ostream>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie {
namespace {

constexpr const char* kAmount = "amount";

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
  return Money(detail::checked_add(cents_, other.cents_, kAmount));
}

Money Money::operator-(Money other) const {
  return Money(detail::checked_sub(cents_, other.cents_, kAmount));
}

Money Money::operator-() const {
  return Money(detail::checked_sub(0, cents_, kAmount));
}

Money& Money::operator+=(Money other) {
  return *this = *this + other;
}

Money& Money::operator-=(Money other) {
  return *this = *this - other;
}

Money Money::operator*(int64_t factor) const {
  return Money(detail::checked_mul(cents_, factor, kAmount));
}

Money Money::times(Rate rate) const {
  return mul_div(rate.ppm(), Rate::kScale);
}

Money Money::mul_div(int64_t num, int64_t den) const {
  if (den <= 0)
    throw failure("mul_div: denominator must be positive");
  __int128 product = static_cast<__int128>(cents_) * num;
  return Money(detail::checked_narrow(detail::div_round_half_away(product, den), kAmount));
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
