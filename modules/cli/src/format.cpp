#include "format.h"

#include <cstdio>
#include <cstdlib>

#include "gepaie/core/money.h"
#include "table.h"

namespace gepaie::cli {

std::string seconds_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", value);
  return text;
}

std::string days_text(int hundredths) {
  std::string text = std::to_string(hundredths / 100);
  if (hundredths % 100 != 0) {
    char decimals[8];
    std::snprintf(decimals, sizeof decimals, ",%02d", std::abs(hundredths % 100));
    text += decimals;
  }
  return text;
}

std::string days_decimal(int hundredths) {
  return Money::from_cents(hundredths).str();
}

const char* weekday_short(int weekday) {
  static const char* const kWeekdays[] = {"",     "lun.", "mar.", "mer.",
                                          "jeu.", "ven.", "sam.", "dim."};
  return weekday >= 1 && weekday <= 7 ? kWeekdays[weekday] : "?";
}

void print_violations(std::ostream& out, const std::vector<staffing::Violation>& violations) {
  Table table({{"Employee"},
               {"Severity"},
               {"Rule"},
               {"Date / week"},
               {"Found", Align::Right},
               {"Limit", Align::Right},
               {"Detail", Align::Left, 50}});
  for (const auto& v : violations) {
    table.add({v.employee_number, staffing::to_string(v.severity), v.rule,
               v.week.empty() ? v.date.str() : v.week, v.value.clock_str(), v.limit.clock_str(),
               v.message});
  }
  if (!violations.empty()) {
    table.print(out);
  }
}

}  // namespace gepaie::cli
