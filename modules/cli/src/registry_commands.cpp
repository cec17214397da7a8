// gepaie import | list members|employees|contracts
#include <chrono>
#include <map>

#include "command.h"
#include "context.h"
#include "gepaie/app/registry.h"
#include "gepaie/config/import_file.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "table.h"

namespace gepaie::cli {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string counts_line(const char* what, const store::UpsertCounts& counts) {
  return std::string(what) + ": " + std::to_string(counts.added) + " added, " +
         std::to_string(counts.updated) + " updated, " + std::to_string(counts.unchanged) +
         " unchanged";
}

int import_files(Context& context, const Arguments& args) {
  // Every file is read and checked before anything is written; each file is one transaction.
  std::vector<config::ImportFile> files;
  for (const std::string& path : args.positional) {
    files.push_back(config::read_import_file(path));
  }
  const app::Actor actor = context.actor();
  for (const config::ImportFile& file : files) {
    const store::ImportReport report = app::import_records(context, actor, file);
    context.out() << file.name << "\n  " << counts_line("members", report.members) << "\n  "
                  << counts_line("employees", report.employees) << "\n  "
                  << counts_line("contracts", report.contracts) << "\n";
  }
  return 0;
}

Object::Ptr billing_json(const registry::BillingAgreement& billing) {
  auto json = json_object();
  json->set("model", registry::to_string(billing.model));
  json->set("fee_rate", billing.fee_rate.percent_str());  // percent
  json->set("fee_per_hour", billing.fee_per_hour.str());
  json->set("coefficient", billing.coefficient.decimal_str());
  json->set("payment_days", billing.payment_days);
  return json;
}

// The billing terms in a table cell: "split +8 %", "split +1.50/h", "coef. 1.75".
std::string billing_text(const registry::BillingAgreement& billing) {
  if (billing.model == registry::BillingModel::Coefficient) {
    return "coef. " + billing.coefficient.decimal_str();
  }
  if (!billing.fee_per_hour.is_zero()) {
    return "split +" + billing.fee_per_hour.str() + "/h";
  }
  if (billing.fee_rate != Rate()) {
    return "split +" + billing.fee_rate.percent_str() + " %";
  }
  return "split";
}

Object::Ptr benefits_json(const registry::EmployeeBenefits& benefits) {
  auto json = json_object();
  json->set("transit_pass_monthly", benefits.transit_pass_monthly.str());
  json->set("meal_vouchers", benefits.meal_vouchers);
  json->set("other_monthly_cost", benefits.other_monthly_cost.str());
  json->set("tax_rate", benefits.income_tax_rate.percent_str());  // percent
  return json;
}

Date today() {
  const auto now = std::chrono::system_clock::now();
  return Date::from_days(std::chrono::floor<std::chrono::days>(now).time_since_epoch().count());
}

int list_members(Context& context, const Arguments& args) {
  const auto members = app::list_members(context, context.actor());
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& member : members) {
      auto json = json_object();
      json->set("siret", member.siret);
      json->set("name", member.legal_name);
      json->set("address", address_json(member.address));
      json->set("vat_number", member.vat_number);
      json->set("contact_name", member.contact_name);
      json->set("contact_email", member.contact_email);
      json->set("contact_phone", member.contact_phone);
      json->set("agreement", member.agreement_ref);
      json->set("billing", billing_json(member.billing));
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table({{"SIRET", Align::Left, 14},
               {"Member", Align::Left, 27},
               {"City", Align::Left, 16},
               {"VAT number", Align::Left, 13},
               {"Agreement", Align::Left, 12},
               {"Billing", Align::Left, 13},
               {"Contact", Align::Left, 13}});
  for (const auto& member : members) {
    table.add({member.siret, member.legal_name, member.address.city,
               member.vat_number.empty() ? "—" : member.vat_number, member.agreement_ref,
               billing_text(member.billing), member.contact_name});
  }
  table.print(context.out());
  context.out() << members.size()
                << " members (Billing: split = cost split plus fee, coef. = billing coefficient)\n";
  return 0;
}

int list_employees(Context& context, const Arguments& args) {
  const auto employees = app::list_employees(context, context.actor());
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& employee : employees) {
      auto json = json_object();
      json->set("number", employee.number);
      json->set("last_name", employee.last_name);
      json->set("first_name", employee.first_name);
      json->set("birth_date", employee.birth_date.str());
      json->set("nir", employee.nir);
      json->set("address", address_json(employee.address));
      json->set("iban", employee.iban);
      json->set("email", employee.email);
      json->set("benefits", benefits_json(employee.benefits));
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table(
      {{"No."}, {"Name", Align::Left, 28}, {"Born"}, {"NIR"}, {"City", Align::Left, 22}, {"IBAN"}});
  for (const auto& employee : employees) {
    const std::string nir = employee.nir;
    table.add({employee.number, employee.last_name + " " + employee.first_name,
               employee.birth_date.french(),
               nir.size() == 15
                   ? nir.substr(0, 1) + " " + nir.substr(1, 2) + " " + nir.substr(3, 2) + " " +
                         nir.substr(5, 2) + " " + nir.substr(7, 3) + " " + nir.substr(10, 3) + " " +
                         nir.substr(13, 2)
                   : nir,
               employee.address.city,
               // The full IBAN is in --json; the table shows its country and last digits.
               employee.iban.substr(0, 4) + " … " +
                   employee.iban.substr(employee.iban.size() > 4 ? employee.iban.size() - 4 : 0)});
  }
  table.print(context.out());
  context.out() << employees.size() << " employees\n";
  return 0;
}

std::string pay_text(const registry::ContractTerms& terms) {
  if (terms.monthly_gross) {
    return terms.monthly_gross->str();
  }
  return terms.hourly_rate ? terms.hourly_rate->str() + "/h" : "";
}

int list_contracts(Context& context, const Arguments& args) {
  const Date on = date_option(args, "on").value_or(today());
  const app::Actor actor = context.actor();
  const auto contracts = app::list_contracts(context, actor);
  std::map<std::string, std::string> names;
  for (const auto& employee : app::list_employees(context, actor)) {
    names[employee.number] = employee.last_name + " " + employee.first_name;
  }
  if (args.flag("json")) {
    Array::Ptr list = new Array;
    for (const auto& contract : contracts) {
      const registry::ContractTerms terms = contract.terms_at(std::max(on, contract.start));
      auto json = json_object();
      json->set("reference", contract.reference);
      json->set("employee", contract.employee_number);
      json->set("kind", registry::to_string(contract.kind));
      json->set("start", contract.start.str());
      json->set("end", contract.end ? contract.end->str() : "");
      json->set("status", registry::to_string(contract.status));
      json->set("idcc", contract.idcc);
      json->set("terms_on", std::max(on, contract.start).str());
      json->set("weekly_hours", terms.weekly_hours.str());
      json->set("monthly_gross", terms.monthly_gross ? terms.monthly_gross->str() : "");
      json->set("hourly_rate", terms.hourly_rate ? terms.hourly_rate->str() : "");
      json->set("job_title", terms.job_title);
      json->set("classification", terms.classification);
      Array::Ptr members = new Array;
      for (const auto& siret : terms.member_sirets) {
        members->add(siret);
      }
      json->set("members", members);
      json->set("amendments", static_cast<int>(contract.amendments.size()));
      list->add(json);
    }
    print_json(context.out(), list);
    return 0;
  }
  Table table({{"Contract"},
               {"Employee", Align::Left, 20},
               {"Kind"},
               {"Start"},
               {"End"},
               {"h/week", Align::Right},
               {"Gross", Align::Right},
               {"Status"},
               {"Job", Align::Left, 20},
               {"Mbrs", Align::Right},
               {"Av.", Align::Right}});
  for (const auto& contract : contracts) {
    const registry::ContractTerms terms = contract.terms_at(std::max(on, contract.start));
    table.add({contract.reference, names[contract.employee_number],
               registry::to_string(contract.kind), contract.start.french(),
               contract.end ? contract.end->french() : "", terms.weekly_hours.str(),
               pay_text(terms), registry::to_string(contract.status), terms.job_title,
               std::to_string(terms.member_sirets.size()),
               std::to_string(contract.amendments.size())});
  }
  table.print(context.out());
  context.out() << contracts.size() << " contracts; terms in force on " << on.french()
                << " (Mbrs: members the contract allows; Av.: amendments)\n";
  return 0;
}

int list_command(Context& context, const Arguments& args) {
  const std::string& what = args.positional.front();
  if (what == "members") {
    return list_members(context, args);
  }
  if (what == "employees") {
    return list_employees(context, args);
  }
  if (what == "contracts") {
    return list_contracts(context, args);
  }
  throw bad_input("gepaie list: unknown listing '" + what + "' (members, employees or contracts)");
}

}  // namespace

std::vector<Command> registry_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  Command import{"import",
                 "Import members, employees and contracts from YAML files",
                 "FILE.yaml...",
                 "Upserts by natural keys (member SIRET, employee number, contract reference).\n"
                 "Each file is one transaction: all of it is written, or nothing. Every file is\n"
                 "checked before any is written; a problem names file, line, column and field and\n"
                 "exits with status 2. Importing the same file again changes nothing.",
                 {},
                 import_files};
  import.min_positional = 1;
  import.max_positional = 1000;
  Command list{"list",
               "List members, employees or contracts",
               "members|employees|contracts",
               "Aligned tables for the terminal; --json for programs. Contracts show the terms\n"
               "in force today (or on --on DATE), amendments applied.",
               {json, {"on", "", "contract terms in force on this date", "YYYY-MM-DD"}},
               list_command};
  list.min_positional = 1;
  list.max_positional = 1;
  return {import, list};
}

}  // namespace gepaie::cli
