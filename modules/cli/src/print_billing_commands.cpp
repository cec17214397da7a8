// gepaie print invoices | print summary
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "command.h"
#include "context.h"
#include "gepaie/app/documents.h"
#include "gepaie/core/error.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/output.h"
#include "gepaie/print/render.h"
#include "gepaie/print/summary.h"
#include "table.h"

namespace gepaie::cli {
namespace {

namespace fs = std::filesystem;

print::Layout layout_for(Context& context, const std::string& file) {
  return print::read_layout(print::reports_dir(context.settings().file) / file);
}

// A folder to write into, created 0700 when missing; a warning when an existing one is open to
// others (the files are 0600 all the same).
fs::path output_dir(Context& context, const std::string& text) {
  const print::OutputDir dir = print::make_private_dir(text);
  if (dir.open_to_others) {
    context.err() << "warning: " << text
                  << " can be listed by other users: the documents are readable by you only, "
                     "but their names show\n";
  }
  return dir.path;
}

int print_invoices(Context& context, const Arguments& args) {
  require_options(args, {"out"});
  const Month month = month_option(args);
  const fs::path dir = output_dir(context, *args.option("out"));
  const auto documents =
      app::invoice_documents(context, context.actor(), month, args.option("member"));
  const print::Layout layout = layout_for(context, "invoice.yaml");
  const print::Fonts fonts = print::default_fonts();
  for (const auto& document : documents) {
    const auto& invoice = document.invoice;
    context.progress("printing " + invoice.number + "...");
    print::PdfDocument pdf(fonts);
    pdf.set_info((invoice.credit ? "Avoir " : "Facture ") + invoice.number, document.ge.name,
                 invoice.member_name + " — " + invoice.month.french());
    print::render_invoice(pdf, layout, document);
    const fs::path file = dir / (invoice.number + ".pdf");
    pdf.save(file);
    context.out() << file.string() << "  " << (invoice.credit ? "avoir  " : "facture") << "  "
                  << invoice.member_name << "  " << invoice.total.french() << "\n";
  }
  context.logger().information("%d documents in %s", static_cast<int>(documents.size()),
                               dir.string());
  return 0;
}

constexpr size_t kTerminalWidth = 120;

// A table whose name column (the second) gets what the other columns leave of the terminal's
// width, so that names are cut only when they must be.
Table fitted_table(std::vector<Column> columns, const std::vector<std::vector<std::string>>& rows) {
  size_t others = 2 * (columns.size() - 1);  // the gaps between columns
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i == 1) {
      continue;
    }
    size_t width = display_width(columns[i].header);
    for (const auto& row : rows) {
      width = std::max(width, display_width(row[i]));
    }
    others += width;
  }
  const size_t room = others < kTerminalWidth ? kTerminalWidth - others : 0;
  columns[1].max_width = std::clamp<size_t>(room, 12, 40);
  Table table(std::move(columns));
  for (const auto& row : rows) {
    table.add(row);
  }
  return table;
}

void print_summary_table(std::ostream& out, const print::PayrollSummary& summary) {
  out << "Journal de paie — " << summary.month.french()
      << (summary.closed ? " (mois clôturé)" : " (paie provisoire)") << "\n"
      << fit(summary.ge_name, kTerminalWidth) << "\n\n";
  auto employee_row = [](const print::SummaryEmployee& e) -> std::vector<std::string> {
    return {e.number,
            e.name,
            print::french_hours(e.hours),
            amount(e.gross),
            amount(e.employee_contributions),
            amount(e.employer_contributions),
            amount(e.net_before_tax),
            amount(e.income_tax),
            amount(e.net_paid),
            amount(e.total_cost)};
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : summary.employees) {
    rows.push_back(employee_row(e));
  }
  rows.push_back(employee_row(summary.employee_total));
  fitted_table({{"Matr."},
                {"Salarié"},
                {"Heures", Align::Right},
                {"Brut", Align::Right},
                {"Cot. sal.", Align::Right},
                {"Cot. pat.", Align::Right},
                {"Net av. PAS", Align::Right},
                {"PAS", Align::Right},
                {"Net payé", Align::Right},
                {"Coût total", Align::Right}},
               rows)
      .print(out);
  out << "\n";
  auto member_row = [](const print::SummaryMember& m) -> std::vector<std::string> {
    return {m.siret,
            m.name,
            std::to_string(m.employees),
            print::french_hours(m.hours),
            amount(m.cost_share),
            optional_amount(m.expenses),
            amount(m.fee),
            amount(m.net_total),
            amount(m.vat),
            amount(m.total)};
  };
  rows.clear();
  for (const auto& m : summary.members) {
    rows.push_back(member_row(m));
  }
  rows.push_back(member_row(summary.member_total));
  fitted_table({{"SIRET"},
                {"Adhérent"},
                {"Sal.", Align::Right},
                {"Heures", Align::Right},
                {"Quote-part", Align::Right},
                {"Frais", Align::Right},
                {"Gestion", Align::Right},
                {"Total HT", Align::Right},
                {"TVA", Align::Right},
                {"Total TTC", Align::Right}},
               rows)
      .print(out);
  if (!summary.closed) {
    out << "Paie provisoire : les factures sont émises à la clôture (gestion, TVA et totaux à 0 "
           "d'ici là).\n";
  } else if (summary.member_total.credit_notes > 0) {
    out << "Gestion, Total HT, TVA, Total TTC : les factures du mois nettes de "
        << summary.member_total.credit_notes
        << (summary.member_total.credit_notes > 1 ? " avoirs" : " avoir") << ".\n";
  }
}

