// Internal helpers of the store: ids by natural key, and elapsed time for the reports.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "gepaie/core/error.h"
#include "gepaie/store/database.h"

namespace gepaie::store::internal {

// The `id` of each row by the value of column `key`, from a "SELECT id, key FROM ..." query.
inline std::map<std::string, int64_t> ids_of(Database& db, const char* sql, const char* key) {
  std::map<std::string, int64_t> ids;
  Rows rows = db.prepare(sql).query();
  while (rows.next()) {
    ids[rows.text(key)] = rows.integer("id");
  }
  return ids;
}

inline std::map<std::string, int64_t> member_ids(Database& db) {
  return ids_of(db, "SELECT id, siret FROM members", "siret");
}

inline std::map<std::string, int64_t> employee_ids(Database& db) {
  return ids_of(db, "SELECT id, number FROM employees", "number");
}

// The id of `key` (a SIRET, an employee number, ...) among `ids`. Missing: BadInput "unknown
// <what> <key>" — the foreign key the database would refuse; callers check references first.
inline int64_t require_key(const std::map<std::string, int64_t>& ids, const std::string& key,
                           const char* what) {
  auto found = ids.find(key);
  if (found == ids.end()) {
    throw Error(ErrorKind::BadInput, std::string("unknown ") + what + " " + key);
  }
  return found->second;
}

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace gepaie::store::internal
