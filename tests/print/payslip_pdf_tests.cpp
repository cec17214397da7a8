// The payslip PDFs of the demo month, end to end: November 2026 of the demo GE closed on a
// throwaway schema (store functions), `gepaie print payslips` run on it (the program, in a child
// process), and the files read back with pdftotext -layout and compared with the stored payslips:
// every mandatory item of the 2026 model, every amount to the cent, accents and €, E007's
// overtime.
#define BOOST_TEST_MODULE payslip_pdf_tests
#include <boost/test/unit_test.hpp>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "demo_month.h"
#include "gepaie/app/close.h"
#include "gepaie/config/import_file.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"
#include "test_database.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

const std::string kSource = GEPAIE_SOURCE_DIR;
const Month kNovember = Month::parse("2026-11");

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// pdftotext writes the no-break spaces of the French formats as plain spaces.
// Copied into a new string: replace() in place trips g++ 12's false -Wrestrict at -O3.
std::string plain(const std::string& text) {
  std::string result;
  for (size_t at = 0; at < text.size();) {
    const std::string_view rest = std::string_view(text).substr(at);
    if (rest.starts_with("\u202F") || rest.starts_with("\u00A0")) {
      result += ' ';
      at += rest.starts_with("\u202F") ? 3 : 2;
    } else {
      result += text[at++];
    }
  }
  return result;
}
std::string euros(Money money) {  // "2 059,22 €"
  return plain(money.french());
}
std::string amount(Money money) {  // "2 059,22", as in the tables
  const std::string text = euros(money);
  return text.substr(0, text.size() - std::string(" €").size());
}
std::string percent(Rate rate) {  // "6,90 %", "0,016 %"
  std::string text = rate.percent_str();
  const size_t dot = text.find('.');
  if (dot == std::string::npos) {
    text += ",00";
  } else {
    text[dot] = ',';
    if (text.size() - dot == 2) {
      text += "0";
    }
  }
  return text + " %";
}

std::string trim(const std::string& text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The one line of `text` that contains `part` (a failure when none or several do).
std::string line_with(const std::string& text, const std::string& part) {
  std::string found;
  int count = 0;
  for (const std::string& line : lines_of(text)) {
    if (contains(line, part)) {
      found = line;
      ++count;
    }
  }
  BOOST_TEST(count == 1, "'" + part + "' is on " + std::to_string(count) + " lines");
  return found;
}

// The one line that holds `part` and an amount (a figure): a row of a table, not a heading.
std::string row_with(const std::string& text, const std::string& part) {
  std::string found;
  int count = 0;
  for (const std::string& line : lines_of(text)) {
    if (contains(line, part) && line.find_first_of("0123456789") != std::string::npos) {
      found = line;
      ++count;
    }
  }
  BOOST_TEST(count == 1, "'" + part + "' is on " + std::to_string(count) + " rows");
  return found;
}

// The cells of a row: the text between runs of two spaces or more.
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  size_t at = row.find_first_not_of(' ');
  while (at != std::string::npos) {
    size_t end = row.find("  ", at);
    cells.push_back(row.substr(at, end == std::string::npos ? std::string::npos : end - at));
    at = end == std::string::npos ? end : row.find_first_not_of(' ', end);
  }
  return cells;
}

// `row` has a cell that is exactly `value` (so that "4,46" does not match "104,46").
bool has_cell(const std::string& row, const std::string& value) {
  const auto cells = cells_of(row);
  return std::find(cells.begin(), cells.end(), value) != cells.end();
}

// "151.67" -> "151,67"
std::string decimal(std::string text) {
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// The first line that starts with `start` (after the indentation); lines().size() when none.
size_t line_starting(const std::vector<std::string>& lines, const std::string& start) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (trim(lines[i]).rfind(start, 0) == 0) {
      return i;
    }
  }
  return lines.size();
}

// At most `count` characters of `text`, cut on a character boundary.
std::string prefix(const std::string& text, size_t count) {
  size_t end = 0;
  for (size_t chars = 0; end < text.size() && chars < count; ++chars) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
  }
  return text.substr(0, end);
}

