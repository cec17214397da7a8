#include "gepaie/core/rate.h"

#include <ostream>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie {
namespace {

// Parses a decimal with at most `decimals` decimals, scaled so that the result is in ppm.
Rate parse_scaled(std::string_view text, int decimals, const char* kind) {
  std::string_view value = detail::trim(text);
  auto decimal = detail::split_decimal(value);
  if (!decimal)
    throw bad_input(std::string("not a ") + kind + ": " + detail::quoted(text));
  if (static_cast<int>(decimal->fraction.size()) > decimals) {
    throw bad_input("more than " + std::to_string(decimals) + " decimals in a " + kind + ": " +
                    detail::quoted(text));
  }
  auto ppm = detail::scaled_value(*decimal, decimals);
  if (!ppm)
    throw failure("rate overflow: " + detail::quoted(text));
  return Rate::from_ppm(*ppm);
}

}  // namespace

// 1 % = 10'000 ppm, so a percentage with 4 decimals is an exact count of ppm.
Rate Rate::parse_percent(std::string_view text) {
  return parse_scaled(text, 4, "percentage");
}

Rate Rate::parse_decimal(std::string_view text) {
  return parse_scaled(text, 6, "decimal rate");
}

std::string Rate::percent_str() const {
  return detail::format_scaled(ppm_, 4, true);
}

std::string Rate::decimal_str() const {
  return detail::format_scaled(ppm_, 6, true);
}

Rate Rate::operator+(Rate other) const {
  return Rate(detail::checked_add(ppm_, other.ppm_, "rate"));
}

Rate Rate::operator-(Rate other) const {
  return Rate(detail::checked_sub(ppm_, other.ppm_, "rate"));
}

std::ostream& operator<<(std::ostream& out, Rate rate) {
  return out << rate.percent_str() << " %";
}

}  // namespace gepaie
