#include "gepaie/store/synthetic.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "columns.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/core/money.h"
#include "gepaie/staffing/holidays.h"
#include "gepaie/store/batch_insert.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using internal::kAbsenceEntryColumns;
using internal::kAllocationColumns;
using internal::kContractColumns;
using internal::kContractMemberColumns;
using internal::kEmployeeColumns;
using internal::kEmployeeSkillColumns;
using internal::kMemberColumns;
using internal::kWorkEntryColumns;

// SplitMix64 (Steele, Lea, Flood 2014): a small generator whose sequence is the same on every
// platform and library, which the standard distributions do not promise.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // 0 <= result < n (n > 0); the modulo bias is below 1e-12 for the sizes used here.
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int low, int high) { return low + below(high - low + 1); }
  template <typename T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(static_cast<int>(N))];
  }

 private:
  uint64_t state_;
};

struct Place {
  const char* postcode;
  const char* city;
};
constexpr Place kPlaces[] = {
    {"63000", "Clermont-Ferrand"},
    {"63100", "Clermont-Ferrand"},
    {"63400", "Chamalières"},
    {"63170", "Aubière"},
    {"63200", "Riom"},
    {"63500", "Issoire"},
    {"63300", "Thiers"},
    {"63800", "Cournon-d'Auvergne"},
    {"63370", "Lempdes"},
    {"63130", "Royat"},
    {"63430", "Pont-du-Château"},
    {"03100", "Montluçon"},
    {"03200", "Vichy"},
    {"03000", "Moulins"},
    {"15000", "Aurillac"},
    {"43000", "Le Puy-en-Velay"},
};

constexpr const char* kStreets[] = {
    "rue de la République", "avenue de Royat",   "rue Fontgiève",       "boulevard Lafayette",
    "place de Jaude",       "rue du Port",       "rue Montlosier",      "avenue des Paulines",
    "rue Blatin",           "chemin des Vignes", "rue des Gras",        "rue Ballainvilliers",
    "boulevard Gergovia",   "rue du Pont-Rouge", "rue de l'Oradou",     "avenue de la Libération",
    "rue des Varennes",     "rue du Commerce",   "impasse des Acacias", "route de Clermont",
};

constexpr const char* kLastNames[] = {
    "Martin",   "Bernard", "Dubois",  "Thomas",   "Robert",    "Richard", "Petit",    "Durand",
    "Leroy",    "Moreau",  "Simon",   "Laurent",  "Lefèvre",   "Michel",  "Garcia",   "David",
    "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",     "Girard",  "André",    "Mercier",
    "Dupont",   "Lambert", "Bonnet",  "François", "Martinez",  "Faure",   "Rousseau", "Blanc",
    "Chabrol",  "Couderc", "Tixier",  "Mazeyrat", "Teyssèdre", "Besse",   "Vernet",   "Cohade",
};

constexpr const char* kFemaleNames[] = {
    "Marie",  "Camille",  "Léa",    "Manon",    "Chloé",  "Inès",    "Sarah",      "Julie",
    "Emma",   "Lucie",    "Océane", "Élodie",   "Sophie", "Agnès",   "Bernadette", "Céline",
    "Maëlle", "Laetitia", "Anne",   "Nathalie", "Claire", "Pauline", "Amandine",   "Margaux",
};

constexpr const char* kMaleNames[] = {
    "Thomas", "Lucas",  "Hugo",   "Nicolas",   "Julien",  "Antoine",  "Baptiste", "Mathieu",
    "Yanis",  "Kévin",  "Samir",  "Damien",    "Olivier", "Aurélien", "François", "Raphaël",
    "Pierre", "Romain", "Maxime", "Alexandre", "Louis",   "Théo",     "Quentin",  "Guillaume",
};

// Departments of birth (digits only: the NIR's Corsican 2A/2B are left out).
constexpr const char* kBirthDepartments[] = {"63", "63", "63", "03", "15", "43", "75",
                                             "69", "42", "87", "19", "13", "33", "59"};

constexpr const char* kBanks[] = {"30004", "30003", "10096", "16806", "20041",
                                  "18715", "10278", "42559", "30002", "11315"};

enum class Category { Employee, Technician, Supervisor };

struct Job {
  const char* skill;
  const char* title_male;
  const char* title_female;
  Category category;
  const char* cadre_male;
  const char* cadre_female;
};

