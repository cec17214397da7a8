// gepaie timesheet generate | import | show | submit | approve | dispute | history
#include "command.h"
#include "context.h"
#include "format.h"
#include "gepaie/app/staffing.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "table.h"

namespace gepaie::cli {
namespace {

using config::format_time_of_day;
using Poco::JSON::Array;

int timesheet_generate(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto report = app::generate_timesheets(context, context.actor(), month);
  context.out() << month.str() << ": " << report.timesheets << " draft timesheets, "
                << report.entries << " slots of expected work from the schedule; "
                << report.holidays_skipped << " scheduled slots on public holidays left out; "
                << report.skipped_not_draft << " timesheets already submitted or approved kept\n";
  return 0;
}

int timesheet_import(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const config::TimesheetFile file = config::read_timesheet_file(args.positional.front(), month);
  const auto result = app::import_timesheet(context, context.actor(), file, month);
  context.out() << file.name << ": " << result.report.work_entries << " work entries, "
                << result.report.absences << " absences\n";
  print_violations(context.out(), result.check.violations);
  context.out() << "working-time check of " << month.str() << ": " << result.check.errors()
                << " errors, " << result.check.warnings() << " warnings\n";
  return 0;
}

int timesheet_show(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto [sheets, absences] =
      app::timesheets(context, context.actor(), month, {args.option("employee"), std::nullopt});
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& s : sheets) {
      auto json = json_object();
      json->set("employee", s.employee_number);
      json->set("member", s.member_siret);
      json->set("state", staffing::to_string(s.state));
      json->set("hours", s.worked.str());
      json->set("days", s.days);
      json->set("approved_by", s.approved_by);
      json->set("approved_at", s.approved_at);
      list->add(json);
    }
    auto root = json_object();
    root->set("month", month.str());
    root->set("timesheets", list);
    Array::Ptr absence_list = new Array;
    for (const auto& a : absences) {
      auto json = json_object();
      json->set("employee", a.employee_number);
      json->set("date", a.day.str());
      json->set("kind", staffing::to_string(a.kind));
      json->set("hours", a.duration.str());
      absence_list->add(json);
    }
    root->set("absences", absence_list);
    print_json(context.out(), root);
    return 0;
  }
  Table table({{"Employee"},
               {"Member"},
               {"State"},
               {"Days", Align::Right},
               {"Hours", Align::Right},
               {"Approved by"}});
  Hours total;
  for (const auto& s : sheets) {
    table.add({s.employee_number, s.member_siret, staffing::to_string(s.state),
               std::to_string(s.days), s.worked.str(), s.approved_by});
    total += s.worked;
  }
  table.print(context.out());
  context.out() << sheets.size() << " timesheets, " << total.str() << " h worked in " << month.str()
                << "\n";
  if (!absences.empty()) {
    context.out() << "\n";
    Table absence_table({{"Employee"}, {"Date"}, {"Absence"}, {"Hours", Align::Right}});
    for (const auto& a : absences) {
      absence_table.add(
          {a.employee_number, a.day.french(), staffing::to_string(a.kind), a.duration.str()});
    }
    absence_table.print(context.out());
  }
  return 0;
}

int timesheet_submit(Context& context, const Arguments& args) {
  const int count = app::submit_timesheets(context, context.actor(), month_option(args),
                                           {args.option("employee"), args.option("member")});
  context.out() << count << " timesheets submitted\n";
  return 0;
}

int timesheet_approve(Context& context, const Arguments& args) {
  if (!args.option("member")) {
    throw bad_input("--member SIRET is required: a member approves its timesheets");
  }
  const app::Actor actor = context.actor(args.option("by"));
  const int count = app::approve_timesheets(context, actor, month_option(args),
                                            {args.option("employee"), args.option("member")});
  context.out() << count << " timesheets approved by " << actor.name << "\n";
  return 0;
}

