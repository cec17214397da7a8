// gepaie config check
#include "command.h"
#include "context.h"
#include "gepaie/core/error.h"
#include "table.h"

namespace gepaie::cli {
namespace {

int config_check(Context& context, const Arguments& args) {
  const config::Settings& settings = context.settings();
  const config::GeIdentity& ge = settings.ge;
  const std::string database =
      settings.database.embedded ? "embedded server under " + settings.data_dir.string()
      : settings.database.socket.empty()
          ? settings.database.host + ":" + std::to_string(settings.database.port)
          : settings.database.socket;
  if (args.flag("json")) {
    auto json = json_object();
    json->set("file", settings.file.string());
    json->set("name", ge.name);
    json->set("siret", ge.siret);
    json->set("naf", ge.naf);
    json->set("idcc", ge.idcc);
    json->set("urssaf_account", ge.urssaf_account);
    json->set("vat_regime", ge.vat_regime == config::VatRegime::Exempt ? "exempt" : "standard");
    json->set("address", address_json(ge.address));
    json->set("database", database);
    json->set("schema", settings.database.schema);
    json->set("data_dir", settings.data_dir.string());
    const config::PayrollSettings& payroll = settings.payroll;
    auto payroll_json = json_object();
    // null: the employees under contract in the month.
    payroll_json->set("headcount", payroll.headcount ? Poco::Dynamic::Var(*payroll.headcount)
                                                     : Poco::Dynamic::Var());
    payroll_json->set("at_rate", payroll.employer.work_accident_rate.percent_str());
    payroll_json->set("mobility_rate", payroll.employer.mobility_rate.percent_str());
    payroll_json->set("health_plan_monthly", payroll.employer.health_plan_monthly.str());
    // null: the legal minimum of the rates file.
    payroll_json->set(
        "health_plan_employer_share",
        payroll.employer.health_plan_employer_share
            ? Poco::Dynamic::Var(payroll.employer.health_plan_employer_share->percent_str())
            : Poco::Dynamic::Var());
    // null: the legal minimum of the rates file.
    payroll_json->set(
        "prevoyance_cadre_rate",
        payroll.employer.prevoyance_cadre_rate
            ? Poco::Dynamic::Var(payroll.employer.prevoyance_cadre_rate->percent_str())
            : Poco::Dynamic::Var());
    payroll_json->set("meal_voucher_value", payroll.benefits.meal_voucher_value.str());
    payroll_json->set("meal_voucher_employer_share",
                      payroll.benefits.meal_voucher_employer_share.percent_str());
    payroll_json->set("occupational_health_yearly",
                      payroll.benefits.occupational_health_yearly.str());
    payroll_json->set("split_reference_months", payroll.split_reference_months);
    json->set("payroll", payroll_json);
    auto invoicing_json = json_object();
    invoicing_json->set("invoice_prefix", settings.invoicing.invoice_prefix);
    invoicing_json->set("credit_prefix", settings.invoicing.credit_prefix);
    invoicing_json->set("exempt_mention", settings.invoicing.exempt_mention);
    json->set("invoicing", invoicing_json);
    print_json(context.out(), json);
    return 0;
  }
  const payroll::EmployerSettings& employer = settings.payroll.employer;
  const payroll::BenefitSettings& benefits = settings.payroll.benefits;
  context.out() << settings.file.string() << " is valid\n"
                << "  GE:        " << ge.name << " (SIRET " << ge.siret << ", NAF " << ge.naf
                << ", IDCC " << ge.idcc << ")\n"
                << "  address:   " << ge.address.line1 << ", " << ge.address.postcode << " "
                << ge.address.city << "\n"
                << "  VAT:       "
                << (ge.vat_regime == config::VatRegime::Exempt ? "exempt (CGI art. 261 B)"
                                                               : "standard")
                << "\n"
                << "  database:  " << database << ", schema " << settings.database.schema << "\n"
                << "  data:      " << settings.data_dir.string() << "\n"
                << "  payroll:   AT/MP " << employer.work_accident_rate.percent_str()
                << " %, mobility " << employer.mobility_rate.percent_str() << " %, health plan "
                << employer.health_plan_monthly.str() << "/month ("
                << (employer.health_plan_employer_share
                        ? employer.health_plan_employer_share->percent_str() + " % employer"
                        : std::string("employer share: the legal minimum"))
                << ")\n"
                << "             meal voucher " << benefits.meal_voucher_value.str() << " ("
                << benefits.meal_voucher_employer_share.percent_str()
                << " % employer), occupational health " << benefits.occupational_health_yearly.str()
                << "/year, headcount "
                << (settings.payroll.headcount ? std::to_string(*settings.payroll.headcount)
                                               : std::string("from contracts"))
                << "\n"
                << "  invoices:  prefix " << settings.invoicing.invoice_prefix
                << ", credit notes prefix " << settings.invoicing.credit_prefix << "\n";
  return 0;
}

}  // namespace

std::vector<Command> config_commands() {
  const OptionSpec json{"json", "", "print JSON instead of a table", ""};
  return {{"config check",
           "Check gepaie.yaml and show the GE it describes",
           "",
           "",
           {json},
           config_check}};
}

}  // namespace gepaie::cli
