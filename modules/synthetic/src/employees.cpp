// The employees of the synthetic GE: who they are, their contract, their weekly schedule and what
// changes in the month (a week of overtime, a day of absence).
#include <algorithm>
#include <numeric>

#include "draws.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/staffing/holidays.h"
#include "vocabulary.h"

namespace gepaie::synthetic::internal {
namespace {

constexpr int kFullTime = 35 * 60;  // minutes a week
constexpr int kHalfDayMax = 210;    // 3 h 30
constexpr int kMorning = 9 * 60;
constexpr int kAfternoon = 13 * 60 + 30;

std::string nir_for(bool female, Date birth, const std::string& department, int index) {
  // Commune and birth order from the employee's index: NIRs are unique (index < 998 001).
  // Appended piece by piece: g++ 12 at -O3 raises a false -Wrestrict on a chain of + here.
  std::string digits(female ? "2" : "1");
  digits += padded(birth.year() % 100, 2);
  digits += padded(birth.month(), 2);
  digits += department;
  digits += padded(1 + (index - 1) / 999, 3);
  digits += padded(1 + (index - 1) % 999, 3);
  const std::string nir = ids::nir_with_key(digits);
  check_identifier("NIR", nir, ids::nir_problem(nir));
  return nir;
}

// A French IBAN: bank, branch, account and RIB key, then the ISO 13616 check digits.
std::string iban_for(Random& random) {
  const std::string bank = random.pick(kBanks);
  const std::string branch = padded(random.below(100'000), 5);
  // Each draw in its own statement: the order of evaluation of operands is unspecified.
  std::string account = padded(random.below(1'000'000), 6);
  account += padded(random.below(100'000), 5);  // 11 digits
  const std::string iban = ids::iban_with_check_digits(
      "FR", bank + branch + account + ids::fr_rib_key(bank, branch, account));
  check_identifier("IBAN", iban, ids::iban_problem(iban));
  return iban;
}

// The week's half-days (morning and afternoon, Monday to Friday) shared among the contract's
// members: full time works all ten for 3 h 30; part time works enough of them for its hours, a
// half-day never longer than 3 h 30. Each member gets a run of consecutive half-days.
std::vector<Slot> weekly_slots(Random& random, int weekly_minutes, int member_count) {
  const int offset = 30 * (random.below(3) - 1);  // the day starts at 8:30, 9:00 or 9:30
  std::vector<int> halves(10);                    // 2 × (weekday − 1) + (afternoon ? 1 : 0)
  std::iota(halves.begin(), halves.end(), 0);
  const int needed = std::max((weekly_minutes + kHalfDayMax - 1) / kHalfDayMax, member_count);
  while (static_cast<int>(halves.size()) > needed) {
    halves.erase(halves.begin() + random.below(static_cast<int>(halves.size())));
  }
  const int count = static_cast<int>(halves.size());
  const int quarters = weekly_minutes / 15;  // weekly_minutes is a multiple of 30
  std::vector<Slot> slots;
  for (int i = 0; i < count; ++i) {
    const int length = 15 * (quarters / count + (i < quarters % count ? 1 : 0));
    const int start = (halves[i] % 2 == 0 ? kMorning : kAfternoon) + offset;
    slots.push_back({i * member_count / count, halves[i] / 2 + 1, start, start + length});
  }
  return slots;
}

// The classification of the performing arts' agreement (IDCC 1285) for a job.
std::string classification(Random& random, const Job& job, bool cadre, bool female) {
  if (cadre) {
    const int group = random.between(3, 4);
    return "Cadre, groupe " + std::to_string(group) + " – échelon " +
           std::to_string(random.between(1, 4));
  }
  const char* category = "Agent de maîtrise, groupe 6";
  if (job.category == Category::Employee) {
    category = female ? "Employée, groupe 8" : "Employé, groupe 8";
  } else if (job.category == Category::Technician) {
    category = female ? "Technicienne, groupe 7" : "Technicien, groupe 7";
  }
  return std::string(category) + " – échelon " + std::to_string(random.between(1, 4));
}

}  // namespace

MonthDays month_days(Month month) {
  MonthDays days;
  for (Date day = month.first_day(); day <= month.last_day(); day = day.plus_days(1)) {
    if (day.weekday() <= 5 && !staffing::is_public_holiday(day)) {
      days.working_days.push_back(day);
    }
    if (day.weekday() == 1 && month.contains(day.plus_days(4))) {
      bool whole = true;
      for (int i = 0; i < 5; ++i) {
        whole = whole && !staffing::is_public_holiday(day.plus_days(i));
      }
      if (whole) {
        days.overtime_weeks.push_back(day);
      }
    }
  }
  return days;
}

EmployeePlan draw_employee(Random& random, int index, size_t width, int member_count,
                           int per_employee, Month month, const std::vector<Date>& working_days,
                           const std::vector<Date>& overtime_weeks) {
  EmployeePlan plan;
  registry::Employee& e = plan.employee;
  e.number = std::string("S") + padded(index, width);
  const bool female = random.below(2) == 0;
  e.last_name = random.pick(kLastNames);
  e.first_name = female ? random.pick(kFemaleNames) : random.pick(kMaleNames);
  // Aged 20 to 61 in the month.
  const int birth_year = month.year() - 20 - random.below(42);
  const int birth_month = random.between(1, 12);
  e.birth_date = *Date::from_ymd(birth_year, birth_month, random.between(1, 28));
  e.nir = nir_for(female, e.birth_date, random.pick(kBirthDepartments), index);
  e.address.line1 = street_address(random);
  const Place& place = random.pick(kPlaces);
  e.address.postcode = place.postcode;
  e.address.city = place.city;
  e.address.country = "FR";
  e.iban = iban_for(random);
  e.email = std::string("s") + padded(index, width) + "@salaries.example";
  const int job = random.below(kJobCount);
  e.skills.push_back(kJobs[job].skill);
  if (random.below(3) == 0) {
    const int other = (job + 1 + random.below(kJobCount - 1)) % kJobCount;
    e.skills.push_back(kJobs[other].skill);
  }
  std::sort(e.skills.begin(), e.skills.end());
  if (random.below(10) < 3) {
    e.benefits.transit_pass_monthly = Money::from_cents(random.pick(kTransitPasses));
  }
  e.benefits.meal_vouchers = random.below(10) < 4;
  e.benefits.income_tax_rate = Rate::from_ppm(random.pick(kTaxRates));

  // The contract: a CDI that started at least 30 days before the month, at 18 or older.
  registry::Contract& c = plan.contract;
  c.reference = "CT-" + e.number + "-01";
  c.employee_number = e.number;
  c.kind = registry::ContractKind::Cdi;
  c.idcc = "1285";
  const Date first = month.first_day();
  const Date birth = e.birth_date;
  const Date adult = *Date::from_ymd(birth.year() + 18, birth.month(), birth.day());
  const int64_t span = std::min<int64_t>(2500, (first.days() - 30) - adult.days());
  c.start = first.plus_days(-30 - random.below(static_cast<int>(std::max<int64_t>(1, span))));
  const bool cadre = random.below(10) == 0;
  c.status = cadre ? registry::Status::Cadre : registry::Status::NonCadre;
  const bool part_time = random.below(4) == 0;
  const int weekly_minutes = part_time ? 24 * 60 + 30 * random.below(13) : kFullTime;  // 24-30 h
  c.weekly_hours = Hours::from_minutes(weekly_minutes);
  const int64_t full_time_euros =
      cadre ? 3200 + 10 * random.below(131) : 2000 + 10 * random.below(141);  // to 4 500 / 3 400
  c.monthly_gross = Money::from_cents(full_time_euros * 100).mul_div(weekly_minutes, kFullTime);
  const Job& j = kJobs[job];
  if (cadre) {
    c.job_title = female ? j.cadre_female : j.cadre_male;
  } else {
    c.job_title = female ? j.title_female : j.title_male;
  }
  c.classification = classification(random, j, cadre, female);
  while (static_cast<int>(plan.members.size()) < per_employee) {
    const int member = random.below(member_count);
    if (std::find(plan.members.begin(), plan.members.end(), member) == plan.members.end()) {
      plan.members.push_back(member);
    }
  }
  plan.slots = weekly_slots(random, weekly_minutes, per_employee);

  // Variations: ~3 % one week beyond the contract, ~2 % one day absent.
  const int variation = random.below(1000);
  if (variation < 30 && !overtime_weeks.empty()) {
    plan.overtime_monday = overtime_weeks[random.below(static_cast<int>(overtime_weeks.size()))];
    // Full time: overtime, one more hour on 2 to 5 days (at most 8 h a day, 40 h a week). Part
    // time: extra hours within a tenth of the contract, far from 35 h.
    plan.overtime_hours = part_time ? random.between(1, 2) : random.between(2, 5);
  } else if (variation < 50) {
    std::vector<Date> scheduled_days;
    for (Date day : working_days) {
      const bool scheduled = std::any_of(plan.slots.begin(), plan.slots.end(),
                                         [&](const Slot& s) { return s.weekday == day.weekday(); });
      if (scheduled) {
        scheduled_days.push_back(day);
      }
    }
    if (!scheduled_days.empty()) {
      plan.absence_day = scheduled_days[random.below(static_cast<int>(scheduled_days.size()))];
      plan.absence_kind =
          random.below(2) == 0 ? staffing::AbsenceKind::PaidLeave : staffing::AbsenceKind::Sickness;
    }
  }
  return plan;
}

}  // namespace gepaie::synthetic::internal
