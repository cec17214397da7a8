// gepaie payroll run | payroll show | split | invoice | expense | close | period list
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>

#include "command.h"
#include "context.h"
#include "gepaie/core/error.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/close.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

using billing::InvoiceLineKind;

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string seconds(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", value);
  return text;
}

std::string days_text(int hundredths) {
  std::string text = std::to_string(hundredths / 100);
  if (hundredths % 100 != 0) {
    char decimals[8];
    std::snprintf(decimals, sizeof decimals, ",%02d", std::abs(hundredths % 100));
    text += decimals;
  }
  return text;
}

// Hundredths of a day as a JSON decimal: 250 → "2.50".
std::string days_decimal(int hundredths) {
  return Money::from_cents(hundredths).str();
}

// ---- payroll run / show ---------------------------------------------------------------------

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
  store::Database& db = context.db();
  context.progress("Pay run " + month.str() + "...");
  const auto report =
      store::run_payroll_alone(db, context.rates(), context.settings().payroll, month);
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
  print_journal(context.out(), store::load_payslips(db, month, std::nullopt, false));
  context.out() << month.str() << ": " << report.payslips
                << " payslips (draft: a new run replaces them until the month is closed); read "
                << seconds(report.read_seconds) << ", compute " << seconds(report.compute_seconds)
                << ", write " << seconds(report.write_seconds) << "\n";
  return 0;
}

int payroll_show(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto employee = args.option("employee");
  const auto payslips = store::load_payslips(context.db(), month, employee, employee.has_value());
  if (payslips.empty()) {
    throw Error(ErrorKind::NotFound, "no payslip for " + month.str() +
                                         (employee ? " of " + *employee : "") +
                                         ": run `gepaie payroll run --month " + month.str() + "`");
  }
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
    context.out() << "Journal de paie — " << month.french()
                  << (store::month_closed(context.db(), month) ? " (closed)" : " (draft)") << "\n";
    print_journal(context.out(), payslips);
  }
  return 0;
}

// ---- split ----------------------------------------------------------------------------------

std::map<std::string, std::string> member_names(store::Database& db) {
  std::map<std::string, std::string> names;
  for (const auto& member : store::list_members(db)) {
    names[member.siret] = member.legal_name;
  }
  return names;
}

int split_year(Context& context, const Arguments& args) {
  const std::string text = *args.option("year");
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw bad_input("--year expects a year, e.g. 2026");
  }
  const auto rows = store::year_regularisation(context.db(), std::stoi(text));
  auto names = member_names(context.db());
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
  context.out() << "Coefficient members, " << text
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
  store::Database& db = context.db();
  const auto result =
      store::month_split(db, month, context.settings().payroll.split_reference_months);
  auto names = member_names(db);
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

// ---- invoices -------------------------------------------------------------------------------

void json_invoice(JsonWriter& json, const store::StoredInvoice& i, bool with_lines) {
  json.begin_object();
  json.key("number").string(i.number);
  json.key("kind").string(i.credit ? "credit" : "invoice");
  json.key("member").string(i.member_siret);
  json.key("member_name").string(i.member_name);
  json.key("month").string(i.month.str());
  json.key("issue_date").string(i.issue_date.str());
  json.key("due_date").string(i.due_date.str());
  json.key("billing_model").string(registry::to_string(i.model));
  json.key("cost_share").number(i.cost_share.str());
  json.key("lines_total").number(i.lines_total.str());
  json.key("fee").number(i.fee.str());
  json.key("net_total").number(i.net_total.str());
  json.key("vat_rate").number(i.vat_rate.percent_str());
  json.key("vat").number(i.vat.str());
  json.key("total").number(i.total.str());
  json.key("vat_mention").string(i.vat_mention);
  json.key("credits").string(i.credited_number);
  json.key("reason").string(i.reason);
  if (with_lines) {
    json.key("lines").begin_array();
    int position = 0;
    for (const auto& line : i.lines) {
      json.begin_object();
      json.key("position").number(std::to_string(++position));
      json.key("kind").string(billing::to_string(line.kind));
      json.key("employee").string(line.employee_number);
      json.key("label").string(line.label);
      json.key("hours").number(line.hours.str());
      json.key("unit_price").number(line.unit_price.str());
      json.key("amount").number(line.amount.str());
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
}

int invoice_list(Context& context, const Arguments& args) {
  std::optional<Month> month;
  if (auto text = args.option("month")) {
    month = Month::parse(*text);
  }
  const auto invoices = store::list_invoices(context.db(), month, args.option("member"));
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& invoice : invoices) {
      json_invoice(json, invoice, false);
    }
    json.end_array();
    json.finish();
    return 0;
  }
  Table table({{"Number"},
               {"Kind"},
               {"Month"},
               {"Member", Align::Left, 36},
               {"Issued"},
               {"Due"},
               {"Net (HT)", Align::Right},
               {"VAT", Align::Right},
               {"Total (TTC)", Align::Right},
               {"Credits"}});
  for (const auto& i : invoices) {
    table.add({i.number, i.credit ? "avoir" : "facture", i.month.str(), i.member_name,
               i.issue_date.french(), i.due_date.french(), amount(i.net_total), amount(i.vat),
               amount(i.total), i.credited_number});
  }
  table.print(context.out());
  return 0;
}

