// The synthetic GE of the benchmarks and demonstrations.
#pragma once

#include <functional>
#include <string>

#include "gepaie/app/workspace.h"
#include "gepaie/store/database.h"
#include "gepaie/synthetic/generator.h"

namespace gepaie::app {

struct SyntheticReport {
  int members = 0;
  int employees = 0;
  int contracts = 0;
  int contract_members = 0;
  int allocations = 0;  // slots of the weekly schedule
  int timesheets = 0;   // one per employee and contract member, approved
  int work_entries = 0;
  int absences = 0;        // days of paid leave or sickness
  int overtime_weeks = 0;  // employees given one week beyond their contract
  double seconds = 0;
};

// Employees drawn and written at a time: what a GE of any size holds in memory.
inline constexpr int kSyntheticBatch = 1000;

// Writes the synthetic GE the options describe (synthetic::Generator) into an empty database, in
// one transaction: checks the options (BadInput), then draws and writes the members, then the
// employees batch by batch. A database that already has members or employees, or whose month is
// closed: Error Conflict, nothing written. `progress` (may be empty): one line per step.
SyntheticReport generate_synthetic_ge(store::Database& db, const synthetic::Options& options,
                                      const std::function<void(const std::string&)>& progress = {});

// generate_synthetic_ge for the GE, with the workspace's progress; options are checked before the
// database is touched.
SyntheticReport generate_demo(Workspace& workspace, const Actor& actor,
                              const synthetic::Options& options);

}  // namespace gepaie::app
