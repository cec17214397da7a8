// Members, employees and contracts in the database: import (upsert by natural keys, all or
// nothing) and listing.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "gepaie/config/import_file.h"
#include "gepaie/registry/records.h"
#include "gepaie/store/database.h"

namespace gepaie::store {

struct UpsertCounts {
  int added = 0;
  int updated = 0;
  int unchanged = 0;

  bool operator==(const UpsertCounts&) const = default;
};

struct ImportReport {
  UpsertCounts members;
  UpsertCounts employees;
  UpsertCounts contracts;

  bool changed() const {
    return members.added + members.updated + employees.added + employees.updated + contracts.added +
               contracts.updated >
           0;
  }
};

// Upserts every record of the file in one transaction. References (a contract's employee and
// members) may point into the file or into the database. Any problem: a BadInput Error naming
// file, line, column and field, and nothing written.
ImportReport import_records(Database& db, const config::ImportFile& file);

std::set<std::string> member_sirets(Database& db);     // every member's SIRET
std::set<std::string> employee_numbers(Database& db);  // every employee's number

std::vector<registry::Member> list_members(Database& db);      // by legal name
std::vector<registry::Employee> list_employees(Database& db);  // by number
std::vector<registry::Contract> list_contracts(Database& db);  // by reference, with amendments

}  // namespace gepaie::store
