#define BOOST_TEST_MODULE synthetic_tests
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <sstream>

#include "gepaie/app/demo.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"
#include "test_database.h"

using namespace gepaie;

namespace {

const Month kMonth = Month::parse("2026-11");

struct Migrated : testing::TestDatabase {
  explicit Migrated(const std::string& name) : TestDatabase(name) {
    store::Migrator(db(), store::bundled_migrations()).migrate();
  }
  int64_t scalar(const std::string& sql) {
    store::Rows rows = db().prepare(sql).query();
    BOOST_REQUIRE(rows.next());
    return rows.integer("n");
  }
  int64_t count(const std::string& table) { return scalar("SELECT COUNT(*) AS n FROM " + table); }
  // The row count of every table the generator writes.
  std::string counts() {
    std::ostringstream out;
    for (const char* table :
         {"members", "employees", "employee_skills", "contracts", "contract_members", "allocations",
          "timesheets", "work_entries", "absence_entries"}) {
      out << table << "=" << count(table) << ";";
    }
    return out.str();
  }
  // FNV-1a over every row a query returns, every column read as text.
  uint64_t checksum(const std::string& sql, const std::vector<std::string>& columns) {
    uint64_t hash = 14695981039346656037ULL;
    store::Rows rows = db().prepare(sql).query();
    while (rows.next()) {
      for (const std::string& column : columns) {
        for (unsigned char c : rows.text(column) + "|") {
          hash = (hash ^ c) * 1099511628211ULL;
        }
      }
    }
    return hash;
  }
  uint64_t work_checksum() {
    return checksum(
        "SELECT e.number, m.siret, w.work_date, w.start_minute, w.end_minute, w.duration_seconds"
        " FROM work_entries w JOIN timesheets t ON t.id = w.timesheet_id"
        " JOIN employees e ON e.id = t.employee_id JOIN members m ON m.id = t.member_id"
        " ORDER BY e.number, w.work_date, w.start_minute",
        {"number", "siret", "work_date", "start_minute", "end_minute", "duration_seconds"});
  }
  uint64_t registry_checksum() {
    return checksum(
        "SELECT e.number, e.last_name, e.first_name, e.birth_date, e.nir, e.iban, c.start_date,"
        " c.weekly_seconds, c.monthly_gross, c.status FROM employees e"
        " JOIN contracts c ON c.employee_id = e.id ORDER BY e.number",
        {"number", "last_name", "first_name", "birth_date", "nir", "iban", "start_date",
         "weekly_seconds", "monthly_gross", "status"});
  }
};

synthetic::Options options_with(uint64_t seed) {
  synthetic::Options options;
  options.employees = 50;
  options.members = 10;
  options.members_per_employee = 3;
  options.month = kMonth;
  options.seed = seed;
  return options;
}

staffing::WorkingTimeLimits limits_for(const config::Settings& settings, Date day) {
  const payroll::RateBook book = config::load_rate_book(settings.rates_dir);
  const payroll::RateSet* rates = book.at(day);
  BOOST_REQUIRE(rates != nullptr);
  const payroll::Constants& k = rates->constants;
  return {
      k.daily_max_hours,
      k.daily_rest_hours,
      k.weekly_max_hours,
      k.average_weekly_max_hours,
      k.average_weeks,
      k.legal_weekly_hours,
      settings.extra_hours_third ? k.part_time_extra_divisor_agreement : k.part_time_extra_divisor};
}

bool conflict(const Error& e) {
  return e.kind() == ErrorKind::Conflict;
}

bool bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(synthetic_tests)

BOOST_AUTO_TEST_CASE(generates_a_consistent_ge) {
  Migrated test("syn_ge");
  std::vector<std::string> progress;
  const app::SyntheticReport report = app::generate_synthetic_ge(
      test.db(), options_with(1), [&](const std::string& line) { progress.push_back(line); });
  BOOST_TEST(!progress.empty());
  BOOST_TEST_MESSAGE("generated: " << report.allocations << " slots, " << report.work_entries
                                   << " work entries, " << report.absences << " absences, "
                                   << report.overtime_weeks << " overtime weeks");
  BOOST_TEST(report.seconds >= 0.0);

  // Counts, in the report and in the tables.
  BOOST_TEST(report.members == 10);
  BOOST_TEST(report.employees == 50);
  BOOST_TEST(report.contracts == 50);
  BOOST_TEST(report.contract_members == 150);
  BOOST_TEST(report.timesheets == 150);
  BOOST_TEST(test.count("members") == 10);
  BOOST_TEST(test.count("employees") == 50);
  BOOST_TEST(test.count("contracts") == 50);
  BOOST_TEST(test.count("contract_members") == 150);
  BOOST_TEST(test.count("timesheets") == 150);
  BOOST_TEST(test.count("allocations") == report.allocations);
  BOOST_TEST(test.count("work_entries") == report.work_entries);
  BOOST_TEST(test.count("absence_entries") == report.absences);
  BOOST_TEST(report.allocations >= 50 * 7);  // part time: at least 7 half-days
  BOOST_TEST(report.work_entries > 50 * 7 * 3);

  // Every employee: one CDI listing exactly 3 members, an approved timesheet at each of them and
  // nowhere else, schedule slots only there.
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM (SELECT c.employee_id FROM contracts c"
                         " JOIN contract_members cm ON cm.contract_id = c.id"
                         " GROUP BY c.employee_id HAVING COUNT(*) = 3) x") == 50);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM (SELECT employee_id FROM timesheets"
                         " WHERE month = '2026-11' GROUP BY employee_id HAVING COUNT(*) = 3) x") ==
             50);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM timesheets t"
                         " JOIN contracts c ON c.employee_id = t.employee_id"
                         " LEFT JOIN contract_members cm ON cm.contract_id = c.id"
                         " AND cm.member_id = t.member_id WHERE cm.member_id IS NULL") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM allocations a"
                         " JOIN contracts c ON c.employee_id = a.employee_id"
                         " LEFT JOIN contract_members cm ON cm.contract_id = c.id"
                         " AND cm.member_id = a.member_id WHERE cm.member_id IS NULL") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM timesheets WHERE state <> 'approved'"
                         " OR approved_by IS NULL OR approved_by <> 'synthetic'"
                         " OR approved_at IS NULL OR submitted_at IS NULL") == 0);
  for (const auto& summary : store::timesheet_summaries(test.db(), kMonth)) {
    BOOST_TEST((summary.state == staffing::TimesheetState::Approved));
    BOOST_TEST(summary.worked.minutes() > 0);
  }
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM contracts WHERE kind <> 'CDI'"
                         " OR idcc <> '1285' OR start_date >= '2026-11-01' OR end_date IS NOT NULL"
                         " OR monthly_gross IS NULL") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM contracts WHERE weekly_seconds = 126000"
                         " AND (monthly_gross < 2000 OR monthly_gross > 4500)") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM contracts WHERE weekly_seconds <> 126000"
                         " AND (weekly_seconds < 86400 OR weekly_seconds > 108000)") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM contracts WHERE weekly_seconds = 126000") > 25);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM contracts WHERE weekly_seconds < 126000") > 0);

  // Identifiers pass the same checks as imported ones; billing agreements by member index.
  for (const auto& member : store::list_members(test.db())) {
    BOOST_TEST(!ids::siret_problem(member.siret), member.siret);
    if (!member.vat_number.empty()) {
      BOOST_TEST(!ids::vat_fr_problem(member.vat_number), member.vat_number);
    }
  }
  for (const auto& employee : store::list_employees(test.db())) {
    BOOST_TEST(!ids::nir_problem(employee.nir), employee.nir);
    BOOST_TEST(!ids::iban_problem(employee.iban), employee.iban);
    BOOST_TEST(!employee.skills.empty());
  }
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM members WHERE billing_model = 'cost_split'"
                         " AND fee_rate_ppm = 80000 AND fee_per_hour = 0") == 8);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM members WHERE billing_model = 'cost_split'"
                         " AND fee_rate_ppm = 0 AND fee_per_hour > 0") == 1);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM members WHERE billing_model = 'coefficient'"
                         " AND coefficient_ppm = 1750000") == 1);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM members WHERE legal_name = 'Adhérent 0007'") ==
             1);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM employees WHERE number = 'S00050'") == 1);

  // Working-time law: no error and no warning (nothing worked on a public holiday).
  const staffing::WorkingTimeLimits limits = limits_for(test.settings(), kMonth.first_day());
  const staffing::CheckInput input = store::check_input(test.db(), kMonth, limits.average_weeks);
  BOOST_TEST(input.work.size() == static_cast<size_t>(report.work_entries));
  const auto violations = staffing::check_working_time(input, limits);
  BOOST_TEST(violations.empty());
  for (const auto& v : violations) {
    BOOST_TEST_MESSAGE(v.employee_number + " " + v.rule + ": " + v.message);
  }
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM work_entries WHERE WEEKDAY(work_date) >= 5") ==
             0);
  // An absent day has no work; its duration is the day's schedule.
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM absence_entries a"
                         " JOIN timesheets t ON t.employee_id = a.employee_id"
                         " JOIN work_entries w ON w.timesheet_id = t.id"
                         " AND w.work_date = a.absence_date") == 0);
  BOOST_TEST(test.scalar("SELECT COUNT(*) AS n FROM absence_entries"
                         " WHERE kind NOT IN ('paid_leave', 'sickness')") == 0);

  // Whole weeks of the month (Monday to Friday in November, no public holiday): W45, W47, W48.
  std::vector<Date> mondays;
  for (Date day = kMonth.first_day(); day <= kMonth.last_day(); day = day.plus_days(1)) {
    bool whole = day.weekday() == 1 && kMonth.contains(day.plus_days(4));
    for (int i = 0; whole && i < 5; ++i) {
      whole = !staffing::is_public_holiday(day.plus_days(i));
    }
    if (whole) {
      mondays.push_back(day);
    }
  }
  BOOST_TEST(mondays.size() == 3u);
  std::map<std::string, int64_t> contract_minutes;
  for (const auto& contract : store::list_contracts(test.db())) {
    contract_minutes[contract.employee_number] = contract.weekly_hours.minutes();
  }
  std::map<std::pair<std::string, Date>, int64_t> worked;  // (employee, Monday) -> minutes
  for (const auto& entry : input.work) {
    worked[{entry.employee_number, entry.day.plus_days(1 - entry.day.weekday())}] +=
        entry.duration.minutes();
  }
  std::map<std::pair<std::string, Date>, int64_t> absent;
  for (const auto& absence : input.absences) {
    absent[{absence.employee_number, absence.day.plus_days(1 - absence.day.weekday())}] +=
        absence.duration.minutes();
  }
  int full_time_weeks = 0;
  int overtime_weeks = 0;
  std::set<std::string> with_overtime;
  for (const auto& [employee, weekly] : contract_minutes) {
    for (Date monday : mondays) {
      const int64_t work = worked[{employee, monday}];
      const int64_t away = absent[{employee, monday}];
      if (work > weekly) {
        // The one week of overtime (full time: 2 to 5 h) or extra hours (part time: at most a
        // tenth of the contract), without an absence.
        BOOST_TEST(with_overtime.insert(employee).second, employee);
        BOOST_TEST(away == 0);
        BOOST_TEST(work - weekly >= (weekly == 2100 ? 120 : 60), employee);
        BOOST_TEST(work - weekly <= (weekly == 2100 ? 300 : weekly / 10), employee);
        ++overtime_weeks;
        continue;
      }
      BOOST_TEST(work + away == weekly, employee << " week of " << monday.str());
      if (weekly == 2100 && away == 0) {
        BOOST_TEST(work == 35 * 60, employee);
        ++full_time_weeks;
      }
    }
  }
  BOOST_TEST(full_time_weeks > 25 * 3 - 5);
  BOOST_TEST(overtime_weeks == report.overtime_weeks);
}

