// Rates files: config/rates/*.yaml, the legal figures of payroll with their dates and sources.
//
//   valid_from: "2026-01-01"        # the span the file covers; files must follow each other
//   valid_to: "2026-12-31"          # without gap or overlap
//   constants:
//     smic_hourly:                  # each constant: dated values covering the whole span
//       - { from: "2026-01-01", value: "12.02", source: "Décret n° …" }
//       - { from: "2026-06-01", value: "12.31", source: "…" }
//   contributions:
//     - code: maladie               # entries of one code must cover the span exactly
//       label: "…"                  # French payslip label
//       group: sante                #
//       sante|atmp|retraite|famille|chomage|apec|autres|csg|prevoyance base: gross #
//       gross|tranche_1|tranche_2|gross_up_to_unemployment_ceiling|
//                                   # gross_up_to_tranche_2_ceiling|csg|employer_welfare
//       employee: "0"               # percent
//       employer: "13.00"           # percent (or employer_rate:
//       work_accident|mobility|prevoyance_cadre) from: / to:                 # optional, default
//       the file's span when: { status: cadre|non-cadre, min_headcount: 11, max_headcount: 49,
//       above_ceiling: true } reduced: { employer: "7.00", max_smic_multiple: "2.25" }   # lower
//       rate for low pay overtime_reduction: true    # counts in the overtime employee-reduction
//       rate tax: non_deductible         # CSG non déductible and CRDS source: "CSS art. D242-3" #
//       required
#pragma once

#include <filesystem>
#include <vector>

#include "gepaie/payroll/rates.h"

namespace gepaie::config {

// Loads every *.yaml of a directory (or the single file given). An unknown key, a missing rate
// or source, a value that does not parse, an overlap or a gap in dates — within a file or
// between files — is a BadInput Error naming the file, line and reason.
payroll::RateBook load_rate_book(const std::filesystem::path& path);
payroll::RateBook load_rate_texts(
    const std::vector<std::pair<std::string, std::string>>& named_texts);  // for tests

}  // namespace gepaie::config
