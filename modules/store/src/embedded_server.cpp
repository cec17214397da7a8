#include "gepaie/store/embedded_server.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "gepaie/core/error.h"

namespace gepaie::store {
namespace fs = std::filesystem;
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(90);
constexpr auto kStopTimeout = std::chrono::seconds(90);
constexpr auto kPoll = std::chrono::milliseconds(100);

// The system account the server runs as when gepaie runs as root (created by mariadb-server).
constexpr const char* kServerAccount = "mysql";

using Progress = std::function<void(const std::string&)>;

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

// Who runs the server and who connects to it.
struct Accounts {
  std::string client;  // the Unix user running gepaie, and its database account
  bool as_root = false;
  uid_t server_uid = 0;  // the account mariadbd runs as
  gid_t server_gid = 0;
  std::string server;
};

Accounts accounts() {
  Accounts accounts;
  const passwd* self = getpwuid(geteuid());
  if (self == nullptr) {
    throw failure("the Unix user " + std::to_string(geteuid()) + " has no name");
  }
  accounts.client = self->pw_name;
  accounts.as_root = geteuid() == 0;
  accounts.server = accounts.client;
  accounts.server_uid = geteuid();
  accounts.server_gid = getegid();
  if (accounts.as_root) {
    const passwd* server = getpwnam(kServerAccount);
    if (server == nullptr) {
      throw failure(std::string("gepaie runs as root but there is no '") + kServerAccount +
                    "' system account to run the database server as: install mariadb-server, or "
                    "run gepaie as an ordinary user");
    }
    accounts.server = kServerAccount;
    accounts.server_uid = server->pw_uid;
    accounts.server_gid = server->pw_gid;
  }
  // The name goes into the server's init file as an account name.
  const bool plain =
      !accounts.client.empty() && accounts.client.size() <= 80 &&
      accounts.client.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == std::string::npos;
  if (!plain) {
    throw failure("the Unix user name '" + accounts.client +
                  "' cannot name a database account (letters, digits, '.', '_' and '-')");
  }
  return accounts;
}

// Sends output to `log`, input from /dev/null, and becomes the program; on failure, writes errno
// to `report` (a close-on-exec pipe) and exits. Runs in a child process.
[[noreturn]] void exec_logged(const std::vector<std::string>& argv, const fs::path& log,
                              int report) {
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
  execv(args[0], args.data());
  const int error = errno;
  [[maybe_unused]] const ssize_t written = write(report, &error, sizeof error);
  _exit(127);
}

int wait_for(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Forks a child that runs `argv` (its first word an absolute path), in a new session when
// `detached`. Returns the child's pid once the program runs; throws at once when it cannot.
pid_t launch(const std::vector<std::string>& argv, const fs::path& log, bool detached) {
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) {
    throw failure("cannot create a pipe to run " + argv.front());
  }
  const pid_t child = fork();
  if (child < 0) {
    close(report[0]);
    close(report[1]);
    throw failure("cannot fork to run " + argv.front());
  }
  if (child == 0) {
    close(report[0]);
    if (detached) {
      setsid();
    }
    exec_logged(argv, log, report[1]);
  }
  close(report[1]);
  int error = 0;
  ssize_t got = 0;
  while ((got = read(report[0], &error, sizeof error)) < 0 && errno == EINTR) {
  }
  close(report[0]);
  if (got == sizeof error) {
    wait_for(child);
    throw failure("cannot run " + argv.front() + ": " + std::strerror(error));
  }
  return child;
}

bool socket_accepts(const fs::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
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
    fd_ = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
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

void say(const Progress& progress, const std::string& line) {
  if (progress) {
    progress(line);
  }
}

bool is_server_program(std::string name) {
  const std::string deleted = " (deleted)";  // the package was upgraded under the server
  if (name.size() > deleted.size() && name.ends_with(deleted)) {
    name.resize(name.size() - deleted.size());
  }
  name = fs::path(name).filename().string();
  return name == "mariadbd" || name == "mysqld";
}

// The pid in `pid_file` when it names a live mariadbd whose command line names `datadir`.
int verified_server_pid(const fs::path& pid_file, const fs::path& datadir) {
  std::ifstream in(pid_file);
  int pid = 0;
  if (!(in >> pid) || pid <= 1 || kill(pid, 0) != 0) {
    return 0;
  }
  const fs::path proc = "/proc/" + std::to_string(pid);
  std::error_code error;
  // Another user's process hides its executable; its command line stays readable.
  const fs::path exe = fs::read_symlink(proc / "exe", error);
  if (!error && !is_server_program(exe.string())) {
    return 0;
  }
  std::ifstream cmdline_file(proc / "cmdline", std::ios::binary);
  std::vector<std::string> args;
  for (std::string arg; std::getline(cmdline_file, arg, '\0');) {
    args.push_back(arg);
  }
  if (args.empty() || !is_server_program(args.front())) {
    return 0;
  }
  const std::string ours = "--datadir=" + datadir.string();
  for (const std::string& arg : args) {
    if (arg == ours) {
      return pid;
    }
  }
  return 0;
}

// Sends SIGTERM to a verified server and waits until it is gone.
void terminate(int server) {
  kill(server, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  // A server this process started is its child: reap it, or it stays a zombie that kill sees.
  int status = 0;
  while (waitpid(server, &status, WNOHANG) != server && kill(server, 0) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw failure("the database server (pid " + std::to_string(server) +
                    ") did not stop in time");
    }
    std::this_thread::sleep_for(kPoll);
  }
}

// Creates `dir` (mode 0700) if needed and makes sure it is a real directory with that mode.
void make_private_dir(const fs::path& dir) {
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    throw failure("cannot create " + dir.string() + ": " + std::strerror(errno));
  }
  struct stat info {};
  if (lstat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    throw failure(dir.string() + " is not a directory");
  }
  if ((info.st_mode & 07777) != 0700 && chmod(dir.c_str(), 0700) != 0) {
    throw failure("cannot restrict " + dir.string() + ": " + std::strerror(errno));
  }
}

// Gives everything under `folder` (symbolic links not followed) to the server's account.
void give_to(const fs::path& folder, uid_t uid, gid_t gid) {
  const auto own = [&](const fs::path& path) {
    struct stat info {};
    if (lstat(path.c_str(), &info) == 0 && (info.st_uid != uid || info.st_gid != gid) &&
        lchown(path.c_str(), uid, gid) != 0) {
      throw failure("cannot give " + path.string() +
                    " to the database server's account: " + std::strerror(errno));
    }
  };
  own(folder);
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    own(entry.path());
  }
}

