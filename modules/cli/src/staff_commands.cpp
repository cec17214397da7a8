// gepaie staff check | staff propose
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

int staff_check(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const app::CheckResult check = app::check_month(context, context.actor(), month);
  const auto& violations = check.violations;
  const int errors = check.errors();
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
                  << " warnings (" << check.entries << " work entries checked)\n";
  }
  return args.flag("strict") && errors > 0 ? 1 : 0;
}

int staff_propose(Context& context, const Arguments& args) {
  if (!args.option("from") || !args.option("to")) {
    throw bad_input("--from DATE and --to DATE are required");
  }
  const Date from = *date_option(args, "from");
  const Date to = *date_option(args, "to");
  app::ProposalRequest request{from, to, args.flag("apply"),
                               decimal_option(args, "time-limit", 0.1, 86400).value_or(20.0)};
  const app::ProposalResult result = app::propose_allocations(context, context.actor(), request);
  const staffing::Proposal& proposal = result.proposal;
  if (args.flag("json")) {
    auto root = json_object();
    root->set("from", from.str());
    root->set("to", to.str());
    root->set("open_demands", result.open_demands);
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
    context.out() << result.open_demands << " open demands between " << from.french() << " and "
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
      table.add({a.employee_number, a.member_siret, weekday_short(a.weekday),
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
    context.out() << result.written << " slots written to the schedule\n";
  } else if (!args.flag("json")) {
    context.out() << "nothing written (use --apply)\n";
  }
  return 0;
}

}  // namespace

std::vector<Command> staff_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec employee{"employee", "", "only this employee", "NUMBER"};
  const OptionSpec member{"member", "", "only this member", "SIRET"};
  return {
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
}

}  // namespace gepaie::cli
