#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace gepaie {

// A duration as an integer number of minutes (working time, contract hours).
class Hours {
 public:
  constexpr Hours() = default;
  static constexpr Hours from_minutes(int64_t minutes) { return Hours(minutes); }

  // "35", "151.67" (decimal hours, at most 6 decimals, rounded half up to the minute:
  // 151.67 -> 9100 min), "7.5", "7,5", "7:30", "7h30", "7h". Negative durations are refused.
  // Throws Error BadInput when malformed, Error Failure when too large.
  static Hours parse(std::string_view text);

  constexpr int64_t minutes() const { return minutes_; }
  // Decimal hours with 2 decimals, rounded half up: 9100 -> "151.67", 450 -> "7.50".
  std::string str() const;
  // Hours and minutes: 450 -> "7:30", 9100 -> "151:40".
  std::string clock_str() const;

  // Monthly hours for a weekly schedule: weekly × 52 / 12, rounded half up to the minute
  // (35 h a week -> 151.67 h = 9100 min, the French "mensualisation").
  static Hours monthly_from_weekly(Hours weekly);

  Hours operator+(Hours other) const;  // overflow -> Error Failure
  Hours operator-(Hours other) const;
  Hours& operator+=(Hours other);
  Hours& operator-=(Hours other);

  auto operator<=>(const Hours&) const = default;

 private:
  constexpr explicit Hours(int64_t minutes) : minutes_(minutes) {}
  int64_t minutes_ = 0;
};

std::ostream& operator<<(std::ostream& out, Hours hours);  // clock_str()

}  // namespace gepaie
