// The month's payslips written as PDF files: one per employee and, when asked, all of them in one
// file, rendered on every core. Writes files; reads no database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"

namespace gepaie::print {

// DIR/bulletin-YYYY-MM-NUMBER.pdf, the employee number made file-name safe.
std::filesystem::path payslip_file(const std::filesystem::path& dir, Month month,
                                   const std::string& employee);

struct PayslipFiles {
  std::vector<std::filesystem::path> files;       // in the documents' order
  std::optional<std::filesystem::path> combined;  // DIR/bulletins-YYYY-MM.pdf
  size_t workers = 0;                             // the threads that rendered the single files
};

// Writes each document to payslip_file(dir, ...) (0600, dir made private first by the caller)
// on one thread per core, and with `combined` every document in order in one more file by one
// more thread. `progress(single files done, combined pages done)` is called on the calling
// thread about twice a second. The first failure stops every thread and is rethrown.
PayslipFiles write_payslips(const std::vector<PayslipDocument>& documents, const Layout& layout,
                            const Fonts& fonts, const std::filesystem::path& dir, Month month,
                            bool combined, const std::string& ge_name,
                            const std::function<void(size_t, size_t)>& progress);

}  // namespace gepaie::print