// The server's account must be able to enter every directory above its folder.
void check_reachable(const fs::path& folder, const Accounts& who) {
  for (fs::path dir = folder.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    struct stat info {};
    if (stat(dir.c_str(), &info) != 0) {
      break;
    }
    const bool enters = info.st_uid == who.server_uid   ? (info.st_mode & S_IXUSR) != 0
                        : info.st_gid == who.server_gid ? (info.st_mode & S_IXGRP) != 0
                                                        : (info.st_mode & S_IXOTH) != 0;
    if (!enters) {
      throw failure("the database server runs as the system account '" + who.server +
                    "', which cannot enter " + dir.string() +
                    ": let it (chmod o+x), or choose a data directory it can reach "
                    "(data_dir or GEPAIE_DATA_DIR)");
    }
    if (dir == dir.root_path()) {
      break;
    }
  }
}

// Statements the server runs at each start: its accounts are authenticated by the unix socket
// only (this also removes the password-less root of data directories made by earlier versions).
std::string init_statements(const Accounts& who) {
  // Earlier versions also had password-less root accounts for 127.0.0.1, ::1 and the host name.
  std::string sql =
      "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';\n"
      "FLUSH PRIVILEGES;\n"
      "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;\n";
  if (!who.as_root) {
    const std::string account = "'" + who.client + "'@'localhost'";
    sql += "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED VIA unix_socket;\n";
    sql += "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n";
  }
  return sql;
}

}  // namespace

const std::vector<fs::path>& server_program_dirs() {
  static const std::vector<fs::path> dirs = {"/usr/sbin",      "/usr/bin", "/usr/local/sbin",
                                             "/usr/local/bin", "/sbin",    "/bin"};
  return dirs;
}

