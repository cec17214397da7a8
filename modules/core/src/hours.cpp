#include "gepaie/core/hours.h"

#include <ostream>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie {
namespace {

constexpr const char* kHours = "hours";
constexpr int kMaxDecimals = 6;

[[noreturn]] void not_hours(std::string_view text, const std::string& why = {}) {
  throw bad_input("not a duration" + (why.empty() ? "" : " (" + why + ")") + ": " +
                  detail::quoted(text) + "; expected hours like 35, 151.67, 7:30 or 7h30");
}

int64_t whole_hours(std::string_view digits, std::string_view text) {
  auto value = detail::scaled_value({false, digits, {}}, 0);
  if (!value)
    throw failure("hours overflow: " + detail::quoted(text));
  return *value;
}

}  // namespace

Hours Hours::parse(std::string_view text) {
  std::string_view value = detail::trim(text);
  if (value.starts_with('-'))
    not_hours(text, "negative");

  // Clock forms: "7:30" (2-digit minutes), "7h30", "7h".
  if (size_t mark = value.find_first_of(":hH"); mark != std::string_view::npos) {
    std::string_view hours = value.substr(0, mark);
    std::string_view minutes = value.substr(mark + 1);
    bool seconds_optional = value[mark] != ':';
    if (!detail::is_digits(hours))
      not_hours(text);
    if (!(minutes.empty() && seconds_optional) &&
        !(minutes.size() == 2 && detail::is_digits(minutes))) {
      not_hours(text, "minutes need 2 digits");
    }
    int64_t extra = minutes.empty() ? 0 : (minutes[0] - '0') * 10 + (minutes[1] - '0');
    if (extra >= 60)
      not_hours(text, "minutes must be below 60");
    const int64_t total_minutes = detail::checked_add(
        detail::checked_mul(whole_hours(hours, text), 60, kHours), extra, kHours);
    return Hours(detail::checked_mul(total_minutes, kSecondsPerMinute, kHours));
  }

  // Decimal hours, rounded half up to the second: 151.67 h = 546 012 s exactly; 6 decimals
  // (0.000139 h = 0.5004 s -> 1 s) are the only case that rounds.
  auto decimal = detail::split_decimal(value);
  if (!decimal)
    not_hours(text);
  if (decimal->fraction.size() > kMaxDecimals)
    not_hours(text, "more than 6 decimals");
  auto millionths = detail::scaled_value(*decimal, kMaxDecimals);
  if (!millionths)
    throw failure("hours overflow: " + detail::quoted(text));
  __int128 seconds =
      detail::div_round_half_away(static_cast<__int128>(*millionths) * kSecondsPerHour, 1'000'000);
  return Hours(detail::checked_narrow(seconds, kHours));
}

std::string Hours::str() const {
  __int128 hundredths =
      detail::div_round_half_away(static_cast<__int128>(seconds_) * 100, kSecondsPerHour);
  return detail::format_scaled(detail::checked_narrow(hundredths, kHours), 2, false);
}

std::string Hours::clock_str() const {
  const uint64_t magnitude =
      seconds_ < 0 ? 0 - static_cast<uint64_t>(seconds_) : static_cast<uint64_t>(seconds_);
  const uint64_t minutes = magnitude / kSecondsPerMinute;
  const uint64_t seconds = magnitude % kSecondsPerMinute;
  // Appended piece by piece: `"literal" + std::string` trips g++ 12's false -Wrestrict at -O3.
  std::string text = seconds_ < 0 ? "-" : "";
  text += std::to_string(minutes / 60);
  text += minutes % 60 < 10 ? ":0" : ":";
  text += std::to_string(minutes % 60);
  if (seconds != 0) {
    text += seconds < 10 ? ":0" : ":";
    text += std::to_string(seconds);
  }
  return text;
}

int64_t Hours::minutes() const {
  if (seconds_ % kSecondsPerMinute != 0) {
    throw failure(clock_str() + " is not a whole number of minutes");
  }
  return seconds_ / kSecondsPerMinute;
}

void Hours::overflow(int64_t minutes) {
  throw failure("hours overflow: " + std::to_string(minutes) + " minutes");
}

Hours Hours::monthly_from_weekly(Hours weekly) {
  // "Mensualisation": 52 weeks a year spread over 12 months, e.g. 35 h × 52 / 12 = 151.67 h.
  return weekly.scaled(52, 12);
}

Hours Hours::scaled(int64_t num, int64_t den) const {
  if (den <= 0) {
    throw failure("hours scaled by a denominator " + std::to_string(den));
  }
  __int128 value = detail::div_round_half_away(static_cast<__int128>(seconds_) * num, den);
  return Hours(detail::checked_narrow(value, kHours));
}

Hours Hours::operator+(Hours other) const {
  return Hours(detail::checked_add(seconds_, other.seconds_, kHours));
}

Hours Hours::operator-(Hours other) const {
  return Hours(detail::checked_sub(seconds_, other.seconds_, kHours));
}

Hours& Hours::operator+=(Hours other) {
  return *this = *this + other;
}

Hours& Hours::operator-=(Hours other) {
  return *this = *this - other;
}

std::ostream& operator<<(std::ostream& out, Hours hours) {
  return out << hours.clock_str();
}

}  // namespace gepaie
