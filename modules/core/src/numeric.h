#pragma once

// Internal helpers shared by the core value types: checked int64 arithmetic, rounding, and
// decimal text parsing/printing. Not part of the public interface.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gepaie::detail {

// int64 arithmetic that throws Error(ErrorKind::Failure, "<what> overflow") instead of wrapping.
int64_t checked_add(int64_t a, int64_t b, const char* what);
int64_t checked_sub(int64_t a, int64_t b, const char* what);
int64_t checked_mul(int64_t a, int64_t b, const char* what);
int64_t checked_narrow(__int128 value, const char* what);

// num / den rounded half away from zero (den > 0): 5/10 -> 1, -5/10 -> -1, 4/10 -> 0.
__int128 div_round_half_away(__int128 num, __int128 den);

// Whitespace around a value: ASCII blanks, U+00A0 and U+202F.
std::string_view trim(std::string_view text);
bool is_digits(std::string_view text);      // non-empty, ASCII digits only
std::string quoted(std::string_view text);  // 'text', for error messages

// "[+-]digits[(.|,)digits]" split into its parts.
struct DecimalText {
  bool negative = false;
  std::string_view whole;
  std::string_view fraction;
};
std::optional<DecimalText> split_decimal(std::string_view text);

// The decimal scaled by 10^scale as an integer (fraction.size() <= scale), with its sign;
// nullopt when it does not fit in int64.
std::optional<int64_t> scaled_value(const DecimalText& decimal, int scale);

// `value` / 10^decimals written in decimal: (-56, 2) -> "-0.56". With trim_zeros, trailing
// zeros of the fraction are dropped, and the point too when nothing is left: (69000, 4) -> "6.9".
std::string format_scaled(int64_t value, int decimals, bool trim_zeros);

}  // namespace gepaie::detail