std::optional<fs::path> find_program(const std::string& name, const std::vector<fs::path>& dirs,
                                     const std::string& path) {
  std::vector<fs::path> all = dirs;
  std::stringstream entries(path);
  for (std::string entry; std::getline(entries, entry, ':');) {
    if (!entry.empty() && fs::path(entry).is_absolute()) {
      all.emplace_back(entry);
    }
  }
  for (const fs::path& dir : all) {
    const fs::path candidate = dir / name;
    std::error_code error;
    if (fs::is_regular_file(candidate, error) && access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

ServerPrograms find_server_programs() {
  const char* path = std::getenv("PATH");
  const auto find = [&](const std::string& name) {
    if (auto found = find_program(name, server_program_dirs(), path == nullptr ? "" : path)) {
      return *found;
    }
    std::string where;
    for (const fs::path& dir : server_program_dirs()) {
      where += dir.string() + ", ";
    }
    throw failure("cannot find " + name + " (looked in " + where +
                  "then PATH): install the mariadb-server package");
  };
  return {find("mariadb-install-db"), find("mariadbd")};
}

EmbeddedServer::EmbeddedServer(fs::path data_dir) : data_dir_(fs::absolute(data_dir)) {}

EmbeddedServer::EmbeddedServer(fs::path data_dir, ServerPrograms programs)
    : data_dir_(fs::absolute(data_dir)), programs_(std::move(programs)) {}

fs::path EmbeddedServer::folder() const {
  return data_dir_ / "mariadb";
}

fs::path EmbeddedServer::socket() const {
  return folder() / "run" / "mysqld.sock";
}

fs::path EmbeddedServer::pid_file() const {
  return folder() / "run" / "mysqld.pid";
}

bool EmbeddedServer::initialized() const {
  const fs::path system = folder() / "data" / "mysql";
  return fs::exists(system / "db.frm") || fs::exists(system / "user.frm") ||
         fs::exists(system / "global_priv.MAI");
}

int EmbeddedServer::pid() const {
  return verified_server_pid(pid_file(), folder() / "data");
}

bool EmbeddedServer::running() const {
  return pid() != 0 && socket_accepts(socket());
}

void EmbeddedServer::start(const Progress& progress) {
  if (running()) {
    return;
  }
  if (socket().string().size() >= sizeof(sockaddr_un::sun_path)) {
    throw failure("the data directory path is too long for a unix socket (" + socket().string() +
                  "); set GEPAIE_DATA_DIR to a shorter path");
  }
  const ServerPrograms programs = programs_ ? *programs_ : find_server_programs();
  const Accounts who = accounts();
  fs::create_directories(data_dir_);
  make_private_dir(folder());
  make_private_dir(folder() / "run");
  make_private_dir(folder() / "log");
  DirectoryLock lock(folder() / "run" / "start.lock");
  if (running()) {
    return;
  }
  // Earlier versions kept the server files in <data_dir>/mysql, its socket in <data_dir>/run.
  const fs::path legacy = data_dir_ / "mysql";
  if (fs::exists(legacy / "mysql") && !fs::exists(folder() / "data")) {
    if (const int old = verified_server_pid(data_dir_ / "run" / "mysqld.pid", legacy)) {
      say(progress,
          "stopping the database server of the former layout (pid " + std::to_string(old) + ")");
      terminate(old);
    }
    say(progress, "moving the database server files from " + legacy.string() + " to " +
                      (folder() / "data").string());
    fs::rename(legacy, folder() / "data");
  }
  const fs::path log = folder() / "log" / "mariadb.log";
  std::ofstream(log, std::ios::app).close();
  const fs::path init_file = folder() / "run" / "init.sql";
  std::ofstream(init_file, std::ios::trunc) << init_statements(who);
  fs::permissions(init_file, fs::perms::owner_read | fs::perms::owner_write);
  if (who.as_root) {
    check_reachable(folder(), who);
    give_to(folder(), who.server_uid, who.server_gid);
  }
  if (!initialized()) {
    say(progress, "creating the database server files in " + (folder() / "data").string());
    std::vector<std::string> install = {programs.install_db.string(),
                                        "--no-defaults",
                                        "--datadir=" + (folder() / "data").string(),
                                        "--auth-root-authentication-method=socket",
                                        "--auth-root-socket-user=" + who.client,
                                        "--skip-test-db",
                                        "--skip-name-resolve"};
    if (who.as_root) {
      install.push_back("--user=" + who.server);
    }
    if (wait_for(launch(install, log, false)) != 0) {
      throw failure(programs.install_db.string() + " failed; its log " + log.string() +
                    " ends with:" + log_tail(log, 15));
    }
  }
  say(progress, "starting the database server (socket " + socket().string() + ")");
  fs::remove(socket());
  std::vector<std::string> server = {programs.server.string(),
                                     "--no-defaults",
                                     "--datadir=" + (folder() / "data").string(),
                                     "--socket=" + socket().string(),
                                     "--pid-file=" + pid_file().string(),
                                     "--log-error=" + log.string(),
                                     "--init-file=" + init_file.string(),
                                     "--skip-networking",
                                     "--skip-name-resolve",
                                     "--character-set-server=utf8mb4",
                                     "--collation-server=utf8mb4_unicode_ci",
                                     "--innodb-buffer-pool-size=128M"};
  if (who.as_root) {
    server.push_back("--user=" + who.server);
  }
  const pid_t child = launch(server, log, true);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (running()) {
      return;
    }
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) {
      throw failure("the database server stopped at once; its log " + log.string() +
                    " ends with:" + log_tail(log, 15));
    }
    std::this_thread::sleep_for(kPoll);
  }
  throw failure("the database server did not start; its log " + log.string() +
                " ends with:" + log_tail(log, 15));
}

void EmbeddedServer::stop(const Progress& progress) {
  if (!fs::exists(folder() / "run")) {
    return;
  }
  DirectoryLock lock(folder() / "run" / "start.lock");
  const int server = pid();
  if (server == 0) {
    return;
  }
  say(progress, "stopping the database server (pid " + std::to_string(server) + ")");
  terminate(server);
}

}  // namespace gepaie::store
