#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace gepaie {

// A duration as an integer number of seconds (working time, contract hours). Both notations
// people use are exact: hundredths of an hour as payroll writes them (7.33 h = 26 388 s) and
// hours and minutes as time clocks do (7 h 20 = 26 400 s).
class Hours {
 public:
  static constexpr int64_t kSecondsPerMinute = 60;
  static constexpr int64_t kSecondsPerHour = 3600;

  constexpr Hours() = default;
  static constexpr Hours from_seconds(int64_t seconds) { return Hours(seconds); }
  // Error Failure when the seconds do not fit.
  static constexpr Hours from_minutes(int64_t minutes) {
    int64_t seconds = 0;
    if (__builtin_mul_overflow(minutes, kSecondsPerMinute, &seconds)) {
      overflow(minutes);
    }
    return Hours(seconds);
  }

  // "35", "151.67" (decimal hours, at most 6 decimals, rounded half up to the second:
  // 151.67 h = 546 012 s exactly), "7.5", "7,5", "7:30", "7h30", "7h". Negative durations are
  // refused. Throws Error BadInput when malformed, Error Failure when too large.
  static Hours parse(std::string_view text);

  constexpr int64_t seconds() const { return seconds_; }
  // Whole minutes, rounded towards zero: for what counts in whole minutes (clock times of a
  // schedule, the staffing solver's grid).
  constexpr int64_t whole_minutes() const { return seconds_ / kSecondsPerMinute; }
  // Exact minutes: Error Failure when the duration is not a whole number of minutes.
  int64_t minutes() const;
  constexpr bool is_zero() const { return seconds_ == 0; }
  constexpr bool positive() const { return seconds_ > 0; }
  // Decimal hours with 2 decimals, rounded half up: 546 000 s -> "151.67", 27 000 s -> "7.50".
  std::string str() const;
  // Hours and minutes, with seconds when there are any: 27 000 s -> "7:30",
  // 546 000 s -> "151:40", 26 388 s (7.33 h) -> "7:19:48".
  std::string clock_str() const;

  // Monthly hours for a weekly schedule: weekly × 52 / 12, rounded half up to the second
  // (35 h a week -> 151.666… h = 546 000 s, the French "mensualisation", printed 151.67).
  static Hours monthly_from_weekly(Hours weekly);
  // This duration × num / den, rounded half up to the second (overflow -> Error Failure).
  Hours scaled(int64_t num, int64_t den) const;

  Hours operator+(Hours other) const;  // overflow -> Error Failure
  Hours operator-(Hours other) const;
  Hours& operator+=(Hours other);
  Hours& operator-=(Hours other);

  auto operator<=>(const Hours&) const = default;

 private:
  constexpr explicit Hours(int64_t seconds) : seconds_(seconds) {}
  [[noreturn]] static void overflow(int64_t minutes);
  int64_t seconds_ = 0;
};

std::ostream& operator<<(std::ostream& out, Hours hours);  // clock_str()

}  // namespace gepaie
