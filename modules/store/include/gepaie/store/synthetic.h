// A synthetic employer group (GE) for benchmarks and demonstrations: members with billing
// agreements, employees, CDI contracts, a weekly schedule and one month of approved timesheets.
// Invented but consistent: identifiers pass their checks (SIRET, NIR, IBAN), every employee works
// only for the members its contract lists (L1253-9), working-time law is respected (10 h a day,
// 11 h rest, 48 h a week, part-time limits), public holidays are not worked. The same options and
// seed give the same data.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "gepaie/core/calendar.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

struct SyntheticOptions {
  int employees = 0;             // 1 to kMaxSyntheticEmployees
  int members = 0;               // 1 to kMaxSyntheticMembers
  int members_per_employee = 3;  // members each contract lists: 1 to 10, at most `members`
  Month month;                   // the month of the timesheets; contracts start before it
  uint64_t seed = 1;             // same seed, same data
  std::function<void(const std::string&)> progress;  // one line per step; may be empty
};

inline constexpr int kMaxSyntheticEmployees = 200'000;
inline constexpr int kMaxSyntheticMembers = 100'000;

struct SyntheticReport {
  int members = 0;
  int employees = 0;
  int contracts = 0;
  int contract_members = 0;
  int allocations = 0;  // slots of the weekly schedule
  int timesheets = 0;   // one per employee and contract member, approved
  int work_entries = 0;
  int absences = 0;        // days of paid leave or sickness
  int overtime_weeks = 0;  // employees given one week beyond their contract
  double seconds = 0;
};

// Throws Error BadInput naming the option out of range; generate_synthetic_ge calls it first.
void check_synthetic_options(const SyntheticOptions& options);

// Writes the whole GE in one transaction with multi-row inserts:
// - members "Adhérent 0001"…: 80 % cost split with an 8 % fee, 10 % cost split with a fee per
//   hour, 10 % billing coefficient 1.75;
// - employees S00001…, each with one CDI (IDCC 1285) that started before `month`: about 75 %
//   full time (35 h, 1 900 to 4 500 € a month), 25 % part time (24 to 30 h), 10 % cadre;
// - a weekly schedule Monday to Friday in half-days (morning and afternoon, at most 3 h 30 each,
//   1 h lunch break), the half-days shared out among the contract's members;
// - for `month`: an approved timesheet per employee and member, the scheduled work of every day
//   that is not a public holiday, with about 3 % of employees doing one week of overtime (full
//   time: 2 to 5 h; part time: 1 to 2 h of extra hours within a tenth of the contract) and 2 %
//   absent one day (paid leave or sickness, the scheduled hours of that day).
// Options out of range: Error BadInput. A database that already has members or employees: Error
// Conflict, nothing written.
SyntheticReport generate_synthetic_ge(Database& db, const SyntheticOptions& options);

}  // namespace gepaie::store
