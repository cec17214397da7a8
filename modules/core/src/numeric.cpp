#include "numeric.h"

#include "gepaie/core/error.h"

namespace gepaie::detail {
namespace {

[[noreturn]] void overflow(const char* what) {
  throw Error(ErrorKind::Failure, std::string(what) + " overflow");
}

}  // namespace

int64_t checked_add(int64_t a, int64_t b, const char* what) {
  int64_t result = 0;
  if (__builtin_add_overflow(a, b, &result))
    overflow(what);
  return result;
}

int64_t checked_sub(int64_t a, int64_t b, const char* what) {
  int64_t result = 0;
  if (__builtin_sub_overflow(a, b, &result))
    overflow(what);
  return result;
}

int64_t checked_mul(int64_t a, int64_t b, const char* what) {
  int64_t result = 0;
  if (__builtin_mul_overflow(a, b, &result))
    overflow(what);
  return result;
}

int64_t checked_narrow(__int128 value, const char* what) {
  if (value < INT64_MIN || value > INT64_MAX)
    overflow(what);
  return static_cast<int64_t>(value);
}

__int128 div_round_half_away(__int128 num, __int128 den) {
  __int128 quotient = num / den;  // truncates toward zero
  __int128 remainder = num % den;
  if (remainder < 0)
    remainder = -remainder;
  if (2 * remainder >= den)
    quotient += num < 0 ? -1 : 1;
  return quotient;
}

std::string_view trim(std::string_view text) {
  auto blank_at_front = [&]() -> size_t {
    if (text.empty())
      return 0;
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')
      return 1;
    if (text.starts_with("\u00A0"))
      return 2;
    if (text.starts_with("\u202F"))
      return 3;
    return 0;
  };
  auto blank_at_back = [&]() -> size_t {
    if (text.empty())
      return 0;
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')
      return 1;
    if (text.ends_with("\u00A0"))
      return 2;
    if (text.ends_with("\u202F"))
      return 3;
    return 0;
  };
  while (size_t n = blank_at_front())
    text.remove_prefix(n);
  while (size_t n = blank_at_back())
    text.remove_suffix(n);
  return text;
}

bool is_digits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

std::string quoted(std::string_view text) {
  std::string result;
  result.reserve(text.size() + 2);
  result += '\'';
  result += text;
  result += '\'';
  return result;
}

std::optional<DecimalText> split_decimal(std::string_view text) {
  DecimalText decimal;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    decimal.negative = text.front() == '-';
    text.remove_prefix(1);
  }
  size_t point = text.find_first_of(".,");
  decimal.whole = text.substr(0, point);
  if (point != std::string_view::npos) {
    decimal.fraction = text.substr(point + 1);
    if (!is_digits(decimal.fraction))
      return std::nullopt;  // also refuses "12."
  }
  if (!is_digits(decimal.whole))
    return std::nullopt;  // also refuses ".5"
  return decimal;
}

std::optional<int64_t> scaled_value(const DecimalText& decimal, int scale) {
  constexpr __int128 kLimit = static_cast<__int128>(1) << 64;
  __int128 value = 0;
  auto push_digit = [&](char digit) {
    value = value * 10 + (digit - '0');
    return value < kLimit;
  };
  for (char c : decimal.whole) {
    if (!push_digit(c))
      return std::nullopt;
  }
  for (int i = 0; i < scale; ++i) {
    char digit = i < static_cast<int>(decimal.fraction.size()) ? decimal.fraction[i] : '0';
    if (!push_digit(digit))
      return std::nullopt;
  }
  if (decimal.negative)
    value = -value;
  if (value < INT64_MIN || value > INT64_MAX)
    return std::nullopt;
  return static_cast<int64_t>(value);
}

std::string format_scaled(int64_t value, int decimals, bool trim_zeros) {
  // The magnitude as unsigned, so that INT64_MIN prints correctly.
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  uint64_t divisor = 1;
  for (int i = 0; i < decimals; ++i)
    divisor *= 10;
  std::string fraction;
  if (decimals > 0) {
    fraction = std::to_string(magnitude % divisor);
    fraction.insert(0, decimals - fraction.size(), '0');
  }
  if (trim_zeros) {
    while (!fraction.empty() && fraction.back() == '0')
      fraction.pop_back();
  }
  std::string result = value < 0 ? "-" : "";
  result += std::to_string(magnitude / divisor);
  if (!fraction.empty())
    result += "." + fraction;
  return result;
}

}  // namespace gepaie::detail
