// Members, employees and contracts in the database: import (upsert by natural keys, all or
// nothing) and listing.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

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

// Upserts every record (members, then employees, then contracts, whose member lists compare as
// sets). Inside the caller's transaction, which checked the records first
// (registry::nir_conflicts, registry::unknown_references): references may point into the records
// or into the database. An unknown employee or member: BadInput; a NIR already stored for
// another employee: the database refuses it.
ImportReport import_records(Database& db, const registry::Records& records);

// Every employee's NIR, by employee number.
std::map<std::string, std::string> employee_nirs(Database& db);

std::set<std::string> member_sirets(Database& db);     // every member's SIRET
std::set<std::string> employee_numbers(Database& db);  // every employee's number

std::vector<registry::Member> list_members(Database& db);      // by legal name
std::vector<registry::Employee> list_employees(Database& db);  // by number
std::vector<registry::Contract> list_contracts(Database& db);  // by reference, with amendments

}  // namespace gepaie::store
