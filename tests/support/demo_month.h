// The demo GE set up on a test schema as `packaging/demo.sh` does it, for the tests that need
// closed months: import, schedule, timesheets submitted and approved by every member.
#pragma once

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "gepaie/app/close.h"
#include "gepaie/app/registry.h"
#include "gepaie/app/staffing.h"
#include "gepaie/config/import_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"
#include "test_database.h"

namespace gepaie::testing {

// Migrates `db`, imports config/demo/demo.yaml, sets config/demo/schedule.yaml, then for each
// month generates the timesheets — with config/demo/timesheet-2026-11.csv's differences for
// November 2026 when `differences` — and has every member approve them.
inline void set_up_demo(store::Database& db, const std::vector<Month>& months,
                        bool differences = true) {
  const std::string source = GEPAIE_SOURCE_DIR;
  store::Migrator(db, store::bundled_migrations()).migrate();
  app::import_records(db, testing::shipped_rates(),
                      config::read_import_file(source + "/config/demo/demo.yaml"));
  app::set_schedule(db, config::read_schedule_file(source + "/config/demo/schedule.yaml"));
  for (Month month : months) {
    app::generate_timesheets(db, month);
    if (differences && month == Month::parse("2026-11")) {
      app::import_timesheet(
          db, config::read_timesheet_file(source + "/config/demo/timesheet-2026-11.csv", month),
          month);
    }
    store::submit_timesheets(db, month, {}, "operator:test");
    for (const auto& member : store::list_members(db)) {
      try {
        store::approve_timesheets(db, month, {std::nullopt, member.siret}, "operator:test");
      } catch (const Error& e) {
        BOOST_REQUIRE(e.kind() == ErrorKind::NotFound);  // nobody worked there this month
      }
    }
  }
}

// A workspace over parts the test already holds.
class FixedWorkspace : public app::Workspace {
 public:
  FixedWorkspace(store::Database& db, const payroll::RateBook& rates,
                 const config::Settings& settings)
      : db_(db), rates_(rates), settings_(settings) {}
  const config::Settings& settings() override { return settings_; }
  const payroll::RateBook& rates() override { return rates_; }
  store::Database& db() override { return db_; }

 private:
  store::Database& db_;
  const payroll::RateBook& rates_;
  const config::Settings& settings_;
};

// The operator the tests act as.
inline app::Actor test_operator() {
  return {app::Actor::Kind::Operator, "test", "", ""};
}

// Closes `month` as `gepaie close` does, invoices dated the month's last day.
inline app::CloseReport close_month(store::Database& db, const payroll::RateBook& rates,
                                    const config::Settings& settings, Month month) {
  FixedWorkspace workspace(db, rates, settings);
  app::CloseRequest request;
  request.month = month;
  request.issue_date = month.last_day();
  return app::close_month(workspace, test_operator(), request);
}

}  // namespace gepaie::testing
