// Print layouts and the PDF primitives, without a database: the shipped reports/payslip.yaml is
// complete (the renderer finds every caption, style and table it uses) and in the model's order,
// malformed layouts are refused with file:line:column, a long payslip flows onto a second page
// with its header repeated, and the embedded font keeps accents, other scripts and €.
#define BOOST_TEST_MODULE layout_tests
#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <sstream>
#include <string>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/print/documents.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/pdf.h"
#include "gepaie/print/render.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const fs::path kReports = fs::path(GEPAIE_SOURCE_DIR) / "reports";

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gepaie-layout.XXXXXX").string();
    BOOST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return path / name;
  }
};

// The text of a PDF as pdftotext -layout extracts it (poppler-utils).
std::string pdf_text(const fs::path& file) {
  const std::string command = "pdftotext -layout '" + file.string() + "' - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    text.append(buffer, n);
  }
  BOOST_REQUIRE(pclose(pipe) == 0);
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

// Expects read_layout to refuse `yaml` with a BadInput error at `line` mentioning `part`.
void expect_refused(const std::string& yaml, int line, const std::string& part) {
  TempDir dir;
  const fs::path file = dir.write("broken.yaml", yaml);
  try {
    print::read_layout(file);
    BOOST_ERROR("accepted: " + part);
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput), e.what());
    BOOST_TEST(e.where().file == file.string());
    BOOST_TEST(e.where().line == line, e.what());
    BOOST_TEST(e.where().column > 0, e.what());
    const std::string where = file.string() + ":" + std::to_string(line) + ":";
    BOOST_TEST(contains(e.what(), where), e.what());
    BOOST_TEST(contains(e.what(), part), e.what());
  }
}

store::StoredLine line(const std::string& code, const std::string& label, const std::string& kind,
                       const std::string& group, const char* base,
                       std::optional<const char*> employee_rate, const char* employee,
                       std::optional<const char*> employer_rate, const char* employer,
                       const char* hours = "0") {
  store::StoredLine l;
  l.code = code;
  l.label = label;
  l.kind = kind;
  l.group = group;
  l.hours = Hours::parse(hours);
  l.base = Money::parse(base);
  if (employee_rate) {
    l.employee_rate = Rate::parse_percent(*employee_rate);
  }
  l.employee_amount = Money::parse(employee);
  if (employer_rate) {
    l.employer_rate = Rate::parse_percent(*employer_rate);
  }
  l.employer_amount = Money::parse(employer);
  return l;
}

