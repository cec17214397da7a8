// gepaie payroll run | payroll show
#include "command.h"
#include "context.h"
#include "format.h"
#include "gepaie/app/payroll.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

void print_journal(std::ostream& out, const std::vector<store::StoredPayslip>& payslips) {
  Table table({{"Employee"},
               {"Name", Align::Left, 24},
               {"Hours", Align::Right},
               {"Gross", Align::Right},
               {"Empl. contrib.", Align::Right},
               {"Net taxable", Align::Right},
               {"PAS", Align::Right},
               {"Net paid", Align::Right},
               {"Employer contrib.", Align::Right},
               {"Total cost", Align::Right}});
  payroll::Totals sum;
  Money total_cost;
  Hours hours;
  for (const auto& p : payslips) {
    const auto& t = p.totals;
    table.add({p.employee_number, p.employee_name, p.worked.str(), amount(t.gross),
               amount(t.employee_contributions), amount(t.net_taxable), amount(t.income_tax),
               amount(t.net_paid), amount(t.employer_contributions), amount(p.total_cost)});
    sum.gross += t.gross;
    sum.employee_contributions += t.employee_contributions;
    sum.net_taxable += t.net_taxable;
    sum.income_tax += t.income_tax;
    sum.net_paid += t.net_paid;
    sum.employer_contributions += t.employer_contributions;
    total_cost += p.total_cost;
    hours += p.worked;
  }
  table.add({"Total", std::to_string(payslips.size()) + " payslips", hours.str(), amount(sum.gross),
             amount(sum.employee_contributions), amount(sum.net_taxable), amount(sum.income_tax),
             amount(sum.net_paid), amount(sum.employer_contributions), amount(total_cost)});
  table.print(out);
}

