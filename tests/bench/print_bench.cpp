// Benchmark (not a test): renders synthetic payslips to PDF files the way `gepaie print payslips`
// does — one PdfDocument per payslip, one worker thread per core taking the payslips in turn —
// into a temporary folder, and prints the payslips per second and the total time.
//   print_bench [COUNT=10000] [THREADS=hardware concurrency] [KEEP=0]
// The layout is the shipped reports/payslip.yaml; the fonts DejaVu Sans (GEPAIE_FONT_DIR).
// The goal: 10 000 payslips in less than 60 s on two cores.
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"
#include "gepaie/print/render.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

store::StoredLine line(const char* code, const char* label, const char* kind, const char* group,
                       int64_t base_cents, std::optional<int64_t> employee_ppm,
                       int64_t employee_cents, std::optional<int64_t> employer_ppm,
                       int64_t employer_cents, int64_t minutes = 0) {
  store::StoredLine l;
  l.code = code;
  l.label = label;
  l.kind = kind;
  l.group = group;
  l.hours = Hours::from_minutes(minutes);
  l.base = Money::from_cents(base_cents);
  if (employee_ppm) {
    l.employee_rate = Rate::from_ppm(*employee_ppm);
  }
  l.employee_amount = Money::from_cents(employee_cents);
  if (employer_ppm) {
    l.employer_rate = Rate::from_ppm(*employer_ppm);
  }
  l.employer_amount = Money::from_cents(employer_cents);
  return l;
}