struct Run {
  int status = -1;
  std::string output;  // standard output and error
};

// The demo GE with November 2026 closed on its own schema, and a configuration naming it.
class DemoMonth : public testing::TestDatabase {
 public:
  DemoMonth() : TestDatabase("print"), rates_(config::load_rate_book(kSource + "/config/rates")) {
    testing::set_up_demo(db(), {kNovember});
    testing::close_month(db(), rates_, settings(), kNovember);

    std::string pattern = (fs::temp_directory_path() / "gepaie-print.XXXXXX").string();
    BOOST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir_ = pattern;
    std::string yaml = read_file(GEPAIE_TEST_CONFIG);
    const std::string key = "schema: gepaie_test";
    yaml.replace(yaml.find(key), key.size(), "schema: " + settings().database.schema);
    std::ofstream(dir_ / "gepaie.yaml") << yaml;
  }
  ~DemoMonth() { fs::remove_all(dir_); }

  const fs::path& dir() const { return dir_; }

  // `gepaie --config <this schema's> args...`, with the shipped layouts.
  Run gepaie(const std::vector<std::string>& args) const {
    Poco::Process::Args all = {"-u",
                               "GEPAIE_DATABASE_URL",
                               "-u",
                               "GEPAIE_DATA_DIR",
                               "-u",
                               "GEPAIE_FONT_DIR",
                               "GEPAIE_REPORTS_DIR=" + kSource + "/reports",
                               GEPAIE_BINARY,
                               "--config",
                               (dir_ / "gepaie.yaml").string()};
    all.insert(all.end(), args.begin(), args.end());
    Poco::Pipe out;
    Poco::ProcessHandle process = Poco::Process::launch("/usr/bin/env", all, nullptr, &out, &out);
    Poco::PipeInputStream stream(out);
    std::stringstream text;
    text << stream.rdbuf();
    Run run;
    run.status = process.wait();
    run.output = text.str();
    return run;
  }

 private:
  payroll::RateBook rates_;
  fs::path dir_;
};

// The demo month closed and printed once for every test, with its stored payslips and files.
struct Printed {
  DemoMonth demo;
  fs::path out;
  Run run;
  std::vector<store::StoredPayslip> payslips;
  std::map<std::string, registry::Contract> contracts;
  std::map<std::string, std::string> texts;  // employee number -> pdftotext -layout

  Printed() {
    ::umask(022);  // the usual umask: the modes the tests check are gepaie's
    out = demo.dir() / "bulletins";
    run = demo.gepaie(
        {"print", "payslips", "--month", "2026-11", "--out", out.string(), "--combined"});
    payslips = store::load_payslips(demo.db(), kNovember, std::nullopt, true);
    for (auto& contract : store::list_contracts(demo.db())) {
      contracts[contract.reference] = contract;
    }
    for (const auto& p : payslips) {
      texts[p.employee_number] = text_of(file_of(p.employee_number));
    }
  }
  fs::path file_of(const std::string& employee) const {
    return out / ("bulletin-2026-11-" + employee + ".pdf");
  }
  static std::string text_of(const fs::path& file) {
    const std::string command = "pdftotext -layout '" + file.string() + "' - 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::string text;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
      text.append(buffer, n);
    }
    pclose(pipe);
    return text;
  }
};

Printed& printed() {
  static Printed instance;
  return instance;
}

// The first line starting with `start` (after the indentation).
std::string starting(const std::string& text, const std::string& start) {
  const auto lines = lines_of(text);
  const size_t at = line_starting(lines, start);
  BOOST_REQUIRE_MESSAGE(at < lines.size(), "no line starts with " + start);
  return lines[at];
}

