// gepaie split
#include "command.h"
#include "context.h"
#include "gepaie/app/billing.h"
#include "gepaie/core/error.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

int split_year(Context& context, const Arguments& args) {
  const int year = static_cast<int>(*int_option(args, "year", 1, 9999));
  auto [rows, names] = app::year_regularisation(context, context.actor(), year);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& r : rows) {
      json.begin_object();
      json.key("member").string(r.member_siret);
      json.key("billed").number(r.billed.str());
      json.key("cost_share").number(r.cost_share.str());
      json.key("difference").number(r.difference.str());
      json.end_object();
    }
    json.end_array();
    json.finish();
    return 0;
  }
  Table table({{"Member"},
               {"Name", Align::Left, 36},
               {"Billed (coefficient)", Align::Right},
               {"Real cost share", Align::Right},
               {"Regularisation", Align::Right}});
  for (const auto& r : rows) {
    table.add({r.member_siret, names[r.member_siret], amount(r.billed), amount(r.cost_share),
               amount(r.difference)});
  }
  table.print(context.out());
  context.out() << "Coefficient members, " << year
                << ": a positive regularisation is owed by the member, a negative one is "
                   "refunded.\n";
  return 0;
}

int split(Context& context, const Arguments& args) {
  if (args.option("year")) {
    if (!args.flag("regularisation")) {
      throw bad_input("--year goes with --regularisation (the year-end comparison)");
    }
    return split_year(context, args);
  }
  const Month month = month_option(args);
  auto [result, names] = app::month_split(context, context.actor(), month);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_object();
    json.key("month").string(month.str());
    json.key("closed").number(result.closed ? "true" : "false");
    json.key("total_cost").number(result.payslip_total_cost.str());
    json.key("members").begin_array();
    for (const auto& t : result.totals) {
      json.begin_object();
      json.key("member").string(t.member_siret);
      json.key("name").string(names[t.member_siret]);
      json.key("hours").number(t.hours.str());
      json.key("employees").number(std::to_string(t.employees));
      json.key("cost_share").number(t.cost_share.str());
      json.key("expenses").number(t.expenses.str());
      json.end_object();
    }
    json.end_array();
    json.key("shares").begin_array();
    for (const auto& s : result.shares) {
      json.begin_object();
      json.key("employee").string(s.employee_number);
      json.key("member").string(s.member_siret);
      json.key("hours").number(s.hours.str());
      json.key("basis").string(billing::to_string(s.basis));
      json.key("cost_share").number(s.cost_share.str());
      json.key("expenses").number(s.expenses.str());
      json.end_object();
    }
    json.end_array();
    json.end_object();
    json.finish();
    return 0;
  }
  context.out() << "Répartition des coûts — " << month.french()
                << (result.closed ? " (closed)" : " (draft pay run)") << "\n";
  Table table({{"Member"},
               {"Name", Align::Left, 40},
               {"Employees", Align::Right},
               {"Hours", Align::Right},
               {"Cost share", Align::Right},
               {"Expenses", Align::Right}});
  Money shares;
  Money expenses;
  Hours hours;
  for (const auto& t : result.totals) {
    table.add({t.member_siret, names[t.member_siret], std::to_string(t.employees), t.hours.str(),
               amount(t.cost_share), optional_amount(t.expenses)});
    shares += t.cost_share;
    expenses += t.expenses;
    hours += t.hours;
  }
  table.add({"Total", "", "", hours.str(), amount(shares), optional_amount(expenses)});
  table.print(context.out());
  context.out() << "Employer cost over the payslips " << amount(result.payslip_total_cost)
                << " = total of the shares " << amount(shares)
                << (shares == result.payslip_total_cost ? " ✓" : " ✗ MISMATCH") << "\n";
  return shares == result.payslip_total_cost ? 0 : 1;
}

}  // namespace

std::vector<Command> split_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec json{"json", "", "JSON output", ""};
  return {
      {"split",
       "Each employee's cost shared among the members, to the cent",
       "",
       "The employer total cost (gross + employer contributions − reductions + other costs)\n"
       "in proportion to the approved hours at each member; without hours in the month, the\n"
       "hours of the reference window (payroll.split_reference_months), else the contract's\n"
       "members equally. Expenses go to the member they were incurred at. Largest-remainder\n"
       "rounding: the shares add up to the cost exactly. --year Y --regularisation compares\n"
       "what coefficient members were billed with their real cost shares.",
       {month,
        {"year", "", "with --regularisation: the year to compare", "YYYY"},
        {"regularisation", "", "year-end comparison of the coefficient members", ""},
        json},
       split},
  };
}

}  // namespace gepaie::cli
