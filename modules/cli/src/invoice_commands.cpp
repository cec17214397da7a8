// gepaie invoice list | show | credit | adjust | adjustments
#include "command.h"
#include "context.h"
#include "gepaie/app/billing.h"
#include "gepaie/core/error.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

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
  if (auto text = month_option(args, "month")) {
    month = *text;
  }
  const auto invoices = app::list_invoices(context, context.actor(), month, args.option("member"));
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
    table.add({std::to_string(++position), line.label, line.hours.is_zero() ? "" : line.hours.str(),
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
  const auto invoice = app::invoice(context, context.actor(), args.positional.front());
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
  for (int64_t position : int_list_option(args, "lines", 1, 9999)) {
    positions.push_back(static_cast<int>(position));
  }
  return positions;
}

int invoice_credit(Context& context, const Arguments& args) {
  app::CreditRequest request;
  request.number = args.positional.front();
  request.positions = positions_option(args);
  request.reason = args.option("reason").value_or("");
  if (auto date = date_option(args, "date")) {
    request.issue_date = *date;
  }
  const auto credit = app::credit_invoice(context, context.actor(), request);
  context.logger().information("credit note %s for %s", credit.number, credit.credited_number);
  print_invoice(context.out(), credit);
  return 0;
}

int invoice_adjust(Context& context, const Arguments& args) {
  require_options(args, {"member", "month", "amount", "label"});
  store::InvoiceAdjustment adjustment;
  adjustment.member_siret = *args.option("member");
  adjustment.month = month_option(args);
  adjustment.amount = *money_option(args, "amount");
  adjustment.label = *args.option("label");
  app::add_invoice_adjustment(context, context.actor(), adjustment);
  context.out() << "regularisation of " << adjustment.amount.french() << " for "
                << adjustment.member_siret << " on its invoice of " << adjustment.month.str()
                << "\n";
  return 0;
}

int invoice_adjustments(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const auto list = app::invoice_adjustments(context, context.actor(), month);
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

}  // namespace

std::vector<Command> invoice_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  const OptionSpec json{"json", "", "JSON output", ""};
  return {
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
  };
}

}  // namespace gepaie::cli
