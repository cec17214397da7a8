#include "gepaie/print/payslip_files.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "gepaie/print/render.h"

namespace gepaie::print {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A file-name-safe form of an employee number.
std::string file_part(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out.push_back(safe ? c : '_');
  }
  return out.empty() ? "_" : out;
}

void set_payslip_info(PdfDocument& pdf, const PayslipDocument& document) {
  pdf.set_info(
      "Bulletin de paie " + document.payslip.month.french() + " — " + document.employee.full_name(),
      document.ge.name, "Bulletin de paie " + document.employee.number);
}

}  // namespace

fs::path payslip_file(const fs::path& dir, Month month, const std::string& employee) {
  return dir / ("bulletin-" + month.str() + "-" + file_part(employee) + ".pdf");
}

PayslipFiles write_payslips(const std::vector<PayslipDocument>& documents, const Layout& layout,
                            const Fonts& fonts, const fs::path& dir, Month month, bool combined,
                            const std::string& ge_name,
                            const std::function<void(size_t, size_t)>& progress) {
  // Workers take the payslips in turn, each with its own PDF documents (libharu documents are
  // independent); the combined file is built in order by one more thread.
  const size_t total = documents.size();
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<size_t> combined_done{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::exception_ptr error;
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(error_mutex);
    if (!error) {
      error = e;
    }
    failed = true;
  };
  auto work = [&]() {
    try {
      for (size_t i = next++; i < total && !failed; i = next++) {
        const PayslipDocument& document = documents[i];
        PdfDocument pdf(fonts);
        render_payslip(pdf, layout, document);
        set_payslip_info(pdf, document);
        pdf.save(payslip_file(dir, month, document.employee.number));
        ++done;
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };
  PayslipFiles result;
  if (combined) {
    result.combined = dir / ("bulletins-" + month.str() + ".pdf");
  }
  auto work_combined = [&]() {
    try {
      PdfDocument pdf(fonts);
      for (size_t i = 0; i < total && !failed; ++i) {
        render_payslip(pdf, layout, documents[i]);
        ++combined_done;
      }
      pdf.set_info("Bulletins de paie " + month.french(), ge_name,
                   std::to_string(total) + " bulletins de paie");
      if (!failed) {
        pdf.save(*result.combined);
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };

  result.workers =
      std::clamp<size_t>(std::thread::hardware_concurrency(), 1, std::max<size_t>(total, 1));
  std::vector<std::thread> threads;
  for (size_t i = 0; i < result.workers; ++i) {
    threads.emplace_back(work);
  }
  if (combined) {
    threads.emplace_back(work_combined);
  }
  const size_t steps = combined ? 2 * total : total;
  auto last = Clock::now();
  while (!failed && done + combined_done < steps) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (Clock::now() - last > std::chrono::milliseconds(500)) {
      last = Clock::now();
      progress(done, combined_done);
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  if (error) {
    std::rethrow_exception(error);
  }
  for (const PayslipDocument& document : documents) {
    result.files.push_back(payslip_file(dir, month, document.employee.number));
  }
  return result;
}

}  // namespace gepaie::print
