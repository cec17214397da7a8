// gepaie print payslips: the month's payslips as PDF files, one per employee (and all of them in
// one file with --combined), rendered on every core.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "command.h"
#include "context.h"
#include "gepaie/app/documents.h"
#include "gepaie/app/payroll.h"
#include "gepaie/core/error.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/output.h"
#include "gepaie/print/pdf.h"
#include "gepaie/print/render.h"

namespace gepaie::cli {
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

fs::path payslip_file(const fs::path& dir, Month month, const std::string& employee) {
  return dir / ("bulletin-" + month.str() + "-" + file_part(employee) + ".pdf");
}

void set_payslip_info(print::PdfDocument& pdf, const print::PayslipDocument& document) {
  pdf.set_info(
      "Bulletin de paie " + document.payslip.month.french() + " — " + document.employee.full_name(),
      document.ge.name, "Bulletin de paie " + document.employee.number);
}

int print_payslips(Context& context, const Arguments& args) {
  require_options(args, {"month", "out"});
  const Month month = month_option(args);
  const auto employee = args.option("employee");
  const fs::path out = *args.option("out");
  const bool combined = args.flag("combined");
  const auto started = Clock::now();

  // Everything that can be refused is checked before the first file is written.
  const config::Settings& settings = context.settings();
  const fs::path layout_file = print::reports_dir(settings.file) / "payslip.yaml";
  if (!fs::exists(layout_file)) {
    throw Error(ErrorKind::BadInput,
                "no payslip layout at " + layout_file.string() +
                    ": set GEPAIE_REPORTS_DIR to the folder holding payslip.yaml (reports/ of "
                    "the sources or of the package)");
  }
  const print::Layout layout = print::read_layout(layout_file);
  const print::Fonts fonts = print::default_fonts();
  context.progress("Reading the payslips of " + month.str() + "...");
  const std::vector<print::PayslipDocument> documents =
      app::payslip_documents(context, context.actor(), month, employee);
  if (!app::month_closed(context, month)) {
    context.err() << "warning: " << month.str()
                  << " is not closed: these payslips come from its draft pay run\n";
  }
  try {
    if (print::make_private_dir(out).open_to_others) {  // 0700 when made; files 0600
      context.err() << "warning: " << out.string()
                    << " can be listed by other users: the payslips are readable by you only, "
                       "but their names show\n";
    }
  } catch (const Error& e) {
    throw Error(ErrorKind::BadInput, "--out " + out.string() + ": " + e.message());
  }

  // Workers take the payslips in turn, each with its own PDF documents (libharu documents are
  // independent); the combined file is built in order by one more thread.
  const size_t total = documents.size();
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
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
        const print::PayslipDocument& document = documents[i];
        print::PdfDocument pdf(fonts);
        print::render_payslip(pdf, layout, document);
        set_payslip_info(pdf, document);
        pdf.save(payslip_file(out, month, document.employee.number));
        ++done;
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };
  const fs::path combined_file = out / ("bulletins-" + month.str() + ".pdf");
  std::atomic<size_t> combined_done{0};
  auto work_combined = [&]() {
    try {
      print::PdfDocument pdf(fonts);
      for (size_t i = 0; i < total && !failed; ++i) {
        print::render_payslip(pdf, layout, documents[i]);
        ++combined_done;
      }
      pdf.set_info("Bulletins de paie " + month.french(), settings.ge.name,
                   std::to_string(total) + " bulletins de paie");
      if (!failed) {
        pdf.save(combined_file);
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };

  const size_t workers =
      std::clamp<size_t>(std::thread::hardware_concurrency(), 1, std::max<size_t>(total, 1));
  std::vector<std::thread> threads;
  for (size_t i = 0; i < workers; ++i) {
    threads.emplace_back(work);
  }
  if (combined) {
    threads.emplace_back(work_combined);
  }
  // Progress from this thread only, about twice a second.
  const size_t steps = combined ? 2 * total : total;
  auto last = Clock::now();
  while (!failed && done + combined_done < steps) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (Clock::now() - last > std::chrono::milliseconds(500)) {
      last = Clock::now();
      context.progress(
          "print: " + std::to_string(done) + "/" + std::to_string(total) + " payslips" +
          (combined
               ? ", combined file " + std::to_string(combined_done) + "/" + std::to_string(total)
               : ""));
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  if (error) {
    std::rethrow_exception(error);
  }

  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  context.logger().information("printed %d payslips of %s to %s", static_cast<int>(total),
                               month.str(), out.string());
  std::ostream& o = context.out();
  if (total == 1) {
    o << "payslip of " << documents.front().employee.number << " for " << month.french() << ": "
      << payslip_file(out, month, documents.front().employee.number).string() << "\n";
  } else {
    o << total << " payslips of " << month.french() << " in " << out.string() << ": "
      << payslip_file(out, month, documents.front().employee.number).filename().string() << " to "
      << payslip_file(out, month, documents.back().employee.number).filename().string() << "\n";
  }
  if (combined) {
    o << "all of them in one file: " << combined_file.string() << "\n";
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s (%zu threads)", seconds, workers);
  o << "time: " << timing << "\n";
  return 0;
}

}  // namespace

std::vector<Command> print_commands() {
  return {
      {"print payslips",
       "The month's payslips as PDF files (bulletin de paie clarifié)",
       "",
       "One file per employee, DIR/bulletin-YYYY-MM-NUMBER.pdf, and with --combined all of\n"
       "them in DIR/bulletins-YYYY-MM.pdf as well (to print in one go). The layout — captions,\n"
       "sizes, colours, the order of the sections — is reports/payslip.yaml (GEPAIE_REPORTS_DIR\n"
       "names another folder); the font is DejaVu Sans, embedded (GEPAIE_FONT_DIR names\n"
       "another folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf). Payslips of a month\n"
       "that is not closed come from its draft pay run: a warning says so.",
       {{"month", "", "the month", "YYYY-MM"},
        {"employee", "", "only this employee", "NUMBER"},
        {"out", "", "the folder to write to (created when missing)", "DIR"},
        {"combined", "", "also write every payslip in one file", ""}},
       print_payslips},
  };
}

}  // namespace gepaie::cli