// A payslip with every kind of line the renderer knows: normal hours, overtime at both rates,
// extra hours, absences, paid leave, a bonus, every contribution group, APEC, reductions of both
// parts, prévoyance, and adjustments. `extra_lines` more contributions make it longer.
print::PayslipDocument rich_payslip(int extra_lines = 0) {
  print::PayslipDocument d;
  d.ge.name = "Dômes & Sons — groupement d'employeurs";
  d.ge.siret = "79012345900014";
  d.ge.naf = "7830Z";
  d.ge.address = {"9 place de la Victoire", "", "63000", "Clermont-Ferrand", "FR"};
  d.ge.urssaf_account = "637000001234567890";
  d.ge.idcc = "1285";
  d.employee.number = "E042";
  d.employee.first_name = "Hélène";
  d.employee.last_name = "Łukasiewicz-Ωmega Жанна";
  d.employee.nir = "185036311304227";
  d.employee.address = {"18 faubourg de la Bade", "", "63200", "Riom", "FR"};
  d.contract.reference = "CT-E042";
  d.contract.employee_number = "E042";
  d.contract.kind = registry::ContractKind::Cdd;
  d.contract.start = Date::parse("2026-02-01");
  d.contract.end = Date::parse("2027-01-31");
  d.contract.status = registry::Status::Cadre;
  d.contract.weekly_hours = Hours::parse("35");
  d.contract.job_title = "Régisseuse générale";
  d.contract.classification = "Cadre, groupe 4";
  registry::Amendment amendment;
  amendment.effective = Date::parse("2026-11-01");
  amendment.job_title = "Directrice technique";
  d.contract.amendments.push_back(amendment);
  store::StoredPayslip& p = d.payslip;
  p.month = Month::parse("2026-11");
  p.employee_number = "E042";
  p.weekly_hours = Hours::parse("35");
  p.lines = {
      line("salaire_base", "Salaire de base", "earning", "autres", "3000.00", {}, "3000.00", {},
           "0", "151.67"),
      line("absence_non_remuneree", "Absence non rémunérée", "earning", "autres", "0", {},
           "-138.46", {}, "0", "7"),
      line("absence_conges_payes", "Absence congés payés", "earning", "autres", "0", {}, "-415.38",
           {}, "0", "21"),
      line("indemnite_conges_payes", "Indemnité de congés payés", "earning", "autres", "430.00", {},
           "430.00", {}, "0"),
      line("heures_sup_1", "Heures supplémentaires", "earning", "autres", "0", "25", "247.25", {},
           "0", "10"),
      line("heures_sup_2", "Heures supplémentaires", "earning", "autres", "0", "50", "118.68", {},
           "0", "4"),
      line("heures_comp_1", "Heures complémentaires", "earning", "autres", "0", "10", "43.52", {},
           "0", "2"),
      line("heures_comp_2", "Heures complémentaires", "earning", "autres", "0", "25", "24.73", {},
           "0", "1"),
      line("primes", "Primes", "earning", "autres", "250.00", {}, "250.00", {}, "0"),
      line("complementaire_sante", "Complémentaire santé", "contribution", "sante", "48.00", {},
           "24.00", {}, "24.00"),
      line("maladie", "Sécurité sociale – maladie, maternité, invalidité, décès", "contribution",
           "sante", "3560.34", {}, "0", "13", "462.84"),
      line("accidents_travail", "Accidents du travail – maladies professionnelles", "contribution",
           "atmp", "3560.34", {}, "0", "1.2", "42.72"),
      line("vieillesse_plafonnee", "Sécurité sociale plafonnée", "contribution", "retraite",
           "3560.34", "6.9", "245.66", "8.55", "304.41"),
      line("allocations_familiales", "Allocations familiales", "contribution", "famille", "3560.34",
           {}, "0", "5.25", "186.92"),
      line("chomage", "Assurance chômage", "contribution", "chomage", "3560.34", {}, "0", "4",
           "142.41"),
      line("apec", "APEC", "contribution", "apec", "3560.34", "0.024", "0.85", "0.036", "1.28"),
      line("csa", "Contribution solidarité autonomie", "contribution", "autres", "3560.34", {}, "0",
           "0.3", "10.68"),
      line("dialogue_social", "Contribution au dialogue social", "contribution", "autres",
           "3560.34", {}, "0", "0.016", "0.57"),
      line("csg_deductible", "CSG déductible de l'impôt sur le revenu", "contribution", "csg",
           "3498.03", "6.8", "237.87", {}, "0"),
      line("crds", "CRDS", "contribution", "csg", "3498.03", "0.5", "17.49", {}, "0"),
      line("reduction_salariale_heures_sup",
           "Réduction de cotisations salariales heures supplémentaires", "reduction", "retraite",
           "365.93", "11.31", "-41.39", {}, "0"),
      line("deduction_forfaitaire_heures_sup",
           "Déduction forfaitaire patronale heures supplémentaires", "reduction", "autres", "1.50",
           {}, "0", {}, "-21.00", "14"),
      line("prevoyance_cadre", "Prévoyance cadres (tranche 1)", "contribution", "prevoyance",
           "3560.34", {}, "0", "1.5", "53.41"),
      line("remboursement_transport", "Remboursement titre de transport (part employeur)",
           "adjustment", "autres", "27.50", {}, "27.50", {}, "0"),
      line("remboursement_frais", "Remboursement de frais professionnels", "adjustment", "autres",
           "42.60", {}, "42.60", {}, "0"),
      line("retenue_titres_restaurant", "Titres-restaurant (part salariale)", "adjustment",
           "autres", "72.00", {}, "-72.00", {}, "0"),
  };
  for (int i = 0; i < extra_lines; ++i) {
    p.lines.push_back(line("extra_" + std::to_string(i),
                           "Cotisation de test n° " + std::to_string(i + 1), "contribution",
                           "retraite", "100.00", "1", "1.00", "2", "2.00"));
  }
  auto& t = p.totals;
  t.gross = Money::parse("3560.34");
  t.employee_contributions = Money::parse("484.48");
  t.employer_contributions = Money::parse("1208.24");
  t.net_before_tax = Money::parse("3075.86");
  t.net_taxable = Money::parse("3001.23");
  t.net_social = Money::parse("3075.86");
  t.income_tax = Money::parse("225.09");
  t.net_paid = Money::parse("2848.87");
  t.employer_cost = Money::parse("4768.58");
  t.overtime_tax_exempt = Money::parse("365.93");
  p.income_tax_rate = Rate::parse_percent("7.5");
  p.leave_earned = 250;
  p.leave_taken = 300;
  p.leave_n1_remaining = 450;
  p.leave_n_earned = 2000;
  p.leave_n_remaining = 1750;
  p.year_to_date = {Money::parse("35000.00"), Money::parse("28000.00"), Money::parse("2100.00"),
                    Money::parse("900.00")};
  d.payment_date = p.month.last_day();
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_shipped_payslip_layout_is_complete_and_in_the_model_order) {
  const print::Layout layout = print::read_layout(kReports / "payslip.yaml");
  BOOST_TEST(layout.name == (kReports / "payslip.yaml").string());
  const std::vector<std::string> model = {
      "header",      "parties",  "earnings",   "contributions",  "net_before_tax", "income_tax",
      "adjustments", "net_paid", "net_social", "employer_total", "leave",          "mention"};
  BOOST_TEST(layout.sections == model, boost::test_tools::per_element());
  BOOST_TEST(layout.label("net_before_tax") == "Net à payer avant impôt sur le revenu");
  BOOST_TEST(layout.label("group.autres") == "Autres contributions dues par l'employeur");
  BOOST_TEST(contains(layout.label("mention"), "sans limitation de durée"));
  BOOST_TEST(layout.style("title").bold);
  BOOST_TEST(layout.style("title").size > layout.style("line").size);
  BOOST_TEST(layout.style("emphasis").size > layout.style("line").size);
  for (const char* table : {"lines", "income_tax", "leave", "parties"}) {
    double total = 0;
    for (double width : layout.columns_of(table)) {
      total += width;
    }
    BOOST_TEST(total <= layout.content_width() + 0.5, table);
    BOOST_TEST(total >= layout.content_width() - 2, table);  // the tables span the page
  }
  BOOST_TEST(layout.columns_of("lines").size() == 6u);  // label, base, rate, part, rate, part
}