constexpr Job kJobs[] = {
    {"administration", "Chargé d'administration", "Chargée d'administration", Category::Supervisor,
     "Administrateur", "Administratrice"},
    {"comptabilité", "Comptable", "Comptable", Category::Supervisor, "Responsable comptable",
     "Responsable comptable"},
    {"paie", "Gestionnaire de paie", "Gestionnaire de paie", Category::Employee, "Responsable paie",
     "Responsable paie"},
    {"communication", "Chargé de communication", "Chargée de communication", Category::Supervisor,
     "Responsable de la communication", "Responsable de la communication"},
    {"son", "Technicien son", "Technicienne son", Category::Technician, "Ingénieur du son",
     "Ingénieure du son"},
    {"lumière", "Technicien lumière", "Technicienne lumière", Category::Technician,
     "Concepteur lumière", "Conceptrice lumière"},
    {"régie", "Régisseur", "Régisseuse", Category::Supervisor, "Directeur technique",
     "Directrice technique"},
    {"montage vidéo", "Monteur vidéo", "Monteuse vidéo", Category::Technician, "Chef monteur",
     "Cheffe monteuse"},
    {"production", "Chargé de production", "Chargée de production", Category::Supervisor,
     "Directeur de production", "Directrice de production"},
    {"booking", "Assistant de booking", "Assistante de booking", Category::Employee,
     "Responsable du booking", "Responsable du booking"},
    {"graphisme", "Graphiste", "Graphiste", Category::Technician, "Directeur artistique",
     "Directrice artistique"},
    {"billetterie", "Chargé de billetterie", "Chargée de billetterie", Category::Employee,
     "Responsable de billetterie", "Responsable de billetterie"},
};
constexpr int kJobCount = static_cast<int>(std::size(kJobs));

constexpr int64_t kTransitPasses[] = {4100, 5450, 8640};  // cents a month
constexpr int64_t kTaxRates[] = {0, 0, 0, 11'000, 25'000, 40'000, 58'000, 75'000, 91'000};  // ppm

constexpr int kFullTime = 35 * 60;  // minutes a week
constexpr int kHalfDayMax = 210;    // 3 h 30
constexpr int kMorning = 9 * 60;
constexpr int kAfternoon = 13 * 60 + 30;

std::string padded(int64_t value, size_t width) {
  std::string digits = std::to_string(value);
  return digits.size() < width ? std::string(width - digits.size(), '0') + digits : digits;
}

size_t width_for(int count, size_t minimum) {
  return std::max(minimum, std::to_string(count).size());
}

// Every generated identifier goes through the same checks as imported ones.
void check_identifier(const char* what, const std::string& value,
                      const std::optional<std::string>& problem) {
  if (problem) {
    throw failure(std::string("synthetic data: bad ") + what + " " + value + ": " + *problem);
  }
}

std::string siret_for(int index) {
  const std::string siren = ids::with_luhn_digit(std::to_string(81'000'000 + index));  // 8 digits
  const std::string siret = ids::with_luhn_digit(siren + "0001");
  check_identifier("SIRET", siret, ids::siret_problem(siret));
  return siret;
}

std::string nir_for(bool female, Date birth, const std::string& department, int index) {
  // Commune and birth order from the employee's index: NIRs are unique (index < 998 001).
  const std::string nir = ids::nir_with_key(
      std::string(female ? "2" : "1") + padded(birth.year() % 100, 2) + padded(birth.month(), 2) +
      department + padded(1 + (index - 1) / 999, 3) + padded(1 + (index - 1) % 999, 3));
  check_identifier("NIR", nir, ids::nir_problem(nir));
  return nir;
}

