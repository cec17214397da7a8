// gepaie db start|stop|status|migrate
#include "command.h"
#include "context.h"
#include "gepaie/store/embedded_server.h"
#include "gepaie/store/migrations.h"
#include "table.h"

namespace gepaie::cli {
namespace {

int db_start(Context& context, const Arguments&) {
  const config::Settings& settings = context.settings();
  if (!settings.database.embedded) {
    context.out() << "an external database is configured; nothing to start\n";
    return 0;
  }
  store::EmbeddedServer server(settings.data_dir);
  server.start([&](const std::string& line) { context.out() << line << std::endl; });
  context.out() << "database server running, pid " << server.pid() << ", socket "
                << server.socket().string() << "\n";
  return 0;
}

int db_stop(Context& context, const Arguments&) {
  const config::Settings& settings = context.settings();
  if (!settings.database.embedded) {
    context.out() << "an external database is configured; nothing to stop\n";
    return 0;
  }
  store::EmbeddedServer server(settings.data_dir);
  if (!server.running()) {
    context.out() << "the database server is not running\n";
    return 0;
  }
  server.stop([&](const std::string& line) { context.out() << line << std::endl; });
  context.out() << "database server stopped\n";
  return 0;
}

int db_migrate(Context& context, const Arguments&) {
  store::Database& db = context.db(false);
  store::Migrator migrator(db, store::bundled_migrations());
  const int applied =
      migrator.migrate([&](const std::string& line) { context.out() << line << std::endl; });
  context.out() << (applied == 0 ? "schema " + db.schema() + " is up to date\n"
                                 : "applied " + std::to_string(applied) + " migration(s) to " +
                                       db.schema() + "\n");
  return 0;
}

int db_status(Context& context, const Arguments& args) {
  const config::Settings& settings = context.settings();
  store::Database& db = context.db(false);
  store::Migrator migrator(db, store::bundled_migrations());
  const auto states = migrator.status();
  const std::string where =
      settings.database.embedded
          ? "embedded server, socket " + store::EmbeddedServer(settings.data_dir).socket().string()
          : (settings.database.socket.empty()
                 ? settings.database.host + ":" + std::to_string(settings.database.port)
                 : settings.database.socket);
  size_t pending = 0;
  for (const auto& state : states) {
    pending += state.applied ? 0 : 1;
  }
  if (args.flag("json")) {
    auto root = json_object();
    root->set("server", db.server_version());
    root->set("location", where);
    root->set("schema", db.schema());
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& state : states) {
      auto item = json_object();
      item->set("version", state.version);
      item->set("name", state.name);
      item->set("applied", state.applied);
      item->set("applied_at", state.applied_at);
      list->add(item);
    }
    root->set("migrations", list);
    root->set("pending", static_cast<int>(pending));
    print_json(context.out(), root);
    return 0;
  }
  context.out() << "server:  " << db.server_version() << " (" << where << ")\n"
                << "schema:  " << db.schema() << "\n\n";
  Table table({{"Version", Align::Right}, {"Migration"}, {"State"}, {"Applied at"}});
  for (const auto& state : states) {
    table.add({std::to_string(state.version), state.name, state.applied ? "applied" : "pending",
               state.applied_at});
  }
  table.print(context.out());
  context.out() << "\n" << pending << " pending\n";
  return 0;
}

}  // namespace

std::vector<Command> db_commands() {
  return {
      {"db start",
       "Start the embedded database server (created on first use)",
       "",
       "With no external database configured, gepaie keeps a private MariaDB server under the\n"
       "data directory (GEPAIE_DATA_DIR, default var/ beside the configuration), reachable by\n"
       "unix socket only. Other commands start it when needed; this one just starts it.",
       {},
       db_start},
      {"db stop", "Stop the embedded database server", "", "", {}, db_stop},
      {"db status",
       "Show the database, and applied and pending migrations",
       "",
       "",
       {{"json", "", "print JSON", ""}},
       db_status},
      {"db migrate",
       "Apply the pending schema migrations (running it twice changes nothing)",
       "",
       "Migrations are the files sql/migrations/NNNN_name.sql, compiled into gepaie and recorded\n"
       "in the schema_migrations table with their checksum.",
       {},
       db_migrate},
  };
}

}  // namespace gepaie::cli