BOOST_AUTO_TEST_CASE(the_renderer_finds_every_caption_it_uses_in_the_shipped_layout) {
  const print::Layout layout = print::read_layout(kReports / "payslip.yaml");
  TempDir dir;
  print::PdfDocument pdf(print::default_fonts());
  print::render_payslip(pdf, layout, rich_payslip());
  BOOST_TEST(pdf.pages() == 1);
  pdf.save(dir.path / "rich.pdf");
  const std::string text = pdf_text(dir.path / "rich.pdf");
  // The majorated hours with their rates, the contract's amended job, the CDD's end, the status.
  BOOST_TEST(contains(text, "Heures supplémentaires majorées à 25 %"), text);
  BOOST_TEST(contains(text, "Heures supplémentaires majorées à 50 %"));
  BOOST_TEST(contains(text, "Heures complémentaires majorées à 10 %"));
  BOOST_TEST(contains(text, "Heures complémentaires majorées à 25 %"));
  BOOST_TEST(contains(text, "Directrice technique"));
  BOOST_TEST(!contains(text, "Régisseuse générale"));
  BOOST_TEST(contains(text, "CDD jusqu'au 31/01/2027"));
  BOOST_TEST(contains(text, "Cadre"));
  BOOST_TEST(contains(text, "Cotisations statutaires ou conventionnelles — APEC"));
  BOOST_TEST(contains(text, "Prévoyance cadres (tranche 1)"));
  BOOST_TEST(contains(text, "Remboursement de frais professionnels"));
  // The overtime deduction per hour shows its hours.
  BOOST_TEST(contains(text, "14,00 h"));
  // Other scripts survive the font subset; the IDCC is named.
  BOOST_TEST(contains(text, "Hélène Łukasiewicz-Ωmega Жанна"), text);
  BOOST_TEST(contains(text, "IDCC 1285 — Entreprises artistiques et"));

  // Without one caption, any payslip is refused, naming the layout file and the caption.
  for (const char* key : {"net_paid", "group.apec", "mention"}) {
    print::Layout broken = layout;
    broken.labels.erase(key);
    print::PdfDocument other(print::default_fonts());
    try {
      print::render_payslip(other, broken, rich_payslip());
      BOOST_ERROR(std::string("rendered without the label ") + key);
    } catch (const Error& e) {
      BOOST_TEST((e.kind() == ErrorKind::Failure));
      BOOST_TEST(contains(e.what(), "payslip.yaml"), e.what());
      BOOST_TEST(contains(e.what(), std::string("'") + key + "'"), e.what());
    }
  }
  print::Layout no_style = layout;
  no_style.styles.erase("emphasis");
  print::PdfDocument other(print::default_fonts());
  BOOST_CHECK_THROW(print::render_payslip(other, no_style, rich_payslip()), Error);
  print::Layout unknown_section = layout;
  unknown_section.sections.push_back("horoscope");
  BOOST_CHECK_THROW(print::render_payslip(other, unknown_section, rich_payslip()), Error);
}

