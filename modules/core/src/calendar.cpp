#include "gepaie/core/calendar.h"

#include <array>
#include <cstdio>
#include <ostream>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

struct Civil {
  int64_t year;
  int month;
  int day;
};

// Howard Hinnant's days_from_civil / civil_from_days ("chrono-Compatible Low-Level Date
// Algorithms"): eras of 400 years (146'097 days) starting on March 1st, so that the leap day
// is the last day of the shifted year.
constexpr int64_t days_from_civil(int64_t year, int month, int day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;  // [0, 399]
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

constexpr Civil civil_from_days(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;  // [0, 11], 0 = March
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return {year_of_era + era * 400 + (month <= 2), month, day};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);

constexpr bool is_leap(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int days_in_month(int64_t year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

const int64_t kFirstDay = days_from_civil(kMinYear, 1, 1);
const int64_t kLastDay = days_from_civil(kMaxYear, 12, 31);

// Reads exactly `count` digits at `pos`; -1 if any is not a digit.
int read_number(std::string_view text, size_t pos, size_t count) {
  std::string_view digits = text.substr(pos, count);
  if (digits.size() != count || !detail::is_digits(digits))
    return -1;
  int value = 0;
  for (char c : digits)
    value = value * 10 + (c - '0');
  return value;
}

// Zero-padded to `width` digits (value >= 0). Written into a buffer rather than by string
// concatenation, which g++ 12 at -O3 flags with a false -Wrestrict (GCC bug 105329).
std::string padded(int value, int width) {
  char text[16];
  const int length = std::snprintf(text, sizeof(text), "%0*d", width, value);
  return std::string(text, static_cast<size_t>(length));
}

std::string two_digits(int value) {
  return padded(value, 2);
}

std::string four_digits(int value) {
  return padded(value, 4);
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date(days_from_civil(year, month, day));
}

Date Date::parse(std::string_view text) {
  std::optional<Date> date;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    date = from_ymd(read_number(text, 0, 4), read_number(text, 5, 2), read_number(text, 8, 2));
  }
  if (!date)
    throw bad_input("not a date (YYYY-MM-DD): " + detail::quoted(text));
  return *date;
}

Date Date::from_days(int64_t days_since_1970_01_01) {
  if (days_since_1970_01_01 < kFirstDay || days_since_1970_01_01 > kLastDay) {
    throw failure("date out of range (years 1 to 9999): day " +
                  std::to_string(days_since_1970_01_01) + " from 1970-01-01");
  }
  return Date(days_since_1970_01_01);
}

int Date::year() const {
  return static_cast<int>(civil_from_days(days_).year);
}

int Date::month() const {
  return civil_from_days(days_).month;
}

int Date::day() const {
  return civil_from_days(days_).day;
}

Date Date::plus_days(int64_t count) const {
  return from_days(detail::checked_add(days_, count, "date"));
}

int Date::weekday() const {
  // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
  return static_cast<int>((days_ % 7 + 7 + 3) % 7) + 1;
}

std::string Date::iso_week() const {
  // ISO 8601: weeks start on Monday and week 1 holds the year's first Thursday, so a week
  // belongs to the year of its Thursday.
  const int64_t thursday = days_ - (weekday() - 1) + 3;
  const int64_t iso_year = civil_from_days(thursday).year;
  const int64_t week = (thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1;
  return four_digits(static_cast<int>(iso_year)) + "-W" + two_digits(static_cast<int>(week));
}

Month Date::month_of() const {
  Civil civil = civil_from_days(days_);
  return *Month::from_ym(static_cast<int>(civil.year), civil.month);
}

std::string Date::str() const {
  Civil civil = civil_from_days(days_);
  return four_digits(static_cast<int>(civil.year)) + "-" + two_digits(civil.month) + "-" +
         two_digits(civil.day);
}

std::string Date::french() const {
  Civil civil = civil_from_days(days_);
  return two_digits(civil.day) + "/" + two_digits(civil.month) + "/" +
         four_digits(static_cast<int>(civil.year));
}

std::optional<Month> Month::from_ym(int year, int month) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12)
    return std::nullopt;
  return Month(year, month);
}

Month Month::parse(std::string_view text) {
  std::optional<Month> month;
  if (text.size() == 7 && text[4] == '-') {
    month = from_ym(read_number(text, 0, 4), read_number(text, 5, 2));
  }
  if (!month)
    throw bad_input("not a month (YYYY-MM): " + detail::quoted(text));
  return *month;
}

Date Month::first_day() const {
  return Date::from_days(days_from_civil(year_, month_, 1));
}

Date Month::last_day() const {
  return Date::from_days(days_from_civil(year_, month_, days()));
}

int Month::days() const {
  return days_in_month(year_, month_);
}

Month Month::next() const {
  auto month = month_ == 12 ? from_ym(year_ + 1, 1) : from_ym(year_, month_ + 1);
  if (!month)
    throw failure("month out of range (years 1 to 9999)");
  return *month;
}

Month Month::prev() const {
  auto month = month_ == 1 ? from_ym(year_ - 1, 12) : from_ym(year_, month_ - 1);
  if (!month)
    throw failure("month out of range (years 1 to 9999)");
  return *month;
}

bool Month::contains(Date date) const {
  return first_day() <= date && date <= last_day();
}

std::string Month::str() const {
  return four_digits(year_) + "-" + two_digits(month_);
}

std::string Month::french() const {
  static constexpr std::array<const char*, 12> kNames = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  return std::string(kNames[month_ - 1]) + " " + std::to_string(year_);
}

namespace {

// Monday of ISO week 1: the week holding January 4th.
int64_t first_monday(int64_t iso_year) {
  const int64_t jan4 = days_from_civil(iso_year, 1, 4);
  const int weekday = static_cast<int>((jan4 % 7 + 7 + 3) % 7) + 1;
  return jan4 - (weekday - 1);
}

}  // namespace

std::optional<Week> Week::from_yw(int year, int week) {
  if (year < kMinYear || year > kMaxYear || week < 1 || week > 53) {
    return std::nullopt;
  }
  // A year has 53 weeks when the Monday of week 53 still comes before next year's week 1.
  if (week == 53 && first_monday(year) + 7 * 52 >= first_monday(int64_t{year} + 1)) {
    return std::nullopt;
  }
  return Week(year, week);
}

Week Week::parse(std::string_view text) {
  if (text.size() == 8 && text[4] == '-' && text[5] == 'W') {
    const int year = read_number(text, 0, 4);
    const int number = read_number(text, 6, 2);
    if (auto week = from_yw(year, number)) {
      return *week;
    }
    if (number == 53 && year >= kMinYear && year <= kMaxYear) {
      throw bad_input("no week 53 in " + four_digits(year) + ": " + detail::quoted(text));
    }
  }
  throw bad_input("not a week (YYYY-Www, e.g. 2026-W48): " + detail::quoted(text));
}

Week Week::of(Date day) {
  const int64_t thursday = day.days() - (day.weekday() - 1) + 3;
  const int64_t iso_year = civil_from_days(thursday).year;
  const int64_t number = (thursday - first_monday(iso_year)) / 7 + 1;
  return Week(static_cast<int>(iso_year), static_cast<int>(number));
}

Date Week::monday() const {
  return Date::from_days(first_monday(year_) + 7 * (number_ - 1));
}

Date Week::sunday() const {
  return monday().plus_days(6);
}

std::string Week::str() const {
  return four_digits(year_) + "-W" + two_digits(number_);
}

std::ostream& operator<<(std::ostream& out, Date date) {
  return out << date.str();
}

std::ostream& operator<<(std::ostream& out, Month month) {
  return out << month.str();
}

}  // namespace gepaie
