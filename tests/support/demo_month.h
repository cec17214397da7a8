// The demo GE set up on a test schema as `packaging/demo.sh` does it, for the tests that need
// closed months: import, schedule, timesheets submitted and approved by every member.
#pragma once

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "gepaie/config/import_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/store/close.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"

namespace gepaie::testing {

// Migrates `db`, imports config/demo/demo.yaml, sets config/demo/schedule.yaml, then for each
// month generates the timesheets — with config/demo/timesheet-2026-11.csv's differences for
// November 2026 when `differences` — and has every member approve them.
inline void set_up_demo(store::Database& db, const std::vector<Month>& months,
                        bool differences = true) {
  const std::string source = GEPAIE_SOURCE_DIR;
  store::Migrator(db, store::bundled_migrations()).migrate();
  store::import_records(db, config::read_import_file(source + "/config/demo/demo.yaml"));
  store::set_schedule(db, config::read_schedule_file(source + "/config/demo/schedule.yaml"));
  for (Month month : months) {
    store::generate_timesheets(db, month);
    if (differences && month == Month::parse("2026-11")) {
      store::import_timesheet(
          db, config::read_timesheet_file(source + "/config/demo/timesheet-2026-11.csv", month),
          month);
    }
    store::submit_timesheets(db, month, std::nullopt, std::nullopt);
    for (const auto& member : store::list_members(db)) {
      try {
        store::approve_timesheets(db, month, member.siret, std::nullopt, "test");
      } catch (const Error& e) {
        BOOST_REQUIRE(e.kind() == ErrorKind::NotFound);  // nobody worked there this month
      }
    }
  }
}

// The close's options as `gepaie close` builds them: limits from the rates of the month,
// invoices dated the month's last day.
inline store::CloseOptions close_options(const payroll::RateBook& rates, Month month) {
  const payroll::Constants& k = rates.at(month.first_day())->constants;
  store::CloseOptions options;
  options.closed_by = "test";
  options.issue_date = month.last_day();
  options.limits = {k.daily_max_hours,          k.daily_rest_hours, k.weekly_max_hours,
                    k.average_weekly_max_hours, k.average_weeks,    k.legal_weekly_hours,
                    k.part_time_extra_divisor};
  return options;
}

}  // namespace gepaie::testing
