// The synthetic GE's generator, without a database: the records it draws are deterministic,
// valid and consistent with the options, whatever the batches.
#define BOOST_TEST_MODULE synthetic_generator_tests
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/synthetic/generator.h"

using namespace gepaie;

namespace {

synthetic::Options options_with(uint64_t seed, int employees = 60, int members = 12,
                                const char* month = "2026-05") {
  synthetic::Options options;
  options.employees = employees;
  options.members = members;
  options.members_per_employee = 3;
  options.month = Month::parse(month);
  options.seed = seed;
  return options;
}

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Every employee, drawn in batches of `sizes` (the last size repeated).
synthetic::EmployeeBatch all_employees(synthetic::Generator& generator,
                                       const std::vector<int>& sizes) {
  synthetic::EmployeeBatch all;
  for (size_t i = 0; !generator.done(); ++i) {
    const synthetic::EmployeeBatch batch =
        generator.next_employees(sizes[std::min(i, sizes.size() - 1)]);
    BOOST_TEST_REQUIRE(!batch.employees.empty());
    append(all.employees, batch.employees);
    append(all.contracts, batch.contracts);
    append(all.allocations, batch.allocations);
    append(all.timesheets, batch.timesheets);
    append(all.work, batch.work);
    append(all.absences, batch.absences);
    all.overtime_weeks += batch.overtime_weeks;
  }
  return all;
}

synthetic::EmployeeBatch all_employees(const synthetic::Options& options,
                                       const std::vector<int>& sizes = {1000}) {
  synthetic::Generator generator(options);
  return all_employees(generator, sizes);
}

// The working-time limits of the shipped rates on `day`.
staffing::WorkingTimeLimits limits_on(Date day) {
  static const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  const payroll::RateSet* rates = book.at(day);
  BOOST_TEST_REQUIRE(rates != nullptr);
  const payroll::Constants& k = rates->constants;
  return {k.daily_max_hours,          k.daily_rest_hours, k.weekly_max_hours,
          k.average_weekly_max_hours, k.average_weeks,    k.legal_weekly_hours,
          k.part_time_extra_divisor};
}

bool bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(synthetic_generator_tests)

BOOST_AUTO_TEST_CASE(checks_its_options) {
  BOOST_CHECK_NO_THROW(synthetic::check_options(options_with(1)));
  synthetic::Options options = options_with(1);
  options.employees = 0;
  BOOST_CHECK_EXCEPTION(synthetic::check_options(options), Error, bad_input);
  options.employees = synthetic::kMaxEmployees + 1;
  BOOST_CHECK_EXCEPTION(synthetic::check_options(options), Error, bad_input);
  options = options_with(1);
  options.members = synthetic::kMaxMembers + 1;
  BOOST_CHECK_EXCEPTION(synthetic::check_options(options), Error, bad_input);
  options = options_with(1);
  options.members_per_employee = 11;
  BOOST_CHECK_EXCEPTION(synthetic::check_options(options), Error, bad_input);
  options = options_with(1, 60, 2);  // 3 members per employee among 2
  BOOST_CHECK_EXCEPTION(synthetic::Generator{options}, Error, bad_input);
  options = options_with(1, 60, 12, "1899-12");
  BOOST_CHECK_EXCEPTION(synthetic::Generator{options}, Error, bad_input);
}

BOOST_AUTO_TEST_CASE(same_seed_same_records) {
  const synthetic::Options options = options_with(7);
  const synthetic::Generator one(options);
  const synthetic::Generator two(options);
  BOOST_TEST((one.members() == two.members()));
  const synthetic::EmployeeBatch a = all_employees(options);
  const synthetic::EmployeeBatch b = all_employees(options);
  BOOST_TEST((a == b));
  // Another seed, other records.
  const synthetic::Generator other(options_with(8));
  BOOST_TEST((one.members() != other.members()));
  const synthetic::EmployeeBatch c = all_employees(options_with(8));
  BOOST_TEST((a.employees != c.employees));
  BOOST_TEST((a.work != c.work));
}

BOOST_AUTO_TEST_CASE(batches_concatenate_to_one_batch) {
  const synthetic::Options options = options_with(3, 250, 20);
  const synthetic::EmployeeBatch whole = all_employees(options, {1000});
  BOOST_TEST(whole.employees.size() == 250u);
  for (const std::vector<int>& sizes :
       std::vector<std::vector<int>>{{1}, {7}, {100}, {249, 1}, {1, 13, 64, 2}}) {
    synthetic::Generator generator(options);
    const synthetic::EmployeeBatch batched = all_employees(generator, sizes);
    BOOST_TEST((batched == whole), "batches of " << sizes.front() << "…");
    BOOST_TEST(generator.employees_drawn() == 250);
    BOOST_TEST(generator.next_employees(10).employees.empty());
  }
  synthetic::Generator generator(options);
  BOOST_CHECK_THROW(generator.next_employees(0), Error);
}

BOOST_AUTO_TEST_CASE(identifiers_pass_their_checks) {
  const synthetic::Options options = options_with(11, 400, 30);
  const synthetic::Generator generator(options);
  std::set<std::string> sirets;
  for (const registry::Member& member : generator.members()) {
    BOOST_TEST(!ids::siret_problem(member.siret), member.siret);
    if (!member.vat_number.empty()) {
      BOOST_TEST(!ids::vat_fr_problem(member.vat_number), member.vat_number);
      BOOST_TEST(member.vat_number == ids::fr_vat_for_siren(member.siret.substr(0, 9)));
    }
    sirets.insert(member.siret);
  }
  BOOST_TEST(sirets.size() == generator.members().size());
  BOOST_TEST(generator.members().front().legal_name == "Adhérent 0001");

  std::set<std::string> numbers;
  std::set<std::string> nirs;
  for (const registry::Employee& employee : all_employees(options).employees) {
    BOOST_TEST(!ids::nir_problem(employee.nir), employee.nir);
    BOOST_TEST(!ids::iban_problem(employee.iban), employee.iban);
    BOOST_TEST(employee.iban.substr(0, 2) == "FR");
    // The NIR's sex, year and month of birth are the employee's.
    BOOST_TEST(std::stoi(employee.nir.substr(1, 2)) == employee.birth_date.year() % 100);
    BOOST_TEST(std::stoi(employee.nir.substr(3, 2)) == employee.birth_date.month());
    BOOST_TEST(!employee.skills.empty());
    BOOST_TEST(std::is_sorted(employee.skills.begin(), employee.skills.end()));
    numbers.insert(employee.number);
    nirs.insert(employee.nir);
  }
  BOOST_TEST(numbers.size() == 400u);
  BOOST_TEST(nirs.size() == 400u);
  BOOST_TEST(numbers.count("S00001") == 1u);
  BOOST_TEST(numbers.count("S00400") == 1u);
}

BOOST_AUTO_TEST_CASE(billing_agreements_by_member_index) {
  const synthetic::Generator generator(options_with(1, 10, 10));
  int fee_rate = 0;
  int fee_per_hour = 0;
  int coefficient = 0;
  for (const registry::Member& m : generator.members()) {
    if (m.billing.model == registry::BillingModel::Coefficient) {
      coefficient += m.billing.coefficient == Rate::from_ppm(1'750'000) ? 1 : 0;
    } else if (m.billing.fee_per_hour > Money()) {
      fee_per_hour += m.billing.fee_rate == Rate() ? 1 : 0;
    } else {
      fee_rate += m.billing.fee_rate == Rate::from_ppm(80'000) ? 1 : 0;
    }
  }
  BOOST_TEST(fee_rate == 8);
  BOOST_TEST(fee_per_hour == 1);
  BOOST_TEST(coefficient == 1);
}

BOOST_AUTO_TEST_CASE(contracts_place_employees_with_existing_members) {
  const synthetic::Options options = options_with(5, 300, 15, "2026-11");
  const synthetic::Generator generator(options);
  std::set<std::string> sirets;
  for (const registry::Member& member : generator.members()) {
    sirets.insert(member.siret);
  }
  const synthetic::EmployeeBatch all = all_employees(options);
  BOOST_TEST_REQUIRE(all.contracts.size() == all.employees.size());
  std::map<std::string, const registry::Contract*> contracts;
  int full_time = 0;
  for (size_t i = 0; i < all.contracts.size(); ++i) {
    const registry::Contract& c = all.contracts[i];
    const registry::Employee& e = all.employees[i];
    contracts[c.employee_number] = &c;
    BOOST_TEST(c.employee_number == e.number);
    BOOST_TEST(c.reference == "CT-" + e.number + "-01");
    BOOST_TEST((c.kind == registry::ContractKind::Cdi));
    BOOST_TEST(c.idcc == "1285");
    BOOST_TEST(!c.end.has_value());
    BOOST_TEST(c.start <= options.month.first_day().plus_days(-30));
    BOOST_TEST(*Date::from_ymd(e.birth_date.year() + 18, e.birth_date.month(),
                               e.birth_date.day()) <= c.start);
    // 35 h, or part time from 24 h to 30 h; the gross in proportion.
    const int64_t weekly = c.weekly_hours.whole_minutes();
    BOOST_TEST((weekly == 35 * 60 || (weekly >= 24 * 60 && weekly <= 30 * 60)), e.number);
    full_time += weekly == 35 * 60 ? 1 : 0;
    BOOST_TEST_REQUIRE(c.monthly_gross.has_value());
    BOOST_TEST(*c.monthly_gross >= Money::from_cents(190'000).mul_div(weekly, 35 * 60));
    BOOST_TEST(*c.monthly_gross <= Money::from_cents(450'000).mul_div(weekly, 35 * 60));
    // Three distinct members, all of the GE.
    BOOST_TEST(c.member_sirets.size() == 3u);
    BOOST_TEST(std::set<std::string>(c.member_sirets.begin(), c.member_sirets.end()).size() == 3u);
    for (const std::string& siret : c.member_sirets) {
      BOOST_TEST(sirets.count(siret) == 1u, siret);
    }
  }
  BOOST_TEST(full_time > 300 / 2);
  BOOST_TEST(full_time < 300);

  // The weekly schedule: half-days of at most 3 h 30, Monday to Friday, for the contract's members,
  // adding up to the contract's hours.
  std::map<std::string, int64_t> scheduled;
  for (const staffing::Allocation& a : all.allocations) {
    const registry::Contract& c = *contracts.at(a.employee_number);
    BOOST_TEST(a.weekday >= 1);
    BOOST_TEST(a.weekday <= 5);
    BOOST_TEST(a.start < a.end);
    BOOST_TEST(a.end - a.start <= 210);
    BOOST_TEST((a.from == c.start));
    BOOST_TEST(std::count(c.member_sirets.begin(), c.member_sirets.end(), a.member_siret) == 1);
    scheduled[a.employee_number] += a.end - a.start;
  }
  for (const auto& [number, contract] : contracts) {
    BOOST_TEST(scheduled[number] == contract->weekly_hours.whole_minutes(), number);
  }

  // One approved timesheet per employee and contract member.
  std::set<std::pair<std::string, std::string>> timesheets;
  for (const synthetic::ApprovedTimesheet& t : all.timesheets) {
    const registry::Contract& c = *contracts.at(t.employee_number);
    BOOST_TEST(std::count(c.member_sirets.begin(), c.member_sirets.end(), t.member_siret) == 1);
    BOOST_TEST(t.approved_by == "synthetic");
    timesheets.insert({t.employee_number, t.member_siret});
  }
  BOOST_TEST(timesheets.size() == 300u * 3);
  BOOST_TEST(all.timesheets.size() == 300u * 3);
  for (const staffing::WorkEntry& w : all.work) {
    BOOST_TEST(timesheets.count({w.employee_number, w.member_siret}) == 1u, w.employee_number);
  }
}

BOOST_AUTO_TEST_CASE(the_month_respects_working_time_law) {
  // May 2026: five public holidays (1 and 8 May, Ascension, Whit Monday ... ) on weekdays.
  for (const char* text : {"2026-05", "2026-11"}) {
    const synthetic::Options options = options_with(21, 400, 25, text);
    const Month month = options.month;
    const synthetic::EmployeeBatch all = all_employees(options, {64});

    staffing::CheckInput input;
    for (size_t i = 0; i < all.contracts.size(); ++i) {
      const registry::Contract& c = all.contracts[i];
      input.employments.push_back({c.employee_number, c.start, c.end, c.weekly_hours,
                                   c.member_sirets, all.employees[i].skills});
    }
    input.work = all.work;
    input.absences = all.absences;
    input.from = month.first_day();
    input.to = month.last_day();
    const auto violations = staffing::check_working_time(input, limits_on(month.first_day()));
    BOOST_TEST(violations.empty(), text);
    for (const auto& v : violations) {
      BOOST_TEST_MESSAGE(v.employee_number + " " + v.rule + ": " + v.message);
    }

    // Work only on the month's working days; absences on a scheduled day, without work.
    std::set<std::pair<std::string, Date>> worked;
    for (const staffing::WorkEntry& w : all.work) {
      BOOST_TEST(month.contains(w.day));
      BOOST_TEST(w.day.weekday() <= 5);
      BOOST_TEST(!staffing::is_public_holiday(w.day), w.day.str());
      BOOST_TEST_REQUIRE((w.start && w.end));
      BOOST_TEST(w.duration.whole_minutes() == *w.end - *w.start);
      worked.insert({w.employee_number, w.day});
    }
    std::set<std::string> absent;
    for (const staffing::AbsenceEntry& a : all.absences) {
      BOOST_TEST(absent.insert(a.employee_number).second, a.employee_number);
      BOOST_TEST(worked.count({a.employee_number, a.day}) == 0u);
      BOOST_TEST((a.kind == staffing::AbsenceKind::PaidLeave ||
                  a.kind == staffing::AbsenceKind::Sickness));
      BOOST_TEST(a.duration.whole_minutes() > 0);
    }
    // About 2 % absent one day, 3 % a week of overtime.
    BOOST_TEST(absent.size() >= 1u);
    BOOST_TEST(absent.size() <= 400u / 20);
    BOOST_TEST(all.overtime_weeks >= 1);
    BOOST_TEST(all.overtime_weeks <= 400 / 15);
  }
}

BOOST_AUTO_TEST_SUITE_END()
