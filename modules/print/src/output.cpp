#include "gepaie/print/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "gepaie/core/error.h"

namespace gepaie::print {
namespace {

namespace fs = std::filesystem;

Error cannot_create(const fs::path& dir, const std::string& reason) {
  return Error(ErrorKind::Failure, "cannot create the folder " + dir.string() + ": " + reason);
}

}  // namespace

OutputDir make_private_dir(const fs::path& dir) {
  if (dir.empty()) {
    throw cannot_create(dir, "no folder named");
  }
  // The missing folders, innermost first.
  std::vector<fs::path> missing;
  fs::path at = dir.lexically_normal();
  if (!at.has_filename()) {
    at = at.parent_path();  // "out/" -> "out"
  }
  struct stat info {};
  bool found = false;  // `at` exists: `dir` itself when nothing is missing, else its ancestor
  while (!found) {
    if (::stat(at.c_str(), &info) == 0) {
      found = true;
      break;
    }
    if (errno != ENOENT) {
      throw cannot_create(dir, std::strerror(errno));
    }
    missing.push_back(at);
    const fs::path parent = at.parent_path();
    if (parent.empty() || parent == at) {
      break;  // a relative path whose first folder is missing: made in the working folder
    }
    at = parent;
  }
  const bool existed = missing.empty();
  if (found && !S_ISDIR(info.st_mode)) {
    throw cannot_create(dir, existed ? "not a folder" : at.string() + " is not a folder");
  }
  for (auto folder = missing.rbegin(); folder != missing.rend(); ++folder) {
    // mkdir's mode goes through the umask, which only takes bits away: 0700 stays 0700 unless
    // the umask removes the owner's bits, which chmod puts back on the folder just made.
    if (::mkdir(folder->c_str(), 0700) != 0) {
      const int error = errno;
      struct stat raced {};
      if (error == EEXIST && ::stat(folder->c_str(), &raced) == 0 && S_ISDIR(raced.st_mode)) {
        continue;  // made meanwhile by another process: not ours to change
      }
      throw cannot_create(dir, std::strerror(error));
    }
    if (::chmod(folder->c_str(), 0700) != 0) {
      throw cannot_create(dir, std::strerror(errno));
    }
  }
  OutputDir result;
  result.path = dir;
  if (existed) {
    result.open_to_others = (info.st_mode & (S_IRWXG | S_IRWXO)) != 0;
  }
  return result;
}

void write_private_file(const fs::path& file, std::string_view data) {
  auto failed = [&file](const std::string& reason) {
    return Error(ErrorKind::Failure, "cannot write " + file.string() + ": " + reason);
  };
  std::string partial = file.string() + ".XXXXXX";
  const int fd = ::mkstemp(partial.data());  // 0600, whatever the umask
  if (fd < 0) {
    throw failed(std::strerror(errno));
  }
  size_t written = 0;
  int error = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      error = n < 0 ? errno : EIO;
      break;
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error == 0 && ::rename(partial.c_str(), file.c_str()) != 0) {
    error = errno;
  }
  if (error != 0) {
    ::unlink(partial.c_str());
    throw failed(std::strerror(error));
  }
}

}  // namespace gepaie::print
