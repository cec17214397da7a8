// gepaie schedule set | show, demand list | add
#include <map>

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

int schedule_set(Context& context, const Arguments& args) {
  const config::ScheduleFile file = config::read_schedule_file(args.positional.front());
  const app::ScheduleResult result = app::set_schedule(context, context.actor(), file);
  const store::ScheduleReport& report = result.report;
  context.out() << file.name << "\n  demands: " << report.demands_added << " added, "
                << report.demands_unchanged << " unchanged\n  schedule: " << report.allocations
                << " slots for " << report.employees << " employees\n";
  if (!result.check) {
    return 0;
  }
  print_violations(context.out(), result.check->violations);
  context.out() << "working-time check of the week " << result.check->from.iso_week() << ": "
                << result.check->errors() << " errors, " << result.check->warnings()
                << " warnings\n";
  return 0;
}

int schedule_show(Context& context, const Arguments& args) {
  std::optional<Date> monday;
  if (auto week = week_option(args, "week")) {
    monday = week->monday();
  }
  const auto allocations = app::schedule(context, context.actor(),
                                         {args.option("employee"), args.option("member"), monday});
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& a : allocations) {
      auto json = json_object();
      json->set("employee", a.employee_number);
      json->set("member", a.member_siret);
      json->set("weekday", a.weekday);
      json->set("start", format_time_of_day(a.start));
      json->set("end", format_time_of_day(a.end));
      json->set("hours", a.duration().str());
      json->set("from", a.from.str());
      json->set("to", a.to ? a.to->str() : "");
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table({{"Employee"},
               {"Member"},
               {"Day"},
               {"From"},
               {"To"},
               {"Hours", Align::Right},
               {"Valid from"},
               {"Until"}});
  std::map<std::string, Hours> weekly;
  for (const auto& a : allocations) {
    table.add({a.employee_number, a.member_siret, weekday_short(a.weekday),
               format_time_of_day(a.start), format_time_of_day(a.end), a.duration().str(),
               a.from.french(), a.to ? a.to->french() : ""});
    weekly[a.employee_number] += a.duration();
  }
  table.print(context.out());
  context.out() << allocations.size() << " slots, " << weekly.size() << " employees\n";
  return 0;
}

int demand_list(Context& context, const Arguments& args) {
  const auto demands = app::list_demands(context, context.actor());
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& d : demands) {
      auto json = json_object();
      json->set("id", d.id);
      json->set("member", d.member_siret);
      json->set("skill", d.skill);
      json->set("weekly_hours", d.weekly_hours.str());
      Array::Ptr days = new Array;
      for (int day : d.weekdays) {
        days->add(day);
      }
      json->set("weekdays", days);
      json->set("from", d.from.str());
      json->set("to", d.to.str());
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table({{"Id", Align::Right},
               {"Member"},
               {"Skill"},
               {"h/week", Align::Right},
               {"Days"},
               {"From"},
               {"To"}});
  for (const auto& d : demands) {
    std::string days;
    for (int day : d.weekdays) {
      if (!days.empty()) {  // appended: `"" + std::string` trips g++ 12's -Wrestrict at -O3
        days += ' ';
      }
      days += weekday_short(day);
    }
    table.add({std::to_string(d.id), d.member_siret, d.skill, d.weekly_hours.str(),
               days.empty() ? "any" : days, d.from.french(), d.to.french()});
  }
  table.print(context.out());
  context.out() << demands.size() << " demands\n";
  return 0;
}

int demand_add(Context& context, const Arguments& args) {
  require_options(args, {"member", "skill", "hours", "from", "to"});
  staffing::Demand demand;
  demand.member_siret = *args.option("member");
  demand.skill = *args.option("skill");
  demand.weekly_hours = *hours_option(args, "hours");
  demand.from = *date_option(args, "from");
  demand.to = *date_option(args, "to");
  for (int64_t day : int_list_option(args, "weekdays", 1, 7)) {
    demand.weekdays.push_back(static_cast<int>(day));
  }
  const bool added = app::add_demand(context, context.actor(), demand);
  context.out() << (added ? "demand added\n" : "the same demand exists already\n");
  return 0;
}

}  // namespace

std::vector<Command> schedule_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec employee{"employee", "", "only this employee", "NUMBER"};
  const OptionSpec member{"member", "", "only this member", "SIRET"};
  return {
      {"schedule set",
       "Store demands and set the weekly schedule from a YAML file",
       "FILE.yaml",
       "The file's schedule replaces the whole weekly schedule of each employee it names; demands\n"
       "are added unless the same one exists. A member the employee's contract does not list is\n"
       "refused: contract amendment needed (L1253-9). One transaction.",
       {},
       schedule_set,
       1,
       1},
      {"schedule show",
       "Show the weekly schedule",
       "",
       "",
       {employee, member, {"week", "", "slots valid in this ISO week", "YYYY-Www"}, json},
       schedule_show},
      {"demand list", "List members' demands", "", "", {json}, demand_list},
      {"demand add",
       "Add a member's demand",
       "",
       "",
       {{"member", "", "the member", "SIRET"},
        {"skill", "", "the skill needed", "SKILL"},
        {"hours", "", "hours a week", "HOURS"},
        {"weekdays", "", "preferred weekdays, e.g. 1,2 (1 = Monday)", "LIST"},
        {"from", "", "first day", "YYYY-MM-DD"},
        {"to", "", "last day", "YYYY-MM-DD"}},
       demand_add},
  };
}

}  // namespace gepaie::cli