BOOST_AUTO_TEST_CASE(a_long_payslip_continues_on_a_second_page_with_its_headers) {
  const print::Layout layout = print::read_layout(kReports / "payslip.yaml");
  TempDir dir;
  print::PdfDocument pdf(print::default_fonts());
  print::render_payslip(pdf, layout, rich_payslip(60));
  BOOST_TEST(pdf.pages() == 2);
  pdf.save(dir.path / "long.pdf");
  const std::string text = pdf_text(dir.path / "long.pdf");
  BOOST_TEST(contains(text, "Page 1/2"));
  BOOST_TEST(contains(text, "Page 2/2"));
  BOOST_TEST(contains(text, "(suite)"));
  // Every extra line printed once; the contributions' header on both pages.
  for (int i = 1; i <= 60; ++i) {
    BOOST_TEST(count_of(text, "Cotisation de test n° " + std::to_string(i) + " ") == 1u, i);
  }
  BOOST_TEST(count_of(text, "Cotisations et contributions sociales") == 2u);
  BOOST_TEST(contains(text, "sans limitation de durée"));

  // Two payslips in one document: each numbers its own pages.
  print::PdfDocument both(print::default_fonts());
  print::render_payslip(both, layout, rich_payslip(60));
  print::render_payslip(both, layout, rich_payslip());
  BOOST_TEST(both.pages() == 3);
  both.save(dir.path / "both.pdf");
  const std::string combined = pdf_text(dir.path / "both.pdf");
  BOOST_TEST(count_of(combined, "Page 1/2") == 1u);
  BOOST_TEST(count_of(combined, "Page 1/1") == 1u);
}

