// The private MariaDB server gepaie runs when no external database is configured: created with
// mariadb-install-db and started as mariadbd in a folder of the data directory, unix socket only.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gepaie::store {

// Absolute paths of the two MariaDB programs the embedded server needs.
struct ServerPrograms {
  std::filesystem::path install_db;  // mariadb-install-db
  std::filesystem::path server;      // mariadbd
};

// Where the programs are looked for, in order, before the directories of PATH: the usual sbin
// and bin directories, since /usr/sbin is not in an ordinary user's PATH.
const std::vector<std::filesystem::path>& server_program_dirs();

// The first executable file named `name` in `dirs`, then in the directories of `path` (a PATH
// value); nullopt when there is none.
std::optional<std::filesystem::path> find_program(const std::string& name,
                                                  const std::vector<std::filesystem::path>& dirs,
                                                  const std::string& path);

// Finds mariadb-install-db and mariadbd; throws Error(Failure) naming where it looked.
ServerPrograms find_server_programs();

class EmbeddedServer {
 public:
  // Layout: everything in <data_dir>/mariadb, the one folder gepaie restricts (mode 0700, owned
  // by the account the server runs as): data/ (server files), run/ (socket, pid file), log/.
  // The data directory itself is created when absent and never changed otherwise.
  //
  // Accounts: run as root, gepaie runs mariadbd as the unprivileged `mysql` system account (the
  // one the mariadb-server package creates); run as an ordinary user, as that user. The database
  // accounts are authenticated by the unix socket's peer credentials (root@localhost, and the
  // ordinary user's account): there is no password, and no one else can log in.
  explicit EmbeddedServer(std::filesystem::path data_dir);
  // With given programs instead of the ones find_server_programs() finds (tests).
  EmbeddedServer(std::filesystem::path data_dir, ServerPrograms programs);

  std::filesystem::path folder() const;  // <data_dir>/mariadb
  std::filesystem::path socket() const;
  std::filesystem::path pid_file() const;
  bool initialized() const;
  // The pid file names a live mariadbd serving this data directory and the socket answers.
  bool running() const;
  // The server's pid, or 0 unless the pid file names a live mariadbd (/proc/PID/exe and its
  // command line) on this data directory: a stale pid file never gets another process signalled.
  int pid() const;

  // Creates the server files if needed, starts mariadbd and waits until it accepts connections.
  // Does nothing when already running. `progress` receives one line per step. Throws
  // Error(Failure) at once when a program cannot be found or run, or when the server exits, with
  // the end of the server's log.
  void start(const std::function<void(const std::string&)>& progress = {});
  // Stops the server and waits for it to exit. Does nothing when it is not running.
  void stop(const std::function<void(const std::string&)>& progress = {});

 private:
  std::filesystem::path data_dir_;
  std::optional<ServerPrograms> programs_;
};

}  // namespace gepaie::store
