#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace gepaie {

// An exact decimal rate, counted in millionths of 1 (ppm): 6.90 % = 69'000 ppm,
// 0.016 % = 160 ppm, a coefficient of 1.75 = 1'750'000 ppm. Never a double.
class Rate {
 public:
  static constexpr int64_t kScale = 1'000'000;

  constexpr Rate() = default;
  static constexpr Rate from_ppm(int64_t ppm) { return Rate(ppm); }

  // "6.90" -> 69'000 ppm, "0.016" -> 160, "-1.5" -> -15'000. At most 4 decimals (1e-6 of 1).
  // Throws Error BadInput when malformed, Error Failure when too large.
  static Rate parse_percent(std::string_view text);
  // "1.75" -> 1'750'000 ppm, "0.9825" -> 982'500. At most 6 decimals. Errors as parse_percent.
  static Rate parse_decimal(std::string_view text);

  constexpr int64_t ppm() const { return ppm_; }
  // Shortest exact form: 69'000 -> "6.9", 160 -> "0.016", 1'000'000 -> "100".
  std::string percent_str() const;
  // Shortest exact form: 1'750'000 -> "1.75", 1'000'000 -> "1".
  std::string decimal_str() const;

  auto operator<=>(const Rate&) const = default;
  Rate operator+(Rate other) const;  // overflow -> Error Failure
  Rate operator-(Rate other) const;  // overflow -> Error Failure

 private:
  constexpr explicit Rate(int64_t ppm) : ppm_(ppm) {}
  int64_t ppm_ = 0;
};

std::ostream& operator<<(std::ostream& out, Rate rate);  // percent_str() followed by " %"

}  // namespace gepaie