void print_invoice(std::ostream& out, const store::StoredInvoice& i) {
  out << (i.credit ? "Avoir " : "Facture ") << i.number << " — " << i.member_name << " ("
      << i.member_siret << ")\n"
      << "Période " << i.month.french() << " · émise le " << i.issue_date.french() << " · échéance "
      << i.due_date.french() << " · "
      << (i.model == registry::BillingModel::Coefficient ? "coefficient de facturation"
                                                         : "répartition des coûts")
      << "\n";
  if (i.credit) {
    out << "Annule " << i.credited_number << " : " << i.reason << "\n";
  }
  Table table({{"#", Align::Right},
               {"Line", Align::Left, 48},
               {"Hours", Align::Right},
               {"Unit price", Align::Right},
               {"Amount", Align::Right}});
  int position = 0;
  for (const auto& line : i.lines) {
    table.add({std::to_string(++position), line.label,
               line.hours.minutes() == 0 ? "" : line.hours.str(),
               line.unit_price.is_zero() ? "" : amount(line.unit_price), amount(line.amount)});
  }
  table.print(out);
  out << "Total HT " << amount(i.net_total) << " · TVA " << rate_text(i.vat_rate) << " "
      << amount(i.vat) << " · Total TTC " << amount(i.total) << "\n";
  if (!i.vat_mention.empty()) {
    out << i.vat_mention << "\n";
  }
}

int invoice_show(Context& context, const Arguments& args) {
  const auto invoice = store::load_invoice(context.db(), args.positional.front());
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json_invoice(json, invoice, true);
    json.finish();
  } else {
    print_invoice(context.out(), invoice);
  }
  return 0;
}

std::vector<int> positions_option(const Arguments& args) {
  std::vector<int> positions;
  if (auto text = args.option("lines")) {
    size_t start = 0;
    while (start <= text->size()) {
      const size_t comma = text->find(',', start);
      const std::string item =
          text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (item.empty() || item.size() > 4 ||
          item.find_first_not_of("0123456789") != std::string::npos) {
        throw bad_input("--lines expects line numbers separated by commas, e.g. 1,3");
      }
      positions.push_back(std::stoi(item));
      if (comma == std::string::npos) {
        break;
      }
      start = comma + 1;
    }
  }
  return positions;
}

int invoice_credit(Context& context, const Arguments& args) {
  const auto reason = args.option("reason");
  if (!reason || reason->empty()) {
    throw bad_input("--reason \"...\" is required: a credit note says why");
  }
  const Date issue = args.option("date") ? Date::parse(*args.option("date")) : today();
  const auto credit =
      store::credit_invoice(context.db(), args.positional.front(), positions_option(args), *reason,
                            context.settings(), issue);
  context.logger().information("credit note %s for %s", credit.number, credit.credited_number);
  print_invoice(context.out(), credit);
  return 0;
}

int invoice_adjust(Context& context, const Arguments& args) {
  require_options(args, {"member", "month", "amount", "label"});
  store::InvoiceAdjustment adjustment;
  adjustment.member_siret = *args.option("member");
  adjustment.month = month_option(args);
  adjustment.amount = Money::parse(*args.option("amount"));
  adjustment.label = *args.option("label");
  store::add_invoice_adjustment(context.db(), adjustment);
  context.out() << "regularisation of " << adjustment.amount.french() << " for "
                << adjustment.member_siret << " on its invoice of " << adjustment.month.str()
                << "\n";
  return 0;
}

int invoice_adjustments(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto list = store::list_invoice_adjustments(context.db(), month);
  if (args.flag("json")) {
    JsonWriter json(context.out());
    json.begin_array();
    for (const auto& a : list) {
      json.begin_object();
      json.key("member").string(a.member_siret);
      json.key("month").string(a.month.str());
      json.key("amount").number(a.amount.str());
      json.key("label").string(a.label);
      json.key("invoice").string(a.invoice_number);
      json.end_object();
    }
    json.end_array();
    json.finish();
    return 0;
  }
  Table table({{"Member"}, {"Amount", Align::Right}, {"Label", Align::Left, 60}, {"Invoice"}});
  for (const auto& a : list) {
    table.add({a.member_siret, amount(a.amount), a.label,
               a.invoice_number.empty() ? "(next invoice)" : a.invoice_number});
  }
  table.print(context.out());
  return 0;
}

