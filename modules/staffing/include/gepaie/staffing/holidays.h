// French public holidays (jours fériés, L3133-1 Code du travail), with the two extra days of
// Alsace-Moselle (L3134-13).
#pragma once

#include <string>
#include <vector>

#include "gepaie/core/calendar.h"

namespace gepaie::staffing {

struct PublicHoliday {
  Date day;
  std::string name;  // French label: "Lundi de Pâques"

  bool operator==(const PublicHoliday&) const = default;
};

// Easter Sunday of a year in the Gregorian calendar (anonymous Gregorian algorithm, Meeus), applied
// proleptically before 1583. Years 1 to 9999; others throw Error Failure.
Date easter_sunday(int year);

// The public holidays of a year, sorted by date, one entry per day: when two holidays fall on the
// same day (Fête du Travail and Ascension on 2008-05-01) the names are joined with " / ".
// Alsace-Moselle adds Vendredi saint (Easter − 2) and Saint-Étienne (26 December).
// Years 1 to 9999; others throw Error Failure.
std::vector<PublicHoliday> public_holidays(int year, bool alsace_moselle = false);

bool is_public_holiday(Date day, bool alsace_moselle = false);

}  // namespace gepaie::staffing
