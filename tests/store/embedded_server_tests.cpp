// The embedded server: its programs found by absolute path, failures reported at once, a stale
// pid file never gets another process signalled, only its own folder restricted, and no root
// server with a password-less root account. Starts throwaway servers under /tmp.
#define BOOST_TEST_MODULE embedded_server_tests
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gepaie/core/error.h"
#include "gepaie/store/database.h"
#include "gepaie/store/embedded_server.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::path("/tmp") / ("gepaie-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  }
  ~TempDir() {
    store::EmbeddedServer server(path / "data");
    try {
      server.stop();
    } catch (...) {
    }
    fs::remove_all(path);
  }
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line, its output and errors captured.
Result shell(const std::string& command, const fs::path& scratch) {
  const fs::path out = scratch / "out.txt";
  const fs::path err = scratch / "err.txt";
  const int raw = std::system((command + " >" + out.string() + " 2>" + err.string()).c_str());
  Result result{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
  fs::remove(out);
  fs::remove(err);
  return result;
}

fs::path write_config(const fs::path& dir, const fs::path& data_dir) {
  const fs::path file = dir / "gepaie.yaml";
  std::ofstream(file) << R"(ge:
  name: "GE de test"
  siret: "79012345900014"
  naf: "7830Z"
  address: { line1: "1 rue du Test", postcode: "63000", city: "Clermont-Ferrand" }
  urssaf_account: "637000001234567890"
  idcc: "1285"
database:
  schema: gepaie_es
data_dir: ")" << data_dir.string()
                      << R"("
rates_dir: ")" << GEPAIE_SOURCE_DIR
                      << R"(/config/rates"
)";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
  return file;
}

std::string gepaie_command(const fs::path& config, const std::string& args) {
  return std::string("env -u GEPAIE_DATABASE_URL -u GEPAIE_DATA_DIR ") + GEPAIE_BINARY +
         " --config " + config.string() + " " + args;
}

