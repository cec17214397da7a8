// Collective agreements' minimum-salary grids: config/agreements/idcc-NNNN.yaml.
//
//   idcc: "1285"
//   full_time_weekly_hours: "35"        # the hours the monthly minimums are for
//   grids:                              # each from its date until the next one
//     - from: "2023-06-01"
//       source: "accord du 28 avril 2023, art. 1.2"
//       minimums:
//         - { level: "groupe 1 – échelon 1", monthly: "3435.87" }
//
// A contract's classification names a level when it ends with it ("Technicienne, groupe 7 –
// échelon 1"); payroll/minimum_pay.h says how it is matched and prorated.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "gepaie/payroll/minimum_pay.h"

namespace gepaie::config {

// The grid of `idcc` from `dir`/idcc-<idcc>.yaml; nullopt when the file does not exist (no grid
// known for that agreement: the pay run checks the SMIC alone). A malformed file, a level twice in
// one grid, grids out of date order or a file for another IDCC: BadInput with file, line and
// column.
std::optional<payroll::AgreementGrid> load_agreement_grid(const std::filesystem::path& dir,
                                                          const std::string& idcc);

}  // namespace gepaie::config
