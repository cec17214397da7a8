// Printed invoices, credit notes and the payroll journal, end to end: the demo month 2026-11
// (with an expense and a regularisation) closed on a throwaway schema, a credit note issued, then
// `gepaie print invoices` and `gepaie print summary` run as a user would. The PDFs are read back
// with `pdftotext -layout` (poppler-utils) and checked against the database: every mandatory
// mention, each line and total to the cent in French notation, the annex hours against the
// approved hours of the split; the CSV against the payslips and the split; the terminal table's
// width. A synthetic invoice too long for one page checks the page breaks.
#define BOOST_TEST_MODULE invoice_pdf_tests
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "demo_month.h"
#include "gepaie/app/billing.h"
#include "gepaie/app/close.h"
#include "gepaie/config/import_file.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/print/layout.h"
#include "gepaie/print/render.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"
#include "test_database.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

const std::string kSource = GEPAIE_SOURCE_DIR;
const Month kNovember = Month::parse("2026-11");
const std::string kBasalte = "87001285300012";  // cost split, 8 % fee
const std::string kLimagne = "89448409600017";  // billing coefficient 1.75
const std::string kGeName = "Dômes & Sons — groupement d'employeurs des industries culturelles";
const std::string kIban = "FR76 1680 6000 1000 1234 5678 930";
const std::string kCreditReason = "Heures du 19/11 comptées à tort — relevé corrigé";

// pdftotext writes the no-break spaces of French amounts ("1 234,56 €": U+202F between digit
// groups, U+00A0 before the sign) as plain spaces: texts are compared with plain spaces.
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

bool contains(const std::string& text, const std::string& part) {
  return plain(text).find(plain(part)) != std::string::npos;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string describe(const Result& r) {
  return "exit " + std::to_string(r.status) + "; stderr: " + r.err +
         "; stdout: " + r.out.substr(0, 1500);
}

// A shell command with its output in files.
Result shell(const std::string& command) {
  static int counter = 0;
  const fs::path stem = fs::temp_directory_path() / ("invoice_pdf_" + std::to_string(getpid()) +
                                                     "_" + std::to_string(counter++));
  const std::string out = stem.string() + ".out";
  const std::string err = stem.string() + ".err";
  const int status = std::system((command + " > " + quote(out) + " 2> " + quote(err)).c_str());
  Result result;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  fs::remove(out);
  fs::remove(err);
  return result;
}

// The text of a PDF, laid out as printed (one text line per line of the page).
std::string pdf_text(const fs::path& pdf) {
  const Result result = shell("pdftotext -layout " + quote(pdf.string()) + " -");
  BOOST_REQUIRE_MESSAGE(result.status == 0, "pdftotext " + pdf.string() + ": " + describe(result));
  return result.out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

// A text line holding every one of `parts`, in that order.
bool has_line(const std::string& text, const std::vector<std::string>& parts) {
  for (const std::string& line : split_lines(plain(text))) {
    size_t at = 0;
    bool all = true;
    for (const std::string& raw : parts) {
      const std::string part = plain(raw);
      at = line.find(part, at);
      if (at == std::string::npos) {
        all = false;
        break;
      }
      at += part.size();
    }
    if (all) {
      return true;
    }
  }
  return false;
}

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) {
    text += (text.empty() ? "" : " | ") + part;
  }
  return text;
}