BOOST_AUTO_TEST_CASE(refuses_a_database_that_has_data) {
  Migrated test("syn_again");
  const app::SyntheticReport first = app::generate_synthetic_ge(test.db(), options_with(1));
  BOOST_TEST(first.employees == 50);
  const std::string before = test.counts();
  const uint64_t work_before = test.work_checksum();
  BOOST_CHECK_EXCEPTION(app::generate_synthetic_ge(test.db(), options_with(1)), Error, conflict);
  BOOST_CHECK_EXCEPTION(app::generate_synthetic_ge(test.db(), options_with(2)), Error, conflict);
  BOOST_TEST(test.counts() == before);
  BOOST_TEST(test.work_checksum() == work_before);

  // Options out of range: BadInput, nothing written.
  Migrated empty("syn_bad");
  synthetic::Options options = options_with(1);
  options.members_per_employee = 11;
  BOOST_CHECK_EXCEPTION(app::generate_synthetic_ge(empty.db(), options), Error, bad_input);
  options = options_with(1);
  options.members = 2;
  BOOST_CHECK_EXCEPTION(app::generate_synthetic_ge(empty.db(), options), Error, bad_input);
  options = options_with(1);
  options.employees = 0;
  BOOST_CHECK_EXCEPTION(app::generate_synthetic_ge(empty.db(), options), Error, bad_input);
  BOOST_TEST(empty.count("members") == 0);
  BOOST_TEST(empty.count("employees") == 0);
}

BOOST_AUTO_TEST_CASE(same_seed_same_data) {
  Migrated one("syn_seed_a");
  Migrated two("syn_seed_b");
  Migrated other("syn_seed_c");
  const auto a = app::generate_synthetic_ge(one.db(), options_with(7));
  const auto b = app::generate_synthetic_ge(two.db(), options_with(7));
  app::generate_synthetic_ge(other.db(), options_with(8));
  BOOST_TEST(a.work_entries == b.work_entries);
  BOOST_TEST(a.absences == b.absences);
  BOOST_TEST(a.overtime_weeks == b.overtime_weeks);
  BOOST_TEST(one.counts() == two.counts());
  BOOST_TEST(one.work_checksum() == two.work_checksum());
  BOOST_TEST(one.registry_checksum() == two.registry_checksum());
  // Another seed, other data.
  BOOST_TEST(one.work_checksum() != other.work_checksum());
  BOOST_TEST(one.registry_checksum() != other.registry_checksum());
}

BOOST_AUTO_TEST_SUITE_END()
