#include "gepaie/app/database.h"

#include "gepaie/core/error.h"
#include "gepaie/store/embedded_server.h"

namespace gepaie::app {

EmbeddedServerState start_database(const config::Settings& settings, const Progress& progress) {
  EmbeddedServerState state;
  if (!settings.database.embedded) {
    state.external = true;
    return state;
  }
  store::EmbeddedServer server(settings.data_dir);
  state.was_running = server.running();
  server.start(progress);
  state.pid = server.pid();
  state.socket = server.socket().string();
  return state;
}

EmbeddedServerState stop_database(const config::Settings& settings, const Progress& progress) {
  EmbeddedServerState state;
  if (!settings.database.embedded) {
    state.external = true;
    return state;
  }
  store::EmbeddedServer server(settings.data_dir);
  state.socket = server.socket().string();
  state.was_running = server.running();
  if (state.was_running) {
    server.stop(progress);
  }
  return state;
}

std::unique_ptr<store::Database> connect_database(const config::Settings& settings,
                                                  const Progress& progress) {
  const EmbeddedServerState server = start_database(settings, progress);  // external: no socket
  return store::Database::connect(settings.database, server.socket);
}

void require_current_schema(store::Database& db) {
  store::Migrator migrator(db, store::bundled_migrations());
  for (const store::MigrationState& state : migrator.status()) {
    if (!state.applied) {
      throw failure("the database schema is not up to date (migration " +
                    std::to_string(state.version) + "_" + state.name +
                    " pending): run `gepaie db migrate`");
    }
  }
}

int migrate_database(store::Database& db, const Progress& progress) {
  store::Migrator migrator(db, store::bundled_migrations());
  return migrator.migrate(progress);
}

DatabaseStatus database_status(const config::Settings& settings, store::Database& db) {
  DatabaseStatus status;
  status.server_version = db.server_version();
  status.schema = db.schema();
  status.location =
      settings.database.embedded
          ? "embedded server, socket " + store::EmbeddedServer(settings.data_dir).socket().string()
          : (settings.database.socket.empty()
                 ? settings.database.host + ":" + std::to_string(settings.database.port)
                 : settings.database.socket);
  store::Migrator migrator(db, store::bundled_migrations());
  status.migrations = migrator.status();
  for (const store::MigrationState& state : status.migrations) {
    status.pending += state.applied ? 0 : 1;
  }
  return status;
}

}  // namespace gepaie::app