// A child process that only sleeps: the "other process" a stale pid file may name.
pid_t start_sleeper() {
  const pid_t child = fork();
  if (child == 0) {
    execl("/bin/sleep", "sleep", "300", static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

bool alive(pid_t child) {
  int status = 0;
  return waitpid(child, &status, WNOHANG) == 0;
}

void finish(pid_t child) {
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
}

// Listens on `path`, as a server whose pid file went stale would have left it answering.
int listen_on(const fs::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof(address.sun_path), "%s", path.c_str());
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  listen(fd, 4);
  return fd;
}

fs::perms mode_of(const fs::path& path) {
  return fs::status(path).permissions() & fs::perms::mask;
}

uid_t owner_of(const fs::path& path) {
  struct stat info {};
  stat(path.c_str(), &info);
  return info.st_uid;
}

template <typename Work>
double seconds_for(Work work) {
  const auto begin = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(embedded_server_tests)

BOOST_AUTO_TEST_CASE(programs_are_found_by_absolute_path_before_path) {
  TempDir dir("find");
  fs::create_directories(dir.path / "sbin");
  fs::create_directories(dir.path / "bin");
  std::ofstream(dir.path / "bin" / "mariadbd") << "#!/bin/sh\n";
  fs::permissions(dir.path / "bin" / "mariadbd", fs::perms::owner_all);
  std::ofstream(dir.path / "sbin" / "mariadbd") << "not executable\n";
  const auto found =
      store::find_program("mariadbd", {dir.path / "sbin", dir.path / "bin"}, "/usr/bin:/bin");
  BOOST_TEST(found.has_value());
  BOOST_TEST(found->string() == (dir.path / "bin" / "mariadbd").string());
  const auto from_path =
      store::find_program("mariadbd", {}, "relative/dir::" + (dir.path / "bin").string());
  BOOST_TEST((from_path && *from_path == dir.path / "bin" / "mariadbd"));
  BOOST_TEST(!store::find_program("mariadbd", {dir.path / "sbin"}, "").has_value());

  // The real ones, with an ordinary user's PATH that has no sbin directory.
  BOOST_TEST(
      store::find_program("mariadbd", store::server_program_dirs(), "/usr/bin:/bin").has_value());
  setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1);
  const store::ServerPrograms programs = store::find_server_programs();
  BOOST_TEST(programs.server.is_absolute());
  BOOST_TEST(programs.server.filename() == "mariadbd");
  BOOST_TEST(programs.install_db.filename() == "mariadb-install-db");
}

BOOST_AUTO_TEST_CASE(a_program_that_cannot_run_fails_at_once) {
  TempDir dir("missing");
  store::EmbeddedServer no_install(dir.path / "data",
                                   {"/nonexistent/mariadb-install-db", "/nonexistent/mariadbd"});
  const double install_seconds = seconds_for([&] {
    BOOST_CHECK_EXCEPTION(no_install.start(), Error, [](const Error& e) {
      BOOST_TEST(std::string(e.what()).find("cannot run /nonexistent/mariadb-install-db: No "
                                            "such file or directory") != std::string::npos,
                 e.what());
      return e.kind() == ErrorKind::Failure;
    });
  });
  BOOST_TEST(install_seconds < 5.0);

  // Server files "created" by /bin/true: then the server program is the one missing.
  store::EmbeddedServer no_server(dir.path / "data", {"/bin/true", "/nonexistent/mariadbd"});
  fs::create_directories(no_server.folder() / "data" / "mysql");
  std::ofstream(no_server.folder() / "data" / "mysql" / "global_priv.MAI") << "";
  const double server_seconds = seconds_for([&] {
    BOOST_CHECK_EXCEPTION(no_server.start(), Error, [](const Error& e) {
      return std::string(e.what()).find("cannot run /nonexistent/mariadbd") != std::string::npos;
    });
  });
  BOOST_TEST(server_seconds < 5.0);

  // A server that exits at once is reported at once, not after the start timeout.
  store::EmbeddedServer exits(dir.path / "data", {"/bin/true", "/bin/false"});
  const double exit_seconds = seconds_for([&] {
    BOOST_CHECK_EXCEPTION(exits.start(), Error, [](const Error& e) {
      return std::string(e.what()).find("stopped at once") != std::string::npos;
    });
  });
  BOOST_TEST(exit_seconds < 5.0);
}

BOOST_AUTO_TEST_CASE(a_stale_pid_file_naming_another_process_leaves_it_alone) {
  TempDir dir("stale");
  const fs::path data_dir = dir.path / "data";
  fs::create_directories(data_dir);
  fs::permissions(data_dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  const fs::path config = write_config(dir.path, data_dir);
  store::EmbeddedServer server(data_dir);
  fs::create_directories(server.socket().parent_path());
  const pid_t sleeper = start_sleeper();
  std::ofstream(server.pid_file()) << sleeper << "\n";
  const int listener = listen_on(server.socket());

  BOOST_TEST(server.pid() == 0);
  BOOST_TEST(!server.running());
  server.stop();
  usleep(200'000);
  BOOST_TEST(alive(sleeper));

  const Result stop = shell(gepaie_command(config, "db stop"), dir.path);
  BOOST_TEST(stop.status == 0, stop.err);
  BOOST_TEST(stop.out.find("not running") != std::string::npos, stop.out);
  usleep(200'000);
  BOOST_TEST(alive(sleeper));
  close(listener);

  // Start replaces the stale pid file with the real server's; stop stops that one only.
  const Result start = shell(gepaie_command(config, "db start"), dir.path);
  BOOST_TEST(start.status == 0, start.out + start.err);
  BOOST_TEST(server.running());
  BOOST_TEST(server.pid() != 0);
  BOOST_TEST(server.pid() != sleeper);
  BOOST_TEST(alive(sleeper));
  const int real = server.pid();
  const Result stopped = shell(gepaie_command(config, "db stop"), dir.path);
  BOOST_TEST(stopped.status == 0, stopped.err);
  BOOST_TEST(stopped.out.find("database server stopped") != std::string::npos, stopped.out);
  BOOST_TEST(kill(real, 0) != 0);
  BOOST_TEST(alive(sleeper));
  finish(sleeper);

  // The data directory the user named keeps its mode; only gepaie's folder is restricted.
  BOOST_TEST(
      (mode_of(data_dir) == (fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec)));
  BOOST_TEST((mode_of(server.folder()) == fs::perms::owner_all));
}

BOOST_AUTO_TEST_CASE(as_root_the_server_runs_as_mysql_and_root_logs_in_by_socket_only) {
  if (geteuid() != 0 || getpwnam("mysql") == nullptr) {
    BOOST_TEST_MESSAGE("skipped: needs root and the mysql system account");
    return;
  }
  TempDir dir("root");
  store::EmbeddedServer server(dir.path / "data");
  server.start();
  const int pid = server.pid();
  BOOST_TEST(pid != 0);
  BOOST_TEST(owner_of("/proc/" + std::to_string(pid)) == getpwnam("mysql")->pw_uid);
  BOOST_TEST(owner_of(server.folder()) == getpwnam("mysql")->pw_uid);
  BOOST_TEST(owner_of(dir.path / "data") == 0u);

  config::DatabaseSettings settings;
  settings.schema = "gepaie_es";
  auto db = store::Database::connect(settings, server.socket().string());
  store::Rows rows = db->prepare(
                           "SELECT user, plugin, authentication_string FROM mysql.user "
                           "WHERE user NOT IN ('mariadb.sys', 'PUBLIC') ORDER BY user")
                         .query();
  int accounts = 0;
  while (rows.next()) {
    ++accounts;
    BOOST_TEST(rows.text("user") == "root");
    BOOST_TEST(rows.text("plugin") == "unix_socket");
  }
  BOOST_TEST(accounts == 1);
  db.reset();
  server.stop();
  BOOST_TEST(!server.running());
}

BOOST_AUTO_TEST_CASE(an_ordinary_user_with_the_default_path_starts_the_server) {
  const auto runuser = store::find_program("runuser", store::server_program_dirs(), "");
  if (geteuid() != 0 || getpwnam("nobody") == nullptr || !runuser) {
    BOOST_TEST_MESSAGE("skipped: needs root and runuser to act as the user nobody");
    return;
  }
  TempDir dir("user");
  const fs::path data_dir = dir.path / "data";
  fs::create_directories(data_dir);
  const passwd* nobody = getpwnam("nobody");
  BOOST_REQUIRE(chown(data_dir.c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
  const fs::perms chosen = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec;
  fs::permissions(data_dir, chosen);
  const fs::path config = write_config(dir.path, data_dir);
  const auto as_nobody = [&](const std::string& args) {
    return shell(runuser->string() +
                     " -u nobody -- env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp " +
                     gepaie_command(config, args),
                 dir.path);
  };
  const Result start = as_nobody("db start");
  BOOST_TEST(start.status == 0, start.out + start.err);
  BOOST_TEST(start.out.find("database server running") != std::string::npos, start.out);
  store::EmbeddedServer server(data_dir);
  BOOST_TEST(owner_of("/proc/" + std::to_string(server.pid())) == nobody->pw_uid);
  // nobody's own database account, authenticated by the socket.
  const Result status = as_nobody("db status");
  BOOST_TEST(status.status == 0, status.out + status.err);
  BOOST_TEST(status.out.find("pending") != std::string::npos, status.out);
  const Result stop = as_nobody("db stop");
  BOOST_TEST(stop.status == 0, stop.out + stop.err);
  BOOST_TEST(!server.running());
  BOOST_TEST((mode_of(data_dir) == chosen));
  BOOST_TEST((mode_of(server.folder()) == fs::perms::owner_all));
}

BOOST_AUTO_TEST_SUITE_END()