const store::StoredPayslip& payslip_of(const std::string& employee) {
  const auto& payslips = printed().payslips;
  const auto found = std::find_if(payslips.begin(), payslips.end(),
                                  [&](const auto& p) { return p.employee_number == employee; });
  BOOST_REQUIRE_MESSAGE(found != payslips.end(), "no payslip for " + employee);
  return *found;
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_file_per_employee_and_one_for_all_of_them) {
  const Printed& p = printed();
  BOOST_REQUIRE_MESSAGE(p.run.status == 0, p.run.output);
  BOOST_TEST(p.payslips.size() > 10u);
  BOOST_TEST(contains(p.run.output, std::to_string(p.payslips.size()) +
                                        " payslips of novembre 2026 in " + p.out.string()),
             p.run.output);
  BOOST_TEST(contains(p.run.output, (p.out / "bulletins-2026-11.pdf").string()), p.run.output);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(p.out)) {
    BOOST_TEST(entry.path().extension() == ".pdf", entry.path());
    ++files;
  }
  BOOST_TEST(files == p.payslips.size() + 1);
  const std::string combined = Printed::text_of(p.out / "bulletins-2026-11.pdf");
  for (const auto& slip : p.payslips) {
    BOOST_TEST(fs::exists(p.file_of(slip.employee_number)), slip.employee_number);
    BOOST_TEST(contains(p.texts.at(slip.employee_number), "Page 1/1"), slip.employee_number);
    BOOST_TEST(contains(combined, "Matricule : " + slip.employee_number), slip.employee_number);
  }
  // One page per payslip in the combined file, in employee order.
  size_t pages = 0;
  for (size_t at = combined.find("Page 1/1"); at != std::string::npos;
       at = combined.find("Page 1/1", at + 1)) {
    ++pages;
  }
  BOOST_TEST(pages == p.payslips.size());
  BOOST_TEST(combined.find("Matricule : E001") < combined.find("Matricule : E002"));
}

BOOST_AUTO_TEST_CASE(payslips_are_readable_by_their_owner_only) {
  const Printed& p = printed();
  BOOST_REQUIRE_MESSAGE(p.run.status == 0, p.run.output);
  BOOST_TEST(mode_of(p.out) == 0700u);  // made by gepaie
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(p.out)) {
    BOOST_TEST(mode_of(entry.path()) == 0600u, entry.path());
    ++files;
  }
  BOOST_TEST(files == p.payslips.size() + 1);
}