size_t code_points(const std::string& utf8) {
  size_t count = 0;
  for (char c : utf8) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

std::string french_hours(Hours hours) {
  std::string text = hours.str();
  text[text.find('.')] = ',';
  return text;
}

std::string grouped_siret(const std::string& siret) {
  return siret.substr(0, 3) + " " + siret.substr(3, 3) + " " + siret.substr(6, 3) + " " +
         siret.substr(9);
}

// "1234,56" (a CSV amount) in cents.
int64_t csv_cents(const std::string& text) {
  std::string copy = text;
  copy[copy.find(',')] = '.';
  return Money::parse(copy).cents();
}

// ---- the closed demo month ------------------------------------------------------------------

// The demo GE on a throwaway schema: November 2026 from the schedule with the demo's timesheet
// differences, approved, an expense and a regularisation of October, closed on 30/11/2026; a
// credit note cancelling Les Films de la Limagne's invoice. The program runs with a copy of the
// test configuration that names the schema and gives the GE the identity an invoice prints.
struct ClosedMonth : testing::TestDatabase {
  ClosedMonth() : TestDatabase("print"), rates(config::load_rate_book(kSource + "/config/rates")) {
    ::unsetenv("GEPAIE_DATABASE_URL");
    ::unsetenv("GEPAIE_DATA_DIR");
    ::unsetenv("GEPAIE_CONFIG");
    ::setenv("GEPAIE_REPORTS_DIR", (kSource + "/reports").c_str(), 1);
    dir = fs::temp_directory_path() / (db().schema() + "_out");
    fs::create_directories(dir);
    config_file = dir / "gepaie.yaml";
    std::string yaml = read_text(GEPAIE_TEST_CONFIG);
    yaml.replace(yaml.find("schema: gepaie_test"), std::string("schema: gepaie_test").size(),
                 "schema: " + db().schema());
    yaml.replace(yaml.find("name: \"GE de test\""), std::string("name: \"GE de test\"").size(),
                 "name: \"" + kGeName +
                     "\"\n  legal_form: \"Association loi 1901\"\n"
                     "  vat: { regime: standard, number: \"FR13790123459\" }\n"
                     "  email: \"paie@domes-et-sons.example\"\n  phone: \"04 73 00 00 00\"\n"
                     "  iban: \"" +
                     kIban + "\"");
    std::ofstream(config_file) << yaml;
    settings = config::load_settings(
        config_file, [](const std::string&) { return std::optional<std::string>(); });

    testing::set_up_demo(db(), {kNovember});
    store::add_expense(db(), {0, "E003", kBasalte, Date::parse("2026-11-18"), Money::parse("42.60"),
                              "Train Clermont-Ferrand — Paris"});
    store::add_invoice_adjustment(db(), {0, kBasalte, kNovember, Money::parse("-50.00"),
                                         "Régularisation octobre : séance comptée deux fois", ""});
    testing::close_month(db(), rates, settings, kNovember);
    const auto limagne = store::list_invoices(db(), kNovember, kLimagne);
    BOOST_REQUIRE(limagne.size() == 1);
    credit = app::credit_invoice(db(), settings.invoicing.credit_prefix,
                                 {limagne.front().number, {}, kCreditReason, std::nullopt},
                                 Date::parse("2026-12-04"), "operator:test");
  }
  ~ClosedMonth() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  Result gepaie(const std::vector<std::string>& args) const {
    std::string command = "cd " + quote(kSource) + " && " + quote(GEPAIE_BINARY) + " --config " +
                          quote(config_file.string());
    for (const auto& arg : args) {
      command += ' ';
      command += quote(arg);
    }
    return shell(command);
  }

  payroll::RateBook rates;
  fs::path dir;
  fs::path config_file;
  config::Settings settings;
  store::StoredInvoice credit;
};

// Approved hours of the split, by member and employee.
std::map<std::string, std::map<std::string, Hours>> split_hours(store::Database& db) {
  std::map<std::string, std::map<std::string, Hours>> hours;
  for (const auto& share : store::load_closed_split(db, kNovember).shares) {
    if (share.basis == billing::SplitBasis::Worked && share.hours.minutes() > 0) {
      hours[share.member_siret][share.employee_number] += share.hours;
    }
  }
  return hours;
}

void check_lines_and_totals(const std::string& text, const store::StoredInvoice& invoice) {
  for (const auto& line : invoice.lines) {
    std::vector<std::string> parts = {line.label.substr(0, 24)};
    if (line.hours.minutes() != 0) {
      parts.push_back(french_hours(line.hours));
    }
    if (!line.unit_price.is_zero()) {
      parts.push_back(line.unit_price.french());
    }
    parts.push_back(line.amount.french());
    BOOST_TEST(has_line(text, parts), invoice.number << ": line " << join(parts));
  }
  BOOST_TEST(has_line(text, {"Total HT", invoice.net_total.french()}), invoice.number);
  BOOST_TEST(has_line(text, {"TVA 20\u00A0%", invoice.vat.french()}), invoice.number);
  BOOST_TEST(has_line(text, {"20\u00A0%", invoice.net_total.french(), invoice.vat.french()}),
             invoice.number << ": VAT breakdown");
  BOOST_TEST(has_line(text, {"Total TTC", invoice.total.french()}), invoice.number);
}

}  // namespace

