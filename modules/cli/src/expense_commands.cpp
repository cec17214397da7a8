// gepaie expense add | list
#include "command.h"
#include "context.h"
#include "gepaie/app/billing.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

int expense_add(Context& context, const Arguments& args) {
  require_options(args, {"employee", "member", "date", "amount", "label"});
  store::Expense expense;
  expense.employee_number = *args.option("employee");
  expense.member_siret = *args.option("member");
  expense.day = *date_option(args, "date");
  expense.amount = *money_option(args, "amount");
  expense.label = *args.option("label");
  app::add_expense(context, context.actor(), expense);
  context.out() << "expense of " << expense.amount.french() << " recorded for "
                << expense.employee_number << " at " << expense.member_siret << "\n";
  return 0;
}

int expense_list(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto expenses = app::list_expenses(context, context.actor(), month);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& e : expenses) {
      json.begin_object();
      json.key("employee").string(e.employee_number);
      json.key("member").string(e.member_siret);
      json.key("date").string(e.day.str());
      json.key("amount").number(e.amount.str());
      json.key("label").string(e.label);
      json.end_object();
    }
    json.end_array();
    json.finish();
    return 0;
  }
  Table table(
      {{"Date"}, {"Employee"}, {"Member"}, {"Amount", Align::Right}, {"Label", Align::Left, 50}});
  for (const auto& e : expenses) {
    table.add({e.day.french(), e.employee_number, e.member_siret, amount(e.amount), e.label});
  }
  table.print(context.out());
  return 0;
}

}  // namespace

std::vector<Command> expense_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec json{"json", "", "JSON output", ""};
  return {
      {"expense add",
       "Record an expense incurred at a member (refunded, billed to that member)",
       "",
       "",
       {{"employee", "", "the employee", "NUMBER"},
        {"member", "", "the member it was incurred for", "SIRET"},
        {"date", "", "the day", "YYYY-MM-DD"},
        {"amount", "", "euros", "AMOUNT"},
        {"label", "", "what it was", "TEXT"}},
       expense_add},
      {"expense list", "The month's expenses", "", "", {month, json}, expense_list},
  };
}

}  // namespace gepaie::cli
