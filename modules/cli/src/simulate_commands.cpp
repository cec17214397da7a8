// gepaie simulate: one payslip computed from a YAML description, no database.
#include <map>

#include "command.h"
#include "context.h"
#include "gepaie/app/payroll.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "json_writer.h"
#include "table.h"

namespace gepaie::cli {
namespace {

using payroll::Group;
using payroll::LineKind;
using payroll::PayslipLine;

void print_json(std::ostream& out, const payroll::Payslip& slip) {
  const payroll::Totals& t = slip.totals;
  JsonWriter json(out);
  json.begin_object();
  json.key("period").string(slip.period.str());
  for (const auto& [name, value] : t.named()) {
    json.key(name).number(value.str());
  }
  json.key("ceiling").number(slip.ceiling.str());
  json.key("reduction_coefficient").number(slip.reduction_coefficient.decimal_str());
  json.key("lines").begin_array();
  for (const PayslipLine& line : slip.lines) {
    json.begin_object();
    json.key("code").string(std::string(line.code));
    json.key("label").string(std::string(line.label));
    json.key("group").string(line.kind == LineKind::Earning ? "brut"
                                                            : payroll::to_string(line.group));
    json.key("base").number(line.base.str());
    auto rate = [&](const std::optional<Rate>& value) {
      if (value) {
        json.number(value->percent_str());
      } else {
        json.null();
      }
    };
    json.key("employee_rate");
    rate(line.employee_rate);
    json.key("employee_amount").number(line.employee_amount.str());
    json.key("employer_rate");
    rate(line.employer_rate);
    json.key("employer_amount").number(line.employer_amount.str());
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

void print_table(std::ostream& out, const config::Simulation& simulation,
                 const payroll::Payslip& slip) {
  const payroll::Totals& t = slip.totals;
  out << "Bulletin simulé — " << slip.period.french() << " ("
      << registry::to_string(simulation.terms.kind) << ", "
      << registry::to_string(simulation.terms.status) << ", " << simulation.terms.weekly_hours.str()
      << " h/semaine, effectif " << simulation.employer.headcount << ")\n\n";
  Table table({{"Élément", Align::Left, 52},
               {"Base", Align::Right},
               {"Taux sal.", Align::Right},
               {"Part salarié", Align::Right},
               {"Taux pat.", Align::Right},
               {"Part employeur", Align::Right}});
  for (const PayslipLine& line : slip.lines) {
    if (line.kind == LineKind::Earning) {
      table.add({std::string(line.label),
                 !line.hours.is_zero() ? line.hours.str() + " h" : optional_amount(line.base),
                 rate_text(line.employee_rate), amount(line.employee_amount), "", ""});
    }
  }
  table.add({"Salaire brut", "", "", amount(t.gross), "", ""});
  std::optional<Group> group;
  Money employee_sum;
  Money employer_sum;
  for (const PayslipLine& line : slip.lines) {
    if (line.kind != LineKind::Contribution) {
      continue;
    }
    if (!group || *group != line.group) {
      group = line.group;
      table.add({payroll::french_label(line.group), "", "", "", "", ""});
    }
    employee_sum += line.employee_amount;
    employer_sum += line.employer_amount;
    table.add({"  " + std::string(line.label), amount(line.base), rate_text(line.employee_rate),
               optional_amount(line.employee_amount), rate_text(line.employer_rate),
               optional_amount(line.employer_amount)});
  }
  table.add({"Total des cotisations et contributions", "", "", amount(employee_sum), "",
             amount(employer_sum)});
  bool reductions = false;
  for (const PayslipLine& line : slip.lines) {
    if (line.kind != LineKind::Reduction) {
      continue;
    }
    if (!reductions) {
      table.add({"Exonérations et allègements de cotisations", "", "", "", "", ""});
      reductions = true;
    }
    table.add({"  " + std::string(line.label), amount(line.base), rate_text(line.employee_rate),
               optional_amount(line.employee_amount), rate_text(line.employer_rate),
               optional_amount(line.employer_amount)});
  }
  table.print(out);
  const std::pair<const char*, Money> summary[] = {
      {"Net à payer avant impôt sur le revenu", t.net_before_tax},
      {"Net imposable", t.net_taxable},
      {"Impôt sur le revenu prélevé à la source", t.income_tax},
      {"Net payé", t.net_paid},
      {"Montant net social", t.net_social},
      {"Total des cotisations salariales", t.employee_contributions},
      {"Total des cotisations patronales (après allègements)", t.employer_contributions},
      {"dont allègements patronaux", t.reductions},
      {"Coût total employeur", t.employer_cost},
  };
  out << "\n";
  for (const auto& [label, value] : summary) {
    std::string left = label;
    out << fit(left, 60) << std::string(62 - std::min<size_t>(60, display_width(left)), ' ')
        << std::string(14 - std::min<size_t>(14, display_width(amount(value))), ' ')
        << amount(value) << " €\n";
  }
  out << "\nPlafond du mois " << amount(slip.ceiling) << " €; SMIC de référence "
      << amount(slip.smic_reference) << " €; coefficient de réduction générale "
      << rate_text(slip.reduction_coefficient) << ".\n";
}

int simulate(Context& context, const Arguments& args) {
  const std::filesystem::path rates_path = args.option("rates")
                                               ? std::filesystem::path(*args.option("rates"))
                                               : context.settings().rates_dir;
  const payroll::RateBook book = config::load_rate_book(rates_path);
  const config::Simulation simulation = config::read_simulation_file(args.positional.front(), book);
  const payroll::Payslip slip = app::simulate(book, simulation);
  if (args.flag("json")) {
    print_json(context.out(), slip);
  } else {
    print_table(context.out(), simulation, slip);
  }
  return 0;
}

}  // namespace

std::vector<Command> simulate_commands() {
  Command simulate_command{
      "simulate",
      "Compute one payslip from a YAML description, without the database",
      "FILE.yaml",
      "For checking a payslip by hand and for quoting a prospective member the cost of a shared\n"
      "employee. Keys (defaults in brackets): period: YYYY-MM; employer: headcount, at_rate (%),\n"
      "mobility_rate [0], health_plan: {monthly [0], employer_share [50]},\n"
      "prevoyance_cadre_rate [legal minimum]; employee: contract (CDI|CDD), status\n"
      "(cadre|non-cadre), weekly_hours (1-48), base_gross, overtime_hours [0] (+25 % full time;\n"
      "heures complémentaires part-time: +10 % to a tenth, +25 % beyond, at most a third),\n"
      "tax_rate [0]. Rates come from config/rates (rates_dir in gepaie.yaml) or --rates.",
      {{"json", "", "print JSON: totals and lines, amounts in euros with two decimals", ""},
       {"rates", "", "rates file or directory (default: rates_dir of gepaie.yaml)", "PATH"}},
      simulate};
  simulate_command.min_positional = 1;
  simulate_command.max_positional = 1;
  return {simulate_command};
}

}  // namespace gepaie::cli
