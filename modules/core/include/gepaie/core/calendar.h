#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace gepaie {

class Month;

// A civil date in the proleptic Gregorian calendar, years 1 to 9999. Stored as days since
// 1970-01-01; the default value is 1970-01-01. Going outside the range throws Error Failure.
class Date {
 public:
  constexpr Date() = default;
  static std::optional<Date> from_ymd(int year, int month, int day);  // nullopt if invalid
  // Strictly "YYYY-MM-DD"; throws Error BadInput "not a date (YYYY-MM-DD): ...".
  static Date parse(std::string_view text);
  static Date from_days(int64_t days_since_1970_01_01);

  int year() const;
  int month() const;
  int day() const;
  int64_t days() const { return days_; }  // days since 1970-01-01
  Date plus_days(int64_t count) const;
  int weekday() const;           // ISO: 1 = Monday ... 7 = Sunday
  std::string iso_week() const;  // ISO 8601 week: "2026-W48"
  Month month_of() const;
  std::string str() const;     // "2026-11-26"
  std::string french() const;  // "26/11/2026"

  auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int64_t days) : days_(days) {}
  int64_t days_ = 0;
};

// A calendar month (pay period), years 1 to 9999. The default value is 1970-01.
class Month {
 public:
  constexpr Month() = default;
  static std::optional<Month> from_ym(int year, int month);  // nullopt if invalid
  static Month parse(std::string_view text);  // strictly "YYYY-MM"; throws Error BadInput

  int year() const { return year_; }
  int month() const { return month_; }
  Date first_day() const;
  Date last_day() const;
  int days() const;  // number of days in the month
  Month next() const;
  Month prev() const;
  bool contains(Date date) const;
  std::string str() const;     // "2026-11"
  std::string french() const;  // "novembre 2026"

  auto operator<=>(const Month&) const = default;

 private:
  constexpr Month(int year, int month) : year_(year), month_(month) {}
  int year_ = 1970;
  int month_ = 1;
};

// An ISO 8601 week, Monday to Sunday, belonging to the year of its Thursday: "2026-W48".
// Years 1 to 9999; the default value is 1970-W01.
class Week {
 public:
  constexpr Week() = default;
  static std::optional<Week> from_yw(int year, int week);  // nullopt if the year has no such week
  // Strictly "YYYY-Www" (2026-W48); throws Error BadInput "not a week (YYYY-Www): ..." or "no
  // week 53 in YYYY".
  static Week parse(std::string_view text);
  static Week of(Date day);  // the week holding `day`

  int year() const { return year_; }
  int number() const { return number_; }
  Date monday() const;
  Date sunday() const;
  std::string str() const;  // "2026-W48", as Date::iso_week()

  auto operator<=>(const Week&) const = default;

 private:
  constexpr Week(int year, int number) : year_(year), number_(number) {}
  int year_ = 1970;
  int number_ = 1;
};

std::ostream& operator<<(std::ostream& out, Date date);    // str()
std::ostream& operator<<(std::ostream& out, Month month);  // str()

}  // namespace gepaie
