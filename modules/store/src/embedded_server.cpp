#include "gepaie/store/embedded_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "gepaie/core/error.h"

namespace gepaie::store {
namespace fs = std::filesystem;
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(90);
constexpr auto kStopTimeout = std::chrono::seconds(90);
constexpr auto kPoll = std::chrono::milliseconds(100);

std::string log_tail(const fs::path& log, size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) {
    all.push_back(line);
  }
  std::string tail;
  for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) {
    tail += "\n  " + all[i];
  }
  return tail;
}

// In a child process: sends output to `log`, input from /dev/null, and becomes the program.
[[noreturn]] void exec_logged(const std::vector<std::string>& argv, const fs::path& log) {
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd >= 0) {
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
  const int null = open("/dev/null", O_RDONLY);
  if (null >= 0) {
    dup2(null, STDIN_FILENO);
    close(null);
  }
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

int wait_for(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Runs a program to completion with its output appended to `log`; returns its exit status.
int run(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t child = fork();
  if (child < 0) {
    throw failure("cannot fork to run " + argv.front());
  }
  if (child == 0) {
    exec_logged(argv, log);
  }
  return wait_for(child);
}

// Starts a program detached from this process (new session, reparented to init).
void spawn_detached(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t child = fork();
  if (child < 0) {
    throw failure("cannot fork to start " + argv.front());
  }
  if (child == 0) {
    setsid();
    const pid_t grandchild = fork();
    if (grandchild == 0) {
      exec_logged(argv, log);
    }
    _exit(grandchild < 0 ? 1 : 0);
  }
  wait_for(child);
}

bool socket_accepts(const fs::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) {
    return false;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof(address.sun_path), "%s", path.c_str());
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  close(fd);
  return ok;
}

// Serialises starts and stops of one data directory across processes.
class DirectoryLock {
 public:
  explicit DirectoryLock(const fs::path& file) {
    fd_ = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0 || flock(fd_, LOCK_EX) != 0) {
      throw failure("cannot lock " + file.string());
    }
  }
  ~DirectoryLock() { close(fd_); }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_ = -1;
};

void say(const std::function<void(const std::string&)>& progress, const std::string& line) {
  if (progress) {
    progress(line);
  }
}

}  // namespace

EmbeddedServer::EmbeddedServer(fs::path data_dir) : data_dir_(fs::absolute(data_dir)) {}

fs::path EmbeddedServer::socket() const {
  return data_dir_ / "run" / "mysqld.sock";
}

bool EmbeddedServer::initialized() const {
  return fs::exists(data_dir_ / "mysql" / "mysql" / "db.frm") ||
         fs::exists(data_dir_ / "mysql" / "mysql" / "user.frm") ||
         fs::exists(data_dir_ / "mysql" / "mysql" / "global_priv.MAI");
}

int EmbeddedServer::pid() const {
  std::ifstream in(data_dir_ / "run" / "mysqld.pid");
  int pid = 0;
  if (!(in >> pid) || pid <= 0 || kill(pid, 0) != 0) {
    return 0;
  }
  return pid;
}

bool EmbeddedServer::running() const {
  return pid() != 0 && socket_accepts(socket());
}

void EmbeddedServer::start(const std::function<void(const std::string&)>& progress) {
  if (running()) {
    return;
  }
  fs::create_directories(data_dir_ / "run");
  fs::create_directories(data_dir_ / "log");
  fs::permissions(data_dir_, fs::perms::owner_all, fs::perm_options::replace);
  if (socket().string().size() >= sizeof(sockaddr_un::sun_path)) {
    throw failure("the data directory path is too long for a unix socket (" + socket().string() +
                  "); set GEPAIE_DATA_DIR to a shorter path");
  }
  DirectoryLock lock(data_dir_ / "run" / "start.lock");
  if (running()) {
    return;
  }
  const fs::path log = data_dir_ / "log" / "mariadb.log";
  const bool as_root = geteuid() == 0;
  if (!initialized()) {
    say(progress, "creating the database server files in " + (data_dir_ / "mysql").string());
    std::vector<std::string> install = {"mariadb-install-db",
                                        "--no-defaults",
                                        "--datadir=" + (data_dir_ / "mysql").string(),
                                        "--auth-root-authentication-method=normal",
                                        "--skip-test-db",
                                        "--skip-name-resolve"};
    if (as_root) {
      install.push_back("--user=root");
    }
    if (run(install, log) != 0) {
      throw failure("mariadb-install-db failed; its log " + log.string() +
                    " ends with:" + log_tail(log, 15));
    }
  }
  say(progress, "starting the database server (socket " + socket().string() + ")");
  fs::remove(socket());
  std::vector<std::string> server = {"mariadbd",
                                     "--no-defaults",
                                     "--datadir=" + (data_dir_ / "mysql").string(),
                                     "--socket=" + socket().string(),
                                     "--pid-file=" + (data_dir_ / "run" / "mysqld.pid").string(),
                                     "--log-error=" + log.string(),
                                     "--skip-networking",
                                     "--skip-name-resolve",
                                     "--character-set-server=utf8mb4",
                                     "--collation-server=utf8mb4_unicode_ci",
                                     "--innodb-buffer-pool-size=128M"};
  if (as_root) {
    server.push_back("--user=root");
  }
  spawn_detached(server, log);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (running()) {
      return;
    }
    std::this_thread::sleep_for(kPoll);
  }
  throw failure("the database server did not start; its log " + log.string() +
                " ends with:" + log_tail(log, 15));
}

void EmbeddedServer::stop(const std::function<void(const std::string&)>& progress) {
  if (!fs::exists(data_dir_ / "run")) {
    return;
  }
  DirectoryLock lock(data_dir_ / "run" / "start.lock");
  const int server = pid();
  if (server == 0) {
    return;
  }
  say(progress, "stopping the database server (pid " + std::to_string(server) + ")");
  kill(server, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  while (kill(server, 0) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw failure("the database server (pid " + std::to_string(server) +
                    ") did not stop in time");
    }
    std::this_thread::sleep_for(kPoll);
  }
}

}  // namespace gepaie::store
