// A synthetic employer group (GE) for benchmarks and demonstrations: members with billing
// agreements, employees, CDI contracts, a weekly schedule and one month of approved timesheets.
// Invented but consistent: identifiers pass their checks (SIRET, NIR, IBAN), every employee works
// only for the members its contract lists (L1253-9), working-time law is respected (10 h a day,
// 11 h rest, 48 h a week, part-time limits), public holidays are not worked. The same options and
// seed give the same records.
//
// What is drawn:
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
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/registry/records.h"
#include "gepaie/staffing/model.h"
#include "gepaie/synthetic/random.h"

namespace gepaie::synthetic {

struct Options {
  int employees = 0;             // 1 to kMaxEmployees
  int members = 0;               // 1 to kMaxMembers
  int members_per_employee = 3;  // members each contract lists: 1 to 10, at most `members`
  Month month;                   // the month of the timesheets; contracts start before it
  uint64_t seed = 1;             // same seed, same records
};

inline constexpr int kMaxEmployees = 200'000;
inline constexpr int kMaxMembers = 100'000;

// Throws Error BadInput naming the option out of range.
void check_options(const Options& options);

// A timesheet of the month, approved (the month is the options' month).
struct ApprovedTimesheet {
  std::string employee_number;
  std::string member_siret;
  std::string approved_by;  // "synthetic"

  bool operator==(const ApprovedTimesheet&) const = default;
};

// The records of consecutive employees, each list employee by employee in number order.
struct EmployeeBatch {
  std::vector<registry::Employee> employees;
  std::vector<registry::Contract> contracts;      // one CDI per employee, in the same order
  std::vector<staffing::Allocation> allocations;  // the weekly schedule, from the contract start
  std::vector<ApprovedTimesheet> timesheets;      // one per contract member, in contract order
  std::vector<staffing::WorkEntry> work;          // day by day, then by time
  std::vector<staffing::AbsenceEntry> absences;   // at most one day per employee
  int overtime_weeks = 0;                         // employees given one week beyond contract

  bool operator==(const EmployeeBatch&) const = default;
};

// Draws the GE from one sequence of random numbers: the members first, then the employees in
// order. Employees come in batches of any size, so that a large GE is never held whole; the
// batches, concatenated, are the same records whatever their sizes. An employee depends on the
// draws of those before it: batches come in order, not at random positions.
class Generator {
 public:
  // Checks the options (Error BadInput) and draws the members.
  explicit Generator(const Options& options);

  const Options& options() const { return options_; }
  // Every member, "Adhérent 0001" first; the employees' records name them by SIRET.
  const std::vector<registry::Member>& members() const { return members_; }
  int employees_drawn() const { return next_ - 1; }
  bool done() const { return next_ > options_.employees; }
  // The next `count` employees (count > 0), fewer at the end, none once done().
  EmployeeBatch next_employees(int count);

 private:
  Options options_;
  Random random_;
  std::vector<registry::Member> members_;
  std::vector<Date> working_days_;    // Monday to Friday, not a public holiday
  std::vector<Date> overtime_weeks_;  // the Mondays of the weeks whose five days are working days
  size_t number_width_;               // digits of the employee numbers: S00001 or S000001
  int next_ = 1;                      // the next employee, from 1
};

}  // namespace gepaie::synthetic
