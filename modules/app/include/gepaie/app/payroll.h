// Use cases of the pay run: simulate one payslip, run the month's payslips, read them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/app/workspace.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/core/calendar.h"
#include "gepaie/core/money.h"
#include "gepaie/payroll/engine.h"
#include "gepaie/store/payroll_store.h"

namespace gepaie::app {

// What a pay run computed and stored.
struct PayRunReport {
  Month month;
  int payslips = 0;
  int lines = 0;
  int headcount = 0;  // the effectif the month was computed with
  Money gross;
  Money net_paid;
  Money employer_cost;
  Money total_cost;  // employer cost + other employer costs: what the split shares
  Money expenses;
  double read_seconds = 0;
  double compute_seconds = 0;
  double write_seconds = 0;
};

// One payslip from a simulation file, no database: the rates of its period from `rates`.
payroll::Payslip simulate(const payroll::RateBook& rates, const config::Simulation& simulation);

// Computes and stores the month's payslips as a draft, replacing the previous run, in its own
// transaction (the GE only). Every employee with a contract active in the month, from approved
// timesheets only; a closed month, or one before a closed month: Conflict.
PayRunReport run_payroll(Workspace& workspace, const Actor& actor, Month month);

struct MonthPayslips {
  bool closed = false;
  std::vector<store::StoredPayslip> payslips;  // with their lines when one employee is asked for
};
// The month's payslips (one employee's, line by line, with `employee`); the GE sees every
// payslip, an employee only their own. None: NotFound.
MonthPayslips payslips(Workspace& workspace, const Actor& actor, Month month,
                       std::optional<std::string> employee);

// Whether the month is closed (its payslips final) or still open (a draft pay run at most).
bool month_closed(Workspace& workspace, Month month);

}  // namespace gepaie::app