// A French IBAN: bank, branch, account and RIB key, then the ISO 13616 check digits.
std::string iban_for(Random& rng) {
  const std::string bank = rng.pick(kBanks);
  const std::string branch = padded(rng.below(100'000), 5);
  // Each draw in its own statement: the order of evaluation of operands is unspecified.
  std::string account = padded(rng.below(1'000'000), 6);
  account += padded(rng.below(100'000), 5);  // 11 digits
  const std::string iban = ids::iban_with_check_digits(
      "FR", bank + branch + account + ids::fr_rib_key(bank, branch, account));
  check_identifier("IBAN", iban, ids::iban_problem(iban));
  return iban;
}

std::string phone(Random& rng) {
  std::string text = "04 73";
  for (int group = 0; group < 3; ++group) {
    text += " " + padded(rng.below(100), 2);
  }
  return text;
}

std::string street_address(Random& rng) {
  const int number = rng.between(1, 80);
  return std::to_string(number) + " " + rng.pick(kStreets);
}

std::string person_name(Random& rng, bool female) {
  const std::string first = female ? rng.pick(kFemaleNames) : rng.pick(kMaleNames);
  return first + " " + rng.pick(kLastNames);
}

struct MemberRow {
  std::string siret;
  std::string name;
  std::string line1;
  Place place;
  std::string vat_number;  // empty: not subject to VAT
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
  std::string agreement;
  const char* billing_model;
  int64_t fee_rate_ppm = 0;
  Money fee_per_hour;
  int64_t coefficient_ppm = 0;
  int payment_days = 30;
};

MemberRow make_member(Random& rng, int index, size_t width) {
  MemberRow m;
  m.siret = siret_for(index);
  const std::string number = padded(index, width);
  m.name = "Adhérent " + number;
  m.line1 = street_address(rng);
  m.place = rng.pick(kPlaces);
  if (rng.below(100) < 85) {
    m.vat_number = ids::fr_vat_for_siren(m.siret.substr(0, 9));
  }
  m.contact_name = person_name(rng, rng.below(2) == 0);
  m.contact_email = "contact@adherent-" + number + ".example";
  m.contact_phone = phone(rng);
  m.agreement = "CMD-" + number;
  // By index, so that every model is present from 10 members on.
  switch (index % 10) {
    case 9:  // billing coefficient 1.75 (fee included)
      m.billing_model = "coefficient";
      m.coefficient_ppm = 1'750'000;
      break;
    case 4:  // cost split plus a fee per hour worked
      m.billing_model = "cost_split";
      m.fee_per_hour = Money::from_cents(150 + 50 * rng.below(3));
      break;
    default:  // cost split plus 8 %
      m.billing_model = "cost_split";
      m.fee_rate_ppm = 80'000;
  }
  const int days = rng.below(10);
  m.payment_days = days < 7 ? 30 : (days < 9 ? 45 : 15);
  return m;
}

// One slot of the weekly schedule; `member`: position in the contract's member list.
struct Slot {
  int member;
  int weekday;  // 1 = Monday
  int start;
  int end;
};

struct EmployeePlan {
  std::string number;
  std::string last_name;
  std::string first_name;
  Date birth;
  std::string nir;
  std::string line1;
  Place place;
  std::string iban;
  std::string email;
  std::vector<std::string> skills;
  Money transit_pass;
  bool meal_vouchers = false;
  int64_t tax_rate_ppm = 0;

  std::string reference;
  Date start;
  int weekly_minutes = kFullTime;
  Money monthly_gross;
  bool cadre = false;
  std::string job_title;
  std::string classification;
  std::vector<int> members;  // indexes into the members, in contract order
  std::vector<Slot> slots;   // by weekday and time

  std::optional<Date> overtime_monday;  // the week worked beyond the contract ...
  int overtime_hours = 0;               // ... one more hour on as many days
  std::optional<Date> absence_day;
  const char* absence_kind = "paid_leave";
};

// The week's half-days (morning and afternoon, Monday to Friday) shared among the contract's
// members: full time works all ten for 3 h 30; part time works enough of them for its hours, a
// half-day never longer than 3 h 30. Each member gets a run of consecutive half-days.
std::vector<Slot> weekly_slots(Random& rng, int weekly_minutes, int member_count) {
  const int offset = 30 * (rng.below(3) - 1);  // the day starts at 8:30, 9:00 or 9:30
  std::vector<int> halves(10);                 // 2 × (weekday − 1) + (afternoon ? 1 : 0)
  std::iota(halves.begin(), halves.end(), 0);
  const int needed = std::max((weekly_minutes + kHalfDayMax - 1) / kHalfDayMax, member_count);
  while (static_cast<int>(halves.size()) > needed) {
    halves.erase(halves.begin() + rng.below(static_cast<int>(halves.size())));
  }
  const int count = static_cast<int>(halves.size());
  const int quarters = weekly_minutes / 15;  // weekly_minutes is a multiple of 30
  std::vector<Slot> slots;
  for (int i = 0; i < count; ++i) {
    const int length = 15 * (quarters / count + (i < quarters % count ? 1 : 0));
    const int start = (halves[i] % 2 == 0 ? kMorning : kAfternoon) + offset;
    slots.push_back({i * member_count / count, halves[i] / 2 + 1, start, start + length});
  }
  return slots;
}

EmployeePlan make_employee(Random& rng, int index, size_t width, int member_count, int per_employee,
                           Month month, const std::vector<Date>& overtime_weeks,
                           const std::vector<Date>& working_days) {
  EmployeePlan e;
  e.number = "S" + padded(index, width);
  const bool female = rng.below(2) == 0;
  e.last_name = rng.pick(kLastNames);
  e.first_name = female ? rng.pick(kFemaleNames) : rng.pick(kMaleNames);
  // Aged 20 to 61 in the month.
  const int birth_year = month.year() - 20 - rng.below(42);
  const int birth_month = rng.between(1, 12);
  e.birth = *Date::from_ymd(birth_year, birth_month, rng.between(1, 28));
  e.nir = nir_for(female, e.birth, rng.pick(kBirthDepartments), index);
  e.line1 = street_address(rng);
  e.place = rng.pick(kPlaces);
  e.iban = iban_for(rng);
  e.email = "s" + padded(index, width) + "@salaries.example";
  const int job = rng.below(kJobCount);
  e.skills.push_back(kJobs[job].skill);
  if (rng.below(3) == 0) {
    const int other = (job + 1 + rng.below(kJobCount - 1)) % kJobCount;
    e.skills.push_back(kJobs[other].skill);
  }
  std::sort(e.skills.begin(), e.skills.end());
  if (rng.below(10) < 3) {
    e.transit_pass = Money::from_cents(rng.pick(kTransitPasses));
  }
  e.meal_vouchers = rng.below(10) < 4;
  e.tax_rate_ppm = rng.pick(kTaxRates);

  // The contract: a CDI that started at least 30 days before the month, at 18 or older.
  e.reference = "CT-" + e.number + "-01";
  const Date first = month.first_day();
  const Date adult = *Date::from_ymd(e.birth.year() + 18, e.birth.month(), e.birth.day());
  const int64_t span = std::min<int64_t>(2500, (first.days() - 30) - adult.days());
  e.start = first.plus_days(-30 - rng.below(static_cast<int>(std::max<int64_t>(1, span))));
  e.cadre = rng.below(10) == 0;
  const bool part_time = rng.below(4) == 0;
  e.weekly_minutes = part_time ? 24 * 60 + 30 * rng.below(13) : kFullTime;  // 24 h to 30 h
  const int64_t full_time_euros =
      e.cadre ? 3200 + 10 * rng.below(131) : 1900 + 10 * rng.below(151);  // to 4 500 / 3 400
  e.monthly_gross = Money::from_cents(full_time_euros * 100).mul_div(e.weekly_minutes, kFullTime);
  const Job& j = kJobs[job];
  if (e.cadre) {
    e.job_title = female ? j.cadre_female : j.cadre_male;
    const int group = rng.between(3, 4);
    e.classification = "Cadre, groupe " + std::to_string(group) + " – échelon " +
                       std::to_string(rng.between(1, 4));
  } else {
    e.job_title = female ? j.title_female : j.title_male;
    const char* category = "Agent de maîtrise, groupe 6";
    if (j.category == Category::Employee) {
      category = female ? "Employée, groupe 8" : "Employé, groupe 8";
    } else if (j.category == Category::Technician) {
      category = female ? "Technicienne, groupe 7" : "Technicien, groupe 7";
    }
    e.classification = std::string(category) + " – échelon " + std::to_string(rng.between(1, 4));
  }
  while (static_cast<int>(e.members.size()) < per_employee) {
    const int member = rng.below(member_count);
    if (std::find(e.members.begin(), e.members.end(), member) == e.members.end()) {
      e.members.push_back(member);
    }
  }
  e.slots = weekly_slots(rng, e.weekly_minutes, per_employee);

  // Variations: ~3 % one week beyond the contract, ~2 % one day absent.
  const int variation = rng.below(1000);
  if (variation < 30 && !overtime_weeks.empty()) {
    e.overtime_monday = overtime_weeks[rng.below(static_cast<int>(overtime_weeks.size()))];
    // Full time: overtime, one more hour on 2 to 5 days (at most 8 h a day, 40 h a week). Part
    // time: extra hours within a tenth of the contract, far from 35 h.
    e.overtime_hours = part_time ? rng.between(1, 2) : rng.between(2, 5);
  } else if (variation < 50) {
    std::vector<Date> days;
    for (Date day : working_days) {
      const bool scheduled = std::any_of(e.slots.begin(), e.slots.end(),
                                         [&](const Slot& s) { return s.weekday == day.weekday(); });
      if (scheduled) {
        days.push_back(day);
      }
    }
    if (!days.empty()) {
      e.absence_day = days[rng.below(static_cast<int>(days.size()))];
      e.absence_kind = rng.below(2) == 0 ? "paid_leave" : "sickness";
    }
  }
  return e;
}

int rows_per_statement(int columns) {
  return std::min(1000, 60'000 / columns);
}

}  // namespace

void check_synthetic_options(const SyntheticOptions& options) {
  if (options.employees < 1 || options.employees > kMaxSyntheticEmployees) {
    throw bad_input("employees: 1 to " + std::to_string(kMaxSyntheticEmployees) + ", not " +
                    std::to_string(options.employees));
  }
  if (options.members < 1 || options.members > kMaxSyntheticMembers) {
    throw bad_input("members: 1 to " + std::to_string(kMaxSyntheticMembers) + ", not " +
                    std::to_string(options.members));
  }
  if (options.members_per_employee < 1 || options.members_per_employee > 10 ||
      options.members_per_employee > options.members) {
    throw bad_input("members per employee: 1 to 10 and at most the number of members (" +
                    std::to_string(options.members) + "), not " +
                    std::to_string(options.members_per_employee));
  }
  if (options.month.year() < 1900 || options.month.year() > 9998) {
    throw bad_input("month: years 1900 to 9998, not " + options.month.str());
  }
}

SyntheticReport generate_synthetic_ge(Database& db, const SyntheticOptions& options) {
  check_synthetic_options(options);
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  auto say = [&](const std::string& line) {
    if (options.progress) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, " (%.1f s)", elapsed());
      options.progress(line + seconds);
    }
  };
  const Month month = options.month;
  SyntheticReport report;

  // The month's working days (Monday to Friday, not a public holiday), and the weeks whose five
  // days all are working days of the month: the weeks where overtime may be worked.
  std::vector<Date> working_days;
  std::vector<Date> overtime_weeks;
  for (Date day = month.first_day(); day <= month.last_day(); day = day.plus_days(1)) {
    if (day.weekday() <= 5 && !staffing::is_public_holiday(day)) {
      working_days.push_back(day);
    }
    if (day.weekday() == 1 && month.contains(day.plus_days(4))) {
      bool whole = true;
      for (int i = 0; i < 5; ++i) {
        whole = whole && !staffing::is_public_holiday(day.plus_days(i));
      }
      if (whole) {
        overtime_weeks.push_back(day);
      }
    }
  }

  // Everything is drawn before anything is written: the data depend on the options only.
  Random rng(options.seed);
  const size_t member_width = width_for(options.members, 4);
  std::vector<MemberRow> members;
  members.reserve(options.members);
  for (int i = 1; i <= options.members; ++i) {
    members.push_back(make_member(rng, i, member_width));
  }
  const size_t employee_width = width_for(options.employees, 5);
  std::vector<EmployeePlan> employees;
  employees.reserve(options.employees);
  for (int i = 1; i <= options.employees; ++i) {
    employees.push_back(make_employee(rng, i, employee_width, options.members,
                                      options.members_per_employee, month, overtime_weeks,
                                      working_days));
  }
  say("synthetic GE drawn: " + std::to_string(members.size()) + " members, " +
      std::to_string(employees.size()) + " employees");

  Transaction transaction(db);
  {
    Rows rows = db.prepare(
                      "SELECT (SELECT COUNT(*) FROM members) AS members,"
                      " (SELECT COUNT(*) FROM employees) AS employees")
                    .query();
    rows.next();
    const int64_t existing_members = rows.integer("members");
    const int64_t existing_employees = rows.integer("employees");
    if (existing_members > 0 || existing_employees > 0) {
      throw Error(ErrorKind::Conflict,
                  "the database already has " + std::to_string(existing_members) + " members and " +
                      std::to_string(existing_employees) +
                      " employees: synthetic data only goes into an empty GE (use a new schema)");
    }
  }
  {
    Rows rows =
        db.prepare("SELECT state FROM periods WHERE month = ?").text(1, month.str()).query();
    if (rows.next() && rows.text("state") == "closed") {
      throw Error(ErrorKind::Conflict, month.str() + " is closed: no timesheets can be added");
    }
  }
  std::string now;
  {
    Rows rows = db.prepare("SELECT CURRENT_TIMESTAMP AS now").query();
    rows.next();
    now = rows.text("now");
  }

  // Members, then their ids by SIRET.
  {
    BatchInsert insert(db, kMemberColumns.insert_head(), kMemberColumns.count,
                       rows_per_statement(kMemberColumns.count));
    for (const MemberRow& m : members) {
      insert.text(m.name).text(m.line1).null().text(m.place.postcode).text(m.place.city);
      insert.text("FR");
      if (m.vat_number.empty()) {
        insert.null();
      } else {
        insert.text(m.vat_number);
      }
      insert.text(m.contact_name).text(m.contact_email).text(m.contact_phone).text(m.agreement);
      insert.text(m.billing_model).integer(m.fee_rate_ppm).money(m.fee_per_hour);
      insert.integer(m.coefficient_ppm).integer(m.payment_days).text(m.siret);
    }
    insert.flush();
    report.members = static_cast<int>(insert.rows_written());
  }
  std::vector<int64_t> member_ids;
  {
    const auto ids = internal::member_ids(db);
    for (const MemberRow& m : members) {
      member_ids.push_back(ids.at(m.siret));
    }
  }
  say("members: " + std::to_string(report.members));

  // Employees, then their ids by number; skills.
  {
    BatchInsert insert(db, kEmployeeColumns.insert_head(), kEmployeeColumns.count,
                       rows_per_statement(kEmployeeColumns.count));
    for (const EmployeePlan& e : employees) {
      insert.text(e.last_name).text(e.first_name).date(e.birth).text(e.nir);
      insert.text(e.line1).null().text(e.place.postcode).text(e.place.city).text("FR");
      insert.text(e.iban).text(e.email).money(e.transit_pass).integer(e.meal_vouchers ? 1 : 0);
      insert.money(Money()).integer(e.tax_rate_ppm).text(e.number);
    }
    insert.flush();
    report.employees = static_cast<int>(insert.rows_written());
  }
  std::vector<int64_t> employee_ids;
  {
    const auto ids = internal::employee_ids(db);
    for (const EmployeePlan& e : employees) {
      employee_ids.push_back(ids.at(e.number));
    }
  }
  {
    BatchInsert insert(db, kEmployeeSkillColumns.insert_head(), kEmployeeSkillColumns.count,
                       rows_per_statement(kEmployeeSkillColumns.count));
    for (size_t i = 0; i < employees.size(); ++i) {
      for (const std::string& skill : employees[i].skills) {
        insert.integer(employee_ids[i]).text(skill);
      }
    }
    insert.flush();
  }
  say("employees: " + std::to_string(report.employees));

  // Contracts, then their ids by reference; the members each contract lists.
  {
    BatchInsert insert(db, kContractColumns.insert_head(), kContractColumns.count,
                       rows_per_statement(kContractColumns.count));
    for (size_t i = 0; i < employees.size(); ++i) {
      const EmployeePlan& e = employees[i];
      insert.integer(employee_ids[i]).text("CDI").date(e.start).null().null();
      insert.hours(Hours::from_minutes(e.weekly_minutes)).money(e.monthly_gross).null();
      insert.text(e.cadre ? "cadre" : "non-cadre").text(e.job_title).text(e.classification);
      insert.text("1285").text(e.reference);
    }
    insert.flush();
    report.contracts = static_cast<int>(insert.rows_written());
  }
  {
    const auto ids = internal::ids_of(db, "SELECT id, reference FROM contracts", "reference");
    BatchInsert insert(db, kContractMemberColumns.insert_head(), kContractMemberColumns.count,
                       rows_per_statement(kContractMemberColumns.count));
    for (const EmployeePlan& e : employees) {
      const int64_t contract = ids.at(e.reference);
      for (int member : e.members) {
        insert.integer(contract).integer(member_ids[member]);
      }
    }
    insert.flush();
    report.contract_members = static_cast<int>(insert.rows_written());
  }
  say("contracts: " + std::to_string(report.contracts) + ", listing " +
      std::to_string(report.contract_members) + " members");

  // The weekly schedule, valid from each contract's start.
  {
    BatchInsert insert(db, kAllocationColumns.insert_head(), kAllocationColumns.count,
                       rows_per_statement(kAllocationColumns.count));
    for (size_t i = 0; i < employees.size(); ++i) {
      const EmployeePlan& e = employees[i];
      for (const Slot& slot : e.slots) {
        insert.integer(employee_ids[i]).integer(member_ids[e.members[slot.member]]);
        insert.integer(slot.weekday).integer(slot.start).integer(slot.end).date(e.start);
        insert.null().null();  // no end, no demand
      }
    }
    insert.flush();
    report.allocations = static_cast<int>(insert.rows_written());
  }
  say("schedule: " + std::to_string(report.allocations) + " slots");

  // The month's timesheets, approved, then their ids by (employee, member).
  {
    BatchInsert insert(db,
                       "INSERT INTO timesheets (employee_id, member_id, month, state,"
                       " submitted_at, approved_by, approved_at)",
                       7, rows_per_statement(7));
    for (size_t i = 0; i < employees.size(); ++i) {
      for (int member : employees[i].members) {
        insert.integer(employee_ids[i]).integer(member_ids[member]).text(month.str());
        insert.text("approved").text(now).text("synthetic").text(now);
      }
    }
    insert.flush();
    report.timesheets = static_cast<int>(insert.rows_written());
  }
  std::map<std::pair<int64_t, int64_t>, int64_t> timesheet_ids;
  {
    Rows rows = db.prepare("SELECT id, employee_id, member_id FROM timesheets WHERE month = ?")
                    .text(1, month.str())
                    .query();
    while (rows.next()) {
      timesheet_ids[{rows.integer("employee_id"), rows.integer("member_id")}] = rows.integer("id");
    }
  }
  say("timesheets: " + std::to_string(report.timesheets));

  // Work and absences, day by day.
  {
    BatchInsert work(db, kWorkEntryColumns.insert_head(), kWorkEntryColumns.count,
                     rows_per_statement(kWorkEntryColumns.count));
    BatchInsert absences(db, kAbsenceEntryColumns.insert_head(), kAbsenceEntryColumns.count,
                         rows_per_statement(kAbsenceEntryColumns.count));
    std::vector<int64_t> sheets;
    for (size_t i = 0; i < employees.size(); ++i) {
      const EmployeePlan& e = employees[i];
      sheets.clear();
      for (int member : e.members) {
        sheets.push_back(timesheet_ids.at({employee_ids[i], member_ids[member]}));
      }
      int extra_hours = e.overtime_hours;
      bool overtime = false;
      for (Date day : working_days) {
        int scheduled = 0;
        int last = -1;  // the day's last slot
        for (size_t s = 0; s < e.slots.size(); ++s) {
          if (e.slots[s].weekday == day.weekday()) {
            scheduled += e.slots[s].end - e.slots[s].start;
            last = static_cast<int>(s);
          }
        }
        if (last < 0) {
          continue;
        }
        if (e.absence_day && day == *e.absence_day) {
          absences.integer(employee_ids[i]).date(day).text(e.absence_kind);
          absences.hours(Hours::from_minutes(scheduled));
          ++report.absences;
          continue;
        }
        // Overtime: the day's last slot ends an hour later.
        const bool longer = e.overtime_monday && *e.overtime_monday <= day &&
                            day <= e.overtime_monday->plus_days(4) && extra_hours > 0;
        if (longer) {
          --extra_hours;
          overtime = true;
        }
        for (size_t s = 0; s < e.slots.size(); ++s) {
          const Slot& slot = e.slots[s];
          if (slot.weekday != day.weekday()) {
            continue;
          }
          const int end = slot.end + (longer && static_cast<int>(s) == last ? 60 : 0);
          work.integer(sheets[slot.member]).date(day).integer(slot.start).integer(end);
          work.hours(Hours::from_minutes(end - slot.start));
        }
      }
      if (overtime) {
        ++report.overtime_weeks;
      }
      if ((i + 1) % 10'000 == 0 && i + 1 < employees.size()) {
        say("work entries: " + std::to_string(i + 1) + " employees");
      }
    }
    work.flush();
    absences.flush();
    report.work_entries = static_cast<int>(work.rows_written());
  }
  say("work entries: " + std::to_string(report.work_entries) +
      ", absences: " + std::to_string(report.absences));

  transaction.commit();
  report.seconds = elapsed();
  say("committed");
  return report;
}

}  // namespace gepaie::store