BOOST_AUTO_TEST_CASE(malformed_layouts_are_refused_with_file_and_line) {
  expect_refused("styles:\n  title: { size: 12, color: \"#12345\" }\n", 2, "#RRGGBB");
  expect_refused("styles:\n  title: { size: 12, colour: \"#123456\" }\n", 2, "unknown key");
  expect_refused("styles:\n  body: { size: 9 }\n  title: { size: 200 }\n", 3, "from 4 to 72");
  expect_refused("styles:\n  title: { size: big }\n", 2, "expected a number");
  expect_refused("labels:\n  title: \"A\"\n  title: \"B\"\n", 3, "given twice");
  expect_refused("labels:\n  title: [a, b]\n", 2, "single value");
  expect_refused("margins: { left: 36, top: -3 }\n", 1, "from 0 to");
  expect_refused("columns:\n  lines: [400, 200]\n", 2, "between the margins");
  expect_refused("columns:\n  lines: []\n", 2, "no column widths");
  expect_refused("sections: [header, parties, header]\n", 1, "listed twice");
  expect_refused("sectoins: [header]\n", 1, "unknown key");
  expect_refused("labels:\n  title: a\n bad: b\n", 3, "YAML syntax error");

  TempDir dir;
  try {
    print::read_layout(dir.path / "missing.yaml");
    BOOST_ERROR("read a missing file");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput));
    BOOST_TEST(e.where().file == (dir.path / "missing.yaml").string());
  }
  // A minimal valid layout, and accessors naming what is missing.
  const print::Layout layout = print::read_layout(
      dir.write("ok.yaml",
                "margins: { left: 50 }\nstyles:\n  fill: { color: \"#FF8000\" }\nlabels:\n"
                "  empty:\n  title: \"Titre\"\ncolumns:\n  t: [100, 200.5]\n"));
  BOOST_TEST(layout.margin_left == 50);
  BOOST_TEST(layout.margin_right == 36);
  BOOST_TEST(layout.style("fill").color.r == 1.0);
  BOOST_TEST(layout.style("fill").color.g == 128 / 255.0);
  BOOST_TEST(layout.style("fill").color.b == 0.0);
  BOOST_TEST(layout.style("fill").size == 9);
  BOOST_TEST(!layout.style("fill").bold);
  BOOST_TEST(layout.label("empty").empty());
  BOOST_TEST(layout.label("title") == "Titre");
  BOOST_TEST(layout.columns_of("t").at(1) == 200.5);
  BOOST_TEST(layout.content_width() == print::PdfDocument::kWidth - 86);
  try {
    layout.label("nothing");
    BOOST_ERROR("found a missing label");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Failure));
    BOOST_TEST(contains(e.what(), "ok.yaml"));
    BOOST_TEST(contains(e.what(), "'nothing'"));
  }
  BOOST_CHECK_THROW(layout.columns_of("other"), Error);
}

// A C locale with a decimal comma: fr_FR or de_DE when installed, else one built with localedef
// (from the glibc locale sources) in `dir` and found through LOCPATH. Empty when none can be had.
std::string decimal_comma_locale(const fs::path& dir) {
  for (const char* name : {"fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8", "de_DE.utf8", "fr_FR"}) {
    if (setlocale(LC_ALL, name) != nullptr) {
      return name;
    }
  }
  const std::string command =
      "localedef -i fr_FR -f UTF-8 '" + (dir / "fr_FR.UTF-8").string() + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) == 0) {
    setenv("LOCPATH", dir.c_str(), 1);
    if (setlocale(LC_ALL, "fr_FR.UTF-8") != nullptr) {
      return "fr_FR.UTF-8";
    }
  }
  return {};
}

