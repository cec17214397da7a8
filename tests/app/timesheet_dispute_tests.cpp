// The timesheet dispute through the application layer: a member contests a submitted timesheet
// (days, the hours it claims, a required comment), the GE corrects it and submits it again, the
// member approves; every step is kept with its actor, and each actor only reaches its own.
#define BOOST_TEST_MODULE timesheet_dispute_tests
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "demo_month.h"
#include "gepaie/app/registry.h"
#include "gepaie/app/staffing.h"
#include "gepaie/config/import_file.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/registry_store.h"
#include "test_database.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const std::string kSource = GEPAIE_SOURCE_DIR;
const Month kNovember = Month::parse("2026-11");

app::Actor member_user(const std::string& siret, const std::string& name) {
  return {app::Actor::Kind::Member, name, siret, ""};
}

app::Actor employee_user(const std::string& number) {
  return {app::Actor::Kind::Employee, number, "", number};
}

bool is(const Error& e, ErrorKind kind) {
  return e.kind() == kind;
}

// The demo GE with November's timesheets generated and submitted, none approved yet.
struct SubmittedMonth : testing::TestDatabase {
  SubmittedMonth()
      : TestDatabase("dispute"),
        rates(config::load_rate_book(kSource + "/config/rates")),
        workspace(db(), rates, settings()),
        ge(testing::test_operator()) {
    store::Migrator(db(), store::bundled_migrations()).migrate();
    app::import_records(db(), testing::shipped_rates(),
                        config::read_import_file(kSource + "/config/demo/demo.yaml"));
    app::set_schedule(workspace, ge,
                      config::read_schedule_file(kSource + "/config/demo/schedule.yaml"));
    app::generate_timesheets(workspace, ge, kNovember);
    app::submit_timesheets(workspace, ge, kNovember, {});
    const auto sheets = app::timesheets(workspace, ge, kNovember, {}).sheets;
    BOOST_REQUIRE(sheets.size() >= 2);
    sheet = sheets.front();
    for (const auto& other : sheets) {
      if (other.member_siret != sheet.member_siret) {
        other_member = other.member_siret;
        break;
      }
    }
    BOOST_REQUIRE(!other_member.empty());
    // The first day the timesheet has hours.
    for (const auto& entry :
         store::work_entries(db(), kNovember.first_day(), kNovember.last_day())) {
      if (entry.employee_number == sheet.employee_number &&
          entry.member_siret == sheet.member_siret) {
        day = entry.day;
        break;
      }
    }
    BOOST_REQUIRE(kNovember.contains(day));
  }

  store::TimesheetDispute dispute(const std::string& comment, Hours claimed) const {
    return {
        kNovember, sheet.employee_number, sheet.member_siret, comment, {{day, Hours(), claimed}}};
  }

