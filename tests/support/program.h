// Runs the real gepaie program, as a user would, against its own throwaway schema on the test
// server (started by the db_server_start fixture). posix_spawn, with standard output and error
// to files: nothing of the test's process is shared with the child but its environment.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_database.h"

extern char** environ;

namespace gepaie::testing {

namespace fs = std::filesystem;

struct Result {
  int status = -1;  // exit status, or -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
  std::string out;
  std::string err;
};

inline std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

// Runs gepaie with `args` (standard output and error to files in `work`), in the folder `cwd`
// when one is given, killing it after `limit`.
inline Result run_gepaie(const std::vector<std::string>& args, const fs::path& work,
                         std::chrono::seconds limit = std::chrono::seconds(60),
                         const fs::path& cwd = {}) {
  const fs::path out_file = work / "stdout";
  const fs::path err_file = work / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (!cwd.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  }
  std::vector<std::string> words = {GEPAIE_BINARY};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);
  // The environment without GEPAIE_DATABASE_URL and GEPAIE_DATA_DIR: the test configuration
  // names the test server.
  std::vector<std::string> env_words;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("GEPAIE_DATABASE_URL=", 0) != 0 && entry.rfind("GEPAIE_DATA_DIR=", 0) != 0) {
      env_words.push_back(entry);
    }
  }
  std::vector<char*> envp;
  for (std::string& entry : env_words) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, GEPAIE_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("cannot start " GEPAIE_BINARY);
  }
  Result result;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFEXITED(status)) {
    result.status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  return result;
}

// gepaie with a configuration of its own naming the schema `name`_PID, dropped at the end.
class Program {
 public:
  explicit Program(const std::string& name) {
    work_ = fs::absolute(fs::temp_directory_path() /
                         ("gepaie-" + name + "-" + std::to_string(getpid())));
    fs::create_directories(work_);
    settings_ = gepaie::testing::test_settings();
    schema_ = name + "_" + std::to_string(getpid());
    settings_.database.schema = schema_;
    std::string yaml = read_file(GEPAIE_TEST_CONFIG);
    yaml.replace(yaml.find("schema: gepaie_test"), 19, "schema: " + schema_);
    config_ = work_ / "gepaie.yaml";
    write_file(config_, yaml);
  }
  ~Program() {
    try {
      connect()->drop_schema();
    } catch (...) {
    }
    std::error_code ignored;
    fs::remove_all(work_, ignored);
  }

  Result run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config_.string()});
    return run_gepaie(args, work_);
  }
  std::unique_ptr<gepaie::store::Database> connect() const {
    return gepaie::store::Database::connect(
        settings_.database, gepaie::store::EmbeddedServer(settings_.data_dir).socket().string());
  }
  const fs::path& work() const { return work_; }
  const fs::path& config() const { return config_; }

 private:
  fs::path work_;
  fs::path config_;
  std::string schema_;
  gepaie::config::Settings settings_;
};

}  // namespace gepaie::testing