BOOST_AUTO_TEST_CASE(invoices_credit_notes_and_the_journal_print_what_the_database_holds) {
  ::umask(022);  // the usual umask: the modes below are gepaie's, not the umask's
  ClosedMonth month;
  store::Database& db = month.db();
  const fs::path out = month.dir / "invoices";
  const Result printed = month.gepaie({"print", "invoices", "--month", "2026-11", "--out", out});
  BOOST_REQUIRE_MESSAGE(printed.status == 0, describe(printed));
  // Both parties' identifiers, IBANs, pay: readable by the owner only, in a folder only they enter.
  BOOST_TEST(mode_of(out) == 0700u);
  for (const auto& entry : fs::directory_iterator(out)) {
    BOOST_TEST(mode_of(entry.path()) == 0600u, entry.path());
  }

  const auto invoices = store::list_invoices(db, kNovember, std::nullopt);
  BOOST_REQUIRE(invoices.size() > 5);
  std::map<std::string, registry::Member> members;
  for (const auto& m : store::list_members(db)) {
    members[m.siret] = m;
  }
  std::map<std::string, std::string> names;
  for (const auto& e : store::list_employees(db)) {
    names[e.number] = e.full_name();
  }
  const auto approved = split_hours(db);
  const Money recovery_fee =
      month.rates.at(kNovember.last_day())->constants.late_payment_recovery_fee;
  BOOST_TEST(recovery_fee == Money::parse("40.00"));
  bool saw_expense = false;
  bool saw_regularisation = false;
  bool saw_exempt_member = false;
  for (const auto& invoice : invoices) {
    if (invoice.credit) {
      continue;  // below
    }
    const fs::path file = out / (invoice.number + ".pdf");
    BOOST_TEST_CONTEXT(invoice.number) {
      BOOST_REQUIRE(fs::is_regular_file(file));
      BOOST_TEST(contains(printed.out, file.string()));
      const std::string text = pdf_text(file);
      const registry::Member& member = members.at(invoice.member_siret);
      // The document, its number and dates.
      BOOST_TEST(contains(text, "FACTURE"));
      BOOST_TEST(has_line(text, {"N°", invoice.number}));
      BOOST_TEST(has_line(text, {"Date d'émission", invoice.issue_date.french()}));
      BOOST_TEST(contains(text, invoice.due_date.french()));
      BOOST_TEST(has_line(text, {"Période", "novembre 2026"}));
      // The seller.
      BOOST_TEST(contains(text, kGeName));
      BOOST_TEST(contains(text, "Association loi 1901"));
      BOOST_TEST(contains(text, "1 rue du Test"));
      BOOST_TEST(contains(text, "63000 Clermont-Ferrand"));
      BOOST_TEST(contains(text, "SIRET 790 123 459 00014"));
      BOOST_TEST(contains(text, "TVA intracommunautaire FR13790123459"));
      BOOST_TEST(contains(text, "NAF 7830Z"));
      // The buyer.
      BOOST_TEST(contains(text, member.legal_name));
      BOOST_TEST(contains(text, member.address.line1));
      BOOST_TEST(contains(text, member.address.postcode + " " + member.address.city));
      BOOST_TEST(contains(text, "SIRET " + grouped_siret(member.siret)));
      if (member.vat_number.empty()) {
        saw_exempt_member = true;
      } else {
        BOOST_TEST(contains(text, "TVA intracommunautaire " + member.vat_number));
      }
      // Lines and totals to the cent, VAT breakdown.
      check_lines_and_totals(text, invoice);
      for (const auto& line : invoice.lines) {
        saw_expense = saw_expense || line.kind == billing::InvoiceLineKind::Expense;
        saw_regularisation =
            saw_regularisation || line.kind == billing::InvoiceLineKind::Regularisation;
      }
      // Payment terms.
      BOOST_TEST(has_line(text, {"au plus tard le " + invoice.due_date.french()}));
      BOOST_TEST(contains(text, "Pas d'escompte pour paiement anticipé"));
      BOOST_TEST(contains(text, month.settings.invoicing.late_penalty));
      BOOST_TEST(contains(
          text, "Indemnité forfaitaire pour frais de recouvrement : " + recovery_fee.french()));
      BOOST_TEST(contains(text, "IBAN " + kIban));
      // Accents and the euro sign came through.
      BOOST_TEST(contains(text, "Dômes"));
      BOOST_TEST(contains(text, "€"));
      BOOST_TEST(!contains(text, "\uFFFD"));
      // The annex: each employee's approved hours at the member, and nobody else.
      BOOST_TEST(contains(text, "Annexe"));
      const auto hours = approved.find(invoice.member_siret);
      BOOST_REQUIRE(hours != approved.end());
      Hours total;
      for (const auto& [number, worked] : hours->second) {
        BOOST_TEST(has_line(text, {number + " — " + names.at(number),
                                   "Total : " + french_hours(worked) + " h"}),
                   number << " " << french_hours(worked));
        total += worked;
      }
      BOOST_TEST(has_line(text, {"Total des heures", french_hours(total) + " h"}));
      std::set<std::string> listed;
      const std::regex employee_heading("(E[0-9]{3}) — ");
      for (std::sregex_iterator it(text.begin(), text.end(), employee_heading), end; it != end;
           ++it) {
        listed.insert((*it)[1]);
      }
      BOOST_TEST(listed.size() == hours->second.size());
    }
  }
  BOOST_TEST(saw_expense);
  BOOST_TEST(saw_regularisation);
  BOOST_TEST(saw_exempt_member);

  // The credit note: which invoice it cancels and why, its totals, no annex.
  const store::StoredInvoice& credit = month.credit;
  const fs::path credit_file = out / (credit.number + ".pdf");
  BOOST_REQUIRE(fs::is_regular_file(credit_file));
  const std::string text = pdf_text(credit_file);
  BOOST_TEST(contains(text, "AVOIR"));
  BOOST_TEST(has_line(text, {"N°", credit.number}));
  BOOST_TEST(contains(text, "Avoir sur la facture " + credit.credited_number));
  BOOST_TEST(contains(text, "Motif : " + kCreditReason));
  BOOST_TEST(contains(text, "04/12/2026"));
  BOOST_TEST(credit.total.is_negative());
  check_lines_and_totals(text, credit);
  BOOST_TEST(contains(text, "SIRET " + grouped_siret(kLimagne)));
  BOOST_TEST(!contains(text, "IBAN"));  // the GE owes the amount: no transfer to its account
  BOOST_TEST(contains(text, "Montant en votre faveur : " + (-credit.total).french()));
  BOOST_TEST(!contains(text, "Date d'échéance"));
  BOOST_TEST(!contains(text, "Annexe"));

  // One member only.
  const fs::path one = month.dir / "one";
  const Result basalte =
      month.gepaie({"print", "invoices", "--month", "2026-11", "--member", kBasalte, "--out", one});
  BOOST_REQUIRE_MESSAGE(basalte.status == 0, describe(basalte));
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(one)) {
    files.push_back(entry.path().filename().string());
  }
  const auto basalte_invoices = store::list_invoices(db, kNovember, kBasalte);
  BOOST_REQUIRE(basalte_invoices.size() == 1);
  BOOST_TEST(files == std::vector<std::string>{basalte_invoices.front().number + ".pdf"});

  // Refusals: a month without invoices (1), --out missing (2).
  const Result october = month.gepaie({"print", "invoices", "--month", "2026-10", "--out", one});
  BOOST_TEST(october.status == 1, describe(october));
  BOOST_TEST(contains(october.err, "no invoice for 2026-10"));
  BOOST_TEST(month.gepaie({"print", "invoices", "--month", "2026-11"}).status == 2);
}

