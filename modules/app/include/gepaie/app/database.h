// The database itself: the embedded server's start and stop, the schema's migrations and status.
// Run by whoever administers the machine (the operator at the shell); they act on the database
// before any GE data is read, so they take the settings or the connection rather than a workspace.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gepaie/config/settings.h"
#include "gepaie/store/database.h"
#include "gepaie/store/migrations.h"

namespace gepaie::app {

using Progress = std::function<void(const std::string&)>;

// The embedded server after `start_database` or `stop_database`: external (another server is
// configured: nothing to do), started (pid and socket) or stopped (was_running: it was stopped
// now).
struct EmbeddedServerState {
  bool external = false;
  bool was_running = false;
  int pid = 0;
  std::string socket;
};
EmbeddedServerState start_database(const config::Settings& settings, const Progress& progress);
EmbeddedServerState stop_database(const config::Settings& settings, const Progress& progress);

// A connection to the configured database; the embedded server is started first when it is the
// one configured.
std::unique_ptr<store::Database> connect_database(const config::Settings& settings,
                                                  const Progress& progress);
// Failure naming the first pending migration unless the schema is up to date.
void require_current_schema(store::Database& db);

// Applies the pending migrations (none: 0); running it twice changes nothing.
int migrate_database(store::Database& db, const Progress& progress);

struct DatabaseStatus {
  std::string server_version;
  std::string location;  // "embedded server, socket PATH", HOST:PORT or the socket
  std::string schema;
  std::vector<store::MigrationState> migrations;
  int pending = 0;
};
DatabaseStatus database_status(const config::Settings& settings, store::Database& db);

}  // namespace gepaie::app
