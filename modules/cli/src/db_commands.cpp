// gepaie db start|stop|status|migrate
#include "command.h"
#include "context.h"
#include "gepaie/app/database.h"
#include "table.h"

namespace gepaie::cli {
namespace {

app::Progress printer(Context& context) {
  return [&context](const std::string& line) { context.out() << line << std::endl; };
}

int db_start(Context& context, const Arguments&) {
  const app::EmbeddedServerState state = app::start_database(context.settings(), printer(context));
  if (state.external) {
    context.out() << "an external database is configured; nothing to start\n";
    return 0;
  }
  context.out() << "database server running, pid " << state.pid << ", socket " << state.socket
                << "\n";
  return 0;
}

int db_stop(Context& context, const Arguments&) {
  const app::EmbeddedServerState state = app::stop_database(context.settings(), printer(context));
  context.out() << (state.external      ? "an external database is configured; nothing to stop\n"
                    : state.was_running ? "database server stopped\n"
                                        : "the database server is not running\n");
  return 0;
}

int db_migrate(Context& context, const Arguments&) {
  store::Database& db = context.db(false);
  const int applied = app::migrate_database(db, printer(context));
  context.out() << (applied == 0 ? "schema " + db.schema() + " is up to date\n"
                                 : "applied " + std::to_string(applied) + " migration(s) to " +
                                       db.schema() + "\n");
  return 0;
}

int db_status(Context& context, const Arguments& args) {
  const app::DatabaseStatus status = app::database_status(context.settings(), context.db(false));
  if (args.flag("json")) {
    auto root = json_object();
    root->set("server", status.server_version);
    root->set("location", status.location);
    root->set("schema", status.schema);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& state : status.migrations) {
      auto item = json_object();
      item->set("version", state.version);
      item->set("name", state.name);
      item->set("applied", state.applied);
      item->set("applied_at", state.applied_at);
      list->add(item);
    }
    root->set("migrations", list);
    root->set("pending", status.pending);
    print_json(context.out(), root);
    return 0;
  }
  context.out() << "server:  " << status.server_version << " (" << status.location << ")\n"
                << "schema:  " << status.schema << "\n\n";
  Table table({{"Version", Align::Right}, {"Migration"}, {"State"}, {"Applied at"}});
  for (const auto& state : status.migrations) {
    table.add({std::to_string(state.version), state.name, state.applied ? "applied" : "pending",
               state.applied_at});
  }
  table.print(context.out());
  context.out() << "\n" << status.pending << " pending\n";
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