int print_summary(Context& context, const Arguments& args) {
  const Month month = month_option(args);
  const std::string format = args.option("format").value_or("table");
  if (format != "table" && format != "csv" && format != "pdf") {
    throw bad_input("--format expects table, csv or pdf, not \"" + format + "\"");
  }
  const auto out_file = args.option("out");
  if (format == "pdf" && !out_file) {
    throw bad_input("--format pdf needs --out FILE.pdf");
  }
  if (format == "table" && out_file) {
    throw bad_input("--out goes with --format csv or pdf (the table is for the terminal)");
  }
  const auto summary = app::payroll_summary(context, context.actor(), month);
  if (format == "table") {
    print_summary_table(context.out(), summary);
    return 0;
  }
  if (format == "csv") {
    if (!out_file) {
      print::write_summary_csv(context.out(), summary, false);
      return 0;
    }
    std::ostringstream csv;
    print::write_summary_csv(csv, summary, true);
    print::write_private_file(*out_file, csv.str());
  } else {
    print::PdfDocument pdf(print::default_fonts());
    pdf.set_info("Journal de paie " + month.french(), summary.ge_name,
                 "Journal de paie et répartition par adhérent");
    print::render_summary(pdf, layout_for(context, "summary.yaml"), summary);
    pdf.save(*out_file);
  }
  context.out() << *out_file << "\n";
  return 0;
}

}  // namespace

std::vector<Command> print_billing_commands() {
  const OptionSpec month{"month", "", "the month", "YYYY-MM"};
  return {
      {"print invoices",
       "The month's invoices and credit notes as PDF files, one per document",
       "",
       "Writes DIR/FA-2026-000001.pdf for each invoice (and DIR/AV-....pdf for each credit\n"
       "note) of the month, laid out by reports/invoice.yaml: both parties, the lines, totals\n"
       "HT, VAT and TTC, the payment terms, and an annex of the days worked at the member.\n"
       "The month must be closed (invoices are issued by `gepaie close`).",
       {month,
        {"member", "", "only this member's documents", "SIRET"},
        {"out", "", "the folder to write into (created when missing)", "DIR"}},
       print_invoices},
      {"print summary",
       "The payroll journal of a month, per employee and per member",
       "",
       "One row per payslip (hours, gross, contributions, net, tax withheld, net paid, total\n"
       "employer cost) and one per member (employees, hours, cost share, expenses, fee, totals\n"
       "invoiced net of credit notes), with totals.\n"
       "  table: aligned for a terminal (the default);\n"
       "  csv:   for a French spreadsheet: semicolons, decimal comma, CRLF; to standard output,\n"
       "         or to FILE with a UTF-8 byte-order mark so that Excel reads the accents;\n"
       "  pdf:   A4 pages laid out by reports/summary.yaml, to FILE (--out required).",
       {month,
        {"format", "", "table, csv or pdf (default table)", "FORMAT"},
        {"out", "", "the file to write (csv, pdf)", "FILE"}},
       print_summary},
  };
}

}  // namespace gepaie::cli