BOOST_AUTO_TEST_CASE(the_journal_adds_up_to_the_payslips_and_the_split) {
  ClosedMonth month;
  store::Database& db = month.db();
  const auto payslips = store::load_payslips(db, kNovember, std::nullopt, false);
  BOOST_REQUIRE(!payslips.empty());
  const auto split = billing::with_totals(store::load_closed_split(db, kNovember));
  const auto invoices = store::list_invoices(db, kNovember, std::nullopt);

  // CSV on standard output: no byte-order mark; two tables with their totals rows.
  const Result csv = month.gepaie({"print", "summary", "--month", "2026-11", "--format", "csv"});
  BOOST_REQUIRE_MESSAGE(csv.status == 0, describe(csv));
  BOOST_TEST(csv.out.substr(0, 3) != "\xEF\xBB\xBF");
  BOOST_TEST(contains(csv.out, "\r\n"));
  std::map<std::string, std::vector<std::string>> employees;
  std::map<std::string, std::vector<std::string>> members;
  std::vector<std::string> employee_total;
  std::vector<std::string> member_total;
  bool in_members = false;
  for (const std::string& line : split_lines(csv.out)) {
    if (line.empty()) {
      in_members = true;
      continue;
    }
    const auto fields = config::split_csv_line(line, ';');
    BOOST_REQUIRE_MESSAGE(fields.size() == 10, line);
    if (fields[0] == "Matricule" || fields[0] == "SIRET adhérent") {
      continue;
    }
    if (fields[0] == "Total") {
      (in_members ? member_total : employee_total) = fields;
    } else {
      (in_members ? members : employees)[fields[0]] = fields;
    }
  }
  BOOST_REQUIRE(employee_total.size() == 10u);
  BOOST_REQUIRE(member_total.size() == 10u);
  BOOST_TEST(employees.size() == payslips.size());
  int64_t sums[8] = {};
  for (const auto& p : payslips) {
    const int64_t values[8] = {p.totals.gross.cents(),
                               p.totals.employee_contributions.cents(),
                               p.totals.employer_contributions.cents(),
                               p.totals.net_before_tax.cents(),
                               p.totals.income_tax.cents(),
                               p.totals.net_paid.cents(),
                               p.total_cost.cents(),
                               p.worked.minutes()};
    const auto& row = employees.at(p.employee_number);
    BOOST_TEST(row[1] == p.employee_name);
    BOOST_TEST(row[2] == french_hours(p.worked));
    for (int i = 0; i < 7; ++i) {
      BOOST_TEST(csv_cents(row[3 + i]) == values[i], p.employee_number << " column " << 3 + i);
    }
    for (int i = 0; i < 8; ++i) {
      sums[i] += values[i];
    }
  }
  for (int i = 0; i < 7; ++i) {
    BOOST_TEST(csv_cents(employee_total[3 + i]) == sums[i], "total column " << 3 + i);
  }
  BOOST_TEST(employee_total[2] == french_hours(Hours::from_minutes(sums[7])));
  // Members: the split's hours, employees and shares; what the invoices (net of the credit
  // note) billed.
  Money shares;
  int64_t split_minutes = 0;
  for (const auto& t : split.totals) {
    const auto& row = members.at(t.member_siret);
    BOOST_TEST(row[2] == std::to_string(t.employees), t.member_siret);
    BOOST_TEST(row[3] == french_hours(t.hours), t.member_siret);
    BOOST_TEST(csv_cents(row[4]) == t.cost_share.cents(), t.member_siret);
    BOOST_TEST(csv_cents(row[5]) == t.expenses.cents(), t.member_siret);
    shares += t.cost_share;
    split_minutes += t.hours.minutes();
  }
  BOOST_TEST(csv_cents(member_total[4]) == shares.cents());
  BOOST_TEST(shares == split.payslip_total_cost);
  BOOST_TEST(csv_cents(member_total[4]) == sums[6]);  // the shares carry the whole cost
  BOOST_TEST(member_total[3] == french_hours(Hours::from_minutes(split_minutes)));
  std::map<std::string, Money> billed;
  Money fees;
  Money vat;
  Money total;
  for (const auto& invoice : invoices) {
    billed[invoice.member_siret] += invoice.total;
    fees += invoice.fee;
    vat += invoice.vat;
    total += invoice.total;
  }
  BOOST_TEST(billed.at(kLimagne).is_zero());  // cancelled by the credit note
  for (const auto& [siret, amount] : billed) {
    BOOST_TEST(csv_cents(members.at(siret)[9]) == amount.cents(), siret);
  }
  BOOST_TEST(csv_cents(member_total[6]) == fees.cents());
  BOOST_TEST(csv_cents(member_total[8]) == vat.cents());
  BOOST_TEST(csv_cents(member_total[9]) == total.cents());

  // CSV to a file: with the byte-order mark, same content.
  const fs::path file = month.dir / "journal.csv";
  const Result to_file = month.gepaie(
      {"print", "summary", "--month", "2026-11", "--format", "csv", "--out", file.string()});
  BOOST_REQUIRE_MESSAGE(to_file.status == 0, describe(to_file));
  BOOST_TEST(read_text(file) == "\xEF\xBB\xBF" + csv.out);
  BOOST_TEST(mode_of(file) == 0600u);

  // The terminal table: every line within 120 columns, the totals there too.
  const Result table = month.gepaie({"print", "summary", "--month", "2026-11"});
  BOOST_REQUIRE_MESSAGE(table.status == 0, describe(table));
  for (const std::string& line : split_lines(table.out)) {
    BOOST_TEST(code_points(line) <= 120u, line);
  }
  BOOST_TEST(has_line(table.out, {"Total", Money::from_cents(sums[0]).french().substr(
                                               0, Money::from_cents(sums[0]).french().size() -
                                                      std::string("\u00A0€").size())}));
  BOOST_TEST(contains(table.out, "mois clôturé"));

  // The PDF: the title and the totals.
  const fs::path pdf = month.dir / "journal.pdf";
  const Result printed = month.gepaie(
      {"print", "summary", "--month", "2026-11", "--format", "pdf", "--out", pdf.string()});
  BOOST_REQUIRE_MESSAGE(printed.status == 0, describe(printed));
  BOOST_TEST(mode_of(pdf) == 0600u);
  const std::string text = pdf_text(pdf);
  BOOST_TEST(contains(text, "Journal de paie — novembre 2026"));
  BOOST_TEST(contains(text, kGeName));
  auto bare = [](Money m) {
    const std::string t = m.french();
    return t.substr(0, t.size() - std::string("\u00A0€").size());
  };
  BOOST_TEST(has_line(
      text, {"Total", bare(Money::from_cents(sums[0])), bare(Money::from_cents(sums[1]))}));
  BOOST_TEST(has_line(text, {"Total", bare(shares)}));
  for (const auto& p : payslips) {
    BOOST_TEST(has_line(text, {p.employee_number, bare(p.totals.gross), bare(p.totals.net_paid)}),
               p.employee_number);
  }

  // Refusals: pdf without --out, an unknown format, a month without a pay run.
  BOOST_TEST(month.gepaie({"print", "summary", "--month", "2026-11", "--format", "pdf"}).status ==
             2);
  BOOST_TEST(month.gepaie({"print", "summary", "--month", "2026-11", "--format", "xls"}).status ==
             2);
  BOOST_TEST(month.gepaie({"print", "summary", "--month", "2026-09"}).status == 1);
}

