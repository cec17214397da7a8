// Schema migrations: sql/migrations/NNNN_name.sql, compiled into the program, applied in order
// and recorded in the schema_migrations table. Applying them again changes nothing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gepaie/store/database.h"

namespace gepaie::store {

struct MigrationFile {
  std::string file_name;  // "0001_initial.sql"
  std::string sql;
};
const std::vector<MigrationFile>& bundled_migration_files();  // generated at build time

struct Migration {
  int version = 0;
  std::string name;
  std::string checksum;                 // SHA-1 of the file
  std::vector<std::string> statements;  // split on ';' outside quotes and comments
};

// The bundled migrations, parsed and in version order; a malformed file name is a Failure.
std::vector<Migration> bundled_migrations();
std::vector<Migration> parse_migrations(const std::vector<MigrationFile>& files);
// Splits a SQL script into statements (no DELIMITER support; not needed for DDL).
std::vector<std::string> split_sql(const std::string& script);

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;  // empty when pending
};

class Migrator {
 public:
  Migrator(Database& db, std::vector<Migration> migrations);

  std::vector<MigrationState> status();
  // Applies the pending migrations in order; returns how many it applied. A recorded migration
  // whose checksum differs from the file is an error (the file was edited after it ran).
  int migrate(const std::function<void(const std::string&)>& progress = {});

 private:
  void ensure_table();
  Database& db_;
  std::vector<Migration> migrations_;
};

}  // namespace gepaie::store
