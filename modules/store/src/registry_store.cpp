#include "gepaie/store/registry_store.h"

#include <map>
#include <set>

#include "columns.h"
#include "gepaie/core/error.h"
#include "keys.h"

namespace gepaie::store {
namespace {

using registry::Amendment;
using registry::Contract;
using registry::Employee;
using registry::Member;

using internal::kContractColumns;
using internal::kContractMemberColumns;
using internal::kEmployeeColumns;
using internal::kEmployeeSkillColumns;
using internal::kMemberColumns;

template <typename Record>
struct Stored {
  int64_t id = 0;
  Record record;
};

registry::Address read_address(const Rows& rows) {
  return {rows.text("address_line1"), rows.text("address_line2"), rows.text("postcode"),
          rows.text("city"), rows.text("country")};
}

registry::BillingAgreement read_billing(const Rows& rows) {
  registry::BillingAgreement billing;
  const std::string model = rows.text("billing_model");
  if (auto parsed = registry::billing_model_from(model)) {
    billing.model = *parsed;
  } else {
    throw Error(ErrorKind::Failure,
                "members: unknown billing_model '" + model + "' in the database");
  }
  billing.fee_rate = Rate::from_ppm(rows.integer("fee_rate_ppm"));
  billing.fee_per_hour = rows.money("fee_per_hour");
  billing.coefficient = Rate::from_ppm(rows.integer("coefficient_ppm"));
  billing.payment_days = static_cast<int>(rows.integer("payment_days"));
  return billing;
}

registry::EmployeeBenefits read_benefits(const Rows& rows) {
  registry::EmployeeBenefits benefits;
  benefits.transit_pass_monthly = rows.money("transit_pass_monthly");
  benefits.meal_vouchers = rows.integer("meal_vouchers") != 0;
  benefits.other_monthly_cost = rows.money("other_monthly_cost");
  benefits.income_tax_rate = Rate::from_ppm(rows.integer("income_tax_rate_ppm"));
  return benefits;
}

// Keyed by SIRET, in legal-name order (the database's collation: accents and case ignored).
std::vector<Stored<Member>> load_members(Database& db) {
  std::vector<Stored<Member>> members;
  Rows rows = db.prepare("SELECT * FROM members ORDER BY legal_name, siret").query();
  while (rows.next()) {
    Member member{
        rows.text("siret"),         rows.text("legal_name"),    read_address(rows),
        rows.text("vat_number"),    rows.text("contact_name"),  rows.text("contact_email"),
        rows.text("contact_phone"), rows.text("agreement_ref"), read_billing(rows)};
    members.push_back({rows.integer("id"), member});
  }
  return members;
}

std::map<std::string, Stored<Employee>> load_employees(Database& db) {
  std::map<std::string, Stored<Employee>> employees;
  Rows rows = db.prepare("SELECT * FROM employees").query();
  while (rows.next()) {
    Employee employee{rows.text("number"),     rows.text("last_name"), rows.text("first_name"),
                      rows.date("birth_date"), rows.text("nir"),       read_address(rows),
                      rows.text("iban"),       rows.text("email"),     {},
                      read_benefits(rows)};
    employees[employee.number] = {rows.integer("id"), employee};
  }
  std::map<int64_t, Employee*> by_id;
  for (auto& [number, stored] : employees) {
    by_id[stored.id] = &stored.record;
  }
  Rows skills = db.prepare("SELECT employee_id, skill FROM employee_skills ORDER BY skill").query();
  while (skills.next()) {
    by_id.at(skills.integer("employee_id"))->skills.push_back(skills.text("skill"));
  }
  return employees;
}

std::optional<Hours> optional_seconds(const Rows& rows, const std::string& column) {
  if (rows.is_null(column)) {
    return std::nullopt;
  }
  return rows.hours(column);
}

std::optional<std::string> optional_text(const Rows& rows, const std::string& column) {
  if (rows.is_null(column)) {
    return std::nullopt;
  }
  return rows.text(column);
}

std::map<std::string, Stored<Contract>> load_contracts(Database& db) {
  std::map<std::string, Stored<Contract>> contracts;
  std::map<int64_t, Contract*> by_id;
  Rows rows = db.prepare(
                    "SELECT c.*, e.number AS employee_number FROM contracts c"
                    " JOIN employees e ON e.id = c.employee_id")
                  .query();
  while (rows.next()) {
    Contract contract;
    contract.reference = rows.text("reference");
    contract.employee_number = rows.text("employee_number");
    contract.kind = *registry::contract_kind_from(rows.text("kind"));
    contract.start = rows.date("start_date");
    contract.end = rows.optional_date("end_date");
    contract.cdd_reason = rows.text("cdd_reason");
    contract.weekly_hours = rows.hours("weekly_seconds");
    contract.monthly_gross = rows.optional_money("monthly_gross");
    contract.hourly_rate = rows.optional_money("hourly_rate");
    contract.status = *registry::status_from(rows.text("status"));
    contract.job_title = rows.text("job_title");
    contract.classification = rows.text("classification");
    contract.idcc = rows.text("idcc");
    auto& stored = contracts[contract.reference] = {rows.integer("id"), contract};
    by_id[stored.id] = &stored.record;
  }
  Rows clauses = db.prepare(
                       "SELECT cm.contract_id, m.siret FROM contract_members cm"
                       " JOIN members m ON m.id = cm.member_id ORDER BY cm.contract_id, m.siret")
                     .query();
  while (clauses.next()) {
    by_id.at(clauses.integer("contract_id"))->member_sirets.push_back(clauses.text("siret"));
  }
  std::map<int64_t, std::pair<Contract*, size_t>> amendments;  // id -> (contract, index)
  Rows rows_a =
      db.prepare("SELECT * FROM contract_amendments ORDER BY contract_id, effective_date").query();
  while (rows_a.next()) {
    Amendment amendment;
    amendment.effective = rows_a.date("effective_date");
    amendment.weekly_hours = optional_seconds(rows_a, "weekly_seconds");
    amendment.monthly_gross = rows_a.optional_money("monthly_gross");
    amendment.hourly_rate = rows_a.optional_money("hourly_rate");
    amendment.job_title = optional_text(rows_a, "job_title");
    amendment.classification = optional_text(rows_a, "classification");
    if (rows_a.integer("members_changed") != 0) {
      amendment.member_sirets.emplace();
    }
    amendment.note = rows_a.text("note");
    Contract* contract = by_id.at(rows_a.integer("contract_id"));
    contract->amendments.push_back(amendment);
    amendments[rows_a.integer("id")] = {contract, contract->amendments.size() - 1};
  }
  Rows amendment_clauses = db.prepare(
                                 "SELECT am.amendment_id, m.siret FROM amendment_members am"
                                 " JOIN members m ON m.id = am.member_id"
                                 " ORDER BY am.amendment_id, m.siret")
                               .query();
  while (amendment_clauses.next()) {
    const auto [contract, index] = amendments.at(amendment_clauses.integer("amendment_id"));
    contract->amendments[index].member_sirets->push_back(amendment_clauses.text("siret"));
  }
  return contracts;
}

// Member lists compare as sets: the order in a file carries no meaning.
Contract normalised(Contract contract) {
  std::sort(contract.member_sirets.begin(), contract.member_sirets.end());
  for (Amendment& amendment : contract.amendments) {
    if (amendment.member_sirets) {
      std::sort(amendment.member_sirets->begin(), amendment.member_sirets->end());
    }
  }
  return contract;
}

void bind_address(Statement& statement, int first, const registry::Address& address) {
  statement.text(first, address.line1)
      .optional_text(first + 1, address.line2)
      .text(first + 2, address.postcode)
      .text(first + 3, address.city)
      .text(first + 4, address.country);
}

int64_t write_member(Database& db, const Member& member, int64_t id) {
  Statement statement = db.prepare(
      id == 0 ? kMemberColumns.insert_row()
              : std::string(
                    "UPDATE members SET legal_name = ?, address_line1 = ?, address_line2 = ?,"
                    " postcode = ?, city = ?, country = ?, vat_number = ?, contact_name = ?,"
                    " contact_email = ?, contact_phone = ?, agreement_ref = ?, billing_model = ?,"
                    " fee_rate_ppm = ?, fee_per_hour = ?, coefficient_ppm = ?, payment_days = ?,"
                    " updated_at = CURRENT_TIMESTAMP WHERE siret = ?"));
  statement.text(1, member.legal_name);
  bind_address(statement, 2, member.address);
  statement.optional_text(7, member.vat_number)
      .optional_text(8, member.contact_name)
      .optional_text(9, member.contact_email)
      .optional_text(10, member.contact_phone)
      .optional_text(11, member.agreement_ref)
      .text(12, registry::to_string(member.billing.model))
      .integer(13, member.billing.fee_rate.ppm())
      .money(14, member.billing.fee_per_hour)
      .integer(15, member.billing.coefficient.ppm())
      .integer(16, member.billing.payment_days)
      .text(17, member.siret)
      .execute();
  return id == 0 ? db.last_insert_id() : id;
}

int64_t write_employee(Database& db, const Employee& employee, int64_t id) {
  Statement statement = db.prepare(
      id == 0 ? kEmployeeColumns.insert_row()
              : std::string(
                    "UPDATE employees SET last_name = ?, first_name = ?, birth_date = ?, nir = ?,"
                    " address_line1 = ?, address_line2 = ?, postcode = ?, city = ?, country = ?,"
                    " iban = ?, email = ?, transit_pass_monthly = ?, meal_vouchers = ?,"
                    " other_monthly_cost = ?, income_tax_rate_ppm = ?,"
                    " updated_at = CURRENT_TIMESTAMP WHERE number = ?"));
  statement.text(1, employee.last_name)
      .text(2, employee.first_name)
      .date(3, employee.birth_date)
      .text(4, employee.nir);
  bind_address(statement, 5, employee.address);
  statement.text(10, employee.iban)
      .optional_text(11, employee.email)
      .money(12, employee.benefits.transit_pass_monthly)
      .integer(13, employee.benefits.meal_vouchers ? 1 : 0)
      .money(14, employee.benefits.other_monthly_cost)
      .integer(15, employee.benefits.income_tax_rate.ppm())
      .text(16, employee.number)
      .execute();
  if (id == 0) {
    id = db.last_insert_id();
  }
  db.prepare("DELETE FROM employee_skills WHERE employee_id = ?").integer(1, id).execute();
  for (const std::string& skill : employee.skills) {
    db.prepare(kEmployeeSkillColumns.insert_row()).integer(1, id).text(2, skill).execute();
  }
  return id;
}

void write_member_list(Database& db, const std::string& sql, int64_t owner,
                       const std::vector<std::string>& sirets,
                       const std::map<std::string, int64_t>& member_ids) {
  for (const std::string& siret : sirets) {
    db.prepare(sql)
        .integer(1, owner)
        .integer(2, internal::require_key(member_ids, siret, "member"))
        .execute();
  }
}

void write_contract(Database& db, const Contract& contract, int64_t id, int64_t employee_id,
                    const std::map<std::string, int64_t>& member_ids) {
  Statement statement = db.prepare(
      id == 0 ? kContractColumns.insert_row()
              : std::string(
                    "UPDATE contracts SET employee_id = ?, kind = ?, start_date = ?, end_date = ?,"
                    " cdd_reason = ?, weekly_seconds = ?, monthly_gross = ?, hourly_rate = ?,"
                    " status = ?, job_title = ?, classification = ?, idcc = ?,"
                    " updated_at = CURRENT_TIMESTAMP WHERE reference = ?"));
  statement.integer(1, employee_id)
      .text(2, registry::to_string(contract.kind))
      .date(3, contract.start)
      .optional_date(4, contract.end)
      .optional_text(5, contract.cdd_reason)
      .hours(6, contract.weekly_hours)
      .optional_money(7, contract.monthly_gross)
      .optional_money(8, contract.hourly_rate)
      .text(9, registry::to_string(contract.status))
      .text(10, contract.job_title)
      .text(11, contract.classification)
      .text(12, contract.idcc)
      .text(13, contract.reference)
      .execute();
  if (id == 0) {
    id = db.last_insert_id();
  }
  // The clause list and the amendments are rewritten whole: the file states them completely.
  db.prepare("DELETE FROM contract_members WHERE contract_id = ?").integer(1, id).execute();
  db.prepare("DELETE FROM contract_amendments WHERE contract_id = ?").integer(1, id).execute();
  write_member_list(db, kContractMemberColumns.insert_row(), id, contract.member_sirets,
                    member_ids);
  for (const Amendment& amendment : contract.amendments) {
    Statement insert = db.prepare(
        "INSERT INTO contract_amendments (contract_id, effective_date, weekly_seconds,"
        " monthly_gross, hourly_rate, job_title, classification, members_changed, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.integer(1, id).date(2, amendment.effective);
    if (amendment.weekly_hours) {
      insert.hours(3, *amendment.weekly_hours);
    } else {
      insert.null(3);
    }
    insert.optional_money(4, amendment.monthly_gross)
        .optional_money(5, amendment.hourly_rate)
        .optional_text(6, amendment.job_title.value_or(""))
        .optional_text(7, amendment.classification.value_or(""))
        .integer(8, amendment.member_sirets ? 1 : 0)
        .optional_text(9, amendment.note)
        .execute();
    if (amendment.member_sirets) {
      write_member_list(db, "INSERT INTO amendment_members (amendment_id, member_id) VALUES (?, ?)",
                        db.last_insert_id(), *amendment.member_sirets, member_ids);
    }
  }
}

// Adds, updates or leaves alone one record; returns its id.
template <typename Record, typename Write>
int64_t upsert(std::map<std::string, Stored<Record>>& existing, const std::string& key,
               const Record& record, UpsertCounts& counts, Write write) {
  auto it = existing.find(key);
  if (it == existing.end()) {
    const int64_t id = write(record, 0);
    existing[key] = {id, record};
    ++counts.added;
    return id;
  }
  if (it->second.record == record) {
    ++counts.unchanged;
    return it->second.id;
  }
  write(record, it->second.id);
  it->second.record = record;
  ++counts.updated;
  return it->second.id;
}

}  // namespace

ImportReport import_records(Database& db, const registry::Records& records) {
  ImportReport report;
  std::map<std::string, Stored<Member>> members;
  for (auto& stored : load_members(db)) {
    members[stored.record.siret] = std::move(stored);
  }
  auto employees = load_employees(db);
  auto contracts = load_contracts(db);

  for (const Member& member : records.members) {
    upsert(members, member.siret, member, report.members,
           [&](const Member& m, int64_t id) { return write_member(db, m, id); });
  }
  for (const Employee& employee : records.employees) {
    upsert(employees, employee.number, employee, report.employees,
           [&](const Employee& e, int64_t id) { return write_employee(db, e, id); });
  }

  std::map<std::string, int64_t> member_ids;
  for (const auto& [siret, stored] : members) {
    member_ids[siret] = stored.id;
  }
  for (auto& [reference, stored] : contracts) {
    stored.record = normalised(stored.record);
  }
  for (const Contract& record : records.contracts) {
    const Contract contract = normalised(record);
    auto employee = employees.find(contract.employee_number);
    if (employee == employees.end()) {
      throw Error(ErrorKind::BadInput, "unknown employee " + contract.employee_number);
    }
    const int64_t employee_id = employee->second.id;
    upsert(contracts, contract.reference, contract, report.contracts,
           [&](const Contract& c, int64_t id) {
             write_contract(db, c, id, employee_id, member_ids);
             return id;
           });
  }
  return report;
}

std::map<std::string, std::string> employee_nirs(Database& db) {
  std::map<std::string, std::string> nirs;
  Rows rows = db.prepare("SELECT number, nir FROM employees").query();
  while (rows.next()) {
    nirs[rows.text("number")] = rows.text("nir");
  }
  return nirs;
}

std::set<std::string> member_sirets(Database& db) {
  std::set<std::string> sirets;
  for (const auto& [siret, id] : internal::member_ids(db)) {
    sirets.insert(siret);
  }
  return sirets;
}

std::set<std::string> employee_numbers(Database& db) {
  std::set<std::string> numbers;
  for (const auto& [number, id] : internal::employee_ids(db)) {
    numbers.insert(number);
  }
  return numbers;
}

std::vector<Member> list_members(Database& db) {
  std::vector<Member> list;
  for (auto& stored : load_members(db)) {
    list.push_back(std::move(stored.record));
  }
  return list;
}

std::vector<Employee> list_employees(Database& db) {
  std::vector<Employee> list;
  for (auto& [number, stored] : load_employees(db)) {
    list.push_back(std::move(stored.record));
  }
  return list;
}

std::vector<Contract> list_contracts(Database& db) {
  std::vector<Contract> list;
  for (auto& [reference, stored] : load_contracts(db)) {
    list.push_back(std::move(stored.record));
  }
  return list;
}

}  // namespace gepaie::store
