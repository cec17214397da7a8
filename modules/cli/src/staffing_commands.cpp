// gepaie schedule | demand | timesheet | staff check
#include <algorithm>
#include <map>

#include "command.h"
#include "context.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/staffing/solver.h"
#include "gepaie/store/staffing_store.h"
#include "table.h"

namespace gepaie::cli {
namespace {

using config::format_time_of_day;
using Poco::JSON::Array;

const char* kWeekdays[] = {"", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};

int count_errors(const std::vector<staffing::Violation>& violations) {
  return static_cast<int>(std::count_if(violations.begin(), violations.end(), [](const auto& v) {
    return v.severity == staffing::Severity::Error;
  }));
}

// The violations as an aligned table (nothing when there are none); returns the error count.
int print_violations(std::ostream& out, const std::vector<staffing::Violation>& violations) {
  Table table({{"Employee"},
               {"Severity"},
               {"Rule"},
               {"Date / week"},
               {"Found", Align::Right},
               {"Limit", Align::Right},
               {"Detail", Align::Left, 50}});
  for (const auto& v : violations) {
    table.add({v.employee_number, staffing::to_string(v.severity), v.rule,
               v.week.empty() ? v.date.str() : v.week, v.value.clock_str(), v.limit.clock_str(),
               v.message});
  }
  if (!violations.empty()) {
    table.print(out);
  }
  return count_errors(violations);
}

int schedule_set(Context& context, const Arguments& args) {
  const config::ScheduleFile file = config::read_schedule_file(args.positional.front());
  const store::ScheduleReport report = store::set_schedule(context.db(), file);
  context.out() << file.name << "\n  demands: " << report.demands_added << " added, "
                << report.demands_unchanged << " unchanged\n  schedule: " << report.allocations
                << " slots for " << report.employees << " employees\n";
  if (file.allocations.empty()) {
    return 0;
  }
  // The same checks as `staff check`, on the first whole week of the saved schedule.
  Date first = file.allocations.front().record.from;
  for (const auto& placed : file.allocations) {
    first = std::min(first, placed.record.from);
  }
  const Date monday = first.plus_days(first.weekday() == 1 ? 0 : 8 - first.weekday());
  staffing::CheckInput input;
  input.from = monday;
  input.to = monday.plus_days(6);
  input.employments = store::employment_periods(context.db());
  for (const auto& slot : store::list_allocations(context.db())) {
    const Date day = monday.plus_days(slot.weekday - 1);
    if (slot.active_on(day)) {
      input.work.push_back(
          {slot.employee_number, slot.member_siret, day, slot.start, slot.end, slot.duration()});
    }
  }
  const staffing::WorkingTimeLimits limits = context.working_time_limits(monday);
  const auto violations = staffing::check_working_time(input, limits);
  const int errors = print_violations(context.out(), violations);
  context.out() << "working-time check of the week " << monday.iso_week() << ": " << errors
                << " errors, " << violations.size() - errors << " warnings\n";
  return 0;
}

int schedule_show(Context& context, const Arguments& args) {
  auto allocations = store::list_allocations(context.db());
  std::optional<Date> monday;
  if (auto week = args.option("week")) {
    // YYYY-Www: the Monday of that ISO week.
    if (week->size() != 8 || (*week)[4] != '-' || (*week)[5] != 'W') {
      throw bad_input("--week must be YYYY-Www, e.g. 2026-W48");
    }
    const int year = std::stoi(week->substr(0, 4));
    const int number = std::stoi(week->substr(6, 2));
    const Date jan4 = *Date::from_ymd(year, 1, 4);
    monday = jan4.plus_days(1 - jan4.weekday() + 7 * (number - 1));
    if (monday->iso_week() != *week) {
      throw bad_input("no such week: " + *week);
    }
  }
  std::erase_if(allocations, [&](const staffing::Allocation& a) {
    if (args.option("employee") && a.employee_number != *args.option("employee")) {
      return true;
    }
    if (args.option("member") && a.member_siret != *args.option("member")) {
      return true;
    }
    if (monday) {
      const Date day = monday->plus_days(a.weekday - 1);
      return day < a.from || (a.to && *a.to < day);
    }
    return false;
  });
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
    table.add({a.employee_number, a.member_siret, kWeekdays[a.weekday], format_time_of_day(a.start),
               format_time_of_day(a.end), a.duration().str(), a.from.french(),
               a.to ? a.to->french() : ""});
    weekly[a.employee_number] += a.duration();
  }
  table.print(context.out());
  context.out() << allocations.size() << " slots, " << weekly.size() << " employees\n";
  return 0;
}

int demand_list(Context& context, const Arguments& args) {
  const auto demands = store::list_demands(context.db());
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
      days += (days.empty() ? "" : " ") + std::string(kWeekdays[day]);
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
  config::ScheduleFile file;
  file.name = "command line";
  staffing::Demand demand;
  demand.member_siret = *args.option("member");
  demand.skill = *args.option("skill");
  demand.weekly_hours = Hours::parse(*args.option("hours"));
  demand.from = Date::parse(*args.option("from"));
  demand.to = Date::parse(*args.option("to"));
  if (demand.to < demand.from || demand.weekly_hours.minutes() <= 0) {
    throw bad_input("a demand needs positive hours and an end on or after its start");
  }
  for (char c : args.option("weekdays").value_or("")) {
    if (c >= '1' && c <= '7') {
      demand.weekdays.push_back(c - '0');
    } else if (c != ',') {
      throw bad_input("--weekdays is a list such as 1,2,4 (1 = Monday)");
    }
  }
  file.demands.push_back({demand, {}});
  const auto report = store::set_schedule(context.db(), file);
  context.out() << (report.demands_added ? "demand added\n" : "the same demand exists already\n");
  return 0;
}

int timesheet_generate(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto report = store::generate_timesheets(context.db(), month);
  context.out() << month.str() << ": " << report.timesheets << " draft timesheets, "
                << report.entries << " slots of expected work from the schedule; "
                << report.holidays_skipped << " scheduled slots on public holidays left out; "
                << report.skipped_not_draft << " timesheets already submitted or approved kept\n";
  return 0;
}

int timesheet_import(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const config::TimesheetFile file = config::read_timesheet_file(args.positional.front(), month);
  const auto report = store::import_timesheet(context.db(), file, month);
  context.out() << file.name << ": " << report.work_entries << " work entries, " << report.absences
                << " absences\n";
  // The same checks as `staff check`, on the month just saved.
  const staffing::WorkingTimeLimits limits = context.working_time_limits(month.first_day());
  const auto violations = staffing::check_working_time(
      store::check_input(context.db(), month, limits.average_weeks), limits);
  const int errors = print_violations(context.out(), violations);
  context.out() << "working-time check of " << month.str() << ": " << errors << " errors, "
                << violations.size() - errors << " warnings\n";
  return 0;
}

int timesheet_show(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  store::Database& db = context.db();
  auto sheets = store::timesheet_summaries(db, month);
  if (auto employee = args.option("employee")) {
    std::erase_if(sheets, [&](const auto& s) { return s.employee_number != *employee; });
  }
  const auto absences = store::absence_entries(db, month.first_day(), month.last_day());
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
  const int count = store::submit_timesheets(context.db(), month_option(args),
                                             args.option("employee"), args.option("member"));
  context.out() << count << " timesheets submitted\n";
  return 0;
}

int timesheet_approve(Context& context, const Arguments& args) {
  if (!args.option("member") || !args.option("by")) {
    throw bad_input("--member SIRET and --by NAME are required: a member approves its timesheets");
  }
  const int count =
      store::approve_timesheets(context.db(), month_option(args), *args.option("member"),
                                args.option("employee"), *args.option("by"));
  context.out() << count << " timesheets approved by " << *args.option("by") << "\n";
  return 0;
}

int staff_check(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const staffing::WorkingTimeLimits limits = context.working_time_limits(month.first_day());
  const auto input = store::check_input(context.db(), month, limits.average_weeks);
  const auto violations = staffing::check_working_time(input, limits);
  const int errors = count_errors(violations);
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& v : violations) {
      auto json = json_object();
      json->set("employee", v.employee_number);
      json->set("rule", v.rule);
      json->set("severity", staffing::to_string(v.severity));
      json->set("date", v.date.str());
      json->set("week", v.week);
      json->set("value", v.value.str());
      json->set("limit", v.limit.str());
      json->set("member", v.member_siret);
      json->set("message", v.message);
      list->add(json);
    }
    auto root = json_object();
    root->set("month", month.str());
    root->set("errors", errors);
    root->set("warnings", static_cast<int>(violations.size()) - errors);
    root->set("violations", list);
    print_json(context.out(), root);
  } else {
    print_violations(context.out(), violations);
    context.out() << month.str() << ": " << errors << " errors, " << violations.size() - errors
                  << " warnings (" << input.work.size() << " work entries checked)\n";
  }
  return args.flag("strict") && errors > 0 ? 1 : 0;
}

