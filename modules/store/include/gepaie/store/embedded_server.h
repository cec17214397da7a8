// The private MariaDB server gepaie runs when no external database is configured: created with
// mariadb-install-db and started as mariadbd under the data directory, unix socket only.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace gepaie::store {

class EmbeddedServer {
 public:
  // Layout: <data_dir>/mysql (server files), <data_dir>/run (socket, pid), <data_dir>/log.
  explicit EmbeddedServer(std::filesystem::path data_dir);

  std::filesystem::path socket() const;
  bool initialized() const;
  bool running() const;  // the pid file names a live process and the socket exists
  int pid() const;       // 0 when not running

  // Creates the server files if needed, starts mariadbd and waits until it accepts connections.
  // Does nothing when already running. `progress` receives one line per step.
  // Throws Error(Failure) with the end of the server's log when it cannot start.
  void start(const std::function<void(const std::string&)>& progress = {});
  // Stops the server and waits for it to exit. Does nothing when it is not running.
  void stop(const std::function<void(const std::string&)>& progress = {});

 private:
  std::filesystem::path data_dir_;
};

}  // namespace gepaie::store