// --day D --hours H, repeated: Poco keeps the last of a repeated option, so the days come as one
// list "2026-11-03=7.5,2026-11-04=0".
std::vector<store::DisputedDay> disputed_days(const Arguments& args) {
  std::vector<store::DisputedDay> days;
  const auto text = args.option("days");
  if (!text || text->empty()) {
    throw bad_input("--days DATE=HOURS[,DATE=HOURS...] is required, e.g. 2026-11-03=7.5");
  }
  size_t start = 0;
  while (start <= text->size()) {
    const size_t comma = text->find(',', start);
    const std::string item =
        text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const size_t equals = item.find('=');
    if (equals == std::string::npos) {
      throw bad_input("--days: '" + item + "' is not DATE=HOURS, e.g. 2026-11-03=7.5");
    }
    try {
      days.push_back(
          {Date::parse(item.substr(0, equals)), Hours(), Hours::parse(item.substr(equals + 1))});
    } catch (const Error& e) {
      throw Error(ErrorKind::BadInput, "'" + item + "': " + e.message(), {}, "--days");
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return days;
}

int timesheet_dispute(Context& context, const Arguments& args) {
  require_options(args, {"member", "employee", "comment"});
  store::TimesheetDispute dispute;
  dispute.month = month_option(args);
  dispute.member_siret = *args.option("member");
  dispute.employee_number = *args.option("employee");
  dispute.comment = *args.option("comment");
  dispute.days = disputed_days(args);
  const app::Actor actor = context.actor(args.option("by"));
  app::dispute_timesheet(context, actor, dispute);
  context.out() << "timesheet of " << dispute.employee_number << " at " << dispute.member_siret
                << " for " << dispute.month.str() << " disputed by " << actor.name << " ("
                << dispute.days.size()
                << " days): the GE corrects it (timesheet import) and submits it again\n";
  return 0;
}

int timesheet_history(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto events = app::timesheet_history(context, context.actor(), month,
                                             {args.option("employee"), args.option("member")});
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& e : events) {
      auto json = json_object();
      json->set("employee", e.employee_number);
      json->set("member", e.member_siret);
      json->set("at", e.at);
      json->set("actor", e.actor);
      json->set("action", e.action);
      json->set("comment", e.comment);
      Array::Ptr days = new Array;
      for (const auto& d : e.days) {
        auto day = json_object();
        day->set("date", d.day.str());
        day->set("recorded", d.recorded.str());
        day->set("claimed", d.claimed.str());
        days->add(day);
      }
      json->set("days", days);
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table({{"Employee"},
               {"Member"},
               {"When"},
               {"Action"},
               {"By", Align::Left, 36},
               {"Comment, days: recorded → claimed", Align::Left, 60}});
  for (const auto& e : events) {
    std::string detail = e.comment;
    for (const auto& d : e.days) {
      detail += (detail.empty() ? "" : "; ") + d.day.french() + ": " + d.recorded.str() + " → " +
                d.claimed.str();
    }
    table.add({e.employee_number, e.member_siret, e.at, e.action, e.actor, detail});
  }
  table.print(context.out());
  context.out() << events.size() << " events in " << month.str() << "\n";
  return 0;
}

}  // namespace

std::vector<Command> timesheet_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec employee{"employee", "", "only this employee", "NUMBER"};
  const OptionSpec member{"member", "", "only this member", "SIRET"};
  return {
      {"timesheet generate",
       "Draft the month's timesheets from the schedule",
       "",
       "Expected hours: every scheduled day within the contract, public holidays left out.\n"
       "Draft timesheets are replaced; submitted and approved ones are kept.",
       {month},
       timesheet_generate},
      {"timesheet import",
       "Record actual work and absences from CSV or YAML",
       "FILE",
       "CSV header: employee,member_siret,date,start,end,hours,kind. Work rows replace that\n"
       "day's entries for that employee and member; absence rows (kind: paid_leave, sickness,\n"
       "unpaid_leave, training, public_holiday) have no member. Any bad line: nothing written.",
       {month},
       timesheet_import,
       1,
       1},
      {"timesheet show",
       "Show the month's timesheets and absences",
       "",
       "",
       {month, employee, json},
       timesheet_show},
      {"timesheet submit",
       "Submit draft or corrected disputed timesheets (→ submitted)",
       "",
       "",
       {month, employee, member},
       timesheet_submit},
      {"timesheet approve",
       "A member approves submitted timesheets (recorded with who and when)",
       "",
       "",
       {month, member, employee, {"by", "", "who approves (default: the operator)", "NAME"}},
       timesheet_approve},
      {"timesheet dispute",
       "A member contests a submitted timesheet (days, corrected hours, why)",
       "",
       "The member says which days are wrong and how many hours it counts for each, with a\n"
       "required comment: the timesheet goes back to the GE (disputed), which corrects it with\n"
       "`timesheet import` and submits it again (`timesheet submit`). Every step is kept\n"
       "(`timesheet history`).",
       {month,
        {"member", "", "the member disputing", "SIRET"},
        {"employee", "", "whose timesheet", "NUMBER"},
        {"days", "", "the days and the hours claimed, e.g. 2026-11-03=7.5,2026-11-04=0", "LIST"},
        {"comment", "", "why (required)", "TEXT"},
        {"by", "", "who disputes (default: the operator)", "NAME"}},
       timesheet_dispute},
      {"timesheet history",
       "What happened to the month's timesheets: submitted, approved, disputed, resubmitted",
       "",
       "",
       {month, employee, member, json},
       timesheet_history},
  };
}

}  // namespace gepaie::cli
