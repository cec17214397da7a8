#include "gepaie/app/payroll.h"

#include "gepaie/core/error.h"
#include "gepaie/store/periods.h"
#include "pay_run.h"

namespace gepaie::app {

payroll::Payslip simulate(const payroll::RateBook& rates, const config::Simulation& simulation) {
  const payroll::RateSet* set = rates.at(simulation.period.first_day());
  if (set == nullptr) {
    throw bad_input("no rates file covers " + simulation.period.str());
  }
  return payroll::compute_payslip(*set, simulation.period, simulation.employer, simulation.terms,
                                  simulation.elements);
}

PayRunReport run_payroll(Workspace& workspace, const Actor& actor, Month month) {
  require_ge(actor, "run the payroll");
  workspace.progress("Pay run " + month.str() + "...");
  store::Database& db = workspace.db();
  store::prepare_month(db, month);
  store::Transaction transaction(db);
  PayRunReport report =
      internal::compute_and_store_pay_run(db, workspace.rates(), workspace.settings(), month);
  transaction.commit();
  return report;
}

MonthPayslips payslips(Workspace& workspace, const Actor& actor, Month month,
                       std::optional<std::string> employee) {
  if (actor.kind == Actor::Kind::Employee) {
    if (employee && *employee != actor.employee_number) {
      throw Error(ErrorKind::NotFound, "no payslip for " + month.str() + " of " + *employee);
    }
    employee = actor.employee_number;
  } else {
    require_ge(actor, "read the payslips");
  }
  MonthPayslips result;
  result.payslips = store::load_payslips(workspace.db(), month, employee, employee.has_value());
  if (result.payslips.empty()) {
    throw Error(ErrorKind::NotFound, "no payslip for " + month.str() +
                                         (employee ? " of " + *employee : "") +
                                         ": run `gepaie payroll run --month " + month.str() + "`");
  }
  result.closed = store::month_closed(workspace.db(), month);
  return result;
}

bool month_closed(Workspace& workspace, Month month) {
  return store::month_closed(workspace.db(), month);
}

}  // namespace gepaie::app
