// The payslip's French formats (payslip_writer.h): amounts, rates, hours and days as the tables
// print them.
#include <cstdint>
#include <string>

#include "payslip_writer.h"

namespace gepaie::print::detail {

std::string amount(Money money) {
  std::string text = money.french();
  const std::string euro = "\u00A0€";
  return text.substr(0, text.size() - euro.size());
}

std::string percent(Rate rate, size_t min_decimals) {
  const int64_t ppm = rate.ppm();
  const int64_t magnitude = ppm < 0 ? -ppm : ppm;  // 1 % = 10 000 ppm
  std::string decimals = std::to_string(magnitude % 10000);
  decimals.insert(0, 4 - decimals.size(), '0');
  while (decimals.size() > min_decimals && decimals.back() == '0') {
    decimals.pop_back();
  }
  // Appended piece by piece: `"literal" + std::string` trips g++ 12's false -Wrestrict at -O3.
  std::string text = ppm < 0 ? "-" : "";
  text += std::to_string(magnitude / 10000);
  if (!decimals.empty()) {
    text += ',';
    text += decimals;
  }
  return text + "\u00A0%";
}

std::string hundredths(int64_t value, bool whole) {
  const bool negative = value < 0;
  const int64_t magnitude = negative ? -value : value;
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / 100);
  if (!whole || magnitude % 100 != 0) {
    const int64_t cents = magnitude % 100;
    text += cents < 10 ? ",0" : ",";
    text += std::to_string(cents);
  }
  return text;
}

std::string hours_text(Hours hours, bool whole) {
  const int64_t seconds = hours.seconds();
  const int64_t half = Hours::kSecondsPerHour / 2;
  return hundredths((seconds * 100 + (seconds >= 0 ? half : -half)) / Hours::kSecondsPerHour,
                    whole);
}

std::string per_hour(Money money, Hours hours) {
  const int64_t seconds = hours.seconds();
  if (seconds == 0) {
    return {};
  }
  // euros per hour × 10 000 = cents × 100 × 3600 / seconds, rounded half away from zero.
  const __int128 scaled = static_cast<__int128>(money.cents()) * 100 * Hours::kSecondsPerHour;
  const __int128 magnitude = (scaled < 0 ? -scaled : scaled) + seconds / 2;
  const auto value = static_cast<int64_t>(magnitude / seconds);
  std::string decimals = std::to_string(value % 10000);
  decimals.insert(0, 4 - decimals.size(), '0');
  std::string text = scaled < 0 ? "-" : "";
  text += std::to_string(value / 10000);
  text += ',';
  return text + decimals;
}

}  // namespace gepaie::print::detail
