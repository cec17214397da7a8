#include "gepaie/app/demo.h"

#include <chrono>
#include <cstdio>

#include "gepaie/store/synthetic.h"

namespace gepaie::app {

SyntheticReport generate_synthetic_ge(store::Database& db, const synthetic::Options& options,
                                      const std::function<void(const std::string&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  auto say = [&](const std::string& line) {
    if (progress) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, " (%.1f s)", elapsed());
      progress(line + seconds);
    }
  };
  synthetic::Generator generator(options);  // checks the options, draws the members
  SyntheticReport report;

  store::Transaction transaction(db);
  store::SyntheticWriter writer(db, options.month);
  writer.write_members(generator.members());
  report.members = static_cast<int>(generator.members().size());
  say("members: " + std::to_string(report.members));

  while (!generator.done()) {
    const synthetic::EmployeeBatch batch = generator.next_employees(kSyntheticBatch);
    writer.write_employees(batch);
    report.employees += static_cast<int>(batch.employees.size());
    report.contracts += static_cast<int>(batch.contracts.size());
    for (const registry::Contract& contract : batch.contracts) {
      report.contract_members += static_cast<int>(contract.member_sirets.size());
    }
    report.allocations += static_cast<int>(batch.allocations.size());
    report.timesheets += static_cast<int>(batch.timesheets.size());
    report.work_entries += static_cast<int>(batch.work.size());
    report.absences += static_cast<int>(batch.absences.size());
    report.overtime_weeks += batch.overtime_weeks;
    if (report.employees % 10'000 == 0 || generator.done()) {
      say("employees: " + std::to_string(report.employees) +
          ", work entries: " + std::to_string(report.work_entries));
    }
  }
  writer.finish();
  say("contracts: " + std::to_string(report.contracts) + ", listing " +
      std::to_string(report.contract_members) +
      " members; schedule: " + std::to_string(report.allocations) + " slots; timesheets: " +
      std::to_string(report.timesheets) + "; absences: " + std::to_string(report.absences));

  transaction.commit();
  report.seconds = elapsed();
  say("committed");
  return report;
}

SyntheticReport generate_demo(Workspace& workspace, const Actor& actor,
                              const synthetic::Options& options) {
  require_ge(actor, "generate a demonstration GE");
  synthetic::check_options(options);  // before connecting
  return generate_synthetic_ge(workspace.db(), options,
                               [&workspace](const std::string& line) { workspace.progress(line); });
}

}  // namespace gepaie::app