// A full-time non-cadre with overtime: the lines of a real payslip (the demo's E007), the amounts
// shifted a little per employee so that no two files are the same.
print::PayslipDocument synthetic(int index) {
  print::PayslipDocument d;
  d.ge.name = "GE de banc d'essai — groupement d'employeurs des industries culturelles";
  d.ge.legal_form = "Association loi 1901";
  d.ge.siret = "79012345900014";
  d.ge.naf = "7830Z";
  d.ge.address = {"9 place de la Victoire", "", "63000", "Clermont-Ferrand", "FR"};
  d.ge.urssaf_account = "637000001234567890";
  d.ge.idcc = "1285";
  char number[16];
  std::snprintf(number, sizeof number, "S%05d", index + 1);
  d.employee.number = number;
  d.employee.first_name = "Hélène";
  d.employee.last_name = "Chassaing-Lefèvre " + std::to_string(index);
  d.employee.nir = "185036311304227";
  d.employee.address = {"18 faubourg de la Bade", "Bâtiment B", "63200", "Riom", "FR"};
  d.contract.reference = std::string("CT-") + number;
  d.contract.employee_number = number;
  d.contract.start = Date::parse("2021-09-01");
  d.contract.weekly_hours = Hours::from_minutes(35 * 60);
  d.contract.monthly_gross = Money::parse("2450.00");
  d.contract.job_title = "Technicien son";
  d.contract.classification = "Technicien, groupe 7 – échelon 3";
  d.contract.idcc = "1285";
  store::StoredPayslip& p = d.payslip;
  p.month = Month::parse("2026-11");
  p.employee_number = number;
  p.employee_name = d.employee.full_name();
  p.contract_reference = d.contract.reference;
  p.weekly_hours = d.contract.weekly_hours;
  p.monthly_base = Money::parse("2450.00");
  const int64_t shift = index % 100;
  const int64_t gross = 261154 + shift;
  p.lines = {
      line("salaire_base", "Salaire de base", "earning", "autres", 245000, {}, 245000, {}, 0, 9100),
      line("heures_sup_1", "Heures supplémentaires", "earning", "autres", 16154 + shift, 250000,
           16154 + shift, {}, 0, 480),
      line("complementaire_sante", "Complémentaire santé", "contribution", "sante", 4800, {}, 2400,
           {}, 2400),
      line("maladie", "Sécurité sociale – maladie, maternité, invalidité, décès", "contribution",
           "sante", gross, {}, 0, 130000, 33950),
      line("accidents_travail", "Accidents du travail – maladies professionnelles", "contribution",
           "atmp", gross, {}, 0, 12000, 3134),
      line("vieillesse_plafonnee", "Sécurité sociale plafonnée", "contribution", "retraite", gross,
           69000, 18020, 85500, 22329),
      line("vieillesse_deplafonnee", "Sécurité sociale déplafonnée", "contribution", "retraite",
           gross, 4000, 1045, 21100, 5510),
      line("retraite_complementaire_t1", "Complémentaire tranche 1 (AGIRC-ARRCO)", "contribution",
           "retraite", gross, 31500, 8226, 47200, 12326),
      line("ceg_t1", "Contribution d'équilibre général tranche 1", "contribution", "retraite",
           gross, 8600, 2246, 12900, 3369),
      line("allocations_familiales", "Allocations familiales", "contribution", "famille", gross, {},
           0, 52500, 13711),
      line("chomage", "Assurance chômage", "contribution", "chomage", gross, {}, 0, 40000, 10446),
      line("ags", "AGS (garantie des salaires)", "contribution", "chomage", gross, {}, 0, 2500,
           653),
      line("fnal_moins_50", "FNAL (moins de 50 salariés)", "contribution", "autres", gross, {}, 0,
           1000, 261),
      line("csa", "Contribution solidarité autonomie", "contribution", "autres", gross, {}, 0, 3000,
           783),
      line("versement_mobilite", "Versement mobilité", "contribution", "autres", gross, {}, 0,
           20000, 5223),
      line("formation_professionnelle", "Contribution à la formation professionnelle",
           "contribution", "autres", gross, {}, 0, 10000, 2612),
      line("csg_deductible", "CSG déductible de l'impôt sur le revenu", "contribution", "csg",
           243113, 68000, 16532, {}, 0),
      line("csg_non_deductible", "CSG non déductible de l'impôt sur le revenu", "contribution",
           "csg", 243113, 24000, 5835, {}, 0),
      line("csg_heures_sup_exonerees",
           "CSG non déductible sur heures supplémentaires et complémentaires exonérées",
           "contribution", "csg", 15871, 92000, 1460, {}, 0),
      line("crds", "CRDS", "contribution", "csg", 258984, 5000, 1295, {}, 0),
      line("reduction_salariale_heures_sup",
           "Réduction de cotisations salariales heures supplémentaires", "reduction", "retraite",
           16154, 113099, -1827, {}, 0),
      line("deduction_forfaitaire_heures_sup",
           "Déduction forfaitaire patronale heures supplémentaires", "reduction", "autres", 150, {},
           0, {}, -1200, 480),
      line("reduction_generale", "Réduction générale dégressive unique", "reduction", "autres",
           gross, {}, 0, 187900, -49071),
      line("remboursement_transport", "Remboursement titre de transport (part employeur)",
           "adjustment", "autres", 2750, {}, 2750, {}, 0),
      line("retenue_titres_restaurant", "Titres-restaurant (part salariale)", "adjustment",
           "autres", 7560, {}, -7560, {}, 0),
  };
  auto& t = p.totals;
  t.gross = Money::from_cents(gross);
  t.employee_contributions = Money::from_cents(55232);
  t.employer_contributions = Money::from_cents(68446);
  t.reductions = Money::from_cents(50271);
  t.net_before_tax = t.gross - t.employee_contributions;
  t.net_taxable = Money::from_cents(200758 + shift);
  t.net_social = t.net_before_tax;
  t.income_tax = Money::from_cents(7527);
  t.net_paid = t.net_before_tax - t.income_tax - Money::from_cents(4810);
  t.employer_cost = t.gross + t.employer_contributions;
  t.overtime_tax_exempt = Money::from_cents(16154);
  p.income_tax_rate = Rate::from_ppm(37500);
  p.leave_earned = 250;
  p.leave_n1_remaining = 1200;
  p.leave_n_earned = 1250;
  p.leave_n_remaining = 1250;
  p.year_to_date = {Money::from_cents(gross * 11), Money::from_cents(200758 * 11),
                    Money::from_cents(7527 * 11), Money::from_cents(16154 * 4)};
  d.payment_date = p.month.last_day();
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : hardware;
  const bool keep = argc > 3 && std::string(argv[3]) == "1";
  try {
    const print::Layout layout =
        print::read_layout(fs::path(GEPAIE_SOURCE_DIR) / "reports" / "payslip.yaml");
    const print::Fonts fonts = print::default_fonts();
    std::vector<print::PayslipDocument> documents;
    documents.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
      documents.push_back(synthetic(i));
    }
    std::string pattern = (fs::temp_directory_path() / "gepaie-print-bench.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      return 1;
    }
    const fs::path dir = pattern;

    const auto started = std::chrono::steady_clock::now();
    std::atomic<int> next{0};
    std::atomic<int> pages{0};
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < threads; ++w) {
      workers.emplace_back([&] {
        for (int i = next++; i < count; i = next++) {
          const auto& document = documents[static_cast<size_t>(i)];
          print::PdfDocument pdf(fonts);
          print::render_payslip(pdf, layout, document);
          pdf.set_info("Bulletin de paie " + document.payslip.month.french(), document.ge.name,
                       document.employee.number);
          pdf.save(dir / ("bulletin-2026-11-" + document.employee.number + ".pdf"));
          pages += pdf.pages();
        }
      });
    }
    for (auto& worker : workers) {
      worker.join();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    uintmax_t bytes = 0;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      bytes += entry.file_size();
      ++files;
    }
    std::printf(
        "%d payslips (%d pages, %d files, %.1f kB each on average) in %.2f s with %u "
        "threads: %.0f payslips/s\n",
        count, pages.load(), files, files ? bytes / 1024.0 / files : 0.0, seconds, threads,
        count / seconds);
    if (keep) {
      std::printf("kept: %s\n", dir.c_str());
    } else {
      fs::remove_all(dir);
    }
    return files == count ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "print_bench: %s\n", e.what());
    return 1;
  }
}
