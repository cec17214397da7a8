// Internal helpers of the store: ids by natural key, and elapsed time for the reports.
#pragma once

#include <chrono>
#include <map>
#include <string>

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

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace gepaie::store::internal