  payroll::RateBook rates;
  testing::FixedWorkspace workspace;
  app::Actor ge;
  store::TimesheetSummary sheet;
  std::string other_member;
  Date day;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(timesheet_dispute_tests)

BOOST_AUTO_TEST_CASE(dispute_correct_resubmit_approve_with_history) {
  SubmittedMonth month;
  const app::Actor carol = member_user(month.sheet.member_siret, "carol");
  const Hours claimed = Hours::parse("5");

  // A dispute says why, names days of the month, each once, at most 24 h.
  BOOST_CHECK_EXCEPTION(
      app::dispute_timesheet(month.workspace, carol, month.dispute("  ", claimed)), Error,
      [](const Error& e) { return is(e, ErrorKind::BadInput); });
  auto outside = month.dispute("wrong day", claimed);
  outside.days.front().day = Date::parse("2026-10-30");
  BOOST_CHECK_EXCEPTION(app::dispute_timesheet(month.workspace, carol, outside), Error,
                        [](const Error& e) { return is(e, ErrorKind::BadInput); });
  BOOST_CHECK_EXCEPTION(
      app::dispute_timesheet(month.workspace, carol, month.dispute("too long", Hours::parse("25"))),
      Error, [](const Error& e) { return is(e, ErrorKind::BadInput); });
  // Another member's user cannot reach this timesheet: as if it did not exist.
  BOOST_CHECK_EXCEPTION(
      app::dispute_timesheet(month.workspace, member_user(month.other_member, "eve"),
                             month.dispute("not mine", claimed)),
      Error, [](const Error& e) { return is(e, ErrorKind::NotFound); });

  app::dispute_timesheet(month.workspace, carol,
                         month.dispute("Séance annulée l'après-midi", claimed));
  {
    const auto sheets = app::timesheets(month.workspace, carol, kNovember,
                                        {month.sheet.employee_number, std::nullopt})
                            .sheets;
    BOOST_REQUIRE(sheets.size() == 1u);
    BOOST_TEST(std::string(staffing::to_string(sheets.front().state)) == "disputed");
  }
  // A disputed timesheet can be neither approved nor disputed again.
  BOOST_CHECK_EXCEPTION(
      app::approve_timesheets(month.workspace, carol, kNovember,
                              {month.sheet.employee_number, month.sheet.member_siret}),
      Error, [](const Error& e) { return is(e, ErrorKind::NotFound); });
  BOOST_CHECK_EXCEPTION(
      app::dispute_timesheet(month.workspace, carol, month.dispute("again", claimed)), Error,
      [](const Error& e) { return is(e, ErrorKind::Conflict); });
  // A member may not correct it: the GE does.
  const fs::path csv =
      fs::temp_directory_path() / ("gepaie-dispute-" + std::to_string(getpid()) + ".csv");
  std::ofstream(csv) << "employee,member_siret,date,start,end,hours,kind\n"
                     << month.sheet.employee_number << "," << month.sheet.member_siret << ","
                     << month.day.str() << ",,,5,\n";
  const config::TimesheetFile correction = config::read_timesheet_file(csv, kNovember);
  fs::remove(csv);
  BOOST_CHECK_EXCEPTION(app::import_timesheet(month.workspace, carol, correction, kNovember), Error,
                        [](const Error& e) { return is(e, ErrorKind::Forbidden); });
  app::import_timesheet(month.workspace, month.ge, correction, kNovember);
  BOOST_TEST(app::submit_timesheets(month.workspace, month.ge, kNovember,
                                    {month.sheet.employee_number, month.sheet.member_siret}) == 1);
  BOOST_TEST(app::approve_timesheets(month.workspace, carol, kNovember,
                                     {month.sheet.employee_number, month.sheet.member_siret}) == 1);

  const auto history = app::timesheet_history(month.workspace, carol, kNovember,
                                              {month.sheet.employee_number, std::nullopt});
  BOOST_REQUIRE(history.size() == 4u);
  BOOST_TEST(history[0].action == "submitted");
  BOOST_TEST(history[0].actor == "operator:test");
  BOOST_TEST(history[1].action == "disputed");
  BOOST_TEST(history[1].actor == "member:" + month.sheet.member_siret + ":carol");
  BOOST_TEST(history[1].comment == "Séance annulée l'après-midi");
  BOOST_REQUIRE(history[1].days.size() == 1u);
  BOOST_TEST(history[1].days[0].day == month.day);
  BOOST_TEST(history[1].days[0].claimed == claimed);
  BOOST_TEST(history[1].days[0].recorded > claimed);  // the schedule's hours of that day
  BOOST_TEST(history[2].action == "resubmitted");
  BOOST_TEST(history[3].action == "approved");
  BOOST_TEST(history[3].actor == "member:" + month.sheet.member_siret + ":carol");

  // The corrected day now holds the hours the member claimed.
  Hours corrected;
  for (const auto& entry : store::work_entries(month.db(), month.day, month.day)) {
    if (entry.employee_number == month.sheet.employee_number &&
        entry.member_siret == month.sheet.member_siret) {
      corrected += entry.duration;
    }
  }
  BOOST_TEST(corrected == claimed);
}

BOOST_AUTO_TEST_CASE(each_actor_sees_only_its_own) {
  SubmittedMonth month;
  app::dispute_timesheet(month.workspace, member_user(month.sheet.member_siret, "carol"),
                         month.dispute("Absent ce jour-là", Hours()));
  // Another member's user sees none of this member's history.
  for (const auto& event : app::timesheet_history(
           month.workspace, member_user(month.other_member, "eve"), kNovember, {})) {
    BOOST_TEST(event.member_siret == month.other_member);
  }
  // An employee sees only their own timesheets, and asking for someone else's finds nothing.
  const app::Actor employee = employee_user(month.sheet.employee_number);
  for (const auto& sheet : app::timesheets(month.workspace, employee, kNovember, {}).sheets) {
    BOOST_TEST(sheet.employee_number == month.sheet.employee_number);
  }
  BOOST_CHECK_EXCEPTION(
      app::timesheet_history(month.workspace, employee, kNovember, {"E999", std::nullopt}), Error,
      [](const Error& e) { return is(e, ErrorKind::NotFound); });
  // Only the GE submits, generates and closes.
  BOOST_CHECK_EXCEPTION(app::submit_timesheets(month.workspace, employee, kNovember, {}), Error,
                        [](const Error& e) { return is(e, ErrorKind::Forbidden); });
  BOOST_CHECK_EXCEPTION(
      app::generate_timesheets(month.workspace, member_user(month.other_member, "eve"), kNovember),
      Error, [](const Error& e) { return is(e, ErrorKind::Forbidden); });
}

BOOST_AUTO_TEST_SUITE_END()
