// Benchmark (not a test): checks a month of timesheets (November 2026) for many employees on one
// core and prints the time taken. The timesheets are generated with a fixed seed: 1 to 3 entries
// a working day, mostly timed, a few long days, short rests, unlisted members, extra hours,
// contracts starting within the month and public holidays worked.
//   checks_bench [EMPLOYEES]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/staffing/model.h"

using namespace gepaie;
using namespace gepaie::staffing;

namespace {

std::string numbered(const char* prefix, int number, int width) {
  std::string digits = std::to_string(number);
  std::string text = prefix;
  text.append(static_cast<size_t>(width) - digits.size(), '0');
  return text + digits;
}

}  // namespace

int main(int argc, char** argv) {
  const int employees = argc > 1 ? std::stoi(argv[1]) : 10'000;
  const int member_count = 300;
  std::mt19937 random(20261101);
  // Raw draws modulo n, so the data is the same with any standard library.
  auto draw = [&random](uint32_t n) { return static_cast<int>(random() % n); };

  std::vector<std::string> members;
  for (int m = 0; m < member_count; ++m) {
    members.push_back(numbered("", 100000000 + m, 9) + "00017");
  }

  // The legal values (Code du travail); the product reads them from config/rates.
  WorkingTimeLimits limits;
  limits.daily_max = Hours::parse("10");
  limits.daily_rest = Hours::parse("11");
  limits.weekly_max = Hours::parse("48");
  limits.average_weekly_max = Hours::parse("44");
  limits.average_weeks = 12;
  limits.full_time_weekly = Hours::parse("35");
  limits.part_time_extra_divisor = 10;

  CheckInput input;
  input.from = Date::parse("2026-11-01");
  input.to = Date::parse("2026-11-30");
  const int contracts[] = {24 * 60, 28 * 60, 30 * 60, 35 * 60, 35 * 60, 35 * 60};
  for (int e = 0; e < employees; ++e) {
    EmploymentPeriod employment;
    employment.employee_number = numbered("S", e + 1, 6);
    employment.start = Date::from_days(Date::parse("2024-01-01").days() + draw(1050));
    employment.weekly_hours = Hours::from_minutes(contracts[draw(6)]);
    const int listed = 1 + draw(3);
    for (int m = 0; m < listed; ++m) {
      employment.member_sirets.push_back(members[static_cast<size_t>(draw(member_count))]);
    }
    const int64_t daily = employment.weekly_hours.minutes() / 5;
    for (Date day = input.from; day <= input.to; day = day.plus_days(1)) {
      if (day.weekday() > 5 || (is_public_holiday(day) && draw(20) != 0)) {
        continue;
      }
      const int entries = 1 + draw(3);
      int64_t left = daily + draw(121) - 60 + (draw(200) == 0 ? 150 : 0);
      int start = 7 * 60 + draw(120) - (draw(300) == 0 ? 300 : 0);
      for (int i = 0; i < entries && left > 0; ++i) {
        const int64_t length = i + 1 == entries ? left : left / (entries - i) + draw(31) - 15;
        WorkEntry entry;
        entry.employee_number = employment.employee_number;
        entry.member_siret = draw(500) == 0
                                 ? members[static_cast<size_t>(draw(member_count))]
                                 : employment.member_sirets[static_cast<size_t>(draw(listed))];
        entry.day = day;
        entry.duration = Hours::from_minutes(length);
        if (draw(10) != 0) {
          entry.start = start;
          entry.end = static_cast<int>(start + length);
        }
        start = static_cast<int>(start + length + 30);
        left -= length;
        input.work.push_back(std::move(entry));
      }
    }
    input.employments.push_back(std::move(employment));
  }
  // Timesheets arrive member by member, not employee by employee.
  std::shuffle(input.work.begin(), input.work.end(), random);

  const auto start = std::chrono::steady_clock::now();
  const std::vector<Violation> violations = check_working_time(input, limits);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[200];
  std::snprintf(line, sizeof line,
                "staffing checks: %d employees, %zu entries in %.3f s, %zu violations", employees,
                input.work.size(), seconds, violations.size());
  std::cout << line << "\n";
  return 0;
}
