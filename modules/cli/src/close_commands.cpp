// gepaie close | period list
#include <csignal>
#include <cstdlib>

#include "command.h"
#include "context.h"
#include "format.h"
#include "gepaie/app/close.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

int close(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  app::CloseRequest request;
  request.month = month;
  request.force = args.flag("force");
  request.reason = args.option("reason").value_or("");
  if (auto date = date_option(args, "issue-date")) {
    request.issue_date = *date;
  }
#ifdef GEPAIE_TEST_HOOKS
  // Test builds only: GEPAIE_KILL_AT=<stage> kills the process at that stage (the crash test).
  const char* kill_at = std::getenv("GEPAIE_KILL_AT");
  const std::string kill_stage = kill_at == nullptr ? "" : kill_at;
#endif
  request.stage = [&](const std::string& stage) {
    context.logger().debug("close: " + stage);
    context.progress("close: " + stage);
#ifdef GEPAIE_TEST_HOOKS
    if (stage == kill_stage) {
      std::raise(SIGKILL);
    }
#endif
  };
  const auto report = app::close_month(context, context.actor(args.option("by")), request);
  context.logger().information("closed %s: %d payslips, %d invoices", month.str(),
                               report.pay_run.payslips, static_cast<int>(report.invoices.size()));
  const auto& r = report.reconciliation;
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_object();
    json.key("month").string(month.str());
    json.key("payslips").number(std::to_string(report.pay_run.payslips));
    json.key("invoices").begin_array();
    for (const auto& number : report.invoices) {
      json.string(number);
    }
    json.end_array();
    json.key("forced_violations").number(std::to_string(report.violations));
    json.key("employer_cost").number(r.payslip_cost.str());
    json.key("shares").number(r.shares.str());
    json.key("cost_split_billed").number(r.cost_split_billed.str());
    json.key("coefficient_billed").number(r.coefficient_billed.str());
    json.key("coefficient_shares").number(r.coefficient_shares.str());
    json.key("expenses").number(r.expenses.str());
    json.key("fees").number(r.fees.str());
    json.key("vat").number(r.vat.str());
    json.key("invoiced_total").number(r.invoiced_total.str());
    json.end_object();
    json.finish();
    return 0;
  }
  std::ostream& out = context.out();
  out << month.str() << " closed: " << report.timesheets << " approved timesheets, "
      << report.pay_run.payslips << " payslips, " << report.invoices.size() << " invoices";
  if (!report.invoices.empty()) {
    out << " (" << report.invoices.front() << " to " << report.invoices.back() << ")";
  }
  out << "\n";
  if (report.violations > 0) {
    out << report.violations << " working-time errors accepted (--force): " << request.reason
        << "\n";
  }
  Table table({{"Reconciliation", Align::Left, 60}, {"Amount", Align::Right}});
  table.add({"Total employer cost (payslips)", amount(r.payslip_cost)});
  table.add({"Total of the members' shares", amount(r.shares)});
  table.add({"Invoiced before fees and VAT, cost-split members", amount(r.cost_split_billed)});
  table.add({"Shares of the cost-split members", amount(r.cost_split_shares)});
  table.add({"Billed by coefficient (fee included)", amount(r.coefficient_billed)});
  table.add({"Shares of the coefficient members (year-end regularisation)",
             amount(r.coefficient_shares)});
  table.add({"Expenses billed to the members concerned", amount(r.expenses)});
  table.add({"Management fees", amount(r.fees)});
  table.add({"VAT", amount(r.vat)});
  table.add({"Invoiced, all taxes included", amount(r.invoiced_total)});
  table.print(out);
  out << "Employer cost = shares = cost-split billing + coefficient shares: "
      << (r.balanced() ? "balanced to the cent" : "NOT BALANCED") << "\n";
  out << "Time: checks " << seconds_text(report.check_seconds) << ", pay run read "
      << seconds_text(report.pay_run.read_seconds) << " + compute "
      << seconds_text(report.pay_run.compute_seconds) << " + write "
      << seconds_text(report.pay_run.write_seconds) << ", split "
      << seconds_text(report.split_seconds) << ", invoices " << seconds_text(report.invoice_seconds)
      << ", commit " << seconds_text(report.commit_seconds) << "\n";
  return 0;
}

int period_list(Context& context, const Arguments& args) {
  const auto periods = app::list_periods(context, context.actor());
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& p : periods) {
      json.begin_object();
      json.key("month").string(p.month.str());
      json.key("state").string(p.closed ? "closed" : "open");
      json.key("pay_run_at").string(p.pay_run_at);
      json.key("closed_at").string(p.closed_at);
      json.key("closed_by").string(p.closed_by);
      json.key("forced_reason").string(p.forced_reason);
      json.end_object();
    }
    json.end_array();
    json.finish();
    return 0;
  }
  Table table(
      {{"Month"}, {"State"}, {"Pay run"}, {"Closed"}, {"By"}, {"Forced because", Align::Left, 50}});
  for (const auto& p : periods) {
    table.add({p.month.str(), p.closed ? "closed" : "open", p.pay_run_at, p.closed_at, p.closed_by,
               p.forced_reason});
  }
  table.print(context.out());
  return 0;
}

}  // namespace

std::vector<Command> close_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec json{"json", "", "JSON output", ""};
  return {
      {"close",
       "Close the month: checks, pay run, split, invoices, lock — as one unit",
       "",
       "Refuses unless every timesheet is approved and there is no working-time error (or\n"
       "--force --reason \"...\", recorded). Then runs the pay run and the split, issues one\n"
       "invoice per member (continuous numbers) and locks the month, in one transaction: an\n"
       "interrupted close leaves the month as it was. Prints the reconciliation.",
       {month,
        {"force", "", "close despite working-time errors", ""},
        {"reason", "", "why (required with --force)", "TEXT"},
        {"by", "", "who closes (default: the `operator:` setting, else the Unix user)", "NAME"},
        {"issue-date", "", "date of the invoices (default today)", "YYYY-MM-DD"},
        json},
       close},
      {"period list", "Months paid or closed, with who closed them", "", "", {json}, period_list},
  };
}

}  // namespace gepaie::cli
