#include "pdf_pool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "font_subset.h"
#include "gepaie/core/error.h"

namespace gepaie::print::detail {
namespace {

namespace fs = std::filesystem;

std::string describe(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FILE_OPEN_ERROR:
      return "cannot open the file";
    case HPDF_FILE_IO_ERROR:
      return "file input/output error";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      return "the font does not allow embedding";
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_TTC_FILE:
      return "not a usable TrueType font";
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_INVALID_FONT_NAME:
      return "unknown font";
    case HPDF_PAGE_OUT_OF_RANGE:
      return "coordinates out of the page";
    default:
      return "libharu error";
  }
}

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* state = static_cast<ErrorState*>(user_data);
  if (state->code == HPDF_OK) {  // the first error is the cause
    state->code = code;
    state->detail = detail;
  }
}

std::string fonts_key(const Fonts& fonts) {
  return fonts.regular.string() + '\n' + fonts.bold.string();
}

}  // namespace

void Shell::check(const std::string& what) {
  if (error.code == HPDF_OK) {
    return;
  }
  char code[64];
  std::snprintf(code, sizeof code, " (libharu 0x%04X/%u)", static_cast<unsigned>(error.code),
                static_cast<unsigned>(error.detail));
  const std::string message = what + ": " + describe(error.code) + code;
  error = {};
  HPDF_ResetError(doc);
  throw Error(ErrorKind::Failure, message);
}

std::string Shell::load_font(const fs::path& file) {
  const auto subset = font_subset(file);
  if (*subset) {
    // libharu reads a font from a file, and again when it saves: an unlinked temporary file
    // stays readable through the stream it keeps open.
    std::string name = (fs::temp_directory_path() / "gepaie-font-XXXXXX").string();
    const int fd = ::mkstemp(name.data());
    if (fd >= 0) {
      const std::string& data = **subset;
      size_t written = 0;
      while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n <= 0) {
          break;
        }
        written += static_cast<size_t>(n);
      }
      ::close(fd);
      const char* loaded =
          written == data.size() ? HPDF_LoadTTFontFromFile(doc, name.c_str(), HPDF_TRUE) : nullptr;
      ::unlink(name.c_str());
      if (loaded != nullptr) {
        return loaded;
      }
      error = {};  // fall back to the whole file
      HPDF_ResetError(doc);
    }
  }
  const char* loaded = HPDF_LoadTTFontFromFile(doc, file.c_str(), HPDF_TRUE);
  check("cannot load the font " + file.string());
  if (loaded == nullptr) {
    throw Error(ErrorKind::Failure, "cannot load the font " + file.string());
  }
  return loaded;
}

std::unique_ptr<Shell> ShellPool::take(const Fonts& fonts) {
  {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[fonts_key(fonts)];
    if (!idle.empty()) {
      std::unique_ptr<Shell> shell = std::move(idle.back());
      idle.pop_back();
      return shell;
    }
  }
  for (const fs::path& file : {fonts.regular, fonts.bold}) {
    if (!fs::is_regular_file(file)) {
      throw Error(ErrorKind::Failure, "font not found: " + file.string() +
                                          " (install fonts-dejavu-core, or set GEPAIE_FONT_DIR)");
    }
  }
  auto shell = std::make_unique<Shell>();
  shell->doc = HPDF_New(on_error, &shell->error);
  if (shell->doc == nullptr) {
    throw Error(ErrorKind::Failure, "cannot create a PDF document (libharu)");
  }
  HPDF_UseUTFEncodings(shell->doc);
  shell->check("cannot set up UTF-8 text");
  shell->regular = shell->load_font(fonts.regular);
  shell->bold = shell->load_font(fonts.bold);
  return shell;
}

void ShellPool::give_back(const Fonts& fonts, std::unique_ptr<Shell> shell) {
  std::lock_guard lock(mutex_);
  auto& idle = idle_[fonts_key(fonts)];
  if (idle.size() < 16) {
    idle.push_back(std::move(shell));
  }
}

ShellPool& pool() {
  static ShellPool instance;
  return instance;
}

}  // namespace gepaie::print::detail