namespace {

// An invoice of Basalte Records with `employees` lines, each with nine days in the annex.
print::InvoiceDocument synthetic_invoice(int employees, Rate vat_rate,
                                         const std::string& vat_mention) {
  print::InvoiceDocument doc;
  doc.ge.name = kGeName;
  doc.ge.legal_form = "Association loi 1901";
  doc.ge.siret = "79012345900014";
  doc.ge.naf = "7830Z";
  doc.ge.address = {"9 place de la Victoire", "", "63000", "Clermont-Ferrand", "FR"};
  doc.ge.vat_number = "FR13790123459";
  doc.ge.iban = ids::compact(kIban);
  doc.member.siret = kBasalte;
  doc.member.legal_name = "Basalte Records SARL";
  doc.member.address = {"14 rue Fontgiève", "", "63000", "Clermont-Ferrand", "FR"};
  doc.recovery_fee = Money::parse("40");
  auto& invoice = doc.invoice;
  invoice.number = "FA-2026-000042";
  invoice.member_siret = kBasalte;
  invoice.member_name = doc.member.legal_name;
  invoice.month = kNovember;
  invoice.issue_date = Date::parse("2026-11-30");
  invoice.due_date = Date::parse("2026-12-30");
  invoice.vat_rate = vat_rate;
  invoice.vat_mention = vat_mention;
  for (int i = 1; i <= employees; ++i) {
    char number[8];
    std::snprintf(number, sizeof number, "E%03d", i);
    const Money amount = Money::from_cents(100000 + i);
    invoice.lines.push_back({billing::InvoiceLineKind::Employee, number,
                             "Salarié n° " + std::to_string(i) + " — technicien son",
                             Hours::from_minutes(600 * i), Money::parse("25.00"), amount});
    invoice.net_total += amount;
    for (int day = 2; day <= 27; day += 3) {
      doc.annex.push_back({number, "Salarié n° " + std::to_string(i),
                           *Date::from_ymd(2026, 11, day), Hours::from_minutes(420)});
    }
  }
  invoice.lines_total = invoice.net_total;
  invoice.vat = invoice.net_total.times(invoice.vat_rate);
  invoice.total = invoice.net_total + invoice.vat;
  return doc;
}

// The text of `document` rendered alone; `pages` gets its page count.
std::string rendered_text(const print::InvoiceDocument& document, int& pages) {
  const print::Layout layout = print::read_layout(kSource + "/reports/invoice.yaml");
  print::PdfDocument pdf(print::default_fonts());
  print::render_invoice(pdf, layout, document);
  pages = pdf.pages();
  const fs::path file = fs::temp_directory_path() / ("invoice_pdf_" + std::to_string(getpid()) +
                                                     "_" + document.invoice.number + ".pdf");
  pdf.save(file);
  const std::string text = pdf_text(file);
  if (const char* keep = std::getenv("INVOICE_PDF_KEEP")) {  // a folder, to look at it
    fs::copy_file(file, fs::path(keep) / file.filename(), fs::copy_options::overwrite_existing);
  }
  fs::remove(file);
  return text;
}

}  // namespace

