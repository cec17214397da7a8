#include "gepaie/store/migrations.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

#include <algorithm>
#include <map>

#include "gepaie/core/error.h"

namespace gepaie::store {

std::vector<std::string> split_sql(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  char quote = 0;
  for (size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    const char next = i + 1 < script.size() ? script[i + 1] : '\0';
    if (quote != 0) {
      current += c;
      if (c == '\\' && quote != '`') {
        current += next;
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '-' && next == '-') {  // comment to end of line
      i = std::min(script.find('\n', i), script.size());
      current += '\n';
      continue;
    }
    if (c == '/' && next == '*') {
      const size_t end = script.find("*/", i + 2);
      i = end == std::string::npos ? script.size() : end + 1;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    }
    if (c == ';') {
      statements.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  statements.push_back(current);
  auto blank = [](const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
  };
  statements.erase(std::remove_if(statements.begin(), statements.end(), blank), statements.end());
  for (std::string& statement : statements) {
    statement = statement.substr(statement.find_first_not_of(" \t\r\n"));
    statement = statement.substr(0, statement.find_last_not_of(" \t\r\n") + 1);
  }
  return statements;
}

std::vector<Migration> parse_migrations(const std::vector<MigrationFile>& files) {
  std::vector<Migration> migrations;
  for (const MigrationFile& file : files) {
    const auto underscore = file.file_name.find('_');
    const bool well_named =
        underscore == 4 && file.file_name.find_first_not_of("0123456789") == 4 &&
        file.file_name.size() > 9 && file.file_name.substr(file.file_name.size() - 4) == ".sql";
    if (!well_named) {
      throw failure("migration file name must be NNNN_name.sql: " + file.file_name);
    }
    Migration migration;
    migration.version = std::stoi(file.file_name.substr(0, 4));
    migration.name = file.file_name.substr(5, file.file_name.size() - 9);
    Poco::SHA1Engine sha1;
    sha1.update(file.sql);
    migration.checksum = Poco::DigestEngine::digestToHex(sha1.digest());
    migration.statements = split_sql(file.sql);
    migrations.push_back(std::move(migration));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version == migrations[i - 1].version) {
      throw failure("two migrations have version " + std::to_string(migrations[i].version));
    }
  }
  return migrations;
}

std::vector<Migration> bundled_migrations() {
  return parse_migrations(bundled_migration_files());
}

Migrator::Migrator(Database& db, std::vector<Migration> migrations)
    : db_(db), migrations_(std::move(migrations)) {}

void Migrator::ensure_table() {
  db_.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INT NOT NULL PRIMARY KEY,"
      " name VARCHAR(200) NOT NULL,"
      " checksum CHAR(40) NOT NULL,"
      " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
      ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
}

std::vector<MigrationState> Migrator::status() {
  ensure_table();
  struct Applied {
    std::string checksum;
    std::string at;
  };
  std::map<int, Applied> applied;
  Rows rows = db_.prepare("SELECT version, checksum, applied_at FROM schema_migrations").query();
  while (rows.next()) {
    applied[static_cast<int>(rows.integer("version"))] = {rows.text("checksum"),
                                                          rows.text("applied_at")};
  }
  std::vector<MigrationState> states;
  for (const Migration& migration : migrations_) {
    MigrationState state{migration.version, migration.name, false, {}};
    if (auto it = applied.find(migration.version); it != applied.end()) {
      if (it->second.checksum != migration.checksum) {
        throw failure("migration " + std::to_string(migration.version) + "_" + migration.name +
                      " was changed after it was applied (checksum differs)");
      }
      state.applied = true;
      state.applied_at = it->second.at;
      applied.erase(it);
    }
    states.push_back(state);
  }
  if (!applied.empty()) {
    throw failure("the database has migration " + std::to_string(applied.begin()->first) +
                  " that this version of gepaie does not know; upgrade gepaie");
  }
  return states;
}

int Migrator::migrate(const std::function<void(const std::string&)>& progress) {
  // Serialise concurrent migrations on one schema (named lock: MariaDB and MySQL alike).
  {
    Rows lock = db_.prepare("SELECT GET_LOCK(CONCAT(DATABASE(), '.migrate'), 60) AS got").query();
    if (!lock.next() || lock.integer("got") != 1) {
      throw failure("another gepaie is migrating this database; try again");
    }
  }
  int applied = 0;
  try {
    for (const MigrationState& state : status()) {
      if (state.applied) {
        continue;
      }
      const Migration& migration =
          *std::find_if(migrations_.begin(), migrations_.end(),
                        [&](const Migration& m) { return m.version == state.version; });
      if (progress) {
        progress("applying migration " + std::to_string(migration.version) + "_" + migration.name);
      }
      // DDL commits implicitly in MariaDB and MySQL: each statement stands on its own.
      for (const std::string& statement : migration.statements) {
        db_.execute(statement);
      }
      db_.prepare("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)")
          .integer(1, migration.version)
          .text(2, migration.name)
          .text(3, migration.checksum)
          .execute();
      ++applied;
    }
  } catch (...) {
    db_.execute("DO RELEASE_LOCK(CONCAT(DATABASE(), '.migrate'))");
    throw;
  }
  db_.execute("DO RELEASE_LOCK(CONCAT(DATABASE(), '.migrate'))");
  return applied;
}

}  // namespace gepaie::store