BOOST_AUTO_TEST_CASE(layout_numbers_are_read_the_same_under_a_decimal_comma_locale) {
  TempDir dir;
  const std::string text =
      "margins: { left: 42.5, top: 30.25 }\nstyles:\n  body: { size: 8.5 }\n"
      "columns:\n  t: [100.75, 0.2e3, +12]\n";
  const fs::path file = dir.write("numbers.yaml", text);
  const std::string locale = decimal_comma_locale(dir.path);
  struct Restore {
    ~Restore() {
      setlocale(LC_ALL, "C");
      unsetenv("LOCPATH");
    }
  } restore;
  if (locale.empty()) {
    // No C locale with a decimal comma on this machine: the C++ global locale at least.
    struct Comma : std::numpunct<char> {
      char do_decimal_point() const override { return ','; }
    };
    std::locale::global(std::locale(std::locale::classic(), new Comma));
    BOOST_TEST_MESSAGE("no decimal-comma C locale: only the C++ global locale is tested");
  } else {
    BOOST_TEST_MESSAGE("under " << locale);
    BOOST_REQUIRE(std::string(localeconv()->decimal_point) == ",");
  }
  const print::Layout layout = print::read_layout(file);
  std::locale::global(std::locale::classic());
  BOOST_TEST(layout.margin_left == 42.5);
  BOOST_TEST(layout.margin_top == 30.25);
  BOOST_TEST(layout.style("body").size == 8.5);
  BOOST_TEST(layout.columns_of("t") == (std::vector<double>{100.75, 200, 12}),
             boost::test_tools::per_element());
  // Not a number in any locale: the comma is not a decimal separator in a layout.
  expect_refused("styles:\n  body: { size: \"8,5\" }\n", 2, "expected a number");
}

BOOST_AUTO_TEST_CASE(reports_are_found_beside_the_configuration_or_where_told) {
  TempDir dir;
  fs::create_directories(dir.path / "config");
  fs::create_directories(dir.path / "reports");
  unsetenv("GEPAIE_REPORTS_DIR");
  BOOST_TEST(print::reports_dir(dir.path / "config" / "gepaie.yaml") == dir.path / "reports");
  BOOST_TEST(print::reports_dir(dir.path / "a" / "b" / "gepaie.yaml") ==
             fs::path("/usr/share/gepaie/reports"));
  setenv("GEPAIE_REPORTS_DIR", "/opt/reports", 1);
  BOOST_TEST(print::reports_dir(dir.path / "config" / "gepaie.yaml") == fs::path("/opt/reports"));
  unsetenv("GEPAIE_REPORTS_DIR");
}