int staff_propose(Context& context, const Arguments& args) {
  if (!args.option("from") || !args.option("to")) {
    throw bad_input("--from DATE and --to DATE are required");
  }
  const Date from = Date::parse(*args.option("from"));
  const Date to = Date::parse(*args.option("to"));
  if (to < from) {
    throw bad_input("--to is before --from");
  }
  store::Database& db = context.db();
  staffing::ProposalInput input;
  input.week = from;
  input.limits = context.working_time_limits(from);
  for (auto& period : store::employment_periods(db)) {
    if (period.active_on(from)) {
      input.employees.push_back(std::move(period));
    }
  }
  const Date monday = from.plus_days(1 - from.weekday());
  for (const auto& slot : store::list_allocations(db)) {
    const Date day = monday.plus_days(slot.weekday - 1);
    if (slot.from <= day && (!slot.to || day <= *slot.to)) {
      input.existing.push_back(slot);
    }
  }
  // Open demand: what the current schedule does not cover yet (slots at the member by
  // employees with the skill), demand by demand.
  std::map<std::pair<std::string, std::string>, int64_t> covered;  // (member, skill) -> minutes
  for (const auto& slot : input.existing) {
    for (const auto& employee : input.employees) {
      if (employee.employee_number == slot.employee_number) {
        for (const auto& skill : employee.skills) {
          covered[{slot.member_siret, skill}] += slot.end - slot.start;
        }
      }
    }
  }
  for (auto demand : store::list_demands(db)) {
    if (demand.to < from || to < demand.from) {
      continue;
    }
    int64_t& used = covered[{demand.member_siret, demand.skill}];
    const int64_t take = std::min<int64_t>(used, demand.weekly_hours.minutes());
    used -= take;
    demand.weekly_hours = Hours::from_minutes(demand.weekly_hours.minutes() - take);
    if (demand.weekly_hours.minutes() > 0) {
      input.demands.push_back(demand);
    }
  }
  const double limit = args.option("time-limit") ? std::stod(*args.option("time-limit")) : 20.0;
  const staffing::Proposal proposal = staffing::make_glpk_solver()->propose(input, limit);
  if (args.flag("json")) {
    auto root = json_object();
    root->set("from", from.str());
    root->set("to", to.str());
    root->set("open_demands", static_cast<int>(input.demands.size()));
    Array::Ptr list = new Array;
    for (const auto& p : proposal.allocations) {
      auto json = json_object();
      json->set("employee", p.allocation.employee_number);
      json->set("member", p.allocation.member_siret);
      json->set("weekday", p.allocation.weekday);
      json->set("start", format_time_of_day(p.allocation.start));
      json->set("end", format_time_of_day(p.allocation.end));
      json->set("demand", p.demand_id);
      list->add(json);
    }
    root->set("allocations", list);
    Array::Ptr unmet = new Array;
    for (const auto& u : proposal.unmet) {
      auto json = json_object();
      json->set("demand", u.demand_id);
      json->set("hours", u.hours.str());
      json->set("reason", u.reason);
      unmet->add(json);
    }
    root->set("unmet", unmet);
    root->set("unmet_hours", proposal.unmet_total.str());
    root->set("optimal", proposal.optimal);
    root->set("gap", proposal.optimality_gap);
    root->set("gap_unmet", proposal.gaps.unmet);
    root->set("gap_member_days", proposal.gaps.member_days);
    root->set("gap_moves", proposal.gaps.moves);
    root->set("applied", args.flag("apply"));
    print_json(context.out(), root);
  } else {
    context.out() << input.demands.size() << " open demands between " << from.french() << " and "
                  << to.french() << "\n\n";
    Table table({{"Employee"},
                 {"Member"},
                 {"Day"},
                 {"From"},
                 {"To"},
                 {"Hours", Align::Right},
                 {"Demand", Align::Right}});
    for (const auto& p : proposal.allocations) {
      const auto& a = p.allocation;
      table.add({a.employee_number, a.member_siret, kWeekdays[a.weekday],
                 format_time_of_day(a.start), format_time_of_day(a.end), a.duration().str(),
                 std::to_string(p.demand_id)});
    }
    table.print(context.out());
    for (const auto& u : proposal.unmet) {
      context.out() << "unmet: demand " << u.demand_id << ", " << u.hours.str()
                    << " h a week: " << u.reason << "\n";
    }
    context.out() << proposal.allocations.size() << " slots proposed, "
                  << proposal.unmet_total.str() << " h a week unmet; solver "
                  << (proposal.optimal ? "proved every stage optimal" : "stopped at its time limit")
                  << " (gaps: unmet hours " << proposal.gaps.unmet * 100 << " %, members per day "
                  << proposal.gaps.member_days * 100 << " %, moves " << proposal.gaps.moves * 100
                  << " %), " << proposal.seconds << " s\n";
  }
  if (args.flag("apply")) {
    const int written =
        store::apply_proposal(db, proposal.allocations, proposal.removed_allocation_ids, from, to);
    context.out() << written << " slots written to the schedule\n";
  } else if (!args.flag("json")) {
    context.out() << "nothing written (use --apply)\n";
  }
  return 0;
}

}  // namespace

