// The input of `gepaie simulate`: one employee, one month, no database.
//
//   period: 2026-11
//   employer: { headcount: 25, at_rate: 1.20, mobility_rate: 2.00 [0],
//               health_plan: { monthly: 40.00 [0], employer_share: 50 [50] },
//               prevoyance_cadre_rate: 1.50 [the legal minimum] }
//   employee: { contract: CDI, status: non-cadre, weekly_hours: 35, base_gross: 3000.00,
//               overtime_hours: 0 [0], tax_rate: 0 [0] }
//
// overtime_hours are paid at +25 % on a full-time contract; on a part-time contract they are
// heures complémentaires: +10 % up to a tenth of the monthly hours, +25 % beyond, at most a
// third (a collective agreement's maximum).
#pragma once

#include <filesystem>
#include <string>

#include "gepaie/core/calendar.h"
#include "gepaie/payroll/engine.h"

namespace gepaie::config {

struct Simulation {
  Month period;
  payroll::EmployerSettings employer;
  payroll::EmploymentTerms terms;
  payroll::PayElements elements;
};

// Reads and checks a simulation; `book` gives the rates in force (a period with none is an
// error, as are overtime rules of the month). Throws a located BadInput Error.
Simulation read_simulation_file(const std::filesystem::path& file, const payroll::RateBook& book);
Simulation read_simulation_text(const std::string& text, const std::string& name,
                                const payroll::RateBook& book);

}  // namespace gepaie::config