// ---- expenses -------------------------------------------------------------------------------

int expense_add(Context& context, const Arguments& args) {
  require_options(args, {"employee", "member", "date", "amount", "label"});
  store::Expense expense;
  expense.employee_number = *args.option("employee");
  expense.member_siret = *args.option("member");
  expense.day = Date::parse(*args.option("date"));
  expense.amount = Money::parse(*args.option("amount"));
  expense.label = *args.option("label");
  store::add_expense(context.db(), expense);
  context.out() << "expense of " << expense.amount.french() << " recorded for "
                << expense.employee_number << " at " << expense.member_siret << "\n";
  return 0;
}

int expense_list(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto expenses = store::list_expenses(context.db(), month);
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

// ---- close ----------------------------------------------------------------------------------

int close(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  store::CloseOptions options;
  options.force = args.flag("force");
  options.reason = args.option("reason").value_or("");
  options.closed_by = args.option("by").value_or(getenv("USER") ? getenv("USER") : "");
  options.issue_date =
      args.option("issue-date") ? Date::parse(*args.option("issue-date")) : today();
  options.limits = context.working_time_limits(month.first_day());
  // GEPAIE_KILL_AT=<stage> kills the process at that stage: the crash test's hook.
  const char* kill_at = std::getenv("GEPAIE_KILL_AT");
  const std::string kill_stage = kill_at == nullptr ? "" : kill_at;
  options.stage = [&context, &kill_stage](const std::string& stage) {
    context.logger().debug("close: " + stage);
    context.progress("close: " + stage);
    if (stage == kill_stage) {
      std::raise(SIGKILL);
    }
  };
  const auto report =
      store::close_month(context.db(), context.rates(), context.settings(), month, options);
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
    out << report.violations << " working-time errors accepted (--force): " << options.reason
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
  out << "Time: checks " << seconds(report.check_seconds) << ", pay run read "
      << seconds(report.pay_run.read_seconds) << " + compute "
      << seconds(report.pay_run.compute_seconds) << " + write "
      << seconds(report.pay_run.write_seconds) << ", split " << seconds(report.split_seconds)
      << ", invoices " << seconds(report.invoice_seconds) << ", commit "
      << seconds(report.commit_seconds) << "\n";
  return 0;
}

int period_list(Context& context, const Arguments& args) {
  const auto periods = store::list_periods(context.db());
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
      {"invoice list",
       "Invoices and credit notes",
       "",
       "",
       {{"month", "", "only this month", "YYYY-MM"},
        {"member", "", "only this member", "SIRET"},
        json},
       invoice_list},
      {"invoice show",
       "One invoice or credit note, line by line",
       "NUMBER",
       "",
       {json},
       invoice_show,
       1,
       1},
      {"invoice credit",
       "Issue a credit note cancelling an invoice (fully, or some lines)",
       "NUMBER",
       "An issued invoice never changes: a credit note (avoir) cancels it. --lines 1,3 credits\n"
       "those lines only (numbers as `invoice show` prints them) with their part of the fee.",
       {{"reason", "", "why (printed on the credit note)", "TEXT"},
        {"lines", "", "only these lines", "LIST"},
        {"date", "", "issue date (default today)", "YYYY-MM-DD"}},
       invoice_credit,
       1,
       1},
      {"invoice adjust",
       "Add a regularisation line to a member's invoice of an open month",
       "",
       "Corrections of a closed month go on a later invoice: an amount (negative for a refund)\n"
       "with its reason, billed as is (no fee), VAT applied with the invoice.",
       {{"member", "", "the member", "SIRET"},
        {"month", "", "the (open) month whose invoice carries it", "YYYY-MM"},
        {"amount", "", "euros, negative for a refund", "AMOUNT"},
        {"label", "", "what it corrects", "TEXT"}},
       invoice_adjust},
      {"invoice adjustments",
       "Regularisation lines of a month's invoices",
       "",
       "",
       {month, json},
       invoice_adjustments},
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
        {"by", "", "who closes (default $USER)", "NAME"},
        {"issue-date", "", "date of the invoices (default today)", "YYYY-MM-DD"},
        json},
       close},
      {"period list", "Months paid or closed, with who closed them", "", "", {json}, period_list},
  };
}

}  // namespace gepaie::cli
