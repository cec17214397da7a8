// Writes a synthetic GE (gepaie/synthetic/generator.h) into an empty database with multi-row
// inserts: the members once, then the employees batch by batch, then finish(), inside the
// caller's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/batch_insert.h"
#include "gepaie/store/database.h"
#include "gepaie/synthetic/generator.h"

namespace gepaie::store {

class SyntheticWriter {
 public:
  using IdsByKey = std::unordered_map<std::string, int64_t>;

  // Inside the caller's transaction. A database that already has members or employees, or whose
  // `month` is closed: Error Conflict, nothing written. Reads the server's time once: every
  // timesheet is submitted and approved at that time.
  SyntheticWriter(Database& db, Month month);

  // The members, once, before any employee.
  void write_members(const std::vector<registry::Member>& members);
  // Employees, their skills, contracts (without amendments), contract members, weekly schedule,
  // and the month's approved timesheets, work and absences. Members are named by SIRET among
  // those written. Rows that nothing refers to may wait in the buffers for the next batch.
  void write_employees(const synthetic::EmployeeBatch& batch);
  // Sends the rows still buffered: after the last batch, before the caller commits.
  void finish();

 private:
  Database& db_;
  Month month_;
  std::string now_;
  IdsByKey member_ids_;  // by SIRET
  // One multi-row insert per table for every batch: each prepares its full statement once.
  BatchInsert employees_;
  BatchInsert skills_;
  BatchInsert contracts_;
  BatchInsert contract_members_;
  BatchInsert allocations_;
  BatchInsert timesheets_;
  BatchInsert work_;
  BatchInsert absences_;
};

}  // namespace gepaie::store
