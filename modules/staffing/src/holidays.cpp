#include "gepaie/staffing/holidays.h"

#include <algorithm>
#include <optional>

#include "gepaie/core/error.h"

namespace gepaie::staffing {
namespace {

Date checked_date(int year, int month, int day) {
  const std::optional<Date> date = Date::from_ymd(year, month, day);
  if (!date) {
    throw failure("no public holidays for year " + std::to_string(year) + " (1 to 9999)");
  }
  return *date;
}

struct FixedHoliday {
  int month;
  int day;
  const char* name;
  bool alsace_moselle_only;
};

constexpr FixedHoliday kFixedHolidays[] = {
    {1, 1, "Jour de l'an", false},     {5, 1, "Fête du Travail", false},
    {5, 8, "Victoire 1945", false},    {7, 14, "Fête nationale", false},
    {8, 15, "Assomption", false},      {11, 1, "Toussaint", false},
    {11, 11, "Armistice 1918", false}, {12, 25, "Noël", false},
    {12, 26, "Saint-Étienne", true},
};

// Days after Easter Sunday.
struct MovableHoliday {
  int offset;
  const char* name;
  bool alsace_moselle_only;
};

constexpr MovableHoliday kMovableHolidays[] = {
    {-2, "Vendredi saint", true},
    {1, "Lundi de Pâques", false},
    {39, "Ascension", false},
    {50, "Lundi de Pentecôte", false},
};

}  // namespace

Date easter_sunday(int year) {
  const int a = year % 19;  // position in the 19-year Metonic cycle
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;  // days from 21 March to the paschal full moon
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // days from the full moon to Sunday
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return checked_date(year, month, day);
}

std::vector<PublicHoliday> public_holidays(int year, bool alsace_moselle) {
  const Date easter = easter_sunday(year);
  std::vector<PublicHoliday> holidays;
  holidays.reserve(std::size(kFixedHolidays) + std::size(kMovableHolidays));
  for (const FixedHoliday& fixed : kFixedHolidays) {
    if (alsace_moselle || !fixed.alsace_moselle_only) {
      holidays.push_back({checked_date(year, fixed.month, fixed.day), fixed.name});
    }
  }
  for (const MovableHoliday& movable : kMovableHolidays) {
    if (alsace_moselle || !movable.alsace_moselle_only) {
      holidays.push_back({easter.plus_days(movable.offset), movable.name});
    }
  }
  // Fixed holidays come first, so on a shared day their name comes first.
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const PublicHoliday& x, const PublicHoliday& y) { return x.day < y.day; });
  std::vector<PublicHoliday> merged;
  merged.reserve(holidays.size());
  for (PublicHoliday& holiday : holidays) {
    if (!merged.empty() && merged.back().day == holiday.day) {
      merged.back().name += " / " + holiday.name;
    } else {
      merged.push_back(std::move(holiday));
    }
  }
  return merged;
}

bool is_public_holiday(Date day, bool alsace_moselle) {
  const int month = day.month();
  const int day_of_month = day.day();
  for (const FixedHoliday& fixed : kFixedHolidays) {
    if (fixed.month == month && fixed.day == day_of_month &&
        (alsace_moselle || !fixed.alsace_moselle_only)) {
      return true;
    }
  }
  // Movable holidays fall between 20 March (Good Friday) and 14 June (Whit Monday).
  if (month < 3 || month > 6) {
    return false;
  }
  const int64_t after_easter = day.days() - easter_sunday(day.year()).days();
  for (const MovableHoliday& movable : kMovableHolidays) {
    if (movable.offset == after_easter && (alsace_moselle || !movable.alsace_moselle_only)) {
      return true;
    }
  }
  return false;
}

}  // namespace gepaie::staffing