// An invoice too long for a page: the lines table continues on the next page under its header,
// the annex takes pages of its own, every footer counts the pages.
BOOST_AUTO_TEST_CASE(long_invoices_break_across_pages) {
  const print::InvoiceDocument doc = synthetic_invoice(70, Rate::parse_percent("20"), "");
  const auto& invoice = doc.invoice;
  int pages = 0;
  const std::string text = rendered_text(doc, pages);
  BOOST_TEST(pages >= 5);
  for (const auto& line : invoice.lines) {
    BOOST_TEST(has_line(text, {line.label, line.amount.french()}), line.label);
  }
  for (int page = 1; page <= pages; ++page) {
    BOOST_TEST(contains(text, "FA-2026-000042 — page " + std::to_string(page) + "/" +
                                  std::to_string(pages)),
               page);
  }
  BOOST_TEST(contains(text, "Désignation (suite)"));
  BOOST_TEST(has_line(text, {"Total TTC", invoice.total.french()}));
  BOOST_TEST(has_line(text, {"E070 — Salarié n° 70", "Total : 63,00 h"}));
  BOOST_TEST(has_line(text, {"Total des heures", french_hours(Hours::from_minutes(70 * 9 * 420))}));
}

// A GE exempt from VAT (CGI art. 261 B): the exemption mention instead of a VAT breakdown.
BOOST_AUTO_TEST_CASE(an_exempt_ge_prints_the_exemption_mention) {
  const std::string mention = "Exonération de TVA, article 261 B du CGI";
  print::InvoiceDocument doc = synthetic_invoice(3, Rate(), mention);
  doc.invoice.number = "FA-2026-000043";
  int pages = 0;
  const std::string text = rendered_text(doc, pages);
  BOOST_TEST(pages == 2);  // the invoice, its annex
  BOOST_TEST(contains(text, mention));
  BOOST_TEST(!contains(text, "20 %"));
  BOOST_TEST(!contains(text, "Montant TVA"));  // no breakdown table
  BOOST_TEST(has_line(text, {"Total HT", doc.invoice.net_total.french()}));
  BOOST_TEST(has_line(text, {"TVA", Money().french()}));
  BOOST_TEST(has_line(text, {"Total TTC", doc.invoice.total.french()}));
  BOOST_TEST(doc.invoice.total == doc.invoice.net_total);
}