BOOST_AUTO_TEST_CASE(every_payslip_has_the_mandatory_items_of_the_2026_model) {
  Printed& p = printed();
  BOOST_REQUIRE(p.run.status == 0);
  std::map<std::string, registry::Employee> employees;
  for (auto& e : store::list_employees(p.demo.db())) {
    employees[e.number] = e;
  }
  for (const auto& slip : p.payslips) {
    BOOST_TEST_CONTEXT(slip.employee_number) {
      const std::string& text = p.texts.at(slip.employee_number);
      const registry::Employee& e = employees.at(slip.employee_number);
      const registry::Contract& c = p.contracts.at(slip.contract_reference);
      const registry::ContractTerms terms = c.terms_at(kNovember.last_day());
      // The employer: name, address, SIRET, NAF, the collective agreement.
      BOOST_TEST(contains(text, "GE de test"));
      BOOST_TEST(contains(text, "1 rue du Test"));
      BOOST_TEST(contains(text, "63000 Clermont-Ferrand"));
      BOOST_TEST(contains(text, "SIRET : 790 123 459 00014"));
      BOOST_TEST(contains(text, "Code NAF/APE : 7830Z"));
      BOOST_TEST(contains(text, "N° URSSAF : 637000001234567890"));
      BOOST_TEST(contains(text, "Convention collective : IDCC 1285 — Entreprises artistiques"));
      // The employee: name, number, NIR, job, classification, status, entry, contract, hours.
      BOOST_TEST(contains(text, e.full_name()));
      BOOST_TEST(contains(text, "Matricule : " + e.number));
      const std::string nir = e.nir.substr(0, 1) + " " + e.nir.substr(1, 2) + " " +
                              e.nir.substr(3, 2) + " " + e.nir.substr(5, 2) + " " +
                              e.nir.substr(7, 3) + " " + e.nir.substr(10, 3) + " " +
                              e.nir.substr(13, 2);
      BOOST_TEST(contains(text, "N° de sécurité sociale : " + nir));
      BOOST_TEST(contains(text, "Emploi : " + terms.job_title));
      BOOST_TEST(contains(text, "Classification : " + terms.classification));
      BOOST_TEST(contains(text, std::string("Statut : ") +
                                    (c.status == registry::Status::Cadre ? "Cadre" : "Non-cadre")));
      BOOST_TEST(contains(text, "Date d'entrée : " + c.start.french()));
      BOOST_TEST(contains(text, std::string("Contrat : ") +
                                    (c.kind == registry::ContractKind::Cdi ? "CDI" : "CDD")));
      // The period, the payment date, the hours paid.
      BOOST_TEST(contains(text, "Période du 01/11/2026 au 30/11/2026"));
      BOOST_TEST(contains(text, "Date de paiement : 30/11/2026"));
      for (const auto& l : slip.lines) {
        if (l.code == "salaire_base") {
          const std::string row = row_with(text, "Salaire de base");
          BOOST_TEST(contains(row, decimal(l.hours.str()) + " h"), row);
        }
      }
      // Gross, contributions by group in the model's order, with their columns and total.
      BOOST_TEST(contains(text, "Éléments de rémunération"));
      BOOST_TEST(contains(text, "Salaire brut"));
      const std::string header = line_with(text, "Cotisations et contributions sociales");
      for (const char* column : {"Base", "Taux", "Part salarié", "Part employeur"}) {
        BOOST_TEST(contains(header, column), column);
      }
      const auto lines = lines_of(text);
      std::vector<std::string> order = {"Santé", "Accidents du travail", "Retraite", "Famille",
                                        "Assurance chômage"};
      if (c.status == registry::Status::Cadre) {
        order.push_back("Cotisations statutaires ou conventionnelles — APEC");
      }
      order.push_back("Autres contributions dues par l'employeur");
      order.push_back("CSG et CRDS");
      order.push_back("Total des cotisations et contributions");
      size_t previous = 0;
      for (const std::string& title : order) {
        const size_t at = line_starting(lines, title);
        BOOST_TEST(at < lines.size(), title);
        BOOST_TEST(at > previous, title);
        previous = at;
      }
      const bool reductions = std::any_of(slip.lines.begin(), slip.lines.end(),
                                          [](const auto& l) { return l.kind == "reduction"; });
      BOOST_TEST(contains(text, "Exonérations, écrêtements et allègements de cotisations") ==
                 reductions);
      // The nets, the income tax with its cumulatives, the employer's total, leave, the mention.
      BOOST_TEST(contains(text, "Net à payer avant impôt sur le revenu"));
      BOOST_TEST(contains(text, "Impôt sur le revenu"));
      BOOST_TEST(contains(text, "Net imposable"));
      BOOST_TEST(contains(text, "Taux"));
      BOOST_TEST(contains(text, "personnalisé"));
      BOOST_TEST(contains(text, "Impôt prélevé"));
      BOOST_TEST(contains(text, "Cumul 2026"));
      BOOST_TEST(contains(text, "Net payé"));
      BOOST_TEST(contains(text, "Montant net social"));
      BOOST_TEST(contains(text, "Total versé par l'employeur"));
      BOOST_TEST(contains(text, "Congés payés (jours ouvrables)"));
      BOOST_TEST(contains(text,
                          "Dans votre intérêt et pour vous aider à faire valoir vos droits, "
                          "conservez ce bulletin de paie sans limitation de durée."));
    }
  }
}

