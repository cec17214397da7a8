// gepaie print payslips: the month's payslips as PDF files, one per employee (and all of them in
// one file with --combined), rendered on every core.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "command.h"
#include "context.h"
#include "gepaie/app/documents.h"

namespace gepaie::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int print_payslips(Context& context, const Arguments& args) {
  require_options(args, {"month", "out"});
  app::PrintPayslipsRequest request;
  request.month = month_option(args);
  request.employee = args.option("employee");
  request.out = *args.option("out");
  request.combined = args.flag("combined");
  const Month month = request.month;
  const fs::path& out = request.out;
  const auto started = Clock::now();
  const app::PrintedPayslips printed = app::print_payslips(context, context.actor(), request);
  if (!printed.month_closed) {
    context.err() << "warning: " << month.str()
                  << " is not closed: these payslips come from its draft pay run\n";
  }
  if (printed.out_open_to_others) {
    context.err() << "warning: " << out.string()
                  << " can be listed by other users: the payslips are readable by you only, "
                     "but their names show\n";
  }
  const size_t total = printed.files.files.size();
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  context.logger().information("printed %d payslips of %s to %s", static_cast<int>(total),
                               month.str(), out.string());
  std::ostream& o = context.out();
  if (total == 1) {
    o << "payslip of " << printed.employees.front() << " for " << month.french() << ": "
      << printed.files.files.front().string() << "\n";
  } else {
    o << total << " payslips of " << month.french() << " in " << out.string() << ": "
      << printed.files.files.front().filename().string() << " to "
      << printed.files.files.back().filename().string() << "\n";
  }
  if (printed.files.combined) {
    o << "all of them in one file: " << printed.files.combined->string() << "\n";
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s (%zu threads)", seconds, printed.files.workers);
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