void json_payslip(JsonWriter& json, const store::StoredPayslip& p) {
  json.begin_object();
  json.key("employee").string(p.employee_number);
  json.key("name").string(p.employee_name);
  json.key("contract").string(p.contract_reference);
  json.key("month").string(p.month.str());
  json.key("weekly_hours").number(p.weekly_hours.str());
  json.key("monthly_base").number(p.monthly_base.str());
  json.key("hourly_rate").number(p.hourly_rate.str());
  json.key("hours_worked").number(p.worked.str());
  json.key("overtime_25").number(p.overtime_first.str());
  json.key("overtime_50").number(p.overtime_second.str());
  json.key("extra_10").number(p.extra_first.str());
  json.key("extra_25").number(p.extra_second.str());
  json.key("unpaid_absence_hours").number(p.unpaid.str());
  json.key("paid_leave_hours").number(p.paid_leave.str());
  for (const auto& [name, value] : p.totals.named()) {
    json.key(name).number(value.str());
  }
  json.key("income_tax_rate").number(p.income_tax_rate.percent_str());
  json.key("other_costs").number(p.other_costs.str());
  json.key("total_cost").number(p.total_cost.str());
  json.key("expenses").number(p.expenses.str());
  json.key("leave_earned_days").number(days_decimal(p.leave_earned));
  json.key("leave_taken_days").number(days_decimal(p.leave_taken));
  json.key("leave_balance").begin_object();
  json.key("previous_period_remaining").number(days_decimal(p.leave_n1_remaining));
  json.key("current_period_earned").number(days_decimal(p.leave_n_earned));
  json.key("current_period_remaining").number(days_decimal(p.leave_n_remaining));
  json.end_object();
  json.key("year_to_date").begin_object();
  json.key("gross").number(p.year_to_date.gross.str());
  json.key("net_taxable").number(p.year_to_date.net_taxable.str());
  json.key("income_tax").number(p.year_to_date.income_tax.str());
  json.key("overtime_tax_exempt").number(p.year_to_date.overtime_tax_exempt.str());
  json.end_object();
  if (!p.lines.empty()) {
    json.key("lines").begin_array();
    for (const auto& line : p.lines) {
      json.begin_object();
      json.key("code").string(line.code);
      json.key("label").string(line.label);
      json.key("kind").string(line.kind);
      json.key("group").string(line.group);
      json.key("hours").number(line.hours.str());
      json.key("base").number(line.base.str());
      json.key("employee_rate");
      line.employee_rate ? json.number(line.employee_rate->percent_str()) : json.null();
      json.key("employee_amount").number(line.employee_amount.str());
      json.key("employer_rate");
      line.employer_rate ? json.number(line.employer_rate->percent_str()) : json.null();
      json.key("employer_amount").number(line.employer_amount.str());
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
}

void print_payslip(std::ostream& out, const store::StoredPayslip& p) {
  out << "Bulletin " << p.month.french() << " — " << p.employee_number << " " << p.employee_name
      << " (" << p.contract_reference << ", " << p.weekly_hours.str() << " h/semaine)\n";
  Table table({{"Code", Align::Left, 28},
               {"Label", Align::Left, 44},
               {"Base", Align::Right},
               {"Rate", Align::Right},
               {"Employee", Align::Right},
               {"Employer rate", Align::Right},
               {"Employer", Align::Right}});
  for (const auto& line : p.lines) {
    table.add({line.code, line.label, optional_amount(line.base), rate_text(line.employee_rate),
               optional_amount(line.employee_amount), rate_text(line.employer_rate),
               optional_amount(line.employer_amount)});
  }
  table.print(out);
  const auto& t = p.totals;
  out << "Brut " << amount(t.gross) << " · net imposable " << amount(t.net_taxable) << " · PAS "
      << amount(t.income_tax) << " · net payé " << amount(t.net_paid) << "\n"
      << "Coût employeur " << amount(t.employer_cost) << " + autres coûts " << amount(p.other_costs)
      << " = " << amount(p.total_cost) << "\n"
      << "Congés payés: acquis " << days_text(p.leave_earned) << " j, pris "
      << days_text(p.leave_taken) << " j; solde N-1 " << days_text(p.leave_n1_remaining)
      << " j, N acquis " << days_text(p.leave_n_earned) << " j · cumuls " << p.month.year()
      << ": brut " << amount(p.year_to_date.gross) << ", net imposable "
      << amount(p.year_to_date.net_taxable) << ", PAS " << amount(p.year_to_date.income_tax)
      << "\n";
}

int payroll_run(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto report = app::run_payroll(context, context.actor(), month);
  context.logger().information("pay run %s: %d payslips", month.str(), report.payslips);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_object();
    json.key("month").string(month.str());
    json.key("payslips").number(std::to_string(report.payslips));
    json.key("headcount").number(std::to_string(report.headcount));
    json.key("gross").number(report.gross.str());
    json.key("net_paid").number(report.net_paid.str());
    json.key("employer_cost").number(report.employer_cost.str());
    json.key("total_cost").number(report.total_cost.str());
    json.key("expenses").number(report.expenses.str());
    json.end_object();
    json.finish();
    return 0;
  }
  print_journal(context.out(),
                app::payslips(context, context.actor(), month, std::nullopt).payslips);
  context.out() << month.str() << ": " << report.payslips
                << " payslips (draft: a new run replaces them until the month is closed); read "
                << seconds_text(report.read_seconds) << ", compute "
                << seconds_text(report.compute_seconds) << ", write "
                << seconds_text(report.write_seconds) << "\n";
  return 0;
}

int payroll_show(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto employee = args.option("employee");
  const auto [closed, payslips] = app::payslips(context, context.actor(), month, employee);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& p : payslips) {
      json_payslip(json, p);
    }
    json.end_array();
    json.finish();
  } else if (employee) {
    print_payslip(context.out(), payslips.front());
  } else {
    context.out() << "Journal de paie — " << month.french() << (closed ? " (closed)" : " (draft)")
                  << "\n";
    print_journal(context.out(), payslips);
  }
  return 0;
}

}  // namespace

std::vector<Command> payrun_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec json{"json", "", "JSON output", ""};
  return {
      {"payroll run",
       "Compute and store the month's payslips (draft until the close)",
       "",
       "Every employee with a contract active in the month, from the contract, the approved\n"
       "timesheets, absences and the schedule: overtime (+25 %/+50 %) and extra hours\n"
       "(+10 %/+25 %) per civil week — a week belongs to the month holding its Sunday —,\n"
       "unpaid absences at the real-hours rate, paid leave at the higher of maintien and\n"
       "dixième, leave earned, entry and exit, CDD end indemnity, leave compensation,\n"
       "year-to-date cumulatives. A new run replaces the draft completely; a closed month\n"
       "refuses it.",
       {month, json},
       payroll_run},
      {"payroll show",
       "The month's payroll journal, or one payslip with --employee",
       "",
       "",
       {month, {"employee", "", "one employee's payslip, line by line", "NUMBER"}, json},
       payroll_show},
  };
}

}  // namespace gepaie::cli