std::vector<Command> staffing_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec employee{"employee", "", "only this employee", "NUMBER"};
  const OptionSpec member{"member", "", "only this member", "SIRET"};
  std::vector<Command> commands = {
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
       "Submit draft timesheets (draft → submitted)",
       "",
       "",
       {month, employee, member},
       timesheet_submit},
      {"timesheet approve",
       "A member approves submitted timesheets (recorded with who and when)",
       "",
       "",
       {month, member, employee, {"by", "", "who approves", "NAME"}},
       timesheet_approve},
      {"staff check",
       "Check working-time law on the month's timesheets",
       "",
       "Daily 10 h and 11 h rest, weekly 48 h and 44 h over 12 weeks, part-time limits, members\n"
       "the contract does not list, work outside the contract, public holidays (warning).\n"
       "Limits come from config/rates. --strict exits with status 1 when an error is found.",
       {month, json, {"strict", "", "exit 1 when a violation of severity error is found", ""}},
       staff_check},
      {"staff propose",
       "Propose allocations for open demands (mixed-integer solver)",
       "",
       "Matches members' open demands with employees' free contractual hours, within every\n"
       "working-time rule, the contracts' member lists (L1253-9) and skills. Objective, in order:\n"
       "least unmet hours, fewest members per employee per day, least change. Prints the\n"
       "proposal and what stays unmet and why; writes it only with --apply (one transaction).",
       {{"from", "", "first day", "YYYY-MM-DD"},
        {"to", "", "last day of the proposed slots' validity", "YYYY-MM-DD"},
        {"apply", "", "write the proposal to the schedule", ""},
        {"time-limit", "", "solver time limit in seconds (default 20)", "SECONDS"},
        json},
       staff_propose},
  };
  return commands;
}

}  // namespace gepaie::cli
