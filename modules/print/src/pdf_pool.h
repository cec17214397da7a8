// The object pool of the PDF documents: libharu documents with their two fonts loaded, recycled
// from one PdfDocument to the next (HPDF_FreeDoc keeps the loaded font definitions), so that a
// font is parsed once per thread, not once per payslip (see pdf.cpp).
#pragma once

#include <hpdf.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gepaie/print/pdf.h"

namespace gepaie::print::detail {

struct ErrorState {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

// A libharu document with the two fonts loaded, reused from one PdfDocument to the next.
struct Shell {
  ErrorState error;  // its address is the error handler's user data: a Shell never moves
  HPDF_Doc doc = nullptr;
  std::string regular;  // font names for HPDF_GetFont
  std::string bold;

  Shell() = default;
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;
  ~Shell() {
    if (doc != nullptr) {
      HPDF_Free(doc);
    }
  }

  // Error(Failure) with `what` when libharu reported an error since the last check.
  void check(const std::string& what);
  // Loads a TrueType font for embedding (its subset when it has one); returns its name.
  std::string load_font(const std::filesystem::path& file);
};

class ShellPool {
 public:
  // An idle document with `fonts` loaded, else a new one. Error(Failure) when a font is missing
  // or libharu fails.
  std::unique_ptr<Shell> take(const Fonts& fonts);
  // Keeps `shell` for the next document (up to 16 idle ones per pair of fonts).
  void give_back(const Fonts& fonts, std::unique_ptr<Shell> shell);

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<Shell>>> idle_;
};

// The process's pool.
ShellPool& pool();

}  // namespace gepaie::print::detail