BOOST_AUTO_TEST_CASE(pdf_text_is_measured_wrapped_and_saved_with_its_accents) {
  TempDir dir;
  print::PdfDocument pdf(print::default_fonts());
  const print::TextStyle body{9, false, {}};
  const print::TextStyle bold{9, true, {}};
  const std::string caption = "Autres contributions dues par l'employeur";
  const double width = pdf.text_width(caption, body);
  BOOST_TEST(width > 100);
  BOOST_TEST(width < 250);
  BOOST_TEST(pdf.text_width(caption, bold) > width);
  BOOST_TEST(pdf.text_width(caption, print::TextStyle{18, false, {}}) == 2 * width,
             boost::test_tools::tolerance(0.01));
  // Whole words when they fit, a cut word only when one word is wider than the room.
  BOOST_TEST(pdf.fit(caption, width, body) == caption);
  const double three_words = pdf.text_width("Autres contributions dues", body);
  BOOST_TEST(pdf.fit(caption, three_words + 1, body) == "Autres contributions dues");
  BOOST_TEST(pdf.fit(caption, three_words - 1, body) == "Autres contributions");
  BOOST_TEST(pdf.fit("Anticonstitutionnellement", 40, body).size() < 25u);
  BOOST_TEST(pdf.fit("Anticonstitutionnellement", 40, body).size() > 0u);
  BOOST_TEST(pdf.fit("Éé", 0.5, body).empty());
  // French numbers keep their narrow no-break space: narrower than a space, wider than none.
  const double narrow = pdf.text_width("2\u202F611,54", body);
  BOOST_TEST(narrow < pdf.text_width("2 611,54", body));
  BOOST_TEST(narrow > pdf.text_width("2611,54", body));
  BOOST_TEST(pdf.text_width("2\u202F611,54 et 3\u202F200,00", body) <
             pdf.text_width("2 611,54 et 3 200,00", body));

  BOOST_CHECK_THROW(pdf.text(10, 10, "no page yet", body), Error);
  BOOST_CHECK_THROW(pdf.save(dir.path / "empty.pdf"), Error);
  pdf.new_page();
  pdf.new_page();
  BOOST_TEST(pdf.pages() == 2);
  pdf.text(40, 60, "Hélène Gérard « Sécurité sociale » 1 234,56 € — Œuvre ŒŸ", body);
  pdf.text_right(555, 80, "Net à payer 2 059,22 €", bold);
  pdf.text_center(297, 100, "Ωμέγα Жанна Nguyễn Łódź", body);
  pdf.text(40, 120, "bad \xff\xfe bytes and a tab\there", body);
  pdf.text(40, 130, "Brut 2\u202F611,54\u00A0€ et net 1\u202F983,62\u00A0€", body);
  pdf.text(40, 140, "3\u202F296,00", bold);
  pdf.rect(36, 150, 200, 20, print::Color{0.9, 0.9, 1}, print::Color{0, 0, 0.5});
  pdf.line(36, 180, 559, 180, 0.5, print::Color{});
  pdf.set_info("Bulletin de paie — Hélène", "Dômes & Sons", "novembre 2026");
  pdf.save(dir.path / "text.pdf");
  BOOST_TEST(!fs::exists(dir.path / "text.pdf.part"));
  const std::string text = pdf_text(dir.path / "text.pdf");
  BOOST_TEST(contains(text, "Hélène Gérard « Sécurité sociale » 1 234,56 € — Œuvre ŒŸ"), text);
  BOOST_TEST(contains(text, "Net à payer 2 059,22 €"));
  BOOST_TEST(contains(text, "Ωμέγα Жанна Nguyễn Łódź"));
  BOOST_TEST(contains(text, "bad ?? bytes and a tab here"));
  BOOST_TEST(contains(text, "Brut 2 611,54 € et net 1 983,62 €"), text);
  BOOST_TEST(contains(text, "3 296,00"));
  // Page 2 holds the text, page 1 is empty: the form feed between them comes first.
  BOOST_TEST(text.find('\f') < text.find("Hélène"));

  // The fonts are embedded (a subset): the file is small and names them.
  std::ifstream in(dir.path / "text.pdf", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  BOOST_TEST(contains(bytes.str(), "DejaVuSans"));
  BOOST_TEST(contains(bytes.str(), "/FontFile2"));
  BOOST_TEST(fs::file_size(dir.path / "text.pdf") < 80u * 1024);

  // Writing where it cannot: Failure naming the file.
  try {
    pdf.save(dir.path / "no-such-folder" / "x.pdf");
    BOOST_ERROR("saved into a missing folder");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Failure));
    BOOST_TEST(contains(e.what(), "no-such-folder/x.pdf"), e.what());
  }
}

BOOST_AUTO_TEST_CASE(missing_fonts_are_named) {
  TempDir dir;
  setenv("GEPAIE_FONT_DIR", dir.path.c_str(), 1);
  try {
    print::default_fonts();
    BOOST_ERROR("found fonts in an empty folder");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Failure));
    BOOST_TEST(contains(e.what(), (dir.path / "DejaVuSans.ttf").string()), e.what());
  }
  unsetenv("GEPAIE_FONT_DIR");
  BOOST_TEST(print::default_fonts().regular ==
             fs::path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
  BOOST_CHECK_THROW(print::PdfDocument({dir.path / "a.ttf", dir.path / "b.ttf"}), Error);
}