BOOST_AUTO_TEST_CASE(amounts_equal_the_stored_payslips_to_the_cent) {
  const Printed& p = printed();
  BOOST_REQUIRE(p.run.status == 0);
  for (const auto& slip : p.payslips) {
    BOOST_TEST_CONTEXT(slip.employee_number) {
      const std::string& text = p.texts.at(slip.employee_number);
      const auto& t = slip.totals;
      BOOST_TEST(has_cell(starting(text, "Salaire brut"), amount(t.gross)));
      BOOST_TEST(has_cell(line_with(text, "Net à payer avant impôt sur le revenu"),
                          euros(t.net_before_tax)));
      BOOST_TEST(has_cell(line_with(text, "Net payé"), euros(t.net_paid)));
      BOOST_TEST(has_cell(line_with(text, "Montant net social"), euros(t.net_social)));
      BOOST_TEST(has_cell(line_with(text, "Total versé par l'employeur"), euros(t.employer_cost)));
      // The income tax of the month and of the year.
      const std::string month = starting(text, "Ce mois");
      for (const std::string& part :
           {amount(t.gross), amount(t.net_taxable), percent(slip.income_tax_rate),
            amount(t.income_tax), amount(t.overtime_tax_exempt)}) {
        BOOST_TEST(has_cell(month, part), part + " in: " + month);
      }
      const std::string year = starting(text, "Cumul 2026");
      for (const std::string& part :
           {amount(slip.year_to_date.gross), amount(slip.year_to_date.net_taxable),
            amount(slip.year_to_date.income_tax)}) {
        BOOST_TEST(has_cell(year, part), part + " in: " + year);
      }
      // Every contribution and reduction line with its base, rates and amounts; the group of the
      // other employer contributions as one line, their sum.
      Money others;
      Money employee_total;
      Money employer_total;
      for (const auto& l : slip.lines) {
        if (l.kind == "contribution" && l.group == "autres") {
          others += l.employer_amount;
        }
        if (l.kind == "contribution" && l.group != "prevoyance") {
          employee_total += l.employee_amount;
          employer_total += l.employer_amount;
        }
        if (l.kind == "earning" || (l.kind == "contribution" && l.group == "autres")) {
          continue;
        }
        const std::string row = row_with(text, prefix(l.label, 30));
        BOOST_TEST_CONTEXT(l.code + ": " + row) {
          if (l.kind == "adjustment") {
            BOOST_TEST(has_cell(row, amount(l.employee_amount)));
            continue;
          }
          if (!l.base.is_zero()) {
            BOOST_TEST(has_cell(row, amount(l.base)));
          }
          if (l.employee_rate) {
            BOOST_TEST(has_cell(row, percent(*l.employee_rate)));
          }
          if (l.employer_rate) {
            BOOST_TEST(has_cell(row, percent(*l.employer_rate)));
          }
          if (!l.employee_amount.is_zero()) {
            BOOST_TEST(has_cell(row, amount(l.employee_amount)));
          }
          if (!l.employer_amount.is_zero()) {
            BOOST_TEST(has_cell(row, amount(l.employer_amount)));
          }
        }
      }
      BOOST_TEST(
          has_cell(line_with(text, "Autres contributions dues par l'employeur"), amount(others)));
      const std::string total = line_with(text, "Total des cotisations et contributions");
      BOOST_TEST(has_cell(total, amount(employee_total)), total);
      BOOST_TEST(has_cell(total, amount(employer_total)), total);
      // Leave counters.
      const auto days = [](int hundredths) { return amount(Money::from_cents(hundredths)) + " j"; };
      const std::string leave = line_with(text, "dont acquis ce mois");
      BOOST_TEST(contains(leave, "dont acquis ce mois : " +
                                     amount(Money::from_cents(slip.leave_earned)) + " j"),
                 leave);
      for (const std::string& part :
           {days(slip.leave_n1_remaining), days(slip.leave_n_earned), days(slip.leave_taken),
            days(slip.leave_n1_remaining + slip.leave_n_remaining)}) {
        BOOST_TEST(has_cell(leave, part), part + " in: " + leave);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(accents_and_the_euro_sign_are_intact) {
  const Printed& p = printed();
  BOOST_REQUIRE(p.run.status == 0);
  const std::string& e001 = p.texts.at("E001");
  BOOST_TEST(contains(e001, "Hélène Vidal"));
  BOOST_TEST(contains(e001, "Sécurité sociale – maladie, maternité, invalidité, décès"));
  BOOST_TEST(contains(e001, "Éléments de rémunération"));
  BOOST_TEST(contains(e001, "Net à payer avant impôt sur le revenu"));
  BOOST_TEST(contains(e001, "€"));
  BOOST_TEST(contains(e001, "CSG déductible de l'impôt sur le revenu"));
  BOOST_TEST(contains(p.texts.at("E003"), "Gérard Chassaing"));
  BOOST_TEST(contains(p.texts.at("E008"), "Maëlle Grenier"));
  BOOST_TEST(contains(p.texts.at("E014"), "François Moulin"));
  BOOST_TEST(contains(p.texts.at("E015"), "Élodie Bonnet"));
  for (const auto& [number, text] : p.texts) {
    BOOST_TEST(!contains(text, "\xEF\xBF\xBD"), number);  // no replacement character
  }
}

BOOST_AUTO_TEST_CASE(the_overtime_of_e007_shows_its_hours_and_rate) {
  const Printed& p = printed();
  BOOST_REQUIRE(p.run.status == 0);
  const store::StoredPayslip& slip = payslip_of("E007");
  const std::string& text = p.texts.at("E007");
  BOOST_TEST(slip.overtime_first.minutes() > 0);
  const auto overtime = std::find_if(slip.lines.begin(), slip.lines.end(),
                                     [](const auto& l) { return l.code == "heures_sup_1"; });
  BOOST_REQUIRE(overtime != slip.lines.end());
  // Label with the rate, hours, majorated hourly rate, amount.
  const auto cells = cells_of(row_with(text, "Heures supplémentaires majorées à 25 %"));
  BOOST_REQUIRE(cells.size() == 4u);
  BOOST_TEST(cells[0] == "Heures supplémentaires majorées à 25 %");
  BOOST_TEST(cells[1] == decimal(overtime->hours.str()) + " h");
  BOOST_TEST(cells[3] == amount(overtime->employee_amount));
  std::string rate = cells[2];  // "20,1925": hours × rate = amount, to the cent
  std::replace(rate.begin(), rate.end(), ',', '.');
  BOOST_TEST(std::stod(rate) * overtime->hours.minutes() / 60.0 ==
                 overtime->employee_amount.cents() / 100.0,
             boost::test_tools::tolerance(0.0005));
  // The reductions that go with overtime, and the exempt overtime in the income-tax block.
  BOOST_TEST(contains(text, "Réduction de cotisations salariales heures supplémentaires"));
  BOOST_TEST(contains(text, "Déduction forfaitaire patronale heures supplémentaires"));
  BOOST_TEST(contains(starting(text, "Ce mois"), amount(slip.totals.overtime_tax_exempt)));
  BOOST_TEST(!slip.totals.overtime_tax_exempt.is_zero());
}

BOOST_AUTO_TEST_CASE(one_employee_and_the_refusals) {
  Printed& p = printed();
  const fs::path one = p.demo.dir() / "one";
  const Run run = p.demo.gepaie(
      {"print", "payslips", "--month", "2026-11", "--employee", "E007", "--out", one.string()});
  BOOST_REQUIRE_MESSAGE(run.status == 0, run.output);
  BOOST_TEST(contains(run.output, (one / "bulletin-2026-11-E007.pdf").string()), run.output);
  BOOST_TEST(std::distance(fs::directory_iterator(one), fs::directory_iterator()) == 1);
  BOOST_TEST(Printed::text_of(one / "bulletin-2026-11-E007.pdf") == p.texts.at("E007"));

  const Run unknown = p.demo.gepaie(
      {"print", "payslips", "--month", "2026-11", "--employee", "E999", "--out", one.string()});
  BOOST_TEST(unknown.status == 1, unknown.output);
  BOOST_TEST(contains(unknown.output, "no payslip for E999 in 2026-11"), unknown.output);
  const Run no_run =
      p.demo.gepaie({"print", "payslips", "--month", "2026-10", "--out", one.string()});
  BOOST_TEST(no_run.status == 1, no_run.output);
  BOOST_TEST(contains(no_run.output, "no pay run for 2026-10"), no_run.output);
  const Run no_out = p.demo.gepaie({"print", "payslips", "--month", "2026-11"});
  BOOST_TEST(no_out.status == 2, no_out.output);
  BOOST_TEST(contains(no_out.output, "--out"), no_out.output);
  BOOST_TEST(std::distance(fs::directory_iterator(one), fs::directory_iterator()) == 1);
}
