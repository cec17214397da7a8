// Formatting shared by several command groups: durations, days of leave, weekdays, the
// working-time violations table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gepaie/staffing/checks.h"

namespace gepaie::cli {

std::string seconds_text(double value);  // "1.25 s"
// Hundredths of a day in French: 250 → "2,50", 200 → "2".
std::string days_text(int hundredths);
// Hundredths of a day as a JSON decimal: 250 → "2.50".
std::string days_decimal(int hundredths);
// "lun." … "dim." for ISO weekdays 1 to 7.
const char* weekday_short(int weekday);
// The violations as an aligned table (nothing when there are none).
void print_violations(std::ostream& out, const std::vector<staffing::Violation>& violations);

}  // namespace gepaie::cli
